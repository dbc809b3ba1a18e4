"""Address updates on a real PostgreSQL server, imported by a clerk: the preview's
categories, exactly the good rows applied with the update service as their source, the
server's who/version/audit at work, the new prohibition item allowed by the server's
CHECK, and a broken file or a level without the right changing nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from kkdesk.domain import address_updates as au
from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import Channel, DataSource
from kkdesk.domain.levels import Level
from kkdesk.errors import KnownError
from kkdesk.services import address_updates, consents, customers
from kkdesk.services.session import DeskSession
from kkdesk.store.models import AuditEvent, Customer, PersonalDataChange

pytestmark = pytest.mark.postgres

HEADER = (
    "customer_number;surname;first_names;old_street;old_postal_code;"
    "new_street;new_postal_code;new_post_office;valid_from\n"
)
LETTER = Evidence(date(2025, 3, 2), Channel.LETTER, "VTJ-2025-1", "")


def add(ds: DeskSession, surname: str, first: str, street: str) -> str:
    draft = CustomerDraft(surname=surname, first_names=first, street=street,
                          postal_code="00100", post_office="Helsinki")  # fmt: skip
    return customers.create(ds, draft, source=DataSource.CUSTOMER_WEBSHOP).number


def state(pg_db: Any) -> list[tuple[Any, ...]]:
    with pg_db.session().db.read() as s:
        return [tuple(r) for r in s.execute(
            select(Customer.number, Customer.street, Customer.postal_code, Customer.version)
            .order_by(Customer.id)
        ).all()]  # fmt: skip


def test_a_clerk_imports_exactly_the_good_rows(pg_db: Any) -> None:
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    n = {
        "good": add(clerk, "Aalto", "Aino", "Vanha 1"),
        "byname": add(clerk, "Möttönen", "Eero", "Koivutie 3"),
        "current": add(clerk, "Berg", "Bo", "Uusi 2"),
        "twin1": add(clerk, "Laine", "Liisa", "Kotikatu 1"),
        "twin2": add(clerk, "Laine", "Liisa", "Kotikatu 1"),
        "prohibited": add(clerk, "Cedér", "Cia", "Vanha 3"),
    }
    # The server's CHECK on consent_event.item allows the new item (migration 0016).
    consents.record(clerk, n["prohibited"], ConsentItem.REGISTER_UPDATES, True, LETTER)
    data = (
        HEADER
        + f"{n['good']};;;;;Uusi 1;00200;Helsinki;2026-03-01\n"
        + ";MÖTTÖNEN;Eero;Koivutie 3;00100;Pihlajatie 9;02100;Espoo;2026-03-02\n"
        + f"{n['current']};;;;;Uusi 2;00100;Helsinki;2026-03-01\n"
        + ";Laine;Liisa;Kotikatu 1;00100;Uusi 3;00300;Helsinki;2026-03-01\n"
        + "1000009;;;;;Uusi 4;00100;Helsinki;2026-03-01\n"
        + f"{n['prohibited']};;;;;Uusi 5;00100;Helsinki;2026-03-01\n"
        + f"{n['good']};;;;;Uusi 6;0010;Helsinki;2026-03-01\n"
    ).encode()
    preview = address_updates.preview(clerk, data, source="Posti")
    assert [o.category for o in preview.outcomes] == [
        au.Category.CHANGED, au.Category.CHANGED, au.Category.CURRENT, au.Category.AMBIGUOUS,
        au.Category.NOT_FOUND, au.Category.PROHIBITED, au.Category.INVALID,
    ]  # fmt: skip

    # A broken file changes nothing, even after good lines.
    before = state(pg_db)
    with pytest.raises(au.FileRefused):
        address_updates.apply(clerk, data + b'1000017;;;;;"Uusi;00100\n', source="Posti")
    assert state(pg_db) == before

    done = address_updates.apply(clerk, data, source="Posti")
    assert sorted(done.changed_numbers) == sorted([n["good"], n["byname"]])
    after = {r[0]: r for r in state(pg_db)}
    old = {r[0]: r for r in before}
    assert after[n["good"]][1:3] == ("Uusi 1", "00200")
    assert after[n["good"]][3] == old[n["good"]][3] + 1  # the server's version bump
    for key in ("current", "twin1", "twin2", "prohibited"):
        assert after[n[key]] == old[n[key]], key
    with pg_db.session().db.read() as s:
        changes = s.execute(
            select(PersonalDataChange.field, PersonalDataChange.source,
                   PersonalDataChange.source_detail, PersonalDataChange.changed_by)
            .where(PersonalDataChange.source == DataSource.UPDATE_SERVICE.value)
            .order_by(PersonalDataChange.id)
        ).all()  # fmt: skip
        audited = s.execute(
            select(AuditEvent.customer_number, AuditEvent.actor)
            .where(AuditEvent.action == "update", AuditEvent.detail.like("address update%"))
        ).all()  # fmt: skip
    assert {c.field for c in changes} == {"street", "postal_code", "post_office"}
    assert {c.changed_by for c in changes} == {clerk.user}  # the server's session_user
    assert "Posti, valid from 2026-03-01" in {c.source_detail for c in changes}
    assert sorted(a.customer_number for a in audited) == sorted([n["good"], n["byname"]])
    assert {a.actor for a in audited} == {clerk.user}


@pytest.mark.parametrize("level", [Level.VIEWER, Level.MARKETING, Level.PRIVACY])
def test_levels_that_may_not_edit_customers_change_nothing(pg_db: Any, level: Level) -> None:
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    number = add(clerk, "Aalto", "Aino", "Vanha 1")
    other = pg_db.session(pg_db.add_user(level))
    data = (HEADER + f"{number};;;;;Uusi 1;00200;Helsinki;2026-03-01\n").encode()
    before = state(pg_db)
    with pytest.raises(KnownError):
        address_updates.apply(other, data, source="Posti")
    # Past the desk's courtesy check, the server's grants refuse the write itself (privacy
    # staff may write customers on the server, for rectification requests: for them the
    # desk's capability is the line).
    if level is not Level.PRIVACY:
        forced = DeskSession(other.db, Level.CLERK)
        with pytest.raises(KnownError):
            address_updates.apply(forced, data, source="Posti")
    assert state(pg_db) == before
