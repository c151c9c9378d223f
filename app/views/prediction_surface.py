"""The prediction of a regression network over the plane of 2-D data, with the data on top (TensorFlow
Playground's output for its regression problems)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF

from app import palette
from app.panels.widgets import set_help
from app.views.base import TranslatedText
from app.views.plane_view import PlaneView

SURFACE_STRENGTH = 0.63
"""How far (0…1) the surface's colour goes from white towards the value's colour: below 1 so that the points,
in full colour, stand out from it (Playground lays its heat map over white at an opacity of 160/255)."""
SCALE_STEPS = 256
"""Colours in the colour scale and in the surface's lookup table."""
SCALE_WIDTH = 90
"""Pixels of the colour scale beside the plane, its numbers and their name included."""


def colour_limit(targets: np.ndarray) -> float:
    """L of the colour scale [−L, L]: the largest |target|, so that every point's colour is on the scale and 0 is
    white; 1 when every target is 0 (or none is finite). Predictions beyond ±L take the colour of ±L."""
    finite = np.abs(targets[np.isfinite(targets)])
    largest = float(finite.max()) if finite.size else 0.0
    return largest if largest > 0 else 1.0


def scale_position(values: np.ndarray, limit: float) -> np.ndarray:
    """Where ``values`` lie on the colour map: t = (v / L + 1) / 2, clipped to [0, 1] (−L at 0, 0 at ½, L at 1)."""
    return np.clip((np.asarray(values, dtype=np.float64) / limit + 1.0) / 2.0, 0.0, 1.0)


def surface_lookup_table() -> np.ndarray:
    """(SCALE_STEPS, 3) uint8: the value colours mixed with white, c' = 255 + (c − 255)·SURFACE_STRENGTH."""
    colours = palette.signed_colormap().getLookupTable(nPts=SCALE_STEPS, alpha=False).astype(np.float32)
    return np.round(255.0 + (colours - 255.0) * SURFACE_STRENGTH).astype(np.uint8)


class PredictionSurfaceView(PlaneView):
    """The plane of the two features coloured by the network's predicted value (blue negative, white 0, yellow
    positive, as the other views draw signs; lighter than the points), with the points filled with the colour
    of their target on the same scale: where the network is right, a point melts into the surface under it.
    The colour scale beside the plane gives the values (:class:`app.views.plane_view.PlaneView` draws the
    rest)."""

    title = TranslatedText("PredictionSurfaceView", QT_TRANSLATE_NOOP("PredictionSurfaceView", "Prediction surface"))
    guide_section = "view-prediction-surface"
    training_outline = palette.REFERENCE  # white, a target of 0 vanished on a prediction near 0

    def __init__(self, parent=None):
        super().__init__(parent)
        set_help(self.show_test, self.tr("Draw the test examples too, as rings in the colour of their target: "
                                         "examples the network is neither trained nor validated on."),
                 self.tr("Show test data"))
        self.region.setLookupTable(surface_lookup_table())
        self.scale_plot = self.new_plot(1, 1)
        self.scale_plot.hideAxis("left")
        self.scale_plot.showAxis("right")
        # A bottom axis without ticks, and a blank title: the bar then spans the plane's height, beside it. What
        # it shows is written along it (above it, "значение" was cut to "ачен").
        bottom = self.scale_plot.getAxis("bottom")
        bottom.setTicks([[]])
        bottom.setPen(pg.mkPen(None))
        self.scale_plot.showGrid(x=False, y=False)
        self.scale_plot.setMouseEnabled(x=False, y=False)
        self.scale_plot.hideButtons()
        self.graphics.ci.layout.setColumnFixedWidth(1, SCALE_WIDTH)
        self.scale_bar = pg.ImageItem(axisOrder="row-major")
        self.scale_bar.setLookupTable(palette.signed_colormap().getLookupTable(nPts=SCALE_STEPS, alpha=False))
        self.scale_plot.addItem(self.scale_bar)
        self.surface = None
        self.limit = 1.0

    @classmethod
    def applies_to(cls, dataset) -> bool:
        return dataset.task == "regression" and dataset.is_planar and dataset.y_train.shape[-1] == 1

    def requirement(self):
        return self.tr("regression data with two features and one target")

    def prepare(self, experiment):
        dataset = experiment.dataset
        self.surface = None
        self.limit = colour_limit(dataset.original_targets(np.concatenate([dataset.y_train, dataset.y_val,
                                                                           dataset.y_test])))
        self.plot.setTitle(self.tr("Predicted value (surface) and target (points)"), color=palette.FOREGROUND)
        self.scale_plot.setTitle(" ")
        self.scale_plot.setLabel("right", self.tr("value"), color=palette.FOREGROUND)
        self.scale_plot.setLabel("bottom", " ", color=palette.FOREGROUND)
        self.scale_bar.setImage(np.linspace(-self.limit, self.limit, SCALE_STEPS)[:, None],
                                levels=(-self.limit, self.limit))
        self.scale_bar.setRect(QRectF(0.0, -self.limit, 1.0, 2 * self.limit))
        self.scale_plot.setRange(xRange=(0.0, 1.0), yRange=(-self.limit, self.limit), padding=0)
        self.prepare_plane(dataset)

    def point_colours(self, dataset, y):
        return palette.signed_colormap().map(scale_position(dataset.original_targets(y).reshape(-1), self.limit),
                                            mode="qcolor")

    def add_colour_entries(self, dataset) -> None:
        """None: the colour scale beside the plane gives the values."""

    def show_inspection(self, inspection):
        self.surface = inspection.surface

    def redraw(self):
        surface = self.surface
        if surface is None:
            return
        self.region.setImage(surface.values, levels=(-self.limit, self.limit))
        self.place_picture(surface.x, surface.y)

    def table(self):
        rows = []
        surface = self.surface
        if surface is not None:
            rows = [[float(x), float(y), float(surface.values[i, j])]
                    for i, y in enumerate(surface.y) for j, x in enumerate(surface.x)]
        return [*self.grid_header(), self.tr("predicted value (original units)")], rows
