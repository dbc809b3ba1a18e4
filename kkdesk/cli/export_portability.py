"""``kkdesk export portability``: the machine-readable copy of one customer's data (GDPR
Art. 20; schema in ``docs/portability-schema.json``).

The ``export`` group is shared with the marketing exports of :mod:`kkdesk.cli.export`:
whichever module registers first creates the group, the others add their sub-command to it
(:func:`export_group`), so neither module needs to know the other.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeAlias

from kkdesk.cli.common import Context
from kkdesk.services import portability

SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def export_group(sub: SubParsers) -> SubParsers:
    """The sub-commands of the ``export`` group, creating the group if it is not there."""
    parser = sub.choices.get("export")
    if parser is None:
        parser = sub.add_parser("export", help="export data", description="Exports.")
        return parser.add_subparsers(dest="export_command", metavar="COMMAND", required=True)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="export_command", metavar="COMMAND", required=True)


def register(sub: SubParsers) -> None:
    p = export_group(sub).add_parser(
        "portability",
        help="a customer's data as JSON (GDPR Art. 20)",
        description="The data the customer provided and the data of their orders, as "
        "JSON in the schema of docs/portability-schema.json. The export is audited.",
    )
    p.add_argument("number", help="customer number")
    p.add_argument("-o", "--output", required=True, metavar="FILE.json")
    p.add_argument(
        "--request", type=int, default=None, metavar="ID",
        help="the portability request answered (a contact person's request gets their "
        "own data only)",
    )  # fmt: skip
    p.set_defaults(handler=_portability)


def _portability(args: argparse.Namespace, ctx: Context) -> int:
    # Written first, audited in the same transaction: a missing folder is a sentence and
    # leaves no audit row for a file never written.
    doc = portability.export_to_file(
        ctx.open(), args.number, Path(args.output), request_id=args.request
    )
    print(f"{args.output}: {len(doc['orders'])} orders")
    return 0
