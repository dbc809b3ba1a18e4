"""Reading generated PDFs back in tests: text per page and where each text run is."""

from __future__ import annotations

import io
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


def squeezed(pdf: bytes) -> str:
    """All the text with every whitespace removed: wrapped lines compare equal."""
    return "".join("".join(pages(pdf)).split())


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
