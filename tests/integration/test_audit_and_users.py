"""The audit trail, staff management and concurrent edits on a real PostgreSQL server."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from typing import Any

import pytest

from kkdesk.cli import main as cli_main
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import DataSource, Purpose
from kkdesk.domain.levels import Level
from kkdesk.errors import KnownError, PermissionDenied, StaleEdit
from kkdesk.services import audit, customers, users
from kkdesk.services.session import DeskSession

pytestmark = pytest.mark.postgres

DRAFT = CustomerDraft(
    surname="Virtanen",
    first_names="Matti",
    street="Mannerheimintie 1",
    postal_code="00100",
    post_office="Helsinki",
    email="matti.virtanen@example.fi",
)


def _trail(pg_db: Any, number: str) -> list[tuple[str, str, str, str]]:
    with pg_db.connect() as su:
        rows = su.execute(
            b"SELECT actor, action, purpose, detail FROM audit_event "
            b"WHERE customer_number = %s ORDER BY id",
            (number,),
        ).fetchall()
    return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]


@pytest.fixture
def staff(pg_db: Any) -> dict[Level, Any]:
    return {level: pg_db.add_user(level) for level in Level}


DB = "recorded by the database: "


def test_desk_reads_and_changes_are_audited_with_purpose_row_by_row(
    pg_db: Any, staff: dict[Level, Any]
) -> None:
    clerk = pg_db.session(staff[Level.CLERK])
    viewer = pg_db.session(staff[Level.VIEWER])
    created = customers.create(clerk, DRAFT, source=DataSource.CUSTOMER_PHONE)
    customers.get(viewer, created.number, purpose=Purpose.ORDER_HANDLING)
    trail = _trail(pg_db, created.number)
    # The desk's own rows say what the user did and why …
    assert [(a, b, c) for a, b, c, d in trail if not d.startswith(DB)] == [
        (staff[Level.CLERK].login, "create", "customer_service"),
        (staff[Level.VIEWER].login, "read", "order_handling"),
    ]
    # … and the server adds one row per row written (migration 0004), with the same purpose:
    # no audit row of the client's own can stand in for them.
    server = [(a, b, c, d) for a, b, c, d in trail if d.startswith(DB)]
    assert {(a, c) for a, _, c, _ in server} == {(staff[Level.CLERK].login, "customer_service")}
    assert ("create", f"{DB}insert on customer {created.id}") in {(b, d) for _, b, _, d in server}
    history = [d for _, _, _, d in server if "on personal_data_change" in d]
    with pg_db.connect() as su:
        ids = su.execute(
            b"SELECT id FROM personal_data_change WHERE customer_id = %s ORDER BY id",
            (created.id,),
        ).fetchall()
    assert history == [f"{DB}insert on personal_data_change {i}" for (i,) in ids]


def test_a_change_made_with_plain_sql_is_audited(pg_db: Any, staff: dict[Level, Any]) -> None:
    clerk_user = staff[Level.CLERK]
    created = customers.create(pg_db.session(clerk_user), DRAFT, source=DataSource.CUSTOMER_PHONE)
    with pg_db.connect(clerk_user) as conn:
        conn.execute(
            b"UPDATE customer SET street = 'Aleksanterinkatu 2' WHERE number = %s",
            (created.number,),
        )
        conn.execute(
            b"UPDATE contact_person SET role = 'x' WHERE customer_id = -1"  # touches nothing
        )
    last = _trail(pg_db, created.number)[-1]
    assert last[:2] == (clerk_user.login, "update")
    assert "database" in last[3] and "customer" in last[3]


def test_privacy_reads_the_trail_others_are_refused_by_the_server(
    pg_db: Any, staff: dict[Level, Any]
) -> None:
    clerk = pg_db.session(staff[Level.CLERK])
    created = customers.create(clerk, DRAFT, source=DataSource.CUSTOMER_PHONE)
    privacy = pg_db.session(staff[Level.PRIVACY])
    entries = [e for e in audit.trail(privacy, created.number) if not e.detail.startswith(DB)]
    assert [e.action for e in entries] == ["create"]
    assert entries[0].actor == staff[Level.CLERK].login
    for level in (Level.VIEWER, Level.CLERK, Level.MARKETING):
        ds = pg_db.session(staff[level])
        with pytest.raises(PermissionDenied):
            audit.trail(ds, created.number)  # the desk refuses first
        # … and the server too, even when the client claims a higher level.
        forged = DeskSession(ds.db, Level.PRIVACY)
        with pytest.raises(PermissionDenied):
            audit.trail(forged, created.number)


def test_services_refused_by_the_server_for_a_forged_level(
    pg_db: Any, staff: dict[Level, Any]
) -> None:
    viewer = pg_db.session(staff[Level.VIEWER])
    forged = DeskSession(viewer.db, Level.CLERK)
    with pytest.raises(PermissionDenied):
        customers.create(forged, DRAFT, source=DataSource.CUSTOMER_PHONE)
    created = customers.create(
        pg_db.session(staff[Level.CLERK]), DRAFT, source=DataSource.CUSTOMER_PHONE
    )
    with pytest.raises(PermissionDenied):
        customers.update(
            forged,
            created.number,
            replace(DRAFT, street="Toinen katu 3"),
            expected_version=created.version,
            source=DataSource.CUSTOMER_PHONE,
        )
    # Reading is allowed and audited as the viewer.
    assert customers.get(viewer, created.number, purpose=Purpose.CUSTOMER_SERVICE).number


def test_concurrent_edit_is_refused_and_reported(pg_db: Any, staff: dict[Level, Any]) -> None:
    first = pg_db.session(staff[Level.CLERK])
    second_user = pg_db.add_user(Level.CLERK)
    second = pg_db.session(second_user)
    created = customers.create(first, DRAFT, source=DataSource.CUSTOMER_PHONE)
    opened_a = customers.get(first, created.number, purpose=Purpose.CUSTOMER_SERVICE)
    opened_b = customers.get(second, created.number, purpose=Purpose.CUSTOMER_SERVICE)
    customers.update(
        first,
        created.number,
        replace(DRAFT, street="Ensimmäinen 1"),
        expected_version=opened_a.version,
        source=DataSource.CUSTOMER_PHONE,
    )
    with pytest.raises(StaleEdit) as info:
        customers.update(
            second,
            created.number,
            replace(DRAFT, street="Toinen 2"),
            expected_version=opened_b.version,
            source=DataSource.CUSTOMER_PHONE,
        )
    assert info.value.params["changed_by"] == staff[Level.CLERK].login
    assert staff[Level.CLERK].login in info.value.message
    kept = customers.get(first, created.number, purpose=Purpose.CUSTOMER_SERVICE)
    assert kept.street == "Ensimmäinen 1"


def test_users_are_managed_by_admin_only(pg_db: Any, staff: dict[Level, Any]) -> None:
    admin = pg_db.session(staff[Level.ADMIN])
    added = users.add(admin, "anna.k", Level.VIEWER, "anna-pw-1")
    pg_db.users.append(type(staff[Level.VIEWER])("anna.k", "anna-pw-1", Level.VIEWER))
    assert (added.login, added.level, added.can_login) == ("anna.k", Level.VIEWER, True)
    anna = pg_db.session(pg_db.users[-1])
    assert anna.level is Level.VIEWER
    anna.close()
    assert users.set_level(admin, "anna.k", Level.CLERK).level is Level.CLERK
    assert pg_db.session(pg_db.users[-1]).level is Level.CLERK
    assert not users.set_enabled(admin, "anna.k", False).can_login
    listed = {u.login: u for u in users.list_users(admin)}
    assert listed["anna.k"].level is Level.CLERK and not listed["anna.k"].can_login
    with pytest.raises(KnownError) as info:
        users.add(admin, "anna.k", Level.VIEWER, "again")
    assert info.value.code == "user_exists"
    # No admin may touch the owner or a superuser through kkdesk.
    with pytest.raises(KnownError) as info:
        users.set_level(admin, "postgres", Level.VIEWER)
    assert info.value.code == "user_unknown"
    # Another level is refused by the server even when it claims to be admin.
    clerk = pg_db.session(staff[Level.CLERK])
    with pytest.raises(PermissionDenied):
        users.add(DeskSession(clerk.db, Level.ADMIN), "mallory", Level.ADMIN, "pw")
    with pytest.raises(PermissionDenied):
        users.set_level(DeskSession(clerk.db, Level.ADMIN), staff[Level.CLERK].login, Level.ADMIN)


def test_cli_users_and_audit(
    pg_db: Any,
    staff: dict[Level, Any],
    memory_keyring: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kkdesk.auth import keychain
    from kkdesk.store.database import describe

    admin = staff[Level.ADMIN]
    keychain.set_password(describe(pg_db.url(admin.login)), admin.password)
    admin_url = pg_db.url(admin.login).render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("bo-pw-123\n"))
    assert (
        cli_main(["--db", admin_url, "users", "add", "bo", "--role", "privacy", "--password-stdin"])
        == 0
    )
    pg_db.users.append(type(admin)("bo", "bo-pw-123", Level.PRIVACY))
    assert "Added bo" in capsys.readouterr().out
    assert cli_main(["--db", admin_url, "users", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"login": "bo", "level": "privacy", "enabled": True, "valid_until": None} in listed
    assert cli_main(["--db", admin_url, "users", "set-role", "bo", "viewer"]) == 0
    assert cli_main(["--db", admin_url, "users", "set-role", "bo", "privacy"]) == 0
    capsys.readouterr()

    created = customers.create(
        pg_db.session(staff[Level.CLERK]), DRAFT, source=DataSource.CUSTOMER_PHONE
    )
    keychain.set_password(describe(pg_db.url("bo")), "bo-pw-123")
    bo_url = pg_db.url("bo").render_as_string(hide_password=False)
    assert cli_main(["--db", bo_url, "audit", "show", created.number, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    desk = [r for r in rows if not r["detail"].startswith(DB)]
    assert [(r["actor"], r["action"]) for r in desk] == [(staff[Level.CLERK].login, "create")]

    assert cli_main(["--db", admin_url, "users", "disable", "bo"]) == 0
    capsys.readouterr()
    assert cli_main(["--db", bo_url, "audit", "show", created.number]) == 1
    assert "disabled" in capsys.readouterr().err

    viewer = staff[Level.VIEWER]
    keychain.set_password(describe(pg_db.url(viewer.login)), viewer.password)
    viewer_url = pg_db.url(viewer.login).render_as_string(hide_password=False)
    assert cli_main(["--db", viewer_url, "users", "list"]) == 1
    assert "does not allow" in capsys.readouterr().err


def test_changes_to_orders_and_returns_made_with_plain_sql_are_audited(
    pg_db: Any, staff: dict[Level, Any]
) -> None:
    from kkdesk.services import demo

    clerk_user = staff[Level.CLERK]
    demo.generate(pg_db.session(clerk_user), 40, seed=11)
    with pg_db.connect() as su:
        order_id, number = su.execute(
            b"SELECT o.id, c.number FROM customer_order o JOIN customer c ON c.id = o.customer_id "
            b"ORDER BY o.id LIMIT 1"
        ).fetchone()  # type: ignore[misc]
        returned = su.execute(
            b"SELECT r.id, c.number FROM order_return r JOIN customer_order o ON o.id = r.order_id "
            b"JOIN customer c ON c.id = o.customer_id ORDER BY r.id LIMIT 1"
        ).fetchone()
    assert returned is not None, "the demo data has returns"
    with pg_db.connect(clerk_user) as conn:
        conn.execute(b"UPDATE customer_order SET status = status WHERE id = %s", (order_id,))
        conn.execute(b"UPDATE order_line SET quantity = quantity WHERE order_id = %s", (order_id,))
    with pg_db.connect(clerk_user) as conn:
        conn.execute(
            b"UPDATE order_return SET reason = reason || '.' WHERE id = %s", (returned[0],)
        )
    with pg_db.connect() as su:
        line_ids = [
            r[0]
            for r in su.execute(
                b"SELECT id FROM order_line WHERE order_id = %s ORDER BY id", (order_id,)
            )
        ]
    order_rows = [
        (a, detail)
        for actor, a, _, detail in _trail(pg_db, number)
        if actor == clerk_user.login and detail.startswith(DB + "update")
    ]
    # One row per changed row (migration 0004), even when nothing in it changed.
    assert order_rows == [("update", f"{DB}update on customer_order {order_id} (no change)")] + [
        ("update", f"{DB}update on order_line {i} (no change)") for i in line_ids
    ]
    return_rows = [r for r in _trail(pg_db, returned[1]) if "order_return" in r[3]]
    assert [(r[1], r[3]) for r in return_rows if r[0] == clerk_user.login and "update" in r[3]] == [
        ("return", f"{DB}update on order_return {returned[0]} (reason)")
    ]
