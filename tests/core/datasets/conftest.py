import dataclasses
import os
from pathlib import Path

import pytest

from core.datasets import mnist
from tests.core.datasets.fakes import Mirror

# Read before any test changes the environment: where CI and the benchmarks keep real MNIST.
SHARED_DATA = os.environ.get("MLP_WORKBENCH_DATA")


@pytest.fixture(autouse=True)
def private_folders(tmp_path, monkeypatch):
    """Every test gets empty user and cache folders, no MLP_WORKBENCH_DATA and no system folders
    (Debian's Fashion-MNIST may be installed): nothing real is read or written."""
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path / "user"))
    monkeypatch.setenv("MLP_WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MLP_WORKBENCH_DATA", raising=False)
    for name, source in mnist.SOURCES.items():
        monkeypatch.setitem(mnist.SOURCES, name, dataclasses.replace(source, system_folders=()))


@pytest.fixture(scope="session")
def real_mnist_folder() -> Path:
    """The folder holding real MNIST's four files (``$MLP_WORKBENCH_DATA/mnist``), or the test is skipped."""
    folder = Path(SHARED_DATA) / "mnist" if SHARED_DATA else None
    if folder is None or not folder.is_dir():
        pytest.skip("real MNIST not found: set MLP_WORKBENCH_DATA to a folder with an mnist/ sub-folder "
                    "(CI uses ../shared/data)")
    return folder


@pytest.fixture
def mirror(monkeypatch):
    """A local HTTP server on 127.0.0.1 serving files from a dict, with injectable failures."""
    for variable in ("no_proxy", "NO_PROXY"):  # a proxy set for the real internet must not intercept it
        monkeypatch.setenv(variable, "127.0.0.1,localhost")
    server = Mirror()
    yield server
    server.close()
