"""Storage of the order steps a clerk records and of their corrections.

The step values live in their own rows (``delivery``, ``order_return``); what this module
adds is the append-only ``order_correction`` table (migration 0012): reading the
corrections of a page of orders as domain dataclasses, and adding one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kkdesk.domain.orders import OrderStep, StepCorrection
from kkdesk.store import models as m
from kkdesk.store.database import in_parts


def corrections_of(session: Session, order_ids: Iterable[int]) -> dict[int, list[StepCorrection]]:
    """The corrections of the orders ``order_ids`` by order id, oldest first. One query
    per few hundred orders (the timeline pages a hundred at a time)."""
    c, r = m.OrderCorrection, m.Return
    out: dict[int, list[StepCorrection]] = defaultdict(list)
    for part in in_parts(list(order_ids)):
        rows = session.execute(
            select(c.order_id, c.id, c.step, c.delivery_id, r.number, c.old_at, c.new_at,
                   c.old_cents, c.new_cents, c.reason, c.recorded_by, c.recorded_at)
            .outerjoin(r, r.id == c.return_id)
            .where(c.order_id.in_(part))
            .order_by(c.order_id, c.id)
        )  # fmt: skip
        for row in rows:
            out[row.order_id].append(
                StepCorrection(
                    id=row.id,
                    step=OrderStep(row.step),
                    delivery_id=row.delivery_id,
                    return_number=row.number or "",
                    old_at=row.old_at,
                    new_at=row.new_at,
                    old_cents=row.old_cents,
                    new_cents=row.new_cents,
                    reason=row.reason,
                    recorded_by=row.recorded_by,
                    recorded_at=row.recorded_at,
                )
            )
    return out


def add_correction(
    session: Session,
    *,
    order_id: int,
    step: OrderStep,
    delivery_id: int | None,
    return_id: int | None,
    old_at: datetime | None,
    new_at: datetime | None,
    old_cents: int | None,
    new_cents: int | None,
    reason: str,
    recorded_by: str,
    recorded_at: datetime,
) -> int:
    """Add one correction row in the caller's unit of work; its id. On PostgreSQL the
    server writes ``recorded_by`` and ``recorded_at`` itself (migration 0012)."""
    row = m.OrderCorrection(
        order_id=order_id,
        step=step.value,
        delivery_id=delivery_id,
        return_id=return_id,
        old_at=old_at,
        new_at=new_at,
        old_cents=old_cents,
        new_cents=new_cents,
        reason=reason,
        recorded_by=recorded_by,
        recorded_at=recorded_at,
    )
    session.add(row)
    session.flush()
    return row.id
