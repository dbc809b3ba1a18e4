"""What a search box's text means, and the normalised keys that make search fast.

SQLite folds case for ASCII only, so every searchable name is stored with a key computed
here in Python: case-folded, accents stripped, punctuation dropped. "mott" then finds
"Möttönen" on SQLite and PostgreSQL alike, through a plain index range scan.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from stdnum import luhn
from stdnum.fi import ytunnus

# Above every character a key can hold: "abc" <= key < "abc" + KEY_END is "starts with".
KEY_END = "\U0010ffff"
NUMBER_BASE = 100000  # customer numbers start at 1000009 (base + id, plus a check digit)

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Case-fold and strip accents: "Möttönen-Åberg" → "mottonen aberg"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", stripped).replace("_", " ").split())


def name_keys(surname: str, first_names: str, company_name: str) -> tuple[str, str]:
    """The two ordered keys: "surname first names" and "first names surname"."""
    if company_name and not surname:
        key = fold(company_name)
        return key, key
    sur, first = fold(surname), fold(first_names)
    return f"{sur} {first}".strip(), f"{first} {sur}".strip()


def customer_number(id_: int) -> str:
    """The stable customer number of row ``id_``: base + id with a Luhn check digit."""
    body = str(NUMBER_BASE + id_)
    return body + luhn.calc_check_digit(body)


def is_customer_number(text: str) -> bool:
    return text.isdigit() and len(text) >= 7 and luhn.is_valid(text)


class QueryKind(StrEnum):
    NAME = "name"
    NUMBER = "number"
    EMAIL = "email"
    PHONE = "phone"
    POSTAL_CODE = "postal_code"
    BUSINESS_ID = "business_id"


@dataclass(frozen=True)
class Interpretation:
    kind: QueryKind
    value: str


def interpret(text: str) -> list[Interpretation]:
    """Every reasonable reading of a search box's text, most specific first."""
    text = " ".join(text.split())
    if not text:
        return []
    out: list[Interpretation] = []
    compact = re.sub(r"[\s\-()./]", "", text)
    if "@" in text:
        out.append(Interpretation(QueryKind.EMAIL, text.casefold()))
        return out
    if re.fullmatch(r"\d{7}-?\d", text) and ytunnus.is_valid(text):
        out.append(Interpretation(QueryKind.BUSINESS_ID, str(ytunnus.format(text))))
        if "-" in text:  # written as a business ID: "1234567-8" is no phone number
            return out
    if compact.isdigit() and is_customer_number(compact):
        out.append(Interpretation(QueryKind.NUMBER, compact))
    if re.fullmatch(r"\d{5}", text):
        out.append(Interpretation(QueryKind.POSTAL_CODE, text))
    # People write phone numbers from their trunk prefix ("040…") or country code ("+358…",
    # "00358…"); a bare "1234567" is a customer number, not a phone number.
    if re.fullmatch(r"(\+|0)\d{5,15}", compact):
        try:
            parsed = phonenumbers.parse(compact, "FI")
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed is not None and phonenumbers.is_valid_number(parsed):
            out.append(
                Interpretation(
                    QueryKind.PHONE,
                    phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
                )
            )
    key = fold(text)
    if key and not compact.isdigit():
        out.append(Interpretation(QueryKind.NAME, key))
    return out
