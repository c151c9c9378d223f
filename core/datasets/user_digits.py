"""Your own handwritten digits: the ones drawn on the canvas and saved with their label.

They are kept in one compressed NumPy file, ``my_digits.npz`` in the user's data folder (or a
folder the caller gives), holding ``images`` (N × 28 × 28, uint8, 0 = background … 255 = ink,
MNIST's format) and ``labels`` (N, int64). No pickle: the file is plain arrays. Each save
rewrites the file through a temporary file and an atomic rename, so a crash never corrupts it.

They form the data set ``my_digits``, and ``load("mnist", mix_user_digits=True)`` adds them to
MNIST's training split.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np

from core._checks import check_number
from core.datasets.dataset import DATASETS, Dataset, make_dataset, pixel_names
from core.datasets.locations import atomic_file, data_folder
from core.datasets.mnist import IMAGE_SHAPE, PIXEL_MAX, SOURCES

FILE_NAME = "my_digits.npz"


def user_digits_path(folder=None) -> Path:
    return Path(folder if folder is not None else data_folder()) / FILE_NAME


def load_user_digits(folder=None) -> tuple[np.ndarray, np.ndarray]:
    """(images uint8 N × 28 × 28, labels int64 N); empty arrays when nothing was saved yet."""
    path = user_digits_path(folder)
    if not path.exists():
        return np.zeros((0, *IMAGE_SHAPE), np.uint8), np.zeros(0, np.int64)
    try:
        with np.load(path, allow_pickle=False) as stored:
            images, labels = stored["images"], stored["labels"]
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise ValueError(f"{path}: not a readable file of drawn digits ({error})") from None
    if images.dtype != np.uint8 or images.shape[1:] != IMAGE_SHAPE or labels.shape != (len(images),) \
            or labels.dtype != np.int64 or (len(labels) and not 0 <= labels.min() <= labels.max() <= 9):
        raise ValueError(f"{path}: expected uint8 images of 28 × 28 and int64 labels 0–9, got "
                         f"{images.dtype} {images.shape} and {labels.dtype} {labels.shape}")
    return images, labels


def add_user_digit(image28, label, folder=None) -> int:
    """Save one drawn digit with its label; returns how many digits are saved now.

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
    return len(labels)


@DATASETS.register("my_digits")
def load_my_digits(folder=None, *, scaling: str = "unit", **split_options) -> Dataset:
    """The digits you drew, in MNIST's format (28 × 28, ten classes) so MNIST models fit them.

    Options: validation_split, test_split, seed, max_train, scaling (see core.datasets.dataset).
    """
    images, labels = load_user_digits(folder)
    if len(labels) == 0:
        raise ValueError(f"no drawn digits saved yet (looked in {user_digits_path(folder)}): draw digits "
                         f"on the canvas and save each with its label")
    return make_dataset("my_digits", "multiclass", images.reshape(len(images), -1), labels,
                        class_names=SOURCES["mnist"].class_names, image_shape=IMAGE_SHAPE, pixel_max=PIXEL_MAX,
                        feature_names=pixel_names(IMAGE_SHAPE), scaling=scaling, **split_options)
