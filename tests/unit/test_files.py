"""Every file kkdesk writes is 0600, and a folder it makes is 0700 (kkdesk.files).

The modes are read back with ``os.stat`` from real files: the register with its WAL and
shared-memory files, preferences and profiles, letters, the portability copy and the
marketing export. The umask is set to the usual 022 so that the test does not depend on
the caller's.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from kkdesk import files
from kkdesk.auth.profiles import Profile, remember_profile
from kkdesk.cli import main
from kkdesk.config import Preferences, config_dir
from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
from kkdesk.domain.levels import Level
from kkdesk.services import marketing, portability
from kkdesk.services.session import DeskSession, open_session
from kkdesk.store.database import default_sqlite_path


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_private_folder_makes_missing_parts_0700_and_leaves_existing_ones(
    tmp_path: Path,
) -> None:
    mine = tmp_path / "users-own"
    mine.mkdir(mode=0o755)
    files.private_folder(mine / "a" / "b")
    assert mode(mine) == 0o755  # the user's folder, left as it is
    assert mode(mine / "a") == mode(mine / "a" / "b") == 0o700


def test_write_private_is_0600_atomic_and_replaces_a_readable_file(tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    files.write_private(target, b"%PDF new")
    assert target.read_bytes() == b"%PDF new" and mode(target) == 0o600
    files.write_private(tmp_path / "t.json", "ä\n")
    assert (tmp_path / "t.json").read_text(encoding="utf-8") == "ä\n"
    assert mode(tmp_path / "t.json") == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf", "t.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "copy.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), files.writing(target) as out:
        out.write("half")
        raise RuntimeError("stopped")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["copy.json"]
    with pytest.raises(FileNotFoundError):
        files.write_private(tmp_path / "missing" / "x.json", "{}")
    err = files.unwritable(tmp_path / "missing" / "x.json", FileNotFoundError(2, "No such"))
    assert err.code == "no_such_folder"


def test_the_embedded_register_and_its_journal_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new-folder" / "register.sqlite3"
    ds = open_session(str(path), level=Level.ADMIN)
    try:
        with ds.db.session() as s:  # a write, so that SQLite makes its -wal and -shm
            s.execute(text("CREATE TABLE probe (x int)"))
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.exists() and shm.exists()
        assert mode(path.parent) == 0o700
        assert mode(path) == mode(wal) == mode(shm) == 0o600
    finally:
        ds.close()


def test_a_readable_register_from_before_is_made_private_on_open(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    path = folder / "old.sqlite3"
    sqlite3.connect(path).close()
    path.chmod(0o644)
    ds = open_session(str(path), level=Level.ADMIN)
    ds.close()
    assert mode(path) == 0o600
    # Journal files left beside it by a crash are made private before SQLite reads them.
    companions = [Path(f"{path}{suffix}") for suffix in files.SQLITE_COMPANIONS]
    for p in companions:
        p.touch(mode=0o644)
    files.prepare_sqlite_file(path)
    assert {mode(p) for p in companions} == {0o600}
    assert mode(folder) == 0o755  # a folder of the user's choosing is left as it is


def test_the_default_register_folder_is_0700_even_if_it_was_wider() -> None:
    folder = default_sqlite_path().parent
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    ds = open_session(None, level=Level.ADMIN)
    ds.close()
    assert mode(folder) == 0o700 and mode(default_sqlite_path()) == 0o600


def test_preferences_and_profiles_are_private() -> None:
    Preferences(language="fi").save()
    remember_profile(Profile("office", "db.example.fi", "kkdesk", sslmode="verify-full",
                             sslrootcert="/ca.pem"))  # fmt: skip
    assert mode(config_dir()) == 0o700
    assert mode(config_dir() / "preferences.json") == 0o600
    assert mode(config_dir() / "profiles.json") == 0o600


def test_exports_and_copies_are_private(demo_ds: DeskSession, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    out.mkdir(mode=0o755)
    csv_file = out / "post.csv"
    marketing.export(demo_ds, MarketingPurpose.GENEALOGY, MarketingChannel.POST, csv_file)
    with demo_ds.db.read() as s:
        number = s.execute(text("SELECT number FROM customer ORDER BY id LIMIT 1")).scalar_one()
    json_file = out / "copy.json"
    portability.export_to_file(demo_ds, number, json_file)
    assert mode(csv_file) == mode(json_file) == 0o600
    assert mode(out) == 0o755


def test_letters_written_by_the_command_line_are_private(db_path: Path, tmp_path: Path) -> None:
    notice = tmp_path / "notice.pdf"
    assert main(["--db", str(db_path), "report", "notice", "-o", str(notice)]) == 0
    assert mode(notice) == 0o600
    folder = tmp_path / "letters" / "today"
    assert main(["--db", str(db_path), "report", "access", "--requests", "open", "-o",
                 str(folder)]) == 0  # fmt: skip
    assert mode(folder) == mode(folder.parent) == 0o700


def test_a_file_that_is_no_register_keeps_its_mode(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    notes.chmod(0o644)
    files.prepare_sqlite_file(notes)
    assert mode(notes) == 0o644 and notes.read_text() == "not a database\n"
