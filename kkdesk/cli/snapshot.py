"""``kkdesk snapshot``: encrypted offline snapshots of chosen customers.

``kkdesk snapshot create -o FILE --customers 100001,100002`` (or ``--query TEXT``, or
``--requests open``) makes one; ``kkdesk --snapshot FILE`` opens it in the desk, read-only.
``kkdesk snapshot info FILE`` says what a snapshot is without opening it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kkdesk.cli.common import Context
from kkdesk.domain.enums import Purpose
from kkdesk.services import snapshots


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    snap = sub.add_parser(
        "snapshot",
        help="encrypted offline snapshots",
        description="Encrypted, expiring snapshots of chosen customers for review where "
        "the register cannot be reached (open one with 'kkdesk --snapshot FILE').",
    )
    snap_sub = snap.add_subparsers(dest="snapshot_command", metavar="COMMAND", required=True)
    create = snap_sub.add_parser(
        "create",
        help="make a snapshot",
        description="Make an encrypted snapshot of the chosen customers: what your user "
        "level may read of them. Its key stays in your OS keyring: only you, on this "
        "computer, can open it. Making it is recorded in the audit trail.",
    )
    create.add_argument("-o", "--output", required=True, metavar="FILE", type=Path)
    which = create.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--customers", metavar="NUMBERS", help="customer numbers, separated by commas"
    )
    which.add_argument("--query", metavar="TEXT", help="the customers a search finds")
    which.add_argument(
        "--requests",
        choices=["open"],
        help="the customers with an open data-subject request",
    )
    create.add_argument(
        "--expires",
        metavar="DAYS",
        type=int,
        default=snapshots.DEFAULT_DAYS,
        help=f"days until it can no longer be opened (default {snapshots.DEFAULT_DAYS}, "
        f"at most {snapshots.MAX_DAYS})",
    )
    create.add_argument(
        "--purpose",
        choices=[p.value for p in Purpose],
        default=Purpose.CUSTOMER_SERVICE.value,
        help="why the customers are taken offline (written in the audit trail)",
    )
    create.set_defaults(handler=_create)
    info = snap_sub.add_parser("info", help="describe a snapshot (no key needed)")
    info.add_argument("file", metavar="FILE", type=Path)
    info.set_defaults(handler=_info)


def _create(args: argparse.Namespace, ctx: Context) -> int:
    selection = snapshots.Selection(
        numbers=tuple(n for n in (args.customers or "").replace(" ", ",").split(",") if n),
        query=args.query or "",
        open_requests=args.requests == "open",
    )
    ds = ctx.open()

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done:,} / {total:,} customers", end="", file=sys.stderr, flush=True)

    result = snapshots.create(
        ds, args.output, selection, days=args.expires, purpose=args.purpose, progress=progress
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        f"Snapshot of {result.customers:,} customers written to {result.path}; it expires "
        f"{result.expires:%Y-%m-%d %H:%M} UTC. Its key is in your keyring only."
    )
    return 0


def _info(args: argparse.Namespace, ctx: Context) -> int:
    header = snapshots.read_info(args.file)
    meta = header.meta
    expires = f"{header.expires:%Y-%m-%d %H:%M} UTC" if header.expires else "never"
    state = "expired" if header.expired() else "valid"
    print(f"Offline snapshot of {meta.get('customers', '?')} customers")
    print(f"  made     {header.created:%Y-%m-%d %H:%M} UTC by {meta.get('made_by', '?')}")
    print(f"  from     {meta.get('source', '?')} at level {meta.get('level', '?')}")
    print(f"  expires  {expires} ({state})")
    print(f"  key      {header.key_id}")
    return 0
