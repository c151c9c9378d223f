"""Network: aligned parameter lists over one flat buffer, predictions, serialisation, model files."""
import json

import numpy as np
import pytest

from core import model_io
from core.gradient_check import GradientCheckRow, format_table, gradient_check
from core.layers import ActivityRegularization, Activation, BatchNorm, Dense, Dropout, PReLU
from core.network import Network
from core.regularization import Regularizer


def deep_network(dtype=np.float32, seed=0, loss="softmax_cross_entropy", n_out=3):
    return Network([Dense(5, 7, init="xavier_normal"), BatchNorm(7), Activation("tanh"), Dropout(0.3),
                    Dense(7, 6), PReLU(6), ActivityRegularization(l1=0.01, l2=0.02), Dense(6, n_out)],
                   dtype=dtype, seed=seed, loss=loss)


def test_parameters_are_views_into_one_flat_buffer_and_aligned_with_gradients():
    net = deep_network()
    params, grads = net.parameters(), net.gradients()
    assert len(params) == len(grads) == len(net.parameter_names()) == len(net.parameter_kinds())
    assert net.parameter_names()[:2] == ["layer0.W", "layer0.b"]
    assert net.parameter_kinds()[:4] == ["weight", "bias", "scale", "shift"]
    assert sum(p.size for p in params) == net.flat_parameters.size == net.n_parameters
    for param, grad in zip(params, grads):
        assert np.shares_memory(param, net.flat_parameters) and np.shares_memory(grad, net.flat_gradients)
        assert param.shape == grad.shape and param.dtype == np.float32
    net.flat_parameters[:] = 0.5
    assert (net.layers[0].W == 0.5).all()
    assert net.layers[0].W.shape == (5, 7) and net.layers[0].b.shape == (7,)


@pytest.mark.parametrize("loss, n_out, make_targets", [
    ("softmax_cross_entropy", 3, lambda rng, n: rng.integers(0, 3, n)),
    ("hinge", 3, lambda rng, n: rng.integers(0, 3, n)),
    ("binary_cross_entropy", 1, lambda rng, n: rng.integers(0, 2, n)),
    ("mse", 2, lambda rng, n: rng.normal(size=(n, 2))),
])
def test_whole_network_gradient_check_with_every_kind_of_layer_and_regulariser(loss, n_out, make_targets):
    rng = np.random.default_rng(1)
    net = deep_network(loss=loss, n_out=n_out)
    X = rng.normal(size=(9, 5))
    rows = gradient_check(net, X, make_targets(rng, 9), regularizer=Regularizer(l1=0.01, l2=0.1, apply_to_biases=True))
    assert [row.name for row in rows] == net.parameter_names()
    worst = max(rows, key=lambda row: row.relative_error)
    assert worst.relative_error < 1e-6, format_table(rows)
    assert "relative error" in format_table(rows)


def test_gradient_check_catches_a_wrong_backward_pass(monkeypatch):
    net = Network([Dense(3, 4), Activation("sigmoid"), Dense(4, 2)])
    rng = np.random.default_rng(2)
    sigmoid_class = type(net.layers[1].function)
    monkeypatch.setattr(sigmoid_class, "backward", lambda self, z, a, grad: grad * a)  # forgot (1 − a)
    rows = gradient_check(net, rng.normal(size=(6, 3)), rng.integers(0, 2, 6))
    assert rows[0].relative_error > 1e-3 and not rows[0].passed
    # grad·a instead of grad·a(1 − a) is 1/(1 − a) times too large: backprop's norm exceeds the numerical one.
    assert rows[0].backprop_norm > 1.5 * rows[0].numeric_norm > 0


def test_gradient_check_leaves_out_entries_at_a_relu_kink_instead_of_failing_backpropagation():
    """A first layer that outputs 0 leaves the second's pre-activations at its zero biases: every ReLU
    there sits on its kink, where backprop takes φ'(0) = 0 and the central difference averages 0 and 1."""
    net = Network([Dense(2, 3), Activation("relu"), Dense(3, 4), Activation("relu"), Dense(4, 2)], seed=1)
    first = net.layers[0]
    first.W[...] = 0
    rng = np.random.default_rng(5)
    rows = {row.name: row for row in gradient_check(net, rng.normal(size=(8, 2)), np.zeros(8, dtype=int))}
    kinked = rows["layer2.b"]
    assert kinked.entries_at_kinks == 4 and kinked.entries_checked == 0 and not kinked.checked
    assert all(row.passed for row in rows.values()), format_table(list(rows.values()))
    assert rows["layer4.W"].entries_at_kinks == 0 and rows["layer4.W"].entries_checked == 8
    assert "at kinks" in format_table(list(rows.values())) and "not checked" in format_table([kinked])


def test_the_gradient_check_table_keeps_its_columns_aligned_and_writes_three_significant_digits():
    """Columns as wide as their longest cell: a long tensor name pushed every cell of its row out of line."""
    rows = [GradientCheckRow("layer0.W", (784, 256), 30, 0.123456, 0.123457, 2.9512e-10, 1.36249e-09),
            GradientCheckRow("layer12.running_gamma", (256,), 30, 3.0, 3.0, 1e-12, 9.6951e-10),
            GradientCheckRow("layer2.b", (4,), 0, 0.0, 0.0, 0.0, 0.0, entries_at_kinks=4)]
    header, rule, *lines = format_table(rows).splitlines()
    assert len(rule) == len(header) and set(rule) == {"-"}
    for heading in ("shape", "checked", "at kinks", "‖g‖ backprop", "‖ĝ‖ numeric", "max |Δ|", "relative error"):
        end = header.index(heading) + len(heading)  # right-aligned: every cell ends where its heading does
        assert all(line[end - 1] != " " and line[end] == " " for line in lines), heading
    assert lines[0].split() == ["layer0.W", "784", "×", "256", "30", "0", "1.23e-01", "1.23e-01", "2.95e-10",
                                "1.36e-09", "ok"]
    assert lines[1].split()[:2] == ["layer12.running_gamma", "256"] and lines[1].split()[-2] == "9.70e-10"
    assert lines[2].split() == ["layer2.b", "4", "0", "4", "—", "—", "—", "—", "not", "checked"], \
        "nothing compared: no errors of 0"


def test_a_smooth_loss_of_small_gradient_and_large_curvature_is_checked_not_taken_for_kinks():
    """Inputs of scale 30: L'' is large where the gradient is small, and the one-sided differences at ε
    differ by ε·L''; measured again at ε/10 the gap shrinks tenfold, as no kink's would."""
    net = Network([Dense(3, 4), Activation("softplus"), Dense(4, 1)], seed=0, loss="mse")
    rng = np.random.default_rng(0)
    X = 30 * rng.normal(size=(12, 3))
    y = net.predict_output(X) + 1e-3 * rng.normal(size=(12, 1))
    rows = gradient_check(net, X, y)
    assert all(row.entries_at_kinks == 0 and row.checked and row.passed for row in rows), format_table(rows)


def test_gradient_check_reports_both_gradients_norms_over_the_checked_entries():
    net = Network([Dense(3, 4), Activation("tanh"), Dense(4, 2)])
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(6, 3)), rng.integers(0, 2, 6)
    rows = gradient_check(net, X, y, max_entries=100)  # every entry of every tensor
    twin = net.copy(dtype=np.float64)
    twin.loss_and_gradients(X, y)
    for row, grad in zip(rows, twin.gradients()):
        assert row.entries_checked == grad.size
        assert row.backprop_norm == pytest.approx(np.linalg.norm(grad), rel=1e-12)
        assert row.numeric_norm == pytest.approx(row.backprop_norm, rel=1e-6)


def test_predict_and_predict_proba():
    net = deep_network()
    X = np.random.default_rng(3).normal(size=(10_000, 5))
    probabilities = net.predict_proba(X)
    assert probabilities.shape == (10_000, 3)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1, rtol=1e-5)
    np.testing.assert_array_equal(net.predict(X), probabilities.argmax(axis=1))
    regression = Network([Dense(5, 1)], loss="mse")
    with pytest.raises(ValueError, match="mse loss gives scores, not class probabilities"):
        regression.predict_proba(X)


def test_config_and_state_round_trip_rebuilds_an_identical_network():
    net = deep_network(seed=4)
    X = np.random.default_rng(5).normal(size=(8, 5)).astype(np.float32)
    net.loss_and_gradients(X, np.arange(8) % 3)  # moves batch-norm running statistics
    twin = Network.from_config(net.config())
    twin.load_state(net.state())
    np.testing.assert_array_equal(twin.predict_output(X), net.predict_output(X))
    wide = Network.from_config(net.config(), dtype="float64")
    wide.load_state(net.state())
    assert wide.dtype == np.float64
    np.testing.assert_allclose(wide.predict_output(X), net.predict_output(X), rtol=1e-5, atol=1e-6)


def test_same_seed_same_initial_weights_and_reinitialize_restores_them():
    a, b, c = deep_network(seed=7), deep_network(seed=7), deep_network(seed=8)
    assert np.array_equal(a.flat_parameters, b.flat_parameters)
    assert not np.array_equal(a.flat_parameters, c.flat_parameters)
    initial = a.flat_parameters.copy()
    a.flat_parameters += 1
    a.reinitialize()
    assert np.array_equal(a.flat_parameters, initial)


def test_model_file_round_trip_and_refusals(tmp_path):
    net = deep_network(seed=2)
    path = tmp_path / "model.npz"
    model_io.save_model(path, net, dataset="digits", test_accuracy=0.97)
    loaded, metadata = model_io.load_model(path)
    assert metadata == {"dataset": "digits", "test_accuracy": 0.97}
    X = np.ones((2, 5), dtype=np.float32)
    np.testing.assert_array_equal(loaded.predict_output(X), net.predict_output(X))
    with np.load(path, allow_pickle=False) as archive:  # no pickle anywhere
        assert "layer0.W" in archive.files
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(path.read_bytes()[:200])
    with pytest.raises(ValueError, match="truncated or corrupt"):
        model_io.load_model(truncated)
    other = tmp_path / "other.npz"
    np.savez(other, weights=np.zeros(3))
    with pytest.raises(ValueError, match="not an MLP Workbench model"):
        model_io.load_model(other)


@pytest.mark.parametrize("change, message", [
    (lambda W: W.astype(np.float64) * 1e300, r"layer0\.W hold values beyond ±3\.4e\+38, more than its 32-bit weights"),
    (lambda W: W.astype(np.complex64), r"layer0\.W hold complex64 values, not real numbers"),
    (lambda W: W.astype(str), r"layer0\.W hold <U\d+ values, not real numbers"),
])
def test_weights_a_network_cannot_hold_as_they_are_are_refused_not_changed(tmp_path, change, message):
    """A file made by another tool: float64 weights beyond float32's range became ∞ in the network (its
    predictions NaN), complex ones lost their imaginary part."""
    net = deep_network(seed=2)
    state = net.state()
    state["layer0.W"] = change(state["layer0.W"])
    path = tmp_path / "other tool.npz"
    model_io.save_arrays(path, state, {"format": model_io.MODEL_FORMAT, "version": model_io.MODEL_VERSION,
                                       "network": net.config()})
    with pytest.raises(model_io.ModelFileProblem, match=message) as refused:
        model_io.load_model(path)
    assert refused.value.kind == "damaged"


def test_a_model_file_keeps_a_run_s_curves_compressed_and_np_load_reads_it_as_older_versions_do(tmp_path):
    net = deep_network(seed=2)
    rng = np.random.default_rng(0)
    history = {"batches": [[step, float(loss), float(accuracy)] for step, (loss, accuracy)
                           in enumerate(rng.random((4000, 2)))]}
    path = tmp_path / "model.npz"
    model_io.save_model(path, net, history=history)
    text = json.dumps({"format": model_io.MODEL_FORMAT, "version": model_io.MODEL_VERSION, "network": net.config(),
                       "history": history})
    # NumPy text takes four bytes a character: stored as np.savez stores it, the curves alone would be this large
    assert path.stat().st_size < 4 * len(text) / 3
    with np.load(path, allow_pickle=False) as archive:  # how a model file has always been read
        assert json.loads(str(archive["__model__"]))["history"] == history
        np.testing.assert_array_equal(archive["layer0.W"], net.state()["layer0.W"])
    assert model_io.load_model(path)[1]["history"] == history


def test_bad_networks_are_refused():
    with pytest.raises(ValueError, match="at least one layer"):
        Network([])
    with pytest.raises(ValueError, match="dtype must be one of float32, float64"):
        Network([Dense(2, 2)], dtype=np.int32)
    with pytest.raises(ValueError, match="unknown loss"):
        Network([Dense(2, 2)], loss="cross_entropy")
    with pytest.raises(ValueError, match=r"inputs of shape \(N, 2\)"):
        Network([Dense(2, 2)]).predict(np.zeros((3, 4)))


def test_pickled_and_deep_copied_networks_keep_their_layers_on_the_flat_buffer():
    import copy
    import pickle

    net = deep_network(seed=5)
    for twin in (pickle.loads(pickle.dumps(net)), copy.deepcopy(net)):
        np.testing.assert_array_equal(twin.flat_parameters, net.flat_parameters)
        twin.flat_parameters[:] = 0.25
        assert (twin.layers[0].W == 0.25).all() and (net.layers[0].W != 0.25).any()
        assert all(np.shares_memory(p, twin.flat_parameters) for p in twin.parameters())


@pytest.mark.parametrize("dtype, tolerance", [(np.float32, 1e-5), (np.float64, 1e-12)])
def test_prepare_switches_training_to_the_compiled_kernels_with_the_same_loss_and_gradients(
        dtype, tolerance, monkeypatch):
    from core import activations, losses

    monkeypatch.setattr(losses, "COMPILED_DTYPES", set())
    monkeypatch.setattr(activations, "COMPILED_DTYPES", set())
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(50, 6)).astype(dtype), rng.integers(0, 4, 50)
    net = Network([Dense(6, 16), Activation("relu"), Dense(16, 16), Activation("relu"), Dense(16, 4)],
                  dtype=dtype, seed=3)
    numpy_loss, numpy_penalty, numpy_predictions = net.loss_and_gradients(X, y)
    numpy_gradients = net.flat_gradients.copy()
    net.prepare()
    assert np.dtype(dtype) in losses.COMPILED_DTYPES and np.dtype(dtype) in activations.COMPILED_DTYPES
    compiled_loss, compiled_penalty, compiled_predictions = net.loss_and_gradients(X, y)
    assert numpy_penalty == compiled_penalty == 0.0
    assert compiled_loss == pytest.approx(numpy_loss, rel=tolerance)
    np.testing.assert_array_equal(compiled_predictions, numpy_predictions)
    np.testing.assert_allclose(net.flat_gradients, numpy_gradients, rtol=tolerance, atol=tolerance * 1e-3)
    if dtype == np.float64:  # and against central differences, through the compiled passes
        rows = gradient_check(net, X, y)
        assert max(row.relative_error for row in rows) < 1e-6, format_table(rows)


@pytest.mark.parametrize("rows", [4, 30_000])  # below and above QUICK_FINITE_CHECK_MIN_SIZE entries
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_inputs_are_refused_exactly_when_an_entry_is_not_finite(dtype, rows):
    net = Network([Dense(3, 2)], dtype=dtype)
    huge = np.finfo(dtype).max / 2  # finite, but its square overflows the quick test's sum
    for bad in (np.nan, np.inf, -np.inf):
        X = np.ones((rows, 3), dtype)
        X[2, 1] = bad
        with pytest.raises(ValueError, match="NaN or infinity"):
            net.check_inputs(X)
        X[0, 0] = huge
        with pytest.raises(ValueError, match="NaN or infinity"):
            net.check_inputs(X)
    X = np.ones((rows, 3), dtype)
    X[0, 0] = huge
    np.testing.assert_array_equal(net.check_inputs(X), X)
    assert net.check_inputs(np.zeros((0, 3))).shape == (0, 3)


def test_each_hidden_layer_s_dropout_rate_can_change_between_batches_but_not_switch_on_or_off():
    network = Network([Dense(4, 8), Activation("relu"), Dropout(0.1), Dense(8, 6), Activation("tanh"), Dropout(0.2),
                       Dense(6, 5), Activation("relu"), Dense(5, 3)], seed=1)
    parameters, layers = network.flat_parameters.copy(), list(network.layers)
    assert network.dropout_rates == [0.1, 0.2, 0.0]
    network.set_dropout([0.5, 0.3, 0.0])
    assert network.dropout_rates == [0.5, 0.3, 0.0] and network.layers == layers
    np.testing.assert_array_equal(network.flat_parameters, parameters)
    with pytest.raises(ValueError, match="2 dropout rates for 3 hidden layers"):
        network.set_dropout([0.1, 0.1])
    with pytest.raises(ValueError, match="switching dropout on or off changes the network's layers"):
        network.set_dropout([0.5, 0.3, 0.2])
    with pytest.raises(ValueError, match="dropout p must be < 1"):
        network.set_dropout([0.2, 1.0, 0.0])
    assert network.dropout_rates == [0.5, 0.3, 0.0], "a refused change changes nothing"


def test_a_copy_or_a_loaded_model_draws_no_initial_weights_it_would_overwrite(tmp_path):
    """Drawing them took seconds for tens of millions of weights (Start copies the network, Open model reads one)."""
    network = deep_network(seed=4)
    unused = np.random.default_rng(4).bit_generator.state
    twin = network.copy()
    assert twin.rng.bit_generator.state == unused, "no draws"
    for (name, array), (_, copied) in zip(network.state().items(), twin.state().items()):
        np.testing.assert_array_equal(array, copied, err_msg=name)
    model_io.save_model(tmp_path / "m.npz", network)
    loaded, _ = model_io.load_model(tmp_path / "m.npz")
    assert loaded.rng.bit_generator.state == unused
    np.testing.assert_array_equal(loaded.flat_parameters, network.flat_parameters)
    assert Network.from_config(network.config()).rng.bit_generator.state != unused, "a new network draws them"


def test_weights_set_by_hand_give_the_lecture_s_xnor_and_bad_ones_are_refused():
    """Lecture 001's XNOR: AND = σ(−30 + 20x₁ + 20x₂) and NOR = σ(10 − 20x₁ − 20x₂), then OR of the two."""
    net = Network([Dense(2, 2), Activation("sigmoid"), Dense(2, 1)], loss="binary_cross_entropy")
    for source, target, value in ((0, 0, 20), (1, 0, 20), (None, 0, -30), (0, 1, -20), (1, 1, -20), (None, 1, 10)):
        net.set_weight(0, source, target, value)
    for source, value in ((0, 20), (1, 20), (None, -10)):
        net.set_weight(1, source, 0, value)
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    np.testing.assert_array_equal(net.predict(X), [1, 0, 0, 1])
    assert net.parameters()[0][1, 0] == 20 and net.parameters()[3][0] == -10  # layer0.W, layer2.b
    # One row at a time, as the Draw view and the plane's pointer ask, the compiled plan reads the same weights.
    assert [float(net.forward_row(row[None])[0, 0]) > 0 for row in X] == [True, False, False, True]
    before = net.flat_parameters.copy()
    for layer, source, target, value, refusal in ((0, 0, 0, float("nan"), "finite"), (0, 0, 0, np.inf, "finite"),
                                                  (2, 0, 0, 1.0, "2 Dense layers"), (0, 2, 0, 1.0, "no link"),
                                                  (1, None, 1, 1.0, "no link")):
        with pytest.raises(ValueError, match=refusal):
            net.set_weight(layer, source, target, value)
        with pytest.raises(ValueError, match=refusal):
            net.check_weight(layer, source, target, value)
    np.testing.assert_array_equal(net.flat_parameters, before)
    # Read back as they were set, counted the same way; a link the network lacks is refused the same way.
    assert net.weight(0, 1, 0) == 20 and net.weight(0, None, 1) == 10 and net.weight(1, None, 0) == -10
    assert net.check_weight(0, 1, 1, np.float32(2.5)) == 2.5
    with pytest.raises(ValueError, match="no link from 2 to 0"):
        net.weight(0, 2, 0)
