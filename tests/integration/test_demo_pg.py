"""``kkdesk demo`` on a central database: allowed while it is empty, refused once it
holds customers (invented people are never mixed with real ones); ``--if-empty`` then
does nothing, as ``make run`` expects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kkdesk.auth import keychain
from kkdesk.auth.testing import MemoryKeyring
from kkdesk.cli import main
from kkdesk.domain.levels import Level
from kkdesk.services import customers
from kkdesk.store.database import describe, resolve_url

pytestmark = pytest.mark.postgres


def test_demo_refuses_a_central_database_that_holds_customers(
    pg_db: Any,
    memory_keyring: MemoryKeyring,
    isolated_home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    clerk = pg_db.add_user(Level.CLERK)
    url = pg_db.url(clerk.login).render_as_string(hide_password=False)
    keychain.set_password(describe(resolve_url(url)), clerk.password)
    demo = ["--db", url, "demo", "--customers", "3", "--seed", "4"]

    assert main(demo) == 0  # empty: the central database may be filled for a trial
    assert "Added 3 customers" in capsys.readouterr().out
    assert main(demo) == 1
    err = capsys.readouterr().err
    assert "already holds 3 customers" in err and "Traceback" not in err
    assert main([*demo, "--if-empty"]) == 0
    assert "no demo data added" in capsys.readouterr().out
    assert customers.count(pg_db.session(clerk)) == 3
