"""The ``kkdesk`` command line: one sub-command group per module in this package.

Each module exposes ``register(subparsers)`` that adds its commands; a command's handler
takes the parsed arguments and a :class:`~kkdesk.cli.common.Context` and returns an exit
status. Known errors become one line on stderr and a non-zero status; only bugs show a
traceback.

The command modules import the database and report libraries (seconds on a cold start),
so they are imported only when a command is given: ``kkdesk --help`` and ``--version``
answer from :data:`GROUPS` (tests/unit/cli/test_startup.py holds both to that).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TextIO, cast

from kkdesk import __version__
from kkdesk.cli import common
from kkdesk.errors import KnownError

# The groups ``kkdesk --help`` lists, with their help, in the order the modules register
# them (a test checks that this is what build_parser() lists). Add a group here too.
GROUPS = {
    "db": "database schema",
    "demo": "add demo customers",
    "customer": "find, show and merge customers; restrict processing",
    "login": "check and save a central database password in the keyring",
    "logout": "forget a saved central database password",
    "users": "manage staff accounts (admin)",
    "audit": "the audit trail (privacy)",
    "report": "print the privacy notice and access letters",
    "request": "data-subject requests",
    "register": "the register's own information",
    "export": "export data",
    "consent": "prohibitions and consents",
    "disclosure": "disclosures of a customer's data",
    "backup": "back up the embedded register",
    "restore": "replace the embedded register with a backup",
    "snapshot": "encrypted offline snapshots",
    "import": "import data from outside (update services)",
    "erase": "erase a person's data (GDPR Art. 17, privacy)",
    "hold": "legal holds that prevent erasure (privacy)",
    "retention": "erase and remove what is past its retention period",
}


def command_modules() -> list[ModuleType]:
    """Sub-command groups, in the order ``--help`` lists them. Add a module here to add a
    group (and its line to GROUPS)."""
    from kkdesk.cli import (
        audit,
        auth,
        backup,
        consent,
        customer,
        db,
        demo,
        disclosure,
        erase,
        export,
        export_portability,
        import_updates,
        register_info,
        report,
        request,
        retention,
        snapshot,
        users,
    )

    modules = [db, demo, customer, auth, users, audit]
    # Data-subject requests, letters and the register's own information (reports engineer).
    modules += [report, request, register_info, export_portability]
    # Prohibitions, consents, disclosures and marketing exports (consents engineer).
    modules += [consent, disclosure, export]
    # Backups of the embedded register, offline snapshots.
    modules += [backup, snapshot]
    # Address updates from update services (section 6).
    modules += [import_updates]
    # Erasure (Art. 17) and legal holds.
    modules += [erase]
    # Retention that keeps the privacy notice's word.
    modules += [retention]
    return modules


class _TopParser(argparse.ArgumentParser):
    """Lists the groups from GROUPS only when help is asked for: ``--version`` does not
    pay for thirteen sub-parsers it never uses."""

    listed = True  # build_parser() registers the real groups itself

    def format_help(self) -> str:
        if not self.listed:
            self.listed = True
            sub = next(a for a in self._actions if isinstance(a, argparse._SubParsersAction))
            for name, text in GROUPS.items():
                sub.add_parser(name, help=text, add_help=False)
        return super().format_help()


def _top_parser() -> tuple[_TopParser, argparse._SubParsersAction]:  # type: ignore[type-arg]
    parser = _TopParser(
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
    return parser, parser.add_subparsers(dest="command", metavar="COMMAND")


def build_parser() -> argparse.ArgumentParser:
    parser, sub = _top_parser()
    for module in command_modules():
        module.register(sub)
    _db_option_everywhere(parser)
    return parser


def build_top_parser() -> argparse.ArgumentParser:
    """The parser for a command line without a command word (``--help``, ``--version``):
    the groups listed from GROUPS, none of their modules imported."""
    parser, _sub = _top_parser()
    parser.listed = False
    return parser


def _command_word(argv: Sequence[str]) -> str | None:
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)  # its value
        elif not word.startswith("-"):
            return word
    return None


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
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser() if _command_word(words) else build_top_parser()
    args = parser.parse_args(words)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    ctx = common.Context(args)
    stdout = sys.stdout
    # Every value printed is escaped: a stored escape sequence never drives the terminal.
    sys.stdout = cast(TextIO, common.TerminalSafeOutput(stdout))
    try:
        return int(handler(args, ctx) or 0)
    except KnownError as exc:
        print(f"kkdesk: {common.terminal_safe(exc.message)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kkdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error of ours.
        sys.stderr.close()
        return 0
    except Exception:
        _log_bug(args)
        raise  # and Python prints the traceback on stderr
    finally:
        sys.stdout = stdout
        ctx.close()


def _log_bug(args: argparse.Namespace) -> None:
    """A bug's traceback into the log file too, where support looks for it (the command's
    name only: its arguments may be a customer's name)."""
    import logging

    from kkdesk import logs

    try:
        logs.install(stderr=False)
    except OSError:
        return  # no log folder: stderr has the traceback
    logging.getLogger("kkdesk.cli").exception("a bug in 'kkdesk %s'", args.command)
