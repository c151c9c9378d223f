"""Saving and loading models and other files atomically, without pickle.

A model file is an ``.npz`` holding each parameter/buffer array (``layer<i>.<name>``)
and one string entry, ``__model__``, with the JSON description of the network plus metadata
(the dataset it was trained on, its preprocessing, metrics). It is read with ``allow_pickle=False``.
Every write goes to a temporary file in the same folder and is renamed over the target, so a crash
mid-save leaves the previous file intact.
"""
from __future__ import annotations

import io
import json
import reprlib
import zipfile
from pathlib import Path

import numpy as np

from core.datasets.dataset import SCALINGS, Scaler
from core.datasets.locations import atomic_file
from core.network import Network

MODEL_FORMAT = "mlp-workbench-model"
MODEL_VERSION = 1
_META_KEY = "__model__"


def write_text_atomically(path, text: str) -> None:
    with atomic_file(path) as stream:
        stream.write(text.encode("utf-8"))


def save_arrays(path, arrays: dict[str, np.ndarray], metadata: dict | None = None) -> None:
    """Write ``arrays`` (and optional JSON ``metadata``) to an .npz, atomically, as ``np.savez`` writes it but
    for the metadata, which is compressed (``np.load`` reads both kinds of member).

    The arrays are not compressed: trained float weights shrink by 7 % compressed (Adam's moments by 16 %), for
    30 ms of CPU per MB, and a recording run saves its weights and optimiser state every second. The metadata is
    NumPy text, four bytes a character: a run's curves in it (Save model keeps them) would be 2 MB beside a
    0.5 MB model, 0.3 MB compressed at zlib's fastest level (~20 ms a MB).
    """
    with atomic_file(path) as stream, zipfile.ZipFile(stream, "w", allowZip64=True) as archive:
        for name, array in arrays.items():
            with archive.open(f"{name}.npy", "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.asanyarray(array), allow_pickle=False)
        if metadata is not None:
            text = io.BytesIO()
            np.lib.format.write_array(text, np.array(json.dumps(metadata, allow_nan=False)), allow_pickle=False)
            archive.writestr(f"{_META_KEY}.npy", text.getvalue(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)


class ModelFileProblem(ValueError):
    """A file that cannot be read as a model: the message names it and what is wrong. ``kind`` says
    what for a window's own words ("missing", "unreadable", "not a model", "newer", "damaged",
    "diverged"); ``detail`` is what the message quotes beyond that (a version, the damage), or ""."""

    def __init__(self, message: str, path, kind: str, detail: str = ""):
        super().__init__(message)
        self.path, self.kind, self.detail = Path(path), kind, detail


def load_arrays(path) -> tuple[dict[str, np.ndarray], dict | None]:
    """Read an .npz written by :func:`save_arrays`; ValueError for anything unreadable."""
    path = Path(path)
    try:
        # Opening the file ourselves: np.load leaks its handle when the zip directory is corrupt.
        with open(path, "rb") as stream:
            # What is not a zip archive np.load takes for a pickle, and says so: not a message for a person.
            is_zip = stream.read(2) == b"PK"
            stream.seek(0)
            if is_zip:
                with np.load(stream, allow_pickle=False) as archive:
                    arrays = {key: archive[key] for key in archive.files}
    except FileNotFoundError:
        raise ModelFileProblem(f"{path} does not exist", path, "missing") from None
    except (OSError, ValueError, TypeError, AttributeError, zipfile.BadZipFile, EOFError) as error:
        # NumPy's advice for a member holding objects is to unpickle it: not one to give a person.
        detail = "" if "pickle" in str(error) else f": {error}"
        raise ModelFileProblem(f"{path} is not a readable .npz file (truncated or corrupt?){detail}", path,
                               "unreadable") from None
    if not is_zip:
        raise ModelFileProblem(f"{path} is not a readable .npz file (truncated or corrupt?)", path, "unreadable")
    metadata = None
    if _META_KEY in arrays:
        try:
            metadata = json.loads(str(arrays.pop(_META_KEY)))
        except json.JSONDecodeError:
            raise ModelFileProblem(f"{path}: its description is corrupt", path, "damaged",
                                   "its description is corrupt") from None
    return arrays, metadata


def save_model(path, network: Network, **metadata) -> None:
    """Save ``network`` (architecture, loss, weights, running statistics) and ``metadata``.

    Useful metadata: ``dataset`` (name), ``image_shape``, ``class_names``, ``test_accuracy``, and the scalings
    the network learnt with (:func:`scalers_record`), which :func:`recorded_scaler` reads back: its inputs
    are then scaled as it learnt them, and its outputs map back to the data's units; ``history``, the curves of the
    run that trained it as its run folder's history.json holds them (:func:`core.runs.recorded_history` reads them
    back), which a teaching lab's result is made of.
    """
    description = {"format": MODEL_FORMAT, "version": MODEL_VERSION, "network": network.config(), **metadata}
    save_arrays(path, network.state(), description)


def load_model(path) -> tuple[Network, dict]:
    """Read a model file; returns (network, metadata). Errors name the file and what is wrong."""
    arrays, description = load_arrays(path)
    if not isinstance(description, dict) or description.get("format") != MODEL_FORMAT:
        raise ModelFileProblem(f"{path} is not an MLP Workbench model file", path, "not a model")
    version = description.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ModelFileProblem(f"{path}: its description has no valid model version (got {version!r}); the file is "
                               "corrupt", path, "damaged", f"no valid model version (got {version!r})")
    if version > MODEL_VERSION:
        raise ModelFileProblem(f"{path} was written by a newer MLP Workbench (model version {version}); "
                               f"this version reads up to {MODEL_VERSION}", path, "newer", str(version))
    if not isinstance(description.get("network"), dict):
        raise ModelFileProblem(f"{path}: its description has no network; the file is corrupt", path, "damaged",
                               "its description has no network")
    not_real = sorted(name for name, array in arrays.items() if array.dtype.kind not in "biuf")
    if not_real:  # copied into the network, complex numbers lose their imaginary part, text is parsed
        raise _damaged(path, f"{', '.join(not_real)} hold {arrays[not_real[0]].dtype} values, not real numbers")
    diverged = [name for name, array in arrays.items() if array.dtype.kind == "f" and not np.isfinite(array).all()]
    if diverged:
        raise ModelFileProblem(f"{path}: {', '.join(sorted(diverged))} hold non-finite values (NaN or ∞): the run "
                               f"that saved them had diverged", path, "diverged", ", ".join(sorted(diverged)))
    try:
        network = Network.from_config(description["network"], initialize=False)
        largest = np.finfo(network.dtype).max
        too_large = sorted(name for name, array in arrays.items() if array.size and np.abs(array).max() > largest)
        if too_large:  # finite in the file's float64, they would be ∞ in the network's float32: every prediction NaN
            raise _damaged(path, f"{', '.join(too_large)} hold values beyond ±{largest:.1e}, more than its "
                                 f"{8 * network.dtype.itemsize}-bit weights can hold")
        network.load_state(arrays)
    except ModelFileProblem:
        raise
    except ValueError as error:
        raise ModelFileProblem(f"{path}: {error}", path, "damaged", str(error)) from None
    metadata = {key: value for key, value in description.items() if key not in ("format", "version", "network")}
    _check_metadata(path, metadata, network)
    return network, metadata


def is_count(value) -> bool:
    """A whole number ≥ 0, and not true or false (Python counts them as the ints 1 and 0)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def is_number(value) -> bool:
    """An int or a float, and not true or false."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_lab_tag(value) -> bool:
    """What weights trained in a teaching lab record of it (``{"lab": its id, "variant": its variant's name}``), or
    null for weights trained outside any lab."""
    return value is None or isinstance(value, dict) and isinstance(value.get("lab"), str) \
        and isinstance(value.get("variant"), str)


LAB_TAG = 'null or {"lab": a lab\'s id, "variant": its variant\'s name}'
"""What :func:`is_lab_tag` accepts, as a message says it."""

METADATA_RULES = {
    "dataset": ("a data set's name", lambda value: value is None or isinstance(value, str)),
    "config": ("a run configuration (an object)", lambda value: isinstance(value, dict)),
    "image_shape": ("null or [height, width]",
                    lambda value: value is None or isinstance(value, list) and len(value) == 2
                    and all(is_count(side) and side > 0 for side in value)),
    "class_names": ("a list of texts", lambda value: isinstance(value, list) and all(isinstance(name, str)
                                                                                     for name in value)),
    "scaling": (f"a scaling's name ({', '.join(SCALINGS)})", lambda value: value in SCALINGS),
    "scaler": ("an object of offsets and scales (as many finite numbers each; scales above 0)",
               lambda value: _is_offsets_and_scales(value)),
    "target_scaler": ("null or an object of a method, offsets and scales",
                      lambda value: value is None or _is_scaler_record(value)),
    "lab": (LAB_TAG, is_lab_tag),
    "history": ("an object of the curves of the run that trained it", lambda value: isinstance(value, dict)),
    "epoch": ("a whole number ≥ 0", is_count),
    "step": ("a whole number ≥ 0", is_count),
    "test_accuracy": ("a number", lambda value: value is None or is_number(value)),
}
"""What each recorded setting of a model file must be, and how to say so."""


def _is_scaler_record(value) -> bool:
    try:
        Scaler.from_record(value)
    except ValueError:
        return False
    return True


def _is_offsets_and_scales(value) -> bool:
    """A recorded input scaler: its offsets and scales only, its method being the file's ``scaling``."""
    return isinstance(value, dict) and "method" not in value and _is_scaler_record({"method": "none", **value})


def scalers_record(dataset) -> dict:
    """What a model file records of the scalings its network learnt with on ``dataset``, to be read back by
    :func:`recorded_scaler`: of the inputs, ``scaling`` (the method) and ``scaler`` (``{"offset": […], "scale":
    […]}``, one of each per feature; files recorded them so before the targets' scaling); of the regression
    targets, ``target_scaler`` (:meth:`core.datasets.Scaler.record`; None when they were not scaled)."""
    scaler = dataset.scaler.record()
    return {"scaling": scaler.pop("method"), "scaler": scaler,
            "target_scaler": None if dataset.target_scaler is None else dataset.target_scaler.record()}


SCALER_FIELDS = ("scaling", "scaler", "target_scaler")
"""The fields of :func:`scalers_record`."""


def recorded_scaler(metadata: dict, key: str, unrecorded=None) -> Scaler | None:
    """The scaling a model file's network learnt with, as :func:`scalers_record` records it in ``metadata``
    (checked by :func:`load_model`): ``key`` "scaler" for its inputs', "target_scaler" for its regression
    targets' (None when they were not scaled); ``unrecorded`` for a file that does not record it (written
    before files recorded it, or by another tool: its data's own, fitted on their training split as then)."""
    if key not in metadata:
        return unrecorded
    record = metadata[key]
    if key == "scaler":
        record = {"method": metadata.get("scaling"), **record}
    return None if record is None else Scaler.from_record(record)


def _check_metadata(path, metadata: dict, network: Network) -> None:
    """ModelFileProblem naming the first recorded setting of a model file that is not what it must be
    (:data:`METADATA_RULES`), an input scaler without the scaling that names its method, or a scaler that is
    not as wide as ``network``'s inputs or outputs."""
    for key, (wanted, fits) in METADATA_RULES.items():
        if key in metadata and not fits(metadata[key]):
            raise _damaged(path, f"its recorded {key} must be {wanted}, got {reprlib.repr(metadata[key])}")
    if "scaler" in metadata and "scaling" not in metadata:
        raise _damaged(path, "its recorded scaler has no scaling beside it to name its method")
    for key, width, columns in (("scaler", network.n_inputs, "inputs"), ("target_scaler", network.n_outputs,
                                                                           "outputs")):
        scaler = recorded_scaler(metadata, key)
        if scaler is not None and scaler.offset.size != width:
            raise _damaged(path, f"its recorded {key} has {scaler.offset.size} columns for {width} {columns}")


def _damaged(path, wrong: str) -> ModelFileProblem:
    return ModelFileProblem(f"{path}: {wrong}; the file is corrupt", path, "damaged", wrong)
