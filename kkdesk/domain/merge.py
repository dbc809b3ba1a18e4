"""The three-way merge after a refused save: the other user's version with this user's
own changes on top.

When a save is refused because someone saved first, the form keeps what the user typed.
"Keep my changes" takes their version as the new base and puts back only the fields the
user changed since opening the record (compared with what was opened, the common base),
so nothing of theirs is lost that the user did not touch. Values are whatever the caller
compares (the form's texts, so a half-typed date survives the merge); contact persons
merge by id. Pure functions, tested without Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kkdesk.domain.customer import ContactPersonDraft

V = TypeVar("V")


def changed_fields(base: Mapping[str, V], mine: Mapping[str, V]) -> list[str]:
    """The fields whose value in ``mine`` differs from the common base, in ``mine``'s
    order. A field the base does not have counts as unchanged."""
    return [name for name, value in mine.items() if name in base and value != base[name]]


@dataclass(frozen=True)
class FieldMerge:
    """The merged values, which fields come from the user, and which of those the other
    user changed too (the user's value wins there; the form says so)."""

    values: dict[str, object]
    mine: tuple[str, ...]
    both: tuple[str, ...]


def merge_fields(
    base: Mapping[str, V], mine: Mapping[str, V], theirs: Mapping[str, V]
) -> FieldMerge:
    """Their values, with every field the user changed since ``base`` set to the user's."""
    changed = changed_fields(base, mine)
    values: dict[str, object] = dict(theirs)
    for name in changed:
        values[name] = mine[name]
    both = tuple(n for n in changed if n in theirs and theirs[n] != base[n])
    return FieldMerge(values, tuple(changed), both)


def merge_contacts(
    base: Sequence[ContactPersonDraft],
    mine: Sequence[ContactPersonDraft],
    theirs: Sequence[ContactPersonDraft],
) -> list[ContactPersonDraft]:
    """Their contact persons with the user's additions, edits and removals applied.

    A contact they added stays; one the user removed goes (even if they edited it: the
    user's decision is the later one); one the user edited takes the user's values, else
    theirs; the user's new contacts (no id yet) come last."""
    base_by_id = {c.id: c for c in base if c.id is not None}
    mine_by_id = {c.id: c for c in mine if c.id is not None}
    out: list[ContactPersonDraft] = []
    for contact in theirs:
        before = base_by_id.get(contact.id) if contact.id is not None else None
        if before is None or contact.id is None:
            out.append(contact)  # added by them
            continue
        edited = mine_by_id.get(contact.id)
        if edited is None:
            continue  # removed by the user
        out.append(edited if edited != before else contact)
    out += [c for c in mine if c.id is None]
    return out
