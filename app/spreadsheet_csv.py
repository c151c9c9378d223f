"""The CSV files the app writes (the views' tables, the teacher's results, a run's metrics), made for a
spreadsheet set up in the interface language, so that one opened in Russian Excel or LibreOffice shows
columns of numbers, not one column of text or garbled headings."""
from __future__ import annotations

import csv
import io

import numpy as np
from PySide6.QtCore import QLocale

BYTE_ORDER_MARK = "\ufeff"
"""Without it a spreadsheet set up for Russian read a UTF-8 file as Windows-1251, and the Cyrillic
headings and students' names came out garbled."""


def csv_separators() -> tuple[str, str]:
    """(delimiter, decimal separator) of a CSV file for a spreadsheet set up in the interface
    language: where numbers are written 0,95 (Russian), a spreadsheet splits columns at semicolons,
    and read a comma-separated file as one column of text."""
    decimal = QLocale().decimalPoint()
    return (";", decimal) if decimal == "," else (",", ".")


def csv_text(header, rows) -> str:
    """``header`` and ``rows`` as the text of a CSV file, byte-order mark first, in the separators of
    :func:`csv_separators`; numbers in full precision, other cells as they are."""
    delimiter, decimal = csv_separators()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows([str(cell).replace(".", decimal) if isinstance(cell, (float, np.floating)) else cell
                      for cell in row] for row in rows)
    return BYTE_ORDER_MARK + buffer.getvalue()


def write_csv(path, header, rows) -> None:
    """Write :func:`csv_text` to ``path``."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        handle.write(csv_text(header, rows))
