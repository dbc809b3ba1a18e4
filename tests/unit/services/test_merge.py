"""Merging two records of one person on a real SQLite register: everything moves, counts
are preserved, prohibitions and consents combine least-permissively, the old number finds
the kept record, both histories show the merge, the marketing export holds the person at
most once and honours the combined prohibitions, and every refusal changes nothing."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from kkdesk.domain.consent import ConsentItem, Evidence, MarketingChannel, MarketingPurpose
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.duplicates import Side
from kkdesk.domain.enums import Channel, CustomerType, DataSource
from kkdesk.domain.levels import Level
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.errors import KnownError, PermissionDenied, StaleEdit
from kkdesk.services import audit, consents, customers, disclosures, marketing, merge, requests
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from tests.orders_factory import OrderSpec, add_orders, day

LETTER = Evidence(date(2025, 3, 2), Channel.LETTER, "KIRJE-1", "signed letter")
WEB = Evidence(date(2025, 4, 2), Channel.WEBSHOP, "WEB-7", "")


def person(ds: DeskSession, **kw: Any) -> str:
    fields: dict[str, Any] = {
        "surname": "Virtanen",
        "first_names": "Aino",
        "street": "Kauppakatu 1",
        "postal_code": "40100",
        "post_office": "JYVÄSKYLÄ",
        "birth_date": date(1980, 5, 1),
    }
    fields.update(kw)
    return customers.create(ds, CustomerDraft(**fields), source=DataSource.CUSTOMER_PHONE).number


def snapshot(ds: DeskSession) -> dict[str, Any]:
    """Every table's rows, to prove a refusal changed nothing."""
    out: dict[str, Any] = {}
    with ds.db.read() as s:
        for table in m.Base.metadata.sorted_tables:
            if table.name == "audit_event":
                continue
            out[table.name] = sorted(map(repr, s.execute(select(table)).all()))
    return out


def count(ds: DeskSession, sql: str, **params: Any) -> int:
    with ds.db.read() as s:
        return int(s.execute(text(sql), params).scalar_one())


@pytest.fixture
def pair(ds: DeskSession) -> tuple[str, str]:
    """Two records of Aino Virtanen with orders, requests, disclosures, consents."""
    keep = person(ds, email="aino@example.fi", phone_mobile="+358401234567")
    other = person(ds, street="Vanha tie 2", postal_code="00100", post_office="HELSINKI",
                   email="aino.v@example.com", phone_home="+35891234567",
                   notes="Prefers letters")  # fmt: skip
    add_orders(ds, keep, [OrderSpec("K-1", day(0))])
    add_orders(ds, other, [OrderSpec("O-1", day(1), shipped_at=day(2)), OrderSpec("O-2", day(3))])
    requests.add(ds, other, RequestKind.ACCESS, received_on=date(2025, 5, 1),
                 channel=Channel.LETTER)  # fmt: skip
    disclosures.record(ds, other, DisclosureDraft(DisclosureKind.AUTHORITY, date(2025, 5, 2),
                       "Poliisi", "Poliisilaki 4:2", "name and address"))  # fmt: skip
    # The kept record consents to e-mail marketing; the other prohibits direct advertising
    # and withdrew its e-mail consent; it consents to SMS marketing, never asked on the kept.
    consents.record(ds, keep, ConsentItem.EMAIL_MARKETING, True, WEB)
    consents.record(ds, other, ConsentItem.EMAIL_MARKETING, True, LETTER)
    consents.record(ds, other, ConsentItem.EMAIL_MARKETING, False, WEB)
    consents.record(ds, other, ConsentItem.DIRECT_ADVERTISING, True, LETTER)
    consents.record(ds, other, ConsentItem.SMS_MARKETING, True, LETTER)
    return keep, other


def test_everything_moves_and_counts_are_preserved(ds: DeskSession, pair: tuple[str, str]) -> None:
    keep, other = pair
    orders_before = count(ds, "SELECT count(*) FROM customer_order")
    total_before = count(ds, "SELECT sum(total_cents) FROM customer_order")
    history_before = count(ds, "SELECT count(*) FROM personal_data_change")
    preview = merge.preview(ds, keep, other)
    assert preview.to_move == {"orders": 2, "history": preview.to_move["history"],
                               "requests": 1, "letters": 0, "disclosures": 1}  # fmt: skip
    assert {d.name: d.default for d in preview.differences} == {
        "address": Side.KEPT, "phone_mobile": Side.KEPT, "phone_home": Side.OTHER,
        "email": Side.KEPT, "notes": Side.OTHER,
    }  # fmt: skip

    done = merge.merge(ds, keep, other, {"email": "other"})

    kept = done.kept
    assert kept.number == keep and done.merged_number == other
    assert kept.email == "aino.v@example.com" and kept.phone_home == "+35891234567"
    assert kept.street == "Kauppakatu 1" and kept.notes == "Prefers letters"
    assert done.moved["orders"] == 2 and done.moved["requests"] == 1
    assert done.moved["disclosures"] == 1
    assert count(ds, "SELECT count(*) FROM customer_order") == orders_before
    assert count(ds, "SELECT sum(total_cents) FROM customer_order") == total_before
    ids = {"k": kept.id}
    assert count(ds, "SELECT count(*) FROM customer_order WHERE customer_id = :k", **ids) == 3
    assert count(ds, "SELECT count(*) FROM subject_request WHERE customer_id = :k", **ids) == 1
    assert count(ds, "SELECT count(*) FROM disclosure_customer WHERE customer_id = :k", **ids) == 1
    # Every history row moved; the kept record's new values add one row each.
    assert count(ds, "SELECT count(*) FROM personal_data_change") == history_before + 3
    assert count(ds, "SELECT count(*) FROM personal_data_change WHERE customer_id <> :k",
                 **ids) == 0  # fmt: skip


def test_the_merged_away_record_is_blank_and_its_number_an_alias(
    ds: DeskSession, pair: tuple[str, str]
) -> None:
    keep, other = pair
    merge.merge(ds, keep, other)
    with ds.db.read() as s:
        row = s.execute(select(m.Customer).where(m.Customer.number == other)).scalar_one()
        assert row.merged_into is not None and row.surname == "" and row.email == ""
        assert row.birth_date is None and row.notes == "" and row.street == ""
        words = s.execute(
            select(func.count()).select_from(m.SearchWord).where(m.SearchWord.customer_id == row.id)
        ).scalar_one()
        assert words == 0
    # The old number opens the kept record; a search by it finds the kept record, saying so.
    assert customers.get(ds, other, purpose="customer_service").number == keep
    hits = customers.search(ds, other).rows
    assert [(h.number, h.merged_number) for h in hits] == [(keep, other)]
    assert [h.number for h in customers.search(ds, keep).rows] == [keep]
    # The person is found once by name, e-mail and phone.
    assert [h.number for h in customers.search(ds, "Virtanen Aino").rows] == [keep]
    assert [h.number for h in customers.search(ds, "aino@example.fi").rows] == [keep]
    assert customers.search(ds, "aino.v@example.com").rows == ()
    assert customers.search(ds, "+35891234567").rows[0].number == keep


def test_consents_combine_least_permissively_append_only(
    ds: DeskSession, pair: tuple[str, str]
) -> None:
    keep, other = pair
    events_before = count(ds, "SELECT count(*) FROM consent_event")
    done = merge.merge(ds, keep, other)
    state = consents.current(ds, keep)
    assert state[ConsentItem.DIRECT_ADVERTISING] is True  # prohibited on the other
    assert state[ConsentItem.EMAIL_MARKETING] is False  # withdrawn on the other
    assert state[ConsentItem.SMS_MARKETING] is True  # given on the other, never asked here
    assert state[ConsentItem.MARKET_RESEARCH] is False
    # New events only, each citing the other record's statement; none changed.
    assert count(ds, "SELECT count(*) FROM consent_event") == events_before + 3
    assert {e.item for e in done.consent_events} == {
        ConsentItem.DIRECT_ADVERTISING, ConsentItem.EMAIL_MARKETING, ConsentItem.SMS_MARKETING
    }  # fmt: skip
    for event in done.consent_events:
        assert f"Merge of customer {other} into {keep}" in event.note
        assert event.document_ref in ("KIRJE-1", "WEB-7")
    # The other record's own history stays, as its evidence.
    with ds.db.read() as s:
        other_id = s.execute(select(m.Customer.id).where(m.Customer.number == other)).scalar_one()
    assert count(ds, "SELECT count(*) FROM consent_event WHERE customer_id = :o", o=other_id) == 4
    # The kept e-mail is suppressed for e-mail marketing (a withdrawal now applies to it).
    with ds.db.read() as s:
        assert consents.suppression_active(
            s, "email", "aino.v@example.com", ConsentItem.EMAIL_MARKETING
        )


def test_both_histories_and_audit_trails_show_the_merge(
    ds: DeskSession, pair: tuple[str, str]
) -> None:
    keep, other = pair
    merge.merge(ds, keep, other, {"address": "other"})
    for number in (keep, other):
        (row,) = merge.history(ds, number)
        assert (row.kept_number, row.merged_number) == (keep, other)
        assert row.choices["address"] == "other" and row.moved["orders"] == 2
        actions = [(e.action, e.detail) for e in audit.trail(ds, number)]
        assert ("merge", f"merge of {other} into {keep}") in actions
    changes = customers.history(ds, keep)
    street = [c for c in changes if c.field == "street" and "merge" in c.source_detail]
    assert street and street[0].new_value == "Vanha tie 2"
    assert street[0].source is DataSource.CUSTOMER_PHONE  # the taken value's own source


def test_the_kept_records_logs_include_the_merged_away_numbers(
    ds: DeskSession, pair: tuple[str, str]
) -> None:
    """Its audit trail and its access letter's log: what was done with the person's data
    under the old number is the person's too (GDPR Art. 15)."""
    keep, other = pair
    customers.get(ds, other, purpose="customer_service")  # a read under the old number
    merge.merge(ds, keep, other)
    trail = audit.trail(ds, keep)
    assert {e.customer_number for e in trail} == {keep, other}
    assert any(e.customer_number == other and e.action == "read" for e in trail)
    from kkdesk.store import access_report as store

    with ds.db.read() as s:
        rows = store.audit_rows(s, [keep])
    assert {r[0] for r in rows} == {keep}
    assert len(rows) == len(trail)
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)


def test_the_marketing_export_holds_the_person_once_with_combined_prohibitions(
    ds: DeskSession, tmp_path: Path
) -> None:
    keep = person(ds)
    other = person(ds, street="Vanha tie 2", postal_code="00100", post_office="HELSINKI")
    before = _exported(ds, tmp_path / "before.csv", MarketingPurpose.DIRECT_MARKETING)
    assert sorted(before) == sorted([keep, other])  # two records of one person: twice
    consents.record(ds, other, ConsentItem.DIRECT_ADVERTISING, True, LETTER)
    merge.merge(ds, keep, other)
    assert _exported(ds, tmp_path / "dm.csv", MarketingPurpose.DIRECT_MARKETING) == [keep]
    assert _exported(ds, tmp_path / "da.csv", MarketingPurpose.DIRECT_ADVERTISING) == []


def _exported(ds: DeskSession, path: Path, purpose: MarketingPurpose) -> list[str]:
    marketing.export(ds, purpose, MarketingChannel.POST, path, recipient="Mainostoimisto Oy")
    with path.open(encoding="utf-8-sig") as f:
        return [r["customer_number"] for r in csv.DictReader(f)]


def test_a_chain_of_merges_keeps_every_old_number_working(ds: DeskSession) -> None:
    a, b, c = person(ds), person(ds, email="b@example.fi"), person(ds, email="c@example.fi")
    merge.merge(ds, b, a)
    merge.merge(ds, c, b)
    for number in (a, b, c):
        assert customers.get(ds, number, purpose="customer_service").number == c
    assert {(r.kept_number, r.merged_number) for r in merge.history(ds, a)} == {(b, a), (c, b)}


@pytest.mark.parametrize("case", ["same", "company", "erased", "merged", "missing", "choice"])
def test_refusals_change_nothing(ds: DeskSession, case: str) -> None:
    keep = person(ds)
    other = person(ds, email="x@example.fi")
    if case == "company":
        other = customers.create(
            ds, CustomerDraft(type=CustomerType.COMPANY, company_name="Virtanen Oy",
                              business_id="0737546-2"), source=DataSource.CUSTOMER_PHONE
        ).number  # fmt: skip
    if case == "erased":
        with ds.db.session() as s:
            s.execute(text("UPDATE customer SET erased_at = '2025-01-01 00:00:00' "
                           "WHERE number = :n"), {"n": other})  # fmt: skip
    if case == "merged":
        third = person(ds, email="y@example.fi")
        merge.merge(ds, third, other)
    before = snapshot(ds)
    kwargs: dict[str, Any] = {}
    target = {"same": keep, "missing": "1000009"}.get(case, other)
    if case == "choice":
        kwargs = {"choices": {"email": "both"}}
    with pytest.raises(KnownError) as caught:
        merge.merge(ds, keep, target, **kwargs)
    assert caught.value.code == {
        "same": "merge_same", "company": "merge_not_person", "erased": "merge_erased",
        "merged": "merge_merged", "missing": "customer_not_found", "choice": "merge_choice",
    }[case]  # fmt: skip
    if case == "company":  # either way round
        with pytest.raises(KnownError):
            merge.merge(ds, other, keep)
    assert snapshot(ds) == before


def test_a_merge_after_either_record_changed_is_refused(
    ds: DeskSession, pair: tuple[str, str]
) -> None:
    keep, other = pair
    preview = merge.preview(ds, keep, other)
    current = customers.get(ds, other, purpose="customer_service")
    changed = replace(current.to_draft(), notes="changed meanwhile")
    customers.update(ds, other, changed, expected_version=current.version,
                     source=DataSource.CUSTOMER_PHONE)  # fmt: skip
    before = snapshot(ds)
    with pytest.raises(StaleEdit):
        merge.merge(ds, keep, other,
                    expected_versions=(preview.kept.version, preview.other.version))  # fmt: skip
    assert snapshot(ds) == before


@pytest.mark.parametrize("level", [Level.VIEWER, Level.CLERK, Level.MARKETING])
def test_only_privacy_and_admin_may_merge(db_path: Path, level: Level) -> None:
    from kkdesk.services.session import open_session

    admin = open_session(str(db_path), level=Level.ADMIN)
    keep, other = person(admin), person(admin, email="x@example.fi")
    admin.close()
    ds = open_session(str(db_path), level=level)
    try:
        with pytest.raises(PermissionDenied):
            merge.merge(ds, keep, other)
    finally:
        ds.close()
    privacy = open_session(str(db_path), level=Level.PRIVACY)
    try:
        assert merge.merge(privacy, keep, other).kept.number == keep
    finally:
        privacy.close()
