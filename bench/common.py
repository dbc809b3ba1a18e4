"""What every benchmark shares: the big register built once, timing helpers, result rows."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    """This process's own peak resident memory, in MB.

    ``VmHWM`` (Linux) belongs to the current address space only. ``ru_maxrss`` does not
    do: Linux keeps it across ``execve``, so a child started by a bench process that had
    grown to 340 MB reported 340 MB whatever it used itself. Memory rows are measured in
    a process of their own (:func:`run_child`) for the same reason: in the process that
    built the register and ran the other modules, a peak says nothing about one of them.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(module: str, *args: str) -> dict[str, Any]:
    """``python -m <module> <args>`` in a fresh process; the JSON of its last output line."""
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
