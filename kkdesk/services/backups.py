"""Backing up and restoring the embedded register (``kkdesk backup`` / ``kkdesk restore``).

A backup is a consistent copy taken with SQLite's online backup API while the desk may be
open and writing (:mod:`kkdesk.store.backup`), written 0600. With ``encrypt`` the copy is
never on disk in the clear: the image is built in memory and sealed with AES-GCM
(:mod:`kkdesk.store.sealed`), its key kept in the OS keyring of the user who made it.

A restore checks the file first — readable, intact, a kkdesk register, a schema version
this kkdesk knows — then asks (``confirm``), keeps the register it replaces aside as a
timestamped 0600 file, and copies the backup in. A refused file changes nothing.

When the last backup of each register was taken is kept in the user's data folder, so that
the desk can remind when it is older than the preference ``backup_reminder_days``.

The central PostgreSQL database is backed up by its DBA (docs/offline-and-backups.md).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import platformdirs

from kkdesk.auth import keychain
from kkdesk.errors import KnownError
from kkdesk.services.session import DeskSession
from kkdesk.store import backup as store_backup
from kkdesk.store import migrate, sealed
from kkdesk.store.database import APP_AUTHOR, APP_NAME, resolve_url
from kkdesk.store.private import create_private, write_private

STATE_FILE = "backups.json"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    register: Path
    customers: int
    encrypted: bool
    key_id: str = ""


@dataclass(frozen=True)
class RestorePlan:
    """What a checked backup holds and what it would replace: shown before confirming."""

    source: Path
    target: Path
    revision: str
    customers: int
    target_exists: bool
    encrypted: bool


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    kept_aside: Path | None
    customers: int


def embedded_path(url: str | None) -> Path:
    """The embedded register file that ``--db`` (or its defaults) names; refuses a
    central database, which its DBA backs up with PostgreSQL's own tools."""
    resolved = resolve_url(url)
    if resolved.get_backend_name() != "sqlite" or not resolved.database:
        raise KnownError(
            "Backups and restores here are of the embedded register; the central database is "
            "backed up by its administrator with pg_dump or base backups "
            "(see docs/offline-and-backups.md).",
            code="backup_central",
        )
    return Path(resolved.database)


def backup(register: Path, dest: Path, *, encrypt: bool = False) -> BackupResult:
    """Copy ``register`` to ``dest`` (a new 0600 file), consistently, maybe encrypted."""
    now = datetime.now(UTC)
    if encrypt:
        image = store_backup.image_of(register)
        with closing(store_backup.connect_image(image)) as conn:
            customers = _count(conn)
        key_id = f"backup-{uuid.uuid4()}"
        key = sealed.new_key()
        keychain.save_key(key_id, key)  # first: without a keyring, no backup nobody can open
        try:
            write_private(dest, sealed.seal(image, key, kind="backup", key_id=key_id, created=now))
        except BaseException:
            keychain.forget_key(key_id)
            raise
        result = BackupResult(dest, register, customers, True, key_id)
    else:
        store_backup.copy_file(register, dest)
        with closing(store_backup.open_checked(dest)) as conn:
            customers = _count(conn)
        result = BackupResult(dest, register, customers, False)
    record_backup(register, now)
    return result


def plan_restore(target: Path, source: Path) -> RestorePlan:
    """Check ``source`` without changing anything; refuses a damaged, truncated or foreign
    file, or one of a newer schema."""
    conn, encrypted = _open_backup(source)
    with closing(conn):
        image = store_backup.check_connection(conn, _tables(), _known_revisions())
    return RestorePlan(source, target, image.revision, image.customers, target.exists(), encrypted)


def restore(
    target: Path, source: Path, *, confirm: Callable[[RestorePlan], bool]
) -> RestoreResult | None:
    """Replace the register ``target`` with the backup ``source`` once ``confirm(plan)``
    says yes (None if not); the replaced register is kept aside beside it."""
    plan = plan_restore(target, source)
    if not confirm(plan):
        return None
    conn, _encrypted = _open_backup(source)
    with closing(conn):
        # Checked again on what is actually copied: the file may have changed meanwhile.
        image = store_backup.check_connection(conn, _tables(), _known_revisions())
        kept: Path | None = None
        if target.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            kept = target.with_name(f"{target.stem}.replaced-{stamp}{target.suffix}")
            store_backup.copy_file(target, kept)
        else:
            create_private(target)
        store_backup.restore_into(target, conn)
    return RestoreResult(target, kept, image.customers)


def _open_backup(source: Path) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection over the backup (decrypted in memory if sealed)."""
    if not source.is_file():
        raise store_backup.BackupRefused(
            f"{source} does not exist.", code="backup_missing", path=str(source)
        )
    with source.open("rb") as f:
        start = f.read(len(sealed.MAGIC))
    if start == sealed.MAGIC:
        data = source.read_bytes()
        header, _ = sealed.read_header(data)
        key = keychain.load_key(header.key_id)
        if key is None:
            raise KnownError(
                "The key of this encrypted backup is not in your keyring: it can be "
                "restored only by the user who made it, on their computer.",
                code="backup_no_key",
            )
        return store_backup.connect_image(sealed.unseal(data, key)), True
    return store_backup.open_checked(source), False


def _count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("select count(*) from customer").fetchone()[0])


# Every register since the first schema (0001) has these. A backup made before a later
# migration lacks that migration's tables and is brought up to date when it is opened
# (store.migrate.ensure_current), so only these tell a kkdesk register from another file.
CORE_TABLES = ("customer", "audit_event", "disclosure", "register_setting", "suppression")


def _tables() -> list[str]:
    return list(CORE_TABLES)


def _known_revisions() -> set[str]:
    return migrate.known_revisions()


# -- when the last backup was taken --------------------------------------------------------


def _state_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / STATE_FILE


def _load_state() -> dict[str, str]:
    try:
        raw = json.loads(_state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def record_backup(register: Path, when: datetime) -> None:
    state = _load_state()
    state[str(register.absolute())] = when.astimezone(UTC).isoformat()
    write_private(_state_path(), [json.dumps(state, indent=2).encode()], overwrite=True)


def last_backup(register: Path) -> datetime | None:
    value = _load_state().get(str(register.absolute()))
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def backup_overdue(register: Path, days: int, now: datetime | None = None) -> bool:
    """Whether the desk should remind: no backup yet, or one older than ``days`` (0 = never
    remind)."""
    if days <= 0:
        return False
    last = last_backup(register)
    return last is None or (now or datetime.now(UTC)) - last > timedelta(days=days)


@dataclass(frozen=True)
class BackupReminder:
    """What the desk says when the embedded register's backup is overdue."""

    register: Path
    last: datetime | None  # None: never backed up


def reminder(ds: DeskSession, days: int) -> BackupReminder | None:
    """A reminder for the desk's register, or None (up to date, central, or turned off)."""
    if not ds.is_embedded or not ds.db.url.database or ds.db.url.database == ":memory:":
        return None
    register = Path(ds.db.url.database)
    if not backup_overdue(register, days):
        return None
    return BackupReminder(register, last_backup(register))
