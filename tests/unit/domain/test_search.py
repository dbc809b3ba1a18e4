"""Search keys and the reading of a search box's text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn

from kkdesk.domain.search import (
    NUMBER_BASE,
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


def test_search_words_hold_later_name_words_contacts_street_and_post_office() -> None:
    from kkdesk.domain.search import WordKind, search_words

    key = fold("Leirintäalue Kotkajärvi Oy")
    words = search_words(key, key, "Kotkankatu 5 B 12", "PEDERSÖRE", ((7, "virtanen matti"),))
    got = {(w.word, w.kind, w.ref) for w in words}
    assert got == {
        ("kotkajarvi", WordKind.NAME, 0),  # "leirintaalue" is the name key's own start
        ("oy", WordKind.NAME, 0),
        ("kotkankatu", WordKind.STREET, 0),  # no house numbers, no stair letters
        ("pedersore", WordKind.POST_OFFICE, 0),
        ("virtanen", WordKind.CONTACT, 7),
        ("matti", WordKind.CONTACT, 7),
    }
    street = next(w for w in words if w.kind is WordKind.STREET)
    assert street.phrase == "kotkankatu 5 b 12"  # a query's "5" narrows through the phrase


def test_a_persons_first_words_in_either_order_are_no_search_words() -> None:
    from kkdesk.domain.search import search_words

    key, rev = name_keys("Möttönen-Åberg", "Matti Juhani", "")
    assert [w.word for w in search_words(key, rev, "", "")] == ["aberg", "juhani"]


def test_the_longest_word_leads_a_word_search() -> None:
    from kkdesk.domain.search import word_lead

    assert word_lead(["5", "kotkankatu"]) == ["kotkankatu", "5"]
    assert word_lead(["matti", "virtanen"]) == ["virtanen", "matti"]
    assert word_lead(["ab", "cd"]) == ["ab", "cd"]


def test_a_wrong_check_digit_is_named() -> None:
    from kkdesk.domain.search import CheckDigitProblem, check_digit_problem

    number = customer_number(1)
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert check_digit_problem(number) is None
    assert check_digit_problem(wrong) is CheckDigitProblem.CUSTOMER_NUMBER
    assert check_digit_problem("0109862-8") is None
    assert check_digit_problem("0109862-7") is CheckDigitProblem.BUSINESS_ID
    assert check_digit_problem(" 0109862-7 ") is CheckDigitProblem.BUSINESS_ID
    # Eight digits are a customer number or a business ID without its dash.
    assert check_digit_problem("01098628") is None  # a leading 0: a phone's trunk prefix
    assert check_digit_problem("10109862") is (
        None if is_customer_number("10109862") else CheckDigitProblem.CUSTOMER_NUMBER_OR_BUSINESS_ID
    )
    big = customer_number(5_000_000)
    assert len(big) == 8 and check_digit_problem(big) is None
    # Texts that are no number at all, or another kind of number, are left alone.
    for text in ("mott", "00100", "040 123 4567", "+358401234567", "123456", "123456789"):
        assert check_digit_problem(text) is None, text


def test_customer_numbers_carry_the_luhn_check_digit() -> None:
    """customer_number's own Luhn digit (a demo build numbers a million) is stdnum's."""
    for id_ in [*range(1, 20000), 123456, 999999, 10**7 + 3, 10**9 + 7]:
        body = str(NUMBER_BASE + id_)
        assert customer_number(id_) == body + luhn.calc_check_digit(body), id_
        assert is_customer_number(customer_number(id_))
