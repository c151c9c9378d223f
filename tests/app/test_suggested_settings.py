"""A data set chosen in the Data panel gets settings that train it well, but not over the settings the user set."""
import numpy as np

from core.config import LayerConfig, OptimizerConfig, RunConfig, ScheduleConfig
from core.trainer import evaluate, planned_units
from tests.app.test_panels import type_into

MOONS_MESSAGE = "Settings suggested for “Two moons”: 2 hidden layers of 8 tanh units; Adam with η = 0.03; 100 epochs."
SUGGESTED = ("network.hidden", "loss", "optimizer", "training")


def settings(config: RunConfig) -> dict:
    """The sections of the configuration a suggestion may change."""
    raw = config.to_dict()
    return {"network.hidden": raw["network"]["hidden"], **{section: raw[section] for section in SUGGESTED[1:]}}


def choose(window, qtbot, name: str) -> None:
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.data_panel.dataset.choose(name)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)


def test_moons_chosen_get_a_tanh_network_that_start_trains_to_over_95_percent(window, qtbot):
    """TensorFlow Playground's first steps: choose the moons, press Start, watch a good fit. The default network
    (64 ReLU units, Adam at 0.001, 20 epochs), left as the digits had it, classified 90 % of the held-out points."""
    choose(window, qtbot, "moons")
    config = window.model.config
    assert config.network.hidden == [LayerConfig(8, "tanh", init="xavier_uniform")] * 2
    assert config.optimizer == OptimizerConfig("adam", {"lr": 0.03}) and config.training.epochs == 100
    assert window.message_bar.message() == MOONS_MESSAGE
    assert window.message_bar.action_button.defaultAction() is window.suggester.keep_action
    assert window.message_bar.action_button.text() == "Keep my settings"
    window.grab().save("/tmp/suggest_shot.png")
    with qtbot.waitSignal(window.run_finished, timeout=120_000):
        window.start_action.trigger()
    dataset = window.experiment.dataset
    assert window.epochs_done == 100
    held_out = (np.concatenate([dataset.X_val, dataset.X_test]), np.concatenate([dataset.y_val, dataset.y_test]))
    assert evaluate(window.experiment.network, *held_out)[1] >= 0.95


def test_a_setting_the_user_changed_stays_through_a_change_of_data_set(window, qtbot):
    window.training_panel.epochs.setValue(7)  # typed into the Epochs box
    choose(window, qtbot, "circles")
    assert window.model.config.training.epochs == 7, "the user's"
    assert window.model.config.network.hidden == [LayerConfig(8, "tanh", init="xavier_uniform")] * 2, "suggested"
    assert "epochs" not in window.message_bar.message()
    choose(window, qtbot, "sine")
    config = window.model.config
    assert config.training.epochs == 7 and config.loss.name == "mse"
    assert config.network.hidden == [LayerConfig(16, "tanh", init="xavier_uniform")] * 2
    assert window.message_bar.message() == ("Settings suggested for “Sine curve (regression)”: 2 hidden layers of 16 "
                                            "tanh units; the loss “Mean squared error”; Adam with η = 0.01.")


def test_keep_my_settings_puts_back_exactly_what_the_suggestion_replaced(window, qtbot):
    window.model.set("network.hidden[0].units", 5)
    before = settings(window.model.config)
    choose(window, qtbot, "spirals")
    assert settings(window.model.config) != before and window.model.config.network.hidden[0].units == 5
    window.message_bar.action_button.click()
    assert settings(window.model.config) == before
    assert window.model.config.data.dataset == "spirals" and window.message_bar.message() == ""
    choose(window, qtbot, "moons")
    assert settings(window.model.config) == before, "the settings kept are the user's: the next data set keeps them"
    assert window.message_bar.message() == ""


def test_opening_a_configuration_or_a_lab_suggests_nothing_and_withdraws_the_offer(window, qtbot, tmp_path):
    opened = RunConfig()
    opened.data.dataset = "moons"
    opened.network.hidden = [LayerConfig(3, "relu")]
    opened.optimizer = OptimizerConfig("sgd", {"lr": 0.2})
    opened.training.epochs = 4
    path = tmp_path / "moons.json"
    path.write_text(opened.to_json())
    choose(window, qtbot, "circles")
    assert window.message_bar.action_button.defaultAction() is window.suggester.keep_action, "offered"
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.load_config(str(path))
    assert window.model.config == opened
    assert not window.message_bar.shows(MOONS_MESSAGE) and "suggested" not in window.message_bar.message()
    assert window.message_bar.action_button.defaultAction() is not window.suggester.keep_action \
        or window.message_bar.action_button.isHidden()
    window.suggester.keep_action.trigger()  # an offer withdrawn changes nothing
    assert window.model.config == opened
    assert window.labs.open_lab("04-xnor")
    lab_config = window.labs.variant.config
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    assert window.model.config == lab_config and "suggested" not in window.message_bar.message()


def test_the_suggestion_is_said_in_the_interface_language_and_again_after_a_switch(switch_language, window, qtbot):
    switch_language("ru")
    choose(window, qtbot, "moons")
    assert window.message_bar.message() == ("Для набора «Два полумесяца» предложены настройки: 2 скрытых слоя из 8 "
                                            "нейронов tanh; Adam с η = 0,03; 100 эпох.")
    assert window.message_bar.action_button.text() == "Оставить мои настройки"
    switch_language("en")
    assert window.message_bar.message() == MOONS_MESSAGE


def test_a_schedule_fitted_to_the_run_follows_the_epochs_suggested_and_the_examples_of_the_data_chosen(window, qtbot):
    """A cosine fitted to the digits' 20 epochs of 41 steps kept T = 820 steps when the moons brought 100 epochs of
    9 steps: η reached its minimum 80 steps before the end, where typing the epochs would have fitted it to 900."""
    window.training_panel.schedule.choose("cosine")

    def planned_steps() -> float:
        training = window.model.config.training
        return float(planned_units("step", training.epochs, len(window.experiment.dataset.X_train),
                                   training.batch_size, window.model.config.network.fewest_training_rows))

    assert window.model.config.schedule.options["T"] == planned_steps()
    choose(window, qtbot, "moons")
    assert window.model.config.training.epochs == 100
    assert window.model.config.schedule == ScheduleConfig("cosine", {"T": planned_steps()}, "step")
    window.message_bar.action_button.click()  # Keep my settings: the 20 epochs, on the moons
    assert window.model.config.training.epochs == 20
    assert window.model.config.schedule.options["T"] == planned_steps()
    window.training_panel.schedule_unit.choose("epoch")
    window.training_panel.epochs.setValue(30)
    assert window.model.config.schedule == ScheduleConfig("cosine", {"T": 30.0}, "epoch")
    type_into(window.training_panel.schedule_options.controls()["T"], "12")
    choose(window, qtbot, "circles")  # a length the user typed stays as typed
    assert window.model.config.training.epochs == 30 and window.model.config.schedule.options["T"] == 12.0
