"""Restriction of processing (GDPR Art. 18) on the real server: with raw psycopg as each
level, what a restriction forbids is refused by the server itself (hint
``kkdesk:processing_restricted``), what reduces processing is not, and a lift without the
Art. 18(3) notice is refused too. The desk's services get the same known error."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import Channel, DataSource, Purpose
from kkdesk.domain.levels import Level
from kkdesk.domain.restriction import NO_NOTICE_CODE, REFUSED_CODE, RestrictionGround
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.errors import KnownError
from kkdesk.services import customers, marketing, requests, restrictions

pytestmark = pytest.mark.postgres

V, C, M, P, A = Level.VIEWER, Level.CLERK, Level.MARKETING, Level.PRIVACY, Level.ADMIN
RESTRICTED = "kkdesk:processing_restricted"
NO_NOTICE = "kkdesk:restriction_lift_without_notice"
DENIED = "42501"
PDF = b"%PDF-1.4 notice"
SHA = "0" * 64


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


_desks: dict[str, Any] = {}
_seq = iter(range(1, 10_000))


def _ds(db: Any, user: Any) -> Any:
    if user.login not in _desks:
        _desks[user.login] = db.session(user)
    return _desks[user.login]


def _customer(db: Any, staff: dict[Level, Any], *, restrict: bool = True) -> Any:
    n = next(_seq)
    draft = CustomerDraft(
        surname=f"Rajattu{n}", first_names="Testi", street="Katu 1", postal_code="00100",
        post_office="Helsinki", email=f"rajattu{n}@example.fi",
    )  # fmt: skip
    made = customers.create(_ds(db, staff[C]), draft, source=DataSource.CUSTOMER_PHONE)
    if restrict:
        restrictions.restrict(_ds(db, staff[P]), made.number, RestrictionGround.LEGAL_CLAIMS,
                              "Oikeudenkäynti vireillä")  # fmt: skip
    return made


def _refusal(conn: Any, sql: str, params: Any = ()) -> tuple[str, str]:
    """(SQLSTATE, hint) the server refused ``sql`` with; the attempt is rolled back."""
    try:
        with conn.transaction(force_rollback=True):
            conn.execute(sql.encode(), params)
    except psycopg.Error as exc:
        return str(exc.sqlstate), str(exc.diag.message_hint or "")
    raise AssertionError(f"the server accepted: {sql}")


def _accepted(conn: Any, sql: str, params: Any = ()) -> None:
    with conn.transaction(force_rollback=True):
        conn.execute(sql.encode(), params)


@pytest.mark.parametrize("level", (C, P, A))
def test_an_edit_of_a_restricted_customer_is_refused_by_the_server(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level
) -> None:
    c = _customer(db, staff)
    conn = conns[level]
    assert _refusal(conn, "UPDATE customer SET street = 'Muu 2' WHERE id = %s", (c.id,))[1] == (
        RESTRICTED
    )
    free = _customer(db, staff, restrict=False)
    _accepted(conn, "UPDATE customer SET street = 'Muu 2' WHERE id = %s", (free.id,))
    if level is not P:  # privacy neither adds nor changes contact persons' rows of its own
        contact = (
            "INSERT INTO contact_person (customer_id, surname, first_names) VALUES (%s, 'X', 'Y')"
        )
        assert _refusal(conn, contact, (c.id,))[1] == RESTRICTED
        history = (
            "INSERT INTO personal_data_change (customer_id, field, old_value, new_value, "
            "source, source_detail) VALUES (%s, 'street', 'a', 'b', 'customer_phone', '')"
        )
        assert _refusal(conn, history, (c.id,))[1] == RESTRICTED


@pytest.mark.parametrize("level", (C, A))
def test_a_new_order_for_a_restricted_customer_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level
) -> None:
    sql = (
        "INSERT INTO customer_order (number, customer_id, ordered_at, status, total_cents) "
        "VALUES (%s, %s, now(), 'open', 1000)"
    )
    c = _customer(db, staff)
    assert _refusal(conns[level], sql, (f"R-{next(_seq)}", c.id))[1] == RESTRICTED
    free = _customer(db, staff, restrict=False)
    _accepted(conns[level], sql, (f"R-{next(_seq)}", free.id))


@pytest.mark.parametrize("level", (M, P, A))
@pytest.mark.parametrize("kind", ("marketing_export", "third_party"))
def test_an_export_including_a_restricted_customer_is_refused(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level, kind: str
) -> None:
    c = _customer(db, staff)
    free = _customer(db, staff, restrict=False)
    sql = (
        "WITH d AS (INSERT INTO disclosure (disclosed_at, recorded_by, kind, purpose, channel, "
        "recipient, legal_basis, description, customer_count) VALUES (now(), '', %s, "
        "'direct-advertising', 'post', 'Kumppani Oy', 'x', 'x', 2) RETURNING id) "
        "INSERT INTO disclosure_customer (disclosure_id, customer_id) "
        "SELECT d.id, x FROM d, unnest(%s::int[]) AS x"
    )
    assert _refusal(conns[level], sql, (kind, [free.id, c.id]))[1] == RESTRICTED
    _accepted(conns[level], sql, (kind, [free.id]))
    if level is not M:  # an authority's demand under law stays recordable (Art. 18(2))
        _accepted(conns[level], sql, ("authority", [c.id]))


def test_the_marketing_export_leaves_restricted_customers_out(
    db: Any, staff: dict[Level, Any], tmp_path: Path
) -> None:
    c = _customer(db, staff)
    free = _customer(db, staff, restrict=False)
    out = tmp_path / "export.csv"
    ds = _ds(db, staff[M])
    marketing.export(ds, MarketingPurpose.MARKET_RESEARCH, MarketingChannel.POST, out)
    text = out.read_text(encoding="utf-8")
    assert free.number in text and c.number not in text


@pytest.mark.parametrize("level", (P, A))
def test_letters_to_others_are_refused_and_the_art_19_notice_of_it_is_not(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any], level: Level
) -> None:
    c = _customer(db, staff)
    ds = _ds(db, staff[P])
    asked = {
        kind: requests.add(ds, c.number, kind, received_on=requests.today(),
                           channel=Channel.LETTER, identity_method="signature").id
        for kind in (RequestKind.RESTRICTION, RequestKind.RECTIFICATION)
    }  # fmt: skip
    sql = (
        "INSERT INTO request_letter (request_id, kind, customer_id, addressee, language, "
        "sha256, pages, pdf) VALUES (%s, %s, %s, %s, 'fi', %s, 1, %s)"
    )
    rect, restr = asked[RequestKind.RECTIFICATION], asked[RequestKind.RESTRICTION]
    conn = conns[level]
    assert _refusal(conn, sql, (rect, "recipient_notice", None, "Poliisi", SHA, PDF))[1] == (
        RESTRICTED
    )
    assert _refusal(conn, sql, (None, "source_notice", c.id, "Ville (contact person 1)",
                                SHA, PDF))[1] == RESTRICTED  # fmt: skip
    _accepted(conn, sql, (restr, "recipient_notice", None, "Poliisi", SHA, PDF))
    _accepted(conn, sql, (rect, "acknowledgement", None, "", SHA, PDF))


def test_consents_stay_recordable_while_restricted(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    for level in (C, P):
        _accepted(
            conns[level],
            "INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
            "document_ref, note) VALUES (%s, 'direct_advertising', true, current_date, "
            "'letter', 'K-1', '')",
            (c.id,),
        )


def test_only_privacy_starts_and_the_server_writes_who_and_when(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    free = _customer(db, staff, restrict=False)
    sql = "INSERT INTO processing_restriction (customer_id, ground, reason) VALUES (%s, %s, 'x')"
    for level in (V, C, M):
        assert _refusal(conns[level], sql, (free.id, "legal_claims"))[0] == DENIED
    forged = (
        "INSERT INTO processing_restriction (customer_id, ground, reason, started_by) "
        "VALUES (%s, 'legal_claims', 'x', 'someone')"
    )
    assert _refusal(conns[P], forged, (free.id,))[0] == DENIED
    assert _refusal(conns[P], sql, (free.id, "whim"))[0] == "23514"
    conns[P].execute(sql.encode(), (free.id, "legal_claims"))
    with db.connect() as su:
        by, at = su.execute(
            b"SELECT started_by, started_at FROM processing_restriction WHERE customer_id = %s",
            (free.id,),
        ).fetchone()  # type: ignore[misc]
    assert by == staff[P].login and at is not None
    # A second one in force for the same customer is not possible.
    assert _refusal(conns[P], sql, (free.id, "legal_claims"))[0] == "23505"


def test_lifting_without_the_notice_is_refused_by_the_server(
    db: Any, staff: dict[Level, Any], conns: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    ds = _ds(db, staff[P])
    conn = conns[P]
    lift = "UPDATE processing_restriction SET notice_letter_id = %s WHERE customer_id = %s"
    assert _refusal(conn, lift, (None, c.id))[1] == NO_NOTICE
    # A letter of another kind, or another customer's notice, is no notice.
    other = conn.execute(
        b"INSERT INTO request_letter (kind, customer_id, language, sha256, pages, pdf) "
        b"VALUES ('confirmation', %s, 'fi', %s, 1, %s) RETURNING id",
        (c.id, SHA, PDF),
    ).fetchone()[0]  # type: ignore[index]
    assert _refusal(conn, lift, (other, c.id))[1] == NO_NOTICE
    second = _customer(db, staff)
    theirs = restrictions.make_lift_notice(ds, second.number)
    assert _refusal(conn, lift, (theirs.letter_id, c.id))[1] == NO_NOTICE
    # Nothing else of a restriction changes; the clerk may not even try. (Privacy may
    # write the reason since 0022, but only a whole-customer erasure's blanking of a lifted
    # one's: anything else is the row rule's refusal.)
    assert _refusal(conn, "UPDATE processing_restriction SET reason = 'y' WHERE customer_id = %s",
                    (c.id,)) == ("23514", "kkdesk:restriction_fixed")  # fmt: skip
    assert _refusal(conns[C], "UPDATE processing_restriction SET reason = 'y' WHERE "
                    "customer_id = %s", (c.id,))[0] == DENIED  # fmt: skip
    assert _refusal(conns[C], lift, (theirs.letter_id, c.id))[0] == DENIED
    assert _refusal(conn, "DELETE FROM processing_restriction WHERE customer_id = %s",
                    (c.id,))[0] == DENIED  # fmt: skip
    with pytest.raises(KnownError) as refused:
        restrictions.lift(ds, c.number, other)
    assert refused.value.code == NO_NOTICE_CODE
    # The notice first, then the lift: who and when are the server's.
    notice = restrictions.make_lift_notice(ds, c.number)
    lifted = restrictions.lift(ds, c.number, notice.letter_id)
    assert lifted.lifted_by == staff[P].login and lifted.lifted_at is not None
    assert _refusal(conn, lift, (notice.letter_id, c.id))[1] == "kkdesk:restriction_fixed"
    _accepted(conns[C], "UPDATE customer SET street = 'Muu 3' WHERE id = %s", (c.id,))


def test_the_desk_gets_the_servers_refusal_as_a_known_error(
    db: Any, staff: dict[Level, Any]
) -> None:
    c = _customer(db, staff)
    ds = _ds(db, staff[C])
    current = customers.get(ds, c.number, purpose=Purpose.CUSTOMER_SERVICE)
    with pytest.raises(KnownError) as refused:
        customers.update(ds, c.number, replace(current.to_draft(), street="Muu 4"),
                         expected_version=current.version,
                     source=DataSource.CUSTOMER_PHONE)  # fmt: skip
    assert refused.value.code == REFUSED_CODE
    hits = customers.search(ds, c.surname)
    assert [(h.number, h.restricted) for h in hits.rows] == [(c.number, True)]
