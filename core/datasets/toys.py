"""2-D toy data sets whose decision boundary can be watched while a network learns.

* ``moons`` — two interleaving half circles (scikit-learn ``make_moons``); ``noise`` is the
  standard deviation of Gaussian noise added to the points.
* ``circles`` — a small circle inside a large one (``make_circles``, radius ratio 0.5).
* ``spirals`` — ``n_classes`` interleaved spiral arms (the CS231n toy): for arm j and t ∈ [0, 1],
  r = t, θ = 2π·j/n_classes + sweep·t + noise·ε, point = (r cos θ, r sin θ). ``sweep`` (radians) is
  how far an arm winds from the centre to the rim: 4 by default (two gentle arcs), 11 for TensorFlow
  Playground's spiral (almost two turns, its hard case).
* ``blobs`` — ``n_classes`` Gaussian clusters (``make_blobs``); ``noise`` is each cluster's
  standard deviation.

All take ``n_samples`` (total), ``noise`` and ``seed``; the classes are balanced. Each is a random
sample of its distribution: another ``seed`` draws another sample of the same size and noise.
"""
from __future__ import annotations

import math

import numpy as np

from core._checks import check_number
from core.datasets.dataset import DATASETS, Dataset, check_generator_options, class_task
from core.datasets.plane import make_planar

FEATURES = ("x1", "x2")
NAMES = ("moons", "circles", "spirals", "blobs")
MAX_SWEEP = 8 * math.pi
"""A spiral arm winds four turns at most: more, and its neighbours' points lie closer than their noise."""
"""The data sets of this module, registered below."""


def _toy(name, X, y, n_classes, seed, scaling, split_options) -> Dataset:
    """The split and scaled data set of the points; ``split_options`` may hold ``features`` of the points
    to give the network instead of their coordinates (:mod:`core.datasets.plane`)."""
    return make_planar(name, class_task(n_classes), X, y, class_names=tuple(str(k) for k in range(n_classes)),
                       feature_names=FEATURES, scaling=scaling, seed=seed, **split_options)


def _check_classes(name, n_classes) -> int:
    return check_number(f"{name}: n_classes", n_classes, low=2, high=10, integer=True)


@DATASETS.register("moons")
def load_moons(*, n_samples: int = 400, noise: float = 0.2, seed: int = 0, scaling: str = "standardize",
               **split_options) -> Dataset:
    n_samples, noise = check_generator_options("moons", n_samples, noise, min_samples=10)
    import sklearn.datasets  # imported when used: it takes seconds
    X, y = sklearn.datasets.make_moons(n_samples, noise=noise, random_state=seed)
    return _toy("moons", X, y, 2, seed, scaling, split_options)


@DATASETS.register("circles")
def load_circles(*, n_samples: int = 400, noise: float = 0.1, seed: int = 0, scaling: str = "standardize",
                 **split_options) -> Dataset:
    n_samples, noise = check_generator_options("circles", n_samples, noise, min_samples=10)
    import sklearn.datasets
    X, y = sklearn.datasets.make_circles(n_samples, noise=noise, factor=0.5, random_state=seed)
    return _toy("circles", X, y, 2, seed, scaling, split_options)


@DATASETS.register("spirals")
def load_spirals(*, n_samples: int = 400, noise: float = 0.2, n_classes: int = 2, sweep: float = 4.0, seed: int = 0,
                 scaling: str = "standardize", **split_options) -> Dataset:
    n_samples, noise = check_generator_options("spirals", n_samples, noise, min_samples=10)
    n_classes = _check_classes("spirals", n_classes)
    sweep = check_number("spirals: sweep", sweep, low=0.0, high=MAX_SWEEP)
    rng = np.random.default_rng(seed)
    y = np.arange(n_samples) % n_classes
    t = rng.uniform(0.0, 1.0, n_samples)
    theta = 2 * math.pi * y / n_classes + sweep * t + noise * rng.standard_normal(n_samples)
    X = np.column_stack([t * np.cos(theta), t * np.sin(theta)])
    return _toy("spirals", X, y, n_classes, seed, scaling, split_options)


@DATASETS.register("blobs")
def load_blobs(*, n_samples: int = 400, noise: float = 1.0, n_classes: int = 3, seed: int = 0,
               scaling: str = "standardize", **split_options) -> Dataset:
    n_samples, noise = check_generator_options("blobs", n_samples, noise, min_samples=10)
    n_classes = _check_classes("blobs", n_classes)
    import sklearn.datasets
    X, y = sklearn.datasets.make_blobs(n_samples, centers=n_classes, cluster_std=noise, random_state=seed)
    return _toy("blobs", X, y, n_classes, seed, scaling, split_options)
