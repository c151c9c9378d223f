"""A small network drawn as a graph: units as nodes, weights as links."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from app import palette
from app.views.base import TranslatedText, View

#: The inspection gives weight matrices only when no layer is wider than this.
MAX_UNITS = 64
#: Links are drawn in this many widths per sign (one plot item each, so a redraw is a few setData).
LEVELS = 4
#: Inputs and outputs are labelled with feature and class names up to this many units.
MAX_LABELS = 20


def node_positions(widths: list[int]) -> list[np.ndarray]:
    """y of each unit, layer by layer, from the top: the widest layer spans [−1, 1] and a layer
    of w units √(w / widest) of that, so narrow layers neither crowd nor fan out too far."""
    widest = max(widths)
    return [np.linspace(-1, 1, width) * np.sqrt(width / widest) if width > 1 else np.zeros(1) for width in widths]


def link_pen(sign: int, level: int, n_links: int) -> pg.QtGui.QPen:
    """Thicker and more opaque with the level; fainter overall the more links there are, so
    that thousands of links still show their pattern rather than a solid block of colour."""
    density = min(1.0, np.sqrt(400 / max(n_links, 1)))
    tint = pg.mkColor(palette.OKABE_ITO["orange" if sign > 0 else "blue"])
    tint.setAlpha(int(255 * density * (level + 1) / LEVELS))
    return pg.mkPen(tint, width=0.6 + 2.4 * level / (LEVELS - 1))


def link_levels(W: np.ndarray) -> np.ndarray:
    """Each weight's level 0…LEVELS−1 by |w| relative to the layer's largest |w| (equal quarters)."""
    largest = float(np.abs(W).max()) or 1.0
    return np.minimum((np.abs(W) / largest * LEVELS).astype(np.int64), LEVELS - 1)


class NetworkView(View):
    """Columns of units from the inputs (left) to the outputs (right). A link's thickness and
    opacity grow with |w| (relative to its layer's largest), orange for w > 0 and blue for
    w < 0; a unit's colour is its bias (blue negative, yellow positive)."""

    title = TranslatedText("NetworkView", QT_TRANSLATE_NOOP("NetworkView", "Network"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.new_plot(0, 0)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.showGrid(x=False, y=False)
        self.plot.invertY(True)
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
        self.weights = None
        self.segments: list[tuple[np.ndarray, np.ndarray]] = []
        self.input_count = 0

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
        # Link (i → j) of layer l runs from (l, y_l[i]) to (l + 1, y_(l+1)[j]), in W's row-major order.
        self.segments = []
        for layer_index in range(len(dense)):
            y_in, y_out = ys[layer_index], ys[layer_index + 1]
            starts_y, ends_y = np.repeat(y_in, len(y_out)), np.tile(y_out, len(y_in))
            xs = np.empty(2 * starts_y.size)
            xs[0::2], xs[1::2] = layer_index, layer_index + 1
            segment_ys = np.empty(2 * starts_y.size)
            segment_ys[0::2], segment_ys[1::2] = starts_y, ends_y
            self.segments.append((xs, segment_ys))
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        outputs = dataset.class_names if len(dataset.class_names) == widths[-1] else ()
        for names, x, ys_of_layer, anchor in ((dataset.feature_names, 0, ys[0], (1.3, 0.5)),
                                              (outputs, len(widths) - 1, ys[-1], (-0.3, 0.5))):
            if len(names) > MAX_LABELS:
                continue
            for name, y in zip(names, ys_of_layer):
                label = pg.TextItem(name, color=palette.FOREGROUND, anchor=anchor)
                label.setPos(x, y)
                self.plot.addItem(label)
                self.labels.append(label)
        self.weights = None
        n_links = sum(layer.n_in * layer.n_out for layer in dense)
        for (sign, level), item in self.links.items():
            item.setPen(link_pen(sign, level, n_links))
            item.setData([], [])
        self.nodes.setData(pos=self.node_xy, brush=pg.mkBrush(palette.REFERENCE))
        self.plot.setRange(xRange=(-0.35, len(widths) - 0.6), yRange=(-1.08, 1.08), padding=0)
        self.plot.setTitle(" → ".join(map(str, widths)), color=palette.FOREGROUND)

    def show_inspection(self, inspection):
        self.weights = inspection.small_network
        self.show_note(None if self.weights is not None else self.tr(
            "A layer of this network has more than {limit} units: too many links to draw.").format(limit=MAX_UNITS))

    def redraw(self):
        if self.weights is None:
            return
        per_item = {key: ([], []) for key in self.links}
        for (W, _), (xs, ys) in zip(self.weights, self.segments):
            levels, signs = link_levels(W).ravel(), np.where(W.ravel() < 0, -1, 1)
            for (sign, level), (item_xs, item_ys) in per_item.items():
                chosen = np.flatnonzero((signs == sign) & (levels == level))
                pairs = np.stack([2 * chosen, 2 * chosen + 1], axis=1).ravel()
                item_xs.append(xs[pairs])
                item_ys.append(ys[pairs])
        for key, (item_xs, item_ys) in per_item.items():
            self.links[key].setData(np.concatenate(item_xs), np.concatenate(item_ys))
        biases = np.concatenate([b for _, b in self.weights])
        largest = float(np.abs(biases).max()) or 1.0
        colours = palette.signed_colormap().map((biases / largest + 1) / 2, mode="qcolor")
        brushes = [pg.mkBrush(palette.REFERENCE)] * self.input_count + [pg.mkBrush(colour) for colour in colours]
        self.nodes.setBrush(brushes)

    def table(self):
        rows = []
        for layer, (W, b) in enumerate(self.weights or (), start=1):
            rows += [[layer, i + 1, j + 1, float(W[i, j])] for i in range(W.shape[0]) for j in range(W.shape[1])]
            rows += [[layer, "", j + 1, float(value)] for j, value in enumerate(b)]
        return [self.tr("layer"), self.tr("from unit (empty: bias)"), self.tr("to unit"), self.tr("weight")], rows
