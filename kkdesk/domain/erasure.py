"""Erasure of a person's data (GDPR Art. 17): what is blanked, what is kept, and when not.

The data catalogue (:mod:`kkdesk.domain.catalogue`) says per field what erasure does; this
module turns that into the values a row gets, decides whether a customer may be erased
now, and describes the outcome (what was kept, until when) as a frozen record that the
erasure table, the outcome letter, the desk and the command line all read.

Kept on purpose, and said so in the outcome letter:

* orders, deliveries and returns still inside the Accounting Act's period
  (:func:`kkdesk.domain.retention.order_kept_until`), unlinked from the person: the order
  points at the erasure's pseudonymous reference, its amounts are intact, its delivery
  addresses are blank; orders past their period are removed;
* the suppression list's entries (a normalised e-mail address or E.164 phone number and the
  prohibition), so that the person is never marketed to again (Art. 17(3)(b), 21(3));
* archived letters, for ``letter_archive_years`` after they were sent (a register setting).
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kkdesk.domain.catalogue import Erasure, Field, Table, ValueType, fields_of
from kkdesk.domain.retention import add_years
from kkdesk.errors import RuleViolation

REASON_MAX = 500


@dataclass(frozen=True)
class LegalHoldState:
    """A customer's legal hold as the privacy level sees it: on or off, and the newest
    record's reason, who and when (None when there never was one)."""

    number: str
    active: bool
    reason: str = ""
    recorded_by: str = ""
    recorded_at: datetime | None = None


# What a free text that named the person becomes when only part of it is theirs (a
# disclosure's description that lists several customers).
ERASED_MARK = "[erased]"
# The blank a choice field gets (the catalogue: "the default for a choice").
_CHOICE_DEFAULTS: dict[ValueType, Any] = {
    ValueType.COUNTRY: "FI",
    ValueType.LANGUAGE: "fi",
    ValueType.MAPPING: "{}",
}


def blank_value(f: Field) -> Any:
    """The value an erased field gets."""
    if f.type in _CHOICE_DEFAULTS:
        return _CHOICE_DEFAULTS[f.type]
    if f.nullable or f.type in (ValueType.DATE, ValueType.DATETIME):
        return None
    if f.type is ValueType.INTEGER:
        return 0
    return ""


def erased_values(table: Table) -> dict[str, Any]:
    """Column → blank value of every field of ``table`` the catalogue marks erased (the
    personal values and the search keys made from them)."""
    return {f.name: blank_value(f) for f in fields_of(table) if f.erasure is Erasure.ERASE}


def erased_fields(table: Table) -> tuple[str, ...]:
    """The personal fields erasure blanks (no search keys): what the letter lists."""
    return tuple(f.name for f in fields_of(table) if f.erasure is Erasure.ERASE and f.personal)


def new_reference() -> str:
    """A pseudonymous reference for the kept orders: random, so that it says nothing of
    the person, their number or the time (unlike a sequence)."""
    return "E-" + secrets.token_hex(5).upper()


def check_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise RuleViolation("An erasure needs a reason.", code="erase_reason_required")
    if len(reason) > REASON_MAX:
        raise RuleViolation(
            f"The reason is longer than {REASON_MAX} characters.",
            code="erase_reason_too_long",
            limit=REASON_MAX,
        )
    return reason


# The code of an erasure refused because the customer's processing is restricted (the
# server's hint too, migration 0022).
RESTRICTED_CODE = "erase_restricted"


def check_erasable(
    number: str,
    *,
    open_orders: Iterable[str],
    open_returns: Iterable[str],
    legal_hold: bool,
    restricted: bool = False,
) -> None:
    """Refuse an erasure that would destroy data still needed: a restriction of processing
    in force (the person asked that the data be kept instead of erased, Art. 18(1)(b), or
    needs it for a legal claim, 18(1)(c): the restriction is lifted first, with its Art.
    18(3) notice), a legal hold (a claim or an authority's request, Art. 17(3)(e)), an
    order not finished or a return not settled (the contract is still being performed,
    Art. 17(1)(a) does not apply yet)."""
    if restricted:
        raise RuleViolation(
            f"Customer {number} is under a restriction of processing (GDPR Art. 18) and "
            "cannot be erased: lift the restriction first.",
            code=RESTRICTED_CODE,
            number=number,
        )
    if legal_hold:
        raise RuleViolation(
            f"Customer {number} is under a legal hold and cannot be erased.",
            code="erase_legal_hold",
            number=number,
        )
    orders = sorted(open_orders)
    if orders:
        raise RuleViolation(
            f"Customer {number} has an open order ({', '.join(orders)}): finish or cancel "
            "it before erasing.",
            code="erase_open_order",
            number=number,
            orders=", ".join(orders),
        )
    returns = sorted(open_returns)
    if returns:
        raise RuleViolation(
            f"Customer {number} has an open return ({', '.join(returns)}): settle it before "
            "erasing.",
            code="erase_open_return",
            number=number,
            returns=", ".join(returns),
        )


def scrub(text: str, values: Iterable[str]) -> str:
    """``text`` with every occurrence of the person's ``values`` (case-insensitive, at
    least three characters) replaced by :data:`ERASED_MARK`; for free texts that are only
    partly the person's."""
    for value in sorted({v.strip() for v in values if len(v.strip()) >= 3}, key=len, reverse=True):
        text = re.sub(re.escape(value), ERASED_MARK, text, flags=re.IGNORECASE)
    return text


def personal_strings(values: dict[str, Any]) -> list[str]:
    """The personal values of a row (``erased_fields``) as texts to scrub: names also as
    "first last" and "last first", phones also in the local form (+358 40… → 040…), dates
    in the Finnish and ISO forms, other customer-specific data value by value."""
    out: list[str] = []
    for key, value in values.items():
        if value is None or value == "":
            continue
        if key == "extra":
            # Other customer-specific data: a JSON object whose values are the person's.
            try:
                extra = json.loads(str(value))
            except ValueError:
                extra = {}
            if isinstance(extra, dict):
                out += [str(v) for v in extra.values()]
            continue
        if isinstance(value, date):
            # ISO, Finnish (3.2.1980) and Finnish zero-padded (03.02.1980) forms.
            out += [value.isoformat(), f"{value.day}.{value.month}.{value.year}",
                    f"{value:%d.%m.%Y}"]  # fmt: skip
            continue
        text = str(value)
        out.append(text)
        if text.startswith("+358") and len(text) > 6:
            out.append("0" + text[4:])
    first, last = str(values.get("first_names") or ""), str(values.get("surname") or "")
    if first and last:
        out += [f"{first} {last}", f"{last} {first}"]
    return out


@dataclass(frozen=True)
class KeptOrder:
    """An order kept after the erasure, for the Accounting Act."""

    number: str
    ordered_on: date
    total_cents: int
    kept_until: date


@dataclass(frozen=True)
class ErasureRecord:
    """One erasure as recorded: who, when, why, what was kept and until when."""

    id: int
    reference: str
    customer_number: str
    contact_person_id: int | None
    request_id: int | None
    reason: str
    erased_by: str
    erased_at: datetime
    orders_kept: int
    orders_kept_until: date | None
    orders_removed: int
    suppressions_kept: int
    letters_kept: int
    letters_kept_until: date | None


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure did, for the desk, the command line and the outcome letter."""

    record: ErasureRecord
    kept_orders: tuple[KeptOrder, ...]
    # Rows blanked or removed, per table (no values: only counts).
    changed: tuple[tuple[str, int], ...]
    # The personal fields blanked (catalogue names), for the letter.
    fields: tuple[str, ...]
    # The outcome letter archived with it (None: none was made).
    letter_id: int | None = None
    letter_pages: int = 0

    @property
    def reference(self) -> str:
        return self.record.reference

    @property
    def customer_number(self) -> str:
        return self.record.customer_number


def letters_kept_until(sent: Iterable[date], years: int) -> date | None:
    """The day the last of these archived letters may be removed."""
    days = list(sent)
    return add_years(max(days), years) if days else None
