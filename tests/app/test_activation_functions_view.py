"""The Activation functions view draws the engine's φ and φ′ of each chosen activation — undefined φ′
shown as a gap with the value backpropagation uses — follows its controls, stars the network's
activations, exports, and opens with lab 3's functions."""
import csv
from types import SimpleNamespace
from xml.etree import ElementTree

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from app.main_window import MainWindow
from app.views.activation_functions import ActivationFunctionsView
from core import activations, labs
from core.layers import Activation, Dense
from core.network import Network


@pytest.fixture
def view(qtbot):
    made = ActivationFunctionsView()
    qtbot.addWidget(made)
    made.resize(1100, 800)
    made.show()
    qtbot.waitExposed(made)
    return made


def made(view):
    """The view's cells, every pending one made (a shown view makes them over the next turns of the event loop)."""
    view.make_every_cell()
    return view.cells


def plotted(view, name):
    """(z, φ, φ′) as drawn in the function's plot."""
    cell = made(view)[name]
    z, value = cell.value.getData()
    derivative_z, derivative = cell.derivative.getData()
    np.testing.assert_array_equal(z, derivative_z)
    return z, value, derivative


def kink_dots(view, name):
    x, y = made(view)[name].kinks.getData()
    return list(zip(x.tolist(), y.tolist()))


def type_into(edit, text):
    edit.setText(text)
    edit.editingFinished.emit()


def test_showing_the_view_makes_its_plots_one_step_per_turn_of_the_event_loop(qtbot):
    view = ActivationFunctionsView()
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    assert len(view.cells) <= 1 and view.pending_cells()  # the window answers between two plots
    turns = [len(view.cells)]
    while view.pending_cells() and len(turns) < 1000:
        QCoreApplication.processEvents()
        turns.append(len(view.cells))
    assert list(view.cells) == activations.names()
    assert max(np.diff(turns)) == 1 and len(turns) > 9 * len(view.cells), "a plot is made and shown in ten turns"
    assert all(cell.plot.opacity() == cell.value.opacity() == cell.derivative.opacity() == cell.kinks.opacity() == 1
               for cell in view.cells.values())
    (low, high), = [view.cells[name].plot.viewRange()[1] for name in ["identity"]]
    assert low <= -5 and high >= 5, "the y axis fits φ(z) = z, made in turns as at once"
    view.hide()
    view.select_functions(["sigmoid", "relu"])
    assert list(view.cells) == activations.names()  # a hidden view draws nothing
    view.show()
    assert view.pending_cells() == ["sigmoid", "relu"]  # laid out at the next turn, then made
    QCoreApplication.processEvents()
    assert view.cells == {} and list(view.places) == ["sigmoid", "relu"]
    qtbot.waitUntil(lambda: list(view.cells) == ["sigmoid", "relu"])


def test_a_grid_taller_than_the_view_is_laid_out_once_in_the_columns_its_scroll_bar_leaves_room_for(qtbot):
    """940 pixels wide, three columns fitted before the scroll bar came and two after: the grid was laid out
    twice when the view was shown, the cells made in between made again."""
    view = ActivationFunctionsView()
    qtbot.addWidget(view)
    view.resize(940, 760)
    laid_out = []
    lay_out = view._lay_out
    view._lay_out = lambda names: (laid_out.append(list(names)), lay_out(names))
    view.show()
    cells = made(view)
    QCoreApplication.processEvents()
    assert view.scroll.verticalScrollBar().isVisible()
    assert view.pending_cells() == [] and laid_out == [activations.names()] and view.columns == 2
    right_edge = view.scroll.viewport().width()
    assert all(view.places[name].mapRectToScene(view.places[name].boundingRect()).right() <= right_edge + 0.5
               for name in cells)


def test_every_activation_is_plotted_with_the_engines_phi_and_derivative(view):
    assert list(made(view)) == activations.names()
    assert all(cell.plot.opacity() == 1 for cell in view.cells.values()), "made at once, as for an export: all shown"
    for name in activations.names():
        z, value, derivative = plotted(view, name)
        assert z[0] == -5.0 and z[-1] == 5.0 and np.all(np.diff(z) > 0)
        function = activations.create(name)
        np.testing.assert_array_equal(value, function.forward(z), err_msg=name)
        np.testing.assert_array_equal(derivative, function.derivative(z), err_msg=name)
    z, sigmoid, sigmoid_slope = plotted(view, "sigmoid")
    np.testing.assert_allclose(sigmoid, 1 / (1 + np.exp(-z)), rtol=1e-12)  # the textbook formula
    at_zero = int(np.flatnonzero(z == 0.0)[0])
    assert sigmoid_slope[at_zero] == 0.25 and sigmoid_slope.max() == 0.25
    assert plotted(view, "tanh")[2][at_zero] == 1.0
    _, step, _ = plotted(view, "step")
    _, _, relu_slope = plotted(view, "relu")
    away = z != 0.0
    np.testing.assert_array_equal(relu_slope[away], step[away])  # ReLU′ is the unit step
    assert step[at_zero] == 0.5  # the lecture's φ(0) = ½


def test_undefined_derivatives_break_the_dashed_curve_and_show_the_value_backpropagation_uses(view):
    assert kink_dots(view, "step") == [(0.0, 0.0)] and kink_dots(view, "sign") == [(0.0, 0.0)]
    assert kink_dots(view, "relu") == [(0.0, 0.0)] and kink_dots(view, "leaky_relu") == [(0.0, 0.01)]
    assert kink_dots(view, "piecewise_linear") == [(-0.5, 0.0), (0.5, 0.0)]
    assert kink_dots(view, "sigmoid") == [] and kink_dots(view, "elu") == []  # elu with α = 1 is smooth
    z, _, _ = plotted(view, "piecewise_linear")
    connected = view.cells["piecewise_linear"].derivative.opts["connect"]
    broken = sorted(np.flatnonzero(~connected).tolist())
    kinks = [int(np.flatnonzero(z == kink)[0]) for kink in (-0.5, 0.5)]
    assert broken == sorted([kinks[0] - 1, kinks[0], kinks[1] - 1, kinks[1]])  # no line into or out of a kink
    assert view.cells["sigmoid"].derivative.opts["connect"].all()


def test_each_function_s_check_box_gives_its_formula(view):
    """Each only said "Plot relu and its derivative"."""
    assert view.function_checks["relu"].toolTip().startswith("Plot ReLU and its derivative\n\n")
    assert "φ(z) = max(0, z)" in view.function_checks["relu"].toolTip()
    assert "φ(z) = clip(z + ½, 0, 1)" in view.function_checks["piecewise_linear"].toolTip()


def test_the_functions_option_chooses_the_plots(view):
    view.select_functions(["sigmoid", "relu"])
    assert list(made(view)) == ["sigmoid", "relu"] == view.selected_functions()
    assert not view.function_checks["tanh"].isChecked()
    view.function_checks["tanh"].setChecked(True)
    assert list(made(view)) == ["sigmoid", "tanh", "relu"]  # the registry's order
    with pytest.raises(ValueError, match="unknown activation 'swish'; choose from: identity, step"):
        view.select_functions(["swish"])
    view.clear_functions()
    assert made(view) == {} and view.note.text() == "Choose at least one function to plot."
    view.select_every_function()
    assert list(made(view)) == activations.names() and not view.note.isVisible()


def test_changing_alpha_redraws_and_a_bad_alpha_is_reported_at_its_field(view):
    alpha = view.hyperparameter_edits["leaky_relu"]["alpha"]
    type_into(alpha, "0.3")
    z, value, derivative = plotted(view, "leaky_relu")
    negative = z < 0
    np.testing.assert_allclose(value[negative], 0.3 * z[negative], rtol=1e-15)
    assert set(derivative[negative].tolist()) == {0.3} and kink_dots(view, "leaky_relu") == [(0.0, 0.3)]
    type_into(view.hyperparameter_edits["elu"]["alpha"], "0.5")
    assert kink_dots(view, "elu") == [(0.0, 0.5)]  # α ≠ 1: a corner at 0

    type_into(alpha, "-1")
    assert alpha.property("invalid") and "leaky_relu alpha must be ≥ 0.0, got -1.0" in alpha.toolTip()
    assert "leaky_relu alpha must be ≥ 0.0" in view.note.text() and view.note.isVisible()
    assert "leaky_relu" not in made(view) and "relu" in view.cells
    type_into(alpha, "0.2")
    assert not alpha.property("invalid") and not view.note.isVisible()
    assert kink_dots(view, "leaky_relu") == [(0.0, 0.2)]


def test_the_z_range_is_the_plots_range_and_a_reversed_one_is_refused(view):
    type_into(view.low_edit, "-2")
    type_into(view.high_edit, "3")
    z, _, _ = plotted(view, "tanh")
    assert z[0] == -2.0 and z[-1] == 3.0
    type_into(view.low_edit, "4")
    assert "z range start must be below its end, got 4.0 to 3.0" in view.note.text()
    assert view.low_edit.property("invalid") and view.high_edit.property("invalid")
    assert made(view)["tanh"].value.getData() == (None, None)  # nothing drawn rather than a stale range
    type_into(view.low_edit, "-1")
    assert not view.low_edit.property("invalid") and plotted(view, "tanh")[0][0] == -1.0


def test_the_hyperparameter_rows_are_named_as_the_network_panel_names_them(view):
    """They read "leaky_relu alpha", the engine's identifiers, beside a Network panel that says Leaky ReLU and α."""
    edits = view.hyperparameter_edits
    form = edits["elu"]["alpha"].parentWidget().layout()
    rows = {name: form.labelForField(edits[name]["alpha"]).text() for name in ("leaky_relu", "elu")}
    assert rows == {"leaky_relu": "Leaky ReLU: α (alpha)", "elu": "ELU: α (alpha)"}
    assert view.hyperparameter_edits["elu"]["alpha"].accessibleName() == "ELU: α (alpha)"


def test_a_reset_to_a_network_of_the_same_activations_draws_nothing_again(view, monkeypatch):
    """Reset on MNIST drew all ten plots again, 14 ms, and 31 ms to paint them, for the same stars."""
    network = Network([Dense(3, 4), Activation("tanh"), Dense(4, 2)])
    view.reset(SimpleNamespace(network=network))
    made(view)
    drawn = []
    draw_cell = view._draw_cell
    monkeypatch.setattr(view, "_draw_cell", lambda name: (drawn.append(name), draw_cell(name)))
    view.reset(SimpleNamespace(network=Network([Dense(3, 4), Activation("tanh"), Dense(4, 2)])))
    assert drawn == []
    view.reset(SimpleNamespace(network=Network([Dense(3, 4), Activation("relu"), Dense(4, 2)])))
    assert drawn == activations.names()
    assert view.cells["relu"].title.text == "★ ReLU" and view.cells["tanh"].title.text == "Hyperbolic tangent"


def test_the_networks_activations_are_starred_and_named_as_the_network_panel_names_them(view, switch_language):
    """The line, the titles and the check boxes said "leaky_relu (alpha = 0.2)" and "leaky_relu — LeakyReLU", the
    engine's identifiers, beside a Network panel and rows of hyperparameters that say "Leaky ReLU: α (alpha)"."""
    network = Network([Dense(3, 4), Activation("tanh"), Dense(4, 4), Activation("leaky_relu", alpha=0.2),
                       Dense(4, 4), Activation("tanh"), Dense(4, 2)])
    view.reset(SimpleNamespace(network=network))
    titles = {name: cell.title.text for name, cell in made(view).items()}
    assert titles["tanh"] == "★ Hyperbolic tangent" and titles["relu"] == "ReLU"
    assert titles["leaky_relu"] == "★ Leaky ReLU"
    assert view.function_checks["leaky_relu"].text() == "Leaky ReLU"
    assert view.function_checks["step"].toolTip().startswith("Plot Unit step (Heaviside) and its derivative")
    # "in hidden layer(s) 2" in English, "в скрытых слоях 1" in Russian: one layer or several, as each language says it
    assert view.network_label.text() == ("★ The network uses: Hyperbolic tangent in hidden layers 1, 3; "
                                         "Leaky ReLU: α (alpha) = 0.2 in hidden layer 2")
    switch_language("ru")
    assert view.network_label.text() == ("★ В сети: Гиперболический тангенс в скрытых слоях 1, 3; "
                                         "Leaky ReLU: α (alpha) = 0,2 в скрытом слое 2")
    assert view.function_checks["sigmoid"].text() == "Логистическая сигмоида"
    assert view.cells["tanh"].title.text == "★ Гиперболический тангенс"
    assert view.function_checks["tanh"].toolTip().startswith(
        "Построить функцию «Гиперболический тангенс» и её производную")


def test_exports_write_the_figure_and_each_curve(view, tmp_path):
    view.select_functions(["step", "sigmoid"])
    for suffix in ("png", "svg", "csv"):
        view.export(tmp_path / f"activations.{suffix}")
    image = QImage(str(tmp_path / "activations.png"))
    assert not image.isNull() and image.width() >= 2 * view.graphics.width() - 1
    assert ElementTree.parse(tmp_path / "activations.svg").getroot().tag.endswith("svg")
    with open(tmp_path / "activations.csv", newline="", encoding="utf-8-sig") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == ["z", "step(z)", "step'(z)", "sigmoid(z)", "sigmoid'(z)"]
    table = np.array(rows, dtype=np.float64)
    z, sigmoid, sigmoid_slope = plotted(view, "sigmoid")
    np.testing.assert_array_equal(table[:, 0], z)
    np.testing.assert_array_equal(table[:, 3], sigmoid)
    np.testing.assert_array_equal(table[:, 4], sigmoid_slope)
    np.testing.assert_array_equal(table[:, 1], plotted(view, "step")[1])


def test_lab_3_shows_the_view_first_with_its_functions_and_the_sigmoid_network_starred(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.confirm_reset = lambda question: True
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    assert window.labs.open_lab("03-activations")
    view = window.labs.view_for("activation_functions")
    assert isinstance(view, ActivationFunctionsView) and window.view_tabs.currentWidget() is view
    spec = next(spec for spec in labs.load("03-activations").views if spec.name == "activation_functions")
    assert view.selected_functions() == spec.options["functions"]
    qtbot.waitUntil(lambda: "sigmoid" in view.used, timeout=20_000)  # the lab's deep sigmoid network is built
    assert view.used == {"sigmoid": [(number, {}) for number in range(1, 7)]}
    assert list(made(view)) == spec.options["functions"]
    assert view.cells["sigmoid"].title.text == "★ Logistic sigmoid"


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("width", [700, 1000, 1400])
def test_the_plots_and_their_titles_stay_within_the_view(view, qtbot, width, language, switch_language):
    switch_language(language)
    view.resize(width, 800)
    qtbot.waitUntil(lambda: view.columns == view._columns_wanted())
    cells = made(view)
    QCoreApplication.processEvents()
    right_edge = view.scroll.viewport().width()
    for name, cell in cells.items():
        place = view.places[name]
        assert place.mapRectToScene(place.boundingRect()).right() <= right_edge + 0.5, name
        assert cell.title.item.boundingRect().width() <= place.boundingRect().width(), (name, cell.title.text)
    if width == 1400:  # cells wide enough for every title on one line
        assert not [cell.title.text for cell in cells.values() if "\n" in cell.title.text]
