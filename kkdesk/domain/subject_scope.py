"""Whose data a subject-access letter or a portability copy may hold (GDPR Art. 15(4),
20(4)): only the requester's own.

A person's copy holds their record and nobody else's: contact persons recorded on a
person's record (a spouse, a guardian) are other people, so their names, telephones,
e-mail, prohibitions, consents and change history stay out of the person's letter and
copy. A request made by such a contact person of a person's record gets their own data and
the record's postal address (where the letter reaches them), never the person's name,
birth date, telephones, e-mail, notes, orders, prohibitions or history.
A company is not a data subject, but its contact
persons are, each for themselves: a contact person's copy holds their own data and what of
the company concerns them (the company's name, business ID and address, their employer's
details they are known by), never a colleague's telephone, e-mail, prohibitions or
history. A copy for the company as such (a request made in the company's name, or a letter
answering no request) holds the company's own data and no contact person's.

Pure functions over the domain views; the services apply them before anything renders.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kkdesk.domain.consent import ConsentEvent
from kkdesk.domain.customer import Customer, FieldChange
from kkdesk.domain.enums import CustomerType

# The company's fields that concern its contact persons too: who their employer is and
# where they are reached. The company's own telephones, e-mail, notes and extra fields may
# be a colleague's and are left out.
COMPANY_FIELDS_FOR_CONTACT: frozenset[str] = frozenset(
    {"company_name", "business_id", "street", "postal_code", "post_office", "country",
     "language"}
)  # fmt: skip


# A person's fields that concern a contact person recorded on their record: the postal
# address the household is reached at and the language of correspondence.
PERSON_FIELDS_FOR_CONTACT: frozenset[str] = frozenset(
    {"street", "postal_code", "post_office", "country", "language"}
)


def _shared(customer: Customer) -> frozenset[str]:
    if customer.type is CustomerType.COMPANY:
        return COMPANY_FIELDS_FOR_CONTACT
    return PERSON_FIELDS_FOR_CONTACT


def scoped_customer(customer: Customer, contact_person_id: int | None) -> Customer:
    """The customer's record as the requester may see it."""
    if contact_person_id is None:
        # The customer's own copy (a person's, or the company's as such): no contact
        # person's data, whoever they are.
        sources = {k: v for k, v in customer.sources.items() if not k.startswith("contact:")}
        return replace(customer, contacts=(), sources=sources)
    own = f"contact:{contact_person_id}:"
    shared = _shared(customer)
    sources = {k: v for k, v in customer.sources.items() if k.startswith(own) or k in shared}
    if customer.type is not CustomerType.COMPANY:
        customer = replace(customer, surname="", first_names="", birth_date=None)
    return replace(
        customer,
        contacts=tuple(c for c in customer.contacts if c.id == contact_person_id),
        phone_home="",
        phone_work="",
        phone_mobile="",
        email="",
        notes="",
        extra={},
        sources=sources,
    )


def is_company_scope(customer: Customer, contact_person_id: int | None) -> bool:
    """Whether the copy is for a contact person (of a company or of a person's record):
    the narrowest scope, without the customer's orders."""
    return contact_person_id is not None


def scoped_events(
    customer: Customer, contact_person_id: int | None, events: Iterable[ConsentEvent]
) -> tuple[ConsentEvent, ...]:
    """The prohibitions and consents the requester made (the customer's own: never a
    contact person's, also on a person's record)."""
    return tuple(e for e in events if e.contact_person_id == contact_person_id)


def scoped_changes(
    customer: Customer, contact_person_id: int | None, changes: Iterable[FieldChange]
) -> tuple[FieldChange, ...]:
    """The change history of the data the requester may see."""
    if contact_person_id is None:
        return tuple(c for c in changes if c.contact_person_id is None)
    shared = _shared(customer)
    return tuple(
        c
        for c in changes
        if c.contact_person_id == contact_person_id
        or (c.contact_person_id is None and c.field in shared)
    )
