"""The attack suite: what a staff member with a login and plain psql would try (issue 13).

Every test here is one attack (or one attack per user level), run with a raw psycopg
connection against the real server as that level, and asserts that the server refused it
or recorded it: forged who/when, future or absurd dates, disguised changes, detaching and
moving orders, blanking numbers, rewriting and deleting history, lifting suppressions, a
robot customer type, versions left unbumped, concurrent opposite consent changes, the
sign-in helper's reach, staff-management abuse, and reads outside kkdesk (pgaudit, in
``test_pgaudit.py``). Recorded means: in the right customer's processing log (the audit
trail the privacy officer reads) and in the log part of that customer's access letter,
as built by ``kkdesk.services.access_report``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import psycopg
import pytest

from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import Channel, DataSource
from kkdesk.domain.levels import Level
from kkdesk.errors import KnownError, StaleEdit
from kkdesk.services import access_report, audit, consents, customers, erasure
from kkdesk.services.consents import ConsentChanged
from kkdesk.store import customers as repo
from kkdesk.store import security

pytestmark = pytest.mark.postgres

V, C, M, P, A = Level.VIEWER, Level.CLERK, Level.MARKETING, Level.PRIVACY, Level.ADMIN
DB = "recorded by the database: "
CHECK = "23514"
DENIED = "42501"
WRITERS = (C, P, A)  # the levels that may insert consents


@pytest.fixture(scope="module")
def db(pg_db_module: Any) -> Any:
    return pg_db_module


@pytest.fixture(scope="module")
def staff(db: Any) -> dict[Level, Any]:
    return {level: db.add_user(level) for level in Level}


@pytest.fixture(scope="module")
def conns(db: Any, staff: dict[Level, Any]) -> Iterator[dict[Level, Any]]:
    out = {level: db.connect(user) for level, user in staff.items()}
    yield out
    for conn in out.values():
        conn.close()


_seq = iter(range(1, 10_000))
_desks: dict[tuple[str, str], Any] = {}


def _ds(db: Any, user: Any) -> Any:
    """One desk session per user for the module: each holds a small connection pool."""
    key = (db.name, user.login)
    if key not in _desks:
        _desks[key] = db.session(user)
    return _desks[key]


def _customer(db: Any, staff: dict[Level, Any], email: str = "") -> Any:
    n = next(_seq)
    draft = CustomerDraft(
        surname=f"Kohde{n}",
        first_names="Testi",
        street="Katu 1",
        postal_code="00100",
        post_office="Helsinki",
        email=email or f"kohde{n}@example.fi",
    )
    return customers.create(_ds(db, staff[C]), draft, source=DataSource.CUSTOMER_PHONE)


def _order(db: Any, customer_id: int) -> int:
    with db.connect("kkdesk_owner", db.server.owner_password) as owner:
        row = owner.execute(
            b"INSERT INTO customer_order (number, customer_id, ordered_at, status, total_cents) "
            b"VALUES (%s, %s, now(), 'open', 1000) RETURNING id",
            (f"T-{next(_seq)}", customer_id),
        ).fetchone()
    assert row is not None
    return int(row[0])


def _refused(conn: Any, sql: str, params: Any = ()) -> str:
    """The SQLSTATE the server refused ``sql`` with (the attempt is rolled back)."""
    try:
        with conn.transaction(force_rollback=True):
            conn.execute(sql.encode(), params)
    except psycopg.Error as exc:
        return str(exc.sqlstate)
    raise AssertionError(f"the server accepted: {sql}")


def _trail(db: Any, staff: dict[Level, Any], number: str) -> list[audit.AuditEntry]:
    """The customer's processing log as the privacy officer reads it (oldest first)."""
    return list(reversed(audit.trail(_ds(db, staff[P]), number)))


def _letter_log(db: Any, staff: dict[Level, Any], number: str) -> list[tuple[str, str]]:
    """(action, who) of the access letter's log part, built by the letter's own service."""
    ds = _ds(db, staff[P])
    with ds.db.read() as session:
        row = repo.row_by_number(session, number)
        letter = access_report.collect(session, row, name_staff=True)
    return [(e.action, e.actor) for e in letter.access_log]


def _recorded(
    db: Any, staff: dict[Level, Any], number: str, who: Any, action: str, detail: str
) -> None:
    """The change is in the customer's log and in their access letter's log part."""
    rows = [e for e in _trail(db, staff, number) if e.actor == who.login and detail in e.detail]
    assert rows, f"no {detail!r} by {who.login} in the log of {number}"
    assert rows[-1].action == action
    assert (action, who.login) in _letter_log(db, staff, number)


# --- who and when are the server's -------------------------------------------------------

FORGED_AT = datetime(2020, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("level", WRITERS)
def test_forged_consent_recorder_and_time_are_overwritten(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level
) -> None:
    c = _customer(db, staff)
    conns[level].execute(
        b"INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
        b"document_ref, note, recorded_by, recorded_at) VALUES "
        b"(%s, 'direct_advertising', true, current_date, 'letter', 'X-1', '', 'u_privacy', %s)",
        (c.id, FORGED_AT),
    )
    with db.connect() as su:
        by, at = su.execute(
            b"SELECT recorded_by, recorded_at FROM consent_event WHERE customer_id = %s", (c.id,)
        ).fetchone()  # type: ignore[misc]
    assert by == staff[level].login and at > FORGED_AT + timedelta(days=365)
    _recorded(db, staff, c.number, staff[level], "consent", "insert on consent_event")


@pytest.mark.parametrize(
    ("table", "by", "at"),
    [("personal_data_change", "changed_by", "changed_at")],
)
@pytest.mark.parametrize("level", (C, P))
def test_forged_change_history_author_is_overwritten(
    db: Any,
    staff: dict[Level, Any],
    conns: dict[Level, Any],
    level: Level,
    table: str,
    by: str,
    at: str,
) -> None:
    c = _customer(db, staff)
    conns[level].execute(
        f"INSERT INTO {table} (customer_id, field, old_value, new_value, source, "
        f"source_detail, {by}, {at}) VALUES (%s, 'surname', '', 'X', 'customer_phone', '', "
        "'u_privacy', %s)".encode(),
        (c.id, FORGED_AT),
    )
    with db.connect() as su:
        row = su.execute(
            f"SELECT {by}, {at} FROM {table} WHERE customer_id = %s ORDER BY id DESC".encode(),
            (c.id,),
        ).fetchone()
    assert row is not None and row[0] == staff[level].login and row[1] > FORGED_AT
    _recorded(db, staff, c.number, staff[level], "update", f"insert on {table}")


def test_forged_customer_updater_is_overwritten(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    conns[C].execute(
        b"UPDATE customer SET street = 'Muu 2', updated_by = 'u_privacy', updated_at = %s "
        b"WHERE id = %s",
        (FORGED_AT, c.id),
    )
    with db.connect() as su:
        row = su.execute(
            b"SELECT updated_by, updated_at, created_by FROM customer WHERE id = %s", (c.id,)
        ).fetchone()
    assert row is not None
    assert row[0] == staff[C].login and row[1] > FORGED_AT and row[2] == staff[C].login
    # created_by is not even the clerk's to send (column privileges); the privacy level,
    # which may, is overwritten too.
    sql = "UPDATE customer SET created_by = 'u_x', created_at = %s WHERE id = %s"
    assert _refused(conns[C], sql, (FORGED_AT, c.id)) == DENIED
    conns[P].execute(sql.encode(), (FORGED_AT, c.id))
    with db.connect() as su:
        row = su.execute(b"SELECT created_by FROM customer WHERE id = %s", (c.id,)).fetchone()
    assert row is not None and row[0] == staff[C].login
    _recorded(db, staff, c.number, staff[C], "update", "update on customer")


def test_forged_disclosure_recorder_is_overwritten(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    row = (
        conns[M]
        .execute(
            b"INSERT INTO disclosure (disclosed_at, recorded_by, kind, purpose, channel, "
            b"recipient, legal_basis, description, customer_count) "
            b"VALUES (now(), 'u_privacy', 'authority', "
            b"'', '', 'Poliisi', '', '', 0) RETURNING recorded_by"
        )
        .fetchone()
    )
    assert row is not None and row[0] == staff[M].login


def test_forged_request_and_letter_authors_are_overwritten(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    req = (
        conns[P]
        .execute(
            b"INSERT INTO subject_request (customer_id, kind, received_on, channel, "
            b"identity_method, identity_verified_by, status, deadline, extension_reason, note, "
            b"created_by, created_at) "
            b"VALUES (%s, 'access', current_date, 'letter', '', '', 'open', current_date + 30, '', "
            b"'', 'u_admin', %s) RETURNING id, created_by, created_at",
            (c.id, FORGED_AT),
        )
        .fetchone()
    )
    assert req is not None and req[1] == staff[P].login and req[2] > FORGED_AT
    letter = (
        conns[P]
        .execute(
            b"INSERT INTO request_letter (request_id, created_at, created_by, language, sha256, "
            b"pages, pdf) VALUES (%s, %s, 'u_admin', 'fi', repeat('a', 64), 1, '%%PDF') "
            b"RETURNING created_by",
            (req[0], FORGED_AT),
        )
        .fetchone()
    )
    assert letter is not None and letter[0] == staff[P].login
    _recorded(db, staff, c.number, staff[P], "report", "insert on request_letter")


@pytest.mark.parametrize("level", Level)
def test_forged_audit_actor_is_refused_or_overwritten(
    conns: dict[Level, Any], staff: dict[Level, Any], level: Level
) -> None:
    assert (
        _refused(
            conns[level],
            "INSERT INTO audit_event (customer_number, action, actor) VALUES ('1', 'read', 'x')",
        )
        == DENIED
    )


# --- dates people give ---------------------------------------------------------------------


@pytest.mark.parametrize("received", ["2099-12-31", "1900-01-01"])
@pytest.mark.parametrize("level", WRITERS)
def test_future_or_absurd_received_date_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level, received: str
) -> None:
    c = _customer(db, staff)
    state = _refused(
        conns[level],
        "INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
        "document_ref, note, recorded_by, recorded_at) VALUES "
        "(%s, 'direct_advertising', true, %s, 'letter', 'X-1', '', '', now())",
        (c.id, received),
    )
    assert state == CHECK


def test_future_request_date_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    state = _refused(
        conns[P],
        "INSERT INTO subject_request (customer_id, kind, received_on, channel, identity_method, "
        "identity_verified_by, status, deadline, extension_reason, note, created_by, created_at) "
        "VALUES (%s, 'access', '2099-01-01', 'letter', '', '', 'open', '2099-02-01', '', '', "
        "'', now())",
        (c.id,),
    )
    assert state == CHECK


def test_future_disclosure_date_is_refused(conns: dict[Level, Any]) -> None:
    state = _refused(
        conns[M],
        "INSERT INTO disclosure (disclosed_at, recorded_by, kind, purpose, channel, recipient, "
        "legal_basis, description, customer_count) VALUES ('2099-01-01', '', 'authority', "
        "'', '', 'Poliisi', '', '', 0)",
    )
    assert state == CHECK


def test_a_future_letter_cannot_outrank_a_withdrawal(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    clerk = _ds(db, staff[C])
    today = consents.today()
    consents.record(
        clerk, c.number, ConsentItem.EMAIL_MARKETING, False,
        Evidence(today, Channel.EMAIL, "PERUUTUS-1", ""),
    )  # fmt: skip
    _refused(
        conns[C],
        "INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
        "document_ref, note, recorded_by, recorded_at) VALUES "
        "(%s, 'email_marketing', true, '2099-12-31', 'letter', 'X', '', 'u_privacy', now())",
        (c.id,),
    )
    state = consents.current(clerk, c.number)
    assert state.get(ConsentItem.EMAIL_MARKETING).value is False


# --- disguised changes, keys and moves -------------------------------------------------------


def test_an_own_audit_row_disguises_nothing(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    conn = conns[C]
    with conn.transaction():
        conn.execute(
            b"INSERT INTO audit_event (customer_number, action, purpose, detail) "
            b"VALUES (%s, 'update', 'customer_service', 'harmless')",
            (c.number,),
        )
        conn.execute(b"UPDATE customer SET street = 'Salainen 1' WHERE id = %s", (c.id,))
        conn.execute(b"UPDATE contact_person SET role = 'x' WHERE customer_id = %s", (c.id,))
        conn.execute(b"UPDATE customer SET phone_mobile = '+358401234567' WHERE id = %s", (c.id,))
    rows = [e.detail for e in _trail(db, staff, c.number) if e.detail.startswith(DB + "update")]
    assert f"{DB}update on customer {c.id} (street, updated_at, version)" in rows
    # The same transaction: updated_at already holds its time, only the version moves.
    assert f"{DB}update on customer {c.id} (phone_mobile, version)" in rows
    _recorded(db, staff, c.number, staff[C], "update", "(street, updated_at, version)")


@pytest.mark.parametrize("level", (C, P))
def test_detaching_an_order_is_recorded_in_its_customers_log(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level
) -> None:
    c = _customer(db, staff)
    order = _order(db, c.id)
    conns[level].execute(b"UPDATE customer_order SET customer_id = NULL WHERE id = %s", (order,))
    _recorded(
        db,
        staff,
        c.number,
        staff[level],
        "update",
        f"update on customer_order {order} (customer_id)",
    )


def test_a_moved_order_shows_in_both_customers_logs(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    """Since migration 0020 an order changes customer only inside a recorded merge of the
    two (privacy, admin): a clerk's move is refused; the merge's move is in both logs."""
    a, b = _customer(db, staff), _customer(db, staff)
    order = _order(db, a.id)
    move = "UPDATE customer_order SET customer_id = %s WHERE id = %s"
    for level in (C, P):
        assert _refused(conns[level], move, (b.id, order)) == DENIED
    with conns[P].transaction():
        conns[P].execute(
            b"INSERT INTO customer_merge (kept_id, merged_id, kept_number, merged_number) "
            b"VALUES (%s, %s, %s, %s)",
            (b.id, a.id, b.number, a.number),
        )
        conns[P].execute(move.encode(), (b.id, order))
    for who in (a, b):
        _recorded(
            db, staff, who.number, staff[P], "update", f"customer_order {order} (customer_id)"
        )


@pytest.mark.parametrize("level", (C, P))
def test_blanking_a_customer_number_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level
) -> None:
    c = _customer(db, staff)
    state = _refused(
        conns[level],
        "UPDATE customer SET number = '', street = 'Muu 3' WHERE id = %s",
        (c.id,),
    )
    assert state == CHECK


def test_changing_a_customer_number_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    a = _customer(db, staff)
    assert _refused(conns[C], "UPDATE customer SET number = '9999999' WHERE id = %s", (a.id,)) == (
        CHECK
    )


def test_blanking_an_order_number_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    order = _order(db, c.id)
    assert _refused(conns[C], "UPDATE customer_order SET number = '' WHERE id = %s", (order,)) == (
        CHECK
    )


def test_rewriting_change_history_is_recorded(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    conns[P].execute(
        b"UPDATE personal_data_change SET new_value = 'Valhe', changed_by = 'u_clerk', "
        b"changed_at = '2020-01-01' WHERE customer_id = %s AND field = 'surname'",
        (c.id,),
    )
    with db.connect() as su:
        row = su.execute(
            b"SELECT changed_by FROM personal_data_change WHERE customer_id = %s "
            b"AND field = 'surname'",
            (c.id,),
        ).fetchone()
    assert row is not None and row[0] == staff[C].login  # the author stays
    _recorded(db, staff, c.number, staff[P], "update", "(new_value)")


def test_deleting_change_history_is_recorded(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    conns[P].execute(b"DELETE FROM personal_data_change WHERE customer_id = %s", (c.id,))
    _recorded(db, staff, c.number, staff[P], "update", "delete on personal_data_change")


@pytest.mark.parametrize("table", ("personal_data_change", "customer_order", "audit_event"))
def test_truncating_is_refused_even_for_the_owner(db: Any, table: str) -> None:
    with db.connect("kkdesk_owner", db.server.owner_password) as owner:
        assert _refused(owner, f"TRUNCATE {table} CASCADE") == DENIED


@pytest.mark.parametrize("level", WRITERS)
def test_lifting_a_suppression_without_a_recorded_statement_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level
) -> None:
    state = _refused(
        conns[level],
        "INSERT INTO suppression (key_kind, key_value, item, active, created_at, created_by) "
        "VALUES ('email', 'kielletty@example.fi', 'direct_advertising', false, now(), '')",
    )
    # Since 0011 no level inserts suppression entries at all: the server appends them.
    assert state == DENIED


def test_lifting_a_suppression_through_an_old_event_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff, email="kielto@example.fi")
    event = consents.record(
        _ds(db, staff[C]), c.number, ConsentItem.DIRECT_ADVERTISING, True,
        Evidence(consents.today(), Channel.LETTER, "KIELTO-1", ""),
    )  # fmt: skip
    state = _refused(
        conns[C],
        "INSERT INTO suppression (key_kind, key_value, item, active, created_at, created_by, "
        "consent_event_id) VALUES ('email', 'kielto@example.fi', 'direct_advertising', false, "
        "now(), '', %s)",
        (event.id,),
    )
    assert state == DENIED


@pytest.mark.parametrize("op", ("UPDATE suppression SET active = false", "DELETE FROM suppression"))
@pytest.mark.parametrize("level", WRITERS)
def test_changing_the_suppression_list_is_refused(
    conns: dict[Level, Any], level: Level, op: str
) -> None:
    assert _refused(conns[level], op) in (DENIED,)


# --- data rules and damaged rows -------------------------------------------------------------

BAD_CUSTOMER = (
    "type = 'robot'",
    "language = 'xx'",
    "country = 'fi'",
    "extra = 'not json'",
    "phone_mobile = 'call me'",
    "business_id = '123'",
    "customer_since = '1800-01-01'",
    "birth_date = '2099-01-01'",
)


@pytest.mark.parametrize("change", BAD_CUSTOMER)
def test_bad_customer_values_are_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], change: str
) -> None:
    c = _customer(db, staff)
    assert _refused(conns[C], f"UPDATE customer SET {change} WHERE id = %s", (c.id,)) == CHECK


BAD_ROWS = (
    "UPDATE customer_order SET status = 'lost' WHERE id = %s",
    "UPDATE customer_order SET total_cents = -1 WHERE id = %s",
    "INSERT INTO order_line (order_id, line_no, product_code, product_name, quantity, "
    "unit_price_cents, vat_rate_bp) VALUES (%s, 1, 'P', 'P', -5, 100, 2550)",
    "INSERT INTO order_line (order_id, line_no, product_code, product_name, quantity, "
    "unit_price_cents, vat_rate_bp) VALUES (%s, 1, 'P', 'P', 1, -100, 2550)",
    "INSERT INTO order_line (order_id, line_no, product_code, product_name, quantity, "
    "unit_price_cents, vat_rate_bp) VALUES (%s, 1, 'P', 'P', 1, 100, 99999)",
)


@pytest.mark.parametrize("sql", BAD_ROWS)
def test_bad_order_values_are_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], sql: str
) -> None:
    c = _customer(db, staff)
    order = _order(db, c.id)
    assert _refused(conns[C], sql, (order,)) == CHECK


def test_a_robot_stored_earlier_is_shown_as_damaged_and_stops_nothing(
    db: Any, staff: dict[Level, Any]
) -> None:
    good = _customer(db, staff)
    robot = _customer(db, staff)
    # A row written before the rule (or on a server without it): the superuser drops the
    # rule, writes, and puts it back NOT VALID, as migration 0004 does on such data.
    with db.connect() as su:
        su.execute(b"ALTER TABLE customer DROP CONSTRAINT ck_customer_type")
        su.execute(b"UPDATE customer SET type = 'robot' WHERE id = %s", (robot.id,))
        su.execute(
            b"ALTER TABLE customer ADD CONSTRAINT ck_customer_type "
            b"CHECK (type IN ('person', 'company')) NOT VALID"
        )
    clerk = _ds(db, staff[C])
    page = customers.search(clerk, "Kohde")
    numbers = {r.number for r in page.rows}
    assert good.number in numbers and robot.number not in numbers
    assert robot.number in page.damaged
    with pytest.raises(KnownError) as info:
        customers.get(clerk, robot.number, purpose="customer_service")
    assert info.value.code == "damaged_record" and robot.number in info.value.message
    # A letter batch skips it and names it; the other customer's letter is made.
    privacy = _ds(db, staff[P])
    from kkdesk.services import requests as req

    for who in (robot, good):
        req.add(
            privacy, who.number, "access", received_on=date.today(), channel="letter",
            identity_method="passport",
        )  # fmt: skip
    damaged: list[str] = []
    letters = access_report.generate_open(privacy, workers=1, damaged=damaged)
    assert damaged == [robot.number]
    assert good.number in {x.customer_number for x in letters}


# --- versions ----------------------------------------------------------------------------------


def test_a_psql_update_bumps_the_version_and_a_later_desk_save_is_stale(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    clerk = _ds(db, staff[C])
    opened = customers.get(clerk, c.number, purpose="customer_service")
    conns[C].execute(b"UPDATE customer SET notes = 'psql' WHERE id = %s", (c.id,))
    conns[C].execute(b"UPDATE customer SET version = %s WHERE id = %s", (opened.version, c.id))
    with db.connect() as su:
        row = su.execute(b"SELECT version FROM customer WHERE id = %s", (c.id,)).fetchone()
    assert row is not None and row[0] == opened.version + 2
    draft = CustomerDraft(
        surname=opened.surname,
        first_names=opened.first_names,
        street="Vanha 1",
        postal_code=opened.postal_code,
        post_office=opened.post_office,
        email=opened.email,
    )
    with pytest.raises(StaleEdit):
        customers.update(
            clerk,
            c.number,
            draft,
            expected_version=opened.version,
            source=DataSource.CUSTOMER_PHONE,
        )


# --- consents at the same moment -----------------------------------------------------------------


def test_concurrent_opposite_consent_changes_are_serialised(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff, email="samaan@example.fi")
    first = db.connect(staff[C])
    outcome: dict[str, Any] = {}
    try:
        first.execute(b"BEGIN")
        # The first writer holds the customer's consent lock (taken by the server's trigger).
        first.execute(
            b"INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
            b"document_ref, note, recorded_by, recorded_at) VALUES "
            b"(%s, 'email_marketing', true, current_date, 'email', 'A', '', '', now())",
            (c.id,),
        )

        def second() -> None:
            try:
                outcome["event"] = consents.record(
                    _ds(db, staff[P]), c.number, ConsentItem.EMAIL_MARKETING, False,
                    Evidence(consents.today(), Channel.EMAIL, "B", ""),
                )  # fmt: skip
            except Exception as exc:  # the assertion below names it
                outcome["error"] = exc

        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)
        assert thread.is_alive(), "the second writer did not wait for the first"
        first.execute(b"COMMIT")
        thread.join(10)
    finally:
        first.close()
    error = outcome.get("error")
    assert isinstance(error, ConsentChanged), outcome
    assert c.number in error.message
    # The second writer stored nothing; history and suppressions agree with the first.
    history = consents.history(_ds(db, staff[C]), c.number)
    assert [(e.item, e.state) for e in history] == [(ConsentItem.EMAIL_MARKETING, True)]


def test_two_raw_consent_inserts_wait_for_each_other(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    first, second = db.connect(staff[C]), db.connect(staff[P])
    insert = (
        b"INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
        b"document_ref, note, recorded_by, recorded_at) VALUES "
        b"(%s, 'sms_marketing', %s, current_date, 'phone', 'X', '', '', now())"
    )
    try:
        first.execute(b"BEGIN")
        first.execute(insert, (c.id, True))
        second.execute(b"SET lock_timeout = '300ms'")
        with pytest.raises(psycopg.errors.LockNotAvailable):
            second.execute(insert, (c.id, False))
    finally:
        first.close()
        second.close()


# --- the sign-in helper ------------------------------------------------------------------------


def test_the_signin_helper_is_off_and_has_no_password(db: Any) -> None:
    with pytest.raises(psycopg.OperationalError):
        db.connect(security.SIGNIN_ROLE, security.SIGNIN_PASSWORD)
    with db.connect() as su:
        row = su.execute(
            b"SELECT rolcanlogin, rolpassword IS NULL FROM pg_authid WHERE rolname = %s",
            (security.SIGNIN_ROLE,),
        ).fetchone()
    assert row == (False, True)


@pytest.mark.parametrize("level", (V, C, M, P))
def test_only_an_administrator_turns_the_signin_helper_on(
    conns: dict[Level, Any], level: Level
) -> None:
    assert _refused(conns[level], "SELECT kkdesk_signin_helper(true)") == DENIED


def test_the_signin_helper_reaches_only_its_check_when_on(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    from tests.integration.test_level_matrix import TABLES

    conns[A].execute(b"SELECT kkdesk_signin_helper(true)")
    try:
        with db.connect(staff[A]) as admin:
            reach = security.signin_helper(_sa(admin))
        # PUBLIC's CONNECT on the cluster's own databases: only the DBA can take it away,
        # and `kkdesk db signin-helper on` names them.
        assert reach.enabled and "postgres" in reach.other_databases
        with db.connect() as su:
            # What the DBA is asked to do (docs/central-database.md), per database.
            for statement in security.SIGNIN_DBA_HARDENING:
                su.execute(statement.encode())
        with db.connect(security.SIGNIN_ROLE, security.SIGNIN_PASSWORD) as probe:
            assert probe.execute(b"SELECT status FROM kkdesk_signin_status('nobody')").fetchone()
            for table in TABLES:
                assert _refused(probe, f"SELECT 1 FROM {table} LIMIT 1") == DENIED
            for call in ("SELECT lo_create(0)", "SELECT lo_from_bytea(0, 'x')"):
                assert _refused(probe, call) == DENIED
            # Others' sessions: no address, no query (PostgreSQL hides them from non-members
            # of pg_read_all_stats).
            rows = probe.execute(
                b"SELECT client_addr, backend_type, query FROM pg_stat_activity "
                b"WHERE usename <> current_user"
            ).fetchall()
            # The user names are visible to every login (a PostgreSQL fact, documented).
            assert rows and all(r == (None, None, "<insufficient privilege>") for r in rows)
            assert _refused(probe, "SELECT kkdesk_user_set_role('x', 'kkdesk_admin')") == DENIED
            assert _refused(probe, "CREATE TABLE t (x int)") == DENIED
        trail = [e for e in _staff_log(db) if "sign-in helper" in e[2]]
        assert (staff[A].login, "staff", "sign-in helper turned on") in trail
    finally:
        conns[A].execute(b"SELECT kkdesk_signin_helper(false)")


def _sa(conn: Any) -> Any:
    """A SQLAlchemy-like facade over a psycopg connection for the security helpers."""

    class Facade:
        def execute(self, clause: Any, params: Any = None) -> Any:
            sql = str(clause).replace(":role", "%(role)s")
            cur = conn.execute(sql.encode(), params or {})

            class Result:
                def one_or_none(self) -> Any:
                    return cur.fetchone()

            return Result()

    return Facade()


def _staff_log(db: Any) -> list[tuple[str, str, str]]:
    with db.connect() as su:
        rows = su.execute(
            b"SELECT actor, action, detail FROM audit_event WHERE customer_number = '' ORDER BY id"
        ).fetchall()
    return [(str(a), str(b), str(c)) for a, b, c in rows]


# --- staff management ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "power", ("CREATEROLE", "CREATEDB", "BYPASSRLS", "REPLICATION", "SUPERUSER", "OTHER_ROLE")
)
def test_staff_functions_refuse_logins_with_powers(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], power: str
) -> None:
    login = f"powerful_{power.lower()}_{db.name[-6:]}"
    with db.connect() as su:
        su.execute(f"CREATE ROLE {login} LOGIN PASSWORD 'x' IN ROLE kkdesk_clerk".encode())
        if power == "OTHER_ROLE":
            su.execute(b"CREATE ROLE other_app_role NOLOGIN")
            su.execute(f"GRANT other_app_role TO {login}".encode())
        else:
            su.execute(f"ALTER ROLE {login} {power}".encode())
    try:
        verifier = _verifier(conns[A], login)
        for sql, params in (
            ("SELECT kkdesk_user_set_password(%s, %s, NULL)", (login, verifier)),
            ("SELECT kkdesk_user_set_role(%s, 'kkdesk_admin')", (login,)),
            ("SELECT kkdesk_user_set_login(%s, true)", (login,)),
        ):
            assert _refused(conns[A], sql, params) in (DENIED, "42704")
    finally:
        with db.connect() as su:
            su.execute(f"DROP ROLE {login}".encode())
            su.execute(b"DROP ROLE IF EXISTS other_app_role")


def _verifier(conn: Any, login: str) -> str:
    return bytes(
        conn.pgconn.encrypt_password(b"uusi-salasana", login.encode(), b"scram-sha-256")
    ).decode()


@pytest.mark.parametrize(
    "verifier",
    (
        "SCRAM-SHA-256$anything",
        "plain-text-password",
        "md5" + "0" * 32,
        "SCRAM-SHA-256$4096:c2FsdA==$a:b",
    ),
)
def test_a_fake_verifier_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], verifier: str
) -> None:
    for sql, params in (
        ("SELECT kkdesk_user_set_password(%s, %s, NULL)", (staff[V].login, verifier)),
        ("SELECT kkdesk_user_add('fake_v', 'kkdesk_viewer', %s, NULL)", (verifier,)),
    ):
        assert _refused(conns[A], sql, params) == "22023"


def test_staff_management_is_audited(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    login = f"uusi_{db.name[-6:]}"
    admin = conns[A]
    admin.execute(
        b"SELECT kkdesk_user_add(%s, 'kkdesk_viewer', %s, NULL)", (login, _verifier(admin, login))
    )
    try:
        admin.execute(b"SELECT kkdesk_user_set_role(%s, 'kkdesk_privacy')", (login,))
        admin.execute(
            b"SELECT kkdesk_user_set_password(%s, %s, NULL)", (login, _verifier(admin, login))
        )
        admin.execute(b"SELECT kkdesk_user_set_login(%s, false)", (login,))
        details = [d for who, action, d in _staff_log(db) if who == staff[A].login and login in d]
        assert details == [
            f"staff {login} created at level kkdesk_viewer, valid until -",
            f"staff {login} level set to kkdesk_privacy",
            f"staff {login} password set, valid until -",
            f"staff {login} disabled",
        ]
    finally:
        with db.connect() as su:
            su.execute(f"DROP ROLE {login}".encode())


# --- reads -------------------------------------------------------------------------------------


def test_search_results_consent_views_and_lists_are_audited_reads(
    db: Any, staff: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    viewer = _ds(db, staff[V])
    page = customers.search(viewer, c.number)
    assert [r.number for r in page.rows] == [c.number]
    consents.load(viewer, c.number)
    privacy = _ds(db, staff[P])
    from kkdesk.services import disclosures
    from kkdesk.services import requests as req

    req.add(privacy, c.number, "access", received_on=date.today(), channel="letter")
    req.list_requests(privacy)
    disclosures.of_customer(privacy, c.number)
    reads = [(e.actor, e.detail) for e in _trail(db, staff, c.number) if e.action == "read"]
    assert (staff[V].login, "search result") in reads
    assert (staff[V].login, "consent view") in reads
    assert (staff[P].login, "request list") in reads
    assert (staff[P].login, "disclosure list") in reads
    assert ("read", staff[V].login) in _letter_log(db, staff, c.number)


def test_the_server_numbers_customers_as_kkdesk_does(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    from kkdesk.domain.search import customer_number

    made = _customer(db, staff)
    assert made.number == customer_number(made.id)
    row = (
        conns[C]
        .execute(
            b"INSERT INTO customer (number, type, customer_since, surname, first_names, "
            b"company_name, business_id, street, postal_code, post_office, country, phone_home, "
            b"phone_work, phone_mobile, email, language, notes, extra, name_key, name_key_rev, "
            b"email_key, created_at, created_by, updated_at, updated_by, version) VALUES "
            b"('', 'person', current_date, 'Raaka', 'Rivi', '', '', '', '', '', 'FI', '', '', '', "
            b"'', 'fi', '', '{}', '', '', '', now(), '', now(), '', 7) "
            b"RETURNING id, number, version"
        )
        .fetchone()
    )
    assert row is not None and row[1] == customer_number(row[0]) and row[2] == 7
    _recorded(db, staff, row[1], staff[C], "create", f"insert on customer {row[0]}")


def test_the_signin_helper_command(
    db: Any, staff: dict[Level, Any], memory_keyring: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from kkdesk.auth import keychain
    from kkdesk.cli import main as cli_main
    from kkdesk.store.database import describe

    admin, clerk = staff[A], staff[C]
    for user in (admin, clerk):
        keychain.set_password(describe(db.url(user.login)), user.password)
    admin_url = db.url(admin.login).render_as_string(hide_password=False)
    clerk_url = db.url(clerk.login).render_as_string(hide_password=False)
    assert cli_main(["--db", clerk_url, "db", "signin-helper", "on"]) == 1
    assert "owner or an administrator" in capsys.readouterr().err
    try:
        assert cli_main(["--db", admin_url, "db", "signin-helper", "on"]) == 0
        out = capsys.readouterr().out
        assert "is on" in out and "postgres" in out
        db.connect(security.SIGNIN_ROLE, security.SIGNIN_PASSWORD).close()
    finally:
        assert cli_main(["--db", admin_url, "db", "signin-helper", "off"]) == 0
    assert "is off" in capsys.readouterr().out
    with pytest.raises(psycopg.OperationalError):
        db.connect(security.SIGNIN_ROLE, security.SIGNIN_PASSWORD)


# --- more ways round ------------------------------------------------------------------------


def test_claiming_to_import_does_not_keep_forged_values(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    conn = conns[C]
    with conn.transaction():
        conn.execute(b"SELECT set_config('kkdesk.import', 'on', true)")
        conn.execute(
            b"UPDATE customer SET notes = 'x', updated_by = 'u_privacy', updated_at = %s "
            b"WHERE id = %s",
            (FORGED_AT, c.id),
        )
    with db.connect() as su:
        row = su.execute(b"SELECT updated_by FROM customer WHERE id = %s", (c.id,)).fetchone()
    assert row is not None and row[0] == staff[C].login
    _recorded(db, staff, c.number, staff[C], "update", "(notes, updated_at, version)")


@pytest.mark.parametrize("level", (C, P, A))
@pytest.mark.parametrize(
    "sql",
    (
        "ALTER TABLE customer DISABLE TRIGGER ALL",
        "DROP TRIGGER customer_audit_row ON customer",
        "ALTER TABLE customer DROP CONSTRAINT ck_customer_type",
        "CREATE TABLE public.shadow (x int)",
        "CREATE FUNCTION public.kkdesk_importing() RETURNS boolean LANGUAGE sql AS 'SELECT true'",
        "SET ROLE kkdesk_owner",
    ),
)
def test_schema_and_role_tricks_are_refused(
    conns: dict[Level, Any], level: Level, sql: str
) -> None:
    assert _refused(conns[level], sql) in (DENIED, "42710")


def test_deleting_a_contact_person_and_order_lines_is_recorded(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    order = _order(db, c.id)
    with db.connect("kkdesk_owner", db.server.owner_password) as owner:
        owner.execute(
            b"INSERT INTO order_line (order_id, line_no, product_code, product_name, quantity, "
            b"unit_price_cents, vat_rate_bp) VALUES (%s, 1, 'P-1', 'Tuote', 2, 500, 2550)",
            (order,),
        )
    conns[C].execute(b"DELETE FROM order_line WHERE order_id = %s", (order,))
    _recorded(db, staff, c.number, staff[C], "update", "delete on order_line")


@pytest.mark.parametrize(
    "sql",
    (
        "UPDATE subject_request SET received_on = '2099-01-01', deadline = '2099-02-01' "
        "WHERE customer_id = %s",
        "UPDATE subject_request SET deadline = received_on - 1 WHERE customer_id = %s",
        "UPDATE subject_request SET status = 'forgotten' WHERE customer_id = %s",
    ),
)
def test_bending_a_request_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], sql: str
) -> None:
    from kkdesk.services import requests as req

    c = _customer(db, staff)
    req.add(_ds(db, staff[P]), c.number, "access", received_on=date.today(), channel="letter")
    assert _refused(conns[P], sql, (c.id,)) == CHECK


def test_an_order_dated_in_the_future_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    order = _order(db, c.id)
    sql = "UPDATE customer_order SET ordered_at = '2099-01-01' WHERE id = %s"
    assert _refused(conns[C], sql, (order,)) == CHECK


# --- migration 0011: the newer tables' who/when -------------------------------------------------


def _letter(db: Any, staff: dict[Level, Any], conns: dict[Level, Any], c: Any) -> int:
    """A letter that answers no request (an Art. 14 notice), naming its customer itself."""
    row = (
        conns[P]
        .execute(
            b"INSERT INTO request_letter (request_id, customer_id, kind, addressee, created_at, "
            b"created_by, language, sha256, pages, pdf) VALUES (NULL, %s, 'notice', '', now(), "
            b"'', 'fi', repeat('b', 64), 1, '%%PDF') RETURNING id",
            (c.id,),
        )
        .fetchone()
    )
    assert row is not None
    return int(row[0])


@pytest.mark.parametrize("level", Level)
def test_forged_letter_sending_recorder_and_time_are_overwritten(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level
) -> None:
    c = _customer(db, staff)
    letter = _letter(db, staff, conns, c)
    sql = (
        "INSERT INTO letter_sending (letter_id, sent_on, via, recorded_by, recorded_at) "
        "VALUES (%s, current_date, 'post', 'u_privacy', %s) RETURNING recorded_by, recorded_at"
    )
    if level not in (P, A):
        assert _refused(conns[level], sql, (letter, FORGED_AT)) == DENIED
        return
    row = conns[level].execute(sql.encode(), (letter, FORGED_AT)).fetchone()
    assert row is not None and row[0] == staff[level].login and row[1] > FORGED_AT
    # A letter without a request is in its customer's log, and so is its sending.
    _recorded(db, staff, c.number, staff[P], "report", f"insert on request_letter {letter}")
    _recorded(db, staff, c.number, staff[level], "report", "insert on letter_sending")


@pytest.mark.parametrize("sent_on", ["2099-01-01", "1980-01-01"])
def test_a_future_or_absurd_sending_date_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], sent_on: str
) -> None:
    letter = _letter(db, staff, conns, _customer(db, staff))
    sql = (
        "INSERT INTO letter_sending (letter_id, sent_on, via, recorded_by, recorded_at) "
        "VALUES (%s, %s, 'post', '', now())"
    )
    assert _refused(conns[P], sql, (letter, sent_on)) == CHECK


@pytest.mark.parametrize("level", (P, A))
def test_forged_identity_override_decider_is_overwritten(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level
) -> None:
    c = _customer(db, staff)
    conn = conns[level]
    row = conn.execute(
        b"INSERT INTO subject_request (customer_id, kind, received_on, channel, identity_method, "
        b"identity_verified_by, identity_override, status, deadline, extension_reason, note, "
        b"created_by, created_at) VALUES (%s, 'access', current_date, 'letter', '', 'u_admin', "
        b"'signed letter, known address', 'open', current_date + 30, '', '', '', now()) "
        b"RETURNING id, identity_verified_by",
        (c.id,),
    ).fetchone()
    assert row is not None and row[1] == staff[level].login
    # Rewriting who decided, alone, keeps the decider; with a new override it is the writer.
    conn.execute(
        b"UPDATE subject_request SET identity_verified_by = 'u_admin' WHERE id = %s", (row[0],)
    )
    conn.execute(
        b"UPDATE subject_request SET identity_override = '', identity_method = 'passport', "
        b"identity_verified_by = '' WHERE id = %s",
        (row[0],),
    )
    with db.connect() as su:
        who = su.execute(
            b"SELECT identity_verified_by FROM subject_request WHERE id = %s", (row[0],)
        ).fetchone()
    assert who == (staff[level].login,)
    _recorded(
        db, staff, c.number, staff[level], "report", f"update on subject_request {row[0]} (identity"
    )


# --- migration 0011: the suppression list is the server's -------------------------------------


def _suppressed(db: Any, kind: str, value: str, item: str) -> bool | None:
    with db.connect() as su:
        row = su.execute(
            b"SELECT active FROM suppression WHERE key_kind = %s AND key_value = %s "
            b"AND item = %s ORDER BY id DESC LIMIT 1",
            (kind, value, item),
        ).fetchone()
    return None if row is None else bool(row[0])


@pytest.mark.parametrize("level", WRITERS)
def test_a_psql_withdrawal_suppresses_and_the_next_export_leaves_it_out(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level, tmp_path: Any
) -> None:
    from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
    from kkdesk.services import marketing

    email = f"peruja{next(_seq)}@example.fi"
    a = _customer(db, staff, email=email)
    clerk = _ds(db, staff[C])
    consents.record(
        clerk, a.number, ConsentItem.EMAIL_MARKETING, True,
        Evidence(consents.today(), Channel.EMAIL, "LUPA-1", ""),
    )  # fmt: skip
    # The withdrawal typed into psql, as a level that may record consents.
    conns[level].execute(
        b"INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
        b"document_ref, note, recorded_by, recorded_at) VALUES "
        b"(%s, 'email_marketing', false, current_date, 'email', 'PERUUTUS-9', '', '', now())",
        (a.id,),
    )
    assert _suppressed(db, "email", email, "email_marketing") is True
    _recorded(db, staff, a.number, staff[level], "consent", "insert on suppression")
    # The customer is erased; a new record with the same address gives its consent.
    erasure.erase(_ds(db, staff[P]), a.number, "asked to be erased (Art. 17)")
    b = _customer(db, staff, email=email)
    consents.record(
        clerk, b.number, ConsentItem.EMAIL_MARKETING, True,
        Evidence(consents.today(), Channel.EMAIL, "LUPA-2", ""),
    )  # fmt: skip
    result = marketing.export(
        _ds(db, staff[M]), MarketingPurpose.DIRECT_ADVERTISING, MarketingChannel.EMAIL,
        tmp_path / "out.csv",
    )  # fmt: skip
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert email not in text and result.count >= 0


def test_a_psql_prohibition_suppresses_every_key_and_lifting_it_lifts_them(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    email = f"kieltaja{next(_seq)}@example.fi"
    c = _customer(db, staff, email=email)
    conns[C].execute(b"UPDATE customer SET phone_mobile = '+358401112233' WHERE id = %s", (c.id,))
    insert = (
        b"INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
        b"document_ref, note, recorded_by, recorded_at) VALUES "
        b"(%s, 'direct_marketing', %s, current_date, 'letter', 'K-1', '', '', now())"
    )
    conns[C].execute(insert, (c.id, True))
    assert _suppressed(db, "email", email, "direct_marketing") is True
    assert _suppressed(db, "phone", "+358401112233", "direct_marketing") is True
    conns[P].execute(insert, (c.id, False))
    assert _suppressed(db, "email", email, "direct_marketing") is False
    assert _suppressed(db, "phone", "+358401112233", "direct_marketing") is False


def test_a_shared_address_stays_suppressed_while_another_record_forbids(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    email = f"jaettu{next(_seq)}@example.fi"
    a, b = _customer(db, staff, email=email), _customer(db, staff, email=email)
    insert = (
        b"INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
        b"document_ref, note, recorded_by, recorded_at) VALUES "
        b"(%s, 'market_research', %s, current_date, 'letter', 'K-2', '', '', now())"
    )
    conns[C].execute(insert, (a.id, True))
    conns[C].execute(insert, (b.id, True))
    conns[C].execute(insert, (a.id, False))  # a lifts it; b still forbids
    assert _suppressed(db, "email", email, "market_research") is True


def test_raw_consent_inserts_on_one_address_wait_for_each_other(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    email = f"kilpa{next(_seq)}@example.fi"
    a, b = _customer(db, staff, email=email), _customer(db, staff, email=email)
    first, second = db.connect(staff[C]), db.connect(staff[P])
    insert = (
        b"INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
        b"document_ref, note, recorded_by, recorded_at) VALUES "
        b"(%s, 'genealogy', %s, current_date, 'letter', 'X', '', '', now())"
    )
    conns[C].execute(insert, (a.id, True))
    try:
        # a lifts its prohibition while b records one on the same address: opposite
        # changes of one suppression key, the second waits for the first.
        first.execute(b"BEGIN")
        first.execute(insert, (a.id, False))
        second.execute(b"SET lock_timeout = '300ms'")
        with pytest.raises(psycopg.errors.LockNotAvailable):
            second.execute(insert, (b.id, True))
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("level", Level)
def test_no_level_writes_the_suppression_list_itself(conns: dict[Level, Any], level: Level) -> None:
    sql = (
        "INSERT INTO suppression (key_kind, key_value, item, active, created_at, created_by, "
        "consent_event_id) VALUES ('email', 'x@example.fi', 'objection', false, now(), '', 1)"
    )
    assert _refused(conns[level], sql) == DENIED


# --- migration 0011: no hidden characters ---------------------------------------------------------

RLO, ZWSP, ESC = "\u202e", "\u200b", "\x1b"
HIDDEN = (RLO, ZWSP, ESC, "\u2066", "\x07", "\u2028")


def _text_refused(conn: Any, sql: str, params: Any) -> str:
    try:
        with conn.transaction(force_rollback=True):
            conn.execute(sql.encode(), params)
    except psycopg.Error as exc:
        assert exc.sqlstate == CHECK, exc
        assert exc.diag.message_hint in ("kkdesk:control_chars", "kkdesk:invisible_chars")
        return str(exc.diag.message_hint)
    raise AssertionError(f"the server accepted: {sql} {params!r}")


@pytest.mark.parametrize("bad", HIDDEN)
@pytest.mark.parametrize(
    "column", ("surname", "first_names", "company_name", "street", "post_office", "email")
)
def test_hidden_characters_in_customer_names_and_lines_are_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], column: str, bad: str
) -> None:
    c = _customer(db, staff)
    sql = f"UPDATE customer SET {column} = %s WHERE id = %s"
    hint = _text_refused(conns[C], sql, (f"Vir{bad}tanen", c.id))
    assert hint == ("kkdesk:control_chars" if bad in (ESC, "\x07", "\u2028") else
                    "kkdesk:invisible_chars")  # fmt: skip


@pytest.mark.parametrize(
    ("level", "sql"),
    (
        (C, "UPDATE customer SET notes = %s WHERE id = %s"),
        (C, "UPDATE contact_person SET role = %s WHERE customer_id = %s"),
        (C, "UPDATE customer SET extra = json_build_object('k', %s::text)::text WHERE id = %s"),
        (P, "UPDATE subject_request SET note = %s WHERE customer_id = %s"),
        (P, "UPDATE subject_request SET extension_reason = %s WHERE customer_id = %s"),
        (P, "UPDATE subject_request SET identity_override = %s WHERE customer_id = %s"),
        (P, "UPDATE subject_request SET requester_address = %s WHERE customer_id = %s"),
        (C, "UPDATE customer_order SET number = %s WHERE customer_id = %s"),
    ),
)
@pytest.mark.parametrize("bad", (RLO, ESC))
def test_hidden_characters_in_notes_reasons_and_lines_are_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level, sql: str, bad: str
) -> None:
    from kkdesk.services import requests as req

    c = _customer(db, staff)
    _order(db, c.id)
    req.add(_ds(db, staff[P]), c.number, "access", received_on=date.today(), channel="letter")
    with db.connect("kkdesk_owner", db.server.owner_password) as owner:
        owner.execute(
            b"INSERT INTO contact_person (customer_id, surname, first_names, role, phone_work, "
            b"phone_mobile, email, email_key, name_key, name_key_rev) "
            b"VALUES (%s, 'Y', 'Z', '', '', '', '', '', '', '')",
            (c.id,),
        )
    _text_refused(conns[level], sql, (f"ok\n{bad}", c.id))


def test_line_breaks_and_tabs_stay_allowed_in_multi_line_text(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    notes = "rivi 1\r\nrivi\t2 \U0001f44d\u200d"  # an emoji's zero-width joiner stays
    conns[C].execute(b"UPDATE customer SET notes = %s WHERE id = %s", (notes, c.id))
    sql = "UPDATE customer SET street = %s WHERE id = %s"
    assert _text_refused(conns[C], sql, ("Katu\n1", c.id)) == "kkdesk:control_chars"


@pytest.mark.parametrize("bad", ("\\u202e", "\\u0007"))
def test_hidden_characters_in_register_settings_are_refused(
    conns: dict[Level, Any], bad: str
) -> None:
    # JSON escapes: the text is ASCII, the value it stands for is not.
    sql = (
        "INSERT INTO register_setting (key, value, updated_at, updated_by) "
        "VALUES (%s, %s, now(), '')"
    )
    _text_refused(conns[A], sql, (f"test_{bad[2:]}", f'{{"controller": "Kone{bad}kesko"}}'))


@pytest.mark.parametrize(
    "sql",
    (
        "INSERT INTO disclosure (disclosed_at, recorded_by, kind, purpose, channel, recipient, "
        "legal_basis, description, customer_count) VALUES (now(), '', 'authority', '', '', %s, "
        "'', '', 0)",
        "INSERT INTO disclosure (disclosed_at, recorded_by, kind, purpose, channel, recipient, "
        "legal_basis, description, customer_count) VALUES (now(), '', 'authority', '', '', "
        "'Poliisi', '', %s, 0)",
    ),
)
def test_hidden_characters_in_disclosures_are_refused(conns: dict[Level, Any], sql: str) -> None:
    _text_refused(conns[M], sql, (f"Poliisi{RLO}",))


@pytest.mark.parametrize("level", WRITERS)
def test_hidden_characters_in_consent_evidence_are_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level
) -> None:
    c = _customer(db, staff)
    sql = (
        "INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
        "document_ref, note, recorded_by, recorded_at) VALUES "
        "(%s, 'genealogy', true, current_date, 'letter', %s, '', '', now())"
    )
    _text_refused(conns[level], sql, (c.id, f"REF{ZWSP}-1"))


@pytest.mark.parametrize("login", ("evil\u202etxt", "tab\tname", "Upper"))
def test_staff_names_with_hidden_characters_are_refused(
    conns: dict[Level, Any], login: str
) -> None:
    verifier = _verifier(conns[A], "x")
    sql = "SELECT kkdesk_user_add(%s, 'kkdesk_viewer', %s, NULL)"
    assert _refused(conns[A], sql, (login, verifier)) == "22023"


def test_a_value_stored_before_the_rule_does_not_block_other_changes(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    with db.connect() as su:
        su.execute(b"ALTER TABLE customer DISABLE TRIGGER customer_text")
        su.execute(b"UPDATE customer SET notes = %s WHERE id = %s", (f"vanha{RLO}", c.id))
        su.execute(b"ALTER TABLE customer ENABLE TRIGGER customer_text")
    conns[C].execute(b"UPDATE customer SET street = 'Uusi 5' WHERE id = %s", (c.id,))


@pytest.mark.parametrize("bad", (RLO, ESC))
def test_hidden_characters_in_an_order_correction_reason_are_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], bad: str
) -> None:
    # order_correction came after 0011 (migration 0012): its free-text reason is checked too.
    c = _customer(db, staff)
    order_id = _order(db, c.id)
    with db.connect("kkdesk_owner", db.server.owner_password) as owner:
        row = owner.execute(
            b"INSERT INTO delivery (order_id, shipped_at, delivered_at, carrier, tracking_code, "
            b"recipient, street, postal_code, post_office, country) "
            b"VALUES (%s, now(), now(), '', '', '', '', '', '', 'FI') RETURNING id",
            (order_id,),
        ).fetchone()
    assert row is not None
    sql = (
        "INSERT INTO order_correction (order_id, step, delivery_id, old_at, new_at, reason, "
        "recorded_by, recorded_at) VALUES (%s, 'delivered', %s, now(), NULL, %s, '', now())"
    )
    _text_refused(conns[C], sql, (order_id, row[0], f"väärä{bad}päivä"))
