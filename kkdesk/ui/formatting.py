"""Dates, times and numbers in the chosen locale (Finnish: 24.11.2026), and back.

The locale is Qt's default ``QLocale`` which :mod:`kkdesk.ui.i18n` sets from the user's
language choice, so every widget and every formatted string agrees.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

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
