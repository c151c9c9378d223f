"""Loss functions: how far the network's output is from the targets, and the gradient of that.

Every loss has
- ``forward(output, target) -> float`` — the mean over the batch of the per-example loss; it
  validates its inputs and keeps what ``backward`` needs;
- ``backward() -> d_output`` — ∂(mean loss)/∂output for the last ``forward``, a new array of the
  output's dtype and shape (the caller owns it);
- ``check_targets(target, n_outputs)`` — raises ValueError if the targets don't fit a network with
  ``n_outputs`` outputs, otherwise returns them as an array;
- ``predict(output)`` — class labels (classification) or values (regression);
- ``forward_and_predict(output, target)`` — both of the above at once (the training step's call);
- ``probabilities(output)`` — class probabilities, or None when the loss models none;
- ``task`` — "classification" or "regression", and ``name``, ``hyperparameters``.

N is the batch size and K the number of outputs. Lecture 000 writes logloss and least squares as
sums over the training set; here they are means, so that the learning rate does not depend on N.
A network output containing NaN or ±inf raises ``NonFiniteOutputError`` (a ValueError): training
has diverged, and a trainer can catch exactly that to restore its last finite weights.
"""
from __future__ import annotations

import math

import numpy as np

from core.activations import stable_sigmoid
from core.compiled import compiled
from core.registry import Registry

LOSSES: Registry["Loss"] = Registry("loss")


def names() -> list[str]:
    return LOSSES.names()


def create(name: str, /, **hyperparameters) -> "Loss":
    """Build the loss ``name``, e.g. ``create("softmax_cross_entropy")``."""
    return LOSSES.create(name, **hyperparameters)


class NonFiniteOutputError(ValueError):
    """The network's output contains NaN or ±inf — training diverged (not a problem with the targets)."""


def softmax(output: np.ndarray) -> np.ndarray:
    """pᵢₖ = e^(oᵢₖ − mᵢ) / Σⱼ e^(oᵢⱼ − mᵢ) with mᵢ = maxⱼ oᵢⱼ, so that no exponent is positive."""
    probabilities = output - output.max(axis=1, keepdims=True)
    np.exp(probabilities, out=probabilities)
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    return probabilities


class Loss:
    """Base class: input validation shared by every loss. Subclasses set the class attributes."""

    name: str = ""
    task: str = "classification"
    #: whether a 1-D output (N,) is accepted as N examples of one output
    accepts_vector_output: bool = False
    #: what turns the last layer's weighted sums into the network's answer (see :meth:`output_values`)
    output_function: str = "identity"

    def __init__(self):
        self._cache: tuple | None = None

    @property
    def hyperparameters(self) -> dict:
        return {}

    def forward(self, output: np.ndarray, target) -> float:
        raise NotImplementedError

    def backward(self) -> np.ndarray:
        raise NotImplementedError

    def check_targets(self, target, n_outputs: int) -> np.ndarray:
        raise NotImplementedError

    def predict(self, output: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def forward_and_predict(self, output: np.ndarray, target) -> tuple[float, np.ndarray]:
        """``(forward(output, target), predict(output))``, which a loss may compute in one pass."""
        return self.forward(output, target), self.predict(output)

    def probabilities(self, output: np.ndarray) -> np.ndarray | None:
        return None

    def output_values(self, output: np.ndarray) -> np.ndarray:
        """``output_function`` of the last layer's weighted sums ``output`` (N, K), element by element or row
        by row: the outputs themselves here (scores, regression), class probabilities for softmax, σ(z) for
        one logit. NaN or ±∞ are passed on, not refused: what a diverged network is drawn with."""
        return output

    def prepare(self, dtype=np.float32) -> None:
        """Compile ahead whatever compiled code this loss uses for outputs of ``dtype`` (most use none)."""

    def _checked(self, output, target) -> tuple[np.ndarray, np.ndarray]:
        """(output, target) after checking dtype, shape, finiteness and that the batch sizes agree."""
        output = self._checked_output(output)
        finite = np.isfinite(output)
        if not finite.all():
            bad = finite.size - np.count_nonzero(finite)
            raise NonFiniteOutputError(
                f"{self.name} output contains {bad} NaN or infinite value(s); training diverged "
                "(try a smaller learning rate)"
            )
        target = self.check_targets(target, _n_outputs(output))
        if target.shape[0] != output.shape[0]:
            raise ValueError(f"{self.name}: {target.shape[0]} targets for a batch of {output.shape[0]} outputs")
        return output, target

    def _checked_output(self, output) -> np.ndarray:
        output = np.asarray(output)
        if output.dtype.kind != "f":  # a cheaper np.issubdtype(dtype, np.floating): runs every batch
            raise ValueError(f"{self.name} output must be a float array, got dtype {output.dtype}")
        if not (output.ndim == 2 or (self.accepts_vector_output and output.ndim == 1)):
            allowed = "(N, K) or (N,)" if self.accepts_vector_output else "(N, K)"
            raise ValueError(f"{self.name} output must have shape {allowed}, got {output.shape}")
        if output.shape[0] == 0:
            raise ValueError(f"{self.name} output is an empty batch, shape {output.shape}")
        return output

    def _cached(self) -> tuple:
        if self._cache is None:
            raise RuntimeError(f"{self.name}: call forward() before backward()")
        return self._cache

    def _check_outputs_count(self, n_outputs: int, *, exactly: int | None = None, at_least: int | None = None):
        if exactly is not None and n_outputs != exactly:
            raise ValueError(f"{self.name} needs exactly {exactly} output(s), the network has {n_outputs}")
        if at_least is not None and n_outputs < at_least:
            raise ValueError(
                f"{self.name} needs at least {at_least} outputs (one per class), the network has {n_outputs}"
            )

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


def _n_outputs(output: np.ndarray) -> int:
    return output.shape[1] if output.ndim == 2 else 1


def _class_labels(loss_name: str, target, n_classes: int) -> np.ndarray:
    """Integer labels y ∈ {0, …, n_classes − 1} of shape (N,)."""
    target = np.asarray(target)
    if target.ndim != 1:
        raise ValueError(f"{loss_name} labels must have shape (N,), got {target.shape}")
    if target.dtype.kind not in "iu":  # signed or unsigned integers, without np.issubdtype's cost
        raise ValueError(f"{loss_name} labels must be integers, got dtype {target.dtype}")
    if target.size:
        low, high = int(target.min()), int(target.max())
        bad = low if low < 0 else high
        if low < 0 or high >= n_classes:
            raise ValueError(
                f"{loss_name} label {bad} does not fit a network with {n_classes} outputs; "
                f"labels must be in 0…{n_classes - 1}"
            )
    return target


def _two_valued_labels(loss_name: str, target, allowed: tuple[int, int]) -> np.ndarray:
    """Labels of shape (N,) or (N, 1) whose values are exactly one of ``allowed``."""
    target = np.asarray(target)
    if not (target.ndim == 1 or (target.ndim == 2 and target.shape[1] == 1)):
        raise ValueError(f"{loss_name} labels must have shape (N,) or (N, 1), got {target.shape}")
    if not (np.issubdtype(target.dtype, np.integer) or np.issubdtype(target.dtype, np.floating)):
        raise ValueError(f"{loss_name} labels must be numbers, got dtype {target.dtype}")
    is_allowed = (target == allowed[0]) | (target == allowed[1])
    if not np.all(is_allowed):
        bad = target[~is_allowed][0]
        raise ValueError(f"{loss_name} labels must be {allowed[0]} or {allowed[1]}, got {bad}")
    return target


COMPILED_DTYPES: set[np.dtype] = set()
"""The dtypes for which :func:`softmax_cross_entropy_rows` has been compiled in this process."""


def softmax_cross_entropy_rows(output, labels, gradient, predictions):
    """Softmax cross-entropy's value, gradient and predictions in one pass over each row (the compiled path):

        mᵢ = maxₖ oᵢₖ,   sᵢ = Σₖ e^(oᵢₖ − mᵢ),   ℓᵢ = mᵢ + ln sᵢ − oᵢ,yᵢ
        gradient[i, k] = ∂L/∂oᵢₖ = (e^(oᵢₖ − mᵢ)/sᵢ − [k = yᵢ]) / N
        predictions[i] = the first k where oᵢₖ = mᵢ   (np.argmax)

    Returns Σᵢ ℓᵢ (summed in float64), or NaN when a label is outside 0…K−1 (before reading
    anything at that position) or a row is not finite: the caller then takes the checked NumPy path.
    """
    n, k = output.shape
    inverse_n = gradient.dtype.type(1.0) / n
    total = 0.0
    for i in range(n):
        label = labels[i]
        if label < 0 or label >= k:
            return math.nan
        row_max, best = output[i, 0], 0
        for j in range(k):
            if not math.isfinite(output[i, j]):  # −∞ too: a diverged output, whatever its loss
                return math.nan
            if output[i, j] > row_max:
                row_max, best = output[i, j], j
        predictions[i] = best
        row_sum = gradient.dtype.type(0.0)
        for j in range(k):
            exponential = np.exp(output[i, j] - row_max)
            gradient[i, j] = exponential
            row_sum += exponential
        total += row_max + np.log(row_sum) - output[i, label]
        scale = inverse_n / row_sum
        for j in range(k):
            gradient[i, j] *= scale
        gradient[i, label] -= inverse_n
    return total


@LOSSES.register("softmax_cross_entropy")
class SoftmaxCrossEntropy(Loss):
    """Softmax + logloss fused (lecture 000), on raw scores o of shape (N, K) and labels y ∈ {0…K−1}.

    pᵢₖ = softmax(oᵢ)ₖ,   L = −(1/N) Σᵢ ln pᵢ,yᵢ = (1/N) Σᵢ (mᵢ + ln Σₖ e^(oᵢₖ − mᵢ) − oᵢ,yᵢ),  mᵢ = maxₖ oᵢₖ
    ∂L/∂oᵢₖ = (pᵢₖ − [k = yᵢ]) / N

    Once ``prepare(dtype)`` has compiled :func:`softmax_cross_entropy_rows` for a dtype (the
    trainer calls it, in its own thread, before its clock starts), every softmax cross-entropy of
    the process takes outputs of that dtype through it: one pass instead of a dozen NumPy calls,
    which cost 40 µs a batch of 128 × 10, a sixth of a digits batch. (Process-wide, so that two
    networks fed the same batch get the same gradient to the last bit, whichever of them trained.)
    Any input the kernel cannot take (a bad label, a non-finite output) falls back to the NumPy
    code below, which checks it and says what is wrong.
    """

    name = "softmax_cross_entropy"
    output_function = "softmax"

    def __init__(self):
        super().__init__()
        self._exp_buffer: np.ndarray | None = None
        self._row_starts: np.ndarray | None = None

    def check_targets(self, target, n_outputs):
        self._check_outputs_count(n_outputs, at_least=2)
        return _class_labels(self.name, target, n_outputs)

    def prepare(self, dtype=np.float32):
        """Compile :func:`softmax_cross_entropy_rows` for ``dtype`` now (or load it from numba's cache)."""
        dtype = np.dtype(dtype)
        empty = np.empty((0, 2), dtype)
        no_labels = np.empty(0, np.intp)
        compiled(softmax_cross_entropy_rows)(empty, no_labels, empty, no_labels)
        COMPILED_DTYPES.add(dtype)

    def forward(self, output, target):
        compiled_result = self._compiled_forward(output, target)
        if compiled_result is not None:
            return compiled_result[0]
        output, labels = self._checked(output, target)
        n, k = output.shape
        if self._exp_buffer is None or self._exp_buffer.shape != output.shape or self._exp_buffer.dtype != output.dtype:
            self._exp_buffer = np.empty_like(output)
            self._row_starts = np.arange(0, n * k, k)
        # Element (i, yᵢ) of the flattened batch is at i·K + yᵢ: one take instead of 2-D fancy indexing.
        target_positions = self._row_starts + labels.astype(np.intp, copy=False)  # uint64 + int64 would be float
        shifted = np.subtract(output, np.maximum.reduce(output, axis=1, keepdims=True), out=self._exp_buffer)
        shifted_target_scores = shifted.ravel().take(target_positions)
        exponentials = np.exp(shifted, out=shifted)
        sums = np.add.reduce(exponentials, axis=1)
        loss = (float(np.log(sums).sum()) - float(shifted_target_scores.sum())) / n
        self._cache = (exponentials, sums, target_positions)
        return loss

    def forward_and_predict(self, output, target):
        compiled_result = self._compiled_forward(output, target)
        if compiled_result is not None:
            return compiled_result
        return super().forward_and_predict(output, target)

    def _compiled_forward(self, output, target) -> tuple[float, np.ndarray] | None:
        """(loss, predictions) through the compiled kernel, the gradient cached; None when it is not
        compiled for this output or only the NumPy path can tell what is wrong with the input."""
        if not (isinstance(output, np.ndarray) and output.dtype in COMPILED_DTYPES and output.ndim == 2
                and output.shape[0] > 0 and output.shape[1] >= 2
                and output.flags.c_contiguous and output.flags.writeable
                and isinstance(target, np.ndarray) and target.dtype.kind in "iu"
                and target.shape == output.shape[:1]):
            return None
        # A fresh intp copy: the very array type the kernel was compiled for (a read-only or
        # strided one would make numba compile another version mid-run); uint64 labels too
        # large for it wrap to negatives, which the kernel refuses like any label out of range.
        labels = target.astype(np.intp)
        gradient, predictions = np.empty_like(output), np.empty_like(labels)
        total = compiled(softmax_cross_entropy_rows)(output, labels, gradient, predictions)
        if not math.isfinite(total):
            return None
        self._cache = (gradient,)
        return total / output.shape[0], predictions

    def backward(self):
        cache = self._cached()
        if len(cache) == 1:  # the compiled forward's gradient; a copy, so that the caller owns what it gets
            return cache[0].copy()
        exponentials, sums, target_positions = cache
        n = exponentials.shape[0]
        gradient = exponentials / (sums * n)[:, None]
        gradient.ravel()[target_positions] -= 1.0 / n
        return gradient

    def predict(self, output):
        return np.argmax(self._checked_output(output), axis=1)

    def probabilities(self, output):
        return softmax(self._checked_output(output))

    def output_values(self, output):
        return softmax(output)


@LOSSES.register("binary_cross_entropy")
class BinaryCrossEntropy(Loss):
    """Logistic loss on one logit z per example (shape (N, 1) or (N,)) and labels y ∈ {0, 1}.

    With p = σ(z):  ℓ = −y ln p − (1 − y) ln(1 − p) = max(z, 0) − z·y + ln(1 + e^(−|z|))  (no overflow),
    L = (1/N) Σᵢ ℓᵢ,   ∂L/∂zᵢ = (σ(zᵢ) − yᵢ) / N.
    Predicts class 1 when z > 0 (p > ½); probabilities are the columns P(0) = 1 − p, P(1) = p.
    """

    name = "binary_cross_entropy"
    output_function = "sigmoid"
    accepts_vector_output = True

    def check_targets(self, target, n_outputs):
        self._check_outputs_count(n_outputs, exactly=1)
        return _two_valued_labels(self.name, target, (0, 1))

    def forward(self, output, target):
        z, labels = self._checked(output, target)
        y = labels.astype(z.dtype, copy=False).reshape(z.shape)
        per_example = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
        self._cache = (z, y)
        return float(np.mean(per_example))

    def backward(self):
        z, y = self._cached()
        gradient = stable_sigmoid(z)
        gradient -= y
        gradient *= 1.0 / z.shape[0]
        return gradient

    def predict(self, output):
        return (self._checked_output(output).reshape(-1) > 0).astype(np.int64)

    def probabilities(self, output):
        p = stable_sigmoid(self._checked_output(output).reshape(-1))
        return np.stack([1 - p, p], axis=1)

    def output_values(self, output):
        return stable_sigmoid(output)


@LOSSES.register("mse")
class MeanSquaredError(Loss):
    """Mean squared error over the batch and the outputs, like torch's ``MSELoss``.

    L = (1/(N·K)) Σᵢ Σₖ (oᵢₖ − tᵢₖ)²,   ∂L/∂oᵢₖ = 2(oᵢₖ − tᵢₖ) / (N·K).
    Targets are real numbers of shape (N, K), or (N,) for a single output; with one output
    ``predict`` returns a vector (N,) to match.
    """

    name = "mse"
    task = "regression"
    accepts_vector_output = True

    def check_targets(self, target, n_outputs):
        target = np.asarray(target)
        if not (np.issubdtype(target.dtype, np.floating) or np.issubdtype(target.dtype, np.integer)):
            raise ValueError(f"{self.name} targets must be numbers, got dtype {target.dtype}")
        single_output_shape = n_outputs == 1 and (target.ndim == 1 or (target.ndim == 2 and target.shape[1] == 1))
        if not (single_output_shape or (target.ndim == 2 and target.shape[1] == n_outputs)):
            allowed = f"(N, {n_outputs})" + (" or (N,)" if n_outputs == 1 else "")
            raise ValueError(f"{self.name} targets must have shape {allowed} for {n_outputs} output(s), "
                             f"got {target.shape}")
        if not np.all(np.isfinite(target)):
            raise ValueError(f"{self.name} targets contain NaN or infinite values")
        return target

    def forward(self, output, target):
        output, target = self._checked(output, target)
        difference = output - target.reshape(output.shape).astype(output.dtype, copy=False)
        self._cache = (difference,)
        return float(np.vdot(difference, difference)) / difference.size

    def backward(self):
        (difference,) = self._cached()
        return difference * (2.0 / difference.size)

    def predict(self, output):
        output = self._checked_output(output)
        return np.array(output[:, 0] if output.ndim == 2 and output.shape[1] == 1 else output)


@LOSSES.register("hinge")
class MulticlassHinge(Loss):
    """Multiclass SVM loss (Weston–Watkins, as in cs231n) on scores o (N, K) and labels y ∈ {0…K−1}.

    L = (1/N) Σᵢ Σ_{j≠yᵢ} max(0, oᵢⱼ − oᵢ,yᵢ + 1)
    ∂L/∂oᵢⱼ = [oᵢⱼ − oᵢ,yᵢ + 1 > 0] / N for j ≠ yᵢ,   ∂L/∂oᵢ,yᵢ = −(number of such j) / N.
    At a margin of exactly 0 the subgradient 0 is used. The scores are no probabilities:
    ``probabilities`` returns None.
    """

    name = "hinge"

    def check_targets(self, target, n_outputs):
        self._check_outputs_count(n_outputs, at_least=2)
        return _class_labels(self.name, target, n_outputs)

    def forward(self, output, target):
        output, labels = self._checked(output, target)
        rows = np.arange(output.shape[0])
        margins = output - output[rows, labels][:, None]
        margins += 1
        np.maximum(margins, 0, out=margins)
        margins[rows, labels] = 0
        self._cache = (margins, rows, labels)
        return float(margins.sum()) / output.shape[0]

    def backward(self):
        margins, rows, labels = self._cached()
        n = margins.shape[0]
        gradient = (margins > 0).astype(margins.dtype)
        gradient[rows, labels] = -gradient.sum(axis=1)
        gradient *= 1.0 / n
        return gradient

    def predict(self, output):
        return np.argmax(self._checked_output(output), axis=1)


@LOSSES.register("perceptron")
class PerceptronCriterion(Loss):
    """Rosenblatt's perceptron criterion (lecture 003) on one output o (shape (N, 1) or (N,)).

    Rosenblatt's targets are t = ±1. The engine's classification labels are class indices, so
    labels y ∈ {0, 1} are read as t = 2y − 1. Labels given as ±1 are refused with that advice: the
    accuracy, the confusion matrix and ``predict`` all speak in class indices, and would count every
    −1 as a mistake.
    The lecture's E_P(w) = −Σ_{x∈M} t⟨w, x⟩ sums over the set M of misclassified examples;
    averaged over the batch that is  L = (1/N) Σᵢ max(0, −tᵢ·oᵢ),  ∂L/∂oᵢ = −tᵢ / N if tᵢ·oᵢ ≤ 0, else 0.
    An example exactly on the boundary (o = 0) counts as misclassified, because the model is
    sign(o) and sign(0) = 0 is neither target: it gets the gradient −t/N and so is pushed off.
    ``predict`` returns the class index, 1 where o > 0 and 0 elsewhere, like every classifier here.
    """

    name = "perceptron"
    accepts_vector_output = True

    def check_targets(self, target, n_outputs):
        self._check_outputs_count(n_outputs, exactly=1)
        target = np.asarray(target)
        if target.size and np.issubdtype(target.dtype, np.number) and np.any(target == -1):
            raise ValueError(f"{self.name} labels must be class indices 0 or 1 (read as the targets t = 2y − 1); "
                             f"for targets t = ±1 give y = (t + 1) / 2, got -1")
        return _two_valued_labels(self.name, target, (0, 1))

    def forward(self, output, target):
        output, labels = self._checked(output, target)
        t = np.where(labels.reshape(output.shape) > 0, 1.0, -1.0).astype(output.dtype)
        signed_margin = t * output
        self._cache = (signed_margin <= 0, t)
        return float(np.maximum(-signed_margin, 0).sum()) / output.shape[0]

    def backward(self):
        misclassified, t = self._cached()
        gradient = t * (-1.0 / t.shape[0])
        gradient[~misclassified] = 0
        return gradient

    def predict(self, output):
        return (self._checked_output(output).reshape(-1) > 0).astype(np.int64)
