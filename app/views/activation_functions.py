"""The activation functions of the lectures' table, each φ(z) beside its derivative φ′(z) (lab 3).

A grid of small plots, one per chosen activation of :mod:`core.activations`: φ solid, φ′ dashed,
both the engine's own numbers (:func:`core.activations.evaluate_on_grid` — φ′ is the backward pass
training multiplies by). Where φ jumps or has a corner (step, sign, ReLU at 0, the piece-wise linear
unit at ±½) φ′ is undefined: its dashed curve breaks there and a dot shows the value
backpropagation uses instead. Under each plot, its formula; the activations the window's network
uses are starred and framed. Beside the plots: which functions, the range of z, and the
hyperparameters (LeakyReLU's and ELU's α).

The view does not follow training: the functions do not change while a network learns.
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from app import display_names, palette
from app.panels import choice_help, help_texts
from app.panels.widgets import NumberEdit, format_number, mark, set_help
from app.views.base import Axis, TranslatedText, View, laid_out_legend, styled_plot
from app.views.compare_view import ControlsBeside
from app.views.gradients import layer_numbers
from core import activations

CONTEXT = "ActivationFunctionsView"
DEFAULT_RANGE = (-5.0, 5.0)
GRID_POINTS = 801
MIN_CELL_WIDTH, MIN_CELL_HEIGHT = 200, 230
"""Pixels a plot with its title and formulas needs to be read: as many columns as fit, and the grid
scrolls down rather than squeeze the plots."""
LEGEND_HEIGHT = 70
TITLE_POINTS = 9
LEFT_AXIS_WIDTH = 34
CELL_ASPECT = 1.3
# Short formulas under each plot: (φ, φ′). The lecture's table, in the engine's names.
FORMULAS = {
    "identity": (QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ = z"),
                 QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ′ = 1")),
    "step": (QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ = 0, ½, 1 (z <, =, > 0)"),
             QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ′ = 0 (z ≠ 0)")),
    "sign": (QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ = −1, 0, 1 (z <, =, > 0)"),
             QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ′ = 0 (z ≠ 0)")),
    "piecewise_linear": (QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ = min(1, max(0, z + ½))"),
                     QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ′ = 1 (|z| < ½), else 0")),
    "sigmoid": (QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ = 1 / (1 + e⁻ᶻ)"),
                QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ′ = φ(1 − φ) ≤ ¼")),
    "tanh": (QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)"),
             QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ′ = 1 − φ²")),
    "relu": (QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ = max(0, z)"),
             QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ′ = 1 (z > 0), 0 (z < 0)")),
    "leaky_relu": (QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ = z (z ≥ 0), αz (z < 0)"),
                   QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ′ = 1 (z > 0), α (z < 0)")),
    "elu": (QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ = z (z > 0), α(eᶻ − 1) (z ≤ 0)"),
            QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ′ = 1 (z > 0), αeᶻ (z < 0)")),
    "softplus": (QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ = ln(1 + eᶻ)"),
                 QT_TRANSLATE_NOOP("ActivationFunctionsView", "φ′ = σ(z)")),
}


class PlainLabel(pg.LabelItem):
    """A label that shows its text as typed: the "<" and ">" of a formula are not HTML tags, and a
    line break is one."""

    def setText(self, text, **args):
        super().setText(html.escape(text, quote=False).replace("\n", "<br>"), **args)
        self.text = text


@dataclass
class Cell:
    """One function's plot and what is drawn in it."""

    title: PlainLabel
    plot: pg.PlotItem
    value: pg.PlotDataItem
    derivative: pg.PlotDataItem
    kinks: pg.ScatterPlotItem


class ActivationFunctionsView(View):
    """φ and φ′ of the chosen activations, one small plot each."""

    title = TranslatedText(CONTEXT, QT_TRANSLATE_NOOP("ActivationFunctionsView", "Activation functions"))
    guide_section = "view-activation-functions"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.functions: list[activations.ActivationFunction] = []
        self.curves: activations.SampledCurves | None = None
        self.cells: dict[str, Cell] = {}  # the plots made so far, in the order of ``places``
        self.places: dict[str, pg.GraphicsLayout] = {}  # where each chosen function's plot goes
        self.columns = 0
        self._making = None  # (name, the steps left) of the cell being made (see _make_cell)
        self._layout_wanted: list[str] | None = None  # the functions of a grid to lay out at the next step
        self._next_cell_timer = QTimer(self)
        self._next_cell_timer.setSingleShot(True)
        self._next_cell_timer.timeout.connect(self._continue_making)
        self.used: dict[str, list[tuple[int, dict]]] = {}
        self.problems: list[str] = []
        self.value_pen = palette.pen(0, 2)
        self.derivative_pen = palette.pen(1, 2, Qt.PenStyle.DashLine)
        self.kink_brush = pg.mkBrush(palette.series_color(1))
        self.used_border = pg.mkPen(palette.named_color("bluish_green"), width=2)
        self.layout().removeWidget(self.graphics)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.graphics)
        self.scroll.viewport().installEventFilter(self)
        self.layout().addWidget(ControlsBeside(self._build_controls(), self.scroll), 1)
        self._recompute()

    # ------------------------------------------------------------------ controls
    def _build_controls(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)

        functions_box = QGroupBox(self.tr("Functions"))
        grid = QGridLayout(functions_box)
        self.function_checks: dict[str, QCheckBox] = {}
        for index, name in enumerate(activations.names()):
            check = QCheckBox(self._described(name))
            check.setChecked(True)
            set_help(check, self._check_help(name), check.text())
            check.toggled.connect(self._recompute)
            grid.addWidget(check, index, 0, 1, 2)
            self.function_checks[name] = check
        every, none = QPushButton(self.tr("All")), QPushButton(self.tr("None"))
        set_help(every, self.tr("Plot every activation"))
        set_help(none, self.tr("Clear the choice, to pick a few"))
        every.clicked.connect(self.select_every_function)
        none.clicked.connect(self.clear_functions)
        buttons = QHBoxLayout()
        buttons.addWidget(every)
        buttons.addWidget(none)
        grid.addLayout(buttons, len(self.function_checks), 0, 1, 2)
        layout.addWidget(functions_box)

        range_box = QGroupBox(self.tr("Range of z"))
        form = QFormLayout(range_box)
        self.low_edit, self.high_edit = NumberEdit(), NumberEdit()
        for edit, value, label, help_text in ((self.low_edit, DEFAULT_RANGE[0], self.tr("from"),
                                               self.tr("The left end of the z axis (|z| ≤ 10 000)")),
                                              (self.high_edit, DEFAULT_RANGE[1], self.tr("to"),
                                               self.tr("The right end of the z axis (|z| ≤ 10 000)"))):
            edit.set_value(value)
            set_help(edit, help_text, label)
            edit.valueEdited.connect(self._recompute)
            form.addRow(label, edit)
        layout.addWidget(range_box)

        hyperparameters_box = QGroupBox(self.tr("Hyperparameters"))
        form = QFormLayout(hyperparameters_box)
        self.hyperparameter_edits: dict[str, dict[str, NumberEdit]] = {}
        for name in activations.names():
            for key, default in activations.create(name).hyperparameters.items():
                edit = NumberEdit()
                edit.set_value(default)
                edit.valueEdited.connect(self._recompute)
                form.addRow(self._hyperparameter_label(name, key), edit)
                self.hyperparameter_edits.setdefault(name, {})[key] = edit
                self._name_hyperparameter(name, key)
        layout.addWidget(hyperparameters_box)

        kinks_note = QLabel(self.tr("Where φ jumps or has a corner, φ′ is undefined: the dashed curve breaks "
                                    "there, and the dot is the value backpropagation uses instead."))
        kinks_note.setWordWrap(True)
        layout.addWidget(kinks_note)
        self.network_label = QLabel()
        self.network_label.setWordWrap(True)
        self.network_label.hide()
        layout.addWidget(self.network_label)
        layout.addStretch(1)
        return panel

    def select_functions(self, names) -> None:
        """Plot exactly the activations ``names`` (from :func:`core.activations.names`), as a lab asks."""
        unknown = [name for name in names if name not in self.function_checks]
        if unknown:
            raise ValueError(f"unknown activation {unknown[0]!r}; choose from: {', '.join(self.function_checks)}")
        for name, check in self.function_checks.items():
            with QSignalBlocker(check):
                check.setChecked(name in names)
        self._recompute()

    def select_every_function(self) -> None:
        self.select_functions(list(self.function_checks))

    def clear_functions(self) -> None:
        self.select_functions([])

    def selected_functions(self) -> list[str]:
        return [name for name, check in self.function_checks.items() if check.isChecked()]

    # ------------------------------------------------------------------ computing
    def _recompute(self, *_) -> None:
        """The chosen functions with the hyperparameters as typed, sampled by the engine over the range."""
        self.problems = []
        functions = []
        selected = self.selected_functions()
        for name in self.function_checks:
            edits = self.hyperparameter_edits.get(name, {})
            try:
                function = activations.create(name, **{key: edit.value() for key, edit in edits.items()})
            except ValueError as error:
                problem = str(error)
                if name in selected:
                    self.problems.append(problem)
            else:
                problem = None
                if name in selected:
                    functions.append(function)
            for edit in edits.values():
                mark(edit, problem)
        try:
            self.curves = activations.evaluate_on_grid(functions, self.low_edit.value(), self.high_edit.value(),
                                                       count=GRID_POINTS, dtype=np.float64)
            range_problem = None
        except ValueError as error:
            self.curves = None
            range_problem = str(error)
            self.problems.append(range_problem)
        mark(self.low_edit, range_problem if range_problem and "start" in range_problem else None)
        mark(self.high_edit, range_problem if range_problem and "end" in range_problem else None)
        self.functions = functions
        self._show_problems()
        self._changed()

    def _show_problems(self) -> None:
        if self.problems:
            self.show_note(self.tr("Cannot plot: %1").replace("%1", "; ".join(self.problems)))
        elif not self.functions:
            self.show_note(self.tr("Choose at least one function to plot."))
        else:
            self.show_note(None)

    # ------------------------------------------------------------------ the window's API
    def reset(self, experiment) -> None:
        """A new network: star the activations it uses. The plots are drawn again only if they change: Reset
        with the same network drew all ten again (14 ms, and 31 ms to paint them, on the GUI thread)."""
        self.experiment = experiment
        numbers = layer_numbers(experiment.network)
        used = {}
        for index, layer in enumerate(experiment.network.layers):
            function = getattr(layer, "function", None)
            if function is not None:
                used.setdefault(function.name, []).append((numbers[index], function.hyperparameters))
        if used != self.used:
            self.used = used
            self._show_usage()
            self._changed()

    def on_progress(self, progress) -> None:
        """The functions do not change while the network trains."""

    def refresh(self) -> None:
        if self._stale:
            self._stale = False
            self.redraw()

    def _show_usage(self) -> None:
        """Which activations the network uses, in which hidden layers, with which hyperparameters."""
        parts = []
        for name, layers in self.used.items():
            # As the Network panel names them, and as the hyperparameters' rows read: "Leaky ReLU: α (alpha) = 0.2".
            settings = ", ".join(f"{display_names.label('hyperparameter', key)} = {format_number(value)}"
                                 for key, value in layers[0][1].items())
            function = display_names.label("activation", name)
            where = self.tr("%1 in hidden layer %2") if len(layers) == 1 else self.tr("%1 in hidden layers %2")
            parts.append(where.replace("%1", f"{function}: {settings}" if settings else function)
                         .replace("%2", ", ".join(str(number) for number, _ in layers)))
        self.network_label.setText(self.tr("★ The network uses: %1").replace("%1", "; ".join(parts)))
        self.network_label.setVisible(bool(parts))

    # ------------------------------------------------------------------ drawing
    # A cell (its plot, axes, curves and formulas) costs some 30 ms to make and paint the first time,
    # twice that while a run trains: all of them at once froze the window for half a second or more
    # when the tab was shown. The grid is laid out in a turn of the event loop of its own (with
    # training, 20-30 ms that had added to the turn showing the tab), every cell's place kept, and the
    # cells are made one per turn in small steps (see _make_cell), each drawn as it comes, so that the
    # window answers between two of them.
    def redraw(self) -> None:
        names = [function.name for function in self.functions]
        if names != list(self.places) or self._columns_wanted() != self.columns:
            self._layout_wanted = names
        else:
            for name in self.cells:
                self._draw_cell(name)
        if self._has_work():
            self._next_cell_timer.start()

    def pending_cells(self) -> list[str]:
        """The functions whose plots are yet to be laid out, made or shown (a step per turn of the
        event loop while the view is shown)."""
        if self._layout_wanted is not None:
            return list(self._layout_wanted)
        making = self._making[0] if self._making is not None else None
        return [name for name in self.places if name not in self.cells or name == making]

    def _has_work(self) -> bool:
        return self._layout_wanted is not None or bool(self.pending_cells())

    def make_every_cell(self) -> None:
        """Lay out and make the pending plots now (an export shows them all)."""
        self.refresh()
        while self._has_work():
            self._make_next_step()

    def export(self, path) -> None:
        self.make_every_cell()
        super().export(path)

    def _make_next_step(self) -> None:
        """One step: the grid's layout, or a step of making the first pending cell."""
        if self._layout_wanted is not None:
            names, self._layout_wanted = self._layout_wanted, None
            self._lay_out(names)
            return
        if self._making is None:
            pending = self.pending_cells()
            if not pending:
                return
            self._making = (pending[0], self._make_cell(pending[0]))
        if next(self._making[1], "made") == "made":
            self._making = None

    def _continue_making(self) -> None:
        """The next step while the view is shown; a hidden view goes on when shown again."""
        if self.isVisible():
            self._make_next_step()
            if self._has_work():
                self._next_cell_timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._has_work():
            self._next_cell_timer.start()

    def _draw_cell(self, name: str) -> None:
        cell = self.cells[name]
        self._write_title(name)
        cell.plot.getViewBox().setBorder(self.used_border if name in self.used else None)
        if self.curves is None:
            cell.value.setData([], [])
            cell.derivative.setData([], [], connect="all")
            cell.kinks.setData([], [])
            return
        row = next(row for row, function in enumerate(self.functions) if function.name == name)
        function, z = self.functions[row], self.curves.z
        cell.value.setData(z, self.curves.values[row])
        # φ′ is undefined at a kink: no line runs through it, a dot marks the value backpropagation uses.
        at_kinks = np.flatnonzero(np.isin(z, function.kinks))
        connected = np.ones(z.size, dtype=bool)
        connected[at_kinks] = False
        connected[np.maximum(at_kinks - 1, 0)] = False
        cell.derivative.setData(z, self.curves.derivatives[row], connect=connected)
        cell.kinks.setData(z[at_kinks], self.curves.derivatives[row][at_kinks])
        if cell is next(iter(self.cells.values())):  # the others follow it (each move repaints them all)
            cell.plot.setXRange(float(z[0]), float(z[-1]), padding=0.02)

    def _lay_out(self, names: list[str]) -> None:
        """A legend across the top, then an empty place per function in a near-square grid, each as
        large as the others whether its cell is made yet or not (a cell made later moves no other)."""
        self._next_cell_timer.stop()
        self._making = None
        self.graphics.clear()
        self.cells, self.places = {}, {}
        self.columns = columns = self._columns_wanted()
        self.graphics.setMinimumHeight(self._grid_height(columns))
        if not names:
            return
        legend = laid_out_legend(colCount=1)
        legend.addItem(pg.PlotDataItem(pen=self.value_pen), self.tr("φ(z)"))
        legend.addItem(pg.PlotDataItem(pen=self.derivative_pen), self.tr("φ′(z)"))
        legend.addItem(self._kink_marks(), self.tr("φ′ at a jump or corner"))
        self.graphics.addItem(legend, row=0, col=0, colspan=columns)
        for index, name in enumerate(names):
            place = self.graphics.addLayout(row=1 + index // columns, col=index % columns)
            place.setMinimumSize(MIN_CELL_WIDTH, MIN_CELL_HEIGHT)
            place.setPreferredSize(MIN_CELL_WIDTH, MIN_CELL_HEIGHT)
            place.setContentsMargins(2, 2, 2, 2)
            place.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.places[name] = place

    def _make_cell(self, name: str):
        """The function's title, plot (x linked to the first one's) and formulas, in its place, made in
        steps (a generator: each ``next`` makes one) and drawn at the last but two; the plot stays
        transparent until the next shows its axes, and its curves appear at the last. Painted as it was
        being made, a cell's plot was painted three times, the last with its curves in the turn that made
        the formulas: with training, half the frames took 10-26 ms and the tab's p99 lag was 34 ms; 2-15 ms
        and 24 ms shown in one step. Each piece that takes a few milliseconds alone (the plot's making, its
        placing, its curves, its kink marks, each formula, the first paint of its axes and of its curves)
        has a turn of its own: five steps left pieces of 10-20 ms, and 30 with training."""
        place = self.places[name]
        # The title is the place's, not the plot's: a plot is at least as wide as its title, and a
        # long one ("piecewise_linear — piece-wise linear") pushed its plot into the next column.
        title = PlainLabel("", size=f"{TITLE_POINTS}pt", color=palette.FOREGROUND)
        place.addItem(title, row=0, col=0)
        axes = {"left": Axis("left"), "bottom": Axis("bottom")}
        # Linked x axes line plots up by their pixels (pyqtgraph): with left axes as wide as the
        # tick labels, each plot of a column showed another stretch of z.
        axes["left"].setWidth(LEFT_AXIS_WIDTH)
        yield
        # No context menu: pyqtgraph makes one per plot, a third of the plot's making, for settings
        # these fixed curves have no use for.
        plot = styled_plot(axes)
        plot.setOpacity(0.0)
        yield
        place.addItem(plot, row=1, col=0)
        if self.cells:
            plot.setXLink(next(iter(self.cells.values())).plot)
        yield
        curves = plot.plot(pen=self.value_pen), plot.plot(pen=self.derivative_pen)
        yield
        kinks = self._kink_marks()
        plot.addItem(kinks)
        drawn = (*curves, kinks)
        for item in drawn:  # transparent, not hidden: the plot's y range still fits them
            item.setOpacity(0.0)
        for line, text in enumerate(FORMULAS.get(name, ()), start=2):
            yield
            place.addItem(PlainLabel(QCoreApplication.translate(CONTEXT, text), size="8pt",
                                     color=palette.FOREGROUND), row=line, col=0)
        yield
        self.cells[name] = Cell(title, plot, *curves, kinks)
        self._draw_cell(name)
        yield
        plot.setOpacity(1.0)
        yield
        for item in drawn:
            item.setOpacity(1.0)

    def _columns_wanted(self) -> int:
        """Columns that make the cells about :data:`CELL_ASPECT` wide per tall, as many as fit across the
        width they leave: a grid taller than the view leaves the room of its scroll bar. Counted on the
        width before the bar, three columns were laid out when the tab was shown, the bar then took
        14 pixels, and the grid was laid out again in two: 18 ms, then 45 ms with training, and the cells
        made in between made again."""
        area = self.scroll.contentsRect()
        count = max(len(self.functions), 1)
        for width in (area.width(), area.width() - self.scroll.verticalScrollBar().sizeHint().width()):
            balanced = math.ceil(math.sqrt(count * width / max(area.height(), 1) / CELL_ASPECT))
            fitting = int((self._grid_width(width) + self._grid_spacing()) // (MIN_CELL_WIDTH + self._grid_spacing()))
            columns = max(1, min(count, fitting, balanced))
            if self._grid_height(columns) <= area.height():
                break
        return columns

    def _grid_height(self, columns: int) -> int:
        return LEGEND_HEIGHT + math.ceil(len(self.functions) / columns) * MIN_CELL_HEIGHT if self.functions else 0

    # The grid's margins and spacing take their share: counted without them, three columns were
    # chosen for 610 pixels and the third ran off the view's edge.
    def _grid_width(self, viewport_width: float | None = None) -> float:
        left, _, right, _ = self.graphics.ci.layout.getContentsMargins()
        return (self.scroll.viewport().width() if viewport_width is None else viewport_width) - left - right

    def _grid_spacing(self) -> float:
        return max(self.graphics.ci.layout.horizontalSpacing(), 0.0)

    def _cell_width(self) -> float:
        columns = max(self.columns, 1)
        return max(MIN_CELL_WIDTH, (self._grid_width() + self._grid_spacing()) / columns - self._grid_spacing())

    def eventFilter(self, watched, event) -> bool:
        # A narrower or wider view lays the plots out in other columns (the cells are built again).
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            if self._columns_wanted() != self.columns:
                self._changed()
            else:
                for name in self.cells:
                    self._write_title(name)
        return super().eventFilter(watched, event)

    def _write_title(self, name: str) -> None:
        """The function's title on one line if it fits its cell, else broken before its parenthesis: a title
        wider than its cell ran over its neighbours' ("★ Единичный скачок (Хевисайд)")."""
        title = f"★ {self._described(name)}" if name in self.used else self._described(name)
        font = QFont()
        font.setPointSizeF(TITLE_POINTS)
        if QFontMetrics(font).horizontalAdvance(title) > self._cell_width() - 8:
            title = title.replace(" (", "\n(", 1)
        self.cells[name].title.setText(title)

    @staticmethod
    def _described(name: str) -> str:
        """The function as the Network panel names it ("Leaky ReLU"), not the engine ("leaky_relu")."""
        return display_names.label("activation", name)

    @staticmethod
    def _hyperparameter_label(name: str, key: str) -> str:
        """A hyperparameter's row as the Network panel names the function and the hyperparameter: "Leaky ReLU: α
        (alpha)", not the engine's "leaky_relu alpha"."""
        return f"{display_names.label('activation', name)}: {display_names.label('hyperparameter', key)}"

    def _name_hyperparameter(self, name: str, key: str) -> None:
        """The row's label and the field's help, in the interface language."""
        edit = self.hyperparameter_edits[name][key]
        text = self._hyperparameter_label(name, key)
        edit.parentWidget().layout().labelForField(edit).setText(text)
        set_help(edit, help_texts.text(help_texts.ACTIVATION, key), text)

    def _check_help(self, name: str) -> str:
        """What the check box of ``name`` plots, and the function's formula."""
        plot = self.tr("Plot %1 and its derivative").replace("%1", self._described(name))
        return "\n\n".join(part for part in (plot, choice_help.text("activation", name)) if part)

    def _kink_marks(self) -> pg.ScatterPlotItem:
        return pg.ScatterPlotItem(size=8, brush=self.kink_brush, pen=pg.mkPen(palette.FOREGROUND))

    def table(self) -> tuple[list[str], list[list]]:
        """z, then each plotted function's φ(z) and φ′(z) ("relu(z)", "relu'(z)")."""
        if self.curves is None or not self.functions:
            return ["z"], []
        header = ["z"]
        for function in self.functions:
            header += [f"{function.name}(z)", f"{function.name}'(z)"]
        columns = [self.curves.z]
        for values, derivatives in zip(self.curves.values, self.curves.derivatives):
            columns += [values, derivatives]
        return header, np.column_stack(columns).tolist()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # The functions' names are translated.
            for name, check in self.function_checks.items():
                check.setText(self._described(name))
                set_help(check, self._check_help(name), check.text())
            for name, edits in self.hyperparameter_edits.items():
                for key in edits:
                    self._name_hyperparameter(name, key)
            self._show_usage()
            self._show_problems()
        super().changeEvent(event)  # View's redraws the plots' titles
