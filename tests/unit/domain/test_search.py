"""Search keys and the reading of a search box's text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kkdesk.domain.search import (
    QueryKind,
    customer_number,
    fold,
    interpret,
    is_customer_number,
    name_keys,
)


def test_fold_strips_case_accents_and_punctuation() -> None:
    assert fold("Möttönen-Åberg") == "mottonen aberg"
    assert fold("  ÄÄNEKOSKI ") == "aanekoski"
    assert fold("O'Brien_Smith") == "o brien smith"


def test_name_keys_give_both_orders() -> None:
    assert name_keys("Möttönen", "Matti Juhani", "") == (
        "mottonen matti juhani",
        "matti juhani mottonen",
    )
    assert name_keys("", "", "Virtanen & Poika Oy") == ("virtanen poika oy",) * 2


@given(st.integers(min_value=1, max_value=10**8))
def test_customer_numbers_carry_a_check_digit(id_: int) -> None:
    number = customer_number(id_)
    assert is_customer_number(number)
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert not is_customer_number(wrong)


def kinds(text: str) -> list[QueryKind]:
    return [i.kind for i in interpret(text)]


def test_interpretations() -> None:
    assert kinds("mott") == [QueryKind.NAME]
    assert kinds("00100") == [QueryKind.POSTAL_CODE]
    # A customer number may also read as a phone number; the number comes first.
    assert kinds(customer_number(1))[0] is QueryKind.NUMBER
    assert kinds("2331972-7") == [QueryKind.BUSINESS_ID]
    assert kinds("matti@ex") == [QueryKind.EMAIL]
    phone = [i for i in interpret("040 123 4567") if i.kind is QueryKind.PHONE]
    assert phone[0].value == "+358401234567"
    assert interpret("+358 40 123 4567")[0].value == "+358401234567"
    assert interpret("   ") == []
