"""The interface language: Qt's own translators, switched while the window is open.

The app's texts are marked with ``self.tr``, ``QCoreApplication.translate`` or
``QT_TRANSLATE_NOOP``; ``pyside6-lupdate`` collects them into
``resources/translations/mlp_workbench_<language>.ts`` and ``pyside6-lrelease`` compiles those
into the ``.qm`` files loaded here (``scripts/update_translations.py`` runs both). Qt's own
dialog texts (Yes/No, Cancel…) come from the ``qtbase`` translations shipped with PySide6.

**Switching live.** Widgets set their texts once, when they are built. :func:`set_language`
installs the new translators and then walks every widget, action and plot label and replaces
each text by its translation in the new language. It can because the installed
:class:`RecordingTranslator` remembers every ``(context, source)`` it was asked for: a shown text
is looked up among the old language's translations of those sources, and texts built from a
template (``"Hidden layer %1"``, ``"{n} steps"``) are matched against the template with the
arguments kept. Nothing is rebuilt, so a run, its configuration and its plots go on untouched.
Widgets that compose texts from cached translations refresh them on ``QEvent.LanguageChange``.
What is not shown waits until it is (the window stays free: a switch held it 150–240 ms): the pages of a
:class:`PagesTranslatedLater` (the views' tabs) and the closed menus of no window.

Numbers are shown with the language's decimal separator (:func:`format_number`); files always
get Python's ``repr`` of the number, whatever the language.
"""
from __future__ import annotations

import errno
import itertools
import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTimer,
                            QTranslator, Signal)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QGroupBox, QLabel,
                               QLineEdit, QListWidget, QMenu, QStackedWidget, QTabWidget, QTableWidget, QToolBox,
                               QToolButton, QTreeWidget, QWidget)

from core._checks import JsonSyntaxError, json_reason

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
CATALOGUE = "mlp_workbench"
SOURCE_LANGUAGE = "en"
LANGUAGES = {"en": "English", "ru": "Русский"}
"""Language code → its name in that language (so that anyone can find their own)."""
QT_CATALOGUES = ("qtbase",)

_PLACEHOLDER = re.compile(r"%\d+|\{[^{}]*\}")
_TRAILING_PARENTHESIS = re.compile(r"^(.+)( \([^()]*\))$", re.DOTALL)
_WIDGET_TEXTS = (("windowTitle", "setWindowTitle"), ("toolTip", "setToolTip"), ("statusTip", "setStatusTip"),
                 ("whatsThis", "setWhatsThis"), ("accessibleName", "setAccessibleName"),
                 ("accessibleDescription", "setAccessibleDescription"))
_HELP_PROPERTY = "helpText"  # app.panels.widgets.set_help keeps a control's base tooltip here
OWNER_TRANSLATES = "textTranslatedByOwner"
"""A widget property: its text is left to the widget that shows it (e.g. :class:`app.message_bar.MessageBar`),
which a :class:`Retranslator` hands its :meth:`~Retranslator.text` through a ``retranslate_texts`` method."""


SHOWN_IN = "textsShownIn"
"""A widget's property: the language its texts are still in, left so by a switch while it was not shown (see
:func:`set_language`); empty once they are in the window's language."""
CATCH_UP_MS = 30
"""After a language switch, the pages not shown are translated one at a time this often (each in a few ms)."""


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{language}.qm"


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{language}.ts"


def system_language() -> str:
    """The system locale's language if the app speaks it, else English."""
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else SOURCE_LANGUAGE


class RecordingTranslator(QTranslator):
    """The app's translator: answers from a loaded ``.qm`` (none for English) and records every
    ``(context, source)`` asked for, so that shown texts can be translated again later."""

    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        self.language = language
        self.catalogue = QTranslator(self)
        self.asked: dict[tuple[str, str], None] = {}
        if language != SOURCE_LANGUAGE and not self.catalogue.load(str(qm_path(language))):
            raise ValueError(f"the {language} translation {qm_path(language)} is missing or unreadable; "
                             f"run scripts/update_translations.py")

    def translate(self, context, source, disambiguation=None, n=-1):
        if context and source:
            self.asked[(context, source)] = None
        if self.language == SOURCE_LANGUAGE:
            return None
        return self.catalogue.translate(context, source, disambiguation, n) or None

    def isEmpty(self) -> bool:
        return False


_state = {"language": SOURCE_LANGUAGE, "translator": None, "qt": [], "catalogues": {}, "retranslators": {},
          "later": [], "waiting": None}


def current_language() -> str:
    return _state["language"]


def install(language: str, application: QCoreApplication | None = None) -> None:
    """Make ``language`` the application's language from now on (nothing shown is changed:
    :func:`set_language` does that)."""
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r} is not one of: {', '.join(LANGUAGES)}")
    application = application or QCoreApplication.instance()
    old = _state["translator"]
    translator = RecordingTranslator(language, application)
    # Widgets answer the LanguageChange events sent below: they must already see the new language.
    _state["language"] = language
    QLocale.setDefault(_locale(language))
    if old is not None:
        translator.asked = old.asked  # the texts shown so far must stay translatable
    for previous in _state["qt"]:
        application.removeTranslator(previous)
    _state["qt"] = []
    if language != SOURCE_LANGUAGE:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in QT_CATALOGUES:
            qt_translator = QTranslator(application)
            if qt_translator.load(f"{name}_{language}", folder):
                application.installTranslator(qt_translator)
                _state["qt"].append(qt_translator)
    if old is not None:
        application.removeTranslator(old)
    application.installTranslator(translator)  # last installed is asked first: it sees every text
    _state["translator"] = translator


def _locale(language: str) -> QLocale:
    """The number format of ``language``: the system's own if it speaks it (its decimal separator)."""
    system = QLocale.system()
    if system.name().split("_")[0] == language or (language == SOURCE_LANGUAGE and system.name() == "C"):
        return system
    return QLocale(QLocale.Language.Russian) if language == "ru" else QLocale(QLocale.Language.English,
                                                                              QLocale.Territory.UnitedStates)


def ensure_installed() -> None:
    """Install the source language's translator if none is yet, so that every text shown from now
    on is recorded and can be switched to another language later."""
    if _state["translator"] is None:
        install(SOURCE_LANGUAGE)


def set_language(language: str) -> None:
    """Switch the interface to ``language`` and translate every text already shown.

    What cannot be seen is left for later (see :func:`_leave`): the pages of a :class:`PagesTranslatedLater` that
    are not shown, and closed menus of no window (pyqtgraph's plot menus: 1,400 widgets, two thirds of the
    window's). Qt posts its own LanguageChange events (and only while the event loop runs): they are replaced by
    ones sent here, at once, after the texts are translated, so that widgets that compose texts redo them once."""
    old_language = current_language()
    old = _state["translator"]
    install(language)
    if old is None or language == old_language:
        return
    # Qt's (to every window and its QWindow): another walk of every widget, 30 ms, in the next turn of the loop
    QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)
    roots = [window for window in QApplication.topLevelWidgets() if window.parent() is None]  # the others: children
    _state["later"] = [pages for pages in _state["later"] if shiboken6.isValid(pages)]
    for pages in _state["later"]:
        for page in pages.unshown():
            _leave(page, old_language)
        pages.catch_up_soon()
    for root in roots:
        if isinstance(root, QMenu) and not root.isVisible():
            _leave(root, old_language)
    left = _left_in_another_language(_pages() + roots)
    left_pages = _widgets_of([widget for widget in left if widget.parent() is not None])  # a root left: not walked
    widgets, actions = {}, {}
    for root in roots:
        if root not in left:
            _gather(root, left_pages, widgets, actions)
    _retranslator(old_language, language).translate(widgets.values(), actions.values())
    for root in roots:
        QCoreApplication.sendEvent(root, QEvent(QEvent.Type.LanguageChange))
    for widget in left:  # left in this language by a switch from it, and not shown since: nothing to do any more
        if widget.property(SHOWN_IN) == language:
            _caught_up(widget)


def _leave(widget: QWidget, shown: str) -> None:
    """Leave the texts of ``widget`` in the language ``shown`` until it is shown (one left before stays in the language
    it was left in). Its LanguageChange waits too: its widgets compose their texts once, in the language of the
    moment."""
    if not widget.property(SHOWN_IN):
        widget.setProperty(SHOWN_IN, shown)
        if _state["waiting"] is None:
            _state["waiting"] = _LeftInAnotherLanguage(QCoreApplication.instance())
        widget.installEventFilter(_state["waiting"])


def _left_in_another_language(candidates: list[QWidget], but: QWidget | None = None) -> list[QWidget]:
    """Those of ``candidates`` left in another language (see :func:`_leave`), but ``but``."""
    return [widget for widget in candidates if widget is not but and widget.property(SHOWN_IN)]


def _pages() -> list[QWidget]:
    return [page for pages in _state["later"] for page in pages.pages()]


def _widgets_of(roots: list[QWidget]) -> set:
    return {widget for root in roots for widget in (root, *root.findChildren(QWidget))}


def catch_up(widget: QWidget) -> None:
    """Translate ``widget`` now if a switch left it in another language (see :func:`_leave`)."""
    shown = widget.property(SHOWN_IN)
    if not shown:
        return
    _caught_up(widget)
    widgets, actions = {}, {}
    # A page may hold pages of its own, left too; a menu of no window is no page's.
    _gather(widget, _widgets_of(_left_in_another_language(_pages(), but=widget)), widgets, actions)
    _retranslator(shown, current_language()).translate(widgets.values(), actions.values())
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


def _caught_up(widget: QWidget) -> None:
    widget.setProperty(SHOWN_IN, "")
    widget.removeEventFilter(_state["waiting"])


def _gather(root: QWidget, left: set, widgets: dict, actions: dict) -> None:
    """Every widget and action of ``root`` (itself too) but those in ``left``, each once (an action may be found
    both as a child and among the root's actions)."""
    for widget in (root, *root.findChildren(QWidget)):
        if widget not in left:
            widgets.setdefault(widget, widget)
    for action in (*root.findChildren(QAction), *root.actions()):
        if action.parent() not in left:
            actions.setdefault(action, action)


class _LeftInAnotherLanguage(QObject):
    """The event filter of widgets left in another language: their LanguageChange waits, and they catch up as they
    are shown (before they are painted)."""

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            return bool(watched.property(SHOWN_IN))
        if kind == QEvent.Type.Show:
            catch_up(watched)
        return False


class PagesTranslatedLater(QObject):
    """A language switch leaves the pages of ``container`` (a QTabWidget or a QStackedWidget) that are not shown to
    this: each is translated as it becomes the current page, or else one page every :data:`CATCH_UP_MS` after the
    switch. Translating every page at once held the window 150–240 ms; the Compare view alone, with its widgets'
    LanguageChange handlers, takes 20 ms."""

    translated = Signal(QWidget)
    """translated(page): the texts of ``page``, not shown, are now in the window's language (its layout changed)."""

    def __init__(self, container: QTabWidget | QStackedWidget):
        super().__init__(container)
        self._container = container
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CATCH_UP_MS)
        self._timer.timeout.connect(self._catch_up_next)
        container.currentChanged.connect(lambda index: catch_up(container.widget(index)) if index >= 0 else None)
        _state["later"].append(self)

    def pages(self) -> list[QWidget]:
        return [self._container.widget(index) for index in range(self._container.count())]

    def unshown(self) -> list[QWidget]:
        return [page for page in self.pages() if page is not self._container.currentWidget()]

    def left(self) -> list[QWidget]:
        """The pages whose texts are still in another language."""
        return [page for page in self.pages() if page.property(SHOWN_IN)]

    def catch_up_soon(self) -> None:
        self._timer.start()

    def _catch_up_next(self) -> None:
        left = self.left()
        if left:
            catch_up(left[0])
            self.translated.emit(left[0])
        if len(left) > 1:
            self._timer.start()


def _catalogues(language: str) -> list[QTranslator]:
    """The translators of ``language``'s texts (none for English), loaded once."""
    loaded = _state["catalogues"]
    if language not in loaded:
        translators = []
        if language != SOURCE_LANGUAGE:
            app = QTranslator()
            if app.load(str(qm_path(language))):
                translators.append(app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name in QT_CATALOGUES:
                qt_translator = QTranslator()
                if qt_translator.load(f"{name}_{language}", folder):
                    translators.append(qt_translator)
        loaded[language] = translators
    return loaded[language]


def _retranslator(shown: str, installed: str) -> Retranslator:
    """A :class:`Retranslator` from ``shown`` into the ``installed`` language, knowing every text asked for so far.
    Kept for the next switch between the two: building one anew took 20 ms of every switch."""
    key = (shown, installed)
    if key not in _state["retranslators"]:
        _state["retranslators"][key] = Retranslator({}, _catalogues(shown))
    retranslator = _state["retranslators"][key]
    retranslator.learn(_state["translator"].asked)
    return retranslator


# ----------------------------------------------------------------------------- texts in another language
_KINDS: dict[type, tuple[bool, bool]] = {}
"""A widget class → (whether it translates its own texts, whether it shows pyqtgraph plots)."""


class Retranslator:
    """Turns texts shown through ``old_catalogues`` (none: English) into the installed language,
    for the ``(context, source)`` pairs in ``asked``."""

    def __init__(self, asked, old_catalogues: list[QTranslator]):
        self.old_catalogues = old_catalogues
        self.exact: dict[str, str] = {}
        self._templates: dict[str, str] = {}
        self.templates: list = []
        self._learned = 0
        self._known: dict[str, str] = {}  # text() of texts met before: the same ones come back at every switch
        self.learn(asked)

    def learn(self, asked) -> None:
        """Take in the ``(context, source)`` pairs of ``asked`` (a dict in the order asked) not learned yet."""
        if len(asked) == self._learned:
            return
        new_templates = False
        for context, source in itertools.islice(asked, self._learned, None):
            shown = self._shown_before(context, source)
            wanted = QCoreApplication.translate(context, source)
            # PySide asks a subclass's context before its base class's: keep the one that translates.
            if self.exact.get(shown, shown) == shown:
                self.exact[shown] = wanted
            if "&" in shown and self.exact.get(shown.replace("&", ""), "") in ("", shown.replace("&", "")):
                self.exact[shown.replace("&", "")] = wanted.replace("&", "")  # a label's accessible name
            if _PLACEHOLDER.search(shown) and self._templates.get(shown, shown) == shown:
                self._templates[shown] = wanted
                new_templates = True
        self._learned = len(asked)
        self._known = {}
        if new_templates:
            # The most specific template first: "validation %1 %2" before "%1 %2".
            ordered = sorted(self._templates.items(), key=lambda pair: -len(_PLACEHOLDER.sub("", pair[0])))
            self.templates = [(self._pattern(shown), shown, wanted) for shown, wanted in ordered
                              if _PLACEHOLDER.sub("", shown).strip()]

    def _shown_before(self, context: str, source: str) -> str:
        for catalogue in self.old_catalogues:
            found = catalogue.translate(context, source)
            if found:
                return found
        return source

    @staticmethod
    def _pattern(template: str) -> re.Pattern:
        parts, names = [], []
        position = 0
        for match in _PLACEHOLDER.finditer(template):
            parts.append(re.escape(template[position:match.start()]))
            parts.append("(.+?)" if match.group() not in names else "(?:.+?)")
            names.append(match.group())
            position = match.end()
        parts.append(re.escape(template[position:]))
        return re.compile("^" + "".join(parts) + "$", re.DOTALL)

    def text(self, text: str) -> str:
        """``text`` in the new language: whole, from a template, or line by line; else unchanged."""
        known = self._known.get(text)
        if known is None:
            known = self._known[text] = self._translated(text)
        return known

    def _translated(self, text: str, depth: int = 0) -> str:
        if not text or depth > 3:
            return text
        if text in self.exact:
            return self.exact[text]
        for pattern, shown, wanted in self.templates:
            match = pattern.match(text)
            if match is None:
                continue
            values = {}
            for placeholder, value in zip(_PLACEHOLDER.findall(shown), match.groups()):
                values.setdefault(placeholder, self._translated(value, depth + 1))
            translated = _PLACEHOLDER.sub(lambda found: values.get(found.group(), found.group()), wanted)
            # A loose template ("%1 (%2)") can match a text it did not make: then try the next way.
            if translated != text:
                return translated
        for separator in ("\n", " · "):
            if separator in text:
                parts = text.split(separator)
                translated = [self._translated(part, depth + 1) for part in parts]
                if translated != parts:
                    return separator.join(translated)
        shortcut = _TRAILING_PARENTHESIS.match(text)
        if shortcut is not None:  # "Train the network (F5)": the shortcut stays as it is
            translated = self._translated(shortcut.group(1), depth + 1)
            if translated != shortcut.group(1):
                return translated + shortcut.group(2)
        for prefix in ("⚠ ", "🔒 "):
            if text.startswith(prefix):
                return prefix + self._translated(text[len(prefix):], depth + 1)
        return text

    # ------------------------------------------------------------------ the widgets
    def translate(self, widgets, actions) -> None:
        for widget in widgets:
            self.widget(widget)
        for action in actions:
            self.action(action)

    def _set(self, getter, setter) -> None:
        old = getter()
        if isinstance(old, str) and old:
            new = self.text(old)
            if new != old:
                setter(new)

    def widget(self, widget: QWidget) -> None:
        # Asked of its class, once: a missing attribute asked of a widget costs as much as translating it.
        kind = type(widget)
        if kind not in _KINDS:
            _KINDS[kind] = (callable(getattr(kind, "retranslate_texts", None)),
                            kind.__module__.startswith("pyqtgraph") and callable(getattr(kind, "scene", None)))
        translates_itself, shows_plots = _KINDS[kind]
        if translates_itself:
            widget.retranslate_texts(self.text)
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            # It mirrors its action, which is retranslated; setting its texts directly would
            # detach them from the action (a composed tooltip would then stay in the old language).
            return
        for getter, setter in _WIDGET_TEXTS:
            self._set(getattr(widget, getter), getattr(widget, setter))
        self._set(lambda: widget.property(_HELP_PROPERTY), lambda value: widget.setProperty(_HELP_PROPERTY, value))
        if isinstance(widget, QLabel) and not widget.property(OWNER_TRANSLATES):
            self._set(widget.text, widget.setText)
        elif isinstance(widget, QAbstractButton):
            self._set(widget.text, widget.setText)
        elif isinstance(widget, QGroupBox):
            self._set(widget.title, widget.setTitle)
        elif isinstance(widget, QLineEdit):
            self._set(widget.placeholderText, widget.setPlaceholderText)
        elif isinstance(widget, QAbstractSpinBox):
            widget.setLocale(QLocale())  # the decimal separator of the new language
            for getter, setter in (("suffix", "setSuffix"), ("prefix", "setPrefix"),
                                   ("specialValueText", "setSpecialValueText")):
                if hasattr(widget, getter):
                    self._set(getattr(widget, getter), getattr(widget, setter))
        elif isinstance(widget, QMenu):
            self._set(widget.title, widget.setTitle)
        elif isinstance(widget, QComboBox):
            self._set(widget.placeholderText, widget.setPlaceholderText)
            if widget.property("translatedItems"):
                for index in range(widget.count()):
                    self._set(lambda: widget.itemText(index), lambda value: widget.setItemText(index, value))
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                self._set(lambda: widget.tabText(index), lambda value: widget.setTabText(index, value))
                self._set(lambda: widget.tabToolTip(index), lambda value: widget.setTabToolTip(index, value))
        elif isinstance(widget, QToolBox):
            for index in range(widget.count()):
                self._set(lambda: widget.itemText(index), lambda value: widget.setItemText(index, value))
        elif isinstance(widget, QTableWidget):
            for index in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(index)
                if item is not None:
                    self._set(item.text, item.setText)
                    self._set(item.toolTip, item.setToolTip)
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for index in range(widget.columnCount()):
                self._set(lambda: header.text(index), lambda value: header.setText(index, value))
        elif isinstance(widget, QListWidget) and widget.property("translatedItems"):
            for index in range(widget.count()):
                item = widget.item(index)
                self._set(item.text, item.setText)
        if shows_plots:
            self.plot_scene(widget.scene())

    def action(self, action: QAction) -> None:
        for getter, setter in (("text", "setText"), ("iconText", "setIconText"), ("toolTip", "setToolTip"),
                               ("statusTip", "setStatusTip"), ("whatsThis", "setWhatsThis")):
            self._set(getattr(action, getter), getattr(action, setter))
        if action.menu() is not None:
            self._set(action.menu().title, action.menu().setTitle)

    def plot_scene(self, scene) -> None:
        """Titles, axis labels, legends and text items of pyqtgraph plots."""
        import pyqtgraph as pg

        if scene is None:
            return
        for item in scene.items():
            if isinstance(item, pg.LabelItem):
                self._set(lambda: item.text, item.setText)
            elif isinstance(item, pg.AxisItem):
                if item.labelText:
                    self._set(lambda: item.labelText, lambda value: item.setLabel(
                        text=value, units=item.labelUnits or None, unitPrefix=item.labelUnitPrefix or None))
                item.picture = None  # its tick labels again, with the language's decimal separator
                item.update()
            elif isinstance(item, pg.TextItem):
                self._set(item.toPlainText, item.setPlainText)


# ----------------------------------------------------------------------------- operating-system errors
OS_ERROR_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("OSErrors", "No such file or directory"),
    errno.EACCES: QT_TRANSLATE_NOOP("OSErrors", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("OSErrors", "Operation not permitted"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("OSErrors", "No space left on device"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("OSErrors", "Disk quota exceeded"),
    errno.EROFS: QT_TRANSLATE_NOOP("OSErrors", "Read-only file system"),
    errno.EISDIR: QT_TRANSLATE_NOOP("OSErrors", "Is a directory"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("OSErrors", "Not a directory"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("OSErrors", "File name too long"),
    errno.EIO: QT_TRANSLATE_NOOP("OSErrors", "Input/output error"),
}
"""The reasons the disk gives most often, worded as Linux words them, to translate: Python's
``strerror`` is always English, which left it in English inside a translated sentence."""


def os_error_reason(error: OSError) -> str:
    """Why the operating system refused, in the window's language for the common reasons
    (:data:`OS_ERROR_REASONS`), else as the system words it."""
    reason = OS_ERROR_REASONS.get(error.errno)
    if reason is not None:
        return QCoreApplication.translate("OSErrors", reason)
    return error.strerror or str(error)


# ----------------------------------------------------------------------------- JSON files
JSON_SYNTAX = {
    "Expecting value": QT_TRANSLATE_NOOP("JsonSyntax", "a value is missing or misspelt here (a number, a text in "
                                                       "double quotes, true, false, null, a list […] or an object {…})"),
    "Unterminated string starting at": QT_TRANSLATE_NOOP("JsonSyntax", "a text in quotes is never closed"),
    "Expecting ',' delimiter": QT_TRANSLATE_NOOP("JsonSyntax", "a comma is missing between two items"),
    "Expecting ':' delimiter": QT_TRANSLATE_NOOP("JsonSyntax", "a colon is missing between a name and its value"),
    "Expecting property name enclosed in double quotes": QT_TRANSLATE_NOOP(
        "JsonSyntax", "a name in double quotes is expected here (is there a comma after the last item, or a name in "
                      "single quotes?)"),
    "Extra data": QT_TRANSLATE_NOOP("JsonSyntax", "more follows where the JSON value has ended"),
    "Invalid control character at": QT_TRANSLATE_NOOP("JsonSyntax", "a text in quotes holds a line break or a tab: "
                                                                    "write them as \\n and \\t"),
    "Invalid \\escape": QT_TRANSLATE_NOOP("JsonSyntax", "a backslash in a text begins no escape JSON knows: write a "
                                                        "backslash as \\\\"),
    "Invalid \\uXXXX escape": QT_TRANSLATE_NOOP("JsonSyntax", "\\u in a text must be followed by four hexadecimal "
                                                              "digits"),
    "Illegal trailing comma before end of object": QT_TRANSLATE_NOOP("JsonSyntax", "a comma follows the last item: "
                                                                                   "remove it"),
    "Illegal trailing comma before end of array": QT_TRANSLATE_NOOP("JsonSyntax", "a comma follows the last item: "
                                                                                  "remove it"),
    "cut short": QT_TRANSLATE_NOOP("JsonSyntax", "the text ends before every list […] and object {…} in it is closed "
                                                 "(was the file cut short?)"),
}
"""The words of ``core._checks.JSON_SYNTAX``, to translate."""

NOT_JSON = (QT_TRANSLATE_NOOP("JsonSyntax", "the file is not valid JSON at line {line}, column {column}: {reason}"),
            QT_TRANSLATE_NOOP("JsonSyntax", "{path} is not valid JSON at line {line}, column {column}: {reason}"))
"""The words of ``core._checks.NOT_JSON``."""


JSON_KINDS = {"a number": QT_TRANSLATE_NOOP("JsonSyntax", "a number"),
              "a string": QT_TRANSLATE_NOOP("JsonSyntax", "a string"),
              "a list (JSON array)": QT_TRANSLATE_NOOP("JsonSyntax", "a list (JSON array)"),
              "an object": QT_TRANSLATE_NOOP("JsonSyntax", "an object")}
"""The words of ``core._checks.json_kind``, to translate; null, true and false are JSON's own, in any language."""


def json_kind_text(kind: str) -> str:
    """What JSON calls a value's ``kind`` (``core._checks.json_kind``), in the window's language."""
    return QCoreApplication.translate("JsonSyntax", JSON_KINDS[kind]) if kind in JSON_KINDS else kind


def _json_phrases() -> dict:
    return {key: QCoreApplication.translate("JsonSyntax", text) for key, text in JSON_SYNTAX.items()}


def json_reason_text(message: str) -> str:
    """What the JSON parser's ``message`` means, in the window's language (``core._checks.json_reason``)."""
    return json_reason(message, _json_phrases())


def json_syntax_text(error: JsonSyntaxError) -> str:
    """Where a text or a file is not valid JSON and what is wrong there, in the window's language."""
    return error.words(_json_phrases(), tuple(QCoreApplication.translate("JsonSyntax", text) for text in NOT_JSON))


# ----------------------------------------------------------------------------- numbers
def format_number(value: float, decimals: int = 3, fixed: bool = True) -> str:
    """``value`` for display, with the current language's decimal separator (not for files)."""
    return QLocale().toString(float(value), "f" if fixed else "g", decimals)


_SCIENTIFIC = re.compile(r"^(-?[0-9.,]+)e([+-])0*([0-9]+)$")
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def as_power_of_ten(label: str) -> str:
    """A number written as ``4e-05`` (pyqtgraph's tick labels, Qt's and Python's "g" format) written as the lectures
    and the log axes write it, ``4·10⁻⁵`` (``10⁻⁵`` for a mantissa of 1), whichever its decimal separator; any
    other text as it is."""
    match = _SCIENTIFIC.match(label)
    if match is None:
        return label
    mantissa, sign, exponent = match.groups()
    power = "10" + ("-" * (sign == "-") + exponent).translate(_SUPERSCRIPT)
    return mantissa[:-1] + power if mantissa in ("1", "-1") else f"{mantissa}·{power}"


def format_significant(value: float, digits: int = 4) -> str:
    """``value`` to ``digits`` significant digits in the language's decimals, a tiny or huge one as the plot axes
    write it (a loss of 4,546·10⁻⁵, not 4,546e-05)."""
    return as_power_of_ten(format_number(value, digits, fixed=False))


def with_decimal_separator(labels: list[str]) -> list[str]:
    """pyqtgraph's tick labels with the window language's decimal separator (0,5 in Russian)."""
    separator = QLocale().decimalPoint()
    return labels if separator == "." else [label.replace(".", separator) for label in labels]


def format_integer(value: int) -> str:
    """A whole number with the language's digit grouping (1,234 or 1 234)."""
    return QLocale().toString(int(value))


def format_percent(fraction: float, decimals: int = 1) -> str:
    return f"{format_number(100 * fraction, decimals)} %"


def english_plural(text: str, count: int) -> str:
    """A text of ``tr(source, None, count)`` with its English "(s)" made right for ``count``.

    Qt's plural forms come from the translation: Russian gives three (1 цифра, 2 цифры, 5 цифр) for
    a source such as "%Ln digit(s)". English has no catalogue to give its two, so the source's
    "(s)" is dropped for one and made "s" otherwise; a translation has none left to change.
    """
    return text.replace("(s)", "" if count == 1 else "s")


# ----------------------------------------------------------------------------- the menu
class LanguageMenu(QMenu):
    """Settings ▸ Language: the system's language or one of :data:`LANGUAGES`, saved in the settings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtGui import QActionGroup

        from app import settings

        self._settings = settings
        group = QActionGroup(self)
        self.system_action = QAction(self)
        self.system_action.setData("")
        self.language_actions = [self.system_action]
        for code, name in LANGUAGES.items():
            action = QAction(name, self)  # each language in its own words, never translated
            action.setData(code)
            self.language_actions.append(action)
        chosen = settings.load().language
        for action in self.language_actions:
            action.setCheckable(True)
            action.setChecked(action.data() == chosen)
            group.addAction(action)
            self.addAction(action)
            if action is self.system_action:
                self.addSeparator()
        group.triggered.connect(self._chosen)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.system_action.setText(self.tr("&System language (%1)").replace("%1", LANGUAGES[system_language()]))

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _chosen(self, action: QAction) -> None:
        saved = self._settings.load()
        saved.language = action.data()
        self._settings.save(saved)
        set_language(action.data() or system_language())


def startup_language() -> str:
    """The language to start in: the one chosen in the settings, else the system's."""
    from app import settings

    chosen = settings.load().language
    return chosen if chosen in LANGUAGES else system_language()


def install_startup_language(application: QCoreApplication | None = None) -> str:
    """Install :func:`startup_language` (English if its translation cannot be loaded); returns it."""
    import logging

    language = startup_language()
    try:
        install(language, application)
    except ValueError as error:
        logging.getLogger(__name__).warning("%s; the interface stays in English", error)
        language = SOURCE_LANGUAGE
        install(language, application)
    return language
