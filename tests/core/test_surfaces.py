"""2-D loss surfaces: derivatives against central differences, known minima, logistic regression
against scikit-learn, paths made by the engine's own optimisers, Newton's method, divergence."""
import math

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression as SklearnLogisticRegression
from sklearn.metrics import log_loss

from core import optimizers, surfaces
from core.surfaces import Descent, Newton, descend
from tests.core.numgrad import numerical_gradient, relative_error

VARIANTS = [("quadratic", {"condition_number": 7.0, "angle": 30.0}), ("rosenbrock", {}), ("beale", {}),
            ("himmelblau", {}), ("saddle", {}), ("logistic_regression", {"l2": 0.01})]


def points_inside(surface, n=4, seed=0):
    (x_low, x_high), (y_low, y_high) = surface.bounds
    rng = np.random.default_rng(seed)
    return np.column_stack([rng.uniform(x_low, x_high, n), rng.uniform(y_low, y_high, n)])


def zigzag(walk: Descent) -> float:
    """Length of the path over the distance it covered: 1 for a straight path, large for a zig-zag."""
    points = np.array(walk.points)
    length = np.linalg.norm(np.diff(points, axis=0), axis=1).sum()
    return length / np.linalg.norm(points[-1] - points[0])


@pytest.mark.parametrize("name, options", VARIANTS)
def test_gradient_and_hessian_match_central_differences(name, options):
    surface = surfaces.create(name, **options)
    for theta in points_inside(surface):
        gradient = surface.gradient(theta)
        assert gradient.shape == (2,) and gradient.dtype == np.float64
        assert relative_error(gradient, numerical_gradient(lambda t: surface.loss(t), theta.copy())) < 1e-6
        hessian = surface.hessian(theta)
        numeric = np.array([numerical_gradient(lambda t, k=k: surface.gradient(t)[k], theta.copy()) for k in range(2)])
        assert relative_error(hessian, numeric) < 1e-6
        np.testing.assert_allclose(hessian, hessian.T, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("name, options", VARIANTS)
def test_the_contour_grid_holds_the_pointwise_values(name, options):
    surface = surfaces.create(name, **options)
    xs, ys, values = surface.grid(7)
    assert values.shape == (7, 7)
    assert ((xs[0], xs[-1]), (ys[0], ys[-1])) == surface.bounds
    for i, j in [(0, 0), (3, 5), (6, 1)]:
        assert values[i, j] == pytest.approx(surface.loss(np.array([xs[i], ys[j]])), rel=1e-12)


@pytest.mark.parametrize("name, value", [("rosenbrock", 0.0), ("beale", 0.0), ("himmelblau", 0.0),
                                         ("saddle", -0.25), ("quadratic", 0.0)])
def test_known_minima_are_minima(name, value):
    surface = surfaces.create(name)
    for minimum in surface.minima:
        theta = np.array(minimum)
        assert surface.loss(theta) == pytest.approx(value, abs=1e-9)
        assert np.abs(surface.gradient(theta)).max() < 1e-4
        assert np.linalg.eigvalsh(surface.hessian(theta)).min() > 0


def test_quadratic_condition_number_is_the_ratio_of_its_curvatures():
    surface = surfaces.create("quadratic", condition_number=25.0, angle=-40.0)
    low, high = np.linalg.eigvalsh(surface.hessian(np.zeros(2)))
    assert high / low == pytest.approx(25.0)
    assert (low, high) == pytest.approx((1.0, 25.0))


def test_logistic_regression_loss_and_minimum_agree_with_scikit_learn():
    l2 = 0.01
    surface = surfaces.create("logistic_regression", l2=l2)
    X, t = surface.X, surface.t
    for w in points_inside(surface):
        probabilities = 1.0 / (1.0 + np.exp(-(X @ w)))
        assert surface.loss(w) == pytest.approx(log_loss(t, probabilities) + l2 * w @ w, rel=1e-10)
    # scikit-learn minimises ½‖w‖² + C·Σ log-loss, which is N·C times ours when λ = 1 / (2·N·C).
    reference = SklearnLogisticRegression(fit_intercept=False, C=1.0 / (2 * l2 * len(t)), tol=1e-10).fit(X, t)
    np.testing.assert_allclose(surface.minima[0], reference.coef_[0], rtol=1e-4)
    (x_low, x_high), (y_low, y_high) = surfaces.create("logistic_regression").bounds
    unregularised = surfaces.create("logistic_regression").minima[0]
    assert x_low < unregularised[0] < x_high and y_low < unregularised[1] < y_high


def test_a_path_is_made_by_the_engines_optimizer_step_by_step():
    surface = surfaces.create("rosenbrock")
    walk = descend(surface, optimizers.create("momentum", lr=1e-3, momentum=0.9), (-1.2, 1.0), 20)
    theta, velocity = np.array([-1.2, 1.0]), np.zeros(2)
    for k in range(20):
        velocity = 0.9 * velocity + surface.gradient(theta)
        theta = theta - 1e-3 * velocity
        np.testing.assert_allclose(walk.points[k + 1], theta, rtol=1e-12)
        assert walk.losses[k + 1] == pytest.approx(surface.loss(theta), rel=1e-12)
    assert walk.steps == 20 and walk.optimizer.step_count == 20 and walk.stopped is None
    assert walk.losses[-1] < walk.losses[0]


@pytest.mark.parametrize("name", surfaces.names())
def test_every_suggested_rate_lowers_the_loss_from_the_suggested_start(name):
    surface = surfaces.create(name)
    assert set(surface.learning_rates) == set(surfaces.optimizer_names())
    for optimizer, lr in surface.learning_rates.items():
        if optimizer == "newton":  # Newton heads for any stationary point, not only minima
            continue
        walk = descend(surface, surfaces.create_optimizer(optimizer, surface, lr=lr), surface.start, 200)
        assert walk.stopped is None, optimizer
        assert walk.losses[-1] < walk.losses[0], optimizer


def test_newton_solves_a_quadratic_in_one_step_and_rosenbrock_in_a_few():
    quadratic = surfaces.create("quadratic", condition_number=50.0, angle=20.0)
    walk = descend(quadratic, Newton(quadratic), (2.0, -1.0), 1)
    np.testing.assert_allclose(walk.points[-1], [0.0, 0.0], atol=1e-12)
    rosenbrock = surfaces.create("rosenbrock")
    walk = descend(rosenbrock, Newton(rosenbrock), (-1.2, 1.0), 10)
    np.testing.assert_allclose(walk.points[-1], [1.0, 1.0], atol=1e-9)
    half = descend(quadratic, Newton(quadratic, lr=0.5), (2.0, -1.0), 1)
    np.testing.assert_allclose(half.points[-1], [1.0, -0.5], atol=1e-12)


def test_newton_is_drawn_to_the_saddle_that_gradient_descent_escapes():
    saddle = surfaces.create("saddle")
    newton = descend(saddle, Newton(saddle), (0.5, 0.3), 30)
    np.testing.assert_allclose(newton.points[-1], [0.0, 0.0], atol=1e-9)
    gradient_descent = descend(saddle, optimizers.create("sgd", lr=0.1), (0.5, 0.3), 300)
    np.testing.assert_allclose(gradient_descent.points[-1], [0.0, 1.0], atol=1e-6)


def test_a_singular_hessian_stops_newton_with_a_reason():
    class Flat(surfaces.Quadratic):
        def hessian(self, theta):
            return np.zeros((2, 2))

    surface = Flat()
    walk = descend(surface, Newton(surface), (1.0, 1.0), 5)
    assert walk.steps == 0 and "singular" in walk.stopped and walk.stopped_by == surfaces.SINGULAR


def test_a_diverging_path_stops_and_keeps_its_finite_points():
    surface = surfaces.create("quadratic", condition_number=10.0)
    walk = descend(surface, optimizers.create("sgd", lr=0.3), surface.start, 10_000)  # stable only below 2/κ
    assert walk.stopped.startswith("diverged") and "0.3" in walk.stopped and walk.stopped_by == surfaces.DIVERGED
    assert walk.steps < 10_000 and np.isfinite(np.array(walk.points)).all()
    assert walk.losses[-1] > walk.losses[0]
    assert walk.advance(5) == 0


def test_gradient_descent_zigzags_more_as_the_condition_number_grows():
    ratios = []
    for condition_number in (1.0, 4.0, 8.0, 10.0, 12.0):
        surface = surfaces.create("quadratic", condition_number=condition_number)
        walk = descend(surface, optimizers.create("sgd", lr=0.15), surface.start, 100)
        assert walk.losses[-1] < 1e-6 * walk.losses[0]
        ratios.append(zigzag(walk))
    assert ratios[0] == pytest.approx(1.0)  # a round bowl: straight to the minimum
    assert all(later > earlier for earlier, later in zip(ratios, ratios[1:])), ratios
    assert ratios[-1] > 3  # the path is over three times as long as the straight line


def test_bad_input_is_refused_with_a_message():
    with pytest.raises(ValueError, match="condition number must be ≥ 1"):
        surfaces.create("quadratic", condition_number=0.5)
    with pytest.raises(ValueError, match="unknown surface 'bowl'"):
        surfaces.create("bowl")
    with pytest.raises(ValueError, match="two finite numbers"):
        Descent(surfaces.create("saddle"), optimizers.create("sgd"), (math.nan, 0.0))
    with pytest.raises(ValueError, match="newton lr must be > 0"):
        Newton(surfaces.create("saddle"), lr=0.0)
