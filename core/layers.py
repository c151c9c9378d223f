"""Layers: forward/backward pairs with an explicit cache.

Every layer maps a batch ``x`` of shape ``(N, n_in)`` to ``y`` of shape ``(N, n_out)``.
``forward`` remembers what ``backward`` needs; ``backward(dy)`` receives ∂L/∂y and returns
∂L/∂x, writing the gradients of the layer's own parameters into its gradient arrays.

A layer does not own the memory of its parameters: the :class:`~core.network.Network` keeps one
flat parameter buffer and one flat gradient buffer (so that an optimiser updates the whole network
with a few fused operations) and hands each layer views into them through :meth:`Layer.bind`.
"""
from __future__ import annotations

import numpy as np

from core import activations, initializers, regularization
from core._checks import check_number
from core.registry import Registry

LAYERS: Registry = Registry("layer")


def names() -> list[str]:
    return LAYERS.names()


def create(name: str, /, **hyperparameters) -> "Layer":
    return LAYERS.create(name, **hyperparameters)


class ParameterSpec:
    """What a layer asks the network to allocate: a name, a shape, a kind and an initialiser.

    ``kind`` is "weight" or "bias" (what regularisation may touch) or another word
    ("scale", "shift", "leak") for parameters that are never regularised.
    """

    __slots__ = ("name", "shape", "kind", "initializer")

    def __init__(self, name: str, shape: tuple[int, ...], kind: str, initializer):
        self.name, self.shape, self.kind, self.initializer = name, shape, kind, initializer


class Layer:
    """Base class. Subclasses set ``type_name`` (their registry name) and implement the pair."""

    type_name = ""
    min_training_rows = 1
    """The fewest examples a training batch may have for this layer."""

    def __init__(self):
        self.params: list[np.ndarray] = []
        self.grads: list[np.ndarray] = []
        self.rng: np.random.Generator | None = None
        # The first layer's input gradient is never needed; skipping it saves a large matmul.
        self.needs_input_gradient = True

    def build(self, n_in: int) -> int:
        """Check the incoming width and return the outgoing one."""
        return n_in

    def parameter_specs(self) -> list[ParameterSpec]:
        return []

    def bind(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        self.params, self.grads = params, grads

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        raise NotImplementedError

    def backward(self, dy: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def penalty(self) -> float:
        """A loss term this layer adds (activity regularisation); 0 for most layers."""
        return 0.0

    def prepare(self, dtype) -> None:
        """Compile ahead the compiled code this layer's passes use for ``dtype`` (most use none)."""

    def buffers(self) -> dict[str, np.ndarray]:
        """Non-learned state saved with the model (batch norm's running statistics)."""
        return {}

    def config(self) -> dict:
        """JSON-serialisable constructor arguments; ``create(type, **config)`` rebuilds the layer."""
        raise NotImplementedError

    def describe(self) -> str:
        args = ", ".join(f"{key}={value}" for key, value in self.config().items())
        return f"{type(self).__name__}({args})"


@LAYERS.register("dense")
class Dense(Layer):
    """Fully connected layer.

    forward:  y = x W + b,   W: (n_in, n_out), b: (n_out,)
    backward: ∂L/∂W = xᵀ dy,   ∂L/∂b = Σ_rows dy = 1ᵀ dy,   ∂L/∂x = dy Wᵀ
    """

    type_name = "dense"

    def __init__(self, n_in: int, n_out: int, init: str = "he_uniform", bias_init: str = "zeros",
                 init_options: dict | None = None):
        super().__init__()
        self.n_in = check_number("Dense n_in", n_in, low=1, integer=True)
        self.n_out = check_number("Dense n_out", n_out, low=1, integer=True)
        self.init_name, self.bias_init_name = init, bias_init
        self.init_options = dict(init_options or {})
        self.weight_initializer = initializers.create(init, **self.init_options)
        self.bias_initializer = initializers.create(bias_init)
        self._x: np.ndarray | None = None
        self._ones: np.ndarray | None = None

    def build(self, n_in: int) -> int:
        if n_in != self.n_in:
            raise ValueError(f"Dense layer expects {self.n_in} inputs but the previous layer gives {n_in}")
        return self.n_out

    def parameter_specs(self) -> list[ParameterSpec]:
        return [ParameterSpec("W", (self.n_in, self.n_out), "weight", self.weight_initializer),
                ParameterSpec("b", (self.n_out,), "bias", self.bias_initializer)]

    @property
    def W(self) -> np.ndarray:
        return self.params[0]

    @property
    def b(self) -> np.ndarray:
        return self.params[1]

    def forward(self, x, training):
        if training:
            self._x = x
        y = x @ self.params[0]
        y += self.params[1]
        return y

    def backward(self, dy):
        W, _ = self.params
        dW, db = self.grads
        np.matmul(self._x.T, dy, out=dW)
        # A row of ones times dy sums the batch through BLAS, faster than dy.sum(axis=0).
        if self._ones is None or self._ones.shape[0] != dy.shape[0] or self._ones.dtype != dy.dtype:
            self._ones = np.ones(dy.shape[0], dtype=dy.dtype)
        np.matmul(self._ones, dy, out=db)
        if not self.needs_input_gradient:
            return None
        return dy @ W.T

    def config(self):
        config = {"n_in": self.n_in, "n_out": self.n_out, "init": self.init_name, "bias_init": self.bias_init_name}
        if self.init_options:
            config["init_options"] = dict(self.init_options)
        return config


@LAYERS.register("activation")
class Activation(Layer):
    """Applies an activation function elementwise: a = φ(z);  ∂L/∂z = ∂L/∂a · φ'(z)."""

    type_name = "activation"

    def __init__(self, name: str = "relu", **hyperparameters):
        super().__init__()
        self.function = activations.create(name, **hyperparameters)
        self._z: np.ndarray | None = None
        self._a: np.ndarray | None = None

    def prepare(self, dtype):
        self.function.prepare(dtype)

    def forward(self, x, training):
        a = self.function.forward(x)
        if training:
            self._z, self._a = x, a
        return a

    def backward(self, dy):
        return self.function.backward(self._z, self._a, dy)

    def config(self):
        return {"name": self.function.name, **self.function.hyperparameters}


@LAYERS.register("dropout")
class Dropout(Layer):
    """Inverted dropout with drop probability p.

    training:  m_i ~ Bernoulli(1 − p),  y = x ⊙ m / (1 − p);   ∂L/∂x = dy ⊙ m / (1 − p)
    inference: y = x (the 1/(1 − p) scaling during training keeps expectations equal).

    Lecture 003 drops without scaling and multiplies the output by 1 − p at inference instead: with
    the next layer's weights W/(1 − p) in place of W that computes the same function, in training
    and at inference.

    ``p`` may be changed between batches. Setting ``freeze_mask`` reuses the last mask (for the
    gradient check, where the same function must be evaluated many times).
    """

    type_name = "dropout"

    def __init__(self, p: float = 0.5):
        super().__init__()
        self.p = p
        self.freeze_mask = False
        self._scaled_mask: np.ndarray | None = None

    @property
    def p(self) -> float:
        return self._p

    @p.setter
    def p(self, value: float) -> None:
        self._p = check_number("dropout p", value, low=0.0, high=1.0, high_open=True)

    def forward(self, x, training):
        if not training or self._p == 0.0:
            self._scaled_mask = None
            return x
        if not (self.freeze_mask and self._scaled_mask is not None and self._scaled_mask.shape == x.shape):
            keep = self.rng.random(x.shape, dtype=np.float32) >= self._p
            self._scaled_mask = keep.astype(x.dtype)
            self._scaled_mask *= 1.0 / (1.0 - self._p)
        return x * self._scaled_mask

    def backward(self, dy):
        if self._scaled_mask is None:
            return dy
        dy *= self._scaled_mask
        return dy

    def config(self):
        return {"p": self._p}


@LAYERS.register("batch_norm")
class BatchNorm(Layer):
    """Batch normalisation (Ioffe & Szegedy 2015) over the batch axis.

    training:  μ = mean(x),  σ² = mean((x − μ)²),  x̂ = (x − μ)/√(σ² + ε),  y = γ x̂ + β
               running_mean ← m·running_mean + (1 − m)·μ;  running_var ← m·running_var + (1 − m)·σ²·N/(N−1)
    inference: x̂ uses the frozen running statistics instead of the batch's.
    backward:  ∂L/∂γ = Σ dy ⊙ x̂,  ∂L/∂β = Σ dy,
               ∂L/∂x = γ/(N √(σ² + ε)) · (N dy − Σ dy − x̂ Σ(dy ⊙ x̂))
    ``momentum`` m is the share of the old running value kept at each batch (0.9 by default).
    """

    type_name = "batch_norm"
    min_training_rows = 2  # a batch's variance needs two examples

    def __init__(self, n: int, momentum: float = 0.9, eps: float = 1e-5):
        super().__init__()
        self.n = check_number("BatchNorm n", n, low=1, integer=True)
        self.momentum = check_number("BatchNorm momentum", momentum, low=0.0, high=1.0, high_open=True)
        self.eps = check_number("BatchNorm eps", eps, low=0.0, low_open=True)
        self.running_mean = np.zeros(self.n)
        self.running_var = np.ones(self.n)
        self._x_hat = None
        self._inv_std = None

    def build(self, n_in):
        if n_in != self.n:
            raise ValueError(f"BatchNorm layer has {self.n} units but receives {n_in} inputs")
        return n_in

    def parameter_specs(self):
        return [ParameterSpec("gamma", (self.n,), "scale", initializers.create("constant", value=1.0)),
                ParameterSpec("beta", (self.n,), "shift", initializers.create("zeros"))]

    def bind(self, params, grads):
        super().bind(params, grads)
        self.running_mean = self.running_mean.astype(params[0].dtype)
        self.running_var = self.running_var.astype(params[0].dtype)

    def forward(self, x, training):
        gamma, beta = self.params
        if training:
            n_rows = x.shape[0]
            if n_rows < 2:
                raise ValueError("BatchNorm needs batches of at least 2 samples in training; raise the batch size")
            mean = x.mean(axis=0)
            centred = x - mean
            var = np.mean(centred * centred, axis=0)
            inv_std = 1.0 / np.sqrt(var + self.eps)
            x_hat = centred * inv_std
            keep = self.momentum
            self.running_mean *= keep
            self.running_mean += (1.0 - keep) * mean
            self.running_var *= keep
            self.running_var += (1.0 - keep) * var * (n_rows / (n_rows - 1.0))
            self._x_hat, self._inv_std = x_hat, inv_std
        else:
            x_hat = (x - self.running_mean) / np.sqrt(self.running_var + self.eps)
        return x_hat * gamma + beta

    def backward(self, dy):
        gamma, _ = self.params
        d_gamma, d_beta = self.grads
        x_hat = self._x_hat
        np.sum(dy * x_hat, axis=0, out=d_gamma)
        np.sum(dy, axis=0, out=d_beta)
        n_rows = dy.shape[0]
        return (gamma * self._inv_std / n_rows) * (n_rows * dy - d_beta - x_hat * d_gamma)

    def buffers(self):
        return {"running_mean": self.running_mean, "running_var": self.running_var}

    def config(self):
        return {"n": self.n, "momentum": self.momentum, "eps": self.eps}


@LAYERS.register("prelu")
class PReLU(Layer):
    """ReLU with a learnable leak per unit (He et al. 2015).

    forward:  y = x if x > 0 else α x
    backward: ∂L/∂x = dy · (1 if x > 0 else α),   ∂L/∂α = Σ_rows dy · x · [x ≤ 0]
    """

    type_name = "prelu"

    def __init__(self, n: int, alpha: float = 0.25):
        super().__init__()
        self.n = check_number("PReLU n", n, low=1, integer=True)
        self.alpha = check_number("PReLU alpha", alpha)
        self._x = None

    def build(self, n_in):
        if n_in != self.n:
            raise ValueError(f"PReLU layer has {self.n} units but receives {n_in} inputs")
        return n_in

    def parameter_specs(self):
        return [ParameterSpec("alpha", (self.n,), "leak", initializers.create("constant", value=self.alpha))]

    def forward(self, x, training):
        if training:
            self._x = x
        return np.where(x > 0, x, x * self.params[0])

    def backward(self, dy):
        x = self._x
        negative = x <= 0
        np.sum(dy * x * negative, axis=0, out=self.grads[0])
        return np.where(negative, dy * self.params[0], dy)

    def config(self):
        return {"n": self.n, "alpha": self.alpha}


@LAYERS.register("activity_regularization")
class ActivityRegularization(Layer):
    """Identity that penalises the size of the activations passing through it.

    penalty (added to the loss):  (l1·Σ|a| + l2·Σa²) / N   over the batch of N rows (the lectures' λ·Σa²)
    backward: ∂L/∂a = dy + ∂penalty/∂a
    """

    type_name = "activity_regularization"

    def __init__(self, l1: float = 0.0, l2: float = 0.0):
        super().__init__()
        self.l1 = check_number("activity l1", l1, low=0.0)
        self.l2 = check_number("activity l2", l2, low=0.0)
        self._a = None

    def forward(self, x, training):
        self._a = x
        return x

    def penalty(self):
        if self._a is None:
            return 0.0
        return regularization.activity_penalty(self._a, self.l1, self.l2)

    def backward(self, dy):
        return dy + regularization.activity_gradient(self._a, self.l1, self.l2)

    def config(self):
        return {"l1": self.l1, "l2": self.l2}
