import math

import numpy as np
import pytest

from core import initializers

ALL_NAMES = [
    "zeros", "constant", "uniform", "normal",
    "lecun_uniform", "lecun_normal", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal",
]
FAN_IN, FAN_OUT = 300, 100
# Var(w) written out independently of the module: LeCun 1/n_in, Glorot 2/(n_in+n_out), He 2/n_in.
EXPECTED_VARIANCE = {"lecun": 1 / FAN_IN, "xavier": 2 / (FAN_IN + FAN_OUT), "he": 2 / FAN_IN}


def draw(name, shape=(FAN_IN, FAN_OUT), seed=0, dtype=np.float32, **hp):
    return initializers.create(name, **hp)(shape, np.random.default_rng(seed), dtype)


def test_registry_lists_every_initializer():
    assert initializers.names() == ALL_NAMES


@pytest.mark.parametrize("rule", ["lecun", "xavier", "he"])
def test_normal_variance_scaling_statistics(rule):
    w = draw(f"{rule}_normal", dtype=np.float64)
    std = math.sqrt(EXPECTED_VARIANCE[rule])
    # 30 000 draws: the sample std is within ~0.4 % of the true one (5 standard errors ≈ 2 %).
    assert abs(w.std() / std - 1) < 0.02
    assert abs(w.mean()) < 5 * std / math.sqrt(w.size)
    kurtosis = np.mean(w**4) / np.mean(w**2) ** 2
    assert abs(kurtosis - 3) < 0.15  # Gaussian, not uniform (1.8)


@pytest.mark.parametrize("rule", ["lecun", "xavier", "he"])
def test_uniform_variance_scaling_statistics(rule):
    w = draw(f"{rule}_uniform", dtype=np.float64)
    limit = math.sqrt(3 * EXPECTED_VARIANCE[rule])
    assert np.all(np.abs(w) <= limit)
    assert np.max(np.abs(w)) > 0.99 * limit
    assert abs(w.var() / EXPECTED_VARIANCE[rule] - 1) < 0.03


def test_xavier_uniform_limit_is_the_lectures():
    w = draw("xavier_uniform", shape=(20, 10), dtype=np.float64)
    lecture_limit = math.sqrt(6) / math.sqrt(20 + 10)
    assert np.max(np.abs(w)) <= lecture_limit and np.max(np.abs(w)) > 0.9 * lecture_limit


def test_fixed_range_initializers():
    w = draw("uniform", a=0.2, dtype=np.float64)
    assert np.all(np.abs(w) <= 0.2) and abs(w.var() / (0.2**2 / 3) - 1) < 0.03
    w = draw("normal", std=0.5, dtype=np.float64)
    assert abs(w.std() / 0.5 - 1) < 0.02
    assert abs(draw("normal", dtype=np.float64).std() / 0.01 - 1) < 0.02
    assert abs(np.max(np.abs(draw("uniform", dtype=np.float64))) / 0.05 - 1) < 0.01


def test_zeros_and_constant_are_exact():
    np.testing.assert_array_equal(draw("zeros", shape=(3, 4)), np.zeros((3, 4), np.float32))
    np.testing.assert_array_equal(draw("constant", shape=(5,), value=0.25), np.full(5, 0.25, np.float32))
    assert draw("constant", shape=(2,)).tolist() == [0.0, 0.0]


def test_one_dimensional_shape_uses_its_length_as_both_fans():
    w = draw("he_uniform", shape=(8,), dtype=np.float64)
    assert w.shape == (8,) and np.max(np.abs(w)) <= math.sqrt(3 * 2 / 8)
    assert draw("lecun_normal", shape=5).shape == (5,)


@pytest.mark.parametrize("name", ALL_NAMES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_same_seed_same_array_and_dtype(name, dtype):
    first, second = draw(name, shape=(6, 4), dtype=dtype), draw(name, shape=(6, 4), dtype=dtype)
    assert first.dtype == dtype and first.shape == (6, 4)
    np.testing.assert_array_equal(first, second)


@pytest.mark.parametrize("name", ["uniform", "normal", "lecun_uniform", "he_normal"])
def test_random_initializers_depend_on_the_seed_and_agree_across_dtypes(name):
    assert not np.array_equal(draw(name, seed=1), draw(name, seed=2))
    np.testing.assert_array_equal(draw(name, seed=3), draw(name, seed=3, dtype=np.float64).astype(np.float32))


def test_hyperparameters_reported_as_python_floats():
    constant = initializers.create("constant", value=np.float32(1.5))
    assert constant.hyperparameters == {"value": 1.5} and type(constant.value) is float
    assert initializers.create("uniform").hyperparameters == {"a": 0.05}
    assert initializers.create("normal").hyperparameters == {"std": 0.01}
    assert initializers.create("he_uniform").hyperparameters == {}


@pytest.mark.parametrize(
    "name, hp, message",
    [
        ("uniform", {"a": 0.0}, "uniform initializer a must be > 0.0, got 0.0"),
        ("normal", {"std": -1}, "normal initializer std must be > 0.0, got -1.0"),
        ("normal", {"std": math.inf}, "normal initializer std must be a finite number, got inf"),
        ("constant", {"value": math.nan}, "constant initializer value must be a number, got NaN"),
        ("he_uniform", {"gain": 2.0}, "initializer 'he_uniform': bad hyperparameters"),
        ("glorot", {}, "unknown initializer 'glorot'; choose one of: zeros, constant"),
    ],
)
def test_bad_hyperparameters_raise(name, hp, message):
    with pytest.raises(ValueError, match=message):
        initializers.create(name, **hp)


@pytest.mark.parametrize(
    "shape, rng, dtype, message",
    [
        ((3, 0), np.random.default_rng(0), np.float32,
         r"shape must be a non-empty tuple of positive integers, got \(3, 0\)"),
        ((), np.random.default_rng(0), np.float32, "shape must be a non-empty tuple"),
        ((2.5, 3), np.random.default_rng(0), np.float32, "shape must be"),
        ((3, 3), np.random.RandomState(0), np.float32, "rng must be a numpy.random.Generator, got RandomState"),
        ((3, 3), np.random.default_rng(0), np.int64, "dtype must be float32 or float64, got int64"),
    ],
)
def test_bad_call_arguments_raise(shape, rng, dtype, message):
    with pytest.raises(ValueError, match=message):
        initializers.create("he_normal")(shape, rng, dtype)
