"""Your own handwritten digits: the ones drawn on the canvas and saved with their label.

They are kept in one compressed NumPy file, ``my_digits.npz`` in the user's data folder (or a
folder the caller gives), holding ``images`` (N × 28 × 28, uint8, 0 = background … 255 = ink,
MNIST's format) and ``labels`` (N, int64). No pickle: the file is plain arrays. Each save
rewrites the file through a temporary file and an atomic rename, so a crash never corrupts it.

They form the data set ``my_digits``, and ``load("mnist", mix_user_digits=True)`` adds them to
MNIST's training split.

The data set is split like any other (a test part, then a validation part, each stratified), so it
needs a good many drawings before it can be trained: with the default splits about twelve of each
digit, for every digit to be in each part. :func:`digits_still_needed` says how many more of each
digit that takes; loading too few raises :class:`TooFewDrawnDigits`, which says the same.
"""
from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import numpy as np

from core._checks import check_number
from core.datasets.dataset import (DATASETS, DEFAULT_TEST_SPLIT, DEFAULT_VALIDATION_SPLIT, Dataset,
                                   make_dataset, pixel_names)
from core.datasets.locations import atomic_file, data_folder
from core.datasets.mnist import IMAGE_SHAPE, PIXEL_MAX, SOURCES
from core.datasets.split import check_classes, class_shares, stratified, taken_count

FILE_NAME = "my_digits.npz"
DIGITS = np.arange(10)


class TooFewDrawnDigits(ValueError):
    """my_digits is too small to split with every digit in each part (training, validation, test).

    ``needed``: how many more drawings of each digit 0–9 would do (:func:`digits_still_needed`);
    ``validation_split``, ``test_split``: the splits asked for; ``enough_without_validation``: whether
    the digits saved would do without a validation part. A window words it from these fields in its
    own language.
    """

    def __init__(self, needed: np.ndarray, validation_split: float, test_split: float,
                 enough_without_validation: bool):
        self.needed, self.enough_without_validation = needed, enough_without_validation
        self.validation_split, self.test_split = validation_split, test_split
        groups = "; ".join(f"{digit_list(digits)}: {count} each" for count, digits in shortfall_groups(needed))
        advice = " Or set the validation split to 0 (no validation data)." if enough_without_validation else ""
        super().__init__(f"my_digits is too small to take {test_split:g} off for the test set and "
                         f"{validation_split:g} for validation with every digit in each part. Draw more "
                         f"digits — {groups}.{advice}")


def digits_still_needed(labels, validation_split: float = DEFAULT_VALIDATION_SPLIT,
                        test_split: float = DEFAULT_TEST_SPLIT) -> np.ndarray:
    """How many more drawings of each digit 0–9 (an int array of 10) the saved ``labels`` need for
    my_digits to split with every digit in the training, validation and test parts: the fewest
    that bring every digit to one count, the smallest count that splits (all zeros once it does)."""
    counts = np.bincount(np.asarray(labels, dtype=np.int64), minlength=len(DIGITS))
    for least in itertools.count(int(counts.min())):
        wanted = np.maximum(counts, least)
        if _every_digit_in_each_part(wanted, float(validation_split), float(test_split)):
            return wanted - counts


def _every_digit_in_each_part(class_sizes: np.ndarray, validation_split: float, test_split: float) -> bool:
    """Whether the split rules of :mod:`core.datasets.split` allow the test, then the validation part,
    with each class given a share (:func:`class_shares`) of at least one example and keeping one."""
    rng = np.random.default_rng(0)  # only breaks ties between classes' remainders
    for fraction in (test_split, validation_split):
        if fraction == 0:
            continue
        n = int(class_sizes.sum())
        try:
            taken = taken_count(n, fraction)
            check_classes(DIGITS, class_sizes, taken, n)
        except ValueError:
            return False
        shares = class_shares(class_sizes, taken, rng)
        if shares.min() < 1 or (class_sizes - shares).min() < 1:
            return False
        class_sizes = class_sizes - shares
    return True


def shortfall_groups(needed: np.ndarray) -> list[tuple[int, tuple[int, ...]]]:
    """The digits still needed grouped by how many more of each: [(count, digits)], most first."""
    counts = sorted({int(count) for count in needed if count > 0}, reverse=True)
    return [(count, tuple(int(digit) for digit in np.flatnonzero(needed == count))) for count in counts]


def digit_list(digits) -> str:
    """"0–9" for every digit, else the digits one by one: "1, 3, 7"."""
    return "0–9" if len(digits) == len(DIGITS) else ", ".join(map(str, digits))


def user_digits_path(folder=None) -> Path:
    return Path(folder if folder is not None else data_folder()) / FILE_NAME


def load_user_digits(folder=None) -> tuple[np.ndarray, np.ndarray]:
    """(images uint8 N × 28 × 28, labels int64 N); empty arrays when nothing was saved yet."""
    path = user_digits_path(folder)
    if not path.exists():
        return np.zeros((0, *IMAGE_SHAPE), np.uint8), np.zeros(0, np.int64)
    damaged = (f"{path}: not a readable file of drawn digits ({{}}); move it aside (or delete it) to start "
               f"a new set, or put back a good copy")
    try:
        stored = np.load(path, allow_pickle=False)
        if not isinstance(stored, np.lib.npyio.NpzFile):  # a single array saved under the name
            raise ValueError(f"one array of shape {stored.shape}, not an archive of images and labels")
        with stored:
            images, labels = stored["images"], stored["labels"]
    except (OSError, EOFError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise ValueError(damaged.format(error)) from None
    if images.dtype != np.uint8 or images.shape[1:] != IMAGE_SHAPE or labels.shape != (len(images),) \
            or labels.dtype != np.int64 or (len(labels) and not 0 <= labels.min() <= labels.max() <= 9):
        raise ValueError(damaged.format(f"expected uint8 images of 28 × 28 and int64 labels 0–9, got "
                                        f"{images.dtype} {images.shape} and {labels.dtype} {labels.shape}"))
    return images, labels


def add_user_digit(image28, label, folder=None) -> np.ndarray:
    """Save one drawn digit with its label; returns the labels of every digit saved now, this one last.

    ``image28``: 28 × 28 (or 784) floats in [0, 1] — what
    :func:`core.datasets.drawing.preprocess_drawing` returns for MNIST — or uint8 0–255.
    """
    label = check_number("digit label", label, low=0, high=9, integer=True)
    image = np.asarray(image28)
    if image.size != IMAGE_SHAPE[0] * IMAGE_SHAPE[1]:
        raise ValueError(f"a drawn digit must have 28 × 28 = 784 pixels, got shape {image.shape}")
    if image.dtype != np.uint8:
        if not np.all(np.isfinite(image)) or image.min() < 0 or image.max() > 1:
            raise ValueError(f"a drawn digit's pixels must lie in [0, 1], got {image.min()} … {image.max()}")
        image = np.rint(image * PIXEL_MAX).astype(np.uint8)
    images, labels = load_user_digits(folder)
    images = np.concatenate([images, image.reshape(1, *IMAGE_SHAPE)])
    labels = np.append(labels, np.int64(label))
    with atomic_file(user_digits_path(folder)) as file:
        np.savez_compressed(file, images=images, labels=labels)
    return labels


def remove_last_user_digit(count: int, folder=None) -> np.ndarray:
    """Take back the digit saved last (one saved with a wrong label), provided the file still holds
    ``count`` digits, as it did after that save; returns the labels left. ValueError when it holds
    another number (digits were saved or removed since, by another window): which one is last is unsure."""
    images, labels = load_user_digits(folder)
    if len(labels) != count:
        raise ValueError(f"{user_digits_path(folder)} holds {len(labels)} drawn digits, not the {count} it held "
                         f"after this digit was saved; nothing was removed")
    with atomic_file(user_digits_path(folder)) as file:
        np.savez_compressed(file, images=images[:-1], labels=labels[:-1])
    return labels[:-1]


@DATASETS.register("my_digits")
def load_my_digits(folder=None, *, scaling: str = "unit", **split_options) -> Dataset:
    """The digits you drew, in MNIST's format (28 × 28, ten classes) so MNIST models fit them.

    Options: validation_split, test_split, seed, max_train, scaling (see core.datasets.dataset).
    """
    images, labels = load_user_digits(folder)
    if len(labels) == 0:
        raise ValueError(f"no drawn digits saved yet (looked in {user_digits_path(folder)}): draw digits "
                         f"on the canvas and save each with its label")
    # Checked first, by the rules of the splitter used below: the advice and the split agree.
    validation_split = check_number("my_digits: validation_split",
                                    split_options.get("validation_split", DEFAULT_VALIDATION_SPLIT),
                                    low=0.0, high=1.0, high_open=True)
    given_test_split = split_options.get("test_split")
    test_split = check_number("my_digits: test_split", DEFAULT_TEST_SPLIT if given_test_split is None
                              else given_test_split, low=0.0, high=1.0, high_open=True)
    needed = digits_still_needed(labels, validation_split, test_split)
    if needed.any():
        enough_without_validation = not digits_still_needed(labels, 0.0, test_split).any()
        raise TooFewDrawnDigits(needed, validation_split, test_split, enough_without_validation)
    return make_dataset("my_digits", "multiclass", images.reshape(len(images), -1), labels,
                        class_names=SOURCES["mnist"].class_names, image_shape=IMAGE_SHAPE, pixel_max=PIXEL_MAX,
                        feature_names=pixel_names(IMAGE_SHAPE), scaling=scaling, splitter=stratified, **split_options)
