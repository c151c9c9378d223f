import numpy as np
import pytest

from core import datasets
from core.datasets.dataset import make_dataset
from core.datasets.magnitudes import FEATURES, LARGE_VALUE, TARGETS, LargeValues, find_large_values

HOUSES = "rooms,area,price,kind\n" + "".join(f"{2 + i % 4},{40 + 7 * i},{3e37 * (1 + i % 3)},{i % 2}\n"
                                             for i in range(30))
"""A table whose price column is around 3e37 and area column around 10²: the stress review's file."""


def write(tmp_path, text):
    path = tmp_path / "houses.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_unscaled_features_beyond_the_limit_are_named_largest_first(tmp_path):
    area_in_square_cm = HOUSES.replace(",40,", ",4e6,")  # the first row's area, in cm²
    data = datasets.load("csv", path=str(write(tmp_path, area_in_square_cm)), label_column="kind", scaling="none")
    assert find_large_values(data) == (LargeValues(FEATURES, ("price", "area"), pytest.approx(9e37, rel=1e-6)),)


@pytest.mark.parametrize("scaling", ["standardize", "unit"])
def test_scaled_features_are_within_the_limit(tmp_path, scaling):
    data = datasets.load("csv", path=str(write(tmp_path, HOUSES)), label_column="kind", scaling=scaling)
    assert find_large_values(data) == ()


def test_values_at_the_limit_are_not_large_and_negative_ones_keep_their_sign():
    X = np.array([[LARGE_VALUE, 1.0], [-2.0, -5e5], [0.5, 1.0], [1.0, 2.0]])
    data = make_dataset("t", "binary", X, np.array([0, 1, 0, 1]), class_names="ab", scaling="none",
                        validation_split=0.0, test_split=0.0)
    assert find_large_values(data) == (LargeValues(FEATURES, ("x2",), -5e5),)


def test_regression_targets_beyond_the_limit_are_found_unless_standardised():
    X = np.linspace(-1, 1, 40).reshape(-1, 1)
    prices = 2e5 + 1e5 * X
    raw = make_dataset("t", "regression", X, prices, scaling="none")
    assert find_large_values(raw) == (LargeValues(TARGETS, ("1",), pytest.approx(3e5)),)
    assert find_large_values(make_dataset("t", "regression", X, prices, target_scaling="standardize")) == ()


def test_a_non_finite_feature_is_large():
    X = np.array([[np.nan, 1.0], [1.0, 2.0], [0.0, 1.0], [1.0, 1.0]])
    data = make_dataset("t", "binary", X, np.array([0, 1, 0, 1]), class_names="ab", scaling="none",
                        validation_split=0.0, test_split=0.0)
    assert find_large_values(data)[0].columns == ("x1",)
