"""The subject-access letter (GDPR Art. 15): gathering, rendering, archiving, auditing.

:func:`collect` reads everything the letter prints in one unit of work — the customer's
basic data and contact persons, orders with deliveries and returns, the consent history,
the change history with sources, the recorded disclosures and the access log — and
:func:`generate` renders it, archives the PDF on the request it answers, and audits that
the report was made. Rendering runs outside any database transaction: a long letter never
holds a lock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kkdesk.config import Preferences
from kkdesk.domain.enums import AuditAction, Language, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.register_info import RegisterInfo
from kkdesk.domain.subject_requests import RequestKind, RequestStatus
from kkdesk.errors import NotFound, RuleViolation
from kkdesk.reports import batch
from kkdesk.reports.access_letter import render_access_letter
from kkdesk.reports.data import AccessEntry, AccessLetter, DisclosureEntry, RenderedPdf
from kkdesk.services import audit, consents, disclosures, orders, register_settings, requests
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo
from kkdesk.store.models import AuditEvent, Customer
from kkdesk.store.models import SubjectRequest as RequestRow


@dataclass(frozen=True)
class GeneratedLetter:
    customer_number: str
    request_id: int | None
    language: Language
    pdf: bytes
    pages: int
    sha256: str
    letter_id: int | None  # the archived copy, if the letter answers a request


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _access_log(session: Session, number: str, name_staff: bool) -> tuple[AccessEntry, ...]:
    rows = session.execute(
        select(AuditEvent.at, AuditEvent.action, AuditEvent.purpose, AuditEvent.actor,
               AuditEvent.detail)
        .where(AuditEvent.customer_number == number)
        .order_by(AuditEvent.at, AuditEvent.id)
    ).all()  # fmt: skip
    return tuple(
        AccessEntry(_aware(at), action, purpose, actor if name_staff else "", detail)
        for at, action, purpose, actor, detail in rows
    )


def collect(
    session: Session,
    row: Customer,
    *,
    language: Language | None = None,
    request: RequestRow | None = None,
    letter_date: date | None = None,
    name_staff: bool = False,
    info: RegisterInfo | None = None,
) -> AccessLetter:
    """Everything the letter prints, read inside the caller's unit of work."""
    customer = repo.to_view(session, row)
    events = tuple(e for person in consents.persons_of(session, row) for e in person.history)
    disclosed = tuple(
        DisclosureEntry(d.disclosed_at, d.recipient, d.kind.value, d.purpose, d.legal_basis,
                        d.description)
        for d in disclosures.of_customer_row(session, row.id)
    )  # fmt: skip
    return AccessLetter(
        language=language or customer.language,
        letter_date=letter_date or requests.today(),
        register=info or register_settings.load(session),
        customer=customer,
        reference=str(request.id) if request is not None else "",
        received_on=request.received_on if request is not None else None,
        orders=orders.orders_of_customer_id(session, row.id),
        consent_events=events,
        changes=repo.history(session, row.id),
        disclosures=disclosed,
        access_log=_access_log(session, row.number, name_staff),
        name_staff=name_staff,
    )


def _request_row(session: Session, request_id: int) -> RequestRow:
    row = session.get(RequestRow, request_id)
    if row is None:
        raise NotFound(
            f"There is no request {request_id}.", code="request_not_found", id=request_id
        )
    return row


def _customer_of(session: Session, number: str | None, request: RequestRow | None) -> Customer:
    if number:
        row = repo.row_by_number(session, number)
        if request is not None and request.customer_id != row.id:
            raise RuleViolation(
                f"Request {request.id} is not from customer {number}.",
                code="request_other_customer",
                id=request.id,
                number=number,
            )
        return row
    if request is None or request.customer_id is None:
        raise RuleViolation(
            "Name a customer or a request of a customer.", code="request_no_customer"
        )
    found = session.get(Customer, request.customer_id)
    if found is None or found.erased_at is not None:
        raise NotFound("The request's customer has been erased.",
                                code="customer_not_found", number="")  # fmt: skip
    return found


def build(
    ds: DeskSession,
    number: str | None,
    *,
    request_id: int | None = None,
    language: Language | str | None = None,
    name_staff: bool | None = None,
    letter_date: date | None = None,
) -> AccessLetter:
    """The letter's data for customer ``number`` (or the customer of ``request_id``).

    Without ``request_id`` the customer's latest open access request is answered, if any.
    ``name_staff`` defaults to the preference ``letters_name_staff``.
    """
    ds.require(Capability.SUBJECT_REPORTS)
    if name_staff is None:
        name_staff = Preferences.load().letters_name_staff
    with ds.db.read() as session:
        request = _request_row(session, request_id) if request_id is not None else None
        row = _customer_of(session, number, request)
        if request is None:
            request = requests.latest_open(session, row.id, RequestKind.ACCESS)
        return collect(
            session,
            row,
            language=Language(language) if language else None,
            request=request,
            letter_date=letter_date,
            name_staff=name_staff,
        )


def _file(ds: DeskSession, data: AccessLetter, rendered: RenderedPdf) -> GeneratedLetter:
    """Archive the letter on its request (if it answers one) and audit the report."""
    sha = hashlib.sha256(rendered.pdf).hexdigest()
    request_id = int(data.reference) if data.reference else None
    letter_id = None
    with ds.db.session() as session:
        if request_id is not None:
            info = requests.archive_letter(
                session, ds, request_id, rendered.pdf, pages=rendered.pages,
                language=data.language.value,
            )  # fmt: skip
            letter_id = info.id
        detail = f"access letter {data.language.value}, {rendered.pages} pages, sha256 {sha[:16]}"
        if request_id is not None:
            detail = f"request {request_id}: {detail}"
        audit.record(session, ds, data.customer.number, AuditAction.REPORT,
                     Purpose.SUBJECT_REQUEST, detail)  # fmt: skip
    return GeneratedLetter(
        data.customer.number, request_id, data.language, rendered.pdf, rendered.pages, sha,
        letter_id,
    )  # fmt: skip


def generate(
    ds: DeskSession,
    number: str | None,
    *,
    request_id: int | None = None,
    language: Language | str | None = None,
    name_staff: bool | None = None,
    letter_date: date | None = None,
    invariant: bool = False,
) -> GeneratedLetter:
    """Render the letter, archive it on its request, and audit its generation."""
    data = build(ds, number, request_id=request_id, language=language, name_staff=name_staff,
                 letter_date=letter_date)  # fmt: skip
    return _file(ds, data, render_access_letter(data, invariant=invariant))


def preview(
    ds: DeskSession,
    number: str,
    *,
    language: Language | str | None = None,
    name_staff: bool | None = None,
) -> RenderedPdf:
    """The letter as it would print, neither archived nor counted as sent (the data read
    for it is still audited as a read for a subject request)."""
    data = build(ds, number, language=language, name_staff=name_staff)
    rendered = render_access_letter(data)
    with ds.db.session() as session:
        audit.record(session, ds, data.customer.number, AuditAction.READ,
                     Purpose.SUBJECT_REQUEST, "access letter preview")  # fmt: skip
    return rendered


def generate_open(
    ds: DeskSession,
    *,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    name_staff: bool | None = None,
) -> list[GeneratedLetter]:
    """A letter for every open access request whose customer is still on the register,
    the nearest deadline first; each archived on its request and audited."""
    ds.require(Capability.SUBJECT_REPORTS)
    if name_staff is None:
        name_staff = Preferences.load().letters_name_staff
    with ds.db.read() as session:
        info = register_settings.load(session)
        pairs = session.execute(
            select(RequestRow, Customer)
            .join(Customer, Customer.id == RequestRow.customer_id)
            .where(
                RequestRow.kind == RequestKind.ACCESS.value,
                RequestRow.status == RequestStatus.OPEN.value,
                Customer.erased_at.is_(None),
            )
            .order_by(RequestRow.deadline, RequestRow.id)
        ).all()
        datas = [
            collect(session, customer, request=req, name_staff=name_staff, info=info)
            for req, customer in pairs
        ]
    out: list[GeneratedLetter] = []
    for data, rendered in zip(
        datas, batch.render_many(datas, workers=workers, progress=progress), strict=True
    ):
        out.append(_file(ds, data, rendered))
    return out
