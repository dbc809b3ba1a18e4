"""Retention periods worked out from the register's settings: the days that make a
customer, an order's vouchers and an archived letter due, at year ends and on 29 February,
with a financial year that is not the calendar year; and the generated retention texts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkdesk.domain import register_info as ri
from kkdesk.domain.retention import (
    add_years,
    customers_due_on,
    financial_year_end_of,
    last_day_kept_through,
    letters_due_on,
    order_kept_until,
    retention_texts,
    vouchers_due_on,
)
from kkdesk.errors import ValidationFailed


def test_customer_due_the_day_the_letter_says() -> None:
    # The access letter: last contact 2.1.2023, two years: "erased on 2.1.2025 at the
    # earliest". On 1.1.2025 it is not due; on 2.1.2025 it is.
    assert customers_due_on(date(2025, 1, 1), 2) == date(2023, 1, 1)
    assert customers_due_on(date(2025, 1, 2), 2) == date(2023, 1, 2)
    # Across the year end: on 31.12.2024 the last of 2022 is due, the first of 2023 not.
    assert customers_due_on(date(2024, 12, 31), 2) == date(2022, 12, 31)


def test_29_february_is_due_on_28_february() -> None:
    # add_years(29.2.2024, 2) is 28.2.2026, so on that day both the 28th and the 29th of
    # February 2024 are due.
    assert add_years(date(2024, 2, 29), 2) == date(2026, 2, 28)
    assert customers_due_on(date(2026, 2, 28), 2) == date(2024, 2, 29)
    assert customers_due_on(date(2026, 2, 27), 2) == date(2024, 2, 27)
    # Four years on, a leap year again: 29.2.2028 is the day.
    assert customers_due_on(date(2028, 2, 28), 4) == date(2024, 2, 28)
    assert customers_due_on(date(2028, 2, 29), 4) == date(2024, 2, 29)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(min_value=1, max_value=12),
)
def test_last_day_kept_through_is_exactly_the_boundary(today: date, years: int) -> None:
    last = last_day_kept_through(today, years)
    assert add_years(last, years) <= today
    assert add_years(last + timedelta(days=1), years) > today


def test_vouchers_of_a_calendar_financial_year() -> None:
    # Orders of 2018 are kept until 31.12.2024; on 1.1.2025 they are past, those of
    # 1.1.2019 not.
    assert order_kept_until(date(2018, 12, 31)) == date(2024, 12, 31)
    assert vouchers_due_on(date(2024, 12, 31)) == date(2017, 12, 31)
    assert vouchers_due_on(date(2025, 1, 1)) == date(2018, 12, 31)


@pytest.mark.parametrize(
    ("order_day", "past_on", "kept_on"),
    [
        # Financial year 1.7.–30.6.: an order of 30.6.2018 belongs to the year that ended
        # in 2018 (kept until 31.12.2024), one of 1.7.2018 to the year ending 30.6.2019
        # (kept until 31.12.2025): a calendar year would have put both in 2018.
        (date(2018, 6, 30), date(2025, 1, 1), date(2024, 12, 31)),
        (date(2018, 7, 1), date(2026, 1, 1), date(2025, 12, 31)),
        (date(2019, 6, 30), date(2026, 1, 1), date(2025, 12, 31)),
    ],
)
def test_vouchers_of_a_financial_year_ending_in_june(
    order_day: date, past_on: date, kept_on: date
) -> None:
    assert order_kept_until(order_day, "06-30") == kept_on
    assert order_day <= vouchers_due_on(past_on, "06-30")
    assert order_day > vouchers_due_on(kept_on, "06-30")


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2080, 12, 31)),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from(["12-31", "06-30", "04-30", "09-30", "01-31", "02-28"]),
    st.integers(min_value=6, max_value=10),
)
def test_voucher_due_exactly_when_its_keeping_day_is_past(
    order_day: date, today: date, fye: str, years: int
) -> None:
    due = order_day <= vouchers_due_on(today, fye, years)
    assert due == (order_kept_until(order_day, fye, years) < today)


def test_financial_year_end_of_rolls_to_the_next_year() -> None:
    assert financial_year_end_of(date(2024, 7, 1), "06-30") == date(2025, 6, 30)
    assert financial_year_end_of(date(2024, 6, 30), "06-30") == date(2024, 6, 30)


def test_letters_due_after_their_years() -> None:
    assert letters_due_on(date(2027, 3, 15), 3) == date(2024, 3, 15)


def test_retention_periods_are_validated() -> None:
    assert ri.value_from_json("voucher_years", 7) == 7
    assert ri.value_from_json("letter_archive_years", 5) == 5
    refused = (("voucher_years", 5), ("voucher_years", 101), ("letter_archive_years", 0),
               ("basic_data_years", 0), ("letter_archive_years", "3"),
               ("voucher_years", True))  # fmt: skip
    for key, bad in refused:
        with pytest.raises(ValidationFailed):
            ri.value_from_json(key, bad)
    # The retention texts are no setting of their own any more: they cannot be typed in.
    with pytest.raises(ValidationFailed):
        ri.value_from_json("retention", [{"fi": "ikuisesti"}])
    # A register that stored them before still opens; the stored text is ignored.
    old = ri.from_settings({"retention": [{"fi": "ikuisesti", "sv": "", "en": ""}]})
    assert all("ikuisesti" not in t.fi for t in old.retention)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_texts_follow_the_settings(lang: str) -> None:
    before = [t.get(lang) for t in ri.DEFAULT.retention]
    info = replace(ri.DEFAULT, basic_data_years=3, voucher_years=8, letter_archive_years=5,
                   financial_year_end="06-30")  # fmt: skip
    after = [t.get(lang) for t in retention_texts(info)]
    words = {
        "fi": ("kaksi vuotta", "kolme vuotta", "kahdeksan vuotta", "viisi vuotta", "30.6."),
        "sv": ("två år", "tre år", "åtta år", "fem år", "30.6"),
        "en": ("two years", "three years", "eight years", "five years", "30 June"),
    }[lang]
    assert words[0] in before[0] and words[1] in after[0]
    assert words[2] in after[1] and words[4] in after[1]
    assert words[3] in after[2]
    assert before != after


def test_one_year_reads_well() -> None:
    info = replace(ri.DEFAULT, basic_data_years=1, letter_archive_years=12)
    texts = retention_texts(info)
    assert "ja yhden vuoden sen päättymisen" in texts[0].fi
    assert "for one year after it ends" in texts[0].en
    assert "12 år" in texts[2].sv
