import math

import numpy as np
import pytest
import sklearn.datasets

from core import datasets

# Data sets that need no files, with their size and task.
BUILT_IN = {"digits": (1797, "multiclass", 10), "wine": (178, "multiclass", 3), "wine_2d": (130, "binary", 2),
            "sine": (200, "regression", 0), "diabetes": (442, "regression", 0), "moons": (400, "binary", 2),
            "circles": (400, "binary", 2), "spirals": (400, "binary", 2), "blobs": (400, "multiclass", 3),
            "regression_plane": (400, "regression", 0), "multi_gaussian": (400, "regression", 0)}


def test_names_list_every_data_set_the_embedded_default_first():
    assert datasets.names()[0] == "digits"
    assert set(datasets.names()) == set(BUILT_IN) | {"mnist", "fashion_mnist", "my_digits", "xor", "xnor", "csv"}


@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_built_in_data_sets_follow_the_contract(name):
    n, task, n_classes = BUILT_IN[name]
    data = datasets.load(name)
    assert data.name == name and data.task == task and data.n_classes == n_classes
    sizes = [len(data.X_train), len(data.X_val), len(data.X_test)]
    assert sum(sizes) == n
    assert sizes[2] == math.ceil(0.2 * n) and sizes[1] == math.ceil(0.1 * (n - sizes[2]))
    for split in ("train", "val", "test"):
        X, y = getattr(data, "X_" + split), getattr(data, "y_" + split)
        assert X.dtype == np.float32 and X.shape[1] == data.n_features == len(data.feature_names)
        if task == "regression":
            assert y.dtype == np.float32 and y.shape == (len(X), 1)
        else:
            assert y.dtype == np.int64 and y.ndim == 1
            assert set(np.unique(y)) == set(range(n_classes))  # every class in every split
    repeat, other_seed = datasets.load(name), datasets.load(name, seed=1)
    np.testing.assert_array_equal(repeat.X_train, data.X_train)
    assert not np.array_equal(other_seed.X_train, data.X_train)


def test_digits_are_sklearns_pixels_divided_by_16():
    data = datasets.load("digits", validation_split=0.0, test_split=0.0)
    raw = sklearn.datasets.load_digits()
    np.testing.assert_array_equal(data.X_train * 16, raw.data)  # no test split: order is kept
    np.testing.assert_array_equal(data.y_train, raw.target)
    assert data.image_shape == (8, 8) and data.feature_names[9] == "pixel_1_1"
    assert data.class_names == tuple("0123456789")


def test_wine_2d_is_the_lectures_subset():
    """Lecture 001: class 2 removed, alcohol and proline kept — 130 wines, 59 and 71 per class."""
    data = datasets.load("wine_2d", scaling="none", validation_split=0.0, test_split=0.0)
    raw = sklearn.datasets.load_wine()
    keep = raw.target != 2
    assert data.feature_names == ("alcohol", "proline")
    np.testing.assert_allclose(data.X_train, raw.data[keep][:, [0, 12]], rtol=1e-6)
    np.testing.assert_array_equal(np.bincount(data.y_train), [59, 71])
    scaled = datasets.load("wine_2d")
    np.testing.assert_allclose(scaled.X_train.mean(axis=0), 0, atol=1e-5)
    assert scaled.scaler.scale[1] > 100 * scaled.scaler.scale[0]  # proline's spread dwarfs alcohol's


def test_wine_has_thirteen_named_features():
    data = datasets.load("wine")
    assert data.n_features == 13 and data.feature_names[-1] == "proline" and data.class_names[0] == "class_0"


@pytest.mark.parametrize("name, labels", [("xor", [0, 1, 1, 0]), ("xnor", [1, 0, 0, 1])])
def test_truth_tables(name, labels):
    data = datasets.load(name)
    np.testing.assert_array_equal(data.X_train, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(data.y_train, labels)
    for split in ("val", "test"):  # the four points are all the data there is
        np.testing.assert_array_equal(getattr(data, "X_" + split), data.X_train)
    # The trainer always passes the configured validation split: the truth table stays whole.
    assert len(datasets.load(name, validation_split=0.1).X_train) == 4
    with pytest.raises(ValueError, match="unknown option 'validation_spilt'"):
        datasets.load(name, validation_spilt=0.1)


def test_noisy_xnor_clouds_surround_the_corners():
    data = datasets.load("xnor", n_samples=2000, noise=0.1, scaling="none", validation_split=0.0, test_split=0.0)
    X, y = data.X_train, data.y_train
    corners = np.rint(X).clip(0, 1)
    np.testing.assert_array_equal(y, (corners[:, 0] == corners[:, 1]).astype(int))
    assert abs((X - corners).std() - 0.1) < 0.01
    assert abs(y.mean() - 0.5) < 0.01


def test_sine_targets_are_sine_plus_noise():
    data = datasets.load("sine", n_samples=2000, noise=0.2, validation_split=0.0, test_split=0.0)
    x = data.scaler.inverse_transform(data.X_train)[:, 0]
    assert -math.pi <= x.min() and x.max() <= math.pi
    residual = data.y_train[:, 0] - np.sin(x)
    assert abs(residual.mean()) < 0.02 and abs(residual.std() - 0.2) < 0.02


def test_diabetes_target_is_standardised_and_maps_back():
    data = datasets.load("diabetes")
    assert abs(data.y_train.mean()) < 1e-5
    raw_targets = data.target_scaler.inverse_transform(data.y_test)[:, 0]
    assert set(np.rint(raw_targets).astype(int)) <= set(sklearn.datasets.load_diabetes().target.astype(int))
    assert datasets.load("diabetes", target_scaling="none").y_train.max() > 200


def test_noise_free_moons_and_circles_lie_on_their_curves():
    moons = datasets.load("moons", noise=0.0, scaling="none", validation_split=0.0, test_split=0.0)
    X, y = moons.X_train, moons.y_train
    centres = np.where(y[:, None] == 0, [0.0, 0.0], [1.0, 0.5])
    np.testing.assert_allclose(np.hypot(*(X - centres).T), 1.0, atol=1e-6)
    circles = datasets.load("circles", noise=0.0, scaling="none", validation_split=0.0, test_split=0.0)
    radius = np.hypot(*circles.X_train.T)
    np.testing.assert_allclose(radius, np.where(circles.y_train == 0, 1.0, 0.5), atol=1e-6)


def test_spirals_and_blobs_take_a_number_of_classes_and_samples():
    spirals = datasets.load("spirals", n_classes=3, n_samples=300, noise=0.0, scaling="none",
                            validation_split=0.0, test_split=0.0)
    assert spirals.task == "multiclass" and np.bincount(spirals.y_train).tolist() == [100, 100, 100]
    X, y = spirals.X_train, spirals.y_train
    radius, theta = np.hypot(*X.T), np.arctan2(X[:, 1], X[:, 0])
    expected = 2 * np.pi * y / 3 + 4 * radius  # θ = 2πj/K + 4t with r = t
    np.testing.assert_allclose(np.angle(np.exp(1j * (theta - expected))), 0, atol=1e-5)
    blobs = datasets.load("blobs", n_classes=5, n_samples=500)
    assert blobs.n_classes == 5 and len(blobs.X_train) + len(blobs.X_val) + len(blobs.X_test) == 500


def test_a_spiral_s_arms_wind_as_far_as_its_sweep_says():
    """Playground's spiral, its hard case, winds almost two turns (sweep 11); ours wound 4 radians only."""
    playground = datasets.load("spirals", n_samples=200, noise=0.0, sweep=11.0, scaling="none",
                               validation_split=0.0, test_split=0.0)
    X, y = playground.X_train, playground.y_train
    radius, theta = np.hypot(*X.T), np.arctan2(X[:, 1], X[:, 0])
    np.testing.assert_allclose(np.angle(np.exp(1j * (theta - (np.pi * y + 11.0 * radius)))), 0, atol=1e-5)
    np.testing.assert_array_equal(datasets.load("spirals").X_train, datasets.load("spirals", sweep=4.0).X_train)


@pytest.mark.parametrize("name, options, message", [
    ("moons", dict(noise=-1), "moons: noise must be ≥ 0.0"),
    ("circles", dict(n_samples=3), "circles: n_samples must be ≥ 10"),
    ("spirals", dict(sweep=-1), "spirals: sweep must be ≥ 0.0"),
    ("spirals", dict(n_classes=1), "spirals: n_classes must be ≥ 2"),
    ("xor", dict(n_samples=2.5), "xor: n_samples must be a whole number"),
    ("wine", dict(scaling="log"), "scaling 'log' is not known"),
    ("digits", dict(colour=True), "unknown option 'colour'"),
    ("mnist_digits", {}, "unknown dataset 'mnist_digits'; choose one of: digits, mnist"),
])
def test_bad_names_and_options_are_refused(name, options, message):
    with pytest.raises(ValueError, match=message):
        datasets.load(name, **options)
