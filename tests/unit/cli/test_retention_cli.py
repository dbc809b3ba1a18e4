"""``kkdesk retention run``: the dry run as of a day, the confirmation, --yes, the report."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kkdesk.cli import GROUPS, main
from kkdesk.services.session import DeskSession
from tests.orders_factory import OrderSpec, add_customer, add_orders
from tests.retention_factory import DUE_CUSTOMERS, build


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "retention", "run", *args])
    out, err = capsys.readouterr()
    return code, out, err


def orders(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT number FROM customer_order ORDER BY number")]
    finally:
        con.close()


def test_group_is_listed() -> None:
    assert "retention" in GROUPS


def test_dry_run_as_of_a_day_lists_and_writes_the_report(
    capsys: pytest.CaptureFixture[str], ds: DeskSession, db_path: Path, tmp_path: Path
) -> None:
    build(ds)
    ds.close()
    before = orders(db_path)
    report = tmp_path / "report.txt"
    code, out, err = run(capsys, db_path, "--dry-run", "--on", "2026-06-15", "--report",
                         str(report))  # fmt: skip
    assert code == 0
    assert f"{len(DUE_CUSTOMERS):>9,}  customers" in out and "Dry run" in out
    assert f"Report: {report}" in out and report.exists()
    # Progress goes through the four due and the four held (skipped, with the reasons).
    assert "kkdesk: customers: 8 of 8" in err
    assert f"{4:>9,}  more customers past it are held" in out
    assert "Skipped 4 customers past the period: legal hold (Art. 17(3)(e)) 1, open order 1" in out
    assert orders(db_path) == before


def test_json_counts(
    capsys: pytest.CaptureFixture[str], ds: DeskSession, db_path: Path, tmp_path: Path
) -> None:
    build(ds)
    ds.close()
    code, out, _ = run(capsys, db_path, "--dry-run", "--on", "2026-06-15", "--json",
                       "--report", str(tmp_path / "r.txt"))  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["listed"] == {"customers": 4, "vouchers": 1, "letters": 1}
    assert data["skipped"] == 4
    assert data["skip_reasons"] == {
        "legal_hold": 1, "open_order": 1, "open_return": 1, "processing_restricted": 1
    }  # fmt: skip
    assert data["dry_run"] is True


def test_apply_needs_a_terminal_or_yes(
    capsys: pytest.CaptureFixture[str],
    ds: DeskSession,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number = add_customer(ds)  # joined today: not due
    add_orders(ds, number, [OrderSpec("W-OLD", datetime(2010, 3, 1, tzinfo=UTC),
                                      status="delivered"),
                            OrderSpec("W-NEW", datetime.now(UTC), status="delivered")])  # fmt: skip
    ds.close()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _out, err = run(capsys, db_path, "--report", str(tmp_path / "r.txt"))
    assert code != 0 and "--yes" in err
    assert orders(db_path) == ["W-NEW", "W-OLD"] and not (tmp_path / "r.txt").exists()
    code, out, _ = run(capsys, db_path, "--on", "2030-01-01")
    assert code != 0
    code, out, _ = run(capsys, db_path, "--yes", "--quiet", "--report", str(tmp_path / "r.txt"))
    assert code == 0 and "removed 1 orders" in out
    assert orders(db_path) == ["W-NEW"]
    assert "order\tW-OLD\t2010-03-01\t" in (tmp_path / "r.txt").read_text(encoding="utf-8")
