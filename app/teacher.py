"""Teacher mode: a lab's locked settings are disabled and its hidden ones are not shown, and the
teacher's "Collect results" dialog tabulates a folder of students' result files.

A lab names configuration fields by dotted path (``training.seed``, ``network.hidden.units``,
``schedule``); :func:`field_controls` says which controls of the window's panels show each field,
and :class:`LabControls` disables or hides them (:meth:`core.labs.Lab.locks`, :meth:`~core.labs.Lab.hides`).
The panels enable, disable and show some controls themselves when they refresh (the layer buttons,
the patience box, the augmentation group), so the lab's rules are applied again after each refresh.
"""
from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QEvent, QLocale, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app import settings
from app.file_dialogs import ask_save_path
from app.i18n import current_language, format_number, format_percent, os_error_reason
from app.lab_problems import numbered_title, setting_name
from app.panels.widgets import set_help, show_help
from app.spreadsheet_csv import write_csv
from core import labs
from core.languages import text_in

STRUCTURE = "network.hidden"
"""The hidden layers as a list: adding, removing and moving layers."""


class SortedItem(QTableWidgetItem):
    """A cell sorted by the value under its user role, not its text: as text, 12.0 came between 0.3
    and 2.5, and 01.12.2026 before 30.11.2026. Cells without one (names, "—") sort by their text, ignoring case."""

    def __lt__(self, other) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if mine is not None and theirs is not None and type(mine) is type(theirs):
            return mine < theirs
        # Not QTableWidgetItem.__lt__: PySide6 sends it back here, and sorting by names recursed until Python crashed.
        return self.text().casefold() < other.text().casefold()


def field_controls(window) -> list[tuple[str, list[QWidget]]]:
    """(configuration path, its controls) for every setting of the window's three panels."""
    data, network, training = window.data_panel, window.network_panel, window.training_panel
    entries = [("data.dataset", [data.dataset]), ("data.validation_split", [data.validation_split]),
               ("data.options.max_train", [data.max_train]), ("data.options.seed", [data.data_seed, data.regenerate]),
               ("data.options.test_split", [data.test_split]),
               ("data.options.features", list(data.feature_boxes.values())),
               ("data.scaling", [data.scaling]), ("data.target_scaling", [data.target_scaling]),
               ("data.augmentation", [data.augmentation_group])]
    entries += [(f"data.options.{key}", [control]) for key, control in data.options.controls().items()]
    entries += [(STRUCTURE, [network.layers, network.add_button, network.remove_button, network.up_button,
                             network.down_button])]
    entries += [(f"network.hidden.{key}", [control]) for key, control in (
        ("units", network.units), ("activation", network.activation),
        ("activation_options", network.activation_options), ("init", network.init),
        ("batch_norm", network.batch_norm), ("dropout", network.dropout))]
    entries += [("network.output_init", [network.output_init]), ("network.dtype", [network.dtype]),
                ("loss.name", [training.loss]), ("optimizer.name", [training.optimizer])]
    entries += [(f"optimizer.options.{key}", [control])
                for key, control in training.optimizer_options.controls().items()]
    entries += [("schedule.name", [training.schedule, training.preview]), ("schedule.unit", [training.schedule_unit])]
    entries += [(f"schedule.options.{key}", [control])
                for key, control in training.schedule_options.controls().items()]
    entries += [("regularization.l1", [training.l1]), ("regularization.l2", [training.l2]),
                ("regularization.apply_to_biases", [training.biases]),
                ("training.epochs", [training.epochs]), ("training.batch_size", [training.batch_size]),
                ("training.patience", [training.early_stopping, training.patience]),
                ("training.seed", [training.seed])]
    return entries


def _form_row(widget: QWidget) -> tuple[QFormLayout | None, QWidget]:
    """The form layout holding ``widget`` as a row (directly, or inside a one-row container)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout) and layout.indexOf(widget) >= 0:
        return layout, widget
    if parent is not None and not isinstance(parent, QGroupBox):
        grandparent = parent.parentWidget()
        outer = grandparent.layout() if grandparent is not None else None
        if isinstance(outer, QFormLayout) and outer.indexOf(parent) >= 0:
            return outer, parent
    return None, widget


def set_shown(widget: QWidget, shown: bool) -> None:
    """Show or hide a control with its row label."""
    layout, row = _form_row(widget)
    if layout is not None:
        layout.setRowVisible(row, shown)
    else:
        widget.setVisible(shown)


class LabControls:
    """Applies one lab's locked and hidden fields to the window's panels, and undoes them."""

    def __init__(self, window):
        self.window = window
        self.lab: labs.Lab | None = None
        self.title = ""
        self._hidden_groups: list[QGroupBox] = []
        self._touched: dict[int, QWidget] = {}

    def set_lab(self, lab: labs.Lab | None, title: str = "") -> None:
        self.lab, self.title = lab, title
        self.apply()

    def locked(self, path: str) -> bool:
        if self.lab is None:
            return False
        if path == STRUCTURE:  # a fixed layer field fixes the number of layers too
            return self.lab.locks(path) or any(locked.startswith(STRUCTURE) for locked in self.lab.locked)
        return self.lab.locks(path)

    def hidden(self, path: str) -> bool:
        return self.lab is not None and self.lab.hides(path)

    def apply(self) -> None:
        """Disable the locked controls and hide the hidden ones (or restore all with no lab)."""
        window = self.window
        for group in self._hidden_groups:
            group.setVisible(True)
        self._hidden_groups = []
        groups: dict[int, tuple[QGroupBox, list[bool]]] = {}
        for path, controls in field_controls(window):
            locked, hidden = self.locked(path), self.hidden(path)
            for control in controls:
                self._lock(control, locked)
                if hidden or control.property("hiddenByLab"):  # the panel may have shown it again
                    control.setProperty("hiddenByLab", hidden)
                    set_shown(control, not hidden)
                group = _group_of(control)
                if group is not None:
                    groups.setdefault(id(group), (group, []))[1].append(hidden)
        for group, hidden_flags in groups.values():
            if all(hidden_flags) and group.isVisibleTo(group.parentWidget()):
                group.setVisible(False)
                self._hidden_groups.append(group)
        if self.lab is None:
            window.data_panel.refresh()  # the panel shows its own groups again (augmentation for images)

    def _lock(self, control: QWidget, locked: bool) -> None:
        was_locked = bool(control.property("lockedByLab"))
        if locked:
            control.setEnabled(False)
            message = "🔒 " + QCoreApplication.translate("LabControls", "The lab “%1” locks this setting.").replace("%1", self.title)
            help_text = control.property("helpText") or ""
            control.setToolTip(f"{message}\n\n{help_text}".strip())
        elif was_locked:
            control.setEnabled(True)
            show_help(control)
        control.setProperty("lockedByLab", locked)
        if not locked and was_locked:
            # The panel decides again which of its controls are enabled (layer buttons, patience).
            self.window.network_panel.refresh()
            self.window.training_panel.refresh()


def _group_of(widget: QWidget) -> QGroupBox | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QGroupBox):
        parent = parent.parentWidget()
    return parent


# ----------------------------------------------------------------------------- collecting results
def display_cell(value) -> str:
    """A table cell as shown: numbers with the language's decimal separator, goals as yes/no (accuracies:
    :func:`shown_text`)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return ResultsDialog.tr("yes") if value else ResultsDialog.tr("no")
    if isinstance(value, float):
        return format_number(value, 4) if math.isfinite(value) else "—"
    return str(value)


def lab_title(table: labs.ResultsTable, lab_id: str) -> str:
    """"4. XNOR …" in the interface language for a lab installed here (:func:`app.lab_problems.numbered_title`),
    else its identifier."""
    lab = table.installed.get(lab_id)
    return numbered_title(lab, table.installed.values()) if lab else lab_id


def variant_title(table: labs.ResultsTable, lab_id: str, name: str) -> str:
    """A variant's title in the interface language when its lab is installed here, else its name."""
    lab = table.installed.get(lab_id)
    titles = {variant.name: variant.title for variant in lab.variants} if lab else {}
    return text_in(titles[name], current_language()) if name in titles else name


LAB_VERSIONS = {
    labs.SAME_LAB_VERSION: QT_TRANSLATE_NOOP("ResultsDialog", "as installed here"),
    labs.OTHER_LAB_VERSION: QT_TRANSLATE_NOOP("ResultsDialog", "another: %1"),
    labs.OTHER_LAB_GOAL: QT_TRANSLATE_NOOP("ResultsDialog", "another (its goal differs)"),
    labs.UNRECORDED_LAB_VERSION: QT_TRANSLATE_NOOP("ResultsDialog", "not recorded"),
}
"""How a row's lab version compares with the lab installed here, by :attr:`core.labs.ResultsTable.lab_versions`
(``%1``: the version's first digits)."""


def lab_version_text(table: labs.ResultsTable, row: int) -> str:
    """Row ``row``'s lab version in the interface language: as installed here, another (which), not recorded in
    its file; the version itself for a lab not installed here."""
    fingerprint, version = table.results[row].lab_fingerprint, table.lab_versions[row]
    short = labs.short_fingerprint(fingerprint) if fingerprint else "—"
    if not version:
        return short
    return QCoreApplication.translate("ResultsDialog", LAB_VERSIONS[version]).replace("%1", short)


def saved_text(stamp: str) -> str:
    """When a result was saved (ISO 8601 in the file), to the minute, with the month's name in the interface
    language ("30 Nov 2026 10:00", "30 нояб. 2026 10:00"): a locale's short format read "30 11 2026" in the C
    locale and "11/30/26" in the US one, which a reader elsewhere takes for another day."""
    moment = QDateTime.fromString(stamp, Qt.DateFormat.ISODate)
    return QLocale().toString(moment, "d MMM yyyy HH:mm") if moment.isValid() else stamp


def shown_text(table: labs.ResultsTable, row: int, column: int, goal_separator: str = " ") -> str:
    """The text of a cell as the table shows it: titles for the lab and variant, local dates, numbers
    with the language's decimal separator; ``goal_separator`` between a goal's metric and its bound."""
    name, value = table.header[column], table.rows[row][column]
    if name == "lab":
        return lab_title(table, value)
    if name == "variant":
        return variant_title(table, table.results[row].lab, value)
    if name == "saved":
        return saved_text(value)
    if name == "locked fields changed":
        return ", ".join(setting_name(path) for path in table.results[row].locked_changed)
    if name == "lab version":
        return lab_version_text(table, row)
    if name == "goal met" and table.results[row].goal is None:  # as the summary, which counts only goals
        return ResultsDialog.tr("no goal")
    if name == "goal met" and table.unjudged[row]:
        return unjudged_text(table.unjudged[row])
    if name == "goal":  # the goal judged here, or, not judged here, the one its file records (its tooltip says so)
        return goal_text(value, goal_separator) if value is not None else "—"
    if is_accuracy(name) and isinstance(value, float) and math.isfinite(value):
        return format_percent(value, ACCURACY_DECIMALS)  # in percent, as the goal beside it: not 0.9500 by 90.0 %
    return display_cell(value)


ACCURACY_DECIMALS = 1
"""Decimals of an accuracy in percent in the table: one, as its goal beside it writes (95.1 % by ≥ 94.0 %); the
CSV keeps every digit (:func:`csv_cell`), and the table sorts by the full value."""


def is_accuracy(name: str) -> bool:
    """Whether the column ``name`` holds an accuracy (a fraction, shown and written in percent)."""
    return name.endswith("accuracy")


def csv_cell(table: labs.ResultsTable, row: int, column: int) -> str | float:
    """A cell as written to CSV: the table's text, but numbers in full (accuracies in percent, as the goals and the
    column's heading: :func:`csv_headings`), and dates as ISO 8601 (which a spreadsheet reads as a date in any
    language)."""
    name, value = table.header[column], table.rows[row][column]
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        # A number, not "95.12 %": a spreadsheet averages and sorts it; rounded, as 0.07 × 100 is 7.000000000000001.
        return round(100 * value, 10) if is_accuracy(name) else value
    if isinstance(value, int) and not isinstance(value, bool):  # weights set by hand: a count
        return value
    if value is None and name != "goal met":  # "no goal" is said, as in the table
        return ""
    return inert(value.replace("T", " ") if name == "saved" else shown_text(table, row, column))


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula: a student named =HYPERLINK(…) ran it on the teacher's
computer."""


def inert(text: str) -> str:
    """Text a spreadsheet shows as it is: one that would start a formula is quoted with a leading '."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


NARROWED_COLUMNS = {"student": 130, "folder": 110, "lab": 150, "variant": 130, "goal met": 110,
                    "locked fields changed": 170}
"""Pixels these columns take at most: with whole names and titles the goal's metric and the goal itself were
out of sight, even at 1300 pixels (the texts are elided, whole in the cells' tooltips; the headings are never cut).
The goal is not narrowed: cut at 190 pixels, the Russian goal's bound was split from its sign; it takes two lines."""

SHOWN_PROBLEMS = 5
"""Files that could not be read listed under the table at most (all of them in its tooltip)."""

UNREADABLE_RESULTS = {
    "unreadable": QT_TRANSLATE_NOOP("ResultsDialog", "the file cannot be read (%1)"),
    "not_json": QT_TRANSLATE_NOOP("ResultsDialog", "not a JSON file"),
    "not_result": QT_TRANSLATE_NOOP("ResultsDialog", "not an MLP Workbench lab result"),
    "version": QT_TRANSLATE_NOOP("ResultsDialog", "written by another version of MLP Workbench (result version %1)"),
    "incomplete": QT_TRANSLATE_NOOP("ResultsDialog", "an incomplete lab result (missing or malformed: %1)"),
    "invalid": QT_TRANSLATE_NOOP("ResultsDialog", "an invalid lab result (%1)"),
}
"""Why a file of the results folder was not read, by :class:`core.labs.UnreadableResult`'s kind."""


UNJUDGED_GOALS = {
    labs.LAB_NOT_INSTALLED: QT_TRANSLATE_NOOP("ResultsDialog", "not checked: lab not installed here"),
    labs.VARIANT_NOT_INSTALLED: QT_TRANSLATE_NOOP("ResultsDialog", "not checked: variant not in the installed lab"),
}
"""Why a row's goal was not judged here, by :data:`core.labs.ResultsTable.unjudged`."""


def unjudged_text(reason: str) -> str:
    """Why a row's goal was not judged here, in the interface language."""
    return QCoreApplication.translate("ResultsDialog", UNJUDGED_GOALS[reason])


def unreadable_text(problem: labs.UnreadableResult) -> str:
    """Why the file was not read, in the interface language."""
    template = UNREADABLE_RESULTS.get(problem.kind)
    if template is None:
        return str(problem)
    # The system's reason in the window's language: Python words it in English only.
    detail = os_error_reason(problem.os_error) if problem.os_error is not None else problem.detail
    return QCoreApplication.translate("ResultsDialog", template).replace("%1", detail)


def listed(names: tuple) -> str:
    """File names for the summary: the first :data:`SHOWN_PROBLEMS` of them, "…" for the rest."""
    return ", ".join(names[:SHOWN_PROBLEMS]) + (", …" if len(names) > SHOWN_PROBLEMS else "")


def csv_headings(table: labs.ResultsTable, headings: list[str]) -> list[str]:
    """The CSV file's headings: the table's, the accuracies' with ", %" (their numbers are in percent)."""
    return [f"{heading}, %" if is_accuracy(name) else heading for name, heading in zip(table.header, headings)]


def write_results_csv(table: labs.ResultsTable, path, headings: list[str]) -> None:
    """The table as CSV for a spreadsheet in the interface language (:mod:`app.spreadsheet_csv`), under
    ``headings``."""
    write_csv(path, csv_headings(table, headings),
              ([csv_cell(table, row, column) for column in range(len(table.header))] for row in range(len(table.rows))))


class TwoLineHeader(QHeaderView):
    """Column headings that take two lines where their column is narrower than they are: in Russian
    "точность на валидации" took 187 pixels over numbers 50 wide, and the table's later columns went out of sight."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # sorting, as the table's own header does
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value))

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        """One line's size made as narrow as the heading's two lines can be, and one line taller."""
        size = super().sectionSizeFromContents(logical_index)
        text = str(self.model().headerData(logical_index, self.orientation()) or "")
        font = QFont(self.font())
        font.setBold(True)  # as Qt measures a heading, for it is bold when its column is selected
        metrics = QFontMetrics(font)
        words = text.split(" ")
        narrowest = min((max(metrics.horizontalAdvance(" ".join(words[:cut])),
                             metrics.horizontalAdvance(" ".join(words[cut:]))) for cut in range(1, len(words))),
                        default=metrics.horizontalAdvance(text))
        return QSize(size.width() - metrics.horizontalAdvance(text) + narrowest, size.height() + metrics.lineSpacing())


def last_results_folder() -> str:
    """The folder Collect results last read, where it still is (a memory stick taken out is not offered), or ""."""
    folder = settings.load().results_folder
    return folder if folder and Path(folder).is_dir() else ""


def remember_results_folder(folder: Path) -> None:
    """Keep ``folder`` for the next Collect results: the teacher collecting each week browsed to it every time."""
    saved = settings.load()  # the other settings as they are now: the window may have changed them
    saved.results_folder = str(folder)
    settings.save(saved)


class ResultsDialog(QDialog):
    """Collect results: read every student's result file in a folder, show them as a table, save a CSV."""

    def __init__(self, folder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.table_data: labs.ResultsTable | None = None
        layout = QVBoxLayout(self)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        row = QHBoxLayout()
        self.folder = QLineEdit(folder)
        self.folder.returnPressed.connect(self.read_folder)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._choose_folder)
        self.read_button = QPushButton()
        self.read_button.clicked.connect(self.read_folder)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        row.addWidget(self.read_button)
        layout.addLayout(row)
        self.table = QTableWidget(0, 0)
        self.table.setHorizontalHeader(TwoLineHeader(self.table))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        rows = self.table.verticalHeader()  # two lines of text (titles, goals) in any font: 30 pixels fit 9 points
        rows.setDefaultSectionSize(max(rows.defaultSectionSize(), 2 * self.table.fontMetrics().lineSpacing() + 2))
        rows.hide()  # row numbers, 14 to 27 pixels that no sorted row keeps: the summary counts the results
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.save_status = QLabel()  # apart from the summary, which a failed save once replaced
        self.save_status.setWordWrap(True)
        self.save_status.hide()
        layout.addWidget(self.save_status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save_dialog)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._retranslate()
        self.resize(960, 460)
        if folder:
            self.read_folder()

    def _retranslate(self) -> None:
        """Set the dialog's own texts in the interface language (the table's and the summary's: :meth:`_show`)."""
        self.setWindowTitle(self.tr("Collect results"))
        self.explanation.setText(self.tr("Choose the folder where the students' result files were gathered "
                                         "(Labs ▸ Export my result writes one file per student)."))
        set_help(self.folder, self.tr("The folder of the students' result files; Enter reads it."),
                 self.tr("Results folder"))
        self.folder.setPlaceholderText(self.tr("Folder of result files"))
        self.browse.setText(self.tr("&Browse…"))
        set_help(self.browse, self.tr("Choose the folder of the result files, and read it."),
                 self.tr("Choose the results folder"))
        self.read_button.setText(self.tr("&Read"))
        set_help(self.read_button, self.tr("Read every result file of the folder into the table (again: "
                                           "files added since are read too)."), self.tr("Read the results folder"))
        self.table.setAccessibleName(self.tr("Students' results"))
        self.summary.setAccessibleName(self.tr("Summary of the results"))
        self.save_button.setText(self.tr("&Save as CSV…"))
        set_help(self.save_button, self.tr("Save the table as a CSV file, for a spreadsheet."),
                 self.tr("Save the table as CSV"))

    def heading(self, name: str) -> str:
        """A column's title in the interface language (metric columns: "validation accuracy" …)."""
        headings = {"student": self.tr("Student"), "folder": self.tr("Folder"), "lab": self.tr("Lab"),
                    "variant": self.tr("Variant"),
                    "saved": self.tr("Saved"), "latest": self.tr("Latest"), "goal met": self.tr("Goal met"),
                    "goal": self.tr("Goal"),
                    "locked fields changed": self.tr("Locked settings changed"),
                    "weights set by hand": self.tr("Weights set by hand"), "lab version": self.tr("Lab version"),
                    "file": self.tr("File")}
        if name in headings:
            return headings[name]
        return metric_name(name)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of result files"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            self.read_folder()

    def read_folder(self) -> labs.ResultsTable | None:
        folder = self.folder.text().strip()
        # Nothing typed is no folder, not the one the app was started in (which "" would read).
        problem = self.tr("Choose the folder of the result files (Browse…).") if not folder else None
        if folder:
            try:
                # Windows' "Copy as path" quotes it; a Linux teacher types ~ for the home folder.
                path = Path(folder.strip('"')).expanduser().absolute()
                table = labs.collect_results(path)
            except ValueError:
                problem = self.tr("“%1” is not a folder.").replace("%1", folder)
            except OSError as error:
                problem = self.tr("Could not read the folder “%1”: %2").replace("%1", folder) \
                    .replace("%2", os_error_reason(error))
        if problem is not None:
            self.summary.setText(problem)
            self.summary.setToolTip("")
            self.table_data = None
            self.table.setRowCount(0)
            self.save_button.setEnabled(False)
            return None
        self._show(table)
        remember_results_folder(path)
        return table

    def _show(self, table: labs.ResultsTable) -> None:
        """Fill the table and the summary from ``table``, in the interface language."""
        if table is not self.table_data:  # another table: what was said of saving the last one no longer holds
            self.save_status.hide()
        self.table_data = table
        self.table.setSortingEnabled(False)
        self.table.clear()
        self.table.setColumnCount(len(table.header))
        self.table.setRowCount(len(table.rows))
        self.table.setHorizontalHeaderLabels([self.heading(name) for name in table.header])
        replaced = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for row_index, (row, latest) in enumerate(zip(table.rows, table.latest)):
            for column, value in enumerate(row):
                # The goal's bound under its metric: on one line the Russian goal took a quarter of the default
                # width, and the date each result was saved was out of sight at 1100 pixels.
                item = SortedItem(shown_text(table, row_index, column, goal_separator="\n"))
                if table.header[column] in NARROWED_COLUMNS:
                    item.setToolTip(item.text())  # their columns are narrowed to keep the goal in sight
                number = isinstance(value, (int, float)) and not isinstance(value, bool)
                if number or table.header[column] == "saved":
                    item.setData(Qt.ItemDataRole.UserRole, value)  # by value, and by time: ISO 8601 sorts as text
                elif table.header[column] == "lab":  # 4 before 10; labs not installed here after them
                    item.setData(Qt.ItemDataRole.UserRole,
                                 float(table.installed[value].number) if value in table.installed else math.inf)
                if number:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not latest:
                    item.setForeground(replaced)
                self.table.setItem(row_index, column, item)
            if table.unjudged[row_index]:
                self._say_what_the_file_says(table, row_index)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        for name, width in NARROWED_COLUMNS.items():
            if name not in table.header:  # the folder, of results in sub-folders only
                continue
            column = table.header.index(name)
            heading = self.table.horizontalHeader().sectionSizeHint(column)  # never cut: "Цель достигнута" was
            self.table.setColumnWidth(column, max(heading, min(self.table.columnWidth(column), width)))
        counted = [index for index, latest in enumerate(table.latest) if latest]
        # Only results with a goal (the installed lab's; the file's where it is not judged here) count where goals
        # are spoken of: a variant without one was counted among those that missed it, or among goals not checked.
        with_goal = [index for index in counted if table.results[index].goal is not None]
        # A verdict not judged here is only what its file says: it is not counted as reached.
        met = sum(table.results[index].goal_met is True and not table.unjudged[index] for index in with_goal)
        unjudged = sum(bool(table.unjudged[index]) for index in with_goal)
        if len(with_goal) == len(counted):
            text = self.tr("%1 results; %2 reached their goal.").replace("%1", str(len(counted))) \
                .replace("%2", str(met))
        elif with_goal:
            text = self.tr("%1 results; %2 of them have a goal, and %3 reached it.").replace("%1", str(len(counted))) \
                .replace("%2", str(len(with_goal))).replace("%3", str(met))
        else:
            text = self.tr("%1 results, none with a goal to reach.").replace("%1", str(len(counted)))
        if len(counted) < len(table.results):
            text += " " + self.tr("Results replaced by a later export of the same student (the same name in the same "
                                  "folder) and lab variant: %1 (greyed out, not counted).") \
                .replace("%1", str(len(table.results) - len(counted)))
        # Other JSON files (saved configurations, say) are counted, not listed; damaged results are listed
        # up to SHOWN_PROBLEMS, all of them in the tooltip: hundreds of lines pushed the table off the screen.
        others = sum(problem.kind == "not_result" for _, problem in table.problems)
        damaged = [f"• {name}: {unreadable_text(problem)}" for name, problem in table.problems
                   if problem.kind != "not_result"]
        other_versions = self._other_lab_versions(table)  # ends saying where to collect them: not said twice
        if unjudged:
            text += "\n" + self.tr("Goals not checked, of a lab or variant not installed here: %1 (not counted as "
                                   "reached).").replace("%1", str(unjudged))
            if not other_versions:
                text += " " + self.tr("To check them, collect the results with the lab pack the students used "
                                      "(MLP_WORKBENCH_DATA pointing at it).")
        text += other_versions
        if table.corrected:
            text += "\n" + self.tr("Goals judged by the lab as installed here, not as the file says (edited?): %1.") \
                .replace("%1", listed(table.corrected))
        if others:
            text += "\n" + self.tr("Other .json files, not lab results: %1.").replace("%1", str(others))
        if damaged:
            text += "\n" + self.tr("Not read:") + "\n" + "\n".join(damaged[:SHOWN_PROBLEMS])
            if len(damaged) > SHOWN_PROBLEMS:
                text += "\n" + self.tr("… and %1 more (see the tooltip).").replace("%1",
                                                                                str(len(damaged) - SHOWN_PROBLEMS))
        self.summary.setText(text)
        self.summary.setToolTip("\n".join(damaged))
        self.save_button.setEnabled(bool(table.rows))

    def _other_lab_versions(self, table: labs.ResultsTable) -> str:
        """The summary's lines of the results made with another version of the lab than the one installed here:
        told by the version their file records, or by their goal in a file that records none."""
        def files(version: str) -> tuple:
            return tuple(table.file_name(result.file) for result, its in zip(table.results, table.lab_versions)
                         if its == version)

        lines = []
        if files(labs.OTHER_LAB_VERSION):
            lines.append(self.tr("Made with another version of the lab (its settings, locks, variants or goal differ "
                                 "from the lab installed here): %1.")
                         .replace("%1", listed(files(labs.OTHER_LAB_VERSION))))
        if files(labs.OTHER_LAB_GOAL):
            lines.append(self.tr("Made with another version of the lab (its goal differs from the one installed "
                                 "here): %1.").replace("%1", listed(files(labs.OTHER_LAB_GOAL))))
        if not lines:
            return ""
        return "\n" + "\n".join(lines) + " " + self.tr(
            "Their goals were judged by the lab installed here; to judge them as the students saw them, collect the "
            "results with the lab pack the students used (MLP_WORKBENCH_DATA pointing at it).")

    def _say_what_the_file_says(self, table: labs.ResultsTable, row: int) -> None:
        """Why a row's goal was not judged here, and the verdict and goal its file claims, in the tooltips of its
        verdict and goal: not judged here, but not hidden."""
        result = table.results[row]
        claim = display_cell(result.goal_met) + f" ({goal_text(result.goal)})" if result.goal else self.tr("no goal")
        verdict = self.table.item(row, table.header.index("goal met"))
        verdict.setToolTip(unjudged_text(table.unjudged[row]) + "\n"
                           + self.tr("The file says: %1").replace("%1", claim))
        if result.goal is not None:
            goal = self.table.item(row, table.header.index("goal"))
            goal.setToolTip(self.tr("The goal its file records; %1").replace("%1", unjudged_text(table.unjudged[row])))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save_button"):
            self._retranslate()
            if self.table_data is not None:
                self._show(self.table_data)  # yes/no and numbers composed in the new language, files not read again
        super().changeEvent(event)

    def _save_dialog(self) -> None:
        path = ask_save_path(self, self.tr("Save the results"), "results.csv", self.tr("CSV files (*.csv)"))
        if path:
            self.save_csv(path)

    def save_csv(self, path) -> bool:
        if self.table_data is None:
            return False
        try:
            write_results_csv(self.table_data, Path(path), [self.heading(name) for name in self.table_data.header])
        except OSError as error:
            self._say_saved(self.tr("Could not save %1: %2").replace("%1", str(path))
                            .replace("%2", os_error_reason(error)), failed=True)
            return False
        self._say_saved(self.tr("Saved the table to %1.").replace("%1", str(path)), failed=False)
        return True

    def _say_saved(self, text: str, failed: bool) -> None:
        self.save_status.setText(text)
        self.save_status.setStyleSheet("color: #b71c1c;" if failed else "")
        self.save_status.show()


METRIC_NAMES = {
    "train_loss": QT_TRANSLATE_NOOP("Metrics", "training loss"),
    "train_accuracy": QT_TRANSLATE_NOOP("Metrics", "training accuracy"),
    "train_r2": QT_TRANSLATE_NOOP("Metrics", "training R²"),
    "val_loss": QT_TRANSLATE_NOOP("Metrics", "validation loss"),
    "val_accuracy": QT_TRANSLATE_NOOP("Metrics", "validation accuracy"),
    "val_r2": QT_TRANSLATE_NOOP("Metrics", "validation R²"),
    "test_loss": QT_TRANSLATE_NOOP("Metrics", "test loss"),
    "test_accuracy": QT_TRANSLATE_NOOP("Metrics", "test accuracy"),
    "test_r2": QT_TRANSLATE_NOOP("Metrics", "test R²"),
}


def metric_name(name: str) -> str:
    """"validation accuracy", "test loss" … for a metric key of :data:`core.labs.GOAL_METRICS`."""
    return QCoreApplication.translate("Metrics", METRIC_NAMES[name]) if name in METRIC_NAMES else name


def goal_text(goal: labs.Goal, separator: str = " ") -> str:
    """"validation accuracy ≥ 94.0 %" in the interface language, ``separator`` before the bound."""
    bound = goal.at_least if goal.at_least is not None else goal.at_most
    value = format_percent(bound) if is_accuracy(goal.metric) else format_number(bound, 3)
    return f"{metric_name(goal.metric)}{separator}{'≥' if goal.at_least is not None else '≤'} {value}"
