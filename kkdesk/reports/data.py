"""What a subject-access letter is printed from: plain frozen data, assembled by
:mod:`kkdesk.services.access_report` and laid out by :mod:`kkdesk.reports.access_letter`.

Nothing here knows the database; a test or a benchmark can build one by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kkdesk.domain.consent import ConsentEvent, ConsentItem
from kkdesk.domain.customer import Customer, FieldChange
from kkdesk.domain.enums import Language
from kkdesk.domain.orders import Order
from kkdesk.domain.register_info import RegisterInfo


@dataclass(frozen=True)
class DisclosureEntry:
    """One recorded disclosure that included this customer (GDPR Art. 15(1)(c))."""

    disclosed_at: datetime
    recipient: str
    kind: str
    purpose: str  # a MarketingPurpose value for a marketing export, else ""
    legal_basis: str
    description: str
    channel: str = ""  # a MarketingChannel value for a marketing export, else ""


@dataclass(frozen=True)
class AccessEntry:
    """One row of the access log: when, what, why, and who (blank unless staff are named)."""

    at: datetime
    action: str  # an AuditAction value
    purpose: str  # a Purpose value
    actor: str = ""


@dataclass(frozen=True)
class RequestEntry:
    """One of the requester's own data-subject requests, with its outcome (part 10.8)."""

    id: int
    kind: str  # a RequestKind value
    received_on: date
    status: str  # a RequestStatus value
    deadline: date
    closed_on: date | None = None
    extension_reason: str = ""
    note: str = ""  # what was done, or why it was refused


@dataclass(frozen=True)
class AccessLetter:
    """Everything one subject-access letter prints."""

    language: Language
    letter_date: date
    register: RegisterInfo
    customer: Customer
    reference: str = ""  # the request's id; blank prints the customer number instead
    received_on: date | None = None  # when the request arrived
    orders: tuple[Order, ...] = ()
    consent_events: tuple[ConsentEvent, ...] = ()
    # Items that a suppression list stops for the person's e-mail address or telephone
    # number beyond their own entries (person: None for the customer, else a contact id).
    suppressed: tuple[tuple[int | None, ConsentItem], ...] = ()
    changes: tuple[FieldChange, ...] = ()
    disclosures: tuple[DisclosureEntry, ...] = ()
    access_log: tuple[AccessEntry, ...] = ()
    name_staff: bool = False
    # The company's contact person the letter is for (None: a person, or the company as
    # such); the data above is already narrowed to what they may see (Art. 15(4)).
    contact_person_id: int | None = None
    requests: tuple[RequestEntry, ...] = ()  # the requester's own requests
    # The record carries contact persons left out of this letter (Art. 15(4)): the letter
    # says theirs go to them on their own request instead of "none".
    contacts_left_out: bool = False


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered document: the PDF bytes and how many pages they have."""

    pdf: bytes
    pages: int
