"""Race mode: optimisers trained side by side on the same network, weights and batches.

The view is a tool of its own: it takes the window's run configuration (:meth:`CompareView.set_config`)
and races 2–8 contenders on it with :class:`core.race.Race` — each contender an optimiser with its
hyperparameters and a learning-rate schedule, everything else shared — on a worker thread of its
own. Curves are overlaid, one colour per contender: the training loss of each step (thin) and its
moving average (thick; without one when an epoch is a single step), the
validation loss and accuracy per epoch, against steps, epochs or each contender's computing time
(as the race estimates it: see :mod:`core.race`); a table sums up each contender. Pause, resume and
stop act on all contenders together.
"""
from __future__ import annotations

import copy
import dataclasses
import html
import itertools
import logging
import math
import numbers
import time
from dataclasses import dataclass
from typing import NamedTuple
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, QObject, QSignalBlocker, Qt,
                            Signal, Slot)
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGraphicsTextItem, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QSplitter, QStackedWidget, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from app import display_names, endings, i18n, palette
from app.background import default_blas_threads, training_threads
from app.panels import help_texts
from app.panels.training_panel import (carried_options, chosen_schedule, hyperparameter_defaults, refitted_schedule,
                                      schedule_in_unit)
from app.panels.base import problem_text
from app.panels.widgets import (NAME_RULES, ChoiceBox, HyperparameterForm, IntegerBox, NumberEdit, format_number,
                                VerticalScrollArea, hyperparameter_of, list_separator, mark,
                                set_help)
from app.race_setup import Naming, RaceSetup
from app.spreadsheet_csv import write_csv
from app.training_worker import MESSAGE_INTERVAL, describe_failure
from app.views.base import (Axis, ExportButtons, GrowingStepAxis, TranslatedText, ValueAxis,
                            View, finite_bounds, laid_out_legend, line_up)
from app.views.series import TREND_CAPACITY, DecimatingSeries, KeptSeries, Smoother
from app.worker_thread import Outgoing, SessionView, Worker, WorkerThread
from core import colour_vision, events, optimizers, schedules
from core import race as race_engine
from core.config import OptimizerConfig, RunConfig, ScheduleConfig, as_written
from core.languages import LANGUAGES, text_in
from core.trainer import TrainingControl, planned_units

log = logging.getLogger(__name__)

DIVERGED_COLOUR = "#b71c1c"
"""The status of a contender that diverged (or ended without learning), in the results table."""
STEP_LOSS_ALPHA = 90
"""Opacity (of 255) of the thin per-step training loss under each contender's moving average."""
LEFT_AXIS_WIDTH = 76
"""Pixels for a value axis: its title and labels up to 1.5·10⁻⁴ (a linear loss axis')."""
MAX_LEGEND_COLUMNS = 4
"""Contenders per line of the legend above the plots at most; fewer when that many are wider than the plots."""
DIVERGENCE_MARK_SIZE, OFF_SCALE_MARK_SIZE = 14, 12
"""Pixels across the ✕ where a contender diverged and the ▲ of one whose loss ends above the plot."""
RESULTS_SHARE = 0.35
"""The results table's share at most of the height it shares with the plots, however many rows it has."""
PLOT_HEIGHT_KEPT, TABLE_ROWS_KEPT = 60, 2
"""Pixels of each plot's drawing area the results table leaves them, as long as it keeps its header and this many
rows in sight (it scrolls the others): six contenders' rows took a 560-pixel view's plots down to 18 pixels each."""
EMPTY_HINT_MARGIN = 12
"""Pixels between the hint shown before the first race and the loss plot's left and right edges."""
CONTENDER_COLUMN_CHARACTERS = 10
"""Characters of a label the results table's contender column keeps at least when it has to cut labels short."""

STEPS, EPOCHS, SECONDS = "steps", "epochs", "seconds"
X_AXES = {STEPS: QT_TRANSLATE_NOOP("CompareView", "steps"),
          EPOCHS: QT_TRANSLATE_NOOP("CompareView", "epochs"),
          SECONDS: QT_TRANSLATE_NOOP("CompareView", "computing time (s)")}
REASONS = {events.COMPLETED: QT_TRANSLATE_NOOP("CompareView", "completed"),
           events.EARLY_STOPPED: QT_TRANSLATE_NOOP("CompareView", "stopped early"),
           events.STOPPED: QT_TRANSLATE_NOOP("CompareView", "stopped"),
           events.DIVERGED: QT_TRANSLATE_NOOP("CompareView", "diverged")}


class LossAxis(Axis):
    """A loss axis that stays readable on a short plot: on a logarithmic scale, every mantissa 1…9 labelled where
    each label has room, else only 1, 2 and 5 × 10ᵏ, else only 10ᵏ (:func:`app.views.base.labels_that_fit`)."""

    label_mantissas = (tuple(range(1, 10)), (1, 2, 5), (1,))


PRESET_TITLE_CHARACTERS = 24
"""Characters of a preset's title the preset box is wide enough for (a longer one is cut short)."""


TABBED_BELOW = 720
"""Below this width (pixels) the race shows its controls and its plots as two tabs instead of side by side:
at 1024 pixels beside the configuration, its plots were 200 pixels wide and its table scrolled."""


class ControlsBeside(QStackedWidget):
    """A tool's controls (in a :class:`~app.panels.widgets.VerticalScrollArea`) left of its ``content``; ``pinned``, if given, below
    the column, in sight however far the column is scrolled. With ``tabbed_below``, in a view narrower than
    that the controls and the content are two tabs ("Settings", "Plots"), ``pinned`` under both, and
    ``results``, if given (a widget of a splitter in ``content``), a third tab ("Results"), back in its place
    when the view is wide again: in a 610 × 520 view the race's table under the plots left them 32 pixels each."""

    layout_changed = Signal(bool)
    """layout_changed(tabbed): the view went over to tabs (True) or back to side by side (False)."""

    def __init__(self, controls: QWidget, content: QWidget, pinned: QWidget | None = None,
                 tabbed_below: int | None = None, results: QWidget | None = None):
        super().__init__()
        self.column, self.content, self.pinned, self.tabbed_below = VerticalScrollArea(controls), content, pinned, \
            tabbed_below
        self.results = results
        self._results_home: tuple[QSplitter, int] | None = None  # its splitter and place there, while tabbed
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        self._left_layout = QVBoxLayout(left)
        self._left_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(left)
        self.tabbed_page = QWidget()
        self._tabbed_layout = QVBoxLayout(self.tabbed_page)
        self._tabbed_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self._tabbed_layout.addWidget(self.tabs, 1)
        self.addWidget(self.splitter)
        self.addWidget(self.tabbed_page)
        self._place(tabbed=False)

    @property
    def tabbed(self) -> bool:
        return self.currentWidget() is self.tabbed_page

    def show_content(self) -> None:
        """Bring the content into sight (when the tabs hide it behind the controls)."""
        if self.tabbed:
            self.tabs.setCurrentWidget(self.content)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        tabbed = self.tabbed_below is not None and event.size().width() < self.tabbed_below
        if tabbed != self.tabbed:
            self._place(tabbed)
            self.layout_changed.emit(tabbed)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.tabbed:
            self._name_tabs()
        super().changeEvent(event)

    def _place(self, tabbed: bool) -> None:
        if tabbed:
            self.tabs.addTab(self.column, "")
            self.tabs.addTab(self.content, "")
            if self.results is not None:
                home = self.results.parentWidget()
                self._results_home = (home, home.indexOf(self.results))
                self.tabs.addTab(self.results, "")
            if self.pinned is not None:
                self._tabbed_layout.addWidget(self.pinned)
            self._name_tabs()
            self.setCurrentWidget(self.tabbed_page)
        else:
            self._left_layout.addWidget(self.column, 1)
            if self.pinned is not None:
                self._left_layout.addWidget(self.pinned)
            self.splitter.addWidget(self.content)
            self.splitter.setStretchFactor(1, 1)
            shown = [self.column, self.content]
            if self._results_home is not None:
                home, index = self._results_home
                home.insertWidget(index, self.results)
                self._results_home = None
                shown.append(self.results)
            for widget in shown:
                widget.show()  # a tab not shown stays hidden when it leaves the tabs
            self.setCurrentWidget(self.splitter)

    def _name_tabs(self) -> None:
        self.tabs.setTabText(0, QCoreApplication.translate("ControlsBeside", "Settings"))
        self.tabs.setTabText(1, QCoreApplication.translate("ControlsBeside", "Plots"))
        if self.results is not None:
            self.tabs.setTabText(2, QCoreApplication.translate("ControlsBeside", "Results"))


def swatch(colour: int) -> QIcon:
    """A small square in the series colour ``colour``, for lists and tables."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(palette.series_color(colour))
    return QIcon(pixmap)


LINE_DASHES = ((), (4, 2), (1, 2), (4, 2, 1, 2), (8, 2), (4, 2, 1, 2, 1, 2), (2, 4), (8, 2, 2, 2))
"""A contender's line (dashes and gaps in pen widths): solid, dashed, dotted, dash-dotted, …; one each for as many
contenders as a race has."""
LINE_SYMBOLS = ("o", "s", "t", "d", "p", "h", "star", "+")
"""The marks of its points per epoch, in the same order."""
CLOSE_DELTA_E = 20.0
"""Two contenders' colours are close when some viewer (normal, protanope or deuteranope) sees them less than this
CIELAB ΔE*ab apart (:func:`core.colour_vision.least_delta_e`); the later one then gets another line. Of the
Okabe–Ito series, orange and yellow (17.0 to deuteranopes), reddish purple and bluish green (17.9) and orange and
vermillion (18.3) are; the next pair, reddish purple and sky blue, is 20.7 apart to protanopes, and every pair is at
least 26 apart to normal vision."""


class ContenderLook(NamedTuple):
    """How a contender is drawn: its series colour (an index of :data:`app.palette.SERIES`), and its line (an index
    of :data:`LINE_DASHES` and :data:`LINE_SYMBOLS`) — solid unless an earlier series colour is close to its own."""

    colour: int
    line: int = 0

    def pen(self, width: float) -> QPen:
        pen = palette.pen(self.colour, width)
        if LINE_DASHES[self.line]:
            pen.setDashPattern(LINE_DASHES[self.line])
        return pen

    @property
    def symbol(self) -> str:
        return LINE_SYMBOLS[self.line]

    def swatch(self) -> QIcon:
        """A small square in the colour for lists and tables (:func:`swatch`); striped with the line, if not solid."""
        if not self.line:
            return swatch(self.colour)
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setPen(self.pen(3))
        for y in (2, 6, 10):
            painter.drawLine(0, y, 12, y)
        painter.end()
        return QIcon(pixmap)


def contender_looks(colours) -> list[ContenderLook]:
    """The look of each contender given its series colour (``colours``, indices): the Okabe–Ito colour
    (colour-blind safe, a different one for each of up to 8), and the first line not taken by an earlier series colour
    close to its own (:data:`CLOSE_DELTA_E`), so that protanopes and deuteranopes tell those apart by the line. The
    line follows from the colour alone, whichever others race: a contender keeps its whole look while others are
    added or removed (:attr:`CompareView._colours`)."""
    series = [palette.series_color(index).name() for index in range(max(colours, default=-1) + 1)]
    lines = []
    for colour in series:
        taken = {line for line, earlier in zip(lines, series)
                 if colour_vision.least_delta_e(colour, earlier) < CLOSE_DELTA_E}
        lines.append(next(line for line in range(len(LINE_DASHES)) if line not in taken))
    return [ContenderLook(colour, lines[colour]) for colour in colours]


def changed_settings(registry_module, name: str, options: dict, labels: str, left_out=frozenset()) -> list[str]:
    """"symbol=value" (:func:`setting_symbol`, :func:`setting_value`) for each of a component's ``options`` that
    differs from its default (not those ``left_out``); a flag is "symbol ✓" or "symbol ✗". A value not of its
    default's kind always differs: amsgrad 0 is not amsgrad off, though 0 == False."""
    defaults = hyperparameter_defaults(registry_module, name)
    changed = []
    for key, value in options.items():
        if key in left_out or key not in defaults:
            continue
        default, symbol = defaults[key], setting_symbol(labels, key)
        of_kind = _of_kind(value, default)
        if of_kind and _same(value, default):
            continue
        if of_kind and isinstance(default, bool):
            changed.append(f"{symbol} {'✓' if value else '✗'}")
        else:
            changed.append(f"{symbol}={setting_value(value, default)}")
    return changed


def setting_symbol(labels: str, key: str) -> str:
    """The symbol of the hyperparameter ``key`` in its display name of the kind ``labels``: "β₁, β₂ (betas)" →
    "β₁, β₂". Each one a contender's label may hold is its own (momentum's γ was the step schedule's too)."""
    return display_names.label(labels, key).split(" (")[0]


def setting_value(value, default) -> str:
    """A hyperparameter's value in a contender's label: a number, or a pair "(0.5, 0.9)" ("(0,5; 0,9)" in Russian,
    where "(0,5, 0,9)" reads as three numbers), when it is of its ``default``'s kind; anything else as the
    configuration holds it (the text "yes" given for a flag was labelled "AMSGrad=yes", as if it were ticked)."""
    if not _of_kind(value, default) or isinstance(default, bool):  # a flag of its kind: true, as a file has it
        return as_written(value)
    if isinstance(default, (list, tuple)):
        return f"({list_separator().join(format_number(item) for item in value)})"
    return format_number(value)


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _of_kind(value, default) -> bool:
    """Whether ``value`` is what a hyperparameter of ``default``'s kind holds: a flag, a number or a list of numbers."""
    if isinstance(default, bool):
        return isinstance(value, (bool, np.bool_))
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple)) and len(value) == len(default) and all(map(_is_number, value))
    return _is_number(value)


def _same(value, default) -> bool:
    """Two values of one kind alike: a sequence typed, or read from JSON, is a list; a default a tuple."""
    if isinstance(default, (list, tuple)):
        return tuple(value) == tuple(default)
    return value == default


def preset_language() -> str:
    """The user's language if the presets have texts in it, else English."""
    language = QLocale().name().split("_")[0]
    return language if language in LANGUAGES else "en"


# ------------------------------------------------------------------------------------------ worker
@dataclass(frozen=True)
class RaceStarted:
    """The race is built: contender labels, batches per epoch, planned epochs, regression or not, and whether the
    regression targets are scaled (the losses are then those of the scaled targets, not in the data's units)."""

    labels: tuple
    steps_per_epoch: int
    epochs: int
    regression: bool
    scaled_targets: bool


@dataclass(frozen=True)
class RaceProgress:
    """What happened since the previous message, as tuples of plain numbers and strings.

    ``batches``: (contender, step, loss, learning rate); ``epochs``: (contender, step, training loss
    (the epoch's mean), training metric, validation loss, validation metric); ``ended``: (contender,
    reason, message); ``summary``: the
    :class:`core.race.ContenderSummary` of every contender now (its time per step places the curves on
    the time axis).
    """

    batches: tuple
    epochs: tuple
    ended: tuple
    summary: tuple


class RaceWorker(Worker):
    """Builds and runs one :class:`core.race.Race` on the race's thread; its messages reach the GUI thread in order."""

    started = Outgoing()
    """started(RaceStarted): the data is loaded and every contender's network built."""
    progress = Outgoing()
    """progress(RaceProgress): at most ~30 a second."""
    paused = Outgoing()
    """paused(): every contender waits for resume, a step or stop (sent after its progress)."""
    failed = Outgoing()
    """failed(message): an exception ended the race; the message says what went wrong."""

    def __init__(self, config: RunConfig, contenders, control: TrainingControl, dataset=None, *,
                 message_interval: float = MESSAGE_INTERVAL, blas_threads: int | None = None):
        super().__init__()
        self.config, self.contenders, self.control, self.dataset = config, tuple(contenders), control, dataset
        self.message_interval = message_interval
        self.blas_threads = blas_threads or default_blas_threads()
        self.target_loss: float | None = None
        """The loss the summary counts steps to (None: the loss every contender reached); set from any thread."""
        self._batches, self._epochs, self._ended = [], [], []
        self._next_message = 0.0

    def run(self) -> None:
        try:
            with training_threads(self.blas_threads):
                race = race_engine.Race(self.config, self.contenders, dataset=self.dataset, control=self.control)
                self._race(race)
        except Exception as error:  # the boundary of the thread: every failure becomes a message
            log.exception("the race failed")
            self.failed.emit(describe_failure(error))

    def _race(self, race) -> None:
        pause_reported = False
        for index, event in race.run():
            kind = type(event)
            if kind is events.BatchFinished:
                self._batches.append((index, event.step, event.loss, event.lr))
                pause_reported = False
            elif kind is events.EpochFinished:
                self._epochs.append((index, event.step, event.train_loss, event.train_metric, event.val_loss,
                                     event.val_metric))
            elif kind is events.TrainingFinished:
                self._ended.append((index, event.reason, event.message))
            elif kind is events.TrainingStarted:
                if index == 0:
                    regression = race.networks[0].loss.task == "regression"
                    self.started.emit(RaceStarted(tuple(c.label for c in race.contenders), event.steps_per_epoch,
                                                  event.epochs, regression, race.dataset.target_scaler is not None))
                continue
            elif kind is events.Paused:
                if not pause_reported:  # the race reports a pause once per contender
                    self._flush(race)
                    self.paused.emit()
                    pause_reported = True
                continue
            if time.perf_counter() >= self._next_message:
                self._flush(race)
        self._flush(race)

    def _flush(self, race) -> None:
        self.progress.emit(RaceProgress(tuple(self._batches), tuple(self._epochs), tuple(self._ended),
                                        race.summary(self.target_loss)))
        self._batches, self._epochs, self._ended = [], [], []
        self._next_message = time.perf_counter() + self.message_interval


class RaceSession(WorkerThread):
    """One race: its shared control, its worker and the worker's thread."""

    started = Signal(object)
    """started(RaceStarted)."""
    progress = Signal(object)
    """progress(RaceProgress)."""
    paused = Signal()
    """paused()."""
    failed = Signal(str)
    """failed(message)."""

    def __init__(self, config: RunConfig, contenders, dataset=None, parent: QObject | None = None, **worker_options):
        control = TrainingControl()
        super().__init__(RaceWorker(config, contenders, control, dataset, **worker_options), control, "race", parent)


# ------------------------------------------------------------------------------------------ curves
class ContenderCurves:
    """What the view keeps of one contender: series drawn, bounded whatever the length of the race, and
    every step's loss and learning rate as they were, for export (a drawn point may average several)."""

    def __init__(self):
        self.loss_by_step = DecimatingSeries()
        self.smoothed_loss_by_step = DecimatingSeries(TREND_CAPACITY)
        self.rate_by_step = DecimatingSeries()
        self.every_loss, self.every_rate = KeptSeries(), KeptSeries()
        self.smoother = Smoother()
        self.epoch_steps, self.train_losses, self.train_metrics, self.val_losses, self.val_metrics = [], [], [], [], []

    def add_batch(self, step: int, loss: float, rate: float) -> None:
        self.loss_by_step.append(step, loss)
        self.smoothed_loss_by_step.append(step, self.smoother(loss))
        self.rate_by_step.append(step, rate)
        self.every_loss.append(step, loss)
        self.every_rate.append(step, rate)

    def add_epoch(self, step: int, train_loss: float, train_metric: float, val_loss: float, val_metric: float) -> None:
        self.epoch_steps.append(step)
        self.train_losses.append(train_loss)
        self.train_metrics.append(train_metric)
        self.val_losses.append(val_loss)
        self.val_metrics.append(val_metric)


# ------------------------------------------------------------------------------------------ the view
class CompareView(SessionView, View):
    """Choose contenders (or a preset), race them, read the curves and the summary, export both."""

    title = TranslatedText("CompareView", QT_TRANSLATE_NOOP("CompareView", "Compare optimisers"))
    guide_section = "compare"
    has_own_run_controls = True
    """The window's Start, Step and Speed stand aside while the view is shown: they train its own network."""
    setup_changed = Signal()
    """setup_changed(): the race's setup changed (:meth:`race_setup`): the window keeps it for the next launch."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._config = RunConfig()
        self._config_given = False  # set_config has given the window's configuration (not if it was invalid)
        self._preset_config: RunConfig | None = None
        self._config_origin = "preset"  # whose _preset_config it is: "preset" or "lab"
        self._racing_on: tuple | None = None  # while a race runs: its configuration and whose it is
        self._epochs_chosen = False  # the Epochs box holds the user's number, not the configuration's
        self._epochs_from: tuple | None = None  # the data and network the Epochs box was last set for
        self._fitted_for: tuple | None = None  # the race length (_race_length) the contenders' schedules follow
        self._described_preset: int | None = None  # the preset whose description is shown
        self._own_setup: RaceSetup | None = None  # the user's race, set aside while a lab's is shown
        self._contenders: list[race_engine.Contender] = []
        self._namings: list[Naming] = []  # each contender's
        # Each contender's series colour (see contender_looks), kept while it is in the list: users tell the
        # contenders apart by colour ("Adam is the green line"). Colours by row changed as one was removed: those
        # below it took others in the list (unlike the last race's curves) and in the next race.
        self._colours: list[int] = []
        self._presets = race_engine.presets()
        self.session: RaceSession | None = None
        self.curves: list[ContenderCurves] = []
        self.labels: tuple = ()
        self._racing_contenders: tuple = ()  # the contenders of the race shown
        self._racing_namings: tuple = ()  # and their namings: the labels follow the language
        self.looks: tuple = ()  # the race's contenders' ContenderLook
        self.summary: tuple = ()
        self._steps_per_epoch = 1
        self._regression = False
        self._scaled_targets = False  # the race's losses are of scaled regression targets
        self._paused = False
        self._failed = False
        self._plot_items: list[tuple] = []  # each contender's (training loss trend, validation loss, metric)
        self._step_loss_items: list = []  # each contender's training loss of every step, under its trend
        self._rate_items: list = []  # each contender's learning-rate curve
        self._divergence_marks: list = []  # an ✕ per contender, shown where it diverged
        self._off_scale_marks: list = []  # a ▲ per contender, shown on the top edge while its loss is above it
        self._build()
        if self._presets:
            self.apply_preset(0)
        QCoreApplication.instance().aboutToQuit.connect(self.stop_and_wait)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        # The base class lays out the note and the plots; they move right of the controls here.
        self.layout().removeWidget(self.graphics)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.graphics)
        self.summary_table = QTableWidget(0, 6)
        self.summary_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary_table.verticalHeader().hide()
        # Rows as tall as their text (the style's 30 px took a 640-pixel window's plots a fifth more room).
        self.summary_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.summary_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # as wide as its labels too, unless they must be cut short for the status to be in sight (_fit_columns)
        self.summary_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        # A label cut short keeps its end, on one line: "SGD η=0.05" and "SGD η=50" differ there (wrapped, a
        # row showed the first word).
        self.summary_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.summary_table.setWordWrap(False)
        # Before the first race the table was a header over nothing: the Results tab of a narrow view a blank page.
        self.results_hint = QLabel(self.summary_table.viewport())
        self.results_hint.setWordWrap(True)
        self.results_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.results_hint.setContentsMargins(8, 2, 8, 2)
        self.results_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.summary_table.viewport().installEventFilter(self)
        self.summary_table.setAccessibleName(self.tr("Race summary"))
        right.addWidget(self.summary_table)
        right.setStretchFactor(0, 1)
        right.setSizes([700, 150])  # until the view is laid out: then as tall as the table's rows (_fit_table_height)
        right.installEventFilter(self)
        self._results_splitter = right
        self._table_fitted_for: tuple | None = None
        self.beside = ControlsBeside(self._build_controls(), right, self._build_run_controls(), TABBED_BELOW,
                                     self.summary_table)
        self.beside.layout_changed.connect(self._results_moved)
        self.layout().addWidget(self.beside, 1)

        self.loss_plot = self.new_plot(1, 0, axis_items={"left": LossAxis("left")}, left=self.tr("loss"))
        self.val_loss_plot = self.new_plot(2, 0, self.tr("Validation loss"), axis_items={"left": LossAxis("left")},
                                           left=self.tr("loss"))
        self.metric_plot = self.new_plot(3, 0)  # titled in _set_headers
        self.graphics.ci.layout.setRowStretchFactor(1, 3)
        self.graphics.ci.layout.setRowStretchFactor(2, 2)
        self.graphics.ci.layout.setRowStretchFactor(3, 2)
        # Under the others while a race has a contender whose rate follows a schedule (see _show_rates).
        self.rate_plot = self.new_plot(4, 0, left="η")  # titled in _set_headers: out of the scene, it is not translated
        self.graphics.ci.removeItem(self.rate_plot)
        line_up((self.loss_plot, self.val_loss_plot, self.metric_plot, self.rate_plot), LEFT_AXIS_WIDTH)
        for plot in (self.val_loss_plot, self.metric_plot, self.rate_plot):
            plot.setXLink(self.loss_plot)
        # From 0 to past the last step drawn, as the Loss view's: pyqtgraph's auto-range began at a negative step,
        # and with nothing to draw (every contender diverged at its first step) spanned -0.8 to 0.8.
        self._x_axis_placed = GrowingStepAxis(self.loss_plot, self.val_loss_plot, self.metric_plot, self.rate_plot)
        # Above the plots: inside the loss plot it covered some contender's curve wherever it went (the
        # slow ones' at the top right, the fast ones' fall at the bottom left).
        self.legend = laid_out_legend(colCount=MAX_LEGEND_COLUMNS)
        # A label wider than the plots even alone on its line (lab 11's "метод моментов γ = 0.9" beside the
        # lesson) is cut at the plots' right edge rather than pushing them past the view's.
        self.legend.setMinimumWidth(0)
        self.legend.setFlag(self.legend.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.graphics.addItem(self.legend, row=0, col=0)
        self.graphics.viewport().installEventFilter(self)
        # The loss axes are placed around the contenders that did not diverge: one that did stretched a
        # logarithmic axis to 1e8 and squashed everyone else's curve into its bottom strip.
        self._loss_axes = [ValueAxis(1, plot, log=True) for plot in (self.loss_plot, self.val_loss_plot)]
        self.loss_plot.getViewBox().sigYRangeChanged.connect(self._mark_the_out_of_sight)
        self.loss_plot.getViewBox().sigXRangeChanged.connect(self._mark_the_out_of_sight)
        self.loss_plot.getViewBox().sigResized.connect(self._mark_the_out_of_sight)  # the marks keep their inset
        # Before the first race the plots were blank, with nothing to say that they wait for one.
        self.empty_hint = QGraphicsTextItem(self.loss_plot.getViewBox())
        self.empty_hint.setDefaultTextColor(QColor(palette.FOREGROUND))
        self.loss_plot.getViewBox().sigResized.connect(self._place_empty_hint)
        self._set_headers()
        self._apply_scales()

    def _build_controls(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)

        race_box = QGroupBox(self.tr("Race"))
        form = QFormLayout(race_box)
        self.preset_box = QComboBox()
        for preset in self._presets:
            self.preset_box.addItem(preset.text("title", preset_language()))
            self.preset_box.setItemData(self.preset_box.count() - 1, preset.text("description", preset_language()),
                                        Qt.ItemDataRole.ToolTipRole)
        set_help(self.preset_box, self.tr("Ready-made races. Using one replaces the contenders."), self.tr("Preset"))
        # Not as wide as the longest title, and without a label beside it: both made the column ~90
        # pixels wider in Russian, taken from the results table. A longer title is cut short in the
        # box and shown whole in its list.
        self.preset_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset_box.setMinimumContentsLength(PRESET_TITLE_CHARACTERS)
        # Shown while the contenders are no preset's (a lab's, or set by hand), so that none seems in use.
        self.preset_box.setPlaceholderText(self.tr("Choose a preset…"))
        self.use_preset = QPushButton(self.tr("Use"))
        set_help(self.use_preset, self.tr("Replace the contenders with the chosen preset's (some presets bring their "
                                          "own network and data as well)."))
        self.use_preset.clicked.connect(lambda: self.apply_preset(self.preset_box.currentIndex()))
        self.preset_box.currentIndexChanged.connect(lambda index: self._update_controls())
        row = QHBoxLayout()
        row.addWidget(self.preset_box, 1)
        row.addWidget(self.use_preset)
        form.addRow(row)
        self.description = QLabel()
        self.description.setWordWrap(True)
        form.addRow(self.description)
        self.runs_on = QLabel()
        self.runs_on.setWordWrap(True)
        form.addRow(self.runs_on)
        self.epochs = IntegerBox(1, 100_000)
        self.epochs.valueChanged.connect(self._epochs_edited)
        set_help(self.epochs, self.tr("How many epochs every contender trains."), self.tr("Epochs"))
        form.addRow(self.tr("Epochs"), self.epochs)
        layout.addWidget(race_box)

        contenders_box = QGroupBox(self.tr("Contenders"))
        box = QVBoxLayout(contenders_box)
        self.contender_list = QListWidget()
        self.contender_list.setAccessibleName(self.tr("Contenders"))
        self.contender_list.setMaximumHeight(150)
        # A long row (Russian "метод моментов γ=0,9  (SGD с моментом, η 0,05)") is cut short at the column's
        # edge, whole in its tooltip, rather than the list scrolling sideways under a scroll bar.
        self.contender_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contender_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.contender_list.currentRowChanged.connect(self._show_contender)
        box.addWidget(self.contender_list)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self._add_contender)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_contender)
        set_help(self.add_button, self.tr("Add a contender: a copy of the selected one, to change (at most 8)."))
        set_help(self.remove_button, self.tr("Remove the selected contender (a race needs at least 2)."))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        box.addLayout(buttons)
        editor = QFormLayout()
        self.label_edit = QLineEdit()
        self.label_edit.editingFinished.connect(self._label_edited)
        set_help(self.label_edit, self.tr("The contender's name in the legend and in the results table."),
                 self.tr("Label"))
        editor.addRow(self.tr("Label"), self.label_edit)
        self.optimizer_box = ChoiceBox(optimizers.names(), kind="optimizer")
        self.optimizer_box.chosen.connect(self._optimizer_chosen)
        set_help(self.optimizer_box, help_texts.text(help_texts.CONTROLS, "optimizer"), self.tr("Optimiser"))
        editor.addRow(self.tr("Optimiser"), self.optimizer_box)
        self.optimizer_options = HyperparameterForm(
            lambda key: help_texts.optimizer_text(self._current().optimizer.name, key),
            labels="optimizer_hyperparameter")
        self.optimizer_options.edited.connect(self._optimizer_option_edited)
        editor.addRow(self.optimizer_options)
        self.schedule_box = ChoiceBox(schedules.names(), kind="schedule")
        self.schedule_box.chosen.connect(self._schedule_chosen)
        set_help(self.schedule_box, help_texts.text(help_texts.CONTROLS, "schedule"), self.tr("Schedule"))
        editor.addRow(self.tr("Schedule"), self.schedule_box)
        self.unit_box = ChoiceBox(["step", "epoch"], kind="schedule_unit")
        self.unit_box.chosen.connect(self._unit_chosen)
        set_help(self.unit_box, help_texts.text(help_texts.CONTROLS, "schedule_unit"), self.tr("t counts"))
        editor.addRow(self.tr("t counts"), self.unit_box)
        self.schedule_options = HyperparameterForm(lambda key: help_texts.text(help_texts.SCHEDULE, key))
        self.schedule_options.edited.connect(self._schedule_option_edited)
        editor.addRow(self.schedule_options)
        self.editor = QWidget()
        self.editor.setLayout(editor)
        box.addWidget(self.editor)
        layout.addWidget(contenders_box)

        display_box = QGroupBox(self.tr("Display"))
        display = QFormLayout(display_box)
        self.x_axis = QComboBox()
        self.x_axis.setProperty("translatedItems", True)
        for key, text in X_AXES.items():
            self.x_axis.addItem(QCoreApplication.translate("CompareView", text), key)
        set_help(self.x_axis, self.tr("Steps, epochs, or each contender's computing time as if it had trained alone: "
                                      "its steps × the median time of one of its steps (with its share of the "
                                      "evaluations), so that one-off preparation and steps slowed by the window's "
                                      "drawing count for no one."), self.tr("x-axis"))
        self.x_axis.currentIndexChanged.connect(self._x_axis_chosen)
        self.x_axis.currentIndexChanged.connect(self.setup_changed)
        display.addRow(self.tr("x-axis"), self.x_axis)
        self.log_scale = QCheckBox(self.tr("logarithmic loss axis"))
        self.log_scale.setChecked(True)
        set_help(self.log_scale, self.tr("Losses on a logarithmic axis: equal ratios look equally far apart, so "
                                         "a late tenfold fall shows as clearly as an early one."))
        self.log_scale.toggled.connect(self._apply_scales)
        self.log_scale.toggled.connect(self.setup_changed)
        display.addRow(self.log_scale)
        self.target = NumberEdit()
        self.target.setPlaceholderText(self.tr("auto"))
        set_help(self.target, self.tr("The summary counts the steps each contender needed until the mean "
                                      "training loss of an epoch reached this value. Empty: the lowest epoch mean "
                                      "every contender still in the race and learning has reached, at most halfway "
                                      "(on a logarithmic scale) from the first loss to the median contender's "
                                      "lowest."),
                 self.tr("Target loss"))
        self.target.valueEdited.connect(self._target_edited)
        display.addRow(self.tr("Target loss"), self.target)
        layout.addWidget(display_box)

        self.export_buttons = ExportButtons(
            self, self.tr("Export curves…"),
            self.tr("Save the curves as a CSV table: each contender's training loss and learning rate at every "
                    "step, and its training and validation loss and score at every epoch, by step, epoch and its "
                    "own seconds."),
            self.tr("Curves (*.csv)"))
        self.export_buttons.add_button(
            self.tr("Export summary…"),
            self.tr("Save the results table as a CSV table, one row per contender, with its numbers unrounded."),
            self.tr("Summary (*.csv)"), self.export_summary)
        layout.addWidget(self.export_buttons)
        layout.addStretch(1)
        return panel

    def _build_run_controls(self) -> QWidget:
        """Start, Pause, Stop and the race's status, pinned under the controls: at the end of the
        scrolling column, "The race is over." was out of sight in a 1024 × 700 window."""
        run_box = QGroupBox(self.tr("Run"))
        layout = QVBoxLayout(run_box)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.clicked.connect(self.start)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        for button, help_text in (
                (self.start_button, self.tr("Train every contender from the same initial weights on the same "
                                            "batches, taking turns batch by batch.")),
                (self.pause_button, self.tr("Hold every contender at the same step; again to go on.")),
                (self.stop_button, self.tr("End the race; the curves and the table stay."))):
            set_help(button, help_text)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        # Beside Start, which it explains: under the contender's settings it was out of sight.
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.problems)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        return run_box

    # ------------------------------------------------------------------ the window's API
    def reset(self, experiment) -> None:
        """A run was built from the window's configuration: race on it (its data is reused)."""
        self.experiment = experiment
        self.set_config(experiment.config)

    def on_progress(self, progress) -> None:
        """The window's own run does not concern the race."""

    def set_config(self, config: RunConfig) -> None:
        """The window's current run configuration: data, network, loss, regularisation and training
        settings shared by every contender (unless a preset brings its own)."""
        self._config = config.copy()
        self._config_given = True
        self._configuration_changed()

    def refresh(self) -> None:
        if self._stale:
            self._stale = False
            self.redraw()

    # ------------------------------------------------------------------ contenders
    @property
    def contenders(self) -> list:
        return list(self._contenders)

    def set_contenders(self, contenders, config: RunConfig | None = None, origin: str = "lab",
                       labels=None) -> None:
        """Race these (label, OptimizerConfig, ScheduleConfig) triples, on ``config`` if given (as a
        lab or a preset with its own data and network does; ``origin`` says which), else on the
        window's configuration. ``labels``, if given, are each contender's label by language
        ({"en": …, "ru": …}): the labels then follow the interface language. A preset's description
        goes: these are no longer its contenders. A lab's race sets the user's own aside (:meth:`leave_lab`)."""
        if origin == "lab" and self._config_origin != "lab":
            self._own_setup = self.race_setup()
        self._take_contenders(contenders, config, labels)
        self._set_race(config, origin, None)

    def _take_contenders(self, contenders, config: RunConfig | None, labels) -> None:
        self._contenders = [race_engine.Contender(*contender) for contender in contenders]
        self._contenders = [contender._replace(schedule=contender.schedule or ScheduleConfig())
                            for contender in self._contenders]
        texts = labels if labels is not None else [{"en": contender.label} for contender in self._contenders]
        self._namings = [Naming(texts=dict(label_texts)) for label_texts in texts]
        self._colours = list(range(len(self._contenders)))
        if config is not None:  # a lab's or preset's race: its own number of epochs
            self._epochs_chosen = False

    def _set_race(self, config: RunConfig | None, origin: str, preset: int | None, kept: bool = False) -> None:
        """Show the contenders and namings just set, racing on ``config`` from ``origin`` (see
        :meth:`set_contenders`), ``preset`` (an index) described. Their schedules' lengths are taken as fitted to
        the race they start with, or if ``kept`` (a race restored) to the epochs in the box, which they follow
        should the box take the configuration's."""
        self._preset_config = config.copy() if config is not None else None
        self._config_origin = origin
        self._described_preset = preset
        self._fitted_for = self._race_length() if kept else None
        with QSignalBlocker(self.preset_box):
            self.preset_box.setCurrentIndex(-1 if preset is None else preset)
        self.description.setText("" if preset is None else
                                 self._presets[preset].text("description", preset_language()))
        self._relabel()
        self._refill_list()
        self._configuration_changed()  # which may refit a race kept, and then relabel it
        self.setup_changed.emit()

    def race_setup(self) -> RaceSetup | None:
        """What the user set up here, for the next launch (:meth:`restore_setup`): None while the contenders are a
        lab's (they are the lab's to set; edited, still not the user's own race, which they must not replace)."""
        if self._config_origin == "lab":
            return None
        return RaceSetup(tuple(self._contenders), tuple(self._namings), self._preset_config,
                         None if self._described_preset is None else self._presets[self._described_preset].id,
                         self.epochs.value(), self._epochs_from if self._epochs_chosen else None,
                         max(self.contender_list.currentRow(), 0), self._x_key(), self.log_scale.isChecked(),
                         self.target.value(), tuple(self._colours))

    def restore_setup(self, setup: RaceSetup) -> None:
        """The race as :meth:`race_setup` kept it, its values as they were (a wrong one is marked, as it was). Its
        epochs are kept while the race runs on the data and network they were chosen for; a preset no longer
        shipped is no longer described, and a display choice the view no longer offers is left as it is. While a
        lab's race is shown, the setup waits for the lab to leave (:meth:`leave_lab`)."""
        if self._config_origin == "lab":
            self._own_setup = setup
            return
        self._contenders, self._namings = list(setup.contenders), list(setup.namings)
        self._colours = list(setup.colours if setup.colours is not None else range(len(self._contenders)))
        self._epochs_chosen, self._epochs_from = setup.epochs_for is not None, copy.deepcopy(setup.epochs_for)
        self.epochs.set_value(setup.epochs)
        ids = [preset.id for preset in self._presets]
        with QSignalBlocker(self.x_axis), QSignalBlocker(self.log_scale):
            if self.x_axis.findData(setup.x_axis) >= 0:
                self.x_axis.setCurrentIndex(self.x_axis.findData(setup.x_axis))
            self.log_scale.setChecked(setup.log_scale)
        self.target.set_value(setup.target)
        self._set_race(setup.config, "preset", ids.index(setup.preset) if setup.preset in ids else None, kept=True)
        self.contender_list.setCurrentRow(min(max(setup.selected, 0), len(self._contenders) - 1))
        self._x_axis_chosen()
        self._apply_scales()
        self._fill_table()  # its header's target

    def leave_lab(self) -> None:
        """The lab whose race is shown closed, or another lab without a race opened: the user's own race comes
        back, as it was when the lab's replaced it (or as kept from the last launch, if the lab's came first)."""
        if self._config_origin != "lab" or self._own_setup is None:
            return
        own, self._own_setup = self._own_setup, None
        self._config_origin = "preset"  # the lab's race is no longer shown: the user's may be restored
        self.restore_setup(own)

    def changeEvent(self, event) -> None:
        """The presets' own titles and descriptions, the results table's composed texts (statuses, why a
        run ended), the contenders' labels, also those of the race shown, and the titles of plots out of
        the scene (the learning rate's, while no contender has a schedule) follow the interface language."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "preset_box"):
            for index, preset in enumerate(self._presets):
                self.preset_box.setItemText(index, preset.text("title", preset_language()))
                self.preset_box.setItemData(index, preset.text("description", preset_language()),
                                            Qt.ItemDataRole.ToolTipRole)
            if self._described_preset is not None:
                self.description.setText(self._presets[self._described_preset].text("description", preset_language()))
            self._configuration_changed()  # a composed sentence naming the data set
            self.labels = tuple(self._labels(self._racing_contenders, self._racing_namings))
            self._set_headers()
            self._fill_table()
            self._relabel()
            self._refill_list()
        super().changeEvent(event)

    def apply_preset(self, index: int) -> None:
        preset = self._presets[index]
        self._take_contenders(preset.contenders, preset.config, preset.labels)
        self._set_race(preset.config, "preset", index)

    def _epochs_edited(self, value: int) -> None:
        self._epochs_chosen = True
        self._follow_race_length()
        self.setup_changed.emit()

    def race_config(self) -> RunConfig:
        """The configuration the next race runs on, with the epochs chosen here."""
        config = (self._preset_config or self._config).copy()
        config.training.epochs = self.epochs.value()
        return config

    def _configuration_changed(self) -> None:
        """Describe the configuration the next race runs on (under the running race's, if it differs),
        and take its epochs, unless a race runs or the user chose a number for the same data and network — or
        for data and a network not known yet: the window opened on invalid settings gives none until they are
        put right, and its epochs kept for the next launch went."""
        config = self._preset_config or self._config
        basis = (config.data, config.network)
        known = self._preset_config is not None or self._config_given
        if not self.running and (not self._epochs_chosen or (known and basis != self._epochs_from)):
            self.epochs.set_value(config.training.epochs)
            self._epochs_chosen, self._epochs_from = False, copy.deepcopy(basis)
        self._follow_race_length()
        runs_on = self._describe_configuration(config, self._source())
        if self._racing_on is not None:
            racing_on = self._describe_configuration(*self._racing_on)
            if racing_on != runs_on:
                racing_on += "\n" + self._describe_configuration(config, self._source(), self.tr(
                    "The next race will run on {source}: {dataset}, hidden layers {layers}, batches of {batch}."))
            runs_on = racing_on
        self.runs_on.setText(runs_on)
        self._update_controls()

    def _source(self) -> str:
        """Whose configuration the next race runs on: "workbench", "preset" or "lab"."""
        return "workbench" if self._preset_config is None else self._config_origin

    def _describe_configuration(self, config: RunConfig, source: str, sentence: str | None = None) -> str:
        """``sentence`` (by default "Runs on {source}: …") filled in for ``config`` from ``source``."""
        layers = "-".join(str(layer.units) for layer in config.network.hidden) or self.tr("no hidden layer")
        source = {"workbench": self.tr("the workbench's configuration"),
                  "preset": self.tr("the preset's configuration"),
                  "lab": self.tr("the lab's configuration")}[source]
        sentence = sentence or self.tr("Runs on {source}: {dataset}, hidden layers {layers}, batches of {batch}.")
        return sentence.format(source=source, dataset=display_names.label("dataset", config.data.dataset),
                               layers=layers, batch=config.training.batch_size)

    def _refill_list(self) -> None:
        row = max(0, min(self.contender_list.currentRow(), len(self._contenders) - 1))
        with QSignalBlocker(self.contender_list):
            self.contender_list.clear()
            for _ in self._contenders:
                self.contender_list.addItem(QListWidgetItem())
            self._write_rows()
            self.contender_list.setCurrentRow(row)
        self._show_contender(row)
        self._fit_table_height()  # before a race, the table makes room for a row per contender

    def _write_rows(self) -> None:
        """Each row's swatch and text, from its contender and its colour."""
        for row, (look, contender) in enumerate(zip(contender_looks(self._colours), self._contenders)):
            item = self.contender_list.item(row)
            item.setIcon(look.swatch())
            item.setText(self._describe(contender))
            item.setToolTip(item.text())

    @staticmethod
    def _describe(contender) -> str:
        """A row of the contender list: its label, then what it is, named as the choice boxes name it."""
        schedule = contender.schedule.name
        extra = "" if schedule == "constant" else f", {display_names.label('schedule', schedule)}"
        lr = contender.optimizer.options.get("lr")
        default = hyperparameter_defaults(optimizers, contender.optimizer.name).get("lr")
        rate = "" if lr is None else f", η {setting_value(lr, default)}"
        return f"{contender.label}  ({display_names.label('optimizer', contender.optimizer.name)}{rate}{extra})"

    def _show_contender(self, row: int) -> None:
        if not 0 <= row < len(self._contenders):
            return
        contender = self._contenders[row]
        with QSignalBlocker(self.label_edit):
            self.label_edit.setText(contender.label)
        self.optimizer_box.set_value(contender.optimizer.name)
        self.optimizer_options.set_values(hyperparameter_defaults(optimizers, contender.optimizer.name),
                                          contender.optimizer.options, contender.optimizer.name)
        self.schedule_box.set_value(contender.schedule.name)
        self.unit_box.set_value(contender.schedule.unit)
        self.schedule_options.set_values(hyperparameter_defaults(schedules, contender.schedule.name),
                                         contender.schedule.options)
        self._mark_current_contender()

    def _edit_current(self, **changes) -> None:
        """Change the selected contender; a label not typed by the user becomes the default one, which
        says what the contender now is (a preset's "SGD η=0.05" went on naming an Adam at 0.001)."""
        row = self.contender_list.currentRow()
        if not 0 <= row < len(self._contenders):
            return
        self._contenders[row] = self._contenders[row]._replace(**changes)
        if not self._namings[row].typed:
            self._namings[row] = Naming(rate_typed=self._namings[row].rate_typed)
            self._relabel()  # may renumber other contenders' labels too
        self._write_rows()
        self._show_contender(row)
        self._update_controls()
        self.setup_changed.emit()

    def _current(self):
        return self._contenders[self.contender_list.currentRow()]

    def _label_edited(self) -> None:
        row = self.contender_list.currentRow()
        label = self.label_edit.text().strip()
        if not 0 <= row < len(self._contenders) or label == self._contenders[row].label:
            return  # the edit lost its focus unchanged
        self._contenders[row] = self._contenders[row]._replace(label=label)
        self._namings[row] = dataclasses.replace(self._namings[row], texts=None, typed=True)
        self._refill_list()
        self._update_controls()
        self.setup_changed.emit()

    def _default_label(self, contender) -> str:
        """The optimiser's name and learning rate (the optimiser's default if it has none), and the
        schedule's name unless the rate is constant; then every other setting of either that differs
        from its default (two Adams with other β were "Adam η=0.001" and "Adam η=0.001 2")."""
        optimizer, schedule = contender.optimizer, contender.schedule
        lr_default = hyperparameter_defaults(optimizers, optimizer.name).get("lr")
        lr = optimizer.options.get("lr", lr_default)
        name = display_names.label("optimizer", optimizer.name)
        rate = setting_value(lr, lr_default)
        if schedule.name == "constant":
            label = self.tr("{optimizer} η={lr}").format(optimizer=name, lr=rate)
        else:
            label = self.tr("{optimizer} η={lr}, {schedule}").format(
                optimizer=name, lr=rate, schedule=display_names.label("schedule", schedule.name))
        # A length left as fitted to the race (see chosen_schedule) is the schedule's own, not a change.
        fitted = {key for key, value in self._fitted_lengths(schedule.name, schedule.unit).items()
                  if schedule.options.get(key) == value}
        changed = [*changed_settings(optimizers, optimizer.name, optimizer.options, "optimizer_hyperparameter", {"lr"}),
                   *changed_settings(schedules, schedule.name, schedule.options, "hyperparameter", fitted)]
        return ", ".join([label, *changed])

    def _relabel(self) -> None:
        """Give each contender the label its :class:`Naming` says (see :meth:`_labels`)."""
        labels = self._labels(self._contenders, self._namings)
        self._contenders = [contender._replace(label=label) for contender, label in zip(self._contenders, labels)]

    def _labels(self, contenders, namings) -> list[str]:
        """Each contender's label as its :class:`Naming` says, in the interface language; a label already
        taken gets a number ("… 2"), as the race needs distinct labels."""
        language = preset_language()
        taken = {contender.label for contender, naming in zip(contenders, namings) if naming.typed}
        labels = []
        for contender, naming in zip(contenders, namings):
            if naming.typed:
                labels.append(contender.label)
                continue
            wanted = text_in(naming.texts, language) if naming.texts else self._default_label(contender)
            label, number = wanted, 2
            while label in taken:
                label, number = f"{wanted} {number}", number + 1
            taken.add(label)
            labels.append(label)
        return labels

    def _optimizer_chosen(self, name: str) -> None:
        """The new optimiser's usual learning rate, or the one the user typed if it is on the same scale
        (:func:`core.race.switched_rate`): PyTorch's default left a newcomer's SGD at 0.001, hardly moving."""
        old, row = self._current().optimizer, self.contender_list.currentRow()
        typed = self._namings[row].rate_typed
        rate = race_engine.switched_rate(old.options.get("lr"), old.name, name, typed)
        options = {**carried_options(old.options, hyperparameter_defaults(optimizers, old.name),
                                     hyperparameter_defaults(optimizers, name)), "lr": rate}
        # A rate set aside is no longer the user's: the next optimiser takes its own usual one.
        self._namings[row] = dataclasses.replace(self._namings[row],
                                                 rate_typed=typed and rate == old.options.get("lr"))
        self._edit_current(optimizer=type(old)(name, options))

    def _optimizer_option_edited(self, key: str, value) -> None:
        old, row = self._current().optimizer, self.contender_list.currentRow()
        if key == "lr":
            self._namings[row] = dataclasses.replace(self._namings[row], rate_typed=True)
        self._edit_current(optimizer=type(old)(old.name, {**old.options, key: value}))

    def _schedule_chosen(self, name: str) -> None:
        self._edit_current(schedule=chosen_schedule(self._current().schedule, name, self._fitted_lengths))

    def _unit_chosen(self, unit: str) -> None:
        self._edit_current(schedule=schedule_in_unit(self._current().schedule, unit, self._fitted_lengths))

    def _race_length(self) -> tuple:
        """What a schedule's lengths are fitted to (:meth:`_fitted_lengths`): the race's epochs, its training
        examples (None while its data are not the loaded ones), batch size and fewest rows a batch may have."""
        config = self._preset_config or self._config
        loaded = self.experiment is not None and self.experiment.config.data == config.data
        return (self.epochs.value(), self.experiment.dataset.X_train.shape[0] if loaded else None,
                config.training.batch_size, config.network.fewest_training_rows)

    def _fitted_lengths(self, name: str, unit: str, length: tuple | None = None) -> dict:
        """:func:`core.schedules.fitted_to_run` for the race planned, or for ``length`` (:meth:`_race_length`)
        if given ({} while its steps are unknown: its data are not the loaded ones; {} for a schedule unknown,
        as a race kept from a newer version may have)."""
        planned = planned_units(unit, *(length or self._race_length()))
        return {} if planned is None or name not in schedules.names() else schedules.fitted_to_run(name, planned)

    def _follow_race_length(self) -> None:
        """The contenders' schedule lengths left as fitted to the race (see :func:`chosen_schedule`) follow its
        length when it changes — its epochs, and for a schedule counted in steps its batches — as the Training
        panel's do: a cosine chosen for a 2-epoch race, the race then made 30, held η at its minimum for 28.
        Lengths the user typed stay as typed (:func:`refitted_schedule`)."""
        length, before = self._race_length(), self._fitted_for
        self._fitted_for = length
        if before is None or before == length:
            return
        refitted = []
        for contender in self._contenders:
            schedule = contender.schedule
            refitted.append(contender._replace(schedule=refitted_schedule(
                schedule, self._fitted_lengths(schedule.name, schedule.unit, before),
                self._fitted_lengths(schedule.name, schedule.unit, length), schedule.unit)))
        if refitted == self._contenders:
            return
        self._contenders = refitted
        self._relabel()
        self._write_rows()
        self._show_contender(self.contender_list.currentRow())
        self.setup_changed.emit()

    def _schedule_option_edited(self, key: str, value) -> None:
        old = self._current().schedule
        self._edit_current(schedule=ScheduleConfig(old.name, {**old.options, key: value}, old.unit))

    def _add_contender(self) -> None:
        """A copy of the selected contender, named as it is (a typed label with a number after it)."""
        row = self.contender_list.currentRow()
        template, naming = (self._contenders[row], self._namings[row]) if self._contenders else (
            race_engine.Contender("SGD", OptimizerConfig("sgd", {"lr": race_engine.USUAL_RATES["sgd"]}),
                                  ScheduleConfig()), Naming())
        if naming.typed:
            labels = {contender.label for contender in self._contenders}
            number = 2
            while f"{template.label} {number}" in labels:
                number += 1
            template = template._replace(label=f"{template.label} {number}")
        self._contenders.append(template)
        self._namings.append(naming)
        self._colours.append(next(colour for colour in itertools.count() if colour not in self._colours))
        self._relabel()
        self._refill_list()
        self.contender_list.setCurrentRow(len(self._contenders) - 1)
        self._update_controls()
        self.setup_changed.emit()

    def _remove_contender(self) -> None:
        row = self.contender_list.currentRow()
        del self._contenders[row], self._namings[row], self._colours[row]
        self._relabel()  # a twin's "… 2" is no longer needed
        self._refill_list()
        self._update_controls()
        self.setup_changed.emit()

    def problems_found(self) -> list[str]:
        """Why the race cannot start, in words (empty when it can)."""
        config = self.race_config()
        problems = []
        count = len(self._contenders)
        if not race_engine.MIN_CONTENDERS <= count <= race_engine.MAX_CONTENDERS:
            problems.append(self.tr("Choose {low} to {high} contenders.").format(
                low=race_engine.MIN_CONTENDERS, high=race_engine.MAX_CONTENDERS))
        labels = [contender.label for contender in self._contenders]
        if len(set(labels)) != len(labels) or not all(labels):
            problems.append(self.tr("Give every contender its own label."))
        for contender in self._contenders:
            for error in race_engine.contender_errors(config, contender):
                problems.append(self.tr("{label}: {problem}").format(label=contender.label,
                                                                     problem=self._problem_words(contender, error)))
        return problems

    @staticmethod
    def _problem_words(contender, error) -> str:
        """A problem of a contender's setting, its hyperparameter named as the editor's row names it."""
        optimizer = error.field.startswith("optimizer")
        module, name = (optimizers, contender.optimizer.name) if optimizer else (schedules, contender.schedule.name)
        key = hyperparameter_of(error, hyperparameter_defaults(module, name))
        if key is None and error.rule in NAME_RULES:  # "SGD with momentum takes only …", not "momentum takes only …"
            return f"{display_names.label('optimizer' if optimizer else 'schedule', name)} {problem_text(error, False)}"
        if key is None:
            return problem_text(error)
        row = display_names.label("optimizer_hyperparameter" if optimizer else "hyperparameter", key)
        return f"{row} {problem_text(error, subject=False)}"

    def _mark_current_contender(self) -> None:
        """The selected contender's settings that are wrong, marked at their controls with the reason."""
        row = self.contender_list.currentRow()
        errors = race_engine.contender_errors(self.race_config(), self._contenders[row]) \
            if 0 <= row < len(self._contenders) else []
        marked = {}
        for error in errors:
            form, box = (self.optimizer_options, self.optimizer_box) if error.field.startswith("optimizer") \
                else (self.schedule_options, self.schedule_box)
            control = form.control_for(error)  # else the component's box, as the Training panel marks it
            if (control or box) not in marked:
                marked[control or box] = problem_text(error, subject=control is None)
        for control in (*self.optimizer_options.controls().values(), *self.schedule_options.controls().values(),
                        self.optimizer_box, self.schedule_box):
            mark(control, marked.get(control))

    # ------------------------------------------------------------------ running
    def start(self) -> None:
        """Start a race of the contenders on :meth:`race_config`, clearing the previous curves."""
        if self.running or self.problems_found():
            return
        config = self.race_config()
        dataset = None
        if self.experiment is not None and self.experiment.config.data == config.data \
                and self.experiment.config.training.seed == config.training.seed:
            dataset = self.experiment.dataset  # already loaded and split the same way
        self.beside.show_content()  # narrow, the race is watched on the tab of the plots
        self.labels = tuple(contender.label for contender in self._contenders)
        self._racing_contenders, self._racing_namings = tuple(self._contenders), tuple(self._namings)
        self.looks = tuple(contender_looks(self._colours))
        self._show_rates(any(contender.schedule.name != "constant" for contender in self._contenders))
        self.curves = [ContenderCurves() for _ in self.labels]
        self.summary = ()
        self._paused = self._failed = False
        self._racing_on = (config, self._source())
        self._prepare_plots()
        self.session = RaceSession(config, self._contenders, dataset, parent=self)
        self.session.worker.target_loss = self.target_loss()
        self.session.started.connect(self._on_started)
        self.session.progress.connect(self._on_progress)
        self.session.paused.connect(self._on_paused)
        self.session.failed.connect(self._on_failed)
        self.session.ended.connect(self._on_ended)
        self.status.setText(self.tr("Loading the data and building {count} copies of the network…")
                            .format(count=len(self.labels)))
        self.session.start()
        self._update_controls()

    def toggle_pause(self) -> None:
        """Pause every contender at its next batch, or let them all go on."""
        if not self.running:
            return
        if self._paused or self.session.control.paused:
            self._paused = False
            self.session.control.resume()
            self.status.setText(self.tr("Racing…"))
            self._fill_table()
        else:
            self.session.control.pause()
        self._update_controls()

    def target_loss(self) -> float | None:
        value = self.target.value()
        return value if isinstance(value, float) and math.isfinite(value) and value > 0 else None

    def _target_edited(self, value) -> None:
        if self.running:
            self.session.worker.target_loss = self.target_loss()
        self._fill_table()  # the steps of a race already over too, from its contenders' lows
        self._update_controls()
        self.setup_changed.emit()

    @Slot(object)
    def _on_started(self, started: RaceStarted) -> None:
        self._steps_per_epoch = started.steps_per_epoch
        self._regression, self._scaled_targets = started.regression, started.scaled_targets
        self._set_headers()
        self.status.setText(self.tr("Racing…"))

    @Slot(object)
    def _on_progress(self, progress: RaceProgress) -> None:
        for index, step, loss, rate in progress.batches:
            self.curves[index].add_batch(step, loss, rate)
        for index, *epoch in progress.epochs:
            self.curves[index].add_epoch(*epoch)
        self.summary = progress.summary
        self._fill_table()
        self._changed()

    @Slot()
    def _on_paused(self) -> None:
        self._paused = True
        self.status.setText(self.tr("Paused: every contender waits."))
        self._fill_table()
        self._update_controls()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._failed = True
        self.status.setText(self.tr("The race failed: {message}").format(message=message))

    @Slot()
    def _on_ended(self) -> None:
        # Deleted later: this slot runs inside the session's own signal.
        self.session.deleteLater()
        self.session = None
        self._paused = False
        self._racing_on = None
        if not self._failed:
            self.status.setText(self._ending())
        self._configuration_changed()  # the next race's, which may have changed meanwhile
        self._changed()  # its x axis fits the steps run, without the room it kept to grow in

    def _ending(self) -> str:
        """How the race ended, for the status under Start. "The race is over." alone followed a Stop, and a
        race in which every contender diverged, above plots left empty but for its ✕s."""
        if self.summary and all(summary.diverged for summary in self.summary):
            return self.tr("Every contender diverged (the table's tooltips say where): lower their learning rates (η) "
                           "and start again.")
        if any(summary.reason == events.STOPPED for summary in self.summary):
            return self.tr("The race was stopped; the curves and the table show it up to then.")
        return self.tr("The race is over.")

    def _update_controls(self) -> None:
        running = self.running
        problems = [] if running else self.problems_found()
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self._mark_current_contender()
        typed = self.target.text().strip()
        mark(self.target, self.tr("Type a loss above 0, or leave the field empty for the automatic target.")
             if typed and self.target_loss() is None else None)
        self.start_button.setEnabled(not running and not problems)
        self.pause_button.setEnabled(running)
        pausing = running and self.session.control.paused
        self.pause_button.setText(self.tr("Resume") if pausing else self.tr("Pause"))
        self.stop_button.setEnabled(running)
        for widget in (self.editor, self.contender_list, self.preset_box, self.epochs):
            widget.setEnabled(not running)
        self.use_preset.setEnabled(not running and self.preset_box.currentIndex() >= 0)
        count = len(self._contenders)
        self.add_button.setEnabled(not running and count < race_engine.MAX_CONTENDERS)
        self.remove_button.setEnabled(not running and count > race_engine.MIN_CONTENDERS)
        self._show_results_hint()

    def _show_results_hint(self) -> None:
        """What the results table will show, while it has no rows and no race is under way to fill it."""
        self.results_hint.setVisible(not self.running and self.summary_table.rowCount() == 0)

    # ------------------------------------------------------------------ drawing
    def _show_rates(self, shown: bool) -> None:
        """The learning-rate plot, with the steps' axis title, under the others when ``shown``."""
        layout = self.graphics.ci
        if shown and self.rate_plot not in layout.items:
            layout.addItem(self.rate_plot, row=4, col=0)
            layout.layout.setRowStretchFactor(4, 2)
        elif not shown and self.rate_plot in layout.items:
            layout.removeItem(self.rate_plot)
        self.rate_plot.setVisible(shown)

    def _prepare_plots(self) -> None:
        self.empty_hint.hide()
        for plot in (self.loss_plot, self.val_loss_plot, self.metric_plot, self.rate_plot):
            plot.clear()
        self.legend.clear()
        self._plot_items, self._divergence_marks, self._off_scale_marks = [], [], []
        self._rate_items, self._step_loss_items = [], []
        for look, label in zip(self.looks, self.labels):
            colour = palette.series_color(look.colour)
            self._rate_items.append(self.rate_plot.plot(pen=look.pen(2)))
            # Solid whatever its line: a thin dashed line under another is lost; the thick one tells them apart.
            self._step_loss_items.append(self.loss_plot.plot(pen=pg.mkPen(
                palette.translucent(look.colour, STEP_LOSS_ALPHA), width=1)))
            train = self.loss_plot.plot(pen=look.pen(2))
            self.legend.addItem(train, label)
            marks = dict(pen=look.pen(2), symbol=look.symbol, symbolSize=6, symbolBrush=colour, symbolPen=None)
            self._plot_items.append((train, self.val_loss_plot.plot(**marks), self.metric_plot.plot(**marks)))
            self._divergence_marks.append(self.loss_plot.plot(
                pen=None, symbol="x", symbolSize=DIVERGENCE_MARK_SIZE, symbolBrush=colour,
                symbolPen=pg.mkPen(colour, width=1.5)))
            self._off_scale_marks.append(self.loss_plot.plot(pen=None, symbol="t1", symbolSize=OFF_SCALE_MARK_SIZE,
                                                             symbolBrush=colour, symbolPen=None))
        for axis in (*self._loss_axes, self._x_axis_placed):
            axis.reset()
        self._fit_legend()
        self._changed()

    def _x_key(self) -> str:
        return self.x_axis.currentData()

    def _x_axis_chosen(self) -> None:
        """Steps and epochs are counted: ticked at whole numbers only (a race not run yet showed 0.2, 0.4… steps).
        Computing time is not."""
        for plot in (self.loss_plot, self.val_loss_plot, self.metric_plot, self.rate_plot):
            axis = plot.getAxis("bottom")
            axis.whole_numbers = self._x_key() != SECONDS
            axis.picture = None  # its ticks afresh, also where the range stays
            axis.update()
        self._x_axis_placed.reset()
        self._changed()

    def _x_scale(self, index: int) -> float:
        """The length of one of contender ``index``'s steps along the x axis (NaN on the axis of computing time
        before one of its steps is timed)."""
        return {STEPS: 1.0, EPOCHS: 1.0 / self._steps_per_epoch, SECONDS: self._seconds_per_step(index)}[self._x_key()]

    def _diverged_at(self, index: int) -> float:
        """Where along the x axis contender ``index`` diverged: at the step that did, one after its last finite
        loss (NaN if it did not diverge). On the axis of computing time, one that diverged at its first step has
        no step timed: at 0, where it started (it had no ✕ at all, only its name in the legend)."""
        if index not in self._diverged():
            return math.nan
        scale = self._x_scale(index)
        return (self.summary[index].steps + 1) * scale if math.isfinite(scale) else 0.0

    def _smoothing(self) -> bool:
        """Whether the training loss is drawn with a moving average: not when an epoch is one step (a
        full batch), whose losses are not noisy and which the average would only delay."""
        return self._steps_per_epoch > 1

    def redraw(self) -> None:
        key = self._x_key()
        smoothing = self._smoothing()
        newest = 0.0  # the last step drawn, or one past a step where a contender diverged, along the x axis
        for index, (curves, (train, val_loss, metric)) in enumerate(zip(self.curves, self._plot_items)):
            scale = self._x_scale(index)
            rate, step_loss = self._rate_items[index], self._step_loss_items[index]
            if not math.isfinite(scale):  # none of its steps timed yet
                for item in (train, step_loss, val_loss, metric, rate):
                    item.setData([], [])
                continue
            trend = curves.smoothed_loss_by_step if smoothing else curves.loss_by_step
            train.setData(trend.x * scale, trend.y)
            if smoothing:
                step_loss.setData(curves.loss_by_step.x * scale, curves.loss_by_step.y)
            else:
                step_loss.setData([], [])
            rate.setData(curves.rate_by_step.x * scale, curves.rate_by_step.y)
            epoch_x = [step * scale for step in curves.epoch_steps]
            val_loss.setData(epoch_x, curves.val_losses, connect="finite")
            metric.setData(epoch_x, curves.val_metrics, connect="finite")
            last = max([*curves.loss_by_step.x[-1:], *curves.epoch_steps[-1:], 0])
            diverged_at = self._diverged_at(index)
            newest = max(newest, last * scale, diverged_at + scale if math.isfinite(diverged_at) else 0.0)
        if newest > 0:
            # Counted in whole steps or epochs, at least two, so that one between the axis' ends (which pyqtgraph
            # leaves unlabelled) is labelled: a race whose every contender diverged at its first step spanned 0.05
            # epoch, and with whole epochs only, its axis had no label at all.
            self._x_axis_placed.follow(newest if key == SECONDS else max(newest, 2.0), self.running)
        lowest = self.rate_plot if self.rate_plot.isVisible() else self.metric_plot
        for plot in (self.metric_plot, self.rate_plot):  # the x-axis' title under the lowest plot only
            plot.setLabel("bottom", QCoreApplication.translate("CompareView", X_AXES[key]), color=palette.FOREGROUND)
            plot.getAxis("bottom").showLabel(plot is lowest)
        diverged = self._diverged()
        # Neither a diverged contender's losses nor those of one that never learned (its loss grew to
        # 1e8 with a learning rate of 100) stretch the axes over the others' curves.
        left_out = diverged | {index for index, summary in enumerate(self.summary) if not summary.learned}
        kept = [curves for index, curves in enumerate(self.curves) if index not in left_out] or self.curves
        train_axis, val_axis = self._loss_axes
        train_axis.follow(finite_bounds(*(curves.loss_by_step.y for curves in kept)))
        val_axis.follow(finite_bounds(*(curves.val_losses for curves in kept)))
        self._mark_the_out_of_sight()

    def _diverged(self) -> set[int]:
        return {index for index, summary in enumerate(self.summary) if summary.diverged}

    def _mark_the_out_of_sight(self, *_) -> None:
        """Contenders whose training loss the axis leaves above the plot are marked along its top edge and
        named so in the legend: an ✕ for each that diverged, at the step that diverged (said in the legend), a
        ▲ for each whose loss ends above the plot, at its last step (one that did not learn vanished silently:
        the axis leaves it out so as not to squash the others). The marks are drawn whole just inside the
        edges: centred on the top one, the plot cut them in half, and an ✕ at the race's first step was half
        behind the left one. (At its last finite loss, an ✕ at step 2 was lost among every contender's start.)"""
        diverged = self._diverged()
        box = self.loss_plot.getViewBox()
        (left, right), (_, edge) = box.viewRange()  # on a logarithmic axis, log10 of the loss
        x_pixel, pixel = box.viewPixelSize()
        loss = (lambda value: 10.0 ** value) if self.log_scale.isChecked() else (lambda value: value)
        top = loss(edge)
        # the loss at which a mark of that many pixels is drawn whole under the top edge
        cross_top, arrow_top = (loss(edge - (size / 2 + 1) * pixel) for size in (DIVERGENCE_MARK_SIZE,
                                                                                  OFF_SCALE_MARK_SIZE))
        # the room a mark of that many pixels needs inside the left and right edges
        cross_inset, arrow_inset = ((size / 2 + 1) * x_pixel for size in (DIVERGENCE_MARK_SIZE, OFF_SCALE_MARK_SIZE))
        off_scale = set()
        for index, (cross, arrow, (train, _, _)) in enumerate(zip(self._divergence_marks, self._off_scale_marks,
                                                                   self._plot_items)):
            x, y = train.xData, train.yData  # as given: getData() has them on the logarithmic axis' scale
            drawn = x is not None and len(x) > 0
            above = drawn and index not in diverged and y[-1] > top
            diverged_at = self._diverged_at(index)
            crossed = math.isfinite(diverged_at) and right - left > 2 * cross_inset
            cross.setData(*(([min(max(diverged_at, left + cross_inset), right - cross_inset)], [cross_top])
                            if crossed else ([], [])))
            # Inside the right edge too: the axis of a race that ended stops just past its last step.
            arrow.setData(*(([min(x[-1], right - arrow_inset)], [arrow_top]) if above else ([], [])))
            if above:
                off_scale.add(index)
        self._label_legend(diverged, off_scale)

    def _label_legend(self, diverged: set[int], off_scale: set[int]) -> None:
        for index, (_, text) in enumerate(self.legend.items):
            label = self.labels[index]
            wanted = self.tr("{label} (diverged at step {step})").format(
                label=label, step=self.summary[index].steps + 1) if index in diverged \
                else self.tr("{label} (off scale)").format(label=label) if index in off_scale else label
            if text.text != wanted:
                text.setText(wanted)
                self._fit_legend()

    def _seconds_per_step(self, index: int) -> float:
        return self.summary[index].seconds_per_step if index < len(self.summary) else math.nan

    def _apply_scales(self) -> None:
        logarithmic = self.log_scale.isChecked()
        for plot, axis in zip((self.loss_plot, self.val_loss_plot), self._loss_axes):
            plot.setLogMode(x=False, y=logarithmic)
            axis.log = logarithmic
            axis.reset()
        self._changed()

    def _place_empty_hint(self) -> None:
        """The hint in the middle of the loss plot, its lines as wide as the plot leaves them."""
        box = self.loss_plot.getViewBox().boundingRect()
        self.empty_hint.setTextWidth(max(box.width() - 2 * EMPTY_HINT_MARGIN, 0.0))
        hint = self.empty_hint.boundingRect()
        self.empty_hint.setPos(EMPTY_HINT_MARGIN, max((box.height() - hint.height()) / 2, 0.0))

    def _set_headers(self) -> None:
        hint = self.tr("No race yet: choose a preset or set up the contenders, then press Start. Each contender's "
                       "curves are drawn here.")
        # On the plot's background, so that no grid line runs through the words.
        self.empty_hint.setHtml(f'<p align="center"><span style="background-color: {palette.BACKGROUND}">'
                                f"{html.escape(hint)}</span></p>")
        self._place_empty_hint()
        self.results_hint.setText(self.tr("No race yet: press Start, and each contender's results appear here, "
                                          "a row each."))
        self.rate_plot.setTitle(self.tr("Learning rate"), color=palette.FOREGROUND)
        # Of scaled regression targets the losses are not in the data's units, and say so as the Loss view's do: in
        # the titles, as "loss of the scaled targets" along the axis ran past the short validation plot.
        if self._scaled_targets:
            training = self.tr("Training loss of the scaled targets: each step and smoothed") if self._smoothing() \
                else self.tr("Training loss of the scaled targets at each step")
        else:
            training = self.tr("Training loss: each step and smoothed") if self._smoothing() \
                else self.tr("Training loss of each step")
        self.loss_plot.setTitle(training, color=palette.FOREGROUND)
        self.val_loss_plot.setTitle(self.tr("Validation loss of the scaled targets") if self._scaled_targets
                                    else self.tr("Validation loss"), color=palette.FOREGROUND)
        metric = self.tr("R²") if self._regression else self.tr("accuracy")
        title = self.tr("Validation {metric}").format(metric=metric)  # "{metric} на валидации": capitalised
        self.metric_plot.setTitle(title[:1].upper() + title[1:], color=palette.FOREGROUND)
        # An accuracy in percent, as the results table and the status bar write it (its axis read 0.2 … 1.0).
        self.metric_plot.setLabel("left", metric if self._regression else self.tr("accuracy, %"),
                                  color=palette.FOREGROUND)
        self.metric_plot.getAxis("left").setScale(1 if self._regression else 100)
        # Headers on two or three lines, and the target loss (the same for every contender) in its
        # column's header rather than in each cell: on one line the table was wider than its half of
        # the view, and its status column was out of sight in a 1360-pixel window.
        self.summary_table.setHorizontalHeaderLabels([
            self.tr("contender"), self.tr("best\nvalidation\n{metric}").format(metric=metric), self.tr("at\nepoch"),
            self.tr("steps until\nepoch mean\nreached target"), self.tr("s per\nepoch"), self.tr("status")])
        self.summary_table.horizontalHeaderItem(3).setToolTip(self.tr(
            "Steps until the end of the first epoch whose mean training loss (over the epoch's batches) reached "
            "the target: the lowest epoch mean that every contender still in the race and learning has reached "
            "(one whose loss never fell 10 % below its start is left out), but no higher than halfway, on a "
            "logarithmic scale, from the first loss to the median contender's lowest, so that one slow contender "
            "does not make it a loss the others reach early. Counted in whole epochs; with one step per epoch, "
            "the step whose loss reached it."))
        self.summary_table.horizontalHeaderItem(4).setToolTip(self.tr(
            "Seconds per epoch as if the contender had trained alone: the median time of one of its steps × "
            "the steps of an epoch, plus the median time of its end-of-epoch evaluation."))

    def _target(self) -> float:
        """The loss the table counts steps to: the one typed, else the race's common target (NaN without)."""
        typed = self.target_loss()
        return typed if typed is not None else self.summary[0].target_loss if self.summary else math.nan

    def _status(self, summary) -> str:
        """How a contender's race went, as the table and its CSV say it: "completed" told one that ended at
        chance (SGD at η = 50: 10 % accuracy) from the others only by its numbers. "did not learn" alone, how
        it ended in its tooltip: "completed, did not learn" widened the Russian table past its room."""
        if not summary.reason:
            return self.tr("paused") if self._paused else self.tr("running")
        if not self._learned(summary):
            return self.tr("did not learn")
        return QCoreApplication.translate("CompareView", REASONS[summary.reason])

    @staticmethod
    def _learned(summary) -> bool:
        """Whether a contender that ended learned (one that diverged is said to have)."""
        return summary.diverged or summary.learned

    def _status_help(self, summary) -> str:
        """The status cell's tooltip: why the contender ended, and what not learning means."""
        ended = endings.describe(summary.finished)
        if self._learned(summary):
            return ended
        return ended + "\n" + self.tr("Its smoothed training loss never fell {percent} below where it started: try "
                                      "another learning rate.").format(percent=i18n.format_percent(
                                          1 - race_engine.LEARNED, 0))

    def _best_metric_text(self, value: float) -> str:
        """An accuracy in percent, as the status bar and the Runs view write it (the table wrote 0,9306); an R²
        as such."""
        if not math.isfinite(value):
            return "–"
        return i18n.format_number(value, 4) if self._regression else i18n.format_percent(value)

    def _fill_table(self) -> None:
        self.summary_table.setRowCount(len(self.summary))
        self._show_results_hint()
        target = self._target()
        self.summary_table.horizontalHeaderItem(3).setText(
            self.tr("steps until\nepoch mean\n≤ {target}").format(target=i18n.format_significant(target))
            if math.isfinite(target)
            else self.tr("steps until\nepoch mean\nreached target"))
        for row, summary in enumerate(self.summary):
            status = self._status(summary)
            steps = summary.steps_to(target) if math.isfinite(target) else None
            reached = str(steps) if steps is not None else self.tr("never") if summary.reason else self.tr("not yet")
            cells = [self.labels[row], self._best_metric_text(summary.best_val_metric),
                     str(summary.best_val_epoch) if summary.best_val_epoch is not None else "–",
                     reached,
                     i18n.format_significant(summary.seconds_per_epoch, 3)
                     if math.isfinite(summary.seconds_per_epoch) else "–",
                     status]
            for column, text in enumerate(cells):
                item = self.summary_table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.summary_table.setItem(row, column, item)
                item.setText(text)
                item.setToolTip(text if column == 0 else  # a label cut short (see _fit_columns) whole
                                self._status_help(summary) if column == 5 and summary.finished else "")
            self.summary_table.item(row, 0).setIcon(self.looks[row].swatch())
            failed = summary.diverged or (summary.reason and not self._learned(summary))
            status_colour = DIVERGED_COLOUR if failed else palette.FOREGROUND
            self.summary_table.item(row, 5).setForeground(QColor(status_colour))
        self._fit_columns()
        self._fit_table_height()

    def _fit_columns(self) -> None:
        """Columns as wide as their contents; the last one takes the room left, if any. (Qt's stretched
        last section took the whole width of the table when the others left it none.) Where they do not fit,
        the contender column cuts long labels short (each whole in its tooltip, its swatch beside it): the
        Russian status column was out of sight behind a scroll bar."""
        table = self.summary_table
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        excess = header.length() - table.viewport().width()
        if excess > 0:
            shortest = table.iconSize().width() + 12 + table.fontMetrics().averageCharWidth() * \
                CONTENDER_COLUMN_CHARACTERS
            header.resizeSection(0, max(header.sectionSize(0) - excess, min(shortest, header.sectionSize(0))))
        header.setStretchLastSection(header.length() < table.viewport().width())

    def _results_moved(self, tabbed: bool) -> None:
        """The results table went to a tab of its own, or back under the plots: fitted there afresh."""
        self._table_fitted_for = None
        self._fit_table_height()

    def _fit_table_height(self) -> None:
        """The results table as tall as its header and rows — a row per contender of the race shown (or of
        the list, before a race), 8 at most — within RESULTS_SHARE of the height it shares with the plots, and
        leaving each plot PLOT_HEIGHT_KEPT pixels to draw in while it keeps TABLE_ROWS_KEPT rows. At 1360 × 860 it
        showed five rows: a sixth contender's "diverged" was out of sight. Fitted when its rows or its header
        change, when the legend's lines do, and when the view's height does (the handle above it moves it in
        between)."""
        table, splitter = self.summary_table, self._results_splitter
        if splitter.indexOf(table) < 0:  # in a tab of its own (ControlsBeside): as tall as the tab
            return
        # Its height, not the sum of its sizes: when it is resized, they are the old ones until it lays them out.
        total = splitter.height() - splitter.handleWidth()
        rows = table.rowCount() or len(self._contenders)
        plots = 4 if self.rate_plot in self.graphics.ci.items else 3
        # The legend, the titles and the axes: all the plots' height but their drawing areas (which have none).
        around_plots = math.ceil(self.graphics.ci.layout.effectiveSizeHint(Qt.SizeHint.MinimumSize).height())
        key = (rows, table.horizontalHeader().sizeHint().height(), total, plots, around_plots)
        if total <= 0 or key == self._table_fitted_for:
            return
        self._table_fitted_for = key
        frame = key[1] + 2 * table.frameWidth()
        if table.horizontalHeader().length() > table.viewport().width():
            frame += table.horizontalScrollBar().sizeHint().height()
        row = table.verticalHeader().defaultSectionSize()
        height = min(frame + rows * row, int(RESULTS_SHARE * total), total - around_plots - plots * PLOT_HEIGHT_KEPT)
        height = max(height, frame + min(rows, TABLE_ROWS_KEPT) * row)
        splitter.setSizes([total - height, height])

    def _fit_legend(self) -> None:
        """As many contenders per line of the legend as fit the plots' width: two columns of long labels
        (lab 11's seven optimisers) were wider than the plots beside the controls, and the plots, kept
        as wide as the legend, ran off the view's right edge."""
        left, _, right, _ = self.graphics.ci.layout.getContentsMargins()
        room = self.graphics.viewport().width() - left - right
        for columns in range(min(MAX_LEGEND_COLUMNS, max(len(self.legend.items), 1)), 0, -1):
            self.legend.setColumnCount(columns)
            if self.legend.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize).width() <= room:
                break
        self._fit_table_height()  # the plots' room to keep changed with the legend's lines

    def eventFilter(self, watched, event) -> bool:
        if watched is self.summary_table.viewport() and event.type() == QEvent.Type.Resize:
            self.results_hint.setGeometry(self.summary_table.viewport().rect())
            self._fit_columns()
        elif watched is self._results_splitter and event.type() == QEvent.Type.Resize:
            self._fit_table_height()
        elif watched is self.graphics.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_legend()
        return super().eventFilter(watched, event)

    def summary_rows(self) -> tuple[list[str], list[list]]:
        """The results table, a row per contender, its numbers unrounded (empty cells where it has none)."""
        metric = self.tr("R²") if self._regression else self.tr("accuracy")
        header = [self.tr("contender"), self.tr("optimiser"), self.tr("best validation {metric}").format(metric=metric),
                  self.tr("at epoch"), self._loss_name(self.tr("target loss (epoch mean)")),
                  self.tr("steps to target loss"), self.tr("seconds per epoch"), self.tr("status")]
        target = self._target()
        rows = []
        for label, contender, summary in zip(self.labels, self._racing_contenders, self.summary):
            steps = summary.steps_to(target) if math.isfinite(target) else None
            rows.append([label, display_names.label("optimizer", contender.optimizer.name),
                         summary.best_val_metric if math.isfinite(summary.best_val_metric) else "",
                         summary.best_val_epoch or "", target if math.isfinite(target) else "",
                         steps or "", summary.seconds_per_epoch if math.isfinite(summary.seconds_per_epoch) else "",
                         self._status(summary)])
        return header, rows

    def _loss_name(self, name: str) -> str:
        """The exported ``name`` of a loss, said to be of the scaled targets when they are, as the Loss view says it."""
        return self.tr("%1, of the scaled targets").replace("%1", name) if self._scaled_targets else name

    def export_summary(self, path) -> None:
        """Write :meth:`summary_rows` to the CSV file ``path``; ValueError before a race has a summary."""
        if not self.summary:
            raise ValueError(self.tr("no race has results yet"))
        if Path(path).suffix.lower() != ".csv":
            raise ValueError(self.tr("the file name must end in .csv"))
        write_csv(path, *self.summary_rows())

    def table(self) -> tuple[list[str], list[list]]:
        """Every step's training loss and learning rate, and every epoch's mean training loss and metric and
        validation loss and metric, of each contender: contender, series, step, epoch, the contender's
        computing time, value."""
        metric = self.tr("R²") if self._regression else self.tr("accuracy")
        names = (self._loss_name(self.tr("training loss (each step)")), self.tr("learning rate"),
                 self._loss_name(self.tr("training loss (epoch mean)")),
                 self.tr("training {metric} (epoch)").format(metric=metric),
                 self._loss_name(self.tr("validation loss")), self.tr("validation {metric}").format(metric=metric))
        rows = []
        steps_per_epoch = self._steps_per_epoch
        for index, (label, curves) in enumerate(zip(self.labels, self.curves)):
            step_seconds = self._seconds_per_step(index)
            per_step = (curves.every_loss, curves.every_rate)
            per_epoch = (curves.train_losses, curves.train_metrics, curves.val_losses, curves.val_metrics)
            for name, series in zip(names, per_step):
                rows += [[label, name, int(step), step / steps_per_epoch, step * step_seconds, float(value)]
                         for step, value in zip(series.x, series.y)]
            for name, values in zip(names[len(per_step):], per_epoch):
                rows += [[label, name, step, step / steps_per_epoch, step * step_seconds, value]
                         for step, value in zip(curves.epoch_steps, values)]
        header = [self.tr("contender"), self.tr("series"), self.tr("step"), self.tr("epoch"), self.tr("seconds"),
                  self.tr("value")]
        return header, rows
