"""Single-input inference (Network.forward_row, row_product): the same answers as the batch path."""
import mmap

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


# ------------------------------------------------------------------ the compiled single-row pass
@pytest.fixture(scope="module")
def compiled_rows():
    """The single-row kernel compiled for both dtypes (loaded from numba's cache after the first run)."""
    for dtype in (np.float32, np.float64):
        network_module.prepare_row_kernels(dtype)


def activations_network(dtype, loss="softmax_cross_entropy", n_out=5) -> Network:
    from core.layers import ActivityRegularization
    return Network([Dense(40, 16), Activation("leaky_relu", alpha=0.1), Dropout(0.3), Dense(16, 12),
                    Activation("sigmoid"), Dense(12, 9), Activation("tanh"), ActivityRegularization(l1=0.1),
                    Dense(9, 7), Activation("identity"), Activation("relu"), Dense(7, n_out)],
                   dtype=dtype, seed=6, loss=loss)


@pytest.mark.parametrize("dtype, rtol", [(np.float32, 1e-5), (np.float64, 1e-12)])
@pytest.mark.parametrize("build", [mnist_network, activations_network])
def test_the_compiled_pass_gives_the_batch_paths_outputs_and_probabilities(compiled_rows, build, dtype, rtol):
    network = build(dtype)
    assert network.row_plan() is not None
    X = drawn_like(np.random.default_rng(2), 6, n_inputs=network.n_inputs, ink=0.3).astype(dtype)
    X[1] *= 40  # sigmoids and tanhs saturate, leaky ReLUs leak
    X[1, ::2] = -X[1, ::2]
    X[5] = 0.0
    outputs, probabilities = network.predict_output(X), network.predict_proba(X)
    for row, output, expected in zip(X, outputs, probabilities):
        single_output = network.predict_output(row[None, :])
        single = network.predict_proba(row[None, :])
        assert single.dtype == single_output.dtype == dtype and single.shape == (1, network.n_outputs)
        # Sums taken in another order: a small output carries the rounding of its larger terms.
        np.testing.assert_allclose(single_output[0], output, rtol=rtol, atol=rtol * np.abs(output).max())
        np.testing.assert_allclose(single[0], expected, rtol=rtol, atol=rtol * 1e-2)


def test_the_compiled_pass_reads_no_weight_row_of_a_zero_input(compiled_rows):
    network = mnist_network()
    x = drawn_like(np.random.default_rng(8), 1)
    expected = network.predict_proba(x)
    network.layers[0].W[x[0] == 0] = np.nan  # in place: the plan reads the same buffer
    np.testing.assert_allclose(network.predict_proba(x), expected, rtol=1e-6)
    # The batch path reads them: the poison is there.
    assert np.isnan(network.predict_proba(np.repeat(x, 2, axis=0))).all()


def test_the_compiled_pass_follows_weights_loaded_later(compiled_rows):
    network, trained = mnist_network(), mnist_network()
    trained.reinitialize(seed=11)
    x = drawn_like(np.random.default_rng(9), 1).astype(np.float32)
    before = network.predict_proba(x)
    network.load_state(trained.state())
    after = network.predict_proba(x)
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, trained.predict_proba(np.repeat(x, 2, axis=0))[:1], rtol=1e-5)


def test_logistic_outputs_and_probabilities_from_the_compiled_pass(compiled_rows):
    network = activations_network(np.float64, loss="binary_cross_entropy", n_out=1)
    assert network.row_plan().probabilities is None  # no softmax step: the loss turns the logit into P
    X = np.random.default_rng(4).normal(size=(4, 40))
    for row, expected in zip(X, network.predict_proba(X)):
        np.testing.assert_allclose(network.predict_proba(row[None, :])[0], expected, rtol=1e-12)


def test_layers_without_a_compiled_step_and_an_uncompiled_kernel_keep_the_numpy_path(compiled_rows, monkeypatch):
    from core.layers import PReLU
    assert Network([Dense(6, 4), BatchNorm(4), Dense(4, 2)]).row_plan() is None
    assert Network([Dense(6, 4), PReLU(4), Dense(4, 2)]).row_plan() is None
    assert Network([Dense(6, 4), Activation("elu"), Dense(4, 2)]).row_plan() is None
    network = mnist_network()
    monkeypatch.setattr(network_module, "_compiled_row_dtypes", set())
    assert network.row_plan() is None
    x = drawn_like(np.random.default_rng(5), 1).astype(np.float32)
    np.testing.assert_allclose(network.predict_proba(x), network.predict_proba(np.repeat(x, 2, axis=0))[:1],
                               rtol=1e-5)


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_the_compiled_pass_refuses_nan_or_infinity_as_check_inputs_does(compiled_rows, value):
    network = mnist_network()
    x = np.zeros((1, 784), dtype=np.float32)
    x[0, 783] = value
    for predict in (network.predict_proba, network.predict_output, network.predict):
        with pytest.raises(ValueError, match="inputs contain NaN or infinity"):
            predict(x)


def test_the_compiled_pass_skips_numba_s_dispatcher_and_rows_it_cannot_read_take_the_checked_path(compiled_rows):
    from numba.core.dispatcher import Dispatcher
    network = mnist_network()
    assert not isinstance(network.row_plan().kernel, Dispatcher)  # its per-call look-up of the types is skipped
    # The machine code reads any row as the network's float32: every other kind must be converted first.
    row = drawn_like(np.random.default_rng(12), 1)
    float32 = row.astype(np.float32)
    others = {"float64": row, "big-endian": float32.astype(">f4"), "integers": (row > 0.5).astype(np.uint8),
              "every other entry": np.repeat(float32, 2, axis=1)[:, ::2],
              "dtype with metadata": float32.view(np.dtype(np.float32, metadata={"unit": "ink"}))}
    for name, other in others.items():
        expected = network.predict_proba(np.repeat(other.astype(np.float32), 2, axis=0))[:1]
        np.testing.assert_allclose(network.predict_proba(other), expected, rtol=1e-5, atol=1e-7, err_msg=name)
        np.testing.assert_allclose(network.predict_output(other), network.predict_output(
            np.repeat(other.astype(np.float32), 2, axis=0))[:1], rtol=1e-5, atol=1e-6, err_msg=name)


def huge_page_advised(array: np.ndarray) -> bool:
    """Whether the memory mapping holding ``array`` was advised to take transparent huge pages (VmFlags hg)."""
    address = array.__array_interface__["data"][0]
    inside = False
    with open("/proc/self/smaps") as smaps:
        for line in smaps:
            first = line.split()[0]
            if "-" in first and not first.endswith(":"):
                start, end = (int(bound, 16) for bound in first.split("-"))
                inside = start <= address < end
            elif inside and first == "VmFlags:":
                return "hg" in line.split()[1:]
    return False


@pytest.mark.skipif(not hasattr(mmap, "MADV_HUGEPAGE"), reason="transparent huge pages are Linux's")
def test_a_large_network_s_parameters_start_on_a_huge_page_and_a_small_one_s_stay_on_ordinary_pages():
    large, small = mnist_network(), Network([Dense(64, 10)], seed=1)
    assert large.flat_parameters.nbytes >= network_module.HUGE_PAGE_MIN_BYTES > small.flat_parameters.nbytes
    assert large.flat_parameters.__array_interface__["data"][0] % network_module.HUGE_PAGE == 0
    assert huge_page_advised(large.flat_parameters)
    # An ordinary allocation: whether its heap's mapping was advised is another allocation's doing (NumPy advises
    # arrays of 4 MB and more, and a small one reusing their memory reads as advised).
    assert small.flat_parameters.flags.owndata
    # Drawn and copied as any buffer: the same weights as a network of ordinary pages would hold.
    assert large.flat_parameters.flags.writeable and large.flat_parameters.dtype == np.float32
    np.testing.assert_array_equal(large.copy().flat_parameters, large.flat_parameters)
    np.testing.assert_array_equal(large.layers[0].W, mnist_network().layers[0].W)
