"""Data sets: the lectures' data, real MNIST, your own CSV files and drawn digits.

``names()`` lists the data sets (the GUI's combo box), ``load(name, **options)`` returns a
:class:`Dataset` with train/validation/test arrays, already split and scaled.

Options every data set takes (see :mod:`core.datasets.dataset`):

* ``validation_split`` — fraction of the training data held out for validation (default 0.1);
* ``test_split`` — fraction held out for testing, for data without its own test set (default 0.2);
* ``scaling`` — "standardize", "unit" ([0, 1]) or "none"; images default to "unit", tables to
  "standardize", the XOR/XNOR truth tables to "none";
* ``target_scaling`` — the same for regression targets, "none" but for diabetes ("standardize");
  class labels are never scaled, so classification data take it and leave their labels as they are;
* ``seed`` — seeds the split (and the generated data); ``max_train`` — keep only that many
  (stratified) training examples.

Generated sets also take ``n_samples`` and ``noise``; ``mnist``/``fashion_mnist`` take ``folder``,
``download`` and ``progress``; ``csv`` takes ``path``, ``label_column`` and ``task``.
"""
from __future__ import annotations

import inspect

import numpy as np

# Importing the loader modules registers their data sets, in the order the GUI lists them.
from core.datasets import (digits, mnist, user_digits, tabular, toys, toy_regression,  # noqa: F401  isort: skip
                           csv_import)
from core.datasets.csv_import import load_csv
from core.datasets.dataset import DATASETS, DEFAULT_TEST_SPLIT, DEFAULT_VALIDATION_SPLIT, Dataset, Scaler
from core.datasets.locations import cache_folder, data_folder
from core.datasets.mnist import DatasetUnavailableError, DownloadError

__all__ = ["DATASETS", "Dataset", "DatasetUnavailableError", "DownloadError", "GENERATED_PLANES", "NOISY_TRUTH_TABLES",
           "READ_FROM_FILES", "Scaler", "cache_folder", "data_folder", "is_truth_table", "load", "load_csv", "names",
           "scored_splits", "takes_features", "without_examples"]

READ_FROM_FILES = ("mnist", "fashion_mnist", "my_digits", "csv")
"""The data sets read from files: downloaded, drawn on the canvas, the user's own. The others are embedded in the
package or generated: they load offline, in a fraction of a second (wine's first load imports scikit-learn)."""

_IMAGE_CLASSES = {"mnist": mnist.SOURCES["mnist"].class_names,
                  "fashion_mnist": mnist.SOURCES["fashion_mnist"].class_names,
                  "my_digits": mnist.SOURCES["mnist"].class_names}  # drawn in MNIST's format, to fit its models


GENERATED_PLANES = toys.NAMES + toy_regression.NAMES
"""Data sets of points drawn at random on a plane: the classification toys and the regression ones."""
NOISY_TRUTH_TABLES = ("xor", "xnor")
"""Truth tables that become clouds of points drawn at random around their corners with some noise."""


def is_truth_table(name: str, options: dict) -> bool:
    """Whether the data set ``name`` with ``options`` is the four corners of XOR's or XNOR's truth table, no cloud
    around them (:mod:`core.datasets.tabular`): all the data there are, evaluated on themselves."""
    return name in NOISY_TRUTH_TABLES and options.get("n_samples", 4) == 4 and not options.get("noise", 0)


def scored_splits(name: str, options: dict) -> tuple[str, ...]:
    """The splits ("train", "val", "test") that have examples in the data set ``name`` loaded with ``options``,
    known without loading it: a truth table has all three (its four points: :func:`is_truth_table`); any other data
    set no validation examples when its ``validation_split`` is 0, and no test examples when its ``test_split`` is
    (:mod:`core.datasets.dataset` holds none out then; a data set with a test set of its own takes no
    ``test_split``)."""
    if is_truth_table(name, options):
        return "train", "val", "test"
    held_out = (("val", "validation_split", DEFAULT_VALIDATION_SPLIT), ("test", "test_split", DEFAULT_TEST_SPLIT))
    # Only a 0 holds none out: a value the loader refuses ("0.1" as text) is said when the data are loaded.
    return ("train",) + tuple(split for split, option, default in held_out if options.get(option, default) != 0)


def takes_features(name: str, options: dict) -> bool:
    """Whether the inputs of the points of the data set ``name`` with ``options`` can be chosen (the ``features``
    of :mod:`core.datasets.plane`): the generated planes and XOR/XNOR clouds, not the four corners of a truth
    table."""
    return name in GENERATED_PLANES or name in NOISY_TRUTH_TABLES and not is_truth_table(name, options)


def names() -> list[str]:
    """The registered data sets, in the order the GUI lists them."""
    return DATASETS.names()


def load(name: str, *, progress=None, **options) -> Dataset:
    """Load the data set ``name``; unknown names and options raise ValueError. ``progress(done,
    total)`` goes to the data sets that report how far they are (downloads, large CSV files); an
    exception it raises ends the load."""
    if progress is not None and "progress" in inspect.signature(DATASETS.get(name)).parameters:
        options["progress"] = progress
    return DATASETS.create(name, **options)


def without_examples(name: str) -> Dataset | None:
    """The data set ``name`` with no examples, where what a network for it is built from is known without reading
    it: an image data set read from files (MNIST, Fashion-MNIST, the digits you drew: 28 × 28 pixels, ten classes;
    known without its files) or a table read through scikit-learn (wine, wine_2d, diabetes; known without
    importing it: :data:`core.datasets.tabular.FROM_SCIKIT_LEARN`). None for any other data set."""
    classes = _IMAGE_CLASSES.get(name)
    if classes is None:
        return tabular.without_examples(name)
    none = (np.zeros((0, int(np.prod(mnist.IMAGE_SHAPE))), np.float32), np.zeros(0, np.int64))
    return Dataset(name, "multiclass", *none, *none, *none, class_names=classes, image_shape=mnist.IMAGE_SHAPE)
