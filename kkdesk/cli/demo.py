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
        "returns. The same seed always gives the same data.",
    )
    p.add_argument("--customers", type=int, required=True, metavar="N", help="how many")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    p.add_argument(
        "--if-empty", action="store_true", help="do nothing if the register has customers"
    )
    p.epilog = (
        "A central (PostgreSQL) database that already holds customers is refused: demo "
        "customers are never mixed with real ones."
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
            print(f"\r{done:,} / {total:,} customers", end="", file=sys.stderr, flush=True)

    result = demo.fill(
        ds, args.customers, seed=args.seed, if_empty=args.if_empty, progress=progress
    )
    if result is None:
        print(f"{ds.describe()} already has customers; no demo data added.")
        return 0
    if interactive:
        print(file=sys.stderr)
    print(
        f"Added {result.customers:,} customers ({result.first_number}–{result.last_number}) "
        f"with {result.orders:,} orders in {time.monotonic() - started:.1f} s."
    )
    return 0
