"""Offline snapshots from the central database, for every user level (real PostgreSQL).

A snapshot made at a level shows offline exactly what the services showed that level from
the server — withheld sections withheld alike —, holds only what the server lets the level
read, and the customers opened offline reach the server's audit trail at the next sign-in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from kkdesk.auth.testing import MemoryKeyring, memory_keyring
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability, Level
from kkdesk.services import (
    audit,
    consents,
    customers,
    demo,
    offline_reads,
    record,
    snapshots,
    timeline,
)
from kkdesk.services.session import DeskSession
from kkdesk.services.snapshot_fields import ONLINE_ONLY_TABLES, readable_fields
from kkdesk.store import security
from kkdesk.store.models import Base

pytestmark = pytest.mark.postgres


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with memory_keyring() as backend:
        yield backend


@pytest.fixture
def populated(pg_db: Any) -> list[str]:
    owner = pg_db.session()
    result = demo.generate(owner, 12, seed=11)
    with owner.db.read() as session:
        numbers = list(
            session.execute(text("select number from customer order by id limit 8")).scalars()
        )
    assert result.customers == 12 and len(numbers) == 8
    return [str(n) for n in numbers]


def _view(ds: DeskSession, number: str) -> dict[str, Any]:
    doc = record.customer_record(ds, number, purpose=Purpose.CUSTOMER_SERVICE)
    doc.pop("generated_by")
    out: dict[str, Any] = {"record": doc}
    out["consents"] = consents.load(ds, number)
    if ds.can(Capability.READ_ORDERS):
        out["timeline"] = timeline.timeline(ds, number)
    return out


@pytest.mark.parametrize("level", list(Level))
def test_round_trip_per_level(
    pg_db: Any, populated: list[str], ring: MemoryKeyring, tmp_path: Path, level: Level
) -> None:
    ds = pg_db.session(pg_db.add_user(level))
    live = {n: _view(ds, n) for n in populated}
    path = tmp_path / f"{level.value}.kksnap"
    made = snapshots.create(ds, path, snapshots.Selection(numbers=tuple(populated)))
    assert made.customers == len(populated)
    data = path.read_bytes()
    for view in live.values():
        shown = view["record"]["customer"]
        for value in (shown["surname"], shown["first_names"], shown["email"],
                      shown["address"]["street"], shown["phone_mobile"]):  # fmt: skip
            if value and len(value) >= 4:
                assert value.encode() not in data, value
    offline = snapshots.open_snapshot(path)
    try:
        assert offline.level is level
        for number in populated:
            assert _view(offline, number) == live[number], (level, number)
        found = customers.search(
            offline, live[populated[0]]["record"]["customer"]["surname"] or populated[0]
        )
        assert found.rows and {s.number for s in found.rows} <= set(populated)
    finally:
        offline.close()


@pytest.mark.parametrize("level", list(Level))
def test_snapshot_fields_are_what_the_server_grants(pg_db: Any, level: Level) -> None:
    """Every table and column a snapshot takes at a level, the server lets that level read;
    and every register table the server lets it read whole is taken, but for those named
    online-only on purpose."""
    role = security.role_name(level)
    conn = pg_db.connect()
    try:
        fields = readable_fields(level)
        for table, columns in fields.items():
            names = columns or [c.name for c in Base.metadata.tables[table].columns]
            for column in names:
                row = conn.execute(
                    "select has_column_privilege(%s, %s, %s, 'SELECT')", (role, table, column)
                ).fetchone()
                assert row is not None and row[0], (level, table, column)
        for table in Base.metadata.tables:
            row = conn.execute(
                "select has_table_privilege(%s, %s, 'SELECT')", (role, table)
            ).fetchone()
            assert row is not None
            if row[0] and table not in ONLINE_ONLY_TABLES:
                assert table in fields, (level, table)
    finally:
        conn.close()


def test_offline_reads_reach_the_server_audit_trail_at_next_sign_in(
    pg_db: Any, populated: list[str], ring: MemoryKeyring, tmp_path: Path
) -> None:
    clerk_user = pg_db.add_user(Level.CLERK)
    other_user = pg_db.add_user(Level.CLERK)
    clerk = pg_db.session(clerk_user)
    path = tmp_path / "train.kksnap"
    made = snapshots.create(clerk, path, snapshots.Selection(numbers=tuple(populated[:3])))
    clerk.close()

    offline = snapshots.open_snapshot(path)
    try:
        customers.get(offline, populated[0], purpose=Purpose.ORDER_HANDLING)
        record.customer_record(offline, populated[1], purpose=Purpose.CUSTOMER_SERVICE)
    finally:
        offline.close()
    assert offline_reads.journal_path(made.key_id).exists()

    # Another staff member signing in delivers nothing of it.
    assert offline_reads.deliver(pg_db.session(other_user)) == 0
    # The maker's next sign-in does, once.
    again = pg_db.session(clerk_user)
    assert offline_reads.deliver(again) == 2
    assert offline_reads.deliver(again) == 0
    assert not offline_reads.journal_path(made.key_id).exists()

    privacy = pg_db.session(pg_db.add_user(Level.PRIVACY))
    for number, purpose in (
        (populated[0], Purpose.ORDER_HANDLING),
        (populated[1], Purpose.CUSTOMER_SERVICE),
    ):
        rows = [e for e in audit.trail(privacy, number) if e.detail.startswith("offline read")]
        assert len(rows) == 1, number
        assert rows[0].actor == clerk_user.login  # written by the server: session_user
        assert rows[0].action == AuditAction.READ.value
        assert rows[0].purpose == purpose.value
    # Making the snapshot was audited too: who (the server says), which customers, expiry.
    made_rows = [
        e for e in audit.trail(privacy, populated[2]) if e.action == AuditAction.EXPORT.value
    ]
    assert len(made_rows) == 1 and made_rows[0].actor == clerk_user.login
    assert f"expires {made.expires:%Y-%m-%d}" in made_rows[0].detail


def test_marketing_snapshot_leaves_out_what_marketing_may_not_read(
    pg_db: Any, populated: list[str], ring: MemoryKeyring, tmp_path: Path
) -> None:
    marketing = pg_db.session(pg_db.add_user(Level.MARKETING))
    path = tmp_path / "m.kksnap"
    snapshots.create(marketing, path, snapshots.Selection(numbers=tuple(populated)))
    offline = snapshots.open_snapshot(path)
    try:
        with offline.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA query_only=ON")
            conn.connection.driver_connection.set_authorizer(None)  # type: ignore[union-attr]
            notes = conn.execute(text("select count(*) from customer where notes != ''")).scalar()
            births = conn.execute(
                text("select count(*) from customer where birth_date is not null")
            ).scalar()
            orders = conn.execute(text("select count(*) from customer_order")).scalar()
            history = conn.execute(text("select count(*) from personal_data_change")).scalar()
        assert (notes, births, orders, history) == (0, 0, 0, 0)
    finally:
        offline.close()
