"""Migration 0008 gives the customers already in a register their search words."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import insert, inspect

from kkdesk.domain.search import WordKind, fold, name_keys
from kkdesk.store import customers as repo
from kkdesk.store import migrate
from kkdesk.store.database import Database
from kkdesk.store.models import ContactPerson, Customer


def _customer(id_: int, company: str, street: str, office: str) -> dict[str, object]:
    now = datetime(2026, 1, 2, tzinfo=UTC)
    key, rev = name_keys("", "", company)
    return {
        "id": id_,
        "number": str(id_),
        "type": "company",
        "customer_since": date(2026, 1, 2),
        "surname": "",
        "first_names": "",
        "company_name": company,
        "business_id": "",
        "street": street,
        "postal_code": "",
        "post_office": office,
        "country": "FI",
        "phone_home": "",
        "phone_work": "",
        "phone_mobile": "",
        "email": "",
        "language": "fi",
        "notes": "",
        "extra": "{}",
        "name_key": key,
        "name_key_rev": rev,
        "email_key": "",
        "created_at": now,
        "created_by": "t",
        "updated_at": now,
        "updated_by": "t",
        "erased_at": now if id_ == 3 else None,
        "version": 1,
    }


def test_existing_customers_get_their_words(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    migrate.upgrade(db, "0003")
    with db.engine.begin() as conn:
        conn.execute(
            insert(Customer.__table__),
            [
                _customer(1, "Leirintäalue Kotkajärvi Oy", "Kotkankatu 5", "PIETARSAARI"),
                _customer(2, "Trädgård Björk Ab", "Storgatan 1", "JAKOBSTAD"),
                _customer(3, "Erased Kotkajärvi Oy", "Kotkankatu 7", "KOTKA"),
            ],
        )
        conn.execute(
            insert(ContactPerson.__table__),
            {
                "id": 1,
                "customer_id": 1,
                "surname": "Virtanen",
                "first_names": "Matti",
                "role": "",
                "phone_work": "",
                "phone_mobile": "",
                "email": "",
                "email_key": "",
                "name_key": fold("Virtanen Matti"),
                "name_key_rev": fold("Matti Virtanen"),
            },
        )
    migrate.upgrade(db)
    with db.engine.connect() as conn:

        def found(text: str) -> list[tuple[int, WordKind | None]]:
            return [(r.id, r.matched) for r in repo.search(conn, text).rows]

        assert found("kotkaj") == [(1, WordKind.NAME)]  # not the erased one
        assert found("björk") == [(2, WordKind.NAME)]
        assert found("virtanen") == [(1, WordKind.CONTACT)]
        assert found("kotkankatu") == [(1, WordKind.STREET)]
        assert found("jakobstad") == [(2, WordKind.POST_OFFICE)]

    command.downgrade(migrate.alembic_config(db), "0003")
    assert "search_word" not in inspect(db.engine).get_table_names()
    db.dispose()
