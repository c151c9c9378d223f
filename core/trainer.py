"""The training loop: epochs of shuffled mini-batches that yield immutable events.

Between any two batches the loop consults a :class:`TrainingControl`, through which another thread
(the GUI) pauses, resumes, stops, asks for one more batch or epoch, changes the learning rate,
momentum, regularisation strength, dropout rate or (from the next epoch) the batch size, or sets a
weight by hand (taken at once while paused, and the run stays paused).

batch size 1 = stochastic gradient descent; batch size N = full-batch gradient descent.
"""
from __future__ import annotations

import collections
import functools
import itertools
import math
import threading
import time
from dataclasses import dataclass
from typing import Iterator

import numpy as np
import threadpoolctl

from core import events, metrics
from core._checks import check_number
from core.layers import Dense, Dropout
from core.losses import NonFiniteOutputError
from core.regularization import Regularizer

LIVE_SETTINGS = ("lr", "momentum", "l1", "l2", "dropout", "batch_size", "epochs")
"""What a running trainer takes at its next batch (:meth:`TrainingControl.change`); ``epochs`` is the
trainer's: the number of the epoch the run ends with (an epoch under way is finished first)."""

MAX_WEIGHT_NORM = 1e10
"""A run whose weights' Euclidean norm ‖θ‖ passes this has diverged even while every number is finite:
trained networks here stay below 10⁴; SGD at lr 10⁶ on the digits reached weights of 10¹¹ and
"completed" at chance accuracy. (Targets of 10⁹ and more, unscaled, could need larger: scale them.)"""

ONE_THREAD_PRODUCT = 1 << 22
"""A batch whose largest matrix product has at most this many multiply-adds runs on one BLAS thread
(in a run on the main thread: see :class:`MainThreadBlasLimit`).

Measured on a 2-core machine, best of 30 alternating runs: a second thread gains nothing up to
4.2M multiply-adds (128×256 times 256×128: 125 µs on one thread, 123 on two; 128×64 times 64×64:
23 and 21 µs) and halves the time from 8M. But a product cut in two waits for both halves, and
when another process holds the other core that wait is a scheduler time slice: the median of the
128×64 by 64×64 product went from 30 µs to 24 ms. The 8×8 digits' 64-64-10 network at batch 128
is all such small products; MNIST's first layer (26M at batch 128) keeps both threads.
"""


class BlasThreadChoice:
    """Whether a run's large batches go faster on every BLAS thread or on one, measured while it trains.

    The products of MNIST's first layer gain from a second thread, but everything else in a batch
    then works on numbers the other core has just read or written, and each such cache line must
    come from that core or be invalidated in it. Where the two cores sit close that is cheap; where
    they sit far apart (a virtual machine's, at times) it is not: on one 2-core host an epoch of
    MNIST at batch 128 took 0.49 s on two threads and 0.76 on one in some minutes, 0.91 and 0.75 in
    others (its matrix products alone 0.35 and 0.47 s on two threads). And while another program
    (the window's GUI thread, painting) takes a core now and then, every product split in two waits
    for its second half whenever that half's thread has lost its core.

    So from the 9th batch of every :attr:`PROBE_EVERY` (the run's first cycle begins after
    :attr:`PROBE_BATCHES` batches not counted: the first one touches every buffer and wakes the BLAS
    threads: up to 3 times as long as the next ones) the other setting runs a probe of at least
    :attr:`PROBE_BATCHES` batches and :attr:`PROBE_SECONDS`, and the setting that spent less time per
    sample goes on: the probe's own time against the chosen setting's over its latest batches of at
    least as many and as long. Times per sample are totals over those batches, not medians: the
    batches that waited for a core (a few in a frame painted every 40 ms) are the cost of a setting,
    not noise. A machine that changes between probes shows as the chosen setting's time per sample
    over its latest probe's length growing past :attr:`SLOWER` × its value at the choice: then a
    probe starts at once (the choice stood half an epoch in the wrong setting otherwise). (The probes
    cost ~2 % of an epoch when the choice stands.)

    A run only chooses where either setting gives the same numbers (:func:`thread_count_changes_products`):
    a run's numbers must not depend on how busy the machine was.
    """

    PROBE_EVERY = 512
    PROBE_BATCHES = 8
    PROBE_SECONDS = 0.02
    SLOWER = 1.25

    def __init__(self):
        self.one_thread = False
        self.probing = False
        self._position = -self.PROBE_BATCHES  # batches since the cycle of PROBE_EVERY began (< 0: warming up)
        self._probe_batches, self._probe_seconds = 0, 0.0
        self._chosen_seconds_per_sample = math.inf  # the chosen setting's, at the choice
        self._times = {False: collections.deque(maxlen=self.PROBE_EVERY),  # (seconds, samples) per batch
                       True: collections.deque(maxlen=self.PROBE_EVERY)}

    def next_on_one_thread(self) -> bool:
        """Whether the next batch runs on one thread: the choice, or the other setting in a probe."""
        return self.one_thread != self.probing

    def record(self, on_one_thread: bool, seconds: float, samples: int) -> None:
        """A batch of ``samples`` took ``seconds``; at the end of a probe, choose again."""
        if self._position < 0:
            self._position += 1
            return
        self._times[on_one_thread].append((seconds, samples))
        self._position = (self._position + 1) % self.PROBE_EVERY
        if self.probing:
            self._probe_batches += 1
            self._probe_seconds += seconds
            if self._probe_batches >= self.PROBE_BATCHES and self._probe_seconds >= self.PROBE_SECONDS:
                self._choose()
        elif self._position == self.PROBE_BATCHES or (
                self._position % self.PROBE_BATCHES == 0 and self._seconds_per_sample(
                    self.one_thread, self.PROBE_BATCHES, self.PROBE_SECONDS)
                > self.SLOWER * self._chosen_seconds_per_sample):
            self.probing, self._probe_batches, self._probe_seconds = True, 0, 0.0

    def _choose(self) -> None:
        probed = self._seconds_per_sample(not self.one_thread, self._probe_batches, 0.0)
        chosen = self._seconds_per_sample(self.one_thread, self._probe_batches, self._probe_seconds)
        if probed < chosen:
            self.one_thread = not self.one_thread
        self._chosen_seconds_per_sample = min(probed, chosen)
        self.probing = False

    def _seconds_per_sample(self, one_thread: bool, batches: int, seconds: float) -> float:
        """A setting's time per sample over its latest batches, at least ``batches`` of them and
        ``seconds`` long (or all it has)."""
        spent = samples = 0
        for count, (batch_seconds, batch_samples) in enumerate(reversed(self._times[one_thread]), 1):
            spent += batch_seconds
            samples += batch_samples
            if count >= batches and spent >= seconds:
                break
        return spent / samples if samples else math.inf


@functools.cache
def _openblas_thread_counts() -> list[tuple]:
    """(get, set) C functions of the thread count of each OpenBLAS loaded here with a process-wide
    (pthreads) pool, found once. OpenMP builds keep a count per calling thread and are left alone."""
    functions = []
    for library in threadpoolctl.ThreadpoolController().select(internal_api="openblas").lib_controllers:
        if library.threading_layer != "pthreads":
            continue
        for prefix, suffix in itertools.product(("", "scipy_"), ("", "64_", "_64")):  # as builds name them
            get = getattr(library.dynlib, f"{prefix}openblas_get_num_threads{suffix}", None)
            if get is not None:
                functions.append((get, getattr(library.dynlib, f"{prefix}openblas_set_num_threads{suffix}")))
                break
    return functions


_PRODUCTS_CHANGE_WITH_THREADS: dict[np.dtype, bool] = {}


def thread_count_changes_products(dtype) -> bool:
    """Whether OpenBLAS here rounds a matrix product of ``dtype`` otherwise on every thread than on one.

    Where its kernels split only a product's rows and columns between threads, each sum is computed
    alike and the numbers are the same (OpenBLAS's SkylakeX kernels, measured). Its Haswell kernels
    (AVX2 CPUs) round differently on two threads than on one, up to 1e-5 in a sum of 64 float32 terms:
    there a run that switched between the settings as they measured faster would give other weights
    each time it ran. Tried once per process and dtype, on MNIST's first product at batch 128 (~1 ms);
    the thread count is restored at once. False while OpenBLAS runs on one thread (nothing to compare).
    """
    dtype = np.dtype(dtype)
    if dtype not in _PRODUCTS_CHANGE_WITH_THREADS:
        lowered = [(set_threads, threads) for get_threads, set_threads in _openblas_thread_counts()
                   if (threads := get_threads()) > 1]
        if not lowered:
            return False
        rng = np.random.default_rng(0)
        a, b = (rng.standard_normal(shape).astype(dtype) for shape in ((128, 784), (784, 256)))
        on_every_thread = a @ b
        for set_threads, _ in lowered:
            set_threads(1)
        try:
            on_one_thread = a @ b
        finally:
            for set_threads, threads in lowered:
                set_threads(threads)
        _PRODUCTS_CHANGE_WITH_THREADS[dtype] = not np.array_equal(on_every_thread, on_one_thread)
    return _PRODUCTS_CHANGE_WITH_THREADS[dtype]


class MainThreadBlasLimit:
    """OpenBLAS on one thread for a run's batches of small products in the main thread (see
    :data:`ONE_THREAD_PRODUCT`), held from batch to batch rather than set and restored around each:
    the change and its restoration made a digits batch ~3.5 µs (4 %) longer in training, though the
    two calls take under 1 µs in a loop of their own (why, OpenBLAS's inside would tell).

    The run releases it (every thread back) before a batch that wants every thread, before the
    epoch's validation (larger products), when it pauses and when it ends, however it ends (a
    caller that stops iterating closes the generator, at the latest when it is collected). Between
    batches the caller's own code therefore runs on one BLAS thread (a run kept unfinished holds it until
    it is closed or collected), and a count the caller changes meanwhile is left as the caller set it.

    Through OpenBLAS's own C functions: threadpoolctl's limit costs ~100 µs (a digits batch is ~80),
    and its ``set_num_threads`` makes the calling thread the only one whose limits count, for good: a
    limit set later in another thread (the window's training thread leaving a core to the GUI) then
    silently did nothing. Other threads leave the BLAS as they find it: the window's training, race
    and variants threads each hold a threadpoolctl limit over their whole run, which a count changed
    under it would restore wrongly. (The converse remains: such a limit starting or ending while a
    main-thread run holds one thread would read or restore that 1; the window's main thread never
    trains, and its training process, which trains in its own main thread, runs no other thread that
    sets a limit.)
    """

    def __init__(self):
        self._lowered: list[tuple] = []  # ((get, set) of its thread count, the count to restore) per OpenBLAS lowered

    def limit_to_one(self) -> None:
        if self._lowered or threading.current_thread() is not threading.main_thread():
            return
        self._lowered = [(functions, threads) for functions in _openblas_thread_counts()
                         if (threads := functions[0]()) > 1]
        for (_, set_threads), _ in self._lowered:
            set_threads(1)

    def release(self) -> None:
        # Only a count still at the 1 set here: one changed meanwhile (a threadpoolctl limit entered or left
        # between two batches) is the caller's, and restoring the old count would undo it for good.
        for (get_threads, set_threads), threads in self._lowered:
            if get_threads() == 1:
                set_threads(threads)
        self._lowered = []


def batch_starts(n_train: int, batch_size: int, fewest: int = 1) -> list[int]:
    """Where each batch of an epoch starts in its order: every ``batch_size`` examples, except that a
    last batch of fewer than ``fewest`` (the fewest rows the network trains on: 2 with batch
    normalisation) joins the batch before it."""
    starts = list(range(0, n_train, batch_size))
    if len(starts) > 1 and n_train - starts[-1] < fewest:
        starts.pop()
    return starts


def planned_units(unit: str, epochs: int, n_train: int | None, batch_size: int, fewest: int = 1) -> int | None:
    """How far t goes in a run of ``epochs`` for a schedule counting ``unit``: the epochs, or the steps
    (epochs × batches per epoch, see :func:`batch_starts`; None while the number of training examples is
    unknown)."""
    if unit == "epoch":
        return epochs
    return None if n_train is None else epochs * len(batch_starts(n_train, batch_size, fewest))


def check_live_settings(settings: dict) -> None:
    """ValueError naming the settings that cannot change during a run (not in LIVE_SETTINGS)."""
    unknown = set(settings) - set(LIVE_SETTINGS)
    if unknown:
        raise ValueError(f"cannot change {', '.join(sorted(unknown))} during a run; "
                         f"live settings are {', '.join(LIVE_SETTINGS)}")


class TrainingControl:
    """Thread-safe commands for a running :class:`Trainer`, honoured between batches."""

    def __init__(self, paused: bool = False):
        self._condition = threading.Condition()
        self._paused = paused
        self._stop_requested = False
        self._batches_allowed = 0
        self._pause_after_epoch = False
        self._changes: dict[str, float] = {}
        self._weights_set: list[tuple[int, int | None, int, float]] = []  # see set_weight
        self._pace = 0.0  # seconds at least from one batch to the next (see set_pace)
        self._next_batch = 0.0

    # Commands (any thread) ---------------------------------------------------
    def pause(self) -> None:
        with self._condition:
            self._paused = True
            self._batches_allowed = 0
            self._pause_after_epoch = False

    def resume(self) -> None:
        with self._condition:
            self._paused = False
            self._pause_after_epoch = False
            self._condition.notify_all()

    def stop(self) -> None:
        with self._condition:
            self._stop_requested = True
            self._condition.notify_all()

    def step_batch(self) -> None:
        """Run exactly one more batch, then pause."""
        with self._condition:
            self._paused = True
            self._batches_allowed += 1
            self._condition.notify_all()

    def step_epoch(self) -> None:
        """Run to the end of the current epoch, then pause."""
        with self._condition:
            self._paused = False
            self._pause_after_epoch = True
            self._condition.notify_all()

    def change(self, **settings: float) -> None:
        """Queue new values for the live settings (lr, momentum, l1, l2, dropout, batch_size, epochs); ``dropout``
        is one rate for every layer that has dropout, or a list of each hidden layer's (0 where it has none)."""
        check_live_settings(settings)
        with self._condition:
            self._changes.update(settings)

    def set_weight(self, layer: int, source: int | None, target: int, value: float) -> None:
        """Set by hand the weight from unit ``source`` to unit ``target`` of Dense layer ``layer`` (the bias when
        ``source`` is None; see :meth:`core.network.Network.set_weight`): before the next batch, or at once while
        the run is paused, which stays paused (it then announces Paused again, with the weight set). The trainer
        says so with a :class:`~core.events.WeightSetByHand`. The caller checks the weight first
        (:meth:`~core.network.Network.check_weight`): one the network lacks ends the run with a ValueError."""
        with self._condition:
            self._weights_set.append((layer, source, target, value))
            self._condition.notify_all()

    def set_pace(self, seconds_per_batch: float) -> None:
        """Leave at least ``seconds_per_batch`` from one batch to the next (0: as fast as the machine
        goes): a run slowed down to be watched, its views drawn as it learns. From the next batch."""
        with self._condition:
            self._pace = max(0.0, float(seconds_per_batch))
            self._condition.notify_all()

    @property
    def pace(self) -> float:
        return self._pace

    @property
    def paused(self) -> bool:
        with self._condition:
            return self._paused and self._batches_allowed == 0

    @property
    def stop_requested(self) -> bool:
        return self._stop_requested

    # Used by the loop ----------------------------------------------------------
    # The loop asks all three before every batch. While nothing is paused, stopped or changed, an
    # unlocked read of a flag answers (reading one attribute is atomic) and the lock is left alone;
    # a command arriving just after that read is honoured at the next batch, as if it came a moment later.
    def take_changes(self) -> dict[str, float]:
        if not self._changes:
            return {}
        with self._condition:
            changes, self._changes = self._changes, {}
            return changes

    def take_weights_set(self) -> list[tuple[int, int | None, int, float]]:
        """The weights set by hand since the last call, in the order they were set."""
        if not self._weights_set:
            return []
        with self._condition:
            weights_set, self._weights_set = self._weights_set, []
            return weights_set

    def must_wait(self) -> bool:
        if not self._paused:
            return False
        with self._condition:
            return self._paused and self._batches_allowed == 0 and not self._stop_requested

    def wait_for_permission(self) -> bool:
        """Block while paused; return False if the run must stop. Consumes one stepped batch, except
        when it returns for weights set by hand (:meth:`take_weights_set`): the caller takes them and asks again."""
        if not (self._paused or self._stop_requested):
            return True
        with self._condition:
            while self._paused and self._batches_allowed == 0 and not self._stop_requested and not self._weights_set:
                self._condition.wait()
            if self._stop_requested:
                return False
            if self._paused and not self._weights_set:
                self._batches_allowed -= 1
            return True

    def keep_pace(self) -> None:
        """Wait until the pace (:meth:`set_pace`) lets the next batch go: at once without one, for a
        stepped batch, or when the run is stopped or paused meanwhile."""
        if not self._pace:
            return
        with self._condition:
            while self._pace and not (self._stop_requested or self._paused):
                wait = self._next_batch - time.perf_counter()
                if wait <= 0:
                    break
                self._condition.wait(wait)
            self._next_batch = time.perf_counter() + self._pace

    def epoch_ended(self) -> None:
        with self._condition:
            if self._pause_after_epoch:
                self._pause_after_epoch = False
                self._paused = True


def monitored_loss(val_loss: float, train_loss: float, train_penalty: float) -> float:
    """What the best epoch, early stopping and on-plateau schedules watch: the validation loss, or
    without one (NaN) the objective the steps lower, L + P (a penalty that grows is no progress)."""
    return val_loss if not math.isnan(val_loss) else train_loss + train_penalty


def evaluate(network, X: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Mean loss and metric (accuracy, or R² for regression) of ``network`` on (X, y)."""
    loss, predictions = network.loss.forward_and_predict(network.predict_output(X), y)
    return loss, score(network, y, predictions)


@dataclass(frozen=True)
class RegressionScores:
    """How well a regression network predicts some examples (see :func:`regression_scores`).

    ``loss``: the training loss, the mean squared error of the targets as the network learns them — the
    scaled targets y' when they are scaled, so not in the data's units; ``r2``: R², the same in either units;
    ``rmse`` = √(mean (ŷ − y)²) and ``mae`` = mean |ŷ − y|: in the data's own units.
    """

    loss: float
    r2: float
    rmse: float
    mae: float


def regression_scores(network, X: np.ndarray, y: np.ndarray, target_scaler=None) -> RegressionScores:
    """:class:`RegressionScores` of ``network`` on inputs ``X`` and targets ``y`` in the data's own units, for a
    network trained on targets scaled by ``target_scaler`` (a :class:`core.datasets.Scaler`; None: as they are).

    The loss compares the output o with y' = (y − offset) / scale, as training did; the other scores compare
    ŷ = o · scale + offset with y.
    """
    learnt = y if target_scaler is None else target_scaler.transform(y)
    loss, predictions = network.loss.forward_and_predict(network.predict_output(X), learnt)
    predicted = np.reshape(predictions, np.shape(y))
    if target_scaler is not None:
        predicted = target_scaler.inverse_transform(predicted)
    return RegressionScores(loss, metrics.r2_score(y, predicted), math.sqrt(metrics.mean_squared_error(y, predicted)),
                            metrics.mean_absolute_error(y, predicted))


def score(network, y: np.ndarray, predictions: np.ndarray) -> float:
    """Accuracy for classification losses, R² for regression losses."""
    if network.loss.task == "regression":
        return metrics.r2_score(y, predictions)
    return metrics.accuracy(y, predictions)


class Trainer:
    """Trains ``network`` with ``optimizer`` on (X_train, y_train).

    ``schedule`` (optional) sets the learning rate per step or per epoch (``schedule_unit``);
    ``regularizer`` adds weight penalties; ``patience`` enables early stopping on the validation
    loss (or the training loss without validation data), restoring the best weights;
    ``augment`` is a callable applied to each training batch of inputs. ``seed`` seeds the batch
    order, so two trainers with the same seed see the same batches in the same order.
    """

    def __init__(self, network, optimizer, X_train, y_train, X_val=None, y_val=None, *,
                 batch_size: int = 32, epochs: int = 10, schedule=None, schedule_unit: str = "step",
                 regularizer: Regularizer | None = None, patience: int | None = None, seed: int = 0,
                 augment=None, control: TrainingControl | None = None, track_gradient_norms: bool = False,
                 start_epoch: int = 0, start_step: int = 0):
        self.network, self.optimizer = network, optimizer
        self.X_train = network.check_inputs(X_train)
        self.y_train = np.asarray(y_train)
        if self.X_train.shape[0] != self.y_train.shape[0]:
            raise ValueError(f"{self.X_train.shape[0]} training inputs but {self.y_train.shape[0]} targets")
        network.loss.check_targets(self.y_train, network.n_outputs)
        self.has_validation = X_val is not None and len(X_val) > 0
        if self.has_validation:
            self.X_val, self.y_val = network.check_inputs(X_val), np.asarray(y_val)
            network.loss.check_targets(self.y_val, network.n_outputs)
        self.batch_size = check_number("batch size", batch_size, low=1, integer=True)
        self.epochs = check_number("epochs", epochs, low=1, integer=True)
        if schedule_unit not in ("step", "epoch"):
            raise ValueError(f"schedule unit must be 'step' or 'epoch', got {schedule_unit!r}")
        self.schedule, self.schedule_unit = schedule, schedule_unit
        self.regularizer = regularizer
        self.patience = None if patience is None else check_number("patience", patience, low=1, integer=True)
        self.seed = check_number("seed", seed, low=0, integer=True)
        self.shuffle_rng = np.random.default_rng([self.seed, 1])
        self.augment = augment
        self.control = control or TrainingControl()
        self.track_gradient_norms = track_gradient_norms
        self.epoch, self.step = start_epoch, start_step
        self.best_epoch, self.best_loss = -1, math.inf
        self.best_weights: events.Snapshot | None = None  # set by run
        self._next_parameters = np.empty_like(network.flat_parameters)  # see _learn
        dense_layers = [layer for layer in network.layers if isinstance(layer, Dense)]
        self._dense_gradients = [layer.grads[0] for layer in dense_layers]
        self._largest_layer = max((layer.n_in * layer.n_out for layer in dense_layers), default=0)
        self._batch_x: dict[int, np.ndarray] = {}
        self._blas_thread_choice: BlasThreadChoice | None = None  # set by run
        self._main_thread_blas = MainThreadBlasLimit()
        self._gradient_norms: tuple[float, ...] = ()  # the last batch's, with track_gradient_norms

    # ------------------------------------------------------------------ live settings
    def apply_changes(self, changes: dict) -> None:
        for key, value in changes.items():
            if key == "lr":  # as a run may start with: ≥ 0 (a run configuration's rule, and the optimisers')
                value = check_number("learning rate", value, low=0.0)
                if self.schedule is not None:
                    self.schedule.lr0 = value
                self.optimizer.lr = value
            elif key == "momentum":
                if not hasattr(self.optimizer, "momentum"):
                    raise ValueError(f"optimizer {self.optimizer.name!r} has no momentum")
                self.optimizer.momentum = check_number("momentum", value, low=0.0, high=1.0, high_open=True)
            elif key in ("l1", "l2"):
                if self.regularizer is None:
                    self.regularizer = Regularizer()
                setattr(self.regularizer, key, check_number(key, value, low=0.0))
            elif key == "dropout":
                if isinstance(value, (list, tuple)):  # a rate for each hidden layer
                    self.network.set_dropout(value)
                else:  # one rate for every layer that has dropout
                    for layer in self.network.layers:
                        if isinstance(layer, Dropout):
                            layer.p = value
            elif key == "batch_size":
                self.batch_size = check_number("batch size", value, low=1, integer=True)
            elif key == "epochs":
                self.epochs = check_number("epochs", value, low=1, integer=True)

    def _set_by_hand(self, layer: int, source: int | None, target: int, value: float) -> events.WeightSetByHand:
        old = self.network.weight(layer, source, target)
        self.network.set_weight(layer, source, target, value)
        return events.WeightSetByHand(self.step, layer, source, target, old, self.network.weight(layer, source, target))

    # ------------------------------------------------------------------ the loop
    def _gather(self, X: np.ndarray, index: np.ndarray) -> np.ndarray:
        # take into a reused buffer gathers rows several times faster than X[index]; the method,
        # not np.take, whose two Python wrappers cost a µs a batch.
        buffer = self._batch_x.get(index.size)
        if buffer is None:
            buffer = self._batch_x[index.size] = np.empty((index.size, X.shape[1]), dtype=X.dtype)
        return X.take(index, axis=0, out=buffer, mode="clip")

    def _set_scheduled_lr(self, t: int) -> None:
        if self.schedule is not None:
            self.optimizer.lr = float(self.schedule(t))

    def _nonfinite_report(self, xb: np.ndarray, weights: np.ndarray) -> tuple[str, str]:
        """The first tensor that went non-finite, as ``(what, where)`` (see :data:`events.NONFINITE`):
        a weight among ``weights`` (laid out as the network's flat parameters: those of the step that
        was refused, or the network's own), a gradient, the largest tensor of weights whose norm grew
        past :data:`MAX_WEIGHT_NORM`, a layer's output for ``xb`` with ``weights`` (the network's are
        put back after), or else the loss."""
        network = self.network
        offset, largest = 0, (0.0, "")
        with np.errstate(over="ignore"):  # squares of finite float32 weights may overflow: they grew
            for name, grad in zip(network.parameter_names(), network.gradients()):
                tensor = weights[offset:offset + grad.size]
                if not np.isfinite(tensor).all():
                    return "weights", name
                if not np.isfinite(grad).all():
                    return "gradient", name
                largest = max(largest, (float(np.dot(tensor, tensor)), name))
                offset += grad.size
            if float(np.dot(weights, weights)) > MAX_WEIGHT_NORM ** 2:
                return "grew", largest[1]
        kept = network.flat_parameters.copy()
        np.copyto(network.flat_parameters, weights)
        try:
            out = xb
            with np.errstate(over="ignore", invalid="ignore"):
                for index, layer in enumerate(network.layers):
                    out = layer.forward(out, training=False)
                    if not np.isfinite(out).all():
                        return "output", f"layer{index} ({layer.describe()})"
        finally:
            np.copyto(network.flat_parameters, kept)
        return "loss", ""

    def _learn(self, xb: np.ndarray, yb: np.ndarray) -> tuple[float, float, np.ndarray, bool]:
        """One optimiser step on a batch: (its loss, its penalty, its predictions, whether its new
        weights were finite); see :meth:`Network.loss_and_gradients`.

        No step is taken when the loss or the penalty is not finite. The optimiser writes the new weights to
        ``_next_parameters``, which replace the network's only when they are all finite: after a step
        that diverged, the network still has the last finite weights. (Cheaper than a step in place
        that keeps a backup: see :mod:`core.optimizers`.)
        """
        network = self.network
        # Overflow is detected here and reported as divergence, not as warnings.
        with np.errstate(over="ignore", invalid="ignore"):
            try:
                output_loss, penalty, predictions = network.loss_and_gradients(
                    xb, yb, self.regularizer, self._note_gradient_norms if self.track_gradient_norms else None)
            except NonFiniteOutputError:
                return math.nan, math.nan, None, True
            if not math.isfinite(output_loss + penalty):
                return output_loss, penalty, predictions, True
            new_weights = self._next_parameters
            self.optimizer.step([network.flat_parameters], [network.flat_gradients], [new_weights])
            # w·w is NaN or inf when any weight is (and once the weights' RMS passes ~1e16 in
            # float32, long diverged): one BLAS pass, 2–3× cheaper than w.sum() or isfinite().all().
            # It also bounds ‖θ‖ (MAX_WEIGHT_NORM); a NaN fails the comparison too.
            if not float(np.dot(new_weights, new_weights)) <= MAX_WEIGHT_NORM ** 2:
                return output_loss, penalty, predictions, False
            np.copyto(network.flat_parameters, new_weights)
        return output_loss, penalty, predictions, True

    def _note_gradient_norms(self) -> None:
        """‖∂L/∂W‖ (Frobenius) of each Dense layer's weights: the data's gradient, which vanishes or
        explodes; a weight penalty's 2λ₂·w would hide that late in training."""
        self._gradient_norms = tuple(float(np.linalg.norm(g)) for g in self._dense_gradients)

    def _learn_as_fastest(self, xb: np.ndarray, yb: np.ndarray) -> tuple[float, float, np.ndarray, bool]:
        """:meth:`_learn` on one BLAS thread when the batch's products are small (see
        :data:`ONE_THREAD_PRODUCT`), else on as many as the run's :class:`BlasThreadChoice` finds faster
        (there is one in the main thread while OpenBLAS runs several threads)."""
        if xb.shape[0] * self._largest_layer <= ONE_THREAD_PRODUCT:
            self._main_thread_blas.limit_to_one()
            return self._learn(xb, yb)
        choice = self._blas_thread_choice
        if choice is None:
            self._main_thread_blas.release()
            return self._learn(xb, yb)
        on_one_thread = choice.next_on_one_thread()
        if on_one_thread:
            self._main_thread_blas.limit_to_one()
        else:
            self._main_thread_blas.release()
        start = time.perf_counter()
        outcome = self._learn(xb, yb)
        choice.record(on_one_thread, time.perf_counter() - start, xb.shape[0])
        return outcome

    def _batch_starts(self, n_train: int) -> list[int]:
        return batch_starts(n_train, self.batch_size, self.network.min_training_batch)

    @property
    def steps_per_epoch(self) -> int:
        """Optimiser steps (batches) in an epoch at the current batch size."""
        return len(self._batch_starts(self.X_train.shape[0]))

    def run(self) -> Iterator[object]:
        """Train, yielding :mod:`core.events` objects; ends with a TrainingFinished event."""
        try:
            yield from self._train()
        finally:
            self._main_thread_blas.release()

    def _train(self) -> Iterator[object]:
        network, control = self.network, self.control
        n_train = self.X_train.shape[0]
        samples_seen = self.step * self.batch_size
        yield events.TrainingStarted(n_train, self.X_val.shape[0] if self.has_validation else 0, self.epochs,
                                     self.steps_per_epoch, network.n_parameters)
        # The optimiser's and the network's kernels are compiled (seconds, once per computer; then about half
        # a second to load) in the thread that runs this loop, after the start is announced and before the clock runs.
        self.optimizer.prepare(network.dtype)
        network.prepare()
        self._blas_thread_choice = BlasThreadChoice() \
            if threading.current_thread() is threading.main_thread() \
            and any(get_threads() > 1 for get_threads, _ in _openblas_thread_counts()) \
            and not thread_count_changes_products(network.dtype) else None
        # What early stopping restores and a divergence offers to go back to: the weights of this run's
        # epoch with the lowest monitored loss, or those it started from (one copy of the parameters).
        self.best_weights = events.Snapshot(self.epoch, self.step, network.state())
        start = time.perf_counter()
        if self.schedule is not None and self.schedule_unit == "epoch":
            self._set_scheduled_lr(self.epoch)
        reason, message = events.COMPLETED, ""
        nonfinite, diverging_lr = (), math.nan
        while True:
            changes = control.take_changes()  # a change of the epochs planned, made at the last batch, counts
            if changes:
                self.apply_changes(changes)
            if self.epoch >= self.epochs:
                break
            epoch_start = time.perf_counter()
            order = self.shuffle_rng.permutation(n_train)
            # Sums over the epoch's examples (each batch weighted by its size: a short last batch counts less).
            loss_sum = penalty_sum = metric_sum = 0.0
            n_examples = 0
            r2_totals = metrics.R2Totals() if network.loss.task == "regression" else None
            starts = self._batch_starts(n_train)
            for batch_in_epoch, first in enumerate(starts):
                while True:  # until the next batch may go: weights set by hand while paused are set, and it pauses on
                    waiting = control.must_wait()
                    if waiting:
                        paused_at = time.perf_counter()
                        self._main_thread_blas.release()
                        yield events.Paused(self.epoch, self.step)
                    allowed = control.wait_for_permission()
                    if waiting:  # time paused is not training time: elapsed times and rates leave it out
                        paused_for = time.perf_counter() - paused_at
                        start += paused_for
                        epoch_start += paused_for
                    weights_set = control.take_weights_set()  # set even as the run stops: its weights are kept
                    for layer, source, target, value in weights_set:
                        yield self._set_by_hand(layer, source, target, value)
                    if not (weights_set and allowed):
                        break
                if not allowed:
                    reason, message = events.STOPPED, "stopped by the user"
                    break
                control.keep_pace()
                changes = control.take_changes()
                if changes:
                    self.apply_changes(changes)
                    if batch_in_epoch == 0 and self.epoch >= self.epochs:
                        break  # the run now ends before this epoch (changed while paused between epochs)
                index = order[first:starts[batch_in_epoch + 1] if batch_in_epoch + 1 < len(starts) else n_train]
                xb = self._gather(self.X_train, index)
                yb = self.y_train[index]
                if self.augment is not None:
                    xb = self.augment(xb)
                if self.schedule is not None and self.schedule_unit == "step":
                    self._set_scheduled_lr(self.step)
                output_loss, penalty, predictions, weights_finite = self._learn_as_fastest(xb, yb)
                if not (math.isfinite(output_loss + penalty) and weights_finite):
                    # the step's new weights when they were not finite (and so not taken), else the network's
                    weights = network.flat_parameters if weights_finite else self._next_parameters
                    nonfinite, diverging_lr = self._nonfinite_report(xb, weights), self.optimizer.lr
                    reason = events.DIVERGED
                    detail = events.NONFINITE[nonfinite[0]].format(where=nonfinite[1])
                    message = (f"training diverged at epoch {self.epoch + 1}, step {self.step + 1}: {detail}. "
                               f"The last finite weights were kept. Try a lower learning rate "
                               f"(now {self.optimizer.lr:g}), gradient-friendlier initialisation or scaled inputs.")
                    break
                batch_metric = score(network, yb, predictions)
                self.step += 1
                samples_seen += index.size
                n_examples += index.size
                loss_sum += output_loss * index.size
                penalty_sum += penalty * index.size
                metric_sum += batch_metric * index.size
                if r2_totals is not None:
                    r2_totals.add(yb, predictions)
                yield events.BatchFinished(self.epoch, self.step, batch_in_epoch, index.size, output_loss,
                                           batch_metric, self.optimizer.lr, samples_seen,
                                           time.perf_counter() - start, self._gradient_norms, penalty)
            if reason in (events.STOPPED, events.DIVERGED) or n_examples == 0:
                break
            train_loss, train_penalty = loss_sum / n_examples, penalty_sum / n_examples
            # accuracy: (1/N) Σ_batches n_b·accuracy_b; R² of the epoch's examples, not the mean of its batches'
            train_metric = r2_totals.score() if r2_totals is not None else metric_sum / n_examples
            self._main_thread_blas.release()
            if self.has_validation:
                val_loss, val_metric = evaluate(network, self.X_val, self.y_val)
            else:
                val_loss, val_metric = math.nan, math.nan
            monitored = monitored_loss(val_loss, train_loss, train_penalty)
            is_best = monitored < self.best_loss
            if is_best:
                self.best_loss, self.best_epoch = monitored, self.epoch
                self.best_weights = events.Snapshot(self.epoch + 1, self.step, network.state())
            if self.schedule is not None and hasattr(self.schedule, "observe"):
                self.schedule.observe(monitored)
            self.epoch += 1
            elapsed_epoch = time.perf_counter() - epoch_start
            if self.schedule is not None and self.schedule_unit == "epoch":
                self._set_scheduled_lr(self.epoch)
            yield events.EpochFinished(self.epoch, self.step, train_loss, train_metric, val_loss, val_metric,
                                       self.optimizer.lr, time.perf_counter() - start,
                                       n_train / elapsed_epoch if elapsed_epoch > 0 else math.nan, is_best,
                                       train_penalty)
            control.epoch_ended()
            if self.patience is not None and self.epoch - 1 - self.best_epoch >= self.patience:
                network.load_state(self.best_weights.state)
                reason = events.EARLY_STOPPED
                message = (f"no improvement for {self.patience} epoch{'s' if self.patience > 1 else ''}; "
                           f"restored the best weights from epoch {self.best_epoch + 1}")
                break
        if reason == events.COMPLETED:  # the epochs planned may have changed on the way
            message = f"finished {self.epoch} epoch{'s' if self.epoch > 1 else ''}"
        yield events.TrainingFinished(reason, message, self.epoch, self.step, self.best_epoch + 1,
                                      self.best_loss, time.perf_counter() - start, nonfinite, diverging_lr,
                                      self.best_weights if reason == events.DIVERGED else None)
