"""The Gradient check view: the engine's check of the window's network, run when the network is built or
reset and on demand — never while it trains —, each tensor's result coloured; exports; lab 12 opens it."""
import csv
from types import SimpleNamespace
from xml.etree import ElementTree

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

import app.views.gradient_check_view as gradient_check_view
from app.gradient_check_dialog import CHECK_EXAMPLES, FAILED_COLOUR, PASSED_COLOUR, GradientCheckTable, line_width
from app.main_window import MainWindow
from app.views.histograms import HistogramView
from app.views.gradient_check_view import GradientCheckView
from core.config import RunConfig
from core.experiment import build_regularizer
from core.gradient_check import gradient_check
from core.layers import Activation, BatchNorm, Dense
from core.network import Network

RESULT = GradientCheckTable.RESULT_COLUMN
KINKS = 3  # the column after "Entries checked"


def shown_window(qtbot, config=None) -> MainWindow:
    """A window on screen: the view checks only while it is shown."""
    window = MainWindow(config)
    qtbot.addWidget(window)
    window.confirm_reset = lambda question: True
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    return window


def view_of(window) -> GradientCheckView:
    return next(tool for tool in window.tools if isinstance(tool, GradientCheckView))


def small_experiment(l2=0.0):
    rng = np.random.default_rng(0)
    config = RunConfig()
    config.regularization.l2 = l2
    network = Network([Dense(4, 5), Activation("sigmoid"), Dense(5, 3)])
    dataset = SimpleNamespace(X_train=rng.normal(size=(40, 4)).astype(np.float32), y_train=rng.integers(0, 3, 40))
    return SimpleNamespace(network=network, dataset=dataset, config=config)


def checked(qtbot, view) -> list:
    """Check (off the GUI thread) and wait for the rows the view then shows."""
    session = view.check()
    assert session is not None
    with qtbot.waitSignal(session.ended, timeout=30_000):
        pass
    return view.rows


def table_cells(view):
    return [[view.results.item(row, column).text() for column in range(view.results.columnCount())]
            for row in range(view.results.rowCount())]


def test_shown_the_view_checks_the_windows_network_like_the_engine_and_every_tensor_passes(
        qtbot, small_config, monkeypatch):
    window = shown_window(qtbot, small_config())
    calls = []
    original = gradient_check_view.GradientCheckSession
    monkeypatch.setattr(gradient_check_view, "GradientCheckSession",
                        lambda *args: calls.append(args) or original(*args))
    view = view_of(window)
    window.start_page.show_views(view)
    qtbot.waitUntil(lambda: bool(view.rows), timeout=10_000)
    experiment, data = window.experiment, window.experiment.dataset
    expected = gradient_check(experiment.network, data.X_train[:CHECK_EXAMPLES], data.y_train[:CHECK_EXAMPLES],
                              regularizer=build_regularizer(window.model.config))
    assert view.rows == expected and all(row.passed for row in view.rows)
    assert [row.name for row in view.rows] == experiment.network.parameter_names()
    cells = table_cells(view)
    assert [cell[0] for cell in cells] == ["Layer 1 · W", "Layer 1 · b", "Layer 2 · W", "Layer 2 · b"]
    assert {cell[RESULT] for cell in cells} == {"ok"}
    assert view.results.item(0, RESULT).foreground().color() == PASSED_COLOUR
    assert view.status.text().startswith("Backpropagation agrees with the numerical gradient for every tensor.")
    x, y = view.points.getData()  # the chart: log10 of each relative error, one row per tensor
    np.testing.assert_allclose(x, np.log10([row.relative_error for row in expected]))
    np.testing.assert_array_equal(y, np.arange(len(expected)))

    # Training does not re-check (it is costly) but says that the check is of older weights; Reset re-checks.
    window.step_batch()
    assert not view.check_button.isEnabled() and view.check() is None  # the batch is being trained
    qtbot.waitUntil(view.check_button.isEnabled, timeout=10_000)  # paused after it
    assert len(calls) == 1 and "The network has trained since: press Check now" in view.status.text()
    view.check_button.click()
    assert len(calls) == 2 and view.status.text() == "Checking…" and not view.check_button.isEnabled()
    qtbot.waitUntil(view.check_button.isEnabled, timeout=10_000)
    assert "trained since" not in view.status.text()
    assert window.steps_done == 1 and "after 1 step, on the first 16 training examples." in view.status.text()
    window.reset_action.trigger()
    qtbot.waitUntil(lambda: len(calls) == 3 and view.session is None, timeout=10_000)
    assert "after 0 steps, on the first 16 training examples." in view.status.text()


def test_a_wrong_backward_pass_fails_in_red(qtbot, monkeypatch):
    view = GradientCheckView()
    qtbot.addWidget(view)
    experiment = small_experiment()
    monkeypatch.setattr(type(experiment.network.layers[1].function), "backward",
                        lambda self, z, a, grad: grad * a)  # forgot (1 − a)
    view.reset(experiment)
    rows = checked(qtbot, view)
    failed = [index for index, row in enumerate(rows) if not row.passed]
    assert failed and view.rows == rows
    view.refresh()
    assert all(view.results.item(index, RESULT).text() == "FAIL" for index in failed)
    assert view.results.item(failed[0], RESULT).foreground().color() == FAILED_COLOUR
    assert view.status.text().startswith(f"{len(failed)} tensor(s) disagree")


def test_entries_at_a_relu_kink_are_left_out_and_counted_not_failed(qtbot):
    view = GradientCheckView()
    qtbot.addWidget(view)
    experiment = small_experiment()
    experiment.network = Network([Dense(4, 5), Activation("relu"), Dense(5, 3), Activation("relu"), Dense(3, 3)])
    experiment.network.layers[0].W[...] = 0  # the second layer's ReLUs all sit at 0, their kink
    experiment.dataset.y_train[:] = 0
    view.reset(experiment)
    rows = checked(qtbot, view)
    view.refresh()
    kinked = {row.name: row.entries_at_kinks for row in rows}
    assert kinked["layer2.b"] == 3 and all(row.passed for row in rows if row.checked)
    assert view.results.item(3, KINKS).text() == "3" and view.results.item(3, RESULT).text() == "not checked"
    assert table_cells(view)[3][4:RESULT] == ["—"] * 4, "nothing compared: no norms or errors of 0"
    assert view.status.text().startswith(
        "Backpropagation agrees with the numerical gradient for every tensor checked; tensors not checked "
        f"(every entry at a kink): {sum(not row.checked for row in rows)}. Entries left out at a kink (a ReLU "
        f"input at 0), where there is no derivative: {sum(kinked.values())}.")


def test_the_table_writes_shapes_as_inputs_by_units_and_each_heading_sits_over_its_column(qtbot):
    """Shapes read 4×5 and 5, and the headings, centred over left- and right-aligned cells, ran into each other."""
    view = GradientCheckView()
    qtbot.addWidget(view)
    view.reset(small_experiment())
    checked(qtbot, view)
    view.refresh()
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    table = view.results
    assert [cells[:2] for cells in table_cells(view)] == [["Layer 1 · W", "4 × 5"], ["Layer 1 · b", "5"],
                                                          ["Layer 2 · W", "5 × 3"], ["Layer 2 · b", "3"]]
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(table.columnCount()):
        heading = table.horizontalHeaderItem(column)
        assert heading.textAlignment() == table.item(0, column).textAlignment(), heading.text()
        assert header.sectionSize(column) > line_width(heading.text(), metrics) + metrics.averageCharWidth(), \
            f"room around “{heading.text()}”"
    left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    assert table.item(0, 0).textAlignment() & left and table.item(0, 1).textAlignment() & right
    assert all(table.item(0, column).textAlignment() & right for column in range(2, RESULT))
    assert table.item(0, RESULT).textAlignment() & Qt.AlignmentFlag.AlignHCenter


def test_the_check_uses_the_configurations_penalty_and_waits_while_the_network_trains(qtbot):
    view = GradientCheckView()
    qtbot.addWidget(view)
    experiment = small_experiment()
    view.reset(experiment)
    view.set_network_at_rest(False)
    assert view.check() is None and not view.check_button.isEnabled()
    assert view.status.text().startswith("Pause or stop training to check")
    view.set_network_at_rest(True)
    penalised = small_experiment(l2=0.5).config
    view.set_config(penalised)
    rows = checked(qtbot, view)
    X, y = experiment.dataset.X_train[:CHECK_EXAMPLES], experiment.dataset.y_train[:CHECK_EXAMPLES]
    assert rows == gradient_check(experiment.network, X, y, regularizer=build_regularizer(penalised))
    assert rows != gradient_check(experiment.network, X, y)  # the penalty's gradient was part of the check


def test_exports_write_the_chart_and_the_rows(qtbot, tmp_path):
    view = GradientCheckView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.reset(small_experiment())  # shown: checked at once, off the GUI thread
    qtbot.waitUntil(lambda: bool(view.rows), timeout=10_000)
    rows = view.rows
    assert len(rows) == 4
    for suffix in ("png", "svg", "csv"):
        view.export(tmp_path / f"check.{suffix}")
    image = QImage(str(tmp_path / "check.png"))
    assert not image.isNull() and image.width() >= 2 * view.graphics.width() - 1
    assert ElementTree.parse(tmp_path / "check.svg").getroot().tag.endswith("svg")
    with open(tmp_path / "check.csv", newline="", encoding="utf-8-sig") as handle:
        header, *lines = list(csv.reader(handle))
    assert header == ["tensor", "shape", "entries_checked", "entries_at_kinks", "backprop_norm", "numeric_norm",
                      "max_abs_error", "relative_error", "passed"]
    assert [line[0] for line in lines] == ["layer0.W", "layer0.b", "layer2.W", "layer2.b"] == [r.name for r in rows]
    assert lines[0][1] == "4x5" and [float(line[7]) for line in lines] == [row.relative_error for row in rows]
    assert [float(line[4]) for line in lines] == [row.backprop_norm for row in rows]


def test_lab_12_shows_the_check_of_its_network_first_and_every_tensor_passes(qtbot):
    window = shown_window(qtbot)
    assert window.labs.open_lab("12-gradient-check")
    view = window.labs.view_for("gradient_check")
    assert isinstance(view, GradientCheckView) and window.view_tabs.currentWidget() is view
    qtbot.waitUntil(lambda: window.experiment.dataset.name == "wine" and bool(view.rows), timeout=20_000)
    names = [row.name for row in view.rows]
    assert names == window.experiment.network.parameter_names() and "layer3.gamma" in names
    assert all(row.passed for row in view.rows)


def test_tensors_are_named_by_their_layer_counted_as_the_weights_view_counts_them_the_engine_s_name_in_a_tooltip(
        qtbot, switch_language):
    """The table and the chart said "layer0.W", "layer3.W" (the engine's indices, activations counted) where the
    Weights and Network views say layer 1 and 2; lab 12's sheet quotes the engine's names, which the tooltip keeps."""
    view = GradientCheckView()
    qtbot.addWidget(view)
    experiment = small_experiment()
    experiment.network = Network([Dense(4, 5), BatchNorm(5), Activation("tanh"), Dense(5, 3)])
    view.reset(experiment)
    checked(qtbot, view)
    view.refresh()
    assert [row.name for row in view.rows] == ["layer0.W", "layer0.b", "layer1.gamma", "layer1.beta", "layer3.W",
                                               "layer3.b"]
    shown = ["Layer 1 · W", "Layer 1 · b", "Layer 1 · γ", "Layer 1 · β", "Layer 2 · W", "Layer 2 · b"]
    assert [cells[0] for cells in table_cells(view)] == shown
    assert [view.results.item(row, 0).toolTip() for row in range(2)] == ["The engine's name: layer0.W",
                                                                        "The engine's name: layer0.b"]
    assert [name for _, name in view.plot.getAxis("left")._tickLevels[0]] == shown, "the chart names them alike"
    weights = HistogramView()
    qtbot.addWidget(weights)
    weights.prepare(experiment)
    titles = [plots[0].titleLabel.text for _, _, plots in weights.rows]
    assert titles == ["layer 1: weights (4×5)", "layer 2: weights (5×3)"], "the Weights view counts them so"
    assert view.table()[1][4][0] == "layer3.W", "the exported table keeps the engine's names"
    switch_language("ru")
    assert [cells[0] for cells in table_cells(view)][4:] == ["Слой 2 · W", "Слой 2 · b"]
    assert view.results.item(4, 0).toolTip() == "Имя в движке: layer3.W"


def test_lab_12_s_table_fits_its_view_at_1100_by_700_its_result_in_sight_in_either_language(qtbot, switch_language):
    """At 1100×700 the table scrolled sideways and its Result column was out of sight."""
    window = shown_window(qtbot)
    window.resize(1100, 700)
    assert window.labs.open_lab("12-gradient-check")
    view = window.labs.view_for("gradient_check")
    qtbot.waitUntil(lambda: window.experiment.dataset.name == "wine" and bool(view.rows), timeout=20_000)
    table = view.results
    for language in ("en", "ru"):
        switch_language(language)
        qtbot.wait(50)
        header, metrics = table.horizontalHeader(), table.horizontalHeader().fontMetrics()
        assert not table.horizontalScrollBar().isVisible()
        assert header.length() <= table.viewport().width(), language
        assert header.sectionViewportPosition(RESULT) + header.sectionSize(RESULT) <= table.viewport().width()
        widest = max(table.fontMetrics().horizontalAdvance(table.item(row, RESULT).text())
                     for row in range(table.rowCount()))
        assert header.sectionSize(RESULT) > widest, f"{language}: “ok” and “верно” are shown whole"
        for column in range(table.columnCount()):
            assert header.sectionSize(column) > line_width(table.horizontalHeaderItem(column).text(), metrics), \
                f"{language}: the heading of column {column} is whole"


def test_the_check_writes_its_thresholds_in_the_window_s_language(qtbot, switch_language):
    """The explanation wrote 0.001 beside a Russian interface that writes 0,5."""
    from app.gradient_check_dialog import GradientCheckTable

    switch_language("ru")
    table = GradientCheckTable()
    qtbot.addWidget(table)
    explanation = GradientCheckTable.explanation()
    tips = [table.horizontalHeaderItem(column).toolTip() for column in range(table.columnCount())]
    assert "0,001" in explanation and "0.001" not in explanation and "10⁻⁶" in explanation
    assert any("0,001" in tip for tip in tips) and not any("0.001" in tip for tip in tips)


def test_a_check_on_fewer_examples_than_it_takes_says_how_many_in_the_singular_for_one(qtbot, switch_language):
    """It said "on the first 16 training examples" whatever the data held, and wrote "1 step(s)"."""
    view = GradientCheckView()
    qtbot.addWidget(view)
    experiment = small_experiment()
    data = experiment.dataset
    data.X_train, data.y_train = data.X_train[:1], data.y_train[:1]
    view.reset(experiment)
    view.on_progress(SimpleNamespace(batches=[SimpleNamespace(step=1)]))
    checked(qtbot, view)
    assert view.status.text().endswith("\nChecked on the weights after 1 step, on the first 1 training example.")
    switch_language("ru")
    assert view.status.text().endswith("\nПроверены веса после 1 шага, на первом 1 обучающем примере.")


def test_the_russian_heading_says_how_many_entries_were_checked_not_how_many_the_tensor_has(qtbot, switch_language):
    """Lab 12's table read “Форма 13 × 6, Элементов 30” in Russian: the 30 entries checked, written as if the
    tensor had 30 (it has 78)."""
    switch_language("ru")
    table = GradientCheckTable()
    qtbot.addWidget(table)
    assert table.horizontalHeaderItem(KINKS - 1).text() == "Проверено"
    assert table.horizontalHeaderItem(KINKS - 1).toolTip().startswith("Сколько")


def test_the_table_writes_tiny_numbers_as_powers_of_ten_as_the_rest_of_the_window_does(qtbot, switch_language):
    """It wrote 1,23e-08 where the axes and the status bar write 1,23·10⁻⁸ (and its explanation 1e-06)."""
    from core.gradient_check import GradientCheckRow

    rows = [GradientCheckRow("layer1.W", (2, 3), entries_checked=6, backprop_norm=0.5, numeric_norm=0.5,
                             max_abs_error=1.234e-8, relative_error=1.234e-10),
            GradientCheckRow("layer1.b", (3,), entries_checked=3, backprop_norm=0.0, numeric_norm=0.0,
                             max_abs_error=0.0, relative_error=0.0)]
    table = GradientCheckTable()
    qtbot.addWidget(table)
    table.show_rows(rows)

    def numbers(row: int) -> list[str]:
        return [table.item(row, column).text() for column in range(KINKS + 1, RESULT)]

    assert numbers(0) == ["5.00·10⁻¹", "5.00·10⁻¹", "1.23·10⁻⁸", "1.23·10⁻¹⁰"]
    assert numbers(1) == ["0", "0", "0", "0"]
    switch_language("ru")
    assert numbers(0) == ["5,00·10⁻¹", "5,00·10⁻¹", "1,23·10⁻⁸", "1,23·10⁻¹⁰"], "written again in Russian"
    assert "10⁻⁶" in GradientCheckTable.explanation()


def test_a_long_check_runs_off_the_gui_thread_and_a_network_replaced_meanwhile_is_checked_anew(qtbot, monkeypatch):
    """Run ▸ Check gradients of a network of 88 M weights froze the window for 26 s."""
    import threading
    import time

    import app.gradient_check_dialog as dialog

    threads, release = [], threading.Event()

    def slow_check(network, *args, **options):
        threads.append(threading.current_thread())
        release.wait(10)
        return gradient_check(network, *args, **options)

    monkeypatch.setattr(dialog, "gradient_check", slow_check)
    view = GradientCheckView()
    qtbot.addWidget(view)
    first = small_experiment()
    view.reset(first)
    began = time.perf_counter()
    session = view.check()
    assert time.perf_counter() - began < 1.0 and view.status.text() == "Checking…"
    second = small_experiment(l2=0.0)
    second.network = Network([Dense(4, 2), Activation("tanh"), Dense(2, 3)])
    view.show()
    view.reset(second)  # replaced during the check: its rows would be the old network's
    release.set()
    qtbot.waitUntil(lambda: view.session is None and bool(view.rows), timeout=10_000)
    assert [row.shape for row in view.rows][0] == (4, 2), "the replacing network's check"
    assert session is not view.session and threading.main_thread() not in threads


def test_laid_out_beforehand_while_another_tab_is_shown_the_view_does_not_check_until_it_is_shown(
        qtbot, small_config, monkeypatch):
    """The window shows and hides each tab's page once to lay it out (MainWindow._prepare_next_page): that did
    not show the Gradient check tab, yet it started a check, costing CPU at Start."""
    window = shown_window(qtbot, small_config())
    calls = []
    original = gradient_check_view.GradientCheckSession
    monkeypatch.setattr(gradient_check_view, "GradientCheckSession",
                        lambda *args: calls.append(args) or original(*args))
    view = view_of(window)  # every page made
    window.start_page.show_views(window.views[0])
    qtbot.waitUntil(lambda: not window._pages_to_prepare, timeout=10_000)
    assert not view.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent), "laid out beforehand"
    qtbot.wait(50)  # a check put off to a later turn of the event loop would have begun by now
    assert calls == [] and view.session is None and "runs when this tab is shown" in view.status.text()
    window.start_page.show_views(view)
    qtbot.waitUntil(lambda: bool(view.rows), timeout=10_000)
    assert len(calls) == 1
