"""Input features computed from the two coordinates of 2-D data (TensorFlow Playground's "features").

A network on the plane (x₁, x₂) can be given other inputs than the coordinates themselves: x₁²
and x₂² let a single layer draw a circle (w₁x₁² + w₂x₂² + b = 0), x₁x₂ the XOR's quadrants, sin x₁
and sin x₂ the waves of a spiral. The features are computed from the points in their original
units, then scaled like any feature; the points keep their coordinates, so the views still draw
the plane.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.datasets.dataset import SCALINGS, Dataset, Scaler, make_dataset
from core.registry import Registry

FEATURES = Registry("plane feature")


@FEATURES.register("x1")
def first(x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """x₁"""
    return x1


@FEATURES.register("x2")
def second(x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """x₂"""
    return x2


@FEATURES.register("x1_squared")
def first_squared(x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """x₁²"""
    return x1 * x1


@FEATURES.register("x2_squared")
def second_squared(x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """x₂²"""
    return x2 * x2


@FEATURES.register("x1_x2")
def product(x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """x₁·x₂"""
    return x1 * x2


@FEATURES.register("sin_x1")
def sine_of_first(x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """sin x₁"""
    return np.sin(x1)


@FEATURES.register("sin_x2")
def sine_of_second(x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """sin x₂"""
    return np.sin(x2)


SYMBOLS = {"x1": "x₁", "x2": "x₂", "x1_squared": "x₁²", "x2_squared": "x₂²", "x1_x2": "x₁x₂", "sin_x1": "sin x₁",
           "sin_x2": "sin x₂"}
"""How each feature is written (the formulas of :data:`FEATURES`)."""

COORDINATES = ("x1", "x2")
"""The features of data given as they are: the coordinates themselves."""


def are_coordinates(features) -> bool:
    """Whether ``features`` (a data option) name the coordinates alone, in order: the data set is then the one
    given without features (:func:`make_planar`)."""
    return isinstance(features, (list, tuple)) and tuple(features) == COORDINATES


def check_features(name: str, features) -> tuple[str, ...]:
    """``features`` as a tuple of distinct names of :data:`FEATURES`, at least one; ValueError naming ``name``."""
    if isinstance(features, str) or not isinstance(features, (list, tuple)) or not features:
        raise ValueError(f"{name}: features must be a list of at least one of: {', '.join(FEATURES.names())}; "
                         f"got {features!r}")
    unknown = [feature for feature in features if feature not in FEATURES.names()]
    if unknown:
        raise ValueError(f"{name}: unknown feature {unknown[0]!r}; choose among: {', '.join(FEATURES.names())}")
    if len(set(features)) != len(features):
        raise ValueError(f"{name}: features must not repeat, got {list(features)!r}")
    return tuple(features)


def expand(points: np.ndarray, features: tuple[str, ...]) -> np.ndarray:
    """The (n, len(features)) float32 columns of ``features`` at (n, 2) ``points`` (original units)."""
    points = np.asarray(points, dtype=np.float64)
    x1, x2 = points[:, 0], points[:, 1]
    return np.column_stack([FEATURES.get(feature)(x1, x2) for feature in features]).astype(np.float32)


@dataclass(frozen=True, eq=False)
class Plane:
    """The coordinates of 2-D data whose network inputs are :data:`FEATURES` of them: the points of each
    split in original units (``train``, ``val``, ``test``), the features, and the scaling fitted on the
    training split's features."""

    features: tuple[str, ...]
    train: np.ndarray
    val: np.ndarray
    test: np.ndarray
    scaler: Scaler

    def inputs(self, points: np.ndarray) -> np.ndarray:
        """The network's inputs at ``points`` of the plane: their features, scaled."""
        return self.scaler.transform(expand(points, self.features))


def make_planar(name: str, task: str, X, y, *, features=None, scaling: str = "standardize", **options) -> Dataset:
    """:func:`core.datasets.dataset.make_dataset` of (n, 2) points ``X``, with ``features`` of them as the
    inputs (a list of :data:`FEATURES`' names). Without features, or with the coordinates alone, the data
    set is the one the loaders always made (its points are its inputs)."""
    if features is None or check_features(name, features) == COORDINATES:
        return make_dataset(name, task, X, y, scaling=scaling, **options)
    if scaling not in SCALINGS:
        raise ValueError(f"dataset {name!r}: scaling {scaling!r} is not known; choose one of: {', '.join(SCALINGS)}")
    return with_features(make_dataset(name, task, X, y, scaling="none", **options), check_features(name, features),
                         scaling)


def with_features(points: Dataset, features: tuple[str, ...], scaling: str) -> Dataset:
    """``points`` (a data set of 2-D points in original units, split but not scaled) with ``features``
    of the points as its inputs, scaled by ``scaling`` fitted on the training split; the points are kept
    in its :class:`Plane`."""
    train, val, test = (expand(X, features) for X in (points.X_train, points.X_val, points.X_test))
    scaler = Scaler.fit(train, scaling)
    plane = Plane(features, points.X_train, points.X_val, points.X_test, scaler)
    return Dataset(points.name, points.task, scaler.transform(train), points.y_train, scaler.transform(val),
                   points.y_val, scaler.transform(test), points.y_test, class_names=points.class_names,
                   feature_names=features, scaler=scaler, target_scaler=points.target_scaler,
                   test_split=points.test_split, plane=plane)
