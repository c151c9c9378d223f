"""Every layer's backward pass against central differences (float64, relative error < 1e-6).

Each layer is checked on L = Σ y ⊙ R for a fixed random R, so ∂L/∂y = R and the layer is tested
on its own, independently of any loss.
"""
import numpy as np
import pytest

from core import layers
from core.layers import ActivityRegularization, Activation, BatchNorm, Dense, Dropout, PReLU
from core.network import Network
from tests.core.numgrad import numerical_gradient, relative_error

TOLERANCE = 1e-6


def bound(layer, n_in, seed=0):
    """Give a layer float64 parameters (as the network would) and return them with their grads."""
    rng = np.random.default_rng(seed)
    layer.rng = rng
    layer.build(n_in)
    params = [spec.initializer(spec.shape, rng, np.float64) + rng.normal(0, 0.1, spec.shape)
              for spec in layer.parameter_specs()]
    grads = [np.zeros_like(p) for p in params]
    layer.bind(params, grads)
    return params, grads


def check_layer(layer, x, seed=1):
    rng = np.random.default_rng(seed)
    y = layer.forward(x.copy(), training=True)
    upstream = rng.normal(size=y.shape)

    def loss(_=None):
        return float(np.sum(layer.forward(x, training=True) * upstream)) + layer.penalty()

    layer.forward(x, training=True)
    dx = layer.backward(upstream.copy())
    analytic_params = [g.copy() for g in layer.grads]
    assert relative_error(dx, numerical_gradient(loss, x)) < TOLERANCE
    for param, analytic in zip(layer.params, analytic_params):
        assert relative_error(analytic, numerical_gradient(loss, param)) < TOLERANCE


@pytest.mark.parametrize("shape", [(3, 4, 5), (7, 1, 3), (1, 6, 2)])
def test_dense_gradients(shape):
    n, n_in, n_out = shape
    layer = Dense(n_in, n_out)
    bound(layer, n_in)
    check_layer(layer, np.random.default_rng(2).normal(size=(n, n_in)))


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "softplus", "elu", "leaky_relu", "relu"])
def test_activation_layer_gradients(name):
    layer = Activation(name)
    bound(layer, 5)
    x = np.random.default_rng(3).normal(size=(4, 5))
    x[np.abs(x) < 0.05] = 0.3  # keep away from kinks
    check_layer(layer, x)


def test_dropout_with_a_frozen_mask_has_exact_gradients():
    layer = Dropout(0.4)
    bound(layer, 6)
    layer.freeze_mask = True
    check_layer(layer, np.random.default_rng(4).normal(size=(10, 6)))


def test_dropout_is_inverted_and_identity_at_inference():
    layer = Dropout(0.25)
    bound(layer, 1000)
    x = np.ones((200, 1000), dtype=np.float32)
    y = layer.forward(x, training=True)
    assert y.dtype == np.float32
    assert set(np.unique(y)) <= {0.0, np.float32(1 / 0.75)}
    assert abs((y == 0).mean() - 0.25) < 0.01
    assert abs(y.mean() - 1.0) < 0.01
    assert layer.forward(x, training=False) is x


def test_batchnorm_gradients():
    layer = BatchNorm(4)
    bound(layer, 4)
    check_layer(layer, np.random.default_rng(5).normal(2.0, 3.0, size=(8, 4)))


def test_batchnorm_normalises_in_training_and_freezes_statistics_at_inference():
    layer = BatchNorm(3, momentum=0.0)
    params, _ = bound(layer, 3)
    params[0][...] = 1.0
    params[1][...] = 0.0
    x = np.random.default_rng(6).normal(5.0, 2.0, size=(500, 3))
    y = layer.forward(x, training=True)
    np.testing.assert_allclose(y.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(y.std(axis=0), 1, atol=1e-4)
    # momentum 0 → running stats are exactly this batch's (unbiased variance)
    np.testing.assert_allclose(layer.running_mean, x.mean(axis=0))
    np.testing.assert_allclose(layer.running_var, x.var(axis=0, ddof=1))
    single = x[:1]
    expected = (single - x.mean(axis=0)) / np.sqrt(x.var(axis=0, ddof=1) + layer.eps)
    np.testing.assert_allclose(layer.forward(single, training=False), expected)


def test_prelu_gradients_including_the_leak():
    layer = PReLU(5)
    bound(layer, 5)
    x = np.random.default_rng(7).normal(size=(6, 5))
    x[np.abs(x) < 0.05] = -0.4
    check_layer(layer, x)


def test_activity_regularization_gradients():
    layer = ActivityRegularization(l1=0.3, l2=0.7)
    bound(layer, 4)
    x = np.random.default_rng(8).normal(size=(5, 4))
    x[np.abs(x) < 0.05] = 0.2
    check_layer(layer, x)


def test_layer_registry_builds_every_layer_from_its_config():
    examples = [Dense(3, 2, init="xavier_normal"), Activation("leaky_relu", alpha=0.2), Dropout(0.1),
                BatchNorm(2), PReLU(2, alpha=0.1), ActivityRegularization(0.1, 0.0)]
    assert set(layers.names()) == {e.type_name for e in examples}
    for example in examples:
        rebuilt = layers.create(example.type_name, **example.config())
        assert rebuilt.config() == example.config()


@pytest.mark.parametrize("bad, message", [
    (lambda: Dense(0, 3), "n_in"),
    (lambda: Dense(3, 2, init="glorot"), "unknown initializer 'glorot'"),
    (lambda: Dropout(1.0), "dropout p"),
    (lambda: Activation("swish"), "unknown activation 'swish'"),
    (lambda: Network([Dense(3, 4), Dense(5, 2)]), "expects 5 inputs but the previous layer gives 4"),
])
def test_bad_layers_are_refused_with_a_message(bad, message):
    with pytest.raises(ValueError, match=message):
        bad()
