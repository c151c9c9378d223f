"""The optimiser race: fairness (same start, same batches, same dropout), independence from the
other contenders, shared pause/step/stop, a diverging contender stopping alone, and the summary."""
import json
import math
import re
import time
from pathlib import Path

import numpy as np
import pytest

from core import events
from core import race as race_module
from core.config import LayerConfig, OptimizerConfig, RunConfig, ScheduleConfig
from core.experiment import Experiment
from core.race import Race
from core.trainer import TrainingControl

CONTENDERS = (
    ("SGD", OptimizerConfig("sgd", {"lr": 0.3})),
    ("momentum", OptimizerConfig("momentum", {"lr": 0.05, "momentum": 0.9})),
    ("Adam, cosine", OptimizerConfig("adam", {"lr": 0.01}), ScheduleConfig("cosine", {"T": 20.0})),
)


def small_config(epochs=2, dropout=0.25, batch_size=32) -> RunConfig:
    config = RunConfig(name="race test")
    config.data.options = {"max_train": 200}
    config.network.hidden = [LayerConfig(units=24, dropout=dropout)]
    config.training.epochs, config.training.batch_size, config.training.seed = epochs, batch_size, 7
    return config


def events_of(log, index, kind):
    return [event for i, event in log if i == index and isinstance(event, kind)]


def record_batches(network, batches):
    """Make ``network`` remember a copy of every training batch it computes gradients on."""
    compute = network.loss_and_gradients

    def recording(X, y, *rest):
        batches.append((X.copy(), y.copy()))
        return compute(X, y, *rest)

    network.loss_and_gradients = recording


def test_every_contender_starts_from_the_same_weights_and_gets_the_same_first_gradient():
    config = small_config()
    race = Race(config, CONTENDERS)
    reference = Experiment(config, race.dataset).network  # what a solo run with this seed starts from
    for network in race.networks:
        np.testing.assert_array_equal(network.flat_parameters, reference.flat_parameters)
    first_gradients = {}
    for index, event in race.run():
        if isinstance(event, events.BatchFinished) and index not in first_gradients:
            first_gradients[index] = race.networks[index].flat_gradients.copy()
        if len(first_gradients) == len(CONTENDERS):
            race.control.stop()
    # The expected gradient, computed by a freshly built network on the first shuffled batch,
    # its dropout masks drawn from its own freshly seeded generator.
    order = np.random.default_rng([config.training.seed, 1]).permutation(len(race.dataset.X_train))
    first = order[:config.training.batch_size]
    reference.loss_and_gradients(race.dataset.X_train[first], race.dataset.y_train[first])
    assert np.abs(reference.flat_gradients).max() > 0
    for index in range(len(CONTENDERS)):
        np.testing.assert_array_equal(first_gradients[index], reference.flat_gradients)


def test_every_contender_sees_the_same_batches_in_the_shuffled_order():
    config = small_config(epochs=2, batch_size=48)
    race = Race(config, CONTENDERS)
    seen = [[] for _ in CONTENDERS]
    for network, batches in zip(race.networks, seen):
        record_batches(network, batches)
    for _ in race.run():
        pass
    X, y = race.dataset.X_train, race.dataset.y_train
    shuffle = np.random.default_rng([config.training.seed, 1])
    expected = [order[first:first + 48] for order in (shuffle.permutation(len(X)) for _ in range(2))
                for first in range(0, len(X), 48)]
    assert len(expected) == 2 * 5
    for batches in seen:
        assert len(batches) == len(expected)
        for (xb, yb), index in zip(batches, expected):
            np.testing.assert_array_equal(xb, X[index])
            np.testing.assert_array_equal(yb, y[index])


def test_a_contender_trains_exactly_as_it_would_alone():
    config = small_config()
    race = Race(config, CONTENDERS)
    log = list(race.run())
    for index, (label, optimizer, *schedule) in enumerate(CONTENDERS):
        solo_config = config.copy()
        solo_config.optimizer = optimizer
        solo_config.schedule = schedule[0] if schedule else ScheduleConfig()
        solo = Experiment(solo_config, race.dataset)
        solo_losses = [event.loss for event in solo.make_trainer().run() if isinstance(event, events.BatchFinished)]
        assert [event.loss for event in events_of(log, index, events.BatchFinished)] == solo_losses
        np.testing.assert_array_equal(race.networks[index].flat_parameters, solo.network.flat_parameters)
    assert not np.array_equal(race.networks[0].flat_parameters, race.networks[1].flat_parameters)


def test_a_diverging_contender_stops_alone():
    contenders = (*CONTENDERS[:2], ("SGD, lr 1e30", OptimizerConfig("sgd", {"lr": 1e30})))
    race = Race(small_config(dropout=0.0), contenders)
    log = list(race.run())
    ends = [events_of(log, index, events.TrainingFinished) for index in range(3)]
    assert [len(end) for end in ends] == [1, 1, 1]
    assert [end[0].reason for end in ends] == [events.COMPLETED, events.COMPLETED, events.DIVERGED]
    steps = [len(events_of(log, index, events.BatchFinished)) for index in range(3)]
    assert steps[0] == steps[1] == 2 * math.ceil(200 / 32) and steps[2] < 3
    assert [summary.diverged for summary in race.summary()] == [False, False, True]
    assert np.isfinite(race.networks[2].flat_parameters).all()


def test_pause_step_and_stop_act_on_every_contender_together():
    control = TrainingControl(paused=True)
    race = Race(small_config(), CONTENDERS, control=control)
    run = race.run()
    log = []

    def take_until_paused():
        while True:
            index, event = next(run)
            log.append((index, event))
            if isinstance(event, events.Paused) and index == len(CONTENDERS) - 1:
                return

    take_until_paused()  # paused before the first batch
    assert [type(event) for _, event in log[-3:]] == [events.Paused] * 3
    control.step_batch()
    take_until_paused()
    assert [len(events_of(log, i, events.BatchFinished)) for i in range(3)] == [1, 1, 1]
    control.step_epoch()
    take_until_paused()  # at the end of the first epoch, after its evaluation
    assert [len(events_of(log, i, events.BatchFinished)) for i in range(3)] == [7, 7, 7]
    assert [len(events_of(log, i, events.EpochFinished)) for i in range(3)] == [1, 1, 1]
    control.stop()
    log.extend(run)
    assert [events_of(log, i, events.TrainingFinished)[0].reason for i in range(3)] == [events.STOPPED] * 3
    assert [len(events_of(log, i, events.BatchFinished)) for i in range(3)] == [7, 7, 7]


def test_summary_best_accuracy_steps_to_target_and_own_time():
    race = Race(small_config(epochs=3), CONTENDERS)
    started = time.perf_counter()
    log = list(race.run())
    wall = time.perf_counter() - started
    steps_per_epoch = math.ceil(200 / 32)
    target = 2.0
    summaries = race.summary(target_loss=target)
    assert [summary.label for summary in summaries] == [contender[0] for contender in CONTENDERS]
    for index, summary in enumerate(summaries):
        epochs = events_of(log, index, events.EpochFinished)
        accuracies = [event.val_metric for event in epochs]
        assert summary.best_val_metric == max(accuracies)
        assert summary.best_val_epoch == accuracies.index(max(accuracies)) + 1
        reached = next((event.step for event in epochs if event.train_loss <= target), None)
        assert summary.steps_to_target == reached
        assert summary.epochs == 3 and summary.reason == events.COMPLETED and not summary.diverged
        assert summary.seconds_per_epoch == pytest.approx(summary.seconds_per_step * steps_per_epoch)
    assert any(summary.steps_to_target is not None for summary in summaries)
    # Each contender's own time excludes its rivals' turns: together they fit in the race's time,
    # while each trainer's clock ran through the whole race.
    assert 0 < sum(summary.seconds_per_epoch * 3 for summary in summaries) <= wall
    assert min(events_of(log, i, events.TrainingFinished)[0].elapsed for i in range(3)) > max(
        summary.seconds_per_epoch * 3 for summary in summaries)
    common = race.common_target_loss()
    assert all(summary.steps_to_target is not None for summary in race.summary())
    assert race.summary()[0].target_loss == common


def test_with_one_step_per_epoch_the_steps_to_a_target_are_counted_on_the_losses_themselves():
    """Full-batch SGD and momentum: a moving average of the losses, lagging behind them, counted 60 and
    27 steps where the losses reached the target in 49 and 13."""
    contenders = [("SGD", OptimizerConfig("sgd", {"lr": 0.5}), ScheduleConfig()),
                  ("momentum", OptimizerConfig("momentum", {"lr": 0.5, "momentum": 0.9}), ScheduleConfig())]
    race = Race(small_config(epochs=30, dropout=0.0, batch_size=200), contenders)
    log = list(race.run())
    assert race.steps_per_epoch(0) == 1
    target = race.common_target_loss()
    for index, summary in enumerate(race.summary()):
        losses = [(event.step, event.loss) for event in events_of(log, index, events.BatchFinished)]
        assert summary.steps_to_target == next(step for step, loss in losses if loss <= target)
        for probe in (losses[3][1], losses[10][1]):
            assert summary.steps_to(probe) == next(step for step, loss in losses if loss <= probe)
    sgd, momentum = race.summary()
    assert momentum.steps_to_target < sgd.steps_to_target


def test_a_contender_whose_loss_only_grew_does_not_set_the_common_target():
    """With SGD at lr 100 (loss up to ~1e8, never non-finite) the target was every contender's first
    loss, reached by all at step 1."""
    contenders = [("blown up", OptimizerConfig("sgd", {"lr": 100.0}), ScheduleConfig()),
                  ("SGD", OptimizerConfig("sgd", {"lr": 0.1}), ScheduleConfig()),
                  ("Adam", OptimizerConfig("adam", {"lr": 0.01}), ScheduleConfig())]
    race = Race(small_config(epochs=3, dropout=0.0), contenders)
    list(race.run())
    blown_up, sgd, adam = race.summary()
    assert not blown_up.learned and not blown_up.diverged and sgd.learned and adam.learned
    assert blown_up.steps_to_target is None
    assert sgd.steps_to_target > 1 and adam.steps_to_target > 1
    assert sgd.target_loss == max(min(low for _, low in summary.lows) for summary in (sgd, adam))
    for summary in race.summary(target_loss=1.5):
        assert summary.steps_to(1.5) == summary.steps_to_target, "any target, from the lows"


def test_identical_contenders_get_about_the_same_time_whatever_one_off_or_outside_delays_they_meet():
    """One twin meets a slow first preparation of its optimiser (kernels compiled or loaded, as the
    first contender of each optimiser did) and steps slowed from outside (the window redrawing)."""
    twins = [(name, OptimizerConfig("sgd", {"lr": 0.1})) for name in ("first", "second", "third")]
    race = Race(small_config(epochs=6), twins)
    unlucky = race.trainers[0]
    prepare, compute = unlucky.optimizer.prepare, unlucky.network.loss_and_gradients
    prepared, steps = [], []

    def slow_first_preparation(dtype):
        if not prepared:
            time.sleep(0.3)
        prepared.append(dtype)
        prepare(dtype)

    def some_steps_slowed(X, y, *rest):
        steps.append(None)
        if len(steps) % 8 == 3:
            time.sleep(0.02)
        return compute(X, y, *rest)

    unlucky.optimizer.prepare = slow_first_preparation
    unlucky.network.loss_and_gradients = some_steps_slowed
    for _ in race.run():
        pass
    assert prepared and len(steps) == 6 * math.ceil(200 / 32)
    seconds = [summary.seconds_per_epoch for summary in race.summary()]
    assert max(seconds) < 1.5 * min(seconds), seconds  # the unlucky one's summed time: over 10 times more


def test_the_median_of_durations_is_known_within_half_a_percent():
    durations = race_module.MedianDuration()
    assert math.isnan(durations.median())
    for seconds in (3e-4, 1e-4, 2.5e-4, 0.02, 1e-9):
        durations.add(seconds)
    assert durations.median() == pytest.approx(2.5e-4, rel=0.005)


@pytest.mark.parametrize("contenders, message", [
    (CONTENDERS[:1], "2 to 8 contenders, got 1"),
    (CONTENDERS * 3, "2 to 8 contenders, got 9"),
    ((CONTENDERS[0], CONTENDERS[0]), "two contenders are labelled 'SGD'"),
    ((CONTENDERS[0], ("", OptimizerConfig())), "needs a label"),
    ((CONTENDERS[0], ("bad", OptimizerConfig("adam", {"lr": -1.0}))), "(?s)contender 'bad'.*adam lr"),
])
def test_bad_contenders_are_refused_with_a_message(contenders, message):
    with pytest.raises(ValueError, match=message):
        Race(small_config(), contenders)


def test_the_shipped_presets_load_and_race():
    shipped = {preset.id: preset for preset in race_module.presets()}
    assert len(shipped) >= 4
    for preset in shipped.values():
        assert preset.text("title") and preset.text("title", "ru") != preset.text("title")
        if preset.config is None:
            Race(small_config(), preset.contenders)  # valid on any configuration
    def labels(preset, language):
        return [texts.get(language) or texts["en"] for texts in preset.labels]

    schedules = shipped["03-lr-schedules"]
    assert labels(schedules, "ru") == \
        ["постоянная", "линейное", "экспоненциальное", "циклическое", "на плато"]  # words, in the window's language
    assert labels(schedules, "en") == [c.label for c in schedules.contenders] == \
        ["constant", "linear", "exponential", "cyclic", "on plateau"]
    assert labels(shipped["02-adaptive-methods"], "ru") == ["Adagrad", "RMSProp", "Adadelta", "Adam"]  # names stay
    paper = shipped["04-adam-paper-mnist"]
    assert [contender.optimizer.name for contender in paper.contenders] == \
        ["adam", "adagrad", "rmsprop", "nesterov", "adadelta"]
    assert paper.config.data.dataset == "mnist" and paper.config.training.batch_size == 128
    assert [(layer.units, layer.activation, layer.dropout > 0) for layer in paper.config.network.hidden] == \
        [(1000, "relu", True), (1000, "relu", True)]


def test_a_preset_races_sgd_momentum_and_the_four_adaptive_methods_each_at_a_rate_at_which_it_learns():
    """A newcomer racing the lecture's six optimisers had to add SGD and momentum to the adaptive methods by hand,
    and they came at PyTorch's default η = 0.001, at which they hardly moved beside the others."""
    preset = {preset.id: preset for preset in race_module.presets()}["05-classic-optimisers"]
    assert [contender.optimizer.name for contender in preset.contenders] == \
        ["sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam"]
    assert preset.config is None, "it races on the window's data and network"
    config = RunConfig()  # the window's first configuration: the 8×8 digits
    config.training.epochs = 2
    race = Race(config, preset.contenders)
    for _ in race.run():
        pass
    summaries = race.summary()
    assert all(summary.learned and not summary.diverged for summary in summaries)
    assert min(summary.best_val_metric for summary in summaries) > 0.6


def shown_in_russian(texts, where=""):
    """(where, text) of every text of a preset's or a lab's JSON that a Russian window shows: its "ru" texts,
    and texts given once for every language (its configurations left out: their names are not shown)."""
    if isinstance(texts, dict):
        if "ru" in texts and isinstance(texts["ru"], str):
            yield where, texts["ru"]
            return
        for key, value in texts.items():
            if key != "config":
                yield from shown_in_russian(value, f"{where}.{key}")
    elif isinstance(texts, list):
        for index, value in enumerate(texts):
            yield from shown_in_russian(value, f"{where}[{index}]")
    elif isinstance(texts, str):
        yield where, texts


def test_the_russian_texts_of_race_presets_and_labs_write_decimals_with_a_comma():
    """As the window writes numbers in Russian: a preset's "SGD η=0.05" stood beside "η 0,05" in the contenders."""
    resources = Path(race_module.SHIPPED_PRESETS).parents[1]
    files = sorted(race_module.SHIPPED_PRESETS.glob("*.json")) + sorted((resources / "labs").glob("*/lab.json"))
    assert len(files) >= 16
    points = [(path.parent.name + "/" + path.name, where, text) for path in files
              for where, text in shown_in_russian(json.loads(path.read_text(encoding="utf-8")))
              if re.search(r"\d\.\d", text)]
    assert points == []
    labels = {preset.id: [texts.get("ru", texts["en"]) for texts in preset.labels] for preset in race_module.presets()}
    assert labels["01-sgd-momentum-nesterov"] == ["SGD η=0,05", "SGD η=0,5", "метод моментов γ=0,9", "Нестеров γ=0,9"]


@pytest.mark.parametrize("content, message", [
    ("{", "bad.json is not valid JSON at line 1, column 2: the text ends before every list"),
    ('{"title": {"en": "t"}, "description": {"en": "d"}, "contenders": []}', "contenders must be a list of 2 to 8"),
    ('{"title": {"de": "t"}, "description": {"en": "d"}, "contenders": []}',
     "title: must be an object with an English"),
    ('{"title": {"en": "t"}, "description": {"en": "d"}, "contenders": [{"label": "a", "optimizer": {"name": "adam"}},'
     '{"label": "b", "optimizer": {"name": "adam", "options": {"lr": "fast"}}}]}', r"contenders\[1\]"),
    ('{"title": {"en": "t"}, "description": {"en": "d"}, "colour": 1, "contenders": []}', "unknown field 'colour'"),
    ('{"title": {"en": "t"}, "description": {"en": "d"}, "contenders": [{"label": {"ru": "а"}, "optimizer": '
     '{"name": "adam"}}, {"label": "b", "optimizer": {"name": "sgd"}}]}',
     r"contenders\[0\].label: must be an object with an English text"),
    ('{"title": {"en": "t"}, "description": {"en": "d"}, "contenders": [{"label": {"en": "a", "ru": "б"}, "optimizer": '
     '{"name": "adam"}}, {"label": "б", "optimizer": {"name": "sgd"}}]}', r"labels must be distinct.*\['б', 'б'\]"),
])
def test_a_bad_preset_file_is_refused_naming_the_field(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        race_module.load_preset(path)


def test_live_changes_reach_every_contender_at_the_next_batch():
    race = Race(small_config(), CONTENDERS)
    run = race.run()
    for index, event in run:
        if isinstance(event, events.BatchFinished) and index == len(CONTENDERS) - 1:
            break
    race.control.change(l2=0.25, dropout=0.5)
    for index, event in run:
        if isinstance(event, events.BatchFinished) and index == len(CONTENDERS) - 1:
            break
    for trainer, network in zip(race.trainers, race.networks):
        assert trainer.regularizer.l2 == 0.25
        assert [layer.p for layer in network.layers if hasattr(layer, "p")] == [0.5]
    race.control.stop()
    list(run)


def test_every_optimiser_of_the_registry_has_a_usual_rate_at_which_it_learns():
    """A contender's optimiser changed takes that optimiser's usual rate: one missing, or at which it hardly
    moved (PyTorch's 0.001 for SGD), would leave a newcomer's race unfair."""
    from core import optimizers

    assert set(race_module.USUAL_RATES) == set(optimizers.names())
    config = RunConfig()  # the window's first configuration: the 8×8 digits
    config.training.epochs = 2
    race = Race(config, [(name, OptimizerConfig(name, {"lr": rate})) for name, rate in race_module.USUAL_RATES.items()])
    for _ in race.run():
        pass
    assert all(summary.learned and not summary.diverged for summary in race.summary())
    assert min(summary.best_val_metric for summary in race.summary()) > 0.6


@pytest.mark.parametrize("old, new, typed, expected", [
    ("sgd", "adam", False, 0.001),  # a rate not typed is the new optimiser's usual one
    ("sgd", "momentum", False, 0.05),
    ("sgd", "momentum", True, 0.3),  # typed on the same scale: kept
    ("adam", "rmsprop", True, 0.3),
    ("sgd", "adadelta", True, 1.0),  # typed for SGD, meaningless for Adadelta
    ("sgd", "adam", True, 0.001),
])
def test_a_switched_optimiser_keeps_a_typed_rate_only_where_its_usual_rate_is_the_same(old, new, typed, expected):
    assert race_module.switched_rate(0.3, old, new, typed) == expected


def test_a_slow_contender_does_not_make_the_common_target_one_that_the_others_reach_early():
    """SGD at a small rate beside momentum and Adam: the target was its lowest loss, which the others reached
    early, so the steps to it said little of them. It is now at most halfway (on a log scale) from the first
    loss to the median contender's lowest."""
    contenders = [("slow SGD", OptimizerConfig("sgd", {"lr": 0.05}), ScheduleConfig()),
                  ("momentum", OptimizerConfig("momentum", {"lr": 0.05, "momentum": 0.9}), ScheduleConfig()),
                  ("Adam", OptimizerConfig("adam", {"lr": 0.01}), ScheduleConfig())]
    race = Race(small_config(epochs=4, dropout=0.0), contenders)
    log = list(race.run())
    first = events_of(log, 0, events.BatchFinished)[0].loss
    assert all(events_of(log, index, events.BatchFinished)[0].loss == first for index in range(3))
    lows = [min(event.train_loss for event in events_of(log, index, events.EpochFinished)) for index in range(3)]
    slow, momentum, adam = race.summary()
    assert all(summary.learned for summary in race.summary())
    halfway = math.exp((math.log(first) + math.log(sorted(lows)[1])) / 2)
    assert race.common_target_loss() == pytest.approx(halfway) and halfway < max(lows) == lows[0]
    assert slow.steps_to_target is None, "the slow one has not reached it"
    assert momentum.steps_to_target is not None and adam.steps_to_target is not None
    assert momentum.steps_to(max(lows)) < momentum.steps_to_target, "the slow one's low: reached sooner"
