"""The access letter's parts about this person (issue 16), read back from the PDF with
pypdf in Finnish, Swedish and English: what applies now, the effective permission per
channel, truthful disclosures, retention worked out, transfers, the scope of a contact
person's letter, postal lines and e-mail addresses unbroken, Swedish addresses, country
names for every country the form accepts, and the PDF's own metadata."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from kkdesk.domain.consent import ConsentEvent, ConsentItem, derive
from kkdesk.domain.customer import ContactPerson
from kkdesk.domain.enums import Channel, CustomerType, Language
from kkdesk.domain.orders import Delivery
from kkdesk.domain.register_info import DEFAULT
from kkdesk.domain.retention import order_kept_until
from kkdesk.domain.validation import COUNTRIES
from kkdesk.reports.access_letter import recipient_lines, render_access_letter
from kkdesk.reports.access_parts import action_text, channel_rows
from kkdesk.reports.addressing import MAX_CHARS, shorten_street
from kkdesk.reports.data import AccessEntry, DisclosureEntry
from kkdesk.reports.texts import Words, country_name
from tests.reports_factory import T0, plain_customer, plain_letter
from tests.unit.reports.pdftext import contains, pages, runs, squeezed

LANGS = [Language.FI, Language.SV, Language.EN]


def _event(i: int, item: ConsentItem, state: bool, day: date) -> ConsentEvent:
    return ConsentEvent(i, item, state, day, Channel.LETTER, f"DOC-{i}", "", "anna", T0)


OBJECTOR = (
    _event(1, ConsentItem.EMAIL_MARKETING, True, date(2025, 3, 1)),
    _event(2, ConsentItem.OBJECTION, True, date(2026, 10, 5)),
)


@pytest.mark.parametrize("lang", LANGS)
def test_an_objection_in_force_is_said_and_prevails_over_a_consent_given(lang: Language) -> None:
    w = Words(lang)
    data = replace(plain_letter(lang), consent_events=OBJECTOR, suppressed=())
    text = squeezed(render_access_letter(data).pdf)
    assert contains(text, w("now_objection", date=w.date(date(2026, 10, 5))))
    prevails = w("why_objection_over_consent", date=w.date(date(2026, 10, 5)),
                 consent_date=w.date(date(2025, 3, 1)))  # fmt: skip
    assert contains(text, prevails)  # the e-mail row: the consent "given" loses
    assert all(row[1] == w("mc_no") for row in channel_rows(w, derive(OBJECTOR)))


@pytest.mark.parametrize("lang", LANGS)
def test_permission_per_channel_in_words(lang: Language) -> None:
    w = Words(lang)
    state = derive(
        (
            _event(1, ConsentItem.SMS_MARKETING, True, date(2025, 1, 1)),
            _event(2, ConsentItem.EMAIL_MARKETING, True, date(2024, 1, 1)),
            _event(3, ConsentItem.EMAIL_MARKETING, False, date(2025, 2, 2)),
            _event(4, ConsentItem.DISTANCE_SELLING, True, date(2025, 3, 3)),
        )
    )
    rows = {r[0]: r[1:] for r in channel_rows(w, state)}
    post, phone = rows[w("mc_post")], rows[w("mc_phone")]
    email, sms = rows[w("mc_email")], rows[w("mc_sms")]
    assert post[0].startswith(w("mc_only", purposes="")[:3])  # all but distance selling
    assert w.maybe("mp", "distance-selling") in post[1] and w.date(date(2025, 3, 3)) in post[1]
    assert email[0] == w("mc_no")
    assert email[1].startswith(w("why_consent_withdrawn", date=w.date(date(2025, 2, 2))))
    assert w("why_consent", date=w.date(date(2025, 1, 1))) in sms[1]
    assert phone[0] != w("mc_yes")  # distance selling is done by telephone too


def test_own_marketing_is_no_disclosure_and_electronic_exports_name_consent() -> None:
    w = Words(Language.FI)
    own = DisclosureEntry(
        T0,
        "Konekesko Oy (own direct marketing)",
        "marketing_export",
        "direct-advertising",
        "Register description, section 7",
        "x",
        "post",
    )
    sms = DisclosureEntry(T0, "Tekstari Oy", "marketing_export", "direct-marketing",
                          "Register description, section 7", "x", "sms")  # fmt: skip
    data = replace(plain_letter(), disclosures=(own, sms))
    text = squeezed(render_access_letter(data).pdf)
    assert not contains(text, "own direct marketing")  # no stored English in Finnish
    assert contains(text, w("own_marketing_uses", uses="")[:40])
    assert contains(text, "Tekstari Oy") and contains(text, w("mx_basis_consent"))
    assert not contains(text, w("mx_basis_interest"))
    assert not contains(text, "Register description")


@pytest.mark.parametrize("lang", LANGS)
def test_retention_is_worked_out_from_the_settings(lang: Language) -> None:
    w = Words(lang)
    data = plain_letter(lang, orders=2)  # orders of January 2024
    text = squeezed(render_access_letter(data).pdf)
    assert contains(text, w("ret_year", year=2024, date=w.date(date(2030, 12, 31))))
    # A financial year ending 30 June: an order of August 2024 is of the year to 6/2025.
    assert order_kept_until(date(2024, 8, 1), "06-30") == date(2031, 12, 31)
    assert order_kept_until(date(2024, 6, 30), "06-30") == date(2030, 12, 31)
    info = replace(DEFAULT, basic_data_years=3, financial_year_end="06-30")
    text = squeezed(render_access_letter(replace(data, register=info)).pdf)
    assert contains(text, w("ret_year", year=2024, date=w.date(date(2030, 12, 31))))
    assert contains(text, w.date(date(2027, 1, 8)))  # the last order + 3 years
    # Eight years for vouchers: the worked-out date and the period's words both follow.
    info = replace(DEFAULT, voucher_years=8, letter_archive_years=5)
    text = squeezed(render_access_letter(replace(data, register=info)).pdf)
    assert contains(text, w("ret_year", year=2024, date=w.date(date(2032, 12, 31))))
    eight, five = {"fi": ("kahdeksan vuotta", "viisi vuotta"), "sv": ("åtta år", "fem år"),
                   "en": ("eight years", "five years")}[lang.value]  # fmt: skip
    assert contains(text, eight) and contains(text, five)


@pytest.mark.parametrize("lang", LANGS)
def test_a_delivery_outside_the_eea_is_a_transfer_named(lang: Language) -> None:
    w = Words(lang)
    data = plain_letter(lang, orders=1)
    order = data.orders[0]
    abroad = Delivery(99, T0, T0, "UPS", "1Z999", "Ö Ä", "1 Main St", "10001", "New York", "US")
    data = replace(data, orders=(replace(order, deliveries=(abroad,)),))
    text = squeezed(render_access_letter(data).pdf)
    assert contains(text, country_name("US", lang)) and contains(text, "49")
    none = squeezed(render_access_letter(plain_letter(lang)).pdf)
    assert contains(none, w("transfers_yours_none"))


def test_log_names_every_read_kind_action_and_prints_no_code() -> None:
    w = Words(Language.EN)
    log = (
        AccessEntry(T0, "search_hit", "customer_service"),
        AccessEntry(T0, "list_view", "marketing"),
        AccessEntry(T0, "reindex", "future_purpose"),
    )
    text = squeezed(render_access_letter(replace(plain_letter("en"), access_log=log)).pdf)
    assert action_text(w, "search_hit") == w("ac_read") == action_text(w, "list_view")
    assert action_text(w, "reindex") == w("ac_other")
    for code in ("search_hit", "list_view", "reindex", "future_purpose"):
        assert code not in text


def test_posti_abbreviations_keep_the_apartment_on_the_street_line() -> None:
    assert shorten_street("Kauppakatu 1 A 2") == "Kauppakatu 1 A 2"  # short: untouched
    long = "Sääksvuorentien Pohjoinenpuistotie 123 huoneisto 123"
    short = shorten_street(long)
    assert short == "Sääksvuorentien Pohjoinenpuistot 123 as. 123"
    assert shorten_street("Drottningholmsvägen 12 lägenhet 1201") == "Drottningholmsv 12 lgh 1201"
    assert len(shorten_street("Storgatan 1")) <= MAX_CHARS
    customer = replace(plain_customer(), street=long)
    pdf = render_access_letter(replace(plain_letter(), customer=customer)).pdf
    address = [r for r in runs(pdf, 0) if 40 <= r.top_mm <= 75 and r.x_mm < 100]
    lines = [r.text for r in address]
    assert short in lines  # one line, the apartment on it: nothing pushed to a line alone
    assert "00100 HELSINKI" in lines


def test_an_email_address_is_never_broken() -> None:
    long_mail = "renee.lapinska.hankintapaallikko@example.fi"
    c = replace(
        plain_customer(),
        contacts=(ContactPerson(7, "Lapinska", "Renée", "Hankintapäällikkö ja "
                                "varastovastaava", "+358501112223", "+358401112223",
                                long_mail),),
    )  # fmt: skip
    text = "\n".join(pages(render_access_letter(replace(plain_letter(), customer=c)).pdf))
    assert long_mail in text.split() or any(long_mail in line for line in text.splitlines())


def test_swedish_letters_use_swedish_place_names() -> None:
    text = "\n".join(pages(render_access_letter(plain_letter("sv")).pdf))
    assert "01380 VANDA" in text and "Gamla Borgåvägen 245" in text
    assert "PB 800" in text and "00531 HELSINGFORS" in text
    assert "VANTAA" not in text and "PL 800" not in text


def test_every_country_the_form_accepts_has_a_name_in_each_language() -> None:
    unnamed = {
        (code, lang.value)
        for code in COUNTRIES
        for lang in LANGS
        if country_name(code, lang) == code
    }
    assert not unnamed
    assert country_name("SE", "fi") == "Ruotsi" and country_name("SE", "sv") == "Sverige"
    assert country_name("CZ", "en") == "Czechia"
    company_abroad = replace(plain_customer(), country="KR", postal_code="04524",
                             post_office="Seoul")  # fmt: skip
    assert recipient_lines(company_abroad)[-1] == "SOUTH KOREA"


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_metadata_declares_the_language_and_holds_no_customer_number(lang: Language) -> None:
    data = plain_letter(lang)
    pdf = render_access_letter(data).pdf
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == lang.value
    meta = reader.metadata or {}
    for key in ("/Title", "/Subject", "/Keywords"):
        assert data.customer.number not in str(meta.get(key, ""))
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", pdf))
    assert fonts == {b"AAAAAA+DejaVuSans", b"AAAAAA+DejaVuSans-Bold"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_contact_persons_letter_holds_no_colleagues_data(lang: Language) -> None:
    me = ContactPerson(7, "Lapinska", "Renée", "ostot", "+358501112223", "", "renee@ex.fi")
    colleague = ContactPerson(8, "Kollega", "Kalle", "myynti", "", "+358409998887",
                              "kalle@ex.fi")  # fmt: skip
    from kkdesk.domain.subject_scope import scoped_customer, scoped_events

    company = replace(plain_customer(), type=CustomerType.COMPANY, company_name="Oy Firma Ab",
                      business_id="1234567-1", contacts=(me, colleague))  # fmt: skip
    events = (
        _event(1, ConsentItem.GENEALOGY, True, date(2025, 1, 1)),
        replace(_event(2, ConsentItem.DIRECTORIES, True, date(2025, 2, 2)), contact_person_id=8),
        replace(_event(3, ConsentItem.OBJECTION, True, date(2025, 3, 3)), contact_person_id=7),
    )
    data = replace(
        plain_letter(lang),
        customer=scoped_customer(company, 7),
        consent_events=scoped_events(company, 7, events),
        orders=(),
        changes=(),
        suppressed=(),
        contact_person_id=7,
    )
    pdf = render_access_letter(data).pdf
    text = squeezed(pdf)
    w = Words(lang)
    for mine in ("Lapinska", "renee@ex.fi", "Oy Firma Ab", "1234567-1", "DOC-3",
                 w.phone("+358501112223")):  # fmt: skip
        assert contains(text, mine), mine
    for theirs in ("Kollega", "kalle@ex.fi", w.phone("+358409998887"), "DOC-2", "DOC-1",
                   company.notes, w.phone(company.phone_home), company.email):  # fmt: skip
        assert not contains(text, theirs), theirs
    assert contains(text, w("scope_contact", company="Oy Firma Ab"))
    assert contains(text, w("now_objection", date=w.date(date(2025, 3, 3))))
    assert recipient_lines(data.customer)[:2] == ("Oy Firma Ab", "Renée Lapinska")


def test_order_kept_until_the_end_of_the_sixth_year() -> None:
    assert order_kept_until(datetime(2024, 12, 31, tzinfo=UTC).date()) == date(2030, 12, 31)
    assert order_kept_until(date(2025, 1, 1)) == date(2031, 12, 31)


def test_new_register_settings_are_validated() -> None:
    from kkdesk.domain.register_info import from_settings, to_settings, value_from_json
    from kkdesk.errors import ValidationFailed

    assert value_from_json("basic_data_years", 3) == 3
    assert value_from_json("financial_year_end", "06-30") == "06-30"
    for key, bad in (("basic_data_years", "3"), ("basic_data_years", True),
                     ("basic_data_years", 101), ("financial_year_end", "02-29"),
                     ("financial_year_end", "June")):  # fmt: skip
        with pytest.raises(ValidationFailed):
            value_from_json(key, bad)
    assert from_settings(to_settings(DEFAULT)) == DEFAULT
