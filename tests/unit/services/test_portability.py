"""The Art. 20 copy: valid against the published schema, complete, audited."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from sqlalchemy import select

from kkdesk.services import portability
from kkdesk.services.session import DeskSession
from kkdesk.store.models import AuditEvent
from tests.reports_factory import rich_customer

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[3] / "docs" / "portability-schema.json").read_text()
)


def test_export_matches_the_schema_and_holds_the_provided_data(ds: DeskSession) -> None:
    person = rich_customer(ds, "P")
    company = rich_customer(ds, "C", company=True)
    for tag, expected in (("P", person), ("C", company)):
        doc = json.loads(json.dumps(portability.export(ds, expected.number)))
        jsonschema.validate(doc, SCHEMA, format_checker=jsonschema.FormatChecker())
        assert doc["customer"]["number"] == expected.number
        assert [o["number"] for o in doc["orders"]] == [f"W{tag}-2", f"W{tag}-1"]
        assert doc["orders"][1]["returns"][0]["reason"].startswith("Väärä koko")
        text = json.dumps(doc, ensure_ascii=False)
        assert "Huomautus" not in text  # internal notes are not "provided by the customer"
    doc = portability.export(ds, company.number)
    [contact] = doc["contact_persons"]
    assert contact["consents"][0]["item"] == "genealogy"
    assert {c["document_ref"] for c in doc["consents"]} == {"KIELTO-C-1", "SUOST-C-1",
                                                             "PERUUTUS-C-1"}  # fmt: skip
    with ds.db.read() as s:
        actions = s.scalars(
            select(AuditEvent.detail).where(AuditEvent.customer_number == company.number)
        ).all()
    assert any("portability" in a for a in actions)
