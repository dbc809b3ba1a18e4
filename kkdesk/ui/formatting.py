"""Dates, times and numbers in the chosen locale (Finnish: 24.11.2026), and back.

The locale is Qt's default ``QLocale`` which :mod:`kkdesk.ui.i18n` sets from the user's
language choice, so every widget and every formatted string agrees.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import lru_cache

import phonenumbers
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

from kkdesk.domain import catalogue
from kkdesk.domain.catalogue import ValueType

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    qdate = QDate(value.year, value.month, value.day)
    return QLocale().toString(qdate, date_format())


def date_format() -> str:
    """The locale's short date pattern with a four-digit year (d.M.yyyy in Finnish)."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def date_example() -> str:
    return format_date(date(1980, 11, 24))


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo is not None else value
    qdt = QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
        QTimeZone.systemTimeZone(),
    )
    return QLocale().toString(
        qdt, f"{date_format()} {QLocale().timeFormat(QLocale.FormatType.ShortFormat)}"
    )


def parse_date(text: str) -> date | None:
    """A date typed in the locale's format, day-first dotted, or ISO; None if not a date.

    Raises ``ValueError`` for text that is not a date (empty text is ``None``).
    """
    text = text.strip()
    if not text:
        return None
    qdate = QLocale().toDate(text, date_format())
    if qdate.isValid():
        return date(qdate.year(), qdate.month(), qdate.day())
    for pattern, order in ((_ISO, (0, 1, 2)), (_DMY, (2, 1, 0))):
        match = pattern.match(text)
        if match:
            parts = [int(g) for g in match.groups()]
            return date(parts[order[0]], parts[order[1]], parts[order[2]])
    raise ValueError(text)


def format_count(value: int) -> str:
    return QLocale().toString(value)


@lru_cache(maxsize=4096)
def format_phone(value: str) -> str:
    """A stored E.164 number as people read it: +358401234567 → +358 40 1234567.

    The international form is unambiguous for numbers of every country, and typing it
    back (or any other format) is read to the same stored number.
    """
    if not value.startswith("+"):
        return value
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


# Which fields are shown as telephone numbers and dates: the data catalogue's types.
PHONE_FIELDS = frozenset(catalogue.of_type(catalogue.FIELDS, ValueType.PHONE))
DATE_FIELDS = frozenset(catalogue.of_type(catalogue.FIELDS, ValueType.DATE))


def format_stored_value(field: str, value: str) -> str:
    """A value as the change history stores it (ISO dates, E.164 phones, JSON for the
    other data) in the form the desk shows it."""
    if not value:
        return value
    base = field.rsplit(".", 1)[-1]
    if base in PHONE_FIELDS:
        return format_phone(value)
    if base in DATE_FIELDS:
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    if base == "extra":
        try:
            data = json.loads(value)
        except ValueError:
            return value
        if isinstance(data, dict):
            return "; ".join(f"{k}: {v}" for k, v in data.items())
    return value
