"""``kkdesk consent``: record a prohibition or consent with its evidence; show the state;
confirm them to the customer in a letter.

Every change needs the evidence: when the customer's notification was received
(``--received``), how (``--channel``) and the document's reference (``--ref``). ``consent
confirm`` makes the confirmation letter (section 9 of the register description, GDPR
Art. 21) without an objection request: archived on the customer and audited like every
step letter.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from kkdesk.cli.common import Context, print_json, terminal_safe
from kkdesk.cli.export_portability import SubParsers
from kkdesk.domain.consent import ConsentItem, Evidence, PersonConsents
from kkdesk.domain.enums import Channel, Language
from kkdesk.domain.letters import LetterKind, SendVia
from kkdesk.errors import KnownError
from kkdesk.files import unwritable, write_private
from kkdesk.services import consents, step_letters


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
    s.add_argument("--seen", type=int, metavar="EVENT_ID",
                   help="the newest event you saw (`consent show` prints it; 0: none): the "
                   "change is refused if anyone recorded another since")  # fmt: skip
    s.set_defaults(handler=_set)

    show = c_sub.add_parser("show", help="current state and history of a customer")
    show.add_argument("number", help="customer number")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_show)

    confirm = c_sub.add_parser(
        "confirm",
        help="a letter confirming the recorded prohibitions and objection (Art. 21)",
        description="Make the letter confirming to customer NUMBER the prohibitions, "
        "objection and restriction in force and the consents withdrawn (register description "
        "section 9, GDPR Art. 21), without an objection request. It is archived on the "
        "customer with its SHA-256 and audited; refused when nothing is recorded. After an "
        "objection request use `kkdesk request write ID confirmation`.",
    )
    confirm.add_argument("number", help="customer number")
    confirm.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    confirm.add_argument("--lang", choices=[x.value for x in Language], default=None,
                         help="default: the customer's language")  # fmt: skip
    confirm.add_argument("--sent-by", choices=[v.value for v in SendVia], default=None,
                         help="record it as sent: post, email or handed (over)")  # fmt: skip
    confirm.add_argument("--sent-on", type=_date, default=None, metavar="YYYY-MM-DD",
                         help="with --sent-by: when (default today)")  # fmt: skip
    confirm.set_defaults(handler=_confirm)


def _set(args: argparse.Namespace, ctx: Context) -> int:
    ds = ctx.open()
    try:
        event = consents.record(
            ds,
            args.number,
            ConsentItem(args.item),
            args.state == "on",
            Evidence(args.received, Channel(args.channel), args.ref, args.note),
            contact_person_id=args.contact,
            seen_event_id=args.seen,
        )
    except consents.ConsentChanged as exc:
        # The change was decided on a state that is no longer the state: say so and show
        # the one in force now, so that whoever runs it decides again on the facts.
        print(f"kkdesk: {terminal_safe(exc.message)}", file=sys.stderr)
        print("The current state:", file=sys.stderr)
        _print_persons(consents.load(ds, args.number), sys.stderr)
        return 1
    print(f"Recorded: {event.item.value} {args.state} (event {event.id}).")
    return 0


def _show(args: argparse.Namespace, ctx: Context) -> int:
    persons = consents.load(ctx.open(), args.number)
    if args.json:
        print_json([consents.person_json(p) for p in persons])
        return 0
    _print_persons(persons, sys.stdout)
    return 0


def _print_persons(persons: tuple[PersonConsents, ...], out: TextIO) -> None:
    for p in persons:
        who = p.name if p.contact_person_id is None else f"{p.name} (contact {p.contact_person_id})"
        print(who, file=out)
        for s in p.state.items:
            value = "on " if s.value else "off"
            since = ""
            if s.event is not None:
                since = f"  since {s.since}  {s.event.channel.value}  {s.event.document_ref}"
            print(f"  {s.item.value:<20} {value}{since}", file=out)
        if p.history:
            print("  history:", file=out)
            for e in p.history:
                print(
                    f"    {e.received_on}  {e.item.value:<20} {'on ' if e.state else 'off'}  "
                    f"{e.channel.value:<9} {e.document_ref}  by {e.recorded_by}",
                    file=out,
                )
        newest = max((e.id for e in p.history), default=0)
        contact = f" --contact {p.contact_person_id}" if p.contact_person_id is not None else ""
        print(f"  newest event: {newest} (consent set ... --seen {newest}{contact})", file=out)


def _confirm(args: argparse.Namespace, ctx: Context) -> int:
    out = Path(args.output)
    if out.is_dir() or not out.parent.is_dir():
        # Checked before the letter is made: nothing archived for a file never written.
        print(f"kkdesk: {out} is not a file in an existing folder", file=sys.stderr)
        return 2
    ds = ctx.open()
    [letter] = step_letters.generate(
        ds, LetterKind.CONFIRMATION, number=args.number, language=args.lang
    )
    if letter.warnings:
        print("kkdesk: warning: the register settings leave " + ", ".join(letter.warnings)
              + " empty, so the letter prints without them (kkdesk register set KEY VALUE)",
              file=sys.stderr)  # fmt: skip
    try:
        write_private(out, letter.pdf)
    except OSError as exc:
        raise KnownError(
            f"{unwritable(out, exc)} The letter is archived as letter {letter.letter_id}.",
            code="file_unwritable",
        ) from exc
    print(
        f"{out}: confirmation ({letter.language.value}), {letter.pages} pages, "
        f"archived as letter {letter.letter_id} on customer {letter.customer_number}"
    )
    if args.sent_by:
        step_letters.record_sending(ds, letter.letter_id, args.sent_by, sent_on=args.sent_on)
        print(f"  recorded as sent by {args.sent_by}")
    return 0
