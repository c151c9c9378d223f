"""From a :class:`~core.config.RunConfig` to the objects that train: data, network, optimiser, trainer.

The GUI, the command line, the Compare view and the labs all build runs here, so the same config
and seed give the same run wherever it is started.
"""
from __future__ import annotations

import inspect
import json
import os

import numpy as np

from core import config as run_config
from core import datasets, optimizers, schedules
from core.datasets import plane
from core.layers import Activation, BatchNorm, Dense, Dropout
from core.network import Network
from core.regularization import Regularizer
from core.trainer import Trainer, TrainingControl

CLASSIFICATION_LOSSES_WITH_ONE_OUTPUT = ("binary_cross_entropy", "perceptron")


def load_data(config: run_config.RunConfig, progress=None):
    """The data set of ``config``; ``progress`` as :func:`core.datasets.load` takes it."""
    data = config.data
    options = dict(data.options)
    options.setdefault("validation_split", data.validation_split)
    options["seed"] = data_seed(config)
    if data.scaling != "default":
        options.setdefault("scaling", data.scaling)
    if data.target_scaling != "default":
        options.setdefault("target_scaling", data.target_scaling)
    return datasets.load(data.dataset, progress=progress, **options)


def scored_splits(config: run_config.RunConfig) -> tuple[str, ...]:
    """The splits a run of ``config`` is scored on (:func:`core.datasets.scored_splits`, with the options
    :func:`load_data` loads with): a goal on another split is out of its reach."""
    options = {"validation_split": config.data.validation_split, **config.data.options}
    return datasets.scored_splits(config.data.dataset, options)


def target_scaling(config: run_config.RunConfig) -> str | None:
    """The scaling of the regression targets that :func:`load_data` gives a run of ``config`` ("standardize",
    "unit"): its data options', else ``data.target_scaling``, "default" being its data set's own (the loader's);
    None when they are not scaled, and for class labels (a loss other than mse, which regression data need)."""
    if config.loss.name != "mse":
        return None
    scaling = config.data.options.get("target_scaling", config.data.target_scaling)
    if scaling == "default":
        try:
            loader = inspect.signature(datasets.DATASETS.get(config.data.dataset))
        except ValueError:  # a data set this version does not have: nothing is scaled
            return None
        option = loader.parameters.get("target_scaling")
        scaling = "none" if option is None else option.default
    return None if scaling == "none" else scaling


def data_seed(config: run_config.RunConfig) -> int:
    """The seed the data are generated and split with: the data's own (``data.options["seed"]``, the Data
    panel's "Data seed" of the generated sets), else the training seed, as configurations without one had it.
    A seed of their own lets the data be drawn again while the initial weights stay."""
    return config.data.options.get("seed", config.training.seed)


def data_key(config: run_config.RunConfig) -> str:
    """Everything that decides which arrays :func:`load_data` returns for ``config``: the data settings
    and their seed (:func:`data_seed`), not the augmentation (which the trainer applies per batch). Runs
    with equal keys can share one loaded data set (another training seed keeps data of their own seed)."""
    data = {key: value for key, value in config.to_dict()["data"].items() if key != "augmentation"}
    options = data["options"]
    # Features naming the coordinates alone give the data set given without them: one load, not two (lab 8's).
    if isinstance(options, dict) and plane.are_coordinates(options.get("features")) \
            and datasets.takes_features(data["dataset"], options):
        data["options"] = {key: value for key, value in options.items() if key != "features"}
    return json.dumps({"data": data, "seed": data_seed(config)}, sort_keys=True, default=str)


class LossMisfit(ValueError):
    """A loss that does not suit the data: ``kind`` says how ("regression" data need mse, "classification"
    data cannot take mse, a "two classes" loss was given more, or two classes read as a "multiclass" task: a CSV
    file's), for a caller to word it in its language."""

    def __init__(self, kind: str, loss_name: str, dataset, message: str):
        super().__init__(message)
        self.kind, self.loss_name, self.dataset_name, self.n_classes = kind, loss_name, dataset.name, dataset.n_classes


def output_width(dataset, loss_name: str) -> int:
    """How many output units the loss needs for this dataset; :class:`LossMisfit` if they don't fit."""
    if dataset.task == "regression":
        if loss_name != "mse":
            raise LossMisfit("regression", loss_name, dataset,
                             f"{dataset.name} is a regression dataset: use the mse loss, not {loss_name}")
        return 1 if dataset.y_train.ndim == 1 else dataset.y_train.shape[1]
    if loss_name == "mse":
        raise LossMisfit("classification", loss_name, dataset,
                         f"{dataset.name} is a classification dataset: mse needs regression targets; "
                         f"use softmax_cross_entropy")
    if loss_name in CLASSIFICATION_LOSSES_WITH_ONE_OUTPUT:
        if dataset.task != "binary" and dataset.n_classes == 2:  # it said "is for two classes; xor has 2"
            raise LossMisfit("multiclass", loss_name, dataset,
                             f"the {loss_name} loss is for a binary task; {dataset.name}'s two classes are read as "
                             f"{dataset.task}: make its task binary, or use softmax_cross_entropy")
        if dataset.task != "binary":
            raise LossMisfit("two classes", loss_name, dataset,
                             f"the {loss_name} loss is for two classes; {dataset.name} has {dataset.n_classes}")
        return 1
    return dataset.n_classes


MAX_PARAMETERS = 100_000_000
"""Weights and biases a network may have: 0.4 GB a copy in float32, and training keeps
:data:`TRAINING_COPIES` of them."""
TRAINING_COPIES = 6
"""Arrays the size of the parameters while training: the weights, their gradients, the next step's
weights, an optimiser's two moments (Adam's m and v) and the best epoch's weights (the trainer's
``best_weights``)."""


class NetworkTooLargeError(ValueError):
    """The network asked for would not fit (see :func:`check_size`); ``field`` is the setting to change."""

    field = "network.hidden"


def physical_memory() -> int | None:
    """Bytes of RAM of this computer, or None where the system does not say."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def check_size(config: run_config.RunConfig, n_inputs: int, n_outputs: int) -> int:
    """The number of parameters of the network ``config`` builds, before anything is allocated;
    NetworkTooLargeError when there are more than :data:`MAX_PARAMETERS` or when training them would
    take more than 80 % of this computer's memory (a 10⁵ × 10⁵ layer asked for 37 GB and the window
    was left without a message)."""
    widths = [n_inputs] + [layer.units for layer in config.network.hidden] + [n_outputs]
    count = sum((fan_in + 1) * fan_out for fan_in, fan_out in zip(widths, widths[1:]))
    needed = count * np.dtype(config.network.dtype).itemsize * TRAINING_COPIES
    memory = physical_memory()
    if count > MAX_PARAMETERS or (memory is not None and needed > 0.8 * memory):
        has = f"; this computer has {memory / 1e9:.1f} GB" if memory is not None else ""
        raise NetworkTooLargeError(
            f"the network would have {count:,} parameters: training them takes about {needed / 1e9:.1f} GB "
            f"(weights, gradients and the optimiser's state){has}. At most {MAX_PARAMETERS:,} parameters: "
            f"use fewer units in the widest layers")
    return count


def network_widths(config: run_config.RunConfig) -> tuple[int, int] | None:
    """(inputs, outputs) of the network ``config`` builds, where they are known without reading a file or
    downloading: an image data set read from files has 28 × 28 inputs and ten classes, a table read through
    scikit-learn its known widths (:func:`core.datasets.without_examples`), a data set generated or embedded otherwise
    is loaded (offline, in a fraction of a second). None for a CSV file, for options a loaded data set refuses and
    for a loss that does not suit the data (the run says why when it is built)."""
    name = config.data.dataset
    try:
        dataset = datasets.without_examples(name)
        if dataset is None and name not in datasets.READ_FROM_FILES:
            dataset = load_data(config)
        return None if dataset is None else (dataset.n_features, output_width(dataset, config.loss.name))
    except ValueError:
        return None


def build_network(config: run_config.RunConfig, n_inputs: int, n_outputs: int, initialize: bool = True) -> Network:
    """Dense → [BatchNorm] → activation → [Dropout] for each hidden layer, then a Dense output
    (refused by :func:`check_size` when it would not fit). ``initialize=False`` leaves the weights at 0, for a
    network that only tells its parameters' names and shapes, or is filled from saved ones."""
    check_size(config, n_inputs, n_outputs)
    layers, width = [], n_inputs
    for hidden in config.network.hidden:
        layers.append(Dense(width, hidden.units, init=hidden.init))
        if hidden.batch_norm:
            layers.append(BatchNorm(hidden.units))
        layers.append(Activation(hidden.activation, **hidden.activation_options))
        if hidden.dropout > 0:
            layers.append(Dropout(hidden.dropout))
        width = hidden.units
    layers.append(Dense(width, n_outputs, init=config.network.output_init))
    return Network(layers, dtype=config.network.dtype, seed=config.training.seed, loss=config.loss.name,
                   initialize=initialize)


def build_optimizer(config: run_config.RunConfig):
    return optimizers.create(config.optimizer.name, **config.optimizer.options)


def build_schedule(config: run_config.RunConfig):
    if config.schedule.name == "constant":
        return None
    return schedules.create(config.schedule.name, lr0=config.optimizer.lr, **config.schedule.options)


def build_regularizer(config: run_config.RunConfig) -> Regularizer | None:
    reg = config.regularization
    if reg.l1 == 0 and reg.l2 == 0:
        return None
    return Regularizer(l1=reg.l1, l2=reg.l2, apply_to_biases=reg.apply_to_biases)


def build_augmenter(config: run_config.RunConfig, dataset):
    options = config.data.augmentation
    if not options or dataset.image_shape is None:
        return None
    from core.datasets.augment import Augmenter
    return Augmenter(dataset.image_shape, rng=np.random.default_rng([config.training.seed, 2]), **options)


def optimizer_key(name: str, options: dict) -> tuple:
    """What makes two optimisers the same one for a run going on: the name and the hyperparameters
    but the learning rate (which a schedule or the user changes as it trains)."""
    return name, sorted((key, list(value) if isinstance(value, tuple) else value)
                        for key, value in options.items() if key != "lr")


class Experiment:
    """A validated config with its dataset and network built, ready to make trainers."""

    def __init__(self, config: run_config.RunConfig, dataset=None, network: Network | None = None,
                 continues: "Experiment | None" = None):
        """``continues``: an experiment on the same ``network`` that this one trains further (settings
        changed between two runs): its optimiser and its state carry over, as :meth:`optimizer` says."""
        self.config = run_config.check(config)
        self.dataset = dataset if dataset is not None else load_data(config)
        n_outputs = output_width(self.dataset, config.loss.name)
        self.network = network or build_network(config, self.dataset.n_features, n_outputs)
        rates = [hidden.dropout for hidden in config.network.hidden]
        if network is not None and [rate > 0 for rate in network.dropout_rates] == [rate > 0 for rate in rates]:
            network.set_dropout(rates)  # a network trained on takes the settings' rates (0.5 after 0.2)
        self._optimizer = self._optimizer_key = None
        if continues is not None and continues.network is self.network:
            self._optimizer, self._optimizer_key = continues._optimizer, continues._optimizer_key
        if self.network.n_inputs != self.dataset.n_features:
            raise ValueError(f"the network takes {self.network.n_inputs} inputs but {self.dataset.name} "
                             f"has {self.dataset.n_features} features")

    def optimizer(self):
        """The run's optimiser, kept across trainers so that continuing a run keeps its state
        (Adam's moments, momentum); another optimiser or other hyperparameters build a new one,
        a new learning rate is simply set."""
        wanted = optimizer_key(self.config.optimizer.name, self.config.optimizer.options)
        if self._optimizer_key != wanted:
            self._optimizer, self._optimizer_key = build_optimizer(self.config), wanted
        self._optimizer.lr = self.config.optimizer.lr
        return self._optimizer

    def restore_optimizer(self, saved: dict) -> bool:
        """Go on with the optimiser state ``saved`` (:func:`core.runs.load_optimizer_state`) when it
        was the same optimiser with the same hyperparameters but the learning rate; False (the
        optimiser starts afresh) otherwise. ValueError when the state does not fit the network."""
        if optimizer_key(saved["optimizer"], saved["options"]) != optimizer_key(self.config.optimizer.name,
                                                                               self.config.optimizer.options):
            return False
        self.optimizer().load_state_arrays(saved["arrays"], [self.network.flat_parameters])
        return True

    def prepare(self) -> None:
        """Compile the kernels a run of this experiment uses, or load them from numba's disk cache
        (a trainer does it when it starts; a process forked afterwards inherits them)."""
        build_optimizer(self.config).prepare(self.network.dtype)  # not the run's own: a trainer may be using it
        self.network.prepare()

    def make_trainer(self, control: TrainingControl | None = None, **overrides) -> Trainer:
        config, dataset = self.config, self.dataset
        options = dict(batch_size=config.training.batch_size, epochs=config.training.epochs,
                       schedule=build_schedule(config), schedule_unit=config.schedule.unit,
                       regularizer=build_regularizer(config), patience=config.training.patience,
                       seed=config.training.seed, augment=build_augmenter(config, dataset), control=control)
        options.update(overrides)
        return Trainer(self.network, self.optimizer(), dataset.X_train, dataset.y_train,
                       dataset.X_val, dataset.y_val, **options)
