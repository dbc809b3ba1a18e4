"""The results list says which contact person or street a company was found by, and a
number with a wrong check digit gets a sentence saying so, in the user's language."""

from __future__ import annotations

from typing import Any

import pytest

from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.enums import CustomerType, DataSource
from kkdesk.services import customers
from kkdesk.services.session import DeskSession
from kkdesk.ui.i18n import Translations
from kkdesk.ui.search_panel import SearchPanel
from kkdesk.ui.tasks import TaskRunner

CAMPING = CustomerDraft(
    type=CustomerType.COMPANY,
    company_name="Leirintäalue Kotkajärvi Oy",
    business_id="2331972-7",
    street="Kotkankatu 5 B 12",
    postal_code="68600",
    post_office="Pietarsaari",
    contacts=(ContactPersonDraft(surname="Virtanen", first_names="Matti"),),
)


def _search(qtbot: Any, panel: SearchPanel, text: str) -> list[str]:
    panel.edit.setText(text)
    qtbot.waitUntil(lambda: panel.model.query == text and not panel.model.loading)
    return [panel.model.data(panel.model.index(i, 1)) for i in range(panel.model.rowCount())]


@pytest.mark.parametrize(
    ("language", "contact", "street"),
    [
        ("en", "contact person", "street"),
        ("fi", "yhteyshenkilö", "katuosoite"),
        ("sv", "kontaktperson", "gatuadress"),
    ],
)
def test_rows_found_by_a_contact_or_street_say_so(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    english: Translations,
    language: str,
    contact: str,
    street: str,
) -> None:
    english.install(language)
    customers.create(desk_ds, CAMPING, source=DataSource.PUBLIC_SOURCE)
    panel = SearchPanel(desk_ds, runner)
    qtbot.addWidget(panel)
    name = "Leirintäalue Kotkajärvi Oy"
    assert set(_search(qtbot, panel, "kotkaj")) == {name}  # the demo may have one too
    assert f"{name} ({contact}: Virtanen Matti)" in _search(qtbot, panel, "virtanen matti")
    assert _search(qtbot, panel, "kotkankatu 5") == [f"{name} ({street}: Kotkankatu 5 B 12)"]


@pytest.mark.parametrize(
    ("language", "number_says", "business_id_says"),
    [
        ("en", "not a valid customer number", "not a valid business ID"),
        ("fi", "ei ole kelvollinen asiakasnumero", "ei ole kelvollinen Y-tunnus"),
        ("sv", "är inte ett giltigt kundnummer", "är inte ett giltigt FO-nummer"),
    ],
)
def test_a_wrong_check_digit_is_named_in_the_status_line(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    english: Translations,
    language: str,
    number_says: str,
    business_id_says: str,
) -> None:
    english.install(language)
    panel = SearchPanel(desk_ds, runner)
    qtbot.addWidget(panel)
    opened: list[object] = []
    panel.customer_activated.connect(opened.append)
    for text, says in (("1000008", number_says), ("0109862-7", business_id_says)):
        assert _search(qtbot, panel, text) == []
        assert says in panel.status.text(), panel.status.text()
        assert text in panel.status.text()
    _search(qtbot, panel, "0109862-8")
    assert "0109862" not in panel.status.text()  # a valid ID: the usual count


def test_short_words_that_searched_part_of_the_register_ask_for_more_letters(
    qtbot: Any,
    desk_ds: DeskSession,
    runner: TaskRunner,
    english: Translations,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kkdesk.store import customers as repo

    monkeypatch.setattr(repo, "SHORT_SCAN_CAP", 0)
    panel = SearchPanel(desk_ds, runner)
    qtbot.addWidget(panel)
    for language, says in (
        ("en", "Words this short search only part of the register: type more letters."),
        ("fi", "kirjoita lisää kirjaimia"),
        ("sv", "skriv fler bokstäver"),
    ):
        english.install(language)
        _search(qtbot, panel, f"mö ma {language}")
        assert says in panel.status.text(), panel.status.text()
    _search(qtbot, panel, "möttönen ma")
    assert "short" not in panel.status.text()
