"""A register with customers, orders and letters on both sides of every retention
boundary, for the retention run's tests (SQLite and PostgreSQL) and its benchmark.

Run "as of" TODAY with a financial year ending 30 June, two years for basic data, six for
vouchers and three for letters, the last days due are 15.6.2024 (last contact), 30.6.2019
(orders) and 15.6.2023 (letters).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import select, update

from kkdesk.domain.consent import ConsentItem
from kkdesk.domain.enums import DataSource
from kkdesk.domain.levels import Level
from kkdesk.services import erasure, register_settings
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from tests.orders_factory import OrderSpec, ReturnSpec, add_customer, add_orders

TODAY = date(2026, 6, 15)
SETTINGS = {"financial_year_end": "06-30", "basic_data_years": 2, "voucher_years": 6,
            "letter_archive_years": 3}  # fmt: skip


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def backdate(ds: DeskSession, number: str, since: date) -> int:
    """The customer joined on ``since`` and their own data changed then (not today)."""
    with ds.db.session() as s:
        cid = s.scalar(select(m.Customer.id).where(m.Customer.number == number))
        assert cid is not None
        s.execute(update(m.Customer).where(m.Customer.id == cid).values(customer_since=since))
        s.execute(
            update(m.PersonalDataChange)
            .where(m.PersonalDataChange.customer_id == cid)
            .values(changed_at=at(since))
        )
        return int(cid)


def old_customer(ds: DeskSession, surname: str, since: date = date(2015, 3, 1)) -> tuple[str, int]:
    number = add_customer(ds, surname)
    return number, backdate(ds, number, since)


def build(ds: DeskSession, privacy: DeskSession | None = None) -> dict[str, str]:
    """The register of the tests; returns the customer numbers by what makes each due or
    kept. ``privacy`` erases the one already erased (on SQLite: the same register at the
    privacy level)."""
    register_settings.set_many(ds, SETTINGS)
    c: dict[str, str] = {}
    c["due_order_on_last_day"], _ = old_customer(ds, "Aho")
    add_orders(ds, c["due_order_on_last_day"],
               [OrderSpec("O-DUE", at(date(2024, 6, 15), 20), shipped_at=at(date(2024, 6, 16)),
                          delivered_at=at(date(2024, 6, 17)))])  # fmt: skip
    c["kept_order_day_after"], _ = old_customer(ds, "Berg")
    add_orders(ds, c["kept_order_day_after"],
               [OrderSpec("O-KEPT", at(date(2024, 6, 16), 0), status="delivered")])  # fmt: skip
    c["kept_open_order"], _ = old_customer(ds, "Coll")
    add_orders(ds, c["kept_open_order"], [OrderSpec("O-OPEN", at(date(2010, 1, 5)))])
    c["kept_open_return"], _ = old_customer(ds, "Dahl")
    add_orders(ds, c["kept_open_return"],
               [OrderSpec("O-RET", at(date(2016, 2, 1)), status="delivered",
                          returns=[ReturnSpec(at(date(2016, 2, 9)), {1: 1})])])  # fmt: skip
    c["kept_consent_after"], cid_e = old_customer(ds, "Eklund")
    c["kept_open_request"], cid_f = old_customer(ds, "Fors")
    c["kept_restricted"], cid_g = old_customer(ds, "Grön")
    c["kept_own_change_after"], cid_h = old_customer(ds, "Holm")
    c["due_update_service_change"], cid_i = old_customer(ds, "Ilves")
    c["due_joined_on_last_day"], _ = old_customer(ds, "Jokela", since=date(2024, 6, 15))
    c["kept_joined_day_after"], _ = old_customer(ds, "Kallio", since=date(2024, 6, 16))
    c["kept_erased"], _ = old_customer(ds, "Laine")
    c["kept_legal_hold"], cid_y = old_customer(ds, "Mäki")
    c["due_hold_lifted"], cid_z = old_customer(ds, "Nieminen")
    now = at(TODAY)
    with ds.db.session() as s:

        def event(cid: int, item: ConsentItem, state: bool, on: date) -> m.ConsentEvent:
            return m.ConsentEvent(customer_id=cid, item=item.value, state=state, received_on=on,
                                  channel="letter", document_ref="kirje 1", recorded_by="t",
                                  recorded_at=now)  # fmt: skip

        s.add(event(cid_e, ConsentItem.DIRECT_MARKETING, True, date(2024, 6, 16)))
        # A restriction received long ago and still in force keeps the customer.
        s.add(event(cid_g, ConsentItem.RESTRICTION, True, date(2016, 1, 1)))
        s.add(m.SubjectRequest(customer_id=cid_f, kind="access", received_on=date(2016, 1, 1),
                               channel="letter", status="open", deadline=date(2016, 2, 1),
                               created_by="t", created_at=at(date(2016, 1, 1))))  # fmt: skip
        for cid, source, when in (
            (cid_h, DataSource.CUSTOMER_EMAIL, at(date(2024, 6, 16), 0)),
            (cid_i, DataSource.UPDATE_SERVICE, at(date(2026, 1, 1))),
        ):
            s.add(m.PersonalDataChange(customer_id=cid, field="street", old_value="a",
                                       new_value="b", source=source.value, changed_by="t",
                                       changed_at=when))  # fmt: skip
        for cid, states in ((cid_y, (True,)), (cid_z, (True, False))):
            for state in states:
                s.add(m.LegalHold(customer_id=cid, active=state, reason="claim",
                                  recorded_by="t", recorded_at=at(date(2016, 1, 1))))  # fmt: skip
        # Letters: made on the last day due (removed) and the day after (kept).
        for day in (date(2023, 6, 15), date(2023, 6, 16)):
            s.add(m.RequestLetter(kind="notice", customer_id=cid_e, created_at=at(day, 23),
                                  created_by="t", language="fi", sha256="0" * 64, pages=1,
                                  pdf=b"%PDF"))  # fmt: skip
    erasure.erase(privacy or DeskSession(ds.db, Level.PRIVACY), c["kept_erased"], "asked")
    # Orders of a customer who stays: 30.6.2019 is the last day of the financial year that
    # ended in 2019 (vouchers past on 1.1.2026); 1.7.2019 is of the year ending 30.6.2020.
    add_orders(ds, c["kept_order_day_after"],
               [OrderSpec("V-DUE", at(date(2019, 6, 30), 23), status="delivered"),
                OrderSpec("V-KEPT", at(date(2019, 7, 1), 0), status="delivered"),
                OrderSpec("V-OPEN", at(date(2012, 1, 1)), status="open")])  # fmt: skip
    return c


DUE_CUSTOMERS = {
    "due_order_on_last_day",
    "due_update_service_change",
    "due_joined_on_last_day",
    "due_hold_lifted",
}
# Past the relationship period, but held: skipped and reported with the reason.
SKIPPED_CUSTOMERS = {
    "kept_open_order": "open order",
    "kept_open_return": "return not refunded",
    "kept_restricted": "restriction of processing in force (Art. 18)",
    "kept_legal_hold": "legal hold (Art. 17(3)(e))",
}
DUE_ORDERS = {"V-DUE"}  # O-OPEN, V-OPEN are open, O-RET has a return not refunded
