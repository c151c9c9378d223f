"""The docked "Lesson" panel: the list of labs to start from, and the open lab's task sheet.

The start page lists every lab by number and title; the lesson page shows the open lab's title,
a chooser of its variants, its task sheet (Markdown), its goal with a live "reached / not yet",
and the buttons to export one's result or go back to the list. Lab texts come from the lab
folders in the interface language (:func:`core.languages.text_in`), so they are refreshed on a language
change rather than translated by Qt.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap, QTextDocument, QTextLength, QTextTable
from PySide6.QtWidgets import (QComboBox, QDockWidget, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QStackedWidget, QStyle, QStyleOptionComboBox, QStylePainter, QTextBrowser,
                               QVBoxLayout, QWidget)

from app import combining_marks, i18n
from app.lab_problems import numbered_title, same_number_text
from app.teacher import goal_text
from core import labs
from core.languages import text_in

GOAL_REACHED_STYLE = "color: #1b5e20; font-weight: bold;"
GOAL_PENDING_STYLE = "color: #6d4c00;"


class VariantBox(QComboBox):
    """A combo box that shortens the title shown with "…" where it has no room for it whole (Qt cuts it off
    mid-letter); its list shows every title whole."""

    def paintEvent(self, event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           field.width() - 2)  # the style's margin of a pixel each side
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class LessonDock(QDockWidget):
    """Start page (the labs) and lesson page (one lab's sheet, variants and goal)."""

    guide_section = "labs"
    """The anchor of the labs' section of the user guide (:mod:`app.user_guide`): F1 in the dock opens it."""

    open_requested = Signal(str, str)
    """open_requested(lab_id, variant_name): the user chose a lab (variant "" = its first) or a variant."""
    export_requested = Signal()
    """export_requested(): "Export my result" was pressed."""
    close_requested = Signal()
    """close_requested(): "Close lab" was pressed (back to the start page)."""
    language_changed = Signal()
    """language_changed(): the interface language changed; lab texts must be shown again."""

    def __init__(self, parent: QWidget | None = None, available: list | None = None):
        """``available``: the labs to list (default: :func:`core.labs.readable_labs`', as the window's menu)."""
        super().__init__(self.tr("Lesson"), parent)
        self.setObjectName("lessonDock")
        self.available = available if available is not None else labs.readable_labs()[0]
        self.lab: labs.Lab | None = None
        self.variant_name = ""
        self._goal_met: bool | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_start_page())
        self.pages.addWidget(self._build_lesson_page())
        self.setWidget(self.pages)
        self.setMinimumWidth(320)
        self._retranslate()
        self.show_start_page()

    # ------------------------------------------------------------------ construction
    def _build_start_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.start_heading = QLabel()
        self.start_heading.setWordWrap(True)
        self.start_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.start_heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.start_heading)
        self.lab_list = QListWidget()
        self.lab_list.setWordWrap(True)
        self.lab_list.itemActivated.connect(self._lab_activated)
        layout.addWidget(self.lab_list, 1)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self._lab_activated(self.lab_list.currentItem()))
        layout.addWidget(self.open_button)
        return page

    def _build_lesson_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold; font-size: 120%;")
        layout.addWidget(self.title)
        variant_row = QHBoxLayout()
        self.variant_label = QLabel()
        self.variants = VariantBox()
        self.variants.activated.connect(self._variant_chosen)
        self.variants.currentIndexChanged.connect(self._show_variant_help)
        self.variant_label.setBuddy(self.variants)
        variant_row.addWidget(self.variant_label)
        variant_row.addWidget(self.variants, 1)
        self.variant_row = QWidget()
        self.variant_row.setLayout(variant_row)
        variant_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.variant_row)
        self.goal = QLabel()
        self.goal.setWordWrap(True)
        self.goal.setTextFormat(Qt.TextFormat.PlainText)
        self.goal_status = QLabel()
        self.goal_status.setTextFormat(Qt.TextFormat.PlainText)
        goal_row = QHBoxLayout()
        goal_row.setContentsMargins(0, 0, 0, 0)
        goal_row.addWidget(self.goal, 1)
        goal_row.addWidget(self.goal_status)
        self.goal_row = QWidget()
        self.goal_row.setLayout(goal_row)
        layout.addWidget(self.goal_row)
        self.sheet = QTextBrowser()
        self.sheet.setOpenExternalLinks(False)
        layout.addWidget(self.sheet, 1)
        buttons = QHBoxLayout()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_requested)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.close_requested)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout.addLayout(buttons)
        return page

    def _retranslate(self) -> None:
        """Set every text of the dock in the interface language (Qt texts and the labs' own)."""
        self.setWindowTitle(self.tr("Lesson"))
        self.start_heading.setText(self.tr("Choose a lab: each one sets up a lecture's experiment, "
                                           "with its task sheet here."))
        self.lab_list.setAccessibleName(self.tr("Labs"))
        self.open_button.setText(self.tr("&Open the lab"))
        self.open_button.setAccessibleName(self.tr("Open the selected lab"))
        self.open_button.setToolTip(self.tr("Set the panels and views up for the selected lab and show its task "
                                            "sheet here (double-click does the same)"))
        self.variant_label.setText(self.tr("&Variant:"))
        self.variants.setAccessibleName(self.tr("Variant of the lab"))
        self._show_variant_help()
        self.sheet.setAccessibleName(self.tr("Task sheet"))
        self.title.setAccessibleName(self.tr("Lab title"))
        self.goal.setAccessibleName(self.tr("Goal"))
        self.goal_status.setAccessibleName(self.tr("Goal reached"))
        self.export_button.setText(self.tr("&Export my result…"))
        self.export_button.setToolTip(self.tr("Save your configuration, curves and final metrics as one file "
                                              "for the teacher."))
        self.export_button.setAccessibleName(self.tr("Export my result"))
        self.back_button.setText(self.tr("All &labs"))
        self.back_button.setToolTip(self.tr("Close this lab and show the list of labs"))
        self.back_button.setAccessibleName(self.tr("Close the lab"))
        self._fill_lab_list()
        if self.lab is not None:
            self._show_lab_texts()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.language_changed.emit()
        super().changeEvent(event)

    # ------------------------------------------------------------------ pages
    def _fill_lab_list(self) -> None:
        language = i18n.current_language()
        current = self.lab_list.currentRow()
        self.lab_list.clear()
        size = self.fontMetrics().height()
        self.lab_list.setIconSize(QSize(size, size))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        blank = QPixmap(size, size)
        blank.fill(Qt.GlobalColor.transparent)
        # Labs that share a number are marked (and named by their folder too); the others keep their titles in line.
        spacer = QIcon(blank) if any(same_number_text(lab, self.available) for lab in self.available) else QIcon()
        for lab in self.available:
            item = QListWidgetItem(numbered_title(lab, self.available))
            item.setData(Qt.ItemDataRole.UserRole, lab.id)
            clash = same_number_text(lab, self.available)
            item.setIcon(warning if clash else spacer)
            item.setToolTip("\n\n".join(filter(None, (text_in(lab.summary, language), clash))))
            self.lab_list.addItem(item)
        self.lab_list.setCurrentRow(max(current, 0))

    def _lab_activated(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole), "")

    def _variant_chosen(self, index: int) -> None:
        name = self.variants.itemData(index)
        if self.lab is not None and name and name != self.variant_name:
            self.open_requested.emit(self.lab.id, name)

    def _show_variant_help(self) -> None:
        """The variant chooser's tooltip: the variant shown, whole, and what choosing one does."""
        help_text = self.tr("The runs this lab compares: choosing one sets the panels to it and re-initialises the "
                            "network.")
        self.variants.setToolTip("\n\n".join(filter(None, (self.variants.currentText(), help_text))))

    def show_start_page(self) -> None:
        self.lab, self.variant_name = None, ""
        self.pages.setCurrentIndex(0)

    def show_lab(self, lab: labs.Lab, variant_name: str) -> None:
        """Show ``lab``'s sheet with ``variant_name`` chosen."""
        self.lab, self.variant_name = lab, variant_name
        self._goal_met = None
        self._show_lab_texts()
        self.pages.setCurrentIndex(1)

    def _show_lab_texts(self) -> None:
        lab, language = self.lab, i18n.current_language()
        self.title.setText(numbered_title(lab, self.available))
        self.variants.clear()
        for index, variant in enumerate(lab.variants):
            title = text_in(variant.title, language)
            self.variants.addItem(title, variant.name)
            # Long titles are cut in a narrow lesson ("без масштабирования (исходные спирт и прол…"): whole here.
            self.variants.setItemData(index, title, Qt.ItemDataRole.ToolTipRole)
        self.variants.setCurrentIndex(max(self.variants.findData(self.variant_name), 0))
        self._show_variant_help()
        self.variant_row.setVisible(len(lab.variants) > 1)
        self.sheet.setSearchPaths([str(lab.folder)])  # a sheet's pictures (![…](scheme.png)) lie beside it
        self.sheet.setMarkdown(lab.sheet(language))
        _fit_tables_in_width(self.sheet.document())
        combining_marks.mend_document(self.sheet.document())
        self._show_goal()

    # ------------------------------------------------------------------ goal
    def active_goal(self) -> labs.Goal | None:
        goal = self.lab.goal if self.lab is not None else None
        return goal if goal is not None and goal.applies_to(self.variant_name) else None

    def set_goal_met(self, met: bool | None) -> None:
        """Show whether the goal is reached (None: no result yet)."""
        self._goal_met = met
        self._show_goal()

    def _show_goal(self) -> None:
        goal = self.active_goal()
        self.goal_row.setVisible(goal is not None)
        if goal is None:
            return
        self.goal.setText(self.tr("Goal: %1").replace("%1", goal_text(goal)))
        if self._goal_met:
            self.goal_status.setText(self.tr("✓ reached"))
            self.goal_status.setStyleSheet(GOAL_REACHED_STYLE)
        else:
            self.goal_status.setText(self.tr("not yet"))
            self.goal_status.setStyleSheet(GOAL_PENDING_STYLE)


def _fit_tables_in_width(document: QTextDocument) -> None:
    """Qt lays a Markdown table out over the page's whole width and its borders a pixel or two
    beyond, which scrolled sheets with a table sideways by those pixels; 99 % of the width keeps
    such a table within the page (a table whose words need more room still scrolls)."""
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            table_format = frame.format()
            table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 99))
            frame.setFormat(table_format)
