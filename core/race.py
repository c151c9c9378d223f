"""A fair race between optimisers: same data, same network, same initial weights, same batches.

Comparing optimisers on runs that start from different random weights, or see the mini-batches in
a different order, mixes the optimiser's effect with luck. A :class:`Race` removes the luck:

* one network is initialised once and copied to every contender (identical initial weights);
* every contender's trainer has the same seed, so it shuffles the training set into the same
  batches in the same order, and builds the same augmenter (the same random distortions);
* every copy's random generator (which draws the dropout masks) starts in the same state, and as
  each contender draws masks of the same shapes in the same order, the masks stay identical;
* only the optimiser, its hyperparameters and its learning-rate schedule differ.

The contenders run *interleaved* in one thread, one batch of each in turn, rather than one process
per contender on the machine's two cores. ``python -m bench.bench_race --processes`` measured
both (four optimisers on the digits, one BLAS thread as in the app, two cores shared with other
work; medians of repeated, alternating runs). Over 10 epochs (7 repeats) the interleaved race took 0.99× the
wall-clock time of the four solo runs one after the other (1.01× their CPU time); one process per contender took
2.12× (2.28×) when forked and 21× (27×) when spawned. Over 60 epochs (3 repeats): race 1.00× the CPU time,
forked processes 1.19×, spawned 4.4×, and no wall-clock gain for the processes either. Spawning
re-imports NumPy, scikit-learn and the engine in every process (about 2 s of CPU each), every
process loads the data again and streams its events back through a pipe, and forking a process
that runs Qt threads is unsafe; on the digits' small matrices a second core gives back less than
all that costs.

One :class:`~core.trainer.TrainingControl` (:attr:`Race.control`) pauses, steps and stops all
contenders together; a contender that diverges stops alone.

Each contender's computing time is estimated, not summed: the median time of one of its steps × its
steps, plus the median time of its end-of-epoch evaluation × its epochs (:class:`ContenderSummary`).
Summed wall-clock time was unfair: the first contender of each optimiser paid the one-off loading
of the compiled kernels (153 ms against 2.07 ms per epoch for identical twins on the digits), and a
step during which another thread held the interpreter (the window redrawing, 12–25 ms) was charged
to whichever contender ran it. The kernels are now prepared before any clock runs, as a solo trainer
does, and the medians leave out the steps slowed by other threads.
"""
from __future__ import annotations

import collections
import dataclasses
import json
import math
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NamedTuple

from core import events
from core._checks import JsonSyntaxError, json_kind
from core.config import SCHEMA_VERSION, ConfigError, OptimizerConfig, RunConfig, ScheduleConfig, check, validate
from core.experiment import Experiment, load_data
from core.languages import LANGUAGES, read_texts, text_in
from core.trainer import TrainingControl

MIN_CONTENDERS, MAX_CONTENDERS = 2, 8
SHIPPED_PRESETS = Path(__file__).resolve().parents[1] / "resources" / "presets" / "compare"
_END_OF_TURN = (events.BatchFinished, events.EpochFinished, events.TrainingFinished)

SMOOTHING = 0.9
"""β of the moving average of the training loss that decides whether a contender learned."""

LEARNED = 0.9
"""A contender whose smoothed training loss never fell below this share of its first value has not
learned (a learning rate of 0, or one so large that the loss only grew without overflowing)."""

USUAL_RATES = {"sgd": 0.05, "momentum": 0.05, "nesterov": 0.05, "adagrad": 0.01, "rmsprop": 0.001, "adadelta": 1.0,
               "adam": 0.001, "adamw": 0.001}
"""Each optimiser's usual learning rate, at which it learns on the workbench's data: the one a contender takes
when its optimiser is changed. PyTorch's defaults (:mod:`core.optimizers`) are not all that: SGD and momentum at
0.001 hardly moved, and RMSProp's 0.01 is ten times the rate of Hinton's lecture that introduced it (Keras's).
The presets race at these rates too."""


def switched_rate(rate: float, old: str, new: str, typed: bool) -> float:
    """The learning rate of a contender whose optimiser changes from ``old`` to ``new``, its rate being ``rate``:
    ``new``'s usual rate (:data:`USUAL_RATES`), unless the user ``typed`` ``rate`` and both optimisers have the same
    usual rate — SGD, momentum and Nesterov; RMSProp, Adam and AdamW — so that it was chosen on the same scale
    (a rate typed for SGD, η = 0.3, would leave Adadelta, at home near 1, hardly moving and Adam diverging)."""
    if typed and USUAL_RATES.get(old) == USUAL_RATES[new]:
        return rate
    return USUAL_RATES[new]


class Contender(NamedTuple):
    """One optimiser in a race: its name in legends and tables, its optimiser and schedule."""

    label: str
    optimizer: OptimizerConfig
    schedule: ScheduleConfig | None = None  # None: a constant learning rate


@dataclass(frozen=True)
class ContenderSummary:
    """How one contender did so far.

    ``best_val_metric`` is the best validation accuracy (R² for regression; NaN without validation
    data) and ``best_val_epoch`` the epoch (1, 2, …) it was reached, or None before the first epoch.
    ``steps_to_target`` is the step that ended the first epoch whose mean training loss (over the
    epoch's batches, :attr:`core.events.EpochFinished.train_loss`) reached ``target_loss``, or None if
    none has; :meth:`steps_to` answers for any target, from ``lows``: (the epoch's last step, its mean
    loss) for each epoch whose mean loss was a new low. Epoch means, not a moving average of the batch
    losses: an average lags behind the losses (full-batch SGD and momentum took 60 and 27 steps to a
    target by it, 49 and 13 by their losses); with one step per epoch the mean is that step's loss.
    ``learned`` says whether the smoothed loss (β = :data:`SMOOTHING`) ever fell below
    :data:`LEARNED` × its first value.

    ``seconds_per_step`` estimates the time one of its steps takes alone on an idle computer: the median
    time of its steps so far, plus its share of an end-of-epoch evaluation (the median evaluation time
    ÷ steps per epoch, once one has run); NaN before its first step. The median leaves out one-off
    costs and the steps slowed by other threads (the window's drawing); an epoch's last, smaller batch
    counts as a whole step. ``seconds_per_epoch`` is that × steps per epoch, NaN before its first epoch.

    ``reason`` is None while it runs, then a :class:`core.events.TrainingFinished` reason;
    ``finished`` is that event (its ``message`` says why in English).
    """

    label: str
    steps: int
    epochs: int
    best_val_metric: float
    best_val_epoch: int | None
    target_loss: float
    steps_to_target: int | None
    seconds_per_step: float
    seconds_per_epoch: float
    diverged: bool
    reason: str | None
    finished: events.TrainingFinished | None = None
    lows: tuple[tuple[int, float], ...] = ()
    learned: bool = True

    def steps_to(self, target: float) -> int | None:
        """The last step of the first epoch whose mean training loss reached ``target``, or None."""
        return first_step_reaching(self.lows, target)


def first_step_reaching(lows, target: float) -> int | None:
    """The first step of ``lows`` — (step, loss) at each new low, lower and lower — whose loss is at
    most ``target``, or None."""
    return next((step for step, low in lows if low <= target), None)


class MedianDuration:
    """The median of a growing number of durations, in memory and time that hardly grow: each one is
    counted in a bin :data:`BIN_RATIO` wide on a logarithmic scale, so the median is known within ±0.5 %:

        bin of s:  i = ⌊log_r(max(s, s₀) / s₀)⌋,  r = BIN_RATIO, s₀ = SHORTEST;
        median ≈ s₀ · r^(i + ½)  for the bin i where the running count first reaches half the total."""

    BIN_RATIO = 1.01
    SHORTEST = 1e-7  # seconds; shorter ones are counted as this

    def __init__(self):
        self.counts: collections.Counter = collections.Counter()  # bin index → durations in it
        self.total = 0

    def add(self, seconds: float) -> None:
        self.counts[math.floor(math.log(max(seconds, self.SHORTEST) / self.SHORTEST, self.BIN_RATIO))] += 1
        self.total += 1

    def median(self) -> float:
        """The middle of the bin holding the median duration; NaN before the first one."""
        counted = 0
        for index in sorted(self.counts):
            counted += self.counts[index]
            if 2 * counted >= self.total:
                return self.SHORTEST * self.BIN_RATIO ** (index + 0.5)
        return math.nan


class _Progress:
    """What the race remembers of one contender to summarise it (small, whatever the run length)."""

    def __init__(self):
        self.steps = self.epochs = 0
        self.step_seconds, self.evaluation_seconds = MedianDuration(), MedianDuration()
        self.samples_in_epoch = 0
        self.best_val_metric, self.best_val_epoch = math.nan, None
        self.smoothed_average = self.smoothed_weight = 0.0
        self.first_smoothed, self.lowest_smoothed = math.nan, math.inf
        self.first_loss = math.nan  # of its first step (every contender's is the same: same weights, same batch)
        # The last step of each epoch whose mean training loss was a new low, and that mean.
        self.record_steps: list[int] = []
        self.record_losses: list[float] = []
        self.finished: events.TrainingFinished | None = None

    def add_batch(self, event: events.BatchFinished) -> None:
        """s_t = β·s_(t−1) + (1 − β)·loss_t with s_0 = 0, read as s_t / (1 − βᵗ) (no start-up bias)."""
        self.steps = event.step
        self.samples_in_epoch += event.batch_size
        self.smoothed_average = SMOOTHING * self.smoothed_average + (1.0 - SMOOTHING) * event.loss
        self.smoothed_weight = SMOOTHING * self.smoothed_weight + (1.0 - SMOOTHING)
        smoothed = self.smoothed_average / self.smoothed_weight
        if math.isnan(self.first_smoothed):
            self.first_smoothed, self.first_loss = smoothed, event.loss
        self.lowest_smoothed = min(self.lowest_smoothed, smoothed)

    def add_epoch(self, event: events.EpochFinished) -> None:
        self.epochs = event.epoch
        self.samples_in_epoch = 0
        metric = event.val_metric
        if not math.isnan(metric) and (self.best_val_epoch is None or metric > self.best_val_metric):
            self.best_val_metric, self.best_val_epoch = metric, event.epoch
        if math.isfinite(event.train_loss) and (not self.record_losses or event.train_loss < self.record_losses[-1]):
            self.record_steps.append(event.step)
            self.record_losses.append(event.train_loss)

    @property
    def lowest_epoch_loss(self) -> float:
        return self.record_losses[-1] if self.record_losses else math.nan

    @property
    def learned(self) -> bool:
        return self.lowest_smoothed < LEARNED * self.first_smoothed  # False before the first step (NaN)

    def seconds_per_step(self, steps_per_epoch: int) -> float:
        evaluation = self.evaluation_seconds.median() if self.evaluation_seconds.total else 0.0
        return self.step_seconds.median() + evaluation / steps_per_epoch


def contender_config(config: RunConfig, contender: Contender) -> RunConfig:
    """``config`` with the contender's optimiser and schedule: what the contender trains with.
    ValueError, naming the contender, if its optimiser or schedule options are invalid."""
    try:
        return check(_with_contender(config, contender).copy())
    except ValueError as error:
        raise ValueError(f"contender {contender.label!r}: {error}") from None


def contender_errors(config: RunConfig, contender: Contender) -> list[ConfigError]:
    """What is wrong with the contender's optimiser or schedule (empty when nothing): the problems of
    :func:`core.config.validate` at ``optimizer…`` and ``schedule…`` fields."""
    return [error for error in validate(_with_contender(config, contender))
            if error.field.startswith(("optimizer", "schedule"))]


def _with_contender(config: RunConfig, contender: Contender) -> RunConfig:
    """``config`` with the contender's name, optimiser and schedule, sharing the rest with ``config``
    (to read, or to copy: the Compare view checks every contender at each edit of the window's settings)."""
    schedule = contender.schedule if contender.schedule is not None else ScheduleConfig()
    return dataclasses.replace(config, name=contender.label, optimizer=contender.optimizer, schedule=schedule)


class Race:
    """Train each of ``contenders`` on ``config``'s data and network, fairly (see the module).

    ``contenders`` are :class:`Contender` s or (label, OptimizerConfig, ScheduleConfig) triples,
    between :data:`MIN_CONTENDERS` and :data:`MAX_CONTENDERS` of them with distinct labels.
    ``config``'s own optimiser and schedule are ignored. ``dataset`` (optional) is used instead of
    loading ``config``'s. Command the race through :attr:`control`.
    """

    def __init__(self, config: RunConfig, contenders, *, dataset=None, control: TrainingControl | None = None):
        self.contenders = tuple(Contender(*contender) for contender in contenders)
        if not MIN_CONTENDERS <= len(self.contenders) <= MAX_CONTENDERS:
            raise ValueError(f"a race needs {MIN_CONTENDERS} to {MAX_CONTENDERS} contenders, "
                             f"got {len(self.contenders)}")
        labels = [contender.label for contender in self.contenders]
        for label in labels:
            if not isinstance(label, str) or not label.strip():
                raise ValueError(f"every contender needs a label (a non-empty name), got {label!r}")
            if labels.count(label) > 1:
                raise ValueError(f"two contenders are labelled {label!r}; give each its own label")
        self.config = check(config)
        self.dataset = dataset if dataset is not None else load_data(config)
        template = Experiment(config, self.dataset).network
        initial_weights = template.state()
        self.control = control or TrainingControl()
        self.experiments, self.trainers = [], []
        for contender in self.contenders:
            network = template.copy()
            # reinitialize() restarts the copy's generator from the seed, so every copy draws the
            # same dropout masks; load_state() then restores the one shared initialisation.
            network.reinitialize()
            network.load_state(initial_weights)
            experiment = Experiment(contender_config(self.config, contender), self.dataset, network)
            self.experiments.append(experiment)
            # Each trainer gets a private control that is never paused: the race consults the
            # shared one between rounds, so that "one more batch" means one batch of every contender.
            self.trainers.append(experiment.make_trainer(control=TrainingControl()))
        self._progress = [_Progress() for _ in self.contenders]

    @property
    def networks(self) -> list:
        """Each contender's network, in contender order."""
        return [experiment.network for experiment in self.experiments]

    # ------------------------------------------------------------------ running
    def run(self) -> Iterator[tuple[int, object]]:
        """Train all contenders, yielding (contender index, :mod:`core.events` event).

        A round advances every running contender by one batch, or by the end-of-epoch evaluation
        (all contenders reach the end of an epoch in the same round). The shared :attr:`control`
        is consulted before each round; its live changes apply to every contender. Each contender ends
        with its own TrainingFinished. The events' ``elapsed`` and ``samples_per_second`` count the
        rivals' turns too: :meth:`summary` estimates each contender's own time.
        """
        # Each trainer would prepare its kernels inside its first turn, on the clock: the first
        # contender of each optimiser paid for every later one.
        for trainer in self.trainers:
            trainer.optimizer.prepare(trainer.network.dtype)
            trainer.network.prepare()
        runs = [trainer.run() for trainer in self.trainers]
        running = list(range(len(runs)))
        control = self.control
        while running:
            # All running contenders are at the same point of the same epoch.
            ending_epoch = self._at_epoch_end(running[0])
            if control.stop_requested:
                break
            if not ending_epoch and self._has_batches_left(running[0]):
                if control.must_wait():
                    for index in running:
                        trainer = self.trainers[index]
                        yield index, events.Paused(trainer.epoch, trainer.step)
                if not control.wait_for_permission():
                    break
                changes = control.take_changes()
                if changes:  # live settings (l2, dropout, …) change for every contender alike
                    for index in running:
                        self.trainers[index].control.change(**changes)
            for index in running:
                yield from self._advance(index, runs[index])
            if ending_epoch:
                control.epoch_ended()
            running = [index for index in running if self._progress[index].finished is None]
        for index in running:
            self.trainers[index].control.stop()
            while self._progress[index].finished is None:
                yield from self._advance(index, runs[index])

    def _at_epoch_end(self, index: int) -> bool:
        return self._progress[index].samples_in_epoch == self.trainers[index].X_train.shape[0]

    def _has_batches_left(self, index: int) -> bool:
        trainer = self.trainers[index]
        return trainer.epoch < trainer.epochs

    def _advance(self, index: int, run) -> Iterator[tuple[int, object]]:
        """Run contender ``index`` to its next batch, end of epoch or end of run, yielding its events."""
        progress = self._progress[index]
        turn_seconds = 0.0
        while True:
            started = time.perf_counter()
            event = next(run)
            turn_seconds += time.perf_counter() - started
            kind = type(event)
            if kind is events.BatchFinished:
                progress.add_batch(event)
                progress.step_seconds.add(turn_seconds)
            elif kind is events.EpochFinished:
                progress.add_epoch(event)
                progress.evaluation_seconds.add(turn_seconds)
            elif kind is events.TrainingFinished:
                progress.finished = event
            yield index, event
            if kind in _END_OF_TURN:
                return

    def steps_per_epoch(self, index: int) -> int:
        """How many batches an epoch of contender ``index`` has (the same for every contender)."""
        return self.trainers[index].steps_per_epoch

    # ------------------------------------------------------------------ results
    def common_target_loss(self) -> float:
        """The default target: the lowest epoch-mean training loss that every contender still in the race and
        learning has reached (those that diverged or have not learned, see :data:`LEARNED`, excluded unless no
        contender learned), but no higher than halfway, on a logarithmic scale, from their first loss ℓ₀ to the
        median contender's lowest ℓ_med (the higher middle one of an even number):

            target = min(max lowᵢ, √(ℓ₀ · ℓ_med))

        so that the contenders at or below the median reach it, and one slow contender does not make it a loss
        that every other reached within an epoch (SGD at η = 0.05 beside momentum and Nesterov: 1.52 from 2.3,
        where they went down to 0.25). NaN before the first epoch ends. (With a contender whose loss only grew,
        the target was every contender's first loss.)"""
        going = [progress for progress in self._progress if progress.record_losses and not self._diverged(progress)]
        setting = [progress for progress in going if progress.learned] or going
        if not setting:
            return math.nan
        lows = [progress.lowest_epoch_loss for progress in setting]
        first = statistics.median(progress.first_loss for progress in setting)
        halfway = math.sqrt(first * statistics.median_high(lows))
        return min(max(lows), halfway) if math.isfinite(halfway) else max(lows)

    def summary(self, target_loss: float | None = None) -> tuple[ContenderSummary, ...]:
        """A :class:`ContenderSummary` per contender; ``target_loss`` defaults to :meth:`common_target_loss`."""
        target = self.common_target_loss() if target_loss is None else float(target_loss)
        summaries = []
        for index, (contender, progress) in enumerate(zip(self.contenders, self._progress)):
            finished = progress.finished
            steps_per_epoch = self.steps_per_epoch(index)
            step_seconds = progress.seconds_per_step(steps_per_epoch)
            lows = tuple(zip(progress.record_steps, progress.record_losses))
            summaries.append(ContenderSummary(
                label=contender.label, steps=progress.steps, epochs=progress.epochs,
                best_val_metric=progress.best_val_metric, best_val_epoch=progress.best_val_epoch,
                target_loss=target, steps_to_target=None if math.isnan(target) else first_step_reaching(lows, target),
                seconds_per_step=step_seconds,
                seconds_per_epoch=step_seconds * steps_per_epoch if progress.epochs else math.nan,
                diverged=self._diverged(progress),
                reason=finished.reason if finished else None, finished=finished, lows=lows, learned=progress.learned))
        return tuple(summaries)

    @staticmethod
    def _diverged(progress: _Progress) -> bool:
        return progress.finished is not None and progress.finished.reason == events.DIVERGED


# ---------------------------------------------------------------------------------------- presets
@dataclass(frozen=True, eq=False)
class Preset:
    """A ready-made race, read from ``resources/presets/compare/<id>.json``::

        {"title": {"en": "...", "ru": "..."}, "description": {"en": "...", "ru": "..."},
         "config": {RunConfig JSON},                      optional: the data and network it needs
         "contenders": [{"label": "SGD", "optimizer": {"name": "sgd", "options": {"lr": 0.05}},
                         "schedule": {"name": "step", "options": {...}, "unit": "epoch"}}, ...]}

    Without ``config`` the race runs on whatever configuration the user has; a missing
    ``schedule`` is a constant rate. Texts need English; other :data:`LANGUAGES` may follow. A
    label is a text, or texts by language ({"en": "constant", "ru": "постоянная"}) where it is words or
    holds a decimal number (Russian writes "SGD η=0,05").
    """

    id: str
    title: dict
    description: dict
    contenders: tuple  # labelled in English
    config: RunConfig | None
    labels: tuple = ()  # each contender's label by language

    def text(self, field: str, language: str = "en") -> str:
        """The ``title`` or ``description`` in ``language``, English when there is none in it."""
        return text_in(getattr(self, field), language)


def presets(folder=SHIPPED_PRESETS) -> list[Preset]:
    """The presets in ``folder``, in file-name order."""
    return [load_preset(path) for path in sorted(Path(folder).glob("*.json"))]


def load_preset(path) -> Preset:
    """Read and validate one preset file; every problem is a ValueError naming the file and field."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise JsonSyntaxError(error, path.name) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot read the race preset {path.name}: {error}") from None
    where = f"race preset {path.name}"
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be a JSON object {{…}}, got {json_kind(raw)}")
    unknown = sorted(set(raw) - {"title", "description", "config", "contenders"})
    if unknown:
        raise ValueError(f"{where}: unknown field {unknown[0]!r}; allowed: title, description, config, contenders")
    title = read_texts(raw.get("title"), f"{where}: title")
    description = read_texts(raw.get("description"), f"{where}: description")
    config = None
    if raw.get("config") is not None:
        try:
            config = check(RunConfig.from_dict(raw["config"]))
        except ValueError as error:
            raise ValueError(f"{where}: config: {error}") from None
    contenders, labels = _read_contenders(raw.get("contenders"), config or RunConfig(), where)
    return Preset(path.stem, title, description, contenders, config, labels)


def _read_contenders(raw, config: RunConfig, where: str) -> tuple[tuple, tuple]:
    """(the contenders labelled in English, each one's label by language)."""
    if not isinstance(raw, list) or not MIN_CONTENDERS <= len(raw) <= MAX_CONTENDERS:
        raise ValueError(f"{where}: contenders must be a list of {MIN_CONTENDERS} to {MAX_CONTENDERS}, got {raw!r}")
    contenders, labels = [], []
    for index, entry in enumerate(raw):
        if not isinstance(entry, dict) or set(entry) - {"label", "optimizer", "schedule"} \
                or not {"label", "optimizer"} <= set(entry):
            raise ValueError(f"{where}: contenders[{index}] must be an object with label, optimizer and "
                             f"optionally schedule, got {entry!r}")
        label = entry["label"]
        texts = read_texts(label, f"{where}: contenders[{index}].label") if isinstance(label, dict) \
            else {"en": label}
        try:
            built = RunConfig.from_dict({"optimizer": entry["optimizer"], "schedule": entry.get("schedule", {}),
                                         "schema_version": SCHEMA_VERSION})
            contender = Contender(texts["en"], built.optimizer, built.schedule)
            contender_config(config, contender)
        except ValueError as error:
            raise ValueError(f"{where}: contenders[{index}]: {error}") from None
        contenders.append(contender)
        labels.append(texts)
    for language in LANGUAGES:
        shown = [text_in(texts, language) for texts in labels]
        if len(set(shown)) != len(shown) or not all(isinstance(label, str) and label.strip() for label in shown):
            raise ValueError(f"{where}: contender labels must be distinct non-empty texts, got {shown}")
    return tuple(contenders), tuple(labels)
