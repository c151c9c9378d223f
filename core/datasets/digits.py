"""scikit-learn's 8×8 handwritten digits — the lectures' digit task, embedded (never downloaded).

1,797 images of 8 × 8 pixels in ten classes. Each pixel counts the ink in a 4 × 4 block of a
32 × 32 bitmap (the UCI optdigits preprocessing), so its values are whole numbers 0–16 and the
"unit" scaling divides by 16.
"""
from __future__ import annotations


from core.datasets.dataset import DATASETS, Dataset, make_dataset, pixel_names

IMAGE_SHAPE = (8, 8)
PIXEL_MAX = 16


@DATASETS.register("digits")
def load_digits(*, scaling: str = "unit", **split_options) -> Dataset:
    """The 8×8 digits. Options: validation_split, test_split, seed, max_train, scaling."""
    import sklearn.datasets  # imported when used: it takes seconds
    bunch = sklearn.datasets.load_digits()
    return make_dataset("digits", "multiclass", bunch.data, bunch.target,
                        class_names=tuple(str(digit) for digit in bunch.target_names),
                        feature_names=pixel_names(IMAGE_SHAPE), image_shape=IMAGE_SHAPE,
                        pixel_max=PIXEL_MAX, scaling=scaling, **split_options)
