"""``kkdesk --version`` and ``--help`` start fast: they import no Qt, no database layer and
no reportlab (the times themselves are bench rows: bench/bench_startup.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kkdesk import cli

HEAVY = {"PySide6", "shiboken6", "reportlab", "sqlalchemy", "alembic", "psycopg", "keyring"}

# Runs the entry point as the `kkdesk` script does, then lists what it imported.
PROBE = """
import json, sys
from kkdesk.app import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""


# (``kkdesk --db URL`` alone opens the desk on URL, so it is asked for help here.)
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["--db", "x.sqlite3", "--help"]])
def test_version_and_help_import_nothing_heavy(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,  # a start that opens the desk instead would otherwise never end
    )
    imported = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "kkdesk" in imported
    assert not imported & HEAVY
    assert "kkdesk" in done.stdout or "usage: kkdesk" in done.stdout


def test_the_quick_help_lists_what_the_full_parser_does() -> None:
    """GROUPS (what ``kkdesk --help`` lists without importing the commands) is exactly the
    groups the command modules register, with the same help."""
    assert cli.build_top_parser().format_help() == cli.build_parser().format_help()


def test_a_command_still_gets_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["customer", "--help"])
    assert "usage: kkdesk customer" in capsys.readouterr().out


def test_a_bug_in_a_command_lands_in_the_log_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging

    from kkdesk import logs

    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "log"))

    def broken(args: object, ctx: object) -> int:
        raise ZeroDivisionError("a bug of ours")

    from kkdesk.cli import customer

    monkeypatch.setattr(customer, "_find", broken)
    level = logging.getLogger().level
    try:
        with pytest.raises(ZeroDivisionError):
            cli.main(["customer", "find", "Möttönen"])
    finally:
        logs.uninstall()
        logging.getLogger().setLevel(level)
    text = (tmp_path / "log" / logs.LOG_FILE).read_text(encoding="utf-8")
    assert "a bug in 'kkdesk customer'" in text and "ZeroDivisionError: a bug of ours" in text
    assert "in broken" in text and "Möttönen" not in text


def test_the_desk_window_imports_no_report_library() -> None:
    """reportlab (about a tenth of the desk's start) is imported when a letter is first
    made, not when the window opens (bench/bench_startup.py times the window)."""
    probe = (
        "import json, sys; import kkdesk.app, kkdesk.ui.main_window; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    imported = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "PySide6" in imported
    assert not imported & {"reportlab", "pypdfium2", "faker"}
