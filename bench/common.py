"""What every benchmark shares: the big register built once, timing helpers, result rows."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kkdesk.domain.levels import Level
from kkdesk.services.session import DeskSession, open_session

DATA = Path(__file__).with_name(".data")


@dataclass
class Row:
    """One line of the results table."""

    name: str
    value: float
    unit: str
    target: str = ""
    baseline: float | None = None  # the bare operation's figure, where there is one
    ok: bool | None = None
    note: str = ""


@dataclass
class BenchContext:
    customers: int
    path: Path
    seed: int = 1
    _ds: DeskSession | None = field(default=None, repr=False)

    @property
    def ds(self) -> DeskSession:
        if self._ds is None:
            self._ds = open_session(str(self.path), level=Level.ADMIN)
        return self._ds

    def close(self) -> None:
        if self._ds is not None:
            self._ds.close()
            self._ds = None


def bench_size() -> int:
    return int(os.environ.get("BENCH_CUSTOMERS", "1000000"))


def timings(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds per call."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
