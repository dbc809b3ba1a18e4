"""Who and when on PostgreSQL come from the server: kkdesk sends none of them and shows
what the server wrote (the login, the transaction time), never the client's own idea."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import Channel, DataSource
from kkdesk.domain.levels import Level
from kkdesk.services import consents, customers, requests
from kkdesk.store import stamps

pytestmark = pytest.mark.postgres


def test_the_server_writes_who_and_when_and_kkdesk_shows_it(pg_db: Any) -> None:
    user = pg_db.add_user(Level.ADMIN)
    ds = pg_db.session(user)
    with ds.db.session() as session:
        assert stamps.who_when(session, "forged", by="created_by", at="created_at") == {}
    before = datetime.now(UTC) - timedelta(minutes=1)
    draft = CustomerDraft(surname="Leimanen", first_names="Testi", street="Katu 1",
                          postal_code="00100", post_office="Helsinki")  # fmt: skip
    created = customers.create(ds, draft, source=DataSource.CUSTOMER_PHONE)
    assert created.updated_by == user.login
    assert created.updated_at is not None and created.updated_at >= before
    [change, *_] = customers.history(ds, created.number)
    assert change.changed_by == user.login and change.changed_at >= before
    event = consents.record(ds, created.number, ConsentItem.GENEALOGY, True,
                            Evidence(date.today(), Channel.LETTER, "K-1", ""))  # fmt: skip
    assert event.recorded_by == user.login and event.recorded_at >= before
    request = requests.add(ds, created.number, "access", received_on=date.today(),
                           channel="letter", identity_method="passport")  # fmt: skip
    with pg_db.connect() as su:
        row = su.execute(
            b"SELECT created_by FROM subject_request WHERE id = %s", (request.id,)
        ).fetchone()
    assert row == (user.login,)
