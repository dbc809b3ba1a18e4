"""``kkdesk erase NUMBER --reason TEXT``: erase a person's data (GDPR Art. 17), and
``kkdesk hold NUMBER``: put a customer under a legal hold that prevents erasure.

Erasing cannot be undone, so without ``--yes`` it asks on a terminal, where the customer
number must be typed again, and refuses without one (docs/erasure.md). Only the privacy
level erases; on the central database the server refuses every other level.
"""

from __future__ import annotations

import argparse
import sys

from kkdesk.cli.common import Context, print_json
from kkdesk.cli.export_portability import SubParsers
from kkdesk.errors import KnownError
from kkdesk.services import erasure


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "erase",
        help="erase a person's data (GDPR Art. 17, privacy)",
        description="Erase customer NUMBER's personal data, or with --contact one contact "
        "person of a company. Orders inside their accounting period are kept without the "
        "person, the suppression list keeps blocking their e-mail and phone, and an "
        "erasure record and the outcome letter are kept. Refused while an order or a "
        "return is open or the customer is under a legal hold.",
    )
    p.add_argument("number", help="customer number")
    p.add_argument("--reason", required=True, metavar="TEXT", help="why (kept in the record)")
    p.add_argument("--contact", type=int, metavar="ID", help="erase only this contact person")
    p.add_argument("--request", type=int, metavar="ID",
                   help="the erasure request this answers (its outcome letter is archived "
                   "on it and it is closed as done)")  # fmt: skip
    p.add_argument("--no-letter", action="store_true", help="make no outcome letter")
    p.add_argument("--yes", action="store_true", help="erase without asking")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(handler=_erase)

    h = sub.add_parser(
        "hold",
        help="legal holds that prevent erasure (privacy)",
        description="Put customer NUMBER under a legal hold (a claim, a dispute, an "
        "authority's request) so that it cannot be erased, lift the hold with --lift, or "
        "show whether there is one with neither.",
    )
    h.add_argument("number", help="customer number")
    h.add_argument("--reason", metavar="TEXT", default="", help="why (needed to set a hold)")
    which = h.add_mutually_exclusive_group()
    which.add_argument("--set", action="store_true", help="set the hold")
    which.add_argument("--lift", action="store_true", help="lift the hold")
    h.set_defaults(handler=_hold)


def _confirm(number: str, contact: int | None) -> bool:
    if not sys.stdin.isatty():
        raise KnownError(
            "Erasing cannot be undone: confirm on a terminal, or give --yes.",
            code="confirmation_needed",
        )
    who = f"contact person {contact} of customer {number}" if contact else f"customer {number}"
    print(f"This erases the personal data of {who} for good.")
    answer = input("Type the customer number to confirm: ")
    return answer.strip() == number.strip()


def _erase(args: argparse.Namespace, ctx: Context) -> int:
    ds = ctx.open()
    # A refusal (a restriction of processing, a legal hold, an open order) before the
    # question: nobody confirms an erasure that cannot happen.
    erasure.check(ds, args.number, contact_person_id=args.contact)
    if not args.yes and not _confirm(args.number, args.contact):
        print("Nothing was erased.")
        return 1
    result = erasure.erase(
        ds,
        args.number,
        args.reason,
        request_id=args.request,
        contact_person_id=args.contact,
        letter=not args.no_letter,
    )
    r = result.record
    if args.json:
        print_json({
            "reference": r.reference, "customer_number": r.customer_number,
            "contact_person_id": r.contact_person_id, "request_id": r.request_id,
            "erased_at": r.erased_at.isoformat(), "erased_by": r.erased_by,
            "orders_kept": r.orders_kept,
            "orders_kept_until": r.orders_kept_until.isoformat() if r.orders_kept_until else None,
            "suppressions_kept": r.suppressions_kept,
            "letters_kept_until": (
                r.letters_kept_until.isoformat() if r.letters_kept_until else None
            ),
            "letter_id": result.letter_id,
            "changed": dict(result.changed),
        })  # fmt: skip
        return 0
    who = f"contact person {r.contact_person_id} of " if r.contact_person_id else ""
    print(f"Erased {who}customer {r.customer_number} (reference {r.reference}).")
    if r.orders_kept:
        print(f"  {r.orders_kept} orders kept without the person until {r.orders_kept_until}.")
    if r.suppressions_kept:
        print(f"  {r.suppressions_kept} suppression entries kept: never marketed to again.")
    if r.letters_kept_until:
        print(f"  Archived letters kept until {r.letters_kept_until}.")
    if result.letter_id is not None:
        print(f"  Outcome letter {result.letter_id} archived ({result.letter_pages} pages):"
              f" save it with 'kkdesk request letter {result.letter_id} -o FILE.pdf'.")  # fmt: skip
    return 0


def _hold(args: argparse.Namespace, ctx: Context) -> int:
    ds = ctx.open()
    if args.set or args.lift:
        erasure.set_legal_hold(ds, args.number, bool(args.set), args.reason)
    held = erasure.legal_hold(ds, args.number)
    print(
        f"Customer {args.number} is {'under a legal hold' if held else 'not under a legal hold'}."
    )
    return 0
