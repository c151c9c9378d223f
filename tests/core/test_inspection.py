"""core.inspection against the same numbers computed directly (np.histogram, sklearn, forward by hand)."""
import math

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix as sklearn_confusion

from core import datasets, inspection
from core.datasets.dataset import make_dataset
from core.datasets.digits import load_digits
from core.datasets.tabular import load_sine, load_wine_2d
from core.datasets.toys import load_blobs, load_moons
from core.layers import Activation, Dense
from core.network import Network


@pytest.fixture(scope="module")
def digits():
    return load_digits()


def digits_network(hidden=32, activation="relu", seed=0):
    return Network([Dense(64, hidden), Activation(activation), Dense(hidden, 10, init="xavier_uniform")], seed=seed)


def perturb(network, scale, seed=1):
    """Move every weight by Gaussian noise, as training would (and beyond the initial range)."""
    network.flat_parameters += np.random.default_rng(seed).normal(0, scale, network.n_parameters).astype(np.float32)


# ----------------------------------------------------------------------------- histograms
def test_grid_histogram_matches_numpy_on_its_own_edges():
    values = np.random.default_rng(0).normal(0.3, 2.0, 10_000)
    histogram = inspection.grid_histogram(values, origin=-0.05, width=0.1, max_bins=1000)
    expected, _ = np.histogram(values, bins=histogram.edges)
    np.testing.assert_array_equal(histogram.counts, expected)
    assert histogram.counts.sum() == values.size
    assert histogram.edges[0] <= values.min() and histogram.edges[-1] > values.max()
    # The edges lie on the grid −0.05 + k·0.1.
    k = (histogram.edges + 0.05) / 0.1
    np.testing.assert_allclose(k, np.round(k), atol=1e-9)
    np.testing.assert_allclose(np.diff(histogram.edges), 0.1)


def test_grid_histogram_widens_bins_by_a_whole_factor_when_values_spread_too_far():
    values = np.array([-50.0, 0.0, 0.04, 49.0])
    histogram = inspection.grid_histogram(values, origin=-0.05, width=0.1, max_bins=40)
    assert len(histogram.counts) <= 40
    multiple = histogram.bin_width / 0.1
    assert multiple == round(multiple) and multiple > 1
    k = (histogram.edges + 0.05) / 0.1
    np.testing.assert_allclose(k, np.round(k), atol=1e-6)
    np.testing.assert_array_equal(histogram.counts, np.histogram(values, bins=histogram.edges)[0])


def test_grid_histogram_refuses_non_finite_values():
    with pytest.raises(ValueError, match="non-finite"):
        inspection.grid_histogram(np.array([0.0, np.nan]), 0.0, 0.1, 10)


def test_initial_grid_centres_the_first_and_last_bins_on_min_and_max():
    values = np.array([-1.0, 0.2, 3.0])
    origin, width = inspection.initial_grid(values, bins=5)
    assert width == pytest.approx(1.0)
    assert origin + width / 2 == pytest.approx(-1.0)
    histogram = inspection.grid_histogram(values, origin, width, 20)
    assert len(histogram.counts) == 5
    assert inspection.initial_grid(np.zeros(7), 10) == (-inspection.ZERO_SPREAD_BIN_WIDTH / 2,
                                                         inspection.ZERO_SPREAD_BIN_WIDTH)


def test_layer_histograms_count_the_weights_and_keep_the_initial_grid(digits):
    network = digits_network()
    first = inspection.inspect(network, digits)
    layer = first.layers[0]
    assert (layer.index, layer.shape) == (0, (64, 32))
    assert len(layer.weights.counts) == 40
    assert len(first.layers[1].weights.counts) == math.ceil(math.sqrt(32 * 10))  # 18 bins for 320 weights
    assert layer.initial_weights is layer.weights
    W0 = network.layers[0].W.copy()
    perturb(network, 0.05)
    later = inspection.inspect(network, digits, initial=first)
    for index, (entry, dense) in enumerate(zip(later.layers, (network.layers[0], network.layers[2]))):
        np.testing.assert_array_equal(entry.weights.counts, np.histogram(dense.W, bins=entry.weights.edges)[0])
        np.testing.assert_array_equal(entry.biases.counts, np.histogram(dense.b, bins=entry.biases.edges)[0])
        # Current bins are initial bins extended on the same grid, and the initial histogram is carried.
        assert entry.weights.bin_width == pytest.approx(first.layers[index].weights.bin_width)
        k = (entry.weights.edges - first.layers[index].weights.edges[0]) / entry.weights.bin_width
        np.testing.assert_allclose(k, np.round(k), atol=1e-6)
        assert entry.initial_weights is first.layers[index].initial_weights
    assert later.layers[0].weights.edges[0] < first.layers[0].weights.edges[0]
    np.testing.assert_array_equal(later.layers[0].initial_weights.counts,
                                  np.histogram(W0, bins=first.layers[0].weights.edges)[0])
    # The zero-initialised biases start as one spike.
    assert first.layers[0].initial_biases.counts.tolist() == [32]


def test_biases_are_counted_on_a_grid_of_their_own_so_a_narrow_spread_of_biases_still_has_bins():
    """On the weights' grid (a 2×64 layer's 128 weights of ±2 in bins of 0.3) a layer's 64 biases of ±0.3 fell into
    two bins."""
    moons = load_moons()
    network = Network([Dense(2, 64), Activation("relu"), Dense(64, 2)], seed=0)
    first = inspection.inspect(network, moons)  # zero biases: a spike of width ZERO_SPREAD_BIN_WIDTH at 0
    assert first.layers[0].initial_biases.counts.tolist() == [64]
    dense = network.layers[0]
    dense.W[...] = np.linspace(-2.0, 2.0, dense.W.size, dtype=dense.W.dtype).reshape(dense.W.shape)
    dense.b[...] = np.linspace(-0.3, 0.3, dense.b.size, dtype=dense.b.dtype)
    later = inspection.inspect(network, moons, initial=first).layers[0]
    assert later.weights.bin_width > 0.25, "the weights' grid is coarse here"
    np.testing.assert_array_equal(later.biases.counts, np.histogram(dense.b, bins=later.biases.edges)[0])
    assert len(later.biases.counts) >= 10
    k = (later.biases.edges - first.layers[0].initial_biases.edges[0]) / inspection.ZERO_SPREAD_BIN_WIDTH
    np.testing.assert_allclose(k, np.round(k), atol=1e-4)  # the initial spike's grid, bins merged
    fresh = inspection.inspect(network, moons).layers[0]  # a new run's grid over these biases: ⌈√64⌉ bins
    assert fresh.initial_biases is fresh.biases and len(fresh.biases.counts) == 8


def test_initial_inspection_of_another_architecture_is_refused(digits):
    first = inspection.inspect(digits_network(hidden=32), digits)
    with pytest.raises(ValueError, match="another architecture"):
        inspection.inspect(digits_network(hidden=16), digits, initial=first)


# ----------------------------------------------------------------------------- activations
def probe_activations(network, X):
    z = X @ network.layers[0].W + network.layers[0].b
    return network.layers[1].function.forward(z)


def test_relu_statistics_match_a_forward_pass_by_hand(digits):
    network = digits_network(hidden=48)
    # Kill five units: a large negative bias keeps them at 0 for every input.
    network.layers[0].b[:5] = -1000.0
    result = inspection.inspect(network, digits, probe_size=100)
    a = probe_activations(network, digits.X_val[:100])
    (stats,) = result.activations
    assert (stats.index, stats.function, stats.n_units) == (1, "relu", 48)
    assert (stats.split, stats.n_rows) == ("validation", 100), "the rows the shares are of"
    assert stats.mean == pytest.approx(float(np.mean(a, dtype=np.float64)), rel=1e-6)
    assert stats.std == pytest.approx(float(np.std(a, dtype=np.float64)), rel=1e-6)
    assert stats.dead == pytest.approx(np.mean([not a[:, j].any() for j in range(48)]))
    assert stats.dead >= 5 / 48
    assert stats.saturated is None


@pytest.mark.parametrize("function, low, high", [("sigmoid", 0.0, 1.0), ("tanh", -1.0, 1.0)])
def test_saturated_share_counts_outputs_near_the_asymptotes(digits, function, low, high):
    network = digits_network(hidden=32, activation=function)
    perturb(network, 1.0)
    result = inspection.inspect(network, digits, probe_size=64)
    a = probe_activations(network, digits.X_val[:64])
    margin = 0.01 * (high - low)
    expected = np.mean((a <= low + margin) | (a >= high - margin))
    assert 0 < expected < 1
    assert result.activations[0].saturated == pytest.approx(expected)
    assert result.activations[0].dead is None


def test_probe_size_must_be_positive(digits):
    with pytest.raises(ValueError, match="probe size"):
        inspection.inspect(digits_network(), digits, probe_size=0)


# ----------------------------------------------------------------------------- predictions
def test_confusion_matrix_and_worst_mistakes_match_direct_computation(digits):
    network = digits_network()
    perturb(network, 0.3)
    result = inspection.inspect(network, digits, max_evaluated=100)
    predictions = result.predictions
    X, y = digits.X_val[:100], digits.y_val[:100]
    probabilities = network.predict_proba(X)
    predicted = probabilities.argmax(axis=1)
    assert predictions.split == "validation" and predictions.n_available == len(digits.X_val)
    np.testing.assert_array_equal(predictions.predicted, predicted)
    np.testing.assert_array_equal(predictions.confusion, sklearn_confusion(y, predicted, labels=range(10)))
    np.testing.assert_allclose(predictions.confidence, probabilities.max(axis=1), rtol=1e-6)
    wrong = np.flatnonzero(predicted != y)
    assert len(wrong) > 5
    assert predictions.worst[0] == wrong[np.argmax(probabilities[wrong].max(axis=1))]
    assert set(predictions.worst) <= set(wrong)
    assert np.all(np.diff(predictions.confidence[predictions.worst]) <= 0)
    expected_shares = sklearn_confusion(y, predicted, labels=range(10), normalize="true")
    np.testing.assert_allclose(predictions.shares, np.nan_to_num(expected_shares))
    true_class, predicted_class = y[wrong[0]], predicted[wrong[0]]
    cell = predictions.mistakes(true_class, predicted_class)
    assert len(cell) == predictions.confusion[true_class, predicted_class]
    assert np.all((y[cell] == true_class) & (predicted[cell] == predicted_class))


def test_max_evaluated_none_uses_every_validation_row(digits):
    result = inspection.inspect(digits_network(), digits, max_evaluated=None)
    assert result.predictions.confusion.sum() == len(digits.X_val)


def test_without_validation_data_the_training_rows_are_inspected():
    X = np.random.default_rng(0).normal(size=(60, 2))
    data = make_dataset("toy", "binary", X, (X[:, 0] > 0).astype(int), class_names=("a", "b"),
                        validation_split=0.0, test_split=0.0)
    network = Network([Dense(2, 4), Activation("tanh"), Dense(4, 2)])
    result = inspection.inspect(network, data)
    assert result.predictions.split == "training"
    assert result.predictions.confusion.sum() == 60
    assert [(stats.split, stats.n_rows) for stats in result.activations] == [("training", 60)]


def test_hinge_loss_ranks_mistakes_by_score_margin(digits):
    network = Network([Dense(64, 16), Activation("relu"), Dense(16, 10)], loss="hinge")
    result = inspection.inspect(network, digits, max_evaluated=50)
    scores = network.predict_output(digits.X_val[:50])
    top = np.sort(scores, axis=1)
    assert result.predictions.confidence_kind == "margin"
    np.testing.assert_allclose(result.predictions.confidence, top[:, -1] - top[:, -2], rtol=1e-5)


# ----------------------------------------------------------------------------- grids and images
def test_decision_boundary_covers_the_data_and_agrees_with_predict():
    moons = load_moons(n_samples=200, scaling="none")
    network = Network([Dense(2, 8), Activation("tanh"), Dense(8, 2)])
    boundary = inspection.inspect(network, moons, grid_size=20).boundary
    every_x = np.concatenate([moons.X_train[:, 0], moons.X_val[:, 0], moons.X_test[:, 0]])
    span = every_x.max() - every_x.min()
    assert boundary.x[0] == pytest.approx(every_x.min() - 0.1 * span, rel=1e-5)
    assert boundary.x[-1] == pytest.approx(every_x.max() + 0.1 * span, rel=1e-5)
    assert boundary.labels.shape == (20, 20) and boundary.probabilities.shape == (20, 20, 2)
    i, j = 3, 17  # row i is y[i], column j is x[j]
    point = np.array([[boundary.x[j], boundary.y[i]]])
    assert boundary.labels[i, j] == network.predict(point)[0]
    np.testing.assert_allclose(boundary.probabilities[i, j], network.predict_proba(point)[0], rtol=1e-5)
    np.testing.assert_allclose(boundary.confidence, boundary.probabilities.max(axis=2))


def test_the_decision_boundary_of_scaled_data_is_in_the_datas_original_units():
    """wine_2d's grid ran over the standardised values (proline 1050 at 0.718) under the name proline."""
    wine = load_wine_2d()
    assert wine.scaler.method == "standardize"
    network = Network([Dense(2, 4), Activation("tanh"), Dense(4, 2)])
    boundary = inspection.inspect(network, wine, grid_size=20).boundary
    original = wine.scaler.inverse_transform(np.concatenate([wine.X_train, wine.X_val, wine.X_test]))
    for axis, column in ((boundary.x, 0), (boundary.y, 1)):
        low, high = original[:, column].min(), original[:, column].max()
        assert axis[0] == pytest.approx(low - 0.1 * (high - low), rel=1e-5)
        assert axis[-1] == pytest.approx(high + 0.1 * (high - low), rel=1e-5)
    assert 10 < boundary.x[0] < 12 and 100 < boundary.y[0] < 300, "alcohol about 11–15, proline 278–1680"
    i, j = 5, 14
    scaled = wine.scaler.transform([[boundary.x[j], boundary.y[i]]])
    np.testing.assert_allclose(boundary.probabilities[i, j], network.predict_proba(scaled)[0], rtol=1e-5)


def test_unit_maps_are_each_activation_layer_s_outputs_at_the_grid_points_in_original_units():
    wine = load_wine_2d()  # standardised: the grid's points are scaled before they reach the network
    network = Network([Dense(2, 5), Activation("tanh"), Dense(5, 20), Activation("relu"), Dense(20, 2)], seed=2)
    maps = inspection.inspect(network, wine, unit_map_size=12, max_mapped_units=16).unit_maps
    boundary = inspection.inspect(network, wine, grid_size=12).boundary
    np.testing.assert_allclose(maps.x, boundary.x)
    np.testing.assert_allclose(maps.y, boundary.y)
    assert [m.shape for m in maps.maps] == [(12, 12, 5), (12, 12, 16), (12, 12, 2)], "at most 16 of the 20 units"
    assert (maps.functions, maps.units, maps.dense_before) == (("tanh", "relu", "softmax"), (5, 20, 2), (1, 2, 3))
    i, j = 3, 9
    point = wine.scaler.transform([[maps.x[j], maps.y[i]]]).astype(np.float32)
    first = np.tanh(point @ network.layers[0].W + network.layers[0].b)
    second = np.maximum(first @ network.layers[2].W + network.layers[2].b, 0)
    np.testing.assert_allclose(maps.maps[0][i, j], first[0], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(maps.maps[1][i, j], second[0, :16], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(maps.maps[2][i, j], network.predict_proba(point)[0], rtol=1e-5, atol=1e-6)
    assert inspection.inspect(network, wine).unit_maps.maps[0].shape == (48, 48, 5)


def test_the_output_s_map_is_what_the_loss_makes_of_the_last_layer_s_sums():
    """A network ending in a Dense layer showed no output among its unit maps (Playground draws it)."""
    wine = load_wine_2d()
    logistic = Network([Dense(2, 3), Activation("relu"), Dense(3, 1)], loss="binary_cross_entropy", seed=1)
    scores = Network([Dense(2, 3), Activation("relu"), Dense(3, 3)], loss="hinge", seed=1)
    for network, function in ((logistic, "sigmoid"), (scores, "identity")):
        maps = inspection.unit_maps(network, wine, 4, 16)
        assert maps.functions == ("relu", function) and maps.dense_before == (1, 2)
        point = wine.scaler.transform([[maps.x[2], maps.y[1]]]).astype(np.float32)
        expected = network.predict_proba(point)[0, 1:] if function == "sigmoid" else network.predict_output(point)[0]
        np.testing.assert_allclose(maps.maps[1][1, 2], expected, rtol=1e-5, atol=1e-6)
    ends_in_activation = Network([Dense(2, 1), Activation("step")], loss="perceptron")
    assert inspection.unit_maps(ends_in_activation, wine, 4, 16).functions == ("step",), "its step is the output"


def test_only_2d_data_has_unit_maps(digits):
    network = Network([Dense(64, 8), Activation("relu"), Dense(8, 10)])
    assert inspection.inspect(network, digits).unit_maps is None
    sine = load_sine()
    assert inspection.inspect(Network([Dense(1, 4), Activation("tanh"), Dense(4, 1)], loss="mse"), sine).unit_maps \
        is None


def test_binary_cross_entropy_boundary_gives_two_class_probabilities():
    moons = load_moons(n_samples=100)
    network = Network([Dense(2, 4), Activation("relu"), Dense(4, 1)], loss="binary_cross_entropy")
    result = inspection.inspect(network, moons, grid_size=8)
    assert result.boundary.probabilities.shape == (8, 8, 2)
    assert result.predictions.confusion.shape == (2, 2)


def test_multiclass_2d_data_has_a_boundary_but_no_curve():
    blobs = load_blobs(n_samples=90, n_classes=3)
    result = inspection.inspect(Network([Dense(2, 5), Activation("relu"), Dense(5, 3)]), blobs)
    assert result.boundary is not None and result.curve is None and result.unit_images is None
    assert set(np.unique(result.boundary.labels)) <= {0, 1, 2}


def test_fitted_curve_of_1d_regression_is_the_network_prediction():
    sine = load_sine(n_samples=50, scaling="none")
    network = Network([Dense(1, 8), Activation("tanh"), Dense(8, 1)], loss="mse")
    result = inspection.inspect(network, sine, curve_size=30)
    curve = result.curve
    assert len(curve.x) == 30 and result.predictions is None and result.boundary is None
    assert curve.x[0] < sine.X_train.min() and curve.x[-1] > sine.X_train.max()
    np.testing.assert_allclose(curve.y, network.predict(curve.x[:, None].astype(np.float32)), rtol=1e-5)


def test_the_fitted_curve_of_scaled_data_is_in_the_datas_original_units():
    """The sine's x ∈ [−π, π] was drawn as its standardised −1.7…1.7, a period of about 3.3."""
    sine = load_sine(n_samples=50, target_scaling="standardize")
    assert sine.scaler.method == "standardize" and sine.target_scaler is not None
    network = Network([Dense(1, 8), Activation("tanh"), Dense(8, 1)], loss="mse")
    curve = inspection.inspect(network, sine, curve_size=30).curve
    original_x = sine.scaler.inverse_transform(np.concatenate([sine.X_train, sine.X_val]))
    assert curve.x[0] < original_x.min() < -3 and curve.x[-1] > original_x.max() > 3
    predicted = network.predict(sine.scaler.transform(curve.x[:, None]))
    np.testing.assert_allclose(curve.y, sine.target_scaler.inverse_transform(predicted).reshape(-1), rtol=1e-5)


def plane_points_of(dataset):
    """Every point of a planar data set, in original units, and the targets."""
    points = np.concatenate([dataset.plane_points(split) for split in ("train", "val", "test")])
    return points, np.concatenate([dataset.y_train, dataset.y_val, dataset.y_test])


@pytest.mark.parametrize("features", [None, ["x1", "x2", "x1_squared", "sin_x1"]])
def test_the_prediction_surface_is_the_network_s_output_on_the_grid_in_the_targets_units(features):
    options = {} if features is None else {"features": features}
    data = datasets.load("multi_gaussian", n_samples=200, target_scaling="standardize", **options)
    network = Network([Dense(data.n_features, 6), Activation("tanh"), Dense(6, 1)], loss="mse", seed=3)
    found = inspection.inspect(network, data, grid_size=15)
    surface = found.surface
    assert found.boundary is None and found.curve is None and found.predictions is None
    assert surface.values.shape == (15, 15) and surface.values.dtype == np.float32
    points, _ = plane_points_of(data)
    for axis, column in ((surface.x, 0), (surface.y, 1)):
        low, high = points[:, column].min(), points[:, column].max()
        assert axis[0] == pytest.approx(low - 0.1 * (high - low), rel=1e-5)
        assert axis[-1] == pytest.approx(high + 0.1 * (high - low), rel=1e-5)
    grid = np.array([[x, y] for y in surface.y for x in surface.x])  # row i is y[i], column j is x[j]
    expected = data.target_scaler.inverse_transform(network.predict(data.plane_inputs(grid))).reshape(15, 15)
    np.testing.assert_allclose(surface.values, expected, rtol=1e-5, atol=1e-6)
    i, j = 4, 11  # one cell by hand: the forward pass written out
    scaled = data.plane_inputs(np.array([[surface.x[j], surface.y[i]]]))
    hidden = np.tanh(scaled @ network.layers[0].W + network.layers[0].b)
    by_hand = (hidden @ network.layers[2].W + network.layers[2].b) * data.target_scaler.scale + \
        data.target_scaler.offset
    assert surface.values[i, j] == pytest.approx(float(by_hand[0, 0]), rel=1e-4, abs=1e-5)
    assert not surface.values.flags.writeable
    assert found.unit_maps is not None and found.unit_maps.maps[0].shape[:2] == (48, 48)


def test_only_2d_regression_with_one_output_has_a_surface():
    sine = datasets.load("sine")
    assert inspection.inspect(Network([Dense(1, 4), Activation("tanh"), Dense(4, 1)], loss="mse"), sine).surface \
        is None
    moons = datasets.load("moons")
    assert inspection.inspect(Network([Dense(2, 4), Activation("tanh"), Dense(4, 2)]), moons).surface is None
    one_input = datasets.load("regression_plane", features=["x1_x2"])  # one feature, but of the plane's points
    found = inspection.inspect(Network([Dense(1, 4), Activation("tanh"), Dense(4, 1)], loss="mse"), one_input)
    assert found.surface is not None and found.curve is None


def test_first_layer_weights_become_images_and_small_networks_their_matrices(digits):
    network = digits_network(hidden=32)
    result = inspection.inspect(network, digits, max_unit_images=10)
    assert result.unit_images.shape == (10, 8, 8)
    np.testing.assert_array_equal(result.unit_images[7], network.layers[0].W[:, 7].reshape(8, 8))
    (W1, b1), (W2, b2) = result.small_network
    np.testing.assert_array_equal(W2, network.layers[2].W)
    assert inspection.inspect(digits_network(hidden=65), digits).small_network is None


def test_results_are_read_only_copies(digits):
    network = digits_network()
    result = inspection.inspect(network, digits)
    before = result.small_network[0][0].copy()
    network.flat_parameters += 1.0
    np.testing.assert_array_equal(result.small_network[0][0], before)
    for array in (result.layers[0].weights.counts, result.unit_images, result.predictions.confusion):
        assert not array.flags.writeable
    assert not math.isnan(result.activations[0].mean)
