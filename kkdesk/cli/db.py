"""``kkdesk db``: create or migrate a database's schema."""

from __future__ import annotations

import argparse
from typing import NoReturn

from kkdesk.cli.common import Context
from kkdesk.errors import AuthenticationFailed, PermissionDenied
from kkdesk.store import migrate, security
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


def _explain(db: Database, exc: AuthenticationFailed) -> NoReturn:
    """Say which of the user name and password the server refused, if it can tell."""
    explained = security.explain_refusal(db.url, exc) if exc.code == "auth_failed" else exc
    if explained is exc:
        raise exc
    raise explained from exc


def _upgrade(args: argparse.Namespace, ctx: Context) -> int:
    db = _open(ctx)
    try:
        before = migrate.current_revision(db)
        migrate.upgrade(db)
        after = migrate.current_revision(db)
    except AuthenticationFailed as exc:
        _explain(db, exc)
    except PermissionDenied as exc:
        # Not a user level's limit here: the schema, its roles and grants are the owner's.
        said = str(exc.params.get("detail", exc)).splitlines()[0]
        raise PermissionDenied(
            f"The database refused a step of the upgrade ({said}). "
            "Run 'kkdesk db upgrade' as the database's owner, a role with CREATEROLE "
            "(docs/central-database.md).",
            code="upgrade_refused",
        ) from exc
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
    except AuthenticationFailed as exc:
        _explain(db, exc)
    finally:
        db.dispose()
    return 0
