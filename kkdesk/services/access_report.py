"""The subject-access letter (GDPR Art. 15): gathering, rendering, archiving, auditing.

:func:`collect` reads everything the letter prints in one unit of work — the customer's
basic data and contact persons, orders with deliveries and returns, the prohibitions and
consents with their history, the change history with sources, the recorded disclosures
and the access log — and :func:`generate` renders it, archives the PDF on the request it
answers, and audits that the report was made. Rendering runs outside any database
transaction: a long letter never holds a lock.

:func:`generate_open` answers every open access request at once: this process reads the
customers a chunk at a time (each chunk's orders, histories and logs in a few queries)
and archives the finished letters while worker processes render the chunks before.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from kkdesk.domain import subject_scope as scope
from kkdesk.domain.consent import ConsentItem
from kkdesk.domain.enums import AuditAction, Language, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.register_info import RegisterInfo
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.errors import NotFound, RuleViolation
from kkdesk.reports.data import (
    AccessEntry,
    AccessLetter,
    DisclosureEntry,
    RenderedPdf,
    RequestEntry,
)
from kkdesk.services import audit, consents, disclosures, register_settings, requests
from kkdesk.services.session import DeskSession
from kkdesk.store import access_report as store
from kkdesk.store import customers as repo
from kkdesk.store import requests as requests_store
from kkdesk.store.models import Customer
from kkdesk.store.models import SubjectRequest as RequestRow
from kkdesk.store.unit_of_work import Session

log = logging.getLogger(__name__)

# Customers read and handed to the worker processes per chunk of a batch.
BATCH_CHUNK = 64
# Letters archived per transaction in a batch: few enough that a failure keeps nearly all
# that was made, enough that committing costs little.
FILE_GROUP = 16


@dataclass(frozen=True)
class GeneratedLetter:
    customer_number: str
    request_id: int | None
    language: Language
    pdf: bytes
    pages: int
    sha256: str
    letter_id: int | None  # the archived copy, if the letter answers a request

    @property
    def file_name(self) -> str:
        """The name a batch gives the letter's file (the desk and the command line)."""
        if self.request_id is None:
            return f"access-letter-{self.customer_number}-{self.language.value}.pdf"
        return f"request-{self.request_id}-{self.customer_number}-{self.language.value}.pdf"


def _access_logs(
    session: Session, numbers: Sequence[str], name_staff: bool
) -> dict[str, list[AccessEntry]]:
    out: dict[str, list[AccessEntry]] = defaultdict(list)
    for number, at, action, purpose, actor in store.audit_rows(session, numbers):
        who = actor if name_staff else ""
        out[number].append(AccessEntry(at, action, purpose, who))
    _register_wide_reads(session, out, name_staff)
    return out


# Reads outside kkdesk that named no customer (collected from the server's log by
# ``kkdesk db collect-reads``, migration 0011) are recorded for the whole register.
REGISTER_WIDE = store.REGISTER_WIDE


def _register_wide_reads(
    session: Session, out: dict[str, list[AccessEntry]], name_staff: bool
) -> None:
    """Add each register-wide read to the log of every customer whose log had begun by
    then: the read may have included their data."""
    starts = {number: min(e.at for e in entries) for number, entries in out.items() if entries}
    if not starts:
        return
    for when, action, actor in store.register_wide_reads(session, min(starts.values())):
        for number, start in starts.items():
            if when >= start:
                who = actor if name_staff else ""
                out[number].append(AccessEntry(when, action, "outside_register", who))


def _disclosures_by_customer(
    session: Session, ids: Sequence[int]
) -> dict[int, list[DisclosureEntry]]:
    out: dict[int, list[DisclosureEntry]] = defaultdict(list)
    for cid, row in store.disclosure_rows(session, ids):
        d = disclosures.to_view(row)
        out[cid].append(
            DisclosureEntry(d.disclosed_at, d.recipient, d.kind.value, d.purpose,
                            d.legal_basis, d.description, d.channel)
        )  # fmt: skip
    return out


def _requests_by_customer(
    session: Session, ids: Sequence[int]
) -> dict[int, list[tuple[int | None, RequestEntry]]]:
    """Each customer's data-subject requests with their outcomes, oldest first, with the
    contact person who made each (None: the customer's own)."""
    out: dict[int, list[tuple[int | None, RequestEntry]]] = defaultdict(list)
    for r in store.request_rows(session, ids):
        out[int(r.customer_id or 0)].append(
            (
                r.contact_person_id,
                RequestEntry(r.id, r.kind, r.received_on, r.status, r.deadline,
                             r.closed_on, r.extension_reason, r.note),
            )
        )  # fmt: skip
    return out


def collect_many(
    session: Session,
    pairs: Sequence[tuple[Customer, RequestRow | None]],
    *,
    info: RegisterInfo,
    language: Language | None = None,
    letter_date: date | None = None,
    name_staff: bool | None = None,
    damaged: list[str] | None = None,
) -> list[AccessLetter]:
    """The letters of many customers (each with the request it answers, if any), read
    inside the caller's unit of work: orders, change histories and access logs come in
    a few queries for the lot instead of a few per customer.

    A customer whose row kkdesk cannot interpret raises :class:`DamagedRecord`, or, when
    ``damaged`` is a list, is left out and named there: one damaged row never stops the
    letters of others."""
    if name_staff is None:
        name_staff = info.letters_name_staff
    day = letter_date or requests.today()
    ids = [row.id for row, _ in pairs]
    orders_of = store.orders_by_customer(session, ids)
    changes_of, sources_of = store.changes_by_customer(session, ids)
    logs_of = _access_logs(session, [row.number for row, _ in pairs], name_staff)
    disclosed_of = _disclosures_by_customer(session, ids)
    persons_of = consents.persons_of_many(session, [consents.of_row(row) for row, _ in pairs])
    requests_of = _requests_by_customer(session, ids)
    out = []
    for row, request in pairs:
        try:
            whole = repo.to_view(session, row, sources=sources_of.get(row.id, {}))
        except repo.DamagedRecord:
            if damaged is None:
                raise
            damaged.append(row.number)
            continue
        # Only the requester's own data (Art. 15(4)): a company's contact person sees
        # theirs and what of the company concerns them; the company as such, and a person
        # (whose record may carry a spouse as a contact person), no contact person's.
        who = request.contact_person_id if request is not None else None
        customer = scope.scoped_customer(whole, who)
        narrow = scope.is_company_scope(whole, who)
        persons = [
            p for p in persons_of[row.id]
            if p.contact_person_id == who
        ]  # fmt: skip
        own_requests = tuple(
            entry for by, entry in requests_of.get(row.id, ()) if not narrow or by == who
        )
        out.append(
            AccessLetter(
                language=language or customer.language,
                letter_date=day,
                register=info,
                customer=customer,
                reference=str(request.id) if request is not None else "",
                received_on=request.received_on if request is not None else None,
                # A company's orders are not recorded per contact person: the company's.
                orders=() if narrow else tuple(orders_of.get(row.id, ())),
                consent_events=scope.scoped_events(
                    whole, who, (e for p in persons for e in p.history)
                ),
                suppressed=tuple(
                    (p.contact_person_id, ConsentItem(item))
                    for p in persons
                    for item in sorted(p.suppressed_elsewhere)
                ),
                changes=scope.scoped_changes(whole, who, changes_of.get(row.id, ())),
                disclosures=tuple(disclosed_of.get(row.id, ())),
                access_log=tuple(logs_of.get(row.number, ())),
                name_staff=name_staff,
                contact_person_id=who if narrow else None,
                contacts_left_out=len(customer.contacts) < len(whole.contacts),
                requests=own_requests,
            )
        )
    return out


def collect(
    session: Session,
    row: Customer,
    *,
    language: Language | None = None,
    request: RequestRow | None = None,
    letter_date: date | None = None,
    name_staff: bool | None = None,
    info: RegisterInfo | None = None,
) -> AccessLetter:
    """Everything one letter prints, read inside the caller's unit of work.

    ``name_staff`` defaults to the register setting ``letters_name_staff``."""
    [letter] = collect_many(
        session,
        [(row, request)],
        info=info or register_settings.load(session),
        language=language,
        letter_date=letter_date,
        name_staff=name_staff,
    )
    return letter


def _request_row(session: Session, request_id: int) -> RequestRow:
    row = requests_store.request_row(session, request_id)
    if row is None:
        raise NotFound(
            f"There is no request {request_id}.", code="request_not_found", id=request_id
        )
    if row.kind != RequestKind.ACCESS.value:
        raise RuleViolation(
            f"Request {request_id} is not an access request: an access letter does not answer it.",
            code="request_not_access",
            id=request_id,
        )
    return row


def _customer_of(session: Session, number: str | None, request: RequestRow | None) -> Customer:
    if number:
        row = repo.row_by_number(session, number)
        if request is not None and request.customer_id != row.id:
            raise RuleViolation(
                f"Request {request.id} is not from customer {number}.",
                code="request_other_customer",
                id=request.id,
                number=number,
            )
        return row
    if request is None or request.customer_id is None:
        raise RuleViolation(
            "Name a customer or a request of a customer.", code="request_no_customer"
        )
    found = repo.row_by_id(session, request.customer_id)
    if found is None or found.erased_at is not None:
        raise NotFound("The request's customer has been erased.",
                                code="customer_not_found", number="")  # fmt: skip
    return found


def check_identity(request: RequestRow | None) -> None:
    """Refuse a full copy for a request whose requester's identity was neither checked nor
    waived with a recorded reason (GDPR Art. 12(6)), or whose contact person is gone."""
    if request is None:
        return
    if request.contact_person_name and request.contact_person_id is None:
        raise RuleViolation(
            f"Request {request.id} was made by the contact person {request.contact_person_name}, "
            "who has since been removed from the customer: a copy of the company's data "
            "cannot go to them. Answer the request with a letter saying what is held on "
            "them, or close it.",
            code="request_requester_removed",
            id=request.id,
        )
    if not (request.identity_method or request.identity_override):
        raise RuleViolation(
            f"Request {request.id} has no recorded identity check, so no copy of the data "
            "is made. Record how the requester's identity was verified with `kkdesk "
            f'request identity {request.id} --method "how" [--verified-by WHO]` (in the desk: '
            "Identity… in the requests list); if it cannot be verified yet, send the "
            "request-for-identification letter instead; privacy staff may answer without a "
            f"check only by recording why: `kkdesk request identity {request.id} --override "
            '"reason"`.',
            code="identity_not_checked",
            id=request.id,
        )


def build(
    ds: DeskSession,
    number: str | None,
    *,
    request_id: int | None = None,
    language: Language | str | None = None,
    name_staff: bool | None = None,
    letter_date: date | None = None,
    official: bool = True,
) -> AccessLetter:
    """The letter's data for customer ``number`` (or the customer of ``request_id``).

    Without ``request_id`` the customer's latest open access request is answered, if any.
    ``name_staff`` defaults to the register setting ``letters_name_staff``. ``official``:
    the letter is to be sent, so the request's identity check must be on record
    (:func:`check_identity`); a preview for staff is not.
    """
    ds.require(Capability.SUBJECT_REPORTS)
    # Pipelined (PostgreSQL): the BEGIN goes with the first read, the ROLLBACK alone.
    with ds.db.read(pipelined=True) as session:
        request = _request_row(session, request_id) if request_id is not None else None
        row = _customer_of(session, number, request)
        if request is None:
            request = requests.latest_open(session, row.id, RequestKind.ACCESS)
        if official:
            check_identity(request)
        return collect(
            session,
            row,
            language=Language(language) if language else None,
            request=request,
            letter_date=letter_date,
            name_staff=name_staff,
        )


def _file_in(
    session: Session, ds: DeskSession, data: AccessLetter, rendered: RenderedPdf
) -> GeneratedLetter:
    """Archive the letter on its request (if it answers one) and audit the report."""
    sha = hashlib.sha256(rendered.pdf).hexdigest()
    request_id = int(data.reference) if data.reference else None
    letter_id = None
    if request_id is not None:
        info = requests.archive_letter(
            session, ds, request_id, rendered.pdf, pages=rendered.pages,
            language=data.language.value, sha256=sha,
        )  # fmt: skip
        letter_id = info.id
    detail = f"access letter {data.language.value}, {rendered.pages} pages, sha256 {sha[:16]}"
    if request_id is not None:
        detail = f"request {request_id}: {detail}"
    audit.record(session, ds, data.customer.number, AuditAction.REPORT,
                 Purpose.SUBJECT_REQUEST, detail)  # fmt: skip
    return GeneratedLetter(
        data.customer.number, request_id, data.language, rendered.pdf, rendered.pages, sha,
        letter_id,
    )  # fmt: skip


def generate(
    ds: DeskSession,
    number: str | None,
    *,
    request_id: int | None = None,
    language: Language | str | None = None,
    name_staff: bool | None = None,
    letter_date: date | None = None,
    invariant: bool = False,
) -> GeneratedLetter:
    """Render the letter, archive it on its request, and audit its generation."""
    data = build(ds, number, request_id=request_id, language=language, name_staff=name_staff,
                 letter_date=letter_date)  # fmt: skip
    from kkdesk.reports.access_letter import render_access_letter  # reportlab: when used

    rendered = render_access_letter(data, invariant=invariant)
    # Pipelined (PostgreSQL): the BEGIN, the archived letter and the audit row go with the
    # COMMIT, but for the one answer a letter on a request waits for (its id).
    with ds.db.session(pipelined=True) as session:
        return _file_in(session, ds, data, rendered)


@dataclass(frozen=True)
class Preview:
    """A letter as it would print now, and what it would answer."""

    pdf: bytes
    pages: int
    language: Language
    request_id: int | None  # the open access request the letter would be archived on
    received_on: date | None


def preview(
    ds: DeskSession,
    number: str | None,
    *,
    request_id: int | None = None,
    language: Language | str | None = None,
    name_staff: bool | None = None,
) -> Preview:
    """The letter as it would print, neither archived nor counted as sent (the data read
    for it is still audited as a read for a subject request)."""
    from kkdesk.reports.access_letter import render_access_letter  # reportlab: when used

    data = build(ds, number, request_id=request_id, language=language, name_staff=name_staff,
                 official=False)  # fmt: skip
    rendered = render_access_letter(data)
    with ds.db.session() as session:
        audit.record(session, ds, data.customer.number, AuditAction.READ,
                     Purpose.SUBJECT_REQUEST, "access letter preview")  # fmt: skip
    return Preview(
        rendered.pdf,
        rendered.pages,
        data.language,
        int(data.reference) if data.reference else None,
        data.received_on,
    )


def open_request_ids(ds: DeskSession, *, settled: bool = True) -> list[int]:
    """The open access requests whose customer is still on the register, the nearest
    deadline first: those a letter may answer now (``settled``), or those waiting for an
    identity check (``settled=False``), which the batch leaves out."""
    ds.require(Capability.SUBJECT_REPORTS)
    with ds.db.read() as session:
        return store.open_access_request_ids(session, settled=settled)


def generate_open(
    ds: DeskSession,
    *,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    name_staff: bool | None = None,
    deliver: Callable[[GeneratedLetter], None] | None = None,
    stop: Callable[[], bool] | None = None,
    damaged: list[str] | None = None,
) -> list[GeneratedLetter]:
    """A letter for every open access request whose customer is still on the register
    and whose requester's identity is on record (:func:`check_identity`; the others are
    ``open_request_ids(ds, settled=False)``), the nearest deadline first; each archived on
    its request and audited.

    ``progress(done, total)`` is called after each letter is archived. ``deliver(letter)``
    is called for each letter, in order, as soon as it is archived (to write its file):
    then the batch keeps no PDF in memory (the letters returned have an empty ``pdf``),
    and a batch that stops halfway has delivered what it made before. An exception from
    ``deliver`` stops the batch: no further letter is made. Letters are archived a few
    at a time (one transaction for up to 16), so those archived with the one that could
    not be delivered stay archived, undelivered; each can be had again from its request
    (``kkdesk request letter``).

    ``stop()`` is asked before each group of letters is archived: once it says yes, the
    batch ends there, every letter archived so far delivered and no other made; the
    letters returned are then fewer than the open requests.

    A request whose customer's row is damaged (see :class:`repo.DamagedRecord`) gets no
    letter; its customer number is appended to ``damaged`` (and logged) and the batch goes
    on."""
    skipped: list[str] = damaged if damaged is not None else []
    ids = open_request_ids(ds)
    total = len(ids)
    if progress is not None:
        progress(0, total)
    with ds.db.read() as session:
        info = register_settings.load(session)

    def chunks() -> Iterator[list[AccessLetter]]:
        for start in range(0, total, BATCH_CHUNK):
            part = ids[start : start + BATCH_CHUNK]
            with ds.db.read() as session:
                found = store.requests_with_customers(session, part)
                pairs = [found[i] for i in part if i in found]
                seen = len(skipped)
                yield collect_many(
                    session, pairs, info=info, name_staff=name_staff, damaged=skipped
                )
                for number in skipped[seen:]:
                    log.warning("no access letter for damaged customer record %s", number)

    out: list[GeneratedLetter] = []
    pending: list[tuple[AccessLetter, RenderedPdf]] = []

    def file_pending() -> None:
        with ds.db.session() as session:
            filed = [_file_in(session, ds, data, rendered) for data, rendered in pending]
        pending.clear()
        for letter in filed:
            if deliver is not None:
                deliver(letter)
                letter = replace(letter, pdf=b"")
            out.append(letter)
            if progress is not None:
                progress(len(out), total)

    from kkdesk.reports import batch  # reportlab: when used

    stream = batch.render_stream(chunks(), total=total, workers=workers)
    try:
        for data, rendered in stream:
            pending.append((data, rendered))
            # Archived in small transactions: a failure later keeps what was already sent.
            if len(pending) >= FILE_GROUP:
                if stop is not None and stop():
                    return out
                file_pending()
        if pending and not (stop is not None and stop()):
            file_pending()
        return out
    finally:
        stream.close()  # stopped or failed early: the letters still queued are not made
