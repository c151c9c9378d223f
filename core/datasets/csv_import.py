"""Your own table as a data set: a CSV file with one example per row and a label column.

* The delimiter is a tab, a semicolon or a comma — the first of these found in the first line —
  unless ``delimiter`` is given.
* The first row is a header when some column is text there but a number in the second row, or
  when it is the only row and all text (``header=None``); ``header=True``/``False`` decides it.
* ``label_column`` is a column name (with a header) or a 0-based index (negative counts from
  the end). For classification the labels may be any text; the classes are the distinct labels,
  sorted (numerically when they are all numbers). For regression they must be numbers.
* Every other column is a feature and must hold a number in every row.

A bad file is refused with a ValueError naming the row (the file's line number) and the
column: a cell that is not a number, a missing value, a row with too many or too few cells,
and a label column with only one class.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np

from core.datasets.dataset import DATASETS, TASKS, Dataset, make_dataset

DELIMITERS = ("\t", ";", ",")
MISSING = {"", "na", "n/a", "nan", "null", "none", "?", "-"}


def _number(cell: str) -> float | None:
    """The cell's value, or None if it is not a finite number."""
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@DATASETS.register("csv")
def load_csv(path, label_column=-1, task: str = "multiclass", *, header: bool | None = None,
             delimiter: str | None = None, scaling: str = "standardize", **split_options) -> Dataset:
    """Read ``path`` into a :class:`Dataset` named after the file; see the module docstring.

    ``task``: "binary" (exactly two classes), "multiclass" or "regression".
    Options: validation_split, test_split, seed, max_train, scaling.
    """
    path = Path(path)
    if task not in TASKS:
        raise ValueError(f"{path.name}: task {task!r} is not one of {', '.join(TASKS)}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValueError(f"{path}: cannot read it: there is no such file; choose an existing CSV file") from None
    except IsADirectoryError:
        raise ValueError(f"{path} is a folder; choose a CSV file") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not a UTF-8 text file; export it from your spreadsheet as CSV (UTF-8)") from None
    except OSError as error:
        raise ValueError(f"{path}: cannot read it ({error.strerror})") from None
    first_line = text.lstrip().split("\n", 1)[0]
    delimiter = delimiter or next((d for d in DELIMITERS if d in first_line), ",")
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    rows = [(reader.line_num, [cell.strip() for cell in row]) for row in reader if any(cell.strip() for cell in row)]
    if not rows:
        raise ValueError(f"{path}: the file has no rows")
    width = len(rows[0][1])
    if header is None:
        first = rows[0][1]
        header = any(_number(a) is None and _number(b) is not None for a, b in zip(first, rows[1][1])) \
            if len(rows) > 1 else all(_number(cell) is None for cell in first)
    names = rows[0][1] if header else [f"column {j + 1}" for j in range(width)]
    data = rows[1:] if header else rows
    if not data:
        raise ValueError(f"{path}: the file has a header but no data rows")
    label = _label_index(path, label_column, names, header)

    def where(line, j):
        column = f"column {j + 1}" if not header else f"column {j + 1} ({names[j]!r})"
        return f"{path}: row {line}, {column}"

    for line, cells in data:
        if len(cells) != width:
            missing = f"column {len(cells) + 1} ({names[len(cells)]!r}) is missing" if len(cells) < width \
                else f"column {width + 1} is extra"
            raise ValueError(f"{path}: row {line} has {len(cells)} cells but the "
                             f"{'header' if header else 'first row'} has {width}: {missing}")
    features = [j for j in range(width) if j != label]
    if not features:
        raise ValueError(f"{path}: the only column is the label; a data set needs at least one feature column")
    X = _numbers(data, features, where)
    labels = [cells[label] for _, cells in data]
    for (line, _), text_label in zip(data, labels):
        if text_label.lower() in MISSING:
            raise ValueError(f"{where(line, label)}: the label is missing")
    common = dict(feature_names=tuple(names[j] for j in features), scaling=scaling, **split_options)
    if task == "regression":
        return make_dataset(path.stem, task, X, _numbers(data, [label], where), **common)
    classes = sorted(set(labels), key=lambda c: (0, _number(c), c) if _number(c) is not None else (1, 0.0, c))
    label_name = f"column {label + 1}" + (f" ({names[label]!r})" if header else "")
    if len(classes) < 2:
        raise ValueError(f"{path}: {label_name}: every row has the label {classes[0]!r}; classification needs "
                         f"at least two classes (choose another label column, or task='regression')")
    if task == "binary" and len(classes) != 2:
        raise ValueError(f"{path}: {label_name} has {len(classes)} classes ({', '.join(classes[:10])}"
                         f"{', …' if len(classes) > 10 else ''}); task 'binary' needs exactly two")
    index = {name: k for k, name in enumerate(classes)}
    y = np.array([index[value] for value in labels], dtype=np.int64)
    return make_dataset(path.stem, task, X, y, class_names=tuple(classes), **common)


def _numbers(data, columns: list[int], where) -> np.ndarray:
    """The ``columns`` of ``data`` as a float64 matrix; ValueError at the first cell that is not a number."""
    try:
        values = np.array([[cells[j] for j in columns] for _, cells in data], dtype=np.float64)
        if np.isfinite(values).all():
            return values
    except ValueError:
        pass
    values = np.empty((len(data), len(columns)))
    for i, (line, cells) in enumerate(data):  # cell by cell, to name the bad one
        for k, j in enumerate(columns):
            if cells[j].lower() in MISSING:
                raise ValueError(f"{where(line, j)}: missing value ({cells[j]!r})")
            value = _number(cells[j])
            if value is None:
                raise ValueError(f"{where(line, j)}: {cells[j]!r} is not a number")
            values[i, k] = value
    return values


def _label_index(path: Path, label_column, names: list[str], header: bool) -> int:
    if isinstance(label_column, str):
        if not header:
            raise ValueError(f"{path}: the label column {label_column!r} is a name, but the file has no header; "
                             f"give its 0-based index")
        if label_column not in names:
            raise ValueError(f"{path}: no column named {label_column!r}; the columns are: {', '.join(names)}")
        return names.index(label_column)
    if isinstance(label_column, bool) or not isinstance(label_column, (int, np.integer)) \
            or not -len(names) <= label_column < len(names):
        raise ValueError(f"{path}: label_column {label_column!r} must be a column name or an index in "
                         f"{-len(names)} … {len(names) - 1}")
    return int(label_column) % len(names)
