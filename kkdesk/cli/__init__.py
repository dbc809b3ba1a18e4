"""The ``kkdesk`` command line: one sub-command group per module in this package.

Each module exposes ``register(subparsers)`` that adds its commands; a command's handler
takes the parsed arguments and a :class:`~kkdesk.cli.common.Context` and returns an exit
status. Known errors become one line on stderr and a non-zero status; only bugs show a
traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kkdesk import __version__
from kkdesk.cli import (
    audit,
    auth,
    backup,
    common,
    consent,
    customer,
    db,
    demo,
    disclosure,
    export,
    export_portability,
    register_info,
    report,
    request,
    snapshot,
    users,
)
from kkdesk.errors import KnownError

# Sub-command groups, in the order ``--help`` lists them. Add a module here to add a group.
COMMAND_MODULES = [db, demo, customer, auth, users, audit]
# Data-subject requests, letters and the register's own information (reports engineer).
COMMAND_MODULES += [report, request, register_info, export_portability]
# Prohibitions, consents, disclosures and marketing exports (consents engineer).
COMMAND_MODULES += [consent, disclosure, export]
# Backups of the embedded register, offline snapshots.
COMMAND_MODULES += [backup, snapshot]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kkdesk",
        description="Konekesko Webshop customer register. Without a command, opens the desk.",
    )
    parser.add_argument("--version", action="version", version=f"kkdesk {__version__}")
    common.add_db_option(parser)
    # Handled by kkdesk.app before the command line is parsed; declared for --help.
    parser.add_argument(
        "--snapshot",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="open an offline snapshot in the desk, read-only",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    _db_option_everywhere(parser)
    return parser


def _db_option_everywhere(parser: argparse.ArgumentParser) -> None:
    """Let every command take ``--db`` after its name too (``kkdesk db upgrade --db URL``),
    as people write it; its SUPPRESS default leaves an earlier ``kkdesk --db URL`` alone."""
    for action in parser._actions:  # argparse has no public walk over sub-commands
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                if "--db" not in child._option_string_actions:
                    common.add_db_option(child)
                _db_option_everywhere(child)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    ctx = common.Context(args)
    try:
        return int(handler(args, ctx) or 0)
    except KnownError as exc:
        print(f"kkdesk: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kkdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error of ours.
        sys.stderr.close()
        return 0
    finally:
        ctx.close()
