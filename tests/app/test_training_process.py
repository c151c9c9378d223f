"""A run in a child process: the same messages as a thread's, commands that reach it, and the window's
network holding what trained whenever the run pauses or ends — even when the child dies — and a
child that stops when its window is gone."""
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from app import background, training_process
from app.training_process import TrainingProcess, _ChildEnd, training_session
from app.training_worker import TrainingSession
from core import events
from core import trainer as trainer_module
from core.config import LayerConfig
from core.experiment import Experiment
from core.trainer import TrainingControl
from tests.app.sessions import batches_of, recorded, steps_per_epoch

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not training_process.available(), reason="runs train in a thread on this platform")


class Recording:
    """Stands in for app.run_library.RunRecording: keeps what the child sends for the run library."""

    def __init__(self):
        self.items = []

    def take(self, items):
        self.items.extend(items)


def recorded_process(experiment, trainer_options=None, **options):
    return recorded(TrainingProcess(experiment, trainer_options, **options))


def assert_network_holds(experiment, state):
    for name, array in experiment.network.state().items():
        np.testing.assert_array_equal(array, state[name], err_msg=name)


def test_every_batch_and_epoch_arrives_in_order_and_the_trained_weights_come_back(qtbot, small_config):
    experiment = Experiment(small_config(epochs=3))
    before = experiment.network.state()
    session, received = recorded_process(experiment, {"track_gradient_norms": True})
    with qtbot.waitSignal(session.ended, timeout=30_000):
        session.start()
    assert [batch.step for batch in batches_of(received)] == list(range(1, 3 * steps_per_epoch(experiment) + 1))
    assert [epoch.epoch for progress in received["progress"] for epoch in progress.epochs] == [1, 2, 3]
    assert received["finished"][0].reason == events.COMPLETED and received["failed"] == []
    assert len(batches_of(received)[0].gradient_norms) == 2
    final = [progress.snapshot for progress in received["progress"] if progress.snapshot is not None][-1]
    assert all(not array.flags.writeable for array in final.state.values()), "events stay immutable on the way"
    assert_network_holds(experiment, final.state)
    assert not np.array_equal(before["layer0.W"], experiment.network.state()["layer0.W"])
    assert experiment.optimizer().step_count == 3 * steps_per_epoch(experiment), "the optimiser's state came back"
    assert not session.process.is_alive() and session.process.exitcode == 0


def test_pause_step_and_resume_leave_the_window_the_weights_of_each_pause(qtbot, small_config):
    experiment = Experiment(small_config(epochs=200))
    session, received = recorded_process(experiment, paused=True)
    with qtbot.waitSignal(session.paused, timeout=30_000) as paused:
        session.start()
    assert paused.args[0].step == 0 and session.control.paused

    session.control.step_batch()
    assert not session.control.paused, "not paused again until the child says its step is done"
    with qtbot.waitSignal(session.paused, timeout=10_000) as paused:
        pass
    assert paused.args[0].step == 1 and session.control.paused
    assert_network_holds(experiment, received["progress"][-1].snapshot.state)

    session.control.change(lr=0.0125)
    with qtbot.waitSignal(session.paused, timeout=10_000):
        session.control.step_batch()
    assert batches_of(received)[-1].lr == 0.0125
    with pytest.raises(ValueError, match="cannot change seed"):
        session.control.change(seed=3)

    session.control.resume()
    qtbot.waitUntil(lambda: len(batches_of(received)) > 20, timeout=10_000)
    with qtbot.waitSignal(session.ended, timeout=10_000):
        session.control.stop()
    stopped = received["finished"][0]
    assert stopped.reason == events.STOPPED
    assert_network_holds(experiment, received["progress"][-1].snapshot.state)
    assert experiment.optimizer().step_count == stopped.step


def test_the_child_carries_out_commands_in_order_and_stops_when_the_window_is_gone():
    control = TrainingControl(paused=True)
    reader, writer = multiprocessing.Pipe(duplex=False)
    end = _ChildEnd(multiprocessing.Pipe(duplex=False)[1], control, experiment=None, recording=False)
    obeying = threading.Thread(target=end.obey, args=(reader,))
    obeying.start()
    for command in (("change", {"l2": 0.001, "lr": 0.5}), ("step_batch", {}), ("step_batch", {})):
        writer.send(command)
    deadline = time.monotonic() + 5
    while end._carried_out < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert control.take_changes() == {"l2": 0.001, "lr": 0.5}
    assert end._carried_out == 2, "a new setting does not move the run"
    assert not control.must_wait(), "two batches allowed"
    assert not control.stop_requested
    writer.close()  # the window's end, closed during the run: the window is gone
    obeying.join(5)
    end.close()
    assert control.stop_requested


def test_epoch_ends_reach_the_run_library_with_their_weights(qtbot, small_config):
    experiment = Experiment(small_config(epochs=2))
    recording = Recording()
    session, received = recorded_process(experiment, recording=recording)
    with qtbot.waitSignal(session.ended, timeout=30_000):
        session.start()
    kinds = [type(event).__name__ for event, _, _ in recording.items]
    assert kinds.count("BatchFinished") == 2 * steps_per_epoch(experiment)
    assert kinds.count("EpochFinished") == 2 and kinds[-1] == "TrainingFinished"
    event, weights, optimizer_state = recording.items[-1]
    assert_network_holds(experiment, weights)
    assert int(optimizer_state["step_count"]) == event.step


def test_an_error_in_the_run_is_reported_and_the_window_keeps_its_weights(qtbot, small_config):
    experiment = Experiment(small_config())
    before = experiment.network.state()
    session, received = recorded_process(experiment, {"batch_size": 0})
    with qtbot.waitSignal(session.ended, timeout=30_000):
        session.start()
    assert len(received["failed"]) == 1 and "batch size" in received["failed"][0]
    assert "unexpectedly" not in received["failed"][0]
    assert_network_holds(experiment, before)


def test_a_child_that_dies_ends_the_run_with_a_message_and_the_last_snapshot(qtbot, small_config):
    experiment = Experiment(small_config(epochs=100_000))
    session, received = recorded_process(experiment, inspection_interval=0.05)
    session.start()
    qtbot.waitUntil(lambda: any(progress.snapshot is not None for progress in received["progress"]), timeout=30_000)
    with qtbot.waitSignal(session.ended, timeout=10_000):
        os.kill(session.process.pid, signal.SIGKILL)
    assert received["finished"] == [] and len(received["failed"]) == 1
    assert "ended unexpectedly (signal 9" in received["failed"][0]
    last = [progress.snapshot for progress in received["progress"] if progress.snapshot is not None][-1]
    assert_network_holds(experiment, last.state)


def test_stop_and_wait_reads_what_the_child_sends_meanwhile(qtbot, small_config):
    """The final weights (here 2 × 1,500 × 1,500 floats, far more than a pipe holds) are read while
    waiting, or the child could not exit; the signals still come afterwards, from the event loop."""
    config = small_config(epochs=100_000)
    config.network.hidden = [LayerConfig(units=1500), LayerConfig(units=1500)]
    experiment = Experiment(config)
    session, received = recorded_process(experiment)
    session.start()
    qtbot.waitUntil(lambda: bool(received["progress"]), timeout=30_000)
    assert session.stop_and_wait(10_000)
    assert received["finished"] == [], "signals wait for the event loop"
    with qtbot.waitSignal(session.ended, timeout=10_000):
        pass
    assert received["finished"][0].reason == events.STOPPED
    assert experiment.optimizer().step_count == received["finished"][0].step


def test_the_child_trains_on_several_blas_threads_and_probes_one(qtbot, small_config, monkeypatch, tmp_path):
    """The child's run is in its main thread with several BLAS threads (both of two cores): the
    engine's BlasThreadChoice decides between them and one."""
    # Asked here, not as the tests are collected: the engine keeps the OpenBLAS libraries it finds
    # on first asking, and one loaded later (scipy's) would be left out of the other tests' runs.
    # A kernel whose products come out the same on one thread: the engine may choose.
    monkeypatch.setattr(trainer_module, "thread_count_changes_products", lambda dtype: False)
    if background.training_process_blas_threads() < 2 or not trainer_module._openblas_thread_counts():
        pytest.skip("one core, or no OpenBLAS whose thread count the engine sets")
    monkeypatch.setattr(trainer_module, "ONE_THREAD_PRODUCT", 0)  # the digits' products count as large
    monkeypatch.setattr(trainer_module.BlasThreadChoice, "PROBE_SECONDS", 0.0)
    log, learn = tmp_path / "threads", trainer_module.Trainer._learn

    def learn_and_log(trainer, *batch):  # runs in the child, which inherits the patch as it forks
        with log.open("a") as file:
            file.write(f"{trainer_module._openblas_thread_counts()[0][0]()}\n")
        return learn(trainer, *batch)

    monkeypatch.setattr(trainer_module.Trainer, "_learn", learn_and_log)
    session, received = recorded_process(Experiment(small_config()))
    with qtbot.waitSignal(session.ended, timeout=30_000):
        session.start()
    threads = [int(line) for line in log.read_text().split()]
    assert len(threads) == len(batches_of(received))
    several = background.training_process_blas_threads()
    assert threads[:16] == [several] * 16 and threads[16:24] == [1] * 8  # 8 not counted, 8 counted, the probe


def test_a_window_run_trains_in_a_process_where_the_platform_forks(qapp, small_config, monkeypatch):
    experiment = Experiment(small_config())
    assert isinstance(training_session(experiment, {}, paused=False, parent=None), TrainingProcess)
    monkeypatch.setattr(training_process, "available", lambda: False)
    assert isinstance(training_session(experiment, {}, paused=False, parent=None), TrainingSession)


WINDOW_KILLED_DURING_A_RUN = """
import os, signal, time
from PySide6.QtCore import QCoreApplication
from app.training_process import TrainingProcess
from core.config import RunConfig
from core.experiment import Experiment

application = QCoreApplication([])
config = RunConfig()
config.training.epochs = 100_000
session = TrainingProcess(Experiment(config))
session.start()
time.sleep(1)
print(session.process.pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_run_whose_window_is_killed_stops_instead_of_training_on_for_nobody():
    window = subprocess.run([sys.executable, "-c", WINDOW_KILLED_DURING_A_RUN], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)  # waits for the child too: it holds the window's stdout
    child = int(window.stdout.split()[-1])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and process_state(child) not in (None, "Z"):
        time.sleep(0.05)
    assert process_state(child) in (None, "Z"), "the child still runs"


def process_state(pid: int) -> str | None:
    """Linux's state letter of process ``pid`` (Z: exited, not yet reaped), None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return next(line.split()[1] for line in status.splitlines() if line.startswith("State:"))
