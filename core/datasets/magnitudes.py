"""Data far larger than a network's initial weights expect: which columns, and how large (a window words it).

The initialisations (LeCun, Xavier, He: Var(w) = c / n_in) are derived for inputs of about unit
variance — standardised features, pixels divided by 255. A layer's sums z = Σᵢ wᵢxᵢ then have a
variance of about c, the region where sigmoid and tanh bend and ReLU units switch on and off; the
output layer starts near ±1 in the same way. Inputs of magnitude M make every sum M times larger:
the units saturate, the cross-entropy loss grows like M and the squared error like M² (so do the
gradients), and regression targets of magnitude M are M times beyond the outputs the network starts
with. An optimiser moves each weight by about the learning rate η a step (Adam; SGD by η·x·δ, worse),
so a sum moves by about η·M per input and step: at the default η = 10⁻³ and M = :data:`LARGE_VALUE`
= 10³ by a whole unit, the width of a sigmoid's bend. Beyond that the run shows a huge loss that
hardly moves, or float32 sums of n_in terms overflowing 3.4·10³⁸ (features of 3·10³⁷ trained to a loss
of 6.5·10³⁷ without a word). Standardised features (|x| ≲ 5 in practice) and raw pixels (≤ 255) stay
below; lab 5's unscaled wine proline (up to 1,680) is just beyond.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LARGE_VALUE = 1e3
"""Values of a larger magnitude, as the network is given them, are far beyond what the initial weights
expect (see the module docstring)."""

FEATURES, TARGETS = "features", "targets"


@dataclass(frozen=True)
class LargeValues:
    """The columns of a data set's ``part`` (:data:`FEATURES`, or the regression :data:`TARGETS`) whose values,
    scaled as the network is given them, pass :data:`LARGE_VALUE` in some split: ``columns`` are their names
    (of features; numbers from 1 of targets), the largest first; ``largest`` is the value of the largest
    magnitude among them, with its sign."""

    part: str
    columns: tuple[str, ...]
    largest: float


def find_large_values(dataset) -> tuple[LargeValues, ...]:
    """The features, then the regression targets, of ``dataset`` (a :class:`core.datasets.Dataset`) beyond
    :data:`LARGE_VALUE` in any split; none when all are within it. Reads each array twice (its minima
    and maxima per column, without a copy: MNIST's 70,000 images take about 30 ms)."""
    found = []
    features = _large_columns([dataset.X_train, dataset.X_val, dataset.X_test], dataset.feature_names)
    if features is not None:
        found.append(LargeValues(FEATURES, *features))
    if dataset.task == "regression":
        targets = [dataset.y_train, dataset.y_val, dataset.y_test]
        large = _large_columns(targets, tuple(str(k + 1) for k in range(dataset.y_train.shape[1])))
        if large is not None:
            found.append(LargeValues(TARGETS, *large))
    return tuple(found)


def is_scaled(dataset, part: str) -> bool:
    """Whether the ``part`` (:data:`FEATURES` or :data:`TARGETS`) of ``dataset`` was scaled, so that large values
    there are not for want of a scaling (the features' ``scaling``, the regression targets' ``target_scaling``)."""
    return dataset.scaler.method != "none" if part == FEATURES else dataset.target_scaler is not None


def _large_columns(splits: list[np.ndarray], names: tuple[str, ...]) -> tuple[tuple[str, ...], float] | None:
    """The ``names`` of the columns of ``splits`` beyond :data:`LARGE_VALUE`, the largest first, and the
    value of the largest magnitude; None if there are none."""
    splits = [values for values in splits if len(values)]
    if not splits:
        return None
    highest = np.max([values.max(axis=0) for values in splits], axis=0).astype(np.float64)
    lowest = np.min([values.min(axis=0) for values in splits], axis=0).astype(np.float64)
    magnitude = np.maximum(highest, -lowest)
    large = np.flatnonzero(~(magnitude <= LARGE_VALUE))  # a NaN is beyond it too
    if not large.size:
        return None
    large = large[np.argsort(-magnitude[large], kind="stable")]
    first = large[0]
    largest = highest[first] if highest[first] >= -lowest[first] else lowest[first]
    return tuple(names[j] for j in large), float(largest)
