"""Customer rows in and out: search by keyset pages, load, and convert to domain views.

Search never loads more than one page. Each reading of the query text (see
:func:`kkdesk.domain.search.interpret`) is a *phase*, an index range scan ordered by that
index; the cursor remembers the phase and the last key seen, so the next page continues
exactly where the previous one ended however many customers match.

A name is searched in three phases: the name key from its start (surname first), the
reversed key (first names first), then the search words (a later word of the name, a
contact person, street, post office; see :func:`kkdesk.domain.search.search_words`), each
phase leaving out the customers an earlier one showed. A customer with several matching
words is shown once, through its first matching word.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    Table,
    and_,
    bindparam,
    case,
    delete,
    exists,
    func,
    insert,
    literal,
    not_,
    null,
    or_,
    select,
    tuple_,
    type_coerce,
    union_all,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session, aliased, joinedload, load_only, selectinload

from kkdesk.domain import catalogue
from kkdesk.domain import customer as dc
from kkdesk.domain.enums import CustomerType, DataSource, Language
from kkdesk.domain.search import (
    KEY_END,
    QueryKind,
    WordKind,
    interpret,
    search_words,
    word_lead,
)
from kkdesk.errors import KnownError, NotFound
from kkdesk.store import prepared
from kkdesk.store.models import (
    AuditEvent,
    ContactPerson,
    Customer,
    KeyText,
    PersonalDataChange,
    ProcessingRestriction,
    SearchWord,
)


@dataclass(frozen=True)
class SearchCursor:
    """Where the next page starts: the phase, and the sort key and id of the last row."""

    text: str
    phase: int
    last_key: str
    last_id: int
    last_word: str = ""  # the search-word phase's first sort key


@dataclass(frozen=True)
class SearchPage:
    rows: tuple[dc.CustomerSummary, ...]
    next: SearchCursor | None
    # Numbers of matching rows kkdesk cannot interpret (a bad code stored outside kkdesk):
    # left out of ``rows`` so that they never stop a search, and named so they can be shown.
    damaged: tuple[str, ...] = ()
    # A query of short words only (e.g. "ko zz") searched the first SHORT_SCAN_CAP keys of
    # each index, not the whole register: more letters would search it all.
    narrowed: bool = False


_SUMMARY_COLUMNS = (
    Customer.id,
    Customer.number,
    Customer.type,
    Customer.surname,
    Customer.first_names,
    Customer.company_name,
    Customer.postal_code,
    Customer.post_office,
    Customer.email,
    Customer.phone_mobile,
    Customer.phone_home,
    Customer.phone_work,
    # Art. 18 marker: one probe of the restrictions in force per row shown (a partial
    # index; only the page's rows reach the select list).
    # (The id, not "*": an offline copy's authorizer checks every column a query names.)
    # Typed Integer, not Boolean: SQLite's Boolean converts every value it returns, and a
    # statement with a result conversion cannot run on the driver's cursor (see
    # kkdesk.store.prepared), so every search went through SQLAlchemy again (4× the bare
    # search, bench/bench_find.py). _summary makes it a bool.
    type_coerce(
        exists(
            select(ProcessingRestriction.id).where(
                ProcessingRestriction.customer_id == Customer.id,
                ProcessingRestriction.lifted_at.is_(None),
            )
        ),
        Integer,
    ).label("restricted"),
)


_PHONE_COLUMNS = (Customer.phone_mobile, Customer.phone_home, Customer.phone_work)


# Search statements are built once per (kind of query, number of words) with bound
# parameters and run on the Core connection: building and ORM-compiling a select for every
# keystroke cost more than the indexed query itself (see bench/bench_find.py).
_LIMIT = bindparam("limit", type_=Integer)
_LAST_KEY = bindparam("last_key", type_=KeyText)
_LAST_ID = bindparam("last_id", type_=Integer)
_LAST_WORD = bindparam("last_word", type_=KeyText)


def _prefix(column: Any, name: str = "value") -> ColumnElement[bool]:
    """``column`` starts with the bound ``value`` (an index range scan, unlike LIKE)."""
    return and_(column >= bindparam(name, type_=KeyText), column < bindparam(f"{name}_end"))


def _words_filter(column: Any, words: int, name: str = "word") -> list[ColumnElement[bool]]:
    # Later words may match the start of any word of the key ("virt mat" → Virtanen Matti).
    # fold() leaves only letters, digits and spaces, so no LIKE escaping is needed.
    return [(" " + column).like(bindparam(f"{name}{i}", type_=KeyText)) for i in range(words)]


@dataclass(frozen=True)
class _At:
    """Where each value a search row needs is in that row (rows are read by position:
    building a mapping per row cost more than the rest of turning it into a hit)."""

    id: int
    number: int
    type: int
    surname: int
    first_names: int
    company_name: int
    postal_code: int
    post_office: int
    email: int
    phone_mobile: int
    phone_home: int
    phone_work: int
    sort_key: int
    sort_word: int | None = None
    street: int | None = None
    matched: int | None = None
    contact_surname: int | None = None
    contact_first_names: int | None = None
    restricted: int | None = None  # the Art. 18 marker
    merged_number: int | None = None  # found by a number merged into this record

    @classmethod
    def of(cls, query: Select[*tuple[Any, ...]]) -> _At:
        names = list(query.selected_columns.keys())
        fields = cls.__dataclass_fields__
        return cls(**{n: names.index(n) for n in fields if n in names})


@dataclass(frozen=True)
class _Phase:
    """One index range scan: the first page, the next pages (keyset), and its sort key."""

    first: Select[*tuple[Any, ...]]
    more: Select[*tuple[Any, ...]]
    key: Any
    at: _At
    # The word phase: its page with every matching word of a customer (see
    # _first_words_page), and the word's ref as one more column.
    every_word: Select[*tuple[Any, ...]] | None = None
    ref_at: int = -1  # where the word's ref is in every_word's rows


def number_target(number: Any) -> ColumnElement[int]:
    """The id of the customer numbered ``number`` or, when that record was merged into
    another (migration 0020), of the kept record: an old number leads to the kept one.
    One look-up in the number's unique index."""
    alias = _NUMBERED
    target: ColumnElement[int] = (
        select(func.coalesce(alias.merged_into, alias.id))
        .where(alias.number == number)
        .scalar_subquery()
    )
    return target


# Made once: an alias's columns are worked out on first use and kept on it, and making
# them again for every statement cost more than the statement's round trip on a LAN.
_NUMBERED = aliased(Customer, name="numbered")
_READ = aliased(Customer, name="read_customer")
# The number a statement built once (opened_row, the consent view) is run for.
NUMBER = bindparam("number", type_=String)
_AUDIT_READ = tuple(bindparam(f"audit_{k}", type_=String) for k in ("action", "purpose", "detail"))


def merged_aliases(session: Session | Connection, numbers: Sequence[str]) -> dict[str, str]:
    """{merged-away number: kept number} of the records merged into the customers
    ``numbers``: their logs before the merge are those customers' logs too."""
    if not numbers:
        return {}
    kept = aliased(Customer, name="kept")
    out: dict[str, str] = {}
    for start in range(0, len(numbers), 500):
        part = list(numbers[start : start + 500])
        rows = session.execute(
            select(Customer.number, kept.number)
            .join(kept, kept.id == Customer.merged_into)
            .where(kept.number.in_(part))
        ).all()
        out.update((str(a), str(b)) for a, b in rows)
    return out


def number_is(number: str) -> ColumnElement[bool]:
    """The customer ``number``, or the one it was merged into."""
    return Customer.id == number_target(number.strip())


def with_read(query: Select[Any]) -> Select[Any]:
    """``query`` (built for the bound :data:`NUMBER`) that also records, in the same
    statement, a read of the live customer of that number (or of the record it was merged
    into, under the kept number) with the bound action, purpose and detail (see
    :func:`read_params`; PostgreSQL: a data-modifying WITH; the server writes who and
    when). Nothing is recorded when there is no such live customer to read. Run on a
    statement session, the read and its record are one statement, one transaction and
    one round trip (see Database.statement_session)."""
    logged = insert(AuditEvent).from_select(
        ["customer_number", "action", "purpose", "detail"],
        select(_READ.number, *_AUDIT_READ).where(
            _READ.id == number_target(NUMBER), _READ.erased_at.is_(None)
        ),
    )
    return query.add_cte(logged.cte("logged"))


def read_params(number: str, audit_read: dict[str, str] | None) -> dict[str, str]:
    """The parameters of a statement built for :data:`NUMBER` (and :func:`with_read`)."""
    params = {"number": number.strip()}
    if audit_read is not None:
        params |= {f"audit_{k}": audit_read[k] for k in ("action", "purpose", "detail")}
    return params


def _phase(where: list[ColumnElement[bool]], key: Any, *extra: Any) -> _Phase:
    base = select(*_SUMMARY_COLUMNS, *extra, key.label("sort_key")).where(
        Customer.erased_at.is_(None), *where
    )

    def paged(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
        return query.order_by(key, Customer.id).limit(_LIMIT)

    return _Phase(
        first=paged(base),
        more=paged(base.where(tuple_(key, Customer.id) > tuple_(_LAST_KEY, _LAST_ID))),
        key=key,
        at=_At.of(base),
    )


def _lead_first(words: list[str]) -> list[str]:
    """The name words with the one whose prefix scan drives the query first.

    The first word leads, unless it is a single letter and another word has two or more:
    "k" alone is the start of about a fifth of all names, and each of those would be read
    to test the other words, so "k zz" took a tenth of a second on a million customers to
    find nothing. Then the longest other word leads (the first of equal length) and the
    letter must start a word like any later word: "k virtanen" reads as "virtanen k".
    """
    if len(words) > 1 and len(words[0]) == 1:
        lead = max(range(1, len(words)), key=lambda i: len(words[i]))
        if len(words[lead]) >= 2:
            return [words[lead], *words[:lead], *words[lead + 1 :]]
    return words


@lru_cache(maxsize=64)
def _phases(kind: QueryKind, words: int) -> tuple[_Phase, ...]:
    """The phases of one kind of query; ``words`` is the number of extra name words."""
    # An exact value compared in the column's own collation: a bind of the "C" collation
    # (KeyText) against a column of the server's default one (fi-FI on a real server) made
    # PostgreSQL skip that column's index and walk the whole name-key index instead.
    exact = bindparam("value", type_=String())
    if kind is QueryKind.NUMBER:
        # A merged-away number finds the kept record, saying which number it was.
        found_by = case((Customer.number == exact, ""), else_=exact).label("merged_number")
        return (_phase([Customer.id == number_target(exact)], Customer.name_key, found_by),)
    if kind is QueryKind.BUSINESS_ID:
        return (_phase([Customer.business_id == exact], Customer.name_key),)
    if kind is QueryKind.POSTAL_CODE:
        return (_phase([Customer.postal_code == exact], Customer.name_key),)
    if kind is QueryKind.PHONE:
        # One index look-up per phone column, joined by UNION ALL: an OR of the columns
        # (and of sub-selects on the contact persons) in one filter made PostgreSQL walk
        # the name-key index testing every customer (2.7 s on a million; 0.4 ms this way).
        holders = union_all(
            *(select(Customer.id).where(column == exact) for column in _PHONE_COLUMNS),
            *(
                select(ContactPerson.customer_id).where(column == exact)
                for column in (ContactPerson.phone_mobile, ContactPerson.phone_work)
            ),
        )
        return (_phase([Customer.id.in_(holders)], Customer.name_key),)
    if kind is QueryKind.EMAIL:
        on_contact = Customer.id.in_(
            select(ContactPerson.customer_id).where(_prefix(ContactPerson.email_key))
        )
        return (
            _phase([_prefix(Customer.email_key)], Customer.email_key),
            _phase([on_contact, not_(_prefix(Customer.email_key))], Customer.name_key),
        )
    # A name: "surname first" order first, then "first surname" for those not yet shown,
    # then the search words for those shown by neither.
    surname_first = and_(_prefix(Customer.name_key), *_words_filter(Customer.name_key, words))
    first_name_first = and_(
        _prefix(Customer.name_key_rev, "rvalue"), *_words_filter(Customer.name_key_rev, words)
    )
    return (
        _phase([surname_first], Customer.name_key),
        _phase([first_name_first, not_(surname_first)], Customer.name_key_rev),
        _word_phase([not_(surname_first), not_(first_name_first)], words),
    )


_WORD = SearchWord.__table__.alias("w")
_EARLIER_WORD = SearchWord.__table__.alias("w2")


def _word_match(w: Any, words: int) -> list[ColumnElement[bool]]:
    return [_prefix(w.c.word, "wvalue"), *_words_filter(w.c.phrase, words, "wword")]


def _word_phase(not_shown: list[ColumnElement[bool]], words: int) -> _Phase:
    """Customers with a search word starting with the query's longest word (and the other
    words starting words of the same field), in (word, name) order, each only once."""
    w, w2 = _WORD, _EARLIER_WORD
    # The customer's first matching word stands for it: a probe of the customer's own few
    # words by the primary key. "Starts with" is written with substr() here on purpose: a
    # range on w2.word let PostgreSQL, misjudging the hits as one, scan every matching word
    # for each row found (62 × 62 rows for "mannerh" on 20,000 customers).
    starts = func.substr(w2.c.word, 1, bindparam("wvalue_len", type_=Integer))
    earlier = (
        select(w2.c.customer_id)
        .where(
            w2.c.customer_id == w.c.customer_id,
            starts == bindparam("wvalue", type_=KeyText),
            *_words_filter(w2.c.phrase, words, "wword"),
            tuple_(w2.c.word, w2.c.kind, w2.c.ref) < tuple_(w.c.word, w.c.kind, w.c.ref),
        )
        .exists()
    )
    base = (
        select(
            *_SUMMARY_COLUMNS,
            Customer.street,
            w.c.kind.label("matched"),
            ContactPerson.surname.label("contact_surname"),
            ContactPerson.first_names.label("contact_first_names"),
            w.c.word.label("sort_word"),
            w.c.sort_key.label("sort_key"),
        )
        .select_from(
            w.join(Customer, Customer.id == w.c.customer_id).outerjoin(
                ContactPerson,
                and_(w.c.kind == WordKind.CONTACT.value, ContactPerson.id == w.c.ref),
            )
        )
        .where(Customer.erased_at.is_(None), *_word_match(w, words), *not_shown)
    )
    order = (w.c.word, w.c.sort_key, w.c.customer_id)
    with_ref = base.add_columns(w.c.ref.label("word_ref"))

    def paged(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
        return query.order_by(*order).limit(_LIMIT)

    return _Phase(
        first=paged(base.where(~earlier)),
        more=paged(base.where(~earlier, tuple_(*order) > tuple_(_LAST_WORD, _LAST_KEY, _LAST_ID))),
        key=w.c.sort_key,
        at=_At.of(base),
        every_word=paged(with_ref),
        ref_at=list(with_ref.selected_columns.keys()).index("word_ref"),
    )


def _first_words_page(
    conn: Connection, phase: _Phase, params: dict[str, Any], want: int
) -> Sequence[Any]:
    """SQLite: the word phase's first page, each customer once, as ``phase.first`` reads it,
    but without its per-row probe of the customer's earlier words (a third of the
    statement's time): twice the rows are read with every matching word, and each
    customer's first matching word in (word, kind, ref) order kept here. The rows of one
    customer and word are next to each other in the page's order, and a customer's first
    word comes before its others. If those rows do not hold ``want`` customers and the
    next one (the last one's words must all be there), the probing statement is read."""
    assert phase.every_word is not None
    fetched = prepared.rows(conn, phase.every_word, {**params, "limit": 2 * want})
    at, ref = phase.at, phase.ref_at
    assert at.sort_word is not None and at.matched is not None  # the word phase's columns
    word, kind = at.sort_word, at.matched
    best: dict[int, Any] = {}
    for r in fetched:
        kept = best.get(r[at.id])
        # A customer's first row stands, unless a row of the same word sorts before it.
        if kept is None or (r[word] == kept[word] and (r[kind], r[ref]) < (kept[kind], kept[ref])):
            best[r[at.id]] = r
    if len(best) > want or len(fetched) < 2 * want:
        return list(best.values())[:want]
    return prepared.rows(conn, phase.first, {**params, "limit": want})


# Words shorter than this start too many keys to drive a search of several words: "ko zz"
# read every name, reversed name and search word starting with "ko" to test "zz" against
# each (0.14 s on 200,000 customers, finding nothing). Such a query reads at most
# SHORT_SCAN_CAP keys of each index; the page says it was narrowed (type more letters).
SHORT_LEAD = 3
SHORT_SCAN_CAP = 500


def _capped_end(conn: Connection, column: Any, start: str, end: str) -> tuple[str, bool]:
    """``end``, or the key SHORT_SCAN_CAP entries after ``start`` if that comes first (an
    index-only read of those entries), and whether it did."""
    bound = conn.execute(
        select(column)
        .where(column >= start, column < end)
        .order_by(column)
        .limit(1)
        .offset(SHORT_SCAN_CAP)
    ).scalar_one_or_none()
    return (end, False) if bound is None else (str(bound), True)


def _plan(
    text: str, conn: Connection | None = None
) -> tuple[list[tuple[_Phase, dict[str, Any]]], bool]:
    """Every phase of every reading of ``text``, with its parameters, in order; and whether
    a query of short words was narrowed to the first keys of each index (given ``conn``)."""
    plan: list[tuple[_Phase, dict[str, Any]]] = []
    narrowed = False
    for interp in interpret(text):
        words: list[str] = []
        value = interp.value
        params: dict[str, Any] = {}
        if interp.kind is QueryKind.NAME:
            value, *words = _lead_first(interp.value.split())
            lead, *others = word_lead(interp.value.split())
            params |= {"wvalue": lead, "wvalue_end": lead + KEY_END, "wvalue_len": len(lead)}
            params |= {f"wword{i}": f"% {w}%" for i, w in enumerate(others)}
            params |= {"rvalue": value, "rvalue_end": value + KEY_END}
        params |= {"value": value, "value_end": value + KEY_END}
        params |= {f"word{i}": f"% {w}%" for i, w in enumerate(words)}
        if conn is not None and words and len(params["wvalue"]) < SHORT_LEAD:
            for column, name in (
                (Customer.name_key, "value"),
                (Customer.name_key_rev, "rvalue"),
                (SearchWord.word, "wvalue"),
            ):
                params[f"{name}_end"], cut = _capped_end(
                    conn, column, params[name], params[f"{name}_end"]
                )
                narrowed |= cut
        plan += [(phase, params) for phase in _phases(interp.kind, len(words))]
    return plan, narrowed


# The columns every phase gives in the one-statement page (see _one_statement): the word
# phase's extra ones are NULL in the others, and the sort keys are compared in "C" order
# whichever column they come from (the cursor carries them back as bound values).
_PAGE_EXTRAS = (
    ("street", String),
    ("matched", String),
    ("contact_surname", String),
    ("contact_first_names", String),
    ("sort_word", KeyText),
    ("merged_number", String),
)


def _page_columns(query: Select[*tuple[Any, ...]], phase: int) -> Select[*tuple[Any, ...]]:
    sub = query.subquery()
    names = set(sub.c.keys())
    return select(
        *(sub.c[c.key] for c in _SUMMARY_COLUMNS),
        *(
            sub.c[name] if name in names else func.cast(null(), type_).label(name)
            for name, type_ in _PAGE_EXTRAS
        ),
        func.cast(sub.c.sort_key, KeyText).collate("C").label("sort_key"),
        literal(phase, Integer).label("phase"),
    )


@lru_cache(maxsize=256)
def _one_statement(
    phases: tuple[_Phase, ...], start: int, continued: bool, audited: bool
) -> Select[*tuple[Any, ...]]:
    """The page as ONE statement (PostgreSQL): the phases from ``start`` on, each limited,
    appended in order and cut at the page's length — the server stops reading at the
    limit, so a later phase is only read when the earlier ones did not fill the page, as
    when they were sent one by one. ``audited``: the statement also writes one audit row
    per customer on the page (a data-modifying WITH), the read recorded in the same
    statement, round trip and transaction as the read itself."""
    parts = [
        _page_columns(phases[i].more if continued and i == start else phases[i].first, i)
        for i in range(start, len(phases))
    ]
    body = union_all(*parts) if len(parts) > 1 else parts[0]
    page = select(body.subquery()).limit(_LIMIT).cte("page")
    query = select(page)
    if audited:
        logged = insert(AuditEvent).from_select(
            ["customer_number", "action", "purpose", "detail"],
            select(
                page.c.number,
                bindparam("audit_action", type_=String),
                bindparam("audit_purpose", type_=String),
                bindparam("audit_detail", type_=String),
            ),
        )
        query = query.add_cte(logged.cte("logged"))
    return query


def search(
    session: Session | Connection,
    text: str,
    *,
    after: SearchCursor | None = None,
    limit: int = 50,
    audit_read: dict[str, str] | None = None,
) -> SearchPage:
    """One page of customers matching ``text``; ``after`` continues a previous page.

    ``audit_read`` (PostgreSQL: ``action``, ``purpose``, ``detail``): the page is read in
    one statement that also records every customer on it as read with these values (see
    :func:`_one_statement`); the caller records nothing more. On SQLite, or for a text of
    several readings, the phases are read one statement each and ``audit_read`` must be
    None (the caller records the page's reads itself)."""
    conn = session.connection() if isinstance(session, Session) else session
    text = " ".join(text.split())
    if after is not None and after.text != text:
        after = None
    plan, narrowed = _plan(text, conn)
    if audit_read is not None:
        if not single_statement(text):
            raise ValueError("a search of several readings is not one statement")
        return _search_in_one(conn, text, plan, narrowed, after, limit, audit_read)
    rows: list[dc.CustomerSummary] = []
    damaged: list[str] = []
    index = after.phase if after else 0
    cursor = (
        {"last_key": after.last_key, "last_id": after.last_id, "last_word": after.last_word}
        if after
        else None
    )
    while index < len(plan) and len(rows) < limit:
        phase, params = plan[index]
        want = limit - len(rows)
        if cursor is None and phase.every_word is not None:
            result = _first_words_page(conn, phase, params, want)
        else:
            query = phase.first if cursor is None else phase.more
            result = prepared.rows(conn, query, {**params, **(cursor or {}), "limit": want})
        at = phase.at
        for r in result:
            try:
                rows.append(_summary(r, at))
            except DamagedRecord:
                damaged.append(str(r[at.number]))
        if len(result) == want:
            last = result[-1]
            cursor_after = SearchCursor(
                text,
                index,
                last[at.sort_key],
                last[at.id],
                last[at.sort_word] if at.sort_word is not None else "",
            )
            return SearchPage(tuple(rows), cursor_after, tuple(damaged), narrowed)
        index += 1
        cursor = None
    return SearchPage(tuple(rows), None, tuple(damaged), narrowed)


def single_statement(text: str) -> bool:
    """Whether a search of ``text`` can be read (and audited) in one statement: a text of
    one reading. A text of several readings (a number that may also be a phone, say) binds
    the same parameters with different values per reading and is read phase by phase."""
    return len(interpret(" ".join(text.split()))) <= 1


def _search_in_one(
    conn: Connection,
    text: str,
    plan: list[tuple[_Phase, dict[str, Any]]],
    narrowed: bool,
    after: SearchCursor | None,
    limit: int,
    audit_read: dict[str, str],
) -> SearchPage:
    start = after.phase if after else 0
    if start >= len(plan):
        return SearchPage((), None, (), narrowed)
    phases = tuple(p for p, _ in plan)
    params = dict(plan[0][1]) | {"limit": limit}
    params |= {f"audit_{k}": v for k, v in audit_read.items()}
    if after is not None:
        params |= {
            "last_key": after.last_key,
            "last_id": after.last_id,
            "last_word": after.last_word,
        }
    query = _one_statement(phases, start, after is not None, True)
    result = conn.execute(query, params).all()
    at = _At.of(query)
    rows: list[dc.CustomerSummary] = []
    damaged: list[str] = []
    for r in result:
        try:
            rows.append(_summary(r, at))
        except DamagedRecord:
            damaged.append(str(r[at.number]))
    if len(result) < limit:
        return SearchPage(tuple(rows), None, tuple(damaged), narrowed)
    last = result[-1]._mapping
    cursor = SearchCursor(
        text, last["phase"], last["sort_key"], last["id"], last["sort_word"] or ""
    )
    return SearchPage(tuple(rows), cursor, tuple(damaged), narrowed)


class DamagedRecord(KnownError):
    """A stored row kkdesk cannot interpret (a code outside its vocabulary, JSON that does
    not parse), e.g. one written with psql before the database checked it, or on SQLite."""

    code = "damaged_record"


def damaged(number: str, what: str) -> DamagedRecord:
    return DamagedRecord(
        f"The record of customer {number} is damaged ({what}) and cannot be shown; ask an "
        "administrator to correct it.",
        number=number,
        what=what,
    )


def _interpret(number: str, convert: Any, value: Any, what: str) -> Any:
    try:
        return convert(value)
    except (ValueError, TypeError) as exc:
        raise damaged(number, what) from exc


_TYPES = {t.value: t for t in CustomerType}


def _summary(r: Sequence[Any], at: _At) -> dc.CustomerSummary:
    """A search hit from a row of a phase's statement (see :class:`_At`)."""
    number = r[at.number]
    raw_type = r[at.type]
    type_ = _TYPES.get(raw_type)
    if type_ is None:
        _interpret(number, CustomerType, raw_type, "type")  # raises: a code kkdesk lacks
    matched, matched_text = _matched(r, at) if at.matched is not None else (None, "")
    surname, first_names, company = r[at.surname], r[at.first_names], r[at.company_name]
    return dc.CustomerSummary(
        id=r[at.id],
        number=number,
        type=type_,  # type: ignore[arg-type]  # None was refused above
        name=dc.display_name(raw_type, surname, first_names, company),
        postal_code=r[at.postal_code],
        post_office=r[at.post_office],
        email=r[at.email],
        phone=r[at.phone_mobile] or r[at.phone_home] or r[at.phone_work],
        matched=matched,
        matched_text=matched_text,
        restricted=bool(r[at.restricted]) if at.restricted is not None else False,
        merged_number=(r[at.merged_number] or "") if at.merged_number is not None else "",
    )


def _matched(r: Sequence[Any], at: _At) -> tuple[WordKind | None, str]:
    """Which field a search-word hit matched, and that field's value as stored."""
    assert at.matched is not None
    kind = r[at.matched]
    if kind is None:
        return None, ""
    kind = WordKind(kind)
    if kind is WordKind.CONTACT:
        assert at.contact_surname is not None and at.contact_first_names is not None
        surname, first = r[at.contact_surname] or "", r[at.contact_first_names] or ""
        return kind, f"{surname} {first}".strip()
    if kind is WordKind.STREET:
        assert at.street is not None
        return kind, r[at.street]
    if kind is WordKind.POST_OFFICE:
        return kind, r[at.post_office]
    return kind, dc.display_name(r[at.type], r[at.surname], r[at.first_names], r[at.company_name])


def index_words(session: Session, row: Customer) -> None:
    """Rewrite the search words of customer ``row`` from its current fields and contacts
    (flushed, so that it has an id). Called with every save; an erased customer has none."""
    session.execute(delete(SearchWord).where(SearchWord.customer_id == row.id))
    if row.erased_at is not None:
        return
    words = search_words(
        row.name_key,
        row.name_key_rev,
        row.street,
        row.post_office,
        tuple((c.id, c.name_key) for c in row.contacts),
    )
    if words:
        session.execute(
            insert(SearchWord),
            [
                {
                    "customer_id": row.id,
                    "kind": w.kind.value,
                    "ref": w.ref,
                    "word": w.word,
                    "sort_key": row.name_key,
                    "phrase": w.phrase,
                }
                for w in words
            ],
        )


def summaries(
    session: Session, where: ColumnElement[bool], limit: int = 20
) -> list[dc.CustomerSummary]:
    query = (
        select(*_SUMMARY_COLUMNS, Customer.name_key.label("sort_key"))
        .where(where, Customer.erased_at.is_(None), Customer.merged_into.is_(None))
        .order_by(Customer.name_key, Customer.id)
        .limit(limit)
    )
    at = _At.of(query)
    out: list[dc.CustomerSummary] = []
    for r in session.execute(query).all():
        try:
            out.append(_summary(r, at))
        except DamagedRecord:
            continue  # a damaged row never stops a list of others
    return out


def row_by_number(
    session: Session,
    number: str,
    *,
    for_update: bool = False,
    columns: tuple[str, ...] | None = None,
) -> Customer:
    """The live customer ``number`` (or the record it was merged into: an old number is an
    alias of the kept record's); only ``columns`` of it when given (a level that may
    read only some columns: on PostgreSQL a plain ``SELECT *`` would be refused whole)."""
    query = select(Customer).where(number_is(number)).options(selectinload(Customer.contacts))
    if columns is not None:
        query = query.options(load_only(*(getattr(Customer, c) for c in columns), raiseload=True))
    if for_update:
        query = query.with_for_update()
    row = session.execute(query).scalar_one_or_none()
    if row is None or row.erased_at is not None:
        raise NotFound(
            f"No customer with number {number}.", code="customer_not_found", number=number
        )
    return row


@dataclass(frozen=True)
class Opened:
    """A customer row as :func:`opened_row` read it."""

    row: Customer
    # The current source of each field, or None where not read (to_view reads them then).
    sources: dict[str, DataSource] | None
    # What the server stamps this unit's writes with on PostgreSQL (the transaction's
    # time and the session's user), else None.
    tx_time: datetime | None = None
    tx_user: str | None = None


def opened_row(
    session: Session,
    number: str,
    *,
    columns: tuple[str, ...] | None = None,
    for_update: bool = False,
    audit_read: dict[str, str] | None = None,
) -> Opened:
    """The live customer ``number`` with its contact persons, and on PostgreSQL (for a
    reader of all columns) the current source of each field and the transaction's time,
    all read by ONE statement: the contacts joined, the sources aggregated by a
    sub-select. Opening (or locking, ``for_update``: the customer row only) a record over
    a WAN costs one round trip for its reading. ``audit_read`` (PostgreSQL): the same
    statement records the read (see :func:`with_read`)."""
    central = session.get_bind().dialect.name == "postgresql"
    with_sources = columns is None and central
    query = _opened_statement(columns, for_update, with_sources, audit_read is not None)
    params = read_params(number, audit_read)
    found = session.execute(query, params).unique().first()
    row = None if found is None else found[0]
    if row is None or row.erased_at is not None:
        raise NotFound(
            f"No customer with number {number}.", code="customer_not_found", number=number
        )
    assert found is not None  # a row was found above
    if not with_sources:
        return Opened(row, None, None)
    sources: dict[str, DataSource] = {}
    for field, contact_id, source in found[1] or ():
        sources[source_key(field, contact_id)] = DataSource(source)
    return Opened(row, sources, found[2], found[3])


@lru_cache(maxsize=32)
def _opened_statement(
    columns: tuple[str, ...] | None, for_update: bool, with_sources: bool, audited: bool
) -> Select[Any]:
    """:func:`opened_row`'s statement, built once per shape for the bound :data:`NUMBER`
    (building it cost more than running it)."""
    # number_is: an old number of a record merged into another opens the kept record
    # (migration 0020), as row_by_number does.
    query: Select[Any] = (
        select(Customer)
        .where(Customer.id == number_target(NUMBER))
        .options(joinedload(Customer.contacts))
    )
    if columns is not None:
        query = query.options(load_only(*(getattr(Customer, c) for c in columns), raiseload=True))
    if with_sources:
        changes = (
            select(
                func.json_agg(
                    aggregate_order_by(
                        func.json_build_array(
                            PersonalDataChange.field,
                            PersonalDataChange.contact_person_id,
                            PersonalDataChange.source,
                        ),
                        PersonalDataChange.id,
                    )
                )
            )
            .where(PersonalDataChange.customer_id == Customer.id)
            .scalar_subquery()
        )
        query = query.add_columns(
            changes.label("sources"),
            func.now().label("tx_time"),
            func.session_user().label("tx_user"),
        )
    if for_update:
        # Only the customer row: a lock cannot reach the outer-joined contact persons
        # (they change only under this lock anyway).
        query = query.with_for_update(of=Customer)
    return with_read(query) if audited else query


def add_changes(session: Session, rows: list[dict[str, Any]]) -> None:
    """Rows of the change history, in one INSERT without RETURNING (the rows are not read
    back: in a pipelined unit the statement waits for the COMMIT instead of an answer)."""
    if rows:
        # Core and inline: the ORM (even given the table), or a one-row insert, would add
        # RETURNING id (the new key, which nobody reads here).
        session.connection().execute(insert(_CHANGE_TABLE).inline(), rows)


_CHANGE_TABLE: Table = PersonalDataChange.__table__  # type: ignore[assignment]  # a Table


def latest_sources(session: Session, customer_id: int) -> dict[str, DataSource]:
    """The current source of each field: the source of its latest change."""
    rows = session.execute(
        select(
            PersonalDataChange.field,
            PersonalDataChange.contact_person_id,
            PersonalDataChange.source,
        )
        .where(PersonalDataChange.customer_id == customer_id)
        .order_by(PersonalDataChange.id)
    ).all()
    out: dict[str, DataSource] = {}
    for field, contact_id, source in rows:
        out[source_key(field, contact_id)] = DataSource(source)
    return out


def source_key(field: str, contact_person_id: int | None) -> str:
    """How :func:`latest_sources` names a field of the customer or of a contact person."""
    return field if contact_person_id is None else f"contact:{contact_person_id}:{field}"


# Columns a partial read (see row_by_number) may leave out; the view shows them empty.
# The view's fields some level may not read (the catalogue's): left empty when not loaded.
_WITHHOLDABLE = tuple(
    f.name
    for f in catalogue.CUSTOMER_FIELDS
    if f.readable_by != catalogue.ALL_LEVELS and f.name in dc.Customer.__dataclass_fields__
)


def to_view(
    session: Session, row: Customer, *, sources: dict[str, DataSource] | None = None
) -> dc.Customer:
    """The domain view of a customer row. ``sources`` (the current source of each field,
    see :func:`latest_sources`) saves a query when the caller has read them already."""
    unloaded = sa_inspect(row).unloaded
    withheld = {name for name in _WITHHOLDABLE if name in unloaded}
    number = row.number
    return dc.Customer(
        id=row.id,
        number=number,
        type=_interpret(number, CustomerType, row.type, "type"),
        customer_since=row.customer_since,
        surname=row.surname,
        first_names=row.first_names,
        company_name=row.company_name,
        business_id=row.business_id,
        street=row.street,
        postal_code=row.postal_code,
        post_office=row.post_office,
        country=row.country,
        phone_home=row.phone_home,
        phone_work=row.phone_work,
        phone_mobile=row.phone_mobile,
        email=row.email,
        birth_date=None if "birth_date" in withheld else row.birth_date,
        language=_interpret(number, Language, row.language, "language"),
        notes="" if "notes" in withheld else row.notes,
        extra={} if "extra" in withheld else _interpret(number, _extra, row.extra, "extra"),
        version=row.version,
        updated_at=None if "updated_at" in withheld else row.updated_at,
        updated_by="" if "updated_by" in withheld else row.updated_by,
        contacts=tuple(
            dc.ContactPerson(
                id=c.id,
                surname=c.surname,
                first_names=c.first_names,
                role=c.role,
                phone_work=c.phone_work,
                phone_mobile=c.phone_mobile,
                email=c.email,
            )
            for c in row.contacts
        ),
        # The sources come from the change history, which a partial reader may not read.
        sources={}
        if withheld
        else (sources if sources is not None else latest_sources(session, row.id)),
        erased=row.erased_at is not None,
    )


def history(session: Session, customer_id: int) -> tuple[dc.FieldChange, ...]:
    # Plain rows, not ORM objects: a long history costs its loading more than its query.
    h = PersonalDataChange
    rows = session.execute(
        select(h.changed_at, h.changed_by, h.field, h.old_value, h.new_value, h.source,
               h.source_detail, h.contact_person_id)
        .where(h.customer_id == customer_id)
        .order_by(h.changed_at.desc(), h.id.desc())
    )  # fmt: skip
    return tuple(
        dc.FieldChange(
            changed_at=r.changed_at,
            changed_by=r.changed_by,
            field=r.field,
            old_value=r.old_value,
            new_value=r.new_value,
            source=DataSource(r.source),
            source_detail=r.source_detail,
            contact_person_id=r.contact_person_id,
        )
        for r in rows
    )


def _extra(value: str | None) -> dict[str, str]:
    data = json.loads(value or "{}")
    if not isinstance(data, dict):
        raise ValueError("extra is not a JSON object")
    return {str(k): str(v) for k, v in data.items()}


def duplicate_summaries(
    session: Session,
    *,
    name_key: str,
    birth_date: date | None,
    business_id: str,
    email_key: str,
    phones: set[str],
) -> tuple[dc.CustomerSummary, ...]:
    """Customers that share the name key and birth date, the business ID, the e-mail key
    or one of the phone numbers given (an empty value matches nothing)."""
    conditions: list[ColumnElement[bool]] = []
    if name_key and birth_date is not None:
        conditions.append((Customer.name_key == name_key) & (Customer.birth_date == birth_date))
    if business_id:
        conditions.append(Customer.business_id == business_id)
    if email_key:
        conditions.append(Customer.email_key == email_key)
    for phone in phones:
        conditions.append(
            or_(
                Customer.phone_mobile == phone,
                Customer.phone_home == phone,
                Customer.phone_work == phone,
            )
        )
    if not conditions:
        return ()
    return tuple(summaries(session, or_(*conditions)))


def count(session: Session) -> int:
    """How many customers the register holds."""
    return int(session.execute(select(func.count(Customer.id))).scalar_one())


def row_by_id(session: Session, customer_id: int) -> Customer | None:
    """The customer row of that id (erased or not), or None."""
    return session.get(Customer, customer_id)


def contact_row(session: Session, contact_person_id: int) -> ContactPerson | None:
    """The contact person row of that id (of whichever customer), or None."""
    return session.get(ContactPerson, contact_person_id)
