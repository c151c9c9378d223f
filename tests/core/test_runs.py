"""The run library: folders written while training, listing, rename/delete/undo, branching, crash recovery."""
import json
import os
import re
import subprocess
import sys
import time

import numpy as np
import pytest

from core import config as run_config
from core import events, model_io, runs
from core.experiment import Experiment


@pytest.fixture
def library(tmp_path, monkeypatch):
    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))
    return tmp_path / "runs"


def small_config(epochs=6, name="digits test"):
    config = run_config.RunConfig(name=name)
    config.network.hidden = [run_config.LayerConfig(16)]
    config.training.epochs, config.training.batch_size = epochs, 64
    return config


def record_run(config, checkpoint_every=2):
    experiment = Experiment(config)
    recorder = runs.RunRecorder(config, experiment.network, config.data.dataset, checkpoint_every=checkpoint_every)
    log = []
    for event in experiment.make_trainer().run():
        recorder.record(event)
        log.append(event)
    return experiment, recorder, log


def test_a_recorded_run_holds_config_history_weights_and_checkpoints(library):
    experiment, recorder, log = record_run(small_config())
    folder = recorder.folder
    assert folder.parent == library
    assert runs.load_config(folder) == experiment.config
    history = runs.load_history(folder)
    assert [e["epoch"] for e in history["epochs"]] == [1, 2, 3, 4, 5, 6]
    n_batches = sum(isinstance(e, events.BatchFinished) for e in log)
    assert len(history["batches"]) == n_batches
    assert runs.checkpoints(folder) == [2, 4, 6]
    last, metadata = runs.load_weights(folder, "last")
    np.testing.assert_array_equal(last.flat_parameters, experiment.network.flat_parameters)
    assert metadata["dataset"] == "digits"
    best_epoch = max(history["epochs"], key=lambda e: e["val_metric"] - 1e-9 * e["epoch"])
    info = runs.list_runs()[0]
    assert info.status == "completed" and info.epochs_done == 6 and info.name == "digits test"
    assert info.best_epoch is not None and info.best_metric is not None
    assert 0.5 < best_epoch["val_metric"] <= 1
    with np.load(folder / "best.npz", allow_pickle=False) as archive:
        assert "layer0.W" in archive.files


def test_the_best_weights_are_the_best_of_the_whole_run_when_training_goes_on_in_it(library):
    """Each Start begins a trainer whose first epoch is its best so far: a worse one replaced best.npz."""
    config = small_config(epochs=3)
    experiment = Experiment(config)
    recorder = runs.RunRecorder(config, experiment.network, "digits", checkpoint_every=0)
    first_run = {}
    for lr in (0.05, 5.0):  # the second Start's epochs are far worse than the first's
        config.optimizer.options["lr"] = lr
        experiment = Experiment(config, dataset=experiment.dataset, network=experiment.network)
        done = recorder.meta["epochs_done"]
        for event in experiment.make_trainer(start_epoch=done, epochs=done + 3).run():
            if not isinstance(event, events.TrainingFinished):
                recorder.record(event)
            if isinstance(event, events.EpochFinished) and lr == 0.05:
                first_run[event.epoch] = (event.val_loss, experiment.network.flat_parameters.copy())
    val_losses = [entry["val_loss"] for entry in runs.load_history(recorder.folder)["epochs"]]
    best_epoch = min(first_run, key=lambda epoch: first_run[epoch][0])
    assert len(val_losses) == 6 and min(val_losses[3:]) > min(val_losses[:3]) == val_losses[best_epoch - 1]
    assert runs.RunInfo.read(recorder.folder).best_epoch == best_epoch
    best, metadata = runs.load_weights(recorder.folder, "best")
    assert metadata["epoch"] == best_epoch
    np.testing.assert_array_equal(best.flat_parameters, first_run[best_epoch][1])
    reopened = runs.RunRecorder(config, experiment.network, "digits", folder=library / "branch", checkpoint_every=0,
                                history=runs.load_history(recorder.folder))
    assert reopened._best_loss == pytest.approx(min(val_losses))


def test_batch_history_stays_bounded(library, monkeypatch):
    monkeypatch.setattr(runs, "MAX_BATCH_POINTS", 10)
    config = small_config(epochs=3)
    config.training.batch_size = 8
    _, recorder, log = record_run(config)
    batches = runs.load_history(recorder.folder)["batches"]
    assert len(batches) <= 10
    steps = [b[0] for b in batches]
    assert steps == sorted(steps) and steps[-1] > 0.5 * sum(isinstance(e, events.BatchFinished) for e in log)


def test_rename_delete_and_undo(library):
    _, recorder, _ = record_run(small_config(epochs=1))
    runs.rename_run(recorder.folder, "renamed")
    assert runs.list_runs()[0].name == "renamed"
    with pytest.raises(ValueError, match="non-empty name"):
        runs.rename_run(recorder.folder, "  ")
    trashed = runs.delete_run(recorder.folder)
    assert runs.list_runs() == []
    restored = runs.restore_run(trashed)
    assert [info.folder for info in runs.list_runs()] == [restored]


def test_the_trash_keeps_deleted_runs_for_a_month_counted_from_their_deletion(library):
    old, recent = (record_run(small_config(epochs=1))[1].folder for _ in range(2))
    long_ago = time.time() - 90 * 86400
    os.utime(old, (long_ago, long_ago))  # last trained long ago: the deletion date is what counts
    trashed_old, trashed_recent = runs.delete_run(old), runs.delete_run(recent)
    assert runs.empty_trash() == []

    deleted_long_ago = time.time() - (runs.TRASH_KEPT_DAYS + 1) * 86400
    os.utime(trashed_old, (deleted_long_ago, deleted_long_ago))
    assert runs.empty_trash() == [trashed_old]
    assert not trashed_old.exists() and trashed_recent.exists()
    assert runs.empty_trash(now=time.time() + (runs.TRASH_KEPT_DAYS + 1) * 86400) == [trashed_recent]
    assert runs.empty_trash(library / "no such library") == []


def test_branching_from_a_checkpoint_keeps_its_weights_and_records_the_lineage(library):
    _, recorder, _ = record_run(small_config(epochs=4))
    changed = runs.load_config(recorder.folder)
    changed.optimizer.options = {"lr": 0.0001}
    network, branch_recorder, history = runs.branch(recorder.folder, 2, changed)
    checkpoint, _ = runs.load_weights(recorder.folder, "epoch-0002")
    np.testing.assert_array_equal(network.flat_parameters, checkpoint.flat_parameters)
    assert [e["epoch"] for e in history["epochs"]] == [1, 2]
    info = runs.RunInfo.read(branch_recorder.folder)
    assert info.parent == {"run": recorder.folder.name, "epoch": 2}
    assert runs.load_config(branch_recorder.folder).optimizer.options == {"lr": 0.0001}
    with pytest.raises(ValueError, match="no checkpoint at epoch 3"):
        runs.branch(recorder.folder, 3)


def test_a_run_on_scaled_targets_records_their_scaler_in_its_weights_and_names_it_in_run_json(library):
    """Each model file of the run reads its outputs in the data's units with the scaler it learnt with, whatever
    data it is opened with; the run library lists what its losses are of. A run whose targets are not scaled
    keeps the run.json it had."""
    config = small_config(epochs=2, name="sine")
    config.data.dataset, config.data.target_scaling, config.loss.name = "sine", "unit", "mse"
    experiment = Experiment(config)
    recorder = runs.RunRecorder(config, experiment.network, "sine", checkpoint_every=2,
                                recorded=model_io.scalers_record(experiment.dataset))
    for event in experiment.make_trainer().run():
        recorder.record(event)
    scaler = experiment.dataset.target_scaler.record()
    for which in ("best", "last", "epoch-0002"):
        assert runs.load_weights(recorder.folder, which)[1]["target_scaler"] == scaler
    assert runs.RunInfo.read(recorder.folder).target_scaling == "unit"
    _, branched, _ = runs.branch(recorder.folder, 2)
    assert runs.RunInfo.read(branched.folder).target_scaling == "unit"
    _, plain, _ = record_run(small_config(epochs=1))
    assert "target_scaling" not in json.loads((plain.folder / "run.json").read_text(encoding="utf-8"))
    assert runs.RunInfo.read(plain.folder).target_scaling is None


def test_the_optimiser_state_is_saved_with_the_last_weights_and_each_checkpoint(library):
    config = small_config(epochs=4)
    experiment = Experiment(config)
    trainer = experiment.make_trainer()
    recorder = runs.RunRecorder(config, experiment.network, config.data.dataset, checkpoint_every=2)
    at_epoch, log = {}, []
    for event in trainer.run():
        log.append(event)
        state = runs.optimizer_state_at(event, trainer.optimizer)
        if state is not None:
            at_epoch[event.epoch] = state
        recorder.record(event, optimizer_state=state)
    folder = recorder.folder
    assert runs.checkpoints(folder) == [2, 4], "the optimiser files are no checkpoints of their own"
    for which, epoch in (("last", 4), ("epoch-0002", 2)):
        saved = runs.load_optimizer_state(runs.model_path(folder, which))
        assert saved["optimizer"] == "adam" and saved["options"] == config.optimizer.options
        assert saved["epoch"] == epoch and saved["step"] == runs.epoch_step(runs.load_history(folder), epoch)
        assert saved["arrays"].keys() == at_epoch[epoch].keys()
        for key, array in at_epoch[epoch].items():
            np.testing.assert_array_equal(saved["arrays"][key], array)
    # Weights saved without a state leave none beside them (an older one would not belong to them):
    # after a divergence, whose state may hold the step that overflowed.
    diverged = events.TrainingFinished(reason=events.DIVERGED, message="", epoch=4, step=trainer.step,
                                       best_epoch=4, best_val_loss=0.1, elapsed=1.0)
    assert runs.optimizer_state_at(diverged, trainer.optimizer) is None
    a_batch = next(event for event in log if isinstance(event, events.BatchFinished))
    assert runs.optimizer_state_at(a_batch, trainer.optimizer) is None
    recorder.record(diverged, optimizer_state=runs.optimizer_state_at(diverged, trainer.optimizer))
    assert runs.load_optimizer_state(folder / "last.npz") is None
    assert runs.load_optimizer_state(folder / "best.npz") is None
    (folder / "checkpoints" / "epoch-0002.optimizer.npz").write_bytes(b"not an npz")
    with pytest.raises(ValueError, match="epoch-0002.optimizer.npz"):
        runs.load_optimizer_state(runs.model_path(folder, "epoch-0002"))


def test_an_experiment_goes_on_with_a_saved_state_of_the_same_optimiser_only(library):
    config = small_config(epochs=2)
    experiment = Experiment(config)
    trainer = experiment.make_trainer()
    list(trainer.run())
    saved = {"optimizer": "adam", "options": {"lr": 0.5}, "arrays": trainer.optimizer.state_arrays()}
    again = Experiment(config, dataset=experiment.dataset, network=experiment.network.copy())
    assert again.restore_optimizer(saved), "another learning rate is the same optimiser"
    assert again.optimizer().step_count == trainer.optimizer.step_count > 0
    np.testing.assert_array_equal(again.optimizer().state[0]["m"], trainer.optimizer.state[0]["m"])
    other = Experiment(config, dataset=experiment.dataset)
    assert not other.restore_optimizer({**saved, "options": {"lr": 0.5, "betas": [0.8, 0.9]}})
    assert not other.restore_optimizer({**saved, "optimizer": "sgd"})
    assert other.optimizer().step_count == 0


def test_a_run_whose_process_died_is_offered_for_recovery_once(library):
    script = (
        "import os\n"
        "from core import runs\n"
        "from tests.core.test_runs import small_config\n"
        "from core.experiment import Experiment\n"
        "config = small_config(epochs=50)\n"
        "experiment = Experiment(config)\n"
        "recorder = runs.RunRecorder(config, experiment.network, 'digits', checkpoint_every=1)\n"
        "for event in experiment.make_trainer().run():\n"
        "    recorder.record(event)\n"
        "    if getattr(event, 'epoch', 0) == 3 and type(event).__name__ == 'EpochFinished':\n"
        "        os._exit(9)\n"  # killed mid-run: no TrainingFinished, status stays "running"
    )
    env = {**os.environ, runs.RUNS_VARIABLE: str(library)}
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    result = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, timeout=120)
    assert result.returncode == 9
    interrupted = runs.interrupted_runs()
    assert len(interrupted) == 1 and interrupted[0].epochs_done == 3
    network, _ = runs.load_weights(interrupted[0].folder, "last")
    assert runs.checkpoints(interrupted[0].folder) == [1, 2, 3]
    runs.mark_recovered(interrupted[0].folder)
    assert runs.interrupted_runs() == []


def test_a_run_whose_files_stopped_is_marked_as_its_files_hold_it_and_not_offered_as_interrupted(library):
    experiment = Experiment(small_config(epochs=4))
    recorder = runs.RunRecorder(experiment.config, experiment.network, "digits")
    for event in experiment.make_trainer().run():
        if isinstance(event, events.EpochFinished):  # epochs 3 and 4 in memory only, as a failed write left them
            recorder.record(event, save=event.epoch <= 2)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    meta = json.loads((recorder.folder / "run.json").read_text())
    (recorder.folder / "run.json").write_text(json.dumps({**meta, "pid": int(gone.stdout)}))  # as at a next launch
    assert [info.folder for info in runs.interrupted_runs()] == [recorder.folder]

    runs.mark_recording_stopped(recorder.folder, "[Errno 28] No space left on device")
    info = runs.RunInfo.read(recorder.folder)
    assert info.status == runs.RECORDING_STOPPED and info.epochs_done == 2
    assert json.loads((recorder.folder / "run.json").read_text())["message"] == "[Errno 28] No space left on device"
    assert runs.interrupted_runs() == []


def test_corrupt_run_files_give_clear_messages(library):
    _, recorder, _ = record_run(small_config(epochs=1))
    (recorder.folder / "history.json").write_text("{ half")
    with pytest.raises(ValueError, match="history.json is not valid JSON at line 1, column 3: a name in double quotes"):
        runs.load_history(recorder.folder)
    (recorder.folder / "run.json").write_text(json.dumps({"name": 3}) [:5])
    assert runs.list_runs() == []  # an unreadable run is skipped, not a crash
    (recorder.folder.parent / "notes.txt").write_text("a file of the user's")
    (recorder.folder.parent / "not a run").mkdir()
    assert runs.list_runs() == []  # and so are what is not a run


def damage(folder, file, content):
    """Replace ``file`` of the run in ``folder`` by ``content`` as JSON."""
    (folder / file).write_text(json.dumps(content), encoding="utf-8")


def changed_meta(folder, changes):
    """The run.json of the run in ``folder`` with ``changes`` made, or ``changes`` instead when it is no object."""
    meta = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    return {**meta, **changes} if isinstance(changes, dict) else changes


@pytest.mark.parametrize("content, message", [
    pytest.param(None, "run.json: its content must be an object {…}, got None", id="null"),
    pytest.param([], "run.json: its content must be an object {…}, got []", id="list"),
    pytest.param({"name": 5}, "run.json: name must be a text, got 5", id="name"),
    pytest.param({"parent": "x"}, "run.json: parent must be null or {\"run\": a run folder's name", id="parent"),
    pytest.param({"parent": {"run": "a run", "epoch": "two"}}, "run.json: parent must be null or", id="parent epoch"),
    pytest.param({"lab": "04-xnor"}, "run.json: lab must be null or {\"lab\": a lab's id", id="lab"),
    pytest.param({"lab": {"lab": "04-xnor"}}, "run.json: lab must be null or", id="lab variant"),
    pytest.param({"best_metric": "high"}, "run.json: best_metric must be a number or null, got 'high'", id="metric"),
    pytest.param({"epochs_done": "three"}, "run.json: epochs_done must be a whole number ≥ 0, got 'three'",
                 id="epochs"),
    pytest.param({"epochs_done": True}, "run.json: epochs_done must be a whole number ≥ 0, got True", id="bool"),
    pytest.param({"started": 2024}, "run.json: started must be a date as text, got 2024", id="started"),
])
def test_a_damaged_run_json_is_named_and_skipped_and_the_other_runs_are_listed(library, content, message):
    _, good, _ = record_run(small_config(epochs=1, name="good"), checkpoint_every=0)
    _, damaged, _ = record_run(small_config(epochs=1, name="damaged"), checkpoint_every=0)
    for recorder in (good, damaged):  # both interrupted by a crash: the damaged one is not offered
        damage(recorder.folder, "run.json", changed_meta(recorder.folder, {"status": "running", "pid": -1}))
    damage(damaged.folder, "run.json", changed_meta(damaged.folder, content))
    with pytest.raises(ValueError, match=re.escape(message)) as error:
        runs.RunInfo.read(damaged.folder)
    assert str(damaged.folder / "run.json") in str(error.value) and "the file is corrupt" in str(error.value)
    assert [info.name for info in runs.list_runs()] == ["good"]
    assert [info.name for info in runs.interrupted_runs()] == ["good"]



def test_a_run_json_that_cannot_be_read_is_skipped_and_the_other_runs_are_listed(library):
    """A folder named run.json (or one without permission to read it) raised out of list_runs: no run was listed."""
    record_run(small_config(epochs=1, name="good"), checkpoint_every=0)
    _, unreadable, _ = record_run(small_config(epochs=1, name="unreadable"), checkpoint_every=0)
    (unreadable.folder / "run.json").unlink()
    (unreadable.folder / "run.json").mkdir()
    with pytest.raises(ValueError, match="run.json cannot be read: Is a directory"):
        runs.RunInfo.read(unreadable.folder)
    assert [info.name for info in runs.list_runs()] == ["good"]


def without(entry: dict, key: str) -> dict:
    return {name: value for name, value in entry.items() if name != key}


def test_a_damaged_history_is_named_and_a_history_saved_before_the_penalty_and_stride_is_read(library):
    _, recorder, _ = record_run(small_config(epochs=2), checkpoint_every=1)
    saved = runs.load_history(recorder.folder)
    entry, point = saved["epochs"][0], saved["batches"][0]

    def epochs(*entries):
        return {**saved, "epochs": list(entries)}

    def batches(*points):
        return {**saved, "batches": list(points)}

    damages = {
        "its content must be an object {…}, got []": [],
        "epochs must be a list, got None": {**saved, "epochs": None},
        "batches is missing": {"epochs": []},
        "batch_stride must be a whole number ≥ 1, got 0": {**saved, "batch_stride": 0},
        "entry 2 of epochs must be an object {…}, got 1": epochs(entry, 1),
        "epoch in entry 1 of epochs must be a whole number ≥ 0, got 'one'": epochs({**entry, "epoch": "one"}),
        "train_loss in entry 1 of epochs must be a number or null, got 'x'": epochs({**entry, "train_loss": "x"}),
        "val_loss in entry 1 of epochs is missing": epochs(without(entry, "val_loss")),
        "entry 1 of batches must be [step, loss, metric, learning rate] and maybe a list of gradient norms, got 'x'":
            batches("x"),
        "entry 2 of batches must be": batches(point, [2, 0.5, 0.5]),
        "entry 1 of batches must be": batches([*point[:4], "norms"]),
    }
    for message, content in damages.items():
        damage(recorder.folder, "history.json", content)
        with pytest.raises(ValueError, match=re.escape(f"history.json: {message}")):
            runs.load_history(recorder.folder)
        with pytest.raises(ValueError, match=re.escape(message)):
            runs.branch(recorder.folder, 1)
    older = {"epochs": [without(entry, "train_penalty")], "batches": [point[:4]]}
    damage(recorder.folder, "history.json", older)
    assert runs.load_history(recorder.folder) == older


def test_a_missing_or_garbled_config_json_is_named(library):
    _, recorder, _ = record_run(small_config(epochs=1), checkpoint_every=0)
    path = recorder.folder / "config.json"
    path.write_bytes(path.read_bytes().replace(b'"name": "', b'"name": "\xe9', 1))  # Latin-1, not UTF-8
    with pytest.raises(ValueError, match=re.escape(f"{path} is not a text file")):
        runs.load_config(recorder.folder)
    path.unlink()
    with pytest.raises(ValueError, match=re.escape(f"cannot read the configuration {path}")):
        runs.load_config(recorder.folder)
