"""Long work off the GUI thread: a plain Python worker on a thread of its own, which never touches Qt.

A :class:`Worker` declares the messages it sends as :class:`Outgoing` attributes and sends them with
``emit(...)`` from its thread. They wait in its :class:`Outbox`, whose every message also writes a
byte to a socket pair that the GUI thread's event loop watches: the GUI thread wakes up once per
message (no polling) and re-emits each as the session's signal of the same name, in order.
:attr:`WorkerThread.ended` comes last, after every message of the thread.

Why not a ``QObject`` worker on a ``QThread``: Qt guards signal connections with a small shared pool
of mutexes, and PySide may take the interpreter lock while one of them is held (destroying a
QObject's connections, for one). A worker QObject deleted in its own thread as it ended froze test
runs for good now and then (py-spy: that thread held a Qt mutex and waited for the interpreter
lock, which the GUI thread held while it waited for that mutex to connect a timer). Here only the
GUI thread calls Qt; the others hand over plain Python objects.
"""
from __future__ import annotations

import queue
import socket
import threading
import weakref

from PySide6.QtCore import QObject, QSocketNotifier, Signal, SignalInstance

from app import gui_thread_gc


THREAD_ENDED = "(thread ended)"
"""The last message of a worker's thread, sent after the worker's run."""


class Outbox:
    """Messages ``(name, args)`` from threads that never call Qt, for the GUI thread, in order.

    :meth:`put` (any thread) queues a message and writes a byte to a socket pair; :meth:`notify`
    has the GUI thread's event loop call a slot whenever bytes wait, and the slot takes the
    messages with :meth:`drain`.
    """

    def __init__(self):
        self._messages: queue.SimpleQueue = queue.SimpleQueue()
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        # Closed when closed, or at the latest when the outbox is collected (a session never started).
        self._closer = weakref.finalize(self, _close_sockets, self._reader, self._writer)

    def put(self, name: str, args: tuple = ()) -> None:
        self._messages.put((name, args))
        try:
            self._writer.send(b"\0")
        except OSError:  # the buffer is full (bytes wait already: the reader wakes up) or closed
            pass

    def notify(self, slot, parent: QObject) -> QSocketNotifier:
        """Have the GUI thread call ``slot`` whenever messages may wait (a notifier owned by ``parent``)."""
        notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, parent)
        notifier.activated.connect(slot)
        return notifier

    def drain(self):
        """The messages waiting, oldest first, taken one at a time; in the GUI thread. A message put
        meanwhile wakes the reader again. One at a time: a slot that runs a nested event loop (a
        dialog) lets the rest be delivered inside it, in order, as Qt's queued signals would."""
        try:
            while self._reader.recv(4096):
                pass
        except OSError:  # no byte left to read (or closed)
            pass
        while True:
            try:
                yield self._messages.get_nowait()
            except queue.Empty:
                return

    def close(self) -> None:
        self._closer()


def _close_sockets(*sockets: socket.socket) -> None:
    for end in sockets:
        end.close()


class Outgoing:
    """A message a :class:`Worker` sends, declared on its class as a Qt signal would be; the session
    that runs the worker declares a signal of the same name and the same arguments."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, worker, owner=None):
        return self if worker is None else _Sender(worker.outbox, self.name)


class _Sender:
    __slots__ = ("outbox", "name")

    def __init__(self, outbox: Outbox, name: str):
        self.outbox, self.name = outbox, name

    def emit(self, *args) -> None:
        """Queue the message for the GUI thread (callable from any thread)."""
        self.outbox.put(self.name, args)


class Worker:
    """Long work run by a :class:`WorkerThread`: a subclass declares :class:`Outgoing` messages and
    defines ``run()``, which runs in the worker's thread and must not raise."""

    def __init__(self, outbox: Outbox | None = None):
        """``outbox``: anything with Outbox's ``put`` (a training process sends through a pipe)."""
        self.outbox = outbox if outbox is not None else Outbox()


def _run_worker(worker: Worker) -> None:
    try:
        worker.run()
    finally:
        worker.outbox.put(THREAD_ENDED)


class WorkerThread(QObject):
    """Runs a :class:`Worker` on a thread of its own; a subclass declares, as signals of the same names,
    the messages its worker sends, and receives them in the GUI thread."""

    ended = Signal()
    """ended(): the thread has stopped and every message it sent has been delivered; nothing more comes."""

    stop_timeout_ms = 5000

    def __init__(self, worker: Worker, control, thread_name: str, parent: QObject | None = None):
        super().__init__(parent)
        unheard = [name for name in dir(type(worker)) if isinstance(getattr(type(worker), name), Outgoing)
                   and not isinstance(getattr(self, name, None), SignalInstance)]
        if unheard:
            raise TypeError(f"{type(self).__name__} declares no signal for {type(worker).__name__}'s "
                            f"messages {', '.join(unheard)}")
        self.control = control
        self.worker = worker
        # A daemon: a run nobody stopped must not keep the interpreter from exiting. Its target is not a method of
        # this object, which would hold itself through its thread: dropped while its thread ran, it was freed by that
        # thread as it ended; never started, by the collector, in whichever thread allocated then. Freed in another
        # thread with its notifier enabled, the notifier stayed watched by the GUI thread's event loop (Qt cannot
        # unregister it from there), which then crashed on it. So it is freed where it is dropped.
        self.thread = threading.Thread(target=_run_worker, args=(worker,), name=thread_name, daemon=True)
        self._notifier = worker.outbox.notify(self._deliver, self)
        self._running = False

    def start(self) -> None:
        # Garbage holding a widget must never be destroyed in the worker's thread, inside a window or
        # not: a full test run hung once so, a run started without a window (see app.gui_thread_gc).
        gui_thread_gc.hold(self)
        self._running = True
        self.thread.start()

    @property
    def running(self) -> bool:
        """True from :meth:`start` until :attr:`ended` is emitted."""
        return self._running

    def stop_and_wait(self, timeout_ms: int | None = None) -> bool:
        """Ask the work to stop at its next batch and wait for the thread; True if it ended in time.
        Its last messages are still delivered (when the event loop next runs), then :attr:`ended`."""
        self.control.stop()
        if self.thread.is_alive():
            self.thread.join((self.stop_timeout_ms if timeout_ms is None else timeout_ms) / 1000)
        return not self.thread.is_alive()

    def wait(self) -> None:
        """Wait for the thread however long its current batch takes."""
        self.thread.join()

    def _deliver(self) -> None:
        for name, args in self.worker.outbox.drain():
            if name == THREAD_ENDED:  # not a signal: it comes through while the session's signals are blocked
                self._end()
            else:
                getattr(self, name).emit(*args)

    def _end(self) -> None:
        self.thread.join()  # it has sent its last message: only its return is left
        self._notifier.setEnabled(False)
        self.worker.outbox.close()
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
