"""``kkdesk demo`` on a central database: allowed while it is empty, refused once it
holds customers (invented people are never mixed with real ones); ``--if-empty`` then
does nothing, as ``make run`` expects. The tables' owner loads by COPY: the same register
as the embedded one from the same seed, all or nothing, the schema left as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text

from kkdesk.auth import keychain
from kkdesk.auth.testing import MemoryKeyring
from kkdesk.cli import main
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import DataSource
from kkdesk.domain.levels import Level
from kkdesk.domain.search import customer_number
from kkdesk.errors import KnownError
from kkdesk.services import customers, demo
from kkdesk.services.session import open_session
from kkdesk.store.database import describe, resolve_url
from kkdesk.store.models import Base, Customer

pytestmark = pytest.mark.postgres

MATTI = CustomerDraft(
    surname="Möttönen",
    first_names="Matti Juhani",
    street="Kotikatu 1",
    postal_code="00100",
    post_office="Helsinki",
    phone_mobile="040 123 4567",
    email="matti@example.fi",
    birth_date=date(1970, 5, 1),
)


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


# --- the owner's load by COPY --------------------------------------------------------------

DEMO_TABLES = (
    "customer",
    "contact_person",
    "search_word",
    "personal_data_change",
    "customer_order",
    "order_line",
    "delivery",
    "order_return",
    "return_line",
    "consent_event",
    "suppression",
)
SCHEMA = """
SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
UNION ALL
SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
UNION ALL
SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text
  FROM pg_trigger WHERE NOT tgisinternal
"""
CUSTOMER_COLUMNS = (
    "number", "type", "customer_since", "surname", "first_names", "company_name",
    "business_id", "street", "postal_code", "post_office", "phone_home", "phone_work",
    "phone_mobile", "email", "birth_date", "language", "extra", "name_key", "name_key_rev",
    "email_key", "created_at", "created_by", "updated_by", "version",
)  # fmt: skip

# The demo tables' times and dates, read back as the desk reads them.
TIMES = tuple(
    select(*(Base.metadata.tables[table].c[c] for c in ("id", *cols))).order_by(text("id"))
    for table, cols in (
        ("personal_data_change", ("changed_at",)),
        ("customer_order", ("ordered_at",)),
        ("delivery", ("shipped_at", "delivered_at")),
        ("order_return", ("requested_at", "received_at", "refunded_at")),
        ("consent_event", ("received_on", "recorded_at")),
        ("suppression", ("created_at",)),
    )
)


def _schema(pg: Any) -> set[str]:
    with pg.connect() as conn:
        return {str(r[0]) for r in conn.execute(SCHEMA.encode())}


def _counts(conn: Any) -> dict[str, int]:
    return {
        t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in DEMO_TABLES
    }


def test_an_owner_load_by_copy_holds_what_sqlite_holds(pg_db: Any, tmp_path: Path) -> None:
    """The tables' owner loads by COPY (triggers, foreign keys and secondary indexes off
    inside the load's one transaction): the same register as the embedded one from the
    same seed, the schema as it was, and a clerk finds the customers by every search kind."""
    schema = _schema(pg_db)
    owner = pg_db.session()
    stages: list[str] = []
    result = demo.generate(owner, 1100, seed=5, stage=stages.append)
    assert stages == ["indexes", "commit", "analyze"]
    assert _schema(pg_db) == schema  # every trigger enabled again, every index and key back
    local = open_session(str(tmp_path / "local.sqlite3"), level=Level.ADMIN)
    assert demo.generate(local, 1100, seed=5) == result
    columns = [getattr(Customer, c) for c in CUSTOMER_COLUMNS]
    query = select(*columns).order_by(Customer.id)
    with owner.db.engine.connect() as pg, local.db.engine.connect() as lite:
        assert _counts(pg) == _counts(lite)
        assert pg.execute(query).all() == lite.execute(query).all()
        # Every table's times (sent to the server as microseconds, formatted by SQLite).
        for times in TIMES:
            assert pg.execute(times).all() == lite.execute(times).all(), str(times)
        assert pg.execute(text("SELECT count(*) FROM audit_event")).scalar_one() == 0
    local.close()

    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    with clerk.db.read() as session:
        person = (
            session.execute(
                select(Customer).where(Customer.type == "person", Customer.phone_mobile != "")
            )
            .scalars()
            .first()
        )
        company = (
            session.execute(select(Customer).where(Customer.type == "company")).scalars().first()
        )
        assert person is not None and company is not None
        contact = company.contacts[0]
        session.expunge_all()
    for query_text, number in (
        (person.number, person.number),
        (f"{person.surname} {person.first_names}", person.number),
        ("0" + person.phone_mobile.removeprefix("+358"), person.number),
        (person.street.split()[0] + " " + person.street.split()[1], person.number),
        (company.business_id, company.number),
        (f"{contact.surname} {contact.first_names}", company.number),
    ):
        rows = customers.search(clerk, query_text, limit=500).rows
        assert number in {r.number for r in rows}, query_text

    # The sequences are past the demo's ids: staff's next customer is a new one.
    created = customers.create(clerk, MATTI, source=DataSource.CUSTOMER_PHONE)
    assert created.number == customer_number(1101)
    # And the central database, holding customers now, takes no more demo data.
    with pytest.raises(KnownError) as refused:
        demo.fill(owner, 5, seed=6)
    assert refused.value.code == "demo_not_empty"


def test_an_interrupted_owner_load_leaves_nothing(pg_db: Any) -> None:
    schema = _schema(pg_db)
    owner = pg_db.session()

    def stop(_done: int, _total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        demo.generate(owner, demo.CHUNK + 10, seed=1, progress=stop)
    assert _schema(pg_db) == schema
    with owner.db.engine.connect() as conn:
        assert set(_counts(conn).values()) == {0}
    # Nothing left half done: the next load starts from the first id.
    assert demo.generate(owner, 3, seed=1).first_number == customer_number(1)


def test_a_batch_the_server_refuses_fails_the_load_and_leaves_nothing(
    pg_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner's batches are sent by a thread of their own while the next is made: a
    batch the server refuses still fails the load in the loading thread, and the load
    leaves nothing behind."""
    schema = _schema(pg_db)
    owner = pg_db.session()
    real_chunk = demo._Maker.chunk
    made: list[int] = []

    def chunk(self: Any, n: int, load: Any) -> Any:
        rows = real_chunk(self, n, load)
        made.append(n)
        if len(made) == 2:  # the second batch breaks a CHECK of the customer table
            first = list(rows.customer[0])
            first[1] = "not a number"
            rows.customer[0] = tuple(first)
        return rows

    monkeypatch.setattr(demo._Maker, "chunk", chunk)
    with pytest.raises(Exception) as raised:
        demo.generate(owner, 4 * demo.CHUNK, seed=1)
    causes = []
    exc: BaseException | None = raised.value
    while exc is not None:
        causes.append(exc)
        exc = exc.__cause__ or exc.__context__
    assert any(isinstance(e, psycopg.errors.CheckViolation) for e in causes), causes
    assert len(made) <= 4
    assert _schema(pg_db) == schema
    with owner.db.engine.connect() as conn:
        assert set(_counts(conn).values()) == {0}
