"""Every search kind, and the suppression look-up, reads through indexes on PostgreSQL.

A register large enough for the planner to care is made in SQL (``search_fill.sql``,
``KKDESK_PLAN_CUSTOMERS`` customers, 30,000 by default) on the test server, whose default
collation is Finnish like a customer's. Each search is run by a clerk through the desk's
own service (under row-level security and the clerk's column grants); every statement it
sent is then explained as the clerk with ``EXPLAIN (ANALYZE, FORMAT JSON)``: no sequential
scan of the customer table, and no index walked row by row through a filter (the way the
postal-code search once walked the whole name-key index).

With ``KKDESK_PLAN_REPORT=<file>`` the test also writes each statement's ``EXPLAIN
(ANALYZE, BUFFERS)`` and its p50/p95 over repeated runs to that file, the figures in
docs/central-database.md ("Search plans")::

    KKDESK_PLAN_CUSTOMERS=200000 KKDESK_PLAN_REPORT=/tmp/plans.txt \\
        .venv/bin/pytest -n 0 tests/integration/test_search_plans.py
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from kkdesk.domain.levels import Level
from kkdesk.services import consents
from kkdesk.services import customers as customer_service
from kkdesk.services.session import DeskSession
from tests.integration.conftest import PgDb, PgUser

CUSTOMERS = int(os.environ.get("KKDESK_PLAN_CUSTOMERS", "30000"))
REPORT = os.environ.get("KKDESK_PLAN_REPORT")
FILL = Path(__file__).with_name("search_fill.sql")
# A plan node may throw away rows it read: a name search reads every name starting with
# its first word and keeps those with the later words ("johanna ranbala" reads each Johanna,
# a twenty-fourth of this register, by design of the name keys). Reading the whole register
# to keep a few, as the postal-code and phone searches did, is what this catches.
MAX_FILTERED = max(500, CUSTOMERS // 10)


@dataclass
class Register:
    pg: PgDb
    clerk: PgUser
    ds: DeskSession


@pytest.fixture(scope="module")
def register(pg_db_module: PgDb) -> Register:
    started = time.perf_counter()
    with pg_db_module.connect() as conn:
        with conn.transaction():
            conn.execute(FILL.read_text().replace(":n", str(CUSTOMERS)).encode())
        conn.execute(b"VACUUM ANALYZE")  # as autovacuum leaves a register: index-only scans
    print(f"filled {CUSTOMERS:,} customers in {time.perf_counter() - started:.1f} s")
    clerk = pg_db_module.add_user(Level.CLERK)
    return Register(pg_db_module, clerk, pg_db_module.session(clerk))


@pytest.fixture(scope="module")
def report() -> Iterator[list[str]]:
    lines: list[str] = []
    yield lines
    if REPORT:
        Path(REPORT).write_text("\n".join(lines) + "\n")


def _value(reg: Register, sql: str) -> str:
    with reg.pg.connect() as conn:
        row = conn.execute(sql.encode()).fetchone()
    assert row is not None, sql
    return str(row[0])


def _sent(ds: DeskSession, run: Any) -> list[tuple[str, Any]]:
    """The statements the desk sends while ``run()`` runs, with their parameters."""
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        sent.append((statement, params))

    event.listen(ds.db.engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        event.remove(ds.db.engine, "before_cursor_execute", record)
    return sent


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", ()):
        yield from _nodes(child)


def _check_plans(
    reg: Register, label: str, statements: list[tuple[str, Any]], table: str, report: list[str]
) -> list[str]:
    """What is wrong with the plans of ``statements`` (as the clerk runs them) on ``table``."""
    if not statements:
        return [f"{label}: no statement read {table}"]
    problems = []
    with reg.ds.db.engine.connect() as conn:
        for n, (statement, params) in enumerate(statements, 1):
            where = f"{label}, statement {n} of {len(statements)}"
            row = conn.exec_driver_sql(
                "EXPLAIN (ANALYZE, FORMAT JSON) " + statement, params
            ).scalar_one()
            plan = (row if isinstance(row, list) else json.loads(row))[0]["Plan"]
            for node in _nodes(plan):
                if node.get("Relation Name") != table:
                    continue
                filtered = node.get("Rows Removed by Filter", 0) * node.get("Actual Loops", 1)
                if node["Node Type"] == "Seq Scan" or filtered > MAX_FILTERED:
                    problems.append(
                        f"{where}: {node['Node Type']} on {table}, {filtered} rows filtered "
                        f"out: {json.dumps(plan)}"
                    )
            if REPORT:
                _report(conn, where, statement, params, report)
        conn.rollback()
    return problems


def _report(conn: Any, label: str, statement: str, params: Any, report: list[str]) -> None:
    times = []
    for _ in range(30):
        started = time.perf_counter()
        conn.exec_driver_sql(statement, params).all()
        times.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(times, n=20)[-1]
    text = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, params).all()
    report.append(
        f"### {label}: p50 {statistics.median(times):.2f} ms, p95 {p95:.2f} ms "
        f"(30 runs as the clerk)\n"
    )
    report += ["```", *(r[0] for r in text), "```", ""]


def _search_cases(reg: Register) -> list[tuple[str, str, str]]:
    """(label, what the clerk types, the number of a customer it must find)."""
    mid = CUSTOMERS // 2 + 1  # a person (ids and the fill's i agree: the database is new)
    number = _value(reg, f"SELECT number FROM customer WHERE id = {mid}")
    company = _value(
        reg,
        "SELECT id FROM customer WHERE type = 'company' AND business_id <> '' "
        f"AND phone_home <> '' AND id > {mid} ORDER BY id LIMIT 1",
    )
    contact = _value(reg, f"SELECT min(id) FROM contact_person WHERE customer_id = {company}")
    first, surname, email, mobile, postal = _value(
        reg,
        "SELECT concat_ws('|', first_names, surname, email, phone_mobile, postal_code) "
        f"FROM customer WHERE id = {mid}",
    ).split("|")
    company_number, business_id, company_name, home = _value(
        reg,
        "SELECT concat_ws('|', number, business_id, company_name, phone_home) "
        f"FROM customer WHERE id = {company}",
    ).split("|")
    contact_email, contact_mobile = _value(
        reg, f"SELECT concat_ws('|', email, phone_mobile) FROM contact_person WHERE id = {contact}"
    ).split("|")
    assert email and home, "the fill gives the chosen customers an e-mail and a home phone"
    local = "0" + mobile.removeprefix("+358")
    company_words = company_name.split()
    return [
        ("customer number", number, number),
        ("business ID", business_id, company_number),
        ("phone, local form", f"{local[:3]} {local[3:]}", number),
        ("phone, international form", mobile, number),
        ("phone, home (landline) as 00358", "00358" + home.removeprefix("+358"), company_number),
        ("phone of a contact person", contact_mobile, company_number),
        ("e-mail", email, number),
        ("e-mail prefix", email[: email.index("@") + 3], number),
        ("e-mail of a contact person", contact_email, company_number),
        ("postal code", postal, ""),
        ("surname prefix", surname[:5].lower(), ""),
        ("surname and first name", f"{surname} {first}", number),
        ("first name and surname", f"{first} {surname}", number),
        ("company name", " ".join(company_words[:2]), company_number),
        ("company word (a later word)", f"{company_words[1]} {company_words[0][:4]}", ""),
        ("street word", "kotkankatu 5", ""),
        ("post office", "jyvaskyla", ""),
    ]


def test_every_search_kind_uses_indexes(register: Register, report: list[str]) -> None:
    reg = register
    if REPORT:
        report.append(f"## {CUSTOMERS:,} customers\n")
    problems: list[str] = []
    for label, text, wanted in _search_cases(reg):
        pages: list[Any] = []

        def run(text: str = text, pages: list[Any] = pages) -> None:
            pages.append(customer_service.search(reg.ds, text))

        sent = _sent(reg.ds, run)
        numbers = {row.number for row in pages[0].rows}
        assert pages[0].rows, f"{label}: {text!r} found nobody"
        if wanted:
            assert wanted in numbers, f"{label}: {text!r} did not find {wanted}"
        # A search page is one statement on PostgreSQL, its audit rows written by a WITH
        # (EXPLAIN ANALYZE runs it: the connection rolls back at the end).
        reads = [(s, p) for s, p in sent if s.lstrip().upper().startswith(("SELECT", "WITH"))]
        reads = [(s, p) for s, p in reads if "customer" in s]
        problems += _check_plans(reg, f"search, {label} ({text!r})", reads, "customer", report)
    assert not problems, "\n".join(problems)


def test_the_suppression_look_up_uses_its_index(register: Register, report: list[str]) -> None:
    reg = register
    # A person with an e-mail address and a mobile phone, both with suppression entries.
    number = _value(
        reg,
        "SELECT number FROM customer WHERE id % 12 = 0 AND email <> '' "
        "AND phone_mobile <> '' ORDER BY id LIMIT 1",
    )
    sent = _sent(reg.ds, lambda: consents.load(reg.ds, number))
    reads = [(s, p) for s, p in sent if "FROM suppression" in s]
    label = f"suppression look-up (consents tab of {number})"
    problems = _check_plans(reg, label, reads, "suppression", report)
    assert not problems, "\n".join(problems)
