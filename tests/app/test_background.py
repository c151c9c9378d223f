"""Training gives way to the GUI: lower priority for every other thread, idle OpenBLAS threads asleep."""
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app import background, training_process
from app.training_process import TrainingProcess
from app.training_worker import TrainingSession
from core.experiment import Experiment
from core import trainer as trainer_module

ROOT = Path(__file__).resolve().parents[2]

needs_thread_priorities = pytest.mark.skipif(not background.priorities_available(),
                                             reason="threads have no priority of their own here (Linux only)")


def niceness(task: int = 0) -> int:
    return os.getpriority(os.PRIO_PROCESS, task)


@needs_thread_priorities
def test_a_training_run_lowers_every_thread_but_the_gui_thread(qtbot, small_config):
    gui = niceness()
    expected = min(19, gui + background.BACKGROUND_NICENESS)
    seen = []  # (the training thread's niceness, the other threads' nicenesses), as the first batch ends

    def look(event):
        if not seen:
            others = {int(task) for task in os.listdir("/proc/self/task")} - {threading.main_thread().native_id}
            seen.append((niceness(), {niceness(task) for task in others}))

    session = TrainingSession(Experiment(small_config(epochs=1)), on_event=look)
    with qtbot.waitSignal(session.ended, timeout=30_000):
        session.start()
    training, others = seen[0]
    assert training == expected
    assert min(others) >= expected  # OpenBLAS's pool and every helper thread too
    assert niceness() == gui


@needs_thread_priorities
@pytest.mark.skipif(not training_process.available(), reason="runs train in a thread on this platform")
def test_a_training_process_and_the_threads_reading_it_run_below_the_gui_thread(qtbot, small_config):
    expected = min(19, niceness() + background.BACKGROUND_NICENESS)
    session = TrainingProcess(Experiment(small_config(epochs=1)), paused=True)
    with qtbot.waitSignal(session.paused, timeout=30_000):
        session.start()
    child = niceness(session.process.pid)  # its main thread: the training loop's
    reader = niceness(session.thread.native_id)
    with qtbot.waitSignal(session.ended, timeout=30_000):
        session.control.stop()
    assert child == expected and reader == expected


def run_python(code: str, **environment) -> str:
    env = {key: value for key, value in os.environ.items() if key != "OPENBLAS_THREAD_TIMEOUT"} | environment
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


WINDOW_COMMAND = ("import os, sys, app.cli as cli\n"
                  "cli.open_gui = lambda *arguments, **options: print(os.environ.get('OPENBLAS_THREAD_TIMEOUT')) or 0\n"
                  "cli.main(sys.argv[1:])\n")


def test_the_window_command_lets_idle_blas_threads_sleep_before_numpy_loads():
    assert run_python(WINDOW_COMMAND) == background.BLAS_IDLE_TIMEOUT
    assert run_python(WINDOW_COMMAND, OPENBLAS_THREAD_TIMEOUT="10") == "10"  # the user's own setting stays
    # Too late once NumPy is loaded: OpenBLAS reads the variable as it loads.
    late = "import numpy, os; from app import background as b; print(b.let_idle_blas_threads_sleep(), " \
           "os.environ.get('OPENBLAS_THREAD_TIMEOUT'))"
    assert run_python(late) == "False None"


def test_headless_commands_keep_openblas_as_it_is():
    code = ("import os, app.cli as cli, app.headless as headless\n"
            "headless.run = lambda arguments: print(os.environ.get('OPENBLAS_THREAD_TIMEOUT')) or 0\n"
            "cli.main(['train', 'run.json'])\n")
    assert run_python(code) == "None"


@pytest.mark.parametrize("cores, rounds_otherwise, threads",
                         [(1, False, 1), (2, False, 2), (2, True, 1), (4, False, 3), (4, True, 3), (8, False, 7)])
def test_a_training_process_leaves_the_gui_a_core_except_on_two_where_the_engine_may_choose(
        monkeypatch, cores, rounds_otherwise, threads):
    # Where the BLAS rounds otherwise on two threads, the engine keeps the run's setting: two threads would
    # share the GUI's core throughout.
    monkeypatch.setattr(background.os, "cpu_count", lambda: cores)
    monkeypatch.setattr(trainer_module, "thread_count_changes_products", lambda dtype: rounds_otherwise)
    assert background.training_process_blas_threads() == threads
    assert background.default_blas_threads() == max(1, cores - 1)
