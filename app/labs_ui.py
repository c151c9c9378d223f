"""Labs in the window: the Labs menu, opening a lab, its views, hand-set weights, goal and result.

:class:`LabController` is created by the window. Opening a lab (:meth:`LabController.open_lab`)
replaces the configuration with the chosen variant's, locks and hides the settings the lab says
(:class:`app.teacher.LabControls`), shows the task sheet in the Lesson dock, brings the lab's
views to the front of the view tabs, and sets the variant's hand-set weights on every network the
window builds for it (so Reset gives them again). While a run goes, the goal's metric is followed
epoch by epoch; "Export my result" writes :func:`core.labs.export_result`'s file.
"""
from __future__ import annotations

import functools
import logging
import math
import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu

from app import i18n
from app.file_dialogs import ask_save_path
from app.lab_problems import (broken_labs_text, distinct_title, lab_problem_text, same_number_text, setting_name,
                              shared_numbers, shared_numbers_text)
from app.lesson_dock import LessonDock
from app.panels.base import refusal_text
from app.run_library import StillWriting
from app.teacher import LabControls, ResultsDialog, last_results_folder
from core import events, labs
from core.datasets.magnitudes import FEATURES, is_scaled
from core.languages import text_in

log = logging.getLogger(__name__)

VIEW_CLASSES = {
    "loss": ("LossView",), "weights": ("HistogramView",), "gradients": ("GradientView",),
    "unit_images": ("UnitImageView",), "confusion": ("ConfusionView",), "boundary": ("BoundaryView",),
    "network": ("NetworkView",), "draw": ("DrawView",), "compare": ("CompareView",),
    "playground": ("PlaygroundView",), "variants": ("VariantsView", "LossView"),
    "activation_functions": ("ActivationFunctionsView", "GradientView"),
    "gradient_check": ("GradientCheckView", "GradientView"),
}
"""A lab view name → the window's view classes that show it, best first. "variants" is the Lab
variants tool (every variant trained one after another, curves overlaid), or the loss curves of
one variant at a time if that tool failed to start. "activation_functions" and "gradient_check"
are tools of their own too; without them, the Gradients view (the per-layer activation statistics,
the gradient norms) stands in, with Run ▸ Check gradients for the table."""


def epoch_metrics(event: events.EpochFinished, metric: str) -> dict:
    """The goal metrics an epoch's end tells (``metric`` is "accuracy" or "r2")."""
    values = {"train_loss": event.train_loss, f"train_{metric}": event.train_metric,
              "val_loss": event.val_loss, f"val_{metric}": event.val_metric}
    return {name: float(value) for name, value in values.items() if math.isfinite(value)}


_MNEMONIC = re.compile(r"&([^&])")


def mnemonic_of(text: str) -> str | None:
    """The key a menu text's mnemonic names ("Close la&b" → "b"), lower-case, or None."""
    found = _MNEMONIC.search(text)
    return found.group(1).lower() if found else None


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` as a menu shows it (an ampersand doubled) with a mnemonic on its first letter that begins a
    word and is not in ``taken``, else on any letter not in it (none if every letter is); ``taken`` gains it."""
    letters = [index for index, character in enumerate(text) if character.isalpha()]
    word_starts = [index for index in letters if index == 0 or not text[index - 1].isalpha()]
    chosen = next((index for index in word_starts + letters if text[index].lower() not in taken), None)
    if chosen is None:
        return text.replace("&", "&&")
    taken.add(text[chosen].lower())
    return f"{text[:chosen].replace('&', '&&')}&{text[chosen:].replace('&', '&&')}"


ROOM_FOR_THE_VIEWS = 800
"""The width the views keep beside a lesson (else it becomes a tab): their plots beside their
controls (Compare optimisers, Playground) need about this much."""


class LabController(QObject):
    """The window's labs: menu, Lesson dock, open lab and variant, teacher-mode controls."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.lab: labs.Lab | None = None
        self.variant: labs.Variant | None = None
        self.metrics: dict = {}
        self.controls = LabControls(window)
        self._session_followed = None  # the window's run whose curves the lab records
        # Offered again while this window is open, never saved: on a lab's shared computer the next
        # student found the last one's name, and a result exported under it replaced theirs in the table.
        self._student = ""
        self.available_labs, problems = labs.readable_labs()
        """The labs the menu, the lesson's list and the window's start page offer, read once."""
        self.dock = LessonDock(window, self.available_labs)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        # Bound methods, not lambdas: a lambda holding self in a connection of the window's keeps a
        # closed window alive for ever (the connection lives in C++, out of the garbage collector's sight).
        self.dock.open_requested.connect(self._open_requested)
        self.dock.export_requested.connect(self.export_dialog)
        self.dock.close_requested.connect(self.close_lab)
        self.dock.language_changed.connect(self._retranslate)
        if problems:  # each lab's file and problems, as `mlp-workbench lab check` lists them, again in a new language
            compose = functools.partial(broken_labs_text, problems)
            window.message_bar.show_message(compose(), "warning", compose=compose)
        if shared_numbers(self.available_labs):  # two "4." labs: `lab check` warned, the window said nothing
            compose = functools.partial(shared_numbers_text, self.available_labs)
            window.message_bar.show_message(compose(), "warning", compose=compose)
        self._build_menu()
        window.model.changed.connect(self._apply_controls)
        window.network_panel.layers.currentRowChanged.connect(self._apply_controls)
        window.experiment_built.connect(self._apply_hand_set_weights)
        window.experiment_changed.connect(self._run_rebuilt)
        window.experiment_changed.connect(self._apply_controls)
        window.state_changed.connect(self._follow_session)
        window.run_finished.connect(self._run_finished)

    # ------------------------------------------------------------------ menu
    def _build_menu(self) -> None:
        window = self.window
        self.menu = QMenu(window)
        window.menuBar().addMenu(self.menu)
        self.list_action = QAction(self)
        self.list_action.setShortcut(QKeySequence("Ctrl+L"))
        self.list_action.triggered.connect(self.show_lab_list)
        self.export_action = QAction(self)
        self.export_action.triggered.connect(self.export_dialog)
        self.collect_action = QAction(self)
        self.collect_action.triggered.connect(self.collect_dialog)
        self.close_action = QAction(self)
        self.close_action.triggered.connect(self.close_lab)
        self.lab_actions: list[QAction] = []
        self.menu.triggered.connect(self._menu_triggered)
        self._retranslate()

    def _retranslate(self) -> None:
        """Menu texts, with the labs' titles in the interface language."""
        self.menu.setTitle(self.tr("&Labs"))
        self.list_action.setText(self.tr("Lab &list…"))
        self.list_action.setToolTip(self.tr("Show the labs in the Lesson panel (Ctrl+L)"))
        self.export_action.setText(self.tr("&Export my result…"))
        self.export_action.setToolTip(self.tr("Save your configuration, curves and final metrics as one file "
                                              "for the teacher"))
        self.collect_action.setText(self.tr("&Collect results…"))
        self.collect_action.setToolTip(self.tr("Teacher: read a folder of students' result files into a table"))
        self.close_action.setText(self.tr("Close la&b"))
        self.close_action.setToolTip(self.tr("Unlock and show every setting again (the configuration stays)"))
        language = i18n.current_language()
        self.menu.clear()
        self.menu.addAction(self.list_action)
        self.menu.addSeparator()
        self.lab_actions = []
        # Labs 1-9 by their digit from the keyboard; 10 and on keep their number as the class calls them (a
        # hexadecimal "A" for lab 10 left students looking for a 10) and take a letter of their title that
        # no other item of the menu has: "1&0", "1&1" would clash with labs 1 and 2, in either language.
        taken = {mnemonic_of(action.text()) for action in (self.list_action, self.export_action,
                                                           self.collect_action, self.close_action)}
        taken |= {str(number) for number in range(1, 10)}
        for lab in self.available_labs:
            title = self.title_of(lab)
            action = self.menu.addAction(f"&{lab.number}  {title.replace('&', '&&')}" if lab.number < 10
                                         else f"{lab.number}  {with_mnemonic(title, taken)}")
            action.setToolTip("\n\n".join(filter(None, (text_in(lab.summary, language),
                                                          same_number_text(lab, self.available_labs)))))
            action.setData(lab.id)
            self.lab_actions.append(action)
        self.menu.addSeparator()
        for action in (self.export_action, self.collect_action, self.close_action):
            self.menu.addAction(action)
        self._update_actions()
        if self.lab is not None:
            self.controls.set_lab(self.lab, self.title_of(self.lab))  # the lock tooltips name it
            self._set_window_title()

    def _menu_triggered(self, action: QAction) -> None:
        if action in self.lab_actions:
            self.open_lab(action.data())

    def _open_requested(self, lab_id: str, variant: str) -> None:
        self.open_lab(lab_id, variant or None)

    def _apply_controls(self, *_) -> None:
        """Hide and lock the open lab's controls again (a panel rebuilt its rows, a run was rebuilt)."""
        if self.lab is not None:
            self.controls.apply()

    def _update_actions(self) -> None:
        self.export_action.setEnabled(self.lab is not None)
        self.close_action.setEnabled(self.lab is not None)

    def show_lab_list(self) -> None:
        if self.lab is None:
            self.dock.show_start_page()
        else:
            self.dock.pages.setCurrentIndex(0)
        self.dock.show()
        self.dock.raise_()
        self.dock.lab_list.setFocus()

    # ------------------------------------------------------------------ opening and closing
    def _lab_named(self, lab_id: str) -> labs.Lab:
        """The lab ``lab_id`` as the menu offers it (the shipped copy where a lab pack's cannot be read:
        opening read the pack's broken copy again); ValueError if there is none."""
        return next((lab for lab in self.available_labs if lab.id == lab_id), None) or labs.load(lab_id)

    def open_lab(self, lab_id: str, variant: str | None = None) -> bool:
        """Open ``lab_id`` (its first variant unless ``variant`` is given); False if it was not opened."""
        try:
            lab = self._lab_named(lab_id)
            chosen = lab.variant(variant)
        except ValueError as error:
            self.window.show_message(self.tr("Could not open the lab: %1").replace("%1", refusal_text(error)), "error")
            return False
        previous = (self.lab, self.variant)
        self.lab, self.variant = lab, chosen
        self.controls.set_lab(lab, self.title_of(lab))
        question = self.tr("Opening a lab stops the current run. Continue?")
        if not self.window.open_config(chosen.config.copy(), self.title_of(lab), question,
                                       replaced_lab=self.tag(*previous)):
            self.lab, self.variant = previous
            self.controls.set_lab(self.lab, self.title_of(self.lab) if self.lab else "")
            return False
        self._show_open_lab()
        return True

    def adopt(self, tag: dict, source: str) -> bool:
        """Open the lab and variant of ``tag`` (:meth:`open_variant`'s) around the window's settings and run as
        they are: those opened from ``source`` (a run's or a file's name, a title) were made in it. False when it
        cannot be opened, or when the settings no longer keep everything it locks or hides (the lab was edited
        since): then the open lab is left too, whose locks and goal are not theirs, and a message says why."""
        lab, why = self._installed(tag)
        if lab is None:
            self._leave(self.tr("“%1” was made in the lab %2, which cannot be opened now: %3. It is opened outside "
                                "any lab.").replace("%1", source).replace("%2", tag["lab"]).replace("%3", why),
                        "warning")
            return False
        chosen = lab.variant(tag["variant"])
        outside = labs.settings_outside(lab, chosen.name, self.window.model.config)
        if outside:
            self._leave(self.tr("“%1” was made in the lab “%2”, but does not keep what the lab sets now (%3): it is "
                                "opened outside the lab. To work in the lab, open it again from the Labs menu.")
                        .replace("%1", source).replace("%2", self.title_of(lab))
                        .replace("%3", ", ".join(setting_name(path) for path in outside)), "info")
            return False
        self.lab, self.variant = lab, chosen
        self.controls.set_lab(lab, self.title_of(lab))
        self._show_open_lab()
        return True

    def _installed(self, tag: dict) -> tuple[labs.Lab | None, str]:
        """(the lab of ``tag``, "") when it can be opened at its variant, else (None, why not)."""
        try:
            lab = self._lab_named(tag["lab"])
        except labs.InvalidLabError as error:
            return None, self.tr("it has problems: %1").replace("%1", lab_problem_text(error.problems[0]))
        except ValueError:
            return None, self.tr("it is not installed on this computer")
        if all(variant.name != tag["variant"] for variant in lab.variants):
            return None, self.tr("it no longer has the variant “%1”").replace("%1", tag["variant"])
        return lab, ""

    def _leave(self, message: str, level: str) -> None:
        """Close the open lab, if any, saying ``message``."""
        if self.lab is not None:
            self.close_lab()
        self.window.show_message(message, level)

    def follow_opened(self, tag: dict | None, source: str) -> None:
        """Settings opened from ``source`` (a file's name, a title) replaced the configuration: the lab of ``tag``
        (:meth:`open_variant`'s, the lab they were made in) opens around them (:meth:`adopt`); without one, the open
        lab stays while they keep every setting it locks or hides, else it closes, saying so (its locked controls
        showed values it does not allow). A reopened run has its lab or none (see :meth:`MainWindow.open_run`)."""
        if tag is not None:
            self.adopt(tag, source)
            return
        if self.lab is None:
            return
        outside = labs.settings_outside(self.lab, self.variant.name, self.window.model.config)
        if not outside:
            return
        title = self.title_of(self.lab)
        self.close_lab()
        self.window.show_message(
            self.tr("The lab “%1” is closed: %2 sets what the lab sets for you (%3). To work in the lab, open it "
                    "again from the Labs menu.").replace("%1", title).replace("%2", source)
            .replace("%3", ", ".join(setting_name(path) for path in outside)), "info")

    def open_variant(self) -> dict | None:
        """``{"lab": id, "variant": name}`` of the open lab, or None: what a run started now is trained in."""
        return self.tag(self.lab, self.variant)

    def run_name(self, config) -> str | None:
        """"Lab · variant", their titles in the interface language, to name a run of ``config`` trained in the open
        variant while its settings still bear the variant's name; else None. The Runs list wrote the lab file's
        English "wine, unscaled" in Russian, where the lesson dock reads «без масштабирования …»."""
        if self.lab is None or self.variant is None or config.name != self.variant.config.name:
            return None
        return f"{self.title_of(self.lab)} · {text_in(self.variant.title, i18n.current_language())}"

    def unscaled_on_purpose(self, dataset, part: str) -> bool:
        """Whether the open variant trains on the ``part`` (:data:`~core.datasets.magnitudes.FEATURES` or targets)
        of ``dataset`` unscaled to show what that does: they are its data set's, its settings scale them "none",
        and the lab chose that for the student (it locks the scaling, or its variants compare scalings)."""
        if self.variant is None or dataset.name != self.variant.config.data.dataset or is_scaled(dataset, part):
            return False
        field = "scaling" if part == FEATURES else "target_scaling"
        if getattr(self.variant.config.data, field) != "none":
            return False
        compared = {getattr(variant.config.data, field) for variant in self.lab.variants}
        return self.lab.locks(f"data.{field}") or len(compared) > 1

    @staticmethod
    def tag(lab: labs.Lab | None, variant: labs.Variant | None) -> dict | None:
        """``{"lab": id, "variant": name}`` of ``lab``'s ``variant``, or None without a lab."""
        return {"lab": lab.id, "variant": variant.name} if lab is not None else None

    def _show_open_lab(self) -> None:
        """The open lab's locks, title, lesson and views."""
        lab = self.lab
        self.controls.apply()
        self._set_window_title()
        self.dock.show_lab(lab, self.variant.name)
        self._make_room_for_the_lesson()
        self.dock.show()
        self.dock.raise_()
        self.bring_views_forward()
        self._give_variants_view_the_lab()
        self._give_the_race_back()
        self._update_actions()
        self.window.show_large_values_again()

    def _make_room_for_the_lesson(self) -> None:
        """In a window too narrow for the lesson beside the configuration and the views, with
        :data:`ROOM_FOR_THE_VIEWS` left to these (at 1024 px the window grew to 1189 and off the screen;
        at 1366 the views kept 515 px, and the plots of Variants, Compare and Playground were strips),
        the lesson becomes a tab beside the configuration."""
        window, dock = self.window, self.dock
        placed_by_user = dock.isFloating() or window.dockWidgetArea(dock) != Qt.DockWidgetArea.RightDockWidgetArea \
            or bool(window.tabifiedDockWidgets(dock))
        if dock.isVisible() or placed_by_user or window.configuration_dock.isHidden():
            return
        docks = sum(part.minimumSizeHint().expandedTo(part.minimumSize()).width()
                    for part in (window.configuration_dock, dock))
        views = max(window.centralWidget().minimumSizeHint().width(), ROOM_FOR_THE_VIEWS)
        if window.width() < docks + views + 24:  # the docks' separators and the window's margins
            window.tabifyDockWidget(window.configuration_dock, dock)

    def close_lab(self) -> None:
        """Leave the lab: every setting is shown and unlocked again; the configuration and run stay."""
        self.lab = self.variant = None
        self.controls.set_lab(None)
        self._give_the_race_back()
        self.dock.show_start_page()
        self._update_actions()
        self.window.show_large_values_again()

    def _set_window_title(self) -> None:
        self.window.set_document_title(self.title_of(self.lab))

    def title_of(self, lab: labs.Lab) -> str:
        """``lab``'s title in the interface language, with its folder's name where another lab offered has the same
        title or number (:func:`app.lab_problems.distinct_title`)."""
        return distinct_title(lab, self.available_labs)

    # ------------------------------------------------------------------ views
    def view_for(self, name: str):
        """The window's view showing the lab view ``name`` (or the closest one), or None."""
        # The views and tools, every one made by now: most are made a turn at a time after the window's first
        # paint, and one asked for before then (the start page's "Compare optimisers") would be missing.
        widgets = {type(page).__name__: page for page in self.window.views + self.window.tools}
        for class_name in VIEW_CLASSES.get(name, ()):
            if class_name in widgets:
                return widgets[class_name]
        return None

    def bring_views_forward(self) -> list:
        """Move the lab's views to the front of the view tabs, in its order, and show the first."""
        tabs = self.window.view_tabs
        placed = []
        for spec in self.lab.views:
            view = self.view_for(spec.name)
            if view is None or view in placed:
                continue
            self._configure_view(view, spec)
            tabs.tabBar().moveTab(tabs.indexOf(view), len(placed))
            placed.append(view)
        visible = [view for view in placed if tabs.isTabVisible(tabs.indexOf(view))]
        if visible:
            tabs.setCurrentWidget(visible[0])
        return placed

    def _give_variants_view_the_lab(self) -> None:
        """The Variants tool follows the open lab even when the lab does not list it (any lab's
        variants can be trained one after another), so that it never shows a lab closed before."""
        view = self.view_for("variants")
        if hasattr(view, "set_lab") and not any(spec.name == "variants" for spec in self.lab.views):
            view.set_lab(self.lab)

    def _give_the_race_back(self) -> None:
        """Without an open lab that sets the race, the Compare view shows the user's own again: a lab's stayed there
        after the lab closed, as if it were the user's."""
        view = self.view_for("compare")
        if hasattr(view, "leave_lab") and not (self.lab is not None
                                               and any(spec.name == "compare" for spec in self.lab.views)):
            view.leave_lab()

    def _configure_view(self, view, spec: labs.ViewSpec) -> None:
        """Hand a tool view the lab's own setting: the race's contenders, the playground's surface,
        the lab itself to the variants tool, the activations to plot."""
        try:
            if spec.name == "compare" and hasattr(view, "set_contenders"):
                names = spec.options.get("contenders")
                shared, contenders = labs.race_contenders(self.lab, names, i18n.current_language())
                view.set_contenders(contenders, shared, labels=labs.race_labels(self.lab, names))
            elif spec.name == "playground" and hasattr(view, "set_surface"):
                view.set_surface(spec.options.get("surface", "quadratic"), **spec.options.get("surface_options", {}))
                if "methods" in spec.options and hasattr(view, "select_methods"):
                    view.select_methods(spec.options["methods"])
            elif spec.name == "variants" and hasattr(view, "set_lab"):
                view.set_lab(self.lab, spec.options)
            elif spec.name == "activation_functions" and "functions" in spec.options \
                    and hasattr(view, "select_functions"):
                view.select_functions(spec.options["functions"])
        except ValueError as error:
            log.warning("lab %s: view %s could not be set up: %s", self.lab.id, spec.name, error)

    # ------------------------------------------------------------------ the run
    def _apply_hand_set_weights(self, experiment) -> None:
        """Set the variant's hand-set weights on a network built for it (before the views see it)."""
        variant = self.variant
        if variant is None or not variant.weights:
            return
        if experiment.config.to_dict()["network"] != variant.config.to_dict()["network"]:
            return  # the student changed the network: the lecture's weights no longer fit it
        try:
            labs.apply_weights(experiment.network, variant.weights)
        except ValueError as error:
            self.window.show_message(self.tr("The lab's hand-set weights do not fit: %1").replace("%1", str(error)),
                                     "warning")

    def _run_rebuilt(self, experiment) -> None:
        self.metrics = {}
        self.dock.set_goal_met(None)
        # A run reopened from the library gets its weights after this (the window's own handler of the
        # same signal): judge them then, or its goal said "not yet" until exported.
        QTimer.singleShot(0, self, self._judge_reopened_run)

    def _judge_reopened_run(self) -> None:
        experiment = self.window.experiment
        goal = self.dock.active_goal()
        if goal is not None and self._run_is_the_labs() and self.window.steps_done and self.window.state == "idle":
            self.metrics.update(labs.final_metrics(experiment, (goal.split,)))
            self._show_goal()

    def _follow_session(self, state: str) -> None:
        session = self.window.session
        # The session itself, not its id(): a new session could get the id of the last, freed one,
        # and its curves went unrecorded (a run in 25 exported none).
        if session is not None and session is not self._session_followed:
            self._session_followed = session
            session.progress.connect(self._on_progress)
            self._warn_if_past_the_labs_epochs()

    def _warn_if_past_the_labs_epochs(self) -> None:
        """A Start after the lab's run has ended trains as many epochs more: past those the lab sets."""
        if self.lab is None or not self.lab.locks("training.epochs") or not self._run_is_the_labs():
            return
        epochs = self.variant.config.training.epochs
        if self.window.planned_end > epochs:
            self.window.show_message(
                self.tr("This lab trains %1 epochs: training on past them, the result no longer counts toward the "
                        "lab's goal. Reset trains the lab's epochs from the start.").replace("%1", str(epochs)),
                "warning")

    def _run_is_the_labs(self) -> bool:
        """Whether the window's network was trained in the open lab's variant (not reopened from another)."""
        return self.lab is not None and self.window.experiment is not None \
            and self.window.run_lab == self.open_variant()

    def _metric(self) -> str:
        experiment = self.window.experiment
        return "r2" if experiment is not None and experiment.network.loss.task == "regression" else "accuracy"

    def _on_progress(self, progress) -> None:
        if progress.epochs:
            self.metrics.update(epoch_metrics(progress.epochs[-1], self._metric()))
            self._show_goal()

    def _run_finished(self, event) -> None:
        # The weights the run ended with, as an exported result measures them: the last epoch's metrics
        # are not theirs after early stopping brought the best epoch's back (the indicator said "not yet"
        # of a run whose exported file met the goal), and a test metric is measured only now. Only the
        # goal's split: all three of lab 6's MNIST held the window 0.3 s.
        goal = self.dock.active_goal()
        if goal is not None and self.window.experiment is not None:
            self.metrics.update(labs.final_metrics(self.window.experiment, (goal.split,)))
        self._show_goal()

    def _show_goal(self) -> None:
        goal = self.dock.active_goal()
        if goal is None:
            return
        if not self._run_is_the_labs():  # a run reopened from outside the lab: no result of the lab's yet
            self.dock.set_goal_met(None)
            return
        changed = labs.locked_changes(self.lab, self.variant.name, self.window.experiment.config,
                                      self.window.epochs_done)
        self.dock.set_goal_met(goal.met(self.metrics) and not changed)

    # ------------------------------------------------------------------ results
    def export_problem(self) -> str:
        """Why the result cannot be exported now, for the student ("" when it can): asked before the name
        and the file, which were asked for in vain while the run was going."""
        window = self.window
        if self.lab is None:
            return self.tr("Open a lab and train it before exporting a result.")
        if window.state == "running":
            return self.tr("Pause or stop the run before exporting its result.")
        # The run library's curves of the run: all of them for a run reopened or branched from a checkpoint.
        try:
            history = window.current_history()
        except StillWriting as error:
            return window.still_writing_text(error)
        if window.experiment is not None and window.steps_done and history is None:
            return self.tr("This network's curves were not kept, and a result is made of them: it was opened from a "
                           "model file that holds none (saved by an older version of MLP Workbench), or its run "
                           "could not be saved. Train it in the lab (Start trains it on, Reset trains the lab's run "
                           "from the start) and export that run.")
        if window.experiment is None or not history or not history["epochs"]:
            return self.tr("Train the lab first: the result holds the curves and final metrics of the run "
                           "trained in it (at least one epoch).")
        if not self._run_is_the_labs():
            return (self.tr("This network was not trained in this lab's variant “%1”: it comes from a model "
                            "file or from another lab, or was trained on with the lab closed. Open the variant "
                            "again (in the lesson or the Labs menu), train it, and export that run.")
                    .replace("%1", text_in(self.variant.title, i18n.current_language())))
        return ""

    def export_result(self, destination, student: str = "") -> Path | None:
        """Write the student's result of the open lab variant to ``destination`` (a folder or .json)."""
        window = self.window
        problem = self.export_problem()
        if problem:
            window.show_message(problem, "warning")
            return None
        try:
            history = window.current_history()
            metrics = labs.final_metrics(window.experiment)
            # The configuration that trained the weights, not settings typed since (lr 5 beside curves of lr 0.5).
            path = labs.export_result(destination, self.lab, self.variant.name, window.experiment.config,
                                      history, metrics, student, window.weights_set_by_hand)
        except OSError as error:  # a full or read-only memory stick: the reason in the window's language
            window.show_message(self.tr("Could not export the result to %1: %2").replace("%1", str(destination))
                                .replace("%2", i18n.os_error_reason(error)), "error")
            return None
        except ValueError as error:
            window.show_message(self.tr("Could not export the result: %1").replace("%1", str(error)), "error")
            return None
        except StillWriting as error:
            window.say_still_writing(error)
            return None
        self.metrics.update(metrics)
        self._show_goal()
        window.statusBar().showMessage(self.tr("Result saved to %1").replace("%1", str(path)), 8000)
        return path

    def export_dialog(self) -> None:
        problem = self.export_problem()
        if problem:
            self.window.show_message(problem, "warning")
            return
        student, accepted = QInputDialog.getText(self.window, self.tr("Export my result"),
                                                 self.tr("Your name (it goes into the file for the teacher):"),
                                                 QLineEdit.EchoMode.Normal, self._student)
        if not accepted:
            return
        if not student.strip():  # the teacher's table would not know whose it is, and files would overwrite
            self.window.show_message(self.tr("Give your name to export a result: the teacher's table lists "
                                             "results by name."), "warning")
            return
        self._student = student.strip()
        who = re.sub(r"[^\w-]+", "-", student.strip()).strip("-").lower() or "student"
        name = f"{self.lab.id}_{who}_{self.variant.name}.json"
        path = ask_save_path(self.window, self.tr("Export my result"), name, self.tr("Lab results (*.json)"))
        if path:
            # A native dialog may return the name as typed: a path without .json would be taken for a folder.
            self.export_result(path if path.lower().endswith(".json") else path + ".json", student)

    def collect_dialog(self) -> ResultsDialog:
        dialog = ResultsDialog(last_results_folder(), parent=self.window)  # read again: files may have come since
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
