"""Numbers in the window's language: edits show 0,05 in Russian and read a comma or a point; plot axes too."""
import pyqtgraph as pg
import pytest

from app import i18n
from PySide6.QtCore import Qt

from app.panels.widgets import FractionBox, NumberEdit, SequenceEdit
from app.views.base import Axis
from app.views.compare_view import LossAxis


@pytest.fixture
def russian(qapp):
    i18n.set_language("en")  # a translator installed first, so that switching sends LanguageChange
    i18n.set_language("ru")
    yield
    i18n.set_language("en")


def typed(edit, text):
    edited = []
    edit.valueEdited.connect(edited.append)
    edit.setText(text)
    edit.editingFinished.emit()
    return edited


def test_a_number_shows_and_reads_the_language_s_decimal_separator(qtbot, russian):
    edit = NumberEdit()
    qtbot.addWidget(edit)
    edit.set_value(0.05)
    assert edit.text() == "0,05"
    assert typed(edit, "0,5") == [0.5]
    assert typed(edit, "0.25") == [0.25]  # a point is understood too
    assert typed(edit, "1e-3") == [0.001] and edit.text() == "1e-3"  # kept as typed
    assert typed(edit, "0,1,2") == ["0,1,2"]  # not a number: handed on as text, which validation reports
    i18n.set_language("en")
    assert edit.text() == "0,1,2"
    edit.set_value(0.001)
    assert edit.text() == "0.001"
    i18n.set_language("ru")
    assert edit.text() == "0,001"


@pytest.mark.parametrize("keys", ["0.15", "0,15"])
def test_a_fraction_box_takes_a_decimal_point_where_the_language_writes_a_comma(qtbot, russian, keys):
    """Qt's box dropped the point of "0.15" typed in Russian and set the validation split to 0."""
    box = FractionBox(0.0, 0.9, 0.05)
    qtbot.addWidget(box)
    box.setValue(0.1)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, keys)
    assert box.lineEdit().text() == "0,15"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.value() == pytest.approx(0.15)


def test_a_list_of_numbers_is_separated_by_semicolons_where_the_comma_is_decimal(qtbot, russian):
    edit = SequenceEdit()
    qtbot.addWidget(edit)
    edit.set_value((0.9, 0.999))
    assert edit.text() == "0,9; 0,999"
    assert typed(edit, "0,8; 0,99") == [[0.8, 0.99]]
    i18n.set_language("en")
    assert edit.text() == "0.8, 0.99"
    assert typed(edit, "0.7, 0.9") == [[0.7, 0.9]]


def test_a_learning_rate_typed_with_a_comma_reaches_the_configuration(window, russian):
    edit = window.training_panel.optimizer_options.controls()["lr"]
    edit.setText("0,02")
    edit.editingFinished.emit()
    assert window.model.config.optimizer.options["lr"] == 0.02
    assert edit.text() == "0,02" and window.start_action.isEnabled()


def test_plot_axes_label_their_ticks_with_the_language_s_decimal_separator(qapp, russian):
    for axis in (Axis("left"), LossAxis("left")):
        assert axis.tickStrings([0.5, 1.0, 1.5], 1.0, 0.5) == ["0,5", "1,0", "1,5"]
    i18n.set_language("en")
    assert Axis("left").tickStrings([0.5, 1.0], 1.0, 0.5) == ["0.5", "1.0"]


def test_a_language_switch_redraws_the_axes(window, russian):
    axes = [item for plot in window.findChildren(pg.PlotWidget) for item in plot.scene().items()
            if isinstance(item, pg.AxisItem)]
    assert axes
    for item in axes:
        item.picture = "drawn in Russian"
    i18n.set_language("en")
    assert all(item.picture is None for item in axes)
