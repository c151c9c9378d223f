"""Single-input inference (Network.forward_row, row_product): the same answers as the batch path."""
import numpy as np
import pytest

from core import network as network_module
from core.layers import Activation, BatchNorm, Dense, Dropout
from core.network import Network, row_product


def drawn_like(rng, n_rows: int, n_inputs: int = 784, ink: float = 0.2) -> np.ndarray:
    """Rows in [0, 1] where only a fraction ``ink`` of the inputs is non-zero, like a drawn digit."""
    X = rng.random((n_rows, n_inputs))
    X[rng.random((n_rows, n_inputs)) > ink] = 0.0
    return X


def mnist_network(dtype=np.float32) -> Network:
    # 784 × 256 weights: large enough for the product that skips zero inputs.
    return Network([Dense(784, 256), Activation("relu"), Dense(256, 128), Activation("relu"), Dense(128, 10)],
                   dtype=dtype, seed=4)


def test_a_row_times_a_large_matrix_reads_only_its_nonzero_inputs_rows(monkeypatch):
    rng = np.random.default_rng(0)
    W = rng.normal(size=(784, 256))
    x = drawn_like(rng, 1)[0]
    expected = x @ W
    np.testing.assert_allclose(row_product(x, W), expected, rtol=1e-12, atol=1e-12)
    # The rows of W that zeros multiply are not read: poisoning them changes nothing.
    poisoned = W.copy()
    poisoned[x == 0] = np.nan
    np.testing.assert_allclose(row_product(x, poisoned), expected, rtol=1e-12, atol=1e-12)
    # Mostly non-zero inputs, or a small W, take the whole product (NaN rows are then read).
    dense = rng.random(784)
    dense[:10] = 0.0
    assert np.isnan(row_product(dense, poisoned)).all()
    monkeypatch.setattr(network_module, "SPARSE_ROW_MIN_WEIGHTS", W.size + 1)
    assert np.isnan(row_product(x, poisoned)).all()


@pytest.mark.parametrize("dtype, rtol", [(np.float32, 1e-5), (np.float64, 1e-12)])
def test_one_input_gets_the_probabilities_of_the_batch_path(dtype, rtol):
    network = mnist_network(dtype)
    X = drawn_like(np.random.default_rng(1), 8).astype(dtype)
    X[7] = 0.0  # nothing drawn: every row of W skipped, the output is the biases' path
    batch = network.predict_proba(X)
    exact = network.copy(dtype=np.float64).predict_proba(X.astype(np.float64))
    for row, expected in zip(X, batch):
        single = network.predict_proba(row[None, :])
        assert single.dtype == dtype and single.shape == (1, 10)
        np.testing.assert_allclose(single[0], expected, rtol=rtol, atol=rtol * 1e-2)
    singles = np.concatenate([network.predict_proba(row[None, :]) for row in X])
    np.testing.assert_allclose(singles, exact, rtol=10 * rtol, atol=rtol * 1e-2)
    assert network.predict(X[:1])[0] == network.predict(X)[0]


def test_every_layer_kind_after_the_first_dense_one_runs_in_inference_mode(monkeypatch):
    monkeypatch.setattr(network_module, "SPARSE_ROW_MIN_WEIGHTS", 0)  # a small network, the same path
    network = Network([Dense(30, 12), BatchNorm(12), Activation("tanh"), Dropout(0.5), Dense(12, 3)],
                      dtype=np.float64, seed=2)
    network.layers[1].running_mean[...] = np.linspace(-1, 1, 12)
    network.layers[1].running_var[...] = np.linspace(0.5, 2, 12)
    X = drawn_like(np.random.default_rng(3), 5, n_inputs=30, ink=0.3)
    batch = network.predict_proba(X)
    for row, expected in zip(X, batch):
        np.testing.assert_allclose(network.predict_proba(row[None, :])[0], expected, rtol=1e-12)


def test_a_first_layer_that_is_not_dense_takes_the_ordinary_path():
    network = Network([Dropout(0.2), Dense(4, 3)], dtype=np.float64)
    X = np.random.default_rng(5).normal(size=(3, 4))
    np.testing.assert_allclose(network.predict_proba(X[1:2])[0], network.predict_proba(X)[1], rtol=1e-12)


@pytest.mark.parametrize("bad, message", [
    (np.full((1, 783), 0.5), r"inputs of shape \(N, 784\), got \(1, 783\)"),
    (np.array([["a"] * 784]), "inputs must be numbers"),
])
def test_a_bad_single_input_is_refused_as_a_batch_is(bad, message):
    with pytest.raises(ValueError, match=message):
        mnist_network().predict_proba(bad)


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_a_single_input_with_nan_or_infinity_is_refused(value):
    x = np.zeros((1, 784), dtype=np.float32)
    x[0, 400] = value
    with pytest.raises(ValueError, match="NaN or infinity"):
        mnist_network().predict_proba(x)
