"""Restriction of processing (GDPR Art. 18) in the desk: the marker the result list and
the form show, and the two dialogs privacy staff use to restrict and to lift.

Lifting is the Art. 18(3) order made visible: the dialog first makes the notice to the
person (archived on the customer; it can be saved for sending), and only then offers
the lift, which the service and the central database refuse without that notice. Every
database call runs on the task runner; a failure is reported through
:func:`kkdesk.ui.failures.report_failure`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkdesk import files
from kkdesk.domain.enums import Language
from kkdesk.domain.restriction import REASON_MAX, LiftNotice, Restriction, RestrictionGround
from kkdesk.services import restrictions
from kkdesk.services.session import DeskSession
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_date
from kkdesk.ui.tasks import TaskRunner

_MARK_COLOUR = "#b3261e"


def restriction_icon() -> QIcon:
    """A small "no entry" sign: a red disc with a white bar (drawn, so no icon file or
    emoji font is needed on any platform)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(_MARK_COLOUR))
        painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
        pen = QPen(QColor("white"))
        pen.setWidthF(size / 6)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(round(size * 0.25), size // 2, round(size * 0.75), size // 2)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def ground_label(ground: RestrictionGround) -> str:
    return {
        RestrictionGround.ACCURACY_CONTESTED: QCoreApplication.translate(
            "restriction", "(a) Accuracy contested, being verified"
        ),
        RestrictionGround.UNLAWFUL_PROCESSING: QCoreApplication.translate(
            "restriction", "(b) Unlawful processing, erasure opposed"
        ),
        RestrictionGround.LEGAL_CLAIMS: QCoreApplication.translate(
            "restriction", "(c) Needed by the person for legal claims"
        ),
        RestrictionGround.OBJECTION_PENDING: QCoreApplication.translate(
            "restriction", "(d) Objection pending verification"
        ),
    }[ground]


def banner_text(since_text: str) -> str:
    return QCoreApplication.translate(
        "restriction",
        "Processing restricted since %1 (GDPR Art. 18). The data is only stored: it can "
        "be read, but not changed, exported, used for marketing, sent to others or "
        "ordered for. Consents and prohibitions can still be recorded.",
    ).replace("%1", since_text)


class RestrictDialog(QDialog):
    """Restrict the processing of one customer: the ground and the reason."""

    restricted = Signal(object)  # Restriction

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        number: str,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restrictDialog")
        self._ds, self._runner, self._number = ds, runner, number
        self.setWindowTitle(self.tr("Restrict processing — %1").replace("%1", name))
        intro = QLabel(
            self.tr(
                "While the restriction is in force the customer's data is only stored: "
                "changes, exports, marketing, letters to others and new orders are refused, "
                "by the central database too. Lifting it later needs a notice to the person "
                "first (Art. 18(3))."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.ground = QComboBox(self)
        for g in RestrictionGround:
            self.ground.addItem(ground_label(g), g.value)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("Why, in a sentence or two (required)"))
        self.reason.setTabChangesFocus(True)
        self.request = QLineEdit(self)
        self.request.setPlaceholderText(self.tr("Request number, if it answers one"))
        form = QFormLayout()
        form.addRow(self.tr("&Ground (Art. 18(1)):"), self.ground)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Re&quest:"), self.request)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            self.tr("&Restrict"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    @Slot()
    def _on_ok_clicked(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason or len(reason) > REASON_MAX:
            self.status.setText(
                self.tr("Give the reason (at most %1 characters).").replace("%1", str(REASON_MAX))
            )
            return
        text = self.request.text().strip()
        if text and not text.isdigit():
            self.status.setText(self.tr("A request number is digits only."))
            return
        ds, number = self._ds, self._number
        ground = RestrictionGround(str(self.ground.currentData()))
        request_id = int(text) if text else None
        self.ok.setEnabled(False)
        self.status.setText(self.tr("Restricting…"))
        self._runner.run(
            lambda: restrictions.restrict(ds, number, ground, reason, request_id=request_id),
            success=self._on_done,
            failure=self._on_failed,
            owner=self,
        )

    def _on_done(self, made: Restriction) -> None:
        self.restricted.emit(made)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.status.setText(report_failure(exc, self, context="restrict processing"))


class LiftDialog(QDialog):
    """Lift a restriction: first the Art. 18(3) notice to the person, then the lift."""

    lifted = Signal(object)  # Restriction

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        number: str,
        name: str,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("liftDialog")
        self._ds, self._runner, self._number = ds, runner, number
        self.notice: LiftNotice | None = None
        self.setWindowTitle(self.tr("Lift the restriction — %1").replace("%1", name))
        self.info = QLabel(self.tr("Loading the restriction…"), self)
        self.info.setWordWrap(True)
        steps = QLabel(
            self.tr(
                "1. Make the notice: it tells the person that the restriction will be "
                "lifted (Art. 18(3)) and is archived on the customer. Save or print it and "
                "send it.\n2. Then lift the restriction. A lift without the notice is refused."
            ),
            self,
        )
        steps.setWordWrap(True)
        self.language = QComboBox(self)
        for lang, text in (
            (Language.FI, self.tr("Finnish")),
            (Language.SV, self.tr("Swedish")),
            (Language.EN, self.tr("English")),
        ):
            self.language.addItem(text, lang.value)
        self.language.setCurrentIndex(max(0, self.language.findData(language.value)))
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("Why it ends, printed in the notice (optional)"))
        self.reason.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language of the notice:"), self.language)
        form.addRow(self.tr("&Reason:"), self.reason)
        self.make_button = QPushButton(self.tr("&1. Make the notice"), self)
        self.save_button = QPushButton(self.tr("&Save the notice…"), self)
        self.lift_button = QPushButton(self.tr("&2. Lift the restriction"), self)
        self.save_button.setEnabled(False)
        self.lift_button.setEnabled(False)
        self.lift_button.setToolTip(self.tr("Make the notice to the person first (Art. 18(3))."))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QDialogButtonBox(self)
        for button in (self.make_button, self.save_button, self.lift_button):
            row.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.make_button.clicked.connect(self._on_make_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.lift_button.clicked.connect(self._on_lift_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(steps)
        layout.addLayout(form)
        layout.addWidget(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(600, 420)
        ds_, number_ = ds, number
        runner.run(
            lambda: restrictions.current(ds_, number_),
            success=self._on_current_loaded,
            failure=self._on_failed,
            owner=self,
        )

    def _on_current_loaded(self, current: Restriction | None) -> None:
        if current is None:
            self.info.setText(self.tr("The customer's processing is not restricted."))
            self.make_button.setEnabled(False)
            return
        self.info.setText(
            self.tr("Restricted since %1 on ground %2. Reason: %3")
            .replace("%1", format_date(current.started_at.date()))
            .replace("%2", ground_label(current.ground))
            .replace("%3", current.reason)
        )

    @Slot()
    def _on_make_clicked(self) -> None:
        ds, number = self._ds, self._number
        language = Language(str(self.language.currentData()))
        reason = self.reason.toPlainText().strip()[:REASON_MAX]
        self.make_button.setEnabled(False)
        self.status.setText(self.tr("Making the notice…"))
        self._runner.run(
            lambda: restrictions.make_lift_notice(ds, number, language=language, reason=reason),
            success=self._on_notice_made,
            failure=self._on_failed,
            owner=self,
        )

    def _on_notice_made(self, notice: LiftNotice) -> None:
        self.notice = notice
        self.save_button.setEnabled(True)
        self.lift_button.setEnabled(True)
        self.lift_button.setToolTip("")
        self.status.setText(
            self.tr("The notice is made and archived on the customer (letter %1). Send it to "
                    "the person, then lift the restriction.").replace("%1", str(notice.letter_id))
        )  # fmt: skip

    @Slot()
    def _on_save_clicked(self) -> None:
        if self.notice is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the notice"), self.notice.file_name, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        assert self.notice is not None
        try:
            files.write_private(path, self.notice.pdf)  # 0600, atomically
        except OSError as exc:
            self.status.setText(
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or "")
            )
            return
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))

    @Slot()
    def _on_lift_clicked(self) -> None:
        if self.notice is None:
            return
        if not self.confirm():
            return
        ds, number, letter_id = self._ds, self._number, self.notice.letter_id
        self.lift_button.setEnabled(False)
        self.status.setText(self.tr("Lifting…"))
        self._runner.run(
            lambda: restrictions.lift(ds, number, letter_id),
            success=self._on_lifted,
            failure=self._on_failed,
            owner=self,
        )

    def confirm(self) -> bool:
        """Asked before the lift (a test replaces it)."""
        answer = QMessageBox.question(
            self,
            self.tr("Lift the restriction"),
            self.tr(
                "Has the notice been sent to the person? After the lift the customer's data "
                "is processed normally again."
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_lifted(self, lifted: Restriction) -> None:
        self.lifted.emit(lifted)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.make_button.setEnabled(self.notice is None)
        self.lift_button.setEnabled(self.notice is not None)
        self.status.setText(report_failure(exc, self, context="lift restriction"))
