"""Several register settings saved at once (the desk's editor): all validated first, none
stored if one is refused; every change audited; empty contact fields reported."""

from __future__ import annotations

import pytest

from kkdesk.domain import register_info as ri
from kkdesk.domain.letters import empty_contact_fields
from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied, ValidationFailed
from kkdesk.services import audit, register_settings
from kkdesk.services.session import DeskSession, open_session


def test_set_many_stores_all_or_nothing_and_audits(ds: DeskSession) -> None:
    with pytest.raises(ValidationFailed) as bad:
        register_settings.set_many(
            ds, {"contact_name": "Maija", "controller_name": "", "authority_address": "x"}
        )
    assert set(bad.value.errors) == {"controller_name", "authority_address"}
    assert register_settings.get(ds) == ri.DEFAULT  # not even the valid one was stored
    info = register_settings.set_many(
        ds,
        {
            "contact_name": "Maija Meikäläinen",
            "authority_name": {"fi": "Tietosuojavaltuutettu", "sv": "Dataombudsmannen", "en": ""},
        },
    )
    assert info.contact_name == "Maija Meikäläinen"
    assert info.authority_name.get("en") == "Tietosuojavaltuutettu"  # falls back to Finnish
    values, stored = register_settings.editor_state(ds)
    assert values["contact_name"] == "Maija Meikäläinen" and set(stored) == {
        "contact_name",
        "authority_name",
    }
    details = [e.detail for e in audit.trail(ds, "")]
    assert "register setting contact_name set" in details
    assert "register setting authority_name set" in details


def test_only_an_admin_edits(ds: DeskSession, db_path: object) -> None:
    privacy = open_session(str(db_path), level=Level.PRIVACY)
    try:
        with pytest.raises(PermissionDenied):
            register_settings.set_many(privacy, {"contact_name": "X"})
    finally:
        privacy.close()


def test_empty_contact_fields() -> None:
    assert empty_contact_fields(ri.DEFAULT) == ("controller_email", "contact_email")
    blank = ri.from_settings({"contact_name": "", "contact_phone": ""})
    assert set(empty_contact_fields(blank)) == {
        "controller_email",
        "contact_name",
        "contact_phone",
        "contact_email",
    }
