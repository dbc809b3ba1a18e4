"""Prohibitions, consents and restrictions, and the marketing rules that follow from them.

The register description (section 9) lets a data subject prohibit processing for direct
advertising, distance selling, other direct marketing, market and opinion research, person
directories and genealogy research; section 6 says electronic direct marketing needs the
customer's separate consent; GDPR adds the restriction of processing (Art. 18) and the
objection to direct marketing (Art. 21).

Nothing here is stored as a "current value": the state of a person is derived, by
:func:`derive`, from the append-only history of :class:`ConsentEvent`. The rules:

* e-mail and SMS marketing need consent (opt-in): allowed only while consent is given;
* post and phone marketing are allowed unless prohibited (opt-out);
* an objection (Art. 21) turns off every marketing channel and every purpose at once;
* a restriction (Art. 18) stops all marketing as well;
* when one person has several records (same e-mail or phone), the least permissive state
  wins (:func:`least_permissive`).

Every event must carry evidence: when the customer's notification was received, how, and
a reference to the document (:func:`validate_evidence`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kkdesk.domain.enums import Channel
from kkdesk.domain.validation import character_error
from kkdesk.errors import FieldError, ValidationFailed

DOCUMENT_REF_MAX = 100
NOTE_MAX = 4000


class ConsentItem(StrEnum):
    """What one history event switches on or off. Values are stable in storage and JSON."""

    # The six prohibitions of section 9: True = prohibited.
    DIRECT_ADVERTISING = "direct_advertising"
    DISTANCE_SELLING = "distance_selling"
    DIRECT_MARKETING = "direct_marketing"  # "other direct marketing"
    MARKET_RESEARCH = "market_research"  # market and opinion research
    DIRECTORIES = "directories"  # person directories (henkilömatrikkelit)
    GENEALOGY = "genealogy"
    # The population register's prohibition of updating customer registers
    # (asiakasrekisterin päivityskielto): the person's data is not updated from update
    # services (section 6). True = prohibited. Not a marketing purpose.
    REGISTER_UPDATES = "register_updates"
    # Consents to electronic direct marketing (section 6): True = given.
    EMAIL_MARKETING = "email_marketing"
    SMS_MARKETING = "sms_marketing"
    # GDPR Art. 18 restriction of processing: True = restricted.
    RESTRICTION = "restriction"
    # GDPR Art. 21 objection to direct marketing: True = objected.
    OBJECTION = "objection"

    @property
    def is_prohibition(self) -> bool:
        return self in PROHIBITIONS or self in DATA_PROHIBITIONS

    @property
    def is_consent(self) -> bool:
        return self in CONSENTS

    @property
    def permissive_value(self) -> bool:
        """The value that allows more: True for a consent, False for everything else."""
        return self.is_consent


PROHIBITIONS: tuple[ConsentItem, ...] = (
    ConsentItem.DIRECT_ADVERTISING,
    ConsentItem.DISTANCE_SELLING,
    ConsentItem.DIRECT_MARKETING,
    ConsentItem.MARKET_RESEARCH,
    ConsentItem.DIRECTORIES,
    ConsentItem.GENEALOGY,
)
# Prohibitions of how the data itself is kept, not of a marketing purpose: shown and printed
# with the section-9 ones, never part of a marketing decision.
DATA_PROHIBITIONS: tuple[ConsentItem, ...] = (ConsentItem.REGISTER_UPDATES,)
CONSENTS: tuple[ConsentItem, ...] = (ConsentItem.EMAIL_MARKETING, ConsentItem.SMS_MARKETING)
# Items that stop every purpose on every channel.
BLANKET_STOPS: tuple[ConsentItem, ...] = (ConsentItem.RESTRICTION, ConsentItem.OBJECTION)


class MarketingPurpose(StrEnum):
    """What an export is for: one of the six purposes a customer may prohibit. The values
    are the command line's spelling (``--purpose direct-advertising``)."""

    DIRECT_ADVERTISING = "direct-advertising"
    DISTANCE_SELLING = "distance-selling"
    DIRECT_MARKETING = "direct-marketing"
    MARKET_RESEARCH = "market-research"
    DIRECTORIES = "directories"
    GENEALOGY = "genealogy"

    @property
    def prohibition(self) -> ConsentItem:
        """The prohibition that forbids this purpose."""
        return ConsentItem(self.value.replace("-", "_"))


class MarketingChannel(StrEnum):
    """How marketing reaches the person."""

    POST = "post"
    PHONE = "phone"
    EMAIL = "email"
    SMS = "sms"

    @property
    def consent(self) -> ConsentItem | None:
        """The consent this channel needs (opt-in), or None for an opt-out channel."""
        if self is MarketingChannel.EMAIL:
            return ConsentItem.EMAIL_MARKETING
        if self is MarketingChannel.SMS:
            return ConsentItem.SMS_MARKETING
        return None


# The channels an export can produce a file for (phone marketing is done by hand).
EXPORT_CHANNELS: tuple[MarketingChannel, ...] = (
    MarketingChannel.POST,
    MarketingChannel.EMAIL,
    MarketingChannel.SMS,
)


def forbidding_items(
    purpose: MarketingPurpose, channel: MarketingChannel
) -> dict[ConsentItem, bool]:
    """Each item that can forbid ``purpose`` on ``channel``, with the value that forbids it.

    The single source of the rules: :meth:`ConsentState.allows` and the SQL of the
    marketing export are both built from this mapping.
    """
    out = {purpose.prohibition: True}
    for item in BLANKET_STOPS:
        out[item] = True
    consent = channel.consent
    if consent is not None:
        out[consent] = False
    return out


@dataclass(frozen=True)
class Evidence:
    """What backs an event: the customer's notification and where its document is."""

    received_on: date
    channel: Channel
    document_ref: str
    note: str = ""


@dataclass(frozen=True)
class ConsentEvent:
    """One entry of the append-only history: ``item`` became ``state``."""

    id: int
    item: ConsentItem
    state: bool
    received_on: date
    channel: Channel
    document_ref: str
    note: str
    recorded_by: str
    recorded_at: datetime
    contact_person_id: int | None = None

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.received_on, self.channel, self.document_ref, self.note)

    def order_key(self) -> tuple[date, datetime, int]:
        """The order in which events take effect: the latest notification received wins;
        events received the same day take effect in the order they were recorded."""
        return (self.received_on, self.recorded_at, self.id)


@dataclass(frozen=True)
class ItemState:
    """The current value of one item and the event that set it (None: never recorded,
    so the default applies — nothing prohibited, no consent given)."""

    item: ConsentItem
    value: bool
    event: ConsentEvent | None = None

    @property
    def since(self) -> date | None:
        return self.event.received_on if self.event is not None else None

    @property
    def evidence(self) -> Evidence | None:
        return self.event.evidence if self.event is not None else None


def _default(item: ConsentItem) -> ItemState:
    return ItemState(item, False, None)


@dataclass(frozen=True)
class ConsentState:
    """The current prohibitions, consents and restrictions of one person."""

    items: tuple[ItemState, ...] = tuple(_default(i) for i in ConsentItem)

    def __post_init__(self) -> None:
        if tuple(s.item for s in self.items) != tuple(ConsentItem):
            raise ValueError("a ConsentState holds every ConsentItem once, in order")

    def get(self, item: ConsentItem) -> ItemState:
        return self.items[_INDEX[item]]

    def __getitem__(self, item: ConsentItem) -> bool:
        return self.get(item).value

    def as_dict(self) -> dict[ConsentItem, bool]:
        return {s.item: s.value for s in self.items}

    @property
    def restricted(self) -> bool:
        return self[ConsentItem.RESTRICTION]

    @property
    def objected(self) -> bool:
        return self[ConsentItem.OBJECTION]

    def allows(self, purpose: MarketingPurpose, channel: MarketingChannel) -> bool:
        """Whether marketing for ``purpose`` over ``channel`` is allowed by this state."""
        return all(self[item] != bad for item, bad in forbidding_items(purpose, channel).items())

    def suppressed_items(self) -> frozenset[ConsentItem]:
        """The items whose current value forbids something *because the person said so*:
        a prohibition, restriction or objection in force, or a consent withdrawn (a consent
        never given is not a statement and suppresses nothing on its own)."""
        out: set[ConsentItem] = set()
        for s in self.items:
            if s.item.is_consent:
                if not s.value and s.event is not None:
                    out.add(s.item)
            elif s.value:
                out.add(s.item)
        return frozenset(out)


_INDEX: Mapping[ConsentItem, int] = {item: i for i, item in enumerate(ConsentItem)}
EMPTY_STATE = ConsentState()


def derive(events: Iterable[ConsentEvent]) -> ConsentState:
    """The current state from a history, in any order (see :meth:`ConsentEvent.order_key`)."""
    latest: dict[ConsentItem, ConsentEvent] = {}
    for event in events:
        seen = latest.get(event.item)
        if seen is None or event.order_key() > seen.order_key():
            latest[event.item] = event
    return ConsentState(
        tuple(
            ItemState(item, latest[item].state, latest[item]) if item in latest else _default(item)
            for item in ConsentItem
        )
    )


def least_permissive(states: Iterable[ConsentState]) -> ConsentState:
    """One person with several records: per item, the value that allows less wins (a
    prohibition anywhere prohibits; consent counts only if every record has it)."""
    result = list(EMPTY_STATE.items)
    first = True
    for state in states:
        for i, s in enumerate(state.items):
            weaker = result[i].value == s.item.permissive_value and s.value != result[i].value
            if first or weaker:
                result[i] = s
        first = False
    return ConsentState(tuple(result))


def email_key(address: str) -> str:
    """The suppression key of an e-mail address (the same as the customer's ``email_key``)."""
    return address.strip().casefold()


def validate_evidence(evidence: Evidence, today: date) -> Evidence:
    """The cleaned evidence, or :class:`ValidationFailed` naming every missing part.

    A received date, a channel and a document reference are all required: a prohibition
    or consent without them could not be shown to a supervisory authority.
    """
    errors: dict[str, FieldError] = {}
    received = evidence.received_on
    if not isinstance(received, date):
        errors["received_on"] = FieldError("received_on", "required", "is required")
    elif isinstance(received, datetime):
        received = received.date()
    if isinstance(received, date) and received > today:
        errors["received_on"] = FieldError("received_on", "date_future", "is in the future")
    try:
        channel = Channel(evidence.channel)
    except ValueError:
        errors["channel"] = FieldError("channel", "required", "is required")
        channel = Channel.LETTER
    ref = " ".join((evidence.document_ref or "").split())
    if not ref:
        errors["document_ref"] = FieldError("document_ref", "required", "is required")
    elif len(ref) > DOCUMENT_REF_MAX:
        errors["document_ref"] = FieldError(
            "document_ref",
            "too_long",
            f"is longer than {DOCUMENT_REF_MAX} characters",
            max=DOCUMENT_REF_MAX,
        )
    note = (evidence.note or "").strip()
    for name, value, multiline in (("document_ref", ref, False), ("note", note, True)):
        problem = character_error(name, value, multiline=multiline)
        if problem is not None:
            errors[name] = problem
    if len(note) > NOTE_MAX:
        errors["note"] = FieldError(
            "note", "too_long", f"is longer than {NOTE_MAX} characters", max=NOTE_MAX
        )
    if errors:
        raise ValidationFailed(errors)
    return Evidence(received, channel, ref, note)


@dataclass(frozen=True)
class PersonConsents:
    """One person's current state and full history: the customer itself
    (``contact_person_id`` None) or one contact person of a company."""

    contact_person_id: int | None
    name: str
    state: ConsentState
    history: tuple[ConsentEvent, ...]  # newest first, as a history table shows it
    # Items an active suppression entry on this person's e-mail or phone forbids although
    # the person's own state does not: another record of the same person said so (the
    # least permissive state wins), or an erased one did.
    suppressed_elsewhere: frozenset[ConsentItem] = frozenset()


class Reason(StrEnum):
    """Why marketing for a purpose over a channel is allowed or not, most decisive first."""

    RESTRICTION = "restriction"  # Art. 18 restriction in force: nothing at all
    OBJECTION = "objection"  # Art. 21 objection in force: no direct marketing at all
    PROHIBITED = "prohibited"  # the purpose's own prohibition (section 9)
    SUPPRESSED_ELSEWHERE = "suppressed_elsewhere"  # another record of the same person
    CONSENT_WITHDRAWN = "consent_withdrawn"  # opt-in channel, consent taken back
    NO_CONSENT = "no_consent"  # opt-in channel, consent never given
    CONSENT_GIVEN = "consent_given"  # opt-in channel, consent in force
    NOT_PROHIBITED = "not_prohibited"  # opt-out channel, nothing forbids it


@dataclass(frozen=True)
class Verdict:
    """What is allowed now for one purpose on one channel, and the one reason that decides
    it (with the item and the date it took effect, when a recorded event decides)."""

    purpose: MarketingPurpose
    channel: MarketingChannel
    allowed: bool
    reason: Reason
    item: ConsentItem | None = None
    since: date | None = None


def verdict(
    state: ConsentState,
    purpose: MarketingPurpose,
    channel: MarketingChannel,
    suppressed_elsewhere: frozenset[ConsentItem] = frozenset(),
) -> Verdict:
    """The effective result of ``state`` for ``purpose`` over ``channel``.

    The same rules as :meth:`ConsentState.allows` (built on :func:`forbidding_items`), told
    with the reason a clerk can repeat to the customer: a blanket stop (restriction, then
    objection) before the purpose's prohibition, before a suppression that came from
    another record, before the channel's consent.
    """
    forbidding = forbidding_items(purpose, channel)
    for item, reason in (
        (ConsentItem.RESTRICTION, Reason.RESTRICTION),
        (ConsentItem.OBJECTION, Reason.OBJECTION),
        (purpose.prohibition, Reason.PROHIBITED),
    ):
        s = state.get(item)
        if s.value:
            return Verdict(purpose, channel, False, reason, item, s.since)
    elsewhere = sorted(set(forbidding) & suppressed_elsewhere)
    if elsewhere:
        return Verdict(purpose, channel, False, Reason.SUPPRESSED_ELSEWHERE, elsewhere[0])
    consent = channel.consent
    if consent is None:
        return Verdict(purpose, channel, True, Reason.NOT_PROHIBITED)
    s = state.get(consent)
    if s.value:
        return Verdict(purpose, channel, True, Reason.CONSENT_GIVEN, consent, s.since)
    reason = Reason.CONSENT_WITHDRAWN if s.event is not None else Reason.NO_CONSENT
    return Verdict(purpose, channel, False, reason, consent, s.since)


def verdicts(
    state: ConsentState,
    suppressed_elsewhere: frozenset[ConsentItem] = frozenset(),
    processing_restricted_since: date | None = None,
) -> tuple[Verdict, ...]:
    """Every purpose on every channel: what the consents tab shows as "allowed now".

    ``processing_restricted_since``: the restriction of processing held on the record
    (GDPR Art. 18, :mod:`kkdesk.services.restrictions`), not a consent event. While it is in
    force the marketing exports leave the customer out, so nothing is allowed."""
    if processing_restricted_since is not None:
        return tuple(
            Verdict(purpose, channel, False, Reason.RESTRICTION, None, processing_restricted_since)
            for purpose in MarketingPurpose
            for channel in MarketingChannel
        )
    return tuple(
        verdict(state, purpose, channel, suppressed_elsewhere)
        for purpose in MarketingPurpose
        for channel in MarketingChannel
    )
