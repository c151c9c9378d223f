"""File ▸ Open recent: the configurations and models last opened or saved through the File menu.

The list is kept in the settings (:attr:`app.settings.Settings.recent_files`), newest first, each
file once by its resolved path (``run.json`` opened from its folder and ``../lab/run.json`` are one
file), at most :data:`MOST` of them. The menu reads it again each time the File menu opens, so a
file opened in another window, or by another instance of the app, is offered too.
"""
from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app import settings

MOST = 10
"""The most files the list keeps; one more pushes the oldest out."""

MODEL_SUFFIX = ".npz"
"""The ending of a model file (File ▸ Save model writes it); any other file is a configuration."""


def resolved(path) -> str:
    """``path`` absolute, its symbolic links followed: the name under which the list keeps a file."""
    return os.path.realpath(os.path.abspath(os.fspath(path)))


def _same(one: str, other: str) -> bool:
    return os.path.normcase(one) == os.path.normcase(other)  # Windows' names ignore case


def listed() -> list[str]:
    """The files of the list, newest first."""
    return settings.load().recent_files[:MOST]


def _keep(files: list[str]) -> None:
    saved = settings.load()  # the other settings as they are now: another window may have changed them
    saved.recent_files = files[:MOST]
    settings.save(saved)


def remember(path) -> None:
    """Put ``path`` first in the list (a file listed already moves up)."""
    path = resolved(path)
    _keep([path, *(listed_path for listed_path in listed() if not _same(listed_path, path))])


def forget(path) -> bool:
    """Take ``path`` off the list; whether it was listed."""
    path, files = resolved(path), listed()
    kept = [listed_path for listed_path in files if not _same(listed_path, path)]
    if len(kept) < len(files):
        _keep(kept)
    return len(kept) < len(files)


def is_model(path: str) -> bool:
    """Whether ``path`` names a model (opened as File ▸ Open model opens it) rather than a configuration."""
    return path.lower().endswith(MODEL_SUFFIX)


def numbered(index: int, name: str) -> str:
    """The menu text of the ``index``-th file (from 0) named ``name``: its number as its mnemonic
    (&1 … &9, then 1&0), and an ampersand of the name shown as one."""
    number = str(index + 1)
    return f"{number[:-1]}&{number[-1]} {name.replace('&', '&&')}"


class RecentFilesMenu(QMenu):
    """File ▸ Open recent: the listed files, numbered, each telling its folder on hover, and Clear list.
    It is disabled while the list is empty."""

    open_requested = Signal(str)
    """open_requested(path): the user chose the listed file ``path`` (the window opens it)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Open &recent"))
        self.setToolTipsVisible(True)  # the folder on hover, also while training (the window hides status tips then)
        self.clear_action = QAction(self.tr("&Clear list"), self)
        self.clear_action.setToolTip(self.tr("Forget the files listed here (the files themselves stay)"))
        self.clear_action.setStatusTip(self.clear_action.toolTip())
        self.clear_action.triggered.connect(self.clear_list)
        self.file_actions: list[QAction] = []
        self._separator = self.addSeparator()
        self.addAction(self.clear_action)
        self.triggered.connect(self._chosen)
        self.refresh()

    def refresh(self) -> None:
        """List the files as the settings have them now."""
        for action in self.file_actions:
            self.removeAction(action)
            action.deleteLater()
        files = listed()
        self.file_actions = []
        for index, path in enumerate(files):
            folder, name = os.path.split(path)
            action = QAction(numbered(index, name), self)
            tip = self.tr("Open the model %1 from the folder %2") if is_model(path) else \
                self.tr("Open the configuration %1 from the folder %2")
            action.setToolTip(tip.replace("%1", name).replace("%2", folder))
            action.setStatusTip(action.toolTip())
            action.setData(path)
            self.insertAction(self._separator, action)
            self.file_actions.append(action)
        self.menuAction().setEnabled(bool(files))

    def remember(self, path) -> None:
        """Put ``path`` first in the list (:func:`remember`) and show the list so."""
        remember(path)
        self.refresh()

    def forget(self, path) -> bool:
        """Take ``path`` off the list (:func:`forget`); whether it was listed."""
        was_listed = forget(path)
        self.refresh()
        return was_listed

    def clear_list(self) -> None:
        _keep([])
        self.refresh()

    def _chosen(self, action: QAction) -> None:
        if action in self.file_actions:
            self.open_requested.emit(action.data())
