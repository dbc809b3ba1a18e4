"""The summary header's one call on a real PostgreSQL server, for every user level: each
level gets the parts its grants allow (never a refusal), and a refresh writes no read."""

from __future__ import annotations

from typing import Any

import pytest

from kkdesk.domain.consent import Reason
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import AuditAction, DataSource
from kkdesk.domain.levels import Capability, Level
from kkdesk.domain.restriction import RestrictionGround
from kkdesk.services import audit, customers, overview, requests, restrictions

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def world(pg_db_module: Any) -> dict[str, Any]:
    staff = {level: pg_db_module.add_user(level) for level in Level}
    sessions = {level: pg_db_module.session(user) for level, user in staff.items()}
    draft = CustomerDraft(surname="Yhteenveto", first_names="Ylva", street="Tie 1",
                          postal_code="00100", post_office="Helsinki")  # fmt: skip
    number = customers.create(sessions[Level.CLERK], draft, source=DataSource.CUSTOMER_PHONE).number
    requests.add(sessions[Level.PRIVACY], number, "access", received_on=requests.today(),
                 channel="letter", identity_method="ID card")  # fmt: skip
    return {"number": number, "sessions": sessions}


@pytest.mark.parametrize("level", list(Level))
def test_every_level_gets_the_parts_it_may_read(world: dict[str, Any], level: Level) -> None:
    ds = world["sessions"][level]
    shown = overview.overview(ds, world["number"], refresh=True)
    assert shown.verdicts is not None
    assert (shown.open_orders is not None) == ds.can(Capability.READ_ORDERS)
    assert (shown.open_requests is not None) == ds.can(Capability.SUBJECT_REPORTS)
    if shown.open_requests is not None:
        assert len(shown.open_requests) == 1


def test_a_refresh_writes_no_read_on_the_server(world: dict[str, Any]) -> None:
    sessions, number = world["sessions"], world["number"]

    def reads() -> int:
        trail = audit.trail(sessions[Level.PRIVACY], number)
        return sum(1 for e in trail if e.action == AuditAction.READ)

    before = reads()
    overview.overview(sessions[Level.CLERK], number)
    assert reads() == before + 1
    overview.overview(sessions[Level.CLERK], number, refresh=True)
    assert reads() == before + 1


def test_a_restriction_of_processing_stops_marketing_in_the_summary(pg_db_module: Any) -> None:
    """The server's one-statement summary reads the record's restriction (Art. 18) and says
    no marketing is allowed while it is in force, as the exports leave the customer out."""
    privacy = pg_db_module.session(pg_db_module.add_user(Level.PRIVACY))
    clerk = pg_db_module.session(pg_db_module.add_user(Level.CLERK))
    draft = CustomerDraft(surname="Rajoitus", first_names="Rauni", street="Tie 2",
                          postal_code="00100", post_office="Helsinki")  # fmt: skip
    number = customers.create(clerk, draft, source=DataSource.CUSTOMER_PHONE).number
    assert any(v.allowed for v in overview.overview(clerk, number, refresh=True).verdicts or ())
    restrictions.restrict(privacy, number, RestrictionGround.ACCURACY_CONTESTED, "Kiistetty")
    shown = overview.overview(clerk, number, refresh=True)
    assert shown.processing_restricted_since is not None
    assert shown.verdicts and {(v.allowed, v.reason) for v in shown.verdicts} == {
        (False, Reason.RESTRICTION)
    }
