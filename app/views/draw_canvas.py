"""The square drawing canvas of the Draw view: strokes in, a list of point arrays out.

The canvas keeps what was drawn as strokes — polylines of points in *canvas units* (0 … 1 across
the square, whatever its size on screen) — so that the drawing survives a resize and the engine's
preprocessing renders it at its own resolution. The brush only decides how the ink looks here.

Pen and touch input arrive as the mouse events Qt synthesises from unhandled tablet and touch
events, so one code path serves all three.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

REFERENCE_SIDE = 280
"""Logical pixels of the canvas's side at its preferred size; brush widths are given at this size."""

DEFAULT_BRUSH = 18.0
BRUSH_RANGE = (4.0, 40.0)

PAPER = QColor("#FFFFFF")
INK = QColor("#1A1A1A")
FRAME = QColor("#8C8C8C")
HINT = QColor("#A0A0A0")


class DrawCanvas(QWidget):
    """A square to draw digits on with a round anti-aliased brush (objectName ``drawCanvas``).

    Left button (pen tip, finger) draws; ``Esc`` clears, ``Ctrl+Z`` (the platform's Undo) removes
    the last stroke.
    """

    drawing_changed = Signal()
    """drawing_changed(): a point was added, or a stroke removed (undo, clear)."""
    stroke_finished = Signal()
    """stroke_finished(): the pen was lifted; the stroke it drew is complete."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drawCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 160)
        self._strokes: list[list[tuple[float, float]]] = []
        self._widths: list[float] = []  # brush width of each stroke, in canvas units
        self._arrays: list[np.ndarray] = []  # finished strokes as (k, 2) arrays
        # The stroke being drawn is also kept in the first _length rows of a growing array, so that
        # strokes() on every mouse move copies it instead of converting a list of tuples.
        self._current = np.empty((256, 2))
        self._length = 0
        self._drawing = False
        self._cleared: tuple[list, list, list] | None = None  # what clear() took away, for undo()
        self._held_square: QRectF | None = None  # see _set_pen_down
        self._brush = DEFAULT_BRUSH
        # The paper with all the ink, at the screen's resolution. A mouse move adds one segment to
        # it, so a repaint costs the same however long the drawing; rebuilt when strokes go away.
        self._ink: QPixmap | None = None
        self._hint = ""

    @property
    def hint(self) -> str:
        """What the empty paper says (painted into the ink picture, so a new hint repaints it)."""
        return self._hint

    @hint.setter
    def hint(self, text: str) -> None:
        self._hint = text
        if not self._strokes:
            self._ink = None
            self.update()

    # ------------------------------------------------------------------ what was drawn
    def clear(self) -> None:
        """Remove every stroke; :meth:`undo` brings them back until a new stroke begins (Esc is pressed
        without a thought)."""
        if self._strokes:
            self._end_stroke(announce=False)
            self._cleared = (self._strokes, self._widths, self._arrays)
            self._strokes, self._widths, self._arrays = [], [], []
            self._ink = None
            self.update()
            self.drawing_changed.emit()

    def undo(self) -> None:
        """Remove the last stroke; on a canvas just cleared, bring back what it held."""
        if self._strokes:
            self._strokes.pop()
            self._widths.pop()
            del self._arrays[len(self._strokes):]
            self._set_pen_down(False)
        elif self._cleared is not None:
            (self._strokes, self._widths, self._arrays), self._cleared = self._cleared, None
        else:
            return
        self._ink = None
        self.update()
        self.drawing_changed.emit()

    def can_undo(self) -> bool:
        """Whether :meth:`undo` would change the drawing."""
        return bool(self._strokes) or self._cleared is not None

    def strokes(self) -> list[np.ndarray]:
        """Each stroke as a (k, 2) float array of (x, y) in canvas units (0 … 1 across the square)."""
        if self._drawing:
            return self._arrays + [self._current[:self._length].copy()]
        return list(self._arrays)

    def is_empty(self) -> bool:
        return not self._strokes

    @property
    def pen_down(self) -> bool:
        """Whether a stroke is being drawn (its points keep coming)."""
        return self._drawing

    @property
    def stroke_count(self) -> int:
        return len(self._strokes)

    @property
    def brush_width(self) -> float:
        """Width of the brush for new strokes, in logical pixels of a canvas of REFERENCE_SIDE."""
        return self._brush

    @brush_width.setter
    def brush_width(self, width: float) -> None:
        low, high = BRUSH_RANGE
        if not low <= width <= high:
            raise ValueError(f"brush width must lie in {low:g} … {high:g} pixels, got {width!r}")
        self._brush = float(width)

    # ------------------------------------------------------------------ geometry
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def sizeHint(self) -> QSize:
        return QSize(REFERENCE_SIDE, REFERENCE_SIDE)

    def square(self) -> QRectF:
        """The drawing square, centred in the widget (which may be wider or taller than it); while a
        stroke is drawn, where it was in the window when the stroke began (see _set_pen_down)."""
        if self._held_square is not None:
            return self._held_square.translated(-self._offset_in_window())
        side = float(min(self.width(), self.height()))
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _offset_in_window(self) -> QPointF:
        return QPointF(self.mapTo(self.window(), QPoint(0, 0)))

    def _set_pen_down(self, down: bool) -> None:
        """While a stroke is drawn the square stays where it is in the window, whatever the layout
        does meanwhile (a note appears above the canvas, a longer text beside it): the hand goes on
        where it was, and a square that moved or shrank in the middle of a stroke bent the rest of it.
        The stroke's end lets the square take its place in the widget again."""
        self._drawing = down
        if down:
            self._held_square = self.square().translated(self._offset_in_window())
            return
        held, self._held_square = self.square(), None
        if held != self.square():
            if held.size() != self.square().size():
                self._ink = None
            self.update()

    def _to_canvas(self, position: QPointF) -> tuple[float, float]:
        """The canvas point under ``position``, on the square's edge if beyond it: a stroke dragged out
        of the square would otherwise give the network ink that nobody sees."""
        square = self.square()
        x = (position.x() - square.x()) / square.width()
        y = (position.y() - square.y()) / square.height()
        return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)

    # ------------------------------------------------------------------ input
    def mousePressEvent(self, event) -> None:
        # Anywhere in the widget: a press beside the square starts on its edge, as a stroke dragged out ends there.
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._end_stroke()  # its release went elsewhere (a window took the focus, a tab switched mid-stroke)
        self._cleared = None
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        point = self._to_canvas(event.position())
        self._strokes.append([point])
        self._current[0], self._length = point, 1
        self._widths.append(self._brush / REFERENCE_SIDE)
        self._set_pen_down(True)
        if len(self._strokes) == 1:
            self._ink = None  # the hint goes when the first stroke begins
        self._add_ink([point])
        self.drawing_changed.emit()

    def mouseMoveEvent(self, event) -> None:
        if not (self._drawing and event.buttons() & Qt.MouseButton.LeftButton):
            self._end_stroke()  # the button is up: its release went elsewhere
            super().mouseMoveEvent(event)
            return
        point = self._to_canvas(event.position())
        stroke = self._strokes[-1]
        if point == stroke[-1]:
            return
        stroke.append(point)
        if self._length == len(self._current):
            self._current = np.concatenate([self._current, np.empty_like(self._current)])
        self._current[self._length] = point
        self._length += 1
        self._add_ink(stroke[-2:])
        self.drawing_changed.emit()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._drawing:
            super().mouseReleaseEvent(event)
            return
        self._end_stroke()

    def hideEvent(self, event) -> None:
        self._end_stroke()  # the release will go to whatever is shown instead
        super().hideEvent(event)

    def _end_stroke(self, announce: bool = True) -> None:
        """The pen lifts: the stroke being drawn, if any, is complete (``stroke_finished`` if ``announce``).
        A stroke left open took no part in what the network was given once the next one began (the canvas
        showed a 7, the network a 1)."""
        if not self._drawing:
            return
        self._set_pen_down(False)
        self._arrays.append(self._current[:self._length].copy())
        if announce:
            self.stroke_finished.emit()

    def event(self, event) -> bool:
        # Claim Esc and Undo before window-wide shortcuts (a main window's Undo) can take them.
        if event.type() == QEvent.Type.ShortcutOverride and self._handles(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        else:
            super().keyPressEvent(event)

    @staticmethod
    def _handles(event) -> bool:
        return event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Undo)

    # ------------------------------------------------------------------ painting
    def _add_ink(self, points) -> None:
        """Paint a dot or a segment of the current stroke onto the ink, and repaint just that."""
        if self._ink is None:
            self.update()  # paintEvent renders every stroke, this one included
            return
        square = self.square()
        painter = QPainter(self._ink)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_stroke(painter, QRectF(0, 0, square.width(), square.height()), points, self._widths[-1])
        painter.end()
        side = square.width()
        margin = self._widths[-1] * side / 2 + 2
        xs, ys = [x for x, _ in points], [y for _, y in points]
        self.update(QRectF(square.x() + min(xs) * side - margin, square.y() + min(ys) * side - margin,
                           (max(xs) - min(xs)) * side + 2 * margin,
                           (max(ys) - min(ys)) * side + 2 * margin).toAlignedRect())

    def resizeEvent(self, event) -> None:
        self._ink = None
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        square = self.square()
        if self._ink is None:
            self._ink = self._paint_all_strokes(square)
        painter.drawPixmap(square.topLeft(), self._ink)
        painter.setPen(QPen(FRAME, 1))
        painter.drawRect(square.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def _paint_all_strokes(self, square: QRectF) -> QPixmap:
        """The paper with every stroke (or the hint), at the screen's pixel density."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(square.width() * ratio)), max(1, round(square.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(PAPER)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        origin = QRectF(0, 0, square.width(), square.height())
        if not self._strokes and self._hint:
            painter.setPen(HINT)
            painter.drawText(origin, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._hint)
        for stroke, width in zip(self._strokes, self._widths):
            self._paint_stroke(painter, origin, stroke, width)
        painter.end()
        return pixmap

    @staticmethod
    def _paint_stroke(painter: QPainter, square: QRectF, stroke, width: float) -> None:
        """A polyline of canvas points with the round brush of ``width`` canvas units."""
        side = square.width()
        painter.setPen(QPen(INK, width * side, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        points = [QPointF(square.x() + x * side, square.y() + y * side) for x, y in stroke]
        if len(points) == 1:
            painter.drawPoint(points[0])
            return
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.drawPath(path)
