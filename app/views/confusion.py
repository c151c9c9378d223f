"""The confusion matrix on validation data, and the examples behind its cells."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF

from app import palette
from app.views.base import TranslatedText, View

GALLERY_COLUMNS = 4
GALLERY_SIZE = 16
#: Above this many classes the counts are not written in the cells (they would not fit).
MAX_WRITTEN_CLASSES = 15
#: Above this many classes only every n-th class name labels the axes.
MAX_LABELLED_CLASSES = 20


def set_label(label: pg.LabelItem, text: str) -> None:
    """Set the text only if it changed: laying out rich text is the costly part of a redraw."""
    if label.text != text:
        label.setText(text)


class ConfusionView(View):
    """Left: how often each class (row) is predicted as each class (column); colour is the share
    of the row, so that small classes read as well as large ones. Right: a gallery of the most
    confident mistakes — or, after a click on a cell, of the examples behind that cell.
    """

    title = TranslatedText("ConfusionView", QT_TRANSLATE_NOOP("ConfusionView", "Confusion matrix"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix_plot = self.new_plot(0, 0, left=self.tr("true class"), bottom=self.tr("predicted class"))
        self.matrix_plot.showGrid(x=False, y=False)
        self.matrix_plot.invertY(True)
        self.matrix_plot.setAspectLocked(True)
        self.matrix_plot.setMenuEnabled(False)
        self.matrix = pg.ImageItem(axisOrder="row-major")
        self.matrix.setLookupTable(palette.count_colormap().getLookupTable(nPts=256))
        self.matrix_plot.addItem(self.matrix)
        self.cell_texts: list[pg.TextItem] = []
        self.cell_written: list = []
        self.selection = pg.QtWidgets.QGraphicsRectItem()
        self.selection.setPen(pg.mkPen(palette.OKABE_ITO["vermillion"], width=3))
        self.selection.hide()
        self.matrix_plot.addItem(self.selection)

        self.gallery = self.graphics.addLayout(row=0, col=1)
        self.gallery_title = None
        self.tiles = []
        self.text_list = None
        self.graphics.ci.layout.setColumnStretchFactor(0, 3)
        self.graphics.ci.layout.setColumnStretchFactor(1, 2)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self.predictions = None
        self.selected: tuple[int, int] | None = None
        self.class_names: tuple[str, ...] = ()

    @classmethod
    def applies_to(cls, dataset) -> bool:
        return dataset.task != "regression"

    def requirement(self):
        return self.tr("classification data")

    def prepare(self, experiment):
        dataset = experiment.dataset
        self.class_names = tuple(dataset.class_names)
        self.predictions, self.selected = None, None
        self.selection.hide()
        for text in self.cell_texts:
            self.matrix_plot.removeItem(text)
        count = len(self.class_names)
        self.cell_texts = []
        if count <= MAX_WRITTEN_CLASSES:
            for index in range(count * count):
                text = pg.TextItem("", anchor=(0.5, 0.5))
                text.setPos(index % count + 0.5, index // count + 0.5)
                self.matrix_plot.addItem(text)
                self.cell_texts.append(text)
        self.cell_written = [None] * len(self.cell_texts)
        stride = max(1, math.ceil(count / MAX_LABELLED_CLASSES))
        ticks = [[(k + 0.5, self.class_names[k]) for k in range(0, count, stride)]]
        self.matrix_plot.getAxis("bottom").setTicks(ticks)
        self.matrix_plot.getAxis("left").setTicks(ticks)
        self.matrix.setImage(np.zeros((count, count)), levels=(0.0, 1.0))
        self.matrix.setRect(QRectF(0, 0, count, count))
        self.matrix_plot.setRange(xRange=(0, count), yRange=(0, count), padding=0.02)
        self._build_gallery(dataset.image_shape is not None)

    def _build_gallery(self, has_images: bool) -> None:
        """Tiles with captions for image data, else a list of the examples' feature values."""
        self.gallery.clear()
        self.gallery_title = self.gallery.addLabel("", row=0, col=0, colspan=GALLERY_COLUMNS,
                                                   color=palette.FOREGROUND)
        self.tiles, self.text_list = [], None
        if not has_images:
            self.text_list = self.gallery.addLabel("", row=1, col=0, color=palette.FOREGROUND, justify="left")
            # An empty stretching row below keeps the list under its heading at the top.
            self.gallery.addLabel("", row=2, col=0)
            self.gallery.layout.setRowStretchFactor(2, 1)
            return
        # Ink dark on white, as on paper: low values map to white.
        paper = np.linspace(255, 0, 256).astype(np.uint8)[:, None].repeat(3, axis=1)
        for index in range(GALLERY_SIZE):
            row, column = divmod(index, GALLERY_COLUMNS)
            cell = self.gallery.addLayout(row=1 + row, col=column)
            box = cell.addViewBox(row=0, col=0, lockAspect=True, invertY=True, enableMouse=False)
            image = pg.ImageItem(axisOrder="row-major")
            image.setLookupTable(paper)
            box.addItem(image)
            caption = cell.addLabel("", row=1, col=0, color=palette.FOREGROUND, size="8pt")
            self.tiles.append((image, caption))

    def show_inspection(self, inspection):
        self.predictions = inspection.predictions

    def select_cell(self, true_class: int | None, predicted_class: int | None = None) -> None:
        """Show the examples of ``true_class`` predicted as ``predicted_class`` (None: the worst mistakes)."""
        count = len(self.class_names)
        if true_class is None or not (0 <= true_class < count and 0 <= predicted_class < count):
            self.selected = None
            self.selection.hide()
        else:
            self.selected = (true_class, predicted_class)
            self.selection.setRect(QRectF(predicted_class, true_class, 1, 1))
            self.selection.show()
        self._changed()

    def _clicked(self, event) -> None:
        if self.experiment is None or not self.matrix_plot.sceneBoundingRect().contains(event.scenePos()):
            return
        point = self.matrix_plot.vb.mapSceneToView(event.scenePos())
        self.select_cell(math.floor(point.y()), math.floor(point.x()))

    def shown_rows(self) -> np.ndarray:
        """Validation rows the gallery shows now (most confident first)."""
        if self.predictions is None:
            return np.zeros(0, dtype=np.int64)
        if self.selected is None:
            return self.predictions.worst[:GALLERY_SIZE]
        return self.predictions.mistakes(*self.selected)[:GALLERY_SIZE]

    def redraw(self):
        predictions = self.predictions
        if predictions is None:
            return
        shares = predictions.shares
        self.matrix.setImage(shares, levels=(0.0, 1.0))
        for index, (text, count, share) in enumerate(zip(self.cell_texts, predictions.confusion.ravel(),
                                                         shares.ravel())):
            # cividis is dark at 0 and light at 1: the count takes the opposite lightness.
            written = (str(count) if count else "", share > 0.55)
            if written != self.cell_written[index]:  # re-laying out text is what costs here
                self.cell_written[index] = written
                text.setText(written[0])
                text.setColor(palette.FOREGROUND if written[1] else palette.BACKGROUND)
        evaluated = len(predictions.true)
        split = self.tr("validation") if predictions.split == "validation" else self.tr("training")
        self.matrix_plot.setTitle(self.tr("{evaluated:,} of {available:,} {split} examples, {correct:.1%} right")
                                  .format(evaluated=evaluated, available=predictions.n_available, split=split,
                                          correct=np.trace(predictions.confusion) / max(evaluated, 1)),
                                  color=palette.FOREGROUND)
        self._draw_gallery(predictions, self.shown_rows())

    def _draw_gallery(self, predictions, rows):
        names = self.class_names
        if self.selected is None:
            heading = self.tr("The most confident mistakes")
        else:
            true_class, predicted_class = self.selected
            heading = self.tr("{true} predicted as {predicted}: {count} examples").format(
                true=names[true_class], predicted=names[predicted_class],
                count=predictions.confusion[true_class, predicted_class])
        if len(rows) == 0:
            heading += " — " + self.tr("none")
        set_label(self.gallery_title, heading)
        dataset = self.experiment.dataset
        split_X = dataset.X_val if predictions.split == "validation" else dataset.X_train
        captions = [self._caption(predictions, row) for row in rows]
        if self.text_list is None:
            for index, (image, caption) in enumerate(self.tiles):
                if index < len(rows):
                    image.setImage(split_X[rows[index]].reshape(dataset.image_shape))
                    set_label(caption, captions[index])
                else:
                    image.clear()
                    set_label(caption, "")
        else:
            lines = [f"#{row}: " + ", ".join(f"{name} = {value:.3g}" for name, value in
                                             zip(dataset.feature_names[:4], split_X[row][:4])) + f" — {caption}"
                     for row, caption in zip(rows[:GALLERY_SIZE], captions)]
            set_label(self.text_list, "<br>".join(lines))

    def _caption(self, predictions, row) -> str:
        true, predicted = self.class_names[predictions.true[row]], self.class_names[predictions.predicted[row]]
        confidence = predictions.confidence[row]
        if predictions.confidence_kind == "probability":
            return self.tr("{true} → {predicted} ({confidence:.0%})").format(
                true=true, predicted=predicted, confidence=confidence)
        return self.tr("{true} → {predicted} (margin {confidence:.2g})").format(
            true=true, predicted=predicted, confidence=confidence)

    def table(self):
        rows = []
        if self.predictions is not None:
            for true, counts in enumerate(self.predictions.confusion):
                rows.append([self.class_names[true], *map(int, counts)])
        return [self.tr("true \\ predicted"), *self.class_names], rows
