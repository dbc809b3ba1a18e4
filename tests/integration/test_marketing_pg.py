"""A marketing export on the real server: every exported customer gets its ``export`` row
in the audit log, written by the server (migration 0023's statement-level trigger: one
INSERT for the whole export, where 0004's per-row trigger wrote them one by one at the
COMMIT), as the marketing user, with nothing for the customers left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kkdesk.domain.consent import ConsentItem, Evidence, MarketingChannel, MarketingPurpose
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import Channel, DataSource
from kkdesk.domain.levels import Level
from kkdesk.services import consents, marketing
from kkdesk.services import customers as cs

pytestmark = pytest.mark.postgres


def test_an_export_writes_one_audit_row_per_exported_customer(
    pg_db_module: Any, tmp_path: Path
) -> None:
    db = pg_db_module
    clerk = db.session(db.add_user(Level.CLERK))
    seller = db.add_user(Level.MARKETING)
    made = [
        cs.create(
            clerk,
            CustomerDraft(surname=f"Vientinen{i}", first_names="Veera",
                          email=f"vientinen{i}@example.fi"),
            source=DataSource.CUSTOMER_PHONE,
        )
        for i in range(3)
    ]  # fmt: skip
    for m in made[:2]:
        consents.record(
            clerk, m.number, ConsentItem.EMAIL_MARKETING, True,
            Evidence(consents.today(), Channel.EMAIL, "VIESTI-1", ""),
        )  # fmt: skip
    done = marketing.export(
        db.session(seller),
        MarketingPurpose.DIRECT_ADVERTISING,
        MarketingChannel.EMAIL,
        tmp_path / "vienti.csv",
        recipient="Postitus Oy",
    )
    numbers = {m.number for m in made}
    with db.connect() as su:
        exported = {
            str(n)
            for (n,) in su.execute(
                "select c.number from disclosure_customer d join customer c "
                "on c.id = d.customer_id where d.disclosure_id = %s",
                (done.disclosure_id,),
            ).fetchall()
        }
        rows = su.execute(
            "select customer_number, actor, detail from audit_event "
            "where action = 'export' and customer_number = any(%s)",
            (list(numbers),),
        ).fetchall()
    assert exported == {m.number for m in made[:2]}
    assert sorted(n for n, _, _ in rows) == sorted(exported)
    assert {(a, d) for _, a, d in rows} == {
        (seller.login, "recorded by the database: insert on disclosure_customer")
    }
