"""``kkdesk db``: create or migrate a database's schema."""

from __future__ import annotations

import argparse

from kkdesk.cli.common import Context
from kkdesk.store import migrate
from kkdesk.store.database import Database, resolve_url


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = sub.add_parser("db", help="database schema", description="Database schema commands.")
    db_sub = db.add_subparsers(dest="db_command", metavar="COMMAND", required=True)
    up = db_sub.add_parser(
        "upgrade",
        help="create or migrate the schema to the current version",
        description="Create the register's tables, or migrate them to the current version. "
        "On a central PostgreSQL database, run it as the schema owner.",
    )
    up.set_defaults(handler=_upgrade)
    cur = db_sub.add_parser("current", help="show the schema version")
    cur.set_defaults(handler=_current)


def _open(ctx: Context) -> Database:
    from kkdesk.cli.common import password_for

    url = resolve_url(ctx.db_url)
    return Database(url, password=password_for(url))


def _upgrade(args: argparse.Namespace, ctx: Context) -> int:
    db = _open(ctx)
    try:
        before = migrate.current_revision(db)
        migrate.upgrade(db)
        after = migrate.current_revision(db)
    finally:
        db.dispose()
    if before == after:
        print(f"{db.describe()}: schema is current ({after}).")
    else:
        print(f"{db.describe()}: schema migrated {before or 'empty'} → {after}.")
    return 0


def _current(args: argparse.Namespace, ctx: Context) -> int:
    db = _open(ctx)
    try:
        print(migrate.current_revision(db) or "empty")
    finally:
        db.dispose()
    return 0
