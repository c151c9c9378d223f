"""Taking a part of a data set off for testing or validation: seeded, and stratified for classes.

Two splitters with the same contract, ``split(indices, size, seed, labels=None) -> (kept, taken)``:

* :func:`stratified` — NumPy alone. The 8×8 digits, the window's default data, use it so that
  they load without importing scikit-learn (seconds, before the Start button can be enabled).
* :func:`scikit_learn` — ``sklearn.model_selection.train_test_split``: the other data sets keep
  the exact partitions their lessons and labs were written against.

Both take ``size`` as a fraction (0 < size < 1: ⌈size·n⌉ examples) or a count (a whole number),
give each class its share when ``labels`` are given, refuse a split that would leave a class out
of a part, and return index arrays in a seeded random order (callers sort them).
"""
from __future__ import annotations

import math

import numpy as np


class SplitProblem(ValueError):
    """A split that cannot be made: ``problem`` names which (``"a part would be empty"``, ``"a single example"``,
    ``"classes do not fit"``), ``fields`` hold its numbers, so that an interface can word it in its own language;
    ``str()`` is the English text. :func:`core.datasets.dataset.make_dataset` adds ``dataset``, ``size``, ``n`` and
    ``part`` (``"test"``, ``"validation"`` or ``"max_train"``): which split of which data."""

    def __init__(self, message: str, problem: str, **fields):
        super().__init__(message)
        self.problem = problem
        self.fields = fields

    def within(self, message: str, **fields) -> "SplitProblem":
        """The same problem said as part of ``message``, with ``fields`` added."""
        return SplitProblem(message, self.problem, **{**self.fields, **fields})


def taken_count(n: int, size: float) -> int:
    """How many of ``n`` examples ``size`` takes: ⌈size·n⌉ for a fraction, ``size`` for a count."""
    if isinstance(size, (int, np.integer)):
        taken = int(size)
    else:
        taken = math.ceil(float(size) * n)
    if not 0 < taken < n:
        raise SplitProblem(f"taking {size:g} of {n} examples leaves {n - taken} to keep and {taken} to take; "
                           f"both parts need at least one", "a part would be empty", kept=n - taken, taken=taken)
    return taken


def class_shares(class_sizes: np.ndarray, taken: int, rng: np.random.Generator) -> np.ndarray:
    """How many of each class to take so that ``taken`` examples keep the classes' proportions.

    Class k of c_k examples (n in all) should give t_k = taken·c_k/n. Each class gives ⌊t_k⌋, and
    the examples still missing go one each to the classes with the largest remainders t_k − ⌊t_k⌋
    (ties drawn at random), so every class gives within one example of its exact share.
    """
    exact = taken * class_sizes / class_sizes.sum()
    shares = np.floor(exact).astype(np.int64)
    remainders = exact - shares
    missing = taken - int(shares.sum())
    tie_breaker = rng.permutation(len(class_sizes))
    order = np.lexsort((tie_breaker, -remainders))  # largest remainder first
    shares[order[:missing]] += 1
    return shares


def stratified(indices: np.ndarray, size: float, seed: int, labels: np.ndarray | None = None):
    """(kept, taken): ``size`` of ``indices`` taken at random with the seed; with ``labels``
    (aligned with ``indices``) each class gives its share (:func:`class_shares`)."""
    indices = np.asarray(indices)
    n = len(indices)
    taken = taken_count(n, size)
    rng = np.random.default_rng(seed)
    if labels is None:
        order = rng.permutation(n)
        return indices[order[taken:]], indices[order[:taken]]
    classes, members = np.unique(np.asarray(labels), return_inverse=True)
    class_sizes = np.bincount(members)
    check_classes(classes, class_sizes, taken, n)
    shares = class_shares(class_sizes, taken, rng)
    is_taken = np.zeros(n, dtype=bool)
    for member, share in enumerate(shares):
        rows = np.flatnonzero(members == member)
        is_taken[rng.permutation(rows)[:share]] = True
    order = rng.permutation(n)
    return indices[order[~is_taken[order]]], indices[order[is_taken[order]]]


def check_classes(classes: np.ndarray, class_sizes: np.ndarray, taken: int, n: int) -> None:
    """:class:`SplitProblem` unless both parts of a stratified split (``taken`` of ``n``) can hold every class."""
    if class_sizes.min() < 2:
        rare = classes[class_sizes.argmin()]
        single = int((class_sizes < 2).sum())
        others = f" (and {single - 1} other classes)" if single > 1 else ""
        raise SplitProblem(f"class {rare}{others} has a single example, which cannot be in both parts: every class "
                           f"needs two or more (if the labels are measurements rather than classes, the task is "
                           f"regression)", "a single example", label=rare.item(), single=single)
    if taken < len(classes) or n - taken < len(classes):
        raise SplitProblem(f"parts of {taken} and {n - taken} examples cannot each hold all {len(classes)} classes",
                           "classes do not fit", kept=n - taken, taken=taken, classes=len(classes))


def scikit_learn(indices: np.ndarray, size: float, seed: int, labels: np.ndarray | None = None):
    """(kept, taken) by scikit-learn's ``train_test_split`` (stratified on ``labels`` if given)."""
    from sklearn.model_selection import train_test_split  # imported when used: it takes seconds

    if labels is not None:
        classes, class_sizes = np.unique(np.asarray(labels), return_counts=True)
        check_classes(classes, class_sizes, taken_count(len(indices), size), len(indices))
    kept, taken = train_test_split(indices, test_size=size, random_state=seed, stratify=labels)
    return kept, taken
