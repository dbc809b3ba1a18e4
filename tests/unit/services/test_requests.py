"""Request tracking on a real register: add, list, extend once with a reason, close."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kkdesk.domain.levels import Level
from kkdesk.domain.subject_requests import RequestStatus, deadline
from kkdesk.errors import NotFound, PermissionDenied, RuleViolation, ValidationFailed
from kkdesk.services import record, requests
from kkdesk.services.session import DeskSession
from tests.orders_factory import add_customer


def test_add_sets_the_deadline_and_records_the_identity_check(ds: DeskSession) -> None:
    number = add_customer(ds)
    today = requests.today()
    r = requests.add(ds, number, "access", received_on=today - timedelta(days=3),
                     channel="email", identity_method="  driving  licence ")  # fmt: skip
    assert r.deadline == deadline(today - timedelta(days=3))
    assert r.identity_method == "driving licence" and r.identity_verified_by == ds.user
    assert r.customer_number == number and r.is_open
    assert requests.list_requests(ds) == (r,)


def test_refuses_a_future_date_and_unknown_kinds(ds: DeskSession) -> None:
    number = add_customer(ds)
    with pytest.raises(ValidationFailed) as info:
        requests.add(ds, number, "gossip", received_on=requests.today() + timedelta(days=1),
                     channel="pigeon")  # fmt: skip
    assert set(info.value.errors) == {"kind", "channel", "received_on"}


def test_extend_once_with_a_reason(ds: DeskSession) -> None:
    number = add_customer(ds)
    r = requests.add(ds, number, "erasure", received_on=requests.today(), channel="letter")
    with pytest.raises(ValidationFailed):
        requests.extend(ds, r.id, "   ")
    extended = requests.extend(ds, r.id, "Many linked records")
    assert extended.deadline == deadline(r.received_on, extended=True)
    assert extended.extension_reason == "Many linked records"
    with pytest.raises(RuleViolation) as again:
        requests.extend(ds, r.id, "more")
    assert again.value.code == "request_already_extended"


def test_extension_after_the_first_month_is_refused(ds: DeskSession) -> None:
    number = add_customer(ds)
    old = requests.today() - timedelta(days=45)
    r = requests.add(ds, number, "access", received_on=old, channel="letter")
    with pytest.raises(RuleViolation) as info:
        requests.extend(ds, r.id, "late")
    assert info.value.code == "request_extension_late"
    assert requests.list_requests(ds)[0].days_left(requests.today()) < 0


def test_close_and_refuse(ds: DeskSession) -> None:
    number = add_customer(ds)
    a = requests.add(ds, number, "access", received_on=requests.today(), channel="letter")
    b = requests.add(ds, number, "objection", received_on=requests.today(), channel="phone")
    done = requests.close(ds, a.id, note="letter sent")
    assert done.status is RequestStatus.DONE and done.closed_on == requests.today()
    with pytest.raises(ValidationFailed):
        requests.close(ds, b.id, status="refused")
    refused = requests.close(ds, b.id, status="refused", note="manifestly unfounded")
    assert refused.status is RequestStatus.REFUSED
    with pytest.raises(RuleViolation):
        requests.close(ds, a.id)
    assert requests.list_requests(ds) == ()
    assert len(requests.list_requests(ds, status=None)) == 2


def test_requests_section_of_the_customer_record(ds: DeskSession) -> None:
    number = add_customer(ds)
    requests.add(ds, number, "portability", received_on=requests.today(), channel="webshop")
    doc = record.customer_record(ds, number, purpose="subject_request")
    [entry] = doc["requests"]
    assert entry["kind"] == "portability" and entry["status"] == "open"
    assert entry["letters"] == []


def test_only_privacy_staff_handle_requests(ds: DeskSession) -> None:
    number = add_customer(ds)
    clerk = DeskSession(ds.db, Level.CLERK)
    with pytest.raises(PermissionDenied):
        requests.add(clerk, number, "access", received_on=requests.today(), channel="letter")
    privacy = DeskSession(ds.db, Level.PRIVACY)
    assert requests.add(privacy, number, "access", received_on=requests.today(),
                        channel="letter").is_open  # fmt: skip


def test_a_refused_change_changes_nothing(ds: DeskSession) -> None:
    number = add_customer(ds)
    r = requests.add(ds, number, "access", received_on=requests.today(), channel="letter")
    with pytest.raises(ValidationFailed):
        requests.extend(ds, r.id, "x" * 2001)
    assert requests.get(ds, r.id) == r
    requests.close(ds, r.id, note="sent")
    with pytest.raises(RuleViolation) as info:
        requests.extend(ds, r.id, "too late, it is closed")
    assert info.value.code == "request_closed"
    assert not requests.get(ds, r.id).extended
    with pytest.raises(NotFound):
        requests.extend(ds, 999_999, "no such request")
    with pytest.raises(NotFound):
        requests.add(ds, "9999999", "access", received_on=requests.today(), channel="letter")


def test_every_step_is_audited_and_the_checker_is_recorded(ds: DeskSession) -> None:
    from sqlalchemy import select

    from kkdesk.store.models import AuditEvent

    number = add_customer(ds)
    r = requests.add(ds, number, "objection", received_on=requests.today(), channel="phone",
                     identity_method="called back", identity_verified_by="Maija")  # fmt: skip
    assert r.identity_verified_by == "Maija"
    requests.extend(ds, r.id, "waiting for the partner's answer")
    requests.close(ds, r.id, status="done", note="objection recorded")
    with ds.db.read() as s:
        details = s.scalars(
            select(AuditEvent.detail)
            .where(AuditEvent.customer_number == number, AuditEvent.purpose == "subject_request")
            .order_by(AuditEvent.id)
        ).all()
    assert details == [
        f"subject request {r.id} (objection)",
        f"subject request {r.id} extended",
        f"subject request {r.id} done",
    ]
