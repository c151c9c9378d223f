"""MNIST digits turned back into pen strokes, to replay real handwriting on the drawing canvas.

A digit image is enlarged (cubic spline, ×UPSAMPLE), thresholded, thinned to a one-pixel skeleton
(Zhang & Suen 1984) and the skeleton is walked into polylines, starting from line ends. The
strokes are in MNIST pixel units (0 … 28, x to the right, y down).
"""
from __future__ import annotations

import numpy as np
from scipy import ndimage

UPSAMPLE = 4
THRESHOLD = 0.4
POINT_SPACING = 4  # skeleton pixels between two stroke points
MIN_STROKE = 6  # skeleton pixels: shorter walks are thinning spurs, not strokes

# The 8 neighbours P2 … P9 of Zhang & Suen, clockwise from north, as (row, col) offsets.
NEIGHBOURS = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))


def skeleton(image: np.ndarray) -> np.ndarray:
    """The one-pixel-wide skeleton (bool, 28·UPSAMPLE square) of a 28 × 28 uint8 digit."""
    large = ndimage.zoom(image.astype(np.float64) / 255, UPSAMPLE, order=3)
    pixels = np.pad(large > THRESHOLD, 1)
    while True:
        changed = False
        for step in (0, 1):
            around = [np.roll(pixels, (-dr, -dc), axis=(0, 1)) for dr, dc in NEIGHBOURS]
            count = sum(p.astype(int) for p in around)
            transitions = sum((~around[i] & around[(i + 1) % 8]).astype(int) for i in range(8))
            p2, p4, p6, p8 = around[0], around[2], around[4], around[6]
            if step == 0:
                blocked = ~(p2 & p4 & p6) & ~(p4 & p6 & p8)
            else:
                blocked = ~(p2 & p4 & p8) & ~(p2 & p6 & p8)
            remove = pixels & (count >= 2) & (count <= 6) & (transitions == 1) & blocked
            if remove.any():
                pixels &= ~remove
                changed = True
        if not changed:
            return pixels[1:-1, 1:-1]


def trace(pixels: np.ndarray) -> list[np.ndarray]:
    """Walk the skeleton into polylines of (x, y) points in MNIST pixel units."""
    remaining = {(int(r), int(c)) for r, c in zip(*np.nonzero(pixels))}
    strokes = []
    while remaining:
        degree = {p: sum((p[0] + dr, p[1] + dc) in remaining for dr, dc in NEIGHBOURS) for p in remaining}
        current = min(remaining, key=lambda p: (degree[p], p))  # a line end, or any pixel of a loop
        path, direction = [current], (0, 0)
        remaining.discard(current)
        while True:
            options = [(current[0] + dr, current[1] + dc) for dr, dc in NEIGHBOURS
                       if (current[0] + dr, current[1] + dc) in remaining]
            if not options:
                break
            # Prefer going straight on, then edge neighbours over diagonal ones.
            nxt = max(options, key=lambda p: ((p[0] - current[0]) * direction[0] + (p[1] - current[1]) * direction[1],
                                              -abs(p[0] - current[0]) - abs(p[1] - current[1])))
            direction = (nxt[0] - current[0], nxt[1] - current[1])
            remaining.discard(nxt)
            path.append(nxt)
            current = nxt
        if len(path) >= MIN_STROKE:
            points = np.array(path[::POINT_SPACING] + [path[-1]], dtype=np.float64)
            strokes.append((points[:, ::-1] + 0.5) / UPSAMPLE)
    return strokes


def digit_strokes(image: np.ndarray) -> list[np.ndarray]:
    """The pen strokes of a 28 × 28 uint8 MNIST digit, in MNIST pixel units."""
    return trace(skeleton(image))


def place(strokes: list[np.ndarray], side: float, *, height: float, centre=(0.5, 0.5), slant: float = 0.0):
    """Strokes moved onto a canvas of ``side`` pixels: the digit ``height`` × side tall, its box
    centred at ``centre`` (fractions of the side), sheared by ``slant`` (x += slant · (centre_y − y))."""
    points = np.concatenate(strokes)
    low, high = points.min(axis=0), points.max(axis=0)
    middle = (low + high) / 2
    scale = height * side / max(high[1] - low[1], 1.0)
    placed = []
    for stroke in strokes:
        xy = (stroke - middle) * scale
        xy[:, 0] += slant * -xy[:, 1]
        placed.append(xy + np.array(centre) * side)
    return placed
