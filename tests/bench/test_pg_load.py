"""The load bench's lost-update check finds writes the database lacks."""

from __future__ import annotations

from bench.pg_load import ConsentWrite, Save, lost_updates

BEFORE = {"1000": 3, "2000": 7}


def test_writes_all_stored_are_no_lost_update() -> None:
    saves = [Save("1000", "A 1", 4), Save("1000", "B 2", 5), Save("2000", "C 3", 8)]
    consents = [ConsentWrite("1000", 41, True), ConsentWrite("1000", 44, False)]
    stored = {"1000": ("B 2", 5), "2000": ("C 3", 8)}
    events = {"1000": [(41, True), (44, False)]}
    assert lost_updates(saves, consents, BEFORE, stored, events) == []


def test_a_save_overwritten_without_its_version_is_a_lost_update() -> None:
    # Two clerks both told "saved" from version 3: the second overwrote the first.
    saves = [Save("1000", "A 1", 4), Save("1000", "B 2", 4)]
    problems = lost_updates(saves, [], BEFORE, {"1000": ("B 2", 4)}, {})
    assert any("same version" in p for p in problems)
    assert any("went up by 1" in p for p in problems)


def test_a_save_reported_but_not_stored_is_a_lost_update() -> None:
    saves = [Save("2000", "C 3", 8)]
    problems = lost_updates(saves, [], BEFORE, {"2000": ("old street", 7)}, {})
    assert len(problems) == 2
    assert "went up by 0" in problems[0] and "stored 'old street'" in problems[1]


def test_a_consent_change_reported_but_missing_is_a_lost_update() -> None:
    consents = [ConsentWrite("1000", 41, True), ConsentWrite("1000", 44, False)]
    problems = lost_updates([], consents, BEFORE, {}, {"1000": [(41, True)]})
    assert problems == [
        "1000: consent events [44] reported, not stored as told",
        "1000: 2 consent changes reported, 1 stored",
    ]
