"""Restriction of processing (GDPR Art. 18): the record held on the customer itself.

While a restriction is in force the customer's data is only *stored* (Art. 18(2)):
reading it (the desk shows it, the person's own access request answers it) and lifting
the restriction stay allowed; edits of the customer and its contact persons, exports
(the marketing CSV, disclosures to third parties), marketing, letters to anyone but the
person and new orders are refused — by the central database itself (migration 0019) and
by the services on the embedded register, with the same :data:`REFUSED_CODE`.

Recording a prohibition, an objection or a withdrawn consent stays allowed on purpose: it
only narrows what may be done with the data (and Art. 18(2) allows processing with the
person's consent anyway), so refusing it would keep the person from protecting
themselves while the restriction runs.

Lifting it informs the person first (Art. 18(3)): the lift names the archived notice
letter, and a lift without one is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

# The KnownError code of every refusal, the server's (its hint "kkdesk:<code>") and the
# services' alike.
REFUSED_CODE = "processing_restricted"
# A lift that names no notice letter made for it (Art. 18(3): the person is told first).
NO_NOTICE_CODE = "restriction_lift_without_notice"
REASON_MAX = 500


class RestrictionGround(StrEnum):
    """Art. 18(1)'s four grounds, (a) to (d)."""

    ACCURACY_CONTESTED = "accuracy_contested"  # (a) while the accuracy is verified
    UNLAWFUL_PROCESSING = "unlawful_processing"  # (b) unlawful, erasure opposed
    LEGAL_CLAIMS = "legal_claims"  # (c) the person needs the data for legal claims
    OBJECTION_PENDING = "objection_pending"  # (d) an objection (Art. 21(1)) being weighed

    @property
    def point(self) -> str:
        """The point of Art. 18(1) it is: "a" to "d"."""
        return "abcd"[list(RestrictionGround).index(self)]


# What a restriction refuses, for the error's ``what`` parameter (the desk words each).
class Refused(StrEnum):
    EDIT = "edit"
    EXPORT = "export"
    LETTER = "letter"
    ORDER = "order"


@dataclass(frozen=True)
class Restriction:
    """One restriction of a customer's processing, in force (``lifted_at`` None) or
    lifted. Who and when are the server's on the central database."""

    id: int
    number: str  # the customer's
    ground: RestrictionGround
    reason: str
    request_id: int | None
    started_at: datetime
    started_by: str
    lifted_at: datetime | None = None
    lifted_by: str = ""
    notice_letter_id: int | None = None

    @property
    def in_force(self) -> bool:
        return self.lifted_at is None


@dataclass(frozen=True)
class LiftNotice:
    """The Art. 18(3) notice made (and archived) before a lift: its letter and PDF."""

    restriction_id: int
    letter_id: int
    language: str
    pdf: bytes
    file_name: str
