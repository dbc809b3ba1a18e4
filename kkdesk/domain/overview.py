"""The customer at a glance: what the summary header above the open customer shows.

One frozen value built by one service call (:func:`kkdesk.services.overview.overview`):
the effective marketing permission (the same verdicts the consents tab shows), open
orders and returns, open data-subject requests with their deadlines, and a restriction in
force. A part the user's level may not read is ``None`` ("not shown"), never zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kkdesk.domain.consent import MarketingChannel, Reason, Verdict
from kkdesk.domain.subject_requests import RequestKind


@dataclass(frozen=True)
class OpenRequest:
    id: int
    kind: RequestKind
    deadline: date


@dataclass(frozen=True)
class Overview:
    number: str
    # Every marketing purpose on every channel for the customer itself (not its contact
    # persons): :func:`kkdesk.domain.consent.verdicts`. None: the level may not read them.
    verdicts: tuple[Verdict, ...] | None
    # GDPR Art. 18 restriction of processing recorded as a consent event: since when.
    restricted_since: date | None
    # Restriction of processing held on the record itself. Issue 15 adds it; until then
    # the service's hook (kkdesk.services.overview.processing_restriction) gives None.
    processing_restricted_since: date | None
    open_orders: int | None
    open_returns: int | None
    open_requests: tuple[OpenRequest, ...] | None  # nearest deadline first
    # A legal hold (Art. 17(3)(e)): no erasure while it is on. None: the level may not
    # know (marketing has no grant on legal_hold on the central database).
    legal_hold: bool | None = None

    @property
    def restricted(self) -> bool:
        return self.restricted_since is not None or self.processing_restricted_since is not None


class ChannelState(StrEnum):
    """One channel over all marketing purposes."""

    ALLOWED = "allowed"  # every purpose
    PARTLY = "partly"  # some purposes
    NOT_ALLOWED = "not_allowed"  # none


@dataclass(frozen=True)
class ChannelPermission:
    channel: MarketingChannel
    state: ChannelState
    # The reason when every purpose is decided by the same one (an objection, no consent),
    # else None: the header then names the state only and the tooltip has every verdict.
    reason: Reason | None
    since: date | None


def channel_permissions(verdicts: tuple[Verdict, ...]) -> tuple[ChannelPermission, ...]:
    """Per channel, in :class:`MarketingChannel` order: allowed for every purpose, for
    some, or for none, with the one reason when a single reason decides them all."""
    out = []
    for channel in MarketingChannel:
        mine = [v for v in verdicts if v.channel is channel]
        if not mine:
            continue
        allowed = sum(v.allowed for v in mine)
        if allowed == len(mine):
            state = ChannelState.ALLOWED
        elif allowed:
            state = ChannelState.PARTLY
        else:
            state = ChannelState.NOT_ALLOWED
        reasons = {(v.reason, v.since) for v in mine}
        reason, since = next(iter(reasons)) if len(reasons) == 1 else (None, None)
        out.append(ChannelPermission(channel, state, reason, since))
    return tuple(out)
