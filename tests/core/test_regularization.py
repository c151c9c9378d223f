import numpy as np
import pytest

from core.regularization import Regularizer, activity_gradient, activity_penalty
from tests.core.numgrad import numerical_gradient, relative_error

KINDS = ["weight", "bias", "weight", "bias", "scale", "leak"]


def away_from_zero(rng, shape):
    """Values with |x| ≥ 0.05, so that the L1 kink at 0 is out of the finite differences' reach."""
    return rng.uniform(0.05, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)


def make_params(rng):
    shapes = [(4, 3), (3,), (3, 2), (2,), (2,), (2,)]
    return [away_from_zero(rng, shape) for shape in shapes]


def test_penalty_is_the_lectures_sum_over_weights():
    params = make_params(np.random.default_rng(0))
    w1, b1, w2, b2, scale, leak = params
    weights_l1 = np.abs(w1).sum() + np.abs(w2).sum()
    weights_l2 = (w1**2).sum() + (w2**2).sum()
    assert Regularizer(l1=0.3).penalty(params, KINDS) == pytest.approx(0.3 * weights_l1, rel=1e-12)
    assert Regularizer(l2=0.7).penalty(params, KINDS) == pytest.approx(0.7 * weights_l2, rel=1e-12)
    assert Regularizer(l1=0.3, l2=0.7).penalty(params, KINDS) == pytest.approx(0.3 * weights_l1 + 0.7 * weights_l2)
    with_biases = Regularizer(l2=0.7, apply_to_biases=True).penalty(params, KINDS)
    assert with_biases == pytest.approx(0.7 * (weights_l2 + (b1**2).sum() + (b2**2).sum()), rel=1e-12)
    assert Regularizer().penalty(params, KINDS) == 0.0


@pytest.mark.parametrize("l1, l2, apply_to_biases", [(0.3, 0.0, False), (0.0, 0.7, False), (0.3, 0.7, True)])
def test_add_gradient_matches_central_differences(l1, l2, apply_to_biases):
    rng = np.random.default_rng(1)
    params = make_params(rng)
    regularizer = Regularizer(l1=l1, l2=l2, apply_to_biases=apply_to_biases)
    upstream = [rng.normal(size=p.shape) for p in params]
    grads = [g.copy() for g in upstream]

    regularizer.add_gradient(params, grads, KINDS)

    for i, (p, kind) in enumerate(zip(params, KINDS)):
        numeric = numerical_gradient(lambda _: regularizer.penalty(params, KINDS), p)
        assert relative_error(grads[i] - upstream[i], numeric) < 1e-6, kind
        if kind in ("scale", "leak") or (kind == "bias" and not apply_to_biases):
            np.testing.assert_array_equal(grads[i], upstream[i])


def test_l1_subgradient_at_zero_is_zero():
    grads = [np.zeros(3)]
    Regularizer(l1=1.0).add_gradient([np.array([-2.0, 0.0, 3.0])], grads, ["weight"])
    np.testing.assert_array_equal(grads[0], [-1.0, 0.0, 1.0])


def test_float32_gradients_stay_float32_in_place():
    w = np.array([1.0, -2.0], dtype=np.float32)
    grad = np.zeros(2, dtype=np.float32)
    grads = [grad]
    Regularizer(l1=np.float64(0.1), l2=np.float64(0.25)).add_gradient([w], grads, ["weight"])
    assert grads[0] is grad and grad.dtype == np.float32
    np.testing.assert_allclose(grad, [0.1 + 0.5, -0.1 - 1.0], rtol=1e-6)


def test_strengths_are_settable_live_and_validated():
    regularizer = Regularizer(l2=0.1)
    params, kinds = [np.array([[2.0]])], ["weight"]
    assert regularizer.penalty(params, kinds) == pytest.approx(0.4)
    regularizer.l2, regularizer.l1 = 0.0, 0.5
    assert regularizer.penalty(params, kinds) == pytest.approx(1.0)
    assert type(regularizer.l1) is float
    assert regularizer.hyperparameters == {"l1": 0.5, "l2": 0.0, "apply_to_biases": False}
    with pytest.raises(ValueError, match="L2 strength must be ≥ 0.0, got -0.1"):
        regularizer.l2 = -0.1
    with pytest.raises(ValueError, match="L1 strength must be a number, got NaN"):
        Regularizer(l1=float("nan"))
    with pytest.raises(ValueError, match="apply_to_biases must be True or False, got 'yes'"):
        Regularizer(apply_to_biases="yes")


def test_misaligned_lists_raise():
    params = [np.zeros((2, 2)), np.zeros(2)]
    regularizer = Regularizer(l2=1.0)
    with pytest.raises(ValueError, match="kinds must be aligned with the 2 parameter arrays, got 1"):
        regularizer.penalty(params, ["weight"])
    with pytest.raises(ValueError, match="grads must be aligned with the 2 parameter arrays, got 3"):
        regularizer.add_gradient(params, [np.zeros(2)] * 3, ["weight", "bias"])
    with pytest.raises(ValueError, match=r"gradient shape \(2,\) does not match parameter shape \(2, 2\)"):
        regularizer.add_gradient(params, [np.zeros(2), np.zeros(2)], ["weight", "bias"])


@pytest.mark.parametrize("l1, l2", [(0.2, 0.0), (0.0, 0.3), (0.2, 0.3)])
def test_activity_gradient_matches_central_differences(l1, l2):
    a = away_from_zero(np.random.default_rng(3), (6, 4))
    numeric = numerical_gradient(lambda x: activity_penalty(x, l1, l2), a)
    assert relative_error(activity_gradient(a, l1, l2), numeric) < 1e-6


def test_activity_penalty_is_averaged_over_the_batch():
    a = np.array([[1.0, -2.0], [0.5, 0.0]])
    assert activity_penalty(a, 0.1, 0.2) == pytest.approx((0.1 * 3.5 + 0.2 * 5.25) / 2)
    doubled_batch = np.concatenate([a, a])
    assert activity_penalty(doubled_batch, 0.1, 0.2) == pytest.approx(activity_penalty(a, 0.1, 0.2))
    np.testing.assert_allclose(activity_gradient(a, 0.1, 0.2), (0.1 * np.sign(a) + 0.4 * a) / 2)
    assert activity_penalty(a, 0.0, 0.0) == 0.0 and not np.any(activity_gradient(a, 0.0, 0.0))


def test_activity_gradient_keeps_float32():
    a = np.ones((3, 2), dtype=np.float32)
    for l1, l2 in [(np.float64(0.1), 0.0), (0.0, np.float64(0.1)), (0.0, 0.0)]:
        assert activity_gradient(a, l1, l2).dtype == np.float32


def test_activity_strengths_are_validated():
    with pytest.raises(ValueError, match="activity L1 strength must be ≥ 0.0, got -1.0"):
        activity_penalty(np.ones((2, 2)), -1.0, 0.0)
    with pytest.raises(ValueError, match="activity L2 strength must be a number"):
        activity_gradient(np.ones((2, 2)), 0.0, None)
