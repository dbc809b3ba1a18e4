"""Restriction of processing (GDPR Art. 18): start one, make the Art. 18(3) notice, lift.

Who may: the levels that answer data-subject requests (privacy, admin:
:attr:`Capability.SUBJECT_REPORTS`); every level reads whether a customer is restricted.
What a restriction refuses and why consents stay recordable: :mod:`kkdesk.domain.restriction`.

Lifting is two steps on purpose, so that the person is told *first* (Art. 18(3)):
:func:`make_lift_notice` renders the notice (fi/sv/en, the window-envelope letter of every
step) and archives it on the customer (and on the request the restriction answers); then
:func:`lift` names that letter. A lift naming no such letter is refused — by this service
on the embedded register and by the central database's trigger (migration 0019).
"""

from __future__ import annotations

from datetime import date

from kkdesk.domain.enums import AuditAction, Language, Purpose
from kkdesk.domain.letters import LetterKind
from kkdesk.domain.levels import Capability
from kkdesk.domain.restriction import (
    REASON_MAX,
    LiftNotice,
    Refused,
    Restriction,
    RestrictionGround,
)
from kkdesk.errors import FieldError, NotFound, RuleViolation, ValidationFailed
from kkdesk.reports.step_data import StepLetter
from kkdesk.services import audit, register_settings, requests
from kkdesk.services.session import DeskSession
from kkdesk.services.step_letters import recipient_lines, render_step_letter
from kkdesk.store import customers as repo
from kkdesk.store import restrictions as store
from kkdesk.store.models import SubjectRequest as RequestRow

__all__ = [
    "LiftNotice",
    "Refused",
    "Restriction",
    "RestrictionGround",
    "can_manage",
    "current",
    "history",
    "lift",
    "make_lift_notice",
    "restrict",
]


def can_manage(ds: DeskSession) -> bool:
    """Whether the signed-in level may start and lift restrictions."""
    return ds.can(Capability.SUBJECT_REPORTS) and not ds.read_only


def current(ds: DeskSession, number: str) -> Restriction | None:
    """The restriction of customer ``number`` in force, or None."""
    ds.require(Capability.READ_CUSTOMERS)
    with ds.db.read() as session:
        row = repo.row_by_number(session, number)
        found = store.in_force(session, row)
        return store.view(found, row.number) if found is not None else None


def history(ds: DeskSession, number: str) -> tuple[Restriction, ...]:
    """Every restriction of customer ``number``, newest first."""
    ds.require(Capability.READ_CUSTOMERS)
    with ds.db.read() as session:
        return store.history(session, repo.row_by_number(session, number))


def _clean_reason(reason: str, *, required: bool) -> str:
    text = reason.strip()
    if required and not text:
        raise ValidationFailed(
            {"reason": FieldError("reason", "required", "say why the processing is restricted")}
        )
    if len(text) > REASON_MAX:
        raise ValidationFailed(
            {
                "reason": FieldError(
                    "reason", "too_long", f"is longer than {REASON_MAX}", max=REASON_MAX
                )
            }
        )
    return text


def _not_restricted(number: str) -> RuleViolation:
    return RuleViolation(
        f"The processing of customer {number} is not restricted.",
        code="not_restricted",
        number=number,
    )


def restrict(
    ds: DeskSession,
    number: str,
    ground: RestrictionGround | str,
    reason: str,
    *,
    request_id: int | None = None,
) -> Restriction:
    """Restrict the processing of customer ``number`` on ``ground`` (Art. 18(1)), for
    ``reason`` (staff's words), answering request ``request_id`` if given; audited."""
    ds.require(Capability.SUBJECT_REPORTS)
    try:
        ground = RestrictionGround(ground)
    except ValueError:
        raise ValidationFailed(
            {"ground": FieldError("ground", "invalid", f"unknown ground {ground!r}")}
        ) from None
    text = _clean_reason(reason, required=True)
    with ds.db.session() as session:
        row = repo.row_by_number(session, number)
        if store.in_force(session, row) is not None:
            raise RuleViolation(
                f"The processing of customer {row.number} is already restricted.",
                code="already_restricted",
                number=row.number,
            )
        if request_id is not None:
            request = session.get(RequestRow, request_id)
            if request is None:
                raise NotFound(
                    f"There is no request {request_id}.", code="request_not_found", id=request_id
                )
            if request.customer_id != row.id:
                raise RuleViolation(
                    f"Request {request_id} is not from customer {row.number}.",
                    code="request_other_customer",
                    id=request_id,
                    number=row.number,
                )
        made = store.start(
            session, row, ground=ground, reason=text, request_id=request_id, user=ds.user
        )
        audit.record(
            session, ds, row.number, AuditAction.UPDATE, Purpose.SUBJECT_REQUEST,
            f"restriction of processing {made.id} started (Art. 18(1)({ground.point}))",
        )  # fmt: skip
        return store.view(made, row.number)


def make_lift_notice(
    ds: DeskSession,
    number: str,
    *,
    language: Language | str | None = None,
    reason: str = "",
    letter_date: date | None = None,
    invariant: bool = False,
) -> LiftNotice:
    """Render the Art. 18(3) notice of customer ``number``'s restriction in force (in the
    customer's language unless ``language``), archive it on the customer (and on the
    request the restriction answers) and audit it. ``reason``: staff's words on why the
    restriction ends, printed as typed (optional)."""
    ds.require(Capability.SUBJECT_REPORTS)
    text = _clean_reason(reason, required=False)
    day = letter_date or requests.today()
    with ds.db.read() as session:
        info = register_settings.load(session)
        row = repo.row_by_number(session, number)
        found = store.in_force(session, row)
        if found is None:
            raise _not_restricted(row.number)
        view = repo.to_view(session, row)
        restriction = store.view(found, row.number)
    lang = Language(language) if language else view.language
    data = StepLetter(
        kind=LetterKind.RESTRICTION_LIFT,
        language=lang,
        letter_date=day,
        register=info,
        recipient=recipient_lines(view),
        customer_number=view.number,
        reason=text,
        action_on=restriction.started_at.date(),
        ground=restriction.ground.value,
    )
    rendered = render_step_letter(data, invariant=invariant)
    with ds.db.session() as session:
        row = repo.row_by_number(session, number)
        letter = requests.archive_letter(
            session, ds, restriction.request_id, rendered.pdf, pages=rendered.pages,
            language=lang.value, kind=LetterKind.RESTRICTION_LIFT.value, customer_id=row.id,
        )  # fmt: skip
        audit.record(
            session, ds, row.number, AuditAction.REPORT, Purpose.SUBJECT_REQUEST,
            f"restriction {restriction.id}: restriction_lift letter {lang.value}, "
            f"{rendered.pages} pages (Art. 18(3))",
        )  # fmt: skip
    return LiftNotice(
        restriction_id=restriction.id,
        letter_id=letter.id,
        language=lang.value,
        pdf=rendered.pdf,
        file_name=f"restriction-lift-{view.number}-{day.isoformat()}-{lang.value}.pdf",
    )


def lift(ds: DeskSession, number: str, notice_letter_id: int | None) -> Restriction:
    """Lift customer ``number``'s restriction in force, naming the Art. 18(3) notice made
    for it by :func:`make_lift_notice` (refused without one); audited."""
    ds.require(Capability.SUBJECT_REPORTS)
    with ds.db.session() as session:
        row = repo.row_by_number(session, number)
        found = store.in_force(session, row)
        if found is None:
            raise _not_restricted(row.number)
        store.lift(session, found, notice_letter_id, ds.user)
        audit.record(
            session, ds, row.number, AuditAction.UPDATE, Purpose.SUBJECT_REQUEST,
            f"restriction of processing {found.id} lifted after notice letter "
            f"{notice_letter_id} (Art. 18(3))",
        )  # fmt: skip
        return store.view(found, row.number)
