"""Customer look-ups: the command line's search beside the bare indexed SQL query.

Target (issue: foundation): p95 of each look-up ≤ 20 ms and within 2× of the bare query
on the same 1,000,000-customer database. "kkdesk" is the ``kkdesk customer find`` handler
in-process with the database already open (parsing the text, the service, the repository,
formatting the output); a new process per look-up would mostly measure Python's start-up.
"bare" is the one indexed SQL statement that answers the same question, through sqlite3,
selecting the same columns (kkdesk also looks at contact persons' phones and e-mails).

The word searches (issue 12: a later word of a company name, a contact person's name, a
street, a post office) go through the name keys first and then the ``search_word`` table;
their "bare" is the one statement over ``search_word`` that finds the same hits.

Every search records a read of each customer it shows (issue 13: read auditing on), so the
bare operation does the same work: the statement, then one ``audit_event`` row per row it
found, written by one prepared insert and committed, through sqlite3 with the pragmas kkdesk
uses (WAL, ``synchronous=NORMAL``). The note gives the statement's time alone too.

"Within 2×" is judged with a fixed allowance of 1 ms: an exact look-up's bare query takes
some 0.02 ms, less than one Python function call of the command-line layer costs, so
"2 × 0.02 ms" would be no target at all. The p95 is wall time: on a machine whose cores are
busy with other work, the scheduler's 4 ms time slices show in it (the median, in the note,
does not move).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import sqlite3
import statistics

from bench.common import BenchContext, Row, p95, timings
from kkdesk.cli.common import Context
from kkdesk.cli.customer import _find
from kkdesk.domain.search import KEY_END, fold, word_lead

_AUDIT = (
    "insert into audit_event (at, actor, customer_number, action, purpose, detail) "
    "values (?, 'bench', ?, 'read', 'customer_service', 'search result')"
)


def _bare_connection(path: object) -> sqlite3.Connection:
    con = sqlite3.connect(path)  # type: ignore[arg-type]
    con.execute("PRAGMA synchronous=NORMAL")  # as kkdesk's connections (store/database.py)
    return con


def _audited(con: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> None:
    """The bare search with its read auditing: the statement, one audit row per hit."""
    found = con.execute(sql, params).fetchall()
    if found:
        at = "2026-12-02 12:00:00.000000"
        con.executemany(_AUDIT, [(at, str(r[0])) for r in found])
        con.commit()


SAMPLES = 200
ALLOWANCE_MS = 1.0  # see the module's docstring


def _samples(ctx: BenchContext) -> dict[str, list[tuple[str, str, tuple[object, ...]]]]:
    con = sqlite3.connect(ctx.path)
    rng = random.Random(5)
    max_id = con.execute("select max(id) from customer").fetchone()[0]
    rows = [
        con.execute(
            "select number, surname, email, phone_mobile from customer where id = ?",
            (rng.randrange(1, max_id + 1),),
        ).fetchone()
        for _ in range(SAMPLES * 2)
    ]
    con.close()
    out: dict[str, list[tuple[str, str, tuple[object, ...]]]] = {
        "surname prefix": [],
        "customer number": [],
        "e-mail": [],
        "phone": [],
    }
    base = (
        "select id, number, type, surname, first_names, company_name, postal_code,"
        " post_office, email, phone_mobile, phone_home, phone_work"
        " from customer where erased_at is null and "
    )
    for number, surname, email, phone in rows:
        if surname and len(out["surname prefix"]) < SAMPLES:
            prefix = fold(surname)[: rng.randrange(3, 6)]
            out["surname prefix"].append(
                (
                    prefix,
                    base + "name_key >= ? and name_key < ? order by name_key, id limit 20",
                    (prefix, prefix + KEY_END),
                )
            )
        if len(out["customer number"]) < SAMPLES:
            out["customer number"].append((number, base + "number = ?", (number,)))
        if email and len(out["e-mail"]) < SAMPLES:
            key = email.casefold()
            out["e-mail"].append(
                (
                    email,
                    base + "email_key >= ? and email_key < ? order by email_key, id limit 20",
                    (key, key + KEY_END),
                )
            )
        if phone and len(out["phone"]) < SAMPLES:
            national = "0" + phone[4:]
            spaced = f"{national[:3]} {national[3:6]} {national[6:]}"
            out["phone"].append(
                (
                    spaced,
                    base + "(phone_mobile = ? or phone_home = ? or phone_work = ?)"
                    " order by name_key, id limit 20",
                    (phone, phone, phone),
                )
            )
    return out


def run(ctx: BenchContext) -> list[Row]:
    before = _audit_rows(ctx)
    rows = run_names(ctx) + run_words(ctx) + run_refusals(ctx)
    audited = _audit_rows(ctx) - before
    # Issue 13: every customer a search shows is a read of their data, recorded in the
    # same transaction as the search; these figures include writing those rows.
    for row in rows:
        row.note += "; reads audited"
    rows[-1].note += f" ({audited:,} audit rows written by this benchmark's searches)"
    return rows


def _audit_rows(ctx: BenchContext) -> int:
    con = sqlite3.connect(ctx.path)
    try:
        return int(con.execute("select count(*) from audit_event").fetchone()[0])
    finally:
        con.close()


def wrong_check_digits(path: object, samples: int = SAMPLES) -> list[str]:
    """Customer numbers and business IDs as a clerk mistypes them: the check digit wrong."""
    con = sqlite3.connect(str(path))
    rng = random.Random(13)
    max_id = con.execute("select max(id) from customer").fetchone()[0]
    out: list[str] = []
    while len(out) < samples:
        number, business_id = con.execute(
            "select number, business_id from customer where id = ?",
            (rng.randrange(1, max_id + 1),),
        ).fetchone() or ("", "")
        text = business_id if business_id and len(out) % 2 else number
        if text:
            out.append(text[:-1] + str((int(text[-1]) + rng.randrange(1, 10)) % 10))
    con.close()
    return out


def short_words(path: object, samples: int = SAMPLES) -> list[str]:
    """Several words of two letters each ("vi ma", "ko zz"): the guard's case, where no
    word is long enough to narrow an index range by itself."""
    con = sqlite3.connect(str(path))
    rng = random.Random(14)
    max_id = con.execute("select max(id) from customer").fetchone()[0]
    out: list[str] = []
    while len(out) < samples:
        row = con.execute(
            "select name_key from customer where id = ?", (rng.randrange(1, max_id + 1),)
        ).fetchone()
        words = row[0].split() if row else []
        if len(words) < 2 or len(words[0]) < 2:
            continue
        other = words[1][:2] if len(out) % 2 else rng.choice(("zz", "qx", "yy", "xw"))
        out.append(f"{words[0][:2]} {other}")
    con.close()
    return out


def run_refusals(ctx: BenchContext) -> list[Row]:
    """A wrong check digit (said at once, no query) and the guard of short words."""
    from kkdesk.domain.search import check_digit_problem
    from kkdesk.errors import KnownError

    cli_ctx = Context(argparse.Namespace())
    cli_ctx._session = ctx.ds
    rows = []
    for kind, texts in (
        ("customer number or business ID with a wrong check digit", wrong_check_digits(ctx.path)),
        ("several two-letter words (bounded scan)", short_words(ctx.path)),
    ):
        ours: list[float] = []
        theirs: list[float] = []
        for text in texts:
            args = argparse.Namespace(text=text, limit=20, json=False)

            def call(args: argparse.Namespace = args) -> None:
                with (
                    contextlib.redirect_stdout(io.StringIO()),
                    contextlib.redirect_stderr(io.StringIO()),
                    contextlib.suppress(KnownError),  # the sentence the command line prints
                ):
                    _find(args, cli_ctx)

            call()
            ours += timings(call, 3)
            if "check digit" in kind:
                theirs += timings(lambda text=text: check_digit_problem(text), 3)
        ours_p95 = p95(ours)
        rows.append(
            Row(
                f"find by {kind}, p95",
                ours_p95,
                "ms",
                target="≤ 20 ms",
                baseline=p95(theirs) if theirs else None,
                ok=ours_p95 <= 20,
                note=f"{len(texts)} look-ups ×3 (e.g. “{texts[0]}”); median "
                f"{statistics.median(ours):.2f} ms"
                + ("; bare = the check alone" if theirs else ""),
            )
        )
    return rows


def run_names(ctx: BenchContext) -> list[Row]:
    ds = ctx.ds
    cli_ctx = Context(argparse.Namespace())
    cli_ctx._session = ds  # the open database, as one command would have it
    bare = _bare_connection(ctx.path)
    rows = []
    for kind, cases in _samples(ctx).items():
        ours: list[float] = []
        theirs: list[float] = []
        statement: list[float] = []
        for text, sql, params in cases:
            args = argparse.Namespace(text=text, limit=20, json=False)

            def call(args: argparse.Namespace = args) -> None:
                with (
                    contextlib.redirect_stdout(io.StringIO()),
                    contextlib.redirect_stderr(io.StringIO()),
                ):
                    _find(args, cli_ctx)

            call()  # warm the page cache for this key, as for the bare query
            ours += timings(call, 3)
            statement += timings(
                lambda sql=sql, params=params: bare.execute(sql, params).fetchall(), 3
            )
            theirs += timings(lambda sql=sql, params=params: _audited(bare, sql, params), 3)
        ours_p95, theirs_p95 = p95(ours), p95(theirs)
        rows.append(
            Row(
                f"find by {kind}, p95",
                ours_p95,
                "ms",
                target="≤ 20 ms; ≤ 2× bare (+1 ms)",
                baseline=theirs_p95,
                ok=ours_p95 <= 20 and ours_p95 <= 2 * theirs_p95 + ALLOWANCE_MS,
                note=f"{len(cases)} look-ups ×3; median {statistics.median(ours):.2f} ms "
                f"(bare {statistics.median(theirs):.2f} ms, of which the statement "
                f"{statistics.median(statement):.2f} ms)",
            )
        )
    bare.close()
    return rows


_WORD_SQL = (
    "select c.id, c.number, c.type, c.surname, c.first_names, c.company_name, c.postal_code,"
    " c.post_office, c.email, c.phone_mobile, c.phone_home, c.phone_work, c.street, w.kind"
    " from search_word w join customer c on c.id = w.customer_id"
    " where c.erased_at is null and w.word >= ? and w.word < ? {more}"
    " order by w.word, w.sort_key, w.customer_id limit 20"
)


def word_samples(path: object, samples: int = SAMPLES) -> dict[str, list[str]]:
    """What clerks type to reach a customer by a search word: a later word of a company's
    name, a contact person's "surname first", a street's name, a post office."""
    con = sqlite3.connect(str(path))
    rng = random.Random(12)
    max_id = con.execute("select max(id) from customer").fetchone()[0]
    max_contact = con.execute("select max(id) from contact_person").fetchone()[0] or 0
    out: dict[str, list[str]] = {
        "company word": [],
        "contact name": [],
        "street": [],
        "post office": [],
    }
    tries = 0
    while min(len(v) for v in out.values()) < samples and tries < samples * 200:
        tries += 1
        row = con.execute(
            "select company_name, street, post_office from customer where id = ?",
            (rng.randrange(1, max_id + 1),),
        ).fetchone()
        if row is None:
            continue
        company, street, office = (fold(v) for v in row)
        if len(company.split()) > 2 and len(out["company word"]) < samples:
            word = company.split()[1]
            out["company word"].append(word[: rng.randrange(4, 8)])
        if street and len(out["street"]) < samples:
            out["street"].append(street.split()[0][: rng.randrange(5, 9)])
        if office and len(out["post office"]) < samples:
            out["post office"].append(office[: rng.randrange(4, 9)])
        contact = con.execute(
            "select surname, first_names from contact_person where id = ?",
            (rng.randrange(1, max_contact + 1),),
        ).fetchone()
        if contact is not None and len(out["contact name"]) < samples:
            surname, first = fold(contact[0]), fold(contact[1])
            out["contact name"].append(f"{surname} {first[: rng.randrange(2, 5)]}")
    con.close()
    return out


def _word_bare(text: str) -> tuple[str, tuple[object, ...]]:
    lead, *others = word_lead(fold(text).split())
    more = "".join(" and (' ' || w.phrase) like ?" for _ in others)
    return _WORD_SQL.format(more=more), (lead, lead + KEY_END, *(f"% {o}%" for o in others))


def run_words(ctx: BenchContext) -> list[Row]:
    ds = ctx.ds
    cli_ctx = Context(argparse.Namespace())
    cli_ctx._session = ds
    bare = _bare_connection(ctx.path)
    rows = []
    for kind, texts in word_samples(ctx.path).items():
        ours: list[float] = []
        theirs: list[float] = []
        statement: list[float] = []
        for text in texts:
            args = argparse.Namespace(text=text, limit=20, json=False)

            def call(args: argparse.Namespace = args) -> None:
                with (
                    contextlib.redirect_stdout(io.StringIO()),
                    contextlib.redirect_stderr(io.StringIO()),
                ):
                    _find(args, cli_ctx)

            sql, params = _word_bare(text)
            call()
            ours += timings(call, 3)
            statement += timings(
                lambda sql=sql, params=params: bare.execute(sql, params).fetchall(), 3
            )
            theirs += timings(lambda sql=sql, params=params: _audited(bare, sql, params), 3)
        ours_p95, theirs_p95 = p95(ours), p95(theirs)
        rows.append(
            Row(
                f"find by {kind}, p95",
                ours_p95,
                "ms",
                target="≤ 20 ms; ≤ 2× bare (+1 ms)",
                baseline=theirs_p95,
                ok=ours_p95 <= 20 and ours_p95 <= 2 * theirs_p95 + ALLOWANCE_MS,
                note=f"{len(texts)} look-ups ×3 (e.g. “{texts[0]}”); median "
                f"{statistics.median(ours):.2f} ms (bare {statistics.median(theirs):.2f} ms, "
                f"of which the statement {statistics.median(statement):.2f} ms)",
            )
        )
    bare.close()
    return rows
