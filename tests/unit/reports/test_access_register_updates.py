"""The access letter lists the prohibition of register updates among the prohibitions
(fi/sv/en), and it forbids no marketing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kkdesk.domain.consent import ConsentEvent, ConsentItem, derive
from kkdesk.domain.enums import Channel, Language
from kkdesk.reports.access_letter import render_access_letter
from kkdesk.reports.access_parts import channel_rows
from kkdesk.reports.texts import Words
from tests.reports_factory import T0, plain_letter
from tests.unit.reports.pdftext import contains, squeezed

EVENTS = (
    ConsentEvent(1, ConsentItem.REGISTER_UPDATES, True, date(2025, 4, 1), Channel.LETTER,
                 "VTJ-1", "", "anna", T0),
)  # fmt: skip


@pytest.mark.parametrize("lang", [Language.FI, Language.SV, Language.EN])
def test_the_letter_names_the_prohibition_of_updates(lang: Language) -> None:
    w = Words(lang)
    data = replace(plain_letter(lang), consent_events=EVENTS, suppressed=())
    text = squeezed(render_access_letter(data).pdf)
    assert contains(text, w("ci_register_updates"))
    item = w("now_item_since", item=w("mp_register-updates"), date=w.date(date(2025, 4, 1)))
    assert contains(text, w("now_prohibited", items=item))
    # Not a marketing purpose: the channels' table is the one without any prohibition.
    assert channel_rows(w, derive(EVENTS)) == channel_rows(w, derive(()))
