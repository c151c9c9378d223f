"""A worker object on a ``QThread`` of its own: the one way the app runs long work off the GUI thread.

A subclass declares the worker's signals it forwards (same names, declared on the subclass too) and
builds its worker; the worker has a ``run()`` slot and a ``done`` signal emitted as ``run`` ends.
Forwarded signals are delivered in the GUI thread; :attr:`WorkerThread.ended` comes last, after
which the thread and the worker are deleted.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from app import gui_thread_gc


class WorkerThread(QObject):
    ended = Signal()
    """ended(): the thread has stopped; nothing more will be sent."""

    forwarded: tuple[str, ...] = ()
    """The worker's signals re-emitted by this object (each declared on the subclass)."""

    stop_timeout_ms = 5000

    def __init__(self, worker: QObject, control, thread_name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.control = control
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName(thread_name)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # Direct: quit() must not wait for the GUI thread, which may be blocked in wait() on close.
        self.worker.done.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        for name in self.forwarded:
            getattr(self.worker, name).connect(getattr(self, name))
        self.thread.finished.connect(self.worker.deleteLater)
        self.thread.finished.connect(self.thread.deleteLater)
        self.thread.finished.connect(self._on_thread_finished)
        self._running = False

    def start(self) -> None:
        # Garbage holding a widget must never be destroyed in the worker's thread, inside a window or
        # not: a full test run hung once so, a run started without a window (see app.gui_thread_gc).
        gui_thread_gc.hold(self)
        self._running = True
        self.thread.start()

    @property
    def running(self) -> bool:
        """True from :meth:`start` until the thread has finished."""
        return self._running

    def stop_and_wait(self, timeout_ms: int | None = None) -> bool:
        """Ask the work to stop at its next batch and wait for the thread; True if it ended in time."""
        self.control.stop()
        return not self._running or self.thread.wait(self.stop_timeout_ms if timeout_ms is None else timeout_ms)

    @Slot()
    def _on_thread_finished(self) -> None:
        self._running = False
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
