"""GUI tests run offscreen, and no test may leave a training or loading thread running."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc  # noqa: E402
import threading  # noqa: E402

import pytest  # noqa: E402

from app import i18n  # noqa: E402
from app.main_window import MainWindow  # noqa: E402
from app.training_process import TrainingProcess  # noqa: E402
from app.worker_thread import WorkerThread  # noqa: E402
from core import events, runs  # noqa: E402
from core.config import OptimizerConfig, RunConfig  # noqa: E402


def pytest_collection_modifyitems(items):
    # The offscreen platform warns when any top-level window (a dialog) is shown; not a fault of ours.
    for item in items:
        if "tests/app/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def no_thread_left_running(monkeypatch, qapp):
    """Fail the test if a worker thread or training process it started (or a dataset-loader thread)
    still runs afterwards, or if its windows left Python's automatic garbage collection off.

    Set up before ``qtbot``, so it is checked after qtbot has closed the test's windows.
    """
    started = []
    original_start = WorkerThread.start

    def tracking_start(session, *args):
        started.append(session.thread)
        return original_start(session, *args)

    original_process_start = TrainingProcess.start

    def tracking_process_start(session, *args):
        started.append(session.process)
        return original_process_start(session, *args)

    monkeypatch.setattr(WorkerThread, "start", tracking_start)
    monkeypatch.setattr(TrainingProcess, "start", tracking_process_start)
    yield
    for thread in started:
        thread.join(5)
    running = [thread.name for thread in started if thread.is_alive()]
    qapp.processEvents()  # the GUI thread's side of a thread's end (a worker gives collection back)
    loaders = [thread.name for thread in threading.enumerate() if thread.name.startswith("dataset-loader")]
    assert not running, f"worker thread(s) or training process(es) still running after the test: {running}"
    assert not loaders, f"dataset loader thread(s) still running after the test: {loaders}"
    assert gc.isenabled(), "a window or worker left automatic garbage collection off (app/gui_thread_gc.py)"


@pytest.fixture
def switch_language(qapp):
    """``switch_language("ru")`` switches the window's language as its Language menu does, translating what is shown.

    English is installed as the fixture is set up, so that the texts shown from then on are recorded and the first
    switch is a change (name the fixture before those that make the widgets whose texts must switch); the window is
    in English again after the test, passed or failed.
    """
    i18n.set_language("en")
    yield i18n.set_language
    i18n.set_language("en")


@pytest.fixture
def small_config():
    """A factory of quick configurations: the digits, a 16-unit ReLU layer, SGD, 3 epochs by default."""

    def make(**training) -> RunConfig:
        config = RunConfig()
        config.network.hidden[0].units = 16
        config.optimizer = OptimizerConfig("sgd", {"lr": 0.05})
        for key, value in {"epochs": 3, "batch_size": 32, **training}.items():
            setattr(config.training, key, value)
        return config

    return make


@pytest.fixture
def open_window(qtbot):
    """A factory of main windows on ``config`` (the default one without), returned once Start is enabled
    and the engine is prepared for the run (so that it trains in a process of its own where it can)."""

    def make(config=None) -> MainWindow:
        window = MainWindow(config)
        qtbot.addWidget(window)
        qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
        qtbot.waitUntil(lambda: window.loader.engine_prepared(window.experiment), timeout=30_000)
        return window

    return make


@pytest.fixture
def window(open_window):
    """The default main window, answering "yes" whenever it asks whether to reset."""
    made = open_window()
    made.confirm_reset = lambda question: True
    return made


@pytest.fixture
def held_writer(monkeypatch):
    """Run recordings save a run's end (its TrainingFinished) only once the test sets the event returned."""
    release = threading.Event()
    record = runs.RunRecorder.record

    def held(recorder, event, *args, **kwargs):
        if isinstance(event, events.TrainingFinished):
            assert release.wait(30)
        record(recorder, event, *args, **kwargs)

    monkeypatch.setattr(runs.RunRecorder, "record", held)
    yield release
    release.set()
