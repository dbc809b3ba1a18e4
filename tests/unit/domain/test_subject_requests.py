"""Deadlines of data-subject requests: one calendar month, extendable by two."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from kkdesk.domain.enums import Channel
from kkdesk.domain.subject_requests import (
    RequestKind,
    RequestStatus,
    SubjectRequest,
    Urgency,
    add_months,
    deadline,
)


@pytest.mark.parametrize(
    ("received", "due", "extended"),
    [
        (date(2025, 1, 15), date(2025, 2, 15), date(2025, 4, 15)),
        (date(2025, 1, 31), date(2025, 2, 28), date(2025, 4, 30)),
        (date(2024, 1, 31), date(2024, 2, 29), date(2024, 4, 30)),
        (date(2025, 11, 30), date(2025, 12, 30), date(2026, 2, 28)),
        (date(2025, 12, 31), date(2026, 1, 31), date(2026, 3, 31)),
    ],
)
def test_deadline_is_one_calendar_month(received: date, due: date, extended: date) -> None:
    assert deadline(received) == due
    assert deadline(received, extended=True) == extended


def test_add_months_never_overflows() -> None:
    day = date(2020, 1, 31)
    for months in range(0, 60):
        result = add_months(day, months)
        assert result.day <= 31 and (result.year * 12 + result.month) - (2020 * 12 + 1) == months


def _request(due: date) -> SubjectRequest:
    return SubjectRequest(
        id=1, customer_number="1000017", customer_name="X", kind=RequestKind.ACCESS,
        received_on=date(2025, 1, 1), channel=Channel.LETTER, identity_method="",
        identity_verified_by="", status=RequestStatus.OPEN, deadline=due,
        extension_reason="", closed_on=None, note="", created_by="a",
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("days", "urgency"),
    [(30, Urgency.OK), (15, Urgency.OK), (14, Urgency.SOON), (8, Urgency.SOON),
     (7, Urgency.DUE), (0, Urgency.DUE), (-1, Urgency.OVERDUE)],
)  # fmt: skip
def test_urgency_colours_the_nearing_deadline(days: int, urgency: Urgency) -> None:
    today = date(2025, 3, 1)
    r = _request(date.fromordinal(today.toordinal() + days))
    assert r.days_left(today) == days
    assert r.urgency(today) is urgency
    assert not r.extended and replace(r, extension_reason="busy").extended
