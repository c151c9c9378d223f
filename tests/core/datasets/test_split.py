"""The NumPy split against scikit-learn's train_test_split, and the digits loaded without scikit-learn."""
import subprocess
import sys

import numpy as np
import pytest
from sklearn.model_selection import train_test_split

from core import datasets
from core.datasets import split


def labelled(n=1000, n_classes=4, seed=0):
    """Indices that are not positions (to check that indices, not positions, are returned) and unbalanced labels."""
    rng = np.random.default_rng(seed)
    labels = rng.choice(n_classes, size=n, p=np.arange(1, n_classes + 1) / (n_classes * (n_classes + 1) / 2))
    return 10 * np.arange(n) + 7, labels


@pytest.mark.parametrize("size", [0.2, 0.1, 0.333, 17, 990])
def test_parts_have_scikit_learns_sizes_and_each_class_within_one_example_of_its_share(size):
    indices, labels = labelled()
    kept, taken = split.stratified(indices, size, seed=0, labels=labels)
    theirs_kept, theirs_taken = train_test_split(indices, test_size=size, random_state=0, stratify=labels)
    assert (len(kept), len(taken)) == (len(theirs_kept), len(theirs_taken))
    label_of = dict(zip(indices, labels))
    ours = np.bincount([label_of[i] for i in taken], minlength=4)
    theirs = np.bincount([label_of[i] for i in theirs_taken], minlength=4)
    exact = len(taken) * np.bincount(labels) / len(labels)
    assert np.all(np.abs(ours - exact) < 1) and np.all(np.abs(ours - theirs) <= 1)


def test_the_parts_are_disjoint_and_complete():
    indices, labels = labelled()
    for kept, taken in (split.stratified(indices, 0.25, 3, labels), split.stratified(indices, 0.25, 3)):
        assert len(np.intersect1d(kept, taken)) == 0
        np.testing.assert_array_equal(np.sort(np.concatenate([kept, taken])), indices)


def test_the_seed_decides_the_split():
    indices, labels = labelled()
    first, again, other = (split.stratified(indices, 0.2, seed, labels)[1] for seed in (5, 5, 6))
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(np.sort(first), np.sort(other))


def test_without_labels_the_examples_are_drawn_at_random():
    indices = np.arange(10_000)
    _, taken = split.stratified(indices, 0.5, 0)
    # A random half of 0…9999 has a mean within a few standard errors (29) of 4999.5.
    assert len(taken) == 5000 and abs(taken.mean() - 4999.5) < 150


def test_leftover_examples_go_to_the_classes_with_the_largest_remainders():
    # taken 4 of classes of 6, 3 and 1: exact shares 2.4, 1.2, 0.4 → 2, 1, and the last one to class 2.
    shares = split.class_shares(np.array([6, 3, 1]), 4, np.random.default_rng(0))
    np.testing.assert_array_equal(shares, [2, 1, 1])


@pytest.mark.parametrize("labels, size, message", [
    ([0, 0, 0, 1, 1, 2], 0.5, "class 2 has a single example"),
    ([0, 0, 1, 1, 2, 2, 3, 3], 0.2, "cannot each hold all 4 classes"),
    ([0, 0, 1, 1], 0, "leaves 4 to keep and 0 to take"),
    ([0, 0, 1, 1], 4, "leaves 0 to keep and 4 to take"),
])
def test_impossible_splits_are_refused_saying_why(labels, size, message):
    with pytest.raises(ValueError, match=message):
        split.stratified(np.arange(len(labels)), size, 0, np.array(labels))


def test_the_digits_split_is_stratified_like_before():
    data = datasets.load("digits")
    assert (len(data.X_train), len(data.X_val), len(data.X_test)) == (1293, 144, 360)
    overall = np.bincount(np.concatenate([data.y_train, data.y_val, data.y_test])) / 1797
    for labels in (data.y_train, data.y_val, data.y_test):
        np.testing.assert_allclose(np.bincount(labels) / len(labels), overall, atol=1 / len(labels))


def test_the_digits_load_without_importing_scikit_learn():
    check = "import sys; from core import datasets; datasets.load('digits'); print('sklearn' in sys.modules)"
    answer = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert answer.stdout.strip() == "False"
