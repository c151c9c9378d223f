"""Plot buffers whose memory stays flat however long a run lasts.

A :class:`DecimatingSeries` holds at most ``capacity`` points. When it is full, neighbouring
pairs are merged into their mean and from then on incoming points are averaged in groups twice as
large, so a run of a million steps is drawn from the same few thousand points as a run of a
hundred, every stored point standing for the same number of original ones — but the last, which
averages the points not yet making a whole group, so that the curve reaches the newest step.
"""
from __future__ import annotations

import itertools
import weakref

import numpy as np

DEFAULT_CAPACITY = 1024
"""About one point per pixel of a plot's width: more are not seen, and each costs painting time."""

TREND_CAPACITY = 256
"""Points of a smoothed curve: drawn with a wide pen, each point costs, and a smooth line looks the same
with a quarter of them."""

_stamps = itertools.count(1)
_shown: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # curve → stamp of the points it shows


class DecimatingSeries:
    """Points (x, y) for one curve, at most ``capacity`` of them (an even number ≥ 2).

    ``stamp`` is a number that changes, to one no series has had, whenever ``x`` or ``y`` change.
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY):
        if capacity < 2 or capacity % 2:
            raise ValueError(f"series capacity must be an even number ≥ 2, got {capacity}")
        self.capacity = capacity
        self._x = np.empty(capacity)
        self._y = np.empty(capacity)
        self.clear()

    def clear(self) -> None:
        self.stamp = next(_stamps)
        self._count = 0
        self.group = 1  # how many original points each stored point averages
        self._pending_x = self._pending_y = 0.0
        self._pending = 0

    def __len__(self) -> int:
        return self._count + bool(self._pending)

    def append(self, x: float, y: float) -> None:
        self._pending_x += x
        self._pending_y += y
        self._pending += 1
        # Written at once as the last point (a full series halves as it fills, so the slot is free): a
        # curve of 4-point averages stopped up to 3 steps short of the newest, and so did its CSV.
        self._x[self._count] = self._pending_x / self._pending
        self._y[self._count] = self._pending_y / self._pending
        self.stamp = next(_stamps)
        if self._pending < self.group:
            return
        self._count += 1
        self._pending_x = self._pending_y = 0.0
        self._pending = 0
        if self._count == self.capacity:
            self._halve()

    def _halve(self) -> None:
        half = self._count // 2
        for values in (self._x, self._y):
            values[:half] = (values[0:self._count:2] + values[1:self._count:2]) / 2
        self._count = half
        self.group *= 2

    @property
    def x(self) -> np.ndarray:
        return self._x[:self._count + bool(self._pending)]

    @property
    def y(self) -> np.ndarray:
        return self._y[:self._count + bool(self._pending)]


class KeptSeries:
    """Every point (x, y) of a curve, for export, where a :class:`DecimatingSeries` holds what is drawn.
    Memory grows with the run, 16 bytes a point: a race of 8 contenders over 20 epochs of MNIST in batches
    of 32 (37,500 steps) keeps 4.8 MB a series."""

    def __init__(self):
        self._x = np.empty(DEFAULT_CAPACITY)
        self._y = np.empty(DEFAULT_CAPACITY)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def append(self, x: float, y: float) -> None:
        if self._count == len(self._x):  # doubled: appending stays O(1) on average
            self._x = np.concatenate([self._x, np.empty_like(self._x)])
            self._y = np.concatenate([self._y, np.empty_like(self._y)])
        self._x[self._count] = x
        self._y[self._count] = y
        self._count += 1

    @property
    def x(self) -> np.ndarray:
        return self._x[:self._count]

    @property
    def y(self) -> np.ndarray:
        return self._y[:self._count]


def show(curve, series: DecimatingSeries, *, log_y: bool = False, **options) -> None:
    """``curve.setData(series.x, series.y, **options)`` unless the curve shows these points already:
    pyqtgraph redoes as much for unchanged data as for new (a curve with symbols rebuilds each one),
    and a view's curves mostly change at different rates (per batch, per epoch).

    ``log_y`` hands a bare PlotCurveItem on a logarithmic plot log₁₀ y, as the PlotDataItem that
    pyqtgraph wraps around a curve would (values ≤ 0 leave a gap)."""
    if _shown.get(curve) != series.stamp:
        y = series.y
        if log_y:
            with np.errstate(divide="ignore", invalid="ignore"):
                y = np.log10(y)
            options.setdefault("connect", "finite")
        curve.setData(series.x, y, **options)
        _shown[curve] = series.stamp


class Smoother:
    """The exponential moving average that TensorBoard draws, without its start-up bias.

    s_t = β·s_(t−1) + (1 − β)·v_t with s_0 = 0, shown as s_t / (1 − β^t).
    Display only: it makes the trend of noisy per-batch values readable.
    """

    def __init__(self, beta: float = 0.9):
        self.beta = beta
        self.reset()

    def reset(self) -> None:
        self._average = 0.0
        self._weight = 0.0

    def __call__(self, value: float) -> float:
        self._average = self.beta * self._average + (1.0 - self.beta) * value
        self._weight = self.beta * self._weight + (1.0 - self.beta)
        return self._average / self._weight


def plain(x: float) -> int | float:
    """A step as a whole number when it is one (merged points sit between steps)."""
    x = float(x)
    return int(x) if x.is_integer() else x
