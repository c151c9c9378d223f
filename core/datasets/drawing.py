"""Turning a digit drawn on the canvas into exactly the kind of image a network was trained on.

A network trained on MNIST has only seen MNIST's conventions, so a drawing gets the same ones:

* **MNIST** (LeCun et al.): the ink is cropped to its bounding box and scaled, keeping the aspect
  ratio, so that the longer side is 20 pixels; anti-aliasing gives grey edges; the result is
  placed in a 28 × 28 field so that its centre of mass falls on pixel (14, 14) — where MNIST's
  digits have it on average (measured: 13.99, 14.01). The shift is sub-pixel (to 1/4 pixel),
  and it is reduced where it would push ink out of the field (never clipping). The stroke is
  redrawn 2.5 pixels wide however thin or thick the brush and however large or small the
  drawing: MNIST test digits redrawn this way hold as much ink as the originals (within 3 %).
* **Fashion-MNIST** (Xiao et al.): garments are shapes that fill the 28 × 28 field, so the drawing's
  longer side is scaled to 26 pixels, its bounding box centred, and what its strokes enclose is
  filled in: an outline becomes the garment's silhouette. A gap of up to two output pixels in the
  outline counts as closed: the screen's brush, thicker than the 1-pixel pen, hides such gaps, and an
  outline that looked closed was left hollow.
* **8 × 8 digits** (UCI optdigits): the digit is scaled so the longer side fills a 32 × 32 bitmap,
  centred; the bitmap is cut into 4 × 4 blocks and each of the 64 features counts the ink pixels
  of its block (0–16). A 5-pixel pen gives about the ink of scikit-learn's digits (mean 0.31 of 16).

Everything happens on a working grid ``fine`` times finer than the output: strokes are rendered
there with a round pen of the normalised width; a raster is shrunk there, its stroke width
measured (width ≈ 8·area / (π·edge length), Cauchy–Crofton: a stroke of width w and length L has
area w·L and, averaged over directions, 4/π · 2L pixel edges) and thinned or thickened to the
normalised width. Averaging fine × fine blocks then gives the anti-aliased output.

:class:`DrawingPreprocessor` gives the same rows for a drawing that grows while the pen moves,
stamping only the new segments' disks as long as the drawing's scale and position stay the same.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.datasets.imageops import block_sum, box_resample, centre_of_mass, dilate, erode, ink_bounds

INK_THRESHOLD = 0.5
MARGIN = 2  # fine pixels of empty border around the rendered digit


@dataclass(frozen=True)
class DigitFormat:
    """How a data set's digits are drawn: field size, box for the longer side, pen width (output pixels)."""

    size: int
    box: float
    pen: float
    centre_of_mass: bool  # True: centre of mass at `centre`; False: bounding box centred
    centre: float
    block: int  # >1: count ink pixels of block × block bitmap cells (optdigits)
    pixel_max: int
    fine: int  # sub-pixels per output pixel of the working grid
    filled: bool = False  # True: what the strokes enclose is ink too (a garment's outline becomes its shape)
    closed_gap: int = 0  # with filled: gaps in the outline up to twice this many fine pixels count as closed


# centre 14.5 in continuous coordinates is the centre of pixel 14.
MNIST = DigitFormat(size=28, box=20.0, pen=2.5, centre_of_mass=True, centre=14.5, block=1, pixel_max=255, fine=4)
# A binary bitmap needs no grey levels, so a coarser working grid will do.
OPTDIGITS = DigitFormat(size=32, box=32.0, pen=5.0, centre_of_mass=False, centre=16.0, block=4, pixel_max=16,
                        fine=2)
# Fashion-MNIST's garments fill the field (a trouser spans rows 1-25) as shapes, not strokes.
FASHION = DigitFormat(size=28, box=26.0, pen=1.0, centre_of_mass=False, centre=14.0, block=1, pixel_max=255, fine=4,
                      filled=True, closed_gap=4)
FORMATS = {"mnist": MNIST, "digits": OPTDIGITS, "fashion": FASHION}


def preprocess_drawing(drawing, target: str = "mnist", *, canvas_size=None, scaler=None,
                       min_extent: float = 0.04) -> np.ndarray | None:
    """The drawing as one input row of the ``target`` data set ("mnist", "fashion" or "digits"), or None.

    ``drawing`` is either a raster — a 2-D float array (H, W) in [0, 1], 1 = ink — or the strokes:
    a list of (k, 2) arrays of (x, y) canvas points, with ``canvas_size`` = (width, height).
    Returns (784,) for "mnist" and "fashion", (64,) for "digits", float32 scaled like the data set's default
    ("unit": [0, 1]); with ``scaler`` (a Dataset's) the raw pixel values are scaled by it instead.
    Returns None for an empty or near-empty drawing (ink extent below ``min_extent`` of the
    canvas's longer side): nothing to classify.
    """
    digit = _digit_format(target)
    if isinstance(drawing, np.ndarray):
        mask = _mask_from_raster(drawing, digit, min_extent)
    else:
        lines = _stroke_lines(drawing, canvas_size)
        layout = _StrokeLayout.fit(lines, canvas_size, digit, min_extent)
        mask = None if layout is None else layout.render(lines).mask
    if mask is None:
        return None
    row = _input_row(mask, digit)
    return row if scaler is None else scale_drawing(row, target, scaler)


def scale_drawing(row: np.ndarray, target: str, scaler) -> np.ndarray:
    """A unit-scaled row of :func:`preprocess_drawing` scaled instead by ``scaler`` (a Dataset's),
    which was fitted on the data set's raw pixel values (0 … 255 for MNIST, 0 … 16 for the digits)."""
    return scaler.transform(row[None, :] * _digit_format(target).pixel_max)[0]


class DrawingPreprocessor:
    """:func:`preprocess_drawing` of strokes, for a drawing that grows while the pen moves.

    ``preprocessor(strokes)`` returns exactly ``preprocess_drawing(strokes, target,
    canvas_size=canvas_size, min_extent=min_extent)``. It keeps the fine-grid rendering of the last
    call: when the strokes have only gained points at their ends (or new strokes were added) and
    their bounding box is unchanged — so the scale and position of the rendering are too — only the
    new segments' disks are stamped onto it, the same disks a full rendering would stamp. Otherwise
    (the pen left the box, a stroke was undone) it renders everything again.
    """

    def __init__(self, target: str = "mnist", canvas_size=(1.0, 1.0), min_extent: float = 0.04):
        self.target = target
        self.digit = _digit_format(target)
        if self.digit.filled:
            _hole_filler()  # now, as the model is chosen: not at the first stroke
        self.canvas_size, self.min_extent = canvas_size, min_extent
        self._lines: list[np.ndarray] = []
        self._layout: _StrokeLayout | None = None
        self._canvas: _PenCanvas | None = None

    def __call__(self, strokes) -> np.ndarray | None:
        lines = _stroke_lines(strokes, self.canvas_size)
        layout = _StrokeLayout.fit(lines, self.canvas_size, self.digit, self.min_extent)
        if layout is None:
            self._lines, self._layout, self._canvas = [], None, None
            return None
        if self._canvas is not None and layout.same_placement(self._layout) and self._only_grew(lines):
            new_parts = self._new_parts(lines)
            if new_parts:
                layout.stamp(self._canvas, new_parts)
        else:
            self._canvas = layout.render(lines)
        self._lines, self._layout = lines, layout
        return _input_row(self._canvas.mask, self.digit)

    def _only_grew(self, lines: list[np.ndarray]) -> bool:
        """Whether every stroke rendered last time is still there, its points unchanged at its start."""
        return len(lines) >= len(self._lines) and all(
            len(line) >= len(old) and np.array_equal(line[:len(old)], old) for line, old in zip(lines, self._lines))

    def _new_parts(self, lines: list[np.ndarray]) -> list[np.ndarray]:
        """The polylines not rendered yet: from each stroke's last rendered point on, and new strokes."""
        rendered = [len(old) for old in self._lines] + [0] * (len(lines) - len(self._lines))
        return [line[max(count - 1, 0):] for line, count in zip(lines, rendered) if len(line) > count]


def _digit_format(target: str) -> DigitFormat:
    if target not in FORMATS:
        raise ValueError(f"drawing target {target!r} is not known; choose one of: {', '.join(FORMATS)}")
    return FORMATS[target]


def _input_row(mask: np.ndarray, digit: DigitFormat) -> np.ndarray:
    """The fine-grid mask placed in the data set's field, as a unit-scaled float32 row."""
    if digit.filled:
        mask = _filled(mask, digit.closed_gap)
    image = _place(mask, digit)
    if digit.block > 1:
        bitmap = image >= INK_THRESHOLD
        side = digit.size // digit.block
        image = bitmap.reshape(side, digit.block, side, digit.block).sum(axis=(1, 3)) / digit.pixel_max
    return image.astype(np.float32).reshape(-1)


def _filled(mask: np.ndarray, closed_gap: int) -> np.ndarray:
    """The mask with every region the ink encloses (unreachable from the border without crossing ink) inked,
    gaps in the ink up to 2·``closed_gap`` pixels wide counting as closed: a morphological closing
    (dilate by r, fill, erode by r) on a border of r pixels, so that the erosion has room on every side."""
    ink = np.pad(mask > 0, closed_gap)
    enclosed = erode(_hole_filler()(dilate(ink, closed_gap)), closed_gap)
    if closed_gap:
        enclosed = enclosed[closed_gap:-closed_gap, closed_gap:-closed_gap]
    return np.maximum(mask, enclosed.astype(mask.dtype))


def _hole_filler():
    """SciPy's ``binary_fill_holes``, imported when a filled format is first used: its import takes
    0.2 s, which neither the app's start nor the first stroke of a drawing should wait for."""
    from scipy.ndimage import binary_fill_holes

    return binary_fill_holes


def _fine_side(digit: DigitFormat) -> int:
    return math.ceil(digit.box * digit.fine) + 2 * MARGIN


def _stroke_lines(strokes, canvas_size) -> list[np.ndarray]:
    """The non-empty strokes as (k, 2) float64 arrays of canvas points (ValueError for a bad canvas size)."""
    if canvas_size is None or len(canvas_size) != 2 or min(canvas_size) <= 0:
        raise ValueError(f"strokes need canvas_size=(width, height) with positive sides, got {canvas_size!r}")
    lines = [np.asarray(stroke, dtype=np.float64).reshape(-1, 2) if len(stroke) else np.zeros((0, 2))
             for stroke in strokes]
    return [line for line in lines if len(line)]


@dataclass(frozen=True)
class _StrokeLayout:
    """Where the strokes' centre lines go on the fine grid: the longer side (pen included) = box.

    A canvas point p lands at (p − low)·scale + offset, with the strokes' bounding box [low, high]
    centred in the fine grid.
    """

    digit: DigitFormat
    low: np.ndarray
    high: np.ndarray

    @classmethod
    def fit(cls, lines: list[np.ndarray], canvas_size, digit: DigitFormat, min_extent: float):
        """The layout of the strokes, or None when their extent is below ``min_extent`` of the canvas;
        ValueError for a point that is not a finite number."""
        if not lines:
            return None
        points = np.concatenate(lines)
        if not np.isfinite(points).all():
            raise ValueError("stroke points must be finite numbers")
        low, high = points.min(axis=0), points.max(axis=0)
        extent = float((high - low).max())
        if extent == 0 or extent < min_extent * max(canvas_size):
            return None
        return cls(digit, low, high)

    def same_placement(self, other: "_StrokeLayout | None") -> bool:
        return other is not None and other.digit == self.digit and np.array_equal(other.low, self.low) \
            and np.array_equal(other.high, self.high)

    def render(self, lines: list[np.ndarray]) -> "_PenCanvas":
        """A fresh fine-grid canvas with every stroke drawn."""
        canvas = _PenCanvas(_fine_side(self.digit), self.digit.pen * self.digit.fine / 2)
        self.stamp(canvas, lines)
        return canvas

    def stamp(self, canvas: "_PenCanvas", lines: list[np.ndarray]) -> None:
        """Draw the polylines (canvas points) onto ``canvas`` as disks along their centre lines."""
        pen = self.digit.pen * self.digit.fine
        extent = float((self.high - self.low).max())
        scale = (self.digit.box * self.digit.fine - pen) / extent
        offset = (canvas.side - (self.high - self.low) * scale) / 2  # centres the centre-line box
        # Disks of radius r spaced r/4 apart leave edge ripples of r − √(r² − r²/64) < 0.01·r.
        spacing = max(1.0, pen / 8)
        canvas.stamp(np.concatenate([_densify((line - self.low) * scale + offset, spacing) for line in lines]))


def _densify(line: np.ndarray, spacing: float) -> np.ndarray:
    """Points along the polyline no more than ``spacing`` apart (fine pixels), ends included."""
    if len(line) == 1:
        return line
    segments = np.diff(line, axis=0)
    counts = np.maximum(1, np.ceil(np.hypot(*segments.T) / spacing)).astype(int)
    starts = np.repeat(line[:-1], counts, axis=0)
    fractions = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    steps = np.repeat(segments / counts[:, None], counts, axis=0)
    return np.concatenate([starts + fractions[:, None] * steps, line[-1:]])


class _PenCanvas:
    """The fine grid the strokes are drawn on, as disks of ``radius`` (fine pixels) stamped at points.

    A disk around (x, y) inks the pixels whose centre lies within the radius:
    (c + ½ − x)² + (r + ½ − y)² ≤ radius².
    Each point tests the (2·reach + 1)² pixels around its own; the grid has a border of ``reach``
    pixels, so that no test needs a bounds check ( :class:`_StrokeLayout` keeps the strokes a pen's
    width and a margin inside the visible ``side`` × ``side`` grid anyway).
    """

    def __init__(self, side: int, radius: float):
        self.side, self.radius = side, radius
        self.reach = math.ceil(radius) + 1
        width = side + 2 * self.reach
        self._ink = np.zeros((width, width), np.float32)
        self._offsets = np.arange(-self.reach, self.reach + 1)
        # Flat-index steps from a point's pixel to each tested pixel (rows, then columns).
        self._stencil = self._offsets[:, None] * width + self._offsets[None, :]

    @property
    def mask(self) -> np.ndarray:
        """The visible (side, side) grid: 1 for ink, 0 for paper (a view; later stamps show in it)."""
        return self._ink[self.reach:-self.reach, self.reach:-self.reach]

    def stamp(self, points: np.ndarray) -> None:
        """Ink the disks around the (x, y) ``points`` (shape (P, 2), fine-grid coordinates)."""
        cols = np.floor(points[:, 0]).astype(np.intp)
        rows = np.floor(points[:, 1]).astype(np.intp)
        dx2 = (cols[:, None] + self._offsets + 0.5 - points[:, :1]) ** 2
        dy2 = (rows[:, None] + self._offsets + 0.5 - points[:, 1:]) ** 2
        inside = dy2[:, :, None] + dx2[:, None, :] <= self.radius * self.radius
        centres = (rows + self.reach) * self._ink.shape[1] + cols + self.reach
        self._ink.ravel()[(centres[:, None, None] + self._stencil)[inside]] = 1.0


def _mask_from_raster(raster: np.ndarray, digit: DigitFormat, min_extent: float):
    """Shrink the inked part onto the fine grid and bring its stroke width to the pen's."""
    if raster.ndim != 2 or raster.dtype.kind not in "fb":
        raise ValueError(f"a drawing raster must be a 2-D float array in [0, 1], got {raster.dtype} "
                         f"of shape {raster.shape}")
    raster = raster.astype(np.float32, copy=False)
    if not np.isfinite(raster).all() or raster.min() < 0 or raster.max() > 1:
        raise ValueError(f"a drawing raster's values must lie in [0, 1], got {raster.min()} … {raster.max()}")
    ink = raster >= INK_THRESHOLD
    bounds = ink_bounds(ink)
    if bounds is None:
        return None
    top, bottom, left, right = bounds
    extent = max(bottom - top, right - left)
    if extent < min_extent * max(raster.shape):
        return None
    crop, crop_ink = raster[top:bottom, left:right], ink[top:bottom, left:right]
    width = _stroke_width(crop_ink)
    pen = digit.pen * digit.fine
    scale = (digit.box * digit.fine - pen) / max(extent - width, 1.0)
    side = _fine_side(digit)
    # `step` crop pixels make one fine pixel. Whole blocks of them are summed first: the running-sum
    # resampling is slow on a large crop, block sums are cheap.
    step, block = 1 / scale, max(1, int(1 / scale))
    if block > 1:
        crop, step = block_sum(crop, block) / (block * block), step / block
    start_row = -(side - crop.shape[0] / step) / 2 * step
    start_col = -(side - crop.shape[1] / step) / 2 * step
    shrunk = box_resample(box_resample(crop, 0, side, start_row, step), 1, side, start_col, step)
    # A brush thinner than a fine pixel only partly covers one; it must not vanish.
    mask = (shrunk >= INK_THRESHOLD * min(1.0, width * scale)).astype(np.float32)
    change = round((pen - width * scale) / 2)
    if change > 0:
        return dilate(mask, change)
    thinned = erode(mask, -change)
    return thinned if thinned.any() else mask


def _stroke_width(ink: np.ndarray) -> float:
    """Mean stroke width in pixels ≈ 8·area / (π·edges) (see the module docstring)."""
    padded = np.pad(ink, 1)
    edges = np.count_nonzero(padded[1:, :] != padded[:-1, :]) + np.count_nonzero(padded[:, 1:] != padded[:, :-1])
    return 8 * np.count_nonzero(ink) / (math.pi * edges)


def _place(mask: np.ndarray, digit: DigitFormat) -> np.ndarray:
    """Average fine × fine blocks into the (size, size) field, centred as ``digit`` says, never clipping.

    The mask is pasted at a whole number of fine pixels, so the centring is exact to 1/fine of
    an output pixel.
    """
    fine, field = digit.fine, digit.size * digit.fine
    top, bottom, left, right = ink_bounds(mask > 0)
    if digit.centre_of_mass:
        centre_row, centre_col = centre_of_mass(mask)
    else:
        centre_row, centre_col = (top + bottom) / 2, (left + right) / 2
    # A box as large as the field (8×8 digits) can overshoot by the rounding of the stroke width.
    top, bottom = _trim(top, bottom, field)
    left, right = _trim(left, right, field)
    # Where the mask's row/column 0 lands in the field; the clamp keeps all ink inside the field.
    row = min(max(round(digit.centre * fine - centre_row), -top), field - bottom)
    col = min(max(round(digit.centre * fine - centre_col), -left), field - right)
    canvas = np.zeros((field, field), np.float32)
    canvas[row + top:row + bottom, col + left:col + right] = mask[top:bottom, left:right]
    return block_sum(canvas, fine) / (fine * fine)


def _trim(low: int, high: int, field: int) -> tuple[int, int]:
    """The central ``field`` pixels of [low, high) if it is longer than that."""
    excess = high - low - field
    if excess > 0:
        low += excess // 2
        high = low + field
    return low, high
