"""Save dialogs that add the chosen file type's extension themselves.

Qt's static ``QFileDialog.getSaveFileName`` returns a name typed without an extension as it is: the
caller then added ``.json`` (or NumPy added ``.npz``) after the dialog had checked for an existing
file, and typing ``mine`` overwrote ``mine.json`` without the question the dialog asks. Here the
dialog itself adds the extension of the selected file type, so it asks about the file written.
"""
from __future__ import annotations

import re

from PySide6.QtWidgets import QFileDialog, QWidget

_FIRST_PATTERN = re.compile(r"\(\*\.([\w.]+)")


def extension_of(file_filter: str) -> str:
    """The extension of a file-type entry's first pattern (``"CSV data (*.csv)"`` → ``"csv"``), or ""."""
    match = _FIRST_PATTERN.search(file_filter)
    return match.group(1) if match else ""


def save_dialog(parent: QWidget | None, title: str, name: str, file_filter: str) -> QFileDialog:
    """A save dialog opening on ``name`` (a file name, a path or ""), offering ``file_filter``'s
    types (entries separated by ``;;``), which adds the selected type's extension to a name typed
    without one."""
    dialog = QFileDialog(parent, title, "", file_filter)
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
