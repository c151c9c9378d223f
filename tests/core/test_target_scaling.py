"""Scaling of regression targets, end to end: the configuration, the data, training, scores in the data's units,
the views' values and model files (the maths of the scaling itself: tests/core/datasets/test_dataset.py)."""
import numpy as np
import pytest

from core import datasets, model_io
from core.config import LayerConfig, RunConfig
from core.datasets.dataset import Scaler
from core.experiment import Experiment, load_data
from core.experiment import target_scaling as target_scaling_of
from core.inspection import fitted_curve, unit_maps
from core.trainer import evaluate, regression_scores


def write_prices(path, n=300, seed=0):
    """House prices of 10⁵ and more from their area and rooms, with noise: price = 1500·area + 20000·rooms + 50000."""
    rng = np.random.default_rng(seed)
    area, rooms = rng.uniform(40, 200, n), rng.integers(1, 6, n)
    price = 1500 * area + 20_000 * rooms + 50_000 + rng.normal(0, 10_000, n)
    path.write_text("area,rooms,price\n" + "".join(f"{a:.1f},{r},{p:.0f}\n" for a, r, p in zip(area, rooms, price)))
    return path


def prices_config(path, target_scaling: str, epochs: int = 30) -> RunConfig:
    config = RunConfig()
    config.data.dataset, config.data.target_scaling = "csv", target_scaling
    config.data.options = {"path": str(path), "label_column": "price", "task": "regression"}
    config.loss.name, config.optimizer.options = "mse", {"lr": 0.01}
    config.network.hidden = [LayerConfig(units=16, activation="tanh", init="xavier_uniform")]
    config.training.epochs = epochs
    return config


def trained(config: RunConfig) -> Experiment:
    experiment = Experiment(config)
    for _ in experiment.make_trainer().run():
        pass
    return experiment


def test_the_configuration_s_target_scaling_reaches_the_data_and_its_default_keeps_each_data_set_s_own(tmp_path):
    """"default" (every configuration written before the setting) leaves the data as they were loaded: diabetes
    standardised, the sine and CSV files as they are. Classes are never scaled, whatever the setting."""
    def loaded(dataset, target_scaling, **options):
        config = RunConfig()
        config.data.dataset, config.data.options, config.data.target_scaling = dataset, options, target_scaling
        return load_data(config)

    assert loaded("sine", "default").target_scaler is None
    assert loaded("diabetes", "default").target_scaler.method == "standardize"
    assert loaded("diabetes", "none").target_scaler is None
    assert loaded("sine", "unit").target_scaler.method == "unit"
    path = write_prices(tmp_path / "houses.csv")
    assert loaded("csv", "default", path=str(path), label_column="price", task="regression").target_scaler is None
    assert loaded("csv", "standardize", path=str(path), label_column="price", task="regression") \
        .target_scaler.method == "standardize"
    for classes in (loaded("wine", "standardize"), loaded("xor", "unit"), loaded("digits", "standardize")):
        assert classes.target_scaler is None and classes.y_train.dtype == np.int64


def test_prices_of_1e5_learn_to_a_good_r2_with_standardised_targets_where_raw_ones_stay_poor(tmp_path):
    path = write_prices(tmp_path / "houses.csv")
    raw = trained(prices_config(path, "none"))
    scores = {}
    for scaling in ("standardize", "unit"):
        experiment = trained(prices_config(path, scaling))
        data = experiment.dataset
        scores[scaling] = regression_scores(experiment.network, data.X_test, data.original_targets(data.y_test),
                                            data.target_scaler)
    data = raw.dataset
    unscaled = regression_scores(raw.network, data.X_test, data.y_test)
    assert unscaled.r2 < 0.0 and unscaled.rmse > 1e5, "the outputs crawl towards prices of 2·10⁵ and stay far"
    assert scores["standardize"].r2 > 0.95 and scores["unit"].r2 > 0.9
    assert scores["standardize"].rmse < 20_000, "within twice the noise's 10,000, in the file's units"


def test_scores_are_in_the_data_s_units_and_the_loss_is_that_of_the_scaled_targets(tmp_path):
    experiment = trained(prices_config(write_prices(tmp_path / "houses.csv"), "standardize", epochs=5))
    data, network = experiment.dataset, experiment.network
    prices = data.original_targets(data.y_val)
    predicted = data.original_targets(network.predict(data.X_val)).reshape(-1, 1)
    scores = regression_scores(network, data.X_val, prices, data.target_scaler)
    assert scores.rmse == pytest.approx(np.sqrt(np.mean((predicted - prices) ** 2)), rel=1e-5)
    assert scores.mae == pytest.approx(np.mean(np.abs(predicted - prices)), rel=1e-5)
    loss, r2 = evaluate(network, data.X_val, data.y_val)  # as the trainer measures: on the scaled targets
    assert scores.loss == pytest.approx(loss, rel=1e-4) and scores.r2 == pytest.approx(r2, abs=1e-5)
    assert scores.loss < 1.0 < scores.rmse, "the loss is of standardised targets, the RMSE of prices"


def test_the_fitted_curve_and_the_neurons_output_are_in_the_targets_units():
    sine = datasets.load("sine", n_samples=60, target_scaling="unit")
    config = RunConfig()
    config.data.dataset, config.loss.name = "sine", "mse"
    from core.experiment import build_network
    network = build_network(config, 1, 1)
    curve = fitted_curve(network, sine, 25)
    outputs = network.predict(sine.scaler.transform(curve.x[:, None])).reshape(-1)
    np.testing.assert_allclose(curve.y, outputs * sine.target_scaler.scale[0] + sine.target_scaler.offset[0],
                               rtol=1e-5)
    bumps = datasets.load("multi_gaussian", n_samples=100, target_scaling="standardize")
    plane_network = build_network(config, 2, 1)
    maps = unit_maps(plane_network, bumps, 9, 4)
    grid = np.array([(x, y) for y in maps.y for x in maps.x])
    expected = bumps.target_scaler.inverse_transform(plane_network.predict(bumps.plane_inputs(grid))).reshape(9, 9)
    np.testing.assert_allclose(maps.maps[-1][:, :, 0], expected, rtol=1e-5, atol=1e-6)


def test_a_model_file_records_the_target_scaling_and_predicts_in_the_data_s_units(tmp_path):
    experiment = trained(prices_config(write_prices(tmp_path / "houses.csv"), "standardize", epochs=5))
    data, path = experiment.dataset, tmp_path / "prices.npz"
    model_io.save_model(path, experiment.network, dataset="csv", target_scaler=data.target_scaler.record())
    network, metadata = model_io.load_model(path)
    scaler = model_io.recorded_scaler(metadata, "target_scaler")
    assert scaler.method == "standardize" and scaler.offset.tolist() == data.target_scaler.offset.tolist()
    np.testing.assert_allclose(scaler.inverse_transform(network.predict(data.X_test)).reshape(-1, 1),
                               data.original_targets(experiment.network.predict(data.X_test)).reshape(-1, 1),
                               rtol=1e-6)
    model_io.save_model(path, experiment.network, dataset="csv", target_scaler=None)  # trained on the raw targets
    metadata = model_io.load_model(path)[1]
    assert model_io.recorded_scaler(metadata, "target_scaler", unrecorded=data.target_scaler) is None


def test_a_model_file_written_before_target_scaling_loads_and_one_with_a_bad_record_is_refused(tmp_path):
    experiment = trained(prices_config(write_prices(tmp_path / "houses.csv"), "standardize", epochs=1))
    path = tmp_path / "old.npz"
    model_io.save_model(path, experiment.network, dataset="csv", scaling="standardize")  # the metadata it had
    network, metadata = model_io.load_model(path)
    assert "target_scaler" not in metadata and model_io.recorded_scaler(metadata, "target_scaler") is None
    own = Scaler.identity(1)
    assert model_io.recorded_scaler(metadata, "target_scaler", unrecorded=own) is own, "its data's own, as then"
    for record, problem in (({"method": "standardize", "offset": [1.0]}, "its recorded target_scaler must be"),
                            ({"method": "unit", "offset": [0.0, 1.0], "scale": [1.0, 1.0]},
                             "its recorded target_scaler has 2 columns for 1 outputs")):
        model_io.save_model(path, experiment.network, dataset="csv", target_scaler=record)
        with pytest.raises(model_io.ModelFileProblem, match=problem) as refused:
            model_io.load_model(path)
        assert refused.value.kind == "damaged"


@pytest.mark.parametrize("dataset, target_scaling, options, loss", [
    ("diabetes", "default", {}, "mse"), ("diabetes", "none", {}, "mse"), ("sine", "default", {}, "mse"),
    ("sine", "unit", {}, "mse"), ("sine", "default", {"target_scaling": "standardize"}, "mse"),
    ("digits", "standardize", {}, "softmax_cross_entropy")])
def test_a_configuration_says_how_the_targets_it_loads_are_scaled(dataset, target_scaling, options, loss):
    """What a run saved before its run.json named the targets' scaling is known by: its configuration."""
    config = RunConfig()
    config.data.dataset, config.data.target_scaling, config.data.options = dataset, target_scaling, options
    config.loss.name = loss
    loaded = load_data(config).target_scaler
    assert target_scaling_of(config) == (None if loaded is None else loaded.method)
