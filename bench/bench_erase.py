"""Erasing one customer with 500 orders (issue 15, GDPR Art. 17).

A person is added to a copy of the bench register with 500 delivered orders (each with a
delivery to their address, every tenth with a refunded return), a prohibition, an erasure
request and a history of changes; then the privacy level erases them the way the desk
does: one transaction that blanks every personal value, unlinks the 500 orders under a
pseudonymous reference, keeps the suppression entries, and makes and archives the outcome
letter. It runs on a copy, so the shared register stays as it was, and works at any
``BENCH_CUSTOMERS`` (the register around the customer only changes the indexes' depth).

The bare operation: a second person made the same way is erased with the statements an
erasure cannot do without, straight on sqlite3 in one transaction (the erasure record, the
500 orders unlinked and their deliveries blanked, the change history, consent events and
request texts blanked, the search words deleted, the customer row blanked, one audit row):
no rules, no checks, no outcome letter. The note gives kkdesk's CPU time too.
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


def _bare_erase(db: Path, customer_id: int) -> float:
    """The erasure's indispensable statements on sqlite3, one transaction; seconds."""
    blank = ", ".join(
        f"{c} = ''"
        for c in ("surname", "first_names", "street", "postal_code", "post_office",
                  "phone_home", "phone_work", "phone_mobile", "email", "notes", "name_key",
                  "name_key_rev", "email_key")
    )  # fmt: skip
    con = sqlite3.connect(db)
    try:
        t0 = time.perf_counter()
        with con:
            eid = con.execute(
                "INSERT INTO erasure (reference, customer_id, customer_number, reason, "
                "erased_by, erased_at, orders_kept, orders_removed, suppressions_kept, "
                "letters_kept) SELECT 'E-BARE', id, number, 'bench', 'bench', "
                "datetime('now'), 500, 0, 0, 0 FROM customer WHERE id = ?",
                (customer_id,),
            ).lastrowid
            con.execute(
                "UPDATE customer_order SET customer_id = NULL, erasure_id = ? "
                "WHERE customer_id = ?",
                (eid, customer_id),
            )
            con.execute(
                "UPDATE delivery SET recipient = '', street = '', postal_code = '', "
                "post_office = '' WHERE order_id IN "
                "(SELECT id FROM customer_order WHERE erasure_id = ?)",
                (eid,),
            )
            con.execute(
                "UPDATE personal_data_change SET old_value = '', new_value = '', "
                "source_detail = '' WHERE customer_id = ?",
                (customer_id,),
            )
            con.execute(
                "UPDATE consent_event SET note = '', document_ref = '[erased]', "
                "erased_at = datetime('now') WHERE customer_id = ?",
                (customer_id,),
            )
            con.execute(
                "UPDATE subject_request SET note = '', requester_name = '', "
                "requester_address = '' WHERE customer_id = ?",
                (customer_id,),
            )
            con.execute("DELETE FROM search_word WHERE customer_id = ?", (customer_id,))
            con.execute(
                f"UPDATE customer SET {blank}, birth_date = NULL, extra = '{{}}', "
                "erased_at = datetime('now'), version = version + 1 WHERE id = ?",
                (customer_id,),
            )
            con.execute(
                "INSERT INTO audit_event (at, actor, customer_number, action, purpose, detail) "
                "SELECT datetime('now'), 'bench', number, 'erase', 'subject_request', "
                "'erasure E-BARE' FROM customer WHERE id = ?",
                (customer_id,),
            )
        return time.perf_counter() - t0
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
            twin = customers.create(
                ds,
                CustomerDraft(surname="Erasmus", first_names="Eino", street="Poistotie 7",
                              postal_code="00100", post_office="HELSINKI",
                              email="eino.erasmus@example.fi", phone_mobile="+358401112234"),
                source=DataSource.CUSTOMER_WEBSHOP,
            )  # fmt: skip
            _add_orders(copy, twin.id)
            privacy = DeskSession(ds.db, Level.PRIVACY)
            # As in a desk that has made a letter before: reportlab imported, fonts loaded
            # (a cold first letter adds about a second of imports, once per process).
            from kkdesk.reports import access_letter, fonts, step_letters  # noqa: F401

            fonts.register_fonts()
            t0, cpu0 = time.perf_counter(), time.process_time()
            result = erasure.erase(privacy, number, "bench", request_id=request.id)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        finally:
            ds.close()
        bare = _bare_erase(copy, twin.id)
    return [
        Row(
            f"erase one customer with {ORDERS} orders",
            seconds * 1000,
            "ms",
            baseline=bare * 1000,
            note=f"CPU {cpu * 1000:.0f} ms; {result.record.orders_kept} orders kept until "
            f"{result.record.orders_kept_until}; outcome letter {result.letter_pages} pages "
            f"made and archived; warm (reportlab loaded); embedded register of "
            f"{ctx.customers:,}; bare: the indispensable statements on sqlite3 (no checks, "
            f"no letter)",
        )
    ]
