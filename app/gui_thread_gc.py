"""Python's garbage collector, run only in the GUI thread while the window lives.

CPython collects reference cycles in whichever thread happens to allocate past the threshold. When
that is the training thread (or a dataset loader) and the garbage holds a Qt widget — a closed
dialog, a replaced view — the widget is destroyed outside the GUI thread while the GUI thread may be
using it, and the process dies with a segmentation fault. So while a window that starts threads is
open, automatic collection is off and a timer in the GUI thread collects instead, by the same
generational thresholds (pyqtgraph's ``GarbageCollector`` does the same, but cannot be stopped).
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

COLLECT_INTERVAL_MS = 250

_holders: set[int] = set()
_timer: QTimer | None = None


def _collect_by_thresholds() -> None:
    counts, thresholds = gc.get_count(), gc.get_threshold()
    generation = -1
    for candidate in range(3):
        if counts[candidate] <= thresholds[candidate]:
            break
        generation = candidate
    if generation >= 0:
        gc.collect(generation)


def hold(owner: QObject) -> None:
    """Collect garbage only in the GUI thread until :func:`release` is called for ``owner`` (and for
    every other holder)."""
    global _timer
    if not _holders:
        gc.disable()
        _timer = QTimer()
        _timer.setInterval(COLLECT_INTERVAL_MS)
        _timer.timeout.connect(_collect_by_thresholds)
        _timer.start()
    key = id(owner)
    _holders.add(key)
    # A window deleted without being closed still gives it back.
    owner.destroyed.connect(lambda: _release(key))


def release(owner: QObject) -> None:
    """``owner`` no longer needs it; the last holder's release collects once, here in the GUI thread,
    and gives collection back to the interpreter."""
    _release(id(owner))


def _release(key: int) -> None:
    global _timer
    if key not in _holders:
        return
    _holders.discard(key)
    if not _holders:
        _timer.stop()
        _timer = None
        gc.collect()
        gc.enable()
