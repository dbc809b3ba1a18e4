"""The retention run on the real server (migration 0018): only privacy (and the
administrator through it) may remove orders and archived letters, the server refuses
removing what is still inside its period whoever asks, and a privacy officer's run erases,
removes and reports the same as on SQLite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied
from kkdesk.services import retention
from kkdesk.store import models as m
from tests.retention_factory import DUE_CUSTOMERS, TODAY, build

pytestmark = pytest.mark.postgres


@pytest.fixture
def world(pg_db: Any) -> tuple[Any, dict[str, str]]:
    owner = pg_db.session()
    numbers = build(owner, pg_db.session(pg_db.add_user(Level.PRIVACY)))
    # The server stamps when a change or a letter was made (migrations 0004, 0011): the
    # factory's days in the past are put back with the triggers off, as only a superuser
    # can. The customers' own changes date from the day they joined.
    with pg_db.connect() as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute(
            "UPDATE personal_data_change p SET changed_at = c.customer_since + time '12:00' "
            "FROM customer c WHERE p.customer_id = c.id AND p.source = 'customer_phone'"
        )
        conn.execute("UPDATE personal_data_change SET changed_at = '2024-06-16 00:00+00' "
                     "WHERE source = 'customer_email'")  # fmt: skip
        for day in ("2023-06-15", "2023-06-16"):
            conn.execute(
                "UPDATE request_letter SET created_at = %s::date + time '23:00' WHERE id = "
                "(SELECT min(id) FROM request_letter WHERE created_at > '2025-01-01')",
                (day,),
            )
    return pg_db, numbers


def order_id(pg_db: Any, number: str) -> int:
    with pg_db.connect() as conn:
        row = conn.execute("SELECT id FROM customer_order WHERE number = %s", (number,)).fetchone()
        assert row is not None
        return int(row[0])


@pytest.mark.parametrize("level", [Level.VIEWER, Level.CLERK, Level.MARKETING])
def test_other_levels_cannot_remove_orders_or_letters(
    world: tuple[Any, dict[str, str]], level: Level
) -> None:
    pg_db, _ = world
    user = pg_db.add_user(level)
    with pg_db.connect(user) as conn:
        for sql in ("DELETE FROM customer_order WHERE number = 'V-DUE'",
                    "DELETE FROM request_letter"):  # fmt: skip
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
    with pytest.raises(PermissionDenied):
        retention.plan(pg_db.session(user), today=TODAY)


def test_the_server_keeps_what_is_inside_its_period_whoever_asks(
    world: tuple[Any, dict[str, str]],
) -> None:
    pg_db, _ = world
    privacy = pg_db.add_user(Level.PRIVACY)
    with pg_db.connect(privacy) as conn:
        # Inside the accounting period, open, or with a return not refunded.
        for number in ("V-KEPT", "O-DUE", "V-OPEN", "O-RET"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="is kept"):
                conn.execute("DELETE FROM customer_order WHERE number = %s", (number,))
        conn.execute("DELETE FROM customer_order WHERE number = 'V-DUE'")
    with pg_db.connect() as conn:  # the superuser too
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="is kept"):
            conn.execute("DELETE FROM customer_order WHERE number = 'V-KEPT'")
        conn.execute("INSERT INTO register_setting (key, value, updated_at, updated_by) "
                     "VALUES ('voucher_years', '2', now(), 'x') ON CONFLICT (key) "
                     "DO UPDATE SET value = '2'")  # fmt: skip
        # A stored period under the law's six years changes nothing on the server.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="is kept"):
            conn.execute("DELETE FROM customer_order WHERE number = 'V-KEPT'")


def test_a_privacy_run_does_what_its_report_says(
    world: tuple[Any, dict[str, str]], tmp_path: Path
) -> None:
    pg_db, numbers = world
    ds = pg_db.session(pg_db.add_user(Level.PRIVACY))
    dry = retention.run(ds, dry_run=True, report=tmp_path / "dry.txt", today=TODAY, batch=2)
    assert dry.listed == {"customers": len(DUE_CUSTOMERS), "vouchers": 1, "letters": 1}
    out = retention.run(ds, dry_run=False, report=tmp_path / "r.txt", today=TODAY, batch=2)
    assert out.done == {"customers": len(DUE_CUSTOMERS), "vouchers": 1, "letters": 1}
    owner = pg_db.session()
    with owner.db.read() as s:
        erased = set(s.scalars(select(m.Customer.number).where(m.Customer.erased_at.is_not(None))))
        orders = set(s.scalars(select(m.Order.number)))
    assert {numbers[k] for k in DUE_CUSTOMERS} <= erased
    assert numbers["kept_legal_hold"] not in erased and numbers["kept_restricted"] not in erased
    assert "V-DUE" not in orders and "O-DUE" in orders
    assert "customers erased: 4 of 4" in out.report.read_text(encoding="utf-8")


def test_a_run_skips_and_reports_the_restricted_and_held_on_the_server(
    world: tuple[Any, dict[str, str]], tmp_path: Path
) -> None:
    """A due customer whose processing is restricted (Art. 18, the server refuses changing
    them) is skipped and reported, not a failed run; so are the held and the open."""
    from kkdesk.services import restrictions

    pg_db, numbers = world
    ds = pg_db.session(pg_db.add_user(Level.PRIVACY))
    restricted = numbers["due_joined_on_last_day"]
    restrictions.restrict(ds, restricted, "legal_claims", "a claim pending")
    out = retention.run(ds, dry_run=False, report=tmp_path / "r.txt", today=TODAY, batch=2)
    assert out.error == "" and out.done["customers"] == len(DUE_CUSTOMERS) - 1
    lines = {}
    for line in out.report.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 5 and parts[0] == "customer":
            lines[parts[1]] = parts[4]
    assert lines[restricted] == "skipped: restriction of processing in force (Art. 18)"
    assert lines[numbers["kept_legal_hold"]] == "skipped: legal hold (Art. 17(3)(e))"
    assert lines[numbers["kept_open_order"]] == "skipped: open order"
    assert lines[numbers["kept_open_return"]] == "skipped: return not refunded"
    assert out.skipped == 5
    with pg_db.session().db.read() as s:
        kept = s.scalar(select(m.Customer.erased_at).where(m.Customer.number == restricted))
    assert kept is None


def test_an_administrator_removes_vouchers_but_erases_no_one(
    world: tuple[Any, dict[str, str]], tmp_path: Path
) -> None:
    pg_db, _ = world
    ds = pg_db.session(pg_db.add_user(Level.ADMIN))
    out = retention.run(ds, dry_run=False, report=tmp_path / "r.txt", today=TODAY)
    assert out.done == {"customers": 0, "vouchers": 1, "letters": 1}
    assert out.listed["customers"] == len(DUE_CUSTOMERS)


@pytest.mark.parametrize(("fye", "years"), [("12-31", 6), ("06-30", 6), ("04-30", 8)])
def test_the_server_works_out_the_same_day_as_the_desk(pg_db: Any, fye: str, years: int) -> None:
    from kkdesk.domain.retention import vouchers_due_on

    with pg_db.connect() as conn:
        for key, value in (("financial_year_end", f'"{fye}"'), ("voucher_years", str(years))):
            conn.execute(
                "INSERT INTO register_setting (key, value, updated_at, updated_by) "
                "VALUES (%s, %s, now(), 'x') ON CONFLICT (key) DO UPDATE SET value = %s",
                (key, value, value),
            )
        row = conn.execute(
            "SELECT kkdesk_vouchers_due_on(), (now() AT TIME ZONE 'UTC')::date"
        ).fetchone()
    assert row is not None
    assert row[0] == vouchers_due_on(row[1], fye, years)
