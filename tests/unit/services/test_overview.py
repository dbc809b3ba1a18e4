"""The summary header's one call, on a real migrated SQLite register."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from kkdesk.domain.consent import (
    ConsentItem,
    Evidence,
    MarketingChannel,
    MarketingPurpose,
    Reason,
)
from kkdesk.domain.enums import AuditAction, Channel
from kkdesk.domain.levels import Level
from kkdesk.domain.orders import OrderStatus
from kkdesk.domain.overview import ChannelState, channel_permissions
from kkdesk.domain.restriction import RestrictionGround
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.services import audit, consents, marketing, orders, overview, requests, restrictions
from kkdesk.services.session import DeskSession
from tests.orders_factory import standard_history


def _reads(ds: DeskSession, number: str) -> int:
    return sum(1 for e in audit.trail(ds, number) if e.action == AuditAction.READ)


def test_counts_open_orders_returns_and_requests_nearest_deadline_first(ds: DeskSession) -> None:
    number = standard_history(ds)
    shown = overview.overview(ds, number)
    expected = sum(
        o.status in (OrderStatus.OPEN, OrderStatus.SHIPPED) for o in orders.orders_of(ds, number)
    )
    assert shown.open_orders == expected == 2
    assert shown.open_returns == 0  # W-1's return is refunded
    assert shown.open_requests == ()
    today = requests.today()
    requests.add(ds, number, RequestKind.ACCESS, received_on=today,
                 channel=Channel.LETTER, identity_method="ID card")  # fmt: skip
    requests.add(ds, number, RequestKind.ERASURE, received_on=today - timedelta(days=20),
                 channel=Channel.EMAIL, identity_method="ID card")  # fmt: skip
    shown = overview.overview(ds, number)
    assert shown.open_requests is not None
    assert [r.kind for r in shown.open_requests] == [RequestKind.ERASURE, RequestKind.ACCESS]
    assert shown.open_requests[0].deadline < shown.open_requests[1].deadline


def test_marketing_is_the_consents_tabs_verdicts_and_restriction_is_said(
    ds: DeskSession,
) -> None:
    number = standard_history(ds)
    own = consents.load(ds, number)[0]
    shown = overview.overview(ds, number)
    from kkdesk.domain.consent import verdicts

    assert shown.verdicts == verdicts(own.state, own.suppressed_elsewhere)
    by_channel = {c.channel: c for c in channel_permissions(shown.verdicts)}
    assert by_channel[MarketingChannel.POST].state is ChannelState.ALLOWED
    assert by_channel[MarketingChannel.EMAIL].reason is Reason.NO_CONSENT
    assert not shown.restricted
    consents.record(ds, number, ConsentItem.RESTRICTION, True,
                    Evidence(date.today(), Channel.LETTER, "r-1", ""))  # fmt: skip
    shown = overview.overview(ds, number)
    assert shown.restricted and shown.restricted_since == date.today()
    assert shown.processing_restricted_since is None  # the hook of issue 15
    assert {c.state for c in channel_permissions(shown.verdicts or ())} == {
        ChannelState.NOT_ALLOWED
    }


def test_a_restriction_of_processing_stops_marketing_as_the_exports_do(
    ds: DeskSession, tmp_path: Path
) -> None:
    """The record's restriction (Art. 18, not a consent event) leaves the customer out of
    every export, so the summary says no marketing is allowed, and why, from when."""
    number = standard_history(ds)
    marketing_ds = DeskSession(ds.db, Level.MARKETING)

    def exported(name: str) -> bool:
        out = tmp_path / name
        marketing.export(marketing_ds, MarketingPurpose.DIRECT_ADVERTISING,
                         MarketingChannel.POST, out)  # fmt: skip
        return number in out.read_text(encoding="utf-8")

    assert exported("before.csv")
    post = [v for v in overview.overview(ds, number).verdicts or () if v.channel.value == "post"]
    assert post and all(v.allowed for v in post)

    restrictions.restrict(ds, number, RestrictionGround.ACCURACY_CONTESTED, "Osoite kiistetty")
    shown = overview.overview(ds, number)
    assert shown.processing_restricted_since == date.today()
    assert shown.verdicts and all(not v.allowed for v in shown.verdicts)
    assert {(v.reason, v.since) for v in shown.verdicts} == {(Reason.RESTRICTION, date.today())}
    assert not exported("after.csv")


def test_first_load_is_a_read_a_refresh_is_not(ds: DeskSession) -> None:
    number = standard_history(ds)
    reads = _reads(ds, number)
    overview.overview(ds, number)
    assert _reads(ds, number) == reads + 1
    overview.overview(ds, number, refresh=True)
    assert _reads(ds, number) == reads + 1


def test_parts_a_level_may_not_read_are_left_out(ds: DeskSession) -> None:
    number = standard_history(ds)
    clerk = overview.overview(DeskSession(ds.db, Level.CLERK), number)
    assert clerk.open_orders is not None
    assert clerk.open_requests is None  # requests are the privacy staff's
