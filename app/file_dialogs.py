"""Save dialogs that add the chosen file type's extension themselves.

Qt's static ``QFileDialog.getSaveFileName`` returns a name typed without an extension as it is: the
caller then added ``.json`` (or NumPy added ``.npz``) after the dialog had checked for an existing
file, and typing ``mine`` overwrote ``mine.json`` without the question the dialog asks. Here the
dialog itself adds the extension of the selected file type, so it asks about the file written.
"""
from __future__ import annotations

import fnmatch
import os
import re

from PySide6.QtWidgets import QFileDialog, QWidget

_FIRST_PATTERN = re.compile(r"\(\*\.([\w.]+)")
_PATTERNS = re.compile(r"\(([^)]*)\)")


def extension_of(file_filter: str) -> str:
    """The extension of a file-type entry's first pattern (``"CSV data (*.csv)"`` → ``"csv"``), or ""."""
    match = _FIRST_PATTERN.search(file_filter)
    return match.group(1) if match else ""


def fits_type(path: str, file_filter: str) -> bool:
    """Whether the file name of ``path`` matches one of a file-type entry's patterns, whatever the case
    (any name does if the entry has none)."""
    match = _PATTERNS.search(file_filter)
    return match is None or any(fnmatch.fnmatchcase(os.path.basename(path).lower(), pattern.lower())
                                for pattern in match.group(1).split())


class _SaveDialog(QFileDialog):
    def accept(self) -> None:
        """Add the selected type's extension to a name that has another one ("anna.v2"), to which Qt
        adds none, before the dialog asks whether to replace an existing file: the caller added it
        after, and replaced anna.v2.json unasked. A name of another offered type keeps its extension."""
        typed, file_filter = self.selectedFiles(), self.selectedNameFilter()
        extension = extension_of(file_filter)
        if typed and typed[0] and extension and not fits_type(typed[0], file_filter):
            # A name of another type the dialog offers ("plot.svg" with PNG selected) is that type's.
            offered = next((entry for entry in self.nameFilters() if extension_of(entry)
                            and fits_type(typed[0], entry)), None)
            if offered is not None:
                self.selectNameFilter(offered)
                self.setDefaultSuffix(extension_of(offered))
            else:
                self.selectFile(f"{typed[0]}.{extension}")
        super().accept()


def save_dialog(parent: QWidget | None, title: str, name: str, file_filter: str) -> QFileDialog:
    """A save dialog opening on ``name`` (a file name, a path or ""), offering ``file_filter``'s
    types (entries separated by ``;;``), which adds the selected type's extension to a name typed
    without it."""
    dialog = _SaveDialog(parent, title, "", file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if name:
        dialog.selectFile(name)
    dialog.setDefaultSuffix(extension_of(dialog.selectedNameFilter()))
    dialog.filterSelected.connect(lambda chosen: dialog.setDefaultSuffix(extension_of(chosen)))
    return dialog


def ask_save_path(parent: QWidget | None, title: str, name: str, file_filter: str) -> str:
    """Ask where to save (see :func:`save_dialog`); "" if the user cancelled."""
    dialog = save_dialog(parent, title, name, file_filter)
    try:
        return dialog.selectedFiles()[0] if dialog.exec() == QFileDialog.DialogCode.Accepted else ""
    finally:
        dialog.deleteLater()
