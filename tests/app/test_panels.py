"""The configuration panels: widgets follow the model without echo, edits reach the model, errors show in place."""
import codecs
import math
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QLocale, Qt

from app.config_model import ConfigModel
from app.panels.data_panel import DataPanel, missing_options
from app.panels.network_panel import NetworkPanel
from app.panels.training_panel import RunPosition, TrainingPanel, planned_rates
from app.panels.widgets import ChoiceBox, mark, set_help, unbroken
from app.views.compare_view import CompareView
from core import datasets, optimizers, schedules
from core.config import MAX_HIDDEN_LAYERS, LayerConfig, OptimizerConfig, RunConfig


@pytest.fixture
def model(qapp):
    return ConfigModel()


def changes_of(model):
    changes = []
    model.changed.connect(changes.append)
    return changes


def type_into(edit, text):
    edit.setText(text)
    edit.editingFinished.emit()


def test_a_model_change_updates_the_widgets_without_echoing_back(qtbot, model):
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    changes = changes_of(model)
    model.set("training.epochs", 7)
    model.set("optimizer.options.lr", 0.25)
    model.set("regularization.apply_to_biases", True)
    assert panel.epochs.value() == 7 and panel.optimizer_options.controls()["lr"].text() == "0.25"
    assert panel.biases.isChecked()
    assert changes == ["training.epochs", "optimizer.options.lr", "regularization.apply_to_biases"]


def test_epsilon_is_explained_as_each_optimiser_uses_it(qtbot, model):
    """One text for every optimiser put ε in Adam's denominator, also for Adadelta, where it sits inside both
    square roots and sets the first steps."""
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    helps = {}
    for name in ("adam", "adamw", "rmsprop", "adagrad", "adadelta"):
        panel.optimizer.choose(name)
        helps[name] = panel.optimizer_options.controls()["eps"].toolTip()
    assert "√(u + ε) / √(s + ε)" in helps["adadelta"] and "√ε / √(1 − ρ)" in helps["adadelta"]
    assert "m / (√v + ε)" in helps["adam"] and helps["adamw"] == helps["adam"]
    assert "RMSProp" in helps["rmsprop"] and "Adagrad" in helps["adagrad"]
    assert len(set(helps.values())) == 4
    compare = CompareView()
    qtbot.addWidget(compare)
    compare.set_contenders([("A", OptimizerConfig("adam", {}), None), ("D", OptimizerConfig("adadelta", {}), None)])
    for row, name in enumerate(("adam", "adadelta")):
        compare.contender_list.setCurrentRow(row)
        assert compare.optimizer_options.controls()["eps"].toolTip() == helps[name]


@pytest.mark.parametrize("name, torchs, lectures", [("adagrad", "η·g / (√G + ε)", "η·g / √(G + ε)"),
                                                    ("rmsprop", "η·g / (√G + ε)", "η·g / √(G + ε)"),
                                                    ("adam", "η·m̂ / (√v̂ + ε)", "η·m̂ / √(v̂ + ε)"),
                                                    ("adamw", "η·m̂ / (√v̂ + ε)", "η·m̂ / √(v̂ + ε)")],
                         ids=["adagrad", "rmsprop", "adam", "adamw"])
def test_epsilon_inside_the_root_is_a_tick_box_whose_help_gives_both_forms_in_either_language(
        qtbot, model, switch_language, name, torchs, lectures):
    """Lecture 003 divides by √(G + ε), the engine (PyTorch) by √G + ε: the box puts ε where the lecture has it."""
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    panel.optimizer.choose(name)
    box = panel.optimizer_options.controls()["eps_inside_root"]
    form = panel.optimizer_options.layout()
    assert form.labelForField(box).text() == "ε inside the root" and not box.isChecked()
    assert f"Off, PyTorch's: θ ← θ − {torchs}. On, lecture 003's: θ ← θ − {lectures}" in box.toolTip()
    box.click()
    assert model.config.optimizer.options["eps_inside_root"] is True
    assert optimizers.create(name, **model.config.optimizer.options).eps_inside_root is True
    switch_language("ru")
    box = panel.optimizer_options.controls()["eps_inside_root"]
    assert form.labelForField(box).text() == "ε под корнем" and box.isChecked()
    assert f"Выключено, как в PyTorch: θ ← θ − {torchs}. Включено, как в лекции 003: θ ← θ − {lectures}" \
        in box.toolTip()
    panel.optimizer.choose("adadelta")  # ε sits inside both of its roots, in torch as in the lecture
    assert "eps_inside_root" not in panel.optimizer_options.controls()


def test_switching_optimiser_keeps_the_rate_and_shared_hyperparameters(qtbot, model):
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    model.set("optimizer.options.lr", 0.03)
    panel.optimizer.choose("momentum")
    type_into(panel.optimizer_options.controls()["momentum"], "0.5")
    type_into(panel.optimizer_options.controls()["weight_decay"], "0.001")
    panel.optimizer.choose("nesterov")
    assert model.config.optimizer.name == "nesterov"
    assert model.config.optimizer.options == {"lr": 0.03, "momentum": 0.5, "weight_decay": 0.001}
    panel.optimizer.choose("adam")
    assert model.config.optimizer.options == {"lr": 0.03, "weight_decay": 0.001}
    assert list(panel.optimizer_options.controls()) == ["lr", "betas", "eps", "weight_decay", "amsgrad",
                                                        "bias_correction", "eps_inside_root"]
    type_into(panel.optimizer_options.controls()["betas"], "0.8, 0.95")
    assert model.config.optimizer.options["betas"] == [0.8, 0.95]
    panel.optimizer_options.controls()["amsgrad"].setChecked(True)
    assert model.config.optimizer.options["amsgrad"] is True
    panel.optimizer.choose("adamw")  # the same betas and AMSGrad; AdamW's own decoupled weight decay
    assert model.config.optimizer.options == {"lr": 0.03, "betas": [0.8, 0.95], "amsgrad": True}
    assert optimizers.create("adamw", **model.config.optimizer.options).weight_decay == 0.01


def test_a_namesake_hyperparameter_of_another_meaning_is_not_carried_to_a_new_component(qtbot, model):
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    panel.optimizer.choose("momentum")
    type_into(panel.optimizer_options.controls()["momentum"], "0.5")
    panel.optimizer.choose("rmsprop")  # momentum 0 by default: γ = 0.5 would make it another method
    assert "momentum" not in model.config.optimizer.options
    assert panel.optimizer_options.controls()["momentum"].value() == 0.0
    network = NetworkPanel(model)
    qtbot.addWidget(network)
    network.layers.setCurrentRow(0)
    network.activation.choose("leaky_relu")
    model.set("network.hidden[0].activation_options", {"alpha": 0.2})
    network.activation.choose("elu")  # ELU's α = 1 is another parameter than Leaky ReLU's slope
    assert model.config.network.hidden[0].activation_options == {}


def test_a_batch_of_one_with_batch_norm_is_marked_at_the_batch_size_in_the_window_s_language(qtbot, model,
                                                                                             switch_language):
    from core.config import PROBLEMS

    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    model.set("network.hidden", [LayerConfig(units=16, batch_norm=True)])
    model.set("training.batch_size", 1)
    assert panel.batch_size.property("invalid") is True
    assert panel.problems.text().endswith(PROBLEMS["batch norm"])
    switch_language("ru")
    assert "батч-нормализации нужны батчи хотя бы из 2 примеров" in panel.problems.text()


def test_the_panels_word_every_rule_of_the_engine_s_validation_as_the_engine_does(qapp):
    """As a file's problem every rule reads as the engine words it; in the window a flag is a checkbox's."""
    from app.panels.base import CHECKBOX_RULES, PROBLEM_RULES, problem_text
    from core.config import PROBLEMS, ConfigError

    assert set(PROBLEMS) <= set(PROBLEM_RULES) and set(CHECKBOX_RULES) <= set(PROBLEMS)
    for rule, words in PROBLEMS.items():
        error = ConfigError("field", "value", words.format(bound=7), rule, 7)
        assert problem_text(error, in_file=True) == words.format(bound=7)
        assert problem_text(error) == CHECKBOX_RULES.get(rule, words.format(bound=7))


def test_a_page_pasted_into_a_number_field_is_quoted_in_its_problem_by_its_first_60_characters(qtbot, model):
    """10,000 characters pasted into the learning rate filled the Training panel with its problem: the settings
    under it were out of sight."""
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    type_into(panel.optimizer_options.controls()["lr"], "x" * 10_000)
    assert unbroken(panel.problems.text()) == "⚠ η (lr): must be a number, got '" + "x" * 60 + "…'"


def test_a_configuration_s_values_that_are_not_numbers_are_marked_in_the_window_s_language(qtbot, model,
                                                                                           switch_language):
    """A settings file with an unknown activation and a CSV without its file showed "choose one of: …" and
    "File: choose one" in the Russian window."""
    network, data = NetworkPanel(model), DataPanel(model)
    qtbot.addWidget(network)
    qtbot.addWidget(data)
    config = RunConfig()
    config.network.hidden[0].activation = "relux"
    config.data.dataset = "csv"
    model.replace(config)
    model.set_build_errors(missing_options(model.config))
    assert "choose one of: identity, step" in network.problems.text()
    assert "choose a file" in data.problems.text()
    switch_language("ru")
    assert "выберите одно из: identity, step" in network.problems.text()
    assert "выберите файл" in data.problems.text()
    assert "choose" not in network.problems.text() + data.problems.text()


def test_a_learning_rate_above_a_cycle_s_top_marks_the_top_and_the_preview_waits(qtbot, model):
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    panel.set_training_size(100)
    panel.schedule.choose("cyclic")
    type_into(panel.schedule_options.controls()["max_lr"], "0.6")
    assert len(panel.preview_curve.getData()[0]) > 0
    type_into(panel.optimizer_options.controls()["lr"], "1")  # no traceback from the preview
    assert len(panel.preview_curve.getData()[0] or []) == 0
    assert panel.schedule_options.controls()["max_lr"].property("invalid") is True
    assert panel.problems.text() == "⚠ η_max (max_lr): must be ≥ 1.0, got 0.6"


def test_a_bad_beta_of_adam_is_marked_at_the_betas_not_at_the_optimiser(qtbot, model):
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    model.set("optimizer.name", "adam")
    model.set("optimizer.options", {"lr": 0.001, "betas": [0.9, 1.5]})
    betas = panel.optimizer_options.controls()["betas"]
    assert betas.property("invalid") is True and panel.optimizer.property("invalid") is not True
    assert panel.problems.text().startswith("⚠ " + betas.accessibleName())


def test_an_unknown_hyperparameter_is_the_optimiser_s_problem_not_the_learning_rate_s(qtbot, model):
    """Its message lists the names the optimiser takes, lr first: it was marked at η, and listed as η's."""
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    model.set("optimizer.options", {"lr": 0.01, "foo": 3})
    assert not any(control.property("invalid") for control in panel.optimizer_options.controls().values())
    assert panel.optimizer.property("invalid") is True
    assert panel.problems.text().startswith("⚠ Optimiser: adam takes only the hyperparameters lr, betas")
    assert panel.problems.text().endswith("got 'foo'")


def test_an_activation_s_unknown_hyperparameter_is_not_named_as_one_of_its_own(qtbot, model):
    panel = NetworkPanel(model)
    qtbot.addWidget(panel)
    panel.add_button.click()
    model.set("network.hidden[0].activation", "leaky_relu")
    model.set("network.hidden[0].activation_options", {"alpha": 0.1, "beta": 1.0})
    panel.layers.setCurrentRow(1)  # the layer is not in the editor: the list names its problem
    assert "α (alpha)" not in panel.problems.text() and "got 'beta'" in panel.problems.text()
    panel.layers.setCurrentRow(0)
    assert not panel.activation_options.controls()["alpha"].property("invalid")
    assert panel.activation.property("invalid") is True


def test_a_flag_that_is_neither_is_explained_in_a_checkbox_s_words_in_either_language(qtbot, model, switch_language):
    """The window said "must be True or False", Python's words, of a checkbox."""
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    model.set("optimizer.options", {"lr": 0.001, "amsgrad": "yes"})
    amsgrad = panel.optimizer_options.controls()["amsgrad"]
    assert amsgrad.property("invalid") is True and amsgrad.toolTip().startswith("⚠ must be ticked or unticked")
    assert panel.problems.text() == "⚠ AMSGrad: must be ticked or unticked, got 'yes'"
    assert amsgrad.checkState() == Qt.CheckState.PartiallyChecked, "neither ticked nor unticked, as the file says"
    amsgrad.click()
    assert amsgrad.checkState() == Qt.CheckState.Checked and model.config.optimizer.options["amsgrad"] is True
    assert not amsgrad.property("invalid") and panel.problems.text() == ""
    amsgrad.click()
    assert amsgrad.checkState() == Qt.CheckState.Unchecked and model.config.optimizer.options["amsgrad"] is False
    model.set("optimizer.options", {"lr": 0.001, "amsgrad": "yes"})
    switch_language("ru")
    assert panel.problems.text() == "⚠ AMSGrad: флажок должен быть установлен или снят, введено 'yes'"


def test_every_bad_hyperparameter_of_the_optimiser_is_marked_at_its_own_control(qtbot, model):
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    model.set("optimizer.name", "adam")
    model.set("optimizer.options", {"lr": -1.0, "eps": 0.0, "betas": [0.9, 1.5]})
    controls = panel.optimizer_options.controls()
    assert [key for key, control in controls.items() if control.property("invalid") is True] == ["lr", "betas", "eps"]
    assert panel.problems.text().count("⚠") == 3


def previewing_panel(qtbot, model, schedule: str, batch_size: int, epochs: int) -> TrainingPanel:
    """A Training panel previewing ``schedule`` with T = 6 over ``epochs`` of 100 examples."""
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    panel.set_training_size(100)
    model.set("training.batch_size", batch_size)
    model.set("training.epochs", epochs)
    panel.schedule.choose(schedule)
    type_into(panel.schedule_options.controls()["T"], "6")
    return panel


def test_the_schedule_preview_plots_the_engine_rates_over_the_planned_steps(qtbot, model):
    panel = previewing_panel(qtbot, model, "exponential", batch_size=30, epochs=5)
    t, rates = panel.preview_curve.getData()
    expected = schedules.preview(schedules.create("exponential", lr0=0.001, T=6.0), 5 * math.ceil(100 / 30))
    assert t.tolist() == list(range(20))
    np.testing.assert_allclose(rates, expected)
    panel.schedule_unit.choose("epoch")
    assert panel.preview_curve.getData()[0].tolist() == [0, 1, 2, 3, 4]
    type_into(panel.schedule_options.controls()["T"], "-1")
    assert len(panel.preview_curve.getData()[0] or []) == 0, "no preview of an invalid schedule"
    assert panel.schedule_options.controls()["T"].property("invalid") is True



def test_the_schedule_preview_draws_the_learning_rate_in_the_loss_view_s_colour_for_it(qtbot, model):
    """η(t) was blue in the preview and reddish purple under the loss curves: one quantity, two colours."""
    from app.views.loss import LossView

    panel, view = TrainingPanel(model), LossView()
    qtbot.addWidget(panel)
    qtbot.addWidget(view)
    assert panel.preview_curve.opts["pen"].color() == view.lr_curve.opts["pen"].color()


def test_the_schedule_preview_is_drawn_again_only_when_its_curve_changes(qtbot, model, monkeypatch):
    panel = previewing_panel(qtbot, model, "exponential", batch_size=30, epochs=5)
    drawn = []
    set_data = panel.preview_curve.setData
    monkeypatch.setattr(panel.preview_curve, "setData", lambda *args: (drawn.append(args), set_data(*args)))
    model.set("regularization.l2", 0.001)
    model.set("training.seed", 7)
    assert drawn == [], "edits that leave the curve as it is do not draw it again (~5 ms for a long run)"
    model.set("training.epochs", 6)
    model.set("optimizer.options.lr", 0.002)
    assert [len(args[0]) for args in drawn] == [24, 24]
    np.testing.assert_allclose(panel.preview_curve.getData()[1],
                               schedules.preview(schedules.create("exponential", lr0=0.002, T=6.0), 24))

def test_the_preview_counts_the_steps_the_trainer_takes_with_batch_norm(qtbot, model):
    """101 examples in batches of 25 leave one: batch norm joins it to the batch before, 4 steps an epoch."""
    panel = previewing_panel(qtbot, model, "linear", batch_size=25, epochs=2)
    panel.set_training_size(101)
    assert len(panel.preview_curve.getData()[0]) == 10
    model.set("network.hidden", [LayerConfig(units=16, batch_norm=True)])
    panel.refresh()
    assert len(panel.preview_curve.getData()[0]) == 8


def test_a_schedule_chosen_starts_with_its_lengths_sized_to_the_planned_run(qtbot, model):
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    panel.set_training_size(100)
    model.set("training.batch_size", 25)
    model.set("training.epochs", 30)  # 120 steps
    panel.schedule.choose("step")
    assert model.config.schedule.options == {"step_size": 40}, "three drops in the run, not one every 10 steps"
    _, rates = panel.preview_curve.getData()
    assert rates[-1] == pytest.approx(0.001 * 0.1 ** 2) and rates[39] == pytest.approx(0.001)
    panel.schedule_unit.choose("epoch")  # left as fitted: fitted again, to the run's 30 epochs
    assert model.config.schedule.options == {"step_size": 10} and model.config.schedule.unit == "epoch"
    panel.schedule.choose("cosine")
    assert model.config.schedule.options == {"T": 30.0}
    type_into(panel.schedule_options.controls()["T"], "12")
    panel.schedule_unit.choose("step")  # a length the user typed stays as typed
    assert model.config.schedule.options == {"T": 12.0} and model.config.schedule.unit == "step"
    panel.schedule.choose("constant")
    assert model.config.schedule.options == {}


def test_a_schedule_s_lengths_left_as_fitted_follow_the_run_s_length_until_typed(qtbot, model):
    """A cosine chosen for a 30-epoch run, which was then made 100 epochs long, held η at its minimum for 70."""
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    panel.set_training_size(100)
    model.set("training.batch_size", 25)
    model.set("training.epochs", 30)
    panel.schedule_unit.choose("epoch")
    panel.schedule.choose("cosine")
    assert model.config.schedule.options == {"T": 30.0}
    panel.epochs.setValue(100)
    assert model.config.training.epochs == 100 and model.config.schedule.options == {"T": 100.0}
    panel.schedule_unit.choose("step")
    panel.batch_size.setValue(50)  # counted in steps: 2 a epoch now, not 4
    assert model.config.schedule.options == {"T": 200.0}
    panel.seed.setValue(7)
    assert model.config.schedule.options == {"T": 200.0}
    type_into(panel.schedule_options.controls()["T"], "12")
    panel.epochs.setValue(40)  # a length the user typed stays as typed
    assert model.config.schedule.options == {"T": 12.0}
    panel.schedule.choose("step")
    fitted = dict(model.config.schedule.options)
    panel.schedule_options.controls()["step_size"].setProperty("lockedByLab", True)  # a lab fixes the schedule
    panel.epochs.setValue(50)
    assert model.config.training.epochs == 50 and model.config.schedule.options == fitted
    panel.schedule_options.controls()["step_size"].setProperty("lockedByLab", False)
    panel.epochs.setValue(40)
    assert model.config.schedule.options == fitted, "40 epochs: as fitted again"
    panel.set_run_position(RunPosition(epoch=2, step=4, first_epoch=0, last_end=40, running=True))
    panel.epochs.setValue(60)  # during a run the trainer takes a new end, not a new schedule
    assert model.config.training.epochs == 60 and model.config.schedule.options == fitted


@pytest.mark.parametrize("position, epochs, plan", [
    (RunPosition(), 5, (0, 5)),  # a fresh network
    (RunPosition(epoch=2, step=8, first_epoch=0, last_end=5), 5, (0, 5)),  # stopped on the way: on to the end
    (RunPosition(epoch=2, step=8, first_epoch=0, last_end=5), 1, (2, 3)),  # a setting that ends before here
    (RunPosition(epoch=5, step=20, first_epoch=0, last_end=5), 5, (5, 10)),  # completed: that many more
    (RunPosition(epoch=2, step=8, first_epoch=0, last_end=5, running=True), 8, (0, 8)),  # moves the run's end
    (RunPosition(epoch=2, step=8, first_epoch=0, last_end=5, running=True, trained=2.0), 1, (0, 2)),  # not before
    (RunPosition(epoch=2, step=9, first_epoch=0, last_end=5, running=True, trained=2.3), 1, (0, 3)),  # the epoch
    # under way is finished first
])
def test_the_epochs_setting_counts_from_where_the_run_stands(position, epochs, plan):
    assert position.plan(epochs) == plan


def test_the_schedule_preview_spans_the_whole_run_and_shades_the_part_trained(qtbot, model):
    panel = previewing_panel(qtbot, model, "linear", batch_size=25, epochs=3)
    schedule = schedules.create("linear", lr0=0.001, T=6.0)
    assert panel.preview_curve.getData()[0].tolist() == list(range(12))
    assert not panel.now_line.isVisible()
    panel.set_run_position(RunPosition(epoch=3, step=12, first_epoch=0, last_end=3, origin=(3, 12)))
    t, rates = panel.preview_curve.getData()
    assert t.tolist() == list(range(24)), "Start trains 3 epochs more: steps 12 to 23"
    np.testing.assert_allclose(rates, schedules.preview(schedule, 24))
    assert panel.now_line.isVisible() and panel.now_line.value() == 12
    assert panel.trained_part.getRegion() == (0, 12)
    panel.set_run_position(RunPosition(epoch=3, step=13, first_epoch=3, last_end=6, running=True, origin=(3, 12)))
    assert panel.preview_curve.getData()[0].tolist() == list(range(24)) and panel.now_line.value() == 13
    panel.schedule_unit.choose("epoch")
    assert panel.preview_curve.getData()[0].tolist() == list(range(6)) and panel.now_line.value() == 3
    panel.set_run_position(RunPosition())
    assert panel.preview_curve.getData()[0].tolist() == [0, 1, 2] and not panel.now_line.isVisible()


def test_the_schedule_preview_writes_its_numbers_in_the_window_s_language(qtbot, model, switch_language):
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    axis = panel.preview.getPlotItem().getAxis("left")
    separator = QLocale().decimalPoint()  # the system's, which the English interface keeps
    assert axis.tickStrings([0.0005, 0.001], 1, 0.0005) == [f"0{separator}0005", f"0{separator}0010"]
    switch_language("ru")
    assert axis.tickStrings([0.0005, 0.001], 1, 0.0005) == ["0,0005", "0,0010"]


def test_long_runs_are_previewed_at_sampled_steps_with_the_same_rates():
    schedule = schedules.create("cosine", lr0=0.1, T=30_000.0)
    t, rates = planned_rates(schedule, 40_000)
    assert t[0] == 0 and t[-1] == 39_999 and len(t) <= 4000
    np.testing.assert_allclose(rates, [schedule(int(step)) for step in t])


def test_early_stopping_checkbox_sets_and_clears_patience(qtbot, model):
    panel = TrainingPanel(model)
    qtbot.addWidget(panel)
    assert not panel.patience.isEnabled()
    panel.early_stopping.setChecked(True)
    assert model.config.training.patience == 10 and panel.patience.isEnabled()
    panel.patience.setValue(4)
    assert model.config.training.patience == 4
    panel.early_stopping.setChecked(False)
    assert model.config.training.patience is None


def test_add_stops_at_the_deepest_network_allowed(qtbot, model):
    panel = NetworkPanel(model)
    qtbot.addWidget(panel)
    while panel.add_button.isEnabled():
        panel.add_button.click()
    assert len(model.config.network.hidden) == MAX_HIDDEN_LAYERS and model.errors == []
    panel.remove_button.click()
    assert panel.add_button.isEnabled()


def test_hyperparameter_rows_carry_the_lectures_symbols(qtbot, model):
    training, network = TrainingPanel(model), NetworkPanel(model)
    qtbot.addWidget(training)
    qtbot.addWidget(network)
    training.optimizer.choose("rmsprop")
    assert training.optimizer_options.controls()["alpha"].accessibleName() == "ρ (alpha)"  # lecture 003's ρ
    training.optimizer.choose("momentum")
    assert training.optimizer_options.controls()["momentum"].accessibleName() == "γ (momentum)"
    network.activation.choose("leaky_relu")
    assert network.activation_options.controls()["alpha"].accessibleName() == "α (alpha)"


def tab_order(panel) -> list:
    """The widgets Tab visits in ``panel``, in order, from the first."""
    order, widget = [], panel.nextInFocusChain()
    while widget is not panel:
        if panel.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(panel) \
                and widget.focusProxy() is None:
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order


def test_tab_reaches_a_component_s_hyperparameters_right_after_its_box(qtbot, model):
    """Rows made for a newly chosen component were appended to the end of the focus chain: Tab went from
    the optimiser to the schedule, the seed, and only then to η."""
    training, network, data = TrainingPanel(model), NetworkPanel(model), DataPanel(model)
    for panel in (training, network, data):
        qtbot.addWidget(panel)
    training.optimizer.choose("momentum")
    training.optimizer.choose("adam")
    training.schedule.choose("step")
    network.activation.choose("leaky_relu")
    data.dataset.choose("spirals")
    data.dataset.choose("moons")

    def follows(panel, owner, form, successor):
        order = tab_order(panel)
        return order[order.index(owner):order.index(successor) + 1] == [owner, *form.controls().values(), successor]

    assert follows(training, training.optimizer, training.optimizer_options, training.schedule)
    assert follows(training, training.schedule_unit, training.schedule_options, training.preview)
    assert follows(network, network.activation, network.activation_options, network.init)
    assert follows(data, data.dataset, data.options, data.data_seed)
    data.dataset.choose("csv")  # a path is a row of two stops
    path = data.options.controls()["path"]
    order = tab_order(data)
    assert order[order.index(data.dataset) + 1:order.index(data.dataset) + 4] == \
        [path.text, path.browse, data.options.controls()["label_column"]]


def test_layers_are_added_removed_and_reordered_in_the_config(qtbot, model):
    panel = NetworkPanel(model)
    qtbot.addWidget(panel)
    panel.units.setValue(10)
    panel.add_button.click()
    assert [layer.units for layer in model.config.network.hidden] == [10, 10] and panel.selected == 1
    panel.units.setValue(3)
    panel.activation.choose("leaky_relu")
    assert model.config.network.hidden[1] == LayerConfig(3, "leaky_relu", {}, "he_uniform", False, 0.0)
    type_into(panel.activation_options.controls()["alpha"], "0.3")
    assert model.config.network.hidden[1].activation_options == {"alpha": 0.3}
    panel.up_button.click()
    assert [layer.units for layer in model.config.network.hidden] == [3, 10] and panel.selected == 0
    assert panel.layers.item(0).text() == "1.  3 × Leaky ReLU"
    panel.activation.choose("elu")
    assert model.config.network.hidden[0].activation_options == {}, "ELU's α is not Leaky ReLU's slope"
    panel.batch_norm.setChecked(True)
    panel.dropout.setValue(0.25)
    assert panel.layers.item(0).text() == "1.  3 × ELU · BN · dropout 0.25"
    panel.remove_button.click()
    panel.remove_button.click()
    assert model.config.network.hidden == [] and not panel.editor.isEnabled()
    assert not panel.remove_button.isEnabled()
    panel.add_button.click()
    assert model.config.network.hidden == [LayerConfig()]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_network_without_hidden_layers_says_so_without_widening_the_panel(qtbot, model, language, switch_language):
    """The perceptron's editor title, a group box's one unwrapped line, widened the Network panel beyond its dock:
    in Russian the panel scrolled sideways, “Ниже” and the title cut off at its edge."""
    panel = NetworkPanel(model)
    qtbot.addWidget(panel)
    switch_language(language)
    with_a_layer = panel.minimumSizeHint().width()
    panel.remove_button.click()
    assert model.config.network.hidden == [] and panel.no_layer_note.isVisibleTo(panel)
    assert ("perceptron" if language == "en" else "перцептрон") in panel.no_layer_note.text()
    assert panel.minimumSizeHint().width() <= max(with_a_layer, 380)
    panel.add_button.click()
    assert not panel.no_layer_note.isVisibleTo(panel) and panel.editor.title().endswith(" 1")


def test_the_summary_shows_widths_and_the_parameter_count_of_the_built_network(qtbot, model):
    panel = NetworkPanel(model)
    qtbot.addWidget(panel)
    panel.set_shape(64, 10, 4810)
    assert panel.parameter_count.text() == f"{QLocale().toString(4810)} parameters"  # 4,810 / 4810 (C locale)
    assert panel.diagram.accessibleDescription() == "64 in → 64\nReLU → 10 out"
    panel.set_shape(None, None, None)
    assert "not built" in panel.parameter_count.text()


def test_the_diagram_names_each_layer_s_activation_as_the_lectures_do_and_in_the_window_s_language(qtbot, model,
                                                                                                   switch_language):
    model.set("network.hidden", [LayerConfig(units=4, activation="piecewise_linear"),
                                 LayerConfig(activation="sigmoid")])
    panel = NetworkPanel(model)
    qtbot.addWidget(panel)
    panel.set_shape(2, 1, 25)
    assert panel.diagram.accessibleDescription() == "2 in → 4\npiece-wise → 64\nsigmoid → 1 out"
    switch_language("ru")
    assert panel.diagram.accessibleDescription() == "2 вх. → 4\nкусочно-лин. → 64\nсигмоида → 1 вых."


def test_an_error_in_another_layer_is_marked_on_the_list_until_that_layer_is_selected(qtbot, model):
    panel = NetworkPanel(model)
    qtbot.addWidget(panel)
    panel.add_button.click()
    panel.layers.setCurrentRow(0)
    model.set("network.hidden[1].units", 0)
    assert panel.layers.property("invalid") is True and "must be ≥ 1" in panel.layers.toolTip()
    assert panel.problems.text() == "⚠ Hidden layer 2, Units: must be ≥ 1"  # the field as its control names it
    panel.layers.setCurrentRow(1)
    assert panel.units.property("invalid") is True and panel.layers.property("invalid") is False
    assert "must be ≥ 1" in panel.units.toolTip()
    assert panel.problems.text() == "⚠ Hidden layer 2, Units: must be ≥ 1"


def test_an_activation_s_bad_hyperparameter_is_named_as_its_control_names_it(qtbot, model):
    panel = NetworkPanel(model)
    qtbot.addWidget(panel)
    panel.add_button.click()  # two hidden layers
    model.set("network.hidden[0].activation", "leaky_relu")
    model.set("network.hidden[0].activation_options", {"alpha": -1.0})
    panel.layers.setCurrentRow(0)
    alpha = panel.activation_options.controls()["alpha"]
    assert alpha.property("invalid") is True and alpha.toolTip().startswith("⚠ must be ≥ 0.0, got -1.0")
    assert panel.problems.text() == "⚠ Hidden layer 1, α (alpha): must be ≥ 0.0, got -1.0"  # no "leaky_relu"
    panel.layers.setCurrentRow(1)  # the bad layer is not in the editor now: named the same way
    assert panel.layers.property("invalid") is True
    assert panel.problems.text() == "⚠ Hidden layer 1, α (alpha): must be ≥ 0.0, got -1.0"


def test_dataset_options_follow_the_loader_and_edits_reach_the_config(qtbot, model):
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    assert panel.options.controls() == {}
    panel.dataset.choose("spirals")
    assert list(panel.options.controls()) == ["n_samples", "noise", "n_classes", "sweep"]
    assert panel.options.layout().labelForField(panel.options.controls()["sweep"]).text() == "Arm sweep, rad"
    type_into(panel.options.controls()["noise"], "0.05")
    panel.options.controls()["n_classes"].setValue(3)
    assert model.config.data.options == {"noise": 0.05, "n_classes": 3}
    panel.dataset.choose("moons")
    assert model.config.data.options == {} and list(panel.options.controls()) == ["n_samples", "noise"]
    panel.validation_split.setValue(0.25)
    panel.scaling.choose("none")
    assert (model.config.data.validation_split, model.config.data.scaling) == (0.25, "none")
    panel.dataset.choose("mnist")  # download settings (mirrors) belong to the download tools
    assert list(panel.options.controls()) == ["folder", "mix_user_digits"]


def test_a_csv_dataset_needs_a_file_and_says_so_at_the_path_control(qtbot, model, tmp_path):
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    panel.dataset.choose("csv")
    assert list(panel.options.controls()) == ["path", "label_column", "task"]
    missing = missing_options(model.config)
    assert [error.field for error in missing] == ["data.options.path"]
    model.set_build_errors(missing)
    path_control = panel.options.controls()["path"]
    assert path_control.property("invalid") is True
    path_control.text.setText(str(tmp_path / "data.csv"))
    path_control.text.editingFinished.emit()
    type_into(panel.options.controls()["label_column"], "species")
    panel.options.controls()["task"].choose("regression")
    assert model.config.data.options == {"path": str(tmp_path / "data.csv"), "label_column": "species",
                                         "task": "regression"}
    assert missing_options(model.config) == []
    # A file named with digits stays a file name; a column given by its index becomes a number.
    path_control.text.setText("2024")
    path_control.text.editingFinished.emit()
    type_into(panel.options.controls()["label_column"], "3")
    assert model.config.data.options["path"] == "2024" and model.config.data.options["label_column"] == 3


def item_help(combo, name):
    return combo.itemData(combo.findData(name), Qt.ItemDataRole.ToolTipRole)


def test_the_browse_buttons_say_what_they_choose_in_the_window_s_language(qtbot, model, switch_language):
    """They had no tooltip, and their accessible names inserted the untranslated word "file" or "folder"."""
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    panel.dataset.choose("csv")
    browse = panel.options.controls()["path"].browse
    assert browse.toolTip() == "Choose the CSV file to learn from."
    assert browse.accessibleName() == "Browse for the CSV file"
    assert panel.options.controls()["path"].text.accessibleName() == panel.options.controls()["path"].accessibleName()
    switch_language("ru")
    panel.dataset.choose("mnist")
    browse = panel.options.controls()["folder"].browse
    assert browse.toolTip() == "Выбрать папку с файлами набора данных." and browse.accessibleName() == \
        "Выбрать папку данных"


def test_the_warning_of_large_values_says_what_to_do_with_targets_and_with_data_scaled_already(qtbot, model):
    """Unscaled targets: the Target scaling list scales them (the Scaling list does not). Scaled features that are
    still large: another scaling would not help, wrong values in the file might be why. A wide file's columns are
    counted past the third."""
    from app.i18n import format_integer
    from core.datasets.dataset import make_dataset
    from core.datasets.magnitudes import find_large_values

    panel = DataPanel(model)
    qtbot.addWidget(panel)
    X = np.linspace(-1, 1, 40).reshape(-1, 1)
    prices = make_dataset("prices", "regression", X, 2e5 + 1e5 * X, scaling="none", validation_split=0.0)
    panel.set_dataset(prices)
    panel.set_large_values(find_large_values(prices))
    assert not panel.data_warning.isHidden()
    assert unbroken(panel.data_warning.text()) == (
        f"⚠ The regression targets reach {format_integer(300_000)}. That is far beyond the ±1 or so that a network's "
        "initial weights are made for: its units saturate or its sums grow huge, and learning crawls or overflows. "
        "Choose the target scaling “standardise: (y − μ) / σ” (or “min–max to [0, 1]”): the network then learns "
        "scaled targets, and its predictions are shown in the data's units.")
    X_train, X_test = np.tile(np.eye(6), (4, 1)), np.full((1, 6), 5e6)  # a test row a million times the others
    wide = make_dataset("wide", "binary", X_train, np.arange(24) % 2, class_names="ab", X_test=X_test,
                        y_test=np.array([0]), validation_split=0.0, scaling="unit")
    panel.set_dataset(wide)
    panel.set_large_values(find_large_values(wide))
    assert unbroken(panel.data_warning.text()).startswith(
        "⚠ Feature values reach 5·10⁶ (in “x1”, “x2”, “x3” and 3 more). That is far beyond")
    assert unbroken(panel.data_warning.text()).endswith(
        "Even scaled, they lie far outside the training data: check those values in the file (a typing error? "
        "other units?).")
    panel.set_dataset(None, loading=True)
    assert panel.data_warning.isHidden()


def test_the_warning_of_large_values_names_the_columns_as_the_views_do(qtbot, switch_language):
    """Lab 5's unscaled wine warned “… достигают 1 680 (в «proline»)” in Russian, beside axes and a network
    that read “пролин, мг/л”."""
    from core import datasets
    from core.datasets.magnitudes import find_large_values

    switch_language("ru")
    panel = DataPanel(ConfigModel(RunConfig()))
    qtbot.addWidget(panel)
    wine = datasets.load("wine_2d", scaling="none")
    panel.set_dataset(wine)
    panel.set_large_values(find_large_values(wine))
    assert "(в «пролин, мг/л»)." in unbroken(panel.data_warning.text())


def test_combo_items_explain_each_component_with_the_engine_formula(qtbot, model):
    network, training = NetworkPanel(model), TrainingPanel(model)
    qtbot.addWidget(network)
    qtbot.addWidget(training)
    assert "max(0, z)" in item_help(network.activation, "relu")
    assert "Var(w) = 2 / fan_in" in item_help(network.init, "he_normal")
    assert "v ← γ·v + g" in item_help(training.optimizer, "momentum")
    assert "η₀·e^(−t/T)" in item_help(training.schedule, "exponential")
    assert "θ ← θ − η·g" in training.optimizer_options.controls()["lr"].toolTip()
    assert "λ₂·Σw²" in training.l2.toolTip()


def test_the_fixed_initialisers_say_the_numbers_the_window_draws_with(qtbot, model, switch_language):
    """'w ~ N(0, std²)' named a std the window neither shows nor lets be set (lab 7's small weights are N(0, 0.01²)),
    and 'w = value' hid that Constant is 0, the very weights Zeros gives."""
    from core import initializers

    panel = NetworkPanel(model)
    qtbot.addWidget(panel)
    std, a = initializers.create("normal").std, initializers.create("uniform").a
    assert (std, a, initializers.create("constant").value) == (0.01, 0.05, 0.0)
    assert item_help(panel.init, "normal").startswith("w ~ N(0, std²) with std = 0.01:")
    assert item_help(panel.output_init, "uniform").startswith("w ~ U(−a, a) with a = 0.05:")
    assert item_help(panel.init, "constant").startswith("w = 0 for every weight, as with Zeros")
    switch_language("ru")
    assert "std = 0,01" in item_help(panel.init, "normal") and "a = 0,05" in item_help(panel.init, "uniform")
    assert item_help(panel.init, "constant").startswith("w = 0 для всех весов")


def test_every_item_of_every_list_says_what_it_is_for_people_not_for_programmers(qtbot, model):
    """Items showed the engine's docstrings whole ("Once ``prepare(dtype)`` has compiled … np.maximum took
    17 µs", "see the module docstring", "Options: validation_split, …"), or only an identifier ("moons",
    "float32"); the identifier came first."""
    from app.panels.choice_help import CHOICES
    from core import activations, datasets, initializers, losses, optimizers, schedules

    data, network, training = DataPanel(model), NetworkPanel(model), TrainingPanel(model)
    for panel in (data, network, training):
        qtbot.addWidget(panel)
    registries = {"activation": activations, "initializer": initializers, "loss": losses, "optimizer": optimizers,
                  "schedule": schedules, "dataset": datasets}
    missing = [f"{kind}: {name}" for kind, registry in registries.items() for name in registry.names()
               if name not in CHOICES[kind]]
    assert not missing, "components the window offers without saying what they are"
    boxes = [data.dataset, data.scaling, network.activation, network.init, network.output_init, network.dtype,
             training.loss, training.optimizer, training.schedule, training.schedule_unit]
    for box in boxes:
        for index in range(box.count()):
            name = box.itemData(index)
            tooltip = box.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""
            assert len(tooltip) > len(name) + 20 and not tooltip.startswith(name + "\n"), (name, tooltip)
            assert not any(word in tooltip for word in ("``", ":func:", ":class:", "docstring", "µs", "Options:")), \
                tooltip
    assert item_help(data.dataset, "moons").endswith("In configuration files: moons")
    assert "(x − μ) / σ" in item_help(data.scaling, "standardize")
    assert "7 significant digits" in item_help(network.dtype, "float32")
    assert "one per batch" in item_help(training.schedule_unit, "step")


def test_a_list_s_tooltip_ends_with_what_the_chosen_item_does(qtbot, model):
    """The optimiser's box showed plain gradient descent's rule, whichever optimiser was chosen."""
    network, training = NetworkPanel(model), TrainingPanel(model)
    qtbot.addWidget(network)
    qtbot.addWidget(training)
    training.optimizer.choose("adam")
    assert training.optimizer.toolTip().startswith("How a gradient g becomes a step of the weights θ.\n\nAdam:")
    assert "m ← β₁·m + (1 − β₁)·g" in training.optimizer.toolTip()
    model.set("optimizer.name", "rmsprop")  # the configuration changes it (a file opened)
    assert "G ← ρ·G + (1 − ρ)·g²" in training.optimizer.toolTip() and "β₁" not in training.optimizer.toolTip()
    model.set("network.output_init", "xavier_normal")
    assert "Var(w) = 2 / (fan_in + fan_out)" in network.output_init.toolTip()
    box = ChoiceBox(optimizers.names(), kind="optimizer")
    qtbot.addWidget(box)
    set_help(box, "The box's help.")
    mark(box, "a problem")  # comes first, and stays while another item is chosen
    box.choose("adam")
    assert box.toolTip() == "⚠ a problem\n\nThe box's help.\n\n" + item_help(box, "adam").split("\n\n")[0]
    mark(box, None)
    assert box.toolTip().startswith("The box's help.\n\nAdam:")


def test_lists_show_names_in_the_interface_language_and_hand_on_the_engine_identifiers(qtbot, model, tmp_path,
                                                                                       switch_language):
    from app.panels.data_panel import describe
    from core import datasets

    data, network, training = DataPanel(model), NetworkPanel(model), TrainingPanel(model)
    for panel in (data, network, training):
        qtbot.addWidget(panel)
    optimizer = training.optimizer
    momentum = optimizer.findData("momentum")
    assert optimizer.itemText(momentum) == "SGD with momentum"
    assert optimizer.itemData(momentum, Qt.ItemDataRole.ToolTipRole).endswith("\n\nIn configuration files: momentum")
    assert network.init.itemText(network.init.findData("he_uniform")) == "He, uniform"
    chosen = []
    optimizer.chosen.connect(chosen.append)
    optimizer.choose("nesterov")
    assert chosen == ["nesterov"] and model.config.optimizer.name == "nesterov"
    assert optimizer.currentText() == "Nesterov momentum" and optimizer.current_name() == "nesterov"
    model.set("data.scaling", "unit")  # shown without being chosen again
    assert data.scaling.currentText() == "min–max to [0, 1]" and chosen == ["nesterov"]
    with pytest.raises(ValueError, match="'adamax'"):
        optimizer.choose("adamax")
    assert describe(datasets.load("digits")).startswith("multiclass classification, 10 classes")
    (tmp_path / "points.csv").write_text("x,y,label\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(30)))
    assert describe(datasets.load("csv", path=tmp_path / "points.csv")).startswith("points.csv: multiclass")

    def row_label(form, key):
        return form.layout().labelForField(form.controls()[key]).text()

    assert row_label(training.optimizer_options, "lr") == "η (lr)"
    # A number without its unit: degrees or radians? pixels or a share of the image?
    assert [row_label(data.augmentation, key) for key in ("shift", "rotation")] == ["Shift, px", "Rotation, °"]
    training.schedule.choose("reduce_on_plateau")
    assert row_label(training.schedule_options, "patience") == "Patience"
    model.set("network.hidden[0].dropout", 0.25)
    network.set_shape(64, 10, 4810)
    assert network.layers.item(0).text() == "1.  64 × ReLU · dropout 0.25"
    assert network.parameter_count.text() == f"{QLocale().toString(4810)} parameters"
    switch_language("ru")
    assert optimizer.currentText() == "Момент Нестерова" and optimizer.current_name() == "nesterov"
    assert network.activation.itemText(network.activation.findData("piecewise_linear")) == "Кусочно-линейная"
    assert training.schedule_unit.itemText(training.schedule_unit.findData("epoch")) == "эпохи"
    assert "многоклассовая классификация, классов: 10" in describe(datasets.load("digits"))
    assert row_label(data.augmentation, "rotation") == "Поворот, °"
    assert row_label(training.schedule_options, "patience") == "терпение (patience)"
    assert network.layers.item(0).text() == "1.  64 × ReLU · дропаут 0,25"
    assert network.parameter_count.text() == "параметров: 4\u00a0810"
    switch_language("en")
    assert optimizer.currentText() == "Nesterov momentum"


def test_loading_a_whole_config_refreshes_every_panel(qtbot, model):
    panels = [DataPanel(model), NetworkPanel(model), TrainingPanel(model)]
    for panel in panels:
        qtbot.addWidget(panel)
    config = RunConfig()
    config.data.dataset = "blobs"
    config.network.hidden = [LayerConfig(5, "sigmoid")]
    config.training.seed = 42
    model.replace(config)
    data, network, training = panels
    assert data.dataset.current_name() == "blobs" and list(data.options.controls())[:2] == ["n_samples", "noise"]
    assert network.units.value() == 5 and network.activation.current_name() == "sigmoid"
    assert training.seed.value() == 42


def test_a_problem_naming_a_long_file_wraps_instead_of_widening_the_panel(qtbot, model):
    from core.config import ConfigError

    panel = DataPanel(model)
    qtbot.addWidget(panel)
    narrow = panel.minimumSizeHint().width()
    path = "/tmp/Users_OneDrive_Documents_Coursework_MachineLearning_Week3_Assignment_Datasets_Final_2024/a.csv"
    model.set("data.dataset", "csv")
    model.set_build_errors([ConfigError("data.options.path", path, f"{path}: the file has no rows")])
    assert "the file has no rows" in panel.problems.text()
    assert panel.minimumSizeHint().width() <= max(narrow, 420)


def test_the_training_examples_can_be_limited_and_the_limit_lifted(qtbot, model):
    """Lab 8 asks for max_train = 200: no control set it."""
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    model.set("data.dataset", "moons")
    assert panel.max_train.value() == 0 and panel.max_train.text() == "all"
    panel.max_train.setValue(200)
    assert model.config.data.options["max_train"] == 200 and model.errors == []
    model.set("data.options", {"n_samples": 500, "max_train": 40})
    assert panel.max_train.value() == 40
    panel.max_train.setValue(0)
    assert "max_train" not in model.config.data.options and model.config.data.options["n_samples"] == 500


def test_image_data_offers_augmentation_with_a_preview_and_zero_switches_it_off(qtbot, model):
    from core.datasets import load

    panel = DataPanel(model)
    qtbot.addWidget(panel)
    assert panel.augmentation_group.isHidden()
    digits = load("digits")
    panel.set_dataset(digits)
    assert not panel.augmentation_group.isHidden()
    assert list(panel.augmentation.controls()) == ["shift", "rotation", "scale", "thickness", "noise"]
    type_into(panel.augmentation.controls()["rotation"], "15")
    assert model.config.data.augmentation == {"rotation": 15.0}
    preview = panel.augmentation_preview.pixmap()
    # three rows of 8×8 tiles (original + 7 copies) with 1-px gaps, enlarged 4× for the eye
    assert (preview.width(), preview.height()) == (4 * (8 * 9 - 1), 4 * (3 * 9 - 1))
    type_into(panel.augmentation.controls()["rotation"], "0")
    assert model.config.data.augmentation == {}
    panel.set_dataset(load("moons"))
    assert panel.augmentation_group.isHidden()


def test_every_number_rule_of_the_engine_has_its_words_here():
    from app.panels import base
    from core import _checks

    english = {rule: words.replace("{bound}", "%1") for rule, words in _checks.NUMBER_RULES.items()}
    assert base.NUMBER_RULES == english  # the same words, with Qt's %1 for the bound


def test_every_rule_of_a_component_s_value_that_is_not_a_number_has_its_words_here(qapp, switch_language):
    """The window kept, and translated, Python's "must be True or False", which no problem it shows says."""
    from app.panels import base
    from core import _checks
    from core.config import FILE_RULES, validate

    english = {rule: words.replace("{bound}", "%1") for rule, words in _checks.VALUE_RULES.items()
               if rule not in FILE_RULES}
    assert base.VALUE_RULES == english  # the same words, with Qt's %1 for the bound
    config = RunConfig()
    config.optimizer = OptimizerConfig("adam", {"amsgrad": "yes"})
    [flag] = validate(config)
    assert flag.rule == FILE_RULES["flag"] and flag.message == "adam amsgrad must be true or false, got 'yes'"
    assert base.problem_text(flag, in_file=True) == flag.message
    assert base.problem_text(flag, subject=False) == "must be ticked or unticked, got 'yes'"
    switch_language("ru")
    assert base.problem_text(flag, in_file=True) == "adam amsgrad: должно быть true или false, введено 'yes'"
    assert base.problem_text(flag, subject=False) == "флажок должен быть установлен или снят, введено 'yes'"


def test_generated_data_have_a_data_seed_of_their_own_and_regenerate_draws_the_next(qtbot, model):
    """Playground's "Regenerate": another sample of the same data without new initial weights. Until the data
    have a seed of their own, the seed shown is the training seed (which draws them, as it always did)."""
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    assert panel.data_seed_row.isHidden(), "the digits are a fixed table: no sample to draw again"
    panel.dataset.choose("moons")
    assert not panel.data_seed_row.isHidden() and panel.data_seed.value() == 0
    model.set("training.seed", 5)
    assert panel.data_seed.value() == 5 and "seed" not in model.config.data.options
    panel.regenerate.click()
    assert model.config.data.options == {"seed": 6} and panel.data_seed.value() == 6
    model.set("training.seed", 9)
    assert panel.data_seed.value() == 6, "the data keep their own seed"
    panel.data_seed.setValue(42)
    assert model.config.data.options == {"seed": 42} and model.errors == []
    panel.data_seed.setValue(panel.data_seed.maximum())
    panel.regenerate.click()
    assert model.config.data.options == {"seed": 0}, "past the largest seed, the first"
    panel.dataset.choose("spirals")
    assert model.config.data.options == {} and panel.data_seed.value() == 9
    model.set("data.dataset", "csv")
    assert panel.data_seed_row.isHidden()
    panel.dataset.choose("xor")
    assert panel.data_seed_row.isHidden(), "XOR's four corners: nothing drawn at random"
    model.set("data.options", {"n_samples": 400, "noise": 0.2})
    assert not panel.data_seed_row.isHidden(), "Playground's XOR: a cloud around the corners"


def test_a_data_seed_the_loader_refuses_is_marked_at_its_control(qtbot, model):
    from core.config import ConfigError

    panel = DataPanel(model)
    qtbot.addWidget(panel)
    model.set("data", replace(model.config.data, dataset="moons", options={"seed": -1}))
    model.set_build_errors([ConfigError("data.options", "moons", "moons: seed must be ≥ 0, got -1")])
    assert panel.data_seed.property("invalid") is True and panel.dataset.property("invalid") is not True


def test_the_test_split_is_offered_for_data_split_here_and_reaches_the_loader(qtbot, model):
    """TensorFlow Playground's "ratio of training to test data": the engine took test_split, the panel hid it."""
    from core import datasets

    panel = DataPanel(model)
    qtbot.addWidget(panel)
    panel.set_dataset(datasets.load("digits"))
    assert panel.split_form.isRowVisible(panel.test_split) and panel.test_split.value() == 0.2
    panel.test_split.setValue(0.5)
    assert model.config.data.options == {"test_split": 0.5} and model.errors == []
    digits = datasets.load("digits", **model.config.data.options)
    assert len(digits.X_test) == 899, "half of the 1,797 digits"
    panel.test_split.setValue(0.2)
    assert model.config.data.options == {}, "the default is not written: old configurations keep their data"
    panel.set_dataset(datasets.load("xor"))
    assert not panel.split_form.isRowVisible(panel.test_split), "XOR's four corners are all the data there is"


def test_the_truth_table_offers_no_validation_split_nor_limit_which_would_do_nothing(qtbot, model):
    """XOR's four corners are all the data there is, evaluated on themselves: the test split was hidden, but the
    validation split (0.100) and the training limit stayed, and changing them changed nothing."""
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    rows = (panel.validation_split, panel.max_train)
    assert all(panel.split_form.isRowVisible(row) for row in rows)
    panel.dataset.choose("xnor")
    assert not any(panel.split_form.isRowVisible(row) for row in rows)
    type_into(panel.options.controls()["noise"], "0.2")
    assert model.config.data.options == {"noise": 0.2}
    assert all(panel.split_form.isRowVisible(row) for row in rows), "a cloud around the corners is split"
    model.set("data.options", {})
    panel.dataset.choose("moons")
    assert all(panel.split_form.isRowVisible(row) for row in rows)


@pytest.mark.parametrize("name, shown", [("regression_plane", "Plane (regression)"),
                                         ("multi_gaussian", "Gaussian bumps (regression)")])
def test_the_regression_sets_of_the_plane_are_listed_with_the_options_of_the_toys(qtbot, model, name, shown):
    """Playground's regression data: noise, samples, a seed of their own with Regenerate, the inputs, the test split."""
    from core import datasets

    panel = DataPanel(model)
    qtbot.addWidget(panel)
    index = panel.dataset.findData(name)
    assert index > panel.dataset.findData("blobs") and panel.dataset.itemText(index) == shown
    panel.dataset.choose(name)
    assert model.config.data.dataset == name
    assert list(panel.options.controls()) == ["n_samples", "noise"]
    assert panel.dataset_form.isRowVisible(panel.data_seed_row) and panel.dataset_form.isRowVisible(panel.features_row)
    panel.regenerate.click()
    panel.feature_boxes["x1_x2"].click()
    type_into(panel.options.controls()["noise"], "0.3")
    panel.test_split.setValue(0.5)
    assert model.config.data.options == {"seed": 1, "features": ["x1", "x2", "x1_x2"], "noise": 0.3,
                                         "test_split": 0.5} and model.errors == []
    panel.set_dataset(datasets.load(name, **model.config.data.options))
    assert panel.split_form.isRowVisible(panel.test_split)
    assert panel.summary.text() == "regression, 3 features; 180 train / 20 validation / 200 test"
    panel.feature_boxes["x1_x2"].click()
    panel.feature_boxes["x2"].click()
    panel.set_dataset(datasets.load(name, **model.config.data.options))
    assert panel.summary.text() == "regression, 1 feature; 180 train / 20 validation / 200 test"


def test_the_inputs_of_points_are_chosen_by_their_features_and_the_coordinates_are_not_written(qtbot, model):
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    assert panel.dataset_form.isRowVisible(panel.features_row) is False, "the digits are no points of a plane"
    panel.dataset.choose("circles")
    assert panel.dataset_form.isRowVisible(panel.features_row)
    assert [name for name, box in panel.feature_boxes.items() if box.isChecked()] == ["x1", "x2"]
    panel.feature_boxes["x1_squared"].click()
    panel.feature_boxes["x2_squared"].click()
    panel.feature_boxes["x1"].click()
    panel.feature_boxes["x2"].click()
    assert model.config.data.options == {"features": ["x1_squared", "x2_squared"]} and model.errors == []
    for name in ("x1", "x2", "x1_squared", "x2_squared"):
        panel.feature_boxes[name].click()
    assert model.config.data.options == {}, "the coordinates alone: configurations keep their data"
    assert panel.feature_boxes["x1"].text() == "x₁" and panel.feature_boxes["sin_x2"].text() == "sin x₂"



def test_the_inputs_stay_in_sight_while_set_and_one_stays_checked(qtbot, model):
    """XOR's inputs hid with its noise set to 0, still applied and then refused; all unchecked, the data
    failed with an engine's message."""
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    panel.dataset.choose("xor")
    assert not panel.dataset_form.isRowVisible(panel.features_row), "XOR's four corners take no features"
    model.set("data.options", {"n_samples": 200, "noise": 0.2})
    assert panel.dataset_form.isRowVisible(panel.features_row)
    panel.feature_boxes["x1_x2"].click()
    panel.feature_boxes["x1"].click()
    panel.feature_boxes["x2"].click()
    assert model.config.data.options["features"] == ["x1_x2"]
    panel.feature_boxes["x1_x2"].click()  # the last input: stays
    assert panel.feature_boxes["x1_x2"].isChecked() and model.config.data.options["features"] == ["x1_x2"]
    model.set("data.options", {"features": ["x1_x2"]})  # the truth table again, its features still set
    assert panel.dataset_form.isRowVisible(panel.features_row), "in sight, to be undone"


def test_the_data_panel_says_a_file_not_in_utf_8_was_read_as_windows_1252(qtbot, model, tmp_path, switch_language):
    """A file saved by Excel in Windows-1252 ("Température") was refused; read, it says how."""
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    path = tmp_path / "meteo.csv"
    path.write_bytes("Température,Météo\n21.5,clair\n18.0,pluie\n23.1,clair\n16.4,pluie\n".encode("cp1252"))
    panel.set_dataset(datasets.load("csv", path=path, validation_split=0.0, test_split=0.0))
    assert "Read as Windows-1252: the file is not UTF-8 text" in panel.summary.text()
    switch_language("ru")
    assert "Прочитан как Windows-1252" in panel.summary.text()
    path.write_text(path.read_text(encoding="cp1252"), encoding="utf-8")
    panel.set_dataset(datasets.load("csv", path=path, validation_split=0.0, test_split=0.0))
    assert "Windows-1252" not in panel.summary.text()


def test_the_data_panel_says_a_file_in_utf_16_was_read_as_its_byte_order_mark_names(qtbot, model, tmp_path,
                                                                                    switch_language):
    """Excel's "Unicode text" (UTF-16 LE with a byte order mark, tab-separated) was refused as no text file."""
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    path = tmp_path / "meteo.txt"
    text = "Température\tMétéo\n21,5\tclair\n18,0\tpluie\n23,1\tclair\n16,4\tpluie\n"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    panel.set_dataset(datasets.load("csv", path=path, validation_split=0.0, test_split=0.0))
    assert panel.summary.text().endswith("\nRead as UTF-16 LE, the encoding the mark at the file's start names.")
    switch_language("ru")
    assert "Прочитан как UTF-16" in panel.summary.text()
