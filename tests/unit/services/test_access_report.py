"""The subject-access letter from a real register: complete, nobody else's data, archived
on its request, audited."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from kkdesk.domain.enums import AuditAction, Language
from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied
from kkdesk.services import access_report, requests
from kkdesk.services.session import DeskSession
from kkdesk.store.models import AuditEvent, RequestLetter
from tests.reports_factory import TODAY, rich_customer
from tests.unit.reports.pdftext import contains, squeezed


@pytest.mark.parametrize("company", [False, True], ids=["person", "company"])
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_letter_holds_everything_of_this_customer_and_nothing_of_another(
    ds: DeskSession, lang: str, company: bool
) -> None:
    mine = rich_customer(ds, "A", company=company)
    other = rich_customer(ds, "Q", company=not company)
    letter = access_report.generate(ds, mine.number, language=lang, name_staff=False)
    text = squeezed(letter.pdf)
    missing = [v for v in mine.present if not contains(text, v)]
    assert not missing
    leaked = [v for v in other.present if contains(text, v)]
    assert not leaked
    # Staff names stay out unless the setting asks for them.
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
    with ds.db.read() as s:
        row = s.get(RequestLetter, letter.letter_id)
        assert row is not None
        assert row.sha256 == hashlib.sha256(row.pdf).hexdigest() == letter.sha256
        assert row.pages == letter.pages
        audits = s.execute(
            select(AuditEvent.purpose, AuditEvent.detail).where(
                AuditEvent.customer_number == mine.number,
                AuditEvent.action == AuditAction.REPORT.value,
            )
        ).all()
    assert len(audits) == 1 and audits[0].purpose == "subject_request"
    assert f"request {req.id}" in audits[0].detail
    assert requests.letter_pdf(ds, letter.letter_id) == letter.pdf
    [listed] = requests.list_requests(ds, number=mine.number)
    assert listed.letters[0].sha256 == letter.sha256


def test_staff_names_when_asked(ds: DeskSession) -> None:
    mine = rich_customer(ds, "C")
    letter = access_report.generate(ds, mine.number, name_staff=True)
    assert ds.user in squeezed(letter.pdf)


def test_batch_prints_every_open_access_request(ds: DeskSession) -> None:
    a, b, c = (rich_customer(ds, t) for t in "DEF")
    ra = requests.add(ds, a.number, "access", received_on=TODAY, channel="email")
    rb = requests.add(ds, b.number, "access", received_on=TODAY, channel="letter")
    requests.add(ds, c.number, "erasure", received_on=TODAY, channel="letter")
    seen: list[tuple[int, int]] = []
    letters = access_report.generate_open(ds, progress=lambda d, t: seen.append((d, t)))
    assert sorted(x.request_id or 0 for x in letters) == sorted([ra.id, rb.id])
    assert seen[-1] == (2, 2)
    for x in letters:
        assert x.letter_id is not None


def test_viewer_cannot_print_letters(ds: DeskSession) -> None:
    mine = rich_customer(ds, "G")
    viewer = DeskSession(ds.db, Level.VIEWER)
    with pytest.raises(PermissionDenied):
        access_report.generate(viewer, mine.number)
