"""Random distortions of image batches that keep the label: more varied training data for free.

Each image of a batch gets its own random draw of every distortion whose strength is non-zero:

* ``thickness`` t ~ U(−thickness, +thickness), thickness ≤ 1: the strokes get bolder or thinner,
  x ← x + t·(dilate(x) − x) for t > 0 and x ← x + |t|·(erode(x) − x) for t < 0, where dilate and
  erode are 3 × 3 grey maximum / minimum filters (t = ±1 is one full pixel of dilation/erosion);
* one affine map for ``shift`` (pixels, d ~ U(−shift, shift) along each axis), ``rotation``
  (degrees, θ ~ U(−rotation, rotation)) and ``scale`` (zoom factor s ~ U(1 − scale, 1 + scale))
  about the image centre c: the output pixel at p takes the input at
  c + R(−θ)·(p − c − d) / s, interpolated bilinearly; outside the image is ``fill``;
* ``noise``: x ← x + σ·ε with ε ~ N(0, 1) and σ = noise, in the data's units.

All of it is vectorised over the batch (one gather of B × H × W bilinear samples; no Python
loop over images). ``fill`` is the value of an empty pixel in the data's scaling (0 for "unit").
"""
from __future__ import annotations


import numpy as np

from core._checks import check_number
from core.datasets.imageops import dilate, erode

CHUNK = 32
MAX_SHIFT = 100.0
"""Pixels: more than any image of the workbench is wide."""
MAX_NOISE = 100.0
"""Standard deviation of the added noise: a hundred times the range of images scaled to [0, 1]."""


class Augmenter:
    """``augmenter(X_batch) -> X_aug``: a new array of X_batch's shape and dtype, randomly distorted."""

    def __init__(self, image_shape, *, shift: float = 0.0, rotation: float = 0.0, scale: float = 0.0,
                 thickness: float = 0.0, noise: float = 0.0, fill: float = 0.0, rng=0):
        if len(image_shape) != 2 or min(image_shape) < 1:
            raise ValueError(f"augmentation needs a 2-D image shape (height, width), got {image_shape!r}")
        self.image_shape = (int(image_shape[0]), int(image_shape[1]))
        # Bounds far beyond use (a shift past the image leaves nothing of it), so that every value
        # allowed can be drawn: a shift of 1e308 pixels overflowed the random draw.
        self.shift = check_number("augmentation shift (pixels)", shift, low=0.0, high=MAX_SHIFT)
        self.rotation = check_number("augmentation rotation (degrees)", rotation, low=0.0, high=180.0)
        self.scale = check_number("augmentation scale", scale, low=0.0, high=1.0, high_open=True)
        self.thickness = check_number("augmentation thickness", thickness, low=0.0, high=1.0)
        self.noise = check_number("augmentation noise", noise, low=0.0, high=MAX_NOISE)
        self.fill = check_number("augmentation fill", fill)
        self.rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)

    @property
    def hyperparameters(self) -> dict:
        return dict(shift=self.shift, rotation=self.rotation, scale=self.scale, thickness=self.thickness,
                    noise=self.noise, fill=self.fill)

    def __call__(self, X_batch: np.ndarray, rng: np.random.Generator | None = None) -> np.ndarray:
        rng = rng if rng is not None else self.rng
        X_batch = np.asarray(X_batch)
        height, width = self.image_shape
        if X_batch.dtype not in (np.float32, np.float64) or X_batch.ndim not in (2, 3) \
                or X_batch.shape[1:] not in ((height * width,), (height, width)):
            raise ValueError(f"augmentation of {height}×{width} images needs a float batch of shape "
                             f"(B, {height * width}) or (B, {height}, {width}), got {X_batch.dtype} {X_batch.shape}")
        images = X_batch.reshape(-1, height, width)
        n = len(images)
        thickness = rng.uniform(-self.thickness, self.thickness, n) if self.thickness else None
        warp = self.shift or self.rotation or self.scale
        if warp:
            shift = rng.uniform(-self.shift, self.shift, (n, 2))
            angle = np.radians(rng.uniform(-self.rotation, self.rotation, n))
            zoom = rng.uniform(1 - self.scale, 1 + self.scale, n)
        out = np.empty_like(images)
        # Chunks of images small enough for their temporaries to stay in the CPU cache: three
        # times faster than the whole batch at once.
        for start in range(0, n, CHUNK):
            part = slice(start, start + CHUNK)
            chunk = images[part]
            if thickness is not None:
                chunk = self._thicken(chunk, thickness[part])
            if warp:
                chunk = self._warp(chunk, shift[part], angle[part], zoom[part])
            out[part] = chunk
        if self.noise:
            out += self.noise * rng.standard_normal(out.shape, dtype=out.dtype)
        return out.reshape(X_batch.shape)

    def _thicken(self, images, amount):
        """x + t·(dilate(x) − x) for t > 0, x + |t|·(erode(x) − x) for t < 0 (t per image)."""
        amount = amount.astype(images.dtype)[:, None, None]
        towards = np.where(amount > 0, dilate(images, 1, self.fill), erode(images, 1, self.fill))
        return images + np.abs(amount) * (towards - images)

    def _warp(self, images, shift, angle, zoom):
        """Bilinear resampling of each image at c + R(−θ)·(p − c − d)/s (see the module docstring)."""
        n, height, width = images.shape
        centre = np.array([(height - 1) / 2, (width - 1) / 2])
        cos, sin = np.cos(angle) / zoom, np.sin(angle) / zoom
        # R(−θ) = [[cos θ, sin θ], [−sin θ, cos θ]] acting on (column, row); written out per axis:
        # source_col = c_col + cos·(col − c_col − d_col) + sin·(row − c_row − d_row)
        # source_row = c_row − sin·(col − c_col − d_col) + cos·(row − c_row − d_row)
        dr = (np.arange(height) - centre[0] - shift[:, 0, None])[:, :, None]  # (n, height, 1)
        dc = (np.arange(width) - centre[1] - shift[:, 1, None])[:, None, :]  # (n, 1, width)
        cos, sin = cos[:, None, None], sin[:, None, None]
        source_col = (centre[1] + cos * dc).astype(np.float32) + (sin * dr).astype(np.float32)
        source_row = (centre[0] - sin * dc).astype(np.float32) + (cos * dr).astype(np.float32)
        return _bilinear(images, source_row, source_col, self.fill)

    def preview_grid(self, images, n: int = 8, rng: np.random.Generator | None = None) -> np.ndarray:
        """A 2-D mosaic: one row per image of ``images``, the original first, then ``n`` augmented copies.

        Tiles are separated by one pixel of ``fill``. The preview has its own generator (seeded 0
        unless ``rng`` is given), so showing it does not change the training's random numbers.
        """
        n = check_number("preview copies", n, low=1, integer=True)
        height, width = self.image_shape
        originals = np.asarray(images, dtype=np.float32).reshape(-1, height, width)
        rng = rng if rng is not None else np.random.default_rng(0)
        copies = self(np.repeat(originals, n, axis=0), rng).reshape(len(originals), n, height, width)
        tiles = np.concatenate([originals[:, None], copies], axis=1)
        grid = np.full((len(originals) * (height + 1) - 1, (n + 1) * (width + 1) - 1), self.fill, np.float32)
        for row, tile_row in enumerate(tiles):
            for col, tile in enumerate(tile_row):
                grid[row * (height + 1):row * (height + 1) + height, col * (width + 1):col * (width + 1) + width] = tile
        return grid


def _bilinear(images: np.ndarray, rows: np.ndarray, cols: np.ndarray, fill: float) -> np.ndarray:
    """images[b] sampled at (rows[b], cols[b]) (pixel-centre coordinates), ``fill`` outside.

    value = (1−fr)(1−fc)·x[r, c] + (1−fr)fc·x[r, c+1] + fr(1−fc)·x[r+1, c] + fr·fc·x[r+1, c+1]
    with r = ⌊row⌋, fr = row − r (and the same for columns).
    """
    n, height, width = images.shape
    # Pad with `fill` (one pixel before, two after) and clamp coordinates to [−1, size]: a point
    # beyond the border then reads only fill, a point within a pixel of it blends fill in.
    padded = np.pad(images, ((0, 0), (1, 2), (1, 2)), constant_values=fill).reshape(-1)
    rows = np.clip(rows, -1, height)
    cols = np.clip(cols, -1, width)
    row0, col0 = np.floor(rows), np.floor(cols)
    frac_row, frac_col = (rows - row0).astype(images.dtype), (cols - col0).astype(images.dtype)
    stride = width + 3
    base = (np.arange(n) * (height + 3) * stride + stride + 1)[:, None, None]
    top_left = base + row0.astype(np.intp) * stride + col0.astype(np.intp)
    top = padded[top_left]
    top += frac_col * (padded[top_left + 1] - top)
    bottom = padded[top_left + stride]
    bottom += frac_col * (padded[top_left + stride + 1] - bottom)
    top += frac_row * (bottom - top)
    return top
