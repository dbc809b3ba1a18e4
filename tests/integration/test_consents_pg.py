"""Prohibitions, consents, suppressions, marketing exports and disclosures on a real
PostgreSQL server, each step done by the user level whose job it is.

- The history (``consent_event``) and the suppression list refuse UPDATE, DELETE and
  TRUNCATE for every user level and for the tables' owner, on rows kkdesk itself wrote.
- The marketing export selects, on PostgreSQL, exactly what it selects on SQLite (which
  ``tests/unit/services/test_marketing.py`` checks against an independent computation),
  run by the marketing level with its narrow grants and row-level security.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from kkdesk.domain.consent import ConsentItem, Evidence, MarketingChannel, MarketingPurpose
from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.enums import Channel, CustomerType, DataSource
from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied
from kkdesk.services import consents, customers, disclosures, erasure, marketing, record
from kkdesk.services.session import DeskSession

pytestmark = pytest.mark.postgres

LETTER = Evidence(date(2025, 3, 2), Channel.LETTER, "KIRJE-2025-0042", "")
CHANNELS = (MarketingChannel.POST, MarketingChannel.EMAIL, MarketingChannel.SMS)


def _person(ds: DeskSession, name: str, email: str = "", mobile: str = "") -> str:
    draft = CustomerDraft(
        surname=name,
        first_names="Testi",
        street="Kotikatu 1",
        postal_code="00100",
        post_office="Helsinki",
        email=email,
        phone_mobile=mobile,
    )
    return customers.create(ds, draft, source=DataSource.CUSTOMER_WEBSHOP).number


def build_register(clerk: DeskSession, eraser: DeskSession) -> dict[str, str]:
    """The same small register with every rule at work, on any database: name → number.

    ``eraser`` erases (privacy staff)."""
    n: dict[str, str] = {}
    n["aalto"] = _person(clerk, "Aalto", "aalto@example.fi", "0401111111")
    n["berg"] = _person(clerk, "Berg", "berg@example.fi", "0402222222")
    n["carlsson"] = _person(clerk, "Carlsson", "carlsson@example.fi", "0403333333")
    n["eskola"] = _person(clerk, "Eskola", "eskola@example.fi")
    n["eskola2"] = _person(clerk, "Eskola", "ESKOLA@example.fi")  # the same person again
    n["forsman"] = _person(clerk, "Forsman", "forsman@example.fi", "0406666666")
    n["gustafsson"] = _person(clerk, "Gustafsson", "gustafsson@example.fi")
    n["heino"] = _person(clerk, "Heino")
    company = CustomerDraft(
        type=CustomerType.COMPANY,
        company_name="Ikonen Oy",
        business_id="0109862-8",
        street="Tehdaskatu 3",
        postal_code="33100",
        post_office="Tampere",
        email="info@ikonen.example",
        contacts=(ContactPersonDraft(surname="Ikonen", first_names="Iida", email="iida@x.fi"),),
    )
    created = customers.create(clerk, company, source=DataSource.PUBLIC_SOURCE)
    n["ikonen"] = created.number
    for item in (ConsentItem.EMAIL_MARKETING, ConsentItem.SMS_MARKETING):
        consents.record(clerk, n["aalto"], item, True, LETTER)
    consents.record(clerk, n["berg"], ConsentItem.EMAIL_MARKETING, True, LETTER)
    consents.record(clerk, n["berg"], ConsentItem.OBJECTION, True, LETTER)
    consents.record(clerk, n["carlsson"], ConsentItem.SMS_MARKETING, True, LETTER)
    consents.record(clerk, n["carlsson"], ConsentItem.SMS_MARKETING, False, LETTER)
    consents.record(clerk, n["eskola"], ConsentItem.EMAIL_MARKETING, True, LETTER)
    consents.record(clerk, n["forsman"], ConsentItem.GENEALOGY, True, LETTER)
    consents.record(clerk, n["forsman"], ConsentItem.EMAIL_MARKETING, True, LETTER)
    consents.record(clerk, n["gustafsson"], ConsentItem.RESTRICTION, True, LETTER)
    contact_id = created.contacts[0].id
    consents.record(
        clerk, n["ikonen"], ConsentItem.OBJECTION, True, LETTER, contact_person_id=contact_id
    )
    # Gustafsson is erased; the suppression list keeps the address out when it comes back.
    erasure.erase(eraser, n["gustafsson"], "asked to be erased (Art. 17)")
    n["gustafsson2"] = _person(clerk, "Gustafsson", "gustafsson@example.fi")
    consents.record(clerk, n["gustafsson2"], ConsentItem.EMAIL_MARKETING, True, LETTER)
    return n


def exported(ds: DeskSession, folder: Path, names: dict[str, str]) -> dict[str, set[str]]:
    """purpose/channel → the names in the export (by customer number)."""
    by_number = {number: name for name, number in names.items()}
    out = {}
    for purpose in MarketingPurpose:
        for channel in CHANNELS:
            path = folder / f"{purpose}-{channel}.csv"
            result = marketing.export(ds, purpose, channel, path)
            numbers = [line.split(",")[0] for line in path.read_text("utf-8-sig").splitlines()[1:]]
            assert result.count == len(numbers) == marketing.preview(ds, purpose, channel)
            out[f"{purpose}/{channel}"] = {by_number[x] for x in numbers}
    return out


@pytest.fixture
def sqlite_answer(ds: DeskSession, tmp_path: Path) -> dict[str, set[str]]:
    names = build_register(ds, DeskSession(ds.db, Level.PRIVACY))
    folder = tmp_path / "sqlite"
    folder.mkdir()
    return exported(DeskSession(ds.db, Level.MARKETING), folder, names)


def test_the_export_selects_on_postgres_what_it_selects_on_sqlite(
    pg_db: Any, sqlite_answer: dict[str, set[str]], tmp_path: Path
) -> None:
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    privacy = pg_db.session(pg_db.add_user(Level.PRIVACY))
    names = build_register(clerk, privacy)
    marketer = pg_db.session(pg_db.add_user(Level.MARKETING))
    folder = tmp_path / "pg"
    folder.mkdir()
    got = exported(marketer, folder, names)
    assert got == sqlite_answer
    # And the rules are visibly at work.
    post = got["direct-advertising/post"]
    assert got["direct-advertising/email"] == {"aalto", "forsman"}
    assert got["direct-advertising/sms"] == {"aalto"}
    assert {"berg", "gustafsson2"}.isdisjoint(post)  # an objection; the suppression list
    assert {"eskola", "eskola2", "heino", "carlsson", "forsman"} <= post
    # A contact person's objection protects the contact's own e-mail, not the company's.
    assert "ikonen" in post
    assert "forsman" not in got["genealogy/post"] | got["genealogy/email"]
    # Every exported customer lists the export among its disclosures.
    listed = disclosures.of_customer(marketer, names["aalto"])
    assert len(listed) == len(MarketingPurpose) * len(CHANNELS)
    assert {d.kind for d in listed} == {DisclosureKind.MARKETING_EXPORT}


@pytest.fixture
def written(pg_db: Any) -> Iterator[tuple[Any, dict[Level, Any]]]:
    """Consent events and suppression entries written through kkdesk by a clerk."""
    users = {level: pg_db.add_user(level) for level in Level}
    clerk = pg_db.session(users[Level.CLERK])
    number = _person(clerk, "Laine", "liisa@example.fi", "0401234567")
    consents.record(clerk, number, ConsentItem.OBJECTION, True, LETTER)
    yield pg_db, users


@pytest.mark.parametrize("table", ["consent_event", "suppression"])
def test_history_and_suppressions_refuse_change_for_every_level_and_the_owner(
    written: tuple[Any, dict[Level, Any]], table: str
) -> None:
    pg_db, users = written
    statements = [
        f"UPDATE {table} SET id = id",
        f"DELETE FROM {table}",
        f"TRUNCATE {table} CASCADE",
    ]
    who = [*users.values(), "kkdesk_owner"]
    for user in who:
        conn = (
            pg_db.connect(user)
            if user != "kkdesk_owner"
            else pg_db.connect(user, pg_db.server.owner_password)
        )
        with conn:
            for sql in statements:
                with (
                    pytest.raises(psycopg.errors.InsufficientPrivilege),
                    conn.transaction(force_rollback=True),
                ):
                    conn.execute(sql.encode())
    with pg_db.connect() as su:  # nothing was changed by anyone
        rows = su.execute(f"SELECT count(*) FROM {table}".encode()).fetchone()
    assert rows is not None and rows[0] >= 1


@pytest.mark.parametrize("level", list(Level))
def test_through_kkdesk_every_level_is_refused_too(
    written: tuple[Any, dict[Level, Any]], level: Level
) -> None:
    pg_db, users = written
    ds = pg_db.session(users[level])
    for sql in ("UPDATE consent_event SET state = NOT state", "DELETE FROM suppression"):
        with pytest.raises(PermissionDenied), ds.db.session() as session:
            session.execute(text(sql))


def test_marketing_reads_but_the_server_refuses_its_changes(
    written: tuple[Any, dict[Level, Any]],
) -> None:
    pg_db, users = written
    marketer = pg_db.session(users[Level.MARKETING])
    number = customers.search(marketer, "Laine", limit=1).rows[0].number
    assert consents.load(marketer, number)[0].state[ConsentItem.OBJECTION]
    with (
        pg_db.connect(users[Level.MARKETING]) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(
            b"INSERT INTO consent_event (customer_id, item, state, received_on, channel, "
            b"document_ref, note, recorded_by, recorded_at) "
            b"SELECT id, 'objection', false, '2025-01-01', 'letter', 'x', '', 'x', now() "
            b"FROM customer LIMIT 1"
        )


def test_disclosures_by_privacy_staff_and_who_sees_them(
    written: tuple[Any, dict[Level, Any]],
) -> None:
    pg_db, users = written
    privacy = pg_db.session(users[Level.PRIVACY])
    number = customers.search(privacy, "Laine", limit=1).rows[0].number
    draft = DisclosureDraft(
        DisclosureKind.AUTHORITY, date(2025, 6, 1), "Poliisi", "Poliisilaki 4:3", "Osoite"
    )
    made = disclosures.record(privacy, number, draft)
    assert [d.id for d in disclosures.of_customer(privacy, number)] == [made.id]
    doc = record.customer_record(privacy, number, purpose="subject_request")
    assert doc["disclosures"][0]["recipient"] == "Poliisi"
    clerk = pg_db.session(users[Level.CLERK])
    # A clerk's customer record leaves disclosures out rather than failing.
    assert record.customer_record(clerk, number, purpose="customer_service")["disclosures"] is None
    with pytest.raises(PermissionDenied):
        disclosures.record(clerk, number, draft)


def test_of_two_opposite_changes_at_once_the_second_is_told_the_state_changed(
    pg_db: Any,
) -> None:
    from kkdesk.domain.consent import ConsentEvent
    from tests.unit.services.test_consents import two_writers_at_once

    first = pg_db.session(pg_db.add_user(Level.CLERK))
    second = pg_db.session(pg_db.add_user(Level.CLERK))
    number = _person(first, "Kaksinen", "kaksinen@example.fi")
    consents.record(first, number, ConsentItem.GENEALOGY, True, LETTER)
    results = two_writers_at_once(first, second, number)
    recorded = [r for r in results if isinstance(r, ConsentEvent)]
    refused = [r for r in results if isinstance(r, consents.ConsentChanged)]
    assert (len(recorded), len(refused)) == (1, 1), results
    history = consents.history(first, number)
    assert [e.id for e in history][:1] == [recorded[0].id] and len(history) == 2
    assert consents.current(first, number)[ConsentItem.EMAIL_MARKETING] is recorded[0].state
