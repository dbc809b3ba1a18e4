"""The desk's legal-hold dialog (privacy level): put a customer under a legal hold with a
reason, or lift it.

A legal hold (a claim, a dispute, an authority's request: GDPR Art. 17(3)(e)) keeps the
customer from being erased, by hand or by the retention run, until it is lifted. The
dialog shows the current state (read off the GUI thread before it opens), asks for the
reason, and :func:`confirm_change` asks once more, naming the customer, before anything is
written; the caller writes it off the GUI thread. Both questions are module-level
functions so that a test can answer them.
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

from kkdesk.domain.erasure import LegalHoldState
from kkdesk.ui.formatting import format_datetime

REASON_MAX = 500  # kkdesk.domain.erasure.REASON_MAX (the UI does not import the rules)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LegalHoldDialog", text)


class LegalHoldDialog(QDialog):
    """The hold's state and, to change it, a reason (required to set one)."""

    def __init__(self, who: str, state: LegalHoldState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legalHoldDialog")
        self.setWindowTitle(_tr("Legal hold"))
        self.state = state
        if state.active:
            text = _tr(
                "%1 is under a legal hold since %2 (set by %3): it cannot be erased, by hand or "
                "by the retention run.\n\nReason: %4\n\nLift the hold when the claim, dispute "
                "or authority's request has ended."
            )
            when = format_datetime(state.recorded_at) if state.recorded_at else ""
            text = (
                text.replace("%1", who)
                .replace("%2", when)
                .replace("%3", state.recorded_by)
                .replace("%4", state.reason or "–")
            )
        else:
            text = _tr(
                "%1 is not under a legal hold.\n\nA legal hold keeps the customer's data from "
                "being erased (GDPR Art. 17(3)(e): a legal claim, a dispute or an authority's "
                "request) until it is lifted. Say why; the reason is kept with the hold."
            ).replace("%1", who)
        self.intro = QLabel(text, self)
        self.intro.setObjectName("legalHoldState")
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("legalHoldReason")
        self.reason.setMaxLength(REASON_MAX)
        if state.active:
            self.reason.setPlaceholderText(_tr("optional, e.g. the dispute was settled"))
        else:
            self.reason.setPlaceholderText(_tr("e.g. a complaint to the consumer disputes board"))
        label = QLabel(_tr("&Reason:"), self)
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("legalHoldApply")
        self.ok.setText(_tr("&Lift the hold…") if state.active else _tr("&Set the hold…"))
        # Setting needs a reason; lifting may say why, but need not.
        self.ok.setEnabled(state.active)
        if not state.active:
            self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.setFocus()
        self.resize(520, self.sizeHint().height())

    def chosen_reason(self) -> str:
        return " ".join(self.reason.text().split())


def ask(parent: QWidget, who: str, state: LegalHoldState) -> str | None:
    """The first question: the reason for the change, or None when the user cancels."""
    dialog = LegalHoldDialog(who, state, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_reason()


def confirm_change(parent: QWidget, who: str, set_hold: bool) -> bool:
    """The second question, naming the customer: set (or lift) the hold now?"""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Legal hold"))
    if set_hold:
        box.setText(_tr("Put %1 under a legal hold?").replace("%1", who))
        box.setInformativeText(_tr("The customer cannot be erased until the hold is lifted."))
        yes = box.addButton(_tr("&Set the hold"), QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setText(_tr("Lift the legal hold of %1?").replace("%1", who))
        box.setInformativeText(
            _tr("The customer can then be erased, on request or by the retention run.")
        )
        yes = box.addButton(_tr("&Lift the hold"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is yes
