"""Teaching labs: each lecture's experiment as a lab that opens in one click, in English and Russian.

A lab is a folder ``resources/labs/<NN-slug>/`` (``NN`` its number) holding

* ``lab.json`` — what the workbench sets up::

    {
      "id": "04-xnor",                        the folder's name
      "number": 4,
      "title":   {"en": "...", "ru": "..."},  every text has "en"; "ru" (or another of
      "summary": {"en": "...", "ru": "..."},  LANGUAGES) may follow, English fills gaps
      "lectures": ["001"],                    which lectures it reproduces (file name prefixes)
      "views": ["loss", {"name": "variants", "x_axis": "samples_seen"}, ...],
      "locked": ["data.dataset", "training.seed", ...],
      "hidden": ["regularization", "schedule", ...],
      "goal": {"metric": "val_accuracy", "at_least": 0.95},      or null
      "variants": [
        {"name": "hand_set", "title": {...}, "config": {RunConfig JSON},
         "weights": {"layer0.W": [[20, -20], [20, -20]], "layer0.b": [-30, 10], ...}},
        ...
      ]
    }

  ``views`` are names from :data:`VIEWS` (a bare name, or an object with options). ``locked``
  and ``hidden`` are dotted paths into the run configuration: a locked field's control is shown
  but disabled, a hidden one's is not shown; a path through ``network.hidden`` (a list) names that
  field of every layer, and a path covers every field below it (:meth:`Lab.locks`, :meth:`Lab.hides`). ``variants`` are the runs the lab compares (the first opens by default);
  ``weights`` hand-set parameters by their network names (``layer<i>.W``/``layer<i>.b``, ``i``
  counting every layer: Dense, activation, batch norm, dropout), over the seeded initialisation.
* ``sheet.en.md``, ``sheet.ru.md`` — the task sheets: formulas, what to do, what to look for.

:func:`names` lists the labs, :func:`load` reads and validates one, :func:`build` turns a variant
into an :class:`~core.experiment.Experiment` with its hand-set weights in place, and
:func:`run_variants` trains several variants one after another under one control (the "variants" view).

**Teacher mode.** :func:`export_result` writes a student's result (configuration, curves, final
metrics, whether the goal was met and whether locked fields were left alone) as one JSON file;
:func:`collect_results` reads a folder of them into a table. :func:`lab_pack` writes everything a
lab machine needs offline into one folder: the labs, the data-set files they use and the shipped
model. With ``MLP_WORKBENCH_DATA`` pointing at a pack, its ``labs/`` come before the shipped ones,
so a teacher can hand out edited labs.
"""
from __future__ import annotations

import dataclasses
import json
import math
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import numpy as np

from core import activations, surfaces
from core import config as run_config
from core._checks import check_number
from core.datasets.locations import shared_data_folder
from core.experiment import Experiment, data_key, load_data
from core.languages import read_texts, text_in
from core.model_io import write_text_atomically
from core.trainer import TrainingControl, evaluate

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
SHIPPED_LABS = RESOURCES / "labs"
SHIPPED_MODELS = RESOURCES / "models"
LAB_ID = re.compile(r"^\d\d-[a-z0-9]+(-[a-z0-9]+)*$")
VARIANT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
SPLITS = ("train", "val", "test")
GOAL_METRICS = tuple(f"{split}_{metric}" for split in SPLITS for metric in ("loss", "accuracy", "r2"))
RESULT_FORMAT = "mlp-workbench lab result"
RESULT_VERSION = 1


# ----------------------------------------------------------------------------- the views a lab opens
# An option's check(value, view, lab) gets the view's other options and the raw lab.json, and raises
# ValueError saying what is allowed.
def _choice(allowed):
    def check(value, view, lab):
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of: {', '.join(allowed)}")
    return check


def _names_from(allowed_of, at_least: int = 1):
    """A list of at least ``at_least`` distinct names, each in ``allowed_of(raw lab)``."""
    def check(value, view, lab):
        allowed = allowed_of(lab)
        if not isinstance(value, list) or len(value) < at_least or len(set(value)) != len(value):
            raise ValueError(f"must be a list of at least {at_least} distinct names, got {value!r}")
        unknown = [name for name in value if name not in allowed]
        if unknown:
            raise ValueError(f"unknown {unknown[0]!r}; choose from: {', '.join(map(str, allowed))}")
    return check


def _variant_names(lab: dict) -> list:
    return [variant.get("name") for variant in lab.get("variants", []) if isinstance(variant, dict)]


def _surface_options(value, view, lab):
    if not isinstance(value, dict):
        raise ValueError(f"must be an object of the surface's hyperparameters, got {value!r}")
    surfaces.create(view.get("surface"), **value)


#: name → (what it shows, {option: check}). The GUI maps each name to a view.
VIEWS = {
    "loss": ("loss, accuracy and learning rate per step and per epoch", {}),
    "weights": ("weight and bias histograms per layer, over the initial ones", {}),
    "gradients": ("gradient norm of each Dense layer per step; activation mean ± std, "
                  "saturated and dead units per layer", {}),
    "unit_images": ("each first-layer unit's incoming weights drawn as an image", {}),
    "confusion": ("confusion matrix and the most confident mistakes", {}),
    "boundary": ("decision boundary of 2-D data", {}),
    "network": ("the weights of a small network drawn on its graph", {}),
    "draw": ("draw a digit and see it classified", {}),
    "activation_functions": ("each activation φ(z) and its derivative φ'(z), plotted",
                             {"functions": _names_from(lambda lab: activations.names())}),
    "variants": ("the lab's variants run one after another, their curves overlaid",
                 {"x_axis": _choice(("epoch", "step", "samples_seen", "time")),
                  "variants": _names_from(_variant_names, at_least=2)}),
    "compare": ("core.race: the variants as a fair optimiser race (same weights, same batches)",
                {"contenders": _names_from(_variant_names, at_least=2)}),
    "playground": ("core.surfaces: optimisers' paths, and Newton's method, on a 2-D loss surface",
                   {"surface": _choice(surfaces.names()), "surface_options": _surface_options,
                    "methods": _names_from(lambda lab: surfaces.optimizer_names())}),
    "gradient_check": ("core.gradient_check: backpropagation against central differences, tensor by tensor",
                       {}),
}


# ----------------------------------------------------------------------------- what a lab is
@dataclass(frozen=True)
class ViewSpec:
    name: str
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Goal:
    """Reach ``metric`` ≥ ``at_least`` (or ≤ ``at_most``); ``variant`` limits it to one variant."""

    metric: str
    at_least: float | None = None
    at_most: float | None = None
    variant: str | None = None

    def applies_to(self, variant_name: str) -> bool:
        return self.variant is None or self.variant == variant_name

    def met(self, metrics: dict) -> bool | None:
        """Whether ``metrics`` (as from :func:`final_metrics`) reach the goal; None if the metric is missing."""
        value = metrics.get(self.metric)
        if value is None or not math.isfinite(value):
            return None
        return value >= self.at_least if self.at_least is not None else value <= self.at_most

    @property
    def split(self) -> str:
        """The split whose metric the goal is on: "train", "val" or "test"."""
        return self.metric.split("_", 1)[0]

    def to_dict(self) -> dict:
        return {key: value for key, value in (("metric", self.metric), ("at_least", self.at_least),
                                              ("at_most", self.at_most), ("variant", self.variant))
                if value is not None}


@dataclass(frozen=True, eq=False)
class Variant:
    """One run of a lab. ``config`` is shared by every user of the lab: copy it before changing it.
    ``weights`` are read-only float64 arrays keyed by network parameter name."""

    name: str
    title: dict
    config: run_config.RunConfig
    weights: dict


@dataclass(frozen=True, eq=False)
class Lab:
    id: str
    number: int
    title: dict
    summary: dict
    lectures: tuple
    views: tuple
    locked: tuple
    hidden: tuple
    goal: Goal | None
    variants: tuple
    folder: Path

    def variant(self, name: str | None = None) -> Variant:
        """The variant ``name``, or the first one."""
        if name is None:
            return self.variants[0]
        for variant in self.variants:
            if variant.name == name:
                return variant
        raise ValueError(f"lab {self.id} has no variant {name!r}; its variants are: "
                         f"{', '.join(variant.name for variant in self.variants)}")

    def chosen_variants(self, names=None) -> list[Variant]:
        """The variants ``names`` in that order (default: all, in the lab's order); ValueError if
        none is chosen, or a name is not one of the lab's variants or is repeated."""
        chosen = list(self.variants) if names is None else [self.variant(name) for name in names]
        if not chosen:
            raise ValueError(f"lab {self.id}: choose at least one variant; its variants are: "
                             f"{', '.join(variant.name for variant in self.variants)}")
        repeated = sorted({variant.name for variant in chosen if chosen.count(variant) > 1})
        if repeated:
            raise ValueError(f"lab {self.id}: variant {repeated[0]!r} is chosen twice; choose each at most once")
        return chosen

    def locks(self, field: str) -> bool:
        """Whether the control of ``field`` (a dotted path; a layer index such as
        ``network.hidden[2].units`` is ignored) is locked: it or a path above it is in ``locked``."""
        return _covered(field, self.locked)

    def hides(self, field: str) -> bool:
        """Whether the control of ``field`` is hidden (see :meth:`locks`)."""
        return _covered(field, self.hidden)

    def sheet(self, language: str = "en") -> str:
        """The task sheet (Markdown) in ``language``, or in English if there is none in it."""
        path = self.folder / f"sheet.{language}.md"
        if not path.is_file():
            path = self.folder / "sheet.en.md"
        return path.read_text(encoding="utf-8")


def _covered(field: str, paths: tuple) -> bool:
    keys = [key for key in re.sub(r"\[\d+\]", "", field).split(".") if not key.isdigit()]
    return any(keys[:len(path.split("."))] == path.split(".") for path in paths)


# ----------------------------------------------------------------------------- finding and reading labs
def lab_folders() -> list[Path]:
    """Where labs are looked for, first wins: ``$MLP_WORKBENCH_DATA/labs`` (a lab pack), then the shipped ones."""
    shared = shared_data_folder()
    folders = [shared / "labs"] if shared is not None and (shared / "labs").is_dir() else []
    return folders + [SHIPPED_LABS]


def _lab_paths() -> dict[str, Path]:
    found = {}
    for base in lab_folders():
        if base.is_dir():
            for folder in sorted(base.iterdir()):
                if LAB_ID.match(folder.name) and (folder / "lab.json").is_file():
                    found.setdefault(folder.name, folder)
    return found


def names() -> list[str]:
    """The labs' ids in order of their numbers (``01-perceptron``, ``02-…``)."""
    return sorted(_lab_paths())


def load(lab_id: str) -> Lab:
    """Read and validate the lab ``lab_id``; ValueError naming the problem if it is not valid."""
    paths = _lab_paths()
    if lab_id not in paths:
        raise ValueError(f"unknown lab {lab_id!r}; choose one of: {', '.join(sorted(paths))}")
    return read_lab(paths[lab_id])


def readable_labs() -> tuple[list[Lab], list[ValueError]]:
    """(every lab of :func:`names` that can be read, in order; what is wrong with each that cannot, as the
    ValueError :func:`load` raised). A lab pack's copy that cannot be read gives way to the shipped lab of that name."""
    found, problems = [], []
    for lab_id in names():
        try:
            found.append(load(lab_id))
            continue
        except ValueError as error:
            problems.append(error)
        try:
            found.append(read_lab(SHIPPED_LABS / lab_id))
        except (ValueError, OSError):  # the shipped one is the broken one, or there is none
            continue
    return found, problems


def read_lab(folder) -> Lab:
    """Read and validate the lab in ``folder`` (its ``lab.json`` and sheets)."""
    folder = Path(folder)
    where = f"lab {folder.name}"
    try:
        raw = json.loads((folder / "lab.json").read_text(encoding="utf-8"))
    except OSError as error:
        raise ValueError(f"{where}: cannot read lab.json: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{where}: lab.json is not valid JSON: {error}") from None
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: lab.json must hold a JSON object")
    allowed = ("id", "number", "title", "summary", "lectures", "views", "locked", "hidden", "goal", "variants")
    unknown = sorted(set(raw) - set(allowed))
    if unknown:
        raise ValueError(f"{where}: unknown field {unknown[0]!r}; allowed fields: {', '.join(allowed)}")
    missing = [name for name in allowed if name not in raw]
    if missing:
        raise ValueError(f"{where}: lab.json lacks {', '.join(missing)}")
    if raw["id"] != folder.name:
        raise ValueError(f"{where}: id {raw['id']!r} must be the folder's name {folder.name!r}")
    number = raw["number"]
    if isinstance(number, bool) or not isinstance(number, int) or f"{number:02d}" != folder.name[:2]:
        raise ValueError(f"{where}: number {number!r} must be the whole number the folder's name starts with")
    if not (folder / "sheet.en.md").is_file():
        raise ValueError(f"{where}: the English task sheet sheet.en.md is missing")
    if not isinstance(raw["lectures"], list) or not all(isinstance(item, str) for item in raw["lectures"]):
        raise ValueError(f"{where}: lectures must be a list of lecture names, got {raw['lectures']!r}")
    variants = _read_variants(raw["variants"], where)
    configs = [variant.config.to_dict() for variant in variants]
    return Lab(id=raw["id"], number=number, title=read_texts(raw["title"], f"{where}: title"),
               summary=read_texts(raw["summary"], f"{where}: summary"), lectures=tuple(raw["lectures"]),
               views=_read_views(raw["views"], raw, where),
               locked=_read_paths(raw["locked"], configs, f"{where}: locked"),
               hidden=_read_paths(raw["hidden"], configs, f"{where}: hidden"),
               goal=_read_goal(raw["goal"], [variant.name for variant in variants], where),
               variants=variants, folder=folder)


def _read_variants(raw, where: str) -> tuple:
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{where}: variants must be a non-empty list, got {raw!r}")
    variants, seen = [], set()
    for index, entry in enumerate(raw):
        at = f"{where}: variants[{index}]"
        if not isinstance(entry, dict):
            raise ValueError(f"{at} must be an object, got {entry!r}")
        unknown = sorted(set(entry) - {"name", "title", "config", "weights"})
        if unknown:
            raise ValueError(f"{at}: unknown field {unknown[0]!r}; allowed: name, title, config, weights")
        name = entry.get("name")
        if not isinstance(name, str) or not VARIANT_NAME.match(name):
            raise ValueError(f"{at}: name must be lower-case letters, digits and _, starting with a letter; "
                             f"got {name!r}")
        if name in seen:
            raise ValueError(f"{at}: two variants are named {name!r}")
        seen.add(name)
        at = f"{where}: variant {name}"
        if "config" not in entry:
            raise ValueError(f"{at} has no config")
        try:
            config = run_config.check(run_config.RunConfig.from_dict(entry["config"]))
        except run_config.InvalidConfigError as error:  # each problem kept, for a window to word in its language
            raise run_config.InvalidConfigError(error.errors, at) from None
        except ValueError as error:
            raise ValueError(f"{at}: {error}") from None
        variants.append(Variant(name, read_texts(entry.get("title"), f"{at}: title"), config,
                                _read_weights(entry.get("weights", {}), at)))
    return tuple(variants)


def _read_weights(raw, where: str) -> dict:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: weights must map parameter names to arrays, got {raw!r}")
    weights = {}
    for name, values in raw.items():
        try:
            array = np.array(values, dtype=np.float64)
        except (TypeError, ValueError):
            raise ValueError(f"{where}: weights {name!r} must be a (nested) list of numbers, got {values!r}") from None
        if array.ndim not in (1, 2) or not np.isfinite(array).all():
            raise ValueError(f"{where}: weights {name!r} must be a finite vector or matrix, got {values!r}")
        array.flags.writeable = False
        weights[name] = array
    return weights


def _read_views(raw, raw_lab: dict, where: str) -> tuple:
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{where}: views must be a non-empty list, got {raw!r}")
    views = []
    for entry in raw:
        spec = ViewSpec(entry) if isinstance(entry, str) else \
            ViewSpec(entry.get("name"), {k: v for k, v in entry.items() if k != "name"}) \
            if isinstance(entry, dict) else None
        if spec is None or spec.name not in VIEWS:
            raise ValueError(f"{where}: view {entry!r} is not one of: {', '.join(VIEWS)}")
        checks = VIEWS[spec.name][1]
        for option, value in spec.options.items():
            if option not in checks:
                raise ValueError(f"{where}: view {spec.name} has no option {option!r}; "
                                 f"its options: {', '.join(checks) or 'none'}")
            try:
                checks[option](value, spec.options, raw_lab)
            except ValueError as error:
                raise ValueError(f"{where}: view {spec.name} option {option}: {error}") from None
        views.append(spec)
    return tuple(views)


def config_values(tree: dict, path: str) -> list:
    """The values at the dotted ``path`` of a configuration dictionary; through a list (the hidden
    layers), the field of every item. ValueError if the path names no field."""
    values = [tree]
    for key in path.split("."):
        step = []
        for value in values:
            for item in value if isinstance(value, list) else [value]:
                if not isinstance(item, dict) or key not in item:
                    raise ValueError(f"{path!r} is not a field of the run configuration")
                step.append(item[key])
        values = step
    return values


def _read_paths(raw, configs: list, where: str) -> tuple:
    if not isinstance(raw, list) or not all(isinstance(path, str) for path in raw):
        raise ValueError(f"{where} must be a list of dotted configuration paths, got {raw!r}")
    for path in raw:
        for config in configs:
            try:
                config_values(config, path)
            except ValueError as error:
                raise ValueError(f"{where}: {error}") from None
    return tuple(raw)


def _read_goal(raw, variant_names: list, where: str) -> Goal | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("metric") not in GOAL_METRICS:
        raise ValueError(f"{where}: goal must be null or an object whose metric is one of: "
                         f"{', '.join(GOAL_METRICS)}; got {raw!r}")
    unknown = sorted(set(raw) - {"metric", "at_least", "at_most", "variant"})
    if unknown:
        raise ValueError(f"{where}: goal has an unknown field {unknown[0]!r}")
    bounds = [key for key in ("at_least", "at_most") if key in raw]
    if len(bounds) != 1:
        raise ValueError(f"{where}: goal needs exactly one of at_least or at_most, got {raw!r}")
    bound = raw[bounds[0]]
    if isinstance(bound, bool) or not isinstance(bound, (int, float)) or not math.isfinite(bound):
        raise ValueError(f"{where}: goal {bounds[0]} must be a number, got {bound!r}")
    variant = raw.get("variant")
    if variant is not None and variant not in variant_names:
        raise ValueError(f"{where}: goal variant {variant!r} is not one of: {', '.join(variant_names)}")
    return Goal(raw["metric"], **{bounds[0]: float(bound)}, variant=variant)


# ----------------------------------------------------------------------------- running a lab
def build(lab: Lab, variant: str | None = None, dataset=None) -> Experiment:
    """The variant (default: the first) as an Experiment on a copy of its config, hand-set weights applied.
    ``dataset`` (optional) is used instead of loading the config's."""
    chosen = lab.variant(variant)
    experiment = Experiment(chosen.config.copy(), dataset=dataset)
    apply_weights(experiment.network, chosen.weights)
    return experiment


def apply_weights(network, weights: dict) -> None:
    """Copy ``weights`` (parameter name → array) into ``network``; other parameters keep their values."""
    targets = dict(zip(network.parameter_names(), network.parameters()))
    for name, values in weights.items():
        if name not in targets:
            raise ValueError(f"the network has no parameter {name!r}; its parameters: {', '.join(targets)}")
        values = np.asarray(values)
        if values.shape != targets[name].shape:
            raise ValueError(f"hand-set {name} has shape {values.shape}, the network's is {targets[name].shape}")
        targets[name][...] = values


def final_metrics(experiment: Experiment, splits: tuple = SPLITS) -> dict[str, float]:
    """Loss and accuracy (R² for regression) of the experiment's network on each non-empty split of
    ``splits``, keyed ``train_loss``, ``val_accuracy``, …"""
    network, dataset = experiment.network, experiment.dataset
    metric = "r2" if network.loss.task == "regression" else "accuracy"
    results = {}
    for split in splits:
        X, y = getattr(dataset, f"X_{split}"), getattr(dataset, f"y_{split}")
        if len(X):
            loss, score = evaluate(network, X, y)
            results[f"{split}_loss"], results[f"{split}_{metric}"] = float(loss), float(score)
    return results


def locked_changes(lab: Lab, variant: str, config: run_config.RunConfig, epochs_trained: int = 0) -> list[str]:
    """The locked paths at which ``config`` differs from the variant's configuration; with
    ``training.epochs`` locked, also when ``epochs_trained`` goes past the variant's epochs (a
    second Start trains that many more)."""
    chosen = lab.variant(variant).config
    original, current = chosen.to_dict(), config.to_dict()
    changed = [path for path in lab.locked if config_values(original, path) != config_values(current, path)]
    if lab.locks("training.epochs") and epochs_trained > chosen.training.epochs and "training.epochs" not in changed:
        changed.append("training.epochs")
    return changed


def race_contenders(lab: Lab, variant_names=None, language: str = "en"):
    """(shared RunConfig, [core.race.Contender]) racing the variants ``variant_names`` (default:
    all) — for a lab whose variants differ only in their optimiser and schedule."""
    from core.race import Contender

    chosen = lab.chosen_variants(variant_names)
    shared = chosen[0].config

    def rest(config):
        return {key: value for key, value in config.to_dict().items() if key not in ("name", "optimizer", "schedule")}

    for variant in chosen[1:]:
        differing = [key for key, value in rest(variant.config).items() if rest(shared)[key] != value]
        if differing:
            raise ValueError(f"lab {lab.id}: variants {chosen[0].name} and {variant.name} differ in "
                             f"{', '.join(differing)}, not only in the optimiser and schedule; they cannot race")
    return shared.copy(), [Contender(text_in(variant.title, language), variant.config.optimizer,
                                     variant.config.schedule)
                           for variant in chosen]


def race_labels(lab: Lab, variant_names=None) -> list[dict]:
    """Each raced variant's title by language ({"en": …, "ru": …}): the labels of the contenders of
    :func:`race_contenders` in every language, for a race that follows the interface language."""
    return [dict(variant.title) for variant in lab.chosen_variants(variant_names)]


def run_variants(lab: Lab, variant_names=None, control: TrainingControl | None = None, *, max_epochs: int | None = None,
                 datasets: dict | None = None) -> Iterator[tuple[str, object]]:
    """Train the variants ``variant_names`` (default: all, in the lab's order) one after another, yielding
    (variant name, :mod:`core.events` event).

    Each variant is the very run a student gets by opening it and pressing Train: built by
    :func:`build` (hand-set weights applied), with its own seed, batches and batch size — not a race
    of copies of one initialisation (:mod:`core.race`). Its events are those of its trainer, from
    TrainingStarted to TrainingFinished; ``BatchFinished.samples_seen`` counts the variant's own
    examples, so curves of different batch sizes line up by samples seen.

    ``control`` is shared by every variant: a pause holds the variant running (or the next one,
    before its first batch); a stop ends the running variant, and the ones after it are not started.
    ``max_epochs`` trains each variant at most that many epochs (default: as its configuration says).
    ``datasets`` maps :func:`core.experiment.data_key` to loaded data sets: variants whose data are the same share
    one, and data loaded here are added to it, so that the caller can keep it for the next run.
    ValueError (before anything runs) if a name is not one of the lab's variants or is repeated.
    """
    chosen = lab.chosen_variants(variant_names)
    if max_epochs is not None:
        max_epochs = check_number("max_epochs", max_epochs, low=1, integer=True)
    control = control or TrainingControl()
    datasets = {} if datasets is None else datasets
    return _train_one_after_another(lab, chosen, control, max_epochs, datasets)


def _train_one_after_another(lab: Lab, chosen: list, control: TrainingControl, max_epochs: int | None,
                             datasets: dict) -> Iterator[tuple[str, object]]:
    for variant in chosen:
        if control.stop_requested:
            return
        key = data_key(variant.config)
        if key not in datasets:
            datasets[key] = load_data(variant.config)
        experiment = build(lab, variant.name, dataset=datasets[key])
        epochs = experiment.config.training.epochs
        if max_epochs is not None:
            epochs = min(epochs, max_epochs)
        for event in experiment.make_trainer(control, epochs=epochs).run():
            yield variant.name, event


# ----------------------------------------------------------------------------- teacher mode: results
@dataclass(frozen=True, eq=False)
class LabResult:
    """A student's result of one lab variant, as :func:`export_result` writes it."""

    lab: str
    variant: str
    student: str
    saved: str
    config: run_config.RunConfig
    curves: dict
    metrics: dict
    goal: Goal | None
    goal_met: bool | None
    locked_changed: tuple
    file: Path | None = None


def _finite_metrics(metrics: dict) -> dict:
    clean = {}
    for name, value in metrics.items():
        if not isinstance(name, str) or isinstance(value, bool) or not isinstance(value, (int, float, type(None))):
            raise ValueError(f"metric {name!r} = {value!r}: metrics must map names to numbers")
        clean[name] = float(value) if value is not None and math.isfinite(value) else None
    return clean


def _slug(value: str) -> str:
    return re.sub(r"[^\w-]+", "-", value, flags=re.UNICODE).strip("-").lower()[:40]


def export_result(destination, lab: Lab, variant: str, config: run_config.RunConfig, history: dict,
                  metrics: dict, student: str = "") -> Path:
    """Write a student's result as one JSON file and return its path.

    ``destination`` is a folder (a file name is made from the lab, the student and the time) or a
    ``.json`` path. ``history`` holds the curves as the run library records them
    (``{"epochs": [...], "batches": [...]}``); ``metrics`` the final metrics (:func:`final_metrics`).
    """
    chosen = lab.variant(variant)
    config = run_config.check(config)
    if not isinstance(history, dict) or not isinstance(history.get("epochs"), list) \
            or not isinstance(history.get("batches"), list):
        raise ValueError("history must be a run's curves: an object with the lists \"epochs\" and \"batches\"")
    metrics = _finite_metrics(metrics)
    goal = lab.goal if lab.goal is not None and lab.goal.applies_to(chosen.name) else None
    trained = max((entry["epoch"] for entry in history["epochs"] if isinstance(entry, dict)
                   and isinstance(entry.get("epoch"), int)), default=0)
    changed = locked_changes(lab, chosen.name, config, trained)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    record = {"format": RESULT_FORMAT, "version": RESULT_VERSION, "lab": lab.id, "variant": chosen.name,
              "student": student.strip(), "saved": stamp, "config": config.to_dict(),
              "curves": {"epochs": history["epochs"], "batches": history["batches"]}, "metrics": metrics,
              # A goal reached with settings the lab locks (another data set, say) is not this lab's goal.
              "goal": goal.to_dict() if goal else None,
              "goal_met": goal.met(metrics) and not changed if goal else None,
              "locked_changed": changed}
    path = Path(destination)
    if path.suffix.lower() != ".json":
        who = _slug(student) or "student"
        path = path / f"{lab.id}_{who}_{chosen.name}_{time.strftime('%Y%m%d-%H%M%S')}.json"
    write_text_atomically(path, json.dumps(record, indent=1, ensure_ascii=False, allow_nan=False))
    return path


class UnreadableResult(ValueError):
    """A file that is not a readable lab result. ``kind`` says why ("unreadable", "not_json",
    "not_result", "version", "incomplete", "invalid") for a translated message; ``detail`` is what the
    message quotes (the system's reason, the version found, the field missing, what is invalid), or ""."""

    def __init__(self, message: str, kind: str, detail: str = ""):
        super().__init__(message)
        self.kind, self.detail = kind, detail


def read_result(path) -> LabResult:
    """Read a file written by :func:`export_result`; :class:`UnreadableResult` if it is not one."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise UnreadableResult(f"cannot read {path.name}: {reason}", "unreadable", reason) from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise UnreadableResult(f"{path.name} is not a JSON file", "not_json") from None
    if not isinstance(raw, dict) or raw.get("format") != RESULT_FORMAT:
        raise UnreadableResult(f"{path.name} is not an MLP Workbench lab result", "not_result")
    version = raw.get("version")
    if not isinstance(version, int) or not 1 <= version <= RESULT_VERSION:
        raise UnreadableResult(f"{path.name} has result version {version!r}; this version reads 1 to "
                               f"{RESULT_VERSION}", "version", repr(version))
    try:
        goal = raw["goal"]
        for key, fits in (("student", lambda value: isinstance(value, str)),
                          ("goal_met", lambda value: value is None or isinstance(value, bool)),
                          ("locked_changed", lambda value: isinstance(value, list)
                           and all(isinstance(item, str) for item in value))):
            if not fits(raw[key]):
                raise TypeError(repr(key))
        return LabResult(lab=str(raw["lab"]), variant=str(raw["variant"]), student=raw["student"],
                         saved=str(raw["saved"]), config=run_config.RunConfig.from_dict(raw["config"]),
                         curves=raw["curves"], metrics=_finite_metrics(raw["metrics"]),
                         goal=Goal(**goal) if goal else None, goal_met=raw["goal_met"],
                         locked_changed=tuple(raw["locked_changed"]), file=path)
    except (KeyError, TypeError, AttributeError) as error:
        raise UnreadableResult(f"{path.name} is an incomplete lab result: missing or malformed {error}",
                               "incomplete", str(error)) from None
    except ValueError as error:  # its configuration, metrics or goal: the engine's check says what is wrong
        raise UnreadableResult(f"{path.name} is an invalid lab result: {error}", "invalid", str(error)) from None


@dataclass(frozen=True)
class ResultsTable:
    """Results of a folder as a table: ``rows`` align with ``header`` and with ``results``;
    ``problems`` lists the (file name, :class:`UnreadableResult`) of every ``.json`` file that is
    not a readable result.
    ``latest[i]`` is False where a later result of the same student, lab and variant replaces row i.
    ``results`` hold the goal of the lab installed here and its verdict, not the file's (see :func:`_judged_by`);
    ``unjudged[i]`` says why row i's goal could not be judged here (:data:`LAB_NOT_INSTALLED`,
    :data:`VARIANT_NOT_INSTALLED`; "" where it was): such a row keeps the goal and verdict its file says.
    ``other_lab_version`` names the files whose recorded goal differs from the installed lab's: made with
    another version of the lab (a lab pack's, say), or edited; ``corrected`` the files whose recorded goal
    is the installed lab's but whose ``goal_met`` it judges otherwise (edited by hand).
    ``installed`` maps the id of every lab installed here to the lab (for its title and variants')."""

    header: tuple
    rows: tuple
    results: tuple
    problems: tuple
    latest: tuple
    unjudged: tuple
    other_lab_version: tuple
    corrected: tuple
    installed: dict


LAB_NOT_INSTALLED = "lab not installed"
VARIANT_NOT_INSTALLED = "variant not installed"


def collect_results(folder) -> ResultsTable:
    """Read every result file in ``folder`` (not its sub-folders) and tabulate them by lab and student."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"{folder} is not a folder of lab results")
    results, problems = [], []
    for path in sorted(path for path in folder.iterdir() if path.suffix.lower() == ".json"):  # Anna.JSON too
        try:
            results.append(read_result(path))
        except UnreadableResult as error:
            problems.append((path.name, error))
    installed = {lab.id: lab for lab in readable_labs()[0]}
    judged = [_judged_by(installed.get(result.lab), result) for result in results]
    other_lab_version = tuple(result.file.name for result, again in zip(results, judged) if again.goal != result.goal)
    corrected = tuple(result.file.name for result, again in zip(results, judged)
                      if again.goal == result.goal and again.goal_met != result.goal_met)
    results = judged

    def whose(result: LabResult) -> tuple:
        """One student however the name is written: case, spaces, word order, ё for е (Пётр Алексеев)."""
        words = sorted(result.student.casefold().replace("ё", "е").split())
        return result.lab, " ".join(words), result.variant

    results.sort(key=lambda result: (*whose(result), result.saved))
    # A student who exported again (after training further, say) is judged by the newest file.
    latest = tuple(index + 1 == len(results) or whose(results[index + 1]) != whose(result)
                   for index, result in enumerate(results))
    present = [name for name in GOAL_METRICS if any(name in result.metrics for result in results)]
    # The metrics goals are set on come first, beside the verdict: at the end they were out of the teacher's sight.
    goal_metrics = [name for name in present if any(result.goal and result.goal.metric == name for result in results)]
    other_metrics = [name for name in present if name not in goal_metrics]
    header = ("student", "lab", "variant", "goal met", *goal_metrics, "goal", "locked fields changed", "saved",
              "latest", *other_metrics, "file")
    rows = tuple((result.student, result.lab, result.variant, result.goal_met,
                  *(result.metrics.get(name) for name in goal_metrics), result.goal,
                  ", ".join(result.locked_changed), result.saved, newest,
                  *(result.metrics.get(name) for name in other_metrics), result.file.name)
                 for result, newest in zip(results, latest))
    unjudged = tuple(_why_unjudged(installed.get(result.lab), result) for result in results)
    return ResultsTable(header, rows, tuple(results), tuple(problems), latest, unjudged, other_lab_version,
                        corrected, installed)


def _why_unjudged(lab: Lab | None, result: LabResult) -> str:
    """Why ``lab`` as installed here cannot judge ``result``'s goal (see :class:`ResultsTable`), or ""."""
    if lab is None:
        return LAB_NOT_INSTALLED
    if all(variant.name != result.variant for variant in lab.variants):
        return VARIANT_NOT_INSTALLED
    return ""


def _judged_by(lab: Lab | None, result: LabResult) -> LabResult:
    """``result`` with the goal of ``lab`` as installed here, and whether its metrics meet it: a result
    file is a text file, and one edited by hand claimed a goal met at 50 % accuracy. (Unchanged when
    the lab is not installed here or lacks the result's variant: nothing here says which goal applies.)"""
    if _why_unjudged(lab, result):
        return result
    goal = lab.goal if lab.goal is not None and lab.goal.applies_to(result.variant) else None
    met = goal.met(result.metrics) and not result.locked_changed if goal else None
    return dataclasses.replace(result, goal=goal, goal_met=met)


# ----------------------------------------------------------------------------- teacher mode: the offline pack
LABS_README = """
Labs: labs/ holds one folder per lab, and MLP Workbench on the lab computers opens these. They can
be edited: a lab's lab.json (its goal, variants and locked settings) and its task sheets
sheet.en.md and sheet.ru.md. Edit the sheets too when a goal or setting changes: the students read them.
Making this pack again keeps the labs already here as they are; delete a lab's folder to get the
shipped one again.
"""


@dataclasses.dataclass(frozen=True)
class LabPack:
    """What :func:`lab_pack` wrote: ``folders`` maps what (``labs``, ``models``, each data set's name) to
    where; ``kept_labs`` are the ids of the labs that were in the pack already and were left as they were."""

    folders: dict
    kept_labs: tuple


def lab_pack(folder, *, allow_download: bool = False, progress=None) -> LabPack:
    """Write into ``folder`` what a lab machine needs offline.

    ``labs/`` (every lab, as found by :func:`lab_folders`, but for those already there: a teacher may
    have edited them), the files of the data sets the labs use that are not built in (through
    :func:`core.datasets.labpack.prepare_lab_pack`, which downloads missing ones only with
    ``allow_download``), and ``models/`` (the shipped model). On the lab machines, set
    ``MLP_WORKBENCH_DATA`` to the folder.
    """
    from core.datasets import labpack

    folder = Path(folder)
    labs = [load(lab_id) for lab_id in names()]
    needed = sorted({variant.config.data.dataset for lab in labs for variant in lab.variants} & set(labpack.SOURCES))
    packed = dict(labpack.prepare_lab_pack(folder, needed, allow_download=allow_download, progress=progress,
                                           readme_notes=LABS_README)) if needed else {}
    # Run again (to add --download, say), the pack had every lab edited for the class put back as shipped.
    kept = tuple(lab.id for lab in labs if (folder / "labs" / lab.id).exists())
    for lab in labs:
        if lab.id not in kept:
            shutil.copytree(lab.folder, folder / "labs" / lab.id)
    packed["labs"] = folder / "labs"
    if not SHIPPED_MODELS.is_dir() or not any(SHIPPED_MODELS.iterdir()):
        raise ValueError(f"the shipped model is missing from {SHIPPED_MODELS}; this installation is incomplete")
    if SHIPPED_MODELS.resolve() != (folder / "models").resolve():
        shutil.copytree(SHIPPED_MODELS, folder / "models", dirs_exist_ok=True)
    packed["models"] = folder / "models"
    return LabPack(packed, kept)
