"""The reportlab overrides kept in kkdesk/reports/layout.py, each beside proof that it
changes nothing a reader can see. (The rewrite of ``Table.draw`` that wrote all plain
cells into one text object is gone: it saved 2–5 % on typical letters and no target
needed it.)

``_Table._drawCell`` skips empty cells: measured, a 500-order letter renders in about
0.4 s with it and 0.5 s without. reportlab writes an empty text object for an empty
cell, so the bytes differ by exactly those; the pages render to the same pixels.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kkdesk.reports import layout
from kkdesk.reports.access_letter import render_access_letter
from tests.reports_factory import plain_letter


def test_skipping_empty_cells_leaves_every_page_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    letter = plain_letter("fi", orders=12)
    ours = render_access_letter(letter, invariant=True)
    monkeypatch.delattr(layout._Table, "_drawCell")
    plain = render_access_letter(letter, invariant=True)
    assert ours.pages == plain.pages
    assert len(ours.pdf) < len(plain.pdf)  # it did skip something
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    for name, pdf in (("ours", ours.pdf), ("plain", plain.pdf)):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(
            [pdftoppm, "-r", "72", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)],
            check=True,
        )
    pages = sorted(tmp_path.glob("ours-*.ppm"))
    assert len(pages) == ours.pages
    for page in pages:
        twin = tmp_path / page.name.replace("ours", "plain")
        assert page.read_bytes() == twin.read_bytes(), page.name
