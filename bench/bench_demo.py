"""Demo data: 100,000 customers with orders must take under 2 minutes (foundation issue)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.common import BenchContext, Row
from kkdesk.domain.levels import Level
from kkdesk.services import demo
from kkdesk.services.session import open_session

CUSTOMERS = 100_000


def run(ctx: BenchContext) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        ds = open_session(str(Path(tmp) / "demo.sqlite3"), level=Level.ADMIN)
        t0 = time.perf_counter()
        result = demo.generate(ds, CUSTOMERS, seed=1)
        seconds = time.perf_counter() - t0
        ds.close()
    return [
        Row(
            f"demo --customers {CUSTOMERS:,}",
            seconds,
            "s",
            target="< 120 s",
            ok=seconds < 120,
            note=f"{result.orders:,} orders, with deliveries, returns and sources",
        )
    ]
