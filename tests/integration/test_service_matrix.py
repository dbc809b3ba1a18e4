"""Every user level × kkdesk's own services, refused by the server itself.

The table matrix (``test_level_matrix.py``) proves the grants statement by statement; this
proves the same limits through the use cases the desk and the command line call. Each
level's session *claims* to be ``admin``, so the services' own courtesy checks let every
call through and the only guard left is PostgreSQL: whatever a level may not do must come
back as :class:`PermissionDenied` from the server. The honest sessions are refused too.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import DataSource, Purpose
from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied
from kkdesk.services import access_report, audit, customers, orders, record, requests, users
from kkdesk.services.session import DeskSession

pytestmark = pytest.mark.postgres

V, C, M, P, A = Level.VIEWER, Level.CLERK, Level.MARKETING, Level.PRIVACY, Level.ADMIN

DRAFT = CustomerDraft(
    surname="Matrixinen",
    first_names="Maija",
    street="Testikatu 1",
    postal_code="00100",
    post_office="HELSINKI",
    email="maija.matrixinen@example.fi",
)

Op = Callable[[DeskSession, str], object]


def _update(ds: DeskSession, number: str) -> object:
    current = customers.get(ds, number, purpose=Purpose.CUSTOMER_SERVICE)
    street = f"Testikatu {uuid.uuid4().int % 200 + 2}"
    return customers.update(
        ds,
        number,
        replace(current.to_draft(), street=street),
        expected_version=current.version,
        source=DataSource.CUSTOMER_PHONE,
    )


def _open(ds: DeskSession, number: str) -> object:
    return customers.get(ds, number, purpose=Purpose.CUSTOMER_SERVICE)


def _show(ds: DeskSession, number: str) -> object:
    return record.customer_record(ds, number, purpose=Purpose.ADMINISTRATION)


def _create(ds: DeskSession, number: str) -> object:
    return customers.create(ds, DRAFT, source=DataSource.CUSTOMER_PHONE)


def _add_staff(ds: DeskSession, number: str) -> object:
    return users.add(ds, f"s{uuid.uuid4().hex[:10]}", V, "pw-123456")


OPS: dict[str, tuple[Op, set[Level]]] = {
    # Marketing finds customers by name and contact channels (its own columns only) …
    "search": (lambda ds, n: customers.search(ds, "matrixinen"), {V, C, M, P, A}),
    # … and opens a record with just those columns (to see its prohibitions and consents);
    # birth dates, notes, the change history and orders stay closed to it.
    "open record": (_open, {V, C, M, P, A}),
    "change history": (customers.history, {V, C, P, A}),
    "customer show": (_show, {V, C, M, P, A}),
    "orders": (orders.orders_of, {V, C, P, A}),
    "create customer": (_create, {C, A}),
    # privacy may UPDATE customer rows (erasure blanks them); the desk offers it no editing.
    "update customer": (_update, {C, P, A}),
    "audit trail": (audit.trail, {P, A}),
    # The letter answers the customer's open access request: archived on it and audited.
    "access letter": (lambda ds, n: access_report.generate(ds, n), {P, A}),
    "access letters, open requests": (lambda ds, n: access_report.generate_open(ds), {P, A}),
    "add staff": (_add_staff, {A}),
    "change a level": (lambda ds, n: users.set_level(ds, "matrix_target", V), {A}),
}
CASES = [(op, level) for op in OPS for level in Level]
PARTIAL_FOR_MARKETING = {"open record", "customer show"}


@pytest.fixture(scope="module")
def world(pg_db_module: Any) -> dict[str, Any]:
    staff = {level: pg_db_module.add_user(level) for level in Level}
    pg_db_module.add_user(Level.VIEWER, login="matrix_target")
    clerk = pg_db_module.session(staff[C])
    number = customers.create(clerk, DRAFT, source=DataSource.CUSTOMER_PHONE).number
    honest = {level: pg_db_module.session(user) for level, user in staff.items()}
    requests.add(
        honest[P],
        number,
        "access",
        received_on=requests.today(),
        channel="letter",
        identity_method="ID card",
    )
    # Same credentials, but the client claims the highest level: only the server guards.
    claiming = {level: DeskSession(ds.db, Level.ADMIN) for level, ds in honest.items()}
    return {"number": number, "honest": honest, "claiming": claiming, "pg": pg_db_module}


def _remember_new_logins(world: dict[str, Any], result: object) -> None:
    login = getattr(result, "login", None)
    if isinstance(login, str) and login.startswith("s"):
        from tests.integration.conftest import PgUser

        world["pg"].users.append(PgUser(login, "pw-123456", V))  # dropped at teardown


@pytest.mark.parametrize(("op", "level"), CASES)
def test_the_server_refuses_what_a_level_may_not_do(
    world: dict[str, Any], op: str, level: Level
) -> None:
    call, allowed = OPS[op]
    ds = world["claiming"][level]
    assert ds.level is Level.ADMIN and ds.user != "kkdesk_owner"
    # Claiming admin, the session asks for every column of the record: the server refuses
    # marketing that (the honest marketing session asks for its own columns only).
    # Claiming admin, customer show asks for every section too: the server refuses those
    # the real level may not read (requests, disclosures), and the record fails as a whole
    # (a desk withholds sections by the level it knows, not by catching refusals).
    lied_about = op == "customer show" and level not in (P, A)
    if level in allowed and not (op in PARTIAL_FOR_MARKETING and level is M) and not lied_about:
        _remember_new_logins(world, call(ds, world["number"]))
    else:
        with pytest.raises(PermissionDenied):
            call(ds, world["number"])


@pytest.mark.parametrize(("op", "level"), CASES)
def test_honest_sessions_get_the_same_answers(world: dict[str, Any], op: str, level: Level) -> None:
    call, allowed = OPS[op]
    ds = world["honest"][level]
    assert ds.level is level
    if level in allowed and not (op == "update customer" and level is P):
        _remember_new_logins(world, call(ds, world["number"]))
    else:
        # The desk refuses first where it knows the level may not (privacy edits no
        # customer in the desk: only erasure changes its rows); else the server does.
        with pytest.raises(PermissionDenied):
            call(ds, world["number"])


def test_customer_show_withholds_what_a_level_may_not_read(world: dict[str, Any]) -> None:
    viewer = record.customer_record(
        world["honest"][V], world["number"], purpose=Purpose.CUSTOMER_SERVICE
    )
    privacy = record.customer_record(
        world["honest"][P], world["number"], purpose=Purpose.SUBJECT_REQUEST
    )
    assert "requests" in viewer.get("withheld", [])
    assert "requests" not in privacy.get("withheld", [])
    assert viewer["customer"]["number"] == world["number"]
