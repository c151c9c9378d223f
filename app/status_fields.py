"""The status bar's fields shown whole: where the window is too narrow for all of them, the least needed
are left out, instead of every field being cut ("эпоха 162/5(", "точность на") as Qt squeezes them."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget


class StatusFields(QObject):
    """Keeps ``fields`` (the status bar's labels, in the order of need: the first is the last left out)
    within the width ``bar`` leaves beside ``permanent`` (its widgets on the right). It looks again whenever
    the bar is resized or a field's text changes its size (each asks the bar for a new layout), and when a
    temporary message gives the bar back to the fields."""

    def __init__(self, bar: QStatusBar, fields: list[QLabel], permanent: list[QWidget]):
        super().__init__(bar)
        self.bar, self.fields, self.permanent = bar, fields, permanent
        bar.installEventFilter(self)
        bar.messageChanged.connect(self.fit)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit()
        return False

    def fit(self, *_message) -> None:
        if self.bar.currentMessage():
            return  # the message has the bar; the fields come back when it goes
        spacing = self.bar.layout().spacing() if self.bar.layout() is not None else 0
        room = self.bar.contentsRect().width() - sum(widget.sizeHint().width() + spacing
                                                     for widget in self.permanent if widget.isVisibleTo(self.bar))
        room -= 2 * spacing + self.bar.style().pixelMetric(self.bar.style().PixelMetric.PM_SizeGripSize)
        for field in self.fields:
            width = field.sizeHint().width() + spacing
            shown = width <= room
            if shown != field.isVisibleTo(self.bar):
                field.setVisible(shown)
            if shown:
                room -= width
