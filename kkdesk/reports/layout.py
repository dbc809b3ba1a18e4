"""Page layout shared by letters and notices: A4 per the Finnish letter standard SFS 2487.

* Left margin 20 mm; the heading column (document name, date, reference) at 105 mm; the
  page number "1 (3)" at the right margin, on every page.
* Page 1 has the sender (the controller) at the top left and the recipient's address
  block 20 mm from the left edge, 45–70 mm from the top: inside the window of a C5 / E65
  window envelope (about 40–75 mm from the top), whichever way the envelope's window sits.
* The body flows over as many pages as it needs; tables repeat their heading row on each
  page, so nothing is cut off however long a history is.

The fonts are in :mod:`kkdesk.reports.fonts`.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _listWrapOn
from reportlab.platypus.tables import CellStyle

from kkdesk.reports.data import RenderedPdf
from kkdesk.reports.fonts import FONT, FONT_BOLD, register_fonts

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
ADDRESS_LEADING = 1.3  # line spacing as a multiple of the size: 13 pt (4.6 mm) at 10 pt
# Where the body starts on page 1 and on the pages after it.
FIRST_BODY_TOP = 88 * mm
LATER_BODY_TOP = 35 * mm
BODY_BOTTOM = 20 * mm

TABLE_SIZE = 7.5
GREY = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.6, 0.6, 0.6)
HEAD_BG = colors.Color(0.9, 0.9, 0.9)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    lead: ParagraphStyle  # a small note that introduces the table below it
    cell: ParagraphStyle
    cell_head: ParagraphStyle


@functools.cache
def make_styles() -> Styles:
    """The styles, made once per process (styles are never changed after this, and the
    paragraph cache of :func:`para` recognises them by identity)."""
    register_fonts()
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
            fontName=FONT_BOLD,
            fontSize=8.5,
            leading=11,
            spaceBefore=5,
            spaceAfter=2,
            keepWithNext=1,
        ),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=10, bulletIndent=0, spaceAfter=2),
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=GREY),
        lead=ParagraphStyle(
            "lead", parent=body, fontSize=8, leading=10, textColor=GREY, keepWithNext=1
        ),
        cell=ParagraphStyle("cell", fontName=FONT, fontSize=TABLE_SIZE, leading=9),
        cell_head=ParagraphStyle("cell_head", fontName=FONT_BOLD, fontSize=TABLE_SIZE, leading=9),
    )


def esc(text: object) -> str:
    """User data made safe for Paragraph markup (``&``, ``<`` and ``>`` would break it);
    line breaks are kept as line breaks."""
    return escape(str(text)).replace("\n", "<br/>")


_PAD = 6.0  # left + right padding of a table cell, points
_LEADING = 9.0  # the table font's leading, points
_VPAD = 3.0  # top + bottom padding of a table cell, points


def _text_width(text: str, font: str) -> float:
    """The width of the widest line of ``text`` in the table font, points."""
    if "\n" in text:
        return max(float(stringWidth(line, font, TABLE_SIZE)) for line in text.split("\n"))
    return float(stringWidth(text, font, TABLE_SIZE))


_BREAKABLE = re.compile(r"[ \t\n]+")  # not the no-break space (U+00A0): it binds


def _widest_word(text: str, font: str) -> float:
    return max(
        (stringWidth(word, font, TABLE_SIZE) for word in _BREAKABLE.split(text) if word),
        default=0.0,
    )


def fit_widths(
    preferred: Sequence[float], minimum: Sequence[float], weights: Sequence[float], total: float
) -> list[float]:
    """Column widths that fill ``total``: every column at least its minimum; each column
    that wants more grows toward its preferred width in proportion to its weight; space
    left once every column has what it prefers is shared by weight.

    This is the usual automatic table layout: dates, amounts and codes (whose minimum is
    their whole width) never wrap, and long text columns take what remains.
    """
    n = len(preferred)
    widths = list(minimum)
    spare = total - sum(widths)
    if spare < 0:  # the minimums alone are too wide: scale them down (text then wraps)
        return [w * total / sum(widths) for w in widths]
    wanting = [j for j in range(n) if preferred[j] > widths[j]]
    while spare > 1e-6 and wanting:
        weight = sum(weights[j] for j in wanting)
        share = {j: spare * weights[j] / weight for j in wanting}
        full = [j for j in wanting if widths[j] + share[j] >= preferred[j]]
        if not full:
            for j in wanting:
                widths[j] += share[j]
            return widths
        for j in full:
            spare -= preferred[j] - widths[j]
            widths[j] = preferred[j]
        wanting = [j for j in wanting if j not in full]
    if spare > 1e-6:
        weight = sum(weights)
        widths = [w + spare * weights[j] / weight for j, w in enumerate(widths)]
    return widths


class TableBuilder:
    """A long table that repeats its heading row on every page it spills onto.

    Column widths follow the content (:func:`fit_widths`): columns listed in ``nowrap``
    (dates, amounts, codes) are as wide as their widest value, and no heading is broken
    inside a word. Short cells stay plain strings, which reportlab lays out far faster
    than Paragraphs; only a value too wide for its column becomes a wrapping Paragraph.
    A row taller than a page is split inside the row, so nothing is ever cut off.
    """

    KEEP_GROUP_MAX = 12  # rows of a group kept on one page (``keep_groups``)

    def __init__(
        self,
        styles: Styles,
        headings: Sequence[str],
        fractions: Sequence[float],
        *,
        right: Sequence[int] = (),
        nowrap: Sequence[int] = (),
        fixed: bool = False,
        keep_groups: bool = False,
    ) -> None:
        self.styles = styles
        self.keep_groups = keep_groups
        self.fixed = fixed  # the cells hold the register's own texts, not customer data
        self.headings = list(headings)
        self.weights = list(fractions)
        self.right = tuple(right)
        self.nowrap = frozenset(nowrap)
        self.bold_rows: list[int] = []
        self.group_starts: list[int] = []
        self.texts: list[Sequence[str]] = []
        self.measured: list[list[float]] = []
        self.preferred = [_text_width(h, FONT_BOLD) + _PAD for h in headings]
        self.minimum = [_widest_word(h, FONT_BOLD) + _PAD for h in headings]

    def add(self, values: Sequence[str], *, group_start: bool = False, bold: bool = False) -> None:
        row = len(self.texts) + 1  # the heading is row 0
        if group_start:
            self.group_starts.append(row)
        if bold:
            self.bold_rows.append(row)
        font = FONT_BOLD if bold else FONT
        widths = [_text_width(v, font) + _PAD if v else 0.0 for v in values]
        pref, least = self.preferred, self.minimum
        for j, width in enumerate(widths):
            if width > pref[j]:
                pref[j] = width
            if width > least[j]:
                # No word is broken inside (an e-mail address, a document reference, a
                # tracking code): the column is at least as wide as its widest word,
                # unless the words of all columns together cannot fit the page.
                word = _widest_word(values[j], font) + _PAD
                if word > least[j]:
                    least[j] = word
        self.texts.append(values)
        self.measured.append(widths)

    def __len__(self) -> int:
        return len(self.texts)

    def widths(self) -> list[float]:
        minimum = [
            max(m, p) if j in self.nowrap else m
            for j, (m, p) in enumerate(zip(self.minimum, self.preferred, strict=True))
        ]
        return fit_widths(self.preferred, minimum, self.weights, BODY_W)

    def build(self) -> Table:
        widths = self.widths()
        s = self.styles
        bold = set(self.bold_rows)
        # A wrapping cell is a list holding its Paragraph: reportlab splits a row taller
        # than a page (a very long note) only when its flowables come as lists.
        head = [
            h if _text_width(h, FONT_BOLD) + _PAD <= widths[j] and "\n" not in h
            else [para(esc(h), s.cell_head)]
            for j, h in enumerate(self.headings)
        ]  # fmt: skip
        rows: list[list[Any]] = [head]
        make = para if self.fixed else Paragraph
        # Row heights are measured here, once: left to reportlab, every page a long table
        # spills onto would measure all the rows still to come again.
        heights = [_row_height(head, widths)]
        for i, (values, measured) in enumerate(zip(self.texts, self.measured, strict=True), 1):
            style = s.cell_head if i in bold else s.cell
            row = [
                v if m <= widths[j] and "\n" not in v else [make(esc(v), style)]
                for j, (v, m) in enumerate(zip(values, measured, strict=True))
            ]
            rows.append(row)
            heights.append(_row_height(row, widths))
        table = _Table(
            rows,
            colWidths=widths,
            rowHeights=heights,
            repeatRows=1,
            hAlign="LEFT",
            splitInRow=1,
            cellStyles=self._cell_styles(),
            normalizedData=1,
        )
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ]
        for start in self.group_starts:
            if start > 1:
                commands.append(("LINEABOVE", (0, start), (-1, start), 0.3, RULE))
        if self.keep_groups:
            # An order's lines and its total stay on one page (unless there are so many
            # that they could not): a total alone at the top of a page reads as nothing.
            ends = [*self.group_starts[1:], len(self.texts) + 1]
            table.no_split = frozenset(
                y
                for start, end in zip(self.group_starts, ends, strict=True)
                if 1 < end - start <= self.KEEP_GROUP_MAX
                for y in range(start + 1, end)
            )
        table.setStyle(TableStyle(commands))
        return table

    def _cell_styles(self) -> list[list[CellStyle]]:
        """Every cell's style, shared between cells: given to reportlab ready-made, the
        styles cost nothing per cell (a TableStyle command for fonts, paddings and
        alignment is applied to each of a long table's thousands of cells one by one)."""

        def style(font: str, align: str) -> CellStyle:
            cs = CellStyle(f"{font}-{align}")
            cs.fontname, cs.fontsize, cs.leading = font, TABLE_SIZE, _LEADING
            cs.leftPadding = cs.rightPadding = _PAD / 2
            cs.topPadding = cs.bottomPadding = _VPAD / 2
            cs.valign, cs.alignment = "TOP", align
            return cs

        plain, bold = style(FONT, "LEFT"), style(FONT_BOLD, "LEFT")
        plain_r, bold_r = style(FONT, "RIGHT"), style(FONT_BOLD, "RIGHT")
        n = len(self.headings)
        normal = [plain_r if j in self.right else plain for j in range(n)]
        strong = [bold_r if j in self.right else bold for j in range(n)]
        bold_rows = set(self.bold_rows)
        return [[bold] * n] + [
            strong if i in bold_rows else normal for i in range(1, len(self.texts) + 1)
        ]


def _row_height(row: Sequence[Any], widths: Sequence[float]) -> float:
    height = _LEADING
    for value, width in zip(row, widths, strict=True):
        if isinstance(value, list):
            height = max(height, sum(p.wrap(width - _PAD, PAGE_H)[1] for p in value))
        elif "\n" in value:
            height = max(height, _LEADING * (value.count("\n") + 1))
    return height + _VPAD


class _Table(Table):  # type: ignore[misc]
    """A table that spends no time drawing its empty cells (a long order history has
    thousands: the order columns of every line after an order's first), and that keeps
    groups of rows together: ``no_split`` holds the row positions a page may not end
    before. (reportlab's own NOSPLIT command does this too, but re-indexes every cell of
    the table at every page: a 500-order history took three times as long.)"""

    no_split: frozenset[int] = frozenset()

    def _getFirstPossibleSplitRowPosition(self, availHeight: float, ignoreSpans: int = 0) -> int:
        n: int = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        while n in self.no_split:
            n -= 1
        return n

    def _splitRows(self, availHeight: float, doInRowSplit: int = 0) -> list[Any]:
        parts: list[Any] = super()._splitRows(availHeight, doInRowSplit)
        if len(parts) == 2 and self.no_split:
            first, rest = parts
            n, repeat = len(first._cellvalues), int(self.repeatRows)
            first.no_split = frozenset(y for y in self.no_split if y < n)
            rest.no_split = frozenset(y - n + repeat for y in self.no_split if y > n)
        return parts

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if cellval == "":
            return
        super()._drawCell(cellval, cellstyle, pos, size)


class _KeepWithTable(KeepTogether):  # type: ignore[misc]
    """How a heading keeps with what follows it (``keepWithNext``). reportlab moves the
    whole group to the next page when it does not fit; when the group ends in a long table
    that leaves most of a page empty. Here the heading stays as long as the table's first
    rows fit below it, and the table goes on over the page under its repeated heading."""

    FIRST_ROWS = 3  # the table's heading row and two rows

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # As KeepTogether.wrap, without the canvas: given one, reportlab deep-copies the
        # frame on every wrap (for generated content, which letters never have).
        dims: list[tuple[float, float]] = []
        width, height = _listWrapOn(self._content, avail_width, None, dims=dims)
        self._H = height
        self._H0 = dims[0][1] if dims else 0
        self._wrapInfo = avail_width, avail_height
        return width, 0xFFFFFF  # "too tall": the frame asks split() what fits

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        last = self._content[-1]
        table = last.table if isinstance(last, TableThen) else last
        if isinstance(table, Table) and self._content[:-1]:
            self.wrap(avail_width, avail_height)
            if avail_height < self._H:
                lead = _listWrapOn(self._content[:-1], avail_width, None)[1]
                first = sum(h for h in table._argH[: self.FIRST_ROWS] if h)
                if lead + first <= avail_height:
                    return list(self._content)
        parts: list[Flowable] = super().split(avail_width, avail_height)
        return parts


class TableThen(Flowable):  # type: ignore[misc]
    """A table and the block that ends the document (the closing and signature), kept
    together: when the block does not fit below the table's end, the table's last rows
    go over to the next page with it, under a repeated heading, so that a page never
    holds the signature alone."""

    TAIL_ROWS = 2

    def __init__(self, table: Table, after: Flowable, gap: float = 0.0) -> None:
        super().__init__()
        self.table, self.after, self.gap = table, after, gap
        self._th = self._ah = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _w, self._th = self.table.wrap(avail_width, avail_height)
        _w, self._ah = self.after.wrap(avail_width, avail_height)
        self.width, self.height = avail_width, self._th + self.gap + self._ah
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self._th > avail_height:
            parts = self.table.split(avail_width, avail_height)
            if len(parts) != 2:
                return list(parts)  # not even the heading and one row fit: the next page
            return [parts[0], TableThen(parts[1], self.after, self.gap)]
        # The table fits here, the block below it does not: the last rows go over with it.
        heights = list(self.table._rowHeights)
        if len(heights) - 1 > self.TAIL_ROWS:  # the heading row and more than the tail
            cut = self._th - sum(heights[-self.TAIL_ROWS :]) - 0.01
            parts = self.table.split(avail_width, cut)
            if len(parts) == 2:
                return [parts[0], FrameBreak(), TableThen(parts[1], self.after, self.gap)]
        frame = getattr(self, "_frame", None)
        if frame is not None and getattr(frame, "_atTop", False):
            # Already at the top of a page and still too tall: let the two part.
            return [self.table, Spacer(1, self.gap), KeepTogether([self.after])]
        return []  # a short table: it goes over whole, with the block

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, self._ah + self.gap)
        self.after.drawOn(self.canv, 0, 0)


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
    # How many of the recipient's last lines are postal lines (street, postal code and
    # post office, country): those are never broken (Posti reads a piece of a street
    # pushed onto a line of its own as the delivery address).
    recipient_keep: int = 0
    language: str = ""  # the document's language (the PDF's /Lang), e.g. "fi"


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
    """The page furniture, written as one PDF text object (it is on every page)."""
    top = PAGE_H
    t = c.beginText()
    color = colors.black

    def put(x: float, y: float, value: str, font: str = FONT, size: float = 9,
            fill: colors.Color = colors.black) -> None:  # fmt: skip
        nonlocal color
        if fill is not color:
            t.setFillColor(fill)
            color = fill
        t.setFont(font, size)
        t.setTextOrigin(x, y)
        t.textOut(value)

    t.setFillColor(color)
    put(COLUMN_2, top - 15 * mm, head.document, FONT_BOLD)
    put(COLUMN_2, top - 20 * mm, head.date_text)
    if head.reference_text:
        put(COLUMN_2, top - 24.5 * mm, head.reference_label, size=7, fill=GREY)
        put(COLUMN_2, top - 28 * mm, head.reference_text)
    put(LEFT, top - 15 * mm, head.sender[0] if head.sender else "", FONT_BOLD)
    if first:
        y = top - 19 * mm
        for line in head.sender[1:4]:
            put(LEFT, y, line)
            y -= 4 * mm
    if head.footer:
        put(LEFT, 11 * mm, head.footer, size=7, fill=GREY)
    # Inside q … Q: the colours and fonts set here stay out of the page's body.
    c.saveState()
    c.drawText(t)
    if not first:
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(LEFT, top - 30.5 * mm, PAGE_W - RIGHT, top - 30.5 * mm)
    c.restoreState()


def _wrap_line(line: str, size: float) -> list[str]:
    """``line`` broken at spaces into pieces no wider than the window (a word wider than
    the window alone is broken between letters)."""
    out: list[str] = []
    current = ""
    for word in line.split():
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, FONT, size) <= ADDRESS_WIDTH:
            current = candidate
            continue
        if current:
            out.append(current)
        current = word
        while stringWidth(current, FONT, size) > ADDRESS_WIDTH:
            cut = len(current)
            while cut > 1 and stringWidth(current[:cut], FONT, size) > ADDRESS_WIDTH:
                cut -= 1
            out.append(current[:cut])
            current = current[cut:]
    if current:
        out.append(current)
    return out


def address_lines_fit(lines: Sequence[str], keep: int = 0) -> tuple[tuple[str, ...], float]:
    """The lines and the font size that keep the block inside the window: each line no
    wider than the window, every line below the block's top and above its bottom. A long
    name is wrapped first, then the size shrinks (down to 6 pt); nothing is ever cut. The
    last ``keep`` lines (the postal lines) are never wrapped: the size shrinks until they
    fit the window whole."""
    cut = len(lines) - keep if keep else len(lines)
    names = [line.strip() for line in lines[:cut] if line.strip()]
    postal = [line.strip() for line in lines[cut:] if line.strip()]
    wrapped: list[str] = [*names, *postal]
    for tenths in range(int(ADDRESS_SIZE * 10), 59, -5):
        size = tenths / 10
        wrapped = [piece for line in names for piece in _wrap_line(line, size)] + postal
        if address_block_bottom(wrapped, size) <= ADDRESS_BOTTOM and all(
            stringWidth(line, FONT, size) <= ADDRESS_WIDTH for line in postal
        ):
            return tuple(wrapped), size
    # A postal line too long even at 6 pt (no real address is): whole beats unbroken.
    return tuple(piece for line in [*names, *postal] for piece in _wrap_line(line, 6.0)), 6.0


def address_block_bottom(lines: Sequence[str], size: float) -> float:
    """Where the last line's baseline falls, in points from the top of the paper."""
    return float(ADDRESS_TOP + size + (len(lines) - 1) * size * ADDRESS_LEADING)


def _draw_address(c: rl_canvas.Canvas, head: Head) -> None:
    lines, size = address_lines_fit(head.recipient, head.recipient_keep)
    c.saveState()
    c.setFont(FONT, size)
    baseline = PAGE_H - ADDRESS_TOP - size  # the first line's cap height sits at the top
    for line in lines:
        c.drawString(LEFT, baseline, line)
        baseline -= size * ADDRESS_LEADING
    c.restoreState()


def render(
    story: list[Flowable], head: Head, *, invariant: bool = False, title: str = "", author: str = ""
) -> RenderedPdf:
    """Lay out ``story`` on letter pages and return the PDF bytes and the page count."""
    register_fonts()
    buf = io.BytesIO()
    first_top = LATER_BODY_TOP + 8 * mm
    if head.recipient:
        # Below the address block, even the rare block too long for the window (a name
        # and street at their longest): the body never prints over it.
        lines, size = address_lines_fit(head.recipient, head.recipient_keep)
        first_top = max(FIRST_BODY_TOP, address_block_bottom(lines, size) + 12 * mm)
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
        subject="",
        keywords="",
        lang=head.language or None,  # the /Lang a screen reader reads the letter in
        # The pages' initial font is the letter's own: reportlab's default (Helvetica)
        # would be named in every page's resources without a character printed in it.
        initialFontName=FONT,
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

    doc.keepTogetherClass = _KeepWithTable
    doc.addPageTemplates(
        [
            PageTemplate(id="First", frames=[first], onPage=on_first, autoNextPageTemplate="Later"),
            PageTemplate(id="Later", frames=[later], onPage=on_later),
        ]
    )
    doc.build([NextPageTemplate("Later"), *story], canvasmaker=_canvas_class(head))
    return RenderedPdf(buf.getvalue(), doc.page)


@functools.lru_cache(maxsize=2048)
def _frags(markup: str, style: ParagraphStyle) -> list[Any]:
    frags: list[Any] = Paragraph(markup, style).frags
    return frags


_BREAKS: dict[tuple[str, str, str | None, tuple[float, ...]], Any] = {}
_BREAKS_MAX = 4096


class _FixedParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph of fixed text whose line breaking is remembered per column width:
    every letter of a batch breaks the same register texts into the same lines. (The
    pieces reportlab splits it into over a page end are made by the same class with
    reportlab's own arguments; they have no key and break their lines as usual.)"""

    key: tuple[str, str, str | None] | None = None

    def breakLines(self, width: Any) -> Any:
        if self.key is None:
            return super().breakLines(width)
        key = (*self.key, tuple(width) if isinstance(width, list | tuple) else (width,))
        found = _BREAKS.get(key)
        if found is None:
            found = super().breakLines(width)
            if len(_BREAKS) >= _BREAKS_MAX:
                _BREAKS.clear()
            _BREAKS[key] = found  # read-only from here: drawing and splitting copy
        return found


def para(markup: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A Paragraph of text that recurs in every letter (the register's information and the
    letter's own phrases), parsed and broken into lines once per process rather than once
    per letter: reportlab parses paragraph markup with an HTML parser and measures every
    word, which cost a typical letter a quarter of its time. Customer data never goes
    through here, so the caches hold only the few hundred fixed texts."""
    paragraph = _FixedParagraph(markup, style, bulletText=bullet, frags=_frags(markup, style))
    paragraph.key = (markup, style.name, bullet)
    return paragraph


def bullets(items: Sequence[str], style: ParagraphStyle) -> list[Flowable]:
    return [para(esc(text), style, "•") for text in items]


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


def gap(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)
