"""``kkdesk consent``: record a prohibition or consent with its evidence; show the state.

Every change needs the evidence: when the customer's notification was received
(``--received``), how (``--channel``) and the document's reference (``--ref``).
"""

from __future__ import annotations

import argparse
from datetime import date

from kkdesk.cli.common import Context, print_json
from kkdesk.cli.export_portability import SubParsers
from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.enums import Channel
from kkdesk.services import consents


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "consent",
        help="prohibitions and consents",
        description="Prohibitions (section 9), consents to e-mail and SMS marketing, "
        "restriction (GDPR Art. 18) and objection (Art. 21). See docs/consents.md.",
    )
    c_sub = p.add_subparsers(dest="consent_command", metavar="COMMAND", required=True)
    s = c_sub.add_parser(
        "set",
        help="record one change with its evidence",
        description="Record that ITEM is now on (prohibited / given / restricted / objected) "
        "or off, on the evidence of the customer's notification.",
    )
    s.add_argument("number", help="customer number")
    s.add_argument("item", choices=[i.value for i in ConsentItem], metavar="ITEM",
                   help="one of: " + ", ".join(i.value for i in ConsentItem))  # fmt: skip
    s.add_argument("state", choices=["on", "off"])
    s.add_argument("--received", required=True, type=_date, metavar="YYYY-MM-DD",
                   help="when the customer's notification was received")  # fmt: skip
    s.add_argument("--channel", required=True, choices=[c.value for c in Channel],
                   help="how it was received")  # fmt: skip
    s.add_argument("--ref", required=True, metavar="REF",
                   help="document reference, e.g. the scanned letter's id")  # fmt: skip
    s.add_argument("--note", default="", help="free text")
    s.add_argument("--contact", type=int, metavar="ID", help="a contact person's id")
    s.set_defaults(handler=_set)

    show = c_sub.add_parser("show", help="current state and history of a customer")
    show.add_argument("number", help="customer number")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_show)


def _set(args: argparse.Namespace, ctx: Context) -> int:
    event = consents.record(
        ctx.open(),
        args.number,
        ConsentItem(args.item),
        args.state == "on",
        Evidence(args.received, Channel(args.channel), args.ref, args.note),
        contact_person_id=args.contact,
    )
    print(f"Recorded: {event.item.value} {args.state} (event {event.id}).")
    return 0


def _show(args: argparse.Namespace, ctx: Context) -> int:
    persons = consents.load(ctx.open(), args.number)
    if args.json:
        print_json([consents.person_json(p) for p in persons])
        return 0
    for p in persons:
        who = p.name if p.contact_person_id is None else f"{p.name} (contact {p.contact_person_id})"
        print(who)
        for s in p.state.items:
            value = "on " if s.value else "off"
            since = ""
            if s.event is not None:
                since = f"  since {s.since}  {s.event.channel.value}  {s.event.document_ref}"
            print(f"  {s.item.value:<20} {value}{since}")
        if p.history:
            print("  history:")
            for e in p.history:
                print(
                    f"    {e.received_on}  {e.item.value:<20} {'on ' if e.state else 'off'}  "
                    f"{e.channel.value:<9} {e.document_ref}  by {e.recorded_by}"
                )
    return 0
