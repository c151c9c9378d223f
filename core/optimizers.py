"""Optimisers: how a gradient becomes a parameter update (lecture 003, "Метод моментов и адаптивные варианты").

Names, hyperparameters, defaults and update rules are those of ``torch.optim`` so that a run can be
checked against PyTorch number for number. Notation in the docstrings: θ a parameter, ∇E its
gradient, η = ``lr``, λ = ``weight_decay``, t = 1, 2, … the step number, all operations elementwise.
Unless said otherwise weight decay is L2 added to the gradient: g = ∇E + λθ.

One optimiser serves the whole network: ``step(params, grads)`` updates every array of the list in
place (the trainer passes its single flat parameter buffer), and ``state`` keeps, aligned with that
list, a dict of named arrays per parameter (torch's ``Optimizer.state``). The per-step work is a
handful of in-place NumPy operations into preallocated scratch buffers, in the parameters' dtype.

Hyperparameters are plain attributes holding Python floats (bools for flags), validated whenever
they are set, so the trainer may change ``opt.lr`` or ``opt.momentum`` between batches.
"""
from __future__ import annotations

import math

import numpy as np

from core._checks import check_number
from core.registry import Registry

OPTIMIZERS: Registry["Optimizer"] = Registry("optimizer")

FLUSH_EVERY = 32
"""Steps between sweeps that set subnormal state values to zero.

A moment that only decays (its gradient is exactly zero, as for the weights of an always-black
pixel) sinks into the subnormal range, where square roots and divisions are several times slower
(Adam epochs 2–3× slower on some CPUs). A sweep costs three elementwise passes per state array,
so every 32 steps it adds under 2 % to a step; and a value below the dtype's smallest normal number
(1.2e-38 in float32) moves a parameter by about η·1e-38/ε at most: zeroing it changes nothing visible.
"""

_UNIT_INTERVAL = dict(low=0.0, high=1.0, high_open=True)  # [0, 1): decay rates and momenta
_NON_NEGATIVE = dict(low=0.0)
_POSITIVE = dict(low=0.0, low_open=True)


def names() -> list[str]:
    return OPTIMIZERS.names()


def create(name: str, **hyperparameters) -> "Optimizer":
    return OPTIMIZERS.create(name, **hyperparameters)


def _register(name: str):
    """Register the class under ``name`` and give it that ``name``."""

    def add(cls):
        cls.name = name
        return OPTIMIZERS.register(name)(cls)

    return add


class Optimizer:
    """Base class: validated hyperparameters, per-parameter state, scratch buffers, denormal flush.

    Subclasses declare ``constraints`` (hyperparameter → ``check_number`` bounds, or ``bool`` for
    a flag), ``decaying_state`` (state arrays that shrink geometrically when the gradient is
    zero), ``scratch_buffers`` (how many parameter-sized temporaries one update needs), and write
    ``_update(param, grad, state, scratch)``.
    """

    name = "optimizer"
    constraints: dict = {"lr": _NON_NEGATIVE, "weight_decay": _NON_NEGATIVE}
    decaying_state: tuple[str, ...] = ()
    scratch_buffers = 1

    def __init__(self, **hyperparameters):
        self._hyperparameter_names = tuple(hyperparameters)
        for name, value in hyperparameters.items():
            setattr(self, name, value)
        self.reset()

    def __setattr__(self, name, value):
        rule = self.constraints.get(name)
        if rule is bool:
            if not isinstance(value, (bool, np.bool_)):
                raise ValueError(f"{self.name} {name} must be True or False, got {value!r}")
            value = bool(value)
        elif rule is not None:
            value = check_number(f"{self.name} {name}", value, **rule)
        super().__setattr__(name, value)

    @property
    def hyperparameters(self) -> dict:
        """Current values, under the names ``create`` accepts."""
        return {name: getattr(self, name) for name in self._hyperparameter_names}

    @property
    def state(self) -> list[dict[str, np.ndarray]]:
        """Per parameter (aligned with the ``params`` given to ``step``), its named state arrays."""
        return self._state

    def reset(self) -> None:
        """Forget all state (moments, accumulators, step count), as for a freshly built network."""
        self.step_count = 0
        self._state: list[dict[str, np.ndarray]] = []
        self._scratch: list[list[np.ndarray]] = []

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        """Update every array of ``params`` in place from the aligned ``grads`` (left unchanged)."""
        self._check(params, grads)
        if not self._state:
            self._state = [{} for _ in params]
            self._scratch = [[np.empty_like(p) for _ in range(self.scratch_buffers)] for p in params]
        self.step_count += 1
        for update in zip(params, grads, self._state, self._scratch):
            self._update(*update)
        if self.decaying_state and self.step_count % FLUSH_EVERY == 0:
            self._flush_denormals()

    def _check(self, params, grads) -> None:
        if len(params) != len(grads):
            raise ValueError(f"{self.name}: {len(params)} parameters but {len(grads)} gradients")
        for i, (param, grad) in enumerate(zip(params, grads)):
            if not isinstance(param, np.ndarray) or param.dtype not in (np.float32, np.float64):
                raise ValueError(f"{self.name}: parameter {i} must be a float32 or float64 array, got {param!r:.60}")
            if not isinstance(grad, np.ndarray) or grad.shape != param.shape or grad.dtype != param.dtype:
                got = f"{grad.dtype} {grad.shape}" if isinstance(grad, np.ndarray) else repr(grad)
                raise ValueError(f"{self.name}: gradient {i} must be {param.dtype} {param.shape} like its parameter, got {got}")
        if self._scratch:
            built_for = [(s[0].shape, s[0].dtype) for s in self._scratch]
            given = [(p.shape, p.dtype) for p in params]
            if given != built_for:
                raise ValueError(f"{self.name}: state was built for parameters {built_for}, got {given}; "
                                 "call reset() when the network changes")

    def _update(self, param: np.ndarray, grad: np.ndarray, state: dict, scratch: list[np.ndarray]) -> None:
        raise NotImplementedError

    def _gradient(self, param, grad, out):
        """g = ∇E + λθ (L2 weight decay), written into ``out``; ``grad`` itself when λ = 0."""
        if self.weight_decay == 0.0:
            return grad
        np.multiply(param, self.weight_decay, out=out)
        out += grad
        return out

    @staticmethod
    def _state_array(state: dict, name: str, like: np.ndarray, fill: float = 0.0) -> np.ndarray:
        """The state array ``name``, created filled with ``fill`` the first time it is needed
        (so a flag such as ``amsgrad`` switched on mid-run starts its state there)."""
        array = state.get(name)
        if array is None:
            array = state[name] = np.full_like(like, fill)
        return array

    def _flush_denormals(self) -> None:
        """Set |x| < smallest normal number to 0 in the decaying state (see ``FLUSH_EVERY``)."""
        for state, scratch in zip(self._state, self._scratch):
            for name in self.decaying_state:
                array = state.get(name)
                if array is not None:
                    # Multiplying by a 0/1 mask is branch-free: 3 passes, several times faster
                    # than a masked assignment when many elements are subnormal. NaN stays NaN.
                    keep = np.abs(array, out=scratch[0])
                    np.greater_equal(keep, np.finfo(array.dtype).tiny, out=keep)
                    array *= keep

    def __repr__(self) -> str:
        options = ", ".join(f"{k}={v!r}" for k, v in self.hyperparameters.items())
        return f"{type(self).__name__}({options})"


@_register("sgd")
class SGD(Optimizer):
    """Plain (stochastic) gradient descent:  θ ← θ − η·g,  g = ∇E + λθ."""

    def __init__(self, lr: float = 1e-3, weight_decay: float = 0.0):
        super().__init__(lr=lr, weight_decay=weight_decay)

    def _update(self, param, grad, state, scratch):
        g = self._gradient(param, grad, scratch[0])
        param += np.multiply(g, -self.lr, out=scratch[0])


@_register("momentum")
class Momentum(Optimizer):
    """SGD with momentum μ (torch ``SGD(momentum=μ)``, dampening 0):

        v ← μ·v + g          (v starts at 0, so the first step has v = g)
        θ ← θ − η·v

    Lecture 003 writes u ← γu + η∇E, θ ← θ − u: the same steps while η is constant (u = η·v).
    """

    constraints = {**Optimizer.constraints, "momentum": _UNIT_INTERVAL}
    decaying_state = ("velocity",)
    scratch_buffers = 2

    def __init__(self, lr: float = 1e-3, momentum: float = 0.9, weight_decay: float = 0.0):
        super().__init__(lr=lr, momentum=momentum, weight_decay=weight_decay)

    def _update(self, param, grad, state, scratch):
        g = self._gradient(param, grad, scratch[0])
        velocity = self._state_array(state, "velocity", param)
        velocity *= self.momentum
        velocity += g
        direction = self._direction(g, velocity, scratch[1])
        param += np.multiply(direction, -self.lr, out=scratch[1])

    def _direction(self, g, velocity, out):
        return velocity


@_register("nesterov")
class Nesterov(Momentum):
    """Nesterov momentum (torch ``SGD(momentum=μ, nesterov=True)``): the step looks ahead along v:

        v ← μ·v + g
        θ ← θ − η·(g + μ·v)

    Lecture 003's form, the gradient taken at θ − γu, is this one rewritten in the look-ahead point.
    """

    def _direction(self, g, velocity, out):
        np.multiply(velocity, self.momentum, out=out)
        out += g
        return out


@_register("adagrad")
class Adagrad(Optimizer):
    """Adagrad (torch ``Adagrad``): every parameter's rate shrinks with its accumulated squared gradient:

        G ← G + g²                              (G starts at initial_accumulator_value)
        η_t = η / (1 + (t − 1)·lr_decay)
        θ ← θ − η_t · g / (√G + ε)
    """

    constraints = {**Optimizer.constraints, "lr_decay": _NON_NEGATIVE,
                   "initial_accumulator_value": _NON_NEGATIVE, "eps": _POSITIVE}
    scratch_buffers = 2

    def __init__(self, lr: float = 0.01, lr_decay: float = 0.0, weight_decay: float = 0.0,
                 initial_accumulator_value: float = 0.0, eps: float = 1e-10):
        super().__init__(lr=lr, lr_decay=lr_decay, weight_decay=weight_decay,
                         initial_accumulator_value=initial_accumulator_value, eps=eps)

    def _update(self, param, grad, state, scratch):
        g = self._gradient(param, grad, scratch[0])
        accumulated = self._state_array(state, "sum", param, self.initial_accumulator_value)
        work = scratch[1]
        accumulated += np.multiply(g, g, out=work)
        np.sqrt(accumulated, out=work)
        work += self.eps
        np.divide(g, work, out=work)
        work *= -self.lr / (1.0 + (self.step_count - 1) * self.lr_decay)
        param += work


@_register("rmsprop")
class RMSprop(Optimizer):
    """RMSProp (torch ``RMSprop``): divide by a running root-mean-square of the gradient:

        s ← α·s + (1 − α)·g²                     ('square_avg')
        centered:  ḡ ← α·ḡ + (1 − α)·g,  s̃ = s − ḡ²   ('grad_avg'; otherwise s̃ = s)
        momentum μ > 0:  b ← μ·b + g / (√s̃ + ε),  θ ← θ − η·b   ('momentum_buffer')
        μ = 0:           θ ← θ − η·g / (√s̃ + ε)
    """

    constraints = {**Optimizer.constraints, "alpha": _UNIT_INTERVAL, "eps": _POSITIVE,
                   "momentum": _UNIT_INTERVAL, "centered": bool}
    decaying_state = ("square_avg", "grad_avg", "momentum_buffer")
    scratch_buffers = 2

    def __init__(self, lr: float = 0.01, alpha: float = 0.99, eps: float = 1e-8, weight_decay: float = 0.0,
                 momentum: float = 0.0, centered: bool = False):
        super().__init__(lr=lr, alpha=alpha, eps=eps, weight_decay=weight_decay, momentum=momentum,
                         centered=centered)

    def _update(self, param, grad, state, scratch):
        g = self._gradient(param, grad, scratch[0])
        work = scratch[1]
        square_avg = self._state_array(state, "square_avg", param)
        square_avg *= self.alpha
        np.multiply(g, g, out=work)
        work *= 1.0 - self.alpha
        square_avg += work
        if self.centered:
            grad_avg = self._state_array(state, "grad_avg", param)
            np.subtract(g, grad_avg, out=work)  # ḡ + (1 − α)(g − ḡ), torch's lerp
            work *= 1.0 - self.alpha
            grad_avg += work
            np.multiply(grad_avg, grad_avg, out=work)
            np.subtract(square_avg, work, out=work)
            # s − ḡ² is a variance, ≥ 0 in exact arithmetic; rounding can leave it at −1e-12,
            # whose square root would be NaN.
            np.maximum(work, 0.0, out=work)
            np.sqrt(work, out=work)
        else:
            np.sqrt(square_avg, out=work)
        work += self.eps
        np.divide(g, work, out=work)
        if self.momentum > 0.0:
            buffer = self._state_array(state, "momentum_buffer", param)
            buffer *= self.momentum
            buffer += work
            np.multiply(buffer, -self.lr, out=work)
        else:
            work *= -self.lr
        param += work


@_register("adadelta")
class Adadelta(Optimizer):
    """Adadelta (torch ``Adadelta``): RMSProp's running mean of g², and a running mean of the
    squared updates in the numerator so that the step has the parameter's units:

        s ← ρ·s + (1 − ρ)·g²                            ('square_avg')
        Δ = √(u + ε) / √(s + ε) · g
        u ← ρ·u + (1 − ρ)·Δ²                            ('acc_delta')
        θ ← θ − η·Δ
    """

    constraints = {**Optimizer.constraints, "rho": dict(low=0.0, high=1.0), "eps": _POSITIVE}
    decaying_state = ("square_avg", "acc_delta")
    scratch_buffers = 3

    def __init__(self, lr: float = 1.0, rho: float = 0.9, eps: float = 1e-6, weight_decay: float = 0.0):
        super().__init__(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay)

    def _update(self, param, grad, state, scratch):
        g = self._gradient(param, grad, scratch[0])
        delta, work = scratch[1], scratch[2]
        square_avg = self._state_array(state, "square_avg", param)
        acc_delta = self._state_array(state, "acc_delta", param)
        square_avg *= self.rho
        np.multiply(g, g, out=work)
        work *= 1.0 - self.rho
        square_avg += work
        np.add(square_avg, self.eps, out=work)
        np.sqrt(work, out=work)
        np.add(acc_delta, self.eps, out=delta)
        np.sqrt(delta, out=delta)
        delta /= work
        delta *= g
        acc_delta *= self.rho
        np.multiply(delta, delta, out=work)
        work *= 1.0 - self.rho
        acc_delta += work
        delta *= -self.lr
        param += delta


@_register("adam")
class Adam(Optimizer):
    """Adam (torch ``Adam``): momentum on g and RMSProp on g², both bias-corrected:

        m ← β₁·m + (1 − β₁)·g                    ('m')
        v ← β₂·v + (1 − β₂)·g²                   ('v')
        amsgrad:  v̄ ← max(v̄, v), used instead of v   ('v_max')
        θ ← θ − η/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)

    The last line is computed as θ ← θ − c·m / (√v + ε·√(1 − β₂ᵗ)) with the Python float
    c = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ): the same number with one pass over the array fewer.
    ``betas`` is the pair (``beta1``, ``beta2``); each is also an attribute of its own.
    """

    constraints = {**Optimizer.constraints, "beta1": _UNIT_INTERVAL, "beta2": _UNIT_INTERVAL,
                   "eps": _POSITIVE, "amsgrad": bool}
    decaying_state = ("m", "v", "v_max")
    scratch_buffers = 2

    def __init__(self, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0, amsgrad: bool = False):
        super().__init__(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad)

    @property
    def betas(self) -> tuple[float, float]:
        return self.beta1, self.beta2

    @betas.setter
    def betas(self, value) -> None:
        try:
            beta1, beta2 = value
        except (TypeError, ValueError):
            raise ValueError(f"{self.name} betas must be a pair (beta1, beta2), got {value!r}") from None
        self.beta1, self.beta2 = beta1, beta2

    def _update(self, param, grad, state, scratch):
        g = self._gradient(param, grad, scratch[0])
        work = scratch[1]
        m = self._state_array(state, "m", param)
        v = self._state_array(state, "v", param)
        np.subtract(g, m, out=work)  # m + (1 − β₁)(g − m), torch's lerp
        work *= 1.0 - self.beta1
        m += work
        v *= self.beta2
        np.multiply(g, g, out=work)
        work *= 1.0 - self.beta2
        v += work
        if self.amsgrad:
            v_max = self._state_array(state, "v_max", param)
            np.maximum(v_max, v, out=v_max)
            v = v_max
        t = self.step_count
        root_correction2 = math.sqrt(1.0 - self.beta2**t)
        np.sqrt(v, out=work)
        work += self.eps * root_correction2
        np.divide(m, work, out=work)
        work *= -self.lr * root_correction2 / (1.0 - self.beta1**t)
        param += work


@_register("adamw")
class AdamW(Adam):
    """AdamW (torch ``AdamW``): Adam with decoupled weight decay — the parameter shrinks directly
    instead of λθ entering the moments:

        θ ← θ·(1 − η·λ),  then the Adam step with g = ∇E.
    """

    def __init__(self, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.01, amsgrad: bool = False):
        super().__init__(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad)

    def _gradient(self, param, grad, out):
        return grad

    def _update(self, param, grad, state, scratch):
        if self.weight_decay != 0.0:
            param *= 1.0 - self.lr * self.weight_decay
        super()._update(param, grad, state, scratch)
