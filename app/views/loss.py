"""Loss, accuracy (or R²) and learning rate over the optimiser's steps."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from app import palette
from app.views.base import (GrowingStepAxis, TranslatedText, ValueAxis, View, bounded_by_their_plot, cache_pictures,
                            finite_bounds, floating_legend, line_up)
from app.views.series import DEFAULT_CAPACITY, TREND_CAPACITY, DecimatingSeries, Smoother, plain, show

BATCH, SMOOTHED, TRAIN, VALIDATION, PENALTY = range(5)
LEFT_AXIS_WIDTH = 76
"""Pixels for a value axis: its title and ticks up to seven characters wide ("0.00075", "1.5·10⁻⁴")."""


class LossView(View):
    """Three stacked plots sharing the step axis:

    - loss: every batch (grey), its smoothed trend, and the epoch means on training and validation data
      (both the loss alone, comparable), with the epoch's mean penalty once a run has one; of regression
      targets that are scaled, the loss is that of the scaled targets, and says so;
    - accuracy for classification, R² for regression: smoothed per batch, and per epoch;
    - the learning rate actually used at each step (schedules and live changes show up here).

    A dotted vertical line, "set by hand", marks each step at which a weight was set by hand.
    """

    title = TranslatedText("LossView", QT_TRANSLATE_NOOP("LossView", "Loss"))
    guide_section = "view-loss"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.loss_plot = self.new_plot(0, 0, left=self.tr("loss"))
        self.metric_plot = self.new_plot(1, 0)
        self.lr_plot = self.new_plot(2, 0, left=self.tr("learning rate"), bottom=self.tr("step"))
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.graphics.ci.layout.setRowStretchFactor(2, 1)
        for plot in (self.metric_plot, self.lr_plot):
            plot.setXLink(self.loss_plot)
        # The plots share their steps, lined up by the link: only the lowest labels them. Each move of
        # the step axis typesets its labels afresh, which made that frame five times a usual one.
        for plot in (self.loss_plot, self.metric_plot):
            plot.getAxis("bottom").setStyle(showValues=False)
        # Sized by their ticks, each axis learnt its width only when painted: the tab's first paint was followed
        # by a second layout and paint of all three plots (~25 ms under training load), as was every change of
        # the ticks' width in a run.
        line_up((self.loss_plot, self.metric_plot, self.lr_plot), LEFT_AXIS_WIDTH)
        self.steps_axis = GrowingStepAxis(self.loss_plot, self.metric_plot, self.lr_plot)
        # From 0 (see redraw); an R² can be below 0, so prepare() sets the metric's lowest.
        self.value_axes = (ValueAxis(1, self.loss_plot, lowest=0.0), ValueAxis(1, self.metric_plot, lowest=0.0),
                           ValueAxis(1, self.lr_plot, lowest=0.0))
        self.newest_step = 0
        self.names = (self.tr("loss per batch"), self.tr("loss, smoothed"),
                      self.tr("training loss (epoch)"), self.tr("validation loss (epoch)"),
                      self.tr("training penalty (epoch)"))
        # Trends (the smoothed curves, the rate) keep a point every few pixels: drawn with wide pens,
        # each point costs, and a smooth line looks the same with a quarter of them.
        self.loss_series = [DecimatingSeries(TREND_CAPACITY if kind == SMOOTHED else DEFAULT_CAPACITY)
                            for kind in range(len(self.names))]
        self.metric_series = [DecimatingSeries(TREND_CAPACITY), DecimatingSeries(), DecimatingSeries()]
        self.lr_series = DecimatingSeries(TREND_CAPACITY)
        self.loss_smoother, self.metric_smoother = Smoother(), Smoother()

        self.legend = legend = floating_legend(self.loss_plot, (-10, 10))
        reference = pg.mkPen(palette.REFERENCE, width=1)
        self.loss_curves = [
            self.line(self.loss_plot, pen=reference, name=self.names[BATCH]),
            self.line(self.loss_plot, pen=palette.pen(0, 2), name=self.names[SMOOTHED]),
            self.loss_plot.plot(pen=palette.pen(0, 1, Qt.PenStyle.DashLine), symbol="o", symbolSize=6,
                                symbolBrush=palette.series_color(0), symbolPen=None, name=self.names[TRAIN]),
            self.loss_plot.plot(pen=palette.pen(1, 2), symbol="s", symbolSize=6,
                                symbolBrush=palette.series_color(1), symbolPen=None, name=self.names[VALIDATION]),
            # In the legend, and shown, once a run has a penalty (see add_epochs).
            self.loss_plot.plot(pen=palette.pen(3, 1, Qt.PenStyle.DotLine), symbol="d", symbolSize=7,
                                symbolBrush=palette.series_color(3), symbolPen=None),
        ]
        self.loss_curves[PENALTY].hide()
        metric_legend = floating_legend(self.metric_plot, (-10, -10))
        self.metric_curves = [
            self.line(self.metric_plot, pen=palette.pen(0, 1.5), name=self.tr("per batch, smoothed")),
            self.metric_plot.plot(pen=palette.pen(0, 1, Qt.PenStyle.DashLine), symbol="o", symbolSize=6,
                                  symbolBrush=palette.series_color(0), symbolPen=None, name=self.tr("training")),
            self.metric_plot.plot(pen=palette.pen(1, 2), symbol="s", symbolSize=6,
                                  symbolBrush=palette.series_color(1), symbolPen=None, name=self.tr("validation")),
        ]
        self.lr_curve = self.line(self.lr_plot, pen=palette.pen(palette.LEARNING_RATE, 1.5))
        curves = [*self.loss_curves, *self.metric_curves, self.lr_curve]
        per_epoch = [item for item in curves if isinstance(item, pg.PlotDataItem)]  # lines with symbols
        per_batch = [item for item in curves if isinstance(item, pg.PlotCurveItem)]
        symbols = [item.scatter for item in per_epoch]
        for item in per_epoch:
            # A legend sample draws the scatter's own brush, pen and size, which pyqtgraph sets from the item's
            # only with its first points: painted before the first epoch and cached, the legend showed
            # pyqtgraph's grey-violet default until the window was resized.
            item.scatter.setBrush(item.opts["symbolBrush"])
            item.scatter.setPen(item.opts["symbolPen"])
            item.scatter.setSize(item.opts["symbolSize"])
        bounded_by_their_plot(*per_batch, *(item.curve for item in per_epoch), *symbols)
        cache_pictures(legend, metric_legend, *symbols)
        # No clipping to the view nor downsampling: a series holds at most ~1000 points, about one
        # per pixel, and both would recompute every curve whenever the axes move.
        self.hand_set_lines: list[pg.InfiniteLine] = []  # on the loss plot, one per step a weight was set at
        self.metric_name = ""
        self.scaled_targets = False  # the loss is of scaled regression targets, not in the data's units

    @staticmethod
    def line(plot: pg.PlotItem, **options) -> pg.PlotCurveItem:
        """A curve without symbols for a per-batch series, new points at every frame: pyqtgraph's
        PlotCurveItem itself, whose setData costs a fifth of the PlotDataItem wrapped around it by
        ``plot.plot()`` (~0.13 ms a curve and frame)."""
        curve = pg.PlotCurveItem(**options)
        plot.addItem(curve)
        return curve

    def prepare(self, experiment):
        regression = experiment.dataset.task == "regression"
        self.metric_name = self.tr("R²") if regression else self.tr("accuracy")
        self.value_axes[1].lowest = None if regression else 0.0
        self.metric_plot.setLabel("left", self.metric_name, color=palette.FOREGROUND)
        self.scaled_targets = experiment.dataset.target_scaler is not None
        self.loss_plot.setLabel("left", self.tr("loss of the scaled targets") if self.scaled_targets
                                else self.tr("loss"), color=palette.FOREGROUND)
        for series in (*self.loss_series, *self.metric_series, self.lr_series):
            series.clear()
        self.loss_smoother.reset()
        self.metric_smoother.reset()
        for axis in (self.steps_axis, *self.value_axes):
            axis.reset()
        self.newest_step = 0
        self._show_penalty(False)
        for line in self.hand_set_lines:
            self.loss_plot.removeItem(line)
        self.hand_set_lines = []
        self.redraw()

    def _show_penalty(self, shown: bool) -> None:
        curve = self.loss_curves[PENALTY]
        if shown == curve.isVisible():
            return
        curve.setVisible(shown)
        if shown:
            self.legend.addItem(curve, self.names[PENALTY])
            cache_pictures(self.legend)
        else:
            self.legend.removeItem(curve)

    def add_batches(self, events):
        batch, smoothed = self.loss_series[BATCH], self.loss_series[SMOOTHED]
        for event in events:
            batch.append(event.step, event.loss)
            smoothed.append(event.step, self.loss_smoother(event.loss))
            self.metric_series[0].append(event.step, self.metric_smoother(event.metric))
            self.lr_series.append(event.step, event.lr)
        self.newest_step = events[-1].step

    def add_epochs(self, events):
        for event in events:
            self.loss_series[TRAIN].append(event.step, event.train_loss)
            self.loss_series[VALIDATION].append(event.step, event.val_loss)
            self.loss_series[PENALTY].append(event.step, event.train_penalty)
            if event.train_penalty > 0:
                self._show_penalty(True)
            self.metric_series[1].append(event.step, event.train_metric)
            self.metric_series[2].append(event.step, event.val_metric)

    def on_weight_set(self, event) -> None:
        """A weight was set by hand (a :class:`core.events.WeightSetByHand`): its step is marked, once."""
        if self.experiment is None or any(line.value() == event.step for line in self.hand_set_lines):
            return
        line = pg.InfiniteLine(event.step, angle=90, pen=pg.mkPen(palette.FOREGROUND, width=1,
                                                                    style=Qt.PenStyle.DotLine),
                               label=self.tr("set by hand"),
                               # at the foot, on a light ground: a loss falls, and the legend sits at the top
                               labelOpts=dict(position=0.03, anchors=[(0, 1), (0, 1)], color=palette.FOREGROUND,
                                              fill=pg.mkBrush(255, 255, 255, 210)))
        self.loss_plot.addItem(line, ignoreBounds=True)
        self.hand_set_lines.append(line)

    def redraw(self):
        for curve, series in zip((*self.loss_curves, *self.metric_curves, self.lr_curve),
                                 (*self.loss_series, *self.metric_series, self.lr_series)):
            # "finite" leaves gaps for NaN (no validation data) instead of dropping the whole curve.
            show(curve, series, connect="finite")
        self.steps_axis.follow(self.newest_step, self.run_going)
        # From 0: a loss, an accuracy and a learning rate are ≥ 0, and an axis from 0 moves when their
        # largest value does (rarely), not at each new low of a falling loss; a constant rate reads as
        # a flat line rather than a zoom into noise.
        for axis, series in zip(self.value_axes, (self.loss_series, self.metric_series, (self.lr_series,))):
            bounds = finite_bounds(*(each.y for each in series))
            if bounds is not None and axis.lowest is not None:
                bounds = (min(bounds[0], axis.lowest), bounds[1])
            axis.follow(bounds)

    def table(self):
        shown = len(self.names) if self.loss_curves[PENALTY].isVisible() else PENALTY
        names = [self.tr("%1, of the scaled targets").replace("%1", name) if self.scaled_targets and kind != PENALTY
                 else name for kind, name in enumerate(self.names[:shown])]
        named = [*zip(names, self.loss_series[:shown]),
                 *zip((self.tr("{metric} per batch, smoothed").format(metric=self.metric_name),
                       self.tr("training {metric} (epoch)").format(metric=self.metric_name),
                       self.tr("validation {metric} (epoch)").format(metric=self.metric_name)), self.metric_series),
                 (self.tr("learning rate"), self.lr_series)]
        rows = [[name, plain(x), float(y)]
                for name, series in named for x, y in zip(series.x, series.y)]
        return [self.tr("series"), self.tr("step"), self.tr("value")], rows
