"""An experiment: a validated configuration with its data and network, ready to make trainers."""
import numpy as np
import pytest

from core import activations
from core.compiled import compiled
from core.config import OptimizerConfig, RunConfig
from core.experiment import Experiment, data_key, load_data
from core.optimizers import RMSprop


def test_prepare_compiles_the_kernels_of_a_run_without_building_its_optimiser():
    config = RunConfig()
    config.optimizer = OptimizerConfig("rmsprop", {"lr": 0.01})
    experiment = Experiment(config)
    experiment.prepare()
    assert any(str(signature[0].dtype) == "float32" for signature in compiled(RMSprop.kernel).signatures)
    assert np.dtype(np.float32) in activations.COMPILED_DTYPES, "the ReLU of the default network"
    assert experiment._optimizer is None, "the run's own optimiser (and its state) is left to the trainer"


def test_a_network_too_large_to_train_is_refused_before_anything_is_allocated(monkeypatch):
    from core import experiment
    from core.config import LayerConfig
    from core.experiment import NetworkTooLargeError, build_network, check_size

    config = RunConfig()
    config.network.hidden = [LayerConfig(units=100_000), LayerConfig(units=100_000)]  # 10¹⁰ weights: 37 GB each copy
    with pytest.raises(NetworkTooLargeError, match=r"10,0\d\d,\d{3},\d{3} parameters: training them takes about "
                                                   r"\d+\.\d GB .* At most 100,000,000 parameters"):
        build_network(config, 64, 10)
    assert NetworkTooLargeError.field == "network.hidden"
    config.network.hidden = [LayerConfig(units=5_000)]
    assert check_size(config, 784, 10) == 785 * 5_000 + 5_001 * 10
    monkeypatch.setattr(experiment, "physical_memory", lambda: 6 * 10**7)  # a computer of 60 MB
    with pytest.raises(NetworkTooLargeError, match="this computer has 0.1 GB"):
        check_size(config, 784, 10)


def test_a_data_seed_draws_generated_data_again_and_leaves_the_initial_weights():
    from core import datasets
    from core.datasets import toys
    from core.experiment import data_seed, load_data

    written_before = RunConfig.from_json('{"data": {"dataset": "spirals", "options": {"noise": 0.1}}, '
                                         '"training": {"seed": 7}, "schema_version": 2}')
    assert data_seed(written_before) == 7, "a configuration without a data seed: the training seed, as before"
    np.testing.assert_array_equal(load_data(written_before).X_train,
                                  datasets.load("spirals", noise=0.1, seed=7).X_train)
    reseeded = written_before.copy()
    reseeded.data.options["seed"] = 8
    first, other, again = Experiment(written_before), Experiment(reseeded), Experiment(reseeded.copy())
    assert not np.array_equal(other.dataset.X_train, first.dataset.X_train)
    np.testing.assert_array_equal(other.network.flat_parameters, first.network.flat_parameters)
    np.testing.assert_array_equal(again.dataset.X_train, other.dataset.X_train)
    reseeded.training.seed = 9
    kept = Experiment(reseeded)
    np.testing.assert_array_equal(kept.dataset.X_test, other.dataset.X_test)
    assert not np.array_equal(kept.network.flat_parameters, other.network.flat_parameters)
    assert set(toys.NAMES) == {name for name in datasets.names()
                               if datasets.DATASETS.get(name).__module__ == toys.__name__}


def test_a_network_trained_on_takes_the_dropout_rates_of_the_settings_and_keeps_its_weights():
    config = RunConfig()
    config.network.hidden[0].dropout = 0.2
    first = Experiment(config)
    weights = first.network.flat_parameters.copy()
    config = config.copy()
    config.network.hidden[0].dropout = 0.5
    again = Experiment(config, dataset=first.dataset, network=first.network, continues=first)
    assert again.network is first.network and again.network.dropout_rates == [0.5]
    np.testing.assert_array_equal(again.network.flat_parameters, weights)


@pytest.mark.parametrize("dataset, options", [("moons", {}), ("regression_plane", {}),
                                              ("xor", {"noise": 0.2, "n_samples": 80})])
def test_features_naming_the_coordinates_alone_are_the_same_data_as_no_features_under_one_key(dataset, options):
    """Lab 8 names them: its data were loaded once for it and again for the same data without them."""
    plain = RunConfig()
    plain.data.dataset, plain.data.options = dataset, dict(options)
    named = plain.copy()
    named.data.options["features"] = ["x1", "x2"]
    assert data_key(named) == data_key(plain)
    np.testing.assert_array_equal(load_data(named).X_train, load_data(plain).X_train)
    for other in (["x2", "x1"], ["x1", "x2", "x1_x2"]):  # other inputs: other data
        named.data.options["features"] = other
        assert data_key(named) != data_key(plain)


@pytest.mark.parametrize("dataset, options", [("digits", {}), ("xor", {})])
def test_features_where_the_data_take_none_keep_a_key_of_their_own(dataset, options):
    """The digits and XOR's truth table refuse features: their load says so, not a data set loaded without them."""
    plain = RunConfig()
    plain.data.dataset, plain.data.options = dataset, dict(options)
    named = plain.copy()
    named.data.options["features"] = ["x1", "x2"]
    assert data_key(named) != data_key(plain)
    with pytest.raises(ValueError, match="unknown option 'features'"):
        load_data(named)
