"""The retention run's chunked erasure on the real server, as the privacy level: one
register, cloned; its customers erased in chunks on one copy and one by one through the
single erasure on the other; every table (the server's own audit rows of each changed row
included, read as the owner past row-level security) ends the same."""

from __future__ import annotations

from typing import Any

import pytest

from kkdesk.domain.levels import Level
from kkdesk.errors import KnownError
from kkdesk.services import erasure_batch
from kkdesk.services.session import DeskSession
from tests import erasure_batch_factory as f
from tests.integration.pgserver import _create_db, _drop_db

pytestmark = pytest.mark.postgres


def test_chunks_on_postgres_leave_what_erasing_one_by_one_leaves(
    pg_db: Any, pg_server: Any
) -> None:
    owner = pg_db.session()
    privacy_user = pg_db.add_user(Level.PRIVACY)
    numbers = f.build(owner, pg_db.session(privacy_user), owner)
    ids = f.erasable_ids(owner)
    pg_db.close()  # a template may have no one connected
    copy = _create_db(pg_server, template=pg_db.name)
    try:
        batch_side, single_side = pg_db.session(privacy_user), copy.session(privacy_user)
        before = f.dump(pg_db.owner_db().engine)
        result = f.erase_in_chunks(batch_side, ids, 4)
        assert {n for n, _ in result.skipped.values()} == {
            numbers[k]
            for k in ("kept_open_order", "kept_open_return", "kept_restricted",
                      "kept_legal_hold", "kept_erased", "restricted_table",
                      "kept_order_day_after")
        }  # fmt: skip
        erased = [e.customer_id for e in result.erased]
        assert len(erased) >= 10
        f.erase_one_by_one(single_side, erased)
        batch, single = f.dump(pg_db.owner_db().engine), f.dump(copy.owner_db().engine)
        assert batch != before
        assert len(batch["audit_event"]) > len(before["audit_event"]) + len(erased)
        for table in single:
            assert batch[table] == single[table], table
    finally:
        _drop_db(copy)


def test_only_privacy_erases_a_chunk_on_the_server(pg_db: Any) -> None:
    """An administrator's session that claims the privacy level is refused by the server:
    nothing of the chunk is erased."""
    owner = pg_db.session()
    numbers = f.build(owner, pg_db.session(pg_db.add_user(Level.PRIVACY)), owner)
    admin = pg_db.session(pg_db.add_user(Level.ADMIN))
    claiming = DeskSession(admin.db, Level.PRIVACY)
    with pytest.raises(KnownError), claiming.db.session() as s:
        erasure_batch.erase_many(s, claiming, f.erasable_ids(owner), f.REASON, today=f.TODAY)
    with owner.db.read() as s:
        from sqlalchemy import func, select

        from kkdesk.store import models as m

        erased = s.scalar(select(func.count()).where(m.Customer.erased_at.is_not(None)))
    assert erased == 1 and numbers["kept_erased"]
