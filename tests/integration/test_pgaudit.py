"""Reads made outside kkdesk are logged by the server: pgaudit object auditing (issue 13).

kkdesk cannot see a ``SELECT`` typed into psql; the server can. ``kkdesk db upgrade``
gives the ``kkdesk_auditor`` role SELECT (and write rights) on every table with personal
data; with ``pgaudit.role = 'kkdesk_auditor'`` the pgaudit library then logs every
statement that touches those tables, by whoever runs it, in the server log. The test
server here is started with the settings docs/central-database.md asks the DBA for
(``PGAUDIT_OPTIONS`` in conftest.py). Skipped locally without pgaudit, failed under CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from typing import Any

import pytest

from kkdesk.domain.levels import Level

pytestmark = pytest.mark.postgres


def _psql(pg: Any, user: Any, sql: str) -> str:
    psql = shutil.which("psql") or str(pg.server.bin_dir / "psql")
    env = {**os.environ, "PGPASSWORD": user.password}  # the child's environment only
    result = subprocess.run(
        [psql, "-X", "-h", pg.server.host, "-p", str(pg.server.port), "-U", user.login,
         "-d", pg.name, "-At", "-c", sql],
        env=env, capture_output=True, text=True, check=True, timeout=30,
    )  # fmt: skip
    return result.stdout


def test_a_psql_select_of_the_customer_table_is_in_the_server_log(pg_audit_db: Any) -> None:
    pg = pg_audit_db
    with pg.connect() as su:
        granted = su.execute(
            b"SELECT has_table_privilege('kkdesk_auditor', 'customer', 'SELECT')"
        ).fetchone()
    assert granted == (True,), "kkdesk db upgrade set up the auditor role"
    clerk = pg.add_user(Level.CLERK)
    marker = f"kkdesk_audit_probe_{pg.name}"
    _psql(pg, clerk, f"SELECT count(*) AS {marker} FROM customer")
    deadline = time.monotonic() + 5
    lines: list[str] = []
    while time.monotonic() < deadline:
        lines = [line for line in pg.server.log().splitlines() if marker in line]
        if lines:
            break
        time.sleep(0.1)
    assert lines, "the SELECT was not logged"
    line = lines[-1]
    assert "AUDIT: OBJECT" in line and "READ,SELECT,TABLE,public.customer" in line
    assert f"user={clerk.login}" in line and f"db={pg.name}" in line
