"""A lab pack: one folder holding the data sets a class needs, for computers without internet.

A teacher runs, on a computer that has the files (or may download them)::

    python -m core.datasets.labpack /media/usb/mlp-data [--names mnist fashion_mnist] [--download]

copies the folder to the lab machines, and sets ``MLP_WORKBENCH_DATA`` to it there. The folder
has the layout ``MLP_WORKBENCH_DATA`` expects — one sub-folder per data set with its four IDX
files — and a README saying so. Every file is checked by the IDX reader before it is copied,
and copied through a temporary file, so a pack never holds a broken file.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Callable

from core.datasets.locations import SHARED_DATA_VARIABLE, atomic_file
from core.datasets.mnist import SOURCES, download, files_in, locate_readable, read_files

README = """MLP Workbench lab pack
======================

Data sets: {names}

On each lab computer, set the environment variable {variable} to this folder, e.g.
  Linux/macOS:  export {variable}="/path/to/this/folder"
  Windows:      setx {variable} "C:\\path\\to\\this\\folder"
MLP Workbench then finds the data sets here without any download.
{notes}"""


def prepare_lab_pack(folder, names=("mnist", "fashion_mnist"), *, allow_download: bool = False,
                     progress: Callable[[int, int], None] | None = None, readme_notes: str = "") -> dict[str, Path]:
    """Copy the files of the data sets ``names`` into their sub-folders of ``folder`` (``mnist/``,
    ``fashion-mnist/``: see ``IdxSource.folder_name``); returns each name's sub-folder. The folder's
    README.txt says how to use it, and ``readme_notes`` what else the folder holds.

    The files are taken from wherever :func:`core.datasets.mnist.locate_readable` finds a good copy;
    with ``allow_download`` a data set missing (or only damaged) is first downloaded into the cache
    folder. DatasetUnavailableError (listing where it looked) when a data set is nowhere to be found,
    DatasetDamagedError when only damaged copies are.
    """
    folder = Path(folder)
    unknown = [name for name in names if name not in SOURCES]
    if unknown or not names:
        raise ValueError(f"a lab pack holds files of: {', '.join(SOURCES)}; got {list(names)!r} "
                         f"(the 8×8 digits and the other tables are built in and need no files)")
    packed = {}
    for name in names:
        source = SOURCES[name]
        target = folder / source.folder_name
        try:
            # A good copy (a damaged one is never copied); the pack's own first: packed again without the data set
            # elsewhere (MLP_WORKBENCH_DATA unset), a pack that held it was refused for want of it.
            files, _ = locate_readable(source, target)
        except FileNotFoundError:  # none, or only damaged copies
            if not allow_download:
                raise
            files = files_in(download(source, progress=progress))
            read_files(source, files)
        for path in files.values():
            if path.resolve() != (target / path.name).resolve():
                with atomic_file(target / path.name) as copy, path.open("rb") as original:
                    shutil.copyfileobj(original, copy)
        packed[name] = target
    with atomic_file(folder / "README.txt") as readme:
        readme.write(README.format(names=", ".join(names), variable=SHARED_DATA_VARIABLE, notes=readme_notes).encode())
    return packed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.datasets.labpack",
                                     description="Prepare a folder of data sets for offline lab computers.")
    parser.add_argument("folder", help="the folder to fill (created if missing)")
    parser.add_argument("--names", nargs="+", default=["mnist", "fashion_mnist"], choices=list(SOURCES),
                        help="data sets to pack (default: all)")
    parser.add_argument("--download", action="store_true", help="download data sets missing on this computer")
    arguments = parser.parse_args(argv)

    def show(done: int, total: int) -> None:
        print(f"\rdownloading: {done / max(total, 1):6.1%}", end="", file=sys.stderr)

    try:
        packed = prepare_lab_pack(arguments.folder, arguments.names, allow_download=arguments.download,
                                  progress=show)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for name, path in packed.items():
        print(f"{name}: {path}")
    print(f"Set {SHARED_DATA_VARIABLE}={Path(arguments.folder).resolve()} on the lab computers.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
