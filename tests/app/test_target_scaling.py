"""Scaling of regression targets in the window: the Data panel's control, the warning of large targets pointing
at it, and a run on scaled prices shown, scored and saved in the file's units."""
import numpy as np
import pytest
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from app import i18n
from app.config_model import ConfigModel
from app.panels.data_panel import DataPanel
from app.panels.widgets import unbroken
from app.views.fitted_curve import FittedCurveView
from app.views.loss import LossView
from core import model_io
from core.config import LayerConfig, OptimizerConfig, RunConfig
from core.datasets.dataset import make_dataset
from tests.app.saved_runs import wait_until_saved

HOUSES_WARNING = ("The regression targets reach {largest}. That is far beyond the ±1 or so that a network's initial "
                  "weights are made for: its units saturate or its sums grow huge, and learning crawls or overflows. "
                  "Choose the target scaling “standardise: (y − μ) / σ” (or “min–max to [0, 1]”): the network then "
                  "learns scaled targets, and its predictions are shown in the data's units.")


def write_houses(path, n=200, seed=0):
    """Prices of 10⁵ and more from one feature, the area: price = 50000 + 1500·area + 30000·sin(area / 20)."""
    rng = np.random.default_rng(seed)
    area = rng.uniform(40, 200, n)
    price = 50_000 + 1_500 * area + 30_000 * np.sin(area / 20) + rng.normal(0, 5_000, n)
    path.write_text("area,price\n" + "".join(f"{a:.1f},{p:.0f}\n" for a, p in zip(area, price)), encoding="utf-8")
    return path


def houses_config(path, target_scaling="none") -> RunConfig:
    config = RunConfig()
    config.data.dataset, config.data.target_scaling = "csv", target_scaling
    config.data.options = {"path": str(path), "label_column": "price", "task": "regression"}
    config.loss.name, config.optimizer = "mse", OptimizerConfig("adam", {"lr": 0.01})
    config.network.hidden = [LayerConfig(units=16, activation="tanh", init="xavier_uniform")]
    config.training.epochs = 60
    return config


def test_the_target_scaling_is_offered_for_regression_data_only_with_its_formula(qtbot, switch_language):
    i18n.ensure_installed()  # the texts shown are recorded, to be shown in Russian below
    model = ConfigModel()
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    X = np.linspace(-1, 1, 40).reshape(-1, 1)
    classes = make_dataset("classes", "binary", X, (X[:, 0] > 0).astype(int), class_names="ab")
    prices = make_dataset("prices", "regression", X, 2e5 + 1e5 * X)
    shown = lambda: panel.split_form.isRowVisible(panel.target_scaling)  # noqa: E731
    panel.set_dataset(classes)
    assert not shown(), "classes are not scaled: nothing to choose"
    panel.set_dataset(prices)
    assert shown()
    panel.set_dataset(None, loading=True)
    assert shown(), "while other data load, as it was"
    panel.set_dataset(classes)
    assert not shown()
    panel.set_dataset(prices)
    panel.target_scaling.choose("standardize")
    assert model.config.data.target_scaling == "standardize"
    assert panel.target_scaling.currentText() == "standardise: (y − μ) / σ"
    help_text = panel.target_scaling.toolTip()
    assert "y′ = (y − μ)/σ" in help_text and "y′ = (y − min)/(max − min)" in help_text
    assert "fitted on the training split only" in help_text and "the loss is that of y′" in help_text
    assert "ŷ = μ + σ·ŷ′" in help_text, "the item chosen, with the way back to the data's units"
    model.set("data.target_scaling", "unit")
    assert panel.target_scaling.current_name() == "unit", "the control follows the configuration"
    switch_language("ru")
    assert panel.split_form.labelForField(panel.target_scaling).text() == "Масштабировани&е y"
    assert panel.target_scaling.toolTip().startswith("Масштабирование цели регрессии (столбца меток)")


def test_both_scaling_lists_show_their_choices_whole_at_the_docks_default_width_in_both_languages(open_window,
                                                                                                   qtbot,
                                                                                                   switch_language):
    """In Russian the label "Масштабирование цели" took the width that "стандартизация: (y − μ) / σ" needed, in
    the Target scaling list and the Scaling list above it (the form gives both the same width)."""
    config = RunConfig()
    config.data.dataset, config.loss.name = "sine", "mse"
    window = open_window(config)
    window.resize(1360, 860)
    window.show()
    qtbot.waitUntil(lambda: window.configuration_dock.width() == window.default_dock_width())
    panel = window.data_panel
    assert panel.split_form.isRowVisible(panel.target_scaling)

    def cut_choices() -> list[str]:
        cut = []
        for box in (panel.scaling, panel.target_scaling):
            option = QStyleOptionComboBox()
            box.initStyleOption(option)
            field = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                               QStyle.SubControl.SC_ComboBoxEditField, box).width()
            cut += [box.itemText(index) for index in range(box.count())
                    if box.fontMetrics().horizontalAdvance(box.itemText(index)) > field]
        return cut

    for language in ("en", "ru"):
        switch_language(language)
        qtbot.wait(50)  # the form lays the new texts out
        assert cut_choices() == [], language


def test_large_prices_are_warned_of_until_the_target_is_scaled_and_then_train_in_their_units(
        open_window, qtbot, tmp_path, monkeypatch, switch_language):
    """A CSV file of house prices: the warning points at Target scaling and goes once it is chosen; the run learns
    standardised prices, and the fitted curve, the scores and a saved model are in the file's own units."""
    monkeypatch.setenv("MLP_WORKBENCH_RUNS", str(tmp_path / "runs"))
    path = write_houses(tmp_path / "houses.csv")
    window = open_window(houses_config(path))
    window.confirm_reset = lambda question: True
    dataset = window.experiment.dataset
    qtbot.waitUntil(lambda: window._large_values is not None and window._large_values[0] is dataset, timeout=10_000)
    largest = np.loadtxt(path, delimiter=",", skiprows=1)[:, 1].max()
    expected = HOUSES_WARNING.format(largest=i18n.format_integer(largest))
    warning = window.data_panel.data_warning
    assert not warning.isHidden() and unbroken(warning.text()) == f"⚠ {expected}"
    assert window.message_bar.message() == expected
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.data_panel.target_scaling.choose("standardize")
    dataset = window.experiment.dataset
    assert dataset.target_scaler.method == "standardize"
    qtbot.waitUntil(lambda: window._large_values is not None and window._large_values[0] is dataset, timeout=10_000)
    assert warning.isHidden() and window.message_bar.message() == "", "the warning goes once the targets are scaled"

    curve = next(view for view in window.views if isinstance(view, FittedCurveView))  # made: it follows the run
    loss_view = next(view for view in window.views if isinstance(view, LossView))
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    wait_until_saved(window)  # the metrics and the model files read the run's history
    test_text = window.status_labels["test"].text()
    assert test_text.startswith("test: R² 0.9") and test_text.endswith(" (scaled targets)"), test_text
    rmse = float(test_text.split("RMSE ")[1].split(",")[0].replace("\u00a0", "").replace(" ", ""))
    assert 3_000 < rmse < 20_000, "in the prices' units: the noise is 5,000"
    switch_language("ru")
    try:  # written again in Russian, its decimal commas too
        russian = window.status_labels["test"].text()
    finally:
        switch_language("en")
    assert russian.startswith("тест: R² 0,9") and "." not in russian, russian
    assert russian.endswith(" (масштабированная цель)") and window.status_labels["test"].text() == test_text
    assert window.status_labels["loss"].text().endswith("(scaled targets)")

    window.start_page.show_views(curve)
    curve.refresh()
    x, y = curve.curve.getOriginalDataset()
    assert 20 < x.min() < 40 and 200 < x.max() < 220, "the area in square metres, with margins"
    truth = 50_000 + 1_500 * x + 30_000 * np.sin(x / 20)
    inside = (x > 45) & (x < 195)
    assert np.abs(y[inside] - truth[inside]).max() < 40_000 and 1e5 < y.mean() < 3e5, "prices, not their z-scores"
    points = curve.train_points.getOriginalDataset()[1]
    np.testing.assert_allclose(points, dataset.original_targets(dataset.y_train[:len(points)]).reshape(-1))
    assert points.min() > 50_000
    assert loss_view.loss_plot.getAxis("left").labelText == "loss of the scaled targets"
    assert loss_view.table()[1][0][0] == "loss per batch, of the scaled targets"
    assert window.export_metrics(tmp_path / "metrics.csv")
    header = (tmp_path / "metrics.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("epoch,step,train_loss (scaled targets),train_penalty,") and "val_loss (scaled" in header

    path = tmp_path / "houses.npz"
    assert window.save_model(path)
    network, metadata = model_io.load_model(path)
    assert metadata["target_scaler"] == dataset.target_scaler.record()
    scaler = model_io.recorded_scaler(metadata, "target_scaler")
    np.testing.assert_allclose(scaler.inverse_transform(network.predict(dataset.X_val)).reshape(-1),
                               dataset.original_targets(window.experiment.network.predict(dataset.X_val)).reshape(-1),
                               rtol=1e-6)


@pytest.mark.parametrize("target_scaling", ["none", "default"])
def test_unscaled_regression_targets_keep_the_loss_and_scores_as_they_were(open_window, qtbot, tmp_path,
                                                                           target_scaling):
    window = open_window(houses_config(write_houses(tmp_path / "houses.csv", n=60), target_scaling))
    window.model.set("training.epochs", 1)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    wait_until_saved(window)  # the metrics and the model files read the run's history
    assert window.status_labels["test"].text().startswith("test: loss ")
    assert "scaled" not in window.status_labels["loss"].text()
    loss_view = next(view for view in window.views if isinstance(view, LossView))
    assert loss_view.loss_plot.getAxis("left").labelText == "loss"
    assert window.export_metrics(tmp_path / "metrics.csv")
    assert "scaled" not in (tmp_path / "metrics.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("opened", ["model file", "run"])
def test_a_reopened_model_reads_its_outputs_with_the_scaler_it_learnt_with_after_the_prices_were_edited(
        open_window, qtbot, tmp_path, monkeypatch, opened):
    """The prices of the file edited since (half as high again, the areas as they were): fitted again, the targets'
    scaler would read the saved network's outputs as other prices. Opened, the network predicts what it did."""
    monkeypatch.setenv("MLP_WORKBENCH_RUNS", str(tmp_path / "runs"))
    path = write_houses(tmp_path / "houses.csv", n=80)
    window = open_window(houses_config(path, "standardize"))
    window.confirm_reset = lambda question: True
    window.model.set("training.epochs", 3)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    wait_until_saved(window)  # the metrics and the model files read the run's history
    trained = window.experiment
    predicted = trained.dataset.original_targets(trained.network.predict(trained.dataset.X_val))
    saved, folder = trained.dataset.target_scaler, window.recording.folder
    assert window.save_model(tmp_path / "houses.npz")
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    path.write_text("area,price\n" + "".join(f"{a:.1f},{1.5 * p:.0f}\n" for a, p in table), encoding="utf-8")

    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.load_model(tmp_path / "houses.npz") if opened == "model file" else window.open_run(folder)
    reopened = window.experiment
    qtbot.waitUntil(lambda: window._saved_run is None, timeout=10_000)
    assert reopened.dataset is not trained.dataset and reopened.network is not trained.network, "loaded again"
    np.testing.assert_allclose(reopened.dataset.original_targets(reopened.dataset.y_train),
                               1.5 * trained.dataset.original_targets(trained.dataset.y_train), rtol=1e-4)
    assert reopened.dataset.target_scaler.offset.tolist() == saved.offset.tolist()
    assert reopened.dataset.target_scaler.scale.tolist() == saved.scale.tolist()
    np.testing.assert_allclose(reopened.dataset.original_targets(reopened.network.predict(reopened.dataset.X_val)),
                               predicted, rtol=1e-5)


def sine_config(target_scaling: str, name: str = "sine") -> RunConfig:
    config = RunConfig(name=name)
    config.data.dataset, config.data.target_scaling, config.loss.name = "sine", target_scaling, "mse"
    config.network.hidden = [LayerConfig(units=8, activation="tanh", init="xavier_uniform")]
    config.training.epochs = 2
    return config


@pytest.mark.parametrize("target_scaling", ["standardize", "none"])
def test_the_optimiser_race_says_its_losses_are_of_the_scaled_targets_as_the_loss_view_does(
        qtbot, tmp_path, target_scaling, switch_language):
    import csv

    from app.views.compare_view import CompareView
    from core.config import ScheduleConfig

    i18n.ensure_installed()
    view = CompareView()
    qtbot.addWidget(view)
    view.set_config(sine_config(target_scaling))
    view.set_contenders([("SGD", OptimizerConfig("sgd", {"lr": 0.05}), ScheduleConfig()),
                         ("Adam", OptimizerConfig("adam", {"lr": 0.01}), ScheduleConfig())])
    view.show()
    view.start_button.click()
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)
    scaled = target_scaling != "none"
    of = (lambda name: f"{name}, of the scaled targets") if scaled else (lambda name: name)  # noqa: E731
    titles = (view.loss_plot.titleLabel.text, view.val_loss_plot.titleLabel.text)
    assert titles == (("Training loss of the scaled targets: each step and smoothed",
                       "Validation loss of the scaled targets") if scaled
                      else ("Training loss: each step and smoothed", "Validation loss"))
    series = {row[1] for row in view.table()[1]}
    assert series == {of("training loss (each step)"), "learning rate", of("training loss (epoch mean)"),
                      "training R² (epoch)", of("validation loss"), "validation R²"}
    view.export_summary(tmp_path / "summary.csv")
    with open(tmp_path / "summary.csv", encoding="utf-8-sig") as handle:
        assert next(csv.reader(handle))[4] == of("target loss (epoch mean)")
    if scaled:
        switch_language("ru")
        assert view.val_loss_plot.titleLabel.text == "Потери на валидации по масштабированной цели"
        assert "потери на валидации, по масштабированной цели" in {row[1] for row in view.table()[1]}
        switch_language("en")
    view.stop_and_wait()


def test_the_runs_view_says_which_losses_are_of_scaled_targets(qtbot, tmp_path, monkeypatch, switch_language):
    """The runs whose losses are of scaled regression targets say so in the legend and the exported table, as the
    status bar does; not their R², the same in either units, nor the losses of unscaled targets."""
    from app.views.runs_view import RunsView
    from core import runs
    from core.experiment import Experiment

    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))
    folders = {}
    for name, target_scaling in (("scaled", "unit"), ("also scaled", "standardize"), ("raw", "none")):
        experiment = Experiment(sine_config(target_scaling, name))
        recorder = runs.RunRecorder(experiment.config, experiment.network, "sine",
                                    recorded=model_io.scalers_record(experiment.dataset))
        for event in experiment.make_trainer().run():
            recorder.record(event)
        folders[name] = recorder.folder
    view = RunsView()
    qtbot.addWidget(view)
    view.refresh_list()
    shown = lambda: (sorted(name for name, _, _ in view.overlaid()),  # noqa: E731
                     sorted(item.text for _, item in view.legend.items), sorted({row[0] for row in view.table()[1]}))
    view.select(folders.values())
    view.curve_box.setCurrentIndex(view.curve_box.findData("train_loss"))
    marked = ["also scaled (scaled targets)", "raw", "scaled (scaled targets)"]
    assert shown() == (marked, marked, marked)
    assert view.plot.getAxis("left").labelText == view.table()[0][2] == "training loss"
    view.curve_box.setCurrentIndex(view.curve_box.findData("val_metric"))
    assert shown()[0] == ["also scaled", "raw", "scaled"]
    view.curve_box.setCurrentIndex(view.curve_box.findData("val_loss"))
    assert shown()[0] == marked
    view.select([folders["scaled"], folders["raw"]])
    switch_language("ru")
    assert shown()[0] == ["raw", "scaled (масштабированная цель)"]


def test_the_runs_view_marks_the_losses_of_a_run_saved_before_run_json_named_its_targets_scaling(
        qtbot, tmp_path, monkeypatch):
    """Its configuration says how its targets were scaled: the diabetes data's own standardisation."""
    import json

    from app.views.runs_view import RunsView
    from core import runs
    from core.experiment import Experiment

    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))
    folders = []
    for dataset in ("diabetes", "sine"):
        config = sine_config("default", dataset)
        config.data.dataset = dataset
        experiment = Experiment(config)
        recorder = runs.RunRecorder(config, experiment.network, dataset)  # as runs were recorded then
        for event in experiment.make_trainer().run():
            recorder.record(event)
        assert "target_scaling" not in json.loads((recorder.folder / "run.json").read_text(encoding="utf-8"))
        folders.append(recorder.folder)
    view = RunsView()
    qtbot.addWidget(view)
    view.refresh_list()
    view.select(folders)
    view.curve_box.setCurrentIndex(view.curve_box.findData("val_loss"))
    assert sorted(name for name, _, _ in view.overlaid()) == ["diabetes (scaled targets)", "sine"]


def test_the_metrics_csv_says_its_losses_are_of_the_scaled_targets(tmp_path, switch_language):
    import csv
    import io

    from app import run_library

    history = {"epochs": [{"epoch": 1, "step": 5, "train_loss": 0.5, "train_penalty": 0.1, "train_metric": 0.8,
                           "val_loss": 0.25, "val_metric": 0.875, "lr": 0.01, "elapsed": 0.25}], "batches": []}
    header = lambda: next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))  # noqa: E731
    path = tmp_path / "metrics.csv"
    run_library.write_metrics_csv(path, history, scaled_targets=True)
    assert header() == ["epoch", "step", "train_loss (scaled targets)", "train_penalty", "train_metric",
                        "val_loss (scaled targets)", "val_metric", "lr", "elapsed"]
    run_library.write_metrics_csv(path, history)
    assert header() == list(run_library.METRIC_COLUMNS)
    switch_language("ru")
    run_library.write_metrics_csv(path, history, scaled_targets=True)
    text = path.read_text(encoding="utf-8-sig")
    assert next(csv.reader(io.StringIO(text), delimiter=";"))[2] == "train_loss (масштабированная цель)"
