"""``kkdesk audit show NUMBER``: the audit trail of one customer (the ``privacy`` level)."""

from __future__ import annotations

import argparse

from kkdesk.cli.common import Context, print_json
from kkdesk.services import audit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="the audit trail (privacy)", description="The audit trail.")
    a_sub = p.add_subparsers(dest="audit_command", metavar="COMMAND", required=True)
    show = a_sub.add_parser(
        "show",
        help="who read or changed one customer's data, when and why",
        description="Every read and change of one customer's data: when, who (database "
        "user), what and why, newest first.",
    )
    show.add_argument("number", help="customer number")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.add_argument("--limit", type=int, default=1000, metavar="N", help="at most N rows")
    show.set_defaults(handler=_show)


def _show(args: argparse.Namespace, ctx: Context) -> int:
    entries = audit.trail(ctx.open(), args.number, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "at": e.at.isoformat(),
                    "actor": e.actor,
                    "customer_number": e.customer_number,
                    "action": e.action,
                    "purpose": e.purpose,
                    "detail": e.detail,
                }
                for e in entries
            ]
        )
        return 0
    if not entries:
        print(f"No audit rows for customer {args.number}.")
        return 0
    print(f"{'WHEN':<19}  {'WHO':<20}  {'WHAT':<9}  {'WHY':<18}  DETAIL")
    for e in entries:
        when = e.at.astimezone()  # the local time of whoever reads it
        print(
            f"{when:%Y-%m-%d %H:%M:%S}  {e.actor:<20.20}  {e.action:<9}  {e.purpose:<18}"
            f"  {e.detail}"
        )
    return 0
