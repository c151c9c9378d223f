"""MNIST and Fashion-MNIST: 28×28 grey images in ten classes, from the four standard IDX files.

Where the files are looked for, in this order (the first folder holding all four that read well
wins; a damaged copy is passed over, and refused with :class:`DatasetDamagedError` when no good
one follows):

1. the ``folder`` the caller gives;
2. ``$MLP_WORKBENCH_DATA/<name>/`` — a teacher's lab pack, or CI's shared data (``mnist/``,
   ``fashion-mnist/``);
3. the user's cache folder ``<cache>/<name>/`` (see :mod:`core.datasets.locations`);
4. system folders a package installs (Debian's ``dataset-fashion-mnist``:
   ``/usr/share/datasets/fashion-mnist/``);
5. only when the caller passes ``download=True``: the public mirrors, into the cache folder.

Each file may be gzip-compressed (``train-images-idx3-ubyte.gz``) or raw (without ``.gz``).
Local files are checked by the IDX reader (header, lengths, matching counts), not by checksum:
repackaged copies (Debian recompresses the ``.gz`` files) are as good as the originals.
Downloads are checked by MD5, written to a temporary file and renamed into place only when
complete and correct, so an interrupted or corrupted transfer never leaves a file behind; a
download fetches again a ``.gz`` file of the cache whose MD5 is wrong.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import http.client
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from urllib.request import urlopen

import numpy as np

from core.datasets.dataset import DATASETS, Dataset, make_dataset, pixel_names
from core.datasets.idx import read_idx
from core.datasets.locations import SHARED_DATA_VARIABLE, atomic_file, cache_folder, shared_data_folder

IMAGE_SHAPE = (28, 28)
PIXEL_MAX = 255
PARTS = ("train_images", "train_labels", "test_images", "test_labels")
FILE_NAMES = {"train_images": "train-images-idx3-ubyte", "train_labels": "train-labels-idx1-ubyte",
              "test_images": "t10k-images-idx3-ubyte", "test_labels": "t10k-labels-idx1-ubyte"}
DOWNLOAD_CHUNK = 1 << 16

Progress = Callable[[int, int], None]


class DatasetUnavailableError(FileNotFoundError):
    """The files of a data set are nowhere on this computer (and no download was allowed).

    ``source`` is the :class:`IdxSource` whose files are missing: a window offers its download.
    ``given_folder`` is the folder the user chose, if any, and ``missing_there`` the names of the
    files it lacks (all four where it does not exist)."""

    def __init__(self, message: str, source: "IdxSource", given_folder: Path | None = None,
                 missing_there: tuple[str, ...] = ()):
        super().__init__(message)
        self.source, self.given_folder, self.missing_there = source, given_folder, missing_there


class DatasetDamagedError(DatasetUnavailableError):
    """Every copy of a data set's files on this computer is damaged (truncated, mismatched): as
    good as none, and a download into the cache folder gives a good one. ``damaged`` lists
    (folder, what is wrong) for each copy."""

    def __init__(self, message: str, source: "IdxSource", damaged: list[tuple[Path, str]]):
        super().__init__(message, source)
        self.damaged = damaged


class DownloadError(OSError):
    """Every mirror failed for a file; the message lists what went wrong with each."""


@dataclass(frozen=True)
class IdxSource:
    """Where an IDX data set comes from: the mirrors and the MD5 and size of each ``.gz`` file."""

    name: str
    title: str
    class_names: tuple[str, ...]
    mirrors: tuple[str, ...]
    checksums: dict[str, tuple[str, int]]  # part -> (md5 of the .gz file, its size in bytes)
    system_folders: tuple[Path, ...] = field(default=())
    # Its sub-folder in a data or cache folder; files are also read from the others (older names).
    folder_names: tuple[str, ...] = field(default=())

    @property
    def folder_name(self) -> str:
        """The sub-folder downloads and lab packs write to, and messages name."""
        return (self.folder_names or (self.name,))[0]

    def url(self, mirror: str, part: str) -> str:
        return mirror.rstrip("/") + "/" + FILE_NAMES[part] + ".gz"

    @property
    def download_bytes(self) -> int:
        """The size of its four ``.gz`` files together."""
        return sum(size for _, size in self.checksums.values())


SOURCES: dict[str, IdxSource] = {
    "mnist": IdxSource(
        name="mnist", title="MNIST handwritten digits",
        class_names=tuple(str(digit) for digit in range(10)),
        mirrors=("https://ossci-datasets.s3.amazonaws.com/mnist/",
                 "https://storage.googleapis.com/cvdf-datasets/mnist/",
                 "http://yann.lecun.com/exdb/mnist/"),
        checksums={"train_images": ("f68b3c2dcbeaaa9fbdd348bbdeb94873", 9_912_422),
                   "train_labels": ("d53e105ee54ea40749a09fcbcd1e9432", 28_881),
                   "test_images": ("9fb629c4189551a2d022fa330f9573f3", 1_648_877),
                   "test_labels": ("ec29112dd5afa0611ce80d1b7f02629c", 4_542)}),
    "fashion_mnist": IdxSource(
        name="fashion_mnist", title="Fashion-MNIST clothing images",
        class_names=("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                     "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
        mirrors=("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                 "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
        checksums={"train_images": ("8d4fb7e6c68d591d4c3dfef9ec88bf0d", 26_421_880),
                   "train_labels": ("25c81989df183df01b3e8a0aad5dffbe", 29_515),
                   "test_images": ("bef4ecab320f06d8554ea6380940ec79", 4_422_102),
                   "test_labels": ("bb300cfdad3c16e7a12a480ee83cd310", 5_148)},
        system_folders=(Path("/usr/share/datasets/fashion-mnist"),),
        # Named as Zalando and Debian name it; earlier versions of the workbench wrote fashion_mnist.
        folder_names=("fashion-mnist", "fashion_mnist")),
}


def candidate_folders(source: IdxSource, folder=None) -> list[tuple[str, Path]]:
    """The folders looked in, in order, each with a label saying why it is on the list."""
    folders = []
    if folder is not None:
        folders.append(("the folder given", Path(folder).expanduser()))
    sub_folders = source.folder_names or (source.name,)
    shared = shared_data_folder()
    if shared is not None:
        folders += [(f"${SHARED_DATA_VARIABLE}/{name}", shared / name) for name in sub_folders]
    folders += [("the user's cache", cache_folder() / name) for name in sub_folders]
    folders.extend(("installed by a system package", path) for path in source.system_folders)
    return folders


def files_in(folder: Path) -> dict[str, Path]:
    """The parts present in ``folder`` (``.gz`` preferred over raw), by part name."""
    found = {}
    for part, stem in FILE_NAMES.items():
        for candidate in (folder / (stem + ".gz"), folder / stem):
            if candidate.is_file():
                found[part] = candidate
                break
    return found


def complete_folders(source: IdxSource, folder=None) -> Iterator[Path]:
    """The :func:`candidate_folders` that hold all four files of ``source``, in their order."""
    return (path for _, path in candidate_folders(source, folder) if len(files_in(path)) == len(PARTS))


def found_folder(source: IdxSource, folder=None) -> Path | None:
    """The first of :func:`candidate_folders` that holds all four files of ``source``, or None."""
    return next(complete_folders(source, folder), None)


def locate(source: IdxSource, folder=None) -> dict[str, Path]:
    """The four files of ``source`` from the first folder that has them all; else DatasetUnavailableError."""
    found = found_folder(source, folder)
    if found is not None:
        return files_in(found)
    report = []
    for why, path in candidate_folders(source, folder):
        present = files_in(path)
        state = "does not exist" if not path.is_dir() else f"has {len(present)} of the 4 files"
        report.append(f"  - {path} ({why}): {state}")
    if shared_data_folder() is None:
        report.append(f"  (${SHARED_DATA_VARIABLE} is not set)")
    names = ", ".join(FILE_NAMES[part] + "[.gz]" for part in PARTS)
    raise DatasetUnavailableError(
        f"{source.title} ({source.name}) is not on this computer. Looked for the four IDX files "
        f"({names}) in:\n" + "\n".join(report) + "\n"
        f"To provide them: copy the four files into {cache_folder() / source.folder_name}; or point "
        f"${SHARED_DATA_VARIABLE} at a folder with a '{source.folder_name}' sub-folder holding them (a teacher "
        f"makes one with `mlp-workbench lab pack FOLDER`); or download them into the cache folder.", source,
        *_given_folder_state(folder))


def _given_folder_state(folder) -> tuple:
    """(the folder the user chose, the files it lacks), or () when none was chosen."""
    if folder is None:
        return ()
    given = Path(folder).expanduser()
    present = files_in(given) if given.is_dir() else {}
    return given, tuple(FILE_NAMES[part] + ".gz" for part in PARTS if part not in present)


def download(source: IdxSource, destination=None, *, progress: Progress | None = None,
             timeout: float = 30.0) -> Path:
    """Fetch the files of ``source`` missing from ``destination`` (default: its cache folder).

    Each file is tried on every mirror in turn; it is kept only if its MD5 matches, and it
    appears under its final name only when complete (temporary file + atomic rename). A file
    already there counts only as a ``.gz`` with the right MD5: a damaged one (cut short, altered)
    is fetched again, and a raw one, which cannot be checked, is fetched as a ``.gz`` beside it.
    ``progress(done_bytes, total_bytes)`` is called as bytes arrive, over all files together;
    an exception raised by it (a Cancel button) stops the download and is re-raised.
    Raises DownloadError when every mirror fails for a file, and the OSError of the folder when
    it cannot hold the files (full, read-only, a file in its place), which no mirror mends.
    """
    destination = Path(destination) if destination is not None else cache_folder() / source.folder_name
    destination.mkdir(parents=True, exist_ok=True)  # a folder that cannot be made fails before any transfer
    _remove_abandoned_parts(destination)
    present = files_in(destination)
    missing = [part for part in PARTS if part not in present or present[part].suffix != ".gz"
               or _md5(present[part]) != source.checksums[part][0]]
    total = sum(source.checksums[part][1] for part in missing)
    done = 0
    for part in missing:
        target = destination / (FILE_NAMES[part] + ".gz")
        failures = []

        def report(received: int, start: int = done) -> None:
            if progress is not None:
                progress(start + received, total)

        for mirror in source.mirrors:
            url = source.url(mirror, part)
            report(0)  # a Cancel given while the last mirror timed out ends the download here
            try:
                data = _fetch(url, source.checksums[part][0], timeout, report)
                break
            except (OSError, http.client.HTTPException, ValueError) as error:
                failures.append(f"  - {url}: {error}")
        else:
            raise DownloadError(f"could not download {target.name} for {source.name}:\n" + "\n".join(failures))
        # Saved apart from the transfer: an error here is the folder's, not the mirror's.
        with atomic_file(target) as file:
            file.write(data)
        done += len(data)
    return destination


ABANDONED_AFTER_S = 600
"""A partial download (``.<file>.*.part``) untouched this long was left by a process that ended mid-way."""


def _remove_abandoned_parts(destination: Path) -> None:
    """Delete partial downloads of the IDX files that a process ending mid-download left behind (a
    window closed during a stalled transfer); a recent one may be another download's, and stays."""
    now = time.time()
    for stem in FILE_NAMES.values():
        for part in destination.glob(f".{stem}.gz.*.part"):
            try:
                if now - part.stat().st_mtime > ABANDONED_AFTER_S:
                    part.unlink()
            except OSError:  # gone meanwhile, or not ours to delete: it only takes room
                continue


def _fetch(url: str, md5: str, timeout: float, received: Callable[[int], None]) -> bytes:
    """The file at ``url`` (a few MB) if its MD5 is ``md5``; ValueError if not."""
    digest = hashlib.md5(usedforsecurity=False)
    data = bytearray()
    with urlopen(url, timeout=timeout) as response:
        while chunk := response.read(DOWNLOAD_CHUNK):
            data += chunk
            digest.update(chunk)
            received(len(data))
    if digest.hexdigest() != md5:
        raise ValueError(f"checksum mismatch: got MD5 {digest.hexdigest()} for {len(data):,} bytes, "
                         f"expected {md5}")
    return bytes(data)


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as file:
        while chunk := file.read(DOWNLOAD_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_files(source: IdxSource, files: dict[str, Path]) -> dict[str, np.ndarray]:
    """The four arrays, checked to fit together: uint8 28×28 images, labels 0–9, equal counts."""
    arrays = {part: _read_cached(*_stamp(path)) for part, path in files.items()}
    for split in ("train", "test"):
        images, labels = arrays[split + "_images"], arrays[split + "_labels"]
        images_file, labels_file = files[split + "_images"], files[split + "_labels"]
        if images.ndim != 3 or images.shape[1:] != IMAGE_SHAPE or images.dtype != np.uint8:
            raise ValueError(f"{images_file}: expected unsigned-byte images of 28 × 28 pixels, "
                             f"got {images.dtype} of shape {images.shape}")
        if labels.ndim != 1 or labels.dtype != np.uint8:
            raise ValueError(f"{labels_file}: expected one unsigned-byte label per image, "
                             f"got {labels.dtype} of shape {labels.shape}")
        if len(images) != len(labels):
            raise ValueError(f"mismatched files: {images_file} has {len(images):,} images but "
                             f"{labels_file} has {len(labels):,} labels")
        if len(labels) and labels.max() >= len(source.class_names):
            raise ValueError(f"{labels_file}: label {labels.max()} is not a class of {source.name} "
                             f"(0 … {len(source.class_names) - 1})")
    return arrays


def _stamp(path: Path) -> tuple[str, int, int]:
    """The cache key of a file: a changed file (size or modification time) is read again."""
    status = path.stat()
    return str(path.resolve()), status.st_size, status.st_mtime_ns


@functools.lru_cache(maxsize=8)
def _read_cached(path: str, size: int, mtime_ns: int) -> np.ndarray:
    """Decoding MNIST's 47 MB of images takes a second; a process reads them once."""
    return read_idx(path)


def locate_readable(source: IdxSource, folder=None) -> tuple[dict[str, Path], dict[str, np.ndarray]]:
    """(files, arrays) of the first of :func:`complete_folders` whose files read well: a damaged copy
    (a truncated file in a shared folder no one may change, say) leaves the way to a good one after
    it. DatasetDamagedError when every copy is damaged, DatasetUnavailableError when there is none."""
    damaged = []
    for found in complete_folders(source, folder):
        files = files_in(found)
        try:
            return files, read_files(source, files)
        except ValueError as error:
            damaged.append((found, str(error)))
    if not damaged:
        locate(source, folder)  # raises DatasetUnavailableError, saying where it looked
    where, problem = damaged[0]
    others = f" (and those in {', '.join(str(path) for path, _ in damaged[1:])})" if len(damaged) > 1 else ""
    raise DatasetDamagedError(
        f"{problem}. The {source.title} files in {where} are damaged{others}: replace them with good copies, or "
        f"download the set again, which keeps a good copy in {cache_folder() / source.folder_name}",
        source, damaged)


def load_idx_dataset(source: IdxSource, folder=None, *, download_allowed: bool = False,
                     progress: Progress | None = None, mirrors=None, extra_train=None, scaling: str = "unit",
                     **split_options) -> Dataset:
    """The :class:`Dataset` of an IDX source, found (or downloaded) as the module docstring says.

    ``mirrors`` (base URLs) replaces the public mirrors — a school's own server, say; the files
    must still have the official checksums.
    """
    try:
        _, arrays = locate_readable(source, folder)
    except DatasetUnavailableError:  # none, or only damaged copies
        if not download_allowed:
            raise
        if mirrors is not None:
            if isinstance(mirrors, str) or not all(isinstance(url, str) for url in mirrors):
                raise ValueError(f"mirrors must be a list of base URLs, got {mirrors!r}") from None
            source = dataclasses.replace(source, mirrors=tuple(mirrors))
        arrays = read_files(source, files_in(download(source, progress=progress)))
    flat = {part: array.reshape(len(array), -1) for part, array in arrays.items()}
    return make_dataset(source.name, "multiclass", flat["train_images"], arrays["train_labels"],
                        X_test=flat["test_images"], y_test=arrays["test_labels"],
                        class_names=source.class_names, image_shape=IMAGE_SHAPE, pixel_max=PIXEL_MAX,
                        feature_names=pixel_names(IMAGE_SHAPE), extra_train=extra_train, scaling=scaling,
                        **split_options)


@DATASETS.register("mnist")
def load_mnist(folder=None, *, download: bool = False, progress: Progress | None = None, mirrors=None,
               mix_user_digits: bool = False, user_folder=None, scaling: str = "unit", **split_options) -> Dataset:
    """MNIST: 60,000 training and 10,000 test images of handwritten digits.

    ``mix_user_digits=True`` appends the digits you drew and saved (:mod:`core.datasets.user_digits`,
    from ``user_folder`` or your data folder) to the training split — never to validation or test.
    ``download=True`` fetches missing files from ``mirrors`` (default: the public ones) into the cache,
    calling ``progress(done_bytes, total_bytes)``.
    Options: validation_split, seed, max_train, scaling (see :mod:`core.datasets.dataset`).
    """
    extra = None
    if mix_user_digits:
        from core.datasets.user_digits import load_user_digits  # user_digits builds on this module

        images, labels = load_user_digits(user_folder)
        extra = (images.reshape(len(images), -1), labels)
    return load_idx_dataset(SOURCES["mnist"], folder, download_allowed=download, progress=progress,
                            mirrors=mirrors, extra_train=extra, scaling=scaling, **split_options)


@DATASETS.register("fashion_mnist")
def load_fashion_mnist(folder=None, *, download: bool = False, progress: Progress | None = None, mirrors=None,
                       scaling: str = "unit", **split_options) -> Dataset:
    """Fashion-MNIST: 60,000 training and 10,000 test images of clothes, MNIST's format and size.

    Options: validation_split, seed, max_train, scaling (see :mod:`core.datasets.dataset`).
    """
    return load_idx_dataset(SOURCES["fashion_mnist"], folder, download_allowed=download, progress=progress,
                            mirrors=mirrors, scaling=scaling, **split_options)

