"""A worker's messages reach the GUI thread in order, ``ended`` comes once and last, and stopping waits."""
import threading
import weakref

import pytest
from PySide6.QtCore import QEventLoop, QTimer, Signal

from app.worker_thread import Outbox, Outgoing, Worker, WorkerThread


class Control:
    def __init__(self):
        self.stopped = threading.Event()

    def stop(self):
        self.stopped.set()


class CountingWorker(Worker):
    number = Outgoing()
    finished = Outgoing()

    def __init__(self, control, count, *, until_stopped=False):
        super().__init__()
        self.control, self.count, self.until_stopped = control, count, until_stopped

    def run(self):
        for value in range(self.count):
            self.number.emit(value, threading.current_thread().name)
        if self.until_stopped:
            self.control.stopped.wait()
        self.finished.emit()


class CountingSession(WorkerThread):
    number = Signal(int, str)
    finished = Signal()

    def __init__(self, count, **options):
        control = Control()
        super().__init__(CountingWorker(control, count, **options), control, "counting")


def record(session):
    received = []
    session.number.connect(lambda value, sender: received.append((value, sender, threading.current_thread())))
    session.finished.connect(lambda: received.append("finished"))
    session.ended.connect(lambda: received.append("ended"))
    return received


def test_messages_arrive_in_the_gui_thread_in_order_and_ended_comes_once_last(qtbot):
    session = CountingSession(500)
    received = record(session)
    with qtbot.waitSignal(session.ended, timeout=10_000):
        session.start()
        assert session.running
    qtbot.wait(50)
    assert [item[0] for item in received[:-2]] == list(range(500))
    assert {item[1] for item in received[:-2]} == {"counting"}, "sent from the worker's thread"
    assert {item[2] for item in received[:-2]} == {threading.main_thread()}, "received in the GUI thread"
    assert received[-2:] == ["finished", "ended"]
    assert not session.running and not session.thread.is_alive()


def test_a_slot_running_a_nested_event_loop_loses_nothing_and_ended_comes_once(qtbot):
    session = CountingSession(50)
    received = record(session)

    def wait_in_a_nested_loop(value, _sender):
        if value == 0:  # as a message box would: the event loop turns inside the slot
            loop = QEventLoop()
            QTimer.singleShot(200, loop.quit)
            loop.exec()

    session.number.connect(wait_in_a_nested_loop)
    with qtbot.waitSignal(session.ended, timeout=10_000):
        session.start()
    qtbot.wait(100)
    assert [item[0] for item in received[:-2]] == list(range(50))
    assert received[-2:] == ["finished", "ended"]


def test_stopping_waits_for_the_thread_and_its_last_messages_still_arrive(qtbot):
    session = CountingSession(3, until_stopped=True)
    received = record(session)
    session.start()
    qtbot.waitUntil(lambda: len(received) == 3, timeout=5_000)
    assert session.thread.is_alive(), "the worker waits to be stopped"
    assert session.stop_and_wait(5_000)
    assert not session.thread.is_alive()
    with qtbot.waitSignal(session.ended, timeout=5_000):
        pass
    assert received[-2:] == ["finished", "ended"]


def test_stopping_a_worker_that_does_not_stop_in_time_says_so(qtbot):
    session = CountingSession(0, until_stopped=True)
    session.control.stop = lambda: None  # deaf to the request
    session.start()
    assert not session.stop_and_wait(50)
    assert session.running
    session.worker.control.stopped.set()
    session.wait()
    qtbot.waitUntil(lambda: not session.running, timeout=5_000)


def test_an_outbox_whose_wake_up_bytes_overflow_still_hands_over_every_message_in_order(qtbot):
    outbox = Outbox()
    received = []

    def take_all():
        received.extend(args[0] for _, args in outbox.drain())

    notifier = outbox.notify(take_all, None)
    count = 300_000  # far more bytes than a socket buffer holds while the GUI thread is not reading
    sender = threading.Thread(target=lambda: [outbox.put("number", (value,)) for value in range(count)])
    sender.start()
    sender.join()
    qtbot.waitUntil(lambda: len(received) == count, timeout=20_000)
    assert received == list(range(count))
    notifier.setEnabled(False)
    outbox.close()


def test_a_session_without_a_signal_for_one_of_its_workers_messages_is_refused_when_made(qapp):
    class TalkativeWorker(CountingWorker):
        remark = Outgoing()

    class DeafSession(WorkerThread):
        number = Signal(int, str)
        finished = Signal()

    with pytest.raises(TypeError, match="DeafSession declares no signal for TalkativeWorker's messages remark"):
        DeafSession(TalkativeWorker(Control(), 1), Control(), "deaf")
    assert isinstance(CountingSession(1), WorkerThread), "a session that hears every message is made"


def test_a_session_is_freed_where_it_is_dropped_not_by_the_collector_in_another_thread(qtbot, qtlog):
    """A session held itself through its thread (a method of its own was the thread's target): only the collector
    freed one never started, in whichever thread allocated at the time, and one dropped while its thread ran was
    freed by that thread as it ended. Either way its notifier, still enabled, was destroyed in another thread, which
    Qt refuses to unregister ("Socket notifiers cannot be enabled or disabled from another thread"); the GUI thread's
    event loop then crashed on it, as it did on a dataset loader's."""
    running = CountingSession(3, until_stopped=True)
    control, thread = running.control, running.thread
    running.start()  # the collector is off while it runs (app.gui_thread_gc): only reference counts free below
    try:
        never_started = CountingSession(3)
        gone = weakref.ref(never_started)
        del never_started
        assert gone() is None, "never started: freed at once"
        gone = weakref.ref(running)
        del running
        assert gone() is None, "dropped while its thread runs: freed at once, here in the GUI thread"
    finally:
        control.stop()
        thread.join(5)
    assert not thread.is_alive()
    assert [record.message for record in qtlog.records] == []
    qtbot.wait(50)  # the event loop runs on
    assert [record.message for record in qtlog.records] == []
