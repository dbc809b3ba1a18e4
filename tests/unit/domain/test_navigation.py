"""Back/Forward and the recent customers, without Qt."""

from __future__ import annotations

from kkdesk.domain.navigation import Visit, Visits


def test_back_and_forward_walk_the_opened_customers() -> None:
    v = Visits()
    assert not v.can_go_back() and not v.can_go_forward() and v.step(-1) is None
    for n in ("1", "2", "3"):
        v.opened(n, f"name {n}")
    assert v.can_go_back() and not v.can_go_forward()
    assert v.back_target() == Visit("2", "name 2")
    assert v.step(-1) == Visit("2", "name 2")
    v.opened("2", "name 2")  # the step's open arrives: nothing else moves
    assert v.step(-1) == Visit("1", "name 1")
    assert not v.can_go_back() and v.step(-1) is None
    assert v.forward_target() == Visit("2", "name 2")
    assert v.step(1) == Visit("2", "name 2")


def test_opening_another_customer_drops_the_forward_part() -> None:
    v = Visits()
    for n in ("1", "2", "3"):
        v.opened(n, n)
    v.step(-1)
    v.step(-1)
    v.opened("4", "4")
    assert not v.can_go_forward()
    assert v.back_target() == Visit("1", "1")


def test_reopening_the_current_customer_updates_its_name_only() -> None:
    v = Visits()
    v.opened("1", "Virtanen Matti")
    v.opened("1", "Virta Matti")  # saved under a new name
    assert not v.can_go_back()
    assert v.current == Visit("1", "Virta Matti")
    assert v.recent() == (Visit("1", "Virta Matti"),)


def test_recent_is_most_recent_first_unique_and_bounded() -> None:
    v = Visits(recent_max=3)
    for n in ("1", "2", "3", "2", "4"):
        v.opened(n, n)
    assert [x.number for x in v.recent()] == ["4", "2", "3"]


def test_a_customer_that_cannot_be_opened_is_forgotten() -> None:
    v = Visits()
    for n in ("1", "2", "3"):
        v.opened(n, n)
    v.step(-1)  # at 2
    v.forget("2")
    assert v.current == Visit("1", "1")
    assert v.forward_target() == Visit("3", "3")
    assert [x.number for x in v.recent()] == ["3", "1"]
    v.forget("1")
    v.forget("3")
    assert v.current is None and not v.can_go_back() and not v.can_go_forward()
