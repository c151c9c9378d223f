"""The window's run in a process of its own: training no longer takes turns with the painting.

In one process the GUI thread and the training thread share Python's interpreter lock, and both
spend most of their time in Python (pyqtgraph's painting; the engine's per-batch calls between
small matrix products). Measured on 2 cores, MNIST at batch 32 with every view shown in turn, the
headless engine on one BLAS thread as the reference: the window trained at 66–78 % of it with a
training thread, 80–97 % with a process (bench/bench_gui.py, measured in alternating rounds).

The child is a fork of the window's process made when the run starts, so it has the experiment as it
is (the data, the network, the optimiser's state, the kernels compiled by
:meth:`core.experiment.Experiment.prepare`) without copying or pickling any of it. It runs the same
:class:`~app.training_worker.TrainingWorker` and never calls Qt. Its messages come through a pipe,
read whole by a thread of the window's process (the GUI thread never waits for the rest of a 1 MB
snapshot) and delivered in the GUI thread in order; commands (pause, step, a new learning rate,
stop, a weight set by hand) go the other way. The window's own copy of the network holds still during the run: before every
pause and at the end, the child sends the network's weights and the optimiser's state, which
replace the window's before the pause or the end is announced, so the window then holds exactly
what trained (and the gradient check, saving or the next Start use that). Epoch ends reach the run
library the same way, with their weights. A child that dies (killed, out of memory) ends the run
with a message; the window keeps the weights of the last snapshot it received.

Only where the platform forks (Linux; :func:`available`); elsewhere the run stays on a thread
(:class:`~app.training_worker.TrainingSession`), as it also does for the other views' races.
"""
from __future__ import annotations

import collections
import gc
import logging
import multiprocessing
import pickle
import queue
import signal
import sys
import threading
import warnings

from PySide6.QtCore import QObject, QTimer

from app import background
from app.run_library import recorded_item
from app.training_worker import RunSession, TrainingSession, TrainingWorker
from app.worker_thread import THREAD_ENDED, Worker
from core import events
from core.trainer import TrainingControl, check_live_settings

log = logging.getLogger(__name__)

STATE = "(state)"
"""Child → window: the network's weights and the optimiser's state, before a pause or the end."""

RECORDS = "(records)"
"""Child → window: events for the run library, epoch ends with their weights (see RunRecording.take)."""

SETTINGS_COMMANDS = ("change", "set_pace")
"""Commands that change a setting of the run but do not move it (see RemoteControl.paused)."""

OUTCOMES = ("finished", "failed")
"""The child's last signals: after one of them it only exits."""

EXIT_WAIT_S = 0.5
"""How long the GUI thread waits, after the outcome, for the child's exit (it comes within milliseconds)."""

_STOP_SENDING = object()


def available() -> bool:
    """Whether runs train in a child process here: the platform forks a running process (Linux).

    macOS forks too, but its system libraries (Cocoa, under Qt) are not safe to use in a fork."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def training_session(experiment, trainer_options: dict, *, paused: bool, parent: QObject, recording=None,
                     may_fork: bool = True, **worker_options):
    """The session for a window's run: :class:`TrainingProcess` where :func:`available` and the caller
    says that no other thread may be compiling kernels now (``may_fork``), else a thread's.
    ``worker_options`` go to its :class:`~app.training_worker.TrainingWorker`."""
    if may_fork and available():
        return TrainingProcess(experiment, trainer_options, paused=paused, parent=parent, recording=recording,
                               **worker_options)
    return TrainingSession(experiment, trainer_options, paused=paused, parent=parent, recording=recording,
                           **worker_options)


class RemoteControl:
    """The commands of a :class:`~core.trainer.TrainingControl`, carried out by the child's control.

    :attr:`paused` is True once the child has reported that its loop waits, after every command sent
    so far that moves it (pause, resume, step, stop, a weight set by hand; not a new setting).
    """

    def __init__(self, commands, paused: bool):
        self._commands = commands
        self._sent = 0
        self._reported = (paused, 0)  # (the loop waits, moving commands carried out by then)

    def pause(self) -> None:
        self._send("pause")

    def resume(self) -> None:
        self._send("resume")

    def step_batch(self) -> None:
        self._send("step_batch")

    def step_epoch(self) -> None:
        self._send("step_epoch")

    def stop(self) -> None:
        self._send("stop")

    def change(self, **settings: float) -> None:
        check_live_settings(settings)
        self._send("change", settings, moves=False)

    def set_weight(self, layer: int, source: int | None, target: int, value: float) -> None:
        """Moves the run: a paused child sets the weight, then reports that it waits again."""
        self._send("set_weight", {"layer": layer, "source": source, "target": target, "value": float(value)})

    def set_pace(self, seconds_per_batch: float) -> None:
        self._send("set_pace", {"seconds_per_batch": seconds_per_batch}, moves=False)

    @property
    def paused(self) -> bool:
        waiting, carried_out = self._reported
        return waiting and carried_out == self._sent

    def report(self, waiting: bool, carried_out: int) -> None:
        self._reported = (waiting, carried_out)

    def close(self) -> None:
        """The run has ended: commands from now on go nowhere."""
        self._commands.close()

    def _send(self, command: str, settings: dict | None = None, moves: bool = True) -> None:
        if moves:
            self._sent += 1
        try:
            self._commands.send((command, settings or {}))
        except OSError:  # the child has ended (or the run): nothing is left to command
            pass


class _PipeReader(Worker):
    """Reads the child's messages whole, on a thread of the window's process, into the outbox: the
    GUI thread never waits for a message half written (a snapshot of MNIST's weights is 1 MB, a
    pipe holds 64 kB, and the child writes at a lower priority)."""

    def __init__(self, messages):
        super().__init__()
        self.messages = messages

    def run(self) -> None:
        # Below the GUI thread, as a training thread would put it, with the other helper threads (the
        # run library's writer among them): when the GUI thread wakes up, it gets a core first.
        background.lower_background_priority()
        while True:
            try:
                data = self.messages.recv_bytes()
            except (EOFError, OSError):  # the child has exited and everything it sent has been read
                self.messages.close()
                return
            self.outbox.put(*pickle.loads(data))


class TrainingProcess(RunSession):
    """One run trained in a child process (see the module docstring); the session's own thread only
    reads the child's messages. At ``paused`` and ``finished``, the window's network holds the
    weights of that moment. ``recording`` (an :class:`app.run_library.RunRecording`, optional)
    receives the run's events.
    """

    def __init__(self, experiment, trainer_options: dict | None = None, *, paused: bool = False,
                 parent: QObject | None = None, recording=None, **worker_options):
        context = multiprocessing.get_context("fork")
        worker_options.setdefault("blas_threads", background.training_process_blas_threads(experiment.network.dtype))
        messages, child_messages = context.Pipe(duplex=False)
        child_commands, commands = context.Pipe(duplex=False)
        super().__init__(_PipeReader(messages), RemoteControl(commands, paused), "training-reader", parent)
        self.experiment, self.recording = experiment, recording
        self.process = context.Process(
            target=_child_main, name="training", daemon=True,
            args=((messages, commands), child_messages, child_commands, experiment, dict(trainer_options or {}),
                  worker_options, paused, recording is not None))
        self._child_ends = (child_messages, child_commands)
        self._waiting: collections.deque = collections.deque()  # taken while stopping, delivered later
        self._outcome_sent = False  # finished or failed came: the child did not just die
        self._last_snapshot = None

    def start(self) -> None:
        with warnings.catch_warnings():
            # Python 3.12+ warns that forking a process with threads may deadlock the child (on a lock
            # another thread held): the child takes none of them. It never calls Qt, collects none of
            # the inherited objects, imports nothing the engine's preparation has not imported, and is
            # only forked while no thread compiles kernels (numba's and LLVM's locks; see training_session).
            warnings.filterwarnings("ignore", "This process .* is multi-threaded", DeprecationWarning)
            self.process.start()
        for end in self._child_ends:  # only the child's: the pipe reads end of file once the child exits
            end.close()
        super().start()

    def stop_and_wait(self, timeout_ms: int | None = None) -> bool:
        """Ask the run to stop at its next batch and wait for the child; True if it exited in time.
        The weights, the optimiser's state and the records it sent are taken at once (the window may
        close the run library next); its signals come when the event loop next runs, then :attr:`ended`."""
        exited = super().stop_and_wait(timeout_ms)
        self._take_sent()
        return exited

    def wait(self) -> None:
        super().wait()
        self._take_sent()

    def _take_sent(self) -> None:
        for name, args in self.worker.outbox.drain():
            if name in (STATE, RECORDS):
                self._handle(name, args)
            else:
                self._waiting.append((name, args))
        if self._waiting:
            QTimer.singleShot(0, self, self._deliver)  # the outbox's wake-up bytes were read with its messages

    def _deliver(self) -> None:
        """In order, one at a time (a slot running a nested event loop lets the rest come inside it)."""
        while self._waiting:
            self._handle(*self._waiting.popleft())
        for name, args in self.worker.outbox.drain():
            self._handle(name, args)

    def _handle(self, name: str, args: tuple) -> None:
        if name == THREAD_ENDED:
            self._end()
        elif name == STATE:
            self._adopt(*args)
        elif name == RECORDS:
            if self.recording is not None:
                self.recording.take(args[0])
        else:
            if name == "progress" and args[0].snapshot is not None:
                self._last_snapshot = args[0].snapshot
            getattr(self, name).emit(*args)
            if name in OUTCOMES:
                self._outcome_sent = True
                # Only the child's exit comes after its outcome: the run ends with it, as a thread's does.
                self.thread.join(EXIT_WAIT_S)

    def _adopt(self, network_state: dict, optimizer_arrays: dict | None, waiting: bool, carried_out: int) -> None:
        """The child's weights and optimiser state replace the window's (before a pause or the end)."""
        self.experiment.network.load_state(network_state)
        if optimizer_arrays is not None:
            self.experiment.optimizer().load_state_arrays(optimizer_arrays, [self.experiment.network.flat_parameters])
        self.control.report(waiting, carried_out)

    def _on_ended(self) -> None:
        self.process.join()
        self.control.close()
        if not self._outcome_sent:
            self._failed_unexpectedly()
        super()._on_ended()

    def _failed_unexpectedly(self) -> None:
        code = self.process.exitcode
        cause = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        if self._last_snapshot is not None:
            self.experiment.network.load_state(self._last_snapshot.state)
        log.error("the training process ended unexpectedly (%s)", cause)
        self.failed.emit(f"the training process ended unexpectedly ({cause}: out of memory, or killed?); the "
                         "network keeps the weights of its last snapshot")


class _ChildEnd:
    """The child's side: sends the worker's messages, records and states through the pipe (from a
    thread of its own, so that the training never waits for the window to read) and carries out
    the window's commands."""

    def __init__(self, messages, control: TrainingControl, experiment, recording: bool):
        self.control, self.experiment, self.recording = control, experiment, recording
        self.worker: TrainingWorker | None = None
        self._messages = messages
        self._outgoing: queue.SimpleQueue = queue.SimpleQueue()
        self._records: list = []
        self._lock = threading.Lock()  # a command and the report of a pause see each other whole
        self._carried_out = 0
        self.finished = False  # TrainingFinished came: its state was sent
        self._sender = threading.Thread(target=self._send_loop, name="training-sender", daemon=True)
        self._sender.start()

    # The worker's outbox
    def put(self, name: str, args: tuple = ()) -> None:
        self._send_records()
        self._outgoing.put((name, args))

    @property
    def optimizer(self):
        """The run's optimiser, once the worker has made its trainer."""
        trainer = self.worker.trainer if self.worker is not None else None
        return trainer.optimizer if trainer is not None else None

    # The worker's on_event, called in the training thread with every event
    def on_event(self, event) -> None:
        if self.recording:
            item = recorded_item(event, self.experiment.network, self.optimizer)
            if item is not None:
                self._records.append(item)
        if isinstance(event, events.Paused):
            with self._lock:
                waiting, carried_out = self.control.must_wait(), self._carried_out
            self.send_state(waiting, carried_out)
        elif isinstance(event, events.TrainingFinished):
            self.finished = True
            self.send_state(False, self._carried_out)

    def send_state(self, waiting: bool, carried_out: int) -> None:
        optimizer = self.optimizer
        self._send_records()
        self._outgoing.put((STATE, (self.experiment.network.state(),
                                    optimizer.state_arrays() if optimizer is not None else None,
                                    waiting, carried_out)))

    def _send_records(self) -> None:
        if self._records:
            records, self._records = self._records, []
            self._outgoing.put((RECORDS, (records,)))

    def obey(self, commands) -> None:
        """Carry out the window's commands (a thread of its own). The window closes its end only
        after the child has exited: an end of file during the run means the window is gone (killed,
        crashed), and the run stops rather than train on for nobody."""
        while True:
            try:
                command, settings = commands.recv()
            except (EOFError, OSError):
                self.control.stop()
                return
            with self._lock:
                getattr(self.control, command)(**settings)
                if command not in SETTINGS_COMMANDS:
                    self._carried_out += 1

    def close(self) -> None:
        """Send what is left and wait until it is sent."""
        self._send_records()
        self._outgoing.put(_STOP_SENDING)
        self._sender.join()

    def _send_loop(self) -> None:
        while (message := self._outgoing.get()) is not _STOP_SENDING:
            try:
                # Protocol 5 keeps the events' read-only arrays read-only (and copies them once).
                self._messages.send_bytes(pickle.dumps(message, protocol=5))
            except OSError:  # the window is gone: nobody reads any more
                self.control.stop()
                return


def _child_main(window_ends: tuple, messages, commands, experiment, trainer_options: dict, worker_options: dict,
                paused: bool, recording: bool) -> None:
    """The child process: train, send, exit. Never calls Qt (it has the window's objects, not its threads)."""
    for end in window_ends:  # the window's ends, inherited: once the window is gone, the pipes say so
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the window, which stops the run
    # Objects inherited from the window (widgets among them) are never collected here: destroying a
    # widget would call Qt. What the run makes is collected as usual.
    gc.freeze()
    gc.enable()
    background.lower_own_priority()
    control = TrainingControl(paused=paused)
    end = _ChildEnd(messages, control, experiment, recording)
    threading.Thread(target=end.obey, args=(commands,), name="training-commands", daemon=True).start()
    worker = TrainingWorker(experiment, control, trainer_options, on_event=end.on_event, outbox=end, **worker_options)
    end.worker = worker
    worker.run()
    if not end.finished:
        end.send_state(False, 0)  # the run failed: the window still gets the weights it reached
    end.close()
