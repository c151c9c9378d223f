"""The plane of 2-D data with a picture of the network's output under its points (TensorFlow Playground's
output): what the decision boundary of classification and the prediction surface of regression share."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from app import palette
from app.display_names import data_label
from app.i18n import format_integer
from app.views.base import View, laid_out_legend

MAX_POINTS = 3000
"""At most this many points per split are drawn (scatter plots of huge CSV files stall the GUI)."""
SAME_UNITS = 4.0
"""Features whose spans are within this factor of each other are drawn to scale (one unit as long on both axes)."""
LEGEND_COLUMNS = 6
"""Entries per line of the legend (the splits drawn, then what the colours mean)."""
TEST_RING_WIDTH = 2
"""Pixels of the ring a test point is drawn as: hollow, so that the network's output under it shows whether
it is predicted right, as for the filled training points."""


class PlaneView(View):
    """The plane of the two features, a picture of the network's output over it (``region``, placed by
    :meth:`place_picture`), training points (circles) and validation points (triangles) filled with the colour
    of what they are (:meth:`point_colours`), and on request the test points as rings of that colour, as
    TensorFlow Playground's "Show test data" draws them. The legend above the plot names the splits, then what
    the colours mean (:meth:`add_colour_entries`)."""

    training_outline = "w"
    """The colour of the training points' outline."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # The legend above the plot, where it hides no point (in a corner it covered XNOR's (1, 1)).
        self.legend = legend = laid_out_legend(colCount=LEGEND_COLUMNS)
        self.graphics.addItem(legend, row=0, col=0)
        self.plot = self.new_plot(1, 0)
        self.plot.showGrid(x=False, y=False)
        self.region = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.region)
        self.train_points = pg.ScatterPlotItem(size=7, symbol="o", pen=pg.mkPen(self.training_outline, width=1))
        self.val_points = pg.ScatterPlotItem(size=9, symbol="t", pen=pg.mkPen(palette.FOREGROUND, width=1))
        self.test_points = pg.ScatterPlotItem(size=8, symbol="o", brush=pg.mkBrush(None))
        self.test_points.hide()
        for points in (self.train_points, self.val_points, self.test_points):
            self.plot.addItem(points)
        self.show_test = QCheckBox(self.tr("Show &test data"))  # its help says what the rings' colour is
        self.show_test.toggled.connect(self._show_test_toggled)
        self.options = QWidget()
        self.options_row = QHBoxLayout(self.options)
        self.options_row.setContentsMargins(4, 0, 4, 2)
        self.options_row.addWidget(self.show_test)
        self.options_row.addStretch(1)
        self.layout().addWidget(self.options)
        self.feature_names = ("x1", "x2")
        self.training_hidden = False  # whether every training point lies under a validation one
        self._fill_legend()

    # ------------------------------------------------------------------ what the subclasses say
    def point_colours(self, dataset, y: np.ndarray) -> list:
        """The QColor of each point of targets or labels ``y``."""
        raise NotImplementedError

    def add_colour_entries(self, dataset) -> None:
        """Legend entries for what the colours mean, after the splits'."""
        raise NotImplementedError

    # ------------------------------------------------------------------ shared
    def prepare_plane(self, dataset) -> None:
        """Axes named after the plane's coordinates, the points placed and coloured, drawn to scale when they
        can be, and the legend (a subclass's :meth:`prepare` calls it once its colours are set)."""
        self.region.clear()
        self.feature_names = tuple(data_label(dataset, "feature", name) for name in dataset.plane_names)
        self.plot.setLabel("bottom", self.feature_names[0], color=palette.FOREGROUND)
        self.plot.setLabel("left", self.feature_names[1], color=palette.FOREGROUND)
        drawn = {}
        for item, split, y in ((self.train_points, "train", dataset.y_train), (self.val_points, "val", dataset.y_val)):
            X = drawn[split] = dataset.plane_points(split)[:MAX_POINTS]
            item.setData(x=X[:, 0], y=X[:, 1], brush=list(map(pg.mkBrush, self.point_colours(dataset, y[:MAX_POINTS]))))
        # A truth table validates on its four training points: the triangles, drawn over them, hide every circle.
        self.training_hidden = len(drawn["train"]) > 0 and set(map(tuple, drawn["train"].tolist())) <= \
            set(map(tuple, drawn["val"].tolist()))
        X = dataset.plane_points("test")[:MAX_POINTS]
        rings = [pg.mkPen(colour, width=TEST_RING_WIDTH)
                 for colour in self.point_colours(dataset, dataset.y_test[:MAX_POINTS])]
        self.test_points.setData(x=X[:, 0], y=X[:, 1], pen=rings)
        self.options.show()
        # Drawn to scale when the two features are in like units (the toy sets: circles looked like ellipses);
        # not when one spans a thousand times the other (wine's alcohol and proline).
        # In float64: a CSV's float32 values near 1e37 overflowed the comparison below.
        spans = np.ptp(np.concatenate([dataset.plane_points("train"), dataset.plane_points("val")]).astype(np.float64),
                       axis=0)
        self.plot.setAspectLocked(bool(np.all(spans > 0)) and max(spans) <= SAME_UNITS * min(spans), ratio=1.0)
        self._fill_legend()
        self._note_points_left_out()

    def forget_data(self, reason: str) -> None:
        super().forget_data(reason)
        self.options.hide()  # with no plot, they would show nothing

    def place_picture(self, x: np.ndarray, y: np.ndarray) -> None:
        """Lay the ``region``'s picture of a grid over the plane: each pixel centred on its grid point
        (x[j], y[i])."""
        dx = (x[-1] - x[0]) / (len(x) - 1)
        dy = (y[-1] - y[0]) / (len(y) - 1)
        self.region.setRect(QRectF(x[0] - dx / 2, y[0] - dy / 2, dx * len(x), dy * len(y)))

    def _show_test_toggled(self, shown: bool) -> None:
        self.test_points.setVisible(shown)
        self._fill_legend()
        if self.experiment is not None:
            self._note_points_left_out()

    def _fill_legend(self) -> None:
        """The splits drawn, by their symbols in grey (in the points' own brushes their samples took a point's
        colour), then what the colours mean: they meant nothing without (a CSV's "red" class drawn orange, ten
        spirals in ten colours). Training points hidden under the validation ones are not named apart: the legend of
        a truth table showed a circle that was nowhere on the plot."""
        self.legend.clear()
        grey = pg.mkBrush(palette.REFERENCE)
        if not self.training_hidden:
            self.legend.addItem(pg.ScatterPlotItem(symbol="o", size=7, pen=pg.mkPen(self.training_outline, width=1),
                                                   brush=grey),
                                self.tr("training"))
        # Where the training points are the validation ones, the legend names only the triangles seen, as both.
        self.legend.addItem(pg.ScatterPlotItem(symbol="t", size=9, pen=pg.mkPen(palette.FOREGROUND, width=1),
                                               brush=grey),
                            self.tr("training and validation (the same points)") if self.training_hidden
                            else self.tr("validation"))
        if self.show_test.isChecked():
            ring = pg.mkPen(palette.REFERENCE, width=TEST_RING_WIDTH)
            self.legend.addItem(pg.ScatterPlotItem(symbol="o", size=8, pen=ring, brush=pg.mkBrush(None)),
                                self.tr("test"))
        if self.experiment is not None:
            self.add_colour_entries(self.experiment.dataset)

    def _note_points_left_out(self) -> None:
        dataset = self.experiment.dataset
        drawn = [dataset.X_train, dataset.X_val, *([dataset.X_test] if self.show_test.isChecked() else [])]
        omitted = sum(max(len(X) - MAX_POINTS, 0) for X in drawn)
        self.show_note(self.tr("{count} points are not drawn (at most {limit} per split).")
                       .format(count=format_integer(omitted), limit=format_integer(MAX_POINTS)) if omitted else None)

    def grid_header(self) -> list[str]:
        """The CSV columns of a grid point: the two coordinates."""
        return [self.tr("{feature} (original units)").format(feature=name) for name in self.feature_names]
