"""The run configuration: everything needed to reproduce a run, as JSON-serialisable dataclasses.

The GUI binds its widgets to one :class:`RunConfig`, the command line reads one from a file, and
saved runs store one. :func:`validate` lists every problem with the field's path, the value and
what is allowed; :meth:`RunConfig.from_dict` migrates older ``schema_version``s and refuses newer.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import json
import pickle
import sys
from dataclasses import dataclass, field

from core import activations, initializers, losses, optimizers, schedules
from core._checks import NUMBER_RULES, JsonSyntaxError, NumberError, RuleError, check_number, json_kind
from core.layers import BatchNorm

SCHEMA_VERSION = 3
SCALINGS = ("default", "standardize", "unit", "none")
MAX_HIDDEN_LAYERS = 32
"""Deeper than any lecture's network (lab 7's has 8): 300 layers took the window 14 s to draw."""


@dataclass
class DataConfig:
    """Which dataset, its own options (noise, n_samples, path, …), the split and the scaling.

    ``scaling`` scales the features, ``target_scaling`` the targets of regression data (the label column),
    both fitted on the training split (:mod:`core.datasets.dataset`): one of :data:`SCALINGS`, "default"
    leaving the data set's own (the features: what suits them; the targets: none, diabetes' standardised).
    Class labels are never scaled: ``target_scaling`` does not apply to classification data.
    """

    dataset: str = "digits"
    options: dict = field(default_factory=dict)
    validation_split: float = 0.1
    scaling: str = "default"
    target_scaling: str = "default"
    augmentation: dict = field(default_factory=dict)


@dataclass
class LayerConfig:
    """A hidden layer: Dense(units) → [BatchNorm] → activation → [Dropout]."""

    units: int = 64
    activation: str = "relu"
    activation_options: dict = field(default_factory=dict)
    init: str = "he_uniform"
    batch_norm: bool = False
    dropout: float = 0.0


@dataclass
class NetworkConfig:
    hidden: list = field(default_factory=lambda: [LayerConfig()])
    output_init: str = "xavier_uniform"
    dtype: str = "float32"

    @property
    def fewest_training_rows(self) -> int:
        """The fewest examples a training batch of this network may hold (a last batch with fewer joins the
        one before, see :func:`core.trainer.batch_starts`): the built network's ``min_training_batch``."""
        return BatchNorm.min_training_rows if any(layer.batch_norm for layer in self.hidden) else 1


@dataclass
class LossConfig:
    name: str = "softmax_cross_entropy"


@dataclass
class OptimizerConfig:
    """An optimiser and its torch-named hyperparameters (``lr`` is the base learning rate)."""

    name: str = "adam"
    options: dict = field(default_factory=lambda: {"lr": 0.001})

    @property
    def lr(self) -> float:
        return float(self.options.get("lr", optimizers.create(self.name).lr))


@dataclass
class ScheduleConfig:
    """A learning-rate schedule, applied per ``step`` or per ``epoch``."""

    name: str = "constant"
    options: dict = field(default_factory=dict)
    unit: str = "step"


@dataclass
class RegularizationConfig:
    l1: float = 0.0
    l2: float = 0.0
    apply_to_biases: bool = False


@dataclass
class TrainingConfig:
    epochs: int = 20
    batch_size: int = 32
    patience: int | None = None
    seed: int = 0


@dataclass
class RunConfig:
    name: str = "untitled run"
    data: DataConfig = field(default_factory=DataConfig)
    network: NetworkConfig = field(default_factory=NetworkConfig)
    loss: LossConfig = field(default_factory=LossConfig)
    optimizer: OptimizerConfig = field(default_factory=OptimizerConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    regularization: RegularizationConfig = field(default_factory=RegularizationConfig)
    training: TrainingConfig = field(default_factory=TrainingConfig)
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict:
        """Every field as plain values, of :data:`SCHEMA_VERSION`: what comparisons and dotted paths read."""
        return dataclasses.asdict(self)

    def to_file_dict(self) -> dict:
        """What a file keeps of the configuration (:meth:`to_json`; a model file's and a lab result's record):
        :meth:`to_dict` without the fields of :data:`ADDED_FIELDS` that hold the value meaning what files without
        them meant, and with the ``schema_version`` of the oldest schema that has every field it keeps
        (:func:`written_version`). An older MLP Workbench thus opens a file that uses nothing it lacks, and
        refuses one that does by its version ("written by a newer MLP Workbench"), not by an unknown field."""
        raw = self.to_dict()
        for (section, name), (_, neutral) in ADDED_FIELDS.items():
            if raw[section][name] == neutral:
                del raw[section][name]
        raw["schema_version"] = written_version(raw)
        return raw

    def to_json(self, keep_non_finite: bool = False) -> str:
        """The configuration file's text. A number that is not finite (an η typed as "inf") has no JSON and is
        refused (ValueError), unless ``keep_non_finite``: then it is written as Python's json module writes and
        reads it (Infinity, NaN), for a file kept as typed that only this program reads."""
        return json.dumps(self.to_file_dict(), indent=2, ensure_ascii=False, allow_nan=keep_non_finite)

    def copy(self) -> "RunConfig":
        """A deep copy. Through pickle, which copies its plain values ~2× faster than ``copy.deepcopy``:
        the window copies the configuration several times at every edit."""
        return pickle.loads(pickle.dumps(self, pickle.HIGHEST_PROTOCOL))

    @classmethod
    def from_dict(cls, raw: dict) -> "RunConfig":
        """Build a config from parsed JSON, migrating older schema versions.

        Unknown keys, wrong types and future versions raise ValueError naming the field.
        """
        if not isinstance(raw, dict):
            raise NotAnObjectError(raw)
        raw = migrate(raw)
        return _build(cls, raw, "")

    @classmethod
    def from_json(cls, text: str) -> "RunConfig":
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as error:
            raise JsonSyntaxError(error) from None
        except RecursionError:
            raise ValueError("the configuration nests lists or objects thousands deep: it is not a run "
                             "configuration") from None
        except ValueError:  # an integer of more digits than Python reads
            raise ValueError(f"the configuration holds a number of more than {sys.get_int_max_str_digits():,} "
                             f"digits: no setting takes one; correct the file") from None
        return cls.from_dict(raw)


_NESTED = {"data": DataConfig, "network": NetworkConfig, "loss": LossConfig, "optimizer": OptimizerConfig,
           "schedule": ScheduleConfig, "regularization": RegularizationConfig, "training": TrainingConfig}


def _build(kind, raw: dict, path: str):
    known = {f.name: f for f in dataclasses.fields(kind)}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise UnknownFieldError(f"{path}{unknown[0]!s}", known)
    values = {}
    for name, value in raw.items():
        where = f"{path}{name}"
        if kind is RunConfig and name in _NESTED:
            if not isinstance(value, dict):
                raise StructureError(where, "object", got=value)
            value = _build(_NESTED[name], value, where + ".")
        elif kind is NetworkConfig and name == "hidden":
            if not isinstance(value, list):
                raise StructureError(where, "layers", got=value)
            built = []
            for index, layer in enumerate(value):
                if not isinstance(layer, dict):
                    raise StructureError(f"{where}[{index}]", "object", got=layer)
                built.append(_build(LayerConfig, layer, f"{where}[{index}]."))
            value = built
        elif _holds_object(known[name]) and not isinstance(value, dict):
            # A list where the panels expect an object of options broke the window that opened on it.
            raise StructureError(where, "object", got=value)
        values[name] = value
    return kind(**values)


def _holds_object(field: dataclasses.Field) -> bool:
    """Whether a field holds an object of named values (options, augmentation, …): its default is one."""
    return field.default_factory is not dataclasses.MISSING and isinstance(field.default_factory(), dict)


# Each entry turns a config of version v into one of version v + 1.
MIGRATIONS: dict[int, callable] = {
    0: lambda raw: _rate_moved_into_the_optimizer(raw),
    1: lambda raw: _renamed_activation(raw, "hard_sigmoid", "piecewise_linear"),
    2: lambda raw: raw,  # version 3 added data.target_scaling, whose "default" is what version 2 did
}
# A migration leaves what is not of the shape it expects as it is, for validation to report by its field.

ADDED_FIELDS = {("data", "target_scaling"): (3, "default")}
"""Fields that a schema version added — (section, name): (that version, the value meaning what older files meant
without the field) — which :meth:`RunConfig.to_file_dict` writes only when they hold another value."""

OLDEST_WRITTEN_VERSION = 2
"""The schema of a file that uses none of :data:`ADDED_FIELDS`. A change that is not such an added field (a field
renamed, a meaning changed: a migration that rewrites files) raises it to the new :data:`SCHEMA_VERSION`."""


def written_version(raw: dict) -> int:
    """The oldest schema version that reads ``raw`` (a configuration as a file keeps it) as it is meant: the
    version that added the newest of :data:`ADDED_FIELDS` it holds, else :data:`OLDEST_WRITTEN_VERSION`."""
    return max((version for (section, name), (version, _) in ADDED_FIELDS.items() if name in raw[section]),
               default=OLDEST_WRITTEN_VERSION)


def _rate_moved_into_the_optimizer(raw: dict) -> dict:
    """Version 0's top-level ``learning_rate`` becomes the optimiser's ``lr``."""
    optimizer = raw.get("optimizer", {"name": "adam"})
    if not isinstance(optimizer, dict) or not isinstance(optimizer.get("options", {}), dict):
        return raw
    rate = {"lr": raw["learning_rate"]} if "learning_rate" in raw else {}
    return {**{key: value for key, value in raw.items() if key != "learning_rate"},
            "optimizer": {**optimizer, "options": {**optimizer.get("options", {}), **rate}}}


def _renamed_activation(raw: dict, old: str, new: str) -> dict:
    """``raw`` with every hidden layer's activation ``old`` called ``new`` (what is not a layer is left
    for validation to report)."""
    network = raw.get("network")
    if not isinstance(network, dict) or not isinstance(network.get("hidden"), list):
        return raw
    hidden = [{**layer, "activation": new} if isinstance(layer, dict) and layer.get("activation") == old else layer
              for layer in network["hidden"]]
    return {**raw, "network": {**network, "hidden": hidden}}


def migrate(raw: dict) -> dict:
    """Bring a parsed config up to :data:`SCHEMA_VERSION`.

    Version 0 (the unreleased draft) kept the learning rate at the top level as ``learning_rate``;
    version 1 called the piece-wise linear activation ``hard_sigmoid``, the name other libraries
    give other functions; version 2 had no ``data.target_scaling`` (read as "default"; files that a
    build between the two wrote with it and version 2 are read as they are).
    """
    version = raw.get("schema_version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise NumberError("schema_version", "whole number", got=version)
    if version < 0:
        raise NumberError("schema_version", "≥", 0, version)
    if version > SCHEMA_VERSION:
        raise NewerConfigError(version)
    raw = copy.deepcopy(raw)
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
        raw["schema_version"] = version
    return raw


PROBLEMS = {"choice": "choose one of: {bound}", "text": "must be a text", "true or false": "must be true or false",
            "dtype": "choose float32 or float64", "unit": "choose step or epoch",
            "hyperparameters": "must be an object of hyperparameters",
            "data options": "must be an object of the data set's options",
            "strengths": "must be an object of strengths", "layers": "must be a list of layers",
            "object": "must be an object {{…}}",
            "too deep": "at most {bound} hidden layers (the views draw every layer)",
            "lr0": "lr0 comes from the optimiser's lr; remove it",
            "batch norm": "batch normalisation needs batches of at least 2 examples (it divides by their spread); "
                          "raise the batch size or switch batch norm off"}
"""What :func:`validate` says of a value that is not a number out of its rules, in English, by rule (the
``rule`` of its :class:`ConfigError`; ``{bound}`` is the error's ``bound``): a window words them in its language."""


class StructureError(RuleError):
    """A part of a configuration file that is not of the kind its field holds (``loss`` given 7, not an object):
    ``what`` is the field, ``rule`` the rule of :data:`PROBLEMS` it breaks, ``got`` the value, from which a window
    words it in its own language, as it does a rule a value breaks (:class:`ConfigError`)."""

    rules = PROBLEMS


FILE_RULES = {"flag": "true or false"}
"""The rules of ``core._checks.VALUE_RULES`` that a configuration words as its own, by the rule of :data:`PROBLEMS` it
gives instead: a file writes a flag as JSON does, true or false, not the engine's (Python's) "True or False"."""


OPTIONS = " options"
"""What :func:`validate` adds to a component's field to report its hyperparameters: "optimizer.name options"."""


@dataclass(frozen=True)
class ConfigError:
    """One problem: the dotted path of the field, its value, and what is allowed.

    A number outside its rules also gives the rule (a key of ``_checks.NUMBER_RULES``) and its
    bound, and for a component's hyperparameter its name (``subject``, "adam lr") and the number
    given (``got``); a component's hyperparameter that is not a number, or not one of its names,
    the same with a rule of ``_checks.VALUE_RULES`` ("adam betas", "pair", got "y"; a flag's is the rule
    :data:`FILE_RULES` gives); another value the rule of :data:`PROBLEMS` it breaks, and its bound: what a
    window needs to word the ``message`` in its own language. Without a rule (a component's check that names
    none) the ``message`` is the engine's English.
    """

    field: str
    value: object
    message: str
    rule: str = ""
    bound: object = None
    subject: str = ""
    got: object = None

    def __str__(self) -> str:
        return f"{self.field} = {as_written(self.value)}: {self.message}"


def as_written(value) -> str:
    """``value`` as a configuration file writes it (JSON: true, null, "text"), else as Python does."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return repr(value)


def _problem(where: str, value, rule: str, bound=None) -> ConfigError:
    """The :class:`ConfigError` of a value at ``where`` that breaks the rule ``rule`` of :data:`PROBLEMS`."""
    return ConfigError(where, value, PROBLEMS[rule].format(bound=bound), rule, bound)


def _expect_number(errors, where, value, **rules):
    """Add a ConfigError when ``value`` breaks ``rules`` (those of :func:`core._checks.check_number`)."""
    try:
        check_number(where, value, **rules)
    except NumberError as error:
        errors.append(ConfigError(where, value, NUMBER_RULES[error.rule].format(bound=error.bound), error.rule,
                                  error.bound))


@functools.cache
def _hyperparameter_names(registry_module, name: str) -> tuple[str, ...]:
    """The hyperparameters a configuration may give the component ``name`` (found once: the window
    validates its configuration several times at every edit)."""
    return tuple(registry_module.create(name).hyperparameters)


def _component_problem(where: str, options: dict, error: ValueError) -> ConfigError:
    """The :class:`ConfigError` of a component's hyperparameters ``options`` that ``error`` refused: with its rule,
    bound, subject and the value given when it names them."""
    if isinstance(error, RuleError) and error.rule in FILE_RULES:
        rule = FILE_RULES[error.rule]
        return ConfigError(where + OPTIONS, options, f"{error.what} {PROBLEMS[rule]}, got {error.got!r}", rule, None,
                           error.what, error.got)
    if isinstance(error, RuleError):
        return ConfigError(where + OPTIONS, options, str(error), error.rule, error.bound, error.what, error.got)
    return ConfigError(where + OPTIONS, options, str(error))


def _expect_component(errors, where, registry_module, name, options, context: dict | None = None):
    """Add a ConfigError for every problem of the component ``name`` with the hyperparameters ``options``.

    ``context``: arguments made with the component but not the user's options (a schedule's lr0).
    """
    if name not in registry_module.names():
        errors.append(_problem(where, name, "choice", ", ".join(registry_module.names())))
        return
    if not isinstance(options, dict):
        errors.append(_problem(where + OPTIONS, options, "hyperparameters"))
        return
    context = context or {}
    # A schedule's lr0 comes from the optimiser: create's own check of the names, for Python callers, accepts it.
    accepted = _hyperparameter_names(registry_module, name)
    if all(key in accepted for key in options):
        try:
            registry_module.create(name, **options, **context)
            return  # the window validates at every edit: valid options cost one construction, as they always did
        except ValueError:
            pass
    errors.extend(_component_problems(where, registry_module, name, accepted, options, context))


def _component_problems(where, registry_module, name, accepted, options, context) -> list[ConfigError]:
    """Every problem of the component ``name`` with the hyperparameters ``options``, of which ``accepted`` are its.

    A constructor stops at its first error, so each option is tried alone beside the defaults (the user learnt of
    a bad amsgrad only once a bad lr was corrected): a problem of the defaults themselves is not the option's (a
    cycle's default top below an lr0 of 1, which the user's max_lr may replace). The options together are tried
    too, for a rule of two values (a cosine's lr_min beside lr0) and the defaults' problems that stand.
    """
    problems = []

    def add(problem: ConfigError | None) -> None:
        if problem is not None and problem not in problems:  # the options together fail at one of theirs
            problems.append(problem)

    unknown = next((key for key in options if key not in accepted), None)
    if unknown is not None:
        add(_component_problem(where, options, RuleError(
            name, "hyperparameter names" if accepted else "no hyperparameters", ", ".join(accepted), unknown)))
    known = {key: value for key, value in options.items() if key in accepted}
    of_the_defaults = _creation_problem(where, registry_module, name, options, {}, context)
    for key, value in known.items():
        problem = _creation_problem(where, registry_module, name, options, {key: value}, context)
        if problem != of_the_defaults:
            add(problem)
    add(_creation_problem(where, registry_module, name, options, known, context))
    return problems


def _creation_problem(where, registry_module, name, options, trial, context) -> ConfigError | None:
    """The problem, reported at the hyperparameters ``options``, of creating the component ``name`` with those of
    ``trial`` and ``context``, or None."""
    try:
        registry_module.create(name, **trial, **context)
    except ValueError as error:  # RuleError among them
        return _component_problem(where, options, error)
    return None


def _schedule_lr0(optimizer: OptimizerConfig) -> float | None:
    """The rate η₀ a schedule starts from: the optimiser's lr; of an invalid optimiser, the lr it is given, else
    its own default, when that is a rate (≥ 0); None when no rate can be read (a schedule judged against a
    made-up one got a second, misleading problem: "lr_min must be ≤ 0.01" beside an lr of 0.5)."""
    try:
        return float(optimizers.create(optimizer.name, **optimizer.options).lr)
    except (ValueError, TypeError):
        pass
    options = optimizer.options if isinstance(optimizer.options, dict) else {}
    if "lr" in options:
        given = options["lr"]
    elif optimizer.name in optimizers.names():
        given = optimizers.create(optimizer.name).lr
    else:
        return None
    try:
        return check_number("lr", given, low=0.0)
    except NumberError:
        return None


def _expect_schedule(errors, schedule: ScheduleConfig, lr0: float | None) -> None:
    """Add the schedule's problems, judged beside the optimiser's rate ``lr0``; without one, only those that
    stand whatever the rate is: the problems it has both beside a rate of 0 and beside the largest float (a
    floor of the decay must be ≤ η₀, a cycle's top ≥ η₀)."""
    if lr0 is not None:
        _expect_component(errors, "schedule.name", schedules, schedule.name, schedule.options, {"lr0": lr0})
        return
    beside_zero, beside_most = [], []
    _expect_component(beside_zero, "schedule.name", schedules, schedule.name, schedule.options, {"lr0": 0.0})
    _expect_component(beside_most, "schedule.name", schedules, schedule.name, schedule.options,
                      {"lr0": sys.float_info.max})
    errors.extend(problem for problem in beside_zero if problem in beside_most)


def validate(config: RunConfig, dataset_names=None) -> list[ConfigError]:
    """Every problem of ``config``, or an empty list. ``dataset_names`` defaults to the registry's."""
    errors: list[ConfigError] = []
    if dataset_names is None:
        from core import datasets
        dataset_names = datasets.names()
    if not isinstance(config.name, str):
        errors.append(_problem("name", config.name, "text"))
    data = config.data
    if data.dataset not in dataset_names:
        errors.append(_problem("data.dataset", data.dataset, "choice", ", ".join(dataset_names)))
    if not isinstance(data.options, dict):
        errors.append(_problem("data.options", data.options, "data options"))
    _expect_number(errors, "data.validation_split", data.validation_split, low=0.0, high=0.9)
    for where, scaling in (("data.scaling", data.scaling), ("data.target_scaling", data.target_scaling)):
        if scaling not in SCALINGS:
            errors.append(_problem(where, scaling, "choice", ", ".join(SCALINGS)))
    if not isinstance(data.augmentation, dict):
        errors.append(_problem("data.augmentation", data.augmentation, "strengths"))
    elif data.augmentation:
        from core.datasets.augment import Augmenter
        try:
            Augmenter((28, 28), **{key: value for key, value in data.augmentation.items() if key != "rng"})
        except (ValueError, TypeError) as error:
            allowed = ", ".join(key for key in Augmenter((1, 1)).hyperparameters)
            errors.append(ConfigError("data.augmentation", data.augmentation, f"{error} (strengths: {allowed})"))
    if not isinstance(config.network.hidden, list):
        errors.append(_problem("network.hidden", config.network.hidden, "layers"))
    elif len(config.network.hidden) > MAX_HIDDEN_LAYERS:
        errors.append(_problem("network.hidden", len(config.network.hidden), "too deep", MAX_HIDDEN_LAYERS))
    else:
        for index, layer in enumerate(config.network.hidden):
            where = f"network.hidden[{index}]"
            _expect_number(errors, where + ".units", layer.units, low=1, high=100_000, integer=True)
            _expect_component(errors, where + ".activation", activations, layer.activation, layer.activation_options)
            _expect_component(errors, where + ".init", initializers, layer.init, {})
            _expect_number(errors, where + ".dropout", layer.dropout, low=0.0, high=1.0, high_open=True)
            if not isinstance(layer.batch_norm, bool):
                errors.append(_problem(where + ".batch_norm", layer.batch_norm, "true or false"))
    _expect_component(errors, "network.output_init", initializers, config.network.output_init, {})
    if config.network.dtype not in ("float32", "float64"):
        errors.append(_problem("network.dtype", config.network.dtype, "dtype"))
    _expect_component(errors, "loss.name", losses, config.loss.name, {})
    _expect_component(errors, "optimizer.name", optimizers, config.optimizer.name, config.optimizer.options)
    if config.schedule.unit not in ("step", "epoch"):
        errors.append(_problem("schedule.unit", config.schedule.unit, "unit"))
    if isinstance(config.schedule.options, dict) and "lr0" in config.schedule.options:
        errors.append(_problem("schedule.options", config.schedule.options, "lr0"))
    else:
        # A schedule starts from the optimiser's rate η₀: a cycle's top or a decay's floor is checked against it.
        _expect_schedule(errors, config.schedule, _schedule_lr0(config.optimizer))
    _expect_number(errors, "regularization.l1", config.regularization.l1, low=0.0)
    _expect_number(errors, "regularization.l2", config.regularization.l2, low=0.0)
    biases = config.regularization.apply_to_biases
    if not isinstance(biases, bool):
        errors.append(_problem("regularization.apply_to_biases", biases, "true or false"))
    training = config.training
    _expect_number(errors, "training.epochs", training.epochs, low=1, high=1_000_000, integer=True)
    _expect_number(errors, "training.batch_size", training.batch_size, low=1, high=10_000_000, integer=True)
    if training.batch_size == 1 and any(getattr(layer, "batch_norm", False) is True for layer in config.network.hidden):
        errors.append(_problem("training.batch_size", 1, "batch norm"))
    if training.patience is not None:
        _expect_number(errors, "training.patience", training.patience, low=1, integer=True)
    _expect_number(errors, "training.seed", training.seed, low=0, high=2**32 - 1, integer=True)
    return errors


class NewerConfigError(ValueError):
    """A configuration of a newer ``version`` of the schema than :data:`SCHEMA_VERSION`, read from ``path`` if not
    None: checked before its fields, so that it is refused by its version and not by a field this one lacks."""

    def __init__(self, version: int, path=None):
        self.version, self.path = version, path
        message = (f"this configuration has schema_version {version}, written by a newer MLP Workbench; this "
                   f"version reads up to {SCHEMA_VERSION}. Update the application to open it.")
        super().__init__(message if path is None else f"{path}: {message}")


class UnknownFieldError(ValueError):
    """A field no run configuration has (``field``, its dotted path: "training.epoch") where ``allowed`` are the fields
    of its part, read from ``path`` if not None: what a window needs to word it in its own language."""

    def __init__(self, field: str, allowed, path=None):
        self.field, self.allowed, self.path = field, tuple(allowed), path
        message = f"unknown field {field}; allowed fields: {', '.join(self.allowed)}"
        super().__init__(message if path is None else f"{path}: {message}")


class NotAnObjectError(ValueError):
    """A run configuration that is no JSON object {…} but ``got`` (``null``, a list …), read from ``path`` if not None:
    :attr:`kind` says what it is in JSON's words, which a window words in its own language."""

    def __init__(self, got, path=None):
        self.got, self.kind, self.path = got, json_kind(got), path
        message = f"a run configuration must be a JSON object {{…}}, got {self.kind}"
        super().__init__(message if path is None else f"{path}: {message}")


class InvalidConfigError(ValueError):
    """A run configuration with problems (:func:`validate`'s ``errors``), read from ``path`` if not None."""

    def __init__(self, errors: list[ConfigError], path=None):
        self.errors, self.path = list(errors), path
        listed = "invalid run configuration:\n" + "\n".join(f"  {error}" for error in self.errors)
        super().__init__(listed if path is None else f"{path}: {listed}")


def check(config: RunConfig) -> RunConfig:
    """Return ``config`` if it is valid, else raise :class:`InvalidConfigError` listing every problem."""
    errors = validate(config)
    if errors:
        raise InvalidConfigError(errors)
    return config


def load(path) -> RunConfig:
    """Read and validate a config file; every failure is a ValueError with a clear message."""
    try:
        with open(path, encoding="utf-8-sig") as handle:  # a byte order mark, as Notepad writes it, is no JSON
            text = handle.read()
    except OSError as error:
        raise ValueError(f"cannot read the configuration {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not a text file (expected a JSON run configuration)") from None
    try:
        return check(RunConfig.from_json(text))
    except InvalidConfigError as error:
        raise InvalidConfigError(error.errors, path) from None
    except NewerConfigError as error:
        raise NewerConfigError(error.version, path) from None
    except UnknownFieldError as error:
        raise UnknownFieldError(error.field, error.allowed, path) from None
    except NotAnObjectError as error:
        raise NotAnObjectError(error.got, path) from None
    except JsonSyntaxError as error:
        raise error.at(path) from None
    except RuleError as error:  # a part of another kind: still the rule it breaks, which a window words
        raise type(error)(f"{path}: {error.what}", error.rule, error.bound, error.got) from None
    except ValueError as error:  # which file: a run's config.json, or one the user opened
        raise ValueError(f"{path}: {error}") from None
