"""The Runs view: every saved run, to reopen, rename, delete (with undo), compare and rewind.

The list reads the run library (:mod:`core.runs`): name, data set, network, optimiser, best
validation metric, epochs, start date and status of each run; a run branched from another (rewound
from one of its checkpoints, or continued with other settings) is listed under it, with the epoch
it started from. The curves of the selected runs are overlaid below, one Okabe–Ito colour each.

The view changes the library itself (rename, delete to the library's trash, undo; the trash is
emptied of runs deleted over :data:`core.runs.TRASH_KEPT_DAYS` days ago when the list is first
read) and asks the
window for the rest through :attr:`RunsView.open_requested`: reopening a run puts its configuration
in the panels, its curves in the views and its weights in the network; rewinding does the same with
a checkpoint's weights, and the next Start trains a new run branched from it.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton,
                               QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from app import palette
from app.display_names import label
from app.i18n import format_number, format_percent
from app.panels.widgets import FlowLayout, breakable
from app.run_library import CLOSED_STILL_WRITING, of_scaled_targets
from app.views.base import TranslatedText, View, clearest_corner, floating_legend
from core import runs

FOLDER_ROLE = Qt.ItemDataRole.UserRole
MAX_COLUMN_WIDTH = 400
"""Columns fit their contents up to this width (pixels): a long run name does not push the others away."""
NAME_COLUMN, STATUS_COLUMN, ORIGIN_COLUMN = 0, 7, 8
SHORTEST_NAME_CHARACTERS = 12
"""The name and branched-from columns, cut short for the others to be in sight, keep about this many characters."""
REFRESH_DELAY_MS = 300
"""Saves of a running run are gathered this long before the list is read again."""

CURVES = (("val_loss", QT_TRANSLATE_NOOP("RunsView", "validation loss")),
          ("val_metric", QT_TRANSLATE_NOOP("RunsView", "validation accuracy (or R²)")),
          ("train_loss", QT_TRANSLATE_NOOP("RunsView", "training loss")),
          ("train_metric", QT_TRANSLATE_NOOP("RunsView", "training accuracy (or R²)")))

STATUS = {"running": QT_TRANSLATE_NOOP("RunsView", "running"),
          "completed": QT_TRANSLATE_NOOP("RunsView", "completed"),
          "early_stopped": QT_TRANSLATE_NOOP("RunsView", "stopped early"),
          "stopped": QT_TRANSLATE_NOOP("RunsView", "stopped"),
          "diverged": QT_TRANSLATE_NOOP("RunsView", "diverged"),
          "interrupted": QT_TRANSLATE_NOOP("RunsView", "interrupted"),
          runs.RECORDING_STOPPED: QT_TRANSLATE_NOOP("RunsView", "saving stopped"),
          runs.SET_BY_HAND: QT_TRANSLATE_NOOP("RunsView", "weights set by hand"),
          "failed": QT_TRANSLATE_NOOP("RunsView", "failed")}


def format_metric(value, task: str | None) -> str:
    """An accuracy in percent (as the status bar and the goals write it), an R² as such; a number of a run
    recorded before run.json said which, as it is."""
    if value is None or not math.isfinite(value):
        return "—"
    if task == "classification":
        return format_percent(value)
    if task == "regression":
        return f"R² {format_number(value, 4)}"
    return format_number(value, 4)


class RunsView(View):
    """The run library as a list with an overlay plot (see the module docstring)."""

    title = TranslatedText("RunsView", QT_TRANSLATE_NOOP("RunsView", "Runs"))
    guide_section = "view-runs"
    keys = (("RunsView", QT_TRANSLATE_NOOP("RunsView", "Rename the selected run"), "F2"),
            ("RunsView", QT_TRANSLATE_NOOP("RunsView", "Bring back the runs just deleted"),
             QKeySequence.StandardKey.Undo))
    """(translation context, command, key) of its own keys, for Help ▸ Keyboard shortcuts."""
    laid_out_beforehand = False
    """Not shown in advance by the window (MainWindow._prepare_next_page): shown, it reads the run library from
    disk, which waits until the list is asked for."""

    open_requested = Signal(object, object)
    """open_requested(folder, epoch): reopen the run in ``folder`` (a Path) with its last weights when
    ``epoch`` is None, or rewind it to its checkpoint at ``epoch``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.active_recording = None
        self._infos: dict[Path, runs.RunInfo] = {}
        self._histories: dict[Path, tuple[float, dict | None]] = {}
        self._curves: list[tuple[str, np.ndarray, np.ndarray]] = []
        self._undo_stack: list[list[Path]] = []
        self._list_stale = True
        self._saved: set[Path] = set()  # runs that wrote their files since their rows were shown
        self._saving_stopped: set[Path] = set()  # the window's runs whose files failed (see _status)
        self._trash_emptied = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.columns = [self.tr("Name"), self.tr("Data"), self.tr("Network"), self.tr("Optimiser"),
                        self.tr("Best val. metric"), self.tr("Epochs"), self.tr("Started"), self.tr("Status"),
                        self.tr("Branched from")]
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("runsList")
        self.tree.setAccessibleName(self.tr("Saved runs"))
        self.tree.setHeaderLabels(self.columns)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setMaximumSectionSize(MAX_COLUMN_WIDTH)
        # A name cut short keeps its end: runs branched from one another differ there ("… · set by hand").
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.header().setTextElideMode(Qt.TextElideMode.ElideRight)  # titles cut short say so (see _fit_columns)
        self._content_widths: list[int] = []  # of each column, as the last listing measured them (see _fit_columns)
        self._cell_widths: list[int] = []  # the same without the columns' titles
        self.tree.viewport().installEventFilter(self)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemChanged.connect(self._item_edited)
        self.tree.itemDoubleClicked.connect(lambda item, column: self.open_selected())

        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setToolTip(self.tr("Reopen the run: its settings in the panels, its curves in the views, "
                                            "its last weights in the network (double-click does the same)"))
        self.rename_button = QPushButton(self.tr("Rename"), self)
        self.rename_button.setToolTip(self.tr("Rename the selected run (F2)"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Move the selected runs to the library's trash (Undo brings them back)"))
        self.checkpoint_box = QComboBox(self)
        self.checkpoint_box.setAccessibleName(self.tr("Checkpoint"))
        self.checkpoint_box.setToolTip(self.tr("The epochs of the selected run whose weights were saved: the one "
                                               "Rewind to checkpoint loads"))
        self.checkpoint_box.setMinimumContentsLength(10)
        self.rewind_button = QPushButton(self.tr("Rewind to checkpoint"), self)
        self.rewind_button.setToolTip(self.tr("Load the run's weights at this checkpoint; change any training "
                                              "setting, then Start trains a new run branched from it"))
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button.clicked.connect(self._edit_name)
        self.delete_button.clicked.connect(self.delete_selected)
        self.rewind_button.clicked.connect(self.rewind_selected)
        # Two groups that share a line where they fit and wrap where they do not: on one line they
        # were 766 pixels in Russian, which made the whole window wider than a 1024-pixel screen.
        buttons = FlowLayout(spacing=12)
        buttons.add_group(self, self.open_button, self.rename_button, self.delete_button)
        buttons.add_group(self, QLabel(self.tr("Checkpoint:"), self), self.checkpoint_box, self.rewind_button)

        self.undo_label = QLabel(self)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setToolTip(self.tr("Bring back the runs just deleted (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_delete)
        undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo_shortcut.activated.connect(self.undo_delete)
        self.undo_strip = QWidget(self)
        undo = QHBoxLayout(self.undo_strip)
        undo.setContentsMargins(0, 0, 0, 0)
        undo.addWidget(self.undo_label, 1)
        undo.addWidget(self.undo_button)
        self.undo_strip.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.damaged = QLabel(self)  # runs whose files cannot be read: named, not silently missing
        self.damaged.setWordWrap(True)
        self.damaged.setStyleSheet(f"color: {palette.OKABE_ITO['vermillion']};")  # as a failed run's status
        self.damaged.hide()

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(4, 4, 4, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.tree, 1)
        top_layout.addWidget(self.undo_strip)
        top_layout.addWidget(self.status)
        top_layout.addWidget(self.damaged)

        self.curve_box = QComboBox(self)
        self.curve_box.setProperty("translatedItems", True)
        self.curve_box.setAccessibleName(self.tr("Curve to overlay"))
        self.curve_box.setToolTip(self.tr("Which curve of the selected runs the plot below draws, one line per run"))
        for key, text in CURVES:
            self.curve_box.addItem(self.tr(text), key)
        self.curve_box.currentIndexChanged.connect(self._overlay)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(4, 0, 4, 0)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Overlay the selected runs:"), self))
        chooser.addWidget(self.curve_box)
        chooser.addStretch(1)
        bottom_layout.addLayout(chooser)
        layout = self.layout()
        layout.removeWidget(self.graphics)
        bottom_layout.addWidget(self.graphics, 1)
        self.plot = self.new_plot(0, 0, bottom=self.tr("epoch"))
        self.plot.getAxis("bottom").whole_numbers = True  # a two-epoch run's axis read 1.2, 1.4, …
        self.legend = floating_legend(self.plot, (-10, 10))
        # The curves move under the legend as the axes fit them (after a redraw) or the plot is resized.
        self.plot.vb.sigRangeChanged.connect(self._place_legend)
        self.plot.vb.sigResized.connect(self._place_legend)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # ------------------------------------------------------------------ the window's API
    def reset(self, experiment) -> None:
        """The library does not depend on the window's run."""

    def on_progress(self, progress) -> None:
        """The run being recorded announces its saves through :meth:`schedule_refresh` instead."""

    def set_active(self, recording) -> None:
        """The :class:`app.run_library.RunRecording` of the window's current run (or None): it is
        renamed through the recording, cannot be deleted while it is the current run, and is listed as
        "saving stopped" once its files failed, also after the window has let go of it."""
        self.active_recording = recording
        if recording is not None:
            recording.failed.connect(self._recording_failed)
        self.schedule_refresh()

    def _recording_failed(self, _message: str, folder: Path) -> None:
        self._saving_stopped.add(Path(folder))
        self.show_saved(folder)  # its row shows that saving stopped, which its run.json may not say

    def schedule_refresh(self, *_) -> None:
        """Read the library again soon (saves of a running run arrive several times a second)."""
        self._list_stale = True
        if self.isVisible():
            self._refresh_timer.start()

    # Reading the whole library and listing it again took ~50 ms with 150 runs, in which the window
    # froze at every epoch of a run while this tab was shown: a save rereads only its own run.
    def show_saved(self, folder) -> None:
        """The run in ``folder`` wrote its files: its row shows them soon (saves of a running run
        arrive several times a second)."""
        self._saved.add(Path(folder))
        if self.isVisible():
            self._refresh_timer.start()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tree") and not self._list_stale:
            self.refresh_list()  # statuses and checkpoint names are composed texts: compose them again
        super().changeEvent(event)

    def refresh(self) -> None:
        if self._list_stale:
            self.refresh_list()
        elif self._saved:
            self._refresh_saved_rows()

    def _refresh_saved_rows(self) -> None:
        if self.tree.state() == QAbstractItemView.State.EditingState:
            self._refresh_timer.start()
            return
        saved, self._saved = self._saved, set()
        for folder in saved:
            item = self.item(folder)
            try:
                info = runs.RunInfo.read(folder)
            except ValueError:
                info = None
            if item is None or info is None:  # new, or gone meanwhile
                self.refresh_list()
                return
            self._infos[folder] = info
            with QSignalBlocker(self.tree):  # not an edit of the name by the user
                self._fill(item, info)
        if saved & set(self.selected()):
            self._selection_changed()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    # ------------------------------------------------------------------ the list
    def refresh_list(self) -> None:
        """Read the run library and show it, keeping the selection (not while a name is edited)."""
        if self.tree.state() == QAbstractItemView.State.EditingState:
            self._refresh_timer.start()
            return
        self._list_stale = False
        self._saved.clear()
        if not self._trash_emptied:  # once a session, when the library is first read
            self._trash_emptied = True
            runs.empty_trash(runs.runs_folder())
        chosen = set(self.selected())
        infos, damaged = runs.read_library(runs.runs_folder())
        self.damaged.setText(breakable(self.tr("Not listed, as their files cannot be read: %1").replace(
            "%1", "; ".join(f"{folder.name} ({problem})" for folder, problem in damaged))))
        self.damaged.setVisible(bool(damaged))
        self._infos = {info.folder: info for info in infos}
        by_name = {info.folder.name: info for info in infos}
        with QSignalBlocker(self.tree):
            self.tree.clear()
            items: dict[Path, QTreeWidgetItem] = {}
            pending = list(reversed(infos))  # oldest first: a parent is listed before its branches
            for info in pending:
                parent = by_name.get((info.parent or {}).get("run"))
                item = QTreeWidgetItem()
                item.setData(0, FOLDER_ROLE, str(info.folder))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self._fill(item, info, parent)
                items[info.folder] = item
                if parent is not None and parent.folder in items:
                    items[parent.folder].insertChild(0, item)
                else:
                    self.tree.insertTopLevelItem(0, item)
            for item in items.values():
                if item.childCount():
                    item.setExpanded(True)
            for folder, item in items.items():
                item.setSelected(folder in chosen)
        # Once per listing, from every row (5 ms for 160 runs); the header sized the columns to their
        # contents at every layout and paint instead (30 ms), and the user could not widen one.
        self._content_widths = []
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
            self._content_widths.append(self.tree.header().sectionSize(column))
        self._cell_widths = [self.tree.sizeHintForColumn(column) for column in range(self.tree.columnCount())]
        self._fit_columns()
        self._histories = {folder: cached for folder, cached in self._histories.items() if folder in self._infos}
        if not infos:
            self.status.setText(self.tr("No saved runs yet: every run you train is saved here automatically."))
        elif self.status.text().startswith(self.tr("No saved runs yet")):
            self.status.clear()
        self._selection_changed()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Columns as wide as their contents (measured by the last listing), the last one taking the room left.
        Where they do not fit, the columns whose title is wider than their cells ("Лучшая метрика на вал." over
        "100,0 %") give up that width first, their titles cut short (whole in their tooltips); then the name and
        branched-from columns give up the width the others need, in proportion to what each can spare down to
        SHORTEST_NAME_CHARACTERS, cut short in the middle (whole in their tooltips): in English the branched-from
        column was cut mid-word behind a scroll bar in a 1400-pixel window, the Russian status column was out of
        sight at 1300, and in Russian a lab's run name got 99 pixels ("XNO…ную") beside titles twice as wide as
        their cells. Narrower still, the list scrolls sideways."""
        if not self._content_widths:
            return
        header, width = self.tree.header(), self.tree.viewport().width()
        header.setStretchLastSection(False)
        sizes = list(self._content_widths)
        shortest = self.tree.fontMetrics().averageCharWidth() * SHORTEST_NAME_CHARACTERS
        shortest_title = self.tree.fontMetrics().horizontalAdvance("Mmm…") + 2 * self.tree.style().pixelMetric(
            self.tree.style().PixelMetric.PM_HeaderMargin)
        names = (NAME_COLUMN, ORIGIN_COLUMN)
        titles = {column: max(0, sizes[column] - max(cells, shortest_title))
                  for column, cells in enumerate(self._cell_widths) if column not in names}
        names_spare = {column: max(0, sizes[column] - shortest) for column in names}
        excess = sum(sizes) - width
        for spare in (titles, names_spare):
            given = min(excess, sum(spare.values()))
            if given <= 0:
                continue
            for column, can_give in spare.items():
                sizes[column] -= math.ceil(given * can_give / sum(spare.values()))
            excess -= given
        titles_item = self.tree.headerItem()
        for column, size in enumerate(sizes):
            header.resizeSection(column, size)
            titles_item.setToolTip(column, titles_item.text(column) if size < self._content_widths[column] else "")
        header.setStretchLastSection(header.length() < width)

    def _fill(self, item: QTreeWidgetItem, info: runs.RunInfo, parent: runs.RunInfo | None = None) -> None:
        """Show ``info`` in ``item``: its columns, the current run in bold, a failed status in red."""
        if parent is None and info.parent:
            parent = next((known for known in self._infos.values() if known.folder.name == info.parent.get("run")), None)
        row = self._row(info, parent)
        for column, text in enumerate(row):
            item.setText(column, text)
        active = self.active_recording.folder if self.active_recording is not None else None
        font = QFont(item.font(NAME_COLUMN))
        font.setBold(info.folder == active)
        item.setFont(NAME_COLUMN, font)
        # The name and the run branched from whole, where their columns cut them short (see _fit_columns).
        folder = self.tr("The window's current run — %1").replace("%1", str(info.folder)) \
            if info.folder == active else str(info.folder)
        item.setToolTip(NAME_COLUMN, f"{info.name}\n{folder}")
        item.setToolTip(ORIGIN_COLUMN, row[ORIGIN_COLUMN])
        failed = self._status(info) in ("diverged", "interrupted", runs.RECORDING_STOPPED, "failed")
        item.setData(STATUS_COLUMN, Qt.ItemDataRole.ForegroundRole,
                     QBrush(QColor(palette.OKABE_ITO["vermillion"])) if failed else None)

    def _row(self, info: runs.RunInfo, parent: runs.RunInfo | None) -> list[str]:
        origin, status = "", self._status(info)
        if info.parent:
            name = parent.name if parent is not None else self.tr("%1 (deleted)").replace("%1", info.parent["run"])
            origin = self.tr("%1 at epoch %2").replace("%1", name).replace("%2", str(info.parent.get("epoch")))
        return [info.name, label("dataset", info.dataset), info.network, label("optimizer", info.optimizer),
                format_metric(info.best_metric, info.task), str(info.epochs_done), info.started,
                self.tr(STATUS.get(status, status)), origin]

    def _status(self, info: runs.RunInfo) -> str:
        """The run's status; "saving stopped" for a run of the window's whose files failed, whatever its run.json
        says: the full disk that stopped them may refuse that mark too, and the run stayed "running" after it
        finished, until the window closed — and again once the window let go of it (Reset, another run)."""
        recording = self.active_recording
        failing = recording is not None and recording.error is not None and info.folder == recording.folder
        if failing or info.folder in self._saving_stopped:
            return runs.RECORDING_STOPPED
        return info.status

    def runs(self) -> list[runs.RunInfo]:
        """The runs listed, newest first."""
        return list(self._infos.values())

    def item(self, folder: Path) -> QTreeWidgetItem | None:
        found = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        return next((item for item in found if item.data(0, FOLDER_ROLE) == str(folder)), None)

    def selected(self) -> list[Path]:
        return [Path(item.data(0, FOLDER_ROLE)) for item in self.tree.selectedItems()]

    def select(self, folders) -> None:
        wanted = {str(folder) for folder in folders}
        with QSignalBlocker(self.tree):
            self.tree.clearSelection()
            for item in self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive):
                item.setSelected(item.data(0, FOLDER_ROLE) in wanted)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected()
        with QSignalBlocker(self.checkpoint_box):
            self.checkpoint_box.clear()
            if len(chosen) == 1:
                for epoch in runs.checkpoints(chosen[0]):
                    self.checkpoint_box.addItem(self.tr("epoch %1").replace("%1", str(epoch)), epoch)
                self.checkpoint_box.setCurrentIndex(self.checkpoint_box.count() - 1)
        self._update_buttons()
        self._overlay()

    def _update_buttons(self) -> None:
        count = len(self.selected())
        self.open_button.setEnabled(count == 1)
        self.rename_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count > 0)
        self.rewind_button.setEnabled(count == 1 and self.checkpoint_box.count() > 0)
        self.checkpoint_box.setEnabled(self.checkpoint_box.count() > 0)

    # ------------------------------------------------------------------ actions
    def open_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.open_requested.emit(chosen[0], None)

    def rewind_selected(self) -> None:
        chosen, epoch = self.selected(), self.checkpoint_box.currentData()
        if len(chosen) == 1 and epoch is not None:
            self.open_requested.emit(chosen[0], int(epoch))

    def _edit_name(self) -> None:
        items = self.tree.selectedItems()
        if len(items) == 1:
            self.tree.editItem(items[0], 0)

    def _item_edited(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        folder = Path(item.data(0, FOLDER_ROLE))
        info = self._infos.get(folder)
        if info is not None and item.text(0) != info.name and not self.rename(folder, item.text(0)):
            with QSignalBlocker(self.tree):
                item.setText(0, info.name)

    def rename(self, folder: Path, name: str) -> bool:
        """Rename a run; False (and a message) if the name is empty or the folder cannot be written."""
        folder = Path(folder)
        try:
            if self.active_recording is not None and self.active_recording.folder == folder:
                self.active_recording.rename(name)
            else:
                runs.rename_run(folder, name)
        except (OSError, ValueError) as error:
            self.status.setText(self.tr("Could not rename the run: %1").replace("%1", str(error)))
            return False
        self.status.clear()
        self.refresh_list()
        return True

    def delete_selected(self) -> bool:
        return self.delete(self.selected())

    def delete(self, folders) -> bool:
        """Move runs to the library's trash; :meth:`undo_delete` brings them back. The window's
        current run is refused (it is still being written), and so is a run let go of whose writer has not ended."""
        folders = [Path(folder) for folder in folders]
        active = self.active_recording.folder if self.active_recording is not None else None
        if active in folders:
            self.status.setText(self.tr("“%1” is the window's current run and is still saved as it trains: open "
                                        "or reset another run before deleting it.")
                                .replace("%1", self._infos[active].name if active in self._infos else active.name))
            return False
        writing = next((folder for folder in folders if folder in CLOSED_STILL_WRITING), None)
        if writing is not None:  # a run let go of (Reset) whose last files are still being written
            self.status.setText(self.tr("“%1” is still being saved: try again in a moment.")
                                .replace("%1", self._infos[writing].name if writing in self._infos else writing.name))
            return False
        trashed = []
        try:
            for folder in folders:
                trashed.append(runs.delete_run(folder))
        except OSError as error:
            self.status.setText(self.tr("Could not delete the run: %1").replace("%1", str(error)))
        if trashed:
            self._undo_stack.append(trashed)
            first = self._infos.get(folders[0])
            self.undo_label.setText(self.tr("Deleted %1 runs.").replace("%1", str(len(trashed))) if len(trashed) > 1
                                    else self.tr("Deleted “%1”.").replace("%1", first.name if first else folders[0].name))
            self.undo_strip.show()
        self.refresh_list()
        return len(trashed) == len(folders)

    def undo_delete(self) -> bool:
        """Bring back the runs of the latest deletion; False when there is nothing to undo."""
        if not self._undo_stack:
            return False
        restored = []
        try:
            for trashed in self._undo_stack.pop():
                restored.append(runs.restore_run(trashed))
        except OSError as error:
            self.status.setText(self.tr("Could not restore the run: %1").replace("%1", str(error)))
        self.undo_strip.setVisible(bool(self._undo_stack))
        self.refresh_list()
        self.select(restored)
        return True

    # ------------------------------------------------------------------ overlay
    def _history(self, folder: Path) -> dict | None:
        """The run's history, read again only when its file changed; None if it cannot be read."""
        try:
            stamp = (folder / "history.json").stat().st_mtime
        except OSError:
            return None
        cached = self._histories.get(folder)
        if cached is None or cached[0] != stamp:
            try:
                cached = (stamp, runs.load_history(folder))
            except ValueError:
                cached = (stamp, None)
            self._histories[folder] = cached
        return cached[1]

    def _overlay(self) -> None:
        key = self.curve_box.currentData()
        self._curves = []
        unreadable = []
        for folder in self.selected():
            history = self._history(folder)
            info = self._infos.get(folder)
            name = info.name if info is not None else folder.name
            if history is None:
                unreadable.append(name)
                continue
            points = [(entry["epoch"], entry.get(key)) for entry in history["epochs"]]
            x = np.array([epoch for epoch, _ in points], dtype=float)
            y = np.array([math.nan if value is None else value for _, value in points], dtype=float)
            # A loss of scaled regression targets is not in the data's units: its run says so, as the status bar
            # does (along the axis, "validation loss, of the scaled targets" was cut short).
            if key.endswith("loss") and info is not None and runs.target_scaling(info) is not None:
                name = of_scaled_targets(name)
            self._curves.append((name, x, y))
        if unreadable:
            self.status.setText(self.tr("No curves to show for %1: the history has not been saved yet or cannot "
                                        "be read.").replace("%1", ", ".join(unreadable)))
        self.redraw()

    def overlaid(self) -> list[tuple[str, np.ndarray, np.ndarray]]:
        """(run name, epochs, values) of each curve drawn, in the order of the colours."""
        return list(self._curves)

    def redraw(self) -> None:
        self.plot.clear()
        self.legend.clear()
        self.plot.setLabel("left", self.curve_box.currentText(), color=palette.FOREGROUND)
        # Empty axes from 0 to 1 did not say how to fill them.
        self.plot.setTitle("" if self.selected() else self.tr(
            "Select runs in the list above (Ctrl or Shift for several) to draw their curves here"),
            color=palette.FOREGROUND)
        for index, (name, x, y) in enumerate(self._curves):
            self.plot.plot(x, y, pen=palette.pen(index, 2), symbol="o", symbolSize=5, connect="finite",
                           symbolBrush=palette.series_color(index), symbolPen=None, name=name)
        self._place_legend()

    def _place_legend(self) -> None:
        """The legend where it hides the least of the curves; where it hides none, at the corner losses leave
        free by ending low on the right (accuracies by ending high)."""
        first = (1, 0) if self.curve_box.currentData().endswith("loss") else (1, 1)
        clearest_corner(self.legend, self.plot, [(x, y) for _, x, y in self._curves], first)

    def table(self) -> tuple[list[str], list[list]]:
        header = [self.tr("run"), self.tr("epoch"), self.curve_box.currentText()]
        return header, [[name, int(epoch), float(value)] for name, x, y in self._curves for epoch, value in zip(x, y)]
