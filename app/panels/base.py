"""What every configuration panel does: follow the model, write edits to it, show its errors in place."""
from __future__ import annotations

import math
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QLabel, QWidget

from app.config_model import ConfigModel
from app.i18n import json_kind_text, json_syntax_text
from app.panels.widgets import (HYPERPARAMETER_PROPERTY, REFUSAL_PROPERTY, HyperparameterForm, IntegerBox, breakable,
                                mark)
from core._checks import JsonSyntaxError, NumberError, RuleError, quoted
from core.config import (OPTIONS, SCHEMA_VERSION, ConfigError, InvalidConfigError, NewerConfigError, NotAnObjectError,
                         UnknownFieldError, as_written)

NUMBER_RULES = {"number": QT_TRANSLATE_NOOP("Problems", "must be a number"),
                "finite": QT_TRANSLATE_NOOP("Problems", "must be a finite number"),
                "whole number": QT_TRANSLATE_NOOP("Problems", "must be a whole number"),
                ">": QT_TRANSLATE_NOOP("Problems", "must be > %1"),
                "≥": QT_TRANSLATE_NOOP("Problems", "must be ≥ %1"),
                "<": QT_TRANSLATE_NOOP("Problems", "must be < %1"),
                "≤": QT_TRANSLATE_NOOP("Problems", "must be ≤ %1")}
"""The words of ``core._checks.NUMBER_RULES``, to translate; ``%1`` is the bound."""

VALUE_RULES = {"pair": QT_TRANSLATE_NOOP("Problems", "must be a pair (%1)"),
               "hyperparameter names": QT_TRANSLATE_NOOP("Problems", "takes only the hyperparameters %1"),
               "no hyperparameters": QT_TRANSLATE_NOOP("Problems", "takes no hyperparameters")}
"""The words of ``core._checks.VALUE_RULES``, to translate (``%1`` is the bound), but those a configuration words
as a file does (``core.config.FILE_RULES``): no problem the window shows is in Python's "True or False"."""

PROBLEM_RULES = {"choice": QT_TRANSLATE_NOOP("Problems", "choose one of: %1"),
                 "text": QT_TRANSLATE_NOOP("Problems", "must be a text"),
                 "true or false": QT_TRANSLATE_NOOP("Problems", "must be true or false"),
                 "dtype": QT_TRANSLATE_NOOP("Problems", "choose float32 or float64"),
                 "unit": QT_TRANSLATE_NOOP("Problems", "choose step or epoch"),
                 "hyperparameters": QT_TRANSLATE_NOOP("Problems", "must be an object of hyperparameters"),
                 "data options": QT_TRANSLATE_NOOP("Problems", "must be an object of the data set's options"),
                 "strengths": QT_TRANSLATE_NOOP("Problems", "must be an object of strengths"),
                 "layers": QT_TRANSLATE_NOOP("Problems", "must be a list of layers"),
                 "object": QT_TRANSLATE_NOOP("Problems", "must be an object {…}"),
                 "too deep": QT_TRANSLATE_NOOP("Problems", "at most %1 hidden layers (the views draw every layer)"),
                 "lr0": QT_TRANSLATE_NOOP("Problems", "lr0 comes from the optimiser's lr; remove it"),
                 "batch norm": QT_TRANSLATE_NOOP("Problems", "batch normalisation needs batches of at least 2 examples "
                                                             "(it divides by their spread); raise the batch size or "
                                                             "switch batch norm off"),
                 "file": QT_TRANSLATE_NOOP("Problems", "choose a file"),
                 "folder": QT_TRANSLATE_NOOP("Problems", "choose a folder")}
"""The words of ``core.config.PROBLEMS`` (``%1`` is the bound), to translate, and the panels' own:
a data set's file or folder not chosen yet (:func:`app.panels.data_panel.missing_options`)."""

CHECKBOX_RULES = {"true or false": QT_TRANSLATE_NOOP("Problems", "must be ticked or unticked")}
"""The window's words for a rule of :data:`PROBLEM_RULES` that a file words as JSON does: a flag is a checkbox."""


def _as_given(value) -> str:
    """A bound or a value given as Python writes it (0.0 stays 0.0), with the language's decimal separator; a
    text as a problem quotes it (its start)."""
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value).replace(".", QLocale().decimalPoint())
    return repr(quoted(value)) if isinstance(value, str) else repr(value)


def _rule_text(error: ConfigError, in_file: bool) -> str | None:
    """The rule ``error`` names, in the current language with its bound (None when it names none); a flag's as
    the window shows it unless the problem is ``in_file``'s."""
    for rules, bound in ((PROBLEM_RULES if in_file else {**PROBLEM_RULES, **CHECKBOX_RULES}, str(error.bound)),
                         (VALUE_RULES, str(error.bound)),
                         (NUMBER_RULES, _as_given(error.bound))):
        if error.rule in rules:
            return QCoreApplication.translate("Problems", rules[error.rule]).replace("%1", bound)
    return None


def problem_text(error: ConfigError, subject: bool = True, in_file: bool = False) -> str:
    """What ``error`` says, in the current language when it names its rule (:data:`PROBLEM_RULES`,
    :data:`VALUE_RULES`, :data:`NUMBER_RULES`; a component's check that names none keeps the engine's English).
    Without ``subject`` the engine's name of the hyperparameter ("adam lr") is left out: for a text
    that follows its control's name. A flag is worded as its checkbox shows it, or as JSON writes it when
    the problem is ``in_file``'s (:data:`CHECKBOX_RULES`)."""
    rule = _rule_text(error, in_file)
    if rule is None:
        return error.message
    if not error.subject:
        return rule
    if subject:
        words = {"%1": error.subject, "%2": rule, "%3": _as_given(error.got)}
        template = QCoreApplication.translate("Problems", "%1 %2, got %3")
    else:
        words = {"%1": rule, "%2": _as_given(error.got)}
        template = QCoreApplication.translate("Problems", "%1, got %2")
    return re.sub("%[123]", lambda found: words[found.group()], template)  # in one pass: a value may hold "%1"


def given_problem_text(error: ConfigError) -> str:
    """What ``error`` says, with the value given where the rule's words do not quote it, in the current language:
    for a problem read away from its control in a file (a lab's variant), as :func:`core.labs.english_config_problem`
    words it in English (a flag is the file's true or false, not a checkbox's)."""
    if error.subject or isinstance(error.value, (dict, list)):  # a hyperparameter's says it; an object would not
        return problem_text(error, in_file=True)
    words = {"%1": problem_text(error, in_file=True), "%2": _as_given(error.value)}
    return re.sub("%[12]", lambda found: words[found.group()], QCoreApplication.translate("Problems", "%1, got %2"))


def rule_problem_text(error: RuleError, subject: bool = True, in_file: bool = False) -> str:
    """What a :class:`core._checks.RuleError` says (a number's rule broken, a configuration file's part of another
    kind: :class:`core.config.StructureError`) as :func:`problem_text` words the same rule of a :class:`ConfigError`."""
    return problem_text(ConfigError(error.what, error.got, str(error), error.rule, error.bound, error.what, error.got),
                        subject, in_file)


def number_problem_text(error: ValueError, subject: bool = True) -> str:
    """What a component's ValueError says: in the current language when a number broke one of its
    rules (a :class:`core._checks.NumberError`), else as the engine words it. Without ``subject``
    the engine's name of the number is left out (see :func:`problem_text`)."""
    if not isinstance(error, NumberError):
        return str(error)
    return rule_problem_text(error, subject)


NEWER_CONFIG = {
    "file": QT_TRANSLATE_NOOP("Problems", "%1 was written by a newer MLP Workbench (configuration version %2; this "
                                          "one reads up to %3): open it with that version, or update this one"),
    "recorded": QT_TRANSLATE_NOOP("Problems", "its configuration was written by a newer MLP Workbench (version %2; "
                                              "this one reads up to %3): open it with that version, or update this one"),
}
"""A configuration of a newer schema (:class:`~core.config.NewerConfigError`): in its file %1, or recorded in a
model file."""


def _shape_text(error: UnknownFieldError | NotAnObjectError) -> str:
    """That a configuration's JSON holds a field no configuration has, or no JSON object at all, in the current
    language."""
    if isinstance(error, UnknownFieldError):
        words = {"%1": error.field, "%2": ", ".join(error.allowed)}
        template = QCoreApplication.translate("Problems", "unknown field %1; allowed fields: %2")
    else:
        words = {"%1": json_kind_text(error.kind)}
        template = QCoreApplication.translate("Problems", "a run configuration must be a JSON object {…}, got %1")
    text = re.sub("%[12]", lambda found: words[found.group()], template)  # in one pass: a field's name may hold "%2"
    return text if error.path is None else f"{error.path}: {text}"


def refusal_text(error: Exception) -> str:
    """Why a configuration was refused, in the current language where the engine says by which rules
    (an :class:`~core.config.InvalidConfigError`: each problem at its field, as the file writes it; a part of it of
    another kind than its field holds), that a newer version wrote it, where it is not valid JSON, that it holds a
    field no configuration has or no JSON object at all; else as the engine words it."""
    if isinstance(error, NewerConfigError):
        template = NEWER_CONFIG["file" if error.path is not None else "recorded"]
        return QCoreApplication.translate("Problems", template).replace("%1", str(error.path)) \
            .replace("%2", str(error.version)).replace("%3", str(SCHEMA_VERSION))
    if isinstance(error, JsonSyntaxError):
        return json_syntax_text(error)
    if isinstance(error, (UnknownFieldError, NotAnObjectError)):
        return _shape_text(error)
    if isinstance(error, RuleError):  # a part of the file of another kind, a schema version that is no number
        return rule_problem_text(error, in_file=True)
    if not isinstance(error, InvalidConfigError):
        return str(error)
    heading = QCoreApplication.translate("Problems", "invalid run configuration:")
    if error.path is not None:
        heading = f"{error.path}: {heading}"
    lines = (f"  {problem.field} = {as_written(problem.value)}: {problem_text(problem, in_file=True)}"
             for problem in error.errors)
    return "\n".join([heading, *lines])


class ConfigPanel(QWidget):
    """A panel editing the fields under ``prefixes`` of the window's :class:`ConfigModel`.

    Subclasses build their controls, :meth:`bind` each to its field path, and implement
    :meth:`refresh` (set every control from the model). Errors of the panel's fields are marked at
    their control and listed in :attr:`problems`.
    """

    prefixes: tuple[str, ...] = ()
    guide_section: str
    """The anchor of the panel's section of the user guide (:mod:`app.user_guide`): F1 in the panel opens it."""

    def __init__(self, model: ConfigModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._controls: dict[str, QWidget] = {}
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        self.problems.setAccessibleName(self.tr("Problems"))
        model.changed.connect(self._on_model_changed)
        model.errors_changed.connect(self.show_errors)

    @property
    def config(self):
        return self.model.config

    def owns(self, field: str) -> bool:
        return any(field.startswith(prefix) for prefix in self.prefixes)

    def bind(self, field: str, control: QWidget) -> None:
        """``control`` shows ``field`` (a validate() path; a component's options use "<field> options")."""
        self._controls[field] = control
        self.follow_refusals(control)

    def follow_refusals(self, control: QWidget) -> None:
        """List the texts ``control`` refuses (an :class:`IntegerBox`'s, or those of a form's) with the problems."""
        if isinstance(control, (IntegerBox, HyperparameterForm)):
            control.refusalChanged.connect(lambda: self.show_errors(self.model.errors))

    def control_for(self, error: ConfigError) -> QWidget | None:
        control = self._controls.get(error.field)
        if isinstance(control, HyperparameterForm):
            return control.control_for(error) or self._controls.get(error.field.removesuffix(OPTIONS))
        return control

    def describe_field(self, error: ConfigError, control: QWidget | None) -> str:
        """How the problem list names the field: its control's accessible name, else the path."""
        return (control.accessibleName() if control is not None else "") or error.field

    def located_problem(self, error: ConfigError) -> tuple[QWidget | None, str, str]:
        """The control of ``error`` (or None), the name the problem list gives it and the problem.

        The control of the very hyperparameter the error is about names it in the window's language
        ("Шум"): the problem then leaves out the engine's name for it ("moons: noise")."""
        control = self.control_for(error)
        named = control is not None and control.property(HYPERPARAMETER_PROPERTY) is not None
        return control, self.describe_field(error, control), problem_text(error, subject=not named)

    def refresh(self) -> None:
        raise NotImplementedError

    def _on_model_changed(self, path: str) -> None:
        if not path or self.owns(path):
            self.refresh()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "model"):
            self.show_errors(self.model.errors)  # the problems are composed texts: compose them again
        super().changeEvent(event)

    def show_errors(self, errors: list[ConfigError]) -> None:
        """Mark each owned error at its control and list all of them, in words, at the top, after the texts the
        controls refused."""
        problems: dict[int, str] = {}
        lines = [f"⚠ {control.accessibleName()}: {control.property(REFUSAL_PROPERTY)}"
                 for control in self._all_controls() if control.property(REFUSAL_PROPERTY)]
        for error in errors:
            if not self.owns(error.field):
                continue
            control, name, problem = self.located_problem(error)
            if control is not None:
                problems.setdefault(id(control), problem)
            lines.append(f"⚠ {name}: {problem}")
        for control in self._all_controls():
            mark(control, problems.get(id(control)))
        self.problems.setText(breakable("\n".join(lines)))
        self.problems.setVisible(bool(lines))

    def _all_controls(self) -> list[QWidget]:
        controls = []
        for control in self._controls.values():
            if isinstance(control, HyperparameterForm):
                controls.extend(control.controls().values())
            else:
                controls.append(control)
        return controls
