"""Data-subject requests and their archived letters in the register: the queries behind
:mod:`kkdesk.services.requests` (which holds the rules, the checks and the audit).

Requests come back as :class:`~kkdesk.domain.subject_requests.SubjectRequest` with their
letters; times are aware UTC (the columns are :class:`~kkdesk.store.types.UtcDateTime`).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Table, insert, select
from sqlalchemy.orm import Session

from kkdesk.domain.customer import display_name
from kkdesk.domain.enums import Channel
from kkdesk.domain.subject_requests import (
    LetterInfo,
    RequestKind,
    RequestStatus,
    SubjectRequest,
)
from kkdesk.errors import NotFound
from kkdesk.store import stamps
from kkdesk.store.models import Customer, LetterSending, RequestLetter
from kkdesk.store.models import SubjectRequest as RequestRow


def letters_of(session: Session, request_ids: list[int]) -> dict[int, list[LetterInfo]]:
    out: dict[int, list[LetterInfo]] = {}
    if not request_ids:
        return out
    rows = session.execute(
        select(
            RequestLetter.id,
            RequestLetter.request_id,
            RequestLetter.created_at,
            RequestLetter.created_by,
            RequestLetter.language,
            RequestLetter.sha256,
            RequestLetter.pages,
            RequestLetter.kind,
            RequestLetter.addressee,
            LetterSending.sent_on,
            LetterSending.via,
            LetterSending.recorded_by,
        )
        .outerjoin(LetterSending, LetterSending.letter_id == RequestLetter.id)
        .where(RequestLetter.request_id.in_(request_ids))
        .order_by(RequestLetter.id)
    ).all()
    for lid, rid, at, by, lang, sha, pages, kind, to, sent_on, via, rec_by in rows:
        if rid is None:
            continue
        out.setdefault(rid, []).append(
            LetterInfo(lid, at, by, lang, sha, pages, kind, to, sent_on, via or "", rec_by or "")
        )
    return out


def views(session: Session, rows: list[tuple[RequestRow, Customer | None]]) -> list[SubjectRequest]:
    letters = letters_of(session, [r.id for r, _ in rows])
    return [
        SubjectRequest(
            id=r.id,
            customer_number=c.number if c is not None and c.erased_at is None else "",
            customer_name=(
                display_name(c.type, c.surname, c.first_names, c.company_name)
                if c is not None and c.erased_at is None
                else r.requester_name
            ),
            kind=RequestKind(r.kind),
            received_on=r.received_on,
            channel=Channel(r.channel),
            identity_method=r.identity_method,
            identity_verified_by=r.identity_verified_by,
            status=RequestStatus(r.status),
            deadline=r.deadline,
            extension_reason=r.extension_reason,
            closed_on=r.closed_on,
            note=r.note,
            created_by=r.created_by,
            created_at=r.created_at,
            letters=tuple(letters.get(r.id, ())),
            requester_name=r.requester_name,
            requester_address=r.requester_address,
            identity_override=r.identity_override or "",
            contact_person_id=r.contact_person_id,
            contact_person_name=r.contact_person_name or "",
        )
        for r, c in rows
    ]


def _query() -> Any:
    return select(RequestRow, Customer).outerjoin(Customer, Customer.id == RequestRow.customer_id)


def one(session: Session, request_id: int) -> SubjectRequest:
    row = session.execute(_query().where(RequestRow.id == request_id)).first()
    if row is None:
        raise NotFound(
            f"There is no request {request_id}.", code="request_not_found", id=request_id
        )
    return views(session, [(row[0], row[1])])[0]


def listed(
    session: Session,
    *,
    status: RequestStatus | None,
    kind: RequestKind | None,
    customer_id: int | None,
) -> list[SubjectRequest]:
    """Requests of ``status`` and ``kind`` (None: any), of one customer if given, the
    nearest deadline first."""
    query = _query()
    if status is not None:
        query = query.where(RequestRow.status == status.value)
    if kind is not None:
        query = query.where(RequestRow.kind == kind.value)
    if customer_id is not None:
        query = query.where(RequestRow.customer_id == customer_id)
    rows = session.execute(query.order_by(RequestRow.deadline, RequestRow.id)).all()
    return views(session, [(r, c) for r, c in rows])


def of_customer(session: Session, customer_id: int) -> list[SubjectRequest]:
    """A customer's requests, the latest received first."""
    rows = session.execute(
        _query()
        .where(RequestRow.customer_id == customer_id)
        .order_by(RequestRow.received_on.desc(), RequestRow.id.desc())
    ).all()
    return views(session, [(a, b) for a, b in rows])


def add_request(session: Session, **values: Any) -> RequestRow:
    """Insert a request row of ``values`` (the model's columns); flushed, so it has its id."""
    row = RequestRow(**values)
    session.add(row)
    session.flush()
    return row


def request_row(session: Session, request_id: int) -> RequestRow | None:
    return session.get(RequestRow, request_id)


def row_for_update(session: Session, request_id: int) -> RequestRow | None:
    """The request row, locked for the rest of the unit of work (PostgreSQL)."""
    return session.get(RequestRow, request_id, with_for_update=True)


def customer_number_of(session: Session, row: RequestRow) -> str:
    """The number of the request's customer ("" for a non-customer's request)."""
    if row.customer_id is None:
        return ""
    return session.scalar(select(Customer.number).where(Customer.id == row.customer_id)) or ""


def latest_open(session: Session, customer_id: int, kind: RequestKind) -> RequestRow | None:
    """The customer's most recent open request of ``kind``, if any."""
    return session.scalars(
        select(RequestRow)
        .where(
            RequestRow.customer_id == customer_id,
            RequestRow.kind == kind.value,
            RequestRow.status == RequestStatus.OPEN.value,
        )
        .order_by(RequestRow.received_on.desc(), RequestRow.id.desc())
        .limit(1)
    ).first()


_LETTERS: Table = RequestLetter.__table__  # type: ignore[assignment]  # declarative: a Table
_ARCHIVE = insert(_LETTERS)
_ARCHIVE_STAMPED = _ARCHIVE.returning(_LETTERS.c.id, _LETTERS.c.created_at, _LETTERS.c.created_by)


def archive_letter(
    session: Session,
    created_by: str,
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
    created_at = datetime.now(UTC)
    sha256 = sha256 or hashlib.sha256(pdf).hexdigest()
    values = {
        "kind": kind,
        "customer_id": customer_id,
        "addressee": addressee[:200],
        "request_id": request_id,
        **stamps.who_when(session, created_by, by="created_by", at="created_at", now=created_at),
        "language": language,
        "sha256": sha256,
        "pages": pages,
        "pdf": pdf,
    }
    # A Core insert of a statement compiled once: a batch archives a thousand letters, and
    # an ORM object flushed one at a time cost each of them a millisecond.
    if "created_at" in values:  # written by kkdesk (SQLite)
        done = cast(CursorResult[Any], session.execute(_ARCHIVE, values))
        (letter_id,) = done.inserted_primary_key or (None,)
    else:  # written by the server: read back in the same round trip
        letter_id, created_at, created_by = session.execute(_ARCHIVE_STAMPED, values).one()
    if letter_id is None:  # not expected: the id is an integer primary key
        raise RuntimeError(f"The letter archived on request {request_id} got no id.")
    return LetterInfo(
        int(letter_id), created_at, created_by, language, sha256, pages, kind, addressee[:200]
    )


def letter_row(session: Session, letter_id: int) -> RequestLetter | None:
    return session.get(RequestLetter, letter_id)


def close_done(session: Session, request_id: int, on: date) -> None:
    """Close request ``request_id`` as done on ``on`` (an erasure that answered it)."""
    row = row_for_update(session, request_id)
    if row is not None and row.status == "open":
        row.status = "done"
        row.closed_on = on
        session.flush()
