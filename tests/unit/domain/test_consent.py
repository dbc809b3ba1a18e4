"""Property tests of the consent rules: any history, any order, any several records."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkdesk.domain.consent import (
    BLANKET_STOPS,
    CONSENTS,
    EMPTY_STATE,
    PROHIBITIONS,
    ConsentEvent,
    ConsentItem,
    ConsentState,
    Evidence,
    MarketingChannel,
    MarketingPurpose,
    derive,
    email_key,
    forbidding_items,
    least_permissive,
    validate_evidence,
)
from kkdesk.domain.enums import Channel
from kkdesk.errors import ValidationFailed

TODAY = date(2025, 6, 1)


@st.composite
def histories(draw: st.DrawFn, max_size: int = 25) -> list[ConsentEvent]:
    n = draw(st.integers(0, max_size))
    ids = draw(st.lists(st.integers(1, 10_000), min_size=n, max_size=n, unique=True))
    out = []
    for id_ in ids:
        out.append(
            ConsentEvent(
                id=id_,
                item=draw(st.sampled_from(ConsentItem)),
                state=draw(st.booleans()),
                # A narrow range of dates so that ties (same day) happen often.
                received_on=draw(st.dates(date(2024, 1, 1), date(2024, 1, 10))),
                channel=draw(st.sampled_from(Channel)),
                document_ref=f"DOC-{id_}",
                note="",
                recorded_by="tester",
                recorded_at=draw(
                    st.datetimes(datetime(2024, 1, 1), datetime(2024, 1, 3), timezones=st.just(UTC))
                ),
            )
        )
    return out


purposes = st.sampled_from(MarketingPurpose)
channels = st.sampled_from(MarketingChannel)


def newest(events: list[ConsentEvent], item: ConsentItem) -> ConsentEvent | None:
    """An independent reading of "the latest notification wins": sort, take the last."""
    mine = sorted(
        (e for e in events if e.item is item), key=lambda e: (e.received_on, e.recorded_at, e.id)
    )
    return mine[-1] if mine else None


@given(histories())
def test_each_item_is_its_newest_event_or_the_default(events: list[ConsentEvent]) -> None:
    state = derive(events)
    for item in ConsentItem:
        event = newest(events, item)
        if event is None:
            assert state[item] is False
            assert state.get(item).event is None and state.get(item).since is None
        else:
            assert state[item] is event.state
            assert state.get(item).event == event
            assert state.get(item).since == event.received_on
            assert state.get(item).evidence == event.evidence


@given(histories(), st.randoms())
def test_order_of_the_history_does_not_matter(events: list[ConsentEvent], rnd: object) -> None:
    shuffled = list(events)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert derive(shuffled) == derive(events)


@given(histories(), purposes, channels)
def test_allows_obeys_the_rules(
    events: list[ConsentEvent], purpose: MarketingPurpose, channel: MarketingChannel
) -> None:
    state = derive(events)
    allowed = state.allows(purpose, channel)
    # An objection (Art. 21) or a restriction (Art. 18) stops everything at once.
    if state[ConsentItem.OBJECTION] or state[ConsentItem.RESTRICTION]:
        assert not allowed
    # The purpose's own prohibition stops it on every channel.
    if state[purpose.prohibition]:
        assert not allowed
    blanket_ok = not any(state[i] for i in BLANKET_STOPS) and not state[purpose.prohibition]
    if channel in (MarketingChannel.POST, MarketingChannel.PHONE):
        # Opt-out: allowed unless something forbids it.
        assert allowed == blanket_ok
    elif channel is MarketingChannel.EMAIL:
        assert allowed == (blanket_ok and state[ConsentItem.EMAIL_MARKETING])
    else:
        assert allowed == (blanket_ok and state[ConsentItem.SMS_MARKETING])
    # Other purposes' prohibitions never matter.
    for other in PROHIBITIONS:
        if other is not purpose.prohibition:
            assert forbidding_items(purpose, channel).get(other) is None


@given(histories(), purposes)
def test_objection_turns_off_every_channel_and_purpose(
    events: list[ConsentEvent], purpose: MarketingPurpose
) -> None:
    late = ConsentEvent(
        id=99_999,
        item=ConsentItem.OBJECTION,
        state=True,
        received_on=date(2024, 2, 1),
        channel=Channel.LETTER,
        document_ref="OBJ",
        note="",
        recorded_by="t",
        recorded_at=datetime(2024, 2, 1, tzinfo=UTC),
    )
    state = derive([*events, late])
    for p in MarketingPurpose:
        for c in MarketingChannel:
            assert not state.allows(p, c)


def test_defaults_post_allowed_email_and_sms_not() -> None:
    for purpose in MarketingPurpose:
        assert EMPTY_STATE.allows(purpose, MarketingChannel.POST)
        assert EMPTY_STATE.allows(purpose, MarketingChannel.PHONE)
        assert not EMPTY_STATE.allows(purpose, MarketingChannel.EMAIL)
        assert not EMPTY_STATE.allows(purpose, MarketingChannel.SMS)
    assert derive([]) == EMPTY_STATE


@given(st.lists(histories(max_size=10), min_size=1, max_size=4), purposes, channels)
def test_least_permissive_state_wins(
    records: list[list[ConsentEvent]], purpose: MarketingPurpose, channel: MarketingChannel
) -> None:
    states = [derive(r) for r in records]
    combined = least_permissive(states)
    assert combined.allows(purpose, channel) == all(s.allows(purpose, channel) for s in states)
    for item in ConsentItem:
        values = [s[item] for s in states]
        assert combined[item] == (all(values) if item in CONSENTS else any(values))


@given(histories())
def test_least_permissive_of_one_is_itself(events: list[ConsentEvent]) -> None:
    state = derive(events)
    assert least_permissive([state]) == state
    assert least_permissive([]) == EMPTY_STATE


@given(histories())
def test_suppressed_items_are_the_persons_own_statements(events: list[ConsentEvent]) -> None:
    state = derive(events)
    suppressed = state.suppressed_items()
    for item in ConsentItem:
        s = state.get(item)
        if item in CONSENTS:
            # A withdrawn consent suppresses; a consent never asked for does not.
            assert (item in suppressed) == (s.event is not None and not s.value)
        else:
            assert (item in suppressed) == s.value


def test_purposes_map_onto_the_six_prohibitions() -> None:
    assert tuple(p.prohibition for p in MarketingPurpose) == PROHIBITIONS
    assert MarketingPurpose("market-research").prohibition is ConsentItem.MARKET_RESEARCH


def test_state_must_hold_every_item() -> None:
    with pytest.raises(ValueError):
        ConsentState(EMPTY_STATE.items[:3])


def test_evidence_is_required() -> None:
    with pytest.raises(ValidationFailed) as info:
        validate_evidence(Evidence(None, "", " "), TODAY)  # type: ignore[arg-type]
    assert set(info.value.errors) == {"received_on", "channel", "document_ref"}


def test_evidence_cannot_be_from_the_future() -> None:
    with pytest.raises(ValidationFailed) as info:
        validate_evidence(Evidence(date(2025, 6, 2), Channel.LETTER, "K-1"), TODAY)
    assert info.value.errors["received_on"].code == "date_future"


def test_evidence_is_cleaned() -> None:
    ok = validate_evidence(Evidence(TODAY, "email", "  scan  42 ", " note "), TODAY)  # type: ignore[arg-type]
    assert ok == Evidence(TODAY, Channel.EMAIL, "scan 42", "note")


def test_email_key_folds_case() -> None:
    assert email_key(" Matti.Meikalainen@Example.FI ") == "matti.meikalainen@example.fi"
