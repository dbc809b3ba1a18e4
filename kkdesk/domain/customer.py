"""Customer records as plain data.

Drafts are what a form or an import offers to the register; they are validated and
normalised by :mod:`kkdesk.domain.validation` before anything is stored. Views are frozen
snapshots that services hand to the UI and to reports: never live database objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime

from kkdesk.domain import catalogue
from kkdesk.domain.catalogue import Table, ValueType
from kkdesk.domain.enums import CustomerType, DataSource, Language
from kkdesk.domain.search import WordKind


@dataclass(frozen=True)
class ContactPersonDraft:
    surname: str = ""
    first_names: str = ""
    role: str = ""
    phone_work: str = ""
    phone_mobile: str = ""
    email: str = ""
    id: int | None = None  # None for a new contact person


@dataclass(frozen=True)
class CustomerDraft:
    """A customer as offered for creation or update (already normalised once validated)."""

    type: CustomerType = CustomerType.PERSON
    surname: str = ""
    first_names: str = ""
    company_name: str = ""
    business_id: str = ""
    street: str = ""
    postal_code: str = ""
    post_office: str = ""
    country: str = "FI"
    phone_home: str = ""
    phone_work: str = ""
    phone_mobile: str = ""
    email: str = ""
    birth_date: date | None = None
    language: Language = Language.FI
    customer_since: date | None = None
    notes: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    contacts: tuple[ContactPersonDraft, ...] = ()


# Fields of a draft whose changes are personal-data changes (history and sources), from
# the data catalogue. ``extra`` is tracked too, as one JSON value, by code of its own.
TRACKED_FIELDS: tuple[str, ...] = tuple(
    f.name for f in catalogue.tracked(Table.CUSTOMER) if f.type is not ValueType.MAPPING
)
CONTACT_TRACKED_FIELDS: tuple[str, ...] = catalogue.names(catalogue.tracked(Table.CONTACT_PERSON))


def display_name(
    type_: CustomerType | str, surname: str, first_names: str, company_name: str
) -> str:
    """The name a list or letter shows: "Surname First names" or the company name."""
    person = f"{surname} {first_names}".strip()
    if type_ == CustomerType.COMPANY:
        return company_name
    if type_ == CustomerType.PERSON:
        return person
    # A type kkdesk does not know (a damaged row): whatever name it holds; a list that
    # shows it must never fail.
    return company_name or person


@dataclass(frozen=True)
class CustomerSummary:
    """One search hit: enough for a result row."""

    id: int
    number: str
    type: CustomerType
    name: str
    postal_code: str
    post_office: str
    email: str
    phone: str
    # Found through a search word rather than the name's start: which field matched, and
    # its value ("Virtanen Matti" for a contact person, "Kotkankatu 5" for a street).
    matched: WordKind | None = None
    matched_text: str = ""
    # Under a restriction of processing (GDPR Art. 18): the result list marks it.
    restricted: bool = False

    # Found by the number of a record merged into this one: that number ("" otherwise).
    merged_number: str = ""


@dataclass(frozen=True)
class ContactPerson:
    id: int
    surname: str
    first_names: str
    role: str
    phone_work: str
    phone_mobile: str
    email: str


@dataclass(frozen=True)
class FieldChange:
    """One entry of the change history of personal data."""

    changed_at: datetime
    changed_by: str
    field: str
    old_value: str
    new_value: str
    source: DataSource
    source_detail: str
    contact_person_id: int | None = None


@dataclass(frozen=True)
class Customer:
    """Everything the register holds in a customer's basic data, as of ``version``."""

    id: int
    number: str
    type: CustomerType
    customer_since: date
    surname: str
    first_names: str
    company_name: str
    business_id: str
    street: str
    postal_code: str
    post_office: str
    country: str
    phone_home: str
    phone_work: str
    phone_mobile: str
    email: str
    birth_date: date | None
    language: Language
    notes: str
    extra: dict[str, str]
    version: int
    updated_at: datetime | None  # None where the user's level may not read it
    updated_by: str
    contacts: tuple[ContactPerson, ...] = ()
    # The latest source of each tracked field ("field" or "contact:<id>:field").
    sources: dict[str, DataSource] = field(default_factory=dict)
    erased: bool = False

    @property
    def name(self) -> str:
        return display_name(self.type, self.surname, self.first_names, self.company_name)

    def to_draft(self) -> CustomerDraft:
        # Every field the draft has, by name: a field added to both is never dropped here.
        values = {name: getattr(self, name) for name in _DRAFT_NAMES}
        return CustomerDraft(
            **values,
            extra=dict(self.extra),
            contacts=tuple(
                ContactPersonDraft(**{name: getattr(c, name) for name in _CONTACT_DRAFT_NAMES})
                for c in self.contacts
            ),
        )


_DRAFT_NAMES = tuple(f.name for f in fields(CustomerDraft) if f.name not in ("extra", "contacts"))
_CONTACT_DRAFT_NAMES = tuple(f.name for f in fields(ContactPersonDraft))
