"""The three-way merge after a refused save, without Qt."""

from __future__ import annotations

from kkdesk.domain.customer import ContactPersonDraft
from kkdesk.domain.merge import changed_fields, merge_contacts, merge_fields

BASE = {"surname": "Virtanen", "street": "Kotikatu 1", "email": "", "birth_date": "1.5.1970"}


def test_changed_fields_are_those_differing_from_the_base() -> None:
    mine = {**BASE, "email": "m@example.fi", "birth_date": "31.2."}
    assert changed_fields(BASE, mine) == ["email", "birth_date"]
    assert changed_fields(BASE, {**BASE, "new_field": "x"}) == []


def test_their_version_with_my_changes_on_top() -> None:
    mine = {**BASE, "email": "m@example.fi", "birth_date": "31.2."}  # half-typed survives
    theirs = {**BASE, "street": "Uusikatu 2", "email": "t@example.fi"}
    merged = merge_fields(BASE, mine, theirs)
    assert merged.values == {
        "surname": "Virtanen",
        "street": "Uusikatu 2",  # theirs: I did not touch it
        "email": "m@example.fi",  # mine wins where both changed
        "birth_date": "31.2.",
    }
    assert merged.mine == ("email", "birth_date")
    assert merged.both == ("email",)


def test_no_changes_of_mine_is_their_version() -> None:
    theirs = {**BASE, "street": "Uusikatu 2"}
    merged = merge_fields(BASE, dict(BASE), theirs)
    assert merged.values == theirs
    assert merged.mine == () and merged.both == ()


def _c(surname: str, id_: int | None = None, role: str = "") -> ContactPersonDraft:
    return ContactPersonDraft(surname=surname, first_names="X", role=role, id=id_)


def test_contacts_merge_by_id() -> None:
    base = [_c("Aho", 1), _c("Berg", 2), _c("Dahl", 4), _c("Eke", 5)]
    mine = [_c("Aho", 1, "CEO"), _c("Dahl", 4), _c("Eke", 5), _c("New")]  # edit 1, drop 2
    theirs = [
        _c("Aho", 1),
        _c("Berg", 2),
        _c("Dahl", 4, "CFO"),
        _c("Côté", 3),
    ]  # edit 4, drop 5, add 3
    assert merge_contacts(base, mine, theirs) == [
        _c("Aho", 1, "CEO"),  # my edit
        _c("Dahl", 4, "CFO"),  # their edit, untouched by me
        _c("Côté", 3),  # their addition
        _c("New"),  # my addition, last
    ]


def test_a_contact_i_removed_goes_even_if_they_edited_it() -> None:
    base = [_c("Aho", 1)]
    assert merge_contacts(base, [], [_c("Aho", 1, "CEO")]) == []


def test_keeping_my_changes_merges_contact_persons_by_person() -> None:
    # Moved from tests/ui/test_main_window.py with the merge itself (issue 14).
    C = ContactPersonDraft

    anna, pekka, olli = C(id=1, surname="Åberg"), C(id=2, surname="Kallio"), C(id=3, surname="Ek")
    base = (anna, pekka, olli)
    mine = [C(id=1, surname="Åberg", role="CEO"), olli, C(surname="Uusi")]  # edit, remove, add
    theirs = (anna, C(id=2, surname="Kallio", email="p@x.fi"), C(id=3, surname="Ek", role="IT"),
              C(id=4, surname="Heidän"))  # fmt: skip
    merged = merge_contacts(base, mine, theirs)
    assert [(c.id, c.surname, c.role, c.email) for c in merged] == [
        (1, "Åberg", "CEO", ""),  # my edit
        (3, "Ek", "IT", ""),  # their edit of a person I did not touch
        (4, "Heidän", "", ""),  # their new person
        (None, "Uusi", "", ""),  # my new person
    ]  # Kallio: I removed him, so he stays removed
