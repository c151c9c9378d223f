"""What each unit computes over the plane of 2-D data: its output at every point, one small map per
unit, layer by layer (TensorFlow Playground's neuron pictures)."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from app import display_names, palette
from app.display_names import data_label
from app.i18n import english_plural, format_integer, format_significant
from app.views.base import TranslatedText, View, laid_out_legend
from app.views.unit_images import GAP, tile
from core.inspection import BOUNDED_ACTIVATIONS

CAPTION_ROOM = 0.45
"""Space above each layer's row of maps for its caption, as a share of a map's height."""


def layer_scale(layer: np.ndarray, function: str) -> float:
    """The |a| drawn in full colour for a layer's maps: the bound of a bounded activation (tanh's 1, as
    TensorFlow Playground draws every unit), else the layer's largest |a|. One scale for the layer, so a
    nearly dead unit shows pale beside the others (scaled each to its own largest, it looked as strong)."""
    if function in BOUNDED_ACTIVATIONS:
        return max(abs(bound) for bound in BOUNDED_ACTIVATIONS[function])
    largest = float(np.abs(layer).max()) if layer.size else 0.0
    return largest if largest > 0 and math.isfinite(largest) else 1.0


def map_rows(maps) -> list[tuple[np.ndarray, float]]:
    """(maps (n, n, m), the |value| drawn in full colour) of each row the view draws: the inputs of points
    given as features (x₁², sin x₁, …, as Playground draws its features) first, then each activation layer."""
    inputs = getattr(maps, "inputs", None)
    rows = [] if inputs is None else [(inputs, layer_scale(inputs, ""))]
    return rows + [(layer, layer_scale(layer, function)) for layer, function in zip(maps.maps, maps.functions)]


def layer_rows(maps, columns: int | None = None) -> tuple[np.ndarray, list[int]]:
    """One picture of the rows of :func:`map_rows` (of :class:`core.inspection.UnitMaps`), each with room
    above it for a caption, scaled into [−1, 1] and turned so that y grows upwards; and the top of each
    row's maps. A layer's maps wrap after ``columns`` (all in one line if None)."""
    n = len(maps.y)
    room = round(CAPTION_ROOM * n)
    drawn = map_rows(maps)
    columns = columns or max(layer.shape[2] for layer, _ in drawn)
    rows, tops, top = [], [], 0
    for layer, scale in drawn:
        images = np.moveaxis(layer, 2, 0)[:, ::-1, :]  # (units, n, n), the largest y first
        row = tile(images / scale, columns, fill=np.nan)  # NaN: transparent, not a colour
        row = np.hstack([row, np.full((row.shape[0], columns * (n + GAP) - GAP - row.shape[1]), np.nan,
                                      dtype=np.float32)])
        rows.append(np.vstack([np.full((room, row.shape[1]), np.nan, dtype=np.float32), row]))
        top += room
        tops.append(top)
        top += row.shape[0]
    return np.vstack(rows), tops


def fitting_columns(maps, width: float, height: float) -> int:
    """The maps per line that draw them largest in a ``width`` × ``height`` plot: 16 maps in one line across
    a wide, tall plot were a thin strip in its middle; in two lines of 8 they are twice as large."""
    n = len(maps.y)
    room = round(CAPTION_ROOM * n)
    units = [layer.shape[2] for layer, _ in map_rows(maps)]

    def drawn_size(columns: int) -> float:
        picture_width = columns * (n + GAP) - GAP
        picture_height = sum(room + math.ceil(count / columns) * (n + GAP) - GAP for count in units)
        return min(width / picture_width, height / picture_height)

    return max(range(1, max(units) + 1), key=lambda columns: (drawn_size(columns), columns))


class UnitMapView(View):
    """Each unit's output a = f(z) over the plane of the two features, a map per unit and a row per
    layer, on the layer's scale (:func:`layer_scale`): yellow where it is positive, blue where negative,
    white at 0. The first layer's units draw lines (one weighted sum each); later layers combine them into
    the shapes of the decision boundary."""

    title = TranslatedText("UnitMapView", QT_TRANSLATE_NOOP("UnitMapView", "Neurons"))
    guide_section = "view-neurons"

    def __init__(self, parent=None):
        super().__init__(parent)
        # What the colours say, above the maps (see the class's docstring).
        self.legend = laid_out_legend(colCount=3)
        self.graphics.addItem(self.legend, row=0, col=0)
        negative, zero, positive = palette.signed_colormap().map([0.0, 0.5, 1.0], mode="qcolor")
        for colour, text in ((positive, self.tr("positive output")), (zero, "0"),
                             (negative, self.tr("negative output"))):
            self.legend.addItem(pg.ScatterPlotItem(symbol="s", size=10, pen=None, brush=pg.mkBrush(colour)), text)
        self.plot = self.new_picture_plot(row=1)
        self.plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(palette.signed_colormap().getLookupTable(nPts=256))
        self.plot.addItem(self.image)
        self.captions: list[pg.TextItem] = []
        self.maps = None
        self.feature_names = ("x1", "x2")
        self.columns: int | None = None  # maps per line in the picture drawn
        self.plot.vb.sigResized.connect(self._refit)

    @classmethod
    def applies_to(cls, dataset) -> bool:
        return dataset.is_planar

    def requirement(self):
        return self.tr("data with two features")

    def prepare(self, experiment):
        self.maps = None
        dataset = experiment.dataset
        self.feature_names = tuple(data_label(dataset, "feature", name) for name in dataset.plane_names)
        self.image.clear()
        self._set_captions([])
        self.plot.setTitle(self.tr("What each unit computes over the plane"), color=palette.FOREGROUND)

    def show_inspection(self, inspection):
        self.maps = inspection.unit_maps

    def redraw(self):
        maps = self.maps
        if maps is None:
            return
        captions = ([self._inputs_caption()] if maps.inputs is not None else []) + \
            [self._caption(index) for index in range(len(maps.maps))]
        hidden = any(before < self._dense_layers() for before in maps.dense_before)
        self.show_note(None if hidden else self.tr(
            "This network has no hidden layers: each output is a function of one weighted sum of its inputs, so "
            "its boundary is straight in them."))
        if not captions:
            self.image.clear()
            self._set_captions([])
            return
        self.columns = self._fitting_columns()
        picture, tops = layer_rows(maps, self.columns)
        self.image.setImage(picture, levels=(-1.0, 1.0))
        self._set_captions(list(zip(captions, tops)))

    def _fitting_columns(self) -> int | None:
        box = self.plot.vb.boundingRect()
        if box.width() <= 0 or box.height() <= 0:  # not laid out yet: one line per layer
            return None
        return fitting_columns(self.maps, box.width(), box.height())

    def _refit(self):
        if self.experiment is not None and self.maps is not None and self._fitting_columns() != self.columns:
            self.redraw()

    def _inputs_caption(self) -> str:
        """The inputs of points given as features: their names and scale."""
        names = ", ".join(data_label(self.experiment.dataset, "feature", name)
                          for name in self.experiment.dataset.feature_names)
        scale = format_significant(map_rows(self.maps)[0][1], 3)
        return " · ".join((self.tr("inputs"), names, f"±{scale}"))

    def _caption(self, index: int) -> str:
        maps = self.maps
        total, shown = maps.units[index], maps.maps[index].shape[2]
        where = (self.tr("output") if maps.dense_before[index] == self._dense_layers()
                 else self.tr("layer %1").replace("%1", str(maps.dense_before[index])))
        units = (english_plural(self.tr("%Ln unit(s)", None, total), total) if shown == total else
                 english_plural(self.tr("the first %1 of %Ln unit(s)", None, total), total)
                 .replace("%1", format_integer(shown)))
        scale = format_significant(layer_scale(maps.maps[index], maps.functions[index]), 3)
        return f"{where} · {display_names.label('activation', maps.functions[index])} · {units} · ±{scale}"

    def _dense_layers(self) -> int:
        return sum(1 for layer in self.experiment.network.layers if hasattr(layer, "n_out"))

    def _set_captions(self, captions: list[tuple[str, int]]) -> None:
        """(text, top of its row of maps) for each caption, written just above the row."""
        while len(self.captions) > len(captions):
            self.plot.removeItem(self.captions.pop())
        while len(self.captions) < len(captions):
            caption = pg.TextItem(color=palette.FOREGROUND, anchor=(0, 1))
            self.plot.addItem(caption)
            self.captions.append(caption)
        for item, (text, top) in zip(self.captions, captions):
            item.setText(text)
            item.setPos(0, top)

    def table(self):
        header = [self.tr("layer"), self.tr("unit"), *self.feature_names, self.tr("output")]
        rows = []
        maps = self.maps
        if maps is not None:
            if maps.inputs is not None:  # layer 0: the inputs of points given as features
                rows += [[0, feature + 1, float(x), float(y), float(maps.inputs[i, j, feature])]
                         for feature in range(maps.inputs.shape[2])
                         for i, y in enumerate(maps.y) for j, x in enumerate(maps.x)]
            for layer_index, layer in enumerate(maps.maps):
                for unit in range(layer.shape[2]):
                    rows += [[maps.dense_before[layer_index], unit + 1, float(x), float(y), float(layer[i, j, unit])]
                             for i, y in enumerate(maps.y) for j, x in enumerate(maps.x)]
        return header, rows
