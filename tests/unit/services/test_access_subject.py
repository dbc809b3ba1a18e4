"""Only the subject's own data, and only to the subject (issue 16), on a real register:
a company contact person's letter and JSON copy, the identity gate, the person's own
requests in the copy, and truthful audit purposes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.enums import AuditAction, Channel, DataSource, Language, Purpose
from kkdesk.errors import RuleViolation, ValidationFailed
from kkdesk.reports.texts import Words
from kkdesk.services import access_report, consents, customers, disclosures, portability, requests
from kkdesk.services.session import DeskSession
from kkdesk.store.models import AuditEvent, RequestLetter
from tests.reports_factory import TODAY, rich_customer
from tests.unit.reports.pdftext import contains, squeezed


def _with_colleague(ds: DeskSession, number: str) -> tuple[int, int]:
    """Give the company a second contact person with data of her own; (mine, theirs)."""
    current = customers.get(ds, number, purpose=Purpose.CUSTOMER_SERVICE)
    draft = current.to_draft()
    colleague = ContactPersonDraft(surname="Kollega", first_names="Kaija", role="myynti",
                                   phone_mobile="045 777 8899", email="kaija.k@ex.fi")  # fmt: skip
    fields = {f: getattr(draft, f) for f in draft.__dataclass_fields__}
    fields["contacts"] = (*draft.contacts, colleague)
    updated = customers.update(ds, number, CustomerDraft(**fields),  # type: ignore[arg-type]
                               expected_version=current.version,
                               source=DataSource.CUSTOMER_EMAIL)  # fmt: skip
    mine = updated.contacts[0].id
    theirs = next(c.id for c in updated.contacts if c.surname == "Kollega")
    consents.record(ds, number, ConsentItem.DIRECTORIES, True,
                    Evidence(TODAY - timedelta(days=2), Channel.PHONE, "KOLLEGA-KIELTO"),
                    contact_person_id=theirs)  # fmt: skip
    return mine, theirs


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_contact_persons_request_gets_their_data_and_no_colleagues(
    ds: DeskSession, lang: str
) -> None:
    company = rich_customer(ds, "A", company=True)
    mine, _theirs = _with_colleague(ds, company.number)
    req = requests.add(ds, company.number, "access", received_on=TODAY, channel="email",
                       identity_method="e-mail from the address on file",
                       contact_person_id=mine)  # fmt: skip
    assert req.contact_person_id == mine and req.contact_person_name == "Pirjo PuolisoA"
    letter = access_report.generate(ds, None, request_id=req.id, language=lang)
    text = squeezed(letter.pdf)
    for value in (*company.contact, "KärkkäinenA & Poika Oy", company.number):
        assert contains(text, value), value
    w = Words(lang)
    colleague = ["Kollega", "kaija.k@ex.fi", w.phone("+358457778899"), "KOLLEGA-KIELTO"]
    company_own = ["Huomautus A", "KA-A-77", "asa.a@example.fi", "WA-1", "Moottorisaha A",
                   "KIELTO-A-1", "SUOST-A-1"]  # fmt: skip
    assert not [v for v in colleague + company_own if contains(text, v)]
    assert contains(text, w("scope_contact", company="KärkkäinenA & Poika Oy"))

    # The company's own letter holds no contact person's data at all.
    requests.close(ds, req.id, note="sent")
    own = squeezed(access_report.generate(ds, company.number, language=lang).pdf)
    assert not [v for v in colleague + company.contact if contains(own, v)]
    assert contains(own, "Moottorisaha A")


def test_the_json_copy_of_a_contact_person_holds_only_theirs(ds: DeskSession) -> None:
    company = rich_customer(ds, "B", company=True)
    mine, _theirs = _with_colleague(ds, company.number)
    req = requests.add(ds, company.number, "portability", received_on=TODAY,
                       channel="letter", identity_method="passport",
                       contact_person_id=mine)  # fmt: skip
    doc = portability.export(ds, company.number, request_id=req.id)
    text = str(doc)
    assert [c["surname"] for c in doc["contact_persons"]] == ["PuolisoB"]
    assert "Kollega" not in text and "kaija.k@ex.fi" not in text
    assert doc["orders"] == [] and doc["consents"] == []
    assert doc["customer"]["email"] == "" and doc["customer"]["extra"] == {}
    assert doc["customer"]["company_name"] == "KärkkäinenB & Poika Oy"
    unchecked = requests.add(ds, company.number, "portability", received_on=TODAY,
                             channel="letter", contact_person_id=mine)  # fmt: skip
    with pytest.raises(RuleViolation) as info:
        portability.export(ds, company.number, request_id=unchecked.id)
    assert info.value.code == "identity_not_checked"


def test_a_contact_person_of_another_customer_is_refused(ds: DeskSession) -> None:
    a = rich_customer(ds, "C", company=True)
    b = rich_customer(ds, "D", company=True)
    other = customers.get(ds, b.number, purpose=Purpose.CUSTOMER_SERVICE).contacts[0].id
    with pytest.raises(ValidationFailed) as info:
        requests.add(ds, a.number, "access", received_on=TODAY, channel="letter",
                     contact_person_id=other)  # fmt: skip
    assert "contact_person_id" in info.value.errors


def test_no_copy_without_a_recorded_identity_check(ds: DeskSession) -> None:
    mine = rich_customer(ds, "E")
    req = requests.add(ds, mine.number, "access", received_on=TODAY, channel="letter")
    assert not req.identity_settled
    with pytest.raises(RuleViolation) as info:
        access_report.generate(ds, mine.number)
    assert info.value.code == "identity_not_checked"
    assert f"kkdesk request identity {req.id}" in str(info.value)
    assert "identification" in str(info.value)
    with ds.db.read() as s:  # refused: nothing archived, nothing audited as a report
        assert s.scalar(select(func.count()).select_from(RequestLetter)) == 0
    # The batch leaves it out and says it waits; a preview for staff is still possible.
    assert access_report.generate_open(ds) == []
    assert access_report.open_request_ids(ds, settled=False) == [req.id]
    assert access_report.preview(ds, mine.number).request_id == req.id
    # Recorded afterwards (after a request for identification, say): the letter is made.
    checked = requests.record_identity(ds, req.id, method="passport at the counter",
                                       verified_by="Maija")  # fmt: skip
    assert checked.identity_settled and checked.identity_verified_by == "Maija"
    assert access_report.generate(ds, mine.number).letter_id is not None


def test_an_override_needs_its_reason_and_is_the_deciders(ds: DeskSession) -> None:
    mine = rich_customer(ds, "F")
    with pytest.raises(ValidationFailed):
        requests.add(ds, mine.number, "access", received_on=TODAY, channel="letter",
                     identity_method="passport", identity_override="both")  # fmt: skip
    req = requests.add(ds, mine.number, "access", received_on=TODAY, channel="letter")
    with pytest.raises(ValidationFailed):
        requests.record_identity(ds, req.id)  # neither how nor why not
    done = requests.record_identity(
        ds, req.id, override="Reply by post to the address already on the register",
        verified_by="someone else",
    )  # fmt: skip
    assert done.identity_override.startswith("Reply by post")
    assert done.identity_verified_by == ds.user  # the decision is the recorder's
    assert requests.request_json(done)["identity_override"] == done.identity_override
    assert access_report.generate(ds, mine.number).request_id == req.id
    with ds.db.read() as s:
        details = s.scalars(select(AuditEvent.detail).where(
            AuditEvent.customer_number == mine.number)).all()  # fmt: skip
    assert f"subject request {req.id}: identity override" in details


def test_a_request_of_a_removed_contact_person_gets_no_company_copy(ds: DeskSession) -> None:
    company = rich_customer(ds, "G", company=True)
    mine, _theirs = _with_colleague(ds, company.number)
    req = requests.add(ds, company.number, "access", received_on=TODAY, channel="letter",
                       identity_method="passport", contact_person_id=mine)  # fmt: skip
    current = customers.get(ds, company.number, purpose=Purpose.CUSTOMER_SERVICE)
    draft = current.to_draft()
    fields = {f: getattr(draft, f) for f in draft.__dataclass_fields__}
    fields["contacts"] = tuple(c for c in draft.contacts if c.id != mine)
    customers.update(ds, company.number, CustomerDraft(**fields),  # type: ignore[arg-type]
                     expected_version=current.version,
                               source=DataSource.CUSTOMER_EMAIL)  # fmt: skip
    assert requests.get(ds, req.id).contact_person_id is None
    with pytest.raises(RuleViolation) as info:
        access_report.generate(ds, None, request_id=req.id)
    assert info.value.code == "request_requester_removed"
    assert access_report.open_request_ids(ds) == []


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_copy_holds_the_persons_requests_outcomes_and_reasons(
    ds: DeskSession, lang: str
) -> None:
    mine = rich_customer(ds, "H")
    old = requests.add(ds, mine.number, "erasure", received_on=TODAY - timedelta(days=20),
                       channel="letter")  # fmt: skip
    requests.extend(ds, old.id, "The partner must confirm first")
    requests.close(ds, old.id, status="refused", note="Orders must be kept for bookkeeping")
    req = requests.add(ds, mine.number, "access", received_on=TODAY, channel="letter",
                       identity_method="passport")  # fmt: skip
    text = squeezed(access_report.generate(ds, None, request_id=req.id, language=lang).pdf)
    w = Words(lang)
    for value in (w("s_requests"), w("rk_erasure"), w("rs_refused"), w("rk_access"),
                  "Orders must be kept for bookkeeping", "The partner must confirm first",
                  w("held_requests", n=2)):  # fmt: skip
        assert contains(text, value), value


def test_every_audit_row_of_the_customer_is_in_the_log(ds: DeskSession) -> None:
    """Rows a newer kkdesk writes (a search hit, a list row) count as data viewed."""
    from kkdesk.services import audit

    mine = rich_customer(ds, "I")
    with ds.db.session() as session:
        audit.record(session, ds, mine.number, "search", Purpose.CUSTOMER_SERVICE, "hit")  # type: ignore[arg-type]
        audit.record(session, ds, mine.number, "list_row", Purpose.MARKETING, "list")  # type: ignore[arg-type]
    with ds.db.read() as s:
        rows = s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.customer_number == mine.number))  # fmt: skip
    data = access_report.build(ds, mine.number, language=Language.EN)
    assert len(data.access_log) == rows  # every row, whatever its action's name
    text = squeezed(access_report.generate(ds, mine.number, language="en").pdf)
    assert "search" not in text.casefold().replace("research", "")
    assert "list_row" not in text


def test_a_disclosure_to_an_authority_is_audited_as_such(ds: DeskSession) -> None:
    mine = rich_customer(ds, "J")  # records one to "Poliisilaitos J"
    disclosures.record(ds, mine.number, DisclosureDraft(
        DisclosureKind.THIRD_PARTY, TODAY, "Asianajotoimisto Oy", "Customer's own request",
        "Order history"))  # fmt: skip
    with ds.db.read() as s:
        purposes = s.execute(
            select(AuditEvent.detail, AuditEvent.purpose).where(
                AuditEvent.customer_number == mine.number,
                AuditEvent.action == AuditAction.EXPORT.value,
            )
        ).all()
    by = {detail.rsplit(" to ", 1)[1]: purpose for detail, purpose in purposes}
    assert by["Poliisilaitos J"] == "authority_request"
    assert by["Asianajotoimisto Oy"] == "subject_request"
    text = squeezed(access_report.generate(ds, mine.number).pdf)
    assert contains(text, Words("fi")("pu_authority_request"))


def _with_spouse(ds: DeskSession, number: str) -> int:
    """A spouse recorded as a contact person on a person's record (the form offers contact
    persons for companies only, but older and imported records carry them), with data, a
    change from an update service and a prohibition of her own; her id."""
    from datetime import UTC, datetime

    from kkdesk.store.models import ContactPerson, Customer, PersonalDataChange

    with ds.db.session() as session:
        customer_id = session.scalar(select(Customer.id).where(Customer.number == number))
        spouse = ContactPerson(customer_id=customer_id, surname="Puolisonen",
                               first_names="Sirkka", role="puoliso", phone_mobile="+358456665544",
                               email="sirkka.p@ex.fi")  # fmt: skip
        session.add(spouse)
        session.flush()
        theirs = spouse.id
        session.add(
            PersonalDataChange(customer_id=customer_id, contact_person_id=theirs, field="email",
                               old_value="", new_value="sirkka.p@ex.fi",
                               source=DataSource.UPDATE_SERVICE.value,
                               source_detail="PUOLISON-LÄHDE", changed_by=ds.user,
                               changed_at=datetime.now(UTC))
        )  # fmt: skip
    consents.record(ds, number, ConsentItem.DIRECTORIES, True,
                    Evidence(TODAY - timedelta(days=2), Channel.PHONE, "PUOLISO-KIELTO"),
                    contact_person_id=theirs)  # fmt: skip
    return theirs


SPOUSE = ["Puolisonen", "Sirkka", "sirkka.p@ex.fi", "PUOLISO-KIELTO", "PUOLISON-LÄHDE"]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_persons_letter_holds_no_contact_persons_data(ds: DeskSession, lang: str) -> None:
    person = rich_customer(ds, "S")
    _with_spouse(ds, person.number)
    req = requests.add(ds, person.number, "access", received_on=TODAY, channel="letter",
                       identity_method="signature")  # fmt: skip
    letter = access_report.generate(ds, None, request_id=req.id, language=lang)
    text = squeezed(letter.pdf)
    w = Words(lang)
    assert not [v for v in [*SPOUSE, w.phone("+358456665544")] if contains(text, v)]
    for value in person.present:
        assert contains(text, value), value
    # Says where the others' data goes rather than "none".
    assert contains(text, w("contacts_own_request"))
    # Without a request too (a letter made from the customer view).
    requests.close(ds, req.id, note="sent")
    plain = squeezed(access_report.generate(ds, person.number, language=lang).pdf)
    assert not [v for v in SPOUSE if contains(plain, v)]


def test_a_persons_json_copy_holds_no_contact_persons_data(ds: DeskSession) -> None:
    person = rich_customer(ds, "T")
    _with_spouse(ds, person.number)
    doc = portability.export(ds, person.number)
    assert doc["contact_persons"] == []
    text = str(doc)
    assert not [v for v in SPOUSE if v in text]
    assert doc["customer"]["surname"] == "KärkkäinenT"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_request_by_a_contact_person_of_a_persons_record_gets_only_theirs(
    ds: DeskSession, lang: str
) -> None:
    person = rich_customer(ds, "U")
    spouse = _with_spouse(ds, person.number)
    req = requests.add(ds, person.number, "access", received_on=TODAY, channel="letter",
                       identity_method="passport", contact_person_id=spouse)  # fmt: skip
    letter = access_report.generate(ds, None, request_id=req.id, language=lang)
    text = squeezed(letter.pdf)
    w = Words(lang)
    for value in ("Sirkka Puolisonen", "sirkka.p@ex.fi", "PUOLISO-KIELTO", "PUOLISON-LÄHDE"):
        assert contains(text, value), value
    assert contains(text, w("scope_contact_person"))
    # Addressed to her, over the record's postal address, in the envelope's window.
    from tests.unit.reports.pdftext import runs

    [name] = [r for r in runs(letter.pdf) if r.text == "Sirkka Puolisonen" and r.top_mm < 80]
    assert abs(name.x_mm - 20) < 0.5 and 45 <= name.top_mm <= 75
    # The person's own data is not hers: name, birth date, telephones, e-mail, notes.
    for value in ("KärkkäinenU", "Åsa ÖljyU", "asa.u@example.fi", "Huomautus U", "KA-U-77"):
        assert not contains(text, value), value
    doc = portability.export(ds, person.number, request_id=req.id)
    assert [c["surname"] for c in doc["contact_persons"]] == ["Puolisonen"]
    assert doc["customer"]["surname"] == "" and doc["customer"]["email"] == ""
    assert doc["orders"] == [] and doc["consents"] == []
    assert "KärkkäinenU" not in str(doc)
