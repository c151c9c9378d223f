"""Loss, optimiser, learning-rate schedule (with a preview of η over the run), regularisation, training."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from app import palette
from app.i18n import with_decimal_separator
from app.panels import help_texts
from app.panels.base import OPTIONS, ConfigPanel
from app.panels.help_texts import CONTROLS
from app.panels.widgets import ChoiceBox, HyperparameterForm, IntegerBox, NumberEdit, set_help
from core import losses, optimizers, schedules
from core.config import OptimizerConfig, ScheduleConfig
from core.trainer import planned_units

PREVIEW_EXACT = 5_000
"""Up to this many planned steps the preview evaluates η at every step; beyond, at PREVIEW_SAMPLES points."""
PREVIEW_SAMPLES = 4_000


def hyperparameter_defaults(module, name: str) -> dict:
    """A component's hyperparameters and their defaults ({} for an unknown name)."""
    try:
        return dict(module.create(name).hyperparameters)
    except ValueError:
        return {}


def carried_options(old: dict, old_defaults: dict, new_defaults: dict, keep: tuple[str, ...] = ()) -> dict:
    """Options worth keeping when switching component: ``keep``, and those the new one has with the
    same default, which mean the same there (Adam's betas in AdamW, momentum from momentum to
    Nesterov), not a namesake: SGD-momentum's γ = 0.9 made RMSProp (momentum 0 by default) another
    method, and Leaky ReLU's α = 0.01 gave ELU (α = 1) a different curve."""
    return {key: value for key, value in old.items()
            if key in keep or (key in new_defaults and key in old_defaults and old_defaults[key] == new_defaults[key])}


def chosen_schedule(old: ScheduleConfig, name: str, lengths) -> ScheduleConfig:
    """``old`` switched to the schedule ``name``: the options of ``old`` worth keeping (:func:`carried_options`)
    and the lengths of ``name`` sized to the planned run, ``lengths(name, unit)`` (a dict: see
    :func:`core.schedules.fitted_to_run`), in ``old``'s unit."""
    def fitted_defaults(schedule: str) -> dict:
        return {**hyperparameter_defaults(schedules, schedule), **lengths(schedule, old.unit)}

    options = carried_options(old.options, fitted_defaults(old.name), fitted_defaults(name))
    return ScheduleConfig(name, {**lengths(name, old.unit), **options}, old.unit)


def schedule_in_unit(old: ScheduleConfig, unit: str, lengths) -> ScheduleConfig:
    """``old`` counted in ``unit``: lengths left as fitted to the run (see :func:`chosen_schedule`) are fitted
    again in the new unit — 300 steps read as 300 epochs left a 20-epoch run at η₀ — others stay as typed."""
    return refitted_schedule(old, lengths(old.name, old.unit), lengths(old.name, unit), unit)


def refitted_schedule(old: ScheduleConfig, fitted_before: dict, fitted_now: dict, unit: str) -> ScheduleConfig:
    """``old`` in ``unit``, its lengths that are as they were fitted to the run (``fitted_before``, see
    :func:`chosen_schedule`) replaced by ``fitted_now``; lengths the user typed stay as typed."""
    if fitted_before and all(old.options.get(key) == value for key, value in fitted_before.items()):
        return ScheduleConfig(old.name, {**old.options, **fitted_now}, unit)
    return ScheduleConfig(old.name, old.options, unit)


def planned_rates(schedule, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(t, η(t)) over the planned run; long runs are sampled so the preview stays instant."""
    if n <= PREVIEW_EXACT:
        return np.arange(n, dtype=np.float64), schedules.preview(schedule, n)
    t = np.unique(np.linspace(0, n - 1, PREVIEW_SAMPLES).round().astype(np.int64))
    return t.astype(np.float64), schedules.rates_at(schedule, t)


class RateAxis(pg.AxisItem):
    """An axis of the schedule preview, its numbers written with the window language's decimal separator."""

    def tickStrings(self, values, scale, spacing):
        return with_decimal_separator(super().tickStrings(values, scale, spacing))


@dataclass(frozen=True)
class RunPosition:
    """How far the network has trained, for the Epochs setting and the schedule preview."""

    epoch: int = 0        # epochs trained
    step: int = 0         # optimiser steps taken
    first_epoch: int = 0  # the epoch the Epochs setting counts from
    last_end: int = 0     # the epoch the latest run was planned to end with
    running: bool = False
    origin: tuple[int, int] = (0, 0)  # (epoch, step) where the run under way started; else where training stands
    trained: float = 0.0  # epochs trained, the one under way counted by its share of the examples

    def plan(self, epochs: int) -> tuple[int, int]:
        """(first, end): the epochs the Epochs setting ``epochs`` counts from and ends with. During a
        run it moves the run's end (not before the end of the epoch under way, which is finished);
        else a run stopped on the way goes on to the end the setting now gives it, and after a
        completed run (or with a setting that ends before here) Start trains that many epochs more."""
        if self.running:
            return self.first_epoch, max(self.first_epoch + epochs, math.ceil(self.trained))
        first = self.first_epoch
        if self.last_end <= self.epoch or first + epochs <= self.epoch:
            first = self.epoch
        return first, first + epochs


class TrainingPanel(ConfigPanel):
    """Everything about how the network is trained (not what it is, nor on what data)."""

    prefixes = ("loss", "optimizer", "schedule", "regularization", "training")
    guide_section = "training"
    preview_inputs = ("optimizer", "schedule", "training.epochs", "training.batch_size")

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(model, parent)
        self._n_train: int | None = None
        self._position = RunPosition()
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addWidget(self._build_loss_group())
        layout.addWidget(self._build_optimizer_group())
        layout.addWidget(self._build_schedule_group())
        layout.addWidget(self._build_regularization_group())
        layout.addWidget(self._build_training_group())
        layout.addStretch(1)
        self.refresh()
        self.show_errors(model.errors)

    # ------------------------------------------------------------------ construction
    def _build_loss_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Loss"))
        form = QFormLayout(group)
        self.loss = ChoiceBox(losses.names(), kind="loss")
        set_help(self.loss, help_texts.text(CONTROLS, "loss"), self.tr("Loss"))
        self.loss.chosen.connect(lambda name: self.model.set("loss.name", name))
        self.bind("loss.name", self.loss)
        form.addRow(self.tr("L&oss"), self.loss)
        return group

    def _build_optimizer_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Optimiser"))
        form = QFormLayout(group)
        self.optimizer = ChoiceBox(optimizers.names(), kind="optimizer")
        set_help(self.optimizer, help_texts.text(CONTROLS, "optimizer"), self.tr("Optimiser"))
        self.optimizer.chosen.connect(self._optimizer_chosen)
        self.bind("optimizer.name", self.optimizer)
        form.addRow(self.tr("O&ptimiser"), self.optimizer)
        self.optimizer_options = HyperparameterForm(
            lambda key: help_texts.optimizer_text(self.config.optimizer.name, key), labels="optimizer_hyperparameter")
        self.optimizer_options.edited.connect(lambda key, value: self.model.set(f"optimizer.options.{key}", value))
        self.bind("optimizer.name" + OPTIONS, self.optimizer_options)
        form.addRow(self.optimizer_options)
        return group

    def _build_schedule_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Learning-rate schedule"))
        form = QFormLayout(group)
        self.schedule = ChoiceBox(schedules.names(), kind="schedule")
        set_help(self.schedule, help_texts.text(CONTROLS, "schedule"), self.tr("Schedule"))
        self.schedule.chosen.connect(self._schedule_chosen)
        self.bind("schedule.name", self.schedule)
        form.addRow(self.tr("S&chedule"), self.schedule)
        self.schedule_unit = ChoiceBox(["step", "epoch"], kind="schedule_unit")
        set_help(self.schedule_unit, help_texts.text(CONTROLS, "schedule_unit"), self.tr("Schedule unit"))
        self.schedule_unit.chosen.connect(self._schedule_unit_chosen)
        self.bind("schedule.unit", self.schedule_unit)
        form.addRow(self.tr("t counts"), self.schedule_unit)
        self.schedule_options = HyperparameterForm(lambda key: help_texts.text(help_texts.SCHEDULE, key))
        self.schedule_options.edited.connect(lambda key, value: self.model.set(f"schedule.options.{key}", value))
        self.bind("schedule.name" + OPTIONS, self.schedule_options)
        self.bind("schedule.options", self.schedule)
        form.addRow(self.schedule_options)
        self.preview = pg.PlotWidget(axisItems={side: RateAxis(side) for side in ("left", "bottom")})
        self.preview.setMinimumHeight(130)
        self.preview.setMaximumHeight(170)
        self.preview.setMenuEnabled(False)
        self.preview.setMouseEnabled(x=False, y=False)
        self.preview.hideButtons()
        self.preview.setBackground(self.palette().base().color())
        plot = self.preview.getPlotItem()
        self._axis_colour = self.palette().text().color().name()
        plot.setTitle("η(t)", color=self._axis_colour, size="8pt")  # upright: a rotated η read like ⊏
        plot.showGrid(x=True, y=True, alpha=0.25)
        for side in ("left", "bottom"):
            plot.getAxis(side).setTextPen(self.palette().text().color())
            plot.getAxis(side).setPen(self.palette().mid().color())
        plot.getAxis("left").enableAutoSIPrefix(False)
        self.preview_curve = self.preview.plot(pen=palette.pen(palette.LEARNING_RATE, 2))
        self._previewed: tuple | None = None  # what the preview's curve shows: see _update_preview
        # Where training stands: the part of the curve trained already is shaded, up to the line.
        self.trained_part = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(128, 128, 128, 50),
                                                pen=pg.mkPen(None))
        self.now_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(self._axis_colour, width=1))
        for item in (self.trained_part, self.now_line):
            item.setVisible(False)
            plot.addItem(item)
        set_help(self.preview, self.tr("The learning rate η(t) at every step (or epoch) of the planned run. "
                                       "The optimiser's lr is η₀. When the network has trained already, the "
                                       "part trained is shaded: Start goes on from the line."),
                 self.tr("Schedule preview"))
        form.addRow(self.preview)
        return group

    def _build_regularization_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Regularisation"))
        form = QFormLayout(group)
        self.l1, self.l2 = NumberEdit(), NumberEdit()
        for key, control, label in (("l1", self.l1, self.tr("L&1 λ₁")), ("l2", self.l2, self.tr("L&2 λ₂"))):
            set_help(control, help_texts.text(CONTROLS, key), label.replace("&", ""))
            control.valueEdited.connect(lambda value, key=key: self.model.set(f"regularization.{key}", value))
            self.bind(f"regularization.{key}", control)
            form.addRow(label, control)
        self.biases = QCheckBox(self.tr("Also penalise &biases"))
        set_help(self.biases, help_texts.text(CONTROLS, "biases"), self.tr("Penalise biases"))
        self.biases.toggled.connect(lambda checked: self.model.set("regularization.apply_to_biases", checked))
        self.bind("regularization.apply_to_biases", self.biases)
        form.addRow(self.biases)
        return group

    def _build_training_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Training"))
        form = QFormLayout(group)
        self.epochs = IntegerBox(1, 1_000_000)
        self.batch_size = IntegerBox(1, 10_000_000)
        self.seed = IntegerBox(0, 2**31 - 1)
        for key, control, label in (("epochs", self.epochs, self.tr("&Epochs")),
                                    ("batch_size", self.batch_size, self.tr("Batch si&ze")),
                                    ("seed", self.seed, self.tr("See&d"))):
            set_help(control, help_texts.text(CONTROLS, key), label.replace("&", ""))
            control.valueChanged.connect(lambda value, key=key: self.set_training_setting(key, value))
            self.bind(f"training.{key}", control)
            if key == "seed":
                form.addRow(self._build_early_stopping_row())
            form.addRow(label, control)
        return group

    def _build_early_stopping_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.early_stopping = QCheckBox(self.tr("Earl&y stopping after"))
        self.patience = IntegerBox(1, 1_000_000)
        self.patience.setValue(10)
        self.patience.setSuffix(self.tr(" epochs"))
        help_text = help_texts.text(CONTROLS, "early_stopping")
        set_help(self.early_stopping, help_text, self.tr("Early stopping"))
        set_help(self.patience, help_text, self.tr("Early stopping patience"))
        self.early_stopping.toggled.connect(self._early_stopping_toggled)
        self.patience.valueChanged.connect(lambda value: self.model.set("training.patience", value))
        self.bind("training.patience", self.patience)
        layout.addWidget(self.early_stopping)
        layout.addWidget(self.patience)
        layout.addStretch(1)
        return row

    # ------------------------------------------------------------------ edits
    def _optimizer_chosen(self, name: str) -> None:
        old = self.config.optimizer
        options = carried_options(old.options, hyperparameter_defaults(optimizers, old.name),
                                  hyperparameter_defaults(optimizers, name), keep=("lr",))
        self.model.set("optimizer", OptimizerConfig(name, options))

    def set_training_setting(self, key: str, value, *, by_user: bool = True) -> None:
        """Set ``training.<key>`` as its box does (``by_user``, see :meth:`app.config_model.ConfigModel.set`): a
        schedule's lengths left as fitted to the planned run follow its length (the epochs; the batch size too for
        a schedule counted in steps): a cosine chosen for 20 epochs, the run then made 100, held η at its minimum
        for 80. The settings suggested for a data set come this way too."""
        fitted_before = {} if key == "seed" else self._refittable_lengths()
        self.model.set(f"training.{key}", value, by_user=by_user)
        self._refit_schedule(fitted_before, by_user)

    def _refittable_lengths(self) -> dict:
        """The schedule's lengths as fitted to the planned run now, if they may follow it: not while a run goes on
        (its trainer takes a new end, not a new schedule), nor where a lab locks the schedule
        (app.teacher.LabControls marks its controls)."""
        locked = any(control.property("lockedByLab") for control in (self.schedule, self.schedule_unit,
                                                                     *self.schedule_options.controls().values()))
        if self._position.running or locked:
            return {}
        return self._fitted_lengths(self.config.schedule.name, self.config.schedule.unit)

    def _refit_schedule(self, fitted_before: dict, by_user: bool) -> None:
        """The schedule's lengths that were ``fitted_before`` the run's length changed, fitted to it again."""
        schedule = self.config.schedule
        if fitted_before:
            refitted = refitted_schedule(schedule, fitted_before, self._fitted_lengths(schedule.name, schedule.unit),
                                         schedule.unit)
            if refitted != schedule:
                self.model.set("schedule", refitted, by_user=by_user)

    def _schedule_chosen(self, name: str) -> None:
        """A schedule chosen starts with its lengths (Step's k, Cosine's T…) sized to the planned run."""
        self.model.set("schedule", chosen_schedule(self.config.schedule, name, self._fitted_lengths))

    def _schedule_unit_chosen(self, unit: str) -> None:
        self.model.set("schedule", schedule_in_unit(self.config.schedule, unit, self._fitted_lengths))

    def _fitted_lengths(self, name: str, unit: str) -> dict:
        """:func:`core.schedules.fitted_to_run` for the configured run ({} while its length is unknown)."""
        training = self.config.training
        if not all(isinstance(value, int) and value >= 1 for value in (training.epochs, training.batch_size)):
            return {}
        planned = planned_units(unit, training.epochs, self._n_train, training.batch_size, self.config.network.fewest_training_rows)
        return {} if planned is None or name not in schedules.names() else schedules.fitted_to_run(name, planned)



    def _early_stopping_toggled(self, checked: bool) -> None:
        self.patience.setEnabled(checked)
        self.model.set("training.patience", self.patience.value() if checked else None)

    # ------------------------------------------------------------------ model → widgets
    def set_training_size(self, n_train: int | None) -> None:
        """How many training examples the current data has (the preview needs steps per epoch): a schedule counted
        in steps whose lengths were fitted to the run on the data before is fitted to the run on these (the data set
        chosen, the settings suggested for it set the epochs before its examples were counted)."""
        fitted_before = self._refittable_lengths() if n_train != self._n_train else {}
        self._n_train = n_train
        self._refit_schedule(fitted_before, by_user=False)
        self._update_preview()

    def set_run_position(self, position: RunPosition) -> None:
        """Where training stands: the preview spans the whole run and shades the part trained."""
        if position == self._position:
            return
        replan = (position.running, position.origin, position.first_epoch, position.last_end) != \
            (self._position.running, self._position.origin, self._position.first_epoch, self._position.last_end)
        self._position = position
        if replan:
            self._update_preview()
        else:
            self._show_position()

    def refresh(self) -> None:
        config = self.config
        self.loss.set_value(config.loss.name)
        self.optimizer.set_value(config.optimizer.name)
        self.optimizer_options.set_values(hyperparameter_defaults(optimizers, config.optimizer.name),
                                          config.optimizer.options, config.optimizer.name)
        self.schedule.set_value(config.schedule.name)
        self.schedule_unit.set_value(config.schedule.unit)
        self.schedule_options.set_values(hyperparameter_defaults(schedules, config.schedule.name),
                                         config.schedule.options)
        self.l1.set_value(config.regularization.l1)
        self.l2.set_value(config.regularization.l2)
        with QSignalBlocker(self.biases):
            self.biases.setChecked(bool(config.regularization.apply_to_biases))
        self.epochs.set_value(config.training.epochs)
        self.batch_size.set_value(config.training.batch_size)
        self.seed.set_value(config.training.seed)
        patience = config.training.patience
        with QSignalBlocker(self.early_stopping):
            self.early_stopping.setChecked(patience is not None)
        self.patience.setEnabled(patience is not None)
        if patience is not None:
            self.patience.set_value(patience)
        self._update_preview()

    def _update_preview(self) -> None:
        """η(t) from t = 0 to the planned run's end, counted from where the run starts (the
        schedule goes on from the step a network has reached, not from 0)."""
        config = self.config
        unit = config.schedule.unit
        self.preview.getPlotItem().setLabel("bottom", self.tr("epoch") if unit == "epoch" else self.tr("step"),
                                            color=self._axis_colour)
        unknown_length = unit == "step" and self._n_train is None
        if unknown_length or any(error.field.startswith(self.preview_inputs) for error in self.model.errors):
            self.preview_curve.setData([], [])
            self._previewed = None
            self._show_position()
            return
        _, end = self._position.plan(config.training.epochs)
        origin_epoch, origin_step = self._position.origin
        if unit == "step":
            end = origin_step + planned_units(unit, end - origin_epoch, self._n_train, config.training.batch_size,
                                              self.config.network.fewest_training_rows)
        # Drawn again only when the curve changes: the panel refreshes at every edit of the configuration,
        # and a long run's curve takes ~5 ms (fifty edits a second, as a held arrow key makes, add up).
        previewed = (config.schedule.name, repr(config.schedule.options), unit, config.optimizer.lr, end)
        if previewed != self._previewed:
            schedule = schedules.create(config.schedule.name, lr0=config.optimizer.lr, **config.schedule.options)
            t, rates = planned_rates(schedule, end)
            self.preview_curve.setData(t, rates)
            # η ≥ 0 always; showing 0 makes a decay read as a decay, and a constant rate as a flat line.
            top = float(rates.max()) * 1.1 if rates.size and rates.max() > 0 else 1.0
            self.preview.getPlotItem().setYRange(0.0, top)
            self._previewed = previewed
        self._show_position()

    def _show_position(self) -> None:
        now = self._position.step if self.config.schedule.unit == "step" else self._position.epoch
        shown = now > 0 and self.preview_curve.xData is not None and len(self.preview_curve.xData) > 0
        for item in (self.trained_part, self.now_line):
            item.setVisible(shown)
        if shown:
            self.trained_part.setRegion((0, now))
            self.now_line.setPos(now)
