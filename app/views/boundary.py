"""The decision boundary of a classifier on 2-D data, with the data on top (TensorFlow Playground)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from app import palette
from app.display_names import data_label
from app.i18n import format_integer
from app.panels.widgets import set_help
from app.views.base import TranslatedText, View, laid_out_legend

MAX_POINTS = 3000
"""At most this many points per split are drawn (scatter plots of huge CSV files stall the GUI)."""
REGION_STRENGTH = 0.55
"""How far (0…1) a fully confident region's colour goes from white towards its class colour; below 1 so
that the points, in full colour, stand out from the background."""
SCORE_REGION_STRENGTH = 0.35
"""Strength for losses without probabilities (hinge): only the predicted class is known."""


def region_colours(labels: np.ndarray, confidence: np.ndarray | None, n_classes: int) -> np.ndarray:
    """(n, n, 3) uint8 picture: each cell's class colour mixed with white by how sure the network is.

    strength = REGION_STRENGTH · (p − 1/K) / (1 − 1/K) for the predicted class's probability p, so
    that an undecided cell (p = 1/K) is white and a certain one (p = 1) is the strongest tint.
    """
    colours = palette.series_rgb(n_classes).astype(np.float32)[labels]
    if confidence is None:
        strength = np.full(labels.shape, SCORE_REGION_STRENGTH, dtype=np.float32)
    else:
        chance = 1.0 / n_classes
        strength = REGION_STRENGTH * np.clip((confidence - chance) / (1.0 - chance), 0.0, 1.0)
    white = np.float32(255.0)
    picture = white + (colours - white) * strength[..., None]
    return picture.astype(np.uint8)


SAME_UNITS = 4.0
"""Features whose spans are within this factor of each other are drawn to scale (one unit as long on both axes)."""

LEGEND_COLUMNS = 6
"""Entries per line of the legend (the splits drawn, then the classes)."""
TEST_RING_WIDTH = 2
"""Pixels of the ring a test point is drawn as: hollow, so that the region's colour under it shows whether
the network classifies it right, as for the filled training points."""


class BoundaryView(View):
    """The plane of the two features coloured by the predicted class (the deeper, the surer),
    with training points (circles) and validation points (triangles) in their true class's colour, and
    on request the test points (rings), as TensorFlow Playground's "Show test data" draws them."""

    title = TranslatedText("BoundaryView", QT_TRANSLATE_NOOP("BoundaryView", "Decision boundary"))

    def __init__(self, parent=None):
        super().__init__(parent)
        # The legend above the plot, where it hides no point (in a corner it covered XNOR's (1, 1)).
        self.legend = legend = laid_out_legend(colCount=LEGEND_COLUMNS)
        self.graphics.addItem(legend, row=0, col=0)
        self.plot = self.new_plot(1, 0)
        self.plot.showGrid(x=False, y=False)
        self.region = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.region)
        self.train_points = pg.ScatterPlotItem(size=7, symbol="o", pen=pg.mkPen("w", width=1))
        self.val_points = pg.ScatterPlotItem(size=9, symbol="t", pen=pg.mkPen(palette.FOREGROUND, width=1))
        self.test_points = pg.ScatterPlotItem(size=8, symbol="o", brush=pg.mkBrush(None))
        self.test_points.hide()
        for points in (self.train_points, self.val_points, self.test_points):
            self.plot.addItem(points)
        self.show_test = QCheckBox(self.tr("Show &test data"))
        set_help(self.show_test, self.tr("Draw the test examples too, as rings in their class's colour: examples "
                                         "the network is neither trained nor validated on."), self.tr("Show test data"))
        self.show_test.toggled.connect(self._show_test_toggled)
        self.discretize = QCheckBox(self.tr("&Discretize output"))
        set_help(self.discretize, self.tr("Colour each point of the plane by its predicted class alone, however sure "
                                          "the network is: the boundary as a sharp line."),
                 self.tr("Discretize output"))
        self.discretize.toggled.connect(self._changed)
        self.options = QWidget()
        row = QHBoxLayout(self.options)
        row.setContentsMargins(4, 0, 4, 2)
        row.addWidget(self.show_test)
        row.addWidget(self.discretize)
        row.addStretch(1)
        self.layout().addWidget(self.options)
        self.boundary = None
        self.n_classes = 2
        self.feature_names = ("x1", "x2")
        self._fill_legend()

    @classmethod
    def applies_to(cls, dataset) -> bool:
        return dataset.task != "regression" and dataset.is_planar

    def requirement(self):
        return self.tr("classification data with two features")

    def prepare(self, experiment):
        dataset = experiment.dataset
        self.n_classes = dataset.n_classes
        self.boundary = None
        self.region.clear()
        self.feature_names = tuple(data_label(dataset, "feature", name) for name in dataset.plane_names)
        self.plot.setLabel("bottom", self.feature_names[0], color=palette.FOREGROUND)
        self.plot.setLabel("left", self.feature_names[1], color=palette.FOREGROUND)
        colours = list(map(palette.series_color, range(self.n_classes)))
        brushes = [pg.mkBrush(colour) for colour in colours]
        for item, split, y in ((self.train_points, "train", dataset.y_train), (self.val_points, "val", dataset.y_val)):
            X, y = dataset.plane_points(split)[:MAX_POINTS], y[:MAX_POINTS]
            item.setData(x=X[:, 0], y=X[:, 1], brush=[brushes[label] for label in y])
        rings = [pg.mkPen(colour, width=TEST_RING_WIDTH) for colour in colours]
        X, y = dataset.plane_points("test")[:MAX_POINTS], dataset.y_test[:MAX_POINTS]
        self.test_points.setData(x=X[:, 0], y=X[:, 1], pen=[rings[label] for label in y])
        self.options.show()
        # Drawn to scale when the two features are in like units (the toy sets: circles looked like ellipses);
        # not when one spans a thousand times the other (wine's alcohol and proline).
        spans = np.ptp(np.concatenate([dataset.plane_points("train"), dataset.plane_points("val")]), axis=0)
        self.plot.setAspectLocked(bool(np.all(spans > 0)) and max(spans) <= SAME_UNITS * min(spans), ratio=1.0)
        self._fill_legend()
        self._note_points_left_out()

    def forget_data(self, reason: str) -> None:
        super().forget_data(reason)
        self.options.hide()  # with no plot, they would show nothing

    def _show_test_toggled(self, shown: bool) -> None:
        self.test_points.setVisible(shown)
        self._fill_legend()
        if self.experiment is not None:
            self._note_points_left_out()

    def _fill_legend(self) -> None:
        """The splits drawn, by their symbols in grey (in the points' own brushes their samples took a class's
        colour), then an entry per class, its colour and name: the colours meant nothing without (a CSV's
        "red" class drawn orange, ten spirals in ten colours)."""
        self.legend.clear()
        grey = pg.mkBrush(palette.REFERENCE)
        self.legend.addItem(pg.ScatterPlotItem(symbol="o", size=7, pen=pg.mkPen("w", width=1), brush=grey),
                            self.tr("training"))
        self.legend.addItem(pg.ScatterPlotItem(symbol="t", size=9, pen=pg.mkPen(palette.FOREGROUND, width=1),
                                               brush=grey), self.tr("validation"))
        if self.show_test.isChecked():
            ring = pg.mkPen(palette.REFERENCE, width=TEST_RING_WIDTH)
            self.legend.addItem(pg.ScatterPlotItem(symbol="o", size=8, pen=ring, brush=pg.mkBrush(None)),
                                self.tr("test"))
        if self.experiment is None:
            return
        dataset = self.experiment.dataset
        for index, name in enumerate(dataset.class_names):
            self.legend.addItem(pg.ScatterPlotItem(symbol="s", size=10, pen=None,
                                                   brush=pg.mkBrush(palette.series_color(index))),
                                data_label(dataset, "class", name))

    def _note_points_left_out(self) -> None:
        dataset = self.experiment.dataset
        drawn = [dataset.X_train, dataset.X_val, *([dataset.X_test] if self.show_test.isChecked() else [])]
        omitted = sum(max(len(X) - MAX_POINTS, 0) for X in drawn)
        self.show_note(self.tr("{count} points are not drawn (at most {limit} per split).")
                       .format(count=format_integer(omitted), limit=format_integer(MAX_POINTS)) if omitted else None)

    def show_inspection(self, inspection):
        self.boundary = inspection.boundary

    def redraw(self):
        boundary = self.boundary
        if boundary is None:
            return
        # Discretized: every point as if the network were sure of its class.
        confidence = np.ones(boundary.labels.shape) if self.discretize.isChecked() else boundary.confidence
        self.region.setImage(region_colours(boundary.labels, confidence, self.n_classes), levels=(0, 255))
        dx = (boundary.x[-1] - boundary.x[0]) / (len(boundary.x) - 1)
        dy = (boundary.y[-1] - boundary.y[0]) / (len(boundary.y) - 1)
        # Each pixel is centred on its grid point.
        self.region.setRect(QRectF(boundary.x[0] - dx / 2, boundary.y[0] - dy / 2,
                                   dx * len(boundary.x), dy * len(boundary.y)))

    def table(self):
        header = [*(self.tr("{feature} (original units)").format(feature=name) for name in self.feature_names),
                  self.tr("predicted class"), self.tr("confidence")]
        rows = []
        boundary = self.boundary
        if boundary is not None:
            for i, y in enumerate(boundary.y):
                for j, x in enumerate(boundary.x):
                    confidence = "" if boundary.confidence is None else float(boundary.confidence[i, j])
                    rows.append([float(x), float(y), int(boundary.labels[i, j]), confidence])
        return header, rows
