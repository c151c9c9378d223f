"""core.label_layout: labels along links take the first free place and never cover each other."""
import itertools

import numpy as np

from core.label_layout import LINK_LABEL_FRACTIONS, labels_along_links, overlap


def boxes_of(centres, size):
    half = np.asarray(size) / 2
    return np.column_stack([centres - half, centres + half])


def test_boxes_that_only_touch_do_not_overlap():
    box = np.array([0.0, 0.0, 1.0, 1.0])
    others = np.array([[1.0, 0.0, 2.0, 1.0], [0.5, 0.5, 1.5, 1.5], [0.0, 1.0, 1.0, 2.0], [2.0, 2.0, 3.0, 3.0]])
    assert overlap(box, others).tolist() == [False, True, False, False]


def test_a_label_stands_at_the_first_fraction_that_is_free():
    starts, ends = np.array([[0.0, 0.0], [0.0, 0.1]]), np.array([[1.0, 0.0], [1.0, 0.1]])
    centres = labels_along_links(starts, ends, (0.2, 0.2), np.zeros((0, 4)))
    first, second = LINK_LABEL_FRACTIONS[:2]
    np.testing.assert_allclose(centres, [[first, 0.0], [second, 0.1]])


def test_a_label_avoids_the_obstacles_and_is_left_out_where_nothing_is_free():
    starts, ends = np.array([[0.0, 0.0], [0.0, 5.0]]), np.array([[1.0, 0.0], [1.0, 5.0]])
    obstacles = np.array([[0.25, -1.0, 0.35, 1.0],  # over 0.3 of the first link
                          [-1.0, 4.0, 2.0, 6.0]])  # over all of the second
    centres = labels_along_links(starts, ends, (0.05, 0.1), obstacles)
    np.testing.assert_allclose(centres[0], [LINK_LABEL_FRACTIONS[1], 0.0])
    assert np.isnan(centres[1]).all()


def test_no_two_labels_of_any_small_network_overlap():
    """Every architecture of up to 4 layers of up to 5 units, labels about 45 × 18 pixels of a 640 × 480 plot."""
    size = (0.2, 0.08)
    for widths in itertools.chain.from_iterable(itertools.product(range(1, 6), repeat=depth) for depth in (3, 4)):
        ys = [np.linspace(-1, 1, width) for width in widths]
        links = [((layer, ys[layer][i]), (layer + 1, ys[layer + 1][j])) for layer in range(len(widths) - 1)
                 for i in range(widths[layer]) for j in range(widths[layer + 1])]
        starts, ends = (np.array(points, dtype=float) for points in zip(*links))
        centres = labels_along_links(starts, ends, size, np.zeros((0, 4)))
        placed = boxes_of(centres[~np.isnan(centres[:, 0])], size)
        for index, box in enumerate(placed):
            assert not overlap(box, placed[index + 1:]).any(), widths
        along = (centres - starts)[:, 0] / (ends - starts)[:, 0]
        assert np.all(np.isin(along[~np.isnan(along)].round(9), LINK_LABEL_FRACTIONS)), widths
