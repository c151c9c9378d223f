"""Weight initialisers: ``create(name, **hp)`` gives a callable ``init(shape, rng, dtype)``.

For a weight matrix of shape (fan_in, fan_out) — fan_in = shape[0], fan_out = shape[-1], and a 1-D
shape has fan_in = fan_out = shape[0] — the variance-scaling rules pick Var(w):

- LeCun:         Var(w) = 1 / fan_in
- Xavier/Glorot: Var(w) = 2 / (fan_in + fan_out)   (lecture 003, for symmetric activations: tanh)
- He:            Var(w) = 2 / fan_in               (lecture 003, for ReLU)

drawn either from N(0, Var) or from U(−limit, limit) with limit = √(3·Var), because U(−l, l) has
variance l²/3; Xavier-uniform's limit is then √6 / √(fan_in + fan_out), as in the lecture.
Lecture 003 also shows why all-zero weights fail: every neuron of a layer gets the same gradient
(symmetry), so ``zeros`` is meant for biases.

Numbers are drawn in float64 from the given ``np.random.Generator`` only and then cast to
``dtype``, so one seed gives the same weights (up to rounding) in float32 and float64.
"""
from __future__ import annotations

import functools
import math

import numpy as np

from core._checks import check_number
from core.registry import Registry

INITIALIZERS: Registry["Initializer"] = Registry("initializer")

FLOAT_DTYPES = (np.float32, np.float64)


def names() -> list[str]:
    return INITIALIZERS.names()


def create(name: str, /, **hyperparameters) -> "Initializer":
    """Build the initialiser ``name``, e.g. ``create("normal", std=0.1)``."""
    return INITIALIZERS.create(name, **hyperparameters)


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """(fan_in, fan_out) = (shape[0], shape[-1])."""
    return shape[0], shape[-1]


class Initializer:
    """Base class: ``init(shape, rng, dtype)`` validates its arguments and calls ``sample``."""

    name: str = ""

    @property
    def hyperparameters(self) -> dict:
        return {}

    def __call__(self, shape, rng: np.random.Generator, dtype=np.float32) -> np.ndarray:
        shape = _check_shape(shape)
        if not isinstance(rng, np.random.Generator):
            raise ValueError(f"initializer rng must be a numpy.random.Generator, got {type(rng).__name__}")
        dtype = np.dtype(dtype)
        if dtype not in FLOAT_DTYPES:
            raise ValueError(f"initializer dtype must be float32 or float64, got {dtype}")
        return self.sample(shape, rng).astype(dtype, copy=False)

    def sample(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError

    def __repr__(self) -> str:
        arguments = ", ".join(f"{key}={value!r}" for key, value in self.hyperparameters.items())
        return f"{type(self).__name__}({arguments})"


def _check_shape(shape) -> tuple[int, ...]:
    if isinstance(shape, (int, np.integer)):
        shape = (shape,)
    try:
        shape = tuple(shape)
    except TypeError:
        raise ValueError(f"initializer shape must be a tuple of positive integers, got {shape!r}") from None
    if not shape or not all(isinstance(n, (int, np.integer)) and not isinstance(n, bool) and n > 0 for n in shape):
        raise ValueError(f"initializer shape must be a non-empty tuple of positive integers, got {shape!r}")
    return tuple(int(n) for n in shape)


@INITIALIZERS.register("zeros")
class Zeros(Initializer):
    """w = 0 (biases; for weights it leaves every neuron of a layer identical)."""

    name = "zeros"

    def sample(self, shape, rng):
        return np.zeros(shape)


@INITIALIZERS.register("constant")
class Constant(Initializer):
    """w = value."""

    name = "constant"

    def __init__(self, value: float = 0.0):
        self.value = check_number("constant initializer value", value)

    @property
    def hyperparameters(self):
        return {"value": self.value}

    def sample(self, shape, rng):
        return np.full(shape, self.value)


@INITIALIZERS.register("uniform")
class Uniform(Initializer):
    """w ~ U(−a, a), a fixed range whatever the layer size."""

    name = "uniform"

    def __init__(self, a: float = 0.05):
        self.a = check_number("uniform initializer a", a, low=0.0, low_open=True)

    @property
    def hyperparameters(self):
        return {"a": self.a}

    def sample(self, shape, rng):
        return rng.uniform(-self.a, self.a, size=shape)


@INITIALIZERS.register("normal")
class Normal(Initializer):
    """w ~ N(0, std²), a fixed spread whatever the layer size."""

    name = "normal"

    def __init__(self, std: float = 0.01):
        self.std = check_number("normal initializer std", std, low=0.0, low_open=True)

    @property
    def hyperparameters(self):
        return {"std": self.std}

    def sample(self, shape, rng):
        return rng.normal(0.0, self.std, size=shape)


class VarianceScaling(Initializer):
    """w ~ N(0, Var) or U(−√(3·Var), √(3·Var)), with Var from the layer's fans (see the module docstring)."""

    def __init__(self, name: str, variance, distribution: str):
        self.name = name
        self.variance = variance
        self.distribution = distribution

    def sample(self, shape, rng):
        variance = self.variance(*fans(shape))
        if self.distribution == "normal":
            return rng.normal(0.0, math.sqrt(variance), size=shape)
        limit = math.sqrt(3.0 * variance)
        return rng.uniform(-limit, limit, size=shape)


def lecun_variance(fan_in: int, fan_out: int) -> float:
    """Var(w) = 1 / fan_in."""
    return 1.0 / fan_in


def xavier_variance(fan_in: int, fan_out: int) -> float:
    """Var(w) = 2 / (fan_in + fan_out)."""
    return 2.0 / (fan_in + fan_out)


def he_variance(fan_in: int, fan_out: int) -> float:
    """Var(w) = 2 / fan_in."""
    return 2.0 / fan_in


def _register_variance_scaling(rule: str, variance) -> None:
    for distribution in ("uniform", "normal"):
        name = f"{rule}_{distribution}"
        INITIALIZERS.register(name)(functools.partial(VarianceScaling, name, variance, distribution))


_register_variance_scaling("lecun", lecun_variance)
_register_variance_scaling("xavier", xavier_variance)
_register_variance_scaling("he", he_variance)
