"""The training loop: learning, determinism, control between batches, early stopping, divergence."""
import dataclasses
import math
import threading
import warnings

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from core import events, metrics, optimizers, schedules
from core import trainer as trainer_module
from core.config import RunConfig
from core.experiment import Experiment
from core.layers import Activation, BatchNorm, Dense, Dropout
from core.network import Network
from core.regularization import Regularizer
from core.trainer import ONE_THREAD_PRODUCT, Trainer, TrainingControl


def blobs(n=200, seed=0, n_features=4, n_classes=3):
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 3, size=(n_classes, n_features))
    y = rng.integers(0, n_classes, size=n)
    X = centres[y] + rng.normal(size=(n, n_features))
    return X.astype(np.float32), y


def small_network(seed=0, dropout=0.0, n_in=4, n_out=3):
    layers = [Dense(n_in, 16), Activation("relu")]
    if dropout:
        layers.append(Dropout(dropout))
    layers.append(Dense(16, n_out))
    return Network(layers, seed=seed)


def run(trainer):
    return list(trainer.run())


def finished(event_list):
    last = event_list[-1]
    assert isinstance(last, events.TrainingFinished)
    return last


def test_training_lowers_the_loss_and_reports_every_batch_and_epoch():
    X, y = blobs()
    trainer = Trainer(small_network(), optimizers.create("adam", lr=0.05), X[:150], y[:150], X[150:], y[150:],
                      batch_size=32, epochs=5)
    log = run(trainer)
    batches = [e for e in log if isinstance(e, events.BatchFinished)]
    epochs = [e for e in log if isinstance(e, events.EpochFinished)]
    assert isinstance(log[0], events.TrainingStarted)
    assert len(batches) == 5 * 5 and len(epochs) == 5
    assert [b.batch_size for b in batches[:5]] == [32, 32, 32, 32, 22]
    assert epochs[-1].train_loss < epochs[0].train_loss
    assert epochs[-1].val_metric > 0.9
    assert finished(log).reason == events.COMPLETED


def test_same_config_and_seed_give_a_bit_identical_run():
    X, y = blobs()

    def train():
        net = small_network(seed=3, dropout=0.3)
        log = run(Trainer(net, optimizers.create("adam", lr=0.01), X, y, batch_size=16, epochs=3, seed=9))
        return net.flat_parameters.copy(), [e.loss for e in log if isinstance(e, events.BatchFinished)]

    (w1, l1), (w2, l2) = train(), train()
    assert np.array_equal(w1, w2) and l1 == l2


def test_batch_size_one_is_sgd_and_batch_size_n_is_full_batch_descent():
    X, y = blobs(n=20)
    for batch_size, steps in ((1, 20), (20, 1), (1000, 1)):
        log = run(Trainer(small_network(), optimizers.create("sgd", lr=0.1), X, y, batch_size=batch_size, epochs=1))
        assert sum(isinstance(e, events.BatchFinished) for e in log) == steps


def test_with_batch_norm_a_last_batch_of_one_joins_the_batch_before_it():
    """1,293 digits in batches of 4 left one example for the last batch: batch norm cannot train on it."""
    X, y = blobs(n=21)
    network = Network([Dense(4, 8), BatchNorm(8), Activation("relu"), Dense(8, 3)])
    log = run(Trainer(network, optimizers.create("sgd", lr=0.1), X, y, batch_size=4, epochs=2))
    assert finished(log).reason == events.COMPLETED
    assert log[0].steps_per_epoch == 5 == len(trainer_module.batch_starts(21, 4, fewest=2))
    sizes = [event.batch_size for event in log if isinstance(event, events.BatchFinished)]
    assert sizes == [4, 4, 4, 4, 5] * 2, "every example is trained on in each epoch"
    plain = run(Trainer(small_network(), optimizers.create("sgd", lr=0.1), X, y, batch_size=4, epochs=1))
    assert [event.batch_size for event in plain if isinstance(event, events.BatchFinished)] == [4] * 5 + [1]


def test_float64_on_request_keeps_float64_end_to_end():
    X, y = blobs()
    net = Network([Dense(4, 8), Activation("tanh"), Dense(8, 3)], dtype=np.float64)
    run(Trainer(net, optimizers.create("momentum", lr=0.05, momentum=0.9), X, y, epochs=1))
    assert net.flat_parameters.dtype == np.float64 and net.predict_output(X).dtype == np.float64


def test_pause_step_batch_step_epoch_resume_and_stop_between_batches():
    X, y = blobs(n=100)
    control = TrainingControl(paused=True)
    trainer = Trainer(small_network(), optimizers.create("sgd", lr=0.1), X, y, batch_size=10, epochs=50,
                      control=control)
    stream = trainer.run()
    assert isinstance(next(stream), events.TrainingStarted)
    assert isinstance(next(stream), events.Paused)          # starts paused
    control.step_batch()
    batch = next(stream)
    assert isinstance(batch, events.BatchFinished) and batch.step == 1
    assert isinstance(next(stream), events.Paused)
    control.step_epoch()                                       # the 9 remaining batches of epoch 1
    rest = [next(stream) for _ in range(10)]
    assert [type(e) for e in rest] == [events.BatchFinished] * 9 + [events.EpochFinished]
    assert isinstance(next(stream), events.Paused)
    control.change(lr=0.01)
    control.resume()
    after = next(stream)
    assert isinstance(after, events.BatchFinished) and after.lr == 0.01 and trainer.optimizer.lr == 0.01
    control.stop()
    tail = list(stream)
    assert finished(tail).reason == events.STOPPED
    assert not any(isinstance(e, events.BatchFinished) for e in tail)


def test_time_spent_paused_is_not_counted_as_training_time():
    X, y = blobs(n=100)
    control = TrainingControl()
    trainer = Trainer(small_network(), optimizers.create("sgd", lr=0.1), X, y, batch_size=10, epochs=2,
                      control=control)
    stream = trainer.run()
    batches = []
    for event in stream:
        if isinstance(event, events.BatchFinished):
            batches.append(event)
            if event.step == 5:
                control.pause()
        elif isinstance(event, events.Paused):
            threading.Timer(0.5, control.resume).start()  # resumed half a second later, from another thread
        elif isinstance(event, events.EpochFinished):
            epoch = event
            break
    assert batches[5].elapsed - batches[4].elapsed < 0.25, "the pause is left out of elapsed"
    assert epoch.samples_per_second > 10 * len(X), "and out of the epoch's rate (100 samples in under 0.1 s)"
    control.stop()
    list(stream)


def test_a_paused_run_waits_for_another_thread_and_stops_promptly():
    X, y = blobs(n=50)
    control = TrainingControl()
    trainer = Trainer(small_network(), optimizers.create("sgd", lr=0.1), X, y, batch_size=10, epochs=10_000,
                      control=control)
    seen = []

    def consume():
        for event in trainer.run():
            seen.append(event)
            if isinstance(event, events.BatchFinished) and event.step == 3:
                control.pause()

    thread = threading.Thread(target=consume)
    thread.start()
    thread.join(timeout=0.5)
    assert thread.is_alive() and isinstance(seen[-1], events.Paused)
    steps_when_paused = trainer.step
    control.stop()
    thread.join(timeout=1.0)
    assert not thread.is_alive()
    assert trainer.step == steps_when_paused == 3
    assert finished(seen).reason == events.STOPPED


def test_a_weight_set_by_hand_while_paused_is_taken_at_once_the_run_stays_paused_and_the_next_step_starts_from_it():
    X, y = blobs(n=40)
    control = TrainingControl()
    network = small_network()
    trainer = Trainer(network, optimizers.create("sgd", lr=0.1), X, y, batch_size=40, epochs=100, control=control)
    seen, paused = [], threading.Semaphore(0)

    def consume():
        for event in trainer.run():
            seen.append(event)
            if isinstance(event, events.BatchFinished) and event.step == 2:
                control.pause()
            if isinstance(event, events.Paused):
                paused.release()

    thread = threading.Thread(target=consume)
    thread.start()
    assert paused.acquire(timeout=5)
    old, bias = network.weight(1, 3, 2), network.weight(0, None, 5)
    control.set_weight(1, 3, 2, 7.5)  # from another thread, while the loop waits: taken at once
    control.set_weight(0, None, 5, -2.0)
    assert paused.acquire(timeout=5), "it pauses again, with the weights set"
    assert seen[-3:] == [events.WeightSetByHand(2, 1, 3, 2, old, 7.5), events.WeightSetByHand(2, 0, None, 5, bias, -2.0),
                         events.Paused(2, 2)]
    assert control.paused and trainer.step == 2 and network.weight(1, 3, 2) == 7.5
    # The next step is a step of gradient descent from the weights set: θ − η·∇L(θ), on the whole data.
    reference = small_network()
    reference.load_state(network.state())
    reference.loss_and_gradients(reference.check_inputs(X), y, None, None)
    expected = reference.flat_parameters - 0.1 * reference.flat_gradients
    control.step_batch()
    assert paused.acquire(timeout=5) and trainer.step == 3
    np.testing.assert_allclose(network.flat_parameters, expected, rtol=1e-5, atol=1e-6)
    with pytest.raises(dataclasses.FrozenInstanceError):
        seen[-3].new = 0.0
    control.stop()
    thread.join(timeout=5)
    assert finished(seen).reason == events.STOPPED


def test_a_weight_set_by_hand_as_the_run_stops_is_set_in_the_weights_it_ends_with():
    X, y = blobs(n=40)
    control = TrainingControl(paused=True)
    network = small_network()
    stream = Trainer(network, optimizers.create("sgd", lr=0.1), X, y, batch_size=10, epochs=3, control=control).run()
    assert [type(next(stream)) for _ in range(2)] == [events.TrainingStarted, events.Paused]
    old = network.weight(0, 1, 2)
    control.set_weight(0, 1, 2, 4.0)
    control.stop()
    tail = list(stream)
    assert tail[0] == events.WeightSetByHand(0, 0, 1, 2, old, 4.0) and finished(tail).reason == events.STOPPED
    assert len(tail) == 2 and network.weight(0, 1, 2) == 4.0


def test_live_changes_of_momentum_regularisation_dropout_and_batch_size():
    X, y = blobs(n=64)
    net = small_network(dropout=0.5)
    control = TrainingControl()
    trainer = Trainer(net, optimizers.create("momentum", lr=0.01, momentum=0.5), X, y, batch_size=16, epochs=3,
                      control=control)
    stream = trainer.run()
    next(stream), next(stream)
    control.change(momentum=0.9, l2=0.01, dropout=0.1, batch_size=32)
    next(stream)
    assert trainer.optimizer.momentum == 0.9 and trainer.regularizer.l2 == 0.01
    assert net.layers[2].p == 0.1
    rest = list(stream)
    second_epoch_sizes = {e.batch_size for e in rest if isinstance(e, events.BatchFinished) and e.epoch == 1}
    assert second_epoch_sizes == {32}
    with pytest.raises(ValueError, match="cannot change seed during a run; live settings are lr, .*, epochs"):
        control.change(seed=3)


def test_a_learning_rate_of_0_can_be_set_during_a_run_as_a_run_may_start_with_it():
    X, y = blobs(n=64)
    net = small_network()
    control = TrainingControl()
    trainer = Trainer(net, optimizers.create("sgd", lr=0.1), X, y, batch_size=16, epochs=2, control=control)
    stream = trainer.run()
    next(stream), next(stream)
    control.change(lr=0.0)
    weights = net.flat_parameters.copy()
    next(stream)
    np.testing.assert_array_equal(net.flat_parameters, weights)
    control.change(lr=-0.1)
    with pytest.raises(ValueError, match="learning rate must be ≥ 0.0"):
        next(stream)


def test_each_hidden_layer_s_dropout_rate_can_change_during_a_run():
    X, y = blobs(n=64)
    net = Network([Dense(4, 16), Activation("relu"), Dropout(0.5), Dense(16, 8), Activation("relu"), Dropout(0.5),
                   Dense(8, 3)])
    control = TrainingControl()
    trainer = Trainer(net, optimizers.create("sgd", lr=0.01), X, y, batch_size=16, epochs=2, control=control)
    stream = trainer.run()
    next(stream), next(stream)
    control.change(dropout=[0.1, 0.4])
    next(stream)
    assert net.dropout_rates == [0.1, 0.4]
    assert isinstance(list(stream)[-1], events.TrainingFinished)


@pytest.mark.parametrize("new_end, finished_epochs", [(6, 6), (1, 3)])
def test_the_epochs_planned_can_change_during_a_run_and_an_epoch_under_way_is_finished(new_end, finished_epochs):
    X, y = blobs(n=64)
    control = TrainingControl()
    trainer = Trainer(small_network(), optimizers.create("sgd", lr=0.05), X, y, batch_size=16, epochs=4,
                      control=control, start_epoch=1)
    log = []
    for event in trainer.run():
        log.append(event)
        if isinstance(event, events.BatchFinished) and event.epoch == 2 and event.batch_in_epoch == 1:
            control.change(epochs=new_end)  # the run's end: epoch 4 becomes 6, or 1 (before the third, under way)
    epochs_finished = [event.epoch for event in log if isinstance(event, events.EpochFinished)]
    assert epochs_finished == list(range(2, finished_epochs + 1))
    end = finished(log)
    assert end.reason == events.COMPLETED and end.epoch == finished_epochs
    assert end.message == f"finished {finished_epochs} epochs"


@pytest.mark.parametrize("when, new_end, finished_epochs", [
    ("epoch end", 2, 2), ("pause between epochs", 2, 2), ("last batch", 6, 6)])
def test_a_change_of_the_epochs_planned_between_epochs_or_at_the_last_batch_counts(when, new_end, finished_epochs):
    X, y = blobs(n=64)
    control = TrainingControl()
    log = []
    for event in Trainer(small_network(), optimizers.create("sgd", lr=0.05), X, y, batch_size=16, epochs=4,
                         control=control).run():
        log.append(event)
        if isinstance(event, events.EpochFinished) and event.epoch == 2 and when != "last batch":
            control.change(epochs=new_end)
            if when == "pause between epochs":
                control.pause()
        elif isinstance(event, events.Paused):
            control.resume()
        elif isinstance(event, events.BatchFinished) and (event.epoch, event.batch_in_epoch) == (3, 3) \
                and when == "last batch":
            control.change(epochs=new_end)
    assert not any(isinstance(event, events.BatchFinished) and event.epoch >= finished_epochs for event in log)
    assert finished(log).epoch == finished_epochs and finished(log).reason == events.COMPLETED


def recorded_batches(network, seen):
    """Make ``network`` hand each training batch's targets and predictions to ``seen``."""
    learn = network.loss_and_gradients

    def recording(xb, yb, *rest):
        loss, penalty, predictions = learn(xb, yb, *rest)
        seen.append((yb.copy(), predictions.copy(), loss))
        return loss, penalty, predictions

    network.loss_and_gradients = recording


def test_an_epoch_s_training_r2_is_that_of_all_its_examples_even_in_batches_of_one():
    rng = np.random.default_rng(0)
    X = rng.uniform(-3, 3, size=(30, 1)).astype(np.float32)
    y = np.sin(X).astype(np.float32)
    net = Network([Dense(1, 8), Activation("tanh"), Dense(8, 1)], seed=0, loss="mse")
    seen = []
    recorded_batches(net, seen)
    log = run(Trainer(net, optimizers.create("adam", lr=0.01), X, y, batch_size=1, epochs=1))
    (epoch,) = [event for event in log if isinstance(event, events.EpochFinished)]
    targets, predictions = np.concatenate([t for t, _, _ in seen]), np.concatenate([p for _, p, _ in seen])
    assert epoch.train_metric == pytest.approx(metrics.r2_score(targets, predictions), rel=1e-6)
    assert all(math.isnan(event.metric) for event in log if isinstance(event, events.BatchFinished))


def test_an_epoch_s_training_loss_and_accuracy_weigh_each_batch_by_its_examples():
    X, y = blobs(n=88)  # batches of 50 and 38
    net = small_network()
    seen = []
    recorded_batches(net, seen)
    log = run(Trainer(net, optimizers.create("sgd", lr=0.05), X, y, batch_size=50, epochs=1))
    (epoch,) = [event for event in log if isinstance(event, events.EpochFinished)]
    batches = [event for event in log if isinstance(event, events.BatchFinished)]
    assert [batch.batch_size for batch in batches] == [50, 38]
    correct = sum(int(np.count_nonzero(targets == predictions)) for targets, predictions, _ in seen)
    assert epoch.train_metric == pytest.approx(correct / 88, rel=1e-12)
    assert epoch.train_loss == pytest.approx((50 * batches[0].loss + 38 * batches[1].loss) / 88, rel=1e-12)


def test_the_gradient_norms_are_the_data_s_without_the_weight_penalty_s_gradient():
    X, y = blobs(n=40)
    log = run(Trainer(small_network(seed=2), optimizers.create("sgd", lr=0.1), X, y, batch_size=40, epochs=1,
                      regularizer=Regularizer(l2=0.5), track_gradient_norms=True))
    (batch,) = [event for event in log if isinstance(event, events.BatchFinished)]
    twin = small_network(seed=2)
    twin.loss_and_gradients(X, y)  # no penalty: ∂L/∂θ
    expected = [np.linalg.norm(layer.grads[0]) for layer in twin.layers if isinstance(layer, Dense)]
    assert batch.gradient_norms == pytest.approx(expected, rel=1e-6)


def test_the_loss_reported_is_the_data_s_and_the_penalty_is_reported_beside_it():
    """J = L + λ₁Σ|w| + λ₂Σw² is lowered; L alone compares with the validation loss, so it is the loss."""
    X, y = blobs(n=40)
    regularizer = Regularizer(l1=0.002, l2=0.01)
    twin = small_network(seed=2)
    expected_loss = twin.loss.forward(twin.forward(X, training=True), y)
    expected_penalty = regularizer.penalty(twin.parameters(), twin.parameter_kinds())
    log = run(Trainer(small_network(seed=2), optimizers.create("sgd", lr=0.1), X, y, X, y, batch_size=40, epochs=1,
                      regularizer=regularizer))
    (batch,) = [event for event in log if isinstance(event, events.BatchFinished)]
    (epoch,) = [event for event in log if isinstance(event, events.EpochFinished)]
    assert batch.loss == pytest.approx(expected_loss, rel=1e-6)
    assert batch.penalty == pytest.approx(expected_penalty, rel=1e-6) and batch.penalty > 0.01
    assert (epoch.train_loss, epoch.train_penalty) == pytest.approx((batch.loss, batch.penalty), rel=1e-12)

    log = run(Trainer(small_network(seed=2), optimizers.create("sgd", lr=0.1), X, y, batch_size=40, epochs=1))
    assert [event.penalty for event in log if isinstance(event, events.BatchFinished)] == [0.0]


def test_without_validation_data_early_stopping_watches_the_objective_penalty_included():
    X, y = blobs(n=40)
    net = small_network(seed=2)
    run(Trainer(net, optimizers.create("adam", lr=0.05), X, y, batch_size=40, epochs=40))  # fits: large weights
    # A strong penalty then shrinks them: the loss rises at every epoch, the objective falls.
    trainer = Trainer(net, optimizers.create("sgd", lr=0.05), X, y, batch_size=40, epochs=6, patience=1,
                      regularizer=Regularizer(l2=0.5))
    log = run(trainer)
    epochs = [event for event in log if isinstance(event, events.EpochFinished)]
    objective = [event.train_loss + event.train_penalty for event in epochs]
    losses = [event.train_loss for event in epochs]
    assert losses == sorted(losses) and objective == sorted(objective, reverse=True)
    assert all(event.is_best for event in epochs) and finished(log).reason == events.COMPLETED


def test_early_stopping_restores_the_best_weights():
    X, y = blobs(n=120, seed=1)
    rng = np.random.default_rng(0)
    y_noisy = np.where(rng.random(y.size) < 0.4, rng.integers(0, 3, y.size), y)
    net = Network([Dense(4, 64), Activation("relu"), Dense(64, 3)], seed=1)
    trainer = Trainer(net, optimizers.create("adam", lr=0.05), X[:40], y_noisy[:40], X[40:], y[40:],
                      batch_size=8, epochs=300, patience=5)
    best_weights = {}
    for event in trainer.run():
        if isinstance(event, events.EpochFinished) and event.is_best:
            best_weights = {"epoch": event.epoch, "weights": net.flat_parameters.copy(), "val": event.val_loss}
        last = event
    assert last.reason == events.EARLY_STOPPED and last.epoch < 300
    assert last.best_epoch == best_weights["epoch"]
    assert np.array_equal(net.flat_parameters, best_weights["weights"])
    from core.trainer import evaluate
    assert evaluate(net, X[40:], y[40:])[0] == pytest.approx(best_weights["val"], rel=1e-5)


def test_divergence_stops_with_the_layer_named_and_the_last_finite_weights_kept():
    X, y = blobs()
    X = X * 1000
    net = small_network()
    log = run(Trainer(net, optimizers.create("sgd", lr=1e6), X, y, batch_size=50, epochs=20))
    end = finished(log)
    assert end.reason == events.DIVERGED
    assert "lower learning rate" in end.message and "layer" in end.message
    assert np.isfinite(net.flat_parameters).all()


@pytest.mark.parametrize("name, lr, went_non_finite, nonfinite", [
    ("sgd", 1e6, "the weights grew past a norm of 1e10, most in layer0.W", ("grew", "layer0.W")),
    ("sgd", 1e38, "the weights layer0.W became non-finite", ("weights", "layer0.W"))])
def test_divergence_keeps_the_weights_from_just_before_the_diverging_step(name, lr, went_non_finite, nonfinite):
    X, y = blobs()
    net = small_network()
    control = TrainingControl()
    weights_after_each_step = []
    for event in Trainer(net, optimizers.create(name, lr=0.01), X * 1000, y, batch_size=50, epochs=20,
                         control=control).run():
        if isinstance(event, events.BatchFinished):
            weights_after_each_step.append(net.flat_parameters.copy())
            control.change(lr=lr)  # one finite step at 0.01, then a rate that overflows sooner or later
        last = event
    assert last.reason == events.DIVERGED and went_non_finite in last.message
    assert last.nonfinite == nonfinite and last.lr == lr  # what a window words in its own language
    assert weights_after_each_step
    np.testing.assert_array_equal(net.flat_parameters, weights_after_each_step[-1])


def test_weights_that_grow_without_bound_are_a_divergence_though_every_number_is_finite():
    """SGD at lr 1e6 on the digits 'completed' with weights of 1e11 and chance accuracy."""
    X, y = blobs()
    net = small_network()
    log = run(Trainer(net, optimizers.create("sgd", lr=1e6), X, y, batch_size=50, epochs=20))
    end = finished(log)
    assert end.reason == events.DIVERGED and end.nonfinite[0] == "grew"
    assert np.linalg.norm(net.flat_parameters) <= trainer_module.MAX_WEIGHT_NORM  # the last weights within it


def test_a_divergence_offers_the_weights_of_the_run_s_best_epoch_from_which_a_lower_rate_trains_on():
    X, y = blobs()
    net = small_network()
    control = TrainingControl()
    weights_at_epoch_end, val_losses = {}, {}
    for event in Trainer(net, optimizers.create("sgd", lr=0.05), X[:150], y[:150], X[150:], y[150:], batch_size=25,
                         epochs=50, control=control, start_epoch=2, start_step=7).run():
        if isinstance(event, events.EpochFinished):
            weights_at_epoch_end[event.epoch] = (event.step, net.flat_parameters.copy())
            val_losses[event.epoch] = event.val_loss
            if event.epoch == 6:
                control.change(lr=1e6)
        last = event
    assert last.reason == events.DIVERGED and last.epoch == 6
    best = min(val_losses, key=val_losses.get)
    assert last.fallback.epoch == best == last.best_epoch and last.fallback.step == weights_at_epoch_end[best][0]
    net.load_state(last.fallback.state)
    np.testing.assert_array_equal(net.flat_parameters, weights_at_epoch_end[best][1])
    again = finished(run(Trainer(net, optimizers.create("sgd", lr=0.05), X[:150], y[:150], batch_size=25,
                                 epochs=2)))
    assert again.reason == events.COMPLETED


def test_a_run_diverging_in_its_first_epoch_offers_the_weights_it_started_from():
    X, y = blobs()
    net = small_network()
    start = net.flat_parameters.copy()
    end = finished(run(Trainer(net, optimizers.create("sgd", lr=1e6), X * 1000, y, batch_size=50, epochs=20,
                               start_epoch=4, start_step=30)))
    assert end.reason == events.DIVERGED and end.epoch == 4
    assert (end.fallback.epoch, end.fallback.step) == (4, 30)
    net.load_state(end.fallback.state)
    np.testing.assert_array_equal(net.flat_parameters, start)


def test_a_run_that_does_not_diverge_carries_no_weights_in_its_last_event():
    X, y = blobs()
    assert finished(run(Trainer(small_network(), optimizers.create("sgd", lr=0.05), X, y, epochs=2))).fallback is None


def test_an_overflowing_layer_is_named_when_the_weights_are_finite():
    net = small_network()
    trainer = Trainer(net, optimizers.create("sgd", lr=0.1), *blobs())
    huge = np.full((2, 4), 1e36, dtype=np.float32)
    assert trainer._nonfinite_report(huge, net.flat_parameters * 1e5) == \
        ("output", "layer0 (Dense(n_in=4, n_out=16, init=he_uniform, bias_init=zeros))")


def test_the_trainer_s_steps_are_the_optimiser_s_steps_in_place():
    """The trainer has the optimiser write the new weights apart and copies them in (Trainer._learn);
    weights and optimiser state come out bit for bit those of the same steps taken in place."""
    X, y = blobs()
    net = small_network()
    trainer = Trainer(net, optimizers.create("adam", lr=0.01), X, y, batch_size=16, epochs=3)
    batches = []
    learn = net.loss_and_gradients
    net.loss_and_gradients = lambda xb, yb, *rest: (batches.append((xb.copy(), yb.copy())), learn(xb, yb, *rest))[1]
    run(trainer)
    twin, twin_optimizer = small_network(), optimizers.create("adam", lr=0.01)
    for xb, yb in batches:
        twin.loss_and_gradients(xb, yb)
        twin_optimizer.step([twin.flat_parameters], [twin.flat_gradients])
    assert len(batches) == 3 * 13
    np.testing.assert_array_equal(net.flat_parameters, twin.flat_parameters)
    state, twin_state = trainer.optimizer.state_arrays(), twin_optimizer.state_arrays()
    assert state.keys() == twin_state.keys()
    for name in state:
        np.testing.assert_array_equal(state[name], twin_state[name])


def test_schedule_per_step_and_per_epoch_sets_the_optimizer_rate():
    X, y = blobs(n=40)
    for unit, expected in (("step", [0.1 * 0.5 ** (s // 2) for s in range(8)]),
                           ("epoch", [0.1] * 4 + [0.05] * 4)):
        schedule = schedules.create("step", lr0=0.1, step_size=2 if unit == "step" else 1, gamma=0.5)
        log = run(Trainer(small_network(), optimizers.create("sgd", lr=0.1), X, y, batch_size=10, epochs=2,
                          schedule=schedule, schedule_unit=unit))
        rates = [e.lr for e in log if isinstance(e, events.BatchFinished)]
        assert rates == pytest.approx(expected), unit


def test_bad_training_input_is_refused_with_a_message():
    X, y = blobs()
    net = small_network()
    sgd = optimizers.create("sgd", lr=0.1)
    with pytest.raises(ValueError, match=r"inputs of shape \(N, 4\)"):
        Trainer(net, sgd, X[:, :3], y)
    with pytest.raises(ValueError, match="NaN"):
        Trainer(net, sgd, np.where(X > 2, np.nan, X), y)
    with pytest.raises(ValueError, match="200 training inputs but 199 targets"):
        Trainer(net, sgd, X, y[:-1])
    with pytest.raises(ValueError):
        Trainer(net, sgd, X, y + 5)
    with pytest.raises(ValueError, match="batch size"):
        Trainer(net, sgd, X, y, batch_size=0)


def test_an_experiment_keeps_its_optimiser_state_when_a_run_is_continued():
    from core.config import LayerConfig, RunConfig
    from core.experiment import Experiment

    config = RunConfig()
    config.network.hidden = [LayerConfig(8)]
    config.training.epochs = 1
    experiment = Experiment(config)
    first = experiment.make_trainer()
    run(first)
    steps = first.optimizer.step_count
    config.optimizer.options = {"lr": 0.0005}
    second = experiment.make_trainer()
    assert second.optimizer is first.optimizer and second.optimizer.step_count == steps
    assert second.optimizer.lr == 0.0005
    config.optimizer.options = {"lr": 0.0005, "betas": (0.8, 0.99)}
    assert experiment.make_trainer().optimizer is not first.optimizer




def blas_threads() -> int:
    return max(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")


@pytest.fixture
def two_blas_threads():
    with threadpool_limits(limits=2, user_api="blas"):
        if blas_threads() != 2:
            pytest.skip("this BLAS cannot run two threads here")
        yield


def threads_during_batches(net, X, y, batch_size=32, X_val=None, y_val=None, control=None):
    """The BLAS thread counts seen in the network's training passes, between batches (tagged),
    during the validation of each epoch (tagged) and once the run is over (tagged)."""
    seen = set()
    learn, evaluate = net.loss_and_gradients, trainer_module.evaluate

    def recording(*args, **kwargs):
        seen.add(blas_threads())
        return learn(*args, **kwargs)

    def recording_validation(*args, **kwargs):
        seen.add(("validation", blas_threads()))
        return evaluate(*args, **kwargs)

    net.loss_and_gradients = recording
    trainer_module.evaluate = recording_validation
    try:
        for event in Trainer(net, optimizers.create("adam"), X, y, X_val, y_val, batch_size=batch_size, epochs=2,
                             control=control).run():
            if isinstance(event, events.BatchFinished):
                seen.add(("between batches", blas_threads()))
            elif isinstance(event, events.Paused):
                seen.add(("paused", blas_threads()))
                control.resume()
    finally:
        trainer_module.evaluate = evaluate
    seen.add(("after the run", blas_threads()))
    return seen


def test_small_products_run_on_one_blas_thread_and_large_ones_on_all(two_blas_threads):
    X, y = blobs(n=64, n_features=64)
    small = Network([Dense(64, 64), Activation("relu"), Dense(64, 3)])  # 32 × 64 × 64 multiply-adds
    # Held from batch to batch (changed around each batch, it cost 4 % of a digits batch); every
    # thread back for the validation, which multiplies more rows, and when the run ends.
    assert threads_during_batches(small, X[:48], y[:48], 32, X[48:], y[48:]) \
        == {1, ("between batches", 1), ("validation", 2), ("after the run", 2)}
    large_enough = 1 + ONE_THREAD_PRODUCT // (32 * 64)
    large = Network([Dense(64, large_enough), Activation("relu"), Dense(large_enough, 3)])
    assert threads_during_batches(large, X, y, batch_size=32) == {2, ("between batches", 2), ("after the run", 2)}


def test_a_paused_run_and_a_run_left_unfinished_give_the_blas_back_every_thread(two_blas_threads):
    X, y = blobs(n=64, n_features=64)
    control = TrainingControl()
    control.pause()
    small = Network([Dense(64, 64), Activation("relu"), Dense(64, 3)])
    assert ("paused", 2) in threads_during_batches(small, X, y, control=control)
    run = Trainer(small, optimizers.create("adam"), X, y, batch_size=32, epochs=2).run()
    for event in run:
        if isinstance(event, events.BatchFinished):
            break
    assert blas_threads() == 1
    run.close()  # what collecting an abandoned run does too
    assert blas_threads() == 2


def test_a_thread_count_the_caller_set_meanwhile_is_left_as_set(two_blas_threads):
    X, y = blobs(n=64, n_features=64)
    small = Network([Dense(64, 64), Activation("relu"), Dense(64, 3)])
    run = Trainer(small, optimizers.create("adam"), X, y, batch_size=32, epochs=2).run()
    with threadpool_limits(limits=1, user_api="blas"):
        for event in run:  # starts while the caller holds 1 thread: nothing lowered, nothing restored
            if isinstance(event, events.BatchFinished):
                break
    run.close()
    assert blas_threads() == 2
    run = Trainer(small, optimizers.create("adam"), X, y, batch_size=32, epochs=2).run()
    for event in run:
        if isinstance(event, events.BatchFinished):
            break
    with threadpool_limits(limits=1, user_api="blas"):
        pass  # read the run's 1, and put it back
    assert blas_threads() == 1
    run.close()
    assert blas_threads() == 2
    with threadpool_limits(limits=4, user_api="blas"):
        with threadpool_limits(limits=2, user_api="blas"):
            run = Trainer(small, optimizers.create("adam"), X, y, batch_size=32, epochs=2).run()
            for event in run:
                if isinstance(event, events.BatchFinished):
                    break
        assert blas_threads() == 4  # the caller's outer limit, back
        run.close()  # the run lowered 2 to 1: restoring its 2 now would undo the caller's 4
        assert blas_threads() == 4


def warmed_up(choice):
    """``choice`` after the first batches of a run, which it does not count."""
    for _ in range(choice.PROBE_BATCHES):
        choice.record(choice.next_on_one_thread(), 1.0, 128)
    return choice


def test_the_blas_thread_choice_probes_the_other_setting_and_keeps_the_faster():
    choice = warmed_up(trainer_module.BlasThreadChoice())
    every, probe = choice.PROBE_EVERY, choice.PROBE_BATCHES

    def cycle(seconds_on_one_thread, seconds_on_every_thread):
        settings = []
        for _ in range(every):
            one = choice.next_on_one_thread()
            settings.append(one)
            choice.record(one, seconds_on_one_thread if one else seconds_on_every_thread, 128)
        return settings

    settings = cycle(0.5, 1.0)  # one thread faster: chosen after the first probe
    assert settings[:2 * probe] == [False] * probe + [True] * probe
    assert settings[2 * probe:] == [True] * (every - 2 * probe) and choice.one_thread
    settings = cycle(0.5, 1.0)  # the probe, now of every thread, confirms it
    assert settings[probe:2 * probe] == [False] * probe and choice.one_thread
    cycle(2.0, 1.0)  # the machine changed: every thread is faster now
    assert not choice.one_thread


def test_the_blas_thread_choice_probes_at_once_when_the_machine_changes():
    choice = trainer_module.BlasThreadChoice()
    seconds = {True: 0.5, False: 1.0}  # one thread faster

    def batch():
        one = choice.next_on_one_thread()
        choice.record(one, seconds[one], 128)
        return one

    for _ in range(100):
        batch()
    assert choice.one_thread
    seconds[True] = 2.0  # now every thread is faster: the chosen setting's batches slow down
    settings = [batch() for _ in range(4 * choice.PROBE_BATCHES)]
    assert not choice.one_thread  # within a few probes' lengths, not at the next cycle (512 batches)
    assert settings.count(False) >= choice.PROBE_BATCHES  # a probe of every thread ran
    steady = [batch() for _ in range(choice.PROBE_EVERY)]  # steady again: no probe but the cycle's own
    assert steady.count(True) == choice.PROBE_BATCHES and not choice.one_thread


def test_a_blas_thread_probe_lasts_its_batches_and_its_seconds():
    choice = warmed_up(trainer_module.BlasThreadChoice())
    batch_seconds = choice.PROBE_SECONDS / 20  # a probe needs 20 such batches, more than PROBE_BATCHES
    settings = []
    for _ in range(choice.PROBE_BATCHES + 30):
        one = choice.next_on_one_thread()
        settings.append(one)
        choice.record(one, batch_seconds * (1.0 if one else 0.5), 32)
    probe = settings[choice.PROBE_BATCHES:]
    assert probe[:20] == [True] * 20 and probe[20:] == [False] * 10 and not choice.one_thread


def test_the_blas_thread_choice_counts_the_batches_that_waited_for_a_core():
    """Most batches on every thread are faster, but one in eight waits (for a core the GUI took to
    paint): in total one thread spends less time per sample, and a median would have missed it."""
    choice = trainer_module.BlasThreadChoice()
    count = 0

    def seconds(one_thread):
        nonlocal count
        count += 1
        return 1.0 if one_thread else (4.0 if count % 8 == 0 else 0.8)

    for _ in range(4 * choice.PROBE_BATCHES):
        one = choice.next_on_one_thread()
        choice.record(one, seconds(one), 32)
    assert choice.one_thread


def test_the_blas_thread_choice_does_not_count_a_run_s_first_batches():
    """The first batch of a run touches every buffer and wakes the BLAS threads: 10 times as long
    here. Counted, it would have made every thread look slower than one."""
    choice = trainer_module.BlasThreadChoice()
    batches = 0

    def seconds(one_thread):
        nonlocal batches
        batches += 1
        return 1.2 if one_thread else (10.0 if batches == 1 else 1.0)

    settings = []
    for _ in range(3 * choice.PROBE_BATCHES + 8):
        one = choice.next_on_one_thread()
        settings.append(one)
        choice.record(one, seconds(one), 128)
    assert settings[:2 * choice.PROBE_BATCHES] == [False] * (2 * choice.PROBE_BATCHES)  # warming up, then counted
    assert settings[2 * choice.PROBE_BATCHES:3 * choice.PROBE_BATCHES] == [True] * choice.PROBE_BATCHES  # the probe
    assert not choice.one_thread and settings[-8:] == [False] * 8


def test_the_blas_is_asked_once_whether_its_thread_count_changes_a_product_s_numbers(two_blas_threads, monkeypatch):
    monkeypatch.setattr(trainer_module, "_PRODUCTS_CHANGE_WITH_THREADS", {})
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal(shape).astype(np.float32) for shape in ((128, 784), (784, 256)))
    with threadpool_limits(limits=1, user_api="blas"):
        on_one_thread = a @ b
    changes = trainer_module.thread_count_changes_products(np.float32)
    assert changes == (not np.array_equal(a @ b, on_one_thread))
    assert blas_threads() == 2  # restored
    with threadpool_limits(limits=1, user_api="blas"):  # nothing to compare, and not remembered as an answer
        assert trainer_module.thread_count_changes_products(np.float64) is False
    assert np.dtype(np.float64) not in trainer_module._PRODUCTS_CHANGE_WITH_THREADS


@pytest.mark.parametrize("rounds_otherwise", [False, True], ids=["same numbers", "other numbers"])
def test_a_run_chooses_its_blas_threads_only_where_either_gives_the_numbers_of_a_run_on_two(
        two_blas_threads, monkeypatch, rounds_otherwise):
    # Where OpenBLAS rounds otherwise on one thread (its Haswell kernels), a choice made by timing would
    # make a run's weights depend on how busy the machine was: the run keeps every thread.
    keeps_numbers_here = not trainer_module.thread_count_changes_products(np.float32)
    monkeypatch.setattr(trainer_module, "thread_count_changes_products", lambda dtype: rounds_otherwise)
    monkeypatch.setattr(trainer_module.BlasThreadChoice, "PROBE_EVERY", 6)
    monkeypatch.setattr(trainer_module.BlasThreadChoice, "PROBE_BATCHES", 2)
    monkeypatch.setattr(trainer_module.BlasThreadChoice, "PROBE_SECONDS", 0.0)
    # Only the periodic probes: a batch that waited for a core would start one at once (CI saw it).
    monkeypatch.setattr(trainer_module.BlasThreadChoice, "SLOWER", math.inf)
    X, y = blobs(n=32 * 12, n_features=64)
    width = 1 + ONE_THREAD_PRODUCT // (32 * 64)  # products large enough for every thread

    def trained(in_main_thread):
        net = Network([Dense(64, width), Activation("relu"), Dense(width, 3)], seed=3)
        threads = []
        learn = net.loss_and_gradients
        net.loss_and_gradients = lambda *args: (threads.append(blas_threads()), learn(*args))[1]
        trainer = Trainer(net, optimizers.create("adam"), X, y, batch_size=32, epochs=1)
        if in_main_thread:
            run(trainer)
        else:  # no choice outside the main thread: every batch on the thread's limit of two
            def train():
                with threadpool_limits(limits=2, user_api="blas"):
                    run(trainer)
            thread = threading.Thread(target=train)
            thread.start()
            thread.join()
        return net.flat_parameters, threads

    weights, threads = trained(in_main_thread=True)
    if rounds_otherwise:
        assert threads == [2] * 12
    else:
        assert threads[:6] == [2, 2, 2, 2, 1, 1]  # 2 batches not counted, 2 counted, then 2 probe one thread
        chosen = threads[6]
        assert threads[6:10] == [chosen] * 4 and threads[10:12] == [3 - chosen] * 2
    weights_on_two, threads_on_two = trained(in_main_thread=False)
    assert threads_on_two == [2] * 12
    if rounds_otherwise or keeps_numbers_here:
        np.testing.assert_array_equal(weights, weights_on_two)


def test_a_thread_limiting_the_blas_after_a_run_of_small_products_is_obeyed():
    # The window's training threads hold such a limit over their run. It was silently
    # ignored once a run in another thread had set OpenBLAS's thread count outside a limit context.
    # (No limit around this test: the thread holding one is the only one whose limits count.)
    if blas_threads() < 2:
        pytest.skip("the BLAS runs one thread here: a run of small products changes nothing")
    X, y = blobs(n=64, n_features=64)
    run(Trainer(Network([Dense(64, 64), Activation("relu"), Dense(64, 3)]), optimizers.create("adam"), X, y,
                batch_size=32, epochs=1))
    seen = []

    def worker():
        with threadpool_limits(limits=1, user_api="blas"):
            seen.append(blas_threads())

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == [1]


def test_trainers_outside_the_main_thread_leave_the_blas_as_they_find_it(two_blas_threads):
    # The window's worker, race and variants threads hold a threadpoolctl limit over their whole run.
    X, y = blobs(n=64, n_features=64)
    seen = []
    thread = threading.Thread(target=lambda: seen.append(
        threads_during_batches(Network([Dense(64, 64), Activation("relu"), Dense(64, 3)]), X, y)))
    thread.start()
    thread.join()
    assert seen == [{2, ("between batches", 2), ("after the run", 2)}]


def test_an_experiment_that_continues_another_on_its_network_keeps_its_optimiser_and_state():
    config = RunConfig()
    config.network.hidden[0].units = 8
    config.training.epochs = 1
    first = Experiment(config)
    list(first.make_trainer().run())
    adam = first.optimizer()
    assert adam.step_count > 0 and adam.state[0]["m"].any()
    continued = Experiment(config, dataset=first.dataset, network=first.network, continues=first)
    assert continued.optimizer() is adam
    other_network = Experiment(config, dataset=first.dataset, continues=first)
    assert other_network.optimizer() is not adam and other_network.optimizer().step_count == 0


def test_a_pace_spaces_the_batches_and_gives_way_to_full_speed_and_to_stop():
    import time

    control = TrainingControl()
    control.set_pace(0.05)
    started = time.perf_counter()
    for _ in range(4):  # the first goes at once, then one every 0.05 s
        control.keep_pace()
    assert time.perf_counter() - started >= 0.15
    for release in (lambda: control.set_pace(0), control.stop):
        control.set_pace(60)
        control.keep_pace()
        threading.Timer(0.1, release).start()
        waited = time.perf_counter()
        control.keep_pace()  # a minute's wait, cut short
        assert time.perf_counter() - waited < 10


def test_a_learning_rate_beyond_float32_diverges_with_its_message_and_no_warning():
    """η = 1e300 printed NumPy's "overflow encountered in cast" on stderr before the divergence was said."""
    X, y = blobs()
    net = small_network()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        end = finished(run(Trainer(net, optimizers.create("adam", lr=1e300), X, y, batch_size=50, epochs=3)))
    assert end.reason == events.DIVERGED and "lower learning rate" in end.message
    assert np.isfinite(net.flat_parameters).all()
