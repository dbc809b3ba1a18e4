"""The shared widgets of kkdesk.ui.widgets: the date field typed in the user's format."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from kkdesk.ui.formatting import format_date
from kkdesk.ui.widgets import DateEdit, OptionalDateEdit


def test_a_date_field_starts_at_today_and_takes_a_typed_date(qtbot: Any, english: object) -> None:
    field = DateEdit()
    qtbot.addWidget(field)
    field.show()
    assert field.day() == date.today()
    assert field.calendarPopup()
    field.setFocus()
    # Where Tab puts the cursor: the first part selected.
    field.setCurrentSectionIndex(0)
    field.lineEdit().setSelection(0, len(field.sectionText(field.sectionAt(0))))
    # With its separators, as people type a date: each separator is taken as read.
    qtbot.keyClicks(field, format_date(date(2025, 3, 4)))
    assert field.day() == date(2025, 3, 4)
    field.set_day(date(2024, 2, 29))
    assert field.day() == date(2024, 2, 29)


def test_an_optional_date_field_is_a_dash_until_a_digit_is_typed(
    qtbot: Any, english: object
) -> None:
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    field.show()
    assert field.value() is None and field.text() == "—"
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_1)
    assert field.value() is not None
    field.set_value(None)
    assert field.value() is None
