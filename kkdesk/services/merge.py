"""Merging two records of one person into one (privacy or admin staff; irreversible).

:func:`preview` shows both records, the field groups that differ (with the default
choice), how prohibitions and consents combine and what will move; :func:`merge` does it
in one transaction: the merge record first (on PostgreSQL the server allows the moves only
inside a recorded merge), then orders, change history, subject requests, their letters and
disclosures move to the kept record, the kept record takes the chosen values (each change
in its history with the source of the value it took), the merged-away record is blanked
and marked (its number stays an alias of the kept record's), and the kept record gets a
consent event wherever the combined state differs from its own (the rules are in
:mod:`kkdesk.domain.duplicates`). Both numbers' audit trails say so.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from kkdesk.domain import customer as dc
from kkdesk.domain import duplicates as dup
from kkdesk.domain.consent import ConsentEvent, ConsentState, derive, email_key
from kkdesk.domain.enums import AuditAction, CustomerType, DataSource, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.validation import validate_customer
from kkdesk.errors import NotFound
from kkdesk.services import audit, consents, customers
from kkdesk.services.session import DeskSession
from kkdesk.store import consents as consent_store
from kkdesk.store import customers as repo
from kkdesk.store import locks, stamps
from kkdesk.store import merge as store
from kkdesk.store import restrictions as restriction_store
from kkdesk.store.merge import MergeRow
from kkdesk.store.models import Customer
from kkdesk.store.unit_of_work import Session

__all__ = ["MergePreview", "MergeResult", "MergeRow", "history", "merge", "preview"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MergePreview:
    """Both records side by side and what merging them would do."""

    kept: dc.Customer
    other: dc.Customer
    differences: tuple[dup.Difference, ...]
    consent_changes: tuple[dup.ConsentChange, ...]
    to_move: dict[str, int]


@dataclass(frozen=True)
class MergeResult:
    kept: dc.Customer
    merged_number: str
    taken: dict[str, dup.Side]
    moved: dict[str, int]
    consent_events: tuple[ConsentEvent, ...]


def _values(view: dc.Customer) -> dict[str, object]:
    return {name: getattr(view, name) for name in dup.FIELDS}


def _party(session: Session, row: Customer) -> dup.Party:
    return dup.Party(
        row.number,
        row.type,
        row.erased_at is not None,
        row.merged_into is not None,
        restriction_store.is_restricted(session, row.id),
    )


def _rows(
    session: Session, kept_number: str, other_number: str, *, lock: bool
) -> tuple[Customer, Customer]:
    """Both rows by their own numbers, locked in id order on PostgreSQL (no deadlock
    between two merges of the same pair), after the refusal rules."""
    found: dict[str, Customer] = {}
    for number in sorted({kept_number.strip(), other_number.strip()}):
        row = store.row_exact(session, number)
        if row is None:
            raise NotFound(
                f"No customer with number {number}.", code="customer_not_found", number=number
            )
        found[number] = row
    kept, other = found[kept_number.strip()], found[other_number.strip()]
    if lock:
        for row in sorted({kept.id: kept, other.id: other}.values(), key=lambda r: r.id):
            session.refresh(row, with_for_update=True)
    refused = dup.refusal(_party(session, kept), _party(session, other))
    if refused is not None:
        raise refused
    return kept, other


def _state(session: Session, customer_id: int) -> ConsentState:
    return derive(consent_store.events(session, customer_id, None))


def preview(ds: DeskSession, kept_number: str, other_number: str) -> MergePreview:
    """What merging ``other_number`` into ``kept_number`` would do; changes nothing."""
    ds.require(Capability.MERGE_CUSTOMERS)
    with ds.db.read() as session:
        kept, other = _rows(session, kept_number, other_number, lock=False)
        kept_view, other_view = repo.to_view(session, kept), repo.to_view(session, other)
        return MergePreview(
            kept_view,
            other_view,
            dup.differences(_values(kept_view), _values(other_view)),
            dup.consent_changes(_state(session, kept.id), _state(session, other.id)),
            store.to_move(session, other.id, kept.id),
        )


def _source(
    field: str,
    side: dup.Side,
    kept_sources: Mapping[str, DataSource],
    other_sources: Mapping[str, DataSource],
) -> DataSource:
    """Where the value the kept record takes came from: its own record's source for it
    (the latest change's; see :func:`kkdesk.store.customers.latest_sources`)."""
    first, second = (
        (other_sources, kept_sources) if side is dup.Side.OTHER else (kept_sources, other_sources)
    )
    found = first.get(field) or second.get(field)
    if found is not None:
        return found
    # A value stored without history (loaded outside kkdesk): the person, as for any
    # record a clerk keys in, is the likeliest source and triggers no Art. 14 notice.
    return DataSource.CUSTOMER_IN_PERSON


def merge(
    ds: DeskSession,
    kept_number: str,
    other_number: str,
    choices: Mapping[str, dup.Side | str] | None = None,
    *,
    expected_versions: tuple[int, int] | None = None,
) -> MergeResult:
    """Merge ``other_number`` into ``kept_number`` (see the module's docstring).

    ``choices`` names a side per differing field group (the defaults otherwise);
    ``expected_versions`` are the versions the user saw, and a merge after either record
    changed is refused (:class:`StaleEdit`). Refusals change nothing."""
    ds.require(Capability.MERGE_CUSTOMERS)
    sides = dup.check_choices(choices or {})
    now = datetime.now(UTC)
    today = consents.today()
    with ds.db.session() as session:
        if ds.db.is_sqlite:
            # The register's write lock before anything is read (kkdesk.store.locks).
            locks.lock_customer(session, consents.CONSENT_LOCK_SPACE, 0)
        kept, other = _rows(session, kept_number, other_number, lock=not ds.db.is_sqlite)
        if expected_versions is not None and (kept.version, other.version) != expected_versions:
            changed = kept if kept.version != expected_versions[0] else other
            raise customers.stale_error(changed)
        if not ds.db.is_sqlite:
            for cid in sorted((kept.id, other.id)):
                locks.lock_customer(session, consents.CONSENT_LOCK_SPACE, cid)
        kept_view, other_view = repo.to_view(session, kept), repo.to_view(session, other)
        values, taken = dup.merged_values(_values(kept_view), _values(other_view), sides)
        draft = replace(
            kept_view.to_draft(),
            **values,  # type: ignore[arg-type]
            customer_since=dup.customer_since(kept.customer_since, other.customer_since),
        )
        clean = validate_customer(draft, customers.today())
        changes = dup.consent_changes(_state(session, kept.id), _state(session, other.id))
        kept_sources = repo.latest_sources(session, kept.id)
        other_sources = repo.latest_sources(session, other.id)
        planned = store.to_move(session, other.id, kept.id)

        store.record(
            session,
            kept=kept,
            other=other,
            choices={name: side.value for name, side in taken.items()},
            moved=planned,
            actor=ds.user,
            now=now,
        )
        moved = store.move(session, other.id, kept.id)
        if moved != planned:  # both rows are locked: nothing can come between
            log.error("merge of %s into %s moved %s, planned %s", other.number, kept.number,
                      moved, planned)  # fmt: skip
        detail = f"merge of {other.number} into {kept.number}"
        _write_fields(session, ds, kept, clean, taken, kept_sources, other_sources, detail, now)
        store.mark_merged(session, other, kept.id, ds.user, now)
        events = _write_consents(session, ds, kept, other.number, changes, today)
        for number in (kept.number, other.number):
            audit.record(session, ds, number, AuditAction.MERGE, Purpose.ADMINISTRATION, detail)
        session.flush()
        if not ds.db.is_sqlite:
            session.refresh(kept, attribute_names=["updated_at", "updated_by", "version"])
        view = repo.to_view(session, kept)
    log.info("customer %s merged into %s", other_number, kept_number)
    return MergeResult(view, other_view.number, taken, moved, events)


def _write_fields(
    session: Session,
    ds: DeskSession,
    kept: Customer,
    clean: dc.CustomerDraft,
    taken: Mapping[str, dup.Side],
    kept_sources: Mapping[str, DataSource],
    other_sources: Mapping[str, DataSource],
    detail: str,
    now: datetime,
) -> None:
    """The kept record takes the chosen values; each change goes into its history with
    the source of the value taken."""
    side_of = {f: taken.get(g.name, dup.Side.KEPT) for g in dup.GROUPS for f in g.fields}
    for name in (*dc.TRACKED_FIELDS, "extra"):
        old = getattr(kept, name)
        new = getattr(clean, name)
        if name == "extra":
            new = json.dumps(new, ensure_ascii=False, sort_keys=True)
        if customers.stored_text(old) == customers.stored_text(new):
            continue
        source = _source(name, side_of.get(name, dup.Side.KEPT), kept_sources, other_sources)
        customers.record_change(session, ds, kept.id, name, old, new, source, detail, now)
    customers.apply_draft(kept, clean)
    kept.customer_since = clean.customer_since or kept.customer_since
    kept.type = CustomerType.PERSON.value
    stamps.touch(session, kept, ds.user, by="updated_by", at="updated_at", now=now)
    session.flush()
    repo.index_words(session, kept)


def _write_consents(
    session: Session,
    ds: DeskSession,
    kept: Customer,
    other_number: str,
    changes: tuple[dup.ConsentChange, ...],
    today: date,
) -> tuple[ConsentEvent, ...]:
    """The kept record's new events, after its keys changed (on PostgreSQL the server
    writes the suppression entries of each; on SQLite kkdesk does, by the same rules)."""
    keys = consents.Keys(
        email_key(kept.email_key),
        tuple(sorted({p for p in (kept.phone_home, kept.phone_work, kept.phone_mobile) if p})),
    )
    out: list[ConsentEvent] = []
    for change in changes:
        history = consent_store.events(session, kept.id, None)
        before = derive(history)
        latest = max((e.received_on for e in history if e.item is change.item), default=today)
        evidence = dup.change_evidence(
            change,
            kept_number=kept.number,
            other_number=other_number,
            received_on=max(today, latest),
        )
        event = consent_store.add_event(
            session,
            customer_id=kept.id,
            contact_person_id=None,
            item=change.item,
            state=change.value,
            received_on=evidence.received_on,
            channel=evidence.channel,
            document_ref=evidence.document_ref,
            note=evidence.note,
            recorded_by=ds.user,
            recorded_at=datetime.now(UTC),
        )
        if ds.db.is_sqlite:
            after = derive(consent_store.events(session, kept.id, None))
            consents.update_suppression(
                session, ds, keys, before, after, event.id, event.recorded_at
            )
        out.append(event)
    return tuple(out)


def history(ds: DeskSession, number: str) -> tuple[MergeRow, ...]:
    """The merges of the customer ``number`` (or of the record it was merged into)."""
    ds.require(Capability.READ_CUSTOMERS)
    with ds.db.read() as session:
        row = repo.row_by_number(session, number)
        own = store.merges_of(session, row.id)
        merged_away = store.merged_numbers(session, row.id)
        # Records merged into one that was later merged into this one: their merges too.
        for alias in merged_away:
            found = store.row_exact(session, alias)
            if found is not None:
                own += tuple(m for m in store.merges_of(session, found.id) if m not in own)
        return tuple(sorted(own, key=lambda m: m.merged_at))
