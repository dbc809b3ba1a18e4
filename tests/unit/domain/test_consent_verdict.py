"""The effective result per purpose and channel, with the reason that decides it."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from kkdesk.domain.consent import (
    ConsentEvent,
    ConsentItem,
    MarketingChannel,
    MarketingPurpose,
    Reason,
    derive,
    verdict,
    verdicts,
)
from kkdesk.domain.enums import Channel

_ids = itertools.count(1)


def _event(item: ConsentItem, state: bool, on: date) -> ConsentEvent:
    return ConsentEvent(
        id=next(_ids),
        item=item,
        state=state,
        received_on=on,
        channel=Channel.LETTER,
        document_ref="DOC-1",
        note="",
        recorded_by="anna",
        recorded_at=datetime(2026, 10, 6, tzinfo=UTC),
    )


E, P = MarketingChannel.EMAIL, MarketingPurpose.DIRECT_ADVERTISING


def test_nothing_recorded() -> None:
    state = derive(())
    assert verdict(state, P, E) == verdict(state, P, E)
    v = verdict(state, P, E)
    assert (v.allowed, v.reason, v.item) == (False, Reason.NO_CONSENT, ConsentItem.EMAIL_MARKETING)
    post = verdict(state, P, MarketingChannel.POST)
    assert (post.allowed, post.reason) == (True, Reason.NOT_PROHIBITED)


def test_an_objection_decides_with_its_date() -> None:
    state = derive(
        [
            _event(ConsentItem.EMAIL_MARKETING, True, date(2026, 1, 2)),
            _event(ConsentItem.OBJECTION, True, date(2026, 10, 5)),
        ]
    )
    v = verdict(state, P, E)
    assert (v.allowed, v.reason, v.since) == (False, Reason.OBJECTION, date(2026, 10, 5))
    assert all(not x.allowed and x.reason is Reason.OBJECTION for x in verdicts(state))


def test_restriction_comes_before_objection_and_prohibition() -> None:
    state = derive(
        [
            _event(ConsentItem.OBJECTION, True, date(2026, 3, 1)),
            _event(ConsentItem.RESTRICTION, True, date(2026, 4, 1)),
            _event(ConsentItem.DIRECT_ADVERTISING, True, date(2026, 5, 1)),
        ]
    )
    assert verdict(state, P, E).reason is Reason.RESTRICTION


def test_a_consent_given_then_withdrawn() -> None:
    given_ = derive([_event(ConsentItem.EMAIL_MARKETING, True, date(2026, 1, 2))])
    v = verdict(given_, P, E)
    assert (v.allowed, v.reason, v.since) == (True, Reason.CONSENT_GIVEN, date(2026, 1, 2))
    withdrawn = derive(
        [
            _event(ConsentItem.EMAIL_MARKETING, True, date(2026, 1, 2)),
            _event(ConsentItem.EMAIL_MARKETING, False, date(2026, 2, 3)),
        ]
    )
    w = verdict(withdrawn, P, E)
    assert (w.allowed, w.reason, w.since) == (False, Reason.CONSENT_WITHDRAWN, date(2026, 2, 3))


def test_a_prohibition_names_its_purpose_only() -> None:
    state = derive([_event(ConsentItem.DIRECT_ADVERTISING, True, date(2026, 6, 1))])
    post = MarketingChannel.POST
    assert verdict(state, P, post).reason is Reason.PROHIBITED
    assert verdict(state, MarketingPurpose.GENEALOGY, post).allowed


def test_a_suppression_from_another_record() -> None:
    state = derive([_event(ConsentItem.EMAIL_MARKETING, True, date(2026, 1, 2))])
    v = verdict(state, P, E, frozenset({ConsentItem.EMAIL_MARKETING}))
    assert (v.allowed, v.reason) == (False, Reason.SUPPRESSED_ELSEWHERE)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(ConsentItem)),
            st.booleans(),
            st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 1)),
        ),
        max_size=12,
    )
)
def test_the_verdict_agrees_with_the_rules_of_the_export(
    history: list[tuple[ConsentItem, bool, date]],
) -> None:
    state = derive([_event(item, value, on) for item, value, on in history])
    for v in verdicts(state):
        assert v.allowed == state.allows(v.purpose, v.channel)


def test_the_records_restriction_of_processing_stops_every_purpose_on_every_channel() -> None:
    given_consent = derive([_event(ConsentItem.EMAIL_MARKETING, True, date(2026, 1, 5))])
    assert any(v.allowed for v in verdicts(given_consent))
    since = date(2026, 10, 5)
    stopped = verdicts(given_consent, processing_restricted_since=since)
    assert len(stopped) == len(MarketingPurpose) * len(MarketingChannel)
    assert {(v.allowed, v.reason, v.since) for v in stopped} == {(False, Reason.RESTRICTION, since)}
