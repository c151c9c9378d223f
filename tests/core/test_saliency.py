"""Saliency ∂p_top/∂x against central differences of the network's own predict_proba."""
import numpy as np
import pytest

from core.layers import Activation, ActivityRegularization, BatchNorm, Dense, Dropout, PReLU
from core.network import Network
from core.saliency import saliency
from tests.core.numgrad import numerical_gradient, relative_error


def every_layer_network(loss="softmax_cross_entropy", n_out=4):
    network = Network([Dense(6, 8), BatchNorm(8), Activation("tanh"), Dropout(0.5), Dense(8, 7), PReLU(7, 0.2),
                       ActivityRegularization(l1=0.3, l2=0.2), Activation("relu"), Dense(7, n_out)],
                      dtype=np.float64, seed=3, loss=loss)
    batch_norm = network.layers[1]
    rng = np.random.default_rng(7)
    # Running statistics and γ, β away from their initial 0/1, so that batch norm's gradient matters.
    batch_norm.running_mean[...] = rng.normal(size=8)
    batch_norm.running_var[...] = rng.uniform(0.3, 3.0, size=8)
    batch_norm.params[0][...] = rng.uniform(0.5, 2.0, size=8)
    batch_norm.params[1][...] = rng.normal(size=8)
    return network


def probability_of(network, klass):
    return lambda x: network.predict_proba(x.reshape(1, -1))[0, klass]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_softmax_saliency_is_the_numerical_gradient_of_the_top_probability(seed):
    network = every_layer_network()
    x = np.random.default_rng(seed).normal(size=6)
    result = saliency(network, x)
    expected_probabilities = network.predict_proba(x.reshape(1, -1))[0]
    np.testing.assert_allclose(result.probabilities, expected_probabilities, rtol=1e-12)
    assert result.top_class == int(np.argmax(expected_probabilities))
    assert result.confidence == pytest.approx(expected_probabilities.max())
    numeric = numerical_gradient(probability_of(network, result.top_class), x.copy())
    assert relative_error(result.gradient, numeric) < 1e-7
    assert np.abs(result.gradient).max() > 1e-4  # a real test: the gradient is not trivially zero


def test_logistic_saliency_for_either_top_class():
    network = every_layer_network(loss="binary_cross_entropy", n_out=1)
    rng = np.random.default_rng(11)
    answers = set()
    for _ in range(20):
        x = rng.normal(size=6) * 2
        result = saliency(network, x)
        answers.add(result.top_class)
        numeric = numerical_gradient(probability_of(network, result.top_class), x.copy())
        assert relative_error(result.gradient, numeric) < 1e-6
    assert answers == {0, 1}  # both branches of ∂P/∂z were checked
    assert result.probabilities.shape == (2,)


def test_float32_network_gives_float32_results_and_is_left_as_it_was():
    network = Network([Dense(4, 5), Dropout(0.5), Activation("sigmoid"), Dense(5, 3)], seed=2)
    weights = network.flat_parameters.copy()
    result = saliency(network, np.ones(4, dtype=np.float32))
    assert result.gradient.dtype == np.float32 and result.probabilities.dtype == np.float32
    assert result.gradient.shape == (4,)
    np.testing.assert_array_equal(network.flat_parameters, weights)
    assert network.layers[0].needs_input_gradient is False
    # Inference mode: dropout did not act, so the answer is the deterministic one.
    np.testing.assert_allclose(result.probabilities, network.predict_proba(np.ones((1, 4)))[0], rtol=1e-6)


def test_refuses_losses_without_probabilities_and_batches():
    hinge = Network([Dense(3, 2)], loss="hinge")
    with pytest.raises(ValueError, match="'hinge' loss"):
        saliency(hinge, np.zeros(3))
    network = Network([Dense(3, 2)])
    with pytest.raises(ValueError, match="one input at a time"):
        saliency(network, np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"\(N, 3\)"):
        saliency(network, np.zeros(4))
