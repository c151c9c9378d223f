"""The data the workloads train on, all float32 features in [0, 1] and int64 labels.

Real MNIST comes from ``core.datasets.load("mnist")`` (``MLP_WORKBENCH_DATA`` or the user's cache;
never downloaded: the suite must run offline). Where it is missing, and in the quick mode, the
speed workloads use MNIST-shaped synthetic images instead — the same shapes, the same always-black border (whose
zero gradients are what pushes Adam's moments into subnormal numbers), a learnable labelling.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from core import datasets

MNIST_SIDE = 28
MNIST_BORDER = 4  # MNIST digits are drawn in the central 20×20 box of the 28×28 image


@dataclass(frozen=True)
class TrainingData:
    description: str
    X: np.ndarray
    y: np.ndarray
    X_test: np.ndarray | None = None
    y_test: np.ndarray | None = None


@functools.cache
def _mnist():
    try:
        return datasets.load("mnist", validation_split=0.0)
    except datasets.DatasetUnavailableError:
        return None


def real_mnist(max_train: int | None = None) -> TrainingData | None:
    """MNIST's 60,000 training (or the first ``max_train``) and 10,000 test images, or None when
    they are not on this computer."""
    mnist = _mnist()
    if mnist is None:
        return None
    X, y = mnist.X_train, mnist.y_train
    if max_train is not None:
        X, y = X[:max_train], y[:max_train]
    return TrainingData("real MNIST", X, y, mnist.X_test, mnist.y_test)


def synthetic_mnist(n: int, seed: int = 0, why: str = "real MNIST not found") -> TrainingData:
    """n random 28×28 "images": sparse ink inside a black border, ten classes a linear map can tell apart."""
    rng = np.random.default_rng(seed)
    inside = np.zeros((MNIST_SIDE, MNIST_SIDE), dtype=bool)
    inside[MNIST_BORDER:-MNIST_BORDER, MNIST_BORDER:-MNIST_BORDER] = True
    X = rng.random((n, MNIST_SIDE * MNIST_SIDE), dtype=np.float32)
    X *= inside.reshape(-1)
    X[X < 0.7] = 0.0  # MNIST is about 80 % background
    y = np.argmax(X @ rng.standard_normal((X.shape[1], 10), dtype=np.float32), axis=1).astype(np.int64)
    return TrainingData(f"synthetic MNIST-shaped data ({why})", X, y)


def digits(max_train: int | None = None) -> TrainingData:
    """The 8×8 digits (scikit-learn's copy of UCI optdigits' test part), training split."""
    loaded = datasets.load("digits", validation_split=0.0)
    X, y = loaded.X_train, loaded.y_train
    if max_train is not None:
        X, y = X[:max_train], y[:max_train]
    return TrainingData(f"8×8 digits, {len(X)} training images", X, y)
