"""The letters of each step of a data-subject request: gathering, rendering, archiving,
auditing, and recording how each was sent.

:func:`generate` makes one kind of letter for a request (an Art. 19 notice: one for each
recorded recipient), archives the exact PDF bytes with their SHA-256 on the request and
audits it; :func:`record_sending` records when and how an archived letter was sent and
in which language. :func:`source_notices_due` finds, from the sources recorded in the
change history, the people whose data came from a public source, a partner or an update
service and who have not yet been told (GDPR Art. 14), and :func:`generate_source_notices`
makes their notices. Rendering runs outside any database transaction.

What a letter says follows what the register holds: an extension notice is made only for
a request that was extended (with the recorded reason), a "we hold no data on you" letter
only for a requester who is not a customer, a refusal only with its reason.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kkdesk.domain.consent import derive
from kkdesk.domain.customer import Customer as CustomerView
from kkdesk.domain.customer import display_name
from kkdesk.domain.enums import AuditAction, DataSource, Language, Purpose
from kkdesk.domain.letters import (
    FOR_REQUEST,
    NEED_CUSTOMER,
    LetterKind,
    SendVia,
    empty_contact_fields,
)
from kkdesk.domain.levels import Capability
from kkdesk.domain.register_info import RegisterInfo
from kkdesk.domain.restriction import Refused
from kkdesk.domain.subject_requests import (
    REASON_MAX,
    LetterInfo,
    RequestKind,
    add_months,
    deadline,
)
from kkdesk.errors import FieldError, NotFound, RuleViolation, ValidationFailed
from kkdesk.reports.data import RenderedPdf
from kkdesk.reports.step_data import ConfirmedItem, ObtainedItem, RecipientItem, StepLetter
from kkdesk.reports.step_texts import StepWords
from kkdesk.services import audit, consents, portability, register_settings, requests
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo
from kkdesk.store import requests as requests_store
from kkdesk.store import restrictions
from kkdesk.store import step_letters as store
from kkdesk.store.models import Customer
from kkdesk.store.models import SubjectRequest as RequestRow
from kkdesk.store.unit_of_work import Session

# Sources that are not the person: Art. 14 applies to what came from them.
THIRD_PARTY = (DataSource.PUBLIC_SOURCE, DataSource.PARTNER, DataSource.UPDATE_SERVICE)
# How far back :func:`source_notices_due` looks by default: the month Art. 14(3)(a)
# gives, and two more so that a notice already late is still listed (as overdue).
DUE_LOOKBACK_MONTHS = 3
# Art. 19 follows these requests (rectification, erasure, restriction).
ART19 = (RequestKind.RECTIFICATION, RequestKind.ERASURE, RequestKind.RESTRICTION)
COPY_KIND = "portability_copy"  # the machine-readable copy, archived beside its cover letter
# Letters that can go without a request, archived on their customer (request_letter's
# request_id NULL, customer_id set): the Art. 14 notice always, the confirmation of a
# prohibition or consent withdrawal recorded outside any objection request (section 9).
ON_CUSTOMER = frozenset({LetterKind.SOURCE_NOTICE, LetterKind.CONFIRMATION})
# An Art. 14 notice to a company's contact person records whom it went to in the archived
# letter's addressee, "<name> (contact person <id>)": the id tells later batches that the
# person was told even after a change of name (the archive has no column of its own).
_CONTACT_TAG = re.compile(r"\(contact person (\d+)\)$")


def contact_addressee(name: str, contact_person_id: int) -> str:
    return f"{name} (contact person {contact_person_id})"


# The PDF side (reportlab) is loaded when a letter is made, not when the desk opens the
# requests window (tests/unit/cli/test_startup.py): these three reach it on first use.
def display_value(w: StepWords, field: str, value: object) -> str:
    from kkdesk.reports.access_letter import display_value as shown

    return shown(w, field, value)


def recipient_lines(view: CustomerView) -> tuple[str, ...]:
    from kkdesk.reports.access_letter import recipient_lines as lines

    return lines(view)


def recipient_keep(view: CustomerView) -> int:
    from kkdesk.reports.access_letter import recipient_keep as keep

    return keep(view)


def render_step_letter(data: StepLetter, *, invariant: bool = False) -> RenderedPdf:
    from kkdesk.reports.step_letters import render_step_letter as render

    return render(data, invariant=invariant)


@dataclass(frozen=True)
class MadeLetter:
    """One letter made, archived and audited."""

    kind: LetterKind
    request_id: int | None
    customer_number: str
    language: Language
    addressee: str  # whom it goes to when not the data subject (an Art. 19 notice)
    pdf: bytes
    pages: int
    sha256: str
    letter_id: int
    # Contact fields of the register settings that the letter would print but are empty.
    warnings: tuple[str, ...] = ()
    # The machine-readable copy a cover letter goes with (archived too), and its id.
    attachment: bytes = b""
    attachment_id: int | None = None

    @property
    def file_name(self) -> str:
        who = self.customer_number or "requester"
        ref = f"request-{self.request_id}" if self.request_id is not None else "notice"
        extra = ""
        if self.addressee:
            extra = "-" + "".join(ch if ch.isalnum() else "-" for ch in self.addressee)[:40]
        return f"{ref}-{who}-{self.kind.value}{extra}-{self.language.value}.pdf"

    @property
    def attachment_name(self) -> str:
        return f"portability-{self.customer_number}.json"


@dataclass(frozen=True)
class DueNotice:
    """A person whose data came from another source and who has not been told (Art. 14)."""

    customer_number: str
    name: str  # a contact person's: "Lapinska Renée (Oy Firma Ab)"
    obtained_at: datetime  # the earliest item not yet notified
    sources: tuple[str, ...]  # DataSource values
    due_by: date  # one month after obtaining (Art. 14(3)(a))
    contact_person_id: int | None = None  # a company's contact person, told at the company

    def overdue(self, today: date) -> bool:
        return today > self.due_by


def _request(session: Session, request_id: int) -> RequestRow:
    row = requests_store.request_row(session, request_id)
    if row is None:
        raise NotFound(
            f"There is no request {request_id}.", code="request_not_found", id=request_id
        )
    return row


def _customer(session: Session, row: RequestRow | None) -> Customer | None:
    if row is None or row.customer_id is None:
        return None
    found = repo.row_by_id(session, row.customer_id)
    return found if found is not None and found.erased_at is None else None


def _requester_lines(row: RequestRow) -> tuple[str, ...]:
    return tuple(x for x in (row.requester_name, *row.requester_address.splitlines()) if x)


def _confirmed(session: Session, customer: Customer) -> tuple[ConfirmedItem, ...]:
    """The person's prohibitions, objection and restriction in force and the consents
    they withdrew (their own, not a contact person's)."""
    persons = consents.persons_of(session, customer)
    own = next((p for p in persons if p.contact_person_id is None), None)
    if own is None:
        return ()
    out = []
    for st in derive(own.history).items:
        ev = st.event
        if ev is None:
            continue
        item = st.item
        keep = (item.is_consent and not st.value) or (not item.is_consent and st.value)
        if keep:
            out.append(
                ConfirmedItem(
                    item.value, st.value, item.is_consent, item.is_prohibition, ev.received_on
                )
            )
    return tuple(out)


def _obtained(
    session: Session, customer: Customer, w: StepWords, contact_id: int | None = None
) -> tuple[ObtainedItem, ...]:
    """Each field whose current value came from another source than the person (the
    customer, or their contact person ``contact_id``)."""
    latest: dict[str, Any] = {}
    for r in store.changes(session, customer.id, contact_id):
        latest[r.field] = r
    return tuple(
        ObtainedItem(
            r.field,
            display_value(w, r.field, r.new_value),
            r.changed_at,
            r.source,
            r.source_detail,
        )
        for r in latest.values()
        if r.source in {s.value for s in THIRD_PARTY}
    )


def _recipients(session: Session, customer_id: int) -> tuple[RecipientItem, ...]:
    by: dict[str, list[date]] = defaultdict(list)
    for recipient, at in store.disclosures_of(session, customer_id):
        day = at.date() if isinstance(at, datetime) else at
        if day not in by[recipient]:
            by[recipient].append(day)
    return tuple(RecipientItem(name, tuple(days)) for name, days in by.items())


def _corrected(
    session: Session, customer_id: int, since: date, w: StepWords
) -> tuple[tuple[str, str], ...]:
    latest: dict[str, Any] = {}
    for r in store.changes(session, customer_id):
        if r.changed_at.date() >= since:
            latest[r.field] = r
    return tuple(
        (w("f_extra") if f == "extra" else w.maybe("f", f), display_value(w, f, r.new_value))
        for f, r in latest.items()
    )


def _refuse(code: str, message: str, **params: object) -> RuleViolation:
    return RuleViolation(message, code=code, **params)


def build(
    ds: DeskSession,
    kind: LetterKind | str,
    *,
    request_id: int | None = None,
    number: str | None = None,
    language: Language | str | None = None,
    reason: str = "",
    letter_date: date | None = None,
    info: RegisterInfo | None = None,
    addresses: Mapping[str, Sequence[str]] | None = None,
    contact_id: int | None = None,
) -> list[StepLetter]:
    """The data of the letter(s) of ``kind`` for request ``request_id`` (a notice of
    Art. 14, which answers no request, and a confirmation without a request: for customer
    ``number``). An Art. 19 notice gives
    one letter per recorded recipient, addressed to the recipient's name and the postal
    address given for it in ``addresses`` (disclosures record only the name); every other
    kind one letter. ``contact_id``: an Art. 14 notice to customer ``number``'s contact
    person of that id, about their own data, addressed to them at the company."""
    ds.require(Capability.SUBJECT_REPORTS)
    try:
        kind = LetterKind(kind)
    except ValueError:
        raise ValidationFailed(
            {"kind": FieldError("kind", "invalid", f"unknown letter {kind!r}")}
        ) from None
    if kind is LetterKind.ACCESS:
        raise _refuse("letter_kind_access", "The access letter is made by `report access`.")
    reason = reason.strip()
    if len(reason) > REASON_MAX:
        raise ValidationFailed(
            {"reason": FieldError("reason", "too_long", f"is longer than {REASON_MAX}")}
        )
    day = letter_date or requests.today()
    with ds.db.read() as session:
        info = info or register_settings.load(session)
        row: RequestRow | None = None
        if kind in ON_CUSTOMER and (kind is LetterKind.SOURCE_NOTICE or request_id is None):
            if not number:
                raise _refuse("letter_needs_customer", f"A {kind.value} letter names a customer.")
            customer: Customer | None = repo.row_by_number(session, number)
        else:
            if request_id is None:
                raise _refuse("letter_needs_request", "Name the request the letter answers.")
            row = _request(session, request_id)
            rk = RequestKind(row.kind)
            if kind not in FOR_REQUEST[rk]:
                raise _refuse(
                    "letter_not_for_request",
                    f"A {kind.value} letter does not answer a {rk.value} request.",
                    kind=kind.value,
                    request_kind=rk.value,
                )
            customer = _customer(session, row)
            if row.customer_id is not None and customer is None:
                raise NotFound(
                    "The request's customer has been erased.", code="customer_not_found", number=""
                )
        if kind in NEED_CUSTOMER and customer is None:
            raise _refuse("letter_needs_customer", f"A {kind.value} letter needs a customer.")
        view = repo.to_view(session, customer) if customer is not None else None
        lang = Language(language) if language else (view.language if view else Language.FI)
        w = StepWords(lang)
        base: dict[str, Any] = {
            "kind": kind,
            "language": lang,
            "letter_date": day,
            "register": info,
            "recipient": recipient_lines(view) if view is not None else (),
            "reference": str(row.id) if row is not None else "",
            "customer_number": view.number if view is not None else "",
        }
        if row is not None:
            base |= {
                "request_kind": RequestKind(row.kind),
                "received_on": row.received_on,
                "deadline": row.deadline,
            }
            if view is None:
                base["recipient"] = _requester_lines(row)
        if kind is LetterKind.EXTENSION:
            assert row is not None
            if not row.extension_reason:
                raise _refuse(
                    "request_not_extended",
                    "Extend the request (with its reason) before its notice.",
                )
            if day > deadline(row.received_on):
                raise _refuse(
                    "extension_notice_late", "An extension must be notified within the first month."
                )
            base["reason"] = row.extension_reason
        elif kind is LetterKind.REFUSAL:
            assert row is not None
            text = reason or (row.note if row.status == "refused" else "")
            if not text:
                raise ValidationFailed(
                    {"reason": FieldError("reason", "required", "a refusal needs its reasons")}
                )
            base["reason"] = text
        elif kind is LetterKind.NO_DATA:
            if view is not None:
                raise _refuse(
                    "request_has_customer",
                    "The requester is a customer: their data is on the register.",
                )
        elif kind is LetterKind.IDENTIFICATION:
            base["reason"] = reason
        elif kind is LetterKind.CONFIRMATION:
            assert customer is not None
            base["confirmed"] = _confirmed(session, customer)
            if row is None and not base["confirmed"]:
                # Unasked, a letter confirming nothing would only puzzle the customer (an
                # objection request's answer says so instead).
                raise _refuse(
                    "nothing_to_confirm",
                    "No prohibition, objection, restriction or consent withdrawal is "
                    "recorded for the customer.",
                )
        elif kind is LetterKind.SOURCE_NOTICE:
            assert customer is not None and view is not None
            if contact_id is not None:
                person = repo.contact_row(session, contact_id)
                if person is None or person.customer_id != customer.id:
                    raise NotFound(
                        f"The customer has no contact person {contact_id}.",
                        code="contact_not_found",
                        id=contact_id,
                    )
                # To the contact person at the company (Posti: the company, then the
                # person as the name's complement), about their own data only.
                name = f"{person.first_names} {person.surname}".strip()
                lines = recipient_lines(view)
                postal = lines[len(lines) - recipient_keep(view) :]
                head = (view.company_name, name) if view.company_name else (name,)
                base["recipient"] = (*head, *postal)
                base["contact_person_id"] = contact_id
            obtained = _obtained(session, customer, w, contact_id)
            if not obtained:
                raise _refuse(
                    "nothing_from_other_sources",
                    "None of the customer's data came from another source.",
                )
            base["obtained"] = obtained
        elif kind in (LetterKind.RECIPIENT_NOTICE, LetterKind.RECIPIENTS_LIST):
            assert customer is not None and row is not None and view is not None
            recipients = _recipients(session, customer.id)
            base |= {
                "recipients": recipients,
                "action": row.kind,
                "action_on": row.closed_on or day,
                "subject_name": display_name(
                    view.type, view.surname, view.first_names, view.company_name
                ),
            }
            if kind is LetterKind.RECIPIENT_NOTICE:
                if not recipients:
                    raise _refuse(
                        "no_recipients", "No disclosure of the customer's data is recorded."
                    )
                corrected = _corrected(session, customer.id, row.received_on, w)
                given = addresses or {}
                return [
                    StepLetter(
                        **(
                            base
                            | {
                                "recipients": (r,),
                                "recipient": (
                                    r.recipient,
                                    *(x.strip() for x in given.get(r.recipient, ()) if x.strip()),
                                ),
                                "corrected": corrected,
                            }
                        )
                    )
                    for r in recipients
                ]
        return [StepLetter(**base)]


def _file(
    session: Session,
    ds: DeskSession,
    data: StepLetter,
    pdf: bytes,
    pages: int,
    *,
    customer_id: int | None,
) -> tuple[str, LetterInfo]:
    sha = hashlib.sha256(pdf).hexdigest()
    request_id = int(data.reference) if data.reference else None
    addressee = data.recipient[0] if data.kind is LetterKind.RECIPIENT_NOTICE else ""
    if data.contact_person_id is not None:
        addressee = contact_addressee(data.recipient[1], data.contact_person_id)
    # Art. 18: no letter about a restricted customer goes to anyone but the person —
    # except the Art. 19 notice telling a recipient of the restriction itself, which
    # Art. 19 requires (the central database holds the same line, migration 0019).
    if (
        ds.db.is_sqlite
        and addressee
        and not (
            data.kind is LetterKind.RECIPIENT_NOTICE
            and data.request_kind is RequestKind.RESTRICTION
        )
    ):
        row = repo.row_by_number(session, data.customer_number)
        restrictions.refuse_if_restricted(session, row, Refused.LETTER)
    letter = requests.archive_letter(
        session,
        ds,
        request_id,
        pdf,
        pages=pages,
        language=data.language.value,
        sha256=sha,
        kind=data.kind.value,
        customer_id=customer_id if request_id is None else None,
        addressee=addressee,
    )
    where = f"request {request_id}" if request_id is not None else "notice"
    audit.record(
        session,
        ds,
        data.customer_number,
        AuditAction.REPORT,
        Purpose.SUBJECT_REQUEST,
        f"{where}: {data.kind.value} letter {data.language.value}, {pages} pages, "
        f"sha256 {sha[:16]}",
    )
    return sha, letter


def generate(
    ds: DeskSession,
    kind: LetterKind | str,
    *,
    request_id: int | None = None,
    number: str | None = None,
    language: Language | str | None = None,
    reason: str = "",
    letter_date: date | None = None,
    invariant: bool = False,
    addresses: Mapping[str, Sequence[str]] | None = None,
    contact_id: int | None = None,
) -> list[MadeLetter]:
    """Make the letter(s) of ``kind``, archive each on its request (an Art. 14 notice on
    its customer) and audit them. A cover letter of the machine-readable copy archives
    the copy beside it (hashed like a letter) and hands it back as ``attachment``."""
    letters = build(
        ds,
        kind,
        request_id=request_id,
        number=number,
        language=language,
        reason=reason,
        letter_date=letter_date,
        addresses=addresses,
        contact_id=contact_id,
    )
    warnings = empty_contact_fields(letters[0].register)
    attachment = b""
    if letters[0].kind is LetterKind.COPY_COVER:
        doc = portability.export(ds, letters[0].customer_number)
        attachment = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        letters = [
            StepLetter(
                **(
                    _fields(d)
                    | {
                        "copy_file": f"portability-{d.customer_number}.json",
                        "copy_size": len(attachment),
                        "copy_sha256": hashlib.sha256(attachment).hexdigest(),
                    }
                )
            )
            for d in letters
        ]
    rendered = [(d, render_step_letter(d, invariant=invariant)) for d in letters]
    out = []
    with ds.db.session() as session:
        customer_id = None
        if not letters[0].reference:  # answers no request: archived on its customer
            customer_id = repo.row_by_number(session, letters[0].customer_number).id
        attachment_id = None
        if attachment:
            copy = requests.archive_letter(
                session,
                ds,
                int(letters[0].reference),
                attachment,
                pages=0,
                language=letters[0].language.value,
                kind=COPY_KIND,
            )
            attachment_id = copy.id
        for data, r in rendered:
            sha, letter = _file(session, ds, data, r.pdf, r.pages, customer_id=customer_id)
            out.append(
                MadeLetter(
                    data.kind,
                    int(data.reference) if data.reference else None,
                    data.customer_number,
                    data.language,
                    letter.addressee,
                    r.pdf,
                    r.pages,
                    sha,
                    letter.id,
                    warnings,
                    attachment,
                    attachment_id,
                )
            )
    return out


def _fields(data: StepLetter) -> dict[str, Any]:
    return {name: getattr(data, name) for name in data.__dataclass_fields__}


def preview(
    ds: DeskSession,
    kind: LetterKind | str,
    *,
    request_id: int | None = None,
    number: str | None = None,
    language: Language | str | None = None,
    reason: str = "",
    addresses: Mapping[str, Sequence[str]] | None = None,
) -> tuple[bytes, int, tuple[str, ...]]:
    """The (first) letter as it would print: neither archived nor counted as sent. Returns
    the PDF, its pages and the empty contact fields it would print."""
    letters = build(
        ds,
        kind,
        request_id=request_id,
        number=number,
        language=language,
        reason=reason,
        addresses=addresses,
    )
    rendered = render_step_letter(letters[0])
    with ds.db.session() as session:
        audit.record(
            session,
            ds,
            letters[0].customer_number,
            AuditAction.READ,
            Purpose.SUBJECT_REQUEST,
            f"{letters[0].kind.value} letter preview",
        )
    return rendered.pdf, rendered.pages, empty_contact_fields(letters[0].register)


def record_sending(
    ds: DeskSession,
    letter_id: int,
    via: SendVia | str,
    *,
    sent_on: date | None = None,
) -> LetterInfo:
    """Record that archived letter ``letter_id`` was sent on ``sent_on`` (default today)
    by post, e-mail or handed over. Once per letter; never in the future nor before the
    letter was made; an extension notice only within the first month of the request."""
    ds.require(Capability.SUBJECT_REPORTS)
    day = sent_on or requests.today()
    errors: dict[str, FieldError] = {}
    try:
        via = SendVia(via)
    except ValueError:
        errors["via"] = FieldError("via", "invalid", f"unknown way of sending {via!r}")
    if day > requests.today():
        errors["sent_on"] = FieldError("sent_on", "date_future", "is in the future")
    if errors:
        raise ValidationFailed(errors)
    with ds.db.session() as session:
        letter = requests_store.letter_row(session, letter_id)
        if letter is None or letter.kind == COPY_KIND:
            raise NotFound(f"There is no letter {letter_id}.", code="letter_not_found")
        if day < letter.created_at.date() - timedelta(days=1):
            # (a day's grace: the letter's time is UTC, the date the user's)
            raise ValidationFailed(
                {"sent_on": FieldError("sent_on", "before_letter", "is before the letter")}
            )
        taken = store.sending_of(session, letter_id)
        if taken is not None:
            raise _refuse("letter_already_sent", f"Letter {letter_id} is already recorded as sent.")
        number = ""
        if letter.request_id is not None:
            req = _request(session, letter.request_id)
            if letter.kind == LetterKind.EXTENSION.value and day > deadline(req.received_on):
                raise _refuse(
                    "extension_notice_late", "An extension must be notified within the first month."
                )
            customer = _customer(session, req)
            number = customer.number if customer is not None else ""
        elif letter.customer_id is not None:
            found = repo.row_by_id(session, letter.customer_id)
            number = found.number if found is not None and found.erased_at is None else ""
        now = datetime.now(UTC)
        store.add_sending(
            session, letter_id, sent_on=day, via=SendVia(via).value, recorded_by=ds.user, at=now
        )
        audit.record(
            session,
            ds,
            number,
            AuditAction.UPDATE,
            Purpose.SUBJECT_REQUEST,
            f"letter {letter_id} ({letter.kind}, {letter.language}) sent {day} by {via}",
        )
        session.flush()
        return LetterInfo(
            letter.id,
            letter.created_at,
            letter.created_by,
            letter.language,
            letter.sha256,
            letter.pages,
            letter.kind,
            letter.addressee,
            day,
            SendVia(via).value,
            ds.user,
        )


def source_notices_due(
    ds: DeskSession, *, today: date | None = None, since: date | None = None
) -> list[DueNotice]:
    """The people with data obtained from a public source, a partner or an update service
    since ``since`` (default: three months back) that no notice of Art. 14 has covered
    yet, the earliest due first: customers, and the contact persons of companies (their
    own fields, tracked in the change history under their id; told at the company)."""
    ds.require(Capability.SUBJECT_REPORTS)
    today = today or requests.today()
    since = since or add_months(today, -DUE_LOOKBACK_MONTHS)
    start = datetime(since.year, since.month, since.day, tzinfo=UTC)
    sources = [s.value for s in THIRD_PARTY]
    with ds.db.read() as session:
        rows = store.customer_changes_due(session, start, sources)
        contact_rows = _contact_changes(session, start)
    found: dict[tuple[str, int | None], DueNotice] = {}
    named = [
        (number, None, display_name(type_, surname, first, company), at, source)
        for number, type_, surname, first, company, at, source in rows
    ]
    for number, contact_id, name, at, source in [*named, *contact_rows]:
        key = (number, contact_id)
        seen = found.get(key)
        if seen is None:
            obtained = at
            found[key] = DueNotice(
                number, name, obtained, (source,), add_months(obtained.date(), 1), contact_id
            )
        elif source not in seen.sources:
            found[key] = replace(seen, sources=(*seen.sources, source))
    return sorted(
        found.values(), key=lambda d: (d.due_by, d.customer_number, d.contact_person_id or 0)
    )


def _contact_changes(
    session: Session, start: datetime
) -> list[tuple[str, int, str, datetime, str]]:
    """(customer number, contact person id, name, obtained at, source) of each contact
    person's field obtained from another source since ``start`` and after their last
    notice, oldest first. Contact persons since removed are not told (no address)."""
    rows = store.contact_changes_since(session, start, [s.value for s in THIRD_PARTY])
    if not rows:
        return []
    told: dict[tuple[int, int], datetime] = {}
    for customer_id, addressee, at in store.addressed_notices(session, {r[0] for r in rows}):
        tag = _CONTACT_TAG.search(addressee)
        if tag is not None and customer_id is not None:
            key = (customer_id, int(tag.group(1)))
            told[key] = max(told.get(key, at), at)
    out = []
    for customer_id, number, company, contact_id, surname, first, at, source in rows:
        last = told.get((customer_id, contact_id))
        if last is None or at > last:
            name = f"{surname} {first}".strip()
            out.append((number, contact_id, f"{name} ({company})" if company else name, at, source))
    return out


def generate_source_notices(
    ds: DeskSession,
    numbers: list[str] | None = None,
    *,
    deliver: Callable[[MadeLetter], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
    damaged: list[str] | None = None,
) -> list[MadeLetter]:
    """A notice of Art. 14 for each one due (only those of customers ``numbers`` when
    given: a customer asked for but not due gets their own notice all the same), each in
    the customer's language — a contact person's addressed to them at the company —
    archived and audited one by one: a stop or a failure keeps what was made. ``deliver``
    writes each as soon as it is archived (the letters returned then hold no PDF).

    A customer whose row kkdesk cannot interpret (:class:`repo.DamagedRecord`) raises, or,
    when ``damaged`` is a list, gets no notice and is named there: one damaged row never
    stops the notices of others."""
    due = source_notices_due(ds)
    wanted = set(numbers) if numbers is not None else None
    targets = [
        (d.customer_number, d.contact_person_id)
        for d in due
        if wanted is None or d.customer_number in wanted
    ]
    covered = {number for number, _ in targets}
    targets += [(n, None) for n in dict.fromkeys(numbers or ()) if n not in covered]
    out: list[MadeLetter] = []
    if progress is not None:
        progress(0, len(targets))
    for done, (number, contact_id) in enumerate(targets, 1):
        if stop is not None and stop():
            break
        try:
            [letter] = generate(ds, LetterKind.SOURCE_NOTICE, number=number, contact_id=contact_id)
        except repo.DamagedRecord:
            if damaged is None:
                raise
            if number not in damaged:
                damaged.append(number)
            if progress is not None:
                progress(done, len(targets))
            continue
        if deliver is not None:
            deliver(letter)
            letter = MadeLetter(**(_made_fields(letter) | {"pdf": b""}))
        out.append(letter)
        if progress is not None:
            progress(done, len(targets))
    return out


def _made_fields(letter: MadeLetter) -> dict[str, Any]:
    return {name: getattr(letter, name) for name in letter.__dataclass_fields__}


def letters_of(ds: DeskSession, request_id: int) -> tuple[LetterInfo, ...]:
    """The letters archived on a request, with how each was sent."""
    return requests.get(ds, request_id).letters
