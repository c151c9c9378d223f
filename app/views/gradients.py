"""Gradient norms per layer over time, and what the activations of each layer look like."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from app import palette
from app.display_names import label
from app.i18n import english_plural, format_percent
from app.views.base import (DecadeAxis, GrowingStepAxis, TranslatedText, ValueAxis, View, bounded_by_their_plot,
                            finite_bounds, laid_out_legend, line_up)
from app.views.series import DecimatingSeries, plain, show
from core.inspection import SATURATION_MARGIN


MEASURED = ("sigmoid", "tanh", "piecewise_linear", "relu")
"""The activations whose layers' saturated outputs (or dead units, ReLU's) the shares' plot shows."""
GRADIENT_FREE = {"step", "sign"}
"""The activations whose derivative is 0 wherever it is defined."""
SHARES_LEAST_SPAN = 10.0
"""Percentage points the shares' axis spans at least: 0 % dead units throughout reads as 0 on an axis to 10 %."""
LEFT_AXIS_WIDTH = 60
"""Pixels for each plot's value axis: the norms' ticks (10⁻¹²), a mean's (-1.25), the shares' (100) beside "%"."""


def layer_numbers(network) -> dict[int, int]:
    """Position in ``network.layers`` → the number of the Dense layer it belongs to (1, 2, …)."""
    numbers, count = {}, 0
    for index, layer in enumerate(network.layers):
        if hasattr(layer, "n_in"):
            count += 1
        numbers[index] = count
    return numbers


class GradientView(View):
    """Three plots:

    - ‖∂L/∂W‖ of every Dense layer per step, on a log scale: curves that fall apart by orders
      of magnitude from the output layer to the first show vanishing (or exploding) gradients;
    - each activation layer's mean ± standard deviation on a probe batch, now;
    - over time, per layer, the share of a sigmoid or tanh layer's outputs (units × examples) that
      are saturated, or of a ReLU layer's units that are dead, on the inspection's probe examples.
    """

    title = TranslatedText("GradientView", QT_TRANSLATE_NOOP("GradientView", "Gradients"))
    guide_section = "view-gradients"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.norm_plot = self.new_plot(0, 0, self.tr("gradient norm ‖∂L/∂W‖ per layer"),
                                       axis_items={"left": DecadeAxis("left")}, bottom=self.tr("step"))
        self.norm_plot.setLogMode(y=True)
        self.spread_plot = self.new_plot(1, 0, self.tr("activations now: mean ± standard deviation"),
                                         bottom=self.tr("layer"))
        self.share_plot = self.new_plot(2, 0, left="%", bottom=self.tr("step"))
        self.share_plot.setXLink(self.norm_plot)
        line_up((self.norm_plot, self.spread_plot, self.share_plot), LEFT_AXIS_WIDTH)
        self.steps_axis = GrowingStepAxis(self.norm_plot, self.share_plot)
        # Noisy norms reach new extremes often: a wider margin (in decades) moves their axis less.
        self.value_axes = (ValueAxis(1, self.norm_plot, margin=0.15, log=True), ValueAxis(1, self.spread_plot),
                           ValueAxis(1, self.share_plot, lowest=0.0, highest=100.0,
                                                                    least_span=SHARES_LEAST_SPAN))
        self.share_plot.setLimits(yMin=0, yMax=100)
        layout = self.graphics.ci.layout
        layout.setRowStretchFactor(0, 3)
        layout.setRowStretchFactor(1, 2)
        layout.setRowStretchFactor(2, 3)
        # Legends beside their plots, where they hide no curve (inside, the shares' legend covered the
        # curves of a plot 80 px high and showed 3 of its 6 layers).
        self.norm_legend, self.share_legend = laid_out_legend(), laid_out_legend()
        self.graphics.addItem(self.norm_legend, row=0, col=1)
        self.graphics.addItem(self.share_legend, row=2, col=1)
        self.spread_bars = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), height=np.zeros(0), beam=0.2,
                                           pen=palette.pen(0, 2))
        self.spread_plot.addItem(self.spread_bars)
        self.spread_means = self.spread_plot.plot(pen=None, symbol="o", symbolBrush=palette.series_color(0),
                                                  symbolPen=None, symbolSize=9)
        self.norm_series: list[DecimatingSeries] = []
        self.norm_curves: list = []
        self.norm_at_zero: list[bool] = []  # whether each layer's latest norm is 0, as its legend says
        self.share_series: dict[int, DecimatingSeries] = {}
        self.share_curves: dict[int, object] = {}
        self.share_names: dict[int, str] = {}
        self.legend_labels: tuple | None = None  # (norm labels, share labels by layer) the curves were made for
        self.activation_numbers: dict[int, int] = {}
        self.latest = None
        self.spread_of = None  # the inspection the activation bars show
        self.last_step = 0
        self.tracked = True
        self.share_description = ("", "")  # (title, tooltip) of the shares' plot
        self.functions: set = set()  # the names of the network's activations

    def prepare(self, experiment):
        network = experiment.network
        numbers = layer_numbers(network)
        dense = [index for index, layer in enumerate(network.layers) if hasattr(layer, "n_in")]
        norm_labels = [self.tr("layer {number}").format(number=number) for number in range(1, len(dense) + 1)]
        self.share_names, share_labels = {}, {}
        self.functions = set()
        for index, layer in enumerate(network.layers):
            function = getattr(getattr(layer, "function", None), "name", None)
            self.functions.add(function)
            if function in MEASURED:
                share = (self.tr("layer {number} ({function}): % of units at 0 on every example")
                         if function == "relu" else
                         self.tr("layer {number} ({function}): % of outputs near an asymptote"))
                function_name = label("activation_short", function)
                self.share_names[index] = share.format(number=numbers[index], function=function_name)
                short = self.tr("layer {number} ({function}): dead") if function == "relu" else \
                    self.tr("layer {number} ({function}): saturated")
                share_labels[index] = short.format(number=numbers[index], function=function_name)
        # The curves and legends of a network of the same layers are kept, emptied: made again, they took
        # 15-20 ms of the GUI thread at each Reset on MNIST, half of it the legends' labels.
        if (norm_labels, share_labels) == self.legend_labels:
            for curve in (*self.norm_curves, *self.share_curves.values()):
                curve.setData([], [])
            for curve, zero, text in zip(self.norm_curves, self.norm_at_zero, norm_labels):
                if zero:
                    self.norm_legend.getLabel(curve).setText(text)
        else:
            self._make_curves(norm_labels, share_labels, numbers)
        self.norm_series = [DecimatingSeries() for _ in dense]
        self.norm_at_zero = [False] * len(self.norm_curves)
        self.share_series = {index: DecimatingSeries() for index in share_labels}
        self.activation_numbers = numbers
        self.spread_plot.getAxis("bottom").setTicks([[(numbers[i], str(numbers[i]))
                                                       for i, layer in enumerate(network.layers)
                                                       if hasattr(layer, "function")]])
        self.latest = self.spread_of = None
        # Drawn again only for a network with activations: a linear one kept the bars of the run before.
        self.spread_bars.setData(x=np.zeros(0), y=np.zeros(0), height=np.zeros(0))
        self.spread_means.setData([], [])
        self.last_step = 0
        for axis in (self.steps_axis, *self.value_axes):
            axis.reset()
        self.tracked = True
        self.show_note(None)
        self._describe_shares()  # a network with nothing to measure says so before its first inspection

    def _make_curves(self, norm_labels: list[str], share_labels: dict[int, str], numbers: dict[int, int]) -> None:
        """A norm curve per Dense layer and a share curve per measured activation layer (by its index in the
        network; ``numbers``: the layers' numbers, which colour them), each named in its legend."""
        for curve in self.norm_curves:
            self.norm_plot.removeItem(curve)
        for curve in self.share_curves.values():
            self.share_plot.removeItem(curve)
        self.norm_legend.clear()
        self.share_legend.clear()
        # One-pixel lines for the per-batch norms (a thousand noisy points each): wider ones cost
        # three times more to paint at every frame. The shares, a point per inspection, can afford 1.5.
        # The norms change at every frame: bare PlotCurveItems, handed log₁₀ of the norms (see
        # series.show), cost a tenth of the PlotDataItems plot.plot() makes (~0.5 ms a curve and frame).
        self.norm_curves = []
        for number, text in enumerate(norm_labels, start=1):
            curve = pg.PlotCurveItem(pen=palette.pen(number - 1, 1))
            self.norm_plot.addItem(curve)
            self.norm_legend.addItem(curve, text)
            bounded_by_their_plot(curve)
            self.norm_curves.append(curve)
        self.share_curves = {}
        for index, text in share_labels.items():
            self.share_curves[index] = self._curve(self.share_plot, numbers[index], 1.5)
            self.share_legend.addItem(self.share_curves[index], text)
        self.legend_labels = (norm_labels, share_labels)

    def _curve(self, plot, number, width):
        # No clipping to the view nor downsampling (see LossView).
        return plot.plot(pen=palette.pen(number - 1, width))

    def add_batches(self, events):
        for event in events:
            self.tracked = len(event.gradient_norms) == len(self.norm_series)  # the newest step says
            if not self.tracked:
                continue
            for series, norm in zip(self.norm_series, event.gradient_norms):
                series.append(event.step, norm)
        self.last_step = events[-1].step

    def show_inspection(self, inspection):
        self.latest = inspection
        for statistics in inspection.activations:
            share = statistics.dead if statistics.function == "relu" else statistics.saturated
            if share is not None and statistics.index in self.share_series:
                self.share_series[statistics.index].append(self.last_step, 100.0 * share)

    def redraw(self):
        self.show_note(None if self.tracked else self.tr(
            "No gradient norms for these steps: this run was saved without them (by an earlier version). "
            "Training on draws them from the next step."))
        for curve, series in zip(self.norm_curves, self.norm_series):
            show(curve, series, log_y=True)
        self._name_zero_gradients()
        for index, curve in self.share_curves.items():
            show(curve, self.share_series[index])
        self.steps_axis.follow(self.last_step, self.run_going)
        self._describe_shares()
        norm_axis, spread_axis, share_axis = self.value_axes
        norm_axis.follow(finite_bounds(*(series.y for series in self.norm_series)))
        # An empty plot spans every share (it read 0 to 0.1 %, as if something measured were near 0).
        share_axis.follow(finite_bounds([0.0], *(series.y for series in self.share_series.values()))
                          if self.share_series else (0.0, 100.0))
        if self.latest is not None and self.latest is not self.spread_of and self.latest.activations:
            self.spread_of = self.latest
            x = np.array([self.activation_numbers[s.index] for s in self.latest.activations], dtype=float)
            mean = np.array([s.mean for s in self.latest.activations])
            std = np.array([s.std for s in self.latest.activations])
            self.spread_bars.setData(x=x, y=mean, height=2 * std)
            self.spread_means.setData(x, mean)
            self.spread_plot.setXRange(x.min() - 0.5, x.max() + 0.5, padding=0)
            spread_axis.follow(finite_bounds(mean - std, mean + std))

    def _name_zero_gradients(self) -> None:
        """A layer whose gradient norm is now exactly 0 (unit steps pass none) has no point on the log plot:
        its legend entry says so, where the curve it names breaks off (set only when that changes)."""
        at_zero = [len(series) > 0 and series.y[-1] == 0 for series in self.norm_series]
        if at_zero == self.norm_at_zero:
            return
        self.norm_at_zero = at_zero
        for number, (curve, zero) in enumerate(zip(self.norm_curves, at_zero), start=1):
            name = self.tr("layer {number}: gradient = 0") if zero else self.tr("layer {number}")
            self.norm_legend.getLabel(curve).setText(name.format(number=number))

    def _describe_shares(self) -> None:
        """Title and tooltip of the shares' plot: what each share is of, on which examples (set only
        when they change: laying a title out again is the costly part of a redraw)."""
        probe = self.latest.activations[0] if self.latest is not None and self.latest.activations else None
        if not self.share_curves:
            title, tooltip = self._nothing_measured()
        elif probe is None:
            title = tooltip = ""
        else:
            rows = probe.n_rows
            title = english_plural(
                self.tr("saturated outputs and dead units, on the first %Ln validation example(s)", None, rows)
                if probe.split == "validation" else
                self.tr("saturated outputs and dead units, on the first %Ln training example(s)", None, rows), rows)
            tooltip = self.tr(
                "Saturated: the share of a sigmoid, tanh or piece-wise linear layer's outputs, one per unit and "
                "example, that lie within {margin} of its range from an asymptote, where its derivative is "
                "nearly 0. Dead: the share of a ReLU layer's units that output 0 for every one of these "
                "examples: they receive no gradient and no longer learn.").format(
                margin=format_percent(SATURATION_MARGIN, 0))
        if (title, tooltip) != self.share_description:
            self.share_description = (title, tooltip)
            self.share_plot.setTitle(title or None, color=palette.FOREGROUND)
            self.share_plot.setToolTip(tooltip)

    def _nothing_measured(self) -> tuple[str, str]:
        """Title and tooltip of an empty shares' plot: why it is empty. A unit step or sign layer (lecture 000's)
        passes no gradient at all (φ′ = 0 wherever it is defined), so there is none to fade away as it saturates."""
        if self.functions & GRADIENT_FREE:
            return (self.tr("nothing to saturate: step and sign pass no gradient (φ′ = 0 for z ≠ 0)"),
                    self.tr("A layer whose outputs sit near an asymptote passes little gradient back: that is "
                            "saturation. The unit step and the sign are flat wherever their derivative is defined, "
                            "so they pass no gradient at all, on every example: there is nothing to measure, and "
                            "the layers before them do not learn by backpropagation."))
        return (self.tr("nothing to measure: no sigmoid, tanh, piece-wise linear or ReLU layer"),
                self.tr("Only sigmoid, tanh and piece-wise linear layers (saturated outputs) and ReLU layers (dead "
                        "units) are measured here: this network has none."))

    def table(self):
        rows = [[self.tr("gradient norm"), self.tr("layer {number}").format(number=number), plain(x), float(y)]
                for number, series in enumerate(self.norm_series, start=1) for x, y in zip(series.x, series.y)]
        rows += [[self.tr("share, %"), self.share_names[index], plain(x), float(y)]
                 for index, series in self.share_series.items() for x, y in zip(series.x, series.y)]
        if self.latest is not None:
            for statistics in self.latest.activations:
                name = self.tr("layer {number} ({function})").format(
                    number=self.activation_numbers[statistics.index],
                    function=label("activation_short", statistics.function))
                rows += [[self.tr("activation mean"), name, self.last_step, statistics.mean],
                         [self.tr("activation standard deviation"), name, self.last_step, statistics.std]]
        return [self.tr("quantity"), self.tr("layer"), self.tr("step"), self.tr("value")], rows
