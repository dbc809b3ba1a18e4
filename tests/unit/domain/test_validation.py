"""Validation of customer data: property tests over the validators, and whole drafts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.enums import CustomerType
from kkdesk.domain.validation import (
    FieldInvalid,
    clean_text,
    validate_birth_date,
    validate_business_id,
    validate_customer,
    validate_email_address,
    validate_name,
    validate_phone,
    validate_postal_code,
)
from kkdesk.errors import ValidationFailed

TODAY = date(2026, 11, 25)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def ytunnus_check(body: str) -> int | None:
    rest = sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11
    return None if rest == 1 else (0 if rest == 0 else 11 - rest)


@given(st.from_regex(r"\A[0-9]{5}\Z"))
def test_any_five_digits_is_a_finnish_postal_code(code: str) -> None:
    assert validate_postal_code(code, "FI") == code


@given(
    st.text(max_size=12).filter(
        lambda s: (
            not (len(s.strip()) == 5 and s.strip().isascii() and s.strip().isdigit()) and s.strip()
        )
    )
)
def test_anything_else_is_refused_as_a_finnish_postal_code(text: str) -> None:
    with pytest.raises(FieldInvalid) as err:
        validate_postal_code(text, "FI")
    assert err.value.code == "postal_code_fi"


def test_foreign_postal_codes_follow_their_country() -> None:
    assert validate_postal_code("sw1a 1aa", "GB") == "SW1A 1AA"
    assert validate_postal_code("114 55", "SE") == "114 55"
    with pytest.raises(FieldInvalid):
        validate_postal_code("###", "SE")


@given(
    prefix=st.sampled_from(["40", "41", "44", "45", "46", "50"]),
    rest=st.from_regex(r"\A[0-9]{7}\Z"),
    style=st.sampled_from(
        ["0{p} {a} {b}", "+358{p}{a}{b}", "0{p}-{a}{b}", "+358 {p} {a} {b}", "00358{p}{a}{b}"]
    ),
)
def test_every_written_form_of_a_mobile_number_gives_one_e164(
    prefix: str, rest: str, style: str
) -> None:
    written = style.format(p=prefix, a=rest[:3], b=rest[3:])
    assert validate_phone(written) == f"+358{prefix}{rest}"


@given(st.text(alphabet="abcxyz!?#", min_size=1, max_size=12))
def test_text_is_not_a_phone_number(text: str) -> None:
    with pytest.raises(FieldInvalid):
        validate_phone(text)


@given(st.from_regex(r"\A[0-9]{7}\Z"))
def test_business_id_checksum(body: str) -> None:
    check = ytunnus_check(body)
    if check is None:
        with pytest.raises(FieldInvalid):
            validate_business_id(body + "0", required=True)
        return
    assert validate_business_id(f"{body}-{check}", required=True) == f"{body}-{check}"
    wrong = (check + 1) % 10
    if ytunnus_check(body) != wrong:
        with pytest.raises(FieldInvalid):
            validate_business_id(f"{body}-{wrong}", required=True)


@given(st.dates(min_value=date(1890, 1, 1), max_value=date(2100, 1, 1)))
def test_birth_date_between_130_years_ago_and_today(value: date) -> None:
    oldest = date(TODAY.year - 130, TODAY.month, TODAY.day)
    if oldest <= value <= TODAY:
        assert validate_birth_date(value, TODAY) == value
    else:
        with pytest.raises(FieldInvalid):
            validate_birth_date(value, TODAY)


@pytest.mark.parametrize(
    ("given_", "expected"),
    [
        ("matti.meikalainen@example.fi", "matti.meikalainen@example.fi"),
        ("  Matti@EXAMPLE.fi ", "Matti@example.fi"),
    ],
)
def test_email_is_normalised(given_: str, expected: str) -> None:
    assert validate_email_address(given_) == expected


@pytest.mark.parametrize("bad", ["matti", "matti@", "@example.fi", "a b@example.fi", "x@y"])
def test_bad_email_is_refused(bad: str) -> None:
    with pytest.raises(FieldInvalid):
        validate_email_address(bad)


def person(**kw: object) -> CustomerDraft:
    base = CustomerDraft(
        surname="Möttönen",
        first_names="Matti",
        street="Kotikatu 1",
        postal_code="00100",
        post_office="Helsinki",
        phone_mobile="040 123 4567",
        email="matti@example.fi",
        birth_date=date(1970, 1, 1),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_a_valid_person_is_normalised() -> None:
    clean = validate_customer(person(), TODAY)
    assert clean.phone_mobile == "+358401234567"
    assert clean.post_office == "HELSINKI"


def test_every_invalid_field_is_named_at_once() -> None:
    with pytest.raises(ValidationFailed) as err:
        validate_customer(
            person(
                surname="", postal_code="123", email="nope", birth_date=TODAY + timedelta(days=1)
            ),
            TODAY,
        )
    assert set(err.value.errors) == {"surname", "postal_code", "email", "birth_date"}
    assert err.value.errors["surname"].code == "required"
    assert err.value.errors["birth_date"].code == "birth_date_future"


def test_partial_address_is_refused() -> None:
    with pytest.raises(ValidationFailed) as err:
        validate_customer(person(street="", post_office=""), TODAY)
    assert {"street", "post_office"} <= set(err.value.errors)


def test_company_needs_name_and_business_id_and_validates_contacts() -> None:
    draft = CustomerDraft(
        type=CustomerType.COMPANY,
        contacts=(ContactPersonDraft(surname="", first_names="Ville", email="bad"),),
    )
    with pytest.raises(ValidationFailed) as err:
        validate_customer(draft, TODAY)
    assert {"company_name", "business_id", "contacts[0].surname", "contacts[0].email"} <= set(
        err.value.errors
    )


def test_company_has_no_birth_date_and_person_no_contacts() -> None:
    with pytest.raises(ValidationFailed) as err:
        validate_customer(
            CustomerDraft(
                type=CustomerType.COMPANY,
                company_name="Virtanen & Poika Oy",
                business_id="2331972-7",
                birth_date=date(1990, 1, 1),
            ),
            TODAY,
        )
    assert err.value.errors["birth_date"].code == "company_birth_date"
    with pytest.raises(ValidationFailed) as err:
        validate_customer(
            person(contacts=(ContactPersonDraft(surname="A", first_names="B"),)), TODAY
        )
    assert "contacts" in err.value.errors


@given(
    surname=st.text(min_size=1, max_size=30).filter(lambda s: any(c.isalpha() for c in s)),
    phone=st.sampled_from(["040 123 4567", "+358 50 765 4321", "09 123 4567"]),
)
def test_validation_is_idempotent(surname: str, phone: str) -> None:
    try:
        once = validate_customer(person(surname=surname, phone_home=phone), TODAY)
    except ValidationFailed:
        return  # control characters and the like: refused, which is the point
    assert validate_customer(once, TODAY) == once


# Characters that could drive a terminal or printer, or make text look like something else.
CONTROLS = ["\x00", "\x07", "\x1b[2J", "\x7f", "\x85", "\x9b31m", "\u2028", "\u2029", "\r"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u200e", "\u200f", "\u061c"]  # fmt: skip
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


@pytest.mark.parametrize("char", CONTROLS)
def test_names_and_one_line_fields_refuse_control_characters(char: str) -> None:
    for check in (
        lambda v: validate_name(v, required=True),
        clean_text,
        validate_email_address,
    ):
        with pytest.raises(FieldInvalid) as err:
            check(f"Vir{char}tanen@example.fi")
        assert err.value.code == "control_chars"


@pytest.mark.parametrize("char", BIDI + ZERO_WIDTH)
def test_names_and_one_line_fields_refuse_bidi_and_zero_width_characters(char: str) -> None:
    for check in (lambda v: validate_name(v, required=True), clean_text, validate_email_address):
        with pytest.raises(FieldInvalid) as err:
            check(f"anna{char}@example.fi")
        assert err.value.code == "invisible_chars"


def test_notes_keep_lines_and_joiners_but_refuse_controls_and_bidi() -> None:
    assert clean_text("rivi 1\r\nrivi 2\rrivi 3", multiline=True) == "rivi 1\nrivi 2 rivi 3"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # an emoji sequence needs ZWJ
    assert clean_text(f"Perhe {family}", multiline=True) == f"Perhe {family}"
    with pytest.raises(FieldInvalid) as err:
        clean_text("maksettu \u202eyllä ei", multiline=True)
    assert err.value.code == "invisible_chars"
    with pytest.raises(FieldInvalid) as err:
        clean_text("\x1b]52;c;ZWNobw==\x07", multiline=True)
    assert err.value.code == "control_chars"
    assert clean_text("Kauppakatu\t1") == "Kauppakatu 1"  # a tab is white space


def test_a_whole_customer_names_each_field_with_its_code() -> None:
    draft = CustomerDraft(
        type=CustomerType.COMPANY,
        company_name="Kone\u202eyO",
        business_id="0109862-8",
        street="Katu\x1b[31m 1",
        postal_code="00100",
        post_office="HELSINKI",
        contacts=(ContactPersonDraft(surname="Vir\u200btanen", first_names="Aino"),),
    )
    with pytest.raises(ValidationFailed) as err:
        validate_customer(draft, date(2026, 1, 1))
    codes = {k: e.code for k, e in err.value.errors.items()}
    assert codes == {
        "company_name": "invisible_chars",
        "street": "control_chars",
        "contacts[0].surname": "invisible_chars",
    }


def test_consent_evidence_and_disclosures_refuse_them_too() -> None:
    from kkdesk.domain.consent import Evidence, validate_evidence
    from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind, validate_disclosure
    from kkdesk.domain.enums import Channel

    with pytest.raises(ValidationFailed) as err:
        validate_evidence(
            Evidence(date(2025, 1, 1), Channel.LETTER, "K\u200b-1", "ok"), date(2026, 1, 1)
        )
    assert err.value.errors["document_ref"].code == "invisible_chars"
    with pytest.raises(ValidationFailed) as err:
        validate_disclosure(
            DisclosureDraft(DisclosureKind.AUTHORITY, date(2025, 1, 1), "Poliisi\x1b", "L", "d"),
            date(2026, 1, 1),
        )
    assert err.value.errors["recipient"].code == "control_chars"
