"""Address updates from update services (register description, section 6).

:func:`preview` reads a file and says what importing it would do with each line;
:func:`apply` does it, in one transaction: it matches the file again inside that
transaction (the register may have changed since the preview) and writes exactly the
rows that are matched and changed, each field change with the update service as its
source in the change history, and one audit row per changed customer. A malformed file
is refused whole (:class:`kkdesk.domain.address_updates.FileRefused`) before anything is
written. A person who prohibits updating of their data is never changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kkdesk.domain import address_updates as au
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.errors import KnownError
from kkdesk.services import audit
from kkdesk.services.session import DeskSession
from kkdesk.store import address_updates as repo
from kkdesk.store.unit_of_work import Session

log = logging.getLogger(__name__)

# Larger files are refused before they are read: a year of a big register's changes is a
# few megabytes; anything far larger is not an address-update file.
MAX_FILE_BYTES = 200 * 1024 * 1024

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Applied:
    """What :func:`apply` did: the preview it applied and the customers it changed."""

    preview: au.Preview
    changed_numbers: tuple[str, ...]


def read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise au.FileRefused([(0, "too_large", f"is larger than {MAX_FILE_BYTES} bytes")])
        return path.read_bytes()
    except OSError as exc:
        raise KnownError(
            f"Cannot read {path}: {exc.strerror or exc}",
            code="address_file_unreadable",
            path=str(path),
        ) from exc


def _match(session: Session, parsed: au.ParsedFile, source: str) -> au.Preview:
    numbers = [r.number for r in parsed.rows if r.by_number]
    keys = [au.name_address_key(r) for r in parsed.rows if not r.by_number]
    by_number = repo.by_numbers(session, numbers)
    by_name = repo.by_postal_code_and_name(session, keys)
    return au.make_preview(source, au.classify(parsed, by_number, by_name))


def _noop(_: str) -> None:
    pass


def preview(ds: DeskSession, data: bytes, *, source: str, progress: Progress = _noop) -> au.Preview:
    """What importing ``data`` would do; changes nothing. Needs the right to edit
    customers (the preview shows whose address would change)."""
    ds.require(Capability.EDIT_CUSTOMERS)
    name = au.clean_source(source)
    progress("parse")
    parsed = au.parse(data)
    progress("match")
    with ds.db.read() as session:
        return _match(session, parsed, name)


def apply(
    ds: DeskSession,
    data: bytes,
    *,
    source: str,
    progress: Progress = _noop,
) -> Applied:
    """Import ``data``: every matched and changed row is written, all in one transaction
    (any failure changes nothing)."""
    ds.require(Capability.EDIT_CUSTOMERS)
    name = au.clean_source(source)
    progress("parse")
    parsed = au.parse(data)
    with ds.db.session() as session:
        progress("match")
        result = _match(session, parsed, name)
        progress("write")
        numbers = repo.apply(
            session, result.changes, source=name, actor=ds.user, is_sqlite=ds.db.is_sqlite
        )
        audit.record_many(
            session,
            ds,
            numbers,
            AuditAction.UPDATE,
            Purpose.ADMINISTRATION,
            f"address update from an update service: {name}",
        )
    # Numbers only: a source name or address never goes to the log.
    log.info("address update applied: %d changed, %d lines", len(numbers), len(result.outcomes))
    return Applied(result, tuple(numbers))
