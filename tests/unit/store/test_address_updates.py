"""The address-update import's look-ups read through indexes on the embedded register.

At 1,000,000 customers a 100,000-line preview took 57 s, 48 of them in two plans: a
row-value ``(postal_code, name_key) IN (…)`` list, which SQLite answers by scanning the
whole customer table, and the prohibition look-up, for which SQLite took the contact-person
index once the statistics said its ``IS NULL`` was rare. Each statement the import sends is
explained here under those statistics.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import event

from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import Channel, DataSource
from kkdesk.services import address_updates, consents, customers
from kkdesk.services.session import DeskSession

# sqlite_stat1 of the bench's 1,000,000-customer register (bench/.data): the contact-person
# index looks as selective as the customer one to the planner, NULLs being counted apart.
BIG_REGISTER_STATS = [
    ("consent_event", "ix_consent_event_customer_id", "781556 2"),
    ("consent_event", "ix_consent_event_contact_person_id", "781556 40"),
]


@pytest.fixture
def statements(ds: DeskSession) -> Iterator[list[tuple[str, object]]]:
    """The SELECTs the import sends (statement, parameters), under big-register statistics."""
    for i in range(40):
        draft = CustomerDraft(
            surname=f"Aalto{i}", first_names="Aino", street=f"Vanha {i}",
            postal_code="00100", post_office="HELSINKI",
        )  # fmt: skip
        number = customers.create(ds, draft, source=DataSource.CUSTOMER_WEBSHOP).number
        if i % 10 == 0:
            evidence = Evidence(date.today(), Channel.LETTER, "VTJ-1", "")
            consents.record(ds, number, ConsentItem.REGISTER_UPDATES, True, evidence)
    con = sqlite3.connect(str(ds.db.url.database))
    with con:
        con.execute("ANALYZE")
        con.executemany(
            "DELETE FROM sqlite_stat1 WHERE tbl = ? AND idx = ?",
            [(t, i) for t, i, _ in BIG_REGISTER_STATS],
        )
        con.executemany("INSERT INTO sqlite_stat1 VALUES (?, ?, ?)", BIG_REGISTER_STATS)
    con.close()
    ds.db.engine.dispose()  # new connections read the statistics

    seen: list[tuple[str, object]] = []

    def capture(_conn: object, _cursor: object, sql: str, params: object, *_: object) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            seen.append((sql, params))

    event.listen(ds.db.engine, "before_cursor_execute", capture)
    yield seen
    event.remove(ds.db.engine, "before_cursor_execute", capture)


def test_the_preview_reads_customers_and_prohibitions_through_their_indexes(
    ds: DeskSession, statements: list[tuple[str, object]]
) -> None:
    header = (
        "customer_number;surname;first_names;old_street;old_postal_code;"
        "new_street;new_postal_code;new_post_office;valid_from\n"
    )
    lines = [
        f";Aalto{i};Aino;Vanha {i};00100;Uusi {i};00200;Helsinki;2026-03-01\n" for i in range(40)
    ]
    preview = address_updates.preview(ds, (header + "".join(lines)).encode(), source="plan")
    assert len(preview.outcomes) == 40

    con = sqlite3.connect(str(ds.db.url.database))
    try:
        plans = {
            sql: " | ".join(r[3] for r in con.execute("EXPLAIN QUERY PLAN " + sql, params))  # type: ignore[arg-type]
            for sql, params in statements
        }
    finally:
        con.close()
    customer_plans = [p for s, p in plans.items() if "FROM customer" in s]
    consent_plans = [p for s, p in plans.items() if "FROM consent_event" in s]
    assert customer_plans and consent_plans
    for plan in customer_plans:
        assert "SCAN customer" not in plan, plan
    for plan in consent_plans:
        assert "ix_consent_event_customer_id" in plan, plan
