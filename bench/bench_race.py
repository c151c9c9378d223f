"""What a fair race of optimisers costs, against running the same optimisers one by one.

    python -m bench.bench_race [--epochs 10] [--repeats 5] [--processes]

Races four optimisers on the digits (the default run configuration: 64 ReLU units, batches of 32)
with :class:`core.race.Race` and times it against the four solo runs. The quality bar is a race
costing at most :data:`LIMIT` × the sum of the solo runs. ``--processes`` also times the
alternative design, one worker process per contender streaming its events back through a queue
(as the GUI would need them), which ``core.race`` decided against. Repeats are interleaved
(solo, race, solo, race, …) so that load from other programs hits both alike; the median of the
per-repeat ratios is reported. Exits with status 1 if the bar is missed. :func:`measure` returns
the figures for a suite to report.
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
import sys
import time
from dataclasses import dataclass

from threadpoolctl import threadpool_limits

from app import background
from core.config import OptimizerConfig, RunConfig
from core.experiment import Experiment
from core.race import Race

LIMIT = 1.15
CONTENDERS = (
    ("SGD", OptimizerConfig("sgd", {"lr": 0.05})),
    ("momentum", OptimizerConfig("momentum", {"lr": 0.05, "momentum": 0.9})),
    ("RMSprop", OptimizerConfig("rmsprop", {"lr": 0.001})),
    ("Adam", OptimizerConfig("adam", {"lr": 0.001})),
)


def digits_config(epochs: int) -> RunConfig:
    config = RunConfig(name="race benchmark")
    config.training.epochs = epochs
    return config


class Stopwatch:
    """Wall-clock and CPU seconds (this process's and its finished children's) of a ``with`` block."""

    def __enter__(self):
        self._wall, self._cpu = time.perf_counter(), self._cpu_now()
        return self

    def __exit__(self, *exc_info):
        self.wall = time.perf_counter() - self._wall
        self.cpu = self._cpu_now() - self._cpu

    @staticmethod
    def _cpu_now() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime


def time_solo_runs(config: RunConfig, dataset) -> tuple[float, float]:
    """(wall, CPU) seconds to train each contender alone, one after the other (building excluded)."""
    wall = cpu = 0.0
    for label, optimizer in CONTENDERS:
        solo = config.copy()
        solo.optimizer = optimizer
        trainer = Experiment(solo, dataset).make_trainer()
        with Stopwatch() as watch:
            for _ in trainer.run():
                pass
        wall, cpu = wall + watch.wall, cpu + watch.cpu
    return wall, cpu


def time_race(config: RunConfig, dataset) -> tuple[float, float]:
    """(wall, CPU) seconds to run the interleaved race to its end (building excluded)."""
    race = Race(config, CONTENDERS, dataset=dataset)
    with Stopwatch() as watch:
        for _ in race.run():
            pass
    return watch.wall, watch.cpu


def _contender_process(config_json: str, index: int, queue, chunk_seconds: float) -> None:
    config = RunConfig.from_json(config_json)
    config.optimizer = CONTENDERS[index][1]
    with threadpool_limits(limits=1, user_api="blas"):
        trainer = Experiment(config).make_trainer()
        chunk, next_send = [], time.perf_counter() + chunk_seconds
        for event in trainer.run():
            chunk.append(event)
            if time.perf_counter() >= next_send:
                queue.put((index, chunk))
                chunk, next_send = [], time.perf_counter() + chunk_seconds
    queue.put((index, chunk + [None]))


def time_processes(config: RunConfig, start_method: str, chunk_seconds: float = 1 / 30) -> tuple[float, float]:
    """(wall, CPU) seconds for one process per contender (started with ``start_method``) to stream
    all its events back in chunks, from starting the processes until they have exited."""
    context = multiprocessing.get_context(start_method)
    queue = context.Queue()
    with Stopwatch() as watch:
        workers = [context.Process(target=_contender_process, args=(config.to_json(), index, queue, chunk_seconds))
                   for index in range(len(CONTENDERS))]
        for worker in workers:
            worker.start()
        running = len(workers)
        while running:
            _, chunk = queue.get()
            if chunk and chunk[-1] is None:
                running -= 1
        for worker in workers:
            worker.join()
    return watch.wall, watch.cpu


@dataclass(frozen=True)
class DesignTiming:
    """Medians over the repeats: wall-clock and CPU seconds, and each as a ratio to the solo sum."""

    wall: float
    wall_ratio: float
    cpu: float
    cpu_ratio: float


def measure(epochs: int = 10, repeats: int = 5, processes: bool = False) -> dict[str, DesignTiming]:
    """Time the solo runs, the race and (with ``processes``) one process per contender, in
    alternating repeats; the race's ``wall_ratio`` is what :data:`LIMIT` bounds."""
    config = digits_config(epochs)
    dataset = Experiment(config).dataset
    time_race(digits_config(1), dataset)  # warm caches and lazy imports before measuring
    designs = {"interleaved race": lambda: time_race(config, dataset)}
    if processes:
        designs["processes (fork)"] = lambda: time_processes(config, "fork")
        designs["processes (spawn)"] = lambda: time_processes(config, "spawn")
    solo_times, times = [], {name: [] for name in designs}
    for _ in range(repeats):
        solo_times.append(time_solo_runs(config, dataset))
        for name, timed_run in designs.items():
            times[name].append(timed_run())
    results = {}
    for name, values in {"solo runs, summed": solo_times, **times}.items():
        results[name] = DesignTiming(
            wall=statistics.median(wall for wall, _ in values),
            wall_ratio=statistics.median(wall / solo[0] for (wall, _), solo in zip(values, solo_times)),
            cpu=statistics.median(cpu for _, cpu in values),
            cpu_ratio=statistics.median(cpu / solo[1] for (_, cpu), solo in zip(values, solo_times)))
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--processes", action="store_true",
                        help="also time one worker process per contender (fork and spawn)")
    options = parser.parse_args(argv)
    with threadpool_limits(limits=background.default_blas_threads(), user_api="blas"):  # as the app's race
        results = measure(options.epochs, options.repeats, options.processes)
    print(f"four optimisers on the digits, {options.epochs} epochs, {options.repeats} repeats "
          f"(medians; ratios are medians of per-repeat ratios to the solo sum)")
    print(f"{'design':<20} {'wall s':>7} {'× solo':>7} {'CPU s':>7} {'× solo':>7}")
    for name, timing in results.items():
        print(f"{name:<20} {timing.wall:7.3f} {timing.wall_ratio:7.2f} {timing.cpu:7.3f} {timing.cpu_ratio:7.2f}")
    ratio = results["interleaved race"].wall_ratio
    print(f"race / solo sum = {ratio:.2f} (limit {LIMIT}): {'ok' if ratio <= LIMIT else 'TOO SLOW'}")
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
