"""Tracking data-subject requests: register, list, extend, close, and archive the letters.

Every request records what was asked, when and how it arrived, how the requester's
identity was verified and by whom, and its deadline (one calendar month from receipt,
extendable once by two months with a recorded reason — GDPR Art. 12(3)). Every letter sent
for a request is archived as the exact PDF bytes with their SHA-256, so the controller can
show later what was sent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from datetime import UTC, date, datetime
from typing import Any

from kkdesk.domain.enums import AuditAction, Channel, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.subject_requests import (
    REASON_MAX,
    LetterInfo,
    RequestKind,
    RequestStatus,
    SubjectRequest,
    deadline,
)
from kkdesk.errors import FieldError, NotFound, RuleViolation, ValidationFailed
from kkdesk.services import audit
from kkdesk.services.record import jsonable
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo
from kkdesk.store import requests as store
from kkdesk.store import stamps
from kkdesk.store.models import Customer
from kkdesk.store.models import SubjectRequest as RequestRow
from kkdesk.store.requests import latest_open
from kkdesk.store.unit_of_work import Session

__all__ = [
    "add",
    "archive_letter",
    "close",
    "extend",
    "get",
    "latest_open",
    "letter_pdf",
    "list_requests",
    "record_identity",
    "record_section",
    "request_json",
    "today",
]


def today() -> date:
    return datetime.now(UTC).date()


def add(
    ds: DeskSession,
    number: str,
    kind: RequestKind | str,
    *,
    received_on: date,
    channel: Channel | str,
    identity_method: str = "",
    identity_verified_by: str = "",
    note: str = "",
    requester_name: str = "",
    requester_address: str = "",
    contact_person_id: int | None = None,
    identity_override: str = "",
) -> SubjectRequest:
    """Register a request received from customer ``number``; or, with no ``number``, from
    someone who is not a customer, by ``requester_name`` and ``requester_address`` (they
    are then answered with the "we hold no data on you" letter).

    ``contact_person_id``: a company's contact person made the request for themselves
    (their letter then holds their own data only, Art. 15(4)). ``identity_override``: why
    a full copy may go without a recorded identity check (privacy staff's decision)."""
    ds.require(Capability.SUBJECT_REPORTS)
    errors: dict[str, FieldError] = {}
    requester_name = " ".join(requester_name.split())
    requester_address = "\n".join(
        " ".join(line.split()) for line in requester_address.splitlines() if line.strip()
    )
    if not number.strip():
        if not requester_name:
            errors["requester_name"] = FieldError(
                "requester_name", "required", "a request without a customer needs a name"
            )
        if not requester_address:
            errors["requester_address"] = FieldError(
                "requester_address", "required", "a request without a customer needs an address"
            )
    if len(requester_name) > 200:
        errors["requester_name"] = FieldError("requester_name", "too_long", "is longer than 200")
    if len(requester_address) > 1000:
        errors["requester_address"] = FieldError(
            "requester_address", "too_long", "is longer than 1000"
        )
    try:
        kind = RequestKind(kind)
    except ValueError:
        errors["kind"] = FieldError("kind", "invalid", f"unknown request kind {kind!r}")
    try:
        channel = Channel(channel)
    except ValueError:
        errors["channel"] = FieldError("channel", "invalid", f"unknown channel {channel!r}")
    if received_on > today():
        errors["received_on"] = FieldError("received_on", "date_future", "is in the future")
    identity_method, verified_by, override = _identity(
        ds, identity_method, identity_verified_by, identity_override, errors
    )
    if errors:
        raise ValidationFailed(errors)
    with ds.db.session() as session:
        customer = repo.row_by_number(session, number) if number.strip() else None
        requester = _requester(session, customer, contact_person_id) if customer is not None else ""
        row = store.add_request(
            session,
            customer_id=customer.id if customer is not None else None,
            requester_name=requester_name if customer is None else "",
            requester_address=requester_address if customer is None else "",
            kind=RequestKind(kind).value,
            received_on=received_on,
            channel=Channel(channel).value,
            identity_method=identity_method,
            identity_verified_by=verified_by,
            identity_override=override,
            contact_person_id=contact_person_id,
            contact_person_name=requester,
            status=RequestStatus.OPEN.value,
            deadline=deadline(received_on),
            extension_reason="",
            note=note.strip(),
            **stamps.who_when(session, ds.user, by="created_by", at="created_at"),
        )
        audit.record(
            session, ds, customer.number if customer is not None else "", AuditAction.CREATE,
            Purpose.SUBJECT_REQUEST, f"subject request {row.id} ({row.kind})",
        )  # fmt: skip
        return store.one(session, row.id)


def _identity(
    ds: DeskSession, method: str, verified_by: str, override: str, errors: dict[str, FieldError]
) -> tuple[str, str, str]:
    """The identity check as stored: (method, who checked, override reason)."""
    method = " ".join(method.split())[:200]
    verified_by = " ".join(verified_by.split())[:100]
    override = override.strip()
    if method and override:
        errors["identity_override"] = FieldError(
            "identity_override", "identity_both",
            "give either how identity was checked or why a copy goes without a check",
        )  # fmt: skip
    if len(override) > REASON_MAX:
        errors["identity_override"] = FieldError(
            "identity_override", "too_long", f"is longer than {REASON_MAX}"
        )
    if override:
        verified_by = ds.user  # the override is the decision of whoever records it
    elif method and not verified_by:
        verified_by = ds.user
    return method, verified_by, override


def _requester(session: Session, customer: Customer, contact_person_id: int | None) -> str:
    """The name of the contact person who made a request ("" for the customer's own)."""
    if contact_person_id is None:
        return ""
    person = repo.contact_row(session, contact_person_id)
    if person is None or person.customer_id != customer.id:
        raise ValidationFailed(
            {
                "contact_person_id": FieldError(
                    "contact_person_id",
                    "not_a_contact",
                    f"customer {customer.number} has no contact person {contact_person_id}",
                )
            }
        )
    return f"{person.first_names} {person.surname}".strip()[:200]


def record_identity(
    ds: DeskSession,
    request_id: int,
    *,
    method: str = "",
    verified_by: str = "",
    override: str = "",
) -> SubjectRequest:
    """Record how the requester's identity was checked (after asking for identification,
    say), or why privacy staff let a full copy go without a check; audited."""
    ds.require(Capability.SUBJECT_REPORTS)
    errors: dict[str, FieldError] = {}
    method, verified_by, override = _identity(ds, method, verified_by, override, errors)
    if not method and not override:
        errors["identity_method"] = FieldError(
            "identity_method", "required", "say how identity was checked, or why not"
        )
    if errors:
        raise ValidationFailed(errors)
    with ds.db.session() as session:
        row = _open_row(session, request_id)
        row.identity_method = method
        row.identity_verified_by = verified_by
        row.identity_override = override
        what = "identity override" if override else "identity checked"
        audit.record(
            session, ds, store.customer_number_of(session, row), AuditAction.UPDATE,
            Purpose.SUBJECT_REQUEST, f"subject request {row.id}: {what}",
        )  # fmt: skip
        session.flush()
        return store.one(session, row.id)


def get(ds: DeskSession, request_id: int) -> SubjectRequest:
    ds.require(Capability.SUBJECT_REPORTS)
    with ds.db.session() as session:
        view = store.one(session, request_id)
        audit.record_reads(
            session, ds, [view.customer_number], Purpose.SUBJECT_REQUEST, f"request {view.id}"
        )
        return view


def list_requests(
    ds: DeskSession,
    *,
    status: RequestStatus | str | None = RequestStatus.OPEN,
    kind: RequestKind | str | None = None,
    number: str | None = None,
    already_read: Collection[str] = (),
) -> tuple[SubjectRequest, ...]:
    """Requests, the nearest deadline first (``status=None``: every status).

    Every customer listed is an audited read, except those in ``already_read``: a list
    shown again after the user's own change records reads only of customers it did not
    show before (issue 12: a refresh is not a new read)."""
    ds.require(Capability.SUBJECT_REPORTS)
    wanted_status = RequestStatus(status) if status is not None else None
    wanted_kind = RequestKind(kind) if kind is not None else None
    with ds.db.session() as session:
        customer_id = repo.row_by_number(session, number).id if number is not None else None
        views = tuple(
            store.listed(session, status=wanted_status, kind=wanted_kind, customer_id=customer_id)
        )
        # Every customer named in the list is a read of their data.
        audit.record_reads(
            session, ds, [v.customer_number for v in views
                          if v.customer_number not in already_read],
            Purpose.SUBJECT_REQUEST, "request list",
        )  # fmt: skip
        return views


def _open_row(session: Session, request_id: int) -> RequestRow:
    row = store.row_for_update(session, request_id)
    if row is None:
        raise NotFound(
            f"There is no request {request_id}.", code="request_not_found", id=request_id
        )
    if row.status != RequestStatus.OPEN.value:
        raise RuleViolation(
            f"Request {request_id} is already closed.", code="request_closed", id=request_id
        )
    return row


def extend(ds: DeskSession, request_id: int, reason: str) -> SubjectRequest:
    """Extend the deadline by two months (Art. 12(3)); once, and only with a reason."""
    ds.require(Capability.SUBJECT_REPORTS)
    reason = reason.strip()
    if not reason:
        raise ValidationFailed(
            {"reason": FieldError("reason", "required", "an extension needs a reason")}
        )
    if len(reason) > REASON_MAX:
        raise ValidationFailed(
            {"reason": FieldError("reason", "too_long", f"is longer than {REASON_MAX}")}
        )
    with ds.db.session() as session:
        row = _open_row(session, request_id)
        if row.extension_reason:
            raise RuleViolation(
                f"Request {request_id} has already been extended.",
                code="request_already_extended",
                id=request_id,
            )
        if today() > row.deadline:
            raise RuleViolation(
                "The deadline has passed: an extension must be made within the first month.",
                code="request_extension_late",
                id=request_id,
            )
        row.extension_reason = reason
        row.deadline = deadline(row.received_on, extended=True)
        audit.record(
            session, ds, store.customer_number_of(session, row), AuditAction.UPDATE,
            Purpose.SUBJECT_REQUEST, f"subject request {row.id} extended",
        )  # fmt: skip
        session.flush()
        return store.one(session, row.id)


def close(
    ds: DeskSession,
    request_id: int,
    *,
    status: RequestStatus | str = RequestStatus.DONE,
    note: str = "",
    closed_on: date | None = None,
) -> SubjectRequest:
    """Close a request as done or refused (a refusal needs its reason in ``note``)."""
    ds.require(Capability.SUBJECT_REPORTS)
    status = RequestStatus(status)
    if status is RequestStatus.OPEN:
        raise RuleViolation("A request is closed as done or refused.", code="request_status")
    if status is RequestStatus.REFUSED and not note.strip():
        raise ValidationFailed({"note": FieldError("note", "required", "a refusal needs a reason")})
    with ds.db.session() as session:
        row = _open_row(session, request_id)
        row.status = status.value
        row.closed_on = closed_on or today()
        if note.strip():
            row.note = f"{row.note}\n{note.strip()}".strip()
        audit.record(
            session, ds, store.customer_number_of(session, row), AuditAction.UPDATE,
            Purpose.SUBJECT_REQUEST, f"subject request {row.id} {status.value}",
        )  # fmt: skip
        session.flush()
        return store.one(session, row.id)


def archive_letter(
    session: Session,
    ds: DeskSession,
    request_id: int | None,
    pdf: bytes,
    *,
    pages: int,
    language: str,
    sha256: str | None = None,
    kind: str = "access",
    customer_id: int | None = None,
    addressee: str = "",
) -> LetterInfo:
    """Keep the exact bytes of a letter sent for a request, with their SHA-256 (``sha256``:
    already computed by the caller). ``kind`` says which letter (a LetterKind value); a
    notice that answers no request (Art. 14) names its ``customer_id`` instead, and one
    sent to someone else than the data subject (Art. 19) its ``addressee``."""
    return store.archive_letter(
        session, ds.user, request_id, pdf, pages=pages, language=language, sha256=sha256,
        kind=kind, customer_id=customer_id, addressee=addressee,
    )  # fmt: skip


def letter_pdf(ds: DeskSession, letter_id: int) -> bytes:
    """The archived bytes of a letter, checked against their recorded hash."""
    ds.require(Capability.SUBJECT_REPORTS)
    with ds.db.read() as session:
        row = store.letter_row(session, letter_id)
        if row is None:
            raise NotFound(f"There is no letter {letter_id}.", code="letter_not_found")
        pdf = bytes(row.pdf)
        if hashlib.sha256(pdf).hexdigest() != row.sha256:
            raise RuleViolation(
                f"Letter {letter_id} does not match its recorded hash.", code="letter_corrupt"
            )
        return pdf


def request_json(r: SubjectRequest) -> dict[str, Any]:
    out: dict[str, Any] = jsonable(
        {
            "id": r.id,
            "kind": r.kind.value,
            "received_on": r.received_on,
            "channel": r.channel.value,
            "identity_method": r.identity_method,
            "identity_verified_by": r.identity_verified_by,
            "identity_override": r.identity_override,
            "contact_person_id": r.contact_person_id,
            "contact_person_name": r.contact_person_name,
            "status": r.status.value,
            "deadline": r.deadline,
            "extension_reason": r.extension_reason,
            "closed_on": r.closed_on,
            "note": r.note,
            "created_by": r.created_by,
            "created_at": r.created_at,
            "letters": [
                {
                    "id": letter.id,
                    "created_at": letter.created_at,
                    "created_by": letter.created_by,
                    "language": letter.language,
                    "sha256": letter.sha256,
                    "pages": letter.pages,
                    "kind": letter.kind,
                    "addressee": letter.addressee,
                    "sent_on": letter.sent_on,
                    "sent_via": letter.sent_via,
                    "sent_recorded_by": letter.sent_recorded_by,
                }
                for letter in r.letters
            ],
        }
    )
    if r.requester_name:
        out["requester_name"] = r.requester_name
        out["requester_address"] = r.requester_address
    return out


def record_section(session: Session, row: Customer) -> tuple[str, Any]:
    """The ``requests`` section of ``kkdesk customer show --json``."""
    return "requests", [request_json(r) for r in store.of_customer(session, row.id)]
