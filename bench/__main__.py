"""Run every benchmark and print one table.

Builds the 1,000,000-customer SQLite register once (``bench/.data/``, reused while the
schema and the seed stay the same; ``BENCH_CUSTOMERS=N`` for a smaller quick run), gives
each ``bench/bench_*.py`` module's optional ``prepare(ctx)`` a chance to add what it needs,
then prints the rows every module's ``run(ctx)`` returns. ``python -m bench NAME`` runs
only the modules whose name contains NAME.

``BENCH_PG=1`` (or ``python -m bench pg``) runs the PostgreSQL bench instead
(``bench/pg_bench.py``: the desk's operations on a central register at 0 and 20 ms of
round trip), and ``python -m bench load`` twenty clerks at once (``bench/pg_load.py``).
See docs/benchmarks.md.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time
from typing import Any

import bench
from bench.common import DATA, BenchContext, Row, bench_size
from kkdesk.domain.levels import Level
from kkdesk.services import demo
from kkdesk.services.session import DeskSession, open_session
from kkdesk.store import migrate


def build(customers: int, seed: int) -> BenchContext:
    DATA.mkdir(exist_ok=True)
    path = DATA / f"register-{customers}-s{seed}.sqlite3"
    ctx = BenchContext(customers, path, seed)
    if path.exists():
        from kkdesk.services.customers import count

        # A register built by an older kkdesk is brought to this one's schema as an
        # administrator would (seconds), not rebuilt: the demo's rows do not change with
        # the schema, and rebuilding a million customers takes minutes.
        if migrate.current_revision(ctx.ds.db) != migrate.head_revision(ctx.ds.db):
            migrate.upgrade(ctx.ds.db)
        if count(ctx.ds) >= customers:
            return ctx
        ctx.close()
        for p in path.parent.glob(path.name + "*"):
            p.unlink()
    print(f"Building the {customers:,}-customer register (once) in {path} …", file=sys.stderr)
    t0 = time.monotonic()
    ds = open_session(str(path), level=Level.ADMIN)
    _bulk_load_pragmas(ds)

    def progress(done: int, total: int) -> None:
        if done % 50000 == 0 or done == total:
            print(f"  {done:,} / {total:,}  {time.monotonic() - t0:.0f} s", file=sys.stderr)

    demo.generate(ds, customers, seed=seed, progress=progress)
    with ds.db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    ds.close()
    print(f"  built in {time.monotonic() - t0:.0f} s", file=sys.stderr)
    return ctx


def _bulk_load_pragmas(ds: DeskSession) -> None:
    """A throw-away file filled in one go: no fsync per chunk, and a page cache big enough
    for the indexes (SQLite's default 2 MB made every chunk's index inserts read pages
    back from disk once the register passed a few hundred thousand customers)."""
    from sqlalchemy import event

    def pragmas(dbapi_connection: Any, _record: Any) -> None:
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute("PRAGMA cache_size=-262144")  # 256 MB
        cur.close()

    ds.db.engine.dispose()  # the next connections get the pragmas
    event.listen(ds.db.engine, "connect", pragmas)


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    return f"{value:,.1f} {unit}" if value < 1000 else f"{value:,.0f} {unit}"


def print_table(title: str, rows: list[Row]) -> int:
    """The rows as a table on stdout; 0 if every row with a target met it."""
    headers = ("benchmark", "kkdesk", "bare", "target", "ok", "note")
    table = [
        (
            r.name,
            fmt(r.value, r.unit),
            fmt(r.baseline, r.unit),
            r.target,
            "" if r.ok is None else ("yes" if r.ok else "NO"),
            r.note,
        )
        for r in rows
    ]
    widths = [
        max(len(h), *(len(t[i]) for t in table)) if table else len(h) for i, h in enumerate(headers)
    ]
    print(f"\n{title}\n")
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for t in table:
        print("  ".join(c.ljust(w) for c, w in zip(t, widths, strict=True)))
    return 0 if all(r.ok is not False for r in rows) else 1


def main(argv: list[str]) -> int:
    only = argv[0] if argv else ""
    if only == "load":
        from bench import pg_load

        return pg_load.main(argv[1:])
    if only == "pg" or os.environ.get("BENCH_PG", "") not in ("", "0"):
        from bench import pg_bench

        customers = bench_size()
        return print_table(
            f"kkdesk on PostgreSQL — {customers:,} customers ({pg_bench.describe(customers)})",
            pg_bench.run(customers),
        )
    names = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    modules = [importlib.import_module(f"bench.{n}") for n in names if only in n]
    ctx = build(bench_size(), 1)
    for module in modules:
        if hasattr(module, "prepare"):
            module.prepare(ctx)
    rows: list[Row] = []
    for module in modules:
        print(f"running {module.__name__} …", file=sys.stderr)
        rows.extend(module.run(ctx))
    ctx.close()
    return print_table(f"kkdesk benchmarks — {ctx.customers:,} customers", rows)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
