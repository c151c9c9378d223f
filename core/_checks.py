"""Validation helpers shared by every module: errors name the thing, the value and what is allowed."""
from __future__ import annotations

import json
import math
import numbers


NUMBER_RULES = {"number": "must be a number", "finite": "must be a finite number",
                "whole number": "must be a whole number",
                ">": "must be > {bound}", "≥": "must be ≥ {bound}", "<": "must be < {bound}", "≤": "must be ≤ {bound}"}
"""What a number must be, in English: the words of :class:`NumberError` and of config validation."""

VALUE_RULES = {"flag": "must be True or False", "pair": "must be a pair ({bound})",
               "hyperparameter names": "takes only the hyperparameters {bound}",
               "no hyperparameters": "takes no hyperparameters"}
"""What a component's value that is not a number must be, in English: the words of :class:`RuleError`
(a flag, Adam's betas; the hyperparameter names a configuration may give a component)."""


QUOTED_CHARACTERS = 60
"""The most a problem quotes of a text it was given (a cell, a name, a list of them): 10,000 characters pasted into a
field, or the names of a thousand columns, filled a window's panel with the problem and pushed its settings away."""


def quoted(text: str) -> str:
    """``text`` as a problem quotes it: cut to :data:`QUOTED_CHARACTERS`, and "…" where it was cut."""
    return text if len(text) <= QUOTED_CHARACTERS else text[:QUOTED_CHARACTERS] + "…"


def json_kind(value) -> str:
    """What JSON calls ``value``'s kind ("null", "a list", "a string" …): a file that held ``null`` where settings
    belong was said to be "got NoneType", Python's name, which its author never wrote."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Number):
        return "a number"
    return {str: "a string", list: "a list (JSON array)", dict: "an object"}.get(type(value), type(value).__name__)


JSON_SYNTAX = {
    "Expecting value": "a value is missing or misspelt here (a number, a text in double quotes, true, false, null, "
                       "a list […] or an object {…})",
    "Unterminated string starting at": "a text in quotes is never closed",
    "Expecting ',' delimiter": "a comma is missing between two items",
    "Expecting ':' delimiter": "a colon is missing between a name and its value",
    "Expecting property name enclosed in double quotes": "a name in double quotes is expected here (is there a comma "
                                                         "after the last item, or a name in single quotes?)",
    "Extra data": "more follows where the JSON value has ended",
    "Invalid control character at": "a text in quotes holds a line break or a tab: write them as \\n and \\t",
    "Invalid \\escape": "a backslash in a text begins no escape JSON knows: write a backslash as \\\\",
    "Invalid \\uXXXX escape": "\\u in a text must be followed by four hexadecimal digits",
    "Illegal trailing comma before end of object": "a comma follows the last item: remove it",
    "Illegal trailing comma before end of array": "a comma follows the last item: remove it",
    "cut short": "the text ends before every list […] and object {…} in it is closed (was the file cut short?)",
}
"""What is wrong, in English, by the message of Python's JSON parser (``json.JSONDecodeError.msg``, Python 3.11 to
3.13; see :func:`parser_reason`): its own words ("Unterminated string starting at") named no line of the user's and
read as a traceback."""

NOT_JSON = ("the file is not valid JSON at line {line}, column {column}: {reason}",
            "{path} is not valid JSON at line {line}, column {column}: {reason}")
"""What :class:`JsonSyntaxError` says, in English: of a text, and of the file ``path``."""


def parser_reason(error: json.JSONDecodeError) -> str:
    """The key of :data:`JSON_SYNTAX` that says what is wrong where ``error`` was found: the parser's message, but
    "cut short" for a text that ends where the parser expected more (a comma, a value: "Expecting ',' delimiter" at
    the end of a file cut short named no missing comma)."""
    ended = error.pos >= len(error.doc.rstrip()) and error.doc.strip()
    return "cut short" if ended and error.msg.startswith("Expecting") else error.msg


def json_reason(message: str, phrases: dict = JSON_SYNTAX) -> str:
    """What the JSON parser's ``message`` means, in the words of ``phrases`` (these by default; a window passes its
    language's); a message none of them names stays as the parser words it."""
    return phrases.get(message, message)


class JsonSyntaxError(ValueError):
    """A text, or the file ``path``, that is not valid JSON: ``reason`` (a key of :data:`JSON_SYNTAX`, or the
    parser's message) at ``line`` and ``column``, from which a window words it in its own language (:meth:`words`)."""

    def __init__(self, error: json.JSONDecodeError, path=None):
        self.error, self.path = error, path
        self.reason, self.line, self.column = parser_reason(error), error.lineno, error.colno
        super().__init__(self.words())

    def at(self, path) -> "JsonSyntaxError":
        """The same problem, of the file ``path``."""
        return JsonSyntaxError(self.error, path)

    def words(self, phrases: dict = JSON_SYNTAX, templates: tuple = NOT_JSON) -> str:
        """The problem in the words of ``phrases`` and ``templates`` (see :data:`JSON_SYNTAX`, :data:`NOT_JSON`)."""
        return templates[self.path is not None].format(path=self.path, line=self.line, column=self.column,
                                                       reason=json_reason(self.reason, phrases))


class RuleError(ValueError):
    """``what`` (e.g. "adam amsgrad") broke a rule of :attr:`rules` (with its ``bound``), given ``got``:
    fields from which a window can word the problem in its own language."""

    rules = VALUE_RULES

    def __init__(self, what: str, rule: str, bound=None, got=None):
        self.what, self.rule, self.bound, self.got = what, rule, bound, got
        shown = "NaN" if isinstance(got, float) and math.isnan(got) else repr(got)
        super().__init__(f"{what} {self.rules[rule].format(bound=bound)}, got {shown}")


class NumberError(RuleError):
    """``what`` (e.g. "adam lr") broke a rule of :data:`NUMBER_RULES` (with its ``bound``), given ``got``."""

    rules = NUMBER_RULES


def check_number(what: str, value, *, low=None, high=None, low_open=False, high_open=False, integer=False):
    """Return ``value`` as float/int if it lies in the allowed range, else raise :class:`NumberError`.

    ``low_open``/``high_open`` make the bound exclusive. Booleans, NaN and infinities are refused (no
    setting means anything at ±∞, and a configuration holding one cannot be written as JSON).
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "__float__"):
        raise NumberError(what, "number", got=value)
    try:
        as_float = float(value)
    except OverflowError:  # an integer beyond any float
        raise NumberError(what, "finite", got=value) from None
    if math.isnan(as_float):
        raise NumberError(what, "number", got=as_float)
    if math.isinf(as_float):
        raise NumberError(what, "finite", got=as_float)
    if integer:
        # An integer is whole, however large (10**30 as a float is not 10**30: it was called "not whole").
        if not isinstance(value, numbers.Integral) and as_float != int(value):
            raise NumberError(what, "whole number", got=value)
        value = int(value)
    else:
        value = as_float
    if low is not None and (value < low or (low_open and value == low)):
        raise NumberError(what, ">" if low_open else "≥", low, value)
    if high is not None and (value > high or (high_open and value == high)):
        raise NumberError(what, "<" if high_open else "≤", high, value)
    return value
