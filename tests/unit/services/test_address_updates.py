"""Address-update imports on a real SQLite register: the preview's categories, applying
exactly the good rows in one transaction with their source and history, and a broken
file that changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kkdesk.domain import address_updates as au
from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import Channel, DataSource
from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied
from kkdesk.services import address_updates, consents, customers
from kkdesk.services.session import DeskSession

HEADER = (
    "customer_number;surname;first_names;old_street;old_postal_code;"
    "new_street;new_postal_code;new_post_office;valid_from\n"
)
LETTER = Evidence(date.today(), Channel.LETTER, "VTJ-1", "")


def add(ds: DeskSession, surname: str, first: str, street: str, postal: str = "00100") -> str:
    draft = CustomerDraft(
        surname=surname, first_names=first, street=street, postal_code=postal,
        post_office="HELSINKI",
    )  # fmt: skip
    return customers.create(ds, draft, source=DataSource.CUSTOMER_WEBSHOP).number


def register(ds: DeskSession) -> dict[str, str]:
    n = {
        "good": add(ds, "Aalto", "Aino", "Vanha 1"),
        "byname": add(ds, "Möttönen", "Eero", "Koivutie 3"),
        "current": add(ds, "Berg", "Bo", "Uusi 2"),
        "twin1": add(ds, "Laine", "Liisa", "Kotikatu 1"),
        "twin2": add(ds, "Laine", "Liisa", "Kotikatu 1"),
        "prohibited": add(ds, "Cedér", "Cia", "Vanha 3"),
    }
    consents.record(ds, n["prohibited"], ConsentItem.REGISTER_UPDATES, True, LETTER)
    return n


def file_for(n: dict[str, str]) -> bytes:
    return (
        HEADER
        + f"{n['good']};;;;;Uusi 1;00200;Helsinki;2026-03-01\n"
        + ";MÖTTÖNEN;Eero;Koivutie 3;00100;Pihlajatie 9;02100;Espoo;2026-03-02\n"
        + f"{n['current']};;;;;Uusi 2;00100;Helsinki;2026-03-01\n"
        + ";Laine;Liisa;Kotikatu 1;00100;Uusi 3;00300;Helsinki;2026-03-01\n"
        + "1000009;;;;;Uusi 4;00100;Helsinki;2026-03-01\n"
        + f"{n['prohibited']};;;;;Uusi 5;00100;Helsinki;2026-03-01\n"
        + f"{n['good']};;;;;Uusi 6;0010;Helsinki;2026-03-01\n"
    ).encode()


def rows(ds: DeskSession, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(str(ds.db.url.database))
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def addresses(ds: DeskSession) -> list[tuple[object, ...]]:
    return rows(ds, "SELECT number, street, postal_code, post_office, version FROM customer "
                    "ORDER BY id")  # fmt: skip


def test_preview_sorts_every_line_and_changes_nothing(ds: DeskSession) -> None:
    n = register(ds)
    before = addresses(ds)
    preview = address_updates.preview(ds, file_for(n), source="Posti osoitepalvelu")
    got = [(o.line, o.category, o.number) for o in preview.outcomes]
    assert got == [
        (2, au.Category.CHANGED, n["good"]),
        (3, au.Category.CHANGED, n["byname"]),
        (4, au.Category.CURRENT, n["current"]),
        (5, au.Category.AMBIGUOUS, ""),
        (6, au.Category.NOT_FOUND, ""),
        (7, au.Category.PROHIBITED, n["prohibited"]),
        (8, au.Category.INVALID, ""),
    ]
    assert preview.outcomes[-1].reason == "new_postal_code"
    assert addresses(ds) == before


def test_apply_writes_exactly_the_good_rows_with_their_source(ds: DeskSession) -> None:
    n = register(ds)
    before = {r[0]: r for r in addresses(ds)}
    done = address_updates.apply(ds, file_for(n), source="Posti osoitepalvelu")
    assert sorted(done.changed_numbers) == sorted([n["good"], n["byname"]])
    after = {r[0]: r for r in addresses(ds)}
    assert after[n["good"]][1:4] == ("Uusi 1", "00200", "HELSINKI")
    assert after[n["byname"]][1:4] == ("Pihlajatie 9", "02100", "ESPOO")
    assert after[n["good"]][4] == before[n["good"]][4] + 1  # a new version
    for key in ("current", "twin1", "twin2", "prohibited"):
        assert after[n[key]] == before[n[key]], key
    history = customers.history(ds, n["good"])
    changed = {(c.field, c.old_value, c.new_value, c.source) for c in history
               if c.source is DataSource.UPDATE_SERVICE}  # fmt: skip
    assert changed == {("street", "Vanha 1", "Uusi 1", DataSource.UPDATE_SERVICE),
                       ("postal_code", "00100", "00200", DataSource.UPDATE_SERVICE)}  # fmt: skip
    details = rows(ds, "SELECT DISTINCT source_detail FROM personal_data_change "
                       "WHERE source = 'update_service'")  # fmt: skip
    assert sorted(d[0] for d in details) == [
        "Posti osoitepalvelu, valid from 2026-03-01",
        "Posti osoitepalvelu, valid from 2026-03-02",
    ]
    audited = rows(ds, "SELECT customer_number, action, purpose FROM audit_event "
                       "WHERE detail LIKE 'address update%' ORDER BY customer_number")  # fmt: skip
    assert audited == sorted((x, "update", "administration") for x in (n["good"], n["byname"]))
    # The new address finds the customer; the old one no longer does.
    assert [r.number for r in customers.search(ds, "Pihlajatie").rows] == [n["byname"]]
    assert customers.search(ds, "Koivutie").rows == ()
    # A second run changes nothing: the numbered rows are current, and the row that named
    # its customer by the old address no longer finds one.
    again = address_updates.preview(ds, file_for(n), source="Posti osoitepalvelu")
    assert again.count(au.Category.CHANGED) == 0
    assert again.count(au.Category.CURRENT) == 2
    assert again.outcomes[1].category is au.Category.NOT_FOUND


@pytest.mark.parametrize(
    "broken",
    [
        "Katu Å;00100".encode("latin-1"),  # wrong encoding
        b'"Katu 1;00100;Helsinki;2026-03-01',  # broken quoting
        b"Katu 1;00100",  # a line cut short
    ],
)
def test_a_broken_file_changes_nothing(ds: DeskSession, broken: bytes) -> None:
    n = register(ds)
    before = addresses(ds), rows(ds, "SELECT count(*) FROM personal_data_change")
    data = file_for(n) + f"{n['good']};;;;;".encode() + broken + b"\n"
    with pytest.raises(au.FileRefused) as caught:
        address_updates.apply(ds, data, source="Posti")
    assert caught.value.errors[0][0] == 9
    assert (addresses(ds), rows(ds, "SELECT count(*) FROM personal_data_change")) == before


def test_a_missing_column_changes_nothing(ds: DeskSession) -> None:
    n = register(ds)
    before = addresses(ds)
    data = f"customer_number;new_street;valid_from\n{n['good']};Uusi 1;2026-03-01\n".encode()
    with pytest.raises(au.FileRefused) as caught:
        address_updates.apply(ds, data, source="Posti")
    assert caught.value.errors[0][:2] == (1, "missing_column")
    assert addresses(ds) == before


def test_a_level_that_may_not_edit_customers_is_refused(ds: DeskSession) -> None:
    n = register(ds)
    viewer = DeskSession(ds.db, Level.VIEWER)
    with pytest.raises(PermissionDenied):
        address_updates.preview(viewer, file_for(n), source="Posti")
    with pytest.raises(PermissionDenied):
        address_updates.apply(viewer, file_for(n), source="Posti")


def test_withdrawn_prohibition_lets_the_update_through(ds: DeskSession) -> None:
    n = register(ds)
    consents.record(ds, n["prohibited"], ConsentItem.REGISTER_UPDATES, False, LETTER)
    preview = address_updates.preview(ds, file_for(n), source="Posti")
    assert preview.outcomes[5].category is au.Category.CHANGED


def test_a_desk_save_during_the_import_fails_it_whole(
    ds: DeskSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kkdesk.errors import KnownError
    from kkdesk.store import address_updates as store

    n = register(ds)
    before = addresses(ds)
    real = store._contact_keys

    def save_meanwhile(session: object, ids: object) -> object:
        # Another user's save lands between the import's read and its write.
        con = sqlite3.connect(str(ds.db.url.database))
        with con:
            con.execute("UPDATE customer SET notes = 'x', version = version + 1 "
                        "WHERE number = ?", (n["good"],))  # fmt: skip
        con.close()
        return real(session, ids)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_contact_keys", save_meanwhile)
    with pytest.raises(KnownError) as caught:
        address_updates.apply(ds, file_for(n), source="Posti")
    assert caught.value.code == "address_update_stale"
    after = addresses(ds)
    assert [r[:4] for r in after] == [r[:4] for r in before]  # no address changed
    assert rows(ds, "SELECT count(*) FROM personal_data_change WHERE source = 'update_service'") \
        == [(0,)]  # fmt: skip
