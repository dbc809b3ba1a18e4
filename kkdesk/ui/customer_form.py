"""The customer form: basic data of a person or a company, validated as the user types.

Each keystroke runs the domain's own validators (:func:`validate_customer`, pure Python and
fast, so fine on the GUI thread) and shows each problem at its field in the user's
language. Save is enabled only when the form is valid and differs from what was loaded.
Saving asks where the data came from, checks for duplicates before creating, and runs on
the task runner. A save refused because someone else saved first keeps the user's input
and shows who changed what and when.
"""

from __future__ import annotations

import itertools
import logging
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain import customer as dc
from kkdesk.domain.changes import CONTACTS, EXTRA, FieldChange, draft_changes
from kkdesk.domain.enums import CustomerType, DataSource, Language, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.merge import changed_fields, merge_contacts, merge_fields
from kkdesk.domain.validation import validate_customer
from kkdesk.errors import FieldError, StaleEdit, ValidationFailed
from kkdesk.services import customers, restrictions
from kkdesk.services.session import DeskSession
from kkdesk.ui import dialogs
from kkdesk.ui.errors import describe_field_error, field_label
from kkdesk.ui.fields import FieldSet
from kkdesk.ui.formatting import (
    PHONE_FIELDS,
    date_example,
    format_date,
    format_datetime,
    format_phone,
    parse_date,
)
from kkdesk.ui.labels import language_label, level_label, source_label, type_label
from kkdesk.ui.restriction import banner_text, restriction_icon
from kkdesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

PERSON_ONLY = ("surname", "first_names", "birth_date")
COMPANY_ONLY = ("company_name", "business_id")
DATE_FIELDS = ("birth_date", "customer_since")
# Order of the editable fields in the form (and so in the tab order).
FORM_FIELDS = (
    "surname",
    "first_names",
    "birth_date",
    "company_name",
    "business_id",
    "street",
    "postal_code",
    "post_office",
    "country",
    "phone_mobile",
    "phone_home",
    "phone_work",
    "email",
    "language",
    "customer_since",
    "notes",
    "extra",
)

Snapshot = tuple[tuple[tuple[str, str], ...], tuple[dc.ContactPersonDraft, ...]]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def format_extra(extra: dict[str, str]) -> str:
    return "\n".join(f"{key}: {value}" for key, value in extra.items())


def parse_extra(text: str) -> dict[str, str]:
    """``key: value`` lines into a dict; raises ValueError naming a line without a colon."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise ValueError(line)
        out[key.strip()] = value.strip()
    return out


class CustomerForm(QWidget):
    """Edits one customer (or a new one); tell it what to show with ``load``/``new``."""

    saved = Signal(object)  # Customer: stored, the form now shows it
    dirty_changed = Signal(bool)
    savable_changed = Signal(bool)
    open_requested = Signal(object)  # CustomerSummary: open this existing customer instead
    merge_requested = Signal(object)  # CustomerSummary: merge it into the open customer
    error_reported = Signal(object)  # an exception for the main window to show
    status_message = Signal(str)
    # Erase (GDPR Art. 17, privacy): a contact person's id, or None for the customer.
    erase_requested = Signal(object)

    lift_requested = Signal()  # the restriction banner's "Lift the restriction…"
    legal_hold_requested = Signal()  # "Legal hold…" (privacy): set or lift a legal hold

    def __init__(self, ds: DeskSession, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("customerForm")
        self._ds = ds
        self._runner = runner
        self._customer: dc.Customer | None = None
        self._type = CustomerType.PERSON
        self._contacts: list[dc.ContactPersonDraft] = []
        self._baseline: Snapshot = ((), ())
        self._touched: set[str] = set()
        self._show_all = False
        self._errors: dict[str, FieldError] = {}
        self._clean: dc.CustomerDraft | None = None
        self._saving = False
        self._dirty = False
        self._savable = False
        self._last_source: DataSource | None = None
        self._stale: dc.Customer | None = None
        self._loaded_values: dict[str, str] = {}
        self._loaded_contacts: tuple[dc.ContactPersonDraft, ...] = ()
        self.purpose: Purpose | str = Purpose.CUSTOMER_SERVICE
        self._can_erase = ds.can(Capability.ERASE)
        self._level_can_edit = ds.can(Capability.EDIT_CUSTOMERS)
        # GDPR Art. 18: since when the shown customer's processing is restricted (None:
        # it is not, or not known yet). A restricted record is read only.
        self._restricted_since: date | None = None
        # A legal hold on the shown customer (Art. 17(3)(e)), as the summary header read
        # it: None while not known (or the level may not know it).
        self._legal_hold: bool | None = None
        self._build()
        self.new(CustomerType.PERSON)

    @property
    def _can_edit(self) -> bool:
        return self._level_can_edit and self._restricted_since is None

    @property
    def restricted_since(self) -> date | None:
        return self._restricted_since

    def set_restricted(self, since: date | None) -> None:
        """The shown customer's restriction of processing (Art. 18), as the summary header
        read it: a restricted record is shown read only, with the banner saying why."""
        if since == self._restricted_since:
            return
        self._restricted_since = since
        self._apply_editability()
        self._refresh()
        self.refresh_erasability()

    @property
    def legal_hold(self) -> bool | None:
        return self._legal_hold

    def set_legal_hold(self, held: bool | None) -> None:
        """Whether the shown customer is under a legal hold, as the summary header read it:
        erasure is refused then, so Erase… is disabled with the reason."""
        self._legal_hold = held
        self.refresh_erasability()

    def erase_block(self) -> str:
        """Why the shown customer cannot be erased now ("" when it can): the same rules as
        the erasure service's, so that the button never offers what will be refused."""
        if not self._can_erase:
            return self.tr("Your user level (%1) does not allow erasing.").replace(
                "%1", level_label(self._ds.level)
            )
        if self._restricted_since is not None:
            return self.tr(
                "The processing of this customer's data is restricted (GDPR Art. 18): the "
                "person asked that the data be kept. Lift the restriction first to erase."
            )
        if self._legal_hold:
            return self.tr(
                "This customer is under a legal hold and cannot be erased; lift the hold "
                "first when it has ended."
            )
        return ""

    def refresh_erasability(self) -> None:
        """Enable Erase… (the customer's and a contact person's) only when an erasure may
        go ahead, with the reason on hover when not."""
        block = self.erase_block()
        stored = self._customer is not None
        self.erase_button.setEnabled(stored and not block)
        self.erase_button.setToolTip(
            block or self.tr("Erase this customer's personal data (Art. 17)")
        )
        self.erase_contact_button.setToolTip(block)
        self.hold_button.setEnabled(stored and self._can_erase)
        self._update_contact_buttons()

    def _apply_editability(self) -> None:
        since = self._restricted_since
        if since is not None:
            self.restriction_text.setText(banner_text(format_date(since)))
        self.restriction_banner.setVisible(since is not None)
        self.lift_button.setVisible(since is not None and restrictions.can_manage(self._ds))
        if not self._level_can_edit:
            reason = self.tr("Your user level (%1) does not allow changing customers.").replace(
                "%1", level_label(self._ds.level)
            )
        elif since is not None:
            reason = self.tr(
                "The processing of this customer's data is restricted (GDPR Art. 18): it "
                "cannot be changed until the restriction is lifted."
            )
        else:
            reason = ""
        self.fields.set_read_only(bool(reason), reason)
        self.add_contact_button.setEnabled(not reason)
        for button in (
            self.add_contact_button,
            self.edit_contact_button,
            self.remove_contact_button,
            self.save_button,
            self.revert_button,
        ):
            if reason:
                button.setEnabled(False)
            button.setToolTip(reason)
        self._update_contact_buttons()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.restriction_banner = QFrame(self)
        self.restriction_banner.setObjectName("restrictionBanner")
        self.restriction_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.restriction_banner.setStyleSheet(
            "QFrame#restrictionBanner { background: #fde7e4; border: 1px solid #b3261e; }"
            "QFrame#restrictionBanner QLabel { color: #5c0f0a; }"
        )
        mark = QLabel(self.restriction_banner)
        mark.setPixmap(restriction_icon().pixmap(24, 24))
        self.restriction_text = QLabel(self.restriction_banner)
        self.restriction_text.setObjectName("restrictionText")
        self.restriction_text.setWordWrap(True)
        self.restriction_text.setAccessibleName(self.tr("Processing restricted"))
        self.restriction_text.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.restriction_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.lift_button = QPushButton(self.tr("&Lift the restriction…"), self.restriction_banner)
        self.lift_button.setObjectName("liftRestriction")
        self.lift_button.clicked.connect(self.lift_requested)
        restriction_layout = QHBoxLayout(self.restriction_banner)
        restriction_layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        restriction_layout.addWidget(self.restriction_text, 1)
        restriction_layout.addWidget(self.lift_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.restriction_banner.hide()

        self.banner = QFrame(self)
        self.banner.setObjectName("staleBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        # A warning colour of its own (text included, so it reads in a dark theme too).
        self.banner.setStyleSheet(
            "QFrame#staleBanner { background: #fff4ce; border: 1px solid #c8a600; }"
            "QFrame#staleBanner QLabel { color: #3b2f00; }"
        )
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName(self.tr("Save refused"))
        self.banner_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.keep_button = QPushButton(self.tr("&Keep my changes"), self.banner)
        self.keep_button.setObjectName("applyMine")
        self.keep_button.setToolTip(
            self.tr(
                "Their version with the fields you changed on top; check it, then save. "
                "Fields you did not change keep their values."
            )
        )
        self.reload_button = QPushButton(self.tr("Use th&eir version"), self.banner)
        self.keep_button.clicked.connect(self._on_keep_clicked)
        self.reload_button.clicked.connect(self._on_reload_clicked)
        banner_buttons = QHBoxLayout()
        banner_buttons.addStretch(1)
        banner_buttons.addWidget(self.keep_button)
        banner_buttons.addWidget(self.reload_button)
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text)
        banner_layout.addLayout(banner_buttons)
        self.banner.hide()

        self.heading = QLabel(self)
        self.heading.setObjectName("formHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel(self)
        self.subheading.setWordWrap(True)

        first = QFormLayout()
        self.fields = FieldSet(first, self)
        f = self.fields
        self.person_box = QGroupBox(self.tr("Person"), self)
        self.person_box.setLayout(first)
        f.add_line("surname", self.tr("&Surname:"))
        f.add_line("first_names", self.tr("F&irst names:"))
        f.add_line("birth_date", self.tr("&Date of birth:"), placeholder=date_example())

        self.company_box = QGroupBox(self.tr("Company"), self)
        f.use_layout(QFormLayout(self.company_box))
        f.add_line("company_name", self.tr("Company &name:"))
        f.add_line("business_id", self.tr("Business &ID:"), placeholder="0109862-8")

        address_box = QGroupBox(self.tr("Address"), self)
        f.use_layout(QFormLayout(address_box))
        f.add_line("street", self.tr("S&treet address:"))
        f.add_line("postal_code", self.tr("&Postal code:"))
        f.add_line("post_office", self.tr("Post &office:"))
        f.add_line("country", self.tr("Countr&y:"), placeholder="FI")

        contact_box = QGroupBox(self.tr("Contact details"), self)
        f.use_layout(QFormLayout(contact_box))
        f.add_line("phone_mobile", self.tr("&Mobile phone:"), placeholder="040 123 4567")
        f.add_line("phone_home", self.tr("H&ome phone:"))
        f.add_line("phone_work", self.tr("&Work phone:"))
        f.add_line("email", self.tr("E-&mail:"), placeholder="name@example.fi")
        f.add_combo(
            "language",
            self.tr("&Language:"),
            [(language_label(lang), lang.value) for lang in Language],
        )

        other_box = QGroupBox(self.tr("Other"), self)
        f.use_layout(QFormLayout(other_box))
        f.add_line("customer_since", self.tr("Customer s&ince:"), placeholder=date_example())
        f.add_text("notes", self.tr("&Notes:"))
        extra = f.add_text("extra", self.tr("Other &data:"))
        extra.setPlaceholderText(self.tr("One “name: value” a line, e.g. customer group: loyalty"))
        extra.setAccessibleDescription(
            self.tr("Customer-specific data, one 'name: value' per line.")
        )

        self.contacts_box = QGroupBox(self.tr("Contact persons"), self)
        self.contacts_list = QListWidget(self.contacts_box)
        self.contacts_list.setObjectName("contacts")
        self.contacts_list.setAccessibleName(self.tr("Contact persons"))
        contacts_label = QLabel(self.tr("Contact &persons of the company:"), self.contacts_box)
        contacts_label.setBuddy(self.contacts_list)
        self.contacts_error = QLabel(self.contacts_box)
        self.contacts_error.setWordWrap(True)
        self.contacts_error.hide()
        self.add_contact_button = QPushButton(self.tr("&Add…"), self.contacts_box)
        self.edit_contact_button = QPushButton(self.tr("Chan&ge…"), self.contacts_box)
        self.remove_contact_button = QPushButton(self.tr("Remo&ve"), self.contacts_box)
        self.add_contact_button.setAccessibleName(self.tr("Add contact person"))
        self.edit_contact_button.setAccessibleName(self.tr("Change contact person"))
        self.remove_contact_button.setAccessibleName(self.tr("Remove contact person"))
        self.add_contact_button.clicked.connect(self._on_add_contact_clicked)
        self.edit_contact_button.clicked.connect(self._on_edit_contact_clicked)
        self.remove_contact_button.clicked.connect(self._on_remove_contact_clicked)
        self.contacts_list.itemActivated.connect(lambda _item: self._on_edit_contact_clicked())
        self.contacts_list.currentRowChanged.connect(lambda _row: self._update_contact_buttons())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.contacts_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_remove_contact_clicked)
        # Erasing one contact person (privacy): only a stored one, of a stored customer.
        self.erase_contact_button = QPushButton(self.tr("Erase…"), self.contacts_box)
        self.erase_contact_button.setObjectName("eraseContactButton")
        self.erase_contact_button.setAccessibleName(self.tr("Erase contact person"))
        self.erase_contact_button.clicked.connect(self._on_erase_contact_clicked)
        contact_buttons = QVBoxLayout()
        contact_buttons.addWidget(self.add_contact_button)
        contact_buttons.addWidget(self.edit_contact_button)
        contact_buttons.addWidget(self.remove_contact_button)
        contact_buttons.addWidget(self.erase_contact_button)
        contact_buttons.addStretch(1)
        contacts_row = QHBoxLayout()
        contacts_row.addWidget(self.contacts_list, 1)
        contacts_row.addLayout(contact_buttons)
        contacts_layout = QVBoxLayout(self.contacts_box)
        contacts_layout.addWidget(contacts_label)
        contacts_layout.addLayout(contacts_row)
        contacts_layout.addWidget(self.contacts_error)

        self.summary = QLabel(self)
        self.summary.setObjectName("formSummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Form status"))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save (%1)").replace("%1", "Ctrl+S"))
        self.save_button.setDefault(False)
        self.revert_button = QPushButton(self.tr("&Revert"), self)
        self.revert_button.setToolTip(self.tr("Undo all unsaved changes"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.erase_button = QPushButton(self.tr("Erase…"), self)  # no access key: never by accident
        self.erase_button.setObjectName("eraseButton")
        # As every refused action of the desk: visible, disabled, the reason on hover
        # (refresh_erasability: the level, a restriction of processing, a legal hold).
        self.erase_button.setToolTip(self.tr("Erase this customer's personal data (Art. 17)"))
        self.erase_button.clicked.connect(lambda: self.erase_requested.emit(None))
        # Legal holds are the privacy level's (as erasure): the others never see the button.
        self.hold_button = QPushButton(self.tr("Legal hold…"), self)
        self.hold_button.setObjectName("legalHoldButton")
        self.hold_button.setToolTip(
            self.tr("Put this customer under a legal hold, or lift it (no erasure while held)")
        )
        self.hold_button.setVisible(self._can_erase)
        self.hold_button.setEnabled(False)
        self.hold_button.clicked.connect(self.legal_hold_requested.emit)
        # The form's buttons live in a bar of their own that the customer view puts below
        # the form's scroll area: Save is never below the fold on a 720-pixel screen.
        self.button_bar = QWidget(self)
        self.button_bar.setObjectName("formButtons")
        buttons = QHBoxLayout(self.button_bar)
        buttons.setContentsMargins(9, 4, 9, 6)
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.hold_button)
        buttons.addWidget(self.erase_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.person_box)
        left.addWidget(self.company_box)
        left.addWidget(address_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(contact_box)
        right.addWidget(other_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.restriction_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addLayout(columns)
        layout.addWidget(self.contacts_box)
        layout.addStretch(1)

        # One label width per column, so the editors of stacked group boxes line up.
        for names in (
            (*PERSON_ONLY, *COMPANY_ONLY, "street", "postal_code", "post_office", "country"),
            (
                "phone_mobile",
                "phone_home",
                "phone_work",
                "email",
                "language",
                "customer_since",
                "notes",
                "extra",
            ),
        ):
            width = max(self.fields.labels[n].sizeHint().width() for n in names)
            for n in names:
                self.fields.labels[n].setMinimumWidth(width)

        # Tab order follows the form: left column top to bottom, then the right column.
        chain: list[QWidget] = [self.fields.editors[name] for name in FORM_FIELDS]
        chain += [
            self.contacts_list,
            self.add_contact_button,
            self.edit_contact_button,
            self.remove_contact_button,
            self.revert_button,
            self.save_button,
        ]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

        self.fields.edited.connect(self._on_fields_edited)
        if not self._can_edit:
            self._apply_editability()

    # -- what the form shows ---------------------------------------------------------------

    @property
    def customer(self) -> dc.Customer | None:
        """The stored customer the form edits (None for a new one)."""
        return self._customer

    @property
    def customer_type(self) -> CustomerType:
        return self._type

    def is_dirty(self) -> bool:
        return self._dirty

    def can_save(self) -> bool:
        return self._savable

    def is_saving(self) -> bool:
        return self._saving

    def what(self) -> str:
        """How the guard question names this record."""
        if self._customer is not None:
            return self._customer.name
        if self._type is CustomerType.COMPANY:
            return self.tr("The new company")
        return self.tr("The new person")

    def load(self, customer: dc.Customer) -> None:
        """Show a stored customer; discards whatever the form held."""
        if self._customer is None or self._customer.number != customer.number:
            # Another record: its restriction and hold are known when the header read them.
            self.set_restricted(None)
            self._legal_hold = None
        self._customer = customer
        self._type = customer.type
        self._stale = None
        self._populate(customer.to_draft())
        self._show_all = True  # a stored record's problems are shown at once
        self._refresh()
        self.refresh_erasability()

    def new(self, type_: CustomerType) -> None:
        """An empty form for a new person or company."""
        if hasattr(self, "restriction_banner"):
            self.set_restricted(None)
        self._customer = None
        self._type = type_
        self._stale = None
        self._populate(dc.CustomerDraft(type=type_))
        self._show_all = False  # don't greet a new form with "Required" everywhere
        self._legal_hold = None
        self._refresh()
        self.refresh_erasability()

    def revert(self) -> None:
        if self._customer is not None:
            self.load(self._customer)
        else:
            self.new(self._type)

    def _populate(self, draft: dc.CustomerDraft) -> None:
        self.banner.hide()
        for name in FORM_FIELDS:
            if name == "extra":
                self.fields.set_value(name, format_extra(draft.extra))
            elif name == "language":
                self.fields.set_value(name, draft.language.value)
            elif name in PHONE_FIELDS:
                self.fields.set_value(name, format_phone(str(getattr(draft, name))))
            else:
                self.fields.set_value(name, _text(getattr(draft, name)))
        self._contacts = list(draft.contacts)
        self._fill_contacts()
        self._touched = set()
        self._baseline = self._snapshot()
        # What the form showed when loaded: a refused save rebases the user's changes
        # (fields that differ from these) onto the other user's version.
        self._loaded_values = self.fields.values()
        self._loaded_contacts = tuple(self._contacts)
        is_company = self._type is CustomerType.COMPANY
        self.person_box.setVisible(not is_company)
        self.company_box.setVisible(is_company)
        self.contacts_box.setVisible(is_company)
        # A company has no home: the row is shown only if the register holds one anyway.
        self.fields.set_row_visible("phone_home", not is_company or bool(draft.phone_home))
        # The customer-since date is history once stored: shown, not edited.
        since = self.fields.editors["customer_since"]
        assert isinstance(since, QLineEdit)
        since.setReadOnly(self._customer is not None or not self._can_edit)
        self._update_heading()

    def _update_heading(self) -> None:
        c = self._customer
        if c is None:
            self.heading.setText(
                self.tr("New company")
                if self._type is CustomerType.COMPANY
                else self.tr("New person")
            )
            self.subheading.setText(
                self.tr("Fill in the fields; Save checks for duplicates first.")
            )
            return
        self.heading.setText(c.name or c.number)
        if c.updated_at is None:  # the user's level may not read who changed it
            self.subheading.setText(
                self.tr("%1 %2").replace("%1", type_label(c.type)).replace("%2", c.number)
            )
            return
        self.subheading.setText(
            self.tr("%1 %2 · last changed %3 by %4")
            .replace("%1", type_label(c.type))
            .replace("%2", c.number)
            .replace("%3", format_datetime(c.updated_at))
            .replace("%4", c.updated_by)
        )

    def _fill_contacts(self) -> None:
        self.contacts_list.clear()
        for contact in self._contacts:
            parts = [f"{contact.surname} {contact.first_names}".strip()]
            phone = format_phone(contact.phone_mobile or contact.phone_work)
            parts += [p for p in (contact.role, phone) if p]
            parts += [contact.email] if contact.email else []
            item = QListWidgetItem(" — ".join(parts))
            self.contacts_list.addItem(item)
        self._update_contact_buttons()

    def _update_contact_buttons(self) -> None:
        row = self.contacts_list.currentRow()
        has = row >= 0
        self.edit_contact_button.setEnabled(self._can_edit and has)
        self.remove_contact_button.setEnabled(self._can_edit and has)
        stored = has and row < len(self._contacts) and self._contacts[row].id is not None
        self.erase_contact_button.setEnabled(
            stored and self._customer is not None and not self.erase_block()
        )

    def _on_erase_contact_clicked(self) -> None:
        row = self.contacts_list.currentRow()
        if 0 <= row < len(self._contacts) and self._contacts[row].id is not None:
            self.erase_requested.emit(self._contacts[row].id)

    def contact_name(self, contact_id: int) -> str:
        """A stored contact person's name as the form shows it ("" if not there)."""
        for contact in self._contacts:
            if contact.id == contact_id:
                return _contact_name(contact)
        return ""

    # -- reading and checking ----------------------------------------------------------------

    def _snapshot(self) -> Snapshot:
        values = self.fields.values()
        # Visible fields only: a person's hidden company fields never make the form dirty.
        hidden = COMPANY_ONLY if self._type is CustomerType.PERSON else PERSON_ONLY
        return (
            tuple(sorted((k, v) for k, v in values.items() if k not in hidden)),
            tuple(self._contacts),
        )

    def raw_draft(self) -> tuple[dc.CustomerDraft, dict[str, FieldError]]:
        """The draft the widgets hold, and the problems found before validation (dates)."""
        v = self.fields.values()
        problems: dict[str, FieldError] = {}
        dates: dict[str, date | None] = {}
        for name in DATE_FIELDS:
            try:
                dates[name] = parse_date(v[name])
            except ValueError:
                dates[name] = None
                problems[name] = FieldError(name, "invalid_date", "is not a date")
        try:
            extra = parse_extra(v["extra"])
        except ValueError:
            extra = {}
            problems["extra"] = FieldError("extra", "extra_format", "needs name: value lines")
        is_person = self._type is CustomerType.PERSON
        since = dates["customer_since"]
        if self._customer is not None:
            since = self._customer.customer_since
        draft = dc.CustomerDraft(
            type=self._type,
            surname=v["surname"] if is_person else "",
            first_names=v["first_names"] if is_person else "",
            company_name="" if is_person else v["company_name"],
            business_id="" if is_person else v["business_id"],
            street=v["street"],
            postal_code=v["postal_code"],
            post_office=v["post_office"],
            country=v["country"],
            phone_home=v["phone_home"],
            phone_work=v["phone_work"],
            phone_mobile=v["phone_mobile"],
            email=v["email"],
            birth_date=dates["birth_date"] if is_person else None,
            language=Language(v["language"] or Language.FI.value),
            customer_since=since,
            notes=v["notes"],
            extra=extra,
            contacts=tuple(self._contacts),
        )
        return draft, problems

    def _refresh(self) -> None:
        draft, problems = self.raw_draft()
        errors: dict[str, FieldError] = {}
        clean: dc.CustomerDraft | None = None
        try:
            clean = validate_customer(draft, date.today())
        except ValidationFailed as exc:
            errors = dict(exc.errors)
        for key, problem in problems.items():
            errors[key] = problem  # a date we couldn't read beats "required"
        for key in [k for k in errors if k.startswith("extra.")]:
            # Problems of one "name: value" line are shown at the whole text field.
            errors.setdefault("extra", errors.pop(key))
        self._errors = errors
        self._clean = None if errors else clean
        self._show_errors()
        dirty = self._snapshot() != self._baseline
        savable = self._can_edit and dirty and not errors and not self._saving
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        if savable != self._savable:
            self._savable = savable
            self.savable_changed.emit(savable)
        self.save_button.setEnabled(savable)
        self.revert_button.setEnabled(self._can_edit and dirty and not self._saving)
        self._update_summary()

    def _show_errors(self) -> None:
        for name in self.fields.editors:
            err = self._errors.get(name)
            visible = err is not None and (self._show_all or name in self._touched)
            self.fields.set_error(name, describe_field_error(err) if visible and err else "")
        contact_lines = []
        for key, err in self._errors.items():
            if key == "contacts" or key.startswith("contacts["):
                index = key[len("contacts[") :].split("]")[0] if "[" in key else ""
                who = ""
                if index.isdigit() and int(index) < len(self._contacts):
                    c = self._contacts[int(index)]
                    who = f"{c.surname} {c.first_names}: "
                contact_lines.append(f"{who}{field_label(key)}: {describe_field_error(err)}")
        self.contacts_error.setText("\n".join(contact_lines))
        self.contacts_error.setVisible(bool(contact_lines))

    def field_errors(self) -> dict[str, str]:
        """The messages now shown at the fields (for tests and the summary line)."""
        return {n: self.fields.error(n) for n in self.fields.editors if self.fields.error(n)}

    def _update_summary(self) -> None:
        if self._saving:
            self.summary.setText(self.tr("Saving…"))
        elif self._restricted_since is not None:
            self.summary.setText(self.tr("Read only: processing restricted (Art. 18)."))
        elif not self._can_edit:
            self.summary.setText(self.tr("Read only."))
        elif self._errors and (self._dirty or self._customer is not None):
            names = ", ".join(field_label(k) for k in self._errors)
            self.summary.setText(self.tr("To save, check: %1").replace("%1", names))
        elif self._dirty:
            self.summary.setText(self.tr("Unsaved changes."))
        else:
            self.summary.setText("")

    @Slot(str)
    def _on_fields_edited(self, name: str) -> None:
        self._touched.add(name)
        if name == "country":
            # The country decides how postal codes and phones are read.
            self._touched.update(("postal_code", "phone_home", "phone_work", "phone_mobile"))
        self._refresh()

    # -- contact persons ---------------------------------------------------------------------

    def _country(self) -> str:
        return (self.fields.value("country").strip().upper() or "FI")[:2]

    @Slot()
    def _on_add_contact_clicked(self) -> None:
        draft = dialogs.edit_contact(self, None, self._country())
        if draft is not None:
            self._contacts.append(draft)
            self._fill_contacts()
            self.contacts_list.setCurrentRow(len(self._contacts) - 1)
            self._refresh()

    @Slot()
    def _on_edit_contact_clicked(self) -> None:
        row = self.contacts_list.currentRow()
        if not (0 <= row < len(self._contacts)) or not self._can_edit:
            return
        draft = dialogs.edit_contact(self, self._contacts[row], self._country())
        if draft is not None:
            self._contacts[row] = draft
            self._fill_contacts()
            self.contacts_list.setCurrentRow(row)
            self._refresh()

    @Slot()
    def _on_remove_contact_clicked(self) -> None:
        row = self.contacts_list.currentRow()
        if not (0 <= row < len(self._contacts)) or not self._can_edit:
            return
        del self._contacts[row]
        self._fill_contacts()
        self.contacts_list.setCurrentRow(min(row, len(self._contacts) - 1))
        self._refresh()

    # -- saving ------------------------------------------------------------------------------

    def changes(self, clean: dc.CustomerDraft) -> list[dialogs.Change]:
        """What this save changes, field by field, for the source question (the rule is
        :func:`kkdesk.domain.changes.draft_changes`; this puts it into words)."""
        before = self._customer.to_draft() if self._customer is not None else None
        return [self._change_words(c) for c in draft_changes(before, clean)]

    def _change_words(self, change: FieldChange) -> dialogs.Change:
        if change.field == EXTRA:
            old, new = change.before, change.after
            assert isinstance(old, dict) and isinstance(new, dict)
            return dialogs.Change(self.tr("Other data"), format_extra(old), format_extra(new))
        if change.field == CONTACTS:
            return dialogs.Change(
                field_label("contacts"), _contact_name(change.before), _contact_name(change.after)
            )
        if change.field == "language":
            return dialogs.Change(
                field_label("language"),
                language_label(str(change.before)),
                language_label(str(change.after)),
            )
        return dialogs.Change(field_label(change.field), _text(change.before), _text(change.after))

    @Slot()
    def save(self) -> None:
        """Ask the source (and, for a new customer, check duplicates), then store."""
        if self._saving:
            return
        if not self._savable or self._clean is None:
            self._show_all = True
            self._refresh()
            return
        clean = self._clean
        if self._customer is None:
            self._set_saving(True)
            ds = self._ds
            self._runner.run(
                lambda: customers.find_duplicates(ds, clean),
                success=lambda hits: self._on_duplicates_checked(clean, hits),
                failure=self._on_save_failed,
            )
            return
        self._ask_source_and_store(clean)

    def find_duplicates(self) -> None:
        """Check the register for this customer now, without saving."""
        draft, _ = self.raw_draft()
        ds = self._ds
        clean = self._clean or draft
        self._runner.run(
            lambda: customers.find_duplicates(ds, clean),
            success=self._on_manual_duplicates_checked,
        )

    def _on_manual_duplicates_checked(self, hits: tuple[dc.CustomerSummary, ...]) -> None:
        own = self._customer.id if self._customer is not None else None
        hits = tuple(h for h in hits if h.id != own)
        if not hits:
            self.status_message.emit(self.tr("No possible duplicates found."))
            return
        # Merging is offered for a stored record without unsaved changes (the merge
        # changes the record, and a later save of the old draft would be refused).
        merge_into = ""
        if (
            self._customer is not None
            and self._ds.can(Capability.MERGE_CUSTOMERS)
            and not self.is_dirty()
        ):
            merge_into = self._customer.number
        if merge_into:
            choice, selected = dialogs.ask_duplicates(self, hits, merge_into=merge_into)
        else:
            choice, selected = dialogs.ask_duplicates(self, hits)
        if choice is dialogs.DuplicateChoice.OPEN and selected is not None:
            self.open_requested.emit(selected)
        if choice is dialogs.DuplicateChoice.MERGE and selected is not None:
            self.merge_requested.emit(selected)

    def _on_duplicates_checked(
        self, clean: dc.CustomerDraft, hits: tuple[dc.CustomerSummary, ...]
    ) -> None:
        self._set_saving(False)
        if hits:
            choice, selected = dialogs.ask_duplicates(self, hits)
            if choice is dialogs.DuplicateChoice.OPEN and selected is not None:
                self.open_requested.emit(selected)
                return
            if choice is not dialogs.DuplicateChoice.CREATE:
                return
        self._ask_source_and_store(clean)

    def _ask_source_and_store(self, clean: dc.CustomerDraft) -> None:
        answer = dialogs.ask_source(self, self.changes(clean), self._last_source)
        if answer is None:
            return
        source, detail = answer
        self._last_source = source
        self._set_saving(True)
        ds, base, purpose = self._ds, self._customer, self.purpose
        if base is None:
            self._runner.run(
                lambda: customers.create(
                    ds, clean, source=source, source_detail=detail, purpose=purpose
                ),
                success=self._on_saved,
                failure=self._on_save_failed,
            )
        else:
            number, version = base.number, base.version
            self._runner.run(
                lambda: customers.update(
                    ds,
                    number,
                    clean,
                    expected_version=version,
                    source=source,
                    source_detail=detail,
                    purpose=purpose,
                ),
                success=self._on_saved,
                failure=self._on_save_failed,
            )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._refresh()

    def _on_saved(self, customer: dc.Customer) -> None:
        self._saving = False
        self.load(customer)
        self.status_message.emit(
            self.tr("Saved %1 (%2).").replace("%1", customer.name).replace("%2", customer.number)
        )
        self.saved.emit(customer)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, StaleEdit) and self._customer is not None:
            self._show_stale(exc)
            return
        if isinstance(exc, ValidationFailed):
            self._errors.update(exc.errors)
            self._show_all = True
            self._show_errors()
        # The main window reports it (a bug is logged there, once, with its traceback).
        self.error_reported.emit(exc)

    # -- someone else saved first ------------------------------------------------------------

    def _stale_head(self, exc: StaleEdit) -> str:
        by, at = exc.params.get("changed_by"), exc.params.get("changed_at")
        if by and at:
            when = format_datetime(at) if isinstance(at, datetime) else str(at)
            return (
                self.tr(
                    "%1 saved this record at %2, after you opened it. Your changes are not "
                    "saved, but they are kept in the form."
                )
                .replace("%1", str(by))
                .replace("%2", when)
            )
        return self.tr(
            "Someone else saved this record after you opened it. Your changes are not "
            "saved, but they are kept in the form."
        )

    def _show_stale(self, exc: StaleEdit) -> None:
        self.banner_text.setText(self._stale_head(exc))
        self.banner.show()
        self.keep_button.setEnabled(False)  # until their version is here to compare with
        ds, number, purpose = (
            self._ds,
            self._customer.number if self._customer else "",
            self.purpose,
        )
        self._runner.run(
            lambda: customers.get(ds, number, purpose=purpose),
            success=lambda fresh: self._on_fresh_loaded(exc, fresh),
        )
        self.banner_text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _my_changes(self) -> list[str]:
        """The fields the user changed since the record was loaded."""
        return changed_fields(self._loaded_values, self.fields.values())

    def _on_fresh_loaded(self, exc: StaleEdit, fresh: dc.Customer) -> None:
        self._stale = fresh
        old = self._customer
        mine = set(self._my_changes())
        lines = [self._stale_head(exc), "", self.tr("Their changes:")]
        if old is not None:
            theirs = draft_changes(old.to_draft(), fresh.to_draft(), contacts_each=False)
            # The banner names the contact persons before the other data.
            theirs.sort(key=lambda c: c.field == EXTRA)
            for change in theirs:
                if change.field == CONTACTS:
                    lines.append(f"• {field_label('contacts')}")
                    continue
                if change.field == EXTRA:
                    lines.append(f"• {self.tr('Other data')}")
                    continue
                name = change.field
                a, b = _shown(name, change.before), _shown(name, change.after)
                if a == b:
                    continue  # the same as the form shows it
                line = f"• {field_label(name)}: {a or '—'} → {b or '—'}"
                if name in mine:
                    line += " " + self.tr("(you changed this too; yours is kept)")
                lines.append(line)
        if len(lines) == 3:
            lines.append(self.tr("(no visible differences in the basic data)"))
        lines += [
            "",
            self.tr(
                "Keep your changes (they are put on top of their version; then check and "
                "save), or use their version and discard yours."
            ),
        ]
        self.banner_text.setText("\n".join(lines))
        self.keep_button.setEnabled(True)

    def stale_version(self) -> dc.Customer | None:
        return self._stale

    @Slot()
    def _on_keep_clicked(self) -> None:
        """Their version with the user's own changes on top (a three-way merge against
        the version the user opened): nothing of theirs is lost that the user did not
        change, and Save then stores the result as a normal, checked save."""
        fresh = self._stale
        if fresh is None:
            return
        base, mine = self._loaded_values, self.fields.values()
        contacts = merge_contacts(self._loaded_contacts, self._contacts, fresh.to_draft().contacts)
        self._customer = fresh
        self._stale = None
        self._populate(fresh.to_draft())  # their version becomes what the form is based on
        merged = merge_fields(base, mine, self.fields.values())
        changed = list(merged.mine)
        for name in changed:
            self.fields.set_value(name, str(merged.values[name]))
            self._touched.add(name)
        self._contacts = contacts
        self._fill_contacts()
        self._show_all = True
        self._refresh()
        self.status_message.emit(
            self.tr("Your changes are applied to their version: check them, then save.")
        )
        if changed:
            self.fields.editors[changed[0]].setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_reload_clicked(self) -> None:
        fresh = self._stale
        if fresh is not None:
            self.load(fresh)
        self.banner.hide()

    def last_source_label(self) -> str:
        return source_label(self._last_source) if self._last_source else ""


def _contact_name(contact: object) -> str:
    if not isinstance(contact, dc.ContactPersonDraft):
        return ""
    return f"{contact.surname} {contact.first_names}"


def _shown(name: str, value: object) -> str:
    """A draft value as the form shows it."""
    if name in PHONE_FIELDS:
        return format_phone(str(value or ""))
    if name == "language":
        return language_label(str(value)) if value else ""
    return _text(value)
