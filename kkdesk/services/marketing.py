"""Marketing exports that honour prohibitions, consents, restrictions and suppressions.

An export for a purpose (one of the six of section 9) over a channel (post, e-mail, SMS)
contains exactly the customers

* whose own current state allows that purpose on that channel (see
  :func:`kkdesk.domain.consent.forbidding_items`: e-mail and SMS need consent, post is
  allowed unless prohibited, a restriction or objection stops everything);
* none of whose keys (normalised e-mail, E.164 phones) is shared with another live record —
  a customer or a contact person — whose state forbids it: the least permissive state of
  one person wins;
* none of whose keys has an active suppression entry for a forbidding item (which is how
  an erased objector stays out);
* not erased, and with a usable address for the channel.

The rules run as one SQL statement on the database (SQLite or PostgreSQL), built from the
same mapping :meth:`ConsentState.allows` uses. The chosen ids go straight into
``disclosure_customer`` (``INSERT ... SELECT``), and the file is then streamed from a join
on them, so memory stays flat whatever the register's size and the file and the recorded
disclosure always agree. A failed write rolls both back and leaves no file.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import text
from sqlalchemy.engine import Connection

from kkdesk.domain.consent import (
    ConsentItem,
    MarketingChannel,
    MarketingPurpose,
    forbidding_items,
)
from kkdesk.domain.disclosure import DisclosureKind, ExportResult
from kkdesk.domain.levels import Capability
from kkdesk.errors import KnownError, RuleViolation
from kkdesk.services.session import DeskSession
from kkdesk.store.models import Disclosure as DisclosureRow

DEFAULT_RECIPIENT = "Konekesko Oy (own direct marketing)"
BATCH = 5000

# Columns of the file per channel: only what that channel needs (data minimisation).
_NAME = (
    "CASE WHEN c.type = 'company' THEN c.company_name ELSE c.first_names || ' ' || c.surname END"
)
COLUMNS: dict[MarketingChannel, tuple[tuple[str, str], ...]] = {
    MarketingChannel.POST: (
        ("customer_number", "c.number"),
        ("name", _NAME),
        ("street", "c.street"),
        ("postal_code", "c.postal_code"),
        ("post_office", "c.post_office"),
        ("country", "c.country"),
        ("language", "c.language"),
    ),
    MarketingChannel.EMAIL: (
        ("customer_number", "c.number"),
        ("name", _NAME),
        ("email", "c.email"),
        ("language", "c.language"),
    ),
    MarketingChannel.SMS: (
        ("customer_number", "c.number"),
        ("name", _NAME),
        ("phone", "c.phone_mobile"),
        ("language", "c.language"),
    ),
}

_USABLE = {
    MarketingChannel.POST: "c.street <> '' AND c.postal_code <> '' AND c.post_office <> ''",
    MarketingChannel.EMAIL: "c.email <> ''",
    MarketingChannel.SMS: "c.phone_mobile <> ''",
}
_CUSTOMER_KEYS = (
    ("email", "email_key"),
    ("phone", "phone_home"),
    ("phone", "phone_work"),
    ("phone", "phone_mobile"),
)
_CONTACT_KEYS = (("email", "email_key"), ("phone", "phone_work"), ("phone", "phone_mobile"))


def _lit(items: list[ConsentItem]) -> str:
    # Enum values from our own vocabulary, never user input: safe as SQL literals.
    return ", ".join(f"'{i.value}'" for i in items)


def selection_sql(purpose: MarketingPurpose, channel: MarketingChannel) -> str:
    """``WITH ... `` CTEs ending in ``chosen(id)``: the customer ids the export contains.

    Portable SQL for SQLite ≥ 3.35 and PostgreSQL ≥ 12. A record is the customer itself
    (``cp = 0``) or one contact person (``cp`` = its id).
    """
    if channel not in _USABLE:
        raise RuleViolation(
            f"No export file for channel {channel}.", code="export_channel", channel=channel
        )
    forbid = forbidding_items(purpose, channel)
    when_on = [i for i, bad in forbid.items() if bad]
    consent = channel.consent
    items = _lit(list(forbid))
    consent_off = f" OR (item = '{consent.value}' AND state = FALSE)" if consent else ""
    ctes = [
        f"""cur AS MATERIALIZED (
  SELECT customer_id, cp, item, state FROM (
    SELECT customer_id, COALESCE(contact_person_id, 0) AS cp, item, state,
           row_number() OVER (PARTITION BY customer_id, contact_person_id, item
                              ORDER BY received_on DESC, recorded_at DESC, id DESC) AS rn
    FROM consent_event WHERE item IN ({items})) t
  WHERE rn = 1)""",
        f"""bad AS MATERIALIZED (
  SELECT DISTINCT customer_id, cp FROM cur
  WHERE (item IN ({_lit(when_on)}) AND state = TRUE){consent_off})""",
        f"""supp AS MATERIALIZED (
  SELECT s.key_kind AS kind, s.key_value AS value FROM suppression s
  WHERE s.item IN ({items}) AND s.active = TRUE
    AND NOT EXISTS (SELECT 1 FROM suppression s2
                    WHERE s2.key_kind = s.key_kind AND s2.key_value = s.key_value
                      AND s2.item = s.item AND s2.id > s.id))""",
    ]
    usable = _USABLE[channel]
    if consent is None:
        # Opt-out: the records that forbid are few, so collect their keys directly.
        arms = ["SELECT kind, value FROM supp"]
        for kind, col in _CUSTOMER_KEYS:
            arms.append(
                f"SELECT '{kind}', c.{col} FROM bad b JOIN customer c ON c.id = b.customer_id "
                f"WHERE b.cp = 0 AND c.erased_at IS NULL"
            )
        for kind, col in _CONTACT_KEYS:
            arms.append(
                f"SELECT '{kind}', p.{col} FROM bad b JOIN contact_person p ON p.id = b.cp "
                f"JOIN customer c ON c.id = p.customer_id WHERE c.erased_at IS NULL"
            )
        ctes.append("blocked AS MATERIALIZED (\n  " + "\n  UNION ".join(arms) + ")")
        ctes.append(
            f"""chosen AS (
  SELECT c.id FROM customer c
  WHERE c.erased_at IS NULL AND {usable}
    AND NOT EXISTS (SELECT 1 FROM bad b WHERE b.customer_id = c.id AND b.cp = 0)
    {_not_blocked()})"""
        )
    else:
        # Opt-in: the records that allow are the few (those with consent). Collect their
        # keys, then find every other record sharing one of them that does not allow.
        ctes.append(
            f"""ok AS MATERIALIZED (
  SELECT customer_id, cp FROM cur
  WHERE item = '{consent.value}' AND state = TRUE
  EXCEPT SELECT customer_id, cp FROM bad)"""
        )
        ctes.append(
            f"""cand AS MATERIALIZED (
  SELECT c.id, c.email_key, c.phone_home, c.phone_work, c.phone_mobile FROM customer c
  JOIN ok ON ok.customer_id = c.id AND ok.cp = 0
  WHERE c.erased_at IS NULL AND {usable})"""
        )
        ck = "\n  UNION ".join(
            f"SELECT '{kind}' AS kind, {col} AS value FROM cand WHERE {col} <> ''"
            for kind, col in _CUSTOMER_KEYS
        )
        ctes.append(f"ck AS MATERIALIZED (\n  {ck})")
        arms = ["SELECT kind, value FROM supp"]
        for kind, col in _CUSTOMER_KEYS:
            arms.append(
                f"SELECT '{kind}', c.{col} FROM customer c "
                f"WHERE c.{col} IN (SELECT value FROM ck WHERE kind = '{kind}') "
                f"AND c.erased_at IS NULL AND NOT EXISTS "
                f"(SELECT 1 FROM ok WHERE ok.customer_id = c.id AND ok.cp = 0)"
            )
        for kind, col in _CONTACT_KEYS:
            arms.append(
                f"SELECT '{kind}', p.{col} FROM contact_person p "
                f"JOIN customer c ON c.id = p.customer_id "
                f"WHERE p.{col} IN (SELECT value FROM ck WHERE kind = '{kind}') "
                f"AND c.erased_at IS NULL AND NOT EXISTS "
                f"(SELECT 1 FROM ok WHERE ok.customer_id = p.customer_id AND ok.cp = p.id)"
            )
        ctes.append("blocked AS MATERIALIZED (\n  " + "\n  UNION ".join(arms) + ")")
        ctes.append(
            f"""chosen AS (
  SELECT c.id FROM cand c WHERE 1 = 1
    {_not_blocked()})"""
        )
    return "WITH " + ",\n".join(ctes) + "\n"


def _not_blocked() -> str:
    lines = []
    for kind, col in _CUSTOMER_KEYS:
        lines.append(
            f"AND c.{col} NOT IN (SELECT value FROM blocked WHERE kind = '{kind}' AND value <> '')"
        )
    return "\n    ".join(lines)


def export_query(purpose: MarketingPurpose, channel: MarketingChannel) -> str:
    """The bare query: the file's rows, straight from the selection (for benchmarks)."""
    cols = ", ".join(f"{expr} AS {name}" for name, expr in COLUMNS[channel])
    return (
        selection_sql(purpose, channel)
        + f"SELECT {cols} FROM customer c WHERE c.id IN (SELECT id FROM chosen) ORDER BY c.id"
    )


def _check(ds: DeskSession) -> None:
    ds.require(Capability.MARKETING_EXPORT)


def preview(ds: DeskSession, purpose: MarketingPurpose, channel: MarketingChannel) -> int:
    """How many customers an export would contain now."""
    _check(ds)
    sql = selection_sql(MarketingPurpose(purpose), MarketingChannel(channel))
    with ds.db.read() as session:
        return int(session.execute(text(sql + "SELECT count(*) FROM chosen")).scalar_one())


Progress = Callable[[int, int], None]


def export(
    ds: DeskSession,
    purpose: MarketingPurpose,
    channel: MarketingChannel,
    path: str | os.PathLike[str],
    *,
    recipient: str = "",
    progress: Progress | None = None,
) -> ExportResult:
    """Write the export to ``path`` (CSV, UTF-8, header row) and record the disclosure.

    ``progress(done, total)`` is called every few thousand rows (from the calling thread).
    """
    _check(ds)
    purpose, channel = MarketingPurpose(purpose), MarketingChannel(channel)
    recipient = " ".join(recipient.split()) or DEFAULT_RECIPIENT
    if len(recipient) > 200:
        raise RuleViolation("The recipient's name is too long.", code="recipient_too_long")
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise KnownError(
            f"No such folder: {directory}", code="export_folder", folder=str(directory)
        )
    fd, tmp_name = tempfile.mkstemp(prefix=".kkdesk-export-", suffix=".csv", dir=directory)
    tmp = Path(tmp_name)
    # utf-8-sig: spreadsheet programs on Windows then read ä and ö right.
    out = open(fd, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed below
    try:
        with ds.db.session() as session:
            if not ds.db.is_sqlite:
                # The count and the rows must come from one snapshot. (SQLite's write
                # transaction is serializable already.)
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            selection = selection_sql(purpose, channel)
            # The disclosure row is written once, complete: disclosures are never updated
            # (on PostgreSQL the marketing level may only insert them). So count first.
            total = int(
                session.execute(text(selection + "SELECT count(*) FROM chosen")).scalar_one()
            )
            disclosure = DisclosureRow(
                disclosed_at=datetime.now(UTC),
                recorded_by=ds.user,
                kind=DisclosureKind.MARKETING_EXPORT.value,
                purpose=purpose.value,
                channel=channel.value,
                recipient=recipient,
                legal_basis="Register description, section 7: disclosure for direct marketing",
                description=f"Marketing export ({purpose.value}, {channel.value}): {target.name}",
                customer_count=total,
            )
            session.add(disclosure)
            session.flush()
            conn = session.connection()
            inserted = conn.execute(
                # INSERT first, WITH inside: drivers count the rows only for a statement
                # that starts as DML (Python's sqlite3 reports -1 for "WITH ... INSERT").
                text(
                    "INSERT INTO disclosure_customer (disclosure_id, customer_id)\n"
                    + selection
                    + "SELECT :did, id FROM chosen"
                ),
                {"did": disclosure.id},
            )
            if inserted.rowcount != total:  # pragma: no cover - a snapshot would prevent it
                raise RuntimeError(f"export selected {inserted.rowcount}, counted {total}")
            written = _write(conn, disclosure.id, channel, out, total, progress)
            out.close()
            if written != total:  # pragma: no cover - would be a bug in the SQL above
                raise RuntimeError(f"export wrote {written} rows, selected {total}")
            os.replace(tmp, target)
            return ExportResult(disclosure.id, total, str(target))
    finally:
        out.close()
        tmp.unlink(missing_ok=True)


def _write(
    conn: Connection,
    disclosure_id: int,
    channel: MarketingChannel,
    out: TextIO,
    total: int,
    progress: Progress | None,
) -> int:
    names = [name for name, _ in COLUMNS[channel]]
    cols = ", ".join(expr for _, expr in COLUMNS[channel])
    sql = text(
        f"SELECT {cols} FROM disclosure_customer dc JOIN customer c ON c.id = dc.customer_id "
        "WHERE dc.disclosure_id = :did ORDER BY dc.customer_id"
    )
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
        sql, {"did": disclosure_id}
    )
    done = 0
    writer = csv.writer(out)
    writer.writerow(names)
    if progress is not None:
        progress(0, total)
    for part in result.partitions(BATCH):
        rows: Any = part
        writer.writerows(rows)
        done += len(part)
        if progress is not None:
            progress(done, total)
    return done
