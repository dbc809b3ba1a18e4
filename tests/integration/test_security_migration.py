"""The security migration runs from scratch, again (idempotent), down and up again."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command

from kkdesk.domain.levels import Level
from kkdesk.store import migrate

pytestmark = pytest.mark.postgres


def _policies(pg_db: Any) -> set[str]:
    with pg_db.connect() as su:
        return {str(r[0]) for r in su.execute(b"SELECT policyname FROM pg_policies")}


def test_down_and_up_again(migrated_pg_db: Any) -> None:
    pg = migrated_pg_db
    clerk = pg.add_user(Level.CLERK)
    db = pg.owner_db()
    try:
        assert migrate.current_revision(db) == migrate.head_revision(db)
        command.downgrade(migrate.alembic_config(db), "0001")
        assert _policies(pg) == set()
        command.upgrade(migrate.alembic_config(db), "head")
        # Running the security statements once more changes nothing (roles already there).
        command.downgrade(migrate.alembic_config(db), "0001")
        command.upgrade(migrate.alembic_config(db), "head")
    finally:
        db.dispose()
    assert _policies(pg) == {
        "customer_staff", "customer_marketing",
        # 0017: what is left of an erased person is hidden from the levels with no need.
        "contact_person_live", "contact_person_privacy", "consent_event_live",
        "consent_event_add", "consent_event_privacy", "suppression_live", "suppression_add",
        "suppression_needed",
    }  # fmt: skip
    ds = pg.session(clerk)
    assert ds.level is Level.CLERK


def test_a_second_database_in_the_same_cluster(make_pg_db: Any) -> None:
    first, second = make_pg_db(), make_pg_db()
    viewer = first.add_user(Level.VIEWER)
    # Group roles are cluster-wide, CONNECT is per database: a member may enter both, and
    # the grants of each database are its own.
    assert second.session(viewer).level is Level.VIEWER
    with second.connect() as su:
        su.execute(b"REVOKE kkdesk_viewer FROM " + viewer.login.encode())
    import psycopg

    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        second.connect(viewer)
