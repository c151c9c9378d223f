"""The live views fed by real short training runs: what they draw, what they export, what they keep."""
import csv
import math
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTranslator
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem, QTabWidget, QWidget

from app import palette
from app.messages import Progress
from app.views import all_views
from app.views.base import END_MARGIN_PIXELS, MIN_PIXELS_PER_LABEL, Axis, PlotMenu, TickGrid, ValueAxis, View, round_up
from app.views.boundary import BoundaryView, region_colours
from app.views.confusion import GALLERY_SIZE, CentredTexts, ConfusionView
from app.views.fitted_curve import FittedCurveView
from app.views.gradients import GradientView
from app.views.histograms import HistogramView
from app.views.draw_view import DrawView
from app.views.loss import BATCH, PENALTY, SMOOTHED, TRAIN, VALIDATION, LossView
from app.views.network_graph import LEVELS, NetworkView
from app.views.prediction_surface import PredictionSurfaceView, colour_limit, scale_position, surface_lookup_table
from app.views.series import DecimatingSeries, Smoother, show
from app.views.unit_maps import UnitMapView, layer_rows
from app.views.unit_images import GAP, UnitImageView, mosaic
from core import config as run_config
from core import events, inspection
from core.experiment import Experiment

# The offscreen platform warns that it cannot resize top-level windows on show(); not our code.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

RUNS = {
    "digits": dict(dataset="digits", hidden=(24,), activation="relu", loss="softmax_cross_entropy", epochs=2),
    "moons": dict(dataset="moons", hidden=(8, 6), activation="tanh", loss="softmax_cross_entropy", epochs=4),
    "sine": dict(dataset="sine", hidden=(12,), activation="sigmoid", loss="mse", epochs=4),
    "multi_gaussian": dict(dataset="multi_gaussian", hidden=(8,), activation="tanh", loss="mse", epochs=4),
}
APPLIES = {
    "digits": {LossView, HistogramView, GradientView, UnitImageView, ConfusionView, NetworkView},
    "moons": {LossView, HistogramView, GradientView, ConfusionView, BoundaryView, UnitMapView, NetworkView},
    "sine": {LossView, HistogramView, GradientView, FittedCurveView, NetworkView},
    "multi_gaussian": {LossView, HistogramView, GradientView, PredictionSurfaceView, UnitMapView, NetworkView},
}


def build_experiment(dataset, hidden, activation, loss, epochs, data_options=None):
    config = run_config.RunConfig()
    config.data.dataset = dataset
    config.data.options = data_options or {}
    config.network.hidden = [run_config.LayerConfig(units=units, activation=activation) for units in hidden]
    config.loss.name = loss
    config.optimizer.options = {"lr": 0.01}
    config.training.epochs = epochs
    return Experiment(config)


class Run:
    """A finished short run and the Progress messages a worker would have sent during it."""

    def __init__(self, name):
        self.experiment = build_experiment(**RUNS[name])
        network, dataset = self.experiment.network, self.experiment.dataset
        self.initial = inspection.inspect(network, dataset)
        self.batches, self.epochs, self.messages = [], [], []
        pending = []
        for event in self.experiment.make_trainer(track_gradient_norms=True).run():
            if isinstance(event, (events.BatchFinished, events.EpochFinished)):
                pending.append(event)
            if len(pending) >= 7 or isinstance(event, events.TrainingFinished):
                batches = tuple(e for e in pending if isinstance(e, events.BatchFinished))
                epochs = tuple(e for e in pending if isinstance(e, events.EpochFinished))
                self.batches += batches
                self.epochs += epochs
                self.messages.append(Progress(batches, epochs, inspection.inspect(network, dataset,
                                                                                  initial=self.initial)))
                pending = []
        self.last = self.messages[-1].inspection


@pytest.fixture(scope="module")
def runs():
    return {name: Run(name) for name in RUNS}


def fed_view(qtbot, view_class, run, show=True):
    view = view_class()
    qtbot.addWidget(view)
    view.resize(640, 480)
    if show:
        view.show()
    view.reset(run.experiment)
    for message in run.messages:
        view.on_progress(message)
    return view


# ----------------------------------------------------------------------------- which views, in which order
def test_all_views_lists_each_view_once_in_display_order():
    classes = all_views()
    assert classes[0] is LossView and len(set(classes)) == len(classes) == 10
    assert all(issubclass(cls, View) and isinstance(cls.title, str) and cls.title for cls in classes)


@pytest.mark.parametrize("name", RUNS)
def test_applies_to_picks_the_views_that_have_something_to_show(runs, name):
    dataset = runs[name].experiment.dataset
    assert {cls for cls in all_views() if cls.applies_to(dataset)} == APPLIES[name]


def test_a_view_reset_on_data_it_does_not_apply_to_says_why_and_ignores_progress(qtbot, runs):
    view = fed_view(qtbot, BoundaryView, runs["digits"])
    assert view.experiment is None and not view.graphics.isVisible()
    assert "8×8 digits" in view.note.text() and "two features" in view.note.text()  # the lists' name of the data
    assert view.boundary is None


def test_titles_follow_the_translator_installed_after_import(qapp):
    class Russian(QTranslator):
        def translate(self, context, text, disambiguation=None, n=-1):
            return "Потери" if (context, text) == ("LossView", "Loss") else None

    translator = Russian()
    QCoreApplication.installTranslator(translator)
    try:
        assert LossView.title == "Потери"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert LossView.title == "Loss"


# ----------------------------------------------------------------------------- each view draws the run
def drawn(curve):
    """(x, y) as handed to the curve: a per-batch line is a PlotCurveItem, a curve with symbols a PlotDataItem."""
    return curve.getOriginalDataset() if isinstance(curve, pg.PlotDataItem) else curve.getData()


@pytest.mark.parametrize("name", ["digits", "sine"])
def test_loss_view_draws_every_batch_and_epoch(qtbot, runs, name):
    run = runs[name]
    view = fed_view(qtbot, LossView, run)
    steps = [event.step for event in run.batches]
    x, y = drawn(view.loss_curves[BATCH])
    np.testing.assert_array_equal(x, steps)
    np.testing.assert_allclose(y, [event.loss for event in run.batches])
    smoothed = drawn(view.loss_curves[SMOOTHED])[1]
    beta, average, expected = 0.9, 0.0, []
    for t, event in enumerate(run.batches, start=1):
        average = beta * average + (1 - beta) * event.loss
        expected.append(average / (1 - beta ** t))
    np.testing.assert_allclose(smoothed, expected)
    np.testing.assert_allclose(view.loss_curves[TRAIN].getOriginalDataset()[1], [e.train_loss for e in run.epochs])
    np.testing.assert_allclose(view.loss_curves[VALIDATION].getOriginalDataset()[1], [e.val_loss for e in run.epochs])
    np.testing.assert_allclose(view.metric_curves[2].getOriginalDataset()[1], [e.val_metric for e in run.epochs])
    np.testing.assert_allclose(drawn(view.lr_curve)[1], [e.lr for e in run.batches])
    label = view.metric_plot.getAxis("left").labelText
    assert label == ("R²" if name == "sine" else "accuracy")


def test_the_loss_view_adds_the_penalty_to_its_legend_once_a_run_has_one(qtbot, runs):
    run = runs["digits"]
    view = fed_view(qtbot, LossView, run)
    legend = lambda: [label.text for _, label in view.legend.items]  # noqa: E731
    penalty_rows = lambda: [row for row in view.table()[1] if row[0] == "training penalty (epoch)"]  # noqa: E731
    assert not view.loss_curves[PENALTY].isVisible() and "training penalty (epoch)" not in legend()
    assert not penalty_rows()

    last = run.epochs[-1]
    later = [replace(last, epoch=last.epoch + k, step=last.step + 10 * k, train_penalty=0.25 * k)
             for k in (1, 2)]  # L2 switched on mid-run
    view.on_progress(Progress((), tuple(later), None))
    view.redraw()
    assert view.loss_curves[PENALTY].isVisible() and legend()[-1] == "training penalty (epoch)"
    x, y = view.loss_curves[PENALTY].getOriginalDataset()
    np.testing.assert_allclose(y, [0.0] * len(run.epochs) + [0.25, 0.5])
    assert [row[1:] for row in penalty_rows()][-2:] == [[later[0].step, 0.25], [later[1].step, 0.5]]

    view.reset(run.experiment)  # a new run: no penalty until it has one
    assert not view.loss_curves[PENALTY].isVisible() and "training penalty (epoch)" not in legend()


def test_the_loss_view_s_legend_draws_each_epoch_series_symbol_in_its_colour_when_first_painted_empty(qtbot, runs):
    """The legend is painted from a cache: a sample painted before the run's first epoch kept pyqtgraph's grey-violet
    default symbol until the window was resized."""
    view = LossView()
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.show()
    qtbot.waitExposed(view)
    view.reset(runs["digits"].experiment)
    view.graphics.grab()  # painted with no epoch yet: the legend's cache is filled now
    for message in runs["digits"].messages:
        view.on_progress(message)
    view.redraw()
    view.finish_drawing()
    image = view.graphics.grab().toImage()
    for legend in (view.legend, view.metric_plot.legend):
        for sample, _ in legend.items:
            if isinstance(sample.item, pg.PlotDataItem):  # the per-epoch series, drawn with symbols
                centre = view.graphics.mapFromScene(sample.mapToScene(QPointF(10, 10)))
                assert QColor(image.pixel(centre)) == QColor(sample.item.opts["symbolBrush"]), sample.item.name()


STACKED = {LossView: lambda view: [[view.loss_plot, view.metric_plot, view.lr_plot]],
           GradientView: lambda view: [[view.norm_plot, view.spread_plot, view.share_plot]],
           HistogramView: lambda view: [list(column) for column in zip(*(plots for _, _, plots in view.rows))]}
"""Each view's columns of plots stacked over one x quantity (the steps; the Weights view's weights and biases)."""


def assert_lined_up_when_painted(qtbot, view, columns) -> None:
    """The plots of each column span the same pixels, also once painted (an axis sized by its ticks learns their
    width then)."""
    view.finish_drawing()
    qtbot.wait(50)

    def spans(column) -> list[tuple[float, float]]:
        return [(rect.left(), rect.right()) for rect in (plot.getViewBox().sceneBoundingRect() for plot in column)]

    laid_out = [spans(column) for column in columns]
    view.graphics.grab()
    qtbot.wait(50)
    assert [spans(column) for column in columns] == laid_out
    assert all(len(set(column)) == 1 for column in laid_out)


@pytest.mark.parametrize("view_class", STACKED)
@pytest.mark.parametrize("run", ["digits", "moons"])
def test_plots_stacked_over_one_x_line_up_and_keep_their_layout_when_painted(qtbot, runs, view_class, run):
    """The Gradients view's share plot, its axis titled "%", began 18 pixels right of the norm plot above it."""
    view = fed_view(qtbot, view_class, runs[run])
    qtbot.waitExposed(view)
    assert_lined_up_when_painted(qtbot, view, STACKED[view_class](view))


def test_the_weights_view_lines_up_layers_of_very_different_sizes(qtbot):
    """A first layer of 16384 weights above a last one of 40: their counts' axes, each as wide as its labels, put the
    plots of a column at different places."""
    view = HistogramView()
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.show()
    view.reset(build_experiment("digits", (256, 4), "relu", "softmax_cross_entropy", 1))
    qtbot.waitExposed(view)
    assert_lined_up_when_painted(qtbot, view, STACKED[HistogramView](view))


def test_histogram_view_overlays_the_current_weights_on_the_initial_ones(qtbot, runs):
    run = runs["digits"]
    view = fed_view(qtbot, HistogramView, run)
    assert len(view.rows) == 2
    view.finish_drawing()  # a row per turn of the event loop
    for (_, items, _), layer in zip(view.rows, run.last.layers):
        (initial_weights, current_weights, weight_axes), (initial_biases, current_biases, _) = items
        x, y = current_weights.getOriginalDataset()
        np.testing.assert_array_equal(x, layer.weights.edges)
        np.testing.assert_array_equal(y, layer.weights.counts)
        np.testing.assert_array_equal(current_biases.getOriginalDataset()[1], layer.biases.counts)
        np.testing.assert_array_equal(initial_weights.getOriginalDataset()[1], layer.initial_weights.counts)
        assert current_weights.opts["fillLevel"] == 0 and current_weights.opts["fillBrush"] is not None
        (left, right), (bottom, top) = weight_axes[0].boxes[0].viewRange()
        edges = np.concatenate([layer.weights.edges, layer.initial_weights.edges])
        # At most margins of 0.2 and a round step (≤ 0.15) at each end (see ValueAxis).
        assert left <= edges.min() and edges.max() <= right and right - left < 1.7 * np.ptp(edges)
        assert bottom == 0 and max(layer.weights.counts.max(), layer.initial_weights.counts.max()) <= top
    first_layer_W = run.experiment.network.layers[0].W
    assert run.last.layers[0].weights.counts.sum() == first_layer_W.size
    assert view.rows[0][1][0][1].opts["stepMode"] == "center"


def test_histogram_view_keeps_its_plots_for_a_network_of_as_many_layers(qtbot, runs):
    """Rebuilt at every edit of a layer's units, the plots took 80 ms of the window's time; the
    rows of a network with as many Dense layers are emptied and titled anew instead."""
    view = fed_view(qtbot, HistogramView, runs["sine"])  # 1 → 12 → 1
    view.finish_drawing()
    plots = [row[2] for row in view.rows]
    wider = build_experiment(dataset="sine", hidden=(30,), activation="tanh", loss="mse", epochs=1)
    view.reset(wider)
    view.finish_drawing()
    assert [row[2] for row in view.rows] == plots
    assert [plot.titleLabel.text for pair in plots for plot in pair] == [
        "layer 1: weights (1×30)", "layer 1: biases (30)", "layer 2: weights (30×1)", "layer 2: biases (1)"]
    initial = inspection.inspect(wider.network, wider.dataset)
    for (_, items, _), layer in zip(view.rows, initial.layers):
        (_, current_weights, (x_axis, _)), (_, current_biases, _) = items
        assert current_weights.getOriginalDataset()[1].sum() == layer.weights.counts.sum() == 30
        np.testing.assert_array_equal(current_biases.getOriginalDataset()[1], layer.biases.counts)
        left, right = x_axis.boxes[0].viewRange()[0]
        assert left <= layer.weights.edges[0] and layer.weights.edges[-1] <= right
    deeper = build_experiment(dataset="sine", hidden=(4, 4), activation="tanh", loss="mse", epochs=1)
    view.reset(deeper)
    assert len(view.rows) == 3 and not set(row[2] for row in view.rows) & set(plots)


def test_histogram_view_sets_the_initial_histograms_once_per_run(qtbot, runs, monkeypatch):
    run = runs["digits"]
    view = fed_view(qtbot, HistogramView, run)
    view.finish_drawing()
    set_now = []
    for _, items, _ in view.rows:
        for initial, current, _ in items:
            monkeypatch.setattr(initial, "setData", lambda *args, **kwargs: set_now.append("initial"))
            monkeypatch.setattr(current, "setData", lambda *args, **kwargs: set_now.append("current"))
    view.on_progress(Progress((), (), inspection.inspect(run.experiment.network, run.experiment.dataset,
                                                         initial=run.initial), None))
    assert set_now == ["current"] * 2, "the first layer's row now…"
    qtbot.waitUntil(lambda: len(set_now) == 4)
    assert set_now == ["current"] * 4, "…the next one at the next turn; only the current histograms change"


def test_gradient_view_draws_each_layers_gradient_norm_and_activation_health(qtbot, runs):
    run = runs["moons"]
    view = fed_view(qtbot, GradientView, run)
    assert len(view.norm_curves) == 3
    for layer, curve in enumerate(view.norm_curves):
        x, log_y = drawn(curve)  # a bare PlotCurveItem on the log plot: log₁₀ of the norms
        np.testing.assert_array_equal(x, [event.step for event in run.batches])
        np.testing.assert_allclose(10 ** log_y, [event.gradient_norms[layer] for event in run.batches], rtol=1e-12)
    assert view.norm_plot.getViewBox().state["logMode"][1]
    assert sorted(view.share_curves) == [1, 3]  # the two tanh layers
    shares = view.share_curves[3].getOriginalDataset()[1]
    assert len(shares) == len(run.messages) + 1  # one point per inspection, the reset's included
    assert shares[-1] == pytest.approx(100 * run.last.activations[1].saturated)
    means = view.spread_means.getOriginalDataset()[1]
    np.testing.assert_allclose(means, [statistics.mean for statistics in run.last.activations])


@pytest.mark.parametrize("hidden", [(8,), ()])
def test_gradient_view_reset_empties_its_curves_and_leaves_no_bar_of_the_run_before(qtbot, runs, hidden):
    """Reset (fresh weights, or another network): the norms and shares start again from nothing, and the
    activations' bars are the fresh network's; a network with no hidden layer has none (its bars stayed)."""
    view = fed_view(qtbot, GradientView, runs["moons"])
    view.refresh()
    assert view.norm_plot.getViewBox().viewRange()[0][1] > 20, "the trained run's steps"
    trained_curves = list(view.norm_curves)
    fresh = build_experiment("moons", hidden=hidden, activation="relu", loss="softmax_cross_entropy", epochs=1)
    view.reset(fresh)
    view.redraw()
    assert view.norm_plot.getViewBox().viewRange()[0] == [0, 10], "no step yet: not the steps of the run before"
    drawn_now = [item for item in view.norm_plot.listDataItems()]
    assert not any(curve in drawn_now for curve in trained_curves), "the trained run's norm curves are gone"
    assert len(view.norm_curves) == len(hidden) + 1
    assert all(len(drawn(curve)[0] if drawn(curve)[0] is not None else []) == 0 for curve in view.norm_curves)
    for curve in view.share_curves.values():  # one point: the fresh weights' inspection
        assert len(curve.getOriginalDataset()[1]) == 1
    assert len(view.share_plot.listDataItems()) == len(view.share_curves) == len(hidden)
    means = view.spread_means.getOriginalDataset()[1]
    means = [] if means is None else list(means)
    assert means == pytest.approx([statistics.mean for statistics in inspection.inspect(
        fresh.network, fresh.dataset).activations]), "the fresh network's activations, or none"
    assert len(view.spread_bars.opts["x"]) == len(means)


def test_gradient_view_names_every_layer_beside_its_plots_over_no_curve(qtbot, runs):
    """Inside the plots the shares' legend covered their curves and showed 3 of 6 layers at 1024 × 768."""
    view = fed_view(qtbot, GradientView, runs["moons"])
    view.resize(600, 640)
    view.grab()
    for legend, plot, names in ((view.norm_legend, view.norm_plot, ["layer 1", "layer 2", "layer 3"]),
                                (view.share_legend, view.share_plot, ["layer 1 (tanh): saturated",
                                                                      "layer 2 (tanh): saturated"])):
        assert [label.text for _, label in legend.items] == names
        assert not legend.sceneBoundingRect().intersects(plot.vb.sceneBoundingRect())
    assert view.share_plot.vb.height() > 120


def test_gradient_view_says_what_each_share_is_of_and_on_which_examples(qtbot, runs):
    """Its title read "saturated (sigmoid, tanh) or dead (ReLU) units", but a saturated share is of
    outputs (units × examples), a dead one of units, and neither said on which examples."""
    for name, share in (("moons", "% of outputs near an asymptote"), ("digits", "% of units at 0 on every example")):
        run = runs[name]
        view = fed_view(qtbot, GradientView, run)
        rows = min(256, len(run.experiment.dataset.X_val))
        assert view.share_plot.titleLabel.text == \
            f"saturated outputs and dead units, on the first {rows} validation examples"
        function = {"relu": "ReLU", "tanh": "tanh"}[run.last.activations[0].function]  # as the diagram names them
        assert list(view.share_names.values())[0] == f"layer 1 ({function}): {share}"
        tooltip = view.share_plot.toolTip()
        assert "outputs, one per unit and example, that lie within 1 % of its range" in tooltip
        assert "units that output 0 for every one of these examples" in tooltip


def test_gradient_view_says_on_how_many_examples_in_the_singular_for_one(qtbot, runs, switch_language):
    """A probe of one example was "on the first 1 training examples"."""
    view = fed_view(qtbot, GradientView, runs["moons"])
    probe = view.latest.activations[0]
    for split, rows, title, russian in (
            ("training", 1, "on the first 1 training example", "на первом 1 обучающем примере"),
            ("validation", 1, "on the first 1 validation example", "на первом 1 примере валидации"),
            ("training", 3, "on the first 3 training examples", "на первых 3 обучающих примерах")):
        view.show_inspection(replace(view.latest, activations=[replace(probe, split=split, n_rows=rows)]))
        view.redraw()
        assert view.share_plot.titleLabel.text == f"saturated outputs and dead units, {title}"
        switch_language("ru")
        assert view.share_plot.titleLabel.text == f"насыщенные выходы и мёртвые нейроны {russian}"
        switch_language("en")


def gradient_view_of_a_step_network(qtbot):
    """XOR's 2-2-1 of unit steps trained 3 epochs (its first layer's gradient is 0 at every step), its batches, and
    a Gradients view on screen that has drawn them."""
    experiment = build_experiment("xor", (2,), "step", "binary_cross_entropy", epochs=3)
    batches = tuple(event for event in experiment.make_trainer(track_gradient_norms=True).run()
                    if isinstance(event, events.BatchFinished))
    view = GradientView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    view.on_progress(Progress(batches))
    view.refresh()
    return experiment, batches, view


def test_gradient_view_names_a_layer_whose_gradient_is_exactly_0_which_its_log_plot_cannot_show(qtbot):
    """Unit steps pass no gradient (lecture 000): the first layer's norm is 0 at every step, and the log plot drew
    nothing for it, its legend naming a curve that was not there. The legend now says its gradient is 0."""
    experiment, batches, view = gradient_view_of_a_step_network(qtbot)
    assert all(event.gradient_norms[0] == 0 < event.gradient_norms[1] for event in batches)
    assert [label.text for _, label in view.norm_legend.items] == ["layer 1: gradient = 0",
                                                                   "layer 2"]
    moving = replace(batches[-1], step=batches[-1].step + 1, gradient_norms=(0.5, 0.25))
    view.on_progress(Progress((moving,)))
    view.refresh()
    assert [label.text for _, label in view.norm_legend.items] == ["layer 1", "layer 2"], "a gradient again"


@pytest.mark.parametrize("activation, title, tooltip", [
    ("step", "nothing to saturate: step and sign pass no gradient (φ′ = 0 for z ≠ 0)",
     "they pass no gradient at all"),
    ("sign", "nothing to saturate: step and sign pass no gradient (φ′ = 0 for z ≠ 0)",
     "they pass no gradient at all"),
    ("leaky_relu", "nothing to measure: no sigmoid, tanh, piece-wise linear or ReLU layer", "this network has none")])
def test_gradient_view_says_why_its_shares_plot_is_empty(qtbot, activation, title, tooltip, switch_language):
    """With lecture 000's unit steps the shares' plot was empty and untitled, as if something had failed."""
    experiment = build_experiment("xor", (2,), activation, "binary_cross_entropy", epochs=1)
    view = GradientView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    assert not view.share_curves
    assert view.share_plot.titleLabel.text == title and view.share_plot.titleLabel.isVisible()
    assert tooltip in view.share_plot.toolTip()
    view.on_progress(Progress((), (), inspection.inspect(experiment.network, experiment.dataset)))
    view.refresh()
    assert view.share_plot.titleLabel.text == title, "an inspection keeps it"
    assert view.share_plot.getViewBox().viewRange()[1] == [0.0, 100.0], "not 0 to 0.1 %, as if near 0"
    switch_language("ru")
    assert view.share_plot.titleLabel.text != title, "in the window's language"


def test_gradient_view_says_why_a_saved_history_has_no_norms_until_training_goes_on(qtbot, runs):
    run = runs["digits"]
    untracked = [Progress(tuple(events.BatchFinished(**{**vars(event), "gradient_norms": ()})
                                for event in message.batches), message.epochs) for message in run.messages]
    view = GradientView()
    qtbot.addWidget(view)
    view.show()
    view.reset(run.experiment)
    for message in untracked:
        view.on_progress(message)
    view.refresh()
    assert view.note.text().startswith("No gradient norms for these steps: this run was saved without them")
    assert not view.note.isHidden()
    view.on_progress(next(message for message in reversed(run.messages) if message.batches))  # training on
    view.refresh()
    assert view.note.isHidden()


def test_unit_image_view_tiles_the_first_layers_weights(qtbot, runs):
    run = runs["digits"]
    view = fed_view(qtbot, UnitImageView, run)
    picture = view.image.image
    np.testing.assert_array_equal(picture, mosaic(run.last.unit_images))
    assert picture.shape == (5 * 9 - 1, 5 * 9 - 1)  # 24 units in a 5 × 5 grid of 8 × 8 tiles with gaps
    W = run.experiment.network.layers[0].W
    np.testing.assert_allclose(picture[:8, 9:17], W[:, 1].reshape(8, 8) / np.abs(W[:, 1]).max())


@pytest.mark.parametrize("size", [(640, 900), (1200, 400)])
def test_the_confusion_matrix_fills_its_plot_tall_or_wide(qtbot, runs, size):
    """With square cells, a tall plot showed the matrix between two empty bands, its axes running past it."""
    view = fed_view(qtbot, ConfusionView, runs["digits"])
    view.resize(*size)
    qtbot.waitUntil(lambda: view.graphics.width() > size[0] / 2)
    qtbot.wait(50)
    count = len(runs["digits"].experiment.dataset.class_names)
    for low, high in view.matrix_plot.getViewBox().viewRange():
        assert low == pytest.approx(-0.02 * count, abs=0.05) and high == pytest.approx(1.02 * count, abs=0.05)


def test_confusion_view_shows_shares_counts_and_the_worst_mistakes(qtbot, runs):
    run = runs["digits"]
    view = fed_view(qtbot, ConfusionView, run)
    predictions = run.last.predictions
    np.testing.assert_allclose(view.matrix.image, predictions.shares)
    first_row = view.counts.texts[:10]
    assert [text for _, _, text, _ in first_row] == [str(count) if count else "" for count in predictions.confusion[0]]
    assert [(x, y) for x, y, _, _ in first_row] == [(column + 0.5, 0.5) for column in range(10)], "cell centres"
    worst = predictions.worst[:GALLERY_SIZE]
    np.testing.assert_array_equal(view.shown_rows(), worst)
    pictures = view.gallery_images.image
    second_tile = pictures[:8, 8 + GAP:16 + GAP]  # 8 × 8 images side by side, GAP pixels apart
    np.testing.assert_array_equal(second_tile, 16 * run.experiment.dataset.X_val[worst[1]].reshape(8, 8)), \
        "the pixels in their own units, 0…16"
    x, y, caption, _ = view.captions.texts[1]
    names = run.experiment.dataset.class_names
    assert caption.startswith(f"{names[predictions.true[worst[1]]]} → {names[predictions.predicted[worst[1]]]}")
    assert (x, y) == (8 + GAP + 4, 8 + view.caption_room / 2), "centred under the second image"
    right = np.trace(predictions.confusion) / len(predictions.true)
    last = run.batches[-1]
    assert view.matrix_plot.titleLabel.text == (f"{len(predictions.true)} of {predictions.n_available} validation "
                                                f"examples, {100 * right:.1f} % right"  # as the status bar writes it
                                                f"<br>after step {last.step} (epoch {last.epoch + 1})")


def test_the_confusion_matrix_says_after_which_step_and_epoch_its_weights_are(qtbot, runs, switch_language):
    """It showed weights inspected mid-epoch without saying so, beside the status bar's validation accuracy of the
    last epoch ended: two accuracies that differed, neither saying when it was measured."""
    run = runs["digits"]
    view = fed_view(qtbot, ConfusionView, run, show=False)
    view.reset(run.experiment)
    view.show()
    assert not view.matrix_plot.titleLabel.text.count("after step"), "untrained: no step to name"
    first, second = run.messages[0], run.messages[1]
    # The worker's message: its inspection of the weights its snapshot holds, after its third batch; the
    # window merges it with the next message's batches.
    inspected = first.batches[2]
    merged = Progress(first.batches + second.batches, first.epochs + second.epochs, first.inspection,
                      events.Snapshot(inspected.epoch, inspected.step, {}))
    view.on_progress(merged)
    assert view.matrix_plot.titleLabel.text.endswith(f"<br>after step {inspected.step} (epoch 1)")
    in_second_epoch = next(batch for batch in run.batches if batch.epoch == 1)
    view.on_progress(Progress((in_second_epoch,), (), run.last))  # a replay: the weights after its batches
    assert view.matrix_plot.titleLabel.text.endswith(f"<br>after step {in_second_epoch.step} (epoch 2)")
    view.on_progress(Progress((), (), run.last))  # a weight set by hand while paused: no batch since
    assert view.matrix_plot.titleLabel.text.endswith(f"<br>after step {in_second_epoch.step} (epoch 2)")
    switch_language("ru")
    assert view.matrix_plot.titleLabel.text.endswith(f"<br>после шага {in_second_epoch.step} (эпоха 2)")


def test_the_gallery_writes_tabular_examples_in_their_original_units(qtbot):
    """wine's alcohol of about 14 was written as its standardised 1.43."""
    experiment = build_experiment("wine", hidden=(4,), activation="tanh", loss="softmax_cross_entropy", epochs=1)
    dataset = experiment.dataset
    assert dataset.scaler.method == "standardize"
    view = ConfusionView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    rows = view.shown_rows()
    assert len(rows) > 0, "an untrained network makes mistakes"
    lines = view.text_list.text.split("<br>")
    for row, line in zip(rows, lines):
        alcohol, malic_acid = dataset.scaler.inverse_transform(dataset.X_val[row])[:2]
        assert 11 < alcohol < 15
        assert line.startswith(f"#{row}: alcohol, % = {alcohol:.4g}, malic acid = {malic_acid:.4g}, "), line


def test_a_language_switch_writes_a_views_composed_title_again(qtbot, runs, switch_language):
    view = fed_view(qtbot, ConfusionView, runs["digits"])
    view.finish_drawing()
    assert view.matrix_plot.titleLabel.text.split("<br>")[0].endswith(" % right")
    switch_language("ru")
    title = view.matrix_plot.titleLabel.text.split("<br>")[0]
    assert "примеров (валидация), верно" in title and "," in title.rsplit(" ", 2)[-2], title
    switch_language("en")
    assert view.matrix_plot.titleLabel.text.split("<br>")[0].endswith(" % right")


def test_centred_texts_are_written_at_their_points_at_the_screens_font_size(qtbot):
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    widget.setBackground("w")
    widget.resize(300, 300)
    box = widget.addViewBox()
    texts = CentredTexts(QRectF(0, 0, 10, 10))
    box.addItem(texts)
    box.setRange(QRectF(0, 0, 10, 10), padding=0)
    texts.set_texts([(2.5, 5.0, "8", QColor("black"))])
    widget.show()
    picture = widget.grab().toImage()
    inked = [(x, y) for x in range(picture.width()) for y in range(picture.height())
             if QColor(picture.pixel(x, y)).lightness() < 128]
    centre = box.mapViewToScene(QPointF(2.5, 5.0))
    xs, ys = zip(*inked)
    assert abs(np.mean(xs) - centre.x()) < 3 and abs(np.mean(ys) - centre.y()) < 3
    assert 4 < max(ys) - min(ys) < 30, "a glyph's height in pixels, not 10 % of the plot"


def test_clicking_a_confusion_cell_shows_the_examples_behind_it(qtbot, runs):
    run = runs["digits"]
    view = fed_view(qtbot, ConfusionView, run)
    predictions = run.last.predictions
    off_diagonal = predictions.confusion - np.diag(np.diag(predictions.confusion))
    true_class, predicted_class = np.unravel_index(off_diagonal.argmax(), off_diagonal.shape)
    assert off_diagonal[true_class, predicted_class] > 0
    centre = view.matrix_plot.vb.mapViewToScene(QPointF(predicted_class + 0.5, true_class + 0.5))
    viewport_point = view.graphics.mapFromScene(centre)
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point)
    assert view.selected == (true_class, predicted_class)
    rows = view.shown_rows()
    np.testing.assert_array_equal(rows, predictions.mistakes(true_class, predicted_class)[:GALLERY_SIZE])
    assert np.all(predictions.true[rows] == true_class) and np.all(predictions.predicted[rows] == predicted_class)
    assert f"{run.experiment.dataset.class_names[true_class]} predicted as" in view.gallery_title.text
    view.select_cell(None)
    np.testing.assert_array_equal(view.shown_rows(), predictions.worst[:GALLERY_SIZE])


def test_boundary_view_paints_the_predicted_regions_under_the_data(qtbot, runs):
    run = runs["moons"]
    view = fed_view(qtbot, BoundaryView, run)
    boundary = run.last.boundary
    np.testing.assert_array_equal(view.region.image, region_colours(boundary.labels, boundary.confidence, 2))
    dataset = run.experiment.dataset
    assert len(view.train_points.data) == len(dataset.X_train)
    # In the data's original units, not the standardised ones the network sees.
    assert dataset.scaler.method == "standardize"
    original_train = dataset.scaler.inverse_transform(dataset.X_train)
    np.testing.assert_allclose(view.val_points.data["x"], dataset.scaler.inverse_transform(dataset.X_val)[:, 0])
    np.testing.assert_allclose(view.train_points.data["y"], original_train[:, 1])
    rect = view.region.mapRectToParent(view.region.boundingRect())
    assert rect.left() < original_train[:, 0].min() and rect.right() > original_train[:, 0].max()
    assert rect.top() < original_train[:, 1].min() and rect.bottom() > original_train[:, 1].max()
    header, rows = view.table()
    assert header[:2] == ["x1 (original units)", "x2 (original units)"]
    assert rows[0][:2] == [boundary.x[0], boundary.y[0]]
    view.grab()
    legend = next(item for item in view.graphics.ci.items if isinstance(item, pg.LegendItem))
    assert not legend.sceneBoundingRect().intersects(view.plot.vb.sceneBoundingRect()), \
        "the legend hides no point (in the plot's corner it covered XNOR's (1, 1))"


def test_the_neurons_view_maps_each_unit_over_the_plane_a_row_per_layer(qtbot, runs):
    run = runs["moons"]  # tanh layers of 8 and 6 units
    view = fed_view(qtbot, UnitMapView, run)
    view.refresh()
    maps = run.last.unit_maps
    n = len(maps.y)
    np.testing.assert_array_equal(view.image.image, layer_rows(maps, view.columns)[0])
    picture, tops = layer_rows(maps)  # a line of maps per layer
    assert [caption.toPlainText() for caption in view.captions] == ["layer 1 · Hyperbolic tangent · 8 units · ±1",
                                                                     "layer 2 · Hyperbolic tangent · 6 units · ±1",
                                                                     "output · Softmax · 2 units · ±1"]
    # Layer 2's third unit, top left of its map: the largest y, the smallest x, on tanh's own scale (±1).
    third = maps.maps[1][:, :, 2]
    corner = picture[tops[1], 2 * (n + 1)]
    assert corner == pytest.approx(third[-1, 0], rel=1e-6)
    assert np.isnan(picture[tops[1], 6 * (n + 1)]), "no seventh unit in layer 2: transparent"
    header, rows = view.table()
    assert header == ["layer", "unit", "x1", "x2", "output"] and len(rows) == (8 + 6 + 2) * n * n
    assert rows[0] == [1, 1, float(maps.x[0]), float(maps.y[0]), float(maps.maps[0][0, 0, 0])]


def test_the_neurons_view_wraps_a_layer_s_maps_into_lines_where_that_draws_them_larger(qtbot, runs):
    """Eight maps in one line across a tall view were a thin strip in its middle, with empty space above and below."""
    run = runs["moons"]  # layers of 8, 6 and 2 units
    view = fed_view(qtbot, UnitMapView, run)
    view.resize(600, 900)
    view.refresh()
    qtbot.waitUntil(lambda: view.columns is not None and view.columns < 8)
    maps, columns = run.last.unit_maps, view.columns
    n = len(maps.y)
    picture, tops = layer_rows(maps, columns)
    np.testing.assert_array_equal(view.image.image, picture)
    assert picture.shape[1] == columns * (n + 1) - 1
    first_of_second_line = maps.maps[0][:, :, columns]  # layer 1's unit after the first line, on tanh's ±1
    assert picture[tops[0] + n + 1, 0] == pytest.approx(first_of_second_line[-1, 0], rel=1e-6)
    view.grab()  # the plot takes the picture's range when painted
    screen_pixels_per_map_pixel = 1 / view.plot.vb.viewPixelSize()[0]
    assert screen_pixels_per_map_pixel > 1.5 * view.plot.vb.boundingRect().width() / layer_rows(maps)[0].shape[1], \
        "each map drawn larger than in one line"
    view.resize(1400, 300)  # wide and low: the maps go back into one line
    qtbot.waitUntil(lambda: view.columns == 8)
    np.testing.assert_array_equal(view.image.image, layer_rows(maps)[0])


def test_an_unbounded_layer_s_maps_share_the_layer_s_scale_so_a_weak_unit_looks_weak():
    """Each scaled to its own largest output, a nearly dead unit looked as strong as the others."""
    from types import SimpleNamespace

    strong = np.linspace(-3.0, 3.0, 16, dtype=np.float32).reshape(4, 4)
    layer = np.stack([strong, strong / 100], axis=2)  # a unit a hundred times weaker
    maps = SimpleNamespace(x=np.arange(4.0), y=np.arange(4.0), maps=(layer,), functions=("leaky_relu",))
    picture, (top,) = layer_rows(maps)
    assert np.nanmax(np.abs(picture[top:top + 4, :4])) == pytest.approx(1.0)
    assert np.nanmax(np.abs(picture[top:top + 4, 5:9])) == pytest.approx(0.01)


def test_the_neurons_view_of_a_network_without_hidden_layers_shows_its_output_and_says_why_it_is_straight(qtbot):
    experiment = build_experiment("moons", hidden=(), activation="relu", loss="softmax_cross_entropy", epochs=1)
    view = UnitMapView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    view.refresh()
    assert "no hidden layers" in view.note.text() and view.note.isVisible()
    assert [caption.toPlainText() for caption in view.captions] == ["output · Softmax · 2 units · ±1"]


@pytest.mark.parametrize("language, features, classes", [
    ("en", ("alcohol, %", "proline, mg/l"), ("class 0", "class 1")),
    ("ru", ("спирт, %", "пролин, мг/л"), ("класс 0", "класс 1"))])
def test_wine_s_columns_and_classes_are_named_for_people_in_the_window_s_language(qtbot, language, features,
                                                                                   classes, switch_language):
    """Lab 5's sheet says alcohol and proline (спирт, пролин); the axes read scikit-learn's identifiers."""
    experiment = build_experiment("wine_2d", hidden=(3,), activation="sigmoid", loss="softmax_cross_entropy",
                                  epochs=1)
    switch_language(language)
    boundary, network, confusion = BoundaryView(), NetworkView(), ConfusionView()
    for view in (boundary, network, confusion):
        qtbot.addWidget(view)
        view.reset(experiment)
    assert (boundary.plot.getAxis("bottom").labelText, boundary.plot.getAxis("left").labelText) == features
    legend = [label.text for _, label in boundary.legend.items]
    assert legend[2:] == list(classes), "each class's colour named in the legend"
    assert tuple(label.toPlainText() for label in network.labels) == features + classes
    assert confusion.class_names == classes


def test_the_regression_sets_and_their_surface_speak_russian(qtbot, runs, switch_language):
    from app import display_names

    switch_language("ru")
    assert display_names.label("dataset", "regression_plane") == "Плоскость (регрессия)"
    assert display_names.label("dataset", "multi_gaussian") == "Гауссовы холмы (регрессия)"
    assert PredictionSurfaceView.title == "Поверхность предсказания"
    surface, boundary = PredictionSurfaceView(), BoundaryView()
    for view in (surface, boundary):
        qtbot.addWidget(view)
        assert view.show_test.text() == "Показывать &тестовые данные", "the plane's texts, shared"
    surface.reset(runs["multi_gaussian"].experiment)
    assert surface.plot.titleLabel.text == "Предсказание (поверхность) и цель (точки)"
    assert surface.scale_plot.getAxis("right").labelText == "значение"
    assert [label.text for _, label in surface.legend.items] == ["обучение", "валидация"]
    assert "цвета их целевого значения" in surface.show_test.toolTip()
    assert "цвета их класса" in boundary.show_test.toolTip()
    assert surface.table()[0][2] == "предсказанное значение (в исходных единицах)"
    surface.reset(runs["moons"].experiment)
    assert "данные регрессии с двумя признаками" in surface.note.text()


def test_a_csv_file_s_columns_keep_their_own_names(qtbot, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("alcohol,proline,kind\n" + "".join(f"{i},{i % 7},class_{i % 2}\n" for i in range(40)))
    config = run_config.RunConfig()
    config.data.dataset, config.data.options = "csv", {"path": str(path)}
    view = BoundaryView()
    qtbot.addWidget(view)
    view.reset(Experiment(config))
    assert (view.plot.getAxis("bottom").labelText, view.plot.getAxis("left").labelText) == ("alcohol", "proline")
    samples = [(sample.item.opts["brush"].color().name(), label.text) for sample, label in view.legend.items[2:]]
    assert samples == [(palette.series_color(0).name(), "class_0"), (palette.series_color(1).name(), "class_1")], \
        "a CSV's classes named in the legend, in their colours"


def test_region_colours_are_white_where_undecided_and_tinted_where_sure():
    labels = np.array([[0, 1]])
    picture = region_colours(labels, np.array([[0.5, 1.0]]), 2)
    assert picture[0, 0].tolist() == [255, 255, 255]
    assert picture[0, 1].tolist() != [255, 255, 255]


def value_colour(value: float, limit: float) -> QColor:
    return palette.signed_colormap().map(scale_position(np.array([value]), limit), mode="qcolor")[0]


def test_the_prediction_surface_paints_the_predicted_values_under_points_coloured_by_their_targets(qtbot, runs):
    run = runs["multi_gaussian"]
    view = fed_view(qtbot, PredictionSurfaceView, run)
    view.refresh()
    dataset, surface = run.experiment.dataset, run.last.surface
    assert view.surface is surface and view.plot.titleLabel.text == "Predicted value (surface) and target (points)"
    np.testing.assert_array_equal(view.region.image, surface.values)
    limit = float(np.abs(np.concatenate([dataset.y_train, dataset.y_val, dataset.y_test])).max())
    assert view.limit == pytest.approx(limit) and 0.9 < limit < 1.3, "Playground's targets: about ±1"
    assert view.region.levels.tolist() == pytest.approx([-limit, limit])
    lookup = view.region.lut
    assert lookup[0].tolist() != lookup[-1].tolist()
    blue, yellow = (palette.signed_colormap().map(end, mode="qcolor") for end in (0.0, 1.0))
    assert lookup[0][2] > lookup[0][0] and lookup[-1][0] > lookup[-1][2], "blue below 0, yellow above, as in Neurons"
    assert min(lookup[len(lookup) // 2]) >= 230, "white at 0"
    assert lookup[0].tolist() != [blue.red(), blue.green(), blue.blue()], "lighter than the points"
    np.testing.assert_allclose(np.column_stack(view.train_points.getData()), dataset.plane_points("train"))
    colours = [brush.color().name() for brush in view.train_points.data["brush"]]
    assert colours == [value_colour(target, limit).name() for target in dataset.y_train[:, 0]]
    assert colours[int(np.argmax(np.abs(dataset.y_train)))] in (blue.name(), yellow.name()), "±L in full colour"
    assert view.val_points.data["brush"][0].color().name() == value_colour(dataset.y_val[0, 0], limit).name()
    rect = view.region.mapRectToParent(view.region.boundingRect())
    points = dataset.plane_points("train")
    assert rect.left() < points[:, 0].min() and rect.right() > points[:, 0].max()
    assert rect.top() < points[:, 1].min() and rect.bottom() > points[:, 1].max()
    assert view.plot.getViewBox().state["aspectLocked"] == 1.0, "x₁ and x₂ in the same units: to scale"
    bar = view.scale_bar.image
    assert bar[0, 0] == pytest.approx(-limit) and bar[-1, 0] == pytest.approx(limit)
    assert view.scale_plot.getViewBox().viewRange()[1] == pytest.approx([-limit, limit])
    assert view.scale_plot.getAxis("right").isVisible()
    header, rows = view.table()
    assert header == ["x1 (original units)", "x2 (original units)", "predicted value (original units)"]
    assert rows[0] == [float(surface.x[0]), float(surface.y[0]), float(surface.values[0, 0])]
    assert len(rows) == surface.values.size
    view.grab()
    assert not view.legend.sceneBoundingRect().intersects(view.plot.vb.sceneBoundingRect())


def test_show_test_data_draws_regression_test_points_as_rings_of_their_target_s_colour(qtbot, runs):
    run = runs["multi_gaussian"]
    view = fed_view(qtbot, PredictionSurfaceView, run)
    dataset = run.experiment.dataset
    assert [label.text for _, label in view.legend.items] == ["training", "validation"]
    assert not view.test_points.isVisible()
    view.show_test.click()
    assert view.test_points.isVisible() and [label.text for _, label in view.legend.items] == \
        ["training", "validation", "test"]
    np.testing.assert_allclose(np.column_stack(view.test_points.getData()), dataset.plane_points("test"))
    assert [pen.color().name() for pen in view.test_points.data["pen"]] == \
        [value_colour(target, view.limit).name() for target in dataset.y_test[:, 0]]
    assert "colour of their target" in view.show_test.toolTip()


def test_the_surface_follows_training_and_clips_predictions_beyond_the_scale(qtbot, runs):
    run = runs["multi_gaussian"]
    view = fed_view(qtbot, PredictionSurfaceView, run, show=False)
    first = run.messages[0].inspection.surface
    view.reset(run.experiment)
    view.on_progress(run.messages[0])
    view.show()
    view.refresh()
    np.testing.assert_array_equal(view.region.image, first.values)
    view.on_progress(run.messages[-1])
    view.refresh()
    np.testing.assert_array_equal(view.region.image, run.last.surface.values)
    assert not np.array_equal(first.values, run.last.surface.values), "the network learned between them"


def test_colour_limit_and_scale_position_put_zero_in_the_middle_and_the_largest_target_at_an_end():
    assert colour_limit(np.array([[-0.5], [2.0]])) == 2.0
    assert colour_limit(np.zeros((3, 1))) == 1.0 and colour_limit(np.array([[np.nan], [np.inf]])) == 1.0
    np.testing.assert_allclose(scale_position(np.array([-2.0, 0.0, 1.0, 5.0]), 2.0), [0.0, 0.5, 0.75, 1.0])
    table = surface_lookup_table()
    assert table.shape == (256, 3) and table.dtype == np.uint8 and table.min() > 0


def test_regression_on_the_plane_is_not_claimed_by_the_fitted_curve_nor_the_decision_boundary():
    from core import datasets

    for options in ({}, {"features": ["x1_x2"]}):  # one feature of the points: still their plane
        dataset = datasets.load("regression_plane", **options)
        assert PredictionSurfaceView.applies_to(dataset) and UnitMapView.applies_to(dataset)
        assert not FittedCurveView.applies_to(dataset) and not BoundaryView.applies_to(dataset)
    assert not PredictionSurfaceView.applies_to(datasets.load("sine"))
    assert not PredictionSurfaceView.applies_to(datasets.load("moons"))


def test_the_neurons_view_maps_the_units_of_a_regression_network(qtbot, runs):
    run = runs["multi_gaussian"]
    view = fed_view(qtbot, UnitMapView, run)
    view.refresh()
    np.testing.assert_array_equal(view.image.image, layer_rows(run.last.unit_maps, view.columns)[0])
    captions = [caption.toPlainText() for caption in view.captions]
    assert captions[0] == "layer 1 · Hyperbolic tangent · 8 units · ±1"
    assert captions[1].startswith("output · Identity (linear) · 1 unit · ±") and len(captions) == 2


def test_fitted_curve_view_draws_the_networks_prediction_over_the_data(qtbot, runs):
    run = runs["sine"]
    view = fed_view(qtbot, FittedCurveView, run)
    x, y = view.curve.getOriginalDataset()
    np.testing.assert_array_equal(x, run.last.curve.x)
    np.testing.assert_array_equal(y, run.last.curve.y)
    dataset = run.experiment.dataset
    np.testing.assert_array_equal(view.train_points.getOriginalDataset()[1], dataset.y_train[:, 0])
    # The sine's x ∈ [−π, π] in its own units, not the standardised ±1.7 that made its period look 3.3.
    assert dataset.scaler.method == "standardize"
    points_x = view.train_points.getOriginalDataset()[0]
    np.testing.assert_allclose(points_x, dataset.scaler.inverse_transform(dataset.X_train)[:, 0])
    assert points_x.min() < -3 and points_x.max() > 3
    assert view.table()[0] == ["x (original units)", "network output (original units)"]


def test_a_fitted_curve_of_scaled_targets_is_drawn_in_the_targets_units(qtbot):
    experiment = build_experiment("sine", hidden=(4,), activation="tanh", loss="mse", epochs=1,
                                  data_options={"target_scaling": "standardize"})
    dataset = experiment.dataset
    assert dataset.target_scaler is not None
    view = FittedCurveView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    np.testing.assert_allclose(view.val_points.getOriginalDataset()[1],
                               dataset.target_scaler.inverse_transform(dataset.y_val)[:, 0])
    x, y = view.curve.getOriginalDataset()
    predicted = experiment.network.predict(dataset.scaler.transform(x[:, None]))
    np.testing.assert_allclose(y, dataset.target_scaler.inverse_transform(predicted).reshape(-1), rtol=1e-5)


def test_network_view_draws_every_link_once_and_a_node_per_unit(qtbot, runs):
    run = runs["moons"]
    view = fed_view(qtbot, NetworkView, run)
    n_links = sum(W.size for W, _ in run.last.small_network)
    drawn = sum(len(item.getData()[0]) for item in view.links.values())
    assert drawn == 2 * n_links
    assert len(view.nodes.data) == 2 + 8 + 6 + 2
    strongest = view.links[1, 3].getData()[0].size + view.links[-1, 3].getData()[0].size
    assert strongest >= 2  # the largest weight of each layer is in the top level


def test_network_view_draws_a_weight_s_sign_in_the_signed_map_s_colours_as_the_weights_images_do(qtbot, runs):
    """Links were orange for w > 0 where every other view draws a positive weight olive yellow: one sign, one
    colour. The faintest links (weak weights among many) still show on white."""
    view = fed_view(qtbot, NetworkView, runs["digits"])  # 64 → … : over a thousand links, the faintest drawn
    for sign in (-1, 1):
        for level in range(LEVELS):
            link = view.links[sign, level]
            assert link.getData()[0].size, "every sign and level is drawn"
            assert link.opts["pen"].color().rgb() == palette.signed_color(sign).rgb()
    assert palette.signed_color(-1) == palette.signed_colormap().map(0.0, mode="qcolor")
    assert palette.signed_color(1) == palette.signed_colormap().map(1.0, mode="qcolor")
    n_links = sum(W.size for W, _ in runs["digits"].last.small_network)
    asked = 255 * min(1.0, np.sqrt(400 / n_links)) / LEVELS  # the faintest level's darkening of a pure colour
    for sign in (-1, 1):
        faintest = view.links[sign, 0].opts["pen"].color()
        depth = max((255 - channel) * faintest.alphaF() for channel in faintest.getRgb()[:3])
        assert depth == pytest.approx(asked, abs=1.5), "the weakest links are not lost in the white, either sign"


def test_network_view_keeps_its_unit_labels_while_the_data_s_names_and_units_stay(qtbot, runs):
    """Written anew at every rebuild, the digits' 74 labels took 12 ms of each edit of a layer's units."""
    view = fed_view(qtbot, NetworkView, runs["moons"])  # 2 → 8 → 6 → 2
    labels = list(view.labels)
    view.reset(build_experiment("moons", hidden=(5,), activation="tanh", loss="softmax_cross_entropy", epochs=1))
    assert view.labels == labels, "moved to the new network's input and output units"
    assert [(label.pos().x(), label.pos().y()) for label in labels] == \
        [tuple(view.node_xy[unit]) for unit in (0, 1, 7, 8)]  # 2 → 5 → 2: units 0, 1 in, 7, 8 out
    view.reset(build_experiment("wine_2d", hidden=(4, 4), activation="tanh", loss="softmax_cross_entropy", epochs=1))
    assert not set(view.labels) & set(labels), "other names: new labels"
    assert [label.pos().x() for label in view.labels] == [0, 0, 3, 3]
    assert [label.toPlainText() for label in view.labels[:2]] == ["alcohol, %", "proline, mg/l"]
    assert all(label.scene() is None for label in labels), "the old labels are gone from the plot"


def test_network_view_says_what_its_colours_mean_in_the_window_s_language(qtbot, runs, switch_language):
    """The links' colours were explained only in the guide."""
    view = fed_view(qtbot, NetworkView, runs["moons"])  # 2 → 8 → 6 → 2

    def title() -> str:
        return QTextDocumentFragment.fromHtml(view.plot.titleLabel.text).toPlainText()

    assert title().startswith("2 → 8 → 6 → 2")
    assert "weight > 0" in title() and "weight < 0" in title() and "its bias" in title()
    positive, negative = palette.signed_color(1).name(), palette.signed_color(-1).name()
    assert view.plot.titleLabel.text.index(positive) < view.plot.titleLabel.text.index(negative), \
        "samples in the links' colours"
    switch_language("ru")
    assert "вес > 0" in title() and "вес < 0" in title() and "смещение" in title()


def test_a_network_of_a_few_links_shows_each_weight_and_bias_where_its_link_and_unit_are(qtbot, runs):
    experiment = build_experiment("xnor", hidden=(2,), activation="sigmoid", loss="binary_cross_entropy", epochs=1)
    view = NetworkView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    dense = [layer for layer in experiment.network.layers if hasattr(layer, "n_in")]
    (W1, b1), (W2, b2) = ((layer.W, layer.b) for layer in dense)
    view.show_inspection(inspection.inspect(experiment.network, experiment.dataset))
    view.redraw()
    texts = [label.toPlainText() for label in view.weight_labels]
    assert texts == [f"{value:.3g}" for value in np.concatenate([W1.ravel(), W2.ravel()])]
    assert [label.toPlainText() for label in view.bias_labels] == \
        [f"b = {value:.3g}" for value in np.concatenate([b1, b2])]
    # Every value stands 0.3 of the way along its link (input 1 → hidden unit 2 is the second link).
    start, end = view.node_xy[0], view.node_xy[3]
    np.testing.assert_allclose([view.weight_labels[1].pos().x(), view.weight_labels[1].pos().y()],
                               start + 0.3 * (end - start))
    starts = np.column_stack([view.link_x[0::2], view.link_y[0::2]])
    ends = np.column_stack([view.link_x[1::2], view.link_y[1::2]])
    np.testing.assert_allclose([[label.pos().x(), label.pos().y()] for label in view.weight_labels],
                               starts + 0.3 * (ends - starts))
    assert all(label.isVisible() for label in view.weight_labels)

    view.reset(runs["moons"].experiment)  # 2-8-6-2: 76 links, too many numbers to read
    assert view.weight_labels == [] and view.bias_labels == []


def test_a_network_writes_a_tiny_weight_as_a_power_of_ten_as_the_axes_do(qtbot, switch_language):
    """A weight of 3.2·10⁻⁵ was written 3.2e-05 on its link, beside axes and a status bar that write 3.2·10⁻⁵."""
    experiment = build_experiment("xnor", hidden=(2,), activation="sigmoid", loss="binary_cross_entropy", epochs=1)
    dense = [layer for layer in experiment.network.layers if hasattr(layer, "n_in")]
    dense[0].W[0, 0], dense[1].b[0] = 3.2e-5, -4.5e-6
    view = NetworkView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    view.show_inspection(inspection.inspect(experiment.network, experiment.dataset))
    switch_language("ru")
    view.redraw()
    assert view.weight_labels[0].toPlainText() == "3,2·10⁻⁵"
    assert view.bias_labels[-1].toPlainText() == "b = -4,5·10⁻⁶"


def network_view_drawing(qtbot, experiment, width: int, height: int) -> NetworkView:
    """A Network view of ``width`` × ``height`` showing ``experiment``'s network as it is."""
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    view.reset(experiment)
    view.show_inspection(inspection.inspect(experiment.network, experiment.dataset))
    view.redraw()
    return view


def test_no_value_written_on_a_network_covers_another(qtbot):
    """A 2-4-2 network wrote h2→o1's weight on h3→o0's, both 0.3 of the way along their links."""
    experiment = build_experiment("moons", hidden=(4,), activation="tanh", loss="softmax_cross_entropy", epochs=1)
    view = network_view_drawing(qtbot, experiment, 640, 480)

    def shown_boxes():
        view.grab()  # text items take their size on screen when painted
        return [label.sceneBoundingRect() for label in view.weight_labels + view.bias_labels if label.isVisible()]

    def overlapping(boxes):
        return [(a, b) for index, a in enumerate(boxes) for b in boxes[index + 1:] if a.intersects(b)]

    boxes = shown_boxes()
    assert len(boxes) == 16 + 6 and overlapping(boxes) == []

    view.resize(400, 300)
    qtbot.waitUntil(lambda: view.plot.vb.width() < 400)
    assert overlapping(shown_boxes()) == []
    left_out = [index for index, label in enumerate(view.weight_labels) if not label.isVisible()]
    assert left_out, "too little room for all of them: some are left out rather than written over others"
    header, rows = view.table()
    assert len(rows) == 16 + 6, "the CSV export still has every weight"


def test_the_lowest_units_bias_labels_stay_inside_a_short_plot_and_a_zoom_stays(qtbot):
    """At 1024 × 560 the XNOR network's lowest bias label was cut in half by the plot's bottom edge."""
    experiment = build_experiment("xnor", hidden=(2,), activation="sigmoid", loss="binary_cross_entropy", epochs=1)
    view = network_view_drawing(qtbot, experiment, 600, 640)

    def outside_the_plot():
        view.grab()  # text items take their size on screen when painted
        shown = view.plot.vb.mapRectToScene(view.plot.vb.boundingRect())
        return [label.toPlainText() for label in view.bias_labels + view.weight_labels
                if label.isVisible() and not shown.contains(label.sceneBoundingRect())]

    assert outside_the_plot() == []
    view.resize(600, 300)
    qtbot.waitUntil(lambda: view.plot.vb.height() < 300)
    assert outside_the_plot() == []
    view.plot.vb.scaleBy((0.5, 0.5))  # as the mouse wheel does
    view.plot.vb.sigRangeChangedManually.emit([True, True])
    zoomed, short = view.plot.vb.viewRange(), view.plot.vb.height()
    view.resize(600, 400)
    qtbot.waitUntil(lambda: view.plot.vb.height() > short + 50)
    assert view.plot.vb.viewRange()[1] == pytest.approx(zoomed[1], abs=0.3), "a resize keeps the user's zoom"


def test_the_names_of_the_inputs_and_outputs_stay_inside_the_plot(qtbot, switch_language):
    """Lab 12's 13-6-4-3 wine network cut its Russian feature names at the plot's left edge ("…ость золы" for
    "щёлочность золы", "…олин, мг/л"): the plot kept a fixed 0.35 of a layer beside the inputs, however long
    their names."""
    switch_language("ru")
    experiment = build_experiment("wine", hidden=(6, 4), activation="tanh", loss="softmax_cross_entropy", epochs=1)
    view = network_view_drawing(qtbot, experiment, 1000, 700)

    def outside_the_plot():
        view.grab()  # text items take their size on screen when painted
        shown = view.plot.vb.mapRectToScene(view.plot.vb.boundingRect())
        return [label.toPlainText() for label in view.labels if not shown.contains(label.sceneBoundingRect())]

    assert len(view.labels) == 13 + 3 and outside_the_plot() == []
    view.resize(700, 700)
    qtbot.waitUntil(lambda: view.plot.vb.width() < 700)
    assert outside_the_plot() == []


def test_network_view_explains_why_it_draws_no_links_for_a_wide_layer(qtbot):
    experiment = build_experiment("digits", hidden=(65,), activation="relu", loss="softmax_cross_entropy", epochs=1)
    view = NetworkView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    assert "more than 64 units" in view.note.text()
    assert all(item.getData()[0] is None or len(item.getData()[0]) == 0 for item in view.links.values())


def test_hidden_views_wait_and_draw_when_shown(qtbot, runs):
    run = runs["sine"]
    view = fed_view(qtbot, FittedCurveView, run, show=False)
    assert view.curve.getOriginalDataset()[0] is None
    view.show()
    np.testing.assert_array_equal(view.curve.getOriginalDataset()[1], run.last.curve.y)


def views_in_tabs(qtbot, view_class):
    """Two ``view_class`` views in the tabs of a shown window, after a blank tab, which is shown."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    views = view_class(), view_class()
    tabs.addTab(QWidget(), "blank")
    for number, view in enumerate(views):
        tabs.addTab(view, str(number))
    tabs.resize(700, 520)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs, views


def shown_picture(tabs, view) -> QImage:
    """The view as its tab shows it, every plot revealed."""
    tabs.setCurrentWidget(view)
    view.finish_drawing()
    return view.grab().toImage()


def calls_to(monkeypatch, view, *methods) -> list:
    called = []
    for method in methods:
        original = getattr(view, method)
        monkeypatch.setattr(view, method, lambda *args, method=method, original=original: (
            called.append(method), original(*args))[1])
    return called


@pytest.mark.parametrize("view_class", [LossView, HistogramView, GradientView, ConfusionView, NetworkView])
@pytest.mark.parametrize("trains_while_hidden", [False, True])
def test_a_view_behind_another_tab_prepares_for_a_reset_only_when_shown_and_then_shows_what_it_would_have(
        qtbot, runs, monkeypatch, view_class, trains_while_hidden):
    """Reset on MNIST held the window for 37-74 ms: every view prepared its plots for the fresh network, those
    behind other tabs too. A hidden one now does it when shown (or when the run's progress comes first), and then
    shows what it showed when it prepared them at the Reset (as ``prepared`` still does, told to catch up)."""
    tabs, (prepared, waiting) = views_in_tabs(qtbot, view_class)
    before, run = runs["moons"], runs["digits"]
    for view in (prepared, waiting):  # each has drawn a run of another network before
        tabs.setCurrentWidget(view)
        view.reset(before.experiment)
        view.on_progress(before.messages[-1])
    tabs.setCurrentIndex(0)
    called = calls_to(monkeypatch, waiting, "prepare", "redraw")
    for view in (prepared, waiting):
        view.reset(run.experiment)
    assert called == [], "a view behind another tab neither prepares nor draws at Reset"
    prepared.catch_up()
    if trains_while_hidden:
        for view in (prepared, waiting):
            for message in run.messages:
                view.on_progress(message)
        assert called.count("prepare") == 1, "the run's progress needs the plots made for its network"
    expected = shown_picture(tabs, prepared)
    assert shown_picture(tabs, waiting) == expected
    assert called.count("prepare") == 1 and called[-1] == "redraw"
    assert waiting.table() == prepared.table()


def test_after_a_reset_the_window_prepares_the_views_behind_other_tabs_one_per_turn_of_the_event_loop(
        open_window, qtbot, small_config, monkeypatch):
    """Reset prepares the shown view's plots; the others, left to the run's first frame, took 15-21 ms of it on
    MNIST: each is prepared in a turn of the event loop of its own after the Reset, unless it is shown first."""
    window = open_window(small_config())
    window.resize(1200, 800)
    window.show()
    loss = next(view for view in window.views if isinstance(view, LossView))
    window.start_page.show_views(loss)
    # every page made, shown once to be laid out (see MainWindow._prepare_next_page) and prepared for the run
    qtbot.waitUntil(lambda: len(window.views) == len(all_views()) and not window._pages_to_prepare
                    and not any(view.reset_pending for view in window.views))
    prepared = []
    for view in window.views:
        monkeypatch.setattr(view, "prepare", lambda experiment, view=view, prepare=view.prepare: (
            prepared.append(view), prepare(experiment)))
    window.reset()  # the data is cached and the network small: built at once
    assert prepared == [loss] and not loss.reset_pending
    waiting = [view for view in window.views if view.reset_pending]
    assert {type(view) for view in waiting} >= {HistogramView, GradientView, ConfusionView, NetworkView}
    for _ in waiting:
        before = len(prepared)
        QCoreApplication.processEvents()
        assert len(prepared) == before + 1
    assert prepared == [loss, *waiting] and not any(view.reset_pending for view in window.views)


def test_the_gradient_view_keeps_its_curves_for_a_network_of_the_same_layers_emptied_and_named_afresh(qtbot):
    """Made again at every Reset, the curves and legends took 15-20 ms of the GUI thread on MNIST."""
    experiment, batches, view = gradient_view_of_a_step_network(qtbot)
    curves = list(view.norm_curves)
    assert [label.text for _, label in view.norm_legend.items] == ["layer 1: gradient = 0", "layer 2"]
    view.reset(build_experiment("xor", (2,), "step", "binary_cross_entropy", epochs=3))
    assert view.norm_curves == curves and all(drawn(curve)[0] is None or len(drawn(curve)[0]) == 0
                                              for curve in curves)
    assert [label.text for _, label in view.norm_legend.items] == ["layer 1", "layer 2"]
    view.reset(build_experiment("xor", (2, 2), "step", "binary_cross_entropy", epochs=3))
    assert [label.text for _, label in view.norm_legend.items] == ["layer 1", "layer 2", "layer 3"]


def test_a_view_is_redrawn_only_by_messages_carrying_what_it_keeps(qtbot, runs, monkeypatch):
    run = runs["digits"]
    histograms, loss = fed_view(qtbot, HistogramView, run), fed_view(qtbot, LossView, run)
    redrawn = []
    for view in (histograms, loss):
        monkeypatch.setattr(view, "redraw", lambda view=view: redrawn.append(type(view).__name__))
    batches_only = Progress(run.batches[-3:], (), None, None)
    for view in (histograms, loss):
        view.on_progress(batches_only)
    assert redrawn == ["LossView"], "the histograms are drawn from inspections, which this message lacks"
    histograms.on_progress(Progress((), (), run.last, None))
    assert redrawn == ["LossView", "HistogramView"]


def test_round_up_to_a_round_right_end():
    values = (1, 3, 101, 151, 7001, 123_456, 0.3)
    assert [round_up(value) for value in values] == pytest.approx([1, 3, 150, 200, 7500, 150_000, 0.3])


def test_the_step_axis_grows_in_round_steps_until_the_user_zooms_and_follows_again_on_auto_range(qtbot, runs):
    run = runs["digits"]
    view = LossView()
    qtbot.addWidget(view)
    view.show()
    view.set_training(True)  # the window says so as its run starts
    view.reset(run.experiment)
    for message in run.messages:
        view.on_progress(message)
    newest = run.batches[-1].step
    box = view.loss_plot.getViewBox()
    assert box.viewRange()[0] == pytest.approx([0.0, round_up(newest)])
    assert view.lr_plot.getViewBox().viewRange()[0] == pytest.approx([0.0, round_up(newest)]), "linked plots follow"

    box.setXRange(10, 20, padding=0)  # the user zooms in
    box.sigRangeChangedManually.emit([True, False])
    view.on_progress(Progress(tuple(replace(batch, step=batch.step + 10 * newest) for batch in run.batches[-3:]), ()))
    assert box.viewRange()[0] == pytest.approx([10, 20])

    box.enableAutoRange(x=True)  # the plot's "A" button
    assert box.viewRange()[0] == pytest.approx([0.0, round_up(11 * newest)])
    assert not box.autoRangeEnabled()[0], "auto-range itself would move the axis at every frame"


@pytest.mark.parametrize("view_class, plot", [(LossView, "lr_plot"), (GradientView, "norm_plot")])
def test_the_step_axis_fits_the_steps_of_a_run_that_ended_or_is_shown_ended(qtbot, runs, view_class, plot):
    """It kept the room it grew in: a finished run of 1,230 steps showed an axis to 1,500."""
    run = runs["digits"]
    last = run.batches[-1].step
    assert round_up(last) > 1.1 * last, "a run whose end leaves room on a growing axis"
    view = fed_view(qtbot, view_class, run)  # a run reopened, or Go back: shown with no run going
    box = getattr(view, plot).getViewBox()
    (low, high), pixel = box.viewRange()[0], box.viewPixelSize()[0]
    assert low == 0 and high == pytest.approx(last + END_MARGIN_PIXELS * pixel), "the last step's marks drawn whole"
    view.set_training(True)
    view.reset(run.experiment)
    for message in run.messages:
        view.on_progress(message)
    view.set_training(False)  # paused: the run goes on, and its axis keeps room to grow
    assert box.viewRange()[0] == pytest.approx([0.0, round_up(last)])
    view.on_run_ended()
    assert box.viewRange()[0] == pytest.approx([0.0, last + END_MARGIN_PIXELS * box.viewPixelSize()[0]])


def test_in_the_window_the_step_axis_grows_while_a_run_trains_or_pauses_and_fits_it_once_it_ended(
        open_window, qtbot, small_config):
    window = open_window(small_config(epochs=3))
    view = next(view for view in window.views if isinstance(view, LossView))
    window.resize(1200, 800)
    window.show()
    window.start_page.show_views(view)
    box = view.loss_plot.getViewBox()

    def x_range():
        view.refresh()  # drawn as when shown: the axis has followed the steps
        return box.viewRange()[0]

    with qtbot.waitSignal(window.run_finished, timeout=20_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=5000)
    last = window.steps_done
    assert round_up(last) > 1.1 * last, "a run whose end leaves room on a growing axis"
    assert x_range() == pytest.approx([0.0, last + END_MARGIN_PIXELS * box.viewPixelSize()[0]])

    window.step_epoch()  # trains on from where the run ended, and pauses after an epoch
    # paused, its worker waiting (the weights at rest, which Check gradients waits for)
    qtbot.waitUntil(lambda: window.steps_done > last and window.check_gradients_action.isEnabled(), timeout=10_000)
    assert window.state == "paused"
    qtbot.waitUntil(lambda: view.newest_step == window.steps_done, timeout=5000)
    assert x_range() == pytest.approx([0.0, round_up(window.steps_done)]), "paused, the run goes on"
    with qtbot.waitSignal(window.run_finished, timeout=10_000):
        window.stop_action.trigger()
    qtbot.waitUntil(lambda: window.session is None, timeout=5000)
    assert x_range() == pytest.approx([0.0, window.steps_done + END_MARGIN_PIXELS * box.viewPixelSize()[0]])


def test_the_step_axis_of_a_short_run_ticks_whole_steps_only(qtbot, runs):
    """Lab 4's few steps, or a run not yet started: the steps axis spanned 0 to 2 (or 0 to 1) with ticks at 0.5
    and 1.5, between steps."""
    view = fed_view(qtbot, LossView, runs["digits"])
    axis = view.loss_plot.getAxis("bottom")
    for high in (1.0, 2.0, 7.0):
        view.loss_plot.getViewBox().setXRange(0.0, high, padding=0)
        ticks = [value for level in axis.tick_levels() for value in level]
        assert ticks and all(float(value).is_integer() for value in ticks), (high, ticks)
    view.loss_plot.getViewBox().setXRange(0.0, 800.0, padding=0)
    assert axis.tick_levels()[0] == Axis("bottom").tickValues(0.0, 800.0, axis.width())[0][1], "a long run's as ever"
    assert not view.loss_plot.getAxis("left").whole_numbers, "the loss is no count"


def test_a_value_axis_moves_only_when_values_leave_it_or_fill_less_than_half_of_it(qtbot):
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    axis = ValueAxis(1, widget.addPlot())
    axis.follow((0.5, 2.3))
    low, high = axis.shown
    # At least 5 % of the span free at each end, the ends on multiples of a round step (here 0.2).
    assert low <= 0.5 - 0.05 * 1.8 and high >= 2.3 + 0.05 * 1.8 and high - low <= 1.5 * 1.8
    assert low == pytest.approx(round(low / 0.2) * 0.2) and high == pytest.approx(round(high / 0.2) * 0.2)
    assert axis.boxes[0].viewRange()[1] == pytest.approx([low, high])
    axis.follow((0.45, 2.25))
    assert axis.shown == (low, high), "values moving inside the axis leave it alone"
    axis.follow((0.3, 2.25))
    assert axis.shown[0] < 0.3, "a value below it moves it"
    axis.follow((2.0, 2.25))
    assert axis.shown[1] - axis.shown[0] < 1.0, "values filling less than half of it zoom in"


def test_a_value_axis_keeps_within_its_limits_and_places_a_log_plot_by_decades(qtbot):
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    shares = ValueAxis(1, widget.addPlot(), lowest=0.0, highest=100.0)
    shares.follow((0.0, 100.0))
    assert shares.shown == (0.0, 100.0)
    norms = ValueAxis(1, widget.addPlot(), log=True)
    norms.follow((1e-3, 10.0))
    low, high = norms.shown
    assert low < -3 and 1 < high < 1.6, "log10 of the values, with a margin"
    norms.follow(None)
    assert norms.shown == (low, high), "nothing to show leaves the axis"


def test_a_share_that_stays_near_one_value_is_shown_on_an_axis_of_ten_percentage_points(qtbot):
    """No dead unit at any step read 0 to 0.1 %, as if something measured were near 0."""
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    view = GradientView()
    qtbot.addWidget(view)
    shares = view.value_axes[2]
    assert (shares.lowest, shares.highest, shares.least_span) == (0.0, 100.0, 10.0)
    shares = ValueAxis(1, widget.addPlot(), lowest=0.0, highest=100.0, least_span=10.0)
    shares.follow((0.0, 0.0))
    assert shares.shown == (0.0, 10.0)
    shares.follow((6.0, 8.0))
    assert shares.shown == (0.0, 10.0), "values inside it leave it alone"
    shares.follow((12.0, 13.0))
    assert shares.shown == (10.0, 20.0)
    shares.follow((97.0, 100.0))
    assert shares.shown == (90.0, 100.0), "never past 100 %"
    shares.follow((20.0, 70.0))
    assert shares.shown[0] <= 17.5 and shares.shown[1] >= 72.5 and shares.shown[1] - shares.shown[0] < 70, \
        "a wide spread as any value axis"


def test_the_loss_axis_follows_the_values_until_the_user_zooms_and_again_on_auto_range(qtbot, runs):
    run = runs["digits"]
    view = fed_view(qtbot, LossView, run)
    box = view.loss_plot.getViewBox()
    losses = [event.loss for event in run.batches] + [event.val_loss for event in run.epochs]
    low, high = box.viewRange()[1]
    assert low < min(losses) and max(losses) < high and not box.autoRangeEnabled()[1]
    box.setYRange(1, 2, padding=0)  # the user zooms in
    box.sigRangeChangedManually.emit([False, True])
    view.on_progress(Progress(tuple(replace(batch, loss=10 * high) for batch in run.batches[-3:]), ()))
    assert box.viewRange()[1] == pytest.approx([1, 2])
    box.enableAutoRange(y=True)  # the plot's "A" button
    assert box.viewRange()[1][1] > 10 * high and not box.autoRangeEnabled()[1]


# ----------------------------------------------------------------------------- export
@pytest.mark.parametrize("view_class", all_views())
def test_every_view_exports_png_svg_and_csv(qtbot, runs, tmp_path, view_class):
    name = next(name for name in RUNS if view_class in APPLIES[name])
    view = fed_view(qtbot, view_class, runs[name])
    view.export(tmp_path / "view.png")
    image = QImage(str(tmp_path / "view.png"))
    assert not image.isNull() and image.width() >= 2 * view.graphics.width() - 1  # twice the screen size
    view.export(tmp_path / "view.svg")
    assert ElementTree.parse(tmp_path / "view.svg").getroot().tag.endswith("svg")
    view.export(tmp_path / "view.csv")
    with open(tmp_path / "view.csv", encoding="utf-8-sig") as handle:
        header, *rows = list(csv.reader(handle))
    assert len(header) >= 2 and len(rows) > 0
    assert all(len(row) == len(header) for row in rows)


def test_a_view_shown_again_paints_its_plots_one_per_turn_and_exports_them_all_at_once(qtbot, runs, tmp_path):
    """Painting all of a view's plots in the turn its tab is shown blocked the window for 60-80 ms."""
    view = fed_view(qtbot, HistogramView, runs["digits"])
    plots = list(view.graphics.ci.items)
    assert len(plots) == 4
    qtbot.waitUntil(lambda: all(plot.opacity() == 1 for plot in plots))
    qtbot.wait(100)  # painted: pyqtgraph sizes the axes by their ticks as it first paints them
    view.export(tmp_path / "settled.png")
    view.hide()
    view.show()
    assert [plot.opacity() for plot in plots] == [0, 0, 0, 0], "the turn that shows the tab paints its other widgets"
    revealed = []
    for _ in range(6):
        QCoreApplication.processEvents()
        revealed.append(sum(plot.opacity() == 1 for plot in plots))
    assert revealed == [1, 2, 3, 4, 4, 4], "one more per turn"
    view.hide()
    view.show()
    view.export(tmp_path / "at_once.png")
    assert QImage(str(tmp_path / "at_once.png")) == QImage(str(tmp_path / "settled.png"))


def test_live_curves_and_epoch_symbols_cover_their_plot_and_auto_range_still_fits_their_data(qtbot, runs):
    view = fed_view(qtbot, LossView, runs["digits"])
    box = view.loss_plot.getViewBox()
    live = (view.loss_curves[BATCH], view.loss_curves[SMOOTHED], view.loss_curves[TRAIN].scatter)
    assert all(item.boundingRect() == box.viewRect() for item in live)
    box.setYRange(0, 100, padding=0)
    assert all(item.boundingRect().bottom() == 100 for item in live), "they follow the axes"
    box.autoRange(padding=0)
    losses = np.concatenate([view.loss_curves[BATCH].getData()[1], view.loss_curves[TRAIN].getData()[1]])
    low, high = box.viewRange()[1]
    margin = 0.05 * np.ptp(losses)  # pyqtgraph's room for the pens and symbols
    assert losses.min() - margin < low <= losses.min() and losses.max() <= high < losses.max() + margin


def test_changing_curves_leave_the_axes_alone(qtbot, runs):
    """An item is repainted when what changed overlaps it: the axes must not overlap the plot
    (pyqtgraph's own grid made every axis span its plot, text and all)."""
    view = fed_view(qtbot, LossView, runs["digits"])
    qtbot.wait(50)
    for plot in (view.loss_plot, view.metric_plot, view.lr_plot):
        inside = plot.getViewBox().sceneBoundingRect().adjusted(1, 1, -1, -1)
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            assert plot.getAxis(side).grid, "the grid is on…"
            assert not axis.mapRectToScene(axis.boundingRect()).intersects(inside), "…but not the axes' to draw"


def test_the_grid_lies_on_the_axes_ticks_in_the_colour_faint_ticks_take_on_the_background(qtbot, runs):
    view = fed_view(qtbot, LossView, runs["digits"])
    qtbot.wait(50)
    grid = next(item for item in view.loss_plot.getViewBox().childGroup.childItems() if isinstance(item, TickGrid))
    (pen, lines), *_ = grid.work_out()
    bottom = view.loss_plot.getAxis("bottom")
    assert [line.x1() for line in lines] == bottom.tick_levels()[0] and all(line.x1() == line.x2() for line in lines)
    low, high = view.loss_plot.getViewBox().viewRange()[1]
    assert {(line.y1(), line.y2()) for line in lines} == {(low, high)}, "across the whole plot"
    tick, background = bottom.tickPen().color(), QColor(palette.BACKGROUND)
    assert pen.color().alpha() == 255 and tick.lightness() < pen.color().lightness() < background.lightness()


def test_exported_points_are_drawn_each_in_its_colour_and_at_the_export_s_scale(qtbot, runs, tmp_path):
    view = fed_view(qtbot, BoundaryView, runs["moons"])
    view.export(tmp_path / "view.svg")
    root = ElementTree.parse(tmp_path / "view.svg").getroot()
    images = [element for element in root.iter() if element.tag.endswith("image")]
    assert len(images) == 1, "the heatmap only: each point was a picture of every class's symbol"
    view.export(tmp_path / "view.png")
    image = QImage(str(tmp_path / "view.png"))
    points = view.train_points
    x, y = points.getData()
    distances = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :]) + np.eye(len(x)) * 1e9
    alone = int(np.argmax(distances.min(axis=1)))  # a point no other overlaps
    origin = view.graphics.mapToScene(view.graphics.viewport().rect().topLeft())
    centre = points.getViewBox().mapViewToScene(QPointF(x[alone], y[alone])) - origin
    fill = points.data["brush"][alone].color()
    # 0.7 of the on-screen size from the centre, at twice the size: inside the point (it was outside).
    inside = image.pixelColor(int(2 * centre.x() + 0.7 * points.opts["size"]), int(2 * centre.y()))
    assert max(abs(inside.red() - fill.red()), abs(inside.green() - fill.green()),
               abs(inside.blue() - fill.blue())) < 40, "a point drawn twice as large, as the rest of the figure"


def test_exported_axes_are_lines_and_text(qtbot, runs, tmp_path):
    view = fed_view(qtbot, LossView, runs["digits"])
    view.export(tmp_path / "view.svg")
    root = ElementTree.parse(tmp_path / "view.svg").getroot()
    images = [element for element in root.iter() if element.tag.endswith("image")]
    assert not images, "the symbols too are drawn as shapes (each point held the whole atlas of symbols)"
    scaled = [element.get("transform") for element in root.iter() if "matrix(0.75" in (element.get("transform") or "")]
    assert not scaled, "the axes at the curves' scale (a 72-dpi drawing shrank them to 72/96)"
    texts = "".join(element.text or "" for element in root.iter() if element.tag.endswith("text"))
    assert "loss" in texts and "step" in texts
    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert view.loss_plot.getAxis("left").cacheMode() == cached, "on screen, the axes are pictures again"


def test_a_png_is_twice_the_view_on_screen_however_far_the_scene_once_reached(qtbot, runs, tmp_path):
    view = fed_view(qtbot, LossView, runs["digits"])
    scene = view.graphics.scene()
    far = scene.addRect(QRectF(0, 0, 20_000, 20_000))  # as a diverged curve would
    assert scene.sceneRect().width() >= 20_000
    scene.removeItem(far)
    view.export(tmp_path / "view.png")
    image = QImage(str(tmp_path / "view.png"))
    viewport = view.graphics.viewport()
    assert (image.width(), image.height()) == (2 * viewport.width(), 2 * viewport.height())


def test_loss_csv_holds_the_plotted_points(qtbot, runs, tmp_path):
    run = runs["digits"]
    view = fed_view(qtbot, LossView, run)
    view.export(tmp_path / "loss.csv")
    with open(tmp_path / "loss.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    batch_rows = [row for row in rows if row["series"] == "loss per batch"]
    assert [int(row["step"]) for row in batch_rows] == [event.step for event in run.batches]
    assert float(batch_rows[3]["value"]) == pytest.approx(run.batches[3].loss)


POPUP_LOGS = ("propagateSizeHints", "does not support grabbing the keyboard", "does not support raise")
"""What the offscreen platform says when a menu pops up."""


def right_click(view, plot) -> PlotMenu:
    """Right-click the middle of ``plot`` in ``view``; the menu that opened."""
    centre = view.graphics.mapFromScene(plot.getViewBox().sceneBoundingRect().center())
    QTest.mouseClick(view.graphics.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, centre)
    menus = [menu for menu in view.findChildren(PlotMenu) if menu.isVisible()]
    assert len(menus) == 1, "one menu, ours"
    return menus[0]


@pytest.mark.qt_log_ignore(*POPUP_LOGS)
@pytest.mark.parametrize("view_class", all_views())
def test_a_right_click_on_any_plot_offers_the_view_s_export_not_pyqtgraph_s_menus(qtbot, runs, view_class):
    """pyqtgraph's menus were English in Russian, offered log axes and links the views undo, and its
    "Export…" wrote no SVG of the loss view."""
    name = next(name for name in RUNS if view_class in APPLIES[name])
    view = fed_view(qtbot, view_class, runs[name])
    view.finish_drawing()
    scene = view.graphics.scene()
    boxes = [item for item in scene.items() if isinstance(item, pg.ViewBox)]
    assert boxes and not any(box.menuEnabled() for box in boxes) and scene.contextMenu == []
    plot = next(item for item in scene.items() if isinstance(item, pg.PlotItem))
    menu = right_click(view, plot)
    assert [action.text() for action in menu.actions()][-1] == "Export view…"
    menu.close()


@pytest.mark.qt_log_ignore(*POPUP_LOGS)
def test_the_plot_menu_shows_a_zoomed_plot_whole_and_exports_the_view(qtbot, runs, tmp_path, monkeypatch):
    view = fed_view(qtbot, LossView, runs["sine"])
    box = view.loss_plot.getViewBox()
    followed = box.viewRange()[1]
    box.setYRange(100, 200, padding=0)  # the user zooms
    box.sigRangeChangedManually.emit([False, True])
    menu = right_click(view, view.loss_plot)
    view_all, export = menu.actions()
    assert view_all.text() == "View all"
    view_all.trigger()
    assert box.viewRange()[1] == pytest.approx(followed), "the axis follows the data again"
    chosen = []
    monkeypatch.setattr("app.views.base.ask_save_path", lambda *args: chosen.pop())
    chosen.append(str(tmp_path / "loss.svg"))
    export.trigger()
    assert ElementTree.parse(tmp_path / "loss.svg").getroot().tag.endswith("svg")
    assert view.export_problem.isHidden()
    chosen.append(str(tmp_path / "loss.jpg"))
    export.trigger()
    assert view.export_problem.isVisibleTo(view) and "loss.jpg" in view.export_problem.text()
    menu.close()


@pytest.mark.qt_log_ignore(*POPUP_LOGS)
def test_the_plot_menu_speaks_the_window_s_language(qtbot, runs, switch_language):
    view = fed_view(qtbot, LossView, runs["sine"])
    switch_language("ru")
    menu = right_click(view, view.loss_plot)
    assert [action.text() for action in menu.actions()] == ["Показать всё", "Экспорт вида…"]
    menu.close()


def test_export_refuses_other_file_types(qtbot, runs, tmp_path):
    view = fed_view(qtbot, LossView, runs["sine"])
    with pytest.raises(ValueError, match=r"\.png, \.svg, \.csv"):
        view.export(tmp_path / "view.jpg")


def test_an_image_for_a_folder_that_does_not_exist_is_an_error_not_a_success(qtbot, runs, tmp_path):
    view = fed_view(qtbot, LossView, runs["sine"])
    for suffix in (".png", ".svg"):  # the drawing reported success and wrote nothing
        with pytest.raises(ValueError, match="check that the folder exists"):
            view.export(tmp_path / "missing" / f"view{suffix}")
    draw = DrawView(shipped_model=None)
    qtbot.addWidget(draw)
    with pytest.raises(ValueError, match="check that the folder exists"):
        draw.export(tmp_path / "missing" / "drawing.svg")


# ----------------------------------------------------------------------------- bounded memory
def test_decimating_series_keeps_at_most_its_capacity_and_the_mean():
    series = DecimatingSeries(capacity=64)
    values = np.random.default_rng(0).normal(size=100_000)
    for step, value in enumerate(values):
        series.append(step, value)
    assert len(series) <= 64
    # Every stored point but the last averages the same number of originals, so the means agree; the
    # last averages those not yet making a whole group: the curve reaches the newest step.
    whole = len(values) // series.group
    assert len(series) == whole + 1 and len(values) % series.group
    assert series.y[:whole].mean() == pytest.approx(values[:whole * series.group].mean())
    assert series.y[-1] == pytest.approx(values[whole * series.group:].mean())
    assert series.x[0] == pytest.approx((series.group - 1) / 2)
    assert series.x[-1] == pytest.approx((whole * series.group + len(values) - 1) / 2)


def test_a_curve_is_given_a_series_again_only_when_its_points_changed():
    class Curve:
        def __init__(self):
            self.given = []

        def setData(self, x, y, **options):
            self.given.append((list(x), list(y)))

    series, curve = DecimatingSeries(capacity=2), Curve()
    show(curve, series)
    show(curve, series)
    series.append(1.0, 10.0)
    show(curve, series)
    show(curve, series)
    series.append(2.0, 20.0)  # full: the two points merge into their mean
    show(curve, series)
    series.append(3.0, 30.0)  # now averaged in pairs: shown alone until its pair comes
    show(curve, series)
    series.append(5.0, 40.0)  # a whole pair: full again, the two merge
    show(curve, series)
    series.clear()
    show(curve, series)
    assert curve.given == [([], []), ([1.0], [10.0]), ([1.5], [15.0]), ([1.5, 3.0], [15.0, 30.0]),
                           ([2.75], [25.0]), ([], [])]


def test_smoother_has_no_start_up_bias():
    smoother = Smoother(beta=0.9)
    assert smoother(2.0) == pytest.approx(2.0)
    assert smoother(4.0) == pytest.approx((0.9 * 0.1 * 2.0 + 0.1 * 4.0) / (1 - 0.81))


def test_buffers_stay_bounded_over_a_long_run(qtbot, runs):
    run = runs["moons"]
    views = [fed_view(qtbot, view_class, run) for view_class in (LossView, GradientView)]
    template_batch, template_epoch = run.batches[0], run.epochs[0]
    step = 0
    for epoch in range(200):  # 200 epochs of 50 batches
        batches = []
        for _ in range(50):
            step += 1
            batches.append(events.BatchFinished(**{**vars(template_batch), "epoch": epoch, "step": step}))
        message = Progress(tuple(batches), (events.EpochFinished(**{**vars(template_epoch), "step": step}),),
                           run.last)
        for view in views:
            view.on_progress(message)
    loss, gradients = views
    for series in (*loss.loss_series, *loss.metric_series, loss.lr_series, *gradients.norm_series,
                   *gradients.share_series.values()):
        assert len(series) <= series.capacity
    assert drawn(loss.loss_curves[BATCH])[0][-1] > 9000


def test_centred_texts_wider_than_their_room_are_drawn_smaller(qapp):
    from PySide6.QtGui import QPainter, QTransform

    def ink_width(max_width):
        texts = CentredTexts(QRectF(0, 0, 100, 100), 8, max_width=max_width)
        texts.set_texts([(50.0, 50.0, "9 → 3 (44 %) and more words", QColor("black"))])
        image = QImage(400, 400, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setTransform(QTransform.fromScale(4, 4))  # 4 screen pixels per unit of the plot
        texts.paint(painter)
        painter.end()
        dark = np.array([[QColor(image.pixel(x, y)).lightness() < 128 for x in range(400)] for y in range(0, 400, 2)])
        columns = np.flatnonzero(dark.any(axis=0))
        return columns[-1] - columns[0] + 1

    assert ink_width(None) > 100  # the text at the screen's size
    assert ink_width(20) <= 20 * 4 + 1  # 20 units = 80 pixels of room: no more ink across than that


def test_a_playground_sized_network_has_its_weights_written_on_its_links(qtbot):
    """TensorFlow Playground's default 2-4-4-2 (32 links) was drawn with no numbers (24 at most)."""
    experiment = build_experiment("moons", hidden=(4, 4), activation="tanh", loss="softmax_cross_entropy", epochs=1)
    view = NetworkView()
    qtbot.addWidget(view)
    view.reset(experiment)
    assert len(view.weight_labels) == 2 * 4 + 4 * 4 + 4 * 2 and len(view.bias_labels) == 4 + 4 + 2


@pytest.mark.parametrize("low, high, pixels", [(0.74, 0.91, 35), (0.74, 0.91, 400), (0.0, 1.0, 30), (-3.0, 250.0, 24)])
def test_an_upright_axis_keeps_its_labels_apart_on_a_short_plot(qtbot, low, high, pixels):
    """The race's accuracy axis at 1366 × 768 (35 pixels) had four labels: 0.75, 0.80, 0.85, 0.90."""
    axis = Axis("left")
    levels = axis.tickValues(low, high, pixels)
    major_spacing, major = levels[0]
    assert len(major) >= 1 and (len(major) - 1) * MIN_PIXELS_PER_LABEL <= pixels
    mantissa = major_spacing / 10 ** np.floor(np.log10(major_spacing))
    assert round(mantissa, 6) in (1, 2, 5)
    assert [spacing for spacing, _ in levels] == sorted((spacing for spacing, _ in levels), reverse=True)
    if pixels >= 300:
        assert levels == pg.AxisItem("left").tickValues(low, high, pixels), "a tall axis is ticked as pyqtgraph does"


def test_an_axis_writes_tiny_and_huge_values_as_powers_of_ten_in_the_window_s_decimals(qtbot, switch_language):
    """Lab 4's hand-set XNOR network has a loss near 4.5·10⁻⁵, as its sheet writes it: the loss axis said 4e-05,
    and its log plots (the gradient norms) said 10⁻⁵."""
    axis = Axis("left")
    assert axis.tickStrings([0.0, 1e-5, 1.5e-5, 4e-5], 1, 1e-5) == ["0", "10⁻⁵", "1.5·10⁻⁵", "4·10⁻⁵"]
    assert axis.tickStrings([5e7, 1e8, 1.5e8], 1, 5e7) == ["5·10⁷", "10⁸", "1.5·10⁸"]
    assert axis.tickStrings([0.5, 1.0, 1.5], 1, 0.5) == ["0.5", "1.0", "1.5"]
    switch_language("ru")
    assert axis.tickStrings([1.5e-5, -2e-5], 1, 1e-5) == ["1,5·10⁻⁵", "-2·10⁻⁵"]


def test_an_axis_that_writes_one_label_as_a_power_of_ten_writes_them_all_so(qtbot, switch_language):
    """pyqtgraph writes a linear axis' numbers below 10⁻³ as "%g" does, scientific only below 10⁻⁴: a loss axis wrote
    0.0001 and 0.00015 above 5·10⁻⁵ (and 800000 under 10⁶)."""
    axis = Axis("left")
    assert axis.tickStrings([0.0, 5e-5, 1e-4, 1.5e-4], 1, 5e-5) == ["0", "5·10⁻⁵", "10⁻⁴", "1.5·10⁻⁴"]
    assert axis.tickStrings([3 * 5e-5 - 1.5e-4, 5e-5], 1, 5e-5) == ["0", "5·10⁻⁵"], "0 off by a rounding error"
    assert axis.tickStrings([8e5, 9e5, 1e6], 1, 1e5) == ["8·10⁵", "9·10⁵", "10⁶"]
    assert axis.tickStrings([1e-4, 2e-4, 3e-4], 1, 1e-4) == ["0.0001", "0.0002", "0.0003"], "none scientific"
    switch_language("ru")
    assert axis.tickStrings([-1.5e-4, -1e-4, -5e-5], 1, 5e-5) == ["-1,5·10⁻⁴", "-10⁻⁴", "-5·10⁻⁵"]


def test_a_log_axis_writes_every_tick_as_a_power_of_ten_in_the_window_s_decimals(qtbot, switch_language):
    """pyqtgraph's own log labels wrote 10⁻⁵ below 10⁻⁴ only: 0.0001, 0.002 and 1 beside it on one loss axis."""
    from app.views.base import DecadeAxis
    from app.views.compare_view import LossAxis

    for axis in (Axis("left"), DecadeAxis("left"), LossAxis("left"), DecadeAxis("bottom")):
        axis.setLogMode(axis.orientation == "bottom", axis.orientation == "left")
        assert axis.tickStrings([-5.0, -4.0, math.log10(2e-3), -1.0, 0.0, math.log10(5.0), 1.0, 12.0], 1, 1) == [
            "10⁻⁵", "10⁻⁴", "2·10⁻³", "10⁻¹", "10⁰", "5·10⁰", "10¹", "10¹²"]
        assert axis.tickStrings([-4.0 - 1e-12, 400.0], 1, 1) == ["10⁻⁴", "10⁴⁰⁰"], "a rounding error, no overflow"
    switch_language("ru")
    assert axis.tickStrings([math.log10(2.5e-3), -12.0], 1, 1) == ["2,5·10⁻³", "10⁻¹²"]


POWER_OF_TEN = r"-?([0-9]+([.,][0-9]+)?·)?10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+"


def drawn_labels(axis: pg.AxisItem) -> list[tuple[QRectF, str]]:
    """The labels ``axis`` draws where it is now, each with its rectangle in the axis' coordinates."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _, text in specs[2]] if specs else []


def assert_written_as_powers_of_ten(axis: pg.AxisItem, low: float, high: float) -> None:
    """Over ``low``…``high`` (logarithms on a log axis) every label but 0 is a power of ten, clear of the title."""
    axis.linkedView().setYRange(low, high, padding=0)
    QCoreApplication.processEvents()
    labels = drawn_labels(axis)
    assert len(labels) >= 3
    assert all(re.fullmatch(POWER_OF_TEN, text) or text == "0" for _, text in labels), [text for _, text in labels]
    if axis.label.isVisible():
        title = axis.label.mapRectToParent(axis.label.boundingRect())
        title_ends = title.right() - axis.label.document().documentMargin()
        assert all(rect.left() >= title_ends for rect, _ in labels), "a label written over the axis' title"


def test_a_log_axis_spanning_less_than_a_decade_writes_the_plain_numbers_that_fit(qtbot, runs, switch_language):
    """A loss from 0.3 to 0.9 read 4·10⁻¹ … 9·10⁻¹, and from 0.3 to 1.2 one lone 10⁰ on the gradient norms'
    axis: the round numbers that fit are written as numbers, 0.3, 0.5, 0.9, in the window's decimals."""
    from app.views.base import DecadeAxis, labels_that_fit, log_tick_candidates
    from app.views.compare_view import CompareView, LossAxis

    gradient_view = fed_view(qtbot, GradientView, runs["digits"])
    compare_view = CompareView()
    qtbot.addWidget(compare_view)
    compare_view.resize(1000, 700)
    compare_view.show()
    qtbot.waitExposed(compare_view)
    axes = [gradient_view.norm_plot.getAxis("left"), compare_view.loss_plot.getAxis("left")]
    assert [type(axis) for axis in axes] == [DecadeAxis, LossAxis] and all(axis.logMode for axis in axes)
    for axis in axes:
        for low, high in ((0.3, 0.9), (0.3, 1.2)):
            axis.linkedView().setYRange(math.log10(low), math.log10(high), padding=0)
            QCoreApplication.processEvents()
            labels = drawn_labels(axis)
            texts = [text for _, text in labels]
            assert len(texts) >= 3 and all(re.fullmatch(r"[01]\.\d", text) for text in texts), (type(axis), texts)
            assert "0.5" in texts and low <= min(map(float, texts)) and max(map(float, texts)) <= high
            rects = [rect for rect, _ in labels]
            assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:]), texts
    switch_language("ru")
    QCoreApplication.processEvents()
    assert "0,5" in [text for _, text in drawn_labels(axes[0])]

    short = pg.PlotWidget(axisItems={"left": DecadeAxis("left")})  # the real axis in a plot 78 pixels tall
    qtbot.addWidget(short)
    short.setLogMode(y=True)
    short.plot([0, 1], [0.3, 0.9])
    short.setYRange(math.log10(0.3), math.log10(0.9), padding=0)
    short.resize(300, 80)
    short.show()
    qtbot.waitExposed(short)
    axis = short.getAxis("left")
    assert axis.height() < 4 * MIN_PIXELS_PER_LABEL, axis.height()
    switch_language("en")
    assert [text for _, text in drawn_labels(axis)] == ["0.3", "0.5", "0.9"], "the roundest, then the ends"
    assert labels_that_fit(log_tick_candidates(math.log10(0.62), math.log10(0.71)), math.log10(0.62),
                           math.log10(0.71), 40) == pytest.approx(np.log10([0.65, 0.7])), "a loss that barely moves"


def test_a_log_axis_spanning_one_decade_writes_plain_numbers(qtbot):
    """Gradient norms from 1 to 10 read 10⁰, 2·10⁰, 5·10⁰, 10¹."""
    from app.views.base import DecadeAxis

    axis = DecadeAxis("left")
    axis.setLogMode(False, True)
    assert axis.tickStrings(np.log10([1, 2, 5, 10]), 1, 1) == ["1", "2", "5", "10"]
    assert axis.tickStrings(np.log10([0.1, 0.2, 0.5, 1]), 1, 1) == ["0.1", "0.2", "0.5", "1.0"]
    assert axis.tickStrings([-1.0, 0.0, 1.0], 1, 1) == ["10⁻¹", "10⁰", "10¹"], "two decades stay powers of ten"
    assert axis.tickStrings(np.log10([1e4, 2e4, 5e4, 1e5]), 1, 1) == ["10⁴", "2·10⁴", "5·10⁴", "10⁵"], \
        "numbers that long stay powers of ten"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_views_log_and_linear_value_axes_write_small_numbers_one_way(qtbot, runs, language, switch_language):
    """A log loss axis wrote 0.0001 beside 10⁻⁵, a linear one 0.0001 above 5·10⁻⁵."""
    from app.views.compare_view import CompareView

    loss_view = fed_view(qtbot, LossView, runs["digits"])
    gradient_view = fed_view(qtbot, GradientView, runs["digits"])
    compare_view = CompareView()
    qtbot.addWidget(compare_view)
    compare_view.resize(1000, 700)
    compare_view.show()
    for view in (loss_view, gradient_view, compare_view):
        qtbot.waitExposed(view)
    switch_language(language)
    assert_written_as_powers_of_ten(loss_view.loss_plot.getAxis("left"), 0.0, 2e-4)
    assert_written_as_powers_of_ten(gradient_view.norm_plot.getAxis("left"), -6.0, 0.5)
    compare_axis = compare_view.loss_plot.getAxis("left")
    assert compare_view.log_scale.isChecked()
    assert_written_as_powers_of_ten(compare_axis, -6.0, 0.5)
    assert_written_as_powers_of_ten(compare_axis, -1.4, 0.4)  # 5·10⁻², 10⁻¹, 2·10⁻¹, …
    compare_view.log_scale.setChecked(False)
    assert_written_as_powers_of_ten(compare_axis, 0.0, 2e-4)


def test_an_upright_axis_over_nearly_every_float_falls_back_to_pyqtgraph_s_ticks(qtbot):
    levels = Axis("left").tickValues(0.0, 1e308, 5)  # (an axis spanning ±1.7e308 overflows in pyqtgraph itself)
    assert all(math.isfinite(spacing) for spacing, _ in levels), "an infinite spacing raised inside paint"
    assert levels == pg.AxisItem("left").tickValues(0.0, 1e308, 5)


def test_show_test_data_draws_the_test_points_as_rings_names_them_and_exports_them(qtbot, runs, tmp_path):
    """TensorFlow Playground's "Show test data": off at first; on, the test split in its classes' colours,
    hollow so that the predicted region shows through."""
    run = runs["moons"]
    view = fed_view(qtbot, BoundaryView, run)
    dataset = run.experiment.dataset

    def legend():
        return [label.text for _, label in view.legend.items]

    def drawn():
        return [item for item in view.plot.items if isinstance(item, pg.ScatterPlotItem) and item.isVisible()]

    assert not view.show_test.isChecked() and legend() == ["training", "validation", "0", "1"]
    assert drawn() == [view.train_points, view.val_points]
    training_points = view.train_points.getData()
    view.export(tmp_path / "without.png")
    view.show_test.click()
    assert legend() == ["training", "validation", "test", "0", "1"]
    assert drawn() == [view.train_points, view.val_points, view.test_points]
    np.testing.assert_allclose(np.column_stack(view.test_points.getData()),
                               dataset.scaler.inverse_transform(dataset.X_test))
    assert [pen.color().name() for pen in view.test_points.data["pen"]] == \
        [palette.series_color(label).name() for label in dataset.y_test]
    assert view.test_points.opts["brush"].style() == Qt.BrushStyle.NoBrush
    np.testing.assert_array_equal(view.train_points.getData(), training_points)

    view.export(tmp_path / "with.png")
    every_x, every_y = (np.concatenate(values) for values in zip(*(item.getData() for item in drawn())))
    x, y = view.test_points.getData()
    distances = np.hypot(x[:, None] - every_x, y[:, None] - every_y)
    distances[distances == 0] = np.inf
    alone = int(np.argmax(distances.min(axis=1)))  # a test point no other point overlaps
    origin = view.graphics.mapToScene(view.graphics.viewport().rect().topLeft())
    centre = view.test_points.getViewBox().mapViewToScene(QPointF(x[alone], y[alone])) - origin
    ring = palette.series_color(int(dataset.y_test[alone]))
    on_ring = (int(2 * (centre.x() + view.test_points.opts["size"] / 2)), int(2 * centre.y()))

    def near_ring(image, pixel):
        colour = image.pixelColor(*pixel)
        return max(abs(colour.red() - ring.red()), abs(colour.green() - ring.green()),
                   abs(colour.blue() - ring.blue())) < 40

    with_test, without = QImage(str(tmp_path / "with.png")), QImage(str(tmp_path / "without.png"))
    assert near_ring(with_test, on_ring) and not near_ring(without, on_ring)
    assert not near_ring(with_test, (int(2 * centre.x()), int(2 * centre.y()))), "hollow"
    view.show_test.click()
    assert legend() == ["training", "validation", "0", "1"] and drawn() == [view.train_points, view.val_points]


@pytest.mark.parametrize("dataset, options, legend", [
    ("xor", {}, ["training and validation (the same points)", "0", "1"]),
    ("xnor", {}, ["training and validation (the same points)", "0", "1"]),
    ("xor", {"n_samples": 40, "noise": 0.1}, ["training", "validation", "0", "1"])])
def test_a_truth_table_s_legend_names_only_the_points_seen(qtbot, dataset, options, legend):
    """The truth table validates on its four training points: the triangles hid every circle, and the legend still
    named training circles. A cloud of points around its corners is split, and both are seen."""
    experiment = build_experiment(dataset, (2,), "tanh", "binary_cross_entropy", epochs=1, data_options=options)
    view = BoundaryView()
    qtbot.addWidget(view)
    view.reset(experiment)
    assert [label.text for _, label in view.legend.items] == legend
    view.show_test.click()
    assert [label.text for _, label in view.legend.items] == [*legend[:-2], "test", *legend[-2:]]


def test_the_plane_of_like_features_is_drawn_to_scale_and_discretized_on_request(qtbot, runs):
    """Circles looked like ellipses (the y axis squeezed 1.7×); Playground's "Discretize output" was missing."""
    run = runs["moons"]
    view = fed_view(qtbot, BoundaryView, run)
    view.refresh()
    assert view.plot.getViewBox().state["aspectLocked"] == 1.0, "x and y in the same units: to scale"
    boundary = run.last.boundary
    np.testing.assert_array_equal(view.region.image, region_colours(boundary.labels, boundary.confidence, 2))
    view.discretize.click()
    sure = region_colours(boundary.labels, np.ones(boundary.labels.shape), 2)
    np.testing.assert_array_equal(view.region.image, sure)
    assert len(np.unique(sure.reshape(-1, 3), axis=0)) == len(np.unique(boundary.labels)), "one colour per class"
    wine = build_experiment("wine_2d", hidden=(3,), activation="sigmoid", loss="softmax_cross_entropy", epochs=1)
    view.reset(wine)
    assert not view.plot.getViewBox().state["aspectLocked"], "alcohol (11–15) and proline (278–1680) stretched"


def test_the_boundary_of_featured_points_draws_them_on_their_plane(qtbot):
    """x₁² and x₂² as the only inputs (Playground's circle without hidden layers): the plane is still drawn."""
    experiment = build_experiment("circles", hidden=(), activation="relu", loss="softmax_cross_entropy", epochs=1,
                                  data_options={"features": ["x1_squared", "x2_squared"]})
    dataset = experiment.dataset
    assert BoundaryView.applies_to(dataset) and UnitMapView.applies_to(dataset)
    view = BoundaryView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    np.testing.assert_allclose(np.column_stack(view.train_points.getData()), dataset.plane_points("train"))
    assert (view.plot.getAxis("bottom").labelText, view.plot.getAxis("left").labelText) == ("x₁", "x₂")


def test_the_neurons_view_draws_the_inputs_of_featured_points_first(qtbot):
    """Playground draws its features (x₁², sin x₁ …) beside the neurons; without hidden layers the view was empty."""
    experiment = build_experiment("circles", hidden=(), activation="relu", loss="softmax_cross_entropy", epochs=1,
                                  data_options={"features": ["x1_squared", "x2_squared"]})
    view = UnitMapView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    view.refresh()
    maps = view.maps
    assert maps.inputs.shape == (48, 48, 2) and [m.shape for m in maps.maps] == [(48, 48, 2)]
    assert [caption.toPlainText().split(" · ")[:2] for caption in view.captions] == [["inputs", "x₁², x₂²"],
                                                                                     ["output", "Softmax"]]
    assert "no hidden layers" in view.note.text()
    dataset = experiment.dataset
    np.testing.assert_allclose(maps.inputs[5, 7], dataset.plane_inputs([[maps.x[7], maps.y[5]]])[0], rtol=1e-5)
    header, rows = view.table()
    assert len(rows) == (2 + 2) * 48 * 48 and rows[0][:2] == [0, 1] and rows[-1][:2] == [1, 2]


def test_the_mistakes_of_featured_points_are_listed_by_where_they_lie(qtbot):
    """Given x₁² and x₂², a mistake read "x₁² = 0.0097, x₂² = 0.76": not where it lies on the plane."""
    experiment = build_experiment("circles", hidden=(), activation="relu", loss="softmax_cross_entropy", epochs=1,
                                  data_options={"features": ["x1_squared", "x2_squared", "x1_x2"]})
    view = ConfusionView()
    qtbot.addWidget(view)
    view.show()
    view.reset(experiment)
    view.refresh()
    text = view.text_list.text  # a pyqtgraph LabelItem's text
    assert "x₁ = " in text and "x₂ = " in text and "x₁² =" not in text
