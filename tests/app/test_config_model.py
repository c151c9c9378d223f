"""The config model: fields addressed by validate()'s paths, one announcement per real change."""
import pytest

from app.config_model import ConfigModel, get_path, set_path
from core.config import ConfigError, LayerConfig, RunConfig


def recorded(model):
    changes, errors = [], []
    model.changed.connect(changes.append)
    model.errors_changed.connect(errors.append)
    return changes, errors


def test_paths_reach_nested_fields_list_items_and_option_keys():
    config = RunConfig()
    config.network.hidden = [LayerConfig(8), LayerConfig(4, "tanh")]
    assert get_path(config, "network.hidden[1].activation") == "tanh"
    assert get_path(config, "optimizer.options.lr") == 0.001
    set_path(config, "network.hidden[0].units", 12)
    set_path(config, "optimizer.options.betas", [0.8, 0.9])
    set_path(config, "training.patience", 4)
    assert config.network.hidden[0].units == 12 and config.optimizer.options["betas"] == [0.8, 0.9]
    assert config.training.patience == 4
    with pytest.raises(KeyError, match="no field 'training.speed'"):
        set_path(config, "training.speed", 3)


def test_a_change_is_announced_once_with_its_path_and_an_equal_value_not_at_all(qapp):
    model = ConfigModel()
    changes, errors = recorded(model)
    model.set("training.epochs", 5)
    model.set("training.epochs", 5)
    assert changes == ["training.epochs"] and len(errors) == 1
    assert model.config.training.epochs == 5
    model.set("training.patience", 1)
    model.set("training.patience", True)  # equal to 1 but not the same thing: validate must see it
    assert changes == ["training.epochs", "training.patience", "training.patience"]
    assert [error.field for error in model.errors] == ["training.patience"]


def test_errors_carry_validate_paths_and_build_errors_come_after_them(qapp):
    model = ConfigModel()
    changes, errors = recorded(model)
    model.set("optimizer.options.lr", "fast")
    assert [error.field for error in model.errors] == ["optimizer.name options"]
    assert "must be a number" in model.errors[0].message and not model.is_valid
    build = ConfigError("loss.name", "mse", "digits is a classification dataset")
    model.set_build_errors([build])
    assert model.errors[-1] == build and model.validation_errors == model.errors[:1]
    model.set("optimizer.options.lr", 0.01)
    assert model.errors == [build] and model.validation_errors == []
    model.set_build_errors([])
    assert model.is_valid and errors[-1] == []


def test_replace_takes_a_copy_and_announces_everything(qapp):
    model = ConfigModel()
    changes, _ = recorded(model)
    replacement = RunConfig(name="other")
    model.replace(replacement)
    replacement.name = "changed afterwards"
    assert changes == [""] and model.config.name == "other"


def test_the_model_keeps_its_own_copy_of_the_initial_config(qapp):
    initial = RunConfig()
    model = ConfigModel(initial)
    initial.training.epochs = 99
    assert model.config.training.epochs == 20


def test_the_fields_the_user_set_are_edited_until_the_window_sets_them_or_another_configuration_is_opened(qapp):
    """What settings suggested for a data set leave alone (app.suggested_settings)."""
    model = ConfigModel()
    model.set("network.hidden[0].units", 12)
    model.set("training.epochs", 5)
    assert model.edited("network.hidden") and model.edited("network.hidden[0].units") and model.edited("network")
    assert model.edited("training.epochs") and not model.edited("training.batch_size")
    assert not model.edited("optimizer")
    model.set("network.hidden", [LayerConfig(8)], by_user=False)  # a suggestion: no longer the user's
    assert not model.edited("network.hidden") and model.edited("training.epochs")
    model.replace(model.config, keep_edits=True)  # a run's settings put back
    assert model.edited("training.epochs")
    model.replace(RunConfig())  # another configuration opened: its settings are its own
    assert not model.edited("training.epochs")
