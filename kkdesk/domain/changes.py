"""What a customer save changes, field by field: the rule behind the source question.

The form asks where changed data came from and lists each change; a refused save lists
what the other user changed. Both are the same comparison of two drafts, kept here so it
is tested without Qt. The values are the drafts' own (dates, enums, dicts, contact
drafts); the UI puts them into words.
"""

from __future__ import annotations

from dataclasses import dataclass

from kkdesk.domain.customer import TRACKED_FIELDS, ContactPersonDraft, CustomerDraft

# The pseudo-fields a change may name beside the tracked fields.
EXTRA = "extra"
CONTACTS = "contacts"


@dataclass(frozen=True)
class FieldChange:
    """One change: a tracked field's name, ``"extra"`` or ``"contacts"``, and its values
    before and after. For ``"contacts"`` each value is one contact person or ``None``
    (added: ``before`` is None; removed: ``after`` is None). ``before`` is ``None`` for a
    new customer."""

    field: str
    before: object
    after: object


def _blank(value: object) -> object:
    """Empty and missing are the same to a user: "" and None never count as a change."""
    return "" if value is None else value


def draft_changes(
    before: CustomerDraft | None, after: CustomerDraft, *, contacts_each: bool = True
) -> list[FieldChange]:
    """The changes from ``before`` (None: a new customer) to ``after``, in the order of
    :data:`TRACKED_FIELDS`, then the other data, then the contact persons.

    A new customer lists only the fields it fills (and never its language, which always
    has a value). With ``contacts_each`` false, changed contact persons are one change
    naming ``"contacts"`` with both tuples (what a refused save's banner shows)."""
    out: list[FieldChange] = []
    for name in TRACKED_FIELDS:
        new = getattr(after, name)
        old = getattr(before, name) if before is not None else None
        if _blank(old) == _blank(new):
            continue
        if before is None and (name == "language" or _blank(new) == ""):
            continue
        out.append(FieldChange(name, old, new))
    old_extra = before.extra if before is not None else {}
    if after.extra != old_extra:
        out.append(FieldChange(EXTRA, dict(old_extra), dict(after.extra)))
    old_contacts = before.contacts if before is not None else ()
    if not contacts_each:
        if old_contacts != after.contacts:
            out.append(FieldChange(CONTACTS, old_contacts, after.contacts))
        return out
    out += contact_changes(old_contacts, after.contacts)
    return out


def contact_changes(
    before: tuple[ContactPersonDraft, ...], after: tuple[ContactPersonDraft, ...]
) -> list[FieldChange]:
    """Contact persons added, changed (same id, other values) and removed."""
    old_by_id = {c.id: c for c in before}
    out: list[FieldChange] = []
    for contact in after:
        previous = old_by_id.pop(contact.id, None) if contact.id is not None else None
        if previous is None:
            out.append(FieldChange(CONTACTS, None, contact))
        elif previous != contact:
            out.append(FieldChange(CONTACTS, previous, contact))
    out += [FieldChange(CONTACTS, gone, None) for gone in old_by_id.values()]
    return out
