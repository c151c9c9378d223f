"""The training worker: every event reaches the GUI once, in order, throttled, as copies; commands work."""
import time

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from threadpoolctl import threadpool_info

from app.messages import Progress
from app.training_worker import TrainingSession, describe_failure
from core import events
from core.experiment import Experiment
from tests.app.sessions import batches_of, recorded, steps_per_epoch


def recorded_session(experiment, trainer_options=None, **options):
    return recorded(TrainingSession(experiment, trainer_options, **options))


def test_every_batch_and_epoch_arrives_once_in_order_in_fewer_messages(qtbot, small_config):
    experiment = Experiment(small_config(epochs=3))
    session, received = recorded_session(experiment, {"track_gradient_norms": True})
    began = time.perf_counter()
    with qtbot.waitSignal(session.ended, timeout=30_000):
        session.start()
    wall_time = time.perf_counter() - began  # the trainer's clock starts after the optimiser is prepared
    assert [batch.step for batch in batches_of(received)] == list(range(1, 3 * steps_per_epoch(experiment) + 1))
    assert [epoch.epoch for progress in received["progress"] for epoch in progress.epochs] == [1, 2, 3]
    finished = received["finished"][0]
    assert finished.reason == events.COMPLETED and received["failed"] == []
    assert received["started"][0].steps_per_epoch == steps_per_epoch(experiment)
    # ≈30 messages a second: at most one per 1/30 s, plus the first and the final flush.
    assert len(received["progress"]) <= wall_time * 30 + 2
    assert len(batches_of(received)[0].gradient_norms) == 2


def test_snapshots_are_read_only_copies_and_the_last_one_is_the_final_network(qtbot, small_config):
    experiment = Experiment(small_config(epochs=2))
    session, received = recorded_session(experiment)
    with qtbot.waitSignal(session.ended, timeout=30_000):
        session.start()
    snapshots = [progress.snapshot for progress in received["progress"] if progress.snapshot is not None]
    assert snapshots, "the final flush carries a snapshot"
    final = experiment.network.state()
    for name, array in snapshots[-1].state.items():
        assert not array.flags.writeable
        assert not np.shares_memory(array, experiment.network.flat_parameters)
        np.testing.assert_array_equal(array, final[name])
    assert snapshots[-1].step == 2 * steps_per_epoch(experiment)
    assert any(progress.inspection is not None for progress in received["progress"])


def test_pause_step_batch_step_epoch_and_stop_between_batches(qtbot, small_config):
    experiment = Experiment(small_config(epochs=5))
    session, received = recorded_session(experiment, paused=True)
    with qtbot.waitSignal(session.paused, timeout=10_000):
        session.start()
    assert batches_of(received) == []
    with qtbot.waitSignal(session.paused, timeout=10_000):
        session.control.step_batch()
    assert [batch.step for batch in batches_of(received)] == [1]
    with qtbot.waitSignal(session.paused, timeout=10_000):
        session.control.step_epoch()
    assert batches_of(received)[-1].step == steps_per_epoch(experiment)
    assert received["paused"][-1] == events.Paused(1, steps_per_epoch(experiment))
    with qtbot.waitSignal(session.ended, timeout=10_000):
        session.control.stop()
    assert received["finished"][0].reason == events.STOPPED
    assert len(batches_of(received)) == steps_per_epoch(experiment)


def test_a_live_learning_rate_change_reaches_the_optimiser_at_the_next_batch(qtbot, small_config):
    experiment = Experiment(small_config(epochs=5))
    session, received = recorded_session(experiment, paused=True)
    with qtbot.waitSignal(session.paused, timeout=10_000):
        session.start()
    with qtbot.waitSignal(session.paused, timeout=10_000):
        session.control.step_batch()
    session.control.change(lr=0.0125)
    with qtbot.waitSignal(session.paused, timeout=10_000):
        session.control.step_batch()
    assert [batch.lr for batch in batches_of(received)] == [0.05, 0.0125]
    assert session.worker.trainer.optimizer.lr == 0.0125
    with qtbot.waitSignal(session.ended, timeout=10_000):
        session.control.stop()


def test_an_exception_becomes_a_failed_message_and_the_thread_ends(qtbot, small_config):
    experiment = Experiment(small_config())
    session, received = recorded_session(experiment, {"batch_size": 0})
    with qtbot.waitSignal(session.ended, timeout=10_000):
        session.start()
    assert len(received["failed"]) == 1 and "batch size" in received["failed"][0]
    assert "Traceback" not in received["failed"][0]


def test_unexpected_errors_are_named_for_a_bug_report():
    assert describe_failure(ValueError("lr must be > 0")) == "lr must be > 0"
    assert describe_failure(ZeroDivisionError("division by zero")) == (
        "training stopped by an unexpected error (ZeroDivisionError: division by zero)")


def test_stop_and_wait_ends_a_long_run_within_a_second(qtbot, small_config):
    experiment = Experiment(small_config(epochs=10_000))
    session, received = recorded_session(experiment)
    with qtbot.waitSignal(session.progress, timeout=10_000):
        session.start()
    began = time.perf_counter()
    assert session.stop_and_wait(1000)
    assert time.perf_counter() - began < 1.0
    qtbot.waitUntil(lambda: not session.running, timeout=5000)


class RecordingExperiment:
    """An experiment that notes the BLAS thread pools in force when its trainer is made."""

    def __init__(self, experiment):
        self.experiment, self.network, self.dataset = experiment, experiment.network, experiment.dataset
        self.pools = None

    def make_trainer(self, control, **options):
        self.pools = threadpool_info()
        return self.experiment.make_trainer(control, **options)


def test_the_blas_pool_is_limited_while_training_and_restored_after(qtbot, small_config):
    before = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    experiment = RecordingExperiment(Experiment(small_config(epochs=1)))
    session, _ = recorded_session(experiment, blas_threads=1)
    with qtbot.waitSignal(session.ended, timeout=10_000):
        session.start()
    assert [pool["num_threads"] for pool in experiment.pools if pool["user_api"] == "blas"] == [1] * len(before)
    assert [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"] == before


@pytest.mark.parametrize("signal_name", ["progress", "ended"])
def test_twenty_thousand_emits_and_event_loop_turns_do_not_crash(qapp, signal_name):
    """PySide6 6.12.0 leaked a reference on every emit and aborted CPython 3.11 after ~1000 of them."""
    session = TrainingSession(None)
    received = []
    signal = getattr(session, signal_name)
    signal.connect(lambda *args: received.append(args))
    for _ in range(20_000):
        signal.emit(Progress()) if signal_name == "progress" else signal.emit()
        QCoreApplication.processEvents()
    assert len(received) == 20_000
