"""A 1-D regression network's prediction drawn over the data it learns from."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app import palette
from app.views.base import TranslatedText, View, floating_legend
from app.views.plane_view import MAX_POINTS


class FittedCurveView(View):
    """Training points (circles), validation points (triangles) and the network's y(x) (line)."""

    title = TranslatedText("FittedCurveView", QT_TRANSLATE_NOOP("FittedCurveView", "Fitted curve"))
    guide_section = "view-fitted-curve"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.new_plot(0, 0)
        floating_legend(self.plot, (-10, 10))  # the curves named below join it
        self.train_points = self.plot.plot(pen=None, symbol="o", symbolSize=6, symbolPen=None,
                                           symbolBrush=palette.translucent(0, 170), name=self.tr("training"))
        self.val_points = self.plot.plot(pen=None, symbol="t", symbolSize=8, symbolPen=palette.FOREGROUND,
                                         symbolBrush=palette.series_color(1), name=self.tr("validation"))
        self.curve = self.plot.plot(pen=palette.pen(3, 3), name=self.tr("network"))
        self.fitted = None
        self.feature_name = "x"

    @classmethod
    def applies_to(cls, dataset) -> bool:
        # Not one feature of the points of a plane (x₁x₂ alone): those are drawn over their plane.
        return (dataset.task == "regression" and dataset.n_features == 1 and not dataset.is_planar
                and dataset.y_train.shape[-1] == 1)

    def requirement(self):
        return self.tr("regression data with one feature and one target")

    def prepare(self, experiment):
        dataset = experiment.dataset
        self.fitted = None
        self.curve.setData([], [])
        self.feature_name = dataset.feature_names[0]
        self.plot.setLabel("bottom", self.feature_name, color=palette.FOREGROUND)
        self.plot.setLabel("left", self.tr("target"), color=palette.FOREGROUND)
        for item, X, y in ((self.train_points, dataset.X_train, dataset.y_train),
                           (self.val_points, dataset.X_val, dataset.y_val)):
            item.setData(dataset.scaler.inverse_transform(X[:MAX_POINTS])[:, 0],
                         dataset.original_targets(y[:MAX_POINTS]).reshape(-1))

    def show_inspection(self, inspection):
        self.fitted = inspection.curve

    def redraw(self):
        if self.fitted is not None:
            self.curve.setData(self.fitted.x, self.fitted.y)

    def table(self):
        rows = [] if self.fitted is None else [[float(x), float(y)] for x, y in zip(self.fitted.x, self.fitted.y)]
        return [self.tr("{feature} (original units)").format(feature=self.feature_name),
                self.tr("network output (original units)")], rows
