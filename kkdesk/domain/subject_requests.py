"""Data-subject requests (GDPR Art. 15–21) and their deadlines (Art. 12(3)), as plain data.

A request must be answered within one calendar month of receipt; the controller may
extend that by two further months when requests are complex or numerous, telling the data
subject why within the first month. "One month" follows Regulation 1182/71 (Art. 3(2)(c)):
the period ends on the same date of the next month, or on that month's last day when it
has no such date (received 31 January → due 28/29 February).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kkdesk.domain.enums import Channel

MONTHS_TO_ANSWER = 1
MONTHS_OF_EXTENSION = 2
REASON_MAX = 2000


class RequestKind(StrEnum):
    ACCESS = "access"  # Art. 15
    RECTIFICATION = "rectification"  # Art. 16
    ERASURE = "erasure"  # Art. 17
    RESTRICTION = "restriction"  # Art. 18
    PORTABILITY = "portability"  # Art. 20
    OBJECTION = "objection"  # Art. 21


class RequestStatus(StrEnum):
    OPEN = "open"
    DONE = "done"  # answered / carried out
    REFUSED = "refused"  # manifestly unfounded or excessive (Art. 12(5)), with a reason


class Urgency(StrEnum):
    """How near the deadline is, for colouring lists."""

    OK = "ok"
    SOON = "soon"  # two weeks or less
    DUE = "due"  # a week or less
    OVERDUE = "overdue"


def add_months(day: date, months: int) -> date:
    """The same date ``months`` later, or that month's last day if it has no such date."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deadline(received_on: date, *, extended: bool = False) -> date:
    months = MONTHS_TO_ANSWER + (MONTHS_OF_EXTENSION if extended else 0)
    return add_months(received_on, months)


@dataclass(frozen=True)
class LetterInfo:
    """A letter archived on a request (the PDF itself is fetched separately)."""

    id: int
    created_at: datetime
    created_by: str
    language: str
    sha256: str
    pages: int
    kind: str = "access"  # a LetterKind value
    addressee: str = ""  # an Art. 19 notice's recipient; blank: the data subject
    sent_on: date | None = None  # when it was sent (None: not recorded as sent)
    sent_via: str = ""  # a SendVia value: post, email, handed
    sent_recorded_by: str = ""

    @property
    def sent(self) -> bool:
        return self.sent_on is not None


@dataclass(frozen=True)
class SubjectRequest:
    id: int
    customer_number: str  # "" once the customer is erased
    customer_name: str
    kind: RequestKind
    received_on: date
    channel: Channel
    identity_method: str  # how the requester's identity was verified
    identity_verified_by: str
    status: RequestStatus
    deadline: date
    extension_reason: str
    closed_on: date | None
    note: str
    created_by: str
    created_at: datetime
    letters: tuple[LetterInfo, ...] = ()
    # A request from someone who is not a customer: by name and address only.
    requester_name: str = ""
    requester_address: str = ""
    # Why a full copy may go without a recorded identity check ("" : no override).
    identity_override: str = ""
    # The company's contact person who made the request for themselves (None: the
    # customer's own request), and their name as registered.
    contact_person_id: int | None = None
    contact_person_name: str = ""

    @property
    def identity_settled(self) -> bool:
        """Whether a full copy may be sent: the identity was checked, or privacy staff
        recorded why it goes without a check (GDPR Art. 12(6))."""
        return bool(self.identity_method or self.identity_override)

    @property
    def extended(self) -> bool:
        return bool(self.extension_reason)

    @property
    def is_open(self) -> bool:
        return self.status is RequestStatus.OPEN

    def days_left(self, today: date) -> int:
        return (self.deadline - today).days

    def urgency(self, today: date) -> Urgency:
        left = self.days_left(today)
        if left < 0:
            return Urgency.OVERDUE
        if left <= 7:
            return Urgency.DUE
        if left <= 14:
            return Urgency.SOON
        return Urgency.OK
