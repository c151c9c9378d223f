"""core.labs.run_variants: a lab's variants trained one after another under one control, each
exactly as a solo run of it, sharing the data they have in common."""
import numpy as np
import pytest

from core import events, labs
from core.experiment import Experiment, data_key
from core.trainer import TrainingControl

BATCH_SIZES = "02-gd-sgd-minibatch"  # batches of N, 1 and 32 on the digits
OVERFITTING = "08-overfitting"  # moons: none, L2, L1, dropout, early stopping


def names_in_order(pairs):
    """The variant names in the order their runs appeared, each once."""
    seen = []
    for name, _ in pairs:
        if not seen or seen[-1] != name:
            seen.append(name)
    return seen


def of_kind(pairs, name, kind):
    return [event for variant, event in pairs if variant == name and isinstance(event, kind)]


def solo_events(lab, name, epochs):
    """The events of the variant trained alone, as a student's run of it would be."""
    return list(labs.build(lab, name).make_trainer(epochs=epochs).run())


def test_the_variants_run_one_after_another_in_the_order_asked():
    lab = labs.load(BATCH_SIZES)
    pairs = list(labs.run_variants(lab, ["mini_batch", "full_batch"], max_epochs=1))
    assert names_in_order(pairs) == ["mini_batch", "full_batch"]
    for name in ("mini_batch", "full_batch"):
        own = [event for variant, event in pairs if variant == name]
        assert isinstance(own[0], events.TrainingStarted) and isinstance(own[-1], events.TrainingFinished)
        assert own[-1].reason == events.COMPLETED and own[-1].epoch == 1
    every = list(labs.run_variants(lab, max_epochs=1))
    assert names_in_order(every) == [variant.name for variant in lab.variants]


def test_samples_seen_is_the_running_sum_of_each_variants_batch_sizes():
    lab = labs.load(BATCH_SIZES)
    pairs = list(labs.run_variants(lab, max_epochs=2))
    for variant in lab.variants:
        batches = of_kind(pairs, variant.name, events.BatchFinished)
        n_train = of_kind(pairs, variant.name, events.TrainingStarted)[0].n_train
        sizes = np.array([event.batch_size for event in batches])
        assert [event.samples_seen for event in batches] == list(np.cumsum(sizes))
        assert batches[-1].samples_seen == 2 * n_train
        assert sizes.max() == min(variant.config.training.batch_size, n_train)
    # Batches of 1 take N steps per epoch, the full batch one: the same samples, different step counts.
    full, stochastic = (len(of_kind(pairs, name, events.BatchFinished)) for name in ("full_batch", "stochastic"))
    assert full == 2 and stochastic == 2 * of_kind(pairs, "stochastic", events.TrainingStarted)[0].n_train


def test_each_variants_curve_is_that_of_a_solo_run_of_it():
    lab = labs.load(OVERFITTING)
    pairs = list(labs.run_variants(lab, max_epochs=3))
    for variant in lab.variants:
        solo = solo_events(lab, variant.name, epochs=3)
        mine = [event for name, event in pairs if name == variant.name]
        assert [e.loss for e in mine if isinstance(e, events.BatchFinished)] == \
            [e.loss for e in solo if isinstance(e, events.BatchFinished)], variant.name
        assert [(e.val_loss, e.val_metric) for e in mine if isinstance(e, events.EpochFinished)] == \
            [(e.val_loss, e.val_metric) for e in solo if isinstance(e, events.EpochFinished)], variant.name


def test_hand_set_weights_are_where_each_variant_starts():
    lab = labs.load("04-xnor")
    hand_set = lab.variant("hand_set")
    assert hand_set.weights
    first_loss = of_kind(labs.run_variants(lab, ["hand_set"], max_epochs=1), "hand_set", events.BatchFinished)[0].loss
    seeded = Experiment(hand_set.config.copy())  # the same network without the lecture's weights
    seeded_loss = next(e for e in seeded.make_trainer(epochs=1).run() if isinstance(e, events.BatchFinished)).loss
    assert first_loss == solo_events(lab, "hand_set", epochs=1)[1].loss
    assert first_loss != seeded_loss


def test_stop_ends_the_running_variant_and_starts_none_of_the_others():
    lab = labs.load(BATCH_SIZES)
    control = TrainingControl()
    pairs = []
    for name, event in labs.run_variants(lab, ["stochastic", "mini_batch", "full_batch"], control):
        pairs.append((name, event))
        if isinstance(event, events.BatchFinished) and event.step == 5:
            control.stop()
    assert names_in_order(pairs) == ["stochastic"]
    finished = pairs[-1][1]
    assert isinstance(finished, events.TrainingFinished) and finished.reason == events.STOPPED
    assert len(of_kind(pairs, "stochastic", events.BatchFinished)) == 5


def test_a_pause_between_variants_holds_the_next_one_before_its_first_batch():
    lab = labs.load(BATCH_SIZES)
    control = TrainingControl()
    pairs = []
    for name, event in labs.run_variants(lab, ["full_batch", "mini_batch"], control, max_epochs=1):
        pairs.append((name, event))
        if name == "full_batch" and isinstance(event, events.TrainingFinished):
            control.pause()
        elif isinstance(event, events.Paused):
            control.step_batch()  # one batch of the held variant, then held again
            if len(of_kind(pairs, "mini_batch", events.Paused)) == 3:
                control.resume()
    second = [event for name, event in pairs if name == "mini_batch"]
    assert [type(event) for event in second[:6]] == [events.TrainingStarted, events.Paused, events.BatchFinished,
                                                     events.Paused, events.BatchFinished, events.Paused]
    assert second[-1].reason == events.COMPLETED


def test_variants_with_the_same_data_share_one_loaded_data_set(monkeypatch):
    loads = []
    original = labs.load_data

    def counting(config):
        loads.append(data_key(config))
        return original(config)

    monkeypatch.setattr(labs, "load_data", counting)
    kept = {}
    list(labs.run_variants(labs.load(BATCH_SIZES), max_epochs=1, datasets=kept))
    assert len(loads) == 1 and list(kept) == loads
    list(labs.run_variants(labs.load(BATCH_SIZES), ["full_batch"], max_epochs=1, datasets=kept))
    assert len(loads) == 1, "the kept data set is used again"
    list(labs.run_variants(labs.load("05-feature-scaling"), max_epochs=1))
    assert len(loads) == 3 and loads[1] != loads[2], "unscaled and standardised wine are two data sets"


def test_the_key_of_a_data_set_ignores_augmentation_but_not_the_seed_or_scaling():
    config = labs.load(BATCH_SIZES).variants[0].config.copy()
    key = data_key(config)
    config.data.augmentation = {"shift": 1}
    assert data_key(config) == key
    config.training.seed = 1
    assert data_key(config) != key
    scaled = labs.load("05-feature-scaling")
    assert data_key(scaled.variants[0].config) != data_key(scaled.variants[1].config)


@pytest.mark.parametrize("names, options, message", [
    (["mini_batch", "no_such"], {}, "no variant 'no_such'"),
    (["mini_batch", "mini_batch"], {}, "'mini_batch' is chosen twice"),
    ([], {}, "at least one variant"),
    (None, {"max_epochs": 0}, "max_epochs must be ≥ 1, got 0"),
    (None, {"max_epochs": 1.5}, "max_epochs must be a whole number"),
])
def test_bad_requests_are_refused_before_anything_runs(names, options, message):
    with pytest.raises(ValueError, match=message):
        labs.run_variants(labs.load(BATCH_SIZES), names, **options)
