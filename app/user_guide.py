"""Help ▸ User guide (F1): the manual, offline, in the interface language, open at the part about what is shown.

The guide is Markdown, ``resources/guide/guide.<language>.md``, read when shown and again on a language
change; a language without its file gets the English one, as a lab's task sheet does. Every heading
carries a stable anchor in Pandoc's attribute syntax, ``## Training {#training}``, the same in every
language: each view, tool, panel and dock names its section once, as its ``guide_section``
(:func:`section_shown` reads it from the part the user is in), and a language change keeps the section
on screen. Qt's Markdown reader knows no such attribute: :func:`parse` takes the anchors out of the
headings and the window gives them back to the rendered headings.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (QApplication, QDockWidget, QHBoxLayout, QLabel, QLineEdit, QSplitter, QStyle,
                               QTextBrowser, QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from app import combining_marks, i18n

GUIDE_FOLDER = Path(__file__).resolve().parents[1] / "resources" / "guide"
START = "getting-started"
"""The section of the start page, and where the guide opens when nothing names one."""
VIEWS = "views"
"""The section of a view tab that names none (one that failed to start shows a note instead)."""

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+\{#([A-Za-z][\w-]*)\})?[ \t]*#*[ \t]*$")


class Heading(NamedTuple):
    level: int
    title: str
    anchor: str  # "" for a heading without one


class Guide(NamedTuple):
    """A guide file read: its Markdown without the anchors, and its headings in order."""

    markdown: str
    headings: list[Heading]

    def anchors(self) -> list[str]:
        return [heading.anchor for heading in self.headings if heading.anchor]


def parse(text: str) -> Guide:
    """``text`` (Markdown whose headings may end in ``{#anchor}``) as Qt can render it, and its headings."""
    lines, headings, fenced = [], [], False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match is not None:
            headings.append(Heading(len(match[1]), match[2], match[3] or ""))
            line = f"{match[1]} {match[2]}"
        lines.append(line)
    return Guide("\n".join(lines), headings)


def guide_path(language: str) -> Path:
    """The guide in ``language``, or the English one if there is none in it."""
    path = GUIDE_FOLDER / f"guide.{language}.md"
    return path if path.is_file() else GUIDE_FOLDER / f"guide.{i18n.SOURCE_LANGUAGE}.md"


def read_guide(language: str) -> Guide:
    """The guide in ``language`` (:func:`guide_path`); OSError or UnicodeDecodeError if it cannot be read."""
    return parse(guide_path(language).read_text(encoding="utf-8"))


def _within(widget: QWidget | None, ancestor: QWidget) -> bool:
    """Whether ``widget`` is ``ancestor`` or inside it, across windows (a floating dock is a window of its own)."""
    while widget is not None:
        if widget is ancestor:
            return True
        widget = widget.parentWidget()
    return False


def section_shown(window) -> str:
    """The guide's section about what the user is at in ``window`` (a :class:`app.main_window.MainWindow`):
    the configuration panel shown when the focus is in the configuration dock, the labs in the Lesson
    dock, else the start page or the view tab shown."""
    focus = QApplication.focusWidget()
    if focus is None or not (focus.window() is window or isinstance(focus.window(), QDockWidget)
                             and _within(focus, window)):
        focus = window.focusWidget()  # another window is active (this guide, a dialog; or none in a test)
    if _within(focus, window.configuration_dock):
        scroll = window.panel_tabs.currentWidget()
        return getattr(scroll.widget(), "guide_section", START)
    if _within(focus, window.labs.dock):
        return window.labs.dock.guide_section
    page = window.central_pages.currentWidget()
    if page is not window.view_tabs:
        return getattr(page, "guide_section", START)
    return getattr(window.view_tabs.currentWidget(), "guide_section", VIEWS)


SECTION_SPACING = 14
"""Pixels more above a section's heading than Qt's Markdown gives it: sections stand apart from each other."""


def _mark_anchors(document: QTextDocument, headings: list[Heading]) -> None:
    """Give the rendered headings of ``document`` their anchors (Qt makes one heading block per heading of
    the Markdown, in order), and the sections' headings room above."""
    remaining = iter(headings)
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        heading = next(remaining, None) if level else None
        if heading is not None and heading.anchor:
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            anchor = QTextCharFormat()
            anchor.setAnchor(True)
            anchor.setAnchorNames([heading.anchor])
            cursor.mergeCharFormat(anchor)
        if level == 2:
            spaced = block.blockFormat()
            spaced.setTopMargin(spaced.topMargin() + SECTION_SPACING)
            QTextCursor(block).setBlockFormat(spaced)
        block = block.next()
    # A shown browser lays its text out as it is needed; after these changes the paragraphs below the
    # first screen were left without lines, blank (Qt 6.11): the whole text is laid out again.
    document.markContentsDirty(0, document.characterCount())


class GuideWindow(QWidget):
    """The guide in a window of its own beside the workbench (not modal): its contents on the left,
    the text on the right, Back and Forward through the sections visited, and Find (Ctrl+F; Enter
    and F3 find the next match, Shift+F3 the previous one)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("userGuide")
        self.language = ""
        self.guide: Guide | None = None
        self.back_button = QToolButton()
        self.back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.forward_button = QToolButton()
        self.forward_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.find_label = QLabel()
        self.find_box = QLineEdit()
        self.find_box.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.find_box)
        self.find_status = QLabel()
        self.contents = QTreeWidget()
        self.contents.setHeaderHidden(True)
        self.contents.setRootIsDecorated(False)
        self.contents.setIndentation(14)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # a section is shown here, anything else by the system (see _follow)
        self.browser.document().setDocumentMargin(12)

        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.sourceChanged.connect(self._mark_in_contents)
        self.contents.itemClicked.connect(self._contents_chosen)
        self.contents.itemActivated.connect(self._contents_chosen)
        self.find_box.returnPressed.connect(self.find_next)
        self.find_box.textEdited.connect(self._find_as_typed)
        for keys, slot in ((QKeySequence.StandardKey.Find, self._focus_find),
                           (QKeySequence.StandardKey.FindNext, self.find_next),
                           (QKeySequence.StandardKey.FindPrevious, self.find_previous)):
            QShortcut(keys, self, slot)

        bar = QHBoxLayout()
        for widget in (self.back_button, self.forward_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.find_status)
        bar.addWidget(self.find_label)
        bar.addWidget(self.find_box)
        self.find_box.setMinimumWidth(220)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 720])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.resize(980, 700)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("MLP Workbench user guide"))
        self.back_button.setToolTip(self.tr("Back to the section shown before (Alt+Left)"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.forward_button.setToolTip(self.tr("Forward to the next section shown (Alt+Right)"))
        self.forward_button.setAccessibleName(self.tr("Forward"))
        self.find_label.setText(self.tr("&Find:"))
        self.find_box.setPlaceholderText(self.tr("a word of the guide"))
        self.find_box.setToolTip(self.tr("Find this text in the guide: Enter or F3 finds the next match, "
                                         "Shift+F3 the previous one (Ctrl+F comes here)"))
        self.contents.setAccessibleName(self.tr("Contents"))
        self.browser.setAccessibleName(self.tr("User guide"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.language and self.language != i18n.current_language():
                self.load(keep=self.section())
        super().changeEvent(event)

    # ------------------------------------------------------------------ the text
    def load(self, keep: str = "") -> None:
        """Read and show the guide in the interface language, at section ``keep`` if it has one; a guide
        that cannot be read is replaced by a message saying which file and what to do."""
        self.language = i18n.current_language()
        self.contents.clear()
        try:
            self.guide = read_guide(self.language)
        except (OSError, UnicodeDecodeError) as error:
            self.guide = None
            self._show_problem(guide_path(self.language), error)
            return
        self.browser.setMarkdown(self.guide.markdown)
        combining_marks.mend_document(self.browser.document())
        _mark_anchors(self.browser.document(), self.guide.headings)
        self._fill_contents()
        if keep in self.guide.anchors():
            self.browser.scrollToAnchor(keep)
            self._mark_in_contents(QUrl(f"#{keep}"))

    def _show_problem(self, path: Path, error: Exception) -> None:
        reason = i18n.os_error_reason(error) if isinstance(error, OSError) else self.tr("it is not UTF-8 text")
        title = self.tr("The user guide cannot be shown")
        what = self.tr("%1 could not be read: %2.").replace("%1", str(path)).replace("%2", reason)
        advice = self.tr("The guide comes with MLP Workbench, as guide.en.md and guide.ru.md in the folder %1. "
                         "Reinstalling MLP Workbench brings it back; the rest of the workbench works without it.")
        self.browser.setHtml(f"<h2>{html.escape(title)}</h2><p>{html.escape(what)}</p>"
                             f"<p>{html.escape(advice.replace('%1', str(GUIDE_FOLDER)))}</p>")

    def _fill_contents(self) -> None:
        parent = None
        for heading in self.guide.headings:
            if not heading.anchor or heading.level == 1:
                continue  # the title: the contents are its
            if heading.level == 2 or parent is None:
                parent = item = QTreeWidgetItem(self.contents, [heading.title])
            else:
                item = QTreeWidgetItem(parent, [heading.title])
            item.setData(0, Qt.ItemDataRole.UserRole, heading.anchor)
        self.contents.expandAll()

    # ------------------------------------------------------------------ going to a section
    def show_section(self, anchor: str) -> None:
        """Show the guide (read anew if the language changed) at ``anchor``, or at its start if it has none."""
        if self.guide is None or self.language != i18n.current_language():
            self.load()
        if self.guide is None:
            return
        anchors = self.guide.anchors()
        if anchor not in anchors:
            anchor = anchors[0] if anchors else ""
        if anchor:
            self.browser.setSource(QUrl(f"#{anchor}"))
            self.browser.scrollToAnchor(anchor)  # again when it is the section shown: setSource leaves it
        self.browser.setFocus()  # the arrow and page keys scroll the text

    def section(self) -> str:
        """The anchor of the section last gone to ("" before any)."""
        return self.browser.source().fragment()

    def _follow(self, url: QUrl) -> None:
        if url.isRelative() and not url.path() and url.hasFragment():
            self.show_section(url.fragment())
        else:
            QDesktopServices.openUrl(url)

    def _contents_chosen(self, item: QTreeWidgetItem) -> None:
        anchor = item.data(0, Qt.ItemDataRole.UserRole)
        if anchor:
            self.show_section(anchor)

    def _mark_in_contents(self, url: QUrl) -> None:
        for item in self.contents.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive):
            if item.data(0, Qt.ItemDataRole.UserRole) == url.fragment():
                self.contents.setCurrentItem(item)
                return

    # ------------------------------------------------------------------ find
    def _focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def _find_as_typed(self, _text: str) -> None:
        cursor = self.browser.textCursor()
        cursor.setPosition(cursor.selectionStart())  # the match grows as the word is typed
        self.browser.setTextCursor(cursor)
        self.find_next()

    def find_next(self) -> None:
        self._find(backward=False)

    def find_previous(self) -> None:
        self._find(backward=True)

    def _find(self, backward: bool) -> None:
        text = self.find_box.text()
        if not text:
            self.find_status.clear()
            return
        flags = (QTextDocument.FindFlag.FindBackward,) if backward else ()
        found = self.browser.find(text, *flags)
        if not found:  # on from the other end
            cursor = self.browser.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, *flags)
        self.find_status.setText("" if found else self.tr("not found"))
