"""A dismissible message strip above the views: what happened and what to do, never a traceback."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from app.panels.widgets import breakable, unbroken

LEVEL_STYLES = {
    "info": "background: #e3f2fd; border: 1px solid #90caf9;",
    "warning": "background: #fff8e1; border: 1px solid #ffcc80;",
    "error": "background: #fdecea; border: 1px solid #ef9a9a;",
}
LEVEL_ICONS = {"info": QStyle.StandardPixmap.SP_MessageBoxInformation,
               "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
               "error": QStyle.StandardPixmap.SP_MessageBoxCritical}


MAX_LINES = 3
"""Messages shown at once: a new one is added below the others until the bar is dismissed."""


class MessageBar(QFrame):
    """Shows the latest messages (up to MAX_LINES) at the most severe of their levels until dismissed,
    with a button for what a message offers to do about it (its action) until then."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss this message"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.dismiss)
        self.action_button = QToolButton()
        self.action_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.action_button.hide()
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.level = None
        self._lines: list[str] = []
        self.hide()

    def show_message(self, text: str, level: str = "info", action: QAction | None = None) -> None:
        if level not in LEVEL_STYLES:
            raise ValueError(f"message level must be one of {', '.join(LEVEL_STYLES)}, got {level!r}")
        if self.isHidden():
            self._lines, self.level = [], level
            self.action_button.hide()
        if action is not None:
            self.action_button.setDefaultAction(action)
            self.action_button.show()
        self._lines = (self._lines + [text])[-MAX_LINES:]
        severity = list(LEVEL_STYLES)
        self.level = max(level, self.level, key=severity.index)
        level = self.level
        self.setStyleSheet(f"QFrame#messageBar {{ {LEVEL_STYLES[level]} border-radius: 4px; }}")
        self.icon.setPixmap(self.style().standardIcon(LEVEL_ICONS[level]).pixmap(20, 20))
        shown = "\n".join(self._lines)
        self.text.setText(breakable(shown))  # a long path must not widen the window
        self.setAccessibleName(shown)
        self.show()

    def withdraw(self, action: QAction) -> None:
        """The offer of ``action`` no longer stands: its message goes with it."""
        if not self.isHidden() and not self.action_button.isHidden() and self.action_button.defaultAction() is action:
            self.dismiss()

    def dismiss(self) -> None:
        self._lines = []
        self.action_button.hide()
        self.hide()

    def shows(self, text: str) -> bool:
        """Whether ``text`` is one of the messages shown."""
        return not self.isHidden() and text in self._lines

    def message(self) -> str:
        """The message shown (in the language it was last translated to), or "" when the bar is hidden."""
        return "" if self.isHidden() else unbroken(self.text.text())
