"""``kkdesk demo``: fill the database with realistic, deterministic demo customers."""

from __future__ import annotations

import argparse
import sys
import time

from kkdesk.cli.common import Context
from kkdesk.services import demo


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "demo",
        help="add demo customers",
        description="Add realistic Finnish demo customers with orders, deliveries and "
        "returns, contact persons, consents and prohibitions. The same seed always gives the "
        "same data. All or nothing: an interrupted run adds nothing.",
    )
    p.add_argument("--customers", type=int, required=True, metavar="N", help="how many")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    p.add_argument(
        "--if-empty", action="store_true", help="do nothing if the register has customers"
    )
    p.epilog = (
        "A central (PostgreSQL) database that already holds customers is refused: demo "
        "customers are never mixed with real ones. Run it as the tables' owner there: the "
        "owner loads by COPY (a million customers in minutes); any other login writes row "
        "by row under the server's triggers and audit."
    )
    p.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace, ctx: Context) -> int:
    if args.customers < 1:
        print("kkdesk: --customers must be at least 1", file=sys.stderr)
        return 2
    ds = ctx.open()
    started = time.monotonic()
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive:
            rate = done / max(time.monotonic() - started, 0.001)
            line = f"{done:,} / {total:,} customers ({rate:,.0f} a second)"
            print(f"\r{line:<60}", end="", file=sys.stderr, flush=True)

    def stage(name: str) -> None:
        if interactive:
            print(f"\r{_STAGES.get(name, name) + '…':<60}", end="", file=sys.stderr, flush=True)

    result = demo.fill(
        ds,
        args.customers,
        seed=args.seed,
        if_empty=args.if_empty,
        progress=progress,
        stage=stage,
    )
    if result is None:
        print(f"{ds.describe()} already has customers; no demo data added.")
        return 0
    if interactive:
        print(f"\r{'':<60}\r", end="", file=sys.stderr, flush=True)
    seconds = time.monotonic() - started
    print(
        f"Added {result.customers:,} customers ({result.first_number}–{result.last_number}) "
        f"with {result.orders:,} orders in {seconds:.1f} s "
        f"({result.customers / max(seconds, 0.001):,.0f} customers a second)."
    )
    return 0


# What a big load does after its last customer (kkdesk.store.demo).
_STAGES = {
    "indexes": "Building the indexes",
    "commit": "Committing",
    "analyze": "Updating the planner's statistics",
}
