"""Lab variants: the runs a lab compares, trained one after another, their curves overlaid.

A teaching lab (:mod:`core.labs`) lists variants — lab 2 the same perceptron with batches of N, 1
and 32, lab 8 no regularisation, L2, L1, dropout and early stopping. This tool trains the ticked
ones with :func:`core.labs.run_variants`, each exactly as a student's own run of it, on a worker
thread of its own (the window's run is left alone), and overlays them, one colour per variant: the
smoothed training loss per step, and the validation loss and accuracy (R²) per epoch, against
epochs, steps, samples seen or seconds. Pause and Stop act on the whole sequence.

The window hands it the open lab and the options of the lab's "variants" view
(:meth:`VariantsView.set_lab`, from :class:`app.labs_ui.LabController`).
"""
from __future__ import annotations

import logging
import time

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSignalBlocker, Qt,
                            QTimer, Signal, Slot)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
                               QWidget)

from app import endings, i18n, palette
from app.background import default_blas_threads, training_threads
from app.panels.widgets import IntegerBox, set_help
from app.training_worker import MESSAGE_INTERVAL, describe_failure
from app.views.base import ExportButtons, TranslatedText, View, laid_out_legend, line_up
from app.views.compare_view import DIVERGED_COLOUR, LEFT_AXIS_WIDTH, ControlsBeside, LossAxis, swatch
from app.views.series import DecimatingSeries, Smoother, plain, show
from app.worker_thread import Outgoing, SessionView, Worker, WorkerThread
from core import events, labs, losses
from core.experiment import data_key
from core.languages import text_in
from core.trainer import TrainingControl

log = logging.getLogger(__name__)

EPOCH, STEP, SAMPLES_SEEN, TIME = "epoch", "step", "samples_seen", "time"
"""The x-axes, keyed by the values of the lab's ``x_axis`` option (:data:`core.labs.VIEWS`)."""
X_AXES = {EPOCH: QT_TRANSLATE_NOOP("VariantsView", "epochs"),
          STEP: QT_TRANSLATE_NOOP("VariantsView", "steps"),
          SAMPLES_SEEN: QT_TRANSLATE_NOOP("VariantsView", "samples seen"),
          TIME: QT_TRANSLATE_NOOP("VariantsView", "seconds since the variant started")}

WAITING, TRAINING, PAUSED, NOT_RUN, FAILED = "waiting", "training", "paused", "not_run", "failed"
STATES = {WAITING: QT_TRANSLATE_NOOP("VariantsView", "waiting"),
          TRAINING: QT_TRANSLATE_NOOP("VariantsView", "training…"),
          PAUSED: QT_TRANSLATE_NOOP("VariantsView", "paused"),
          NOT_RUN: QT_TRANSLATE_NOOP("VariantsView", "not run"),
          FAILED: QT_TRANSLATE_NOOP("VariantsView", "failed"),
          events.COMPLETED: QT_TRANSLATE_NOOP("VariantsView", "completed"),
          events.EARLY_STOPPED: QT_TRANSLATE_NOOP("VariantsView", "stopped early"),
          events.STOPPED: QT_TRANSLATE_NOOP("VariantsView", "stopped"),
          events.DIVERGED: QT_TRANSLATE_NOOP("VariantsView", "diverged")}
"""What a variant's row says about it: before and during the run, then its TrainingFinished reason."""

MAX_MARKED_POINTS = 50
"""A curve of at most this many points (the epochs, or the steps of full-batch descent) marks each with a
dot, so that one step or one epoch is seen; beyond, the dots would hide the line."""

_SENT_AT_ONCE = (events.TrainingStarted, events.Paused, events.TrainingFinished)


def translate(text: str) -> str:
    return QCoreApplication.translate("VariantsView", text)


# ------------------------------------------------------------------------------------------ worker
class VariantsWorker(Worker):
    """Runs :func:`core.labs.run_variants` on the session's thread; its messages reach the GUI thread in order."""

    progress = Outgoing()
    """progress(pairs): a tuple of (variant name, core.events event) in the order they happened, at
    most ~30 a second; a variant's start, a pause and a variant's end are sent at once."""
    failed = Outgoing()
    """failed(message): an exception ended the run; the message says what went wrong."""

    def __init__(self, lab, names, control: TrainingControl, *, max_epochs: int | None, datasets: dict,
                 message_interval: float = MESSAGE_INTERVAL, blas_threads: int | None = None):
        super().__init__()
        self.lab, self.names, self.control = lab, tuple(names), control
        self.max_epochs, self.datasets = max_epochs, datasets
        self.message_interval = message_interval
        self.blas_threads = blas_threads or default_blas_threads()
        self._pending: list = []
        self._next_message = 0.0

    def run(self) -> None:
        try:
            with training_threads(self.blas_threads):
                for pair in labs.run_variants(self.lab, self.names, self.control, max_epochs=self.max_epochs,
                                              datasets=self.datasets):
                    self._pending.append(pair)
                    if isinstance(pair[1], _SENT_AT_ONCE) or time.perf_counter() >= self._next_message:
                        self._flush()
        except Exception as error:  # the boundary of the thread: every failure becomes a message
            log.exception("the lab's variants failed")
            self._flush()
            self.failed.emit(describe_failure(error))
        finally:
            self._flush()

    def _flush(self) -> None:
        # The events are frozen dataclasses of plain numbers: the GUI may hold them as they are.
        if self._pending:
            self.progress.emit(tuple(self._pending))
            self._pending = []
        self._next_message = time.perf_counter() + self.message_interval


class VariantsSession(WorkerThread):
    """One run of variants: its shared control, its worker and the worker's thread.
    :attr:`datasets` holds the data sets loaded (read it after :attr:`ended`)."""

    progress = Signal(object)
    """progress(pairs): see :attr:`VariantsWorker.progress`."""
    failed = Signal(str)
    """failed(message)."""

    def __init__(self, lab, names, *, max_epochs: int | None, datasets: dict, parent: QObject | None = None,
                 **worker_options):
        control = TrainingControl()
        worker = VariantsWorker(lab, names, control, max_epochs=max_epochs, datasets=datasets, **worker_options)
        super().__init__(worker, control, "lab variants", parent)
        self.datasets = datasets


# ------------------------------------------------------------------------------------------ curves
class VariantCurves:
    """What the view keeps of one variant: its smoothed training loss and learning rate per step and
    its validation loss and metric per epoch, each against every x-axis (bounded series, however long
    the run)."""

    def __init__(self):
        self.train_loss = {axis: DecimatingSeries() for axis in X_AXES}
        self.lr = {axis: DecimatingSeries() for axis in X_AXES}
        self.val_loss = {axis: DecimatingSeries() for axis in X_AXES}
        self.val_metric = {axis: DecimatingSeries() for axis in X_AXES}
        self.smoother = Smoother()
        self.n_train = 1
        self.samples_seen = 0

    def start(self, event: events.TrainingStarted) -> None:
        self.n_train = event.n_train

    def add_batch(self, event: events.BatchFinished) -> None:
        self.samples_seen = event.samples_seen
        smoothed = self.smoother(event.loss)
        for axis, x in self._positions(event.step, event.elapsed).items():
            self.train_loss[axis].append(x, smoothed)
            self.lr[axis].append(x, event.lr)

    def add_epoch(self, event: events.EpochFinished) -> None:
        for axis, x in self._positions(event.step, event.elapsed).items():
            self.val_loss[axis].append(x, event.val_loss)
            self.val_metric[axis].append(x, event.val_metric)

    def _positions(self, step: int, elapsed: float) -> dict:
        """Where the newest point lies on each x-axis; epochs count the examples seen in N-sized units."""
        return {EPOCH: self.samples_seen / self.n_train, STEP: step, SAMPLES_SEEN: self.samples_seen, TIME: elapsed}


# ------------------------------------------------------------------------------------------ the view
class VariantsView(SessionView, View):
    """Tick a lab's variants, train them one after another, read their overlaid curves, export them."""

    title = TranslatedText("VariantsView", QT_TRANSLATE_NOOP("VariantsView", "Lab variants"))
    guide_section = "view-variants"
    @property
    def has_own_run_controls(self) -> bool:
        """Whether the window's Start, Step and Speed stand aside while the view is shown: with a lab's variants,
        they would train the window's network, not the variants. With no lab the view has no button of its own
        and nothing to train; it leaves them alone."""
        return self.lab is not None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lab: labs.Lab | None = None
        self.session: VariantsSession | None = None
        self.curves: dict[str, VariantCurves] = {}
        self.states: dict[str, str] = {}
        self.endings: dict[str, events.TrainingFinished] = {}  # worded when shown (app.endings), in its language
        self._plot_items: dict[str, tuple] = {}
        self._datasets: dict = {}
        self._window_data: tuple | None = None
        self._current: str | None = None  # the variant being trained
        self._failure: str | None = None
        self._regression = False
        self._build()
        self._show_lab()
        QCoreApplication.instance().aboutToQuit.connect(self.stop_and_wait)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        # The base class lays out the note and the plots; the plots move right of the controls here.
        self.layout().removeWidget(self.graphics)
        self.content = ControlsBeside(self._build_controls(), self.graphics)
        self.layout().addWidget(self.content, 1)
        # Above the plots, where it hides no curve; a title too long for a narrow window runs past the
        # legend's box (cut at the edge) instead of widening the plots beyond the window.
        self.legend = laid_out_legend()
        self.legend.setMinimumWidth(0)
        self.graphics.addItem(self.legend, row=0, col=0)
        self.loss_plot = self.new_plot(1, 0, self.tr("Training loss (smoothed)"))
        self.val_loss_plot = self.new_plot(2, 0, self.tr("Validation loss"))
        self.metric_plot = self.new_plot(3, 0)
        # Shown for labs whose variants change the learning rate during the run (lab 10's schedules).
        self.lr_plot = self.new_plot(4, 0, self.tr("Learning rate η"), left=self.tr("η"))
        self.graphics.removeItem(self.lr_plot)
        for plot in (self.loss_plot, self.val_loss_plot):
            plot.setAxisItems({"left": LossAxis("left")})
            palette.style_plot(plot)
            plot.setLabel("left", self.tr("loss"), color=palette.FOREGROUND)
        line_up((self.loss_plot, self.val_loss_plot, self.metric_plot, self.lr_plot), LEFT_AXIS_WIDTH)
        for plot in (self.val_loss_plot, self.metric_plot, self.lr_plot):
            plot.setXLink(self.loss_plot)
        self.graphics.ci.layout.setRowStretchFactor(1, 3)
        self.graphics.ci.layout.setRowStretchFactor(2, 2)
        self.graphics.ci.layout.setRowStretchFactor(3, 2)
        self._set_metric_headers()
        self._apply_scales()

    def _build_controls(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        explanation = QLabel(self.tr("Each variant trains from its own start with the lab's configuration, "
                                     "one after another. The window's own run is not affected."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)

        variants_box = QGroupBox(self.tr("Variants"))
        variants = QVBoxLayout(variants_box)
        # A list, not checkboxes: its items wrap long titles (lab 10's, in Russian) in a narrow column.
        self.variant_list = QListWidget()
        self.variant_list.setWordWrap(True)
        self.variant_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.variant_list.setResizeMode(QListView.ResizeMode.Adjust)  # wrap again at every width
        self.variant_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.variant_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.variant_list.installEventFilter(self)  # its height follows its wrapped items (eventFilter)
        set_help(self.variant_list, self.tr("Tick the variants to train in the next run; each is drawn in the "
                                            "colour of its square."), self.tr("Variants"))
        self.variant_list.itemChanged.connect(self._show_run)
        variants.addWidget(self.variant_list)
        layout.addWidget(variants_box)

        run_box = QGroupBox(self.tr("Run"))
        run = QVBoxLayout(run_box)
        form = QFormLayout()
        self.max_epochs = IntegerBox(0, 100_000)
        self.max_epochs.setSpecialValueText(self.tr("as in the lab"))
        set_help(self.max_epochs, self.tr("Train each variant at most this many epochs; “as in the lab” trains "
                                          "each for the epochs its configuration sets."), self.tr("Epochs at most"))
        form.addRow(self.tr("Epochs at most"), self.max_epochs)
        run.addLayout(form)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Run all variants"))
        set_help(self.start_button, self.tr("Train every ticked variant, one after another; the previous curves "
                                            "are cleared."))
        self.start_button.clicked.connect(self.start)
        self.pause_button = QPushButton(self.tr("Pause"))
        set_help(self.pause_button, self.tr("Hold the variant being trained between two batches, or let it go on."))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button = QPushButton(self.tr("Stop"))
        set_help(self.stop_button, self.tr("End the variant being trained at its next batch; the variants after "
                                           "it are not run. The curves stay."))
        self.stop_button.clicked.connect(self.stop)
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        run.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        run.addWidget(self.status)
        layout.addWidget(run_box)

        display_box = QGroupBox(self.tr("Display"))
        display = QFormLayout(display_box)
        self.x_axis = QComboBox()
        self.x_axis.setProperty("translatedItems", True)
        for key, text in X_AXES.items():
            self.x_axis.addItem(translate(text), key)
        set_help(self.x_axis, self.tr("Against epochs, optimiser steps, training examples seen (batches of "
                                      "different sizes compared fairly) or each variant's own seconds."),
                 self.tr("x-axis"))
        self.x_axis.currentIndexChanged.connect(self._changed)
        display.addRow(self.tr("x-axis"), self.x_axis)
        self.log_scale = QCheckBox(self.tr("logarithmic loss axis"))
        set_help(self.log_scale, self.tr("Draw the losses on a logarithmic scale, where slow late progress "
                                         "stays visible."))
        self.log_scale.setChecked(True)
        self.log_scale.toggled.connect(self._apply_scales)
        display.addRow(self.log_scale)
        layout.addWidget(display_box)

        self.export_buttons = ExportButtons(
            self, self.tr("Export curves…"),
            self.tr("Save the curves as a CSV table: a column per variant, against the x-axis shown."),
            self.tr("Curves (*.csv)"))
        layout.addWidget(self.export_buttons)
        layout.addStretch(1)
        return panel

    # ------------------------------------------------------------------ the window's API
    def reset(self, experiment) -> None:
        """The window built a run: its data set is kept, to be used by the variants with the same data."""
        self.experiment = experiment
        self._window_data = (data_key(experiment.config), experiment.dataset)

    def on_progress(self, progress) -> None:
        """The window's own run does not concern the variants."""

    def refresh(self) -> None:
        if self._stale:
            self._stale = False
            self.redraw()

    def set_lab(self, lab: labs.Lab, options: dict | None = None) -> None:
        """Show ``lab``'s variants, ticked as its "variants" view's ``options`` say (``variants``:
        which ones, default all; ``x_axis``: epoch, step, samples_seen or time, default epoch).

        The same lab opened again (another variant chosen in the Lesson dock) leaves everything as it
        is; another lab stops a run of the previous one and clears its curves.
        """
        if self.lab is not None and lab.id == self.lab.id:
            return
        options = options or {}
        self._drop_session()
        self.lab = lab
        self._datasets = {}
        self.curves, self.states, self.endings = {}, {}, {}
        self._current = self._failure = None
        ticked = options.get("variants") or [variant.name for variant in lab.variants]
        self._fill_variants(ticked)
        with QSignalBlocker(self.x_axis):
            self.x_axis.setCurrentIndex(max(0, self.x_axis.findData(options.get("x_axis", EPOCH))))
        self._prepare_plots()
        self._show_lab()

    def chosen_variants(self) -> list[str]:
        """The names of the ticked variants, in the lab's order."""
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def _items(self) -> list[QListWidgetItem]:
        return [self.variant_list.item(row) for row in range(self.variant_list.count())]

    def changeEvent(self, event) -> None:
        """Texts from the lab (its title, the variants' titles) and composed ones follow the language."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "heading"):
            self._show_lab()
        super().changeEvent(event)

    # ------------------------------------------------------------------ running
    def start(self) -> None:
        """Train the ticked variants one after another, clearing the previous curves."""
        names = self.chosen_variants()
        if self.running or not names:
            return
        datasets = dict(self._datasets)
        wanted = {data_key(self.lab.variant(name).config) for name in names}
        if self._window_data is not None and self._window_data[0] in wanted:
            datasets.setdefault(*self._window_data)  # already loaded by the window: not loaded again
        self.curves = {name: VariantCurves() for name in names}
        self.states = dict.fromkeys(names, WAITING)
        self.endings = {}
        self._current = self._failure = None
        self._prepare_plots()
        self.session = VariantsSession(self.lab, names, max_epochs=self.max_epochs.value() or None,
                                       datasets=datasets, parent=self)
        self.session.progress.connect(self._on_progress)
        self.session.failed.connect(self._on_failed)
        self.session.ended.connect(self._on_ended)
        self.session.start()
        self._show_run()

    def toggle_pause(self) -> None:
        """Hold the run at its next batch, or let it go on."""
        if not self.running:
            return
        if self.session.control.paused:
            self.session.control.resume()
            self._set_states(PAUSED, TRAINING)
        else:
            self.session.control.pause()
        self._show_run()

    def _drop_session(self) -> None:
        """Stop a run whose curves are no longer wanted; what it still sends is ignored."""
        session, self.session = self.session, None
        if session is None:
            return
        session.progress.disconnect(self._on_progress)
        session.failed.disconnect(self._on_failed)
        session.ended.disconnect(self._on_ended)
        session.stop_and_wait()
        session.deleteLater()

    @Slot(object)
    def _on_progress(self, pairs: tuple) -> None:
        for name, event in pairs:
            kind = type(event)
            if kind is events.BatchFinished:
                self.curves[name].add_batch(event)
                if self.states[name] == PAUSED:
                    self.states[name] = TRAINING
            elif kind is events.EpochFinished:
                self.curves[name].add_epoch(event)
            elif kind is events.TrainingStarted:
                self.curves[name].start(event)
                self._mark_points(name, event)
                self.states[name] = TRAINING
                self._current = name
            elif kind is events.Paused:
                self.states[name] = PAUSED
            elif kind is events.TrainingFinished:
                self.states[name] = event.reason
                self.endings[name] = event
        self._show_run()
        self._changed()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._failure = message
        self._set_states(TRAINING, FAILED)
        self._set_states(PAUSED, FAILED)
        self._show_run()

    @Slot()
    def _on_ended(self) -> None:
        # Deleted later: this slot runs inside the session's own signal.
        self.session.deleteLater()
        self._datasets = self.session.datasets
        self.session = None
        self._set_states(WAITING, NOT_RUN)
        self._show_run()

    def _set_states(self, old: str, new: str) -> None:
        for name, state in self.states.items():
            if state == old:
                self.states[name] = new

    # ------------------------------------------------------------------ showing the lab and the run
    def _variant_title(self, name: str) -> str:
        return text_in(self.lab.variant(name).title, i18n.current_language())

    def _fill_variants(self, ticked: list[str]) -> None:
        """An item per variant of the lab, in its colour; its text is filled by :meth:`_show_variants`."""
        with QSignalBlocker(self.variant_list):
            self.variant_list.clear()
            for index, variant in enumerate(self.lab.variants):
                item = QListWidgetItem(swatch(index), "")
                item.setData(Qt.ItemDataRole.UserRole, variant.name)
                item.setCheckState(Qt.CheckState.Checked if variant.name in ticked else Qt.CheckState.Unchecked)
                self.variant_list.addItem(item)

    def _fit_controls(self) -> None:
        """Widen the column of controls to its content (its texts in this language), and make the list
        of variants as tall as its items (the column scrolls; a list scrolling inside it would hide some)."""
        column = self.content.column
        scroll_bar = column.verticalScrollBar().sizeHint().width()
        column.setMinimumWidth(column.widget().minimumSizeHint().width() + scroll_bar)
        rows = sum(self.variant_list.visualItemRect(item).height() for item in self._items())  # as wrapped
        self.variant_list.setFixedHeight(rows + 2 * self.variant_list.frameWidth())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.variant_list and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._fit_controls)  # after the items are laid out at the new width
        return super().eventFilter(watched, event)

    def _show_lab(self) -> None:
        """The texts taken from the lab (its title, the variants' titles) in the current language."""
        self.content.setVisible(self.lab is not None)
        if self.lab is None:
            self.show_note(self.tr("Open a lab with variants (Labs menu) to train them one after another "
                                   "and compare their curves here."))
            return
        self.show_note(None)
        self.heading.setText(self.tr("Lab {number}. {title}").format(
            number=self.lab.number, title=text_in(self.lab.title, i18n.current_language())))
        for name, (train, *_) in self._plot_items.items():
            self.legend.getLabel(train).setText(self._variant_title(name))
        self._show_run()
        # Once the layouts have taken in the new texts (their size hints are updated by posted events).
        QTimer.singleShot(0, self, self._fit_controls)

    def _show_run(self) -> None:
        """Each variant's state, the status line, and which controls can be used now."""
        self._show_variants()
        self._show_status()
        running = self.running
        ticked = bool(self.chosen_variants())
        self.start_button.setEnabled(not running and ticked)
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self.tr("Resume") if running and self.session.control.paused else self.tr("Pause"))
        self.stop_button.setEnabled(running)
        self.max_epochs.setEnabled(not running)

    def _show_variants(self) -> None:
        """Each variant's title and, below it, its state in the run; ticks are frozen while it runs."""
        help_text = self.tr("Tick to train this variant in the next run.")
        flags = Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.NoItemFlags if self.running else
                                              Qt.ItemFlag.ItemIsUserCheckable)
        lines_before = self._listed_lines()
        with QSignalBlocker(self.variant_list):  # its itemChanged means a tick changed
            for item in self._items():
                name = item.data(Qt.ItemDataRole.UserRole)
                state = self.states.get(name)
                lines = [self._variant_title(name), translate(STATES[state]) if state else ""]
                item.setText("\n".join(line for line in lines if line))
                ending = endings.describe(self.endings[name]) if name in self.endings else ""
                item.setToolTip("\n\n".join(text for text in (help_text, ending) if text))
                item.setForeground(QColor(DIVERGED_COLOUR if state == events.DIVERGED else palette.FOREGROUND))
                item.setFlags(flags)
        if self._listed_lines() != lines_before:
            # A state line came or went: the list grows or shrinks with it, once its items are laid out.
            QTimer.singleShot(0, self, self._fit_controls)

    def _listed_lines(self) -> int:
        return sum(item.text().count("\n") + 1 for item in self._items())

    def _show_status(self) -> None:
        states = set(self.states.values())
        if self._failure is not None:
            text = self.tr("The run failed: {message}").format(message=self._failure)
        elif self.running and PAUSED in states:
            text = self.tr("Paused between two batches.")
        elif self.running and self._current is not None:
            names = list(self.states)
            text = self.tr("Training {variant} ({index} of {count})…").format(
                variant=self._variant_title(self._current), index=names.index(self._current) + 1, count=len(names))
        elif not self.running and not self.chosen_variants():
            text = self.tr("Tick at least one variant.")
        elif not self.running and states:
            text = self.tr("Stopped.") if events.STOPPED in states else self.tr("Every variant is trained.")
        else:
            text = ""
        self.status.setText(text)

    # ------------------------------------------------------------------ drawing
    def _prepare_plots(self) -> None:
        for plot in (self.loss_plot, self.val_loss_plot, self.metric_plot, self.lr_plot):
            plot.clear()
        self.legend.clear()
        self._plot_items = {}
        names = list(self.curves)
        self._regression = any(losses.create(self.lab.variant(name).config.loss.name).task == "regression"
                               for name in names)
        for name in names:
            index = self._colour_index(name)
            train = self.loss_plot.plot(pen=palette.pen(index, 2))
            self.legend.addItem(train, self._variant_title(name))
            self._plot_items[name] = (train, self.val_loss_plot.plot(pen=palette.pen(index, 2)),
                                      self.metric_plot.plot(pen=palette.pen(index, 2)),
                                      self.lr_plot.plot(pen=palette.pen(index, 2)))
        shows_rates = self._shows_rates()
        if shows_rates != (self.lr_plot.scene() is not None):
            if shows_rates:
                # Out of the scene, it missed the language changes meanwhile: titled again.
                self.lr_plot.setTitle(self.tr("Learning rate η"), color=palette.FOREGROUND)
                self.lr_plot.setLabel("left", self.tr("η"), color=palette.FOREGROUND)
                self.graphics.addItem(self.lr_plot, row=4, col=0)
            else:
                self.graphics.removeItem(self.lr_plot)
            # An empty row with a stretch kept its share of the height: a blank fifth under the plots.
            self.graphics.ci.layout.setRowStretchFactor(4, 2 if shows_rates else 0)
        self._set_metric_headers()
        self._changed()

    def _shows_rates(self) -> bool:
        """Whether the learning-rate plot is shown: for a lab whose variants change the rate as they train."""
        return self.lab is not None and any(variant.config.schedule.name != "constant" for variant in self.lab.variants)

    def _colour_index(self, name: str) -> int:
        """A variant keeps its colour whichever others are ticked: the one of its place in the lab."""
        return [variant.name for variant in self.lab.variants].index(name)

    def _mark_points(self, name: str, started: events.TrainingStarted) -> None:
        """Dots on the variant's curves that have few points (see :data:`MAX_MARKED_POINTS`)."""
        train, val_loss, val_metric, rate = self._plot_items[name]
        colour = palette.series_color(self._colour_index(name))
        steps = started.epochs * started.steps_per_epoch
        for curve, points in ((train, steps), (val_loss, started.epochs), (val_metric, started.epochs),
                              (rate, steps)):
            if points <= MAX_MARKED_POINTS:
                curve.setSymbol("o")
                curve.setSymbolSize(5)
                curve.setSymbolBrush(colour)
                curve.setSymbolPen(None)

    def _set_metric_headers(self) -> None:
        title = self.tr("Validation R²") if self._regression else self.tr("Validation accuracy")
        self.metric_plot.setTitle(title, color=palette.FOREGROUND)
        self.metric_plot.setLabel("left", self.tr("R²") if self._regression else self.tr("accuracy"),
                                  color=palette.FOREGROUND)

    def _apply_scales(self) -> None:
        for plot in (self.loss_plot, self.val_loss_plot):
            plot.setLogMode(x=False, y=self.log_scale.isChecked())

    def redraw(self) -> None:
        axis = self.x_axis.currentData()
        for name, (train, val_loss, val_metric, rate) in self._plot_items.items():
            curves = self.curves[name]
            show(train, curves.train_loss[axis])
            # "finite" leaves gaps for NaN (no validation data) instead of dropping the whole curve.
            show(val_loss, curves.val_loss[axis], connect="finite")
            show(val_metric, curves.val_metric[axis], connect="finite")
            show(rate, curves.lr[axis])
        shows_rates = self._shows_rates()
        self.metric_plot.setLabel("bottom", "" if shows_rates else translate(X_AXES[axis]), color=palette.FOREGROUND)
        self.lr_plot.setLabel("bottom", translate(X_AXES[axis]) if shows_rates else "", color=palette.FOREGROUND)

    def table(self) -> tuple[list[str], list[list]]:
        """One row per series and point of the x-axis shown, one column per variant of the last run
        (empty where that variant has no point at that x)."""
        axis = self.x_axis.currentData()
        series_names = (self.tr("training loss, smoothed"), self.tr("validation loss"),
                        self.tr("validation R²") if self._regression else self.tr("validation accuracy"),
                        self.tr("learning rate"))
        names = list(self._plot_items)
        merged: dict[tuple[int, float], dict[str, float]] = {}
        for name in names:
            curves = self.curves[name]
            kept = (curves.train_loss, curves.val_loss, curves.val_metric)
            kept += (curves.lr,) if self._shows_rates() else ()
            for kind, stored in enumerate(kept):
                for x, y in zip(stored[axis].x, stored[axis].y):
                    merged.setdefault((kind, float(x)), {})[name] = float(y)
        header = [self.tr("series"), translate(X_AXES[axis]), *(self._variant_title(name) for name in names)]
        rows = [[series_names[kind], plain(x), *(values.get(name, "") for name in names)]
                for (kind, x), values in sorted(merged.items())]
        return header, rows
