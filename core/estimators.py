"""scikit-learn estimators over the engine: ``MLPClassifier`` and ``MLPRegressor``.

They let the engine's networks be used like any scikit-learn model — in a ``Pipeline``, in
``GridSearchCV``, with ``cross_val_score`` — while training goes through the same
:class:`~core.trainer.Trainer` as the GUI. The estimator only translates its parameters into a
:class:`~core.config.RunConfig`, builds the network, optimiser, schedule and regulariser with the
builders of :mod:`core.experiment`, and reads the trainer's events.

Where they differ from ``sklearn.neural_network``:

- ``optimizer`` (scikit-learn's ``solver``) is any :mod:`core.optimizers` name, with torch-named
  ``optimizer_options``; ``learning_rate_init`` is its ``lr``, and ``schedule`` any
  :mod:`core.schedules` name, applied per ``schedule_unit`` ("step" or "epoch").
- ``alpha`` is the lecture's L2 strength on the *mean* loss, R = α·Σw² over the weights (not the
  biases; :mod:`core.regularization`). scikit-learn adds α/(2B)·Σw² per batch of B samples, so for
  the same minimum its α corresponds to α_sklearn / (2B) here in the classifier, and to α_sklearn / B
  in the regressor (whose mean squared error below is twice scikit-learn's loss).
- Classification always uses a softmax output over one unit per class with the cross-entropy loss,
  also for two classes: softmax over logits (o₀, o₁) is the logistic model σ(o₁ − o₀), so nothing
  is lost, and one code path serves every number of classes (the last ``coefs_`` matrix has two
  columns where scikit-learn's has one).
- Regression minimises the mean squared error (1/(N·K)) Σ (o − t)², twice scikit-learn's
  half-squared loss, so ``loss_curve_`` values are twice as large for the same fit.
- Hidden layers are Dense → [BatchNorm] → activation → [Dropout] as everywhere in the engine,
  He-uniform initialised; the output layer is Xavier-uniform.
- The network trains in ``dtype`` (float32 by default). Predictions come back in the input's
  floating dtype, and a float64 input is predicted in float64 from the same weights, so that a
  sample's prediction does not depend on the other rows of the batch.

Stopping:

- without ``early_stopping``, as in scikit-learn, training has converged when for more than
  ``n_iter_no_change`` consecutive epochs the training loss L_e has not improved on the best by ``tol``:
  counter ← counter + 1 if L_e > L_best − tol else 0, stop when counter > n_iter_no_change;
  the weights of the last epoch are kept.
- with ``early_stopping``, a stratified (classification) ``validation_fraction`` of the data is held
  out and the trainer's early stopping ends the run after ``n_iter_no_change`` epochs without a lower
  validation loss, restoring the weights of the best epoch (``tol`` is not used).
- reaching ``max_iter`` epochs otherwise emits scikit-learn's ``ConvergenceWarning``.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin, is_classifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.utils import check_random_state
from sklearn.utils._param_validation import Interval, StrOptions
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import FLOAT_DTYPES, check_is_fitted, validate_data

from core import activations, events, optimizers, schedules
from core import config as run_config
from core.experiment import build_network, build_optimizer, build_regularizer, build_schedule
from core.layers import Dense
from core.network import resolve_dtype
from core.trainer import Trainer

AUTO_BATCH_SIZE = 200
"""``batch_size="auto"`` means min(200, n_samples), as in scikit-learn."""


class _NoImprovement:
    """scikit-learn's convergence test on the loss of each epoch (``_update_no_improvement_count``):

        counter ← counter + 1  if L_e > L_best − tol,  else 0;   L_best ← min(L_best, L_e)
        converged when counter > n_iter_no_change
    """

    def __init__(self, tol: float, n_iter_no_change: int):
        self.tol, self.n_iter_no_change = float(tol), int(n_iter_no_change)
        self.best = np.inf
        self.count = 0

    def converged(self, loss: float) -> bool:
        self.count = self.count + 1 if loss > self.best - self.tol else 0
        self.best = min(self.best, loss)
        return self.count > self.n_iter_no_change


@dataclass
class _Run:
    """What ``partial_fit`` continues: the optimiser (with its moments), the schedule, the seed and
    the batch-order generator, and how many steps were taken."""

    optimizer: object
    schedule: object | None
    seed: int
    shuffle_rng: np.random.Generator | None = None
    steps: int = 0


class _MLPEstimator(BaseEstimator):
    """Shared parameters, validation and training of :class:`MLPClassifier` and :class:`MLPRegressor`."""

    #: the engine loss the subclass trains with
    _loss_name = ""

    _parameter_constraints: dict = {
        "hidden_layer_sizes": ["array-like", Interval(Integral, 1, None, closed="left")],
        "activation": [StrOptions(set(activations.names()))],
        "optimizer": [StrOptions(set(optimizers.names()))],
        "optimizer_options": [dict, None],
        "learning_rate_init": [Interval(Real, 0, None, closed="neither")],
        "schedule": [StrOptions(set(schedules.names()))],
        "schedule_options": [dict, None],
        "schedule_unit": [StrOptions({"step", "epoch"})],
        "alpha": [Interval(Real, 0, None, closed="left")],
        "batch_size": [StrOptions({"auto"}), Interval(Integral, 1, None, closed="left")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="left")],
        "n_iter_no_change": [Interval(Integral, 1, None, closed="left")],
        "early_stopping": ["boolean"],
        "validation_fraction": [Interval(Real, 0, 1, closed="neither")],
        "dropout": [Interval(Real, 0, 1, closed="left")],
        "batch_norm": ["boolean"],
        "dtype": [StrOptions({"float32", "float64"})],
        "random_state": ["random_state"],
    }

    def __init__(self, hidden_layer_sizes=(100,), activation="relu", *, optimizer="adam", optimizer_options=None,
                 learning_rate_init=0.001, schedule="constant", schedule_options=None, schedule_unit="epoch",
                 alpha=0.0001, batch_size=AUTO_BATCH_SIZE, max_iter=200, tol=1e-4, n_iter_no_change=10,
                 early_stopping=False, validation_fraction=0.1, dropout=0.0, batch_norm=False, dtype="float32",
                 random_state=None):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.activation = activation
        self.optimizer = optimizer
        self.optimizer_options = optimizer_options
        self.learning_rate_init = learning_rate_init
        self.schedule = schedule
        self.schedule_options = schedule_options
        self.schedule_unit = schedule_unit
        self.alpha = alpha
        self.batch_size = batch_size
        self.max_iter = max_iter
        self.tol = tol
        self.n_iter_no_change = n_iter_no_change
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.dropout = dropout
        self.batch_norm = batch_norm
        self.dtype = dtype
        self.random_state = random_state

    # ------------------------------------------------------------------ fitted weights
    @property
    def coefs_(self) -> list[np.ndarray]:
        """The Dense layers' weight matrices W (n_in, n_out), first layer first: views into the
        network, so editing them edits the model, as in scikit-learn."""
        check_is_fitted(self, "network_")
        return [layer.W for layer in self.network_.layers if isinstance(layer, Dense)]

    @property
    def intercepts_(self) -> list[np.ndarray]:
        """The Dense layers' bias vectors b (n_out,), aligned with ``coefs_``."""
        check_is_fitted(self, "network_")
        return [layer.b for layer in self.network_.layers if isinstance(layer, Dense)]

    # ------------------------------------------------------------------ subclass hooks
    def _validate_training_data(self, X, y, reset: bool, classes=None) -> tuple[np.ndarray, np.ndarray, int]:
        """(X, the targets the engine loss takes, the number of output units)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ building
    def _hidden_units(self) -> list[int]:
        sizes = self.hidden_layer_sizes
        sizes = [sizes] if isinstance(sizes, Integral) else list(sizes)
        if any(isinstance(units, bool) or not isinstance(units, Integral) or units < 1 for units in sizes):
            raise ValueError(f"hidden_layer_sizes must be whole numbers ≥ 1 (one per hidden layer), "
                             f"got {self.hidden_layer_sizes!r}")
        return [int(units) for units in sizes]

    def _run_config(self, seed: int) -> run_config.RunConfig:
        """The run configuration these parameters describe (the GUI would build the same network)."""
        options = dict(self.optimizer_options or {})
        if "lr" in options:
            raise ValueError(f"optimizer_options must not contain 'lr' (got {options['lr']!r}); "
                             f"set learning_rate_init instead")
        schedule_options = dict(self.schedule_options or {})
        if "lr0" in schedule_options:
            raise ValueError(f"schedule_options must not contain 'lr0' (got {schedule_options['lr0']!r}); "
                             f"the schedule starts from learning_rate_init")
        hidden = [run_config.LayerConfig(units=units, activation=self.activation, batch_norm=bool(self.batch_norm),
                                         dropout=float(self.dropout))
                  for units in self._hidden_units()]
        return run_config.RunConfig(
            network=run_config.NetworkConfig(hidden=hidden, dtype=self.dtype),
            loss=run_config.LossConfig(name=self._loss_name),
            optimizer=run_config.OptimizerConfig(name=self.optimizer,
                                                 options={**options, "lr": float(self.learning_rate_init)}),
            schedule=run_config.ScheduleConfig(name=self.schedule, options=schedule_options, unit=self.schedule_unit),
            regularization=run_config.RegularizationConfig(l2=float(self.alpha)),
            training=run_config.TrainingConfig(seed=seed),
        )

    def _start(self, n_features: int, n_outputs: int):
        """Draw the run's seed from ``random_state``; return its config, a freshly initialised network,
        and the optimiser and schedule that will train it."""
        seed = int(check_random_state(self.random_state).randint(np.iinfo(np.int32).max))
        config = self._run_config(seed)
        try:
            optimizer = build_optimizer(config)
        except ValueError as error:
            raise ValueError(f"optimizer_options={self.optimizer_options!r} do not fit optimizer "
                             f"{self.optimizer!r}: {error}") from None
        try:
            schedule = build_schedule(config)
        except ValueError as error:
            raise ValueError(f"schedule_options={self.schedule_options!r} do not fit schedule "
                             f"{self.schedule!r}: {error}") from None
        network = build_network(config, n_features, n_outputs)
        return config, network, _Run(optimizer, schedule, seed)

    def _keep(self, network, run: _Run) -> None:
        """Adopt a trained network, with a float64 twin of its architecture for float64 inputs
        (built once here: building a network draws initial weights, slow for large ones)."""
        self.network_, self._run = network, run
        self._float64_network = None if network.dtype == np.float64 else network.copy(dtype=np.float64)

    def _batch_size(self, n_samples: int) -> int:
        """An integer larger than n_samples simply makes every epoch one full batch."""
        return min(AUTO_BATCH_SIZE, n_samples) if self.batch_size == "auto" else int(self.batch_size)

    # ------------------------------------------------------------------ training
    def _train(self, network, run: _Run, config, X, targets, X_val=None, val_targets=None, *, epochs: int,
               start_epoch: int, convergence: _NoImprovement | None, patience: int | None):
        """Run one Trainer for ``epochs`` epochs from ``start_epoch``; return its EpochFinished events
        and why it ended: a :mod:`core.events` reason, or "converged". A diverged run raises ValueError."""
        trainer = Trainer(network, run.optimizer, X, targets, X_val, val_targets,
                          batch_size=self._batch_size(X.shape[0]), epochs=start_epoch + epochs,
                          schedule=run.schedule, schedule_unit=self.schedule_unit,
                          regularizer=build_regularizer(config), patience=patience, seed=run.seed,
                          start_epoch=start_epoch, start_step=run.steps)
        if run.shuffle_rng is not None:
            # Continue the first run's batch order: k partial_fit calls shuffle like fit(max_iter=k).
            trainer.shuffle_rng = run.shuffle_rng
        run.shuffle_rng = trainer.shuffle_rng
        finished_epochs, reason, message = [], None, ""
        for event in trainer.run():
            if isinstance(event, events.EpochFinished):
                finished_epochs.append(event)
                if convergence is not None and convergence.converged(event.train_loss + event.train_penalty):
                    reason = "converged"
                    break
            elif isinstance(event, events.TrainingFinished):
                reason, message = event.reason, event.message
        run.steps = trainer.step
        if reason == events.DIVERGED:
            raise ValueError(f"{type(self).__name__}: {message}")
        return finished_epochs, reason

    def _split_validation(self, X, targets, seed: int):
        stratify = targets if is_classifier(self) else None
        X_train, X_val, train_targets, val_targets = train_test_split(
            X, targets, test_size=self.validation_fraction, random_state=seed, stratify=stratify)
        if X_val.shape[0] < 2:
            raise ValueError(f"The validation set is too small: validation_fraction={self.validation_fraction!r} of "
                             f"{X.shape[0]} samples leaves {X_val.shape[0]}. Increase 'validation_fraction' or the "
                             f"size of your dataset.")
        return X_train, train_targets, X_val, val_targets

    def _record(self, finished_epochs, validation: bool) -> None:
        # As scikit-learn's: the objective, its L2 penalty included.
        self.loss_curve_.extend(event.train_loss + event.train_penalty for event in finished_epochs)
        if validation:
            self.validation_scores_.extend(event.val_metric for event in finished_epochs)
            self.validation_loss_curve_.extend(event.val_loss for event in finished_epochs)
        self.n_iter_ += len(finished_epochs)

    def _fit(self, X, y):
        self._validate_params()
        X, targets, n_outputs = self._validate_training_data(X, y, reset=True)
        config, network, run = self._start(X.shape[1], n_outputs)
        if self.early_stopping:
            X, targets, X_val, val_targets = self._split_validation(X, targets, run.seed)
            convergence, patience = None, self.n_iter_no_change
        else:
            X_val = val_targets = None
            convergence, patience = _NoImprovement(self.tol, self.n_iter_no_change), None
        finished_epochs, reason = self._train(network, run, config, X, targets, X_val, val_targets,
                                              epochs=self.max_iter, start_epoch=0, convergence=convergence,
                                              patience=patience)
        self._keep(network, run)
        self.n_outputs_ = n_outputs
        self.loss_curve_, self.n_iter_ = [], 0
        self.validation_scores_ = [] if self.early_stopping else None
        self.validation_loss_curve_ = [] if self.early_stopping else None
        self._record(finished_epochs, validation=self.early_stopping)
        if reason == events.COMPLETED:
            warnings.warn(f"Stochastic Optimizer: Maximum iterations ({self.max_iter}) reached and the "
                          f"optimization hasn't converged yet.", ConvergenceWarning)
        return self

    def _partial_fit(self, X, y, classes=None):
        self._validate_params()
        first_call = not hasattr(self, "network_")
        if first_call and is_classifier(self) and classes is None:
            raise ValueError("classes must be passed on the first call to partial_fit.")
        X, targets, n_outputs = self._validate_training_data(X, y, reset=first_call, classes=classes)
        if first_call:
            config, network, run = self._start(X.shape[1], n_outputs)
            self._keep(network, run)
            self.n_outputs_, self.loss_curve_, self.n_iter_ = n_outputs, [], 0
            self.validation_scores_ = self.validation_loss_curve_ = None
        else:
            config = self._run_config(self._run.seed)
        finished_epochs, _ = self._train(self.network_, self._run, config, X, targets, epochs=1,
                                         start_epoch=self.n_iter_, convergence=None, patience=None)
        self._record(finished_epochs, validation=False)
        return self

    # ------------------------------------------------------------------ inference
    def _validated_inputs(self, X):
        """(X checked as scikit-learn does, the fitted network in X's precision or the network's, whichever
        is finer).

        Rounding in float32 matrix products depends on the shape of the batch (BLAS picks other
        kernels and summation orders), so a float32 prediction of a sample may change in the last
        bit with the rows it is predicted with. A float64 input is therefore predicted by a float64
        twin loaded with the current weights (which may have changed through ``coefs_`` or
        ``partial_fit``): its predictions are then independent of the batching to ~1e-16, as
        scikit-learn's estimators promise.
        """
        check_is_fitted(self, "network_")
        X = validate_data(self, X, reset=False, dtype=FLOAT_DTYPES)
        if np.promote_types(X.dtype, self.network_.dtype) == self.network_.dtype:
            return X, self.network_
        self._float64_network.load_state(self.network_.state())
        return X, self._float64_network


class MLPClassifier(ClassifierMixin, _MLPEstimator):
    """A multilayer perceptron classifier trained by the engine (softmax output, cross-entropy loss).

    Labels of any type are mapped through ``classes_`` (sorted, as ``np.unique``) to the indices
    0 … K−1 that the engine's loss takes; predictions map back.

    Parameters
    ----------
    hidden_layer_sizes : int or sequence of int, default (100,)
        Units of each hidden layer; () gives a single Dense layer with softmax (the lecture's perceptron).
    activation : str, default "relu"
        Any :func:`core.activations.names` entry.
    optimizer : str, default "adam"
        Any :func:`core.optimizers.names` entry (scikit-learn's ``solver``).
    optimizer_options : dict or None
        The optimiser's other hyperparameters, by their torch names (betas, momentum, …), not ``lr``.
    learning_rate_init : float, default 0.001
        The optimiser's ``lr``, and the schedule's η₀.
    schedule : str, default "constant"; schedule_options : dict or None; schedule_unit : "epoch" (default) or "step"
        A :mod:`core.schedules` learning-rate schedule and whether t counts epochs or steps.
    alpha : float, default 1e-4
        L2 strength: α·Σw² added to the mean loss (see the module docstring for scikit-learn's α).
    batch_size : int or "auto", default 200
        Samples per mini-batch; "auto" is min(200, n_samples), a larger number means full batches.
    max_iter : int, default 200
        Epochs of ``fit``; reaching it without converging warns with ``ConvergenceWarning``.
    tol, n_iter_no_change, early_stopping, validation_fraction
        Stopping rules as in scikit-learn (module docstring).
    dropout : float in [0, 1), default 0; batch_norm : bool, default False
        Inverted dropout after, and batch normalisation before, every hidden activation.
    dtype : "float32" or "float64", default "float32"
    random_state : None, int or RandomState
        Seeds the initial weights, dropout masks, batch order and validation split.

    Attributes
    ----------
    classes_, n_features_in_, feature_names_in_, n_outputs_, n_iter_,
    loss_curve_ (mean training loss + penalty per epoch),
    validation_scores_, validation_loss_curve_ (per epoch with early stopping, else None),
    coefs_, intercepts_ (the Dense layers' W and b), network_ (the :class:`core.network.Network`).
    """

    _loss_name = "softmax_cross_entropy"

    def fit(self, X, y):
        """Train a new network on (X, y) for up to ``max_iter`` epochs."""
        return self._fit(X, y)

    def partial_fit(self, X, y, classes=None):
        """One epoch over (X, y), continuing the network, optimiser state and schedule of earlier
        calls (or of ``fit``). ``classes`` (every label that will ever occur) is required on the first
        call. Architecture, dtype, optimiser and schedule come from the first call; ``alpha`` and
        ``batch_size`` are read at every call; ``early_stopping`` does not apply."""
        return self._partial_fit(X, y, classes=classes)

    def _validate_training_data(self, X, y, reset, classes=None):
        X, y = validate_data(self, X, y, reset=reset, dtype=FLOAT_DTYPES)
        check_classification_targets(y)
        if reset:
            self.classes_ = np.unique(y if classes is None else classes)
        elif classes is not None and not np.array_equal(np.unique(classes), self.classes_):
            raise ValueError(f"classes={list(classes)} differs from the classes_ {self.classes_.tolist()} "
                             f"of the first call")
        if len(self.classes_) < 2:
            raise ValueError(f"{type(self).__name__} needs samples of at least 2 classes to train; "
                             f"got 1 class: {self.classes_.tolist()}")
        unknown = np.setdiff1d(y, self.classes_)
        if unknown.size:
            raise ValueError(f"y contains labels {unknown.tolist()} that are not among classes_ "
                             f"{self.classes_.tolist()}")
        return X, np.searchsorted(self.classes_, y).astype(np.int64), len(self.classes_)

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities p = softmax(o), shape (n_samples, n_classes), columns in ``classes_`` order."""
        X, network = self._validated_inputs(X)
        return network.predict_proba(X).astype(X.dtype, copy=False)

    def predict(self, X) -> np.ndarray:
        """The most probable class of each sample, as a label of ``classes_``."""
        # From the probabilities, not the logits, so that predict always agrees with predict_proba.
        probabilities = self.predict_proba(X)
        return self.classes_[np.argmax(probabilities, axis=1)]


class MLPRegressor(RegressorMixin, _MLPEstimator):
    """A multilayer perceptron regressor trained by the engine (identity output, mean squared error).

    Takes one target (y of shape (n,)) or several (y of shape (n, K)); with one target, ``predict``
    returns a vector. Parameters and attributes as :class:`MLPClassifier` (without ``classes_``).
    """

    _loss_name = "mse"

    def fit(self, X, y):
        """Train a new network on (X, y) for up to ``max_iter`` epochs."""
        return self._fit(X, y)

    def partial_fit(self, X, y):
        """One epoch over (X, y), continuing the network, optimiser state and schedule of earlier
        calls (or of ``fit``); see :meth:`MLPClassifier.partial_fit`."""
        return self._partial_fit(X, y)

    def _validate_training_data(self, X, y, reset, classes=None):
        X, y = validate_data(self, X, y, reset=reset, dtype=FLOAT_DTYPES, multi_output=True, y_numeric=True)
        targets = y.astype(resolve_dtype(self.dtype if reset else self.network_.dtype), copy=False)
        return X, targets, 1 if y.ndim == 1 else y.shape[1]

    def predict(self, X) -> np.ndarray:
        """Predicted targets, shape (n_samples,) for one target, else (n_samples, K)."""
        X, network = self._validated_inputs(X)
        return network.predict(X).astype(X.dtype, copy=False)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True
        return tags
