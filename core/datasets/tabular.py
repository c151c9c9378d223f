"""Small tables the lectures use: wine, the XOR/XNOR truth tables, and two regression sets.

* ``wine`` — scikit-learn's wine data: 178 wines, 13 chemical measurements, 3 cultivars.
* ``wine_2d`` — lecture 001's binary subset: class 2 removed, only alcohol and proline kept
  (130 wines). Proline is in the hundreds, alcohol around 13: with ``scaling="none"`` gradient
  descent crawls along the proline axis — the lecture's case for scaling.
* ``xor``/``xnor`` — the 4-point truth tables of lecture 001 (inputs 0/1, unscaled so that
  hand-set weights like sigmoid(−30 + 20x₁ + 20x₂) work), or noisy point clouds around the four
  corners when ``n_samples``/``noise`` are given.
* ``sine`` — y = sin(x) + noise·ε, x uniform in [−π, π], ε ~ N(0, 1): a 1-D function to fit.
* ``diabetes`` — scikit-learn's diabetes progression data (442 patients, 10 features); the target
  (25–346) is standardised by default, as lecture 001 advises; ``target_scaler`` maps back.
"""
from __future__ import annotations

import math

import numpy as np

from core.datasets.dataset import (DATASETS, Dataset, check_generator_options, evaluate_on_training_data,
                                   make_dataset)
from core.datasets.plane import make_planar

WINE_2D_FEATURES = ("alcohol", "proline")
TRUTH_TABLE = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)

FROM_SCIKIT_LEARN = {"wine": ("multiclass", 13, ("class_0", "class_1", "class_2")),
                     "wine_2d": ("binary", len(WINE_2D_FEATURES), ("class_0", "class_1")),
                     "diabetes": ("regression", 10, ())}
"""The tables read through scikit-learn: (task, features, class names), what a network for one is built from, known
without importing scikit-learn (2 s: checking a lab's hand-set weights for wine made the window's start wait)."""


def without_examples(name: str) -> Dataset | None:
    """The table ``name`` of :data:`FROM_SCIKIT_LEARN` with no examples, or None for any other data set."""
    if name not in FROM_SCIKIT_LEARN:
        return None
    task, n_features, class_names = FROM_SCIKIT_LEARN[name]
    X = np.zeros((0, n_features), np.float32)
    y = np.zeros((0, 1), np.float32) if task == "regression" else np.zeros(0, np.int64)
    return Dataset(name, task, X, y, X, y, X, y, class_names=class_names)


@DATASETS.register("wine")
def load_wine(*, scaling: str = "standardize", **split_options) -> Dataset:
    """All 13 features, 3 classes. Options: validation_split, test_split, seed, max_train, scaling."""
    import sklearn.datasets  # imported when used: it takes seconds
    bunch = sklearn.datasets.load_wine()
    return make_dataset("wine", "multiclass", bunch.data, bunch.target, class_names=tuple(bunch.target_names),
                        feature_names=tuple(bunch.feature_names), scaling=scaling, **split_options)


@DATASETS.register("wine_2d")
def load_wine_2d(*, scaling: str = "standardize", **split_options) -> Dataset:
    """Lecture 001's wine subset: classes 0 and 1 only, features alcohol and proline."""
    import sklearn.datasets
    bunch = sklearn.datasets.load_wine()
    keep = bunch.target != 2
    columns = [bunch.feature_names.index(feature) for feature in WINE_2D_FEATURES]
    return make_dataset("wine_2d", "binary", bunch.data[keep][:, columns], bunch.target[keep],
                        class_names=tuple(bunch.target_names[:2]), feature_names=WINE_2D_FEATURES,
                        scaling=scaling, **split_options)


def _logic_dataset(name: str, labels_of, n_samples, noise, seed, scaling, split_options) -> Dataset:
    """The truth table (n_samples=4, noise=0), or n_samples points: corner i % 4 plus N(0, noise²) noise.

    The truth table is all the data there is, so its validation and test sets are the same four
    points (splits do not apply to it); a cloud is split like any other data set.
    """
    n_samples, noise = check_generator_options(name, n_samples, noise, min_samples=4)
    corners = TRUTH_TABLE[np.arange(n_samples) % 4]
    X = corners + np.random.default_rng(seed).normal(0.0, noise, corners.shape) if noise else corners
    y = labels_of(corners[:, 0], corners[:, 1]).astype(np.int64)
    common = dict(class_names=("0", "1"), feature_names=("x1", "x2"), scaling=scaling, seed=seed)
    if n_samples == 4 and noise == 0:
        unknown = set(split_options) - {"validation_split", "test_split", "max_train", "target_scaling"}
        if unknown:
            raise ValueError(f"dataset {name!r}: unknown option {sorted(unknown)[0]!r}; the truth table takes "
                             f"validation_split, test_split, max_train and target_scaling (which do not apply to it)")
        table = make_dataset(name, "binary", X, y, validation_split=0.0, test_split=0.0, **common,
                             target_scaling=split_options.get("target_scaling", "none"))
        return evaluate_on_training_data(table)
    return make_planar(name, "binary", X, y, **common, **split_options)  # a cloud may be given features of its points


@DATASETS.register("xor")
def load_xor(*, n_samples: int = 4, noise: float = 0.0, seed: int = 0, scaling: str = "none",
             **split_options) -> Dataset:
    """x₁ XOR x₂: class 1 when exactly one input is 1."""
    return _logic_dataset("xor", np.not_equal, n_samples, noise, seed, scaling, split_options)


@DATASETS.register("xnor")
def load_xnor(*, n_samples: int = 4, noise: float = 0.0, seed: int = 0, scaling: str = "none",
              **split_options) -> Dataset:
    """x₁ XNOR x₂ (lecture 001): class 1 when both inputs are equal."""
    return _logic_dataset("xnor", np.equal, n_samples, noise, seed, scaling, split_options)


@DATASETS.register("sine")
def load_sine(*, n_samples: int = 200, noise: float = 0.1, seed: int = 0, scaling: str = "standardize",
              target_scaling: str = "none", **split_options) -> Dataset:
    """y = sin(x) + noise·ε on x ∈ [−π, π]; targets float32 (N, 1)."""
    n_samples, noise = check_generator_options("sine", n_samples, noise, min_samples=10)
    rng = np.random.default_rng(seed)
    x = rng.uniform(-math.pi, math.pi, size=(n_samples, 1))
    y = np.sin(x) + noise * rng.standard_normal(x.shape)
    return make_dataset("sine", "regression", x, y, feature_names=("x",), scaling=scaling,
                        target_scaling=target_scaling, seed=seed, **split_options)


@DATASETS.register("diabetes")
def load_diabetes(*, scaling: str = "standardize", target_scaling: str = "standardize",
                  **split_options) -> Dataset:
    """Disease progression after one year (raw units 25–346) from 10 baseline measurements."""
    import sklearn.datasets
    bunch = sklearn.datasets.load_diabetes(scaled=False)
    return make_dataset("diabetes", "regression", bunch.data, bunch.target, feature_names=tuple(bunch.feature_names),
                        scaling=scaling, target_scaling=target_scaling, **split_options)
