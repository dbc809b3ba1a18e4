"""A register in which every step letter has something to say: two customers (the second
one a neighbour whose data must never reach the first one's letters), an address from an
update service, a disclosure, a prohibition and an objection, a request of every kind, and
a request from someone who is not a customer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from kkdesk.domain.consent import ConsentItem, Evidence
from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind
from kkdesk.domain.enums import Channel, DataSource, Language, Purpose
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.services import consents, customers, disclosures, requests
from kkdesk.services.session import DeskSession

NEW_STREET = "Kauppakatu 12 B 7"
UPDATE_DETAIL = "Postin osoitteenmuutospalvelu"
RECIPIENT = "Itä-Uudenmaan poliisilaitos"
NEIGHBOUR_EMAIL = "naapuri.nieminen@example.fi"
NEIGHBOUR_PHONE = "0401112233"
OUTSIDER = "Olli Ulkopuolinen"


@dataclass(frozen=True)
class World:
    number: str
    neighbour: str
    requests: dict[RequestKind, int]
    outsider_request: int


def build_world(ds: DeskSession, language: Language = Language.FI) -> World:
    today = requests.today()
    me = customers.create(
        ds,
        CustomerDraft(
            surname="Virtanen", first_names="Aino", street="Kauppakatu 1", postal_code="40100",
            post_office="JYVÄSKYLÄ", email="aino.virtanen@example.fi", language=language,
        ),
        source=DataSource.CUSTOMER_WEBSHOP,
    )  # fmt: skip
    neighbour = customers.create(
        ds,
        CustomerDraft(
            surname="Nieminen", first_names="Naapuri", street="Kauppakatu 1", postal_code="40100",
            post_office="JYVÄSKYLÄ", email=NEIGHBOUR_EMAIL, phone_mobile=NEIGHBOUR_PHONE,
        ),
        source=DataSource.CUSTOMER_PHONE,
    )  # fmt: skip
    ids = {
        kind: requests.add(ds, me.number, kind, received_on=today - timedelta(days=3),
                           channel=Channel.LETTER, identity_method="signature").id
        for kind in RequestKind
    }  # fmt: skip
    # After the rectification request: the address, from an update service (Art. 14, 19).
    current = customers.get(ds, me.number, purpose=Purpose.SUBJECT_REQUEST)
    customers.update(
        ds, me.number, replace(current.to_draft(), street=NEW_STREET),
        expected_version=current.version, source=DataSource.UPDATE_SERVICE,
        source_detail=UPDATE_DETAIL,
    )  # fmt: skip
    disclosures.record(
        ds, me.number,
        DisclosureDraft(DisclosureKind.AUTHORITY, today - timedelta(days=20), RECIPIENT,
                        "Poliisilaki 872/2011", "Nimi ja osoite"),
    )  # fmt: skip
    for item, state in ((ConsentItem.DIRECT_ADVERTISING, True), (ConsentItem.OBJECTION, True)):
        consents.record(ds, me.number, item, state,
                        Evidence(today - timedelta(days=2), Channel.LETTER, "KIRJE-1"))  # fmt: skip
    consents.record(ds, neighbour.number, ConsentItem.MARKET_RESEARCH, True,
                    Evidence(today - timedelta(days=2), Channel.PHONE, "PUH-9"))  # fmt: skip
    outsider = requests.add(
        ds, "", RequestKind.ACCESS, received_on=today - timedelta(days=1), channel=Channel.LETTER,
        requester_name=OUTSIDER, requester_address="Rantatie 3\n90100 OULU",
    )  # fmt: skip
    return World(me.number, neighbour.number, ids, outsider.id)
