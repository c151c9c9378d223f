"""Numbers in the window's language: edits show 0,05 in Russian and read a comma or a point; plot axes and the status
bar too."""
import pyqtgraph as pg
import pytest

from PySide6.QtCore import Qt

from app.config_model import ConfigModel
from app.messages import Progress
from app.panels.data_panel import DataPanel
from app.panels.training_panel import TrainingPanel
from app.panels.widgets import FractionBox, NumberEdit, SequenceEdit
from app.views.base import Axis
from app.views.compare_view import LossAxis
from core.events import BatchFinished


@pytest.fixture
def russian(switch_language):
    switch_language("ru")


def typed(edit, text):
    edited = []
    edit.valueEdited.connect(edited.append)
    edit.setText(text)
    edit.editingFinished.emit()
    return edited


def test_a_number_shows_and_reads_the_language_s_decimal_separator(qtbot, russian, switch_language):
    edit = NumberEdit()
    qtbot.addWidget(edit)
    edit.set_value(0.05)
    assert edit.text() == "0,05"
    assert typed(edit, "0,5") == [0.5]
    assert typed(edit, "0.25") == [0.25]  # a point is understood too
    assert typed(edit, "1e-3") == [0.001] and edit.text() == "1e-3"  # kept as typed
    assert typed(edit, "0,1,2") == ["0,1,2"]  # not a number: handed on as text, which validation reports
    switch_language("en")
    assert edit.text() == "0,1,2"
    edit.set_value(0.001)
    assert edit.text() == "0.001"
    switch_language("ru")
    assert edit.text() == "0,001"


def test_a_number_typed_with_a_point_is_shown_with_the_language_s_separator_once_accepted(qtbot, russian):
    """A learning rate typed "0.5" in Russian stayed "0.5" beside every other number of the window written 0,5;
    while it is typed it is left alone."""
    edit = NumberEdit()
    qtbot.addWidget(edit)
    edit.set_value(0.05)
    edited = []
    edit.valueEdited.connect(edited.append)
    edit.selectAll()
    qtbot.keyClicks(edit, "0.5")
    assert edit.text() == "0.5" and edited == [], "not rewritten while typing"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edited == [0.5] and edit.text() == "0,5"
    assert typed(edit, "1.5e-3") == [0.0015] and edit.text() == "1,5e-3", "written as typed, in the window's decimals"
    assert typed(edit, "0.1.2") == ["0.1.2"] and edit.text() == "0.1.2", "text that is no number is left as it is"
    sequence = SequenceEdit()
    qtbot.addWidget(sequence)
    assert typed(sequence, "0.8; 0.99") == [[0.8, 0.99]] and sequence.text() == "0,8; 0,99"


@pytest.mark.parametrize("language, shown", [("ru", "0,15"), ("en", "0.15")])
@pytest.mark.parametrize("keys", ["0.15", "0,15"])
def test_a_fraction_box_takes_either_decimal_separator(qtbot, switch_language, language, shown, keys):
    """Qt's box dropped the point of "0.15" typed in Russian, or the comma of "0,15" in English, and set the
    validation split to 0."""
    switch_language(language)
    box = FractionBox(0.0, 0.9, 0.05)
    qtbot.addWidget(box)
    box.setValue(0.1)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, keys)
    assert box.lineEdit().text() == shown
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.value() == pytest.approx(0.15)


def test_a_list_of_numbers_is_separated_by_semicolons_where_the_comma_is_decimal(qtbot, russian, switch_language):
    edit = SequenceEdit()
    qtbot.addWidget(edit)
    edit.set_value((0.9, 0.999))
    assert edit.text() == "0,9; 0,999"
    assert typed(edit, "0,8; 0,99") == [[0.8, 0.99]]
    switch_language("en")
    assert edit.text() == "0.8, 0.99"
    assert typed(edit, "0.7, 0.9") == [[0.7, 0.9]]


def test_a_learning_rate_typed_with_a_comma_reaches_the_configuration(window, russian):
    edit = window.training_panel.optimizer_options.controls()["lr"]
    edit.setText("0,02")
    edit.editingFinished.emit()
    assert window.model.config.optimizer.options["lr"] == 0.02
    assert edit.text() == "0,02" and window.start_action.isEnabled()


def test_the_status_bar_writes_a_tiny_loss_as_the_plot_axes_do(window, qtbot, russian, switch_language):
    """The status bar wrote lab 4's hand-set XNOR loss "4,546e-05" under a loss axis that wrote 4,5·10⁻⁵."""
    window._on_progress(Progress(batches=(BatchFinished(0, 1, 0, 4, 4.546e-5, 1.0, 0.1, 4, 0.5),)))
    label = window.status_labels["loss"]
    qtbot.waitUntil(lambda: label.text() != "")  # written at the next frame
    assert Axis("left").tickStrings([4.5e-5], 1, 1e-5) == ["4,5·10⁻⁵"]
    assert label.text() == "потери 4,546·10⁻⁵"
    switch_language("en")
    assert label.text() == "loss 4.546·10⁻⁵"


def test_plot_axes_label_their_ticks_with_the_language_s_decimal_separator(qapp, russian, switch_language):
    for axis in (Axis("left"), LossAxis("left")):
        assert axis.tickStrings([0.5, 1.0, 1.5], 1.0, 0.5) == ["0,5", "1,0", "1,5"]
    switch_language("en")
    assert Axis("left").tickStrings([0.5, 1.0], 1.0, 0.5) == ["0.5", "1.0"]


def test_a_language_switch_redraws_the_axes(window, russian, switch_language):
    axes = [item for plot in window.findChildren(pg.PlotWidget) for item in plot.scene().items()
            if isinstance(item, pg.AxisItem)]
    assert axes
    for item in axes:
        item.picture = "drawn in Russian"
    switch_language("en")
    assert all(item.picture is None for item in axes)


@pytest.mark.parametrize("language, misgrouped, thousands", [("en", "5,5", "1,000"), ("en", "1,00", "12,345"),
                                                             ("ru", "5 5", "1 000"), ("ru", "5\u00a05", "1\u00a0000"),
                                                             ("en", "5.5", "1,000"), ("ru", "5,5", "1 000")])
def test_an_integer_box_takes_a_group_separator_only_between_thousands_and_says_why_it_refuses_it_elsewhere(
        qtbot, switch_language, language, misgrouped, thousands):
    """"5,5" typed as the epochs in English trained 55 epochs: Qt's box drops the group separator wherever it stands,
    and a decimal separator as it is typed."""
    switch_language(language)
    model = ConfigModel()
    model.set("training.epochs", 20)
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    box = panel.epochs
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, misgrouped)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert model.get("training.epochs") == 20 and box.value() == 20
    assert box.property("invalid")
    reason = box.property("refusal")
    assert misgrouped.replace("\u00a0", " ") in reason.replace("\u00a0", " ") and "20" in reason
    assert reason in box.toolTip() and reason in panel.problems.text() and panel.problems.isVisibleTo(panel)
    model.set("training.batch_size", 64)  # the configuration's problems shown again keep the refusal
    assert box.property("invalid") and reason in box.toolTip()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, thousands)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert model.get("training.epochs") == int(thousands.replace(",", "").replace("\u00a0", "").replace(" ", ""))
    assert not box.property("invalid") and "⚠" not in box.toolTip() and not panel.problems.isVisibleTo(panel)


def test_a_hyperparameter_s_integer_box_lists_the_text_it_refused_with_the_panel_s_problems(qtbot, switch_language):
    model = ConfigModel()
    model.set("data.dataset", "moons")
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    box = panel.options.controls()["n_samples"]
    before = model.get("data.options").get("n_samples")
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "5,5")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert model.get("data.options").get("n_samples") == before
    assert box.property("invalid") and "“5,5” is not a whole number" in panel.problems.text()
