"""Erasure on the real PostgreSQL server: nothing of the person is left in any text
column (read as the owner, past row-level security), kept orders keep their amounts, the
suppression list still blocks the person from marketing exports, only the privacy level
can erase (raw SQL as clerk, marketing and admin is refused by the server), and row-level
security hides what is left of the person from the levels with no need for it."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import func, select

from kkdesk.domain.levels import Level
from kkdesk.errors import KnownError, PermissionDenied, RuleViolation
from kkdesk.services import erasure
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from tests.erasure_factory import (
    BIRTH,
    EMAIL,
    MOBILE,
    NOT_SEARCHED,
    rich_company,
    rich_person,
    text_hits,
    walk,
)
from tests.unit.services.test_erasure import REACHED

pytestmark = pytest.mark.postgres


def test_erasure_on_postgres(pg_db: Any) -> None:
    admin_user = pg_db.add_user(Level.ADMIN)
    admin = pg_db.session(admin_user)
    privacy = pg_db.session(pg_db.add_user(Level.PRIVACY))
    clerk_user = pg_db.add_user(Level.CLERK)
    marketing_user = pg_db.add_user(Level.MARKETING)
    person = rich_person(admin, orders=3, privacy=privacy)
    owner = pg_db.owner_db()
    try:
        before = walk(owner.engine, person.values, (BIRTH,))
        assert {(t, c) for t, c, _ in before.hits} >= REACHED
        assert set(m.Base.metadata.tables) <= before.tables
        assert before.not_searched == set(NOT_SEARCHED)

        # The desk's own refusal, and the server's for a session that claims privacy.
        with pytest.raises(PermissionDenied):
            erasure.erase(admin, person.number, "admin may not")
        for user in (admin_user, clerk_user, marketing_user):
            claiming = DeskSession(pg_db.session(user).db, Level.PRIVACY)
            with pytest.raises(KnownError):
                erasure.erase(claiming, person.number, f"{user.level} claims privacy")

        result = erasure.erase(privacy, person.number, "Art. 17 request by e-mail")
        after = walk(owner.engine, person.values, (BIRTH,))
        assert not after.unexpected(), sorted(after.unexpected())
        assert result.record.erased_by.startswith("privacy_")  # the server's stamp
        with owner.read() as s:
            kept = s.execute(
                select(m.Order.total_cents).where(m.Order.erasure_id == result.record.id)
            ).scalars()
            assert list(kept) == [10000, 10000, 10000]
            actions = s.execute(
                select(m.AuditEvent.action, m.AuditEvent.detail).where(
                    m.AuditEvent.customer_number == person.number
                )
            ).all()
            assert ("erase", f"erasure {result.reference}") in actions
            assert s.scalar(select(func.count()).select_from(m.ErasureRow)) == 1
    finally:
        owner.dispose()

    # Raw SQL as each level: only privacy erases (and only with an erasure record).
    with pg_db.connect(clerk_user) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO erasure (reference, customer_number, reason, erased_by, erased_at,"
                " orders_kept, orders_removed, suppressions_kept, letters_kept)"
                " VALUES ('E-X', '1', 'x', 'x', now(), 0, 0, 0, 0)"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE customer SET erased_at = now() WHERE number <> ''")
        # What is left of the erased person is hidden from a clerk.
        assert conn.execute(
            "SELECT count(*) FROM consent_event e JOIN customer c ON c.id = e.customer_id "
            "WHERE c.number = %s",
            (person.number,),
        ).fetchone() == (0,)
        hidden = conn.execute(
            "SELECT count(*) FROM suppression WHERE key_value IN (%s, %s)",
            (EMAIL, MOBILE),
        ).fetchone()
        assert hidden == (0,)
    for user in (admin_user, marketing_user):
        with pg_db.connect(user) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO erasure (reference, customer_number, reason, erased_by,"
                " erased_at, orders_kept, orders_removed, suppressions_kept, letters_kept)"
                " VALUES ('E-Y', '1', 'x', 'x', now(), 0, 0, 0, 0)"
            )
    # Marketing still sees the suppression entries: its exports keep leaving them out.
    with pg_db.connect(marketing_user) as conn:
        seen = conn.execute(
            "SELECT count(*) FROM suppression WHERE key_value IN (%s, %s)", (EMAIL, MOBILE)
        ).fetchone()
        assert seen is not None and seen[0] >= 1


def test_contact_person_erasure_and_refusals_on_postgres(pg_db: Any) -> None:
    admin = pg_db.session(pg_db.add_user(Level.ADMIN))
    privacy = pg_db.session(pg_db.add_user(Level.PRIVACY))
    clerk_user = pg_db.add_user(Level.CLERK)
    number, contact_id, values = rich_company(admin)
    result = erasure.erase(privacy, number, "contact left", contact_person_id=contact_id)
    assert result.record.contact_person_id == contact_id
    owner = pg_db.owner_db()
    try:
        hits = set(text_hits(owner.engine, values))
        assert {(t, c) for t, c, _ in hits} <= {("suppression", "key_value")}, hits
    finally:
        owner.dispose()
    with pg_db.connect(clerk_user) as conn:
        rows = conn.execute(
            "SELECT count(*) FROM contact_person WHERE id = %s", (contact_id,)
        ).fetchone()
        assert rows == (0,)

    person = rich_person(admin, orders=1, open_order=True)
    owner = pg_db.owner_db()
    try:
        before = sorted(text_hits(owner.engine, person.values))
        with pytest.raises(RuleViolation) as refused:
            erasure.erase(privacy, person.number, "open order")
        assert refused.value.code == "erase_open_order"
        # A legal hold, set by privacy (the server stamps who and when), refuses too.
        erasure.set_legal_hold(privacy, person.number, True, "dispute about the order")
        with pytest.raises(RuleViolation) as held:
            erasure.erase(privacy, person.number, "held")
        assert held.value.code == "erase_legal_hold"
        assert sorted(text_hits(owner.engine, person.values)) == before
        with owner.read() as s:
            assert s.scalar(select(func.count()).select_from(m.ErasureRow)) == 1
            by = s.scalar(select(m.LegalHold.recorded_by))
            assert by is not None and by.startswith("privacy_")
    finally:
        owner.dispose()


def test_a_restricted_customer_is_refused_erasure_and_merge_by_the_server(pg_db: Any) -> None:
    from kkdesk.domain.restriction import RestrictionGround
    from kkdesk.services import merge, restrictions

    admin = pg_db.session(pg_db.add_user(Level.ADMIN))
    privacy_user = pg_db.add_user(Level.PRIVACY)
    privacy = pg_db.session(privacy_user)
    person = rich_person(admin, orders=1, restriction=False)
    twin = rich_person(admin, orders=0, restriction=False)
    restrictions.restrict(
        privacy, person.number, RestrictionGround.LEGAL_CLAIMS, "needs it for a claim"
    )
    # The services refuse first, with the words of the refusal.
    with pytest.raises(RuleViolation) as refused:
        erasure.erase(privacy, person.number, "Art. 17")
    assert refused.value.code == "erase_restricted"
    with pytest.raises(RuleViolation) as merging:
        merge.merge(privacy, twin.number, person.number)
    assert merging.value.code == "merge_restricted"

    # A client that skips the check is refused by the server, with the same code.
    def skip(*_args: Any, **_kwargs: Any) -> bool:
        return False

    from kkdesk.store import restrictions as restriction_store

    real = restriction_store.is_restricted
    restriction_store.is_restricted = skip  # type: ignore[assignment]
    try:
        with pytest.raises(KnownError) as server:
            erasure.erase(privacy, person.number, "Art. 17", letter=False)
        assert server.value.code == "erase_restricted"
        with pytest.raises(KnownError) as server_merge:
            merge.merge(privacy, twin.number, person.number)
        assert server_merge.value.code == "merge_restricted"
    finally:
        restriction_store.is_restricted = real  # type: ignore[assignment]
    owner = pg_db.owner_db()
    try:
        with owner.read() as s:
            assert s.scalar(select(func.count()).select_from(m.ErasureRow)) == 0
            assert s.scalar(select(func.count()).select_from(m.CustomerMerge)) == 0
    finally:
        owner.dispose()
    # Raw SQL as privacy: the erasure row itself is refused.
    with pg_db.connect(privacy_user) as conn:
        with pytest.raises(psycopg.errors.CheckViolation) as raw:
            conn.execute(
                "INSERT INTO erasure (reference, customer_id, customer_number, reason,"
                " erased_by, erased_at, orders_kept, orders_removed, suppressions_kept,"
                " letters_kept) SELECT 'E-RAW', id, number, 'x', 'x', now(), 0, 0, 0, 0"
                " FROM customer WHERE number = %s",
                (person.number,),
            )
        assert raw.value.diag.message_hint == "kkdesk:erase_restricted"
    notice = restrictions.make_lift_notice(privacy, person.number)
    restrictions.lift(privacy, person.number, notice.letter_id)
    erasure.erase(privacy, person.number, "Art. 17, restriction lifted")


def test_the_servers_erasure_rights_are_no_wider_than_an_erasure(pg_db: Any) -> None:
    """Privacy may take the person out of a correction's reason and a lifted restriction's
    reason (0022) only inside an erasure; and a record merged into the erased customer is
    erased with it (its consent notes, holds and restrictions stay where the merge left
    them)."""
    from datetime import date

    from kkdesk.domain.consent import ConsentItem, Evidence
    from kkdesk.domain.enums import Channel
    from kkdesk.services import consents, merge
    from tests.erasure_factory import FIRST, SURNAME

    admin = pg_db.session(pg_db.add_user(Level.ADMIN))
    privacy_user = pg_db.add_user(Level.PRIVACY)
    privacy = pg_db.session(privacy_user)
    person = rich_person(admin, orders=1)
    twin = rich_person(admin, orders=1, privacy=privacy)
    consents.record(
        admin, twin.number, ConsentItem.SMS_MARKETING, False,
        Evidence(date.today(), Channel.PHONE, "call 9", note=f"{FIRST} {SURNAME} on the twin"),
    )  # fmt: skip
    with pg_db.connect(privacy_user) as conn:
        for sql in (
            "UPDATE order_correction SET reason = 'x' WHERE reason <> ''",
            "UPDATE processing_restriction SET reason = 'x' WHERE lifted_at IS NOT NULL",
        ):
            with pytest.raises(psycopg.Error) as refused, conn.transaction(force_rollback=True):
                conn.execute(sql.encode())
            assert refused.value.sqlstate in ("42501", "23514"), sql
    merge.merge(privacy, person.number, twin.number)
    erasure.erase(privacy, person.number, "Art. 17, both records")
    owner = pg_db.owner_db()
    try:
        after = walk(owner.engine, person.values, (BIRTH,))
        assert not after.unexpected(), sorted(after.unexpected())
    finally:
        owner.dispose()
