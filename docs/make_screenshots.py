"""Screenshots of the desk for the documentation: ``make screenshots``.

Builds a small demo register in a temporary folder (``kkdesk.services.demo`` plus a few
known customers with rich histories: Matti Möttönen with edits, orders, returns, consents
and a request; Åberg & Poika Oy with contact persons), opens the real main window offscreen
and saves PNGs into ``docs/screenshots/``: English first, then the main window in Finnish
and Swedish, then (in a second process, since Qt reads the scale factor at start-up) the
main window and a form at 200 % scaling. Nothing outside the temporary folder is read or
written but the PNGs: preferences, window state and the database are all private to it.

    .venv/bin/python docs/make_screenshots.py [--out DIR] [--only NAME]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

# Before anything imports Qt: no screen is needed (or used, if there is one).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# The desk's user on the embedded database is the OS user; give the pictures a realistic one.
os.environ["LOGNAME"] = "avirtanen"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from kkdesk.domain.customer import ContactPersonDraft, CustomerDraft  # noqa: E402
from kkdesk.domain.enums import Channel, CustomerType, DataSource, Language  # noqa: E402
from kkdesk.domain.levels import Level  # noqa: E402
from kkdesk.services import customers, demo  # noqa: E402
from kkdesk.services.session import DeskSession, open_session  # noqa: E402
from kkdesk.store import models as m  # noqa: E402
from kkdesk.store.database import Database  # noqa: E402
from kkdesk.ui.qtcompat import keep_singletons_alive  # noqa: E402

keep_singletons_alive()  # PySide6 6.12 on Python 3.11: see kkdesk/ui/qtcompat.py

OUT = ROOT / "docs" / "screenshots"
# A 1280 × 720 screen: the smallest the desk is made for (issue 12).
SIZE = (1280, 720)
# At 200 %: a 2560 × 1440 screen, less a task bar (what a laptop at 200 % offers).
SCALED_SIZE = (1280, 680)
DEMO_CUSTOMERS = 3000
NOW = datetime.now(UTC).replace(microsecond=0)
VAT_BP = 2550


# ---------------------------------------------------------------------------------------
# The register


@dataclass
class Line:
    code: str
    name: str
    price_cents: int
    quantity: int = 1


@dataclass
class Ret:
    days_after_delivery: int
    quantities: dict[int, int]  # line number → quantity
    reason: str
    received_after: int | None = None  # days after the request
    refunded_after: int | None = None  # days after receipt


@dataclass
class Ord:
    number: str
    days_ago: float
    lines: list[Line]
    shipped_after_h: int | None = 20
    delivered_after_h: int | None = 46
    carrier: str = "Posti"
    tracking: str = ""
    returns: list[Ret] = field(default_factory=list)


def _add_orders(ds: DeskSession, number: str, recipient: str, specs: list[Ord]) -> None:
    """Orders come from the webshop, not the desk: written as rows, as the webshop would."""
    with ds.db.session() as s:
        customer = s.scalars(select(m.Customer).where(m.Customer.number == number)).one()
        for spec in specs:
            at = NOW - timedelta(days=spec.days_ago)
            lines = [
                m.OrderLine(
                    line_no=i,
                    product_code=ln.code,
                    product_name=ln.name,
                    quantity=ln.quantity,
                    unit_price_cents=ln.price_cents,
                    vat_rate_bp=VAT_BP,
                )
                for i, ln in enumerate(spec.lines, start=1)
            ]
            shipped = at + timedelta(hours=spec.shipped_after_h) if spec.shipped_after_h else None
            delivered = (
                at + timedelta(hours=spec.delivered_after_h)
                if shipped is not None and spec.delivered_after_h
                else None
            )
            order = m.Order(
                number=spec.number,
                customer_id=customer.id,
                ordered_at=at,
                status="delivered" if delivered else "shipped" if shipped else "open",
                total_cents=sum(ln.quantity * ln.price_cents for ln in spec.lines),
                lines=lines,
            )
            if shipped is not None:
                order.deliveries.append(
                    m.Delivery(
                        shipped_at=shipped,
                        delivered_at=delivered,
                        carrier=spec.carrier,
                        tracking_code=spec.tracking,
                        recipient=recipient,
                        street=customer.street,
                        postal_code=customer.postal_code,
                        post_office=customer.post_office,
                        country="FI",
                    )
                )
            s.add(order)
            s.flush()
            for k, r in enumerate(spec.returns, start=1):
                assert delivered is not None
                requested = delivered + timedelta(days=r.days_after_delivery)
                received = (
                    requested + timedelta(days=r.received_after)
                    if r.received_after is not None
                    else None
                )
                refunded = (
                    received + timedelta(days=r.refunded_after)
                    if received is not None and r.refunded_after is not None
                    else None
                )
                value = sum(spec.lines[no - 1].price_cents * q for no, q in r.quantities.items())
                order.returns.append(
                    m.Return(
                        number=f"R{spec.number[1:]}{k}",
                        requested_at=requested,
                        received_at=received,
                        refunded_at=refunded,
                        reason=r.reason,
                        refund_cents=value if refunded else 0,
                        lines=[
                            m.ReturnLine(order_line_id=lines[no - 1].id, quantity=q)
                            for no, q in r.quantities.items()
                        ],
                    )
                )


MATTI = CustomerDraft(
    type=CustomerType.PERSON,
    surname="Möttönen",
    first_names="Matti Juhani",
    street="Mannerheimintie 12 B 7",
    postal_code="00100",
    post_office="HELSINKI",
    phone_mobile="040 123 4567",
    email="matti.mottonen@example.fi",
    birth_date=date(1968, 11, 24),
    customer_since=date(2019, 4, 3),
    notes="Prefers deliveries to a pick-up point.",
    extra={"customer group": "loyalty"},
)
OTHER_MOTTONENS = [
    ("Möttönen", "Aino Maria", "Kauppakatu 4", "40100", "JYVÄSKYLÄ", "050 765 4321"),
    ("Möttönen", "Paavo", "Puijonkatu 20 A 3", "70100", "KUOPIO", "044 222 3344"),
    ("Möttö", "Kaisa", "Hämeenkatu 7", "33100", "TAMPERE", "045 123 9876"),
]
ABERG = CustomerDraft(
    type=CustomerType.COMPANY,
    company_name="Åberg & Poika Oy",
    business_id="0109862-8",
    street="Vanha Porvoontie 245",
    postal_code="01380",
    post_office="VANTAA",
    phone_work="09 123 4567",
    email="tilaukset@aberg.example",
    language=Language.SV,
    customer_since=date(2016, 2, 15),
    contacts=(
        ContactPersonDraft(
            surname="Åberg",
            first_names="Anna",
            role="Toimitusjohtaja",
            phone_mobile="040 555 1234",
            email="anna.aberg@aberg.example",
        ),
        ContactPersonDraft(
            surname="Lindqvist",
            first_names="Johan",
            role="Ostopäällikkö",
            phone_work="09 123 4560",
            email="johan.lindqvist@aberg.example",
        ),
        ContactPersonDraft(
            surname="Korhonen",
            first_names="Pekka",
            role="Huoltopäällikkö",
            phone_mobile="050 444 9876",
        ),
    ),
)


@dataclass
class Register:
    path: Path
    ds: DeskSession
    matti: str
    aberg: str


def build_register(folder: Path) -> Register:
    path = folder / "register.sqlite3"
    ds = open_session(str(path), level=Level.ADMIN)
    demo.generate(ds, DEMO_CUSTOMERS, seed=3)
    # A colleague who also edits records, so the histories have more than one name.
    colleague = DeskSession(Database(f"sqlite:///{path}", local_user="lkorhonen"), Level.CLERK)

    matti = customers.create(ds, MATTI, source=DataSource.CUSTOMER_WEBSHOP)
    matti = customers.update(
        colleague,
        matti.number,
        replace(matti.to_draft(), phone_home="09 876 5432"),
        expected_version=matti.version,
        source=DataSource.CUSTOMER_PHONE,
        source_detail="call of the customer",
    )
    matti = customers.update(
        ds,
        matti.number,
        replace(matti.to_draft(), street="Mannerheimintie 12 B 9"),
        expected_version=matti.version,
        source=DataSource.UPDATE_SERVICE,
        source_detail="Posti address change service",
    )
    for surname, first, street, postal, office, phone in OTHER_MOTTONENS:
        customers.create(
            ds,
            CustomerDraft(
                surname=surname,
                first_names=first,
                street=street,
                postal_code=postal,
                post_office=office,
                phone_mobile=phone,
            ),
            source=DataSource.CUSTOMER_WEBSHOP,
        )
    _add_orders(
        ds,
        matti.number,
        "Matti Möttönen",
        [
            Ord("T90000101", 700, [Line("MS-40", "Moottorisaha 40 cm terälevy", 54900),
                                   Line("VK-1", "Viiltosuojahousut", 12900)],
                tracking="JJFI64512300001"),
            Ord("T90000102", 420, [Line("TE-1", "Teräketju 40 cm", 3490, 2),
                                   Line("KT-1", "Ketjuöljy 5 l", 2490, 3)],
                tracking="JJFI64512300002",
                returns=[Ret(3, {1: 1}, "Väärä tuote toimitettu", 4, 2)]),
            Ord("T90000103", 95, [Line("LH-1", "Lehtipuhallin", 17900)],
                carrier="Matkahuolto", tracking="MH7781234509",
                returns=[Ret(5, {1: 1}, "Viallinen tuote", 3)]),
            Ord("T90000104", 30, [Line("SK-10", "Suojakypärä visiirillä ja kuulosuojaimilla",
                                       6990),
                                  Line("TO-2T", "2T-öljy 1 l", 1290, 4)],
                tracking="JJFI64512300004",
                returns=[Ret(2, {2: 2}, "Tilattu vahingossa")]),
            Ord("T90000105", 2, [Line("AK-40", "Akku 40 V 4 Ah", 14900),
                                 Line("LA-1", "Laturi 40 V", 5990)],
                delivered_after_h=None, tracking="JJFI64512300005"),
            Ord("T90000106", 0.1, [Line("KV-1", "Kottikärryt 100 l", 7990)],
                shipped_after_h=None),
        ],
    )  # fmt: skip

    aberg = customers.create(ds, ABERG, source=DataSource.PUBLIC_SOURCE, source_detail="YTJ")
    _add_orders(
        ds,
        aberg.number,
        "Åberg & Poika Oy",
        [
            Ord("T90000201", 300, [Line("AJ-105", "Ajoleikkuri 105 cm", 289900),
                                   Line("KS-1", "Kuomu peräkärryyn", 29900)],
                carrier="DB Schenker", tracking="SCH55120011"),
            Ord("T90000202", 60, [Line("LP-76", "Lumilinko 76 cm, telavetoinen", 219900, 2)],
                carrier="DB Schenker", tracking="SCH55120012"),
        ],
    )  # fmt: skip
    _foreign_data(ds, matti.number)
    colleague.close()
    return Register(path, ds, matti.number, aberg.number)


def _foreign_data(ds: DeskSession, number: str) -> None:
    """Consents and a request for the other features' screens; each is optional, so a
    change in those features never stops the desk's own screenshots."""
    try:
        from kkdesk.domain.consent import ConsentItem, Evidence
        from kkdesk.services import consents

        today = NOW.date()
        for item, state, days, channel, ref in (
            (ConsentItem.EMAIL_MARKETING, True, 400, Channel.WEBSHOP, "webshop order T90000102"),
            (ConsentItem.MARKET_RESEARCH, True, 200, Channel.LETTER, "letter 2026/118"),
            (ConsentItem.EMAIL_MARKETING, False, 20, Channel.EMAIL, "e-mail of the customer"),
        ):
            consents.record(
                ds, number, item, state, Evidence(today - timedelta(days=days), channel, ref)
            )
    except Exception:
        print("consents for the screenshots: skipped", file=sys.stderr)
        traceback.print_exc()
    try:
        from kkdesk.domain.subject_requests import RequestKind
        from kkdesk.services import requests

        requests.add(
            ds,
            number,
            RequestKind.ACCESS,
            received_on=NOW.date() - timedelta(days=12),
            channel=Channel.LETTER,
            identity_method="signature compared",
            identity_verified_by="avirtanen",
        )
    except Exception:
        print("a request for the screenshots: skipped", file=sys.stderr)
        traceback.print_exc()


# ---------------------------------------------------------------------------------------
# Taking the pictures


class Camera:
    def __init__(self, out: Path, only: str, suffix: str = "") -> None:
        self.out = out
        self.only = only
        self.suffix = suffix
        self.taken: list[Path] = []
        self.failed: list[str] = []

    def wants(self, name: str) -> bool:
        return self.only in name

    def shoot(self, name: str, widget: QWidget) -> None:
        settle()
        path = self.out / f"{name}{self.suffix}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        self.taken.append(path)
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    @contextmanager
    def scene(self, name: str) -> Iterator[None]:
        """One screenshot's set-up; a failure is reported and the others go on."""
        try:
            yield
        except Exception:
            self.failed.append(name)
            print(f"  {name}: FAILED", file=sys.stderr)
            traceback.print_exc()


# The task runner of the windows being photographed (set in run()).
_RUNNERS: list[object] = []


def settle() -> None:
    """Let queued work, layouts and paints happen."""
    from kkdesk.ui.tasks import TaskRunner

    for _ in range(3):
        for r in _RUNNERS:
            assert isinstance(r, TaskRunner)
            r.wait_idle(20000)
        QCoreApplication.processEvents()


def compile_translations(folder: Path) -> Path:
    """The .qm files from the committed .ts sources (the Makefile's, without needing it)."""
    out = folder / "i18n"
    out.mkdir(exist_ok=True)
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for lang in ("fi", "sv"):
        src = ROOT / "resources" / "i18n" / f"kkdesk_{lang}.ts"
        subprocess.run(
            [str(lrelease), "-silent", str(src), "-qm", str(out / f"kkdesk_{lang}.qm")],
            check=True,
        )
    return out


def use_fonts(app: QApplication) -> None:
    """The DejaVu fonts we ship, so the pictures look the same on every machine."""
    for ttf in sorted((ROOT / "kkdesk" / "resources" / "fonts").glob("DejaVuSans*.ttf")):
        QFontDatabase.addApplicationFont(str(ttf))
    app.setFont(QFont("DejaVu Sans", 9))


def new_window(reg: Register, folder: Path, runner: object, size: tuple[int, int] = SIZE) -> object:
    from kkdesk.config import Preferences
    from kkdesk.ui.main_window import MainWindow
    from kkdesk.ui.tasks import TaskRunner

    assert isinstance(runner, TaskRunner)
    settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    settings.clear()
    win = MainWindow(reg.ds, runner, user=reg.ds.user, prefs=Preferences(), settings=settings)
    win.resize(*size)
    win.show()
    settle()
    return win


def search_and_open(win: object, text: str, name: str) -> None:
    from kkdesk.ui.main_window import MainWindow

    assert isinstance(win, MainWindow)
    win.search.edit.setText(text)
    win.search.search_now()
    settle()
    model = win.search.model
    for row in range(model.rowCount()):
        summary = model.summary_at(row)
        if summary is not None and summary.name == name:
            win.search.table.setCurrentIndex(model.index(row, 0))
            win.open_selected()
            settle()
            win.view.tabs.setCurrentIndex(0)  # each picture starts from the basic data
            settle()
            return
    raise LookupError(f"{text!r} did not find {name!r}")


def tab(win: object, panel_id: str) -> QWidget:
    from kkdesk.ui.main_window import MainWindow

    assert isinstance(win, MainWindow)
    for i, panel in enumerate(win.view.panels, start=1):
        if getattr(panel, "panel_id", "") == panel_id:
            win.view.tabs.setCurrentIndex(i)
            settle()
            return panel  # type: ignore[no-any-return]
    raise LookupError(panel_id)


def dialog_shot(cam: Camera, name: str, dialog: QWidget) -> None:
    dialog.show()
    settle()
    cam.shoot(name, dialog)
    dialog.close()


def english_scenes(cam: Camera, reg: Register, folder: Path, runner: object) -> None:
    from kkdesk.ui import dialogs
    from kkdesk.ui.main_window import MainWindow

    win = new_window(reg, folder, runner)
    assert isinstance(win, MainWindow)

    if cam.wants("main-window"):
        with cam.scene("main-window"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            win.search.table.setFocus()
            cam.shoot("main-window", win)

    if cam.wants("person-form-invalid"):
        with cam.scene("person-form-invalid"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            form = win.view.form
            for field_name, value in (("postal_code", "0010"), ("email", "matti.mottonen@")):
                editor = form.fields.editors[field_name]
                editor.setFocus()
                editor.setText(value)  # type: ignore[union-attr]
                form.fields.edited.emit(field_name)
            cam.shoot("person-form-invalid", win)
            form.revert()

    if cam.wants("company-form"):
        with cam.scene("company-form"):
            search_and_open(win, "0109862-8", "Åberg & Poika Oy")
            win.view.form.contacts_list.setCurrentRow(1)
            cam.shoot("company-form", win)

    if cam.wants("history"):
        with cam.scene("history"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            tab(win, "history")
            cam.shoot("history", win)

    if cam.wants("timeline"):
        with cam.scene("timeline"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            panel = tab(win, "timeline")
            model = panel.model  # type: ignore[attr-defined]
            group = model.index_of_group("T90000102")
            panel.tree.setCurrentIndex(model.index(0, 0, group))  # type: ignore[attr-defined]
            cam.shoot("timeline", win)

    if cam.wants("return-dialog"):
        with cam.scene("return-dialog"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            panel = tab(win, "timeline")
            model = panel.model  # type: ignore[attr-defined]
            panel.tree.setCurrentIndex(model.index_of_group("T90000101"))  # type: ignore[attr-defined]
            dialog = panel.open_return_dialog()  # type: ignore[attr-defined]
            first = next(iter(dialog.spins.values()))
            first.setValue(1)
            dialog.reason.setText("Ei vastannut odotuksia")
            settle()
            cam.shoot("return-dialog", dialog)
            dialog.reject()

    if cam.wants("delivery-dialog"):
        with cam.scene("delivery-dialog"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            panel = tab(win, "timeline")
            model = panel.model  # type: ignore[attr-defined]
            panel.tree.setCurrentIndex(model.index_of_group("T90000105"))  # type: ignore[attr-defined]
            dialog = panel.mark_delivered()  # type: ignore[attr-defined]
            settle()
            cam.shoot("delivery-dialog", dialog)
            dialog.reject()

    if cam.wants("refund-dialog"):
        with cam.scene("refund-dialog"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            panel = tab(win, "timeline")
            model = panel.model  # type: ignore[attr-defined]
            panel.tree.setCurrentIndex(model.index_of_group("T90000103"))  # type: ignore[attr-defined]
            dialog = panel.open_refund_dialog()  # type: ignore[attr-defined]
            settle()
            cam.shoot("refund-dialog", dialog)
            dialog.reject()

    if cam.wants("correction-dialog"):
        with cam.scene("correction-dialog"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            panel = tab(win, "timeline")
            model = panel.model  # type: ignore[attr-defined]
            panel.tree.setCurrentIndex(model.index_of_group("T90000102"))  # type: ignore[attr-defined]
            dialog = panel.open_correction_dialog()  # type: ignore[attr-defined]
            dialog.not_happened.setChecked(True)
            dialog.step.setCurrentIndex(dialog.step.count() - 1)  # the refund
            dialog.happened.setChecked(True)
            dialog.amount.setValue(30)
            dialog.reason.setText("Hyvitetty 30 €, ei 34,90 € (tiliote 19.10.)")
            settle()
            cam.shoot("correction-dialog", dialog)
            dialog.reject()

    if cam.wants("consent-panel"):
        with cam.scene("consent-panel"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            tab(win, "consents")
            cam.shoot("consent-panel", win)

    if cam.wants("audit-view"):
        with cam.scene("audit-view"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            tab(win, "audit")
            cam.shoot("audit-view", win)

    if cam.wants("source-dialog"):
        with cam.scene("source-dialog"):
            changes = [
                dialogs.Change("Street address", "Mannerheimintie 12 B 9", "Runeberginkatu 3"),
                dialogs.Change("Postal code", "00100", "00260"),
            ]
            dialog_shot(cam, "source-dialog", dialogs.SourceDialog(changes, None, win))

    if cam.wants("duplicates-dialog"):
        with cam.scene("duplicates-dialog"):
            hits = customers.search(reg.ds, "möttönen", limit=3).rows
            dialog_shot(cam, "duplicates-dialog", dialogs.DuplicatesDialog(hits, win))

    if cam.wants("merge-dialog"):
        with cam.scene("merge-dialog"):
            merge_scene(cam, reg, win, runner)

    if cam.wants("contact-dialog"):
        with cam.scene("contact-dialog"):
            draft = replace(ABERG.contacts[1], email="johan.lindqvist@")
            dialog_shot(cam, "contact-dialog", dialogs.ContactDialog(draft, "FI", win))

    if cam.wants("stale-edit"):
        with cam.scene("stale-edit"):
            stale_edit(cam, reg, win)

    if cam.wants("settings-dialog"):
        with cam.scene("settings-dialog"):
            from kkdesk.config import Preferences
            from kkdesk.ui.settings_dialog import SettingsDialog

            dialog_shot(
                cam, "settings-dialog", SettingsDialog(Preferences(), embedded=True, parent=win)
            )

    if cam.wants("shortcuts"):
        with cam.scene("shortcuts"):
            dialog_shot(cam, "shortcuts", win.shortcuts_dialog())
            write_shortcut_table(win)

    if cam.wants("restricted-customer"):
        with cam.scene("restricted-customer"):
            restricted_scene(cam, reg, win)

    foreign_scenes(cam, reg, win, runner)
    win.close()


def restricted_scene(cam: Camera, reg: Register, win: object) -> None:
    """A customer whose processing is restricted (Art. 18): the list's marker, the banner
    and the read-only form. A customer of its own, so the other scenes stay as they are."""
    from kkdesk.domain.restriction import RestrictionGround
    from kkdesk.services import restrictions

    draft = CustomerDraft(surname="Rautio", first_names="Eila Kaarina", street="Kirkkokatu 5 A 3",
                          postal_code="90100", post_office="OULU", phone_mobile="+358405556677",
                          email="eila.rautio@example.fi", birth_date=date(1958, 6, 2))  # fmt: skip
    number = customers.create(reg.ds, draft, source=DataSource.CUSTOMER_LETTER).number
    restrictions.restrict(
        reg.ds, number, RestrictionGround.ACCURACY_CONTESTED,
        "The customer disputes the address; restricted while it is checked.",
    )  # fmt: skip
    search_and_open(win, "rautio", "Rautio Eila Kaarina")
    cam.shoot("restricted-customer", win)  # type: ignore[arg-type]


def merge_scene(cam: Camera, reg: Register, win: object, runner: object) -> None:
    """Two records of one person (a pair of its own: the other scenes' searches stay as
    they are), side by side in the merge dialog before the merge."""
    from kkdesk.ui.merge_dialog import MergeDialog

    first = CustomerDraft(surname="Lindroos", first_names="Kaisa Maria", street="Puistokatu 4 B 12",
                          postal_code="40100", post_office="JYVÄSKYLÄ",
                          phone_mobile="+358501234321", email="kaisa.lindroos@example.fi",
                          birth_date=date(1975, 3, 14))  # fmt: skip
    kept = customers.create(reg.ds, first, source=DataSource.CUSTOMER_WEBSHOP).number
    second = replace(first, street="Harjukatu 9", postal_code="40200", phone_mobile="",
                     phone_home="+358141234567", email="kaisa.l@example.com",
                     notes="Tilaa puhelimitse")  # fmt: skip
    other = customers.create(reg.ds, second, source=DataSource.CUSTOMER_LETTER).number
    dialog = MergeDialog(reg.ds, runner, kept, other, win)  # type: ignore[arg-type]
    dialog.show()
    dialog.wait_idle()
    settle()
    cam.shoot("merge-dialog", dialog)
    dialog.close()


def write_shortcut_table(win: object) -> None:
    """The keyboard table of docs/desk.md, from the real menus (a test checks it)."""
    from PySide6.QtGui import QKeySequence

    from kkdesk.ui.main_window import MainWindow

    assert isinstance(win, MainWindow)
    lines = ["| menu | action | keys |", "| --- | --- | --- |"]
    for menu, action, keys in win.shortcut_rows(QKeySequence.SequenceFormat.PortableText):
        lines.append(f"| {menu} | {action} | {f'`{keys}`' if keys else ''} |")
    doc = ROOT / "docs" / "desk.md"
    text = doc.read_text(encoding="utf-8")
    begin, end = "<!-- shortcuts:begin -->", "<!-- shortcuts:end -->"
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    doc.write_text(f"{head}{begin}\n" + "\n".join(lines) + f"\n{end}{tail}", encoding="utf-8")
    print(f"  {doc.relative_to(ROOT)} (keyboard table)")


def stale_edit(cam: Camera, reg: Register, win: object) -> None:
    """Another clerk saves while our user edits: the banner that keeps the user's input."""
    from kkdesk.ui import dialogs
    from kkdesk.ui.main_window import MainWindow

    assert isinstance(win, MainWindow)
    search_and_open(win, "mött", "Möttönen Matti Juhani")
    opened = win.view.customer
    assert opened is not None
    other = DeskSession(Database(f"sqlite:///{reg.path}", local_user="lkorhonen"), Level.CLERK)
    customers.update(
        other,
        opened.number,
        replace(opened.to_draft(), phone_mobile="040 765 1111"),
        expected_version=opened.version,
        source=DataSource.CUSTOMER_PHONE,
    )
    other.close()
    form = win.view.form
    editor = form.fields.editors["email"]
    editor.setText("matti.m@example.fi")  # type: ignore[union-attr]
    form.fields.edited.emit("email")
    original = dialogs.ask_source
    dialogs.ask_source = lambda _p, _c, _d: (DataSource.CUSTOMER_EMAIL, "")
    try:
        form.save()
        settle()
    finally:
        dialogs.ask_source = original
    cam.shoot("stale-edit", win)
    form.revert()


def foreign_scenes(cam: Camera, reg: Register, win: object, runner: object) -> None:
    """The other features' windows, so the documentation shows the whole desk."""
    if cam.wants("requests-window"):
        with cam.scene("requests-window"):
            from kkdesk.ui.requests_view import RequestsWindow

            dialog_shot(cam, "requests-window", RequestsWindow(reg.ds, runner, win))  # type: ignore[arg-type]
    if cam.wants("marketing-export"):
        with cam.scene("marketing-export"):
            from kkdesk.ui.marketing_export_dialog import MarketingExportDialog

            dialog_shot(cam, "marketing-export", MarketingExportDialog(reg.ds, runner, win))  # type: ignore[arg-type]
    if cam.wants("letter-preview"):
        with cam.scene("letter-preview"):
            from kkdesk.ui.letter_dialog import LetterDialog

            dialog = LetterDialog(reg.ds, runner, reg.matti, parent=win)  # type: ignore[arg-type]
            dialog_shot(cam, "letter-preview", dialog)
    if cam.wants("login-dialog"):
        with cam.scene("login-dialog"):
            from kkdesk.auth.profiles import Profile
            from kkdesk.config import Preferences
            from kkdesk.ui.login_dialog import LoginDialog

            office = Profile(
                name="Helsinki office",
                host="db.konekesko.example",
                database="kkdesk",
                user="avirtanen",
                sslmode="verify-full",
            )
            dialog = LoginDialog(Preferences(), win, profiles=[office])  # type: ignore[arg-type]
            dialog_shot(cam, "login-dialog", dialog)


def language_scenes(cam: Camera, reg: Register, folder: Path, runner: object) -> None:
    from kkdesk.ui.i18n import Translations

    qm = compile_translations(folder)
    for lang in ("fi", "sv"):
        name = f"main-window-{lang}"
        if not cam.wants(name) and not cam.wants(f"consent-panel-{lang}"):
            continue
        with cam.scene(name):
            translations = Translations(qm)
            translations.install(lang)
            win = new_window(reg, folder, runner)
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            cam.shoot(name, win)
            # The consents tab: the longest words of each language and "allowed now".
            tab(win, "consents")
            cam.shoot(f"consent-panel-{lang}", win)
            win.close()  # type: ignore[attr-defined]
            translations.install("en")


def scaled_scenes(cam: Camera, reg: Register, folder: Path, runner: object) -> None:
    from kkdesk.ui.main_window import MainWindow

    win = new_window(reg, folder, runner, SCALED_SIZE)
    assert isinstance(win, MainWindow)
    if cam.wants("main-window"):
        with cam.scene("main-window"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            cam.shoot("main-window", win)
    if cam.wants("timeline"):
        with cam.scene("timeline"):
            search_and_open(win, "mött", "Möttönen Matti Juhani")
            tab(win, "timeline")
            cam.shoot("timeline", win)
    if cam.wants("company-form"):
        with cam.scene("company-form"):
            search_and_open(win, "0109862-8", "Åberg & Poika Oy")
            cam.shoot("company-form", win)
    win.close()


def run(out: Path, only: str, scaled: bool) -> int:
    from kkdesk.ui.i18n import Translations
    from kkdesk.ui.tasks import TaskRunner

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kkdesk-shots-") as tmp:
        folder = Path(tmp)
        # Private preferences and data folders: nothing of the real user's is read or written.
        os.environ["KKDESK_CONFIG_DIR"] = str(folder / "config")
        os.environ["XDG_DATA_HOME"] = str(folder / "data")
        os.environ.pop("KKDESK_DB", None)
        QCoreApplication.setOrganizationName("Konekesko")
        QCoreApplication.setApplicationName("kkdesk-screenshots")
        app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(app, QApplication)
        use_fonts(app)
        english = Translations()
        english.install("en")
        print("building the demo register …")
        reg = build_register(folder)
        runner = TaskRunner()
        _RUNNERS.append(runner)
        cam = Camera(out, only, "-200" if scaled else "")
        if scaled:
            scaled_scenes(cam, reg, folder, runner)
        else:
            english_scenes(cam, reg, folder, runner)
            language_scenes(cam, reg, folder, runner)
        runner.wait_idle(20000)
        runner.shutdown()
        reg.ds.close()
    if cam.failed:
        print(f"failed: {', '.join(cam.failed)}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs")
    parser.add_argument("--only", default="", help="only screenshots whose name contains this")
    parser.add_argument("--scaled", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scaled:
        return run(args.out, args.only, scaled=True)
    status = run(args.out, args.only, scaled=False)
    # Qt reads the scale factor when the application starts: a process of its own.
    env = {**os.environ, "QT_SCALE_FACTOR": "2"}
    command = [sys.executable, __file__, "--scaled", "--out", str(args.out), "--only", args.only]
    return status or subprocess.run(command, env=env, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
