"""A retention run over the bench register (issue 15): the dry run and the applied run.

The dry run counts and lists every customer past the relationship period, every order past
the Accounting Act period and every archived letter past its own, and writes the report;
the applied run erases those customers through the erasure (as the privacy level) and
removes the orders and letters, batch by batch. Both run on a copy of the register, so the
shared one stays as it was. The demo register's customers joined and ordered over several
years, so a good share of them is past the default two years: the note says how many.

Memory is the point as much as time: a run holds one batch (1,000 rows) at a time, so its
peak stays flat however big the register is (the note gives the process's peak).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from bench.common import BenchContext, Row, peak_rss_mb


def run(ctx: BenchContext) -> list[Row]:
    from kkdesk.domain.levels import Level
    from kkdesk.services import retention
    from kkdesk.services.session import open_session

    ctx.close()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "register.sqlite3"
        shutil.copyfile(ctx.path, copy)
        ds = open_session(str(copy), level=Level.PRIVACY)
        try:
            t0 = time.perf_counter()
            retention.plan(ds)
            plan_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            dry = retention.run(ds, dry_run=True, report=Path(tmp) / "dry.txt")
            dry_s = time.perf_counter() - t0
            dry_peak = peak_rss_mb()
            t0 = time.perf_counter()
            done = retention.run(ds, dry_run=False, report=Path(tmp) / "run.txt")
            apply_s = time.perf_counter() - t0
        finally:
            ds.close()
    n = f"{ctx.customers:,} customers"
    listed = (f"{dry.listed['customers']:,} customers, {dry.listed['vouchers']:,} orders, "
              f"{dry.listed['letters']:,} letters past their period")  # fmt: skip
    per = apply_s / max(done.done["customers"], 1) * 1000
    return [
        Row(f"retention plan (counts), {n}", plan_s, "s", note=listed),
        Row(
            f"retention dry run, {n}",
            dry_s,
            "s",
            note=f"lists and reports them; peak {dry_peak:.0f} MB",
        ),
        Row(
            f"retention run applied, {n}",
            apply_s,
            "s",
            note=f"{done.done['customers']:,} erased ({done.refused:,} refused, "
            f"{per:.1f} ms each), {done.done['vouchers']:,} orders and "
            f"{done.done['letters']:,} letters removed; peak {peak_rss_mb():.0f} MB",
        ),
    ]
