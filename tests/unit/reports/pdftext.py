"""Reading generated PDFs back in tests: text per page and where each text run is."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

MM = 72 / 25.4


@dataclass(frozen=True)
class Run:
    text: str
    x_mm: float  # from the left edge
    top_mm: float  # baseline, from the top edge


def pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


_PAGE_NUMBER = re.compile(r"^\d+ \(\d+\)$")


def flow(pdf: bytes | list[str]) -> str:
    """The text as it flows: page 1 whole, and of each later page only the body, so that
    a paragraph or table row carried over a page end reads as one (pypdf gives each page's
    head and footer first, the footer being the line with " · ", and the page number last).
    Takes the PDF, or its pages' texts already extracted."""
    out = []
    for i, text in enumerate(pages(pdf) if isinstance(pdf, bytes) else pdf):
        lines = text.rstrip("\n").split("\n")
        if lines and _PAGE_NUMBER.match(lines[-1].strip()):
            lines.pop()
        footer = next((k for k, line in enumerate(lines) if " · " in line), None)
        if i and footer is not None:
            lines = lines[footer + 1 :]
        out.append("\n".join(lines))
    return "\n".join(out)


def squeezed(pdf: bytes | list[str]) -> str:
    """The flowing text with every whitespace removed: wrapped lines compare equal."""
    return "".join(flow(pdf).split())


def contains(haystack: str, needle: str) -> bool:
    return "".join(needle.split()) in haystack


def runs(pdf: bytes, page: int = 0) -> list[Run]:
    reader = PdfReader(io.BytesIO(pdf))
    height = float(reader.pages[page].mediabox.height)
    out: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append(Run(text.strip(), x / MM, (height - y) / MM))

    reader.pages[page].extract_text(visitor_text=visit)
    return out
