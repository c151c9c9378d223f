"""Letters with a combining accent (x̂, m̂, v̂, v̄) drawn with the accent on the letter.

Qt 6.11 shapes a combining mark after a letter that has no precomposed form with it, in DejaVu
Sans (the usual interface font on Linux), a whole line above the letter: lab 9's sheet drew the hat
of its x̂ over the line before, and Adam's tooltip read "θ ← θ − η·m / (√v + ε)". With the font's
mark positioning ("mark" feature) off, the mark is drawn where its outline is designed to sit, over
the letter before it. Only fonts measured to misplace a mark are changed: others (DejaVu Sans Mono,
the sheets' code font, among them) position marks right, and some need the feature to.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PySide6.QtGui import QFont, QFontMetricsF, QTextCharFormat, QTextCursor, QTextDocument, QTextLayout
from PySide6.QtWidgets import QToolTip

MARK_POSITIONING = QFont.Tag("mark")
SAMPLE = "x\u0302"  # x with a combining circumflex: no precomposed x̂ exists


def misplaces_marks(font: QFont) -> bool:
    """Whether ``font`` draws a combining mark off its letter's line (by more than half its ascent)."""
    return _misplaces_marks(font.key())


@lru_cache(maxsize=None)
def _misplaces_marks(font_key: str) -> bool:
    font = QFont()
    font.fromString(font_key)
    layout = QTextLayout(SAMPLE, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    baselines = [point.y() for run in layout.glyphRuns() for point in run.positions()]
    return max(baselines) - min(baselines) > QFontMetricsF(font).ascent() / 2


def has_marks(text: str) -> bool:
    return any(unicodedata.combining(character) for character in text)


def mend_tooltips() -> None:
    """Tooltips (plain text, such as the optimisers' formulas) in a font that keeps marks on their letters."""
    font = QToolTip.font()
    if misplaces_marks(font):
        font = QFont(font)
        font.setFeature(MARK_POSITIONING, 0)
        QToolTip.setFont(font)


def mend_document(document: QTextDocument) -> None:
    """Turn mark positioning off for the text of ``document`` that has combining marks in a font misplacing them
    (call after setting its text; a document's code keeps its font, which places them right)."""
    if not has_marks(document.toPlainText()):  # the user guide: a walk through its fragments for nothing
        return
    without_positioning = QTextCharFormat()
    without_positioning.setFontFeatures({MARK_POSITIONING: 0})
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            font = fragment.charFormat().font().resolve(document.defaultFont())
            if has_marks(fragment.text()) and misplaces_marks(font):
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(without_positioning)
            fragments += 1
        block = block.next()
