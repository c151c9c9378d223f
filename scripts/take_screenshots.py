"""Take the README's screenshots (docs/*.png) from the real window, offscreen, while it trains.

    MLP_WORKBENCH_DATA=/path/to/data python scripts/take_screenshots.py [name ...]

Names: digits, moons, neurons, mnist (needs MNIST in MLP_WORKBENCH_DATA), draw, compare, playground, runs,
lab_russian; all of them without names.
Every shot is grabbed mid-run, as a user sees the window; look at each PNG before committing it.
"""
from __future__ import annotations

import math
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

DOCS = Path(__file__).resolve().parent.parent / "docs"
WINDOW_SIZE = (1360, 860)
DRAWN_NINE = [[(0.5 + 0.17 * math.cos(math.radians(angle)), 0.36 + 0.16 * math.sin(math.radians(angle)))
               for angle in range(10, 381, 10)] + [(0.66, 0.5), (0.6, 0.84)]]
"""A 9 as a person draws it with the mouse, in fractions of the canvas: a loop, then the stem."""


def pump(seconds: float, until=None) -> None:
    """Let the window work for ``seconds`` (or until ``until()`` holds)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (until and until()):
        QApplication.processEvents()
        time.sleep(0.01)


def open_window(config=None):
    from app.main_window import MainWindow

    window = MainWindow(config)
    window.resize(*WINDOW_SIZE)
    window.show()
    pump(60, window.start_action.isEnabled)
    return window


def show(window, view_class: str):
    view = next(view for view in window.views + window.tools if type(view).__name__ == view_class)
    window.start_page.show_views(view)
    return view


def train_and_grab(config, view_class: str, epochs_before_grab: int, name: str) -> None:
    window = open_window(config)
    show(window, view_class)
    window.start()
    pump(600, lambda: window.epochs_done >= epochs_before_grab)
    pump(0.3)  # a few frames after that epoch, while the run goes on
    window.grab().save(str(DOCS / f"{name}.png"))
    window.stop()
    window.close()
    pump(1.0)


def digits() -> None:
    from core.config import RunConfig

    config = RunConfig()
    config.training.epochs = 300
    train_and_grab(config, "LossView", 50, "main_window_digits")


def moons() -> None:
    from core.config import LayerConfig, RunConfig

    config = RunConfig()
    config.data.dataset = "moons"
    config.network.hidden = [LayerConfig(units=16, activation="tanh", init="xavier_uniform"),
                             LayerConfig(units=16, activation="tanh", init="xavier_uniform")]
    config.training.epochs = 2000
    train_and_grab(config, "BoundaryView", 300, "main_window_moons")


def neurons() -> None:
    from core.config import LayerConfig, RunConfig

    config = RunConfig()
    config.data.dataset = "circles"
    config.network.hidden = [LayerConfig(units=6, activation="tanh", init="xavier_uniform"),
                             LayerConfig(units=4, activation="tanh", init="xavier_uniform")]
    config.optimizer.options = {"lr": 0.03}
    config.training.epochs = 2000
    train_and_grab(config, "UnitMapView", 150, "neurons_view")


def mnist() -> None:
    from core.config import RunConfig

    config = RunConfig()
    config.data.dataset = "mnist"
    config.training.epochs = 5
    config.training.batch_size = 64
    train_and_grab(config, "UnitImageView", 2, "main_window_mnist")


def draw() -> None:
    window = open_window()
    view = show(window, "DrawView")
    pump(1.0)
    canvas = view.canvas
    square = canvas.square()
    for stroke in DRAWN_NINE:
        points = [QPoint(round(square.x() + x * square.width()), round(square.y() + y * square.width()))
                  for x, y in stroke]
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
        for start, end in zip(points, points[1:]):
            for step in range(1, 5):  # a hand passes through many points between these
                QTest.mouseMove(canvas, start + (end - start) * step / 4)
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
    pump(1.0)
    view.grab().save(str(DOCS / "draw_view.png"))
    window.close()
    pump(1.0)


def compare() -> None:
    window = open_window()
    window.resize(1830, 960)  # the view alone, about 1400 × 900
    view = show(window, "CompareView")
    view.epochs.setValue(10)  # as typed: a value set quietly is the window's, which it follows again
    view.start_button.click()
    pump(300, lambda: view.status.text() == "The race is over.")
    pump(0.5)
    view.grab().save(str(DOCS / "compare_view.png"))
    window.close()
    pump(1.0)


def playground() -> None:
    window = open_window()
    window.resize(1830, 860)  # the view alone, about 1400 × 800
    view = show(window, "PlaygroundView")
    pump(1.0)  # the surface is shaded and contoured in parts after the tab's first paint
    view.step(60)
    pump(0.5)
    view.grab().save(str(DOCS / "playground_view.png"))
    window.close()
    pump(1.0)


def runs() -> None:
    """Four short runs on the digits in a library of their own, one branched from another's checkpoint."""
    import tempfile

    from core import runs as run_library
    from core.config import LayerConfig, OptimizerConfig, RunConfig

    os.environ[run_library.RUNS_VARIABLE] = tempfile.mkdtemp(prefix="mlp-workbench-shot-runs-")
    config = RunConfig()
    config.network.hidden = [LayerConfig(units=32)]
    config.training.epochs = 15
    window = open_window(config)
    window.confirm_reset = lambda question: True
    window.resize(1500, 900)
    view = show(window, "RunsView")

    def train(optimizer: str, lr: float, fresh: bool = True) -> None:
        window.model.set("optimizer", OptimizerConfig(optimizer, {"lr": lr}))
        if fresh:
            window.reset()
        pump(60, window.start_action.isEnabled)
        window.start()
        pump(300, lambda: window.session is None and window.epochs_done >= 15)
        window.recording.wait()

    train("adam", 0.001)
    train("sgd", 0.05)
    view.refresh_list()
    view.select([window.recording.folder])
    view.checkpoint_box.setCurrentIndex(view.checkpoint_box.findData(5))
    view.rewind_selected()
    pump(60, lambda: window.epochs_done == 5 and window.start_action.isEnabled())
    train("sgd", 0.3, fresh=False)
    train("momentum", 0.05)
    view.refresh_list()
    view.select([info.folder for info in run_library.list_runs()])
    pump(1.0)
    window.grab().save(str(DOCS / "runs_view.png"))
    window.close()
    pump(1.0)


def lab_russian() -> None:
    """Lab 1 open in Russian, its run finished, its lesson beside the views."""
    from app import i18n

    i18n.set_language("ru")
    window = open_window()
    window.resize(1500, 900)
    window.confirm_reset = lambda question: True
    window.labs.open_lab("01-perceptron")
    pump(60, window.start_action.isEnabled)
    window.start()
    pump(300, lambda: window.session is None and window.epochs_done > 0)
    pump(0.5)
    window.grab().save(str(DOCS / "lab_russian.png"))
    window.close()
    pump(1.0)
    i18n.set_language("en")


SHOTS = {"digits": digits, "moons": moons, "neurons": neurons, "mnist": mnist, "draw": draw, "compare": compare,
         "playground": playground, "runs": runs, "lab_russian": lab_russian}

if __name__ == "__main__":
    import tempfile

    from core.datasets.locations import USER_DIR_VARIABLE

    # The windows' settings, runs and last configuration go to a scratch folder, not the user's.
    os.environ.setdefault(USER_DIR_VARIABLE, tempfile.mkdtemp(prefix="mlp-workbench-shots-"))
    application = QApplication.instance() or QApplication(sys.argv[:1])
    for shot in sys.argv[1:] or SHOTS:
        SHOTS[shot]()
        print(f"wrote the {shot} shot")
