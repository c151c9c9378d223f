"""Long work off the GUI thread: a plain Python worker on a thread of its own, which never touches Qt.

A :class:`Worker` declares the messages it sends as :class:`Outgoing` attributes and sends them with
``emit(...)`` from its thread; they wait in a queue that a timer of the :class:`WorkerThread` (in the
GUI thread) empties, re-emitting each as the session's signal of the same name, in order.
:attr:`WorkerThread.ended` comes last, once the thread has ended and its messages are delivered.

Why not a ``QObject`` worker on a ``QThread``: Qt guards signal connections with a small shared pool
of mutexes, and PySide may take the interpreter lock while one of them is held (destroying a
QObject's connections, for one). A worker QObject deleted in its own thread as it ended froze test
runs for good now and then (py-spy: that thread held a Qt mutex and waited for the interpreter
lock, which the GUI thread held while it waited for that mutex to connect a timer). Here only the
GUI thread calls Qt; the others hand over plain Python objects through queues.
"""
from __future__ import annotations

import queue
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from app import gui_thread_gc

POLL_INTERVAL_MS = 10
"""How often the GUI thread looks for a running worker's messages (workers send at most ~30 a second)."""


class Outgoing:
    """A message a :class:`Worker` sends, declared on its class as a Qt signal would be; the session
    that runs the worker declares a signal of the same name and the same arguments."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, worker, owner=None):
        return self if worker is None else _Sender(worker.outbox, self.name)


class _Sender:
    __slots__ = ("outbox", "name")

    def __init__(self, outbox: queue.SimpleQueue, name: str):
        self.outbox, self.name = outbox, name

    def emit(self, *args) -> None:
        """Queue the message for the GUI thread (callable from any thread)."""
        self.outbox.put((self.name, args))


def emit_sent(outbox: queue.SimpleQueue, receiver: QObject) -> None:
    """Emit each ``(name, args)`` message waiting in ``outbox`` as ``receiver``'s signal of that name,
    oldest first; called in the GUI thread. One at a time: a slot that runs a nested event loop (a
    dialog) lets the rest be delivered inside it, in order, as Qt's queued signals would."""
    while True:
        try:
            name, args = outbox.get_nowait()
        except queue.Empty:
            return
        getattr(receiver, name).emit(*args)


class Worker:
    """Long work run by a :class:`WorkerThread`: a subclass declares :class:`Outgoing` messages and
    defines ``run()``, which runs in the worker's thread and must not raise."""

    def __init__(self):
        self.outbox: queue.SimpleQueue = queue.SimpleQueue()


class WorkerThread(QObject):
    """Runs a :class:`Worker` on a thread of its own; a subclass declares, as signals of the same names,
    the messages its worker sends, and receives them in the GUI thread."""

    ended = Signal()
    """ended(): the thread has stopped and every message it sent has been delivered; nothing more comes."""

    stop_timeout_ms = 5000

    def __init__(self, worker: Worker, control, thread_name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.control = control
        self.worker = worker
        # A daemon: a run nobody stopped must not keep the interpreter from exiting.
        self.thread = threading.Thread(target=worker.run, name=thread_name, daemon=True)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_INTERVAL_MS)
        self._poll.timeout.connect(self._deliver)
        self._running = False

    def start(self) -> None:
        # Garbage holding a widget must never be destroyed in the worker's thread, inside a window or
        # not: a full test run hung once so, a run started without a window (see app.gui_thread_gc).
        gui_thread_gc.hold(self)
        self._running = True
        self.thread.start()
        self._poll.start()

    @property
    def running(self) -> bool:
        """True from :meth:`start` until :attr:`ended` is emitted."""
        return self._running

    def stop_and_wait(self, timeout_ms: int | None = None) -> bool:
        """Ask the work to stop at its next batch and wait for the thread; True if it ended in time.
        Its last messages are still delivered (by the timer), then :attr:`ended`."""
        self.control.stop()
        if self.thread.is_alive():
            self.thread.join((self.stop_timeout_ms if timeout_ms is None else timeout_ms) / 1000)
        return not self.thread.is_alive()

    def wait(self) -> None:
        """Wait for the thread however long its current batch takes."""
        self.thread.join()

    def _deliver(self) -> None:
        # Read before emptying the queue: what a thread that has ended sent is all in it.
        thread_ended = not self.thread.is_alive()
        emit_sent(self.worker.outbox, self)
        if thread_ended and self._running:  # not yet ended by a nested event loop in one of the slots
            self._poll.stop()
            self._running = False
            self._on_ended()

    def _on_ended(self) -> None:
        self.ended.emit()
        # Last: the last holder's release collects garbage, which may be this object (its window closed).
        gui_thread_gc.release(self)


class SessionView:
    """Run control shared by the views that run one :class:`WorkerThread` at a time in ``self.session``
    (None when idle); mixed into a ``View`` that also sets ``session`` in its ``__init__``."""

    @property
    def running(self) -> bool:
        return self.session is not None

    def stop(self) -> None:
        """Stop the run at its next batch; what it has drawn stays."""
        if self.running:
            self.session.control.stop()

    def stop_and_wait(self, timeout_ms: int = 5000) -> bool:
        """Stop the run and wait for its thread (the window is closing); True if it ended."""
        return self.session is None or self.session.stop_and_wait(timeout_ms)
