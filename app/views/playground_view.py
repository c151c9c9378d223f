"""The loss-surface playground: optimisers' paths on a 2-D loss, animated step by step.

A tool of its own, independent of the window's run: pick a surface (:mod:`core.surfaces`), click
the contour plot to place the start, and every selected optimiser — the engine's own classes, plus
Newton's method — walks downhill from there with its own learning rate. Play, pause, single steps
and a speed slider drive the animation; beside the contours, each path's loss E − E_min per step
on a logarithmic scale, where a straight line is a constant rate of convergence.

Paths are computed on the GUI thread as the animation reaches them: a step of a 2-D optimiser
costs microseconds, far less than drawing it.
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSignalBlocker, QSizeF, Qt, QTimer
from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget)

from app import display_names, i18n, palette
from app.panels import help_texts
from app.panels.base import number_problem_text
from app.panels.widgets import NumberEdit, format_number, list_separator, set_help
from app.spreadsheet_csv import csv_separators
from app.views.base import (DecadeAxis, ExportButtons, GrowingStepAxis, TranslatedText, View, cache_pictures,
                            export_suffix, laid_out_legend)
from app.views.compare_view import TABBED_BELOW, ControlsBeside
from core import optimizers, surfaces

FRAME_MS = 33
STACKED_BELOW = 560
"""Pixels of width under which the loss plot goes under the surface rather than beside it."""
MAX_STEPS = 5000
"""Each path stops after this many steps (a path that has not converged by then never will visibly)."""
FIRST_STEPS_SHOWN = 10
"""The loss plot's steps axis spans at least this many steps (before the first, it had none)."""
GRID_RESOLUTION = 160
CONTOUR_LEVELS = 16
LOSS_FLOOR = 1e-12
"""E − E_min is drawn on a logarithmic axis down to this floor: a path below it has converged as far
as the eye can tell (Newton on a quadratic reaches an exact 0 in one step)."""
CONDITION_RANGE = (1.0, 1000.0)  # lab 5 asks for κ = 1, 10, 100 and 1000
SPEED_RANGE = (1.0, 300.0)
SLIDER_TICKS = 300  # κ's three decades in steps of about 2 %

METHOD_SETTINGS = {"momentum": ("momentum", "γ"), "nesterov": ("momentum", "γ"), "rmsprop": ("alpha", "ρ"),
                   "adadelta": ("rho", "ρ")}
"""The hyperparameter each method shows beside its η, the one lecture 003 varies (γ = 0.5 against 0.9…), and
its symbol in the lecture."""

SURFACE_NAMES = {
    "quadratic": QT_TRANSLATE_NOOP("PlaygroundView", "ill-conditioned quadratic"),
    "rosenbrock": QT_TRANSLATE_NOOP("PlaygroundView", "Rosenbrock"),
    "beale": QT_TRANSLATE_NOOP("PlaygroundView", "Beale"),
    "himmelblau": QT_TRANSLATE_NOOP("PlaygroundView", "Himmelblau"),
    "saddle": QT_TRANSLATE_NOOP("PlaygroundView", "saddle"),
    "logistic_regression": QT_TRANSLATE_NOOP("PlaygroundView", "logistic regression (wine)"),
}
SURFACE_NOTES = {
    "quadratic": QT_TRANSLATE_NOOP(
        "PlaygroundView", "E = ½(u² + κv²): a valley κ times steeper across than along, as when one input "
                          "feature is √κ times larger than the other. Gradient descent needs η < 2/κ and then "
                          "zig-zags across the valley while it crawls along it."),
    "rosenbrock": QT_TRANSLATE_NOOP(
        "PlaygroundView", "E = (1 − x)² + 100(y − x²)²: reaching the curved valley is easy, following its "
                          "flat floor to the minimum at (1, 1) is not."),
    "beale": QT_TRANSLATE_NOOP(
        "PlaygroundView", "Flat plateaus and steep ridges; the minimum is at (3, 0.5)."),
    "himmelblau": QT_TRANSLATE_NOOP(
        "PlaygroundView", "Four minima of equal depth: the start decides which one a method finds. "
                          "Newton's method may climb to the maximum in the middle."),
    "saddle": QT_TRANSLATE_NOOP(
        "PlaygroundView", "E = ½x² − ½y² + ¼y⁴: a saddle point at the origin between minima at (0, ±1). "
                          "Start on y = 0 and gradient descent stays on the ridge; Newton's method jumps "
                          "into the saddle."),
    "logistic_regression": QT_TRANSLATE_NOOP(
        "PlaygroundView", "The log-loss of logistic regression with two weights (no bias) on lecture 001's "
                          "wine data, alcohol and proline standardised: a long, gently sloping valley."),
}
# Colours by method, so that a method keeps its colour whichever others are selected.
UNSELECTED = ("adamw",)
PATH_EDGE = pg.mkPen(60, 60, 60, 150, width=4)


def method_pen(name: str) -> QPen:
    """The pen of a method's path and loss curve: its colour, dashed for a method without one of its own."""
    style = None if name in palette.OPTIMIZER_COLOURS else Qt.PenStyle.DashLine
    return palette.pen(palette.OPTIMIZER_COLOURS.get(name, 0), 2, style)


def line_sample(pen: QPen) -> QIcon:
    """A short thick stretch of line drawn with ``pen``, beside a method's name: coloured names in
    yellow or sky blue were hard to read on the panel's grey."""
    pixmap = QPixmap(24, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    sample = QPen(pen)
    sample.setWidth(3)
    painter = QPainter(pixmap)
    painter.setPen(sample)
    painter.drawLine(1, 6, 23, 6)
    painter.end()
    return QIcon(pixmap)


def contour_segments(values: np.ndarray, level: float) -> np.ndarray:
    """The line segments where the grid ``values`` cross ``level`` (marching squares, vectorised):
    an (n, 2, 2) array of segment ends in index coordinates, x = first index, y = second.

    In each grid cell the level crosses an edge whose two corners lie on either side of it, at
    t = (level − v₀)/(v₁ − v₀) along the edge. A cell crossed on two edges holds one segment; one
    crossed on all four (a saddle cell) holds two, paired by the side the cell's mean lies on.
    Crossing points are worked out in the crossed cells only (a few per cent of the grid).
    """
    v00, v10, v11, v01 = (corner.ravel() for corner in
                          (values[:-1, :-1], values[1:, :-1], values[1:, 1:], values[:-1, 1:]))
    edges = ((v00, v10), (v10, v11), (v01, v11), (v00, v01))  # bottom, right, top, left
    crossing = np.stack([(start > level) != (end > level) for start, end in edges])
    crossed = np.flatnonzero(crossing.any(axis=0))  # a cell is crossed on 0, 2 or 4 edges
    crossing = crossing[:, crossed]
    i, j = np.divmod(crossed, values.shape[1] - 1)
    points = np.empty((4, crossed.size, 2))
    with np.errstate(divide="ignore", invalid="ignore"):  # edges not crossed give inf/NaN, unused
        t = [(level - start[crossed]) / (end[crossed] - start[crossed]) for start, end in edges]
    for edge, (x, y) in enumerate(((i + t[0], j), (i + 1, j + t[1]), (i + t[2], j + 1), (i, j + t[3]))):
        points[edge, :, 0], points[edge, :, 1] = x, y
    count = crossing.sum(axis=0)
    cells = np.flatnonzero(count == 2)
    first = np.argmax(crossing[:, cells], axis=0)
    last = 3 - np.argmax(crossing[::-1, cells], axis=0)
    segments = [np.stack([points[first, cells], points[last, cells]], axis=1)]
    saddles = np.flatnonzero(count == 4)
    corners = [corner[crossed[saddles]] for corner in (v00, v10, v11, v01)]
    mean_above = sum(corners) / 4 > level
    corner_above = corners[0] > level
    together = mean_above == corner_above  # the level circles corners (1, 0) and (0, 1) separately
    for pair_if_together, pair_otherwise in (((0, 1), (0, 3)), ((2, 3), (1, 2))):
        a = np.where(together, pair_if_together[0], pair_otherwise[0])
        b = np.where(together, pair_if_together[1], pair_otherwise[1])
        segments.append(np.stack([points[a, saddles], points[b, saddles]], axis=1))
    return np.concatenate(segments)


def quantiles(values: np.ndarray, *fractions: float) -> np.ndarray:
    """``np.quantile(values, fractions)`` (its linear interpolation) from one sort: NumPy's own
    imports numpy.ma at its first call, 0.2 s in which the window froze."""
    ordered = np.sort(values, axis=None)
    return np.interp(np.array(fractions) * (ordered.size - 1), np.arange(ordered.size), ordered)


def log_slider_value(slider: QSlider, low: float, high: float) -> float:
    """The slider's position read on a logarithmic scale from ``low`` to ``high``."""
    return low * (high / low) ** (slider.value() / SLIDER_TICKS)


def set_log_slider(slider: QSlider, value: float, low: float, high: float) -> None:
    slider.setValue(round(SLIDER_TICKS * math.log(value / low) / math.log(high / low)))


def setting_cell(value):
    """A hyperparameter as a cell of the paths' CSV: a number as it is (the file writes it with the language's
    decimal separator), a pair such as Adam's betas as its numbers listed so, ✓ or ✗ for a switch."""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, (tuple, list)):
        decimal = csv_separators()[1]
        return list_separator().join(str(float(item)).replace(".", decimal) for item in value)
    return value


def compact(edit: NumberEdit) -> None:
    """As wide as a rate like 0.00015 needs: at their usual width, the η and γ columns left the plots
    90 pixels at 1024."""
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0.000015") + 16)


class PlaygroundView(View):
    """Contours of a 2-D loss with the paths of the selected optimisers, and their loss per step."""

    title = TranslatedText("PlaygroundView", QT_TRANSLATE_NOOP("PlaygroundView", "Loss surfaces"))
    guide_section = "view-loss-surfaces"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.surface: surfaces.Surface | None = None
        # The surface being drawn, and the parts of its drawing still to do (see _draw_surface).
        self._drawing: tuple[surfaces.Surface | None, Iterator[str]] = (None, iter(()))
        self.start_point = (0.0, 0.0)
        self.walks: dict[str, surfaces.Descent] = {}
        self._problems: list[str] = []
        self._floor = 0.0
        self._pending_steps = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._build()
        self.set_surface(surfaces.names()[0])

    # ------------------------------------------------------------------ layout
    def eventFilter(self, watched, event) -> bool:
        if watched is self.graphics and event.type() == QEvent.Type.Resize:
            self._arrange(event.size().width() < STACKED_BELOW)
        return False

    def _arrange(self, stacked: bool) -> None:
        """The loss plot beside the surface, or under it when the plots' room is narrow (at 1024 pixels
        beside the configuration and the controls, side by side they were cut off mid-title)."""
        if stacked == self._stacked:
            return
        self._stacked = stacked
        layout = self.graphics.ci
        layout.removeItem(self.loss_plot)
        layout.removeItem(self.legend)
        if stacked:
            layout.addItem(self.loss_plot, row=1, col=0)
            layout.addItem(self.legend, row=2, col=0)
        else:
            layout.addItem(self.loss_plot, row=0, col=1)
            layout.addItem(self.legend, row=1, col=0, colspan=2)
        self.legend.setColumnCount(1 if stacked else 4)  # side by side, the names were wider than the plots
        layout.layout.setColumnStretchFactor(1, 0 if stacked else 2)
        layout.layout.setRowStretchFactor(0, 3 if stacked else 1)
        layout.layout.setRowStretchFactor(1, 2 if stacked else 0)

    def _build(self) -> None:
        # The base class lays out the note and the plots; the plots move right of the controls here.
        self.layout().removeWidget(self.graphics)
        # In a narrow view the settings and the plots are two tabs, the animation's buttons under both: at
        # 1024 × 640 in Russian, beside the settings, the contour plot was 140 pixels wide.
        self.beside = ControlsBeside(self._build_controls(), self.graphics, self._build_animation(), TABBED_BELOW)
        self.layout().addWidget(self.beside, 1)

        self.surface_plot = self.new_plot(0, 0, bottom="x", left="y")
        self.surface_plot.setAspectLocked(True)
        # Room for the widest ticks and title (logistic regression's): an axis sized by its ticks
        # learns their width only when first painted, and both plots were laid out and painted
        # again (~35 ms under training load).
        self.surface_plot.getAxis("left").setWidth(48)
        self.loss_plot = self.new_plot(0, 1, self.tr("Loss per step"), axis_items={"left": DecadeAxis("left")},
                                       left=self.tr("E − E_min"), bottom=self.tr("step"))
        self.loss_plot.setLogMode(x=False, y=True)
        self.loss_plot.getAxis("left").setWidth(64)  # room for 10⁻¹² beside the axis title
        # From 0, in whole steps, growing a few times a decade: the start's one point was drawn on an axis from
        # −0.4 to 0.4 steps, and every frame moved the axis.
        self.steps_axis = GrowingStepAxis(self.loss_plot)
        self.graphics.ci.layout.setColumnStretchFactor(0, 3)
        self.graphics.ci.layout.setColumnStretchFactor(1, 2)
        # Under both plots, in columns: inside the loss plot, as narrow as a third of the window, it hid the curves.
        self.legend = laid_out_legend(colCount=4)
        # A name wider than the plots' room is cut at their edge rather than pushing them past the view's.
        self.legend.setMinimumWidth(0)
        self.legend.setFlag(self.legend.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.graphics.addItem(self.legend, row=1, col=0, colspan=2)
        self._stacked = False
        self.graphics.installEventFilter(self)
        self.background = pg.ImageItem()
        self.background.setColorMap(pg.ColorMap([0.0, 1.0], [(255, 255, 255), (200, 208, 218)]))
        self.contours = pg.PlotCurveItem(pen=pg.mkPen(palette.REFERENCE, width=1))
        self.minima_marks = pg.ScatterPlotItem(symbol="star", size=14, pen=pg.mkPen(palette.FOREGROUND),
                                               brush=pg.mkBrush(255, 255, 255))
        self.start_mark = pg.ScatterPlotItem(symbol="o", size=12, pen=pg.mkPen(palette.FOREGROUND, width=2),
                                             brush=pg.mkBrush(255, 255, 255))
        self.heads = pg.ScatterPlotItem(size=9, pen=pg.mkPen(palette.FOREGROUND, width=1))
        for item in (self.background, self.contours, self.minima_marks):
            self.surface_plot.addItem(item)
        # The shading and the contours change only with the surface, but lie under the paths, which
        # change at every frame: repainted from pixmaps, not as an image and ~4000 line segments.
        cache_pictures(self.background, self.contours)
        self.path_curves: dict[str, pg.PlotDataItem] = {}
        self.loss_curves: dict[str, pg.PlotDataItem] = {}
        for name in surfaces.optimizer_names():
            # A dark edge keeps the light colours (yellow, sky blue) visible on the shaded contours.
            self.path_curves[name] = self.surface_plot.plot(pen=method_pen(name), shadowPen=PATH_EDGE)
            self.loss_curves[name] = self.loss_plot.plot(pen=method_pen(name))
        self.surface_plot.addItem(self.start_mark)
        self.surface_plot.addItem(self.heads)
        self.surface_plot.scene().sigMouseClicked.connect(self._clicked)

    def _build_controls(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)

        surface_box = QGroupBox(self.tr("Surface"))
        form = QFormLayout(surface_box)
        self.surface_box = QComboBox()
        self.surface_box.setProperty("translatedItems", True)
        for name in surfaces.names():
            self.surface_box.addItem(QCoreApplication.translate("PlaygroundView", SURFACE_NAMES.get(name, name)), name)
        self.surface_box.currentIndexChanged.connect(lambda index: self.set_surface(self.surface_box.itemData(index)))
        set_help(self.surface_box, self.tr("The loss E(x, y) the methods descend: its formula and what it shows "
                                           "are written under it."), self.tr("Loss surface"))
        form.addRow(self.tr("Loss"), self.surface_box)
        self.surface_note = QLabel()
        self.surface_note.setWordWrap(True)
        form.addRow(self.surface_note)
        self.condition_slider = QSlider(Qt.Orientation.Horizontal)
        self.condition_slider.setRange(0, SLIDER_TICKS)
        # Rebuilding the contours takes a moment: only when the slider is let go.
        self.condition_slider.setTracking(False)
        self.condition_slider.valueChanged.connect(lambda value: self._quadratic_changed())
        self.condition_slider.sliderMoved.connect(lambda value: self._show_quadratic_values())
        set_help(self.condition_slider, self.tr("κ, the ratio of the steepest to the flattest curvature "
                                                "(1 = a round bowl)."), self.tr("Condition number"))
        self.condition_label = QLabel()
        form.addRow(self.condition_label, self.condition_slider)
        self.angle_slider = QSlider(Qt.Orientation.Horizontal)
        self.angle_slider.setRange(-90, 90)
        self.angle_slider.setTracking(False)
        self.angle_slider.valueChanged.connect(lambda value: self._quadratic_changed())
        self.angle_slider.sliderMoved.connect(lambda value: self._show_quadratic_values())
        set_help(self.angle_slider, self.tr("Turns the valley off the axes: per-weight (adaptive) learning rates "
                                            "only straighten a valley that lies along an axis."), self.tr("Angle"))
        self.angle_label = QLabel()
        form.addRow(self.angle_label, self.angle_slider)
        layout.addWidget(surface_box)

        methods_box = QGroupBox(self.tr("Methods and their settings"))
        grid = QGridLayout(methods_box)
        self.method_checks: dict[str, QCheckBox] = {}
        self.rate_edits: dict[str, NumberEdit] = {}
        self.setting_edits: dict[str, NumberEdit] = {}  # METHOD_SETTINGS' hyperparameter of each method with one
        for row, name in enumerate(surfaces.optimizer_names()):
            method = display_names.label("optimizer", name)
            check = QCheckBox(method)
            check.setIcon(line_sample(method_pen(name)))
            check.setChecked(name not in UNSELECTED)
            check.toggled.connect(lambda checked: self.restart())
            set_help(check, self.tr("Draw the path of {method} from the start point (untick to leave it out).")
                     .format(method=method))
            rate = NumberEdit()
            set_help(rate, self.tr("The learning rate η of {method} on this surface.").format(method=method),
                     self.tr("{method} learning rate").format(method=method))
            rate.valueEdited.connect(lambda value: self.restart())
            compact(rate)
            self.method_checks[name], self.rate_edits[name] = check, rate
            grid.addWidget(check, row, 0)
            grid.addWidget(QLabel("η"), row, 1)
            grid.addWidget(rate, row, 2)
            if name in METHOD_SETTINGS:
                key, symbol = METHOD_SETTINGS[name]
                setting = NumberEdit()
                setting.set_value(optimizers.create(name).hyperparameters[key])
                set_help(setting, help_texts.optimizer_text(name, key),
                         self.tr("{method}: {symbol}").format(method=method, symbol=symbol))
                setting.valueEdited.connect(lambda value: self.restart())
                compact(setting)
                self.setting_edits[name] = setting
                grid.addWidget(QLabel(symbol), row, 3)
                grid.addWidget(setting, row, 4)
        layout.addWidget(methods_box)
        self.stopped_note = QLabel()
        self.stopped_note.setWordWrap(True)
        layout.addWidget(self.stopped_note)

        self.export_buttons = ExportButtons(
            self, self.tr("Export paths…"),
            self.tr("Save every optimiser's path as a CSV table: the method, each of its settings (η, γ, ρ…), "
                    "and x, y and the loss at each step."),
            self.tr("Paths (*.csv)"))
        layout.addWidget(self.export_buttons)
        layout.addStretch(1)
        return panel

    def _build_animation(self) -> QWidget:
        """Where the paths start, Play, Step, Restart and the speed: under the settings, in sight however far
        they are scrolled (and under the plots too when they are two tabs)."""
        play_box = QGroupBox(self.tr("Animation"))
        play = QFormLayout(play_box)
        self.start_label = QLabel()
        self.start_label.setWordWrap(True)
        play.addRow(self.start_label)
        buttons = QHBoxLayout()
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.clicked.connect(lambda: self.step(1))
        restart = QPushButton(self.tr("Restart"))
        restart.clicked.connect(self.restart)
        for button, help_text in (
                (self.play_button, self.tr("Move every ticked method on, step by step at the speed below; "
                                           "again to pause.")),
                (self.step_button, self.tr("One step of every ticked method.")),
                (restart, self.tr("Every path back to the start point."))):
            set_help(button, help_text)
            buttons.addWidget(button)
        play.addRow(buttons)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(0, SLIDER_TICKS)
        set_log_slider(self.speed_slider, 20.0, *SPEED_RANGE)
        self.speed_slider.valueChanged.connect(lambda value: self._show_speed())
        set_help(self.speed_slider, self.tr("How many steps a second the animation takes."),
                 self.tr("Animation speed"))
        self.speed_label = QLabel()
        play.addRow(self.speed_label, self.speed_slider)
        self.step_label = QLabel()
        play.addRow(self.step_label)
        self._show_speed()
        return play_box

    # ------------------------------------------------------------------ the window's API
    def reset(self, experiment) -> None:
        """The playground does not depend on the window's run."""
        self.experiment = experiment

    def on_progress(self, progress) -> None:
        """The playground does not depend on the window's run."""

    def refresh(self) -> None:
        # The shading and contours wait until the view is shown: computing them when the window
        # opened, with this tab hidden, delayed the window's first appearance. Here the parts not
        # drawn yet are drawn at once (a first show spreads them over frames, see showEvent).
        for _ in self._surface_parts():
            pass
        if self._stale:
            self._stale = False
            self.redraw()

    # ------------------------------------------------------------------ choosing
    def set_surface(self, name: str, **hyperparameters) -> None:
        """Show the surface ``name`` with its suggested start and learning rates, paths cleared."""
        with QSignalBlocker(self.surface_box):
            self.surface_box.setCurrentIndex(self.surface_box.findData(name))
        quadratic = name == "quadratic"
        for widget in (self.condition_slider, self.condition_label, self.angle_slider, self.angle_label):
            widget.setVisible(quadratic)
        if quadratic:
            defaults = {**surfaces.create(name).hyperparameters, **hyperparameters}
            with QSignalBlocker(self.condition_slider), QSignalBlocker(self.angle_slider):
                set_log_slider(self.condition_slider, defaults["condition_number"], *CONDITION_RANGE)
                self.angle_slider.setValue(round(defaults["angle"]))
            hyperparameters = self._quadratic_hyperparameters()
        self.surface_note.setText(QCoreApplication.translate("PlaygroundView", SURFACE_NOTES.get(name, "")))
        self.surface_plot.setTitle(self.surface_box.currentText(), color=palette.FOREGROUND)
        self._use_surface(surfaces.create(name, **hyperparameters))
        names = getattr(self.surface, "feature_names", None)
        axes = [f"w{index} ({feature})" for index, feature in enumerate(names, start=1)] if names else ["x", "y"]
        self.surface_plot.setLabel("bottom", axes[0], color=palette.FOREGROUND)
        self.surface_plot.setLabel("left", axes[1], color=palette.FOREGROUND)
        for method, rate in self.surface.learning_rates.items():
            self.rate_edits[method].set_value(rate)
        self.set_start(*self.surface.start, play=False)

    def set_condition_number(self, condition_number: float) -> None:
        """Move the κ slider (on the quadratic) as the user would."""
        set_log_slider(self.condition_slider, condition_number, *CONDITION_RANGE)

    def _quadratic_hyperparameters(self) -> dict:
        return {"condition_number": log_slider_value(self.condition_slider, *CONDITION_RANGE),
                "angle": float(self.angle_slider.value())}

    def _show_quadratic_values(self) -> None:
        values = self._quadratic_hyperparameters()
        number = values["condition_number"]
        # Three significant digits, and every digit of a whole part beyond them (1000, not 1e+03).
        condition = i18n.format_number(number, max(3, len(str(int(number)))), fixed=False)
        self.condition_label.setText(self.tr("κ = {value}").format(value=condition))
        self.angle_label.setText(self.tr("angle {value}°").format(value=i18n.format_number(values["angle"], 0)))

    def _quadratic_changed(self) -> None:
        suggested = self.surface.learning_rates
        self._use_surface(surfaces.create("quadratic", **self._quadratic_hyperparameters()))
        # A rate left as suggested follows κ (gradient descent's 0.15 blew up from κ = 14 on); a typed one stays.
        for method, rate in self.surface.learning_rates.items():
            shown = self.rate_edits[method].value()  # as the edit shows it, to six significant digits
            if isinstance(shown, float) and math.isclose(shown, suggested[method], rel_tol=1e-5):
                self.rate_edits[method].set_value(rate)
        self.restart()

    def _use_surface(self, surface: surfaces.Surface) -> None:
        """Take ``surface``; it is shaded and contoured when the view is next drawn (see :meth:`refresh`)."""
        self.surface = surface
        self._show_quadratic_values()
        # The axes and the minima cost little: placed now, the axes are drawn once, at the tab's
        # first paint, not again in the frame that brings the shading.
        (x_low, x_high), (y_low, y_high) = surface.bounds
        self.surface_plot.setRange(xRange=(x_low, x_high), yRange=(y_low, y_high), padding=0)
        self.minima_marks.setData([m[0] for m in surface.minima], [m[1] for m in surface.minima])

    def _surface_parts(self) -> Iterator[str]:
        """The parts of the current surface's drawing not done yet (none once it is drawn)."""
        if self._drawing[0] is not self.surface:
            self._drawing = (self.surface, self._draw_surface(self.surface))
        return self._drawing[1]

    def _draw_surface(self, surface: surfaces.Surface) -> Iterator[str]:
        """Shade and contour ``surface``, yielding after each part: under training load the whole
        took ~40 ms in one turn of the event loop and its paint as much; each part takes ~5–15 ms."""
        xs, ys, values = surface.grid(GRID_RESOLUTION)
        lowest = [surface.loss(np.array(minimum)) for minimum in surface.minima]
        self._floor = min(lowest) if lowest else float(values.min())
        heights = np.maximum(values - self._floor, LOSS_FLOOR)
        log_heights = np.log10(heights)
        (x_low, x_high), (y_low, y_high) = surface.bounds
        self.background.setImage(log_heights, levels=(quantiles(log_heights, 0.01)[0], log_heights.max()))
        # Pixel i of the image is centred on the grid's sample xs[i]: the image reaches half a cell out.
        dx, dy = xs[1] - xs[0], ys[1] - ys[0]
        self.background.setRect(x_low - dx / 2, y_low - dy / 2, x_high - x_low + dx, y_high - y_low + dy)
        yield "shaded"
        # Lines of equal loss, spaced evenly in log(E − E_min) from the bottom of the valley up, in
        # two halves: all sixteen levels took ~20 ms under load.
        levels = np.linspace(*quantiles(log_heights, 0.005, 0.98), CONTOUR_LEVELS)
        segments = [contour_segments(log_heights, level) for level in levels[:CONTOUR_LEVELS // 2]]
        yield "half contoured"
        segments += [contour_segments(log_heights, level) for level in levels[CONTOUR_LEVELS // 2:]]
        ends = np.concatenate(segments).reshape(-1, 2)
        self.contours.setData(xs[0] + ends[:, 0] * dx, ys[0] + ends[:, 1] * dy, connect="pairs")
        yield "contoured"

    def set_start(self, x: float, y: float, play: bool = True) -> None:
        """Start every selected method from (x, y); with ``play``, set the animation going."""
        self.start_point = (float(x), float(y))
        self.start_label.setText(self.tr("Start ({x}, {y}). Click the contour plot to move it.")
                                 .format(x=i18n.format_significant(x, 3), y=i18n.format_significant(y, 3)))
        self.restart()
        if play:
            self.play()

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        box = self.surface_plot.getViewBox()
        if box.sceneBoundingRect().contains(event.scenePos()):
            point = box.mapSceneToView(event.scenePos())
            self.set_start(point.x(), point.y())

    def select_methods(self, names) -> None:
        """Show exactly the methods ``names`` (from :func:`core.surfaces.optimizer_names`), as a lab asks."""
        unknown = sorted(set(names) - set(self.method_checks))
        if unknown:
            raise ValueError(f"unknown method {unknown[0]!r}; choose from: {', '.join(self.method_checks)}")
        for name, check in self.method_checks.items():
            with QSignalBlocker(check):
                check.setChecked(name in names)
        self.restart()

    def selected_methods(self) -> list[str]:
        return [name for name, check in self.method_checks.items() if check.isChecked()]

    def restart(self) -> None:
        """Every selected method back at the start point, with the learning rates as typed."""
        self.walks = {}
        self.steps_axis.reset()
        problems = []
        for name in self.selected_methods():
            settings = {"lr": self.rate_edits[name].value()}
            symbol = "η"
            try:
                optimizer = surfaces.create_optimizer(name, self.surface, **settings)
                if name in self.setting_edits:  # checked apart, so that the problem names its control
                    key, symbol = METHOD_SETTINGS[name]
                    optimizer = surfaces.create_optimizer(name, self.surface, **settings,
                                                          **{key: self.setting_edits[name].value()})
            except ValueError as error:
                problems.append(self.tr("{method}: {symbol} {problem}").format(
                    method=display_names.label("optimizer", name), symbol=symbol,
                    problem=number_problem_text(error, subject=False)))
                continue
            self.walks[name] = surfaces.Descent(self.surface, optimizer, self.start_point)
        self._problems = problems
        kept = self.legend.effectiveSizeHint(Qt.SizeHint.PreferredSize)
        self.legend.clear()
        for name in self.walks:
            self.legend.addItem(self.loss_curves[name], display_names.label("optimizer", name))
        # Emptied, the legend gave its room to the plots: the contour plot, its aspect locked, took another shape
        # and showed more than the surface. It keeps its room until a method is ticked again (-1: its own).
        self.legend.setPreferredSize(QSizeF(-1, -1) if self.walks else kept)
        self._changed()

    # ------------------------------------------------------------------ animation
    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def play(self) -> None:
        if self._can_go_on():
            self._pending_steps = 0.0
            self._timer.start()
            self.beside.show_content()  # the paths, when the settings' tab was in front
        self._show_play_state()

    def pause(self) -> None:
        self._timer.stop()
        self._show_play_state()

    def toggle_play(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def step(self, steps: int = 1) -> None:
        """Every path ``steps`` steps further (those that stopped stay), and pause."""
        self.pause()
        self._advance(steps)

    def _advance(self, steps: int) -> None:
        for walk in self.walks.values():
            walk.advance(min(steps, MAX_STEPS - walk.steps))
        self._changed()
        if not self._can_go_on():
            self.pause()

    def _can_go_on(self) -> bool:
        return any(walk.stopped is None and walk.steps < MAX_STEPS for walk in self.walks.values())

    def _tick(self) -> None:
        self._pending_steps += self.speed() * FRAME_MS / 1000
        steps = int(self._pending_steps)
        if steps:
            self._pending_steps -= steps
            self._advance(steps)

    def speed(self) -> float:
        """Steps per second."""
        return log_slider_value(self.speed_slider, *SPEED_RANGE)

    def _show_speed(self) -> None:
        self.speed_label.setText(self.tr("{speed} steps/s").format(speed=i18n.format_number(self.speed(), 0)))

    def _show_play_state(self) -> None:
        self.play_button.setText(self.tr("Pause") if self.playing else self.tr("Play"))

    def showEvent(self, event) -> None:
        # Shown for the first time, the tab lays out and paints its controls (~50 ms): the shading
        # and contours, and their paint, come an animation frame later, not to add to that (a zero
        # timer would run before the paint), and the loss plot a turn later than the surface's.
        QWidget.showEvent(self, event)
        self.reveal_one_per_turn()
        QTimer.singleShot(FRAME_MS, self, self._draw_next_part)

    def _draw_next_part(self) -> None:
        """One part of the surface's drawing, and the next an animation frame later, each with a
        paint of its own; the paths once the surface is drawn."""
        if not self.isVisible():
            return  # hidden meanwhile: drawn when shown again
        if next(self._surface_parts(), None) is None:
            self.refresh()
        else:
            QTimer.singleShot(FRAME_MS, self, self._draw_next_part)

    def hideEvent(self, event) -> None:
        self.pause()  # nobody watches: no point computing frames
        super().hideEvent(event)

    # ------------------------------------------------------------------ drawing
    def redraw(self) -> None:
        heads_x, heads_y, heads_brush = [], [], []
        for name, curve in self.path_curves.items():
            walk = self.walks.get(name)
            if walk is None:
                curve.setData([], [])
                self.loss_curves[name].setData([], [])
                continue
            points = np.array(walk.points)
            curve.setData(points[:, 0], points[:, 1])
            losses = np.maximum(np.array(walk.losses) - self._floor, LOSS_FLOOR)
            self.loss_curves[name].setData(np.arange(len(losses)), losses)
            heads_x.append(points[-1, 0])
            heads_y.append(points[-1, 1])
            heads_brush.append(pg.mkBrush(palette.series_color(palette.OPTIMIZER_COLOURS.get(name, 0))))
        self.heads.setData(heads_x, heads_y, brush=heads_brush)
        self.start_mark.setData([self.start_point[0]], [self.start_point[1]])
        steps = max((walk.steps for walk in self.walks.values()), default=0)
        self.steps_axis.follow(max(steps, FIRST_STEPS_SHOWN), True)
        self._place_losses()
        # Under Play, in sight under both tabs (the notes under the methods are out of sight in a small window).
        self.step_label.setText(self.tr("step {step}").format(step=steps) if self.selected_methods()
                                else self.tr("Tick a method to draw its path from the start point."))
        notes = [*self._problems, *(self._stop_note(name, walk) for name, walk in self.walks.items() if walk.stopped)]
        self.stopped_note.setText("\n".join(notes))
        # Off while no path can go on (none ticked, each stopped or at the step limit): they would do nothing.
        for button in (self.play_button, self.step_button):
            button.setEnabled(self.playing or self._can_go_on())

    def _place_losses(self) -> None:
        """The loss axis follows the paths' losses; with no path, it is the decade around the start's loss that
        the paths will start from, as at their step 0 (it kept the last paths' range, 10⁻¹³ to 10⁴, empty)."""
        box = self.loss_plot.getViewBox()
        if self.walks:
            if not box.autoRangeEnabled()[1]:
                box.enableAutoRange(axis=pg.ViewBox.YAxis)
            return
        start = math.log10(max(self.surface.loss(np.array(self.start_point)) - self._floor, LOSS_FLOOR))
        box.setYRange(start - 0.5, start + 0.5, padding=0)

    def _stop_note(self, name: str, walk: surfaces.Descent) -> str:
        """Why a method's path stopped, in the window's language."""
        method, step = display_names.label("optimizer", name), walk.steps + 1
        if walk.stopped_by == surfaces.DIVERGED:
            return self.tr("{method}: diverged at step {step}: the learning rate {lr} is too large here").format(
                method=method, step=step, lr=format_number(walk.optimizer.lr))
        if walk.stopped_by == surfaces.SINGULAR:
            return self.tr("{method}: stopped at step {step}: the Hessian has no inverse there, so Newton's step "
                           "−H⁻¹∇E is undefined").format(method=method, step=step)
        return f"{method}: {walk.stopped}"

    def export(self, path) -> None:
        if not self.walks and export_suffix(Path(path)) == ".csv":
            # The views' own reason ("train, race or choose a run first") means nothing here.
            raise ValueError(self.tr("There is nothing to export yet: tick a method to draw its path."))
        super().export(path)

    def table(self) -> tuple[list[str], list[list]]:
        """Every point of every path: the method as the view names it, its hyperparameters (a column each,
        empty for a method without it: η, then those set beside it, then the others), step, x, y, E. Only
        the identifier and η were written: two files of momentum at γ = 0.5 and 0.9 could not be told apart."""
        shown = {key for key, _ in METHOD_SETTINGS.values()}
        keys = list(dict.fromkeys(key for walk in self.walks.values() for key in walk.optimizer.hyperparameters))
        keys.sort(key=lambda key: (key != "lr", key not in shown))  # a stable sort: otherwise as they come
        rows = []
        for name, walk in self.walks.items():
            method, settings = display_names.label("optimizer", name), walk.optimizer.hyperparameters
            cells = [setting_cell(settings[key]) if key in settings else "" for key in keys]
            rows += [[method, *cells, step, float(point[0]), float(point[1]), loss]
                     for step, (point, loss) in enumerate(zip(walk.points, walk.losses))]
        header = [self.tr("method"), *(display_names.label("optimizer_hyperparameter", key) for key in keys),
                  self.tr("step"), "x", "y", self.tr("loss")]
        return header, rows

