"""Where MLP Workbench keeps files on this computer: the user's data folder and the cache folder.

* **User data** (saved runs, the digits you drew) — worth a backup:
  Linux ``$XDG_DATA_HOME/mlp-workbench`` (default ``~/.local/share/mlp-workbench``),
  macOS ``~/Library/Application Support/mlp-workbench``, Windows ``%LOCALAPPDATA%\\mlp-workbench``.
  ``MLP_WORKBENCH_USER_DIR`` overrides it.
* **Cache** (downloaded datasets) — safe to delete, everything in it can be fetched again:
  Linux ``$XDG_CACHE_HOME/mlp-workbench`` (default ``~/.cache/mlp-workbench``),
  macOS ``~/Library/Caches/mlp-workbench``, Windows ``%LOCALAPPDATA%\\mlp-workbench\\Cache``.
  ``MLP_WORKBENCH_CACHE_DIR`` overrides it.
* **Shared datasets**: ``MLP_WORKBENCH_DATA`` names a folder prepared by a teacher (a lab pack) or
  by CI, with one sub-folder per dataset (``mnist/``, ``fashion-mnist/``). It is only read.

The folder functions only compute paths; :func:`atomic_file` creates the folder when it writes.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

APP_FOLDER = "mlp-workbench"
USER_DIR_VARIABLE = "MLP_WORKBENCH_USER_DIR"
CACHE_DIR_VARIABLE = "MLP_WORKBENCH_CACHE_DIR"
SHARED_DATA_VARIABLE = "MLP_WORKBENCH_DATA"


def data_folder() -> Path:
    """The user's own data folder (see the module docstring for where it is)."""
    return _user_folder("data", sys.platform, os.environ)


def cache_folder() -> Path:
    """The cache folder for downloaded datasets (see the module docstring for where it is)."""
    return _user_folder("cache", sys.platform, os.environ)


def shared_data_folder() -> Path | None:
    """The folder named by ``$MLP_WORKBENCH_DATA``, or None when the variable is unset or empty."""
    value = os.environ.get(SHARED_DATA_VARIABLE, "")
    return Path(value).expanduser() if value else None


def _user_folder(kind: str, platform: str, environ) -> Path:
    """The ``kind`` ("data" or "cache") folder on ``platform`` (a ``sys.platform`` value)."""
    override = environ.get(USER_DIR_VARIABLE if kind == "data" else CACHE_DIR_VARIABLE, "")
    if override:
        return Path(override).expanduser()
    home = Path(environ.get("HOME") or Path.home())
    if platform == "darwin":
        base = home / "Library" / ("Application Support" if kind == "data" else "Caches")
        return base / APP_FOLDER
    if platform == "win32":
        local = Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / APP_FOLDER
        return local if kind == "data" else local / "Cache"
    variable, default = ("XDG_DATA_HOME", home / ".local" / "share") if kind == "data" else \
        ("XDG_CACHE_HOME", home / ".cache")
    # The XDG specification says relative paths in these variables are invalid and must be ignored.
    xdg = environ.get(variable, "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else default
    return base / APP_FOLDER


@contextmanager
def atomic_file(path):
    """Write a file that appears complete or not at all.

    Yields a binary file object on a temporary file in ``path``'s folder (created if needed);
    when the block ends normally the temporary file is renamed over ``path`` (``os.replace`` is
    atomic on one file system); when the block raises, the temporary file is deleted. A ``path``
    that is something other than a file (a device such as /dev/full, a folder) is refused with an
    OSError: the rename would replace it.
    """
    path = Path(path)
    if path.exists() and not path.is_file():
        raise OSError(errno.EINVAL, "it is not a regular file (a folder or a device); choose a file name", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    # mkstemp makes the file readable by its owner only; the file written keeps the permissions of the
    # one it replaces, or gets those any new file would (saved models were unreadable by a class's teacher).
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())  # the data is on disk before the rename makes it visible
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's file-creation mask, read without changing it where the system allows (changing
    it, even for an instant, would apply to a file another thread creates meanwhile)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
