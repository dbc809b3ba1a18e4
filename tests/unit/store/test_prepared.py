"""Statements run on the embedded driver give what SQLAlchemy gives, and fail the same way."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import select, text

from kkdesk.auth.testing import memory_keyring
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.search import QueryKind
from kkdesk.errors import KnownError
from kkdesk.services import audit, customers, snapshots
from kkdesk.services.session import DeskSession
from kkdesk.services.snapshots import Selection
from kkdesk.store import customers as repo
from kkdesk.store import prepared
from kkdesk.store.errors import translate
from kkdesk.store.models import AuditEvent


def test_the_register_engine_runs_statements_on_the_driver(demo_ds: DeskSession) -> None:
    with demo_ds.db.read_connection() as conn:
        assert prepared._direct(conn)


@pytest.mark.parametrize(
    "query",
    ["m", "mött", "virtanen m", "helsin", "00100", "kotka", "matti.", "040 123 4567", "1000017"],
)
def test_every_search_phase_gives_the_rows_sqlalchemy_gives(
    demo_ds: DeskSession, query: str
) -> None:
    plan, _ = repo._plan(query)
    with demo_ds.db.read_connection() as conn:
        for phase, params in plan:
            for statement, extra in (
                (phase.first, {}),
                (phase.more, {"last_key": "k", "last_id": 5, "last_word": "k"}),
            ):
                values = {**params, **extra, "limit": 30}
                direct = prepared.rows(conn, statement, values)
                core = conn.execute(statement, values).all()
                assert [tuple(r) for r in direct] == [tuple(r) for r in core]


@pytest.mark.parametrize(
    "query", ["koivu", "kotka", "helsin", "mann", "koivukuja", "vi", "anna koivu", "oy"]
)
@pytest.mark.parametrize("want", [1, 3, 20])
def test_the_first_word_page_keeps_each_customers_first_word_as_the_probe_does(
    demo_ds: DeskSession, query: str, want: int
) -> None:
    """The word phase's first page read without the per-row probe of earlier words and
    deduplicated in Python is the probing statement's page, row for row: also for a
    customer whose company name, street and contact person share one word (the kept row
    is the first in (word, kind, ref) order), and at every page length."""
    from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
    from kkdesk.domain.enums import CustomerType, DataSource

    customers.create(
        demo_ds,
        CustomerDraft(
            type=CustomerType.COMPANY,
            company_name="Rakennus Koivu Oy",
            business_id="2331972-7",
            street="Koivukuja 3",
            postal_code="00100",
            post_office="Helsinki",
            contacts=(
                ContactPersonDraft(surname="Koivu", first_names="Anna"),
                ContactPersonDraft(surname="Koivu", first_names="Kalle"),
            ),
        ),
        source=DataSource.CUSTOMER_PHONE,
    )
    plan, _ = repo._plan(query)
    with demo_ds.db.read_connection() as conn:
        for phase, params in plan:
            if phase.every_word is None:
                continue
            probed = prepared.rows(conn, phase.first, {**params, "limit": want})
            kept = repo._first_words_page(conn, phase, params, want)
            assert [tuple(r)[: len(probed[0]) if probed else 0] for r in kept] == [
                tuple(r) for r in probed
            ]


@pytest.mark.parametrize("kind", list(QueryKind))
@pytest.mark.parametrize("words", [0, 2])
def test_every_search_phase_runs_on_the_driver(
    demo_ds: DeskSession, kind: QueryKind, words: int
) -> None:
    """No search statement falls back to SQLAlchemy: a column whose value SQLAlchemy
    converts (a Boolean, on SQLite) would send it there silently, as the restriction
    marker once did, and every search cost 4× the bare statement again."""
    dialect = demo_ds.db.engine.dialect
    for phase in repo._phases(kind, words):
        for statement in (phase.first, phase.more, phase.every_word):
            if statement is not None:
                assert prepared._prepare(statement, dialect, ()) is not None, (kind, words)


def test_the_restriction_marker_reads_as_a_bool(demo_ds: DeskSession) -> None:
    from kkdesk.domain.restriction import RestrictionGround
    from kkdesk.services import restrictions

    first = customers.search(demo_ds, "m", limit=3).rows[0]
    restrictions.restrict(demo_ds, first.number, RestrictionGround.ACCURACY_CONTESTED, "x")
    marked = {s.number: s.restricted for s in customers.search(demo_ds, "m", limit=3).rows}
    assert marked[first.number] is True
    assert [v for n, v in marked.items() if n != first.number] == [False, False]


def test_search_audit_rows_are_stored_as_sqlalchemy_stores_them(demo_ds: DeskSession) -> None:
    page = customers.search(demo_ds, "m", limit=5)
    assert page.rows
    with demo_ds.db.session() as session:
        audit.record(session, demo_ds, "1000001", AuditAction.READ, Purpose.CUSTOMER_SERVICE)
    with demo_ds.db.read_connection() as conn:
        stored = conn.execute(
            text("select at, actor, customer_number, action, purpose, detail from audit_event")
        ).all()
        aware = conn.execute(select(AuditEvent.at)).scalars().all()
    by_search = [r for r in stored if r.detail == "search result"]
    assert sorted(r.customer_number for r in by_search) == sorted(s.number for s in page.rows)
    # The same text form of the time as a row SQLAlchemy wrote, read back as aware UTC.
    assert {len(r.at) for r in stored} == {len(stored[-1].at)}
    assert all(a.tzinfo is not None and a <= datetime.now(UTC) for a in aware)


def test_a_driver_error_is_wrapped_and_classified_as_through_sqlalchemy(
    demo_ds: DeskSession,
) -> None:
    statement = select(text("x")).select_from(text("no_such_table"))
    with demo_ds.db.read_connection() as conn, pytest.raises(sa_exc.OperationalError):
        prepared.rows(conn, statement, {})
    locked = sa_exc.OperationalError("select 1", (), Exception("database is locked"))
    with pytest.raises(KnownError), translate():
        raise locked  # the classification the wrapped error meets (store/errors.py)


def test_an_offline_snapshot_keeps_going_through_sqlalchemy(
    demo_ds: DeskSession, tmp_path: Path
) -> None:
    """Its audit rows are diverted by SQLAlchemy events, which the driver would bypass."""
    path = tmp_path / "review.kksnap"
    numbers = tuple(s.number for s in customers.search(demo_ds, "a", limit=3).rows)
    with memory_keyring():
        snapshots.create(demo_ds, path, Selection(numbers=numbers))
        offline = snapshots.open_snapshot(path)
        try:
            with offline.db.read_connection() as conn:
                assert not prepared._direct(conn)
            assert customers.search(offline, "a", limit=3).rows  # its reads are journalled
        finally:
            offline.close()
