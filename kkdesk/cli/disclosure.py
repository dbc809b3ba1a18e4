"""``kkdesk disclosure``: record a disclosure to an authority or a third party; list a
customer's disclosures (marketing exports included)."""

from __future__ import annotations

import argparse
from datetime import date

from kkdesk.cli.common import Context, print_json
from kkdesk.cli.consent import _date
from kkdesk.cli.export_portability import SubParsers
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.services import disclosures


def register(sub: SubParsers) -> None:
    p = sub.add_parser("disclosure", help="disclosures of a customer's data")
    d_sub = p.add_subparsers(dest="disclosure_command", metavar="COMMAND", required=True)
    add = d_sub.add_parser(
        "add",
        help="record a disclosure to an authority or a third party",
        description="Record that a customer's data was disclosed to an authority (under "
        "a legal duty) or to a third party at the customer's own request.",
    )
    add.add_argument("number", help="customer number")
    add.add_argument("--to", required=True, dest="recipient", metavar="RECIPIENT",
                     help="who received the data")  # fmt: skip
    kinds = [DisclosureKind.AUTHORITY.value, DisclosureKind.THIRD_PARTY.value]
    add.add_argument("--kind", required=True, choices=kinds,
                     help="authority: under a legal duty; third_party: at the customer's "
                     "own request")  # fmt: skip
    add.add_argument("--basis", required=True, metavar="TEXT", help="the legal basis")
    add.add_argument("--what", required=True, metavar="TEXT", help="what was disclosed")
    add.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="default: today")
    add.set_defaults(handler=_add)
    ls = d_sub.add_parser(
        "list",
        help="every disclosure that included a customer",
        description="Every disclosure that included the customer's data, newest first: "
        "marketing exports and disclosures to authorities or third parties. Privacy "
        "staff, marketing and administrators may list them.",
    )
    ls.add_argument("number", help="customer number")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(handler=_list)


def _add(args: argparse.Namespace, ctx: Context) -> int:
    draft = DisclosureDraft(
        DisclosureKind(args.kind), args.date or date.today(), args.recipient, args.basis, args.what
    )
    d = disclosures.record(ctx.open(), args.number, draft)
    print(f"Recorded disclosure {d.id}: {d.disclosed_at:%Y-%m-%d} to {d.recipient}.")
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    listed = disclosures.of_customer(ctx.open(), args.number)
    if args.json:
        print_json([disclosures.disclosure_json(d) for d in listed])
        return 0
    for d in listed:
        what = (
            f"{d.purpose} by {d.channel}"
            if d.kind is DisclosureKind.MARKETING_EXPORT
            else d.description
        )
        print(
            f"{d.disclosed_at:%Y-%m-%d}  {d.kind.value:<16} {d.recipient}  —  {what}"
            f"  ({d.recorded_by})"
        )
    return 0
