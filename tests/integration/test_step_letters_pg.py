"""The step letters, their sending record and the register settings editor on the real
PostgreSQL server: the privacy level makes and records letters, the server refuses the
sending record to other levels and the settings to all but admin, whatever they claim."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from kkdesk.domain.customer import CustomerDraft
from kkdesk.domain.enums import DataSource, Purpose
from kkdesk.domain.letters import LetterKind
from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied
from kkdesk.services import audit, customers, register_settings, requests, step_letters
from kkdesk.services.session import DeskSession

pytestmark = pytest.mark.postgres

DRAFT = CustomerDraft(
    surname="Kirjeinen", first_names="Kaisa", street="Postikatu 1", postal_code="00100",
    post_office="HELSINKI", email="kaisa.kirjeinen@example.fi",
)  # fmt: skip


def test_letters_sending_and_settings_on_postgres(pg_db: Any) -> None:
    clerk = pg_db.session(pg_db.add_user(Level.CLERK))
    privacy = pg_db.session(pg_db.add_user(Level.PRIVACY))
    admin = pg_db.session(pg_db.add_user(Level.ADMIN))
    number = customers.create(clerk, DRAFT, source=DataSource.CUSTOMER_WEBSHOP).number
    current = customers.get(clerk, number, purpose=Purpose.CUSTOMER_SERVICE)
    customers.update(clerk, number, replace(current.to_draft(), street="Uusikatu 2"),
                     expected_version=current.version, source=DataSource.UPDATE_SERVICE,
                     source_detail="Posti")  # fmt: skip

    rid = requests.add(privacy, number, "access", received_on=requests.today(),
                       channel="letter").id  # fmt: skip
    [ack] = step_letters.generate(privacy, LetterKind.ACKNOWLEDGEMENT, request_id=rid)
    sent = step_letters.record_sending(privacy, ack.letter_id, "post")
    assert sent.sent_via == "post"
    assert requests.get(privacy, rid).letters[0].sent_on == requests.today()

    # Art. 14: derived from the change history, made and archived on the customer.
    [due] = step_letters.source_notices_due(privacy)
    assert due.customer_number == number
    [notice] = step_letters.generate_source_notices(privacy)
    assert notice.letter_id and step_letters.source_notices_due(privacy) == []

    # A clerk claiming admin: the server itself refuses the sending record and the letters.
    claiming: DeskSession = DeskSession(clerk.db, Level.ADMIN)
    with pytest.raises(PermissionDenied):
        step_letters.generate(claiming, LetterKind.ACKNOWLEDGEMENT, request_id=rid)

    # The register settings: admin edits (audited); privacy claiming admin is refused.
    register_settings.set_many(admin, {"contact_email": "rekisteri@example.fi"})
    assert register_settings.get(privacy).contact_email == "rekisteri@example.fi"
    with pytest.raises(PermissionDenied):
        register_settings.set_many(DeskSession(privacy.db, Level.ADMIN), {"contact_name": "X"})
    assert any("contact_email" in e.detail for e in audit.trail(privacy, ""))
