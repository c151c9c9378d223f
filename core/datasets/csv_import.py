"""Your own table as a data set: a CSV file with one example per row and a label column.

* The text is UTF-8 (with or without a byte order mark), UTF-16 with its byte order mark (Excel's "Unicode text"),
  else Windows-1252 as Excel saves it in Western Europe; a data set read in another encoding than UTF-8 names it
  (:attr:`Dataset.encoding`).
* The delimiter is a tab, a semicolon or a comma — the first of these found in the first line
  outside quotes — unless ``delimiter`` is given. In a file not split by commas a number may be
  written with a decimal comma (``-0,132``), as spreadsheets in Russian or German write them.
* The first row is a header when some column is text there but a number in the second row, or
  when it is the only row and all text (``header=None``); ``header=True``/``False`` decides it.
* ``label_column`` is a column name (with a header) or a 0-based index (negative counts from
  the end). For classification the labels may be any text; the classes are the distinct labels,
  sorted (numerically when they are all numbers, and then one class per value: 1 and 1.0 are one).
  For regression they must be numbers.
* Every other column is a feature and must hold a number in every row.

A bad file is refused with a :class:`CsvProblem` (a ValueError) naming the row (the file's line
number) and the column: a cell that is not a number (or beyond ±1.7e38, see LARGEST_VALUE), a missing value, a
row with too many or too few cells, a quote left open, and a label column with only one class.
"""
from __future__ import annotations

import codecs
import csv
import itertools
import math
import os
import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from core._checks import QUOTED_CHARACTERS, quoted
from core.datasets.dataset import DATASETS, TASKS, Dataset, make_dataset

DELIMITERS = ("\t", ";", ",")
_QUOTED = re.compile(r'"[^"]*"')
CONVERTED_ROWS = 10_000
"""Rows converted to numbers at a time (see :func:`_numbers`)."""
PARSED_LINES = 50_000
"""Lines split into cells between two calls of ``progress``."""
LARGEST_VALUE = float(np.finfo(np.float32).max) / 2
"""The largest magnitude a value may have, 1.7e38: the engine computes in float32 (up to ±3.4e38), and scaling
subtracts from each value an offset within its column's range (the mean, the minimum), so the difference of
two values must fit too: ±3.3e38 in one column turned into NaN when scaled to [0, 1]."""
MISSING = {"", "na", "n/a", "nan", "null", "none", "?", "-"}

PROBLEMS = {
    "not a path": "{path} is not a file name; choose a CSV file",
    "unknown task": "{path}: task {task!r} is not one of {tasks}",
    "no such file": "{path}: cannot read it: there is no such file; choose an existing CSV file",
    "a folder": "{path} is a folder; choose a CSV file",
    "not text": "{path} is not a text file (it holds bytes no text has); export it from your spreadsheet as CSV",
    "unreadable": "{path}: cannot read it ({reason})",
    "no rows": "{path}: the file has no rows",
    "no data rows": "{path}: the file has a header but no data rows",
    "short row": "{path}: row {row} has {cells} cells but the first row has {width}: {column} is missing",
    "short row under a header": "{path}: row {row} has {cells} cells but the header has {width}: {column} is missing",
    "long row": "{path}: row {row} has {cells} cells but the first row has {width}: {column} is extra",
    "long row under a header": "{path}: row {row} has {cells} cells but the header has {width}: {column} is extra",
    "only the label": "{path}: the only column is the label; a data set needs at least one feature column",
    "missing label": "{path}: row {row}, {column}: the label is missing",
    "one class": "{path}: {column}: every row has the label {label!r}; classification needs at least two "
                 "classes (choose another label column, or the task 'regression')",
    "not two classes": "{path}: {column} has {count} classes ({classes}); the task 'binary' needs exactly two",
    "missing value": "{path}: row {row}, {column}: missing value ({cell!r})",
    "not a number": "{path}: row {row}, {column}: {cell!r} is not a number",
    "text column": "{path}: {column} holds text ({cell!r}, …), not numbers: if it holds the labels, choose it as "
                   "the label column",
    "text targets": "{path}: the labels in {column} are text ({cell!r}); the task 'regression' needs numbers: "
                    "choose the task 'multiclass' (or 'binary')",
    "too large": "{path}: row {row}, {column}: {cell!r} is beyond ±1.7e38, the largest value the engine can scale "
                 "in its 32-bit numbers (±3.4e38); rescale that column (other units)",
    "open quote": "{path}: row {row}: a quote (\") opens a cell that does not end on that row; close or remove "
                  "that quote",
    "unended quote": "{path}: a quote (\") opens a cell that never ends (read up to row {row}); close or remove "
                     "that quote",
    "a name without a header": "{path}: the label column {label!r} is a name, but the file has no header; "
                               "give its 0-based index",
    "no such column": "{path}: no column named {label!r}; the columns are: {names}",
    "bad label column": "{path}: the label column {label!r} must be a column name or an index in {low} … {high}",
}
"""What can be wrong with a file, in English: ``str.format`` templates of :class:`CsvProblem`'s fields."""

AT_FAULT = {"unknown task": "task", "not two classes": "task", "text targets": "task",
            **dict.fromkeys(("a name without a header", "no such column", "bad label column", "one class",
                             "text column"), "label_column")}
"""The parameter of :func:`load_csv` a problem asks to change; the others are the file's (``path``)."""

COLUMNS = ("column {number}", "column {number} ({name!r})")
"""How a problem names a column: by number, and by number and name where the file has a header."""


def word(problem: str, fields: dict, problems: dict = PROBLEMS, columns: tuple = COLUMNS) -> str:
    """The text of ``problem`` with its ``fields`` in the words of ``problems`` and ``columns``
    (these by default; a window passes its own language's). A ``column`` field is a pair
    (number from 1, header name or None)."""
    values = dict(fields)
    if "column" in fields:
        number, name = fields["column"]
        values["column"] = columns[name is not None].format(number=number, name=name)
    return problems[problem].format(**values)


def _quoted(value):
    """``value`` as a problem quotes it (:func:`core._checks.quoted`): a text or a huge number cut; others as is."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** QUOTED_CHARACTERS:
        value = str(value)
    return quoted(value) if isinstance(value, str) else value


class CsvProblem(ValueError):
    """A file that cannot be a data set: ``problem`` (a key of :data:`PROBLEMS`) and its ``fields``,
    from which a window can word it in its own language (:func:`word`)."""

    def __init__(self, problem: str, **fields):
        fields = {key: value if key in ("path", "reason") else _quoted(value) for key, value in fields.items()}
        if "column" in fields:
            number, name = fields["column"]
            fields["column"] = number, _quoted(name)
        self.problem, self.fields = problem, fields
        self.option = AT_FAULT.get(problem, "path")  # what to change: see AT_FAULT
        super().__init__(word(problem, fields))


FALLBACK_ENCODING = "Windows-1252"
"""The encoding a CSV file that is not UTF-8 is read in (named as spreadsheets name it, which Python's codecs take):
Excel's "CSV" in Western Europe and the Americas (a header "Température"). It holds every printable character of
Latin-1."""


MARKED_ENCODINGS = {codecs.BOM_UTF16_LE: "UTF-16 LE", codecs.BOM_UTF16_BE: "UTF-16 BE"}
"""The encodings a file starting with their byte order mark is read in, named as editors name them (which Python's
codecs take): Excel's "Unicode text" is UTF-16 LE with its mark, tab-separated. UTF-8's mark is UTF-8's."""


def _read_text(path: Path) -> tuple[str, str | None]:
    """The text of ``path`` and the encoding it was read in when not UTF-8 (with or without a byte order mark):
    that of :data:`MARKED_ENCODINGS` its byte order mark names, else :data:`FALLBACK_ENCODING`; or None. A file
    holding NUL characters, or bytes its encoding leaves undefined, is no text (a workbook, an image, UTF-16 without
    its mark): CsvProblem."""
    with path.open("rb") as file:
        start = file.read(2)
    marked = MARKED_ENCODINGS.get(start)
    # Python's "utf-16" reads the order its mark names and drops the mark.
    attempts = [("utf-16", marked)] if marked else [("utf-8-sig", None), (FALLBACK_ENCODING, FALLBACK_ENCODING)]
    for codec, encoding in attempts:
        try:
            text = path.read_text(encoding=codec)
        except UnicodeDecodeError:
            continue
        if "\0" in text:
            break
        return text, encoding
    raise CsvProblem("not text", path=str(path))


def _number(cell: str) -> float | None:
    """The cell's value, or None if it is not a finite number."""
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _with_decimal_point(cell: str) -> str:
    """``cell`` with a decimal comma (``-0,132``) written with a point; any other cell as it is."""
    if cell.count(",") == 1:
        pointed = cell.replace(",", ".")
        if _number(pointed) is not None:
            return pointed
    return cell


@DATASETS.register("csv")
def load_csv(path, label_column=-1, task: str = "multiclass", *, header: bool | None = None,
             delimiter: str | None = None, scaling: str = "standardize", target_scaling: str = "none", progress=None,
             **split_options) -> Dataset:
    """Read ``path`` into a :class:`Dataset` named after the file, suffix and all (``wine.csv`` is never taken for
    the built-in ``wine``: a data set's name also picks its labels and drawing format); see the module docstring.

    ``task``: "binary" (exactly two classes), "multiclass" or "regression".
    Options: validation_split, test_split, seed, max_train, scaling, and for regression target_scaling (the
    label column's: prices of 10⁵ train badly as they are). ``progress(done, total)``, if
    given, is called every few ten thousand rows (the lines split, then the rows converted, in
    arbitrary units); an exception it raises ends the reading (the window closes, say).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise CsvProblem("not a path", path=repr(path))
    path = Path(path).expanduser()  # a path typed as ~/data.csv, as a shell takes it
    if task not in TASKS:
        raise CsvProblem("unknown task", path=path.name, task=task, tasks=", ".join(TASKS))
    try:
        text, encoding = _read_text(path)
    except FileNotFoundError:
        raise CsvProblem("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise CsvProblem("a folder", path=str(path)) from None
    except OSError as error:
        raise CsvProblem("unreadable", path=str(path), reason=error.strerror) from None
    first_line = _QUOTED.sub("", text.lstrip().split("\n", 1)[0])  # a quoted name may hold any character
    delimiter = delimiter or next((d for d in DELIMITERS if d in first_line), ",")
    lines = text.splitlines(keepends=True)
    del text
    reader = csv.reader(lines, delimiter=delimiter)
    work = 2 * len(lines)  # splitting the lines, then converting the rows' numbers

    def report(done: int) -> None:
        if progress is not None:
            progress(min(done, work), work)

    rows, lines_read = [], -1
    try:
        while lines_read != reader.line_num:  # the last part read nothing
            lines_read = reader.line_num
            # Rows as tuples of text, which the garbage collector stops visiting (lists it walks at every
            # full collection: millions of them, for a large file, froze a window's thread for seconds).
            rows += [(reader.line_num, tuple([cell.strip() for cell in row]))
                     for row in itertools.islice(reader, PARSED_LINES) if any(cell.strip() for cell in row)]
            report(reader.line_num)
    except csv.Error:  # a quoted cell running on (past the csv module's field limit, or to the end)
        raise CsvProblem("unended quote", path=str(path), row=reader.line_num) from None
    del lines
    if not rows:
        raise CsvProblem("no rows", path=str(path))
    if delimiter != ",":
        rows = [(line, tuple([_with_decimal_point(cell) for cell in cells])) for line, cells in rows]
    width = len(rows[0][1])
    if header is None:
        first = rows[0][1]
        header = any(_number(a) is None and _number(b) is not None for a, b in zip(first, rows[1][1])) \
            if len(rows) > 1 else all(_number(cell) is None for cell in first)
    names = rows[0][1] if header else [f"column {j + 1}" for j in range(width)]
    data = rows[1:] if header else rows
    if not data:
        raise CsvProblem("no data rows", path=str(path))
    label = _label_index(path, label_column, names, header)

    def column(j):
        """A problem's ``column`` field: (number from 1, header name or None)."""
        return j + 1, names[j] if header else None

    for line, cells in data:
        if len(cells) != width and any("\n" in cell for cell in cells):  # rows run together in a quoted cell
            raise CsvProblem("open quote", path=str(path), row=line - sum(cell.count("\n") for cell in cells))
        if len(cells) != width:
            short = len(cells) < width
            problem = ("short row" if short else "long row") + (" under a header" if header else "")
            raise CsvProblem(problem, path=str(path), row=line, cells=len(cells), width=width,
                             column=column(len(cells)) if short else (width + 1, None))
    features = [j for j in range(width) if j != label]
    if not features:
        raise CsvProblem("only the label", path=str(path))
    X = _numbers(path, data, features, column, lambda done: report(work // 2 + done))
    labels = [cells[label] for _, cells in data]
    for (line, _), text_label in zip(data, labels):
        if text_label.lower() in MISSING:
            raise CsvProblem("missing label", path=str(path), row=line, column=column(label))
    common = dict(feature_names=tuple(names[j] for j in features), scaling=scaling, target_scaling=target_scaling,
                  **split_options)
    if task == "regression":
        try:
            targets = _numbers(path, data, [label], column, lambda done: None)
        except CsvProblem as problem:
            if problem.problem not in ("not a number", "text column"):
                raise
            raise CsvProblem("text targets", path=str(path), column=column(label), cell=problem.fields["cell"]) \
                from None
        return replace(make_dataset(path.name, task, X, targets, **common), encoding=encoding)
    values = [_number(text_label) for text_label in labels]
    if None not in values:  # numbers: one class per value, whether written 1, 1.0 or 01
        labels = [str(int(value)) if value.is_integer() else repr(value) for value in values]
    classes = sorted(set(labels), key=lambda c: (0, _number(c), c) if _number(c) is not None else (1, 0.0, c))
    if len(classes) < 2:
        raise CsvProblem("one class", path=str(path), column=column(label), label=classes[0])
    if task == "binary" and len(classes) != 2:
        raise CsvProblem("not two classes", path=str(path), column=column(label), count=len(classes),
                         classes=", ".join(classes[:10]) + (", …" if len(classes) > 10 else ""))
    index = {name: k for k, name in enumerate(classes)}
    y = np.array([index[value] for value in labels], dtype=np.int64)
    return replace(make_dataset(path.name, task, X, y, class_names=tuple(classes), **common), encoding=encoding)


def _numbers(path: Path, data, columns: list[int], column, report) -> np.ndarray:
    """The ``columns`` of ``data`` as a float64 matrix; CsvProblem at the first cell that is not a number
    (``column(j)`` names the j-th column). ``report(rows)`` follows the conversion."""
    try:
        values = np.empty((len(data), len(columns)))
        # In parts: the conversion holds the interpreter lock, which a window's thread waits for
        # (a 200 MB file in one piece: 5 s).
        for start in range(0, len(data), CONVERTED_ROWS):
            values[start:start + CONVERTED_ROWS] = np.array(
                [[cells[j] for j in columns] for _, cells in data[start:start + CONVERTED_ROWS]], dtype=np.float64)
            report(start + CONVERTED_ROWS)
        if (np.abs(values) <= LARGEST_VALUE).all():  # NaN fails it too
            return values
    except ValueError:
        pass
    values = np.empty((len(data), len(columns)))
    for i, (line, cells) in enumerate(data):  # cell by cell, to name the bad one
        for k, j in enumerate(columns):
            if cells[j].lower() in MISSING:
                raise CsvProblem("missing value", path=str(path), row=line, column=column(j), cell=cells[j])
            value = _number(cells[j])
            if value is None:
                if all(_number(other[j]) is None for _, other in data):  # a column of words: the labels?
                    raise CsvProblem("text column", path=str(path), column=column(j), cell=cells[j])
                raise CsvProblem("not a number", path=str(path), row=line, column=column(j), cell=cells[j])
            if abs(value) > LARGEST_VALUE:
                raise CsvProblem("too large", path=str(path), row=line, column=column(j), cell=cells[j])
            values[i, k] = value
    return values


def _label_index(path: Path, label_column, names: list[str], header: bool) -> int:
    if isinstance(label_column, str):
        if not header:
            raise CsvProblem("a name without a header", path=str(path), label=label_column)
        if label_column not in names:
            raise CsvProblem("no such column", path=str(path), label=label_column, names=", ".join(names))
        return names.index(label_column)
    if isinstance(label_column, bool) or not isinstance(label_column, (int, np.integer)) \
            or not -len(names) <= label_column < len(names):
        raise CsvProblem("bad label column", path=str(path), label=label_column, low=-len(names), high=len(names) - 1)
    return int(label_column) % len(names)
