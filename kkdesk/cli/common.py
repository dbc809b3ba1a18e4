"""What every command shares: the ``--db`` option and opening the database once."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sqlalchemy.engine import URL

from kkdesk.services import session as desk_session
from kkdesk.services.session import DeskSession


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database: a SQLite file path or a postgresql:// URL "
        "(default: $KKDESK_DB, else the embedded database in your data folder)",
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


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def password_for(url: URL) -> str | None:
    """The password of a central database URL: from the keyring, else asked on the
    terminal (a clear error without one). None for SQLite or a URL that carries one."""
    if url.get_backend_name() == "sqlite" or url.password:
        return None
    return desk_session.central_password(url)[0]
