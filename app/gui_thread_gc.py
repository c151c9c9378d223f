"""Python's garbage collector, run only in the GUI thread while the window lives.

CPython collects reference cycles in whichever thread happens to allocate past the threshold. When
that is the training thread (or a dataset loader) and the garbage holds a Qt widget — a closed
dialog, a replaced view — the widget is destroyed outside the GUI thread while the GUI thread may be
using it, and the process dies with a segmentation fault. So while a window that starts threads is
open, automatic collection is off and a timer in the GUI thread collects instead, by the same
generational thresholds (pyqtgraph's ``GarbageCollector`` does the same, but cannot be stopped).

A full collection walks every tracked object — some 200,000 once the app's modules and widgets are
built, 160–270 ms in which the window would freeze. What exists when the first window is built
(modules, classes, the widgets) lives as long as the app, so it is frozen out of the collector's
walks (:func:`freeze_long_lived`) and full collections only visit what came later; so are the tools
made after the window's first paint and the libraries the first run imports in its thread
(:func:`freeze_newcomers`). A run's objects frozen with them are still freed when dropped: they hold
no reference cycles, and reference counting frees them.
"""
from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QObject, QTimer

COLLECT_INTERVAL_MS = 250

_holders: set[int] = set()
_timer: QTimer | None = None


_long_lived = {"after_full_collection": 0}


def _collect_by_thresholds() -> None:
    """What the interpreter would collect now: the youngest generations past their thresholds, and
    the oldest only once it has grown by a quarter since its last collection (CPython's own rule,
    which keeps full collections — the costly ones — rare)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    generation = -1
    for candidate in range(3):
        if counts[candidate] <= thresholds[candidate]:
            break
        generation = candidate
    if generation == 2:
        long_lived = len(gc.get_objects(generation=2))
        if long_lived - _long_lived["after_full_collection"] <= _long_lived["after_full_collection"] / 4:
            generation = 1
    if generation >= 0:
        gc.collect(generation)
    if generation == 2:
        _long_lived["after_full_collection"] = len(gc.get_objects(generation=2))


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


def freeze_long_lived() -> None:
    """Keep what exists now out of every later collection's walk, until the last holder's release;
    called once the window is built, before any run exists. Only the young generations are
    collected first: a full collection here took 80 ms of the launch, for the little garbage the
    imports leave (frozen with the rest until the release)."""
    gc.collect(1)
    gc.freeze()
    _long_lived["after_full_collection"] = len(gc.get_objects(generation=2))


def freeze_newcomers() -> None:
    """Keep what was made since the last freeze out of later walks too: the tools made after the
    window's first paint, the libraries a run imports in its thread (numba, ~40,000 objects). Only
    the young generations are collected first (a full collection here would be the pause this
    avoids). A run's own objects may be frozen with them: they are freed by reference counting
    when dropped (the experiment, its data, network and trainer hold no cycles)."""
    if not _holders:
        return
    gc.collect(1)
    gc.freeze()
    _long_lived["after_full_collection"] = len(gc.get_objects(generation=2))


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
        # At the interpreter's exit Qt may have deleted the timer before a holder's destroyed() comes.
        if shiboken6.isValid(_timer):
            _timer.stop()
        _timer = None
        gc.unfreeze()
        gc.collect()
        gc.enable()
