"""Scores of predictions: accuracy, confusion matrix, per-class precision and recall, MSE, MAE and R².

Pure NumPy, with the definitions of ``sklearn.metrics`` (the tests compare with it). Label and
target arrays may be vectors (N,) or single columns (N, 1); both mean N examples.
"""
from __future__ import annotations

import math

import numpy as np


def _as_vector(what: str, values) -> np.ndarray:
    values = np.asarray(values)
    if values.ndim == 2 and values.shape[1] == 1:
        values = values[:, 0]
    if values.ndim != 1:
        raise ValueError(f"{what} must have shape (N,) or (N, 1), got {values.shape}")
    return values


def _paired_labels(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    y_true, y_pred = _as_vector("y_true", y_true), _as_vector("y_pred", y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has {y_true.shape[0]} labels but y_pred has {y_pred.shape[0]}")
    if y_true.size == 0:
        raise ValueError("y_true and y_pred are empty")
    return y_true, y_pred


def accuracy(y_true, y_pred) -> float:
    """Fraction of examples whose predicted label equals the true one: (1/N) Σᵢ [ŷᵢ = yᵢ]."""
    y_true, y_pred = _paired_labels(y_true, y_pred)
    return float(np.count_nonzero(y_true == y_pred)) / y_true.size


def confusion_matrix(y_true, y_pred, n_classes: int) -> np.ndarray:
    """C[t, p] = number of examples of true class t predicted as p (rows true, columns predicted), int64.

    Labels must be integers in 0…n_classes − 1.
    """
    y_true, y_pred = _paired_labels(y_true, y_pred)
    if isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer)) or n_classes < 1:
        raise ValueError(f"n_classes must be a positive integer, got {n_classes!r}")
    n_classes = int(n_classes)
    for what, labels in (("y_true", y_true), ("y_pred", y_pred)):
        if not np.issubdtype(labels.dtype, np.integer):
            raise ValueError(f"{what} labels must be integers, got dtype {labels.dtype}")
        low, high = int(labels.min()), int(labels.max())
        if low < 0 or high >= n_classes:
            raise ValueError(f"{what} label {low if low < 0 else high} is outside 0…{n_classes - 1}")
    pair_index = y_true.astype(np.int64) * n_classes + y_pred
    counts = np.bincount(pair_index, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes).astype(np.int64, copy=False)


def precision_recall(confusion) -> tuple[np.ndarray, np.ndarray]:
    """Per class k:  precision = C[k, k] / Σₜ C[t, k]  (of those predicted k, how many are k),
    recall = C[k, k] / Σₚ C[k, p]  (of the true k, how many were found); 0 where the sum is 0.
    """
    confusion = np.asarray(confusion)
    if confusion.ndim != 2 or confusion.shape[0] != confusion.shape[1]:
        raise ValueError(f"confusion must be a square matrix, got shape {confusion.shape}")
    correct = np.diagonal(confusion).astype(np.float64)
    predicted_as = confusion.sum(axis=0)
    truly = confusion.sum(axis=1)
    precision = np.divide(correct, predicted_as, out=np.zeros_like(correct), where=predicted_as > 0)
    recall = np.divide(correct, truly, out=np.zeros_like(correct), where=truly > 0)
    return precision, recall


def _paired_targets(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    """Float64 arrays of shape (N, K): a vector (N,) is one output."""
    y_true = np.asarray(y_true, dtype=np.float64)
    y_pred = np.asarray(y_pred, dtype=np.float64)
    if y_true.ndim == 1:
        y_true = y_true[:, None]
    if y_pred.ndim == 1:
        y_pred = y_pred[:, None]
    if y_true.ndim != 2 or y_true.shape != y_pred.shape:
        raise ValueError(f"y_true shape {y_true.shape} and y_pred shape {y_pred.shape} do not match")
    if y_true.shape[0] == 0:
        raise ValueError("y_true and y_pred are empty")
    return y_true, y_pred


def mean_squared_error(y_true, y_pred) -> float:
    """MSE = (1/(N·K)) Σᵢ Σₖ (ŷᵢₖ − yᵢₖ)²."""
    y_true, y_pred = _paired_targets(y_true, y_pred)
    return float(np.mean((y_pred - y_true) ** 2))


def mean_absolute_error(y_true, y_pred) -> float:
    """MAE = (1/(N·K)) Σᵢ Σₖ |ŷᵢₖ − yᵢₖ|."""
    y_true, y_pred = _paired_targets(y_true, y_pred)
    return float(np.mean(np.abs(y_pred - y_true)))


def r2_score(y_true, y_pred) -> float:
    """Coefficient of determination, averaged over the K outputs:

    R²ₖ = 1 − Σᵢ (yᵢₖ − ŷᵢₖ)² / Σᵢ (yᵢₖ − ȳₖ)².
    For an output whose true values are constant (denominator 0), R²ₖ = 1 if predicted exactly and
    0 otherwise (scikit-learn's ``force_finite``). With fewer than 2 examples R² is undefined: NaN.
    """
    y_true, y_pred = _paired_targets(y_true, y_pred)
    if y_true.shape[0] < 2:
        return math.nan
    residual = np.sum((y_true - y_pred) ** 2, axis=0)
    total = np.sum((y_true - y_true.mean(axis=0)) ** 2, axis=0)
    per_output = np.where(residual == 0, 1.0, 0.0)
    np.subtract(1.0, residual / np.where(total > 0, total, 1.0), out=per_output, where=total > 0)
    return float(np.mean(per_output))


class R2Totals:
    """R² (as :func:`r2_score`) of examples that come batch by batch, without keeping them.

    Per output k: the count n, the targets' mean ȳₖ and sum of squared deviations Mₖ = Σᵢ (yᵢₖ − ȳₖ)²,
    and the residuals' Σᵢ (yᵢₖ − ŷᵢₖ)². Adding a batch b to the totals a (Chan, Golub and LeVeque):
    n = nₐ + n_b,  δ = ȳ_b − ȳₐ,  ȳ = ȳₐ + δ·n_b/n,  M = Mₐ + M_b + δ²·nₐ·n_b/n.
    A training epoch's R² is then that of all its examples, not a mean of each batch's R² (which is
    biased low for small batches and undefined for batches of one).
    """

    def __init__(self):
        self.count = 0
        self.mean = self.deviations = self.residual = 0.0

    def add(self, y_true, y_pred) -> None:
        y_true, y_pred = _paired_targets(y_true, y_pred)
        count = y_true.shape[0]
        mean = y_true.mean(axis=0)
        deviations = np.sum((y_true - mean) ** 2, axis=0)
        total = self.count + count
        delta = mean - self.mean
        self.mean = self.mean + delta * (count / total)
        self.deviations = self.deviations + deviations + delta ** 2 * (self.count * count / total)
        self.residual = self.residual + np.sum((y_true - y_pred) ** 2, axis=0)
        self.count = total

    def score(self) -> float:
        """R² of every example added so far; NaN with fewer than 2."""
        if self.count < 2:
            return math.nan
        total, residual = np.asarray(self.deviations), np.asarray(self.residual)
        per_output = np.where(residual == 0, 1.0, 0.0)
        np.subtract(1.0, residual / np.where(total > 0, total, 1.0), out=per_output, where=total > 0)
        return float(np.mean(per_output))
