"""Offline reads are reads: every customer opened in a snapshot reaches the audit trail.

While a snapshot is open, each audit row the services write for a read is taken off at the
snapshot's database (:class:`kkdesk.store.memory_db.ImageDatabase`) and appended to an
encrypted journal instead (the snapshot has no audit trail to write to, and the register
cannot be reached). The journal is a 0600 file in the user's data folder, one per snapshot
(``offline-reads/<key id>.journal``), each entry sealed with AES-GCM under the snapshot's
own key: it names customers, so it is as secret as the snapshot. It is kept apart from
the snapshot file so that deleting or replacing the snapshot does not lose its reads.

At the next sign-in to the database the snapshot was made from, as the user who made it,
:func:`deliver` writes the entries to that database's audit trail (with their purpose, and
the time of the offline read in the detail; the database writes who and when it was
delivered) and removes them from the journal. Delivery is at least once: were kkdesk to
stop between the commit and the journal's rewrite, the next sign-in writes those reads
again, which a processing log tolerates better than a read that is never logged.
"""

from __future__ import annotations

import json
import logging
import os
import struct
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kkdesk.auth import keychain
from kkdesk.domain.enums import AuditAction
from kkdesk.domain.offline import SnapshotInfo
from kkdesk.errors import KnownError
from kkdesk.services import audit
from kkdesk.services.session import DeskSession
from kkdesk.store.database import APP_AUTHOR, APP_NAME
from kkdesk.store.private import private_folder, write_private

log = logging.getLogger(__name__)

FOLDER = "offline-reads"
_LEN = struct.Struct(">I")
_NONCE = 12


def journal_folder() -> Path:
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / FOLDER


def journal_path(key_id: str) -> Path:
    return journal_folder() / f"{key_id}.journal"


@dataclass(frozen=True)
class OfflineRead:
    """One journaled read: what the audit row will say."""

    customer_number: str
    action: str
    purpose: str
    detail: str
    at: datetime
    source: str  # the database the snapshot came from
    made_by: str  # the user who made (and alone can open) the snapshot
    snapshot: str  # its key id
    expires: datetime


class Journal:
    """The append-only, encrypted journal of one open snapshot."""

    def __init__(self, info: SnapshotInfo, key: bytes) -> None:
        self.info = info
        self._aead = AESGCM(key)
        self.path = journal_path(info.key_id)

    def record(self, customer_number: str, action: str, purpose: str, detail: str) -> None:
        self.record_rows(
            [
                {
                    "customer_number": customer_number,
                    "action": action,
                    "purpose": purpose,
                    "detail": detail,
                }
            ]
        )

    def record_rows(self, rows: list[Mapping[str, Any]]) -> None:
        """The audit rows the offline session's services would have written (a statement's
        rows at once: one append and one sync for a page of search results)."""
        now = datetime.now(UTC).isoformat()
        sealed = b"".join(
            _seal(
                self._aead,
                self._aad(),
                {
                    "customer_number": str(row.get("customer_number", "")),
                    "action": str(row.get("action", "")),
                    "purpose": str(row.get("purpose", "") or ""),
                    "detail": str(row.get("detail", "") or "")[:200],
                    "at": now,
                    "source": self.info.source,
                    "made_by": self.info.made_by,
                    "snapshot": self.info.key_id,
                    "expires": self.info.expires.isoformat(),
                },
            )
            for row in rows
        )
        if not sealed:
            return
        private_folder(self.path.parent)
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                # One write: an interrupted append leaves a short tail that read_entries
                # ignores, never a damaged earlier entry.
                os.write(fd, sealed)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            # Refuse the read rather than let it go unrecorded.
            raise KnownError(
                f"The offline read could not be recorded in {self.path}: {exc.strerror}; "
                "the record is not shown.",
                code="offline_journal_failed",
            ) from exc

    def _aad(self) -> bytes:
        return b"kkdesk offline reads\0" + self.info.key_id.encode()

    def entries(self) -> list[OfflineRead]:
        return read_entries(self.path, self._aead, self._aad())


def read_entries(path: Path, aead: AESGCM, aad: bytes) -> list[OfflineRead]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    out: list[OfflineRead] = []
    pos = 0
    while pos + _LEN.size <= len(data):
        (size,) = _LEN.unpack_from(data, pos)
        chunk = data[pos + _LEN.size : pos + _LEN.size + size]
        if len(chunk) < size:
            log.warning("%s ends in a partly written entry; ignored", path)
            break
        pos += _LEN.size + size
        try:
            raw = json.loads(aead.decrypt(chunk[:_NONCE], chunk[_NONCE:], aad))
        except (InvalidTag, ValueError):
            log.error("%s holds an entry that fails its integrity check; skipped", path)
            continue
        out.append(
            OfflineRead(
                customer_number=str(raw["customer_number"]),
                action=str(raw["action"]),
                purpose=str(raw["purpose"]),
                detail=str(raw["detail"]),
                at=datetime.fromisoformat(raw["at"]),
                source=str(raw["source"]),
                made_by=str(raw["made_by"]),
                snapshot=str(raw["snapshot"]),
                expires=datetime.fromisoformat(raw["expires"]),
            )
        )
    return out


def _journal_of(path: Path) -> tuple[AESGCM, bytes] | None:
    key_id = path.name.removesuffix(".journal")
    try:
        key = keychain.load_key(key_id)
    except KnownError:
        return None
    if key is None:
        log.warning("no key for the offline reads in %s: they cannot be delivered", path)
        return None
    return AESGCM(key), b"kkdesk offline reads\0" + key_id.encode()


def pending(ds: DeskSession) -> list[OfflineRead]:
    """Undelivered offline reads of snapshots made from ``ds``'s database by its user."""
    out: list[OfflineRead] = []
    for path in sorted(journal_folder().glob("*.journal")):
        opened = _journal_of(path)
        if opened is not None:
            out += [e for e in read_entries(path, *opened) if _ours(ds, e)]
    return out


def _ours(ds: DeskSession, entry: OfflineRead) -> bool:
    return entry.source == ds.describe() and entry.made_by == ds.user


def deliver(ds: DeskSession) -> int:
    """Write the pending offline reads of this database and user to its audit trail, then
    drop them from their journals; how many were delivered."""
    if ds.read_only or not journal_folder().is_dir():
        return 0
    delivered = 0
    for path in sorted(journal_folder().glob("*.journal")):
        opened = _journal_of(path)
        if opened is None:
            continue
        aead, aad = opened
        entries = read_entries(path, aead, aad)
        mine = [e for e in entries if _ours(ds, e)]
        if not mine:
            continue
        with ds.db.session() as session:
            for e in mine:
                detail = f"offline read {e.at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
                detail += f", snapshot {e.snapshot[9:17]}"
                if e.detail:
                    detail += f"; {e.detail}"
                audit.record(
                    session, ds, e.customer_number, AuditAction(e.action), e.purpose, detail
                )
        delivered += len(mine)
        rest = [e for e in entries if not _ours(ds, e)]
        _rewrite(path, aead, aad, rest)
        if not rest and all(e.expires <= datetime.now(UTC) for e in mine):
            keychain.forget_key(path.name.removesuffix(".journal"))
    return delivered


def _rewrite(path: Path, aead: AESGCM, aad: bytes, rest: list[OfflineRead]) -> None:
    if not rest:
        path.unlink(missing_ok=True)
        return
    chunks = [
        _seal(aead, aad, {**asdict(e), "at": e.at.isoformat(), "expires": e.expires.isoformat()})
        for e in rest
    ]
    write_private(path, chunks, overwrite=True)


def _seal(aead: AESGCM, aad: bytes, entry: dict[str, str]) -> bytes:
    """One journal entry: its length, a fresh nonce and the sealed JSON."""
    nonce = os.urandom(_NONCE)
    sealed = nonce + aead.encrypt(nonce, json.dumps(entry).encode(), aad)
    return _LEN.pack(len(sealed)) + sealed


def deliver_quietly(ds: DeskSession) -> int:
    """:func:`deliver` for sign-in: a failure is logged and retried at the next sign-in,
    never in the user's way."""
    try:
        return deliver(ds)
    except KnownError as exc:
        log.warning("offline reads not delivered yet: %s", exc.message)
    except Exception:
        log.exception("offline reads not delivered (a bug)")
    return 0
