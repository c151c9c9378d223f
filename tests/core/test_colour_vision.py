"""Colour differences for normal, protan and deutan viewers, against published values."""
import numpy as np
import pytest

from core import colour_vision


@pytest.mark.parametrize("colour, expected", [
    ("#FFFFFF", (100.0, 0.0, 0.0)), ("#000000", (0.0, 0.0, 0.0)),
    # Bruce Lindbloom's calculator (sRGB, D65): the primaries
    ("#FF0000", (53.24, 80.09, 67.20)), ("#00FF00", (87.73, -86.18, 83.18)), ("#0000FF", (32.30, 79.19, -107.86)),
])
def test_cielab_of_srgb_colours_is_the_published_one(colour, expected):
    assert colour_vision.lab(colour) == pytest.approx(expected, abs=0.02)


def test_machado_s_protan_and_deutan_views_keep_greys_and_make_red_and_green_alike():
    for viewer in ("protanopia", "deuteranopia"):
        for grey in ("#FFFFFF", "#808080", "#202020"):
            assert colour_vision.delta_e(grey, grey, viewer) == 0
            assert colour_vision.lab(grey, viewer) == pytest.approx(colour_vision.lab(grey), abs=0.05)
        # Reddish purple and bluish green (Okabe–Ito) differ hugely to normal vision, far less to these viewers.
        assert colour_vision.delta_e("#CC79A7", "#009E73", viewer) < colour_vision.delta_e("#CC79A7", "#009E73") / 2
    assert colour_vision.least_delta_e("#E69F00", "#F0E442") == pytest.approx(
        colour_vision.delta_e("#E69F00", "#F0E442", "deuteranopia"))
    assert np.allclose(colour_vision.VIEWERS["deuteranopia"].sum(axis=1), 1.0, atol=1e-3)
