"""The :class:`Dataset` every loader returns, and the two steps all loaders share: split, then scale.

Splitting (seeded; stratified for classification, so every split keeps the class proportions):

1. a data set without its own test set gives ``test_split`` of its examples to the test set;
2. ``validation_split`` of what remains (the training data) becomes the validation set;
3. ``max_train`` keeps a stratified subset of that many training examples (the overfitting lab).

Scaling is then *fitted on the training split only* and applied to all three splits, so nothing
about the validation or test examples leaks into training:

* ``"standardize"``: x' = (x − μ) / σ with the training mean μ and standard deviation σ per
  feature (σ = 0, a constant feature, is replaced by 1);
* ``"unit"``: x' = (x − min) / (max − min) per feature, into [0, 1]; images instead divide every
  pixel by the format's largest pixel value (255 for MNIST, 16 for the 8×8 digits), so that a
  drawn digit is scaled exactly like the training images;
* ``"none"``: the raw numbers — the lectures show what unscaled features do to gradient descent.

Regression targets (the label column) may be scaled too, by ``target_scaling``, fitted the same way on
the training split's targets only (class labels are never scaled: the option does not apply to them):

* ``"standardize"``: y' = (y − μ) / σ with the training targets' mean μ and standard deviation σ;
* ``"unit"``: y' = (y − min) / (max − min) of the training targets, into [0, 1];
* ``"none"``: the targets as they are (the default of every data set but diabetes).

A constant training target (σ = 0, max = min) keeps the scale 1, as a constant feature does: it becomes
y' = y − μ = 0 and maps back exactly; there is nothing for a network to learn from it anyway. The
network learns y'; :meth:`Dataset.original_targets` maps its predictions back, ŷ = ŷ' · scale + offset
(σ and μ, or max − min and min), so that views and scores are in the data's own units. The loss the
trainer reports is that of y' (the mean squared error of the scaled targets); R² is the same in either
units, as an affine map with a positive scale leaves 1 − SS_res / SS_tot unchanged.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from core._checks import check_number
from core.datasets.split import SplitProblem, scikit_learn
from core.registry import Registry

if TYPE_CHECKING:  # core.datasets.plane imports this module
    from core.datasets.plane import Plane

TASKS = ("binary", "multiclass", "regression")
SCALINGS = ("standardize", "unit", "none")
DEFAULT_VALIDATION_SPLIT = 0.1
DEFAULT_TEST_SPLIT = 0.2

SPLIT_PARTS = {"test": "the test set", "validation": "validation", "max_train": "max_train={max_train}"}
"""What each split of :func:`make_dataset` takes its part off for (:class:`core.datasets.split.SplitProblem`'s
``part``), in English."""

DATASETS: Registry = Registry("dataset")


@dataclass(frozen=True, eq=False)
class Scaler:
    """The affine map x' = (x − offset) / scale, per feature, fitted on a training split."""

    method: str
    offset: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, X_train: np.ndarray, method: str, *, pixel_max: float | None = None) -> "Scaler":
        """Fit ``method`` (one of SCALINGS) on ``X_train``; ``pixel_max`` marks image data."""
        if method not in SCALINGS:
            raise ValueError(f"scaling {method!r} is not known; choose one of: {', '.join(SCALINGS)}")
        n_features = X_train.shape[1]
        offset, scale = np.zeros(n_features), np.ones(n_features)
        if method == "unit" and pixel_max is not None:
            scale = np.full(n_features, float(pixel_max))
        elif method == "unit" and len(X_train):
            offset = X_train.min(axis=0).astype(np.float64)
            scale = X_train.max(axis=0) - offset
        elif method == "standardize" and len(X_train):
            offset = X_train.mean(axis=0, dtype=np.float64)
            scale = X_train.std(axis=0, dtype=np.float64)
        scale = np.where(scale > 0, scale, 1.0)
        return cls(method, _frozen(offset.astype(np.float32)), _frozen(scale.astype(np.float32)))

    @classmethod
    def identity(cls, n_features: int) -> "Scaler":
        return cls.fit(np.zeros((0, n_features), np.float32), "none")

    def transform(self, X) -> np.ndarray:
        """(X − offset) / scale as a new C-contiguous float32 array."""
        out = np.array(X, dtype=np.float32, order="C")
        out -= self.offset
        out /= self.scale
        return out

    def inverse_transform(self, X) -> np.ndarray:
        """X · scale + offset: back to the original units (e.g. a regression prediction)."""
        out = np.array(X, dtype=np.float32, order="C")
        out *= self.scale
        out += self.offset
        return out

    def record(self) -> dict:
        """The scaler as JSON: ``{"method": …, "offset": […], "scale": […]}`` (what a model file keeps)."""
        return {"method": self.method, "offset": self.offset.tolist(), "scale": self.scale.tolist()}

    @classmethod
    def from_record(cls, record) -> "Scaler":
        """The scaler of a :meth:`record`; ValueError saying what is wrong with it: an unknown method, offsets
        and scales that are not lists of as many finite numbers, a scale that is not above 0."""
        if not isinstance(record, dict) or set(record) != {"method", "offset", "scale"}:
            raise ValueError(f"a scaler is an object of method, offset and scale, got {record!r}")
        if record["method"] not in SCALINGS:
            raise ValueError(f"scaler method {record['method']!r} is not one of {', '.join(SCALINGS)}")
        arrays = []
        for key in ("offset", "scale"):
            values = record[key]
            if not isinstance(values, list) or not values or not all(
                    isinstance(value, (int, float)) and not isinstance(value, bool) for value in values):
                raise ValueError(f"a scaler's {key} must be a list of numbers, got {values!r}")
            arrays.append(np.asarray(values, dtype=np.float32))
        offset, scale = arrays
        if offset.shape != scale.shape:
            raise ValueError(f"a scaler has {offset.size} offsets but {scale.size} scales")
        if not (np.isfinite(offset).all() and np.isfinite(scale).all() and (scale > 0).all()):
            raise ValueError("a scaler's offsets must be finite numbers and its scales finite numbers above 0")
        return cls(record["method"], _frozen(offset), _frozen(scale))


@dataclass(frozen=True, eq=False)
class Dataset:
    """Train/validation/test arrays and what they mean.

    Features are 2-D float32, C-contiguous, one example per row (images flattened row by row;
    ``image_shape`` gives (height, width)). Classification labels are int64 class indices
    0 … n_classes−1 naming ``class_names``; regression targets are float32 of shape (N, 1).
    ``scaler`` is the feature scaling that was applied (apply it to new inputs);
    ``target_scaler`` is set when regression targets were scaled (invert it on predictions).
    ``test_split`` is the share of the examples held out for testing when they were split here; None
    when the data set has a test set of its own, or its test set is not a share (the truth tables).
    ``plane`` (a :class:`core.datasets.plane.Plane`) keeps the points of 2-D data whose inputs are
    features computed from them (x₁², sin x₁, …); see :attr:`is_planar` and :meth:`plane_points`.
    ``encoding`` is the text encoding a file was read in when it was not UTF-8 (``"UTF-16 LE"`` as its byte order
    mark named, ``"Windows-1252"`` guessed), which a window says: its names may read wrong if the guess was; None
    otherwise.
    The arrays are read-only: they may be shared with a cache.
    """

    name: str
    task: str
    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    class_names: tuple[str, ...] = ()
    feature_names: tuple[str, ...] = ()
    image_shape: tuple[int, ...] | None = None
    scaler: Scaler | None = None
    target_scaler: Scaler | None = None
    test_split: float | None = None
    plane: Plane | None = None
    encoding: str | None = None

    def __post_init__(self):
        if self.task not in TASKS:
            raise ValueError(f"dataset {self.name!r}: task {self.task!r} is not one of {', '.join(TASKS)}")
        n_features = self.X_train.shape[1] if self.X_train.ndim == 2 else None
        for split in ("train", "val", "test"):
            X, y = getattr(self, "X_" + split), getattr(self, "y_" + split)
            self._check_split(split, X, y, n_features)
            object.__setattr__(self, "X_" + split, _frozen(X))
            object.__setattr__(self, "y_" + split, _frozen(y))
        if not self.feature_names:
            object.__setattr__(self, "feature_names", tuple(f"x{i + 1}" for i in range(n_features)))
        if len(self.feature_names) != n_features:
            raise ValueError(f"dataset {self.name!r}: {len(self.feature_names)} feature names "
                             f"for {n_features} features")
        if self.task != "regression" and len(self.class_names) < 2:
            raise ValueError(f"dataset {self.name!r}: a {self.task} task needs at least two class names, "
                             f"got {self.class_names!r}")
        if self.task == "binary" and len(self.class_names) != 2:
            raise ValueError(f"dataset {self.name!r}: a binary task has exactly two classes, "
                             f"got {len(self.class_names)}: {self.class_names!r}")
        if self.image_shape is not None and int(np.prod(self.image_shape)) != n_features:
            raise ValueError(f"dataset {self.name!r}: image shape {self.image_shape} does not hold "
                             f"{n_features} features")
        if self.scaler is None:
            object.__setattr__(self, "scaler", Scaler.identity(n_features))

    def _check_split(self, split, X, y, n_features):
        where = f"dataset {self.name!r}: {split} split"
        if not isinstance(X, np.ndarray) or X.ndim != 2 or X.dtype not in (np.float32, np.float64):
            raise ValueError(f"{where}: features must be a 2-D float32 array, got "
                             f"{getattr(X, 'dtype', type(X).__name__)} of shape {np.shape(X)}")
        if X.shape[1] != n_features:
            raise ValueError(f"{where} has {X.shape[1]} features, the training split {n_features}")
        if not isinstance(y, np.ndarray) or len(y) != len(X):
            raise ValueError(f"{where}: {len(X)} examples but {len(y)} labels")
        if self.task == "regression":
            if y.ndim != 2 or y.dtype not in (np.float32, np.float64):
                raise ValueError(f"{where}: regression targets must be float32 of shape (N, k), "
                                 f"got {y.dtype} of shape {y.shape}")
        elif y.ndim != 1 or y.dtype != np.int64:
            raise ValueError(f"{where}: labels must be a 1-D int64 array, got {y.dtype} of shape {y.shape}")
        elif len(y) and (y.min() < 0 or y.max() >= len(self.class_names)):
            raise ValueError(f"{where}: labels must lie in 0…{len(self.class_names) - 1}, "
                             f"got {y.min()}…{y.max()}")

    @property
    def n_features(self) -> int:
        return self.X_train.shape[1]

    @property
    def is_planar(self) -> bool:
        """Whether the examples are points of a plane: two features, or features of two coordinates."""
        return self.plane is not None or self.n_features == 2

    @property
    def plane_names(self) -> tuple[str, ...]:
        """The names of the plane's two coordinates (of a planar data set)."""
        return ("x1", "x2") if self.plane is not None else self.feature_names

    def plane_points(self, split: str) -> np.ndarray:
        """The (n, 2) points of ``split`` ("train", "val" or "test") of a planar data set, in original units."""
        if self.plane is not None:
            return getattr(self.plane, split)
        return self.scaler.inverse_transform(getattr(self, "X_" + split))

    def plane_inputs(self, points) -> np.ndarray:
        """The network's inputs at (n, 2) ``points`` of the plane, in original units (scaled; featured)."""
        return self.plane.inputs(points) if self.plane is not None else self.scaler.transform(points)

    def original_targets(self, y) -> np.ndarray:
        """Regression targets, or a network's predictions of them, in the units they were loaded in
        (``target_scaler`` inverted when the targets were scaled)."""
        if self.target_scaler is None:
            return np.array(y, dtype=np.float32, order="C")
        return self.target_scaler.inverse_transform(y)

    def with_scaler(self, scaler: Scaler) -> "Dataset":
        """The same examples, their features scaled by ``scaler`` rather than by the one fitted on this training
        split: x'' = (x − offset) / scale of the features in their units, x = x' · s₀ + o₀ (x' scaled here by
        :attr:`scaler`'s offset o₀ and scale s₀). A saved network learnt inputs scaled by the scaler its file
        records; with it, it is given the inputs it learnt to read even when the training split is no longer the
        one it was fitted on (a CSV file edited since, more digits drawn). ValueError for another number of
        features."""
        if same_scaler(scaler, self.scaler):
            return self
        self._check_width("features", self.n_features, "feature scaler", scaler)
        plane = None if self.plane is None else dataclasses.replace(self.plane, scaler=scaler)
        rescaled = self._splits("X", lambda X: scaler.transform(self.scaler.inverse_transform(X)))
        return dataclasses.replace(self, **rescaled, scaler=scaler, plane=plane)

    def with_target_scaler(self, scaler: Scaler | None) -> "Dataset":
        """The same examples, their regression targets scaled by ``scaler`` (None: as they are) rather than by
        the one fitted on this training split: y' = (y − offset) / scale of y = :meth:`original_targets`.
        A saved network learnt targets scaled by the scaler its file records; with it, its predictions
        ŷ = ŷ' · scale + offset are in the data's units even when the training split is no longer the one
        it was fitted on (a CSV file edited since). ValueError for another number of target columns."""
        if self.task != "regression" or same_scaler(scaler, self.target_scaler):
            return self
        if scaler is not None:
            self._check_width("target columns", self.y_train.shape[1], "target scaler", scaler)

        def rescaled(y):
            original = self.original_targets(y)
            return original if scaler is None else scaler.transform(original)

        return dataclasses.replace(self, **self._splits("y", rescaled), target_scaler=scaler)

    def _check_width(self, columns: str, width: int, name: str, scaler: Scaler) -> None:
        """ValueError unless ``scaler`` has an offset and a scale for each of the ``width`` ``columns``."""
        if scaler.offset.size != width:
            raise ValueError(f"dataset {self.name!r} has {width} {columns}, the {name} {scaler.offset.size}")

    def _splits(self, part: str, rescaled) -> dict:
        """``rescaled`` of each split's ``part`` ("X" or "y"), as :func:`dataclasses.replace` takes them."""
        return {f"{part}_{split}": rescaled(getattr(self, f"{part}_{split}")) for split in ("train", "val", "test")}

    @property
    def n_classes(self) -> int:
        """Number of classes (0 for regression)."""
        return len(self.class_names) if self.task != "regression" else 0

    def describe(self) -> str:
        """One line: ``mnist: multiclass, 10 classes, 784 features (28×28 images); 54,000 train / …``."""
        kind = self.task if self.task == "regression" else f"{self.task}, {self.n_classes} classes"
        features = f"{self.n_features} feature{'s' if self.n_features != 1 else ''}"
        if self.image_shape is not None:
            features += f" ({'×'.join(map(str, self.image_shape))} images)"
        read = f" (read as {self.encoding}: not UTF-8)" if self.encoding else ""
        return (f"{self.name}{read}: {kind}, {features}; {len(self.X_train):,} train / "
                f"{len(self.X_val):,} validation / {len(self.X_test):,} test")


def make_dataset(name: str, task: str, X, y, *, class_names=(), feature_names=(), image_shape=None,
                 pixel_max: float | None = None, X_test=None, y_test=None, extra_train=None,
                 scaling: str = "standardize", target_scaling: str = "none",
                 validation_split: float = DEFAULT_VALIDATION_SPLIT, test_split: float | None = None,
                 seed: int = 0, max_train: int | None = None, splitter=scikit_learn, **unknown) -> Dataset:
    """Split, subset and scale raw arrays into a :class:`Dataset` (see the module docstring).

    Loaders pass the user's split options through; an unknown one (``unknown``) is refused by name.

    ``X`` may be any numeric dtype (uint8 images stay uint8 until after the split, to save memory).
    ``X_test``/``y_test``: the data set's own test set (then ``test_split`` must not be given).
    ``extra_train``: (X, y) appended to the training split only, never to validation or test.
    ``target_scaling`` (one of :data:`SCALINGS`) scales regression targets (see the module docstring); class
    labels are never scaled, so it does not apply to classification (a CSV file read as classes keeps it).
    ``splitter`` takes each part off (:mod:`core.datasets.split`).
    """
    if unknown:
        raise ValueError(f"dataset {name!r}: unknown option {sorted(unknown)[0]!r}; the split options are "
                         f"validation_split, test_split, scaling, target_scaling, seed and max_train")
    if task not in TASKS:
        raise ValueError(f"dataset {name!r}: task {task!r} is not one of {', '.join(TASKS)}")
    if scaling not in SCALINGS:
        raise ValueError(f"dataset {name!r}: scaling {scaling!r} is not known; choose one of: {', '.join(SCALINGS)}")
    if target_scaling not in SCALINGS:
        raise ValueError(f"dataset {name!r}: target_scaling {target_scaling!r} is not known; "
                         f"choose one of: {', '.join(SCALINGS)}")
    validation_split = check_number(f"{name}: validation_split", validation_split, low=0.0, high=1.0, high_open=True)
    if X_test is not None and test_split is not None:
        raise ValueError(f"dataset {name!r} comes with its own test set; test_split does not apply "
                         f"(got {test_split!r})")
    test_split = check_number(f"{name}: test_split", DEFAULT_TEST_SPLIT if test_split is None else test_split,
                              low=0.0, high=1.0, high_open=True)
    seed = check_number(f"{name}: seed", seed, low=0, integer=True)
    if max_train is not None:
        max_train = check_number(f"{name}: max_train", max_train, low=1, integer=True)
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"dataset {name!r}: {len(X)} examples but {len(y)} labels")
    classify = task != "regression"

    def take(indices, size, part):
        """Split ``size`` (a fraction, or an int count) of ``indices`` off for ``part`` (see :data:`SPLIT_PARTS`):
        (kept, taken), sorted."""
        if size == 0:
            return indices, indices[:0]
        try:
            kept, taken = splitter(indices, size, seed, y[indices] if classify else None)
        except ValueError as error:
            said = (f"dataset {name!r}: cannot split {size:g} of {len(indices)} examples off for "
                    f"{SPLIT_PARTS[part].format(max_train=max_train)}: {error}")
            if isinstance(error, SplitProblem):
                raise error.within(said, dataset=name, size=size, n=len(indices), part=part) from None
            raise ValueError(said) from None
        return np.sort(kept), np.sort(taken)

    train = np.arange(len(X))
    split_off = X_test is None
    if split_off:
        train, test = take(train, test_split, "test")
        X_test, y_test = X[test], y[test]
    train, validation = take(train, validation_split, "validation")
    if max_train is not None and max_train < len(train):
        train, _ = take(train, len(train) - max_train, "max_train")
    X_train, y_train = X[train], y[train]
    if extra_train is not None:
        X_train = np.concatenate([X_train, np.asarray(extra_train[0]).reshape(-1, X.shape[1])])
        y_train = np.concatenate([y_train, np.asarray(extra_train[1]).reshape(-1)])

    scaler = Scaler.fit(X_train, scaling, pixel_max=pixel_max)
    targets, target_scaler = _targets(task, [y_train, y[validation], y_test], target_scaling)
    return Dataset(name, task, scaler.transform(X_train), targets[0], scaler.transform(X[validation]), targets[1],
                   scaler.transform(X_test), targets[2], class_names=tuple(class_names),
                   feature_names=tuple(feature_names), image_shape=image_shape, scaler=scaler,
                   target_scaler=target_scaler, test_split=test_split if split_off else None)


def same_scaler(first: Scaler | None, second: Scaler | None) -> bool:
    """Whether ``first`` and ``second`` scale alike (both None: nothing scaled)."""
    if first is None or second is None:
        return first is second
    return first.method == second.method and np.array_equal(first.offset, second.offset) \
        and np.array_equal(first.scale, second.scale)


def _targets(task, splits, target_scaling):
    """Labels as int64; regression targets as float32 (N, k), scaled by ``target_scaling`` fitted on the
    training split (the first of ``splits``), with that scaler (None when they are not scaled)."""
    if task != "regression":
        return [np.ascontiguousarray(labels, dtype=np.int64) for labels in splits], None
    width = int(np.prod(np.shape(splits[0])[1:]))  # a 1-D target is one column
    splits = [np.asarray(values, dtype=np.float32).reshape(len(values), width) for values in splits]
    scaler = Scaler.fit(splits[0], target_scaling)
    return [scaler.transform(values) for values in splits], scaler if target_scaling != "none" else None


def evaluate_on_training_data(dataset: Dataset) -> Dataset:
    """The same data set with validation and test sets that are copies of the training set.

    For data that is complete by definition (the 4-point truth tables), where there is nothing
    else to evaluate a network on.
    """
    return dataclasses.replace(dataset, X_val=dataset.X_train, y_val=dataset.y_train,
                               X_test=dataset.X_train, y_test=dataset.y_train, test_split=None)


MAX_GENERATED_SAMPLES = 1_000_000
"""Points a generated data set may have: 10⁸ took a minute and 10 GB, then failed for memory."""
MAX_GENERATED_NOISE = 1_000.0
"""Noise beyond which a generated set's pattern is long gone (its points lie within a few units)."""


def check_generator_options(name: str, n_samples, noise, *, min_samples: int) -> tuple[int, float]:
    """Validated ``n_samples`` (min_samples … :data:`MAX_GENERATED_SAMPLES`) and ``noise``
    (0 … :data:`MAX_GENERATED_NOISE`) of a generated data set."""
    n_samples = check_number(f"{name}: n_samples", n_samples, low=min_samples, high=MAX_GENERATED_SAMPLES,
                             integer=True)
    noise = check_number(f"{name}: noise", noise, low=0.0, high=MAX_GENERATED_NOISE)
    return n_samples, noise


@functools.cache
def pixel_names(image_shape: tuple[int, int]) -> tuple[str, ...]:
    """Feature names of a flattened image, row by row: ``pixel_<row>_<column>`` (scikit-learn's naming)."""
    return tuple(f"pixel_{row}_{col}" for row in range(image_shape[0]) for col in range(image_shape[1]))


def class_task(n_classes: int) -> str:
    return "binary" if n_classes == 2 else "multiclass"


def _frozen(array: np.ndarray) -> np.ndarray:
    """A read-only view (the caller's own array stays writable)."""
    view = np.ascontiguousarray(array).view()
    view.flags.writeable = False
    return view
