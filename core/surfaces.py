"""Two-dimensional loss surfaces, and the engine's optimisers walking on them.

Lecture 003 draws gradient-descent paths over contour lines: on a long narrow valley (features of
very different scales) plain gradient descent bounces between the walls and crawls along the
floor; momentum and the adaptive methods each fix part of that. Here the loss E(x, y) has two
parameters, so every step of every optimiser can be drawn.

The optimisers are those of :mod:`core.optimizers`, unchanged: a path keeps the point θ = (x, y) in
a float64 array of two elements and calls ``optimizer.step([θ], [∇E(θ)])``, exactly as training
calls it with the network's flat parameter buffer. :class:`Newton` adds the lecture's
higher-order method, which needs the Hessian and so exists only here, in two dimensions.

Each surface gives E, ∇E and the Hessian H in closed form (the formulas are in its docstring),
the rectangle worth plotting, a starting point, its known minima and a learning rate per optimiser
that makes a readable path.
"""
from __future__ import annotations

import math

import numpy as np

from core._checks import check_number
from core.registry import Registry

SURFACES: Registry["Surface"] = Registry("surface")

ESCAPE_FACTOR = 1e3
"""A path that leaves its surface's plotted rectangle by more than this many times the
rectangle's size has diverged (the loss of every surface here grows without bound out there)."""


def names() -> list[str]:
    return SURFACES.names()


def create(name: str, **hyperparameters) -> "Surface":
    return SURFACES.create(name, **hyperparameters)


def _register(name: str):
    def add(cls):
        cls.name = name
        return SURFACES.register(name)(cls)

    return add


class Surface:
    """E(x, y): subclasses write ``value`` (on arrays, for the contour grid), ``gradient`` and
    ``hessian`` (at one point θ = (x, y)), and set the class attributes below."""

    name = "surface"
    bounds: tuple[tuple[float, float], tuple[float, float]] = ((-3.0, 3.0), (-3.0, 3.0))
    """((x_min, x_max), (y_min, y_max)): the rectangle the playground plots."""
    start: tuple[float, float] = (0.0, 0.0)
    minima: tuple[tuple[float, float], ...] = ()
    learning_rates: dict[str, float] = {}
    """A learning rate per optimiser name that gives a readable path from ``start``."""

    @property
    def hyperparameters(self) -> dict:
        return {}

    def value(self, x, y):
        """E at (x, y); x and y may be arrays (broadcast together), the result is float64."""
        raise NotImplementedError

    def gradient(self, theta: np.ndarray) -> np.ndarray:
        """∇E(θ) as a float64 array of shape (2,)."""
        raise NotImplementedError

    def hessian(self, theta: np.ndarray) -> np.ndarray:
        """The 2×2 matrix of second derivatives at θ."""
        raise NotImplementedError

    def loss(self, theta: np.ndarray) -> float:
        return float(self.value(theta[0], theta[1]))

    def grid(self, resolution: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(xs, ys, E) over :attr:`bounds`: E[i, j] = E(xs[i], ys[j]) (x along the first axis)."""
        resolution = check_number("grid resolution", resolution, low=2, integer=True)
        (x_low, x_high), (y_low, y_high) = self.bounds
        xs, ys = np.linspace(x_low, x_high, resolution), np.linspace(y_low, y_high, resolution)
        return xs, ys, self.value(xs[:, None], ys[None, :])

    def __repr__(self) -> str:
        options = ", ".join(f"{k}={v!r}" for k, v in self.hyperparameters.items())
        return f"{type(self).__name__}({options})"


def _point(theta) -> tuple[float, float]:
    return float(theta[0]), float(theta[1])


def _two_digits_down(rate: float) -> float:
    """``rate`` > 0 cut to two significant digits (0.0198 → 0.019)."""
    scale = 10.0 ** (1 - math.floor(math.log10(rate)))
    return math.floor(rate * scale * (1 + 1e-12)) / scale  # 1e-12: 0.18 stays 0.18 whatever its last bit


@_register("quadratic")
class Quadratic(Surface):
    """An ill-conditioned bowl, the "unscaled features" case:

        E = ½·(u² + κ·v²),  (u, v) = (x, y) turned by −α:  u = x·cos α + y·sin α,  v = −x·sin α + y·cos α
        ∇E = A·θ,  H = A = R·diag(1, κ)·Rᵀ   (R the rotation by α)

    κ (``condition_number``) is the ratio of the largest to the smallest curvature. Scaling one
    input feature by s multiplies the curvature along its weight by s², so κ = s² for unscaled
    features. Gradient descent is stable only for η < 2/κ, and then advances along the flat axis
    by at most a fraction 2/κ per step. ``angle`` α (degrees) turns the valley off the axes, where
    per-parameter (adaptive) rates no longer straighten it.
    """

    start = (-2.6, 1.4)
    minima = ((0.0, 0.0),)

    def __init__(self, condition_number: float = 10.0, angle: float = 0.0):
        self.condition_number = check_number("quadratic condition number", condition_number, low=1.0)
        self.angle = check_number("quadratic angle", angle, low=-180.0, high=180.0)
        cos, sin = math.cos(math.radians(self.angle)), math.sin(math.radians(self.angle))
        rotation = np.array([[cos, -sin], [sin, cos]])
        self._matrix = rotation @ np.diag([1.0, self.condition_number]) @ rotation.T

    @property
    def hyperparameters(self):
        return {"condition_number": self.condition_number, "angle": self.angle}

    @property
    def learning_rates(self) -> dict[str, float]:
        """Gradient descent's best η = 2/(1 + κ), under its limit 2/κ: each step shrinks the distance along
        both axes by (κ − 1)/(κ + 1), crossing the valley at every step (one step to the minimum for κ = 1, a
        zig-zag that lasts longer as κ grows). Momentum's and Nesterov's η = 1/κ: with γ = 0.9 every direction
        then spirals in at the rate √γ a step while (1 − √γ)² ≤ η·λ ≤ (1 + √γ)², that is up to κ ≈ 380 —
        slower than gradient descent's best for a round bowl, far faster for a narrow valley (a third of its
        steps at κ = 100) — and under Nesterov's own limit. The adaptive methods scale each weight's step by
        itself: κ leaves their rates be (the angle does not). Each rounded down to two significant digits, as
        a person would type it, and so still under its limit."""
        return {"sgd": _two_digits_down(2.0 / (1.0 + self.condition_number)),
                "momentum": _two_digits_down(1.0 / self.condition_number),
                "nesterov": _two_digits_down(1.0 / self.condition_number),
                "adagrad": 0.5, "rmsprop": 0.05, "adadelta": 1.0, "adam": 0.2, "adamw": 0.2, "newton": 1.0}

    def value(self, x, y):
        (a, b), (_, d) = self._matrix
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        return 0.5 * (a * x * x + 2.0 * b * x * y + d * y * y)

    def gradient(self, theta):
        return self._matrix @ np.asarray(theta, dtype=np.float64)

    def hessian(self, theta):
        return self._matrix.copy()


@_register("rosenbrock")
class Rosenbrock(Surface):
    """Rosenbrock's banana-shaped valley, minimum E = 0 at (a, a²):

        E = (a − x)² + b·(y − x²)²
        ∂E/∂x = −2(a − x) − 4b·x·(y − x²),   ∂E/∂y = 2b·(y − x²)
        H = [[2 − 4b·(y − x²) + 8b·x²,  −4b·x], [−4b·x,  2b]]

    Finding the valley is easy; following its curved floor to the minimum is not.
    """

    bounds = ((-2.0, 2.0), (-1.0, 3.0))
    start = (-1.2, 1.0)
    learning_rates = {"sgd": 0.001, "momentum": 0.0005, "nesterov": 0.0005, "adagrad": 0.5, "rmsprop": 0.01,
                      "adadelta": 1.0, "adam": 0.1, "adamw": 0.1, "newton": 1.0}

    def __init__(self, a: float = 1.0, b: float = 100.0):
        self.a = check_number("rosenbrock a", a)
        self.b = check_number("rosenbrock b", b, low=0.0, low_open=True)
        self.minima = ((self.a, self.a * self.a),)

    @property
    def hyperparameters(self):
        return {"a": self.a, "b": self.b}

    def value(self, x, y):
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        return (self.a - x) ** 2 + self.b * (y - x * x) ** 2

    def gradient(self, theta):
        x, y = _point(theta)
        return np.array([-2.0 * (self.a - x) - 4.0 * self.b * x * (y - x * x), 2.0 * self.b * (y - x * x)])

    def hessian(self, theta):
        x, y = _point(theta)
        cross = -4.0 * self.b * x
        return np.array([[2.0 - 4.0 * self.b * (y - x * x) + 8.0 * self.b * x * x, cross], [cross, 2.0 * self.b]])


class SumOfSquares(Surface):
    """E = Σᵢ rᵢ(x, y)², from residuals rᵢ with their gradients and Hessians:

        ∇E = 2·Σᵢ rᵢ·∇rᵢ,   H = 2·Σᵢ (∇rᵢ·∇rᵢᵀ + rᵢ·∇²rᵢ)

    Subclasses write ``residuals(x, y)`` (on arrays) and ``residual_derivatives(x, y)``, the list of
    (rᵢ, ∇rᵢ, ∇²rᵢ) at one point.
    """

    def residuals(self, x, y) -> list:
        raise NotImplementedError

    def residual_derivatives(self, x: float, y: float) -> list[tuple[float, np.ndarray, np.ndarray]]:
        raise NotImplementedError

    def value(self, x, y):
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        return sum(r * r for r in self.residuals(x, y))

    def gradient(self, theta):
        return 2.0 * sum(r * dr for r, dr, _ in self.residual_derivatives(*_point(theta)))

    def hessian(self, theta):
        return 2.0 * sum(np.outer(dr, dr) + r * d2r for r, dr, d2r in self.residual_derivatives(*_point(theta)))


@_register("beale")
class Beale(SumOfSquares):
    """Beale's function, minimum E = 0 at (3, ½), with flat plateaus and steep ridges:

        E = Σᵢ₌₁³ (cᵢ − x + x·yⁱ)²,   c = (1.5, 2.25, 2.625)
        rᵢ = cᵢ − x + x·yⁱ,  ∇rᵢ = (yⁱ − 1, i·x·yⁱ⁻¹),  ∇²rᵢ = [[0, i·yⁱ⁻¹], [i·yⁱ⁻¹, i(i−1)·x·yⁱ⁻²]]
    """

    bounds = ((-4.5, 4.5), (-4.5, 4.5))
    start = (0.7, 1.4)
    minima = ((3.0, 0.5),)
    learning_rates = {"sgd": 0.001, "momentum": 0.0005, "nesterov": 0.0005, "adagrad": 0.5, "rmsprop": 0.01,
                      "adadelta": 1.0, "adam": 0.05, "adamw": 0.05, "newton": 1.0}
    CONSTANTS = (1.5, 2.25, 2.625)

    def residuals(self, x, y):
        return [c - x + x * y ** i for i, c in enumerate(self.CONSTANTS, start=1)]

    def residual_derivatives(self, x, y):
        derivatives = []
        for i, c in enumerate(self.CONSTANTS, start=1):
            cross = i * y ** (i - 1)
            second = i * (i - 1) * x * y ** (i - 2) if i >= 2 else 0.0
            derivatives.append((c - x + x * y ** i, np.array([y ** i - 1.0, i * x * y ** (i - 1)]),
                                np.array([[0.0, cross], [cross, second]])))
        return derivatives


@_register("himmelblau")
class Himmelblau(SumOfSquares):
    """Himmelblau's function: four minima with E = 0, where the start decides which is found:

        E = (x² + y − 11)² + (x + y² − 7)²
        r₁ = x² + y − 11,  ∇r₁ = (2x, 1),  ∇²r₁ = [[2, 0], [0, 0]]
        r₂ = x + y² − 7,   ∇r₂ = (1, 2y),  ∇²r₂ = [[0, 0], [0, 2]]
    """

    bounds = ((-5.0, 5.0), (-5.0, 5.0))
    start = (-0.5, -0.5)
    minima = ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126))
    learning_rates = {"sgd": 0.01, "momentum": 0.002, "nesterov": 0.002, "adagrad": 0.5, "rmsprop": 0.02,
                      "adadelta": 1.0, "adam": 0.1, "adamw": 0.1, "newton": 1.0}
    _SECOND_X = np.array([[2.0, 0.0], [0.0, 0.0]])
    _SECOND_Y = np.array([[0.0, 0.0], [0.0, 2.0]])

    def residuals(self, x, y):
        return [x * x + y - 11.0, x + y * y - 7.0]

    def residual_derivatives(self, x, y):
        return [(x * x + y - 11.0, np.array([2.0 * x, 1.0]), self._SECOND_X),
                (x + y * y - 7.0, np.array([1.0, 2.0 * y]), self._SECOND_Y)]


@_register("saddle")
class Saddle(Surface):
    """A saddle point at the origin between two minima E = −¼ at (0, ±1):

        E = ½x² − ½y² + ¼y⁴
        ∇E = (x, y³ − y),   H = [[1, 0], [0, 3y² − 1]]

    Near the origin the loss curves up along x and down along y. Started exactly on y = 0,
    gradient descent slides into the saddle and stays; any offset grows and lets it escape.
    Newton's method jumps to the nearest point where ∇E = 0, which may be the saddle itself.
    """

    bounds = ((-2.0, 2.0), (-2.0, 2.0))
    start = (-1.8, 0.02)
    minima = ((0.0, 1.0), (0.0, -1.0))
    learning_rates = {"sgd": 0.1, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.3, "rmsprop": 0.02,
                      "adadelta": 1.0, "adam": 0.05, "adamw": 0.05, "newton": 1.0}

    def value(self, x, y):
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        return 0.5 * x * x - 0.5 * y * y + 0.25 * y ** 4

    def gradient(self, theta):
        x, y = _point(theta)
        return np.array([x, y ** 3 - y])

    def hessian(self, theta):
        _, y = _point(theta)
        return np.array([[1.0, 0.0], [0.0, 3.0 * y * y - 1.0]])


@_register("logistic_regression")
class LogisticRegression(Surface):
    """The loss of logistic regression with two weights and no bias, on lecture 001's wine data
    (alcohol and proline, standardised; classes 0 and 1; the training split):

        p_n = σ(w·x_n),   E(w) = −(1/N)·Σₙ [t_n·ln p_n + (1 − t_n)·ln(1 − p_n)] + λ·‖w‖²
        ∇E = (1/N)·Xᵀ(p − t) + 2λ·w,   H = (1/N)·Xᵀ·diag(p_n(1 − p_n))·X + 2λ·I

    computed as ln(1 + e^z) − t·z with z = w·x (no overflow for large |z|). ``l2`` is λ.
    """

    bounds = ((-8.0, 2.0), (-12.0, 2.0))
    start = (1.0, 1.5)
    learning_rates = {"sgd": 1.0, "momentum": 0.2, "nesterov": 0.2, "adagrad": 1.0, "rmsprop": 0.05,
                      "adadelta": 1.0, "adam": 0.2, "adamw": 0.2, "newton": 1.0}

    def __init__(self, l2: float = 0.0):
        from core import datasets

        self.l2 = check_number("logistic regression l2", l2, low=0.0)
        data = datasets.load("wine_2d")
        self.X = data.X_train.astype(np.float64)
        self.t = data.y_train.astype(np.float64)
        self.feature_names = data.feature_names
        self.minima = (self._minimum(),)

    @property
    def hyperparameters(self):
        return {"l2": self.l2}

    def value(self, x, y):
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        shape = np.broadcast_shapes(x.shape, y.shape)
        w = np.stack([np.broadcast_to(x, shape).ravel(), np.broadcast_to(y, shape).ravel()])
        z = self.X @ w  # (N, number of points)
        data_term = (np.logaddexp(0.0, z) - self.t[:, None] * z).mean(axis=0)
        return (data_term + self.l2 * (w * w).sum(axis=0)).reshape(shape)

    def _probabilities(self, theta) -> np.ndarray:
        z = self.X @ np.asarray(theta, dtype=np.float64)
        return 0.5 * (1.0 + np.tanh(0.5 * z))  # σ(z) without overflow

    def gradient(self, theta):
        residual = self._probabilities(theta) - self.t
        return self.X.T @ residual / len(self.t) + 2.0 * self.l2 * np.asarray(theta, dtype=np.float64)

    def hessian(self, theta):
        p = self._probabilities(theta)
        weighted = self.X * (p * (1.0 - p))[:, None]
        return self.X.T @ weighted / len(self.t) + 2.0 * self.l2 * np.eye(2)

    def _minimum(self) -> tuple[float, float]:
        """Newton's method from the origin: the loss is convex, so it converges to the minimum."""
        walk = Descent(self, Newton(self), (0.0, 0.0))
        walk.advance(50)
        return _point(walk.points[-1])


class SingularHessianError(ValueError):
    """Newton's step −H⁻¹∇E is undefined: the Hessian has no inverse at this point."""


DIVERGED, SINGULAR = "diverged", "singular Hessian"
"""Why a :class:`Descent` stopped (its ``stopped_by``): its point or loss stopped being finite, or the point
left the plot far behind; or Newton's step was undefined."""


class Newton:
    """Newton's method (lecture 003, "методы высших порядков"): minimise the quadratic model

        E(θ + u) ≈ E(θ) + ∇Eᵀu + ½·uᵀHu   →   u = −H⁻¹∇E,   θ ← θ + η·u

    (η = ``lr``, 1 for the pure method). It jumps to the stationary point of the local quadratic,
    which is a minimum only where H is positive definite: elsewhere it heads for a saddle or a
    maximum. It needs the 2×2 Hessian of ``surface``, so it exists only for these surfaces; for a
    network of n weights H has n² entries, which is why it is not used to train networks.
    Has the interface of :class:`core.optimizers.Optimizer`.
    """

    name = "newton"

    def __init__(self, surface: Surface, lr: float = 1.0):
        self.surface = surface
        self.lr = lr
        self.reset()

    @property
    def lr(self) -> float:
        return self._lr

    @lr.setter
    def lr(self, value: float) -> None:
        self._lr = check_number("newton lr", value, low=0.0, low_open=True)

    @property
    def hyperparameters(self) -> dict:
        return {"lr": self.lr}

    @property
    def state(self) -> list:
        return []

    def reset(self) -> None:
        self.step_count = 0

    def step(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        (theta,), (grad,) = params, grads
        hessian = self.surface.hessian(theta)
        try:
            direction = np.linalg.solve(hessian, grad)
        except np.linalg.LinAlgError:
            raise SingularHessianError(f"the Hessian is singular at ({theta[0]:.4g}, {theta[1]:.4g}): "
                                       f"Newton's step −H⁻¹∇E is undefined there") from None
        if not np.isfinite(direction).all():
            raise SingularHessianError(f"the Hessian is nearly singular at ({theta[0]:.4g}, {theta[1]:.4g}): "
                                       f"Newton's step −H⁻¹∇E is unbounded there")
        theta -= self.lr * direction
        self.step_count += 1


def create_optimizer(name: str, surface: Surface, **hyperparameters):
    """An optimiser of :mod:`core.optimizers` by name, or ``"newton"`` for :class:`Newton` on ``surface``."""
    if name == Newton.name:
        return Newton(surface, **hyperparameters)
    from core import optimizers
    return optimizers.create(name, **hyperparameters)


def optimizer_names() -> list[str]:
    """The engine's optimisers, then Newton's method."""
    from core import optimizers
    return [*optimizers.names(), Newton.name]


class Descent:
    """The path of ``optimizer`` on ``surface`` from ``start``, grown step by step with :meth:`advance`.

    ``points[k]`` is θ after k steps and ``losses[k]`` is E there. The path stops for good
    (``stopped`` then says why) when the loss or the point stops being finite, when the point leaves
    the plotted rectangle by :data:`ESCAPE_FACTOR` times its size, or when Newton's step is undefined.
    """

    def __init__(self, surface: Surface, optimizer, start):
        self.surface, self.optimizer = surface, optimizer
        start = np.array(start, dtype=np.float64).reshape(-1)
        if start.shape != (2,) or not np.isfinite(start).all():
            raise ValueError(f"a start point is two finite numbers (x, y), got {start!r}")
        self.theta = start
        self.points: list[np.ndarray] = [start.copy()]
        self.losses: list[float] = [surface.loss(start)]
        self.stopped: str | None = None
        self.stopped_by: str | None = None
        """Why, for a window's own words: :data:`DIVERGED` or :data:`SINGULAR`."""
        (x_low, x_high), (y_low, y_high) = surface.bounds
        self._limit = ESCAPE_FACTOR * max(x_high - x_low, y_high - y_low)
        self._centre = np.array([(x_low + x_high) / 2, (y_low + y_high) / 2])

    @property
    def steps(self) -> int:
        return len(self.points) - 1

    def advance(self, steps: int = 1) -> int:
        """Take up to ``steps`` more steps (fewer if the path stops); return how many were taken."""
        steps = check_number("steps", steps, low=0, integer=True)
        taken = 0
        while taken < steps and self.stopped is None:
            # Overflow is how a diverging path shows itself; it is reported in ``stopped``.
            with np.errstate(over="ignore", invalid="ignore"):
                try:
                    self.optimizer.step([self.theta], [self.surface.gradient(self.theta)])
                except SingularHessianError as error:
                    self.stopped, self.stopped_by = str(error), SINGULAR
                    break
                loss = self.surface.loss(self.theta)
            if not (np.isfinite(self.theta).all() and math.isfinite(loss)) \
                    or np.abs(self.theta - self._centre).max() > self._limit:
                self.stopped = (f"diverged at step {self.steps + 1}: the learning rate "
                                f"{self.optimizer.lr:g} is too large here")
                self.stopped_by = DIVERGED
                break
            self.points.append(self.theta.copy())
            self.losses.append(loss)
            taken += 1
        return taken


def descend(surface: Surface, optimizer, start, steps: int) -> Descent:
    """The path of ``optimizer`` after ``steps`` steps from ``start`` (fewer if it stopped)."""
    walk = Descent(surface, optimizer, start)
    walk.advance(steps)
    return walk
