"""The subject-access letter rendered from plain data: content, languages, layout."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from kkdesk.domain.customer import ContactPerson
from kkdesk.domain.enums import CustomerType, Language
from kkdesk.reports.access_letter import display_value, recipient_lines, render_access_letter
from kkdesk.reports.data import AccessEntry
from kkdesk.reports.layout import (
    ADDRESS_WIDTH,
    address_block_bottom,
    address_lines_fit,
    fit_widths,
)
from kkdesk.reports.texts import T, Words
from tests.reports_factory import CODES, T0, plain_customer, plain_letter
from tests.unit.reports.pdftext import MM, contains, flow, pages, runs, squeezed

LANGS = [Language.FI, Language.SV, Language.EN]


@pytest.mark.parametrize("lang", LANGS)
def test_every_item_held_appears(lang: Language) -> None:
    data = plain_letter(lang)
    text = squeezed(render_access_letter(data).pdf)
    w = Words(lang)
    c = data.customer
    for value in (
        c.number, c.surname, c.first_names, c.street, c.postal_code, c.post_office,
        w.phone(c.phone_home), w.phone(c.phone_work), w.phone(c.phone_mobile), c.email,
        c.notes, w.date(c.birth_date), w.date(c.customer_since), w.country(c.country),
        w(f"lang_{c.language.value}"), w("type_person"), "Asiakasryhmä", "kanta-asiakas",
    ):  # fmt: skip
        assert contains(text, value), value
    for cp in c.contacts:
        for value in (cp.surname, cp.first_names, cp.role, w.phone(cp.phone_mobile), cp.email):
            assert contains(text, value), value
    for order in data.orders:
        assert contains(text, order.number)
        assert contains(text, w.date(order.ordered_at))
        assert contains(text, w.money(order.total_cents))
        for line in order.lines:
            assert contains(text, line.product_name)
            assert contains(text, w.money(line.unit_price_cents))
        for d in order.deliveries:
            assert contains(text, d.tracking_code) and contains(text, d.recipient)
        for r in order.returns:
            assert contains(text, r.number) and contains(text, r.reason)
            assert contains(text, w.money(r.refund_cents))
    for ev in data.consent_events:
        assert contains(text, ev.document_ref)
        assert contains(text, w(f"ci_{ev.item.value}"))
        assert contains(text, w.date(ev.received_on))
    assert contains(text, w("ev_withdrawn")) and contains(text, w("cs_prohibited"))
    assert contains(text, w("ci_sms_marketing"))  # the suppression list's entry
    # Every change, with its source (and the source's detail) in the letter's words.
    for ch in data.changes:
        assert contains(text, display_value(w, ch.field, ch.new_value)), ch
        if ch.old_value:
            assert contains(text, display_value(w, ch.field, ch.old_value)), ch
        assert contains(text, w(f"src_{ch.source.value}")), ch
        if ch.source_detail:
            assert contains(text, ch.source_detail)
    # The disclosures: by name, purpose, basis and what was disclosed.
    for d in data.disclosures:
        assert contains(text, d.recipient)
    assert contains(text, w("mp_market-research")) and contains(text, w("mx_post"))
    assert contains(text, w("mx_basis_interest")) and contains(text, w("dk_authority"))
    assert contains(text, "Poliisilaki 4:2") and contains(text, "Osoitetiedot")
    # Art. 15(1)(a)–(h) and (2): purposes, categories, recipients, retention, rights,
    # complaint with the Ombudsman's address, sources, automated decisions, transfers.
    info = data.register
    for section in ("s_purposes", "s_categories", "s_recipients", "s_retention", "s_sources",
                    "s_automated", "s_rights", "s_transfers", "s_copy", "s_access"):  # fmt: skip
        assert contains(text, w(section)), section
    # Part 3 lists the categories held on this person, not the register's general list.
    assert contains(text, w("held_intro")) and contains(text, w("f_birth_date").lower())
    for group in (info.recipients, info.retention, info.sources, info.rights):
        for item in group:
            assert contains(text, item.get(lang)), item
    for pb in info.purposes:
        assert contains(text, pb.purpose.get(lang)) and contains(text, pb.legal_basis.get(lang))
    assert contains(text, info.transfers.get(lang))
    assert contains(text, info.automated_decisions.get(lang))
    assert contains(text, info.authority_name.get(lang))
    for line in info.authority_address_in(lang):  # Swedish: PB 800, 00531 HELSINGFORS
        assert contains(text, line)
    assert contains(text, "tietosuoja.fi")
    # The access log: when and why.
    for entry in data.access_log:
        assert contains(text, w.datetime(entry.at))
    assert contains(text, w("ac_read")) and contains(text, w("pu_customer_service"))


@pytest.mark.parametrize("lang", LANGS)
def test_no_stored_code_reaches_the_customer(lang: Language) -> None:
    text = squeezed(render_access_letter(plain_letter(lang)).pdf)
    shown = [code for code in CODES if code in text]
    assert not shown
    for english in ("Registerdescription", "Marketingexport", "kevat.csv", "+358"):
        assert english not in text


def test_dates_and_money_follow_the_language() -> None:
    d = date(2025, 11, 24)
    assert Words("fi").date(d) == "24.11.2025" and Words("sv").date(d) == "24.11.2025"
    assert Words("en").date(d) == "24 Nov 2025"
    assert Words("en").long_date(d) == "24 November 2025"
    assert Words("sv").long_date(d) == "24 november 2025"
    assert Words("fi").money(123456) == "1\u00a0234,56\u00a0€"
    assert Words("en").money(123456) == "€1,234.56"
    assert Words("fi").datetime(T0) == "5.1.2024 12.00"  # Helsinki time
    assert Words("en").datetime(T0) == "5 Jan 2024 12:00"
    assert Words("fi").phone("+358401234567") == "040 1234567"
    assert Words("en").phone("+46812345678") == "+46 8 123 456 78"
    assert Words("sv").country("SE") == "Sverige" and Words("fi").country("SE") == "Ruotsi"


@pytest.mark.parametrize("lang", LANGS)
def test_staff_names_only_when_the_setting_says_so(lang: Language) -> None:
    hidden = squeezed(render_access_letter(plain_letter(lang)).pdf)
    shown = squeezed(render_access_letter(plain_letter(lang, name_staff=True)).pdf)
    assert "anna.staff" not in hidden
    assert "anna.staff" in shown


def test_each_language_speaks_its_own() -> None:
    fi, sv, en = ("".join(pages(render_access_letter(plain_letter(x)).pdf)) for x in LANGS)
    assert "Vastaus tietojen tarkastuspyyntöönne" in fi and "Tietosuojavaltuutetun" in fi
    assert "Svar på er begäran" in sv and "Dataombudsmannens" in sv
    assert "Reply to your subject access request" in en and "Ombudsman" in en
    assert "Vastaus" not in en and "Svar på" not in fi and "Reply to" not in sv


def test_every_text_exists_in_three_languages() -> None:
    for key, texts in T.items():
        assert len(texts) == 3 and all(t.strip() for t in texts), key
        assert len(set(texts)) > 1 or key.startswith(("mp_", "ch_", "ci_")), key


def test_page_numbers_count_the_whole_letter() -> None:
    rendered = render_access_letter(plain_letter(orders=40))
    texts = pages(rendered.pdf)
    assert len(texts) == rendered.pages > 3
    for i, text in enumerate(texts, 1):
        assert f"{i} ({rendered.pages})" in text


def _window_check(data_lines: tuple[str, ...], pdf: bytes) -> None:
    found = {r.text: r for r in runs(pdf, 0)}
    for line in data_lines:
        run = found[line]
        assert run.x_mm == pytest.approx(20, abs=0.5), run
        # The baseline, and the cap height ~3 mm above it, inside 40–75 mm from the top.
        assert run.top_mm - 3 >= 40 and run.top_mm + 1 <= 75, run


def test_address_block_lies_in_the_window_of_page_1() -> None:
    data = plain_letter()
    lines = recipient_lines(data.customer)
    assert lines == ("Öllervo Åke Äijälä", "Pitkä & <Kapea> katu 5 B 12", "00100 HELSINKI")
    _window_check(lines, render_access_letter(data).pdf)


def test_a_company_abroad_fills_five_lines_and_stays_in_the_window() -> None:
    company = replace(
        plain_customer(),
        type=CustomerType.COMPANY,
        company_name="Åberg & Söner Ab",
        surname="",
        first_names="",
        country="SE",
        postal_code="111 22",
        post_office="Stockholm",
        contacts=(ContactPerson(7, "Åberg", "Anna", "Inköp", "", "", "anna@aberg.se"),),
    )
    data = replace(plain_letter(), customer=company)
    lines = recipient_lines(company)
    assert lines == (
        "Åberg & Söner Ab", "Anna Åberg", "Pitkä & <Kapea> katu 5 B 12", "111 22 STOCKHOLM",
        "SWEDEN",
    )  # fmt: skip
    _window_check(lines, render_access_letter(data).pdf)


@pytest.mark.parametrize("words", [4, 9])
def test_a_long_name_wraps_and_shrinks_to_the_window_instead_of_being_cut(words: int) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    long = " ".join(f"Nimi{i}ÅÄÖ" for i in range(words)) + " " + "X" * 40  # up to 100 long
    given = [long, "Kauppakatu 1 A 2", "00100 HELSINKI", "SWEDEN"]
    lines, size = address_lines_fit(given)
    assert " ".join(lines).replace(" ", "") == " ".join(given).replace(" ", "")
    assert all(stringWidth(line, "DejaVuSans", size) <= ADDRESS_WIDTH for line in lines)
    assert address_block_bottom(lines, size) / MM <= 70
    # And so it prints: every piece of the name inside the window.
    customer = replace(plain_customer(), first_names="", surname=long)
    printed, _size = address_lines_fit(recipient_lines(customer))
    assert len(printed) > 3
    _window_check(printed, render_access_letter(replace(plain_letter(), customer=customer)).pdf)


def test_an_address_longer_than_any_window_still_prints_whole_above_the_body() -> None:
    huge = " ".join(["ÖÄÅWMÖÄÅWM"] * 18)  # the longest street the register accepts
    customer = replace(plain_customer(), street=huge, post_office=huge)
    pdf = render_access_letter(replace(plain_letter(), customer=customer)).pdf
    page_1 = runs(pdf, 0)
    address = [r for r in page_1 if "ÖÄÅWM" in r.text]
    title = next(r for r in page_1 if r.text.startswith("Vastaus tietojen"))
    expected = "".join(recipient_lines(customer)[1:]).replace(" ", "")
    assert "".join(r.text for r in address).replace(" ", "") == expected
    assert max(r.top_mm for r in address) + 5 < title.top_mm


def test_five_hundred_orders_print_whole_and_the_page_count_grows() -> None:
    small = render_access_letter(plain_letter(orders=5))
    data = plain_letter(orders=500)
    big = render_access_letter(data)
    assert big.pages > small.pages + 20
    texts = pages(big.pdf)
    text = squeezed(texts)
    w = Words("fi")
    for order in data.orders:
        assert order.number in text
        assert contains(text, w.date(order.ordered_at))
        for d in order.deliveries:
            assert d.tracking_code in text
        for r in order.returns:
            assert r.number in text
    # Table headings repeat on every page the order, delivery and return tables span.
    order_pages = [t for t in texts if "W2023" in t]
    assert len(order_pages) > 10
    headings = ("Tilauspäivä", "Seurantakoodi", "Palautetut tuotteet")
    assert all(any(h in t for h in headings) for t in order_pages)
    assert contains(text, "Ystävällisin terveisin")
    # An order's lines and its total stay together: every page of the order table
    # begins (under the repeated heading) with an order's first line.
    # Lines as they stand on the page (pypdf's layout mode): each table cell is a text
    # object of its own, which pypdf's plain mode puts on a line of its own.
    starts = []
    for page in PdfReader(io.BytesIO(big.pdf)).pages:
        lines = [
            " ".join(line.split())
            for line in page.extract_text(extraction_mode="layout").split("\n")
        ]
        heading = [i for i, line in enumerate(lines) if line.startswith("Tilaus Tilauspäivä")]
        if heading:
            starts.append(lines[heading[0] + 1])
    assert len(starts) > 10 and all(s.startswith("W2023") for s in starts), starts


def test_a_huge_note_and_long_values_wrap_over_pages_instead_of_being_cut() -> None:
    note = " ".join(f"sana{i}" for i in range(900))  # about 6,000 characters
    customer = replace(plain_customer(), notes=note, email="x" * 60 + "@example.fi")
    rendered = render_access_letter(replace(plain_letter(), customer=customer))
    # Every word of the note, in order (the row is split over pages, so other cells of the
    # row and the repeated heading come between its parts).
    words = [t for t in flow(rendered.pdf).split() if t.startswith("sana")]
    assert words == note.split()
    assert contains(squeezed(rendered.pdf), customer.email)


def test_the_closing_never_stands_alone_on_a_page() -> None:
    """However long the access log, the signature shares its page with the log's end.
    The letters are checked where the log's growth pushes the end onto a new page."""
    base = plain_letter(orders=0, access_log=0)

    def letter(n: int) -> bytes:
        log = tuple(
            AccessEntry(T0 + timedelta(hours=i), "read", "customer_service") for i in range(n)
        )
        return render_access_letter(replace(base, access_log=log)).pdf

    counts = [len(PdfReader(io.BytesIO(letter(n))).pages) for n in range(70)]
    turns = {n for n in range(1, 70) if counts[n] != counts[n - 1]}
    assert turns  # the log did push the end over a page boundary
    for n in sorted({0} | {k for t in turns for k in range(t - 2, t + 3) if 0 <= k < 70}):
        texts = pages(letter(n))
        last = texts[-1]
        assert "Ystävällisin terveisin" in last, n
        assert "tietoja katsottu" in last if n else "Ei merkintöjä" in last, n
        assert "".join(texts).count("tietoja katsottu") == n


def test_invariant_output_is_byte_stable() -> None:
    a = render_access_letter(plain_letter(), invariant=True).pdf
    b = render_access_letter(plain_letter(), invariant=True).pdf
    assert a == b


def test_fonts_are_embedded_and_every_text_uses_them() -> None:
    pdf = render_access_letter(plain_letter()).pdf
    assert b"/FontFile2" in pdf  # the TrueType program itself travels with the letter
    reader = PdfReader(io.BytesIO(pdf))
    used: set[str] = set()

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if text.strip() and isinstance(font, dict):
            used.add(str(font.get("/BaseFont")))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    assert used and all("DejaVuSans" in name for name in used), used


def test_column_widths_fit_dates_and_share_the_rest() -> None:
    # Two columns that must not wrap (preferred = minimum), one long text column.
    widths = fit_widths([50, 60, 400], [50, 60, 30], [1, 1, 1], 300)
    assert widths[:2] == [50, 60] and widths[2] == pytest.approx(190)
    # Everything fits: the spare room is shared by weight.
    widths = fit_widths([50, 50], [20, 20], [1, 3], 200)
    assert widths == pytest.approx([75, 125])
    # The minimums alone are too wide: scaled down, never past the body.
    assert sum(fit_widths([200, 200], [200, 200], [1, 1], 300)) == pytest.approx(300)
