"""The loss-surface playground: a click places the start, the paths descend, gradient descent
zig-zags more on a worse-conditioned quadratic, the animation plays, pauses, steps and exports."""
import csv
import math
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QImage

from app import display_names
from app.views.playground_view import MAX_STEPS, PlaygroundView, contour_segments
from core import surfaces

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def view(qtbot):
    view = PlaygroundView()
    qtbot.addWidget(view)
    view.resize(1300, 750)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.pause()


def click_at(qtbot, view, x, y):
    """A left click on the contour plot where the point (x, y) is drawn."""
    scene_point = view.surface_plot.getViewBox().mapViewToScene(QPointF(x, y))
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.graphics.mapFromScene(scene_point))


def only(view, *methods):
    view.select_methods(methods)


def zigzag(walk) -> float:
    """Length of the path over the distance it covered: 1 when straight, large when it zig-zags."""
    points = np.array(walk.points)
    return np.linalg.norm(np.diff(points, axis=0), axis=1).sum() / np.linalg.norm(points[-1] - points[0])


def test_a_click_places_the_start_and_every_path_descends_on_the_quadratic(qtbot, view):
    view.set_surface("quadratic")
    click_at(qtbot, view, 1.5, -2.0)
    assert view.start_point == pytest.approx((1.5, -2.0), abs=0.05)
    assert view.playing
    view.step(150)
    assert not view.playing
    assert set(view.walks) == {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "newton"}
    for name, walk in view.walks.items():
        np.testing.assert_array_equal(walk.points[0], view.start_point)
        assert walk.stopped is None and walk.losses[-1] < walk.losses[0], name
        assert len(view.path_curves[name].getData()[0]) == walk.steps + 1
    converged = [name for name, walk in view.walks.items() if walk.losses[-1] < 1e-4 * walk.losses[0]]
    assert set(converged) >= {"sgd", "nesterov", "adagrad", "rmsprop", "adam", "newton"}
    legend = [item.text for _, item in view.legend.items]
    assert legend == [display_names.label("optimizer", name) for name in view.walks]
    assert {"SGD", "SGD with momentum", "Newton's method"} <= set(legend)
    plots = [plot.getViewBox() for plot in (view.loss_plot, view.surface_plot)]
    # Laid out once the event loop runs; inside the loss plot, the legend hid its curves.
    qtbot.waitUntil(lambda: not any(view.legend.sceneBoundingRect().intersects(plot.sceneBoundingRect())
                                    for plot in plots), timeout=10_000)
    assert view.step_label.text() == "step 150"


def test_gradient_descent_zigzags_more_as_the_condition_number_grows(qtbot, view):
    view.set_surface("quadratic")
    only(view, "sgd")
    view.set_condition_number(1.0)
    view.rate_edits["sgd"].setText("0.15")  # typed: it stays as κ changes; stable up to κ = 2/0.15 ≈ 13
    view.rate_edits["sgd"].editingFinished.emit()
    ratios = []
    for condition_number in (1.0, 4.0, 8.0, 10.0, 12.0):
        view.set_condition_number(condition_number)
        assert view.surface.condition_number == pytest.approx(condition_number, rel=0.03)
        view.step(120)
        walk = view.walks["sgd"]
        assert walk.losses[-1] < 1e-6 * walk.losses[0]
        ratios.append(zigzag(walk))
    assert view.condition_label.text() == "κ = 12"
    assert ratios[0] == pytest.approx(1.0)
    assert all(later > earlier for earlier, later in zip(ratios, ratios[1:])), ratios
    assert ratios[-1] > 3  # the path is over three times as long as the straight line


def test_a_rate_left_as_suggested_follows_the_condition_number_and_a_typed_one_stays(view):
    """Lab 5 asks for κ = 100 and 1000: gradient descent's suggested 0.15 blew up from κ = 14 on."""
    view.set_surface("quadratic")
    only(view, "sgd", "momentum")
    for condition_number in (100.0, 1000.0):
        view.set_condition_number(condition_number)
        assert view.rate_edits["sgd"].value() == {100: 0.019, 1000: 0.0019}[condition_number]  # best 2/(1 + κ), down
        view.step(300)
        for method in ("sgd", "momentum"):
            walk = view.walks[method]
            assert walk.stopped is None and walk.losses[-1] < walk.losses[0], (condition_number, method)
        assert zigzag(view.walks["sgd"]) > 3, "it zig-zags across the valley"
        assert view.walks["momentum"].losses[-1] < 0.01 * view.walks["sgd"].losses[-1], "momentum, in a valley"
    view.rate_edits["momentum"].setText("0.05")
    view.rate_edits["momentum"].editingFinished.emit()
    view.set_condition_number(10.0)
    assert view.rate_edits["momentum"].value() == 0.05
    assert view.rate_edits["sgd"].value() == 0.18


def test_the_condition_number_reaches_the_thousand_lab_5_asks_for(view):
    view.set_surface("quadratic")
    view.set_condition_number(1000.0)
    assert view.surface.condition_number == pytest.approx(1000.0, rel=0.03)
    assert view.condition_label.text() == "κ = 1000"


def test_play_pause_step_restart_and_speed(qtbot, view):
    view.set_surface("rosenbrock")
    view.speed_slider.setValue(view.speed_slider.maximum())
    assert view.speed() == pytest.approx(300)
    assert view.speed_label.text() == "300 steps/s"
    view.play_button.click()
    assert view.playing and view.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: view.walks["adam"].steps >= 20, timeout=10_000)
    view.play_button.click()
    assert not view.playing and view.play_button.text() == "Play"
    held = view.walks["adam"].steps
    view.step_button.click()
    assert [walk.steps for walk in view.walks.values()] == [held + 1] * len(view.walks)
    view.restart()
    assert all(walk.steps == 0 for walk in view.walks.values())


def test_the_animation_stops_when_every_path_has_stopped(qtbot, view):
    view.set_surface("quadratic")
    only(view, "sgd")
    view.rate_edits["sgd"].setText("0.5")  # > 2/κ: diverges
    view.rate_edits["sgd"].editingFinished.emit()
    view.speed_slider.setValue(view.speed_slider.maximum())
    view.play()
    qtbot.waitUntil(lambda: not view.playing, timeout=10_000)
    assert view.walks["sgd"].stopped.startswith("diverged")
    assert "SGD: diverged at step" in view.stopped_note.text(), "the method's name as the list shows it"
    only(view, "adadelta")  # slow: runs until the step limit
    view.walks["adadelta"].advance(MAX_STEPS - 3)
    view.play()
    qtbot.waitUntil(lambda: not view.playing, timeout=10_000)
    assert view.walks["adadelta"].steps == MAX_STEPS


def test_with_no_method_ticked_play_and_step_are_off_and_the_view_says_to_tick_one(qtbot, view):
    """Every method unticked, Play and Step did nothing (the step stayed 0) and nothing said why."""
    only(view)
    assert not view.play_button.isEnabled() and not view.step_button.isEnabled()
    assert view.step_label.text() == "Tick a method to draw its path from the start point.", "under Play, in sight"
    view.method_checks["adam"].setChecked(True)
    assert view.play_button.isEnabled() and view.step_button.isEnabled() and view.step_label.text() == "step 0"
    view.step_button.click()
    assert view.step_label.text() == "step 1"


def test_with_no_method_ticked_the_contour_plot_keeps_the_surface_s_range_and_the_loss_plot_the_start_s(qtbot, view):
    """Every method unticked, the contour plot took the legend's room and another shape, showing more than the
    surface, and the loss plot kept the last paths' range (10⁻¹³ to 10⁴ after a divergence), empty."""
    view.set_surface("quadratic")
    view.step(30)
    qtbot.wait(200)
    surface_box, loss_box = view.surface_plot.getViewBox(), view.loss_plot.getViewBox()
    shown, size = surface_box.viewRange(), surface_box.size()
    assert loss_box.viewRange()[1][0] < -10, "Newton's method reached the bottom of the valley"
    only(view)
    qtbot.wait(200)
    assert surface_box.size() == size and np.allclose(surface_box.viewRange(), shown)
    start = math.log10(view.surface.loss(np.array(view.start_point)))  # the quadratic's minimum is 0
    assert loss_box.viewRange()[1] == pytest.approx([start - 0.5, start + 0.5]), "as a path's step 0 shows it"
    view.method_checks["sgd"].setChecked(True)
    view.step(30)
    qtbot.wait(200)
    low, high = loss_box.viewRange()[1]
    losses = np.log10(view.walks["sgd"].losses)
    assert low <= losses.min() < losses.max() <= high < losses.max() + 1, "the path's own range again"


def test_export_with_no_method_ticked_says_to_tick_one(view, tmp_path):
    """It said "… (train, race or choose a run first)", the live views' reason, which means nothing here."""
    only(view)
    assert not view.export_buttons.export_to(str(tmp_path / "paths.csv"))
    assert view.export_buttons.problem.text().endswith(
        "There is nothing to export yet: tick a method to draw its path.")
    assert not (tmp_path / "paths.csv").exists()


def test_why_a_path_stopped_is_said_in_the_window_s_language(qtbot, view, switch_language):
    view.set_surface("quadratic")
    only(view, "sgd", "adam")
    view.rate_edits["sgd"].setText("0.5")
    view.rate_edits["sgd"].editingFinished.emit()
    view.rate_edits["adam"].setText("-1")
    view.rate_edits["adam"].editingFinished.emit()
    switch_language("ru")
    view.restart()
    view.step(100)
    view.redraw()
    note = view.stopped_note.text()
    assert "разошёлся" in note and "diverged" not in note
    assert "должно быть" in note and "must be" not in note


def test_a_learning_rate_that_is_not_a_number_is_reported_and_skipped(qtbot, view):
    view.rate_edits["adam"].setText("fast")
    view.rate_edits["adam"].editingFinished.emit()
    assert "adam" not in view.walks and "sgd" in view.walks
    assert "Adam: η must be a number" in view.stopped_note.text()


@pytest.mark.parametrize("name", surfaces.names())
def test_every_surface_shows_its_contours_minima_start_and_rates(qtbot, view, name):
    view.set_surface(name)
    surface = view.surface
    x, y = view.contours.getData()
    (x_low, x_high), (y_low, y_high) = surface.bounds
    finite = np.isfinite(x)
    assert finite.sum() > 100
    tolerance = 1e-9
    assert x_low - tolerance <= x[finite].min() and x[finite].max() <= x_high + tolerance
    assert y_low - tolerance <= y[finite].min() and y[finite].max() <= y_high + tolerance
    assert view.start_point == surface.start
    assert len(view.minima_marks.getData()[0]) == len(surface.minima)
    assert {method: edit.value() for method, edit in view.rate_edits.items()} == surface.learning_rates


def test_a_hidden_playground_draws_its_surface_only_when_shown(qtbot):
    view = PlaygroundView()  # as the window creates it, in a tab not shown
    qtbot.addWidget(view)
    view.set_surface("beale")
    assert len(view.contours.getData()[0]) == 0 and view.background.image is None
    view.show()
    assert view.surface_plot.opacity() == 0 and view.loss_plot.opacity() == 0, "the controls painted first"
    QCoreApplication.processEvents()
    assert view.surface_plot.opacity() == 1 and view.loss_plot.opacity() == 0, "then one plot per turn"
    # The shading a frame after the controls are shown, the contours in the frames after it.
    qtbot.waitUntil(lambda: view.background.image is not None and len(view.contours.getData()[0]) > 0)
    assert view.loss_plot.opacity() == 1
    (x_low, x_high), _ = view.surface.bounds
    x, _ = view.contours.getData()
    assert np.isfinite(x).sum() > 100 and x_low - 1e-9 <= np.nanmin(x) and np.nanmax(x) <= x_high + 1e-9
    assert view.background.image.shape == (160, 160)


def test_export_writes_the_paths_and_the_figure(qtbot, view, tmp_path):
    view.set_surface("himmelblau")
    only(view, "sgd", "newton")
    view.step(25)
    view.export(tmp_path / "paths.csv")
    with open(tmp_path / "paths.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["method", "η (lr)", "λ (weight_decay)", "step", "x", "y", "loss"]
    sgd = [row for row in rows[1:] if row[0] == "SGD"]
    assert len(sgd) == 26 and sgd[0][1:3] == ["0.01", "0.0"]
    assert [row[1:3] for row in rows[1:] if row[0] == "Newton's method"][0] == ["1.0", ""], "no λ: an empty cell"
    walk = view.walks["sgd"]
    assert [float(value) for value in sgd[-1][4:]] == pytest.approx([*walk.points[-1], walk.losses[-1]])
    view.export(tmp_path / "paths.png")
    image = QImage(str(tmp_path / "paths.png"))
    assert not image.isNull() and image.width() >= 800
    view.export(tmp_path / "paths.svg")
    assert ElementTree.parse(tmp_path / "paths.svg").getroot().tag.endswith("svg")


def test_exported_paths_name_each_method_as_the_view_does_with_every_setting_in_the_window_s_language(
        qtbot, view, tmp_path, switch_language):
    """Two exports of momentum, at γ = 0.5 and 0.9, were told apart by nothing: only "momentum" and η were written."""
    view.set_surface("quadratic")
    only(view, "momentum", "rmsprop", "adam")
    view.setting_edits["momentum"].setText("0.5")
    view.setting_edits["momentum"].editingFinished.emit()
    view.step(3)
    switch_language("ru")
    view.export(tmp_path / "paths.csv")
    switch_language("en")
    with open(tmp_path / "paths.csv", encoding="utf-8-sig") as handle:
        header, *rows = csv.reader(handle, delimiter=";")  # a Russian spreadsheet's separators
    assert header[:4] == ["метод", "η (lr)", "γ (momentum)", "ρ (alpha)"]
    assert header[-4:] == ["шаг", "x", "y", "потери"]
    assert {"λ (weight_decay)", "ε (eps)", "β₁, β₂ (betas)", "AMSGrad"} <= set(header)
    first = {row[0]: dict(zip(header, row)) for row in rows if row[header.index("шаг")] == "0"}
    assert set(first) == {"SGD с моментом", "RMSProp", "Adam"}, "named as the view names them, in Russian"
    momentum, rmsprop, adam = first["SGD с моментом"], first["RMSProp"], first["Adam"]
    assert momentum["γ (momentum)"] == "0,5" and momentum["ρ (alpha)"] == ""
    assert rmsprop["ρ (alpha)"] == "0,99" and adam["β₁, β₂ (betas)"] == "0,9; 0,999" and adam["AMSGrad"] == "✗"
    assert len(rows) == 3 * 4


def test_a_lab_chooses_the_surface_its_options_and_the_methods(qtbot, view):
    view.set_surface("quadratic", condition_number=25.0, angle=30.0)
    assert view.surface.condition_number == pytest.approx(25.0, rel=0.03) and view.surface.angle == 30.0
    view.select_methods(["sgd", "newton"])
    assert list(view.walks) == ["sgd", "newton"]
    assert [name for name, check in view.method_checks.items() if check.isChecked()] == ["sgd", "newton"]
    with pytest.raises(ValueError, match="unknown method 'lbfgs'"):
        view.select_methods(["lbfgs"])


def test_contour_segments_trace_a_circle():
    index = np.arange(41, dtype=np.float64)
    values = (index[:, None] - 20.0) ** 2 + (index[None, :] - 20.0) ** 2  # centred at index (20, 20)
    segments = contour_segments(values, 12.0**2)
    radii = np.linalg.norm(segments - 20.0, axis=-1)
    assert np.abs(radii - 12.0).max() < 0.05  # linear interpolation along each cell edge
    length = np.linalg.norm(segments[:, 1] - segments[:, 0], axis=1).sum()
    assert length == pytest.approx(2 * np.pi * 12.0, rel=2e-3)
    # A saddle cell (corners above, below, above, below) gets two segments that do not cross.
    saddle = contour_segments(np.array([[1.0, 0.0], [0.0, 1.0]]), 0.5)
    assert saddle.shape == (2, 2, 2)


def test_the_axis_titles_follow_the_surface_chosen_not_the_previous_one(qtbot, view):
    axis_title = lambda side: view.surface_plot.getAxis(side).labelText  # noqa: E731
    view.set_surface("logistic_regression")
    first, second = view.surface.feature_names
    assert (axis_title("bottom"), axis_title("left")) == (f"w1 ({first})", f"w2 ({second})")
    view.set_surface("rosenbrock")
    assert (axis_title("bottom"), axis_title("left")) == ("x", "y")


def test_each_method_is_named_beside_a_sample_of_its_path_in_the_paths_colour_and_dashes(view):
    dashed = []
    for name, check in view.method_checks.items():
        pen = view.path_curves[name].opts["pen"]
        sample = check.icon().pixmap(24, 12).toImage()
        assert sample.pixelColor(3, 6).rgb() == pen.color().rgb(), name
        if pen.style() != Qt.PenStyle.SolidLine:
            dashed.append(name)
    assert dashed == ["adamw"], "the one method without a colour of its own is told apart by its dashes"


def test_its_numbers_follow_the_language(view, switch_language):
    switch_language("ru")
    view.set_start(0.5, -1.25, play=False)
    assert view.start_label.text().startswith("Начало (0,5; -1,25).")
    view.set_condition_number(2.5)
    condition = view.condition_label.text()
    assert condition.startswith("κ = 2,5") and "." not in condition
    switch_language("en")
    view.set_start(0.5, -1.25, play=False)
    assert view.start_label.text().startswith("Start (0.5, -1.25).")


def test_every_view_s_legend_is_drawn_at_the_plots_scale_and_exported_at_it(qtbot, view, tmp_path):
    """pyqtgraph's legends ignore the scene's scale: an export at twice the size drew them at half."""
    import pyqtgraph as pg

    from app.views import all_views
    from app.views.activation_functions import ActivationFunctionsView
    from app.views.compare_view import CompareView
    from app.views.runs_view import RunsView
    from app.views.variants_view import VariantsView

    from core.config import RunConfig
    from core.experiment import Experiment

    experiment = Experiment(RunConfig())  # the views that make their legends for a run's network
    without_legends = {"UnitImageView", "ConfusionView", "NetworkView"}
    for view_class in (*all_views(), CompareView, VariantsView, ActivationFunctionsView, PlaygroundView, RunsView):
        other = view_class()
        qtbot.addWidget(other)
        other.resize(1000, 700)
        other.show()
        other.reset(experiment)
        QCoreApplication.processEvents()
        legends = [item for item in other.graphics.scene().items() if isinstance(item, pg.LegendItem)]
        assert bool(legends) != (view_class.__name__ in without_legends), view_class.__name__
        assert all(not legend.flags() & legend.GraphicsItemFlag.ItemIgnoresTransformations for legend in legends), \
            view_class.__name__
        for legend in legends:  # each entry a line high: stretched beside a plot, the name sat a line above its sample
            for _, label in legend.items:
                line = label.item.boundingRect().height()
                assert label.sceneBoundingRect().height() < 1.5 * line, (view_class.__name__, label.text)
    qtbot.waitUntil(lambda: view.legend.sceneBoundingRect().top() > 0)
    view.export(tmp_path / "surfaces.png")
    image = QImage(str(tmp_path / "surfaces.png"))
    origin = view.graphics.mapToScene(view.graphics.viewport().rect().topLeft())
    _, label = view.legend.items[-1]
    area = label.sceneBoundingRect().translated(-origin)
    inked = [(x, y) for x in range(int(2 * area.left()), int(2 * area.right()), 2)
             for y in range(int(2 * area.top()), int(2 * area.bottom()), 2)
             if image.pixelColor(x, y) != image.pixelColor(0, 0)]
    assert inked, "the legend's last label drawn where it is on screen, at twice the size"


def test_in_a_narrow_window_the_loss_plot_goes_under_the_surface_and_everything_fits(qtbot, view):
    """At 1024 pixels beside the configuration, the two plots side by side were cut off mid-title."""
    def fits() -> bool:
        room = view.graphics.viewport().rect()
        return all(room.contains(view.graphics.mapFromScene(item.sceneBoundingRect()).boundingRect())
                   for item in (view.surface_plot, view.loss_plot, view.legend))

    beside = view.loss_plot.sceneBoundingRect().left() >= view.surface_plot.sceneBoundingRect().right()
    assert beside and fits()
    view.resize(760, 750)  # still beside the settings (narrower, they are two tabs): the plots narrow
    qtbot.waitUntil(lambda: view.graphics.width() < 400)
    assert not view.beside.tabbed
    QCoreApplication.processEvents()
    assert view.loss_plot.sceneBoundingRect().top() >= view.surface_plot.sceneBoundingRect().bottom()
    assert fits(), "nothing cut off at the view's edge"
    view.resize(1300, 750)
    qtbot.waitUntil(lambda: view.loss_plot.sceneBoundingRect().left() >= view.surface_plot.sceneBoundingRect().right())
    assert fits()


def test_in_a_1024_by_640_window_the_settings_and_the_plots_are_two_tabs_and_play_is_under_both(qtbot, view):
    """Beside the Russian settings, at 1024 × 640 the contour plot was 140 pixels wide."""
    from app import i18n

    i18n.set_language("en")
    try:
        i18n.set_language("ru")
        view.resize(610, 480)  # what a 1024 × 640 window leaves the view
        qtbot.waitUntil(lambda: view.beside.tabbed)
        tabs = view.beside.tabs
        assert [tabs.tabText(index) for index in range(2)] == ["Настройки", "Графики"]
        tabs.setCurrentIndex(0)  # the settings
        assert view.play_button.isVisible() and view.rate_edits["sgd"].isVisible()
        qtbot.mouseClick(view.play_button, Qt.MouseButton.LeftButton)
        assert view.playing and tabs.currentWidget() is view.beside.content, "Play shows the paths"
        assert view.play_button.isVisible(), "and can pause them there"
        qtbot.wait(50)
        box = view.surface_plot.getViewBox().sceneBoundingRect()
        assert box.width() >= 250 and box.height() >= 150, "beside the settings it was 140 pixels wide"
    finally:
        view.pause()
        i18n.set_language("en")
    view.resize(1300, 750)
    qtbot.waitUntil(lambda: not view.beside.tabbed)
    assert view.graphics.isVisible() and view.rate_edits["sgd"].isVisible() and view.play_button.isVisible()


def test_momentum_s_gamma_is_set_beside_its_rate_as_lecture_3_varies_it(qtbot, view):
    view.set_surface("quadratic")
    only(view, "momentum", "rmsprop")
    assert view.setting_edits["momentum"].value() == 0.9 and "sgd" not in view.setting_edits
    view.walks["momentum"].advance(40)
    heavy = zigzag(view.walks["momentum"])
    view.setting_edits["momentum"].setText("0.5")
    view.setting_edits["momentum"].editingFinished.emit()
    assert view.walks["momentum"].optimizer.momentum == 0.5 and view.walks["momentum"].steps == 0
    view.walks["momentum"].advance(40)
    assert zigzag(view.walks["momentum"]) < heavy, "less momentum, less overshoot across the valley"
    view.setting_edits["rmsprop"].setText("1.5")  # ρ must be < 1: said, and the other path goes on
    view.setting_edits["rmsprop"].editingFinished.emit()
    assert "rmsprop" not in view.walks and "momentum" in view.walks
    assert view.stopped_note.text() == "RMSProp: ρ must be < 1.0, got 1.5"


def test_the_loss_axis_labels_only_the_powers_of_ten_and_leaves_the_minor_ticks_unlabelled(view):
    """"10¹ 9 8 7 6 5" were written over one another, and over the axis title, at the start."""
    view.finish_drawing()
    axis = view.loss_plot.getAxis("left")
    low, high = axis.range
    assert math.floor(high) >= math.ceil(low), "a power of ten in view"
    labelled, *minor = axis.tick_levels()
    assert labelled and all(float(value).is_integer() for value in labelled)
    assert minor and axis.style["maxTextLevel"] == 0, "the minor ticks are drawn, not written"


def test_a_short_log_axis_labels_every_few_powers_of_ten_so_that_none_overlap():
    from app.views.base import MIN_PIXELS_PER_LABEL, DecadeAxis

    axis = DecadeAxis("left")
    axis.setLogMode(True)
    labelled, unlabelled = axis.tickValues(-8.2, 2.3, 120)[:2]  # eleven decades in 120 pixels
    spacing = 120 / 10.5 * min(np.diff(labelled[1]))
    assert spacing >= MIN_PIXELS_PER_LABEL and 0.0 in labelled[1], "1 stays labelled"
    assert set(range(-8, 3)) == {round(value) for value in labelled[1] + unlabelled[1] if float(value).is_integer()}
    assert axis.tickValues(-2.0, 1.0, 300)[0][1] == [-2.0, -1.0, 0.0, 1.0], "room enough: every power of ten"


def test_the_loss_plot_counts_whole_steps_from_0_and_grows_in_round_numbers(qtbot, view):
    # Before the first step, the start's one point sat on an axis from −0.4 to 0.4 steps.
    view.set_surface("quadratic")
    view.restart()
    qtbot.wait(50)
    x_range = view.loss_plot.getViewBox().viewRange()[0]
    assert x_range == pytest.approx([0, 10])
    assert view.loss_plot.getAxis("bottom").whole_numbers
    view.step(23)
    assert view.loss_plot.getViewBox().viewRange()[0] == pytest.approx([0, 30])
    view.restart()
    qtbot.wait(50)
    assert view.loss_plot.getViewBox().viewRange()[0] == pytest.approx([0, 10]), "a new start starts the axis anew"
