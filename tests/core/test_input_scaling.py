"""The input scaler a network learnt with, kept with its weights: model files and run folders record it, a model
opened again is given the inputs it learnt to read even after its CSV file was edited, and a malformed record is
refused naming its field (the maths of taking another scaler: tests/core/datasets/test_dataset.py)."""
import numpy as np
import pytest

from core import model_io, runs
from core.config import LayerConfig, OptimizerConfig, RunConfig
from core.datasets.dataset import Scaler
from core.experiment import Experiment, load_data
from core.trainer import evaluate


def write_students(path, n=160, seed=0, hours=None):
    """Students who passed or not from the hours they studied and their earlier score: passed when
    8·hours + score > 100 (a few labels flipped). ``hours``: the column to write instead (an edited file)."""
    rng = np.random.default_rng(seed)
    studied, score = rng.uniform(0, 10, n), rng.normal(60, 15, n)
    passed = (8 * studied + score > 100) ^ (rng.random(n) < 0.05)
    studied = studied if hours is None else hours
    path.write_text("hours,score,passed\n" + "".join(f"{h:.2f},{s:.1f},{'yes' if p else 'no'}\n"
                                                     for h, s, p in zip(studied, score, passed)), encoding="utf-8")
    return path


def students_config(path, epochs=20) -> RunConfig:
    config = RunConfig(name="students")
    config.data.dataset, config.data.scaling = "csv", "standardize"
    config.data.options = {"path": str(path), "label_column": "passed", "task": "binary"}
    config.optimizer = OptimizerConfig("adam", {"lr": 0.02})
    config.network.hidden = [LayerConfig(units=8, activation="tanh", init="xavier_uniform")]
    config.training.epochs = epochs
    return config


def edit_training_rows(path, dataset, n=160, seed=0):
    """Write the students' file again with the hours of ten times as long in the rows of ``dataset``'s training
    split: the split, and the validation and test rows, are as they were; a scaler fitted again is not."""
    rows = np.loadtxt(path, delimiter=",", skiprows=1, usecols=(0, 1))
    trained_on = dataset.scaler.inverse_transform(dataset.X_train)
    in_training = np.isclose(rows[:, None, :], trained_on[None, :, :], atol=2e-3).all(axis=2).any(axis=1)
    assert in_training.sum() == len(trained_on)
    write_students(path, n, seed, hours=np.where(in_training, 10 * rows[:, 0], rows[:, 0]))


def test_a_run_folder_s_weights_record_the_input_scaler_and_so_does_a_run_branched_from_them(tmp_path, monkeypatch):
    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))
    config = students_config(write_students(tmp_path / "students.csv"), epochs=2)
    experiment = Experiment(config)
    recorder = runs.RunRecorder(config, experiment.network, "csv", checkpoint_every=2,
                                recorded=model_io.scalers_record(experiment.dataset))
    for event in experiment.make_trainer().run():
        recorder.record(event)
    scaler = experiment.dataset.scaler
    for which in ("best", "last", "epoch-0002"):
        recorded = model_io.recorded_scaler(runs.load_weights(recorder.folder, which)[1], "scaler")
        assert recorded.method == "standardize" and recorded.offset.tolist() == scaler.offset.tolist()
        assert recorded.scale.tolist() == scaler.scale.tolist()
    _, branched, _ = runs.branch(recorder.folder, 2)
    assert {key: branched._metadata[key] for key in model_io.SCALER_FIELDS} == \
        model_io.scalers_record(experiment.dataset)


def test_a_reopened_model_scores_what_it_did_with_its_recorded_scaler_after_the_training_rows_were_edited(tmp_path):
    """Fitted again on the edited training rows, the scaler gives the network other inputs for the very same test
    rows (its test accuracy and loss move); the scaler its file records gives it those it learnt with."""
    path = write_students(tmp_path / "students.csv")
    config = students_config(path)
    experiment = Experiment(config)
    for _ in experiment.make_trainer().run():
        pass
    data = experiment.dataset
    saved_loss, saved_accuracy = evaluate(experiment.network, data.X_test, data.y_test)
    model_io.save_model(tmp_path / "model.npz", experiment.network, **model_io.scalers_record(data))
    edit_training_rows(path, data)

    network, metadata = model_io.load_model(tmp_path / "model.npz")
    refitted = load_data(config)
    np.testing.assert_array_equal(refitted.y_test, data.y_test)
    assert evaluate(network, refitted.X_test, refitted.y_test)[0] != pytest.approx(saved_loss, rel=0.05), \
        "the scaler fitted again moves the scores"
    reopened = refitted.with_scaler(model_io.recorded_scaler(metadata, "scaler"))
    loss, accuracy = evaluate(network, reopened.X_test, reopened.y_test)
    assert accuracy == saved_accuracy and loss == pytest.approx(saved_loss, rel=1e-5)
    np.testing.assert_allclose(network.predict_proba(reopened.X_test), experiment.network.predict_proba(data.X_test),
                               rtol=1e-5, atol=1e-6)


def test_a_model_file_without_an_input_scaler_reads_as_unrecorded(tmp_path):
    """Files saved before (a run folder's) record none, or only the method (the shipped MNIST model's "unit"):
    the data's own scaler is fitted as it was then."""
    network = students_network()
    own = Scaler.identity(2)
    for metadata in ({"dataset": "csv"}, {"dataset": "csv", "scaling": "unit"}):
        model_io.save_model(tmp_path / "old.npz", network, **metadata)
        assert model_io.recorded_scaler(model_io.load_model(tmp_path / "old.npz")[1], "scaler", unrecorded=own) is own


def students_network():
    from core.experiment import build_network

    return build_network(students_config("students.csv"), 2, 2)


@pytest.mark.parametrize("metadata, problem", [
    ({"scaling": "standardize", "scaler": {"offset": "0, 0", "scale": [1.0, 1.0]}},
     "its recorded scaler must be an object of offsets and scales"),
    ({"scaling": "standardize", "scaler": {"offset": [0.0, 1.0], "scale": [1.0, 0.0]}},
     "its recorded scaler must be an object of offsets and scales (as many finite numbers each; scales above 0)"),
    ({"scaling": "standardize", "scaler": {"offset": [0.0, 1.0], "scale": [1.0]}}, "its recorded scaler must be"),
    ({"scaling": "standardize", "scaler": {"method": "unit", "offset": [0.0, 1.0], "scale": [1.0, 1.0]}},
     "its recorded scaler must be"),
    ({"scaling": "log", "scaler": {"offset": [0.0, 1.0], "scale": [1.0, 1.0]}},
     "its recorded scaling must be a scaling's name (standardize, unit, none), got 'log'"),
    ({"scaler": {"offset": [0.0, 1.0], "scale": [1.0, 1.0]}},
     "its recorded scaler has no scaling beside it to name its method"),
    ({"scaling": "unit", "scaler": {"offset": [0.0, 1.0, 2.0], "scale": [1.0, 1.0, 1.0]}},
     "its recorded scaler has 3 columns for 2 inputs"),
])
def test_a_malformed_input_scaler_is_refused_naming_it(tmp_path, metadata, problem):
    path = tmp_path / "edited.npz"
    model_io.save_model(path, students_network(), dataset="csv", **metadata)
    with pytest.raises(model_io.ModelFileProblem, match=problem.replace("(", r"\(").replace(")", r"\)")) as refused:
        model_io.load_model(path)
    assert refused.value.kind == "damaged" and str(path) in str(refused.value)


def test_a_long_malformed_record_is_quoted_short(tmp_path):
    """784 offsets of an MNIST scaler, one of them not a number: the message names the field, not every value."""
    record = {"offset": [0.0] * 783 + ["x"], "scale": [1.0] * 784}
    model_io.save_model(tmp_path / "edited.npz", students_network(), scaling="standardize", scaler=record)
    with pytest.raises(model_io.ModelFileProblem, match="its recorded scaler must be") as refused:
        model_io.load_model(tmp_path / "edited.npz")
    assert len(str(refused.value)) < len(str(tmp_path)) + 300
