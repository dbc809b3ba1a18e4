"""Known errors and field problems put into words in the user's language.

The layers below raise :class:`~kkdesk.errors.KnownError` subclasses with a stable ``code``
and English messages meant for logs and the command line; the desk shows a translated
sentence instead. Every code raised by :mod:`kkdesk.domain.validation` has a message here
(a unit test holds that line); a code we don't know yet falls back to the English message
so that a new error is never shown as nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from kkdesk.errors import FieldError, KnownError, StaleEdit, ValidationFailed


def field_label(field: str) -> str:
    """The translated label of a customer field (also ``contacts[0].email`` style keys)."""
    base = field.rsplit(".", 1)[-1]
    labels = {
        "type": QCoreApplication.translate("errors", "Customer type"),
        "surname": QCoreApplication.translate("errors", "Surname"),
        "first_names": QCoreApplication.translate("errors", "First names"),
        "company_name": QCoreApplication.translate("errors", "Company name"),
        "business_id": QCoreApplication.translate("errors", "Business ID"),
        "street": QCoreApplication.translate("errors", "Street address"),
        "postal_code": QCoreApplication.translate("errors", "Postal code"),
        "post_office": QCoreApplication.translate("errors", "Post office"),
        "country": QCoreApplication.translate("errors", "Country"),
        "phone_home": QCoreApplication.translate("errors", "Home phone"),
        "phone_work": QCoreApplication.translate("errors", "Work phone"),
        "phone_mobile": QCoreApplication.translate("errors", "Mobile phone"),
        "email": QCoreApplication.translate("errors", "E-mail"),
        "birth_date": QCoreApplication.translate("errors", "Date of birth"),
        "language": QCoreApplication.translate("errors", "Language"),
        "customer_since": QCoreApplication.translate("errors", "Customer since"),
        "notes": QCoreApplication.translate("errors", "Notes"),
        "role": QCoreApplication.translate("errors", "Role"),
        "contacts": QCoreApplication.translate("errors", "Contact persons"),
        "extra": QCoreApplication.translate("errors", "Other data"),
    }
    return labels.get(base, base)


def field_message(code: str, params: Mapping[str, Any] | None = None, fallback: str = "") -> str:
    """The translated problem of one field, as shown beside it ("Must be five digits…")."""
    params = params or {}
    messages = {
        "required": QCoreApplication.translate("errors", "Required."),
        "control_chars": QCoreApplication.translate(
            "errors", "Contains control characters; remove them."
        ),
        "too_long": QCoreApplication.translate("errors", "Too long: at most %1 characters."),
        "name_letters": QCoreApplication.translate("errors", "Must contain letters."),
        "country": QCoreApplication.translate(
            "errors", "Not a known country code; use two letters such as FI or SE."
        ),
        "postal_code_fi": QCoreApplication.translate(
            "errors", "A Finnish postal code is five digits, e.g. 01380."
        ),
        "postal_code": QCoreApplication.translate("errors", "Not a postal code."),
        "phone": QCoreApplication.translate(
            "errors", "Not a phone number, e.g. 040 123 4567 or +358 40 123 4567."
        ),
        "email": QCoreApplication.translate(
            "errors", "Not an e-mail address, e.g. name@example.fi."
        ),
        "birth_date_future": QCoreApplication.translate(
            "errors", "The date of birth is in the future."
        ),
        "birth_date_too_old": QCoreApplication.translate(
            "errors", "The person would be older than %1 years."
        ),
        "business_id": QCoreApplication.translate(
            "errors", "Not a valid business ID (Y-tunnus), e.g. 0109862-8."
        ),
        "date_future": QCoreApplication.translate("errors", "The date is in the future."),
        "language": QCoreApplication.translate("errors", "Choose Finnish, Swedish or English."),
        "address_incomplete": QCoreApplication.translate(
            "errors", "Needed to complete the address."
        ),
        "company_birth_date": QCoreApplication.translate(
            "errors", "A company has no date of birth."
        ),
        "person_contacts": QCoreApplication.translate(
            "errors", "Only a company has contact persons."
        ),
        "extra_format": QCoreApplication.translate("errors", "Write one 'name: value' per line."),
        "invalid_date": QCoreApplication.translate(
            "errors", "Not a date; write it as the example shows."
        ),
    }
    text = messages.get(code)
    if text is None:
        return fallback or code
    if code == "too_long":
        return text.replace("%1", str(params.get("max", "")))
    if code == "birth_date_too_old":
        from kkdesk.domain.validation import MAX_AGE_YEARS

        return text.replace("%1", str(MAX_AGE_YEARS))
    return text


def describe_field_error(err: FieldError) -> str:
    return field_message(err.code, err.params, err.message)


def describe_error(exc: BaseException) -> str:
    """One translated sentence (or a short paragraph) saying what went wrong."""
    if isinstance(exc, ValidationFailed):
        lines = [
            f"{field_label(key)}: {describe_field_error(err)}" for key, err in exc.errors.items()
        ]
        head = QCoreApplication.translate("errors", "Some fields need attention:")
        return "\n".join([head, *lines])
    if isinstance(exc, StaleEdit):
        by = exc.params.get("changed_by")
        at = exc.params.get("changed_at")
        if by and at:
            from kkdesk.ui.formatting import format_datetime

            return (
                QCoreApplication.translate(
                    "errors",
                    "%1 saved this record at %2 after you opened it. Your input is kept; "
                    "reload to see their changes, then apply yours again.",
                )
                .replace("%1", str(by))
                .replace("%2", format_datetime(at) if not isinstance(at, str) else at)
            )
        return QCoreApplication.translate(
            "errors",
            "Someone else saved this record after you opened it. Your input is kept; "
            "reload to see their changes, then apply yours again.",
        )
    if not isinstance(exc, KnownError):
        return QCoreApplication.translate(
            "errors", "An unexpected error occurred (a bug). It has been logged."
        )
    sentences = {
        "not_found": QCoreApplication.translate(
            "errors", "The record was not found; it may have been erased."
        ),
        "permission_denied": QCoreApplication.translate(
            "errors", "Your user level does not allow this."
        ),
        "db_unavailable": QCoreApplication.translate(
            "errors", "The database cannot be reached. Check the network and try again."
        ),
        "auth_failed": QCoreApplication.translate(
            "errors", "The database refused the user name or password."
        ),
        "keyring_unavailable": QCoreApplication.translate(
            "errors",
            "No password store (keyring) is available; the password is asked each time.",
        ),
        "rule": QCoreApplication.translate("errors", "The register's rules do not allow this."),
        "type_change": QCoreApplication.translate(
            "errors", "A customer's type cannot be changed; create a new customer instead."
        ),
    }
    if exc.code == "damaged_record":
        return QCoreApplication.translate(
            "errors",
            "The record of customer %1 is damaged (a value kkdesk does not know) and cannot be "
            "shown; ask an administrator to correct it.",
        ).replace("%1", str(exc.params.get("number", "")))
    if exc.code == "consent_changed":
        return QCoreApplication.translate(
            "errors",
            "Someone else changed these consents just now; nothing was recorded. Check the "
            "current state and record again if needed.",
        )
    text = sentences.get(exc.code)
    if text is None:
        return exc.message
    if exc.code == "rule" and exc.message:
        # A rule's own message says which rule; the translated lead-in says what it is.
        return f"{text} ({exc.message})"
    return text
