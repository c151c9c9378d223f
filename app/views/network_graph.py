"""A small network drawn as a graph: units as nodes, weights as links."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from app import display_names, palette
from app.i18n import format_significant
from app.views.base import TranslatedText, View
from core.label_layout import labels_along_links

MAX_UNITS = 64
"""The inspection gives weight matrices only when no layer is wider than this."""
LEVELS = 4
"""Links are drawn in this many widths per sign (one plot item each, so a redraw is a few setData)."""
MAX_LABELS = 20
"""Inputs and outputs are labelled with feature and class names up to this many units."""
MAX_VALUE_LABELS = 32
"""Each link and unit is labelled with its weight or bias up to this many links (XNOR's 2-2-1 has 6, the
2-4-4-2 of TensorFlow Playground's default 32; more crowd the view)."""
MARGIN = 0.08
"""Room around the units (at y from -1 to 1, x one per layer), in plot units."""
BIAS_LABEL_DROP = 1.25
"""How far a bias label reaches below its unit, in label heights: its anchor's 0.25 and the label
itself."""


def node_positions(widths: list[int]) -> list[np.ndarray]:
    """y of each unit, layer by layer, from the top: the widest layer spans [−1, 1] and a layer
    of w units √(w / widest) of that, so narrow layers neither crowd nor fan out too far."""
    widest = max(widths)
    return [np.linspace(-1, 1, width) * np.sqrt(width / widest) if width > 1 else np.zeros(1) for width in widths]


def link_pen(sign: int, level: int, n_links: int) -> pg.QtGui.QPen:
    """More opaque with the level, and the strongest links twice as thick; fainter overall the
    more links there are, so that thousands of links still show their pattern rather than a
    solid block of colour. (Lines wider than one pixel cost ten times more to paint, so only
    the few strongest links get them.)"""
    density = min(1.0, np.sqrt(400 / max(n_links, 1)))
    tint = pg.mkColor(palette.OKABE_ITO["orange" if sign > 0 else "blue"])
    tint.setAlpha(int(255 * density * (level + 1) / LEVELS))
    return pg.mkPen(tint, width=2 if level == LEVELS - 1 else 1)


def link_levels(W: np.ndarray) -> np.ndarray:
    """Each weight's level 0…LEVELS−1 by |w| relative to the layer's largest |w| (equal quarters)."""
    largest = float(np.abs(W).max()) or 1.0
    return np.minimum((np.abs(W) / largest * LEVELS).astype(np.int64), LEVELS - 1)


class NetworkView(View):
    """Columns of units from the inputs (left) to the outputs (right). A link's opacity (and,
    for the strongest, thickness) grows with |w| relative to its layer's largest, orange for
    w > 0 and blue for w < 0; a unit's colour is its bias (blue negative, yellow positive).
    A network of a few links (a lecture's XNOR) shows every weight and bias as a number too."""

    title = TranslatedText("NetworkView", QT_TRANSLATE_NOOP("NetworkView", "Network"))
    guide_section = "view-network"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.new_picture_plot()
        self.links = {}
        for sign in (-1, 1):
            for level in range(LEVELS):
                item = pg.PlotCurveItem(connect="pairs")
                item.setZValue(level)  # strong links on top of weak ones, whatever their sign
                self.plot.addItem(item)
                self.links[sign, level] = item
        self.nodes = pg.ScatterPlotItem(size=9, pen=pg.mkPen(palette.FOREGROUND, width=0.8))
        self.nodes.setZValue(LEVELS)
        self.plot.addItem(self.nodes)
        self.labels: list[pg.TextItem] = []
        self._labelled: tuple | None = None  # the names the labels show: see prepare
        self.weight_labels: list[pg.TextItem] = []  # link by link, in the order of link_x (empty: too many)
        self.bias_labels: list[pg.TextItem] = []  # unit by unit, inputs excepted
        self.weights = None
        self.link_x = self.link_y = np.zeros(0)
        self.input_count = 0
        self.layer_count = 0
        self._framed = True  # the plot frames the network, not a place the user zoomed or panned to
        # Labels keep their size on screen: in plot units they grow as the plot shrinks.
        self.plot.vb.sigTransformChanged.connect(self._place_weight_labels)
        self.plot.vb.sigResized.connect(self._frame_network)
        self.plot.vb.sigRangeChangedManually.connect(self._zoomed)

    @classmethod
    def applies_to(cls, dataset) -> bool:
        return dataset.n_features <= MAX_UNITS

    def requirement(self):
        return self.tr("data with at most {limit} features").format(limit=MAX_UNITS)

    def prepare(self, experiment):
        network, dataset = experiment.network, experiment.dataset
        dense = [layer for layer in network.layers if hasattr(layer, "n_in")]
        widths = [dense[0].n_in] + [layer.n_out for layer in dense]
        ys = node_positions(widths)
        self.node_xy = np.column_stack([np.repeat(np.arange(len(widths), dtype=float), widths), np.concatenate(ys)])
        self.input_count = widths[0]
        # Link (i → j) of layer l runs from (l, y_l[i]) to (l + 1, y_(l+1)[j]); links are listed
        # layer by layer in the row-major order of each W, two points per link. None when a layer is too
        # wide to draw (the note says so): 17 M links took the GUI thread a second for nothing.
        if max(widths) <= MAX_UNITS:
            starts_y = np.concatenate([np.repeat(ys[l], len(ys[l + 1])) for l in range(len(dense))])
            ends_y = np.concatenate([np.tile(ys[l + 1], len(ys[l])) for l in range(len(dense))])
            starts_x = np.concatenate([np.full(layer.n_in * layer.n_out, float(l)) for l, layer in enumerate(dense)])
            self.link_x = np.column_stack([starts_x, starts_x + 1]).ravel()
            self.link_y = np.column_stack([starts_y, ends_y]).ravel()
        else:
            self.link_x = self.link_y = np.zeros(0)
        outputs = tuple(display_names.data_label(dataset, "class", name) for name in dataset.class_names) \
            if len(dataset.class_names) == widths[-1] else ()
        inputs = tuple(display_names.data_label(dataset, "feature", name) for name in dataset.feature_names)
        labelled = [(names, x, ys_of_layer, anchor) for names, x, ys_of_layer, anchor
                    in ((inputs, 0, ys[0], (1.3, 0.5)), (outputs, len(widths) - 1, ys[-1], (-0.3, 0.5)))
                    if len(names) <= MAX_LABELS]
        # Labels of the same names are moved, not made anew: the digits' 74 took 12 ms of every rebuild.
        if (inputs, outputs) != self._labelled:
            self._labelled = inputs, outputs
            for label in self.labels:
                self.plot.removeItem(label)
            self.labels = []
            for names, _, _, anchor in labelled:
                for name in names:
                    self.labels.append(pg.TextItem(name, color=palette.FOREGROUND, anchor=anchor))
                    self.plot.addItem(self.labels[-1])
        places = [(x, y) for _, x, ys_of_layer, _ in labelled for y in ys_of_layer]
        for label, (x, y) in zip(self.labels, places):
            label.setPos(x, y)
        self.weights = None
        n_links = sum(layer.n_in * layer.n_out for layer in dense)
        self._place_value_labels(n_links)
        for (sign, level), item in self.links.items():
            item.setPen(link_pen(sign, level, n_links))
            item.setData([], [])
        self.nodes.setData(pos=self.node_xy, brush=pg.mkBrush(palette.REFERENCE))
        self.layer_count, self._framed = len(widths), True
        self._frame_network()
        self.plot.setTitle(" → ".join(map(str, widths)), color=palette.FOREGROUND)

    def _frame_network(self) -> None:
        """Show every unit, with room for the values written at the top and bottom units: a weight
        centred on a link between top units, a bias below a bottom unit. Labels keep their size on
        screen, so a plot only a few labels high needs more room in plot units."""
        if not self._framed or not self.layer_count:
            return
        height = self.plot.vb.height()
        # A label's height (and a pixel to spare) as a share of the plot's.
        label = (self.bias_labels[0].textItem.boundingRect().height() + 1) / height \
            if self.bias_labels and height > 0 else 0.0
        # Units span y from -1 (top; y grows downwards) to 1; the range, 2 + above + below, is found
        # by iterating: the room a label needs in plot units grows with the range it is shown in.
        above = below = MARGIN
        for _ in range(12):
            span = 2 + above + below
            above = max(MARGIN, min(0.5, 0.5 * label) * span)
            below = max(MARGIN, min(0.5, BIAS_LABEL_DROP * label) * span)
        self.plot.setRange(xRange=(-0.35, self.layer_count - 0.6), yRange=(-1 - above, 1 + below), padding=0)

    def _zoomed(self, _axes=None) -> None:
        self._framed = False

    def _place_value_labels(self, n_links: int) -> None:
        for label in self.weight_labels + self.bias_labels:
            self.plot.removeItem(label)
        self.weight_labels, self.bias_labels = [], []
        if n_links > MAX_VALUE_LABELS:
            return
        self.weight_labels = [self._value_label(0.0, 0.0, (0.5, 0.5)) for _ in range(n_links)]
        self.bias_labels = [self._value_label(x, y, (0.5, -0.25)) for x, y in self.node_xy[self.input_count:]]

    def _value_label(self, x: float, y: float, anchor: tuple[float, float]) -> pg.TextItem:
        label = pg.TextItem("", color=palette.FOREGROUND, anchor=anchor, fill=pg.mkBrush(255, 255, 255, 210))
        label.setZValue(LEVELS + 1)
        label.setPos(x, y)
        self.plot.addItem(label)
        return label

    def show_inspection(self, inspection):
        self.weights = inspection.small_network
        self.show_note(None if self.weights is not None else self.tr(
            "A layer of this network has more than {limit} units: too many links to draw.").format(limit=MAX_UNITS))

    def redraw(self):
        if self.weights is None:
            return
        levels = np.concatenate([link_levels(W).ravel() for W, _ in self.weights])
        positive = np.concatenate([W.ravel() >= 0 for W, _ in self.weights])
        group = positive * LEVELS + levels
        order = np.argsort(group, kind="stable")
        bounds = np.searchsorted(group[order], np.arange(2 * LEVELS + 1))
        for (sign, level), item in self.links.items():
            index = (sign > 0) * LEVELS + level
            links = order[bounds[index]:bounds[index + 1]]
            points = (2 * links[:, None] + np.array([0, 1])).ravel()
            item.setData(self.link_x[points], self.link_y[points])
        biases = np.concatenate([b for _, b in self.weights])
        largest = float(np.abs(biases).max()) or 1.0
        colours = palette.signed_colormap().map((biases / largest + 1) / 2, mode="qcolor")
        brushes = [pg.mkBrush(palette.REFERENCE)] * self.input_count + [pg.mkBrush(colour) for colour in colours]
        self.nodes.setBrush(brushes)
        weights = np.concatenate([W.ravel() for W, _ in self.weights]) if self.weight_labels else ()
        for label, value in zip(self.weight_labels, weights):
            label.setText(format_significant(value, 3))
        for label, value in zip(self.bias_labels, biases):
            label.setText("b = " + format_significant(value, 3))
        self._place_weight_labels()

    def _place_weight_labels(self) -> None:
        """Give each weight's value a place along its link where it covers no other value (see
        :func:`core.label_layout.labels_along_links`); a value with no free place is left out
        (every weight is in the CSV export). All are given the room of the widest, so that a label's
        place changes with the widest value, not with each value's own digits."""
        if not self.weight_labels or self.weights is None:
            return
        for label in self.weight_labels:
            label.show()  # to be measured at the plot's scale: left out again below if there is no room
        covered = [self._covered(label) for label in self.weight_labels]
        room = (max(box.width() for box in covered), max(box.height() for box in covered))
        biases = np.array([box.getCoords() for box in map(self._covered, self.bias_labels)]).reshape(-1, 4)
        centres = labels_along_links(np.column_stack([self.link_x[0::2], self.link_y[0::2]]),
                                     np.column_stack([self.link_x[1::2], self.link_y[1::2]]), room, biases)
        for label, (x, y) in zip(self.weight_labels, centres):
            label.setVisible(not np.isnan(x))
            if not np.isnan(x):
                label.setPos(x, y)

    def _covered(self, label: pg.TextItem) -> pg.QtCore.QRectF:
        """The box, in plot units, that ``label`` covers at the plot's current scale."""
        label.updateTransform(force=True)
        return label.mapRectToView(label.boundingRect()).normalized()

    def table(self):
        rows = []
        for layer, (W, b) in enumerate(self.weights or (), start=1):
            rows += [[layer, i + 1, j + 1, float(W[i, j])] for i in range(W.shape[0]) for j in range(W.shape[1])]
            rows += [[layer, "", j + 1, float(value)] for j, value in enumerate(b)]
        return [self.tr("layer"), self.tr("from unit (empty: bias)"), self.tr("to unit"), self.tr("weight")], rows
