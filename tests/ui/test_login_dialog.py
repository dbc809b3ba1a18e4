"""The login dialog without a server: its messages, and life without a keyring."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kkdesk.auth.profiles import Profile
from kkdesk.auth.testing import memory_keyring, no_keyring
from kkdesk.config import Preferences
from kkdesk.errors import AuthenticationFailed, DatabaseUnavailable, KeyringUnavailable
from kkdesk.ui.login_dialog import LoginDialog, describe_login_error

OFFICE = Profile("office", "127.0.0.1", "kkdesk", user="anna", port=1)


def make(qtbot: Any, profiles: list[Profile]) -> LoginDialog:
    dialog = LoginDialog(Preferences(last_profile="office"), profiles=profiles)
    qtbot.addWidget(dialog)
    return dialog


def test_profile_fills_the_form(qtbot: Any) -> None:
    with memory_keyring():
        dialog = make(qtbot, [Profile("other", "h", "d"), OFFICE])
    assert dialog.profile.currentText() == "office"
    assert (dialog.host.text(), dialog.port.value(), dialog.user.text()) == (
        "127.0.0.1",
        1,
        "anna",
    )
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()


def test_unreachable_server_is_said_so(qtbot: Any) -> None:
    with memory_keyring():
        dialog = make(qtbot, [OFFICE])
        dialog.password.setText("pw")
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=15000)
    assert "cannot be reached" in dialog.status.text()
    assert dialog.result_sign_in is None
    assert dialog.password.text() == ""
    assert dialog.details_shown  # the sentence asks to check the host and the port


def test_without_keyring_the_dialog_still_works(qtbot: Any) -> None:
    with no_keyring():
        dialog = make(qtbot, [OFFICE])
        assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
        assert "keyring" in dialog.remember.toolTip()
        dialog.ok_button.click()  # no password, and no keyring to find one in
        assert dialog.status.text() == "Enter your password."
        dialog.password.setText("pw")
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=15000)
    assert "cannot be reached" in dialog.status.text()


def test_user_name_is_required(qtbot: Any) -> None:
    with memory_keyring():
        dialog = make(qtbot, [OFFICE])
        dialog.user.clear()
        dialog.ok_button.click()
    assert dialog.status.text() == "Enter your user name."


CODES = (
    "wrong_password",
    "unknown_user",
    "password_expired",
    "auth_failed",
    "saved_password_refused",
    "account_disabled",
    "no_level",
    "password_needed",
    "schema_outdated",
)


def test_each_failure_has_its_own_sentence(qapp: Any) -> None:
    failures: list[Exception] = [
        *(AuthenticationFailed("x", code=code, user="anna") for code in CODES),
        DatabaseUnavailable("x"),
        KeyringUnavailable("x"),
    ]
    sentences = [describe_login_error(exc) for exc in failures]
    assert "x" not in sentences and all(sentences)
    assert len(set(sentences)) == len(failures)


def test_messages_name_the_user_and_the_expiry(qapp: Any) -> None:
    unknown = describe_login_error(AuthenticationFailed("x", code="unknown_user", user="anna.k"))
    assert "anna.k" in unknown
    expired = AuthenticationFailed(
        "x", code="password_expired", expired_at=datetime(2026, 10, 1, 12, tzinfo=UTC)
    )
    assert "2026" in describe_login_error(expired)
    assert "expired" in describe_login_error(AuthenticationFailed("x", code="password_expired"))


def test_ca_certificate_only_for_the_verifying_modes(qtbot: Any) -> None:
    with memory_keyring():
        dialog = make(qtbot, [])
    assert dialog.sslmode.currentText() == "prefer"  # a new profile starts at the default
    assert not dialog.sslrootcert.isEnabled()
    dialog.sslmode.setCurrentText("verify-full")
    assert dialog.sslrootcert.isEnabled()


def test_an_error_stands_out(qtbot: Any) -> None:
    with memory_keyring():
        dialog = make(qtbot, [OFFICE])
        dialog.user.clear()
        dialog.ok_button.click()
    assert dialog.status.property("error") is True


def test_the_embedded_database_can_be_opened_instead_and_stays_the_default(
    qtbot: Any, monkeypatch: Any, tmp_path: Any
) -> None:
    """Once a central profile was used, the desk starts with this dialog: it must also lead
    back to the workstation's own database, and that choice must stick."""
    from kkdesk import app
    from kkdesk.store.database import default_sqlite_path

    Preferences(last_profile="office").save()
    # $KKDESK_DB naming a central database must not be what "embedded" opens.
    monkeypatch.setenv("KKDESK_DB", "postgresql://anna@127.0.0.1:1/kkdesk")
    shown: list[LoginDialog] = []

    def choose_embedded(dialog: LoginDialog) -> int:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        assert dialog.embedded_button.isEnabled() and dialog.embedded_button.toolTip()
        dialog.embedded_button.click()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", choose_embedded)
    with memory_keyring():
        ds = app.open_desk_session(Preferences.load())
    assert ds is not None and len(shown) == 1 and shown[0].chose_embedded
    try:
        assert ds.is_embedded and str(default_sqlite_path()) in ds.describe()
    finally:
        ds.close()
    assert Preferences.load().last_profile == ""

    # Next start: straight to the embedded database, no dialog.
    monkeypatch.delenv("KKDESK_DB")
    again = app.open_desk_session(Preferences.load())
    assert again is not None and again.is_embedded and len(shown) == 1
    again.close()


def test_a_cancelled_dialog_changes_nothing(qtbot: Any, monkeypatch: Any) -> None:
    from kkdesk.ui.login_dialog import sign_in

    prefs = Preferences(last_profile="office")
    prefs.save()

    def cancel(dialog: LoginDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", cancel)

    def never() -> Any:
        raise AssertionError("the embedded database was opened")

    with memory_keyring():
        assert sign_in(prefs, open_embedded=never) is None
    assert Preferences.load().last_profile == "office"


def test_no_embedded_choice_while_signing_in(qtbot: Any) -> None:
    with memory_keyring():
        dialog = make(qtbot, [OFFICE])
        dialog.password.setText("pw")
        dialog.ok_button.click()
        assert not dialog.embedded_button.isEnabled()  # the attempt runs on a worker
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=15000)
    assert dialog.embedded_button.isEnabled() and not dialog.chose_embedded


def test_a_remote_server_without_tls_is_refused_unless_the_profile_opted_in(qtbot: Any) -> None:
    lan = Profile("lan", "db.lan.example", "kkdesk", user="anna", port=1, sslmode="disable")
    with memory_keyring():
        dialog = make(qtbot, [lan])
        dialog.profile.setCurrentText("lan")
        dialog.password.setText("pw")
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=15000)
    text = dialog.status.text()
    assert "db.lan.example" in text and "encrypted" in text and "verify-full" in text
    assert dialog.result_sign_in is None
    # The opt-in saved with 'kkdesk login' is kept for that profile and host only.
    opted = Profile("lan", "db.lan.example", "kkdesk", sslmode="disable", allow_insecure=True)
    with memory_keyring():
        dialog = make(qtbot, [opted])
        dialog.profile.setCurrentText("lan")
        assert dialog.chosen_profile().allow_insecure
        dialog.host.setText("elsewhere.example")
        assert not dialog.chosen_profile().allow_insecure


def _it_file(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "profiles.toml").write_text(
        '[profiles."Helsinki office"]\nhost = "db.konekesko.example"\ndatabase = "kkdesk"\n'
        'sslmode = "verify-full"\nsslrootcert = "/etc/ssl/konekesko-ca.pem"\n',
        encoding="utf-8",
    )


def test_profiles_from_it_are_shown_read_only(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtCore import Qt

    from kkdesk.auth import profiles

    _it_file(tmp_path / "site")
    monkeypatch.setenv("KKDESK_SITE_CONFIG_DIR", str(tmp_path / "site"))
    profiles.save_profiles([Profile("own", "db.own.example", "kkdesk", user="anna")])
    with memory_keyring():
        dialog = LoginDialog(Preferences(last_profile="Helsinki office"))
    qtbot.addWidget(dialog)
    dialog.details_button.click()
    assert dialog.profile.currentText() == "Helsinki office"
    assert dialog.profile.itemData(0, Qt.ItemDataRole.ToolTipRole) == "Provided by IT"
    assert dialog.it_note.isVisibleTo(dialog)
    assert dialog.host.isReadOnly() and dialog.database.isReadOnly() and dialog.port.isReadOnly()
    assert not dialog.sslmode.isEnabled()
    assert not dialog.user.isReadOnly()  # the login name is the user's own
    dialog.user.setText("avirtanen")
    dialog.host.setText("elsewhere.example")  # not by the user's keyboard; still IT's host
    chosen = dialog.chosen_profile()
    assert (chosen.host, chosen.sslmode, chosen.user) == (
        "db.konekesko.example",
        "verify-full",
        "avirtanen",
    )

    dialog.profile.setCurrentText("own")  # the user's own profile stays editable
    assert not dialog.it_note.isVisibleTo(dialog)
    assert not dialog.host.isReadOnly() and dialog.sslmode.isEnabled()
    assert dialog.profile.itemData(1, Qt.ItemDataRole.ToolTipRole) is None

    dialog.profile.setEditText("my copy")  # a new name over IT's details: an own profile
    assert not dialog.host.isReadOnly()


def test_connection_details_only_on_request(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    with memory_keyring():
        dialog = make(qtbot, [OFFICE])
    dialog.show()
    qtbot.waitExposed(dialog)
    details = (dialog.host, dialog.port, dialog.database, dialog.sslmode, dialog.sslrootcert)
    assert not any(w.isVisible() for w in details)
    assert dialog.user.isVisible() and dialog.password.isVisible()
    assert dialog.details_button.text() == "Show co&nnection details"
    assert dialog.details_button.focusPolicy() & Qt.FocusPolicy.TabFocus  # keyboard-reachable
    dialog.details_button.setFocus()
    qtbot.keyClick(dialog.details_button, Qt.Key.Key_Space)
    assert all(w.isVisible() for w in details)
    assert dialog.details_button.text() == "Hide co&nnection details"
    qtbot.keyClick(dialog.details_button, Qt.Key.Key_Space)
    assert not dialog.host.isVisible()


def test_without_a_profile_the_connection_details_are_shown(qtbot: Any) -> None:
    with memory_keyring():
        dialog = make(qtbot, [])
    assert dialog.details_shown and dialog.host.isVisibleTo(dialog)
