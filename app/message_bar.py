"""A dismissible message strip above the views: what happened and what to do, never a traceback."""
from __future__ import annotations

from typing import Callable, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from app.i18n import OWNER_TRANSLATES
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


class _Message(NamedTuple):
    text: str
    level: str
    compose: Callable[[], str] | None  # writes ``text`` again in the language installed, or None
    action: QAction | None  # what the message offers to do, a button while it is shown


class MessageBar(QFrame):
    """Shows the latest messages (up to MAX_LINES) at the most severe of their levels until dismissed,
    with a button for what each message offers to do about it (its action) until then."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setProperty(OWNER_TRANSLATES, True)  # message by message: see retranslate_texts
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss this message"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.dismiss)
        # A button per message at most: one button for several offers would show the newest only, the
        # others hidden in a menu behind it (“Keep my settings” under “Reopen it”).
        self.action_buttons = [QToolButton() for _ in range(MAX_LINES)]
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        for button in self.action_buttons:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.hide()
            layout.addWidget(button)
        layout.addWidget(self.close_button)
        self.level = None
        self._messages: list[_Message] = []
        self.hide()

    def show_message(self, text: str, level: str = "info", action: QAction | None = None, compose=None) -> None:
        """Add ``text`` to the messages shown. ``compose`` (optional) writes it again after a change of
        language, for a message of several translated texts (the texts of others are translated whole)."""
        if level not in LEVEL_STYLES:
            raise ValueError(f"message level must be one of {', '.join(LEVEL_STYLES)}, got {level!r}")
        if self.isHidden():
            self._messages = []
        self._messages = (self._messages + [_Message(text, level, compose, action)])[-MAX_LINES:]
        self._show_messages()

    @property
    def action_button(self) -> QToolButton:
        """The button of the newest offer (hidden when no message shown offers anything)."""
        shown = [button for button in self.action_buttons if not button.isHidden()]
        return shown[-1] if shown else self.action_buttons[0]

    def _show_actions(self) -> None:
        offers = list(dict.fromkeys(message.action for message in self._messages if message.action is not None))
        for index, button in enumerate(self.action_buttons):
            for action in button.actions():  # setDefaultAction adds; the ones before would make a menu
                button.removeAction(action)
            if index < len(offers):
                button.setDefaultAction(offers[index])
            button.setVisible(index < len(offers))

    def _show_messages(self) -> None:
        """The messages, at the most severe of their levels."""
        self.level = max((message.level for message in self._messages), key=list(LEVEL_STYLES).index)
        self.setStyleSheet(f"QFrame#messageBar {{ {LEVEL_STYLES[self.level]} border-radius: 4px; }}")
        self.icon.setPixmap(self.style().standardIcon(LEVEL_ICONS[self.level]).pixmap(20, 20))
        shown = "\n".join(message.text for message in self._messages)
        self.text.setText(breakable(shown))  # a long path must not widen the window
        self.setAccessibleName(shown)
        self._show_actions()
        self.show()

    def retranslate_texts(self, translate) -> None:
        """The messages in the language just installed: composed again, or ``translate(text)`` (see
        :class:`app.i18n.Retranslator`; one message at a time, as they were given)."""
        self._messages = [message._replace(text=message.compose() if message.compose is not None
                                           else translate(message.text)) for message in self._messages]
        if not self.isHidden():
            self._show_messages()

    def remove(self, text: str) -> None:
        """Take the message ``text`` away, if it is shown (what it said no longer holds); the bar goes
        with its last message."""
        if not self.shows(text):
            return
        self._messages = [message for message in self._messages if message.text != text]
        if self._messages:
            self._show_messages()
        else:
            self.dismiss()

    def withdraw(self, action: QAction) -> None:
        """The offer of ``action`` no longer stands: its message goes with it (the bar with its last message)."""
        if self.isHidden():
            return
        kept = [message for message in self._messages if message.action is not action]
        if not kept:
            self.dismiss()
        elif len(kept) < len(self._messages):
            self._messages = kept
            self._show_messages()

    def dismiss(self) -> None:
        self._messages = []
        self._show_actions()
        self.hide()

    def shows(self, text: str) -> bool:
        """Whether ``text`` is one of the messages shown."""
        return not self.isHidden() and any(message.text == text for message in self._messages)

    def message(self) -> str:
        """The message shown (in the language it was last translated to), or "" when the bar is hidden."""
        return "" if self.isHidden() else unbroken(self.text.text())
