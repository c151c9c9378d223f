"""A letter with a combining accent keeps the accent on it: Qt 6.11 drew the hat of lab 9's x̂, in DejaVu Sans
(the usual interface font on Linux, this machine's), a whole line above it, and Adam's tooltip lost m̂'s."""
import pytest
from PySide6.QtGui import QFont, QTextCursor, QTextDocument, QTextLayout
from PySide6.QtWidgets import QToolTip

from app import combining_marks
from app.lesson_dock import LessonDock
from core import labs


def glyphs_off_their_line(text: str, font: QFont) -> list[float]:
    """The baselines of the glyphs of ``text``, laid out on one line in ``font``, drawn off that line."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return [point.y() for run in layout.glyphRuns() for point in run.positions()
            if not line.y() <= point.y() <= line.y() + line.height()]


def misplaced_in(document: QTextDocument) -> list[str]:
    """Each run of text of ``document`` in one format that has a glyph drawn off its line in the format's font."""
    misplaced, block = [], document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if glyphs_off_their_line(fragment.text(), fragment.charFormat().font().resolve(document.defaultFont())):
                misplaced.append(fragment.text())
            fragments += 1
        block = block.next()
    return misplaced


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("lab_id", ["09-batch-norm", "11-optimizers"])
def test_the_lab_sheets_draw_every_accent_on_its_letter(qtbot, language, lab_id, switch_language):
    dock = LessonDock()
    qtbot.addWidget(dock)
    dock.resize(420, 700)
    dock.show()
    switch_language(language)
    lab = labs.load(lab_id)
    dock.show_lab(lab, lab.variants[0].name)
    text = dock.sheet.toPlainText()
    assert "\u0302" in text, "the sheet has letters with a combining circumflex (x̂, m̂)"
    assert misplaced_in(dock.sheet.document()) == []


def test_a_tooltip_draws_adams_bias_corrected_moments_with_their_hats(qapp):
    before = QToolTip.font()
    try:
        combining_marks.mend_tooltips()
        assert glyphs_off_their_line("θ ← θ − η·m\u0302 / (√v\u0302 + ε), v\u0304 = max(v\u0304, v)",
                                     QToolTip.font()) == []
    finally:
        QToolTip.setFont(before)


def test_only_a_font_that_misplaces_marks_is_told_to_stop_positioning_them(qapp):
    # The code font positions marks right, and needs the font's positioning to: turned off, its hat moved aside.
    monospace = QFont("DejaVu Sans Mono")
    assert not combining_marks.misplaces_marks(monospace)
    document = QTextDocument()
    document.setMarkdown("```\nx\u0302 = (x − μ) / σ\n```\n")
    combining_marks.mend_document(document)
    assert misplaced_in(document) == []
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
    assert cursor.charFormat().fontFeatures() == {}, "the code font keeps its own mark positioning"


