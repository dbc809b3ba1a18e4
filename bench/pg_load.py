"""Twenty clerks at once on the PostgreSQL register: ``python -m bench load``.

``BENCH_LOAD_CLIENTS`` (20) client processes, each signed in as a clerk of its own, run a
mixed desk workload for ``BENCH_LOAD_SECONDS`` (60) against the bench register
(``bench/pg_register.py``, ``BENCH_CUSTOMERS`` customers), through the latency proxy
(``BENCH_LOAD_RTT_MS``, 20 ms; 0 connects directly): a search (40 %), opening a customer
(form and summary, 25 %), its timeline's first page (10 %), saving a one-field edit
(15 %) and a consent change (10 %). Each client writes to customers of its own and to a
few customers every client shares (where clerks collide: a save refused as outdated, a
consent change refused as changed meanwhile, are correct answers and counted apart).

At the end every client's writes are checked against the database
(:func:`lost_updates`): each customer's version went up by exactly the saves reported
successful, no two successful saves of one customer produced the same version, the street
stored is that of the newest save, and each consent change reported recorded is in the
history, the newest one being the state stored. The table gives each operation's p50 and
p95, the throughput, errors (any exception but the two refusals) and lost updates; the
targets are 0 errors and 0 lost updates.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from bench.common import Row, bench_size, p95

CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "20"))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))
RTT_MS = float(os.environ.get("BENCH_LOAD_RTT_MS", "20"))
OWN_CUSTOMERS = 20  # customers each client alone writes to
SHARED_CUSTOMERS = 5  # customers every client writes to
BARRIER_TIMEOUT_S = 600.0
MIX = (("search", 40), ("open", 25), ("timeline", 10), ("save", 15), ("consent", 10))


@dataclass(frozen=True)
class Save:
    """A save a client was told succeeded."""

    number: str
    street: str
    version: int  # the version the save produced


@dataclass(frozen=True)
class ConsentWrite:
    """A consent change a client was told was recorded."""

    number: str
    event_id: int
    state: bool


@dataclass
class ClientResult:
    client: int
    timings: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    refused: int = 0  # outdated saves and changed-meanwhile consents, correctly refused
    saves: list[Save] = field(default_factory=list)
    consents: list[ConsentWrite] = field(default_factory=list)


def lost_updates(
    saves: Iterable[Save],
    consents: Iterable[ConsentWrite],
    before: dict[str, int],
    stored: dict[str, tuple[str, int]],
    events: dict[str, list[tuple[int, bool]]],
) -> list[str]:
    """What the database lacks of the writes the clients were told succeeded.

    ``before``: each customer's version before the run; ``stored``: its (street, version)
    after; ``events``: the (event id, state) of the consent events of the benchmarked item
    recorded during the run, per customer, oldest first."""
    problems: list[str] = []
    by_number: dict[str, list[Save]] = {}
    for s in saves:
        by_number.setdefault(s.number, []).append(s)
    for number, done in sorted(by_number.items()):
        versions = sorted(s.version for s in done)
        if len(set(versions)) != len(versions):
            problems.append(f"{number}: two saves reported the same version {versions}")
        street, version = stored[number]
        if version - before[number] != len(done):
            problems.append(
                f"{number}: {len(done)} saves reported, the version went up by "
                f"{version - before[number]}"
            )
        newest = max(done, key=lambda s: s.version)
        if street != newest.street:
            problems.append(f"{number}: the newest save wrote {newest.street!r}, stored {street!r}")
    consents_by: dict[str, list[ConsentWrite]] = {}
    for c in consents:
        consents_by.setdefault(c.number, []).append(c)
    for number, done in sorted(consents_by.items()):
        found = dict(events.get(number, []))
        missing = [c.event_id for c in done if found.get(c.event_id) != c.state]
        if missing:
            problems.append(f"{number}: consent events {missing} reported, not stored as told")
        if len(found) != len(done):
            problems.append(f"{number}: {len(done)} consent changes reported, {len(found)} stored")
    return problems


# -- one client -------------------------------------------------------------------------------


def _client(
    client: int,
    url: str,
    password: str,
    barrier: Any,
    seconds: float,
    texts: list[str],
    readers: list[str],
    writable: list[str],
) -> ClientResult:
    from kkdesk.domain.consent import ConsentItem, Evidence
    from kkdesk.domain.enums import Channel, DataSource, Purpose
    from kkdesk.errors import KnownError, StaleEdit
    from kkdesk.services import consents, customers, overview, timeline
    from kkdesk.services.consents import ConsentChanged
    from kkdesk.services.session import open_session

    rng = random.Random(client)
    run_id = os.getpid()
    result = ClientResult(client)
    ds = open_session(url, password=password)
    purpose = Purpose.CUSTOMER_SERVICE
    kinds = [k for k, w in MIX for _ in range(w)]
    # Every client signs in first (twenty processes importing kkdesk take a while on two
    # cores), then all start together.
    barrier.wait(BARRIER_TIMEOUT_S)
    deadline = time.monotonic() + seconds
    seq = 0
    try:
        while time.monotonic() < deadline:
            kind = rng.choice(kinds)
            seq += 1
            t0 = time.perf_counter()
            try:
                if kind == "search":
                    customers.search(ds, rng.choice(texts), limit=100)
                elif kind == "open":
                    number = rng.choice(readers)
                    customers.get(ds, number, purpose=purpose)
                    overview.overview(ds, number, purpose=purpose)
                elif kind == "timeline":
                    timeline.page(ds, rng.choice(readers))
                elif kind == "save":
                    number = rng.choice(writable)
                    current = customers.get(ds, number, purpose=purpose)  # the open form
                    t0 = time.perf_counter()  # the save itself is what is timed
                    # Never the street stored already: a save that changes nothing
                    # stores nothing and keeps the version.
                    street = f"Kuormakatu {run_id}-{client}-{seq}"
                    saved = customers.update(
                        ds,
                        number,
                        replace(current.to_draft(), street=street),
                        expected_version=current.version,
                        source=DataSource.CUSTOMER_PHONE,
                    )
                    result.saves.append(Save(number, street, saved.version))
                else:
                    number = rng.choice(writable)
                    state = rng.random() < 0.5
                    event = consents.record(
                        ds,
                        number,
                        ConsentItem.MARKET_RESEARCH,
                        state,
                        Evidence(date.today(), Channel.PHONE, f"LOAD-{client}-{seq}", ""),
                    )
                    result.consents.append(ConsentWrite(number, event.id, state))
            except (StaleEdit, ConsentChanged):
                result.refused += 1
                continue
            except KnownError as exc:
                result.errors.append(f"{kind}: {exc.code}: {exc}")
                continue
            except Exception as exc:  # a bug or a broken connection: counted, the run goes on
                result.errors.append(f"{kind}: {type(exc).__name__}: {exc}")
                continue
            result.timings.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
    finally:
        ds.close()
    return result


def _client_entry(results: Any, *args: Any) -> None:
    try:
        results.put(_client(*args))
    except BaseException as exc:  # the parent reports it; the barrier is broken for all
        args[3].abort()
        results.put(ClientResult(args[0], errors=[f"client: {type(exc).__name__}: {exc}"]))


# -- the run ------------------------------------------------------------------------------------


def run(customers: int, clients: int = CLIENTS, seconds: float = SECONDS) -> list[Row]:
    from bench.latency_proxy import LatencyProxy
    from bench.pg_register import DATABASE, LOAD_CLERKS, running

    clients = min(clients, LOAD_CLERKS)
    rng = random.Random(20)
    with running(customers) as reg:
        with reg.su() as conn:
            max_id = int(conn.execute(b"select max(id) from customer").fetchone()[0])  # type: ignore[index]
            demo = [
                str(r[0])
                for r in conn.execute(
                    b"select number from customer where created_by <> 'fill' "
                    b"and erased_at is null and type = 'person' order by id"
                )
            ]
            texts = []
            while len(texts) < 200:
                row = conn.execute(
                    b"select surname from customer where id = %s and type = 'person'",
                    (rng.randrange(1, max_id + 1),),
                ).fetchone()
                if row and row[0]:
                    texts.append(str(row[0])[: rng.randrange(3, 6)].lower())
        picked = rng.sample(demo, clients * OWN_CUSTOMERS + SHARED_CUSTOMERS + 200)
        shared = picked[:SHARED_CUSTOMERS]
        own = [
            picked[
                SHARED_CUSTOMERS + i * OWN_CUSTOMERS : SHARED_CUSTOMERS + (i + 1) * OWN_CUSTOMERS
            ]
            for i in range(clients)
        ]
        readers = picked[SHARED_CUSTOMERS + clients * OWN_CUSTOMERS :]
        written = shared + [n for o in own for n in o]
        before = _versions(reg, written)
        started_event = _newest_event(reg)
        proxy = LatencyProxy("127.0.0.1", reg.server.port, RTT_MS).start() if RTT_MS else None
        port = proxy.port if proxy else reg.server.port
        ctx = multiprocessing.get_context("spawn")
        barrier = ctx.Barrier(clients + 1)
        queue = ctx.Queue()
        jobs = [
            (
                i,
                f"postgresql+psycopg://{reg.load_clerks[i].login}@127.0.0.1:{port}/{DATABASE}",
                reg.load_clerks[i].password,
                barrier,
                seconds,
                texts,
                readers,
                own[i] + shared,
            )
            for i in range(clients)
        ]
        print(f"{clients} clerks for {seconds:.0f} s at {RTT_MS:.0f} ms RTT …", file=sys.stderr)
        processes = [ctx.Process(target=_client_entry, args=(queue, *job)) for job in jobs]
        try:
            for process in processes:
                process.start()
            barrier.wait(BARRIER_TIMEOUT_S)  # all signed in
            t0 = time.monotonic()
            results = [queue.get(timeout=seconds + BARRIER_TIMEOUT_S) for _ in processes]
            wall = time.monotonic() - t0
            for process in processes:
                process.join(30)
        finally:
            for process in processes:
                if process.is_alive():
                    process.terminate()
            if proxy:
                proxy.stop()
        stored = _stored(reg, written)
        events = _events(reg, written, started_event)
    saves = [s for r in results for s in r.saves]
    consent_writes = [c for r in results for c in r.consents]
    problems = lost_updates(saves, consent_writes, before, stored, events)
    if os.environ.get("BENCH_PG_DEBUG"):
        for problem in problems:
            print("lost:", problem, file=sys.stderr)
        for save in saves:
            print(save, before.get(save.number), stored.get(save.number), file=sys.stderr)
    return _rows(results, problems, clients, seconds, wall)


def _versions(reg: Any, numbers: list[str]) -> dict[str, int]:
    with reg.su() as conn:
        return {
            str(n): int(v)
            for n, v in conn.execute(
                b"select number, version from customer where number = any(%s)", (numbers,)
            )
        }


def _stored(reg: Any, numbers: list[str]) -> dict[str, tuple[str, int]]:
    with reg.su() as conn:
        return {
            str(n): (str(s), int(v))
            for n, s, v in conn.execute(
                b"select number, street, version from customer where number = any(%s)",
                (numbers,),
            )
        }


def _newest_event(reg: Any) -> int:
    with reg.su() as conn:
        row = conn.execute(b"select coalesce(max(id), 0) from consent_event").fetchone()
        return int(row[0]) if row else 0  # type: ignore[arg-type]


def _events(reg: Any, numbers: list[str], after: int) -> dict[str, list[tuple[int, bool]]]:
    out: dict[str, list[tuple[int, bool]]] = {}
    with reg.su() as conn:
        for number, event_id, state in conn.execute(
            b"select c.number, e.id, e.state from consent_event e "
            b"join customer c on c.id = e.customer_id "
            b"where e.id > %s and e.item = 'market_research' and c.number = any(%s) "
            b"order by e.id",
            (after, numbers),
        ):
            out.setdefault(str(number), []).append((int(event_id), bool(state)))
    return out


def _rows(
    results: list[ClientResult], problems: list[str], clients: int, seconds: float, wall: float
) -> list[Row]:
    rows: list[Row] = []
    for kind, _weight in MIX:
        times = [t for r in results for t in r.timings.get(kind, [])]
        if not times:
            continue
        rows.append(
            Row(
                f"{clients} clerks: {kind}, p95",
                p95(times),
                "ms",
                note=f"{len(times):,} done, p50 {statistics.median(times):.1f} ms, "
                f"{len(times) / seconds:.1f}/s",
            )
        )
    done = sum(len(t) for r in results for t in r.timings.values())
    errors = [e for r in results for e in r.errors]
    refused = sum(r.refused for r in results)
    rows.append(
        Row(
            f"{clients} clerks: throughput",
            done / seconds,
            "ops/s",
            note=f"{done:,} operations in {seconds:.0f} s (the last client done at {wall:.0f} s); "
            f"{refused} saves/consent changes refused as outdated (correct)",
        )
    )
    rows.append(
        Row(
            f"{clients} clerks: errors",
            float(len(errors)),
            "",
            target="0",
            ok=not errors,
            note="; ".join(sorted(set(errors))[:3]),
        )
    )
    saves = sum(len(r.saves) for r in results)
    consents = sum(len(r.consents) for r in results)
    rows.append(
        Row(
            f"{clients} clerks: lost updates",
            float(len(problems)),
            "",
            target="0",
            ok=not problems,
            note=f"{saves:,} saves and {consents:,} consent changes checked"
            + ("; " + "; ".join(problems[:3]) if problems else ""),
        )
    )
    return rows


def main(_argv: list[str]) -> int:
    from bench.__main__ import print_table

    customers = bench_size()
    return print_table(
        f"{CLIENTS} clerks at once — {customers:,} customers, {RTT_MS:.0f} ms RTT",
        run(customers),
    )
