import math
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from core import optimizers

ALL_NAMES = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw"]
# Optimisers whose state shrinks geometrically when the gradient is zero, with rates that make it
# reach the subnormal range within a few hundred steps.
FAST_DECAY = {
    "momentum": dict(momentum=0.5),
    "nesterov": dict(momentum=0.5),
    "rmsprop": dict(alpha=0.5, momentum=0.5, centered=True),
    "adadelta": dict(rho=0.5),
    "adam": dict(betas=(0.5, 0.5)),
    "adamw": dict(betas=(0.5, 0.5)),
}

THETA0 = [1.0, -2.0, 0.5]
G1 = [0.5, -1.0, 0.0]
G2 = [0.25, 1.0, -2.0]


def two_steps(name, **hp):
    """θ after one and after two steps from THETA0 with gradients G1 then G2 (float64)."""
    opt = optimizers.create(name, **hp)
    theta = np.array(THETA0)
    opt.step([theta], [np.array(G1)])
    after_one = theta.copy()
    opt.step([theta], [np.array(G2)])
    return after_one, theta


def sign(x):
    return math.copysign(1.0, x) if x else 0.0


def test_registry_lists_every_optimizer():
    assert optimizers.names() == ALL_NAMES
    for name in ALL_NAMES:
        assert optimizers.create(name).name == name


# ---- one and two steps in closed form ------------------------------------------------------------


def test_sgd_closed_form():
    one, two = two_steps("sgd", lr=0.1)
    np.testing.assert_allclose(one, [0.95, -1.9, 0.5], rtol=1e-15)
    np.testing.assert_allclose(two, [0.925, -2.0, 0.7], rtol=1e-15)


def test_sgd_weight_decay_adds_lambda_theta_to_the_gradient():
    one, _ = two_steps("sgd", lr=0.1, weight_decay=0.1)
    # g = G1 + 0.1·θ0 = [0.6, -1.2, 0.05]
    np.testing.assert_allclose(one, [0.94, -1.88, 0.495], rtol=1e-15)


def test_momentum_closed_form():
    one, two = two_steps("momentum", lr=0.1, momentum=0.9)
    # v1 = G1; v2 = 0.9·G1 + G2 = [0.7, 0.1, -2.0]
    np.testing.assert_allclose(one, [0.95, -1.9, 0.5], rtol=1e-15)
    np.testing.assert_allclose(two, [0.88, -1.91, 0.7], rtol=1e-14)


def test_nesterov_closed_form():
    one, two = two_steps("nesterov", lr=0.1, momentum=0.9)
    # step 1 direction G1 + 0.9·G1; step 2 direction G2 + 0.9·[0.7, 0.1, -2.0] = [0.88, 1.09, -3.8]
    np.testing.assert_allclose(one, [0.905, -1.81, 0.5], rtol=1e-15)
    np.testing.assert_allclose(two, [0.817, -1.919, 0.88], rtol=1e-14)


def test_adagrad_closed_form():
    eps = 1e-10
    one, two = two_steps("adagrad", lr=0.1, lr_decay=0.5, eps=eps)
    # G1 = G1², so the first step is lr·sign(g); the second uses lr / (1 + 0.5) and G = G1² + G2².
    expected_one = [t - 0.1 * g / (abs(g) + eps) for t, g in zip(THETA0, G1)]
    np.testing.assert_allclose(one, expected_one, rtol=1e-15)
    np.testing.assert_allclose(one, [0.9, -1.9, 0.5], rtol=1e-9)
    accumulated = [a * a + b * b for a, b in zip(G1, G2)]  # [0.3125, 2, 4]
    expected_two = [t - 0.1 / 1.5 * g / (math.sqrt(s) + eps) for t, g, s in zip(one, G2, accumulated)]
    np.testing.assert_allclose(two, expected_two, rtol=1e-15)


def test_adagrad_initial_accumulator_value():
    one, _ = two_steps("adagrad", lr=0.1, initial_accumulator_value=0.75)
    np.testing.assert_allclose(one, [t - 0.1 * g / math.sqrt(0.75 + g * g) for t, g in zip(THETA0, G1)], rtol=1e-9)


def test_rmsprop_closed_form():
    eps = 1e-8
    one, two = two_steps("rmsprop", lr=0.01, alpha=0.99, eps=eps)
    # s1 = 0.01·g², √s1 = 0.1·|g|: the first step is 0.1·sign(g).
    np.testing.assert_allclose(one, [0.9, -1.9, 0.5], rtol=1e-7)
    s2 = [0.99 * 0.01 * a * a + 0.01 * b * b for a, b in zip(G1, G2)]
    np.testing.assert_allclose(two, [t - 0.01 * g / (math.sqrt(s) + eps) for t, g, s in zip(one, G2, s2)], rtol=1e-15)


def test_rmsprop_centered_with_momentum_closed_form():
    eps, alpha, mu, lr = 1e-8, 0.9, 0.5, 0.01
    one, two = two_steps("rmsprop", lr=lr, alpha=alpha, eps=eps, momentum=mu, centered=True)
    # s1 = 0.1·g², ḡ1 = 0.1·g, s̃1 = 0.1·g² − 0.01·g² = 0.09·g²: the step is lr·g/(0.3|g|).
    np.testing.assert_allclose(one, [t - lr * sign(g) / 0.3 for t, g in zip(THETA0, G1)], rtol=1e-7)
    expected = []
    for t, a, b in zip(one, G1, G2):
        b1 = a / (math.sqrt(0.09 * a * a) + eps)
        s = alpha * 0.1 * a * a + 0.1 * b * b
        mean = alpha * 0.1 * a + 0.1 * b
        expected.append(t - lr * (mu * b1 + b / (math.sqrt(s - mean * mean) + eps)))
    np.testing.assert_allclose(two, expected, rtol=1e-14)


def test_adadelta_closed_form():
    eps, rho = 1e-6, 0.9
    one, two = two_steps("adadelta", lr=1.0, rho=rho, eps=eps)
    delta1 = [math.sqrt(eps) / math.sqrt(0.1 * g * g + eps) * g for g in G1]
    np.testing.assert_allclose(one, [t - d for t, d in zip(THETA0, delta1)], rtol=1e-15)
    expected = []
    for t, a, b, d in zip(one, G1, G2, delta1):
        s = rho * 0.1 * a * a + 0.1 * b * b
        u = 0.1 * d * d
        expected.append(t - math.sqrt(u + eps) / math.sqrt(s + eps) * b)
    np.testing.assert_allclose(two, expected, rtol=1e-14)


def adam_two_steps_by_hand(lr, beta1, beta2, eps, theta0):
    """The textbook form: bias-corrected m̂ and v̂, then θ −= lr·m̂/(√v̂ + ε)."""
    theta, m, v = list(theta0), [0.0] * 3, [0.0] * 3
    for t, grads in ((1, G1), (2, G2)):
        m = [beta1 * a + (1 - beta1) * g for a, g in zip(m, grads)]
        v = [beta2 * a + (1 - beta2) * g * g for a, g in zip(v, grads)]
        theta = [p - lr * (a / (1 - beta1**t)) / (math.sqrt(b / (1 - beta2**t)) + eps)
                 for p, a, b in zip(theta, m, v)]
    return theta


def test_adam_closed_form():
    one, two = two_steps("adam", lr=0.1)
    # m̂1 = g and v̂1 = g²: the first step is lr·sign(g).
    np.testing.assert_allclose(one, [0.9, -1.9, 0.5], rtol=1e-7)
    np.testing.assert_allclose(two, adam_two_steps_by_hand(0.1, 0.9, 0.999, 1e-8, THETA0), rtol=1e-14)


def test_adam_without_bias_correction_takes_lecture_003_s_steps():
    """u = η·m/(√v + ε) with the raw moments: the first step is η(1 − β₁)/√(1 − β₂) ≈ 3.16η long."""
    _, two = two_steps("adam", lr=0.1, bias_correction=False)
    lr, b1, b2 = 0.1, 0.9, 0.999
    theta, m, v = list(THETA0), [0.0] * 3, [0.0] * 3
    for grads in (G1, G2):
        m = [b1 * a + (1 - b1) * g for a, g in zip(m, grads)]
        v = [b2 * a + (1 - b2) * g * g for a, g in zip(v, grads)]
        theta = [p - lr * a / (math.sqrt(b) + 1e-8) for p, a, b in zip(theta, m, v)]
    np.testing.assert_allclose(two, theta, rtol=1e-14)
    first, _ = two_steps("adam", lr=0.1, bias_correction=False)
    moved = np.abs(np.array(first) - THETA0)[:2]  # the third gradient is 0
    np.testing.assert_allclose(moved, 0.1 * 0.1 / math.sqrt(0.001), rtol=1e-6)


def test_adam_weight_decay_is_added_to_the_gradient():
    _, two = two_steps("adam", lr=0.1, weight_decay=0.5)
    lr, b1, b2 = 0.1, 0.9, 0.999
    theta, m, v = list(THETA0), [0.0] * 3, [0.0] * 3
    for t, grads in ((1, G1), (2, G2)):
        grads = [g + 0.5 * p for g, p in zip(grads, theta)]
        m = [b1 * a + (1 - b1) * g for a, g in zip(m, grads)]
        v = [b2 * a + (1 - b2) * g * g for a, g in zip(v, grads)]
        theta = [p - lr * (a / (1 - b1**t)) / (math.sqrt(b / (1 - b2**t)) + 1e-8) for p, a, b in zip(theta, m, v)]
    np.testing.assert_allclose(two, theta, rtol=1e-14)


def test_adam_amsgrad_uses_the_largest_second_moment():
    opt = optimizers.create("adam", lr=0.1, amsgrad=True)
    theta = np.array([0.0])
    opt.step([theta], [np.array([2.0])])
    opt.step([theta], [np.array([0.0])])  # v shrinks to 0.999·v1: v_max keeps v1
    v1 = 0.001 * 4.0
    m2 = 0.9 * 0.2
    expected = -0.1 * 2.0 / (2.0 + 1e-8) - 0.1 * (m2 / (1 - 0.81)) / (math.sqrt(v1 / (1 - 0.999**2)) + 1e-8)
    np.testing.assert_allclose(theta, [expected], rtol=1e-12)
    assert opt.state[0]["v_max"][0] == pytest.approx(v1, rel=1e-15)


def test_adamw_decays_the_parameter_directly():
    lr, wd = 0.1, 0.5
    one, two = two_steps("adamw", lr=lr, weight_decay=wd)
    np.testing.assert_allclose(one, [t * (1 - lr * wd) - lr * sign(g) for t, g in zip(THETA0, G1)], rtol=1e-7)
    # The decay multiplies θ before each step; the Adam part sees the bare gradients.
    undecayed = adam_two_steps_by_hand(lr, 0.9, 0.999, 1e-8, [0.0] * 3)
    plain_one = [0.0 - lr * g / (abs(g) + 1e-8) for g in G1]
    second_adam_step = [u - p for u, p in zip(undecayed, plain_one)]
    expected = [t * (1 - lr * wd) + s for t, s in zip(one, second_adam_step)]
    np.testing.assert_allclose(two, expected, rtol=1e-14)


LECTURE_CASES = [
    ("adagrad", dict(lr=0.1, eps=1e-3)),
    ("rmsprop", dict(lr=0.01, alpha=0.9, eps=1e-3)),
    ("adam", dict(lr=0.05, betas=(0.8, 0.99), eps=1e-3, bias_correction=False)),
    ("adam", dict(lr=0.05, betas=(0.8, 0.99), eps=1e-3)),
    ("adamw", dict(lr=0.05, betas=(0.8, 0.99), eps=1e-3, weight_decay=0.3)),
]


def lecture_003_trajectory(name, hp, start, steps):
    """The parameters after each of ``steps`` steps of lecture 003's formulas, ε inside the root, transcribed
    in NumPy (float64): Adagrad θ ← θ − η/√(G + ε)·g; RMSProp the same with G ← ρG + (1 − ρ)g²; Adam
    u = η/√(v + ε)·m, and with the bias correction u = η/√(v̂ + ε)·m̂; AdamW's decay θ·(1 − ηλ) after the
    gradient, before the step."""
    lr, eps = hp["lr"], hp["eps"]
    beta1, beta2 = hp.get("betas", (0.9, 0.999))
    theta = [p.copy() for p in start]
    first, second = [np.zeros_like(p) for p in start], [np.zeros_like(p) for p in start]
    trajectory = []
    for t in range(1, steps + 1):
        grads = quadratic_ish_gradients(theta)
        if name == "adamw":
            theta = [p * (1 - lr * hp["weight_decay"]) for p in theta]
        if name == "adagrad":
            second = [G + g**2 for G, g in zip(second, grads)]
            theta = [p - lr / np.sqrt(G + eps) * g for p, G, g in zip(theta, second, grads)]
        elif name == "rmsprop":
            rho = hp["alpha"]
            second = [rho * G + (1 - rho) * g**2 for G, g in zip(second, grads)]
            theta = [p - lr / np.sqrt(G + eps) * g for p, G, g in zip(theta, second, grads)]
        else:
            first = [beta1 * m + (1 - beta1) * g for m, g in zip(first, grads)]
            second = [beta2 * v + (1 - beta2) * g**2 for v, g in zip(second, grads)]
            corrected = hp.get("bias_correction", True)
            c1, c2 = (1 - beta1**t, 1 - beta2**t) if corrected else (1.0, 1.0)
            theta = [p - lr / np.sqrt(v / c2 + eps) * (m / c1) for p, m, v in zip(theta, first, second)]
        trajectory.append(theta)
    return trajectory


@pytest.mark.parametrize("size", [5, 300])  # the kernels' Python source, and their compiled code
@pytest.mark.parametrize("name, hp", LECTURE_CASES)
def test_eps_inside_the_root_takes_lecture_003_s_steps(name, hp, size):
    """With ``eps_inside_root`` the step divides by √(G + ε) (√(v̂ + ε) for Adam), step after step; the default,
    √G + ε as in torch, takes other steps at this ε."""
    rng = np.random.default_rng(5)
    start = [rng.normal(size=(size // 5, 4)), rng.normal(size=size - 4 * (size // 5))]
    expected = lecture_003_trajectory(name, hp, start, steps=12)
    ours, torchs = [p.copy() for p in start], [p.copy() for p in start]
    lecture, default = optimizers.create(name, eps_inside_root=True, **hp), optimizers.create(name, **hp)
    for step, theta in enumerate(expected):
        lecture.step(ours, quadratic_ish_gradients(ours))
        default.step(torchs, quadratic_ish_gradients(torchs))
        for mine, transcribed in zip(ours, theta):
            np.testing.assert_allclose(mine, transcribed, rtol=1e-13, atol=1e-15, err_msg=f"step {step + 1}")
    assert np.max(np.abs(ours[1] - start[1])) > 0.01  # the run went somewhere
    assert not np.allclose(ours[1], torchs[1], rtol=1e-6, atol=0.0)


# ---- against torch.optim -------------------------------------------------------------------------

TORCH_CASES = [
    ("sgd", dict(lr=0.05)),
    ("sgd", dict(lr=0.05, weight_decay=0.1)),
    ("momentum", dict(lr=0.02, momentum=0.9)),
    ("momentum", dict(lr=0.02, momentum=0.5, weight_decay=0.05)),
    ("nesterov", dict(lr=0.02, momentum=0.9)),
    ("nesterov", dict(lr=0.02, momentum=0.7, weight_decay=0.05)),
    ("adagrad", dict(lr=0.1)),
    ("adagrad", dict(lr=0.1, lr_decay=0.05, weight_decay=0.1, initial_accumulator_value=0.5, eps=1e-6)),
    ("rmsprop", dict(lr=0.01)),
    ("rmsprop", dict(lr=0.01, momentum=0.9)),
    ("rmsprop", dict(lr=0.01, centered=True)),
    ("rmsprop", dict(lr=0.005, alpha=0.9, eps=1e-6, weight_decay=0.1, momentum=0.5, centered=True)),
    ("adadelta", dict()),
    ("adadelta", dict(lr=0.5, rho=0.8, eps=1e-4, weight_decay=0.1)),
    ("adam", dict(lr=0.05)),
    ("adam", dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    ("adam", dict(lr=0.05, amsgrad=True)),
    ("adamw", dict(lr=0.05)),
    ("adamw", dict(lr=0.05, betas=(0.7, 0.95), weight_decay=0.3, amsgrad=True)),
]


def torch_optimizer(torch, name, tensors, hp):
    if name in ("sgd", "momentum", "nesterov"):
        return torch.optim.SGD(tensors, nesterov=name == "nesterov", **hp)
    cls = {"adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop, "adadelta": torch.optim.Adadelta,
           "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}[name]
    return cls(tensors, **hp)


def quadratic_ish_gradients(params):
    """∇ of E = Σ ½‖Aθ‖²-like bowl plus Σ log cosh θ: curved, coupled and not quadratic."""
    w, b = params
    gw = 0.5 * w @ np.array([[2.0, 0.3, 0.0, 0.1], [0.3, 1.0, 0.2, 0.0], [0.0, 0.2, 0.5, 0.1],
                             [0.1, 0.0, 0.1, 3.0]]) + np.tanh(w) - 0.2
    gb = np.linspace(0.5, 2.0, b.size) * b + np.tanh(b) + 0.3
    return [gw, gb]


@pytest.mark.torch
@pytest.mark.parametrize("name, hp", TORCH_CASES)
def test_trajectory_matches_torch(name, hp):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(1)
    start = [rng.normal(size=(3, 4)), rng.normal(size=5)]
    ours = [p.copy() for p in start]
    theirs = [torch.tensor(p.copy(), dtype=torch.float64) for p in start]
    opt = optimizers.create(name, **hp)
    reference = torch_optimizer(torch, name, theirs, hp)
    for step in range(50):
        if step == 25:  # a change of learning rate between batches, as the trainer makes
            opt.lr = hp.get("lr", opt.lr) * 0.5
            reference.param_groups[0]["lr"] = opt.lr
        opt.step(ours, quadratic_ish_gradients(ours))
        for tensor, grad in zip(theirs, quadratic_ish_gradients([t.numpy() for t in theirs])):
            tensor.grad = torch.from_numpy(grad)
        reference.step()
    for mine, tensor, first in zip(ours, theirs, start):
        np.testing.assert_allclose(mine, tensor.numpy(), rtol=1e-10, atol=1e-14)
        assert np.max(np.abs(mine - first)) > 0.01  # the run went somewhere


@pytest.mark.torch
@pytest.mark.parametrize("name", ALL_NAMES)
def test_defaults_are_torchs(name):
    torch = pytest.importorskip("torch")
    # torch refuses Nesterov without momentum, which it does not default to
    given = dict(momentum=0.9) if name == "nesterov" else {}
    theirs = torch_optimizer(torch, name, [torch.zeros(1)], given).defaults
    ours = optimizers.create(name).hyperparameters
    if name in ("momentum", "nesterov"):
        del ours["momentum"]  # torch's SGD defaults to no momentum at all
    if name in ("adam", "adamw"):
        assert ours.pop("bias_correction") is True  # torch's Adam always corrects; lecture 003's does not
    assert ours.pop("eps_inside_root", False) is False  # torch's ε is outside the root, lecture 003's inside
    assert {key: theirs[key] for key in ours} == ours


# ---- arrays: dtype, several parameters, in place --------------------------------------------------


@pytest.mark.parametrize("name", ALL_NAMES)
def test_float32_stays_float32_in_place_and_agrees_with_float64(name):
    hp = dict(lr=0.5) if name == "adadelta" else dict(lr=0.01)
    rng = np.random.default_rng(2)
    start = [rng.normal(size=(3, 4)), rng.normal(size=5)]
    runs = {}
    for dtype in (np.float32, np.float64):
        opt = optimizers.create(name, weight_decay=0.01, **hp)
        params = [p.astype(dtype) for p in start]
        objects = list(params)
        for _ in range(10):
            opt.step(params, [g.astype(dtype) for g in quadratic_ish_gradients(params)])
        assert all(p is o for p, o in zip(params, objects))
        assert all(p.dtype == dtype for p in params)
        assert [p.shape for p in params] == [(3, 4), (5,)]
        for state, p in zip(opt.state, params):
            assert bool(state) == (name != "sgd")
            assert all(a.dtype == dtype and a.shape == p.shape for a in state.values())
        runs[dtype] = params
    for single, double, first in zip(runs[np.float32], runs[np.float64], start):
        assert not np.allclose(double, first)
        np.testing.assert_allclose(single, double, rtol=1e-4, atol=1e-5)


def test_numpy_scalar_hyperparameters_are_stored_as_python_floats():
    opt = optimizers.create("adam", lr=np.float64(0.01), betas=(np.float64(0.9), 0.99), eps=np.float32(1e-8))
    opt.weight_decay = np.float64(0.1)
    values = [opt.lr, opt.beta1, opt.beta2, opt.eps, opt.weight_decay]
    assert all(type(v) is float for v in values)


def test_gradients_are_not_modified():
    opt = optimizers.create("adam", weight_decay=0.1)
    grad = np.array([1.0, -2.0], dtype=np.float32)
    opt.step([np.ones(2, np.float32)], [grad])
    np.testing.assert_array_equal(grad, [1.0, -2.0])


# ---- state, reset, live hyperparameters ----------------------------------------------------------


@pytest.mark.parametrize("name", ALL_NAMES)
def test_reset_forgets_the_state(name):
    opt = optimizers.create(name)
    theta = np.array(THETA0)
    opt.step([theta], [np.array(G1)])
    opt.reset()
    assert opt.state == [] and opt.step_count == 0
    fresh = optimizers.create(name)
    again = theta.copy()
    opt.step([theta], [np.array(G2)])
    fresh.step([again], [np.array(G2)])
    np.testing.assert_array_equal(theta, again)


STATEFUL_CASES = [("momentum", {}), ("nesterov", {}), ("adagrad", {}), ("rmsprop", dict(momentum=0.5, centered=True)),
                  ("adadelta", {}), ("adam", {}), ("adam", dict(amsgrad=True)), ("adamw", {})]


@pytest.mark.parametrize("name, hp", [("sgd", {}), *STATEFUL_CASES])
def test_a_saved_state_goes_on_exactly_as_the_uninterrupted_optimiser(name, hp):
    params = [np.linspace(-1.0, 1.0, 8).reshape(2, 4), np.array([0.3, -0.2])]
    running = optimizers.create(name, lr=0.05, **hp)
    for _ in range(5):
        running.step(params, quadratic_ish_gradients(params))
    saved, saved_params = running.state_arrays(), [p.copy() for p in params]
    for _ in range(5):
        running.step(params, quadratic_ish_gradients(params))

    restored = optimizers.create(name, lr=0.05, **hp)
    restored.load_state_arrays(saved, saved_params)
    assert restored.step_count == 5
    for _ in range(5):
        restored.step(saved_params, quadratic_ish_gradients(saved_params))
    for continued, uninterrupted in zip(saved_params, params):
        np.testing.assert_array_equal(continued, uninterrupted)


@pytest.mark.parametrize("name, hp", STATEFUL_CASES)
def test_without_its_saved_state_an_optimiser_takes_other_steps(name, hp):
    """The test above is not passed by any fresh optimiser: the state matters."""
    params = [np.linspace(-1.0, 1.0, 8).reshape(2, 4), np.array([0.3, -0.2])]
    running = optimizers.create(name, lr=0.05, **hp)
    for _ in range(5):
        running.step(params, quadratic_ish_gradients(params))
    fresh_params = [p.copy() for p in params]
    running.step(params, quadratic_ish_gradients(params))
    optimizers.create(name, lr=0.05, **hp).step(fresh_params, quadratic_ish_gradients(fresh_params))
    assert not np.array_equal(params[0], fresh_params[0])


def test_a_state_that_does_not_fit_the_parameters_is_refused_and_changes_nothing():
    params = [np.zeros((2, 3), np.float32)]
    adam = optimizers.create("adam")
    adam.step(params, [np.ones((2, 3), np.float32)])
    saved = adam.state_arrays()
    target = optimizers.create("adam")
    target.step(params, [np.ones((2, 3), np.float32)])
    before = target.state_arrays()
    bad_states = {"another shape": {**saved, "0/m": np.zeros((3, 2), np.float32)},
                  "no step count": {key: value for key, value in saved.items() if key != "step_count"},
                  "a negative step count": {**saved, "step_count": np.array(-1)},
                  "a parameter array too many": {**saved, "1/m": np.zeros((2, 3), np.float32)},
                  "not numbers": {**saved, "0/v": np.array(["a"] * 6).reshape(2, 3)}}
    for problem, bad in bad_states.items():
        with pytest.raises(ValueError, match="adam"):
            target.load_state_arrays(bad, params)
        after = target.state_arrays()
        assert after.keys() == before.keys() and all(np.array_equal(after[k], before[k]) for k in before), problem
    # A float64 state for float32 parameters is taken in their dtype.
    target.load_state_arrays({key: value.astype(np.float64) if key != "step_count" else value
                              for key, value in saved.items()}, params)
    assert target.state[0]["m"].dtype == np.float32 and target.step_count == 1


def test_state_names():
    expected = {"sgd": set(), "momentum": {"velocity"}, "nesterov": {"velocity"}, "adagrad": {"sum"},
                "rmsprop": {"square_avg"}, "adadelta": {"square_avg", "acc_delta"}, "adam": {"m", "v"},
                "adamw": {"m", "v"}}
    for name, keys in expected.items():
        opt = optimizers.create(name)
        opt.step([np.zeros(2)], [np.ones(2)])
        assert set(opt.state[0]) == keys, name
        assert opt.step_count == 1
    opt = optimizers.create("rmsprop", momentum=0.9, centered=True)
    opt.step([np.zeros(2)], [np.ones(2)])
    assert set(opt.state[0]) == {"square_avg", "grad_avg", "momentum_buffer"}


def test_adam_moments_in_state():
    opt = optimizers.create("adam")
    opt.step([np.zeros(2)], [np.array([2.0, -1.0])])
    np.testing.assert_allclose(opt.state[0]["m"], [0.2, -0.1], rtol=1e-15)
    np.testing.assert_allclose(opt.state[0]["v"], [0.004, 0.001], rtol=1e-12)


def test_lr_change_takes_effect_on_the_next_step():
    opt = optimizers.create("sgd", lr=0.1)
    theta = np.array([1.0])
    opt.step([theta], [np.array([1.0])])
    opt.lr = 0.25
    opt.step([theta], [np.array([1.0])])
    np.testing.assert_allclose(theta, [1.0 - 0.1 - 0.25], rtol=1e-15)


def test_momentum_change_takes_effect_on_the_next_step():
    opt = optimizers.create("momentum", lr=1.0, momentum=0.9)
    theta = np.array([0.0])
    opt.step([theta], [np.array([1.0])])
    opt.momentum = 0.5
    opt.step([theta], [np.array([1.0])])
    np.testing.assert_allclose(theta, [-1.0 - (0.5 * 1.0 + 1.0)], rtol=1e-15)


def test_hyperparameters_round_trip():
    opt = optimizers.create("adamw", lr=0.02, betas=(0.8, 0.9), amsgrad=True)
    opt.lr = 0.03
    assert opt.hyperparameters == dict(lr=0.03, betas=(0.8, 0.9), eps=1e-8, weight_decay=0.01, amsgrad=True,
                                       bias_correction=True, eps_inside_root=False)
    for name in ALL_NAMES:
        hp = optimizers.create(name).hyperparameters
        assert optimizers.create(name, **hp).hyperparameters == hp


# ---- subnormal flush -----------------------------------------------------------------------------


def subnormal_count(opt):
    tiny = np.finfo(np.float32).tiny
    return sum(int(np.count_nonzero((a != 0) & (np.abs(a) < tiny))) for s in opt.state for a in s.values())


def run_into_zero_gradients(name, steps):
    """Some steps with gradients spread over 35 decades, then zero gradients; float32."""
    opt = optimizers.create(name, lr=1e-3, **FAST_DECAY[name])
    theta = np.linspace(-1.0, 1.0, 200, dtype=np.float32)
    spread = (np.logspace(-35, 0, 200) * np.where(np.arange(200) % 2, 1, -1)).astype(np.float32)
    for _ in range(5):
        opt.step([theta], [spread])
    zero = np.zeros_like(theta)
    for _ in range(steps - 5):
        opt.step([theta], [zero])
    return opt, theta


@pytest.mark.parametrize("name", sorted(FAST_DECAY))
def test_decaying_state_has_no_subnormals_after_a_flush(name, monkeypatch):
    steps = 4 * optimizers.FLUSH_EVERY
    flushed, theta = run_into_zero_gradients(name, steps)
    assert flushed.step_count % optimizers.FLUSH_EVERY == 0
    assert subnormal_count(flushed) == 0
    monkeypatch.setattr(optimizers, "FLUSH_EVERY", 10**9)
    unflushed, theta_unflushed = run_into_zero_gradients(name, steps)
    assert subnormal_count(unflushed) > 0  # the situation the flush is for
    np.testing.assert_array_equal(theta, theta_unflushed)


SQUARED_STATE = {"adam": ("v", 1e-3), "adamw": ("v", 1e-3), "rmsprop": ("square_avg", 1e-2),
                 "adagrad": ("sum", 1.0), "adadelta": ("square_avg", 0.1)}
"""Each optimiser's running sum or mean of g², and the weight of g² in it with torch's defaults."""


@pytest.mark.parametrize("size", [5, 300])  # the kernels' Python source, and their compiled code
@pytest.mark.parametrize("name", sorted(SQUARED_STATE))
def test_a_square_below_the_smallest_normal_number_is_added_as_zero(name, size):
    """weight·g² that would be subnormal (slow, and too small to matter) adds 0; a larger g adds
    its square as before, and a NaN gradient still reaches the state."""
    state_name, weight = SQUARED_STATE[name]
    gate = optimizers.square_gate(np.dtype(np.float32), weight)
    assert weight * gate ** 2 == pytest.approx(np.finfo(np.float32).tiny)
    grad = np.full(size, 1e-20, np.float32)
    grad[1], grad[2] = 2 * gate, np.nan
    opt = optimizers.create(name)
    opt.step([np.zeros(size, np.float32)], [grad])
    squares = opt.state[0][state_name].reshape(-1)
    assert squares[0] == 0 and squares[3:].max() == 0
    assert squares[1] >= np.finfo(np.float32).tiny
    assert np.isnan(squares[2])


# ---- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name, hp, field", [
    ("sgd", dict(lr=-0.1), "lr"),
    ("sgd", dict(lr="fast"), "lr"),
    ("sgd", dict(weight_decay=-1e-3), "weight_decay"),
    ("momentum", dict(momentum=1.0), "momentum"),
    ("nesterov", dict(momentum=-0.1), "momentum"),
    ("adagrad", dict(eps=0.0), "eps"),
    ("adagrad", dict(lr_decay=-1.0), "lr_decay"),
    ("adagrad", dict(initial_accumulator_value=-1.0), "initial_accumulator_value"),
    ("rmsprop", dict(alpha=1.0), "alpha"),
    ("rmsprop", dict(centered="yes"), "centered"),
    ("adadelta", dict(rho=1.5), "rho"),
    ("adam", dict(betas=(1.0, 0.999)), "beta1"),
    ("adam", dict(betas=(0.9, -0.1)), "beta2"),
    ("adam", dict(betas=0.9), "betas"),
    ("adam", dict(amsgrad=1), "amsgrad"),
    ("rmsprop", dict(eps_inside_root="yes"), "eps_inside_root"),
    ("adamw", dict(eps=float("nan")), "eps"),
])
def test_bad_hyperparameters_name_the_field(name, hp, field):
    with pytest.raises(ValueError, match=field):
        optimizers.create(name, **hp)


def test_unknown_names_and_hyperparameters():
    with pytest.raises(ValueError, match="unknown optimizer 'lbfgs'"):
        optimizers.create("lbfgs")
    with pytest.raises(ValueError, match="nesterov"):
        optimizers.create("sgd", nesterov=True)


def test_live_assignment_is_validated_and_leaves_the_old_value():
    opt = optimizers.create("momentum", lr=0.1)
    with pytest.raises(ValueError, match="lr"):
        opt.lr = -1.0
    with pytest.raises(ValueError, match="momentum"):
        opt.momentum = 1.5
    assert (opt.lr, opt.momentum) == (0.1, 0.9)


def test_step_refuses_mismatched_arguments():
    opt = optimizers.create("adam")
    theta = np.zeros(3, np.float32)
    with pytest.raises(ValueError, match="1 parameters but 2 gradients"):
        opt.step([theta], [theta, theta])
    with pytest.raises(ValueError, match="gradient 0 must be float32"):
        opt.step([theta], [np.zeros(3)])
    with pytest.raises(ValueError, match="gradient 0 must be float32 \\(3,\\)"):
        opt.step([theta], [np.zeros(4, np.float32)])
    with pytest.raises(ValueError, match="parameter 0 must be a float32 or float64 array"):
        opt.step([np.zeros(3, int)], [np.zeros(3, int)])
    opt.step([theta], [np.ones(3, np.float32)])
    with pytest.raises(ValueError, match="reset"):
        opt.step([np.zeros(4, np.float32)], [np.zeros(4, np.float32)])


def test_arrays_checked_once_are_checked_again_when_another_takes_their_place():
    opt = optimizers.create("adam")
    theta, grad, new_theta = (np.zeros(3, np.float32) for _ in range(3))
    for _ in range(2):  # the second step, with the same arrays, skips the checks
        opt.step([theta], [grad], [new_theta])
    with pytest.raises(ValueError, match="gradient 0 must be float32"):
        opt.step([theta], [np.zeros(3)], [new_theta])
    with pytest.raises(ValueError, match="new values of parameter 0 need"):
        opt.step([theta], [grad], [np.zeros(3)])
    with pytest.raises(ValueError, match="1 parameters but 2 gradients"):
        opt.step([theta], [grad, grad])
    opt.step([theta], [grad])  # in place
    assert opt.step_count == 3


# ---- compiled kernels ----------------------------------------------------------------------------

FLAG_CASES = [
    ("sgd", dict(weight_decay=0.1)),
    ("momentum", dict(weight_decay=0.1)),
    ("nesterov", dict()),
    ("adagrad", dict(lr_decay=0.1, initial_accumulator_value=0.2, weight_decay=0.1)),
    ("rmsprop", dict()),
    ("rmsprop", dict(momentum=0.5, centered=True, weight_decay=0.1)),
    ("adadelta", dict(weight_decay=0.1)),
    ("adam", dict(weight_decay=0.1)),
    ("adam", dict(amsgrad=True)),
    ("adamw", dict(amsgrad=True)),
    ("adagrad", dict(lr_decay=0.1, weight_decay=0.1, eps_inside_root=True)),
    ("rmsprop", dict(momentum=0.5, centered=True, eps_inside_root=True)),
    ("adam", dict(eps_inside_root=True)),
    ("adam", dict(bias_correction=False, amsgrad=True, eps_inside_root=True)),
    ("adamw", dict(eps_inside_root=True)),
]


def steps_on(name, hp, dtype, size=40, steps=5):
    """(θ, state) after ``steps`` steps on ``size`` parameters with gradients of mixed scales."""
    rng = np.random.default_rng(3)
    opt = optimizers.create(name, lr=0.01, **hp)
    theta = rng.standard_normal(size).astype(dtype)
    for _ in range(steps):
        opt.step([theta], [(rng.standard_normal(size) * np.logspace(-6, 2, size)).astype(dtype)])
    return theta, opt.state[0]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name, hp", FLAG_CASES)
def test_compiled_kernels_equal_their_python_source_bit_for_bit(name, hp, dtype, monkeypatch):
    compiled_theta, compiled_state = steps_on(name, hp, dtype)
    monkeypatch.setattr(optimizers, "COMPILED_MIN_SIZE", 10**9)
    python_theta, python_state = steps_on(name, hp, dtype)
    np.testing.assert_array_equal(compiled_theta, python_theta)
    assert compiled_state.keys() == python_state.keys()
    for key in compiled_state:
        np.testing.assert_array_equal(compiled_state[key], python_state[key])


@pytest.mark.torch
@pytest.mark.parametrize("name, hp", TORCH_CASES)
def test_compiled_trajectory_matches_torch(name, hp, monkeypatch):
    monkeypatch.setattr(optimizers, "COMPILED_MIN_SIZE", 1)
    test_trajectory_matches_torch(name, hp)


@pytest.mark.parametrize("eps_inside_root", [False, True])
def test_a_float32_step_computes_in_float32(eps_inside_root):
    """One compiled Adam step equals the formula evaluated with NumPy's float32 operations, bit
    for bit: a float64 scalar mixed in anywhere would round differently somewhere among 10,000."""
    rng = np.random.default_rng(4)
    theta = rng.standard_normal(10_000).astype(np.float32)
    grad = (rng.standard_normal(10_000) * 1e-2).astype(np.float32)
    lr, beta1, beta2, eps = 1e-3, 0.9, 0.999, 1e-8
    expected_m = grad * np.float32(1 - beta1)
    expected_v = (grad * grad) * np.float32(1 - beta2)
    root_correction2 = math.sqrt(1 - beta2)
    if eps_inside_root:
        denominator = np.sqrt(expected_v + np.float32(eps * (1 - beta2)))
    else:
        denominator = np.sqrt(expected_v) + np.float32(eps * root_correction2)
    expected = theta - np.float32(lr * root_correction2 / (1 - beta1)) * (expected_m / denominator)
    opt = optimizers.create("adam", lr=lr, eps_inside_root=eps_inside_root)
    opt.step([theta], [grad])
    np.testing.assert_array_equal(opt.state[0]["m"], expected_m)
    np.testing.assert_array_equal(opt.state[0]["v"], expected_v)
    np.testing.assert_array_equal(theta, expected)


@pytest.mark.parametrize("name", ALL_NAMES)
def test_prepare_compiles_without_touching_the_state(name):
    opt = optimizers.create(name)
    for dtype in (np.float32, np.float64):
        opt.prepare(dtype)
    assert opt.state == [] and opt.step_count == 0
    theta = np.ones(100, np.float32)
    opt.step([theta], [np.full(100, 0.5, np.float32)])
    fresh = optimizers.create(name)
    again = np.ones(100, np.float32)
    fresh.step([again], [np.full(100, 0.5, np.float32)])
    np.testing.assert_array_equal(theta, again)


def test_importing_the_engine_does_not_import_numba():
    # A fresh interpreter: this one may have compiled kernels already.
    code = ("import sys, core, core.optimizers, core.trainer, core.network, core.experiment; "
            "print('numba' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


def test_a_strided_parameter_is_refused():
    opt = optimizers.create("sgd")
    theta = np.zeros((4, 4))
    with pytest.raises(ValueError, match="parameter 0 must be a C-contiguous array"):
        opt.step([theta.T], [np.ones((4, 4))])


# ---- new values elsewhere --------------------------------------------------------------------------

@pytest.mark.parametrize("size", [5, 300])  # the kernels' Python source, and their compiled code
@pytest.mark.parametrize("name, hp", FLAG_CASES)
def test_a_step_into_other_arrays_leaves_the_parameters_and_is_otherwise_the_step_in_place(name, hp, size):
    rng = np.random.default_rng(7)
    opt, twin = optimizers.create(name, lr=0.01, **hp), optimizers.create(name, lr=0.01, **hp)
    theta = rng.standard_normal(size).astype(np.float32)
    in_place = theta.copy()
    new_theta = np.full_like(theta, np.nan)
    for _ in range(3):
        grad = rng.standard_normal(size).astype(np.float32)
        before = theta.copy()
        opt.step([theta], [grad], [new_theta])
        twin.step([in_place], [grad])
        np.testing.assert_array_equal(theta, before)
        np.testing.assert_array_equal(new_theta, in_place)
        assert not np.array_equal(new_theta, before)
        theta[...] = new_theta  # as a trainer takes finite new weights
    for key in opt.state[0]:
        np.testing.assert_array_equal(opt.state[0][key], twin.state[0][key])


def test_arrays_for_the_new_values_must_match_their_parameters():
    opt = optimizers.create("adam")
    theta, grad = np.zeros((3, 4), np.float32), np.ones((3, 4), np.float32)
    read_only = np.zeros((3, 4), np.float32)
    read_only.flags.writeable = False
    for updated, message in (([], "1 parameters but 0 arrays for their new values"),
                             ([np.zeros((3, 4))], r"parameter 0 need a writeable C-contiguous float32 \(3, 4\) array"),
                             ([np.zeros((4, 3), np.float32).T], "C-contiguous"),
                             ([read_only], "writeable"),
                             ([np.zeros(12, np.float32)], r"got float32 \(12,\)")):
        with pytest.raises(ValueError, match=message):
            opt.step([theta], [grad], updated)
    assert opt.step_count == 0 and (theta == 0).all() and opt.state == []


@pytest.mark.parametrize("size", [2, 64])  # the kernels' Python source, and their compiled code
@pytest.mark.parametrize("name", optimizers.names())
def test_a_hyperparameter_beyond_float32_makes_a_float32_step_non_finite_without_a_warning(name, size):
    """η = 1e300 printed NumPy's "overflow encountered in cast" on stderr before the run's divergence was said."""
    params = [np.linspace(-1, 1, size, dtype=np.float32)]
    grads = [np.full(size, 0.5, dtype=np.float32)]
    optimizer = optimizers.create(name, lr=1e300)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        optimizer.prepare(np.float32)
        optimizer.step(params, grads)
    assert not np.isfinite(params[0]).all()
