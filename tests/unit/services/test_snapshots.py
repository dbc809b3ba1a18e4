"""Offline snapshots on the embedded register: made, opened, read-only, refused when bad."""

from __future__ import annotations

import base64
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from kkdesk.auth.testing import MemoryKeyring, memory_keyring
from kkdesk.domain.customer import Customer, CustomerDraft
from kkdesk.domain.enums import AuditAction, DataSource, Purpose
from kkdesk.domain.levels import Capability, Level
from kkdesk.errors import KnownError
from kkdesk.services import (
    access_report,
    audit,
    consents,
    customers,
    offline_reads,
    record,
    snapshots,
    timeline,
)
from kkdesk.services.session import DeskSession
from kkdesk.services.snapshots import Selection
from kkdesk.store.models import AuditEvent
from kkdesk.store.sealed import SealedFileError


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with memory_keyring() as backend:
        yield backend


def _numbers(ds: DeskSession, n: int) -> list[str]:
    page = customers.search(ds, "a", limit=n)
    return [s.number for s in page.rows]


def _view(ds: DeskSession, number: str) -> dict[str, Any]:
    """What the desk and the command line show of one customer."""
    doc = record.customer_record(ds, number, purpose=Purpose.CUSTOMER_SERVICE)
    doc.pop("generated_by")
    out: dict[str, Any] = {"record": doc}
    out["consents"] = consents.load(ds, number)
    if ds.can(Capability.READ_ORDERS):
        out["timeline"] = timeline.timeline(ds, number)
    return out


def test_round_trip_shows_what_the_register_shows(
    demo_ds: DeskSession, ring: MemoryKeyring, tmp_path: Path
) -> None:
    numbers = _numbers(demo_ds, 25)
    letter = access_report.build(demo_ds, numbers[0], letter_date=datetime(2026, 12, 2).date())
    live = {n: _view(demo_ds, n) for n in numbers}
    path = tmp_path / "snaps" / "review.kksnap"
    result = snapshots.create(demo_ds, path, Selection(numbers=tuple(numbers)), days=3)
    assert result.customers == 25
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    offline = snapshots.open_snapshot(path)
    try:
        assert offline.read_only and offline.offline is not None
        assert offline.offline.customers == 25
        assert offline.level is Level.ADMIN
        off_letter = access_report.build(
            offline, numbers[0], letter_date=datetime(2026, 12, 2).date()
        )
        assert off_letter.customer == letter.customer
        assert off_letter.orders == letter.orders
        for n in numbers:
            assert _view(offline, n) == live[n]
        # The same search, over the snapshot's customers only.
        hits = {s.number for s in customers.search(offline, "a", limit=1000).rows}
        assert hits == set(numbers)
    finally:
        offline.close()


def test_making_one_is_audited(demo_ds: DeskSession, ring: MemoryKeyring, tmp_path: Path) -> None:
    numbers = _numbers(demo_ds, 3)
    result = snapshots.create(
        demo_ds, tmp_path / "s.kksnap", Selection(numbers=tuple(numbers)), days=14
    )
    with demo_ds.db.read() as session:
        rows = session.execute(
            select(AuditEvent.customer_number, AuditEvent.action, AuditEvent.detail).where(
                AuditEvent.action == AuditAction.EXPORT.value
            )
        ).all()
    assert {r.customer_number for r in rows} == set(numbers)
    expires = f"{result.expires:%Y-%m-%d}"
    assert all("offline snapshot" in r.detail and expires in r.detail for r in rows)


def test_file_holds_no_personal_data(
    demo_ds: DeskSession, ring: MemoryKeyring, tmp_path: Path
) -> None:
    numbers = _numbers(demo_ds, 40)
    shown = [customers.get(demo_ds, n, purpose=Purpose.CUSTOMER_SERVICE) for n in numbers]
    path = tmp_path / "s.kksnap"
    snapshots.create(demo_ds, path, Selection(numbers=tuple(numbers)))
    data = path.read_bytes()
    assert b"SQLite format" not in data
    for c in shown:
        for value in (c.surname, c.first_names, c.email, c.phone_mobile, c.street, c.company_name):
            if value and len(value) >= 4:
                assert value.encode() not in data, value
                assert value.encode("utf-16-le") not in data, value


def _corrupt(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "flipped":
        data[len(data) // 2] ^= 0x01
    else:
        del data[len(data) - 100 :]
    path.write_bytes(bytes(data))


def test_each_refusal_has_its_own_code(
    demo_ds: DeskSession, ring: MemoryKeyring, tmp_path: Path
) -> None:
    numbers = _numbers(demo_ds, 5)
    path = tmp_path / "s.kksnap"
    made = snapshots.create(demo_ds, path, Selection(numbers=tuple(numbers)), days=2)
    original = path.read_bytes()
    codes: dict[str, str] = {}

    def refusal(**kwargs: Any) -> str:
        with pytest.raises(KnownError) as refused:
            snapshots.open_snapshot(path, **kwargs).close()
        return refused.value.code

    for how in ("flipped", "truncated"):
        _corrupt(path, how)
        codes[how] = refusal()
        path.write_bytes(original)
    key = ring.secrets[("kkdesk-keys", made.key_id)]
    ring.secrets[("kkdesk-keys", made.key_id)] = "A" * 43 + "="  # another 32-byte key
    codes["wrong key"] = refusal()
    del ring.secrets[("kkdesk-keys", made.key_id)]
    codes["no key"] = refusal()
    ring.secrets[("kkdesk-keys", made.key_id)] = key
    (tmp_path / "notes.txt").write_text("not a snapshot")
    with pytest.raises(SealedFileError) as foreign:
        snapshots.open_snapshot(tmp_path / "notes.txt")
    codes["foreign"] = foreign.value.code
    assert codes == {
        "flipped": "sealed_damaged",
        "truncated": "sealed_truncated",
        "wrong key": "sealed_wrong_key",
        "no key": "snapshot_no_key",
        "foreign": "sealed_foreign",
    }
    snapshots.open_snapshot(path).close()  # the original still opens
    # Expired: refused, and (nothing left to deliver) its key leaves the keyring.
    offline_reads.journal_path(made.key_id).unlink(missing_ok=True)
    assert refusal(now=datetime.now(UTC) + timedelta(days=3)) == "snapshot_expired"
    assert ("kkdesk-keys", made.key_id) not in ring.secrets
    assert refusal() == "snapshot_no_key"


def test_offline_session_refuses_every_write(
    desk_like: tuple[DeskSession, Customer], ring: MemoryKeyring, tmp_path: Path
) -> None:
    ds, known = desk_like
    path = tmp_path / "s.kksnap"
    snapshots.create(ds, path, Selection(numbers=(known.number,)))
    offline = snapshots.open_snapshot(path)
    try:
        opened = customers.get(offline, known.number, purpose=Purpose.CUSTOMER_SERVICE)
        writes = {
            "update": lambda: customers.update(
                offline,
                known.number,
                opened.to_draft(),
                expected_version=opened.version,
                source=DataSource.CUSTOMER_PHONE,
            ),
            "create": lambda: customers.create(
                offline,
                CustomerDraft(surname="Uusi", first_names="U"),
                source=DataSource.CUSTOMER_PHONE,
            ),
            "snapshot": lambda: snapshots.create(
                offline, tmp_path / "again.kksnap", Selection(numbers=(known.number,))
            ),
        }
        for name, write in writes.items():
            with pytest.raises(KnownError) as refused:
                write()
            assert refused.value.code == "offline_read_only", name
        # Below the services: SQLite itself refuses a write on the snapshot's database.
        with pytest.raises(KnownError) as below, offline.db.session() as session:
            session.execute(text("update customer set surname = 'X'"))
        assert below.value.code == "offline_read_only"
        for capability in (
            Capability.EDIT_CUSTOMERS,
            Capability.RECORD_CONSENTS,
            Capability.MARKETING_EXPORT,
            Capability.ERASE,
        ):
            assert not offline.can(capability)
    finally:
        offline.close()


@pytest.fixture
def desk_like(demo_ds: DeskSession) -> tuple[DeskSession, Customer]:
    created = customers.create(
        demo_ds,
        CustomerDraft(
            surname="Offlinen",
            first_names="Olli",
            street="Junakatu 3",
            postal_code="00100",
            post_office="HELSINKI",
            email="olli.offlinen@example.fi",
        ),
        source=DataSource.CUSTOMER_PHONE,
    )
    return demo_ds, created


def test_offline_reads_are_journaled_and_delivered(
    desk_like: tuple[DeskSession, Customer], ring: MemoryKeyring, tmp_path: Path
) -> None:
    ds, known = desk_like
    path = tmp_path / "s.kksnap"
    made = snapshots.create(ds, path, Selection(numbers=(known.number,)))
    offline = snapshots.open_snapshot(path)
    try:
        customers.get(offline, known.number, purpose=Purpose.ORDER_HANDLING)
    finally:
        offline.close()
    journal = offline_reads.journal_path(made.key_id)
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    assert known.surname.encode() not in journal.read_bytes()
    assert known.number.encode() not in journal.read_bytes()
    assert [e.customer_number for e in offline_reads.pending(ds)] == [known.number]
    assert offline_reads.deliver(ds) == 1
    assert offline_reads.deliver(ds) == 0
    assert not journal.exists()
    trail = audit.trail(ds, known.number)
    offline_rows = [e for e in trail if e.detail.startswith("offline read")]
    assert len(offline_rows) == 1
    assert offline_rows[0].action == AuditAction.READ.value
    assert offline_rows[0].purpose == Purpose.ORDER_HANDLING.value


def test_levels_take_only_what_they_may_read(
    demo_ds: DeskSession, ring: MemoryKeyring, tmp_path: Path
) -> None:
    number = _numbers(demo_ds, 1)[0]
    marketing = DeskSession(demo_ds.db, Level.MARKETING)
    path = tmp_path / "m.kksnap"
    snapshots.create(marketing, path, Selection(numbers=(number,)))
    offline = snapshots.open_snapshot(path)
    try:
        assert offline.level is Level.MARKETING
        with pytest.raises(KnownError) as denied:
            customers.history(offline, number)
        assert denied.value.code == "permission_denied"
        doc = record.customer_record(offline, number, purpose=Purpose.MARKETING)
        assert "record" in doc.get("withheld", []) or "orders" in doc.get("withheld", [])
        with pytest.raises(KnownError) as audit_denied, offline.db.read() as session:
            session.execute(select(AuditEvent.id)).all()
        assert audit_denied.value.code == "permission_denied"
    finally:
        offline.close()


def test_bad_selections_make_nothing(
    demo_ds: DeskSession, ring: MemoryKeyring, tmp_path: Path
) -> None:
    path = tmp_path / "s.kksnap"
    for selection, code in (
        (Selection(numbers=("999999999",)), "snapshot_unknown_customers"),
        (Selection(), "snapshot_no_selection"),
        (Selection(query="zzzzqqqxxx"), "snapshot_empty"),
    ):
        with pytest.raises(KnownError) as refused:
            snapshots.create(demo_ds, path, selection)
        assert refused.value.code == code
    with pytest.raises(KnownError) as days:
        snapshots.create(demo_ds, path, Selection(query="a"), days=400)
    assert days.value.code == "snapshot_days"
    assert not path.exists() and not ring.secrets


def test_cli_snapshot_create_and_info(
    demo_ds: DeskSession,
    ring: MemoryKeyring,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kkdesk.cli import main as cli_main

    db = str(demo_ds.db.url.database)
    numbers = ",".join(_numbers(demo_ds, 3))
    out = tmp_path / "cli.kksnap"
    args = ["--db", db, "snapshot", "create", "-o", str(out), "--customers", numbers]
    assert cli_main([*args, "--expires", "3"]) == 0
    assert "Snapshot of 3 customers" in capsys.readouterr().out
    assert cli_main(["snapshot", "info", str(out)]) == 0
    info = capsys.readouterr().out
    assert "Offline snapshot of 3 customers" in info and "(valid)" in info
    assert cli_main([*args]) == 1  # the file exists: refused, not overwritten
    assert "exists already" in capsys.readouterr().err
    again = tmp_path / "q.kksnap"
    assert cli_main(["--db", db, "snapshot", "create", "-o", str(again), "--query", "a"]) == 0
    assert cli_main(["--db", db, "snapshot", "create", "-o", str(again), "--requests", "open"]) == 1


def test_snapshot_argument_opens_the_desk() -> None:
    from kkdesk.app import _snapshot_argument
    from kkdesk.cli import build_parser

    assert _snapshot_argument(["--snapshot", "a.kksnap"]) == "a.kksnap"
    assert _snapshot_argument(["--snapshot=a.kksnap"]) == "a.kksnap"
    assert _snapshot_argument(["snapshot", "info", "a.kksnap"]) is None
    assert "--snapshot FILE" in build_parser().format_help()


def test_without_a_keyring_nothing_is_made_or_audited(demo_ds: DeskSession, tmp_path: Path) -> None:
    from kkdesk.auth.testing import no_keyring

    number = _numbers(demo_ds, 1)[0]
    path = tmp_path / "s.kksnap"
    with no_keyring(), pytest.raises(KnownError) as refused:
        snapshots.create(demo_ds, path, Selection(numbers=(number,)))
    assert refused.value.code == "keyring_unavailable"
    assert not path.exists() and not list(tmp_path.glob(".s.kksnap*"))
    with demo_ds.db.read() as session:
        exported = session.scalars(
            select(AuditEvent.id).where(AuditEvent.action == AuditAction.EXPORT.value)
        ).all()
    assert not exported


def test_any_audit_insert_offline_goes_to_the_journal(
    demo_ds: DeskSession, ring: MemoryKeyring, tmp_path: Path
) -> None:
    """Below the services: however a service writes its audit rows (one, or many in one
    statement), offline they reach the journal, not the read-only database."""
    numbers = _numbers(demo_ds, 3)
    path = tmp_path / "s.kksnap"
    made = snapshots.create(demo_ds, path, Selection(numbers=tuple(numbers)))
    offline = snapshots.open_snapshot(path)
    try:
        with offline.db.session() as session:
            audit.record_many(session, offline, numbers, AuditAction.READ, "marketing", "list")
            audit.record(session, offline, numbers[0], AuditAction.READ, "order_handling")
        with offline.db.read() as session:
            stored = session.scalars(select(AuditEvent.id).where(AuditEvent.detail == "list"))
            assert not stored.all()
    finally:
        offline.close()
    assert offline.offline is not None
    key = ring.get_password("kkdesk-keys", made.key_id)
    assert key is not None
    journal = offline_reads.Journal(offline.offline, base64.b64decode(key))
    read = [(e.customer_number, e.purpose, e.detail) for e in journal.entries()]
    assert read == [(n, "marketing", "list") for n in numbers] + [
        (numbers[0], "order_handling", "")
    ]
