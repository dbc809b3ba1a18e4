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
    # The company's own file: its prohibitions and consents, no contact person's (20(4)).
    assert doc["contact_persons"] == []
    assert {c["document_ref"] for c in doc["consents"]} == {"KIELTO-C-1", "SUOST-C-1",
                                                             "PERUUTUS-C-1"}  # fmt: skip
    # The contact person's own file, answering their request.
    from kkdesk.domain.enums import Purpose
    from kkdesk.services import customers, requests

    me = customers.get(ds, company.number, purpose=Purpose.SUBJECT_REQUEST).contacts[0].id
    req = requests.add(ds, company.number, "portability", received_on=requests.today(),
                       channel="letter", identity_method="passport",
                       contact_person_id=me)  # fmt: skip
    doc = json.loads(json.dumps(portability.export(ds, company.number, request_id=req.id)))
    jsonschema.validate(doc, SCHEMA, format_checker=jsonschema.FormatChecker())
    [contact] = doc["contact_persons"]
    assert contact["consents"][0]["item"] == "genealogy"
    assert doc["consents"] == [] and doc["orders"] == []
    with ds.db.read() as s:
        actions = s.scalars(
            select(AuditEvent.detail).where(AuditEvent.customer_number == company.number)
        ).all()
    assert any("portability" in a for a in actions)


def _keys(schema: dict[str, object], defs: dict[str, object], path: str = "") -> set[str]:
    """Every key of the schema, as a dotted path."""
    out: set[str] = set()
    ref = schema.get("$ref")
    if isinstance(ref, str):
        schema = defs[ref.rsplit("/", 1)[-1]]  # type: ignore[assignment]
    props = schema.get("properties")
    if isinstance(props, dict):
        for key, sub in props.items():
            out.add(key)
            out |= _keys(sub, defs, f"{path}{key}.")
    items = schema.get("items")
    if isinstance(items, dict):
        out |= _keys(items, defs, path)
    return out


def test_every_key_of_the_schema_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "portability.md").read_text()
    keys = _keys(SCHEMA, SCHEMA["$defs"])
    assert len(keys) > 40
    missing = [k for k in sorted(keys) if f"`{k}`" not in doc and f".{k}`" not in doc]
    assert not missing


def test_a_person_without_orders_still_gets_a_complete_document(ds: DeskSession) -> None:
    from tests.orders_factory import add_customer

    number = add_customer(ds)
    doc = json.loads(json.dumps(portability.export(ds, number)))
    jsonschema.validate(doc, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert doc["orders"] == [] and doc["contact_persons"] == [] and doc["consents"] == []
    assert doc["customer"]["birth_date"] is None


def test_only_privacy_staff_export_and_an_unknown_customer_is_refused(ds: DeskSession) -> None:
    import pytest

    from kkdesk.domain.levels import Level
    from kkdesk.errors import NotFound, PermissionDenied
    from kkdesk.services.session import DeskSession as Session

    with pytest.raises(NotFound):
        portability.export(ds, "9999999")
    with pytest.raises(PermissionDenied):
        portability.export(Session(ds.db, Level.CLERK), "9999999")


def _exports_audited(ds: DeskSession, number: str) -> int:
    with ds.db.read() as s:
        return len(
            s.scalars(
                select(AuditEvent.detail).where(
                    AuditEvent.customer_number == number,
                    AuditEvent.detail.contains("portability"),
                )
            ).all()
        )


def test_a_copy_to_a_missing_folder_is_a_sentence_and_no_audit_row(
    ds: DeskSession, tmp_path: Path
) -> None:
    import pytest

    from kkdesk.errors import KnownError
    from tests.orders_factory import add_customer

    number = add_customer(ds)
    with pytest.raises(KnownError) as info:
        portability.export_to_file(ds, number, tmp_path / "no-such-folder" / "copy.json")
    assert info.value.code == "no_such_folder"
    assert "no-such-folder does not exist" in info.value.message
    assert _exports_audited(ds, number) == 0


def test_a_write_that_fails_leaves_no_file_and_no_audit_row(
    ds: DeskSession, tmp_path: Path
) -> None:
    import pytest

    from kkdesk.errors import KnownError
    from tests.orders_factory import add_customer

    number = add_customer(ds)
    target = tmp_path / "copy.json"

    def disk_full(*_args: object, **_kwargs: object) -> str:
        raise OSError(28, "No space left on device")

    mp = pytest.MonkeyPatch()
    mp.setattr(portability.json, "dumps", disk_full)
    try:
        with pytest.raises(KnownError) as info:
            portability.export_to_file(ds, number, target)
    finally:
        mp.undo()
    assert info.value.code == "file_unwritable" and "No space left" in info.value.message
    assert not target.exists() and list(tmp_path.glob("*copy.json*")) == []
    assert _exports_audited(ds, number) == 0
    # Written, then audited once.
    doc = portability.export_to_file(ds, number, target)
    assert json.loads(target.read_text(encoding="utf-8"))["customer"]["number"] == number
    assert doc["customer"]["number"] == number
    assert _exports_audited(ds, number) == 1
