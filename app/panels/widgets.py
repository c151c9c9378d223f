"""Controls the configuration panels share: numbers, registry choices, hyperparameter forms, error marks.

A control never clips or silently corrects what was typed: text that is not a number is handed on
as text, so :func:`core.config.validate` reports it at the control like any other bad value.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, QRect, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QLayout,
                               QLineEdit, QScrollArea, QSpinBox, QWidget)

from app import display_names
from app.panels import choice_help

INVALID_STYLE = """
*[invalid="true"] { border: 1px solid #c62828; background: #fdecea; }
QLabel#problems { color: #b71c1c; }
QLabel#dataWarning { color: #8a4b00; }
"""
"""Application style sheet fragment: how a control with an invalid value looks, the panels' lists of problems, and
the Data panel's warning about the data loaded."""

HYPERPARAMETER_PROPERTY = "hyperparameter"
"""The Qt property that holds, on each control of a :class:`HyperparameterForm`, the key it edits."""


def named_key(message: str, keys) -> str | None:
    """The first of ``keys`` that an engine's error ``message`` names as a word ("adam lr must be ≥ 0"
    names lr, not betas), else the pair one of whose elements it names ("adam beta1 must be < 1" names
    betas: its control went unmarked, and the optimiser's box was marked instead), or None."""
    return next((key for key in keys if re.search(rf"(?<![\w.]){re.escape(key)}(?!\w)", message)), None) or \
        next((key for key in keys if key.endswith("s") and re.search(rf"(?<![\w.]){re.escape(key[:-1])}\d(?!\w)",
                                                                      message)), None)


NAME_RULES = ("hyperparameter names", "no hyperparameters")
"""The rules of a component's hyperparameter name that is none of its own: the problem is about that name, not
about one of those its message lists."""


def hyperparameter_of(error, keys) -> str | None:
    """The first of ``keys`` that ``error`` (a :class:`core.config.ConfigError` of a component's
    hyperparameters) is about, named by its subject ("adam lr"), else by its message, or None. A name the
    component does not take is about none of them, though the message lists them ("takes only the
    hyperparameters lr, momentum, …, got 'foo'" was marked at η)."""
    if error.rule in NAME_RULES:
        return None
    return named_key(error.subject or error.message, keys)


def tr(text: str, context: str = "Panels") -> str:
    return QCoreApplication.translate(context, text)



def set_help(widget: QWidget, text: str, name: str | None = None) -> None:
    """Tooltip (kept as the base text that error marks prepend to) and accessible name/description."""
    widget.setProperty("helpText", text)
    show_help(widget)
    widget.setAccessibleDescription(text)
    if name:
        widget.setAccessibleName(name)


REFUSAL_PROPERTY = "refusal"
"""The Qt property that holds what a control refused of the text typed in it (:class:`IntegerBox`): shown at it
beside the configuration's problem, which :func:`mark` sets and clears."""


def show_help(widget: QWidget) -> None:
    """The tooltip of ``widget`` from what it keeps: the text it refused and the problem marked at it
    (:func:`mark`), its help (:func:`set_help`), and what the item chosen in it does (a :class:`ChoiceBox`'s)."""
    problems = (widget.property(REFUSAL_PROPERTY), widget.property("problem"))
    parts = (*(f"⚠ {problem}" for problem in problems if problem), widget.property("helpText"),
             widget.property(CHOICE_HELP_PROPERTY))
    widget.setToolTip("\n\n".join(part for part in parts if part))


def mark(widget: QWidget, message: str | None) -> None:
    """Show (or clear) a problem at ``widget``: red frame, reason first in its tooltip."""
    if widget.property("problem") != message:
        widget.setProperty("problem", message)
        _show_marks(widget)


def _show_marks(widget: QWidget) -> None:
    """The red frame of ``widget`` and its tooltip, from the problem marked at it and the text it refused."""
    invalid = bool(widget.property("problem") or widget.property(REFUSAL_PROPERTY))
    show_help(widget)
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def format_number(value) -> str:
    """A setting's value as an edit shows it: six significant digits, the language's decimal separator
    (0,05 in Russian). Not for files."""
    if isinstance(value, float):
        return f"{value:.6g}".replace(".", QLocale().decimalPoint())
    return str(value)


def parse_number(text: str):
    """A float for number text, with a decimal point or the language's decimal separator, else the
    stripped text itself (validation reports it)."""
    stripped = text.strip()
    try:
        return float(stripped.replace(QLocale().decimalPoint(), "."))
    except ValueError:
        return stripped


def list_separator() -> str:
    """Between the numbers of a list: "; " where the decimal separator is a comma, else ", "."""
    return "; " if QLocale().decimalPoint() == "," else ", "


class NumberEdit(QLineEdit):
    """A real number of any magnitude (1e-5 … 1e3), typed freely; committed on Enter or leaving the field."""

    valueEdited = Signal(object)
    """valueEdited(value): a float, or the text as typed when it is not a number."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaximumWidth(120)
        self.editingFinished.connect(self._commit)
        self._committed = None

    def value(self):
        return parse_number(self.text())

    def set_value(self, value) -> None:
        self._committed = value
        if self.value() == value and not isinstance(value, str):
            return  # as typed: "1e-3" is not rewritten "0.001"
        self._show(value)

    def _show(self, value) -> None:
        with QSignalBlocker(self):
            self.setText(format_number(value))

    def _write_separator(self) -> None:
        """The number as typed, but with the decimal separator the window writes ("0.5" accepted in Russian shows
        as 0,5; "1e-3" stays): once editing ends, not while typing, which then went on in a rewritten text."""
        text = self.text().replace(".", QLocale().decimalPoint())
        if text != self.text():
            with QSignalBlocker(self):
                self.setText(text)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._committed is not None \
                and not isinstance(self._committed, str):
            self._show(self._committed)  # in the new language's decimal separator
        super().changeEvent(event)

    def _commit(self) -> None:
        value = self.value()
        if not isinstance(value, str):
            self._write_separator()
        if value != self._committed or type(value) is not type(self._committed):
            self._committed = value
            self.valueEdited.emit(value)


class SequenceEdit(NumberEdit):
    """A short list of numbers typed as "0.9, 0.999" (Adam's betas; "0,9; 0,999" in Russian)."""

    def value(self):
        separators = r"[;\s]+" if QLocale().decimalPoint() == "," else r"[,;\s]+"
        parts = [parse_number(part) for part in re.split(separators, self.text().strip()) if part]
        return parts if all(isinstance(part, float) for part in parts) else self.text().strip()

    def set_value(self, value) -> None:
        self._committed = list(value) if isinstance(value, (tuple, list)) else value
        self._show(self._committed)

    def _show(self, value) -> None:
        text = list_separator().join(format_number(float(v)) for v in value) if isinstance(value, list) else str(value)
        if self.text() != text:
            with QSignalBlocker(self):
                self.setText(text)


LONGEST_UNBROKEN = 24
"""Characters of a word after which a word-wrapped message may break it (see :func:`breakable`)."""


ZERO_WIDTH_SPACE = "\u200b"


def unbroken(text: str) -> str:
    """``text`` without the breaks :func:`breakable` put in it: as it was written."""
    return text.replace(ZERO_WIDTH_SPACE, "")


def breakable(text: str) -> str:
    """``text`` with a zero-width space after every :data:`LONGEST_UNBROKEN` characters of a longer
    word (a file's path, a cell of a table), where a word-wrapped label may break it: a label breaks
    only at spaces and widened its panel beyond the window for a long file name."""
    return re.sub(rf"\S{{{LONGEST_UNBROKEN}}}(?=\S)", lambda word: word.group() + ZERO_WIDTH_SPACE, text)


def not_whole(text: str, separator: str) -> str | None:
    """Why the digits of ``text``, with separators between them, are no whole number: "group" where ``separator``
    (the language's group separator) stands elsewhere than between groups of three digits ("5,5", "1,00"; not
    "1,000" or "12,345,678"), "fraction" where a decimal point or comma does ("5.5"); None for a whole number, or
    for text that is more than digits and separators."""
    escaped = re.escape(separator)
    if re.fullmatch(rf"[+-]?\d[\d.,{escaped}]*", text) is None \
            or re.fullmatch(rf"[+-]?\d+|[+-]?\d{{1,3}}({escaped}\d{{3}})+", text) is not None:
        return None
    return "group" if set(re.sub(r"[+\-\d]", "", text)) == {separator} else "fraction"


class IntegerBox(QSpinBox):
    """A whole number; commits when editing ends (not on every keystroke).

    The language's group separator is taken only between thousands (1,000; 1 000 in Russian, typed with a space or
    a non-breaking one). Elsewhere, or with a decimal point or comma, the text is refused, with the reason at the
    box, and the value stays: Qt's box dropped the separator wherever it stood and read "5,5" as 55 epochs, and
    dropped a decimal point as it was typed ("5.5": 55)."""

    refusalChanged = Signal()
    """refusalChanged(): the text refused (:data:`REFUSAL_PROPERTY`) was set or cleared."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(low, high)
        self.setKeyboardTracking(False)
        self.setGroupSeparatorShown(True)
        self._refused: tuple[str, str] | None = None  # (why, the text)
        self.editingFinished.connect(self._show_refusal)

    def set_value(self, value) -> None:
        with QSignalBlocker(self):
            if isinstance(value, int) and not isinstance(value, bool):
                self.setValue(value)

    def _number_text(self, text: str) -> str:
        """``text`` without prefix and suffix, a space read as the language's group separator where that is one."""
        text = text.removeprefix(self.prefix()).removesuffix(self.suffix())
        separator = self.locale().groupSeparator()
        return text.replace(" ", separator) if separator.isspace() else text

    def validate(self, text: str, position: int):
        number = self._number_text(text)
        if not_whole(number, self.locale().groupSeparator()):
            return QValidator.State.Intermediate, text, position  # perhaps on the way to "1,000"
        return super().validate(self.prefix() + number + self.suffix(), position)

    def valueFromText(self, text: str) -> int:
        return super().valueFromText(self._number_text(text))

    def fixup(self, text: str) -> str:
        number = self._number_text(text)
        why = not_whole(number, self.locale().groupSeparator())
        if why:
            self._refused = why, number
        return super().fixup(text)

    def _show_refusal(self) -> None:
        """The reason the text just committed was refused, at the box; cleared by a text taken."""
        refusal = None
        if self._refused is not None:
            why, number = self._refused
            words = {"%1": number, "%2": self.locale().groupSeparator(), "%3": self.locale().toString(self.value())}
            template = self.tr("“%1” is not a whole number: “%2” only separates thousands (1%2000). Type the number "
                               "without it; the box keeps %3") if why == "group" else \
                self.tr("“%1” is not a whole number. Type one without a fractional part; the box keeps %3")
            refusal = re.sub("%[123]", lambda found: words[found.group()], template)
        self._refused = None
        if refusal != self.property(REFUSAL_PROPERTY):
            self.setProperty(REFUSAL_PROPERTY, refusal)
            _show_marks(self)
            self.refusalChanged.emit()


class FractionBox(QDoubleSpinBox):
    """A fraction in [low, high] in steps of ``step`` (dropout rate, validation split).

    Takes a decimal point where the language writes a comma, as the number edits do (:func:`parse_number`), and a
    comma where it writes a point (no fraction groups thousands): Qt's box dropped the point of a typed "0.15" in
    Russian, or the comma of "0,5" in English, and kept 0 — a validation split of nothing."""

    def __init__(self, low: float, high: float, step: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(low, high)
        self.setSingleStep(step)
        self.setDecimals(3)
        self.setKeyboardTracking(False)

    def set_value(self, value) -> None:
        with QSignalBlocker(self):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self.setValue(value)

    def _decimal_text(self, text: str) -> str:
        return re.sub("[.,]", self.locale().decimalPoint(), text)

    def validate(self, text: str, position: int):
        return super().validate(self._decimal_text(text), position)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(self._decimal_text(text))


MINIMUM_CHOICE_CHARACTERS = 12
"""Characters a :class:`ChoiceBox` always has room for."""


CHOICE_HELP_PROPERTY = "choiceHelp"
"""The Qt property that holds, on a :class:`ChoiceBox`, what its current item does (the end of its tooltip)."""


class ChoiceBox(QComboBox):
    """One of a list of identifiers (a registry's ``names()``), each item with its own tooltip, and the
    box's tooltip ending with the current item's.

    With a ``kind`` of :data:`app.display_names.LABELS` the items read as a person's names
    ("He, uniform"), in the interface language, and tell what they do by the ``kind``'s texts of
    :mod:`app.panels.choice_help` unless ``item_help(name)`` gives another text; the identifier
    (``he_uniform``) is each item's data, what :meth:`current_name` and :attr:`chosen` give, and the
    last line of its tooltip (what a configuration file says).
    """

    chosen = Signal(str)
    """chosen(identifier): another item was picked (not by :meth:`set_value` or :meth:`set_names`)."""

    def __init__(self, names: list[str], item_help=None, parent: QWidget | None = None, kind: str | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setProperty("translatedItems", kind is not None)  # app.i18n retranslates the items' texts
        # As wide as the column allows, not as its longest name (some are long in Russian): a
        # narrower box shortens the name shown; the open list shows every name whole.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(MINIMUM_CHOICE_CHARACTERS)
        self.currentIndexChanged.connect(self._index_changed)
        self.set_names(names, item_help)

    def set_names(self, names: list[str], item_help=None) -> None:
        self._item_help = item_help or self._choice_help
        with QSignalBlocker(self):
            current = self.current_name()
            self.clear()
            for name in names:
                self._add(name, self._item_help(name))
            if current in names:
                self.setCurrentIndex(self.findData(current))
        self._show_choice_help()

    def set_value(self, name: str) -> None:
        with QSignalBlocker(self):
            if self.findData(name) < 0:
                self._add(name, "")  # an unknown name stays visible so that its error can be shown
            self.setCurrentIndex(self.findData(name))
        self._show_choice_help()

    def choose(self, name: str) -> None:
        """Pick the item of ``name`` as a person would (:attr:`chosen` follows); ValueError if there is none."""
        index = self.findData(name)
        if index < 0:
            raise ValueError(f"no item {name!r} in this list")
        self.setCurrentIndex(index)

    def current_name(self) -> str:
        """The identifier of the item shown ("" when the list is empty)."""
        name = self.currentData()
        return "" if name is None else name

    def _add(self, name: str, help_text: str) -> None:
        text = name if self.kind is None else display_names.label(self.kind, name)
        self.addItem(text, name)
        self._set_item_help(self.count() - 1, help_text)

    def _choice_help(self, name: str) -> str:
        return choice_help.text(self.kind, name) if self.kind is not None else ""

    def _set_item_help(self, index: int, help_text: str) -> None:
        name = self.itemData(index)
        identifier = "" if self.itemText(index) == name else \
            QCoreApplication.translate("Panels", "In configuration files: %1").replace("%1", name)
        tooltip = "\n\n".join(part for part in (help_text, identifier) if part)
        self.setItemData(index, tooltip or None, Qt.ItemDataRole.ToolTipRole)

    def _show_choice_help(self) -> None:
        self.setProperty(CHOICE_HELP_PROPERTY, self._item_help(self.current_name()) if self.count() else "")
        show_help(self)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            for index in range(self.count()):  # the items' help in the new language
                self._set_item_help(index, self._item_help(self.itemData(index)))
            self._show_choice_help()

    def _index_changed(self, index: int) -> None:
        self._show_choice_help()
        if index >= 0:
            self.chosen.emit(self.itemData(index))


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def tab_stops(control: QWidget) -> list[QWidget]:
    """Where Tab stops in ``control``: itself, or for a row of widgets (a path and its Browse… button)
    each of them that takes focus."""
    if takes_tab(control):
        return [control]
    return [child for child in control.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if takes_tab(child)]


class HyperparameterForm(QWidget):
    """Rows of controls for a component's hyperparameters (a float, int, bool or list each).

    The rows follow the component's defaults; values come from the configuration's options.
    """

    edited = Signal(str, object)
    """edited(key, value): the user changed hyperparameter ``key``."""

    refusalChanged = Signal()
    """refusalChanged(): one of the form's :class:`IntegerBox` refused the text typed in it, or took one again."""

    def __init__(self, describe=None, empty_text: str | None = None, parent: QWidget | None = None, *,
                 labels: str = "hyperparameter"):
        """``describe(key)`` gives a row's help; ``labels`` is the kind of :data:`display_names.LABELS`
        that names the rows."""
        super().__init__(parent)
        self._describe = describe or (lambda key: "")
        self._labels = labels
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._controls: dict[str, QWidget] = {}
        self._component: str | None = None
        self._empty = QLabel(empty_text if empty_text is not None
                             else QCoreApplication.translate("Panels", "(no hyperparameters)"))
        self._empty.setEnabled(False)
        self._layout.addRow(self._empty)

    def controls(self) -> dict[str, QWidget]:
        return dict(self._controls)

    def set_values(self, defaults: dict, values: dict, component: str | None = None) -> None:
        """Show ``defaults``' keys with ``values`` where given, rebuilding rows only if the keys changed, or
        the ``component`` they belong to (whose help may differ: Adam's ε is not Adadelta's)."""
        if list(defaults) != list(self._controls) or component != self._component:
            self._component = component
            self._rebuild(defaults)
        for key, control in self._controls.items():
            control.set_value(values.get(key, defaults[key]))

    def control_for(self, error) -> QWidget | None:
        """The control of the hyperparameter a :class:`core.config.ConfigError` is about (see
        :func:`hyperparameter_of`), or None."""
        key = hyperparameter_of(error, self._controls)
        return None if key is None else self._controls[key]

    def _rebuild(self, defaults: dict) -> None:
        while self._layout.rowCount() > 1:
            self._layout.removeRow(1)
        self._controls = {}
        for key, default in defaults.items():
            control = self.make_control(key, default)
            label = display_names.label(self._labels, key)
            set_help(control, self._describe(key), label)
            control.setProperty(HYPERPARAMETER_PROPERTY, key)
            self._controls[key] = control
            self._layout.addRow(label, control)
        self._empty.setVisible(not defaults)
        self._chain_focus()

    def _chain_focus(self) -> None:
        """Put the new controls in the Tab order where the form stands (after the control that owns it,
        an optimiser's box): Qt appends a new child at the end of the window's focus chain, so Tab
        reached η only after the panel's last control."""
        previous = self.previousInFocusChain()
        while previous is not self and (self.isAncestorOf(previous) or not takes_tab(previous)):
            previous = previous.previousInFocusChain()
        if previous is self:
            return  # the form is not in a window with other controls yet: it is chained when it is placed
        for control in self._controls.values():
            for stop in tab_stops(control):
                QWidget.setTabOrder(previous, stop)
                previous = stop

    def make_control(self, key: str, default) -> QWidget:
        """A control suited to the default's type, wired to :attr:`edited` (subclasses add kinds)."""
        if isinstance(default, bool):
            control = _FlagBox()
            control.toggled.connect(lambda checked, c=control: self.emit_edit(c, checked))
        elif isinstance(default, int):
            control = IntegerBox(0, 10**9)
            control.valueChanged.connect(lambda value, c=control: self.emit_edit(c, value))
            control.refusalChanged.connect(self.refusalChanged)
        elif isinstance(default, (tuple, list)):
            control = SequenceEdit()
            control.valueEdited.connect(lambda value, c=control: self.emit_edit(c, value))
        else:
            control = NumberEdit()
            control.valueEdited.connect(lambda value, c=control: self.emit_edit(c, value))
        return control

    def emit_edit(self, control: QWidget, value) -> None:
        """Announce that ``control`` (one of the form's) now holds ``value``."""
        key = next(key for key, candidate in self._controls.items() if candidate is control)
        self.edited.emit(key, value)


class _FlagBox(QCheckBox):
    """A flag's tick box. A value that is neither true nor false (a file's "yes") shows as neither, half ticked
    beside its problem: ticked, it claimed a value the configuration does not hold. A click makes it a flag."""

    def set_value(self, value) -> None:
        with QSignalBlocker(self):
            flag = isinstance(value, bool)
            self.setTristate(not flag)
            self.setCheckState(Qt.CheckState.PartiallyChecked if not flag
                               else Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)

    def nextCheckState(self) -> None:
        if self.isTristate():  # Qt counts half ticked as checked: leave it unticked unheard, so ticking is heard
            self.setTristate(False)
            with QSignalBlocker(self):
                self.setCheckState(Qt.CheckState.Unchecked)
        super().nextCheckState()


class FlowLayout(QLayout):
    """Widgets side by side while they fit the width, the rest on the next lines (Qt's flow layout
    example): a row of buttons that, in a longer language or a narrow window, would otherwise force
    the whole window wider than the screen."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def add_group(self, parent: QWidget, *widgets: QWidget) -> QWidget:
        """``widgets`` side by side, kept together on one line."""
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        self.addWidget(box)
        return box

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._lay_out(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._lay_out(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        width = sum(item.sizeHint().width() for item in self._items) + self.spacing() * max(len(self._items) - 1, 0)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        """As narrow as the widest item: the others wrap."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _lay_out(self, rect: QRect, move: bool) -> int:
        """Place the items line by line in ``rect`` (or only measure); returns the height they take."""
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line_height = rect.x(), y + line_height + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class VerticalScrollArea(QScrollArea):
    """A widget in a column that scrolls vertically, never sideways: it stays as wide as the widget needs,
    also when its texts change (the language switched: Russian labels are longer), and may be as short as
    the window needs (a tool's controls, the Draw view on a laptop screen)."""

    def __init__(self, widget: QWidget):
        super().__init__()
        self.setWidgetResizable(True)
        self.setWidget(widget)  # the scroll area filters the widget's events from here on
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        self.setMinimumWidth(self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
                             + 2 * self.frameWidth())
