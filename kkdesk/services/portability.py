"""The machine-readable copy for data portability (GDPR Art. 20).

Art. 20 covers the data the customer *provided* (basic data, contact persons, their own
prohibitions and consents) and the data of their orders, processed by automated means on
the basis of the contract or consent. Internal notes, staff names, the access log and
derived data are not part of it (they are in the subject-access letter instead).

The document's schema is ``docs/portability-schema.json`` (JSON Schema 2020-12), with
``schema`` and ``schema_version`` at the top so a receiving system can check what it
reads. Amounts are integer cents including VAT; times are ISO 8601 in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from kkdesk import __version__
from kkdesk.domain.consent import ConsentEvent
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.services import audit, consents, orders
from kkdesk.services.record import jsonable
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo

SCHEMA = "kkdesk.portability"
SCHEMA_VERSION = 1


def _consent_json(e: ConsentEvent) -> dict[str, Any]:
    out: dict[str, Any] = jsonable(
        {
            "item": e.item.value,
            "state": e.state,
            "received_on": e.received_on,
            "channel": e.channel.value,
            "document_ref": e.document_ref,
        }
    )
    return out


def export(ds: DeskSession, number: str) -> dict[str, Any]:
    """The portability document of customer ``number`` (the export is audited)."""
    ds.require(Capability.SUBJECT_REPORTS)
    with ds.db.session() as session:
        row = repo.row_by_number(session, number)
        view = repo.to_view(session, row)
        persons = {p.contact_person_id: p for p in consents.persons_of(session, row)}
        own = persons.get(None)
        doc: dict[str, Any] = {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "generated_at": datetime.now(UTC).isoformat(),
            "generated_by": f"kkdesk {__version__}",
            "customer": jsonable(
                {
                    "number": view.number,
                    "type": view.type.value,
                    "customer_since": view.customer_since,
                    "surname": view.surname,
                    "first_names": view.first_names,
                    "company_name": view.company_name,
                    "business_id": view.business_id,
                    "address": {
                        "street": view.street,
                        "postal_code": view.postal_code,
                        "post_office": view.post_office,
                        "country": view.country,
                    },
                    "phone_home": view.phone_home,
                    "phone_work": view.phone_work,
                    "phone_mobile": view.phone_mobile,
                    "email": view.email,
                    "birth_date": view.birth_date,
                    "language": view.language.value,
                    "extra": view.extra,
                }
            ),
            "contact_persons": [
                {
                    "surname": c.surname,
                    "first_names": c.first_names,
                    "role": c.role,
                    "phone_work": c.phone_work,
                    "phone_mobile": c.phone_mobile,
                    "email": c.email,
                    "consents": [
                        _consent_json(e) for e in (persons[c.id].history if c.id in persons else ())
                    ],
                }
                for c in view.contacts
            ],
            "consents": [_consent_json(e) for e in (own.history if own else ())],
            "orders": [orders.order_json(o) for o in orders.orders_of_customer_id(session, row.id)],
        }
        audit.record(session, ds, row.number, AuditAction.EXPORT, Purpose.SUBJECT_REQUEST,
                     "portability copy (Art. 20)")  # fmt: skip
        return doc
