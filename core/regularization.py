"""L1 / L2 penalties on the weights (``Regularizer``) and on a layer's outputs (activity penalties).

Lectures 000 and 003 add to the loss λ·Σ|w| (L1), λ·Σw² (L2), or both (elastic net), with no ½:

    R(w) = l1·Σ|w| + l2·Σw²,        ∂R/∂w = l1·sign(w) + 2·l2·w

(sign(0) = 0 is the subgradient used at w = 0). So ``l2`` here is half of torch's
``weight_decay``, which adds weight_decay·w to the gradient. The lecture's data loss is a sum over
the N training examples while ours is a mean (see ``core.losses``), so a lecture λ corresponds to
λ/N here.

Lecture 003: "can be applied to the weights, to the biases, to the activations". Which arrays are
weights comes from ``kinds``, aligned with the parameter list: "weight" is penalised, "bias" only
with ``apply_to_biases``, anything else ("scale", "shift", "leak", …) never.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from core._checks import RuleError, check_number


class Regularizer:
    """Weight penalty R = l1·Σ|w| + l2·Σw² over the parameters of kind "weight" (and "bias" if asked).

    ``l1`` and ``l2`` may be changed between steps (the trainer changes them live).
    """

    def __init__(self, l1: float = 0.0, l2: float = 0.0, apply_to_biases: bool = False):
        self.l1 = l1
        self.l2 = l2
        if not isinstance(apply_to_biases, (bool, np.bool_)):
            raise RuleError("apply_to_biases", "flag", got=apply_to_biases)
        self.apply_to_biases = bool(apply_to_biases)

    @property
    def l1(self) -> float:
        return self._l1

    @l1.setter
    def l1(self, value: float) -> None:
        self._l1 = check_number("L1 strength", value, low=0.0)

    @property
    def l2(self) -> float:
        return self._l2

    @l2.setter
    def l2(self, value: float) -> None:
        self._l2 = check_number("L2 strength", value, low=0.0)

    @property
    def hyperparameters(self) -> dict:
        return {"l1": self.l1, "l2": self.l2, "apply_to_biases": self.apply_to_biases}

    def penalises(self, kind: str) -> bool:
        return kind == "weight" or (kind == "bias" and self.apply_to_biases)

    def penalty(self, params: Sequence[np.ndarray], kinds: Sequence[str]) -> float:
        """R = Σ over penalised arrays w of  l1·Σ|w| + l2·Σw²."""
        _check_aligned(params, kinds, "kinds")
        total = 0.0
        for w, kind in zip(params, kinds):
            if not self.penalises(kind):
                continue
            if self.l1:
                total += self.l1 * float(np.abs(w).sum())
            if self.l2:
                total += self.l2 * float(np.vdot(w, w))
        return total

    def add_gradient(self, params: Sequence[np.ndarray], grads: Sequence[np.ndarray], kinds: Sequence[str]) -> None:
        """grad += l1·sign(w) + 2·l2·w, in place, for each penalised array w."""
        _check_aligned(params, kinds, "kinds")
        _check_aligned(params, grads, "grads")
        for w, grad, kind in zip(params, grads, kinds):
            if w.shape != grad.shape:
                raise ValueError(f"gradient shape {grad.shape} does not match parameter shape {w.shape}")
            if not self.penalises(kind):
                continue
            if self.l1:
                grad += self.l1 * np.sign(w)
            if self.l2:
                grad += (2.0 * self.l2) * w

    def __repr__(self) -> str:
        return f"Regularizer(l1={self.l1!r}, l2={self.l2!r}, apply_to_biases={self.apply_to_biases!r})"


def _check_aligned(params: Sequence, other: Sequence, what: str) -> None:
    if len(other) != len(params):
        raise ValueError(f"{what} must be aligned with the {len(params)} parameter arrays, got {len(other)}")


def activity_penalty(a: np.ndarray, l1: float, l2: float) -> float:
    """Penalty on a layer's outputs a of shape (N, …), averaged over the batch of N examples:

    P = (l1·Σ|a| + l2·Σa²) / N   (the same λ convention as the weights; the mean keeps it on the
    scale of the mean data loss).
    """
    l1, l2 = _activity_strengths(l1, l2)
    n = a.shape[0]
    total = 0.0
    if l1:
        total += l1 * float(np.abs(a).sum())
    if l2:
        total += l2 * float(np.vdot(a, a))
    return total / n


def activity_gradient(a: np.ndarray, l1: float, l2: float) -> np.ndarray:
    """∂P/∂a = (l1·sign(a) + 2·l2·a) / N, a new array of a's dtype."""
    l1, l2 = _activity_strengths(l1, l2)
    n = a.shape[0]
    gradient = np.sign(a) * (l1 / n) if l1 else np.zeros_like(a)
    if l2:
        gradient += a * (2.0 * l2 / n)
    return gradient


def _activity_strengths(l1, l2) -> tuple[float, float]:
    """Python floats ≥ 0 (a NumPy float64 scalar would turn float32 activations into float64)."""
    return check_number("activity L1 strength", l1, low=0.0), check_number("activity L2 strength", l2, low=0.0)
