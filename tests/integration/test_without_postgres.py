"""Without PostgreSQL binaries the integration tests skip with a message saying how to enable
them, except under CI, where that is a failure: CI must never skip them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOME_PG_TEST = (
    "tests/integration/test_security_migration.py::test_a_second_database_in_the_same_cluster"
)


def _run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_XDIST_WORKER")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", SOME_PG_TEST, "-p", "no:cacheprovider", "-rs", "-q"],
        cwd=ROOT,
        env={**clean, "KKDESK_PG_BIN": str(tmp_path / "no-postgres-here"), **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("ci", ["", "true"])
def test_missing_binaries_skip_locally_and_fail_under_ci(tmp_path: Path, ci: str) -> None:
    result = _run(tmp_path, **({"CI": ci} if ci else {}))
    out = result.stdout + result.stderr
    assert "apt-get install postgresql" in out, out
    if ci:
        assert result.returncode != 0, out
        assert "CI must run the PostgreSQL tests" in out
        assert " skipped" not in out
    else:
        assert result.returncode == 0, out
        assert "1 skipped" in out
