"""How long turning a drawing into a network input takes — it runs on every mouse move.

    python -m bench.bench_drawing [--repeats 200]

Times :func:`core.datasets.drawing.preprocess_drawing` for a digit given as strokes (about a
hundred points in a unit canvas) and as a canvas raster (280 × 280 and 560 × 560, a thick brush),
for both the MNIST and the 8×8 format, and :class:`~core.datasets.drawing.DrawingPreprocessor`
(the Draw view's case) following the same strokes as they are drawn, one more point per call.
The bar is a median of at most :data:`LIMIT_MS` per call. Also reports what image augmentation costs per training batch
(:class:`core.datasets.augment.Augmenter`, 128 images of 28 × 28), for comparison with a
training step. Exits with status 1 if the bar is missed.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time

import numpy as np

from core.datasets.augment import Augmenter
from core.datasets.drawing import FORMATS, DrawingPreprocessor, preprocess_drawing

LIMIT_MS = 2.0


def digit_strokes(n_points: int = 100) -> list[np.ndarray]:
    """A '2' in a unit canvas: an arc, a diagonal and a base line."""
    t = np.linspace(np.pi, 2.2 * np.pi, n_points // 2)
    arc = np.column_stack([0.5 - 0.22 * np.cos(t), 0.32 + 0.16 * np.sin(t)])
    diagonal = np.linspace(arc[-1], [0.25, 0.82], n_points // 4)
    base = np.linspace([0.25, 0.82], [0.78, 0.82], n_points // 4)
    return [np.concatenate([arc, diagonal, base])]


def raster_of(strokes, side: int, brush: float) -> np.ndarray:
    """The strokes painted with a round brush on a side × side canvas."""
    ys, xs = np.mgrid[:side, :side] + 0.5
    raster = np.zeros((side, side), np.float32)
    for point in np.concatenate(strokes) * side:
        raster[np.hypot(xs - point[0], ys - point[1]) <= brush / 2] = 1
    return raster


def median_ms(call, repeats: int) -> float:
    call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    repeats = parser.parse_args(argv).repeats
    strokes = digit_strokes()
    cases = {"strokes, unit canvas": (strokes, dict(canvas_size=(1.0, 1.0))),
             "raster 280 × 280, 18-px brush": (raster_of(strokes, 280, 18), {}),
             "raster 560 × 560, 40-px brush": (raster_of(strokes, 560, 40), {})}
    missed = False
    for name, (drawing, options) in cases.items():
        for target in FORMATS:
            ms = median_ms(lambda: preprocess_drawing(drawing, target, **options), repeats)
            missed |= ms > LIMIT_MS
            print(f"{name:32s} → {target:6s}: {ms:6.3f} ms per call (bar {LIMIT_MS} ms)")
    stroke = strokes[0]
    for target in FORMATS:
        preprocessor, drawn = DrawingPreprocessor(target), [1]

        def one_more_point():
            drawn[0] = drawn[0] % len(stroke) + 1
            preprocessor([stroke[:drawn[0]]])
        ms = median_ms(one_more_point, repeats)
        missed |= ms > LIMIT_MS
        print(f"{'pen moving, one point per call':32s} → {target:6s}: {ms:6.3f} ms per call (bar {LIMIT_MS} ms)")
    batch = np.random.default_rng(0).random((128, 784), dtype=np.float32)
    augmenters = {"shift": dict(shift=2.0), "all five": dict(shift=2.0, rotation=10.0, scale=0.1, thickness=0.5,
                                                             noise=0.05)}
    for name, options in augmenters.items():
        augment = Augmenter((28, 28), **options)
        milliseconds = median_ms(lambda: augment(batch), max(repeats // 10, 5))
        print(f"augmentation ({name}), batch of 128: {milliseconds:6.2f} ms")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
