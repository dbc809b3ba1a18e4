"""Erasing one customer with 500 orders (issue 15, GDPR Art. 17).

A person is added to a copy of the bench register with 500 delivered orders (each with a
delivery to their address, every tenth with a refunded return), a prohibition, an erasure
request and a history of changes; then the privacy level erases them the way the desk
does: one transaction that blanks every personal value, unlinks the 500 orders under a
pseudonymous reference, keeps the suppression entries, and makes and archives the outcome
letter. It runs on a copy, so the shared register stays as it was, and works at any
``BENCH_CUSTOMERS`` (the register around the customer only changes the indexes' depth).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.common import BenchContext, Row

ORDERS = 500


def _add_orders(db: Path, customer_id: int) -> None:
    con = sqlite3.connect(db)
    try:
        with con:
            for i in range(ORDERS):
                at = f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d} 10:00:00.000000"
                cur = con.execute(
                    "INSERT INTO customer_order (number, customer_id, ordered_at, status, "
                    "total_cents) VALUES (?, ?, ?, 'delivered', 12990)",
                    (f"BE-{customer_id}-{i}", customer_id, at),
                )
                order_id = cur.lastrowid
                line = con.execute(
                    "INSERT INTO order_line (order_id, line_no, product_code, product_name, "
                    "quantity, unit_price_cents, vat_rate_bp) "
                    "VALUES (?, 1, 'P-1', 'Ketjusaha', 1, 12990, 2550)",
                    (order_id,),
                ).lastrowid
                con.execute(
                    "INSERT INTO delivery (order_id, shipped_at, delivered_at, carrier, "
                    "tracking_code, recipient, street, postal_code, post_office, country) "
                    "VALUES (?, ?, ?, 'Posti', 'JJFI1', 'Aino Erasmus', 'Poistotie 5', "
                    "'00100', 'HELSINKI', 'FI')",
                    (order_id, at, at),
                )
                if i % 10 == 0:
                    ret = con.execute(
                        "INSERT INTO order_return (order_id, number, requested_at, "
                        "received_at, refunded_at, reason, refund_cents) "
                        "VALUES (?, ?, ?, ?, ?, 'Aino Erasmus: broken', 12990)",
                        (order_id, f"BR-{customer_id}-{i}", at, at, at),
                    ).lastrowid
                    con.execute(
                        "INSERT INTO return_line (return_id, order_line_id, quantity) "
                        "VALUES (?, ?, 1)",
                        (ret, line),
                    )
    finally:
        con.close()


def run(ctx: BenchContext) -> list[Row]:
    from kkdesk.domain.consent import ConsentItem, Evidence
    from kkdesk.domain.customer import CustomerDraft
    from kkdesk.domain.enums import Channel, DataSource
    from kkdesk.domain.levels import Level
    from kkdesk.services import consents, customers, erasure, requests
    from kkdesk.services.session import DeskSession, open_session

    ctx.close()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "register.sqlite3"
        shutil.copyfile(ctx.path, copy)
        ds = open_session(str(copy), level=Level.ADMIN)
        try:
            created = customers.create(
                ds,
                CustomerDraft(surname="Erasmus", first_names="Aino", street="Poistotie 5",
                              postal_code="00100", post_office="HELSINKI",
                              email="aino.erasmus@example.fi", phone_mobile="+358401112233"),
                source=DataSource.CUSTOMER_WEBSHOP,
            )  # fmt: skip
            number = created.number
            consents.record(
                ds, number, ConsentItem.DIRECT_MARKETING, True,
                Evidence(date.today(), Channel.LETTER, "K-1", "Aino Erasmus wrote"),
            )  # fmt: skip
            request = requests.add(
                ds, number, "erasure", received_on=date.today(), channel="letter",
                identity_method="signature compared", note="Aino Erasmus asks",
            )  # fmt: skip
            _add_orders(copy, created.id)
            privacy = DeskSession(ds.db, Level.PRIVACY)
            # As in a desk that has made a letter before: reportlab imported, fonts loaded
            # (a cold first letter adds about a second of imports, once per process).
            from kkdesk.reports import access_letter, fonts, step_letters  # noqa: F401

            fonts.register_fonts()
            t0 = time.perf_counter()
            result = erasure.erase(privacy, number, "bench", request_id=request.id)
            seconds = time.perf_counter() - t0
        finally:
            ds.close()
    return [
        Row(
            f"erase one customer with {ORDERS} orders",
            seconds * 1000,
            "ms",
            note=f"{result.record.orders_kept} orders kept until "
            f"{result.record.orders_kept_until}; outcome letter {result.letter_pages} pages "
            f"made and archived; warm (reportlab loaded); embedded register of "
            f"{ctx.customers:,}",
        )
    ]
