"""Model files in the window: Save/Open model round trip, bad files change nothing, --model, metrics CSV,
the File menu, and a window run giving the command line's weights."""
import csv
import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from app import cli
from app.main_window import MainWindow
from app.panels.widgets import unbroken
from core import model_io, runs
from core.config import OptimizerConfig, RunConfig
from tests.app.saved_runs import wait_until_saved

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_MODEL = ROOT / "resources" / "models" / "mnist_mlp.npz"


@pytest.fixture
def library(tmp_path, monkeypatch):
    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))
    return tmp_path / "runs"


@pytest.fixture
def trained_window(qtbot, library, small_config):
    """A window that has trained its network on the digits for two epochs."""
    config = small_config(epochs=2)
    config.data.scaling = "standardize"  # a scaler with an offset and a scale per feature to record
    window = MainWindow(config)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    wait_until_saved(window)  # its tests save the model and export the metrics: both read the run's history
    return window


def test_a_saved_model_records_its_settings_and_data_and_opens_with_them(trained_window, qtbot, tmp_path,
                                                                        small_config):
    path = tmp_path / "model.npz"
    assert trained_window.save_model(path)
    network, metadata = model_io.load_model(path)
    dataset = trained_window.experiment.dataset
    np.testing.assert_array_equal(network.flat_parameters, trained_window.experiment.network.flat_parameters)
    assert (metadata["dataset"], metadata["image_shape"], metadata["scaling"], metadata["epoch"]) == \
        ("digits", [8, 8], "standardize", 2)
    np.testing.assert_array_equal(np.float32(metadata["scaler"]["offset"]), dataset.scaler.offset)
    np.testing.assert_array_equal(np.float32(metadata["scaler"]["scale"]), dataset.scaler.scale)
    assert metadata["class_names"] == list(dataset.class_names)
    assert RunConfig.from_dict(metadata["config"]) == trained_window.experiment.config

    window = MainWindow(small_config(epochs=5))
    qtbot.addWidget(window)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.load_model(path)
    assert window.model.config == trained_window.experiment.config
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, network.flat_parameters)
    assert window.epochs_done == 2
    assert window.draw_view.current_model().source == "the model in model.npz"
    assert window.draw_view.current_model().scaler.method == "standardize"


def test_a_model_opened_as_the_window_is_created_keeps_its_weights(trained_window, qtbot, tmp_path, small_config):
    path = tmp_path / "model.npz"
    assert trained_window.save_model(path)
    window = MainWindow(small_config(epochs=5))
    qtbot.addWidget(window)
    assert window.load_model(path)  # as --model does, before the event loop first runs; the data are cached
    qtbot.wait(50)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    np.testing.assert_array_equal(window.experiment.network.flat_parameters,
                                  trained_window.experiment.network.flat_parameters)
    assert window.epochs_done == 2


def bad_files(tmp_path, good: Path) -> dict[str, tuple[Path, str]]:
    """name → (file, words its message must contain)."""
    data = good.read_bytes()
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(data[: len(data) // 2])
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a model at all" * 10)
    network, metadata = model_io.load_model(good)
    future = tmp_path / "future.npz"
    model_io.save_arrays(future, network.state(), {"format": model_io.MODEL_FORMAT, "version": 99,
                                                   "network": network.config(), **metadata})
    missing_array = tmp_path / "missing_array.npz"
    state = network.state()
    state.pop("layer0.W")
    model_io.save_arrays(missing_array, state, {"format": model_io.MODEL_FORMAT, "version": 1,
                                                "network": network.config(), **metadata})
    other_settings = tmp_path / "other_settings.npz"
    config = RunConfig.from_dict(metadata["config"])
    config.network.hidden[0].units = 33
    model_io.save_model(other_settings, network, **{**metadata, "config": config.to_dict()})
    bad_settings = tmp_path / "bad_settings.npz"
    model_io.save_model(bad_settings, network, **{**metadata, "config": {**metadata["config"], "loss": 7}})
    not_a_model = tmp_path / "arrays.npz"
    np.savez(not_a_model, weights=np.zeros(3))
    described = {"format": model_io.MODEL_FORMAT, "version": 1, "network": network.config(), **metadata}
    corrupt = {}  # each a description a broken tool (or a hand) may write: the open used to raise, unexplained
    for name, description in (("list", [1, 2]), ("no network", {**described, "network": None}),
                              ("text version", {**described, "version": "1"}),
                              ("class names", {**described, "class_names": 7}),
                              ("epoch", {**described, "epoch": "abc"})):
        corrupt[name] = tmp_path / f"corrupt {name}.npz"
        model_io.save_arrays(corrupt[name], network.state(), description)
    objects = tmp_path / "objects.npz"  # a zip archive whose member holds Python objects
    np.savez(objects, weights=np.array([{"a": 1}], dtype=object))
    diverged = tmp_path / "diverged.npz"
    model_io.save_arrays(diverged, {**state, "layer0.W": np.full_like(network.state()["layer0.W"], np.nan)},
                         described)
    return {"list description": (corrupt["list"], "not an MLP Workbench model"),
            "no network": (corrupt["no network"], "its description has no network"),
            "text version": (corrupt["text version"], "no valid model version"),
            "class names": (corrupt["class names"], "its recorded class_names must be a list of texts, got 7"),
            "epoch": (corrupt["epoch"], "its recorded epoch must be a whole number ≥ 0, got 'abc'"),
            "diverged": (diverged, "not finite numbers (NaN or ∞) in layer0.W"),
            "objects": (objects, "is not a readable model file (truncated or damaged?)"),
            "truncated": (truncated, "truncated or damaged"), "garbage": (garbage, "not a readable model file"),
            "future version": (future, "newer MLP Workbench"), "missing array": (missing_array, "layer0.W"),
            "mismatched settings": (other_settings, "does not match the settings recorded with it"),
            "invalid settings": (bad_settings, "loss"), "not a model": (not_a_model, "not an MLP Workbench model"),
            "missing": (tmp_path / "nowhere.npz", "does not exist")}


def test_opening_a_bad_model_file_says_why_and_changes_nothing(trained_window, tmp_path):
    window = trained_window
    good = tmp_path / "good.npz"
    assert window.save_model(good)
    config, weights = window.model.config.copy(), window.experiment.network.flat_parameters.copy()
    drawing_model = window.draw_view.current_model()
    for name, (path, words) in bad_files(tmp_path, good).items():
        window.message_bar.dismiss()
        assert not window.load_model(path), name
        assert words in window.message_bar.message(), (name, window.message_bar.message())
        assert "pickle" not in window.message_bar.message(), "NumPy's advice to unpickle is not for the user"
        assert window.model.config == config, name
        np.testing.assert_array_equal(window.experiment.network.flat_parameters, weights, err_msg=name)
        assert window.draw_view.current_model() is drawing_model, name


def test_a_model_recording_invalid_settings_is_named_with_whose_settings_they_are(trained_window, tmp_path,
                                                                                    switch_language):
    """It said "Could not open the model: invalid run configuration: …", naming neither the file nor whose settings."""
    good = tmp_path / "good.npz"
    assert trained_window.save_model(good)
    path, words = bad_files(tmp_path, good)["invalid settings"]
    assert not trained_window.load_model(path)
    message = trained_window.message_bar.message()
    assert message.startswith(f"Could not open the model: {path} is damaged (the settings it records: ") and words in \
        message, message
    switch_language("ru")
    assert trained_window.message_bar.message().startswith(f"Не удалось открыть модель: {path} повреждён (")


def test_a_bad_model_file_is_explained_in_the_window_s_language(trained_window, tmp_path, switch_language):
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a zip archive")
    switch_language("ru")
    assert not trained_window.load_model(garbage)
    assert trained_window.message_bar.message() == \
        f"Не удалось открыть модель: {garbage} — не читаемый файл модели (обрезан или повреждён?)"


def test_a_failed_save_leaves_the_previous_file_whole(trained_window, tmp_path, monkeypatch, switch_language):
    (tmp_path / "models").mkdir()
    path = tmp_path / "models" / "model.npz"
    assert trained_window.save_model(path)
    before = path.read_bytes()

    def interrupted(stream, array, **options):
        stream.write(b"half an array")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(model_io.np.lib.format, "write_array", interrupted)
    assert not trained_window.save_model(path)
    assert "No space left on device" in trained_window.message_bar.message()
    assert path.read_bytes() == before and [p.name for p in path.parent.iterdir()] == ["model.npz"]
    trained_window.message_bar.dismiss()
    switch_language("ru")
    assert not trained_window.save_model(path)
    assert trained_window.message_bar.message() == f"Не удалось сохранить модель в {path}: на диске нет места"


def test_a_run_s_best_model_opens_with_its_run_s_settings_and_lineage(trained_window, qtbot, small_config, library):
    folder = trained_window.recording.folder
    trained_window.recording.wait()
    window = MainWindow(small_config(epochs=1))
    qtbot.addWidget(window)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.load_model(folder / "best.npz")
    best, metadata = runs.load_weights(folder, "best")
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, best.flat_parameters)
    assert window.model.config.data.scaling == "standardize" and window.epochs_done == metadata["epoch"]
    assert window.progress_bar.value() == 100, "the opened run trained the epochs it planned"
    assert window.status_labels["epoch"].text() == f"epoch {metadata['epoch']}/{metadata['epoch']}"
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    assert runs.RunInfo.read(window.recording.folder).parent == {"run": folder.name, "epoch": metadata["epoch"]}


def test_a_model_without_settings_goes_to_the_draw_view_only(qtbot, library):
    window = MainWindow()
    qtbot.addWidget(window)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    assert window.load_model(SHIPPED_MODEL)
    assert window.draw_view.current_model().source == "the model in mnist_mlp.npz"
    assert window.draw_view.current_model().target == "mnist"
    assert "does not record the settings" in window.message_bar.message()
    assert window.model.config == RunConfig()


def test_the_model_option_opens_the_window_with_the_model_loaded(qtbot, monkeypatch, library):
    seen = []

    def run_event_loop():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen.append(window.draw_view.current_model().source)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(run_event_loop))
    assert cli.main(["--model", str(SHIPPED_MODEL)]) == 0
    assert seen == ["the model in mnist_mlp.npz"]


def test_metrics_export_writes_the_current_run_s_history(trained_window, tmp_path):
    path = tmp_path / "metrics.csv"
    assert trained_window.export_metrics(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    history = runs.load_history(trained_window.recording.folder)["epochs"]
    assert [int(row["epoch"]) for row in rows] == [entry["epoch"] for entry in history] == [1, 2]
    for row, entry in zip(rows, history):
        assert float(row["val_loss"]) == pytest.approx(entry["val_loss"])
        assert float(row["train_metric"]) == pytest.approx(entry["train_metric"])


def test_the_file_menu_opens_and_saves_models_and_exports_metrics_and_views(qtbot, library):
    window = MainWindow()
    qtbot.addWidget(window)
    file_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&File")
    texts = [action.text() for action in file_menu.actions() if not action.isSeparator()]
    for wanted in ("Open &model…", "Save mo&del…", "Export me&trics…", "&Export current view…"):
        assert wanted in texts
    window.view_tabs.setCurrentWidget(window.runs_view)
    assert window.current_view() is window.runs_view, "the tools export like the live views"


def test_a_window_run_gives_the_command_line_s_weights_for_the_same_seed(qtbot, library, tmp_path):
    config = RunConfig(name="same everywhere")
    config.network.hidden[0].units = 32
    config.optimizer = OptimizerConfig("momentum", {"lr": 0.05, "momentum": 0.9})
    config.training.epochs, config.training.seed = 5, 7
    path = tmp_path / "config.json"
    path.write_text(config.to_json(), encoding="utf-8")
    command = subprocess.run([sys.executable, "-m", "app", "train", str(path), "--out", str(tmp_path / "cli")],
                             cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert command.returncode == 0, command.stderr
    window = MainWindow(config)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    window.recording.wait()
    for which in ("last", "best", "epoch-0005"):
        gui, _ = runs.load_weights(window.recording.folder, which)
        headless, _ = runs.load_weights(tmp_path / "cli", which)
        np.testing.assert_array_equal(gui.flat_parameters, headless.flat_parameters, err_msg=which)
    gui_history, cli_history = (runs.load_history(folder) for folder in (window.recording.folder, tmp_path / "cli"))
    for history in (gui_history, cli_history):
        for entry in history["epochs"]:
            entry.pop("elapsed")
    assert gui_history == cli_history


def test_a_model_whose_weights_do_not_fit_its_data_opens_its_settings_with_fresh_weights_saying_why(
        trained_window, qtbot, tmp_path):
    """A file made by hand or by another tool: its settings build its network, but its data set gives another
    number of classes. Its weights were put into the window's network and failed there, unexplained."""
    from app.run_library import build_network

    window = trained_window
    good = tmp_path / "good.npz"
    assert window.save_model(good)
    network, metadata = model_io.load_model(good)
    three_classes = build_network(RunConfig.from_dict(metadata["config"]), network.n_inputs, 3)
    path = tmp_path / "three classes.npz"
    model_io.save_model(path, three_classes, **{**metadata, "class_names": ["a", "b", "c"]})
    window.message_bar.dismiss()
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.load_model(path)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    message = window.message_bar.message()
    assert "do not fit the network its data set needs here (64 → 16 → 10" in message and "fresh weights" in message
    assert window.experiment.network.n_outputs == 10 and window.epochs_done == 0


def test_a_model_recording_settings_of_another_kind_says_so_in_the_window_s_language(trained_window, tmp_path,
                                                                                      switch_language):
    """A Russian window said "…повреждён (записанные в нём настройки: loss must be an object, got 7)"."""
    good = tmp_path / "good.npz"
    assert trained_window.save_model(good)
    path, _ = bad_files(tmp_path, good)["invalid settings"]
    switch_language("ru")
    assert not trained_window.load_model(path)
    assert unbroken(trained_window.message_bar.message()) == \
        f"Не удалось открыть модель: {path} повреждён (записанные в нём настройки: loss: должно быть объектом {{…}}, " \
        "введено 7)"
