"""Numerical gradients by central differences, the reference every backward pass is tested against.

Use float64 arrays: with eps = 1e-6 the truncation error is O(eps²) and the rounding error
O(1e-16 / eps), so an analytic gradient that is right agrees to ~1e-9 relative error.
"""
from __future__ import annotations

from typing import Callable

import numpy as np


def numerical_gradient(f: Callable[[], float] | Callable[[np.ndarray], float], x: np.ndarray,
                       eps: float = 1e-6) -> np.ndarray:
    """df/dx of the scalar f by central differences: (f(x + eps·eᵢ) − f(x − eps·eᵢ)) / (2·eps).

    ``x`` is perturbed in place, one element at a time, and restored; ``f`` is called as ``f(x)``.
    It may ignore its argument and read ``x`` through a closure (e.g. a layer's weight array).
    """
    gradient = np.zeros(x.shape, dtype=np.float64)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + eps
        f_plus = float(f(x))
        x[index] = original - eps
        f_minus = float(f(x))
        x[index] = original
        gradient[index] = (f_plus - f_minus) / (2 * eps)
    return gradient


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    """max |a − n| / max(|a| + |n|), 0 when both are all zeros (a gradient that is exactly 0)."""
    analytic = np.asarray(analytic, dtype=np.float64)
    numeric = np.asarray(numeric, dtype=np.float64)
    scale = float(np.max(np.abs(analytic) + np.abs(numeric), initial=0.0))
    if scale == 0.0:
        return 0.0
    return float(np.max(np.abs(analytic - numeric))) / scale
