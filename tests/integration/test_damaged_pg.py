"""A row kkdesk cannot interpret, stored on the real server behind kkdesk's back, as the
desk and the batches meet it: listed as damaged in the search results (naming the
customer), and left out of a batch of letters without stopping any other customer's."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import DataSource
from kkdesk.domain.levels import Level
from kkdesk.services import access_report, customers, requests
from kkdesk.ui.requests_view import RequestsWindow
from kkdesk.ui.search_model import SearchResultsModel
from kkdesk.ui.tasks import TaskRunner

pytestmark = pytest.mark.postgres


def _person(ds: Any, surname: str) -> str:
    draft = CustomerDraft(surname=surname, first_names="Testi", street="Katu 1",
                          postal_code="00100", post_office="Helsinki")  # fmt: skip
    return customers.create(ds, draft, source=DataSource.CUSTOMER_PHONE).number


def _damage(pg_db: Any, number: str) -> None:
    """A row written before the rule (or on a server without it): the superuser drops the
    rule, writes, and puts it back NOT VALID, as migration 0004 does on such data."""
    with pg_db.connect() as su:
        su.execute(b"ALTER TABLE customer DROP CONSTRAINT ck_customer_type")
        su.execute(b"UPDATE customer SET type = 'robot' WHERE number = %s", (number,))
        su.execute(
            b"ALTER TABLE customer ADD CONSTRAINT ck_customer_type "
            b"CHECK (type IN ('person', 'company')) NOT VALID"
        )


def test_the_desk_lists_a_damaged_hit_and_its_batch_skips_it(
    qtbot: Any, pg_db: Any, tmp_path: Path
) -> None:
    from kkdesk.ui.qtcompat import keep_singletons_alive

    keep_singletons_alive()
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    privacy = pg_db.session(pg_db.add_user(Level.PRIVACY))
    good, robot = _person(clerk, "Vauriomäki"), _person(clerk, "Vauriomäki")
    for number in (robot, good):
        requests.add(privacy, number, "access", received_on=date.today(), channel="letter",
                     identity_method="passport")  # fmt: skip
    _damage(pg_db, robot)
    runner = TaskRunner()
    try:
        model = SearchResultsModel(clerk, runner)
        model.set_query("vauriomäki")
        qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 2, timeout=20000)
        damaged = [i for i in range(2) if model.damaged_at(i) == robot]
        assert len(damaged) == 1 and model.summary_at(1 - damaged[0]) is not None
        tip = model.data(model.index(damaged[0], 1), Qt.ItemDataRole.ToolTipRole)
        assert f"The record of customer {robot} is damaged" in tip
        window = RequestsWindow(privacy, runner)
        qtbot.addWidget(window)
        runner.wait_idle(20000)
        window.requests.generate_open_letters(tmp_path)
        runner.wait_idle(60000)
        qtbot.waitUntil(lambda: "written" in window.requests.status.text(), timeout=20000)
        [letter] = tmp_path.glob("*.pdf")
        assert good in letter.name
        assert f"No letter for customers {robot}" in window.requests.status.text()
        damaged_numbers: list[str] = []
        again = access_report.generate_open(privacy, damaged=damaged_numbers)
        assert [x.customer_number for x in again] == [good]  # open until closed
        assert damaged_numbers == [robot]  # still waiting for its letter, still named
    finally:
        runner.wait_idle(20000)
        runner.shutdown()
