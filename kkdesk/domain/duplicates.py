"""Merging two records of one person: who may be merged, which value the kept record
gets per field, and how the two records' prohibitions and consents combine.

Pure rules, tested without a database (``kkdesk.services.merge`` applies them):

* Only two live records of a *person* merge: not a record with itself, not a company
  (a company's record is no person's, and a company into a person would mix a data
  subject with a business), not an erased record, not one already merged away.
* Fields are chosen in groups that only make sense whole (a name, an address): per group
  the kept record's value, the other record's, or — for the free texts, notes and extra
  data — both. The default keeps the kept record's value, except where the kept record
  has none and the other has one: a merge never throws away a value for an empty one
  unless the user says so.
* Prohibitions, restrictions and objections combine least-permissively: in force on
  either record, in force on the merged one. A consent (e-mail or SMS marketing) survives
  only when neither record holds a refusal or withdrawal of it; a consent given on one
  record and never asked on the other stays given — the absence of an answer is not a
  statement of the person, the same reading the suppression list gives it
  (:meth:`kkdesk.domain.consent.ConsentState.suppressed_items`). Consent history is
  append-only: where the combined state differs from the kept record's, a new event is
  added to the kept record, citing the other record's event as its evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kkdesk.domain.consent import NOTE_MAX, ConsentEvent, ConsentItem, ConsentState, Evidence
from kkdesk.domain.enums import CustomerType
from kkdesk.errors import RuleViolation


class Side(StrEnum):
    """Whose value a field group takes."""

    KEPT = "kept"
    OTHER = "other"
    BOTH = "both"  # free texts only: the kept record's, then the other's


@dataclass(frozen=True)
class FieldGroup:
    """Fields chosen together (the choice's name is the group's)."""

    name: str
    fields: tuple[str, ...]
    joinable: bool = False  # Side.BOTH allowed

    @property
    def blankable(self) -> tuple[str, ...]:
        """The fields whose emptiness makes the group empty (a country alone is no
        address: every record has one)."""
        return tuple(f for f in self.fields if f not in ("country", "language"))


# Every field of a person's record an entry changes (tests hold this to the catalogue).
GROUPS: tuple[FieldGroup, ...] = (
    FieldGroup("name", ("surname", "first_names")),
    FieldGroup("address", ("street", "postal_code", "post_office", "country")),
    FieldGroup("phone_mobile", ("phone_mobile",)),
    FieldGroup("phone_home", ("phone_home",)),
    FieldGroup("phone_work", ("phone_work",)),
    FieldGroup("email", ("email",)),
    FieldGroup("birth_date", ("birth_date",)),
    FieldGroup("language", ("language",)),
    FieldGroup("notes", ("notes",), joinable=True),
    FieldGroup("extra", ("extra",), joinable=True),
)
GROUP_NAMES: tuple[str, ...] = tuple(g.name for g in GROUPS)
FIELDS: tuple[str, ...] = tuple(f for g in GROUPS for f in g.fields)

Values = Mapping[str, object]


def _empty(value: object) -> bool:
    return value is None or value == "" or value == {}


def _blank(group: FieldGroup, values: tuple[object, ...]) -> bool:
    named = dict(zip(group.fields, values, strict=True))
    return bool(group.blankable) and all(_empty(named[f]) for f in group.blankable)


@dataclass(frozen=True)
class Difference:
    """A field group whose values differ between the two records."""

    group: FieldGroup
    kept: tuple[object, ...]
    other: tuple[object, ...]
    default: Side

    @property
    def name(self) -> str:
        return self.group.name


def differences(kept: Values, other: Values) -> tuple[Difference, ...]:
    """The groups the user chooses between, in form order, each with its default."""
    out: list[Difference] = []
    for group in GROUPS:
        k = tuple(kept[f] for f in group.fields)
        o = tuple(other[f] for f in group.fields)
        if k == o:
            continue
        if _blank(group, k) and not _blank(group, o):
            default = Side.OTHER
        elif group.joinable and not _blank(group, k) and not _blank(group, o):
            default = Side.BOTH
        else:
            default = Side.KEPT
        out.append(Difference(group, k, o, default))
    return tuple(out)


def check_choices(choices: Mapping[str, Side | str]) -> dict[str, Side]:
    """The choices as sides; :class:`RuleViolation` (``merge_choice``) for an unknown
    group or side, or "both" for a group that cannot be joined."""
    by_name = {g.name: g for g in GROUPS}
    out: dict[str, Side] = {}
    for name, value in choices.items():
        group = by_name.get(name)
        try:
            side = Side(value)
        except ValueError:
            side = None
        if group is None or side is None or (side is Side.BOTH and not group.joinable):
            raise RuleViolation(
                f"Cannot take {value!r} for {name!r}: choose kept or other for one of "
                f"{', '.join(GROUP_NAMES)} (both only for notes and extra).",
                code="merge_choice",
                field=name,
                value=str(value),
            )
        out[name] = side
    return out


def _join(group: FieldGroup, kept: object, other: object) -> object:
    if group.name == "extra":
        joined = dict(other) if isinstance(other, Mapping) else {}
        joined.update(kept if isinstance(kept, Mapping) else {})  # the kept record's key wins
        return joined
    parts = [str(v).strip() for v in (kept, other) if not _empty(v) and str(v).strip()]
    return "\n\n".join(parts)


def merged_values(
    kept: Values, other: Values, choices: Mapping[str, Side | str]
) -> tuple[dict[str, object], dict[str, Side]]:
    """The kept record's values after the merge, and the side taken for each differing
    group (the defaults where ``choices`` says nothing)."""
    sides = check_choices(choices)
    values = {f: kept[f] for f in FIELDS}
    taken: dict[str, Side] = {}
    for diff in differences(kept, other):
        side = sides.get(diff.name, diff.default)
        taken[diff.name] = side
        if side is Side.OTHER:
            values.update(zip(diff.group.fields, diff.other, strict=True))
        elif side is Side.BOTH:
            (name,) = diff.group.fields
            values[name] = _join(diff.group, kept[name], other[name])
    return values, taken


def customer_since(kept: date, other: date) -> date:
    """The relationship began with the earlier record."""
    return min(kept, other)


# --- who may be merged ----------------------------------------------------------------------


# The code of a merge refused because a record is restricted (the server's hint too).
MERGE_RESTRICTED_CODE = "merge_restricted"


@dataclass(frozen=True)
class Party:
    """What the merge rules need of one record."""

    number: str
    type: CustomerType | str
    erased: bool
    merged: bool
    # A restriction of processing in force (Art. 18): the person asked that the data be
    # kept as it is, so neither record may be blanked or rewritten by a merge.
    restricted: bool = False


def refusal(kept: Party, other: Party) -> RuleViolation | None:
    """Why these two records may not be merged, or None."""
    if kept.number == other.number:
        return RuleViolation(
            f"Customer {kept.number} cannot be merged with itself.",
            code="merge_same",
            number=kept.number,
        )
    for party in (kept, other):
        if party.erased:
            return RuleViolation(
                f"Customer {party.number} is erased and cannot be merged.",
                code="merge_erased",
                number=party.number,
            )
        if party.merged:
            return RuleViolation(
                f"Customer {party.number} was already merged into another record.",
                code="merge_merged",
                number=party.number,
            )
    for party in (kept, other):
        if party.restricted:
            return RuleViolation(
                f"Customer {party.number} is under a restriction of processing (GDPR Art. "
                "18) and cannot be merged: lift the restriction first.",
                code=MERGE_RESTRICTED_CODE,
                number=party.number,
            )
    for party in (kept, other):
        if party.type != CustomerType.PERSON:
            return RuleViolation(
                f"Customer {party.number} is not a person: only two records of one person "
                "can be merged.",
                code="merge_not_person",
                number=party.number,
            )
    return None


# --- prohibitions and consents ---------------------------------------------------------------


@dataclass(frozen=True)
class ConsentChange:
    """An item whose combined state differs from the kept record's: the kept record
    takes ``value``, on the evidence of the other record's ``source`` event."""

    item: ConsentItem
    value: bool
    source: ConsentEvent


def _combined_value(item: ConsentItem, kept: ConsentState, other: ConsentState) -> bool:
    k, o = kept.get(item), other.get(item)
    if not item.is_consent:
        return k.value or o.value  # a prohibition, restriction or objection in force
    refused = any(s.event is not None and not s.value for s in (k, o))
    return not refused and (k.value or o.value)


def combine(kept: ConsentState, other: ConsentState) -> dict[ConsentItem, bool]:
    """The merged record's value of every item."""
    return {item: _combined_value(item, kept, other) for item in ConsentItem}


def consent_changes(kept: ConsentState, other: ConsentState) -> tuple[ConsentChange, ...]:
    """The events the kept record needs so that its state is the combined one."""
    out: list[ConsentChange] = []
    for item, value in combine(kept, other).items():
        if value == kept[item]:
            continue
        source = other.get(item).event
        # The other record decides every difference, so it holds the deciding event.
        assert source is not None and source.state == value
        out.append(ConsentChange(item, value, source))
    return tuple(out)


def change_evidence(
    change: ConsentChange, *, kept_number: str, other_number: str, received_on: date
) -> Evidence:
    """The evidence of the kept record's new event: the other record's statement, cited.

    ``received_on`` is the merge's date (or the kept record's newest date of that item, if
    later), so that the new event is the one in force; the statement's own date, channel
    and reference are kept in the event and its note."""
    src = change.source
    note = (
        f"Merge of customer {other_number} into {kept_number}: the person's statement "
        f"recorded on {other_number} (received {src.received_on.isoformat()}, "
        f"event {src.id})."
    )
    if src.note:
        note += f" Its note: {src.note}"
    return Evidence(received_on, src.channel, src.document_ref, note[:NOTE_MAX])
