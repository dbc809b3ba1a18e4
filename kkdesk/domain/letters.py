"""The letters of a data-subject request, how each was sent, and which contact details the
letters print (so that an empty one can be warned about before a letter goes out).

Each step of a request has its letter (GDPR Art. 12–21); :class:`LetterKind` names them,
:data:`ARTICLES` says which article each answers and :data:`FOR_REQUEST` which letters fit
which request. The table in ``docs/reports.md`` lists the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from kkdesk.domain.register_info import KINDS, RegisterInfo
from kkdesk.domain.subject_requests import RequestKind


class LetterKind(StrEnum):
    ACCESS = "access"  # Art. 15: the subject-access reply (kkdesk.reports.access_letter)
    ACKNOWLEDGEMENT = "acknowledgement"  # Art. 12(3): received, answered by the deadline
    EXTENSION = "extension"  # Art. 12(3): two more months, and why
    REFUSAL = "refusal"  # Art. 12(4): not acted on, why, complaint and judicial remedy
    NO_DATA = "no_data"  # Art. 15(1): "we hold no data on you"
    IDENTIFICATION = "identification"  # Art. 12(6): more information to confirm identity
    CONFIRMATION = "confirmation"  # Art. 21, section 9: a prohibition/objection recorded
    SOURCE_NOTICE = "source_notice"  # Art. 14: data obtained from another source
    RECIPIENT_NOTICE = "recipient_notice"  # Art. 19: rectification told to a recipient
    RECIPIENTS_LIST = "recipients_list"  # Art. 19: the subject told who the recipients are
    COPY_COVER = "copy_cover"  # Art. 20: the cover letter of the machine-readable copy
    # Art. 17: what was erased, what was kept and until when; made by the erasure itself
    # (kkdesk.services.erasure), not chosen in the step letter dialog.
    ERASURE = "erasure"

    # Art. 18(3): the person told before their restriction of processing is lifted. Made
    # by kkdesk.services.restrictions only (a lift names it), never as a request's step.
    RESTRICTION_LIFT = "restriction_lift"


ARTICLES: dict[LetterKind, str] = {
    LetterKind.ACCESS: "15",
    LetterKind.ACKNOWLEDGEMENT: "12(3)",
    LetterKind.EXTENSION: "12(3)",
    LetterKind.REFUSAL: "12(4)",
    LetterKind.NO_DATA: "15(1)",
    LetterKind.IDENTIFICATION: "12(6)",
    LetterKind.CONFIRMATION: "21",
    LetterKind.SOURCE_NOTICE: "14",
    LetterKind.RECIPIENT_NOTICE: "19",
    LetterKind.RECIPIENTS_LIST: "19",
    LetterKind.COPY_COVER: "20",
    LetterKind.ERASURE: "17",
    LetterKind.RESTRICTION_LIFT: "18(3)",
}

# Letters any request may get; then those only some kinds of request may.
_EVERY = (
    LetterKind.ACKNOWLEDGEMENT,
    LetterKind.EXTENSION,
    LetterKind.REFUSAL,
    LetterKind.IDENTIFICATION,
)
FOR_REQUEST: dict[RequestKind, tuple[LetterKind, ...]] = {
    RequestKind.ACCESS: (*_EVERY, LetterKind.NO_DATA),
    RequestKind.RECTIFICATION: (*_EVERY, LetterKind.RECIPIENT_NOTICE, LetterKind.RECIPIENTS_LIST),
    RequestKind.ERASURE: (*_EVERY, LetterKind.RECIPIENT_NOTICE, LetterKind.RECIPIENTS_LIST),
    RequestKind.RESTRICTION: (*_EVERY, LetterKind.RECIPIENT_NOTICE, LetterKind.RECIPIENTS_LIST),
    RequestKind.PORTABILITY: (*_EVERY, LetterKind.COPY_COVER, LetterKind.NO_DATA),
    RequestKind.OBJECTION: (*_EVERY, LetterKind.CONFIRMATION),
}
# Letters that need a customer on the register (the others can go to a requester who is
# not one, by name and address).
NEED_CUSTOMER = frozenset(
    {
        LetterKind.CONFIRMATION,
        LetterKind.SOURCE_NOTICE,
        LetterKind.RECIPIENT_NOTICE,
        LetterKind.RECIPIENTS_LIST,
        LetterKind.COPY_COVER,
        LetterKind.RESTRICTION_LIFT,
    }
)
# Letters that print a reason given by staff (and refuse to be made without one).
NEED_REASON = frozenset({LetterKind.EXTENSION, LetterKind.REFUSAL})


class SendVia(StrEnum):
    POST = "post"
    EMAIL = "email"
    HANDED = "handed"  # handed over in person


@dataclass(frozen=True)
class Sending:
    """When and how one archived letter was sent, and who recorded it."""

    sent_on: date
    via: SendVia
    recorded_by: str
    recorded_at: datetime


# The contact details letters and the notice print: the person handling register matters,
# the data-protection contact and the controller's own e-mail. A key a newer register
# adds with one of these prefixes is covered without a change here.
CONTACT_PREFIXES = ("contact_", "dpo_", "data_protection_")
CONTACT_KEYS_EXTRA = ("controller_email",)
# Empty on purpose where the controller needs no data-protection officer: the notice then
# says so (n_dpo_none), so an empty value is a statement, not a gap.
CONTACT_KEYS_OPTIONAL = ("dpo_contact",)


def contact_keys() -> tuple[str, ...]:
    return tuple(
        k
        for k in KINDS
        if (k.startswith(CONTACT_PREFIXES) or k in CONTACT_KEYS_EXTRA)
        and k not in CONTACT_KEYS_OPTIONAL
    )


def _empty(value: Any) -> bool:
    if value is None or value == "" or value == ():
        return True
    if hasattr(value, "fi") and hasattr(value, "sv") and hasattr(value, "en"):
        return not (value.fi or value.sv or value.en)
    if isinstance(value, tuple):
        return all(_empty(v) for v in value)
    return False


def empty_contact_fields(info: RegisterInfo) -> tuple[str, ...]:
    """The contact fields letters print that are empty (the keys of register settings):
    a letter printed now would leave the reader without that way to reach the register."""
    return tuple(k for k in contact_keys() if _empty(getattr(info, k, None)))


def contact_warning(info: RegisterInfo) -> str:
    """The command line's warning about empty contact fields ("" when none is empty)."""
    empty = empty_contact_fields(info)
    if not empty:
        return ""
    return (
        "warning: the register settings leave " + ", ".join(empty) + " empty, so letters and "
        "the notice print without them (kkdesk register set KEY VALUE)"
    )
