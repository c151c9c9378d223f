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
      "goal": {"metric": "val_accuracy", "at_least": 0.95},      or null; an accuracy as a fraction
      "variants": [
        {"name": "hand_set", "title": {...}, "config": {RunConfig JSON},
         "weights": {"layer0.W": [[20, -20], [20, -20]], "layer0.b": [-30, 10], ...}},
        ...
      ]
    }

  ``views`` are names from :data:`VIEWS` (a bare name, or an object with options). ``locked``
  and ``hidden`` are dotted paths into the run configuration: a locked field's control is shown
  but disabled, a hidden one's is not shown; a path through ``network.hidden`` (a list) names that
  field of every layer, and a path covers every field below it (:meth:`Lab.locks`, :meth:`Lab.hides`).
  ``variants`` are the runs the lab compares (the first opens by default);
  ``weights`` hand-set parameters by their network names (``layer<i>.W``/``layer<i>.b``, ``i``
  counting every layer: Dense, activation, batch norm, dropout), over the seeded initialisation.
* ``sheet.en.md``, ``sheet.ru.md`` — the task sheets: formulas, what to do, what to look for.

:func:`names` lists the labs, :func:`load` reads and validates one, :func:`build` turns a variant
into an :class:`~core.experiment.Experiment` with its hand-set weights in place, and
:func:`run_variants` trains several variants one after another under one control (the "variants" view).

**Checking a lab.** :func:`check_lab` is the one validation of a lab: it finds every problem (a
:class:`LabProblem`), not only the first, and :func:`read_lab` raises them as an :class:`InvalidLabError`.
:func:`problem_text` words a problem for a teacher ("variant 'adam', optimiser: unknown hyperparameter
'lrr'; …"): in English for ``mlp-workbench lab check``, in the window's language when the window lists the labs
it cannot use. A valid lab's :attr:`Lab.fingerprint` (:func:`lab_fingerprint`) is its version. :func:`lab_warnings`
names what a lab that opens shows its students wrongly (two labs numbered 4, a title left in English in a Russian
lab): ``mlp-workbench lab check`` says it as warnings.

**Teacher mode.** :func:`export_result` writes a student's result (configuration, curves, final
metrics, whether the goal was met and whether locked fields were left alone, the lab's version) as one JSON file;
:func:`collect_results` reads a folder of them into a table. :func:`lab_pack` writes everything a
lab machine needs offline into one folder: the labs, the data-set files they use and the shipped
model. With ``MLP_WORKBENCH_DATA`` pointing at a pack, its ``labs/`` come before the shipped ones,
so a teacher can hand out edited labs.
"""
from __future__ import annotations

import dataclasses
import hashlib
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
from core._checks import check_number, json_reason, parser_reason, quoted
from core.datasets.locations import shared_data_folder
from core.experiment import Experiment, build_network, data_key, load_data, network_widths, scored_splits
from core.languages import LANGUAGES, TEXT_PROBLEMS, text_in, text_problem
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
    fingerprint: str
    """The lab's version, as :func:`lab_fingerprint` gives it: recorded in every result made with it."""

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


def labs_under(path) -> list[Path]:
    """The folders of the labs ``path`` names, to check them (``mlp-workbench lab check``): a lab's ``lab.json`` or
    its folder, a folder of labs (its sub-folders named as labs or holding a ``lab.json``), or a lab pack (the
    labs of its ``labs/``). ValueError saying what to give if it names none."""
    path = Path(path)
    what = "give a lab's folder or its lab.json, a folder of labs, or a lab pack"
    if not path.exists():
        raise ValueError(f"{path} does not exist; {what}")
    if path.is_file():
        if path.name != "lab.json":
            raise ValueError(f"{path} is not a lab; {what}")
        return [path.parent]
    if (path / "lab.json").exists():
        return [path]
    base = path / "labs" if (path / "labs").is_dir() else path
    try:
        found = _lab_folders_in(base)
    except OSError as error:
        raise ValueError(f"cannot read the folder {base}: {error.strerror or error}") from None
    if not found:
        raise ValueError(f"{path} holds no lab; {what}")
    return found


def _lab_folders_in(base: Path) -> list[Path]:
    """The sub-folders of ``base`` meant as labs: named as a lab, or holding a ``lab.json``."""
    return sorted(folder for folder in base.iterdir()
                  if folder.is_dir() and (LAB_ID.match(folder.name) or (folder / "lab.json").exists()))


def readable_labs() -> tuple[list[Lab], list[InvalidLabError]]:
    """(every lab of :func:`names` that can be read, in order; what is wrong with each that cannot, as the
    :class:`InvalidLabError` :func:`load` raised). A lab pack's copy that cannot be read gives way to the shipped
    lab of that name."""
    found, problems = [], []
    for lab_id in names():
        try:
            found.append(load(lab_id))
            continue
        except InvalidLabError as error:
            problems.append(error)
        try:
            found.append(read_lab(SHIPPED_LABS / lab_id))
        except (ValueError, OSError):  # the shipped one is the broken one, or there is none
            continue
    return found, problems


# ----------------------------------------------------------------------------- what can be wrong with a lab
PLACES = {"variant": "variant {}", "variant number": "variant number {}", "view": "view {}", "option": "option {}",
          "weights": "hand-set weights {}", "hidden layer": "hidden layer {}"}
"""Where in a lab a :class:`LabProblem` is, in English, by kind: a variant by its name (or its number when it has no
valid name), a view by its name… Two kinds are named as they are written: ``"file"`` (``sheet.ru.md``) and
``"field"`` (of lab.json: ``goal``); a setting of a variant's configuration (``"setting"``) by :data:`SETTING_NAMES`
rather than its path."""

LAB_PROBLEMS = {
    "unreadable": "cannot be read: {reason}",
    "not json": "not valid JSON, at line {line}, column {column}: {reason}",
    "not utf-8": "not UTF-8 text: save it as UTF-8",
    "not object": "must hold one JSON object, got {value}",
    "unknown field": "unknown field {name}; the fields: {allowed}",
    "missing field": "the field {name} is missing",
    "folder name": "the folder's name {folder} is no lab's: two digits, a dash and lower-case words joined by dashes "
                   "(such as 13-my-lab); MLP Workbench does not list it",
    "id": "{id} must be the folder's name, {folder}",
    "number": "{number} must be the whole number the folder's name starts with, {expected}",
    "no sheet": "the English task sheet is missing",
    "lectures": "must be a list of lecture names, got {value}",
    "variants": "must be a non-empty list of variants, got {value}",
    "object": "must be an object, got {value}",
    "variant name": "name must be lower-case letters, digits and _, starting with a letter; got {value}",
    "variant twice": "two variants are named {name}",
    "no config": "has no config",
    "weights": "must map parameter names to arrays, got {value}",
    "weight numbers": "must be a (nested) list of numbers, got {value}",
    "weight shape": "must be a finite vector or matrix, got {value}",
    "weight name": "the network has no such parameter; its parameters: {names}",
    "weights fit": "{got} numbers, but the network on {dataset} (inputs: {inputs}, outputs: {outputs}) takes "
                   "{expected} here: a row for each input of the layer, a column for each of its units",
    "biases fit": "{got} numbers, but the network on {dataset} (inputs: {inputs}, outputs: {outputs}) takes "
                  "{expected} here: one for each unit of the layer",
    "views": "must be a non-empty list of views, got {value}",
    "view": "{view} is not one of: {views}",
    "view option": "no option {option}; its options: {options}",
    "settings": "must be a list of settings (dotted paths such as training.seed), got {value}",
    "setting": "{path} is not a setting of the run configuration",
    "goal": "must be null or an object whose metric is one of: {metrics}; got {value}",
    "goal bounds": "needs exactly one of at_least or at_most, got {value}",
    "goal bound": "{name} must be a number, got {value}",
    "goal fraction": "{name} of an accuracy is a fraction from 0 to 1 (0.95 for 95 %), got {value}",
    "goal variant": "variant {variant} is not one of: {variants}",
    "no csv": "the CSV file {name} is not beside lab.json: copy it into the lab's folder",
    "goal without val data": "{metric} is scored on validation data, and its validation split of 0 holds none "
                             "out: no result can reach the goal; give the variant a validation split, or set the "
                             "goal on train_ or test_",
    "goal without test data": "{metric} is scored on test data, and its test split of 0 holds none out: no result "
                              "can reach the goal; give the variant a test split, or set the goal on train_ or val_",
    "unknown hyperparameter": "unknown hyperparameter {got}; {component} takes {names}",
    **TEXT_PROBLEMS,
}
"""What is wrong, in English, by :attr:`LabProblem.what`; ``{…}`` are its :attr:`LabProblem.values`."""

LAB_WARNINGS = {
    "number shared": "{others} in the same folder {verb} number {number} too: the students see two labs numbered "
                     "{number}; give each lab a number of its own (its folder's name and its number)",
    "number shared with shipped": "the shipped {others} {verb} number {number} too, and MLP Workbench offers the "
                                  "shipped labs this pack has none of by name beside its own: the students see two "
                                  "labs numbered {number}; to hand this lab out in the place of {first}, name its "
                                  "folder and id {first}, or give it a number of its own",
    "untranslated": "no {language} text, though the lab's {where} {verb} given in {language}: the {language} lesson "
                    "and results table show the English {english}",
}
"""What :func:`lab_warnings` finds, in English (``mlp-workbench lab check`` says it; the window offers such a lab)."""

SETTING_NAMES = {
    "name": "run name", "data": "data", "data.dataset": "data set", "data.options": "data set options",
    "data.options.n_samples": "examples", "data.options.noise": "noise", "data.options.seed": "data seed",
    "data.options.features": "inputs", "data.options.test_split": "test split",
    "data.options.max_train": "training examples at most", "data.validation_split": "validation split",
    "data.scaling": "scaling", "data.target_scaling": "target scaling", "data.augmentation": "augmentation",
    "network": "network",
    "network.hidden": "hidden layers", "network.hidden.units": "units", "network.hidden.activation": "activation",
    "network.hidden.activation_options": "activation", "network.hidden.init": "weight initialiser",
    "network.hidden.batch_norm": "batch normalisation", "network.hidden.dropout": "dropout rate",
    "network.output_init": "output initialiser", "network.dtype": "precision", "loss": "loss", "loss.name": "loss",
    "optimizer": "optimiser", "optimizer.name": "optimiser", "optimizer.options": "optimiser",
    "schedule": "learning-rate schedule", "schedule.name": "learning-rate schedule",
    "schedule.options": "learning-rate schedule", "schedule.unit": "schedule unit",
    "regularization": "regularisation", "regularization.l1": "L1", "regularization.l2": "L2",
    "regularization.apply_to_biases": "penalise biases", "training": "training", "training.epochs": "epochs",
    "training.batch_size": "batch size", "training.patience": "early stopping patience", "training.seed": "seed",
}
"""The settings of a run configuration by path, as the window names them (in English): how a teacher reads a
lab's problem ("optimiser", not "optimizer.name options") and the locked settings a student changed."""


@dataclass(frozen=True)
class LabProblem:
    """One thing wrong with a lab, for :func:`problem_text` to word: ``place`` is where, from the lab down —
    ``(kind, value)`` pairs, kinds of :data:`PLACES` or ``("setting", path)``; ``what`` a key of
    :data:`LAB_PROBLEMS` (or, of a lab that opens, of :data:`LAB_WARNINGS`) and ``values`` its template's values, as
    text (``what`` None: ``values["reason"]``, the engine's English, as it is). A variant's configuration problem is
    its ``config_error`` instead."""

    place: tuple
    what: str | None = None
    values: dict = field(default_factory=dict)
    config_error: run_config.ConfigError | None = None


def _english(template: str) -> str:
    return template


def english_config_problem(error: run_config.ConfigError) -> str:
    """What a configuration problem says, in English, with the value given."""
    if error.subject or isinstance(error.value, (dict, list)):  # a hyperparameter's says it; a whole object would not
        return error.message
    return f"{error.message}, got {error.value!r}"


def setting_place(path: str, translate=_english) -> list[str]:
    """The words naming the setting at ``path`` (a :func:`core.config.validate` field such as
    ``network.hidden[1].units`` or ``optimizer.name options``, or a lab's dotted path): ["hidden layer 2",
    "units"]; the path itself for a setting with no name."""
    path = path.removesuffix(run_config.OPTIONS)
    layer = re.match(r"network\.hidden\[(\d+)\]\.?(.*)$", path)
    if layer is None:
        return [translate(SETTING_NAMES[path]) if path in SETTING_NAMES else path]
    words = [translate(PLACES["hidden layer"]).format(int(layer.group(1)) + 1)]
    key = f"network.hidden.{layer.group(2)}"
    return words + ([translate(SETTING_NAMES[key]) if key in SETTING_NAMES else layer.group(2)]
                    if layer.group(2) else [])


def problem_text(problem: LabProblem, translate=_english, config_words=english_config_problem,
                 json_words=json_reason) -> str:
    """``problem`` as one line for a teacher: "variant 'adam', optimiser: unknown hyperparameter 'lrr'; …".

    In English by default (``mlp-workbench lab check``); a window passes ``translate`` (an English template of
    :data:`PLACES`, :data:`LAB_PROBLEMS` or :data:`SETTING_NAMES` → the same in its language, placeholders kept),
    ``config_words`` (a :class:`~core.config.ConfigError` → what it says, in its language) and ``json_words``
    (the JSON parser's message → what it means, see :func:`core._checks.json_reason`)."""
    where = []
    for kind, value in problem.place:
        if kind == "setting":
            where += setting_place(value, translate)
        else:
            where.append(str(value) if kind in ("file", "field") else translate(PLACES[kind]).format(value))
    error = problem.config_error
    if error is not None and error.rule == "hyperparameter names":  # a typo in a hyperparameter's name, most often
        what = translate(LAB_PROBLEMS["unknown hyperparameter"]).format(
            got=repr(error.got), component=error.subject, names=error.bound)
    elif error is not None:
        what = config_words(error)
    elif problem.what is None:
        what = problem.values["reason"]
    else:
        values = {**problem.values, "reason": json_words(problem.values["reason"])} if problem.what == "not json" \
            else problem.values
        what = translate({**LAB_PROBLEMS, **LAB_WARNINGS}[problem.what]).format(**values)
    return f"{', '.join(where)}: {what}" if where else what


class InvalidLabError(ValueError):
    """A lab that cannot be used: ``problems`` lists every :class:`LabProblem` found; ``file`` is its lab.json."""

    def __init__(self, file, problems):
        self.file, self.problems = Path(file), tuple(problems)
        super().__init__(f"lab {self.file.parent.name} ({self.file}): "
                         + "; ".join(problem_text(problem) for problem in self.problems))


# ----------------------------------------------------------------------------- reading a lab
def read_lab(folder) -> Lab:
    """Read and validate the lab in ``folder`` (its ``lab.json`` and sheets); :class:`InvalidLabError` listing
    every problem if it cannot be used."""
    lab, problems = check_lab(folder)
    if problems:
        raise InvalidLabError(Path(folder) / "lab.json", problems)
    return lab


def check_lab(folder) -> tuple[Lab | None, list[LabProblem]]:
    """(the lab in ``folder``, []) if it is valid, else (None, every problem found): what the window reads a lab
    with, and what ``mlp-workbench lab check`` lists. A problem does not hide those of other fields."""
    folder = Path(folder)
    problems: list[LabProblem] = []

    def add(place: tuple, what: str | None, **values) -> None:
        problems.append(LabProblem(place, what, values))

    if not LAB_ID.match(folder.name):
        add((), "folder name", folder=repr(folder.name))
    raw = _read_lab_json(folder, add)
    if raw is None:
        _check_sheets(folder, add)
        return None, problems
    allowed = ("id", "number", "title", "summary", "lectures", "views", "locked", "hidden", "goal", "variants")
    for name in sorted(set(raw) - set(allowed)):
        add((), "unknown field", name=repr(name), allowed=", ".join(allowed))
    for name in allowed:
        if name not in raw:
            add((), "missing field", name=name)
    if "id" in raw and raw["id"] != folder.name:
        add((("field", "id"),), "id", id=repr(raw["id"]), folder=repr(folder.name))
    number = raw.get("number")
    if "number" in raw and LAB_ID.match(folder.name) and (
            isinstance(number, bool) or not isinstance(number, int) or f"{number:02d}" != folder.name[:2]):
        add((("field", "number"),), "number", number=repr(number), expected=int(folder.name[:2]))
    texts = {name: _check_text(raw[name], (("field", name),), add) for name in ("title", "summary") if name in raw}
    lectures = raw.get("lectures", [])
    if not isinstance(lectures, list) or not all(isinstance(item, str) for item in lectures):
        add((("field", "lectures"),), "lectures", value=_shown(lectures))
    variants, variant_names, configs = _check_variants(raw["variants"], folder, problems, add) if "variants" in raw \
        else ([], [], [])
    views = _check_views(raw["views"], raw, add) if "views" in raw else ()
    paths = {name: _check_paths(raw[name], configs, name, add) for name in ("locked", "hidden") if name in raw}
    goal = _check_goal(raw["goal"], variant_names, add) if "goal" in raw else None
    if goal is not None and goal.split != "train":  # a split of 0 holds nothing out: no result reaches the goal
        for variant in variants:
            if variant is not None and goal.applies_to(variant.name) and goal.split not in scored_splits(
                    variant.config):
                add((("variant", repr(variant.name)), ("field", "goal")), f"goal without {goal.split} data",
                    metric=goal.metric)
    _check_sheets(folder, add)
    if problems:
        return None, problems
    return Lab(id=raw["id"], number=number, title=texts["title"], summary=texts["summary"],
               lectures=tuple(lectures), views=views, locked=paths["locked"], hidden=paths["hidden"], goal=goal,
               variants=tuple(variants), folder=folder, fingerprint=lab_fingerprint(raw, goal)), problems


LANGUAGE_NAMES = {"ru": "Russian"}
"""The languages of :data:`~core.languages.LANGUAGES` other than English, as a warning names them."""


def lab_warnings(lab: Lab) -> list[LabProblem]:
    """What a valid ``lab`` shows its students wrongly, though it opens (worded by :func:`problem_text` from
    :data:`LAB_WARNINGS`): another lab of its folder with its number (students see two "4." labs), or in a lab
    pack's ``labs/`` a shipped lab with its number that the pack does not replace by name, and a title
    without a language the lab is written in elsewhere (the English title in the Russian lesson)."""
    warnings = []
    beside = [folder.name for folder in _lab_folders_in(lab.folder.parent) if LAB_ID.match(folder.name)]
    others = [name for name in beside if name[:2] == lab.id[:2] and name != lab.id]
    if others:
        warnings.append(LabProblem((), "number shared", {
            "others": ", ".join(others), "verb": "has" if len(others) == 1 else "have", "number": lab.number}))
    # A pack's labs/ comes before the shipped labs (lab_folders): a shipped lab it has none of by name is offered too.
    in_a_pack = lab.folder.parent.name == "labs" and lab.folder.parent.resolve() != SHIPPED_LABS.resolve()
    shipped = [folder.name for folder in _lab_folders_in(SHIPPED_LABS)
               if in_a_pack and folder.name[:2] == lab.id[:2] and folder.name not in beside]
    if shipped:
        warnings.append(LabProblem((), "number shared with shipped", {
            "others": ", ".join(shipped), "verb": "has" if len(shipped) == 1 else "have", "number": lab.number,
            "first": shipped[0]}))
    texts = [((("field", "title"),), lab.title), ((("field", "summary"),), lab.summary)]
    texts += [((("variant", repr(variant.name)), ("field", "title")), variant.title) for variant in lab.variants]
    for language in LANGUAGES[1:]:
        where = [place[-1][1] if len(place) == 1 else "variant titles" for place, text in texts if language in text]
        where += [f"task sheet sheet.{language}.md"] if (lab.folder / f"sheet.{language}.md").is_file() else []
        where = list(dict.fromkeys(where))
        if not where:
            continue
        where_text = " and ".join(filter(None, (", ".join(where[:-1]), where[-1])))
        for place, text in texts:
            if language not in text:
                warnings.append(LabProblem(place, "untranslated", {
                    "language": LANGUAGE_NAMES[language], "where": where_text,
                    "verb": "are" if len(where) > 1 or where == ["variant titles"] else "is",
                    "english": repr(text["en"])}))
    return warnings


def _read_lab_json(folder: Path, add) -> dict | None:
    """The object of ``folder``'s lab.json, or None if there is none to read."""
    place = (("file", "lab.json"),)
    try:
        # utf-8-sig: Windows Notepad starts a UTF-8 file with a byte-order mark, which JSON does not allow.
        raw = json.loads((folder / "lab.json").read_text(encoding="utf-8-sig"))
    except OSError as error:
        add(place, "unreadable", reason=error.strerror or str(error))
        return None
    except UnicodeDecodeError:
        add(place, "not utf-8")
        return None
    except json.JSONDecodeError as error:
        add(place, "not json", line=error.lineno, column=error.colno, reason=parser_reason(error))
        return None
    except (ValueError, RecursionError) as error:  # a number of thousands of digits; lists nested thousands deep
        add(place, None, reason=str(error) or type(error).__name__)
        return None
    if not isinstance(raw, dict):
        add(place, "not object", value=_shown(raw))
        return None
    return raw


def _shown(value, limit: int = 80) -> str:
    """``value`` as Python writes it, cut to ``limit`` characters: a whole variant quoted in a problem filled a
    screen."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _check_sheets(folder: Path, add) -> None:
    """The task sheets can be shown: the English one is there, and each one there is UTF-8 text."""
    for language in LANGUAGES:
        path = folder / f"sheet.{language}.md"
        place = (("file", path.name),)
        if not path.is_file():
            if language == "en":
                add(place, "no sheet")
            continue
        try:
            path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # a sheet saved in Windows' Cyrillic code page stopped the lesson from opening
            add(place, "not utf-8")
        except OSError as error:
            add(place, "unreadable", reason=error.strerror or str(error))


def _check_text(raw, place: tuple, add) -> dict | None:
    problem = text_problem(raw)
    if problem is not None:
        add(place, problem[0], **problem[1])
        return None
    return dict(raw)


def _check_variants(raw, folder: Path, problems: list, add) -> tuple[list, list, list]:
    """(the variants read, None for each that cannot be; the names of those that have a valid name; the
    configurations that could be read, as dictionaries, valid or not: the settings a lab may lock)."""
    if not isinstance(raw, list) or not raw:
        add((("field", "variants"),), "variants", value=_shown(raw))
        return [], [], []
    variants, names, configs = [], [], []
    for index, entry in enumerate(raw):
        place = (("variant number", index + 1),)
        if not isinstance(entry, dict):
            add(place, "object", value=_shown(entry))
            variants.append(None)
            continue
        name = entry.get("name")
        if isinstance(name, str) and VARIANT_NAME.match(name):
            place = (("variant", repr(name)),)
            if name in names:
                add((), "variant twice", name=repr(name))
            names.append(name)
        else:
            add(place, "variant name", value=_shown(name))
        found = len(problems)
        for unknown in sorted(set(entry) - {"name", "title", "config", "weights"}):
            add(place, "unknown field", name=repr(unknown), allowed="name, title, config, weights")
        title = _check_text(entry.get("title"), place + (("field", "title"),), add)
        config = _check_config(entry, place, problems, add)
        if config is not None:
            written = config.data.options.get("path")
            if not _csv_beside_the_lab(config, folder):
                add(place + (("setting", "data.options"),), "no csv", name=repr(written))
            configs.append(config.to_dict())
        weights = _check_weights(entry.get("weights", {}), place, add)
        if weights and len(problems) == found:
            _check_weights_fit(config, weights, place, add)
        variants.append(Variant(name, title, config, weights) if len(problems) == found else None)
    return variants, names, configs


def _csv_beside_the_lab(config: run_config.RunConfig, folder: Path) -> bool:
    """A variant's CSV file named without a folder (``"path": "wine.csv"``) is the one beside its lab.json, which lab
    pack copies with the lab wherever the pack goes: it was looked for in the folder the app was started in, and the
    lab would not open ("xor.csv: no such file"). False if it is not there (a file named with its folder may be
    on the lab computers only)."""
    path = config.data.options.get("path")
    if config.data.dataset == "csv" and isinstance(path, str) and path and not Path(path).expanduser().is_absolute():
        config.data.options = {**config.data.options, "path": str(Path(folder).absolute() / path)}
        return Path(config.data.options["path"]).is_file()
    return True


def _check_config(entry: dict, place: tuple, problems: list, add) -> run_config.RunConfig | None:
    """The configuration of a variant, its every problem added (it is returned invalid: its fields are there);
    None if it cannot be read."""
    if "config" not in entry:
        add(place, "no config")
        return None
    try:
        config = run_config.RunConfig.from_dict(entry["config"])
    except run_config.UnknownFieldError as error:  # in the words of the lab's own unknown fields, which a window has
        add(place + (("field", "config"),), "unknown field", name=repr(error.field), allowed=", ".join(error.allowed))
        return None
    except run_config.NotAnObjectError:  # as lab.json writes it: null, not Python's None
        add(place + (("field", "config"),), "object", value=quoted(run_config.as_written(entry["config"])))
        return None
    except ValueError as error:  # the file's structure: a part of another kind, a newer schema version
        add(place + (("field", "config"),), None, reason=str(error))
        return None
    errors = run_config.validate(config)
    problems += [LabProblem(place + (("setting", error.field),), config_error=error) for error in errors]
    return config


def _check_weights(raw, place: tuple, add) -> dict:
    if not isinstance(raw, dict):
        add(place + (("field", "weights"),), "weights", value=_shown(raw))
        return {}
    weights = {}
    for name, values in raw.items():
        at = place + (("weights", repr(name)),)
        try:
            array = np.array(values, dtype=np.float64)
        except (TypeError, ValueError):
            add(at, "weight numbers", value=_shown(values))
            continue
        if array.ndim not in (1, 2) or not np.isfinite(array).all():
            add(at, "weight shape", value=_shown(values))
            continue
        array.flags.writeable = False
        weights[name] = array
    return weights


def _check_weights_fit(config: run_config.RunConfig, weights: dict, place: tuple, add) -> None:
    """Hand-set weights name parameters of the variant's network, and have their shapes where the data's inputs and
    outputs are known without a file or a download (:func:`core.experiment.network_widths`); elsewhere a wrong
    shape is said when the lab opens, its data loaded."""
    widths = network_widths(config)
    try:
        # The names come from the layers alone: a network of one input and one output has them all.
        network = build_network(config, *(widths or (1, 1)), initialize=False)
    except ValueError:  # too large for this computer: opening the variant says so
        return
    targets = dict(zip(network.parameter_names(), network.parameters()))
    for name, values in weights.items():
        at = place + (("weights", repr(name)),)
        if name not in targets:
            add(at, "weight name", names=", ".join(targets))
        elif widths is not None and values.shape != targets[name].shape:
            expected = targets[name].shape
            add(at, "weights fit" if len(expected) == 2 else "biases fit", got=_shape_text(values.shape),
                expected=_shape_text(expected), dataset=config.data.dataset, inputs=widths[0], outputs=widths[1])


def _shape_text(shape: tuple) -> str:
    """A shape as a teacher counts the numbers of a (nested) list: "3 × 2" (rows × columns), "2"."""
    return " × ".join(map(str, shape))


def _check_views(raw, raw_lab: dict, add) -> tuple:
    if not isinstance(raw, list) or not raw:
        add((("field", "views"),), "views", value=_shown(raw))
        return ()
    views = []
    for entry in raw:
        spec = ViewSpec(entry) if isinstance(entry, str) else \
            ViewSpec(entry.get("name"), {k: v for k, v in entry.items() if k != "name"}) \
            if isinstance(entry, dict) else None
        if spec is None or spec.name not in VIEWS:
            add((("field", "views"),), "view", view=_shown(entry), views=", ".join(VIEWS))
            continue
        checks = VIEWS[spec.name][1]
        for option, value in spec.options.items():
            place = (("view", repr(spec.name)),)
            if option not in checks:
                add(place, "view option", option=repr(option), options=", ".join(checks) or "none")
                continue
            try:
                checks[option](value, spec.options, raw_lab)
            except ValueError as error:
                add(place + (("option", option),), None, reason=str(error))
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


def _check_paths(raw, configs: list, name: str, add) -> tuple:
    """``locked`` or ``hidden``: paths that name a setting of every variant's configuration (of those read)."""
    if not isinstance(raw, list) or not all(isinstance(path, str) for path in raw):
        add((("field", name),), "settings", value=_shown(raw))
        return ()
    for path in raw:
        try:
            for config in configs:
                config_values(config, path)
        except ValueError:
            add((("field", name),), "setting", path=repr(path))
    return tuple(raw)


def _check_goal(raw, variant_names: list, add) -> Goal | None:
    place = (("field", "goal"),)
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("metric") not in GOAL_METRICS:
        add(place, "goal", metrics=", ".join(GOAL_METRICS), value=_shown(raw))
        return None
    for unknown in sorted(set(raw) - {"metric", "at_least", "at_most", "variant"}):
        add(place, "unknown field", name=repr(unknown), allowed="metric, at_least, at_most, variant")
    bounds = [key for key in ("at_least", "at_most") if key in raw]
    if len(bounds) != 1:
        add(place, "goal bounds", value=_shown(raw))
        return None
    bound = raw[bounds[0]]
    if isinstance(bound, bool) or not isinstance(bound, (int, float)) or not math.isfinite(bound):
        add(place, "goal bound", name=bounds[0], value=_shown(bound))
        return None
    if raw["metric"].endswith("accuracy") and not 0 <= bound <= 1:  # 95 for 95 %: a goal no student could reach
        add(place, "goal fraction", name=bounds[0], value=_shown(bound))
        return None
    variant = raw.get("variant")
    if variant is not None and variant not in variant_names:
        add(place, "goal variant", variant=_shown(variant), variants=", ".join(variant_names))
        return None
    return Goal(raw["metric"], **{bounds[0]: float(bound)}, variant=variant)


def lab_fingerprint(raw: dict, goal: Goal | None) -> str:
    """The version of a lab (a valid lab.json, read as ``raw``) that its results are made with: "sha256:" and the
    SHA-256 of the canonical JSON of what decides a result and how it is judged —

    * each variant, by name: its configuration but for its ``name`` (the run's label), and its hand-set weights;
    * ``locked`` and ``hidden`` (what the student may change), in any order;
    * the goal.

    Left out is what only words or shows the lab: its titles, summary, lectures, views and task sheets (a sheet
    reworded is the same lab), and the order of its variants. Canonical: keys sorted, no spaces, every number
    as a float (``20`` and ``20.0``, ``0.94`` and ``0.940`` are the same), so that the layout of the file does not
    count. It hashes what the file says, not the configuration filled in with defaults: the same lab.json has the
    same fingerprint in every version of MLP Workbench (a teacher's newer one collecting the students' results)."""
    content = {"variants": {entry["name"]: {"config": {key: value for key, value in entry["config"].items()
                                                       if key != "name"},
                                            "weights": entry.get("weights", {})}
                            for entry in raw["variants"]},
               "locked": sorted(raw["locked"]), "hidden": sorted(raw["hidden"]),
               "goal": goal.to_dict() if goal is not None else None}
    canonical = json.dumps(_floats(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                           allow_nan=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _floats(value):
    """``value`` with every number a float (not booleans)."""
    if isinstance(value, dict):
        return {key: _floats(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_floats(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


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


def settings_outside(lab: Lab, variant: str, config: run_config.RunConfig) -> list[str]:
    """The paths the lab locks or hides at which ``config`` differs from the variant's configuration (a
    field it lacks, another data set's option, differs too): what a student in the lab could not have set."""
    original, current = lab.variant(variant).config.to_dict(), config.to_dict()

    def values(tree: dict, path: str) -> list | None:
        try:
            return config_values(tree, path)
        except ValueError:
            return None

    paths = dict.fromkeys((*lab.locked, *lab.hidden))  # a setting both locked and hidden, once
    return [path for path in paths if values(original, path) != values(current, path)]


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
    lab_fingerprint: str | None = None
    """The version of the lab the student had (:attr:`Lab.fingerprint`); None in a file written before versions
    were recorded."""
    weights_set_by_hand: int | None = None
    """How many weights the student set by hand in the network exported (less those undone); None in a file
    written before they were counted."""


def short_fingerprint(fingerprint: str) -> str:
    """The first 8 hexadecimal digits of a lab's fingerprint: what a teacher compares by eye."""
    return fingerprint.partition(":")[2][:8]


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
                  metrics: dict, student: str = "", weights_set_by_hand: int = 0) -> Path:
    """Write a student's result as one JSON file and return its path.

    ``destination`` is a folder (a file name is made from the lab, the student and the time) or a
    ``.json`` path. ``history`` holds the curves as the run library records them
    (``{"epochs": [...], "batches": [...]}``); ``metrics`` the final metrics (:func:`final_metrics`);
    ``weights_set_by_hand`` how many weights of the network the student set by hand.
    """
    weights_set_by_hand = check_number("weights set by hand", weights_set_by_hand, low=0, integer=True)
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
              "student": student.strip(), "saved": stamp, "config": config.to_file_dict(),
              "curves": {"epochs": history["epochs"], "batches": history["batches"]}, "metrics": metrics,
              # A goal reached with settings the lab locks (another data set, say) is not this lab's goal.
              "goal": goal.to_dict() if goal else None,
              "goal_met": goal.met(metrics) and not changed if goal else None,
              "locked_changed": changed, "lab_fingerprint": lab.fingerprint,
              "weights_set_by_hand": weights_set_by_hand}
    path = Path(destination)
    if path.suffix.lower() != ".json":
        who = _slug(student) or "student"
        path = path / f"{lab.id}_{who}_{chosen.name}_{time.strftime('%Y%m%d-%H%M%S')}.json"
    write_text_atomically(path, json.dumps(record, indent=1, ensure_ascii=False, allow_nan=False))
    return path


class UnreadableResult(ValueError):
    """A file that is not a readable lab result. ``kind`` says why ("unreadable", "not_json",
    "not_result", "version", "incomplete", "invalid") for a translated message; ``detail`` is what the
    message quotes (the system's reason, the version found, the field missing, what is invalid), or "";
    ``os_error`` is the system's refusal of an "unreadable" one, for a window to word its reason in its language
    (``detail`` is always English)."""

    def __init__(self, message: str, kind: str, detail: str = "", os_error: OSError | None = None):
        super().__init__(message)
        self.kind, self.detail, self.os_error = kind, detail, os_error


def read_result(path) -> LabResult:
    """Read a file written by :func:`export_result`; :class:`UnreadableResult` if it is not one."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise UnreadableResult(f"cannot read {path.name}: {reason}", "unreadable", reason, error) from None
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
        fingerprint = raw.get("lab_fingerprint")  # not in the files written before lab versions were recorded
        if fingerprint is not None and not isinstance(fingerprint, str):
            raise TypeError("'lab_fingerprint'")
        set_by_hand = raw.get("weights_set_by_hand")  # not in the files written before they were counted
        if set_by_hand is not None and (isinstance(set_by_hand, bool) or not isinstance(set_by_hand, int)
                                        or set_by_hand < 0):
            raise TypeError("'weights_set_by_hand'")
        return LabResult(lab=str(raw["lab"]), variant=str(raw["variant"]), student=raw["student"],
                         saved=str(raw["saved"]), config=run_config.RunConfig.from_dict(raw["config"]),
                         curves=raw["curves"], metrics=_finite_metrics(raw["metrics"]),
                         goal=Goal(**goal) if goal else None, goal_met=raw["goal_met"],
                         locked_changed=tuple(raw["locked_changed"]), file=path,
                         lab_fingerprint=fingerprint, weights_set_by_hand=set_by_hand)
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
    ``latest[i]`` is False where a later result of the same student, lab and variant replaces row i: of the same
    name in the same folder (:func:`_whose`), for two groups may each have an Ivanov.
    A "folder" column after the student's names the sub-folder of each result (``group-2``; "" in ``folder``
    itself) where any result lies in one.
    ``results`` hold the goal of the lab installed here and its verdict, not the file's (see :func:`_judged_by`);
    ``unjudged[i]`` says why row i's goal could not be judged here (:data:`LAB_NOT_INSTALLED`,
    :data:`VARIANT_NOT_INSTALLED`; "" where it was): such a row keeps the goal and verdict its file says.
    ``lab_versions[i]`` says whether row i was made with the version of the lab installed here
    (:func:`_lab_version`: :data:`SAME_LAB_VERSION`, :data:`OTHER_LAB_VERSION`, and for a file that records no
    version :data:`OTHER_LAB_GOAL` or :data:`UNRECORDED_LAB_VERSION`; "" where the lab is not installed here).
    ``other_lab_version`` names the files made with another version of the lab (a lab pack's, or the lab
    edited since): those whose recorded version differs from the installed lab's, and those that record none
    and whose recorded goal differs; ``corrected`` the other files whose recorded goal or ``goal_met`` the
    installed lab judges otherwise (edited by hand).
    ``installed`` maps the id of every lab installed here to the lab (for its title and variants').
    Files are named by their path in ``folder`` (:meth:`file_name`): ``group-2/anna.json``."""

    header: tuple
    rows: tuple
    results: tuple
    problems: tuple
    latest: tuple
    unjudged: tuple
    other_lab_version: tuple
    corrected: tuple
    installed: dict
    lab_versions: tuple
    folder: Path = Path()

    def file_name(self, path: Path) -> str:
        return _in_folder(path, self.folder)


LAB_NOT_INSTALLED = "lab not installed"
VARIANT_NOT_INSTALLED = "variant not installed"
SAME_LAB_VERSION = "same"
OTHER_LAB_VERSION = "other"
OTHER_LAB_GOAL = "other goal"
UNRECORDED_LAB_VERSION = "not recorded"


RESULT_FOLDER_DEPTH = 2
"""Sub-folders of a results folder read, down to their sub-folders: a course site hands the teacher a folder per
student (Moodle's submissions "in folders"), which a teacher may keep in a folder per group."""


def _in_folder(path: Path, folder: Path) -> str:
    """``path`` as named in the results ``folder``: ``group-2/anna.json``."""
    return path.relative_to(folder).as_posix()


def _json_files(folder: Path, unreadable: list, depth: int = RESULT_FOLDER_DEPTH) -> list[Path]:
    """The .json files of ``folder`` (Anna.JSON too) and of its sub-folders ``depth`` levels down, in name order;
    the (folder, OSError) of each folder that cannot be listed is added to ``unreadable``."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        unreadable.append((folder, error))
        return []
    files = []
    for path in entries:
        if path.is_dir():
            files += _json_files(path, unreadable, depth - 1) if depth else []
        elif path.suffix.lower() == ".json":
            files.append(path)
    return files


def collect_results(folder) -> ResultsTable:
    """Read every result file in ``folder`` and its sub-folders (:data:`RESULT_FOLDER_DEPTH`) and tabulate them
    by lab and student: ValueError if ``folder`` is no folder, OSError if it cannot be listed."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"{folder} is not a folder of lab results")
    unreadable = []
    paths = _json_files(folder, unreadable)
    if unreadable and unreadable[0][0] == folder:
        raise unreadable[0][1]
    problems = []
    for sub_folder, error in unreadable:
        reason = error.strerror or str(error)
        name = _in_folder(sub_folder, folder) + "/"
        problems.append((name, UnreadableResult(f"cannot read {name}: {reason}", "unreadable", reason, error)))
    results = []
    for path in paths:
        try:
            results.append(read_result(path))
        except UnreadableResult as error:
            problems.append((_in_folder(path, folder), error))
    installed = {lab.id: lab for lab in readable_labs()[0]}
    judged = [_judged_by(installed.get(result.lab), result) for result in results]
    versions = {result.file: _lab_version(installed.get(result.lab), result, again)
                for result, again in zip(results, judged)}
    other = (OTHER_LAB_VERSION, OTHER_LAB_GOAL)
    other_lab_version = tuple(_in_folder(result.file, folder) for result in results if versions[result.file] in other)
    corrected = tuple(_in_folder(result.file, folder) for result, again in zip(results, judged)
                      if versions[result.file] not in other
                      and (again.goal, again.goal_met) != (result.goal, result.goal_met))
    results = judged
    results.sort(key=lambda result: (*_whose(result, folder), result.saved))
    # A student who exported again (after training further, say) is judged by the newest file.
    latest = tuple(index + 1 == len(results) or _whose(results[index + 1], folder) != _whose(result, folder)
                   for index, result in enumerate(results))
    # Where two rows have one name, the teacher tells the students apart by their folders (group-1, group-2).
    sub_folders = [_sub_folder(result, folder) for result in results]
    folder_column = ("folder",) if any(sub_folders) else ()
    present = [name for name in GOAL_METRICS if any(name in result.metrics for result in results)]
    # The metrics goals are set on come first, beside the verdict: at the end they were out of the teacher's sight.
    goal_metrics = [name for name in present if any(result.goal and result.goal.metric == name for result in results)]
    other_metrics = [name for name in present if name not in goal_metrics]
    header = ("student", *folder_column, "lab", "variant", "goal met", *goal_metrics, "goal", "locked fields changed",
              "saved", "latest", "weights set by hand", *other_metrics, "lab version", "file")
    rows = tuple((result.student, *((where,) if folder_column else ()), result.lab, result.variant, result.goal_met,
                  *(result.metrics.get(name) for name in goal_metrics), result.goal,
                  ", ".join(result.locked_changed), result.saved, newest, result.weights_set_by_hand,
                  *(result.metrics.get(name) for name in other_metrics), result.lab_fingerprint,
                  _in_folder(result.file, folder))
                 for result, newest, where in zip(results, latest, sub_folders))
    unjudged = tuple(_why_unjudged(installed.get(result.lab), result) for result in results)
    return ResultsTable(header, rows, tuple(results), tuple(problems), latest, unjudged, other_lab_version,
                        corrected, installed, tuple(versions[result.file] for result in results), folder)


def _sub_folder(result: LabResult, folder: Path) -> str:
    """The sub-folder of the results ``folder`` holding ``result``'s file (``group-2``), or "" for ``folder``."""
    return "" if result.file.parent == folder else _in_folder(result.file.parent, folder)


def _whose(result: LabResult, folder: Path) -> tuple:
    """(lab, sub-folder, student, variant): one student however the name is written (case, spaces, word order, ё
    for е: Пётр Алексеев), but only within one sub-folder of the results ``folder``: two groups each with an
    Ivanov are two students, and one was greyed out as replaced by the other's export."""
    words = sorted(result.student.casefold().replace("ё", "е").split())
    return result.lab, _sub_folder(result, folder), " ".join(words), result.variant


def _lab_version(lab: Lab | None, result: LabResult, judged: LabResult) -> str:
    """Whether ``result`` was made with ``lab`` as installed here (a value of :attr:`ResultsTable.lab_versions`);
    ``judged`` is the result judged by it (:func:`_judged_by`). A file that records no version (written before
    versions were) tells another one only by a goal other than the installed lab's."""
    if lab is None:
        return ""
    if result.lab_fingerprint is not None:
        return SAME_LAB_VERSION if result.lab_fingerprint == lab.fingerprint else OTHER_LAB_VERSION
    return OTHER_LAB_GOAL if judged.goal != result.goal else UNRECORDED_LAB_VERSION


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
Then check them: "mlp-workbench lab check" with this folder lists every problem of each lab (MLP Workbench
offers the shipped lab instead of one that has problems). A result a student exports records the version of
its lab (its settings, locks, variants and goal; not the sheets' wording), and the teacher's table says which
results were made with another version. Making this pack again keeps the labs already here as they are, and lists
the problems of any of them as "mlp-workbench lab check" does; delete a lab's folder to get the shipped one again.
"""


@dataclasses.dataclass(frozen=True)
class LabPack:
    """What :func:`lab_pack` wrote: ``folders`` maps what (``labs``, ``models``, each data set's name) to
    where; ``kept_labs`` are the folders' names of the labs that were in the pack already and were left as they
    were; ``problems`` the :class:`InvalidLabError` of each of those that cannot be used as it is."""

    folders: dict
    kept_labs: tuple
    problems: tuple = ()
    passed_over: tuple = ()
    """(:class:`InvalidLabError`, whether the shipped lab of its name was copied instead) of each lab of the lab pack
    ``MLP_WORKBENCH_DATA`` names (another one) that cannot be used, and so was not copied."""
    damaged_install: tuple = ()
    """The :class:`InvalidLabError` of each lab shipped with MLP Workbench (in :data:`SHIPPED_LABS`) that the pack
    needed and that has problems: the installation is damaged (nobody edits it), and reinstalling mends it."""


def lab_pack(folder, *, allow_download: bool = False, progress=None) -> LabPack:
    """Write into ``folder`` what a lab machine needs offline.

    ``labs/`` (every lab :func:`readable_labs` finds, but for those already there: a teacher may have edited them,
    and those with problems are checked and named, not replaced; a lab of another pack that cannot be used is named
    too, in :attr:`LabPack.passed_over`), the files of the data sets the pack's labs use
    that are not built in (through :func:`core.datasets.labpack.prepare_lab_pack`, which downloads missing ones
    only with ``allow_download``), and ``models/`` (the shipped model). On the lab machines, set
    ``MLP_WORKBENCH_DATA`` to the folder.
    """
    from core.datasets import labpack

    folder = Path(folder)
    # Run again (to add --download, say), the pack had every lab edited for the class put back as shipped; and
    # one of them left broken by an edit stopped the whole pack.
    present = _lab_folders_in(folder / "labs") if (folder / "labs").is_dir() else []
    # A shipped lab with problems is a damaged installation, which reinstalling mends: it was worded as a lab of
    # another pack to fix there, and one standing in for a kept lab with problems stopped the whole pack.
    damaged = {}

    def shipped(lab_id: str) -> Lab | None:
        """The shipped lab ``lab_id``; None where none is, or where it has problems (kept in ``damaged``)."""
        if not (SHIPPED_LABS / lab_id / "lab.json").is_file():
            return None
        try:
            return read_lab(SHIPPED_LABS / lab_id)
        except InvalidLabError as error:
            damaged[lab_id] = error
            return None

    offered, problems = [], []  # the labs the lab machines will offer; what is wrong with those kept that cannot be
    for path in present:
        lab, found = check_lab(path)
        if not found:
            offered.append(lab)
            continue
        problems.append(InvalidLabError(path / "lab.json", found))
        offered.append(shipped(path.name))  # offered there instead, as readable_labs does
    offered = [lab for lab in offered if lab is not None]
    readable, unreadable = readable_labs()
    kept = {path.name for path in present}
    added = [lab for lab in readable if lab.id not in kept]
    # Packing from another pack (MLP_WORKBENCH_DATA's), a teacher's lab with problems gave way to the shipped one
    # unsaid: the new pack handed out the shipped lab as if it were theirs.
    passed_over = []
    for error in unreadable:
        lab_id = error.file.parent.name
        if lab_id in kept:
            continue
        if error.file.parent == SHIPPED_LABS / lab_id:
            damaged[lab_id] = error
            continue
        copied = any(lab.id == lab_id for lab in added)
        passed_over.append((error, copied))
        if not copied:
            shipped(lab_id)  # none shipped, or damaged too
    needed = sorted({variant.config.data.dataset for lab in offered + added for variant in lab.variants}
                    & set(labpack.SOURCES))
    packed = dict(labpack.prepare_lab_pack(folder, needed, allow_download=allow_download, progress=progress,
                                           readme_notes=LABS_README)) if needed else {}
    for lab in added:
        shutil.copytree(lab.folder, folder / "labs" / lab.id)
    packed["labs"] = folder / "labs"
    if not SHIPPED_MODELS.is_dir() or not any(SHIPPED_MODELS.iterdir()):
        raise ValueError(f"the shipped model is missing from {SHIPPED_MODELS}; this installation is incomplete")
    if SHIPPED_MODELS.resolve() != (folder / "models").resolve():
        shutil.copytree(SHIPPED_MODELS, folder / "models", dirs_exist_ok=True)
    packed["models"] = folder / "models"
    return LabPack(packed, tuple(path.name for path in present), tuple(problems), tuple(passed_over),
                   tuple(damaged[lab_id] for lab_id in sorted(damaged)))
