import math

import numpy as np
import pytest

from core import schedules

ALL_NAMES = ["constant", "step", "exponential", "linear", "inverse_time", "cosine", "cyclic", "reduce_on_plateau"]


def rates(schedule, ts):
    return [schedule(t) for t in ts]


def test_registry_lists_every_schedule():
    assert schedules.names() == ALL_NAMES
    for name in ALL_NAMES:
        schedule = schedules.create(name)
        assert schedule.name == name and schedule.lr0 == 0.01
        assert type(schedule(0)) is float


# ---- formulas ------------------------------------------------------------------------------------


def test_constant():
    assert rates(schedules.create("constant", lr0=0.3), [0, 1, 1000]) == [0.3, 0.3, 0.3]


def test_step_multiplies_by_gamma_every_step_size():
    schedule = schedules.create("step", lr0=0.1, step_size=3, gamma=0.5)
    assert rates(schedule, [0, 2, 3, 5, 6, 10]) == pytest.approx([0.1, 0.1, 0.05, 0.05, 0.025, 0.0125], rel=1e-15)


def test_exponential_is_e_times_smaller_every_T():
    schedule = schedules.create("exponential", lr0=0.2, T=10)
    assert rates(schedule, [0, 5, 10, 20]) == pytest.approx(
        [0.2, 0.2 / math.sqrt(math.e), 0.2 / math.e, 0.2 / math.e**2], rel=1e-14)


def test_linear_reaches_zero_at_T_and_stays():
    schedule = schedules.create("linear", lr0=0.1, T=10)
    assert rates(schedule, [0, 5, 9, 10, 15]) == pytest.approx([0.1, 0.05, 0.01, 0.0, 0.0], rel=1e-14, abs=1e-18)


def test_linear_is_floored_at_end_factor():
    schedule = schedules.create("linear", lr0=0.1, T=10, end_factor=0.2)
    assert rates(schedule, [0, 5, 8, 9, 100]) == pytest.approx([0.1, 0.05, 0.02, 0.02, 0.02], rel=1e-14)


def test_inverse_time():
    schedule = schedules.create("inverse_time", lr0=0.3, decay=0.5)
    assert rates(schedule, [0, 2, 4, 10]) == pytest.approx([0.3, 0.15, 0.1, 0.05], rel=1e-15)


def test_cosine_anneals_to_lr_min_and_stays():
    schedule = schedules.create("cosine", lr0=0.1, T=10, lr_min=0.01)
    # Half-way the cosine is 0: the midpoint of 0.1 and 0.01.
    assert rates(schedule, [0, 5, 10, 25]) == pytest.approx([0.1, 0.055, 0.01, 0.01], rel=1e-14)
    assert schedule(2) == pytest.approx(0.01 + 0.09 * (1 + math.cos(math.pi * 0.2)) / 2, rel=1e-14)


def test_cosine_warm_up_rises_linearly_to_lr0():
    schedule = schedules.create("cosine", lr0=0.1, T=10, warmup=4)
    assert rates(schedule, [0, 1, 3, 4, 9, 14, 20]) == pytest.approx([0.02, 0.04, 0.08, 0.1, 0.05, 0.0, 0.0],
                                                                      rel=1e-14, abs=1e-18)


def test_cyclic_triangle():
    schedule = schedules.create("cyclic", lr0=0.1, max_lr=0.5, step_size=4)
    assert rates(schedule, [0, 2, 4, 6, 8, 10, 12, 16]) == pytest.approx([0.1, 0.3, 0.5, 0.3, 0.1, 0.3, 0.5, 0.1],
                                                                          rel=1e-14)


def test_reduce_on_plateau_waits_patience_then_reduces():
    schedule = schedules.create("reduce_on_plateau", lr0=1.0, factor=0.5, patience=2, threshold=0.1, min_lr=0.2)
    # 0.95 is not a 10 % improvement on 1.0; the third such observation exceeds patience = 2.
    seen = [schedule.observe(loss) for loss in [1.0, 0.95, 0.95, 0.95, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]]
    assert seen == [1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.2, 0.2]
    assert schedule(0) == schedule(1000) == 0.2
    schedule.reset()
    assert schedule(7) == 1.0


def test_reduce_on_plateau_counts_nan_as_no_improvement():
    schedule = schedules.create("reduce_on_plateau", lr0=1.0, patience=0)
    schedule.observe(1.0)
    assert schedule.observe(float("nan")) == pytest.approx(0.1)
    with pytest.raises(ValueError, match="validation loss"):
        schedule.observe("low")


def test_lr0_is_settable():
    step = schedules.create("step", lr0=0.1, step_size=1, gamma=0.5)
    step.lr0 = 0.4
    assert step(2) == pytest.approx(0.1, rel=1e-15)
    plateau = schedules.create("reduce_on_plateau", lr0=1.0, patience=0, factor=0.5)
    plateau.observe(1.0)
    plateau.observe(1.0)
    plateau.lr0 = 0.2  # a new base rate keeps the reductions already made
    assert plateau(0) == pytest.approx(0.1, rel=1e-15)


# ---- against torch.optim.lr_scheduler ------------------------------------------------------------


def torch_rates(torch, make_scheduler, n, losses=None):
    parameter = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([parameter], lr=0.1)
    scheduler = make_scheduler(optimizer)
    seen = []
    for t in range(n):
        seen.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step() if losses is None else scheduler.step(losses[t])
    return seen


@pytest.mark.torch
@pytest.mark.parametrize("name, hp, make, n", [
    ("step", dict(step_size=3, gamma=0.5), lambda s, o: s.StepLR(o, 3, 0.5), 20),
    ("exponential", dict(T=7.0), lambda s, o: s.ExponentialLR(o, math.exp(-1 / 7)), 40),
    ("cosine", dict(T=12, lr_min=0.01), lambda s, o: s.CosineAnnealingLR(o, 12, eta_min=0.01), 13),
    ("cyclic", dict(max_lr=0.7, step_size=5),
     lambda s, o: s.CyclicLR(o, 0.1, 0.7, step_size_up=5, cycle_momentum=False), 40),
])
def test_matches_torch_schedulers(name, hp, make, n):
    torch = pytest.importorskip("torch")
    expected = torch_rates(torch, lambda o: make(torch.optim.lr_scheduler, o), n)
    np.testing.assert_allclose(schedules.preview(schedules.create(name, lr0=0.1, **hp), n), expected, rtol=1e-12)


@pytest.mark.torch
def test_reduce_on_plateau_matches_torch():
    torch = pytest.importorskip("torch")
    losses = list(1.0 / np.arange(1, 61) ** 0.3 + np.random.default_rng(0).normal(0, 0.02, 60))
    expected = torch_rates(torch, lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(
        o, factor=0.5, patience=3, threshold=1e-3, min_lr=0.002), 60, losses)
    schedule = schedules.create("reduce_on_plateau", lr0=0.1, factor=0.5, patience=3, threshold=1e-3, min_lr=0.002)
    ours = [schedule(0)] + [schedule.observe(loss) for loss in losses[:-1]]
    np.testing.assert_allclose(ours, expected, rtol=1e-12)
    assert ours[-1] < 0.1 / 4  # several reductions happened


# ---- preview, hyperparameters, bad input ---------------------------------------------------------


@pytest.mark.parametrize("name", ALL_NAMES)
def test_preview_is_the_schedule_at_t_0_to_n_minus_1(name):
    schedule = schedules.create(name, lr0=0.05)
    curve = schedules.preview(schedule, 30)
    assert curve.dtype == np.float64 and curve.shape == (30,)
    np.testing.assert_array_equal(curve, rates(schedule, range(30)))
    assert schedules.preview(schedule, 0).shape == (0,)


@pytest.mark.parametrize("name", ALL_NAMES)
def test_rates_at_chosen_steps_are_the_schedule_s_there(name):
    schedule = schedules.create(name, lr0=0.05)
    steps = np.array([0, 3, 4, 17, 250, 9999])
    np.testing.assert_array_equal(schedules.rates_at(schedule, steps), rates(schedule, steps.tolist()))
    assert schedules.rates_at(schedule, np.array([], np.int64)).shape == (0,)


@pytest.mark.parametrize("steps", [np.array([0, -1]), np.array([0.0, 1.0]), np.array([[0, 1]])])
def test_rates_at_refuses_steps_that_are_not_integers_from_0(steps):
    with pytest.raises(ValueError, match="integers ≥ 0"):
        schedules.rates_at(schedules.create("constant"), steps)


def test_preview_of_reduce_on_plateau_is_the_current_rate():
    schedule = schedules.create("reduce_on_plateau", lr0=0.1, patience=0)
    schedule.observe(1.0)
    schedule.observe(2.0)
    np.testing.assert_allclose(schedules.preview(schedule, 5), [0.01] * 5, rtol=1e-15)
    assert schedule.observe(0.5) == pytest.approx(0.01)  # preview changed nothing


@pytest.mark.parametrize("name", ALL_NAMES)
def test_hyperparameters_round_trip_without_lr0(name):
    schedule = schedules.create(name, lr0=0.05)
    hp = schedule.hyperparameters
    assert "lr0" not in hp
    again = schedules.create(name, lr0=0.05, **hp)
    np.testing.assert_array_equal(schedules.preview(again, 50), schedules.preview(schedule, 50))


@pytest.mark.parametrize("name, hp, field", [
    ("constant", dict(lr0=-0.1), "lr0"),
    ("step", dict(step_size=0), "step_size"),
    ("step", dict(step_size=2.5), "step_size"),
    ("step", dict(gamma=0.0), "gamma"),
    ("step", dict(gamma=1.5), "gamma"),
    ("exponential", dict(T=0), "T"),
    ("linear", dict(T=-5), "T"),
    ("linear", dict(end_factor=1.5), "end_factor"),
    ("inverse_time", dict(decay=-0.1), "decay"),
    ("cosine", dict(T=0), "T"),
    ("cosine", dict(lr0=0.01, lr_min=0.02), "lr_min"),
    ("cosine", dict(warmup=-1), "warmup"),
    ("cyclic", dict(lr0=0.2, max_lr=0.1), "max_lr"),
    ("cyclic", dict(step_size=0), "step_size"),
    ("reduce_on_plateau", dict(factor=1.0), "factor"),
    ("reduce_on_plateau", dict(patience=-1), "patience"),
    ("reduce_on_plateau", dict(threshold=-1e-3), "threshold"),
    ("reduce_on_plateau", dict(lr0=0.01, min_lr=0.1), "min_lr"),
])
def test_bad_hyperparameters_name_the_field(name, hp, field):
    with pytest.raises(ValueError, match=f"{name} schedule {field} must"):
        schedules.create(name, **hp)


def test_live_assignment_is_validated_and_leaves_the_old_value():
    cyclic = schedules.create("cyclic", lr0=0.1, max_lr=0.5)
    with pytest.raises(ValueError, match="cyclic schedule max_lr must be ≥ 0.6, got 0.5"):
        cyclic.lr0 = 0.6
    with pytest.raises(ValueError, match="cyclic schedule max_lr must be ≥ 0.1, got 0.05"):
        cyclic.max_lr = 0.05
    exponential = schedules.create("exponential")
    with pytest.raises(ValueError, match="T must be > 0"):
        exponential.T = 0.0
    assert (cyclic.lr0, cyclic.max_lr, exponential.T) == (0.1, 0.5, 100.0)


@pytest.mark.parametrize("t", [-1, 1.5, "3", None])
def test_bad_t(t):
    with pytest.raises(ValueError, match="step schedule t"):
        schedules.create("step")(t)


def test_unknown_name_and_bad_preview_length():
    with pytest.raises(ValueError, match="unknown schedule 'warm'"):
        schedules.create("warm")
    with pytest.raises(ValueError, match="preview length"):
        schedules.preview(schedules.create("constant"), -1)


@pytest.mark.parametrize("planned", [1, 7, 20, 900, 37_500])
def test_lengths_fitted_to_a_run_give_each_schedule_its_shape_over_that_run(planned):
    def rates(name, lr0=1.0):
        schedule = schedules.create(name, lr0=lr0, **schedules.fitted_to_run(name, planned))
        return schedules.preview(schedule, planned)

    assert set(schedules.fitted_to_run("step", planned)) == {"step_size"}
    assert rates("step")[-1] >= 1e-3 * (1 - 1e-12)  # three drops at most, not one every 10 steps
    if planned >= 20:
        assert rates("step")[-1] == pytest.approx(0.01)  # q² at the last step, q³ just after
        assert rates("cosine")[-1] < 0.01 and rates("linear")[-1] < 0.06  # annealed by the run's end
        assert 0.04 < rates("exponential")[-1] < 0.065  # about e⁻³
        assert 0.24 < rates("inverse_time")[-1] < 0.26  # a quarter
        cyclic = rates("cyclic", lr0=0.01)
        assert 3 <= len(np.flatnonzero(np.isclose(cyclic, cyclic.max()))) <= 5  # four cycles
    assert schedules.fitted_to_run("constant", planned) == {} == schedules.fitted_to_run("reduce_on_plateau", planned)


def test_a_run_length_must_be_a_whole_number_of_steps():
    with pytest.raises(ValueError, match="planned run length must be ≥ 1"):
        schedules.fitted_to_run("step", 0)
