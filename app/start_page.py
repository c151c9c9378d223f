"""The start page: what one can do first, shown over the views when the window opens.

Like the welcome page of Qt Creator or VS Code it offers the first steps — draw a digit (the Draw
view classifies it with the shipped model, offline), train the default run on the 8×8 digits,
compare optimisers, open a configuration or a model — then the labs (number, title and summary in
the interface language, from :mod:`core.labs`) and the newest runs of the run library.

Every entry goes the window's own way: a lab opens through the Labs menu's
:meth:`app.labs_ui.LabController.open_lab`, a run through :meth:`MainWindow.open_run` as from the
Runs view, files through the File menu's actions. The page only chooses; it computes nothing.

The page lies in the window's central stack, over the view tabs. It gives way to them when an entry
is chosen, when a whole configuration is opened by any route (a lab, a file, a saved run or model:
the configuration model announces the path ""), or when training starts. View ▸ Start page brings
it back; "Show this page at startup" is kept in the user's settings
(:attr:`app.settings.Settings.show_start_page`).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSizePolicy, QVBoxLayout, QWidget)

from app import display_names, i18n
from app import settings as user_settings
from app.lab_problems import numbered_title
from app.palette import OKABE_ITO
from core import runs
from core.config import RunConfig
from core.languages import text_in

log = logging.getLogger(__name__)

RECENT_RUNS = 5
"""How many of the newest saved runs the page lists."""

CONTENT_WIDTH = 1100
"""The page's columns are no wider than this together: long lines are hard to read on a wide window."""

STYLE = f"""
#startPage QScrollArea, #startPage #startContent {{ background: palette(base); }}
#startPage QLabel#startTitle {{ font-size: 22pt; font-weight: bold; }}
#startPage QLabel#startTagline, #startPage QLabel#noRuns {{ color: palette(placeholder-text); }}
#startPage QLabel[section="true"] {{ color: {OKABE_ITO["blue"]}; font-size: 13pt; font-weight: bold;
                                   padding-top: 14px; border-bottom: 1px solid palette(mid); }}
#startPage Entry {{ border: 1px solid transparent; border-radius: 4px; background: transparent; }}
#startPage Entry:hover {{ background: rgba(0, 114, 178, 20); border-color: rgba(0, 114, 178, 60); }}
#startPage Entry:focus {{ border-color: rgba(0, 114, 178, 140); }}
#startPage QLabel#entryTitle {{ color: {OKABE_ITO["blue"]}; font-weight: bold; }}
"""
"""The page's look: the palette's own colours (light or dark), headings and entries in the plots' first
series colour."""


class Entry(QPushButton):
    """One choice of the page: a bold title over a wrapped description, the whole of it one button."""

    def __init__(self):
        super().__init__()
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Grows to its wrapped description: a push button's own height is one line of text.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 6)
        layout.setSpacing(1)
        self.title = QLabel()
        self.title.setObjectName("entryTitle")
        self.description = QLabel()
        for label in (self.title, self.description):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)

    def set_texts(self, title: str, description: str, tip: str) -> None:
        self.title.setText(title)
        self.description.setText(description)
        self.setToolTip(tip)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        # New texts need a new height; the page's layout learns it only from the entry itself.
        self.updateGeometry()


class StartPage(QWidget):
    """The window's start page (see the module docstring). ``StartPage(window)`` puts itself in the
    window's central stack and View menu, shown or not as the user's settings say."""

    guide_section = "getting-started"
    """The anchor of the first steps' section of the user guide (:mod:`app.user_guide`): F1 on the page opens it."""

    def __init__(self, window):
        super().__init__()
        self.main_window = window
        self.labs = window.labs.available_labs
        self.recent_runs: list[runs.RunInfo] = []
        self._start_when_built = False
        self.setObjectName("startPage")
        self.setStyleSheet(STYLE)
        shown_at_startup = user_settings.load().show_start_page
        self._build(shown_at_startup)
        self.action = QAction(window)
        self.action.setCheckable(True)
        self.action.toggled.connect(self._action_toggled)
        first = window.view_menu.actions()[0] if window.view_menu.actions() else None
        window.view_menu.insertAction(first, self.action)
        window.view_menu.insertSeparator(first)
        window.central_pages.insertWidget(0, self)
        # Bound methods, not lambdas: a lambda holding self in a connection of the window's keeps a
        # closed window alive for ever (the connection lives in C++, out of the garbage collector's sight).
        window.central_pages.currentChanged.connect(self._shown_page_changed)
        self._following_pages = True
        window.model.changed.connect(self._config_changed)
        window.state_changed.connect(self._state_changed)
        window.experiment_changed.connect(self._run_built)
        window.loader.failed.connect(self._run_not_built)
        self._retranslate()
        if shown_at_startup:
            self.show_page()
        else:
            self.show_views()

    # ------------------------------------------------------------------ construction
    def _build(self, shown_at_startup: bool) -> None:
        content = QWidget()
        content.setObjectName("startContent")
        content.setMaximumWidth(CONTENT_WIDTH)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 24, 32, 16)
        layout.setSpacing(6)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = self._label("startTitle")
        self.tagline = self._label("startTagline")
        self.tagline.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.tagline)
        header.addLayout(titles, 1)
        choices = QVBoxLayout()
        self.views_button = QPushButton()
        self.views_button.clicked.connect(self._views_chosen)
        choices.addWidget(self.views_button, 0, Qt.AlignmentFlag.AlignRight)
        self.startup_box = QCheckBox()
        self.startup_box.setChecked(shown_at_startup)
        self.startup_box.toggled.connect(self._startup_toggled)
        choices.addWidget(self.startup_box, 0, Qt.AlignmentFlag.AlignRight)
        choices.addStretch(1)
        header.addLayout(choices)
        layout.addLayout(header)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        left = QVBoxLayout()
        left.setSpacing(2)  # a nested layout would take the 32 pixels between the columns
        self.start_heading = self._section(left)
        self.draw_button = self._entry(left, self.draw_digit)
        self.train_button = self._entry(left, self.train_digits)
        self.compare_button = self._entry(left, self.compare_optimisers)
        self.open_config_button = self._entry(left, self.open_configuration)
        self.open_model_button = self._entry(left, self.open_model)
        self.runs_heading = self._section(left)
        self.runs_box = QVBoxLayout()
        self.runs_box.setSpacing(0)
        left.addLayout(self.runs_box)
        self.no_runs = self._label("noRuns")
        self.no_runs.setWordWrap(True)
        left.addWidget(self.no_runs)
        self.run_buttons: list[Entry] = []
        self.run_group = QButtonGroup(self)
        self.run_group.idClicked.connect(self._run_chosen)
        left.addStretch(1)
        columns.addLayout(left, 2)

        right = QVBoxLayout()
        right.setSpacing(2)
        self.labs_heading = self._section(right)
        self.lab_group = QButtonGroup(self)
        self.lab_group.idClicked.connect(self._lab_chosen)
        self.lab_buttons = []
        for index in range(len(self.labs)):
            button = self._entry(right)
            self.lab_group.addButton(button, index)
            self.lab_buttons.append(button)
        right.addStretch(1)
        columns.addLayout(right, 3)
        layout.addLayout(columns, 1)

        centred = QWidget()
        centred.setObjectName("startContent")
        row = QHBoxLayout(centred)
        row.setContentsMargins(0, 0, 0, 0)
        # The content takes nearly all the width up to its maximum, and is centred beyond it.
        row.addStretch(1)
        row.addWidget(content, 40)
        row.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(centred)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    @staticmethod
    def _label(name: str | None = None) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        if name:
            label.setObjectName(name)
        return label

    def _section(self, layout: QVBoxLayout) -> QLabel:
        heading = self._label()
        heading.setProperty("section", True)
        layout.addWidget(heading)
        return heading

    @staticmethod
    def _entry(layout: QVBoxLayout, slot=None) -> Entry:
        button = Entry()
        if slot is not None:
            button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # ------------------------------------------------------------------ texts
    def _retranslate(self) -> None:
        """Every text in the interface language: Qt's translations, and the labs' own texts."""
        self.action.setText(self.tr("&Start page"))
        self.action.setToolTip(self.tr("Show the start page: first steps, the labs and recent runs"))
        self.action.setStatusTip(self.action.toolTip())
        self.title.setText(self.tr("MLP Workbench"))
        self.tagline.setText(self.tr("Build, train and look inside multilayer perceptrons, following the lectures."))
        self.views_button.setText(self.tr("Show the views"))
        self.views_button.setToolTip(self.tr("Hide this page and show the live views (View ▸ Start page brings "
                                             "it back)"))
        self.start_heading.setText(self.tr("Start"))
        self.draw_button.set_texts(
            self.tr("Draw a digit"), self.tr("Draw with the mouse and watch a network trained on MNIST classify it"),
            self.tr("Go to the Draw view: it classifies your drawing with the model of digits trained or loaded, "
                    "else with the shipped model, offline"))
        self.train_button.set_texts(
            self.tr("Train on the 8×8 digits"),
            self.tr("The default run: a small ReLU network learns the digits in seconds"),
            self.tr("Open the default run (8×8 digits, one hidden ReLU layer) and start training it"))
        self.compare_button.set_texts(
            self.tr("Compare optimisers"),
            self.tr("Race SGD, momentum, Adam… from the same weights on the same batches"),
            self.tr("Go to the Compare optimisers view"))
        self.open_config_button.set_texts(self.tr("Open configuration…"), self.tr("A run configuration saved as JSON"),
                                          self.main_window.open_action.statusTip())
        self.open_model_button.set_texts(
            self.tr("Open model…"),
            self.tr("A saved model, or a run's best.npz: the Draw view classifies with it"),
            self.main_window.open_model_action.statusTip())
        self.runs_heading.setText(self.tr("Recent runs"))
        self.no_runs.setText(self.tr("No saved runs yet: every training run is saved, and listed here."))
        self.labs_heading.setText(self.tr("Labs"))
        language = i18n.current_language()
        for lab, button in zip(self.labs, self.lab_buttons):
            button.set_texts(numbered_title(lab, self.labs), text_in(lab.summary, language),
                             self.tr("Open lab %1: its settings, its views and its task sheet in the Lesson panel, "
                                     "as the Labs menu does").replace("%1", str(lab.number)))
        self._show_runs()
        self.startup_box.setText(self.tr("Show this page at startup"))
        self.startup_box.setToolTip(self.tr("Open the window on this page; otherwise it opens on the views "
                                            "(View ▸ Start page shows this page at any time)"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ recent runs
    def refresh_runs(self) -> None:
        """Read the newest runs of the library again (a few small JSON files)."""
        try:
            self.recent_runs = runs.list_runs()[:RECENT_RUNS]
        except OSError as error:
            log.warning("could not list the saved runs: %s", error)
            self.recent_runs = []
        self._show_runs()

    def _show_runs(self) -> None:
        for button in self.run_buttons:
            self.run_group.removeButton(button)
            button.deleteLater()
        self.run_buttons = []
        for index, info in enumerate(self.recent_runs):
            button = Entry()
            started = info.started[:16]  # "2026-11-28 20:03", to the minute
            description = self.tr("%1 · network %2 · %3 epochs · %4") \
                .replace("%1", display_names.label("dataset", info.dataset)).replace("%2", info.network) \
                .replace("%3", i18n.format_integer(info.epochs_done)).replace("%4", started)
            button.set_texts(info.name, description,
                             self.tr("Reopen this run: its settings, its curves and its last weights, as the Runs "
                                     "view does"))
            self.runs_box.addWidget(button)
            self.run_group.addButton(button, index)
            self.run_buttons.append(button)
        self.no_runs.setVisible(not self.recent_runs)
        self._fit_content()

    def _fit_content(self) -> None:
        # Wrapped texts changed the content's height for its width, which the scroll area does not
        # notice by itself (its content's size hints stay the same): without this, texts are clipped.
        QCoreApplication.postEvent(self.scroll, QEvent(QEvent.Type.LayoutRequest))

    def showEvent(self, event) -> None:
        # After the page is painted: the run library is read each time the page is shown, never at launch.
        QTimer.singleShot(0, self, self.refresh_runs)
        super().showEvent(event)

    # ------------------------------------------------------------------ shown or not
    def is_shown(self) -> bool:
        """Whether the window's central area shows this page (rather than the views)."""
        return self.main_window.central_pages.currentWidget() is self

    def show_page(self) -> None:
        self.main_window.central_pages.setCurrentWidget(self)
        self.draw_button.setFocus()

    def show_views(self, view: QWidget | None = None) -> None:
        """Give way to the view tabs, on ``view`` if given (else on the tab they were showing)."""
        if view is not None:
            self.main_window.view_tabs.setCurrentWidget(view)
        self.main_window.central_pages.setCurrentWidget(self.main_window.view_tabs)

    def _views_chosen(self) -> None:
        self.show_views()

    def detach(self) -> None:
        """The window is closing: stop following its central area, whose pages change while it is
        destroyed — possibly after the collector has emptied the window's Python attributes."""
        if self._following_pages:
            self._following_pages = False
            self.main_window.central_pages.currentChanged.disconnect(self._shown_page_changed)

    def _shown_page_changed(self, index: int) -> None:
        with QSignalBlocker(self.action):
            self.action.setChecked(self.is_shown())

    def _action_toggled(self, checked: bool) -> None:
        self.show_page() if checked else self.show_views()

    def _startup_toggled(self, checked: bool) -> None:
        saved = user_settings.load()
        saved.show_start_page = checked
        user_settings.save(saved)

    def _config_changed(self, path: str) -> None:
        if path == "":  # a whole configuration was opened: a lab, a file, a saved run or model
            self.show_views()

    def _state_changed(self, state: str) -> None:
        if state == "idle" or not self.is_shown():
            return
        # Start pressed over the page: the curves of the run it starts, not the Draw view's empty canvas.
        window = self.main_window
        on_draw_view = window.view_tabs.currentWidget() is window.draw_view
        self.show_views(window.labs.view_for("loss") if on_draw_view else None)

    # ------------------------------------------------------------------ the entries
    def draw_digit(self) -> None:
        """The Draw view, classifying with a model of digits as the entry says: the one it has (a digits run just
        trained, a loaded MNIST model), else the shipped one."""
        view = self._show_tool("draw")
        if view is not None and not view.classifies_drawn_digits():
            view.use_shipped_model()

    def compare_optimisers(self) -> None:
        self._show_tool("compare")

    def _show_tool(self, name: str) -> QWidget | None:
        view = self.main_window.labs.view_for(name)
        if view is None:
            self.main_window.show_message(self.tr("This tool failed to start: its tab says why."), "error")
        self.show_views(view)
        return view

    def train_digits(self) -> bool:
        """Open the default run (the 8×8 digits, a small ReLU network) unless it is open, and Start it
        as soon as it is built; False when the user chose to keep the current run."""
        window = self.main_window
        if window.state != "idle":  # a run is going: show it rather than stop it
            self.show_views(window.labs.view_for("loss"))
            return True
        if window.model.config != RunConfig():
            if not window.open_config(RunConfig(), self.tr("8×8 digits"),
                                      self.tr("Training the 8×8 digits stops the current run. Continue?")):
                return False
            if window.labs.lab is not None:
                window.labs.close_lab()  # the default run is no lab's: nothing stays locked
        self.show_views(window.labs.view_for("loss"))
        self._start_when_built = True
        self._start_if_built()
        return True

    def _run_built(self, experiment) -> None:
        self._start_if_built()

    def _run_not_built(self, key: str, message: str) -> None:
        self._start_when_built = False  # the window says why; a later build must not start by surprise

    def _start_if_built(self) -> None:
        if self._start_when_built and self.main_window.start_action.isEnabled():
            self._start_when_built = False
            self.main_window.start()

    def open_configuration(self) -> None:
        self.main_window.open_action.trigger()  # an opened configuration shows the views (see _config_changed)

    def open_model(self) -> None:
        """File ▸ Open model; the window shows the Draw view when it took the model."""
        self.main_window.open_model_action.trigger()

    def open_lab(self, lab_id: str) -> bool:
        """Open the lab as the Labs menu does (its views come forward, its sheet in the Lesson panel)."""
        return self.main_window.labs.open_lab(lab_id)

    def _lab_chosen(self, index: int) -> None:
        self.open_lab(self.labs[index].id)

    def open_run(self, folder) -> bool:
        """Reopen a saved run as the Runs view does, and show its curves."""
        if not self.main_window.open_run(folder):
            return False
        self.show_views(self.main_window.labs.view_for("loss"))
        return True

    def _run_chosen(self, index: int) -> None:
        self.open_run(self.recent_runs[index].folder)
