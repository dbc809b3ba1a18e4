"""Validation and normalisation of customer data, field by field.

Every validator returns the normalised value or raises :class:`FieldInvalid` with a stable
code; :func:`validate_customer` collects the problems of a whole draft so that a form can
show each at its field. Nothing here touches storage: "invalid data is never stored" is
kept by the services calling :func:`validate_customer` before every write.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date
from typing import Any, cast

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus

from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.enums import CustomerType, Language
from kkdesk.errors import FieldError, ValidationFailed

MAX_AGE_YEARS = 130
NAME_MAX = 100
TEXT_MAX = 200
NOTES_MAX = 4000

_FI_POSTAL = re.compile(r"^\d{5}$")
_FOREIGN_POSTAL = re.compile(r"^[A-Z0-9][A-Z0-9 -]{1,9}$")
# C0 and C1 controls, DEL and the Unicode line/paragraph separators: a stored escape
# sequence could drive the terminal or printer that shows it.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Invisible characters that make text look like something it is not (CVE-2021-42574,
# "Trojan Source"): bidirectional controls reorder what is shown (U+202A–U+202E,
# U+2066–U+2069, the LRM/RLM marks U+200E/U+200F and the Arabic letter mark U+061C), and
# zero-width characters (U+200B–U+200D, U+2060, U+FEFF) make two names that look the same
# differ, or hide a word from a search.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# Country codes that phonenumbers knows: a maintained list of real ISO 3166 regions.
COUNTRIES: frozenset[str] = frozenset(phonenumbers.SUPPORTED_REGIONS)


class FieldInvalid(Exception):
    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params


def check_characters(value: str, *, multiline: bool = False) -> None:
    """Refuse control characters (code ``control_chars``; line breaks are allowed in
    ``multiline`` text, a tab anywhere, as white space) and invisible ones (code
    ``invisible_chars``): bidirectional controls everywhere, zero-width characters in
    one-line fields (names, addresses, references). Multi-line free text may keep
    zero-width joiners, which emoji and some scripts need, as it is never a name or a key.
    """
    plain = value.replace("\t", " ")
    if multiline:
        plain = plain.replace("\r", "").replace("\n", "")  # any line ending
    if _CONTROL.search(plain):
        raise FieldInvalid("control_chars", "contains control characters")
    if (_BIDI if multiline else _INVISIBLE).search(value):
        raise FieldInvalid(
            "invisible_chars", "contains invisible text-direction or zero-width characters"
        )


def character_error(field: str, value: str, *, multiline: bool = False) -> FieldError | None:
    """:func:`check_characters` for validators that collect :class:`FieldError` s."""
    try:
        check_characters(value or "", multiline=multiline)
    except FieldInvalid as exc:
        return FieldError(field, exc.code, exc.message)
    return None


def clean_text(value: str, *, max_len: int = TEXT_MAX, multiline: bool = False) -> str:
    """Strip, fold runs of white space, refuse control and invisible characters (see
    :func:`check_characters`) and overlong text."""
    value = unicodedata.normalize("NFC", value or "")
    check_characters(value, multiline=multiline)
    if multiline:
        lines = [" ".join(line.split()) for line in value.replace("\r\n", "\n").split("\n")]
        value = "\n".join(lines).strip()
    else:
        value = " ".join(value.split())
    if len(value) > max_len:
        raise FieldInvalid("too_long", f"is longer than {max_len} characters", max=max_len)
    return value


def validate_name(value: str, *, required: bool) -> str:
    value = clean_text(value, max_len=NAME_MAX)
    if not value:
        if required:
            raise FieldInvalid("required", "is required")
        return ""
    if not any(ch.isalpha() for ch in value):
        raise FieldInvalid("name_letters", "must contain letters")
    return value


def validate_country(value: str) -> str:
    value = (value or "").strip().upper() or "FI"
    if value not in COUNTRIES:
        raise FieldInvalid("country", "is not a known ISO 3166 country code")
    return value


def validate_postal_code(value: str, country: str) -> str:
    value = " ".join((value or "").upper().split())
    if not value:
        return ""
    if country == "FI":
        if not _FI_POSTAL.match(value):
            raise FieldInvalid("postal_code_fi", "must be five digits, e.g. 01380")
    elif not _FOREIGN_POSTAL.match(value):
        raise FieldInvalid("postal_code", "is not a postal code")
    return value


def validate_phone(value: str, country: str = "FI") -> str:
    """Any common written form in, E.164 out (``040 123 4567`` → ``+358401234567``)."""
    value = (value or "").strip()
    if not value:
        return ""
    region = country if country in COUNTRIES else "FI"
    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise FieldInvalid("phone", "is not a phone number") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise FieldInvalid("phone", "is not a phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def validate_email_address(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    check_characters(value)  # the validator below allows much of Unicode
    try:
        # No DNS look-up: the desk must work offline and a look-up leaks the address.
        info = validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        raise FieldInvalid("email", "is not an e-mail address") from exc
    return info.normalized


def validate_birth_date(value: date | None, today: date) -> date | None:
    if value is None:
        return None
    if value > today:
        raise FieldInvalid("birth_date_future", "is in the future")
    try:
        oldest = today.replace(year=today.year - MAX_AGE_YEARS)
    except ValueError:  # 29 February
        oldest = today.replace(year=today.year - MAX_AGE_YEARS, day=28)
    if value < oldest:
        raise FieldInvalid(
            "birth_date_too_old", f"makes the person older than {MAX_AGE_YEARS} years"
        )
    return value


def validate_business_id(value: str, *, required: bool) -> str:
    value = (value or "").strip()
    if not value:
        if required:
            raise FieldInvalid("required", "is required")
        return ""
    try:
        return str(ytunnus.format(ytunnus.validate(value)))
    except StdnumError as exc:
        raise FieldInvalid("business_id", "is not a valid business ID (Y-tunnus)") from exc


def _collect(errors: dict[str, FieldError], key: str, func: object, *args: object) -> object:
    try:
        return func(*args)  # type: ignore[operator]
    except FieldInvalid as exc:
        errors[key] = FieldError(key, exc.code, exc.message, **exc.params)
        return None


def validate_contact(
    draft: ContactPersonDraft, prefix: str, errors: dict[str, FieldError], country: str
) -> ContactPersonDraft:
    def check(name: str, func: object, *args: object) -> object:
        return _collect(errors, f"{prefix}{name}", func, *args)

    cleaned = {
        "surname": check("surname", lambda: validate_name(draft.surname, required=True)),
        "first_names": check(
            "first_names", lambda: validate_name(draft.first_names, required=True)
        ),
        "role": check("role", clean_text, draft.role),
        "phone_work": check("phone_work", validate_phone, draft.phone_work, country),
        "phone_mobile": check("phone_mobile", validate_phone, draft.phone_mobile, country),
        "email": check("email", validate_email_address, draft.email),
    }
    return replace(
        draft, **cast(dict[str, Any], {k: v if v is not None else "" for k, v in cleaned.items()})
    )


def validate_customer(draft: CustomerDraft, today: date) -> CustomerDraft:
    """Return the normalised draft, or raise :class:`ValidationFailed` naming every problem."""
    errors: dict[str, FieldError] = {}

    def check(name: str, func: object, *args: object) -> object:
        return _collect(errors, name, func, *args)

    is_person = draft.type is CustomerType.PERSON
    country = check("country", validate_country, draft.country) or "FI"
    assert isinstance(country, str)
    out: dict[str, object] = {"country": country}
    out["surname"] = check("surname", lambda: validate_name(draft.surname, required=is_person))
    out["first_names"] = check(
        "first_names", lambda: validate_name(draft.first_names, required=is_person)
    )
    out["company_name"] = check(
        "company_name",
        lambda: validate_name(draft.company_name, required=not is_person),
    )
    out["business_id"] = check(
        "business_id",
        lambda: validate_business_id(draft.business_id, required=not is_person and country == "FI"),
    )
    out["street"] = check("street", clean_text, draft.street)
    out["postal_code"] = check("postal_code", validate_postal_code, draft.postal_code, country)
    out["post_office"] = check("post_office", lambda: clean_text(draft.post_office).upper())
    for phone in ("phone_home", "phone_work", "phone_mobile"):
        out[phone] = check(phone, validate_phone, getattr(draft, phone), country)
    out["email"] = check("email", validate_email_address, draft.email)
    out["birth_date"] = check("birth_date", validate_birth_date, draft.birth_date, today)
    out["notes"] = check(
        "notes", lambda: clean_text(draft.notes, max_len=NOTES_MAX, multiline=True)
    )
    if draft.customer_since is not None and draft.customer_since > today:
        errors["customer_since"] = FieldError("customer_since", "date_future", "is in the future")
    if not isinstance(draft.language, Language):
        errors["language"] = FieldError("language", "language", "must be fi, sv or en")

    # An address is only usable whole: a street without a postal code delivers nothing.
    address = [out.get("street"), out.get("postal_code"), out.get("post_office")]
    if any(address) and not all(address):
        for key, value in zip(("street", "postal_code", "post_office"), address, strict=True):
            if not value and key not in errors:
                errors[key] = FieldError(key, "address_incomplete", "completes the address")

    if not is_person:
        if draft.birth_date is not None:
            errors["birth_date"] = FieldError(
                "birth_date", "company_birth_date", "is not kept for a company"
            )
    elif draft.contacts:
        errors["contacts"] = FieldError(
            "contacts", "person_contacts", "only companies have contact persons"
        )

    extra: dict[str, str] = {}
    for key, value in draft.extra.items():
        k = check(f"extra.{key}", lambda k=key: clean_text(k, max_len=50))
        v = check(f"extra.{key}", clean_text, value)
        if k:
            extra[str(k)] = str(v or "")

    contacts = tuple(
        validate_contact(c, f"contacts[{i}].", errors, country)
        for i, c in enumerate(draft.contacts)
    )
    if errors:
        raise ValidationFailed(errors)
    normalised: dict[str, Any] = {
        k: (v if v is not None else ("" if k != "birth_date" else None)) for k, v in out.items()
    }
    return replace(
        draft,
        **normalised,
        extra=extra,
        contacts=contacts,
    )
