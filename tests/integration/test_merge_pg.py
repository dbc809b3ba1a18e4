"""Merging duplicates on a real PostgreSQL server: a privacy officer (and an admin)
merge; every moved row is in both customers' logs; the merge record's who/when are the
server's; no other level can merge, move rows between customers or mark a record merged,
not even with plain SQL; the marketing level follows an old number too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import psycopg
import pytest

from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import Channel, CustomerType, DataSource
from kkdesk.domain.levels import Level
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.errors import KnownError, PermissionDenied
from kkdesk.services import consents, customers, merge, requests
from kkdesk.services.session import DeskSession
from tests.orders_factory import OrderSpec, add_orders, day

pytestmark = pytest.mark.postgres

LETTER = Evidence(date(2025, 3, 2), Channel.LETTER, "KIRJE-1", "")


def person(ds: DeskSession, **kw: Any) -> str:
    draft = CustomerDraft(surname="Virtanen", first_names="Aino", street="Kauppakatu 1",
                          postal_code="40100", post_office="JYVÄSKYLÄ", **kw)  # fmt: skip
    return customers.create(ds, draft, source=DataSource.CUSTOMER_PHONE).number


def rows(pg_db: Any, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with pg_db.connect() as conn:
        return [tuple(r) for r in conn.execute(sql.encode(), params).fetchall()]


def ids(pg_db: Any, *numbers: str) -> list[int]:
    return [rows(pg_db, "SELECT id FROM customer WHERE number = %s", n)[0][0] for n in numbers]


@pytest.fixture
def world(pg_db: Any) -> dict[str, Any]:
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    privacy_user = pg_db.add_user(Level.PRIVACY)
    privacy = pg_db.session(privacy_user)
    keep = person(clerk, email="aino@example.fi")
    other = person(clerk, email="aino.v@example.com", phone_mobile="+358401234567")
    owner = pg_db.session()
    add_orders(owner, keep, [OrderSpec("K-1", day(0))])
    add_orders(owner, other, [OrderSpec("O-1", day(1), shipped_at=day(2)),
                              OrderSpec("O-2", day(3))])  # fmt: skip
    requests.add(privacy, other, RequestKind.ACCESS, received_on=date(2025, 5, 1),
                 channel=Channel.LETTER)  # fmt: skip
    consents.record(clerk, other, ConsentItem.DIRECT_ADVERTISING, True, LETTER)
    consents.record(clerk, keep, ConsentItem.EMAIL_MARKETING, True, LETTER)
    consents.record(clerk, other, ConsentItem.EMAIL_MARKETING, False, LETTER)
    return {"clerk": clerk, "privacy": privacy, "privacy_user": privacy_user,
            "keep": keep, "other": other}  # fmt: skip


def test_privacy_merges_and_every_moved_row_is_in_both_logs(
    pg_db: Any, world: dict[str, Any]
) -> None:
    keep, other = world["keep"], world["other"]
    kid, oid = ids(pg_db, keep, other)
    totals = rows(pg_db, "SELECT count(*), sum(total_cents) FROM customer_order")
    done = merge.merge(world["privacy"], keep, other, {"phone_mobile": "other"})
    assert done.moved == {"orders": 2, "history": done.moved["history"], "requests": 1,
                          "letters": 0, "disclosures": 0}  # fmt: skip
    assert rows(pg_db, "SELECT count(*), sum(total_cents) FROM customer_order") == totals
    assert rows(pg_db, "SELECT count(*) FROM customer_order WHERE customer_id = %s", kid) == [(3,)]
    assert rows(pg_db, "SELECT count(*) FROM subject_request WHERE customer_id = %s", kid) \
        == [(1,)]  # fmt: skip
    assert rows(pg_db, "SELECT count(*) FROM personal_data_change WHERE customer_id = %s",
                oid) == [(0,)]  # fmt: skip
    # Who and when are the server's.
    ((merged_by, moved),) = rows(pg_db, "SELECT merged_by, moved FROM customer_merge")
    assert merged_by == world["privacy_user"].login and '"orders": 2' in moved
    # Each moved order: one audit row in each customer's log, by the privacy officer.
    order_ids = [r[0] for r in rows(pg_db, "SELECT id FROM customer_order WHERE number "
                                           "IN ('O-1', 'O-2')")]  # fmt: skip
    for number in (keep, other):
        logged = rows(
            pg_db,
            "SELECT actor, detail FROM audit_event WHERE customer_number = %s "
            "AND detail LIKE 'recorded by the database: update on customer_order%%'",
            number,
        )
        for order_id in order_ids:
            assert (world["privacy_user"].login,
                    f"recorded by the database: update on customer_order {order_id} "
                    "(customer_id)") in logged  # fmt: skip
        assert rows(pg_db, "SELECT count(*) FROM audit_event WHERE customer_number = %s "
                           "AND action = 'merge'", number) == [(1,)]  # fmt: skip
    # The combined state, kept record's e-mail and old phone suppressed by the server.
    state = consents.current(world["clerk"], keep)
    assert state[ConsentItem.DIRECT_ADVERTISING] and not state[ConsentItem.EMAIL_MARKETING]
    assert rows(pg_db, "SELECT count(*) FROM suppression WHERE key_value = 'aino@example.fi' "
                       "AND item = 'email_marketing' AND active") == [(1,)]  # fmt: skip
    # The old number opens the kept record for every level, marketing included.
    marketing = pg_db.session(pg_db.add_user(Level.MARKETING))
    for ds in (world["clerk"], marketing):
        hits = customers.search(ds, other).rows
        assert [(h.number, h.merged_number) for h in hits] == [(keep, other)]
        assert customers.get(ds, other, purpose="customer_service").number == keep


def test_admin_merges_too(pg_db: Any, world: dict[str, Any]) -> None:
    admin = pg_db.session(pg_db.add_user(Level.ADMIN))
    assert merge.merge(admin, world["keep"], world["other"]).kept.number == world["keep"]


@pytest.mark.parametrize("level", [Level.VIEWER, Level.CLERK, Level.MARKETING])
def test_other_levels_are_refused_by_the_desk(
    pg_db: Any, world: dict[str, Any], level: Level
) -> None:
    ds = pg_db.session(pg_db.add_user(level))
    with pytest.raises(PermissionDenied):
        merge.merge(ds, world["keep"], world["other"])


def _refused(conn: psycopg.Connection[Any], *statements: tuple[str, tuple[Any, ...]]) -> str:
    """The SQLSTATE with which the server refused the statements (run in one transaction
    that is rolled back either way)."""
    try:
        with conn.transaction(force_rollback=True):
            for sql, params in statements:
                conn.execute(sql.encode(), params)
    except psycopg.Error as exc:
        return exc.sqlstate or "?"
    return "allowed"


@pytest.mark.parametrize("level", list(Level))
def test_plain_sql_cannot_merge_without_a_recorded_merge(
    pg_db: Any, world: dict[str, Any], level: Level
) -> None:
    kid, oid = ids(pg_db, world["keep"], world["other"])
    user = world["privacy_user"] if level is Level.PRIVACY else pg_db.add_user(level)
    with pg_db.connect(user) as conn:
        # Moving an order, a change-history row or a request between customers.
        for table in ("customer_order", "personal_data_change", "subject_request"):
            state = _refused(conn, (f"UPDATE {table} SET customer_id = %s "
                                    "WHERE customer_id = %s", (kid, oid)))  # fmt: skip
            assert state == "42501", (level, table, state)
        # Marking a record merged.
        state = _refused(conn, ("UPDATE customer SET merged_into = %s WHERE id = %s", (kid, oid)))
        assert state == "42501", (level, state)
        # Recording a merge: privacy and admin only.
        insert = ("INSERT INTO customer_merge (kept_id, merged_id, kept_number, merged_number) "
                  "VALUES (%s, %s, %s, %s)", (kid, oid, world["keep"], world["other"]))  # fmt: skip
        state = _refused(conn, insert)
        assert state == ("allowed" if level in (Level.PRIVACY, Level.ADMIN) else "42501")
        if level in (Level.PRIVACY, Level.ADMIN):
            # With a recorded merge the moves are allowed, by the same user only.
            assert _refused(conn, insert, ("UPDATE customer_order SET customer_id = %s "
                                           "WHERE customer_id = %s", (kid, oid)),
                            ("UPDATE customer SET merged_into = %s WHERE id = %s",
                             (kid, oid))) == "allowed"  # fmt: skip
            # Who and when cannot be forged.
            with conn.transaction(force_rollback=True):
                conn.execute(
                    b"INSERT INTO customer_merge (kept_id, merged_id, kept_number, "
                    b"merged_number, merged_by, merged_at) VALUES (%s, %s, '1', '2', "
                    b"'somebody', '2001-01-01')", (kid, oid))  # fmt: skip
                ((by, at_now),) = conn.execute(
                    b"SELECT merged_by, merged_at = now() FROM customer_merge"
                ).fetchall()
                assert by == user.login and at_now


def test_a_merge_is_final_and_its_record_append_only(pg_db: Any, world: dict[str, Any]) -> None:
    merge.merge(world["privacy"], world["keep"], world["other"])
    (oid,) = ids(pg_db, world["other"])
    with pg_db.connect(world["privacy_user"]) as conn:
        assert _refused(conn, ("UPDATE customer SET merged_into = NULL WHERE id = %s",
                               (oid,))) == "23514"  # fmt: skip
        assert _refused(conn, ("DELETE FROM customer_merge", ())) == "42501"
    with pg_db.connect("kkdesk_owner", pg_db.server.owner_password) as conn:
        assert _refused(conn, ("UPDATE customer_merge SET moved = '{}'", ())) == "42501"


def test_refusals_change_nothing_on_the_server(pg_db: Any, world: dict[str, Any]) -> None:
    company = customers.create(
        world["clerk"], CustomerDraft(type=CustomerType.COMPANY, company_name="Virtanen Oy",
                                      business_id="0737546-2"),
        source=DataSource.CUSTOMER_PHONE,
    ).number  # fmt: skip
    before = rows(pg_db, "SELECT id, number, version, merged_into FROM customer ORDER BY id")
    orders = rows(pg_db, "SELECT id, customer_id FROM customer_order ORDER BY id")
    for keep, other, code in (
        (world["keep"], world["keep"], "merge_same"),
        (world["keep"], company, "merge_not_person"),
        (company, world["other"], "merge_not_person"),
    ):
        with pytest.raises(KnownError) as caught:
            merge.merge(world["privacy"], keep, other)
        assert caught.value.code == code
    assert rows(pg_db, "SELECT id, number, version, merged_into FROM customer ORDER BY id") \
        == before  # fmt: skip
    assert rows(pg_db, "SELECT id, customer_id FROM customer_order ORDER BY id") == orders
    assert rows(pg_db, "SELECT count(*) FROM customer_merge") == [(0,)]


@pytest.mark.parametrize("level", [Level.VIEWER, Level.CLERK, Level.MARKETING])
def test_a_session_claiming_admin_is_refused_by_the_server(
    pg_db: Any, world: dict[str, Any], level: Level
) -> None:
    """The desk's own check let through (the session claims admin): the server refuses."""
    ds = replace(pg_db.session(pg_db.add_user(level)), level=Level.ADMIN)
    before = rows(pg_db, "SELECT id, version, merged_into FROM customer ORDER BY id")
    orders = rows(pg_db, "SELECT id, customer_id FROM customer_order ORDER BY id")
    with pytest.raises(PermissionDenied):
        merge.merge(ds, world["keep"], world["other"])
    assert rows(pg_db, "SELECT id, version, merged_into FROM customer ORDER BY id") == before
    assert rows(pg_db, "SELECT id, customer_id FROM customer_order ORDER BY id") == orders
    assert rows(pg_db, "SELECT count(*) FROM customer_merge") == [(0,)]
