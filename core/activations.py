"""Activation functions φ applied element-wise to a layer's pre-activations z.

Each activation has
- ``forward(z) -> a = φ(z)`` — a new array of z's dtype;
- ``backward(z, a, grad_a) -> grad_z = grad_a · φ'(z)`` — may overwrite ``grad_a`` and return it
  (the caller owns it), and uses ``a`` where φ' is cheaper from the output;
- ``derivative(z, a) -> φ'(z)`` — for plots;
- ``name`` and ``hyperparameters`` (a JSON-serialisable dict);
- ``kinks`` — the z where φ has no derivative (a jump or a corner).

:func:`evaluate_on_grid` samples φ and φ' of some activations on one grid of z, for plots and tables.

The table of lecture 000 (Raschka's activation table) defines step, sign, the piece-wise linear
``piecewise_linear``, sigmoid, tanh, ReLU and softplus; its text then defines LeakyReLU (with a > 0),
and lecture 003's "modifications of ReLU" figure shows its relatives; ELU is in neither lecture's text
(the usual definition of Clevert et al., 2015). At a kink the derivative takes the value stated in the
class docstring.

Everything stays finite and warning-free for |z| up to 1e4 in float32 and float64: exponentials
are only ever taken of non-positive numbers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from core._checks import check_number
from core.compiled import compiled
from core.registry import Registry

ACTIVATIONS: Registry["ActivationFunction"] = Registry("activation")

COMPILED_DTYPES: set[np.dtype] = set()
"""The dtypes for which the ReLU kernels have been compiled in this process (by ``prepare``)."""


def names() -> list[str]:
    """Activation names in the order the GUI lists them."""
    return ACTIVATIONS.names()


def create(name: str, /, **hyperparameters) -> "ActivationFunction":
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
    """Base class: element-wise φ with its derivative. Subclasses set ``name``.

    ``kinks`` lists the z where φ jumps or has a corner, so that φ'(z) is undefined there;
    backpropagation uses the value the subclass's docstring states.
    """

    name: str = ""
    kinks: tuple[float, ...] = ()

    @property
    def hyperparameters(self) -> dict:
        return {}

    def forward(self, z: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def backward(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def prepare(self, dtype=np.float32) -> None:
        """Compile ahead whatever compiled code this activation uses for ``dtype`` (most use none)."""

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
    kinks = (0.0,)

    def forward(self, z):
        return np.heaviside(z, 0.5)

    def backward(self, z, a, grad_a):
        grad_a[...] = 0
        return grad_a


@ACTIVATIONS.register("sign")
class Sign(ActivationFunction):
    """Signum: φ(z) = −1 for z < 0, 0 for z = 0, 1 for z > 0 (lecture 000); φ'(z) = 0."""

    name = "sign"
    kinks = (0.0,)

    def forward(self, z):
        return np.sign(z)

    def backward(self, z, a, grad_a):
        grad_a[...] = 0
        return grad_a


@ACTIVATIONS.register("piecewise_linear")
class PiecewiseLinear(ActivationFunction):
    """Piece-wise linear unit of lecture 000: φ(z) = clip(z + 1/2, 0, 1).

    φ'(z) = 1 for −1/2 < z < 1/2 and 0 elsewhere (0 at the kinks z = ±1/2).
    Not Keras's hard_sigmoid, clip(0.2z + 1/2, 0, 1), nor torch's Hardsigmoid, clip(z/6 + 1/2, 0, 1)
    (configurations of schema version 1 called it hard_sigmoid: see core.config.MIGRATIONS).
    """

    name = "piecewise_linear"
    kinks = (-0.5, 0.5)

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


def relu_elements(z, a):
    """a = max(0, z), element by element; NaN stays NaN (it fails z ≤ 0), as in np.maximum."""
    zero = a.dtype.type(0.0)
    for i in range(z.size):
        value = z[i]
        a[i] = zero if value <= zero else value


def relu_backward_elements(grad_a, a):
    """∂L/∂z = ∂L/∂a · φ'(z) with φ'(z) = 1 where a > 0, else 0; in place in ``grad_a``.

    A multiplication, not a choice, so that a NaN gradient stays NaN where a = 0, as in NumPy."""
    one, zero = grad_a.dtype.type(1.0), grad_a.dtype.type(0.0)
    for i in range(grad_a.size):
        grad_a[i] *= one if a[i] > zero else zero


def _compiled_applies(*arrays) -> bool:
    """Whether the compiled ReLU takes these arrays as they are: a prepared dtype, C order and
    writable (numba types a read-only or strided array differently and would compile it anew)."""
    return all(isinstance(array, np.ndarray) and array.dtype in COMPILED_DTYPES and array.flags.c_contiguous
               and array.flags.writeable for array in arrays)


@ACTIVATIONS.register("relu")
class ReLU(ActivationFunction):
    """Rectified linear unit: φ(z) = max(0, z),  φ'(z) = 1 for z > 0 and 0 for z ≤ 0 (a = φ(z) > 0 ⇔ z > 0).

    Once ``prepare(dtype)`` has compiled :func:`relu_elements` and :func:`relu_backward_elements`
    (the trainer does, before its clock starts), arrays of that dtype go through them, everywhere
    in the process: np.maximum(z, 0) took 17 µs for 128 × 256 numbers and the mask multiplication
    12 µs (a boolean mask cast to floats), the loops 3 to 6 µs each.
    """

    name = "relu"
    kinks = (0.0,)

    def prepare(self, dtype=np.float32):
        empty = np.empty(0, dtype)
        compiled(relu_elements)(empty, empty)
        compiled(relu_backward_elements)(empty, empty)
        COMPILED_DTYPES.add(np.dtype(dtype))

    def forward(self, z):
        if not _compiled_applies(z):
            return np.maximum(z, 0)
        a = np.empty_like(z)
        compiled(relu_elements)(z.reshape(-1), a.reshape(-1))
        return a

    def backward(self, z, a, grad_a):
        if _compiled_applies(grad_a, a) and grad_a.shape == a.shape:
            compiled(relu_backward_elements)(grad_a.reshape(-1), a.reshape(-1))
        else:
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

    @property
    def kinks(self):
        """A corner at 0, unless α = 1 (then φ(z) = z)."""
        return () if self.alpha == 1.0 else (0.0,)

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

    @property
    def kinks(self):
        """A corner at 0, unless α = 1 (then both slopes there are 1)."""
        return () if self.alpha == 1.0 else (0.0,)

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


# ----------------------------------------------------------------------------- curves for plots
GRID_LIMIT = 1e4
"""The widest z a grid may reach: every activation is finite and warning-free up to |z| = 10⁴."""
MAX_GRID_POINTS = 1_000_000


@dataclass(frozen=True)
class SampledCurves:
    """φ and φ' of k activations on one grid of n values of z (see :func:`evaluate_on_grid`)."""

    z: np.ndarray  # (n,), increasing
    values: np.ndarray  # (k, n): values[i] = φᵢ(z)
    derivatives: np.ndarray  # (k, n): derivatives[i] = φᵢ'(z), at a kink the value backpropagation uses


def evaluate_on_grid(functions: Sequence[ActivationFunction], low: float, high: float, count: int = 401,
                     dtype=np.float32) -> SampledCurves:
    """Each activation of ``functions`` and its derivative, sampled on one grid of z from ``low`` to ``high``.

    The grid is ``count`` evenly spaced points plus every kink of the functions inside the range,
    so that a plot shows φ and φ' exactly there (φ(0) = ½ of the step, the value backpropagation
    takes for φ' at ReLU's corner) instead of a line drawn across the kink. φ' comes from the
    activation's own ``derivative`` (its backward pass), the very numbers training multiplies by.
    """
    low = check_number("z range start", low, low=-GRID_LIMIT, high=GRID_LIMIT)
    high = check_number("z range end", high, low=-GRID_LIMIT, high=GRID_LIMIT)
    if not low < high:
        raise ValueError(f"z range start must be below its end, got {low!r} to {high!r}")
    count = check_number("grid points", count, low=2, high=MAX_GRID_POINTS, integer=True)
    if np.dtype(dtype) not in (np.float32, np.float64):
        raise ValueError(f"dtype must be float32 or float64, got {dtype!r}")
    kinks = [kink for function in functions for kink in function.kinks if low <= kink <= high]
    z = np.union1d(np.linspace(low, high, count, dtype=dtype), np.array(kinks, dtype=dtype))
    values = np.empty((len(functions), z.size), dtype=dtype)
    derivatives = np.empty_like(values)
    for row, function in enumerate(functions):
        values[row] = function.forward(z)
        derivatives[row] = function.derivative(z, values[row])
    return SampledCurves(z, values, derivatives)
