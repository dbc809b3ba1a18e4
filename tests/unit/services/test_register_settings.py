"""The register information stored in ``register_setting``; only admins change it."""

from __future__ import annotations

import pytest

from kkdesk.domain import register_info as ri
from kkdesk.domain.levels import Level
from kkdesk.errors import PermissionDenied, ValidationFailed
from kkdesk.services import register_settings
from kkdesk.services.session import DeskSession


def test_fresh_register_reads_the_defaults(ds: DeskSession) -> None:
    assert register_settings.get(ds) == ri.DEFAULT


def test_set_reset_and_seed(ds: DeskSession) -> None:
    info = register_settings.set_value(ds, "contact_phone", "09 123 4567")
    assert info.contact_phone == "09 123 4567"
    assert register_settings.get(ds).contact_phone == "09 123 4567"
    assert "contact_phone" in register_settings.stored_keys(ds)
    assert register_settings.reset(ds, "contact_phone").contact_phone == ri.DEFAULT.contact_phone
    assert register_settings.seed(ds) == len(ri.KINDS)
    assert register_settings.seed(ds) == 0
    assert register_settings.get(ds) == ri.DEFAULT


def test_invalid_values_are_not_stored(ds: DeskSession) -> None:
    with pytest.raises(ValidationFailed):
        register_settings.set_value(ds, "controller_name", "")
    assert register_settings.get(ds) == ri.DEFAULT


@pytest.mark.parametrize("level", [Level.PRIVACY, Level.CLERK, Level.VIEWER])
def test_only_admin_edits(ds: DeskSession, level: Level) -> None:
    with pytest.raises(PermissionDenied):
        register_settings.set_value(DeskSession(ds.db, level), "contact_name", "X")


def test_letters_may_be_set_to_name_staff(ds: DeskSession) -> None:
    assert register_settings.set_value(ds, "letters_name_staff", True).letters_name_staff
    with pytest.raises(ValidationFailed):
        register_settings.set_value(ds, "letters_name_staff", "true")
    assert register_settings.get(ds).letters_name_staff is True
