"""Demo data at the speed of the database: ``kkdesk demo`` fills 1,000,000 customers in
≤ 5 minutes (issue 19), i.e. ≥ 3,334 customers a second.

``kkdesk demo`` runs as its own process (the command a user types) on a fresh embedded
register of ``BENCH_DEMO_CUSTOMERS`` customers (100,000 by default; 1,000,000 for the real
thing): its wall time, the CPU time of that process and its peak memory (VmHWM). On a
machine shared with other work the wall time follows the load; the CPU time per customer
says what the machine would do idle. The central database's figures (COPY as the tables'
owner) are in docs/benchmarks.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BenchContext, Row
from kkdesk.domain.levels import Level
from kkdesk.services.session import open_session

TARGET = 1_000_000 / 300  # customers a second: a million in five minutes


def customers() -> int:
    return int(os.environ.get("BENCH_DEMO_CUSTOMERS", "100000"))


def run(ctx: BenchContext) -> list[Row]:
    n = customers()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite3"
        open_session(str(path), level=Level.ADMIN).close()  # a migrated, empty register
        cmd = [sys.executable, "-m", "kkdesk", "--db", str(path), "demo", "--customers", str(n)]
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - t0
        out, err = child.communicate()
        if status != 0:
            raise RuntimeError(f"kkdesk demo failed: {err or out}")
    rate = n / seconds
    cpu = usage.ru_utime + usage.ru_stime
    return [
        Row(
            f"demo --customers {n:,} (SQLite)",
            rate,
            "customers/s",
            target=f"≥ {TARGET:,.0f}/s",
            ok=rate >= TARGET,
            note=(
                f"{seconds:,.0f} s wall, {cpu:,.0f} s CPU ({n / cpu:,.0f} customers per "
                f"CPU-second), peak {usage.ru_maxrss / 1024:,.0f} MB; {out.strip()}"
            ),
        )
    ]
