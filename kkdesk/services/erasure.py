"""Erasing a person's data (GDPR Art. 17), and legal holds that prevent it.

:func:`erase_in` erases inside the caller's unit of work (the retention run erases many
customers, each in its own); :func:`erase` is the desk's and the command line's whole use
case: it erases, and when the erasure answers a request, archives the outcome letter on
the request and closes it.

What is blanked comes from the data catalogue; what is kept and for how long from the
register's settings (:mod:`kkdesk.domain.erasure` says what and why). Only the privacy
level erases: the desk refuses other levels early, and on PostgreSQL the server refuses
them whatever the client does (migration 0017).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, date, datetime
from functools import partial

from kkdesk.domain import erasure as rules
from kkdesk.domain.catalogue import Table
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.erasure import ErasureRecord, ErasureResult, KeptOrder, LegalHoldState
from kkdesk.domain.letters import LetterKind
from kkdesk.domain.levels import Capability
from kkdesk.domain.retention import order_kept_until
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.errors import NotFound, RuleViolation
from kkdesk.reports.step_data import StepLetter
from kkdesk.services import audit, register_settings, requests, step_letters
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo
from kkdesk.store import erasure as store
from kkdesk.store import requests as request_store
from kkdesk.store import restrictions as restriction_store
from kkdesk.store.models import Customer
from kkdesk.store.unit_of_work import Session

log = logging.getLogger(__name__)

__all__ = [
    "check",
    "erase",
    "erase_in",
    "erasures",
    "legal_hold",
    "legal_hold_state",
    "open_request_id",
    "set_legal_hold",
]

_CUSTOMER_PERSONAL = rules.erased_fields(Table.CUSTOMER)


def _today() -> date:
    return datetime.now(UTC).date()


def erase_in(
    session: Session,
    ds: DeskSession,
    customer_id: int,
    reason: str,
    *,
    request_id: int | None = None,
    contact_person_id: int | None = None,
    today: date | None = None,
) -> ErasureResult:
    """Erase customer ``customer_id`` (or only its contact person ``contact_person_id``)
    inside ``session``; the caller commits. Refuses (a :class:`RuleViolation`, nothing
    changed) an erased or unknown customer, a restriction of processing in force, a legal
    hold, and, for a whole customer, an open order or return."""
    ds.require(Capability.ERASE)
    today = today or _today()
    reason = rules.check_reason(reason)
    row = store.customer_row(session, customer_id)
    _refuse(session, row, customer_id, contact_person_id)
    assert row is not None  # an unknown customer was refused
    number = row.number
    whole = contact_person_id is None
    if request_id is not None:
        _check_request(session, request_id, customer_id, number)

    info = register_settings.load(session)
    personal = store.personal_rows(session, customer_id, contact_person_id, _CUSTOMER_PERSONAL)
    values = [v for p in personal for v in rules.personal_strings(p)]
    scrub = partial(rules.scrub, values=values)
    emails = [str(p.get("email", "")).strip().casefold() for p in personal]
    phones = [str(p.get(k) or "") for p in personal for k in ("phone_home", "phone_work",
                                                               "phone_mobile")]  # fmt: skip

    orders = store.orders_of(session, customer_id) if whole else []
    kept = tuple(
        KeptOrder(number=n, ordered_on=at.date(), total_cents=total,
                  kept_until=order_kept_until(at.date(), info.financial_year_end,
                                             info.voucher_years))
        for _, n, at, total in orders
    )  # fmt: skip
    letters = [*store.letter_dates(session, customer_id, contact_person_id), today]
    erasure_row = store.add_erasure(
        session,
        ds.user,
        reference=rules.new_reference(),
        customer_id=customer_id,
        customer_number=number,
        contact_person_id=contact_person_id,
        request_id=request_id,
        reason=scrub(reason),
        orders_kept=len(kept),
        orders_kept_until=max((k.kept_until for k in kept), default=None),
        orders_removed=0,
        suppressions_kept=store.suppressions_on(session, emails, phones),
        letters_kept=len(letters) - 1,
        letters_kept_until=rules.letters_kept_until(letters, info.letter_archive_years),
    )
    at = store.now_or_server(session)
    changed: dict[str, int] = {}
    # The customer and, for a whole erasure, the records merged into it (the same person).
    ids = [customer_id, *store.merged_ids(session, customer_id)] if whole else [customer_id]
    if whole:
        changed["customer_order"] = store.unlink_orders(session, customer_id, erasure_row.id)
        changed["order_return"] = store.scrub_returns(session, erasure_row.id, scrub)
        changed["order_correction"] = store.scrub_corrections(session, erasure_row.id, scrub)
        changed["legal_hold"] = store.erase_legal_holds(session, ids)
        changed["processing_restriction"] = store.erase_restriction_reasons(session, ids)
    changed["consent_event"] = store.erase_consent_events(session, ids, contact_person_id, at)
    changed["personal_data_change"] = store.erase_changes(session, customer_id, contact_person_id)
    changed["subject_request"] = store.erase_requests(
        session, customer_id, contact_person_id, scrub
    )
    changed["disclosure"] = store.erase_disclosures(session, ids, whole, scrub)
    changed["search_word"] = store.drop_search_words(session, customer_id, contact_person_id)
    changed["contact_person"] = store.erase_contacts(
        session, customer_id, contact_person_id, rules.erased_values(Table.CONTACT_PERSON), at
    )
    if whole:
        store.erase_customer(session, row, rules.erased_values(Table.CUSTOMER), ds.user, at)
        changed["customer"] = 1
    else:
        # The company's search words without the erased contact person's name.
        session.expire(row, ["contacts"])
        repo.index_words(session, row)
    detail = f"erasure {erasure_row.reference}" + (
        f" of contact person {contact_person_id}" if not whole else ""
    )
    audit.record(session, ds, number, AuditAction.ERASE, Purpose.SUBJECT_REQUEST, detail)
    log.info("erased customer %s (%s)", number, erasure_row.reference)
    fields = rules.erased_fields(Table.CUSTOMER) if whole else ()
    if changed["contact_person"]:
        fields += rules.erased_fields(Table.CONTACT_PERSON)
    return ErasureResult(
        record=store.to_record(erasure_row),
        kept_orders=kept,
        changed=tuple(sorted(changed.items())),
        fields=fields,
    )


def _refuse(
    session: Session, row: Customer | None, customer_id: int, contact_person_id: int | None
) -> None:
    """Raise why customer ``row`` (or its contact person) may not be erased now: unknown
    or erased, no such contact person, a restriction of processing, a legal hold, and for
    a whole customer an open order or return."""
    if row is None or row.erased_at is not None:
        raise NotFound(
            f"No customer with id {customer_id} to erase.", code="customer_not_found",
            number=row.number if row is not None else str(customer_id),
        )  # fmt: skip
    number = row.number
    whole = contact_person_id is None
    if not whole and not any(
        c.id == contact_person_id and c.erased_at is None for c in row.contacts
    ):
        raise NotFound(
            f"Customer {number} has no contact person {contact_person_id}.",
            code="contact_not_found",
            number=number,
            id=contact_person_id,
        )
    rules.check_erasable(
        number,
        open_orders=store.open_orders(session, customer_id) if whole else (),
        open_returns=store.open_returns(session, customer_id) if whole else (),
        legal_hold=store.legal_hold_active(session, customer_id),
        restricted=restriction_store.is_restricted(session, customer_id),
    )


def check(ds: DeskSession, number: str, *, contact_person_id: int | None = None) -> None:
    """Raise the refusal an erasure of customer ``number`` (or of its contact person)
    would meet now, changing nothing: the desk and the command line ask their questions
    only about an erasure that can go ahead."""
    ds.require(Capability.ERASE)
    with ds.db.read() as session:
        customer_id = store.customer_id_of(session, number)
        if customer_id is None:
            raise NotFound(
                f"No customer with number {number}.", code="customer_not_found", number=number
            )
        row = store.customer_row(session, customer_id, lock=False)
        _refuse(session, row, customer_id, contact_person_id)


def _check_request(session: Session, request_id: int, customer_id: int, number: str) -> None:
    if store.request_of(session, request_id) != (customer_id, "erasure"):
        raise RuleViolation(
            f"Request {request_id} is no erasure request of customer {number}.",
            code="erase_wrong_request",
            number=number,
            request_id=request_id,
        )


def erase(
    ds: DeskSession,
    number: str,
    reason: str,
    *,
    request_id: int | None = None,
    contact_person_id: int | None = None,
    today: date | None = None,
    letter: bool = True,
) -> ErasureResult:
    """Erase customer ``number`` (or one of its contact persons) in one transaction, with
    its outcome letter (Art. 17, 12(3)): addressed from the data as it was before the
    erasure, archived on request ``request_id`` (which is then closed as done) or, without
    a request, on the customer. ``letter=False``: no letter (an erasure at the end of the
    retention period tells nobody)."""
    ds.require(Capability.ERASE)
    today = today or _today()
    with ds.db.session() as session:
        customer_id = store.customer_id_of(session, number)
        if customer_id is None:
            raise NotFound(
                f"No customer with number {number}.", code="customer_not_found", number=number
            )
        made = (
            _letter_base(session, customer_id, contact_person_id, request_id, today)
            if letter
            else None
        )
        result = erase_in(
            session,
            ds,
            customer_id,
            reason,
            request_id=request_id,
            contact_person_id=contact_person_id,
            today=today,
        )
        if made is None:
            return result
        data = replace(made, erasure=result)
        rendered = step_letters.render_step_letter(data)
        archived = requests.archive_letter(
            session, ds, request_id, rendered.pdf, pages=rendered.pages,
            language=data.language.value, kind=LetterKind.ERASURE.value,
            customer_id=customer_id if request_id is None else None,
        )  # fmt: skip
        if request_id is not None:
            request_store.close_done(session, request_id, today)
            audit.record(
                session, ds, number, AuditAction.UPDATE, Purpose.SUBJECT_REQUEST,
                f"subject request {request_id} done",
            )  # fmt: skip
        return replace(result, letter_id=archived.id, letter_pages=rendered.pages)


def _letter_base(
    session: Session,
    customer_id: int,
    contact_person_id: int | None,
    request_id: int | None,
    today: date,
) -> StepLetter:
    """The outcome letter's data but the outcome, read before the address is erased."""
    row = repo.row_by_id(session, customer_id)
    if row is None or row.erased_at is not None:
        raise NotFound("No customer to erase.", code="customer_not_found", number="")
    view = repo.to_view(session, row)
    info = register_settings.load(session)
    recipient = step_letters.recipient_lines(view)
    if contact_person_id is not None:
        person = next((c for c in view.contacts if c.id == contact_person_id), None)
        if person is not None:
            name = f"{person.first_names} {person.surname}".strip()
            postal = recipient[len(recipient) - step_letters.recipient_keep(view) :]
            head = (view.company_name, name) if view.company_name else (name,)
            recipient = (*head, *postal)
    base = StepLetter(
        kind=LetterKind.ERASURE,
        language=view.language,
        letter_date=today,
        register=info,
        recipient=recipient,
        reference=str(request_id) if request_id is not None else "",
        customer_number=view.number,
        contact_person_id=contact_person_id,
    )
    if request_id is not None:
        request = request_store.request_row(session, request_id)
        if request is not None:
            base = replace(
                base, request_kind=RequestKind(request.kind), received_on=request.received_on
            )
    return base


def erasures(ds: DeskSession, number: str) -> list[ErasureRecord]:
    """The erasures recorded for customer ``number`` (privacy only)."""
    ds.require(Capability.ERASE)
    with ds.db.read() as session:
        customer_id = store.customer_id_of(session, number)
        return [] if customer_id is None else store.erasures_of(session, customer_id)


def open_request_id(ds: DeskSession, number: str) -> int | None:
    """The customer's open erasure request the erasure answers, if there is one."""
    ds.require(Capability.ERASE)
    with ds.db.read() as session:
        customer_id = store.customer_id_of(session, number)
        if customer_id is None:
            return None
        row = requests.latest_open(session, customer_id, RequestKind.ERASURE)
        return row.id if row is not None else None


def legal_hold(ds: DeskSession, number: str) -> bool:
    with ds.db.read() as session:
        customer_id = store.customer_id_of(session, number)
        return customer_id is not None and store.legal_hold_active(session, customer_id)


def legal_hold_state(ds: DeskSession, number: str) -> LegalHoldState:
    """Customer ``number``'s legal hold with its reason (privacy only: the reason may
    name the person, and on PostgreSQL only privacy reads it)."""
    ds.require(Capability.ERASE)
    with ds.db.read() as session:
        row = repo.row_by_number(session, number)
        latest = store.latest_legal_hold(session, row.id)
        if latest is None:
            return LegalHoldState(number=row.number, active=False)
        return LegalHoldState(
            number=row.number,
            active=latest.active,
            reason=latest.reason,
            recorded_by=latest.recorded_by,
            recorded_at=latest.recorded_at,
        )


def set_legal_hold(ds: DeskSession, number: str, active: bool, reason: str) -> None:
    """Put customer ``number`` under a legal hold or lift it (privacy only; audited)."""
    ds.require(Capability.ERASE)
    reason = " ".join(reason.split())
    if active and not reason:
        raise RuleViolation("A legal hold needs a reason.", code="legal_hold_reason_required")
    with ds.db.session() as session:
        row = repo.row_by_number(session, number, for_update=True)
        if store.legal_hold_active(session, row.id) == active:
            return
        store.add_legal_hold(session, row.id, active, reason[: rules.REASON_MAX], ds.user)
        audit.record(
            session, ds, row.number, AuditAction.UPDATE, Purpose.ADMINISTRATION,
            "legal hold set" if active else "legal hold lifted",
        )  # fmt: skip
