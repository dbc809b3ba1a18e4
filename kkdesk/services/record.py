"""Everything the register holds on one customer, as one JSON document.

This is what ``kkdesk customer show NUMBER --json`` prints (documented in
``docs/customer-json.md``). The document is built from *sections*: the basic data and the
change history here, and one section per capability (orders, consents, disclosures,
requests...) owned by the module that owns that data.

To add a section: give your module a function ``record_section(session, customer_row) ->
(key, jsonable)`` and add the module's dotted name to :data:`SECTION_MODULES` (imported
lazily, so your module may import this one without a cycle). Keys are stable, never
renamed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from kkdesk import __version__
from kkdesk.domain import customer as dc
from kkdesk.domain.catalogue import Copy, Table
from kkdesk.domain.catalogue_json import fields_json
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import may_read_section
from kkdesk.services import audit
from kkdesk.services.customers import readable_columns
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo
from kkdesk.store.models import Customer
from kkdesk.store.unit_of_work import Session

SCHEMA_VERSION = 1

Section = Callable[[Session, Customer], tuple[str, Any]]

# Modules that contribute sections, imported lazily so that this module does not depend
# on every feature at import time. Each module exposes ``record_section``.
SECTION_MODULES: list[str] = [
    "kkdesk.services.orders",
    "kkdesk.services.requests",
    "kkdesk.services.consents",
    "kkdesk.services.disclosures",
]


# The values most of a record is made of, returned as they are without further tests (a
# record of a few hundred orders calls jsonable some ten thousand times).
_PLAIN = frozenset({str, int, float, bool, type(None)})


def jsonable(value: Any) -> Any:
    """Dates as ISO 8601 strings; everything else as JSON knows it."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def customer_section(session: Session, row: Customer) -> tuple[str, Any]:
    view = repo.to_view(session, row)
    return "customer", basic_data(view)


def basic_data(view: dc.Customer) -> dict[str, Any]:
    """The ``customer`` key: the fields the data catalogue puts in the record copy."""
    return {
        **fields_json(view, Table.CUSTOMER, Copy.RECORD),
        "contacts": [fields_json(c, Table.CONTACT_PERSON, Copy.RECORD) for c in view.contacts],
        "sources": {k: v.value for k, v in sorted(view.sources.items())},
        **fields_json(view, Table.CUSTOMER, Copy.RECORD, meta=True),
    }


def history_section(session: Session, row: Customer) -> tuple[str, Any]:
    return "change_history", [
        jsonable(
            {
                "changed_at": ch.changed_at,
                "changed_by": ch.changed_by,
                "field": ch.field,
                "contact_person_id": ch.contact_person_id,
                "old_value": ch.old_value,
                "new_value": ch.new_value,
                "source": ch.source.value,
                "source_detail": ch.source_detail,
            }
        )
        for ch in repo.history(session, row.id)
    ]


SECTIONS: list[tuple[str, Section]] = [
    ("customer", customer_section),
    ("change_history", history_section),
]
# A section a level may not read whose key stays in the document as null (documented so
# for disclosures before sections were left out by level) rather than named in withheld.
NULL_WHEN_WITHHELD = frozenset({"disclosures"})


def _all_sections() -> list[tuple[str, Section]]:
    extra = [
        (m.rsplit(".", 1)[-1], importlib.import_module(m).record_section) for m in SECTION_MODULES
    ]
    return [*SECTIONS, *extra]


def customer_record(ds: DeskSession, number: str, *, purpose: Purpose | str) -> dict[str, Any]:
    """The whole record of one customer (an audited read).

    A section the user's level may not read is withheld, known from the level
    (:data:`kkdesk.domain.levels.SECTION_READERS`): it is not asked for, so the server
    never refuses it, and no savepoint per section is needed. A refusal all the same (a
    server whose grants differ from kkdesk's) fails the whole record, as any refusal."""
    with ds.db.session(pipelined=True) as session:
        # The row, its contact persons and the fields' sources in one statement, which on
        # PostgreSQL also records the read.
        central = not ds.db.is_sqlite
        read = audit.read_values(purpose, "record") if central else None
        opened = repo.opened_row(session, number, columns=readable_columns(ds), audit_read=read)
        row = opened.row
        doc: dict[str, Any] = {"schema": "kkdesk.customer", "schema_version": SCHEMA_VERSION}
        doc["generated_by"] = f"kkdesk {__version__}"
        withheld: list[str] = []
        for name, section in _all_sections():
            if not may_read_section(ds.level, name):
                if name in NULL_WHEN_WITHHELD:
                    doc[name] = None
                else:
                    withheld.append(name)
                continue
            if section is customer_section:
                view = repo.to_view(session, row, sources=opened.sources)
                key, value = "customer", basic_data(view)
            else:
                key, value = section(session, row)
            doc[key] = value
        if withheld:
            doc["withheld"] = withheld
        if not central:
            audit.record(session, ds, row.number, AuditAction.READ, purpose, "record")
        return doc
