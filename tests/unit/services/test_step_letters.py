"""A letter for every step of a request, on a real register: each kind in Finnish, Swedish
and English says what it must, holds only the person's own data, is archived with its
hash on the request and audited, and records how it was sent."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import replace
from datetime import timedelta

import pytest
from pypdf import PdfReader

from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import DataSource, Language
from kkdesk.domain.letters import LetterKind, SendVia
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.errors import NotFound, RuleViolation, ValidationFailed
from kkdesk.services import audit, customers, register_settings, requests, step_letters
from kkdesk.services.session import DeskSession
from tests.step_factory import (
    NEIGHBOUR_EMAIL,
    NEIGHBOUR_PHONE,
    NEW_STREET,
    OUTSIDER,
    RECIPIENT,
    UPDATE_DETAIL,
    World,
    build_world,
)
from tests.unit.reports.pdftext import pages, runs, squeezed

# What each kind must say, per language (besides the document name and the reference).
MUST: dict[LetterKind, tuple[str, str, str]] = {
    LetterKind.ACKNOWLEDGEMENT: (
        "vastaamme siihen viimeistään",
        "svarar senast den",
        "answer it by",
    ),
    LetterKind.EXTENSION: (
        "Pidennyksen syy",
        "Skälet till förlängningen",
        "reason for the extension",
    ),
    LetterKind.REFUSAL: ("tietosuojavaltuutettu", "dataombudsmannen", "Data Protection Ombudsman"),
    LetterKind.NO_DATA: (
        "ei ole teitä koskevia",
        "inga personuppgifter om er",
        "holds no personal data",
    ),
    LetterKind.IDENTIFICATION: ("12 artiklan 6 kohta", "artikel 12.6", "Article 12(6)"),
    LetterKind.CONFIRMATION: ("Suoramainonta", "direktreklam", "direct advertising"),
    LetterKind.SOURCE_NOTICE: (UPDATE_DETAIL, UPDATE_DETAIL, UPDATE_DETAIL),
    LetterKind.RECIPIENT_NOTICE: (NEW_STREET, NEW_STREET, NEW_STREET),
    LetterKind.RECIPIENTS_LIST: (RECIPIENT, RECIPIENT, RECIPIENT),
    LetterKind.COPY_COVER: ("SHA-256", "SHA-256", "SHA-256"),
}
REQUEST_OF: dict[LetterKind, RequestKind | None] = {
    LetterKind.ACKNOWLEDGEMENT: RequestKind.ACCESS,
    LetterKind.EXTENSION: RequestKind.ERASURE,
    LetterKind.REFUSAL: RequestKind.ERASURE,
    LetterKind.NO_DATA: None,  # the outsider's request
    LetterKind.IDENTIFICATION: RequestKind.ACCESS,
    LetterKind.CONFIRMATION: RequestKind.OBJECTION,
    LetterKind.SOURCE_NOTICE: None,  # answers no request
    LetterKind.RECIPIENT_NOTICE: RequestKind.RECTIFICATION,
    LetterKind.RECIPIENTS_LIST: RequestKind.RECTIFICATION,
    LetterKind.COPY_COVER: RequestKind.PORTABILITY,
}
LANGS = {Language.FI: 0, Language.SV: 1, Language.EN: 2}


def make(
    ds: DeskSession, world: World, kind: LetterKind, language: Language
) -> list[step_letters.MadeLetter]:
    if kind is LetterKind.EXTENSION:
        requests.extend(ds, world.requests[RequestKind.ERASURE], "Linked records at a partner")
    if kind is LetterKind.SOURCE_NOTICE:
        return step_letters.generate(ds, kind, number=world.number, language=language)
    rk = REQUEST_OF[kind]
    rid = world.outsider_request if rk is None else world.requests[rk]
    reason = (
        "Manifestly unfounded: the same request every week" if kind is LetterKind.REFUSAL else ""
    )
    return step_letters.generate(ds, kind, request_id=rid, language=language, reason=reason)


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("kind", list(MUST))
def test_every_letter_in_every_language(
    ds: DeskSession, kind: LetterKind, language: Language
) -> None:
    world = build_world(ds)
    made = make(ds, world, kind, language)
    assert made
    for letter in made:
        text = pages(letter.pdf)
        flat = squeezed(text)
        # Content: its own words, in the letter's language, and the register's contact.
        assert "".join(MUST[kind][LANGS[language]].split()) in flat, kind
        assert "AnttiRiuttala" in flat
        # Only this person's data: never the neighbour's e-mail, phone or name.
        for other in (NEIGHBOUR_EMAIL, NEIGHBOUR_PHONE, "Nieminen", world.neighbour):
            assert other not in flat
        # Archived with its hash, on the request (an Art. 14 notice: on the customer).
        assert letter.sha256 == hashlib.sha256(letter.pdf).hexdigest()
        assert requests.letter_pdf(ds, letter.letter_id) == letter.pdf
        # The PDF's properties name no customer.
        meta = PdfReader(io.BytesIO(letter.pdf)).metadata or {}
        assert world.number not in " ".join(str(v) for v in meta.values())
    if kind is LetterKind.NO_DATA:
        assert OUTSIDER in pages(made[0].pdf)[0] and "90100 OULU" in pages(made[0].pdf)[0]
    if kind is LetterKind.RECIPIENT_NOTICE:
        [notice] = made
        assert notice.addressee == RECIPIENT
        # The recipient's name in the envelope's window (20 mm from the left, 45–70 mm down).
        [block] = [r for r in runs(notice.pdf) if r.text == RECIPIENT]
        assert abs(block.x_mm - 20) < 0.5 and 45 <= block.top_mm <= 70
    if kind is not LetterKind.SOURCE_NOTICE and made[0].request_id is not None:
        info = requests.get(ds, made[0].request_id)
        archived = [x for x in info.letters if x.kind == kind.value]
        assert [x.sha256 for x in archived] == [x.sha256 for x in made]
        assert all(x.language == language.value for x in archived)


def test_sending_is_recorded_once_per_letter(ds: DeskSession) -> None:
    world = build_world(ds)
    rid = world.requests[RequestKind.ACCESS]
    [ack] = step_letters.generate(ds, LetterKind.ACKNOWLEDGEMENT, request_id=rid, language="sv")
    with pytest.raises(ValidationFailed) as bad:
        step_letters.record_sending(ds, ack.letter_id, "pigeon",
                                    sent_on=requests.today() + timedelta(days=1))  # fmt: skip
    assert set(bad.value.errors) == {"via", "sent_on"}
    sent = step_letters.record_sending(ds, ack.letter_id, SendVia.EMAIL)
    assert sent.sent_on == requests.today() and sent.sent_via == "email" and sent.language == "sv"
    with pytest.raises(RuleViolation) as again:
        step_letters.record_sending(ds, ack.letter_id, SendVia.POST)
    assert again.value.code == "letter_already_sent"
    [listed] = [x for x in requests.get(ds, rid).letters if x.id == ack.letter_id]
    assert listed.sent and listed.sent_via == "email" and listed.sent_recorded_by == ds.user
    doc = requests.request_json(requests.get(ds, rid))
    assert (
        doc["letters"][0]["sent_via"] == "email" and doc["letters"][0]["kind"] == "acknowledgement"
    )
    trail = audit.trail(ds, world.number)
    assert any(f"letter {ack.letter_id}" in e.detail and "sent" in e.detail for e in trail)
    with pytest.raises(NotFound):
        step_letters.record_sending(ds, 9999, SendVia.POST)


def test_extension_notice_only_for_an_extended_request_within_the_first_month(
    ds: DeskSession,
) -> None:
    world = build_world(ds)
    rid = world.requests[RequestKind.ERASURE]
    with pytest.raises(RuleViolation) as not_yet:
        step_letters.generate(ds, LetterKind.EXTENSION, request_id=rid)
    assert not_yet.value.code == "request_not_extended"
    requests.extend(ds, rid, "Linked records at a partner")
    [notice] = step_letters.generate(ds, LetterKind.EXTENSION, request_id=rid)
    assert "Linkedrecordsatapartner" in squeezed(pages(notice.pdf))
    extended = requests.get(ds, rid)
    # The new deadline is printed; the sending date is recorded.
    assert f"{extended.deadline.day}.{extended.deadline.month}.{extended.deadline.year}" in (
        squeezed(pages(notice.pdf))
    )
    # Sent after the first month: refused (and a notice dated then is refused too).
    late = extended.received_on + timedelta(days=40)
    with pytest.raises(RuleViolation) as too_late:
        step_letters.generate(ds, LetterKind.EXTENSION, request_id=rid, letter_date=late)
    assert too_late.value.code == "extension_notice_late"
    sent = step_letters.record_sending(ds, notice.letter_id, "post")
    assert sent.sent_on == requests.today()


def test_what_a_letter_would_falsely_say_is_refused(ds: DeskSession) -> None:
    world = build_world(ds)
    access = world.requests[RequestKind.ACCESS]
    with pytest.raises(RuleViolation) as customer:
        step_letters.generate(ds, LetterKind.NO_DATA, request_id=access)
    assert customer.value.code == "request_has_customer"
    with pytest.raises(ValidationFailed):
        step_letters.generate(ds, LetterKind.REFUSAL, request_id=access, reason="  ")
    with pytest.raises(RuleViolation) as wrong:
        step_letters.generate(ds, LetterKind.COPY_COVER, request_id=access)
    assert wrong.value.code == "letter_not_for_request"
    with pytest.raises(RuleViolation) as outsider:
        step_letters.generate(ds, LetterKind.CONFIRMATION, request_id=world.outsider_request)
    assert outsider.value.code in ("letter_not_for_request", "letter_needs_customer")
    with pytest.raises(ValidationFailed):
        step_letters.generate(ds, "gossip", request_id=access)
    before = len(requests.get(ds, access).letters)
    assert len(requests.get(ds, access).letters) == before  # nothing archived by refusals


def test_copy_cover_archives_the_copy_with_its_hash(ds: DeskSession) -> None:
    world = build_world(ds)
    rid = world.requests[RequestKind.PORTABILITY]
    [cover] = step_letters.generate(ds, LetterKind.COPY_COVER, request_id=rid, language="en")
    doc = json.loads(cover.attachment)
    assert doc["customer"]["number"] == world.number
    digest = hashlib.sha256(cover.attachment).hexdigest()
    assert digest in squeezed(pages(cover.pdf))
    assert cover.attachment_id is not None
    assert requests.letter_pdf(ds, cover.attachment_id) == cover.attachment
    kinds = [x.kind for x in requests.get(ds, rid).letters]
    assert kinds == ["portability_copy", "copy_cover"]


def test_source_notices_due_come_from_the_change_history(ds: DeskSession) -> None:
    world = build_world(ds)
    due = step_letters.source_notices_due(ds)
    assert [d.customer_number for d in due] == [world.number]  # the neighbour gave their own
    assert due[0].sources == ("update_service",)
    assert due[0].due_by > requests.today()
    written: list[str] = []
    made = step_letters.generate_source_notices(ds, deliver=lambda x: written.append(x.file_name))
    assert len(made) == 1 and written == [made[0].file_name] and made[0].pdf == b""
    assert step_letters.source_notices_due(ds) == []  # told: no longer due


def test_letters_warn_of_empty_contact_fields(ds: DeskSession) -> None:
    world = build_world(ds)
    register_settings.set_value(ds, "contact_phone", "")
    [ack] = step_letters.generate(ds, LetterKind.ACKNOWLEDGEMENT,
                                  request_id=world.requests[RequestKind.ACCESS])  # fmt: skip
    assert "contact_phone" in ack.warnings and "contact_email" in ack.warnings
    assert "contact_name" not in ack.warnings


def test_a_request_without_a_customer_needs_a_name_and_address(ds: DeskSession) -> None:
    with pytest.raises(ValidationFailed) as info:
        requests.add(ds, "", "access", received_on=requests.today(), channel="letter")
    assert set(info.value.errors) == {"requester_name", "requester_address"}
    r = requests.add(
        ds, "", "access", received_on=requests.today(), channel="letter",
        requester_name="Olli  Ulkopuolinen", requester_address="Rantatie 3\n\n90100 OULU",
    )  # fmt: skip
    assert r.customer_number == "" and r.customer_name == "Olli Ulkopuolinen"
    assert r.requester_address == "Rantatie 3\n90100 OULU"


@pytest.mark.parametrize("language", list(Language))
def test_a_confirmation_needs_no_objection_request(ds: DeskSession, language: Language) -> None:
    """A prohibition sent in by post (section 9) is confirmed without any request: the
    letter is archived on the customer, not on a request, and audited."""
    world = build_world(ds)
    [letter] = step_letters.generate(
        ds, LetterKind.CONFIRMATION, number=world.number, language=language
    )
    assert letter.request_id is None and letter.file_name.startswith("notice-")
    flat = squeezed(pages(letter.pdf))
    assert "".join(MUST[LetterKind.CONFIRMATION][LANGS[language]].split()) in flat
    assert world.number in flat  # the customer number is the letter's reference
    for other in (NEIGHBOUR_EMAIL, NEIGHBOUR_PHONE, world.neighbour):
        assert other not in flat
    reader = PdfReader(io.BytesIO(letter.pdf))
    assert reader.trailer["/Root"]["/Lang"] == language.value
    assert world.number not in " ".join(str(v) for v in (reader.metadata or {}).values())
    assert requests.letter_pdf(ds, letter.letter_id) == letter.pdf
    # Not on any of the customer's requests; told apart from the Art. 14 notices.
    for rid in world.requests.values():
        assert letter.letter_id not in [x.id for x in requests.get(ds, rid).letters]
    assert [d.customer_number for d in step_letters.source_notices_due(ds)] == [world.number]
    trail = audit.trail(ds, world.number)
    assert any("notice: confirmation letter" in e.detail for e in trail)
    sent = step_letters.record_sending(ds, letter.letter_id, SendVia.POST)
    assert sent.sent_via == "post"


def test_an_unasked_confirmation_of_nothing_is_refused(ds: DeskSession) -> None:
    build_world(ds)
    quiet = customers.create(
        ds,
        CustomerDraft(surname="Hiljainen", first_names="Hilla", street="Kuja 2",
                      postal_code="40100", post_office="JYVÄSKYLÄ"),
        source=DataSource.CUSTOMER_PHONE,
    )  # fmt: skip
    with pytest.raises(RuleViolation) as nothing:
        # Nothing recorded: no letter confirms nothing unasked.
        step_letters.generate(ds, LetterKind.CONFIRMATION, number=quiet.number)
    assert nothing.value.code == "nothing_to_confirm"
    with pytest.raises(RuleViolation) as nobody:
        step_letters.generate(ds, LetterKind.CONFIRMATION)
    assert nobody.value.code == "letter_needs_customer"
    with pytest.raises(NotFound):
        step_letters.generate(ds, LetterKind.CONFIRMATION, number="999999")


def _company_with_partner_contact(ds: DeskSession) -> tuple[str, int, int]:
    """A company whose contact person's e-mail came from a partner (Art. 14); her
    colleague's data came from the company itself. (number, hers, the colleague's)"""
    from kkdesk.domain.customer import ContactPersonDraft, CustomerType

    company = customers.create(
        ds,
        CustomerDraft(
            type=CustomerType.COMPANY, company_name="Firma & Poika Oy", business_id="1234567-1",
            street="Teollisuuskatu 5", postal_code="00510", post_office="HELSINKI",
            contacts=(
                ContactPersonDraft(surname="Lapinska", first_names="Renée", role="ostot"),
                ContactPersonDraft(surname="Kollega", first_names="Kaija",
                                   email="kaija.k@example.fi", phone_mobile="0457778899"),
            ),
        ),
        source=DataSource.CUSTOMER_PHONE,
    )  # fmt: skip
    current = customers.get(ds, company.number, purpose="customer_service")
    draft = current.to_draft()
    hers = replace(draft.contacts[0], email="renee.lapinska@example.fi")
    customers.update(
        ds, company.number, replace(draft, contacts=(hers, *draft.contacts[1:])),
        expected_version=current.version, source=DataSource.PARTNER,
        source_detail="Messukeskus, Kevätmessut 2026",
    )  # fmt: skip
    ids = {
        c.surname: c.id
        for c in customers.get(ds, company.number, purpose="customer_service").contacts
    }
    return company.number, ids["Lapinska"], ids["Kollega"]


@pytest.mark.parametrize("language", list(Language))
def test_a_contact_persons_data_from_a_partner_gets_its_own_notice(
    ds: DeskSession, language: Language
) -> None:
    number, hers, _colleague = _company_with_partner_contact(ds)
    due = step_letters.source_notices_due(ds)
    [mine] = [d for d in due if d.customer_number == number]
    assert mine.contact_person_id == hers and mine.sources == ("partner",)
    assert mine.name == "Lapinska Renée (Firma & Poika Oy)"
    [letter] = step_letters.generate(
        ds, LetterKind.SOURCE_NOTICE, number=number, contact_id=hers, language=language
    )
    first = runs(letter.pdf)
    # To her at the company, in the envelope's window.
    for line in ("Firma & Poika Oy", "Renée Lapinska", "Teollisuuskatu 5", "00510 HELSINKI"):
        [run] = [r for r in first if r.text == line]
        assert abs(run.x_mm - 20) < 0.5 and 45 <= run.top_mm <= 75
    flat = squeezed(pages(letter.pdf))
    assert "renee.lapinska@example.fi" in flat and "Messukeskus,Kevätmessut2026" in flat
    for other in ("kaija.k@example.fi", "0457778899", "Kollega"):
        assert other not in flat
    assert letter.addressee == f"Renée Lapinska (contact person {hers})"
    reader = PdfReader(io.BytesIO(letter.pdf))
    assert reader.trailer["/Root"]["/Lang"] == language.value
    # Told: no longer due; the company itself never was (its own data came from itself).
    assert [d for d in step_letters.source_notices_due(ds) if d.customer_number == number] == []


def test_the_batch_covers_contact_persons(ds: DeskSession) -> None:
    world = build_world(ds)
    number, hers, _colleague = _company_with_partner_contact(ds)
    due = step_letters.source_notices_due(ds)
    assert {(d.customer_number, d.contact_person_id) for d in due} == {
        (world.number, None),
        (number, hers),
    }
    made = step_letters.generate_source_notices(ds)
    assert sorted(x.addressee for x in made) == ["", f"Renée Lapinska (contact person {hers})"]
    assert step_letters.source_notices_due(ds) == []
    # Asked for the company by number: her notice again is not due, the company's own has
    # nothing from another source, so it is refused with a clear code.
    with pytest.raises(RuleViolation) as nothing:
        step_letters.generate_source_notices(ds, [number])
    assert nothing.value.code == "nothing_from_other_sources"
