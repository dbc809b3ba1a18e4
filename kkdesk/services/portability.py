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

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kkdesk import __version__, files
from kkdesk.domain import subject_scope as scope
from kkdesk.domain.catalogue import Copy, Table
from kkdesk.domain.catalogue_json import fields_json
from kkdesk.domain.consent import ConsentEvent
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.errors import NotFound, RuleViolation
from kkdesk.services import audit, consents, orders
from kkdesk.services.access_report import check_identity
from kkdesk.services.record import jsonable
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo
from kkdesk.store.models import SubjectRequest as RequestRow
from kkdesk.store.unit_of_work import Session

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


def _requester(session: Session, row: Any, request_id: int | None) -> int | None:
    """The contact person a request was made by (None: the customer's own request)."""
    if request_id is None:
        return None
    request = session.get(RequestRow, request_id)
    if request is None:
        raise NotFound(f"There is no request {request_id}.", code="request_not_found",
                       id=request_id)  # fmt: skip
    if request.customer_id != row.id:
        raise RuleViolation(
            f"Request {request_id} is not from customer {row.number}.",
            code="request_other_customer", id=request_id, number=row.number,
        )  # fmt: skip
    check_identity(request)
    return request.contact_person_id


def export(
    ds: DeskSession,
    number: str,
    *,
    request_id: int | None = None,
    deliver: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """The portability document of customer ``number`` (the export is audited).

    ``deliver(doc)`` runs inside the audit's transaction: if it fails, the export is not
    audited (no audit row for a copy that was never made).

    ``request_id``: the portability request it answers; when a company's contact person
    made it, the document holds their own data and the company's name, business ID and
    address, never a colleague's (Art. 20(4)). A company's document made for no contact
    person holds no contact person's data."""
    ds.require(Capability.SUBJECT_REPORTS)
    with ds.db.session() as session:
        row = repo.row_by_number(session, number)
        who = _requester(session, row, request_id)
        whole = repo.to_view(session, row)
        view = scope.scoped_customer(whole, who)
        narrow = scope.is_company_scope(whole, who)
        persons = {p.contact_person_id: p for p in consents.persons_of(session, row)}
        own = persons.get(None) if not narrow else None
        doc: dict[str, Any] = {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "generated_at": datetime.now(UTC).isoformat(),
            "generated_by": f"kkdesk {__version__}",
            "customer": fields_json(view, Table.CUSTOMER, Copy.PORTABILITY),
            "contact_persons": [
                {
                    **fields_json(c, Table.CONTACT_PERSON, Copy.PORTABILITY),
                    "consents": [
                        _consent_json(e) for e in (persons[c.id].history if c.id in persons else ())
                    ],
                }
                for c in view.contacts
            ],
            "consents": [_consent_json(e) for e in (own.history if own else ())],
            "orders": []
            if narrow
            else [orders.order_json(o) for o in orders.orders_of_customer_id(session, row.id)],
        }
        audit.record(session, ds, row.number, AuditAction.EXPORT, Purpose.SUBJECT_REQUEST,
                     "portability copy (Art. 20)")  # fmt: skip
        if deliver is not None:
            deliver(doc)
        return doc


def export_to_file(
    ds: DeskSession,
    number: str,
    path: str | os.PathLike[str],
    *,
    request_id: int | None = None,
) -> dict[str, Any]:
    """Write customer ``number``'s portability document to ``path`` (JSON, 0600).

    The file is written completely before the export's audit row is committed, and appears
    under its name only after that: a missing folder or a full disk ends in a known error
    with no audit row, and a failed commit leaves no file. (Only the final rename could
    fail after the commit; it stays in the same folder, so it does not in practice.)
    """
    ds.require(Capability.SUBJECT_REPORTS)
    target = Path(path)
    try:
        fd, tmp = files.staged(target)
    except OSError as exc:  # the folder is missing, or not ours to write in
        raise files.unwritable(target, exc) from exc
    try:
        with open(fd, "w", encoding="utf-8") as out:

            def deliver(doc: dict[str, Any]) -> None:
                out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
                out.flush()  # a full disk fails here, inside the transaction

            doc = export(ds, number, request_id=request_id, deliver=deliver)
        files.publish(tmp, target)
    except OSError as exc:
        raise files.unwritable(target, exc) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return doc
