"""``kkdesk retention run [--dry-run]``: keep the retention the privacy notice promises.

Lists the customers past the relationship period, the orders past the Accounting Act
period and the archived letters past theirs (each period a register setting, see
``kkdesk register show``); without ``--dry-run`` it erases and removes them, batch by batch,
after a confirmation on a terminal (``--yes`` for a scheduled run, docs/retention.md).
Every run writes a report file (0600) and prints where; progress goes to standard error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kkdesk.cli.common import Context, print_json
from kkdesk.errors import KnownError

WORDS = {"customers": "customers", "vouchers": "orders", "letters": "archived letters"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("retention", help="erase and remove what is past its retention period")
    s = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    r = s.add_parser(
        "run",
        help="list, or erase and remove, what is past its period (privacy, admin)",
        description="List the customers past the relationship period (no order or contact "
        "for the years the register settings say, nothing open, no hold), the orders past "
        "the Accounting Act period and the archived letters past theirs; unless --dry-run, "
        "erase the customers and remove the orders and letters. A report file is always "
        "written. docs/retention.md shows how to schedule it.",
    )
    r.add_argument("--dry-run", action="store_true", help="list only; change nothing")
    r.add_argument("--yes", action="store_true", help="apply without asking (scheduled runs)")
    r.add_argument("--report", metavar="FILE", type=Path,
                   help="where to write the report (default: a new file in kkdesk's data "
                   "folder, retention/)")  # fmt: skip
    r.add_argument(
        "--on",
        metavar="YYYY-MM-DD",
        type=date.fromisoformat,
        help="with --dry-run: list as if run on this day (to check a schedule)",
    )
    r.add_argument("--batch", type=int, default=1000,
                   help="customers erased (and rows removed) per transaction; a stopped run "
                   "keeps whole batches (default 1000)")  # fmt: skip
    r.add_argument("--quiet", action="store_true", help="no progress on standard error")
    r.add_argument("--json", action="store_true", help="the counts as JSON")
    r.set_defaults(handler=_run)


def _progress(quiet: bool) -> Callable[[str, int, int], None]:
    last: dict[str, int] = {}

    def show(kind: str, done: int, total: int) -> None:
        if quiet:
            return
        # A line per tenth (and at the start and end): readable in a scheduled job's log.
        step = max(1, total // 10)
        if done in (0, total) or done // step != last.get(kind, -1):
            last[kind] = done // step
            print(f"kkdesk: {WORDS[kind]}: {done:,} of {total:,}", file=sys.stderr, flush=True)

    return show


def _run(args: argparse.Namespace, ctx: Context) -> int:
    from kkdesk.services import retention

    if args.on is not None and not args.dry_run:
        raise KnownError("--on is for a dry run only: a run applies as of today.",
                         code="retention_on_needs_dry_run")  # fmt: skip
    ds = ctx.open()
    plan = retention.plan(ds, today=args.on)
    p = plan.periods
    if not args.json:
        print(f"Past the retention period on {p.today.isoformat()}:")
        print(f"{plan.customers:>9,}  customers (no order or contact since "
              f"{p.customers_last_day.isoformat()}, {p.basic_data_years} years)")  # fmt: skip
        if plan.skipped:
            print(f"{plan.skipped:>9,}  more customers past it are held (a legal hold, a "
                  "restriction of processing, an open order or return): skipped")  # fmt: skip
        print(f"{plan.vouchers:>9,}  orders (ordered on or before "
              f"{p.vouchers_last_day.isoformat()}, {p.voucher_years} years from the end of "
              f"the year the financial year ended)")  # fmt: skip
        print(f"{plan.letters:>9,}  archived letters (made on or before "
              f"{p.letters_last_day.isoformat()}, {p.letter_archive_years} years)")  # fmt: skip
    if not args.dry_run and not args.yes and (plan.customers or plan.vouchers or plan.letters):
        if not sys.stdin.isatty():
            raise KnownError(
                "Erasing customers and removing orders and letters cannot be undone: confirm "
                "on a terminal, or give --yes.",
                code="confirmation_needed",
            )
        answer = input("Erase and remove them? This cannot be undone. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.")
            return 1
    out = retention.run(ds, dry_run=args.dry_run, report=args.report, today=args.on,
                        progress=_progress(args.quiet or args.json), batch=args.batch)  # fmt: skip
    if args.json:
        print_json({"on": p.today.isoformat(), "dry_run": out.dry_run,
                    "listed": out.listed, "done": out.done, "refused": out.refused,
                    "skipped": out.skipped, "skip_reasons": out.skip_reasons,
                    "report": str(out.report)})  # fmt: skip
        return 0
    if out.skipped:
        print(f"Skipped {out.skipped:,} customers past the period: "
              + ", ".join(f"{retention.SKIP_REASONS.get(r, r)} {n:,}"
                          for r, n in sorted(out.skip_reasons.items())))  # fmt: skip
    if out.dry_run:
        print("Dry run: nothing was changed.")
    else:
        print(
            f"Erased {out.done['customers']:,} customers ({out.skipped:,} skipped), removed "
            f"{out.done['vouchers']:,} orders and {out.done['letters']:,} archived letters."
        )
    print(f"Report: {out.report}")
    return 0
