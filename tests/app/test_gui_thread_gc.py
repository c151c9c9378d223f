"""Garbage holding Qt objects is destroyed in the GUI thread, never in a training thread."""
import gc
import threading

from app.main_window import MainWindow
from app.training_worker import TrainingSession
from core.experiment import Experiment


class Cycle:
    """Garbage that only the cycle collector can free; it records the thread that freed it."""

    freed_in: list[str] = []

    def __init__(self):
        self.me = self

    def __del__(self):
        Cycle.freed_in.append(threading.current_thread().name)


def allocate_container_objects(count: int) -> list:
    """Tracked objects, kept alive: past the threshold of automatic collection, if it were on."""
    return [[index] for index in range(count)]


def test_while_the_window_is_open_only_the_gui_thread_collects_cycles(qtbot):
    assert gc.isenabled()
    window = MainWindow()
    qtbot.addWidget(window)
    assert not gc.isenabled()

    Cycle.freed_in.clear()
    Cycle()
    worker = threading.Thread(target=allocate_container_objects, args=(200_000,), name="busy-worker")
    worker.start()
    worker.join()
    assert Cycle.freed_in == []
    # Past the first generation's threshold, in this thread, by far: objects of earlier windows freed
    # meanwhile (Qt deletes them late) lower the count again.
    ballast = allocate_container_objects(20_000)
    qtbot.waitUntil(lambda: bool(Cycle.freed_in), timeout=5_000)
    assert Cycle.freed_in == [threading.main_thread().name]
    del ballast

    window.close()
    assert gc.isenabled()


def test_what_exists_when_the_window_is_built_is_kept_out_of_full_collections_until_it_closes(qtbot):
    interpreters_own = gc.get_freeze_count()  # 0, but CPython 3.12 starts with 375 that stay frozen
    window = MainWindow()
    qtbot.addWidget(window)
    frozen = gc.get_freeze_count()
    assert frozen > interpreters_own + 10_000  # the modules, classes and widgets of the app
    gc.collect()
    assert gc.get_freeze_count() == frozen, "a full collection in the GUI thread leaves them frozen"
    window.close()
    assert gc.get_freeze_count() == interpreters_own


def test_the_last_of_two_windows_gives_collection_back(qtbot):
    first, second = MainWindow(), MainWindow()
    for window in (first, second):
        qtbot.addWidget(window)
    first.close()
    assert not gc.isenabled()
    second.close()
    assert gc.isenabled()


class FakeCollector:
    """The gc functions the policy reads, with counts and an oldest generation the test sets."""

    def __init__(self, counts, long_lived):
        self.counts, self.long_lived, self.collected = counts, long_lived, []

    def get_count(self):
        return self.counts

    def get_threshold(self):
        return (700, 10, 10)

    def get_objects(self, generation=None):
        return [None] * self.long_lived

    def collect(self, generation=2):
        self.collected.append(generation)


def test_the_oldest_generation_is_collected_only_once_grown_by_a_quarter(monkeypatch):
    from app import gui_thread_gc

    fake = FakeCollector(counts=(701, 11, 11), long_lived=1200)
    monkeypatch.setattr(gui_thread_gc, "gc", fake)
    monkeypatch.setitem(gui_thread_gc._long_lived, "after_full_collection", 1000)
    gui_thread_gc._collect_by_thresholds()
    assert fake.collected == [1], "grown by a fifth: the middle generation only"
    fake.long_lived = 1300
    gui_thread_gc._collect_by_thresholds()
    assert fake.collected == [1, 2]
    assert gui_thread_gc._long_lived["after_full_collection"] == 1300
    fake.counts = (701, 3, 11)
    gui_thread_gc._collect_by_thresholds()
    assert fake.collected == [1, 2, 0]
    fake.counts = (12, 30, 30)
    gui_thread_gc._collect_by_thresholds()
    assert fake.collected == [1, 2, 0], "below the first threshold nothing is collected"


def test_what_a_first_run_brings_is_frozen_once_it_trains(qtbot, small_config):
    interpreters_own = gc.get_freeze_count()
    window = MainWindow(small_config(epochs=1))
    qtbot.addWidget(window)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    assert window.tools  # the views and tools made (and frozen) before the run
    before = gc.get_freeze_count()
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    assert gc.get_freeze_count() > before, "numba and the run's modules, imported by the training thread"
    qtbot.waitUntil(lambda: window.session is None)  # its thread holds collection until it has ended
    window.close()
    assert gc.get_freeze_count() == interpreters_own


def test_a_run_started_without_a_window_also_leaves_collection_to_the_gui_thread(qtbot, small_config):
    enabled_while_training = []
    session = TrainingSession(Experiment(small_config(epochs=1)),
                              on_event=lambda event: enabled_while_training.append(gc.isenabled()))
    with qtbot.waitSignal(session.ended, timeout=30_000):
        session.start()
    assert enabled_while_training and not any(enabled_while_training)
    assert gc.isenabled()


def test_a_holder_destroyed_after_qt_deleted_the_collection_timer_still_gives_collection_back(qtbot):
    """The order of an interpreter's exit: Qt's objects first, then the last holder's destroyed()."""
    import shiboken6
    from PySide6.QtCore import QObject

    from app import gui_thread_gc

    owner = QObject()
    gui_thread_gc.hold(owner)
    assert not gc.isenabled()
    shiboken6.delete(gui_thread_gc._timer)
    shiboken6.delete(owner)
    assert gc.isenabled()
