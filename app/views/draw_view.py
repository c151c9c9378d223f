"""The Draw view: draw a digit and watch the current model classify it while the pen moves.

Beside the canvas it shows the ten class probabilities (the top class highlighted with its
confidence), what the network sees — the drawing after the engine's preprocessing for the data
the model was trained on (:func:`core.datasets.drawing.preprocess_drawing`) — and the saliency
map ∂p_top/∂input on that image (:func:`core.saliency.saliency`). The engine computes all of it;
the view only chooses colours.

The current model is, in this order of precedence, the latest one to arrive:

* the shipped MNIST model (``resources/models``), from the start, so drawing works offline at once;
* a loaded model — :meth:`DrawView.set_model` or :meth:`DrawView.load_model`;
* the model being trained: every :class:`core.events.Snapshot` in a progress message is loaded into
  the view's own copy of the run's network (the worker's live network is never touched). A run whose
  model cannot classify drawings (its data is not images of digits) leaves the last model that can,
  with a note saying why. The model line names it by the run's phase (:data:`RUN_PHASES`); after a
  divergence it is the last finite weights the window kept, with a warning that its probabilities mean nothing.
  A new run (Reset, other data or network) replaces an earlier run's model at once with its untrained one;
* the shipped model again, chosen with "Use the shipped MNIST model" (or the start page's "Draw a
  digit", when the current model does not classify drawn digits: see :meth:`DrawView.classifies_drawn_digits`):
  it stays until training starts or resumes, when the run's model takes over again.

"Add to my digits" stores the drawing with its label in the personal data set ``my_digits``
(:mod:`core.datasets.user_digits`).
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QPaintEngine, QPixmap, QShortcut, QStaticText
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QSlider, QStyle, QStyleOptionComboBox, QTabBar, QVBoxLayout, QWidget)

from app import palette
from app.display_names import label
from app.data_loader import digits_to_draw_text
from app.i18n import english_plural, format_integer, format_number, format_percent, os_error_reason
from app.panels.widgets import FlowLayout, VerticalScrollArea
from app.spreadsheet_csv import write_csv
from app.views.base import TranslatedText, export_suffix, svg_file, svg_painter
from app.views.draw_canvas import BRUSH_RANGE, DrawCanvas
from core import events, model_io
from core.datasets import Scaler
from core.datasets.drawing import FORMATS, DrawingPreprocessor, preprocess_drawing, scale_drawing
from core.datasets.dataset import DEFAULT_VALIDATION_SPLIT
from core.datasets.user_digits import add_user_digit, digits_still_needed, remove_last_user_digit, user_digits_path
from core.network import Network
from core.saliency import PROBABILISTIC_LOSSES, saliency

SHIPPED_MODEL = Path(__file__).resolve().parents[2] / "resources" / "models" / "mnist_mlp.npz"

DRAWING_TARGETS = {"mnist": "mnist", "fashion_mnist": "fashion", "my_digits": "mnist", "digits": "digits"}
"""The drawing format of each data set of images that can be drawn: digits, or Fashion-MNIST's garments."""
DIGIT_TARGETS = ("mnist", "digits")
"""The drawing formats of digits (MNIST's, my_digits', the 8×8 digits'): Fashion-MNIST's are garments."""
TARGETS_BY_SHAPE = {(28, 28): "mnist", (8, 8): "digits"}
"""Image shapes recognised when a model names no known data set."""
FORMAT_CAPTIONS = {"mnist": QT_TRANSLATE_NOOP("DrawView", "28 × 28, MNIST"),
                   "digits": QT_TRANSLATE_NOOP("DrawView", "8 × 8 digits"),
                   "fashion": QT_TRANSLATE_NOOP("DrawView", "28 × 28, Fashion")}
"""Each drawing format's input image, as the network-input panel names it (the 8×8 digits are UCI's
optdigits, a name that appears nowhere else)."""
FORMAT_HELP = {
    "mnist": QT_TRANSLATE_NOOP(
        "DrawView", "Your drawing as the network receives it, prepared as MNIST's digits were: cropped to its ink, "
                    "scaled so that its longer side is {box} of the {size} pixels, redrawn with a pen {pen} pixels "
                    "wide however thin or thick the brush, and moved so that its centre of mass is in the middle. "
                    "Drawn small, large, thin, thick or off-centre, a digit comes out much the same here, and this "
                    "image is all the network classifies."),
    "digits": QT_TRANSLATE_NOOP(
        "DrawView", "Your drawing as the network receives it, prepared as the 8×8 digits were: scaled so that its "
                    "longer side fills a {size} × {size} bitmap, centred, redrawn with a pen {pen} pixels wide "
                    "however thin or thick the brush; each of the {side} × {side} pixels counts the ink of a {block} × "
                    "{block} block of the bitmap (0 to {most}). Drawn small, large, thin, thick or off-centre, a "
                    "digit comes out much the same here, and this image is all the network classifies."),
    "fashion": QT_TRANSLATE_NOOP(
        "DrawView", "Your drawing as the network receives it, prepared as Fashion-MNIST's garments were: scaled so "
                    "that its longer side is {box} of the {size} pixels, centred, and what its outline encloses "
                    "filled in, since the garments are shapes, not strokes.")}
"""What each drawing format's preprocessing (core.datasets.drawing) did to the drawing, as the network-input
panel's tooltip says it: the panel alone showed a redrawn digit with no word of why it looks so."""
CANVAS_SIZE = (1.0, 1.0)
"""The drawing's whole canvas, in the units of DrawCanvas.strokes()."""
PEN_DOWN_SWITCH_INTERVAL = 0.0005
"""Seconds another thread may keep the interpreter lock, while the pen is down, before the GUI thread
gets it (Python's default is 5 ms). The GUI thread lets go of the lock in every Qt call and waits to
take it back while a training thread runs Python code: at 5 ms, a mouse move waited 25–35 ms at p95
(bench/bench_draw_latency.py), at 0.5 ms 15."""

HIGHLIGHT = palette.series_color(0)
OTHER_BARS = QColor(palette.REFERENCE)
TRACK = QColor("#F0F0F0")
BACKGROUND = QColor(palette.BACKGROUND)
FOREGROUND = QColor(palette.FOREGROUND)
CENTRED_WRAPPED = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap

Words = Callable[[], str]
"""A text composed when called, in the interface language then: what a language change shows again. The
window's translation of shown texts (app.i18n) keeps their numbers and data-set names as they were."""


@dataclass(frozen=True)
class CurrentModel:
    """The network the view classifies with, and how a drawing becomes its input.

    ``naming`` names it for the model line: the words of the view, or a text its caller gave.
    ``target`` is the drawing format (a key of :data:`core.datasets.drawing.FORMATS`), or None when drawing
    does not apply (then ``problem`` says why). ``scaler`` is None when the format's own [0, 1] scaling is the
    network's input scaling, as with every image data set's default "unit" scaling.
    """

    network: Network
    naming: Words | str
    target: str | None
    scaler: Scaler | None
    class_names: tuple[str, ...]
    problem: Words | None = None

    @property
    def source(self) -> str:
        """The model as the model line names it ("the shipped MNIST model (98.73 % on MNIST's test set)")."""
        return self.naming if isinstance(self.naming, str) else self.naming()

    @property
    def shown_class_names(self) -> tuple[str, ...]:
        """The class names in the interface language: Fashion-MNIST's garments are translated, digits stay."""
        if self.target != "fashion":
            return self.class_names
        return tuple(label("class", name) for name in self.class_names)

    @property
    def unavailable(self) -> str:
        """Why a drawing cannot be its input, a clause for "Drawing is unavailable: {problem}." ("" when it can)."""
        return "" if self.problem is None else self.problem()


def input_side(target: str) -> int:
    """Side of the network's input image for a drawing format: 28 (MNIST) or 8 (optdigits)."""
    return FORMATS[target].size // FORMATS[target].block


def format_caption(target: str) -> str:
    """What a drawing format's input image is, as the network-input panel says it ("28 × 28, MNIST")."""
    return QCoreApplication.translate("DrawView", FORMAT_CAPTIONS[target])


def format_help(target: str) -> str:
    """What the preprocessing of drawing format ``target`` did, with its numbers (:data:`FORMAT_HELP`)."""
    digit = FORMATS[target]
    return QCoreApplication.translate("DrawView", FORMAT_HELP[target]).format(
        box=format_number(digit.box, 0), size=digit.size, pen=format_number(digit.pen, 2, fixed=False),
        side=input_side(target), block=digit.block, most=digit.pixel_max)


def saliency_caption(class_name: str) -> str:
    """The caption of the saliency map of ``class_name``'s probability (its formula is in the tooltip:
    the caption is the first thing a newcomer reads there)."""
    return QCoreApplication.translate("DrawView", "Why {name}").format(name=class_name)


def describe_model(network: Network, naming: Words | str, dataset_name, image_shape, scaler: Scaler | None,
                   class_names=()) -> CurrentModel:
    """A :class:`CurrentModel`, with ``problem`` saying why a drawing cannot be its input."""
    names = tuple(class_names) or tuple(str(index) for index in range(network.n_outputs))
    shape = tuple(image_shape) if image_shape is not None else None
    target = DRAWING_TARGETS.get(dataset_name) or TARGETS_BY_SHAPE.get(shape)
    problem = drawing_problem(network, dataset_name, target)
    if scaler is not None and scaler.method == "unit":
        scaler = None
    return CurrentModel(network, naming, None if problem else target, scaler, names, problem)


def drawing_problem(network: Network, dataset_name, target: str | None) -> Words | None:
    """Why a drawing cannot be the input of ``network``, trained on ``dataset_name`` (None if unknown) and
    given drawings in the format ``target`` (None if none fits), as words; None when it can be."""
    def data() -> str:
        if dataset_name:
            return label("dataset", dataset_name)
        return QCoreApplication.translate("DrawView", "unnamed data")

    if target is None:
        return lambda: QCoreApplication.translate(
            "DrawView", "this model was trained on {data}, which is not images of digits. A drawing can only be "
                        "classified by a model of 28 × 28 images ({large}) or 8 × 8 images ({small}) — train on one "
                        "of those, or load such a model").format(
            data=data(), small=label("dataset", "digits"),
            large=", ".join(label("dataset", name) for name, drawn in DRAWING_TARGETS.items()
                            if input_side(drawn) == 28))
    inputs, pixels = network.n_inputs, input_side(target) ** 2
    if inputs != pixels:
        return lambda: QCoreApplication.translate(
            "DrawView", "this model takes {n} inputs, not the {m} pixels of {data}'s images").format(
            n=inputs, m=pixels, data=data())
    loss = network.loss_name
    if loss not in PROBABILISTIC_LOSSES:
        return lambda: QCoreApplication.translate(
            "DrawView", "the {loss} loss gives scores, not class probabilities. Train with softmax_cross_entropy "
                        "to see probabilities").format(loss=loss)
    return None


def add_button_help(takes_digits: bool = True) -> str:
    """The tooltip of "Add to my digits", which names the data set as the Data panel does; without
    ``takes_digits`` (the model classifies garments) why a drawing cannot be added."""
    if not takes_digits:
        return QCoreApplication.translate(
            "DrawView", "“{data}” holds drawn digits, and this model classifies garments: to add a digit, use the "
                        "shipped MNIST model or a model of digits").format(data=label("dataset", "my_digits"))
    return QCoreApplication.translate("DrawView", "Save the drawing with its label in your personal data set "
                                                  "“{data}”, which can be mixed into MNIST training").format(
        data=label("dataset", "my_digits"))


def taking_over_text(dataset_name: str, phase: str = "training") -> str:
    """The note that a run's model now classifies the drawings in place of the shipped one: the model
    being trained (``phase`` "training"), that of a paused run ("paused"), or, once its run has ended, the
    model it trained."""
    if phase == "training":
        text = QCoreApplication.translate(
            "DrawView", "The model being trained now classifies your drawings, getting better as it learns; “Use "
                        "the shipped MNIST model” brings the shipped one back.")
    elif phase == "paused":
        text = QCoreApplication.translate(
            "DrawView", "The model of the paused run now classifies your drawings; it learns on when the run "
                        "resumes. “Use the shipped MNIST model” brings the shipped one back.")
    else:
        text = QCoreApplication.translate(
            "DrawView", "The model this run trained now classifies your drawings; “Use the shipped MNIST model” "
                        "brings the shipped one back.")
    if dataset_name == "digits":
        text += " " + QCoreApplication.translate(
            "DrawView", "Trained on coarse 8×8 images, it mistakes more drawn digits than a model of MNIST.")
    return text


def diverged_text() -> str:
    """The note over the last finite weights of a run that diverged, which the view classifies with."""
    return QCoreApplication.translate(
        "DrawView", "This run diverged: your drawings are classified with its last finite weights, kept from just "
                    "before it blew up, and their probabilities mean nothing. Go back (the message's button, or the "
                    "Run menu) puts back weights from before it went wrong; “Use the shipped MNIST model” classifies with a model that works.")


def unnamed_model_name() -> str:
    """A model its caller did not name, as the model line names it."""
    return QCoreApplication.translate("DrawView", "a loaded model")


def shipped_model_name(test_accuracy: float | None) -> str:
    """The shipped model as the model line names it, with its accuracy on MNIST's test set if recorded."""
    if test_accuracy is None:
        return QCoreApplication.translate("DrawView", "the shipped MNIST model")
    return QCoreApplication.translate("DrawView", "the shipped MNIST model ({percent} on MNIST's test set)").format(
        percent=format_percent(test_accuracy, 2))


RUN_PHASES = ("idle", "training", "paused", events.COMPLETED, events.EARLY_STOPPED, events.STOPPED, events.DIVERGED)
"""Where the run is, as the Draw view names its model: no run going (before the first, after Reset, Go back
or a run that failed or was discarded), training, paused, or how the last run ended."""
RUN_MODEL_NAMES = {
    "untrained": QT_TRANSLATE_NOOP("DrawView", "the untrained model of {data} (its random initial weights)"),
    "training": QT_TRANSLATE_NOOP("DrawView", "the model being trained on {data} (after {steps} step(s))"),
    "paused": QT_TRANSLATE_NOOP("DrawView", "the model being trained on {data}, paused after {steps} step(s)"),
    events.STOPPED: QT_TRANSLATE_NOOP("DrawView", "the model trained on {data}, stopped after {steps} step(s)"),
    events.EARLY_STOPPED: QT_TRANSLATE_NOOP("DrawView", "the model trained on {data}, with its best epoch's weights "
                                                        "(stopped early after {steps} step(s))"),
    events.DIVERGED: QT_TRANSLATE_NOOP("DrawView", "the last finite weights of the diverged run on {data} (after "
                                                   "{steps} step(s))"),
    "trained": QT_TRANSLATE_NOOP("DrawView", "the model trained on {data} (after {steps} step(s))"),
}
"""A run's model as the model line names it, by the run's phase (see :data:`RUN_PHASES`)."""


def run_model_name(dataset_name: str, step: int, phase: str) -> str:
    """A run's model as the model line names it, after the snapshot of ``step`` in the run's ``phase``: untrained
    before its first step, "being trained" while the run goes on, then by how it ended."""
    key = "untrained" if step == 0 else phase if phase in RUN_MODEL_NAMES else "trained"
    text = QCoreApplication.translate("DrawView", RUN_MODEL_NAMES[key])
    return english_plural(text, step).format(data=label("dataset", dataset_name), steps=format_integer(step))


def scaler_from_metadata(metadata: dict, n_features: int) -> Scaler | None:
    """The input scaling a model file records (:func:`core.model_io.recorded_scaler`): ``scaling`` ("unit" when
    absent) and, for other methods, ``scaler`` = {"offset": […], "scale": […]}; ValueError if it cannot be rebuilt."""
    method = metadata.get("scaling", "unit")
    if method == "unit":
        return None
    if method == "none":
        return Scaler.identity(n_features)
    scaler = model_io.recorded_scaler(metadata, "scaler")
    if scaler is None:
        raise ValueError(f"the model's inputs were scaled with {method!r} but the file does not record the "
                         f"scaler's offset and scale")
    if scaler.offset.size != n_features:
        raise ValueError(f"the model's scaler has {scaler.offset.size} offsets and scales for {n_features} inputs")
    return scaler


def rgb32_image(pixels: np.ndarray) -> QImage:
    """A QImage of an (H, W) uint32 array of 0xffRRGGBB pixels: Format_RGB32, which QPainter
    enlarges several times faster than grey or 24-bit images."""
    height, width = pixels.shape
    return QImage(np.ascontiguousarray(pixels).data, width, height, 4 * width, QImage.Format.Format_RGB32).copy()


_GRAY_RGB32 = np.arange(256, dtype=np.uint32) * 0x010101 | 0xFF000000
"""Grey level g (0 black … 255 white) as an opaque RGB32 pixel."""


def gray_image(values: np.ndarray) -> QImage:
    """Dark ink on white from an (H, W) array of ink in [0, 1]."""
    return rgb32_image(_GRAY_RGB32[np.rint(255 * (1 - np.clip(values, 0, 1))).astype(np.uint8)])


_SIGNED_TABLE = palette.signed_colormap().getLookupTable(nPts=256, alpha=False)


def percent(probability: float) -> str:
    """One decimal, never "100.0 %": a softmax is never certain, though its float can round to 1."""
    return ">" + format_percent(0.999) if probability > 0.999 else format_percent(probability)


INK_LEVELS = 16
"""Ink levels the saliency image darkens by: every drawing format gives ink in sixteenths (MNIST's and
Fashion-MNIST's pixels average 4 × 4 sub-pixels, optdigits' count 16 bitmap cells)."""


def _darkened_signed_colours() -> np.ndarray:
    """(INK_LEVELS + 1, 256) opaque RGB32 pixels: colour c of the signed map darkened for ink k/16 by
    the factor 1 − 0.45·k/16, so that a digit stays visible under its saliency."""
    shade = 1 - np.float32(0.45) * np.arange(INK_LEVELS + 1, dtype=np.float32) / INK_LEVELS
    red, green, blue = np.moveaxis((_SIGNED_TABLE.astype(np.float32) * shade[:, None, None]).astype(np.uint32), -1, 0)
    return red << 16 | green << 8 | blue | 0xFF000000


_SALIENCY_RGB32 = _darkened_signed_colours()


def saliency_image(ink: np.ndarray, gradient: np.ndarray) -> QImage:
    """The gradient in the signed colour map (blue < 0 < yellow), darkened where there is ink so that
    the digit stays visible under it. Colours follow sign(g)·√(|g| / max|g|): the square root lifts
    the many small values into view without changing their order. One look-up in a table of every
    (ink, colour) pair makes the pixels: it is drawn on every mouse move."""
    magnitude = np.abs(gradient)
    largest = float(magnitude.max())
    levels = np.copysign(np.sqrt(magnitude / largest), gradient) if largest > 0 else magnitude
    colours = np.rint((levels + 1) * 127.5).astype(np.intp)
    shades = np.rint(INK_LEVELS * np.clip(ink, 0, 1)).astype(np.intp)
    return rgb32_image(_SALIENCY_RGB32[shades, colours])


class StaticTexts:
    """Texts laid out in one font and kept between repaints: drawing a QStaticText skips the text
    layout that drawText does on every call (a quarter of a chart repaint per mouse move).

    A repaint first calls :meth:`in_font` with the font it draws in (the texts are laid out again
    if that changed), then :meth:`get` for each text.
    """

    LIMIT = 4000  # percentages × names: bounded however long one draws

    def __init__(self):
        self._font = QFont()
        self._texts: dict[str, QStaticText] = {}

    def in_font(self, font: QFont) -> "StaticTexts":
        if font != self._font:
            self._font = QFont(font)
            self._texts.clear()
        return self

    def get(self, text: str) -> QStaticText:
        static = self._texts.get(text)
        if static is None:
            if len(self._texts) > self.LIMIT:
                self._texts.clear()
            static = self._texts[text] = QStaticText(text)
            static.prepare(font=self._font)
        return static


class PredictionChart(QWidget):
    """Ten horizontal probability bars, the top one highlighted (objectName ``predictionView``).

    ``probabilities()`` is None while nothing is drawn; then the chart says so instead of guessing.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("predictionView")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every repaint covers the whole chart
        self.setMinimumSize(200, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._probabilities: np.ndarray | None = None
        self._class_names: tuple[str, ...] = tuple(str(digit) for digit in range(10))
        self._message = QCoreApplication.translate("DrawView", "nothing drawn")
        self._texts, self._header_texts = StaticTexts(), StaticTexts()
        self._frame: QPixmap | None = None  # see _frame_pixmap
        self._frame_key = None

    def probabilities(self) -> np.ndarray | None:
        """The current class probabilities (a copy), or None when nothing is drawn."""
        return None if self._probabilities is None else self._probabilities.copy()

    def set_probabilities(self, probabilities: np.ndarray, class_names) -> None:
        self._probabilities = np.array(probabilities, dtype=np.float64)
        self._class_names = tuple(class_names)
        self.update()

    def message(self) -> str:
        """What the chart says instead of bars ("" while it shows probabilities)."""
        return "" if self._probabilities is not None else self._message

    def show_message(self, message: str) -> None:
        """No prediction: show ``message`` ("nothing drawn", "drawing unavailable") instead."""
        self._probabilities, self._message = None, message
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(280, 300)

    def _header_font(self) -> QFont:
        header = QFont(self.font())
        header.setPointSizeF(self.font().pointSizeF() * 1.6)
        header.setBold(True)
        return header

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._frame = None
        super().changeEvent(event)

    def _rows(self, texts: StaticTexts) -> tuple[float, float, float, float, float]:
        """(header height, label width, left and right end of the bars, row height) in pixels."""
        header_height = 2.2 * self.fontMetrics().height()
        label_width = max(texts.get(name).size().width() for name in self._class_names) + 12
        value_width = texts.get(">99.9 %").size().width() + 8
        row_height = (self.height() - header_height - 4) / len(self._class_names)
        return header_height, label_width, 8 + label_width, self.width() - 8 - value_width, row_height

    def _frame_pixmap(self, texts: StaticTexts, top: int) -> QPixmap:
        """The background, class names and bar tracks, which change only with the size, the names
        and the top class, painted once."""
        ratio = self.devicePixelRatioF()
        frame = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        frame.setDevicePixelRatio(ratio)
        frame.fill(BACKGROUND)
        painter = QPainter(frame)
        self._paint_frame(painter, texts, top)
        painter.end()
        return frame

    def _paint_frame(self, painter: QPainter, texts: StaticTexts, top: int) -> None:
        painter.setFont(self.font())
        header_height, label_width, bar_left, bar_right, row_height = self._rows(texts)
        text_offset = (row_height - self.fontMetrics().height()) / 2
        for index, name in enumerate(self._class_names):
            y = header_height + index * row_height
            painter.setPen(HIGHLIGHT if index == top else FOREGROUND)
            label = texts.get(name)
            painter.drawStaticText(QPointF(label_width - 4 - label.size().width(), y + text_offset), label)
            painter.fillRect(QRectF(bar_left, y + 0.18 * row_height, max(bar_right - bar_left, 0), 0.64 * row_height),
                             TRACK)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self._probabilities is None:
            painter.fillRect(self.rect(), BACKGROUND)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(self._header_font())
            painter.setPen(OTHER_BARS)
            painter.drawText(QRectF(self.rect()), CENTRED_WRAPPED, self._message)
            return
        probabilities, names = self._probabilities, self._class_names
        top = int(np.argmax(probabilities))
        texts = self._texts.in_font(self.font())
        if painter.paintEngine().type() != QPaintEngine.Type.Raster:  # an SVG export: keep the texts vectors
            painter.fillRect(self.rect(), BACKGROUND)
            self._paint_frame(painter, texts, top)
        else:
            # Only the bars, the percentages and the heading change from one drawing to the next;
            # the rest is painted once into a pixmap (half of the painter calls of a repaint).
            key = (self.size(), self.devicePixelRatioF(), names, top)
            if self._frame is None or self._frame_key != key:
                self._frame, self._frame_key = self._frame_pixmap(texts, top), key
            painter.drawPixmap(0, 0, self._frame)
        header_height, _, bar_left, bar_right, row_height = self._rows(texts)
        header_font = self._header_font()
        heading = self._header_texts.in_font(header_font).get(QCoreApplication.translate("DrawView", "{name} — {percent}").format(
            name=names[top], percent=percent(probabilities[top])))
        painter.setFont(header_font)
        painter.setPen(HIGHLIGHT)
        painter.drawStaticText(QPointF(8, (header_height - heading.size().height()) / 2), heading)
        painter.setFont(self.font())
        bar_span = max(bar_right - bar_left, 0)
        text_offset = (row_height - self.fontMetrics().height()) / 2
        for index, probability in enumerate(probabilities):
            y = header_height + index * row_height
            chosen = index == top
            painter.setPen(HIGHLIGHT if chosen else FOREGROUND)
            painter.fillRect(QRectF(bar_left, y + 0.18 * row_height, bar_span * probability, 0.64 * row_height),
                             HIGHLIGHT if chosen else OTHER_BARS)
            painter.drawStaticText(QPointF(bar_right + 6, y + text_offset), texts.get(percent(probability)))


class ImagePanel(QWidget):
    """A small image (the network's input, or its saliency) drawn with square pixels under a caption,
    with an optional legend below: (colour or None, meaning) pairs.

    The panel is as wide as its longest words of :meth:`fit_words` at least, and no image changes
    that: a caption given with an image (:meth:`set_image`) that is longer is cut short with "…".
    The saliency caption names the top class, which changes while the pen moves; when it widened
    the panel, the canvas beside it shrank in the middle of a stroke and bent what was drawn.
    """

    def __init__(self, caption: str, parent: QWidget | None = None, legend=()):
        super().__init__(parent)
        self.caption = caption
        self.legend = tuple(legend)
        self.image: QImage | None = None
        self._texts = StaticTexts()
        self._fitted_words: tuple[str, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def fit_words(self, *words: str) -> None:
        """Keep the panel wide enough for each of ``words`` on one line (and for the legend)."""
        self._fitted_words = words
        self.updateGeometry()

    def set_image(self, image: QImage | None, caption: str | None = None, legend=None) -> None:
        words = (self.caption, self.legend)
        self.image = image
        if caption is not None:
            self.caption = caption
        if legend is not None:
            self.legend = tuple(legend)
        self.update(self._image_area() if (self.caption, self.legend) == words else self.rect())

    def shown_caption(self) -> str:
        """The caption as painted: cut short with "…" where the panel is narrower than it."""
        metrics, room = self.fontMetrics(), max(self.width() - 8, 0)
        if metrics.horizontalAdvance(self.caption) <= room:  # elidedText cuts some words that fit exactly
            return self.caption
        return metrics.elidedText(self.caption, Qt.TextElideMode.ElideRight, room)

    def sizeHint(self) -> QSize:
        return QSize(140, 160)

    def _square(self) -> QRectF:
        """Where the image goes: the largest square between the caption and the legend."""
        line = self.fontMetrics().height()
        caption_height = line + 4
        legend_height = line + 4 if self.legend else 0
        side = max(min(self.width(), self.height() - caption_height - legend_height) - 4, 0)
        return QRectF((self.width() - side) / 2, caption_height + 2, side, side)

    def _image_area(self) -> QRect:
        """The pixels the image and its frame cover: all a new image repaints."""
        return self._square().toAlignedRect().adjusted(-1, -1, 1, 1)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        square = self._square()
        if not self._image_area().contains(event.rect()):
            self._paint_words(painter, square)
        painter.fillRect(square, QColor(palette.BACKGROUND))
        if self.image is not None:
            # Without smooth transformation the enlargement is nearest-pixel: each input pixel
            # stays a crisp square.
            painter.drawImage(square, self.image)
        painter.setPen(QColor(palette.REFERENCE))
        painter.drawRect(square.adjusted(-0.5, -0.5, 0.5, 0.5))

    def _paint_words(self, painter: QPainter, square: QRectF) -> None:
        """The background, the caption above the image and the legend below it."""
        painter.fillRect(self.rect(), self.palette().window())
        texts, line = self._texts.in_font(self.font()), self.fontMetrics().height()
        painter.setPen(QColor(palette.FOREGROUND))
        caption = texts.get(self.shown_caption())
        painter.drawStaticText(QPointF((self.width() - caption.size().width()) / 2,
                                       (line + 4 - caption.size().height()) / 2), caption)
        meanings = [texts.get(meaning) for _, meaning in self.legend]
        widths = [(line if color is not None else 0) + text.size().width()
                  for (color, _), text in zip(self.legend, meanings)]
        x = (self.width() - sum(widths) - line * (len(widths) - 1)) / 2
        for (color, _), text, width in zip(self.legend, meanings, widths):
            if color is not None:
                painter.fillRect(QRectF(x, square.bottom() + 6, line - 4, line - 4), color)
            painter.drawStaticText(QPointF(x + width - text.size().width(),
                                           square.bottom() + 4 + (line - text.size().height()) / 2), text)
            x += width + line

    def minimumSizeHint(self) -> QSize:
        """As wide as the words it fits and its legend: in a narrow window they ran off both its sides."""
        metrics, line = self.fontMetrics(), self.fontMetrics().height()
        legend = sum((line if color is not None else 0) + metrics.horizontalAdvance(meaning)
                     for color, meaning in self.legend) + line * max(len(self.legend) - 1, 0)
        words = max((metrics.horizontalAdvance(word) for word in self._fitted_words), default=0)
        return QSize(max(96, words + 8, legend + 8), 110)


SALIENCY_CAPTION = QT_TRANSLATE_NOOP("DrawView", "Why this answer")


class DrawPage(QWidget):
    """The Draw view's rows (``rows``), in the view's scroll area: tall enough for the lines the rows but
    ``body`` (the canvas and the chart) wrap onto at the page's narrowest."""

    def __init__(self, rows: QVBoxLayout, body: QHBoxLayout):
        super().__init__()
        self._body = body
        self.setLayout(rows)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.heightForWidth(hint.width()))

    def heightForWidth(self, width: int) -> int:
        """The least height at ``width``, which the scroll area asks for: a layout's minimum counts one line
        for each of the model's name, the note, the tool groups and the status, and in a small window the
        lines taken from the canvas and the chart laid the image panels over the chart's last classes. The
        canvas's square is left out: the page fills the scroll area's height, and scrolls only below this."""
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        wrapped = 0
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item.layout() is not self._body and item.hasHeightForWidth() and not item.isEmpty():
                wrapped += max(item.heightForWidth(inner) - item.minimumSize().height(), 0)
        return super().minimumSizeHint().height() + wrapped


class DrawView(QWidget):
    """Draw a digit; see the probabilities, the network's input and its saliency (see the module docstring)."""

    title = TranslatedText("DrawView", QT_TRANSLATE_NOOP("DrawView", "Draw"))
    guide_section = "drawing"
    keys = (("DrawView", QT_TRANSLATE_NOOP("DrawView", "Wipe the canvas to draw another digit"), Qt.Key.Key_Escape),
            ("DrawView", QT_TRANSLATE_NOOP("DrawView", "Take back the last stroke"), QKeySequence.StandardKey.Undo))
    """(translation context, command, key) of the keys the view answers, for Help ▸ Keyboard shortcuts."""

    user_digit_added = Signal(int)
    """user_digit_added(count): a drawing was saved to my_digits, which now holds ``count`` digits."""

    def __init__(self, parent: QWidget | None = None, shipped_model: Path | None = SHIPPED_MODEL):
        super().__init__(parent)
        self.experiment = None
        self._run_network: Network | None = None
        self._model: CurrentModel | None = None
        self._preprocessor: DrawingPreprocessor | None = None  # for the current model's drawing format
        self._stale = False
        self._switch_interval_before_pen: float | None = None  # see _hold_pen_priority
        self._status_words: Words | None = None  # see _show_status
        self._note_words: Words | None = None  # see _show_note
        self._note_is_warning = True
        self._shipped: tuple[Network, dict] | None = None  # the shipped model file's network and metadata
        self._following_run = True  # False once the shipped model is chosen: see use_shipped_model
        self._origin = "none"  # where the current model comes from: "shipped", "loaded" or "run" (a run's model)
        self._training = False  # see set_training
        self._run_progress: tuple[str, int] | None = None  # (data set, step) of the run's last snapshot
        self._run_phase = "idle"  # one of RUN_PHASES
        self._run_took_over = False  # the run's model replaced the shipped one: the note says so
        # While the pen moves, a classification waits for the event loop to come round: a burst of
        # moves (a pen reports faster than the screen refreshes) then costs one classification,
        # of the latest drawing, instead of a queue of them.
        self._classify_soon = QTimer(self)
        self._classify_soon.setSingleShot(True)
        self._classify_soon.setInterval(0)
        self._classify_soon.timeout.connect(self.predict)
        self._build()
        if shipped_model is not None:
            self._load_shipped_model(Path(shipped_model))

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.model_label = QLabel(self)
        self.model_label.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.shipped_button = QPushButton(QCoreApplication.translate("DrawView", "Use the shipped MNIST model"), self)
        self.shipped_button.setToolTip(QCoreApplication.translate(
            "DrawView", "Classify drawings with the MNIST model that comes with the app, whatever was trained or "
                        "loaded since (a run's model takes over again when training starts or resumes)"))
        self.shipped_button.setEnabled(False)  # until the shipped model is read, and while it classifies
        self.canvas = DrawCanvas(self)
        self.chart = PredictionChart(self)
        self.chart.setToolTip(QCoreApplication.translate(
            "DrawView", "The network's probability of each class for your drawing: the softmax of its raw "
                        "scores o, pₖ = e^(oₖ) / Σⱼ e^(oⱼ), so that they add up to 100 %. The highest is its answer. "
                        "A probability near 100 % says how sure the network is, not that it is right: a scribble "
                        "gets an answer too."))
        self.input_panel = ImagePanel("", self, legend=((None, ""),))
        self.saliency_panel = ImagePanel("", self)
        self._write_painted_texts()
        self.saliency_panel.setToolTip(QCoreApplication.translate(
            "DrawView", "How the top class's probability p would change with more ink at each pixel of what the "
                        "network sees (the gradient ∂p/∂pixel): yellow = more ink here would raise it, blue = more "
                        "ink here would lower it."))
        self.clear_button = QPushButton(QCoreApplication.translate("DrawView", "Clear (Esc)"), self)
        self.undo_button = QPushButton(QCoreApplication.translate("DrawView", "Undo (Ctrl+Z)"), self)
        self.clear_button.setToolTip(QCoreApplication.translate("DrawView", "Wipe the canvas to draw another digit"))
        self.undo_button.setToolTip(QCoreApplication.translate("DrawView", "Take back the last stroke"))
        for button in (self.clear_button, self.undo_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the keyboard on the canvas
        self.brush_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.brush_slider.setRange(int(BRUSH_RANGE[0]), int(BRUSH_RANGE[1]))
        self.brush_slider.setValue(int(self.canvas.brush_width))
        self.brush_slider.setMaximumWidth(140)
        self.brush_slider.setToolTip(QCoreApplication.translate(
            "DrawView", "Brush width in pixels, for the drawing as you see it: the network's input is redrawn as the "
                        "images its model was trained on are drawn (with MNIST's pen, the 8×8 digits' for a model of "
                        "those, and filled in for a model of Fashion-MNIST), whatever the brush"))
        self.brush_slider.setAccessibleName(QCoreApplication.translate("DrawView", "Brush width"))
        self.label_box = QComboBox(self)
        self.label_box.addItems([str(digit) for digit in range(10)])
        self._fit_label_box()
        self.label_box.setCurrentIndex(-1)
        self.label_box.setToolTip(QCoreApplication.translate("DrawView", "The digit you drew"))
        self.label_box.setAccessibleName(QCoreApplication.translate("DrawView", "Label of the drawing"))
        self.add_button = QPushButton(QCoreApplication.translate("DrawView", "Add to my digits"), self)
        self.add_button.setToolTip(add_button_help())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.take_back_button = QPushButton(QCoreApplication.translate("DrawView", "Take it back"), self)
        self.take_back_button.setToolTip(QCoreApplication.translate(
            "DrawView", "Remove the digit just saved from “{data}” and put the drawing back on the canvas, to label "
                        "it again").format(data=label("dataset", "my_digits")))
        self.take_back_button.hide()
        self._saved: tuple[int, int] | None = None  # (label, digits in the file) of the save Take it back undoes

        images = QHBoxLayout()
        images.addWidget(self.input_panel)
        images.addWidget(self.saliency_panel)
        side = QVBoxLayout()
        side.addWidget(self.chart, 3)
        side.addLayout(images, 2)
        body = QHBoxLayout()
        body.addWidget(self.canvas, 3)
        body.addLayout(side, 2)
        # Groups that wrap onto a second line in a narrow window rather than widen it (see FlowLayout).
        tools = FlowLayout(spacing=18)
        brush_label = QLabel(QCoreApplication.translate("DrawView", "Brush"), self)
        for group in ((self.clear_button, self.undo_button), (brush_label, self.brush_slider),
                      (self.label_box, self.add_button)):
            tools.add_group(self, *group)
        heading = QHBoxLayout()
        heading.addWidget(self.model_label, 1)
        heading.addWidget(self.shipped_button)
        rows = QVBoxLayout()
        rows.addLayout(heading)
        rows.addWidget(self.note)
        rows.addLayout(body, 1)
        rows.addLayout(tools)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.take_back_button, 0, Qt.AlignmentFlag.AlignTop)
        rows.addLayout(status_row)
        self.page = DrawPage(rows, body)
        # Its smallest size was the window's smallest height: 595 pixels and more, a laptop's 700-pixel screen
        # less its title and task bars. A shorter window scrolls the view instead.
        scroll = VerticalScrollArea(self.page)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no tab stop of its own: Tab to a control scrolls it into sight
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.canvas.drawing_changed.connect(self._drawing_changed)
        self.canvas.stroke_finished.connect(self._classify_pending)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.brush_slider.valueChanged.connect(self._set_brush)
        self.label_box.currentIndexChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self.add_to_my_digits)
        self.take_back_button.clicked.connect(self.take_back_digit)
        self.shipped_button.clicked.connect(self.use_shipped_model)
        # Esc and Ctrl+Z also work while the label box or the brush slider has the keyboard, not only the
        # canvas. A text field keeps its own Ctrl+Z and an open list its Esc: Qt asks them first.
        for key, command in ((QKeySequence(Qt.Key.Key_Escape), self.canvas.clear),
                             (QKeySequence(QKeySequence.StandardKey.Undo), self.canvas.undo)):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(command)
        self._update_buttons()

    # ------------------------------------------------------------------ the view interface
    @classmethod
    def applies_to(cls, dataset) -> bool:
        """Always: with non-image data the view explains why drawing is unavailable."""
        return True

    def reset(self, experiment) -> None:
        """A new run, on fresh weights (or on those Go back restored, whose snapshot follows): prepare a copy
        of its network. It takes over at once from an earlier run's model, which the window discarded (Reset
        left drawings classified by a trained network that was no longer there), else at its first snapshot."""
        self.on_run_ended()  # the last run's, if it is the current model
        if self._model is not None and not self._model.unavailable:
            self._show_note(None)  # the last run's model was refused; this run's may not be
        self.experiment = experiment
        self._run_network = Network.from_config(experiment.network.config(), initialize=False)
        self._run_progress = None
        self._run_phase, self._run_took_over = "idle", False
        if self._origin == "run":
            self._run_network.load_state(experiment.network.state())
            self._run_progress = (experiment.dataset.name, 0)
            self._follow_run_model()

    def on_run_ended(self) -> None:
        """Training ended (finished, stopped, failed or discarded): the run's model, if it is the current
        one, is no longer named as being trained."""
        if self._run_phase in ("training", "paused"):
            self._set_run_phase("idle")

    def on_run_finished(self, event) -> None:
        """The run ended as ``event`` (core.events.TrainingFinished) says: completed, stopped early, stopped
        or diverged — how the model line names its model from now on."""
        self._set_run_phase(event.reason if event.reason in RUN_PHASES else "idle")

    def set_training(self, training: bool) -> None:
        """Whether a run changes the weights. When training starts or resumes (``training`` turns True), the
        run's model takes over again at its next snapshot, also from a chosen shipped model; when it pauses,
        it is named paused. No network at all (data not loaded, a network refused) is not training: the model
        of a stopped run was named "being trained" once other data that could not be loaded were chosen."""
        if training and not self._training:
            self._following_run = True
            self._set_run_phase("training")
        elif self._training and not training and self._run_phase == "training":
            self._set_run_phase("paused")  # a run that ends says so next (on_run_finished, on_run_ended)
        self._training = training

    def _set_run_phase(self, phase: str) -> None:
        self._run_phase = phase
        if self._showing_run_model():
            self._show_run_model()

    def _showing_run_model(self) -> bool:
        return self._model is not None and self._model.network is self._run_network and self._run_progress is not None

    def on_progress(self, progress) -> None:
        """Load the progress message's weight snapshot (if any) into the view's copy of the network."""
        snapshot = progress.snapshot
        if snapshot is None or self._run_network is None:
            return
        self._run_network.load_state(snapshot.state)
        self._run_progress = (self.experiment.dataset.name, snapshot.step)
        if self._following_run:
            self._follow_run_model()

    def _follow_run_model(self) -> None:
        """Classify with the run's model at its last snapshot, unless it cannot classify drawings and the
        current model can."""
        dataset = self.experiment.dataset
        if self._showing_run_model():
            self._show_run_model()
            self._changed()
            return
        model = describe_model(self._run_network, self._run_naming(), dataset.name, dataset.image_shape,
                               dataset.scaler, dataset.class_names)
        if model.unavailable and self._model is not None and not self._model.unavailable:
            # A run on data that is not images keeps the last model that can classify drawings: nothing is
            # wrong, the note says why (three lines in the warning colour looked like an error).
            self._show_note(lambda: QCoreApplication.translate(
                "DrawView", "This run's model, of {data}, cannot classify drawings: they go on to the model named "
                            "above.").format(data=label("dataset", dataset.name)), warning=False)
            return
        # a newcomer's Start swapped a 98.7 % model for one that begins at chance: the note says so
        self._run_took_over = self._origin == "shipped"
        self._set_current(model, "run")
        self._show_run_model()

    def _show_run_model(self) -> None:
        """Name the run's model, the current one, by the run's phase, and say what to make of it."""
        self._model = replace(self._model, naming=self._run_naming())
        self._show_model()
        if self._model.problem is not None:
            return  # the note says why drawing is unavailable
        name, phase = self._run_progress[0], self._run_phase
        if phase == events.DIVERGED:
            self._show_note(diverged_text)
        elif self._run_took_over:
            self._show_note(lambda: taking_over_text(name, phase), warning=False)
        else:
            self._show_note(None)

    def _run_naming(self) -> Words:
        """The run's model as the model line names it, after its last snapshot, in the run's phase now."""
        (name, step), phase = self._run_progress, self._run_phase
        return lambda: run_model_name(name, step, phase)

    def export(self, path) -> None:
        """Write the view as an image (.png, .svg) or the probabilities as a table (.csv)."""
        path = Path(path)
        suffix = export_suffix(path)
        self.refresh()
        if suffix == ".png":  # the whole page, also where a short window scrolls it
            if not self.page.grab().save(str(path)):
                raise ValueError(f"could not write {path}")
        elif suffix == ".svg":
            generator = svg_file(path, self.page.size(), self.title)  # kept while the painter draws on it
            painter = svg_painter(generator, path)
            try:
                self.page.render(painter, QPoint())
            finally:
                painter.end()
        else:
            probabilities = self.chart.probabilities()
            if probabilities is None:
                raise ValueError(QCoreApplication.translate(
                    "DrawView", "There is nothing to export yet: draw a digit for its probabilities."))
            write_csv(path, ["class", "probability"], zip(self._model.class_names, probabilities.tolist()))

    # ------------------------------------------------------------------ models
    def set_model(self, network: Network, metadata: dict | None = None, source: str | None = None) -> None:
        """Classify with (a copy of) ``network`` from now on; ``metadata`` as :func:`core.model_io.load_model`
        returns it (``dataset``, ``image_shape``, ``scaling``, ``class_names``…). ``source`` names it for
        the model line, as the caller's text ("a loaded model" without)."""
        self._set_current(self._described(network, metadata, source), "loaded")

    def _described(self, network: Network, metadata: dict | None, naming: Words | str | None) -> CurrentModel:
        metadata = dict(metadata or {})
        copy = network.copy()
        try:
            scaler = scaler_from_metadata(metadata, copy.n_inputs)
        except ValueError as error:
            scaler, problem = None, str(error)
        else:
            problem = ""
        model = describe_model(copy, naming if naming is not None else unnamed_model_name, metadata.get("dataset"),
                               metadata.get("image_shape"), scaler, metadata.get("class_names") or ())
        if problem and not model.unavailable:
            model = replace(model, target=None, scaler=None, problem=lambda: problem)
        return model

    def load_model(self, path) -> dict:
        """Load a model file (ValueError naming the problem if it is unusable) and classify with it."""
        network, metadata = model_io.load_model(path)
        name = Path(path).name
        self._set_current(self._described(network, metadata, lambda: QCoreApplication.translate(
            "DrawView", "the model loaded from {name}").format(name=name)), "loaded")
        return metadata

    def current_model(self) -> CurrentModel | None:
        return self._model

    def classifies_drawn_digits(self) -> bool:
        """Whether the current model classifies drawn digits with what it learnt: a model of MNIST's or the 8×8
        digits, loaded, shipped or the run's once it has trained; not one of garments or of data that is not
        images, nor a run's untrained weights or the last finite ones of a run that diverged."""
        if self._model is None or self._model.target not in DIGIT_TARGETS:
            return False
        if not self._showing_run_model():
            return True
        _, step = self._run_progress
        return step > 0 and self._run_phase != events.DIVERGED

    def use_shipped_model(self) -> None:
        """Classify with the shipped MNIST model, whatever was trained or loaded since, until training
        starts or resumes (then the run's model takes over at its next snapshot)."""
        if self._shipped is None:
            return
        self._following_run = False
        network, metadata = self._shipped
        accuracy = metadata.get("test_accuracy")
        self._set_current(self._described(network, metadata, lambda: shipped_model_name(accuracy)), "shipped")

    def _load_shipped_model(self, path: Path) -> None:
        try:
            self._shipped = model_io.load_model(path)
        except ValueError as error:
            problem = str(error)  # the name "error" is gone after this block, when a language change words it again
            self.chart.show_message(QCoreApplication.translate("DrawView", "no model"))
            self._show_note(lambda: QCoreApplication.translate(
                "DrawView", "The shipped model could not be read ({error}). Train a model on mnist or digits, or "
                            "load one.").format(error=problem))
            return
        self.use_shipped_model()
        self._following_run = True  # until a run's first snapshot

    def _set_current(self, model: CurrentModel, origin: str) -> None:
        """Classify with ``model``, which comes from ``origin`` ("shipped", "loaded" or "run")."""
        self._model, self._origin = model, origin
        if model.target is None:
            self._preprocessor = None
        elif self._preprocessor is None or self._preprocessor.target != model.target:
            self._preprocessor = DrawingPreprocessor(model.target, CANVAS_SIZE)
        self._show_model()
        self._show_input_format()
        self._write_painted_texts()  # the canvas asks for a digit, or a garment
        self._show_note(None if model.problem is None else lambda: QCoreApplication.translate(
            "DrawView", "Drawing is unavailable: {problem}.").format(problem=model.unavailable))
        self.shipped_button.setEnabled(self._shipped is not None and origin != "shipped")
        self._update_buttons()
        self._changed()

    def _show_input_format(self) -> None:
        """The input's format goes with the model, under the input panel: none for a model that cannot
        classify drawings, whose box stays empty."""
        target = self._model.target if self._model is not None else None
        self.input_panel.set_image(self.input_panel.image, legend=((None, format_caption(target) if target else ""),))
        self.input_panel.setToolTip(format_help(target) if target else "")

    def _show_note(self, words: Words | None, warning: bool = True) -> None:
        """Show ``words()`` above the canvas (nothing for None), composed again in a new language; in the
        warning colour unless the note only says how the drawings are classified."""
        self._note_words, self._note_is_warning = words, warning
        text = words() if words is not None else ""
        self.note.setText(text)
        style = f"color: {palette.OKABE_ITO['vermillion']};" if warning else ""
        if self.note.styleSheet() != style:  # the same again re-styles the label all the same: 5 ms of a language switch
            self.note.setStyleSheet(style)
        self.note.setVisible(bool(text))

    def _show_model(self) -> None:
        self.model_label.setText(QCoreApplication.translate("DrawView", "Classifying with {source}.").format(
            source=self._model.source))

    def _write_painted_texts(self) -> None:
        """The texts the canvas and the image panels paint themselves, in the interface language."""
        self.canvas.hint = QCoreApplication.translate(
            "DrawView", "Draw a garment here, shoes pointing left as in Fashion-MNIST: its outline is filled in") \
            if self._model is not None and self._model.target == "fashion" \
            else QCoreApplication.translate("DrawView", "Draw a digit here")
        self.input_panel.caption = QCoreApplication.translate("DrawView", "What the network sees")
        self.saliency_panel.caption = QCoreApplication.translate("DrawView", SALIENCY_CAPTION)
        self.saliency_panel.legend = ((QColor(*_SIGNED_TABLE[-1]), QCoreApplication.translate("DrawView", "raises")),
                                      (QColor(*_SIGNED_TABLE[0]), QCoreApplication.translate("DrawView", "lowers")))
        self.input_panel.fit_words(self.input_panel.caption, *map(format_caption, FORMATS))
        names = self._model.shown_class_names if self._model is not None else tuple(map(str, range(10)))
        self.saliency_panel.fit_words(self.saliency_panel.caption, *map(saliency_caption, names))

    def _fit_label_box(self) -> None:
        """The label box's placeholder in the interface language, and the box as wide as it (or a digit).
        QComboBox measures its placeholder only once (Qt 6.11): after a switch to Russian it cut "метка" to
        "метк"."""
        box = self.label_box
        box.setPlaceholderText(QCoreApplication.translate("DrawView", "label"))
        metrics = box.fontMetrics()
        texts = [box.placeholderText(), *(box.itemText(index) for index in range(box.count()))]
        contents = QSize(max(metrics.boundingRect(text).width() for text in texts), max(metrics.height(), 14) + 2)
        option = QStyleOptionComboBox()
        box.initStyleOption(option)
        box.setFixedWidth(box.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, contents, box).width())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "saliency_panel"):
            self._write_painted_texts()
            self._fit_label_box()
            self._show_input_format()
            self.predict()  # the chart's message and the panels' captions name the drawing's result
            self._show_status(self._status_words)
            self._show_note(self._note_words, self._note_is_warning)
            self._update_buttons()  # the Add button's tooltip
            if self._model is not None and not isinstance(self._model.naming, str):
                self._show_model()  # a caller's name for the model was translated where shown (app.i18n)
        elif event.type() == QEvent.Type.FontChange and hasattr(self, "label_box"):
            self._fit_label_box()
        super().changeEvent(event)

    # ------------------------------------------------------------------ drawing → prediction
    def predict(self) -> None:
        """Classify the drawing with the current model and show the result (or why there is none)."""
        self._stale = False
        self._classify_soon.stop()
        model = self._model
        if model is None or model.target is None:
            self.chart.show_message(QCoreApplication.translate("DrawView", "drawing unavailable") if model is not None else QCoreApplication.translate("DrawView", "no model"))
            self._show_images(None, None)
            return
        image = self._preprocessor(self.canvas.strokes())
        if image is None:  # nothing, or a dot or a mark shorter than the preprocessing's smallest digit
            self.chart.show_message(QCoreApplication.translate("DrawView", "nothing drawn") if self.canvas.is_empty()
                                    else QCoreApplication.translate("DrawView", "too small to classify"))
            self._show_images(None, None)
            return
        network_input = image if model.scaler is None else scale_drawing(image, model.target, model.scaler)
        result = saliency(model.network, network_input)
        self.chart.set_probabilities(result.probabilities, model.shown_class_names)
        self._show_images(image, result)

    def _show_images(self, image, result) -> None:
        if image is None:
            self.input_panel.set_image(None)
            self.saliency_panel.set_image(None, QCoreApplication.translate("DrawView", SALIENCY_CAPTION))
            return
        side = input_side(self._model.target)
        ink = image.reshape(side, side)
        self.input_panel.set_image(gray_image(ink))
        name = self._model.shown_class_names[result.top_class]
        self.saliency_panel.set_image(saliency_image(ink, result.gradient.reshape(side, side)), saliency_caption(name))

    def _drawing_changed(self) -> None:
        self._offer_take_back(None)  # the drawing moved on: Take it back would put an old one over it
        if self.canvas.pen_down:
            self._hold_pen_priority(True)
            self._classify_soon.start()
        else:  # undone or cleared
            self._hold_pen_priority(False)
            self.predict()
        self._update_buttons()
        if self.canvas.is_empty():
            self._show_status(None)

    def _classify_pending(self) -> None:
        """The stroke ended: classify now what is still waiting, so that it ends classified."""
        self._hold_pen_priority(False)
        if self._classify_soon.isActive():
            self.predict()

    def _hold_pen_priority(self, held: bool) -> None:
        """While the pen is down, other threads hand the interpreter lock to the GUI thread after
        PEN_DOWN_SWITCH_INTERVAL instead of Python's 5 ms (the interval is the process's, so it is
        given back as it was when the pen lifts, the canvas is cleared or the view hides)."""
        if held and self._switch_interval_before_pen is None:
            self._switch_interval_before_pen = sys.getswitchinterval()
            sys.setswitchinterval(PEN_DOWN_SWITCH_INTERVAL)
        elif not held and self._switch_interval_before_pen is not None:
            sys.setswitchinterval(self._switch_interval_before_pen)
            self._switch_interval_before_pen = None

    def _changed(self) -> None:
        if self.isVisible():
            self.predict()
        else:
            self._stale = True

    def refresh(self) -> None:
        if self._stale:
            self.predict()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # chosen (its tab, the start page's "Draw a digit"), not a window restored
            self._take_keyboard()
        self.refresh()

    def _take_keyboard(self) -> None:
        """Give the canvas the keyboard, as a chosen page gets it, so that Esc and Ctrl+Z work at once: it
        stayed on the tab bar. Not from a widget of the view, nor from a text field one is typing in."""
        focus = QApplication.focusWidget()
        typing = focus is not None and focus.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
        # Arrowing along the tab bar (no mouse button down) passes the Draw tab by: the keyboard stays there.
        arrowing = isinstance(focus, QTabBar) and QApplication.mouseButtons() == Qt.MouseButton.NoButton
        if focus is None or not (self.isAncestorOf(focus) or typing or arrowing):
            self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event) -> None:
        self._hold_pen_priority(False)
        super().hideEvent(event)

    # ------------------------------------------------------------------ tools
    def _set_brush(self, width: int) -> None:
        self.canvas.brush_width = float(width)

    def _update_buttons(self) -> None:
        drawn = not self.canvas.is_empty()
        self.clear_button.setEnabled(drawn)
        self.undo_button.setEnabled(self.canvas.can_undo())
        # my_digits holds digits: a garment drawn for a Fashion-MNIST model was saved as one
        takes_digits = self._model is None or self._model.target != "fashion"
        self.label_box.setEnabled(takes_digits)
        self.add_button.setEnabled(takes_digits and drawn and self.label_box.currentIndex() >= 0)
        self.add_button.setToolTip(add_button_help(takes_digits))

    def add_to_my_digits(self) -> int | None:
        """Save the drawing (in MNIST's format) with the chosen label; returns the number of saved digits."""
        label = self.label_box.currentIndex()
        if label < 0 or self.canvas.is_empty():
            self._show_status(lambda: QCoreApplication.translate("DrawView",
                                                                 "Draw a digit and choose its label first."))
            return None
        image = preprocess_drawing(self.canvas.strokes(), "mnist", canvas_size=CANVAS_SIZE)
        if image is None:  # said in words, like the chart's "too small to classify": a grey button says nothing
            self._show_status(lambda: QCoreApplication.translate(
                "DrawView", "This drawing is too small to save, as it is to classify: draw the digit larger."))
            return None
        # my_digits is split like any data set: with the run's validation split when it is chosen.
        validation_split = DEFAULT_VALIDATION_SPLIT if self.experiment is None else \
            self.experiment.config.data.validation_split
        try:
            saved_labels = add_user_digit(image, label)
        except OSError as error:  # the file's folder, not the temporary file's name: where there is no room
            failure, folder = error, user_digits_path().parent  # "error" is gone when a language change words it
            self._show_status(lambda: QCoreApplication.translate(
                "DrawView", "Could not save the digit ({error}). Make room there or make the folder writable "
                "(MLP_WORKBENCH_USER_DIR chooses another), then add it again.").format(
                    error=f"{os_error_reason(failure)}: {folder}" if failure.strerror else str(failure)))
            return None
        except ValueError as error:
            problem = str(error)  # the name "error" is gone after this block, when a language change words it again
            self._show_status(lambda: QCoreApplication.translate("DrawView", "Could not save the digit: {error}")
                              .format(error=problem))
            return None
        count, needed = len(saved_labels), digits_still_needed(saved_labels, validation_split)
        self.canvas.clear()
        self.label_box.setCurrentIndex(-1)  # the next drawing is labelled anew, not saved as this one by a click
        self._show_status(lambda: self._saved_text(label, count, needed))
        self._offer_take_back((label, count))
        self.user_digit_added.emit(count)
        return count

    def _offer_take_back(self, saved: tuple[int, int] | None) -> None:
        self._saved = saved
        self.take_back_button.setVisible(saved is not None)

    def take_back_digit(self) -> None:
        """Remove the digit just saved (a wrong label is a lasting mistake in a training set) and put its
        drawing back on the canvas with its label, to label again."""
        if self._saved is None:
            return
        digit, count = self._saved
        try:
            left = len(remove_last_user_digit(count))
        except (OSError, ValueError) as error:
            problem = os_error_reason(error) if isinstance(error, OSError) else str(error)
            self._offer_take_back(None)
            self._show_status(lambda: QCoreApplication.translate("DrawView", "Could not take the digit back: {error}")
                              .format(error=problem))
            return
        if self.canvas.is_empty() and self.canvas.can_undo():
            self.canvas.undo()  # the drawing the save cleared
        self._offer_take_back(None)
        self.label_box.setCurrentIndex(digit)
        self._show_status(lambda: english_plural(self.tr(
            "Took the {label} back: “{data}” holds %Ln digit(s).", None, left), left).format(
                label=digit, data=label("dataset", "my_digits")))

    def _saved_text(self, digit: int, count: int, needed) -> str:
        """What saving a digit did, and whether my_digits can be trained now or how many more of which
        digits to draw first (``needed``, see :func:`core.datasets.user_digits.digits_still_needed`)."""
        data = label("dataset", "my_digits")
        if needed.any():
            text = self.tr("Saved as a {label}: “{data}” now holds %Ln digit(s). Before it can be trained, with "
                           "every digit in its training, validation and test parts, draw more — {groups}.",
                           None, count)
            return english_plural(text, count).format(label=digit, data=data, groups=digits_to_draw_text(needed))
        text = self.tr("Saved as a {label}: “{data}” now holds %Ln digit(s) (choose the data set “{data}”, or mix "
                       "them into MNIST training).", None, count)
        return english_plural(text, count).format(label=digit, data=data)

    def _show_status(self, words=None) -> None:
        """Show ``words()`` under the tools (nothing for None), composed again in a new language."""
        self._status_words = words
        self.status.setText(words() if words is not None else "")
