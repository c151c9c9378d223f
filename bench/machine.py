"""Workload 5: what the figures were measured on — CPU, load, library versions, and the BLAS in use.

The BLAS library, its kernel ("architecture" in threadpoolctl's words: the instruction set it
picked, e.g. Haswell = AVX2, SkylakeX = AVX-512) and its thread count decide most of a dense
network's speed, so they are printed with every result. OPENBLAS_CORETYPE forces a kernel;
if it is set, the figures are those of the forced kernel, not of the best one for the CPU.
"""
from __future__ import annotations

import os
import platform
from dataclasses import dataclass

import numpy as np
import threadpoolctl

OPENBLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")


@dataclass(frozen=True)
class BlasPool:
    """One BLAS/OpenMP thread pool loaded into this process."""

    library: str       # "openblas", "mkl", "blis", "openmp"
    version: str
    kernel: str        # the instruction-set kernel it runs ("" if the library does not say)
    threads: int
    threading: str     # "pthreads", "openmp", …
    path: str          # the shared library, relative to site-packages where it lies there


def blas_pools() -> list[BlasPool]:
    """The thread pools threadpoolctl finds, NumPy's BLAS first."""
    pools = [BlasPool(info.get("internal_api", "?"), info.get("version") or "?", info.get("architecture") or "",
                      info.get("num_threads", 0), info.get("threading_layer", ""),
                      info.get("filepath", "").split("site-packages/")[-1])
             for info in threadpoolctl.threadpool_info()]
    return sorted(pools, key=lambda pool: "numpy" not in pool.path)


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average() -> float:
    """The 1-minute load average (runnable processes), or NaN where the OS has none."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return float("nan")


def library_versions() -> dict[str, str]:
    import sklearn

    versions = {"python": platform.python_version(), "numpy": np.__version__, "scikit-learn": sklearn.__version__}
    try:
        import torch
    except ImportError:
        versions["torch"] = "absent"
    else:
        versions["torch"] = torch.__version__
    return versions


def describe() -> dict:
    """Everything above, as a JSON-friendly dict."""
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "load_average": load_average(),
        "versions": library_versions(),
        "blas": [pool.__dict__ for pool in blas_pools()],
        "environment": {name: os.environ[name] for name in OPENBLAS_VARIABLES if name in os.environ},
    }


def blas_line(pool: dict) -> str:
    kernel = f", kernel {pool['kernel']}" if pool["kernel"] else ""
    threading = f" ({pool['threading']})" if pool["threading"] else ""
    return (f"{pool['library']} {pool['version']}{kernel}, {pool['threads']} thread(s){threading}, "
            f"loaded from {pool['path']}")
