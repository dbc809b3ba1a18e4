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
        "vaitiolovelvollisuus", "henkilömatrikkelit ja sukututkimus", "kirjallisesti",
    ):  # fmt: skip
        assert contains(text.casefold(), phrase.casefold()), phrase
