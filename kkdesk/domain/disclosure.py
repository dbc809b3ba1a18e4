"""Disclosures of register data (register description, section 7; GDPR Art. 15(1)(c)).

A disclosure is recorded for every marketing export and for every disclosure to an
authority or to a third party at the customer's request: when, who, to whom, on what
basis, what, and which customers. The customer's own record lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kkdesk.domain.validation import character_error
from kkdesk.errors import FieldError, ValidationFailed

RECIPIENT_MAX = 200
# The recipient a marketing export records when the webshop markets to its own customers.
# That is the controller's own use, not a disclosure: letters say so and never print this
# English phrase as a recipient (GDPR Art. 4(9): the controller is not its own recipient).
OWN_MARKETING_RECIPIENT = "Konekesko Oy (own direct marketing)"
LEGAL_BASIS_MAX = 200
DESCRIPTION_MAX = 4000


class DisclosureKind(StrEnum):
    MARKETING_EXPORT = "marketing_export"
    AUTHORITY = "authority"  # an authority's request based on law
    THIRD_PARTY = "third_party"  # to a third party at the customer's own request


@dataclass(frozen=True)
class DisclosureDraft:
    """A disclosure to an authority or a third party, as staff enter it."""

    kind: DisclosureKind
    disclosed_on: date
    recipient: str
    legal_basis: str
    description: str  # what was disclosed


@dataclass(frozen=True)
class Disclosure:
    id: int
    kind: DisclosureKind
    disclosed_at: datetime
    recorded_by: str
    recipient: str
    legal_basis: str
    description: str
    purpose: str  # a MarketingPurpose value for an export, else ""
    channel: str  # a MarketingChannel value for an export, else ""
    customer_count: int


@dataclass(frozen=True)
class ExportResult:
    """What a marketing export wrote, and the disclosure that records it."""

    disclosure_id: int
    count: int
    path: str


def _text(value: str) -> str:
    return " ".join((value or "").split())


def validate_disclosure(draft: DisclosureDraft, today: date) -> DisclosureDraft:
    """The cleaned draft, or :class:`ValidationFailed` naming every problem."""
    errors: dict[str, FieldError] = {}
    if draft.kind not in (DisclosureKind.AUTHORITY, DisclosureKind.THIRD_PARTY):
        errors["kind"] = FieldError("kind", "kind", "must be authority or third_party")
    if not isinstance(draft.disclosed_on, date):
        errors["disclosed_on"] = FieldError("disclosed_on", "required", "is required")
    elif draft.disclosed_on > today:
        errors["disclosed_on"] = FieldError("disclosed_on", "date_future", "is in the future")
    fields = {
        "recipient": (_text(draft.recipient), RECIPIENT_MAX),
        "legal_basis": (_text(draft.legal_basis), LEGAL_BASIS_MAX),
        "description": ((draft.description or "").strip(), DESCRIPTION_MAX),
    }
    for name, (value, limit) in fields.items():
        problem = character_error(name, value, multiline=name == "description")
        if problem is not None:
            errors[name] = problem
        elif not value:
            errors[name] = FieldError(name, "required", "is required")
        elif len(value) > limit:
            errors[name] = FieldError(
                name, "too_long", f"is longer than {limit} characters", max=limit
            )
    if errors:
        raise ValidationFailed(errors)
    return DisclosureDraft(
        DisclosureKind(draft.kind),
        draft.disclosed_on,
        fields["recipient"][0],
        fields["legal_basis"][0],
        fields["description"][0],
    )
