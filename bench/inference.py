"""Workload 3: what the drawing canvas waits for on every mouse move.

* Single-sample inference latency, 784 → 10 (the 784-256-128-10 network of workload 1): one
  image in, ten class probabilities out, as the canvas asks — this engine's ``predict_proba``,
  PyTorch's ``softmax(model(x))`` under ``inference_mode``, and the floor of the three matrix
  products alone; and, for information, ``core.saliency.saliency`` (probabilities and the gradient
  of the top one with respect to the pixels), which the Draw view calls. Median and 99th
  percentile of single calls, in µs. The engine's single-row kernel is compiled (or loaded from
  numba's disk cache) before the clock starts, as ``prepare_row_kernels`` does ahead of use.
  Alternating with PyTorch does not slow the engine through PyTorch's idle OpenMP threads (the same
  figures with torch on one thread or two); what does is the cache: each contender's call pushes
  the others' weights out of it. So the floor multiplies copies of the engine's weights — on the
  very same arrays it would leave them warm for the engine's next call.
* Drawn-digit preprocessing: ``core.datasets.drawing.preprocess_drawing`` turning a digit drawn on
  a 280 × 280 canvas into MNIST's 28 × 28 format, from the strokes and from the raster, in ms; and
  ``DrawingPreprocessor``, which the Draw view calls on every mouse move, following an 8 as it is
  drawn point by point (it stamps only the new segment while the pen stays inside the drawing's box).
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from bench import contenders as c
from bench import data, machine
from bench.results import Target, WorkloadResult
from bench.timing import alternate
from core.network import prepare_row_kernels

CANVAS_SIDE = 280
SALIENCY = "this engine, probabilities + saliency ∂p/∂x (the Draw view's call)"
SIZES = (784, 256, 128, 10)


@dataclass(frozen=True)
class Plan:
    calls: int           # single-sample calls per contender
    preprocess_calls: int


FULL = Plan(calls=5000, preprocess_calls=300)
QUICK = Plan(calls=50, preprocess_calls=5)


def _timed(action, *arguments, **options) -> float:
    start = time.perf_counter_ns()
    action(*arguments, **options)
    return (time.perf_counter_ns() - start) / 1000.0


def latency(plan: Plan) -> WorkloadResult:
    # Sparse like a drawn digit (a fifth of the pixels inked): the engine reads only the inked
    # pixels' rows of the first weight matrix, so the figure depends on that, not on the shapes.
    image = data.synthetic_mnist(1).X
    network = c.relu_network(SIZES)
    prepare_row_kernels(network.dtype)
    weights = [layer.W.copy() for layer in network.layers if hasattr(layer, "W")]

    def floor(x):
        for W in weights:
            x = x @ W
        return x

    contenders = {c.ENGINE: lambda: _timed(network.predict_proba, image),
                  c.FLOOR: lambda: _timed(floor, image)}
    absent = []
    try:
        from core.saliency import saliency
    except ImportError:
        absent.append(SALIENCY)
    else:
        explained = network.copy()  # saliency overwrites the layers' caches, as the Draw view's copy allows
        contenders[SALIENCY] = lambda: _timed(saliency, explained, image)
    torch = machine.torch_or_none()
    if torch is None:
        absent.append("PyTorch")
    else:
        model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                                    torch.nn.ReLU(), torch.nn.Linear(128, 10))

        def torch_probabilities(x):
            with torch.inference_mode():
                return torch.softmax(model(torch.from_numpy(x)), dim=1).numpy()

        contenders["PyTorch"] = lambda: _timed(torch_probabilities, image)
    rows = alternate(contenders, plan.calls)
    result = WorkloadResult("Workload 3a: single-sample inference 784 → 10 probabilities (784-256-128-10)",
                            "µs/call", rows, reference=c.ENGINE, absent=absent,
                            notes=[f"{plan.calls} single calls per contender, alternating"])
    for name, summary in rows.items():
        result.figures.append((f"{name}: p99", "µs", summary.percentile(99)))
    engine = rows[c.ENGINE]
    result.targets = [Target("engine median latency", engine.median, 25.0, False, " µs")]
    return result


def drawn_seven(points: int = 200) -> list[np.ndarray]:
    """A "7" as a user draws it on the canvas: a bar, then a slanted stem, in canvas pixels."""
    t = np.linspace(0.0, 1.0, points // 2)[:, None]
    bar = (1 - t) * np.array([70.0, 60.0]) + t * np.array([200.0, 65.0])
    stem = (1 - t) * np.array([200.0, 65.0]) + t * np.array([120.0, 230.0])
    return [bar, stem]


def rasterise(strokes: list[np.ndarray], side: int = CANVAS_SIDE, radius: float = 9.0) -> np.ndarray:
    """The strokes as the canvas's raster: a (side, side) float array in [0, 1], 1 = ink."""
    rows, cols = np.mgrid[0:side, 0:side]
    raster = np.zeros((side, side), dtype=np.float32)
    for stroke in strokes:
        for x, y in stroke:
            raster[(cols - x) ** 2 + (rows - y) ** 2 <= radius ** 2] = 1.0
    return raster


def drawn_eight(points: int = 240) -> np.ndarray:
    """An "8" traced twice round, as the pen moves over the canvas (canvas pixels)."""
    t = np.linspace(0.0, 4 * np.pi, points)
    return np.column_stack([140 + 48 * np.sin(2 * t), 140 - 87 * np.sin(t)])


def following_the_pen(preprocessor, stroke: np.ndarray):
    """A contender calling ``preprocessor`` with one more point of ``stroke`` per call, from its
    start again after its end."""
    drawn = [1]

    def step() -> float:
        drawn[0] = drawn[0] % len(stroke) + 1
        return _timed(preprocessor, [stroke[:drawn[0]]]) / 1000.0
    return step


def preprocessing(plan: Plan) -> WorkloadResult:
    try:
        from core.datasets.drawing import DrawingPreprocessor, preprocess_drawing
    except ImportError:
        return WorkloadResult("Workload 3b: drawn-digit preprocessing to MNIST 28 × 28", "ms/call", {},
                              absent=["core.datasets.drawing.preprocess_drawing"])
    strokes = drawn_seven()
    raster = rasterise(strokes)
    size = (CANVAS_SIDE, CANVAS_SIDE)
    contenders = {
        "from the strokes": lambda: _timed(preprocess_drawing, strokes, "mnist", canvas_size=size) / 1000.0,
        f"from the {CANVAS_SIDE}×{CANVAS_SIDE} raster": lambda: _timed(preprocess_drawing, raster, "mnist") / 1000.0,
        "while the pen moves (DrawingPreprocessor)": following_the_pen(DrawingPreprocessor("mnist", size),
                                                                        drawn_eight()),
    }
    rows = alternate(contenders, plan.preprocess_calls)
    result = WorkloadResult("Workload 3b: drawn-digit preprocessing to MNIST 28 × 28", "ms/call", rows,
                            notes=[f"a drawn 7, {plan.preprocess_calls} calls per input kind, alternating; "
                                   f"while the pen moves: an 8 of {len(drawn_eight())} points, one more per call"])
    for name, summary in rows.items():
        result.figures.append((f"{name}: p99", "ms", summary.percentile(99)))
        result.targets.append(Target(f"preprocessing {name}, median", summary.median, 2.0, False, " ms"))
    return result
