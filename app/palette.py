"""Colours of every plot: colour-blind-safe, in one place.

Series and classes use the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"),
told apart under the common forms of colour blindness. Signed values (weights, units' outputs, the
values of 2-D regression) use CET-CBD1, a diverging map designed for protanopes and deuteranopes
(blue = negative, white = 0, yellow = positive), drawn as lines in its ends; counts use cividis, a
sequential map of the same design.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish_green": "#009E73",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "sky_blue": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}
SERIES = ("blue", "orange", "reddish_purple", "bluish_green", "vermillion", "sky_blue", "black", "yellow")
"""Order for series and classes: the first colours read best on white; yellow comes late. Reddish
purple comes third: bluish green beside blue could not be told apart in thin, noisy, overlapping
lines (the gradient norms of layers 1 and 3)."""

OPTIMIZER_COLOURS = {"sgd": 0, "momentum": 1, "nesterov": 2, "adam": 3, "rmsprop": 4, "adagrad": 5, "newton": 6,
                     "adadelta": 7}
"""Each method's series colour on the Playground's loss surfaces, where a method is drawn once. (The optimiser race
colours its contenders by row: it often races one method several times.)"""

LEARNING_RATE = 2
"""The series colour of the learning rate η(t) wherever it is drawn: under the loss curves and in the Training
panel's schedule preview."""

BACKGROUND = "#FFFFFF"
FOREGROUND = "#303030"
GRID_ALPHA = 0.25
REFERENCE = "#8C8C8C"
"""Reference curves (the initial distribution, the raw per-batch values) are drawn in grey."""

SIGNED_MAP = "CET-CBD1"
COUNT_MAP = "cividis"


def series_color(index: int) -> QColor:
    """The colour of the index-th series or class (the palette repeats after eight)."""
    return named_color(SERIES[index % len(SERIES)])


def named_color(name: str) -> QColor:
    """An Okabe–Ito colour by name, where the colour means something (green: passed)."""
    return QColor(OKABE_ITO[name])


def series_rgb(count: int) -> np.ndarray:
    """(count, 3) uint8 RGB rows of the first ``count`` series colours."""
    return np.array([series_color(index).getRgb()[:3] for index in range(count)], dtype=np.uint8)


def signed_colormap() -> pg.ColorMap:
    """Blue (−), near white (0), yellow (+) on [0, 1] for [−L, L]: weights, units' outputs and 2-D regression's
    values alike, so that one colour means one sign in every view (colour-blind safe)."""
    return pg.colormap.get(SIGNED_MAP)


def signed_color(sign: int) -> QColor:
    """The signed map's end for a sign (blue for < 0, olive yellow for > 0): a value's sign drawn as a line or a
    swatch (the Network view's links and its key), in the colours its fills and images give it."""
    return signed_colormap().map(1.0 if sign > 0 else 0.0, mode="qcolor")


def count_colormap() -> pg.ColorMap:
    return pg.colormap.get(COUNT_MAP)


def pen(index: int, width: float = 1.5, style=None) -> pg.QtGui.QPen:
    """A cosmetic pen in the index-th series colour."""
    made = pg.mkPen(series_color(index), width=width)
    if style is not None:
        made.setStyle(style)
    return made


def translucent(index: int, alpha: int) -> QColor:
    color = series_color(index)
    color.setAlpha(alpha)
    return color


def style_plot(plot: pg.PlotItem) -> None:
    """Dark axes and a light grid on the white background, the same in every view."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setPen(FOREGROUND)
        axis.setTextPen(FOREGROUND)
        # "loss (x0.001)" misleads readers of a loss axis; plain numbers are clearer.
        axis.enableAutoSIPrefix(False)
        # Major and minor ticks only: the finest level's grid lines double a plot's paint time.
        axis.setStyle(maxTickLevel=1)
    plot.showGrid(x=True, y=True, alpha=GRID_ALPHA)
