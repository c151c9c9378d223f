"""Weight and bias distributions of every Dense layer, now and at the start of the run."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer

from app import palette
from app.views.base import TranslatedText, ValueAxis, View, floating_legend, line_up


WEIGHTS_AXIS_WIDTH, BIASES_AXIS_WIDTH = 72, 44
"""Pixels for the counts' axis of the weights' column (its title and up to five digits: 15000 of MNIST's first layer)
and of the biases' (untitled; a layer's biases are rarely more than 1000)."""


class HistogramView(View):
    """One row per Dense layer: its weights (left) and biases (right) as histograms.

    The current distribution is filled; the initial one is a grey outline on the same bins, so
    one sees the weights spread, drift or collapse as the network learns.
    """

    title = TranslatedText("HistogramView", QT_TRANSLATE_NOOP("HistogramView", "Weights"))
    guide_section = "view-weights"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.initial = None
        self.latest = None
        self.rows: list[tuple] = []  # per Dense layer: (its name, its items, its two plots)
        self._layout: tuple | None = None  # what the rows were built for: their number, the legend's words
        self.shown: dict = {}
        self._rows_to_draw: list[int] = []
        self._row_timer = QTimer(self)
        self._row_timer.setSingleShot(True)
        self._row_timer.timeout.connect(self._draw_next_row)

    def prepare(self, experiment):
        self._row_timer.stop()
        self._rows_to_draw = []
        self.initial = self.latest = None
        self.shown = {}  # plot item → the Histogram it shows
        dense = [layer for layer in experiment.network.layers if hasattr(layer, "n_in")]
        layout = (len(dense), self.tr("initial"), self.tr("now"))
        if layout == self._layout:
            self._empty_rows(dense)
        else:
            self._build_rows(dense)
            self._layout = layout

    # Building a row's two plots takes ~20 ms (pyqtgraph's PlotItem and its menus): a network of two
    # Dense layers rebuilt at every edit of its units blocked the window 80 ms for this view alone.
    def _empty_rows(self, dense) -> None:
        """The same rows for a network of as many Dense layers: new titles, no data, axes to place anew."""
        for (name, items, (weights, biases)), layer in zip(self.rows, dense):
            weights.setTitle(self._weights_title(name, layer), color=palette.FOREGROUND)
            biases.setTitle(self._biases_title(name, layer), color=palette.FOREGROUND)
            for initial, current, axes in items:
                initial.clear()
                current.clear()
                for axis in axes:
                    axis.reset()

    def _build_rows(self, dense) -> None:
        self.graphics.clear()
        self.rows = []
        for row, layer in enumerate(dense):
            name = self.tr("layer {number}").format(number=row + 1)
            weights = self.new_plot(row, 0, self._weights_title(name, layer), left=self.tr("count"))
            biases = self.new_plot(row, 1, self._biases_title(name, layer))
            if row == 0:
                floating_legend(weights, (-5, 5))
            items = []
            for plot in (weights, biases):
                # Weights spread as they learn: room to spread into keeps the bins' axis still longer.
                in_legend = row == 0 and plot is weights
                # The legend's plot keeps room above its tallest bar for the legend, which covered bars.
                axes = (ValueAxis(0, plot, margin=0.2),
                        ValueAxis(1, plot, lowest=0.0, margin=0.4 if in_legend else 0.05))
                # fillLevel without a brush closes the outline down to 0, so a one-bin spike
                # (zero-initialised biases) shows as a bar, not a floating dash.
                # One-pixel lines: wider ones cost three times more to paint, in each of the plots.
                initial = plot.plot(stepMode="center", fillLevel=0,
                                    pen=pg.mkPen(palette.REFERENCE, width=1, style=Qt.PenStyle.DashLine),
                                    name=self.tr("initial") if in_legend else None)
                current = plot.plot(stepMode="center", fillLevel=0, brush=palette.translucent(0, 110),
                                    pen=palette.pen(0, 1), name=self.tr("now") if in_legend else None)
                items.append((initial, current, axes))
            self.rows.append((name, items, (weights, biases)))
        # Down a column the layers' distributions are compared by eye: their plots line up.
        columns = [[plots[column] for _, _, plots in self.rows] for column in (0, 1)]
        line_up(columns[0], WEIGHTS_AXIS_WIDTH)
        line_up(columns[1], BIASES_AXIS_WIDTH)
        self.graphics.ci.layout.setColumnStretchFactor(0, 3)
        self.graphics.ci.layout.setColumnStretchFactor(1, 2)

    def _weights_title(self, name: str, layer) -> str:
        return self.tr("{layer}: weights ({rows}×{cols})").format(layer=name, rows=layer.n_in, cols=layer.n_out)

    def _biases_title(self, name: str, layer) -> str:
        return self.tr("{layer}: biases ({count})").format(layer=name, count=layer.n_out)

    def show_inspection(self, inspection):
        if self.initial is None:
            self.initial = inspection
        self.latest = inspection

    def _initial_layers(self):
        """The run's initial histograms: those the inspection carries, or — when it was computed
        without ``initial=`` and so carries its own — those of the inspection made at reset."""
        carried = self.latest.layers
        if carried and carried[0].initial_weights is carried[0].weights and self.latest is not self.initial:
            return self.initial.layers
        return carried

    # Each inspection changes every plot, and often moves their axes: drawing and painting all of
    # them at once froze the window for 30-70 ms every 0.4 s. One layer's row is drawn per turn of
    # the event loop instead, each painted as it comes.
    def redraw(self):
        if self.latest is None:
            return
        self._rows_to_draw = list(range(len(self.rows)))
        self._draw_next_row()

    def _draw_next_row(self) -> None:
        if self._rows_to_draw:
            self._draw_row(self._rows_to_draw.pop(0))
        if self._rows_to_draw:
            self._row_timer.start()

    def finish_drawing(self) -> None:
        self._row_timer.stop()
        while self._rows_to_draw:
            self._draw_row(self._rows_to_draw.pop(0))
        super().finish_drawing()

    def _draw_row(self, index: int) -> None:
        _, items, _ = self.rows[index]
        start, now = self._initial_layers()[index], self.latest.layers[index]
        pairs = ((start.initial_weights, now.weights), (start.initial_biases, now.biases))
        for (initial_item, current_item, (x_axis, y_axis)), (initial, current) in zip(items, pairs):
            for item, histogram in ((initial_item, initial), (current_item, current)):
                if self.shown.get(item) is not histogram:  # the initial ones stay for the whole run
                    item.setData(histogram.edges, histogram.counts)
                    self.shown[item] = histogram
            x_axis.follow((min(initial.edges[0], current.edges[0]), max(initial.edges[-1], current.edges[-1])))
            y_axis.follow((0.0, max(initial.counts.max(), current.counts.max())))

    def table(self):
        rows = []
        if self.latest is not None:
            for (name, _, _), start, now in zip(self.rows, self._initial_layers(), self.latest.layers):
                for parameter, initial, current in ((self.tr("weights"), start.initial_weights, now.weights),
                                                    (self.tr("biases"), start.initial_biases, now.biases)):
                    for moment, histogram in ((self.tr("initial"), initial), (self.tr("now"), current)):
                        rows += [[name, parameter, moment, float(low), float(high), int(count)]
                                 for low, high, count in zip(histogram.edges[:-1], histogram.edges[1:],
                                                             histogram.counts)]
        return [self.tr("layer"), self.tr("parameter"), self.tr("moment"), self.tr("bin from"),
                self.tr("bin to"), self.tr("count")], rows
