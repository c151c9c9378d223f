"""Learning-rate schedules (lecture 003, "Learning rate scheduling"): η as a function of t.

"Start with a large rate, then go smaller." A schedule is called with t = 0, 1, 2, … — the number
of steps or of epochs done so far, as the trainer chooses — and returns the learning rate η(t) as a
Python float. ``lr0`` (η₀, the optimiser's base rate) can be changed at any time; the other
hyperparameters are validated whenever they are set. ``reduce_on_plateau`` instead lowers the rate
when ``observe(validation_loss)`` stops seeing improvement.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from core._checks import NumberError, check_number
from core.registry import Registry

SCHEDULES: Registry["Schedule"] = Registry("schedule")

_POSITIVE = dict(low=0.0, low_open=True)
_NON_NEGATIVE = dict(low=0.0)
_COUNT = dict(low=1, integer=True)


def names() -> list[str]:
    return SCHEDULES.names()


def create(name: str, /, lr0: float = 0.01, **hyperparameters) -> "Schedule":
    return SCHEDULES.create(name, lr0=lr0, **hyperparameters)


def fitted_to_run(name: str, planned: int) -> dict:
    """The hyperparameters of schedule ``name`` that are counted in steps or epochs, sized to a run of
    ``planned`` of them (:meth:`Schedule.lengths_for`): what a schedule chosen in the GUI starts from.
    The fixed defaults suit no run in particular: Step's q = 0.1 every 10 steps left a digits run of
    900 steps at 10⁻¹⁰·η₀ after its first hundred."""
    planned = check_number("planned run length", planned, low=1, integer=True)
    return SCHEDULES.get(name).lengths_for(planned)


def _rounded(value: float) -> float:
    return float(f"{value:.3g}")


def preview(schedule: "Schedule", n: int) -> np.ndarray:
    """η(t) for t = 0 … n−1 as a float64 array (what the GUI plots before training)."""
    n = check_number("preview length n", n, low=0, integer=True)
    return rates_at(schedule, np.arange(n))


def rates_at(schedule: "Schedule", steps: np.ndarray) -> np.ndarray:
    """η(t) at each step t of the integer array ``steps`` (all ≥ 0) as a float64 array.

    The steps are checked once, not one by one as ``schedule(t)`` does: the window's preview of a
    long run (4,000 sampled steps, drawn again at every edit) took 30 ms that way, 3 ms this way."""
    steps = np.asarray(steps)
    if steps.dtype.kind not in "iu" or steps.ndim != 1 or (steps.size and steps.min() < 0):
        raise ValueError(f"steps must be a vector of integers ≥ 0, got {steps.dtype} {steps.shape}")
    return np.array([schedule._rate(int(t)) for t in steps], dtype=np.float64)


def _register(name: str):
    """Register the class under ``name`` and give it that ``name``."""

    def add(cls):
        cls.name = name
        return SCHEDULES.register(name)(cls)

    return add


class Schedule:
    """Base class: ``lr0`` and validated hyperparameters; subclasses write ``_rate(t)``.

    ``constraints`` maps each hyperparameter to its ``check_number`` bounds; ``_check_relations``
    refuses combinations that contradict each other (a cyclic maximum below lr0, …).
    """

    name = "schedule"
    constraints: dict = {"lr0": _NON_NEGATIVE}

    @classmethod
    def lengths_for(cls, planned: int) -> dict:
        """Its hyperparameters counted in steps or epochs, for a run of ``planned`` of them (none here)."""
        return {}

    def __init__(self, lr0: float, **hyperparameters):
        self._hyperparameter_names = tuple(hyperparameters)
        for name, value in hyperparameters.items():
            setattr(self, name, value)
        self.lr0 = lr0

    def __setattr__(self, name, value):
        rule = self.constraints.get(name)
        if rule is not None:
            value = check_number(f"{self.name} schedule {name}", value, **rule)
            settled = {key: self.__dict__[key] for key in self.constraints if key in self.__dict__}
            self._check_relations({**settled, name: value})
        super().__setattr__(name, value)

    def _check_relations(self, values: dict) -> None:
        """Raise ValueError if ``values`` (the hyperparameters set so far) contradict each other."""

    def _require_beside_lr0(self, field: str, rule: str, values: dict) -> None:
        """NumberError unless ``values[field]`` keeps ``rule`` ("≤" or "≥") with lr0, the optimiser's
        learning rate η₀ (a floor of the decay at most η₀, a cycle's top at least η₀)."""
        if field in values and "lr0" in values:
            value, lr0 = values[field], values["lr0"]
            if value > lr0 if rule == "≤" else value < lr0:
                raise NumberError(f"{self.name} schedule {field}", rule, lr0, value)

    @property
    def hyperparameters(self) -> dict:
        """The schedule's own hyperparameters (not lr0, which comes from the optimiser)."""
        return {name: getattr(self, name) for name in self._hyperparameter_names}

    def __call__(self, t: int) -> float:
        t = check_number(f"{self.name} schedule t", t, low=0, integer=True)
        return float(self._rate(t))

    def _rate(self, t: int) -> float:
        raise NotImplementedError

    def __repr__(self) -> str:
        options = ", ".join(f"{k}={v!r}" for k, v in {"lr0": self.lr0, **self.hyperparameters}.items())
        return f"{type(self).__name__}({options})"


@_register("constant")
class Constant(Schedule):
    """η(t) = η₀."""

    def __init__(self, lr0: float = 0.01):
        super().__init__(lr0)

    def _rate(self, t):
        return self.lr0


@_register("step")
class Step(Schedule):
    """η(t) = η₀·q^⌊t / k⌋: multiply by q (``gamma``, torch's name; lecture 003's γ is the momentum's) every k
    (``step_size``) steps/epochs."""

    constraints = {**Schedule.constraints, "step_size": _COUNT, "gamma": dict(low=0.0, low_open=True, high=1.0)}

    def __init__(self, lr0: float = 0.01, step_size: int = 10, gamma: float = 0.1):
        super().__init__(lr0, step_size=step_size, gamma=gamma)

    @classmethod
    def lengths_for(cls, planned):
        """k: three drops in the run (to q³ = 1/1000 of η₀ at q = 0.1)."""
        return {"step_size": max(1, round(planned / 3))}

    def _rate(self, t):
        return self.lr0 * self.gamma ** (t // self.step_size)


@_register("exponential")
class Exponential(Schedule):
    """η(t) = η₀·e^(−t/T) (lecture 003): e times smaller every T."""

    constraints = {**Schedule.constraints, "T": _POSITIVE}

    def __init__(self, lr0: float = 0.01, T: float = 100.0):
        super().__init__(lr0, T=T)

    @classmethod
    def lengths_for(cls, planned):
        """T: a third of the run, ending at e⁻³ ≈ 5 % of η₀."""
        return {"T": _rounded(planned / 3)}

    def _rate(self, t):
        return self.lr0 * math.exp(-t / self.T)


@_register("linear")
class Linear(Schedule):
    """η(t) = η₀·max(1 − t/T, end_factor) (lecture 003's η₀(1 − t/T), which would reach 0 at t = T
    and turn negative after it, floored at end_factor·η₀)."""

    constraints = {**Schedule.constraints, "T": _POSITIVE, "end_factor": dict(low=0.0, high=1.0)}

    def __init__(self, lr0: float = 0.01, T: float = 100.0, end_factor: float = 0.0):
        super().__init__(lr0, T=T, end_factor=end_factor)

    @classmethod
    def lengths_for(cls, planned):
        """T: the whole run."""
        return {"T": float(planned)}

    def _rate(self, t):
        return self.lr0 * max(1.0 - t / self.T, self.end_factor)


@_register("inverse_time")
class InverseTime(Schedule):
    """η(t) = η₀ / (1 + decay·t): halved at t = 1/decay, a third at 2/decay, …"""

    constraints = {**Schedule.constraints, "decay": _NON_NEGATIVE}

    def __init__(self, lr0: float = 0.01, decay: float = 0.01):
        super().__init__(lr0, decay=decay)

    @classmethod
    def lengths_for(cls, planned):
        """decay: η halved at a third of the run, a quarter of η₀ at its end (1/decay is a length)."""
        return {"decay": _rounded(3 / planned)}

    def _rate(self, t):
        return self.lr0 / (1.0 + self.decay * t)


@_register("cosine")
class Cosine(Schedule):
    """Cosine annealing from η₀ to lr_min over T, after an optional linear warm-up of w steps:

        t < w:  η(t) = η₀·(t + 1)/(w + 1)               (rises towards η₀, never 0)
        t ≥ w:  η(t) = lr_min + (η₀ − lr_min)·(1 + cos(π·min(t − w, T)/T))/2

    so η(w) = η₀ and η stays at lr_min from t = w + T on.
    """

    constraints = {**Schedule.constraints, "T": _POSITIVE, "lr_min": _NON_NEGATIVE,
                   "warmup": dict(low=0, integer=True)}

    def __init__(self, lr0: float = 0.01, T: float = 100.0, lr_min: float = 0.0, warmup: int = 0):
        super().__init__(lr0, T=T, lr_min=lr_min, warmup=warmup)

    @classmethod
    def lengths_for(cls, planned):
        """T: the whole run (with no warm-up)."""
        return {"T": float(planned)}

    def _check_relations(self, values):
        self._require_beside_lr0("lr_min", "≤", values)

    def _rate(self, t):
        if t < self.warmup:
            return self.lr0 * (t + 1) / (self.warmup + 1)
        progress = min(t - self.warmup, self.T) / self.T
        return self.lr_min + (self.lr0 - self.lr_min) * 0.5 * (1.0 + math.cos(math.pi * progress))


@_register("cyclic")
class Cyclic(Schedule):
    """Triangular cyclic rate (Smith 2015, arXiv:1506.01186, cited in lecture 003): η climbs
    linearly from η₀ (base_lr) to max_lr in step_size steps, comes back down in as many, and repeats:

        cycle = ⌊1 + t / (2·step_size)⌋
        x = |t / step_size − 2·cycle + 1|
        η(t) = η₀ + (max_lr − η₀)·max(0, 1 − x)
    """

    constraints = {**Schedule.constraints, "max_lr": _NON_NEGATIVE, "step_size": _COUNT}

    def __init__(self, lr0: float = 0.01, max_lr: float = 0.1, step_size: int = 100):
        super().__init__(lr0, max_lr=max_lr, step_size=step_size)

    @classmethod
    def lengths_for(cls, planned):
        """step_size: four cycles in the run."""
        return {"step_size": max(1, round(planned / 8))}

    def _check_relations(self, values):
        self._require_beside_lr0("max_lr", "≥", values)

    def _rate(self, t):
        cycle = math.floor(1 + t / (2 * self.step_size))
        x = abs(t / self.step_size - 2 * cycle + 1)
        return self.lr0 + (self.max_lr - self.lr0) * max(0.0, 1.0 - x)


@_register("reduce_on_plateau")
class ReduceOnPlateau(Schedule):
    """Lower the rate when the validation loss stops improving (torch ``ReduceLROnPlateau``, mode
    "min", relative threshold). ``observe(loss)`` after every validation:

        improvement:  loss < best·(1 − threshold)  → best = loss, bad = 0
        otherwise:    bad ← bad + 1; when bad > patience: reductions ← reductions + 1, bad = 0
        η = max(η₀·factor^reductions, min_lr)      (what ``schedule(t)`` returns, whatever t)

    A NaN loss counts as no improvement.
    """

    constraints = {**Schedule.constraints, "factor": dict(low=0.0, high=1.0, low_open=True, high_open=True),
                   "patience": dict(low=0, integer=True), "threshold": _NON_NEGATIVE, "min_lr": _NON_NEGATIVE}

    def __init__(self, lr0: float = 0.01, factor: float = 0.1, patience: int = 10, threshold: float = 1e-4,
                 min_lr: float = 0.0):
        super().__init__(lr0, factor=factor, patience=patience, threshold=threshold, min_lr=min_lr)
        self.reset()

    def _check_relations(self, values):
        self._require_beside_lr0("min_lr", "≤", values)

    def reset(self) -> None:
        """Forget the losses seen: back to η₀."""
        self.best = math.inf
        self.bad_observations = 0
        self.reductions = 0

    def observe(self, validation_loss: float) -> float:
        """Record one validation loss; return the (possibly lowered) learning rate."""
        if not isinstance(validation_loss, numbers.Real) or isinstance(validation_loss, bool):
            raise ValueError(f"{self.name} validation loss must be a number, got {validation_loss!r}")
        loss = float(validation_loss)
        if loss < self.best * (1.0 - self.threshold):
            self.best = loss
            self.bad_observations = 0
        else:
            self.bad_observations += 1
            if self.bad_observations > self.patience:
                self.reductions += 1
                self.bad_observations = 0
        return self._rate(0)

    def _rate(self, t):
        return max(self.lr0 * self.factor**self.reductions, self.min_lr)
