"""What every command shares: the ``--db`` option and opening the database once.

Imported by ``kkdesk --help``, so the database layer is imported only when used.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from kkdesk.services.session import DeskSession


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database: a SQLite file path or a postgresql://USER@HOST/DB URL, never with "
        "a password ('kkdesk login' keeps it in the keyring), TLS required to another "
        "machine (default: $KKDESK_DB, else the embedded database in your data folder)",
    )


class Context:
    """Opens the database lazily, on the first command that needs it."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._session: DeskSession | None = None

    @property
    def db_url(self) -> str | None:
        return getattr(self.args, "db", None)

    def open(self, *, migrate: bool = True) -> DeskSession:
        if self._session is None:
            from kkdesk.services import session as desk_session

            self._session = desk_session.open_session(self.db_url, migrate_embedded=migrate)
            # Signed in: reads made offline in this user's snapshots reach the audit trail.
            from kkdesk.services import offline_reads

            delivered = offline_reads.deliver_quietly(self._session)
            if delivered:
                print(
                    f"kkdesk: {delivered} offline read(s) written to the audit trail.",
                    file=sys.stderr,
                )
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


# What a stored value must not send to a terminal: C0 controls but line feed and tab (an
# escape sequence can move the cursor, rewrite the screen, set the window title or the
# clipboard), DEL, C1 controls (0x9b is a one-byte CSI), the Unicode line separators, and
# the invisible characters that reorder or hide text (bidi controls, zero-width). Each is
# shown as its \uXXXX escape, which is also valid inside a JSON string, so JSON output stays
# valid and exact.
_UNSAFE_FOR_TERMINAL = {
    code: f"\\u{code:04x}"
    for code in (
        *range(0x00, 0x09),
        *range(0x0B, 0x20),
        *range(0x7F, 0xA0),
        0x061C,
        *range(0x200B, 0x2010),
        0x2028,
        0x2029,
        *range(0x202A, 0x202F),
        0x2060,
        *range(0x2066, 0x206A),
        0xFEFF,
    )
}


def terminal_safe(text: str) -> str:
    """``text`` with every character that could drive a terminal shown as an escape."""
    return text.translate(_UNSAFE_FOR_TERMINAL)


class TerminalSafeOutput:
    """Standard output for the command line: everything written through it is passed
    through :func:`terminal_safe`, so no value from the register — whoever stored it and
    however — reaches the terminal as a control sequence."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def print_json(data: Any) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def password_for(url: URL) -> str | None:
    """The password of a central database URL: from the keyring, else asked on the
    terminal (a clear error without one). None for SQLite."""
    if url.get_backend_name() == "sqlite":
        return None
    from kkdesk.services import session as desk_session

    return desk_session.central_password(url)[0]
