"""Weights and biases set by hand on the Network view's graph, as the lectures set XNOR's, in the real window."""
import errno
import os

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import training_process
from app.i18n import format_significant
from app.views.loss import LossView
from app.views.network_graph import NetworkView
from core import labs, model_io, runs
from tests.app.saved_runs import wait_until_saved

XNOR = {(0, 0, 0): 20, (0, 1, 0): 20, (0, -1, 0): -30, (0, 0, 1): -20, (0, 1, 1): -20, (0, -1, 1): 10,
        (1, 0, 0): 20, (1, 1, 0): 20, (1, -1, 0): -10}
"""Lecture 001's network, (layer, source or −1 for the bias, unit) → value: AND and NOR units, then OR."""


@pytest.fixture
def xnor_window(open_window, qtbot):
    """The window on lab 4's 2-2-1 network from random weights (the variant the students train), its Network
    view shown, with a learning rate of 0: what a Step or a Start trains is the weights it began from."""
    config = labs.load("04-xnor").variant("trained").config.copy()
    config.optimizer.options["lr"] = 0.0
    window = open_window(config)
    window.confirm_reset = lambda question: True
    view = next(view for view in window.views if isinstance(view, NetworkView))
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.central_pages.setCurrentWidget(window.view_tabs)
    window.view_tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.weights is not None and all(label.textItem.toPlainText() for label in view.bias_labels))
    return window, view


def double_click(view, x: float, y: float) -> None:
    """A double click at (x, y) in the graph's coordinates, as the mouse gives it (pyqtgraph takes it on the release)."""
    where = view.graphics.mapFromScene(view.plot.vb.mapViewToScene(QPointF(x, y)))
    viewport = view.graphics.viewport()
    for send in (QTest.mousePress, QTest.mouseRelease, QTest.mouseDClick, QTest.mouseRelease):
        send(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def link_point(view, link: int, along: float = 0.3) -> tuple[float, float]:
    x0, x1 = view.link_x[2 * link:2 * link + 2]
    y0, y1 = view.link_y[2 * link:2 * link + 2]
    return x0 + along * (x1 - x0), y0 + along * (y1 - y0)


def type_value(view, text: str) -> None:
    view.editor.edit.clear()
    view.editor.edit.insert(text)  # as typed (QTest's key clicks abort on a character beyond Latin-1, "−")
    QTest.keyClick(view.editor.edit, Qt.Key.Key_Return)


def parameter(window, layer: int, source: int, unit: int) -> float:
    W, b = window.experiment.network.parameters()[2 * layer:2 * layer + 2]
    return float(b[unit] if source < 0 else W[source, unit])


def train_one_step(window, qtbot) -> None:
    """One batch trained, then the run stopped: its recording holds a step, and nothing trains."""
    with qtbot.waitSignal(window.run_finished, timeout=20_000):
        window.step_batch_action.trigger()
        qtbot.waitUntil(lambda: window.steps_done == 1, timeout=20_000)
        window.stop_action.trigger()
    wait_until_saved(window)  # setting a weight next reads the run's history


def test_the_lecture_s_xnor_weights_set_by_hand_classify_every_point_and_every_view_shows_them(xnor_window, qtbot):
    window, view = xnor_window
    boundary_view = next(v for v in window.views if type(v).__name__ == "BoundaryView")
    boundary_before = boundary_view.boundary
    assert view.note.text() == "Double-click a weight or a bias, or choose it in the list below, to set it by hand." and view.note.isVisibleTo(view)
    # The link from x₂ to the first hidden unit (the third link: W is listed row by row), and the output's bias.
    double_click(view, *link_point(view, 2))
    assert view.editor.isVisible() and view.editor.edit.isEnabled()
    assert view.editor.caption.text() == "Layer 1, weight from input x2 to unit 1:"
    np.testing.assert_array_equal(view.chosen_link.getData()[1], view.link_y[4:6])  # drawn over the others
    type_value(view, "20")
    assert not view.editor.isVisible() and parameter(window, 0, 1, 0) == 20
    double_click(view, *view.node_xy[-1])
    assert view.editor.caption.text() == "Layer 2, bias of unit 1:"
    assert [float(v) for v in view.chosen_unit.getData()[0]] == [view.node_xy[-1][0]]  # the output unit, ringed
    type_value(view, "-10")
    assert parameter(window, 1, -1, 0) == -10
    for (layer, source, unit), value in XNOR.items():
        view.open_editor(layer, source, unit)
        type_value(view, str(value))
    network = window.experiment.network
    np.testing.assert_array_equal(network.predict(np.array([[0, 0], [0, 1], [1, 0], [1, 1]])), [1, 0, 0, 1])
    # Every view was handed the new weights: the graph writes them, the boundary is the lecture's.
    assert [label.textItem.toPlainText() for label in view.weight_labels] == ["20", "-20", "20", "-20", "20", "20"]
    assert [label.textItem.toPlainText() for label in view.bias_labels] == ["b = -30", "b = 10", "b = -10"]
    # (hidden behind the Network view's tab, the Decision boundary view prepares for them in a turn of its own)
    qtbot.waitUntil(lambda: not boundary_view.reset_pending)
    assert boundary_view.boundary is not boundary_before
    np.testing.assert_array_equal(boundary_view.boundary.labels[[0, 0, -1, -1], [0, -1, 0, -1]], [1, 0, 0, 1])
    assert window.statusBar().currentMessage().endswith("the accuracy 100.0 %.")
    # Step trains from the weights set (at a learning rate of 0 they stay), and the run library records them.
    train_one_step(window, qtbot)
    assert parameter(window, 0, -1, 0) == -30 and parameter(window, 1, 0, 0) == 20
    assert window.recording.recorder.network.parameters()[1].tolist() == [-30, 10]


@pytest.mark.parametrize("worker", ["process", "thread"])
def test_a_weight_set_by_hand_while_paused_keeps_the_run_paused_and_the_next_step_trains_from_it(
        xnor_window, qtbot, monkeypatch, tmp_path, worker):
    window, view = xnor_window
    if worker == "thread":  # where the platform does not fork, the run trains in a thread of the window
        monkeypatch.setattr(training_process, "available", lambda: False)
    window.model.set("optimizer.options.lr", 2.0)
    window.step_batch_action.trigger()
    qtbot.waitUntil(lambda: window.steps_done == 1 and window._network_at_rest(), timeout=20_000)
    session, recorded = window.session, window.recording.folder
    assert isinstance(session, training_process.TrainingProcess) == (worker == "process")
    assert window.state == "paused" and view.at_rest
    with qtbot.waitSignal(session.paused, timeout=20_000):
        view.open_editor(0, 0, 1)
        type_value(view, "-7.25")
    assert window.state == "paused" and window.session is session and window._network_at_rest()
    assert session.control.paused and window.steps_done == 1 and window.recording.folder == recorded
    assert parameter(window, 0, 0, 1) == -7.25
    assert view.weight_labels[1].textItem.toPlainText() == "-7.25"
    assert window.statusBar().currentMessage().startswith("Weight set by hand. On the training data the loss is now")
    loss_view = next(view for view in window.views if isinstance(view, LossView))
    assert [(line.value(), line.label.toPlainText()) for line in loss_view.hand_set_lines] == [(1, "set by hand")]
    assert loss_view.hand_set_lines[0].pen.style() == Qt.PenStyle.DotLine
    # The next step is SGD's from the weight set: θ − η·∇L(θ) over the four points (one batch of 4).
    network, dataset = window.experiment.network, window.experiment.dataset
    network.loss_and_gradients(network.check_inputs(dataset.X_train), dataset.y_train, None, None)
    expected = network.flat_parameters - 2.0 * network.flat_gradients
    window.step_batch_action.trigger()
    qtbot.waitUntil(lambda: window.steps_done == 2 and window._network_at_rest(), timeout=20_000)
    assert window.session is session
    np.testing.assert_allclose(network.flat_parameters, expected, rtol=1e-5, atol=1e-6)
    assert parameter(window, 0, 0, 1) != -7.25, "it trained on"
    with qtbot.waitSignal(window.run_finished, timeout=20_000):
        window.stop_action.trigger()
    wait_until_saved(window)
    # Saved with the model, as any weights are.
    assert window.save_model(tmp_path / "hand-set.npz")
    saved, _ = model_io.load_model(tmp_path / "hand-set.npz")
    np.testing.assert_array_equal(saved.flat_parameters, network.flat_parameters)


@pytest.mark.parametrize("worker", ["process", "thread"])
def test_a_weight_set_by_hand_while_paused_is_saved_at_once_as_the_paused_run_s_last_weights(
        xnor_window, qtbot, monkeypatch, worker):
    """It reached the disk only when the run ended: a crash while it was paused lost it."""
    window, view = xnor_window
    if worker == "thread":
        monkeypatch.setattr(training_process, "available", lambda: False)
    window.model.set("training.batch_size", 2)  # paused after one step, within the first epoch: nothing saved yet
    window.step_batch_action.trigger()
    qtbot.waitUntil(lambda: window.steps_done == 1 and window._network_at_rest(), timeout=20_000)
    folder = window.recording.folder
    assert not (folder / "last.npz").exists()
    with qtbot.waitSignal(window.session.paused, timeout=20_000):
        assert window.set_weight(0, 0, 1, -7.25)

    def last_weights():
        try:
            network, metadata = runs.load_weights(folder, "last")
        except (OSError, ValueError):  # not written yet
            return None
        return float(network.parameters()[0][0, 1]), metadata["epoch"], metadata["step"]

    qtbot.waitUntil(lambda: last_weights() == (-7.25, 0, 1), timeout=5_000)  # no wait for the run's end
    assert window.recording.wait(5), "the rest of that save: the optimiser's state, the curves"
    assert window.state == "paused" and window.session is not None
    np.testing.assert_array_equal(runs.load_weights(folder, "last")[0].flat_parameters,
                                  window.experiment.network.flat_parameters)
    saved = runs.load_optimizer_state(folder / "last.npz")
    assert (saved["epoch"], saved["step"], int(saved["arrays"]["step_count"])) == (0, 1, 1), "the state of its step"
    info = runs.RunInfo.read(folder)
    assert info.status == "running", "it trains on: a crash now leaves it offered as a run the app was killed in"
    assert [point[0] for point in runs.load_history(folder)["batches"]] == [1], "with its curve so far"
    with qtbot.waitSignal(window.run_finished, timeout=20_000):
        window.stop_action.trigger()


def test_a_weight_set_between_runs_is_the_first_weight_of_a_run_branched_from_the_last(xnor_window, qtbot):
    window, view = xnor_window
    train_one_step(window, qtbot)
    recorded = window.recording.folder
    view.open_editor(0, 0, 1)
    type_value(view, "-7.25")
    assert window.state == "idle" and parameter(window, 0, 0, 1) == -7.25
    assert window.recording is None and window._origin[0] == recorded, "Start trains on as a run branched from it"
    with qtbot.waitSignal(window.run_finished, timeout=20_000):
        window.step_batch_action.trigger()
        qtbot.waitUntil(lambda: window.steps_done == 2, timeout=20_000)
        window.stop_action.trigger()
    assert parameter(window, 0, 0, 1) == -7.25  # at a learning rate of 0
    assert window.recording.folder != recorded and window.recording.recorder.meta["parent"]["run"] == recorded.name


@pytest.fixture
def library(monkeypatch, tmp_path):
    """The run library, empty, in a folder of the test's own."""
    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))
    return tmp_path / "runs"


def set_xnor(window) -> list[np.ndarray]:
    """Set the lecture's XNOR weights by hand, and a last one undone (Undo updates the weights kept too): copies of
    the network's parameters then."""
    for (layer, source, unit), value in XNOR.items():
        assert window.set_weight(layer, source, unit, value)
    assert window.set_weight(0, 0, 0, 99.0) and window.undo_weight_set()
    return [array.copy() for array in window.experiment.network.parameters()]


def assert_parameters(network, expected: list[np.ndarray]) -> None:
    for got, wanted in zip(network.parameters(), expected, strict=True):
        np.testing.assert_array_equal(got, wanted)


def test_weights_set_by_hand_on_a_network_never_trained_are_a_run_that_reset_names_and_reopens(
        xnor_window, qtbot, library):
    """Reset lost the weights set by hand on a network never trained without a word: no run held them."""
    window, view = xnor_window
    hand_set = set_xnor(window)
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.reset()
    assert window.message_bar.message() == ("New weights: the network set by hand before is kept in the Runs view as "
                                            "“XNOR, trained · set by hand”.")
    assert window.message_bar.action_button.defaultAction() is window.reopen_replaced_action
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.reopen_replaced_run()
    assert_parameters(window.experiment.network, hand_set)
    assert window.steps_done == 0
    runs_view = window.runs_view
    runs_view.refresh_list()
    (info,) = runs_view.runs()
    assert (info.name, info.epochs_done, info.status, info.parent) == ("XNOR, trained · set by hand", 0,
                                                                       runs.SET_BY_HAND, None)
    row = [runs_view.tree.topLevelItem(0).text(column) for column in range(len(runs_view.columns))]
    assert (row[0], row[5], row[7]) == ("XNOR, trained · set by hand", "0", "weights set by hand")
    assert not runs.interrupted_runs(library), "no process trains it: not offered as killed at the next launch"
    # Trained from them, as before: a run of its own (a fresh network has no epoch to branch at).
    train_one_step(window, qtbot)
    assert window.recording.folder != info.folder and window.recording.recorder.meta["parent"] is None
    assert_parameters(window.recording.recorder.network, hand_set)  # at a learning rate of 0


def test_weights_set_by_hand_are_in_the_run_library_once_the_window_is_closed(xnor_window, library):
    window, view = xnor_window
    hand_set = set_xnor(window)
    window.close()
    (info,) = runs.list_runs(library)
    network, metadata = runs.load_weights(info.folder, "last")
    assert_parameters(network, hand_set)
    assert (metadata["epoch"], metadata["step"], info.status) == (0, 0, runs.SET_BY_HAND)


def test_weights_set_by_hand_after_a_run_ended_are_its_last_weights_which_reopen_and_branch_as_before(
        xnor_window, qtbot, library):
    """The run's last weights are those set by hand: its curves are how the network got there, and Start branches
    from its last epoch as it did (no run of their own is listed beside it)."""
    window, view = xnor_window
    train_one_step(window, qtbot)
    recorded = window.recording.folder
    hand_set = set_xnor(window)
    assert window.recording is None and window._origin[0] == recorded
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.reset()
    assert window.message_bar.message() == ("New weights: the network set by hand before is kept in the Runs view as "
                                            "“XNOR, trained”.")
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.reopen_replaced_run()
    assert_parameters(window.experiment.network, hand_set)
    assert window.steps_done == 1 and window._origin[0] == recorded
    (info,) = runs.list_runs(library)
    assert (info.folder, info.status) == (recorded, "stopped")
    network, metadata = runs.load_weights(recorded, "last")
    assert_parameters(network, hand_set)
    assert metadata["step"] == 1


def test_weights_set_by_hand_the_run_library_cannot_save_are_said_unsaved_with_how_to_keep_them(
        xnor_window, qtbot, library, monkeypatch, tmp_path):
    """On a full disk the warning said "Training goes on" while nothing trained."""
    window, view = xnor_window

    def full_disk(recorder, epoch, step):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(runs.RunRecorder, "keep_weights", full_disk)
    assert window.set_weight(0, 0, 0, 20.0)
    qtbot.waitUntil(lambda: window.message_bar.message() != "", timeout=10_000)
    (folder,) = library.iterdir()
    assert window.message_bar.message() == (
        f"The weights set by hand could not be saved to the run library: No space left on device ({folder}). To keep "
        "them, make room or save the model (File ▸ Save model) into a folder you can write to.")
    assert window.save_model(tmp_path / "model.npz")
    assert model_io.load_model(tmp_path / "model.npz")[0].parameters()[0][0, 0] == 20.0


def test_weights_set_by_hand_on_a_trained_run_reopened_are_a_run_branched_from_it_at_its_epoch(
        xnor_window, qtbot, library):
    """Opened from the Runs view, the trained network has no recording of its own to keep them in."""
    window, view = xnor_window
    window.model.set("training.epochs", 2)
    with qtbot.waitSignal(window.run_finished, timeout=20_000):
        window.start()
    trained = window.recording.folder
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.reset()
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.open_run(trained)
    qtbot.waitUntil(lambda: window.epochs_done == 2, timeout=15_000)
    steps = window.steps_done
    hand_set = set_xnor(window)
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.reset()
    assert window.message_bar.message().splitlines()[-1] == (
        "New weights: the network set by hand before is kept in the Runs view as “XNOR, trained · set by hand”.")
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.reopen_replaced_run()
    assert_parameters(window.experiment.network, hand_set)
    assert (window.epochs_done, window.steps_done) == (2, steps)
    kept, = (info for info in runs.list_runs(library) if info.folder != trained)
    assert (kept.name, kept.status, kept.epochs_done) == ("XNOR, trained · set by hand", runs.SET_BY_HAND, 2)
    assert kept.parent == {"run": trained.name, "epoch": 2}
    network, metadata = runs.load_weights(kept.folder, "last")
    assert_parameters(network, hand_set)
    assert (metadata["epoch"], metadata["step"]) == (2, steps)
    assert runs.RunInfo.read(trained).status == "completed", "the run reopened is as it was trained"


def test_while_the_network_trains_its_weights_cannot_be_set_and_the_box_says_why(xnor_window, qtbot):
    window, view = xnor_window
    window.model.set("training.epochs", 100_000)
    view.open_editor(0, 0, 0)
    window.start_action.trigger()
    assert not view.editor.isVisible(), "a value typed for weights that change meanwhile would be set blindly"
    qtbot.waitUntil(lambda: window.steps_done > 0, timeout=20_000)
    before = window.experiment.network.flat_parameters.copy()
    double_click(view, *link_point(view, 0))
    assert view.editor.isVisible() and not view.editor.edit.isEnabled()
    assert view.editor.problem.text() == ("The network is training: pause it, or wait for the run to end, to set its "
                                          "weights by hand.")
    assert not window.set_weight(0, 0, 0, 5.0)
    assert window.message_bar.message().startswith("The weights can be set by hand only while the network is not")
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, before)
    with qtbot.waitSignal(window.session.paused, timeout=20_000):
        window.pause_action.trigger()
    # Paused, the box opened meanwhile takes a value, and shows the weight the run paused at.
    qtbot.waitUntil(view.editor.edit.isEnabled)
    assert view.editor.isVisible() and not view.editor.problem.isVisibleTo(view.editor)
    assert float(view.editor.edit.text()) == pytest.approx(parameter(window, 0, 0, 0), rel=1e-5)
    with qtbot.waitSignal(window.session.paused, timeout=20_000):
        type_value(view, "3")
    assert window.state == "paused" and parameter(window, 0, 0, 0) == 3


@pytest.mark.parametrize("text, problem", [
    ("abc", "“abc” is not a number: type one such as -20 or 0.5, then Enter (Esc closes this box)."),
    ("", "Type a number, then Enter (Esc closes this box)."),
    ("nan", "A weight must be a finite number: type one between -1000 and 1000."),
    ("-inf", "A weight must be a finite number: type one between -1000 and 1000."),
    ("1e9", "1e9 is too large for a weight set by hand: type a number between -1000 and 1000."),
])
def test_text_that_is_not_a_usable_weight_is_explained_in_the_box_and_changes_nothing(xnor_window, text, problem):
    window, view = xnor_window
    before = window.experiment.network.flat_parameters.copy()
    view.open_editor(0, 1, 1)
    assert len(view.chosen_link.getData()[0]) == 2
    type_value(view, text)
    assert view.editor.isVisible() and view.editor.problem.isVisibleTo(view.editor)
    assert view.editor.problem.text() == problem
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, before)
    QTest.keyClick(view.editor.edit, Qt.Key.Key_Escape)
    assert not view.editor.isVisible() and len(view.chosen_link.getData()[0]) == 0


def test_in_russian_a_weight_is_typed_with_a_decimal_comma_and_the_box_speaks_russian(xnor_window, switch_language):
    window, view = xnor_window
    switch_language("ru")
    view.open_editor(1, -1, 0)
    assert view.editor.caption.text() == "Слой 2, смещение нейрона 1:"
    assert [view.parameter_box.itemText(index) for index in (0, 8)] == ["Слой 1, вес от входа x1 к нейрону 1",
                                                                       "Слой 2, смещение нейрона 1"]
    assert (view.parameter_label.text(), view.set_button.text(), view.undo_button.text()) == (
        "&Вес:", "Задать…", "Отменить")
    type_value(view, "2,5e9")
    assert view.editor.problem.text() == ("2,5e9 — слишком большой вес для ручного ввода: введите число от "
                                          "-1\u00a0000 до 1\u00a0000.")
    type_value(view, "\u22125,5")  # the minus sign as printed
    assert parameter(window, 1, -1, 0) == -5.5
    assert view.bias_labels[-1].textItem.toPlainText() == "b = -5,5"
    loss_view = next(each for each in window.views if isinstance(each, LossView))
    assert [(line.value(), line.label.toPlainText()) for line in loss_view.hand_set_lines] == [(0, "задан вручную")]


def ctrl_z(widget) -> None:
    """Ctrl+Z pressed while ``widget`` has the keyboard."""
    widget.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_a_weight_chosen_in_the_list_is_set_and_undo_or_ctrl_z_sets_it_back_also_while_paused(xnor_window, qtbot):
    window, view = xnor_window
    window.activateWindow()  # Ctrl+Z goes to the active window
    qtbot.waitUntil(window.isActiveWindow)
    assert view.parameter_row.isVisible() and not view.undo_button.isEnabled()
    names = [view.parameter_box.itemText(index) for index in range(view.parameter_box.count())]
    assert len(names) == 9 and [names[index] for index in (0, 2, 4, 6, 8)] == [
        "Layer 1, weight from input x1 to unit 1", "Layer 1, weight from input x2 to unit 1", "Layer 1, bias of unit 1",
        "Layer 2, weight from unit 1 to unit 1", "Layer 2, bias of unit 1"]
    weight, bias = parameter(window, 1, 0, 0), parameter(window, 1, -1, 0)
    view.parameter_box.setCurrentIndex(6)
    qtbot.mouseClick(view.set_button, Qt.MouseButton.LeftButton)
    assert view.editor.isVisible() and view.editor.caption.text() == "Layer 2, weight from unit 1 to unit 1:"
    assert len(view.chosen_link.getData()[0]) == 2
    type_value(view, "20")
    assert parameter(window, 1, 0, 0) == 20 and view.undo_button.isEnabled()
    double_click(view, *view.node_xy[-1])  # a double click chooses in the list what it opens
    assert view.parameter_box.currentIndex() == 8
    type_value(view, "-10")
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert parameter(window, 1, -1, 0) == bias and parameter(window, 1, 0, 0) == 20 and view.undo_button.isEnabled()
    assert view.bias_labels[-1].textItem.toPlainText() == "b = " + format_significant(bias, 3)
    ctrl_z(view.parameter_box)
    assert parameter(window, 1, 0, 0) == weight and not view.undo_button.isEnabled()
    ctrl_z(view.parameter_box)  # nothing left to undo: nothing changes
    assert parameter(window, 1, 0, 0) == weight
    # A weight set before Reset drew new weights is not set back in them.
    assert window.set_weight(0, 0, 0, 9.0) and window.weights_set_by_hand == 1
    network = window.experiment.network
    window.reset_action.trigger()
    qtbot.waitUntil(lambda: window.experiment.network is not network and view.weights is not None, timeout=20_000)
    fresh = window.experiment.network.flat_parameters.copy()
    assert window.weights_set_by_hand == 0 and not view.undo_button.isEnabled() and not window.undo_weight_set()
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, fresh)
    # Paused, Undo sets it back through the run, which stays paused.
    window.step_batch_action.trigger()
    qtbot.waitUntil(lambda: window.steps_done == 1 and window._network_at_rest(), timeout=20_000)
    session, paused_at = window.session, parameter(window, 0, 1, 1)
    view.parameter_box.setCurrentIndex(3)
    with qtbot.waitSignal(session.paused, timeout=20_000):
        view.open_chosen()
        type_value(view, "5")
    assert parameter(window, 0, 1, 1) == 5 and view.undo_button.isEnabled()
    with qtbot.waitSignal(session.paused, timeout=20_000):
        ctrl_z(view.parameter_box)
    assert window.state == "paused" and window.session is session and window._network_at_rest()
    assert parameter(window, 0, 1, 1) == paused_at and not view.undo_button.isEnabled()
    with qtbot.waitSignal(window.run_finished, timeout=20_000):
        window.stop_action.trigger()
