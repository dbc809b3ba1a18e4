"""The change diff behind the source question and the refused-save banner, without Qt."""

from __future__ import annotations

from datetime import date

from kkdesk.domain.changes import CONTACTS, EXTRA, FieldChange, draft_changes
from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.enums import CustomerType, Language

BASE = CustomerDraft(
    surname="Virtanen",
    first_names="Matti",
    street="Kotikatu 1",
    postal_code="00100",
    post_office="HELSINKI",
    birth_date=date(1970, 5, 1),
    extra={"group": "loyalty"},
)


def test_nothing_changed_is_no_change() -> None:
    assert draft_changes(BASE, BASE) == []


def test_changed_fields_in_tracked_order_with_both_values() -> None:
    after = CustomerDraft(
        **{**BASE.__dict__, "post_office": "ESPOO", "surname": "Virta", "language": Language.SV}
    )
    assert draft_changes(BASE, after) == [
        FieldChange("surname", "Virtanen", "Virta"),
        FieldChange("post_office", "HELSINKI", "ESPOO"),
        FieldChange("language", Language.FI, Language.SV),
    ]


def test_empty_and_missing_are_the_same() -> None:
    after = CustomerDraft(**{**BASE.__dict__, "birth_date": None})
    assert draft_changes(BASE, after) == [FieldChange("birth_date", date(1970, 5, 1), None)]
    no_date = CustomerDraft(**{**BASE.__dict__, "birth_date": None})
    assert draft_changes(no_date, no_date) == []


def test_new_customer_lists_only_what_it_fills_and_never_the_language() -> None:
    new = CustomerDraft(surname="Virtanen", email="m@example.fi", language=Language.SV)
    assert draft_changes(None, new) == [
        FieldChange("surname", None, "Virtanen"),
        FieldChange("country", None, "FI"),  # a default is a value the source question names
        FieldChange("email", None, "m@example.fi"),
    ]


def test_other_data_is_one_change_with_both_dicts() -> None:
    after = CustomerDraft(**{**BASE.__dict__, "extra": {"group": "gold"}})
    assert draft_changes(BASE, after) == [
        FieldChange(EXTRA, {"group": "loyalty"}, {"group": "gold"})
    ]


def test_contact_persons_added_changed_and_removed() -> None:
    kept = ContactPersonDraft(surname="Aho", first_names="Anna", id=1)
    edited = ContactPersonDraft(surname="Berg", first_names="Bo", id=2)
    gone = ContactPersonDraft(surname="Côté", first_names="Cid", id=3)
    before = CustomerDraft(
        type=CustomerType.COMPANY, company_name="Oy", contacts=(kept, edited, gone)
    )
    edited2 = ContactPersonDraft(surname="Berg", first_names="Bo", role="CEO", id=2)
    added = ContactPersonDraft(surname="Dahl", first_names="Dan")
    after = CustomerDraft(
        type=CustomerType.COMPANY, company_name="Oy", contacts=(kept, edited2, added)
    )
    assert draft_changes(before, after) == [
        FieldChange(CONTACTS, edited, edited2),
        FieldChange(CONTACTS, None, added),
        FieldChange(CONTACTS, gone, None),
    ]
    # The refused-save banner names the contact persons once.
    assert draft_changes(before, after, contacts_each=False) == [
        FieldChange(CONTACTS, before.contacts, after.contacts)
    ]
