"""The summary header's marketing line, per channel over every purpose, without Qt."""

from __future__ import annotations

from datetime import date

from kkdesk.domain.consent import (
    ConsentEvent,
    ConsentItem,
    ConsentState,
    MarketingChannel,
    Reason,
    derive,
    verdicts,
)
from kkdesk.domain.enums import Channel
from kkdesk.domain.overview import ChannelPermission, ChannelState, channel_permissions


def _event(item: ConsentItem, state: bool, day: date, id_: int = 1) -> ConsentEvent:
    from datetime import UTC, datetime

    return ConsentEvent(
        id=id_, contact_person_id=None, item=item, state=state, received_on=day,
        channel=Channel.LETTER, document_ref="r", note="",
        recorded_at=datetime(2026, 1, 1, tzinfo=UTC), recorded_by="anna",
    )  # fmt: skip


def _by_channel(state: ConsentState) -> dict[MarketingChannel, ChannelPermission]:
    return {c.channel: c for c in channel_permissions(verdicts(state))}


def test_nothing_recorded_post_and_phone_allowed_opt_in_channels_need_consent() -> None:
    got = _by_channel(ConsentState())
    assert got[MarketingChannel.POST].state is ChannelState.ALLOWED
    email = got[MarketingChannel.EMAIL]
    assert email.state is ChannelState.NOT_ALLOWED
    assert email.reason is Reason.NO_CONSENT


def test_one_prohibition_makes_a_channel_partly_allowed_without_one_reason() -> None:
    state = derive([_event(ConsentItem.MARKET_RESEARCH, True, date(2026, 3, 1))])
    post = _by_channel(state)[MarketingChannel.POST]
    assert post.state is ChannelState.PARTLY and post.reason is None


def test_an_objection_stops_every_channel_for_one_reason_with_its_date() -> None:
    state = derive([_event(ConsentItem.OBJECTION, True, date(2026, 10, 5))])
    for c in channel_permissions(verdicts(state)):
        assert c.state is ChannelState.NOT_ALLOWED
        assert (c.reason, c.since) == (Reason.OBJECTION, date(2026, 10, 5))
