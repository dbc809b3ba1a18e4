"""The desk's letter dialog: a readable preview, printing at true scale, saving, and every
word of the letter and request windows translated."""

from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel

from kkdesk.domain.levels import Level
from kkdesk.services import requests
from kkdesk.services.session import DeskSession
from kkdesk.ui import i18n
from kkdesk.ui.letter_dialog import LetterDialog
from kkdesk.ui.tasks import TaskRunner
from tests.orders_factory import add_customer
from tests.unit.reports.pdftext import pages


def _open(qtbot: Any, ds: DeskSession, runner: TaskRunner, number: str, **kw: Any) -> LetterDialog:
    dialog = LetterDialog(ds, runner, number, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    runner.wait_idle(30000)
    qtbot.waitUntil(lambda: dialog.pages_layout.count() > 0, timeout=10000)
    return dialog


def test_preview_shows_every_page_whole_and_says_what_it_answers(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    number = add_customer(desk_ds, "Åkerlund")
    req = requests.add(
        desk_ds,
        number,
        "access",
        received_on=requests.today(),
        channel="letter",
        identity_method="ID card",
    )
    dialog = _open(qtbot, desk_ds, runner, number)
    labels = dialog.pages.findChildren(QLabel)
    assert len(labels) == dialog.pages_layout.count() >= 3
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages(), timeout=10000)
    first = labels[0].pixmap()
    for label in labels:  # each page at its full size: the area scrolls, pages never squeeze
        assert label.size() == first.size() and label.height() > label.width()
    total = sum(label.height() for label in labels)
    qtbot.waitUntil(lambda: dialog.pages.height() >= total, timeout=5000)
    assert f"request no. {req.id}" in dialog.answers.text()
    assert dialog.language.itemText(0) == "Customer's language (Finnish)"
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert requests.get(desk_ds, req.id).letters == ()  # a preview is not a sent letter
    # Switching the language renders it again.
    dialog.language.setCurrentIndex(3)
    runner.wait_idle(30000)
    assert dialog.chosen_language() == "en" and "page" in dialog.status.text()


def test_a_long_letter_is_drawn_as_it_scrolls_into_view(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    """Only the pages in view and a few either side are held as images."""
    from tests.orders_factory import LineSpec, OrderSpec, add_orders, day

    number = add_customer(desk_ds, "Pitkänen")
    lines = [LineSpec(f"Tuote {k}", code=f"P-{k}") for k in range(3)]
    add_orders(desk_ds, number, [OrderSpec(f"W-{i}", day(i), lines) for i in range(120)])
    dialog = _open(qtbot, desk_ds, runner, number)
    dialog.resize(860, 920)
    count = dialog.pages_layout.count()
    assert count >= 12
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages(), timeout=10000)
    held = dialog.rendered_pages()
    assert max(held) < 4, held
    bar = dialog.preview_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)  # laid out
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: count - 1 in dialog.rendered_pages(), timeout=20000)
    held = dialog.rendered_pages()
    view = dialog.pages_in_view()
    assert 0 not in held and set(view) <= set(held)
    assert len(held) <= len(view) + 2 * 3  # one either side to come, two more kept
    # Back to the top: the first page comes back.
    bar.setValue(0)
    qtbot.waitUntil(lambda: 0 in dialog.rendered_pages(), timeout=20000)
    assert count - 1 not in dialog.rendered_pages()


def test_closing_while_pages_are_drawn_leaves_nothing_behind(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    from PySide6.QtCore import Qt

    number = add_customer(desk_ds, "Suljettu")
    dialog = LetterDialog(desk_ds, runner, number)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the desk opens it
    dialog.show()
    errors: list[object] = []
    runner.error_reported.connect(errors.append)
    dialog.close()  # the preview is still being made
    assert runner.wait_idle(30000)
    qtbot.wait(100)  # the deferred delete
    assert errors == []


def test_without_an_open_request_the_dialog_says_it_will_not_be_archived(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    number = add_customer(desk_ds, "Näsi")
    dialog = _open(qtbot, desk_ds, runner, number)
    assert "no open access request" in dialog.answers.text()


def test_save_archives_the_letter_on_its_request(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    number = add_customer(desk_ds, "Öhman")
    req = requests.add(
        desk_ds,
        number,
        "access",
        received_on=requests.today(),
        channel="email",
        identity_method="ID card",
    )
    dialog = _open(qtbot, desk_ds, runner, number, request_id=req.id)
    out = tmp_path / "letter.pdf"
    dialog.save_to(out)
    runner.wait_idle(30000)
    [archived] = requests.get(desk_ds, req.id).letters
    assert out.exists() and archived.pages == len(pages(out.read_bytes()))
    assert f"archived on request {req.id}" in dialog.status.text()
    assert requests.letter_pdf(desk_ds, archived.id) == out.read_bytes()


def test_print_is_at_true_scale_on_a4(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner, tmp_path: Path
) -> None:
    number = add_customer(desk_ds, "Väänänen")
    req = requests.add(
        desk_ds,
        number,
        "access",
        received_on=requests.today(),
        channel="letter",
        identity_method="ID card",
    )
    dialog = _open(qtbot, desk_ds, runner, number)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    # A driver's generous margins must not shift or shrink the page.
    printer.setPageMargins(QMarginsF(25, 25, 25, 25), QPageLayout.Unit.Millimeter)
    dialog.print_to(printer)
    runner.wait_idle(30000)
    qtbot.waitUntil(lambda: "Printed" in dialog.status.text(), timeout=10000)
    printed = PdfReader(io.BytesIO(out.read_bytes()))
    [archived] = requests.get(desk_ds, req.id).letters
    assert len(printed.pages) == archived.pages
    box = printed.pages[0].mediabox
    assert float(box.width) == pytest.approx(595.3, abs=1)  # A4 in points
    assert float(box.height) == pytest.approx(841.9, abs=1)


def test_a_viewer_sees_why_the_letter_cannot_be_made(
    qtbot: Any, desk_ds: DeskSession, runner: TaskRunner
) -> None:
    number = add_customer(desk_ds, "Ylönen")
    viewer = DeskSession(desk_ds.db, Level.VIEWER)
    dialog = LetterDialog(viewer, runner, number)
    qtbot.addWidget(dialog)
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.print_button.toolTip() and "does not allow" in dialog.status.text()


def test_every_string_of_the_letter_and_request_windows_is_translated(tmp_path: Path) -> None:
    """lupdate reads the two modules; every message it finds has a finished Finnish and
    Swedish translation in the committed .ts files."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    root = Path(__file__).resolve().parents[2]
    found = tmp_path / "found.ts"
    subprocess.run(
        [str(lupdate), "-silent", str(root / "kkdesk/ui/letter_dialog.py"),
         str(root / "kkdesk/ui/requests_view.py"), "-ts", str(found)],
        check=True,
    )  # fmt: skip
    wanted = {
        (ctx.findtext("name"), m.findtext("source"))
        for ctx in ET.parse(found).getroot().iter("context")
        for m in ctx.iter("message")
    }
    assert len(wanted) > 60
    for lang in ("fi", "sv"):
        done = set()
        for ctx in ET.parse(i18n.i18n_dir() / f"kkdesk_{lang}.ts").getroot().iter("context"):
            for m in ctx.iter("message"):
                t = m.find("translation")
                if t is None or t.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                if (t.text or "").strip() or any((n.text or "").strip() for n in t):
                    done.add((ctx.findtext("name"), m.findtext("source")))
        missing = sorted(wanted - done, key=str)
        assert not missing, f"{lang}: {missing[:8]}"
