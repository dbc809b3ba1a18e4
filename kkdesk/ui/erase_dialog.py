"""The desk's two questions before an erasure (GDPR Art. 17), privacy level only.

First: what erasure does and why it is done (the reason, kept in the erasure record).
Second: a last confirmation that names the customer (or the contact person), with Cancel
as the default button, since nothing brings the data back. Both are module-level
functions so that a test can answer them by replacing the function.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

REASON_MAX = 500  # kkdesk.domain.erasure.REASON_MAX (the UI does not import the rules)


def _tr(text: str) -> str:
    return QCoreApplication.translate("erasure", text)


class ReasonDialog(QDialog):
    """What erasing does, and the reason for it."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Erase personal data"))
        intro = QLabel(
            _tr(
                "Erasing %1 blanks every personal value in the register for good: basic "
                "data, change history, notes, the notes of prohibitions and consents, the "
                "texts of requests and disclosures, delivery addresses and search keys.\n\n"
                "Kept: orders inside their accounting period (without the person, with a "
                "pseudonymous reference), the suppression list (so that the person is never "
                "marketed to again) and archived letters for their own period. An outcome "
                "letter is made and archived (on the open erasure request, which is then "
                "closed)."
            ).replace("%1", who),
            self,
        )
        intro.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("erasureReason")
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(_tr("e.g. the customer's request by letter of 2 March"))
        label = QLabel(_tr("&Reason:"), self)
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_tr("&Continue…"))
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())


def ask_reason(parent: QWidget, who: str) -> str | None:
    """The first question: the reason, or None when the user cancels."""
    dialog = ReasonDialog(who, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason.text().strip() or None


def confirm_erasure(parent: QWidget, who: str) -> bool:
    """The second question, naming the person: erase them for good?"""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Erase personal data"))
    box.setText(_tr("Erase all personal data of %1 for good?").replace("%1", who))
    box.setInformativeText(_tr("This cannot be undone."))
    erase = box.addButton(
        _tr("&Erase %1").replace("%1", who), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is erase
