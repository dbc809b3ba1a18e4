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
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    not_,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session, aliased, load_only, selectinload

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
from kkdesk.store.models import (
    ContactPerson,
    Customer,
    KeyText,
    PersonalDataChange,
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
class _Phase:
    """One index range scan: the first page, the next pages (keyset), and its sort key."""

    first: Select[*tuple[Any, ...]]
    more: Select[*tuple[Any, ...]]
    key: Any


def number_target(number: Any) -> ColumnElement[int]:
    """The id of the customer numbered ``number`` or, when that record was merged into
    another (migration 0020), of the kept record: an old number leads to the kept one.
    One look-up in the number's unique index."""
    alias = aliased(Customer, name="numbered")
    target: ColumnElement[int] = (
        select(func.coalesce(alias.merged_into, alias.id))
        .where(alias.number == number)
        .scalar_subquery()
    )
    return target


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
        .where(Customer.erased_at.is_(None), *_word_match(w, words), *not_shown, ~earlier)
    )
    order = (w.c.word, w.c.sort_key, w.c.customer_id)

    def paged(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
        return query.order_by(*order).limit(_LIMIT)

    return _Phase(
        first=paged(base),
        more=paged(base.where(tuple_(*order) > tuple_(_LAST_WORD, _LAST_KEY, _LAST_ID))),
        key=w.c.sort_key,
    )


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


def search(
    session: Session | Connection,
    text: str,
    *,
    after: SearchCursor | None = None,
    limit: int = 50,
) -> SearchPage:
    """One page of customers matching ``text``; ``after`` continues a previous page."""
    conn = session.connection() if isinstance(session, Session) else session
    text = " ".join(text.split())
    if after is not None and after.text != text:
        after = None
    plan, narrowed = _plan(text, conn)
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
        query = phase.first if cursor is None else phase.more
        result = conn.execute(query, {**params, **(cursor or {}), "limit": want}).all()
        for r in result:
            try:
                rows.append(_summary(r))
            except DamagedRecord:
                damaged.append(str(r.number))
        if len(result) == want:
            last = result[-1]._mapping
            cursor_after = SearchCursor(
                text, index, last["sort_key"], last["id"], last.get("sort_word", "")
            )
            return SearchPage(tuple(rows), cursor_after, tuple(damaged), narrowed)
        index += 1
        cursor = None
    return SearchPage(tuple(rows), None, tuple(damaged), narrowed)


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


def _summary(r: object) -> dc.CustomerSummary:
    row = r  # a Row; attribute access by column name
    phone = row.phone_mobile or row.phone_home or row.phone_work  # type: ignore[attr-defined]
    matched, matched_text = _matched(row._mapping)  # type: ignore[attr-defined]
    number = row.number  # type: ignore[attr-defined]
    return dc.CustomerSummary(
        id=row.id,  # type: ignore[attr-defined]
        number=number,
        type=_interpret(number, CustomerType, row.type, "type"),  # type: ignore[attr-defined]
        name=dc.display_name(
            row.type,  # type: ignore[attr-defined]
            row.surname,  # type: ignore[attr-defined]
            row.first_names,  # type: ignore[attr-defined]
            row.company_name,  # type: ignore[attr-defined]
        ),
        postal_code=row.postal_code,  # type: ignore[attr-defined]
        post_office=row.post_office,  # type: ignore[attr-defined]
        email=row.email,  # type: ignore[attr-defined]
        phone=phone,
        matched=matched,
        matched_text=matched_text,
        merged_number=row._mapping.get("merged_number") or "",  # type: ignore[attr-defined]
    )


def _matched(row: Any) -> tuple[WordKind | None, str]:
    """Which field a search-word hit matched, and that field's value as stored."""
    kind = row.get("matched")
    if kind is None:
        return None, ""
    kind = WordKind(kind)
    if kind is WordKind.CONTACT:
        surname, first = row["contact_surname"] or "", row["contact_first_names"] or ""
        return kind, f"{surname} {first}".strip()
    if kind is WordKind.STREET:
        return kind, row["street"]
    if kind is WordKind.POST_OFFICE:
        return kind, row["post_office"]
    return kind, dc.display_name(
        row["type"], row["surname"], row["first_names"], row["company_name"]
    )


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
        select(*_SUMMARY_COLUMNS)
        .where(where, Customer.erased_at.is_(None), Customer.merged_into.is_(None))
        .order_by(Customer.name_key, Customer.id)
        .limit(limit)
    )
    out: list[dc.CustomerSummary] = []
    for r in session.execute(query).all():
        try:
            out.append(_summary(r))
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
    rows = session.execute(
        select(PersonalDataChange)
        .where(PersonalDataChange.customer_id == customer_id)
        .order_by(PersonalDataChange.changed_at.desc(), PersonalDataChange.id.desc())
    ).scalars()
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
