"""The window's side of the run library (:mod:`core.runs`): recording runs as they train, and
turning a saved run back into what the views show.

Recording must neither slow training nor freeze the window. Where the run trains (its thread, or
its process: :mod:`app.training_process`) every engine event is handed over as it happens
(:func:`recorded_item`), with a copy of the weights at the end of each epoch (taken there, while the
network still holds that epoch's weights, so the files are exactly those of a command-line run). A writer thread of the recording's own passes them to a
:class:`core.runs.RunRecorder` whose network is a twin of the trained one. Saving an epoch costs
about 40 ms for the digits (mostly ``fsync``), as long as the epoch itself; a toy problem trains
hundreds of epochs a second. So the writer saves at most once every :data:`SAVE_INTERVAL`
seconds (and at once when the run ends), and of the epochs waiting it saves only the newest, the
newest best one and every due checkpoint (``RunRecorder.record(event, save=False)`` for the rest);
its Python work then never takes the interpreter from the training thread for long. A failed write
(a full disk) ends the recording, never the training, and its run.json says so where it can.
"""
from __future__ import annotations

import bisect
import copy
import logging
import math
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from app import display_names
from app.i18n import english_plural, os_error_reason
from app.panels.base import refusal_text
from app.spreadsheet_csv import csv_text
from app.worker_thread import Outbox
from core import events, model_io, runs
from core.config import RunConfig
from core.datasets.dataset import same_scaler
from core.experiment import build_network
from core.trainer import monitored_loss

log = logging.getLogger(__name__)

SAVE_INTERVAL = 1.0
"""Seconds between two saves of a run: a crash loses at most this much training."""

HISTORY_WAIT_S = 0.25
"""How long the GUI thread waits at most for a run's writer to take in what is queued before reading the run's
history (:meth:`RunRecording.history`): longer, the window would seem frozen."""

WRITER_ENDED = "(writer ended)"
"""The last message of a :class:`RunRecording`'s writer thread, after everything it wrote."""

CHECKPOINTS_PER_RUN = 20
"""Checkpoints are written every 5 epochs, or less often for long runs, so that a run has about this many."""

EMPTY_HISTORY = {"epochs": [], "batches": [], "batch_stride": 1}

METRIC_COLUMNS = ("epoch", "step", "train_loss", "train_penalty", "train_metric", "val_loss", "val_metric", "lr",
                  "elapsed")
"""The columns of a metrics CSV: one row per epoch of the run's history."""

LOSS_COLUMNS = ("train_loss", "val_loss")
"""The columns of :data:`METRIC_COLUMNS` that are the loss of the targets (the penalty is of the weights)."""

SCALED_TARGETS = QT_TRANSLATE_NOOP("RunLibrary", "%1 (scaled targets)")
"""A loss of scaled regression targets, not in the data's units, as the status bar marks it."""


def checkpoint_interval(epochs: int) -> int:
    """Epochs between checkpoints: 5, as on the command line, or more for runs of over 100 epochs."""
    return max(5, math.ceil(epochs / CHECKPOINTS_PER_RUN))


def describe_run(config: RunConfig, dataset_name: str) -> str:
    """A name for a run whose configuration has none of its own: what it trains, and how."""
    layers = " ".join(f"{layer.units}{layer.activation[:4]}" for layer in config.network.hidden) or "linear"
    return f"{dataset_name} · {layers} · {config.optimizer.name} {config.optimizer.lr:g}"


def same_settings(recorded: RunConfig, config: RunConfig) -> bool:
    """Whether ``config`` trains exactly as ``recorded`` does (their names aside)."""
    first, second = recorded.to_dict(), config.to_dict()
    first.pop("name")
    second.pop("name")
    return first == second


def model_metadata(experiment, **extra) -> dict:
    """What a model file records besides the weights: the settings the network was built and trained
    with, and how to feed it new inputs — the data set's name, image shape, class names and input
    scaling — and to read its outputs (the regression targets' scaling): :func:`core.model_io.scalers_record`."""
    dataset = experiment.dataset
    return {"dataset": experiment.config.data.dataset, "config": experiment.config.to_file_dict(),
            "image_shape": list(dataset.image_shape) if dataset.image_shape is not None else None,
            "class_names": list(dataset.class_names), **model_io.scalers_record(dataset), **extra}


def describe_network(network) -> str:
    """"64 → 64 → 10 (4 layers), softmax_cross_entropy": widths of the dense layers, layer count, loss."""
    return f"{_widths(network)} ({len(network.layers)} layers), {network.loss_name}"


def network_in_words(network) -> str:
    """:func:`describe_network` in the window's language, its loss named as the panels name it: "64 → 64 → 10
    (4 layers), Softmax cross-entropy"."""
    count = len(network.layers)
    text = QCoreApplication.translate("RunLibrary", "{widths} ({count} layer(s)), {loss}")
    return english_plural(text, count).format(widths=_widths(network), count=count,
                                              loss=display_names.label("loss", network.loss_name))


def _widths(network) -> str:
    """"64 → 64 → 10": the inputs and the widths of the dense layers."""
    dense = [layer for layer in network.config()["layers"] if layer["type"] == "dense"]
    return " → ".join(map(str, [dense[0]["n_in"]] + [layer["n_out"] for layer in dense] if dense else []))


def check_fits(network, config: RunConfig, source) -> None:
    """ValueError unless ``config`` builds a network with ``network``'s loss and weight shapes."""
    built = build_network(config, network.n_inputs, network.n_outputs)
    shapes = {name: array.shape for name, array in network.state().items()}
    if built.loss_name != network.loss_name or {name: array.shape for name, array in built.state().items()} != shapes:
        raise ValueError(f"{source}: its network ({describe_network(network)}) does not match the settings "
                         f"recorded with it ({describe_network(built)})")


def fits_weights(network, state: dict) -> bool:
    """Whether ``state`` (a saved :meth:`core.network.Network.state`) has every array of ``network``, each of its shape."""
    return {name: array.shape for name, array in network.state().items()} == \
        {name: np.shape(array) for name, array in state.items()}


def history_until(history: dict, epoch: int, step: int) -> dict:
    """A copy of ``history`` holding what happened up to ``epoch`` and ``step``."""
    return {"epochs": [copy.copy(entry) for entry in history["epochs"] if entry["epoch"] <= epoch],
            "batches": [list(point) for point in history["batches"] if point[0] <= step],
            "batch_stride": history.get("batch_stride", 1)}


def _number(value) -> float:
    """A history value as a float: None (a non-finite value when it was saved) becomes NaN."""
    return math.nan if value is None else float(value)


def history_events(history: dict, batch_size: int) -> tuple[tuple, tuple]:
    """(batches, epochs): a saved history as engine events, to replay into the views.

    The history keeps, per batch, the step, loss, metric, learning rate and gradient norms (runs
    saved before they were recorded have none); the epoch a batch belongs to follows from the steps
    at which epochs ended, the time from the epochs' times. What was never saved (the size of each
    last batch) is left out.
    """
    epochs = history["epochs"]
    ends = [entry["step"] for entry in epochs]
    times = [0.0] + [_number(entry["elapsed"]) for entry in epochs]
    steps = [0] + ends
    best = None
    epoch_events = []
    for entry in epochs:
        val_loss, train_loss = _number(entry["val_loss"]), _number(entry["train_loss"])
        train_penalty = _number(entry.get("train_penalty", 0.0))  # runs saved before it was recorded had none
        loss = monitored_loss(val_loss, train_loss, train_penalty)
        is_best = math.isfinite(loss) and (best is None or loss < best)
        best = loss if is_best else best
        epoch_events.append(events.EpochFinished(
            entry["epoch"], entry["step"], train_loss, _number(entry["train_metric"]), val_loss,
            _number(entry["val_metric"]), _number(entry["lr"]), _number(entry["elapsed"]), math.nan, is_best,
            train_penalty))
    batch_events = []
    for step, loss, metric, lr, *norms in history["batches"]:
        epoch = bisect.bisect_left(ends, step)
        start = steps[epoch] if epoch < len(steps) else steps[-1]
        batch_events.append(events.BatchFinished(
            epoch, step, step - start - 1, batch_size, _number(loss), _number(metric), _number(lr),
            step * batch_size, _interpolate(step, steps, times), tuple(map(_number, norms[0])) if norms else ()))
    return tuple(batch_events), tuple(epoch_events)


def _interpolate(step: int, steps: list[int], times: list[float]) -> float:
    index = bisect.bisect_left(steps, step)
    if index >= len(steps):
        return times[-1]
    if index == 0 or steps[index] == steps[index - 1]:
        return times[index]
    share = (step - steps[index - 1]) / (steps[index] - steps[index - 1])
    return times[index - 1] + share * (times[index] - times[index - 1])


def of_scaled_targets(name: str) -> str:
    """``name`` of a loss of scaled regression targets, marked so (:data:`SCALED_TARGETS`)."""
    return QCoreApplication.translate("RunLibrary", SCALED_TARGETS).replace("%1", name)


def write_metrics_csv(path, history: dict, scaled_targets: bool = False) -> None:
    """Write the per-epoch history as CSV (:data:`METRIC_COLUMNS`; an empty cell where a value was not finite)
    for a spreadsheet in the interface language (:mod:`app.spreadsheet_csv`), atomically (the previous file
    stays whole if the write fails). With ``scaled_targets`` the losses' columns say that they are of the scaled
    regression targets ("val_loss (scaled targets)"), not in the data's units."""
    header = [of_scaled_targets(column) if scaled_targets and column in LOSS_COLUMNS else column
              for column in METRIC_COLUMNS]
    rows = [["" if entry.get(column) is None else entry[column] for column in METRIC_COLUMNS]
            for entry in history["epochs"]]
    model_io.write_text_atomically(Path(path), csv_text(header, rows))


FITTED = "fitted"
"""The :attr:`SavedRun.scaler` or :attr:`SavedRun.target_scaler` of weights whose file records none (saved before
files recorded it): the inputs' or the targets' scaling is fitted on the data's training split, as when they were
trained."""


@dataclass(frozen=True)
class SavedRun:
    """A saved state to bring back into the window: a run's weights at ``epoch``/``step``, its
    configuration and its history up to then. ``origin`` is the run folder the next Start branches
    from (None for a model file that belongs to no run). ``scaler`` and ``target_scaler``: the scalings of the
    inputs and of the regression targets the weights learnt with, as their file records them
    (:func:`core.model_io.recorded_scaler`: a Scaler; None for targets that were not scaled), or :data:`FITTED`."""

    config: RunConfig
    state: dict
    epoch: int
    step: int
    history: dict | None
    origin: Path | None
    label: str
    optimizer_state: dict | None = None  # core.runs.load_optimizer_state's, saved with the weights
    optimizer_problem: str | None = None  # why the optimiser's saved state could not be read
    lab: dict | None = None  # core.runs.RunInfo.lab: the teaching lab the weights were trained in
    scaler: object = FITTED
    target_scaler: object = FITTED

    def rescales(self, dataset) -> bool:
        """Whether :meth:`scaled_data` changes the numbers of ``dataset``: its file records other scalings than those
        fitted on them (a CSV file edited since, more digits drawn)."""
        features = self.scaler is not FITTED and not same_scaler(self.scaler, dataset.scaler)
        targets = self.target_scaler is not FITTED and dataset.task == "regression" \
            and not same_scaler(self.target_scaler, dataset.target_scaler)
        return features or targets

    def scaled_data(self, dataset):
        """``dataset`` (its configuration's data), its features and regression targets scaled as its file records
        (:meth:`core.datasets.Dataset.with_scaler`, :meth:`~core.datasets.Dataset.with_target_scaler`): fitted again
        on a training split that is not the one its weights learnt (a CSV file edited since), they give it other
        inputs than those it learnt, and read its predictions in other units. Calls no Qt: a loader's thread runs it
        (MNIST's splits take 0.3 s)."""
        try:
            if self.scaler is not FITTED:
                dataset = dataset.with_scaler(self.scaler)
            if self.target_scaler is not FITTED:
                dataset = dataset.with_target_scaler(self.target_scaler)
        except ValueError:
            pass  # more or fewer features or targets than its inputs or outputs: the window says so once built
        return dataset


MODEL_PROBLEMS = {
    "missing": QT_TRANSLATE_NOOP("RunLibrary", "%1 does not exist"),
    "unreadable": QT_TRANSLATE_NOOP("RunLibrary", "%1 is not a readable model file (truncated or damaged?)"),
    "not a model": QT_TRANSLATE_NOOP("RunLibrary", "%1 is not an MLP Workbench model file"),
    "newer": QT_TRANSLATE_NOOP("RunLibrary", "%1 was written by a newer MLP Workbench (model version %2): open "
                                             "it with that version"),
    "damaged": QT_TRANSLATE_NOOP("RunLibrary", "%1 is damaged (%2)"),
    "diverged": QT_TRANSLATE_NOOP("RunLibrary", "%1 holds weights that are not finite numbers (NaN or ∞) in %2: "
                                                "the run that saved them had diverged"),
}
"""What is wrong with a model file, by :class:`core.model_io.ModelFileProblem`'s kind."""


def recorded_scalers(metadata: dict) -> dict:
    """The :attr:`SavedRun.scaler` and :attr:`SavedRun.target_scaler` of weights saved with ``metadata`` (their
    model file's), as :class:`SavedRun` takes them."""
    return {key: model_io.recorded_scaler(metadata, key, unrecorded=FITTED) for key in ("scaler", "target_scaler")}


def describe_problem(error: Exception) -> str:
    """What a failed opening says, in the window's language where the engine says what kind of
    problem a model file has or which rules its settings break; else as the engine words it."""
    template = MODEL_PROBLEMS.get(error.kind) if isinstance(error, model_io.ModelFileProblem) else None
    if template is None:
        return refusal_text(error)
    return QCoreApplication.translate("RunLibrary", template).replace("%1", str(error.path)) \
        .replace("%2", error.detail)


def read_optimizer_state(model_path: Path) -> tuple[dict | None, str | None]:
    """(:func:`core.runs.load_optimizer_state` of ``model_path``, None), or (None, why it cannot be read)."""
    try:
        return runs.load_optimizer_state(model_path), None
    except ValueError as error:
        return None, str(error)


def recorded_item(event, network, optimizer) -> tuple | None:
    """What the run library keeps of an engine event as it happens: ``(event, weights, optimiser
    state)``, with copies of ``network``'s weights and of ``optimizer``'s state
    (:func:`core.runs.optimizer_state_at`) at an epoch's end or the run's, or None (other events)."""
    if isinstance(event, (events.EpochFinished, events.TrainingFinished)):
        return event, network.state(), runs.optimizer_state_at(event, optimizer)
    if isinstance(event, events.BatchFinished):
        return event, None, None
    return None


@dataclass(frozen=True)
class WeightsKept:
    """What :meth:`RunRecording.keep_weights` queues: the network's weights, set by hand at ``epoch``/``step`` while
    nothing trained, or in the run ``paused`` there, are to be saved as the run's last
    (:meth:`core.runs.RunRecorder.keep_weights`, :meth:`~core.runs.RunRecorder.keep_paused_weights`)."""

    epoch: int
    step: int
    paused: bool = False


class StillWriting(RuntimeError):
    """A run's history was asked for while its writer was still writing what was queued, and the writer did not
    catch up within :data:`HISTORY_WAIT_S` (a slow or busy disk): ``folder`` is the run's. Asking again in a
    moment gives it."""

    def __init__(self, folder: Path):
        super().__init__(f"the run in {folder} is still being saved")
        self.folder = folder


CLOSED_STILL_WRITING: set[Path] = set()
"""Folders of recordings closed whose writers have not ended yet (a run discarded by Reset ends on its own): the Runs
view keeps them from deletion until they have (GUI thread only)."""

_HELD_UNTIL_WRITER_ENDED: set[RunRecording] = set()
"""Recordings whose writer's end has not been delivered in the GUI thread yet (GUI thread only): see RunRecording."""


class RunRecording(QObject):
    """Writes one run folder while the window trains it (see the module docstring).

    :meth:`record` is called from a training thread; everything else from the GUI thread. :meth:`close`
    returns at once: the writer saves what is left on its own thread, then :attr:`ended` comes (:attr:`done`).
    Only :meth:`finish` waits for it, when the window closes: nothing queued is lost at exit.
    """

    saved = Signal(object)
    """saved(folder): files of the run were written."""

    failed = Signal(str, object)
    """failed(message, folder): a file of the run in ``folder`` could not be written (``message`` says why,
    in the window's language); the run is not saved any further."""

    ended = Signal()
    """ended(): after :meth:`close`, the writer has written everything queued and stopped (or had failed); its
    :attr:`saved` and :attr:`failed` came before, and nothing comes after."""

    def __init__(self, recorder: runs.RunRecorder, network, parent: QObject | None = None):
        super().__init__(parent)
        self.recorder = recorder
        self.network = network
        self.optimizer = None  # training ``network``: its state is saved with the weights (set at each Start)
        self.error: str | None = None
        self._unmarked_failure: str | None = None  # why the files failed, while run.json does not say so yet
        self._waiting: list = []
        self._queued = self._written = 0  # items taken in, and written, since the recording began
        self._writing = False
        self._closing = False
        self._save_now = False
        self._ended = False  # the writer's end was delivered in the GUI thread (see done)
        self._run_ended = False  # see run_ended
        self._condition = threading.Condition()
        # The writer never calls Qt (see app.worker_thread): its messages wake the GUI thread.
        self._outbox = Outbox()
        self._notifier = self._outbox.notify(self._emit_sent, self)
        self._thread = threading.Thread(target=self._write_loop, name="run-recorder", daemon=True)
        self._thread.start()
        # Held until the writer's end is delivered in the GUI thread, which stops the notifier: the writer's thread
        # holds this object (its target is a method of it), and the last holder's release frees it where it happens.
        # Dropped before then, it was freed by the writer's thread as it ended, its notifier destroyed there still
        # enabled, which Qt cannot unregister from another thread; the GUI thread's event loop then crashed on it.
        _HELD_UNTIL_WRITER_ENDED.add(self)

    @property
    def folder(self) -> Path:
        return self.recorder.folder

    @property
    def closed(self) -> bool:
        """:meth:`close` was called: nothing more is taken in."""
        return self._closing

    @property
    def done(self) -> bool:
        """The writer has ended, every file written (:attr:`ended` was emitted)."""
        return self._ended

    @property
    def run_ended(self) -> bool:
        """The training recorded into it has ended (its end was handed over, written or not) and has not resumed."""
        with self._condition:
            return self._run_ended

    @property
    def busy(self) -> bool:
        """Events wait to be written, or are being written."""
        with self._condition:
            return bool(self._waiting) or self._writing

    def record(self, event) -> None:
        """Queue an engine event, as it happens (in the training thread): see :func:`recorded_item`."""
        item = recorded_item(event, self.network, self.optimizer)
        if item is not None:
            self.take([item])

    def take(self, items: list) -> None:
        """Queue :func:`recorded_item` items made where the run trains (a training process)."""
        finished = any(isinstance(event, events.TrainingFinished) for event, _, _ in items)
        with self._condition:
            # Even past a failed write: its message says "Training goes on" only while it does.
            self._run_ended = self._run_ended or finished
            if self._closing or self.error is not None:
                return
            was_idle = not self._waiting
            self._waiting.extend(items)
            self._queued += len(items)
            if finished:
                self._save_now = True
            if was_idle or self._save_now:  # wake the writer only when it may wait for these
                self._condition.notify_all()

    def keep_weights(self, state: dict, epoch: int, step: int, paused: bool = False) -> None:
        """Have the writer save ``state`` (weights set by hand at ``epoch``/``step``) as the run's last weights, at
        once; the newest of those queued wins, as each is written in turn. Set while nothing trains, they keep the
        optimiser's state saved with the run's end. Set in the run ``paused`` there, they are saved with
        :attr:`optimizer`'s state of now (the GUI thread's call finds it at rest) and the run still trains: a crash
        before it went on, or ended, lost them."""
        optimizer_state = self.optimizer.state_arrays() if paused and self.optimizer is not None else None
        self.take([(WeightsKept(epoch, step, paused), state, optimizer_state)])
        self.save_soon()

    def resume(self) -> None:
        """The window trains this run further: it counts as running again from its next saved epoch."""
        self.recorder.meta["status"] = "running"
        with self._condition:
            self._run_ended = False

    def rename(self, name: str) -> None:
        """Rename the run now and in every run.json written later."""
        old, self.recorder.meta["name"] = self.recorder.meta["name"], name.strip()  # before a save can write it
        try:
            runs.rename_run(self.folder, name)
        except (OSError, ValueError):
            self.recorder.meta["name"] = old
            raise

    def history(self) -> dict:
        """A copy of the history recorded so far, once the writer has taken in what is queued now. The GUI thread
        asks: it waits :data:`HISTORY_WAIT_S` at most (the end of a run is written in milliseconds; a busy disk
        took seconds, a frozen window), then :class:`StillWriting` says the run is still being saved."""
        if not self.wait(HISTORY_WAIT_S):
            raise StillWriting(self.folder)
        return copy.deepcopy(self.recorder.history)

    def save_soon(self) -> int:
        """Have the writer write everything queued now, at once; returns the mark :meth:`has_saved` takes."""
        with self._condition:
            self._save_now = True
            self._condition.notify_all()
            return self._queued

    def has_saved(self, mark: int) -> bool:
        """Whether everything queued up to ``mark`` (see :meth:`save_soon`) is written, or never will be. The
        :attr:`saved` or :attr:`failed` signal that follows the write that made it so finds it so."""
        with self._condition:
            return self._saved_up_to(mark)

    def _saved_up_to(self, mark: int) -> bool:
        return self._written >= mark or self.error is not None or not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Write everything queued now and wait until it is written; False if ``timeout`` seconds passed first.
        Events queued meanwhile (a run still training) are not waited for: it ends once those of now are on disk."""
        mark = self.save_soon()
        with self._condition:
            return self._condition.wait_for(lambda: self._saved_up_to(mark), timeout)

    def close(self) -> None:
        """Take nothing more in: the writer writes what is queued, then ends (:attr:`ended`). Returns at once:
        the last save of a run took 60-280 ms of the GUI thread at every Reset while it was waited for."""
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        if not self._ended:
            CLOSED_STILL_WRITING.add(self.folder)

    def finish(self) -> None:
        """:meth:`close`, and wait until everything queued is written and :attr:`ended` emitted (the window
        closes: the writer, a daemon thread, would not outlive the interpreter)."""
        self.close()
        self._thread.join()
        self._emit_sent()

    def _emit_sent(self) -> None:
        if self._ended:
            return
        for name, args in self._outbox.drain():
            if name == WRITER_ENDED:
                self._thread.join()  # it has sent its last message: only its return is left
                self._ended = True
                CLOSED_STILL_WRITING.discard(self.folder)
                self._notifier.setEnabled(False)
                self._outbox.close()
                self.ended.emit()
                _HELD_UNTIL_WRITER_ENDED.discard(self)
                return
            getattr(self, name).emit(*args)

    def _write_loop(self) -> None:
        if not self._write_until_closed():
            with self._condition:  # the run is not saved any further; run.json may be marked so at the end
                self._condition.wait_for(lambda: self._closing)
            if self._unmarked_failure is not None:
                self._mark_recording_stopped()  # again: the user may have made room since
        self._outbox.put(WRITER_ENDED)

    def _write_until_closed(self) -> bool:
        """Write what comes until :meth:`close`; False if a write failed (it ended the recording)."""
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._waiting or self._closing)
                if not self._waiting:
                    return True
                items, self._waiting = self._waiting, []
                self._writing = True
            try:
                self._write(items)
            except (OSError, ValueError) as error:
                # The window says so; an OSError is the disk's, not the program's: no traceback for it.
                log.warning("the run in %s could not be saved: %s", self.folder, error,
                            exc_info=isinstance(error, ValueError))
                message = os_error_reason(error) if isinstance(error, OSError) else str(error)
                with self._condition:
                    self.error = message
                    self._waiting = []
                    self._writing = False
                    self._condition.notify_all()
                self._unmarked_failure = str(error)
                self._mark_recording_stopped()
                self._outbox.put("failed", (message, self.folder))
                return False
            with self._condition:
                self._writing = False
                self._written += len(items)
                self._condition.notify_all()
            self._outbox.put("saved", (self.folder,))  # after the count: its receiver finds the items written
            with self._condition:
                self._condition.wait_for(lambda: self._closing or self._save_now, SAVE_INTERVAL)
                self._save_now = False

    def _mark_recording_stopped(self) -> None:
        """Say in run.json that the run's files stopped (core.runs.RECORDING_STOPPED), or leave that to the
        writer's end: still "running" there, the next launch would offer the run as one the app was killed in."""
        try:
            runs.mark_recording_stopped(self.folder, self._unmarked_failure)
        except (OSError, ValueError) as error:
            log.warning("the run in %s could not be marked as no longer recorded: %s", self.folder, error)
            return
        self._unmarked_failure = None
        self._outbox.put("saved", (self.folder,))

    def _write(self, items: list) -> None:
        epochs = [index for index, (event, _, _) in enumerate(items) if isinstance(event, events.EpochFinished)]
        best = [index for index in epochs if items[index][0].is_best]
        saved = set(epochs[-1:] + best[-1:])
        twin = self.recorder.network
        for index, (event, state, optimizer_state) in enumerate(items):
            if state is not None:
                twin.load_state(state)
            if isinstance(event, WeightsKept) and event.paused:
                self.recorder.keep_paused_weights(event.epoch, event.step, optimizer_state)
            elif isinstance(event, WeightsKept):
                self.recorder.keep_weights(event.epoch, event.step)
            elif isinstance(event, events.EpochFinished):
                self.recorder.record(event, save=index in saved, optimizer_state=optimizer_state)
            else:
                self.recorder.record(event, optimizer_state=optimizer_state)
