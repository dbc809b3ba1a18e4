"""Backups of the embedded SQLite register with SQLite's online backup API.

``sqlite3.Connection.backup`` copies the database page by page under SQLite's own locking:
done in one step it sees one consistent state even while the desk (or another process)
writes, and it copies what the write-ahead log holds, which a plain file copy would miss.
Restoring goes the same way in the other direction, into the live register, so SQLite
keeps its WAL and shared-memory files right as well.

A candidate for restoring is opened ``immutable`` (nothing is written beside it) and
checked before anything is touched: SQLite's integrity check, kkdesk's tables and an
Alembic revision this kkdesk knows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from kkdesk.errors import KnownError
from kkdesk.store.private import create_private


class BackupRefused(KnownError):
    """A file that must not be restored; ``code`` says why."""

    code = "backup_invalid"


@dataclass(frozen=True)
class RegisterImage:
    """What a checked register file (or image) holds."""

    revision: str
    customers: int


def copy_file(source: Path, dest: Path) -> None:
    """A consistent copy of the SQLite file ``source`` in a new 0600 file ``dest``."""
    src = _open_source(source)
    create_private(dest)
    try:
        with closing(src), closing(sqlite3.connect(dest)) as dst:
            src.backup(dst)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise


def image_of(source: Path) -> bytes:
    """A consistent copy of the SQLite file ``source`` as bytes, never on disk."""
    with closing(_open_source(source)) as src, closing(sqlite3.connect(":memory:")) as mem:
        src.backup(mem)
        return bytes(_without_wal(mem.serialize()))


def connect_image(image: bytes | bytearray, *, read_only: bool = True) -> sqlite3.Connection:
    """A private in-memory connection over a database image."""
    mem = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        mem.deserialize(_without_wal(image))
    except sqlite3.DatabaseError as exc:
        mem.close()
        raise BackupRefused("The file is not a SQLite database.", code="backup_foreign") from exc
    if read_only:
        mem.execute("PRAGMA query_only=ON")
    return mem


def check_file(path: Path, tables: Iterable[str], known: Iterable[str]) -> RegisterImage:
    """Refuse ``path`` unless it is an intact kkdesk register of a known schema version."""
    if not path.is_file():
        raise BackupRefused(f"{path} does not exist.", code="backup_missing", path=str(path))
    with closing(_open_ro(path, immutable=True)) as conn:
        return check_connection(conn, tables, known)


def check_connection(
    conn: sqlite3.Connection, tables: Iterable[str], known: Iterable[str]
) -> RegisterImage:
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        names = {row[0] for row in conn.execute("select name from sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(
            "The file is not a SQLite database (or it is damaged beyond reading).",
            code="backup_foreign",
        ) from exc
    if result != ["ok"]:
        raise BackupRefused(
            f"The file is damaged: SQLite's integrity check failed ({'; '.join(result[:3])}).",
            code="backup_damaged",
        )
    missing = sorted({"alembic_version", *tables} - names)
    if missing:
        raise BackupRefused(
            "The file is a SQLite database but not a kkdesk register "
            f"(no {', '.join(missing[:4])}).",
            code="backup_foreign",
        )
    row = conn.execute("select version_num from alembic_version").fetchone()
    revision = str(row[0]) if row else ""
    if revision not in set(known):
        raise BackupRefused(
            f"The register's schema (version {revision or 'none'}) is newer than this kkdesk "
            "knows; restore it with the kkdesk version that made it.",
            code="backup_newer",
            revision=revision,
        )
    customers = int(conn.execute("select count(*) from customer").fetchone()[0])
    return RegisterImage(revision, customers)


def restore_into(target: Path, source: sqlite3.Connection) -> None:
    """Replace the contents of the register file ``target`` with ``source``'s, in one
    step under SQLite's write lock (a desk that is open waits, then sees the new data)."""
    with closing(sqlite3.connect(target, timeout=30)) as dst:
        source.backup(dst)


def open_checked(path: Path) -> sqlite3.Connection:
    """``path`` opened read-only and immutable, for copying after :func:`check_file`."""
    return _open_ro(path, immutable=True)


def _without_wal(image: bytes | bytearray) -> bytes | bytearray:
    """The image with its header saying "rollback journal": an in-memory database cannot
    be in WAL mode, and a copy of a WAL register says WAL (header bytes 18 and 19)."""
    if len(image) > 19 and image[18:20] == b"\x02\x02":
        image = bytearray(image)
        image[18:20] = b"\x01\x01"
    return image


def _open_source(path: Path) -> sqlite3.Connection:
    # A normal connection (a read-only one cannot always open a WAL database); it only
    # reads. Checked first: connect() would create a missing file.
    if not path.is_file():
        raise BackupRefused(f"{path} does not exist.", code="backup_missing", path=str(path))
    return sqlite3.connect(path, timeout=30)


def _open_ro(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    uri = f"file:{quote(str(path.absolute()))}?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        return sqlite3.connect(uri, uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise BackupRefused(
            f"{path} cannot be opened: {exc}.", code="backup_unreadable", path=str(path)
        ) from exc
