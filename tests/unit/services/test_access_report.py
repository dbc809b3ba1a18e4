"""The subject-access letter from a real register: complete, nobody else's data, archived
on its request, audited; the batch of every open access request."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from kkdesk.domain import subject_scope as scope
from kkdesk.domain.enums import AuditAction, Language, Purpose
from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied, RuleViolation
from kkdesk.reports.texts import Words
from kkdesk.services import access_report, register_settings, requests
from kkdesk.services.session import DeskSession
from kkdesk.store.models import AuditEvent, RequestLetter
from tests.reports_factory import TODAY, log_access, rich_customer
from tests.unit.reports.pdftext import contains, squeezed


@pytest.mark.parametrize("company", [False, True], ids=["person", "company"])
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_letter_holds_everything_of_this_customer_and_nothing_of_another(
    ds: DeskSession, lang: str, company: bool
) -> None:
    mine = rich_customer(ds, "A", company=company)
    other = rich_customer(ds, "Q", company=not company)
    log_access(ds, mine.number, AuditAction.READ, Purpose.ORDER_HANDLING)
    letter = access_report.generate(ds, mine.number, language=lang, name_staff=False)
    text = squeezed(letter.pdf)
    missing = [v for v in mine.expected(lang) if not contains(text, v)]
    assert not missing
    assert contains(text, Words(lang)("pu_order_handling"))
    leaked = [v for v in other.present if contains(text, v)]
    assert not leaked
    codes = [v for v in mine.absent if contains(text, v)]
    assert not codes
    # A company's letter holds none of its contact persons' data (Art. 15(4)).
    assert not [v for v in mine.contact if contains(text, v)]
    # Staff names stay out unless the register's setting asks for them.
    assert ds.user not in text


def test_letter_answers_the_open_request_and_is_archived(ds: DeskSession) -> None:
    mine = rich_customer(ds, "B")
    req = requests.add(ds, mine.number, "access", received_on=TODAY, channel="letter",
                       identity_method="passport")  # fmt: skip
    letter = access_report.generate(ds, mine.number)
    assert letter.request_id == req.id and letter.letter_id is not None
    assert letter.language is Language.FI
    text = squeezed(letter.pdf)
    assert contains(text, f"nro {req.id}")
    assert contains(text, Words("fi").long_date(TODAY))  # when the request was received
    with ds.db.read() as s:
        row = s.get(RequestLetter, letter.letter_id)
        assert row is not None
        assert row.sha256 == hashlib.sha256(row.pdf).hexdigest() == letter.sha256
        assert row.pages == letter.pages and row.language == "fi"
        audits = s.execute(
            select(AuditEvent.purpose, AuditEvent.detail).where(
                AuditEvent.customer_number == mine.number,
                AuditEvent.action == AuditAction.REPORT.value,
            )
        ).all()
    assert len(audits) == 1 and audits[0].purpose == "subject_request"
    assert f"request {req.id}" in audits[0].detail and letter.sha256[:16] in audits[0].detail
    assert requests.letter_pdf(ds, letter.letter_id) == letter.pdf
    [listed] = requests.list_requests(ds, number=mine.number)
    assert listed.letters[0].sha256 == letter.sha256
    # A second letter (say, after a correction) is archived beside the first.
    again = access_report.generate(ds, None, request_id=req.id, language="en")
    assert again.letter_id != letter.letter_id
    assert [x.language for x in requests.get(ds, req.id).letters] == ["fi", "en"]


def test_a_letter_without_a_request_is_audited_but_not_archived(ds: DeskSession) -> None:
    mine = rich_customer(ds, "H")
    letter = access_report.generate(ds, mine.number)
    assert letter.request_id is None and letter.letter_id is None
    assert contains(squeezed(letter.pdf), f"Asiakasnro {mine.number}")
    with ds.db.read() as s:
        assert s.scalar(select(func.count()).select_from(RequestLetter)) == 0
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.customer_number == mine.number)
        ).all()
    assert AuditAction.REPORT.value in actions


def test_preview_is_neither_archived_nor_a_report(ds: DeskSession) -> None:
    mine = rich_customer(ds, "I")
    req = requests.add(ds, mine.number, "access", received_on=TODAY, channel="email")
    shown = access_report.preview(ds, mine.number, language="sv")
    assert shown.request_id == req.id and shown.received_on == TODAY
    assert shown.language is Language.SV and shown.pages >= 3
    assert requests.get(ds, req.id).letters == ()
    with ds.db.read() as s:
        details = s.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.customer_number == mine.number,
                AuditEvent.action == AuditAction.READ.value,
            )
        ).all()
    assert "access letter preview" in details


def test_an_access_letter_does_not_answer_another_kind_of_request(ds: DeskSession) -> None:
    mine = rich_customer(ds, "J")
    other = rich_customer(ds, "K")
    erasure = requests.add(ds, mine.number, "erasure", received_on=TODAY, channel="letter")
    access = requests.add(ds, other.number, "access", received_on=TODAY, channel="letter")
    with pytest.raises(RuleViolation) as info:
        access_report.generate(ds, mine.number, request_id=erasure.id)
    assert info.value.code == "request_not_access"
    with pytest.raises(RuleViolation) as info:
        access_report.generate(ds, mine.number, request_id=access.id)
    assert info.value.code == "request_other_customer"
    with ds.db.read() as s:  # refused: nothing archived, nothing audited as a report
        assert s.scalar(select(func.count()).select_from(RequestLetter)) == 0
        assert not s.scalars(
            select(AuditEvent.id).where(AuditEvent.action == AuditAction.REPORT.value)
        ).all()


def test_staff_names_when_the_register_setting_asks(ds: DeskSession) -> None:
    mine = rich_customer(ds, "C")
    assert ds.user not in squeezed(access_report.generate(ds, mine.number).pdf)
    register_settings.set_value(ds, "letters_name_staff", True)
    assert ds.user in squeezed(access_report.generate(ds, mine.number).pdf)
    assert ds.user not in squeezed(access_report.generate(ds, mine.number, name_staff=False).pdf)


def test_batch_prints_every_open_access_request(ds: DeskSession) -> None:
    a, b, c = (rich_customer(ds, t) for t in "DEF")
    ra = requests.add(ds, a.number, "access", received_on=TODAY, channel="email",
                      identity_method="bank ID")  # fmt: skip
    rb = requests.add(ds, b.number, "access", received_on=TODAY, channel="letter",
                      identity_override="reply to the address on file")  # fmt: skip
    requests.add(ds, c.number, "erasure", received_on=TODAY, channel="letter")
    closed = requests.add(ds, c.number, "access", received_on=TODAY, channel="letter")
    requests.close(ds, closed.id, note="answered by phone")
    seen: list[tuple[int, int]] = []
    letters = access_report.generate_open(ds, progress=lambda d, t: seen.append((d, t)))
    assert [x.request_id for x in letters] == [ra.id, rb.id]  # nearest deadline first
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    for x, expected in zip(letters, (a, b), strict=True):
        assert x.letter_id is not None and x.customer_number == expected.number
        text = squeezed(x.pdf)
        assert all(contains(text, v) for v in expected.present)
        assert x.file_name == f"request-{x.request_id}-{x.customer_number}-fi.pdf"
    assert all(len(requests.get(ds, r.id).letters) == 1 for r in (ra, rb))


def test_batch_in_worker_processes_matches_the_letters_made_one_by_one(ds: DeskSession) -> None:
    """Enough requests for the pool of worker processes (rendering is spawned off)."""
    from kkdesk.reports import batch

    made = [rich_customer(ds, chr(ord("a") + i)) for i in range(batch.POOL_THRESHOLD + 2)]
    for m in made:
        requests.add(ds, m.number, "access", received_on=TODAY, channel="letter",
                     identity_method="passport")  # fmt: skip
    letters = access_report.generate_open(ds, workers=2)
    assert [x.customer_number for x in letters] == [m.number for m in made]
    for x, m in zip(letters, made, strict=True):
        assert contains(squeezed(x.pdf), m.number) and x.letter_id is not None


def test_viewer_cannot_print_letters(ds: DeskSession) -> None:
    mine = rich_customer(ds, "G")
    viewer = DeskSession(ds.db, Level.VIEWER)
    with pytest.raises(PermissionDenied):
        access_report.generate(viewer, mine.number)
    with pytest.raises(PermissionDenied):
        access_report.generate_open(viewer)


def test_a_batch_reads_each_customer_as_reading_it_alone_does(ds: DeskSession) -> None:
    """The batch reads orders, consents and sources for many customers at once, as plain
    rows; each letter's data must be what the customer's own reads give."""
    from datetime import date

    from sqlalchemy.orm import selectinload

    from kkdesk.services import consents, demo, orders
    from kkdesk.store import customers as repo
    from kkdesk.store import models as m

    rich = [rich_customer(ds, t) for t in "RS"]
    demo.generate(ds, 40, seed=11)
    with ds.db.read() as s:
        info = register_settings.load(s)
        rows = list(s.scalars(select(m.Customer).options(selectinload(m.Customer.contacts))))
        many = access_report.collect_many(
            s, [(r, None) for r in rows], info=info, letter_date=date(2026, 1, 1)
        )
        assert {r.number for r in rows} >= {c.number for c in rich}
        for row, letter in zip(rows, many, strict=True):
            # Sources read one by one; a company's letter holds no contact person's data.
            whole = repo.to_view(s, row)
            assert letter.customer == scope.scoped_customer(whole, None)
            own = s.scalars(
                select(m.Order)
                .where(m.Order.customer_id == row.id)
                .options(*orders._with_children())
            )
            assert sorted(letter.orders, key=lambda o: o.id) == sorted(
                (orders.to_domain(o) for o in own), key=lambda o: o.id
            )
            persons = consents.persons_of(s, row)
            assert letter.consent_events == scope.scoped_events(
                whole, None, (e for p in persons for e in p.history)
            )
    assert any(order.returns for letter in many for order in letter.orders)
    assert any(letter.consent_events for letter in many)
    companies = [x for x in many if x.customer.type == "company"]
    assert companies and not any(x.customer.contacts for x in companies)
    assert any(letter.customer.sources for letter in many)


def test_batch_delivers_each_letter_once_archived_and_keeps_no_pdf(ds: DeskSession) -> None:
    made = [rich_customer(ds, t) for t in "HI"]
    for m in made:
        requests.add(ds, m.number, "access", received_on=TODAY, channel="letter",
                     identity_method="passport")  # fmt: skip
    delivered: list[access_report.GeneratedLetter] = []

    def deliver(letter: access_report.GeneratedLetter) -> None:
        assert letter.request_id is not None
        [archived] = requests.get(ds, letter.request_id).letters  # committed already
        assert archived.sha256 == hashlib.sha256(letter.pdf).hexdigest()
        delivered.append(letter)

    letters = access_report.generate_open(ds, deliver=deliver)
    assert [x.customer_number for x in delivered] == [m.number for m in made]
    assert [x.request_id for x in letters] == [x.request_id for x in delivered]
    assert all(x.pdf == b"" for x in letters) and all(x.pdf for x in delivered)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_stopped_batch_delivers_what_it_archived_and_makes_no_more(
    ds: DeskSession, workers: int
) -> None:
    from kkdesk.reports import batch
    from tests.orders_factory import add_customer

    count = batch.POOL_THRESHOLD + 2  # enough for the worker processes when there are 2
    asked = [
        requests.add(ds, add_customer(ds, f"Pysäytys{i}"), "access", received_on=TODAY,
                     channel="letter", identity_method="ID card")
        for i in range(count)
    ]  # fmt: skip
    delivered: list[int | None] = []
    letters = access_report.generate_open(
        ds,
        workers=workers,
        deliver=lambda letter: delivered.append(letter.request_id),
        stop=lambda: len(delivered) > 0,  # stop once the first group is archived
    )
    group = access_report.FILE_GROUP
    assert [x.request_id for x in letters] == delivered == [r.id for r in asked[:group]]
    assert all(len(requests.get(ds, r.id).letters) == 1 for r in asked[:group])
    assert all(requests.get(ds, r.id).letters == () for r in asked[group:])
