"""How long one customer's data is kept, worked out from the register's settings.

* Orders and their vouchers: the Accounting Act (1336/1997, chapter 2, section 10) keeps
  vouchers for six years from the end of the year in which the financial year ended. An
  order belongs to the financial year that ends on the first financial-year end
  (``financial_year_end``, "MM-DD") on or after its date; it is kept until 31 December of
  that end's year plus six.
* The rest of the basic data: while the customer relationship lasts and
  ``basic_data_years`` after the last order or contact.

The access letter prints these dates, so what it promises is what the settings say.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

ACCOUNTING_YEARS = 6  # Accounting Act 2:10: vouchers six years from the end of the year


def financial_year_end_of(day: date, financial_year_end: str = "12-31") -> date:
    """The last day of the financial year ``day`` belongs to."""
    month, dom = (int(x) for x in financial_year_end.split("-"))
    end = date(day.year, month, dom)
    return end if end >= day else date(day.year + 1, month, dom)


def order_kept_until(day: date, financial_year_end: str = "12-31") -> date:
    """Until when an order made on ``day`` and its vouchers are kept."""
    return date(financial_year_end_of(day, financial_year_end).year + ACCOUNTING_YEARS, 12, 31)


def orders_kept_until(
    days: Iterable[date], financial_year_end: str = "12-31"
) -> list[tuple[int, date]]:
    """Per financial year's end year of the orders, oldest first: (year, kept until)."""
    years = sorted({financial_year_end_of(d, financial_year_end).year for d in days})
    return [(y, date(y + ACCOUNTING_YEARS, 12, 31)) for y in years]


def add_years(day: date, years: int) -> date:
    """``day`` ``years`` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
