"""Erasing a chunk of customers in one unit of work (the retention run, GDPR Art. 17 and
5(1)(e)): the same end state as :func:`kkdesk.services.erasure.erase_in` for each, in a
few set-based statements (:mod:`kkdesk.store.erasure_batch`) instead of twenty each.

A customer who may not be erased now — a legal hold, a restriction of processing in
force, an open order or a return not refunded, or already erased — is skipped, with the
reason, never failing the others: the caller reports them. Only the privacy level erases
(on PostgreSQL the server refuses anyone else, migration 0017).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from kkdesk.domain import erasure as rules
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.services import audit, register_settings
from kkdesk.services.session import DeskSession
from kkdesk.store import erasure_batch as store
from kkdesk.store.unit_of_work import Session

log = logging.getLogger(__name__)

LEGAL_HOLD = store.LEGAL_HOLD
RESTRICTED = store.RESTRICTED
OPEN_ORDER = store.OPEN_ORDER
OPEN_RETURN = store.OPEN_RETURN
ERASED = store.ERASED


@dataclass
class ChunkResult:
    """What :func:`erase_many` did: the customers erased (in id order) and those skipped,
    id → (number, reasons)."""

    erased: list[store.Erased] = field(default_factory=list)
    skipped: dict[int, tuple[str, tuple[str, ...]]] = field(default_factory=dict)


def erase_many(
    session: Session,
    ds: DeskSession,
    customer_ids: Sequence[int],
    reason: str,
    *,
    today: date | None = None,
) -> ChunkResult:
    """Erase the whole customers ``customer_ids`` inside ``session`` (the caller commits;
    one chunk is one transaction), skipping and naming those who may not be erased.
    Unknown ids are ignored."""
    ds.require(Capability.ERASE)
    today = today or datetime.now(UTC).date()
    reason = rules.check_reason(reason)
    out = ChunkResult()
    found = store.lock(session, customer_ids)
    for cid, (number, erased) in found.items():
        if erased:
            out.skipped[cid] = (number, (ERASED,))
    live = [cid for cid in found if cid not in out.skipped]
    for cid, reasons in store.blockers(session, live).items():
        out.skipped[cid] = (found[cid][0], reasons)
    erasable = {cid: found[cid][0] for cid in live if cid not in out.skipped}
    if not erasable:
        return out
    info = register_settings.load(session)
    settings = store.Settings(info.financial_year_end, info.voucher_years,
                              info.letter_archive_years)  # fmt: skip
    out.erased = store.erase_customers(session, ds.user, erasable, reason, settings, today)
    audit.record_each(
        session,
        ds,
        [(e.number, f"erasure {e.reference}") for e in out.erased],
        AuditAction.ERASE,
        Purpose.SUBJECT_REQUEST,
    )
    log.info("erased %d customers in one chunk (%d skipped)", len(out.erased), len(out.skipped))
    return out
