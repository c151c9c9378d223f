"""Each small built-in data set trained with its suggested settings reaches a good result, headless."""
import numpy as np
import pytest

from core import datasets
from core.config import RunConfig, check
from core.datasets import suggestions
from core.experiment import Experiment
from core.metrics import accuracy, r2_score

GOOD = {"moons": 0.95, "circles": 0.98, "spirals": 0.98, "blobs": 0.9, "wine_2d": 0.9, "xor": 1.0, "xnor": 1.0,
        "wine": 0.95, "digits": 0.93, "sine": 0.95, "regression_plane": 0.92, "multi_gaussian": 0.8, "diabetes": 0.3}
"""The accuracy, or R² for regression, each reaches on its held-out examples (validation and test) at least: what
its noise allows, less a margin (blobs overlap; the plane's noise allows R² 0.94, the bumps' 0.93; diabetes' ten
measurements explain about half of the progression)."""


def suggested_config(name: str) -> RunConfig:
    config = RunConfig()
    config.data.dataset = name
    for path, value in suggestions.suggestion(name).settings().items():
        *parents, last = path.split(".")
        node = config
        for parent in parents:
            node = getattr(node, parent)
        setattr(node, last, value)
    return check(config)


def test_every_built_in_data_set_has_valid_suggested_settings():
    assert set(suggestions.SUGGESTIONS) == set(datasets.names())
    for name in datasets.names():
        suggested_config(name)  # check refuses invalid settings


def test_the_digits_suggestion_is_the_window_s_default_run():
    """Choosing the 8×8 digits again after another data set brings back the settings the window opens with."""
    assert suggested_config("digits") == RunConfig()


@pytest.mark.parametrize("name", sorted(GOOD))
def test_the_suggested_settings_train_the_data_set_well(name):
    experiment = Experiment(suggested_config(name))
    for _ in experiment.make_trainer().run():
        pass
    data = experiment.dataset
    X = np.concatenate([data.X_val, data.X_test])
    y = np.concatenate([data.y_val, data.y_test])
    _, predicted = experiment.network.loss.forward_and_predict(experiment.network.predict_output(X), y)
    score = r2_score(y, predicted.reshape(y.shape)) if data.task == "regression" else accuracy(y, predicted)
    assert score >= GOOD[name]
