"""Every window fits a 1280×720 screen: nothing forces a window taller or wider than that,
the form's Save stays in sight, and essential columns and tab titles are readable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from kkdesk.config import Preferences
from kkdesk.services.session import DeskSession
from kkdesk.ui import i18n
from kkdesk.ui.main_window import MainWindow
from kkdesk.ui.tasks import TaskRunner
from tests.ui.conftest import find
from tests.ui.test_i18n import i18n_dir  # noqa: F401 (a fixture)

# 1280×720 less a title bar and a task bar: what a window really gets on such a screen.
USABLE = (1280, 660)


def _fits(widget: QWidget) -> None:
    hint = widget.minimumSizeHint()
    assert hint.width() <= USABLE[0] and hint.height() <= USABLE[1], (type(widget), hint)


def _visible_in(widget: QWidget, window: QWidget) -> bool:
    """True if ``widget`` is shown whole inside ``window``'s area (not scrolled away)."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_the_company_forms_save_is_in_sight_at_1280x720(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession
) -> None:
    window.resize(*USABLE)
    window.open_number(find(desk_ds, "0109862-8").number)
    qtbot.waitUntil(lambda: window.view.customer is not None, timeout=10000)
    form = window.view.form
    qtbot.waitUntil(lambda: form.save_button.isVisible())
    assert _visible_in(form.save_button, window)
    assert _visible_in(form.revert_button, window)
    # The Save button sits outside the form's scroll area: scrolling never hides it.
    assert not form.isAncestorOf(form.save_button)
    _fits(window)


def test_every_dialog_fits(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    from kkdesk.ui.dialogs import ContactDialog, DuplicatesDialog, SourceDialog
    from kkdesk.ui.disclosure_panel import DisclosureDialog
    from kkdesk.ui.marketing_export_dialog import MarketingExportDialog
    from kkdesk.ui.requests_view import NewRequestDialog, RequestsWindow
    from kkdesk.ui.settings_dialog import SettingsDialog

    dialogs: list[QDialog] = [
        MarketingExportDialog(desk_ds, runner, window),
        RequestsWindow(desk_ds, runner, window),
        SettingsDialog(Preferences(), embedded=True, parent=window),
        window.shortcuts_dialog(),
    ]
    from kkdesk.domain.enums import DataSource
    from kkdesk.ui.dialogs import Change

    dialogs += [
        NewRequestDialog("", window),
        ContactDialog(None, "FI", window),
        SourceDialog([Change("Street", "a", "b")], DataSource.CUSTOMER_PHONE, window),
        DuplicatesDialog((), window),
        DisclosureDialog(window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        _fits(dialog)
        assert dialog.height() <= QApplication.primaryScreen().availableGeometry().height()
    for dialog in dialogs:
        dialog.reject()
    runner.wait_idle(20000)


def test_the_letter_window_is_no_taller_than_the_screen(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    from kkdesk.ui.letter_dialog import LetterDialog

    number = find(desk_ds, "möttönen matti").number
    dialog = LetterDialog(desk_ds, runner, number)
    qtbot.addWidget(dialog)
    free = dialog.screen().availableGeometry()
    assert dialog.height() <= free.height() and dialog.width() <= free.width()
    _fits(dialog)
    runner.wait_idle(20000)
    dialog.reject()  # stops the page drawing it may have started
    runner.wait_idle(20000)


def test_swedish_tab_titles_are_not_clipped(
    qtbot: Any,
    qapp: QApplication,
    i18n_dir: Path,  # noqa: F811 (the fixture imported above)
    desk_ds: DeskSession,
    runner: TaskRunner,
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QSettings

    translations = i18n.Translations()
    assert translations.install("sv") == "sv"
    try:
        settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
        win = MainWindow(desk_ds, runner, user=desk_ds.user, settings=settings)
        qtbot.addWidget(win)
        win.show()
        win.resize(*USABLE)
        win.open_number(find(desk_ds, "möttönen matti").number)
        qtbot.waitUntil(lambda: win.view.customer is not None, timeout=10000)
        tabs = win.view.tabs
        bar = tabs.tabBar()
        titles = [tabs.tabText(i) for i in range(tabs.count())]
        assert any("Ändringshistorik" in t for t in titles), titles
        assert not bar.usesScrollButtons() or bar.elideMode().name == "ElideNone"
        # Fusion draws the tabs that are not current lower and clips their labels: a plain
        # tab bar cut the dots off Ä. Ours is taller by that shift above and below.
        from PySide6.QtWidgets import QStyle, QTabBar

        plain = QTabBar()
        plain.setFont(bar.font())
        plain.addTab("Ändringshistorik")
        shift = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabShiftVertical, None, bar)
        for i in range(tabs.count()):
            text = tabs.tabText(i).replace("&", "")
            needed = bar.fontMetrics().horizontalAdvance(text)
            assert bar.tabRect(i).width() >= needed, (text, bar.tabRect(i))
            assert bar.tabRect(i).height() >= plain.tabSizeHint(0).height() + 2 * shift
        plain.deleteLater()
        runner.wait_idle(20000)
    finally:
        translations.install("en")


def test_order_status_and_history_source_are_readable_at_1280(
    qtbot: Any, window: MainWindow, desk_ds: DeskSession
) -> None:
    window.resize(*USABLE)
    window.open_number(find(desk_ds, "möttönen matti").number)
    qtbot.waitUntil(lambda: window.view.customer is not None, timeout=10000)
    panels = {type(p).__name__: p for p in window.view.panels}
    for name, view_attr, header_text in (
        ("TimelinePanel", "tree", "Status"),
        ("HistoryPanel", "table", "Source"),
    ):
        panel = panels[name]
        window.view.tabs.setCurrentIndex(window.view.panels.index(panel) + 1)
        window.runner.wait_idle(20000)
        view = getattr(panel, view_attr)
        model = view.model()
        columns = [
            c
            for c in range(model.columnCount())
            if str(model.headerData(c, _horizontal())).startswith(header_text)
        ]
        assert columns, f"{name} has no {header_text} column"
        column = columns[0]
        header = view.header() if hasattr(view, "header") else view.horizontalHeader()
        left = header.sectionViewportPosition(column)
        right = left + header.sectionSize(column)
        assert not header.isSectionHidden(column)
        assert left >= 0 and right <= view.viewport().width(), (name, left, right)
        title_width = header.fontMetrics().horizontalAdvance(header_text)
        assert header.sectionSize(column) >= title_width, name


def _horizontal() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_a_long_search_status_wraps_instead_of_widening_the_pane(
    qtbot: Any, window: MainWindow
) -> None:
    """The search's status line says more for short words; it wraps in the pane instead of
    making the pane (and the window) as wide as the sentence."""
    window.resize(*USABLE)
    qtbot.waitExposed(window)
    pane, win = window.search.width(), window.width()
    status = window.search.status
    sentence = (
        "100 customers shown; scroll down for more. Words this short search only part of "
        "the register: type more letters."
    )
    status.setText(sentence)
    qtbot.wait(50)  # the layout's turn
    assert (window.search.width(), window.width()) == (pane, win)
    assert status.width() <= pane
    assert status.text() == sentence  # whole, on two lines
    assert status.height() >= 2 * status.fontMetrics().height()
