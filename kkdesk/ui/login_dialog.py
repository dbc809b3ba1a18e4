"""The login dialog of a central database: profile, user, password, "remember in keyring".

The app calls :func:`sign_in` before the main window exists; it returns the signed-in
:class:`DeskSession`, or None when the user cancels. "Use the embedded database" opens this
workstation's own SQLite register instead (the way back when the central database cannot
be reached, or was only tried once), and the desk starts there from then on.

The connection attempt and every keyring call run on a worker thread (a Secret Service
unlock prompt or an unreachable server must never freeze the window). Each failure gets
its own sentence in the user's language; without any keyring backend the dialog still
works, asking for the password each time.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kkdesk.auth import keychain
from kkdesk.auth.profiles import SSL_MODES, Profile, load_profiles, load_system_profiles
from kkdesk.config import Preferences
from kkdesk.errors import KnownError
from kkdesk.services import login as login_service
from kkdesk.services.login import SignIn
from kkdesk.services.session import DeskSession
from kkdesk.ui.errors import describe_error
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_date
from kkdesk.ui.tasks import TaskRunner


class LoginDialog(QDialog):
    """Asks who signs in to which central database, and signs in off the GUI thread."""

    def __init__(
        self,
        prefs: Preferences,
        parent: QWidget | None = None,
        *,
        profiles: list[Profile] | None = None,
        it_profiles: Collection[str] | None = None,
    ) -> None:
        """``profiles``: those to offer (by default IT's, then the user's own);
        ``it_profiles``: the names among them IT provides (by default those of the
        system-wide file), shown read-only."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to the customer register"))
        self._prefs = prefs
        self._runner = TaskRunner(self, max_threads=1)
        self.result_sign_in: SignIn | None = None
        # The user chose this workstation's embedded database instead of signing in.
        self.chose_embedded = False
        self._profiles = list(profiles if profiles is not None else load_profiles())
        # IT's profiles (packaging/README.md): their connection details are IT's to change,
        # in the system-wide file; the user keeps only a login name for them.
        self._it_names = frozenset(
            it_profiles if it_profiles is not None else (p.name for p in load_system_profiles())
        )
        env = os.environ.get("KKDESK_DB", "")
        if env.startswith(("postgresql", "postgres")) and "://" in env:
            with contextlib.suppress(Exception):  # a malformed URL is simply not offered
                self._profiles.insert(0, Profile.from_url("KKDESK_DB", env))

        self.profile = QComboBox(self)
        self.profile.setEditable(True)
        self.profile.setObjectName("profile")
        for i, p in enumerate(self._profiles):
            self.profile.addItem(p.name)
            if p.name in self._it_names:
                self.profile.setItemData(i, self.tr("Provided by IT"), Qt.ItemDataRole.ToolTipRole)
        self.it_note = QLabel(
            self.tr("Provided by IT: its connection details cannot be changed here."), self
        )
        self.it_note.setObjectName("itNote")
        self.it_note.setWordWrap(True)
        self.it_note.setVisible(False)
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.sslmode = QComboBox(self)
        self.sslmode.addItems(list(SSL_MODES))
        self.sslmode.setCurrentText(Profile.sslmode)  # a new profile starts at the default
        self.sslmode.setToolTip(
            self.tr(
                "How the connection is encrypted. verify-full also checks the server's "
                "certificate against the CA certificate file below."
            )
        )
        self.sslrootcert = QLineEdit(self)
        self.sslrootcert.setPlaceholderText(self.tr("CA certificate file for verify-full"))
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("Leave empty to use the password saved in the keyring")
        )
        self.remember = QCheckBox(self.tr("&Remember the password in the keyring"), self)
        self.keyring_available = keychain.available()
        if self.keyring_available:
            self.remember.setChecked(True)
        else:
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr(
                    "No keyring is available on this computer: the password is asked "
                    "each time and never stored."
                )
            )
            self.password.setPlaceholderText("")
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        # An error must stand out from the form above it, without relying on colour alone.
        self.status.setStyleSheet('QLabel[error="true"] { color: #a40000; font-weight: bold; }')
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Host, port, database and TLS come with the profile: shown on request (issue 12),
        # and on their own where there is no profile to take them from.
        self.details_button = QPushButton(self.tr("Show co&nnection details"), self)
        self.details_button.setObjectName("connectionDetails")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._on_details_toggled)
        form = QFormLayout()
        self._form = form
        form.addRow(self.tr("&Profile:"), self.profile)
        form.addRow("", self.it_note)
        disclosure = QHBoxLayout()
        disclosure.addWidget(self.details_button)
        disclosure.addStretch(1)
        form.addRow("", disclosure)
        self._details = (self.host, self.port, self.database, self.sslmode, self.sslrootcert)
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&TLS:"), self.sslmode)
        form.addRow(self.tr("&CA certificate:"), self.sslrootcert)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.remember)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Sign &in"))
        self.embedded_button = QPushButton(self.tr("Use the &embedded database"), self)
        self.embedded_button.setObjectName("useEmbedded")
        self.embedded_button.setToolTip(
            self.tr(
                "Open the customer register kept on this workstation instead of the central "
                "database. The desk opens it directly from then on."
            )
        )
        self.embedded_button.clicked.connect(self._on_embedded_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not self.keyring_available:
            note = QLabel(
                self.tr(
                    "No keyring is available on this computer, so the password cannot be "
                    "remembered: you will be asked for it each time."
                ),
                self,
            )
            note.setObjectName("keyringNote")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.status)
        # The way out to this workstation's own database stands apart from Sign in / Cancel.
        bottom = QHBoxLayout()
        bottom.addWidget(self.embedded_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        # Wide enough for the password field's hint and the usual host names.
        self.setMinimumWidth(460)
        self.sslmode.currentTextChanged.connect(self._on_sslmode_changed)
        self._on_sslmode_changed(self.sslmode.currentText())
        self.profile.currentIndexChanged.connect(self._on_profile_chosen)
        self.profile.editTextChanged.connect(self._on_profile_text_edited)
        # $KKDESK_DB (or ``kkdesk --db URL``) wins over the profile remembered from last time.
        wanted = "KKDESK_DB" if self._profiles and self._profiles[0].name == "KKDESK_DB" else None
        start = next(
            (i for i, p in enumerate(self._profiles) if p.name == (wanted or prefs.last_profile)),
            0,
        )
        if self._profiles:
            self.profile.setCurrentIndex(start)
            self._on_profile_chosen(start)
        self._on_details_toggled(not self._profiles)  # nothing to take them from: shown
        self.details_button.setChecked(not self._profiles)
        (self.password if self.user.text() else self.user).setFocus()

    @property
    def details_shown(self) -> bool:
        return self.details_button.isChecked()

    def _on_details_toggled(self, shown: bool) -> None:
        for widget in self._details:
            self._form.setRowVisible(widget, shown)
        self.details_button.setText(
            self.tr("Hide co&nnection details") if shown else self.tr("Show co&nnection details")
        )
        self.adjustSize()

    def _it_profile(self, name: str) -> Profile | None:
        if name not in self._it_names:
            return None
        return next((p for p in self._profiles if p.name == name), None)

    def _set_provided_by_it(self, provided: bool) -> None:
        """IT's profile: its connection details shown as they are, not editable."""
        self.it_note.setVisible(provided)
        for edit in (self.host, self.database, self.sslrootcert):
            edit.setReadOnly(provided)
        self.port.setReadOnly(provided)
        self.sslmode.setEnabled(not provided)

    def _on_profile_text_edited(self, text: str) -> None:
        # A name typed over IT's profile starts an own profile: its details become the
        # user's to fill in (prefilled with IT's, which stay as they are).
        provided = self._it_profile(text.strip()) is not None
        self._set_provided_by_it(provided)
        if not provided and text.strip() not in {p.name for p in self._profiles}:
            self.details_button.setChecked(True)

    def _on_profile_chosen(self, index: int) -> None:
        if not 0 <= index < len(self._profiles):
            return
        p = self._profiles[index]
        self._set_provided_by_it(p.name in self._it_names)
        self.host.setText(p.host)
        self.port.setValue(p.port)
        self.database.setText(p.database)
        self.sslmode.setCurrentText(p.sslmode)
        self.sslrootcert.setText(p.sslrootcert)
        self.user.setText(p.user)
        self.password.clear()

    def _on_sslmode_changed(self, mode: str) -> None:
        # Only verify-ca and verify-full check the server against a CA certificate.
        self.sslrootcert.setEnabled(mode in ("verify-ca", "verify-full"))

    def chosen_profile(self) -> Profile:
        name = self.profile.currentText().strip() or self.database.text().strip()
        provided = self._it_profile(name)
        if provided is not None:  # IT's details as IT wrote them, the user's login name
            return replace(provided, user=self.user.text().strip())
        host = self.host.text().strip()
        # A saved profile's opt-in to connect without TLS (set with 'kkdesk login') holds
        # only for the same host: the dialog has no switch for it on purpose.
        insecure = any(p.allow_insecure for p in self._profiles if (p.name, p.host) == (name, host))
        return Profile(
            name=name,
            host=host,
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            sslmode=self.sslmode.currentText(),
            sslrootcert=self.sslrootcert.text().strip(),
            allow_insecure=insecure,
        )

    def _on_buttons_accepted(self) -> None:
        profile = self.chosen_profile()
        user, password = profile.user, self.password.text()
        if not user:
            self._show_error(self.tr("Enter your user name."))
            return
        if not password and not self.keyring_available:
            self._show_error(self.tr("Enter your password."))
            return
        remember = self.remember.isChecked() and self.keyring_available
        self._set_busy(True)
        self._show_status(self.tr("Signing in…"))
        self._runner.run(
            lambda: login_service.sign_in_profile(profile, user, password, remember=remember),
            success=self._on_signed_in,
            failure=self._on_sign_in_failed,
            key="sign-in",
        )

    def _on_embedded_clicked(self) -> None:
        self.chose_embedded = True
        self._prefs.last_profile = ""  # "" is the embedded database: opened directly next time
        self.accept()

    def _on_signed_in(self, result: SignIn) -> None:
        self._set_busy(False)
        self.result_sign_in = result
        self._prefs.last_profile = self.chosen_profile().name
        self.accept()

    def _on_sign_in_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        if isinstance(exc, KnownError) and exc.code in ("db_unavailable", "tls_failed"):
            self.details_button.setChecked(True)  # the sentence asks to check them
        self._show_error(
            report_failure(exc, self, context="signing in", describe=describe_login_error)
        )
        self.password.setFocus()

    def _show_error(self, text: str) -> None:
        self._show_status(text, error=True)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setProperty("error", error)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.embedded_button.setEnabled(not busy)
        widgets = (self.profile, self.host, self.port, self.database, self.sslmode, self.user)
        for widget in (*widgets, self.password):
            widget.setEnabled(not busy)
        self.remember.setEnabled(not busy and self.keyring_available)
        if busy:
            self.sslrootcert.setEnabled(False)
        else:
            self._on_sslmode_changed(self.sslmode.currentText())
            self._set_provided_by_it(
                self._it_profile(self.profile.currentText().strip()) is not None
            )

    def done(self, result: int) -> None:
        # Never leave a connection attempt running behind a closed dialog.
        self._runner.wait_idle(15000)
        if result != QDialog.DialogCode.Accepted and self.result_sign_in is not None:
            self.result_sign_in.session.close()
            self.result_sign_in = None
        super().done(result)


def describe_login_error(exc: BaseException) -> str:
    """One sentence per way a sign-in fails, in the user's language."""
    if not isinstance(exc, KnownError):
        return describe_error(exc)
    params = exc.params
    expired_at = params.get("expired_at")
    expired = (
        QCoreApplication.translate(
            "LoginDialog", "Your password expired on %1. Ask an administrator to set a new one."
        ).replace("%1", format_date(expired_at.astimezone().date()))
        if isinstance(expired_at, datetime)
        else QCoreApplication.translate(
            "LoginDialog", "Your password has expired. Ask an administrator to set a new one."
        )
    )
    sentences = {
        "wrong_password": QCoreApplication.translate(
            "LoginDialog", "The password is wrong. Check it, and that Caps Lock is off."
        ),
        "unknown_user": QCoreApplication.translate(
            "LoginDialog", "There is no user named %1 in this database. Check the user name."
        ).replace("%1", str(params.get("user", ""))),
        "password_expired": expired,
        # The server's sign-in check is turned off (or the schema is older): PostgreSQL
        # itself answers a wrong password, an unknown user and an expired one alike.
        "auth_failed": QCoreApplication.translate(
            "LoginDialog",
            "The server refused the user name or password (it does not say which). Check "
            "both; if your password has expired, ask an administrator to renew it.",
        ),
        "saved_password_refused": QCoreApplication.translate(
            "LoginDialog",
            "The password saved in the keyring was refused: it may have been changed or "
            "have expired. Enter your password.",
        ),
        "account_disabled": QCoreApplication.translate(
            "LoginDialog", "Your account is disabled. Ask an administrator."
        ),
        "no_level": QCoreApplication.translate(
            "LoginDialog",
            "Your database user has no kkdesk user level. Ask an administrator to give you one.",
        ),
        "password_needed": QCoreApplication.translate(
            "LoginDialog", "No password is saved in the keyring for this user: enter it."
        ),
        "db_unavailable": QCoreApplication.translate(
            "LoginDialog",
            "The database server cannot be reached. Check the host, the port and the network.",
        ),
        "tls_failed": QCoreApplication.translate(
            "LoginDialog",
            "The server's identity could not be verified (TLS). Check the CA certificate "
            "file and the host name, or ask an administrator.",
        ),
        "schema_outdated": QCoreApplication.translate(
            "LoginDialog",
            "The central database needs an upgrade first; ask an administrator to run "
            "'kkdesk db upgrade'.",
        ),
        "keyring_unavailable": QCoreApplication.translate(
            "LoginDialog",
            "No keyring is available on this computer: the password is asked each time.",
        ),
        "keyring_failed": QCoreApplication.translate(
            "LoginDialog", "The keyring refused the request; the password was not saved."
        ),
    }
    return sentences.get(exc.code) or describe_error(exc)


def sign_in(
    prefs: Preferences,
    parent: QWidget | None = None,
    *,
    open_embedded: Callable[[], DeskSession],
) -> DeskSession | None:
    """Show the login dialog; the signed-in session, the embedded database's session from
    ``open_embedded()`` if the user chose it instead, or None if the user cancelled.

    Remembers the choice in the preferences: the profile last used, or "" for the embedded
    database. If "remember" was asked but the keyring could not keep the password, says so
    once (the sign-in itself succeeded).
    """
    dialog = LoginDialog(prefs, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if dialog.chose_embedded:
        session = open_embedded()
        prefs.save()  # only once it opened: a failure leaves the next start as it was
        return session
    result = dialog.result_sign_in
    if result is None:
        return None
    prefs.save()
    if result.keyring_problem:
        QMessageBox.information(
            parent,
            dialog.windowTitle(),
            describe_login_error(KnownError("", code=result.keyring_problem)),
        )
    return result.session
