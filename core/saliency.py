"""Saliency: which input pixels the network's answer is most sensitive to.

For one input x the network gives class probabilities p(x); its answer is the top class
c = argmax_k p_k. The saliency map is the gradient of that probability with respect to the input,

    s = ∂p_c/∂x,   s_i > 0: more ink at pixel i would make the network surer of c,
                   s_i < 0: ink at pixel i speaks against c.

(Simonyan, Vedaldi & Zisserman 2014 take the gradient of the class score; the probability is what
the Draw view's bars show, so that is the quantity explained here.)

It is computed by backpropagation to the input (lecture 002: local gradients multiplied along
the graph, layer by layer from the output back), in inference mode — dropout off, batch norm with its
running statistics — because that is the function that produced the answer. The gradient at the
output o is

    softmax (p = softmax(o)):                 ∂p_c/∂o_j = p_c (δ_cj − p_j)
    logistic (one logit z, P(1) = σ(z)):      ∂P(1)/∂z = σ(z)(1 − σ(z)) = −∂P(0)/∂z

and each layer turns ∂p_c/∂(its output) into ∂p_c/∂(its input).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.layers import Activation, ActivityRegularization, BatchNorm, Dense, Dropout, PReLU

#: Layers computing the same function in training and in inference; ``training=True`` only
#: makes them keep what their ``backward`` needs, so their own backward is the inference gradient.
SAME_FUNCTION_WHEN_TRAINING = (Activation, PReLU)
#: Identities at inference: dropout scales nothing, activity regularisation only adds to the loss.
IDENTITY_AT_INFERENCE = (Dropout, ActivityRegularization)
PROBABILISTIC_LOSSES = ("softmax_cross_entropy", "binary_cross_entropy")


@dataclass(frozen=True)
class Saliency:
    """The network's answer for one input and why: ``gradient[i]`` = ∂p_top/∂x_i."""

    probabilities: np.ndarray
    top_class: int
    gradient: np.ndarray

    @property
    def confidence(self) -> float:
        return float(self.probabilities[self.top_class])


def saliency(network, x) -> Saliency:
    """Probabilities, top class and ∂p_top/∂x for one input ``x`` (shape (n_inputs,) or (1, n_inputs)).

    The network must model probabilities (softmax or logistic cross-entropy). Its layers' caches
    (and a PReLU's leak gradient) are overwritten, so pass a network that is not being trained
    (a copy of the one that is).
    """
    if network.loss_name not in PROBABILISTIC_LOSSES:
        raise ValueError(f"saliency needs class probabilities, which the {network.loss_name!r} loss does not "
                         f"give; train with {' or '.join(PROBABILISTIC_LOSSES)}")
    x = np.asarray(x)
    if x.ndim == 1:
        x = x.reshape(1, -1)
    if x.shape[0] != 1:
        raise ValueError(f"saliency explains one input at a time, got a batch of {x.shape[0]}")
    x = network.check_inputs(x)
    # The inference-mode output, with the activations keeping what their backward step needs.
    output = network.forward_row(x, keep_caches_of=SAME_FUNCTION_WHEN_TRAINING)
    probabilities = network.loss.probabilities(output)[0]
    top = int(probabilities.argmax())
    gradient = _input_gradient(network, _probability_gradient(network.loss_name, output, probabilities, top))
    return Saliency(probabilities, top, gradient[0])


def _probability_gradient(loss_name: str, output: np.ndarray, probabilities: np.ndarray, top: int) -> np.ndarray:
    """∂p_top/∂output for a single row of output (see the module docstring for the formulas)."""
    if loss_name == "softmax_cross_entropy":
        p = probabilities
        d_output = -p[top] * p
        d_output[top] += p[top]
        return d_output.reshape(1, -1)
    sigma = probabilities[1]  # P(1) = σ(z)
    slope = sigma * (1 - sigma)
    return np.full((1, 1), slope if top == 1 else -slope, dtype=output.dtype)


def _input_gradient(network, d_output: np.ndarray) -> np.ndarray:
    """∂f/∂x from ∂f/∂output, through the layers of the last inference forward pass.

    Activations and PReLU use their own backward step. A dense layer y = x W + b gives
    ∂f/∂x = ∂f/∂y Wᵀ (its backward would also form ∂f/∂W, a large product not needed here).
    Batch norm at inference is the affine map y = γ (x − μ_run)/√(σ²_run + ε) + β, so
    ∂f/∂x = ∂f/∂y · γ/√(σ²_run + ε); dropout and activity regularisation pass ∂f/∂y through.
    """
    grad = d_output
    for layer in reversed(network.layers):
        if isinstance(layer, Dense):
            grad = grad @ layer.W.T
        elif isinstance(layer, SAME_FUNCTION_WHEN_TRAINING):
            grad = layer.backward(grad)
        elif isinstance(layer, BatchNorm):
            gamma = layer.params[0]
            grad = grad * (gamma / np.sqrt(layer.running_var + layer.eps))
        elif not isinstance(layer, IDENTITY_AT_INFERENCE):
            raise ValueError(f"saliency does not know the inference gradient of a {type(layer).__name__} layer")
    return grad
