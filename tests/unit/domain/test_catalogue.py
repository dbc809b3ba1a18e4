"""The data catalogue walked through every consumer that lists a customer's fields.

A field added to :mod:`kkdesk.domain.catalogue` and forgotten in any of these fails here:
the domain records, the ORM mapping, the column grants per level (the migration's and an
offline snapshot's), the JSON copies and the published portability schema, the access
letter's copy and categories, and the marketing export's columns. The form and the desk's
field labels are walked in ``tests/ui/test_catalogue_form.py``.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import fields, replace
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from sqlalchemy import Date, DateTime, Integer, String, Text
from sqlalchemy.types import TypeDecorator

from kkdesk.domain import catalogue
from kkdesk.domain import customer as dc
from kkdesk.domain import subject_scope as scope
from kkdesk.domain.catalogue import Category, Copy, Erasure, Field, Kind, Role, Table, ValueType
from kkdesk.domain.catalogue_json import fields_schema, value_json
from kkdesk.domain.enums import CustomerType, Language, Purpose
from kkdesk.domain.levels import Level
from kkdesk.reports import access_letter, access_parts
from kkdesk.reports.access_letter import display_value, render_access_letter
from kkdesk.reports.texts import Words
from kkdesk.services import customers, marketing, portability, record
from kkdesk.services.session import DeskSession
from kkdesk.services.snapshot_fields import readable_fields
from kkdesk.store import marketing as marketing_store
from kkdesk.store import models, security
from tests.reports_factory import plain_customer, plain_letter, rich_customer
from tests.unit.reports.pdftext import contains, squeezed

ROOT = Path(__file__).resolve().parents[3]
ORM = {Table.CUSTOMER: models.Customer, Table.CONTACT_PERSON: models.ContactPerson}
VIEWS = {Table.CUSTOMER: dc.Customer, Table.CONTACT_PERSON: dc.ContactPerson}
DRAFTS = {Table.CUSTOMER: dc.CustomerDraft, Table.CONTACT_PERSON: dc.ContactPersonDraft}


def _migration(name: str) -> ModuleType:
    path = ROOT / "kkdesk" / "store" / "migrations" / "versions" / name
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _names(table: Table, *roles: Role) -> set[str]:
    return {f.name for f in catalogue.fields_of(table) if not roles or f.role in roles}


# -- the catalogue itself ------------------------------------------------------------------


def test_each_field_is_declared_once_and_coherently() -> None:
    for table in Table:
        declared = catalogue.names(catalogue.fields_of(table))
        assert len(declared) == len(set(declared)), table
    for f in catalogue.FIELDS:
        assert f.kinds, f
        assert (f.table is Table.CONTACT_PERSON) == (f.kinds == {Kind.CONTACT}), f
        if f.role in (Role.SYSTEM, Role.SEARCH):
            assert not f.personal and not f.on_form and not f.in_letter and not f.tracked, f
        if f.role is Role.SEARCH:
            # Search keys are made of personal values: gone with them.
            assert f.erasure is Erasure.ERASE, f
        if f.tracked:
            assert f.role is Role.DATA, f
        if f.personal:
            assert f.erasure is not Erasure.KEEP or f.role is Role.CONTROLLER, f
        if f.update_service:
            assert f.tracked, f  # its change is recorded with the update service as source
        assert Level.ADMIN in f.readable_by, f


def test_the_catalogue_answers_what_the_life_cycle_will_ask() -> None:
    """What erasure and an address-update import (issue 15) read from it."""
    customer_updates = catalogue.names(catalogue.update_service_fields(Table.CUSTOMER))
    assert customer_updates == ("street", "postal_code", "post_office", "country")
    assert catalogue.update_service_fields(Table.CONTACT_PERSON) == ()
    erased = {f.name for f in catalogue.CUSTOMER_FIELDS if f.erasure is Erasure.ERASE}
    assert {"surname", "first_names", "birth_date", "email", "phone_mobile", "street",
            "notes", "extra", "name_key", "email_key"} <= erased  # fmt: skip
    assert catalogue.field(Table.CUSTOMER, "number").erasure is Erasure.KEEP
    personal = {f.name for f in catalogue.CUSTOMER_FIELDS if f.personal}
    assert "company_name" not in personal and "birth_date" in personal


# -- domain records and the ORM ------------------------------------------------------------


@pytest.mark.parametrize("table", list(Table))
def test_the_orm_mapping_has_exactly_the_catalogue_columns(table: Table) -> None:
    columns = ORM[table].__table__.columns
    assert {c.name for c in columns} == _names(table)
    expected: dict[ValueType, type[Any]] = {
        ValueType.DATE: Date, ValueType.DATETIME: DateTime, ValueType.INTEGER: Integer,
        ValueType.LONG_TEXT: Text, ValueType.MAPPING: Text,
    }  # fmt: skip
    for f in catalogue.fields_of(table):
        column = columns[f.name]
        kind = column.type
        if isinstance(kind, TypeDecorator):  # UtcDateTime (kkdesk.store.types) over DateTime
            kind = kind.impl_instance
        assert isinstance(kind, expected.get(f.type, String)), f.name
        if f.type in (ValueType.DATE, ValueType.DATETIME) and f.role is not Role.SYSTEM:
            assert column.nullable == f.nullable, f.name


@pytest.mark.parametrize("table", list(Table))
def test_the_domain_records_carry_the_catalogue_fields(table: Table) -> None:
    view = {f.name for f in fields(VIEWS[table])}
    draft = {f.name for f in fields(DRAFTS[table])}
    data = _names(table, Role.DATA)
    # Every data field is in the view and the draft; the view also has what a reader sees.
    assert data <= view and data <= draft
    assert _names(table, Role.CONTROLLER) <= view
    assert {f.name for f in catalogue.in_copy(table, Copy.RECORD)} <= view
    # Nothing in them that the catalogue does not know (but the record's own parts).
    own = {"contacts", "sources", "erased"}
    assert view - own <= _names(table)
    assert draft - own <= _names(table)


def test_tracked_fields_come_from_the_catalogue() -> None:
    assert set(dc.TRACKED_FIELDS) | {"extra"} == {f.name for f in catalogue.tracked(Table.CUSTOMER)}
    assert catalogue.names(catalogue.tracked(Table.CONTACT_PERSON)) == dc.CONTACT_TRACKED_FIELDS


# -- grants per level ----------------------------------------------------------------------


@pytest.mark.parametrize("level", list(Level))
def test_the_column_grants_are_the_catalogue_levels(level: Level) -> None:
    """The security migration grants each level the customer columns the catalogue says
    it may read (marketing a column list, the others the whole table), and an offline
    snapshot takes exactly those."""
    migration = _migration("0002_security_roles_grants_audit.py")
    granted = migration.PRIVILEGES["customer"].get(f"kkdesk_{level.value}", ())
    if level is Level.MARKETING:
        listed = {c.strip() for c in migration.MARKETING_CUSTOMER_COLUMNS.split(",")}
        # Columns added later, each granted by its own migration.
        listed |= {"merged_into"}  # 0020
        assert listed == set(security.MARKETING_CUSTOMER_COLUMNS)
        assert listed == {f.name for f in catalogue.CUSTOMER_FIELDS if level in f.readable_by}
    elif level is not Level.ADMIN:
        assert "SELECT" in granted
        assert catalogue.readable_columns(Table.CUSTOMER, level) is None
    snapshot = readable_fields(level)
    for table in Table:
        assert snapshot[table.value] == catalogue.readable_columns(table, level)


# -- the JSON copies and the schema --------------------------------------------------------


def _covers(doc: dict[str, Any], view: object, table: Table, copy: Copy) -> None:
    for f in catalogue.in_copy(table, copy):
        holder = doc[f.json_group] if f.json_group else doc
        assert f.name in holder, (copy, f.name)
        assert holder[f.name] == value_json(getattr(view, f.name)), (copy, f.name)
    left_out = {f.name for f in catalogue.fields_of(table) if copy not in f.copies}
    assert not left_out & set(doc), (copy, left_out & set(doc))


FORMATS = jsonschema.FormatChecker()


def _record_schema() -> dict[str, Any]:
    """The record copy's ``customer`` key as JSON Schema: the catalogue's fields of the
    record copy, the contact persons', the sources and the bookkeeping fields."""
    schema = fields_schema(Table.CUSTOMER, Copy.RECORD)
    meta = fields_schema(Table.CUSTOMER, Copy.RECORD, meta=True)
    own = {
        "contacts": {"type": "array", "items": fields_schema(Table.CONTACT_PERSON, Copy.RECORD)},
        "sources": {"type": "object", "additionalProperties": {"type": "string"}},
    }
    schema["properties"] |= own | meta["properties"]
    schema["required"] += [*own, *meta["required"]]
    return schema


def test_both_json_copies_hold_every_field_of_their_copy(ds: DeskSession) -> None:
    for tag, company in (("P", False), ("C", True)):
        number = rich_customer(ds, tag, company=company).number
        view = customers.get(ds, number, purpose=Purpose.CUSTOMER_SERVICE)
        doc = json.loads(json.dumps(record.customer_record(ds, number, purpose="test")))
        _covers(doc["customer"], view, Table.CUSTOMER, Copy.RECORD)
        jsonschema.validate(doc["customer"], _record_schema(), format_checker=FORMATS)
        for got, contact in zip(doc["customer"]["contacts"], view.contacts, strict=True):
            _covers(got, contact, Table.CONTACT_PERSON, Copy.RECORD)
        copy = json.loads(json.dumps(portability.export(ds, number)))
        _covers(copy["customer"], view, Table.CUSTOMER, Copy.PORTABILITY)
        assert "notes" not in copy["customer"]  # internal notes are no data provided
    me = view.contacts[0]
    from kkdesk.services import requests

    req = requests.add(ds, number, "portability", received_on=requests.today(), channel="letter",
                       identity_method="passport", contact_person_id=me.id)  # fmt: skip
    copy = json.loads(json.dumps(portability.export(ds, number, request_id=req.id)))
    [got] = copy["contact_persons"]
    _covers(got, me, Table.CONTACT_PERSON, Copy.PORTABILITY)


def test_the_published_portability_schema_is_the_catalogue_schema() -> None:
    schema = json.loads((ROOT / "docs" / "portability-schema.json").read_text())
    customer = fields_schema(Table.CUSTOMER, Copy.PORTABILITY)
    assert schema["properties"]["customer"] == customer, json.dumps(customer, indent=1)
    contact = fields_schema(Table.CONTACT_PERSON, Copy.PORTABILITY)
    contact["required"].append("consents")
    contact["properties"]["consents"] = {"$ref": "#/$defs/consents"}
    items = schema["properties"]["contact_persons"]["items"]
    assert items == contact, json.dumps(contact, indent=1)


def test_the_record_copy_is_documented_field_by_field() -> None:
    """docs/customer-json.md names every field of the record copy."""
    doc = (ROOT / "docs" / "customer-json.md").read_text()
    for table in Table:
        for f in catalogue.in_copy(table, Copy.RECORD):
            assert f"`{f.name}`" in doc, f.name


# -- the access letter ---------------------------------------------------------------------


def _filled(view: dc.Customer) -> dc.Customer:
    """A customer holding a value in every field the letter lists."""
    return replace(view, company_name="Kärkkäinen & Poika Oy", business_id="0109862-8")


@pytest.mark.parametrize("lang", [Language.FI, Language.SV, Language.EN])
def test_the_letters_copy_lists_every_field_with_its_label(lang: Language) -> None:
    w = Words(lang)
    customer = _filled(plain_customer(language=lang))
    data = replace(plain_letter(lang), customer=customer)
    text = squeezed(render_access_letter(data).pdf)
    assert catalogue.names(catalogue.letter_fields(Table.CUSTOMER)) == access_letter.BASIC_FIELDS
    for f in catalogue.letter_fields(Table.CUSTOMER):
        value = display_value(w, f.name, getattr(customer, f.name))
        assert value, f.name
        assert contains(text, w(f"f_{f.key}")), f.name
        assert contains(text, value), f.name
    for key, value in customer.extra.items():  # "extra": one row per key
        assert contains(text, value), key
    # The contact persons' table: every field of theirs the letter lists.
    [contact] = customer.contacts
    for f in catalogue.letter_fields(Table.CONTACT_PERSON):
        value = getattr(contact, f.name)
        shown = w.phone(value) if f.type is ValueType.PHONE else value
        assert not shown or contains(text, shown), f.name
        if f.name not in ("surname", "first_names"):  # under "name", as one column
            assert contains(text, w(f"f_{f.key}")), f.name


def test_the_letters_categories_are_the_catalogues() -> None:
    """Every category a field may be in is a line of the letter's part 3, and a contact
    person's letter names each of their own fields there."""
    for lang in Language:
        w = Words(lang)
        for category in Category:
            assert w(f"held_{category.value}"), category
        for f in catalogue.FIELDS:
            if f.in_letter:
                assert w(f"f_{f.key}"), f.name
    personal = {f.name for f in catalogue.letter_fields(Table.CONTACT_PERSON) if f.personal}
    assert set(access_parts.CONTACT_OWN_FIELDS) == personal


# -- the marketing export ------------------------------------------------------------------


def test_the_marketing_export_reads_only_what_marketing_may_read() -> None:
    readable = {f.name for f in catalogue.CUSTOMER_FIELDS if Level.MARKETING in f.readable_by}
    for channel, columns in marketing.COLUMNS.items():
        for name, expr in columns:
            used = {c for c in _names(Table.CUSTOMER) if f"c.{c}" in expr}
            assert used and used <= readable, (channel, name)
    phones = set(catalogue.of_type(catalogue.CUSTOMER_FIELDS, ValueType.PHONE))
    assert set(marketing_store._PHONE_COLUMNS) == phones
    contact_phones = set(catalogue.of_type(catalogue.CONTACT_PERSON_FIELDS, ValueType.PHONE))
    assert set(marketing_store._CONTACT_PHONE_COLUMNS) == contact_phones


def test_field_is_typed_and_frozen() -> None:
    f: Field = catalogue.field(Table.CUSTOMER, "email")
    with pytest.raises(AttributeError):
        f.name = "x"  # type: ignore[misc]
    assert f.type is ValueType.EMAIL and f.personal and f.tracked


# -- whose data a copy holds ----------------------------------------------------------------


def _empty(value: object) -> bool:
    return value in ("", None, {}, ())


@pytest.mark.parametrize("kind", [Kind.PERSON, Kind.COMPANY])
def test_a_contact_persons_copy_holds_no_other_persons_field(kind: Kind) -> None:
    """Every personal field of the record that the catalogue declares is either shared
    with the record's contact persons (the address, the employer) or left out of their
    copy (GDPR Art. 15(4)): a new personal field cannot reach a colleague's letter."""
    customer = _filled(plain_customer())
    if kind is Kind.COMPANY:
        customer = replace(customer, type=CustomerType.COMPANY)
    contact_id = customer.contacts[0].id
    scoped = scope.scoped_customer(customer, contact_id)
    shared = (
        scope.COMPANY_FIELDS_FOR_CONTACT
        if kind is Kind.COMPANY
        else scope.PERSON_FIELDS_FOR_CONTACT
    )
    for f in catalogue.CUSTOMER_FIELDS:
        if f.role is not Role.DATA or not f.personal or kind not in f.kinds:
            continue
        assert not _empty(getattr(customer, f.name)), f.name
        if f.name in shared:
            assert getattr(scoped, f.name) == getattr(customer, f.name), f.name
        else:
            assert _empty(getattr(scoped, f.name)), f.name
