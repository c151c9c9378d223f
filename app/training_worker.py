"""Training off the GUI thread: one worker on one thread per run.

The worker drives :meth:`core.trainer.Trainer.run` and turns its events into at most ~30
:class:`~app.messages.Progress` messages a second, each carrying immutable events and, every few
tenths of a second, an inspection of the network and a snapshot of its weights computed here, in
the worker thread, from copies. The GUI never touches the live network during a run.

Pause, resume, stop and steps go through the run's :class:`~core.trainer.TrainingControl`
(a ``threading.Condition`` checked between batches); a queued slot would only run after the run.
Training threads run below the GUI thread's priority, on all cores but one (:mod:`app.background`).
"""
from __future__ import annotations

import logging
import math
import time

from PySide6.QtCore import QObject, Signal

from app.background import default_blas_threads, training_threads
from app.messages import Progress
from app.worker_thread import Outgoing, Worker, WorkerThread
from core import events
from core import inspection as inspection_module
from core.trainer import TrainingControl

log = logging.getLogger(__name__)

MESSAGE_INTERVAL = 1 / 30
"""Seconds between progress messages: the GUI repaints at most this often."""

INSPECTION_INTERVAL = 0.4
"""Seconds between inspections and weight snapshots (they cost a forward pass and a copy)."""


def describe_failure(error: BaseException) -> str:
    """A message for a person: a ValueError already says what is wrong; anything else is a bug."""
    if isinstance(error, ValueError):
        return str(error)
    return f"training stopped by an unexpected error ({type(error).__name__}: {error})"


class TrainingWorker(Worker):
    """Runs one trainer to its end in the run's thread; its messages reach the GUI thread in order."""

    started = Outgoing()
    """started(core.events.TrainingStarted): sizes of the run (epochs, steps per epoch, …)."""

    progress = Outgoing()
    """progress(app.messages.Progress): events since the previous message, maybe an inspection/snapshot."""

    paused = Outgoing()
    """paused(core.events.Paused): the loop waits for resume/step/stop (sent after its progress)."""

    weight_set = Outgoing()
    """weight_set(core.events.WeightSetByHand): a weight was set by hand between batches (a Paused follows when
    the run is paused)."""

    finished = Outgoing()
    """finished(core.events.TrainingFinished): the run ended (completed, early-stopped, stopped, diverged)."""

    failed = Outgoing()
    """failed(message): an exception ended the run; the message says what went wrong."""

    def __init__(self, experiment, control: TrainingControl, trainer_options: dict | None = None, *,
                 message_interval: float = MESSAGE_INTERVAL, inspection_interval: float = INSPECTION_INTERVAL,
                 blas_threads: int | None = None, on_event=None, outbox=None, initial_inspection=None):
        """``on_event(event)``, if given, is called in this thread with every engine event as it
        happens, while the network still holds that event's weights (the run library saves them).
        ``initial_inspection``: an inspection from the earlier run this one goes on from (its
        ``initial_*`` histograms, carried forward, are those of the weights the training began from);
        without it this run's first inspection is the initial one."""
        super().__init__(outbox)
        self.experiment, self.control = experiment, control
        self.on_event = on_event
        self.trainer_options = dict(trainer_options or {})
        self.message_interval, self.inspection_interval = message_interval, inspection_interval
        self.blas_threads = blas_threads or default_blas_threads()
        self.trainer = None
        self._batches: list = []
        self._epochs: list = []
        self._next_message = self._next_inspection = 0.0
        self._initial_inspection = initial_inspection

    def run(self) -> None:
        try:
            with training_threads(self.blas_threads):
                self.trainer = self.experiment.make_trainer(self.control, **self.trainer_options)
                for event in self.trainer.run():
                    self._handle(event)
        except Exception as error:  # the boundary of the thread: every failure becomes a message
            log.exception("training failed")
            message = describe_failure(error)
            self._end_where_it_failed(message)
            self.failed.emit(message)

    def _end_where_it_failed(self, message: str) -> None:
        """Tell ``on_event`` that the run ended, while the network still holds the weights it reached: the
        run library saves them and marks the run failed (it went on taking the run for one still training,
        which the next launch offered to recover)."""
        trainer = self.trainer
        if self.on_event is None or trainer is None:
            return
        try:
            self.on_event(events.TrainingFinished(events.FAILED, message, trainer.epoch, trainer.step,
                                                  trainer.best_epoch + 1, trainer.best_loss, math.nan))
        except Exception:  # the failure itself is what the window says; this is only its record
            log.exception("the failed run could not be recorded")

    def _handle(self, event) -> None:
        if self.on_event is not None:
            self.on_event(event)
        if isinstance(event, events.BatchFinished):
            self._batches.append(event)
        elif isinstance(event, events.EpochFinished):
            self._epochs.append(event)
        elif isinstance(event, events.TrainingStarted):
            self.started.emit(event)
        elif isinstance(event, events.WeightSetByHand):
            self._flush(inspect=False)  # the batches before it come first
            self.weight_set.emit(event)
            return
        elif isinstance(event, events.Paused):
            self._flush(inspect=True)
            self.paused.emit(event)
            return
        elif isinstance(event, events.TrainingFinished):
            self._flush(inspect=True)
            self.finished.emit(event)
            return
        now = time.perf_counter()
        if now >= self._next_message:
            # A run slowed down to be watched is inspected at every message: its views move as it learns.
            self._flush(inspect=now >= self._next_inspection or self.control.pace > 0)

    def _flush(self, inspect: bool) -> None:
        """Send what accumulated; with ``inspect``, also an inspection and a snapshot of the weights."""
        inspection = snapshot = None
        if inspect:
            network = self.experiment.network
            # Inspecting against the run's first inspection keeps the histogram bins of the
            # initial weights, so the views overlay current on initial bar for bar.
            inspection = inspection_module.inspect(network, self.experiment.dataset, initial=self._initial_inspection)
            if self._initial_inspection is None:
                self._initial_inspection = inspection
            snapshot = events.Snapshot(self.trainer.epoch, self.trainer.step, network.state())
            self._next_inspection = time.perf_counter() + self.inspection_interval
        if self._batches or self._epochs or snapshot is not None:
            self.progress.emit(Progress(tuple(self._batches), tuple(self._epochs), inspection, snapshot))
            self._batches, self._epochs = [], []
        self._next_message = time.perf_counter() + self.message_interval


class RunSession(WorkerThread):
    """What the window sees of a run, wherever it trains: these signals, delivered in the GUI
    thread, and :attr:`control`'s commands. After :attr:`ended` the session deletes itself; drop it."""

    started = Signal(object)
    """started(core.events.TrainingStarted)."""
    progress = Signal(object)
    """progress(app.messages.Progress)."""
    paused = Signal(object)
    """paused(core.events.Paused)."""
    weight_set = Signal(object)
    """weight_set(core.events.WeightSetByHand)."""
    finished = Signal(object)
    """finished(core.events.TrainingFinished)."""
    failed = Signal(str)
    """failed(message)."""

    stop_timeout_ms = 1000

    recording = None
    """The :class:`app.run_library.RunRecording` the run's events go to (None: not recorded)."""

    _completes_recording = False  # see let_end

    def let_end(self) -> None:
        """The window has moved on (Reset, another configuration) while the run may still train its last batch,
        which takes seconds for a very large network: asked to stop, it ends on its own, its signals unheard, and
        completes its recording once it has ended (its last records and how it ended). Nothing waits for it."""
        self.control.stop()
        self._completes_recording = True

    def finish(self) -> None:
        """Wait for a run :meth:`let_end` left to end, and for its recording to be written (the window closes)."""
        if self.running:
            self.wait()
        if self._completes_recording and self.recording is not None:
            self.recording.finish()

    def _complete_recording(self) -> None:
        if self._completes_recording and self.recording is not None:
            self.recording.close()  # its writer ends on its own

    def _on_ended(self) -> None:
        self._complete_recording()
        self.deleteLater()  # posted before the base class may release the last hold on garbage collection
        super()._on_ended()


class TrainingSession(RunSession):
    """One run on a thread of the window's process: its control, its worker and the worker's thread."""

    def __init__(self, experiment, trainer_options: dict | None = None, *, paused: bool = False,
                 parent: QObject | None = None, recording=None, **worker_options):
        """``recording`` (an :class:`app.run_library.RunRecording`, optional) receives every engine event as it
        happens, in the run's thread."""
        control = TrainingControl(paused=paused)
        if recording is not None:
            worker_options["on_event"] = recording.record
        super().__init__(TrainingWorker(experiment, control, trainer_options, **worker_options), control, "training",
                         parent)
        self.recording = recording
