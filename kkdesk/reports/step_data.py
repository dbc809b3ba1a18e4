"""What a step letter prints: plain data, no reportlab (the services build it without
loading the PDF library, which the desk imports only when a letter is made)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kkdesk.domain.enums import Language
from kkdesk.domain.erasure import ErasureResult
from kkdesk.domain.letters import LetterKind
from kkdesk.domain.register_info import RegisterInfo
from kkdesk.domain.subject_requests import RequestKind

__all__ = ["ConfirmedItem", "ObtainedItem", "RecipientItem", "StepLetter"]


@dataclass(frozen=True)
class ConfirmedItem:
    """A prohibition, objection or consent withdrawal recorded for the person (Art. 21)."""

    item: str  # a ConsentItem value
    state: bool  # the entry's state: prohibited / given / in force
    is_consent: bool
    is_prohibition: bool
    received_on: date


@dataclass(frozen=True)
class ObtainedItem:
    """A field obtained from another source than the person (Art. 14)."""

    field: str
    value: str  # as printed (already in the letter's language)
    obtained_at: datetime
    source: str  # a DataSource value
    detail: str  # which public source, partner or service


@dataclass(frozen=True)
class RecipientItem:
    """A recorded recipient of the person's data and when it was disclosed (Art. 19)."""

    recipient: str
    disclosed_on: tuple[date, ...]


@dataclass(frozen=True)
class StepLetter:
    """Everything one step letter prints. Fields a kind does not use stay empty."""

    kind: LetterKind
    language: Language
    letter_date: date
    register: RegisterInfo
    recipient: tuple[str, ...]  # the address block
    reference: str = ""  # the request's id
    customer_number: str = ""  # printed as the reference when no request is answered
    request_kind: RequestKind | None = None
    received_on: date | None = None
    deadline: date | None = None
    reason: str = ""  # staff's words: an extension's or refusal's reason, what to send
    confirmed: tuple[ConfirmedItem, ...] = ()
    obtained: tuple[ObtainedItem, ...] = ()
    recipients: tuple[RecipientItem, ...] = ()
    subject_name: str = ""  # an Art. 19 notice to a recipient: whose data
    corrected: tuple[tuple[str, str], ...] = ()  # (field label, corrected value)
    action: str = ""  # "rectification", "erasure" or "restriction" (Art. 19)
    action_on: date | None = None
    # An Art. 14 notice to a company's contact person: whose data it is (the letter goes
    # to them at the company); None: the customer's own.
    contact_person_id: int | None = None
    copy_file: str = ""  # the machine-readable copy a cover letter goes with
    copy_size: int = 0
    copy_sha256: str = ""
    # The erasure outcome letter (Art. 17): what the erasure did.
    erasure: ErasureResult | None = None

    # An Art. 18(3) notice: the restriction's ground (a RestrictionGround value); its start
    # is ``action_on`` and staff's words on why it ends are ``reason``.
    ground: str = ""
