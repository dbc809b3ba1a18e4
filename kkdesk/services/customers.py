"""Customer use cases: search, open (audited), create, update with optimistic locking.

Every write validates the whole draft first (:func:`validate_customer`), so invalid data is
never stored, and records each changed field with its source in the change history
(register description, section 6). A save based on an outdated version is refused with
who changed the record and when; nothing is silently overwritten.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from kkdesk.domain import customer as dc
from kkdesk.domain.enums import AuditAction, CustomerType, DataSource, Purpose
from kkdesk.domain.levels import Capability, Level
from kkdesk.domain.restriction import Refused
from kkdesk.domain.search import CheckDigitProblem, check_digit_problem, customer_number, name_keys
from kkdesk.domain.validation import validate_customer
from kkdesk.errors import KnownError, StaleEdit
from kkdesk.services import audit
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo
from kkdesk.store import restrictions, stamps
from kkdesk.store.customers import SearchCursor, SearchPage
from kkdesk.store.models import ContactPerson, Customer, PersonalDataChange
from kkdesk.store.security import MARKETING_CUSTOMER_COLUMNS
from kkdesk.store.unit_of_work import Session

__all__ = [
    "SearchCursor",
    "SearchPage",
    "create",
    "find_duplicates",
    "get",
    "history",
    "search",
    "update",
]


_CHECK_DIGIT_MESSAGES = {
    CheckDigitProblem.CUSTOMER_NUMBER: "{} is not a valid customer number: its check digit "
    "(the last digit) is wrong. Check the number.",
    CheckDigitProblem.BUSINESS_ID: "{} is not a valid business ID: its check digit (after "
    "the dash) is wrong. Check the ID.",
    CheckDigitProblem.CUSTOMER_NUMBER_OR_BUSINESS_ID: "{} is neither a valid customer number "
    "nor a valid business ID: the check digit (the last digit) is wrong. Check the number.",
}


def search(
    ds: DeskSession,
    text: str,
    *,
    after: SearchCursor | None = None,
    limit: int = 50,
    purpose: Purpose | str = Purpose.CUSTOMER_SERVICE,
) -> SearchPage:
    """A page of search hits. Every customer shown is a read of their data (name, address,
    contact channels): the page is audited with ``purpose``, one row per customer, in one
    insert in the same transaction. Opening a record is a separate, audited read.

    A customer number or business ID with a wrong check digit raises a
    :class:`KnownError` (code ``check_digit``, params ``text`` and ``kind``) that says so,
    instead of finding nothing: such a text has no other reading.
    """
    problem = check_digit_problem(text)
    if problem is not None:
        shown = " ".join(text.split())
        raise KnownError(
            _CHECK_DIGIT_MESSAGES[problem].format(shown),
            code="check_digit",
            text=shown,
            kind=problem.value,
        )
    detail = "search result"
    if not ds.db.is_sqlite and repo.single_statement(text):
        # One statement reads the page and records its reads: one round trip, no BEGIN
        # or COMMIT (it is its own transaction).
        with ds.db.statement_connection() as conn:
            return repo.search(
                conn,
                text,
                after=after,
                limit=limit,
                audit_read=audit.read_values(purpose, detail),
            )
    with ds.db.write_connection() as conn:
        page = repo.search(conn, text, after=after, limit=limit)
        numbers = [r.number for r in page.rows] + list(page.damaged)
        audit.record_reads(conn, ds, numbers, purpose, detail)
        return page


def get(ds: DeskSession, number: str, *, purpose: Purpose | str) -> dc.Customer:
    """Open a customer's record; the read is audited with its purpose."""
    ds.require(Capability.READ_CUSTOMERS)
    columns = readable_columns(ds)
    if not ds.db.is_sqlite and columns is None:
        # One statement reads the record with its contact persons and sources and records
        # the read: one round trip, no BEGIN or COMMIT.
        with ds.db.statement_session() as session:
            read = audit.read_values(purpose)
            opened = repo.opened_row(session, number, audit_read=read)
            return repo.to_view(session, opened.row, sources=opened.sources)
    with ds.db.session(pipelined=True) as session:
        opened = repo.opened_row(session, number, columns=columns)
        row = opened.row
        view = repo.to_view(session, row, sources=opened.sources)
        audit.record(session, ds, row.number, AuditAction.READ, purpose)
        return view


def readable_columns(ds: DeskSession) -> tuple[str, ...] | None:
    """The customer columns the user's level may read, or None for all of them. Marketing
    reads names, addresses and contact channels only (the database grants just those)."""
    return MARKETING_CUSTOMER_COLUMNS if ds.level is Level.MARKETING else None


def history(ds: DeskSession, number: str) -> tuple[dc.FieldChange, ...]:
    with ds.db.read() as session:
        row = repo.row_by_number(session, number)
        return repo.history(session, row.id)


def today() -> date:
    return datetime.now(UTC).date()


def _value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _apply(row: Customer, draft: dc.CustomerDraft) -> None:
    for name in dc.TRACKED_FIELDS:
        value = getattr(draft, name)
        setattr(row, name, value if name == "birth_date" else _value(value))
    row.type = draft.type.value
    row.extra = json.dumps(draft.extra, ensure_ascii=False, sort_keys=True)
    row.name_key, row.name_key_rev = name_keys(draft.surname, draft.first_names, draft.company_name)
    row.email_key = draft.email.casefold()


def _apply_contact(row: ContactPerson, draft: dc.ContactPersonDraft) -> None:
    for name in dc.CONTACT_TRACKED_FIELDS:
        setattr(row, name, getattr(draft, name))
    row.name_key, row.name_key_rev = name_keys(draft.surname, draft.first_names, "")
    row.email_key = draft.email.casefold()


def _change(
    session: Session,
    ds: DeskSession,
    customer_id: int,
    field: str,
    old: object,
    new: object,
    source: DataSource,
    detail: str,
    now: datetime,
    contact_id: int | None = None,
    into: list[dict[str, object]] | None = None,
) -> None:
    """One row of the change history: added to the session, or to ``into`` (written by
    one INSERT later, see repo.add_changes)."""
    values: dict[str, object] = {
        "customer_id": customer_id,
        "contact_person_id": contact_id,
        "field": field,
        "old_value": _value(old),
        "new_value": _value(new),
        "source": source.value,
        "source_detail": detail,
        **stamps.who_when(session, ds.user, by="changed_by", at="changed_at", now=now),
    }
    if into is None:
        session.add(PersonalDataChange(**values))
    else:
        into.append(values)


def create(
    ds: DeskSession,
    draft: dc.CustomerDraft,
    *,
    source: DataSource,
    source_detail: str = "",
    purpose: Purpose | str = Purpose.CUSTOMER_SERVICE,
) -> dc.Customer:
    """Validate and store a new customer; every given field is recorded with its source,
    and the creation audited with ``purpose``."""
    ds.require(Capability.EDIT_CUSTOMERS)
    clean = validate_customer(draft, today())
    now = datetime.now(UTC)
    with ds.db.session() as session:
        row = Customer(
            number="",
            customer_since=clean.customer_since or now.date(),
            **stamps.who_when(session, ds.user, by="created_by", at="created_at", now=now),
            **stamps.who_when(session, ds.user, by="updated_by", at="updated_at", now=now),
        )
        _apply(row, clean)
        session.add(row)
        session.flush()  # the id makes the customer number
        if ds.db.is_sqlite:
            row.number = customer_number(row.id)
        else:
            # The server gave it at INSERT (the same number; it never changes afterwards).
            session.refresh(
                row,
                attribute_names=[
                    "number", "version", "created_at", "created_by", "updated_at", "updated_by"
                ],
            )  # fmt: skip
        for name in dc.TRACKED_FIELDS:
            value = getattr(clean, name)
            if _value(value) and name != "language":
                _change(session, ds, row.id, name, "", value, source, source_detail, now)
        for contact in clean.contacts:
            _add_contact(session, ds, row, contact, source, source_detail, now)
        session.flush()  # the contact persons' ids make their search words
        repo.index_words(session, row)
        audit.record(session, ds, row.number, AuditAction.CREATE, purpose)
        session.flush()
        return repo.to_view(session, row)


def _add_contact(
    session: Session,
    ds: DeskSession,
    row: Customer,
    draft: dc.ContactPersonDraft,
    source: DataSource,
    detail: str,
    now: datetime,
) -> None:
    contact = ContactPerson(customer_id=row.id)
    _apply_contact(contact, draft)
    row.contacts.append(contact)
    session.flush()
    for name in dc.CONTACT_TRACKED_FIELDS:
        value = getattr(draft, name)
        if value:
            _change(session, ds, row.id, name, "", value, source, detail, now, contact.id)


def update(
    ds: DeskSession,
    number: str,
    draft: dc.CustomerDraft,
    *,
    expected_version: int,
    source: DataSource,
    source_detail: str = "",
    purpose: Purpose | str = Purpose.CUSTOMER_SERVICE,
) -> dc.Customer:
    """Store a changed customer if nobody else saved it since ``expected_version``; the
    change is audited with ``purpose``.

    Raises :class:`StaleEdit` (params ``changed_by``, ``changed_at``) otherwise; the
    caller keeps the user's draft to reapply.
    """
    ds.require(Capability.EDIT_CUSTOMERS)
    clean = validate_customer(draft, today())
    now = datetime.now(UTC)
    with ds.db.session(pipelined=True) as session:
        # One statement reads and locks the row (PostgreSQL), with its contact persons,
        # the fields' sources and the time the server will stamp this save with.
        opened = repo.opened_row(session, number, for_update=not ds.db.is_sqlite)
        row = opened.row
        # Art. 18: a restricted customer is only stored (the central database refuses the
        # UPDATE itself, migration 0019; the embedded register refuses it here).
        if ds.db.is_sqlite:
            restrictions.refuse_if_restricted(session, row, Refused.EDIT)
        if row.version != expected_version:
            raise _stale(row)
        if CustomerType(row.type) is not clean.type:
            from kkdesk.errors import RuleViolation

            raise RuleViolation(
                "A customer's type cannot be changed; create a new customer instead.",
                code="type_change",
            )
        # The row is locked and its version checked: the writes below go to the server
        # with the COMMIT, not one by one (PostgreSQL; see Database.write_behind).
        ds.db.write_behind(session)
        changes: list[dict[str, object]] = []
        changed = False
        for name in dc.TRACKED_FIELDS:
            old, new = getattr(row, name), getattr(clean, name)
            if _value(old) != _value(new):
                _change(
                    session, ds, row.id, name, old, new, source, source_detail, now,
                    None, changes,
                )  # fmt: skip
                changed = True
        new_extra = json.dumps(clean.extra, ensure_ascii=False, sort_keys=True)
        if new_extra != row.extra:
            _change(
                session, ds, row.id, "extra", row.extra, new_extra, source, source_detail, now,
                None, changes,
            )  # fmt: skip
            changed = True
        changed |= _update_contacts(
            session, ds, row, clean.contacts, source, source_detail, now, changes
        )
        if changed:
            _apply(row, clean)
            stamps.touch(session, row, ds.user, by="updated_by", at="updated_at", now=now)
            audit.record(session, ds, row.number, AuditAction.UPDATE, purpose)
        repo.add_changes(session, changes)
        session.flush()  # the version check: a concurrent writer makes this raise StaleEdit
        if changed:
            repo.index_words(session, row)
        sources = opened.sources
        if changed and not ds.db.is_sqlite:
            # What the server stamps the row with is known without reading it back: the
            # transaction's time (read with the row) and this session's database user.
            stamps.server_stamped(
                session, row, by="updated_by", at="updated_at", user=opened.tx_user,
                when=opened.tx_time,
            )  # fmt: skip
        if sources is not None:
            # The history rows just written are the fields' newest sources.
            for c in changes:
                contact = c["contact_person_id"]
                key = repo.source_key(
                    str(c["field"]), contact if isinstance(contact, int) else None
                )
                sources[key] = source
            if any(c.id is None for c in clean.contacts):
                sources = None  # a new contact person's history went through the ORM
        return repo.to_view(session, row, sources=sources)


def _update_contacts(
    session: Session,
    ds: DeskSession,
    row: Customer,
    drafts: tuple[dc.ContactPersonDraft, ...],
    source: DataSource,
    detail: str,
    now: datetime,
    into: list[dict[str, object]] | None = None,
) -> bool:
    changed = False
    existing = {c.id: c for c in row.contacts}
    kept = {d.id for d in drafts if d.id is not None}
    for contact_id, contact in existing.items():
        if contact_id not in kept:
            for name in dc.CONTACT_TRACKED_FIELDS:
                old = getattr(contact, name)
                if old:
                    _change(
                        session, ds, row.id, name, old, "", source, detail, now, contact_id, into
                    )
            row.contacts.remove(contact)
            changed = True
    for draft in drafts:
        if draft.id is None:
            _add_contact(session, ds, row, draft, source, detail, now)
            changed = True
            continue
        current = existing.get(draft.id)
        if current is None:
            raise _stale(row)
        for name in dc.CONTACT_TRACKED_FIELDS:
            old, new = getattr(current, name), getattr(draft, name)
            if old != new:
                _change(session, ds, row.id, name, old, new, source, detail, now, current.id, into)
                changed = True
        _apply_contact(current, draft)
    return changed


def _stale(row: Customer) -> StaleEdit:
    when = row.updated_at
    return StaleEdit(
        f"The record was changed by {row.updated_by} at {when:%Y-%m-%d %H:%M} UTC "
        "after you opened it.",
        changed_by=row.updated_by,
        changed_at=when,
        version=row.version,
    )


def find_duplicates(ds: DeskSession, draft: dc.CustomerDraft) -> tuple[dc.CustomerSummary, ...]:
    """Customers that may be the same party: same name and birth date, e-mail or phone."""
    key, _ = name_keys(draft.surname, draft.first_names, draft.company_name)
    phones = {p for p in (draft.phone_home, draft.phone_work, draft.phone_mobile) if p}
    if (
        not (key and draft.birth_date is not None)
        and not phones
        and not draft.email
        and not (draft.type is CustomerType.COMPANY and draft.business_id)
    ):
        return ()
    with ds.db.read() as session:
        return repo.duplicate_summaries(
            session,
            name_key=key,
            birth_date=draft.birth_date,
            business_id=draft.business_id if draft.type is CustomerType.COMPANY else "",
            email_key=draft.email.casefold(),
            phones=phones,
        )


def count(ds: DeskSession) -> int:
    with ds.db.read() as session:
        return repo.count(session)


# For the merge of two records (kkdesk.services.merge), which writes a customer the same way.
apply_draft = _apply
record_change = _change
stale_error = _stale
stored_text = _value
