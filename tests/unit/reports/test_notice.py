"""The privacy notice, in each language, from the register information."""

from __future__ import annotations

from datetime import date

import pytest

from kkdesk.domain.register_info import DEFAULT
from kkdesk.reports.notice import render_privacy_notice
from tests.unit.reports.pdftext import contains, squeezed


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_notice_prints_every_part(lang: str) -> None:
    text = squeezed(render_privacy_notice(DEFAULT, lang, on=date(2025, 1, 2)).pdf)
    assert contains(text, DEFAULT.controller_name)
    assert contains(text, DEFAULT.contact_name)
    for group in (DEFAULT.data_categories, DEFAULT.sources, DEFAULT.recipients,
                  DEFAULT.retention, DEFAULT.protection, DEFAULT.rights):  # fmt: skip
        for t in group:
            assert contains(text, t.get(lang))
    for pb in DEFAULT.purposes:
        assert contains(text, pb.purpose.get(lang)) and contains(text, pb.legal_basis.get(lang))
    assert contains(text, DEFAULT.transfers.get(lang))
    assert contains(text, DEFAULT.automated_decisions.get(lang))
    assert contains(text, DEFAULT.authority_name.get(lang))


def test_notice_keeps_every_promise_of_the_original_description() -> None:
    """Section by section, what the Finnish register description says is still said."""
    text = squeezed(render_privacy_notice(DEFAULT, "fi", on=date(2025, 1, 2)).pdf)
    for phrase in (
        "Konekesko Oy", "Vanha Porvoontie 245", "01380 VANTAA", "Antti Riuttala",
        "Konekesko Webshop asiakasrekisteri", "suoramarkkinointi", "yhteistyökumppanit",
        "päivityspalveluja", "lukitussa tilassa",
        "oma käyttäjätunnus ja salasana", "palomuurilla", "varmuuskopioidaan",
        "vaitiolovelvollisuus", "henkilömatrikkelit ja sukututkimus",
        # Section 9 asked for prohibitions in writing; the GDPR lets them be made in any
        # way (Art. 12(2), 21), so the notice promises more: "any way" includes writing.
        "millä tavalla tahansa",
    ):  # fmt: skip
        assert contains(text.casefold(), phrase.casefold()), phrase


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_right_to_object_stands_first_and_apart(lang: str) -> None:
    """Art. 21(4): brought explicitly to the data subject's attention, clearly and
    separately from any other information; a prohibition may be made in any way."""
    from dataclasses import replace

    from kkdesk.reports.texts import Words

    w = Words(lang)
    text = squeezed(render_privacy_notice(DEFAULT, lang, on=date(2025, 1, 2)).pdf)
    box, first_section = (
        text.find("".join(w("n_object").split())),
        text.find("".join(w("s_controller").split())),
    )
    assert 0 < box < first_section
    assert contains(text, w("n_object_title"))
    assert not contains(text.casefold(), "kirjallisesti") or lang != "fi"
    # Art. 13(1)(b) and 13(2)(e).
    assert contains(text, w("n_dpo")) and contains(text, w("n_dpo_none"))
    assert contains(text, DEFAULT.provision_statement.get(lang))
    named = replace(DEFAULT, dpo_contact="Tietosuojavastaava Oy, dpo@example.fi")
    text = squeezed(render_privacy_notice(named, lang, on=date(2025, 1, 2)).pdf)
    assert contains(text, "dpo@example.fi") and not contains(text, w("n_dpo_none"))
    # The addresses as a reader of the language writes them.
    for line in (*DEFAULT.controller_address_in(lang), *DEFAULT.authority_address_in(lang)):
        assert contains(text, line)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_notice_declares_its_language_and_names_only_its_fonts(lang: str) -> None:
    import io
    import re

    from pypdf import PdfReader

    pdf = render_privacy_notice(DEFAULT, lang, on=date(2025, 1, 2)).pdf
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == lang
    assert set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", pdf)) == {
        b"AAAAAA+DejaVuSans",
        b"AAAAAA+DejaVuSans-Bold",
    }


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_notice_retention_follows_the_settings(lang: str) -> None:
    """Changing a retention period changes the printed promise: the notice has no
    retention text of its own."""
    from dataclasses import replace

    changed = replace(DEFAULT, basic_data_years=4, voucher_years=9, letter_archive_years=7,
                      financial_year_end="06-30")  # fmt: skip
    before = squeezed(render_privacy_notice(DEFAULT, lang, on=date(2025, 1, 2)).pdf)
    after = squeezed(render_privacy_notice(changed, lang, on=date(2025, 1, 2)).pdf)
    four, nine, seven, june = {
        "fi": ("neljä vuotta", "yhdeksän vuotta", "seitsemän vuotta", "30.6."),
        "sv": ("fyra år", "nio år", "sju år", "30.6"),
        "en": ("four years", "nine years", "seven years", "30 June"),
    }[lang]
    for phrase in (four, nine, seven, june):
        assert not contains(before, phrase)
        assert contains(after, phrase)
    for t in changed.retention:
        assert contains(after, t.get(lang))
