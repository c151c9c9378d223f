"""Workload 5: what the figures were measured on — CPU, load, library versions, and the BLAS in use.

The BLAS library, its kernel ("architecture" in threadpoolctl's words: the instruction set it
picked, e.g. Haswell = AVX2, SkylakeX = AVX-512) and its thread count decide most of a dense
network's speed, so they are printed with every result. OPENBLAS_CORETYPE forces a kernel;
if it is set, the figures are those of the forced kernel, not of the best one for the CPU.
"""
from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass

import numpy as np
import threadpoolctl

OPENBLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OPENBLAS_THREAD_TIMEOUT",
                      "OMP_NUM_THREADS")


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


def torch_or_none():
    """The torch module, or None when PyTorch is not installed (it is an optional extra).
    The one place the suite imports it, so that a test can make it absent."""
    try:
        import torch
    except ImportError:
        return None
    return torch


def library_versions() -> dict[str, str]:
    import sklearn

    torch = torch_or_none()
    return {"python": platform.python_version(), "numpy": np.__version__, "scikit-learn": sklearn.__version__,
            "torch": torch.__version__ if torch is not None else "absent"}


def idle_spin_ms(pause: float = 0.2) -> float:
    """CPU milliseconds this process burns while its only thread sleeps ``pause`` s after a matmul.

    OpenBLAS's worker threads keep polling for work for a while after each call instead of
    sleeping; during training they poll between every two matrix products, taking a core from
    the GUI. This shows how long they keep at it when nothing follows.
    """
    square = np.ones((512, 512), dtype=np.float32)
    square @ square
    start = time.process_time()
    time.sleep(pause)
    return 1000.0 * (time.process_time() - start)


def two_thread_speedup(repeats: int = 40) -> float | None:
    """How many times faster the floor's largest product at batch 128 (128×784 by 784×256, float32) runs on two
    BLAS threads than on one, the best of ``repeats`` calls each, alternating; None where the BLAS has one thread.

    About 2 where the machine's two cores are whole cores; about 1.2 where they behave as two hyperthreads of
    one core (a virtual machine's, at times). Then the matmul floor on two threads gains only that much over one,
    while everything else in a training step runs on one thread as before: the engine's ratio to the floor grows.
    """
    if max((pool.threads for pool in blas_pools() if pool.library != "openmp"), default=1) < 2:
        return None
    rng = np.random.default_rng(0)
    a, b = rng.random((128, 784), dtype=np.float32), rng.random((784, 256), dtype=np.float32)
    out = np.empty((128, 256), dtype=np.float32)
    best = {1: float("inf"), 2: float("inf")}
    for _ in range(repeats):
        for threads in best:
            with threadpoolctl.threadpool_limits(threads, user_api="blas"):
                start = time.perf_counter()
                np.matmul(a, b, out=out)
                best[threads] = min(best[threads], time.perf_counter() - start)
    return best[1] / best[2]


def describe() -> dict:
    """Everything above, as a JSON-friendly dict."""
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "load_average": load_average(),
        "versions": library_versions(),
        "blas": [pool.__dict__ for pool in blas_pools()],
        "idle_spin_ms": idle_spin_ms(),
        "two_thread_speedup": two_thread_speedup(),
        "environment": {name: os.environ[name] for name in OPENBLAS_VARIABLES if name in os.environ},
    }


def blas_line(pool: dict) -> str:
    kernel = f", kernel {pool['kernel']}" if pool["kernel"] else ""
    threading = f" ({pool['threading']})" if pool["threading"] else ""
    return (f"{pool['library']} {pool['version']}{kernel}, {pool['threads']} thread(s){threading}, "
            f"loaded from {pool['path']}")
