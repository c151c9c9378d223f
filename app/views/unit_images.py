"""What each first-layer unit looks for: its incoming weights drawn as an image."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from app import palette
from app.views.base import TranslatedText, View

GAP = 1
"""Pixels of background between two tiles of the mosaic."""


def tile(images: np.ndarray, columns: int, *, room_below: int = 0, fill: float = 0.0) -> np.ndarray:
    """Lay (n, H, W) images out row-major in rows of ``columns``, :data:`GAP` pixels apart, with
    ``room_below`` more pixels under each row (for captions); what no image covers is ``fill``."""
    count, height, width = images.shape
    rows = math.ceil(count / columns)
    pitch_y, pitch_x = height + GAP + room_below, width + GAP
    picture = np.full((rows * pitch_y - GAP, columns * pitch_x - GAP), fill, dtype=np.float32)
    for index in range(count):
        row, column = divmod(index, columns)
        picture[row * pitch_y:row * pitch_y + height, column * pitch_x:column * pitch_x + width] = images[index]
    return picture


def mosaic(images: np.ndarray) -> np.ndarray:
    """Tile (n, H, W) images into one row-major picture, each scaled by its own largest |w|
    into [−1, 1] (a unit's pattern matters, not its overall size); gaps are 0 (white)."""
    count = len(images)
    largest = np.abs(images).reshape(count, -1).max(axis=1)
    largest[largest == 0] = 1.0
    return tile(images / largest[:, None, None], math.ceil(math.sqrt(count)))


class UnitImageView(View):
    """The first Dense layer's weights, one tile per unit, for image data: blue pixels push the
    unit's input down, yellow ones up — the strokes a unit has learned to respond to."""

    title = TranslatedText("UnitImageView", QT_TRANSLATE_NOOP("UnitImageView", "First-layer weights"))
    guide_section = "view-first-layer"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.new_picture_plot()
        self.plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(palette.signed_colormap().getLookupTable(nPts=256))
        self.plot.addItem(self.image)
        self.units = None

    @classmethod
    def applies_to(cls, dataset) -> bool:
        return dataset.image_shape is not None

    def requirement(self):
        return self.tr("image data")

    def prepare(self, experiment):
        self.units = None
        self.image.clear()

    def show_inspection(self, inspection):
        self.units = inspection.unit_images

    def redraw(self):
        if self.units is None:
            return
        total = next(layer.n_out for layer in self.experiment.network.layers if hasattr(layer, "n_out"))
        shown = len(self.units)
        title = (self.tr("The {count} units of the first layer") if shown == total else
                 self.tr("The first {count} of the {total} units of the first layer")).format(count=shown, total=total)
        self.plot.setTitle(title + self.tr(", each scaled to its own largest weight"), color=palette.FOREGROUND)
        self.image.setImage(mosaic(self.units), levels=(-1.0, 1.0))

    def table(self):
        rows = []
        if self.units is not None:
            for unit, image in enumerate(self.units):
                rows += [[unit + 1, row, column, float(image[row, column])]
                         for row in range(image.shape[0]) for column in range(image.shape[1])]
        return [self.tr("unit"), self.tr("pixel row"), self.tr("pixel column"), self.tr("weight")], rows
