"""Page layout shared by letters and notices: A4 per the Finnish letter standard SFS 2487.

* Left margin 20 mm; the heading column (document name, date, reference) at 105 mm; the
  page number "1 (3)" at the right margin, on every page.
* Page 1 has the sender (the controller) at the top left and the recipient's address
  block 20 mm from the left edge, 45–70 mm from the top: inside the window of a C5 / E65
  window envelope (about 40–75 mm from the top), whichever way the envelope's window sits.
* The body flows over as many pages as it needs; tables repeat their heading row on each
  page, so nothing is cut off however long a history is.

Fonts are DejaVu Sans, shipped in ``resources/fonts`` and embedded, so every name prints
the same everywhere (reportlab's built-in Helvetica lacks most letters beyond Latin-1).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kkdesk.errors import KnownError
from kkdesk.reports.data import RenderedPdf

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
FONTS_ENV = "KKDESK_FONTS_DIR"

PAGE_W, PAGE_H = A4
LEFT = 20 * mm
RIGHT = 20 * mm
BODY_W = PAGE_W - LEFT - RIGHT
COLUMN_2 = 105 * mm  # SFS 2487 heading column
# The recipient's address block (page 1), measured from the top edge of the paper.
ADDRESS_TOP = 45 * mm
ADDRESS_BOTTOM = 70 * mm
ADDRESS_WIDTH = 85 * mm
ADDRESS_SIZE = 10.0
ADDRESS_LEADING = 4.6 * mm
# Where the body starts on page 1 and on the pages after it.
FIRST_BODY_TOP = 88 * mm
LATER_BODY_TOP = 35 * mm
BODY_BOTTOM = 20 * mm

TABLE_SIZE = 7.5
GREY = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.6, 0.6, 0.6)
HEAD_BG = colors.Color(0.9, 0.9, 0.9)


class FontsMissing(KnownError):
    code = "report_fonts_missing"


def fonts_dir() -> Path:
    override = os.environ.get(FONTS_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans with its bold and italic faces once per process."""
    global _registered
    if _registered:
        return
    folder = fonts_dir()
    files = {
        FONT: "DejaVuSans.ttf",
        FONT_BOLD: "DejaVuSans-Bold.ttf",
        FONT_ITALIC: "DejaVuSans-Oblique.ttf",
        FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    }
    for name, file in files.items():
        path = folder / file
        if not path.is_file():
            raise FontsMissing(f"The report font {path} is missing.", path=str(path))
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # So that <b> and <i> in Paragraph markup pick the right faces.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)
    _registered = True


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle


def make_styles() -> Styles:
    body = ParagraphStyle(
        "body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=12.5, alignment=TA_LEFT
    )
    return Styles(
        body=body,
        title=ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16, spaceAfter=6
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=9.5,
            leading=12,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=FONT_ITALIC,
            fontSize=9,
            leading=11,
            spaceBefore=5,
            spaceAfter=2,
            keepWithNext=1,
        ),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=10, bulletIndent=0, spaceAfter=2),
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=GREY),
        cell=ParagraphStyle("cell", fontName=FONT, fontSize=TABLE_SIZE, leading=9),
        cell_head=ParagraphStyle("cell_head", fontName=FONT_BOLD, fontSize=TABLE_SIZE, leading=9),
    )


def esc(text: object) -> str:
    """User data made safe for Paragraph markup (``&``, ``<`` and ``>`` would break it);
    line breaks are kept as line breaks."""
    return escape(str(text)).replace("\n", "<br/>")


_PAD = 6.0  # left + right padding of a table cell, points


class TableBuilder:
    """A long table that repeats its heading row on every page it spills onto.

    Short cells stay plain strings, which reportlab lays out far faster than Paragraphs;
    only a value too wide for its column becomes a wrapping Paragraph.
    """

    def __init__(
        self,
        styles: Styles,
        headings: Sequence[str],
        fractions: Sequence[float],
        *,
        right: Sequence[int] = (),
    ) -> None:
        total = sum(fractions)
        self.right = tuple(right)
        self.bold_rows: list[int] = []
        self.widths = [BODY_W * f / total for f in fractions]
        self.styles = styles
        self.rows: list[list[Any]] = [[Paragraph(esc(h), styles.cell_head) for h in headings]]
        self.group_starts: list[int] = []

    def cell(self, text: str, col: int) -> Any:
        if "\n" not in text and stringWidth(text, FONT, TABLE_SIZE) <= self.widths[col] - _PAD:
            return text
        return Paragraph(esc(text), self.styles.cell)

    def add(self, values: Sequence[str], *, group_start: bool = False, bold: bool = False) -> None:
        if group_start:
            self.group_starts.append(len(self.rows))
        if bold:
            self.bold_rows.append(len(self.rows))
        self.rows.append([self.cell(v, i) for i, v in enumerate(values)])

    def __len__(self) -> int:
        return len(self.rows) - 1

    def build(self) -> Table:
        table = Table(self.rows, colWidths=self.widths, repeatRows=1, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), FONT, TABLE_SIZE, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        for col in self.right:
            commands.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
        for row in self.bold_rows:
            commands.append(("FONT", (0, row), (-1, row), FONT_BOLD, TABLE_SIZE, 9))
        for row in self.group_starts:
            if row > 1:
                commands.append(("LINEABOVE", (0, row), (-1, row), 0.3, RULE))
        table.setStyle(TableStyle(commands))
        return table


@dataclass(frozen=True)
class Head:
    """What the page furniture prints."""

    document: str  # the document's name, e.g. "REKISTERIOTE"
    sender: tuple[str, ...]  # the controller: name first, then address lines
    date_label: str
    date_text: str
    reference_label: str = ""
    reference_text: str = ""
    recipient: tuple[str, ...] = ()  # the address block of page 1; empty: none
    footer: str = ""


def _canvas_class(head: Head) -> type[rl_canvas.Canvas]:
    """A canvas that holds pages back until the end, so each can say "n (total)"."""

    # reportlab ships no type information, so its Canvas is Any to mypy.
    class NumberedCanvas(rl_canvas.Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 9)
                self.drawRightString(
                    PAGE_W - RIGHT, PAGE_H - 15 * mm, f"{self._pageNumber} ({total})"
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_common(c: rl_canvas.Canvas, head: Head, *, first: bool) -> None:
    top = PAGE_H
    c.saveState()
    c.setFont(FONT_BOLD, 9)
    c.drawString(COLUMN_2, top - 15 * mm, head.document)
    c.setFont(FONT, 9)
    c.drawString(COLUMN_2, top - 20 * mm, head.date_text)
    if head.reference_text:
        c.setFillColor(GREY)
        c.setFont(FONT, 7)
        c.drawString(COLUMN_2, top - 24.5 * mm, head.reference_label)
        c.setFillColor(colors.black)
        c.setFont(FONT, 9)
        c.drawString(COLUMN_2, top - 28 * mm, head.reference_text)
    if first:
        c.setFont(FONT_BOLD, 9)
        c.drawString(LEFT, top - 15 * mm, head.sender[0] if head.sender else "")
        c.setFont(FONT, 9)
        y = top - 19 * mm
        for line in head.sender[1:4]:
            c.drawString(LEFT, y, line)
            y -= 4 * mm
    else:
        c.setFont(FONT_BOLD, 9)
        c.drawString(LEFT, top - 15 * mm, head.sender[0] if head.sender else "")
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(LEFT, top - 30.5 * mm, PAGE_W - RIGHT, top - 30.5 * mm)
    if head.footer:
        c.setFont(FONT, 7)
        c.setFillColor(GREY)
        c.drawString(LEFT, 11 * mm, head.footer)
    c.restoreState()


def address_lines_fit(lines: Sequence[str]) -> tuple[tuple[str, ...], float]:
    """The lines and the font size that keep the block inside the window: at most five
    lines, each no wider than the window (a long name gets a smaller size, never cut)."""
    kept = tuple(line for line in lines if line.strip())[:5]
    size = ADDRESS_SIZE
    widest = max((stringWidth(line, FONT, size) for line in kept), default=0.0)
    if widest > ADDRESS_WIDTH:
        size = max(6.0, size * ADDRESS_WIDTH / widest)
    return kept, size


def _draw_address(c: rl_canvas.Canvas, head: Head) -> None:
    lines, size = address_lines_fit(head.recipient)
    c.saveState()
    c.setFont(FONT, size)
    baseline = PAGE_H - ADDRESS_TOP - size  # the first line's cap height sits at the top
    for line in lines:
        c.drawString(LEFT, baseline, line)
        baseline -= ADDRESS_LEADING
    c.restoreState()


def render(
    story: list[Flowable], head: Head, *, invariant: bool = False, title: str = "", author: str = ""
) -> RenderedPdf:
    """Lay out ``story`` on letter pages and return the PDF bytes and the page count."""
    register_fonts()
    buf = io.BytesIO()
    first_top = FIRST_BODY_TOP if head.recipient else LATER_BODY_TOP + 8 * mm
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=LATER_BODY_TOP,
        bottomMargin=BODY_BOTTOM,
        title=title,
        author=author,
        creator="kkdesk",
        invariant=1 if invariant else 0,
    )
    first = Frame(
        LEFT,
        BODY_BOTTOM,
        BODY_W,
        PAGE_H - first_top - BODY_BOTTOM,
        id="first",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    later = Frame(
        LEFT,
        BODY_BOTTOM,
        BODY_W,
        PAGE_H - LATER_BODY_TOP - BODY_BOTTOM,
        id="later",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def on_first(c: rl_canvas.Canvas, _doc: Any) -> None:
        _draw_common(c, head, first=True)
        if head.recipient:
            _draw_address(c, head)

    def on_later(c: rl_canvas.Canvas, _doc: Any) -> None:
        _draw_common(c, head, first=False)

    doc.addPageTemplates(
        [
            PageTemplate(id="First", frames=[first], onPage=on_first, autoNextPageTemplate="Later"),
            PageTemplate(id="Later", frames=[later], onPage=on_later),
        ]
    )
    doc.build([NextPageTemplate("Later"), *story], canvasmaker=_canvas_class(head))
    return RenderedPdf(buf.getvalue(), doc.page)


def bullets(items: Sequence[str], style: ParagraphStyle) -> list[Flowable]:
    return [Paragraph(esc(text), style, bulletText="•") for text in items]


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


def gap(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)
