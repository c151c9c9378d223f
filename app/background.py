"""Training in the background: the GUI thread keeps the first claim on a core.

- The matrix products of a run on a thread, a race of optimisers or a lab's variants use all cores
  but one (:func:`default_blas_threads`): the GUI thread keeps the other. Every core was tried, with
  the priorities below: on a quiet machine it trained up to ~20 % faster in the window, but whenever
  the other core was taken (by the GUI thread painting, or another program) each product split in two
  waited for its second half, and the window trained at 13–18k samples/s instead of 22k with one
  thread (MNIST, batch 32, the same host minutes apart). A run in a training process of its own
  (:mod:`app.training_process`) on two cores may use both (:func:`training_process_blas_threads`):
  there the engine measures which setting is faster while it trains (where either gives the same
  numbers: :func:`core.trainer.thread_count_changes_products`).
- :func:`training_threads`, around a worker's run, lowers the scheduling priority of every thread
  of the process but the GUI's (Linux: a niceness per thread), so that when the GUI thread wakes up
  to paint while other programs keep the cores busy, it runs first.
- :func:`let_idle_blas_threads_sleep`, called before NumPy is first imported, makes OpenBLAS's
  threads sleep as soon as a product ends. By default they spin for about 0.1 s after each product
  that used them (one the GUI thread asks for, say), taking a core from the training and the GUI.
  Only the window asks for it: a headless run at batch 128 on two threads lost 15–25 % to the wake-ups.
"""
from __future__ import annotations

import contextlib
import os
import sys
import threading

from threadpoolctl import threadpool_limits

BACKGROUND_NICENESS = 10
"""How much nicer than the GUI thread the other threads run (weight ~1/10 of the GUI's when both want a core)."""

BLAS_IDLE_TIMEOUT = "4"
"""``OPENBLAS_THREAD_TIMEOUT``: idle OpenBLAS threads spin for 2**4 cycles, then sleep (default 2**28)."""

_TASKS = "/proc/self/task"


def priorities_available() -> bool:
    """Whether each thread of the process has a priority of its own that this process can lower (Linux)."""
    return sys.platform.startswith("linux") and os.path.isdir(_TASKS)


def default_blas_threads() -> int:
    """Threads for the matrix products of a training run on a thread of the window's process: all
    cores but one, which the GUI thread keeps."""
    return max(1, (os.cpu_count() or 2) - 1)


def training_process_blas_threads(dtype="float32") -> int:
    """Threads for the matrix products of a run of ``dtype`` in a training process of its own: all cores
    but one, as for a run on a thread, but both of two where the engine may choose between them and one.

    The process trains in its main thread, where the engine measures as it goes whether large batches
    go faster on these threads or on one (:class:`core.trainer.BlasThreadChoice`). On two cores
    that is the choice between sharing the GUI thread's core and leaving it: one thread wins while
    the GUI keeps taking its core to paint views drawn from every batch, both while the window shows
    a view that changes less often or rests (MNIST at batch 32: 52-57k samples/s on such tabs
    against 47-49k on one thread; about as fast as on one thread where the GUI paints 25 frames a
    second). Where OpenBLAS rounds a product otherwise on two threads than on one
    (:func:`core.trainer.thread_count_changes_products`), the engine keeps the run's setting so that
    its numbers do not depend on timing, and two threads that share the GUI's core throughout trained
    MNIST at 59 % of the headless engine's speed in the window, one at ~90 %. With more cores one is
    left to the GUI thread, as before.
    """
    from core.trainer import thread_count_changes_products  # NumPy only after let_idle_blas_threads_sleep

    cores = os.cpu_count() or 1
    if cores > 2:
        return cores - 1
    return 1 if cores == 1 or thread_count_changes_products(dtype) else 2


def lower_background_priority() -> None:
    """Give every thread of the process but the GUI (main) thread a niceness of the GUI's plus
    :data:`BACKGROUND_NICENESS` (at most 19): the training threads and OpenBLAS's pool.

    Threads started later by the GUI thread have its priority until a worker calls this again.
    A niceness once raised cannot be lowered without privileges, which no thread here needs.
    """
    if not priorities_available():
        return
    gui = threading.main_thread().native_id
    try:
        background = min(19, os.getpriority(os.PRIO_PROCESS, gui) + BACKGROUND_NICENESS)
        tasks = [int(name) for name in os.listdir(_TASKS)]
    except OSError:
        return
    for task in tasks:
        if task == gui:
            continue
        try:
            if os.getpriority(os.PRIO_PROCESS, task) < background:
                os.setpriority(os.PRIO_PROCESS, task, background)
        except OSError:  # the thread ended meanwhile
            continue


def lower_own_priority() -> None:
    """Give the calling thread, and the threads it starts from now on, :data:`BACKGROUND_NICENESS`
    more niceness (at most 19): the first thing a training process does."""
    if not priorities_available():
        return
    try:
        os.setpriority(os.PRIO_PROCESS, 0, min(19, os.getpriority(os.PRIO_PROCESS, 0) + BACKGROUND_NICENESS))
    except OSError:
        pass


@contextlib.contextmanager
def training_threads(blas_threads: int):
    """Around a worker's run, in its thread: background priority and ``blas_threads`` for BLAS."""
    lower_background_priority()
    with threadpool_limits(limits=blas_threads, user_api="blas"):
        yield


def let_idle_blas_threads_sleep() -> bool:
    """Ask OpenBLAS (read once, as NumPy loads it) to put idle threads to sleep at once, unless
    the user set ``OPENBLAS_THREAD_TIMEOUT``; False if NumPy is already imported (nothing changes)."""
    if "numpy" in sys.modules:
        return False
    os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", BLAS_IDLE_TIMEOUT)
    return True
