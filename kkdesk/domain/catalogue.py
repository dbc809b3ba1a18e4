"""The register's data catalogue: every field of a customer and of a contact person, once.

Each column of the ``customer`` and ``contact_person`` tables is declared here with what
the rest of kkdesk needs to know about it: its type, which record kinds carry it (a
person, a company, a contact person), whether it is personal data and of which category
(as the subject-access letter names categories), whether its changes are recorded with
their source, which user levels may read it, whether an update service may change it,
what erasure does to it, and its label key. Declared once, typed, with defaults, as
Picard declares its options.

Everything that lists fields derives its list from here or is held equal to it by a test
(``tests/unit/domain/test_catalogue.py`` walks the catalogue through every consumer): the
domain records, the ORM mapping, the column grants per level, the JSON copies and the
portability schema, the access letter's copy and categories, the form, the field labels
and the marketing export columns. CONTRIBUTING.md says how a new field is added.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kkdesk.domain.levels import Level


class Kind(StrEnum):
    """The kinds of record a field belongs to (register description, section 5.1)."""

    PERSON = "person"  # a private person's customer record
    COMPANY = "company"  # a company's customer record
    CONTACT = "contact"  # a contact person (of a company, or recorded on a person's record)


class Table(StrEnum):
    """The table that holds a field: one per record shape."""

    CUSTOMER = "customer"
    CONTACT_PERSON = "contact_person"


class ValueType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"  # free text over several lines
    PHONE = "phone"  # E.164, or empty
    EMAIL = "email"
    COUNTRY = "country"  # ISO 3166-1 alpha-2
    LANGUAGE = "language"  # a Language value
    CUSTOMER_TYPE = "customer_type"  # a CustomerType value
    BUSINESS_ID = "business_id"  # Y-tunnus
    DATE = "date"
    DATETIME = "datetime"
    INTEGER = "integer"
    MAPPING = "mapping"  # text keys to text values, stored as one JSON object
    SEARCH_KEY = "search_key"  # folded text computed from other fields, for search


class Role(StrEnum):
    """Who gives a field its value."""

    DATA = "data"  # the customer's data as staff enter it from the customer or a source
    CONTROLLER = "controller"  # set by the register itself (number, type, date of joining)
    SEARCH = "search"  # derived from the data fields on every write, never shown
    SYSTEM = "system"  # bookkeeping: ids, versions, who saved and when


class Category(StrEnum):
    """The categories of personal data as the access letter's part 3 names them: each
    value is the letter's ``held_<value>`` line. Fields of a customer or contact person
    are all basic data (section 5.1); the other categories are whole tables."""

    BASIC = "basic"
    ORDERS = "orders"
    CONSENTS = "consents"
    CHANGES = "changes"
    REQUESTS = "requests"
    LOG = "log"


class Erasure(StrEnum):
    """What erasing a person (GDPR Art. 17) does to a field."""

    ERASE = "erase"  # blanked: "" for text, None for a date, the default for a choice
    KEEP = "keep"  # kept as it is: no personal value, or needed to keep the erasure's word
    PSEUDONYMISE = "pseudonymise"  # replaced by a reference that identifies nobody


class Copy(StrEnum):
    """The JSON copies a field may be part of."""

    RECORD = "record"  # ``kkdesk customer show --json`` (docs/customer-json.md)
    PORTABILITY = "portability"  # the Art. 20 copy (docs/portability-schema.json)


ALL_LEVELS: frozenset[Level] = frozenset(Level)
# Marketing reads names, addresses and contact channels only: no birth dates, notes,
# free-form extra data or staff names (the security migration grants exactly that).
NOT_MARKETING: frozenset[Level] = ALL_LEVELS - {Level.MARKETING}
BOTH_COPIES: frozenset[Copy] = frozenset(Copy)
PARTIES: frozenset[Kind] = frozenset({Kind.PERSON, Kind.COMPANY})


@dataclass(frozen=True)
class Field:
    """One column of a customer or a contact person, and everything known about it."""

    table: Table
    name: str
    type: ValueType
    kinds: frozenset[Kind]
    role: Role = Role.DATA
    # May hold no value at all (NULL; a date not known), not just an empty text.
    nullable: bool = False
    # The category of personal data, as the access letter names it; None: not personal
    # data (a company's own data, bookkeeping, derived search keys).
    category: Category | None = Category.BASIC
    # Changes are recorded in the change history with their source (section 6).
    tracked: bool = False
    readable_by: frozenset[Level] = ALL_LEVELS
    # An update service (an address-update file, section 6) may change it.
    update_service: bool = False
    erasure: Erasure = Erasure.ERASE
    # The key of its label: the letter's ``f_<label>`` text and the desk's field label.
    label: str = ""
    copies: frozenset[Copy] = frozenset()
    # Its JSON copies nest it in an object of this name ("address"); "" at the top.
    json_group: str = ""
    json_description: str = ""
    # Shown on the desk's form (customer form, contact person dialog) for editing.
    on_form: bool = False
    # Listed in the access letter's copy of the basic data (part 10.1 / 10.2).
    in_letter: bool = False
    # The letter's copy shows it even when empty (every customer has it).
    always_shown: bool = False

    @property
    def key(self) -> str:
        return self.label or self.name

    @property
    def personal(self) -> bool:
        return self.category is not None


def _customer(name: str, type_: ValueType, kinds: Iterable[Kind] = PARTIES, **kw: Any) -> Field:
    return Field(Table.CUSTOMER, name, type_, frozenset(kinds), **kw)


def _contact(name: str, type_: ValueType, **kw: Any) -> Field:
    return Field(Table.CONTACT_PERSON, name, type_, frozenset({Kind.CONTACT}), **kw)


_T = ValueType
_PERSON, _COMPANY = frozenset({Kind.PERSON}), frozenset({Kind.COMPANY})
# A field entered for the customer: personal, tracked with its source, in both copies, on
# the form and in the letter.
_ENTERED: dict[str, Any] = {
    "tracked": True,
    "copies": BOTH_COPIES,
    "on_form": True,
    "in_letter": True,
}
_ADDRESS: dict[str, Any] = {**_ENTERED, "json_group": "address", "update_service": True}
_SYSTEM: dict[str, Any] = {"role": Role.SYSTEM, "category": None, "erasure": Erasure.KEEP}
_SEARCH: dict[str, Any] = {"role": Role.SEARCH, "category": None}

# In the order the JSON copies and the letter's copy list them (the table's columns but
# for the bookkeeping ones at the end).
CUSTOMER_FIELDS: tuple[Field, ...] = (
    _customer("id", _T.INTEGER, **_SYSTEM),
    # The number without the person is the pseudonymous reference that kept rows (audit,
    # orders within their accounting period) point at: erasure keeps it.
    _customer("number", _T.TEXT, role=Role.CONTROLLER, erasure=Erasure.KEEP,
              copies=BOTH_COPIES, in_letter=True, always_shown=True,
              json_description="customer number"),
    _customer("type", _T.CUSTOMER_TYPE, role=Role.CONTROLLER, erasure=Erasure.KEEP,
              copies=BOTH_COPIES, in_letter=True, always_shown=True),
    _customer("customer_since", _T.DATE, role=Role.CONTROLLER, erasure=Erasure.KEEP,
              copies=BOTH_COPIES, on_form=True, in_letter=True, always_shown=True),
    _customer("surname", _T.TEXT, _PERSON, **_ENTERED),
    _customer("first_names", _T.TEXT, _PERSON, **_ENTERED),
    # A company is no data subject: its name and business ID are not personal data.
    _customer("company_name", _T.TEXT, _COMPANY, **{**_ENTERED, "category": None,
                                                     "erasure": Erasure.KEEP}),
    _customer("business_id", _T.BUSINESS_ID, _COMPANY,
              **{**_ENTERED, "category": None, "erasure": Erasure.KEEP},
              json_description="Finnish business ID (Y-tunnus), companies only"),
    _customer("street", _T.TEXT, **_ADDRESS),
    _customer("postal_code", _T.TEXT, **_ADDRESS),
    _customer("post_office", _T.TEXT, **_ADDRESS),
    _customer("country", _T.COUNTRY, **_ADDRESS, json_description="ISO 3166-1 alpha-2"),
    _customer("phone_home", _T.PHONE, **_ENTERED, json_description="E.164, or empty"),
    _customer("phone_work", _T.PHONE, **_ENTERED, json_description="E.164, or empty"),
    _customer("phone_mobile", _T.PHONE, **_ENTERED, json_description="E.164, or empty"),
    _customer("email", _T.EMAIL, **_ENTERED),
    _customer("birth_date", _T.DATE, _PERSON, **_ENTERED, nullable=True,
              readable_by=NOT_MARKETING),
    _customer("language", _T.LANGUAGE, **_ENTERED, always_shown=True,
              json_description="language of correspondence"),
    # Internal notes are not data the customer provided: not in the portability copy.
    _customer("notes", _T.LONG_TEXT, **{**_ENTERED, "copies": frozenset({Copy.RECORD})},
              readable_by=NOT_MARKETING),
    # Other customer-specific data: tracked as one JSON value; the letter lists each of
    # its keys as a row of its own (so it is not one of the letter's basic fields).
    _customer("extra", _T.MAPPING, **{**_ENTERED, "in_letter": False},
              readable_by=NOT_MARKETING),
    _customer("name_key", _T.SEARCH_KEY, **_SEARCH),
    _customer("name_key_rev", _T.SEARCH_KEY, **_SEARCH),
    _customer("email_key", _T.SEARCH_KEY, **_SEARCH),
    _customer("created_at", _T.DATETIME, **_SYSTEM, readable_by=NOT_MARKETING),
    _customer("created_by", _T.TEXT, **_SYSTEM, readable_by=NOT_MARKETING),
    _customer("version", _T.INTEGER, **_SYSTEM, copies=frozenset({Copy.RECORD})),
    # The desk's view has none where the user's level may not read it.
    _customer("updated_at", _T.DATETIME, **_SYSTEM, readable_by=NOT_MARKETING, nullable=True,
              copies=frozenset({Copy.RECORD})),
    _customer("updated_by", _T.TEXT, **_SYSTEM, readable_by=NOT_MARKETING,
              copies=frozenset({Copy.RECORD})),
    _customer("erased_at", _T.DATETIME, **_SYSTEM, nullable=True),
    # The record this one was merged into: every level follows an old number to it.
    _customer("merged_into", _T.INTEGER, **_SYSTEM, nullable=True),
)  # fmt: skip

CONTACT_PERSON_FIELDS: tuple[Field, ...] = (
    # The record copy names contact persons by id (the sources' "contact:<id>:field").
    _contact("id", _T.INTEGER, **_SYSTEM, copies=frozenset({Copy.RECORD})),
    _contact("customer_id", _T.INTEGER, **_SYSTEM),
    _contact("surname", _T.TEXT, **_ENTERED),
    _contact("first_names", _T.TEXT, **_ENTERED),
    _contact("role", _T.TEXT, **_ENTERED),
    _contact("phone_work", _T.PHONE, **_ENTERED),
    _contact("phone_mobile", _T.PHONE, **_ENTERED),
    _contact("email", _T.EMAIL, **_ENTERED),
    _contact("email_key", _T.SEARCH_KEY, **_SEARCH),
    _contact("name_key", _T.SEARCH_KEY, **_SEARCH),
    _contact("name_key_rev", _T.SEARCH_KEY, **_SEARCH),
    # Set when the contact person is erased (kkdesk.domain.erasure); the blank row stays.
    _contact("erased_at", _T.DATETIME, **_SYSTEM, nullable=True),
)

FIELDS: tuple[Field, ...] = CUSTOMER_FIELDS + CONTACT_PERSON_FIELDS
_BY_TABLE: dict[Table, tuple[Field, ...]] = {
    Table.CUSTOMER: CUSTOMER_FIELDS,
    Table.CONTACT_PERSON: CONTACT_PERSON_FIELDS,
}


def fields_of(table: Table) -> tuple[Field, ...]:
    return _BY_TABLE[table]


def field(table: Table, name: str) -> Field:
    for f in _BY_TABLE[table]:
        if f.name == name:
            return f
    raise KeyError(f"{table}.{name}")


def names(fields: Iterable[Field]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


def tracked(table: Table) -> tuple[Field, ...]:
    """The fields whose changes go into the change history with their source."""
    return tuple(f for f in _BY_TABLE[table] if f.tracked)


def readable_columns(table: Table, level: Level) -> tuple[str, ...] | None:
    """The columns of ``table`` that ``level`` may read; None when it may read them all
    (the server grants the table, not a column list)."""
    fields = _BY_TABLE[table]
    readable = tuple(f.name for f in fields if level in f.readable_by)
    return None if len(readable) == len(fields) else readable


def in_copy(table: Table, copy: Copy) -> tuple[Field, ...]:
    return tuple(f for f in _BY_TABLE[table] if copy in f.copies)


def letter_fields(table: Table) -> tuple[Field, ...]:
    """The fields the access letter's copy lists, in its order."""
    return tuple(f for f in _BY_TABLE[table] if f.in_letter)


def form_fields(table: Table) -> tuple[Field, ...]:
    return tuple(f for f in _BY_TABLE[table] if f.on_form)


def update_service_fields(table: Table) -> tuple[Field, ...]:
    """What an update service (an address-update file) may change."""
    return tuple(f for f in _BY_TABLE[table] if f.update_service)


def of_type(fields: Iterable[Field], *types: ValueType) -> tuple[str, ...]:
    return tuple(f.name for f in fields if f.type in types)


def only_for(table: Table, kind: Kind) -> tuple[Field, ...]:
    """The fields that only ``kind`` of record carries (a person's birth date)."""
    return tuple(f for f in _BY_TABLE[table] if f.kinds == {kind})
