"""Features of the points of a plane (TensorFlow Playground's x₁², x₁x₂, sin x₁ …) as a network's inputs."""
import numpy as np
import pytest

from core import datasets, inspection
from core.datasets import plane
from core.layers import Activation, Dense
from core.network import Network


def test_each_feature_is_its_formula_of_the_coordinates():
    points = np.array([[0.5, -2.0], [3.0, 0.25]])
    x1, x2 = points.T
    expected = {"x1": x1, "x2": x2, "x1_squared": x1 ** 2, "x2_squared": x2 ** 2, "x1_x2": x1 * x2,
                "sin_x1": np.sin(x1), "sin_x2": np.sin(x2)}
    assert list(expected) == plane.FEATURES.names() == list(plane.SYMBOLS)
    np.testing.assert_allclose(plane.expand(points, tuple(expected)), np.column_stack(list(expected.values())),
                               rtol=1e-6)


def test_without_features_or_with_the_coordinates_the_data_are_as_they_always_were():
    before = datasets.load("moons")
    for features in (None, ["x1", "x2"]):
        options = {} if features is None else {"features": features}
        same = datasets.load("moons", **options)
        np.testing.assert_array_equal(same.X_train, before.X_train)
        assert same.plane is None and same.is_planar and same.plane_names == ("x1", "x2")


def test_featured_points_give_the_network_their_scaled_features_and_keep_the_plane():
    circles = datasets.load("circles", features=["x1_squared", "x2_squared", "x1_x2"], scaling="standardize")
    raw = datasets.load("circles", scaling="none")
    assert circles.n_features == 3 and circles.feature_names == ("x1_squared", "x2_squared", "x1_x2")
    np.testing.assert_array_equal(circles.plane_points("train"), raw.X_train)  # the same points, split alike
    np.testing.assert_array_equal(circles.y_test, raw.y_test)
    features = plane.expand(raw.X_train, circles.feature_names)
    np.testing.assert_allclose(circles.X_train, (features - features.mean(0)) / features.std(0), atol=1e-5)
    np.testing.assert_allclose(circles.plane_inputs(raw.X_val), circles.X_val, atol=1e-6)
    assert circles.is_planar and circles.plane_names == ("x1", "x2")


def test_the_decision_boundary_of_featured_points_is_drawn_over_their_plane():
    circles = datasets.load("circles", features=["x1_squared", "x2_squared"])
    network = Network([Dense(2, 4), Activation("tanh"), Dense(4, 2)], seed=1)
    found = inspection.inspect(network, circles, grid_size=11, unit_map_size=11)
    points = np.concatenate([circles.plane_points(split) for split in ("train", "val", "test")])
    assert found.boundary.x[0] < points[:, 0].min() and found.boundary.x[-1] > points[:, 0].max()
    i, j = 3, 8
    at = np.array([[found.boundary.x[j], found.boundary.y[i]]])
    np.testing.assert_allclose(found.boundary.probabilities[i, j], network.predict_proba(circles.plane_inputs(at))[0],
                               rtol=1e-5)
    assert found.unit_maps.maps[0].shape == (11, 11, 4)


def test_a_cloud_of_xor_takes_features_and_its_truth_table_says_they_need_noise():
    cloud = datasets.load("xor", n_samples=200, noise=0.3, features=["x1_x2"])
    assert cloud.n_features == 1 and cloud.is_planar and cloud.plane_points("train").shape[1] == 2
    with pytest.raises(ValueError, match="the truth table takes"):
        datasets.load("xor", features=["x1_x2"])


@pytest.mark.parametrize("features, message", [(["x3"], "unknown feature 'x3'"), ([], "at least one"),
                                               ("x1", "must be a list"), (["x1", "x1"], "must not repeat")])
def test_bad_features_are_named(features, message):
    with pytest.raises(ValueError, match=message):
        datasets.load("moons", features=features)
