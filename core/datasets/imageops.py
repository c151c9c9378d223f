"""Small image operations shared by augmentation and drawn-digit preprocessing (pure NumPy).

Coordinates are continuous: pixel ``i`` covers the interval [i, i + 1), its centre is i + ½.
All functions work on the last two axes, so a whole batch (B, H, W) is processed at once.
"""
from __future__ import annotations

import numpy as np


def box_resample(image: np.ndarray, axis: int, n_out: int, start: float, step: float) -> np.ndarray:
    """Area-average along ``axis``: output i is the mean of the input over [start + i·step, start + (i + 1)·step).

    With the running integral S(t) = ∫₀ᵗ image (exact and piecewise linear for pixels),
    output_i = (S(start + (i + 1)·step) − S(start + i·step)) / step.
    With step > 1 this is anti-aliased shrinking (every input pixel counts by the area it covers),
    with step < 1 enlarging; a fractional ``start`` shifts by a sub-pixel amount. Input outside
    [0, n) counts as 0. (A cumulative sum, not a matrix product: tiny BLAS calls can be slowed
    down a hundredfold by BLAS threads fighting for busy cores.)
    """
    values = np.moveaxis(image, axis, 0)
    n = values.shape[0]
    integral = np.empty((n + 1, *values.shape[1:]), np.float32)
    integral[0] = 0
    np.cumsum(values, axis=0, out=integral[1:])
    edges = np.clip(start + step * np.arange(n_out + 1), 0, n)
    whole = np.floor(edges).astype(np.intp)
    fraction = (edges - whole).astype(np.float32).reshape(-1, *[1] * (values.ndim - 1))
    at_edges = integral[whole]
    at_edges += fraction * values[np.minimum(whole, n - 1)]
    out = at_edges[1:] - at_edges[:-1]
    out *= np.float32(1 / step)
    return np.moveaxis(out, 0, axis)


def block_sum(image: np.ndarray, factor: int) -> np.ndarray:
    """Sums of ``factor`` × ``factor`` blocks of a 2-D image (zero-padded to whole blocks).

    Added up from strided slices: NumPy reduces short inner axes slowly.
    """
    height, width = (-(-side // factor) * factor for side in image.shape)
    if (height, width) != image.shape:
        image = np.pad(image, ((0, height - image.shape[0]), (0, width - image.shape[1])))
    rows = image[0::factor].astype(np.float32)
    for k in range(1, factor):
        rows += image[k::factor]
    out = rows[:, 0::factor].copy()
    for k in range(1, factor):
        out += rows[:, k::factor]
    return out


def dilate(images: np.ndarray, radius: int = 1, fill: float = 0.0) -> np.ndarray:
    """Grey dilation (maximum over a neighbourhood) by ``radius`` pixels.

    ``radius`` steps of a 3 × 3 maximum, alternating a square and a cross, grow a footprint that
    is an octagon — close to a disk, so strokes thicken evenly in every direction.
    Pixels outside the image count as ``fill``.
    """
    for step in range(radius):
        images = _neighbourhood(images, np.maximum, fill, cross=step % 2 == 1)
    return images


def erode(images: np.ndarray, radius: int = 1, fill: float = 0.0) -> np.ndarray:
    """Grey erosion (minimum over the neighbourhood) by ``radius`` pixels; see :func:`dilate`."""
    for step in range(radius):
        images = _neighbourhood(images, np.minimum, fill, cross=step % 2 == 1)
    return images


def _neighbourhood(images, combine, fill, cross):
    """``combine`` (np.maximum or np.minimum) over each pixel's 3 × 3 square, or its 5-pixel cross."""
    height, width = images.shape[-2:]
    padded = np.full((*images.shape[:-2], height + 2, width + 2), fill, dtype=images.dtype)
    padded[..., 1:-1, 1:-1] = images
    # The square is separable: a 3-pixel run along the rows, then along the columns.
    rows = combine(combine(padded[..., :-2, :], padded[..., 1:-1, :]), padded[..., 2:, :])
    if not cross:
        return combine(combine(rows[..., :-2], rows[..., 1:-1]), rows[..., 2:])
    columns = combine(combine(padded[..., 1:-1, :-2], padded[..., 1:-1, 1:-1]), padded[..., 1:-1, 2:])
    return combine(rows[..., 1:-1], columns)


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    """(row, column) of the intensity-weighted mean pixel centre, in continuous coordinates."""
    total = float(image.sum())
    rows = np.arange(image.shape[0]) + 0.5
    cols = np.arange(image.shape[1]) + 0.5
    return float(image.sum(axis=1) @ rows) / total, float(image.sum(axis=0) @ cols) / total


def ink_bounds(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    """(top, bottom, left, right) with bottom/right exclusive of the True pixels, or None if none."""
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if len(rows) == 0:
        return None
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
