import numpy as np
import pytest

from core import activations
from tests.core.numgrad import numerical_gradient, relative_error

ALL_NAMES = ["identity", "step", "sign", "piecewise_linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus"]
# Each activation with non-default hyperparameters too, so that α is really used.
CASES = [(name, {}) for name in ALL_NAMES] + [("leaky_relu", {"alpha": 0.3}), ("elu", {"alpha": 0.7})]
KINKS = np.array([0.0, -0.5, 0.5])


def away_from_kinks(rng, shape, low=-4.0, high=4.0, margin=0.01):
    z = rng.uniform(low, high, size=shape)
    near_kink = np.min(np.abs(z[..., None] - KINKS), axis=-1) < margin
    z[near_kink] += 2 * margin
    return z


def test_registry_lists_every_activation_in_gui_order():
    assert activations.names() == ALL_NAMES


@pytest.mark.parametrize("name, hp", CASES)
def test_backward_matches_central_differences(name, hp):
    rng = np.random.default_rng(1)
    z = away_from_kinks(rng, (5, 7))
    upstream = rng.normal(size=z.shape)
    activation = activations.create(name, **hp)

    numeric = numerical_gradient(lambda x: np.sum(activation.forward(x) * upstream), z)
    analytic = activation.backward(z, activation.forward(z), upstream.copy())

    assert relative_error(analytic, numeric) < 1e-6


@pytest.mark.parametrize("name, hp", CASES)
def test_derivative_is_backward_of_ones(name, hp):
    rng = np.random.default_rng(2)
    z = away_from_kinks(rng, (50,))
    activation = activations.create(name, **hp)
    numeric = numerical_gradient(lambda x: np.sum(activation.forward(x)), z)
    assert relative_error(activation.derivative(z, activation.forward(z)), numeric) < 1e-6
    np.testing.assert_array_equal(activation.derivative(z), activation.derivative(z, activation.forward(z)))


@pytest.mark.parametrize("name", ["step", "sign"])
def test_step_and_sign_pass_no_gradient(name):
    z = np.array([-2.0, -1e-3, 0.0, 1e-3, 3.0])
    assert not np.any(activations.create(name).derivative(z))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name, hp", CASES)
def test_extreme_inputs_stay_finite_without_warnings_and_keep_dtype(name, hp, dtype):
    z = np.concatenate([np.linspace(-1e4, 1e4, 2001), [-1e4, -88.8, -745.2, 0.0, 88.8, 709.9, 1e4]]).astype(dtype)
    activation = activations.create(name, **hp)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        a = activation.forward(z)
        grad = activation.backward(z, a, np.ones_like(z))
    assert a.dtype == dtype and grad.dtype == dtype
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(grad))


def test_lecture_table_values():
    z = np.array([-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0])
    expected = {
        "step": [0, 0, 0, 0.5, 1, 1, 1],
        "sign": [-1, -1, -1, 0, 1, 1, 1],
        "piecewise_linear": [0, 0, 0.25, 0.5, 0.75, 1, 1],
        "relu": [0, 0, 0, 0, 0.25, 0.5, 1],
        "identity": z,
    }
    for name, values in expected.items():
        np.testing.assert_array_equal(activations.create(name).forward(z), values, err_msg=name)
    np.testing.assert_array_equal(activations.create("piecewise_linear").derivative(z), [0, 0, 1, 1, 1, 0, 0])


def test_smooth_activations_against_their_textbook_formulas():
    z = np.linspace(-20, 20, 81)
    closed_form = {
        "sigmoid": 1 / (1 + np.exp(-z)),
        "tanh": (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)),
        "softplus": np.log(1 + np.exp(z)),
        "elu": np.where(z > 0, z, np.exp(z) - 1),
        "leaky_relu": np.where(z > 0, z, 0.01 * z),
    }
    for name, expected in closed_form.items():
        np.testing.assert_allclose(activations.create(name).forward(z), expected, rtol=1e-12, atol=1e-15, err_msg=name)


def test_against_torch():
    torch = pytest.importorskip("torch")
    z = np.random.default_rng(3).normal(scale=3, size=200)
    t = torch.tensor(z)
    reference = {
        "sigmoid": torch.sigmoid(t),
        "tanh": torch.tanh(t),
        "relu": torch.relu(t),
        "leaky_relu": torch.nn.functional.leaky_relu(t, 0.01),
        "elu": torch.nn.functional.elu(t, 1.0),
        "softplus": torch.nn.functional.softplus(t),
        "piecewise_linear": torch.clamp(t + 0.5, 0, 1),
    }
    for name, expected in reference.items():
        np.testing.assert_allclose(activations.create(name).forward(z), expected.numpy(), rtol=1e-12, atol=1e-15,
                                   err_msg=name)


def test_backward_overwrites_and_returns_the_callers_array():
    z = np.array([-1.0, 2.0])
    grad_a = np.ones(2)
    relu = activations.create("relu")
    assert relu.backward(z, relu.forward(z), grad_a) is grad_a
    np.testing.assert_array_equal(grad_a, [0.0, 1.0])


def test_forward_returns_a_new_array():
    z = np.array([1.0, 2.0])
    a = activations.create("identity").forward(z)
    a[0] = 5.0
    assert z[0] == 1.0


def test_hyperparameters_are_python_floats_and_reported():
    elu = activations.create("elu", alpha=np.float64(0.5))
    assert elu.hyperparameters == {"alpha": 0.5} and type(elu.alpha) is float
    assert activations.create("leaky_relu").hyperparameters == {"alpha": 0.01}
    assert activations.create("relu").hyperparameters == {}
    assert activations.create("leaky_relu", alpha=0.2).forward(np.float32([-1.0])).dtype == np.float32


@pytest.mark.parametrize(
    "name, hp, message",
    [
        ("leaky_relu", {"alpha": -0.1}, "leaky_relu alpha must be ≥ 0.0, got -0.1"),
        ("elu", {"alpha": float("nan")}, "elu alpha must be a number, got NaN"),
        ("elu", {"alpha": "big"}, "elu alpha must be a number, got 'big'"),
        ("relu", {"alpha": 0.1}, "activation 'relu': bad hyperparameters"),
        ("swish", {}, "unknown activation 'swish'; choose one of: identity, step"),
    ],
)
def test_bad_names_and_hyperparameters_raise(name, hp, message):
    with pytest.raises(ValueError, match=message):
        activations.create(name, **hp)


def no_derivative_at(activation, z, h=1e-6):
    """Where φ jumps or has a corner, judged from one-sided differences in float64."""
    value, left, right = activation.forward(z), activation.forward(z - h), activation.forward(z + h)
    jump = np.abs(right - left) > 1e-3
    corner = np.abs((right - value) / h - (value - left) / h) > 1e-3
    return jump | corner


@pytest.mark.parametrize("name, hp", CASES + [("leaky_relu", {"alpha": 1.0}), ("elu", {"alpha": 1.0})])
def test_kinks_are_exactly_where_phi_jumps_or_has_a_corner(name, hp):
    activation = activations.create(name, **hp)
    # 600 points from −3 to 3 miss 0 and ±½ by more than h, so only the kinks themselves sit on one.
    z = np.concatenate([np.linspace(-3.0, 3.0, 600), activation.kinks])
    assert sorted(z[no_derivative_at(activation, z)]) == sorted(activation.kinks)


def test_evaluate_on_grid_samples_each_functions_forward_and_derivative_with_the_kinks_on_the_grid():
    functions = [activations.create(name) for name in ALL_NAMES] + [activations.create("leaky_relu", alpha=0.3)]
    curves = activations.evaluate_on_grid(functions, -3.0, 2.0, count=6)
    z = curves.z
    assert z.dtype == np.float32 and curves.values.dtype == np.float32 and curves.derivatives.dtype == np.float32
    np.testing.assert_array_equal(z, [-3.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0])  # piecewise_linear's ±½ added
    assert curves.values.shape == curves.derivatives.shape == (len(functions), z.size)
    for row, function in enumerate(functions):
        np.testing.assert_array_equal(curves.values[row], function.forward(z), err_msg=function.name)
    by_name = {function.name: row for row, function in enumerate(functions[:-1])}
    at_zero = int(np.flatnonzero(z == 0.0)[0])
    derivative = {name: curves.derivatives[row] for name, row in by_name.items()}
    value = {name: curves.values[row] for name, row in by_name.items()}
    assert derivative["sigmoid"][at_zero] == 0.25 and derivative["tanh"][at_zero] == 1.0
    assert value["step"][at_zero] == 0.5 and value["sign"][at_zero] == 0.0
    away = z != 0.0
    np.testing.assert_array_equal(derivative["relu"][away], value["step"][away])  # ReLU' is the unit step
    assert derivative["relu"][at_zero] == 0.0 and curves.derivatives[-1][at_zero] == np.float32(0.3)
    np.testing.assert_array_equal(derivative["piecewise_linear"][np.isin(z, [-0.5, 0.5])], [0.0, 0.0])
    np.testing.assert_allclose(derivative["softplus"], value["sigmoid"], rtol=1e-6)  # softplus' = σ
    assert not np.any(derivative["step"]) and not np.any(derivative["sign"])


def test_evaluate_on_grid_keeps_float64_on_request_and_takes_no_functions():
    curves = activations.evaluate_on_grid([activations.create("elu", alpha=0.5)], -1.0, 1.0, count=3,
                                          dtype=np.float64)
    np.testing.assert_array_equal(curves.z, [-1.0, 0.0, 1.0])
    np.testing.assert_allclose(curves.values[0], [0.5 * (np.exp(-1.0) - 1), 0.0, 1.0], rtol=1e-15)
    np.testing.assert_allclose(curves.derivatives[0], [0.5 * np.exp(-1.0), 0.5, 1.0], rtol=1e-15)
    assert curves.values.dtype == np.float64
    empty = activations.evaluate_on_grid([], 0.0, 1.0, count=5)
    assert empty.values.shape == empty.derivatives.shape == (0, 5)


@pytest.mark.parametrize(
    "low, high, count, dtype, message",
    [
        (2.0, 1.0, 10, np.float32, "z range start must be below its end, got 2.0 to 1.0"),
        (1.0, 1.0, 10, np.float32, "z range start must be below its end"),
        (float("nan"), 1.0, 10, np.float32, "z range start must be a number, got NaN"),
        (-1.0, 2e4, 10, np.float32, "z range end must be ≤ 10000.0, got 20000.0"),
        (-1.0, "x", 10, np.float32, "z range end must be a number, got 'x'"),
        (-1.0, 1.0, 1, np.float32, "grid points must be ≥ 2, got 1"),
        (-1.0, 1.0, 2.5, np.float32, "grid points must be a whole number, got 2.5"),
        (-1.0, 1.0, 10, np.int64, "dtype must be float32 or float64"),
    ],
)
def test_evaluate_on_grid_refuses_bad_ranges(low, high, count, dtype, message):
    with pytest.raises(ValueError, match=message):
        activations.evaluate_on_grid([activations.create("relu")], low, high, count=count, dtype=dtype)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_the_compiled_relu_equals_numpys_bit_for_bit_nan_included(dtype, monkeypatch):
    rng = np.random.default_rng(3)
    z = rng.standard_normal((64, 33)).astype(dtype)
    z[0, :4] = [np.nan, -0.0, 0.0, np.inf]
    a_upstream = rng.standard_normal(z.shape).astype(dtype)
    a_upstream[1, 0], a_upstream[0, 1] = np.nan, np.nan  # where a > 0, and where a = 0 (NaN · 0 = NaN)
    relu = activations.create("relu")
    paths = {}
    for prepared in (False, True):
        monkeypatch.setattr(activations, "COMPILED_DTYPES", set())
        if prepared:
            relu.prepare(dtype)
        with np.errstate(invalid="ignore"):
            a = relu.forward(z)
            paths[prepared] = a, relu.backward(z, a, a_upstream.copy())
    for numpy_result, compiled_result in zip(paths[False], paths[True]):
        assert compiled_result.dtype == dtype
        np.testing.assert_array_equal(compiled_result, numpy_result)  # NaN where NaN, bit for bit
    assert np.isnan(paths[True][1][0, 1])


def test_the_compiled_relu_leaves_arrays_it_was_not_compiled_for_to_numpy(monkeypatch):
    monkeypatch.setattr(activations, "COMPILED_DTYPES", set())
    relu = activations.create("relu")
    relu.prepare(np.float32)
    z = np.linspace(-2, 2, 40, dtype=np.float32).reshape(4, 10)
    read_only = z.copy()
    read_only.flags.writeable = False
    kernels = [activations.compiled(kernel) for kernel in (activations.relu_elements,
                                                          activations.relu_backward_elements)]
    versions = [len(kernel.signatures) for kernel in kernels]
    for array in (z.T, read_only, z.astype(np.float64), z[:, ::2]):
        np.testing.assert_array_equal(relu.forward(array), np.maximum(array, 0))
        np.testing.assert_array_equal(relu.backward(array, relu.forward(array), np.ones_like(array)), array > 0)
    assert [len(kernel.signatures) for kernel in kernels] == versions  # nothing compiled mid-run
