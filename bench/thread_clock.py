"""A thread's clocks between two moments: what of a gap it ran, waited for a CPU in the
kernel's run queue, and lost to the hypervisor (Linux; elsewhere only the wall clock).

The desk bench's stall meter reads them at every tick (``bench/bench_desk.py``, whose
docstring says why each part is or is not the desk's). About 70 µs a read.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class GapParts:
    """One gap between ticks (ms): its wall time, and what of it the thread ran, waited in the
    run queue, and lost to the hypervisor while on its CPU (steal)."""

    gap_ms: float
    ran_ms: float
    queued_ms: float
    stolen_ms: float

    @property
    def stall_ms(self) -> float:
        return self.gap_ms - self.queued_ms - self.stolen_ms


def _sched_getcpu() -> Callable[[], int]:
    """The C library's ``sched_getcpu`` (the calling thread's CPU, a vDSO call), else -1."""
    try:
        import ctypes

        libc_getcpu = ctypes.CDLL(None).sched_getcpu
    except (OSError, AttributeError):
        return lambda: -1
    return lambda: int(libc_getcpu())


_CURRENT_CPU = _sched_getcpu()
_CLOCK_TICKS_PER_S = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class ThreadClock:
    """The calling thread's clocks at one moment (Linux: its ``schedstat`` and ``/proc/stat``
    per CPU; elsewhere only the wall clock, so a gap is the plain gap)."""

    wall_s: float
    ran_ms: float
    queued_ms: float
    cpu: int
    steal_ms: tuple[float, ...]  # per CPU

    @classmethod
    def read(cls) -> ThreadClock:
        wall = time.perf_counter()
        ran = queued = 0.0
        with contextlib.suppress(OSError, ValueError, IndexError):
            with open("/proc/thread-self/schedstat", encoding="ascii") as f:
                fields = f.read().split()
            ran, queued = int(fields[0]) / 1e6, int(fields[1]) / 1e6
        steal: list[float] = []
        with (
            contextlib.suppress(OSError, ValueError, IndexError),
            open("/proc/stat", encoding="ascii") as f,
        ):
            f.readline()  # all CPUs together
            for line in f:
                if not line.startswith("cpu"):
                    break
                steal.append(int(line.split()[8]) * 1000 / _CLOCK_TICKS_PER_S)
        return cls(wall, ran, queued, _CURRENT_CPU(), tuple(steal))

    def since(self, before: ThreadClock) -> GapParts:
        gap = (self.wall_s - before.wall_s) * 1000
        ran, queued = self.ran_ms - before.ran_ms, self.queued_ms - before.queued_ms
        cpus = {before.cpu, self.cpu}
        stolen = 0.0
        if all(0 <= c < min(len(self.steal_ms), len(before.steal_ms)) for c in cpus):
            steal = min(self.steal_ms[c] - before.steal_ms[c] for c in cpus)
            stolen = max(0.0, min(steal, gap - ran - queued))
        return GapParts(gap, ran, queued, stolen)
