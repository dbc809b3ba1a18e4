"""Column widths and row heights of the desk's lists, fitted to the user's font.

Widths are measured from sample values and the (translated) header texts in the widget's
own font, so a column is as wide as its content in every language and at every scaling,
instead of a pixel count that is right for one font only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QTreeView


def fit_columns(view: QTableView | QTreeView, samples: tuple[str, ...], pad: int = 16) -> None:
    """Start each column as wide as its sample text or its header, whichever is wider."""
    model = view.model()
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    fm, hfm = view.fontMetrics(), header.fontMetrics()
    for column, sample in enumerate(samples):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(fm.horizontalAdvance(sample), hfm.horizontalAdvance(title) + 8)
        view.setColumnWidth(column, width + pad)


def compact_rows(view: QTableView) -> None:
    """One line of text a row: a list for all-day use shows as many rows as fit."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)  # elide a long value at its end; the tooltip has it whole
