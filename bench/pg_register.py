"""The PostgreSQL register of the PostgreSQL benches, built once and kept in ``bench/.data``.

The server is started as the integration tests start theirs (``tests/integration/
pgserver.py``: ``scram-sha-256``, a Finnish ICU default collation, the ``kkdesk_owner``
role that owns the database), plus a JSON statement log to count the statements each
operation sends and a page cache big enough for the register (``BENCH_PG_OPTIONS`` adds
or overrides server settings). The register is migrated by its owner and filled (see
:func:`demo_size`), then the staff logins the benches sign in as are provisioned the way
``kkdesk users add`` does: a clerk, a privacy officer (the access letter), a marketing
user (the exports), and one clerk per load-bench client.

The data folder ``bench/.data/pg-<customers>-s<seed>-<schema head>/`` is reused while the
size, the seed and the schema head stay the same; ``<that>.json`` beside it holds the
throw-away cluster's passwords (0600) and is written last, so a build that was
interrupted is started again from scratch. A kept register of the same size and seed at an
older schema head is migrated to the current head instead of built again (the migrations
take seconds, a 1,000,000-customer build an hour).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from bench.common import DATA
from kkdesk.domain.levels import Level
from kkdesk.store import migrate
from tests.integration.pgserver import (
    OWNER,
    PgDb,
    PgServer,
    PgUser,
    _find_bin_dir,
    create_owner,
    init_cluster,
    start_cluster,
    stop_cluster,
)

DATABASE = "kkdesk"
FILL = Path(__file__).resolve().parents[1] / "tests" / "integration" / "search_fill.sql"
LOAD_CLERKS = 20
# The statements each operation sends are logged (log_statement, switched on only while
# they are counted) to a JSON log the bench reads; the page cache holds a 1,000,000
# customer register's hot indexes (the tests' servers keep PostgreSQL's 128 MB default).
BENCH_OPTIONS = (
    "-c shared_buffers=1GB -c max_connections=100 -c logging_collector=on "
    "-c log_destination=jsonlog -c log_directory=log -c log_filename=bench "
    "-c log_rotation_size=0 -c log_rotation_age=0"
)


@dataclass
class Register:
    """The running bench server and its register."""

    customers: int
    server: PgServer
    db: PgDb
    clerk: PgUser
    privacy: PgUser
    marketing: PgUser
    load_clerks: list[PgUser]

    def su(self) -> psycopg.Connection[tuple[object, ...]]:
        """The superuser on the register (autocommit, no proxy): set-up and counting."""
        return self.server.connect(DATABASE)


def demo_size(customers: int) -> int:
    """How many of the register's customers ``kkdesk demo``'s generator makes (with orders,
    consents, history): ``BENCH_PG_DEMO``, by default all of them up to 20,000. The rest
    are made in SQL first (``tests/integration/search_fill.sql``, the search plan test's
    register: names, companies, contact persons, phones, e-mails, search words,
    suppression entries; no orders or consents), because the generator wrote 60 (row by
    row) to 550 (its first COPY) customers a second on PostgreSQL on a busy 2-core
    machine; about 3,000 a second now (``python -m bench demo``), and the default stays,
    so that a kept register keeps its name."""
    return min(customers, int(os.environ.get("BENCH_PG_DEMO", "20000")))


def _key(customers: int, seed: int) -> str:
    return f"pg-{customers}-d{demo_size(customers)}-s{seed}-{migrate.HEAD}"


def _options() -> str:
    return BENCH_OPTIONS + (
        " " + os.environ["BENCH_PG_OPTIONS"] if "BENCH_PG_OPTIONS" in os.environ else ""
    )


@contextmanager
def running(customers: int, seed: int = 1) -> Iterator[Register]:
    """The register of ``customers`` demo customers on a running server (built first if
    there is none for this size, seed and schema), stopped at the end."""
    bin_dir = _find_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL server binaries (initdb, pg_ctl) were not found")
    DATA.mkdir(exist_ok=True)
    base = DATA / _key(customers, seed)
    state_file = base.with_suffix(".json")
    if not state_file.exists():
        shutil.rmtree(base, ignore_errors=True)
        older = _older_register(customers, seed)
        if older is not None:
            _upgrade(bin_dir, older, base, state_file)
        else:
            _build(bin_dir, base, state_file, customers, seed)
    state = json.loads(state_file.read_text())
    port = start_cluster(bin_dir, base, _options())
    server = PgServer("127.0.0.1", port, state["su"], state["owner"], bin_dir, base / "data")
    users = {
        name: PgUser(login, pw, Level(level)) for name, (login, pw, level) in state["users"].items()
    }
    reg = Register(
        customers,
        server,
        PgDb(server, DATABASE),
        users["clerk"],
        users["privacy"],
        users["marketing"],
        [users[f"load{i}"] for i in range(LOAD_CLERKS)],
    )
    try:
        yield reg
    finally:
        reg.db.close()
        stop_cluster(bin_dir, base / "data", "fast")


def _older_register(customers: int, seed: int) -> Path | None:
    """A complete register of this size and seed at an older schema head, if one is kept
    (the newest such): upgrading it costs seconds where a build costs an hour."""
    prefix = f"pg-{customers}-d{demo_size(customers)}-s{seed}-"
    found = [
        p.with_suffix("")
        for p in DATA.glob(prefix + "*.json")
        if p.with_suffix("").is_dir() and p.stem[len(prefix) :] < migrate.HEAD
    ]
    return max(found, default=None)


def _upgrade(bin_dir: Path, older: Path, base: Path, state_file: Path) -> None:
    """Migrate the kept register ``older`` to this schema head by its owner, as ``kkdesk db
    upgrade`` does, and keep it as ``base``. The data folder is renamed first and its JSON
    last, so an interrupted upgrade leaves no register that claims the new head (the
    renamed folder is built afresh next time)."""
    print(f"Upgrading the kept register {older.name} to schema {migrate.HEAD} …",
          file=sys.stderr)  # fmt: skip
    t0 = time.monotonic()
    state = json.loads(older.with_suffix(".json").read_text())
    older.with_suffix(".json").unlink()
    older.rename(base)
    port = start_cluster(bin_dir, base, _options())
    server = PgServer("127.0.0.1", port, state["su"], state["owner"], bin_dir, base / "data")
    try:
        owner_db = PgDb(server, DATABASE).owner_db()
        try:
            migrate.upgrade(owner_db)
        finally:
            owner_db.dispose()
        with server.connect(DATABASE) as conn:
            conn.execute(b"VACUUM ANALYZE")
    finally:
        stop_cluster(bin_dir, base / "data", "fast")
    fd = os.open(state_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(state, f)
    print(f"  upgraded in {time.monotonic() - t0:.0f} s", file=sys.stderr)


def _build(bin_dir: Path, base: Path, state_file: Path, customers: int, seed: int) -> None:
    from kkdesk.services import demo

    print(f"Building the {customers:,}-customer PostgreSQL register (once) in {base} …",
          file=sys.stderr)  # fmt: skip
    t0 = time.monotonic()
    su_password = init_cluster(bin_dir, base)
    port = start_cluster(bin_dir, base, _options())
    server = PgServer("127.0.0.1", port, su_password, secrets.token_urlsafe(16), bin_dir,
                      base / "data")  # fmt: skip
    try:
        create_owner(server)
        with server.connect() as conn:
            conn.execute(
                psycopg.sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    psycopg.sql.Identifier(DATABASE), psycopg.sql.Identifier(OWNER)
                )
            )
        pg = PgDb(server, DATABASE)
        owner_db = pg.owner_db()
        try:
            migrate.upgrade(owner_db)
        finally:
            owner_db.dispose()
        filled = customers - demo_size(customers)
        if filled:
            with server.connect(DATABASE) as conn, conn.transaction():
                conn.execute(FILL.read_text().replace(":n", str(filled)).encode())
            print(f"  {filled:,} customers in SQL  {time.monotonic() - t0:.0f} s", file=sys.stderr)
        ds = pg.session()

        def progress(done: int, total: int) -> None:
            if done % 50000 == 0 or done == total:
                print(f"  {done:,} / {total:,}  {time.monotonic() - t0:.0f} s", file=sys.stderr)

        demo.generate(ds, customers - filled, seed=seed, progress=progress)
        pg.close()
        users = {
            "clerk": pg.add_user(Level.CLERK, "bench_clerk"),
            "privacy": pg.add_user(Level.PRIVACY, "bench_privacy"),
            "marketing": pg.add_user(Level.MARKETING, "bench_marketing"),
        }
        for i in range(LOAD_CLERKS):
            users[f"load{i}"] = pg.add_user(Level.CLERK, f"bench_load{i}")
        with server.connect(DATABASE) as conn:
            conn.execute(b"VACUUM ANALYZE")
        state = {
            "su": su_password,
            "owner": server.owner_password,
            "users": {k: (u.login, u.password, u.level.value) for k, u in users.items()},
        }
        fd = os.open(state_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump(state, f)
    finally:
        stop_cluster(bin_dir, base / "data", "fast")
    print(f"  built in {time.monotonic() - t0:.0f} s", file=sys.stderr)
