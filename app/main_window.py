"""The workbench window: configuration panels, run controls, live views and a status bar.

The window holds one :class:`~app.config_model.ConfigModel`. While no run is going, a change of the
data, the network (but its dropout rates), the loss or the seed rebuilds the run
(:class:`core.experiment.Experiment`, fresh weights, views reset); other settings apply at the next
Start. During a run, the learning rate, momentum, L1/L2 and dropout rates are sent to the trainer
(they apply at the next batch, the batch size at the next epoch); any other change asks whether to
stop and reset.

Start after a run has ended continues training the same weights (to the planned epoch if the run
was interrupted, else for another ``epochs``); Reset re-initialises. A run trains in a process of
its own where the platform allows it (:mod:`app.training_process`), else on a thread.
"""
from __future__ import annotations

import collections
import dataclasses
import errno
import functools
import importlib
import json
import logging
import math
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QEvent, QSignalBlocker, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QDockWidget, QFileDialog, QLabel, QMainWindow, QMenu,
                               QMessageBox, QProgressBar, QScrollArea, QStackedWidget, QStyle, QTabWidget,
                               QToolButton, QVBoxLayout, QWidget)

from app.config_model import ConfigModel, get_path
from app.data_loader import DatasetLoader, describe_load_error
from app.dataset_download import DatasetDownload
from app.file_dialogs import ask_save_path
from app.gradient_check_dialog import GradientCheckDialog, GradientCheckSession
from app.help_menu import HelpMenu
from app.i18n import (LanguageMenu, PagesTranslatedLater, ensure_installed, format_integer, format_number,
                      format_percent, format_significant, os_error_reason)
from app.labs_ui import LabController
from app.message_bar import MessageBar
from app.messages import Progress
from app.panels.data_panel import DataPanel, large_values_text, missing_options
from app.panels.base import problem_text, refusal_text
from app.panels.network_panel import NetworkPanel
from app.panels.training_panel import RunPosition, TrainingPanel
from app.panels.widgets import INVALID_STYLE, set_help
from app.recent_files import RecentFilesMenu, is_model
from app import display_names, endings, gui_thread_gc, run_library, settings
from app.run_library import RunRecording, SavedRun, StillWriting, fits_weights, read_optimizer_state
from app.start_page import StartPage
from app.status_fields import StatusFields
from app.suggested_settings import SettingsSuggester
from app.training_process import training_session
from app.training_worker import RunSession
from core import config as run_config
from core import events, model_io, runs
from core._checks import NumberError
from core.config import ConfigError, RunConfig
from core.datasets.csv_import import CsvProblem
from core.datasets.dataset import DEFAULT_TEST_SPLIT
from core.datasets.locations import cache_folder
from core.datasets.magnitudes import find_large_values
from core.datasets.mnist import DatasetUnavailableError
from core.datasets.split import SplitProblem
from core.datasets.user_digits import TooFewDrawnDigits
from core.experiment import (Experiment, LossMisfit, build_augmenter, build_network, check_size, data_key,
                             output_width)
from core.inspection import inspect
from core.trainer import RegressionScores, batch_starts, evaluate, regression_scores

log = logging.getLogger(__name__)

OPEN_LAB = object()
""":meth:`MainWindow.open_config`'s default: the settings it replaces were set in the lab open now (or in none)."""

SPLIT_SETTINGS = {"test": ("data.options.test_split", DEFAULT_TEST_SPLIT),
                  "validation": ("data.validation_split", None), "max_train": ("data.options.max_train", None)}
"""The setting of each part a data set is split into (:class:`core.datasets.split.SplitProblem`'s ``part``), and
the value it has while the configuration leaves it out (an option of the loader's: its default)."""

REBUILD_DELAY_MS = 150
"""Edits are gathered this long before the run is rebuilt (a spin box sends one change per click)."""

RACE_SAVE_DELAY_MS = 1000
"""The race set up in the Compare view is kept this long after its last edit (a typed rate sends one per field)."""

CLOSE_TIMEOUT_MS = 1000
"""A run is asked to stop and given this long to end its batch when the window closes."""

SAVING_WAIT_S = 10.0
"""Opening the window's current run (or a model file of its folder) waits this long at most for its recording to
write what it has queued (the end of a run just finished: a fraction of a second), so that the files read are the
newest; the window is not held meanwhile. A writer still behind after that is said to be, and nothing is opened."""

FRAME_INTERVAL_MS = 40
"""Views and the status bar are redrawn at most 25 times a second, and never more than half the time:
a frame begins this long after the previous one began, or twice as long as that one took, up to
:data:`LONGEST_FRAME_INTERVAL_S`."""

LONGEST_FRAME_INTERVAL_S = 0.5
"""Frames begin at most this long apart while messages come. A frame is timed from its start to the
end of the repaints it caused, and something else may hold the GUI thread in between (a slow dialog,
a long garbage collection): a pause of 8 s there once held the next frame back for 16 s."""

STATUS_INTERVAL_S = 0.25
"""The status bar's numbers change at most four times a second: faster they cannot be read, and each
change repaints the bar (a few per cent of the GUI thread at every frame)."""

HOSTED_TOOLS = (("app.views.draw_view", "DrawView"), ("app.views.variants_view", "VariantsView"),
                ("app.views.activation_functions", "ActivationFunctionsView"),
                ("app.views.gradient_check_view", "GradientCheckView"),
                ("app.views.compare_view", "CompareView"), ("app.views.playground_view", "PlaygroundView"),
                ("app.views.runs_view", "RunsView"))
"""Tools hosted beside the live views, (module, class): the Draw view comes first, the others last."""

BUILT_ASIDE = 2_000_000
"""Networks of more parameters are built on the data loader's thread: drawing their initial weights takes
a tenth of a second and more (a second for 20 M), which the window would be frozen for."""

RATE_WINDOW_SECONDS = 2.0
IDLE, RUNNING, PAUSED = "idle", "running", "paused"


def build_aside(config: RunConfig, dataset, n_outputs: int, inspect_initial):
    """The network of ``config`` for ``dataset``, and ``inspect_initial(network, dataset)`` done (the views'
    cached inspection of its initial weights, drawn when it is installed): for 17 M weights each took a
    second of the GUI thread. In the data loader's thread."""
    network = build_network(config, dataset.n_features, n_outputs)
    inspect_initial(network, dataset)
    return network


def structure_signature(config: RunConfig) -> str:
    """What the built network and data depend on: changing any of it needs a new run.

    The augmentation is not part of it: the trainer applies it per batch from the next Start; nor are the
    dropout rates, which a built network takes on between batches (``Network.set_dropout``), but whether
    a layer has dropout (a layer of its own).
    """
    network = config.to_dict()["network"]
    for hidden in network["hidden"]:
        rate = hidden["dropout"]
        hidden["dropout"] = rate > 0 if isinstance(rate, (int, float)) else rate  # (an invalid value as it is)
    return json.dumps({"data": data_key(config), "network": network, "loss": config.loss.name},
                      sort_keys=True, default=str)


def merge_progress(messages: list[Progress]) -> Progress:
    """One message for several: all their events in order, the newest inspection and snapshot."""
    if len(messages) == 1:
        return messages[0]
    return Progress(tuple(batch for message in messages for batch in message.batches),
                    tuple(epoch for message in messages for epoch in message.epochs),
                    next((m.inspection for m in reversed(messages) if m.inspection is not None), None),
                    next((m.snapshot for m in reversed(messages) if m.snapshot is not None), None))


def default_loss(task: str) -> str:
    return "mse" if task == "regression" else "softmax_cross_entropy"


def live_changes(applied: RunConfig, edited: RunConfig, first_epoch: int = 0) -> dict | None:
    """The ``TrainingControl.change`` arguments turning ``applied`` into ``edited``, or None when
    ``edited`` differs in something a running trainer cannot change. The Epochs setting counts from
    ``first_epoch``; the trainer's ``epochs`` is the number of the epoch the run ends with."""
    merged, changes = applied.copy(), {}
    if edited.optimizer.name == applied.optimizer.name:
        old, new = applied.optimizer.options, edited.optimizer.options
        for key in ("lr", "momentum"):
            if key in new and new[key] != old.get(key):
                changes[key] = merged.optimizer.options[key] = new[key]
    for key in ("l1", "l2"):
        value = getattr(edited.regularization, key)
        if value != getattr(applied.regularization, key):
            changes[key] = value
            setattr(merged.regularization, key, value)
    for key in ("batch_size", "epochs"):
        value = getattr(edited.training, key)
        if value != getattr(applied.training, key):
            changes[key] = value + first_epoch if key == "epochs" else value
            setattr(merged.training, key, value)
    old_rates = [layer.dropout for layer in applied.network.hidden]
    new_rates = [layer.dropout for layer in edited.network.hidden]
    if len(old_rates) == len(new_rates) and old_rates != new_rates \
            and all((old > 0) == (new > 0) for old, new in zip(old_rates, new_rates)):
        changes["dropout"] = new_rates  # each hidden layer's; switching one on or off adds or takes out a layer
        for layer, rate in zip(merged.network.hidden, new_rates):
            layer.dropout = rate
    return changes if merged.to_dict() == edited.to_dict() else None


LOSS_MISFITS = {
    "regression": QT_TRANSLATE_NOOP("MainWindow", "“{data}” has numbers to predict (regression): choose the loss "
                                                  "{mse}, not {loss}"),
    "classification": QT_TRANSLATE_NOOP("MainWindow", "“{data}” has classes: {mse} needs numbers to predict; choose "
                                                      "{softmax}"),
    "two classes": QT_TRANSLATE_NOOP("MainWindow", "{loss} is for two classes, and “{data}” has {classes}: choose "
                                                   "{softmax}"),
    "multiclass": QT_TRANSLATE_NOOP("MainWindow", "{loss} is for {binary}, and the two classes of “{data}” are read "
                                                  "as {multiclass}: choose the task {binary}, or the loss {softmax}"),
}
"""What a :class:`core.experiment.LossMisfit` of each kind says, in the window's language."""


def loss_misfit_text(error: LossMisfit) -> str:
    """Why the loss does not suit the data, with the loss and data set named as the panels name them."""
    return QCoreApplication.translate("MainWindow", LOSS_MISFITS[error.kind]).format(
        data=display_names.label("dataset", error.dataset_name), loss=display_names.label("loss", error.loss_name),
        mse=display_names.label("loss", "mse"), softmax=display_names.label("loss", "softmax_cross_entropy"),
        classes=format_integer(error.n_classes), binary=display_names.label("task", "binary"),
        multiclass=display_names.label("task", "multiclass"))


KEYS_WHERE_THE_PLATFORM_HAS_NONE = {QKeySequence.StandardKey.SaveAs: "Ctrl+Shift+S",
                                    QKeySequence.StandardKey.Quit: "Ctrl+Q"}
"""Standard keys that Qt binds to nothing on some platform (both on Windows), and the keys they get there."""


def _recorded_lab(run_folder: Path) -> dict | None:
    """The teaching lab a run folder's run.json records (:attr:`core.runs.RunInfo.lab`); None where run.json cannot
    be read: a model file of the folder still opens with its weights and settings, as a model of no lab."""
    try:
        return runs.RunInfo.read(run_folder).lab
    except (OSError, ValueError):
        return None


def key_sequence(shortcut) -> QKeySequence:
    """The keys of ``shortcut`` (a text such as "F5", or a standard key in the platform's binding); a standard
    key the platform leaves unbound takes :data:`KEYS_WHERE_THE_PLATFORM_HAS_NONE`'s."""
    if isinstance(shortcut, QKeySequence.StandardKey) and not QKeySequence.keyBindings(shortcut):
        return QKeySequence(KEYS_WHERE_THE_PLATFORM_HAS_NONE.get(shortcut, ""))
    return QKeySequence(shortcut)


class MainWindow(QMainWindow):
    """The MLP Workbench main window; ``MainWindow()`` opens on the 8×8 digits with a small ReLU net."""

    experiment_built = Signal(object)
    """experiment_built(core.experiment.Experiment): a new run was built, before the views see it
    (a lab sets its hand-set weights here)."""

    experiment_changed = Signal(object)
    """experiment_changed(core.experiment.Experiment): a new run was built (fresh weights)."""

    state_changed = Signal(str)
    """state_changed(state): "idle", "running" or "paused"."""

    run_finished = Signal(object)
    """run_finished(core.events.TrainingFinished): a training run ended (any reason)."""

    def __init__(self, config: RunConfig | None = None, *, fit_loss_to_data: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        ensure_installed()  # texts shown from now on can be switched to another language
        gui_thread_gc.hold(self)  # the window's threads must never be the ones destroying widgets
        self.model = ConfigModel(config or RunConfig(), self)
        self.loader = DatasetLoader(self)
        self.experiment: Experiment | None = None
        self.session: RunSession | None = None
        self._views: list[QWidget] = []  # the live views made so far (see views)
        self.config_path: str | None = None
        self._state = IDLE
        self._built_signature: str | None = None
        self.gradient_check: GradientCheckSession | None = None  # Run ▸ Check gradients under way
        self._applied_config: RunConfig | None = None
        self._fit_loss = fit_loss_to_data
        self._dataset_name = self.model.config.data.dataset
        self._build_problems: list[ConfigError] = []
        self._wanted_data_key: str | None = None
        self._data_failure: tuple | None = None  # (data key, exception) of the data that failed to load
        self._large_values: tuple | None = None  # (data set, its values too large to train well): see _check_magnitudes
        self._large_values_warning = ""  # the message bar's warning of them, as it was shown
        self._weights_back_text = None  # composes the message bar's word that Go back put weights back, or None
        self._epochs_done = self._steps_done = self._planned_epochs = 0
        # The end a run that stopped early had been planned for, which the status bar gives (its plan ends where it
        # stopped, for Start to train the Epochs setting's epochs more), or 0.
        self._end_stopped_short_of = 0
        self._plan_start_epoch = 0  # the Epochs setting counts from here: where the last completed run ended
        self._epoch_samples = 0  # examples of the epoch under way trained so far
        self._rate_window: collections.deque = collections.deque()
        self._last_batch = self._last_epoch = None
        # The test scores of the last run's end: RegressionScores, or (loss, accuracy or R², whether R²).
        self._test_result: RegressionScores | tuple | None = None
        self._diverged = False  # the last run diverged: Start goes on with a fresh optimiser
        self._first_batch_loss: float | None = None
        self._fallback: events.Snapshot | None = None  # the weights a diverged run offers to go back to
        self._run_start_epoch = self._run_start_step = 0  # where the latest run started
        self._last_inspection = None  # the newest the views drew: its histogram grid is the run's
        self._worker_waiting = False
        # Weights set by hand that Undo sets back, newest last: (the network they were set in, the event).
        self._weights_set_by_hand: list[tuple[object, events.WeightSetByHand]] = []
        self._weights_sent: collections.deque[bool] = collections.deque()  # per weight sent to the run: an Undo's?
        self._weight_set_unsaid = False  # a paused run set a weight: its loss is said when it pauses again
        self._tools: list[QWidget] = []  # the hosted tools made so far (see tools)
        self._pages_to_make: list = []  # calls that each make a view or tool, in the order of their tabs
        self._stopped_views: list[tuple[QLabel, type]] = []  # (its tab's message, its class): see _call_tool
        self._page_timer = QTimer(self)
        self._page_timer.setSingleShot(True)
        self._page_timer.timeout.connect(self._make_next_page)
        self._pages_to_prepare: list[QWidget] = []  # made, never shown yet: see _prepare_next_page
        self._views_to_catch_up: list[QWidget] = []  # hidden views told of a run: see _catch_up_next_view
        self._catch_up_timer = QTimer(self)
        self._catch_up_timer.setSingleShot(True)
        self._catch_up_timer.timeout.connect(self._catch_up_next_view)
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.timeout.connect(self._prepare_next_page)
        self._race_to_restore = None  # the race set up when the window last closed, till the Compare view is made
        self._race_timer = QTimer(self)  # a race set up is kept a moment after its last edit (not lost in a crash)
        self._race_timer.setSingleShot(True)
        self._race_timer.setInterval(RACE_SAVE_DELAY_MS)
        self._race_timer.timeout.connect(self._save_race)
        self._run_imports_frozen = False
        self._signature_memo: tuple[int | None, str | None] = (None, None)  # see _config_signature
        self.recording: RunRecording | None = None
        self._writing: list[RunRecording] = []  # closed recordings whose writers still write (see _end_recording)
        # The recording that keeps the weights set by hand while no run trains (see _keep_weights_set).
        self._hand_kept: RunRecording | None = None
        self._ending_runs: list = []  # runs discarded mid-batch that end on their own (see _discard_session)
        self._saved_run: SavedRun | None = None  # waits for its run to be built
        # (run folder, history) the weights come from; the history is the recording of the run they were trained
        # in while its writer may still be writing it (see _origin_history).
        self._origin: tuple[Path | None, dict | RunRecording | None] | None = None
        self._replaced_run: Path | None = None  # the folder of the trained run fresh weights replaced last
        # An opening of the window's current run that waits for its recording to save (see _saved_by_now):
        # (recording, its mark of what to save first, the opening, the message saying so).
        self._awaiting_save: tuple[RunRecording, int, Callable[[], object], Callable[[], str]] | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.timeout.connect(self._give_up_waiting_for_save)
        self._first_run_shown = False  # the window's first run has been built (see _leave_draw_view_for_other_data)
        self._view_to_restore = ""  # the class name of the view shown when the window last closed, till its tab is made
        self.run_lab: dict | None = None
        """``{"lab": id, "variant": name}`` of the teaching lab the network's weights were trained in, or None."""
        self.recovery_box: QMessageBox | None = None
        self._closed = False
        self._recovery_offer: tuple[list, object] | None = None  # (interrupted runs, the box's "Reopen" button)

        self._document_title = ""  # the configuration file or lab the title names (see set_document_title)
        self._kept_settings: RunConfig | None = self.model.config.copy()  # as last opened or saved (see _mark_modified)
        # Changed settings another opening replaced: the configuration, its title and the lab it was set in.
        self._replaced_settings: tuple[RunConfig, str, dict | None] | None = None
        self.set_document_title("")
        self.setStyleSheet(INVALID_STYLE)
        # A window wider than its screen (a classroom projector's 1024 × 768) has controls out of reach.
        # (The primary screen: QWidget.screen() here, before the window exists, led to a crash on closing.)
        available = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1360, available.width()), min(860, available.height()))
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_panels()
        self._build_central()
        self._build_status_bar()
        self.labs = LabController(self)
        self.start_page = StartPage(self)
        self.menuBar().addMenu(self.tr("&Settings")).addMenu(LanguageMenu(self))
        self.help_menu = HelpMenu(self)
        self.menuBar().addMenu(self.help_menu)
        for menu in self.findChildren(QMenu):
            menu.setToolTipsVisible(True)  # an item's help on hover also while training (see event)

        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(REBUILD_DELAY_MS)
        self._rebuild_timer.timeout.connect(self.rebuild)
        self._pending_progress: list[Progress] = []
        self._frame_in_flight = False
        self._next_frame = 0.0  # time.perf_counter() from which the next frame may begin
        self._next_status = 0.0  # time.perf_counter() from which the status bar may change again
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.timeout.connect(self._draw_frame)
        self.model.changed.connect(self._config_changed)
        self.model.changed.connect(self._mark_modified)
        self.model.errors_changed.connect(self._errors_changed)
        self.loader.loaded.connect(self._data_loaded)
        self.loader.failed.connect(self._data_failed)
        self.loader.failed.connect(self._forget_saved_run)
        self.data_panel.download_requested.connect(self.download_data)
        self.suggester = SettingsSuggester(self.model, self.message_bar, self.training_panel.set_training_setting, self)
        self.data_panel.dataset_chosen.connect(self._suggest_settings)
        self._download: DatasetDownload | None = None
        self.experiment_built.connect(self._end_recording)
        self.experiment_changed.connect(self._restore_saved_run)
        self.experiment_changed.connect(self._leave_draw_view_for_other_data)
        self.model.changed.connect(self._forward_config)
        self.view_tabs.currentChanged.connect(self._shown_page_changed)
        self.central_pages.currentChanged.connect(self._shown_page_changed)
        # Pages not shown are translated after a language switch (app.i18n), then laid out again beforehand.
        PagesTranslatedLater(self.view_tabs).translated.connect(self._prepare_again)
        self._following_pages = True
        self._errors_changed(self.model.errors)
        gui_thread_gc.freeze_long_lived()  # the window is built and no run exists yet
        # The first run is built once the window is up: loading its data starts with imports
        # (scikit-learn, seconds) that would take the interpreter from building and painting the window.
        QTimer.singleShot(0, self, self._build_first_run)
        QTimer.singleShot(0, self, self.offer_recovery)

    # ================================================================== construction
    def _action(self, text: str, slot, shortcut=None, icon=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(key_sequence(shortcut))
            tip = f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})" if tip else tip
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setToolTip(tip or text.replace("&", ""))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.start_action = self._action(self.tr("&Start"), self.start, "F5", pixmap.SP_MediaPlay,
                                         self.tr("Train the network (continues a paused or finished run)"))
        self.pause_action = self._action(self.tr("&Pause"), self.toggle_pause, "F6", pixmap.SP_MediaPause,
                                         self.tr("Pause after the current batch, or resume"))
        self.pause_action.setCheckable(True)
        self.step_batch_action = self._action(self.tr("Step one &batch"), self.step_batch, "F7",
                                              pixmap.SP_MediaSeekForward,
                                              self.tr("Train exactly one batch, then pause"))
        self.step_epoch_action = self._action(self.tr("Step one &epoch"), self.step_epoch, "F8",
                                              pixmap.SP_MediaSkipForward,
                                              self.tr("Train to the end of the current epoch, then pause"))
        self.stop_action = self._action(self.tr("S&top"), self.stop, "Shift+F5", pixmap.SP_MediaStop,
                                        self.tr("Stop training after the current batch (the weights are kept)"))
        self.reset_action = self._action(self.tr("&Reset"), self.reset, "Ctrl+R", pixmap.SP_BrowserReload,
                                         self.tr("Stop and re-initialise the weights (same seed, same weights)"))
        self.reopen_replaced_action = self._action(self.tr("Reopen &it"), self.reopen_replaced_run, None, None,
                                                   self.tr("Reopen the trained run that new weights replaced"))
        self.restore_settings_action = self._action(
            self.tr("Bring them &back"), self.restore_replaced_settings, None, None,
            self.tr("Open again the settings you had changed before others replaced them"))
        self.go_back_action = self._action(self.tr("Go bac&k"), self.go_back, None, pixmap.SP_ArrowBack,
                                           self.tr("After a divergence: restore the weights of the run's epoch "
                                                   "with the lowest loss"))
        self.check_gradients_action = self._action(
            self.tr("Check &gradients"), self.check_gradients, "Ctrl+G", pixmap.SP_DialogApplyButton,
            self.tr("Compare backpropagation with numerical derivatives on the current network"))
        self.open_action = self._action(self.tr("&Open configuration…"), self._open_config_dialog,
                                        QKeySequence.StandardKey.Open, pixmap.SP_DialogOpenButton,
                                        self.tr("Open a run configuration (JSON)"))
        self.save_action = self._action(self.tr("&Save configuration"), self._save_config_dialog,
                                        QKeySequence.StandardKey.Save, pixmap.SP_DialogSaveButton,
                                        self.tr("Save the run configuration (JSON)"))
        # A bound method, not a lambda: a lambda holding self in a child's connection keeps a closed
        # window alive for ever (the connection lives in C++, out of the garbage collector's sight).
        self.save_as_action = self._action(self.tr("Save configuration &as…"), self._save_config_as_dialog,
                                           QKeySequence.StandardKey.SaveAs, None,
                                           self.tr("Save the run configuration under a new name"))
        self.export_view_action = self._action(self.tr("&Export current view…"), self._export_view_dialog,
                                               "Ctrl+E", None, self.tr("Save the shown view as PNG, SVG or CSV"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, None,
                                        self.tr("Close the window (a run is stopped first)"))
        self.open_model_action = self._action(self.tr("Open &model…"), self._open_model_dialog, "Ctrl+Shift+O",
                                              None, self.tr("Open a saved model: the Draw view classifies with it, "
                                                            "and its settings and weights are restored"))
        self.save_model_action = self._action(self.tr("Save mo&del…"), self._save_model_dialog, "Ctrl+Shift+M",
                                              None, self.tr("Save the network's weights with its settings and "
                                                            "the data it was trained on (.npz)"))
        self.export_metrics_action = self._action(self.tr("Export me&trics…"), self._export_metrics_dialog, None,
                                                  None, self.tr("Save the current run's per-epoch metrics as CSV"))

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.recent_menu = RecentFilesMenu(self)
        self.recent_menu.open_requested.connect(self.open_recent_file)
        file_menu.aboutToShow.connect(self.recent_menu.refresh)  # as another window or instance left the list
        for action in (self.open_action, self.save_action, self.save_as_action, None, self.open_model_action,
                       self.save_model_action, None, self.recent_menu.menuAction(), None, self.export_metrics_action,
                       self.export_view_action, None, self.quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        run_menu = menu.addMenu(self.tr("&Run"))
        for action in (self.start_action, self.pause_action, self.step_batch_action, self.step_epoch_action,
                       self.stop_action, None, self.reset_action, self.go_back_action, None,
                       self.check_gradients_action):
            run_menu.addSeparator() if action is None else run_menu.addAction(action)
        self.view_menu = menu.addMenu(self.tr("&View"))
        self.view_menu.addAction(self.export_view_action)

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Run"))
        toolbar.setObjectName("runToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.start_action, self.pause_action, self.step_batch_action, self.step_epoch_action,
                       self.stop_action, self.reset_action, None, self.check_gradients_action):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        toolbar.addSeparator()
        self.pace_box = QComboBox()
        self.pace_box.setProperty("translatedItems", True)
        self.pace_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "Полная скор" was cut
        for text, epochs_per_second in PACES:
            self.pace_box.addItem(QCoreApplication.translate("MainWindow", text), epochs_per_second)
        set_help(self.pace_box, self.tr("How fast the network trains: at full speed a small data set trains in a "
                                        "fraction of a second; slowed down, the views are drawn after every step, "
                                        "and the decision boundary can be watched as it bends."), self.tr("Speed"))
        self.pace_box.currentIndexChanged.connect(self._apply_pace)  # a bound method: a lambda kept the window alive
        pace_label = QLabel(self.tr("Speed"))
        pace_label.setBuddy(self.pace_box)
        pace_label.setContentsMargins(0, 0, 6, 0)
        toolbar.addWidget(pace_label)
        toolbar.addWidget(self.pace_box)

    def _build_panels(self) -> None:
        self.data_panel = DataPanel(self.model)
        self.network_panel = NetworkPanel(self.model)
        self.training_panel = TrainingPanel(self.model)
        self.panel_tabs = QTabWidget()
        self.panel_tabs.setAccessibleName(self.tr("Configuration"))
        self._panel_titles = [self.tr("Data"), self.tr("Network"), self.tr("Training")]
        for panel, title in zip((self.data_panel, self.network_panel, self.training_panel), self._panel_titles):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(panel)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.panel_tabs.addTab(scroll, title)
        dock = QDockWidget(self.tr("Configuration"), self)
        dock.setObjectName("configurationDock")
        dock.setWidget(self.panel_tabs)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable |
                         QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        dock.setMinimumWidth(340)
        self.configuration_dock = dock
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.resizeDocks([dock], [self.default_dock_width()], Qt.Orientation.Horizontal)
        self._name_dock_action()
        dock.windowTitleChanged.connect(self._name_dock_action)  # Qt names the action after the title anew
        self.view_menu.addAction(dock.toggleViewAction())

    def default_dock_width(self) -> int:
        """The dock's first width: 400 pixels, or wider where a panel's rows need more (a larger font, a
        user's accessibility setting, would otherwise hide their ends behind a horizontal scroll bar).
        A character's width to spare: the data set's description, shown once loaded, widens its panel a little."""
        scroll = self.panel_tabs.widget(0)
        frames = 2 * (scroll.frameWidth() + self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth))
        widest = max(self.panel_tabs.widget(index).widget().minimumSizeHint().width()
                     for index in range(self.panel_tabs.count()))
        spare = self.fontMetrics().averageCharWidth()
        return max(400, widest + scroll.verticalScrollBar().sizeHint().width() + frames + spare)

    def _name_dock_action(self, *_title) -> None:
        """View ▸ Configuration with a mnemonic, which the dock's title has not."""
        self.configuration_dock.toggleViewAction().setText(self.tr("&Configuration"))

    def _build_central(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        self.message_bar = MessageBar()
        layout.addWidget(self.message_bar)
        self.view_tabs = QTabWidget()
        self.view_tabs.setAccessibleName(self.tr("Live views"))
        # Fifteen tabs do not fit a narrow window: every view is also one click away in this list.
        self.views_menu = QMenu(self.tr("&Go to view"), self)
        self.views_menu.aboutToShow.connect(self._list_view_tabs)
        self.views_menu.triggered.connect(self._go_to_view)
        views_button = QToolButton()
        views_button.setMenu(self.views_menu)
        views_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        views_button.setArrowType(Qt.ArrowType.DownArrow)
        set_help(views_button, self.tr("List every view and go to one"), self.tr("All views"))
        self.view_tabs.setCornerWidget(views_button, Qt.Corner.TopRightCorner)
        self.view_menu.addMenu(self.views_menu)
        self.central_pages = QStackedWidget()  # the start page (app.start_page) lies over the views
        self.central_pages.addWidget(self.view_tabs)
        layout.addWidget(self.central_pages, 1)
        self.setCentralWidget(central)
        self._create_views()
        self._create_tools()

    def _list_view_tabs(self) -> None:
        self.views_menu.clear()
        tabs = self.view_tabs
        for index in range(tabs.count()):
            if tabs.isTabVisible(index):
                action = self.views_menu.addAction(tabs.tabText(index))
                action.setCheckable(True)
                action.setChecked(index == tabs.currentIndex())
                action.setData(index)

    def _go_to_view(self, action: QAction) -> None:
        self.view_tabs.setCurrentIndex(action.data())

    def _create_views(self) -> None:
        """The live views, after the Draw view: made after the window's first paint (see :meth:`_create_tools`)."""
        self._pages_to_make.append(self._list_views)

    def _list_views(self) -> None:
        try:
            from app.views import all_views
            view_classes = list(all_views())
        except Exception as error:  # a missing or broken views package must not stop the window
            log.exception("the live views could not be loaded")
            self._add_placeholder(self.tr("Views"), self.tr("The live views are not available: %1")
                                  .replace("%1", str(error)))
            return
        if not view_classes:
            self._add_placeholder(self.tr("Views"), self.tr("No live views are installed."))
        self._pages_to_make[0:0] = [functools.partial(self._make_view, view_class) for view_class in view_classes]

    def _make_view(self, view_class: type) -> None:
        try:
            view = view_class()
        except Exception as error:
            log.exception("view %s failed to start", view_class.__name__)
            self._add_placeholder(str(getattr(view_class, "title", view_class.__name__)),
                                  self.tr("This view failed to start: %1").replace("%1", str(error)))
            return
        self._views.append(view)
        self.view_tabs.addTab(view, str(view.title))
        self._connect_view(view)
        self._catch_up(view)
        if self.experiment is not None:
            self._show_applicable_views(self.experiment.dataset)
        self._restore_view()

    def _create_tools(self) -> None:
        """Host the tools beside the live views: the Draw view first (drawing a digit is what most
        people do first), then after the live views a lab's variants, the activation functions, the
        gradient check, the optimiser race, the loss-surface playground and the run library. A tool that
        fails to load leaves a note in its tab.

        Only the Draw view is made now. The live views and the other tools (1.1 s of making, most of
        the window's) are made after the window's first paint, one per turn of the event loop
        (:meth:`event`), their tabs added as they come — or all at once when something asks for
        :attr:`views` or :attr:`tools` first. At launch the start page lies over them anyway."""
        self._make_tool(*HOSTED_TOOLS[0])
        self._pages_to_make += [functools.partial(self._make_tool, *tool) for tool in HOSTED_TOOLS[1:]]
        self.view_tabs.setCurrentIndex(0)

    def _make_tool(self, module_name: str, class_name: str) -> None:
        index = 0 if class_name == "DrawView" else self.view_tabs.count()
        try:
            tool = getattr(importlib.import_module(module_name), class_name)()
        except Exception as error:  # a broken tool must not stop the window
            log.exception("tool %s failed to start", class_name)
            self._add_placeholder(class_name.removesuffix("View"),
                                  self.tr("This tool failed to start: %1").replace("%1", str(error)), index)
            return
        self._tools.append(tool)
        self.view_tabs.insertTab(index, tool, str(tool.title))
        self._restore_view()
        if class_name == "RunsView":
            tool.open_requested.connect(self.open_run)
        self._catch_up(tool)
        if class_name == "CompareView":  # after catching up: the epochs kept are those chosen for its data
            self._restore_race_in(tool)
            tool.setup_changed.connect(self._race_timer.start)

    def _connect_view(self, view: QWidget) -> None:
        """A live view that asks something of the window (the Network view: a weight set by hand) is heard."""
        weight_set = getattr(view, "weight_set", None)
        if weight_set is not None:
            weight_set.connect(self.set_weight)
            view.undo_requested.connect(self.undo_weight_set)

    def _catch_up(self, page: QWidget) -> None:
        """A view or tool made after the window is told what the others were told."""
        if self.experiment is not None:
            self._call_tool(page, "reset", self.experiment)
            self._views_to_catch_up.append(page)
            self._catch_up_timer.start()
        self._call_tool(page, "set_network_at_rest", self.experiment is not None and self._network_at_rest())
        self._call_tool(page, "set_training", not self._network_at_rest())
        if not self.model.validation_errors:
            self._call_tool(page, "set_config", self.model.config)

    def _make_next_page(self) -> None:
        self._pages_to_make.pop(0)()
        if self._pages_to_make:
            self._page_timer.start()
        else:
            self._pages_made()

    def restore_layout(self, saved: settings.Settings) -> None:
        """The window as it last closed (:meth:`save_layout`): its size and place, its dock's, the panel
        and the view shown (chosen when its tab is made, unless another was chosen by then)."""
        self.restoreGeometry(QByteArray.fromBase64(saved.window_geometry.encode("ascii")))
        self.restoreState(QByteArray.fromBase64(saved.window_state.encode("ascii")))
        if 0 <= saved.panel < self.panel_tabs.count():
            self.panel_tabs.setCurrentIndex(saved.panel)
        self._view_to_restore = saved.view
        self._restore_view()

    def _restore_view(self) -> None:
        if not self._view_to_restore:
            return
        for index in range(self.view_tabs.count()):
            if type(self.view_tabs.widget(index)).__name__ == self._view_to_restore:
                if self.view_tabs.isTabVisible(index) and self.view_tabs.currentIndex() == 0:
                    self.view_tabs.setCurrentIndex(index)
                self._view_to_restore = ""
                return

    def restore_race(self, setup, problem: str | None = None) -> None:
        """The Compare view as the user last set it up (:meth:`_save_race`; ``setup`` is a
        :class:`app.race_setup.RaceSetup`, or None for a first launch), restored when the view is made; ``problem``
        says why the kept setup could not be read: the view then starts from its first preset, and the message
        bar says so."""
        if problem is not None:
            self.show_message(self.tr("The race set up in Compare optimisers when the window last closed could not "
                                      "be read (%1); the view starts from its first preset.").replace("%1", problem),
                              "warning")
        self._race_to_restore = setup
        compare = self._tool("CompareView", made_only=True)
        if compare is not None:
            self._restore_race_in(compare)

    def _restore_race_in(self, compare) -> None:
        # Over a lab's race, it waits for the lab to close (CompareView.leave_lab).
        if self._race_to_restore is not None:
            compare.restore_setup(self._race_to_restore)
        self._race_to_restore = None

    def _save_race(self) -> None:
        """Keep the race set up in the Compare view for the next launch (:meth:`restore_race`): not a lab's (the
        user's own stays kept), nor a view's not made yet (the one kept waits to be restored in it)."""
        self._race_timer.stop()
        compare = self._tool("CompareView", made_only=True)
        setup = compare.race_setup() if compare is not None else None
        if setup is not None:
            settings.save_last_race(setup)

    def save_layout(self) -> None:
        """Keep the window's size, place, dock, panel and view for the next launch (:meth:`restore_layout`)."""
        saved = settings.load()
        saved.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        saved.window_state = bytes(self.saveState().toBase64()).decode("ascii")
        saved.panel = self.panel_tabs.currentIndex()
        saved.view = type(self.view_tabs.currentWidget()).__name__ if self.view_tabs.count() else ""
        settings.save(saved)

    def _make_pending_pages(self) -> None:
        if self._pages_to_make:
            self._page_timer.stop()
            while self._pages_to_make:
                self._pages_to_make.pop(0)()
            self._pages_made()

    def _pages_made(self) -> None:
        if not self._closed:
            gui_thread_gc.freeze_newcomers()  # the views and tools live as long as the window
            self._pages_to_prepare = [self.view_tabs.widget(index) for index in range(self.view_tabs.count())]
            self._prepare_timer.start()

    def _prepare_again(self, page: QWidget) -> None:
        if not self._closed and page not in self._pages_to_prepare:
            self._pages_to_prepare.append(page)
            self._prepare_timer.start()

    def _prepare_next_page(self) -> None:
        """Show a tab's page that is not shown, and hide it again in the same turn of the event loop (nothing is
        painted in between), one page a turn once every page is made: its first show — polishing and laying out its
        widgets, sizing its plots, 10–25 ms of the GUI thread for the Compare and Loss surfaces tabs — is then done
        before its tab is clicked, which took twice as long to answer the first time (a block of 55 ms while
        training). Waits while the start page covers the tabs (a page of a hidden widget is not shown)."""
        tabs = self.view_tabs
        if not tabs.isVisible():
            return  # _shown_page_changed starts again once the tabs are
        while self._pages_to_prepare:
            page = self._pages_to_prepare.pop(0)
            index = tabs.indexOf(page)
            if index < 0 or page.isVisible() or not tabs.isTabVisible(index) \
                    or not getattr(page, "laid_out_beforehand", True):
                continue  # gone, shown by now, not for these data, or it must not be: when it is chosen, then
            focused = QApplication.focusWidget()  # a page shown may take the keyboard (the Draw view's canvas)
            page.setGeometry(tabs.currentWidget().geometry())
            page.show()
            page.hide()
            if focused is not None and QApplication.focusWidget() is not focused:
                focused.setFocus()
            break
        if self._pages_to_prepare:
            self._prepare_timer.start()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.StatusTip and self._state != IDLE:
            return True  # a menu hovered while training hid the epoch, loss and time left (the menus' tooltips tell)
        handled = super().event(event)
        # The window has painted: the other views and tools now.
        if event.type() == QEvent.Type.Paint and self._pages_to_make and not self._page_timer.isActive():
            self._page_timer.start()
        return handled

    @property
    def views(self) -> list[QWidget]:
        """The live views (app.views), every one of them made by now (see :meth:`_create_tools`)."""
        self._make_pending_pages()
        return self._views

    @property
    def tools(self) -> list[QWidget]:
        """The hosted tools (see :meth:`_create_tools`), every one of them made by now."""
        self._make_pending_pages()
        return self._tools

    def _tool(self, class_name: str, *, made_only: bool = False):
        tools = self._tools if made_only else self.tools
        return next((tool for tool in tools if type(tool).__name__ == class_name), None)

    @property
    def draw_view(self):
        """The Draw view (app.views.draw_view.DrawView), or None if it failed."""
        return self._tool("DrawView", made_only=True)  # made with the window

    @property
    def runs_view(self):
        """The Runs view (app.views.runs_view.RunsView), or None if it failed."""
        return self._tool("RunsView")

    def _add_placeholder(self, title: str, text: str, index: int = -1) -> QLabel:
        """A tab at ``index`` (-1: last) saying ``text`` where a view or tool could not be made."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view_tabs.insertTab(index, label, title)
        return label

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_labels = {}
        for key, name in (("state", self.tr("Run state")), ("epoch", self.tr("Epoch")), ("step", self.tr("Step")),
                          ("loss", self.tr("Loss")), ("metric", self.tr("Accuracy")), ("test", self.tr("Test set")),
                          ("speed", self.tr("Samples per second")), ("elapsed", self.tr("Elapsed time")),
                          ("eta", self.tr("Time left"))):
            label = QLabel()
            label.setAccessibleName(name)
            label.setContentsMargins(6, 0, 6, 0)
            self.status_labels[key] = label
            # Not permanent: a message ("Завершено эпох: 20.") takes their place for its few seconds,
            # where beside them it was cut short in a narrow window ("Завершено эпох: 2").
            bar.addWidget(label)
        self.status_labels["test"].setToolTip(self.tr(
            "The network's loss and accuracy on the test set, measured once when a run ends: the validation set "
            "guides training, the test set is kept apart to tell how well the network does on new examples. "
            "With scaled regression targets the loss is that of the scaled targets; R² is the same in the data's "
            "units, and RMSE = √(mean (ŷ − y)²) is in them."))
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Training progress"))
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.setFormat("%p %")  # as every percent of the window is written (i18n.format_percent)
        self.progress_bar.setRange(0, 100)  # whole percents: a repaint only when the number changes
        bar.addPermanentWidget(self.progress_bar)
        StatusFields(bar, [self.status_labels[key] for key in STATUS_FIELDS_BY_NEED], [self.progress_bar])
        self._clear_status()

    # ================================================================== state
    @property
    def state(self) -> str:
        """"idle" (no run going), "running" or "paused"."""
        return self._state

    @property
    def epochs_done(self) -> int:
        """Epochs trained since the network was (re-)initialised."""
        return self._epochs_done

    @property
    def steps_done(self) -> int:
        """Optimiser steps taken since the network was (re-)initialised."""
        return self._steps_done

    @property
    def planned_end(self) -> int:
        """The epoch the run under way, or the last one, is planned to end with (counted as :attr:`epochs_done`)."""
        return self._planned_epochs

    def _set_state(self, state: str) -> None:
        self._worker_waiting = False  # every command sets the worker going; its next Paused event says it waits
        if state == RUNNING or (self._state == IDLE and state == PAUSED):
            self._stop_waiting_for_save()  # trained on: the run waited for to open is another by now
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)
            if state == IDLE:
                self._call_views("on_run_ended")  # the Draw view no longer says "the model being trained"
        if state != RUNNING:  # no time is left, and no speed, while nothing runs
            self.status_labels["eta"].setText("")
            self.status_labels["speed"].setText("")
        self.training_panel.set_run_position(self._run_position())
        self._update_actions()

    def _is_built(self) -> bool:
        """An experiment exists and matches the configuration's data, network, loss and seed."""
        return self.experiment is not None and self._built_signature == self._config_signature()

    def _config_signature(self) -> str:
        """:func:`structure_signature` of the configuration, worked out once per change of it: it takes ~2 ms in the
        window (the whole configuration as a dict, twice, and as JSON), and :meth:`_update_actions` asks twice at
        every change of a setting, of the run's state or of the page shown."""
        generation, signature = self._signature_memo
        if generation != self.model.generation:
            signature = structure_signature(self.model.config)
            self._signature_memo = (self.model.generation, signature)
        return signature

    def _network_at_rest(self) -> bool:
        """No run, or a paused one whose worker has reported that it waits: the weights do not change."""
        return self.session is None or (self._state == PAUSED and self._worker_waiting)

    def _update_actions(self) -> None:
        valid, built = self.model.is_valid, self._is_built()
        idle, paused = self._state == IDLE, self._state == PAUSED
        can_train = valid and ((idle and built) or paused)
        # A tool with Start, Pause and Stop of its own (the optimiser race, the lab's variants) is shown: the
        # toolbar's would train the workbench's run, out of sight, while the user meant the tool's.
        elsewhere = self._tool_with_own_run_controls_shown()
        for action in (self.start_action, self.step_batch_action, self.step_epoch_action):
            action.setEnabled(can_train and not elsewhere)
            action.setToolTip(action.statusTip())
        self.pace_box.setEnabled(not elsewhere)
        self.pace_box.setToolTip(self.pace_box.property("helpText"))
        # Resume, like Start, would train the workbench's run out of sight; a run going on can still be paused.
        self.pause_action.setEnabled(not idle and not (paused and elsewhere))
        self.pause_action.setToolTip(self.pause_action.statusTip())
        with QSignalBlocker(self.pause_action):
            self.pause_action.setChecked(paused)
        self.pause_action.setText(self.tr("Resume") if paused else self.tr("&Pause"))
        self.stop_action.setEnabled(not idle)
        self.reset_action.setEnabled(not idle or not self.model.validation_errors)
        self.go_back_action.setEnabled(idle and self._fallback is not None and self._is_built())
        at_rest = self.experiment is not None and self._network_at_rest()
        self.check_gradients_action.setEnabled(at_rest and self.gradient_check is None)
        self._call_views("set_network_at_rest", at_rest)  # the Gradient check view checks only then
        self._call_views("set_undo_available", at_rest and bool(self._hand_set_here()))
        self._call_views("set_training", not self._network_at_rest())  # the Draw view names the run's model by it
        self.save_action.setEnabled(not self.model.validation_errors)
        self.save_as_action.setEnabled(not self.model.validation_errors)
        idle_text = self.tr("Paused (diverged)") if self._fallback is not None else self.tr("Ready")
        self.status_labels["state"].setText({IDLE: idle_text if can_train else self.tr("Not ready"),
                                             RUNNING: self.tr("Training"),
                                             PAUSED: self.tr("Paused")}[self._state])
        if elsewhere:
            reason = self.tr("This view has its own buttons to run, pause and stop its training; the toolbar's "
                             "train the workbench's network, shown in the other views.")
            for action in (self.start_action, self.step_batch_action, self.step_epoch_action,
                           *((self.pause_action,) if paused else ())):
                action.setToolTip(reason)
            self.pace_box.setToolTip(f"{reason}\n\n{self.pace_box.property('helpText')}")
        elif not valid:
            first = self.model.errors[0]
            panel = next((candidate for candidate in (self.data_panel, self.network_panel, self.training_panel)
                          if candidate.owns(first.field)), None)
            _, where, problem = panel.located_problem(first) if panel is not None \
                else (None, first.field, problem_text(first))
            self.start_action.setToolTip(self.tr("Fix the marked settings first: %1")
                                         .replace("%1", f"{where}: {problem}"))

    def _tool_with_own_run_controls_shown(self) -> bool:
        """Whether the central area shows a tool that runs its own training (``has_own_run_controls``)."""
        shown = self.central_pages.currentWidget() is self.view_tabs and self.view_tabs.currentWidget()
        return bool(getattr(shown, "has_own_run_controls", False))

    def _shown_page_changed(self, index: int) -> None:
        self._update_actions()
        if self._pages_to_prepare:
            self._prepare_timer.start()

    def _errors_changed(self, errors: list[ConfigError]) -> None:
        panels = (self.data_panel, self.network_panel, self.training_panel)
        for index, (panel, title) in enumerate(zip(panels, self._panel_titles)):
            has_errors = any(panel.owns(error.field) for error in errors)
            self.panel_tabs.setTabText(index, f"⚠ {title}" if has_errors else title)
        self._update_actions()

    # ================================================================== configuration → run
    def _config_changed(self, path: str) -> None:
        config = self.model.config
        if config.data.dataset != self._dataset_name or path.startswith("data.options"):
            # Other data, or a CSV file's task: the next data loaded gets a loss that suits it.
            self._dataset_name, self._fit_loss = config.data.dataset, True
        if self.session is not None:
            self._apply_during_run()
        elif self._config_signature() != self._built_signature:
            self._rebuild_timer.start()
        else:
            self._check_augmentation()
        self._update_actions()

    def _apply_during_run(self) -> None:
        if self.model.validation_errors:
            return  # the marked control says what is wrong; the trainer keeps its settings meanwhile
        changes = live_changes(self._applied_config, self.model.config, self._plan_start_epoch)
        if changes is None:
            if self.confirm_reset(self.tr("This change needs a new run. Stop training and re-initialise "
                                          "the network with the new settings?")):
                self.reset()
            else:
                self.model.replace(self._applied_config, keep_edits=True)
            return
        if changes:
            self.session.control.change(**changes)
            self._applied_config = self.model.config.copy()
            self._built_signature = structure_signature(self._applied_config)
            if "epochs" in changes:  # an epoch under way is finished first
                self._planned_epochs = self._run_position().plan(self.model.config.training.epochs)[1]
                self._show_progress()

    def _suggest_settings(self, name: str) -> None:
        """The data set ``name`` chosen in the Data panel gets the settings suggested for it. Not in a lab, whose
        settings are the lesson's; nor when the choice was taken back (a run going on was kept)."""
        if self.labs.lab is None and self.model.config.data.dataset == name:
            self.suggester.suggest(name)

    def confirm_reset(self, question: str) -> bool:
        """Ask before discarding a run (tests replace this method)."""
        answer = QMessageBox.question(self, self.tr("Reset the run?"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _build_first_run(self) -> None:
        # Not when a run was asked for meanwhile (a model opened from the command line) or the window closed.
        if self._wanted_data_key is None and not self._closed:
            self.rebuild()

    def rebuild(self) -> None:
        """Build a new run from the configuration: load the data (off the GUI thread), then the network."""
        self._rebuild_timer.stop()
        if self.session is not None:
            return
        self._built_signature = None  # set again when the new run is built
        if self.model.validation_errors:
            return
        missing = missing_options(self.model.config)
        self._set_build_problems(missing)
        if missing:
            option = missing[0].field.rsplit(".", 1)[-1]  # named as the Data panel names it ("File: choose one")
            named = display_names.label("hyperparameter", option)
            self._forget_data(self.tr("No data is loaded: %1: %2.").replace("%1", named)
                              .replace("%2", problem_text(missing[0])))
            return
        self.data_panel.set_dataset(None, loading=True)
        self._wanted_data_key = data_key(self.model.config)
        self.loader.request(self.model.config)

    def _data_loaded(self, key: str, dataset) -> None:
        if key != self._wanted_data_key or self.session is not None:
            return
        saved = self._saved_run
        if saved is not None and key == data_key(saved.config) and saved.rescales(dataset):
            # Scaled again for it on the loader's thread: MNIST's splits take 0.3 s, which froze the window.
            self.loader.run_aside(functools.partial(saved.scaled_data, dataset),
                                  functools.partial(self._saved_run_data_scaled, key, saved))
            return
        self._use_data(key, dataset)

    def _saved_run_data_scaled(self, key: str, saved: SavedRun, scaled) -> None:
        """The data of ``saved`` (a run or model being opened) scaled as its file records (``scaled``: the future of
        :meth:`app.run_library.SavedRun.scaled_data`): the run is built, unless another was asked for meanwhile."""
        if key == self._wanted_data_key and self.session is None and self._saved_run is saved:
            self._use_data(key, scaled.result())

    def _use_data(self, key: str, dataset) -> None:
        """Build the run of the configuration on ``dataset``, its data loaded (and scaled for a saved run)."""
        self._data_failure = None
        self.data_panel.offer_download(None)
        config = self.model.config.copy()
        self.data_panel.set_dataset(dataset)
        self._check_magnitudes(key, dataset)
        if self._fit_loss:
            self._fit_loss = False
            try:
                output_width(dataset, config.loss.name)
            except ValueError:
                loss = default_loss(dataset.task)
                self.show_message(self.tr("The loss is now %1, which suits this data (%2).")
                                  .replace("%1", display_names.label("loss", loss))
                                  .replace("%2", display_names.label("task", dataset.task)))
                self.model.set("loss.name", loss, by_user=False)
                return
        try:
            n_outputs = output_width(dataset, config.loss.name)
            if check_size(config, dataset.n_features, n_outputs) > BUILT_ASIDE:
                self.statusBar().showMessage(self.tr("Building the network…"))
                from app.views.base import inspection_of  # in this thread: the views' module, loaded by now

                self.loader.run_aside(functools.partial(build_aside, config, dataset, n_outputs, inspection_of),
                                      functools.partial(self._network_built, config, dataset))
                return
            experiment = Experiment(config, dataset=dataset)
        except (ValueError, MemoryError) as error:
            self._refuse_build(config, dataset, error)
            return
        self._adopt_experiment(experiment)

    def _check_magnitudes(self, key: str, dataset) -> None:
        """Look for values of ``dataset`` too large to train well (:func:`find_large_values`) on the loader's
        thread (MNIST takes 30 ms), once per data set: the Data panel then warns of them, and the message bar
        the first time (not again at every change of the network, which gives the same data again)."""
        if self._large_values is not None and self._large_values[0] is dataset:
            self.data_panel.set_large_values(self._large_values[1], self._unscaled_on_purpose())
            return
        self._withdraw_large_values_warning()  # of the data replaced
        self.loader.run_aside(functools.partial(find_large_values, dataset),
                              functools.partial(self._magnitudes_checked, key, dataset))

    def _magnitudes_checked(self, key: str, dataset, checked) -> None:
        """The values of ``dataset`` too large to train well are found (``checked``, a future)."""
        if key != self._wanted_data_key:  # other data were chosen meanwhile
            return
        self._large_values = dataset, checked.result()
        self.data_panel.set_large_values(self._large_values[1], self._unscaled_on_purpose())
        self._warn_of_large_values(dataset)

    def _unscaled_on_purpose(self) -> tuple:
        """The parts of the data with large values (:attr:`_large_values`) that the open lab's variant trains on
        unscaled to show what that does (:meth:`app.labs_ui.LabController.unscaled_on_purpose`)."""
        dataset, found = self._large_values
        return tuple(large.part for large in found if self.labs.unscaled_on_purpose(dataset, large.part))

    def show_large_values_again(self) -> None:
        """A lab opened or closed around the data shown: the Data panel and the message bar say again what their
        large values mean, the lab's variant training on them unscaled on purpose or not (a message dismissed stays
        so)."""
        shown = self.experiment.dataset if self.experiment is not None else None
        if self._large_values is None or self._large_values[0] is not shown:
            return  # other data are loading: they are checked when they come
        self.data_panel.set_large_values(self._large_values[1], self._unscaled_on_purpose())
        if self._large_values_warning and self.message_bar.shows(self._large_values_warning):
            self._withdraw_large_values_warning()
            self._warn_of_large_values(self.experiment.dataset)

    def _warn_of_large_values(self, dataset) -> None:
        """Warn in the message bar that ``dataset`` has values too large to train well, unless it has none or
        the bar says so already: when they load, and when a run on them diverges. Those a lab's variant trains on
        unscaled on purpose are said as information: it does not ask the student to change them."""
        if self._large_values is None or self._large_values[0] is not dataset:
            return
        warning = self._large_values_text()
        if warning and not self.message_bar.shows(warning):
            level = "warning" if len(self._unscaled_on_purpose()) < len(self._large_values[1]) else "info"
            self.message_bar.show_message(warning, level, compose=self._large_values_text)
        self._large_values_warning = warning

    def _large_values_text(self) -> str:
        dataset, found = self._large_values
        on_purpose = self._unscaled_on_purpose()
        return " ".join(large_values_text(dataset, large, large.part in on_purpose) for large in found)

    def _withdraw_large_values_warning(self) -> None:
        """The data the message bar warned of are gone (other data, or none): so is the warning."""
        self.message_bar.remove(self._large_values_warning)
        self._large_values_warning = ""

    def _network_built(self, config: RunConfig, dataset, built) -> None:
        """A network built on the loader's thread (``built``, a future): the run's, unless the settings
        moved on meanwhile (their own build comes) or a run started."""
        self.statusBar().clearMessage()
        if self.session is not None or self._wanted_data_key != data_key(config) \
                or self._config_signature() != structure_signature(config):
            return
        try:
            experiment = Experiment(config, dataset=dataset, network=built.result())
        except (ValueError, MemoryError) as error:
            self._refuse_build(config, dataset, error)
            return
        self._adopt_experiment(experiment)

    def _refuse_build(self, config: RunConfig, dataset, error: Exception) -> None:
        self.experiment = None
        # A loss that does not fit the data, unless the error names its own setting (a network
        # too large for this computer).
        field = getattr(error, "field", "loss.name")
        if isinstance(error, LossMisfit):
            reason = loss_misfit_text(error)
        else:
            reason = str(error) if isinstance(error, ValueError) else self.tr(
                "there is not enough memory to build this network; use fewer or smaller layers")
        self._set_build_problems([ConfigError(field, get_path(config, field), reason)])
        self.network_panel.set_shape(dataset.n_features, None, None)
        self._update_actions()

    def _adopt_experiment(self, experiment: Experiment) -> None:
        self.experiment = experiment
        self._set_build_problems([])
        self._install_experiment(experiment)

    def _set_build_problems(self, problems: list[ConfigError]) -> None:
        self._build_problems = problems
        self._check_augmentation()

    def _check_augmentation(self) -> None:
        """The augmentation is only built at Start; try it now so that a bad strength is shown in place."""
        problems = list(self._build_problems)
        if self.experiment is not None:
            try:
                build_augmenter(self.model.config, self.experiment.dataset)
            except (ValueError, TypeError) as error:
                problems.append(ConfigError("data.augmentation", self.model.config.data.augmentation, str(error)))
        self.model.set_build_errors(problems)

    def download_data(self, source) -> None:
        """Download ``source``'s files (a :class:`core.datasets.mnist.IdxSource`) with a progress
        dialog; once they are there, build the run again."""
        if self._download is not None:
            return
        self._download = DatasetDownload(source, self)
        self._download.finished.connect(self._download_finished)
        self.data_panel.offer_download(source, downloading=True)
        self._download.start()

    def _download_finished(self, succeeded: bool, message: str) -> None:
        source = self._download.source
        self._download = None
        # The offer follows the data chosen now (the window stayed usable during the download).
        failure = self._data_failure[1] if self._data_failure is not None else None
        self.data_panel.offer_download(failure.source if isinstance(failure, DatasetUnavailableError) else None)
        if succeeded:
            self.show_message(self.tr("%1 downloaded: its files are checked and kept in %2.")
                              .replace("%1", display_names.label("dataset", source.name))
                              .replace("%2", str(cache_folder() / source.folder_name)))
            # The window stayed usable during the download: a run built meanwhile on other data stays.
            if self.model.config.data.dataset == source.name and not self._is_built():
                self.rebuild()
        elif message:
            self.show_message(message, "error")

    def _data_failed(self, key: str, message: str, error: BaseException) -> None:
        if key != self._wanted_data_key:
            return
        self._data_failure = (key, error)  # worded again in another language (changeEvent)
        self._forget_data(self.tr("The data could not be loaded: %1").replace("%1", message))
        self.data_panel.offer_download(error.source if isinstance(error, DatasetUnavailableError) else None,
                                       downloading=self._download is not None)
        self.network_panel.set_shape(None, None, None)
        problem = ConfigError("data.options", self.model.config.data.dataset, message)
        if isinstance(error, CsvProblem):  # marked at the file, the label column or the task
            problem = dataclasses.replace(problem, field=f"data.options.{error.option}")
        if isinstance(error, SplitProblem):  # marked at the setting it asks to change
            field, default = SPLIT_SETTINGS[error.fields["part"]]
            try:
                value = self.model.get(field)
            except KeyError:  # an option left out: the loader split with its default
                value = default
            problem = dataclasses.replace(problem, field=field, value=value)
        if isinstance(error, TooFewDrawnDigits) and error.enough_without_validation:
            problem = dataclasses.replace(problem, field="data.validation_split",  # the way out in this window
                                          value=self.model.config.data.validation_split)
        if isinstance(error, NumberError):  # an option out of its loader's rules: worded in the window's language
            problem = dataclasses.replace(problem, rule=error.rule, bound=error.bound, subject=error.what, got=error.got)
        self._set_build_problems([problem])
        self._update_actions()

    def _forget_data(self, reason: str) -> None:
        """No data is loaded: the last data's summary, status and plots go, and the views say ``reason``."""
        self.experiment = None
        self.data_panel.set_dataset(None)
        self._withdraw_large_values_warning()
        self._withdraw_weights_back()
        self._clear_status()
        for view in self._views:
            self._call_tool(view, "forget_data", reason)

    def _install_experiment(self, experiment: Experiment) -> None:
        # Fresh weights for changed data or network (or Reset) replace a trained network without a
        # question, as in TensorFlow Playground: the message says where it is kept and reopens it.
        replaced = self._trained_run() if self._saved_run is None else None
        set_by_hand = self._hand_kept is not None
        self._frame_timer.stop()
        self._pending_progress = []
        self._diverged = False
        self._last_inspection = None
        self._offer_going_back(None)
        self._withdraw_weights_back()
        self.experiment = experiment
        self._built_signature = structure_signature(experiment.config)
        self._epochs_done = self._steps_done = self._planned_epochs = self._plan_start_epoch = 0
        self._end_stopped_short_of = 0
        self._epoch_samples = 0
        self.run_lab = None
        network = experiment.network
        self.network_panel.set_shape(network.n_inputs, network.n_outputs, network.n_parameters)
        self.training_panel.set_training_size(len(experiment.dataset.X_train))
        self._clear_status()
        self.statusBar().clearMessage()  # "Finished 20 epochs." stayed beside the fresh weights of a Reset
        self.experiment_built.emit(experiment)
        self._call_views("reset", experiment)
        self._catch_up_views_later()
        self._restart_stopped_views()  # after: a new view is told the experiment once, by _catch_up
        self._show_applicable_views(experiment.dataset)
        self._update_actions()
        self.experiment_changed.emit(experiment)
        self.loader.prepare_engine(experiment)
        self.message_bar.withdraw(self.reopen_replaced_action)
        self._replaced_run = replaced[0] if replaced is not None and replaced[2] else None
        if replaced is not None:
            text = self.tr("New weights: the network set by hand before is kept in the Runs view as “%1”.") \
                if set_by_hand else self.tr("New weights: the network trained before is kept in the Runs view as “%1”.")
            self.show_message(text.replace("%1", replaced[1]), "info",
                              self.reopen_replaced_action if replaced[2] else None)

    def _trained_run(self) -> tuple[Path, str, bool] | None:
        """(run folder, name, whether reopening the run gives back the network) of the network trained so
        far, if it was trained and its run saved, or set by hand and kept (:meth:`_keep_weights_set`). Reopened, a
        run gives its last weights: the network's when it was trained into its recording or its weights set by hand
        were kept in it, but not after Go back, a rewind to a checkpoint or a checkpoint opened as a model (their run
        is named, not offered)."""
        if self._hand_kept is not None:
            folder = self._hand_kept.folder if self._hand_kept.error is None else None
        elif not self._steps_done:
            return None
        elif self.recording is not None:
            folder = self.recording.folder if self.recording.error is None else None
        else:
            folder = self._origin[0] if self._origin is not None else None  # reopened, not trained further
        reopens = self.recording is not None or self._hand_kept is not None
        try:
            return (folder, runs.RunInfo.read(folder).name, reopens) if folder is not None else None
        except (OSError, ValueError):  # its run.json damaged: nothing to reopen
            return None

    def reopen_replaced_run(self) -> bool:
        """Reopen the trained run that the last fresh weights replaced (see :meth:`open_run`)."""
        folder, self._replaced_run = self._replaced_run, None
        self.message_bar.withdraw(self.reopen_replaced_action)
        return folder is not None and self.open_run(folder)

    # ================================================================== run controls
    def start(self, paused: bool = False) -> None:
        """Start training (or resume a paused run); with ``paused``, start held at the first batch."""
        if self._state == PAUSED and not paused:
            self.resume()
            return
        if self._state != IDLE or not (self.model.is_valid and self._is_built()):
            return
        self._make_pending_pages()  # every view follows the run from its first batch
        config = self.model.config.copy()
        # Going on from where the last run stopped, with its optimiser's state (Adam's moments, the
        # momentum), unless that run diverged: its state may hold the step that overflowed.
        experiment = Experiment(config, dataset=self.experiment.dataset, network=self.experiment.network,
                                continues=None if self._diverged else self.experiment)
        run_lab = self._next_run_lab()
        self.message_bar.dismiss()  # before the recording says it cannot save (dismissed after, it went unseen)
        try:
            recording = self._recording_for(config, experiment, run_lab)
        except StillWriting as error:  # the run it branches from: its history is not all written yet
            # Refused before anything changed: a diverged run still offers Go back, a Start later goes on alike.
            self.say_still_writing(error)
            return
        self.experiment, self.run_lab = experiment, run_lab
        done = self._epochs_done
        self._plan_start_epoch, self._planned_epochs = self._run_position().plan(config.training.epochs)
        self._end_stopped_short_of = 0
        options = dict(track_gradient_norms=True, start_epoch=done, start_step=self._steps_done,
                       epochs=self._planned_epochs)
        self._applied_config = config
        self._diverged = False
        self._offer_going_back(None)
        self._run_start_epoch, self._run_start_step = done, self._steps_done
        self._first_batch_loss = None  # this Start's, for _warn_if_the_loss_grows
        self._rate_window.clear()
        if recording is not None:
            recording.optimizer = experiment.optimizer()
        # A process is forked only while no thread of the window compiles kernels (see training_session):
        # the engine's preparation for this run is done and no race of a tool runs. Else a thread trains.
        prepared = self.loader.engine_prepared(experiment)
        if not prepared:
            self.loader.prepare_engine(experiment)  # for the next Start
        may_fork = prepared and not any(getattr(tool, "running", False) for tool in [*self._views, *self._tools])
        # The histograms' "initial" outline stays the weights the training began from, not this Start's.
        session = training_session(experiment, options, paused=paused, parent=self, recording=recording,
                                   may_fork=may_fork, initial_inspection=self._last_inspection)
        session.started.connect(self._on_started)
        session.progress.connect(self._on_progress)
        session.paused.connect(self._on_paused)
        session.weight_set.connect(self._on_weight_set)
        session.finished.connect(self._on_finished)
        session.failed.connect(self._on_failed)
        session.ended.connect(self._on_session_ended)
        self.session = session
        self._test_result = None  # the last end's: this run has yet to end
        self._write_test_result()
        session.start()
        self._apply_pace()
        self._set_state(PAUSED if paused else RUNNING)

    def _next_run_lab(self) -> dict | None:
        """The lab the network's next run is of (its run library's ``lab``, :meth:`runs.RunRecorder`'s)."""
        if not self._steps_done:  # fresh weights: they are trained in the lab open now (or in none)
            return self.labs.open_variant()
        # Trained on with its lab closed, its locks did not hold: a lab's network trained further with
        # another optimiser, then again with the lab's, exported as the lab's with nothing changed.
        return self.run_lab if self.run_lab == self.labs.open_variant() else None

    def _apply_pace(self, *_) -> None:
        """The speed chosen, as a pause between batches of the run under way (epochs per second → seconds
        per batch, for this data and batch size)."""
        if self.session is None or self.experiment is None:
            return
        epochs_per_second = self.pace_box.currentData()
        batches = len(batch_starts(len(self.experiment.dataset.X_train), self.model.config.training.batch_size,
                                   self.experiment.network.min_training_batch))
        self.session.control.set_pace(1.0 / (epochs_per_second * batches) if epochs_per_second else 0.0)

    def pause(self) -> None:
        if self._state == RUNNING:
            self.session.control.pause()
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self._state == PAUSED:
            self._rate_window.clear()
            self.session.control.resume()
            self._set_state(RUNNING)

    def toggle_pause(self) -> None:
        self.resume() if self._state == PAUSED else self.pause()

    def step_batch(self) -> None:
        """Train exactly one batch, then pause (starts a paused run when none is going)."""
        if self._state == IDLE:
            self.start(paused=True)
        if self.session is not None:
            self.session.control.step_batch()
            self._set_state(PAUSED)

    def step_epoch(self) -> None:
        """Train to the end of the current epoch, then pause."""
        if self._state == IDLE:
            self.start(paused=True)
        if self.session is not None:
            self._rate_window.clear()
            self.session.control.step_epoch()
            self._set_state(RUNNING)

    def stop(self) -> None:
        """Stop after the current batch; the trained weights stay (Start continues from them)."""
        if self.session is not None:
            self.session.control.stop()

    def reset(self) -> None:
        """Stop any run and rebuild it from the configuration with freshly initialised weights."""
        self._discard_session()
        self.rebuild()

    def _discard_session(self, may_let_end: bool = True) -> None:
        """Stop the run now and forget it; its late messages are dropped. Nothing waits for it: it ends its batch
        on its own and completes its recording then (RunSession.let_end; waiting held the window for 100 ms, for a
        thread's run 1 s, and a batch of 4096 × 4096 units takes 2-3 s). Reset and another configuration build a
        network of their own meanwhile; the discarded one is left to the run. Unless not ``may_let_end`` (its
        weights are set next) or the window closes: the window then waits for it, and keeps its recording."""
        session, self.session = self.session, None
        if session is None:
            return
        session.blockSignals(True)
        self._weights_sent.clear()
        self._weight_set_unsaid = False
        if may_let_end and not self._closed:
            session.let_end()
            self._ending_runs = [run for run in self._ending_runs if run.running] + [session]
        elif not session.stop_and_wait(CLOSE_TIMEOUT_MS):
            # A thread of this process may train the window's network: it must let go of it first.
            log.warning("the run did not stop within %d ms; waiting for its batch", CLOSE_TIMEOUT_MS)
            session.wait()
        if self._last_batch is not None:
            self._epochs_done, self._steps_done = self._last_batch.epoch, self._last_batch.step
        self._set_state(IDLE)

    # ================================================================== run events
    def _on_started(self, event: events.TrainingStarted) -> None:
        self._epoch_samples = 0  # the trainer begins a fresh pass, even after a stop within an epoch

    def _on_progress(self, progress: Progress) -> None:
        """Keep the counters current; the views and the status bar catch up at the next frame."""
        for batch in progress.batches:
            self._rate_window.append((batch.elapsed, batch.samples_seen))
            self._epoch_samples = (0 if batch.batch_in_epoch == 0 else self._epoch_samples) + batch.batch_size
        while self._rate_window and self._rate_window[-1][0] - self._rate_window[0][0] > RATE_WINDOW_SECONDS:
            self._rate_window.popleft()
        if progress.batches:
            self._last_batch = progress.batches[-1]
            self._steps_done = self._last_batch.step
            if not self._run_imports_frozen:
                # What a run needs is imported by now (numba and its compiled kernels, ~40,000
                # objects, by the engine's preparation or a training thread): out of the collector's
                # walks, they no longer make each full collection in the GUI thread 25-190 ms longer.
                self._run_imports_frozen = True
                gui_thread_gc.freeze_newcomers()
        if progress.epochs:
            self._last_epoch = progress.epochs[-1]
            self._epochs_done = self._last_epoch.epoch
        self._warn_if_the_loss_grows(progress)
        self._pending_progress.append(progress)
        if not (self._frame_timer.isActive() or self._frame_in_flight):
            self._schedule_frame()

    def _warn_if_the_loss_grows(self, progress: Progress) -> None:
        """Say once an epoch whose training loss is :data:`GROWING_LOSS` × the loss of this Start's first
        batch: a loss that grows but stays finite never stops the run as diverged (Adam at a learning
        rate of 100 swung between 20 and 130 on two moons, from 0.7). The first batch is read from the first
        message that holds batches, whether or not an epoch ended in it: taken from the first message with an
        epoch's end, it was a later batch's loss, already grown, whenever the first batches came alone (a stepped
        batch, a message sent mid-epoch on a loaded machine), and nothing was said."""
        if self._first_batch_loss is None and progress.batches:
            self._first_batch_loss = progress.batches[0].loss
        start = self._first_batch_loss
        if start is None or not start > 0:
            return
        for epoch in progress.epochs:
            if epoch.train_loss > GROWING_LOSS * start:
                self.show_message(self.tr("The training loss has grown from %1 to %2 since this run started: the "
                                          "learning rate is probably too large. Try one ten times smaller.")
                                  .replace("%1", format_significant(start, 3))
                                  .replace("%2", format_significant(epoch.train_loss, 3)), "warning")
                self._first_batch_loss = math.inf  # said once per Start
                return

    def _schedule_frame(self) -> None:
        """Draw as soon as the frame rate allows: waiting a whole frame interval after a message
        arrived, on top of the wait for the message, made ~14 frames a second of the 25 allowed."""
        self._frame_timer.start(max(0, math.ceil(1000 * (self._next_frame - time.perf_counter()))))

    def _draw_frame(self) -> None:
        """Hand the views everything since the last frame as one message (one redraw, not one per message)."""
        self._frame_timer.stop()
        if not self._pending_progress:
            return
        began = time.perf_counter()
        progress, self._pending_progress = merge_progress(self._pending_progress), []
        if began >= self._next_status:
            self._next_status = began + STATUS_INTERVAL_S
            self._show_progress()
        self._call_views("on_progress", progress)
        if progress.inspection is not None:
            self._last_inspection = progress.inspection
        self._frame_in_flight = True
        # A zero timer runs once the repaints this frame caused are done: the frame's true cost.
        QTimer.singleShot(0, self, lambda: self._frame_done(began))

    def _frame_done(self, began: float) -> None:
        self._frame_in_flight = False
        self._next_frame = began + min(LONGEST_FRAME_INTERVAL_S,
                                       max(FRAME_INTERVAL_MS / 1000, 2 * (time.perf_counter() - began)))
        if self._pending_progress:
            self._schedule_frame()

    def _on_paused(self, event: events.Paused) -> None:
        self._draw_frame()
        self._show_progress()  # the frame may have left the status bar a quarter second behind
        self._rate_window.clear()
        if self.session is not None and self.session.control.paused:
            self._set_state(PAUSED)
            self._worker_waiting = True
            self._update_actions()
            if self._weight_set_unsaid:  # the window's network holds the weight set by now
                self._weight_set_unsaid = False
                if self.recording is not None:  # saved at once, as between runs: a crash would lose it
                    self.recording.keep_weights(self.experiment.network.state(), self._epochs_done,
                                                self._steps_done, paused=True)
                self._say_weight_set()

    def _on_finished(self, event: events.TrainingFinished) -> None:
        self._draw_frame()
        self._show_progress()  # the frame may have left the status bar a quarter second behind
        self._epochs_done, self._steps_done = event.epoch, event.step
        self._diverged = event.reason == events.DIVERGED
        if self._diverged:
            self._offer_going_back(event.fallback)
            self.show_message(self.tr("Paused: %1").replace("%1", endings.describe(event)), "error",
                              self.go_back_action if self._fallback is not None else None)
            # A lower learning rate, the message's first advice, does not cure data this large: say what does.
            self._warn_of_large_values(self.experiment.dataset)
        elif event.reason == events.EARLY_STOPPED:
            self.show_message(endings.describe(event), "info")
        elif event.reason == events.COMPLETED:
            finished = endings.describe(event)  # "finished 1 epoch", "finished 20 epochs"
            self.statusBar().showMessage(f"{finished[:1].upper()}{finished[1:]}.", 5000)
        else:
            stopped = self.tr("Stopped after 1 step; Start continues from here.") if event.step == 1 else \
                self.tr("Stopped after %1 steps; Start continues from here.").replace("%1", format_integer(event.step))
            self.statusBar().showMessage(stopped, 5000)
        if not self._diverged:
            self._show_test_result()
        if event.reason == events.EARLY_STOPPED:
            self._end_stopped_short_of, self._planned_epochs = self._planned_epochs, event.epoch
        elif event.reason == events.COMPLETED:  # a later end asked for as the run ended is where Start goes on to
            self._planned_epochs = max(event.epoch, self._plan_start_epoch + self._applied_config.training.epochs)
        self._show_progress()
        self._call_views("on_run_finished", event)  # the Draw view names the model by how its run ended
        self.run_finished.emit(event)

    def _show_test_result(self) -> None:
        """The ended run's loss and accuracy (R²) on the test set, once (TensorFlow Playground shows a test
        loss; here the validation set plays its part during training, and the test set is measured apart)."""
        dataset = self.experiment.dataset
        if not len(dataset.X_test):
            return
        if dataset.target_scaler is not None:  # its loss is not in the data's units: give R² and RMSE, which are
            self._test_result = regression_scores(self.experiment.network, dataset.X_test,
                                                  dataset.original_targets(dataset.y_test), dataset.target_scaler)
        else:
            self._test_result = (*evaluate(self.experiment.network, dataset.X_test, dataset.y_test),
                                 self._is_regression())
        self._write_test_result()

    def _write_test_result(self) -> None:
        """The test result measured at the run's end, in the interface language: composed again when the language
        changes, or its numbers kept the decimal point of the language they were first written in."""
        result = self._test_result
        if result is None:
            text = ""
        elif isinstance(result, RegressionScores):
            text = (self.tr("test: R² %1, RMSE %2, loss %3 (scaled targets)")
                    .replace("%1", format_number(result.r2, 3))
                    .replace("%2", format_significant(result.rmse))
                    .replace("%3", format_significant(result.loss)))
        else:
            loss, value, regression = result
            text = (self.tr("test: loss %1, %2 %3").replace("%1", format_significant(loss))
                    .replace("%2", self._metric_name(regression))
                    .replace("%3", format_number(value, 3) if regression else format_percent(value)))
        self.status_labels["test"].setText(text)

    def _offer_going_back(self, fallback: events.Snapshot | None) -> None:
        """Name the weights Go back restores: the diverged run's best epoch, or where the run started."""
        self._fallback = fallback
        if fallback is None:
            self.go_back_action.setText(self.tr("Go bac&k"))
            self.message_bar.withdraw(self.go_back_action)  # Reset, a new network or data, a new run
        elif fallback.step == self._run_start_step:
            self.go_back_action.setText(self.tr("Go bac&k to the run's start"))
        else:
            self.go_back_action.setText(self.tr("Go bac&k to epoch %1").replace("%1", format_integer(fallback.epoch)))

    def go_back(self) -> None:
        """After a divergence, put back the weights its run offers (its last finite ones may be so large
        that any learning rate diverges again from them). The run is rewound to them: its counters, its
        curves (from the run library's record) and its record, which Start goes on from as a new run
        branched at that epoch, as from a saved checkpoint."""
        fallback, experiment = self._fallback, self.experiment
        if fallback is None or self._state != IDLE or not self._is_built():
            return
        try:
            recorded = self.current_history()  # before anything changes: the run may still be being saved
        except StillWriting as error:
            self.say_still_writing(error)
            return
        from_start = fallback.step == self._run_start_step
        self._offer_going_back(None)
        experiment.network.load_state(fallback.state)
        self._epochs_done, self._steps_done, self._epoch_samples = fallback.epoch, fallback.step, 0
        self._end_recording(branch=True)
        if self._origin is not None and recorded is not None:
            self._origin = self._origin[0], run_library.history_until(recorded, fallback.epoch, fallback.step)
        self._clear_status()  # the diverged steps' loss and accuracy go; the history's last ones come back
        self._call_views("reset", experiment)
        self._replay_history(experiment, self.current_history(), self._last_inspection, fallback)
        self.message_bar.dismiss()

        def restored() -> str:
            return self.tr("The weights this run started from are back. Lower the learning rate before Start: "
                           "the optimiser starts afresh.") if from_start else \
                self.tr("The weights of epoch %1, where this run's loss was lowest, are back. Lower the learning rate "
                        "before Start: the optimiser starts afresh.").replace("%1", format_integer(fallback.epoch))

        self._weights_back_text = restored
        self.message_bar.show_message(restored(), "info", compose=restored)
        self._update_actions()

    def _withdraw_weights_back(self) -> None:
        """The weights Go back put back are gone (Reset, other data or network, a run opened): so is its message,
        which went on saying so beside the next one ("New weights: …")."""
        if self._weights_back_text is not None:
            self.message_bar.remove(self._weights_back_text())
            self._weights_back_text = None

    def set_weight(self, layer: int, source: int, unit: int, value: float, undoing: bool = False) -> bool:
        """Set by hand the weight from unit ``source`` of the layer below (−1: the bias) to unit ``unit`` of the
        network's Dense layer ``layer`` (all counted from 0), as the lectures set XNOR's, while the network does not
        train: before Start or after a run ended, or paused — the engine then sets it between batches and stays
        paused, and Step or Resume train on from it. Every view shows it, the status bar the loss it gives and the
        Loss view the step; Undo sets it back (``undoing``: this is that Undo). Set between runs, the run library
        keeps it at once (:meth:`_keep_weights_set`) and records it as the first weights of the next run (branched
        from the run trained so far); set while paused, as the paused run's last weights once it has paused again
        (:meth:`_on_paused`). File ▸ Save model saves it. False, with a message, when the weight cannot be set
        now."""
        if self.experiment is None or not self._is_built() or not self._network_at_rest():
            self.show_message(self.tr("The weights can be set by hand only while the network is not training: pause "
                                      "the run, or wait for it to end.") if self.experiment is not None else
                              self.tr("There is no network yet: its data is not loaded."), "warning")
            return False
        network, dataset = self.experiment.network, self.experiment.dataset
        source_or_bias = None if source < 0 else source
        try:
            value = network.check_weight(layer, source_or_bias, unit, value)
        except ValueError as error:  # a view that lags behind the network (it is redrawn after this)
            self.show_message(self.tr("This weight cannot be set: %1").replace("%1", str(error)), "warning")
            return False
        if self.session is not None:  # paused between batches: the engine sets it (see _on_weight_set)
            self._weights_sent.append(undoing)
            self.session.control.set_weight(layer, source_or_bias, unit, value)
            self._set_state(PAUSED)  # its weights change: at rest again when the run says it waits
            return True
        old = network.weight(layer, source_or_bias, unit)
        network.set_weight(layer, source_or_bias, unit, value)
        if self.recording is not None:  # its weights jumped: what trains next is a run of its own
            self._end_recording(branch=self._steps_done > 0, keep_open=True)
        self._keep_weights_set()
        self._offer_going_back(None)  # it would undo what was set, not a divergence
        self._withdraw_weights_back()
        if self._steps_done:
            self._last_inspection = inspect(network, dataset, initial=self._last_inspection)
            self._call_views("on_progress", Progress((), (), self._last_inspection, None))
        else:  # untrained, the weights set are those training begins from (the histograms' initial outline)
            self._last_inspection = None
            for view in self._views:  # not the tools: a race of the optimisers' own must not start afresh
                self._call_tool(view, "reset", self.experiment)
            self._catch_up_views_later()
        self._took_weight_set(events.WeightSetByHand(self._steps_done, layer, source_or_bias, unit, old,
                                                     network.weight(layer, source_or_bias, unit)), undoing)
        self._say_weight_set()
        return True

    @property
    def weights_set_by_hand(self) -> int:
        """How many weights of the window's network were set by hand since its weights were drawn, less those
        undone (a lab's result records it)."""
        return len(self._hand_set_here())

    def _hand_set_here(self) -> list[events.WeightSetByHand]:
        """The weights set by hand in the window's network, oldest first: Undo sets back a weight of the network
        shown, not of one before it (those are forgotten here)."""
        network = self.experiment.network if self.experiment is not None else None
        self._weights_set_by_hand = [(each, event) for each, event in self._weights_set_by_hand if each is network]
        return [event for _, event in self._weights_set_by_hand]

    def undo_weight_set(self) -> bool:
        """Set the last weight set by hand back to the value it had before (Undo, Ctrl+Z in the Network view)."""
        if not self._hand_set_here():
            return False
        _, last = self._weights_set_by_hand[-1]
        if not self.set_weight(last.layer, -1 if last.source is None else last.source, last.target, last.old,
                               undoing=True):
            return False
        self._weights_set_by_hand.pop()
        self._update_actions()
        return True

    def _on_weight_set(self, event: events.WeightSetByHand) -> None:
        """The paused run set a weight it was sent; the views show it when the run has paused again."""
        self._took_weight_set(event, self._weights_sent.popleft() if self._weights_sent else False)
        self._weight_set_unsaid = True

    def _took_weight_set(self, event: events.WeightSetByHand, undoing: bool) -> None:
        if not undoing:
            self._weights_set_by_hand.append((self.experiment.network, event))
        self._call_views("on_weight_set", event)  # the Loss view marks its step
        self._update_actions()

    def _keep_weights_set(self) -> None:
        """Save the network's weights, just set by hand while no run trains, into the run library: Reset, another
        run or closing the window would lose them, which no run held (test_hand_set_weights). Set after a run ended,
        they become the last weights of that run, which its Start branches from as before: its curves are how the
        network got there, reopened it gives them back. On weights of no recorded run (never trained, or opened
        from the library or a model file) they are a run of their own, "… · set by hand", of the epoch they stand
        at, branched from the run they were opened from; a network trained from it branches from it (a fresh one
        starts a run of its own, as any fresh network: it has no epoch to branch at). The writer saves them."""
        if self._hand_kept is None:
            try:
                self._hand_kept = self._new_recording(
                    self.model.config.copy(), self.experiment, self._next_run_lab(),
                    self.tr("%1 · set by hand"),
                    self.tr("The weights set by hand are not kept in the Runs view: %1. To keep them, save the model "
                            "(File ▸ Save model) into a folder you can write to."))
            except StillWriting as error:  # the run they were trained in: its history is not all written yet
                self.say_still_writing(error)
                return
            if self._hand_kept is None:
                return
            if self._steps_done:
                self._origin = (self._hand_kept.folder, self._hand_kept)
            self._set_active_run(self._hand_kept)
        self._hand_kept.keep_weights(self.experiment.network.state(), self._epochs_done, self._steps_done)

    def _say_weight_set(self) -> None:
        loss, metric = evaluate(self.experiment.network, self.experiment.dataset.X_train,
                                self.experiment.dataset.y_train)
        regression = self._is_regression()
        self.statusBar().showMessage(
            self.tr("Weight set by hand. On the training data the loss is now %1, the %2 %3.")
            .replace("%1", format_significant(loss)).replace("%2", self._metric_name())
            .replace("%3", format_number(metric, 3) if regression else format_percent(metric)), 10000)

    def _on_failed(self, message: str) -> None:
        self.show_message(self.tr("Training failed: %1").replace("%1", message), "error")

    def _on_session_ended(self) -> None:
        self.session = None
        self._weights_sent.clear()  # a weight sent as the run stopped was not set
        self._weight_set_unsaid = False
        self._set_state(IDLE)
        if self._last_batch is None and self._last_epoch is None:
            self._clear_status()
        if self._config_signature() != self._built_signature:
            self._rebuild_timer.start()

    # ================================================================== status bar
    def _clear_status(self) -> None:
        self._last_batch = self._last_epoch = None
        self._test_result = None
        self._rate_window.clear()
        for key in ("epoch", "step", "loss", "metric", "test", "speed", "elapsed", "eta"):
            self.status_labels[key].setText("")
        self.progress_bar.setValue(0)
        self.training_panel.set_run_position(self._run_position())

    def _scaled_targets(self) -> bool:
        """Whether the network learns scaled regression targets: its loss is then not in the data's units."""
        return self.experiment is not None and self.experiment.dataset.target_scaler is not None

    def _is_regression(self) -> bool:
        return self.experiment is not None and self.experiment.network.loss.task == "regression"

    def _metric_name(self, regression: bool | None = None) -> str:
        """R² or accuracy: of the network's task unless ``regression`` says."""
        return "R²" if (self._is_regression() if regression is None else regression) else self.tr("accuracy")

    def _show_progress(self) -> None:
        self.training_panel.set_run_position(self._run_position())
        batch, epoch = self._last_batch, self._last_epoch
        labels = self.status_labels
        if batch is not None:
            epoch_text = self.tr("epoch %1/%2, stopped early") if self._end_stopped_short_of else self.tr("epoch %1/%2")
            labels["epoch"].setText(epoch_text.replace("%1", str(batch.epoch + 1))
                                    .replace("%2", str(self._end_stopped_short_of or self._planned_epochs)))
            labels["step"].setText(self.tr("step %1").replace("%1", format_integer(batch.step)))
            loss = self.tr("loss %1 (scaled targets)") if self._scaled_targets() else self.tr("loss %1")
            labels["loss"].setText(loss.replace("%1", format_significant(batch.loss)))
            labels["elapsed"].setText(format_duration(batch.elapsed))
            self.progress_bar.setValue(min(100, int(100 * self._epochs_trained() / max(self._planned_epochs, 1))))
        if epoch is not None and not math.isnan(epoch.val_metric):
            metric = self.tr("validation %1 %2").replace("%1", self._metric_name())
            value = epoch.val_metric
        elif batch is not None:
            metric = self.tr("batch %1 %2").replace("%1", self._metric_name())
            value = batch.metric
        else:
            return
        shown = format_number(value, 3) if self._is_regression() else format_percent(value)
        labels["metric"].setText(metric.replace("%2", shown))
        if len(self._rate_window) >= 2 and batch is not None:
            (t0, samples0), (t1, samples1) = self._rate_window[0], self._rate_window[-1]
            if t1 > t0:
                samples_per_second = (samples1 - samples0) / (t1 - t0)
                # A speed while training only: beside a run that has ended it crowded out the test figures.
                labels["speed"].setText("" if self._state != RUNNING else self.tr("%1 samples/s")
                                        .replace("%1", format_integer(round(samples_per_second))))
                remaining = max(self._planned_epochs - self._epochs_trained(), 0) * self._training_examples()
                labels["eta"].setText("" if self._state != RUNNING else self.tr("%1 left").replace(
                    "%1", format_duration(remaining / samples_per_second) if samples_per_second > 0 else "—"))

    def _run_position(self) -> RunPosition:
        running = self._state != IDLE
        return RunPosition(self._epochs_done, self._steps_done, self._plan_start_epoch, self._planned_epochs, running,
                           (self._run_start_epoch, self._run_start_step) if running
                           else (self._epochs_done, self._steps_done), self._epochs_trained())

    def _epochs_trained(self) -> float:
        """Epochs trained by the newest batch, the one under way counted by its share of the examples."""
        batch, epoch = self._last_batch, self._last_epoch
        if batch is None:
            return self._epochs_done
        if epoch is not None and epoch.epoch > batch.epoch:  # the batch's epoch has ended
            return epoch.epoch
        return batch.epoch + min(self._epoch_samples / self._training_examples(), 1.0)

    def _training_examples(self) -> int:
        return max(len(self.experiment.dataset.X_train), 1) if self.experiment is not None else 1

    # ================================================================== views
    def _call_views(self, method: str, *args) -> None:
        """Forward to every view and tool made so far that has ``method``."""
        for view in [*self._views, *self._tools]:
            self._call_tool(view, method, *args)

    def _call_tool(self, view: QWidget, method: str, *args) -> None:
        """``view.method(*args)`` if it has it; a view that raises is replaced by its error message."""
        handler = getattr(view, method, None)
        if handler is None:
            return
        try:
            handler(*args)
        except Exception as error:  # one broken view must not stop training or the other views
            log.exception("view %s failed in %s", type(view).__name__, method)
            live_view = view in self._views
            (self._views if live_view else self._tools).remove(view)
            index = self.view_tabs.indexOf(view)
            label = QLabel(self.tr("This view stopped after an error: %1. It starts again with the next data or "
                                   "network.").replace("%1", str(error)) if live_view else
                           self.tr("This view stopped after an error: %1").replace("%1", str(error)))
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            title = self.view_tabs.tabText(index)
            self.view_tabs.removeTab(index)
            self.view_tabs.insertTab(index, label, title)
            view.deleteLater()
            if live_view:
                self._stopped_views.append((label, type(view)))

    def _catch_up_views_later(self) -> None:
        """Have the views that a Reset found hidden prepare their plots, one a turn (see :meth:`_catch_up_next_view`)."""
        self._views_to_catch_up = list(self._views)
        self._catch_up_timer.start()

    def _catch_up_next_view(self) -> None:
        """Prepare the plots of one view that a run's Reset found hidden behind another tab (it waits until shown,
        see :meth:`app.views.base.View.reset`), one a turn of the event loop: left to the run's first frame, all of
        them at once took 15-21 ms of it on MNIST."""
        while self._views_to_catch_up:
            view = self._views_to_catch_up.pop(0)
            if getattr(view, "reset_pending", False):
                self._call_tool(view, "catch_up")
                break
        if self._views_to_catch_up:
            self._catch_up_timer.start()

    def _restart_stopped_views(self) -> None:
        """A new view in the tab of each live view that stopped after an error (data that broke it,
        such as a file of overflowing values, must not take it away for the rest of the session)."""
        stopped, self._stopped_views = self._stopped_views, []
        for label, view_class in stopped:
            index = self.view_tabs.indexOf(label)
            try:
                view = view_class()
            except Exception:
                log.exception("view %s failed to start again", view_class.__name__)
                continue
            title = self.view_tabs.tabText(index)
            self.view_tabs.removeTab(index)
            self.view_tabs.insertTab(index, view, title)
            label.deleteLater()
            before = sum(self.view_tabs.indexOf(other) < index for other in self._views)
            self._views.insert(before, view)
            self._connect_view(view)
            self._catch_up(view)

    def _show_applicable_views(self, dataset) -> None:
        """Hide the tabs of views with nothing to show for this data (a decision boundary needs 2-D data)."""
        for view in self._views:
            applies_to = getattr(view, "applies_to", None)
            self.view_tabs.setTabVisible(self.view_tabs.indexOf(view), applies_to is None or applies_to(dataset))

    def current_view(self) -> QWidget | None:
        widget = self.view_tabs.currentWidget()
        return widget if widget in self.views or widget in self.tools else None

    def _export_view_dialog(self) -> None:
        view = self.current_view()
        if view is None:
            self.show_message(self.tr("Choose a live view tab to export."), "warning")
            return
        from app.views.base import ask_export_path  # the views are loaded by now: one is shown

        path = ask_export_path(self)
        if path:
            self.export_view(view, path)

    def export_view(self, view, path: str) -> bool:
        try:
            view.export(path)
        except (OSError, ValueError) as error:
            self.show_message(self.tr("Could not export to %1: %2").replace("%1", path).replace("%2", str(error)),
                              "error")
            return False
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", path), 5000)
        return True

    # ================================================================== gradient check
    def check_gradients(self) -> GradientCheckSession | None:
        """Run the engine's gradient check on the current network, off the GUI thread, and show the table
        when it is done; the session, or None when there is nothing to check (or a check is under way)."""
        if self.experiment is None or not self._network_at_rest() or self.gradient_check is not None:
            return None
        session = GradientCheckSession(self.experiment.network, self.experiment.dataset, self.model.config, self)
        session.checked.connect(self._show_gradient_check)
        session.failed.connect(self._gradient_check_failed)
        session.ended.connect(self._gradient_check_ended)
        self.gradient_check = session
        session.start()
        self.statusBar().showMessage(self.tr("Checking the gradients…"))
        self._update_actions()
        return session

    def _show_gradient_check(self, rows: list) -> None:
        self.statusBar().clearMessage()
        self.gradient_dialog = GradientCheckDialog(rows, self)
        self.gradient_dialog.show()

    def _gradient_check_failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        self.show_message(self.tr("The gradient check failed: %1").replace("%1", message), "error")

    def _gradient_check_ended(self) -> None:
        self.gradient_check = None
        self._update_actions()

    # ================================================================== configuration files
    def _open_config_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open configuration"), "",
                                              self.tr("Run configurations (*.json);;All files (*)"))
        if path:
            self.load_config(path)

    def _save_config_dialog(self, choose: bool = False) -> None:
        path = self.config_path
        if choose or path is None:
            path = ask_save_path(self, self.tr("Save configuration"), path or "run.json",
                                 self.tr("Run configurations (*.json)"))
        if path:
            self.save_config(path)

    def _save_config_as_dialog(self) -> None:
        self._save_config_dialog(choose=True)

    def load_config(self, path: str) -> bool:
        """Open a configuration file; on any problem the message says why and nothing changes (but a file
        that cannot be read leaves File ▸ Open recent)."""
        try:
            config = run_config.load(path)
        except ValueError as error:
            self.show_message(self.tr("Could not open the configuration: %1").replace("%1", refusal_text(error))
                              + self._unlisted(path), "error")
            return False
        if not self.open_config(config, os.path.basename(path),
                                self.tr("Opening a configuration stops the current run. Continue?")):
            return False
        self.config_path = path
        self.recent_menu.remember(path)
        self.labs.follow_opened(None, os.path.basename(path))
        return True

    def opened_from(self, path: str) -> None:
        """The settings shown are those of the configuration file ``path`` (given on the command line): Save
        writes to it, the title names it, File ▸ Open recent lists it."""
        self.config_path = path
        self._keep_settings()
        self.set_document_title(os.path.basename(path))
        self.recent_menu.remember(path)

    def open_recent_file(self, path: str) -> bool:
        """Open a file of File ▸ Open recent as Open configuration… or Open model… opens it; False, with a
        message naming it, if it was not opened. A file that is gone or cannot be read leaves the list."""
        if not os.path.exists(path):
            self.show_message(self.tr("%1 no longer exists (was it moved, renamed or deleted?); open it from where "
                                      "it is now.").replace("%1", path) + self._unlisted(path), "error")
            return False
        return self.load_model(path) if is_model(path) else self.load_config(path)

    def _unlisted(self, path) -> str:
        """Take ``path`` off File ▸ Open recent: what to add to the message saying why it cannot be opened."""
        return " " + self.tr("It is removed from File ▸ Open recent.") if self.recent_menu.forget(path) else ""

    def open_config(self, config: RunConfig, title: str, question: str, replaced_lab=OPEN_LAB) -> bool:
        """Replace the whole configuration and rebuild the run (asking ``question`` first if one is going).
        Settings changed since they were last opened or saved are not lost: the message bar offers them back,
        in the lab they were set in (``replaced_lab``, :meth:`LabController.open_variant`'s; the open lab's
        unless given). The caller settles the lab around the new settings (:meth:`LabController.follow_opened`)."""
        if self.session is not None and not self.confirm_reset(question):
            return False
        if replaced_lab is OPEN_LAB:
            replaced_lab = self.labs.open_variant()
        replaced = (self.model.config.copy(), self._document_title, replaced_lab) if self.isWindowModified() \
            else None
        self._discard_session()
        self._make_pending_pages()  # a lab opened this way brings its views forward next (app.labs_ui)
        self._dataset_name, self._fit_loss = config.data.dataset, False
        self.model.replace(config)
        self.config_path = None
        self._keep_settings()
        self.set_document_title(title)
        self.reset()
        self.message_bar.withdraw(self.restore_settings_action)
        self._replaced_settings = replaced
        if replaced is not None:
            self.show_message(self.tr("The settings you had changed were replaced by those of %1.")
                              .replace("%1", title), "info", self.restore_settings_action)
        return True

    def restore_replaced_settings(self) -> None:
        """Open again the changed settings an opening replaced (see :meth:`open_config`)."""
        if self._replaced_settings is None:
            return
        config, title, lab = self._replaced_settings
        if self.open_config(config, title, self.tr("Bringing your settings back stops the current run. Continue?")):
            self.labs.follow_opened(lab, title)
            self._kept_settings = None  # they were never saved
            self.setWindowModified(True)

    def set_document_title(self, title: str) -> None:
        """The window's title: ``title`` (a configuration file, a lab) before the app's name, and a "*" while
        the settings differ from those last opened or saved."""
        self._document_title = title
        self.setWindowTitle(self.tr("%1 — MLP Workbench").replace("%1", f"{title}[*]") if title
                            else self.tr("MLP Workbench") + "[*]")

    def _keep_settings(self) -> None:
        self._kept_settings = self.model.config.copy()
        self.setWindowModified(False)

    def _mark_modified(self, _path: str) -> None:
        self.setWindowModified(self.model.config != self._kept_settings)

    def save_config(self, path: str) -> bool:
        """Write the configuration as JSON, atomically: a temporary file in the same folder, then a rename."""
        if self.model.validation_errors:
            self.show_message(self.tr("Fix the marked settings before saving: %1")
                              .replace("%1", str(self.model.validation_errors[0])), "error")
            return False
        try:
            if not os.path.isdir(os.path.dirname(os.path.abspath(path))):  # a file, not a new folder too
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), path)
            model_io.write_text_atomically(path, self.model.config.to_json())
        except OSError as error:
            self.show_message(self.tr("Could not save the configuration to %1: %2")
                              .replace("%1", path).replace("%2", os_error_reason(error)), "error")
            return False
        self.config_path = path
        self._keep_settings()
        self.set_document_title(os.path.basename(path))
        self.recent_menu.remember(path)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 5000)
        return True

    # ================================================================== run library
    def _recording_for(self, config: RunConfig, experiment: Experiment, run_lab: dict | None) -> RunRecording | None:
        """The recording that saves the run about to start in ``run_lab`` (None when the library cannot be written).

        Training on with the settings of the current recording goes on in its run folder; other
        settings start a new run, branched from the run the weights come from when they are trained
        (:class:`app.run_library.StillWriting` while the history of that run is still being written).
        """
        current = self.recording
        if current is not None and current.error is None and current.recorder.meta.get("lab") == run_lab \
                and run_library.same_settings(current.recorder.config, config):
            current.resume()
            return current
        if current is not None or self._hand_kept is not None:
            self._end_recording(branch=True)
        recording = self._new_recording(config, experiment, run_lab, "%1",
                                        self.tr("This run is not saved: %1. It trains all the same; to keep its "
                                                "network, save the model (File ▸ Save model) into a folder you can "
                                                "write to."))
        self.recording = recording
        self._set_active_run(recording)
        return recording

    def _new_recording(self, config: RunConfig, experiment: Experiment, run_lab: dict | None, name: str,
                       unsaved: str) -> RunRecording | None:
        """A recording of a new run of ``experiment``'s network in ``run_lab``, branched from the run the weights come
        from when they are trained, named ``name`` with %1 the configuration's name (or what it trains); None, with
        the message ``unsaved`` (%1: why), when the library cannot be written."""
        parent = history = None
        if self._origin is not None and self._steps_done:
            folder, saved_history = self._origin[0], self._origin_history()
            if folder is not None:
                parent = {"run": folder.name, "epoch": self._epochs_done}
            if saved_history is not None:
                history = run_library.history_until(saved_history, self._epochs_done, self._steps_done)
        try:
            recorder = runs.RunRecorder(config, experiment.network.copy(), config.data.dataset,
                                        checkpoint_every=run_library.checkpoint_interval(config.training.epochs),
                                        parent=parent, history=history, lab=run_lab,
                                        recorded=model_io.scalers_record(experiment.dataset))
            # The list shows what it trains rather than "untitled run", and a lab's variant by its title.
            lab_title = self.labs.run_name(config) if run_lab is not None and run_lab == self.labs.open_variant() \
                else None
            described = lab_title or (run_library.describe_run(config, config.data.dataset)
                                      if config.name == RunConfig().name else config.name)
            if name.replace("%1", described) != config.name:
                recorder.meta["name"] = name.replace("%1", described)
                runs.rename_run(recorder.folder, recorder.meta["name"])
        except OSError as error:
            self.show_message(unsaved.replace("%1", f"{os_error_reason(error)}: {error.filename}"
                                              if error.strerror and error.filename else str(error)), "warning")
            return None
        recording = RunRecording(recorder, experiment.network, self)
        recording.failed.connect(self._recording_failed)
        recording.saved.connect(self._save_progressed)
        recording.failed.connect(self._save_progressed)
        recording.ended.connect(self._save_progressed)
        if self.runs_view is not None:
            recording.saved.connect(self.runs_view.show_saved)
        return recording

    def _set_active_run(self, recording: RunRecording | None) -> None:
        """Tell the Runs view which run is the window's current one (see RunsView.set_active)."""
        # One made later has no active run to forget.
        runs_view = self.runs_view if recording is not None else self._tool("RunsView", made_only=True)
        if runs_view is not None:
            runs_view.set_active(recording)

    def _recording_failed(self, message: str, folder: Path) -> None:
        # The folder says which disk to make room on: the run library's is out of the user's sight.
        current = self.recording is not None and self.recording.folder == folder
        if self._hand_kept is not None and self._hand_kept.folder == folder:  # nothing trains: nothing goes on
            text = self.tr("The weights set by hand could not be saved to the run library: %1 (%2). To keep them, "
                           "make room or save the model (File ▸ Save model) into a folder you can write to.")
        elif current and not self.recording.run_ended:
            text = self.tr("This run is no longer saved: %1 (%2). Training goes on; to keep its network, "
                           "make room or save the model (File ▸ Save model) into a folder you can write to.")
        elif current:  # its last write was its end's: the window holds the weights it ended with, and its curves
            text = self.tr("The end of this run could not be saved: %1 (%2). Its training has ended; the run library "
                           "lacks the weights it ended with and its curves since the last save. To keep them, make "
                           "room or save the model (File ▸ Save model) into a folder you can write to.")
        else:  # a run the window has left (Reset, another run): the weights it ended with are gone from the window
            text = self.tr("The end of the run in %2 could not be saved: %1. Its training had ended; the run library "
                           "keeps it as of its last save, without the weights it ended with.")
        self.show_message(text.replace("%1", message).replace("%2", str(folder)), "warning")

    def _end_recording(self, *_, branch: bool = False, keep_open: bool = False) -> None:
        """Fresh weights were built, or the window closes: the current run's files are completed, and so are those
        of the run keeping weights set by hand. With ``branch``, the weights go on as a new run branched from the
        recorded one (its origin). With ``keep_open`` (a weight was set by hand), the current run, unless its files
        failed, stays open to keep the weights set by hand (see :meth:`_keep_weights_set`)."""
        recording, self.recording = self.recording, None
        kept, self._hand_kept = self._hand_kept, None
        self._stop_waiting_for_save()  # fresh weights or another run replace it, or the window closes: not opened
        if keep_open and recording is not None and recording.error is None:
            self._hand_kept = recording
        for ended in (recording, kept):
            if ended is None or ended is self._hand_kept:
                continue
            # Its writer writes what is queued on its own (the window waited 60-280 ms for it at every Reset).
            # A run left to end still records into it, and closes it when it has ended.
            if not any(run.running and run.recording is ended for run in self._ending_runs):
                ended.close()
            self._writing = [writing for writing in self._writing if not writing.done]
            self._writing.append(ended)
        if not branch:
            self._origin = None
        elif recording is not None:
            self._origin = (recording.folder, recording)
        if self._hand_kept is None or self._hand_kept is not recording:  # kept, it is the active run still
            self._set_active_run(self._hand_kept)

    def _saved_by_now(self, folder: Path | None, opening: Callable[[], object]) -> bool:
        """Whether the files of the run in ``folder`` are as new as what the window trained into it: its recording's
        writer saves in the background, and just after a run ended a reopening read the last.npz of an epoch before.
        While it is behind, ``opening`` (the opening asked for) is done once it has saved, and a message says so;
        waiting held the window for up to 3 s. Asked again meanwhile, the newest opening is the one done."""
        wanted = Path(folder).resolve() if folder is not None else None
        recording = next((recording for recording in (self.recording, self._hand_kept, *self._writing)
                          if recording is not None
                          and not recording.done and recording.folder.resolve() == wanted), None)
        if recording is None:
            return True
        mark = recording.save_soon()
        if recording.has_saved(mark):
            return True
        self._stop_waiting_for_save()

        def text() -> str:  # composed again in the language of the moment
            return self.tr("Waiting for the run in %1 to be saved: it opens as soon as it is.") \
                .replace("%1", str(folder))

        self._awaiting_save = (recording, mark, opening, text)
        self.message_bar.show_message(text(), "info", compose=text)
        self._save_timer.start(round(1000 * SAVING_WAIT_S))
        return False

    def _save_progressed(self, *_) -> None:
        """The recording wrote files (or failed to): the opening waiting for it is done if it has saved everything."""
        if self._awaiting_save is not None and self._awaiting_save[0].has_saved(self._awaiting_save[1]):
            opening = self._awaiting_save[2]
            self._stop_waiting_for_save()
            opening()

    def _give_up_waiting_for_save(self) -> None:
        recording = self._awaiting_save[0]
        self._stop_waiting_for_save()
        self.show_message(self.tr("The run in %1 was not opened: it is still being saved (is the disk busy or slow?). "
                                  "Open it again in a moment.").replace("%1", str(recording.folder)), "warning")

    def _stop_waiting_for_save(self) -> None:
        """No opening waits for a recording any more (done, given up, or the user did something else meanwhile)."""
        if self._awaiting_save is not None:
            self.message_bar.remove(self._awaiting_save[3]())
        self._awaiting_save = None
        self._save_timer.stop()

    def _forward_config(self, path: str) -> None:
        """The tools that work on the window's configuration (the optimiser race) follow its edits."""
        if not self.model.validation_errors:
            self._call_views("set_config", self.model.config)

    def open_run(self, folder, epoch: int | None = None) -> bool:
        """Reopen a saved run: its settings in the panels, its curves in the views and its last
        weights in the network — or, given ``epoch``, the weights of that checkpoint (rewind). Start
        then trains a new run branched from it, with whatever settings were changed meanwhile.
        On any problem a message says why, nothing changes and False is returned; True once opened, or when the
        window's current run opens as soon as its recording has saved it (see :meth:`_saved_by_now`)."""
        folder = Path(folder)
        if not self._saved_by_now(folder, lambda: self.open_run(folder, epoch)):
            return True
        try:
            info = runs.RunInfo.read(folder)
            config = runs.load_config(folder)
            history = runs.load_history(folder) if (folder / "history.json").exists() else run_library.EMPTY_HISTORY
            weights, optimizer, damaged = None, (None, None), None
            if epoch is not None:
                which = runs.checkpoint_name(epoch)
                weights = runs.load_weights(folder, which)
            elif (folder / "last.npz").exists():
                which, weights, damaged = runs.latest_weights(folder)
            if weights is not None:
                run_library.check_fits(weights[0], config, folder / "config.json")
                optimizer = read_optimizer_state(runs.model_path(folder, which))
        except (OSError, ValueError) as error:
            self.show_message(self.tr("Could not open the run: %1").replace("%1", run_library.describe_problem(error)),
                              "error")
            return False
        if weights is None:
            saved = SavedRun(config, None, 0, 0, None, folder, self.tr("the run “%1”").replace("%1", info.name))
        else:
            network, metadata = weights
            reached = int(metadata.get("epoch", 0))
            step = int(metadata.get("step", runs.epoch_step(history, reached)))
            label = self.tr("the run “%1” at epoch %2").replace("%1", info.name).replace("%2", str(reached))
            saved = SavedRun(config, network.state(), reached, step, run_library.history_until(history, reached, step),
                             folder, label, *optimizer, lab=info.lab, **run_library.recorded_scalers(metadata))
        if not self._open_saved(saved, info.name):
            return False
        if damaged is not None:
            self.show_message(self.tr("The run's last weights cannot be read (%1): it is opened at its newest "
                                      "readable checkpoint, epoch %2.")
                              .replace("%1", run_library.describe_problem(damaged)).replace("%2", str(reached)),
                              "warning")
        if info.lab is not None:  # its lesson, locks and goal come back with it
            self.labs.adopt(info.lab, info.name)
        elif self.labs.lab is not None:  # its settings are no lab's: the lab's locks and goal would mislead
            self.labs.close_lab()
            self.statusBar().showMessage(self.tr("The lab is closed: this run was not trained in it."), 8000)
        return True

    def load_model(self, path) -> bool:
        """Open a model file — saved by File ▸ Save model, or a run's best.npz, last.npz or checkpoint.

        The Draw view classifies with it at once. When the file records its settings (or lies in a
        run folder) the panels, the network and the views take it up as for a reopened run. A bad
        file gives a message and changes nothing (False). A file of the window's current run may be opened once its
        recording has saved it (see :meth:`_saved_by_now`)."""
        path = Path(path)
        if not self._saved_by_now(runs.run_folder_of(path), lambda: self.load_model(path)):
            return True
        try:
            network, metadata = model_io.load_model(path)
            saved = self._saved_model(path, network, metadata)
        except (OSError, ValueError) as error:
            self.show_message(self.tr("Could not open the model: %1")
                              .replace("%1", run_library.describe_problem(error)) + self._unlisted(path), "error")
            return False
        if saved is not None:
            if not self._open_saved(saved, path.name):
                return False
            self.labs.follow_opened(saved.lab, path.name)
        self.recent_menu.remember(path)
        drawable = False
        if self.draw_view is not None:
            self.draw_view.set_model(network, metadata, source=self.tr("the model in %1").replace("%1", path.name))
            drawable = not self.draw_view.current_model().unavailable
        # Whichever way the model came, show what it does: its drawings, else the run's views (the Draw
        # view would only say "drawing unavailable").
        if drawable:
            self.start_page.show_views(self.draw_view)
        else:
            self.start_page.show_views(self._first_live_view() if self.view_tabs.currentWidget() is self.draw_view
                                       else None)
        if saved is None and not drawable and self.draw_view is not None:
            self.show_message(self.tr("The Draw view cannot classify drawings with %1: %2. The file does not record "
                                      "the settings it was trained with, so the other views go on showing the "
                                      "current run.").replace("%1", path.name)
                              .replace("%2", self.draw_view.current_model().unavailable), "info")
        elif saved is None:
            self.show_message(self.tr("The Draw view classifies with %1. The file does not record the settings it "
                                      "was trained with, so the other views go on showing the current run.")
                              .replace("%1", path.name), "info")
        return True

    def _saved_model(self, path: Path, network, metadata: dict) -> SavedRun | None:
        """What a model file restores besides the Draw view: None when it records no settings and
        belongs to no run folder; ValueError when its settings are invalid or do not fit its network."""
        run_folder = runs.run_folder_of(path)
        epoch, label = int(metadata.get("epoch", 0)), self.tr("the model in %1").replace("%1", path.name)
        scalers = run_library.recorded_scalers(metadata)
        if "config" in metadata:
            try:
                config = run_config.check(RunConfig.from_dict(metadata["config"]))
            except run_config.NewerConfigError:  # not damaged: its own message says to update
                raise
            except ValueError as error:  # "invalid run configuration: …" named neither the file nor whose settings
                raise model_io.ModelFileProblem(str(error), path, "damaged", self.tr("the settings it records: %1")
                                                .replace("%1", refusal_text(error))) from error
            saved = SavedRun(config, network.state(), epoch, int(metadata.get("step", 0)),
                             runs.recorded_history(path, metadata), None, label, lab=metadata.get("lab"), **scalers)
        elif run_folder is not None:
            config = runs.load_config(run_folder)
            history = runs.load_history(run_folder) if (run_folder / "history.json").exists() \
                else run_library.EMPTY_HISTORY
            step = int(metadata.get("step", runs.epoch_step(history, epoch)))
            saved = SavedRun(config, network.state(), epoch, step, run_library.history_until(history, epoch, step),
                             run_folder, label, *read_optimizer_state(path), lab=_recorded_lab(run_folder),
                             **scalers)
        else:
            return None
        run_library.check_fits(network, saved.config, path)
        return saved

    def _open_saved(self, saved: SavedRun, title: str) -> bool:
        self._saved_run = saved  # before the rebuild: data already loaded builds the run at once
        if not self.open_config(saved.config, title,
                                self.tr("Opening a saved run or model stops the current run. Continue?")):
            self._saved_run = None
            return False
        return True

    def _forget_saved_run(self, key: str, message: str) -> None:
        if key == self._wanted_data_key:
            self._saved_run = None

    def _restore_saved_run(self, experiment: Experiment) -> None:
        """The run of an opened saved run or model is built: give it the saved weights and history."""
        saved, self._saved_run = self._saved_run, None
        if saved is None or structure_signature(saved.config) != structure_signature(experiment.config):
            return
        if saved.state is not None and not fits_weights(experiment.network, saved.state):
            # Only a file made by hand or another tool: the settings recorded with the weights build this network.
            self.show_message(self.tr("The weights of %1 do not fit the network its data set needs here (%2): it was "
                                      "trained on other data. Its settings are opened, with fresh weights.")
                              .replace("%1", saved.label)
                              .replace("%2", run_library.network_in_words(experiment.network)), "warning")
            return
        self._origin = (saved.origin, saved.history)
        if saved.state is None:
            self.statusBar().showMessage(self.tr("Opened the settings of %1 (it saved no weights).")
                                         .replace("%1", saved.label), 8000)
            return
        from app.views.base import inspection_of

        initial = inspection_of(experiment.network, experiment.dataset)
        experiment.network.load_state(saved.state)
        self.run_lab = saved.lab
        self._restore_optimizer(experiment, saved)
        self._epochs_done = self._planned_epochs = saved.epoch
        self._end_stopped_short_of = 0
        self._steps_done = saved.step
        self._replay_history(experiment, saved.history, initial)
        if self.draw_view is not None:
            self.draw_view.set_model(experiment.network, run_library.model_metadata(experiment), source=saved.label)
        self._update_actions()
        opened = self.tr("Opened %1.") if saved.origin is None else \
            self.tr("Opened %1; Start trains it further as a new run branched from it.")
        self.statusBar().showMessage(opened.replace("%1", saved.label), 8000)

    def _replay_history(self, experiment: Experiment, history: dict | None, initial, snapshot=None) -> None:
        """Show a recorded ``history`` and the network's weights in the status bar and every view;
        ``initial`` is the inspection whose histogram grid (and initial outline) the views keep."""
        batches, epochs = run_library.history_events(history or run_library.EMPTY_HISTORY,
                                                     experiment.config.training.batch_size)
        self._last_batch = batches[-1] if batches else None
        self._last_epoch = epochs[-1] if epochs else None
        self._last_inspection = inspect(experiment.network, experiment.dataset, initial=initial)
        self._call_views("on_progress", Progress(batches, epochs, self._last_inspection, snapshot))
        self._show_progress()

    def _restore_optimizer(self, experiment: Experiment, saved: SavedRun) -> None:
        """Start goes on with the optimiser's state saved with the weights (Adam's moments and step
        count, the momentum), when it was saved at the same step with the same optimiser. A saved
        state that cannot be used is reported here, once the user has agreed to open the run."""
        state = saved.optimizer_state
        if saved.optimizer_problem is not None:
            warning = self.tr("The optimiser's saved state cannot be read: %1. Start trains on with a "
                              "fresh optimiser.").replace("%1", saved.optimizer_problem)
        elif state is None or state.get("step") != saved.step:
            return
        else:
            try:
                experiment.restore_optimizer(state)
                return
            except ValueError as error:
                warning = self.tr("The optimiser's saved state does not fit the network: %1. Start trains "
                                  "on with a fresh optimiser.").replace("%1", str(error))
        log.warning("optimiser state not restored: %s", warning)
        self.show_message(warning, "warning")

    def _leave_draw_view_for_other_data(self, experiment: Experiment) -> None:
        """For data that is not images, the first live view instead of the Draw view as the window opens,
        or once the Draw view has no model that can classify drawings. Data chosen while drawing leaves
        the user there: the view goes on with the last model that can (the shipped one at least)."""
        opening, self._first_run_shown = not self._first_run_shown, True
        draw_view = self.draw_view
        if experiment.dataset.image_shape is None and self.view_tabs.currentWidget() is draw_view \
                and (opening or draw_view.current_model() is None or draw_view.current_model().unavailable):
            first = self._first_live_view()
            if first is not None:
                self.view_tabs.setCurrentWidget(first)

    def _first_live_view(self) -> QWidget | None:
        """The first live view whose tab is shown (the views that apply to the run's data)."""
        return next((view for view in self.views if self.view_tabs.isTabVisible(self.view_tabs.indexOf(view))), None)

    def save_model(self, path) -> bool:
        """Save the network with its settings, the data it was trained on (name, image shape, class
        names, input scaling), its epoch and step and the curves of its run; atomically, so a failed save leaves the
        old file."""
        if self.experiment is None:
            self.show_message(self.tr("There is no network to save yet: its data is not loaded."), "warning")
            return False
        if not self._network_at_rest():
            self.show_message(self.tr("The run is pausing: its current batch ends first (a large network takes a "
                                      "while). Save the model once it has paused.") if self._state == PAUSED else
                              self.tr("Pause or stop the run before saving the model: its weights change with every "
                                      "batch."), "warning")
            return False
        # The run's curves go with it: a teaching lab's result is made of them (a model saved in a lab and opened
        # again to hand the result in later could not be exported without training it again).
        try:
            history = self.current_history()
        except StillWriting as error:
            self.say_still_writing(error)
            return False
        curves = {} if history is None else {
            "history": run_library.history_until(history, self._epochs_done, self._steps_done)}
        try:
            model_io.save_model(path, self.experiment.network, **run_library.model_metadata(
                self.experiment, epoch=self._epochs_done, step=self._steps_done, lab=self.run_lab, **curves))
        except OSError as error:
            self.show_message(self.tr("Could not save the model to %1: %2").replace("%1", str(path))
                              .replace("%2", os_error_reason(error)), "error")
            return False
        self.recent_menu.remember(path)
        self.statusBar().showMessage(self.tr("Saved the model to %1").replace("%1", str(path)), 5000)
        return True

    def current_history(self) -> dict | None:
        """The metric history of the current run (recorded, or opened from the library), or None.
        :class:`app.run_library.StillWriting` if its recording's writer is behind (see :meth:`say_still_writing`)."""
        if self.recording is not None:
            return self.recording.history()
        return self._origin_history()

    def _origin_history(self) -> dict | None:
        """The history of the run the weights come from (see :attr:`_origin`), or None; StillWriting as
        :meth:`current_history`."""
        history = self._origin[1] if self._origin is not None else None
        return history.history() if isinstance(history, RunRecording) else history

    def still_writing_text(self, error: StillWriting) -> str:
        """What was asked needs the run's history, which its writer is still saving (a slow disk)."""
        return self.tr("The run in %1 is still being saved; try again in a moment.").replace("%1", str(error.folder))

    def say_still_writing(self, error: StillWriting) -> None:
        self.show_message(self.still_writing_text(error), "warning")

    def export_metrics(self, path) -> bool:
        """Write the current run's per-epoch metrics as CSV (atomically)."""
        try:
            history = self.current_history()
        except StillWriting as error:
            self.say_still_writing(error)
            return False
        if history is None and self._epochs_done:  # trained, but the run library could not be written
            self.show_message(self.tr("This run's metrics were not recorded: the run library could not be written. "
                                      "The Loss view exports its curves (its Export button, as CSV)."), "warning")
            return False
        if not history or not history["epochs"]:
            self.show_message(self.tr("The current run has no finished epoch yet: train or open a run first."),
                              "warning")
            return False
        try:
            run_library.write_metrics_csv(path, history, self._scaled_targets())
        except OSError as error:
            self.show_message(self.tr("Could not export to %1: %2").replace("%1", str(path))
                              .replace("%2", os_error_reason(error)), "error")
            return False
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", str(path)), 5000)
        return True

    def _open_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), str(runs.runs_folder()),
                                              self.tr("MLP Workbench models (*.npz);;All files (*)"))
        if path:
            self.load_model(path)

    def _save_model_dialog(self) -> None:
        path = ask_save_path(self, self.tr("Save model"), "model.npz", self.tr("MLP Workbench models (*.npz)"))
        if path:
            self.save_model(path)

    def _export_metrics_dialog(self) -> None:
        path = ask_save_path(self, self.tr("Export metrics"), "metrics.csv", self.tr("CSV data (*.csv)"))
        if path:
            self.export_metrics(path)

    def offer_recovery(self) -> list:
        """At launch: offer to reopen the newest run that was training when the app was killed (with
        its last saved weights), or to dismiss it. Either answer marks every such run as handled."""
        try:
            interrupted = runs.interrupted_runs()
        except OSError:
            return []
        if not interrupted or self.recovery_box is not None:
            return []
        newest = interrupted[0]
        # Not "the app was killed": a run whose files failed on a full disk stays "running" when run.json failed too.
        text = self.tr("The run “%1” (%2 epochs saved) was not saved to its end: MLP Workbench was closed while it "
                       "trained, or the disk was full. Reopen it with its last saved weights?") \
            .replace("%1", newest.name).replace("%2", str(newest.epochs_done))
        if len(interrupted) > 1:
            text += "\n" + self.tr("%1 other interrupted runs are listed in the Runs view.").replace(
                "%1", str(len(interrupted) - 1))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore the interrupted run?"), text,
                          QMessageBox.StandardButton.NoButton, self)
        restore = box.addButton(self.tr("Reopen it"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Dismiss"), QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(self._recovery_box_closed)  # a bound method: see save_as_action
        self.recovery_box, self._recovery_offer = box, (interrupted, restore)
        box.open()
        return interrupted

    def _recovery_box_closed(self) -> None:
        interrupted, restore = self._recovery_offer
        self._recovery_answered(interrupted, self.recovery_box.clickedButton() is restore)

    def _recovery_answered(self, interrupted: list, restore: bool) -> None:
        self.recovery_box = self._recovery_offer = None
        for info in interrupted:
            try:
                runs.mark_recovered(info.folder)
            except (OSError, ValueError) as error:
                log.warning("could not mark %s as recovered: %s", info.folder, error)
        if restore:
            self.open_run(interrupted[0].folder)
        elif self.runs_view is not None:
            self.runs_view.schedule_refresh()

    # ================================================================== messages and closing
    def show_message(self, text: str, level: str = "info", action: QAction | None = None) -> None:
        """Show ``text`` above the views (level info, warning or error) until dismissed, with a
        button for ``action`` if given."""
        self.message_bar.show_message(text, level, action)

    def changeEvent(self, event) -> None:
        """On a language change, texts the window composes from cached translations are composed again
        (everything else is translated in place by :func:`app.i18n.set_language`)."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "labs"):
            self._panel_titles = [self.tr("Data"), self.tr("Network"), self.tr("Training")]
            for view in [*self._views, *self._tools]:  # one made later is titled in the new language
                self.view_tabs.setTabText(self.view_tabs.indexOf(view), str(view.title))
            if self._data_failure is not None:
                key, error = self._data_failure
                self._data_failed(key, describe_load_error(error), error)
            if self._large_values_warning:  # as the message bar composed it again
                self._large_values_warning = self._large_values_text()
            self._errors_changed(self.model.errors)
            self._show_progress()
            self._write_test_result()
            self.statusBar().clearMessage()  # a passing message composed in the language left behind
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        # Gone at once: a batch of a very large network may take many seconds to end (~20 s for 98 M
        # weights), and the run's last weights are waited for, to be saved, after the window has gone.
        self.save_layout()  # before hiding: the geometry of a shown window
        self.hide()
        self._closed = True
        settings.save_last_config(self.model.config)  # the next launch opens on it
        self._save_race()
        self._page_timer.stop()
        self._pages_to_make = []
        self._prepare_timer.stop()
        self._pages_to_prepare = []
        self._catch_up_timer.stop()
        self._views_to_catch_up = []
        self._rebuild_timer.stop()
        self._frame_timer.stop()
        self._discard_session()
        for run in self._ending_runs:  # their last weights and records are saved, after the window has gone
            run.finish()
        self._call_views("stop_and_wait")  # a race in the Compare view runs on a thread of its own
        self._end_recording()
        for recording in self._writing:  # what they have queued is written before the app exits
            recording.finish()
        if self._download is not None:  # its thread stops at the next chunk; no half file is kept
            self._download.cancel()
        self.loader.shutdown()
        self.start_page.detach()
        if self._following_pages:  # closed a second time: disconnected already
            # The pages change while the window is destroyed, when its Python side may be gone already.
            self._following_pages = False
            self.view_tabs.currentChanged.disconnect(self._shown_page_changed)
            self.central_pages.currentChanged.disconnect(self._shown_page_changed)
        gui_thread_gc.release(self)
        super().closeEvent(event)


STATUS_FIELDS_BY_NEED = ("state", "epoch", "loss", "metric", "test", "step", "elapsed", "eta", "speed")
"""The status bar's fields, the most needed first: a window too narrow for all leaves out the last (see
:class:`app.status_fields.StatusFields`)."""


GROWING_LOSS = 5.0
"""How many times the loss of its first batch a run's training loss may grow to before the window says so."""

PACES = ((QT_TRANSLATE_NOOP("MainWindow", "Full speed"), 0),
         (QT_TRANSLATE_NOOP("MainWindow", "10 epochs/s"), 10),
         (QT_TRANSLATE_NOOP("MainWindow", "3 epochs/s"), 3),
         (QT_TRANSLATE_NOOP("MainWindow", "1 epoch/s"), 1))
"""The speeds the toolbar offers: (name, epochs per second; 0 for as fast as the machine goes)."""


def format_duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "—"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
