"""Every error code the domain raises has a translated sentence at the field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kkdesk.domain import validation
from kkdesk.errors import (
    AuthenticationFailed,
    DatabaseUnavailable,
    FieldError,
    KeyringUnavailable,
    KnownError,
    NotFound,
    PasswordInUrl,
    PermissionDenied,
    RuleViolation,
    ValidationFailed,
)
from kkdesk.ui.errors import describe_error, field_label, field_message

_CODE = re.compile(r"""(?:FieldInvalid|FieldError)\(\s*(?:[^,()]+,\s*)?["']([a-z_]+)["']""")


def _codes_in_validation() -> set[str]:
    text = Path(validation.__file__).read_text(encoding="utf-8")
    codes = set(_CODE.findall(text))
    assert {"required", "phone", "postal_code_fi"} <= codes  # the pattern still works
    return codes


@pytest.mark.parametrize("code", sorted(_codes_in_validation()))
def test_every_validation_code_has_a_message(qapp: QApplication, code: str) -> None:
    message = field_message(code, {"max": 100})
    assert message and message != code
    assert "%1" not in message


def test_unknown_code_falls_back_to_the_english_message(qapp: QApplication) -> None:
    assert field_message("brand_new", {}, "is odd") == "is odd"


@pytest.mark.parametrize(
    "exc",
    [
        NotFound("x"),
        PermissionDenied("x"),
        DatabaseUnavailable("x"),
        AuthenticationFailed("x"),
        KeyringUnavailable("x"),
        RuleViolation("x"),
        RuleViolation("x", code="type_change"),
        PasswordInUrl("$KKDESK_DB"),
        KnownError("x", code="no_such_folder", folder="/x"),
        KnownError("x", code="file_unwritable", path="/x/y", reason="Disk full"),
        KnownError("x", code="insecure_connection", host="db.example.fi", sslmode="prefer"),
    ],
)
def test_known_errors_have_sentences(qapp: QApplication, exc: KnownError) -> None:
    text = describe_error(exc)
    assert text and text != exc.code and text != exc.message
    assert "%1" not in text and "%2" not in text


def test_validation_failed_lists_fields(qapp: QApplication) -> None:
    exc = ValidationFailed({"email": FieldError("email", "email", "bad")})
    assert "E-mail: Not an e-mail address" in describe_error(exc)
    assert field_label("contacts[0].email") == "E-mail"


def test_bug_is_named_a_bug(qapp: QApplication) -> None:
    assert "bug" in describe_error(ZeroDivisionError())


def test_the_desk_refuses_a_password_in_kkdesk_db(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kkdesk import app
    from kkdesk.config import Preferences

    monkeypatch.setenv("KKDESK_DB", "postgresql://anna:secret@db.example.fi/kkdesk")
    with pytest.raises(PasswordInUrl) as info:
        app.open_desk_session(Preferences())
    text = describe_error(info.value)
    assert "KKDESK_DB" in text and "secret" not in text
