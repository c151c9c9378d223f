"""The square drawing canvas of the Draw view: strokes in, a list of point arrays out.

The canvas keeps what was drawn as strokes — polylines of points in *canvas units* (0 … 1 across
the square, whatever its size on screen) — so that the drawing survives a resize and the engine's
preprocessing renders it at its own resolution. The brush only decides how the ink looks here.

Pen and touch input arrive as the mouse events Qt synthesises from unhandled tablet and touch
events, so one code path serves all three.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
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
        self._drawing = False
        self._brush = DEFAULT_BRUSH
        self._finished_ink: QPixmap | None = None  # the finished strokes, painted once
        self._current_path: QPainterPath | None = None  # the stroke being drawn, grown point by point
        self.hint = ""

    # ------------------------------------------------------------------ what was drawn
    def clear(self) -> None:
        """Remove every stroke."""
        if self._strokes:
            self._strokes, self._widths, self._arrays = [], [], []
            self._drawing = False
            self._finished_ink = None
            self.update()
            self.drawing_changed.emit()

    def undo(self) -> None:
        """Remove the last stroke (nothing happens on an empty canvas)."""
        if self._strokes:
            self._strokes.pop()
            self._widths.pop()
            del self._arrays[len(self._strokes):]
            self._drawing = False
            self._finished_ink = None
            self.update()
            self.drawing_changed.emit()

    def strokes(self) -> list[np.ndarray]:
        """Each stroke as a (k, 2) float array of (x, y) in canvas units (0 … 1 across the square)."""
        if self._drawing:
            return self._arrays + [np.array(self._strokes[-1])]
        return list(self._arrays)

    def is_empty(self) -> bool:
        return not self._strokes

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
        """The drawing square, centred in the widget: the widget may be wider or taller than it."""
        side = float(min(self.width(), self.height()))
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_widget(self, point: tuple[float, float]) -> QPointF:
        square = self.square()
        return QPointF(square.x() + point[0] * square.width(), square.y() + point[1] * square.height())

    def _to_canvas(self, position: QPointF) -> tuple[float, float]:
        square = self.square()
        return ((position.x() - square.x()) / square.width(), (position.y() - square.y()) / square.height())

    # ------------------------------------------------------------------ input
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.square().contains(event.position()):
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._strokes.append([self._to_canvas(event.position())])
        self._widths.append(self._brush / REFERENCE_SIDE)
        self._drawing = True
        if len(self._strokes) == 1:
            self._finished_ink = None  # the hint goes when the first stroke begins
        self._current_path = None
        self.update()
        self.drawing_changed.emit()

    def mouseMoveEvent(self, event) -> None:
        if not (self._drawing and event.buttons() & Qt.MouseButton.LeftButton):
            super().mouseMoveEvent(event)
            return
        point = self._to_canvas(event.position())
        stroke = self._strokes[-1]
        if point == stroke[-1]:
            return
        stroke.append(point)
        if self._current_path is not None:
            self._current_path.lineTo(self._to_widget(point))
        self.update(self._segment_rect(stroke[-2], point, self._widths[-1]))
        self.drawing_changed.emit()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._drawing:
            super().mouseReleaseEvent(event)
            return
        self._drawing = False
        self._arrays.append(np.array(self._strokes[-1]))
        self._finished_ink = None

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
    def _segment_rect(self, start, end, width) -> QRectF:
        square = self.square()
        side = square.width()
        margin = width * side / 2 + 2
        x0, x1 = sorted((start[0], end[0]))
        y0, y1 = sorted((start[1], end[1]))
        return QRectF(square.x() + x0 * side - margin, square.y() + y0 * side - margin,
                      (x1 - x0) * side + 2 * margin, (y1 - y0) * side + 2 * margin).toAlignedRect()

    def resizeEvent(self, event) -> None:
        self._finished_ink = self._current_path = None
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        square = self.square()
        if self._finished_ink is None:
            self._finished_ink = self._paint_finished_strokes(square)
        painter.drawPixmap(square.topLeft(), self._finished_ink)
        painter.setPen(QPen(FRAME, 1))
        painter.drawRect(square.adjusted(0.5, 0.5, -0.5, -0.5))
        if self._drawing:
            painter.setClipRect(square)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self._current_path is None:
                self._current_path = self._path(square, self._strokes[-1])
            self._paint_stroke(painter, square, self._current_path, self._widths[-1])
        painter.end()

    def _paint_finished_strokes(self, square: QRectF) -> QPixmap:
        """The paper with every finished stroke (or the hint), at the screen's pixel density."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(square.width() * ratio)), max(1, round(square.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(PAPER)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        origin = QRectF(0, 0, square.width(), square.height())
        if not self._strokes and self.hint:
            painter.setPen(HINT)
            painter.drawText(origin, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)
        finished = len(self._strokes) - (1 if self._drawing else 0)
        for stroke, width in zip(self._strokes[:finished], self._widths[:finished]):
            self._paint_stroke(painter, origin, self._path(origin, stroke), width)
        painter.end()
        return pixmap

    @staticmethod
    def _path(square: QRectF, stroke) -> QPainterPath:
        side = square.width()
        points = [QPointF(square.x() + x * side, square.y() + y * side) for x, y in stroke]
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        return path

    @staticmethod
    def _paint_stroke(painter: QPainter, square: QRectF, path: QPainterPath, width: float) -> None:
        painter.setPen(QPen(INK, width * square.width(), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        if path.elementCount() == 1:  # a dot: a path of one point draws nothing
            painter.drawPoint(path.currentPosition())
        else:
            painter.drawPath(path)
