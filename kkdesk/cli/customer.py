"""``kkdesk customer``: find customers and show everything held on one."""

from __future__ import annotations

import argparse
import sys

from kkdesk.cli.common import Context, print_json
from kkdesk.domain.customer import CustomerSummary
from kkdesk.domain.enums import Purpose
from kkdesk.domain.search import WordKind
from kkdesk.services import customers, record


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("customer", help="find and show customers", description="Customers.")
    c_sub = p.add_subparsers(dest="customer_command", metavar="COMMAND", required=True)

    find = c_sub.add_parser(
        "find",
        help="find customers",
        description="Find customers by name (either order, prefix, case- and "
        "accent-insensitive; any word of a name), contact person, street, post office, "
        "customer number, e-mail, phone, postal code or business ID. A customer number or "
        "business ID with a wrong check digit is refused with a message saying so.",
    )
    find.add_argument("text", help="what to look for")
    find.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits")
    find.add_argument("--json", action="store_true", help="print JSON")
    find.set_defaults(handler=_find)

    show = c_sub.add_parser(
        "show",
        help="everything held on one customer",
        description="Everything the register holds on one customer (an audited read). "
        "The JSON is documented in docs/customer-json.md.",
    )
    show.add_argument("number", help="customer number")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.add_argument(
        "--purpose",
        choices=[p.value for p in Purpose],
        default=Purpose.CUSTOMER_SERVICE.value,
        help="why you open the record (audited; default customer_service)",
    )
    show.set_defaults(handler=_show)


def _find(args: argparse.Namespace, ctx: Context) -> int:
    if args.limit < 1:
        print("kkdesk: --limit must be at least 1", file=sys.stderr)
        return 2
    if not args.text.strip():
        print("kkdesk: give something to look for", file=sys.stderr)
        return 2
    page = customers.search(ctx.open(), args.text, limit=args.limit)
    # What the list cannot show, on stderr (the rows on stdout stay a clean table or JSON):
    # a match whose record is damaged, and a query of words too short to search it all.
    for number in page.damaged:
        print(
            f"kkdesk: the record of customer {number} matches but is damaged (a value kkdesk "
            "does not know) and cannot be shown; ask an administrator to correct it",
            file=sys.stderr,
        )
    if page.narrowed:
        print(
            "kkdesk: words this short search only part of the register: type more letters",
            file=sys.stderr,
        )
    if args.json:
        print_json(
            [
                {
                    "number": r.number,
                    "type": r.type.value,
                    "name": r.name,
                    "postal_code": r.postal_code,
                    "post_office": r.post_office,
                    "email": r.email,
                    "phone": r.phone,
                    # Found through a search word: which field, and its value.
                    "matched": r.matched.value if r.matched else None,
                    "matched_text": r.matched_text,
                }
                for r in page.rows
            ]
        )
        return 0
    if not page.rows:
        print(f"No customers match {args.text!r}.", file=sys.stderr)
        return 1
    # Whole values in columns as wide as this page needs: a cut e-mail address is a wrong one.
    table = [
        (
            r.number,
            r.type.value,
            _name(r),
            f"{r.postal_code} {r.post_office}".strip(),
            r.email,
            r.phone,  # E.164, as stored: unambiguous, and as the JSON gives it
        )
        for r in page.rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]) - 1)]
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())
    return 0


def _name(r: CustomerSummary) -> str:
    """The name, and the contact person or street a hit was found by (the desk's rule)."""
    if r.matched is WordKind.CONTACT:
        return f"{r.name} (contact person: {r.matched_text})"
    if r.matched is WordKind.STREET:
        return f"{r.name} (street: {r.matched_text})"
    return r.name


def _show(args: argparse.Namespace, ctx: Context) -> int:
    doc = record.customer_record(ctx.open(), args.number, purpose=args.purpose)
    if args.json:
        print_json(doc)
        return 0
    _print_text(doc)
    return 0


def _print_text(doc: dict[str, object], indent: int = 0) -> None:
    pad = "  " * indent
    for key, value in doc.items():
        if isinstance(value, dict):
            print(f"{pad}{key}:")
            _print_text(value, indent + 1)
        elif isinstance(value, list):
            print(f"{pad}{key}: ({len(value)})")
            for i, item in enumerate(value, 1):
                if isinstance(item, dict):
                    print(f"{pad}  [{i}]")
                    _print_text(item, indent + 2)
                else:
                    print(f"{pad}  - {item}")
        elif value not in ("", None):
            print(f"{pad}{key}: {value}")
