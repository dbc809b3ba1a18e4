"""A retention run over the bench register (issue 15): the dry run and the applied run.

The dry run counts and lists every customer past the relationship period (and those past
it whom a hold, a restriction or an open order or return keeps: skipped), every order past
the Accounting Act period and every archived letter past its own, and writes the report;
the applied run erases those customers in chunks of a thousand, each one transaction of
set-based statements (:mod:`kkdesk.store.erasure_batch`), as the privacy level, and removes
the orders and letters, batch by batch. Both run on a copy of the register, so the shared
one stays as it was. The demo register's customers joined and ordered over twelve years up
to the month before it was made, so a good share of them is past the default two years
(the note says how many; nothing is aged artificially).

Each row gives wall time and CPU time: the machine may be shared, and CPU time is what
the run itself cost. The "bare" figures: for the dry run, the listing's one SELECT run
straight on sqlite3 over the whole register, fetching every row; for the applied run, the
old path — the same customers erased one at a time through the single erasure
(:func:`kkdesk.services.erasure.erase_in`, each in its own transaction), measured on
``ONE_BY_ONE_SAMPLE`` customers of the copy and multiplied out.

Memory is the point as much as time: a run holds one batch (1,000 rows) at a time, so its
peak stays flat however big the register is (the note gives the process's peak).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BenchContext, Row, peak_rss_mb

ONE_BY_ONE_SAMPLE = 200


class _Clock:
    """Wall and CPU seconds, and per kind of the run's progress, when each kind ended."""

    def __init__(self) -> None:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        self.kinds: dict[str, float] = {}
        self._last_print = 0.0

    def progress(self, kind: str, done: int, total: int) -> None:
        now = time.perf_counter() - self.wall0
        self.kinds[kind] = now
        if now - self._last_print >= 30 or done == total:
            self._last_print = now
            print(f"  {kind}: {done:,} of {total:,}  {now:.0f} s", file=sys.stderr, flush=True)

    def done(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall0, time.process_time() - self.cpu0


def _bare_listing(db: Path, last_due: object) -> tuple[float, int]:
    """The dry run's listing as one SELECT on sqlite3 over the whole register."""
    from sqlalchemy import select
    from sqlalchemy.dialects import sqlite

    from kkdesk.store import erasure_batch
    from kkdesk.store import retention as store
    from kkdesk.store.models import Customer

    columns = erasure_batch.blocker_columns(Customer.id)
    query = (
        select(Customer.id, Customer.number, *(c.label(n) for n, c in columns))
        .where(store._customer_past(last_due))  # type: ignore[arg-type]
        .order_by(Customer.id)
    )
    compiled = query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
    con = sqlite3.connect(db)
    try:
        t0 = time.perf_counter()
        n = sum(1 for _ in con.execute(str(compiled)))
        return time.perf_counter() - t0, n
    finally:
        con.close()


def _one_by_one(db: Path, today: object, reason: str) -> tuple[float, float, int]:
    """The old path on a sample: (wall s, CPU s, customers) erasing ``ONE_BY_ONE_SAMPLE``
    due customers one at a time through erase_in."""
    from kkdesk.domain.levels import Level
    from kkdesk.services import erasure, retention
    from kkdesk.services.session import open_session
    from kkdesk.store import retention as store

    ds = open_session(str(db), level=Level.PRIVACY)
    try:
        p = retention.plan(ds, today=today)  # type: ignore[arg-type]
        with ds.db.read() as s:
            ids = [
                cid
                for cid, _ in store.customers_due(
                    s, p.periods.customers_last_day, limit=ONE_BY_ONE_SAMPLE
                )
            ]
        wall0, cpu0 = time.perf_counter(), time.process_time()
        for cid in ids:
            with ds.db.session() as s:
                erasure.erase_in(s, ds, cid, reason, today=p.periods.today)
        return time.perf_counter() - wall0, time.process_time() - cpu0, len(ids)
    finally:
        ds.close()


def run(ctx: BenchContext) -> list[Row]:
    from kkdesk.domain.levels import Level
    from kkdesk.services import retention
    from kkdesk.services.session import open_session

    ctx.close()
    with tempfile.TemporaryDirectory(dir=ctx.path.parent) as tmp:
        copy = Path(tmp) / "register.sqlite3"
        src, dst = sqlite3.connect(ctx.path), sqlite3.connect(copy)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        ds = open_session(str(copy), level=Level.PRIVACY)
        try:
            print("  retention plan …", file=sys.stderr, flush=True)
            clock = _Clock()
            plan = retention.plan(ds)
            plan_s, plan_cpu = clock.done()
            print("  retention dry run …", file=sys.stderr, flush=True)
            clock = _Clock()
            dry = retention.run(ds, dry_run=True, report=Path(tmp) / "dry.txt",
                                progress=clock.progress)  # fmt: skip
            dry_s, dry_cpu = clock.done()
            dry_peak = peak_rss_mb()
        finally:
            ds.close()
        bare_s, bare_rows = _bare_listing(copy, plan.periods.customers_last_day)
        ds = open_session(str(copy), level=Level.PRIVACY)
        try:
            print("  retention run applied …", file=sys.stderr, flush=True)
            clock = _Clock()
            done = retention.run(ds, dry_run=False, report=Path(tmp) / "run.txt",
                                 progress=clock.progress)  # fmt: skip
            apply_s, apply_cpu = clock.done()
            kinds = dict(clock.kinds)
        finally:
            ds.close()
        apply_peak = peak_rss_mb()
        # The old path on the customers the next run would find: none are left due in
        # the copy, so the sample is taken from a fresh copy's first due customers.
        print("  one by one (old path) sample …", file=sys.stderr, flush=True)
        fresh = Path(tmp) / "fresh.sqlite3"
        copy.unlink()
        src, dst = sqlite3.connect(ctx.path), sqlite3.connect(fresh)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        one_s, one_cpu, one_n = _one_by_one(fresh, plan.periods.today,
                                            "retention: bench, one by one")  # fmt: skip
    n = f"{ctx.customers:,} customers"
    erased = done.done["customers"]
    per = kinds.get("customers", apply_s) / max(erased, 1) * 1000
    one_per = one_s / max(one_n, 1) * 1000
    share = dry.listed["customers"] / ctx.customers
    listed = (
        f"{dry.listed['customers']:,} customers due ({share:.0%} of the register) and "
        f"{dry.skipped:,} held (skipped), {dry.listed['vouchers']:,} orders, "
        f"{dry.listed['letters']:,} letters past their period"
    )
    customers_s = kinds.get("customers", 0.0)
    vouchers_s = kinds.get("vouchers", customers_s) - customers_s
    return [
        Row(f"retention plan (counts), {n}", plan_s, "s", note=f"CPU {plan_cpu:.0f} s; {listed}"),
        Row(
            f"retention dry run, {n}",
            dry_s,
            "s",
            baseline=bare_s,
            note=f"CPU {dry_cpu:.0f} s; lists and reports {dry.listed['customers'] + dry.skipped:,}"
            f" customers; bare: the listing's SELECT on sqlite3 ({bare_rows:,} rows); "
            f"peak {dry_peak:.0f} MB",
        ),
        Row(
            f"retention run applied, {n}",
            apply_s,
            "s",
            baseline=one_per * erased / 1000,
            note=f"CPU {apply_cpu:.0f} s; {erased:,} erased in chunks of 1,000 in "
            f"{customers_s:.0f} s ({per:.2f} ms each), {done.skipped:,} skipped; "
            f"{done.done['vouchers']:,} orders removed in {vouchers_s:.0f} s, "
            f"{done.done['letters']:,} letters; bare: the old path (erase_in one by one, "
            f"{one_per:.0f} ms each wall, {one_cpu / max(one_n, 1) * 1000:.0f} ms CPU, "
            f"measured on {one_n}) for as many customers; peak {apply_peak:.0f} MB",
        ),
    ]
