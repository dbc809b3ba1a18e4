"""The life-cycle features agree (issue 15): a customer whose processing is restricted
(Art. 18) is kept — not listed by the retention run, not erased, not merged — until the
restriction is lifted."""

from __future__ import annotations

from pathlib import Path

from kkdesk.domain.levels import Level
from kkdesk.domain.restriction import RestrictionGround
from kkdesk.services import restrictions, retention
from kkdesk.services.session import DeskSession
from tests.retention_factory import DUE_CUSTOMERS, TODAY, build


def test_the_retention_run_keeps_a_restricted_customer_until_lifted(
    ds: DeskSession, tmp_path: Path
) -> None:
    numbers = build(ds)
    privacy = DeskSession(ds.db, Level.PRIVACY)
    held = numbers["due_order_on_last_day"]
    restrictions.restrict(
        privacy, held, RestrictionGround.LEGAL_CLAIMS, "needs the data for a claim"
    )
    assert retention.plan(ds, today=TODAY).customers == len(DUE_CUSTOMERS) - 1
    out = retention.run(privacy, dry_run=False, report=tmp_path / "r.txt", today=TODAY)
    # Listed as skipped with its reason, never erased.
    lines = [x for x in out.report.read_text(encoding="utf-8").splitlines() if held in x]
    assert lines and all("skipped: restriction of processing" in x for x in lines)
    assert out.refused == 0 and out.done["customers"] == len(DUE_CUSTOMERS) - 1
    notice = restrictions.make_lift_notice(privacy, held)
    restrictions.lift(privacy, held, notice.letter_id)
    assert retention.plan(ds, today=TODAY).customers == 1
