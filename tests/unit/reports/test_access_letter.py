"""The subject-access letter rendered from plain data: content, languages, layout."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from kkdesk.domain.enums import Language
from kkdesk.reports.access_letter import recipient_lines, render_access_letter
from kkdesk.reports.layout import address_lines_fit
from kkdesk.reports.texts import T, Words
from tests.reports_factory import plain_letter
from tests.unit.reports.pdftext import contains, pages, runs, squeezed

LANGS = [Language.FI, Language.SV, Language.EN]


@pytest.mark.parametrize("lang", LANGS)
def test_every_item_held_appears(lang: Language) -> None:
    data = plain_letter(lang)
    text = squeezed(render_access_letter(data).pdf)
    w = Words(lang)
    c = data.customer
    for value in (
        c.number, c.surname, c.first_names, c.street, c.postal_code, c.post_office,
        c.phone_home, c.phone_work, c.phone_mobile, c.email, c.notes, w.date(c.birth_date),
        w.date(c.customer_since), "asiakasryhmä", "kanta-asiakas",
    ):  # fmt: skip
        assert contains(text, value), value
    for cp in c.contacts:
        for value in (cp.surname, cp.first_names, cp.role, cp.phone_mobile, cp.email):
            assert contains(text, value), value
    for order in data.orders:
        assert contains(text, order.number)
        assert contains(text, w.date(order.ordered_at))
        assert contains(text, w.money(order.total_cents))
        for line in order.lines:
            assert contains(text, line.product_name)
        for d in order.deliveries:
            assert contains(text, d.tracking_code)
        for r in order.returns:
            assert contains(text, r.number) and contains(text, r.reason)
    for ev in data.consent_events:
        assert contains(text, ev.document_ref)
        assert contains(text, w(f"ci_{ev.item.value}"))
    for ch in data.changes:
        assert contains(text, ch.new_value)
        if ch.old_value:
            assert contains(text, ch.old_value)
        assert contains(text, w.maybe("src", ch.source.value))
        if ch.source_detail:
            assert contains(text, ch.source_detail)
    for d in data.disclosures:
        assert contains(text, d.recipient) and contains(text, d.description)
    # Art. 15(1)(a)–(h): purposes, categories, recipients, retention, rights, complaint,
    # sources, automated decisions, transfers.
    info = data.register
    for section in ("s_purposes", "s_categories", "s_recipients", "s_retention", "s_sources",
                    "s_automated", "s_rights", "s_transfers", "s_copy", "s_access"):  # fmt: skip
        assert contains(text, w(section)), section
    assert contains(text, info.authority_name.get(lang))
    assert contains(text, "PL800") and contains(text, "tietosuoja.fi")
    assert contains(text, info.retention[1].get(lang))
    assert contains(text, w("ac_read")) and contains(text, w("pu_customer_service"))


@pytest.mark.parametrize("lang", LANGS)
def test_staff_names_only_when_the_setting_says_so(lang: Language) -> None:
    hidden = squeezed(render_access_letter(plain_letter(lang)).pdf)
    shown = squeezed(render_access_letter(plain_letter(lang, name_staff=True)).pdf)
    assert "anna.staff" not in hidden
    assert "anna.staff" in shown


def test_each_language_speaks_its_own() -> None:
    fi, sv, en = (pages(render_access_letter(plain_letter(x)).pdf)[0] for x in LANGS)
    assert "Vastaus tietopyyntöönne" in fi and "Tietosuojavaltuutetun" in "".join(
        pages(render_access_letter(plain_letter("fi")).pdf)
    )
    assert "Svar på er begäran" in sv
    assert "Reply to your subject access request" in en
    assert "Vastaus" not in en and "Svar på" not in fi


def test_every_text_exists_in_three_languages() -> None:
    for key, texts in T.items():
        assert len(texts) == 3 and all(t.strip() for t in texts), key


def test_page_numbers_count_the_whole_letter() -> None:
    rendered = render_access_letter(plain_letter())
    texts = pages(rendered.pdf)
    assert len(texts) == rendered.pages
    for i, text in enumerate(texts, 1):
        assert f"{i} ({rendered.pages})" in text


def test_address_block_lies_in_the_window_of_page_1() -> None:
    data = plain_letter()
    found = {r.text: r for r in runs(render_access_letter(data).pdf, 0)}
    lines = recipient_lines(data.customer)
    assert lines == ("Öllervo Åke Äijälä", "Pitkä & <Kapea> katu 5 B 12", "00100 HELSINKI")
    for line in lines:
        run = found[line]
        assert run.x_mm == pytest.approx(20, abs=0.5)
        # The baseline, and the cap height ~3 mm above it, inside 40–75 mm from the top.
        assert run.top_mm - 3 >= 40 and run.top_mm + 1 <= 75, run


def test_a_long_name_shrinks_to_the_window_instead_of_being_cut() -> None:
    long = "Aaaaaaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbbbbbbbbb Cccccccccccccccccccc Ddddddddd"
    lines, size = address_lines_fit([long, "Katu 1", "00100 HELSINKI"])
    assert lines[0] == long and size < 10


def test_five_hundred_orders_print_whole_and_the_page_count_grows() -> None:
    small = render_access_letter(plain_letter(orders=5))
    big = render_access_letter(plain_letter(orders=500))
    assert big.pages > small.pages + 20
    text = squeezed(big.pdf)
    data = plain_letter(orders=500)
    for order in data.orders:
        assert order.number in text
        for d in order.deliveries:
            assert d.tracking_code in text
        for r in order.returns:
            assert r.number in text
    # Table headings repeat on every page the order table spans.
    order_pages = [t for t in pages(big.pdf) if "W2023" in t]
    assert len(order_pages) > 10
    assert all("Tilaus" in t for t in order_pages)


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
