"""What every live view shares: its title, its life cycle, and export to PNG, SVG or CSV.

A view receives ``reset(experiment)`` when a run is built or re-initialised and
``on_progress(progress)`` for each throttled :class:`app.messages.Progress` from the training
worker. It stores what arrives (in bounded buffers) and draws only while it is visible, so that
views in hidden tabs cost nothing but the bookkeeping; it catches up when shown. A view in a hidden
tab does not even prepare its plots for a new run until it is shown or the run's progress arrives.
"""
from __future__ import annotations

import contextlib
import math
import weakref
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLineF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen, QTextOption
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (QGraphicsItem, QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QVBoxLayout,
                               QWidget)

from app import display_names, palette
from app.file_dialogs import ask_save_path
from app.i18n import as_power_of_ten, with_decimal_separator
from app.panels.widgets import set_help
from app.spreadsheet_csv import write_csv
from core.inspection import Inspection, inspect

EXPORT_TYPES = {".png": QT_TRANSLATE_NOOP("View", "PNG image"), ".svg": QT_TRANSLATE_NOOP("View", "SVG drawing"),
                ".csv": QT_TRANSLATE_NOOP("View", "CSV data")}
"""The files a view exports to, by ending (the first is the export dialog's default): what
:func:`export_suffix` accepts and what :func:`ask_export_path` offers."""
EXPORT_SUFFIXES = tuple(EXPORT_TYPES)


def export_suffix(path: Path) -> str:
    """The lower-case suffix of an export target, or ValueError naming the formats allowed."""
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ValueError(f"cannot export to {path.name!r}: the file name must end in {', '.join(EXPORT_SUFFIXES)}")
    return suffix


def ask_export_path(parent: QWidget) -> str:
    """Ask where to export a view, offering :data:`EXPORT_TYPES` (File ▸ Export current view… and a plot's
    right-click menu ask alike); "" if the user cancelled."""
    file_types = ";;".join(f"{QCoreApplication.translate('View', name)} (*{suffix})"
                           for suffix, name in EXPORT_TYPES.items())
    return ask_save_path(parent, QCoreApplication.translate("View", "Export view"), "", file_types)


PNG_SCALE = 2


def svg_file(path: Path, size, title: str) -> QSvgGenerator:
    """An SVG drawing of ``size`` (a QSize) to be written to ``path``."""
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    # The screen's resolution, not the generator's 72 dpi: pyqtgraph replays the axes and the grid from
    # pictures recorded on the screen, which a 72-dpi drawing shrank to 72/96 (ticks beside the curves).
    generator.setResolution(round(QGuiApplication.primaryScreen().logicalDotsPerInch()))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    return generator


def svg_painter(generator: QSvgGenerator, path: Path) -> QPainter:
    """A painter on ``generator``; ValueError when its file cannot be written (the painter then does
    not start, and an export used to report success and leave no file)."""
    problem = f"cannot write the drawing {path}: check that the folder exists and is writable"
    if not Path(path).parent.is_dir():
        raise ValueError(problem)
    painter = QPainter(generator)
    if not painter.isActive():
        raise ValueError(problem)
    return painter


class ExportButtons(QWidget):
    """A tool's export buttons, for its data (CSV) and its figure (PNG or SVG), and under them what
    went wrong with the last export, if anything did (a folder it may not write to, a file name
    without a known ending). ``view.export(path)`` writes."""

    def __init__(self, view: QWidget, data_text: str, data_help: str, data_filter: str):
        super().__init__()
        self._view = view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for text, help_text, file_filter in (
                (data_text, data_help, data_filter),
                (self.tr("Export figure…"), self.tr("Save the plots as a PNG image or an SVG drawing."),
                 self.tr("Images (*.png *.svg)"))):
            button = QPushButton(text)
            set_help(button, help_text)
            button.clicked.connect(lambda _checked=False, chosen=file_filter: self._ask_and_export(chosen))
            row.addWidget(button)
        layout.addLayout(row)
        self.problem = QLabel()
        self.problem.setObjectName("problems")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)

    def add_button(self, text: str, help_text: str, file_filter: str, export) -> QPushButton:
        """One more button, on a row of its own, that writes with ``export(path)`` (OSError or ValueError
        when it cannot): data a view offers besides its curves and figure."""
        button = QPushButton(text)
        set_help(button, help_text)
        button.clicked.connect(lambda _checked=False: self._ask_and_export(file_filter, export))
        self.layout().insertWidget(self.layout().count() - 1, button)  # above the problem
        return button

    def _ask_and_export(self, file_filter: str, export=None) -> None:
        path = ask_save_path(self, self.tr("Export"), "", file_filter)
        if path:
            self.export_to(path, export)

    def export_to(self, path: str, export=None) -> bool:
        """Export the view to ``path`` (with ``export``, if given, else the view's ``export``); False, with
        the reason shown under the buttons, if that failed."""
        try:
            (export or self._view.export)(path)
        except (OSError, ValueError) as error:
            self.problem.setText(self.tr("Could not export to {path}: {reason}").format(path=path, reason=error))
            self.problem.setVisible(True)
            return False
        self.problem.setVisible(False)
        return True


def floating_legend(plot: pg.PlotItem, offset: tuple) -> pg.LegendItem:
    """A legend in a corner of ``plot``, on a translucent white box (``offset`` as pyqtgraph's: from
    the left or top when positive, else from the right or bottom), drawn at the plots' scale (see
    :func:`laid_out_legend`)."""
    legend = plot.addLegend(offset=offset, labelTextColor=palette.FOREGROUND)
    legend.setBrush(pg.mkBrush(255, 255, 255, 200))
    legend.setFlag(legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
    return legend


LEGEND_CORNERS = ((1, 0), (1, 1), (0, 0), (0, 1))
"""A floating legend's corners, as pyqtgraph anchors them: top right, bottom right, top left, bottom left."""
SAMPLES_PER_SEGMENT = 8
"""Points sampled along each line between two data points, where a legend may hide it though no point is under it."""


def clearest_corner(legend: pg.LegendItem, plot: pg.PlotItem, curves, first: tuple[int, int],
                    margin: float = 10) -> tuple[int, int]:
    """Anchor ``legend`` (a :func:`floating_legend` of ``plot``) ``margin`` pixels inside the corner of
    :data:`LEGEND_CORNERS` where it hides the fewest points of ``curves`` ((x, y) arrays in the plot's coordinates,
    their lines sampled between points), ``first`` where none hides fewer; returns that corner. A corner chosen
    by the kind of curve alone (losses end low on the right) hid the end of a run whose loss did not fall."""
    box, size = plot.vb.boundingRect(), legend.boundingRect()
    to_box = plot.vb.childTransform()  # the plot's coordinates to the box's pixels, for the axes as they are now
    along = np.linspace(0.0, 1.0, SAMPLES_PER_SEGMENT + 1)
    xs, ys = [], []
    for x, y in curves:
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        if len(x) > 1:
            x = (x[:-1, None] + np.subtract(x[1:], x[:-1])[:, None] * along).ravel()
            y = (y[:-1, None] + np.subtract(y[1:], y[:-1])[:, None] * along).ravel()
        xs.append(to_box.m11() * x + to_box.m31())
        ys.append(to_box.m22() * y + to_box.m32())
    x, y = (np.concatenate(xs), np.concatenate(ys)) if xs else (np.zeros(0), np.zeros(0))

    def hidden(corner: tuple[int, int]) -> int:
        left = margin if corner[0] == 0 else box.width() - margin - size.width()
        top = margin if corner[1] == 0 else box.height() - margin - size.height()
        return int(np.count_nonzero((x >= left) & (x <= left + size.width()) &
                                    (y >= top) & (y <= top + size.height())))

    corner = min((first, *(other for other in LEGEND_CORNERS if other != first)), key=hidden)
    legend.anchor(corner, corner, offset=(margin if corner[0] == 0 else -margin, margin if corner[1] == 0 else -margin))
    return corner


def laid_out_legend(**options) -> pg.LegendItem:
    """A legend placed in the view's layout with the plots, not floating over one: it scales with them.
    (pyqtgraph's legends ignore the scene's scale, and a PNG exported at twice the size drew them at half
    the plots' scale.) ``options`` go to :class:`pyqtgraph.LegendItem`."""
    legend = pg.LegendItem(labelTextColor=palette.FOREGROUND, **options)
    legend.setFlag(legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
    # As tall as its entries: stretched to a plot's height beside it, each sample sat a line below its name.
    legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return legend


class TranslatedText:
    """A class attribute translated each time it is read, so that a translator installed after
    import still applies. Mark the text with ``QT_TRANSLATE_NOOP(context, text)`` for lupdate."""

    def __init__(self, context: str, text: str):
        self.context, self.text = context, text

    def __get__(self, instance, owner) -> str:
        return QCoreApplication.translate(self.context, self.text)


_initial_inspections: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def inspection_of(network, dataset) -> Inspection:
    """The network's inspection before training, computed once for all views of a reset.

    Cached per network and recomputed when its weights differ (after a re-initialisation).
    """
    cached = _initial_inspections.get(network)
    if cached is not None and cached[0] is dataset and np.array_equal(cached[1], network.flat_parameters):
        return cached[2]
    inspection = inspect(network, dataset)
    _initial_inspections[network] = (dataset, network.flat_parameters.copy(), inspection)
    return inspection


ROUND_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0)
"""The right ends a growing step axis takes, × 10ᵏ: the curve always fills at least 2/3 of the width,
and the axis moves six times per decade of steps (each move draws the plots afresh)."""


def round_up(value: float) -> float:
    """The smallest of ``ROUND_STEPS`` × 10ᵏ that is ≥ ``value`` (> 0)."""
    scale = 10.0 ** math.floor(math.log10(value))
    return next(step * scale for step in ROUND_STEPS if step * scale >= value)


def finite_bounds(*arrays) -> tuple[float, float] | None:
    """(smallest, largest) of the finite values in ``arrays``, or None when there is none."""
    finite = [values[np.isfinite(values)] for values in map(np.asarray, arrays)]
    finite = [values for values in finite if values.size]
    if not finite:
        return None
    return min(float(values.min()) for values in finite), max(float(values.max()) for values in finite)


class FollowedAxis:
    """One axis (x or y) of a plot, or of plots linked on it, placed by its view around the data
    instead of by pyqtgraph's auto-range.

    Auto-range moves an axis whenever the data's extremes change — at every frame while training —
    and each move lays out the plot's ticks and grid lines again: the larger part of a frame's cost.
    Subclasses say where the axis goes (:meth:`placed`), in steps coarse enough that it moves a few
    times in a run. The axis stops following once the user zooms or pans it, and follows again when
    auto-range is asked for (the plot's "A" button or its menu).
    """

    def __init__(self, axis: int, *plots: pg.PlotItem):
        self.axis = axis  # 0 for x, 1 for y, as pyqtgraph numbers them
        self.boxes = [plot.getViewBox() for plot in plots]
        self.following = True
        self.shown: tuple[float, float] | None = None
        self.latest: tuple | None = None  # the data of the last follow(), to follow again after a zoom
        for box in self.boxes:
            box.enableAutoRange(axis=axis, enable=False)
            box.sigRangeChangedManually.connect(self._zoomed)
            box.sigStateChanged.connect(self._auto_range_asked)

    def reset(self) -> None:
        self.following, self.shown, self.latest = True, None, None

    def follow(self, *data) -> None:
        """Place the axis for ``data`` (what :meth:`placed` takes), unless the user has moved it."""
        self.latest = data
        if not self.following:
            return
        placed = self.placed(*data)
        if placed is not None and placed != self.shown:
            self.shown = placed
            if self.axis == 0:
                self.boxes[0].setXRange(*placed, padding=0)
            else:
                self.boxes[0].setYRange(*placed, padding=0)
            # pyqtgraph rescales the plots' contents when it paints them, and the curves, told only
            # then, ask for a second paint; rescaled now, they are painted once (~25 % less a move).
            for box in self.boxes:
                box.updateMatrix()

    def placed(self, *data) -> tuple[float, float] | None:
        """Where the axis goes for ``data``: (low, high), or None to leave it."""
        raise NotImplementedError

    def _zoomed(self, changed_axes) -> None:
        if changed_axes[self.axis]:
            self.following = False

    def _auto_range_asked(self, box) -> None:
        if box.autoRangeEnabled()[self.axis]:
            box.enableAutoRange(axis=self.axis, enable=False)
            self.following, self.shown = True, None
            if self.latest is not None:
                self.follow(*self.latest)


END_MARGIN_PIXELS = 5
"""Pixels left right of the last step of a run that ended: a mark (6 pixels across) is drawn whole there."""


class GrowingStepAxis(FollowedAxis):
    """The shared x axis of plots over the optimiser's steps. While its run goes on, from 0 to a round number
    past the newest step (:func:`round_up`): it moves a few times per decade of steps. Once the run has ended
    (or an ended one is shown), from 0 to its last step: the room left to grow in stayed empty, up to a fifth
    of the plots (a finished run of 1,230 steps on an axis to 1,500). Before the first step, from 0 to
    :attr:`first_steps` (after Reset it kept the range of the run before, its curves gone)."""

    first_steps = 10

    def __init__(self, *plots: pg.PlotItem):
        super().__init__(0, *plots)
        for plot in plots:
            axis = plot.getAxis("bottom")
            if isinstance(axis, Axis):
                axis.whole_numbers = True

    def placed(self, newest_step: float, going: bool) -> tuple[float, float] | None:
        """``going``: whether the run goes on (or is paused), so that its steps will grow."""
        if newest_step <= 0:
            return 0.0, float(self.first_steps)
        if not going:
            # A few pixels past the last step, where the last epoch's marks were cut in half by the edge.
            width = self.boxes[0].width()
            room = width / (width - END_MARGIN_PIXELS) if width > 2 * END_MARGIN_PIXELS else 1.0
            return 0.0, newest_step * room
        if self.shown is not None and newest_step <= self.shown[1]:
            return self.shown
        return 0.0, round_up(newest_step)


class ValueAxis(FollowedAxis):
    """An axis around the values shown, with a margin, its ends on multiples of a round step
    (about a tenth of the values' span). It moves when a value reaches its edge, or when the values
    fill less than half of it (a loss that fell, weights that gathered), not as each extreme moves.

    ``margin``: the share of the values' span left free at least at each end (more for values that
    keep spreading, so that the axis moves less often). ``lowest``/``highest``: the axis never goes
    past them (0 for counts and shares). ``least_span``: values closer together are shown on an axis this long,
    from a multiple of half of it (a share of dead units that stays 0 % reads 0 to 10 %, not 0 to 0.1 %, as if
    something measured were near 0). On a logarithmic plot (``log``) the values are placed by their logarithm,
    as pyqtgraph draws them.
    """

    def __init__(self, axis: int, plot: pg.PlotItem, *, margin: float = 0.05, lowest: float | None = None,
                 highest: float | None = None, least_span: float = 0.0, log: bool = False):
        super().__init__(axis, plot)
        self.margin, self.lowest, self.highest, self.log = margin, lowest, highest, log
        self.least_span = least_span

    def placed(self, bounds: tuple[float, float] | None) -> tuple[float, float] | None:
        if bounds is None:
            return None
        low, high = bounds
        if self.log:
            if high <= 0:
                return None
            low, high = math.log10(low) if low > 0 else math.log10(high) - 1, math.log10(high)
        if self.shown is not None:
            shown_low, shown_high = self.shown
            # A value on an edge would be cut in half, unless the edge is a limit (0 for counts).
            edge = self.margin / 4 * (shown_high - shown_low)
            inside = ((low >= shown_low + edge or shown_low == self.lowest)
                      and (high <= shown_high - edge or shown_high == self.highest))
            if inside and (high - low >= (shown_high - shown_low) / 2
                           or shown_high - shown_low == self.least_span):
                return self.shown
        if high - low < self.least_span:
            low = math.floor(low / (self.least_span / 2)) * self.least_span / 2
            if self.highest is not None:
                low = min(low, self.highest - self.least_span)
            return low, low + self.least_span
        span = high - low if high > low else max(abs(high), 1.0)
        step = round_up(span / 10)
        low = math.floor((low - self.margin * span) / step) * step
        high = math.ceil((high + self.margin * span) / step) * step
        if self.lowest is not None:
            low = max(low, self.lowest)
        if self.highest is not None:
            high = min(high, self.highest)
        return low, high


MIN_PIXELS_PER_LABEL = 18
"""Pixels between the labels of an upright axis at least: a label is ~11 pixels tall."""


def scientific(value: float) -> str:
    """``value`` written as ``1.5e-04`` (``1e-04`` for 10⁻⁴), to six digits at most: what
    :func:`app.i18n.as_power_of_ten` writes as 1.5·10⁻⁴, without the noise of a tick's arithmetic."""
    mantissa, exponent = f"{value:.5e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{exponent}"


PLAIN_RANGE = (1e-3, 1e4)
"""Numbers a log axis spanning less than a decade writes plainly (0.3, 0.5, 0.9), as a linear axis would; outside
it, as powers of ten (3·10⁻⁵)."""


def log_tick_candidates(low: float, high: float) -> np.ndarray:
    """Where a logarithmic axis from 10^low to 10^high may put ticks (log10 of the numbers, ascending): 1…9 × 10ᵏ,
    or, on an axis where fewer than three of those fall, 1.0, 1.1 … 9.9 × 10ᵏ (a loss from 0.62 to 0.71 had one)."""
    decades = np.arange(math.floor(low), math.floor(high) + 1)
    for mantissas in (np.arange(1, 10), np.arange(10, 100) / 10):
        values = (decades[:, None] + np.log10(mantissas)[None, :]).ravel()
        values = values[(values >= low - 1e-9) & (values <= high + 1e-9)]
        if len(values) >= 3:
            break
    return values


def _roundness(value: float) -> int:
    """How round the number 10^value is, roundest 0: 10ᵏ, then 5 × 10ᵏ, 2 × 10ᵏ, the other digits, then 6.5 × 10ᵏ …"""
    mantissa = round(10 ** (value % 1), 6) % 10 or 1.0
    if mantissa in (1.0, 5.0, 2.0):
        return (1.0, 5.0, 2.0).index(mantissa)
    return 3 if mantissa.is_integer() else 4 if (2 * mantissa).is_integer() else 5


def labels_that_fit(values, low: float, high: float, size: float, mantissas=((1, 2, 5), (1,))) -> list[float]:
    """Which ticks of a logarithmic axis ``size`` pixels long from 10^low to 10^high get a label (``values`` being
    log10 of the ticked numbers), each :data:`MIN_PIXELS_PER_LABEL` from the next.

    The first choice of ``mantissas`` that fits (1, 2 and 5 × 10ᵏ, then the powers of ten alone); if even the
    powers crowd, every k-th one (the multiples of k: 10⁻⁴, 10⁻², 10⁰). An axis with fewer than two of them in view
    (a loss from 0.3 to 0.9, or 0.3 to 1.2) labels instead as many of its ticks as fit, the roundest first — 0.5,
    then 0.3, 0.9 … —, where it read one lone 10⁰, or nothing at all.
    """
    values = np.asarray(values, dtype=float)
    if size <= 0 or high <= low or len(values) == 0:
        return [float(value) for value in values]
    gap = MIN_PIXELS_PER_LABEL * (high - low) / size  # in decades
    digits = np.round(10 ** (values % 1), 6)
    powers = values[np.isin(digits, (1, 10))]
    if len(powers) >= 2:
        for kept in mantissas:
            chosen = values[np.isin(digits, kept)]
            if len(chosen) * gap <= high - low + 1e-9 and np.diff(chosen).min() >= gap - 1e-9:
                return [float(value) for value in chosen]
        every = math.ceil(gap - 1e-9)
        multiples = powers[np.round(powers) % every == 0]
        return [float(value) for value in (multiples if len(multiples) else powers[:1])]
    # Round numbers first; among those as round, the one farthest from the labels chosen (the axis' ends, not
    # the first that fits: 0.3, 0.5, 0.9 rather than 0.3, 0.5, 0.7).
    chosen: list[float] = []
    for roundness in sorted({_roundness(value) for value in values}):
        tier = [float(value) for value in values if _roundness(value) == roundness]
        while True:
            fitting = [value for value in tier if all(abs(value - other) >= gap - 1e-9 for other in chosen)]
            if not fitting:
                break
            chosen.append(max(fitting, key=lambda value: min((abs(value - other) for other in chosen),
                                                              default=-value)))
    return sorted(chosen)


class Axis(pg.AxisItem):
    """pyqtgraph's axis, its grid lines left to the plot's :class:`TickGrid`.

    pyqtgraph draws a plot's grid as part of its axes, whose pictures then span the whole plot:
    every curve that changes repaints both axes, text and all, at every frame (or, kept as
    pictures, blends two plot-sized images in) — half of a Loss frame. Here the axis draws its
    ticks and labels only, as it does without a grid, and is repainted only when it changes;
    ``setGrid``/``showGrid`` still say whether and how faint the grid is. Its ticks point outwards:
    pointing into the plot, they made the axis overlap it, and every changing curve repainted it.
    """

    whole_numbers = False
    """Whether the axis counts (steps): no tick between two whole numbers, where a short run's steps axis,
    0 to 2, had ticks at 0.5 and 1.5 that named no step."""

    def __init__(self, orientation: str, **options):
        self._bounds: tuple | None = None  # (what the rectangle depends on, the rectangle)
        self._unlabelled: set[float] = set()  # log ticks drawn without a label (rounded to 9 decimals)
        super().__init__(orientation, **options)
        # An axis that narrowed whenever its labels got shorter (a loss falling from 2.5 to 0.03) laid
        # its plot out and painted it again, twice when they grew back: it keeps its widest width.
        self.setStyle(tickLength=5, autoReduceTextSpace=False)
        # A frame that changes the curves repaints the axes beside them too (Qt repaints the
        # rectangle around what changed): from a pixmap, not by replaying their text (~15 % of a
        # Loss frame's painting). Exports draw them afresh (see View.export).
        self.setCacheMode(self.CacheMode.DeviceCoordinateCache)

    def tickStrings(self, values, scale, spacing):
        labels = super().tickStrings(values, scale, spacing)
        # pyqtgraph writes a linear axis' number below 10⁻³ or from 10⁴ up as "%g" does, which turns scientific only
        # below 10⁻⁴ and from 10⁶ on: a loss axis wrote 0.0001 and 0.00015 above 5·10⁻⁵. One label a power of ten,
        # all are (but 0, which may be off by a rounding error: 3 · 5·10⁻⁵ - 1.5·10⁻⁴).
        if not self.logMode and any("e" in label for label in labels):
            labels = ["0" if abs(value) < abs(spacing) * 1e-6 else scientific(value * scale) for value in values]
        return with_decimal_separator([as_power_of_ten(label) for label in labels])

    def logTickStrings(self, values, scale, spacing):
        """Every tick of a logarithmic axis as a power of ten, a tick between decades with its mantissa (10⁻⁴,
        2·10⁻⁴, 10⁰): pyqtgraph wrote 10⁻⁵ only below 10⁻⁴ and 0.0001, 0.002, 1 above, two ways on one axis.
        Ticks spanning a decade or less are written plainly, all with as many decimals, where they can be
        (0.30, 0.50, 0.90, or 1, 2, 5, 10 rather than 10⁰, 2·10⁰, 5·10⁰, 10¹: :data:`PLAIN_RANGE`); ticks
        :meth:`logTickValues` left unlabelled get no text."""
        labels = []
        for value in values:
            exponent = math.floor(value)  # 10 ** value itself overflows past 10³⁰⁸, on an axis zoomed out that far
            mantissa, carried = scientific(10.0 ** (value - exponent) * scale).split("e")
            labels.append(f"{mantissa}e{exponent + int(carried):+d}")
        numbers = [float(label) for label in labels]
        if len(values) and max(values) - min(values) <= 1 + 1e-9 and all(PLAIN_RANGE[0] <= number < PLAIN_RANGE[1]
                                                                  for number in numbers):
            decimals = max(len(f"{number:.6g}".partition(".")[2]) for number in numbers)
            labels = [f"{number:.{decimals}f}" for number in numbers]
        unlabelled = self._unlabelled
        return [("" if round(float(value), 9) in unlabelled else label) for value, label in zip(values, labels)]

    label_mantissas = ((1, 2, 5), (1,))
    """The choices of ticks to label, tried in turn (see :func:`labels_that_fit`)."""

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        """The ticks of :func:`log_tick_candidates`, each once (pyqtgraph's minor ticks repeated its major ones, and
        their labels, drawn twice over, showed in bold), those of :func:`labels_that_fit` labelled first."""
        candidates = log_tick_candidates(minVal, maxVal)
        if len(candidates) > 20 * max(size, 1) / MIN_PIXELS_PER_LABEL:  # zoomed out over dozens of decades
            candidates = np.arange(math.ceil(minVal), math.floor(maxVal) + 1, dtype=float)
        labelled = labels_that_fit(candidates, minVal, maxVal, size, self.label_mantissas)
        kept = {round(float(value), 9) for value in labelled}
        others = [float(value) for value in candidates if round(float(value), 9) not in kept]
        self._unlabelled = {round(value, 9) for value in others}
        return [(None, [float(value) for value in labelled]), (None, others)]

    def tickSpacing(self, minVal, maxVal, size):
        """pyqtgraph's spacing, but on an upright linear axis too short for its labels (the race's
        accuracy, 35 pixels tall at 1366 × 768, had four) the major ticks are spread to the next
        1, 2, 5 × 10ᵏ that leaves each label :data:`MIN_PIXELS_PER_LABEL`; the former major ticks stay
        as minor ones (unlabelled where they would crowd)."""
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.whole_numbers and levels:
            levels = [(spacing, offset) for spacing, offset in levels if spacing >= 1] or [(1.0, 0.0)]
        if self.orientation in ("top", "bottom") or self.logMode or not levels or size <= 0:
            return levels
        spacing, offset = levels[0]
        span = abs(maxVal - minVal)
        widened = spacing
        while span / widened * MIN_PIXELS_PER_LABEL > size:
            mantissa = round(widened / 10 ** math.floor(math.log10(widened)))
            widened *= 2.5 if mantissa == 2 else 2
            if not math.isfinite(widened * 2.5):  # a span near the largest float: pyqtgraph's ticks, crowded
                return levels
        if widened == spacing:
            return levels
        return [(widened, 0), *levels]

    # pyqtgraph typesets the axis title (rich text, ~0.2 ms) at every change of pen, style or
    # scale, shown or not: a dozen times per plot made, most of a plot's cost for untitled axes.
    # A hidden title is typeset when it is shown.
    def _updateLabel(self):
        if self.label.isVisibleTo(self):
            self.label.setHtml(self.labelString())
        self._adjustSize()
        self.picture = None
        self.update()

    def showLabel(self, show: bool = True):
        if show:
            self.label.setHtml(self.labelString())
        super().showLabel(show)

    # Qt asks an item for its rectangle dozens of times per frame, and pyqtgraph works the axis' out
    # afresh each time (~6 % of the Loss tab's GUI time): it changes only with the axis' geometry.
    def boundingRect(self):
        key = (self.geometry(), self.style["tickLength"], self.style["hideOverlappingLabels"])
        if self._bounds is None or self._bounds[0] != key:
            with self._without_grid():
                self._bounds = (key, super().boundingRect())
        return QRectF(self._bounds[1])

    def generateDrawSpecs(self, p):
        with self._without_grid():
            return super().generateDrawSpecs(p)

    @contextlib.contextmanager
    def _without_grid(self):
        grid, self.grid = self.grid, False
        try:
            yield
        finally:
            self.grid = grid

    def tick_levels(self) -> list[list[float]]:
        """The values of the ticks drawn, level by level (major first), in view coordinates."""
        custom = getattr(self, "_tickLevels", None)  # set by setTicks(); pyqtgraph has no getter
        if custom is not None:
            return [[value for value, _ in level] for level in custom]
        length = self.width() if self.orientation in ("top", "bottom") else self.height()
        if length <= 0 or self.range[0] == self.range[1]:
            return []
        levels = self.tickValues(min(self.range), max(self.range), length)
        return [list(values) for _, values in levels[:self.style["maxTickLevel"] + 1]]


class DecadeAxis(Axis):
    """A log axis that labels only powers of ten where two or more are in view (labelled minor ticks — 0.09,
    0.08, … — pile up into an unreadable column), every k-th one where they crowd (eleven decades in a 120-pixel
    plot were written over one another); the others get unlabelled ticks. A shorter axis labels the round
    numbers that fit (:func:`labels_that_fit`)."""

    label_mantissas = ((1,),)

    def __init__(self, orientation):
        super().__init__(orientation)
        self.setStyle(maxTextLevel=0)


class TickGrid(pg.GraphicsObject):
    """A plot's grid lines, drawn inside its view box at the ticks of its bottom and left
    :class:`Axis`, as faint as pyqtgraph draws them (less for the finer level and for dense ticks).

    Lines only: a frame that changes a curve repaints them (a few dozen lines) but no text and no
    plot-sized picture. They are worked out again only when the view moves or is resized. Being
    under everything, they are drawn opaque in the colour the faint line takes on ``background``:
    blending translucent lines cost seven times more.
    """

    def __init__(self, plot: pg.PlotItem, background: QColor):
        super().__init__()
        self.background = background
        self.box = plot.getViewBox()
        self.axes = (plot.getAxis("bottom"), plot.getAxis("left"))
        self.setZValue(-1e6)  # under everything the plot shows
        self._lines: list[tuple[QPen, list[QLineF]]] | None = None
        self._worked_out_for = None
        self.box.addItem(self, ignoreBounds=True)
        self.box.sigRangeChanged.connect(self._moved)
        self.box.sigResized.connect(self._moved)

    def _moved(self, *_) -> None:
        self.prepareGeometryChange()
        self._lines = None

    def boundingRect(self) -> QRectF:
        return self.box.viewRect()

    def paint(self, painter, *args) -> None:
        state = tuple((axis.grid, tuple(axis.range), id(getattr(axis, "_tickLevels", None))) for axis in self.axes)
        if self._lines is None or state != self._worked_out_for:
            self._lines, self._worked_out_for = self.work_out(), state
        for pen, lines in self._lines:
            painter.setPen(pen)
            painter.drawLines(lines)

    def work_out(self) -> list:
        """(pen, lines) per tick level of each axis with a grid. The opacity a is pyqtgraph's
        AxisItem's, (1 / (level + 1)) · grid / 255 · min(1, 0.05 · length in pixels / (ticks + 1)),
        and the colour the tick colour laid over the background with it: a·tick + (1 − a)·background."""
        view = self.box.viewRect()
        drawn = []
        for axis in self.axes:
            if axis.grid is False or not axis.isVisible():
                continue
            vertical = axis.orientation in ("top", "bottom")
            length = axis.width() if vertical else axis.height()
            tick, background = axis.tickPen().color(), self.background
            for level, values in enumerate(axis.tick_levels()):
                opacity = axis.grid / 255 / (level + 1) * min(1.0, 0.05 * length / (len(values) + 1))
                color = QColor.fromRgbF(*(opacity * a + (1 - opacity) * b for a, b in
                                          zip(tick.getRgbF()[:3], background.getRgbF()[:3])))
                pen = QPen(color, 0)  # cosmetic: one pixel whatever the plot's scale
                lines = [QLineF(value, view.top(), value, view.bottom()) if vertical else
                         QLineF(view.left(), value, view.right(), value) for value in values]
                drawn.append((pen, lines))
        return drawn


def bounded_by_their_plot(*items: pg.GraphicsObject) -> None:
    """Let ``items`` (curves or symbols, already in a plot whose axes its view places: see
    :class:`FollowedAxis`) tell Qt that they cover their plot's visible rectangle.

    pyqtgraph bounds such an item by its data's extremes widened by its pen or symbols in pixels,
    worked out afresh after every change of the data or the axes, and for symbols at each of the
    dozen times Qt asks during a frame (with the curves, ~15 % of the Loss tab's GUI time). These
    items span their plot anyway and the plot clips them to its box: Qt repaints the same area.
    Auto-range, when asked for, still reads the data's own bounds. (Qt calls the method an
    instance holds, so no subclass is needed, nor one of PlotDataItem to make its symbols.)
    """
    for item in items:
        item.boundingRect = item.getViewBox().viewRect


@contextlib.contextmanager
def drawn_for_export(scene, scale: float):
    """Items that the screen shows from a pixmap cache (the axes) are drawn as themselves meanwhile:
    text stays text in an SVG, and a PNG at twice the size stays sharp. And pyqtgraph's items are in
    their export mode, as its own exporters put them: a scatter plot draws each symbol at ``scale``
    times its size instead of copying it from its atlas (an SVG held the whole atlas for each point,
    every class colour in one; a PNG at twice the size drew the points at half)."""
    cached = [(item, item.cacheMode()) for item in scene.items()
              if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    exporting = [item for item in scene.items() if hasattr(item, "setExportMode")]
    for item, _ in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    for item in exporting:
        item.setExportMode(True, {"antialias": True, "resolutionScale": scale})
    try:
        yield
    finally:
        for item in exporting:
            item.setExportMode(False)
        for item, mode in cached:
            item.setCacheMode(mode)


def cache_pictures(*items) -> None:
    """Paint ``items`` and their children from a pixmap cache on screen: a legend or the symbols of
    per-epoch points change rarely, but overlap curves that change at every frame, and were drawn
    afresh with them (exports still draw them afresh, see :func:`drawn_for_export`)."""
    for item in items:
        for each in (item, *item.childItems()):
            each.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def add_plot(layout: pg.GraphicsLayout, row: int, col: int, axis_items: dict | None = None, **options) -> pg.PlotItem:
    """A styled plot (:func:`styled_plot`) in ``layout``."""
    plot = styled_plot(axis_items, **options)
    layout.addItem(plot, row=row, col=col)
    return plot


def styled_plot(axis_items: dict | None = None, **options) -> pg.PlotItem:
    """A styled plot, not placed yet, its axes :class:`Axis` items and its grid drawn by a
    :class:`TickGrid`; ``axis_items`` (by side) replace the axes of those sides, ``options`` go to
    :class:`pyqtgraph.PlotItem`. (Made apart from its placing, a view can do the two in turns of the event
    loop of their own: together they blocked it for 10-30 ms.)

    Without pyqtgraph's menus (their making took a third of a plot's): they were English in any language,
    offered log axes and axis links that the views' own axes undo, and an export whose SVG failed. A
    right click opens the view's :class:`PlotMenu` instead."""
    given = axis_items or {}
    axes = {side: given[side] if side in given else Axis(side) for side in ("left", "bottom", "right", "top")}
    plot = pg.PlotItem(axisItems=axes, **{"enableMenu": False, **options})
    for side in ("right", "top"):
        if side not in given:
            plot.hideAxis(side)
    TickGrid(plot, QColor(palette.BACKGROUND))
    palette.style_plot(plot)
    _fit_title_to_plot(plot)
    return plot


def line_up(plots, width: float) -> None:
    """Plots stacked over one x quantity, their x axes lined up by one fixed ``width`` of their left axes (as
    pyqtgraph's authors advise): each axis sized by its own labels and title left the Gradients view's share plot,
    titled "%", 18 pixels to the right of the norm plot above it. An axis sized by its labels also learns their
    width only when first painted, so the plots were laid out and painted twice. ``width`` has room for the
    widest labels the axes write beside their titles."""
    for plot in plots:
        plot.getAxis("left").setWidth(width)


TITLE_LINE_HEIGHT = 30
"""Pixels pyqtgraph gives a plot's title (one line)."""


def _fit_title_to_plot(plot: pg.PlotItem) -> None:
    """A plot's title, however long, leaves the plot free to be narrower than it: pyqtgraph makes
    the title's width the plot's minimum, and in a narrow view ("Training loss (smoothed)" beside the
    race's controls at 1024 pixels) the plots then ran off the view's right edge. A title wider than
    its plot breaks into centred lines instead (cut at both ends, it read "ери на валида"); a word
    longer than the plot is still cut."""
    title, owner = plot.titleLabel, weakref.ref(plot)
    laid_out, placed = title.updateMin, title.resizeEvent
    title.item.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))

    def update_min() -> None:
        laid_out()
        title.setMinimumWidth(0)

    def wrap_and_place(event) -> None:
        width = title.size().width()
        title.item.setTextWidth(-1)
        if 0 < width < title.item.boundingRect().width():
            title.item.setTextWidth(width)
        placed(event)
        plot = owner()
        # pyqtgraph gives a title one line; not while the plot is taken apart
        if plot is not None and title.isVisible() and shiboken6.isValid(plot.layout):
            height = max(TITLE_LINE_HEIGHT, math.ceil(title.item.boundingRect().height()))
            title.setMaximumHeight(height)
            plot.layout.setRowFixedHeight(0, height)

    title.updateMin, title.resizeEvent = update_min, wrap_and_place
    update_min()
    title.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)  # not over the neighbour's title


class PlotMenu(QMenu):
    """What a right click on a view's plots offers: the plot clicked shown whole again, following its
    data as before it was zoomed (if it can be zoomed), and the view's export, as Ctrl+E exports it."""

    def __init__(self, view: "View", box: pg.ViewBox | None):
        super().__init__(view)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        if box is not None and any(box.mouseEnabled()):
            self.addAction(QCoreApplication.translate("View", "View all"), self._show_whole)
        self.addAction(QCoreApplication.translate("View", "Export view…"), view.export_dialog)

    def _show_whole(self) -> None:
        self.box.enableAutoRange()  # as pyqtgraph's "A" button: a FollowedAxis follows the data again


def nothing_to_export() -> str:
    """Why a table without rows is not written, in the window's language."""
    return QCoreApplication.translate("View", "There is nothing to export yet: the view has no figures to write "
                                              "(train, race or choose a run first).")


class View(QWidget):
    """Base class of the live views. Subclasses set ``title`` and ``guide_section`` (the anchor of their
    section of the user guide, :mod:`app.user_guide`, opened by F1 while they are shown) and override the hooks:

    - ``prepare(experiment)``: clear buffers and build the plot items for this network and data;
    - ``add_batches(events)`` / ``add_epochs(events)``: store the engine's events;
    - ``show_inspection(inspection)``: store a :class:`core.inspection.Inspection`;
    - ``redraw()``: push what is stored to the plot items (called only while visible);
    - ``table()``: (header, rows) for CSV export.
    """

    title = TranslatedText("View", "View")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.experiment = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.hide()
        layout.addWidget(self.note)
        self.export_problem = QLabel(self)
        self.export_problem.setObjectName("problems")
        self.export_problem.setWordWrap(True)
        self.export_problem.hide()
        layout.addWidget(self.export_problem)
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setBackground(palette.BACKGROUND)
        layout.addWidget(self.graphics, 1)
        scene = self.graphics.scene()
        scene.contextMenu = []  # pyqtgraph's "Export…", added to any item's menu: the PlotMenu exports
        scene.sigMouseClicked.connect(self._offer_plot_menu)
        self.run_going = False  # the window's run trains (or is paused): what grows with its steps keeps room
        self._stale = False
        self._reset_pending: tuple | None = None  # (experiment, its initial inspection) while hidden
        self._unrevealed: list[QGraphicsItem] = []
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.timeout.connect(self._reveal_next_item)

    # ------------------------------------------------------------------ the API used by the window
    @classmethod
    def applies_to(cls, dataset) -> bool:
        """Whether this view has anything to show for ``dataset`` (a :class:`core.datasets` Dataset)."""
        return True

    def reset(self, experiment) -> None:
        """A new or re-initialised run of ``experiment`` (a :class:`core.experiment.Experiment`).

        For data the view does not apply to, it shows why and ignores the run's progress. A view hidden behind
        another tab prepares its plots for the run only when it is shown, when the run's progress or an export
        needs them, or when told to :meth:`catch_up`: on MNIST, every view's at once held Reset for 37-74 ms,
        hidden ones included.
        """
        dataset = experiment.dataset
        if not self.applies_to(dataset):
            why = QCoreApplication.translate("View", "Nothing to show for {dataset}: this view needs {what}.")
            self.forget_data(why.format(dataset=display_names.label("dataset", dataset.name), what=self.requirement()))
            return
        self.experiment = experiment
        self.graphics.show()
        self.show_note(None)
        # The inspection of the weights as they are now, not as they will be once the view is shown.
        self._reset_pending = (experiment, inspection_of(experiment.network, dataset))
        # Only a view hidden in a shown window (behind another tab) waits: one whose window is not shown
        # either is being used without a screen (an export, a test) and is asked for what it holds.
        if self.isVisible() or not self.window().isVisible():
            self.catch_up()

    @property
    def reset_pending(self) -> bool:
        """Whether the plots are still to be prepared for the run of the last :meth:`reset` (see :meth:`catch_up`)."""
        return self._reset_pending is not None

    def catch_up(self) -> None:
        """Prepare the plots for the run of the last :meth:`reset`, if that is still to be done (the window has
        each view hidden at a Reset do it in a turn of the event loop of its own)."""
        if self._reset_pending is None:
            return
        experiment, inspection = self._reset_pending
        self._reset_pending = None
        self._reveal_all()  # prepare() may replace the items still waiting to be revealed
        self.prepare(experiment)
        self.show_inspection(inspection)
        self._changed()

    def forget_data(self, reason: str) -> None:
        """Show ``reason`` instead of plots: the view has no run to show (its data does not suit it, or the
        window's data is not loaded: the last data's plots stayed, and exported, as if still current)."""
        self.experiment = None
        self._reset_pending = None
        self.graphics.hide()
        self.show_note(reason)

    def on_progress(self, progress) -> None:
        """Take one :class:`app.messages.Progress` from the worker (ignored if the view does not apply).

        The view is redrawn only when something it keeps arrived: most messages carry batches
        alone, which a view drawn from inspections has no use for.
        """
        if self.experiment is None:
            return
        self.catch_up()
        received = False
        if progress.batches and self._keeps("add_batches"):
            self.add_batches(progress.batches)
            received = True
        if progress.epochs and self._keeps("add_epochs"):
            self.add_epochs(progress.epochs)
            received = True
        if progress.inspection is not None and self._keeps("show_inspection"):
            self.show_inspection(progress.inspection)
            received = True
        if received:
            self._changed()

    def set_training(self, training: bool) -> None:
        """Whether the window's run changes the weights now; a pause does not end the run (see :meth:`on_run_ended`)."""
        if training:
            self.run_going = True

    def on_run_ended(self) -> None:
        """The window's run ended (finished, stopped, failed or discarded): drawn again, what grew with its steps
        fits the steps it took."""
        if self.run_going:
            self.run_going = False
            self._changed()

    def export(self, path) -> None:
        """Write the view to ``path``: an image (.png, .svg) or its data (.csv); ValueError when it shows
        nothing (:meth:`forget_data`)."""
        if self.graphics.isHidden():
            raise ValueError(self.note.text() or QCoreApplication.translate("View", "this view shows nothing"))
        path = Path(path)
        suffix = export_suffix(path)
        self.refresh()
        self.finish_drawing()
        if suffix == ".csv":
            header, rows = self.table()
            if not rows:  # a file of headings alone looked like an export that had failed
                raise ValueError(nothing_to_export())
            write_csv(path, header, rows)
            return
        scene = self.graphics.scene()
        # What is on screen, not the scene's own rectangle: that only ever grows (to hold a diverged
        # path thousands of plot widths away, once a PNG of over 256 MB).
        source = self.graphics.mapToScene(self.graphics.viewport().rect()).boundingRect()
        with drawn_for_export(scene, PNG_SCALE if suffix == ".png" else 1.0):
            if suffix == ".png":
                self._export_png(scene, source, path)
            else:
                self._export_svg(scene, source, path)

    # pyqtgraph's exporters are not used: its ImageExporter takes over a minute for a few
    # thousand translucent lines (the network view) where scene.render takes 0.1 s, and its
    # SVGExporter cannot parse the path data Qt 6.11 writes (pyqtgraph issue #3485).
    def _export_png(self, scene, source: QRectF, path: Path) -> None:
        """Twice the on-screen size, so that exported figures stay sharp in a report."""
        image = QImage((source.size() * PNG_SCALE).toSize(), QImage.Format.Format_ARGB32)
        image.fill(QColor(palette.BACKGROUND))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            scene.render(painter, QRectF(image.rect()), source)
        finally:
            painter.end()
        if not image.save(str(path)):
            raise ValueError(f"cannot write the image {path}: check that the folder exists and is writable")

    def _export_svg(self, scene, source: QRectF, path: Path) -> None:
        generator = svg_file(path, source.size().toSize(), self.title)
        painter = svg_painter(generator, path)
        try:
            scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
        finally:
            painter.end()

    def export_dialog(self) -> None:
        """Ask where to export the view and export it there; a failure is said above the plots."""
        path = ask_export_path(self)
        if not path:
            return
        try:
            self.export(path)
        except (OSError, ValueError) as error:
            self.export_problem.setText(QCoreApplication.translate("View", "Could not export to {path}: {reason}")
                                        .format(path=path, reason=error))
            self.export_problem.show()
            return
        self.export_problem.hide()

    def _offer_plot_menu(self, event) -> None:
        """A right click that no item of the plots took opens the :class:`PlotMenu` of the plot there."""
        if event.button() != Qt.MouseButton.RightButton or event.isAccepted():
            return
        event.accept()
        boxes = (item for item in self.graphics.scene().items(event.scenePos()) if isinstance(item, pg.ViewBox))
        PlotMenu(self, next(boxes, None)).popup(event.screenPos().toPoint())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._changed()  # titles composed of numbers and names are written in the new language
        super().changeEvent(event)

    def refresh(self) -> None:
        """Draw what has arrived since the last drawing."""
        self.catch_up()
        if self._stale and self.experiment is not None:
            self._stale = False
            self.redraw()

    # ------------------------------------------------------------------ hooks
    def requirement(self) -> str:
        """What data the view needs, completing "this view needs …" (views that apply to all data
        need not override it)."""
        return QCoreApplication.translate("View", "other data")

    def prepare(self, experiment) -> None:
        raise NotImplementedError

    def add_batches(self, events) -> None:
        pass

    def add_epochs(self, events) -> None:
        pass

    def show_inspection(self, inspection: Inspection) -> None:
        pass

    def redraw(self) -> None:
        raise NotImplementedError

    def table(self) -> tuple[list[str], list[list]]:
        raise NotImplementedError

    # ------------------------------------------------------------------ helpers
    def show_note(self, text: str | None) -> None:
        """A sentence above the plots (why something is not shown), or none."""
        self.note.setText(text or "")
        self.note.setVisible(bool(text))

    def new_picture_plot(self, row: int = 0) -> pg.PlotItem:
        """A plot without axes or grid, y growing downwards: for images and diagrams."""
        plot = self.new_plot(row, 0)
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.showGrid(x=False, y=False)
        plot.invertY(True)
        return plot

    def new_plot(self, row: int, col: int, title: str = "", axis_items: dict | None = None, **labels) -> pg.PlotItem:
        """A styled plot in the view's grid (see :func:`add_plot`)."""
        plot = add_plot(self.graphics, row, col, axis_items)
        if title:
            plot.setTitle(title, color=palette.FOREGROUND)
        for side, text in labels.items():
            plot.setLabel(side, text, color=palette.FOREGROUND)
        return plot

    @classmethod
    def _keeps(cls, hook: str) -> bool:
        """Whether the view overrides ``hook``, i.e. keeps something of what it is given."""
        return getattr(cls, hook) is not getattr(View, hook)

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def finish_drawing(self) -> None:
        """Draw now what is still waiting for its turn of the event loop (before an export or a
        grab of the window)."""
        self._reveal_all()

    def _reveal_all(self) -> None:
        self._reveal_timer.stop()
        for item in self._unrevealed:
            item.setOpacity(1.0)
        self._unrevealed = []

    # A view shown again paints every plot afresh, and pyqtgraph learns an axis' width from its tick
    # labels only while painting it, then lays the plot out and paints it again: the six plots of
    # the Weights view blocked the window for 60-80 ms, twice, when its tab was shown. The items of
    # the view's grid (plots, cells) appear one per turn of the event loop instead, from the turn
    # after the one that shows the tab: that one lays out and paints the tab's other widgets (the
    # Compare optimisers tab's first showing blocked the window 48-53 ms with its first plot in it,
    # 31-40 ms without, in most runs). Qt does not paint an item, nor its children, while it is
    # fully transparent.
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
        self.reveal_one_per_turn()

    def reveal_one_per_turn(self) -> None:
        """Show the items of the view's grid one per turn of the event loop, from the next turn."""
        self._reveal_all()
        self._unrevealed = list(self.graphics.ci.items)
        for item in self._unrevealed:
            item.setOpacity(0.0)
        if self._unrevealed:
            self._reveal_timer.start()

    def _reveal_next_item(self) -> None:
        if self._unrevealed:
            self._unrevealed.pop(0).setOpacity(1.0)
        if self._unrevealed:
            self._reveal_timer.start()
