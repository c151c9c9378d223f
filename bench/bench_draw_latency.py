"""Latency of the Draw view: from a mouse-move event on the canvas to repainted bars and preview.

    python -m bench.bench_draw_latency [--moves 400] [--dataset mnist] [--no-training]

A figure-eight is traced over the canvas, one mouse move every ~8 ms (a 120 Hz pointer). For each
move the time runs from sending the event until the probability chart *and* the saliency preview
have been painted; meanwhile a model trains in the background on its own thread (as in the app:
:class:`app.training_worker.TrainingSession`, its progress and weight snapshots delivered to the
view; garbage is collected in the GUI thread on a timer, as the main window has it), measured once
the run is steady (:func:`wait_for_steady_training`). The quality bar is a 95th percentile of at
most :data:`LIMIT_MS`. On a machine that other programs keep busy the figures follow their load:
the load average is printed with them. The training runs on
``--dataset`` (MNIST with a 256-128 ReLU network when available, else the 8×8 digits).
Exits with status 1 if the bar is missed.
"""
from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

LIMIT_MS = 16.0
MOVE_INTERVAL_MS = 8


class PaintClock(QObject):
    """Records when each watched widget last finished a paint event."""

    def __init__(self, widgets):
        super().__init__()
        self.painted = {widget: 0.0 for widget in widgets}
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.event(event)  # paint now, then stamp the time it finished
            self.painted[watched] = time.perf_counter()
            return True
        return False


class CollectionClock:
    """Durations (ms) of Python's garbage collections while it is installed, in whichever thread:
    a collection holds the interpreter lock, so every thread waits for it."""

    def __init__(self):
        self.durations: list[float] = []
        self._started = 0.0

    def __enter__(self):
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc):
        gc.callbacks.remove(self._callback)

    def _callback(self, phase, info):
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.durations.append(1000 * (time.perf_counter() - self._started))


def start_training(view, dataset: str):
    from app.training_worker import TrainingSession
    from core.config import LayerConfig, RunConfig
    from core.experiment import Experiment

    config = RunConfig(name="draw latency benchmark")
    config.data.dataset = dataset
    config.training.epochs = 1000
    if dataset == "mnist":
        config.network.hidden = [LayerConfig(units=256), LayerConfig(units=128)]
    experiment = Experiment(config)
    view.reset(experiment)
    session = TrainingSession(experiment)
    session.progress.connect(view.on_progress)
    session.start()
    return session


def wait_for_steady_training(session, snapshots: int = 3, timeout_s: float = 60.0) -> None:
    """Wait until the run has sent ``snapshots`` weight snapshots: the view then classifies with the
    model being trained, and the run's start (data, numba's kernels loaded or compiled in the
    training thread, with their garbage) is over. Moves measured during the start-up waited for it:
    some hundreds of ms of garbage collection, not the steady state the quality bar is about."""
    seen = []
    session.progress.connect(lambda progress: seen.append(progress.snapshot is not None))
    started = time.perf_counter()
    while sum(seen) < snapshots and time.perf_counter() - started < timeout_s:
        QTest.qWait(50)
    print(f"training: {sum(seen)} snapshots after {time.perf_counter() - started:.1f} s")


def figure_eight(canvas, moves: int):
    square = canvas.square()
    t = np.linspace(0, 2 * np.pi * max(1, moves // 120), moves + 1)
    x = 0.5 + 0.17 * np.sin(2 * t)
    y = 0.5 - 0.31 * np.sin(t)
    return [QPoint(round(square.x() + a * square.width()), round(square.y() + b * square.height()))
            for a, b in zip(x, y)]


def measure(view, clock, points) -> tuple[list[float], list[float], list[float]]:
    """Per move: wall-clock latency (ms) and the GUI thread's CPU time spent on it (ms); and the
    durations of the garbage collections meanwhile (ms)."""
    canvas = view.canvas
    watched = (view.chart, view.saliency_panel)
    latencies, cpu = [], []
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    QApplication.processEvents()
    with CollectionClock() as collections:
        moves(canvas, clock, watched, points[1:], latencies, cpu)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
    return latencies, cpu, collections.durations


def moves(canvas, clock, watched, points, latencies, cpu) -> None:
    for point in points:
        QTest.qWait(MOVE_INTERVAL_MS)
        sent, cpu_start = time.perf_counter(), time.thread_time()
        QTest.mouseMove(canvas, point)
        deadline = sent + 1.0
        while min(clock.painted[widget] for widget in watched) < sent and time.perf_counter() < deadline:
            # Block until the next event (Qt paints on a timer after update()): no busy loop
            # inflating the CPU time measured.
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        latencies.append(1000 * (max(clock.painted[widget] for widget in watched) - sent))
        cpu.append(1000 * (time.thread_time() - cpu_start))


def percentile_95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def report(label: str, measured: tuple[list[float], list[float], list[float]]) -> float:
    """Print the figures; returns the wall-clock p95. The CPU time tells what the view itself costs
    when other programs (or the training thread) keep the cores busy; the garbage collections
    explain the longest waits."""
    latencies, cpu, collections = measured
    p95 = percentile_95(latencies)
    print(f"{label}: {len(latencies)} moves, latency median {statistics.median(latencies):.1f} ms, "
          f"p95 {p95:.1f} ms, max {max(latencies):.1f} ms; GUI thread CPU per move median "
          f"{statistics.median(cpu):.1f} ms, p95 {percentile_95(cpu):.1f} ms; "
          f"{len(collections)} garbage collections, longest {max(collections, default=0):.1f} ms; "
          f"load average {os.getloadavg()[0]:.1f}")
    return p95


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--moves", type=int, default=400)
    parser.add_argument("--dataset", default="mnist", help="what the background run trains on (default: mnist)")
    parser.add_argument("--no-training", action="store_true", help="measure without a background run")
    args = parser.parse_args(argv)

    application = QApplication.instance() or QApplication(sys.argv[:1])
    from app import gui_thread_gc
    from app.views.draw_view import DrawView

    view = DrawView()
    view.resize(900, 560)
    view.show()
    QApplication.processEvents()
    # Garbage is collected as in the app's main window: in the GUI thread, on a timer, and what
    # exists before the run (modules, widgets) is frozen out of the collector's walks.
    gui_thread_gc.hold(view)
    gui_thread_gc.freeze_long_lived()
    try:
        return measure_and_judge(view, args)
    finally:
        gui_thread_gc.release(view)
        del application


def measure_and_judge(view, args) -> int:
    from core.datasets import DatasetUnavailableError

    clock = PaintClock((view.chart, view.saliency_panel))
    points = figure_eight(view.canvas, args.moves)
    idle = report("idle", measure(view, clock, points))
    view.canvas.clear()
    if args.no_training:
        return 0 if idle <= LIMIT_MS else 1
    dataset = args.dataset
    try:
        session = start_training(view, dataset)
    except DatasetUnavailableError:
        print(f"{dataset} is not available; training on the digits instead")
        dataset = "digits"
        session = start_training(view, dataset)
    try:
        wait_for_steady_training(session)
        busy = report(f"while training on {dataset}", measure(view, clock, points))
    finally:
        session.stop_and_wait(10_000)
        QApplication.processEvents()
    print(f"quality bar: p95 ≤ {LIMIT_MS:g} ms while training — {'met' if busy <= LIMIT_MS else 'MISSED'}")
    return 0 if busy <= LIMIT_MS else 1


if __name__ == "__main__":
    sys.exit(main())
