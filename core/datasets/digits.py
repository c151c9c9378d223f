"""scikit-learn's 8×8 handwritten digits — the lectures' digit task, embedded (never downloaded).

1,797 images of 8 × 8 pixels in ten classes. Each pixel counts the ink in a 4 × 4 block of a
32 × 32 bitmap (the UCI optdigits preprocessing), so its values are whole numbers 0–16 and the
"unit" scaling divides by 16.

They are the window's default data, so they are read and split without importing scikit-learn
(which takes seconds): the file that ``sklearn.datasets.load_digits`` reads is found where
scikit-learn is installed, and the split is :func:`core.datasets.split.stratified`.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from core.datasets import split
from core.datasets.dataset import DATASETS, Dataset, make_dataset, pixel_names

IMAGE_SHAPE = (8, 8)
PIXEL_MAX = 16
N_CLASSES = 10


def digits_file() -> Path:
    """scikit-learn's ``datasets/data/digits.csv.gz``: one row per image, its 64 pixels then its label."""
    package = importlib.util.find_spec("sklearn")  # finds the package without importing it
    if package is None or not package.submodule_search_locations:
        raise ValueError("the 8×8 digits ship with scikit-learn, which is not installed (pip install scikit-learn)")
    return Path(package.submodule_search_locations[0], "datasets", "data", "digits.csv.gz")


@DATASETS.register("digits")
def load_digits(*, scaling: str = "unit", **split_options) -> Dataset:
    """The 8×8 digits. Options: validation_split, test_split, seed, max_train, scaling."""
    table = np.loadtxt(digits_file(), delimiter=",")  # as sklearn.datasets.load_digits reads it
    return make_dataset("digits", "multiclass", table[:, :-1], table[:, -1].astype(np.int64),
                        class_names=tuple(str(digit) for digit in range(N_CLASSES)),
                        feature_names=pixel_names(IMAGE_SHAPE), image_shape=IMAGE_SHAPE,
                        pixel_max=PIXEL_MAX, scaling=scaling, splitter=split.stratified, **split_options)
