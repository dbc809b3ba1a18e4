"""The bound on a query of short words holds on PostgreSQL too, as a clerk under RLS."""

from __future__ import annotations

from typing import Any

import pytest

from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import DataSource
from kkdesk.domain.levels import Level
from kkdesk.services import customers

pytestmark = pytest.mark.postgres


def test_short_words_read_a_bounded_part_and_say_so(
    pg_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kkdesk.store import customers as repo

    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    for surname, first in (("Koivu", "Anna"), ("Kokko", "Anna"), ("Kovanen", "Zelda")):
        draft = CustomerDraft(surname=surname, first_names=first, street="Katu 1",
                              postal_code="00100", post_office="Helsinki")  # fmt: skip
        customers.create(clerk, draft, source=DataSource.CUSTOMER_PHONE)
    page = customers.search(clerk, "ko ze")
    assert [r.name for r in page.rows] == ["Kovanen Zelda"] and not page.narrowed
    monkeypatch.setattr(repo, "SHORT_SCAN_CAP", 1)
    page = customers.search(clerk, "ko ze")
    assert page.rows == () and page.narrowed
    assert [r.name for r in customers.search(clerk, "kov ze").rows] == ["Kovanen Zelda"]
