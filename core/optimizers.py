"""Optimisers: how a gradient becomes a parameter update (lecture 003, "Метод моментов и адаптивные варианты").

Names, hyperparameters, defaults and update rules are those of ``torch.optim`` so that a run can be
checked against PyTorch number for number. Notation in the docstrings: θ a parameter, ∇E its
gradient, η = ``lr``, λ = ``weight_decay``, t = 1, 2, … the step number, all operations elementwise.
Unless said otherwise weight decay is L2 added to the gradient: g = ∇E + λθ.

One optimiser serves the whole network: ``step(params, grads)`` updates every array of the list in
place (the trainer passes its single flat parameter buffer), and ``state`` keeps, aligned with that
list, a dict of named arrays per parameter (torch's ``Optimizer.state``).

Given ``updated``, a step writes the new values there instead and leaves the parameters as they
were: a trainer checks them before it copies them in, so that a step that diverged never touches the
weights. With the check and the copy, that costs less than a step in place that writes the old
values to a backup in the same pass: Adam on MNIST's 235k parameters took 124 µs against 139 on one
BLAS thread; on two, whose other thread has just read the weights, each write in place waits until
that thread's cached copy is invalidated (0.6-1.8 ms a step on a 2-core machine whose cores sat far
apart), while the copy writes them as one stream (0.14-0.41 ms with the kernel). (Counting the
non-finite new values in the same loop was tried too: the integer count kept the compiler from
using its widest vector instructions, and the step took twice as long as the loop plus one w·w
pass after it.)

Each update rule is a *kernel*: a loop that reads θ, ∇E and the state of one element, applies the
formula and writes them back, so that a step passes over memory once. Written with NumPy's whole-
array operations, Adam made eleven passes, about 1 ms per step for a 235k-parameter network and a
quarter of a training epoch. numba compiles each kernel to machine code (``njit``, IEEE arithmetic:
no fastmath) the first time it is needed, for float32 or float64; the scalars it is given are in
the parameters' dtype, so a float32 step computes in float32. Compiling takes seconds once per
computer (numba then loads the machine code from its disk cache); ``prepare(dtype)`` does it ahead,
and the trainer calls it in its own thread before its clock starts. numba is imported only then:
its import takes about a second that neither ``import core`` nor the app's launch should pay.
Arrays under :data:`COMPILED_MIN_SIZE` elements run the kernel's Python source as it stands (the
Playground's two-parameter walks, stepped in the GUI thread, never wait for a compile).

Hyperparameters are plain attributes holding Python floats (bools for flags), validated whenever
they are set, so the trainer may change ``opt.lr`` or ``opt.momentum`` between batches.
"""
from __future__ import annotations

import functools
import math
import operator

import numpy as np

from core._checks import RuleError, check_number
from core.compiled import compiled
from core.registry import Registry

OPTIMIZERS: Registry["Optimizer"] = Registry("optimizer")

FLUSH_EVERY = 32
"""Steps between sweeps that set subnormal state values to zero.

A moment that only decays (its gradient is exactly zero, as for the weights of an always-black
pixel) sinks into the subnormal range, where square roots and divisions are several times slower
(Adam epochs 2–3× slower on some CPUs). A sweep is one pass per decaying state array, so every 32
steps it adds a few per cent to a step; and a value below the dtype's smallest normal number
(1.2e-38 in float32) moves a parameter by about η·1e-38/ε at most: zeroing it changes nothing visible.
"""

COMPILED_MIN_SIZE = 16
"""Arrays with fewer elements are updated by the kernels' Python source instead of their compiled
code: a few µs per element, nothing to compile or import first."""

_UNIT_INTERVAL = dict(low=0.0, high=1.0, high_open=True)  # [0, 1): decay rates and momenta
_NON_NEGATIVE = dict(low=0.0)
_POSITIVE = dict(low=0.0, low_open=True)


def names() -> list[str]:
    return OPTIMIZERS.names()


def create(name: str, /, **hyperparameters) -> "Optimizer":
    return OPTIMIZERS.create(name, **hyperparameters)


def _register(name: str):
    """Register the class under ``name`` and give it that ``name``."""

    def add(cls):
        cls.name = name
        return OPTIMIZERS.register(name)(cls)

    return add


def _runnable(kernel, size: int):
    """What updates ``size`` elements: the compiled kernel, or below COMPILED_MIN_SIZE its Python source."""
    return compiled(kernel) if size >= COMPILED_MIN_SIZE else kernel


def _overflow_allowed():
    """Where a step's numbers may overflow without a RuntimeWarning: a hyperparameter beyond the parameters' dtype
    (an η of 1e300 in float32) casts to ±∞ and the step's arithmetic follows (in the kernels' Python source; numba's
    code never warns). The trainer finds the weights non-finite and says the run diverged, in words and not on
    stderr."""
    return np.errstate(over="ignore", invalid="ignore")


@functools.cache
def _unused(dtype: np.dtype) -> np.ndarray:
    """A zero-length array handed to a kernel in place of state that the current flags leave unused."""
    return np.empty(0, dtype)


def _same_objects(given, checked: tuple | None) -> bool:
    """Whether the list ``given`` holds exactly the objects of ``checked``, in order (None: no list)."""
    if given is None or checked is None:
        return given is checked
    return len(given) == len(checked) and all(map(operator.is_, given, checked))


@functools.lru_cache(maxsize=32)
def square_gate(dtype: np.dtype, weight: float) -> float:
    """The smallest |g| whose weighted square weight·g² is a normal number of ``dtype``.

    Below it, weight·g² underflows into the subnormal range (under 1.2e-38 in float32), where
    products are several times slower: tiny gradients of rarely active units made Adam's step ~1.5×
    slower by epoch 30 of MNIST at batch 32. The kernels add 0 for such a g instead, as a CPU told to
    flush subnormals to zero would; the term was too small to change √v + ε by anything (≤ 1.1e-19 ≪ ε),
    or v + ε (≤ 1.2e-38 ≪ ε).
    The kernels test ``abs(g) < gate``, which NaN fails: a NaN gradient still reaches the state.
    (Their zero is a float32 literal, which keeps a float32 kernel in float32.)
    """
    return math.sqrt(np.finfo(dtype).tiny / weight)


def flush_subnormals(array, tiny):
    """x ← 0 where |x| < tiny (the dtype's smallest normal number); NaN fails the test and stays NaN."""
    for i in range(array.size):
        if abs(array[i]) < tiny:
            array[i] = 0.0


def split_eps(eps: float, inside_root: bool, cast) -> tuple:
    """(ε_in, ε_out), cast to the parameters' dtype, for a kernel's denominator √(s + ε_in) + ε_out: (ε, 0)
    gives lecture 003's √(s + ε), (0, ε) torch's √s + ε, each exactly (adding 0 changes no number).

    Both terms, not a flag tested per element: a test inside RMSprop's loop, beside ``centered`` and its
    momentum, made its float32 step 1.2-1.7× slower on MNIST's 235k parameters (medians of alternating rounds); an
    addition of 0 costs nothing visible.
    """
    return (cast(eps), cast(0.0)) if inside_root else (cast(0.0), cast(eps))


class Optimizer:
    """Base class: validated hyperparameters, per-parameter state, the kernel call, denormal flush.

    Subclasses declare ``constraints`` (hyperparameter → ``check_number`` bounds, or ``bool`` for
    a flag) and ``decaying_state`` (state arrays that shrink geometrically when the gradient is
    zero), and write ``kernel(param, grad, updated, *arguments)``, a loop over the elements of flat
    arrays that reads θ from ``param`` and writes its new value to ``updated`` (``param`` itself for
    a step in place), and ``_arguments(state, like)``: the state arrays and scalars (as
    ``like.dtype``) it takes after ``updated``.
    """

    name = "optimizer"
    constraints: dict = {"lr": _NON_NEGATIVE, "weight_decay": _NON_NEGATIVE}
    decaying_state: tuple[str, ...] = ()

    def __init__(self, **hyperparameters):
        self._hyperparameter_names = tuple(hyperparameters)
        for name, value in hyperparameters.items():
            setattr(self, name, value)
        self.reset()

    def __setattr__(self, name, value):
        rule = self.constraints.get(name)
        if rule is bool:
            if not isinstance(value, (bool, np.bool_)):
                raise RuleError(f"{self.name} {name}", "flag", got=value)
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

    def state_arrays(self) -> dict[str, np.ndarray]:
        """A copy of the state to save in a file: ``"<i>/<name>"`` for each state array of the i-th
        parameter array, and ``"step_count"``."""
        arrays = {"step_count": np.array(self.step_count, dtype=np.int64)}
        for index, state in enumerate(self._state):
            for name, array in state.items():
                arrays[f"{index}/{name}"] = array.copy()
        return arrays

    def load_state_arrays(self, arrays: dict[str, np.ndarray], params: list[np.ndarray]) -> None:
        """Go on from the state of :meth:`state_arrays`, for ``params`` (the arrays ``step`` will be
        given). ValueError, and nothing changed, when it does not fit them."""
        arrays = dict(arrays)
        step_count = arrays.pop("step_count", None)
        if step_count is None or np.ndim(step_count) != 0 \
                or not np.issubdtype(np.asarray(step_count).dtype, np.integer) or int(step_count) < 0:
            raise ValueError(f"{self.name}: the saved state has no valid step count")
        state: list[dict[str, np.ndarray]] = [{} for _ in params]
        for key, array in arrays.items():
            index, _, name = key.partition("/")
            if not (index.isdigit() and int(index) < len(params) and name):
                raise ValueError(f"{self.name}: the saved state has {key!r}, which belongs to no parameter array")
            param = params[int(index)]
            if np.shape(array) != param.shape or not np.issubdtype(np.asarray(array).dtype, np.floating):
                raise ValueError(f"{self.name}: saved state {key!r} is {np.asarray(array).dtype} {np.shape(array)}, "
                                 f"its parameter array {param.dtype} {param.shape}")
            state[int(index)][name] = np.array(array, dtype=param.dtype)
        self.reset()
        if arrays:
            self._state = state
            self._built_for = [(p.shape, p.dtype) for p in params]
        self.step_count = int(step_count)

    def reset(self) -> None:
        """Forget all state (moments, accumulators, step count), as for a freshly built network."""
        self.step_count = 0
        self._state: list[dict[str, np.ndarray]] = []
        self._built_for: list[tuple] = []
        self._checked: tuple = (None, None, None)

    def prepare(self, dtype=np.float32) -> None:
        """Compile this optimiser's kernels for ``dtype`` now (or load them from numba's disk cache),
        so that the first ``step`` does not: a call on empty arrays compiles without updating anything."""
        dtype = np.dtype(dtype)
        empty = _unused(dtype)
        with _overflow_allowed():
            arguments = self._arguments({}, empty)
        compiled(type(self).kernel)(empty, empty, empty, *arguments)
        if self.decaying_state:
            compiled(flush_subnormals)(empty, dtype.type(np.finfo(dtype).tiny))

    def step(self, params: list[np.ndarray], grads: list[np.ndarray],
             updated: list[np.ndarray] | None = None) -> None:
        """Update every array of ``params`` in place from the aligned ``grads`` (left unchanged).

        With ``updated`` (arrays like ``params``, aligned with them), the new values are written
        there and ``params`` keep theirs; the state (moments, step count) moves on either way.
        """
        # The checks cost as much as a small network's whole update (~4 µs of a digits batch's ~150);
        # a trainer hands over the same arrays at every step, so they are checked once, when new.
        checked_params, checked_grads, checked_updated = self._checked
        if not (_same_objects(params, checked_params) and _same_objects(grads, checked_grads)
                and _same_objects(updated, checked_updated)):
            self._check(params, grads)
            if updated is not None:
                self._check_updated(params, updated)
            self._checked = tuple(None if arrays is None else tuple(arrays) for arrays in (params, grads, updated))
        if not self._state:
            self._state = [{} for _ in params]
            self._built_for = [(p.shape, p.dtype) for p in params]
        self.step_count += 1
        with _overflow_allowed():
            for index, (param, grad, state) in enumerate(zip(params, grads, self._state)):
                flat = param.reshape(-1)
                target = flat if updated is None else updated[index].reshape(-1)
                _runnable(type(self).kernel, param.size)(flat, grad.reshape(-1), target,
                                                         *self._arguments(state, param))
        if self.decaying_state and self.step_count % FLUSH_EVERY == 0:
            self._flush_denormals()

    def _check(self, params, grads) -> None:
        if len(params) != len(grads):
            raise ValueError(f"{self.name}: {len(params)} parameters but {len(grads)} gradients")
        for i, (param, grad) in enumerate(zip(params, grads)):
            if not isinstance(param, np.ndarray) or param.dtype not in (np.float32, np.float64):
                raise ValueError(f"{self.name}: parameter {i} must be a float32 or float64 array, got {param!r:.60}")
            if not param.flags.c_contiguous:
                # A kernel walks a flat view of the array; a strided one would be flattened into a copy.
                raise ValueError(f"{self.name}: parameter {i} must be a C-contiguous array (it is updated "
                                 "in place as one flat run of numbers), got a strided view")
            if not isinstance(grad, np.ndarray) or grad.shape != param.shape or grad.dtype != param.dtype:
                got = f"{grad.dtype} {grad.shape}" if isinstance(grad, np.ndarray) else repr(grad)
                raise ValueError(f"{self.name}: gradient {i} must be {param.dtype} {param.shape} like its parameter, "
                                 f"got {got}")
        if self._built_for:
            given = [(p.shape, p.dtype) for p in params]
            if given != self._built_for:
                raise ValueError(f"{self.name}: state was built for parameters {self._built_for}, got {given}; "
                                 "call reset() when the network changes")

    def _check_updated(self, params, updated) -> None:
        if len(updated) != len(params):
            raise ValueError(f"{self.name}: {len(params)} parameters but {len(updated)} arrays for their new values")
        for i, (param, target) in enumerate(zip(params, updated)):
            if not (isinstance(target, np.ndarray) and target.shape == param.shape and target.dtype == param.dtype
                    and target.flags.c_contiguous and target.flags.writeable):
                got = f"{target.dtype} {target.shape}" if isinstance(target, np.ndarray) else repr(target)
                raise ValueError(f"{self.name}: the new values of parameter {i} need a writeable C-contiguous "
                                 f"{param.dtype} {param.shape} array like it, got {got}")

    @staticmethod
    def kernel(param, grad, updated, *arguments) -> None:
        raise NotImplementedError

    def _arguments(self, state: dict, like: np.ndarray) -> tuple:
        raise NotImplementedError

    @staticmethod
    def _state_array(state: dict, name: str, like: np.ndarray, fill: float = 0.0) -> np.ndarray:
        """The state array ``name`` as a flat view, created filled with ``fill`` the first time it is
        needed (so a flag such as ``amsgrad`` switched on mid-run starts its state there)."""
        array = state.get(name)
        if array is None:
            array = state[name] = np.full_like(like, fill)
        return array.reshape(-1)

    def _flush_denormals(self) -> None:
        """Set |x| < smallest normal number to 0 in the decaying state (see ``FLUSH_EVERY``)."""
        for state in self._state:
            for name in self.decaying_state:
                array = state.get(name)
                if array is not None:
                    _runnable(flush_subnormals, array.size)(array.reshape(-1),
                                                            array.dtype.type(np.finfo(array.dtype).tiny))

    def __repr__(self) -> str:
        options = ", ".join(f"{k}={v!r}" for k, v in self.hyperparameters.items())
        return f"{type(self).__name__}({options})"


@_register("sgd")
class SGD(Optimizer):
    """Plain (stochastic) gradient descent:  θ ← θ − η·g,  g = ∇E + λθ."""

    def __init__(self, lr: float = 1e-3, weight_decay: float = 0.0):
        super().__init__(lr=lr, weight_decay=weight_decay)

    @staticmethod
    def kernel(param, grad, updated, lr, weight_decay):
        """θ ← θ − η·(∇E + λθ), element by element."""
        for i in range(param.size):
            theta = param[i]
            theta -= lr * (grad[i] + weight_decay * theta)
            updated[i] = theta

    def _arguments(self, state, like):
        cast = like.dtype.type
        return cast(self.lr), cast(self.weight_decay)


@_register("momentum")
class Momentum(Optimizer):
    """SGD with momentum μ (torch ``SGD(momentum=μ)``, dampening 0):

        v ← μ·v + g          (v starts at 0, so the first step has v = g)
        θ ← θ − η·v

    Lecture 003 writes u ← γu + η∇E, θ ← θ − u: the same steps while η is constant (u = η·v).
    """

    constraints = {**Optimizer.constraints, "momentum": _UNIT_INTERVAL}
    decaying_state = ("velocity",)
    nesterov = False

    def __init__(self, lr: float = 1e-3, momentum: float = 0.9, weight_decay: float = 0.0):
        super().__init__(lr=lr, momentum=momentum, weight_decay=weight_decay)

    @staticmethod
    def kernel(param, grad, updated, velocity, lr, momentum, weight_decay, nesterov):
        """g = ∇E + λθ,  v ← μ·v + g,  θ ← θ − η·v, or with ``nesterov`` θ ← θ − η·(g + μ·v)."""
        for i in range(param.size):
            theta = param[i]
            g = grad[i] + weight_decay * theta
            v = momentum * velocity[i] + g
            velocity[i] = v
            theta -= lr * (g + momentum * v if nesterov else v)
            updated[i] = theta

    def _arguments(self, state, like):
        cast = like.dtype.type
        return (self._state_array(state, "velocity", like), cast(self.lr), cast(self.momentum),
                cast(self.weight_decay), self.nesterov)


@_register("nesterov")
class Nesterov(Momentum):
    """Nesterov momentum (torch ``SGD(momentum=μ, nesterov=True)``): the step looks ahead along v:

        v ← μ·v + g
        θ ← θ − η·(g + μ·v)

    Lecture 003's form, the gradient taken at θ − γu, is this one rewritten in the look-ahead point.
    """

    nesterov = True


@_register("adagrad")
class Adagrad(Optimizer):
    """Adagrad (torch ``Adagrad``): every parameter's rate shrinks with its accumulated squared gradient:

        G ← G + g²                              (G starts at initial_accumulator_value; see square_gate)
        η_t = η / (1 + (t − 1)·lr_decay)
        θ ← θ − η_t · g / (√G + ε)
        eps_inside_root=True:  θ ← θ − η_t · g / √(G + ε)   (lecture 003's form)
    """

    constraints = {**Optimizer.constraints, "lr_decay": _NON_NEGATIVE,
                   "initial_accumulator_value": _NON_NEGATIVE, "eps": _POSITIVE, "eps_inside_root": bool}

    def __init__(self, lr: float = 0.01, lr_decay: float = 0.0, weight_decay: float = 0.0,
                 initial_accumulator_value: float = 0.0, eps: float = 1e-10, eps_inside_root: bool = False):
        super().__init__(lr=lr, lr_decay=lr_decay, weight_decay=weight_decay,
                         initial_accumulator_value=initial_accumulator_value, eps=eps,
                         eps_inside_root=eps_inside_root)

    @staticmethod
    def kernel(param, grad, updated, accumulated, step_lr, eps_inside, eps_outside, weight_decay, gate):
        """g = ∇E + λθ,  G ← G + g²,  θ ← θ − η_t·g/(√(G + ε_in) + ε_out)  (``step_lr`` = η_t; g² is 0 when
        |g| < ``gate``; see :func:`split_eps` for ε_in and ε_out)."""
        for i in range(param.size):
            theta = param[i]
            g = grad[i] + weight_decay * theta
            squared = np.float32(0.0) if abs(g) < gate else g
            total = accumulated[i] + squared * squared
            accumulated[i] = total
            theta -= step_lr * (g / (np.sqrt(total + eps_inside) + eps_outside))
            updated[i] = theta

    def _arguments(self, state, like):
        cast = like.dtype.type
        step_lr = self.lr / (1.0 + (self.step_count - 1) * self.lr_decay)
        return (self._state_array(state, "sum", like, self.initial_accumulator_value), cast(step_lr),
                *split_eps(self.eps, self.eps_inside_root, cast), cast(self.weight_decay),
                cast(square_gate(like.dtype, 1.0)))


@_register("rmsprop")
class RMSprop(Optimizer):
    """RMSProp (torch ``RMSprop``): divide by a running root-mean-square of the gradient:

        s ← α·s + (1 − α)·g²                     ('square_avg'; see square_gate)
        centered:  ḡ ← α·ḡ + (1 − α)·g,  s̃ = s − ḡ²   ('grad_avg'; otherwise s̃ = s)
        momentum μ > 0:  b ← μ·b + g / (√s̃ + ε),  θ ← θ − η·b   ('momentum_buffer')
        μ = 0:           θ ← θ − η·g / (√s̃ + ε)
        eps_inside_root=True:  √(s̃ + ε) in place of √s̃ + ε   (lecture 003's θ ← θ − η·g / √(G + ε))
    """

    constraints = {**Optimizer.constraints, "alpha": _UNIT_INTERVAL, "eps": _POSITIVE,
                   "momentum": _UNIT_INTERVAL, "centered": bool, "eps_inside_root": bool}
    decaying_state = ("square_avg", "grad_avg", "momentum_buffer")

    def __init__(self, lr: float = 0.01, alpha: float = 0.99, eps: float = 1e-8, weight_decay: float = 0.0,
                 momentum: float = 0.0, centered: bool = False, eps_inside_root: bool = False):
        super().__init__(lr=lr, alpha=alpha, eps=eps, weight_decay=weight_decay, momentum=momentum,
                         centered=centered, eps_inside_root=eps_inside_root)

    @staticmethod
    def kernel(param, grad, updated, square_avg, grad_avg, momentum_buffer, lr, alpha, one_minus_alpha,
               eps_inside, eps_outside, weight_decay, momentum, centered, gate):
        """The formulas above, element by element, with g = ∇E + λθ (g² is 0 when |g| < ``gate``) and
        √(s̃ + ε_in) + ε_out for the root (:func:`split_eps`);
        ḡ is updated as ḡ + (1 − α)(g − ḡ) (torch's lerp). ``grad_avg`` and ``momentum_buffer`` are
        only touched when ``centered`` and μ > 0 ask for them."""
        for i in range(param.size):
            theta = param[i]
            g = grad[i] + weight_decay * theta
            squared = np.float32(0.0) if abs(g) < gate else g
            mean_square = alpha * square_avg[i] + one_minus_alpha * (squared * squared)
            square_avg[i] = mean_square
            if centered:
                mean = grad_avg[i] + one_minus_alpha * (g - grad_avg[i])
                grad_avg[i] = mean
                mean_square -= mean * mean
                # s − ḡ² is a variance, ≥ 0 in exact arithmetic; rounding can leave it at −1e-12,
                # whose square root would be NaN. (A float32 zero keeps a float32 kernel in float32.)
                if mean_square < 0.0:
                    mean_square = np.float32(0.0)
            change = g / (np.sqrt(mean_square + eps_inside) + eps_outside)
            if momentum > 0.0:
                change += momentum * momentum_buffer[i]
                momentum_buffer[i] = change
            theta -= lr * change
            updated[i] = theta

    def _arguments(self, state, like):
        cast = like.dtype.type
        grad_avg = self._state_array(state, "grad_avg", like) if self.centered else _unused(like.dtype)
        buffer = self._state_array(state, "momentum_buffer", like) if self.momentum > 0.0 else _unused(like.dtype)
        return (self._state_array(state, "square_avg", like), grad_avg, buffer, cast(self.lr), cast(self.alpha),
                cast(1.0 - self.alpha), *split_eps(self.eps, self.eps_inside_root, cast), cast(self.weight_decay),
                cast(self.momentum), self.centered, cast(square_gate(like.dtype, 1.0 - self.alpha)))


@_register("adadelta")
class Adadelta(Optimizer):
    """Adadelta (torch ``Adadelta``): RMSProp's running mean of g², and a running mean of the
    squared updates in the numerator so that the step has the parameter's units:

        s ← ρ·s + (1 − ρ)·g²                            ('square_avg'; see square_gate)
        Δ = √(u + ε) / √(s + ε) · g
        u ← ρ·u + (1 − ρ)·Δ²                            ('acc_delta')
        θ ← θ − η·Δ
    """

    constraints = {**Optimizer.constraints, "rho": dict(low=0.0, high=1.0), "eps": _POSITIVE}
    decaying_state = ("square_avg", "acc_delta")

    def __init__(self, lr: float = 1.0, rho: float = 0.9, eps: float = 1e-6, weight_decay: float = 0.0):
        super().__init__(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay)

    @staticmethod
    def kernel(param, grad, updated, square_avg, acc_delta, lr, rho, one_minus_rho, eps, weight_decay, gate):
        """The formulas above, element by element, with g = ∇E + λθ; g² and Δ² are 0 when |g| or |Δ|
        is below ``gate``."""
        for i in range(param.size):
            theta = param[i]
            g = grad[i] + weight_decay * theta
            squared = np.float32(0.0) if abs(g) < gate else g
            mean_square = rho * square_avg[i] + one_minus_rho * (squared * squared)
            square_avg[i] = mean_square
            delta = np.sqrt(acc_delta[i] + eps) / np.sqrt(mean_square + eps) * g
            squared = np.float32(0.0) if abs(delta) < gate else delta
            acc_delta[i] = rho * acc_delta[i] + one_minus_rho * (squared * squared)
            theta -= lr * delta
            updated[i] = theta

    def _arguments(self, state, like):
        cast = like.dtype.type
        return (self._state_array(state, "square_avg", like), self._state_array(state, "acc_delta", like),
                cast(self.lr), cast(self.rho), cast(1.0 - self.rho), cast(self.eps), cast(self.weight_decay),
                cast(square_gate(like.dtype, 1.0 - self.rho)))


@_register("adam")
class Adam(Optimizer):
    """Adam (torch ``Adam``): momentum on g and RMSProp on g², both bias-corrected:

        m ← β₁·m + (1 − β₁)·g                    ('m')
        v ← β₂·v + (1 − β₂)·g²                   ('v'; see square_gate)
        amsgrad:  v̄ ← max(v̄, v), used instead of v   ('v_max')
        θ ← θ − η/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
        bias_correction=False:  θ ← θ − η · m / (√v + ε)   (no correction, as in lecture 003)
        eps_inside_root=True:   θ ← θ − η/(1 − β₁ᵗ) · m / √(v / (1 − β₂ᵗ) + ε), i.e. √(v̂ + ε) for √v̂ + ε;
                                 with bias_correction=False too, lecture 003's u = η/√(v + ε) · m

    Lecture 003's Adam has no bias correction; with it, the flag puts ε under the root of the corrected
    v̂ = v/(1 − β₂ᵗ), where torch adds it to √v̂: it moves ε and nothing else.
    The bias-corrected step is computed as θ ← θ − c·m / (√v + ε·√(1 − β₂ᵗ)), or θ ← θ − c·m / √(v + ε·(1 − β₂ᵗ)),
    with the Python float c = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ): the same number with fewer operations per element.
    ``betas`` is the pair (``beta1``, ``beta2``); each is also an attribute of its own.
    """

    constraints = {**Optimizer.constraints, "beta1": _UNIT_INTERVAL, "beta2": _UNIT_INTERVAL,
                   "eps": _POSITIVE, "amsgrad": bool, "bias_correction": bool, "eps_inside_root": bool}
    decaying_state = ("m", "v", "v_max")

    def __init__(self, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.0, amsgrad: bool = False, bias_correction: bool = True,
                 eps_inside_root: bool = False):
        super().__init__(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                         bias_correction=bias_correction, eps_inside_root=eps_inside_root)

    @property
    def betas(self) -> tuple[float, float]:
        return self.beta1, self.beta2

    @betas.setter
    def betas(self, value) -> None:
        try:
            beta1, beta2 = value
        except (TypeError, ValueError):
            raise RuleError(f"{self.name} betas", "pair", "beta1, beta2", value) from None
        self.beta1, self.beta2 = beta1, beta2

    @staticmethod
    def kernel(param, grad, updated, m, v, v_max, shrink, weight_decay, one_minus_beta1, beta2, one_minus_beta2,
               step_lr, eps_inside, eps_outside, amsgrad, gate):
        """Element by element, with ``step_lr`` = c and ε̂ = ε·√(1 − β₂ᵗ) added outside the root
        (``eps_outside``), or with ``eps_inside_root`` ε̂ = ε·(1 − β₂ᵗ) added inside it (``eps_inside``;
        :func:`split_eps`); ε̂ = ε with no correction:

            θ ← θ·shrink        (AdamW's decoupled decay 1 − ηλ; 1 for Adam)
            g = ∇E + λθ         (λ = 0 for AdamW)
            m ← m + (1 − β₁)(g − m)      (torch's lerp: the formula above, rearranged)
            v ← β₂·v + (1 − β₂)·g²       (g² is 0 when |g| < ``gate``)
            θ ← θ − c·m / (√v + ε̂)      (v̄ = max(v̄, v) in place of v with ``amsgrad``;
                                          c·m / √(v + ε̂) with ``eps_inside_root``)
        """
        for i in range(param.size):
            theta = param[i]
            theta *= shrink
            g = grad[i] + weight_decay * theta
            first = m[i] + one_minus_beta1 * (g - m[i])
            squared = np.float32(0.0) if abs(g) < gate else g
            second = beta2 * v[i] + one_minus_beta2 * (squared * squared)
            m[i] = first
            v[i] = second
            if amsgrad:
                if v_max[i] > second:  # written as a test that NaN fails: a NaN moment is kept
                    second = v_max[i]
                v_max[i] = second
            theta -= step_lr * (first / (np.sqrt(second + eps_inside) + eps_outside))
            updated[i] = theta

    def _arguments(self, state, like):
        cast = like.dtype.type
        t = max(self.step_count, 1)  # prepare() asks before the first step: it compiles with step 1's
        if self.bias_correction:
            correction2, correction1 = 1.0 - self.beta2**t, 1.0 - self.beta1**t
        else:
            correction2 = correction1 = 1.0
        root_correction2 = math.sqrt(correction2)
        # ε̂ is ε scaled as v is against v̂: by 1 − β₂ᵗ under the root, by its root outside it
        eps_hat = self.eps * (correction2 if self.eps_inside_root else root_correction2)
        v_max = self._state_array(state, "v_max", like) if self.amsgrad else _unused(like.dtype)
        return (self._state_array(state, "m", like), self._state_array(state, "v", like), v_max,
                cast(self._shrink()), cast(self._l2()), cast(1.0 - self.beta1), cast(self.beta2),
                cast(1.0 - self.beta2), cast(self.lr * root_correction2 / correction1),
                *split_eps(eps_hat, self.eps_inside_root, cast), self.amsgrad,
                cast(square_gate(like.dtype, 1.0 - self.beta2)))

    def _shrink(self) -> float:
        return 1.0

    def _l2(self) -> float:
        return self.weight_decay


@_register("adamw")
class AdamW(Adam):
    """AdamW (torch ``AdamW``): Adam with decoupled weight decay — the parameter shrinks directly
    instead of λθ entering the moments:

        θ ← θ·(1 − η·λ),  then the Adam step with g = ∇E.
    """

    def __init__(self, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 weight_decay: float = 0.01, amsgrad: bool = False, bias_correction: bool = True,
                 eps_inside_root: bool = False):
        super().__init__(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                         bias_correction=bias_correction, eps_inside_root=eps_inside_root)

    def _shrink(self) -> float:
        return 1.0 - self.lr * self.weight_decay

    def _l2(self) -> float:
        return 0.0
