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
    helper = db_sub.add_parser(
        "signin-helper",
        help="turn the sign-in helper login on or off",
        description="The sign-in helper (the login kkdesk_signin) lets the desk tell a wrong "
        "password from an unknown user, a disabled account or an expired password. It has a "
        "well-known password and tells anyone who reaches the server whether a login name "
        "exists, so it is off unless turned on here (the owner or an administrator). "
        "See docs/central-database.md for what it can reach.",
    )
    helper.add_argument("state", choices=("on", "off", "status"))
    helper.set_defaults(handler=_signin_helper)
    reads = db_sub.add_parser(
        "collect-reads",
        help="record reads made outside kkdesk (pgaudit) in the audit trail",
        description="Read pgaudit's entries from the database server's JSON log and record "
        "every SELECT of the register's tables made outside kkdesk (psql, other programs) as "
        "a read in the audit trail: in the log of each customer the statement names, "
        "otherwise as a read of the whole register that every access letter reports. An "
        "administrator or the owner; the server needs pgaudit, jsonlog and the grants in "
        "docs/central-database.md. Run it regularly (cron) and before access letters.",
    )
    reads.set_defaults(handler=_collect_reads)


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


def _signin_helper(args: argparse.Namespace, ctx: Context) -> int:
    from kkdesk.store.errors import translate

    db = _open(ctx)
    try:
        with translate(), db.engine.begin() as conn:
            if args.state == "status":
                state = security.signin_helper(conn)
            else:
                state = security.set_signin_helper(conn, args.state == "on")
    except AuthenticationFailed as exc:
        _explain(db, exc)
    except PermissionDenied as exc:
        raise PermissionDenied(
            "Only the database's owner or an administrator may turn the sign-in helper on or off.",
            code="permission_denied",
        ) from exc
    finally:
        db.dispose()
    print(f"{db.describe()}: the sign-in helper is {'on' if state.enabled else 'off'}.")
    if state.enabled and state.other_databases:
        print(
            "It may also connect to "
            + ", ".join(state.other_databases)
            + " (PUBLIC's CONNECT right): a database administrator should revoke it "
            "(docs/central-database.md)."
        )
    return 0


def _collect_reads(args: argparse.Namespace, ctx: Context) -> int:
    from kkdesk.store.errors import translate

    db = _open(ctx)
    if db.is_sqlite:
        print(f"{db.describe()}: an embedded register has no server log; nothing to collect.")
        db.dispose()
        return 0
    try:
        with translate(), db.engine.begin() as conn:
            found = security.collect_reads(conn)
    except AuthenticationFailed as exc:
        _explain(db, exc)
    except PermissionDenied as exc:
        detail = str(exc.params.get("detail", exc.__cause__ or exc))
        if "pg_read_file" in detail or "pg_ls_logdir" in detail:
            raise PermissionDenied(
                "The database may not read the server's log yet: a database administrator "
                "grants its owner pg_read_file and pg_ls_logdir (docs/central-database.md, "
                '"Reads outside kkdesk").',
                code="collect_reads_not_set_up",
            ) from exc
        raise PermissionDenied(
            "Only the database's owner or an administrator may collect reads made outside kkdesk.",
            code="permission_denied",
        ) from exc
    finally:
        db.dispose()
    print(f"{db.describe()}: {found} statement(s) outside kkdesk recorded in the audit trail.")
    return 0
