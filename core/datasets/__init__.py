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

# Importing the loader modules registers their data sets, in the order the GUI lists them.
from core.datasets import (digits, mnist, user_digits, tabular, toys, toy_regression,  # noqa: F401  isort: skip
                           csv_import)
from core.datasets.csv_import import load_csv
from core.datasets.dataset import DATASETS, Dataset, Scaler
from core.datasets.locations import cache_folder, data_folder
from core.datasets.mnist import DatasetUnavailableError, DownloadError

__all__ = ["DATASETS", "Dataset", "DatasetUnavailableError", "DownloadError", "Scaler", "cache_folder",
           "data_folder", "load", "load_csv", "names"]


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
