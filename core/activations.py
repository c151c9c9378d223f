"""Activation functions φ applied element-wise to a layer's pre-activations z.

Each activation has
- ``forward(z) -> a = φ(z)`` — a new array of z's dtype;
- ``backward(z, a, grad_a) -> grad_z = grad_a · φ'(z)`` — may overwrite ``grad_a`` and return it
  (the caller owns it), and uses ``a`` where φ' is cheaper from the output;
- ``derivative(z, a) -> φ'(z)`` — for plots;
- ``name`` and ``hyperparameters`` (a JSON-serialisable dict).

The table of lecture 000 (Raschka's activation table) defines step, sign, the piece-wise linear
``hard_sigmoid``, sigmoid, tanh, ReLU and softplus; LeakyReLU and ELU come from the same lecture's
"modern activations". At a kink the derivative takes the value stated in the class docstring.

Everything stays finite and warning-free for |z| up to 1e4 in float32 and float64: exponentials
are only ever taken of non-positive numbers.
"""
from __future__ import annotations

import numpy as np

from core._checks import check_number
from core.registry import Registry

ACTIVATIONS: Registry["ActivationFunction"] = Registry("activation")


def names() -> list[str]:
    """Activation names in the order the GUI lists them."""
    return ACTIVATIONS.names()


def create(name: str, **hyperparameters) -> "ActivationFunction":
    """Build the activation ``name``, e.g. ``create("leaky_relu", alpha=0.1)``."""
    return ACTIVATIONS.create(name, **hyperparameters)


def stable_sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1 / (1 + e^(−z)) without overflow.

    With e = exp(−|z|) ∈ (0, 1]:  σ(z) = 1 / (1 + e) for z ≥ 0  and  σ(z) = e / (1 + e) for z < 0,
    so exp never sees a positive argument. Shared with the logistic loss.
    """
    e = np.exp(-np.abs(z))
    a = np.reciprocal(1 + e)
    np.multiply(a, e, out=a, where=z < 0)
    return a


class ActivationFunction:
    """Base class: element-wise φ with its derivative. Subclasses set ``name``."""

    name: str = ""

    @property
    def hyperparameters(self) -> dict:
        return {}

    def forward(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def derivative(self, z: np.ndarray, a: np.ndarray | None = None) -> np.ndarray:
        """φ'(z), the backward pass of an upstream gradient of ones (``a`` = φ(z) if given)."""
        z = np.asarray(z)
        if a is None:
            a = self.forward(z)
        return self.backward(z, a, np.ones_like(z))

    def __repr__(self) -> str:
        arguments = ", ".join(f"{key}={value!r}" for key, value in self.hyperparameters.items())
        return f"{type(self).__name__}({arguments})"


@ACTIVATIONS.register("identity")
class Identity(ActivationFunction):
    """Linear activation: φ(z) = z, φ'(z) = 1 (the output layer of a regression network)."""

    name = "identity"

    def forward(self, z):
        return np.array(z, copy=True)

    def backward(self, z, a, grad_a):
        return grad_a


@ACTIVATIONS.register("step")
class Step(ActivationFunction):
    """Unit step (Heaviside): φ(z) = 0 for z < 0, 0.5 for z = 0, 1 for z > 0 (lecture 000).

    φ'(z) = 0 wherever it exists, so no gradient passes: a network of steps cannot learn by
    backpropagation, which is the point the lecture makes.
    """

    name = "step"

    def forward(self, z):
        return np.heaviside(z, 0.5)

    def backward(self, z, a, grad_a):
        grad_a[...] = 0
        return grad_a


@ACTIVATIONS.register("sign")
class Sign(ActivationFunction):
    """Signum: φ(z) = −1 for z < 0, 0 for z = 0, 1 for z > 0 (lecture 000); φ'(z) = 0."""

    name = "sign"

    def forward(self, z):
        return np.sign(z)

    def backward(self, z, a, grad_a):
        grad_a[...] = 0
        return grad_a


@ACTIVATIONS.register("hard_sigmoid")
class HardSigmoid(ActivationFunction):
    """Piece-wise linear unit of lecture 000: φ(z) = clip(z + 1/2, 0, 1).

    φ'(z) = 1 for −1/2 < z < 1/2 and 0 elsewhere (0 at the kinks z = ±1/2).
    """

    name = "hard_sigmoid"

    def forward(self, z):
        return np.clip(z + 0.5, 0, 1)

    def backward(self, z, a, grad_a):
        np.multiply(grad_a, np.abs(z) < 0.5, out=grad_a)
        return grad_a


@ACTIVATIONS.register("sigmoid")
class Sigmoid(ActivationFunction):
    """Logistic sigmoid: φ(z) = 1 / (1 + e^(−z)),  φ'(z) = a(1 − a) with a = φ(z)."""

    name = "sigmoid"

    def forward(self, z):
        return stable_sigmoid(z)

    def backward(self, z, a, grad_a):
        np.multiply(grad_a, a, out=grad_a)
        np.multiply(grad_a, 1 - a, out=grad_a)
        return grad_a


@ACTIVATIONS.register("tanh")
class Tanh(ActivationFunction):
    """Hyperbolic tangent: φ(z) = (e^z − e^(−z)) / (e^z + e^(−z)),  φ'(z) = 1 − a² with a = φ(z)."""

    name = "tanh"

    def forward(self, z):
        return np.tanh(z)

    def backward(self, z, a, grad_a):
        one_minus_a_squared = np.multiply(a, a)
        np.subtract(1, one_minus_a_squared, out=one_minus_a_squared)
        np.multiply(grad_a, one_minus_a_squared, out=grad_a)
        return grad_a


@ACTIVATIONS.register("relu")
class ReLU(ActivationFunction):
    """Rectified linear unit: φ(z) = max(0, z),  φ'(z) = 1 for z > 0 and 0 for z ≤ 0 (a = φ(z) > 0 ⇔ z > 0)."""

    name = "relu"

    def forward(self, z):
        return np.maximum(z, 0)

    def backward(self, z, a, grad_a):
        np.multiply(grad_a, a > 0, out=grad_a)
        return grad_a


@ACTIVATIONS.register("leaky_relu")
class LeakyReLU(ActivationFunction):
    """LeakyReLU: φ(z) = z for z ≥ 0 and αz for z < 0;  φ'(z) = 1 for z > 0 and α for z ≤ 0.

    α ≥ 0 (α = 0 is ReLU); lecture 000 takes α small, the default is 0.01 as in torch.
    """

    name = "leaky_relu"

    def __init__(self, alpha: float = 0.01):
        self.alpha = check_number("leaky_relu alpha", alpha, low=0.0)

    @property
    def hyperparameters(self):
        return {"alpha": self.alpha}

    def forward(self, z):
        return np.where(z >= 0, z, self.alpha * z)

    def backward(self, z, a, grad_a):
        np.multiply(grad_a, self.alpha, out=grad_a, where=z <= 0)
        return grad_a


@ACTIVATIONS.register("elu")
class ELU(ActivationFunction):
    """Exponential linear unit: φ(z) = z for z > 0 and α(e^z − 1) for z ≤ 0;
    φ'(z) = 1 for z > 0 and αe^z = a + α for z ≤ 0.

    e^z − 1 is computed with expm1 of min(z, 0), exact for small |z| and never overflowing.
    """

    name = "elu"

    def __init__(self, alpha: float = 1.0):
        self.alpha = check_number("elu alpha", alpha, low=0.0)

    @property
    def hyperparameters(self):
        return {"alpha": self.alpha}

    def forward(self, z):
        negative_part = np.expm1(np.minimum(z, 0))
        np.multiply(negative_part, self.alpha, out=negative_part)
        return np.where(z > 0, z, negative_part)

    def backward(self, z, a, grad_a):
        np.multiply(grad_a, a + self.alpha, out=grad_a, where=z <= 0)
        return grad_a


@ACTIVATIONS.register("softplus")
class Softplus(ActivationFunction):
    """Softplus: φ(z) = ln(1 + e^z) = logaddexp(0, z),  φ'(z) = σ(z).

    Lecture 003 shows it as the sum Σᵢ σ(z + 1/2 − i), a smooth ReLU.
    """

    name = "softplus"

    def forward(self, z):
        return np.logaddexp(0, z)

    def backward(self, z, a, grad_a):
        np.multiply(grad_a, stable_sigmoid(z), out=grad_a)
        return grad_a
