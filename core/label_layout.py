"""Where the values written along a diagram's links go, so that no label covers another.

The Network view writes each weight of a small network on its link. At one fixed share of the
way along every link, labels of links that leave neighbouring units towards nearby ones land on
top of each other (a 2-4-2 network's h2→o1 and h3→o0); :func:`labels_along_links` moves such a
label along its own link to the first free place, and leaves it out when there is none.
"""
from __future__ import annotations

import numpy as np

#: Shares of the way along a link, from its start, where its label may stand, in order of preference.
#: Not 0.5: links that cross (a unit's two outgoing links to two units swapped) cross there.
LINK_LABEL_FRACTIONS = (0.3, 0.7, 0.2, 0.8, 0.4, 0.6)


def overlap(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Whether ``box`` (x0, y0, x1, y1 with x0 ≤ x1, y0 ≤ y1) overlaps each of ``boxes`` (m, 4);
    boxes that only touch do not overlap."""
    return ((box[0] < boxes[:, 2]) & (boxes[:, 0] < box[2]) &
            (box[1] < boxes[:, 3]) & (boxes[:, 1] < box[3]))


def labels_along_links(starts: np.ndarray, ends: np.ndarray, size: tuple[float, float],
                       obstacles: np.ndarray, fractions=LINK_LABEL_FRACTIONS) -> np.ndarray:
    """Centre of each link's label, link by link (n, 2); NaN for a label that has no free place.

    Link k runs from ``starts[k]`` to ``ends[k]``; its label, a box of ``size`` (width, height)
    centred on start + f·(end − start), takes the first f of ``fractions`` at which it overlaps
    neither one of the ``obstacles`` (m, 4 boxes x0, y0, x1, y1) nor a label placed before it.
    All in the same units; earlier links are served first.
    """
    half = np.asarray(size, dtype=np.float64) / 2
    taken = np.asarray(obstacles, dtype=np.float64).reshape(-1, 4)
    centres = np.full((len(starts), 2), np.nan)
    for index, (start, end) in enumerate(zip(np.asarray(starts, np.float64), np.asarray(ends, np.float64))):
        for fraction in fractions:
            centre = start + fraction * (end - start)
            box = np.concatenate([centre - half, centre + half])
            if not overlap(box, taken).any():
                centres[index] = centre
                taken = np.vstack([taken, box])
                break
    return centres
