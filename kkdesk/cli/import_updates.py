"""``kkdesk import address-updates FILE --source NAME``: address changes from an update
service (register description, section 6; docs/address-updates.md).

It always shows the preview first: how many lines fall into each category, and every line
that is not applied with its reason. ``--dry-run`` stops there; otherwise it asks on a
terminal before applying (``--yes`` for scripts) and refuses without one. A malformed file
is refused with its line-numbered errors and nothing changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kkdesk.cli.common import Context, print_json
from kkdesk.domain import address_updates as au
from kkdesk.errors import KnownError
from kkdesk.services import address_updates

CATEGORY_WORDS = {
    au.Category.CHANGED: "matched and changed",
    au.Category.CURRENT: "already current",
    au.Category.AMBIGUOUS: "ambiguous",
    au.Category.NOT_FOUND: "not found",
    au.Category.INVALID: "invalid",
    au.Category.PROHIBITED: "skipped: the person prohibits updating",
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="import data from outside (update services)")
    s = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    a = s.add_parser(
        "address-updates",
        help="address changes from an update service (CSV)",
        description="Match each line of an update service's CSV of address changes to a "
        "customer, show what would happen, and apply the changes in one transaction, each "
        "recorded with the update service as its source. docs/address-updates.md has the "
        "file format.",
    )
    a.add_argument("file", metavar="FILE", type=Path)
    a.add_argument(
        "--source",
        required=True,
        metavar="NAME",
        help="the update service the file came from (kept in the change history)",
    )
    a.add_argument("--dry-run", action="store_true", help="show the preview; change nothing")
    a.add_argument("--yes", action="store_true", help="apply without asking")
    a.add_argument("--json", action="store_true", help="the outcome of every line as JSON")
    a.set_defaults(handler=_address_updates)


def _outcome_json(o: au.Outcome) -> dict[str, Any]:
    return {
        "line": o.line,
        "category": o.category.value,
        "customer_number": o.number,
        "reason": o.reason,
        "message": o.message,
        "changes": [{"field": f, "old": old, "new": new} for f, old, new in o.changes],
        "valid_from": o.valid_from.isoformat() if o.valid_from else None,
    }


def _print_preview(preview: au.Preview) -> None:
    for category in au.CATEGORIES:
        print(f"{preview.count(category):>9,}  {CATEGORY_WORDS[category]}")
    for o in preview.outcomes:
        if o.category in (au.Category.CHANGED, au.Category.CURRENT):
            continue
        who = f" {o.number}" if o.number else ""
        print(f"line {o.line}:{who} {CATEGORY_WORDS[o.category]}: {o.message}")


def _refused(exc: au.FileRefused) -> int:
    print("kkdesk: the file was refused; nothing was changed:", file=sys.stderr)
    for line, _code, message in exc.errors:
        where = f"line {line}: " if line else ""
        print(f"  {where}{message}", file=sys.stderr)
    return 1


def _address_updates(args: argparse.Namespace, ctx: Context) -> int:
    data = address_updates.read_file(args.file)
    ds = ctx.open()
    try:
        preview = address_updates.preview(ds, data, source=args.source)
    except au.FileRefused as exc:
        return _refused(exc)
    if args.json and args.dry_run:
        print_json({"source": preview.source, "applied": False,
                    "outcomes": [_outcome_json(o) for o in preview.outcomes]})  # fmt: skip
        return 0
    if not args.json:
        _print_preview(preview)
    if args.dry_run:
        print("Dry run: nothing was changed.")
        return 0
    if not preview.changes:
        print("Nothing to change.")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise KnownError(
                "Applying changes customers' addresses: confirm on a terminal, or give --yes.",
                code="confirmation_needed",
            )
        answer = input(f"Change the address of {len(preview.changes):,} customers? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.")
            return 1
    try:
        done = address_updates.apply(ds, data, source=args.source)
    except au.FileRefused as exc:
        return _refused(exc)
    if args.json:
        print_json({"source": done.preview.source, "applied": True,
                    "outcomes": [_outcome_json(o) for o in done.preview.outcomes]})  # fmt: skip
    else:
        print(f"Changed the address of {len(done.changed_numbers):,} customers "
              f"(source: {done.preview.source}).")  # fmt: skip
    return 0
