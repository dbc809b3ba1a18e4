"""Offline snapshots: a chosen set of customers, encrypted, for review where the central
database cannot be reached (``kkdesk snapshot create``, ``kkdesk --snapshot FILE``).

Making one: the customers' rows — the record, contact persons, change history, consents
and prohibitions, orders, requests, disclosures, and what else the desk shows about them —
are copied into a SQLite database built in memory with the register's own schema, taking
only what the user's level may read (:mod:`kkdesk.store.snapshot_image`). The image
is serialised and sealed with AES-GCM (:mod:`kkdesk.store.sealed`) under a fresh random
key kept in the OS keyring of the user who made it, never beside the file: plaintext never
reaches the disk, not even as a temporary file. Making it is audited, one row per customer, in the
register's audit trail (who and when by the database; the detail names the snapshot and
its expiry).

Opening one: the header says which key and when it expires; an expired snapshot, a
missing or wrong key, a cut-off file and an altered byte are each refused with their own
code. The image is decrypted into memory and served read-only
(:class:`kkdesk.store.memory_db.ImageDatabase`) to a :class:`DeskSession` whose reads go to
an encrypted journal (:mod:`kkdesk.services.offline_reads`).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kkdesk import __version__
from kkdesk.auth import keychain
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability, Level
from kkdesk.domain.offline import SnapshotInfo
from kkdesk.errors import KnownError, NotFound
from kkdesk.services import audit, customers
from kkdesk.services.session import DeskSession
from kkdesk.services.snapshot_fields import KNOWN_TABLES, readable_fields
from kkdesk.store import sealed
from kkdesk.store import snapshots as store
from kkdesk.store.memory_db import ImageDatabase
from kkdesk.store.private import write_private
from kkdesk.store.snapshot_image import Progress, build_image

log = logging.getLogger(__name__)

KIND = "snapshot"
DEFAULT_DAYS = 14
MAX_DAYS = 90
MAX_CUSTOMERS = 100_000


@dataclass(frozen=True)
class Selection:
    """Which customers go in: numbers, a search, or those with open requests."""

    numbers: tuple[str, ...] = ()
    query: str = ""
    open_requests: bool = False


@dataclass(frozen=True)
class SnapshotResult:
    path: Path
    key_id: str
    customers: int
    created: datetime
    expires: datetime


# -- choosing the customers ----------------------------------------------------------------


def customer_ids(ds: DeskSession, selection: Selection) -> list[int]:
    """The ids of the live customers ``selection`` names; unknown numbers are refused."""
    ds.require(Capability.READ_CUSTOMERS)
    if selection.numbers:
        numbers = list(dict.fromkeys(n.strip() for n in selection.numbers if n.strip()))
        with ds.db.read() as session:
            found = store.live_ids_by_number(session, numbers)
        missing = [n for n in numbers if n not in found]
        if missing:
            raise NotFound(
                f"No customer with the number {', '.join(missing[:10])}"
                + (f" (and {len(missing) - 10} more)" if len(missing) > 10 else "")
                + "; nothing was made.",
                code="snapshot_unknown_customers",
                numbers=missing,
            )
        return [found[n] for n in numbers]
    if selection.query.strip():
        ids: list[int] = []
        cursor = None
        while len(ids) <= MAX_CUSTOMERS:
            page = customers.search(ds, selection.query, after=cursor, limit=1000)
            ids.extend(s.id for s in page.rows)
            cursor = page.next
            if cursor is None:
                break
        return _capped(list(dict.fromkeys(ids)))
    if selection.open_requests:
        ds.require(Capability.SUBJECT_REPORTS)
        with ds.db.read() as session:
            found_ids = store.open_request_customer_ids(session)
        return _capped(list(dict.fromkeys(found_ids)))
    raise KnownError(
        "Say which customers go into the snapshot: --customers, --query or --requests open.",
        code="snapshot_no_selection",
    )


def _capped(ids: list[int]) -> list[int]:
    if len(ids) > MAX_CUSTOMERS:
        raise KnownError(
            f"That selects over {MAX_CUSTOMERS:,} customers; narrow it down.",
            code="snapshot_too_many",
            limit=MAX_CUSTOMERS,
        )
    return ids


# -- making and opening --------------------------------------------------------------------


def create(
    ds: DeskSession,
    dest: Path,
    selection: Selection,
    *,
    days: int = DEFAULT_DAYS,
    purpose: Purpose | str = Purpose.CUSTOMER_SERVICE,
    progress: Progress | None = None,
) -> SnapshotResult:
    """Make an encrypted snapshot of the selected customers in ``dest`` (a new file)."""
    if ds.read_only:
        raise KnownError(
            "A snapshot is made from the register, not from another snapshot.",
            code="offline_read_only",
        )
    if not 1 <= days <= MAX_DAYS:
        raise KnownError(
            f"A snapshot expires after 1 to {MAX_DAYS} days.",
            code="snapshot_days",
            max=MAX_DAYS,
        )
    if dest.exists():
        raise KnownError(f"{dest} exists already; give another name.", code="file_exists")
    ids = customer_ids(ds, selection)
    if not ids:
        raise KnownError("No customer matches; nothing was made.", code="snapshot_empty")
    created = datetime.now(UTC).replace(microsecond=0)
    expires = created + timedelta(days=days)
    key_id = f"snapshot-{uuid.uuid4()}"
    key = sealed.new_key()
    # The key first: without a keyring nothing is built, and no file is ever made that
    # nobody could open. The audit rows commit only after the file is written; if the
    # commit fails, the file and the key go too: a snapshot exists only if it is audited.
    keychain.save_key(key_id, key)
    written = False
    try:
        with ds.db.session() as session:
            source = ds.db.url.database if ds.db.is_sqlite else None
            image = build_image(session, source, readable_fields(ds.level), ids, progress)
            detail = f"offline snapshot {key_id[9:17]}, expires {expires:%Y-%m-%d}"
            audit.record_many(session, ds, image.numbers, AuditAction.EXPORT, purpose, detail)
            meta = {
                "made_by": ds.user,
                "level": ds.level.value,
                "source": ds.describe(),
                "customers": len(ids),
                "kkdesk": __version__,
                "indexes": image.indexes,
            }
            data = sealed.seal(
                image.data, key, kind=KIND, key_id=key_id, created=created, expires=expires,
                meta=meta,
            )  # fmt: skip
            write_private(dest, data)
            written = True
            del image
    except BaseException:
        if written:
            dest.unlink(missing_ok=True)
        _forget(key_id)
        raise
    return SnapshotResult(dest, key_id, len(ids), created, expires)


def _forget(key_id: str) -> None:
    try:
        keychain.forget_key(key_id)
    except KnownError:
        log.warning("the key %s could not be removed from the keyring", key_id)


def read_info(path: Path) -> sealed.SealedHeader:
    """The snapshot's header (no key needed); refuses what is not a snapshot."""
    data = _read(path)
    header, _ = sealed.read_header(data)
    if header.kind != KIND:
        raise KnownError(
            "This file is not an offline snapshot (an encrypted backup is restored with "
            "'kkdesk restore').",
            code="snapshot_not_snapshot",
        )
    return header


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise KnownError(f"{path} does not exist.", code="snapshot_missing") from exc
    except OSError as exc:
        raise KnownError(
            f"{path} cannot be read: {exc.strerror}.", code="snapshot_unreadable"
        ) from exc


def open_snapshot(path: Path, *, now: datetime | None = None) -> DeskSession:
    """A read-only session over the snapshot in ``path``, its data only in memory."""
    from kkdesk.services import offline_reads

    data = _read(path)
    header, _ = sealed.read_header(data)
    if header.kind != KIND:
        raise KnownError(
            "This file is not an offline snapshot (an encrypted backup is restored with "
            "'kkdesk restore').",
            code="snapshot_not_snapshot",
        )
    if header.expired(now) or header.expires is None:
        if not offline_reads.journal_path(header.key_id).exists():
            # Nothing left to deliver from it: the key goes, and the file can never be
            # opened again, whatever the clock says later.
            _forget(header.key_id)
        raise KnownError(
            f"The snapshot expired on {header.expires:%Y-%m-%d}; it can no longer be opened. "
            "Make a new one while the register can be reached.",
            code="snapshot_expired",
            expires=header.expires,
        )
    key = keychain.load_key(header.key_id)
    if key is None:
        raise KnownError(
            "The key of this snapshot is not in your keyring: a snapshot opens only for the "
            "user who made it, on the computer where it was made.",
            code="snapshot_no_key",
        )
    image = sealed.unseal(data, key)
    del data
    meta = header.meta
    info = SnapshotInfo(
        path=str(path.absolute()),
        key_id=header.key_id,
        created=header.created,
        expires=header.expires,
        made_by=str(meta.get("made_by", "")),
        level=Level(str(meta.get("level", Level.VIEWER.value))),
        source=str(meta.get("source", "")),
        customers=int(meta.get("customers", 0)),
    )
    journal = offline_reads.Journal(info, key)
    db = ImageDatabase(
        image,
        actor=info.made_by,
        description=f"{path.name} (offline snapshot)",
        readable=readable_fields(info.level),
        known=KNOWN_TABLES,
        indexes=[str(sql) for sql in meta.get("indexes", [])],
        audit_sink=journal.record_rows,
    )
    del image
    return DeskSession(db, info.level, offline=info)
