"""The report fonts' shortcuts: encoding text in one step and cutting each distinct subset
file once must give exactly the bytes reportlab itself would."""

from __future__ import annotations

from dataclasses import replace

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from kkdesk.reports import fonts
from kkdesk.reports.access_letter import render_access_letter
from tests.reports_factory import plain_customer, plain_letter

# More distinct letters than the first subset holds, so that later subsets are made too.
MANY = "".join(chr(c) for c in range(0x400, 0x4FF))
TEXTS = [
    "", "Tilaus W2023000", "Äijälä Öllervo Åke", "Pitkä\xa0katu", "Ærø Ÿ ŋ ẞ", MANY,
    "漢字 missing from DejaVu", "plain again", "Äijälä again", MANY[::-1], "€ – • …",
]  # fmt: skip


def _reportlab_font(name: str) -> TTFont:
    return TTFont(f"plain-{name}", pdfmetrics.getFont(name).face.filename, asciiReadable=1)


@pytest.mark.parametrize("name", [fonts.FONT, fonts.FONT_BOLD])
def test_encoding_matches_reportlab_string_by_string(name: str) -> None:
    fonts.register_fonts()
    fast, plain = pdfmetrics.getFont(name), _reportlab_font(name)
    ours, theirs = PDFDocument(), PDFDocument()
    for _ in range(2):  # the second round takes the shortcut for every known character
        for text in TEXTS:
            assert fast.splitString(text, ours) == plain.splitString(text, theirs), text
    assert fast.state[ours].subsets == plain.state[theirs].subsets
    assert len(fast.state[ours].subsets) > 1


def test_the_shortcuts_change_no_byte_of_a_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    fonts.register_fonts()
    customer = replace(plain_customer(), notes="Ærø Ÿ " + MANY)  # two subsets at least
    letter = replace(plain_letter("sv", orders=8), customer=customer)
    fast = render_access_letter(letter, invariant=True).pdf
    again = render_access_letter(letter, invariant=True).pdf  # subset files remembered
    for method in ("splitString", "addObjects"):
        monkeypatch.setattr(fonts._Font, method, getattr(TTFont, method))
    for method in ("makeSubset", "addSubsetObjects"):
        monkeypatch.setattr(fonts._Face, method, getattr(TTFontFace, method))
    plain = render_access_letter(letter, invariant=True).pdf
    assert fast == again == plain


def test_a_missing_font_file_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(fonts, "_registered", False)
    monkeypatch.setenv(fonts.FONTS_ENV, str(tmp_path))
    with pytest.raises(fonts.FontsMissing, match=r"DejaVuSans\.ttf"):
        fonts.register_fonts()


def test_letters_rendered_on_several_threads_come_out_the_same() -> None:
    """The desk renders on worker threads: the shared caches must not mix documents."""
    from concurrent.futures import ThreadPoolExecutor

    fonts.register_fonts()
    letters = [
        replace(plain_letter(lang, orders=3), customer=replace(plain_customer(), notes=note))
        for lang in ("fi", "sv", "en")
        for note in ("Ærø Ÿ", "ŋ ẞ € –", MANY[:40])
    ]
    alone = [render_access_letter(x, invariant=True).pdf for x in letters]
    with ThreadPoolExecutor(3) as pool:
        together = list(pool.map(lambda x: render_access_letter(x, invariant=True).pdf, letters))
    assert together == alone
