"""The retention run's chunked erasure on a real migrated SQLite register: erasing a set of
customers in chunks leaves every table exactly as erasing them one by one with the single
erasure does; blocked customers are skipped with their reasons; only privacy erases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied
from kkdesk.services import erasure_batch
from kkdesk.services.session import DeskSession, open_session
from kkdesk.store import models as m
from tests import erasure_batch_factory as f


def copy_register(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


@pytest.mark.parametrize("size", [1000, 3])
def test_chunks_leave_what_erasing_one_by_one_leaves(
    ds: DeskSession, db_path: Path, tmp_path: Path, size: int
) -> None:
    numbers = f.build(ds, f.as_privacy(ds), ds)
    ids = f.erasable_ids(ds)
    copy = tmp_path / "copy.sqlite3"
    copy_register(db_path, copy)
    other = open_session(str(copy), level=Level.PRIVACY)
    try:
        before = f.dump(ds.db.engine)
        result = f.erase_in_chunks(f.as_privacy(ds), ids, size)
        assert {n for n, _ in result.skipped.values()} == {
            numbers[k]
            for k in ("kept_open_order", "kept_open_return", "kept_restricted",
                      "kept_legal_hold", "kept_erased", "restricted_table",
                      "kept_order_day_after")
        }  # fmt: skip
        erased_ids = [e.customer_id for e in result.erased]
        assert len(erased_ids) == len(ids) - len(result.skipped) >= 10
        f.erase_one_by_one(other, erased_ids)
        batch, single = f.dump(ds.db.engine), f.dump(other.db.engine)
        assert batch != before
        for table in single:
            assert batch[table] == single[table], table
    finally:
        other.close()


def test_skipped_customers_carry_their_reasons(ds: DeskSession) -> None:
    numbers = f.build(ds, f.as_privacy(ds), ds)
    result = f.erase_in_chunks(f.as_privacy(ds), f.erasable_ids(ds), 1000)
    reasons = {number: why for number, why in result.skipped.values()}
    assert reasons[numbers["kept_legal_hold"]] == (erasure_batch.LEGAL_HOLD,)
    assert reasons[numbers["kept_restricted"]] == (erasure_batch.RESTRICTED,)
    assert reasons[numbers["restricted_table"]] == (erasure_batch.RESTRICTED,)
    assert reasons[numbers["kept_open_order"]] == (erasure_batch.OPEN_ORDER,)
    assert reasons[numbers["kept_open_return"]] == (erasure_batch.OPEN_RETURN,)
    assert reasons[numbers["kept_erased"]] == (erasure_batch.ERASED,)
    with ds.db.read() as s:
        left = set(s.scalars(select(m.Customer.number).where(m.Customer.erased_at.is_(None))))
        records = s.scalar(select(func.count()).select_from(m.ErasureRow))
    assert left == {n for n, why in reasons.items() if why != (erasure_batch.ERASED,)}
    assert records == len(result.erased) + 1  # and the one erased before


def test_only_privacy_erases_a_chunk(ds: DeskSession) -> None:
    f.build(ds, f.as_privacy(ds), ds)
    with pytest.raises(PermissionDenied), ds.db.session() as s:
        erasure_batch.erase_many(s, ds, f.erasable_ids(ds), f.REASON)
    with ds.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.ErasureRow)) == 1
