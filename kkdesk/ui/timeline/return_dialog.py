"""Recording a return against the lines of an order."""

from __future__ import annotations

from PySide6.QtCore import (
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kkdesk.domain.orders import Order, Return
from kkdesk.errors import KnownError
from kkdesk.services import orders as order_service
from kkdesk.services.session import DeskSession
from kkdesk.ui.failures import report_failure
from kkdesk.ui.formatting import format_datetime
from kkdesk.ui.tasks import TaskRunner
from kkdesk.ui.timeline.details import describe_order_error
from kkdesk.ui.timeline.words import euros


class ReturnDialog(QDialog):
    """Per-line quantities, each limited to what can still be returned, and a reason.

    The dialog stays open until the return is stored; a refusal (say another clerk
    returned the same items meanwhile) is shown in it and changes nothing.
    """

    return_recorded = Signal(object)  # Return

    def __init__(
        self,
        ds: DeskSession,
        runner: TaskRunner,
        order: Order,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ds = ds
        self._runner = runner
        self.order = order
        self.setWindowTitle(self.tr("Record a return — order %1").replace("%1", order.number))
        heading = QLabel(
            self.tr("Order %1 of %2, %3 including VAT")
            .replace("%1", order.number)
            .replace("%2", format_datetime(order.ordered_at))
            .replace("%3", euros(order.total_cents)),
            self,
        )
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "How many of each line does the customer return? At most what was delivered "
                "minus what has already been returned."
            ),
            self,
        )
        intro.setWordWrap(True)

        heads = (self.tr("Product"), self.tr("Ordered"), self.tr("Delivered"),
                 self.tr("Returned"), self.tr("Return now"))  # fmt: skip
        self.table = QTableWidget(len(order.lines), len(heads), self)
        self.table.setObjectName("returnLines")
        self.table.setAccessibleName(self.tr("Order lines to return"))
        self.table.setHorizontalHeaderLabels(list(heads))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.spins: dict[int, QSpinBox] = {}
        for row, ln in enumerate(order.lines):
            values = (
                ln.product_name,
                str(ln.quantity),
                str(order.delivered_quantity(ln.id)),
                str(order.returned_quantity(ln.id)),
            )
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))
            spin = QSpinBox(self.table)
            allowed = max(order.returnable_quantity(ln.id), 0)
            spin.setRange(0, allowed)
            spin.setAccessibleName(self.tr("Return now: %1").replace("%1", ln.product_name))
            if allowed == 0:
                spin.setEnabled(False)
                spin.setToolTip(self.tr("Nothing of this line can be returned."))
            spin.valueChanged.connect(self._on_quantity_changed)
            self.spins[ln.id] = spin
            self.table.setCellWidget(row, len(values), spin)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

        self.reason = QLineEdit(self)
        self.reason.setObjectName("returnReason")
        self.reason.setMaxLength(order_service.REASON_MAX)
        self.reason.setPlaceholderText(self.tr("e.g. wrong size, arrived broken"))
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason)

        self.message = QLabel(self)
        self.message.setObjectName("returnMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(
            self.tr("Record return"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        reason_row = QHBoxLayout()
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason, 1)
        self.value = QLabel(self)
        self.value.setObjectName("returnValue")

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.value)
        layout.addLayout(reason_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, 320)
        self._on_quantity_changed()
        if not any(order.returnable_quantity(ln.id) > 0 for ln in order.lines):
            self.message.setText(
                self.tr(
                    "Nothing of this order can be returned: it has not been delivered, or "
                    "everything delivered has been returned already."
                )
            )

    def quantities(self) -> dict[int, int]:
        return {line_id: spin.value() for line_id, spin in self.spins.items() if spin.value()}

    def _on_quantity_changed(self) -> None:
        wanted = self.quantities()
        self.ok.setEnabled(bool(wanted))
        prices = {ln.id: ln.unit_price_cents for ln in self.order.lines}
        worth = sum(prices.get(line_id, 0) * qty for line_id, qty in wanted.items())
        self.value.setText(
            self.tr("Value of the returned items: %1 including VAT").replace("%1", euros(worth))
        )

    def submit(self) -> None:
        """Store the return on the task runner; close on success, explain a refusal."""
        wanted = self.quantities()
        if not wanted:
            self.message.setText(describe_order_error(KnownError("", code="return_empty")))
            return
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Saving…"))
        ds, number, reason = self._ds, self.order.number, self.reason.text()
        self._runner.run(
            lambda: order_service.record_return(ds, number, wanted, reason=reason),
            success=self._on_saved,
            failure=self._on_refused,
        )

    def _on_saved(self, ret: Return) -> None:
        self.message.setText("")
        self.return_recorded.emit(ret)
        self.accept()

    def _on_refused(self, exc: BaseException) -> None:
        self.message.setText(
            report_failure(
                exc,
                self,
                context="a return",
                describe=lambda e: describe_order_error(e, self.order),
            )
        )
        if isinstance(exc, KnownError) and exc.code == "return_too_many":
            spin = self.spins.get(exc.params.get("line_id", -1))
            if spin is not None:
                spin.setMaximum(int(exc.params.get("allowed", 0)))
        self._on_quantity_changed()
