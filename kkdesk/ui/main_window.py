"""The main window: search on the left, the open customer on the right, keyboard first.

Every action sits in a menu with its shortcut shown there. The title and status bar say
which database this is, who is signed in and at which level. Window geometry, the splitter
and column widths are kept in QSettings (window state only: preferences live in
:mod:`kkdesk.config`, secrets only in the OS keyring).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkdesk.config import Preferences
from kkdesk.domain.customer import Customer, CustomerSummary
from kkdesk.domain.enums import CustomerType, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.navigation import RECENT_MAX, Visit, Visits
from kkdesk.errors import KnownError, NotFound
from kkdesk.services.session import DeskSession
from kkdesk.ui.about_dialog import show_about
from kkdesk.ui.columns import compact_rows
from kkdesk.ui.customer_view import CustomerView
from kkdesk.ui.desk_events import announce_change
from kkdesk.ui.failures import report_failure
from kkdesk.ui.labels import level_label, purpose_label
from kkdesk.ui.screen import fit_to_screen
from kkdesk.ui.search_panel import SearchPanel
from kkdesk.ui.settings_dialog import SettingsDialog
from kkdesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# How long database work runs before the status bar's busy indicator shows.
BUSY_DELAY_MS = 250


class MainWindow(QMainWindow):
    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        *,
        user: str,
        prefs: Preferences | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ds = ds
        self.runner = runner
        self.user = user  # resolved once at sign-in: on PostgreSQL it is a query
        self.prefs = prefs or Preferences()
        self.settings = settings or QSettings()
        self._boxes: list[QMessageBox] = []
        self._requests_window: QDialog | None = None
        self._snapshot_windows: list[MainWindow] = []

        self.search = SearchPanel(ds, runner, self)
        self.view = CustomerView(ds, runner, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.search)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        container = QWidget(self)
        layout = QVBoxLayout(container)
        layout.setContentsMargins(6, 6, 6, 0)
        self.offline_banner = self._offline_banner(ds)  # None unless a snapshot
        if self.offline_banner is not None:
            layout.addWidget(self.offline_banner)
        layout.addWidget(self.splitter)
        self.setCentralWidget(container)

        self.visits = Visits()  # in memory only: see kkdesk/domain/navigation.py
        self._build_purpose()
        self._build_actions()
        self._build_navigation()
        self._build_status()
        self._build_offline()

        self.search.customer_activated.connect(self._on_search_customer_activated)
        self.view.customer_shown.connect(self._on_view_customer_shown)
        self.view.customer_saved.connect(self._on_view_customer_saved)
        self.view.load_failed.connect(self.show_error)
        self.view.load_failed.connect(self._on_view_load_failed)
        self.view.form.error_reported.connect(self.show_error)
        self.view.form.status_message.connect(self._on_status_message)
        self.view.status_message.connect(self._on_status_message)
        self.view.form.open_requested.connect(self._on_search_customer_activated)
        self.view.form.merge_requested.connect(self._on_form_merge_requested)
        self.view.form.savable_changed.connect(self._on_form_savable_changed)
        self.view.form.dirty_changed.connect(self._on_form_dirty_changed)
        self.view.restriction_changed.connect(self._on_view_restriction_changed)
        self.view.lift_requested.connect(self.lift_restriction)
        self.runner.error_reported.connect(self.show_error)

        # Shortcuts a text field would otherwise take (see eventFilter).
        self._menu_keys = {(Qt.KeyboardModifier.ControlModifier, int(Qt.Key.Key_E.value))}
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._update_title()
        self._restore_state()
        self.search.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building ------------------------------------------------------------------------

    def _build_navigation(self) -> None:
        """Back and Forward as toolbar buttons too (their tooltips say where, or why not)."""
        toolbar = self.addToolBar(self.tr("Navigation"))
        toolbar.setObjectName("navigationToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        self.insertToolBar(self.purpose_toolbar, toolbar)
        self._update_nav_actions()

    def _build_purpose(self) -> None:
        toolbar = self.addToolBar(self.tr("Purpose"))
        self.purpose_toolbar = toolbar
        toolbar.setObjectName("purposeToolbar")
        toolbar.setMovable(False)
        self.purpose = QComboBox(self)
        self.purpose.setObjectName("purpose")
        self.purpose.setAccessibleName(self.tr("Purpose of use"))
        self.purpose.setToolTip(
            self.tr("Why you open records: written in the audit trail with every read.")
        )
        for purpose in Purpose:
            self.purpose.addItem(purpose_label(purpose), purpose.value)
        self.purpose.setCurrentIndex(max(self.purpose.findData(self.prefs.last_purpose), 0))
        label = QLabel(self.tr("P&urpose of use:"), self)
        label.setBuddy(self.purpose)
        toolbar.addWidget(label)
        toolbar.addWidget(self.purpose)
        self.purpose.currentIndexChanged.connect(self._on_purpose_changed)
        self._on_purpose_changed()

    def _action(
        self,
        menu: QMenu,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
        name: str,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.addAction(action)  # works while the menu bar is hidden or a dialog has focus
        return action

    def _allow(self, action: QAction, capability: Capability) -> None:
        """Disable what the user's level may not do, saying why (never hide it: the user
        should learn that it exists and whom to ask)."""
        allowed = self.ds.can(capability)
        action.setEnabled(allowed)
        action.setProperty("allowed", allowed)
        if not allowed:
            why = self.tr("Your user level (%1) does not allow this.").replace(
                "%1", level_label(self.ds.level)
            )
            action.setToolTip(why)
            action.setStatusTip(why)

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)  # a disabled action's tooltip says why
        self.new_person_action = self._action(
            file_menu,
            self.tr("New &person"),
            QKeySequence.StandardKey.New,
            lambda: self.new_customer(CustomerType.PERSON),
            "newPerson",
        )
        self.new_company_action = self._action(
            file_menu,
            self.tr("New &company"),
            "Ctrl+Shift+N",
            lambda: self.new_customer(CustomerType.COMPANY),
            "newCompany",
        )
        self.save_action = self._action(
            file_menu, self.tr("&Save"), QKeySequence.StandardKey.Save, self.save, "save"
        )
        _enable(self.save_action, False, self.tr("Nothing to save: no customer is open."))
        for action in (self.new_person_action, self.new_company_action):
            self._allow(action, Capability.EDIT_CUSTOMERS)
        file_menu.addSeparator()
        self.marketing_action = self._action(
            file_menu,
            self.tr("&Marketing export…"),
            "Ctrl+E",
            self.open_marketing_export,
            "marketingExport",
        )
        self._allow(self.marketing_action, Capability.MARKETING_EXPORT)
        self.address_updates_action = self._action(
            file_menu, self.tr("Import &address updates…"), "Ctrl+Shift+U",
            self.open_address_updates, "importAddressUpdates",
        )  # fmt: skip
        self._allow(self.address_updates_action, Capability.EDIT_CUSTOMERS)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Se&ttings…"), "Ctrl+,", self.open_settings, "settings")
        self.register_settings_action = self._action(
            file_menu, self.tr("Re&gister settings…"), "Ctrl+Shift+R", self.open_register_settings,
            "registerSettings",
        )  # fmt: skip
        self.retention_action = self._action(
            file_menu, self.tr("&Retention…"), "Ctrl+Shift+T", self.open_retention, "retention"
        )
        self._allow(self.retention_action, Capability.RUN_RETENTION)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), "Ctrl+Q", self.close, "quit")

        # Three menus only: each menu's Alt+letter must stay free of the form's mnemonics.
        customer_menu = bar.addMenu(self.tr("&Customer"))
        customer_menu.setToolTipsVisible(True)
        self._action(
            customer_menu,
            self.tr("&Find customer"),
            QKeySequence.StandardKey.Find,
            self.search.focus_search,
            "find",
        )
        self._action(
            customer_menu,
            self.tr("Search re&sults"),
            "F6",
            self.search.focus_results,
            "results",
        )
        self._action(customer_menu, self.tr("&Open selected"), "Ctrl+O", self.open_selected, "open")
        self._action(
            customer_menu,
            self.tr("&Reload"),
            QKeySequence.StandardKey.Refresh,
            self.reload,
            "reload",
        )
        self.duplicates_action = self._action(
            customer_menu,
            self.tr("Find &duplicates"),
            "Ctrl+D",
            self.view.form.find_duplicates,
            "duplicates",
        )
        self._action(
            customer_menu, self.tr("&Close customer"), "Ctrl+W", self.close_customer, "close"
        )
        self.copy_number_action = self._action(
            customer_menu,
            self.tr("Cop&y customer number"),
            "Ctrl+Shift+C",
            self.copy_customer_number,
            "copyNumber",
        )
        customer_menu.addSeparator()
        # Between the customers opened in this session, as in a browser (Alt+Left/Right).
        self.back_action = self._action(
            customer_menu, self.tr("Bac&k"), "Alt+Left", self.go_back, "back"
        )
        self.forward_action = self._action(
            customer_menu, self.tr("For&ward"), "Alt+Right", self.go_forward, "forward"
        )
        self.recent_action = self._action(
            customer_menu,
            self.tr("Recen&t customers…"),
            "Ctrl+H",
            self.show_recent,
            "recent",
        )
        style = self.style()
        self.back_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.forward_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        # Ctrl+1 … Ctrl+9 open the recent customers directly (listed under "Anywhere").
        self.recent_keys: list[QAction] = []
        for i in range(RECENT_MAX):
            key = QAction(self)
            key.setObjectName(f"recent{i + 1}")
            key.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            key.triggered.connect(partial(self._on_recent_key_triggered, i))
            self.addAction(key)
            self.recent_keys.append(key)
        customer_menu.addSeparator()
        self._action(
            customer_menu,
            self.tr("Choose &purpose of use"),
            "Ctrl+Shift+P",
            self._focus_purpose,
            "purpose",
        )
        customer_menu.addSeparator()
        self.letter_action = self._action(
            customer_menu,
            self.tr("Access &letter…"),
            QKeySequence.StandardKey.Print,
            self.open_access_letter,
            "accessLetter",
        )
        self._allow(self.letter_action, Capability.SUBJECT_REPORTS)
        self.requests_action = self._action(
            customer_menu,
            self.tr("Data-subject re&quests…"),
            "Ctrl+R",
            self.open_requests,
            "requests",
        )
        self._allow(self.requests_action, Capability.SUBJECT_REPORTS)
        # GDPR Art. 18: privacy staff restrict and lift (an offline snapshot cannot).
        self.restrict_action = self._action(
            customer_menu,
            self.tr("Restr&ict processing (Art. 18)…"),
            "Ctrl+Shift+X",
            self.restrict_processing,
            "restrictProcessing",
        )
        self.lift_action = self._action(
            customer_menu,
            self.tr("Lift the restriction of processin&g…"),
            "Ctrl+Shift+L",
            self.lift_restriction,
            "liftRestriction",
        )
        for action in (self.restrict_action, self.lift_action):
            self._allow(action, Capability.SUBJECT_REPORTS)
            if self.ds.read_only:
                _enable(action, False, self.tr("An offline copy cannot be changed."))
                action.setProperty("allowed", False)
        customer_menu.addSeparator()
        # One shortcut per tab of the customer view, in the order the tabs are shown.
        self.tab_actions: list[QAction] = []
        for i in range(self.view.tabs.count()):
            action = self._action(
                customer_menu,
                self.view.tabs.tabText(i),
                f"Alt+{i + 1}" if i < 9 else None,
                partial(self._show_tab, i),
                f"tab{i}",
            )
            self.tab_actions.append(action)
        self._action(
            customer_menu,
            self.tr("&Next tab"),
            "Ctrl+PgDown",
            lambda: self._step_tab(1),
            "nextTab",
        )
        self._action(
            customer_menu,
            self.tr("Pre&vious tab"),
            "Ctrl+PgUp",
            lambda: self._step_tab(-1),
            "previousTab",
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("&Keyboard shortcuts"),
            QKeySequence.StandardKey.HelpContents,
            self.show_shortcuts,
            "shortcuts",
        )
        self._action(help_menu, self.tr("&About kkdesk"), None, self.show_about, "about")
        # F10 opens the first menu (as in most desktops), then the arrow keys go on.
        menus = QAction(self)
        menus.setObjectName("openMenus")
        menus.setShortcut(QKeySequence("F10"))
        menus.triggered.connect(lambda _checked=False: bar.setActiveAction(bar.actions()[0]))
        self.addAction(menus)
        self._update_customer_actions()

    def _build_status(self) -> None:
        self.identity = _ElidedLabel(self)
        self.identity.setObjectName("identity")
        self.identity.setAccessibleName(self.tr("Database and user"))
        level = level_label(self.ds.level)
        if self.ds.is_embedded:
            text = self.tr(
                "Embedded database %1 · you work as the local user %2 · level %3 (from settings)"
            )
        else:
            text = self.tr("Database %1 · user %2 · level %3")
        text = text.replace("%1", self.ds.describe()).replace("%2", self.user).replace("%3", level)
        self.identity.setText(text)
        self.identity.setToolTip(text)  # the whole text, when the window is too narrow for it
        # Messages ("Saved …") on the left, the connection on the right: the identity label
        # takes at most its share (it elides), so a message always has room (issue 12).
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)  # "working", no amount known
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(self.fontMetrics().height())
        self.busy.setAccessibleName(self.tr("The database is working"))
        self.busy.setToolTip(self.tr("The database is working…"))
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.identity)
        # Quick work (most searches) never flashes the indicator: it shows only when work
        # has run for a moment, and hides as soon as the last task is done.
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._on_busy_timer_timeout)
        self.runner.busy_changed.connect(self._on_runner_busy_changed)

    # -- actions ---------------------------------------------------------------------------

    def new_customer(self, type_: CustomerType) -> None:
        if not self.ds.can(Capability.EDIT_CUSTOMERS) or not self.view.confirm_leave():
            return
        self.view.new_customer(type_)

    def save(self) -> None:
        self.view.form.save()

    def open_selected(self) -> None:
        summary = self.search.current_summary()
        if summary is not None:
            self._on_search_customer_activated(summary)

    def open_number(self, number: str) -> None:
        """Open a customer by number (after the unsaved-changes guard)."""
        if self.view.confirm_leave():
            self.view.open_number(number)

    def reload(self) -> None:
        self.search.search_now()
        customer = self.view.customer
        if customer is not None and self.view.confirm_leave():
            self.view.open_number(customer.number)

    # -- back, forward and the recent customers ---------------------------------------------

    def _back_target(self) -> Visit | None:
        """Where Back goes: the customer before the one shown, or the one shown last when
        the view holds something else (a new customer's form, nothing)."""
        current = self.visits.current
        shown = self.view.customer
        if current is not None and (shown is None or shown.number != current.number):
            return current
        return self.visits.back_target()

    def go_back(self) -> None:
        """Open the customer before this one (an ordinary, audited open)."""
        target = self._back_target()
        if target is None or not self.view.confirm_leave():
            return
        if target is not self.visits.current:
            self.visits.step(-1)
        self.view.open_number(target.number)

    def go_forward(self) -> None:
        target = self.visits.forward_target()
        if target is None or not self.view.confirm_leave():
            return
        self.visits.step(1)
        self.view.open_number(target.number)

    def recent_menu(self) -> QMenu:
        """The recent customers as a menu: &1 … &9, most recent first."""
        menu = QMenu(self.tr("Recent customers"), self)
        menu.setObjectName("recentMenu")
        for i, visit in enumerate(self.visits.recent()):
            text = f"&{i + 1} {visit.name.replace('&', '&&')} ({visit.number})"
            action = menu.addAction(text)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(partial(self.open_recent, i))
        return menu

    def show_recent(self) -> None:
        if not self.visits.recent():
            self.statusBar().showMessage(self.recent_action.statusTip(), 5000)
            return
        menu = self.recent_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.mapToGlobal(self.view.rect().topLeft()))
        menu.setActiveAction(menu.actions()[0])

    def open_recent(self, index: int) -> None:
        """Open the ``index``-th recent customer (an ordinary, audited open)."""
        recent = self.visits.recent()
        if not 0 <= index < len(recent):
            self.statusBar().showMessage(
                self.tr("No recent customer %1 in this session.").replace("%1", str(index + 1)),
                5000,
            )
            return
        shown = self.view.customer
        if shown is not None and shown.number == recent[index].number:
            self.view.tabs.setCurrentIndex(0)
            return
        self.open_number(recent[index].number)

    def _on_recent_key_triggered(self, index: int, _checked: bool = False) -> None:
        self.open_recent(index)

    def _update_nav_actions(self) -> None:
        back, forward = self._back_target(), self.visits.forward_target()
        for action, target, shortcut, why in (
            (self.back_action, back, "Alt+Left",
             self.tr("No earlier customer: Back goes to the customers opened before this one.")),
            (self.forward_action, forward, "Alt+Right",
             self.tr("No later customer: Forward works after Back.")),
        ):  # fmt: skip
            if target is None:
                _enable(action, False, why)
                continue
            where = f"{target.name} ({target.number})"
            action.setEnabled(True)
            action.setToolTip(f"{_plain(action.text())}: {where} ({shortcut})")
            action.setStatusTip(
                self.tr("Open %1 again (an audited read, like any opening).").replace("%1", where)
            )
        _enable(
            self.recent_action,
            bool(self.visits.recent()),
            self.tr("No customers opened yet in this session."),
        )

    @Slot(object)
    def _on_view_load_failed(self, exc: BaseException) -> None:
        number = exc.params.get("number") if isinstance(exc, NotFound) else None
        if isinstance(number, str):
            self.visits.forget(number)  # erased or gone: Back and the list skip it
        self._update_nav_actions()

    def close_customer(self) -> None:
        if self.view.confirm_leave():
            self.view.close_customer()
            self.search.focus_search()

    def copy_customer_number(self) -> None:
        customer = self.view.customer
        if customer is None:
            return
        QGuiApplication.clipboard().setText(customer.number)
        self.statusBar().showMessage(
            self.tr("Customer number %1 copied.").replace("%1", customer.number), 5000
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The desk's own Ctrl+ shortcuts win over a text field's: a line edit takes Ctrl+E
        (end of line, Emacs style) and the marketing export did not open from the search
        field. Only the menus' shortcuts are let through; typing is untouched."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = (event.modifiers(), int(event.key()))
            if pressed in self._menu_keys and self.isActiveWindow():
                return True  # not accepted by the field: the shortcut map takes it
        return super().eventFilter(watched, event)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.prefs, embedded=self.ds.is_embedded, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.apply():
            self.prefs.save()
            self.statusBar().showMessage(
                self.tr("Settings saved; they take effect when you next start the desk."),
                8000,
            )

    def open_access_letter(self) -> QDialog | None:
        """The open customer's access letter: preview, print, save (non-modal)."""
        customer = self.view.customer
        if customer is None or not self.ds.can(Capability.SUBJECT_REPORTS):
            return None
        from kkdesk.ui.letter_dialog import LetterDialog

        dialog = LetterDialog(self.ds, self.runner, customer.number, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_requests(self) -> QDialog | None:
        """Every open data-subject request of the register (one window, raised if open)."""
        if not self.ds.can(Capability.SUBJECT_REPORTS):
            return None
        if self._requests_window is None:
            from kkdesk.ui.requests_view import RequestsWindow

            self._requests_window = RequestsWindow(self.ds, self.runner, self)
        self._requests_window.show()
        self._requests_window.raise_()
        self._requests_window.activateWindow()
        return self._requests_window

    def restrict_processing(self) -> QDialog | None:
        """Restrict the open customer's processing (Art. 18): the ground and the reason."""
        customer = self.view.customer
        if customer is None or not bool(self.restrict_action.property("allowed")):
            return None
        from kkdesk.ui.restriction import RestrictDialog

        dialog = RestrictDialog(self.ds, self.runner, customer.number, customer.name, self)
        dialog.restricted.connect(self._on_restriction_recorded)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def lift_restriction(self) -> QDialog | None:
        """Lift the open customer's restriction: the Art. 18(3) notice first, then the lift."""
        customer = self.view.customer
        if customer is None or not bool(self.lift_action.property("allowed")):
            return None
        from kkdesk.ui.restriction import LiftDialog

        dialog = LiftDialog(
            self.ds, self.runner, customer.number, customer.name, customer.language, self
        )
        dialog.lifted.connect(self._on_restriction_recorded)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot(object)
    def _on_restriction_recorded(self, restriction: object) -> None:
        number = getattr(restriction, "number", "")
        lifted = getattr(restriction, "lifted_at", None) is not None
        self.statusBar().showMessage(
            self.tr("Restriction lifted.") if lifted else self.tr("Processing restricted."),
            8000,
        )
        announce_change(str(number))  # the header (and with it the form) reads it again
        if self.search.model.query:
            self.search.search_now()  # the result list's marker follows

    @Slot(object)
    def _on_view_restriction_changed(self, _since: object) -> None:
        self._update_customer_actions()

    def open_marketing_export(self) -> QDialog | None:
        if not self.ds.can(Capability.MARKETING_EXPORT):
            return None
        from kkdesk.ui.marketing_export_dialog import open_marketing_export

        dialog = open_marketing_export(self.ds, self.runner, self)
        assert isinstance(dialog, QDialog)
        return dialog

    @Slot(object)
    def _on_form_merge_requested(self, other: CustomerSummary) -> None:
        current = self.view.customer
        if current is None or not self.ds.can(Capability.MERGE_CUSTOMERS):
            return
        self.open_merge(current.number, other.number)

    def open_merge(self, kept: str, other: str) -> QDialog | None:
        """The merge dialog for two records of one person; the kept one opens after."""
        if not self.ds.can(Capability.MERGE_CUSTOMERS):
            return None
        from kkdesk.ui.merge_dialog import open_merge

        dialog = open_merge(self.ds, self.runner, kept, other, self, self._on_customers_merged)
        assert isinstance(dialog, QDialog)
        return dialog

    def _on_customers_merged(self, kept: str) -> None:
        # The open record changed under the form: reopen it without the leave guard.
        self.view.open_number(kept)
        self.statusBar().showMessage(
            self.tr("The customers were merged; %1 is open.").replace("%1", kept), 8000
        )
        if self.search.model.query:
            self.search.search_now()

    def open_address_updates(self) -> QDialog | None:
        if not self.ds.can(Capability.EDIT_CUSTOMERS):
            return None
        from kkdesk.ui.address_update_dialog import open_address_updates

        dialog = open_address_updates(self.ds, self.runner, self)
        assert isinstance(dialog, QDialog)
        return dialog

    # -- offline snapshots and backups ---------------------------------------------------

    def _build_offline(self) -> None:
        """The File menu's snapshot actions, the backup reminder, and on a snapshot the
        read-only state said everywhere (built after the menus and the status bar)."""
        file_menu = self.menuBar().actions()[0].menu()
        assert isinstance(file_menu, QMenu)
        settings = self.findChild(QAction, "settings")
        assert isinstance(settings, QAction)
        self.make_snapshot_action = self._action(
            file_menu,
            self.tr("Take selected customers o&ffline…"),
            "Ctrl+Shift+F",
            self.make_snapshot,
            "makeSnapshot",
        )
        self.open_snapshot_action = self._action(
            file_menu,
            self.tr("Open s&napshot…"),
            "Ctrl+Shift+O",
            self.open_snapshot,
            "openSnapshot",
        )
        for action in (self.make_snapshot_action, self.open_snapshot_action):
            file_menu.removeAction(action)
            file_menu.insertAction(settings, action)
        file_menu.insertSeparator(settings)
        if self.ds.offline is None:
            self._build_backup_reminder()
            return
        # A snapshot: nothing to write, export or print, and every control says why.
        why = self.tr("An offline snapshot is read-only.")
        self.make_snapshot_action.setEnabled(False)
        # The requests window is for handling requests: writing. A customer's own
        # requests still show in the customer view.
        self.requests_action.setEnabled(False)
        self.requests_action.setProperty("allowed", False)
        for action in self.findChildren(QAction):
            if action.property("allowed") is False or action is self.make_snapshot_action:
                action.setToolTip(why)
                action.setStatusTip(why)
        info = self.ds.offline
        text = (
            self.tr("Offline snapshot %1 · made by %2 from %3 · level %4")
            .replace("%1", info.path)
            .replace("%2", info.made_by)
            .replace("%3", info.source)
            .replace("%4", level_label(self.ds.level))
        )
        self.identity.setText(text)
        self.identity.setToolTip(text)

    def _offline_banner(self, ds: DeskSession) -> QLabel | None:
        if ds.offline is None:
            return None
        from kkdesk.ui.formatting import format_date

        text = (
            self.tr("Offline snapshot of %1, read-only — expires %2")
            .replace("%1", format_date(ds.offline.created.astimezone().date()))
            .replace("%2", format_date(ds.offline.expires.astimezone().date()))
        )
        banner = QLabel(text, self)
        banner.setObjectName("offlineBanner")
        banner.setAccessibleName(text)
        banner.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #d6b656; "
            "padding: 6px; font-weight: bold; }"
        )
        return banner

    def _build_backup_reminder(self) -> None:
        """On the embedded register, a standing reminder when its last backup is older than
        the preference says (a small file read: no database call)."""
        from kkdesk.services import backups

        try:
            due = backups.reminder(self.ds, self.prefs.backup_reminder_days)
        except Exception:  # a reminder must never keep the desk from opening
            log.exception("could not check the last backup")
            return
        if due is None:
            return
        # A short mark in the status bar (the messages need its room); the whole sentence,
        # with what to do, in its tooltip and for screen readers.
        if due.last is None:
            short = self.tr("No backup yet")
            text = self.tr("This register has never been backed up: run 'kkdesk backup -o FILE'.")
        else:
            from kkdesk.ui.formatting import format_datetime

            short = self.tr("Backup is old")
            text = self.tr(
                "The last backup of this register is from %1: run 'kkdesk backup -o FILE'."
            ).replace("%1", format_datetime(due.last))
        self.backup_reminder = QLabel(short, self)
        self.backup_reminder.setObjectName("backupReminder")
        self.backup_reminder.setStyleSheet("QLabel { color: #8a4b00; font-weight: bold; }")
        why = self.tr("A backup is a consistent copy, safe to take while the desk is open.")
        self.backup_reminder.setToolTip(f"{text}\n{why}")
        self.backup_reminder.setAccessibleName(text)
        self.statusBar().addPermanentWidget(self.backup_reminder)

    def make_snapshot(self) -> QDialog | None:
        """Take the selected search results (or the open customer) offline."""
        if self.ds.read_only:
            return None
        numbers = [s.number for s in self.search.selected_summaries()]
        if not numbers and self.view.customer is not None:
            numbers = [self.view.customer.number]
        if not numbers:
            self.statusBar().showMessage(
                self.tr("Select the customers to take offline in the search results first."),
                8000,
            )
            return None
        from kkdesk.ui.snapshot_dialog import SnapshotDialog

        dialog = SnapshotDialog(
            self.ds, self.runner, numbers, purpose=str(self.purpose.currentData()), parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_register_settings(self) -> QDialog:
        """The register's own information (controller, contacts, the notice's texts):
        an administrator edits it, others may read it."""
        from kkdesk.ui.register_settings_dialog import RegisterSettingsDialog

        dialog = RegisterSettingsDialog(self.ds, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_retention(self) -> QDialog:
        """What is past its retention period, and the run that erases and removes it."""
        from kkdesk.ui.retention_dialog import RetentionDialog

        dialog = RetentionDialog(self.ds, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_snapshot(self, path: str | None = None) -> None:
        """Open a snapshot read-only in a window of its own (decrypted off the GUI thread)."""
        if path is None:
            from kkdesk.ui.snapshot_dialog import ask_open_snapshot

            path = ask_open_snapshot(self)
        if not path:
            return
        from pathlib import Path

        from kkdesk.services import snapshots

        self.statusBar().showMessage(self.tr("Opening the snapshot…"))
        chosen = Path(path)
        self.runner.run(
            lambda: snapshots.open_snapshot(chosen),
            success=self._on_snapshot_opened,
            failure=self.show_error,
        )

    def deliver_offline_reads(self) -> None:
        """Signed in: write the reads made in this user's snapshots to the audit trail."""
        from kkdesk.services import offline_reads

        ds = self.ds
        self.runner.run(
            lambda: offline_reads.deliver_quietly(ds),
            success=self._on_offline_reads_delivered,
        )

    def _on_offline_reads_delivered(self, count: int) -> None:
        if count:
            self.statusBar().showMessage(
                self.tr("%1 customer(s) opened offline were recorded in the audit trail.").replace(
                    "%1", str(count)
                ),
                10000,
            )

    def _on_snapshot_opened(self, offline: DeskSession) -> None:
        self.statusBar().clearMessage()
        window = MainWindow(
            offline, self.runner, user=offline.user, prefs=self.prefs, settings=self.settings
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._snapshot_windows.append(window)
        window.destroyed.connect(
            lambda _obj=None, w=window, ds=offline: self._on_snapshot_closed(w, ds)
        )
        window.show()

    def _on_snapshot_closed(self, window: MainWindow, offline: DeskSession) -> None:
        # The decrypted snapshot lives only in memory: freed when its window goes.
        if window in self._snapshot_windows:
            self._snapshot_windows.remove(window)
        self.runner.wait_idle()
        offline.close()

    def shortcut_rows(
        self, fmt: QKeySequence.SequenceFormat = QKeySequence.SequenceFormat.NativeText
    ) -> list[tuple[str, str, str]]:
        """(menu, action, keys) of every menu action, in menu order, then the keys that
        work without a menu. What the shortcuts dialog and docs/desk.md show."""
        rows: list[tuple[str, str, str]] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            title = _plain(menu_action.text())
            for action in menu.actions():
                if action.isSeparator():
                    continue
                rows.append((title, _plain(action.text()), action.shortcut().toString(fmt)))
        general = self.tr("Anywhere")
        rows += [
            (general, self.tr("Move from the search field to the results"), self.tr("Down")),
            (general, self.tr("Open the selected result"), self.tr("Enter")),
            (general, self.tr("Open a recent customer"), self.tr("Ctrl+1 … Ctrl+9")),
            (general, self.tr("Go to a field or button"), self.tr("Alt + underlined letter")),
            (general, self.tr("Open a menu"), self.tr("Alt + underlined letter, or F10")),
            (general, self.tr("Next or previous field"), self.tr("Tab, Shift+Tab")),
        ]
        return rows

    def shortcuts_dialog(self) -> QDialog:
        rows = self.shortcut_rows()
        dialog = QDialog(self)
        dialog.setObjectName("shortcutsDialog")
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTableWidget(len(rows), 3, dialog)
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        compact_rows(table)
        for i, row in enumerate(rows):
            for column, text in enumerate(row):
                table.setItem(i, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        width = sum(table.columnWidth(c) for c in range(3)) + 60
        height = table.verticalHeader().length() + table.horizontalHeader().height() + 80
        fit_to_screen(dialog, max(width, 560), min(height, 760))
        return dialog

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog().exec()

    def show_about(self) -> None:
        show_about(self, self.ds, self.runner)

    @Slot(object)
    def show_error(self, exc: BaseException) -> None:
        """A known error as a sentence in a message box; a bug logged with its traceback
        and shown in the bug dialog (both through :func:`report_failure`)."""
        text = report_failure(exc, self)
        self.statusBar().showMessage(text.splitlines()[0], 10000)
        if not isinstance(exc, KnownError):
            return  # the bug dialog is already open
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("kkdesk"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r, b=box: self._boxes.remove(b) if b in self._boxes else None)
        self._boxes.append(box)
        box.open()  # window-modal but not blocking: searches keep running

    def last_error_text(self) -> str:
        return self._boxes[-1].text() if self._boxes else ""

    def _focus_purpose(self) -> None:
        self.purpose.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.purpose.showPopup()

    def _step_tab(self, step: int) -> None:
        tabs = self.view.tabs
        if not self.view.has_record or not tabs.count():
            return
        index = tabs.currentIndex()
        for _ in range(tabs.count()):
            index = (index + step) % tabs.count()
            if tabs.isTabEnabled(index):
                self._show_tab(index)
                return

    def _show_tab(self, index: int) -> None:
        """Show a tab of the open customer and put the keyboard focus into it."""
        tabs = self.view.tabs
        if not self.view.has_record or not tabs.isTabEnabled(index):
            return
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        widget = page.nextInFocusChain() if page is not None else None
        while widget is not None and widget is not page:
            if (
                page is not None
                and page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()
        tabs.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _update_customer_actions(self) -> None:
        """What needs an open customer is enabled only while one is shown; a disabled
        action says why in its tooltip and status tip."""
        has_record = self.view.has_record
        stored = self.view.customer is not None
        open_first = self.tr("Open a customer first (search, then Enter).")
        save_first = self.tr("Save the new customer first.")
        _enable(self.duplicates_action, has_record, open_first)
        _enable(self.copy_number_action, stored, save_first if has_record else open_first)
        if bool(self.letter_action.property("allowed")):
            _enable(self.letter_action, stored, save_first if has_record else open_first)
        restricted = self.view.restricted_since is not None
        first = save_first if has_record else open_first
        if bool(self.restrict_action.property("allowed")):
            why = self.tr("The processing of this customer is already restricted.")
            _enable(self.restrict_action, stored and not restricted, why if stored else first)
        if bool(self.lift_action.property("allowed")):
            why = self.tr("The processing of this customer is not restricted.")
            _enable(self.lift_action, stored and restricted, why if stored else first)
        for i, action in enumerate(self.tab_actions):
            enabled = has_record and self.view.tabs.isTabEnabled(i)
            _enable(action, enabled, save_first if has_record else open_first)

    @Slot(bool)
    def _on_form_savable_changed(self, savable: bool) -> None:
        if not self.view.has_record:
            why = self.tr("Nothing to save: no customer is open.")
        else:
            why = self.tr("Nothing to save: there are no changes, or a save is running.")
        _enable(self.save_action, savable, why)

    # -- slots -----------------------------------------------------------------------------

    @Slot(object)
    def _on_search_customer_activated(self, summary: CustomerSummary) -> None:
        current = self.view.customer
        if current is not None and current.id == summary.id and not self.view.form.is_dirty():
            self.view.tabs.setCurrentIndex(0)
            return
        self.open_number(summary.number)

    @Slot()
    def _on_purpose_changed(self) -> None:
        value = str(self.purpose.currentData())
        self.view.set_purpose(value)
        self.prefs.last_purpose = value

    @Slot(object)
    def _on_view_customer_shown(self, customer: Customer | None) -> None:
        if customer is not None:
            self.visits.opened(customer.number, customer.name)
        self._update_title()
        self._update_customer_actions()
        self._update_nav_actions()

    @Slot(object)
    def _on_view_customer_saved(self, customer: Customer) -> None:
        self._update_title()
        if self.search.model.query:
            self.search.search_now()  # the saved name or number may now match differently

    @Slot(bool)
    def _on_form_dirty_changed(self, _dirty: bool) -> None:
        self._update_title()

    @Slot(bool)
    def _on_runner_busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.hide()

    @Slot()
    def _on_busy_timer_timeout(self) -> None:
        self.busy.setVisible(self.runner.busy)

    @Slot(str)
    def _on_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _update_title(self) -> None:
        parts = ["kkdesk"]
        if self.view.has_record:
            name = self.view.form.what()
            parts.append(f"{name} *" if self.view.form.is_dirty() else name)
        if self.ds.offline is not None:
            parts.append(self.tr("offline snapshot (read-only)"))
        elif self.ds.is_embedded:
            # No database users here: say who the desk runs as and at which level (issue 4).
            parts.append(
                self.tr("embedded database · local user %1 · level %2")
                .replace("%1", self.user)
                .replace("%2", level_label(self.ds.level))
            )
        else:
            parts.append(self.ds.describe())
        self.setWindowTitle(" — ".join(parts))

    # -- window state ----------------------------------------------------------------------

    def _state_group(self) -> str:
        """Window state is kept per signed-in user: staff who share a workstation account
        (or sign in to the central database as themselves) each get their own layout."""
        safe = "".join(ch if ch.isalnum() or ch in "._-@" else "_" for ch in self.user)
        return f"users/{safe or 'default'}"

    def _restore_state(self) -> None:
        s = self.settings
        s.beginGroup(self._state_group())
        try:
            self._restore_from(s)
        finally:
            s.endGroup()

    def _restore_from(self, s: QSettings) -> None:
        geometry = s.value("mainwindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1280, 800)
        state = s.value("mainwindow/state")
        if state is not None:
            self.restoreState(state)
        splitter = s.value("mainwindow/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            # First start: the results' number, name and place; the rest for the customer.
            width = self.width()
            self.splitter.setSizes([width * 37 // 100, width - width * 37 // 100])
        self.search.restore_state(s)
        self.view.restore_state(s)

    def save_window_state(self) -> None:
        s = self.settings
        s.beginGroup(self._state_group())
        try:
            s.setValue("mainwindow/geometry", self.saveGeometry())
            s.setValue("mainwindow/state", self.saveState())
            s.setValue("mainwindow/splitter", self.splitter.saveState())
            self.search.save_state(s)
            self.view.save_state(s)
        finally:
            s.endGroup()
        s.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.identity.updateGeometry()  # its share of the status bar follows the width

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.view.confirm_leave():
            event.ignore()
            return
        self.save_window_state()
        try:
            self.prefs.save()  # the purpose last chosen is offered first next time
        except OSError:
            log.warning("could not save preferences", exc_info=True)
        event.accept()


def _enable(action: QAction, enabled: bool, why_not: str) -> None:
    """Enable an action, or disable it with the reason in its tooltip and status tip."""
    action.setEnabled(enabled)
    tip = "" if enabled else why_not
    action.setToolTip(tip or _plain(action.text()))
    action.setStatusTip(tip)


def _plain(text: str) -> str:
    """A menu text without its mnemonic marker ("&&" is a literal ampersand)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class _ElidedLabel(QLabel):
    """A one-line label that shortens its text in the middle when space is short, so a
    long database path never makes the window wider (or cut off at 200 % scaling)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)

    def sizeHint(self) -> QSize:
        """The whole text, but never more than 35 % of the window: the rest of the status
        bar belongs to messages."""
        hint = super().sizeHint()
        window = self.window()
        share = window.width() * 35 // 100 if window is not None else hint.width()
        return QSize(max(min(hint.width(), share), self.minimumWidth()), hint.height())

    def minimumSizeHint(self) -> QSize:
        # QLabel's own minimum is its whole text: the layout would never elide it.
        return QSize(self.minimumWidth(), super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        alignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, alignment, text)
        painter.end()
