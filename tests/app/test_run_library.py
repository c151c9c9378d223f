"""The window's side of the run library: recording on a writer thread, coalescing, replaying a history, CSV."""
import csv
import io
import json
import math
import threading
import time
import weakref

import numpy as np
import pytest

from app import run_library
from app.run_library import RunRecording
from core import config as run_config
from core import events, runs
from core.experiment import Experiment


@pytest.fixture
def library(tmp_path, monkeypatch):
    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))
    return tmp_path / "runs"


def toy_config(epochs=40):
    """Moons: a run of many epochs a second, faster than the files can be written."""
    config = run_config.RunConfig(name="toy")
    config.data.dataset = "moons"
    config.data.options = {"n_samples": 200}
    config.network.hidden = [run_config.LayerConfig(8)]
    config.training.epochs, config.training.batch_size = epochs, 50
    return config


def files_of(folder):
    """Every array of every model file in a run folder, and its history without the timings."""
    arrays = {}
    for path in sorted(folder.rglob("*.npz")):
        with np.load(path, allow_pickle=False) as archive:
            for key in archive.files:
                arrays[f"{path.relative_to(folder)}:{key}"] = archive[key]
    history = runs.load_history(folder)
    for entry in history["epochs"]:
        entry.pop("elapsed")
    return arrays, history


def train_recorded_both_ways(config, folder_direct, folder_threaded, checkpoint_every=5):
    """One run, recorded in the loop by a RunRecorder and through a RunRecording's writer thread."""
    experiment = Experiment(config)
    direct = runs.RunRecorder(config, experiment.network, "moons", folder=folder_direct,
                              checkpoint_every=checkpoint_every)
    threaded = RunRecording(runs.RunRecorder(config, experiment.network.copy(), "moons", folder=folder_threaded,
                                             checkpoint_every=checkpoint_every), experiment.network)
    for event in experiment.make_trainer().run():
        direct.record(event)
        threaded.record(event)
    threaded.finish()
    return threaded


def test_the_writer_thread_saves_exactly_what_recording_in_the_loop_saves(library):
    recording = train_recorded_both_ways(toy_config(epochs=12), library / "direct", library / "threaded",
                                         checkpoint_every=4)
    direct, threaded = files_of(library / "direct"), files_of(library / "threaded")
    assert sorted(direct[0]) == sorted(threaded[0])
    assert any(name.startswith("checkpoints/") for name in direct[0])
    for name, array in direct[0].items():
        np.testing.assert_array_equal(threaded[0][name], array, err_msg=name)
    assert threaded[1] == direct[1]
    meta = json.loads((library / "threaded" / "run.json").read_text())
    assert meta["status"] == "completed" and meta["epochs_done"] == 12
    assert recording.error is None and not recording.busy


def test_a_writer_behind_a_fast_run_saves_the_newest_epoch_the_newest_best_and_every_checkpoint(library,
                                                                                                    monkeypatch):
    saves = []
    original = runs.RunRecorder.record

    def counting(recorder, event, save=True, optimizer_state=None):
        if isinstance(event, events.EpochFinished):
            saves.append(save)
        return original(recorder, event, save, optimizer_state)

    monkeypatch.setattr(runs.RunRecorder, "record", counting)
    experiment = Experiment(toy_config())
    twin = experiment.network.copy()
    recording = RunRecording(runs.RunRecorder(toy_config(), twin, "moons", folder=library / "r", checkpoint_every=5),
                             experiment.network)
    with recording._condition:  # hold the writer back: every epoch of the run waits at once
        log = list(experiment.make_trainer().run())
        for event in log:
            recording.record(event)
    recording.finish()
    epochs = [event for event in log if isinstance(event, events.EpochFinished)]
    last_best = max(index for index, event in enumerate(epochs) if event.is_best)
    assert [index for index, save in enumerate(saves) if save] == sorted({last_best, len(epochs) - 1})
    assert runs.checkpoints(library / "r") == list(range(5, 41, 5))
    best, metadata = runs.load_weights(library / "r", "best")
    assert metadata["epoch"] == epochs[last_best].epoch
    last, metadata = runs.load_weights(library / "r", "last")
    np.testing.assert_array_equal(last.flat_parameters, experiment.network.flat_parameters)
    assert len(runs.load_history(library / "r")["epochs"]) == 40


def test_waiting_for_a_recording_waits_for_what_is_queued_then_not_for_a_run_that_goes_on(library, monkeypatch):
    """Reopening the current run waits for its writer: it waited, while the run still trained, for a moment with
    nothing queued, which a steady run never gives."""
    original = runs.RunRecorder.record

    def slowly(recorder, event, save=True, optimizer_state=None):  # a save takes a while: events queue up meanwhile
        if save and isinstance(event, events.EpochFinished):
            time.sleep(0.05)
        original(recorder, event, save, optimizer_state)

    monkeypatch.setattr(runs.RunRecorder, "record", slowly)
    experiment = Experiment(toy_config(epochs=200))
    recording = RunRecording(runs.RunRecorder(toy_config(200), experiment.network.copy(), "moons",
                                              folder=library / "r"), experiment.network)
    training = iter(experiment.make_trainer().run())
    first_epoch = next(event for event in training if isinstance(event, events.EpochFinished) or
                       recording.record(event))
    recording.record(first_epoch)
    stop = threading.Event()

    def train_on():  # a run that goes on: more events than the writer takes in, as long as the test waits
        for event in training:
            if stop.is_set():
                return
            recording.record(event)
            time.sleep(0.005)

    trainer = threading.Thread(target=train_on)
    trainer.start()
    try:
        assert recording.wait(3), "what was queued when asked is written"
        assert runs.RunInfo.read(library / "r").epochs_done >= 1
    finally:
        stop.set()
        trainer.join()
        recording.finish()


def test_a_failed_write_ends_the_recording_with_a_message_and_not_the_training(library, qtbot, monkeypatch):
    experiment = Experiment(toy_config(epochs=3))
    recording = RunRecording(runs.RunRecorder(toy_config(3), experiment.network.copy(), "moons",
                                              folder=library / "r"), experiment.network)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(runs.model_io, "save_model", disk_full)
    with qtbot.waitSignal(recording.failed, timeout=5000) as failed:
        for event in experiment.make_trainer().run():
            recording.record(event)
    assert failed.args == ["No space left on device", library / "r"]
    recording.record(events.TrainingFinished("completed", "", 3, 12, 3, 0.1, 1.0))  # ignored, no error
    recording.finish()
    assert recording.error == "No space left on device"
    meta = json.loads((library / "r" / "run.json").read_text())
    assert meta["status"] == runs.RECORDING_STOPPED and meta["message"] == "[Errno 28] No space left on device"
    assert meta["epochs_done"] == 0, "as its files hold it, not as the failed write left it in memory"


@pytest.mark.parametrize("room_made_before_closing", [True, False])
def test_a_run_json_the_full_disk_refuses_too_says_that_saving_stopped_once_room_is_made(
        library, qtbot, monkeypatch, room_made_before_closing):
    experiment = Experiment(toy_config(epochs=3))
    recording = RunRecording(runs.RunRecorder(toy_config(3), experiment.network.copy(), "moons",
                                              folder=library / "r"), experiment.network)
    real_atomic_file = runs.model_io.atomic_file
    full = [True]

    def atomic_file(path):
        if full[0]:
            raise OSError(28, "No space left on device")
        return real_atomic_file(path)

    monkeypatch.setattr(runs.model_io, "atomic_file", atomic_file)
    with qtbot.waitSignal(recording.failed, timeout=5000):
        for event in experiment.make_trainer().run():
            recording.record(event)
    assert runs.RunInfo.read(library / "r").status == "running"
    full[0] = not room_made_before_closing
    saved = []
    recording.saved.connect(saved.append)
    with qtbot.waitSignal(recording.ended, timeout=5000):
        recording.close()
    expected = runs.RECORDING_STOPPED if room_made_before_closing else "running"
    assert runs.RunInfo.read(library / "r").status == expected and bool(saved) == room_made_before_closing


def test_a_recording_dropped_while_its_writer_writes_is_freed_in_the_gui_thread(library, qtbot, qtlog):
    """A recording closed and dropped while its writer still wrote was freed by the writer's thread as it ended (the
    thread's target, a method of the recording, held it last): its socket notifier, destroyed there still enabled,
    stayed registered with the GUI thread's event loop, which then watched a closed socket through a deleted notifier
    ("Socket notifiers cannot be enabled or disabled from another thread", then a segfault)."""
    experiment = Experiment(toy_config(epochs=3))
    recording = RunRecording(runs.RunRecorder(toy_config(3), experiment.network.copy(), "moons",
                                              folder=library / "r"), experiment.network)
    for event in experiment.make_trainer().run():
        recording.record(event)
    writer, gone = recording._thread, weakref.ref(recording)
    recording.close()
    del recording
    writer.join(10)
    assert not writer.is_alive()
    assert [record.message for record in qtlog.records] == []
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # once its writer's end has been delivered here
    qtbot.wait(50)  # the event loop runs on
    assert [record.message for record in qtlog.records] == []
    assert runs.RunInfo.read(library / "r").status == "completed", "everything queued was written"


def test_a_history_replays_as_the_events_that_made_it(library):
    config = toy_config(epochs=4)
    config.regularization.l2 = 0.01
    experiment = Experiment(config)
    recorder = runs.RunRecorder(config, experiment.network, "moons")
    log = list(experiment.make_trainer(track_gradient_norms=True).run())
    for event in log:
        recorder.record(event)
    batches, epochs = run_library.history_events(runs.load_history(recorder.folder), config.training.batch_size)
    original_batches = [e for e in log if isinstance(e, events.BatchFinished)]
    original_epochs = [e for e in log if isinstance(e, events.EpochFinished)]
    assert [(b.epoch, b.step, b.batch_in_epoch, b.loss, b.metric, b.lr, b.gradient_norms) for b in batches] == \
        [(b.epoch, b.step, b.batch_in_epoch, b.loss, b.metric, b.lr, b.gradient_norms) for b in original_batches]
    assert all(len(b.gradient_norms) == 2 for b in batches), "each Dense layer's norm, for the Gradients view"
    assert [(e.epoch, e.step, e.train_loss, e.train_penalty, e.val_loss, e.val_metric, e.is_best) for e in epochs] \
        == [(e.epoch, e.step, e.train_loss, e.train_penalty, e.val_loss, e.val_metric, e.is_best)
            for e in original_epochs]
    assert all(e.train_penalty > 0 for e in epochs)
    times = [b.elapsed for b in batches]
    assert times == sorted(times) and times[-1] <= epochs[-1].elapsed


def test_a_history_saved_before_gradient_norms_were_recorded_replays_without_them():
    history = {"epochs": [{"epoch": 1, "step": 2, "train_loss": 0.5, "train_metric": 0.8, "val_loss": None,
                           "val_metric": None, "lr": 0.1, "elapsed": 1.0}],
               "batches": [[1, 0.7, 0.5, 0.1], [2, 0.6, None, 0.1, [0.3, None]]], "batch_stride": 1}
    batches, _ = run_library.history_events(history, 16)
    assert batches[0].gradient_norms == ()
    assert batches[1].gradient_norms[0] == 0.3 and math.isnan(batches[1].gradient_norms[1])
    assert math.isnan(batches[1].metric)


def test_history_until_keeps_what_happened_up_to_an_epoch():
    history = {"epochs": [{"epoch": e, "step": 10 * e} for e in (1, 2, 3)],
               "batches": [[s, 1.0, 0.5, 0.1] for s in range(1, 31)], "batch_stride": 1}
    cut = run_library.history_until(history, 2, 20)
    assert [e["epoch"] for e in cut["epochs"]] == [1, 2] and cut["batches"][-1][0] == 20
    cut["epochs"][0]["epoch"] = 99
    assert history["epochs"][0]["epoch"] == 1, "a copy, not a view of the original"


def test_metrics_csv_round_trip_keeps_every_value_and_leaves_gaps_for_missing_ones(tmp_path):
    history = {"epochs": [{"epoch": 1, "step": 5, "train_loss": 0.5, "train_metric": 0.8, "val_loss": None,
                           "val_metric": None, "lr": 0.01, "elapsed": 0.25},
                          {"epoch": 2, "step": 10, "train_loss": 0.25, "train_penalty": 0.125, "train_metric": 0.9,
                           "val_loss": 0.3, "val_metric": 0.875, "lr": 0.01, "elapsed": 0.5}],
               "batches": [], "batch_stride": 1}  # the first epoch as saved before penalties were recorded
    path = tmp_path / "metrics.csv"
    run_library.write_metrics_csv(path, history)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert tuple(rows[0]) == run_library.METRIC_COLUMNS
    for row, entry in zip(rows, history["epochs"]):
        for column in run_library.METRIC_COLUMNS:
            value = entry.get(column)
            assert (row[column] == "") if value is None else math.isclose(float(row[column]), value)


def test_a_run_is_named_after_what_it_trains_and_checkpoints_stay_few():
    config = run_config.RunConfig()
    assert run_library.describe_run(config, "digits") == "digits · 64relu · adam 0.001"
    assert run_library.checkpoint_interval(20) == 5 and run_library.checkpoint_interval(500) == 25


def test_close_returns_while_the_writer_saves_and_a_history_it_is_behind_on_is_refused(library, qtbot, held_writer):
    """The GUI thread closed a recording and asked for its history by waiting for the writer, however long the disk
    took: now close returns at once and ``ended`` says when the files are whole; a history waits 0.25 s at most."""
    experiment = Experiment(toy_config(epochs=3))
    recording = RunRecording(runs.RunRecorder(toy_config(3), experiment.network.copy(), "moons",
                                              folder=library / "r"), experiment.network)
    for event in experiment.make_trainer().run():
        recording.record(event)
    began = time.perf_counter()
    with pytest.raises(run_library.StillWriting) as refused:
        recording.history()
    assert 0.2 < time.perf_counter() - began < 2 and refused.value.folder == library / "r"
    recording.close()
    assert recording.closed and not recording.done and recording.busy
    with qtbot.waitSignal(recording.ended, timeout=10_000):
        held_writer.set()
    assert recording.done and not recording.busy and len(recording.history()["epochs"]) == 3
    assert runs.RunInfo.read(library / "r").status == "completed"
