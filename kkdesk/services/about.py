"""What Help → About tells: the program's version and the database the desk works on.

The database is described for a support call: its kind, where it is (the SQLite file, or
the PostgreSQL server's host, port and database) and the schema version the database is
at beside the one this program expects. Never the password (there is none in the URL).
"""

from __future__ import annotations

from dataclasses import dataclass

from kkdesk import __version__
from kkdesk.services.session import DeskSession
from kkdesk.store import migrate


@dataclass(frozen=True)
class About:
    version: str
    database_kind: str  # "SQLite" or "PostgreSQL"
    database_location: str  # the file, or host:port/database
    schema_version: str | None  # the database's Alembic revision (None: not created)
    schema_expected: str  # the revision this program's migrations end at


def about(ds: DeskSession) -> About:
    """Reads the schema version: a query, so call it off the GUI thread."""
    url = ds.db.url
    if ds.is_embedded:
        kind, location = "SQLite", str(url.database)
    else:
        kind = "PostgreSQL"
        location = f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"
    return About(
        version=__version__,
        database_kind=kind,
        database_location=location,
        schema_version=migrate.current_revision(ds.db),
        schema_expected=migrate.head_revision(ds.db),
    )
