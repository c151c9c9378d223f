"""A look inside the network at one moment: what the live views of the workbench draw.

:func:`inspect` computes, from the current weights and a probe of the data, everything the views
need — weight and bias histograms, activation statistics, first-layer weights as images, the
confusion matrix and the worst mistakes, the decision boundary of 2-D data, the prediction surface
of 2-D regression, the fitted curve of 1-D regression and the weight matrices of small networks —
so that the GUI does no maths of its own. The result is a frozen :class:`Inspection` whose arrays are
read-only copies, safe to hand to another thread. The training worker calls it a few times a second,
so it stays cheap: one forward pass over a bounded slice of the validation data, and histograms by
integer binning.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core import metrics
from core._checks import check_number
from core.layers import Activation, Dense

#: Activations with horizontal asymptotes, and the range (low, high) they approach (softmax: an output's).
BOUNDED_ACTIVATIONS = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0), "piecewise_linear": (0.0, 1.0),
                       "softmax": (0.0, 1.0)}
#: An output within this share of its range from an asymptote counts as saturated: there
#: φ' is nearly 0 (σ' ≤ 0.0099 for σ ∉ (0.01, 0.99), tanh' ≤ 0.0396 for |tanh| ≥ 0.98).
SATURATION_MARGIN = 0.01
#: Width of the bins of a distribution that starts with all values equal (zeros initialiser).
ZERO_SPREAD_BIN_WIDTH = 0.01
#: Share of the data's span added on each side of the grids over the plane and of the fitted curve.
GRID_MARGIN = 0.1


def _frozen(array: np.ndarray) -> np.ndarray:
    array = np.array(array, copy=True)
    array.flags.writeable = False
    return array


@dataclass(frozen=True)
class Histogram:
    """``counts[i]`` values lie in ``[edges[i], edges[i + 1])``; the edges are evenly spaced."""

    counts: np.ndarray
    edges: np.ndarray

    @property
    def bin_width(self) -> float:
        return float(self.edges[1] - self.edges[0])


@dataclass(frozen=True)
class LayerParameters:
    """The weight and bias distributions of the Dense layer ``network.layers[index]``.

    ``initial_*`` are the distributions when the run began, on the same grid of bins (current
    bins are the initial ones, extended by whole bins — or merged into wider ones — when the
    values leave the initial range), so that heights can be compared bar for bar.
    """

    index: int
    shape: tuple[int, int]
    weights: Histogram
    biases: Histogram
    initial_weights: Histogram
    initial_biases: Histogram


@dataclass(frozen=True)
class ActivationStatistics:
    """Outputs of the Activation layer ``network.layers[index]`` on the probe batch: the first
    ``n_rows`` rows of the ``split`` data ("validation", or "training" when there is none).

    ``saturated``: share of outputs — units × rows — within 1 % of the range from an asymptote
    (sigmoid, tanh, piece-wise linear; None for others). ``dead``: share of units that output 0 for
    every probe row (ReLU only; None for others) — they receive no gradient and no longer learn.
    """

    index: int
    function: str
    split: str
    n_rows: int
    n_units: int
    mean: float
    std: float
    saturated: float | None
    dead: float | None


@dataclass(frozen=True)
class Predictions:
    """Predictions on the first ``len(true)`` rows of the ``split`` data ("validation", or
    "training" when there is no validation data), out of ``n_available`` rows.

    ``true`` and ``predicted`` are class indices (0…K−1); ``confidence`` is the probability of the
    predicted class, or, for losses that give no probabilities (``confidence_kind == "margin"``),
    the predicted class's score minus the runner-up's (|score| for one output).
    ``confusion[i, j]`` counts examples of class i predicted as j. ``worst`` are row indices of the
    most confident mistakes, most confident first.
    """

    split: str
    n_available: int
    true: np.ndarray
    predicted: np.ndarray
    confidence: np.ndarray
    confidence_kind: str
    confusion: np.ndarray
    worst: np.ndarray

    @property
    def shares(self) -> np.ndarray:
        """The confusion matrix normalised per true class: share[i, j] = C[i, j] / Σₖ C[i, k]
        (the diagonal is each class's recall); a class with no evaluated example has a row of 0."""
        totals = self.confusion.sum(axis=1, keepdims=True)
        return self.confusion / np.maximum(totals, 1)

    def mistakes(self, true_class: int, predicted_class: int) -> np.ndarray:
        """Row indices of the examples of ``true_class`` predicted as ``predicted_class``,
        most confident first (the examples behind one cell of the confusion matrix)."""
        rows = np.flatnonzero((self.true == true_class) & (self.predicted == predicted_class))
        return rows[np.argsort(-self.confidence[rows], kind="stable")]


@dataclass(frozen=True)
class DecisionBoundary:
    """The classifier on an n×n grid over 2-D data: cell ``[i, j]`` is the point (x[j], y[i]),
    in the data's original units (the network was given the point scaled by the data set's scaler).

    ``labels`` are the predicted class indices, ``probabilities`` (n, n, K) the class
    probabilities and ``confidence`` the predicted class's probability; both None for losses
    that give no probabilities.
    """

    x: np.ndarray
    y: np.ndarray
    labels: np.ndarray
    probabilities: np.ndarray | None
    confidence: np.ndarray | None


@dataclass(frozen=True)
class UnitMaps:
    """What each unit computes over the plane of 2-D data (TensorFlow Playground's neuron pictures):
    ``maps[k]`` is (n, n, m) of the k-th activation layer's outputs a = f(z) at the grid points, cell
    ``[i, j]`` at (x[j], y[i]) in the data's original units, for its first m units of ``units[k]``.
    ``functions[k]`` names its activation; ``dense_before[k]`` counts the Dense layers before it (so
    the first hidden layer's is 1). The last map is the output's: the network's last activation layer,
    or, when it ends in a Dense layer, the loss's ``output_function`` of its sums (softmax's class
    probabilities, σ(z) of one logit, else the outputs themselves: scores, and regression values in the
    targets' own units, ŷ = o · scale + offset when the network learnt scaled targets).
    ``inputs`` (n, n, features) are the network's (scaled) inputs at the grid points when they are
    features computed from the points (x₁², sin x₁, …: :mod:`core.datasets.plane`), else None."""

    x: np.ndarray
    y: np.ndarray
    maps: tuple[np.ndarray, ...]
    functions: tuple[str, ...]
    units: tuple[int, ...]
    dense_before: tuple[int, ...]
    inputs: np.ndarray | None = None


@dataclass(frozen=True)
class PredictionSurface:
    """The regression network's prediction over 2-D data (TensorFlow Playground's regression output):
    ``values[i, j]`` is its output at (x[j], y[i]) of an n×n grid, the points in the data's original units
    (the network was given their scaled inputs, or features of them) and the values in the targets' units
    (unscaled when the targets were scaled)."""

    x: np.ndarray
    y: np.ndarray
    values: np.ndarray


@dataclass(frozen=True)
class FittedCurve:
    """The regression network's prediction y(x) on a grid over 1-D data, x and y in the data's
    original units (the scaled x given to the network, its output unscaled when the targets were)."""

    x: np.ndarray
    y: np.ndarray


@dataclass(frozen=True)
class Inspection:
    """Everything :func:`inspect` found; parts that do not apply to the data or network are None.

    ``unit_images`` (units, H, W): each first-layer unit's incoming weights in the image's shape.
    ``small_network`` ((W, b) per Dense layer) is given when no layer has more than the limit of units.
    ``unit_maps``: each unit's output over the plane, for 2-D data.
    ``surface``: the prediction over the plane, for 2-D regression with one target.
    """

    layers: tuple[LayerParameters, ...]
    activations: tuple[ActivationStatistics, ...]
    unit_images: np.ndarray | None
    predictions: Predictions | None
    boundary: DecisionBoundary | None
    curve: FittedCurve | None
    small_network: tuple[tuple[np.ndarray, np.ndarray], ...] | None
    unit_maps: UnitMaps | None = None
    surface: PredictionSurface | None = None


# ----------------------------------------------------------------------------- histograms
def grid_histogram(values: np.ndarray, origin: float, width: float, max_bins: int) -> Histogram:
    """Count ``values`` in the bins [origin + k·w, origin + (k+1)·w) of a fixed grid, k integer.

    The histogram spans the fewest whole bins holding every value, so bins of two calls on the
    same grid line up. If more than ``max_bins`` bins would be needed, w = m·width with the
    smallest whole m that fits (still on the same grid). Bin of v: k = ⌊(v − origin)/w⌋.
    """
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    low, high = float(values.min()), float(values.max())
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("cannot make a histogram of non-finite values (the weights diverged)")
    multiple = 1
    while True:
        bin_width = width * multiple
        first = math.floor((low - origin) / bin_width)
        last = math.floor((high - origin) / bin_width)
        if last - first + 1 <= max_bins:
            break
        multiple *= math.ceil((last - first + 1) / max_bins)
    # Rounding is monotone, so min and max bound every value's bin: no index falls outside.
    bins = np.floor((values - origin) / bin_width).astype(np.int64)
    bins -= first
    counts = np.bincount(bins, minlength=last - first + 1)
    edges = origin + bin_width * np.arange(first, last + 2, dtype=np.float64)
    return Histogram(_frozen(counts), _frozen(edges))


def initial_grid(values: np.ndarray, bins: int) -> tuple[float, float]:
    """(origin, width) of ``bins`` bins whose first and last are centred on the min and the max.

    width = (max − min)/(bins − 1), origin = min − width/2. A distribution with no spread
    (zeros initialiser) gets bins of width ZERO_SPREAD_BIN_WIDTH centred on its value.
    """
    low, high = float(values.min()), float(values.max())
    width = (high - low) / (bins - 1) if high > low else ZERO_SPREAD_BIN_WIDTH
    return low - width / 2, width


def _layer_parameters(index: int, layer: Dense, initial: LayerParameters | None, bins: int) -> LayerParameters:
    weights = _on_initial_grid(layer.W, None if initial is None else initial.initial_weights, bins)
    # The biases on a grid of their own: on the weights' (bins of 0.3 for weights of ±2), a layer's 64 biases
    # of ±0.3 fell into two bins.
    biases = _on_initial_grid(layer.b, None if initial is None else initial.initial_biases, bins)
    if initial is None:
        return LayerParameters(index, layer.W.shape, weights, biases, weights, biases)
    return LayerParameters(index, layer.W.shape, weights, biases, initial.initial_weights, initial.initial_biases)


def _on_initial_grid(values: np.ndarray, initial: Histogram | None, bins: int) -> Histogram:
    """The histogram of ``values`` on the grid of their ``initial`` histogram (a new grid if None), in at most
    four times the bins a new grid has."""
    # The square-root rule, ⌈√n⌉ bins for n values (at least 5): a 2×8 layer's 16 weights in 40 bins would be a
    # row of isolated ones.
    bins = min(bins, max(5, math.ceil(math.sqrt(values.size))))
    if initial is None:
        origin, width = initial_grid(values, bins)
    else:
        origin, width = float(initial.edges[0]), initial.bin_width
    return grid_histogram(values, origin, width, 4 * bins)


# ----------------------------------------------------------------------------- activations
def activation_statistics(index: int, function_name: str, a: np.ndarray, split: str) -> ActivationStatistics:
    """Mean, standard deviation, saturated share and dead share of the outputs ``a`` (N, units)
    on the first N rows of the ``split`` data.

    saturated = share of entries with a ≤ low + m·(high − low) or a ≥ high − m·(high − low),
    m = SATURATION_MARGIN; dead = share of columns with a = 0 in every row (ReLU).
    """
    saturated = dead = None
    if function_name in BOUNDED_ACTIVATIONS:
        low, high = BOUNDED_ACTIVATIONS[function_name]
        margin = SATURATION_MARGIN * (high - low)
        saturated = float(np.count_nonzero((a <= low + margin) | (a >= high - margin))) / a.size
    if function_name == "relu":
        dead = float(np.count_nonzero(~a.any(axis=0))) / a.shape[1]
    return ActivationStatistics(index, function_name, split, a.shape[0], a.shape[1], float(a.mean(dtype=np.float64)),
                                float(a.std(dtype=np.float64)), saturated, dead)


# ----------------------------------------------------------------------------- predictions
def confidence_of(loss, output: np.ndarray, predicted: np.ndarray) -> tuple[np.ndarray, str]:
    """(confidence of each prediction, "probability" or "margin") — see :class:`Predictions`."""
    probabilities = loss.probabilities(output)
    if probabilities is not None:
        return probabilities[np.arange(predicted.size), predicted], "probability"
    if output.ndim == 1 or output.shape[1] == 1:
        return np.abs(output.reshape(-1)), "margin"
    top_two = np.partition(output, output.shape[1] - 2, axis=1)[:, -2:]
    return top_two[:, 1] - top_two[:, 0], "margin"


def _predictions(network, output, y, split: str, n_available: int, n_classes: int, n_worst: int) -> Predictions:
    loss = network.loss
    predicted = loss.predict(output).astype(np.int64, copy=False)
    true = np.asarray(y, dtype=np.int64)
    confidence, kind = confidence_of(loss, output, predicted)
    wrong = np.flatnonzero(predicted != true)
    worst = wrong[np.argsort(-confidence[wrong], kind="stable")[:n_worst]]
    confusion = metrics.confusion_matrix(true, predicted, n_classes)
    return Predictions(split, n_available, _frozen(true), _frozen(predicted), _frozen(confidence), kind,
                       _frozen(confusion), _frozen(worst))


# ----------------------------------------------------------------------------- grids over the data
def _spans(dataset, n: int) -> list[np.ndarray]:
    """Per feature, n points from min − margin to max + margin over the training, validation and test
    data (the decision boundary's view draws the test points on request: outside the grid they had no
    predicted class under them), in the data's original units. The scaler is affine per feature, so the
    points are evenly spaced in the network's (scaled) inputs too, and the decision boundary's cells stay
    a grid. Data whose inputs are features of the points of a plane span the plane's points."""
    plane = dataset.plane
    splits = (plane.train, plane.val, plane.test) if plane is not None else (dataset.X_train, dataset.X_val,
                                                                              dataset.X_test)
    parts = [split for split in splits if split is not None and len(split)]
    lows = np.min([part.min(axis=0) for part in parts], axis=0)
    highs = np.max([part.max(axis=0) for part in parts], axis=0)
    if plane is None:
        lows, highs = dataset.scaler.inverse_transform(np.stack([lows, highs]))
    lows, highs = np.asarray(lows, dtype=np.float64), np.asarray(highs, dtype=np.float64)
    spans = []
    for low, high in zip(lows, highs):
        margin = GRID_MARGIN * (high - low) if high > low else 1.0
        spans.append(np.linspace(low - margin, high + margin, n))
    return spans


def plane_grid(dataset, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, y, inputs): an n×n grid spanning 2-D data with margins, x and y its n coordinates each in the
    data's original units, and ``inputs`` (n², features) the network's inputs at its points, row by row
    (point k = (x[k % n], y[k // n])): scaled, or the scaled features of the points."""
    x, y = _spans(dataset, n)
    grid_x, grid_y = np.meshgrid(x, y)
    return x, y, dataset.plane_inputs(np.column_stack([grid_x.ravel(), grid_y.ravel()]))


def decision_boundary(network, dataset, n: int) -> DecisionBoundary:
    """The classifier's labels and probabilities on an n×n grid spanning 2-D data with margins."""
    x, y, inputs = plane_grid(dataset, n)
    output = network.predict_output(inputs)
    loss = network.loss
    labels = loss.predict(output).reshape(n, n)
    probabilities = loss.probabilities(output)
    confidence = None
    if probabilities is not None:
        probabilities = probabilities.reshape(n, n, -1)
        confidence = _frozen(probabilities.max(axis=2))
        probabilities = _frozen(probabilities)
    return DecisionBoundary(_frozen(x), _frozen(y), _frozen(labels), probabilities, confidence)


def unit_maps(network, dataset, n: int, max_units: int) -> UnitMaps:
    """Every activation layer's first ``max_units`` outputs on an n×n grid spanning 2-D data with margins
    (one inference pass of the n² points)."""
    x, y, inputs = plane_grid(dataset, n)
    out = np.ascontiguousarray(inputs, dtype=network.dtype)
    inputs = _frozen(out.reshape(n, n, -1)) if dataset.plane is not None else None
    maps, functions, units, dense_before = [], [], [], []
    dense_seen = 0
    for layer in network.layers:
        out = layer.forward(out, False)
        if isinstance(layer, Dense):
            dense_seen += 1
        elif isinstance(layer, Activation):
            shown = min(out.shape[1], max_units)
            maps.append(_frozen(out[:, :shown].reshape(n, n, shown)))
            functions.append(layer.function.name)
            units.append(out.shape[1])
            dense_before.append(dense_seen)
    if isinstance(network.layers[-1], Dense):  # the output: the loss's function of the last weighted sums
        out = network.loss.output_values(out)
        if network.loss.task == "regression":  # the predicted values, as the prediction surface shows them
            out = dataset.original_targets(out)
        shown = min(out.shape[1], max_units)
        maps.append(_frozen(out[:, :shown].reshape(n, n, shown)))
        functions.append(network.loss.output_function)
        units.append(out.shape[1])
        dense_before.append(dense_seen)
    return UnitMaps(_frozen(x), _frozen(y), tuple(maps), tuple(functions), tuple(units), tuple(dense_before),
                    inputs)


def prediction_surface(network, dataset, n: int) -> PredictionSurface:
    """The regression network's one output on an n×n grid spanning 2-D data with margins, in the targets' units."""
    x, y, inputs = plane_grid(dataset, n)
    values = dataset.original_targets(network.predict(inputs)).reshape(n, n)
    return PredictionSurface(_frozen(x), _frozen(y), _frozen(values))


def fitted_curve(network, dataset, n: int) -> FittedCurve:
    """The regression network's predictions on n points spanning 1-D data with margins."""
    (x,) = _spans(dataset, n)
    prediction = network.predict(dataset.scaler.transform(x[:, None]))
    return FittedCurve(_frozen(x), _frozen(dataset.original_targets(prediction).reshape(-1)))


# ----------------------------------------------------------------------------- the whole look
def inspect(network, dataset, probe_size: int = 256, *, initial: Inspection | None = None, bins: int = 40,
            max_evaluated: int | None = 500, n_worst: int = 32, grid_size: int = 80, curve_size: int = 200,
            max_unit_images: int = 64, small_network_units: int = 64, unit_map_size: int = 48,
            max_mapped_units: int = 16) -> Inspection:
    """Look inside ``network`` on ``dataset`` with inference passes (the weights are not changed).

    - Histograms per Dense layer on the grid of ``initial`` (the first inspection of the run,
      whose own ``initial_*`` it carries forward); without ``initial`` a grid of at most ``bins``
      bins (fewer for small layers) over the current weights, and one over the biases, is chosen,
      and this inspection is the run's initial one.
    - Activation statistics on the first ``probe_size`` validation rows (training rows when
      there is no validation data).
    - For classification: predictions, confusion matrix and worst mistakes on the first
      ``max_evaluated`` validation rows (all of them with None); the validation split is
      shuffled, so its first rows are a fair sample and the same rows are used at every call.
    - For 2-D classification the ``grid_size``² decision boundary, for 2-D regression with one
      target the ``grid_size``² prediction surface; for 1-D regression the
      fitted curve on ``curve_size`` points; for image data the first ``max_unit_images`` units'
      weights as images; for networks with at most ``small_network_units`` units per Dense layer
      their weight matrices; for 2-D data the outputs of each activation layer's first
      ``max_mapped_units`` units on a ``unit_map_size``² grid.

    The weights of a diverging run are finite but huge; their activations overflow to ±inf,
    which is what the views should show, so overflow is not reported as a warning.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        return _inspect(network, dataset, probe_size, initial, bins, max_evaluated, n_worst, grid_size,
                        curve_size, max_unit_images, small_network_units, unit_map_size, max_mapped_units)


def _inspect(network, dataset, probe_size, initial, bins, max_evaluated, n_worst, grid_size, curve_size,
             max_unit_images, small_network_units, unit_map_size, max_mapped_units) -> Inspection:
    probe_size = check_number("probe size", probe_size, low=1, integer=True)
    bins = check_number("histogram bins", bins, low=2, integer=True)
    if max_evaluated is not None:
        max_evaluated = check_number("max evaluated rows", max_evaluated, low=1, integer=True)
    n_worst = check_number("number of worst mistakes", n_worst, low=0, integer=True)
    grid_size = check_number("decision-boundary and prediction-surface grid size", grid_size, low=2, integer=True)
    curve_size = check_number("fitted-curve size", curve_size, low=2, integer=True)
    max_unit_images = check_number("max unit images", max_unit_images, low=0, integer=True)
    unit_map_size = check_number("unit map size", unit_map_size, low=2, integer=True)
    max_mapped_units = check_number("max mapped units", max_mapped_units, low=1, integer=True)
    if dataset.n_features != network.n_inputs:
        raise ValueError(f"the network takes {network.n_inputs} inputs but {dataset.name} has "
                         f"{dataset.n_features} features")

    dense = [(index, layer) for index, layer in enumerate(network.layers) if isinstance(layer, Dense)]
    if initial is not None and [(entry.index, entry.shape) for entry in initial.layers] != \
            [(index, layer.W.shape) for index, layer in dense]:
        raise ValueError("the initial inspection belongs to a network of another architecture; "
                         "inspect the re-built network without initial= first")
    initial_layers = (None,) * len(dense) if initial is None else initial.layers
    layers = tuple(_layer_parameters(index, layer, start, bins)
                   for (index, layer), start in zip(dense, initial_layers))

    has_validation = dataset.X_val is not None and len(dataset.X_val) > 0
    split = "validation" if has_validation else "training"
    X_all, y_all = (dataset.X_val, dataset.y_val) if has_validation else (dataset.X_train, dataset.y_train)
    is_classification = dataset.task != "regression"
    n_evaluated = 0
    if is_classification:
        n_evaluated = len(X_all) if max_evaluated is None else min(max_evaluated, len(X_all))
    X = np.ascontiguousarray(X_all[:max(probe_size, n_evaluated)], dtype=network.dtype)

    # One inference pass, layer by layer, so that the probe's activations are seen on the way.
    statistics = []
    out = X
    for index, layer in enumerate(network.layers):
        out = layer.forward(out, False)
        if isinstance(layer, Activation):
            statistics.append(activation_statistics(index, layer.function.name, out[:probe_size], split))

    predictions = boundary = surface = curve = None
    if is_classification:
        predictions = _predictions(network, out[:n_evaluated], y_all[:n_evaluated], split, len(X_all),
                                   dataset.n_classes, n_worst)
        if dataset.is_planar:
            boundary = decision_boundary(network, dataset, grid_size)
    elif network.n_outputs == 1 and dataset.is_planar:
        surface = prediction_surface(network, dataset, grid_size)
    elif network.n_outputs == 1 and dataset.n_features == 1:
        curve = fitted_curve(network, dataset, curve_size)

    unit_images = None
    first = dense[0][1]
    if dataset.image_shape is not None and int(np.prod(dataset.image_shape)) == first.n_in:
        shown = min(first.n_out, max_unit_images)
        unit_images = _frozen(first.W[:, :shown].T.reshape((shown, *dataset.image_shape)))

    small_network = None
    if all(layer.n_in <= small_network_units and layer.n_out <= small_network_units for _, layer in dense):
        small_network = tuple((_frozen(layer.W), _frozen(layer.b)) for _, layer in dense)

    maps = unit_maps(network, dataset, unit_map_size, max_mapped_units) if dataset.is_planar else None
    return Inspection(layers, tuple(statistics), unit_images, predictions, boundary, curve, small_network, maps,
                      surface)
