"""The Help menu: the user guide, the keyboard shortcuts, where the workbench keeps and looks for files, and
what it runs on.

Each dialog is made when asked for, from the window and the computer as they are then (the
window's actions, the folders and the data sets found, the libraries loaded), so none of it can
go stale: a shortcut added to a menu is listed, MNIST copied into a folder is found.
"""
from __future__ import annotations

import importlib.metadata
import platform
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyqtgraph
import PySide6
import threadpoolctl
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QLabel, QMenu, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from app import display_names, settings, user_guide
from app.i18n import format_number
from core import runs
from core.datasets import locations, mnist, user_digits

PACKAGE = "mlp-workbench"


def version() -> str:
    """The installed version of the workbench ("not installed" when run from a bare source tree)."""
    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return QCoreApplication.translate("HelpMenu", "not installed")


def plain(text: str) -> str:
    """A menu text without its mnemonic ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class HelpMenu(QMenu):
    """Help ▸ User guide, Keyboard shortcuts, Files and folders, About MLP Workbench, About Qt."""

    def __init__(self, window):
        super().__init__(window)
        self.main_window = window
        self.guide_window: user_guide.GuideWindow | None = None  # made at the first F1, then shown again
        self.setTitle(self.tr("&Help"))
        self.guide_action = self._add(self.tr("&User guide…"), self.show_guide,
                                      self.tr("How to use the workbench, opened at the part about what you are "
                                              "looking at"))
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action = self._add(self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                          self.tr("Every shortcut of the menus and views"))
        self.files_action = self._add(self.tr("&Files and folders…"), self.show_files,
                                      self.tr("Where your runs, drawn digits and settings are kept, and where the "
                                              "data sets are looked for"))
        self.addSeparator()
        self.about_action = self._add(self.tr("&About MLP Workbench"), self.show_about,
                                      self.tr("The version, its licence and the libraries it runs on"))
        self.about_qt_action = self._add(self.tr("About &Qt"), self.show_about_qt,
                                         self.tr("The version and licence of Qt"))

    def _add(self, text: str, slot, tip: str) -> QAction:
        action = self.addAction(text)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def show_guide(self) -> None:
        """Show the user guide at the section about the panel, dock or view the user is at (one guide window,
        raised again by the next F1)."""
        section = user_guide.section_shown(self.main_window)  # before the guide takes the focus
        if self.guide_window is None:
            self.guide_window = user_guide.GuideWindow(self.main_window)
        self.guide_window.show()  # first: the text is laid out at the window's width, where the section is
        self.guide_window.raise_()
        self.guide_window.activateWindow()
        self.guide_window.show_section(section)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.main_window).exec()

    def show_files(self) -> None:
        FilesDialog(self.main_window).exec()

    def show_about(self) -> None:
        AboutDialog(self.main_window).exec()

    def show_about_qt(self) -> None:
        QMessageBox.aboutQt(self.main_window, plain(self.about_qt_action.text()))


def bold(font: QFont, scale: float = 1.0) -> QFont:
    """``font`` in bold, ``scale`` times as large."""
    font = QFont(font)
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    return font


def fit_to_contents(dialog: QDialog, width: int) -> None:
    """``width`` pixels wide and as tall as its contents then need (within the screen): a dialog
    sized by its layout's hints alone is as tall as its wrapped texts at their narrowest."""
    dialog.setMinimumWidth(width)
    layout = dialog.layout()
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    screen = dialog.screen().availableGeometry().height()
    dialog.resize(width, min(height, screen * 9 // 10))


def _closing_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _read_only_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)  # as tall as its rows
    return table


class ShortcutsDialog(QDialog):
    """The window's shortcuts, menu by menu, then those of each view that has its own keys."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = _read_only_table([self.tr("Command"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for title, entries in self.sections(window):
            self._add_section(title, entries)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.setCurrentItem(None)  # no cell stands out as chosen: there is nothing to choose
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(_closing_buttons(self))
        fit_to_contents(self, 560)

    @staticmethod
    def sections(window) -> list[tuple[str, list[tuple[str, str]]]]:
        """(section title, [(command, keys)]) for each menu with shortcuts, then for each such view."""
        sections = []
        for menu_action in window.menuBar().actions():
            entries = list(_shortcuts_of(menu_action.menu())) if menu_action.menu() is not None else []
            if entries:
                sections.append((plain(menu_action.text()), entries))
        for view in (*window.views, *window.tools):
            entries = [(QCoreApplication.translate(context, text), QKeySequence(key).toString(
                QKeySequence.SequenceFormat.NativeText)) for context, text, key in getattr(view, "keys", ())]
            if entries:
                sections.append((QCoreApplication.translate("ShortcutsDialog", "%1 view").replace("%1", view.title),
                                 entries))
        return sections

    def _add_section(self, title: str, entries: list[tuple[str, str]]) -> None:
        heading = QTableWidgetItem(title)
        heading.setFont(bold(heading.font()))
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, heading)
        self.table.setSpan(row, 0, 1, 2)
        for command, keys in entries:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(command))
            self.table.setItem(row, 1, QTableWidgetItem(keys))


def _shortcuts_of(menu: QMenu):
    """(command, keys) of each action of ``menu`` and its sub-menus that has a shortcut."""
    for action in menu.actions():
        if action.menu() is not None:
            yield from _shortcuts_of(action.menu())
        elif action.shortcuts():
            keys = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
            yield plain(action.text()), keys


class Place(NamedTuple):
    """A row of Help ▸ Files and folders."""

    key: str
    title: str
    path: Path | None  # the file or folder shown (None: nothing to show, the state says why)
    state: str
    folder: Path | None  # what Open folder shows (when it exists)


class FilesDialog(QDialog):
    """Where the workbench keeps your files and where it looks for the data sets it does not embed,
    each with its state on this computer and a button that opens its folder."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Files and folders"))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        self.rows: dict[str, tuple[QLabel, QPushButton]] = {}
        for place in self.places():
            row = grid.rowCount()
            heading = QLabel(place.title)
            heading.setFont(bold(heading.font()))
            text = QLabel(f"{place.path}\n{place.state}" if place.path is not None else place.state)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            button = QPushButton(self.tr("Open folder"))
            button.setToolTip(self.tr("Show this folder in the file manager"))
            button.setAccessibleName(self.tr("Open the folder of %1").replace("%1", place.title))
            button.setEnabled(place.folder is not None and place.folder.is_dir())
            button.clicked.connect(lambda _=False, shown=place.folder: self.open_folder(shown))
            grid.addWidget(heading, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.rows[place.key] = (text, button)
        note = QLabel(self.tr("A folder a teacher prepares for a class (mlp-workbench lab pack FOLDER) is "
                              "used when the environment variable %1 names it; the data sets are looked for there "
                              "first, then in the cache.").replace("%1", locations.SHARED_DATA_VARIABLE))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(_closing_buttons(self))
        fit_to_contents(self, 720)

    def places(self) -> list[Place]:
        """Every place the workbench keeps files in or looks for data sets in, with its state now."""
        def state(path: Path) -> str:
            if path.exists():
                return self.tr("exists")
            return self.tr("not made yet: it is created when first needed")

        runs_folder, drawn, settings_file = runs.runs_folder(), user_digits.user_digits_path(), settings.path()
        places = [Place("runs", self.tr("Your saved runs"), runs_folder, state(runs_folder), runs_folder),
                  Place("my_digits", self.tr("Your drawn digits"), drawn, state(drawn), drawn.parent),
                  Place("settings", self.tr("Settings"), settings_file, state(settings_file), settings_file.parent),
                  Place("cache", self.tr("Downloaded data sets"), locations.cache_folder(),
                        state(locations.cache_folder()), locations.cache_folder())]
        shared, variable = locations.shared_data_folder(), locations.SHARED_DATA_VARIABLE
        if shared is None:
            places.append(Place("shared", self.tr("Class data folder"), None,
                                self.tr("%1 is not set").replace("%1", variable), None))
        else:
            places.append(Place("shared", self.tr("Class data folder"), shared,
                                self.tr("named by %1").replace("%1", variable) if shared.is_dir() else
                                self.tr("named by %1, but there is no such folder").replace("%1", variable), shared))
        for name, source in mnist.SOURCES.items():
            found = mnist.found_folder(source)
            title = display_names.label("dataset", name)
            if found is not None:
                places.append(Place(name, title, found, self.tr("found: the four files are here"), found))
            else:
                places.append(Place(name, title, None, self.tr(
                    "not on this computer: copy its four IDX files (.gz) into %1, or download it from the Data "
                    "panel (%2 MB)").replace("%1", str(locations.cache_folder() / source.folder_name)).replace(
                    "%2", format_number(source.download_bytes / 1e6, 1)), None))
        return places

    @staticmethod
    def open_folder(folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    """The workbench's version and licence, and the versions of what it runs on (to quote in a report)."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("About MLP Workbench"))
        heading = QLabel(self.tr("MLP Workbench %1").replace("%1", version()))
        heading.setFont(bold(heading.font(), scale=1.3))
        summary = QLabel(self.tr("Build, train and look inside multilayer perceptrons: a readable NumPy engine "
                                 "and a window that shows it learning. Free software under the MIT licence."))
        summary.setWordWrap(True)
        self.table = _read_only_table([self.tr("Component"), self.tr("Version")])
        self.table.setAccessibleName(self.tr("Components and their versions"))
        for name, detail in self.components():
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(detail))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.setCurrentItem(None)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setToolTip(self.tr("Copy these versions as text, to paste into a question or a bug report"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = _closing_buttons(self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        for widget in (heading, summary, self.table):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        fit_to_contents(self, 620)

    @staticmethod
    def components() -> list[tuple[str, str]]:
        """(component, version and details) of the workbench, Python, the libraries and each BLAS pool."""
        import sklearn  # here, not at the top: the window's launch must not wait for its import (seconds)

        listed = [("MLP Workbench", version()),
                  ("Python", f"{platform.python_version()} ({platform.python_implementation()}, "
                             f"{platform.system()} {platform.machine()})"),
                  ("Qt / PySide6", f"{qVersion()} / {PySide6.__version__}"),
                  ("pyqtgraph", pyqtgraph.__version__),
                  ("NumPy", np.__version__),
                  ("scikit-learn", sklearn.__version__)]
        try:
            listed.append(("numba", importlib.metadata.version("numba")))
        except importlib.metadata.PackageNotFoundError:
            listed.append(("numba", QCoreApplication.translate("AboutDialog", "not installed: the engine runs its "
                                                                              "loops as NumPy operations")))
        for pool in threadpoolctl.threadpool_info():
            library = Path(pool["filepath"])  # …/site-packages/numpy.libs/libscipy_openblas64_….so: numpy's
            owner = library.parent.name.removesuffix(".libs") if library.parent.name.endswith(".libs") else library.name
            threads = QCoreApplication.translate("AboutDialog", "%1 threads").replace("%1", str(pool["num_threads"]))
            detail = ", ".join(part for part in (pool.get("version"), pool.get("architecture"), threads) if part)
            listed.append((f"{pool['internal_api']} ({owner})", detail))
        return listed

    def details(self) -> str:
        """The table as plain text, one component a line."""
        return "\n".join(f"{name}: {detail}" for name, detail in self.components())

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.copy_button.setText(self.tr("Copied"))

