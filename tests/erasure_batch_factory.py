"""One register, two ways of erasing the same customers: the retention run's chunked,
set-based erasure (:mod:`kkdesk.services.erasure_batch`) and the single erasure
(:func:`kkdesk.services.erasure.erase_in`) customer by customer. The tests (SQLite and
PostgreSQL) build the register once, copy it, erase one copy each way and compare every
table with :func:`dump`."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import Engine, LargeBinary, select, update

from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.levels import Level
from kkdesk.services import disclosures, erasure, erasure_batch, merge, restrictions
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from kkdesk.store.types import UtcDateTime
from tests import retention_factory
from tests.erasure_factory import rich_company, rich_person

REASON = "retention: no order or contact on or after 2024-06-15 (2 years)"
TODAY = retention_factory.TODAY

# What differs between two correct erasures of the same register: row ids (the audit rows
# and erasure records are written in another order), the random references and the times.
_REFERENCE = re.compile(r"E-[0-9A-F]{10}")
_IGNORED = {"id", "reference", "pdf"}


def build(admin: DeskSession, privacy: DeskSession, owner: DeskSession) -> dict[str, str]:
    """The retention tests' register (customers on both sides of every boundary, one of
    them already erased, held, restricted, with open orders or returns) and richer ones:
    two people with contacts' worth of values in every free text (a step correction's
    reason, a request's identity check, a lifted restriction and, for the first, a lifted
    legal hold, each naming them), a record merged into the first (its consent notes,
    holds, restriction reason and disclosure left where the merge put them), a company
    with two contact persons, a restriction of processing in force, and a disclosure that
    named two customers at once. ``owner`` writes what no service writes (the PostgreSQL owner, or
    the same admin on SQLite). Returns customer numbers by role."""
    c = retention_factory.build(admin, privacy)
    first = rich_person(admin, orders=3, privacy=privacy)
    twin = rich_person(admin, orders=0, privacy=privacy)
    merge.merge(privacy, first.number, twin.number)
    second = rich_person(admin, orders=5)
    company, _, _ = rich_company(admin)
    c |= {"rich_1": first.number, "rich_2": second.number, "company": company}
    c["restricted_table"], _ = retention_factory.old_customer(admin, "Östman")
    restrictions.restrict(privacy, c["restricted_table"], "legal_claims", "a claim pending")
    # A disclosure that named both rich people (a description naming each) and an
    # extension reason that names the first: each erasure scrubs its own values out.
    disclosures.record(
        admin, first.number,
        DisclosureDraft(kind=DisclosureKind.AUTHORITY, disclosed_on=date.today(),
                        recipient="Verohallinto", legal_basis="VML 17",
                        description="Addresses of Kivirikko Henrietta and Kivirikko Henrietta"),
    )  # fmt: skip
    with owner.db.session() as s:
        ids = dict(s.execute(select(m.Customer.number, m.Customer.id)).all())
        shared = s.scalar(select(m.Disclosure.id).where(m.Disclosure.recipient == "Verohallinto"))
        s.add(m.DisclosureCustomer(disclosure_id=shared, customer_id=ids[second.number]))
        s.execute(update(m.Disclosure).where(m.Disclosure.id == shared).values(customer_count=2))
        s.execute(
            update(m.SubjectRequest)
            .where(m.SubjectRequest.customer_id == ids[first.number])
            .values(extension_reason="Henrietta Kivirikko sent more papers")
        )
    return c


def erasable_ids(ds: DeskSession) -> list[int]:
    with ds.db.read() as s:
        return list(s.scalars(select(m.Customer.id).order_by(m.Customer.id)))


def erase_in_chunks(privacy: DeskSession, ids: list[int], size: int) -> erasure_batch.ChunkResult:
    """The batch path: ``ids`` in chunks of ``size``, one transaction each."""
    total = erasure_batch.ChunkResult()
    for i in range(0, len(ids), size):
        with privacy.db.session() as s:
            part = erasure_batch.erase_many(s, privacy, ids[i : i + size], REASON, today=TODAY)
        total.erased += part.erased
        total.skipped |= part.skipped
    return total


def erase_one_by_one(privacy: DeskSession, ids: list[int]) -> None:
    """The single erasure, customer after customer, each in its own transaction."""
    for cid in ids:
        with privacy.db.session() as s:
            erasure.erase_in(s, privacy, cid, REASON, today=TODAY)


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of kkdesk's schema, as a sorted list, without the columns
    two correct erasures may differ in (ids, references, times)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        # An order's erasure is named by the customer it erased (the ids differ).
        erased_whom = dict(
            conn.execute(select(m.ErasureRow.id, m.ErasureRow.customer_number)).all()
        )
        for table in m.Base.metadata.sorted_tables:
            cols = [
                c
                for c in table.columns
                if c.name not in _IGNORED and not isinstance(c.type, UtcDateTime | LargeBinary)
            ]
            rows = []
            for row in conn.execute(select(*cols)):
                values = []
                for col, v in zip(cols, row, strict=True):
                    if col.name == "erasure_id" and v is not None:
                        v = erased_whom[v]
                    values.append(_REFERENCE.sub("E-*", v) if isinstance(v, str) else v)
                rows.append(tuple(values))
            out[table.name] = sorted(rows, key=repr)
    return out


def as_privacy(ds: DeskSession) -> DeskSession:
    return DeskSession(ds.db, Level.PRIVACY)
