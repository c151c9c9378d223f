"""What every live view shares: its title, its life cycle, and export to PNG, SVG or CSV.

A view receives ``reset(experiment)`` when a run is built or re-initialised and
``on_progress(progress)`` for each throttled :class:`app.messages.Progress` from the training
worker. It stores what arrives (in bounded buffers) and draws only while it is visible, so that
views in hidden tabs cost nothing but the bookkeeping; it catches up when shown.
"""
from __future__ import annotations

import csv
import math
import weakref
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app import palette
from core.inspection import Inspection, inspect

EXPORT_SUFFIXES = (".png", ".svg", ".csv")


def export_suffix(path: Path) -> str:
    """The lower-case suffix of an export target, or ValueError naming the formats allowed."""
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ValueError(f"cannot export to {path.name!r}: the file name must end in {', '.join(EXPORT_SUFFIXES)}")
    return suffix
PNG_SCALE = 2


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


ROUND_STEPS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
"""The right ends a growing step axis takes, × 10ᵏ: the curve always fills at least 4/5 of the width."""


def round_up(value: float) -> float:
    """The smallest of ``ROUND_STEPS`` × 10ᵏ that is ≥ ``value`` (> 0)."""
    scale = 10.0 ** math.floor(math.log10(value))
    return next(step * scale for step in ROUND_STEPS if step * scale >= value)


class GrowingStepAxis:
    """The shared x axis of plots over the optimiser's steps, from 0 to a round number past the newest
    step (:func:`round_up`).

    Auto-ranging moved the axis at every frame, and every move lays out the ticks and grid of
    each linked plot again: the larger part of a frame's cost. A round right end moves a few times
    per decade of steps. The axis stops following once the user zooms or pans, and follows again
    when auto-range is asked for (the plot's "A" button or its menu).
    """

    def __init__(self, *plots: pg.PlotItem):
        self.boxes = [plot.getViewBox() for plot in plots]
        self.following, self.newest, self.right = True, 0.0, 0.0
        for box in self.boxes:
            box.enableAutoRange(x=False)
            box.sigRangeChangedManually.connect(self._zoomed)
            box.sigStateChanged.connect(self._auto_range_asked)

    def reset(self) -> None:
        self.following, self.newest, self.right = True, 0.0, 0.0

    def follow(self, newest_step: float) -> None:
        """Make room for ``newest_step`` (while the axis follows the steps)."""
        self.newest = newest_step
        if self.following and newest_step > self.right:
            self.right = round_up(newest_step)
            self.boxes[0].setXRange(0.0, self.right, padding=0)

    def _zoomed(self, changed_axes) -> None:
        if changed_axes[0]:
            self.following = False

    def _auto_range_asked(self, box) -> None:
        if box.autoRangeEnabled()[0]:
            box.enableAutoRange(x=False)
            self.following, self.right = True, 0.0
            self.follow(self.newest)


class View(QWidget):
    """Base class of the live views. Subclasses set ``title`` and override the hooks:

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
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setBackground(palette.BACKGROUND)
        layout.addWidget(self.graphics, 1)
        self._stale = False

    # ------------------------------------------------------------------ the API used by the window
    @classmethod
    def applies_to(cls, dataset) -> bool:
        """Whether this view has anything to show for ``dataset`` (a :class:`core.datasets` Dataset)."""
        return True

    def reset(self, experiment) -> None:
        """A new or re-initialised run of ``experiment`` (a :class:`core.experiment.Experiment`).

        For data the view does not apply to, it shows why and ignores the run's progress.
        """
        dataset = experiment.dataset
        if not self.applies_to(dataset):
            self.experiment = None
            self.graphics.hide()
            self.show_note(QCoreApplication.translate("View", "Nothing to show for {dataset}: this view needs {what}.")
                           .format(dataset=dataset.name, what=self.requirement()))
            return
        self.experiment = experiment
        self.graphics.show()
        self.show_note(None)
        self.prepare(experiment)
        self.show_inspection(inspection_of(experiment.network, dataset))
        self._changed()

    def on_progress(self, progress) -> None:
        """Take one :class:`app.messages.Progress` from the worker (ignored if the view does not apply).

        The view is redrawn only when something it keeps arrived: most messages carry batches
        alone, which a view drawn from inspections has no use for.
        """
        if self.experiment is None:
            return
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

    def export(self, path) -> None:
        """Write the view to ``path``: an image (.png, .svg) or its data (.csv)."""
        path = Path(path)
        suffix = export_suffix(path)
        self.refresh()
        if suffix == ".csv":
            header, rows = self.table()
            with open(path, "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                writer.writerows(rows)
            return
        scene = self.graphics.scene()
        # What is on screen, not the scene's own rectangle: that only ever grows (to hold a diverged
        # path thousands of plot widths away, once a PNG of over 256 MB).
        source = self.graphics.mapToScene(self.graphics.viewport().rect()).boundingRect()
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
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(source.size().toSize())
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle(self.title)
        painter = QPainter(generator)
        try:
            scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
        finally:
            painter.end()

    def refresh(self) -> None:
        """Draw what has arrived since the last drawing."""
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

    def new_picture_plot(self) -> pg.PlotItem:
        """A plot without axes or grid, y growing downwards: for images and diagrams."""
        plot = self.new_plot(0, 0)
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.showGrid(x=False, y=False)
        plot.invertY(True)
        return plot

    def new_plot(self, row: int, col: int, title: str = "", **labels) -> pg.PlotItem:
        plot = self.graphics.addPlot(row=row, col=col)
        palette.style_plot(plot)
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

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
