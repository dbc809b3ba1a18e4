"""The rules of merging two records of one person, without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kkdesk.domain import catalogue
from kkdesk.domain import duplicates as dup
from kkdesk.domain.catalogue import Kind, Table
from kkdesk.domain.consent import ConsentEvent, ConsentItem, derive
from kkdesk.domain.enums import Channel, CustomerType, Language
from kkdesk.errors import RuleViolation

BASE: dict[str, object] = {
    "surname": "Virtanen", "first_names": "Aino", "street": "Kauppakatu 1",
    "postal_code": "40100", "post_office": "JYVÄSKYLÄ", "country": "FI",
    "phone_mobile": "+358401234567", "phone_home": "", "phone_work": "", "email": "",
    "birth_date": date(1980, 5, 1), "language": Language.FI, "notes": "", "extra": {},
}  # fmt: skip


def test_the_groups_cover_every_entered_field_of_a_person() -> None:
    person = {f.name for f in catalogue.tracked(Table.CUSTOMER) if Kind.PERSON in f.kinds}
    assert set(dup.FIELDS) == person
    assert len(dup.FIELDS) == len(set(dup.FIELDS))


def test_defaults_keep_the_kept_value_but_never_an_empty_one() -> None:
    other = {**BASE, "street": "Vanha 2", "postal_code": "00100", "post_office": "HKI",
             "email": "a@example.fi", "phone_mobile": "", "notes": "Soita iltaisin"}  # fmt: skip
    kept = {**BASE, "notes": "Asiakas vuodesta 1990"}
    diffs = {d.name: d.default for d in dup.differences(kept, other)}
    assert diffs == {"address": dup.Side.KEPT, "email": dup.Side.OTHER,
                     "phone_mobile": dup.Side.KEPT, "notes": dup.Side.BOTH}  # fmt: skip
    values, taken = dup.merged_values(kept, other, {})
    assert values["street"] == "Kauppakatu 1" and values["email"] == "a@example.fi"
    assert values["phone_mobile"] == "+358401234567"
    assert values["notes"] == "Asiakas vuodesta 1990\n\nSoita iltaisin"
    assert taken == diffs


def test_an_address_is_taken_whole() -> None:
    other = {**BASE, "street": "Vanha 2", "postal_code": "00100", "post_office": "HKI",
             "country": "SE"}  # fmt: skip
    values, _ = dup.merged_values(BASE, other, {"address": "other"})
    assert (values["street"], values["postal_code"], values["post_office"], values["country"]) \
        == ("Vanha 2", "00100", "HKI", "SE")  # fmt: skip
    # An empty address with a country is still empty: the other's address fills it.
    blank = {**BASE, "street": "", "postal_code": "", "post_office": ""}
    assert {d.name: d.default for d in dup.differences(blank, other)}["address"] is dup.Side.OTHER


def test_extra_data_joins_with_the_kept_key_winning() -> None:
    kept = {**BASE, "extra": {"asiakasryhmä": "A", "lehti": "kyllä"}}
    other = {**BASE, "extra": {"asiakasryhmä": "B", "vip": "1"}}
    values, taken = dup.merged_values(kept, other, {})
    assert taken == {"extra": dup.Side.BOTH}
    assert values["extra"] == {"asiakasryhmä": "A", "lehti": "kyllä", "vip": "1"}


@pytest.mark.parametrize(
    "choices", [{"nickname": "other"}, {"email": "mine"}, {"email": "both"}, {"name": "both"}]
)
def test_unknown_or_impossible_choices_are_refused(choices: dict[str, str]) -> None:
    with pytest.raises(RuleViolation) as caught:
        dup.merged_values(BASE, {**BASE, "email": "x@example.fi"}, choices)
    assert caught.value.code == "merge_choice"


def test_customer_since_is_the_earlier() -> None:
    assert dup.customer_since(date(2020, 1, 1), date(2010, 6, 1)) == date(2010, 6, 1)


@pytest.mark.parametrize(
    ("kept", "other", "code"),
    [
        (("1", "person", False, False), ("1", "person", False, False), "merge_same"),
        (("1", "person", False, False), ("2", "company", False, False), "merge_not_person"),
        (("1", "company", False, False), ("2", "person", False, False), "merge_not_person"),
        (("1", "company", False, False), ("2", "company", False, False), "merge_not_person"),
        (("1", "person", False, False), ("2", "person", True, False), "merge_erased"),
        (("1", "person", True, False), ("2", "person", False, False), "merge_erased"),
        (("1", "person", False, False), ("2", "person", False, True), "merge_merged"),
        (("1", "person", False, True), ("2", "person", False, False), "merge_merged"),
    ],
)
def test_refusals(kept: tuple[str, str, bool, bool], other: tuple[str, str, bool, bool],
                  code: str) -> None:  # fmt: skip
    refused = dup.refusal(dup.Party(*kept), dup.Party(*other))
    assert refused is not None and refused.code == code
    assert dup.refusal(dup.Party("1", CustomerType.PERSON, False, False),
                       dup.Party("2", CustomerType.PERSON, False, False)) is None  # fmt: skip


_ID = iter(range(1, 10_000))


def ev(item: ConsentItem, state: bool, day: int = 1) -> ConsentEvent:
    return ConsentEvent(next(_ID), item, state, date(2025, 1, day), Channel.LETTER, f"REF-{day}",
                        "", "clerk", datetime(2025, 1, day, tzinfo=UTC))  # fmt: skip


P, E, S, R = (ConsentItem.DIRECT_ADVERTISING, ConsentItem.EMAIL_MARKETING,
              ConsentItem.SMS_MARKETING, ConsentItem.RESTRICTION)  # fmt: skip


@pytest.mark.parametrize(
    ("kept", "other", "expected"),
    [
        # A prohibition on either record stays, even when the other lifted its own later.
        ([], [ev(P, True)], True),
        ([ev(P, True)], [], True),
        ([ev(P, True), ev(P, False, 9)], [ev(P, True, 2)], True),
        ([ev(P, False)], [ev(P, False)], False),
        # A restriction likewise.
        ([], [ev(R, True)], True),
    ],
)
def test_prohibitions_in_force_on_either_record_stay(
    kept: list[ConsentEvent], other: list[ConsentEvent], expected: bool
) -> None:
    item = (kept or other)[0].item
    assert dup.combine(derive(kept), derive(other))[item] is expected


@pytest.mark.parametrize(
    ("kept", "other", "expected"),
    [
        ([ev(E, True)], [ev(E, True)], True),
        ([ev(E, True)], [], True),  # never asked on the other: no statement against it
        ([], [ev(E, True)], True),
        ([ev(E, True, 9)], [ev(E, True), ev(E, False, 2)], False),  # withdrawn there
        ([ev(E, False)], [ev(E, True, 9)], False),  # refused here, given later there
        ([], [], False),
    ],
)
def test_a_consent_survives_only_without_a_refusal_on_either_record(
    kept: list[ConsentEvent], other: list[ConsentEvent], expected: bool
) -> None:
    assert dup.combine(derive(kept), derive(other))[E] is expected


def test_changes_cite_the_other_records_event_and_are_only_what_differs() -> None:
    withdrawal = ev(E, False, 3)
    kept = derive([ev(E, True, 5), ev(S, False, 5)])
    other = derive([ev(E, True, 1), withdrawal, ev(P, True, 2), ev(S, True, 4)])
    changes = dup.consent_changes(kept, other)
    assert {(c.item, c.value) for c in changes} == {(E, False), (P, True)}
    (email,) = [c for c in changes if c.item is E]
    assert email.source is withdrawal
    evidence = dup.change_evidence(email, kept_number="1000017", other_number="1000025",
                                   received_on=date(2025, 6, 1))  # fmt: skip
    assert evidence.received_on == date(2025, 6, 1)
    assert evidence.channel is Channel.LETTER and evidence.document_ref == "REF-3"
    assert "1000025 into 1000017" in evidence.note and "received 2025-01-03" in evidence.note
    # Applied, the kept record's state is the combined one.
    assert dup.combine(kept, other)[S] is False  # refused on the kept record
