"""app.endings: why a run ended, worded by the window in its language from the event's fields."""
import re

import numpy as np
import pytest

from app import endings, i18n
from core import optimizers
from core.layers import Activation, Dense
from core.network import Network
from core.trainer import Trainer, TrainingControl


def blobs(n=120):
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, size=n)
    X = rng.normal(0, 3, size=(3, 4))[y] + rng.normal(size=(n, 4))
    return X.astype(np.float32), y


def last_event(lr=0.01, epochs=3, patience=None, stop_at_once=False, X_scale=1.0):
    X, y = blobs()
    control = TrainingControl()
    network = Network([Dense(4, 8), Activation("relu"), Dense(8, 3)], seed=0)
    trainer = Trainer(network, optimizers.create("sgd", lr=lr), X * X_scale, y, batch_size=30, epochs=epochs,
                      X_val=X[:30], y_val=y[:30], patience=patience, control=control)
    if stop_at_once:
        control.stop()
    return list(trainer.run())[-1]


ENDINGS = {"diverged": dict(lr=1e38, X_scale=1000.0), "early_stopped": dict(lr=0.0, epochs=50, patience=2),
           "completed": {}, "stopped": dict(stop_at_once=True)}


def as_the_window_writes_numbers(message: str) -> str:
    """The engine's message with its numbers in exponent notation (for logs: 1e+38) as the window writes them (10³⁸)."""
    return re.sub(r"\d+(?:\.\d+)?e[+-]?\d+", lambda number: i18n.format_significant(float(number.group(0)), 6),
                  message)


@pytest.mark.parametrize("reason", sorted(ENDINGS))
def test_in_english_the_window_words_every_ending_as_the_engine_does(qapp, reason):
    i18n.set_language("en")
    event = last_event(**ENDINGS[reason])
    assert event.reason == reason
    assert endings.describe(event) == as_the_window_writes_numbers(event.message)


def test_in_russian_a_divergence_names_what_went_non_finite_and_the_rate_in_russian(qapp, switch_language):
    event = last_event(**ENDINGS["diverged"])
    what, where = event.nonfinite
    switch_language("ru")
    text = endings.describe(event)
    assert text.startswith(f"обучение разошлось на эпохе {event.epoch + 1}, шаге {event.step + 1}")
    assert where in text and "(сейчас 10³⁸)" in text and "training" not in text
    early = endings.describe(last_event(**ENDINGS["early_stopped"]))
    assert early.startswith("эпох без улучшения: 2;") and "epoch" not in early


def test_every_non_finite_kind_of_the_engine_has_its_words_here():
    from core import events

    assert set(endings.NONFINITE) == set(events.NONFINITE)
    for kind, english in events.NONFINITE.items():  # the same words, with Qt's %1 for {where}, %2 for the limit
        assert endings.NONFINITE[kind] == english.replace("{where}", "%1").replace("1e10", "%2")


def test_weights_that_grew_too_large_are_said_with_the_limit_as_a_power_of_ten(qapp):
    event = last_event(lr=1e-3)
    grown = type(event)(**{**vars(event), "reason": "diverged", "nonfinite": ("grew", "layer2.W")})
    i18n.set_language("en")
    assert "grew past a norm of 10¹⁰, most in layer2.W" in endings.describe(grown)


def test_one_epoch_is_worded_in_the_singular_as_the_engine_does(qapp, switch_language):
    completed, early = last_event(epochs=1), last_event(lr=0.0, epochs=50, patience=1)
    assert endings.describe(completed) == completed.message == "finished 1 epoch"
    assert endings.describe(early) == early.message
    assert early.message.startswith("no improvement for 1 epoch;")
    switch_language("ru")
    assert endings.describe(completed) == "завершена 1 эпоха"
    assert endings.describe(early).startswith("одна эпоха без улучшения;")
