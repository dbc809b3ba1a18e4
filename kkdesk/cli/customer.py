"""``kkdesk customer``: find customers, show everything held on one, merge two records of
one person (``merge``: privacy and admin; asks on a terminal unless ``--yes``), and
restrict or lift the restriction of a customer's processing (GDPR Art. 18).

``lift-restriction`` makes the Art. 18(3) notice to the person first (archived on the
customer, written to ``--out``), then asks on the terminal before lifting (``--yes`` for
scripts; without a terminal and without ``--yes`` it refuses and lifts nothing): the lift
cannot be undone by the same person's word alone, and the notice must have gone out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kkdesk import files
from kkdesk.cli.common import Context, print_json
from kkdesk.domain import duplicates as dup
from kkdesk.domain.customer import CustomerSummary
from kkdesk.domain.enums import Language, Purpose
from kkdesk.domain.restriction import RestrictionGround
from kkdesk.domain.search import WordKind
from kkdesk.errors import KnownError
from kkdesk.services import customers, merge, record, restrictions


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "customer",
        help="find, show and merge customers; restrict processing",
        description="Customers.",
    )
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

    restrict = c_sub.add_parser(
        "restrict",
        help="restrict the processing of a customer's data (GDPR Art. 18)",
        description="Restrict the processing of a customer's data (GDPR Art. 18): the data "
        "is only stored. Edits, exports, marketing, letters to others and new orders are "
        "refused (by the central database too) until the restriction is lifted. Privacy "
        "and admin levels. See docs/restriction.md.",
    )
    restrict.add_argument("number", help="customer number")
    restrict.add_argument(
        "--ground",
        required=True,
        choices=[g.value for g in RestrictionGround],
        help="Art. 18(1): (a) accuracy_contested, (b) unlawful_processing, (c) legal_claims, "
        "(d) objection_pending",
    )
    restrict.add_argument("--reason", required=True, help="why (staff's words, kept)")
    restrict.add_argument("--request", type=int, metavar="ID", help="the request it answers")
    restrict.set_defaults(handler=_restrict)

    lift = c_sub.add_parser(
        "lift-restriction",
        help="lift a restriction of processing after the Art. 18(3) notice",
        description="Make the Art. 18(3) notice to the person (archived on the customer and "
        "written to --out), then lift the customer's restriction of processing. Asks on the "
        "terminal before lifting; --yes lifts without asking (for scripts).",
    )
    lift.add_argument("number", help="customer number")
    lift.add_argument("--out", required=True, metavar="FILE", help="where to write the notice PDF")
    lift.add_argument("--language", choices=[x.value for x in Language], help="of the notice")
    lift.add_argument("--reason", default="", help="why it ends (printed in the notice)")
    lift.add_argument("--yes", action="store_true", help="lift without asking")
    lift.set_defaults(handler=_lift)

    m = c_sub.add_parser(
        "merge",
        help="merge two records of one person into one (privacy, admin)",
        description="Merge customer OTHER into customer KEEP: OTHER's orders, change history, "
        "subject requests, their letters and disclosures move to KEEP; prohibitions combine "
        "least-permissively (a consent survives only if neither record refused it); KEEP "
        "takes its own value of each field unless it has none or --take says otherwise; "
        "OTHER's number then leads to KEEP. Irreversible: asks on a terminal unless --yes. "
        "Only two person records; not an erased or already merged one.",
    )
    m.add_argument("keep", metavar="KEEP", help="the customer number that is kept")
    m.add_argument("other", metavar="OTHER", help="the customer number merged into KEEP")
    m.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="FIELD=SIDE",
        help="whose value a field takes: kept, other or (notes, extra) both; FIELD is one of "
        + ", ".join(dup.GROUP_NAMES)
        + " (name and address are taken whole); may be repeated",
    )
    m.add_argument("--dry-run", action="store_true", help="show what would happen; change nothing")
    m.add_argument("--yes", action="store_true", help="merge without asking")
    m.add_argument("--json", action="store_true", help="print the outcome as JSON")
    m.set_defaults(handler=_merge)


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
                    # Found by the number of a record merged into this one.
                    "merged_number": r.merged_number or None,
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
    if r.merged_number:
        return f"{r.name} ({r.merged_number} was merged into this customer)"
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


def _restrict(args: argparse.Namespace, ctx: Context) -> int:
    made = restrictions.restrict(
        ctx.open(), args.number, args.ground, args.reason, request_id=args.request
    )
    print(f"Processing of customer {made.number} restricted ({made.ground.value}, Art. 18(1)"
          f"({made.ground.point})) since {made.started_at:%Y-%m-%d %H:%M} UTC.")  # fmt: skip
    return 0


def _lift(args: argparse.Namespace, ctx: Context) -> int:
    ds = ctx.open()
    if not args.yes and not sys.stdin.isatty():
        # Checked before the notice is made: nothing is archived for a lift that can't go on.
        raise KnownError(
            "Lifting a restriction: confirm on a terminal, or give --yes.",
            code="confirmation_needed",
        )
    target = Path(args.out)
    notice = restrictions.make_lift_notice(
        ds, args.number, language=args.language, reason=args.reason
    )
    try:
        files.write_private(target, notice.pdf)
    except OSError as exc:
        raise files.unwritable(target, exc) from exc
    print(f"Notice (Art. 18(3)) written to {target}; archived as letter {notice.letter_id}.")
    if not args.yes:
        answer = input(
            f"Has the notice been sent to the person? Lift the restriction of customer "
            f"{args.number} now? [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("The restriction stays in force; the notice is archived.")
            return 1
    lifted = restrictions.lift(ds, args.number, notice.letter_id)
    print(f"Restriction of customer {lifted.number} lifted.")
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


def _takes(values: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        name, sep, side = value.partition("=")
        if not sep:
            raise KnownError(
                f"--take {value}: write FIELD=SIDE, e.g. --take email=other.",
                code="merge_choice",
                field=value,
                value="",
            )
        out[name.strip()] = side.strip()
    dup.check_choices(out)
    return out


def _shown(values: tuple[object, ...]) -> str:
    text = ", ".join(str(v) for v in values if v not in ("", None, {}))
    return text or "(empty)"


def _print_preview(p: merge.MergePreview, takes: dict[str, str]) -> None:
    print(f"Merge customer {p.other.number} into {p.kept.number} ({p.kept.name}).")
    if p.differences:
        print("Fields that differ (the merged record takes the marked value):")
    for diff in p.differences:
        side = dup.Side(takes.get(diff.name, diff.default))
        marks = {
            dup.Side.KEPT: ("*", " "),
            dup.Side.OTHER: (" ", "*"),
            dup.Side.BOTH: ("*", "*"),
        }[side]
        print(f"  {diff.name}:")
        print(f"    {marks[0]} {p.kept.number}: {_shown(diff.kept)}")
        print(f"    {marks[1]} {p.other.number}: {_shown(diff.other)}")
    if p.consent_changes:
        print(f"Prohibitions and consents: new entries on {p.kept.number}, citing "
              f"{p.other.number}'s statements:")  # fmt: skip
        for change in p.consent_changes:
            print(f"  {change.item.value} = {'on' if change.value else 'off'} "
                  f"(received {change.source.received_on.isoformat()}, "
                  f"ref {change.source.document_ref})")  # fmt: skip
    else:
        print(f"Prohibitions and consents: {p.kept.number}'s stay as they are.")
    moves = ", ".join(f"{count} {name}" for name, count in p.to_move.items())
    print(f"Moves to {p.kept.number}: {moves}.")


def _result_json(done: merge.MergeResult) -> dict[str, Any]:
    return {
        "kept": done.kept.number,
        "merged": done.merged_number,
        "taken": {name: side.value for name, side in done.taken.items()},
        "moved": done.moved,
        "consent_events": [
            {"id": e.id, "item": e.item.value, "state": e.state} for e in done.consent_events
        ],
    }


def _merge(args: argparse.Namespace, ctx: Context) -> int:
    takes = _takes(args.take)
    ds = ctx.open()
    p = merge.preview(ds, args.keep, args.other)
    if not args.json or args.dry_run:
        _print_preview(p, takes)
    if args.dry_run:
        print("Dry run: nothing was changed.")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise KnownError(
                "Merging cannot be undone: confirm on a terminal, or give --yes.",
                code="confirmation_needed",
            )
        answer = input(
            f"Merge {p.other.number} into {p.kept.number}? This cannot be undone. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was merged.")
            return 1
    done = merge.merge(
        ds, p.kept.number, p.other.number, takes,
        expected_versions=(p.kept.version, p.other.version),
    )  # fmt: skip
    if args.json:
        print_json(_result_json(done))
    else:
        print(f"Merged {done.merged_number} into {done.kept.number}; "
              f"{done.merged_number} now leads to {done.kept.number}.")  # fmt: skip
    return 0
