"""Immutable events emitted by the training loop.

The trainer yields these; the GUI, the command line and tests only read them. Arrays inside an
event are copies owned by the event, so a consumer on another thread never sees them change.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

COMPLETED, EARLY_STOPPED, STOPPED, DIVERGED = "completed", "early_stopped", "stopped", "diverged"
FAILED = "failed"
"""The reason of a run ended by an error its trainer raised (a window's worker reports it; a trainer never does)."""


@dataclass(frozen=True)
class TrainingStarted:
    n_train: int
    n_val: int
    epochs: int
    steps_per_epoch: int
    n_parameters: int


@dataclass(frozen=True)
class BatchFinished:
    """One optimiser step. ``loss`` is the batch's loss L and ``penalty`` the regularisation P the step
    lowered with it (J = L + P; 0 without regularisation); ``metric`` is the batch's accuracy
    (classification) or R² (regression; NaN for a batch of one); ``elapsed`` the seconds of training since
    the run started (time paused left out, as in every event's ``elapsed`` and rate); ``gradient_norms``
    (when tracked) ‖∂L/∂W‖ of each Dense layer, the data's gradient without the weight penalty's."""

    epoch: int
    step: int
    batch_in_epoch: int
    batch_size: int
    loss: float
    metric: float
    lr: float
    samples_seen: int
    elapsed: float
    gradient_norms: tuple[float, ...] = ()
    penalty: float = 0.0


@dataclass(frozen=True)
class EpochFinished:
    """End of an epoch; ``val_*`` are NaN when there is no validation data. ``train_loss`` and
    ``train_penalty`` are the means of its batches' ``loss`` and ``penalty`` weighted by their sizes
    (the mean over its examples): the training loss compares with ``val_loss`` (neither holds the
    penalty), their sum is the objective lowered. ``train_metric`` is the accuracy of the epoch's
    examples, or the R² of all of them (not a mean of its batches' R², biased low for small batches)."""

    epoch: int
    step: int
    train_loss: float
    train_metric: float
    val_loss: float
    val_metric: float
    lr: float
    elapsed: float
    samples_per_second: float
    is_best: bool
    train_penalty: float = 0.0


@dataclass(frozen=True)
class Paused:
    epoch: int
    step: int


@dataclass(frozen=True)
class WeightSetByHand:
    """Between batches, after ``step`` steps, the trainer set by hand (:meth:`TrainingControl.set_weight`)
    the weight w_ij from unit ``source`` = i to unit ``target`` = j of the network's Dense layer ``layer``
    (all counted from 0), or its bias b_j when ``source`` is None: from ``old`` to ``new``. The next step
    trains from ``new``."""

    step: int
    layer: int
    source: int | None
    target: int
    old: float
    new: float


@dataclass(frozen=True)
class TrainingFinished:
    """The run ended. ``reason`` is one of completed, early_stopped, stopped, diverged (or failed); ``message``
    says why in English. After a divergence, ``nonfinite`` names what went non-finite first as a
    key of :data:`NONFINITE` and where — ("weights", "layer0.W"), ("output", "layer2 (Dense(…))") —
    and ``lr`` is the learning rate of that step: what a window needs to say it in its own language;
    ``fallback`` holds the weights to go back to before trying again (the last finite ones may be huge):
    those of the run's epoch with the lowest monitored loss, or else those the run started from."""

    reason: str
    message: str
    epoch: int
    step: int
    best_epoch: int
    best_val_loss: float
    elapsed: float
    nonfinite: tuple[str, str] = ()
    lr: float = float("nan")
    fallback: Snapshot | None = field(default=None, repr=False)


NONFINITE = {"weights": "the weights {where} became non-finite",
             "gradient": "the gradient of {where} became non-finite",
             "grew": "the weights grew past a norm of 1e10, most in {where}",
             "output": "the output of {where} overflowed",
             "loss": "the loss became non-finite"}
"""What a diverged run found non-finite first (``TrainingFinished.nonfinite``), in English."""


@dataclass(frozen=True)
class Snapshot:
    """Copies of the weights at a moment of the run (for views and the drawing canvas)."""

    epoch: int
    step: int
    state: dict = field(repr=False)
    gradients: tuple = field(default=(), repr=False)

    def __post_init__(self):
        for array in self.state.values():
            if isinstance(array, np.ndarray):
                array.flags.writeable = False
