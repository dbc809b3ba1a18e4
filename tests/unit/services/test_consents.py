"""Recording prohibitions and consents: evidence required, history append-only, audit,
suppression entries that survive erasure and honour the least permissive state."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from kkdesk.domain.consent import (
    PROHIBITIONS,
    ConsentEvent,
    ConsentItem,
    Evidence,
    MarketingChannel,
    MarketingPurpose,
)
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.enums import Channel, DataSource
from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied, ValidationFailed
from kkdesk.services import consents, customers, disclosures, marketing, record
from kkdesk.services.session import DeskSession, open_session

TODAY = date.today()
LETTER = Evidence(TODAY, Channel.LETTER, "KIRJE-1", "signed")


def person(ds: DeskSession, email: str = "liisa@example.fi", mobile: str = "0401234567") -> str:
    draft = CustomerDraft(
        surname="Laine",
        first_names="Liisa",
        street="Kotikatu 1",
        postal_code="00100",
        post_office="Helsinki",
        email=email,
        phone_mobile=mobile,
    )
    return customers.create(ds, draft, source=DataSource.CUSTOMER_WEBSHOP).number


def supp_rows(ds: DeskSession) -> list[tuple[str, str, str, int]]:
    con = sqlite3.connect(str(ds.db.url.database))
    try:
        return con.execute(
            "SELECT key_kind, key_value, item, active FROM suppression ORDER BY id"
        ).fetchall()
    finally:
        con.close()


def test_record_appends_an_event_with_evidence(ds: DeskSession) -> None:
    number = person(ds)
    event = consents.record(ds, number, ConsentItem.GENEALOGY, True, LETTER)
    assert (event.item, event.state, event.document_ref) == (ConsentItem.GENEALOGY, True, "KIRJE-1")
    state = consents.current(ds, number)
    assert state[ConsentItem.GENEALOGY]
    assert state.get(ConsentItem.GENEALOGY).since == TODAY
    assert state.get(ConsentItem.GENEALOGY).evidence == LETTER
    consents.record(ds, number, ConsentItem.GENEALOGY, False, LETTER)
    history = consents.history(ds, number)
    assert [e.state for e in history] == [False, True]  # newest first, nothing overwritten
    assert not consents.current(ds, number)[ConsentItem.GENEALOGY]


@pytest.mark.parametrize(
    "evidence",
    [
        Evidence(None, Channel.LETTER, "K"),  # type: ignore[arg-type]
        Evidence(TODAY, "", "K"),  # type: ignore[arg-type]
        Evidence(TODAY, Channel.LETTER, "  "),
        Evidence(TODAY + timedelta(days=1), Channel.LETTER, "K"),
    ],
)
def test_record_without_evidence_is_refused(ds: DeskSession, evidence: Evidence) -> None:
    number = person(ds)
    with pytest.raises(ValidationFailed):
        consents.record(ds, number, ConsentItem.OBJECTION, True, evidence)
    assert consents.history(ds, number) == ()


def test_record_is_audited(ds: DeskSession) -> None:
    number = person(ds)
    consents.record(ds, number, ConsentItem.EMAIL_MARKETING, True, LETTER)
    con = sqlite3.connect(str(ds.db.url.database))
    rows = con.execute(
        "SELECT action, detail FROM audit_event WHERE customer_number = ? AND action = 'consent'",
        (number,),
    ).fetchall()
    con.close()
    assert rows == [("consent", "email_marketing=on ref KIRJE-1")]


@pytest.mark.parametrize("level", [Level.MARKETING, Level.VIEWER])
def test_marketing_and_viewers_only_read(ds: DeskSession, level: Level) -> None:
    number = person(ds)
    reader = DeskSession(ds.db, level)
    with pytest.raises(PermissionDenied):
        consents.record(reader, number, ConsentItem.GENEALOGY, True, LETTER)
    assert consents.load(reader, number)[0].state == consents.current(ds, number)


def test_prohibition_writes_suppression_on_email_and_phone(ds: DeskSession) -> None:
    number = person(ds, email="Liisa.Laine@Example.fi")
    consents.record(ds, number, ConsentItem.DIRECT_MARKETING, True, LETTER)
    assert supp_rows(ds) == [
        ("email", "liisa.laine@example.fi", "direct_marketing", 1),
        ("phone", "+358401234567", "direct_marketing", 1),
    ]
    consents.record(ds, number, ConsentItem.DIRECT_MARKETING, False, LETTER)
    assert [r[3] for r in supp_rows(ds)] == [1, 1, 0, 0]


def test_consent_never_given_suppresses_nothing_but_withdrawal_does(ds: DeskSession) -> None:
    number = person(ds)
    consents.record(ds, number, ConsentItem.EMAIL_MARKETING, True, LETTER)
    assert supp_rows(ds) == []
    consents.record(ds, number, ConsentItem.EMAIL_MARKETING, False, LETTER)
    assert supp_rows(ds) == [("email", "liisa@example.fi", "email_marketing", 1)]


def test_lifting_keeps_suppression_while_another_record_forbids(ds: DeskSession) -> None:
    first = person(ds)
    second = person(ds)  # the same person entered twice: same e-mail and phone
    consents.record(ds, first, ConsentItem.OBJECTION, True, LETTER)
    consents.record(ds, second, ConsentItem.OBJECTION, True, LETTER)
    consents.record(ds, second, ConsentItem.OBJECTION, False, LETTER)
    assert all(active for *_, active in supp_rows(ds))
    consents.record(ds, first, ConsentItem.OBJECTION, False, LETTER)
    assert [r[3] for r in supp_rows(ds)] == [1, 1, 0, 0]


def test_suppression_outlives_erasure(ds: DeskSession, tmp_path: object) -> None:
    number = person(ds)
    consents.record(ds, number, ConsentItem.OBJECTION, True, LETTER)
    # Erasure blanks the personal data; the suppression list must keep the person out.
    con = sqlite3.connect(str(ds.db.url.database))
    con.execute(
        "UPDATE customer SET erased_at = '2025-01-01 00:00:00', email = '', email_key = '', "
        "phone_mobile = '' WHERE number = ?",
        (number,),
    )
    con.commit()
    con.close()
    again = person(ds)  # the erased person comes back as a new customer
    assert consents.current(ds, again) == consents.current(ds, again).__class__()
    assert marketing.preview(ds, MarketingPurpose.DIRECT_ADVERTISING, MarketingChannel.POST) == 0


def test_contact_person_has_own_state(ds: DeskSession) -> None:
    from kkdesk.domain.customer import ContactPersonDraft
    from kkdesk.domain.enums import CustomerType

    draft = CustomerDraft(
        type=CustomerType.COMPANY,
        company_name="Kone Oy",
        business_id="0112038-9",
        contacts=(ContactPersonDraft(surname="Aho", first_names="Aino", email="aino@kone.fi"),),
    )
    created = customers.create(ds, draft, source=DataSource.CUSTOMER_LETTER)
    contact_id = created.contacts[0].id
    consents.record(
        ds, created.number, ConsentItem.GENEALOGY, True, LETTER, contact_person_id=contact_id
    )
    persons = consents.load(ds, created.number)
    assert [p.contact_person_id for p in persons] == [None, contact_id]
    assert not persons[0].state[ConsentItem.GENEALOGY]
    assert persons[1].state[ConsentItem.GENEALOGY]
    assert supp_rows(ds) == [("email", "aino@kone.fi", "genealogy", 1)]


def test_record_json_has_consents_and_disclosures(ds: DeskSession) -> None:
    number = person(ds)
    consents.record(ds, number, ConsentItem.SMS_MARKETING, True, LETTER)
    disclosures.record(
        ds,
        number,
        DisclosureDraft(
            DisclosureKind.AUTHORITY, TODAY, "Poliisi", "Poliisilaki 4:3", "Osoitetiedot"
        ),
    )
    with ds.db.read() as session:
        from kkdesk.store import customers as repo

        row = repo.row_by_number(session, number)
        key, persons = consents.record_section(session, row)
        dkey, listed = disclosures.record_section(session, row)
    assert key == "consents" and dkey == "disclosures"
    assert persons[0]["current"]["sms_marketing"]["value"] is True
    assert persons[0]["current"]["sms_marketing"]["since"] == TODAY.isoformat()
    assert persons[0]["history"][0]["document_ref"] == "KIRJE-1"
    assert listed[0]["recipient"] == "Poliisi" and listed[0]["kind"] == "authority"
    doc = record.customer_record(ds, number, purpose="subject_request")
    assert doc["consents"] == persons and doc["disclosures"] == listed


def test_disclosure_needs_recipient_basis_and_content(ds: DeskSession) -> None:
    number = person(ds)
    with pytest.raises(ValidationFailed) as info:
        disclosures.record(
            ds, number, DisclosureDraft(DisclosureKind.THIRD_PARTY, TODAY, "", "", "")
        )
    assert set(info.value.errors) == {"recipient", "legal_basis", "description"}
    assert disclosures.of_customer(ds, number) == ()


def test_another_records_statement_shows_as_suppressed_elsewhere(ds: DeskSession) -> None:
    first = person(ds)
    second = person(ds)  # the same person entered twice: same e-mail and phone
    consents.record(ds, first, ConsentItem.OBJECTION, True, LETTER)
    consents.record(ds, second, ConsentItem.EMAIL_MARKETING, True, LETTER)
    consents.record(ds, second, ConsentItem.EMAIL_MARKETING, False, LETTER)
    mine, theirs = consents.load(ds, first)[0], consents.load(ds, second)[0]
    # The objector's own statement is not "elsewhere"; the other record's is.
    assert mine.suppressed_elsewhere == {ConsentItem.EMAIL_MARKETING}
    assert theirs.suppressed_elsewhere == {ConsentItem.OBJECTION}
    with ds.db.read() as session:
        from kkdesk.store import customers as repo

        _, doc = consents.record_section(session, repo.row_by_number(session, second))
    assert doc[0]["suppressed_elsewhere"] == ["objection"]
    # Lifting the objection lifts it for the other record too.
    consents.record(ds, first, ConsentItem.OBJECTION, False, LETTER)
    assert consents.load(ds, second)[0].suppressed_elsewhere == frozenset()


def test_unknown_contact_person_is_refused(ds: DeskSession) -> None:
    from kkdesk.errors import NotFound

    number = person(ds)
    with pytest.raises(NotFound):
        consents.record(ds, number, ConsentItem.GENEALOGY, True, LETTER, contact_person_id=999)
    assert consents.history(ds, number) == ()
    assert supp_rows(ds) == []


def test_transactional_messages_are_not_affected(ds: DeskSession) -> None:
    """Order, delivery and return notices are not marketing: with every prohibition, an
    objection and a restriction in force, the orders are still handled and the contact
    data is still there for them — only marketing exports leave the customer out."""
    from kkdesk.services import orders
    from tests.orders_factory import standard_history

    number = standard_history(ds)
    for item in (*PROHIBITIONS, ConsentItem.OBJECTION, ConsentItem.RESTRICTION):
        consents.record(ds, number, item, True, LETTER)
    before = customers.get(ds, number, purpose="order_handling")
    delivered = orders.mark_delivered(ds, "W-2")  # the delivery notice's event
    assert delivered.number == "W-2"
    assert len(orders.orders_of(ds, number)) == 3
    after = customers.get(ds, number, purpose="order_handling")
    assert (after.street, after.postal_code) == (before.street, before.postal_code) != ("", "")
    marketer = DeskSession(ds.db, Level.MARKETING)
    for purpose in MarketingPurpose:
        assert marketing.preview(marketer, purpose, MarketingChannel.POST) == 0


@pytest.mark.parametrize("level", [Level.VIEWER, Level.CLERK])
def test_only_privacy_marketing_and_admin_list_disclosures(ds: DeskSession, level: Level) -> None:
    number = person(ds)
    draft = DisclosureDraft(DisclosureKind.AUTHORITY, TODAY, "Poliisi", "Poliisilaki 4:3", "Osoite")
    disclosures.record(ds, number, draft)
    with pytest.raises(PermissionDenied):
        disclosures.of_customer(DeskSession(ds.db, level), number)
    for allowed in (Level.MARKETING, Level.PRIVACY, Level.ADMIN):
        assert len(disclosures.of_customer(DeskSession(ds.db, allowed), number)) == 1
    for refused in (Level.MARKETING, level):
        with pytest.raises(PermissionDenied):
            disclosures.record(DeskSession(ds.db, refused), number, draft)


def two_writers_at_once(first: DeskSession, second: DeskSession, number: str) -> list[object]:
    """Both users saw the same history and record opposite changes at the same moment:
    what each got back (an event, or the error that refused it)."""
    import threading

    seen = max((e.id for e in consents.history(first, number)), default=0)
    start = threading.Barrier(2)
    results: list[object] = [None, None]

    def write(i: int, ds: DeskSession, state: bool) -> None:
        start.wait()
        try:
            results[i] = consents.record(
                ds, number, ConsentItem.EMAIL_MARKETING, state, LETTER, seen_event_id=seen
            )
        except Exception as exc:  # the caller looks at what it is
            results[i] = exc

    threads = [
        threading.Thread(target=write, args=(0, first, True)),
        threading.Thread(target=write, args=(1, second, False)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_of_two_opposite_changes_at_once_the_second_is_told_the_state_changed(
    ds: DeskSession, db_path: object
) -> None:
    number = person(ds)
    consents.record(ds, number, ConsentItem.GENEALOGY, True, LETTER)
    other = open_session(str(db_path), level=Level.ADMIN)  # a second user on the same file
    try:
        results = two_writers_at_once(ds, other, number)
    finally:
        other.close()
    recorded = [r for r in results if isinstance(r, ConsentEvent)]
    refused = [r for r in results if isinstance(r, consents.ConsentChanged)]
    assert (len(recorded), len(refused)) == (1, 1), results
    assert refused[0].params["number"] == number
    # The history, the state and the suppression list agree on the one change recorded.
    history = consents.history(ds, number)
    assert [e.id for e in history] == [recorded[0].id, history[1].id]
    state = consents.current(ds, number)
    assert state[ConsentItem.EMAIL_MARKETING] is recorded[0].state
