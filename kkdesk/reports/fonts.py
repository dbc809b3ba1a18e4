"""The report fonts: DejaVu Sans, shipped in the package (``kkdesk/resources/fonts``, found
through :mod:`kkdesk.resources`) and embedded in every PDF, so every name prints the same
everywhere (reportlab's built-in Helvetica lacks most letters beyond Latin-1).

Two costs of embedding a TrueType font with reportlab are paid here once instead of once
per document, which matters when a batch prints a thousand letters:

* encoding text: reportlab maps every character of every string to its code in the
  document's font subset in a Python loop;
* the embedded subsets: reportlab cuts a subset font file out of DejaVu, compresses it,
  and formats its widths and character map for every document, and letters in one
  language use the same characters in the same order, so most of those are byte for
  byte the same as in the letter before.

``tests/unit/reports/test_fonts.py`` checks that a letter comes out byte for byte as
reportlab alone would make it. Both are kept for the batch target (1,000 letters ≤ 20 s on
2 cores, bench/bench_letters.py): measured, a typical letter renders in about 38 ms of CPU
with them, 42–43 ms without the face's subset cache and 44–45 ms without either, which
puts the batch's rendering alone at the target. They lean on reportlab internals (the
per-document font state, ``TTFontFace.makeSubset``), so pyproject.toml pins reportlab to
the minor version the tests ran on.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from collections import OrderedDict
from pathlib import Path
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFTrueTypeFont
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from kkdesk import resources
from kkdesk.errors import KnownError

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
FONTS_ENV = "KKDESK_FONTS_DIR"

# Distinct subset files kept per font face. A subset file is about 40 kB; a batch of
# letters in three languages uses a few dozen distinct ones.
SUBSET_CACHE = 64


class FontsMissing(KnownError):
    code = "report_fonts_missing"


def fonts_dir() -> Path:
    override = os.environ.get(FONTS_ENV)
    if override:
        return Path(override)
    return resources.path("fonts")


class _Unassigned(Exception):
    """A character with no code in the document's first subset yet (deliberately not a
    LookupError, so that ``str.translate`` passes it up instead of keeping the character
    as it is)."""


class _Codes(dict[int, str]):
    """Each character that has a one-byte code in a document's first font subset, mapped
    to that code: the table ``str.translate`` needs to encode a string in one C call."""

    def __missing__(self, key: int) -> str:
        raise _Unassigned


class _Lru(OrderedDict[Any, Any]):
    """The newest SUBSET_CACHE entries. The desk may render two letters at once on its
    worker threads: each step is one dictionary operation, and a key that another thread
    let go of in between is simply made again."""

    def remember(self, key: Any, value: Any) -> Any:
        self[key] = value
        while len(self) > SUBSET_CACHE:
            try:
                self.popitem(last=False)
            except KeyError:  # emptied by another thread meanwhile
                break
        return value

    def recall(self, key: Any) -> Any:
        found = self.get(key)
        if found is not None:
            # Let go of by another thread meanwhile: still a good value.
            with contextlib.suppress(KeyError):
                self.move_to_end(key)
        return found


class _Flate:
    """The FlateDecode filter, remembering what it compressed: handed the same subset
    file (the very bytes object :meth:`_Face.makeSubset` returned before) it returns the
    same compressed bytes without compressing again."""

    pdfname = "FlateDecode"

    def __init__(self) -> None:
        self._done = _Lru()

    def encode(self, data: bytes | str) -> bytes:
        if isinstance(data, str):  # a character map: reportlab's filter encodes it so too
            data = data.encode("utf8")
        found: bytes | None = self._done.recall(data)
        if found is None:
            found = self._done.remember(data, zlib.compress(data))
        return found

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


class _Face(TTFontFace):  # type: ignore[misc]
    """The font file, cutting each distinct subset file once (reportlab asks the face for
    a document's subsets when the document is saved)."""

    _subsets: _Lru
    _flate: _Flate

    def makeSubset(self, subset: list[int]) -> bytes:
        key = tuple(subset)
        found: bytes | None = self._subsets.recall(key)
        if found is None:
            found = self._subsets.remember(key, super().makeSubset(subset))
        return found

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        reference = super().addSubsetObjects(doc, fontname, subset)
        # The font file reportlab just made: compressed by the remembering filter.
        font_file = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")
        if font_file is not None and font_file.filters:
            font_file.filters = [self._flate]
        return reference


class _Font(TTFont):  # type: ignore[misc]
    """DejaVu that encodes text in one step, and whose face cuts each distinct subset
    file once.

    A letter's text almost always sits in the first subset (printable ASCII at its own
    codes, reportlab's "ASCII readable" layout, and the letter's few accented letters
    beside it), so a string made only of characters that already have a code there is
    encoded with ``str.translate``; any other string (a new character, another subset)
    goes through reportlab, which assigns the codes, and the table is renewed."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename, asciiReadable=1)
        # reportlab makes the face itself; it becomes a remembering one here (a subclass
        # that adds no state of reportlab's kind), rather than reading the file twice:
        # a second TTFontFace of DejaVu costs about 60 ms per face, 4 faces per process.
        self.face.__class__ = _Face
        self.face._subsets = _Lru()
        self.face._flate = _Flate()
        self._widths = _Lru()

    @staticmethod
    def _codes(state: Any) -> _Codes:
        codes = _Codes({code: chr(n) for code, n in state.assignments.items() if n < 256})
        codes[0xA0] = codes.get(32, " ")  # reportlab prints a no-break space as a space
        return codes

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        # The tables live on the document (reportlab keeps its per-document font state in
        # a WeakKeyDictionary, which costs a weak reference on every lookup).
        tables: dict[str, _Codes] | None = getattr(doc, "_kkdesk_codes", None)
        codes = tables.get(self.fontName) if tables is not None else None
        if codes is not None and isinstance(text, str):
            try:
                return [(0, text.translate(codes).encode("latin-1"))] if text else []
            except _Unassigned:
                pass
        result = super().splitString(text, doc, encoding)
        if tables is None:
            tables = {}
            doc._kkdesk_codes = tables
        if codes is None or not isinstance(text, str):
            tables[self.fontName] = self._codes(self.state[doc])
        else:  # only this text's characters can have got codes
            assigned = self.state[doc].assignments
            for code in map(ord, set(text)):
                n = assigned.get(code)
                if n is not None and n < 256:
                    codes[code] = chr(n)
        return result

    def addObjects(self, doc: Any) -> None:
        prefix = doc.fontMapping.get(self.fontName, "/")[1:] + "+"
        super().addObjects(doc)
        # Each subset's font dictionary: its widths array formatted once per distinct
        # subset (a few hundred numbers, each formatted in Python), its character map
        # compressed by the remembering filter.
        fonts = doc.idToObject.get("BasicFonts")
        for name, font in fonts.dict.items() if fonts is not None else ():
            if not name.startswith(prefix) or not isinstance(font, PDFTrueTypeFont):
                continue
            if isinstance(font.Widths, PDFArray):
                key = tuple(font.Widths.sequence)
                found = self._widths.recall(key)
                if found is None:
                    found = self._widths.remember(key, pdf_format(font.Widths, doc))
                font.Widths = found  # bytes go into the PDF as they are
            cmap = doc.idToObject.get(f"toUnicodeCMap:{font.BaseFont}")
            if cmap is not None and cmap.filters:
                cmap.filters = [self.face._flate]


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
        pdfmetrics.registerFont(_Font(name, str(path)))
    # So that <b> and <i> in Paragraph markup pick the right faces.
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)
    _registered = True
