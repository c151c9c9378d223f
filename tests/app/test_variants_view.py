"""The Lab variants tool: a lab's variants trained one after another, overlaid, stopped, exported,
and brought forward (with the lab's x-axis) when a lab that compares variants opens."""
import codecs
import csv
import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app import i18n
from app.views.variants_view import EPOCH, SAMPLES_SEEN, STEP, TIME, VariantsView
from core import events, labs

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

BATCH_SIZES = "02-gd-sgd-minibatch"


@pytest.fixture
def view(qtbot):
    i18n.set_language("en")  # a translator that records the texts shown, so that they can be switched
    made = VariantsView()
    qtbot.addWidget(made)
    made.resize(1200, 800)
    made.show()
    yield made
    made.stop_and_wait()
    i18n.set_language("en")


def open_lab(view, lab_id=BATCH_SIZES, **options):
    lab = labs.load(lab_id)
    view.set_lab(lab, options)
    return lab


def run_to_the_end(qtbot, view):
    view.start_button.click()
    assert view.running
    qtbot.waitUntil(lambda: not view.running, timeout=60_000)


def legend_texts(view):
    return [label.text for _, label in view.legend.items]


def variant_rows(view):
    """(title, state) of each variant as the list shows it: the state is the line under the title."""
    return [tuple((item.text() + "\n").split("\n")[:2]) for item in view._items()]


def test_without_a_lab_the_view_says_to_open_one(view):
    assert not view.content.isVisible()
    assert "Open a lab with variants (Labs menu)" in view.note.text()
    open_lab(view)
    assert view.content.isVisible() and not view.note.isVisible()
    assert view.heading.text() == "Lab 2. Gradient descent, stochastic and mini-batch"


def test_the_labs_options_tick_the_variants_and_choose_the_x_axis(view):
    lab = open_lab(view, variants=["stochastic", "mini_batch"], x_axis=STEP)
    assert view.chosen_variants() == ["stochastic", "mini_batch"]
    assert variant_rows(view) == [(variant.title["en"], "") for variant in lab.variants]
    assert view.x_axis.currentData() == STEP
    for axis in (EPOCH, SAMPLES_SEEN, TIME):
        open_lab(view, "08-overfitting")  # another lab in between: the same one again would change nothing
        open_lab(view, x_axis=axis)
        assert view.x_axis.currentData() == axis
        assert view.chosen_variants() == [variant.name for variant in lab.variants]
    for item in view._items():
        item.setCheckState(Qt.CheckState.Unchecked)
    assert not view.start_button.isEnabled() and view.status.text() == "Tick at least one variant."


def test_running_all_variants_draws_one_curve_per_variant_with_the_engines_numbers(qtbot, view):
    lab = open_lab(view, x_axis=SAMPLES_SEEN)
    view.max_epochs.setValue(1)  # batches of 1: N steps, more than a curve keeps before merging points
    run_to_the_end(qtbot, view)
    assert view.status.text() == "Every variant is trained."
    assert legend_texts(view) == [variant.title["en"] for variant in lab.variants]
    expected = list(labs.run_variants(lab, max_epochs=1))
    for variant in lab.variants:
        train, val_loss, val_accuracy, _ = view._plot_items[variant.name]
        n_train = view.curves[variant.name].n_train
        # Every variant has seen the same examples, whatever its batch size: the curves end together.
        assert n_train - 2 <= train.getData()[0][-1] <= n_train  # merged pairs of points end within a step
        assert list(val_loss.getData()[0]) == [n_train]
        solo = [event for name, event in expected if name == variant.name and isinstance(event, events.EpochFinished)]
        assert list(val_accuracy.getData()[1]) == pytest.approx([event.val_metric for event in solo])
    assert [state for _, state in variant_rows(view)] == ["completed"] * 3
    # Full-batch descent takes one step per epoch: its few points are marked, batches of 1 are a line.
    assert view._plot_items["full_batch"][0].opts["symbol"] == "o"
    assert view._plot_items["stochastic"][0].opts["symbol"] is None
    view.x_axis.setCurrentIndex(view.x_axis.findData(STEP))
    steps = {name: items[0].getData()[0][-1] for name, items in view._plot_items.items()}
    assert steps["full_batch"] == 1
    assert view.curves["stochastic"].n_train - 2 <= steps["stochastic"] <= view.curves["stochastic"].n_train
    view.x_axis.setCurrentIndex(view.x_axis.findData(EPOCH))
    assert all(abs(items[0].getData()[0][-1] - 1) <= 2 / view.curves[name].n_train  # within a merged pair
               and items[1].getData()[0].tolist() == [1] for name, items in view._plot_items.items())
    assert view.metric_plot.getAxis("bottom").labelText == "epochs"
    assert view.lr_plot.scene() is None, "no learning-rate plot where every variant keeps its rate"


def test_the_plots_fill_the_view_with_or_without_the_learning_rate_plot(qtbot, view):
    """The learning-rate plot's empty row kept its share of the height: a blank fifth under the plots,
    in the view and in the figures it exported."""
    for lab_id, lowest in ((BATCH_SIZES, "metric_plot"), ("10-lr-schedules", "lr_plot"), (BATCH_SIZES, "metric_plot")):
        open_lab(view, lab_id)
        qtbot.waitUntil(lambda: view.graphics.ci.layout.geometry().height() > 0)
        view.graphics.ci.layout.activate()
        bottom = getattr(view, lowest).mapRectToScene(getattr(view, lowest).boundingRect()).bottom()
        assert bottom >= 0.95 * view.graphics.viewport().height(), lab_id


def test_variants_that_schedule_the_learning_rate_show_it_per_step(qtbot, view):
    """Lab 10 asks to look at the learning-rate curves first: the view plotted none."""
    lab = open_lab(view, "10-lr-schedules", x_axis=STEP)
    assert view.lr_plot.scene() is view.graphics.scene()
    for item in view._items()[2:]:
        item.setCheckState(Qt.CheckState.Unchecked)  # constant and linear per epoch
    view.max_epochs.setValue(2)
    run_to_the_end(qtbot, view)
    for variant in lab.variants[:2]:
        steps, rates = view._plot_items[variant.name][3].getData()
        schedule = variant.config.schedule
        expected = [variant.config.optimizer.options["lr"] * (1 - (step - 1) // 41 / 20)
                    if schedule.name == "linear" else variant.config.optimizer.options["lr"] for step in steps]
        assert list(rates) == pytest.approx(expected), variant.name
    assert view.lr_plot.getAxis("bottom").labelText == "steps" and view.metric_plot.getAxis("bottom").labelText == ""
    header, rows = view.table()
    assert {row[0] for row in rows} >= {"learning rate", "validation loss"}


def test_stop_mid_run_ends_the_thread_and_leaves_the_later_variants_unrun(qtbot, view):
    lab = labs.load(BATCH_SIZES)
    for variant in lab.variants:  # runs far longer than the test: mid-run when stopped, however fast the machine
        variant.config.training.epochs = 1_000
    view.set_lab(lab, {"variants": ["stochastic", "mini_batch"]})
    view.start_button.click()
    qtbot.waitUntil(lambda: len(view.curves["stochastic"].train_loss[STEP]) > 10, timeout=30_000)
    assert view.status.text().startswith("Training stochastic gradient descent (batch 1) (1 of 2)")
    assert not any(item.flags() & Qt.ItemFlag.ItemIsUserCheckable for item in view._items()), "ticks frozen"
    with qtbot.waitSignal(view.session.ended, timeout=10_000):  # sent once the thread has finished
        view.stop_button.click()
    assert not view.running
    assert [state for _, state in variant_rows(view)] == ["", "stopped", "not run"]
    assert view.status.text() == "Stopped." and view.start_button.isEnabled()
    assert all(item.flags() & Qt.ItemFlag.ItemIsUserCheckable for item in view._items())


def test_pause_holds_the_run_until_resumed(qtbot, view):
    open_lab(view, variants=["stochastic"])
    view.start_button.click()
    qtbot.waitUntil(lambda: len(view.curves["stochastic"].train_loss[STEP]) > 0, timeout=30_000)
    view.pause_button.click()
    qtbot.waitUntil(lambda: view.states["stochastic"] == "paused", timeout=10_000)
    assert view.pause_button.text() == "Resume" and view.status.text() == "Paused between two batches."
    held = view.curves["stochastic"].samples_seen
    qtbot.wait(200)
    assert view.curves["stochastic"].samples_seen == held
    view.pause_button.click()
    qtbot.waitUntil(lambda: view.curves["stochastic"].samples_seen > held, timeout=10_000)
    assert view.pause_button.text() == "Pause"
    view.stop_and_wait()
    qtbot.waitUntil(lambda: not view.running, timeout=10_000)


def test_export_writes_a_column_per_variant_and_the_figure(qtbot, view, tmp_path, switch_language):
    lab = open_lab(view, variants=["full_batch", "mini_batch"], x_axis=EPOCH)
    view.max_epochs.setValue(3)
    run_to_the_end(qtbot, view)
    view.export(tmp_path / "variants.csv")
    with open(tmp_path / "variants.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    titles = [lab.variant(name).title["en"] for name in ("full_batch", "mini_batch")]
    assert rows[0] == ["series", "epochs", *titles]
    validation = [row for row in rows[1:] if row[0] == "validation accuracy"]
    assert [row[1] for row in validation] == ["1", "2", "3"]  # both variants' epochs share a row
    for column, name in enumerate(("full_batch", "mini_batch"), start=2):
        assert [float(row[column]) for row in validation] == pytest.approx(
            list(view._plot_items[name][2].getData()[1]))
    training = [row for row in rows[1:] if row[0] == "training loss, smoothed"]
    assert sum(1 for row in training if row[2]) == 3  # full batch: one step per epoch
    # As the teacher's results CSV: a Russian spreadsheet read the Cyrillic headings garbled, without the BOM,
    # and each row as one cell of text, in commas with decimal points.
    switch_language("ru")
    view.export(tmp_path / "variants_ru.csv")
    switch_language("en")
    assert (tmp_path / "variants_ru.csv").read_bytes().startswith(codecs.BOM_UTF8)
    with open(tmp_path / "variants_ru.csv", encoding="utf-8-sig") as handle:
        russian = list(csv.reader(handle, delimiter=";"))
    assert russian[0][2:] == [lab.variant(name).title["ru"] for name in ("full_batch", "mini_batch")]
    assert [[cell.replace(",", ".") for cell in row[1:]] for row in russian[1:]] == [row[1:] for row in rows[1:]], \
        "the same numbers in full, with decimal commas"
    assert any("," in cell for row in russian[1:] for cell in row[2:])
    view.export(tmp_path / "variants.png")
    assert not QImage(str(tmp_path / "variants.png")).isNull()
    view.export(tmp_path / "variants.svg")
    assert ElementTree.parse(tmp_path / "variants.svg").getroot().tag.endswith("svg")


def test_the_learning_rate_plot_shown_after_a_language_change_is_in_that_language(view, switch_language):
    open_lab(view)  # lab 2: no rate plot
    switch_language("ru")
    open_lab(view, "10-lr-schedules")
    assert view.lr_plot.titleLabel.text == "Скорость обучения η"


def test_switching_language_retitles_the_variants_legend_and_controls(qtbot, view, switch_language):
    lab = open_lab(view, variants=["full_batch", "mini_batch"])
    view.max_epochs.setValue(1)
    run_to_the_end(qtbot, view)
    switch_language("ru")
    russian = [lab.variant(name).title["ru"] for name in ("full_batch", "mini_batch")]
    assert legend_texts(view) == russian
    assert variant_rows(view)[0] == (lab.variants[0].title["ru"], "завершено")
    assert "завершена 1 эпоха" in view.variant_list.item(0).toolTip()  # why it ended (app.endings), in Russian
    assert view.heading.text() == f"Лабораторная 2. {lab.title['ru']}"
    assert view.start_button.text() == "Обучить все варианты"
    assert view.status.text() == "Все варианты обучены."
    assert view.x_axis.currentText() == "эпохи"
    switch_language("en")
    assert legend_texts(view) == [lab.variant(name).title["en"] for name in ("full_batch", "mini_batch")]
    assert view.start_button.text() == "Run all variants" and view.x_axis.currentText() == "epochs"
    assert "finished 1 epoch" in view.variant_list.item(0).toolTip() and "epochs" not in view.variant_list.item(0).toolTip()


def test_opening_lab_2_brings_the_variants_forward_against_samples_seen_and_closing_stops_them(qtbot, window):
    assert window.labs.open_lab(BATCH_SIZES)
    view = window.labs.view_for("variants")
    assert isinstance(view, VariantsView)
    assert window.view_tabs.indexOf(view) == 0 and window.view_tabs.currentWidget() is view
    assert view.x_axis.currentData() == SAMPLES_SEEN
    assert view.chosen_variants() == ["full_batch", "stochastic", "mini_batch"]
    view.start_button.click()
    thread = view.session.thread
    qtbot.waitUntil(lambda: len(view.curves["full_batch"].train_loss[STEP]) > 0, timeout=30_000)
    assert window.session is None, "the window's own run is not started"
    window.close()
    assert not thread.is_alive()


def test_the_view_follows_the_open_lab_even_one_that_does_not_list_it(qtbot, window):
    assert window.labs.open_lab(BATCH_SIZES)
    view = window.labs.view_for("variants")
    initialisation = labs.load("07-initialisation")
    assert "variants" not in [spec.name for spec in initialisation.views]
    assert window.labs.open_lab(initialisation.id)
    assert view.lab.id == initialisation.id
    assert view.chosen_variants() == [variant.name for variant in initialisation.variants]



def test_the_list_of_variants_grows_and_shrinks_with_their_state_lines(qtbot, window):
    assert window.labs.open_lab("11-optimizers")
    view = window.labs.view_for("variants")
    lists = view.variant_list

    def all_in_sight():  # the list never scrolls: every variant, state line and all, must show
        return all(lists.viewport().rect().contains(lists.visualItemRect(item)) for item in view._items())

    def fitted() -> bool:
        # The list lays out its items when the event loop next turns, then fits its height to them (a timer of its
        # own), and its viewport follows that height in a later turn: a loaded machine need not have done all that
        # within the 50 ms once waited here.
        rows = sum(lists.visualItemRect(item).height() for item in view._items())
        return rows > 0 and lists.height() == rows + 2 * lists.frameWidth()

    qtbot.waitUntil(lambda: fitted() and all_in_sight(), timeout=10_000)
    one_line = lists.height()
    view.states = {variant.name: events.COMPLETED for variant in view.lab.variants}  # as a run leaves them
    view._show_run()
    qtbot.waitUntil(lambda: lists.height() > one_line and fitted() and all_in_sight(), timeout=10_000)
    assert [state for _, state in variant_rows(view)] == ["completed"] * 7
    view.states = {}
    view._show_run()
    qtbot.waitUntil(lambda: lists.height() <= one_line and fitted(), timeout=10_000)
    assert lists.height() == one_line
