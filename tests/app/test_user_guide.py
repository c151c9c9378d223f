"""Help ▸ User guide (F1): the guide in the window's language, at the section of what has the keyboard or is shown."""
import fnmatch
import importlib
import re
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import user_guide
from app.lesson_dock import LessonDock
from app.main_window import HOSTED_TOOLS
from app.panels.data_panel import DataPanel
from app.panels.network_panel import NetworkPanel
from app.panels.training_panel import TrainingPanel
from app.start_page import StartPage
from app.views import all_views

ROOT = Path(__file__).resolve().parents[2]
offscreen_window = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
"""The offscreen platform warns when a window is raised (F1 raises the guide)."""


def guide_file(language: str) -> user_guide.Guide:
    """The shipped guide in ``language`` itself (read_guide would stand in English for a missing one)."""
    return user_guide.parse((user_guide.GUIDE_FOLDER / f"guide.{language}.md").read_text(encoding="utf-8"))


def press_f1(window, qtbot, widget):
    """F1 pressed with the keyboard on ``widget`` of ``window``; the guide window it shows."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    assert QApplication.focusWidget() is widget
    QTest.keyClick(widget, Qt.Key.Key_F1)
    guide = window.help_menu.guide_window
    assert guide is not None and guide.isVisible()
    return guide


def heading_top(guide, anchor: str) -> int:
    """Pixels from the top of the guide's text area to the heading of ``anchor`` (on screen: 0 … height)."""
    block = guide.browser.document().begin()
    while block.isValid():
        if anchor in block.begin().fragment().charFormat().anchorNames():
            return guide.browser.cursorRect(QTextCursor(block)).top()
        block = block.next()
    raise AssertionError(f"no heading has the anchor {anchor}")


def shows_at_top(guide, anchor: str) -> bool:
    return guide.section() == anchor and 0 <= heading_top(guide, anchor) < 40


def blank_paragraphs(guide) -> list[str]:
    """The guide's paragraphs that are not laid out, so not drawn (Qt's lazy layout left them so)."""
    blank, block = [], guide.browser.document().begin()
    while block.isValid():
        if block.text() and not block.layout().lineCount():
            blank.append(block.text())
        block = block.next()
    return blank


@pytest.fixture
def shown_window(window, qtbot):
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.start_page.show_views()
    return window


@offscreen_window
def test_f1_opens_the_guide_at_the_configuration_tab_that_has_the_keyboard(shown_window, qtbot):
    window = shown_window
    for index, control, anchor in ((0, window.data_panel.dataset, "data"),
                                   (1, window.network_panel.layers, "network"),
                                   (2, window.training_panel.epochs, "training")):
        window.panel_tabs.setCurrentIndex(index)
        guide = press_f1(window, qtbot, control)
        assert shows_at_top(guide, anchor), (anchor, guide.section(), heading_top(guide, anchor))


@offscreen_window
def test_f1_opens_the_guide_at_the_view_shown_the_start_page_or_the_labs_and_reuses_its_window(shown_window, qtbot):
    window = shown_window
    tools = {type(tool).__name__: tool for tool in window.tools}
    losses = next(view for view in window.views if type(view).__name__ == "LossView")
    first = None
    for page, anchor in ((window.draw_view, "drawing"), (tools["CompareView"], "compare"), (losses, "view-loss"),
                         (tools["RunsView"], "view-runs")):
        window.view_tabs.setCurrentWidget(page)
        guide = press_f1(window, qtbot, window.view_tabs.tabBar())
        assert shows_at_top(guide, anchor), (anchor, guide.section())
        first = first or guide
        assert guide is first  # raised again, not made anew
    window.start_page.show_page()
    assert shows_at_top(press_f1(window, qtbot, window.start_page.draw_button), "getting-started")
    window.labs.show_lab_list()
    assert shows_at_top(press_f1(window, qtbot, window.labs.dock.lab_list), "labs")
    assert len(window.findChildren(user_guide.GuideWindow)) == 1


@offscreen_window
def test_the_guide_is_in_the_window_s_language_and_follows_a_change(shown_window, qtbot, switch_language):
    window = shown_window
    window.panel_tabs.setCurrentIndex(2)
    guide = press_f1(window, qtbot, window.training_panel.epochs)
    assert "Early stopping after" in guide.browser.toPlainText()
    switch_language("ru")
    assert guide.windowTitle() == "Руководство пользователя MLP Workbench"
    assert "Ранняя остановка через" in guide.browser.toPlainText()
    assert guide.contents.topLevelItem(0).text(0) == "Начало работы"
    assert shows_at_top(guide, "training")  # the section stays
    assert blank_paragraphs(guide) == []
    window.view_tabs.setCurrentWidget(window.draw_view)
    guide = press_f1(window, qtbot, window.view_tabs.tabBar())
    assert shows_at_top(guide, "drawing") and "Рисование цифры" in guide.browser.toPlainText()
    assert window.help_menu.guide_action.text() == "&Руководство пользователя…"
    switch_language("en")
    assert "Drawing a digit" in guide.browser.toPlainText() and guide.windowTitle() == "MLP Workbench user guide"


@offscreen_window
def test_back_forward_the_contents_and_find(shown_window, qtbot):
    window = shown_window
    window.view_tabs.setCurrentWidget(window.draw_view)
    guide = press_f1(window, qtbot, window.view_tabs.tabBar())
    item = guide.contents.findItems("Labs", Qt.MatchFlag.MatchExactly)[0]
    guide.contents.itemClicked.emit(item, 0)
    assert shows_at_top(guide, "labs")
    assert guide.back_button.isEnabled()
    guide.back_button.click()
    assert shows_at_top(guide, "drawing") and guide.contents.currentItem().text(0) == "Drawing a digit"
    guide.forward_button.click()
    assert shows_at_top(guide, "labs")
    guide.find_box.setText("MLP_WORKBENCH_RUNS")
    guide.find_next()
    assert guide.browser.textCursor().selectedText() == "MLP_WORKBENCH_RUNS"
    guide.find_box.setText("no such words anywhere")
    guide.find_next()
    assert guide.find_status.text() == "not found"


def anchors_of(document: QTextDocument) -> list[str]:
    """The anchors of ``document``'s text, in order."""
    names, block = [], document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            names += fragments.fragment().charFormat().anchorNames()
            fragments += 1
        block = block.next()
    return names


def test_both_guides_have_the_same_sections_each_with_an_anchor_that_the_rendered_text_keeps(qapp):
    english, russian = guide_file("en"), guide_file("ru")
    assert [(heading.level, heading.anchor) for heading in english.headings] == \
           [(heading.level, heading.anchor) for heading in russian.headings]
    assert all(heading.anchor for heading in english.headings + russian.headings)
    assert len(set(english.anchors())) == len(english.anchors())
    for language, guide in (("en", english), ("ru", russian)):
        document = QTextDocument()
        document.setMarkdown(guide.markdown)
        user_guide._mark_anchors(document, guide.headings)
        assert anchors_of(document) == guide.anchors(), language
        assert "{#" not in document.toPlainText()
        text = (user_guide.GUIDE_FOLDER / f"guide.{language}.md").read_text(encoding="utf-8")
        assert set(re.findall(r"\]\(#([\w-]+)\)", text)) <= set(guide.anchors()), language  # its links


def guide_sections() -> dict[str, str]:
    """Class name → the section it names, for every view, tool, panel and dock, and the fallbacks."""
    tools = [getattr(importlib.import_module(module), name) for module, name in HOSTED_TOOLS]
    named = {cls.__name__: cls.guide_section for cls in [*all_views(), *tools, DataPanel, NetworkPanel,
                                                          TrainingPanel, LessonDock, StartPage]}
    return {**named, "start": user_guide.START, "views": user_guide.VIEWS}


def test_every_view_tool_panel_and_dock_names_a_section_of_both_guides():
    sections = guide_sections()
    assert len(sections) == len(all_views()) + len(HOSTED_TOOLS) + 7
    for language in ("en", "ru"):
        anchors = guide_file(language).anchors()
        assert {name: anchor for name, anchor in sections.items() if anchor not in anchors} == {}, language


@offscreen_window
def test_a_guide_missing_or_unreadable_gives_a_message_not_a_traceback(shown_window, qtbot, tmp_path, monkeypatch):
    window = shown_window
    monkeypatch.setattr(user_guide, "GUIDE_FOLDER", tmp_path / "guide")
    guide = press_f1(window, qtbot, window.view_tabs.tabBar())
    shown = guide.browser.toPlainText()
    assert "The user guide cannot be shown" in shown
    assert f"{tmp_path / 'guide' / 'guide.en.md'} could not be read: No such file or directory." in shown
    assert "Reinstalling MLP Workbench brings it back" in shown and guide.contents.topLevelItemCount() == 0

    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "guide.en.md").write_bytes(b"# Guide {#top}\n\n\xff\xfe broken\n")
    guide.load()
    assert "could not be read: it is not UTF-8 text." in guide.browser.toPlainText()

    (tmp_path / "guide" / "guide.en.md").write_text("# Guide {#top}\n\n## Data {#data}\n\nSome words.\n")
    assert user_guide.guide_path("ru") == tmp_path / "guide" / "guide.en.md"  # no Russian guide: the English one
    guide.load()
    guide.show_section("data")
    assert "Some words." in guide.browser.toPlainText() and guide.section() == "data"
    guide.show_section("no-such-section")  # a section a newer view names, missing here: the guide's start
    assert guide.section() == "top"


def test_the_package_ships_both_guides():
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    for language in ("en", "ru"):
        shipped = f"guide/guide.{language}.md"
        assert (ROOT / "resources" / shipped).is_file()
        assert any(fnmatch.fnmatch(shipped, pattern) for pattern in package_data["resources"]), shipped


@pytest.mark.parametrize("language", ["en", "ru"])
def test_both_guides_tell_of_the_suggested_settings_and_of_weights_set_by_hand_kept_in_the_words_of_the_window(
        language, switch_language):
    """Each guide names the button that takes a suggestion back, the status and the name of a run of weights set by
    hand, and says that long names cut short in the Runs view are whole in their tooltips, as the window words them."""
    switch_language(language)
    text = " ".join((user_guide.GUIDE_FOLDER / f"guide.{language}.md").read_text(encoding="utf-8").split())
    translate = QApplication.translate
    named = {"keep": translate("SettingsSuggester", "&Keep my settings").replace("&", ""),
             "status": translate("RunsView", "weights set by hand"),
             "run": translate("MainWindow", "%1 · set by hand").replace("%1", "…")}
    assert {key: words for key, words in named.items() if f"**{words}**" not in text and f"“{words}”" not in text
            and f"«{words}»" not in text and f'"{words}"' not in text} == {}
    data = text[text.index("{#data-builtin}"):text.index("{#data-toy}")]
    runs_section = text[text.index("{#view-runs}"):text.index("{#compare}")]
    assert named["keep"] in data and named["status"] in runs_section
    assert ("tooltips give them whole" if language == "en" else "подсказка показывает их целиком") in runs_section
