"""Backups and restores of the embedded register (real SQLite files, a real writer)."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kkdesk.auth.testing import memory_keyring
from kkdesk.cli import main as cli_main
from kkdesk.errors import KnownError
from kkdesk.services import backups
from kkdesk.services.session import DeskSession
from kkdesk.store.backup import BackupRefused
from kkdesk.store.sealed import SealedFileError


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _register(ds: DeskSession) -> Path:
    return Path(str(ds.db.url.database))


def test_backup_is_private_and_restores(demo_ds: DeskSession, tmp_path: Path) -> None:
    register = _register(demo_ds)
    dest = tmp_path / "new" / "folder" / "b.sqlite3"
    result = backups.backup(register, dest)
    assert result.customers == 300
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert stat.S_IMODE(dest.parent.stat().st_mode) == 0o700
    target = tmp_path / "restored.sqlite3"
    restored = backups.restore(target, dest, confirm=lambda plan: True)
    assert restored is not None and restored.customers == 300 and restored.kept_aside is None
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_backup_while_another_connection_writes_is_consistent(
    demo_ds: DeskSession, tmp_path: Path
) -> None:
    register = _register(demo_ds)
    stop = threading.Event()
    batches = 0

    def writer() -> None:
        # Each transaction adds 40 audit rows of one batch: a consistent copy holds only
        # whole batches.
        nonlocal batches
        conn = sqlite3.connect(register, timeout=30)
        while not stop.is_set():
            with conn:
                conn.executemany(
                    "insert into audit_event (at, actor, customer_number, action, purpose, "
                    "detail) values ('2026-12-02 10:00:00', 'w', '1', 'read', '', ?)",
                    [(f"batch {batches}",)] * 40,
                )
            batches += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while batches < 5:
            threading.Event().wait(0.01)
        copies = [backups.backup(register, tmp_path / f"b{i}.sqlite3").path for i in range(3)]
    finally:
        stop.set()
        thread.join()
    for i, copy in enumerate(copies):
        target = tmp_path / f"restored{i}.sqlite3"
        backups.restore(target, copy, confirm=lambda plan: True)
        conn = sqlite3.connect(target)
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        counts = conn.execute(
            "select count(*) from audit_event where actor = 'w' group by detail"
        ).fetchall()
        conn.close()
        assert counts and all(n == 40 for (n,) in counts)


def _foreign(tmp_path: Path) -> Path:
    path = tmp_path / "foreign.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("create table notes (body text)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind", ["flipped", "truncated", "foreign", "text", "newer", "empty"])
def test_restore_refuses_bad_files_and_changes_nothing(
    demo_ds: DeskSession, tmp_path: Path, kind: str
) -> None:
    register = _register(demo_ds)
    good = backups.backup(register, tmp_path / "good.sqlite3").path
    bad = tmp_path / "bad.sqlite3"
    data = bytearray(good.read_bytes())
    if kind == "flipped":
        for offset in range(len(data) // 3, len(data) // 3 + 4096 * 4, 97):
            data[offset] ^= 0xFF
        bad.write_bytes(bytes(data))
    elif kind == "truncated":
        bad.write_bytes(bytes(data[: len(data) // 2]))
    elif kind == "foreign":
        bad = _foreign(tmp_path)
    elif kind == "text":
        bad.write_text("surname;first_names\nVirtanen;Matti\n")
    elif kind == "empty":
        bad.write_bytes(b"")
    else:
        conn = sqlite3.connect(good)
        conn.execute("update alembic_version set version_num = 'ffff'")
        conn.commit()
        conn.close()
        bad = good
    target = tmp_path / "target.sqlite3"
    backups.backup(register, target)
    before = _digest(target)
    asked: list[object] = []
    with pytest.raises(BackupRefused) as refused:
        backups.restore(target, bad, confirm=lambda plan: asked.append(plan) or True)
    assert refused.value.code in {
        "backup_damaged",
        "backup_foreign",
        "backup_newer",
        "backup_unreadable",
    }
    if kind == "newer":
        assert refused.value.code == "backup_newer"
    if kind == "foreign":
        assert refused.value.code == "backup_foreign"
    assert not asked
    assert _digest(target) == before
    assert not list(tmp_path.glob("target.replaced-*"))


def test_restore_keeps_the_replaced_register_aside(demo_ds: DeskSession, tmp_path: Path) -> None:
    register = _register(demo_ds)
    backup = backups.backup(register, tmp_path / "b.sqlite3").path
    target = tmp_path / "target.sqlite3"
    sqlite3.connect(_foreign(tmp_path)).close()
    target.write_bytes((tmp_path / "foreign.sqlite3").read_bytes())
    before = _digest(target)
    assert backups.restore(target, backup, confirm=lambda plan: False) is None
    assert _digest(target) == before
    result = backups.restore(target, backup, confirm=lambda plan: plan.target_exists)
    assert result is not None and result.kept_aside is not None
    assert _digest(result.kept_aside) == before
    assert stat.S_IMODE(result.kept_aside.stat().st_mode) == 0o600
    conn = sqlite3.connect(target)
    assert conn.execute("select count(*) from customer").fetchone()[0] == 300
    conn.close()


def test_encrypted_backup_needs_the_key(demo_ds: DeskSession, tmp_path: Path) -> None:
    register = _register(demo_ds)
    with memory_keyring() as ring:
        result = backups.backup(register, tmp_path / "b.kkbackup", encrypt=True)
        data = result.path.read_bytes()
        assert b"SQLite format 3" not in data
        assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
        target = tmp_path / "restored.sqlite3"
        assert backups.restore(target, result.path, confirm=lambda plan: plan.encrypted)
        flipped = bytearray(data)
        flipped[len(data) // 2] ^= 1
        (tmp_path / "flipped.kkbackup").write_bytes(bytes(flipped))
        with pytest.raises(SealedFileError) as damaged:
            backups.plan_restore(target, tmp_path / "flipped.kkbackup")
        assert damaged.value.code == "sealed_damaged"
        ring.secrets.clear()
        with pytest.raises(KnownError) as no_key:
            backups.plan_restore(target, result.path)
        assert no_key.value.code == "backup_no_key"


def test_reminder_follows_the_last_backup(demo_ds: DeskSession, tmp_path: Path) -> None:
    register = _register(demo_ds)
    assert backups.backup_overdue(register, 7)
    assert not backups.backup_overdue(register, 0)
    backups.backup(register, tmp_path / "b.sqlite3")
    assert not backups.backup_overdue(register, 7)
    later = datetime.now(UTC) + timedelta(days=8)
    assert backups.backup_overdue(register, 7, now=later)


def test_cli_restore_asks_first(
    demo_ds: DeskSession, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = _register(demo_ds)
    out = tmp_path / "b.sqlite3"
    assert cli_main(["--db", str(register), "backup", "-o", str(out)]) == 0
    target = tmp_path / "t.sqlite3"
    backups.backup(register, target)
    before = _digest(target)
    # No terminal (pytest's stdin) and no --yes: refused, nothing changed.
    assert cli_main(["--db", str(target), "restore", str(out)]) == 1
    assert "--yes" in capsys.readouterr().err
    assert _digest(target) == before
    assert cli_main(["--db", str(target), "restore", str(out), "--yes"]) == 0
    assert "kept as" in capsys.readouterr().out
    assert cli_main(["--db", "postgresql://u@h/d", "backup", "-o", str(tmp_path / "x")]) == 1


_WRITER = """
import sqlite3, sys, pathlib
register, stop = sys.argv[1], pathlib.Path(sys.argv[2])
conn = sqlite3.connect(register, timeout=30)
n = 0
while not stop.exists():
    with conn:
        conn.executemany(
            "insert into audit_event (at, actor, customer_number, action, purpose, detail) "
            "values ('2026-12-02 10:00:00', 'p', '1', 'read', '', ?)",
            [(f"batch {n}",)] * 40,
        )
    n += 1
    if n == 3:
        pathlib.Path(sys.argv[2] + ".started").touch()
"""


def test_backup_while_another_process_writes_is_consistent(
    demo_ds: DeskSession, tmp_path: Path
) -> None:
    import subprocess
    import sys
    import time

    register = _register(demo_ds)
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(register), str(stop)])
    try:
        deadline = time.monotonic() + 30
        while not Path(str(stop) + ".started").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        copy = backups.backup(register, tmp_path / "b.sqlite3").path
    finally:
        stop.touch()
        writer.wait(30)
    target = tmp_path / "restored.sqlite3"
    backups.restore(target, copy, confirm=lambda plan: True)
    conn = sqlite3.connect(target)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    counts = conn.execute(
        "select count(*) from audit_event where actor = 'p' group by detail"
    ).fetchall()
    conn.close()
    assert counts and all(n == 40 for (n,) in counts)


def test_a_backup_from_an_older_schema_restores_and_is_brought_up_to_date(
    demo_ds: DeskSession, tmp_path: Path
) -> None:
    # A backup taken before a later migration (here: 0020's customer_merge and
    # customer.merged_into) lacks that migration's table and column; it is still a
    # register, and opening it upgrades it.
    from kkdesk.services.session import open_session
    from kkdesk.store import migrate

    backup = backups.backup(_register(demo_ds), tmp_path / "b.sqlite3").path
    conn = sqlite3.connect(backup)
    conn.execute("drop table customer_merge")
    conn.execute("drop index ix_customer_merged_into")
    conn.execute("alter table customer drop column merged_into")
    conn.execute("update alembic_version set version_num = '0019'")
    conn.commit()
    conn.close()
    target = tmp_path / "restored.sqlite3"
    restored = backups.restore(target, backup, confirm=lambda plan: True)
    assert restored is not None and restored.customers == 300
    ds = open_session(str(target))
    try:
        assert migrate.current_revision(ds.db) == migrate.head_revision(ds.db)
    finally:
        ds.close()
