"""The central database's user levels as the server sees them: group roles and staff logins.

On PostgreSQL every user level of the back office is a NOLOGIN group role (``kkdesk_viewer``
…) that holds the grants, and every staff member is a LOGIN role that is a member of
exactly one of them; the security migration (``0002``) creates the roles, grants and
policies. This module finds the signed-in user's level and manages staff logins through the
``kkdesk_user_*`` functions that migration defines: those run as the database owner, so an
administrator needs no CREATEROLE of their own and can only touch kkdesk staff roles.

Passwords never travel in the clear: the client hashes them to a SCRAM-SHA-256 verifier
(libpq's ``PQencryptPasswordConn``, as ``psql``'s ``\\password`` does), so the server's
statement log can never show one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL

from kkdesk.domain import catalogue
from kkdesk.domain.catalogue import Table
from kkdesk.domain.levels import Level
from kkdesk.errors import (
    AuthenticationFailed,
    DatabaseUnavailable,
    FieldError,
    KnownError,
    PermissionDenied,
    ValidationFailed,
)
from kkdesk.store.database import Database
from kkdesk.store.errors import translate

# Role names are cluster-wide: prefixed so that kkdesk never collides with other software.
ROLE_PREFIX = "kkdesk_"

# When a login is (by mistake) a member of several levels, the first one here is reported.
PRECEDENCE: tuple[Level, ...] = (
    Level.ADMIN,
    Level.PRIVACY,
    Level.CLERK,
    Level.MARKETING,
    Level.VIEWER,
)

# What the marketing level may read of a customer: names, addresses and contact channels
# (no birth date, notes, free-form extra data or staff names), as the data catalogue
# declares it. The migration grants exactly these columns (a test holds the two equal);
# services choose their columns from here when the level is marketing.
MARKETING_CUSTOMER_COLUMNS: tuple[str, ...] = (
    catalogue.readable_columns(Table.CUSTOMER, Level.MARKETING) or ()
)

# Columns a client may give when adding an audit row; ``actor`` and ``at`` come from the
# server (session_user, now()) so that an audit row cannot be forged.
AUDIT_INSERT_COLUMNS: tuple[str, ...] = ("customer_number", "action", "purpose", "detail")

# The powerless login that asks the server why a sign-in was refused (migration 0003). Off
# (NOLOGIN, no password) unless an administrator turns it on (migration 0004,
# :func:`set_signin_helper`); on, its password is this well-known one: the role can then
# read only what every database user can (docs/central-database.md).
SIGNIN_ROLE = "kkdesk_signin"
SIGNIN_PASSWORD = "kkdesk_signin"

_LOGIN_RE = re.compile(r"^[a-z_][a-z0-9_.\-]{0,62}$")


def role_name(level: Level) -> str:
    return f"{ROLE_PREFIX}{level.value}"


def level_of_role(name: str) -> Level | None:
    if not name.startswith(ROLE_PREFIX):
        return None
    try:
        return Level(name[len(ROLE_PREFIX) :])
    except ValueError:
        return None


@dataclass(frozen=True)
class StaffUser:
    """A staff member's database login as an administrator sees it."""

    login: str
    level: Level | None
    can_login: bool
    valid_until: datetime | None


def current_level(conn: Connection) -> Level:
    """The level of the signed-in user: their group role, or ``admin`` for the database's
    owner and superusers (who provision the first administrators).

    Raises :class:`AuthenticationFailed` (code ``no_level``) for a login that belongs to no
    kkdesk level: the server let them in, but kkdesk has nothing for them.
    """
    # One statement (one round trip at sign-in): owner or superuser, and the level roles
    # held.
    names = [role_name(level) for level in PRECEDENCE]
    owner, roles = conn.execute(
        text(
            "select (select r.rolsuper or pg_has_role(session_user, d.datdba, 'MEMBER') "
            "        from pg_roles r, pg_database d "
            "        where r.rolname = session_user and d.datname = current_database()), "
            "       array(select rolname::text from pg_roles "
            "             where rolname = any(:names) "
            "             and pg_has_role(session_user, oid, 'MEMBER'))"
        ),
        {"names": names},
    ).one()
    if owner:
        return Level.ADMIN
    held = {str(name) for name in roles or ()}
    for level in PRECEDENCE:
        if role_name(level) in held:
            return level
    user = conn.execute(text("select session_user")).scalar_one()
    raise AuthenticationFailed(
        f"The database user {user} has no kkdesk user level; ask an administrator to give "
        "them one.",
        code="no_level",
        user=str(user),
    )


def check_login_name(login: str) -> str:
    """A staff login is a plain lower-case PostgreSQL identifier, never a kkdesk group role."""
    if not _LOGIN_RE.match(login) or login.startswith(ROLE_PREFIX) or login.startswith("pg_"):
        raise ValidationFailed(
            {
                "login": FieldError(
                    "login",
                    "login_name",
                    "A login is 1–63 lower-case letters, digits, '_', '.' or '-', starting "
                    f"with a letter, and not starting with '{ROLE_PREFIX}' or 'pg_'.",
                )
            }
        )
    return login


def scram_verifier(conn: Connection, login: str, password: str) -> str:
    """Hash ``password`` for ``login`` on the client, as libpq's PQencryptPasswordConn."""
    if not password:
        raise ValidationFailed(
            {"password": FieldError("password", "required", "A password is required.")}
        )
    driver: Any = conn.connection.driver_connection
    verifier: bytes = driver.pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
    )
    return verifier.decode("ascii")


def _call(conn: Connection, sql: str, params: dict[str, Any]) -> None:
    try:
        conn.execute(text(sql), params)
    except Exception as exc:  # the functions raise with a SQLSTATE of their own
        orig = getattr(exc, "orig", None)
        state = str(getattr(orig, "sqlstate", "") or "")
        diag = getattr(orig, "diag", None)
        message = str(getattr(diag, "message_primary", "") or "")
        if state == "42710":
            raise KnownError(message or "That login already exists.", code="user_exists") from exc
        if state == "42704":
            raise KnownError(message or "No such staff login.", code="user_unknown") from exc
        hint = str(getattr(diag, "message_hint", "") or "")
        if hint == "kkdesk:login_privileged":
            raise KnownError(
                f"{message}. kkdesk manages only logins whose rights come from one kkdesk "
                "user level.",
                code="login_privileged",
            ) from exc
        raise


def add_user(
    conn: Connection, login: str, level: Level, password: str, valid_until: datetime | None
) -> None:
    check_login_name(login)
    _call(
        conn,
        "select kkdesk_user_add(:login, :role, :verifier, :until)",
        {
            "login": login,
            "role": role_name(level),
            "verifier": scram_verifier(conn, login, password),
            "until": valid_until,
        },
    )


def set_level(conn: Connection, login: str, level: Level) -> None:
    _call(
        conn,
        "select kkdesk_user_set_role(:login, :role)",
        {"login": login, "role": role_name(level)},
    )


def set_enabled(conn: Connection, login: str, enabled: bool) -> None:
    _call(
        conn, "select kkdesk_user_set_login(:login, :enabled)", {"login": login, "enabled": enabled}
    )


def set_password(conn: Connection, login: str, password: str, valid_until: datetime | None) -> None:
    _call(
        conn,
        "select kkdesk_user_set_password(:login, :verifier, :until)",
        {"login": login, "verifier": scram_verifier(conn, login, password), "until": valid_until},
    )


def list_users(conn: Connection) -> list[StaffUser]:
    """Every login that is a member of a kkdesk level (``pg_roles`` is readable by all)."""
    names = [role_name(level) for level in PRECEDENCE]
    rows = conn.execute(
        text(
            "select u.rolname, g.rolname as grp, u.rolcanlogin, "
            # psycopg cannot represent 'infinity': no expiry is NULL to us.
            "nullif(u.rolvaliduntil, 'infinity') "
            "from pg_roles u "
            "join pg_auth_members m on m.member = u.oid "
            "join pg_roles g on g.oid = m.roleid "
            "where g.rolname = any(:names) and not (u.rolname = any(:names)) "
            "order by u.rolname"
        ),
        {"names": names},
    ).all()
    by_login: dict[str, StaffUser] = {}
    for login, group, can_login, until in rows:
        level = level_of_role(str(group))
        seen = by_login.get(login)
        if (
            seen is not None
            and seen.level is not None
            and level is not None
            and PRECEDENCE.index(seen.level) <= PRECEDENCE.index(level)
        ):
            continue
        by_login[str(login)] = StaffUser(str(login), level, bool(can_login), until)
    return [by_login[k] for k in sorted(by_login)]


def signin_status(url: URL, login: str) -> tuple[str, datetime | None] | None:
    """Why ``login`` could not sign in, as the server's sign-in check sees it: ``unknown``,
    ``disabled``, ``expired`` (with when) or ``active`` (so the password was wrong).

    None when the check cannot be asked (an older schema, or an administrator turned it
    off): then nobody can say more than "user name or password refused".
    """
    probe = Database(url.set(username=SIGNIN_ROLE, password=None), password=SIGNIN_PASSWORD)
    try:
        with probe.engine.connect() as conn:
            row = conn.execute(
                text("select status, expired_at from kkdesk_signin_status(:login)"),
                {"login": login},
            ).one()
    except Exception:  # any failure only means "no explanation available"
        return None
    finally:
        probe.dispose()
    return str(row.status), row.expired_at


def explain_refusal(url: URL, exc: AuthenticationFailed) -> AuthenticationFailed:
    """The server refused a user name and password: say which of them was wrong, if the
    server's sign-in check can tell (see :func:`signin_status`); else ``exc`` itself."""
    user = str(url.username or "")
    status = signin_status(url, user) if user else None
    if status is None:
        return exc
    state, expired_at = status
    if state == "unknown":
        server = f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"
        return AuthenticationFailed(
            f"There is no kkdesk user named {user} on {server}; check the user name.",
            code="unknown_user",
            user=user,
        )
    if state == "disabled":
        return AuthenticationFailed(
            f"The account {user} is disabled; ask an administrator.",
            code="account_disabled",
            user=user,
        )
    if state == "expired":
        when = f" on {expired_at:%Y-%m-%d}" if expired_at is not None else ""
        return AuthenticationFailed(
            f"The password of {user} expired{when}; ask an administrator to set a new one.",
            code="password_expired",
            user=user,
            expired_at=expired_at,
        )
    return AuthenticationFailed(
        f"The password of {user} was refused; check it (and Caps Lock).",
        code="wrong_password",
        user=user,
    )


def level_of(db: Database) -> Level:
    """Connect (which checks the password) and find the signed-in user's level."""
    try:
        with translate(), db.engine.connect() as conn:
            # Reads of the catalogue only: in autocommit, no BEGIN and ROLLBACK to send.
            return current_level(conn.execution_options(isolation_level="AUTOCOMMIT"))
    except (AuthenticationFailed, PermissionDenied, DatabaseUnavailable) as exc:
        if isinstance(exc, AuthenticationFailed) and exc.code == "auth_failed":
            raise explain_refusal(db.url, exc) from exc
        cause = str(exc.__cause__ or "")
        if "not permitted to log in" in cause:
            raise AuthenticationFailed(
                f"The account {db.url.username} is disabled; ask an administrator.",
                code="account_disabled",
                user=str(db.url.username),
            ) from exc
        if "permission denied for database" in cause:
            # The security migration gives CONNECT to the kkdesk levels only.
            raise AuthenticationFailed(
                f"The database user {db.url.username} has no kkdesk user level; ask an "
                "administrator to give them one.",
                code="no_level",
                user=str(db.url.username),
            ) from exc
        raise


# What a database administrator (a superuser) runs in the register's database so that a
# login with no table rights (the sign-in helper) cannot write large objects either:
# PostgreSQL lets every role create them, and only a superuser may take that away. kkdesk
# uses no large objects. ``kkdesk db upgrade`` runs these itself when run by a superuser.
SIGNIN_DBA_HARDENING: tuple[str, ...] = (
    "REVOKE EXECUTE ON FUNCTION lo_create(oid), lo_creat(integer), lo_from_bytea(oid, bytea), "
    "lo_put(oid, bigint, bytea), lo_open(oid, integer), lowrite(integer, bytea), "
    "lo_truncate(integer, integer), lo_truncate64(integer, bigint), lo_unlink(oid) FROM PUBLIC",
)


@dataclass(frozen=True)
class SigninHelper:
    """Whether the sign-in helper may log in, and the other databases of the cluster it
    could connect to (through PUBLIC's CONNECT right, which only the DBA can take away)."""

    enabled: bool
    other_databases: tuple[str, ...]


def set_signin_helper(conn: Connection, enabled: bool) -> SigninHelper:
    """Turn the sign-in helper on or off (the owner or the admin level); audited."""
    conn.execute(text("select kkdesk_signin_helper(:on)"), {"on": enabled})
    return signin_helper(conn)


def signin_helper(conn: Connection) -> SigninHelper:
    row = conn.execute(
        text(
            "select r.rolcanlogin, array(select d.datname from pg_database d "
            "  where d.datallowconn and d.datname <> current_database() "
            "    and has_database_privilege(r.rolname, d.datname, 'CONNECT') "
            "  order by d.datname) "
            "from pg_roles r where r.rolname = :role"
        ),
        {"role": SIGNIN_ROLE},
    ).one_or_none()
    if row is None:
        return SigninHelper(False, ())
    return SigninHelper(bool(row[0]), tuple(str(d) for d in row[1]))


def collect_reads(conn: Connection) -> int:
    """Record the reads made outside kkdesk that pgaudit logged since the last run (the
    server function ``kkdesk_collect_reads`` of migration 0011); how many statements."""
    return int(conn.execute(text("select kkdesk_collect_reads()")).scalar_one())
