"""Restriction of processing (GDPR Art. 18) on the embedded register: the services refuse
what a restriction forbids with the server's error code, keep allowing what reduces
processing, and lift only after the Art. 18(3) notice was made."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kkdesk.domain.consent import ConsentItem, Evidence, MarketingChannel, MarketingPurpose
from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.enums import Channel, CustomerType, DataSource, Language, Purpose
from kkdesk.domain.letters import LetterKind
from kkdesk.domain.levels import Level
from kkdesk.domain.restriction import NO_NOTICE_CODE, REFUSED_CODE, RestrictionGround
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.errors import PermissionDenied, RuleViolation, ValidationFailed
from kkdesk.services import (
    address_updates,
    consents,
    customers,
    disclosures,
    marketing,
    overview,
    restrictions,
    step_letters,
)
from kkdesk.services.session import DeskSession
from kkdesk.store import models as m
from tests.orders_factory import OrderSpec, add_orders, day
from tests.step_factory import World, build_world
from tests.unit.reports.pdftext import pages, squeezed

GROUND = RestrictionGround.ACCURACY_CONTESTED
COMPANY = CustomerDraft(
    type=CustomerType.COMPANY, company_name="Virtanen & Poika Oy", business_id="2331972-7",
    street="Teollisuustie 5", postal_code="33100", post_office="Tampere",
    contacts=(ContactPersonDraft(surname="Virtanen", first_names="Ville"),),
)  # fmt: skip


@pytest.fixture
def world(ds: DeskSession) -> World:
    return build_world(ds)


def _restrict(ds: DeskSession, world: World) -> None:
    restrictions.restrict(
        ds, world.number, GROUND, "Osoitteen oikeellisuus kiistetty",
        request_id=world.requests[RequestKind.RESTRICTION],
    )  # fmt: skip


def _refused(exc: pytest.ExceptionInfo[RuleViolation], what: str) -> None:
    assert exc.value.code == REFUSED_CODE
    assert exc.value.params["what"] == what


def test_a_restriction_is_recorded_and_shown_in_the_header_and_search(
    ds: DeskSession, world: World
) -> None:
    _restrict(ds, world)
    now = restrictions.current(ds, world.number)
    assert now is not None and now.in_force and now.ground is GROUND
    assert now.started_by == ds.user and now.request_id == world.requests[RequestKind.RESTRICTION]
    head = overview.overview(ds, world.number)
    assert head.processing_restricted_since == now.started_at.date() and head.restricted
    hits = {r.number: r.restricted for r in customers.search(ds, "virtanen aino").rows}
    assert hits == {world.number: True}
    assert not any(r.restricted for r in customers.search(ds, "nieminen").rows)
    with pytest.raises(RuleViolation) as twice:
        _restrict(ds, world)
    assert twice.value.code == "already_restricted"


def test_edits_of_the_customer_and_its_contact_persons_are_refused(
    ds: DeskSession, world: World
) -> None:
    _restrict(ds, world)
    current = customers.get(ds, world.number, purpose=Purpose.CUSTOMER_SERVICE)
    with pytest.raises(RuleViolation) as refused:
        customers.update(ds, world.number, replace(current.to_draft(), street="Muutettu 1"),
                         expected_version=current.version,
                     source=DataSource.CUSTOMER_PHONE)  # fmt: skip
    _refused(refused, "edit")
    assert customers.get(ds, world.number, purpose="x").street == current.street
    company = customers.create(ds, COMPANY, source=DataSource.CUSTOMER_PHONE)
    restrictions.restrict(ds, company.number, RestrictionGround.LEGAL_CLAIMS, "Riita-asia")
    for contacts in ((), (*company.to_draft().contacts, ContactPersonDraft("Uusi", "Henkilö"))):
        with pytest.raises(RuleViolation) as refused:
            customers.update(ds, company.number, replace(company.to_draft(), contacts=contacts),
                             expected_version=company.version,
                             source=DataSource.CUSTOMER_PHONE)  # fmt: skip
        _refused(refused, "edit")


def test_consent_withdrawals_and_prohibitions_stay_recordable(
    ds: DeskSession, world: World
) -> None:
    _restrict(ds, world)
    evidence = Evidence(customers.today() - timedelta(days=1), Channel.LETTER, "K-2")
    consents.record(ds, world.number, ConsentItem.DISTANCE_SELLING, True, evidence)
    consents.record(ds, world.number, ConsentItem.EMAIL_MARKETING, False, evidence)


def test_exports_and_third_party_disclosures_leave_a_restricted_customer_out(
    ds: DeskSession, world: World, tmp_path: Path
) -> None:
    purpose, channel = MarketingPurpose.MARKET_RESEARCH, MarketingChannel.POST

    def exported(tag: str) -> set[str]:
        out = tmp_path / f"{tag}.csv"
        marketing.export(ds, purpose, channel, out)
        return {line.split(",")[0].strip('"\ufeff') for line in out.read_text().splitlines()}

    # Unrestricted she is exported (the objection of build_world stops her: lift it).
    evidence = Evidence(customers.today(), Channel.LETTER, "K-3")
    consents.record(ds, world.number, ConsentItem.OBJECTION, False, evidence)
    consents.record(ds, world.number, ConsentItem.DIRECT_ADVERTISING, False, evidence)
    before = marketing.preview(ds, purpose, channel)
    assert world.number in exported("before")
    _restrict(ds, world)
    assert marketing.preview(ds, purpose, channel) == before - 1
    assert world.number not in exported("after")
    third = DisclosureDraft(DisclosureKind.THIRD_PARTY, customers.today(), "Kumppani Oy",
                            "Asiakkaan pyyntö", "Nimi")  # fmt: skip
    with pytest.raises(RuleViolation) as refused:
        disclosures.record(ds, world.number, third)
    _refused(refused, "export")
    # An authority's demand under law is still recorded (Art. 18(2)).
    disclosures.record(ds, world.number, replace(third, kind=DisclosureKind.AUTHORITY))


def test_letters_to_others_and_new_orders_are_refused(ds: DeskSession, world: World) -> None:
    _restrict(ds, world)
    with pytest.raises(RuleViolation) as refused:
        step_letters.generate(ds, LetterKind.RECIPIENT_NOTICE,
                              request_id=world.requests[RequestKind.RECTIFICATION])  # fmt: skip
    _refused(refused, "letter")
    # Art. 19: the recipients are told of the restriction itself.
    told = step_letters.generate(ds, LetterKind.RECIPIENT_NOTICE,
                                 request_id=world.requests[RequestKind.RESTRICTION])  # fmt: skip
    assert told and told[0].addressee
    # Letters to the person herself still go.
    step_letters.generate(ds, LetterKind.ACKNOWLEDGEMENT,
                          request_id=world.requests[RequestKind.ERASURE])  # fmt: skip
    with pytest.raises(RuleViolation) as order:
        add_orders(ds, world.number, [OrderSpec("T-9001", day(1), [])])
    _refused(order, "order")
    add_orders(ds, world.neighbour, [OrderSpec("T-9002", day(1), [])])


def test_an_address_update_skips_a_restricted_customer(ds: DeskSession, world: World) -> None:
    _restrict(ds, world)
    data = (
        "customer_number,new_street,new_postal_code,new_post_office,valid_from\n"
        f"{world.number},Uusikatu 5,40200,JYVÄSKYLÄ,2026-01-01\n"
        f"{world.neighbour},Uusikatu 7,40200,JYVÄSKYLÄ,2026-01-01\n"
    ).encode()
    applied = address_updates.apply(ds, data, source="Posti")
    assert applied.changed_numbers == (world.neighbour,)
    [skipped] = [o for o in applied.preview.outcomes if o.number == world.number]
    assert skipped.reason == "restricted"


def test_lifting_needs_the_notice_first(ds: DeskSession, world: World) -> None:
    _restrict(ds, world)
    with pytest.raises(RuleViolation) as none:
        restrictions.lift(ds, world.number, None)
    assert none.value.code == NO_NOTICE_CODE
    other = step_letters.generate(ds, LetterKind.ACKNOWLEDGEMENT,
                                  request_id=world.requests[RequestKind.RESTRICTION])  # fmt: skip
    with pytest.raises(RuleViolation) as wrong:
        restrictions.lift(ds, world.number, other[0].letter_id)
    assert wrong.value.code == NO_NOTICE_CODE
    assert restrictions.current(ds, world.number) is not None
    notice = restrictions.make_lift_notice(ds, world.number, reason="Osoite tarkistettu")
    with ds.db.read() as session:
        letter = session.get(m.RequestLetter, notice.letter_id)
        assert letter is not None and letter.kind == "restriction_lift"
        assert letter.request_id == world.requests[RequestKind.RESTRICTION]
        assert letter.addressee == "" and letter.pdf == notice.pdf
    lifted = restrictions.lift(ds, world.number, notice.letter_id)
    assert lifted.lifted_at is not None and lifted.notice_letter_id == notice.letter_id
    assert restrictions.current(ds, world.number) is None
    assert overview.overview(ds, world.number).processing_restricted_since is None
    with pytest.raises(RuleViolation) as again:
        restrictions.lift(ds, world.number, notice.letter_id)
    assert again.value.code == "not_restricted"
    # Edits go again; the history keeps the lifted restriction.
    current = customers.get(ds, world.number, purpose="x")
    customers.update(ds, world.number, replace(current.to_draft(), street="Uusi 1"),
                     expected_version=current.version,
                     source=DataSource.CUSTOMER_PHONE)  # fmt: skip
    [old] = restrictions.history(ds, world.number)
    assert not old.in_force and old.lifted_by == ds.user


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (Language.FI, ("18artiklan3kohdan", "Rajoituksenperuste", "Osoitetarkistettu")),
        (Language.SV, ("artikel18.3", "Grundförbegränsningen", "Osoitetarkistettu")),
        (Language.EN, ("Article18(3)", "Groundfortherestriction", "Osoitetarkistettu")),
    ],
)
def test_the_notice_says_what_art_18_3_asks_in_each_language(
    ds: DeskSession, world: World, language: Language, words: tuple[str, ...]
) -> None:
    _restrict(ds, world)
    notice = restrictions.make_lift_notice(
        ds, world.number, language=language, reason="Osoite tarkistettu"
    )
    text = squeezed(pages(notice.pdf))
    for word in (*words, "AinoVirtanen", world.number):
        assert word in text, word
    assert notice.file_name.endswith(f"-{language.value}.pdf")


def test_only_the_privacy_levels_restrict_and_lift(ds: DeskSession, world: World) -> None:
    for level in (Level.VIEWER, Level.CLERK, Level.MARKETING):
        ds.level = level
        assert not restrictions.can_manage(ds)
        with pytest.raises(PermissionDenied):
            _restrict(ds, world)
    ds.level = Level.PRIVACY
    assert restrictions.can_manage(ds)
    with pytest.raises(ValidationFailed):
        restrictions.restrict(ds, world.number, GROUND, "  ")
    with pytest.raises(ValidationFailed):
        restrictions.restrict(ds, world.number, "nonsense", "x")
    _restrict(ds, world)
    with ds.db.read() as session:
        grounds = session.scalars(select(m.ProcessingRestriction.ground)).all()
    assert grounds == [GROUND.value]
