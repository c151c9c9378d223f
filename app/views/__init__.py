"""The live views of a training run, each a QWidget with the API of :class:`app.views.base.View`.

``all_views()`` lists their classes in the order the window shows them; a view whose
``applies_to(dataset)`` is False has nothing to show for that data and is left out.
"""
from __future__ import annotations

from app.views.boundary import BoundaryView
from app.views.confusion import ConfusionView
from app.views.fitted_curve import FittedCurveView
from app.views.gradients import GradientView
from app.views.histograms import HistogramView
from app.views.loss import LossView
from app.views.network_graph import NetworkView
from app.views.prediction_surface import PredictionSurfaceView
from app.views.unit_images import UnitImageView
from app.views.unit_maps import UnitMapView


def all_views() -> list[type]:
    return [LossView, HistogramView, GradientView, UnitImageView, ConfusionView, BoundaryView, PredictionSurfaceView,
            UnitMapView, FittedCurveView, NetworkView]
