"""The decision boundary of a classifier on 2-D data, with the data on top (TensorFlow Playground)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox

from app import palette
from app.display_names import data_label
from app.panels.widgets import set_help
from app.views.base import TranslatedText
from app.views.plane_view import PlaneView

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


class BoundaryView(PlaneView):
    """The plane of the two features coloured by the predicted class (the deeper, the surer), with the points
    in their true class's colour (:class:`app.views.plane_view.PlaneView`)."""

    title = TranslatedText("BoundaryView", QT_TRANSLATE_NOOP("BoundaryView", "Decision boundary"))
    guide_section = "view-boundary"

    def __init__(self, parent=None):
        super().__init__(parent)
        set_help(self.show_test, self.tr("Draw the test examples too, as rings in their class's colour: examples "
                                         "the network is neither trained nor validated on."), self.tr("Show test data"))
        self.discretize = QCheckBox(self.tr("&Discretize output"))
        set_help(self.discretize, self.tr("Colour each point of the plane by its predicted class alone, however sure "
                                          "the network is: the boundary as a sharp line."),
                 self.tr("Discretize output"))
        self.discretize.toggled.connect(self._changed)
        self.options_row.insertWidget(1, self.discretize)
        self.boundary = None
        self.n_classes = 2

    @classmethod
    def applies_to(cls, dataset) -> bool:
        return dataset.task != "regression" and dataset.is_planar

    def requirement(self):
        return self.tr("classification data with two features")

    def prepare(self, experiment):
        self.n_classes = experiment.dataset.n_classes
        self.boundary = None
        self.prepare_plane(experiment.dataset)

    def point_colours(self, dataset, y):
        colours = [palette.series_color(index) for index in range(dataset.n_classes)]
        return [colours[label] for label in y]

    def add_colour_entries(self, dataset) -> None:
        """An entry per class, its colour and name."""
        for index, name in enumerate(dataset.class_names):
            self.legend.addItem(pg.ScatterPlotItem(symbol="s", size=10, pen=None,
                                                   brush=pg.mkBrush(palette.series_color(index))),
                                data_label(dataset, "class", name))

    def show_inspection(self, inspection):
        self.boundary = inspection.boundary

    def redraw(self):
        boundary = self.boundary
        if boundary is None:
            return
        # Discretized: every point as if the network were sure of its class.
        confidence = np.ones(boundary.labels.shape) if self.discretize.isChecked() else boundary.confidence
        self.region.setImage(region_colours(boundary.labels, confidence, self.n_classes), levels=(0, 255))
        self.place_picture(boundary.x, boundary.y)

    def table(self):
        header = [*self.grid_header(), self.tr("predicted class"), self.tr("confidence")]
        rows = []
        boundary = self.boundary
        if boundary is not None:
            for i, y in enumerate(boundary.y):
                for j, x in enumerate(boundary.x):
                    confidence = "" if boundary.confidence is None else float(boundary.confidence[i, j])
                    rows.append([float(x), float(y), int(boundary.labels[i, j]), confidence])
        return header, rows
