"""The small questions the desk asks: discard changes?, where is this data from?, is this
customer already in the register?, and the contact person editor.

Each question is a module-level function (``confirm_discard``, ``ask_source``,
``ask_duplicates``) so that a test can answer it by replacing the function, and so that
every caller asks in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain import catalogue
from kkdesk.domain.catalogue import Table
from kkdesk.domain.customer import ContactPersonDraft, CustomerSummary
from kkdesk.domain.enums import DataSource
from kkdesk.domain.validation import validate_contact
from kkdesk.errors import FieldError
from kkdesk.ui.errors import describe_field_error
from kkdesk.ui.fields import FieldSet
from kkdesk.ui.formatting import PHONE_FIELDS, format_phone
from kkdesk.ui.labels import source_label


def lay_out_evidence_form(
    dialog: QDialog, intro: QWidget, rows: Sequence[tuple[str, QWidget]]
) -> tuple[QLabel, QDialogButtonBox]:
    """The layout the desk's small "record what happened" dialogs share: an intro, labelled
    rows (each label the buddy of its field, so Alt+letter reaches it), a line for what is
    still missing, and Save / Cancel. Returns that problem line and the buttons."""
    problem = QLabel(dialog)
    problem.setObjectName("problem")
    problem.setWordWrap(True)
    problem.setStyleSheet("color: #a40000")
    form = QFormLayout()
    for text, widget in rows:
        label = QLabel(text, dialog)
        label.setBuddy(widget)
        form.addRow(label, widget)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(intro)
    layout.addLayout(form)
    layout.addWidget(problem)
    layout.addWidget(buttons)
    return problem, buttons


def confirm_discard(parent: QWidget, what: str) -> bool:
    """True if the user lets unsaved changes to ``what`` go."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Unsaved changes"))
    box.setText(
        QCoreApplication.translate("dialogs", "%1 has unsaved changes.").replace("%1", what)
    )
    box.setInformativeText(QCoreApplication.translate("dialogs", "Discard your changes?"))
    box.setStandardButtons(QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Discard


def confirm_create_register(parent: QWidget | None, path: str) -> bool:
    """True if the user wants a new, empty register where the configured one is missing."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Register file missing"))
    box.setText(
        QCoreApplication.translate("dialogs", "The register file %1 does not exist.").replace(
            "%1", path
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "dialogs",
            "It may have been moved, deleted, or be on a drive that is not connected. "
            "Create a new, empty register there? Choose Cancel to quit and look for it first.",
        )
    )
    create = box.addButton(
        QCoreApplication.translate("dialogs", "Create an empty register"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is create


@dataclass(frozen=True)
class Change:
    """One changed field as the source question lists it."""

    label: str
    old: str
    new: str


class SourceDialog(QDialog):
    """Asks where the changed data came from (register description, section 6)."""

    def __init__(
        self, changes: list[Change], default: DataSource | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Source of the data"))
        intro = QLabel(self.tr("Where did this data come from?"), self)
        intro.setWordWrap(True)

        table = QTableWidget(len(changes), 3, self)
        table.setObjectName("changes")
        table.setAccessibleName(self.tr("Changed fields"))
        table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Was"), self.tr("Now")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        for row, change in enumerate(changes):
            for column, text in enumerate((change.label, change.old, change.new)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()

        self.source = QComboBox(self)
        self.source.setAccessibleName(self.tr("Source"))
        for item in DataSource:
            self.source.addItem(source_label(item), item.value)
        if default is not None:
            self.source.setCurrentIndex(self.source.findData(default.value))
        self.detail = QLineEdit(self)
        self.detail.setAccessibleName(self.tr("Details of the source"))
        self.detail.setPlaceholderText(self.tr("e.g. letter of 3 March, ticket 1234"))
        self.detail.setMaxLength(200)

        form = QFormLayout()
        source_label_widget = QLabel(self.tr("&Source:"), self)
        source_label_widget.setBuddy(self.source)
        detail_label = QLabel(self.tr("&Details:"), self)
        detail_label.setBuddy(self.detail)
        form.addRow(source_label_widget, self.source)
        form.addRow(detail_label, self.detail)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.source.setFocus()
        self.resize(560, 360)

    def chosen(self) -> tuple[DataSource, str]:
        return DataSource(self.source.currentData()), self.detail.text().strip()


def ask_source(
    parent: QWidget, changes: list[Change], default: DataSource | None
) -> tuple[DataSource, str] | None:
    dialog = SourceDialog(changes, default, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()


class DuplicateChoice(Enum):
    CREATE = "create"
    OPEN = "open"
    CANCEL = "cancel"
    MERGE = "merge"  # merge the selected record into the open one


class DuplicatesDialog(QDialog):
    """Shows customers that may be the same party before a new one is created."""

    def __init__(
        self,
        hits: tuple[CustomerSummary, ...],
        parent: QWidget | None = None,
        *,
        merge_into: str = "",
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.choice = DuplicateChoice.CANCEL
        intro = QLabel(
            self.tr(
                "These customers have the same name and date of birth, e-mail, phone or "
                "business ID. Open one of them instead of creating a duplicate?"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(hits), 4, self)
        self.table.setObjectName("duplicates")
        self.table.setAccessibleName(self.tr("Possible duplicates"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Name"), self.tr("E-mail"), self.tr("Phone")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, hit in enumerate(hits):
            for column, text in enumerate(
                (hit.number, hit.name, hit.email, format_phone(hit.phone))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.selectRow(0)
        self._hits = hits

        buttons = QDialogButtonBox(self)
        open_button = QPushButton(self.tr("&Open selected"), self)
        create_button = QPushButton(self.tr("C&reate anyway"), self)
        buttons.addButton(open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(create_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        open_button.setDefault(True)
        open_button.clicked.connect(lambda: self._finish(DuplicateChoice.OPEN))
        create_button.clicked.connect(lambda: self._finish(DuplicateChoice.CREATE))
        # From an open record, for the levels that may merge: the selected record is merged
        # into the open one (the merge dialog shows both and asks again).
        create_button.setVisible(not merge_into)
        self.merge_button: QPushButton | None = None
        if merge_into:
            intro.setText(
                self.tr(
                    "These customers have the same name and date of birth, e-mail, phone or "
                    "business ID as %1. Open one of them, or merge it into %1 if it is the "
                    "same person?"
                ).replace("%1", merge_into)
            )
            self.merge_button = QPushButton(self.tr("&Merge into %1…").replace("%1", merge_into))
            self.merge_button.setObjectName("merge_duplicate")
            buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.merge_button.clicked.connect(lambda: self._finish(DuplicateChoice.MERGE))
        buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(lambda _i: self._finish(DuplicateChoice.OPEN))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(600, 320)

    def _finish(self, choice: DuplicateChoice) -> None:
        self.choice = choice
        self.accept()

    def selected(self) -> CustomerSummary | None:
        row = self.table.currentRow()
        return self._hits[row] if 0 <= row < len(self._hits) else None


def ask_duplicates(
    parent: QWidget, hits: tuple[CustomerSummary, ...], *, merge_into: str = ""
) -> tuple[DuplicateChoice, CustomerSummary | None]:
    dialog = DuplicatesDialog(hits, parent, merge_into=merge_into)
    dialog.exec()
    return dialog.choice, dialog.selected()


class ContactDialog(QDialog):
    """Adds or edits one contact person of a company; OK only when every field is valid."""

    # The contact person's fields the catalogue puts on a form, in its order.
    FIELDS = catalogue.names(catalogue.form_fields(Table.CONTACT_PERSON))

    def __init__(
        self, draft: ContactPersonDraft | None, country: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("New contact person") if draft is None else self.tr("Contact person")
        )
        self._draft = draft or ContactPersonDraft()
        self._country = country
        form = QFormLayout()
        self.fields = FieldSet(form, self)
        self.fields.add_line("surname", self.tr("&Surname:"))
        self.fields.add_line("first_names", self.tr("&First names:"))
        self.fields.add_line("role", self.tr("&Role:"), placeholder=self.tr("e.g. purchasing"))
        self.fields.add_line("phone_work", self.tr("&Work phone:"))
        self.fields.add_line("phone_mobile", self.tr("&Mobile phone:"))
        self.fields.add_line("email", self.tr("&E-mail:"))
        for name in self.FIELDS:
            value = str(getattr(self._draft, name))
            self.fields.set_value(name, format_phone(value) if name in PHONE_FIELDS else value)
        self._touched: set[str] = set() if draft is None else set(self.FIELDS)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.fields.edited.connect(self._on_fields_edited)
        self._validate()
        self.resize(440, self.sizeHint().height())

    def _on_fields_edited(self, name: str) -> None:
        self._touched.add(name)
        self._validate()

    def _raw(self) -> ContactPersonDraft:
        return ContactPersonDraft(
            id=self._draft.id, **{name: self.fields.value(name) for name in self.FIELDS}
        )

    def _validate(self) -> ContactPersonDraft | None:
        errors: dict[str, FieldError] = {}
        clean = validate_contact(self._raw(), "", errors, self._country)
        for name in self.FIELDS:
            err = errors.get(name)
            show = err is not None and name in self._touched
            self.fields.set_error(name, describe_field_error(err) if show and err else "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not errors)
        return None if errors else clean

    def result_draft(self) -> ContactPersonDraft | None:
        return self._validate()

    def accept(self) -> None:
        if self._validate() is not None:
            super().accept()
        else:
            self._touched = set(self.FIELDS)
            self._validate()


def edit_contact(
    parent: QWidget, draft: ContactPersonDraft | None, country: str
) -> ContactPersonDraft | None:
    dialog = ContactDialog(draft, country, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_draft()
