"""Details of the selected order or event as HTML, and the panel's refusals in words."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import (
    QObject,
)

from kkdesk.domain.orders import Order, Return
from kkdesk.domain.timeline import (
    OrderGroup,
    TimelineEvent,
    return_value_cents,
    return_vat_cents,
)
from kkdesk.errors import KnownError
from kkdesk.ui.errors import describe_error
from kkdesk.ui.formatting import format_datetime
from kkdesk.ui.timeline.words import (
    correction_summary,
    euros,
    kind_labels,
    status_labels,
    vat_percent,
)


class TimelineWords(QObject):
    """The panel's longer texts, built on demand (a QObject only for ``self.tr``)."""

    def details_html(self, group: OrderGroup, event: TimelineEvent | None) -> str:
        """The selected order (with the selected event's part first) as simple HTML;
        every value from the register is escaped. Order and returns on the left, the
        delivery on the right, the order lines below both."""
        o = group.order
        e = html.escape
        head = ""
        if event is not None:
            head = f"<h3>{e(kind_labels()[event.kind])} · {e(format_datetime(event.at))}</h3>"
        total = (
            self.tr("%1 including VAT %2")
            .replace("%1", euros(o.total_cents))
            .replace("%2", euros(o.vat_cents))
        )
        order_title = self.tr("Order %1").replace("%1", o.number)
        left = [
            f"<h4>{e(order_title)}</h4>",
            _table(
                [
                    (self.tr("Ordered"), format_datetime(o.ordered_at)),
                    (self.tr("Status"), status_labels()[o.status]),
                    (self.tr("Total"), total),
                ]
            ),
        ]
        for r in o.returns:
            if event is None or not event.return_number or r.number == event.return_number:
                left.append(self.return_html(o, r))
        not_yet = self.tr("not yet")
        delivery_title = self.tr("Delivery")
        right: list[str] = []
        for d in o.deliveries:
            if event is not None and event.delivery_id not in (None, d.id):
                continue
            place = f"{d.postal_code} {d.post_office}".strip()
            address = ", ".join(x for x in (d.recipient, d.street, place, d.country) if x)
            rows = [
                (self.tr("Shipped"), format_datetime(d.shipped_at) or not_yet),
                (self.tr("Delivered"), format_datetime(d.delivered_at) or not_yet),
                (self.tr("Carrier"), d.carrier),
                (self.tr("Tracking code"), d.tracking_code),
                (self.tr("Delivery address"), address),
            ]
            right.append(f"<h4>{e(delivery_title)}</h4>" + _table(rows))
        if not o.deliveries:
            not_shipped = self.tr("Not shipped yet.")
            right.append(f"<h4>{e(delivery_title)}</h4><p>{e(not_shipped)}</p>")
        columns = (
            "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
            f"<td valign='top' width='50%'>{''.join(left)}</td><td width='24'></td>"
            f"<td valign='top'>{''.join(right)}</td></tr></table>"
        )
        corrections = self.corrections_html(o, event)
        if event is not None and event.correction_id is not None:
            # A correction (or the step it corrected) is selected: what was corrected, and
            # why, comes first.
            return head + corrections + columns + self.lines_html(o)
        return head + columns + corrections + self.lines_html(o)

    def corrections_html(self, o: Order, event: TimelineEvent | None) -> str:
        """The order's corrections (the selected one's only, when a correction or a
        corrected step is selected): what the step said, what is right, why, who, when."""
        e = html.escape
        parts = []
        for c in o.corrections:
            if event is not None and event.correction_id not in (None, c.id):
                continue
            rows = [
                (self.tr("Corrected step"), correction_summary(o, c).split(": ", 1)[0]),
                (self.tr("Recorded as"), self._said(c.old_at, c.old_cents)),
                (self.tr("Corrected to"), self._said(c.new_at, c.new_cents)),
                (self.tr("Reason"), c.reason),
                (self.tr("Corrected by"), c.recorded_by),
                (self.tr("Corrected on"), format_datetime(c.recorded_at)),
            ]
            title = self.tr("Correction %1").replace("%1", str(c.id))
            parts.append(f"<h4>{e(title)}</h4>" + _table(rows))
        return "".join(parts)

    def _said(self, at: datetime | None, cents: int | None) -> str:
        if at is None:
            return self.tr("did not happen")
        when = format_datetime(at)
        return f"{when}, {euros(cents)}" if cents is not None else when

    def return_html(self, o: Order, r: Return) -> str:
        e = html.escape
        names = {ln.id: (ln.line_no, ln.product_name) for ln in o.lines}
        if r.refunded_at is not None:
            refund = f"{euros(r.refund_cents)} ({format_datetime(r.refunded_at)})"
        else:
            refund = self.tr("not yet (the items are worth %1)").replace(
                "%1", euros(return_value_cents(o, r))
            )
        items = ", ".join(
            f"{names.get(rl.order_line_id, (0, '?'))[1]} × {rl.quantity}" for rl in r.lines
        )
        rows = [
            (self.tr("Returned items"), items),
            (self.tr("Requested"), format_datetime(r.requested_at)),
            (self.tr("Received"), format_datetime(r.received_at) or self.tr("not yet")),
            (self.tr("Reason"), r.reason or "—"),
            (self.tr("Refund"), refund),
            (self.tr("VAT in the returned items"), euros(return_vat_cents(o, r))),
        ]
        title = self.tr("Return %1").replace("%1", r.number)
        return f"<h4>{e(title)}</h4>" + _table(rows)

    def lines_html(self, o: Order) -> str:
        e = html.escape
        head = (
            self.tr("#"),
            self.tr("Product"),
            self.tr("Quantity"),
            self.tr("Unit price"),
            self.tr("VAT"),
            self.tr("Total"),
            self.tr("Returned"),
        )
        # Numbers right-aligned, so that euros and counts line up.
        align = ("right", "left", "right", "right", "right", "right", "right")
        cells = "".join(f"<th align='{a}'>{e(h)}</th>" for h, a in zip(head, align, strict=True))
        body = []
        for ln in o.lines:
            values = (
                str(ln.line_no),
                f"{ln.product_name} ({ln.product_code})",
                str(ln.quantity),
                euros(ln.unit_price_cents),
                vat_percent(ln.vat_rate_bp),
                euros(ln.total_cents),
                str(o.returned_quantity(ln.id)),
            )
            body.append(
                "<tr>"
                + "".join(
                    f"<td align='{a}'>{e(v)}</td>" for v, a in zip(values, align, strict=True)
                )
                + "</tr>"
            )
        title = self.tr("Order lines")
        return (
            f"<h4>{e(title)}</h4>"
            f"<table cellspacing='0' cellpadding='3'><tr>{cells}</tr>{''.join(body)}</table>"
        )

    def describe(self, exc: BaseException, order: Order | None = None) -> str:
        """A refusal of this panel's operations in the user's language; other errors as
        the desk describes them."""
        if not isinstance(exc, KnownError):
            return describe_error(exc)
        code = exc.code
        if code == "return_too_many":
            name = ""
            if order is not None:
                line_id = exc.params.get("line_id")
                line = next((ln for ln in order.lines if ln.id == line_id), None)
                name = line.product_name if line else ""
            text = self.tr(
                "At most %1 of “%2” can be returned: what was delivered minus what has "
                "already been returned. Someone may have recorded a return meanwhile."
            )
            return text.replace("%1", str(exc.params.get("allowed", 0))).replace("%2", name)
        if code == "refund_too_much":
            return self.tr(
                "The refund can be at most %1: what the customer paid for the returned items."
            ).replace("%1", euros(int(exc.params.get("allowed", 0))))
        messages = {
            "return_empty": self.tr("Enter how many of at least one line are returned."),
            "return_negative": self.tr("A returned quantity cannot be negative."),
            "return_foreign_line": self.tr("The line is not on this order."),
            "reason_too_long": self.tr("The reason is too long: at most 500 characters."),
            "delivery_none": self.tr("This order has not been shipped; nothing to deliver."),
            "delivery_not_shipped": self.tr("The delivery has not been shipped yet."),
            "delivery_already_delivered": self.tr("The delivery is already marked delivered."),
            "delivery_before_shipping": self.tr("A delivery cannot arrive before it was shipped."),
            "delivery_ambiguous": self.tr("Several deliveries of this order are on their way."),
            "order_cancelled": self.tr("The order is cancelled."),
            "order_not_found": self.tr("The order was not found."),
        }
        return messages.get(code) or describe_error(exc)


def details_html(group: OrderGroup, event: TimelineEvent | None = None) -> str:
    return TimelineWords().details_html(group, event)


def describe_order_error(exc: BaseException, order: Order | None = None) -> str:
    return TimelineWords().describe(exc, order)


def _table(rows: list[tuple[str, str]]) -> str:
    e = html.escape
    body = "".join(f"<tr><td>{e(k)}:</td><td>{e(v)}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0' cellpadding='2'>{body}</table>"
