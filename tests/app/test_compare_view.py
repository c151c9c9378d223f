"""The Compare view: a real race of three optimisers on the digits, drawn, paused, stopped and exported."""
import csv
import json
import math
import re
import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from app import i18n, palette
from app.panels.widgets import VerticalScrollArea, format_number
from app.race_setup import RaceSetup
from app.views.compare_view import (CLOSE_DELTA_E, DIVERGED_COLOUR, DIVERGENCE_MARK_SIZE, EPOCHS,
                                    OFF_SCALE_MARK_SIZE, SECONDS, STEPS, CompareView, LossAxis)
from app.user_guide import GUIDE_FOLDER
from app.views.base import END_MARGIN_PIXELS, MIN_PIXELS_PER_LABEL, round_up
from core import events
from core.config import OptimizerConfig, ScheduleConfig
from core.experiment import Experiment
from core.race import USUAL_RATES, contender_config

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

THREE = [("SGD", OptimizerConfig("sgd", {"lr": 0.1}), ScheduleConfig()),
         ("momentum", OptimizerConfig("momentum", {"lr": 0.05, "momentum": 0.9}), ScheduleConfig()),
         ("Adam", OptimizerConfig("adam", {"lr": 0.01}), ScheduleConfig("step", {"step_size": 1}, "epoch"))]


@pytest.fixture
def view(qtbot, small_config):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.set_config(small_config(epochs=2))
    view.set_contenders(THREE)
    view.show()
    yield view
    view.stop_and_wait()


def race_to_the_end(qtbot, view):
    view.start_button.click()
    assert view.running
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)


def start_a_race_that_runs_on(qtbot, view):
    """Start a race long enough never to end on its own here, and wait until every contender has taken a step."""
    view.epochs.setValue(50)
    view.start_button.click()
    qtbot.waitUntil(lambda: bool(view.summary) and min(steps_done(view)) > 0, timeout=60_000)


def steps_done(view):
    return [summary.steps for summary in view.summary]


def test_a_race_of_three_draws_every_curve_with_the_engines_numbers(qtbot, view, small_config):
    race_to_the_end(qtbot, view)
    assert view.status.text() == "The race is over."
    steps_per_epoch = view._steps_per_epoch
    for index, (train, val_loss, accuracy) in enumerate(view._plot_items):
        assert len(train.getData()[0]) == 2 * steps_per_epoch
        assert list(val_loss.getData()[0]) == [steps_per_epoch, 2 * steps_per_epoch]
        assert len(accuracy.getData()[1]) == 2
    assert [item.text for _, item in view.legend.items] == ["SGD", "momentum", "Adam"]
    legend = view.legend.mapRectToScene(view.legend.boundingRect())
    assert not any(legend.intersects(plot.getViewBox().sceneBoundingRect())
                   for plot in (view.loss_plot, view.val_loss_plot, view.metric_plot)), "it covers no curve"
    # Each contender's validation accuracy is what a solo run of it gives (same start, same batches).
    for index, contender in enumerate(view.contenders):
        solo = Experiment(contender_config(view.race_config(), contender))
        expected = [event.val_metric for event in solo.make_trainer().run() if isinstance(event, events.EpochFinished)]
        assert list(view._plot_items[index][2].getData()[1]) == pytest.approx(expected)
    assert view.summary_table.rowCount() == 3
    assert [view.summary_table.item(row, 5).text() for row in range(3)] == ["completed"] * 3
    target = view.summary[0].target_loss
    assert view.summary_table.horizontalHeaderItem(3).text().endswith(f"{target:.4g}")
    assert [view.summary_table.item(row, 3).text() for row in range(3)] == [
        str(summary.steps_to_target) if summary.steps_to_target is not None else "never" for summary in view.summary]
    best = [summary.best_val_metric for summary in view.summary]
    # an accuracy in percent, as the status bar writes it
    assert [view.summary_table.item(row, 1).text() for row in range(3)] == [f"{100 * value:.1f} %" for value in best]


def test_each_step_s_loss_is_drawn_under_its_average_and_alone_when_an_epoch_is_one_step(qtbot, view, small_config):
    """Only the moving average was drawn, and the steps to the target were counted on it: full-batch SGD
    and momentum took 60 and 27 steps by it, 49 and 13 by their losses."""
    race_to_the_end(qtbot, view)
    solo = Experiment(contender_config(view.race_config(), view.contenders[0]))
    losses = [event.loss for event in solo.make_trainer().run() if isinstance(event, events.BatchFinished)]
    assert list(view._step_loss_items[0].yData) == pytest.approx(losses)  # getData(): log₁₀ on a log axis
    trend = view._plot_items[0][0].yData
    assert len(trend) == len(losses) and trend[-1] != pytest.approx(losses[-1])  # the moving average
    assert view.loss_plot.titleLabel.text == "Training loss: each step and smoothed"
    assert "epoch mean" in view.summary_table.horizontalHeaderItem(3).text()
    view.set_config(small_config(batch_size=5000))  # the whole training set in one batch
    view.epochs.setValue(25)
    race_to_the_end(qtbot, view)
    assert view._steps_per_epoch == 1 and view.loss_plot.titleLabel.text == "Training loss of each step"
    target = view.summary[0].target_loss
    for row, (curves, (trend, _, _)) in enumerate(zip(view.curves, view._plot_items)):
        steps, losses = trend.xData, trend.yData
        assert list(steps) == list(range(1, 26)) and list(losses) == list(curves.loss_by_step.y), "not smoothed"
        assert view._step_loss_items[row].xData is None  # nothing under it
        # (the epoch's mean, loss·n/n, may differ from the loss in its last bit)
        reached = next((str(int(step)) for step, loss in zip(steps, losses) if loss <= target * (1 + 1e-12)), "never")
        assert view.summary_table.item(row, 3).text() == reached


def test_a_race_with_a_schedule_plots_each_contender_s_learning_rate(qtbot, view, tmp_path):
    race_to_the_end(qtbot, view)  # Adam's rate steps down after each epoch; SGD's and momentum's stay
    assert view.rate_plot.isVisible() and view.rate_plot in view.graphics.ci.items
    sgd, _, adam = (item.getData() for item in view._rate_items)
    assert set(sgd[1]) == {0.1}
    steps_per_epoch = view._steps_per_epoch
    assert adam[1][0] == pytest.approx(0.01) and adam[1][-1] == pytest.approx(0.01 * 0.1)
    assert adam[0][-1] == view.summary[2].steps
    view.export(tmp_path / "race.csv")
    with open(tmp_path / "race.csv", encoding="utf-8-sig") as handle:
        rates = [row for row in csv.reader(handle) if row[1] == "learning rate" and row[0] == "Adam"]
    assert float(rates[0][5]) == pytest.approx(0.01) and len(rates) == 2 * steps_per_epoch
    view.set_contenders(THREE[:2])  # constant rates only: no plot for them
    race_to_the_end(qtbot, view)
    assert not view.rate_plot.isVisible() and view.rate_plot not in view.graphics.ci.items
    for language, says in (("en", "When a contender follows a **Schedule**, a fourth plot shows every "
                                   "contender's learning rate"),
                           ("ru", "Если какой-либо участник следует **Расписанию**, четвёртый график показывает "
                                  "скорость обучения всех участников")):
        guide = (GUIDE_FOLDER / f"guide.{language}.md").read_text(encoding="utf-8")
        compare = " ".join(guide.split("{#compare}")[1].split("\n## ")[0].split())  # its lines joined
        assert says in compare, "the guide promised the plot in every race"
        assert "learning rate, against" not in compare and "и скорость обучения — по шагам" not in compare


def test_the_x_axis_switches_between_steps_epochs_and_own_time(qtbot, view):
    race_to_the_end(qtbot, view)
    train = view._plot_items[0][0]
    for key, last in ((STEPS, 2 * view._steps_per_epoch), (EPOCHS, 2.0)):
        view.x_axis.setCurrentIndex(view.x_axis.findData(key))
        assert train.getData()[0][-1] == pytest.approx(last)
    view.x_axis.setCurrentIndex(view.x_axis.findData(SECONDS))
    seconds = train.getData()[0]
    assert 0 < seconds[0] < seconds[-1] and all(math.isfinite(value) for value in seconds)
    # each contender's estimated time (see core.race), the same as the table's seconds per epoch
    assert seconds[-1] == pytest.approx(2 * view.summary[0].seconds_per_epoch)
    assert view.metric_plot.getAxis("bottom").labelText == "computing time (s)"


def test_pausing_holds_every_contender_at_the_same_step(qtbot, view):
    start_a_race_that_runs_on(qtbot, view)
    with qtbot.waitSignal(view.session.paused, timeout=10_000):
        view.pause_button.click()
    held = steps_done(view)
    assert len(set(held)) == 1, held
    assert view.pause_button.text() == "Resume"
    assert [view.summary_table.item(row, 5).text() for row in range(3)] == ["paused"] * 3
    with qtbot.waitSignal(view.session.paused, timeout=10_000):
        view.session.control.step_batch()  # one more batch, for every contender
    assert steps_done(view) == [held[0] + 1] * 3
    with qtbot.waitSignal(view.session.ended, timeout=10_000):
        view.stop_button.click()
    assert [summary.reason for summary in view.summary] == [events.STOPPED] * 3
    assert steps_done(view) == [held[0] + 1] * 3
    assert view.start_button.isEnabled() and not view.stop_button.isEnabled()


def test_while_a_race_runs_it_is_described_and_a_changed_configuration_is_the_next_race_s(qtbot, view, small_config):
    view.epochs.setValue(50)
    racing_on = view.runs_on.text()
    view.start_button.click()
    qtbot.waitUntil(lambda: bool(view.summary), timeout=60_000)
    changed = small_config(epochs=5)
    changed.network.hidden[0].units = 7
    view.set_config(changed)
    assert view.runs_on.text().startswith(racing_on + "\n")
    assert "The next race will run on the workbench's configuration" in view.runs_on.text()
    assert "hidden layers 7" in view.runs_on.text() and view.epochs.value() == 50
    with qtbot.waitSignal(view.session.ended, timeout=10_000):
        view.stop_button.click()
    assert "\n" not in view.runs_on.text() and "hidden layers 7" in view.runs_on.text()
    assert view.epochs.value() == 5  # another network: its configuration's epochs


def test_the_epochs_chosen_here_stay_until_the_data_or_network_changes(qtbot, view, small_config, switch_language):
    view.epochs.setValue(7)
    other_rate = small_config(epochs=4)
    other_rate.optimizer.options["lr"] = 0.02
    view.set_config(other_rate)
    assert view.epochs.value() == 7
    switch_language("ru")
    assert view.epochs.value() == 7
    switch_language("en")
    view.set_contenders(THREE)  # the user's own contenders, on the same configuration
    assert view.epochs.value() == 7
    other_data = small_config(epochs=4)
    other_data.data.dataset = "moons"
    view.set_config(other_data)
    assert view.epochs.value() == 4
    view.set_config(small_config(epochs=6))  # not chosen here: the configuration's number follows
    assert view.epochs.value() == 6
    view.epochs.setValue(7)
    view.set_contenders(THREE, small_config(epochs=9))  # a lab's race, on the same data and network
    assert view.epochs.value() == 9


def test_export_writes_the_curves_and_the_figure(qtbot, view, tmp_path):
    race_to_the_end(qtbot, view)
    view.export(tmp_path / "race.csv")
    with open(tmp_path / "race.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["contender", "series", "step", "epoch", "seconds", "value"]
    steps_per_epoch = view._steps_per_epoch
    for label in ("SGD", "momentum", "Adam"):
        mine = [row for row in rows[1:] if row[0] == label]
        assert len([row for row in mine if row[1] == "training loss (each step)"]) == 2 * steps_per_epoch
        assert [float(row[5]) for row in mine if row[1] == "validation accuracy"] == pytest.approx(
            list(view._plot_items[view.labels.index(label)][2].getData()[1]))
        for series in ("training loss (epoch mean)", "training accuracy (epoch)", "validation loss"):
            assert [int(row[2]) for row in mine if row[1] == series] == [steps_per_epoch, 2 * steps_per_epoch]
    view.export(tmp_path / "race.png")
    image = QImage(str(tmp_path / "race.png"))
    assert not image.isNull() and image.width() >= 800
    view.export(tmp_path / "race.svg")
    assert ElementTree.parse(tmp_path / "race.svg").getroot().tag.endswith("svg")


def test_the_export_keeps_every_step_s_loss_and_rate_as_they_were_and_the_summary_has_a_file_of_its_own(
        qtbot, view, small_config, tmp_path):
    """Past 1024 points the export had averages of neighbouring steps (steps 1.5, 3.5 …), rates averaged
    across a schedule's boundaries (never used), the smoothed loss only, and no epoch means nor summary."""
    view.set_config(small_config(batch_size=2))
    view.set_contenders([THREE[0], ("SGD, halved", OptimizerConfig("sgd", {"lr": 0.1}),
                                    ScheduleConfig("step", {"step_size": 45, "gamma": 0.5}, "step"))])
    view.epochs.setValue(2)
    race_to_the_end(qtbot, view)
    steps = view.summary[0].steps
    assert steps > 1024 and len(view.curves[0].loss_by_step) <= 1024, "the curves drawn stay bounded"
    view.export(tmp_path / "race.csv")
    with open(tmp_path / "race.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))[1:]
    solo = Experiment(contender_config(view.race_config(), view.contenders[1]))
    batches = [event for event in solo.make_trainer().run() if isinstance(event, events.BatchFinished)]
    for series, expected in (("training loss (each step)", [event.loss for event in batches]),
                             ("learning rate", [event.lr for event in batches])):
        exported = [row for row in rows if row[0] == "SGD, halved" and row[1] == series]
        assert [row[2] for row in exported] == [str(step) for step in range(1, steps + 1)]
        assert [float(row[5]) for row in exported] == expected  # as the engine reported them, to the last bit
    assert view.export_buttons.export_to(str(tmp_path / "summary.csv"), view.export_summary)
    with open(tmp_path / "summary.csv", encoding="utf-8-sig") as handle:
        header, *table = list(csv.reader(handle))
    assert header == ["contender", "optimiser", "best validation accuracy", "at epoch", "target loss (epoch mean)",
                      "steps to target loss", "seconds per epoch", "status"]
    assert [row[0] for row in table] == ["SGD", "SGD, halved"] and [row[1] for row in table] == ["SGD"] * 2
    for row, summary in zip(table, view.summary):
        assert float(row[2]) == summary.best_val_metric and float(row[4]) == summary.target_loss
        assert row[5] == str(summary.steps_to_target) and row[7] == "completed"
    assert not view.export_buttons.export_to(str(tmp_path / "summary.txt"), view.export_summary)
    assert ".csv" in view.export_buttons.problem.text()


def test_the_png_export_scales_the_legend_with_the_plots(qtbot, view, tmp_path):
    race_to_the_end(qtbot, view)
    view.export(tmp_path / "race.png")
    image = QImage(str(tmp_path / "race.png"))
    background = image.pixelColor(0, 0)
    origin = view.graphics.mapToScene(view.graphics.viewport().rect().topLeft())
    sample, label = view.legend.items[-1]
    for item in (sample, label):  # where each is on screen, at twice the size: drawn there, not nearer the top
        area = item.sceneBoundingRect().translated(-origin).adjusted(0, 2, 0, -2)
        inked = [(x, y) for x in range(int(2 * area.left()), int(2 * area.right()))
                 for y in range(int(2 * area.top()), int(2 * area.bottom())) if image.pixelColor(x, y) != background]
        assert inked, f"nothing drawn where the legend's {type(item).__name__} is"


def test_a_diverging_contender_is_marked_and_the_others_finish_and_it_reads_in_russian(qtbot, view, switch_language):
    view.set_contenders([*THREE[:2], ("too fast", OptimizerConfig("sgd", {"lr": 1e30}), ScheduleConfig())])
    race_to_the_end(qtbot, view)
    assert [view.summary_table.item(row, 5).text() for row in range(3)] == ["completed", "completed", "diverged"]
    assert "lower learning rate" in view.summary_table.item(2, 5).toolTip()
    assert len(view.curves[2].loss_by_step) < 3 and len(view.curves[0].loss_by_step) == 2 * view._steps_per_epoch
    switch_language("ru")  # why it diverged, in the window's language (app.endings)
    assert "меньшую скорость обучения" in view.summary_table.item(2, 5).toolTip()
    assert view.summary_table.item(2, 5).text() == "разошлось"
    assert "," in view.summary_table.item(0, 1).text()  # the best accuracy, with the decimal comma


def test_the_status_says_how_the_race_ended_stopped_or_every_contender_diverged(qtbot, view, switch_language):
    # "The race is over." followed a Stop, and a race whose every contender diverged, its plots left empty.
    start_a_race_that_runs_on(qtbot, view)
    with qtbot.waitSignal(view.session.ended, timeout=10_000):
        view.stop_button.click()
    assert view.status.text() == "The race was stopped; the curves and the table show it up to then."
    view.set_contenders([(label, OptimizerConfig(name, {"lr": 1e30}), ScheduleConfig())
                         for label, name in (("SGD", "sgd"), ("momentum", "momentum"))])
    race_to_the_end(qtbot, view)
    assert all(summary.diverged for summary in view.summary)
    assert view.status.text().startswith("Every contender diverged")
    switch_language("ru")
    assert view.status.text().startswith("Все участники разошлись")
    switch_language("en")
    view.set_contenders(THREE)
    view.epochs.setValue(2)
    race_to_the_end(qtbot, view)
    assert view.status.text() == "The race is over."


def drawn_whole(view, mark, size) -> bool:
    """Whether ``mark``'s symbol, ``size`` pixels across, lies whole inside the loss plot (not clipped by its edge)."""
    view.grab()  # painted: the x-axis has followed the curves
    box = view.loss_plot.getViewBox()
    (x,), (y,) = mark.getData()
    centre, inside = box.mapViewToScene(QPointF(x, y)), box.sceneBoundingRect()
    return inside.top() <= centre.y() - size / 2 and centre.y() + size / 2 <= inside.bottom() and \
        inside.left() <= centre.x() - size / 2 and centre.x() + size / 2 <= inside.right()


def test_a_diverged_contender_leaves_the_loss_axis_to_the_others_and_is_marked_where_it_diverged(qtbot, view):
    view.set_contenders([*THREE[:2], ("too fast", OptimizerConfig("momentum", {"lr": 1e5}), ScheduleConfig())])
    race_to_the_end(qtbot, view)
    assert view.summary[2].diverged
    diverged, others = view.curves[2].loss_by_step.y, [view.curves[index].loss_by_step.y for index in (0, 1)]
    highest_other = max(float(max(losses)) for losses in others)
    assert max(diverged) > 100 * highest_other  # on its way up, it would have stretched the axis
    top = 10 ** view.loss_plot.getViewBox().viewRange()[1][1]
    assert highest_other <= top < 10 * highest_other
    (x,), (y,) = view._divergence_marks[2].getData()
    diverged_at = view.summary[2].steps + 1
    assert x == diverged_at == view._plot_items[2][0].getData()[0][-1] + 1 and top / 2 < 10 ** y < top, \
        "along the top edge, at the step that diverged"
    assert drawn_whole(view, view._divergence_marks[2], DIVERGENCE_MARK_SIZE), "not cut in half by the edge"
    assert all(mark.getData()[0] is None for mark in view._divergence_marks[:2])
    assert [item.text for _, item in view.legend.items] == ["SGD", "momentum",
                                                            f"too fast (diverged at step {diverged_at})"]
    view.log_scale.setChecked(False)
    assert highest_other <= view.loss_plot.getViewBox().viewRange()[1][1] < 2 * highest_other


def x_ticks(plot):
    view_range = plot.getViewBox().viewRange()[0]
    return [value for _, values in plot.getAxis("bottom").tickValues(*view_range, 600) for value in values]


def test_a_contender_diverging_at_its_first_step_is_marked_in_sight_and_named_so(qtbot, view, switch_language):
    """Its ✕ was at its last finite loss, where every contender's curve starts (or nowhere, with none); and with
    every contender diverged there, the x axis spanned -0.8 to 0.8."""
    view.set_contenders([*THREE[:2], ("too fast", OptimizerConfig("sgd", {"lr": 1e30}), ScheduleConfig())])
    race_to_the_end(qtbot, view)
    assert view.summary[2].diverged and view.summary[2].steps == 0
    (x,), _ = view._divergence_marks[2].getData()
    assert 1 <= x < 2 and drawn_whole(view, view._divergence_marks[2], DIVERGENCE_MARK_SIZE), "moved in whole"
    assert view.loss_plot.getViewBox().viewRange()[0][0] == 0
    assert view.legend.items[2][1].text == "too fast (diverged at step 1)"
    switch_language("ru")
    view.redraw()
    assert view.legend.items[2][1].text == "too fast (разошлось на шаге 1)"
    switch_language("en")

    view.set_contenders([(label, OptimizerConfig(name, {"lr": 1e30}), ScheduleConfig())
                         for label, name in (("SGD", "sgd"), ("momentum", "momentum"))])
    race_to_the_end(qtbot, view)
    for key in (STEPS, EPOCHS):
        view.x_axis.setCurrentIndex(view.x_axis.findData(key))
        low, high = view.loss_plot.getViewBox().viewRange()[0]
        assert low == 0 and high >= 2, (key, low, high)
        for mark in view._divergence_marks:
            (x,), _ = mark.getData()
            assert x == pytest.approx(1 if key == STEPS else 1 / view._steps_per_epoch, abs=high / 50)
            assert drawn_whole(view, mark, DIVERGENCE_MARK_SIZE), key
        assert 1 in x_ticks(view.loss_plot), "a step or an epoch labelled between the ends"


def test_on_the_axis_of_computing_time_a_contender_diverging_at_its_first_step_is_marked_in_sight(qtbot, view):
    """It has no step timed, and had no ✕ at all, its name alone in the legend saying that it diverged."""
    view.set_contenders([*THREE[:2], ("too fast", OptimizerConfig("sgd", {"lr": 1e30}), ScheduleConfig())])
    race_to_the_end(qtbot, view)
    view.x_axis.setCurrentIndex(view.x_axis.findData(SECONDS))
    assert view.summary[2].diverged and view.summary[2].steps == 0
    cross = view._divergence_marks[2]
    assert cross.getData()[0] is not None and drawn_whole(view, cross, DIVERGENCE_MARK_SIZE)
    (x,), _ = cross.getData()
    left, right = view.loss_plot.getViewBox().viewRange()[0]
    assert left == 0 and x < right / 10, "at the start, where it diverged"
    assert view.legend.items[2][1].text == "too fast (diverged at step 1)"


def test_the_x_axis_of_a_race_that_ended_fits_its_steps(qtbot, view):
    """A finished race of 410 steps kept an axis to 500, a fifth of its plots empty, from the room it grew in."""
    race_to_the_end(qtbot, view)
    view.grab()
    last = max(summary.steps for summary in view.summary)
    assert last == max(curves.loss_by_step.x[-1] for curves in view.curves)
    box = view.loss_plot.getViewBox()
    (left, right), pixel = box.viewRange()[0], box.viewPixelSize()[0]
    assert left == 0 and right == pytest.approx(last + END_MARGIN_PIXELS * pixel), "the last step's marks drawn whole"
    assert round_up(last) > 1.1 * last, "a race whose end leaves room on a growing axis"


def test_before_a_race_the_steps_and_epochs_are_ticked_whole(view):
    """They were ticked at 0.2, 0.4 … steps: counts no race has."""
    view.grab()
    for key in (STEPS, EPOCHS):
        view.x_axis.setCurrentIndex(view.x_axis.findData(key))
        for plot in (view.loss_plot, view.val_loss_plot, view.metric_plot):
            ticks = x_ticks(plot)
            assert ticks and all(float(value).is_integer() for value in ticks), (key, ticks)
    view.x_axis.setCurrentIndex(view.x_axis.findData(SECONDS))
    assert not all(float(value).is_integer() for value in x_ticks(view.loss_plot)), "time is not counted"


def test_a_contender_that_does_not_learn_is_marked_off_scale_rather_than_vanishing(qtbot, view, switch_language):
    """Its loss, finite but far above the others', is left out of the axis: nothing said where it went."""
    view.set_contenders([*THREE[:2], ("too fast to learn", OptimizerConfig("sgd", {"lr": 100.0}), ScheduleConfig())])
    race_to_the_end(qtbot, view)
    assert not view.summary[2].learned and not view.summary[2].diverged
    top = 10 ** view.loss_plot.getViewBox().viewRange()[1][1]
    trend = view._plot_items[2][0]
    assert trend.yData[-1] > top
    (x,), (y,) = view._off_scale_marks[2].getData()
    inset = (OFF_SCALE_MARK_SIZE / 2 + 1) * view.loss_plot.getViewBox().viewPixelSize()[0]
    # along the top edge, at its last step (moved in whole from the right edge, where the axis of an ended race stops)
    assert x == pytest.approx(trend.xData[-1], abs=inset) and top / 2 < 10 ** y < top
    assert drawn_whole(view, view._off_scale_marks[2], OFF_SCALE_MARK_SIZE)
    assert all(mark.getData()[0] is None for mark in [*view._off_scale_marks[:2], *view._divergence_marks])
    assert [item.text for _, item in view.legend.items] == ["SGD", "momentum", "too fast to learn (off scale)"]
    statuses = ["completed", "completed", "did not learn"]
    assert [view.summary_table.item(row, 5).text() for row in range(3)] == statuses
    assert [row[-1] for row in view.summary_rows()[1]] == statuses, "the results CSV says so too"
    status = view.summary_table.item(2, 5)
    assert status.foreground().color() == QColor(DIVERGED_COLOUR) and "never fell 10 % below" in status.toolTip()
    assert status.toolTip().startswith("finished 2 epochs"), "how it ended"
    assert view.summary_table.item(0, 5).foreground().color() != QColor(DIVERGED_COLOUR)
    switch_language("ru")
    assert view.legend.items[2][1].text == "too fast to learn (вне шкалы)"
    assert view.summary_table.item(2, 5).text() == "не обучился"
    assert view.summary_rows()[1][2][-1] == "не обучился"
    switch_language("en")
    view.log_scale.setChecked(False)
    view.loss_plot.getViewBox().setYRange(0, 2 * trend.yData[-1])  # zoomed out by hand: in sight, no mark
    assert view._off_scale_marks[2].getData()[0] is None
    assert view.legend.items[2][1].text == "too fast to learn"


def test_contenders_are_edited_within_two_to_eight_and_bad_values_block_the_start(qtbot, view):
    assert view.start_button.isEnabled()
    view.contender_list.setCurrentRow(0)
    view.optimizer_options.controls()["lr"].setText("-1")
    view.optimizer_options.controls()["lr"].editingFinished.emit()
    assert not view.start_button.isEnabled() and "η (lr) must be ≥ 0" in view.problems.text()
    view.optimizer_options.controls()["lr"].setText("0.2")
    view.optimizer_options.controls()["lr"].editingFinished.emit()
    assert view.contenders[0].optimizer.options["lr"] == 0.2 and view.start_button.isEnabled()
    assert view.contenders[0].label == "SGD η=0.2"  # the given label no longer says what it is
    view.optimizer_box.choose("adam")
    assert view.contenders[0].optimizer == OptimizerConfig("adam", {"lr": 0.001})  # Adam's own rate
    assert view.contenders[0].label == "Adam η=0.001" and view.label_edit.text() == "Adam η=0.001"
    view.optimizer_box.choose("adadelta")
    assert view.contenders[0].optimizer.options["lr"] == 1.0
    while view.add_button.isEnabled():
        view.add_button.click()
    assert len(view.contenders) == 8 and len({c.label for c in view.contenders}) == 8
    while view.remove_button.isEnabled():
        view.remove_button.click()
    assert len(view.contenders) == 2
    view.contender_list.setCurrentRow(0)
    view.label_edit.setText(view.contenders[1].label)
    view.label_edit.editingFinished.emit()
    assert not view.start_button.isEnabled() and "own label" in view.problems.text()


def test_a_bad_value_is_marked_at_its_control_and_explained_beside_start(qtbot, view):
    view.contender_list.setCurrentRow(1)
    momentum = view.optimizer_options.controls()["momentum"]
    momentum.setText("1.5")
    momentum.editingFinished.emit()
    assert momentum.property("invalid") and momentum.toolTip().startswith("⚠ must be")
    assert not view.optimizer_options.controls()["lr"].property("invalid")
    assert view.problems.text().startswith(view.contenders[1].label + ": γ (momentum) must be"), \
        "named as the editor's row names it"
    assert view.problems.isVisibleTo(view) and not view.findChild(VerticalScrollArea).isAncestorOf(view.problems), \
        "beside Start, not at the end of the scrolled settings"
    view.contender_list.setCurrentRow(0)
    assert not view.optimizer_options.controls()["lr"].property("invalid"), "the other contender's are fine"
    view.contender_list.setCurrentRow(1)
    assert view.optimizer_options.controls()["momentum"].property("invalid")


def test_an_unknown_hyperparameter_is_the_contender_s_optimiser_s_problem_not_its_learning_rate_s(qtbot, view):
    """A contender set from code with a name its optimiser does not take: the problem was pinned on η."""
    view.set_contenders([THREE[0], ("momentum", OptimizerConfig("momentum", {"lr": 0.05, "foo": 3}), ScheduleConfig())])
    view.contender_list.setCurrentRow(1)
    assert view.problems_found() == ["momentum: SGD with momentum takes only the hyperparameters lr, momentum, "
                                     "weight_decay, got 'foo'"]
    assert not any(control.property("invalid") for control in view.optimizer_options.controls().values())
    assert view.optimizer_box.property("invalid") and "got 'foo'" in view.optimizer_box.toolTip()
    view.contender_list.setCurrentRow(0)
    assert not view.optimizer_box.property("invalid")


def test_a_target_typed_after_the_race_counts_the_steps_again(qtbot, view):
    race_to_the_end(qtbot, view)
    automatic = [view.summary_table.item(row, 3).text() for row in range(3)]
    assert sum(text.isdigit() for text in automatic) >= 2, "most contenders reach the automatic target"
    view.target.setText("1e-9")
    view.target.editingFinished.emit()
    assert [view.summary_table.item(row, 3).text() for row in range(3)] == ["never"] * 3
    assert view.summary_table.horizontalHeaderItem(3).text().endswith("≤ 10⁻⁹"), "as the loss axis writes it, not 1e-09"
    view.target.setText("3")
    view.target.editingFinished.emit()
    assert [view.summary_table.item(row, 3).text() for row in range(3)] == \
        [str(summary.steps_to(3.0)) for summary in view.summary]
    view.target.setText("abc")
    view.target.editingFinished.emit()
    assert view.target.property("invalid")
    assert [view.summary_table.item(row, 3).text() for row in range(3)] == automatic


def test_a_label_follows_the_optimiser_and_rate_unless_the_user_typed_it(qtbot, view):
    view.apply_preset(0)
    assert view.contenders[1].label == "SGD η=0.5"
    view.contender_list.setCurrentRow(1)
    view.optimizer_options.controls()["lr"].setText("0.1")
    view.optimizer_options.controls()["lr"].editingFinished.emit()
    assert view.contenders[1].label == "SGD η=0.1"
    view.optimizer_options.controls()["lr"].setText("0.05")
    view.optimizer_options.controls()["lr"].editingFinished.emit()
    assert view.contenders[1].label == "SGD η=0.05 2"  # the first contender is SGD η=0.05 too
    view.add_button.click()
    assert view.contenders[-1].label == "SGD η=0.05 3"
    view.optimizer_box.choose("adam")
    assert view.contenders[-1].label == "Adam η=0.001"
    view.label_edit.setText("my Adam")
    view.label_edit.editingFinished.emit()
    view.optimizer_options.controls()["lr"].setText("0.01")
    view.optimizer_options.controls()["lr"].editingFinished.emit()
    assert view.contenders[-1].label == "my Adam" and view.contenders[-1].optimizer.options["lr"] == 0.01
    view.add_button.click()
    assert view.contenders[-1].label == "my Adam 2"
    view.schedule_box.choose("cosine")
    assert view.contenders[-1].label == "my Adam 2"
    view.contender_list.setCurrentRow(0)
    view.schedule_box.choose("cosine")
    assert view.contenders[0].label == "SGD η=0.05, Cosine annealing"
    assert view.contenders[1].label == "SGD η=0.05", "the name is free again: no more number"
    listed = [view.contender_list.item(row).text() for row in range(view.contender_list.count())]
    assert [text.split("  (")[0] for text in listed] == [contender.label for contender in view.contenders], \
        "every row of the list says its contender's label, not only the one edited"
    view.contender_list.setCurrentRow(0)
    view.schedule_box.choose("constant")
    assert [contender.label for contender in view.contenders][:2] == ["SGD η=0.05", "SGD η=0.05 2"]
    assert view.contender_list.item(1).text().startswith("SGD η=0.05 2")
    view.remove_button.click()  # the first goes: its twin needs no number any more
    assert view.contenders[0].label == "SGD η=0.05" == view.contender_list.item(0).text().split("  (")[0]


def test_a_default_label_names_every_setting_that_differs_from_its_default(qtbot, view, switch_language):
    """Two Adams with other β were "Adam η=0.001" and "Adam η=0.001 2": the legend could not tell which."""
    view.contender_list.setCurrentRow(2)
    view.schedule_box.choose("constant")
    view.optimizer_box.choose("adam")
    betas = view.optimizer_options.controls()["betas"]
    betas.setText("0.5, 0.9")
    betas.editingFinished.emit()
    assert view.contenders[2].label == "Adam η=0.01, β₁, β₂=(0.5, 0.9)"
    view.optimizer_options.controls()["amsgrad"].setChecked(True)
    assert view.contenders[2].label == "Adam η=0.01, β₁, β₂=(0.5, 0.9), AMSGrad ✓"
    view.schedule_box.choose("step")
    view.schedule_options.controls()["gamma"].setText("0.5")
    view.schedule_options.controls()["gamma"].editingFinished.emit()
    assert view.contenders[2].label.endswith("Step decay, β₁, β₂=(0.5, 0.9), AMSGrad ✓, q=0.5")
    assert view.contender_list.item(2).text().endswith("  (Adam, η 0.01, Step decay)"), "named as the boxes name it"
    switch_language("ru")  # numbers listed as Russian lists them: "(0,5, 0,9)" read as three
    assert "β₁, β₂=(0,5; 0,9)" in view.contenders[2].label and "q=0,5" in view.contenders[2].label
    switch_language("en")
    betas = view.optimizer_options.controls()["betas"]  # the form's, made again in the language switched to
    betas.setText("0.9, 0.999")  # back to Adam's own
    betas.editingFinished.emit()
    assert "β₁" not in view.contenders[2].label


def test_a_default_label_tells_the_momentum_from_the_step_schedule_s_factor(qtbot, view):
    """Both were written γ: momentum 0.5 with the step's own factor and the other way round read alike."""
    view.contender_list.setCurrentRow(1)
    view.schedule_box.choose("step")
    view.schedule_options.controls()["gamma"].setText("0.5")
    view.schedule_options.controls()["gamma"].editingFinished.emit()
    factor_changed = view.contenders[1].label
    view.schedule_options.controls()["gamma"].setText("0.1")
    view.schedule_options.controls()["gamma"].editingFinished.emit()
    view.optimizer_options.controls()["momentum"].setText("0.5")
    view.optimizer_options.controls()["momentum"].editingFinished.emit()
    momentum_changed = view.contenders[1].label
    assert factor_changed == "SGD with momentum η=0.05, Step decay, q=0.5"
    assert momentum_changed == "SGD with momentum η=0.05, Step decay, γ=0.5"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_no_two_settings_of_an_optimiser_and_a_schedule_share_a_symbol(qapp, language, switch_language):
    from app.views.compare_view import setting_symbol
    from core import optimizers, schedules

    switch_language(language)
    for optimizer in optimizers.names():
        for schedule in schedules.names():
            symbols = [setting_symbol("optimizer_hyperparameter", key)
                       for key in optimizers.create(optimizer).hyperparameters]
            symbols += [setting_symbol("hyperparameter", key) for key in schedules.create(schedule).hyperparameters]
            assert len(set(symbols)) == len(symbols), (optimizer, schedule, symbols)


@pytest.mark.parametrize("options, written", [({"amsgrad": "yes"}, 'AMSGrad="yes"'), ({"amsgrad": 0}, "AMSGrad=0"),
                                              ({"betas": "y"}, 'β₁, β₂="y"'), ({"eps": True}, "ε=true")])
def test_a_default_label_writes_a_value_not_of_its_setting_s_kind_as_the_configuration_holds_it(
        qtbot, view, options, written):
    """The text "yes" given for a flag was labelled "AMSGrad=yes", as if ticked; 0 was left out, as if unticked."""
    view.set_contenders([THREE[0], ("Adam", OptimizerConfig("adam", {"lr": 0.01, **options}), ScheduleConfig())])
    view.contender_list.setCurrentRow(1)
    view.optimizer_options.controls()["lr"].setText("0.02")  # an edit: the label becomes the default one
    view.optimizer_options.controls()["lr"].editingFinished.emit()
    assert view.contenders[1].optimizer.options == {"lr": 0.02, **options}
    assert view.contenders[1].label == f"Adam η=0.02, {written}"
    assert not view.start_button.isEnabled() and view.problems.text()


def test_a_label_too_long_for_the_plots_even_alone_on_its_line_is_cut_at_their_edge(qtbot, view):
    view.resize(600, 560)
    view.set_contenders([("SGD, whose label is much too long for the column of plots beside the controls",
                          *THREE[0][1:]), THREE[1]])
    race_to_the_end(qtbot, view)
    assert view.legend.columnCount == 1
    assert view.graphics.ci.size().width() <= view.graphics.viewport().width() + 0.5


def test_presets_replace_the_contenders_and_may_bring_their_own_configuration(qtbot, view):
    titles = [view.preset_box.itemText(index) for index in range(view.preset_box.count())]
    paper = next(index for index, title in enumerate(titles) if title.startswith("Adam paper"))
    view.apply_preset(paper)
    assert [c.optimizer.name for c in view.contenders] == ["adam", "adagrad", "rmsprop", "nesterov", "adadelta"]
    assert "MNIST digits" in view.runs_on.text() and "1000-1000" in view.runs_on.text()
    assert view.race_config().network.hidden[0].units == 1000
    adaptive = next(index for index, title in enumerate(titles) if title == "Adaptive methods")
    view.apply_preset(adaptive)
    assert view.race_config().data.dataset == "digits" and "workbench" in view.runs_on.text()
    assert view.contender_list.count() == 4
    assert view.contender_list.item(0).data(Qt.ItemDataRole.DisplayRole).startswith("Adagrad")
    assert swatch_colour(view.contender_list.item(0)) == palette.series_color(0)


def swatch_colour(item):
    return item.icon().pixmap(12, 12).toImage().pixelColor(5, 5)


def test_contenders_take_their_row_s_okabe_ito_colour_and_one_close_to_an_earlier_one_for_colour_blind_viewers_is_dashed(
        qtbot, view):
    """Colours were the optimiser's: two SGDs shared one, and orange beside yellow or reddish purple beside bluish
    green read as one colour to deuteranopes. Told apart by ΔE*ab as protanopes and deuteranopes see them."""
    from core.colour_vision import delta_e

    view.set_contenders([(f"SGD {rate}", OptimizerConfig("sgd", {"lr": rate}), ScheduleConfig())
                         for rate in (0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2)])
    view.epochs.setValue(1)
    race_to_the_end(qtbot, view)
    pens = [train.opts["pen"] for train, _, _ in view._plot_items]
    colours = [pen.color().name() for pen in pens]
    assert colours == [palette.series_color(row).name() for row in range(8)], "by row, the Okabe–Ito series"
    assert len(set(colours)) == 8
    close = 0
    for later in range(8):
        for earlier in range(later):
            seen = min(delta_e(colours[earlier], colours[later], viewer) for viewer in ("protanopia", "deuteranopia"))
            if seen < CLOSE_DELTA_E:
                close += 1
                assert list(pens[later].dashPattern()) != list(pens[earlier].dashPattern()), (earlier, later, seen)
                assert list(pens[later].dashPattern()), f"row {later} is dashed, {seen:.1f} from row {earlier}"
            if not pens[later].dashPattern() and not pens[earlier].dashPattern():
                assert delta_e(colours[earlier], colours[later]) >= CLOSE_DELTA_E
    assert close >= 3, "the Okabe–Ito series has close pairs for these viewers: the check above checked some"
    assert not pens[0].dashPattern() and not pens[1].dashPattern(), "the first colours are solid"
    for row, (sample, _) in enumerate(view.legend.items):
        assert list(sample.item.opts["pen"].dashPattern()) == list(pens[row].dashPattern())
    dashed = next(row for row, pen in enumerate(pens) if pen.dashPattern())
    striped = view.contender_list.item(dashed).icon().pixmap(12, 12).toImage()
    assert striped.pixelColor(1, 2).name() == colours[dashed] and striped.pixelColor(1, 4).alpha() == 0
    assert swatch_colour(view.summary_table.item(0, 0)) == pens[0].color()


def swatch_look(item):
    """A swatch's colour, and whether it is striped (:meth:`ContenderLook.swatch`: the contender's line is not solid)."""
    image = item.icon().pixmap(12, 12).toImage()
    return image.pixelColor(1, 2).name(), image.pixelColor(1, 4).alpha() == 0


def looks_drawn(view):
    """Each contender of the race shown by label: its curve's colour and dashes, checked to be its legend's and
    its results swatch's."""
    rows = {view.summary_table.item(row, 0).text(): row for row in range(view.summary_table.rowCount())}
    drawn = {}
    for (train, _, _), (sample, text), label in zip(view._plot_items, view.legend.items, view.labels):
        pen, legend_pen = train.opts["pen"], sample.item.opts["pen"]
        drawn[label] = (pen.color().name(), list(pen.dashPattern()))
        assert text.text == label and (legend_pen.color().name(), list(legend_pen.dashPattern())) == drawn[label]
        assert swatch_look(view.summary_table.item(rows[label], 0)) == (pen.color().name(), bool(pen.dashPattern()))
    return drawn


def test_a_contender_keeps_its_colour_when_one_above_it_is_removed_in_the_list_the_legend_and_the_next_race(
        qtbot, view):
    """Colours were the rows': removing Adagrad made Adadelta's swatch orange beside its pink curve, and the next
    race drew every contender below it in another colour."""
    view.apply_preset(preset_index(view, "02-adaptive-methods"))
    view.epochs.setValue(1)
    race_to_the_end(qtbot, view)
    first = looks_drawn(view)
    assert len({colour for colour, _ in first.values()}) == 4 and first["Adam"][1], "Adam is dashed"
    view.contender_list.setCurrentRow(0)
    view.remove_button.click()
    kept = [contender.label for contender in view.contenders]
    assert kept == ["RMSProp", "Adadelta", "Adam"]
    assert looks_drawn(view) == first, "the last race's curves, legend and results stay as they were drawn"
    for row, label in enumerate(kept):
        colour, dashes = first[label]
        assert swatch_look(view.contender_list.item(row)) == (colour, bool(dashes)), label
    race_to_the_end(qtbot, view)
    again = looks_drawn(view)
    assert list(again) == kept and again == {label: first[label] for label in kept}


def test_a_contender_added_takes_the_first_colour_no_other_has_and_a_preset_gives_them_in_order(qtbot, view):
    view.apply_preset(preset_index(view, "02-adaptive-methods"))
    colours = [swatch_look(view.contender_list.item(row)) for row in range(4)]
    view.contender_list.setCurrentRow(2)  # Adadelta
    view.remove_button.click()
    view.contender_list.setCurrentRow(0)
    view.remove_button.click()
    view.add_button.click()  # a copy of RMSProp, in the first colour left: Adagrad's
    assert [swatch_look(view.contender_list.item(row)) for row in range(3)] == [colours[1], colours[3], colours[0]]
    view.add_button.click()
    assert swatch_look(view.contender_list.item(3)) == colours[2]
    view.apply_preset(preset_index(view, "01-sgd-momentum-nesterov"))
    assert [swatch_colour(view.contender_list.item(row)) for row in range(view.contender_list.count())] == [
        palette.series_color(row) for row in range(view.contender_list.count())]


def test_a_race_kept_keeps_its_contenders_colours_and_one_kept_without_them_takes_them_in_order(qtbot, view):
    """Colours are kept for the next launch since they are a contender's own; a race kept before they were, has
    none, and still opens."""
    view.apply_preset(preset_index(view, "02-adaptive-methods"))
    colours = [swatch_look(view.contender_list.item(row)) for row in range(4)]
    view.contender_list.setCurrentRow(0)
    view.remove_button.click()
    kept = view.race_setup().to_dict()
    view.apply_preset(preset_index(view, "01-sgd-momentum-nesterov"))
    view.restore_setup(RaceSetup.from_dict(json.loads(json.dumps(kept))))
    assert [swatch_look(view.contender_list.item(row)) for row in range(3)] == colours[1:]
    for entry in kept["contenders"]:
        del entry["colour"]
    view.restore_setup(RaceSetup.from_dict(kept))
    assert [contender.label for contender in view.contenders] == ["RMSProp", "Adadelta", "Adam"]
    assert [swatch_look(view.contender_list.item(row)) for row in range(3)] == colours[:3]
    view.add_button.click()
    assert swatch_look(view.contender_list.item(3)) == colours[3]
    for written, said in (([0, 0, 1], "one each, none shared"), ([0, None, 1], "one each"),
                          ([0, 8, 1], "contenders[1].colour must be a whole number from 0 to 7"),
                          ([0, 1.0, 2], "contenders[1].colour must be")):
        for entry, colour in zip(kept["contenders"], written):
            entry["colour"] = colour
        with pytest.raises(ValueError, match=re.escape(said)):
            RaceSetup.from_dict(kept)


@pytest.mark.parametrize("decades, pixels", [((-2.5, 0.5), 150), ((-1.4, 0.4), 120), ((-4.2, 1.3), 300),
                                             ((-1.4, 0.4), 70)])
def test_a_logarithmic_loss_axis_ticks_each_value_once_and_keeps_1_2_5_on_a_short_axis(qtbot, decades, pixels):
    axis = LossAxis("left")
    axis.setLogMode(False, True)
    levels = axis.tickValues(*decades, pixels)
    ticked = [round(float(value), 9) for _, values in levels for value in values]
    assert len(ticked) == len(set(ticked))  # a label drawn twice over showed in bold
    low, high = decades
    decade_ticks = {float(k) for k in range(math.ceil(low), math.floor(high) + 1)}
    assert decade_ticks <= set(ticked)  # every power of ten keeps its tick
    first_labelled = next(values for spacing, values in levels if spacing is None)
    mantissas = {round(10 ** (value % 1)) for value in first_labelled}
    assert mantissas <= {1, 2, 5}
    assert len(first_labelled) * MIN_PIXELS_PER_LABEL <= pixels, "labels that fit (2 overlapped 1 at 70 px)"


def test_a_loss_axis_writes_tiny_losses_as_powers_of_ten_on_either_scale(qtbot):
    """As the other views' axes and the status bar write them: 4·10⁻⁵, not 4e-05 (a linear scale's labels)."""
    axis = LossAxis("left")
    assert axis.tickStrings([4e-5, 8e-5], 1.0, 4e-5) == ["4·10⁻⁵", "8·10⁻⁵"]
    axis.setLogMode(False, True)
    assert axis.tickStrings([-6.0, -5.0], 1.0, 1.0) == ["10⁻⁶", "10⁻⁵"]


def test_a_lab_s_race_is_described_as_the_lab_s_not_as_the_last_preset(qtbot, small_config, switch_language):
    view = CompareView()
    qtbot.addWidget(view)
    view.apply_preset(0)  # what a new view shows
    assert view.description.text()
    lab_config = small_config(epochs=4)
    view.set_contenders(THREE, lab_config)  # as a lab hands it its race
    assert view.description.text() == ""
    assert view.runs_on.text().startswith("Runs on the lab's configuration: 8×8 digits, hidden layers 16")
    switch_language("ru")
    assert view.description.text() == "" and "лабораторной" in view.runs_on.text()
    switch_language("en")
    view.set_contenders(THREE)  # the user's own contenders, on the workbench's configuration
    assert view.runs_on.text().startswith("Runs on the workbench's configuration")


def test_no_preset_seems_in_use_for_a_lab_s_contenders_whose_labels_follow_the_language(qtbot, small_config,
                                                                                        switch_language):
    view = CompareView()
    qtbot.addWidget(view)
    assert view.preset_box.currentIndex() == 0 and view.use_preset.isEnabled()
    labels = [{"en": "plain", "ru": "простой"}, {"en": "heavy ball", "ru": "тяжёлый шарик"}, {"en": "Adam"}]
    view.set_contenders(THREE, small_config(epochs=4), labels=labels)
    assert view.preset_box.currentIndex() == -1 and view.preset_box.currentText() == ""
    assert not view.use_preset.isEnabled()
    assert [contender.label for contender in view.contenders] == ["plain", "heavy ball", "Adam"]
    switch_language("ru")
    assert [contender.label for contender in view.contenders] == ["простой", "тяжёлый шарик", "Adam"]
    assert view.contender_list.item(1).text().startswith("тяжёлый шарик")
    switch_language("en")
    assert [contender.label for contender in view.contenders] == ["plain", "heavy ball", "Adam"]
    view.preset_box.setCurrentIndex(1)
    assert view.use_preset.isEnabled()
    view.use_preset.click()
    assert view.preset_box.currentIndex() == 1 and view.description.text()


def test_the_race_s_labels_and_the_learning_rate_s_title_follow_the_language(qtbot, view, small_config,
                                                                             switch_language):
    """The legend and the table kept the labels of the language the race began in, and the learning-rate
    plot, out of the scene while no contender had a schedule, kept its English title."""
    labels = [{"en": "plain", "ru": "простой"}, {"en": "heavy ball", "ru": "тяжёлый шарик"}]
    view.set_contenders([THREE[0], ("", OptimizerConfig("momentum", {"lr": 0.05}), ScheduleConfig())],
                        small_config(epochs=1), labels=[labels[0], {}])
    english = view.contenders[1].label
    assert english == "SGD with momentum η=0.05"  # no texts: the default label, made of translated names
    race_to_the_end(qtbot, view)
    assert view.rate_plot not in view.graphics.ci.items
    switch_language("ru")
    russian = ["простой", view.contenders[1].label]
    assert russian[1] == "SGD с моментом η=0,05"
    assert [item.text for _, item in view.legend.items] == russian
    assert [view.summary_table.item(row, 0).text() for row in range(2)] == russian
    view.set_contenders(THREE, small_config(epochs=1))
    race_to_the_end(qtbot, view)
    assert view.rate_plot in view.graphics.ci.items and view.rate_plot.titleLabel.text == "Скорость обучения"
    switch_language("en")
    assert view.rate_plot.titleLabel.text == "Learning rate"


def test_the_results_table_shows_every_contender_and_its_status_in_either_language_without_scrolling(
        qtbot, small_config, switch_language):
    """At 1360 × 860 the table showed five rows (a sixth contender's "diverged" was out of sight), and in
    Russian its status column was behind a horizontal scroll bar."""
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(950, 760)  # what a 1360 × 860 window leaves the view
    view.set_config(small_config(epochs=1))
    names = ("momentum", "nesterov", "sgd", "adagrad", "rmsprop", "adam", "adadelta", "sgd")
    eight = [(f"{name} γ = 0.9 with a long label {row}", OptimizerConfig(name, {}), ScheduleConfig())
             for row, name in enumerate(names)]
    view.set_contenders(eight)
    view.show()
    qtbot.waitExposed(view)
    race_to_the_end(qtbot, view)
    table = view.summary_table

    def every_row_and_the_status_in_sight():
        header = table.horizontalHeader()
        assert table.rowCount() == 8 and not table.verticalScrollBar().isVisible()
        assert table.rowViewportPosition(7) + table.rowHeight(7) <= table.viewport().height()
        assert header.length() <= table.viewport().width() and not table.horizontalScrollBar().isVisible()
        assert header.sectionSize(5) >= table.sizeHintForColumn(5), "the status column whole"

    every_row_and_the_status_in_sight()
    assert table.item(0, 0).toolTip() == eight[0][0], "a label cut short is whole in its tooltip"
    assert view.graphics.height() > 2 * table.height(), "the plots keep most of the height"
    switch_language("ru")
    qtbot.wait(50)  # the scroll bars follow the columns
    every_row_and_the_status_in_sight()


def test_in_russian_a_preset_s_contenders_write_decimal_commas_and_long_rows_are_cut_short_not_scrolled(
        qtbot, view, switch_language):
    switch_language("ru")
    view.apply_preset(0)
    qtbot.wait(50)  # the language change arrives, the list lays its rows out
    rows = [view.contender_list.item(row) for row in range(view.contender_list.count())]
    assert [item.text() for item in rows] == [
        "SGD η=0,05  (SGD, η 0,05)", "SGD η=0,5  (SGD, η 0,5)", "метод моментов γ=0,9  (SGD с моментом, η 0,05)",
        "Нестеров γ=0,9  (Момент Нестерова, η 0,05)"]
    widest = max(view.contender_list.visualItemRect(item).width() for item in rows)
    assert widest > view.contender_list.viewport().width(), "a row longer than the list, in this test"
    assert not view.contender_list.horizontalScrollBar().isVisible()
    assert [item.toolTip() for item in rows] == [item.text() for item in rows], "whole in the tooltip"


def test_the_plots_shrink_to_the_room_beside_the_controls(qtbot):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(760, 600)  # still side by side: the plots get what the controls leave
    view.show()
    qtbot.waitExposed(view)
    assert not view.beside.tabbed and view.graphics.width() < 400
    scene_width = view.graphics.ci.size().width()
    assert scene_width <= view.graphics.width() + 0.5, "the plots ran off the view's right edge"
    title = view.loss_plot.titleLabel
    assert title.flags() & title.GraphicsItemFlag.ItemClipsChildrenToShape  # cut at its plot, not over others
    text = title.item.boundingRect()
    assert text.width() <= title.size().width() + 1, "a title wider than its plot breaks into lines"
    assert title.size().height() >= text.height() - 1, "no line cut off above or below"


def test_in_a_narrow_window_the_settings_and_the_plots_are_two_tabs_and_a_race_shows_its_plots(
        qtbot, small_config):
    view = CompareView()
    qtbot.addWidget(view)
    view.set_config(small_config(epochs=1))
    view.resize(610, 600)  # what a 1024-pixel window leaves it beside the configuration
    view.show()
    qtbot.waitExposed(view)
    tabs = view.beside.tabs
    assert view.beside.tabbed and [tabs.tabText(index) for index in range(3)] == ["Settings", "Plots", "Results"]
    assert view.contender_list.isVisible() and not view.graphics.isVisible()
    race_to_the_end(qtbot, view)
    assert tabs.currentWidget() is view.beside.content and view.graphics.width() > 550, "the whole width"
    assert not view.status.visibleRegion().isEmpty(), "Start, Pause, Stop and the status under both tabs"
    view.resize(1300, 600)
    qtbot.waitUntil(lambda: not view.beside.tabbed)
    assert view.graphics.isVisible() and view.contender_list.isVisible()


def small_shown_view(qtbot, small_config) -> CompareView:
    """A Compare view of 610 × 520 pixels on screen, on a one-epoch configuration: its results are a tab of their own."""
    view = CompareView()
    qtbot.addWidget(view)
    view.set_config(small_config(epochs=1))
    view.resize(610, 520)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_in_a_small_view_the_results_are_a_tab_of_their_own_and_go_back_under_the_plots_when_it_widens(
        qtbot, switch_language, small_config):
    """In a 610 × 520 view the table under the plots left them 32 pixels each to draw in."""
    view = small_shown_view(qtbot, small_config)
    tabs = view.beside.tabs
    assert [tabs.tabText(index) for index in range(tabs.count())] == ["Settings", "Plots", "Results"]
    assert tabs.widget(2) is view.summary_table and view._results_splitter.indexOf(view.summary_table) < 0
    race_to_the_end(qtbot, view)
    qtbot.waitUntil(lambda: min(plot.getViewBox().sceneBoundingRect().height()
                                for plot in (view.loss_plot, view.val_loss_plot, view.metric_plot)) >= 40)
    tabs.setCurrentIndex(2)
    table = view.summary_table
    assert table.isVisible() and table.rowCount() == len(view.contenders) and table.verticalScrollBar().maximum() == 0
    assert all(table.item(row, 5).text() == "completed" for row in range(table.rowCount())), "every row in sight"
    switch_language("ru")
    assert [tabs.tabText(index) for index in range(3)] == ["Настройки", "Графики", "Итоги"]
    switch_language("en")
    view.resize(1300, 760)
    qtbot.waitUntil(lambda: not view.beside.tabbed)
    assert view._results_splitter.indexOf(table) == 1, "under the plots again"
    qtbot.waitUntil(lambda: table.isVisible() and table.height() > 2 * table.verticalHeader().defaultSectionSize())
    assert view.graphics.isVisible() and view.contender_list.isVisible()
    assert table.geometry().top() > view.graphics.geometry().bottom() - 1
    view.resize(610, 520)
    qtbot.waitUntil(lambda: view.beside.tabbed)
    assert tabs.widget(2) is table and tabs.count() == 3


def test_before_a_race_the_results_say_what_will_appear_there_and_how(qtbot, switch_language, small_config):
    """The Results tab was an empty table before the first race; under the plots, a header without rows."""
    view = small_shown_view(qtbot, small_config)
    tabs, table, hint = view.beside.tabs, view.summary_table, view.results_hint
    tabs.setCurrentWidget(table)
    assert hint.isVisible() and hint.text() == ("No race yet: press Start, and each contender's results appear "
                                                "here, a row each.")
    assert view.start_button.text() == "Start" and hint.parentWidget() is table.viewport()
    assert hint.geometry().intersects(table.viewport().rect()) and hint.height() <= table.viewport().height()
    switch_language("ru")
    assert hint.text().startswith("Гонки ещё не было: нажмите «Старт»")
    switch_language("en")
    view.resize(1300, 760)  # under the plots too
    qtbot.waitUntil(lambda: not view.beside.tabbed and table.isVisible())
    assert hint.isVisible() and table.rowCount() == 0
    view.start_button.click()
    assert not hint.isVisible(), "racing: the rows are on their way"
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)
    assert table.rowCount() == len(view.contenders) and not hint.isVisible()
    view.resize(610, 520)
    qtbot.waitUntil(lambda: view.beside.tabbed)
    tabs.setCurrentWidget(table)
    assert table.isVisible() and not hint.isVisible()


def test_six_contenders_rows_leave_the_plots_room_to_be_read_in_a_short_view(qtbot, small_config):
    """The six classic optimisers' race in a view 560 pixels high: the table, a row per contender, took the plots
    down to 18 pixels each. It keeps two rows in sight and scrolls the rest; in a tall view it shows them all."""
    view = CompareView()
    qtbot.addWidget(view)
    view.set_config(small_config(epochs=1))
    view.apply_preset(preset_index(view, "05-classic-optimisers"))
    view.resize(760, 560)
    view.show()
    qtbot.waitExposed(view)
    race_to_the_end(qtbot, view)
    table = view.summary_table
    row = table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: min(plot.getViewBox().sceneBoundingRect().height()
                                for plot in (view.loss_plot, view.val_loss_plot, view.metric_plot)) > 30)
    assert 2 * row <= table.viewport().height() < 3 * row and table.verticalScrollBar().maximum() > 0
    view.resize(950, 760)  # what a 1360 × 860 window leaves the view
    qtbot.waitUntil(lambda: table.viewport().height() >= 6 * row)
    assert table.verticalScrollBar().maximum() == 0


def test_a_legend_of_long_labels_fits_a_narrow_view_and_so_does_its_export_and_the_status_stays_in_sight(
        qtbot, small_config, tmp_path):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(760, 560)  # side by side, the plots narrow
    view.set_config(small_config(epochs=1))
    seven = [(f"{name} γ = 0.9", OptimizerConfig("sgd", {"lr": 0.05}), ScheduleConfig())
             for name in ("SGD", "momentum", "Nesterov", "Adagrad", "RMSProp", "Adadelta", "Adam")]
    view.set_contenders(seven)
    view.show()
    qtbot.waitExposed(view)
    race_to_the_end(qtbot, view)
    viewport = view.graphics.viewport().width()
    assert view.graphics.ci.size().width() <= viewport + 0.5, "the plots ran off the view's right edge"
    assert view.legend.columnCount < 4
    view.resize(1400, 860)
    qtbot.waitUntil(lambda: view.legend.columnCount == 4)  # wide again: fewer lines of legend
    view.resize(760, 560)
    qtbot.waitUntil(lambda: view.graphics.ci.size().width() <= view.graphics.viewport().width() + 0.5)
    view.export(tmp_path / "race.png")
    assert QImage(str(tmp_path / "race.png")).width() >= 2 * view.graphics.ci.size().width()  # the whole figure
    assert view.status.text() == "The race is over." and not view.status.visibleRegion().isEmpty()


def test_a_schedule_chosen_for_a_contender_starts_sized_to_the_race(qtbot, view):
    view.contender_list.setCurrentRow(0)
    view.schedule_box.choose("step")
    assert view.contenders[0].schedule.options == {}, "the race's data not loaded yet: its steps are unknown"
    view.unit_box.choose("epoch")
    view.schedule_box.choose("constant")
    view.schedule_box.choose("step")
    assert view.contenders[0].schedule.options == {"step_size": 1}, "three drops in the race's 2 epochs, at most"
    view.epochs.set_value(30)
    view.schedule_box.choose("cosine")
    assert view.contenders[0].schedule.options == {"T": 30.0}
    view.reset(Experiment(view.race_config()))  # the data loaded: 30 epochs of 41 batches
    view.unit_box.choose("step")
    assert view.contenders[0].schedule.options == {"T": 30.0 * 41} and view.contenders[0].schedule.unit == "step"


def type_schedule_option(view, key, text):
    control = view.schedule_options.controls()[key]
    control.setText(text)
    control.editingFinished.emit()


def test_a_contender_s_schedule_lengths_left_as_fitted_follow_the_race_s_length_until_typed(qtbot, view,
                                                                                           small_config):
    """A cosine chosen for a 2-epoch race, the race then made 30 epochs, held η at its minimum for 28."""
    view.contender_list.setCurrentRow(0)
    view.unit_box.choose("epoch")
    view.schedule_box.choose("cosine")
    label = view.contenders[0].label
    view.epochs.setValue(30)  # as the box commits a number typed
    assert view.contenders[0].schedule.options == {"T": 30.0} and view.contenders[0].label == label
    assert view.schedule_options.controls()["T"].text() == "30", "the editor shows it"
    assert view.contenders[2].schedule.options == {"step_size": 10}, "the step schedule's k was 2 epochs' too"
    view.contender_list.setCurrentRow(1)
    view.unit_box.choose("epoch")
    view.schedule_box.choose("cosine")
    type_schedule_option(view, "T", "12")
    view.epochs.setValue(40)
    assert view.contenders[0].schedule.options == {"T": 40.0}
    assert view.contenders[1].schedule.options == {"T": 12.0}, "a length typed stays as typed"
    view.set_config(small_config(epochs=6, batch_size=64))  # the epochs stay chosen here
    assert view.epochs.value() == 40 and view.contenders[0].schedule.options == {"T": 40.0}
    other_data = small_config(epochs=5)
    other_data.data.dataset = "moons"
    view.set_config(other_data)  # other data: the configuration's epochs, which the lengths follow
    assert view.epochs.value() == 5 and view.contenders[0].schedule.options == {"T": 5.0}
    view.reset(Experiment(view.race_config()))  # the data loaded: its steps are known
    view.contender_list.setCurrentRow(0)
    view.unit_box.choose("step")
    examples = view.experiment.dataset.X_train.shape[0]
    assert view.contenders[0].schedule.options == {"T": 5.0 * math.ceil(examples / 32)}
    larger = small_config(epochs=5, batch_size=64)
    larger.data.dataset = "moons"
    view.set_config(larger)  # counted in steps, the lengths follow the batches too
    assert view.contenders[0].schedule.options == {"T": 5.0 * math.ceil(examples / 64)}
    assert view.contenders[1].schedule.options == {"T": 12.0}


def test_a_race_kept_follows_the_epochs_of_the_configuration_it_now_runs_on(view, small_config):
    view.set_contenders(THREE, origin="preset")
    view.contender_list.setCurrentRow(0)
    view.unit_box.choose("epoch")
    view.schedule_box.choose("cosine")
    kept = view.race_setup()
    assert (kept.epochs, kept.epochs_for, kept.contenders[0].schedule.options) == (2, None, {"T": 2.0})
    view.set_config(small_config(epochs=8))
    view.restore_setup(kept)  # its epochs followed the configuration's, which are now 8: so do its lengths
    assert view.epochs.value() == 8 and view.contenders[0].schedule.options == {"T": 8.0}


def test_a_race_kept_with_a_schedule_unknown_here_is_restored_marked(view):
    """Its lengths were fitted to the race, and the unknown name raised in the midst of restoring the race."""
    from app.race_setup import RaceSetup

    view.set_contenders(THREE, origin="preset")
    kept = view.race_setup().to_dict()
    kept["contenders"][0].update(schedule={"name": "wobbly", "options": {}, "unit": "epoch"}, label_texts=None)
    view.restore_setup(RaceSetup.from_dict(kept))  # its label the default one, which leaves out fitted lengths
    assert view.contenders[0].schedule.name == "wobbly" and view.contenders[0].label == "SGD η=0.1, wobbly"
    assert view.problems.text().startswith("SGD η=0.1, wobbly: ") and not view.start_button.isEnabled()
    view.epochs.setValue(30)
    assert view.contenders[0].schedule.options == {}


def test_a_table_with_nothing_in_it_is_not_written_but_said_so(view, tmp_path):
    with pytest.raises(ValueError, match="There is nothing to export yet"):
        view.export(tmp_path / "race.csv")
    assert not (tmp_path / "race.csv").exists(), "a file of headings alone looked like an export that had failed"


# ------------------------------------------------------------------ the race kept for the next launch
def type_option(view, key, text):
    control = view.optimizer_options.controls()[key]
    control.setText(text)
    control.editingFinished.emit()


def compare_view_of(window):
    return next(tool for tool in window.tools if isinstance(tool, CompareView))


def preset_index(view, preset_id):
    return next(index for index, preset in enumerate(view._presets) if preset.id == preset_id)


def test_the_race_set_up_survives_closing_and_reopening_the_window(open_window, qtbot, monkeypatch, tmp_path):
    """Six contenders set up by hand, their rates and labels, and the epochs were lost with the window: the next
    one started again from the first preset."""
    from app import settings

    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    window = open_window()
    race = compare_view_of(window)
    race.apply_preset(preset_index(race, "02-adaptive-methods"))
    race.contender_list.setCurrentRow(3)  # Adam
    race.add_button.click()
    race.add_button.click()
    type_option(race, "betas", "0.8, 0.99")
    type_option(race, "lr", "-0.01")  # left wrong: it comes back wrong, and marked
    race.label_edit.setText("my Adam")
    race.label_edit.editingFinished.emit()
    race.contender_list.setCurrentRow(0)
    type_option(race, "lr", "0.05")  # the preset's "Adagrad" is now the label that follows the settings
    race.epochs.setValue(9)
    race.x_axis.setCurrentIndex(race.x_axis.findData(EPOCHS))
    race.contender_list.setCurrentRow(5)
    kept = tmp_path / settings.LAST_RACE_FILE
    qtbot.waitUntil(lambda: kept.is_file() and '"my Adam"' in kept.read_text(encoding="utf-8"), timeout=5_000)
    set_up = race.contenders
    assert len(set_up) == 6 and set_up[0].label == "Adagrad η=0.05" and set_up[5].label == "my Adam"
    window.close()

    again = open_window()
    assert compare_view_of(again).contenders[0].label == "SGD η=0.05", "the view starts from its first preset"
    again.restore_race(*settings.load_last_race())
    restored = compare_view_of(again)
    assert restored.contenders == set_up
    assert restored.contenders[5].optimizer.options == {"lr": -0.01, "betas": [0.8, 0.99]}
    assert restored.epochs.value() == 9 and restored._x_key() == EPOCHS
    assert restored.preset_box.currentText() == race.preset_box.currentText() and restored.description.text()
    assert restored.contender_list.currentRow() == 5 and restored.label_edit.text() == "my Adam"
    assert restored.optimizer_options.controls()["lr"].property("invalid"), "the wrong rate is marked"
    assert "my Adam: η (lr) must be ≥ 0.0, got -0.01" in restored.problems.text()
    assert not restored.start_button.isEnabled() and again.message_bar.message() == ""
    type_option(restored, "lr", "0.002")
    assert restored.contenders[5].label == "my Adam", "a typed label stays typed"
    restored.contender_list.setCurrentRow(0)
    type_option(restored, "lr", "0.02")
    assert restored.contenders[0].label == "Adagrad η=0.02", "a default label goes on following the settings"
    assert restored.epochs.value() == 9, "chosen for the same data and network"


def test_a_race_kept_that_cannot_be_read_is_said_and_the_view_starts_from_its_first_preset(open_window, monkeypatch,
                                                                                           tmp_path):
    from app import settings

    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    kept = tmp_path / settings.LAST_RACE_FILE
    kept.write_text('{"version": 1, "contenders": [{"label": "SGD"', encoding="utf-8")
    window = open_window()
    window.restore_race(*settings.load_last_race())
    race = compare_view_of(window)
    message = window.message_bar.message()
    assert message.startswith("The race set up in Compare optimisers when the window last closed could not be read ("
                              f"{kept} is not valid JSON at line 1, column 46: the text ends before every list […] and object {{…}} in "
                              "it is closed (was the file cut short?)")
    assert message.endswith("; the view starts from its first preset.")
    assert race.preset_box.currentIndex() == 0 and race.contenders[0].label == "SGD η=0.05"
    valid = race.race_setup().to_dict()
    for damaged, said in (({**valid, "version": 2}, "written by a newer MLP Workbench (version 2"),
                          ({**valid, "contenders": "Adam"}, "contenders must be a list of 2 to 8"),
                          ({**valid, "contenders": [valid["contenders"][0], {"label": "SGD"}]},
                           "contenders[1] must be an object"),
                          ({**valid, "epochs": "20"}, "epochs must be a whole number from 1"),
                          ([valid], "it must be a JSON object")):
        kept.write_text(json.dumps(damaged), encoding="utf-8")
        setup, problem = settings.load_last_race()
        assert setup is None and said in problem
    window.close()
    assert settings.load_last_race()[1] is None, "the window's own race replaced the damaged one"


def test_a_lab_s_race_neither_replaces_the_user_s_race_kept_nor_is_restored_outside_the_lab(open_window, qtbot,
                                                                                            monkeypatch, tmp_path):
    from app import settings

    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    window = open_window()
    window.confirm_reset = lambda question: True
    race = compare_view_of(window)
    race.apply_preset(preset_index(race, "03-lr-schedules"))
    own = race.contenders
    qtbot.waitUntil(lambda: settings.load_last_race()[0] is not None, timeout=5_000)
    assert window.labs.open_lab("11-optimizers")
    assert race.contenders != own and race.race_setup() is None
    race.add_button.click()  # the lab's race edited: still not the user's own
    type_option(race, "lr", "0.3")
    qtbot.wait(1_500)  # past the moment an edit is kept after
    assert list(settings.load_last_race()[0].contenders) == own
    window.labs.close_lab()  # the user's own race is back, its schedules fitted to the lab's epochs left in the window
    window.close()
    assert [contender[:2] for contender in settings.load_last_race()[0].contenders] == [contender[:2] for contender
                                                                                        in own]
    again = open_window()
    again.restore_race(*settings.load_last_race())
    assert [contender[:2] for contender in compare_view_of(again).contenders] == [contender[:2] for contender in own]


def test_the_race_s_epochs_kept_stay_when_the_window_opens_on_invalid_settings(qtbot, small_config):
    """The window gives the view no configuration while its settings are invalid: the race's epochs kept for the
    next launch were replaced by those of the view's default configuration, for other data, and then followed the
    window's once its settings were put right."""
    from app.main_window import MainWindow
    from app.race_setup import Naming, RaceSetup
    from core.race import Contender

    config = small_config(epochs=3)
    config.optimizer.options["lr"] = -0.5
    window = MainWindow(config)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: any(isinstance(tool, CompareView) for tool in window.tools), timeout=15_000)
    assert window.model.validation_errors
    setup = RaceSetup(tuple(Contender(*contender) for contender in THREE), (Naming(),) * 3, epochs=9,
                      epochs_for=(config.data, config.network))
    window.restore_race(setup)
    race = compare_view_of(window)
    assert race.epochs.value() == 9
    window.model.set("optimizer.options", {"lr": 0.05})  # put right: the window's configuration reaches the view
    assert race._config.training.epochs == 3 and race.epochs.value() == 9, "chosen for these data and network"
    window.model.set("data.dataset", "moons")
    assert race.epochs.value() == 3, "for other data, the configuration's"


def test_when_the_lab_closes_the_user_s_own_race_comes_back(open_window, qtbot, monkeypatch, tmp_path):
    """The lab's seven contenders stayed in the view after the lab closed, as if they were the user's race (and
    the next edit made them the race kept for the next launch)."""
    from app.race_setup import RaceSetup

    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    window = open_window()
    window.confirm_reset = lambda question: True
    race = compare_view_of(window)
    race.apply_preset(preset_index(race, "03-lr-schedules"))
    race.contender_list.setCurrentRow(0)
    type_option(race, "lr", "0.3")
    own = race.contenders
    assert window.labs.open_lab("11-optimizers")
    labs_race = race.contenders
    assert labs_race != own
    window.labs.close_lab()
    assert [contender[:2] for contender in race.contenders] == [contender[:2] for contender in own]
    assert race.contenders[0].label == "SGD η=0.3" and race.race_setup() is not None
    assert race.preset_box.currentIndex() == preset_index(race, "03-lr-schedules") and race.description.text()
    assert "the workbench's configuration" in race.runs_on.text(), "not the lab's any more"
    # The workbench keeps the lab's data and network, and the race their epochs, which the lengths fitted follow.
    assert race.epochs.value() == window.model.config.training.epochs != 20
    assert race.contenders[1].schedule.options == {"T": float(race.epochs.value()), "end_factor": 0.05}

    race.apply_preset(preset_index(race, "02-adaptive-methods"))
    kept = race.race_setup()  # as if kept by the last launch, restored once the lab had set its race
    race.apply_preset(preset_index(race, "03-lr-schedules"))
    assert window.labs.open_lab("11-optimizers")
    window.restore_race(RaceSetup.from_dict(kept.to_dict()))
    assert race.contenders == labs_race, "the lab's race stays while the lab is open"
    assert window.labs.open_lab("10-lr-schedules")  # another lab, without a race
    assert race.contenders == list(kept.contenders) and race.race_setup().preset == "02-adaptive-methods"
    window.labs.close_lab()
    assert race.contenders == list(kept.contenders)


def test_an_optimiser_changed_takes_its_usual_rate_unless_the_user_typed_one_on_the_same_scale(qtbot, view):
    """SGD chosen for a contender came at PyTorch's 0.001 and hardly moved; a rate typed for SGD is kept for
    momentum (the same scale) but not for Adam, which would diverge at it."""
    view.apply_preset(preset_index(view, "02-adaptive-methods"))
    view.contender_list.setCurrentRow(0)  # Adagrad at the preset's 0.01
    for name in ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw"):
        view.optimizer_box.choose(name)
        assert view.contenders[0].optimizer.options["lr"] == USUAL_RATES[name]
        assert view.optimizer_options.controls()["lr"].text() == format_number(USUAL_RATES[name])
    view.optimizer_box.choose("sgd")
    type_option(view, "lr", "0.3")
    view.optimizer_box.choose("momentum")
    assert view.contenders[0].optimizer.options["lr"] == 0.3 and view.contenders[0].label == "SGD with momentum η=0.3"
    view.add_button.click()  # a copy keeps the rate typed
    view.optimizer_box.choose("nesterov")
    assert view.contenders[-1].optimizer.options["lr"] == 0.3
    view.optimizer_box.choose("adam")
    assert view.contenders[-1].optimizer.options["lr"] == 0.001
    view.optimizer_box.choose("sgd")
    assert view.contenders[-1].optimizer.options["lr"] == 0.05, "once set aside, the typed rate is not the user's"
    view.contender_list.setCurrentRow(0)
    view.label_edit.setText("mine")
    view.label_edit.editingFinished.emit()
    restored = CompareView()
    qtbot.addWidget(restored)
    restored.restore_setup(RaceSetup.from_dict(json.loads(json.dumps(view.race_setup().to_dict()))))
    restored.contender_list.setCurrentRow(0)
    restored.optimizer_box.choose("sgd")
    assert restored.contenders[0].optimizer.options["lr"] == 0.3, "kept with the race for the next launch"
    restored.stop_and_wait()


def test_before_the_first_race_the_loss_plot_says_what_to_do_in_the_window_s_language(qtbot, switch_language, view):
    """The plots were blank before a race, with nothing to say that they wait for one."""
    hint = view.empty_hint
    assert hint.isVisible() and "press Start" in hint.toPlainText()
    box = view.loss_plot.getViewBox().sceneBoundingRect()
    assert box.contains(hint.sceneBoundingRect().center()) and hint.sceneBoundingRect().width() <= box.width()
    switch_language("ru")
    assert "«Старт»" in hint.toPlainText() and "press" not in hint.toPlainText()
    switch_language("en")
    view.epochs.setValue(1)
    race_to_the_end(qtbot, view)
    assert not hint.isVisible(), "the curves are drawn: no more hint"


def drawn_tick_labels(axis):
    """The tick labels the axis draws (pyqtgraph's own specification of its painting)."""
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in texts]


def test_the_accuracy_plot_reads_in_percent_as_the_table_does_and_r2_as_it_is(qtbot, view, small_config):
    """Its axis read 0.2 … 1.0 beside a table and a status bar that write 81.9 %."""
    view.epochs.setValue(2)
    race_to_the_end(qtbot, view)
    axis = view.metric_plot.getAxis("left")
    assert axis.labelText == "accuracy, %"
    numbers = [float(text) for text in drawn_tick_labels(axis)]
    best = max(summary.best_val_metric for summary in view.summary)
    assert max(numbers) > 1 and min(numbers) >= 0 and max(numbers) <= 100
    assert min(numbers) <= 100 * best, "the best accuracy is on the axis' scale in percent"
    top = max(range(3), key=lambda row: view.summary[row].best_val_metric)
    assert view.summary_table.item(top, 1).text() == i18n.format_percent(best)
    regression = small_config(epochs=1)
    regression.data.dataset, regression.loss.name = "diabetes", "mse"
    view.set_config(regression)
    race_to_the_end(qtbot, view)
    assert axis.labelText == "R²" and axis.scale == 1
