"""Measuring: contenders run in alternating rounds, and what a list of timings is summarised to.

Running every contender once per round, round after round, spreads slow moments of a shared
machine (another process waking up, the CPU clocking down) over all contenders instead of
letting them fall on whichever happened to run then. The order rotates each round, and every
other round it is also reversed, so that no contender always runs right after the same neighbour
(which may leave the caches cold or its BLAS threads spinning): rotation alone keeps the cyclic
order, and with it each contender's predecessor.
"""
from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Summary:
    """The samples of one contender (seconds, or any unit), with median and range."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    def percentile(self, p: float) -> float:
        """The p-th percentile (0–100) by the nearest-rank rule: a value that was measured."""
        ordered = sorted(self.samples)
        rank = max(math.ceil(p / 100.0 * len(ordered)), 1)
        return ordered[rank - 1]


def alternate(contenders: dict[str, Callable[[], float]], rounds: int, warmup: bool = True,
              progress: Callable[[str], None] | None = None) -> dict[str, Summary]:
    """Call every contender once per round for ``rounds`` rounds; each call returns its measurement.

    A contender times itself (so that building a model or copying data stays outside the clock)
    and returns one number. With ``warmup`` every contender first runs once untimed: imports,
    lazily compiled kernels and first-touch page faults are not what is being compared.
    """
    names = list(contenders)
    if warmup:
        for name in names:
            contenders[name]()
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_index in range(rounds):
        shift = round_index % len(names)
        order = names[shift:] + names[:shift]
        if round_index % 2:
            order.reverse()
        for name in order:
            samples[name].append(contenders[name]())
        if progress is not None:
            progress(f"round {round_index + 1}/{rounds}: " + ", ".join(
                f"{name} {samples[name][-1]:.3g}" for name in names))
    return {name: Summary(tuple(values)) for name, values in samples.items()}


def stopwatch(action: Callable[[], object]) -> float:
    """Seconds that ``action()`` takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
