"""What a search box's text means, and the normalised keys that make search fast.

SQLite folds case for ASCII only, so every searchable name is stored with a key computed
here in Python: case-folded, accents stripped, punctuation dropped. "mott" then finds
"Möttönen" on SQLite and PostgreSQL alike, through a plain index range scan.

A name key is searched from its start. What clerks also type — a later word of a company
name ("kotkaj" for "Leirintäalue Kotkajärvi Oy"), a contact person's name, a street or a
post office — is reached through *search words* (:func:`search_words`): one folded word
per row of an indexed table, so that any of them is again a prefix range scan.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

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


# Surnames and first names repeat across a register (a demo build folds millions): fold
# each once. fold is pure, so a cached answer is the same answer.
_fold_name = lru_cache(maxsize=65536)(fold)


def name_keys(surname: str, first_names: str, company_name: str) -> tuple[str, str]:
    """The two ordered keys: "surname first names" and "first names surname"."""
    if company_name and not surname:
        key = fold(company_name)
        return key, key
    sur, first = _fold_name(surname), _fold_name(first_names)
    return f"{sur} {first}".strip(), f"{first} {sur}".strip()


# Luhn doubling of each digit, for customer_number (a demo build numbers millions).
_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def customer_number(id_: int) -> str:
    """The stable customer number of row ``id_``: base + id with a Luhn check digit
    (the same digit as ``stdnum.luhn.calc_check_digit``, which tests hold it to)."""
    body = str(NUMBER_BASE + id_)
    total = 0
    # From the right, every other digit is doubled, starting with the rightmost: the check
    # digit appended after it makes that one the second from the right.
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        total += _DOUBLED[d] if i % 2 == 0 else d
    return body + str((10 - total % 10) % 10)


def is_customer_number(text: str) -> bool:
    return text.isdigit() and len(text) >= 7 and luhn.is_valid(text)


class CheckDigitProblem(StrEnum):
    """What a text of digits that finds nothing was probably meant to be."""

    CUSTOMER_NUMBER = "customer_number"
    BUSINESS_ID = "business_id"
    CUSTOMER_NUMBER_OR_BUSINESS_ID = "customer_number_or_business_id"


def check_digit_problem(text: str) -> CheckDigitProblem | None:
    """The kind of number ``text`` looks like but whose check digit is wrong, if any.

    A business ID written with its dash ("1234567-8") is checked as one; seven or eight
    digits not starting with 0 (a phone number's trunk prefix) are a customer number, and
    eight may also be a business ID written without the dash. Such a text has no other
    reading (see :func:`interpret`), so a search for it would only say "not found".
    """
    text = "".join(text.split())
    if re.fullmatch(r"\d{7}-\d", text):
        return None if ytunnus.is_valid(text) else CheckDigitProblem.BUSINESS_ID
    if not (text.isdigit() and len(text) in (7, 8)) or text.startswith("0"):
        return None
    if luhn.is_valid(text) or (len(text) == 8 and ytunnus.is_valid(text)):
        return None
    if len(text) == 8:
        return CheckDigitProblem.CUSTOMER_NUMBER_OR_BUSINESS_ID
    return CheckDigitProblem.CUSTOMER_NUMBER


class WordKind(StrEnum):
    """Where a search word comes from, and so what a hit through it shows."""

    NAME = "name"  # a later word of the customer's own name ("kotkajarvi", "juhani")
    CONTACT = "contact"  # any word of a contact person's name
    STREET = "street"
    POST_OFFICE = "post_office"


class SearchWord(NamedTuple):  # a tuple: made a few million times by a big demo build
    """One indexed word: ``ref`` is the contact person's id (0 for the customer's own
    fields); ``phrase`` is the whole folded field, where a query's other words must start
    a word too ("kotkankatu 5", "virtanen matti")."""

    word: str
    kind: WordKind
    ref: int
    phrase: str


def _words(phrase: str) -> list[str]:
    # House numbers and stair letters ("5", "b") are no words to look anyone up by; a
    # query's own digits still narrow a street through the phrase ("kotkankatu 5").
    return [w for w in dict.fromkeys(phrase.split()) if len(w) >= 2 and not w.isdigit()]


# Post offices (and many streets) repeat across customers: fold each once.
_fold_place = lru_cache(maxsize=8192)(fold)


def search_words(
    name_key: str,
    name_key_rev: str,
    street: str,
    post_office: str,
    contacts: tuple[tuple[int, str], ...] = (),
) -> list[SearchWord]:
    """The search words of one customer; ``contacts`` are (id, name key) pairs.

    The first word of either name key is left out: the name keys' own indexes find it,
    in name order, before any search word is read.
    """
    return search_words_folded(
        name_key, name_key_rev, _fold_place(street), _fold_place(post_office), contacts
    )


def search_words_folded(
    name_key: str,
    name_key_rev: str,
    street: str,
    post_office: str,
    contacts: tuple[tuple[int, str], ...] = (),
) -> list[SearchWord]:
    """:func:`search_words` of a street and post office already folded (:func:`fold`): a
    demo build folds a street from its parts, which repeat, where whole streets do not."""
    out: list[SearchWord] = []
    covered = {k.split()[0] for k in (name_key, name_key_rev) if k}
    out += [SearchWord(w, WordKind.NAME, 0, name_key) for w in _words(name_key) if w not in covered]
    for kind, phrase in ((WordKind.STREET, street), (WordKind.POST_OFFICE, post_office)):
        out += [SearchWord(w, kind, 0, phrase) for w in _words(phrase)]
    for contact_id, key in contacts:
        out += [SearchWord(w, WordKind.CONTACT, contact_id, key) for w in _words(key)]
    return out


def word_lead(words: list[str]) -> list[str]:
    """The query words with the one that drives a search-word scan first: the longest
    (the first of equal length), as it is the start of the fewest words."""
    lead = max(range(len(words)), key=lambda i: len(words[i]))
    return [words[lead], *words[:lead], *words[lead + 1 :]]


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
