"""Restrictions of processing (GDPR Art. 18) in the register: the queries behind
:mod:`kkdesk.services.restrictions`, and the check every refusing service makes.

On the central database the server refuses what a restriction forbids itself (migration
0019); :func:`refuse_if_restricted` gives the embedded register the same refusal with the
same code, before anything is written. Both probe the partial unique index of the
restrictions in force.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Exists, event, exists, insert, select, update
from sqlalchemy.orm import Session

from kkdesk.domain.restriction import (
    NO_NOTICE_CODE,
    REFUSED_CODE,
    Refused,
    Restriction,
    RestrictionGround,
)
from kkdesk.errors import RuleViolation
from kkdesk.store import stamps
from kkdesk.store.models import (
    Customer,
    Order,
    ProcessingRestriction,
    RequestLetter,
    SubjectRequest,
)

R = ProcessingRestriction
LIFT_LETTER_KIND = "restriction_lift"  # LetterKind.RESTRICTION_LIFT (request_letter.kind)


def in_force_clause(customer_id: Any) -> Exists:
    """``EXISTS`` a restriction in force of the customer ``customer_id`` (a column or a
    value), for a select list or a WHERE."""
    # The id, not "*": an offline copy's authorizer checks every column a query names.
    return exists(select(R.id).where(R.customer_id == customer_id, R.lifted_at.is_(None)))


def is_restricted(session: Session | Connection, customer_id: int) -> bool:
    return bool(session.execute(select(in_force_clause(customer_id))).scalar())


def restricted_among(session: Session | Connection, customer_ids: Iterable[int]) -> set[int]:
    """Which of ``customer_ids`` are restricted now. Restrictions in force are few (a
    handful in a register of a million), so all of them are read and intersected: no
    parameter list as long as a 100,000-line import."""
    ids = set(customer_ids)
    if not ids:
        return set()
    rows = session.execute(select(R.customer_id).where(R.lifted_at.is_(None))).scalars()
    return ids.intersection(rows)


def refused(number: str, what: Refused) -> RuleViolation:
    return RuleViolation(
        f"Customer {number} is under a restriction of processing (GDPR Art. 18): "
        f"{what.value} refused.",
        code=REFUSED_CODE,
        number=number,
        what=what.value,
    )


def refuse_if_restricted(session: Session, customer: Customer, what: Refused) -> None:
    """Raise the restriction's refusal if ``customer`` is restricted now (the embedded
    register's enforcement; on the central database the server raises the same code)."""
    if is_restricted(session, customer.id):
        raise refused(customer.number, what)


def _view(row: ProcessingRestriction, number: str) -> Restriction:
    return Restriction(
        id=row.id,
        number=number,
        ground=RestrictionGround(row.ground),
        reason=row.reason,
        request_id=row.request_id,
        started_at=row.started_at,
        started_by=row.started_by,
        lifted_at=row.lifted_at,
        lifted_by=row.lifted_by or "",
        notice_letter_id=row.notice_letter_id,
    )


def history(session: Session, customer: Customer) -> tuple[Restriction, ...]:
    """Every restriction of the customer, newest first."""
    rows = session.scalars(
        select(R).where(R.customer_id == customer.id).order_by(R.started_at.desc(), R.id.desc())
    ).all()
    return tuple(_view(r, customer.number) for r in rows)


def in_force(session: Session, customer: Customer) -> ProcessingRestriction | None:
    return in_force_of(session, customer.id)


def since_of(session: Session, customer_id: int) -> datetime | None:
    """When the customer's restriction in force started (None: none is in force). Reads
    only the columns every level may read, also in an offline copy."""
    return session.execute(
        select(R.started_at).where(R.customer_id == customer_id, R.lifted_at.is_(None))
    ).scalar_one_or_none()


def in_force_of(session: Session, customer_id: int) -> ProcessingRestriction | None:
    return session.scalars(
        select(R).where(R.customer_id == customer_id, R.lifted_at.is_(None))
    ).one_or_none()


def view(row: ProcessingRestriction, number: str) -> Restriction:
    return _view(row, number)


def start(
    session: Session,
    customer: Customer,
    *,
    ground: RestrictionGround,
    reason: str,
    request_id: int | None,
    user: str,
) -> ProcessingRestriction:
    """Insert a restriction in force (the caller checked there is none)."""
    values = {
        "customer_id": customer.id,
        "ground": ground.value,
        "reason": reason,
        "request_id": request_id,
        **stamps.who_when(session, user, by="started_by", at="started_at"),
    }
    new_id = session.execute(insert(R).values(**values).returning(R.id)).scalar_one()
    row = session.get(R, new_id, populate_existing=True)
    assert row is not None
    return row


def notice_fits(session: Session, row: ProcessingRestriction, letter_id: int | None) -> bool:
    """Is ``letter_id`` an Art. 18(3) notice to the person of ``row``'s customer, made
    after the restriction started? (The server's own check on PostgreSQL, 0019.)"""
    if letter_id is None:
        return False
    letter = session.get(RequestLetter, letter_id)
    if letter is None or letter.kind != LIFT_LETTER_KIND or letter.addressee:
        return False
    owner = letter.customer_id
    if owner is None and letter.request_id is not None:
        request = session.get(SubjectRequest, letter.request_id)
        owner = request.customer_id if request is not None else None
    return owner == row.customer_id and letter.created_at >= row.started_at


def lift(session: Session, row: ProcessingRestriction, letter_id: int | None, user: str) -> None:
    """Lift ``row`` naming its notice letter. The embedded register checks the notice here;
    the central database's trigger checks it again and writes who and when itself."""
    if session.get_bind().dialect.name == "sqlite" and not notice_fits(session, row, letter_id):
        raise RuleViolation(
            f"Restriction {row.id} is lifted only after the person was sent its notice "
            "(GDPR Art. 18(3)).",
            code=NO_NOTICE_CODE,
            id=row.id,
        )
    values: dict[str, object] = {"notice_letter_id": letter_id}
    if session.get_bind().dialect.name == "sqlite":
        values |= {"lifted_at": datetime.now(UTC), "lifted_by": user}
    session.execute(update(R).where(R.id == row.id).values(**values))
    session.refresh(row)


@event.listens_for(Order, "before_insert")
def _refuse_new_order(_mapper: object, connection: Connection, target: Order) -> None:
    """No new order for a restricted customer, whichever code adds it through the ORM.
    The central database's trigger refuses any INSERT (0019); this is the embedded
    register's line (it has no service of its own that takes orders yet)."""
    if connection.dialect.name != "sqlite" or target.customer_id is None:
        return
    if connection.execute(select(in_force_clause(target.customer_id))).scalar():
        number = connection.execute(
            select(Customer.number).where(Customer.id == target.customer_id)
        ).scalar_one()
        raise refused(str(number), Refused.ORDER)
