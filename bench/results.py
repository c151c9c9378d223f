"""What a workload hands to the report: a table of summaries, the targets, and notes."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from bench.timing import Summary


@dataclass(frozen=True)
class Target:
    """One target of issue 4: ``measured`` must be ≥ (or ≤) ``bound``."""

    description: str
    measured: float
    bound: float
    at_least: bool
    unit: str = "×"

    @property
    def met(self) -> bool:
        if math.isnan(self.measured):
            return False
        return self.measured >= self.bound if self.at_least else self.measured <= self.bound

    @property
    def requirement(self) -> str:
        return f"{'≥' if self.at_least else '≤'} {self.bound:g}{self.unit}"


@dataclass
class WorkloadResult:
    """One table: rows of summaries in ``unit``, and how much slower each row is than ``reference``."""

    title: str
    unit: str
    rows: dict[str, Summary]
    reference: str | None = None
    absent: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    #: extra figures with their own unit, e.g. ("p99 latency", "µs", value)
    figures: list[tuple[str, str, float]] = field(default_factory=list)

    def ratio(self, name: str, over: str | None = None) -> float:
        """Median of ``name`` / median of ``over`` (the reference by default); NaN if either is absent."""
        over = over or self.reference
        if name not in self.rows or over not in self.rows:
            return math.nan
        return self.rows[name].median / self.rows[over].median
