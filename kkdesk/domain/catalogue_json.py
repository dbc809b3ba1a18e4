"""The one JSON serializer and JSON Schema of a customer's fields, from the data catalogue.

Both JSON copies of a customer — the whole record (``kkdesk customer show --json``,
docs/customer-json.md) and the Art. 20 portability copy (docs/portability-schema.json) —
write a customer's and a contact person's fields through :func:`fields_json`; which fields
each copy holds is the catalogue's ``copies``. :func:`fields_schema` gives the same fields
as JSON Schema 2020-12; a test holds the published portability schema equal to it.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from typing import Any

from kkdesk.domain import catalogue
from kkdesk.domain.catalogue import Copy, Field, Role, Table, ValueType
from kkdesk.domain.enums import CustomerType, Language

# The fields that describe the record rather than the customer's data: the record copy
# puts them after the contact persons and sources.
META_ROLES = frozenset({Role.SYSTEM})


def value_json(value: Any) -> Any:
    """A field's value as JSON holds it: dates ISO 8601, enums by their stored value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): value_json(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=64)
def _selected(table: Table, copy: Copy, meta: bool) -> tuple[Field, ...]:
    fields = catalogue.in_copy(table, copy)
    if table is Table.CONTACT_PERSON:  # a contact person's copy has no bookkeeping part
        return () if meta else fields
    return tuple(f for f in fields if (f.role in META_ROLES) is meta)


def fields_json(view: object, table: Table, copy: Copy, *, meta: bool = False) -> dict[str, Any]:
    """The fields of ``view`` (a domain record of ``table``) that ``copy`` holds, in the
    catalogue's order, grouped as the catalogue says (the address). ``meta``: the
    bookkeeping fields (version, last change) instead of the data."""
    out: dict[str, Any] = {}
    for f in _selected(table, copy, meta):
        value = value_json(getattr(view, f.name))
        if f.json_group:
            out.setdefault(f.json_group, {})[f.name] = value
        else:
            out[f.name] = value
    return out


def _field_schema(f: Field) -> dict[str, Any]:
    schema: dict[str, Any]
    if f.type is ValueType.CUSTOMER_TYPE:
        schema = {"enum": [t.value for t in CustomerType]}
    elif f.type is ValueType.LANGUAGE:
        schema = {"enum": [lang.value for lang in Language]}
    elif f.type is ValueType.MAPPING:
        schema = {"type": "object", "additionalProperties": {"type": "string"}}
    elif f.type is ValueType.INTEGER:
        schema = {"type": "integer"}
    elif f.type in (ValueType.DATE, ValueType.DATETIME):
        schema = {
            "type": ["string", "null"] if f.nullable else "string",
            "format": "date" if f.type is ValueType.DATE else "date-time",
        }
    else:
        schema = {"type": "string"}
    if f.json_description:
        schema["description"] = f.json_description
    return schema


def fields_schema(table: Table, copy: Copy, *, meta: bool = False) -> dict[str, Any]:
    """JSON Schema of what :func:`fields_json` writes for ``table`` in ``copy``."""
    properties: dict[str, Any] = {}
    for f in _selected(table, copy, meta):
        if f.json_group:
            group = properties.setdefault(
                f.json_group,
                {"type": "object", "additionalProperties": False, "required": [],
                 "properties": {}},
            )  # fmt: skip
            group["required"].append(f.name)
            group["properties"][f.name] = _field_schema(f)
        else:
            properties[f.name] = _field_schema(f)
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }
