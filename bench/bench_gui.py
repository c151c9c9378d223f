"""The workbench window under load (issue 5): is it ever frozen, does it slow training down, how
often does it redraw, does its memory grow over a long run, and how soon does it appear?

    MLP_WORKBENCH_DATA=/path/to/data python -m bench.bench_gui [--quick]

Everything is measured on the real :class:`app.main_window.MainWindow` on Qt's offscreen platform:

- **Event-loop lag.** MNIST (784-256-128-10 ReLU, the window's default optimiser and batch size)
  trains at full speed while every tab is shown in turn for a few seconds. A timer due every
  :data:`TICK_MS` ms records how late each tick comes: the largest lateness is the longest the
  loop was blocked, the 99th percentile what a user feels (targets: ≤ 50 ms and ≤ 20 ms). Switching
  tabs counts, as a click would: a view catches up on what it missed when it is shown. The part of
  the lateness the GUI thread spent on a CPU tells the window's own work from waiting for a core
  (other processes) or for the interpreter lock (the training thread).
- **Throughput.** Samples per second by the trainer's own clock during that tour, against the
  headless engine (``Experiment.make_trainer().run()`` in this process's main thread) in rounds
  before and after the tour, with every BLAS thread and with one; the
  target (≥ 85 %) is against the faster of the two. The process starts as the app does, with idle
  OpenBLAS threads sleeping (:mod:`app.background`), which trains this batch size at least as
  fast headless as OpenBLAS's spinning default.
- **Frame rate.** Frames per second in which Qt actually painted the shown tab's plots. The target
  (≥ 20) is for the views drawn from every batch (:data:`PER_BATCH_VIEWS`); the others are drawn
  from the worker's inspections, which come every ``INSPECTION_INTERVAL`` (0.4 s) by design.
- **Memory.** The resident set size during 200 epochs on the 8×8 digits with the tabs switched
  every :data:`MEMORY_TAB_SECONDS` s, against its value after the first tenth of the run (target:
  within ±5 %), and the points held in the views' plot buffers against their capacity.
- **Start-up.** From launching a child process (``python -m bench.bench_gui --startup-child``,
  which starts exactly as ``mlp-workbench`` does) to the window's first paint (target ≤ 2 s), with
  the moments the app's modules were imported and the window built, and when Start is enabled (the
  default data loaded); with Python's bytecode cache filled by a first launch, which is reported
  and not counted (see :func:`startup`).
- **Closing.** Whether a closed window is freed (a window kept alive keeps its views and data).

Runs are recorded into a temporary folder, never into the user's run library. The figures depend
on what else the machine runs: the load average is printed with them. ``--quick`` trains the
digits with tiny durations, to check that the benchmark runs (about 20 s). The exit status is 0
whether or not the targets are met: this is a benchmark, not a test.

The suite (``python -m bench``) runs it as workload 6 in a child process of its own
(:func:`in_child_process`: ``--json`` prints the result for the parent), so that the window's
memory is measured without the earlier workloads' and the suite itself never starts Qt.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import background, training_process  # noqa: E402

background.let_idle_blas_threads_sleep()  # as ``mlp-workbench`` does before NumPy loads

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from bench import machine, report  # noqa: E402
from bench.results import Target, WorkloadResult  # noqa: E402
from bench.timing import Summary  # noqa: E402
from core.datasets.locations import USER_DIR_VARIABLE  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[1]  # where the start-up child finds the packages
TICK_MS = 10
PER_BATCH_VIEWS = ("LossView", "GradientView")
"""Views redrawn from every batch's event: the frame-rate target applies to them."""
MEMORY_TAB_SECONDS = 0.25

MAX_LAG_MS, P99_LAG_MS, MIN_THROUGHPUT_PERCENT, MIN_FPS, MAX_DRIFT_PERCENT, MAX_STARTUP_S = 50, 20, 85, 20, 5, 2
TITLE = "Workload 6: the workbench window while training (issue 5)"


@dataclass(frozen=True)
class Plan:
    dataset: str             # what the live tour trains on
    seconds_per_tab: float
    headless_seconds: float  # per headless round of each kind; a round before the tour and after each leg
    legs: int                # the tour's legs: the window's run pauses between two for a headless round
    warmup_seconds: float    # the start of every run, by the trainer's clock, left out of its throughput
    memory_epochs: int
    startups: int            # child processes launched; the median is reported


FULL = Plan("mnist", 3.0, 4.0, 4, 1.0, 200, 3)
QUICK = Plan("digits", 0.2, 0.3, 2, 0.1, 10, 1)


# ------------------------------------------------------------------------------------------ helpers
def wait(seconds: float) -> None:
    """Run the Qt event loop for ``seconds``, as ``app.exec()`` would."""
    loop = QEventLoop()
    QTimer.singleShot(round(1000 * seconds), loop.quit)
    loop.exec()


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"gave up after {timeout:g} s waiting for {what}")
        wait(0.02)


def rss_mb(pid: int | str = "self") -> float:
    """The resident set size in MB of process ``pid`` (this one by default; Linux's /proc; NaN elsewhere)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return math.nan


def percentile(values, p: float) -> float:
    """The p-th percentile by the nearest-rank rule (NaN for no values)."""
    return Summary(tuple(values)).percentile(p) if values else math.nan


@contextlib.contextmanager
def scratch_user_folder():
    """Runs recorded by the benchmark (and its settings) go to a temporary folder, not the user's."""
    previous = os.environ.get(USER_DIR_VARIABLE)
    with tempfile.TemporaryDirectory(prefix="mlp-workbench-bench-") as folder:
        os.environ[USER_DIR_VARIABLE] = folder
        try:
            yield
        finally:
            if previous is None:
                del os.environ[USER_DIR_VARIABLE]
            else:
                os.environ[USER_DIR_VARIABLE] = previous


def samples_per_second(batches, warmup: float) -> float:
    """Throughput by the trainer's clock, from the first batch after ``warmup`` seconds to the last."""
    measured = [batch for batch in batches if batch.elapsed >= warmup]
    if len(measured) < 2 or measured[-1].elapsed <= measured[0].elapsed:
        return math.nan
    return (measured[-1].samples_seen - measured[0].samples_seen) / (measured[-1].elapsed - measured[0].elapsed)


def open_window(config, timeout: float = 120.0):
    """A shown main window with its run built and the engine prepared for it (a run started sooner
    trains on a thread), or None when the data cannot be loaded."""
    from app.main_window import MainWindow

    window = MainWindow(config)
    window.resize(1360, 860)
    window.show()
    wait_until(lambda: window.start_action.isEnabled() or (window.model.errors and not window.loader.is_loading()),
               timeout, "the window's data")
    if window.start_action.isEnabled():
        wait_until(lambda: window.loader.engine_prepared(window.experiment), timeout, "the engine's kernels")
        return window
    close(window)
    return None


def close(window) -> weakref.ref:
    """Close the window as a user would, and delete it as ``mlp-workbench`` does once its event loop ends; the weak
    reference returned tells whether it is freed once the caller has dropped it (see :func:`freed`). A closed window
    left to PySide's clean-up at the interpreter's exit was taken apart when Python could no longer run the
    overrides its plots call, and the benchmark's process ended with a segmentation fault."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return weakref.ref(window)


def freed(closed: weakref.ref) -> bool:
    wait(0.05)  # calls already queued for the window run, as in a running application
    gc.collect()
    return closed() is None


# ------------------------------------------------------------------------------------------ probes
class LagProbe(QObject):
    """A timer due every :data:`TICK_MS` ms that records how late each tick comes, in ms, and how
    much of that lateness the GUI thread spent on a CPU (``working``): the rest it waited, for a
    core taken by other processes or for the interpreter lock held by the training thread."""

    def __init__(self):
        super().__init__()
        self.lateness: list[float] = []
        self.working: list[float] = []
        self._last = self._last_cpu = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        late = max(0.0, 1000 * (now - self._last) - TICK_MS)
        self.lateness.append(late)
        self.working.append(min(late, 1000 * (cpu - self._last_cpu)))
        self._last, self._last_cpu = now, cpu


class FrameCounter(QObject):
    """Counts the frames in which Qt painted at least one watched widget.

    A frame is one repaint of the window: Qt gathers the widgets marked for update and paints
    them all while handling the window's UpdateRequest event.
    """

    def __init__(self, window):
        super().__init__()
        self.window = window
        self.frames = 0
        self._watched: set = set()
        self._painted = False
        window.installEventFilter(self)

    def watch(self, widgets) -> None:
        """Count from now on the frames that paint any of ``widgets``."""
        for widget in self._watched:
            widget.removeEventFilter(self)
        self._watched = set(widgets)
        for widget in self._watched:
            widget.installEventFilter(self)
        self.frames = 0

    def detach(self) -> None:
        self.watch(())
        self.window.removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.UpdateRequest and watched is self.window:
            self._painted = False
            watched.event(event)  # paint the frame now, then see whether it painted a watched widget
            self.frames += self._painted
            return True
        if event.type() == QEvent.Type.Paint and watched in self._watched:
            self._painted = True
        return False


def plot_widgets(page) -> list:
    """What shows a tab's plots: the viewports of its graphics views, or, for a tab that paints
    its own widgets (the Draw view), every widget in it."""
    viewports = [view.viewport() for view in page.findChildren(QGraphicsView)]
    return viewports or [page, *page.findChildren(QWidget)]


# ------------------------------------------------------------------------------------------ the live tour
@dataclass
class TabFigures:
    name: str
    per_batch: bool
    seconds: float
    switch_ms: float     # showing the tab: the view catches up on what it missed
    lateness: list
    working: list        # the part of each lateness the GUI thread was on a CPU
    frames: int
    gui_busy: float      # share of the wall-clock time the GUI thread was on a CPU
    samples_per_second: float  # training speed while the tab was shown

    @property
    def fps(self) -> float:
        return self.frames / self.seconds

    def line(self) -> str:
        return (f"tab {self.name}: lag p99 {percentile(self.lateness, 99):.1f} ms, max {max(self.lateness):.1f} ms "
                f"(GUI thread working: p99 {percentile(self.working, 99):.1f}, max {max(self.working):.1f} ms); "
                f"{self.fps:.1f} frames/s; shown in {self.switch_ms:.0f} ms; GUI thread busy {self.gui_busy:.0%}; "
                f"training {self.samples_per_second:,.0f} samples/s")


def live_config(dataset: str):
    from core.config import LayerConfig, RunConfig

    config = RunConfig(name="GUI benchmark")
    config.data.dataset = dataset
    config.network.hidden = [LayerConfig(units=256), LayerConfig(units=128)]
    config.training.epochs = 10_000  # runs until stopped
    return config


def headless_rate(config, dataset, seconds: float, warmup: float, blas_threads: int | None) -> float:
    """Samples per second of the engine alone, in this thread, for ``seconds`` after ``warmup``."""
    from core import events
    from core.experiment import Experiment
    from core.trainer import TrainingControl

    control = TrainingControl()
    batches = []
    with threadpool_limits(limits=blas_threads, user_api="blas"):
        trainer = Experiment(config, dataset=dataset).make_trainer(control)
        for event in trainer.run():
            if isinstance(event, events.BatchFinished):
                batches.append(event)
                if event.elapsed > warmup + seconds:
                    control.stop()
    return samples_per_second(batches, warmup)


def tour(window, plan: Plan, say, between) -> tuple[list[TabFigures], list[float]]:
    """Train in the window while every tab is shown in turn, in ``plan.legs`` legs; between two legs,
    and before the first, the run is paused and ``between()`` runs (a headless round). Returns the
    per-tab figures and the window's training speed in each leg."""
    probe, counter = LagProbe(), FrameCounter(window)
    # The last batch of each message (≈30 a second), not every batch: thousands of events a
    # second kept here would fill the GUI thread's oldest garbage-collector generation, whose
    # full collections (60 ms and more) would then be this harness's doing, not the window's.
    batches, arrivals = [], []  # arrivals: (time received, samples trained by then)

    def received(progress) -> None:
        if progress.batches:
            batches.append(progress.batches[-1])
            arrivals.append((time.perf_counter(), progress.batches[-1].samples_seen))

    tabs = window.view_tabs
    figures, leg_speeds = [], []
    between()
    window.start()  # makes every page (a view follows the run from its first batch)
    window.session.progress.connect(received)
    shown = [index for index in range(tabs.count()) if tabs.isTabVisible(index)]
    legs = [shown[leg::plan.legs] for leg in range(plan.legs)]  # each leg shows tabs of every kind
    try:
        for leg in legs:
            wait(plan.warmup_seconds)  # the run gets going again (caches, the first frames)
            first_batch = len(batches)
            probe.start()
            for index in leg:
                figures.append(show_tab(tabs, index, plan, probe, counter, arrivals))
                say(figures[-1].line())
            probe.stop()
            leg_batches = batches[first_batch:]
            leg_speeds.append((leg_batches[-1].samples_seen - leg_batches[0].samples_seen)
                              / (leg_batches[-1].elapsed - leg_batches[0].elapsed))
            say(f"in the window: {leg_speeds[-1]:,.0f} samples/s")
            window.pause()
            wait_until(lambda: window.session.control.paused, 30, "the run to pause")
            between()  # the window idle, as a headless run would find the machine
            window.resume()
    finally:
        probe.stop()
        counter.detach()
        window.stop()
        wait_until(lambda: window.session is None, 30, "the run to stop")
    return figures, leg_speeds


def show_tab(tabs, index: int, plan: Plan, probe: LagProbe, counter: FrameCounter, arrivals: list) -> TabFigures:
    """Show tab ``index`` for ``plan.seconds_per_tab`` while the run goes on; its figures."""
    page = tabs.widget(index)
    counter.watch(plot_widgets(page))
    first_tick = len(probe.lateness)
    began, cpu = time.perf_counter(), time.thread_time()
    tabs.setCurrentIndex(index)
    switch_ms = 1000 * (time.perf_counter() - began)
    wait(plan.seconds_per_tab)
    seconds = time.perf_counter() - began
    shown = [arrival for arrival in arrivals if arrival[0] >= began]
    speed = (shown[-1][1] - shown[0][1]) / (shown[-1][0] - shown[0][0]) if len(shown) > 1 else math.nan
    return TabFigures(tabs.tabText(index), type(page).__name__ in PER_BATCH_VIEWS, seconds, switch_ms,
                      probe.lateness[first_tick:], probe.working[first_tick:], counter.frames,
                      (time.thread_time() - cpu) / seconds, speed)


def live(plan: Plan, say) -> dict:
    """Throughput, lag and frame rate while training in the window with every tab shown in turn."""
    from app.run_library import describe_network

    dataset_name, note = plan.dataset, None
    window = open_window(live_config(dataset_name))
    if window is None:
        note = f"{dataset_name} is not available (set MLP_WORKBENCH_DATA): the tour trained the 8×8 digits"
        dataset_name = "digits"
        window = open_window(live_config(dataset_name))
    config, dataset = window.model.config.copy(), window.experiment.dataset
    network = describe_network(window.experiment.network)
    headless = {"all": [], "one": []}

    def headless_round() -> None:
        for kind, threads in (("all", None), ("one", 1)):
            headless[kind].append(headless_rate(config, dataset, plan.headless_seconds, plan.warmup_seconds, threads))
        say(f"headless: {headless['all'][-1]:,.0f} samples/s, {headless['one'][-1]:,.0f} with one BLAS thread")

    tabs, in_app = tour(window, plan, say, between=headless_round)
    closed = close(window)
    del window
    return {"dataset": dataset.name, "n_train": len(dataset.X_train), "batch_size": config.training.batch_size,
            "network": network, "optimizer": config.optimizer.name,
            "note": note, "tabs": tabs, "in_app": in_app, "headless": headless,
            "app_threads": background.training_process_blas_threads(config.network.dtype)
            if training_process.available()
            else background.default_blas_threads(),
            "freed": freed(closed)}


def plot_buffer_points(window) -> tuple[int, int]:
    """Points held in the views' plot buffers (every DecimatingSeries they keep), and their capacity."""
    from app.views.series import DecimatingSeries

    found = []
    for view in [*window.views, *window.tools]:
        for value in vars(view).values():
            items = value.values() if isinstance(value, dict) \
                else value if isinstance(value, (list, tuple)) else (value,)
            found += [item for item in items if isinstance(item, DecimatingSeries)]
    return sum(map(len, found)), sum(series.capacity for series in found)


def memory(plan: Plan, say) -> dict:
    """RSS through a run of ``plan.memory_epochs`` epochs on the digits, tabs switched all along."""
    from core.config import RunConfig

    config = RunConfig(name="GUI benchmark, memory")
    config.training.epochs = plan.memory_epochs
    window = open_window(config)
    tabs = window.view_tabs
    shown = [index for index in range(tabs.count()) if tabs.isTabVisible(index)]
    samples = []  # (epochs done, RSS in MB)
    training_samples = []  # (epochs done, RSS in MB) of the process the run trains in, if not this one
    finished = []
    window.run_finished.connect(finished.append)
    switches = 0

    def sample() -> None:
        nonlocal switches
        samples.append((window.epochs_done, rss_mb()))
        process = getattr(window.session, "process", None)
        if process is not None and process.pid is not None:
            training_rss = rss_mb(process.pid)
            if training_rss > 0:  # not ended (an ended child's file is gone, or empty while it is a zombie)
                training_samples.append((window.epochs_done, training_rss))
        if time.perf_counter() >= began + (switches + 1) * MEMORY_TAB_SECONDS:
            switches += 1
            tabs.setCurrentIndex(shown[switches % len(shown)])

    sampler = QTimer()
    sampler.timeout.connect(sample)
    began = time.perf_counter()
    window.start()
    sampler.start(50)
    wait_until(lambda: finished, 600, f"{plan.memory_epochs} epochs on the digits")
    sampler.stop()
    samples.append((window.epochs_done, rss_mb()))
    seconds = time.perf_counter() - began
    points, capacity = plot_buffer_points(window)
    wait_until(lambda: window.session is None, 30, "the run to end")
    close(window)
    settled = max(1, plan.memory_epochs // 10)
    baseline, end, drift = rss_drift(samples, settled)
    say(f"memory: {baseline:.0f} MB after epoch {settled}, {end:.0f} MB at the end, drift {drift:.1f} %")
    training = rss_drift(training_samples, settled)  # None: the run went too fast to be sampled past its first tenth
    if training is not None:
        say(f"training process: {training[0]:.0f} MB after epoch {settled}, {training[1]:.0f} MB at the end, "
            f"drift {training[2]:.1f} %")
    return {"baseline": baseline, "end": end, "drift": drift, "training": training, "settled": settled,
            "seconds": seconds, "switches": switches, "points": points, "capacity": capacity,
            "epochs": finished[0].epoch}


def rss_drift(samples: list[tuple[int, float]], settled: int) -> tuple[float, float, float] | None:
    """(RSS once ``settled`` epochs are done, RSS at the end, largest change after that in %), or
    None without a sample from then on."""
    later = [rss for epochs, rss in samples if epochs >= settled]
    if not later:
        return None
    baseline = later[0]
    return baseline, later[-1], 100 * max(abs(rss - baseline) for rss in later) / baseline


# ------------------------------------------------------------------------------------------ start-up
STARTUP_PHASES = {"imported": "the app's modules imported", "built": "the window built", "shown": "its first paint",
                  "ready": "Start enabled (the digits loaded)"}
"""What the start-up child notes, in order, as wall-clock times comparable with the parent's."""


class FirstPaint(QObject):
    """In the start-up child: notes in ``times`` when the window first paints and when Start becomes
    enabled, then prints every time noted and closes the window."""

    def __init__(self, window, times: dict):
        super().__init__(window)
        self.window, self.times = window, times
        window.installEventFilter(self)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._check_ready)
        self._poll.start(5)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and "shown" not in self.times:
            self.times["shown"] = time.time()
        return False

    def _check_ready(self) -> None:
        if "ready" not in self.times and self.window.start_action.isEnabled():
            self.times["ready"] = time.time()
        if set(self.times) == set(STARTUP_PHASES):
            self._poll.stop()
            print(json.dumps(self.times), flush=True)
            self.window.close()  # as a user would: the application quits when its last window closes


def startup_child() -> int:
    """Start the window exactly as ``mlp-workbench`` does, watched by :class:`FirstPaint`."""
    from app import cli
    from app.main_window import MainWindow

    times = {"imported": time.time()}
    original_show = MainWindow.show

    def show(window) -> None:
        times["built"] = time.time()
        original_show(window)
        window.first_paint = FirstPaint(window, times)

    MainWindow.show = show
    return cli.main([])


def startup(runs: int, say) -> tuple[list[dict], dict]:
    """For each of ``runs`` launches of a child process, the seconds from launching it to each of
    :data:`STARTUP_PHASES`; and those of a first launch before them, not counted, which compiles the
    modules it imports.

    The counted launches find Python's bytecode cache, as every launch after the first does on a user's
    computer (pip compiles the packages it installs; an editable install's first launch writes the app's).
    The children keep their cache in a temporary folder (``PYTHONPYCACHEPREFIX``) even where
    ``PYTHONDONTWRITEBYTECODE`` is set, as in some sandboxes: there every launch compiled the app's ~100
    modules from source, 0.6–0.8 s of a 2-s launch on a 2-core host."""
    with tempfile.TemporaryDirectory(prefix="mlp-workbench-bytecode-") as bytecode:
        environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        environment["PYTHONPYCACHEPREFIX"] = bytecode
        first = _launch(environment)
        say("start-up, first launch (compiling): " + _phases_text(first))
        launches = []
        for _ in range(runs):
            launches.append(_launch(environment))
            say("start-up: " + _phases_text(launches[-1]))
    return launches, first


def _launch(environment: dict) -> dict:
    launched = time.time()
    child = subprocess.run([sys.executable, "-m", "bench.bench_gui", "--startup-child"], cwd=REPOSITORY,
                           env=environment, capture_output=True, text=True, timeout=120, check=False)
    lines = child.stdout.strip().splitlines()
    if child.returncode != 0 or not lines:
        raise RuntimeError(f"the start-up child failed ({child.returncode}):\n{child.stderr.strip()}")
    stamps = json.loads(lines[-1])
    return {phase: stamps[phase] - launched for phase in STARTUP_PHASES}


def _phases_text(launch: dict) -> str:
    return ", ".join(f"{phase} {seconds:.2f} s" for phase, seconds in launch.items())


# ------------------------------------------------------------------------------------------ the result
def measure(quick: bool = False, say=lambda message: None) -> WorkloadResult:
    """Run every measurement (see the module docstring); a QApplication is created if there is none."""
    plan = QUICK if quick else FULL
    application = QApplication.instance() or QApplication(sys.argv[:1])
    load_before = machine.load_average()
    with scratch_user_folder():
        launches, first_launch = startup(plan.startups, say)
        run = live(plan, say)
        held = memory(plan, say)
    del application

    tabs = run["tabs"]
    lateness = [late for tab in tabs for late in tab.lateness]
    working = [late for tab in tabs for late in tab.working]
    per_batch = [tab for tab in tabs if tab.per_batch]
    all_label, one_label = "headless engine, every BLAS thread", "headless engine, one BLAS thread"
    in_app_label = "in the window, every tab shown in turn"
    rows = {all_label: Summary(tuple(run["headless"]["all"])), one_label: Summary(tuple(run["headless"]["one"])),
            in_app_label: Summary(tuple(run["in_app"]))}
    # The reference is the faster headless setting: on a loaded machine every BLAS thread can be far
    # slower than one (the threads wait for cores the other processes hold).
    fastest = max((all_label, one_label), key=lambda label: rows[label].median)
    result = WorkloadResult(TITLE, "samples/s", rows, reference=fastest)
    startup_medians = {phase: statistics.median(launch[phase] for launch in launches) for phase in STARTUP_PHASES}
    shown = startup_medians["shown"]
    throughput = 100 * result.ratio(in_app_label)
    memory_drift = max(held["drift"], held["training"][2] if held["training"] else 0.0)  # the window's or its run's
    result.figures = [
        ("event-loop lag, median", "ms", percentile(lateness, 50)),
        ("event-loop lag, p99", "ms", percentile(lateness, 99)),
        ("event-loop lag, max", "ms", max(lateness)),
        ("event-loop lag the GUI thread spent working (not waiting for a core or the interpreter lock), p99", "ms",
         percentile(working, 99)),
        ("event-loop lag the GUI thread spent working, max", "ms", max(working)),
        ("throughput in the window / headless with every BLAS thread", "%",
         100 * result.ratio(in_app_label, all_label)),
        ("throughput in the window / headless with one BLAS thread", "%", 100 * result.ratio(in_app_label, one_label)),
        ("frames drawn per second, slowest view drawn from every batch", "fps", min(tab.fps for tab in per_batch)),
        ("RSS after the first tenth of the digits run", "MB", held["baseline"]),
        ("RSS at the end of the digits run", "MB", held["end"]),
        ("largest RSS change after the first tenth", "%", held["drift"]),
        *((("the training process's RSS after the first tenth", "MB", held["training"][0]),
           ("the training process's RSS at the end", "MB", held["training"][1]),
           ("the training process's largest RSS change after the first tenth", "%", held["training"][2]))
          if held["training"] else ()),
        ("plot buffer points at the end (capacity)", f"({held['capacity']:,})", held["points"]),
        *((f"launch to {what}, median of {len(launches)}", "s", startup_medians[phase])
          for phase, what in STARTUP_PHASES.items()),
        ("first launch (compiling its modules) to window shown, not counted", "s", first_launch["shown"]),
    ]
    where = "in a process of its own" if training_process.available() else "on a thread"
    threads = f"the window trains {where} with {run['app_threads']} BLAS thread(s)"
    if background.priorities_available():
        threads += ", below the GUI thread's priority"
    if "OPENBLAS_THREAD_TIMEOUT" in os.environ:
        threads += (f"; OPENBLAS_THREAD_TIMEOUT={os.environ['OPENBLAS_THREAD_TIMEOUT']} in this process, "
                    "headless rounds included")
    result.notes = [
        f"tour: {run['dataset']} ({run['n_train']:,} training samples), {run['network']}, {run['optimizer']}, batch "
        f"{run['batch_size']}; {len(tabs)} tabs shown for {plan.seconds_per_tab:g} s each; lag timer every "
        f"{TICK_MS} ms; {threads}",
        *([run["note"]] if run["note"] else []),
        *(tab.line() for tab in tabs),
        f"views drawn from every batch: {', '.join(PER_BATCH_VIEWS)}; the others change with each inspection "
        "(every 0.4 s)",
        f"memory: {held['epochs']} epochs on the 8×8 digits in {held['seconds']:.1f} s, "
        f"{held['switches']} tab switches",
        f"closed windows freed: {'yes' if run['freed'] else 'NO (a closed window stays in memory)'}",
        f"load average (1 min): {load_before:.2f} at the start, {machine.load_average():.2f} at the end, "
        f"{os.cpu_count()} logical cores",
    ]
    result.targets = [
        Target("longest event-loop block while training", max(lateness), MAX_LAG_MS, False, " ms"),
        Target("p99 event-loop lag while training", percentile(lateness, 99), P99_LAG_MS, False, " ms"),
        Target("throughput in the window / headless engine (its faster BLAS setting)", throughput,
               MIN_THROUGHPUT_PERCENT, True, " %"),
        Target("frames drawn per second (views drawn from every batch)", min(tab.fps for tab in per_batch), MIN_FPS,
               True, " fps"),
        Target(f"RSS change over {held['epochs']} epochs on the digits", memory_drift, MAX_DRIFT_PERCENT, False, " %"),
        Target("launch to window shown (median)", shown, MAX_STARTUP_S, False, " s"),
    ]
    return result


# ------------------------------------------------------------------------------------------ as workload 6
def result_to_json(result: WorkloadResult) -> dict:
    """The result as JSON-ready data (the child process's answer to the suite)."""
    return {"title": result.title, "unit": result.unit, "reference": result.reference,
            "rows": {name: list(summary.samples) for name, summary in result.rows.items()},
            "absent": result.absent, "notes": result.notes, "figures": [list(figure) for figure in result.figures],
            "targets": [dataclasses.asdict(target) for target in result.targets]}


def result_from_json(data: dict) -> WorkloadResult:
    """The :class:`WorkloadResult` that :func:`result_to_json` wrote."""
    rows = {name: Summary(tuple(samples)) for name, samples in data["rows"].items()}
    return WorkloadResult(data["title"], data["unit"], rows, reference=data["reference"], absent=data["absent"],
                          notes=data["notes"],
                          targets=[Target(**target) for target in data["targets"]],
                          figures=[tuple(figure) for figure in data["figures"]])


def in_child_process(quick: bool = False) -> WorkloadResult:
    """Workload 6 of the suite: this benchmark run in a child process; its progress goes to stderr
    as it happens (the full run takes minutes)."""
    command = [sys.executable, "-m", "bench.bench_gui", "--json"] + (["--quick"] if quick else [])
    finished = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False, cwd=REPOSITORY)
    lines = finished.stdout.strip().splitlines()
    if finished.returncode != 0 or not lines:
        return WorkloadResult(TITLE, "samples/s", {}, absent=[
            f"the window's benchmark failed in its child process (exit status {finished.returncode}; "
            "its messages are above)"])
    return result_from_json(json.loads(lines[-1]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_gui", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the digits, tiny durations: checks that it runs (~20 s)")
    parser.add_argument("--json", action="store_true", help="print the result as one line of JSON (for the suite)")
    parser.add_argument("--startup-child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.startup_child:
        return startup_child()

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    say(f"load average (1 min) {machine.load_average():.2f} on {os.cpu_count()} logical cores; "
        + "; ".join(f"BLAS: {machine.blas_line(pool.__dict__)}" for pool in machine.blas_pools()))
    began = time.perf_counter()
    result = measure(options.quick, say)
    if options.json:
        print(json.dumps(result_to_json(result)), flush=True)
        return 0
    lines = report.workload_table(result) + report.targets_table([result])
    print("\n".join(lines) + f"\n\nmeasured in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
