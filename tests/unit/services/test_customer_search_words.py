"""Search reaches what clerks type: any word of a name, a contact person, a street, a post
office; a number with a wrong check digit says so. On a real migrated SQLite register."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.enums import CustomerType, DataSource
from kkdesk.domain.search import WordKind, customer_number
from kkdesk.errors import KnownError
from kkdesk.services import customers as cs
from kkdesk.services.session import DeskSession
from kkdesk.store.models import SearchWord

CAMPING = CustomerDraft(
    type=CustomerType.COMPANY,
    company_name="Leirintäalue Kotkajärvi Oy",
    business_id="2331972-7",
    street="Kotkankatu 5 B 12",
    postal_code="68600",
    post_office="Pietarsaari",
    contacts=(
        ContactPersonDraft(surname="Virtanen", first_names="Matti", role="Toimitusjohtaja"),
        ContactPersonDraft(surname="Björklund", first_names="Anna"),
    ),
)
GARDEN = CustomerDraft(
    type=CustomerType.COMPANY,
    company_name="Trädgård Björk Ab",
    business_id="0109862-8",
    street="Storgatan 1",
    postal_code="68600",
    post_office="Jakobstad",
)
PERSON = CustomerDraft(
    surname="Möttönen",
    first_names="Matti Juhani",
    street="Pohjoinen Rautatiekatu 3",
    postal_code="00100",
    post_office="Helsinki",
)


def _add(ds: DeskSession, draft: CustomerDraft) -> str:
    return cs.create(ds, draft, source=DataSource.CUSTOMER_PHONE).number


def _found(ds: DeskSession, text: str) -> list[tuple[str, WordKind | None, str]]:
    return [(r.number, r.matched, r.matched_text) for r in cs.search(ds, text, limit=50).rows]


def test_any_word_of_a_company_name_finds_it(ds: DeskSession) -> None:
    camping, garden = _add(ds, CAMPING), _add(ds, GARDEN)
    _add(ds, PERSON)
    assert _found(ds, "kotkaj") == [(camping, WordKind.NAME, "Leirintäalue Kotkajärvi Oy")]
    assert _found(ds, "KOTKAJÄRVI leir") == [(camping, WordKind.NAME, "Leirintäalue Kotkajärvi Oy")]
    assert _found(ds, "leirintä") == [(camping, None, "")]  # the name's start, as before
    # "björk": Björk in the garden's name; the camping through its contact Björklund.
    assert _found(ds, "björk") == [
        (garden, WordKind.NAME, "Trädgård Björk Ab"),
        (camping, WordKind.CONTACT, "Björklund Anna"),
    ]
    assert _found(ds, "juhani")[0][0] == _found(ds, "möttönen")[0][0]  # a later first name


def test_a_contact_persons_name_finds_the_company_and_says_who(ds: DeskSession) -> None:
    camping = _add(ds, CAMPING)
    contact = [(camping, WordKind.CONTACT, "Virtanen Matti")]
    assert _found(ds, "virtanen") == contact
    assert _found(ds, "virtanen matti") == contact
    assert _found(ds, "matti virt") == contact
    assert _found(ds, "virtanen anna") == []  # both words must be the same contact's


def test_street_and_post_office_find_customers(ds: DeskSession) -> None:
    camping, garden, person = _add(ds, CAMPING), _add(ds, GARDEN), _add(ds, PERSON)
    street = (camping, WordKind.STREET, "Kotkankatu 5 B 12")
    assert _found(ds, "kotkank") == [street]
    assert _found(ds, "kotkankatu 5") == [street]
    assert _found(ds, "5 kotkankatu") == [street]
    assert _found(ds, "kotkankatu 7") == []
    assert _found(ds, "rautatiek") == [(person, WordKind.STREET, "Pohjoinen Rautatiekatu 3")]
    assert _found(ds, "pietarsaari") == [(camping, WordKind.POST_OFFICE, "PIETARSAARI")]
    assert _found(ds, "jakobst") == [(garden, WordKind.POST_OFFICE, "JAKOBSTAD")]


def test_a_customer_is_listed_once_however_many_words_match(ds: DeskSession) -> None:
    number = _add(
        ds,
        replace(
            CAMPING,
            company_name="Kotka Kotkanen Oy",
            street="Kotkantie 1",
            post_office="Kotka",
            contacts=(ContactPersonDraft(surname="Kotkamaa", first_names="Kotkas"),),
        ),
    )
    assert [n for n, _k, _t in _found(ds, "kotka")] == [number]
    other = _add(ds, replace(PERSON, surname="Aalto", street="Kotkantie 9"))
    hits = cs.search(ds, "kotka", limit=1)
    assert [r.number for r in hits.rows] == [number]  # the name's start comes first
    assert hits.next is not None
    rest = cs.search(ds, "kotka", after=hits.next, limit=1)
    assert [r.number for r in rest.rows] == [other]


def test_saving_rewrites_the_words(ds: DeskSession) -> None:
    number = _add(ds, CAMPING)
    opened = cs.get(ds, number, purpose="customer_service")
    kept = [
        ContactPersonDraft(id=c.id, surname=c.surname, first_names=c.first_names, role=c.role)
        for c in opened.contacts
        if c.surname != "Virtanen"
    ]
    contacts = (*kept, ContactPersonDraft(surname="Nieminen", first_names="Kaisa"))
    draft = replace(CAMPING, street="Satamatie 2", post_office="Kokkola", contacts=contacts)
    cs.update(ds, number, draft, expected_version=opened.version, source=DataSource.CUSTOMER_PHONE)
    for gone in ("virtanen", "kotkankatu", "pietarsaari"):
        assert _found(ds, gone) == [], gone
    assert _found(ds, "nieminen") == [(number, WordKind.CONTACT, "Nieminen Kaisa")]
    assert _found(ds, "satamat") == [(number, WordKind.STREET, "Satamatie 2")]
    assert _found(ds, "kokkola") == [(number, WordKind.POST_OFFICE, "KOKKOLA")]
    with ds.db.read() as session:
        kinds = session.execute(select(SearchWord.kind, SearchWord.word)).all()
    assert ("contact", "virtanen") not in kinds and ("contact", "nieminen") in kinds


def test_a_wrong_check_digit_says_so_instead_of_finding_nothing(ds: DeskSession) -> None:
    number = _add(ds, PERSON)
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    with pytest.raises(KnownError) as caught:
        cs.search(ds, wrong)
    assert caught.value.code == "check_digit"
    assert caught.value.params == {"text": wrong, "kind": "customer_number"}
    assert "check digit" in caught.value.message and wrong in caught.value.message
    with pytest.raises(KnownError) as caught:
        cs.search(ds, "2331972-8")
    assert caught.value.params["kind"] == "business_id"
    # A valid number nobody has is simply not found.
    assert cs.search(ds, customer_number(999_999)).rows == ()
    assert [r.number for r in cs.search(ds, number).rows] == [number]


def test_several_short_words_read_a_bounded_part_of_the_register_and_say_so(
    ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kkdesk.store import customers as repo

    for surname in ("Koivisto", "Koivu", "Kokko", "Kolehmainen", "Koskinen"):
        _add(ds, replace(PERSON, surname=surname, first_names="Anna"))
    last = _add(ds, replace(PERSON, surname="Kovanen", first_names="Zelda"))
    assert cs.search(ds, "ko ze").rows[0].number == last  # few keys: the whole range
    monkeypatch.setattr(repo, "SHORT_SCAN_CAP", 3)
    page = cs.search(ds, "ko ze")
    # "ko" starts more keys than the cap: only the first ones were tested against "ze".
    assert page.rows == () and page.narrowed
    page = cs.search(ds, "kov ze")  # a word of three letters drives an index range as usual
    assert [r.number for r in page.rows] == [last] and not page.narrowed
    assert not cs.search(ds, "ko").narrowed  # one word: every key in range is a hit
