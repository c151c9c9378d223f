"""The Draw view, driven like a person would: strokes drawn on the canvas with mouse events.

Clear digits are drawn two ways: polylines written here by hand, and MNIST test digits turned back
into strokes (tests/app/mnist_strokes.py) replayed at different sizes, positions, slants and brush
widths. Expected probabilities are computed by the engine directly from the same strokes.
"""
import os
import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt
from PySide6.QtTest import QTest

from app.messages import Progress
from app.views.draw_view import SHIPPED_MODEL, DrawView, taking_over_text
from core import datasets, events, model_io, optimizers
from core.datasets import Scaler
from core.datasets.drawing import preprocess_drawing
from core.datasets.idx import read_idx
from core.datasets.user_digits import TooFewDrawnDigits, add_user_digit, load_user_digits
from core.experiment import Experiment
from core.trainer import Trainer
from tests.app.mnist_strokes import digit_strokes, place

# The offscreen platform warns whenever a shown top-level window's size constraints change.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def curve(function, t0, t1, n=40):
    return [function(t) for t in np.linspace(t0, t1, n)]


def arc(cx, cy, rx, ry, start, end, n=30):
    """Points of an ellipse arc; angles in degrees, 0 = right, 90 = down (screen coordinates)."""
    return curve(lambda t: (cx + rx * np.cos(np.radians(t)), cy + ry * np.sin(np.radians(t))), start, end, n)


#: Digits as a person draws them with the mouse: strokes of (x, y) in fractions of the canvas.
HAND_DRAWN = {
    0: [arc(0.5, 0.5, 0.2, 0.3, -90, 275)],
    1: [[(0.52, 0.18), (0.51, 0.5), (0.49, 0.82)]],
    2: [arc(0.5, 0.36, 0.18, 0.16, 190, 380, 20) + [(0.58, 0.56), (0.3, 0.8), (0.72, 0.8)]],
    3: [arc(0.48, 0.34, 0.17, 0.15, 200, 450, 25) + arc(0.48, 0.64, 0.2, 0.17, 270, 500, 25)[1:]],
    4: [[(0.56, 0.2), (0.3, 0.6), (0.74, 0.6)], [(0.62, 0.38), (0.62, 0.84)]],
    5: [[(0.68, 0.2), (0.36, 0.2), (0.33, 0.46)] + arc(0.49, 0.62, 0.2, 0.18, 240, 480, 25)],
    6: [[(0.62, 0.18), (0.42, 0.4)] + arc(0.5, 0.64, 0.18, 0.18, 190, 550, 36)],
    7: [[(0.3, 0.22), (0.7, 0.22), (0.45, 0.82)]],
    8: [curve(lambda t: (0.5 + 0.17 * np.sin(2 * t), 0.5 - 0.31 * np.sin(t)), 0, 2 * np.pi, 60)],
    9: [arc(0.5, 0.36, 0.17, 0.16, 10, 380, 36) + [(0.66, 0.5), (0.6, 0.84)]],
}


@pytest.fixture
def view(qtbot):
    widget = DrawView()
    qtbot.addWidget(widget)
    widget.resize(820, 520)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def to_canvas(canvas, strokes, unit="fraction"):
    """Strokes in canvas fractions (or pixels of the square, unit="px") → widget pixel points."""
    square = canvas.square()
    factor = square.width() if unit == "fraction" else 1.0
    return [[QPoint(round(square.x() + x * factor), round(square.y() + y * factor)) for x, y in stroke]
            for stroke in strokes]


def draw(canvas, strokes, unit="fraction"):
    """Press, drag through the points and release, for each stroke — as the acceptance tests do."""
    for points in to_canvas(canvas, strokes, unit):
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
        for point in points[1:]:
            QTest.mouseMove(canvas, point)
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def engine_probabilities(view, target="mnist", scaler=None):
    """What the engine gives for the canvas's strokes, computed without the view."""
    network = view.current_model().network
    row = preprocess_drawing(view.canvas.strokes(), target, canvas_size=(1.0, 1.0), scaler=scaler)
    return network.predict_proba(row.reshape(1, -1))[0]


def prediction(view):
    probabilities = view.findChild(object, "predictionView").probabilities()
    return None if probabilities is None else int(np.argmax(probabilities))


def test_the_shipped_model_is_in_the_repository_and_small():
    assert SHIPPED_MODEL.is_file()
    assert SHIPPED_MODEL.stat().st_size < 1_000_000
    network, metadata = model_io.load_model(SHIPPED_MODEL)
    assert metadata["dataset"] == "mnist" and metadata["test_accuracy"] >= 0.98
    assert network.dtype == np.float32 and network.n_inputs == 784
    assert "%.2f" % (100 * metadata["test_accuracy"]) in (SHIPPED_MODEL.parent / "README.md").read_text()


def test_automation_names(view):
    canvas = view.findChild(object, "drawCanvas")
    chart = view.findChild(object, "predictionView")
    assert canvas is view.canvas and callable(canvas.clear)
    assert chart is view.chart and chart.probabilities() is None


@pytest.mark.parametrize("digit", sorted(HAND_DRAWN))
def test_digits_drawn_with_the_mouse_are_recognised(view, digit):
    draw(view.canvas, HAND_DRAWN[digit])
    probabilities = view.chart.probabilities()
    assert probabilities.shape == (10,) and probabilities.sum() == pytest.approx(1, abs=1e-5)
    np.testing.assert_allclose(probabilities, engine_probabilities(view), rtol=1e-5, atol=1e-7)
    assert prediction(view) == digit, f"drew {digit}, shipped model says {prediction(view)}: {probabilities.round(3)}"


def mnist_test_set():
    folder = Path(os.environ.get("MLP_WORKBENCH_DATA", "/nonexistent")) / "mnist"
    if not (folder / "t10k-images-idx3-ubyte.gz").is_file():
        pytest.skip("MNIST is not available (set MLP_WORKBENCH_DATA)")
    return read_idx(folder / "t10k-images-idx3-ubyte.gz"), read_idx(folder / "t10k-labels-idx1-ubyte.gz")


def test_redrawn_mnist_digits_at_different_sizes_positions_slants_and_brushes(view):
    images, labels = mnist_test_set()
    chosen = np.random.default_rng(2026).choice(len(labels), 40, replace=False)
    heights, slants, brushes = (0.35, 0.5, 0.65, 0.8), (-0.25, 0.0, 0.2), (6, 18, 36)
    offsets = ((0.5, 0.5), (0.38, 0.42), (0.6, 0.58), (0.45, 0.62))
    side = view.canvas.square().width()
    wrong = []
    for n, index in enumerate(chosen):
        height = heights[n % 4]
        centre = offsets[n // 4 % 4] if height < 0.7 else (0.5, 0.5)
        view.brush_slider.setValue(brushes[n % 3])
        view.canvas.clear()
        draw(view.canvas, place(digit_strokes(images[index]), side, height=height, centre=centre,
                                slant=slants[n % 3]), unit="px")
        if prediction(view) != labels[index]:
            wrong.append((int(index), int(labels[index]), prediction(view)))
    assert len(wrong) <= 2, f"{len(wrong)} of 40 redrawn MNIST digits misread (index, label, prediction): {wrong}"


def test_empty_canvas_gives_no_prediction_and_says_nothing_drawn(view):
    assert view.chart.probabilities() is None
    assert view.chart.message() == "nothing drawn"
    assert view.input_panel.legend == ((None, "28 × 28, MNIST"),)  # what the shipped model takes
    draw(view.canvas, [[(0.5, 0.5)]])  # a click leaves a dot: too small to classify, but not nothing
    assert view.chart.probabilities() is None and view.chart.message() == "too small to classify"
    draw(view.canvas, [[(0.5, 0.5), (0.52, 0.51), (0.53, 0.5)]])  # a mark 3 % of the canvas wide
    assert view.chart.probabilities() is None and view.chart.message() == "too small to classify"
    QTest.keyClick(view.canvas, Qt.Key.Key_Escape)
    assert view.chart.message() == "nothing drawn"


def test_escape_clears_and_ctrl_z_undoes_the_last_stroke(view):
    draw(view.canvas, HAND_DRAWN[4])
    assert view.canvas.stroke_count == 2 and prediction(view) == 4
    both = view.chart.probabilities()
    QTest.keyClick(view.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.canvas.stroke_count == 1
    assert not np.allclose(view.chart.probabilities(), both)
    np.testing.assert_allclose(view.chart.probabilities(), engine_probabilities(view), rtol=1e-5, atol=1e-7)
    QTest.keyClick(view.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.canvas.is_empty() and view.chart.probabilities() is None
    draw(view.canvas, HAND_DRAWN[7])
    QTest.keyClick(view.canvas, Qt.Key.Key_Escape)
    assert view.canvas.is_empty() and view.chart.probabilities() is None
    assert view.input_panel.image is None and view.saliency_panel.image is None
    assert view.saliency_panel.caption == "Why this answer"


def press(key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key pressed on the keyboard: it goes to the widget that has the keyboard."""
    from PySide6.QtWidgets import QApplication

    QTest.keyClick(QApplication.focusWidget(), key, modifier)


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support grabbing the keyboard", "does not support raise")
def test_escape_and_ctrl_z_work_wherever_the_keyboard_is_in_the_view(view, qtbot):
    from PySide6.QtWidgets import QApplication, QLineEdit

    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    draw(view.canvas, HAND_DRAWN[4] + HAND_DRAWN[7])
    for widget in (view.label_box, view.brush_slider):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        if QApplication.activePopupWidget() is not None:  # the label box's list: Esc closes it, and only that
            press(Qt.Key.Key_Escape)
            assert QApplication.activePopupWidget() is None and view.canvas.stroke_count == 3
        widget.setFocus()
        assert QApplication.focusWidget() is widget
        strokes = view.canvas.stroke_count
        press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert view.canvas.stroke_count == strokes - 1, widget
    press(Qt.Key.Key_Escape)
    assert view.canvas.is_empty() and view.chart.message() == "nothing drawn"
    draw(view.canvas, HAND_DRAWN[1])
    field = QLineEdit(view)  # a text field in the view keeps its own Undo
    field.show()
    field.setFocus()
    QTest.keyClicks(field, "7")
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "" and view.canvas.stroke_count == 1


def test_the_canvas_takes_the_keyboard_when_the_view_s_tab_is_chosen_but_not_from_a_text_field(qtbot):
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QTabWidget, QWidget

    window = QWidget()  # a settings field beside the tabs, as in the main window
    qtbot.addWidget(window)
    field, tabs, view = QLineEdit(), QTabWidget(), DrawView()
    tabs.addTab(QLabel("another view"), "Other")
    tabs.addTab(view, "Draw")
    layout = QHBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(tabs)
    window.resize(1000, 560)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tabs.setCurrentWidget(view)
    draw(view.canvas, HAND_DRAWN[7])
    tabs.setCurrentIndex(0)
    bar = tabs.tabBar()
    bar.setFocus()  # the keyboard stays on the tab bar when a tab is clicked
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(1).center())
    assert tabs.currentWidget() is view and QApplication.focusWidget() is view.canvas
    press(Qt.Key.Key_Escape)
    assert view.canvas.is_empty()
    tabs.setCurrentIndex(0)
    bar.setFocus()
    QTest.keyClick(bar, Qt.Key.Key_Right)  # arrowing along the tabs: the keyboard stays on the bar
    assert tabs.currentWidget() is view and QApplication.focusWidget() is bar
    tabs.setCurrentIndex(0)
    field.setFocus()  # typing a setting, then a click on the tab (which takes no keyboard)
    tabs.setCurrentWidget(view)
    assert QApplication.focusWidget() is field


def test_buttons_clear_and_undo(view, qtbot):
    draw(view.canvas, HAND_DRAWN[4])
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert view.canvas.stroke_count == 1
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert view.canvas.is_empty() and not view.clear_button.isEnabled()


def test_a_drawing_cleared_by_mistake_comes_back_with_undo_until_a_new_stroke_begins(view, qtbot):
    draw(view.canvas, HAND_DRAWN[4])
    four = view.chart.probabilities()
    QTest.keyClick(view.canvas, Qt.Key.Key_Escape)
    assert view.canvas.is_empty() and view.undo_button.isEnabled()
    QTest.keyClick(view.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.canvas.stroke_count == 2 and prediction(view) == 4
    np.testing.assert_array_equal(view.chart.probabilities(), four)
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    draw(view.canvas, HAND_DRAWN[1])  # a new drawing: the cleared one is gone for good
    QTest.keyClick(view.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.canvas.is_empty() and not view.undo_button.isEnabled()
    QTest.keyClick(view.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.canvas.is_empty()


def test_a_stroke_whose_release_went_elsewhere_is_part_of_what_the_network_sees(view):
    first, second = to_canvas(view.canvas, HAND_DRAWN[4])
    QTest.mousePress(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first[0])
    for point in first[1:]:
        QTest.mouseMove(view.canvas, point)
    # no release: another window took it; the next press begins the second stroke
    QTest.mousePress(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, second[0])
    for point in second[1:]:
        QTest.mouseMove(view.canvas, point)
    QTest.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, second[-1])
    assert view.canvas.stroke_count == 2 and len(view.canvas.strokes()) == 2
    assert prediction(view) == 4
    np.testing.assert_allclose(view.chart.probabilities(), engine_probabilities(view), rtol=1e-5, atol=1e-7)
    QTest.keyClick(view.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(view.canvas.strokes()) == 1 == view.canvas.stroke_count


def test_a_stroke_open_when_the_canvas_hides_ends_there(view):
    points = to_canvas(view.canvas, HAND_DRAWN[1])[0]
    QTest.mousePress(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(view.canvas, point)
    view.hide()  # a tab switched mid-stroke: the release goes to the tab shown instead
    assert not view.canvas.pen_down and len(view.canvas.strokes()) == 1


def test_a_stroke_may_begin_beside_the_square_on_its_edge(view):
    view.resize(900, 420)  # the canvas wider than its square
    square = view.canvas.square()
    assert square.x() > 20
    beside = QPoint(round(square.x() - 10), round(square.center().y()))
    inside = QPoint(round(square.center().x()), round(square.center().y()))
    QTest.mousePress(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, beside)
    QTest.mouseMove(view.canvas, inside)
    QTest.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, inside)
    (stroke,) = view.canvas.strokes()
    assert stroke[0][0] == 0.0 and stroke[-1][0] == pytest.approx(0.5, abs=0.01)


def test_shows_the_preprocessed_input_and_its_saliency(view):
    draw(view.canvas, HAND_DRAWN[7])
    assert (view.input_panel.image.width(), view.input_panel.image.height()) == (28, 28)
    assert (view.saliency_panel.image.width(), view.saliency_panel.image.height()) == (28, 28)
    expected = preprocess_drawing(view.canvas.strokes(), "mnist", canvas_size=(1.0, 1.0)).reshape(28, 28)
    shown = np.array([[view.input_panel.image.pixelColor(x, y).red() for x in range(28)] for y in range(28)])
    np.testing.assert_allclose(shown, 255 * (1 - expected), atol=1)  # dark ink on white
    assert "7" in view.saliency_panel.caption


def test_the_network_s_input_and_the_probabilities_say_what_they_are(view, small_config, switch_language):
    """A newcomer saw a thin, a thick and a small off-centre 7 become one and the same image beside the canvas, and
    bars with no word of what they are: the panels' tooltips say what the preprocessing did, with its numbers, and
    what the probabilities are."""
    assert "softmax" in view.chart.toolTip() and "100 %" in view.chart.toolTip()
    mnist = view.input_panel.toolTip()
    assert all(words in mnist for words in ("MNIST", "20 of the 28 pixels", "2.5 pixels", "centre of mass"))
    network, metadata = model_io.load_model(SHIPPED_MODEL)
    view.set_model(network, {**metadata, "dataset": "fashion_mnist", "class_names": FASHION_NAMES})
    assert "26 of the 28 pixels" in view.input_panel.toolTip() and "filled in" in view.input_panel.toolTip()
    view.set_model(digits_experiment(small_config).network, {"dataset": "digits", "image_shape": [8, 8]})
    digits = view.input_panel.toolTip()
    assert all(words in digits for words in ("8×8 digits", "32 × 32 bitmap", "4 × 4 block", "0 to 16"))
    switch_language("ru")
    assert "5 пикселей" in view.input_panel.toolTip() and "softmax" in view.chart.toolTip()
    view.use_shipped_model()
    assert "2,5 пикселя" in view.input_panel.toolTip()
    switch_language("en")
    assert view.input_panel.toolTip() == mnist
    view.set_model(network, {**metadata, "dataset": "wine", "image_shape": None})
    assert view.input_panel.toolTip() == "", "nothing to say of a model that cannot classify drawings"


def digits_experiment(small_config, dataset="digits"):
    config = small_config(epochs=2)
    config.data.dataset = dataset
    return Experiment(config)


def train_a_little(experiment, epochs=2):
    trainer = Trainer(experiment.network, optimizers.create("adam", lr=0.01), experiment.dataset.X_train,
                      experiment.dataset.y_train, epochs=epochs, batch_size=64)
    for _ in trainer.run():
        pass
    return events.Snapshot(trainer.epoch, trainer.step, experiment.network.state())


def test_the_model_line_counts_one_step_in_the_singular(view, small_config):
    digits = digits_experiment(small_config)
    view.reset(digits)
    view.set_training(True)  # the run goes on
    view.on_progress(Progress(snapshot=events.Snapshot(0, 1, digits.network.state())))
    assert view.model_label.text() == "Classifying with the model being trained on 8×8 digits (after 1 step)."
    view.on_progress(Progress(snapshot=events.Snapshot(0, 2, digits.network.state())))
    assert view.model_label.text().endswith("(after 2 steps).")


def test_a_run_s_model_taking_over_from_the_shipped_one_says_so_and_how_to_go_back(view, small_config):
    digits = digits_experiment(small_config)
    view.reset(digits)
    assert view.note.isHidden()
    view.set_training(True)  # the run starts
    view.on_progress(Progress(snapshot=events.Snapshot(0, 1, digits.network.state())))
    assert not view.note.isHidden()
    assert view.note.text().startswith("The model being trained now classifies your drawings")
    assert "“Use the shipped MNIST model” brings the shipped one back" in view.note.text()
    assert "coarse 8×8 images" in view.note.text()
    view.on_progress(Progress(snapshot=events.Snapshot(0, 2, digits.network.state())))
    assert not view.note.isHidden(), "said once, and left in sight while the run goes on"
    view.use_shipped_model()
    assert view.note.isHidden()


def test_follows_the_model_being_trained_through_snapshots(view, small_config):
    experiment = digits_experiment(small_config)
    view.reset(experiment)
    draw(view.canvas, HAND_DRAWN[7])
    shipped = view.chart.probabilities()
    assert "shipped" in view.model_label.text()  # a reset alone does not replace a working model

    view.set_training(True)  # the run starts
    snapshot = train_a_little(experiment)
    view.on_progress(Progress(snapshot=snapshot))
    assert "being trained on 8×8 digits" in view.model_label.text()
    assert view.current_model().network is not experiment.network
    expected = experiment.network.predict_proba(
        preprocess_drawing(view.canvas.strokes(), "digits", canvas_size=(1.0, 1.0)).reshape(1, -1))[0]
    np.testing.assert_allclose(view.chart.probabilities(), expected, rtol=1e-5, atol=1e-7)
    assert not np.allclose(view.chart.probabilities(), shipped)
    assert (view.input_panel.image.width(), view.input_panel.image.height()) == (8, 8)

    # The worker keeps training its own network; the view changes only with the next snapshot.
    before = view.chart.probabilities()
    next_snapshot = train_a_little(experiment, epochs=3)
    np.testing.assert_array_equal(view.chart.probabilities(), before)
    view.on_progress(Progress(snapshot=next_snapshot))
    assert not np.allclose(view.chart.probabilities(), before)
    view.on_progress(Progress(batches=()))  # messages without a snapshot change nothing
    assert "after" in view.model_label.text()


def test_once_training_ends_the_model_line_says_the_model_trained_not_being_trained(view, small_config):
    experiment = digits_experiment(small_config)
    view.reset(experiment)
    view.set_training(True)
    view.on_progress(Progress(snapshot=events.Snapshot(2, 820, experiment.network.state())))
    assert view.model_label.text() == "Classifying with the model being trained on 8×8 digits (after 820 steps)."
    view.set_training(False)  # paused: the run goes on
    assert "being trained" in view.model_label.text()
    view.on_run_ended()
    assert view.model_label.text() == "Classifying with the model trained on 8×8 digits (after 820 steps)."
    assert view.current_model().network is view._run_network
    view.use_shipped_model()
    view.on_run_ended()  # another model is shown: it keeps its name
    assert view.model_label.text().startswith("Classifying with the shipped MNIST model")


def finished(reason, step):
    return events.TrainingFinished(reason, "", 1, step, 1, 0.5, 1.0)


def test_the_model_line_names_the_run_s_model_by_where_the_run_is(view, small_config):
    """Untrained, being trained, paused, then by how the run ended: a diverged run's weights are named for
    what they are, with a warning that their probabilities mean nothing."""
    experiment = digits_experiment(small_config)
    view.reset(experiment)
    view.set_training(True)
    line = view.model_label.text

    def snapshot(step):
        view.on_progress(Progress(snapshot=events.Snapshot(0, step, experiment.network.state())))

    snapshot(0)
    assert line() == "Classifying with the untrained model of 8×8 digits (its random initial weights)."
    snapshot(5)
    assert line() == "Classifying with the model being trained on 8×8 digits (after 5 steps)."
    assert view.note.text().startswith("The model being trained now classifies your drawings, getting better")
    view.set_training(False)
    assert line() == "Classifying with the model being trained on 8×8 digits, paused after 5 steps."
    assert view.note.text().startswith("The model of the paused run now classifies your drawings; it learns on "
                                       "when the run resumes."), "not \"getting better as it learns\" while paused"
    view.set_training(True)
    assert line() == "Classifying with the model being trained on 8×8 digits (after 5 steps)."
    assert view.note.text().startswith("The model being trained now classifies")
    view.on_run_finished(finished(events.STOPPED, 5))
    view.on_run_ended()
    view.set_training(False)
    assert line() == "Classifying with the model trained on 8×8 digits, stopped after 5 steps."
    view.set_training(True)
    view.on_run_finished(finished(events.COMPLETED, 5))
    view.set_training(False)
    assert line() == "Classifying with the model trained on 8×8 digits (after 5 steps)."
    view.set_training(True)
    view.on_run_finished(finished(events.EARLY_STOPPED, 5))  # the trainer put its best epoch's weights back
    view.set_training(False)
    assert line() == "Classifying with the model trained on 8×8 digits, with its best epoch's weights (stopped " \
                     "early after 5 steps)."
    assert view.note.text().startswith("The model this run trained now classifies"), "it took over from the shipped"

    view.set_training(True)
    snapshot(7)  # the last finite weights, sent as the run ends
    view.on_run_finished(finished(events.DIVERGED, 7))
    view.on_run_ended()
    view.set_training(False)
    assert line() == "Classifying with the last finite weights of the diverged run on 8×8 digits (after 7 steps)."
    assert view.note.isVisibleTo(view) and view.note.text().startswith(
        "This run diverged: your drawings are classified with its last finite weights")
    assert "their probabilities mean nothing" in view.note.text() and "Go back" in view.note.text()
    assert "color" in view.note.styleSheet(), "a warning"
    view.set_training(True)  # Start again: the note goes with the divergence
    snapshot(8)
    assert line() == "Classifying with the model being trained on 8×8 digits (after 8 steps)."
    assert "diverged" not in view.note.text() and "color" not in view.note.styleSheet()


def test_the_note_that_a_run_s_model_took_over_stops_saying_it_gets_better_once_the_run_has_ended(view, small_config):
    experiment = digits_experiment(small_config)
    view.reset(experiment)
    view.set_training(True)
    view.on_progress(Progress(snapshot=events.Snapshot(0, 3, experiment.network.state())))
    assert "getting better as it learns" in view.note.text()
    view.on_run_finished(finished(events.COMPLETED, 3))
    view.on_run_ended()
    assert view.note.isVisibleTo(view) and view.note.text() == (
        "The model this run trained now classifies your drawings; “Use the shipped MNIST model” brings the shipped "
        "one back. Trained on coarse 8×8 images, it mistakes more drawn digits than a model of MNIST.")
    assert "color" not in view.note.styleSheet()


def test_a_new_run_s_untrained_model_replaces_an_earlier_run_s_at_once_but_not_a_chosen_or_loaded_one(
        view, small_config):
    """Reset discards the network trained: the drawings go on to the fresh one, named untrained."""
    trained = digits_experiment(small_config)
    view.reset(trained)
    view.set_training(True)
    view.on_progress(Progress(snapshot=train_a_little(trained)))
    view.on_run_ended()
    view.set_training(False)
    draw(view.canvas, HAND_DRAWN[7])
    fresh = digits_experiment(small_config)
    view.reset(fresh)
    assert view.model_label.text() == "Classifying with the untrained model of 8×8 digits (its random initial weights)."
    assert view.current_model().network is not fresh.network
    row = preprocess_drawing(view.canvas.strokes(), "digits", canvas_size=(1.0, 1.0)).reshape(1, -1)
    np.testing.assert_allclose(view.chart.probabilities(), fresh.network.predict_proba(row)[0], rtol=1e-5, atol=1e-7)
    assert not np.allclose(view.chart.probabilities(), trained.network.predict_proba(row)[0], atol=1e-3)

    view.use_shipped_model()
    view.reset(digits_experiment(small_config))
    assert view.model_label.text().startswith("Classifying with the shipped MNIST model"), "chosen: it stays"
    view.set_model(*model_io.load_model(SHIPPED_MODEL), source="my model")
    view.reset(digits_experiment(small_config))
    assert view.model_label.text() == "Classifying with my model.", "loaded: it stays until the run trains"


def test_a_hidden_view_catches_up_with_the_snapshots_when_shown(view, small_config, qtbot):
    experiment = digits_experiment(small_config)
    view.reset(experiment)
    draw(view.canvas, HAND_DRAWN[7])
    shipped = view.chart.probabilities()
    view.hide()
    view.on_progress(Progress(snapshot=train_a_little(experiment)))
    np.testing.assert_array_equal(view.chart.probabilities(), shipped)  # no work while hidden
    view.show()
    qtbot.waitExposed(view)
    expected = experiment.network.predict_proba(
        preprocess_drawing(view.canvas.strokes(), "digits", canvas_size=(1.0, 1.0)).reshape(1, -1))[0]
    np.testing.assert_allclose(view.chart.probabilities(), expected, rtol=1e-5, atol=1e-7)


def test_explains_why_a_model_of_non_image_data_cannot_classify_drawings(qtbot, small_config):
    view = DrawView(shipped_model=None)  # no model that can classify drawings before the run's
    qtbot.addWidget(view)
    view.show()
    experiment = digits_experiment(small_config, dataset="moons")
    view.reset(experiment)
    draw(view.canvas, HAND_DRAWN[1])
    view.on_progress(Progress(snapshot=events.Snapshot(0, 1, experiment.network.state())))
    assert view.chart.probabilities() is None and view.chart.message() == "drawing unavailable"
    assert view.note.isVisibleTo(view) and view.note.text().startswith("Drawing is unavailable: this model was "
                                                                       "trained on Two moons, which is not images")
    assert "28 × 28 images (MNIST digits, Fashion-MNIST, My drawn digits) or 8 × 8 images (8×8 digits)" \
        in view.note.text(), "the data sets as the Data panel names them, not the engine's identifiers"
    assert view.input_panel.image is None and view.input_panel.legend == ((None, ""),)  # no input format
    view.set_model(*model_io.load_model(SHIPPED_MODEL))  # loading an MNIST model brings drawing back
    assert not view.note.isVisibleTo(view) and prediction(view) == 1
    assert view.input_panel.legend == ((None, "28 × 28, MNIST"),)


def test_a_run_on_data_that_is_not_images_leaves_the_last_model_that_can_classify_drawings(view, small_config):
    digits = digits_experiment(small_config)
    view.reset(digits)
    view.on_progress(Progress(snapshot=train_a_little(digits)))
    assert view.current_model().network is view._run_network
    moons = digits_experiment(small_config, dataset="moons")
    view.reset(moons)  # the digits' run is over: its model is no longer being trained
    assert re.fullmatch(r"Classifying with the model trained on 8×8 digits \(after \d+ steps\)\.",
                        view.model_label.text())
    kept = view.current_model()
    draw(view.canvas, HAND_DRAWN[7])
    view.on_progress(Progress(snapshot=events.Snapshot(0, 1, moons.network.state())))
    assert view.current_model() is kept and view.chart.probabilities() is not None
    assert view.note.isVisibleTo(view) and view.note.text() == \
        "This run's model, of Two moons, cannot classify drawings: they go on to the model named above."
    assert "color" not in view.note.styleSheet(), "nothing is wrong: not in the warning colour"
    view.reset(digits_experiment(small_config))
    assert not view.note.isVisibleTo(view)


def test_the_shipped_model_can_be_chosen_again_and_stays_until_training_starts_or_resumes(view, small_config, qtbot):
    button = view.shipped_button
    assert button.text() == "Use the shipped MNIST model" and not button.isEnabled()  # it classifies already
    draw(view.canvas, HAND_DRAWN[7])
    shipped = view.chart.probabilities()
    experiment = digits_experiment(small_config)
    view.reset(experiment)
    view.set_training(True)  # the run starts
    view.on_progress(Progress(snapshot=train_a_little(experiment)))
    assert "being trained on 8×8 digits" in view.model_label.text() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.model_label.text().startswith("Classifying with the shipped MNIST model") and not button.isEnabled()
    np.testing.assert_allclose(view.chart.probabilities(), shipped, rtol=1e-6)
    view.on_progress(Progress(snapshot=train_a_little(experiment)))  # the run goes on: the choice stays
    assert view.model_label.text().startswith("Classifying with the shipped MNIST model")
    view.set_training(False)  # paused
    view.on_progress(Progress(snapshot=train_a_little(experiment)))
    assert view.model_label.text().startswith("Classifying with the shipped MNIST model")
    view.set_training(True)  # resumed: the run's model takes over at its next snapshot
    view.on_progress(Progress(snapshot=train_a_little(experiment)))
    assert "being trained on 8×8 digits" in view.model_label.text() and button.isEnabled()


def test_a_loaded_model_takes_over(view, small_config, tmp_path):
    experiment = digits_experiment(small_config)
    train_a_little(experiment)
    path = tmp_path / "digits_model.npz"
    model_io.save_model(path, experiment.network, dataset="digits", image_shape=[8, 8])
    view.load_model(path)
    assert "digits_model.npz" in view.model_label.text()
    draw(view.canvas, HAND_DRAWN[0])
    np.testing.assert_allclose(view.chart.probabilities(), engine_probabilities(view, "digits"), rtol=1e-5, atol=1e-7)
    with pytest.raises(ValueError, match="does not exist"):
        view.load_model(tmp_path / "missing.npz")


def test_a_loaded_standardised_model_gets_its_inputs_scaled_like_its_training_data(view, tmp_path):
    network, metadata = model_io.load_model(SHIPPED_MODEL)
    rng = np.random.default_rng(0)
    offset, scale = rng.uniform(0, 50, 784).astype(np.float32), rng.uniform(50, 120, 784).astype(np.float32)
    path = tmp_path / "standardised.npz"
    model_io.save_model(path, network, dataset="mnist", scaling="standardize",
                        scaler={"offset": offset.tolist(), "scale": scale.tolist()})
    view.load_model(path)
    draw(view.canvas, HAND_DRAWN[3])
    expected = engine_probabilities(view, scaler=Scaler("standardize", offset, scale))
    np.testing.assert_allclose(view.chart.probabilities(), expected, rtol=1e-5, atol=1e-7)

    model_io.save_model(path, network, dataset="mnist", scaling="standardize")
    view.load_model(path)
    assert view.chart.probabilities() is None and "does not record" in view.note.text()


def test_add_to_my_digits_writes_a_valid_file(view, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    draw(view.canvas, HAND_DRAWN[7])
    assert not view.add_button.isEnabled()  # no label chosen yet
    expected = preprocess_drawing(view.canvas.strokes(), "mnist", canvas_size=(1.0, 1.0))
    view.label_box.setCurrentIndex(7)
    with qtbot.waitSignal(view.user_digit_added) as saved:
        qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert saved.args == [1]
    images, labels = load_user_digits(tmp_path)
    assert images.shape == (1, 28, 28) and images.dtype == np.uint8 and labels.tolist() == [7]
    np.testing.assert_array_equal(images[0], np.rint(expected.reshape(28, 28) * 255).astype(np.uint8))
    assert view.canvas.is_empty()
    assert view.status.text().startswith("Saved as a 7: “My drawn digits” now holds 1 digit.")
    draw(view.canvas, HAND_DRAWN[1])
    assert view.label_box.currentIndex() == -1 and view.label_box.currentText() == ""  # its placeholder, "label"
    assert not view.add_button.isEnabled()  # the next drawing is not saved as a 7 by one click
    view.label_box.setCurrentIndex(1)
    assert view.add_to_my_digits() == 2
    assert load_user_digits(tmp_path)[1].tolist() == [7, 1]
    mine = datasets.load("my_digits", validation_split=0.0, test_split=0.0)  # the Data panel's data set
    assert mine.X_train.shape == (2, 784) and sorted(mine.y_train.tolist()) == [1, 7]


def test_a_digit_saved_with_a_wrong_label_can_be_taken_back_and_labelled_again(view, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    draw(view.canvas, HAND_DRAWN[1])
    view.label_box.setCurrentIndex(1)
    assert view.add_to_my_digits() == 1 and not view.take_back_button.isHidden()
    draw(view.canvas, HAND_DRAWN[7])
    assert view.take_back_button.isHidden(), "drawing on: taking back would put the old drawing over this one"
    strokes = view.canvas.strokes()
    view.label_box.setCurrentIndex(1)  # a slip: a 7 labelled 1
    assert view.add_to_my_digits() == 2 and not view.take_back_button.isHidden()
    qtbot.mouseClick(view.take_back_button, Qt.MouseButton.LeftButton)
    assert load_user_digits(tmp_path)[1].tolist() == [1], "the first digit stays"
    assert view.status.text() == "Took the 1 back: “My drawn digits” holds 1 digit."
    assert view.label_box.currentIndex() == 1 and view.take_back_button.isHidden()
    assert all(np.array_equal(a, b) for a, b in zip(view.canvas.strokes(), strokes)) and len(strokes) == 1
    view.label_box.setCurrentIndex(7)
    assert view.add_to_my_digits() == 2 and load_user_digits(tmp_path)[1].tolist() == [1, 7]
    add_user_digit(np.zeros((28, 28)), 3, tmp_path)  # another window saved one since
    view.take_back_digit()
    assert load_user_digits(tmp_path)[1].tolist() == [1, 7, 3], "unsure which is last: nothing removed"
    assert view.status.text().startswith("Could not take the digit back:") and "holds 3 drawn digits" in \
        view.status.text()


def test_a_drawing_too_small_to_classify_is_not_saved_and_the_status_says_so(view, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    draw(view.canvas, [[(0.5, 0.5)]])  # a dot
    view.label_box.setCurrentIndex(1)
    assert view.chart.message() == "too small to classify" and view.add_button.isEnabled()
    with qtbot.assertNotEmitted(view.user_digit_added):
        qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert view.status.text() == "This drawing is too small to save, as it is to classify: draw the digit larger."
    assert view.canvas.stroke_count == 1 and view.label_box.currentIndex() == 1  # kept, to draw on
    assert len(load_user_digits(tmp_path)[1]) == 0
    view.canvas.clear()
    assert view.add_to_my_digits() is None and view.status.text() == "Draw a digit and choose its label first."


def test_a_damaged_my_digits_file_is_named_and_the_drawing_kept(view, tmp_path, monkeypatch):
    from core.datasets.user_digits import user_digits_path

    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path / "user"))  # not the other tests' my_digits
    path = user_digits_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")  # a save cut short by a crash of another program, say
    draw(view.canvas, HAND_DRAWN[7])
    view.label_box.setCurrentIndex(7)
    assert view.add_to_my_digits() is None
    assert view.status.text().startswith(f"Could not save the digit: {path}: not a readable file of drawn digits")
    assert "move it aside" in view.status.text() and not view.canvas.is_empty()
    assert path.read_bytes() == b"", "the file is left as it was, for the user to look at"


def test_a_digit_that_cannot_be_saved_says_why_in_the_window_s_language(view, monkeypatch, switch_language):
    from app.views import draw_view

    def disk_full(image, label):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(draw_view, "add_user_digit", disk_full)
    draw(view.canvas, HAND_DRAWN[7])
    view.label_box.setCurrentIndex(7)
    assert view.add_to_my_digits() is None
    from core.datasets.user_digits import user_digits_path

    folder = user_digits_path().parent
    assert view.status.text() == f"Could not save the digit (No space left on device: {folder}). Make room there or " \
                                 "make the folder writable (MLP_WORKBENCH_USER_DIR chooses another), then add it again."
    switch_language("ru")  # the status is worded again, after the save's except block has ended
    # the reason too: Python words it in English whatever the language
    assert view.status.text().startswith(f"Не удалось сохранить цифру (на диске нет места: {folder})")
    switch_language("en")
    assert not view.canvas.is_empty(), "the drawing that was not saved is kept"


def test_my_digits_is_named_as_the_data_panel_names_it_in_either_language(view, tmp_path, monkeypatch, switch_language):
    from app.display_names import label

    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    draw(view.canvas, HAND_DRAWN[7])
    view.label_box.setCurrentIndex(7)
    assert view.add_to_my_digits() == 1
    texts = (view.status.text(), view.add_button.toolTip())
    assert all("“My drawn digits”" in text and "my_digits" not in text for text in texts), texts
    switch_language("ru")
    texts = (view.status.text(), view.add_button.toolTip())
    assert all(f"«{label('dataset', 'my_digits')}»" in text and "My drawn" not in text for text in texts), texts
    switch_language("en")
    assert "“My drawn digits”" in view.add_button.toolTip()


def test_export_writes_an_image_a_drawing_and_a_table(view, tmp_path):
    draw(view.canvas, HAND_DRAWN[7])
    for name in ("draw.png", "draw.svg", "draw.csv"):
        view.export(tmp_path / name)
        assert (tmp_path / name).stat().st_size > 0
    rows = (tmp_path / "draw.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == "class,probability" and len(rows) == 11 and rows[8].startswith("7,")
    with pytest.raises(ValueError, match="must end in"):
        view.export(tmp_path / "draw.txt")


def test_follows_the_window_size_and_keeps_the_drawing(view, qtbot):
    draw(view.canvas, HAND_DRAWN[2])
    before = view.chart.probabilities()
    view.resize(1100, 700)
    qtbot.waitUntil(lambda: view.canvas.square().width() > 300)
    view.predict()
    np.testing.assert_allclose(view.chart.probabilities(), before, rtol=1e-6)


def test_the_brush_s_help_holds_for_a_model_of_either_drawing_format(view, small_config, tmp_path):
    help_text = view.brush_slider.toolTip()
    assert all(words in help_text for words in ("MNIST's pen", "8×8 digits", "filled in for a model of Fashion-MNIST"))
    experiment = digits_experiment(small_config)
    path = tmp_path / "digits_model.npz"
    model_io.save_model(path, experiment.network, dataset="digits", image_shape=[8, 8])
    view.load_model(path)  # a model of the 8×8 digits, whose own pen the drawing is redrawn with
    draw(view.canvas, HAND_DRAWN[0])
    assert view.current_model().target == "digits" and "8×8 digits" in view.brush_slider.toolTip()
    seen = []
    for width in (6, 36):
        view.canvas.clear()
        view.brush_slider.setValue(width)
        draw(view.canvas, HAND_DRAWN[0])
        seen.append(view.chart.probabilities())
    np.testing.assert_array_equal(*seen)  # whatever the brush


def test_brush_width_is_checked(view):
    with pytest.raises(ValueError, match="brush width"):
        view.canvas.brush_width = 100


def ink_at(canvas, x, y):
    square = canvas.square()
    image = canvas.grab().toImage()
    return image.pixelColor(round(square.x() + x * square.width()), round(square.y() + y * square.height())).red()


def test_the_stroke_shows_while_it_is_drawn_and_after(view, qtbot):
    canvas = view.canvas
    points = to_canvas(canvas, [[(0.2, 0.5), (0.5, 0.5), (0.8, 0.5)]])[0]
    assert ink_at(canvas, 0.35, 0.5) > 200  # white paper
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    QTest.mouseMove(canvas, points[1])
    assert ink_at(canvas, 0.35, 0.5) < 60 and ink_at(canvas, 0.65, 0.5) > 200
    qtbot.waitUntil(lambda: view.chart.probabilities() is not None)  # classified while the pen is still down
    QTest.mouseMove(canvas, points[2])
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[2])
    assert ink_at(canvas, 0.35, 0.5) < 60 and ink_at(canvas, 0.65, 0.5) < 60
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ink_at(canvas, 0.35, 0.5) > 200


def test_a_burst_of_moves_is_classified_once_and_the_latest_stroke_always_ends_classified(view, qtbot, monkeypatch):
    import app.views.draw_view as draw_view_module
    classified = []
    explain = draw_view_module.saliency
    monkeypatch.setattr(draw_view_module, "saliency", lambda *args: classified.append(1) or explain(*args))
    canvas = view.canvas
    points = to_canvas(canvas, HAND_DRAWN[7])[0]
    path = [points[0] + (points[1] - points[0]) * k / 20 for k in range(21)] + \
        [points[1] + (points[2] - points[1]) * k / 20 for k in range(1, 21)]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, path[0])
    for point in path[1:25]:  # faster than the event loop comes round
        QTest.mouseMove(canvas, point)
    assert classified == []
    qtbot.waitUntil(lambda: len(classified) == 1)
    np.testing.assert_allclose(view.chart.probabilities(), engine_probabilities(view), rtol=1e-5, atol=1e-7)
    for point in path[25:]:
        QTest.mouseMove(canvas, point)
    # Lifting the pen classifies what is still waiting at once, the whole stroke.
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, path[-1])
    assert len(classified) == 2
    np.testing.assert_allclose(view.chart.probabilities(), engine_probabilities(view), rtol=1e-5, atol=1e-7)
    assert prediction(view) == 7
    qtbot.wait(20)
    assert len(classified) == 2  # nothing left over to classify again


def test_while_the_pen_is_down_other_threads_give_the_gui_thread_the_interpreter_sooner(view, qtbot):
    import sys

    from app.views.draw_view import PEN_DOWN_SWITCH_INTERVAL
    before = sys.getswitchinterval()
    assert PEN_DOWN_SWITCH_INTERVAL < before
    canvas = view.canvas
    points = to_canvas(canvas, [[(0.2, 0.5), (0.5, 0.5), (0.8, 0.6)]])[0]
    lifted_by = [
        lambda: QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[2]),
        lambda: QTest.keyClick(canvas, Qt.Key.Key_Escape),  # cleared while drawing
        view.hide,
    ]
    for lift in lifted_by:
        view.show()
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
        QTest.mouseMove(canvas, points[1])
        assert sys.getswitchinterval() == pytest.approx(PEN_DOWN_SWITCH_INTERVAL)
        lift()
        assert sys.getswitchinterval() == pytest.approx(before)
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[2])
        assert sys.getswitchinterval() == pytest.approx(before)


def test_switching_language_rewrites_the_texts_the_view_paints(qtbot, switch_language):
    view = DrawView()
    qtbot.addWidget(view)
    view.resize(820, 520)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)
    english_paper = view.canvas.grab().toImage()
    assert (view.chart.message(), view.canvas.hint) == ("nothing drawn", "Draw a digit here")
    switch_language("ru")
    assert (view.chart.message(), view.canvas.hint) == ("ничего не нарисовано", "Нарисуйте здесь цифру")
    assert view.canvas.grab().toImage() != english_paper  # the hint is painted anew
    assert view.input_panel.caption == "Что видит сеть"
    assert [meaning for _, meaning in view.saliency_panel.legend] == ["повышает", "понижает"]
    switch_language("en")
    assert (view.chart.message(), view.input_panel.caption) == ("nothing drawn", "What the network sees")


def test_the_label_box_is_as_wide_as_its_placeholder_in_the_language_switched_to(qtbot, switch_language):
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QComboBox

    def width_qt_gives(placeholder, font):
        """The width of a label box made in that language and font."""
        made = QComboBox()
        made.setFont(font)
        made.addItems([str(digit) for digit in range(10)])
        made.setPlaceholderText(placeholder)
        return made.sizeHint().width()

    view = DrawView(shipped_model=None)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)  # laid out, as a window is long before one switches its language
    box = view.label_box
    assert box.width() == width_qt_gives("label", box.font())
    switch_language("ru")
    qtbot.wait(1)
    assert box.placeholderText() == "метка" and box.currentIndex() == -1
    assert box.width() == width_qt_gives("метка", box.font()) > width_qt_gives("label", box.font())
    bigger = QFont(view.font())
    bigger.setPointSizeF(2 * bigger.pointSizeF())
    view.setFont(bigger)
    qtbot.wait(1)
    assert box.width() == width_qt_gives("метка", bigger)
    switch_language("en")
    qtbot.wait(1)
    assert box.placeholderText() == "label" and box.width() == width_qt_gives("label", bigger)


def test_a_language_switch_words_the_model_line_and_the_note_again_with_their_numbers_and_data_set_names(
        qtbot, small_config, switch_language):
    from app.display_names import label
    from app.i18n import format_integer, format_percent

    view = DrawView()
    qtbot.addWidget(view)
    view.show()
    accuracy = model_io.load_model(SHIPPED_MODEL)[1]["test_accuracy"]
    moons = digits_experiment(small_config, dataset="moons")
    view.reset(moons)
    view.on_progress(Progress(snapshot=events.Snapshot(0, 1, moons.network.state())))  # the shipped model stays
    named = ("moons",)  # the run's data, named in the note

    def as_the_language_writes_them(others):
        """The model line's accuracy and the note's data sets in the language now, not in ``others``'."""
        assert format_percent(accuracy, 2) in view.model_label.text()
        assert others["percent"] not in view.model_label.text()
        assert all(label("dataset", name) in view.note.text() for name in named), view.note.text()
        assert others["moons"] not in view.note.text()
        return {"percent": format_percent(accuracy, 2), "moons": label("dataset", "moons")}

    shown = as_the_language_writes_them({"percent": "98,7", "moons": "Два полумесяца"})
    for language in ("ru", "en", "ru"):
        switch_language(language)
        shown = as_the_language_writes_them(shown)
    digits = digits_experiment(small_config)
    view.reset(digits)
    view.set_training(True)  # the run starts
    view.on_progress(Progress(snapshot=events.Snapshot(3, 1234, digits.network.state())))
    russian = (label("dataset", "digits"), format_integer(1234))
    assert all(words in view.model_label.text() for words in russian), view.model_label.text()
    switch_language("en")
    assert view.model_label.text() == \
        f"Classifying with the model being trained on 8×8 digits (after {format_integer(1234)} steps)."


def test_the_shipped_model_is_named_with_its_test_accuracy_as_the_language_writes_it(view):
    assert re.fullmatch(r"Classifying with the shipped MNIST model \(\d{2}\.\d\d % on MNIST's test set\)\.",
                        view.model_label.text()), view.model_label.text()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_image_panels_words_fit_in_a_narrow_view(qtbot, language, switch_language):
    switch_language(language)
    view = DrawView(shipped_model=None)
    qtbot.addWidget(view)
    view.resize(view.minimumSizeHint().width(), 500)  # as narrow as it lets itself be
    view.show()
    qtbot.waitExposed(view)
    for panel in (view.input_panel, view.saliency_panel):
        metrics = panel.fontMetrics()
        assert metrics.horizontalAdvance(panel.caption) <= panel.width(), panel.caption
        legend = sum(metrics.height() + metrics.horizontalAdvance(meaning) for _, meaning in panel.legend)
        assert legend <= panel.width(), panel.legend
    assert view.minimumSizeHint().width() < 500, "and the view still fits beside the panels in 1024 pixels"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_nothing_overlaps_in_a_view_as_small_as_it_lets_itself_be(qtbot, language, switch_language):
    # The model's name, the note and the tool groups wrap in a narrow view; its minimum height counted
    # one line each, and at the window's smallest the image panels covered the chart's last classes.
    switch_language(language)
    view = DrawView()
    qtbot.addWidget(view)
    view._show_note(lambda: taking_over_text("digits"))  # a run of the 8×8 digits took over: its longest note
    view.show()
    qtbot.waitExposed(view)
    view.resize(view.minimumSizeHint())
    qtbot.wait(20)

    def area(widget):
        return QRect(widget.mapTo(view, QPoint(0, 0)), widget.size())

    below_body = min(area(widget).top() for widget in (view.clear_button, view.label_box))
    for upper, lower in ((view.model_label, view.note), (view.note, view.canvas), (view.note, view.chart),
                         (view.chart, view.input_panel), (view.chart, view.saliency_panel)):
        assert area(upper).bottom() < area(lower).top(), (upper, lower)
    for widget in (view.canvas, view.input_panel, view.saliency_panel):
        assert area(widget).bottom() < below_body, widget


def test_a_view_shorter_than_its_rows_scrolls_to_the_control_the_keyboard_reaches(qtbot, view):
    # On a laptop screen the view scrolls its rows (the window's smallest height was the view's); the scroll area
    # is no tab stop of its own, and Tab brings the label box and "Add to my digits" below the canvas into sight.
    from PySide6.QtWidgets import QApplication
    from app.panels.widgets import VerticalScrollArea

    view.resize(600, 250)
    qtbot.wait(20)
    scroll = view.findChild(VerticalScrollArea)
    assert scroll.verticalScrollBar().maximum() > 0 and scroll.verticalScrollBar().value() == 0
    view.canvas.setFocus()
    QTest.keyClick(view.canvas, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is not scroll
    view.canvas.setFocus()
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not scroll
        if QApplication.focusWidget() is view.label_box:
            break
    assert QApplication.focusWidget() is view.label_box
    shown = QRect(view.label_box.mapTo(scroll.viewport(), QPoint(0, 0)), view.label_box.size())
    assert scroll.viewport().rect().contains(shown), (shown, scroll.viewport().rect())


FASHION_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                 "Ankle boot"]


@pytest.mark.parametrize("class_names", [None, FASHION_NAMES])
def test_the_canvas_keeps_its_size_while_a_stroke_is_drawn(qtbot, class_names):
    # As wide as the Draw view in a 1024 × 700 window, where the image panels' minimum widths decide
    # the canvas's: the saliency caption names the top class, which changes while the pen moves.
    view = DrawView()
    qtbot.addWidget(view)
    view.resize(560, 600)
    view.show()
    qtbot.waitExposed(view)
    if class_names is not None:
        network, metadata = model_io.load_model(SHIPPED_MODEL)
        view.set_model(network, {**metadata, "dataset": "fashion_mnist", "class_names": class_names})
    qtbot.wait(20)
    square = view.canvas.square()
    points = to_canvas(view.canvas, [arc(0.5, 0.5, 0.3, 0.4, -90, 600, 60)])[0]
    QTest.mousePress(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    sizes, captions = set(), set()
    for point in points[1:]:
        QTest.mouseMove(view.canvas, point)
        qtbot.wait(1)  # the classification, and the layout a new caption would ask for
        sizes.add(view.canvas.square().getRect())
        captions.add(view.saliency_panel.caption)
    QTest.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
    assert len(captions) > 1, "the top class should change while this stroke is drawn"
    assert sizes == {square.getRect()}
    panel = view.saliency_panel  # sized for the model's class names: "Why T-shirt/top" was cut short
    assert panel.shown_caption() == panel.caption


def test_ink_dragged_beyond_the_canvas_stays_on_its_edge(view):
    # A 1, then the pen dragged out to the right on its way to a button: beyond the square the ink
    # stops at the edge, where it is seen, instead of reaching x = 1.8 unseen.
    strokes = [[(0.5, 0.15), (0.5, 0.85)], [(0.5, 0.85), (1.2, 0.9), (1.8, 0.95), (0.9, -0.4)]]
    draw(view.canvas, strokes)
    tolerance = 1 / view.canvas.square().width()  # the mouse moves by whole pixels
    for drawn, wanted in zip(view.canvas.strokes(), strokes):
        np.testing.assert_allclose(drawn, np.clip(wanted, 0, 1), atol=tolerance)
    np.testing.assert_allclose(view.chart.probabilities(), engine_probabilities(view), rtol=1e-5, atol=1e-7)


def test_the_status_after_saving_says_how_many_more_of_which_digits_my_digits_needs(view, tmp_path, monkeypatch):
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    blank = np.zeros((28, 28), np.uint8)
    for label in np.arange(105) % 10:  # 11 of 0–4, 10 of 5–9: twelve of each are needed (see core)
        add_user_digit(blank, int(label))
    draw(view.canvas, HAND_DRAWN[7])
    view.label_box.setCurrentIndex(7)
    assert view.add_to_my_digits() == 106
    assert "“My drawn digits” now holds 106 digits. Before it can be trained" in view.status.text()
    assert view.status.text().endswith("draw more — 5, 6, 8, 9: 2 each; 0, 1, 2, 3, 4, 7: 1 each.")
    with pytest.raises(TooFewDrawnDigits):
        datasets.load("my_digits")
    for label in (0, 1, 2, 3, 4, 7, 5, 6, 8, 9, 5, 6, 8):  # all but the last 9
        add_user_digit(blank, label)
    draw(view.canvas, HAND_DRAWN[9])
    view.label_box.setCurrentIndex(9)
    assert view.add_to_my_digits() == 120
    assert "now holds 120 digits (choose the data set “My drawn digits”, or" in view.status.text()
    assert set(datasets.load("my_digits").y_val.tolist()) == set(range(10))


def test_a_stroke_goes_where_the_hand_goes_when_a_note_appears_above_the_canvas_in_its_middle(view, qtbot,
                                                                                            small_config):
    view.resize(1100, 560)  # the canvas as tall as the room left under the texts above it
    qtbot.wait(20)
    experiment = digits_experiment(small_config, dataset="moons")
    view.reset(experiment)
    wanted = arc(0.5, 0.5, 0.3, 0.4, -90, 270, 30)
    # The hand moves over the screen: its points are fixed in the view, wherever the canvas is.
    hand = [view.canvas.mapTo(view, point) for point in to_canvas(view.canvas, [wanted])[0]]
    QTest.mousePress(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.canvas.mapFrom(view, hand[0]))
    for index, point in enumerate(hand[1:]):
        if index == 10:  # the run's first snapshot: a note says why its model cannot classify drawings
            view.on_progress(Progress(snapshot=events.Snapshot(0, 1, experiment.network.state())))
            qtbot.wait(1)
        QTest.mouseMove(view.canvas, view.canvas.mapFrom(view, point))
    QTest.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       view.canvas.mapFrom(view, hand[-1]))
    assert view.note.isVisibleTo(view)
    np.testing.assert_allclose(view.canvas.strokes()[0], wanted, atol=1.5 / view.canvas.square().width())
    square, canvas = view.canvas.square(), view.canvas  # after the stroke the square fits the canvas again
    assert square.width() == min(canvas.width(), canvas.height()) and square.center() == QRectF(canvas.rect()).center()


NOT_YET_TRAINABLE = ("Saved as a {label}: “{data}” now holds %Ln digit(s). Before it can be trained, with every "
                     "digit in its training, validation and test parts, draw more — {groups}.")


def compiled_translator(folder, context, source, forms):
    """A translator loaded from a .qm that lrelease compiled from a one-message .ts, in Russian."""
    import importlib.util
    import subprocess
    from xml.sax.saxutils import escape

    from PySide6.QtCore import QTranslator

    spec = importlib.util.spec_from_file_location(
        "update_translations", Path(__file__).resolve().parents[2] / "scripts" / "update_translations.py")
    update_translations = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update_translations)
    numerus = "".join(f"<numerusform>{escape(form)}</numerusform>" for form in forms)
    (folder / "plural_ru.ts").write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ru" sourcelanguage="en">'
        f'<context><name>{context}</name><message numerus="yes"><source>{escape(source)}</source>'
        f'<translation>{numerus}</translation></message></context></TS>\n', encoding="utf-8")
    subprocess.run([update_translations.tool("lrelease"), "-silent", str(folder / "plural_ru.ts"), "-qm",
                    str(folder / "plural_ru.qm")], check=True)
    translator = QTranslator()
    assert translator.load(str(folder / "plural_ru.qm"))
    return translator


def test_the_count_of_saved_digits_takes_the_plural_form_its_language_gives_it(view, qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))

    def save_as_the(count):
        while len(load_user_digits()[1]) < count - 1:
            add_user_digit(np.zeros((28, 28), np.uint8), 4)
        draw(view.canvas, HAND_DRAWN[4])
        view.label_box.setCurrentIndex(4)
        assert view.add_to_my_digits() == count
        return view.status.text()

    assert "“My drawn digits” now holds 1 digit. Before" in save_as_the(1)
    assert "“My drawn digits” now holds 2 digits. Before" in save_as_the(2)
    translator = compiled_translator(tmp_path, "DrawView", NOT_YET_TRAINABLE,
                                     ["{label}: %Ln цифра", "{label}: %Ln цифры", "{label}: %Ln цифр"])
    qapp.installTranslator(translator)
    try:
        view.changeEvent(QEvent(QEvent.Type.LanguageChange))  # the status is worded again in the new language
        assert view.status.text() == "4: 2 цифры"
        assert [save_as_the(count) for count in (3, 5, 21, 22, 25, 111)] == [
            "4: 3 цифры", "4: 5 цифр", "4: 21 цифра", "4: 22 цифры", "4: 25 цифр",
            "4: 111 цифр"]
    finally:
        qapp.removeTranslator(translator)


def test_a_fashion_mnist_model_asks_for_a_garment_and_sees_its_outline_filled(view):
    """Drawings were prepared as digits for a Fashion-MNIST model: trousers came out as two thin strokes."""
    assert view.canvas.hint == "Draw a digit here"
    network, metadata = model_io.load_model(SHIPPED_MODEL)  # 784 inputs, as a Fashion-MNIST model has
    view.set_model(network, {**metadata, "dataset": "fashion_mnist", "class_names": FASHION_NAMES})
    assert view.canvas.hint == "Draw a garment here, shoes pointing left as in Fashion-MNIST: its outline is filled in"
    trousers = [[(0.35, 0.1), (0.65, 0.1), (0.68, 0.9), (0.56, 0.9), (0.5, 0.35), (0.44, 0.9), (0.32, 0.9),
                 (0.35, 0.1)]]
    draw(view.canvas, trousers)
    expected = preprocess_drawing(view.canvas.strokes(), "fashion", canvas_size=(1.0, 1.0)).reshape(28, 28)
    shown = np.array([[view.input_panel.image.pixelColor(x, y).red() for x in range(28)] for y in range(28)])
    np.testing.assert_allclose(shown, 255 * (1 - expected), atol=1)
    assert expected[5, 10:18].min() > 0.9, "the waist is filled in"
    view.label_box.setCurrentIndex(1)  # a garment is no digit: my_digits would have kept a trouser as a 1
    assert not view.add_button.isEnabled() and not view.label_box.isEnabled()
    assert "classifies garments" in view.add_button.toolTip()
    view.use_shipped_model()
    assert view.canvas.hint == "Draw a digit here"
    assert view.add_button.isEnabled() and "mixed into MNIST training" in view.add_button.toolTip()


def test_fashion_mnist_s_garments_are_named_in_the_window_s_language(view, switch_language):
    network, metadata = model_io.load_model(SHIPPED_MODEL)
    view.set_model(network, {**metadata, "dataset": "fashion_mnist", "class_names": FASHION_NAMES})
    draw(view.canvas, HAND_DRAWN[1])
    top = int(np.argmax(view.chart.probabilities()))
    assert view.saliency_panel.caption == f"Why {FASHION_NAMES[top]}"
    switch_language("ru")
    russian = ["Футболка/топ", "Брюки", "Пуловер", "Платье", "Пальто", "Сандалия", "Рубашка", "Кроссовка",
               "Сумка", "Ботинок"]
    assert view.saliency_panel.caption == f"Почему {russian[top]}"
    assert view.chart._class_names == tuple(russian)
    assert view.input_panel.legend[0][1] == "28 × 28, Fashion"


@pytest.mark.parametrize("probability, shown", [(1.0, ">99.9 %"), (0.99951, ">99.9 %"), (0.998, "99.8 %"),
                                                (0.5, "50.0 %")])
def test_a_probability_is_never_shown_as_certain(probability, shown):
    from app.views.draw_view import percent

    assert percent(probability) == shown


def test_probabilities_are_exported_once_something_is_drawn(view, tmp_path):
    with pytest.raises(ValueError, match="draw a digit for its probabilities"):
        view.export(tmp_path / "nothing.csv")
    assert not (tmp_path / "nothing.csv").exists()
    draw(view.canvas, HAND_DRAWN[7])
    view.export(tmp_path / "seven.csv")
    assert len((tmp_path / "seven.csv").read_text().splitlines()) == 11
