"""TensorFlow Playground's 2-D regression sets: their formulas, range, noise, seeds and input features."""
import numpy as np
import pytest

from core import datasets
from core.datasets import toy_regression

NAMES = toy_regression.NAMES


def every_point_and_target(dataset):
    points = np.concatenate([dataset.plane_points(split) for split in ("train", "val", "test")])
    targets = np.concatenate([dataset.y_train, dataset.y_val, dataset.y_test])
    return points, targets


def test_both_sets_are_listed_after_the_classification_toys():
    names = datasets.names()
    assert names.index("blobs") < names.index("regression_plane") < names.index("multi_gaussian") < names.index("csv")


@pytest.mark.parametrize("name", NAMES)
def test_points_are_uniform_on_the_square_and_targets_float32_columns_within_one(name):
    data = datasets.load(name, n_samples=2000, noise=0.0, scaling="none")
    points, targets = every_point_and_target(data)
    assert data.task == "regression" and data.is_planar and data.plane_names == ("x1", "x2")
    assert points.shape == (2000, 2) and targets.shape == (2000, 1) and targets.dtype == np.float32
    assert points.min() >= -6 and points.max() <= 6 and points.min() < -5.9 and points.max() > 5.9
    assert np.all(np.abs(targets) <= 1.0) and targets.min() < -0.9 and targets.max() > 0.9
    counts, _ = np.histogramdd(points, bins=2, range=[(-6, 6), (-6, 6)])
    assert counts.min() > 400, "each quarter of the square holds about a quarter of the points"


def test_the_plane_is_x1_plus_x2_over_12():
    data = datasets.load("regression_plane", n_samples=300, noise=0.0, scaling="none")
    points, targets = every_point_and_target(data)
    np.testing.assert_allclose(targets[:, 0], (points[:, 0] + points[:, 1]) / 12, atol=1e-6)


def test_the_gaussians_peak_at_their_centres_with_their_signs_and_vanish_between():
    centres = np.array([[c1, c2] for c1, c2, _ in toy_regression.BUMPS])
    signs = np.array([sign for _, _, sign in toy_regression.BUMPS])
    np.testing.assert_allclose(toy_regression.gaussian_bumps_target(centres), signs, atol=1e-3)
    assert sorted(signs) == [-1, -1, -1, 1, 1, 1]
    assert abs(toy_regression.gaussian_bumps_target(np.array([[-6.0, 0.0], [2.0, 6.0]]))).max() < 0.05
    one_sigma = toy_regression.gaussian_bumps_target(np.array([[4.0, 3.5]]))  # a unit above the (4, 2.5) bump
    assert one_sigma[0] == pytest.approx(np.exp(-0.5), abs=1e-3)
    data = datasets.load("multi_gaussian", n_samples=300, noise=0.0, scaling="none")
    points, targets = every_point_and_target(data)
    np.testing.assert_allclose(targets[:, 0], toy_regression.gaussian_bumps_target(points), atol=1e-6)


@pytest.mark.parametrize("name", NAMES)
def test_noise_is_gaussian_on_the_target_with_the_noise_as_standard_deviation(name):
    clean = datasets.load(name, n_samples=4000, noise=0.0, scaling="none")
    noisy = datasets.load(name, n_samples=4000, noise=0.3, scaling="none")
    np.testing.assert_array_equal(noisy.plane_points("train"), clean.plane_points("train"))  # the same points
    residual = (noisy.y_train - clean.y_train)[:, 0]
    assert residual.std() == pytest.approx(0.3, rel=0.05) and abs(residual.mean()) < 0.03


@pytest.mark.parametrize("name", NAMES)
def test_a_seed_draws_the_same_sample_and_another_seed_another(name):
    first, again, other = (datasets.load(name, seed=seed) for seed in (3, 3, 4))
    np.testing.assert_array_equal(first.X_train, again.X_train)
    np.testing.assert_array_equal(first.y_train, again.y_train)
    assert not np.array_equal(first.plane_points("train"), other.plane_points("train"))


@pytest.mark.parametrize("name", NAMES)
def test_features_of_the_points_are_the_inputs_and_the_split_options_apply(name):
    featured = datasets.load(name, features=["x1_squared", "sin_x2"], test_split=0.5, validation_split=0.0,
                             scaling="none")
    raw = datasets.load(name, test_split=0.5, validation_split=0.0, scaling="none")
    assert featured.feature_names == ("x1_squared", "sin_x2") and featured.is_planar
    assert (len(featured.X_train), len(featured.X_val), len(featured.X_test)) == (200, 0, 200)
    points = featured.plane_points("train")
    np.testing.assert_array_equal(points, raw.X_train)
    np.testing.assert_allclose(featured.X_train, np.column_stack([points[:, 0] ** 2, np.sin(points[:, 1])]), rtol=1e-5)
    np.testing.assert_array_equal(featured.y_train, raw.y_train)


def test_featured_targets_scaled_on_request_keep_their_scaler():
    """A regression set given features of its points kept its scaled targets and lost the way back."""
    data = datasets.load("multi_gaussian", features=["x1", "x2", "x1_x2"], target_scaling="standardize")
    assert data.target_scaler is not None
    assert abs(float(data.y_train.mean())) < 1e-5 and float(data.y_train.std()) == pytest.approx(1.0, rel=1e-4)
    raw = datasets.load("multi_gaussian")
    np.testing.assert_allclose(data.original_targets(data.y_train), raw.y_train, atol=1e-5)


@pytest.mark.parametrize("options, message", [(dict(noise=-0.1), "regression_plane: noise must be ≥ 0"),
                                              (dict(n_samples=3), "regression_plane: n_samples must be ≥ 10"),
                                              (dict(colour="red"), "unknown option 'colour'")])
def test_bad_options_are_named(options, message):
    with pytest.raises(ValueError, match=message):
        datasets.load("regression_plane", **options)
