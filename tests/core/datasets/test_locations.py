import os
import stat
from pathlib import Path

import pytest

from core.datasets import locations


@pytest.mark.parametrize("platform, environ, data, cache", [
    ("linux", {"HOME": "/home/u"}, "/home/u/.local/share/mlp-workbench", "/home/u/.cache/mlp-workbench"),
    ("linux", {"HOME": "/home/u", "XDG_DATA_HOME": "/d", "XDG_CACHE_HOME": "/c"}, "/d/mlp-workbench",
     "/c/mlp-workbench"),
    ("linux", {"HOME": "/home/u", "XDG_CACHE_HOME": "relative"}, "/home/u/.local/share/mlp-workbench",
     "/home/u/.cache/mlp-workbench"),
    ("darwin", {"HOME": "/Users/u"}, "/Users/u/Library/Application Support/mlp-workbench",
     "/Users/u/Library/Caches/mlp-workbench"),
    ("win32", {"HOME": "C:/Users/u", "LOCALAPPDATA": "C:/Users/u/AppData/Local"},
     "C:/Users/u/AppData/Local/mlp-workbench", "C:/Users/u/AppData/Local/mlp-workbench/Cache"),
    ("linux", {"HOME": "/home/u", "MLP_WORKBENCH_USER_DIR": "/x", "MLP_WORKBENCH_CACHE_DIR": "/y"}, "/x", "/y"),
])
def test_platform_folders(platform, environ, data, cache):
    assert locations._user_folder("data", platform, environ) == Path(data)
    assert locations._user_folder("cache", platform, environ) == Path(cache)


def test_environment_overrides(tmp_path, monkeypatch):
    assert locations.data_folder() == tmp_path / "user" and locations.cache_folder() == tmp_path / "cache"
    assert locations.shared_data_folder() is None
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "lab"))
    assert locations.shared_data_folder() == tmp_path / "lab"


def test_atomic_file_appears_complete_or_not_at_all(tmp_path):
    target = tmp_path / "new" / "file.bin"
    with locations.atomic_file(target) as file:
        file.write(b"first")
        assert not target.exists()
    assert target.read_bytes() == b"first"
    with pytest.raises(RuntimeError):
        with locations.atomic_file(target) as file:
            file.write(b"half of the sec")
            raise RuntimeError("disk full")
    assert target.read_bytes() == b"first" and [p.name for p in target.parent.iterdir()] == ["file.bin"]


def test_a_written_file_gets_the_usual_permissions_or_keeps_those_it_had(tmp_path):
    mask = os.umask(0o022)  # a typical mask, for the test; restored below
    try:
        with locations.atomic_file(tmp_path / "model.npz") as file:
            file.write(b"new")
        assert stat.S_IMODE(os.stat(tmp_path / "model.npz").st_mode) == 0o644  # mkstemp's was 0o600
        os.chmod(tmp_path / "model.npz", 0o640)
        with locations.atomic_file(tmp_path / "model.npz") as file:
            file.write(b"again")
        assert stat.S_IMODE(os.stat(tmp_path / "model.npz").st_mode) == 0o640
    finally:
        os.umask(mask)
