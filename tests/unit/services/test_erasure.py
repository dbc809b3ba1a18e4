"""Erasure on the embedded register: nothing of the person is left in any text column,
kept orders keep their amounts, the suppression list still blocks the person, and
refusals change nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kkdesk.domain.levels import Level
from kkdesk.errors import KnownError, NotFound, PermissionDenied, RuleViolation
from kkdesk.services import erasure
from kkdesk.services.session import DeskSession, open_session
from kkdesk.store import models as m
from tests.erasure_factory import BIRTH, NOT_SEARCHED, rich_person, text_hits, walk


@pytest.fixture
def privacy(db_path, ds: DeskSession):  # type: ignore[no-untyped-def]
    session = open_session(str(db_path), level=Level.PRIVACY)
    yield session
    session.close()


# Where the person's values are before the erasure: every place the test must see emptied
# (the walk would find them anywhere, these prove the person really reached each).
REACHED = {
    ("customer", "surname"), ("customer", "notes"), ("customer", "extra"),
    ("customer", "birth_date"), ("consent_event", "note"), ("subject_request", "note"),
    ("subject_request", "identity_method"), ("disclosure", "description"),
    ("delivery", "street"), ("order_return", "reason"), ("order_correction", "reason"),
    ("personal_data_change", "old_value"), ("personal_data_change", "new_value"),
    ("personal_data_change", "source_detail"), ("processing_restriction", "reason"),
    ("legal_hold", "reason"), ("search_word", "word"), ("suppression", "key_value"),
}  # fmt: skip


def test_nothing_of_the_person_is_left_in_any_text_column(ds, privacy) -> None:
    person = rich_person(ds, orders=3, privacy=privacy)
    before = walk(ds.db.engine, person.values, (BIRTH,))
    assert {(t, c) for t, c, _ in before.hits} >= REACHED, REACHED - {
        (t, c) for t, c, _ in before.hits
    }
    # Every table of the models (and whatever else the migrations made) is walked, and
    # the only columns no text search reads are the archived letters.
    assert set(m.Base.metadata.tables) <= before.tables
    assert before.not_searched == set(NOT_SEARCHED)
    assert ("audit_event", "detail") in before.searched
    result = erasure.erase(privacy, person.number, "Art. 17 request by letter")
    after = walk(ds.db.engine, person.values, (BIRTH,))
    # Only the suppression list keeps the person's normalised e-mail and phone: it exists so
    # that they are never marketed to again (and PostgreSQL hides it from clerks).
    assert not after.unexpected(), sorted(after.unexpected())
    assert result.record.orders_kept == 3
    assert result.record.suppressions_kept >= 1
    with ds.db.read() as s:
        orders = (
            s.execute(select(m.Order).where(m.Order.erasure_id == result.record.id)).scalars().all()
        )
        assert len(orders) == 3 and all(o.customer_id is None for o in orders)
        assert all(o.total_cents == 10000 for o in orders)
        row = s.execute(select(m.Customer).where(m.Customer.number == person.number)).scalar_one()
        assert row.erased_at is not None and row.surname == "" and row.birth_date is None
        assert (
            s.scalar(
                select(func.count())
                .select_from(m.SearchWord)
                .where(m.SearchWord.customer_id == row.id)
            )
            == 0
        )


def test_only_privacy_erases(ds) -> None:
    person = rich_person(ds, orders=0)
    with pytest.raises(PermissionDenied):
        erasure.erase(ds, person.number, "admin may not")


def test_refusals_change_nothing(ds, privacy) -> None:
    person = rich_person(ds, orders=1, open_order=True)
    before = sorted(text_hits(ds.db.engine, person.values))
    with pytest.raises(RuleViolation) as refused:
        erasure.erase(privacy, person.number, "open order")
    assert refused.value.code == "erase_open_order"
    erasure.set_legal_hold(privacy, person.number, True, "dispute")
    with pytest.raises(RuleViolation) as held:
        erasure.erase(privacy, person.number, "held")
    assert held.value.code == "erase_legal_hold"
    assert sorted(text_hits(ds.db.engine, person.values)) == before
    with ds.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.ErasureRow)) == 0


def test_a_reason_is_required_and_erased_stays_erased(ds, privacy) -> None:
    person = rich_person(ds, orders=0)
    with pytest.raises(KnownError) as empty:
        erasure.erase(privacy, person.number, "  ")
    assert empty.value.code == "erase_reason_required"
    erasure.erase(privacy, person.number, "asked")
    with pytest.raises(NotFound):
        erasure.erase(privacy, person.number, "again")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_outcome_letter_is_archived_on_the_request_and_says_what_was_kept(
    ds, privacy, language: str, tmp_path
) -> None:
    import io

    from pypdf import PdfReader

    from kkdesk.domain.enums import DataSource, Language
    from kkdesk.services import customers, requests
    from tests.erasure_factory import FIRST, SURNAME

    person = rich_person(ds, orders=2)
    current = customers.get(ds, person.number, purpose="customer_service")
    from dataclasses import replace

    customers.update(
        ds, person.number, replace(current.to_draft(), language=Language(language)),
        expected_version=current.version, source=DataSource.CUSTOMER_LETTER,
    )  # fmt: skip
    [request] = [r for r in requests.list_requests(privacy) if r.customer_number == person.number]
    result = erasure.erase(privacy, person.number, "Art. 17", request_id=request.id)
    assert result.letter_id is not None
    pdf = requests.letter_pdf(privacy, result.letter_id)
    (tmp_path / f"erasure-{language}.pdf").write_bytes(pdf)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert result.reference in text
    assert f"{FIRST} {SURNAME}" in text  # addressed from the data before the erasure
    assert str(privacy.db.engine.url) and result.record.letters_kept_until is not None
    done = requests.get(privacy, request.id)
    assert done.status.value == "done"
    assert [letter.kind for letter in done.letters] == ["erasure"]


def test_the_suppression_list_still_blocks_the_erased_persons_email_and_phone(
    ds, privacy, tmp_path
) -> None:
    from datetime import date

    from kkdesk.domain.consent import ConsentItem, Evidence, MarketingChannel, MarketingPurpose
    from kkdesk.domain.customer import CustomerDraft
    from kkdesk.domain.enums import Channel, DataSource
    from kkdesk.services import consents, customers, marketing
    from tests.erasure_factory import EMAIL, MOBILE

    person = rich_person(ds, orders=0)
    erasure.erase(privacy, person.number, "Art. 17")
    # The same person comes back under a new record and ticks every consent box.
    back = customers.create(
        ds,
        CustomerDraft(surname="Uusi", first_names="Asiakas", street="Katu 1",
                      postal_code="00100", post_office="HELSINKI", email=EMAIL,
                      phone_mobile=MOBILE),
        source=DataSource.CUSTOMER_WEBSHOP,
    ).number  # fmt: skip
    for item in (ConsentItem.EMAIL_MARKETING, ConsentItem.SMS_MARKETING):
        consents.record(ds, back, item, True, Evidence(date.today(), Channel.WEBSHOP, "W-1"))
    marketer = DeskSession(ds.db, Level.MARKETING)
    checked = 0
    # The person prohibited direct marketing (every channel) and withdrew consent to
    # e-mail marketing (every purpose): what they forbade stays forbidden after erasure.
    for purpose in MarketingPurpose:
        for channel in (MarketingChannel.EMAIL, MarketingChannel.SMS):
            if purpose is not MarketingPurpose.DIRECT_MARKETING and (
                channel is not MarketingChannel.EMAIL
            ):
                continue
            path = tmp_path / f"{purpose}-{channel}.csv"
            marketing.export(marketer, purpose, channel, path)
            text = path.read_text("utf-8-sig")
            assert back not in text and EMAIL not in text and MOBILE[4:] not in text, (
                purpose,
                channel,
            )
            checked += 1
    assert checked == len(MarketingPurpose) + 1


def test_free_texts_that_are_only_partly_the_persons_lose_only_their_values() -> None:
    from datetime import date

    from kkdesk.domain.erasure import personal_strings, scrub

    values = personal_strings(
        {"surname": "Kivi", "first_names": "Aino", "phone_mobile": "+358401234567",
         "birth_date": date(1980, 2, 3), "extra": '{"nickname": "Ainoliini"}'}
    )  # fmt: skip
    text = "Aino Kivi (3.2.1980, 0401234567, 'Ainoliini') and Pekka Mäki were disclosed"
    assert scrub(text, values) == (
        "[erased] ([erased], [erased], '[erased]') and Pekka Mäki were disclosed"
    )


def test_a_restricted_customer_is_neither_erased_nor_merged_until_lifted(ds, privacy) -> None:
    from kkdesk.domain.restriction import RestrictionGround
    from kkdesk.services import merge, restrictions

    person = rich_person(ds, orders=1, restriction=False)
    twin = rich_person(ds, orders=0, restriction=False)
    restrictions.restrict(
        privacy, person.number, RestrictionGround.UNLAWFUL_PROCESSING,
        "asks that the data be kept instead of erased",
    )  # fmt: skip
    before = sorted(text_hits(ds.db.engine, person.values))
    with pytest.raises(RuleViolation) as refused:
        erasure.erase(privacy, person.number, "Art. 17")
    assert refused.value.code == "erase_restricted"
    assert refused.value.params["number"] == person.number
    # The retention run does not list it either (it would be refused the same way).
    for kept, other in ((person.number, twin.number), (twin.number, person.number)):
        with pytest.raises(RuleViolation) as merging:
            merge.merge(privacy, kept, other)
        assert merging.value.code == "merge_restricted"
        with pytest.raises(RuleViolation):
            merge.preview(privacy, kept, other)
    assert sorted(text_hits(ds.db.engine, person.values)) == before
    with ds.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.ErasureRow)) == 0
        assert s.scalar(select(func.count()).select_from(m.CustomerMerge)) == 0
    notice = restrictions.make_lift_notice(privacy, person.number)
    restrictions.lift(privacy, person.number, notice.letter_id)
    erasure.erase(privacy, person.number, "Art. 17, restriction lifted")


def test_a_record_merged_into_the_erased_one_is_erased_with_it(ds, privacy) -> None:
    from datetime import date

    from kkdesk.domain.consent import ConsentItem, Evidence
    from kkdesk.domain.enums import Channel
    from kkdesk.services import consents, merge
    from tests.erasure_factory import FIRST, SURNAME

    person = rich_person(ds, orders=1)
    twin = rich_person(ds, orders=1, privacy=privacy)
    consents.record(
        ds, twin.number, ConsentItem.SMS_MARKETING, False,
        Evidence(date.today(), Channel.PHONE, "call 9", note=f"{FIRST} {SURNAME} on the twin"),
    )  # fmt: skip
    merge.merge(privacy, person.number, twin.number)
    erasure.erase(privacy, person.number, "Art. 17, both records")
    after = walk(ds.db.engine, person.values, (BIRTH,))
    assert not after.unexpected(), sorted(after.unexpected())


def test_erasing_by_a_merged_away_number_erases_the_kept_record(ds, privacy) -> None:
    from kkdesk.services import merge

    person = rich_person(ds, orders=1)
    twin = rich_person(ds, orders=0)
    merge.merge(privacy, person.number, twin.number)
    result = erasure.erase(privacy, twin.number, "Art. 17, asked under the old number")
    assert result.record.customer_number == person.number
    assert not walk(ds.db.engine, person.values, (BIRTH,)).unexpected()
