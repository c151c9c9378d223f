import math
import warnings

import numpy as np
import pytest
from sklearn import metrics as sk

from core import metrics


def random_labels(seed, n=200, n_classes=5):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, n_classes, size=n)
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, n_classes, size=n))
    return y_true, y_pred


@pytest.mark.parametrize("seed", range(3))
def test_classification_metrics_match_sklearn(seed):
    y_true, y_pred = random_labels(seed)
    assert metrics.accuracy(y_true, y_pred) == pytest.approx(sk.accuracy_score(y_true, y_pred), rel=1e-15)
    confusion = metrics.confusion_matrix(y_true, y_pred, 5)
    assert confusion.dtype == np.int64
    np.testing.assert_array_equal(confusion, sk.confusion_matrix(y_true, y_pred, labels=range(5)))
    precision, recall = metrics.precision_recall(confusion)
    np.testing.assert_allclose(precision, sk.precision_score(y_true, y_pred, average=None, labels=range(5)))
    np.testing.assert_allclose(recall, sk.recall_score(y_true, y_pred, average=None, labels=range(5)))


def test_confusion_matrix_orientation_and_absent_classes():
    confusion = metrics.confusion_matrix([0, 0, 1, 2], [0, 1, 1, 1], n_classes=4)
    np.testing.assert_array_equal(confusion, [[1, 1, 0, 0], [0, 1, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        precision, recall = metrics.precision_recall(confusion)
    # class 2 is never predicted and class 3 never occurs: 0, as sklearn with zero_division=0
    np.testing.assert_allclose(precision, [1.0, 1 / 3, 0.0, 0.0])
    np.testing.assert_allclose(recall, [0.5, 1.0, 0.0, 0.0])
    y_true, y_pred = [0, 0, 1, 2], [0, 1, 1, 1]
    np.testing.assert_allclose(precision,
                               sk.precision_score(y_true, y_pred, average=None, labels=range(4), zero_division=0))
    np.testing.assert_allclose(recall, sk.recall_score(y_true, y_pred, average=None, labels=range(4), zero_division=0))


def test_labels_may_be_columns():
    assert metrics.accuracy(np.array([[1], [0], [1]]), np.array([1, 1, 1])) == pytest.approx(2 / 3)


@pytest.mark.parametrize("n_outputs", [1, 3])
def test_regression_metrics_match_sklearn(n_outputs):
    rng = np.random.default_rng(n_outputs)
    shape = (50,) if n_outputs == 1 else (50, n_outputs)
    y_true = rng.normal(size=shape)
    y_pred = y_true + 0.5 * rng.normal(size=shape)
    assert metrics.mean_squared_error(y_true, y_pred) == pytest.approx(sk.mean_squared_error(y_true, y_pred), rel=1e-12)
    assert metrics.r2_score(y_true, y_pred) == pytest.approx(sk.r2_score(y_true, y_pred), rel=1e-12)
    assert metrics.mean_absolute_error(y_true, y_pred) == pytest.approx(sk.mean_absolute_error(y_true, y_pred),
                                                                        rel=1e-12)


def test_regression_vector_and_column_agree():
    y_true, y_pred = np.array([1.0, 2.0, 4.0]), np.array([1.5, 2.0, 3.0])
    assert metrics.r2_score(y_true, y_pred[:, None]) == metrics.r2_score(y_true, y_pred)
    assert metrics.mean_squared_error(y_true[:, None], y_pred) == pytest.approx((0.25 + 1) / 3)


def test_r2_of_constant_targets_and_tiny_batches():
    constant = np.array([[2.0, 1.0], [2.0, 3.0], [2.0, 5.0]])
    exact_first = np.array([[2.0, 1.5], [2.0, 3.0], [2.0, 4.0]])
    assert metrics.r2_score(constant, exact_first) == pytest.approx(sk.r2_score(constant, exact_first))
    wrong_first = exact_first + [[0.1, 0.0]]
    assert metrics.r2_score(constant, wrong_first) == pytest.approx(sk.r2_score(constant, wrong_first))
    assert math.isnan(metrics.r2_score([1.0], [2.0]))


def test_r2_added_batch_by_batch_is_the_r2_of_all_the_examples():
    rng = np.random.default_rng(4)
    y_true = rng.normal(1000.0, 3.0, size=(37, 2))  # far from 0: a naive Σy² − (Σy)²/N loses its digits
    y_pred = y_true + rng.normal(0.0, 1.5, size=y_true.shape)
    totals = metrics.R2Totals()
    assert math.isnan(totals.score())
    for first, last in ((0, 1), (1, 5), (5, 21), (21, 37)):  # a batch of one too
        totals.add(y_true[first:last], y_pred[first:last])
    assert totals.score() == pytest.approx(sk.r2_score(y_true, y_pred), rel=1e-10)
    batch_means = np.mean([metrics.r2_score(y_true[a:b], y_pred[a:b]) for a, b in ((1, 5), (5, 21), (21, 37))])
    assert batch_means < totals.score() - 0.05, "the mean of small batches' R² is biased low"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: metrics.accuracy([0, 1, 1], [0, 1]), "y_true has 3 labels but y_pred has 2"),
        (lambda: metrics.accuracy([], []), "y_true and y_pred are empty"),
        (lambda: metrics.accuracy(np.zeros((2, 2)), np.zeros(2)),
         r"y_true must have shape \(N,\) or \(N, 1\), got \(2, 2\)"),
        (lambda: metrics.confusion_matrix([0, 3], [0, 1], 3), "y_true label 3 is outside 0…2"),
        (lambda: metrics.confusion_matrix([0, 1], [-1, 1], 3), "y_pred label -1 is outside 0…2"),
        (lambda: metrics.confusion_matrix([0.0, 1.0], [0, 1], 2), "y_true labels must be integers, got dtype float64"),
        (lambda: metrics.confusion_matrix([0, 1], [0, 1], 0), "n_classes must be a positive integer, got 0"),
        (lambda: metrics.precision_recall(np.zeros((2, 3))), r"confusion must be a square matrix, got shape \(2, 3\)"),
        (lambda: metrics.mean_squared_error(np.zeros((4, 2)), np.zeros((4, 3))),
         r"y_true shape \(4, 2\) and y_pred shape \(4, 3\) do not match"),
        (lambda: metrics.r2_score([], []), "y_true and y_pred are empty"),
    ],
)
def test_bad_inputs_raise(call, message):
    with pytest.raises(ValueError, match=message):
        call()
