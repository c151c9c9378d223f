"""The run library: every run saved as a folder, so that no run is ever lost.

A run folder holds::

    run.json            name, dataset, network summary, optimiser, status, dates, parent (lineage), and
                        for scaled regression targets their scaling, which its losses are of
    config.json         the full RunConfig (with schema_version)
    history.json        metrics per epoch, and per batch (decimated to a bounded number of points):
                        [step, loss, metric, lr] and, when the run tracked them, each Dense
                        layer's gradient norm ‖∂L/∂W‖ as a fifth entry
    best.npz last.npz   model files (core.model_io) of the best and the latest weights
    last.optimizer.npz  the optimiser's state with the latest weights (moments, step count): a run
                        reopened goes on as if never stopped
    checkpoints/epoch-0005.npz …   every ``checkpoint_every`` epochs, each with its .optimizer.npz

Every file is written atomically, so a crash leaves each file either old or new, never half.
A run whose ``status`` is still "running" when no process is training it was interrupted (the
app was killed): :func:`interrupted_runs` finds them so the next launch can offer to restore them.
A run whose files could no longer be written while it trained (a full disk) is marked
:data:`RECORDING_STOPPED` instead, when run.json itself can still be written.
"""
from __future__ import annotations

import json
import math
import os
import re
import reprlib
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from core import config as run_config
from core import events, experiment, model_io
from core._checks import JsonSyntaxError
from core.trainer import monitored_loss
from core.datasets.locations import data_folder

RUNS_VARIABLE = "MLP_WORKBENCH_RUNS"
MAX_BATCH_POINTS = 4000
TRASH = ".trash"
TRASH_KEPT_DAYS = 30
"""Deleted runs stay this long in the library's trash before :func:`empty_trash` removes them."""
RECORDING_STOPPED = "recording_stopped"
"""The status of a run whose recording failed while it trained on: its folder keeps what was saved
until then, and it is not one the app was killed in (:func:`interrupted_runs`)."""
SET_BY_HAND = "set_by_hand"
"""The status of a run that keeps weights set by hand on a network that no run of its own trained (a fresh one, or
one opened from the library): :meth:`RunRecorder.keep_weights`. No process trains it."""


def runs_folder() -> Path:
    """Where runs are saved: ``$MLP_WORKBENCH_RUNS``, else ``<user data folder>/runs``."""
    override = os.environ.get(RUNS_VARIABLE, "")
    return Path(override).expanduser() if override else data_folder() / "runs"


def _slug(text: str) -> str:
    return re.sub(r"[^\w-]+", "-", text, flags=re.UNICODE).strip("-").lower()[:40] or "run"


def _finite_or_none(value: float):
    return value if isinstance(value, (int, float)) and math.isfinite(value) else None


def _write_json(path: Path, data, indent: int | None = 1) -> None:
    """``indent=None`` for large files: only then does ``json`` use its C encoder (~10× faster)."""
    model_io.write_text_atomically(path, json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False))


def _read_json(path: Path) -> dict:
    """The object (JSON's {…}) that each file of a run holds; ValueError when it is missing, unreadable,
    corrupt or holds anything else."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{path} is missing: this folder is not a complete run") from None
    except json.JSONDecodeError as error:
        raise JsonSyntaxError(error, path) from None
    except UnicodeDecodeError as error:
        raise ValueError(f"{path} is corrupt: {error}") from None
    except OSError as error:  # a folder of that name, no permission to read it: one run, not the library
        raise ValueError(f"{path} cannot be read: {error.strerror or error}") from None
    if not isinstance(data, dict):
        raise _corrupt(path, "its content", "an object {…}", data)
    return data


def _corrupt(path: Path, what: str, wanted: str, value) -> ValueError:
    """The error of a file of a run in which ``what`` is ``value`` where it must be ``wanted``."""
    return ValueError(f"{path}: {what} must be {wanted}, got {reprlib.repr(value)}; the file is corrupt")


def _check_fields(path: Path, record: dict, rules: dict, where: str = "", optional: tuple = ()) -> None:
    """ValueError naming ``path`` and the first field of ``record`` (``where`` in the file) that is
    missing, unless ``optional``, or not what ``rules`` say it must be."""
    for key, (wanted, fits) in rules.items():
        if key not in record:
            if key in optional:
                continue
            raise ValueError(f"{path}: {key}{where} is missing; the file is corrupt")
        if not fits(record[key]):
            raise _corrupt(path, f"{key}{where}", wanted, record[key])


def _is_text(value) -> bool:
    return isinstance(value, str)


def _is_number_or_null(value) -> bool:
    """A number of a history, null where it was not finite (see :func:`_finite_or_none`)."""
    return value is None or model_io.is_number(value)


def _is_lineage(value) -> bool:
    """What a branched run records of its parent (see :func:`branch`), or null for a run of its own."""
    return value is None or isinstance(value, dict) and _is_text(value.get("run")) \
        and model_io.is_count(value.get("epoch"))


RUN_FIELDS = {
    "name": ("a text", _is_text),
    "dataset": ("a data set's name", _is_text),
    "network": ("a text", _is_text),
    "optimizer": ("an optimiser's name", _is_text),
    "best_metric": ("a number or null", _is_number_or_null),
    "best_epoch": ("a whole number ≥ 0 or null", lambda value: value is None or model_io.is_count(value)),
    "epochs_done": ("a whole number ≥ 0", model_io.is_count),
    "status": ("a text", _is_text),
    "started": ("a date as text", _is_text),
    "parent": ('null or {"run": a run folder\'s name, "epoch": a whole number ≥ 0}', _is_lineage),
    "lab": (model_io.LAB_TAG, model_io.is_lab_tag),
    "target_scaling": ("null or a scaling's name", lambda value: value is None or _is_text(value)),
    "task": ('null, "classification" or "regression"', lambda value: value in (None, "classification", "regression")),
}
"""What each field of a run.json that :class:`RunInfo` lists must be, and how to say so: a run.json
edited by hand, or by another program, must not break the lists that show it."""

RUN_DEFAULTS = {"dataset": "?", "network": "?", "optimizer": "?", "best_metric": None, "best_epoch": None,
                "epochs_done": 0, "status": "?", "started": "", "parent": None, "lab": None, "target_scaling": None,
                "task": None}
"""What a run.json without one of :data:`RUN_FIELDS` is read as (its name: the folder's)."""

HISTORY_FIELDS = {
    "epochs": ("a list", lambda value: isinstance(value, list)),
    "batches": ("a list", lambda value: isinstance(value, list)),
    "batch_stride": ("a whole number ≥ 1", lambda value: model_io.is_count(value) and value >= 1),
}
"""What a history.json must hold (see the module docstring), and how to say so."""

EPOCH_FIELDS = {
    "epoch": ("a whole number ≥ 0", model_io.is_count),
    "step": ("a whole number ≥ 0", model_io.is_count),
    **dict.fromkeys(("train_loss", "train_penalty", "train_metric", "val_loss", "val_metric", "lr", "elapsed"),
                    ("a number or null", _is_number_or_null)),
}
"""What each entry of a history's epochs must hold, and how to say so."""

BATCH_POINT = "[step, loss, metric, learning rate] and maybe a list of gradient norms"
"""What each entry of a history's batches must be, said as :func:`_is_batch_point` tests it."""


def _is_batch_point(point) -> bool:
    if not isinstance(point, list) or len(point) not in (4, 5) or not model_io.is_count(point[0]):
        return False
    norms = point[4] if len(point) == 5 else []
    return isinstance(norms, list) and all(map(_is_number_or_null, point[1:4] + norms))


@dataclass(frozen=True)
class RunInfo:
    """What the Runs view lists about a run."""

    folder: Path
    name: str
    dataset: str
    network: str
    optimizer: str
    best_metric: float | None
    best_epoch: int | None
    epochs_done: int
    status: str
    started: str
    parent: str | None
    lab: dict | None  # {"lab": id, "variant": name}: the teaching lab its weights were trained in
    target_scaling: str | None  # of the regression targets its losses are of ("standardize"); None: not scaled
    task: str | None  # its loss's: best_metric is an accuracy for "classification", R² for "regression"

    @classmethod
    def read(cls, folder: Path) -> "RunInfo":
        """ValueError naming run.json, and the field, when it is missing, corrupt, or holds a field
        that is not what :data:`RUN_FIELDS` says it must be."""
        path = folder / "run.json"
        meta = {"name": folder.name, **RUN_DEFAULTS, **_read_json(path)}
        _check_fields(path, meta, RUN_FIELDS)
        return cls(folder, **{key: meta[key] for key in RUN_FIELDS})


def _recorded_loss(entry: dict) -> float:
    """The monitored loss of an epoch of a history (see :func:`core.trainer.monitored_loss`); +inf
    where it was not finite (saved as None). Runs saved before the penalty was recorded have none."""
    def number(key: str, missing: float = math.nan) -> float:
        value = entry.get(key, missing)
        return math.nan if value is None else value

    loss = monitored_loss(number("val_loss"), number("train_loss"), number("train_penalty", 0.0))
    return loss if math.isfinite(loss) else math.inf


def target_scaling(info: RunInfo) -> str | None:
    """The scaling of the regression targets whose losses ``info``'s run recorded (None: not scaled): its run.json's
    ``target_scaling``, else its configuration's (:func:`core.experiment.target_scaling`; run.json names it only
    for scaled targets, and not at all in runs saved before it did). None when the configuration cannot be read."""
    if info.target_scaling is not None:
        return info.target_scaling
    try:
        return experiment.target_scaling(load_config(info.folder))
    except ValueError:
        return None


class RunRecorder:
    """Writes a run folder while a trainer runs: feed it every event with :meth:`record`.

    Per-batch points are decimated (every other point dropped whenever there are more than
    ``MAX_BATCH_POINTS``), so the history stays bounded however long the run.
    """

    def __init__(self, config: run_config.RunConfig, network, dataset_name: str, folder: Path | None = None,
                 checkpoint_every: int = 5, parent: dict | None = None, history: dict | None = None,
                 lab: dict | None = None, recorded: dict | None = None):
        """``lab``: ``{"lab": id, "variant": name}`` for weights trained in a teaching lab (the window
        opens the lab again with the run, and a result is exported only under its own lab). ``recorded``: what
        each model file of the run records besides the data set's name, epoch and step: the scalings its network
        learns with (:func:`core.model_io.scalers_record`), with which it is given the inputs it learnt and its
        outputs read in the data's units whatever data it is opened with; run.json names the targets' scaling
        (``target_scaling``), which the run's losses are of."""
        self.config, self.network = config, network
        stamp = time.strftime("%Y%m%d-%H%M%S")
        if folder is None:
            base = runs_folder() / f"{stamp}-{_slug(config.name)}"
            folder, suffix = base, 1
            while folder.exists():
                suffix += 1
                folder = base.with_name(f"{base.name}-{suffix}")
        self.folder = Path(folder)
        self.checkpoint_every = checkpoint_every
        self.history = history or {"epochs": [], "batches": [], "batch_stride": 1}
        # Judged over the whole recorded run: a Start that goes on from it begins a trainer whose first
        # epoch is its best so far, and that epoch, if worse, replaced best.npz.
        self._best_loss = min(map(_recorded_loss, self.history["epochs"]), default=math.inf)
        self._batch_counter = 0
        self.meta = {
            "name": config.name, "dataset": dataset_name,
            "network": " → ".join(str(layer.units) for layer in config.network.hidden) or "linear",
            "optimizer": config.optimizer.name, "status": "running",
            "started": time.strftime("%Y-%m-%d %H:%M:%S"), "pid": os.getpid(),
            "best_metric": None, "best_epoch": None, "epochs_done": 0, "parent": None, "lab": lab,
            "task": network.loss.task,
        }
        recorded = recorded or {}
        if recorded.get("target_scaler") is not None:
            self.meta["target_scaling"] = recorded["target_scaler"]["method"]
        if parent:
            self.meta["parent"] = parent
        self.folder.mkdir(parents=True, exist_ok=True)
        model_io.write_text_atomically(self.folder / "config.json", config.to_json())
        self._save_meta()
        self._metadata = {"dataset": dataset_name, **recorded}

    def _save_meta(self) -> None:
        _write_json(self.folder / "run.json", self.meta)

    def _save_history(self) -> None:
        _write_json(self.folder / "history.json", self.history, indent=None)  # thousands of points, every second

    def record(self, event, save: bool = True, optimizer_state: dict | None = None) -> None:
        """Add ``event`` to the run. An epoch writes the latest weights, the best ones when it is the
        best so far, its checkpoint when one is due, the history and run.json; with
        ``optimizer_state`` (:meth:`core.optimizers.Optimizer.state_arrays` at that event), the
        optimiser's state beside the latest weights and the checkpoint.

        With ``save=False`` an epoch writes only its checkpoint and keeps the rest in memory for the
        next saved epoch: a writer that has fallen behind a fast run (hundreds of epochs a second on
        toy data) saves only the newest of the epochs waiting, and the newest best one, instead of
        each in turn. The weights of an unsaved best epoch are not kept, so the caller saves the
        last best epoch of those waiting.
        """
        if isinstance(event, events.BatchFinished):
            self._batch_counter += 1
            if self._batch_counter % self.history["batch_stride"]:
                return
            batches = self.history["batches"]
            point = [event.step, _finite_or_none(event.loss), _finite_or_none(event.metric), event.lr]
            if event.gradient_norms:
                point.append([_finite_or_none(norm) for norm in event.gradient_norms])
            batches.append(point)
            if len(batches) > MAX_BATCH_POINTS:
                del batches[1::2]
                self.history["batch_stride"] *= 2
        elif isinstance(event, events.EpochFinished):
            self.history["epochs"].append({
                "epoch": event.epoch, "step": event.step, "train_loss": _finite_or_none(event.train_loss),
                "train_penalty": _finite_or_none(event.train_penalty),
                "train_metric": _finite_or_none(event.train_metric), "val_loss": _finite_or_none(event.val_loss),
                "val_metric": _finite_or_none(event.val_metric), "lr": event.lr, "elapsed": event.elapsed})
            self.meta["epochs_done"] = event.epoch
            if save:
                model_io.save_model(self.folder / "last.npz", self.network, epoch=event.epoch, step=event.step,
                                    **self._metadata)
            loss = monitored_loss(event.val_loss, event.train_loss, event.train_penalty)
            if loss < self._best_loss:
                self._best_loss = loss
                if save:
                    model_io.save_model(self.folder / "best.npz", self.network, epoch=event.epoch,
                                        step=event.step, **self._metadata)
                self.meta["best_epoch"] = event.epoch
                self.meta["best_metric"] = _finite_or_none(event.val_metric if math.isfinite(event.val_metric)
                                                           else event.train_metric)
            if save:
                self._save_optimizer(self.folder / "last.npz", event.epoch, event.step, optimizer_state)
            if self.checkpoint_every and event.epoch % self.checkpoint_every == 0:
                checkpoint = model_path(self.folder, checkpoint_name(event.epoch))
                model_io.save_model(checkpoint, self.network, epoch=event.epoch, step=event.step, **self._metadata)
                self._save_optimizer(checkpoint, event.epoch, event.step, optimizer_state)
            if save:
                self._save_history()
                self._save_meta()
        elif isinstance(event, events.TrainingFinished):
            self.meta["status"] = event.reason
            self.meta["message"] = event.message
            self._save_last(event.epoch, event.step, optimizer_state)

    def keep_weights(self, epoch: int, step: int) -> None:
        """The network's weights were set by hand at ``epoch``/``step`` while nothing trained them: they are the run's
        last weights (last.npz) from now on, so that reopening the run gives them back. A run that has trained keeps its
        status and the optimiser's state saved beside last.npz (of the same step: training on from the reopened run
        goes on as the window would); a run of its own becomes :data:`SET_BY_HAND`, and the epoch it stands at."""
        model_io.save_model(self.folder / "last.npz", self.network, epoch=epoch, step=step, **self._metadata)
        if self.meta["status"] == "running":  # recorded nothing yet: no process trains it
            self.meta["status"] = SET_BY_HAND
            self.meta["epochs_done"] = epoch
        if not (self.folder / "history.json").exists():  # a run that never saved an epoch: it opens with its curves
            self._save_history()
        self._save_meta()

    def keep_paused_weights(self, epoch: int, step: int, optimizer_state: dict | None) -> None:
        """The network's weights were set by hand in the run paused at ``epoch``/``step``: they are the run's last
        weights (last.npz) from now on, beside ``optimizer_state`` (its optimiser's, at that step) and with the
        history recorded so far, so that a crash before the run goes on loses none of them. The run still trains:
        run.json says so, as it says of any run whose end was not recorded."""
        self._save_last(epoch, step, optimizer_state)

    def _save_last(self, epoch: int, step: int, optimizer_state: dict | None) -> None:
        model_io.save_model(self.folder / "last.npz", self.network, epoch=epoch, step=step, **self._metadata)
        self._save_optimizer(self.folder / "last.npz", epoch, step, optimizer_state)
        self._save_history()
        self._save_meta()

    def _save_optimizer(self, model_path: Path, epoch: int, step: int, optimizer_state: dict | None) -> None:
        path = optimizer_state_path(model_path)
        if optimizer_state is None:
            path.unlink(missing_ok=True)  # an older state beside newer weights would not belong to them
            return
        optimizer = self.config.optimizer
        model_io.save_arrays(path, optimizer_state, {"optimizer": optimizer.name, "options": optimizer.options,
                                                     "epoch": epoch, "step": step})


def optimizer_state_at(event, optimizer) -> dict | None:
    """What a run saves of ``optimizer`` with ``event`` (:meth:`RunRecorder.record`'s
    ``optimizer_state``): a copy of its state at an epoch's end or the run's, but none after a
    divergence (the state may hold the step that overflowed), nor without an optimiser."""
    if optimizer is None or not isinstance(event, (events.EpochFinished, events.TrainingFinished)) \
            or getattr(event, "reason", None) == events.DIVERGED:
        return None
    return optimizer.state_arrays()


def optimizer_state_path(model_path: Path) -> Path:
    """Where the optimiser's state saved with the weights in ``model_path`` (last.npz, a checkpoint) lies."""
    model_path = Path(model_path)
    return model_path.with_name(model_path.stem + ".optimizer.npz")


def load_optimizer_state(model_path: Path) -> dict | None:
    """The optimiser's state saved with the weights in ``model_path`` (a run's last.npz or a
    checkpoint): a dict with ``optimizer`` (its name), ``options`` (its hyperparameters), ``arrays``
    (:meth:`core.optimizers.Optimizer.state_arrays`), ``epoch`` and ``step``; None when none was
    saved (runs saved before there were such files, or without one). ValueError when unreadable."""
    path = optimizer_state_path(model_path)
    if not path.exists():
        return None
    arrays, metadata = model_io.load_arrays(path)
    if not isinstance(metadata, dict) or not isinstance(metadata.get("optimizer"), str) \
            or not isinstance(metadata.get("options"), dict):
        raise ValueError(f"{path} does not describe an optimiser's state")
    return {"optimizer": metadata["optimizer"], "options": metadata["options"], "arrays": arrays,
            "epoch": metadata.get("epoch"), "step": metadata.get("step")}


def list_runs(folder: Path | None = None) -> list[RunInfo]:
    """Every readable run in the library, newest first; unreadable or damaged folders are skipped."""
    return read_library(folder)[0]


def read_library(folder: Path | None = None) -> tuple[list[RunInfo], list[tuple[Path, str]]]:
    """(every readable run, newest first; (folder, what is wrong) for each run whose run.json cannot
    be read): a damaged run is named instead of silently missing. Folders without a run.json are
    not runs, and not named."""
    folder = Path(folder or runs_folder())
    if not folder.is_dir():
        return [], []
    found, damaged = [], []
    with os.scandir(folder) as entries:  # with each entry's type: no stat per folder (half the time)
        for entry in entries:
            if entry.name == TRASH or not entry.is_dir():
                continue
            try:
                found.append(RunInfo.read(Path(entry.path)))
            except ValueError as error:  # the others are listed all the same
                if os.path.lexists(os.path.join(entry.path, "run.json")):
                    damaged.append((Path(entry.path), str(error)))
    return sorted(found, key=lambda info: (info.started, info.folder.name), reverse=True), sorted(damaged)


def load_config(run: Path) -> run_config.RunConfig:
    """A run's configuration: :func:`core.config.load` of its config.json (every failure a ValueError)."""
    return run_config.load(Path(run) / "config.json")


def load_history(run: Path) -> dict:
    """A run's history: ValueError naming history.json and the first value in it that is not what it
    must be, so that what cuts or replays a history (:func:`epoch_step`, :func:`branch`, the views)
    can rely on its shape."""
    path = Path(run) / "history.json"
    return check_history(path, _read_json(path))


def check_history(path: Path, history: dict, where: str = "") -> dict:
    """``history`` (a run's curves: a history.json, or what a model file records of the run that trained it, its
    ``where`` in ``path``) if it is what :func:`load_history` returns; else ValueError naming ``path`` and the first
    value that is not what it must be."""
    _check_fields(path, history, HISTORY_FIELDS, where, optional=("batch_stride",))  # read as 1 where absent
    for index, entry in enumerate(history["epochs"], 1):
        if not isinstance(entry, dict):
            raise _corrupt(path, f"entry {index} of epochs{where}", "an object {…}", entry)
        # Runs saved before the penalty was recorded have none.
        _check_fields(path, entry, EPOCH_FIELDS, f" in entry {index} of epochs{where}", optional=("train_penalty",))
    for index, point in enumerate(history["batches"], 1):
        if not _is_batch_point(point):
            raise _corrupt(path, f"entry {index} of batches{where}", BATCH_POINT, point)
    return history


def recorded_history(path: Path, metadata: dict) -> dict | None:
    """The curves a model file (read by :func:`core.model_io.load_model` from ``path``) records of the run that
    trained it, or None for a file that records none (one saved before files recorded them); ValueError naming the
    file and what is wrong with them."""
    if "history" not in metadata:
        return None
    return check_history(path, metadata["history"], " of its recorded history")


def checkpoint_name(epoch: int) -> str:
    """The ``which`` of :func:`model_path` and :func:`load_weights` for the checkpoint of ``epoch``."""
    return f"epoch-{epoch:04d}"


def model_path(run: Path, which: str = "best") -> Path:
    """The file of a run's ``best`` or ``last`` weights, or of its checkpoint ``epoch-N``."""
    run = Path(run)
    return run / f"{which}.npz" if which in ("best", "last") else run / "checkpoints" / f"{which}.npz"


def load_weights(run: Path, which: str = "best"):
    """(network, metadata) of a run's ``best`` or ``last`` weights, or of checkpoint ``epoch-N``."""
    return model_io.load_model(model_path(run, which))


def run_folder_of(model: Path) -> Path | None:
    """The run folder a model file lies in (its best.npz, last.npz or a checkpoint), or None."""
    model = Path(model)
    return next((folder for folder in (model.parent, model.parent.parent)
                 if (folder / "run.json").is_file() and (folder / "config.json").is_file()), None)


def checkpoints(run: Path) -> list[int]:
    """The epochs that have a checkpoint, in order."""
    folder = Path(run) / "checkpoints"
    if not folder.is_dir():
        return []
    found = (re.fullmatch(r"epoch-(\d+)\.npz", path.name) for path in folder.glob("epoch-*.npz"))
    return sorted(int(match.group(1)) for match in found if match)


def latest_weights(run: Path) -> tuple[str, tuple, Exception | None]:
    """(which, (network, metadata), the error of ``last`` or None) of the newest weights of a run that
    can be read: its ``last``, else its newest readable checkpoint (a damaged last.npz, written over
    when the disk filled up, made the whole run impossible to reopen). Raises the error of ``last``
    when nothing else can be read."""
    try:
        return "last", load_weights(run, "last"), None
    except (OSError, ValueError) as damaged:
        for epoch in reversed(checkpoints(run)):
            try:
                return checkpoint_name(epoch), load_weights(run, checkpoint_name(epoch)), damaged
            except (OSError, ValueError):
                continue
        raise damaged


def rename_run(run: Path, new_name: str) -> None:
    new_name = new_name.strip()
    if not new_name:
        raise ValueError("a run needs a non-empty name")
    meta = _read_json(Path(run) / "run.json")
    meta["name"] = new_name
    _write_json(Path(run) / "run.json", meta)


def delete_run(run: Path) -> Path:
    """Move a run to the library's trash (``restore_run`` undoes it); returns where it went."""
    run = Path(run)
    trash = run.parent / TRASH
    trash.mkdir(exist_ok=True)
    target = trash / run.name
    if target.exists():
        shutil.rmtree(target)
    os.replace(run, target)
    os.utime(target)  # the trash keeps a run by when it was deleted, not when it last changed
    return target


def restore_run(trashed: Path) -> Path:
    trashed = Path(trashed)
    target = trashed.parent.parent / trashed.name
    os.replace(trashed, target)
    return target


def empty_trash(folder: Path | None = None, *, kept_days: float = TRASH_KEPT_DAYS,
                now: float | None = None) -> list[Path]:
    """Remove for good the runs moved to the trash more than ``kept_days`` days ago (by the
    trashed folder's modification time); returns what was removed. Folders that cannot be removed
    (in use, no permission) are left for a later try."""
    trash = Path(folder or runs_folder()) / TRASH
    if not trash.is_dir():
        return []
    cutoff = (time.time() if now is None else now) - kept_days * 86400.0
    removed = []
    for trashed in trash.iterdir():
        try:
            if trashed.stat().st_mtime >= cutoff:
                continue
            if trashed.is_dir():
                shutil.rmtree(trashed)
            else:
                trashed.unlink()
            removed.append(trashed)
        except OSError:
            continue
    return removed


def branch(run: Path, epoch: int, config: run_config.RunConfig | None = None):
    """Start a new run from checkpoint ``epoch`` of ``run`` with (possibly changed) ``config``.

    The checkpoint's architecture and weights are kept; the training settings (optimiser,
    learning rate, schedule, regularisation, epochs) come from ``config``; the optimiser's state
    saved with the checkpoint is :func:`load_optimizer_state`'s.

    Returns (network with the checkpoint's weights, recorder of the new run, history up to that
    epoch); the new run's ``parent`` names the old run and the epoch it branched from.
    """
    run = Path(run)
    if epoch not in checkpoints(run):
        raise ValueError(f"run {run.name} has no checkpoint at epoch {epoch}; it has {checkpoints(run)}")
    network, metadata = load_weights(run, checkpoint_name(epoch))
    config = config or load_config(run)
    old = load_history(run)
    history = {"epochs": [e for e in old["epochs"] if e["epoch"] <= epoch],
               "batches": [b for b in old["batches"] if b[0] <= epoch_step(old, epoch)],
               "batch_stride": old.get("batch_stride", 1)}
    recorder = RunRecorder(config, network, metadata.get("dataset", "?"), parent={"run": run.name, "epoch": epoch},
                           history=history, lab=RunInfo.read(run).lab,
                           recorded={key: metadata[key] for key in model_io.SCALER_FIELDS if key in metadata})
    return network, recorder, history


def epoch_step(history: dict, epoch: int) -> int:
    for entry in history["epochs"]:
        if entry["epoch"] == epoch:
            return entry["step"]
    return 0


def _process_alive(pid) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def interrupted_runs(folder: Path | None = None) -> list[RunInfo]:
    """Runs still marked "running" whose process is gone: the app was killed while training, or a full
    disk refused even the run.json that would have said :data:`RECORDING_STOPPED`."""
    found = []
    for info in list_runs(folder):
        if info.status != "running":
            continue
        try:
            pid = _read_json(info.folder / "run.json").get("pid")
        except ValueError:  # changed since it was listed: no longer a run to offer
            continue
        if pid != os.getpid() and not _process_alive(pid):
            found.append(info)
    return found


def _set_status(run: Path, status: str, **fields) -> None:
    """Change the status in ``run``'s run.json as it is on disk: what the recorder holds in memory
    may name epochs whose files were never written."""
    meta = _read_json(Path(run) / "run.json")
    meta.update(status=status, **fields)
    _write_json(Path(run) / "run.json", meta)


def mark_recovered(run: Path) -> None:
    """Mark an interrupted run as handled (restored or dismissed) so it is offered only once."""
    _set_status(run, "interrupted")


def mark_recording_stopped(run: Path, reason: str) -> None:
    """Mark a run whose files could not be written any further (``reason``: why) as
    :data:`RECORDING_STOPPED`; raises OSError if run.json cannot be written either."""
    _set_status(run, RECORDING_STOPPED, message=reason)
