"""The confusion matrix on validation data, and the examples behind its cells."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QStaticText, QTransform

from app import palette
from app.display_names import data_label
from app.i18n import format_integer, format_percent, format_significant
from app.views.base import TranslatedText, View
from app.views.unit_images import GAP, tile

GALLERY_COLUMNS = 4
GALLERY_SIZE = 16
CAPTION_ROOM = 0.5
"""Room for a caption under each gallery image, as a share of the image's height."""
CAPTION_POINT_SIZE = 8
MAX_WRITTEN_CLASSES = 15
"""Above this many classes the counts are not written in the cells (they would not fit)."""
MAX_LABELLED_CLASSES = 20
"""Above this many classes only every n-th class name labels the axes."""


def set_label(label: pg.LabelItem, text: str) -> None:
    """Set the text only if it changed: laying out rich text is the costly part of a redraw."""
    if label.text != text:
        label.setText(text)


class CentredTexts(pg.GraphicsObject):
    """Short texts, each centred on a point of a plot and written at the screen's font size, all
    in one item: a ``pg.TextItem`` per text lays out a document for each change and places itself
    again whenever the view moves, which made a hundred cell counts the costliest part of a redraw.

    ``texts`` is a list of (x, y, text, colour) in the plot's coordinates; ``area`` (a QRectF in
    those coordinates) must hold every text, as it tells the scene what to repaint. With
    ``max_width`` (in those coordinates too) a text wider than that on screen is drawn smaller, so
    that neighbours never run into each other (the gallery's captions in a narrow view did).
    """

    def __init__(self, area: QRectF | None = None, point_size: float | None = None, max_width: float | None = None):
        super().__init__()
        self.area = QRectF() if area is None else area
        self.max_width = max_width
        self.font = QFont()
        if point_size is not None:
            self.font.setPointSizeF(point_size)
        self.texts: list[tuple[float, float, str, QColor]] = []
        self._laid_out: dict[str, QStaticText] = {}

    def set_area(self, area: QRectF) -> None:
        self.prepareGeometryChange()
        self.area = area

    def set_texts(self, texts: list) -> None:
        if texts == self.texts:
            return
        self.texts = texts
        # Only the texts shown keep their layout: the counts of a long run take thousands of values.
        self._laid_out = {text: self._laid_out.get(text) or self._lay_out(text) for _, _, text, _ in texts if text}
        self.update()

    def _lay_out(self, text: str) -> QStaticText:
        laid_out = QStaticText(text)
        laid_out.prepare(QTransform(), self.font)
        return laid_out

    def boundingRect(self) -> QRectF:
        return self.area

    def paint(self, painter, *args) -> None:
        to_screen = painter.transform()
        painter.save()
        painter.resetTransform()  # the font keeps its size whatever the plot's scale
        painter.setFont(self.font)
        for x, y, text, colour in self.texts:
            if text:
                laid_out = self._laid_out[text]
                centre, size = to_screen.map(QPointF(x, y)), laid_out.size()
                painter.setPen(colour)
                shrink = 1.0
                if self.max_width is not None and size.width() > 0:
                    shrink = min(1.0, self.max_width * abs(to_screen.m11()) / size.width())
                painter.save()
                painter.translate(centre)
                painter.scale(shrink, shrink)
                painter.drawStaticText(QPointF(-size.width() / 2, -size.height() / 2), laid_out)
                painter.restore()
        painter.restore()


class ConfusionView(View):
    """Left: how often each class (row) is predicted as each class (column); colour is the share
    of the row, so that small classes read as well as large ones. Right: a gallery of the most
    confident mistakes — or, after a click on a cell, of the examples behind that cell.
    """

    title = TranslatedText("ConfusionView", QT_TRANSLATE_NOOP("ConfusionView", "Confusion matrix"))
    guide_section = "view-confusion"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix_plot = self.new_plot(0, 0, left=self.tr("true class"), bottom=self.tr("predicted class"))
        self.matrix_plot.showGrid(x=False, y=False)
        self.matrix_plot.invertY(True)
        # Cells as tall as wide left room above and below the matrix in a tall plot (or beside it in a
        # wide one), and the axes ran past its first and last rows, the class names far from them.
        self.matrix_plot.setAspectLocked(False)
        self.matrix = pg.ImageItem(axisOrder="row-major")
        self.matrix.setLookupTable(palette.count_colormap().getLookupTable(nPts=256))
        self.matrix_plot.addItem(self.matrix)
        self.counts = CentredTexts()
        self.matrix_plot.addItem(self.counts)
        self.selection = pg.QtWidgets.QGraphicsRectItem()
        self.selection.setPen(pg.mkPen(palette.OKABE_ITO["vermillion"], width=3))
        self.selection.hide()
        self.matrix_plot.addItem(self.selection)

        self.gallery = self.graphics.addLayout(row=0, col=1)
        self.gallery_title = None
        self.gallery_images = self.captions = self.text_list = None
        self.caption_room = 0
        self.graphics.ci.layout.setColumnStretchFactor(0, 3)
        self.graphics.ci.layout.setColumnStretchFactor(1, 2)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self.predictions = None
        self.selected: tuple[int, int] | None = None
        self.class_names: tuple[str, ...] = ()
        self._last_batch = None  # the newest BatchFinished received
        self._inspected_batch = None  # the batch whose weights the matrix is of (None: unknown, e.g. none trained)

    @classmethod
    def applies_to(cls, dataset) -> bool:
        return dataset.task != "regression"

    def requirement(self):
        return self.tr("classification data")

    def prepare(self, experiment):
        dataset = experiment.dataset
        self.class_names = tuple(data_label(dataset, "class", name) for name in dataset.class_names)
        self.predictions, self.selected = None, None
        self._last_batch = self._inspected_batch = None
        self.selection.hide()
        count = len(self.class_names)
        self.counts.set_area(QRectF(0, 0, count, count))
        self.counts.set_texts([])
        stride = max(1, math.ceil(count / MAX_LABELLED_CLASSES))
        ticks = [[(k + 0.5, self.class_names[k]) for k in range(0, count, stride)]]
        self.matrix_plot.getAxis("bottom").setTicks(ticks)
        self.matrix_plot.getAxis("left").setTicks(ticks)
        self.matrix.setImage(np.zeros((count, count)), levels=(0.0, 1.0))
        self.matrix.setRect(QRectF(0, 0, count, count))
        self.matrix_plot.setRange(xRange=(0, count), yRange=(0, count), padding=0.02)
        self._build_gallery(dataset.image_shape)

    def _build_gallery(self, image_shape: tuple[int, int] | None) -> None:
        """One picture of the examples with a caption under each for image data (a view box per
        example, its caption a label in the layout, laid the whole scene out again whenever a
        caption changed), else a list of the examples' feature values."""
        self.gallery.clear()
        self.gallery_title = self.gallery.addLabel("", row=0, col=0, color=palette.FOREGROUND)
        self.gallery_images = self.captions = self.text_list = None
        if image_shape is None:
            self.text_list = self.gallery.addLabel("", row=1, col=0, color=palette.FOREGROUND, justify="left")
            # An empty stretching row below keeps the list under its heading at the top.
            self.gallery.addLabel("", row=2, col=0)
            self.gallery.layout.setRowStretchFactor(2, 1)
            return
        box = self.gallery.addViewBox(row=1, col=0, lockAspect=True, invertY=True, enableMouse=False,
                                      enableMenu=False)
        self.gallery_images = pg.ImageItem(axisOrder="row-major")
        # Ink dark on white, as on paper: low values map to white.
        self.gallery_images.setLookupTable(np.linspace(255, 0, 256).astype(np.uint8)[:, None].repeat(3, axis=1))
        box.addItem(self.gallery_images)
        height, width = image_shape
        self.caption_room = max(2, round(CAPTION_ROOM * height))
        rows = math.ceil(GALLERY_SIZE / GALLERY_COLUMNS)
        area = QRectF(0, 0, GALLERY_COLUMNS * (width + GAP) - GAP, rows * (height + GAP + self.caption_room) - GAP)
        self.captions = CentredTexts(area, CAPTION_POINT_SIZE, max_width=width)
        box.addItem(self.captions)
        box.setRange(area, padding=0.02)
        box.enableAutoRange(enable=False)

    def on_progress(self, progress) -> None:
        """Also notes after which batch the weights of the message's inspection are: the title says so, as the
        matrix of weights inspected mid-epoch differs from the validation accuracy the status bar gives, the last
        ended epoch's. An inspection comes with the snapshot of its weights, or (replayed) after its batches."""
        if self.experiment is not None:
            if progress.inspection is not None:
                known = (self._last_batch, *progress.batches) if self._last_batch is not None else progress.batches
                step = progress.snapshot.step if progress.snapshot is not None else math.inf
                self._inspected_batch = next((batch for batch in reversed(known) if batch.step <= step),
                                             self._inspected_batch)
            if progress.batches:
                self._last_batch = progress.batches[-1]
        super().on_progress(progress)

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
        """A left click on a cell selects it (a right click opens the plot's menu, and selected it too)."""
        if event.button() != Qt.MouseButton.LeftButton or self.experiment is None \
                or not self.matrix_plot.sceneBoundingRect().contains(event.scenePos()):
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
        count = len(self.class_names)
        if count <= MAX_WRITTEN_CLASSES:
            # cividis is dark at 0 and light at 1: the count takes the opposite lightness.
            dark, light = QColor(palette.FOREGROUND), QColor(palette.BACKGROUND)
            self.counts.set_texts([(column + 0.5, row + 0.5, str(cell) if cell else "",
                                    dark if share > 0.55 else light)
                                   for (row, column), cell, share in zip(np.ndindex(count, count),
                                                                         predictions.confusion.ravel().tolist(),
                                                                         shares.ravel().tolist())])
        evaluated = len(predictions.true)
        split = self.tr("validation") if predictions.split == "validation" else self.tr("training")
        title = self.tr("{evaluated} of {available} {split} examples, {correct} right").format(
            evaluated=format_integer(evaluated), available=format_integer(predictions.n_available), split=split,
            correct=format_percent(np.trace(predictions.confusion) / max(evaluated, 1)))
        if self._inspected_batch is not None:
            title += "<br>" + self.tr("after step {step} (epoch {epoch})").format(
                step=format_integer(self._inspected_batch.step), epoch=format_integer(self._inspected_batch.epoch + 1))
        self.matrix_plot.setTitle(title, color=palette.FOREGROUND)
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
        split = "val" if predictions.split == "validation" else "train"
        # Points given as features (x₁², …) are listed by where they lie: their coordinates.
        examples = dataset.plane_points(split)[rows] if dataset.plane is not None else \
            dataset.scaler.inverse_transform(getattr(dataset, "X_" + split)[rows])
        captions = [self._caption(predictions, row) for row in rows]
        if self.text_list is None:
            pictures = examples.reshape(-1, *dataset.image_shape)
            lightest, darkest = (float(pictures.min()), float(pictures.max())) if len(pictures) else (0.0, 1.0)
            blank = np.full((GALLERY_SIZE - len(rows), *dataset.image_shape), lightest, dtype=np.float32)
            self.gallery_images.setImage(tile(np.concatenate([pictures, blank]), GALLERY_COLUMNS,
                                              room_below=self.caption_room, fill=lightest),
                                         levels=(lightest, max(darkest, lightest + 1e-6)))
            height, width = dataset.image_shape
            ink = QColor(palette.FOREGROUND)
            placed = (divmod(index, GALLERY_COLUMNS) for index in range(len(captions)))
            self.captions.set_texts([(column * (width + GAP) + width / 2,
                                      row * (height + GAP + self.caption_room) + height + self.caption_room / 2,
                                      caption, ink) for (row, column), caption in zip(placed, captions)])
        else:
            # Four significant digits write measurements such as proline 1065 or alcohol 14.23 in full.
            names = [data_label(dataset, "feature", name) for name in
                     (dataset.plane_names if dataset.plane is not None else dataset.feature_names)[:4]]
            lines = [f"#{row}: " + ", ".join(f"{name} = {format_significant(value)}" for name, value in
                                             zip(names, example[:4])) + f" — {caption}"
                     for row, example, caption in zip(rows[:GALLERY_SIZE], examples, captions)]
            set_label(self.text_list, "<br>".join(lines))

    def _caption(self, predictions, row) -> str:
        true, predicted = self.class_names[predictions.true[row]], self.class_names[predictions.predicted[row]]
        confidence = predictions.confidence[row]
        if predictions.confidence_kind == "probability":
            return self.tr("{true} → {predicted} ({confidence})").format(
                true=true, predicted=predicted, confidence=format_percent(confidence, 0))
        return self.tr("{true} → {predicted} (margin {confidence})").format(
            true=true, predicted=predicted, confidence=format_significant(confidence, 2))

    def table(self):
        rows = []
        if self.predictions is not None:
            for true, counts in enumerate(self.predictions.confusion):
                rows.append([self.class_names[true], *map(int, counts)])
        return [self.tr("true \\ predicted"), *self.class_names], rows
