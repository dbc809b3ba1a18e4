"""The retention run on a real migrated SQLite register: what it lists at each boundary,
that a dry run changes nothing, and that applying does exactly what its report says."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied
from kkdesk.services import retention
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from tests.retention_factory import DUE_CUSTOMERS, DUE_ORDERS, SKIPPED_CUSTOMERS, TODAY, build


def report_lines(path: Path, kind: str, *, skipped: bool = False) -> dict[str, str]:
    """The report's lines of ``kind``: reference → outcome (without the customers skipped,
    or only those with ``skipped``)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 5 and parts[0] == kind and parts[4].startswith("skipped") == skipped:
            out[parts[1]] = parts[4]
    return out


def dump(ds: DeskSession) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: a dry run must leave all of it as it was."""
    with ds.db.read() as s:
        names = [r[0] for r in s.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ))]  # fmt: skip
        return {n: sorted(map(tuple, s.execute(text(f'SELECT * FROM "{n}"'))), key=repr)
                for n in names}  # fmt: skip


def test_plan_counts_each_kind_at_its_boundary(ds: DeskSession) -> None:
    build(ds)
    plan = retention.plan(ds, today=TODAY)
    assert plan.periods.customers_last_day.isoformat() == "2024-06-15"
    assert plan.periods.vouchers_last_day.isoformat() == "2019-06-30"
    assert plan.periods.letters_last_day.isoformat() == "2023-06-15"
    assert (plan.customers, plan.vouchers, plan.letters) == (len(DUE_CUSTOMERS),
                                                             len(DUE_ORDERS), 1)  # fmt: skip
    assert plan.skipped == len(SKIPPED_CUSTOMERS)


def test_dry_run_lists_exactly_the_due_and_changes_nothing(ds: DeskSession, tmp_path: Path) -> None:
    numbers = build(ds)
    before = dump(ds)
    seen: list[tuple[str, int, int]] = []
    out = retention.run(ds, dry_run=True, report=tmp_path / "r.txt", today=TODAY,
                        progress=lambda k, d, t: seen.append((k, d, t)), batch=2)  # fmt: skip
    assert dump(ds) == before  # not even an audit row
    customers = report_lines(out.report, "customer")
    assert set(customers) == {numbers[k] for k in DUE_CUSTOMERS}
    assert set(report_lines(out.report, "order")) == DUE_ORDERS
    assert len(report_lines(out.report, "letter")) == 1
    assert out.listed == {"customers": len(DUE_CUSTOMERS), "vouchers": 1, "letters": 1}
    assert out.done == {"customers": 0, "vouchers": 0, "letters": 0}
    text_ = out.report.read_text(encoding="utf-8")
    assert "Dry run: nothing was changed." in text_ and "customers to erase: 4" in text_
    assert stat.S_IMODE(out.report.stat().st_mode) == 0o600
    # Batches of two over the four due and the four skipped: 2, 4, ... 8 of 8.
    assert ("customers", 2, 8) in seen and ("customers", 8, 8) in seen
    assert report_lines(out.report, "customer", skipped=True) == {
        numbers[k]: f"skipped: {why}" for k, why in SKIPPED_CUSTOMERS.items()
    }


def erased(ds: DeskSession) -> set[str]:
    with ds.db.read() as s:
        return set(s.scalars(select(m.Customer.number).where(m.Customer.erased_at.is_not(None))))


def test_apply_does_what_its_report_says(ds: DeskSession, tmp_path: Path) -> None:
    numbers = build(ds)
    privacy = DeskSession(ds.db, Level.PRIVACY)
    already = erased(ds)
    out = retention.run(privacy, dry_run=False, report=tmp_path / "r.txt", today=TODAY, batch=1)
    customers = report_lines(out.report, "customer")
    assert customers == {numbers[k]: "erased" for k in DUE_CUSTOMERS}
    assert erased(ds) - already == set(customers)
    assert report_lines(out.report, "order") == {"V-DUE": "removed"}
    with ds.db.read() as s:
        orders = set(s.scalars(select(m.Order.number)))
        assert "V-DUE" not in orders
        assert {"V-KEPT", "V-OPEN", "O-OPEN", "O-RET", "O-DUE", "O-KEPT"} <= orders
        letters = [d.date().isoformat() for d in s.scalars(select(m.RequestLetter.created_at))]
        # The letter past its period went; the one a day younger (and any letter the
        # erasures archived today) stayed.
        assert "2023-06-15" not in letters and "2023-06-16" in letters
        details = set(s.scalars(select(m.AuditEvent.detail)))
    assert out.done == {"customers": len(DUE_CUSTOMERS), "vouchers": 1, "letters": 1}
    assert "customers erased: 4 of 4 listed" in out.report.read_text(encoding="utf-8")
    assert any(d.startswith("retention run: ") for d in details)
    assert "retention: orders past the accounting period removed" in details
    # A second run finds nothing left of the vouchers and letters.
    again = retention.plan(ds, today=TODAY)
    assert (again.customers, again.vouchers, again.letters) == (0, 0, 0)
    # The erased customer's order of 15.6.2024 stays for its accounting period, unlinked.
    with ds.db.read() as s:
        kept = s.execute(select(m.Order.customer_id, m.Order.erasure_id)
                         .where(m.Order.number == "O-DUE")).one()  # fmt: skip
    assert kept.erasure_id is not None


def test_an_admin_lists_customers_but_only_privacy_erases(ds: DeskSession, tmp_path: Path) -> None:
    numbers = build(ds)
    already = erased(ds)
    out = retention.run(ds, dry_run=False, report=tmp_path / "r.txt", today=TODAY)
    assert erased(ds) == already
    assert set(report_lines(out.report, "customer")) == {numbers[k] for k in DUE_CUSTOMERS}
    assert "your user level may not erase" in out.report.read_text(encoding="utf-8")
    assert out.done["vouchers"] == 1  # vouchers and letters are the admin's to remove


def test_cancelled_run_keeps_what_it_finished_and_says_so(ds: DeskSession, tmp_path: Path) -> None:
    build(ds)
    out = retention.run(ds, dry_run=True, report=tmp_path / "r.txt", today=TODAY, batch=1,
                        cancelled=lambda: True)  # fmt: skip
    assert out.cancelled and out.listed["customers"] == 1 and out.listed["vouchers"] == 0
    assert "cancelled" in out.report.read_text(encoding="utf-8")


@pytest.mark.parametrize("level", [Level.VIEWER, Level.CLERK, Level.MARKETING])
def test_only_privacy_and_admin_may_run(ds: DeskSession, level: Level, tmp_path: Path) -> None:
    other = DeskSession(ds.db, level)
    with pytest.raises(PermissionDenied):
        retention.plan(other, today=TODAY)
    with pytest.raises(PermissionDenied):
        retention.run(other, dry_run=True, report=tmp_path / "r.txt", today=TODAY)
    assert not (tmp_path / "r.txt").exists()
    assert retention.plan(DeskSession(ds.db, Level.PRIVACY), today=TODAY).customers == 0


def test_default_report_goes_to_a_private_folder(ds: DeskSession) -> None:
    out = retention.run(ds, dry_run=True, today=TODAY)
    assert out.report.exists() and stat.S_IMODE(out.report.parent.stat().st_mode) == 0o700
    with ds.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.AuditEvent)) == 0


def test_apply_skips_and_reports_the_held_and_erases_the_rest(
    ds: DeskSession, tmp_path: Path
) -> None:
    """A legal hold, a restriction of processing (Art. 18, the table and the older consent
    item), an open order or return: skipped with the reason, the run goes on."""
    from kkdesk.services import erasure, restrictions
    from tests.retention_factory import old_customer

    numbers = build(ds)
    privacy = DeskSession(ds.db, Level.PRIVACY)
    restricted, _ = old_customer(ds, "Rajoitettu")
    restrictions.restrict(privacy, restricted, "accuracy_contested", "address contested")
    held, _ = old_customer(ds, "Pidätetty")
    erasure.set_legal_hold(privacy, held, True, "a claim")
    out = retention.run(privacy, dry_run=False, report=tmp_path / "r.txt", today=TODAY, batch=3)
    skipped = report_lines(out.report, "customer", skipped=True)
    assert skipped == {
        **{numbers[k]: f"skipped: {why}" for k, why in SKIPPED_CUSTOMERS.items()},
        restricted: "skipped: restriction of processing in force (Art. 18)",
        held: "skipped: legal hold (Art. 17(3)(e))",
    }
    assert report_lines(out.report, "customer") == {numbers[k]: "erased" for k in DUE_CUSTOMERS}
    assert out.skipped == 6 and out.refused == 0 and out.error == ""
    assert out.skip_reasons == {
        "legal_hold": 2, "processing_restricted": 2, "open_order": 1, "open_return": 1
    }  # fmt: skip
    report = out.report.read_text(encoding="utf-8")
    assert "customers skipped: 6 (legal hold (Art. 17(3)(e)) 2; open order 1;" in report
    assert erased(ds) & (set(skipped)) == set()


def test_a_hold_that_comes_after_the_listing_skips_only_that_customer(
    ds: DeskSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chunk checks again under lock: a customer put on hold between the listing and
    the erasure (here written just before the chunk erases, in its transaction) is
    skipped and counted as refused; the others of the chunk are erased."""
    from datetime import UTC, datetime

    from kkdesk.services import erasure_batch

    numbers = build(ds)
    privacy = DeskSession(ds.db, Level.PRIVACY)
    target = numbers["due_joined_on_last_day"]
    real = erasure_batch.erase_many

    def hold_first(session: Any, who: DeskSession, ids: Any, reason: str, **kw: Any) -> Any:
        cid = session.scalar(select(m.Customer.id).where(m.Customer.number == target))
        session.add(m.LegalHold(customer_id=cid, active=True, reason="late", recorded_by="t",
                                recorded_at=datetime.now(UTC)))  # fmt: skip
        session.flush()
        return real(session, who, ids, reason, **kw)

    monkeypatch.setattr(erasure_batch, "erase_many", hold_first)
    out = retention.run(privacy, dry_run=False, report=tmp_path / "r.txt", today=TODAY)
    assert out.refused == 1
    assert report_lines(out.report, "customer", skipped=True)[target].startswith("skipped: legal")
    assert target not in erased(ds)
    assert out.done["customers"] == len(DUE_CUSTOMERS) - 1


def test_a_run_that_fails_mid_chunk_keeps_whole_chunks_only(
    ds: DeskSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second chunk fails after all its statements ran: the first chunk stays erased,
    nothing of the second is (no erasure record, no blanked row), the report says so."""
    from kkdesk.store import erasure_batch as batch_store

    numbers = build(ds)
    privacy = DeskSession(ds.db, Level.PRIVACY)
    already = erased(ds)
    real = batch_store.erase_customers
    calls: list[int] = []

    def fail_second(*args: Any, **kwargs: Any) -> Any:
        done = real(*args, **kwargs)
        calls.append(len(done))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return done

    monkeypatch.setattr(batch_store, "erase_customers", fail_second)
    with pytest.raises(RuntimeError):
        retention.run(privacy, dry_run=False, report=tmp_path / "r.txt", today=TODAY, batch=2)
    first = erased(ds) - already
    with ds.db.read() as s:
        records = s.scalar(select(func.count()).select_from(m.ErasureRow))
        blank = s.scalar(select(func.count()).where(m.Customer.surname == ""))
    assert len(first) == calls[0] and records == len(already) + calls[0]
    assert blank == len(already) + calls[0]  # the second chunk's customers keep their names
    assert set(report_lines(tmp_path / "r.txt", "customer")) == first
    assert "stopped on an error: disk full" in (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert {numbers[k] for k in DUE_CUSTOMERS} > first
