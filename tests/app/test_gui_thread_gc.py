"""Garbage holding Qt objects is destroyed in the GUI thread, never in a training thread."""
import gc
import threading

from app.main_window import MainWindow


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
    ballast = allocate_container_objects(2_000)  # past the first generation's threshold, in this thread
    qtbot.waitUntil(lambda: bool(Cycle.freed_in), timeout=5_000)
    assert Cycle.freed_in == [threading.main_thread().name]
    del ballast

    window.close()
    assert gc.isenabled()


def test_the_last_of_two_windows_gives_collection_back(qtbot):
    first, second = MainWindow(), MainWindow()
    for window in (first, second):
        qtbot.addWidget(window)
    first.close()
    assert not gc.isenabled()
    second.close()
    assert gc.isenabled()
