"""The subject-access letter (GDPR Art. 15): an :class:`AccessLetter` in, PDF bytes out.

Parts 1–9 answer Art. 15(1)(a)–(h) and (2) from the register's own information and the
customer's recorded disclosures; part 10 is the copy of the data (Art. 15(3)): every field
held with its source, contact persons, prohibitions and consents with their history,
every order, delivery and return, and the change history; part 11 is the access log.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph

from kkdesk.domain.consent import ConsentEvent, ConsentItem, ItemState, derive
from kkdesk.domain.customer import Customer, FieldChange
from kkdesk.domain.enums import CustomerType
from kkdesk.domain.orders import Order
from kkdesk.domain.register_info import RegisterInfo
from kkdesk.reports import layout
from kkdesk.reports.data import AccessLetter, RenderedPdf
from kkdesk.reports.layout import Head, Styles, TableBuilder, bullets, esc, gap
from kkdesk.reports.texts import Words

# Fields of the basic data, in the order the copy lists them.
BASIC_FIELDS: tuple[str, ...] = (
    "number",
    "type",
    "customer_since",
    "surname",
    "first_names",
    "company_name",
    "business_id",
    "street",
    "postal_code",
    "post_office",
    "country",
    "phone_home",
    "phone_work",
    "phone_mobile",
    "email",
    "birth_date",
    "language",
    "notes",
)
# Fields that are shown even when empty: they always exist for every customer.
ALWAYS_SHOWN = frozenset({"number", "type", "customer_since", "language"})

COUNTRY_NAMES = {
    "SE": "SWEDEN",
    "NO": "NORWAY",
    "DK": "DENMARK",
    "EE": "ESTONIA",
    "DE": "GERMANY",
    "AX": "ÅLAND",
}


def recipient_lines(customer: Customer) -> tuple[str, ...]:
    """The address block for a window envelope (Posti's order: name, street, postal code
    and post office in capitals, country for mail abroad)."""
    if customer.type is CustomerType.COMPANY:
        lines = [customer.company_name]
        if customer.contacts:
            c = customer.contacts[0]
            lines.append(f"{c.first_names} {c.surname}".strip())
    else:
        lines = [f"{customer.first_names} {customer.surname}".strip()]
    lines.append(customer.street)
    lines.append(f"{customer.postal_code} {customer.post_office.upper()}".strip())
    if customer.country and customer.country != "FI":
        lines.append(COUNTRY_NAMES.get(customer.country, customer.country))
    return tuple(line for line in lines if line)


def sender_lines(info: RegisterInfo) -> tuple[str, ...]:
    return (info.controller_name, *info.controller_address)


def footer(info: RegisterInfo, w: Words) -> str:
    parts = [info.controller_name, ", ".join(info.controller_address)]
    if info.controller_business_id:
        parts.append(f"{w('business_id_label')} {info.controller_business_id}")
    parts.append(info.register_name.get(w.language))
    return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class _Ctx:
    data: AccessLetter
    w: Words
    s: Styles

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(esc(text), getattr(self.s, style))


def _source_text(w: Words, source: str, detail: str) -> str:
    text = w.maybe("src", source)
    return f"{text} ({detail})" if detail else text


def _latest_sources(changes: tuple[FieldChange, ...]) -> dict[str, str]:
    """Per field key ("field" or "contact:<id>:field"), the source of its latest change."""
    latest: dict[str, FieldChange] = {}
    for ch in changes:
        key = (
            ch.field
            if ch.contact_person_id is None
            else f"contact:{ch.contact_person_id}:{ch.field}"
        )
        seen = latest.get(key)
        if seen is None or ch.changed_at > seen.changed_at:
            latest[key] = ch
    return {k: f"{ch.source.value}\x00{ch.source_detail}" for k, ch in latest.items()}


def _field_value(ctx: _Ctx, name: str) -> str:
    c, w = ctx.data.customer, ctx.w
    value = getattr(c, name)
    if name == "type":
        return w(f"type_{c.type.value}")
    if name == "language":
        return w(f"lang_{c.language.value}")
    if name in ("customer_since", "birth_date"):
        return w.date(value)
    return "" if value is None else str(value)


def _intro(ctx: _Ctx) -> list[Flowable]:
    d, w = ctx.data, ctx.w
    out: list[Flowable] = [ctx.p(w("title_access"), "title")]
    if d.received_on is not None:
        out.append(ctx.p(w("intro_received", received=w.long_date(d.received_on))))
    else:
        out.append(ctx.p(w("intro")))
    out.append(gap(2))
    out.append(ctx.p(w("intro_2", date=w.long_date(d.letter_date))))
    return out


def _about_register(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    info, lang = d.register, d.language
    out: list[Flowable] = [ctx.p(w("s_controller"), "h1")]
    controller = [info.controller_name, *info.controller_address]
    if info.controller_business_id:
        controller.append(f"{w('business_id_label')} {info.controller_business_id}")
    if info.controller_email:
        controller.append(info.controller_email)
    out.append(Paragraph(f"<b>{esc(w('controller'))}:</b> " + esc(", ".join(controller)), s.body))
    contact = ", ".join(x for x in (info.contact_name, info.contact_phone, info.contact_email) if x)
    out.append(Paragraph(f"<b>{esc(w('contact_person'))}:</b> " + esc(contact), s.body))
    out.append(
        Paragraph(f"<b>{esc(w('register'))}:</b> " + esc(info.register_name.get(lang)), s.body)
    )

    out.append(ctx.p(w("s_purposes"), "h1"))
    table = TableBuilder(s, [w("purpose"), w("legal_basis")], [1.0, 1.0])
    for pb in info.purposes:
        table.add([pb.purpose.get(lang), pb.legal_basis.get(lang)])
    out.append(table.build())

    out.append(ctx.p(w("s_categories"), "h1"))
    out += bullets([t.get(lang) for t in info.data_categories], s.bullet)

    out.append(ctx.p(w("s_recipients"), "h1"))
    out.append(ctx.p(w("recipient_categories")))
    out += bullets([t.get(lang) for t in info.recipients], s.bullet)
    out.append(gap(2))
    if d.disclosures:
        out.append(ctx.p(w("disclosures_yours")))
        out.append(gap(1))
        t = TableBuilder(
            s,
            [w("date"), w("recipient"), w("purpose"), w("legal_basis"), w("description")],
            [0.7, 1.4, 1.0, 1.0, 1.6],
        )
        for disc in d.disclosures:
            purpose = w.maybe("mp", disc.purpose) if disc.purpose else w.maybe("dk", disc.kind)
            t.add(
                [
                    w.date(disc.disclosed_at),
                    disc.recipient,
                    purpose,
                    disc.legal_basis,
                    disc.description,
                ]
            )
        out.append(t.build())
    else:
        out.append(ctx.p(w("disclosures_none")))

    out.append(ctx.p(w("s_transfers"), "h1"))
    out.append(ctx.p(info.transfers.get(lang)))

    out.append(ctx.p(w("s_retention"), "h1"))
    out += bullets([t.get(lang) for t in info.retention], s.bullet)

    out.append(ctx.p(w("s_sources"), "h1"))
    out += bullets([t.get(lang) for t in info.sources], s.bullet)
    out.append(gap(1))
    out.append(ctx.p(w("sources_per_item")))

    out.append(ctx.p(w("s_automated"), "h1"))
    out.append(ctx.p(info.automated_decisions.get(lang)))

    out.append(ctx.p(w("s_rights"), "h1"))
    out += bullets([t.get(lang) for t in info.rights], s.bullet)
    out.append(gap(1))
    out.append(ctx.p(w("rights_how")))
    out.append(gap(1))
    out.append(ctx.p(w("complaint")))
    authority = [info.authority_name.get(lang), *info.authority_address, info.authority_web]
    out.append(Paragraph("<br/>".join(esc(x) for x in authority if x), s.bullet))
    return out


def _basic(ctx: _Ctx, sources: dict[str, str]) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    c = d.customer
    out: list[Flowable] = [ctx.p(w("s_copy"), "h1"), ctx.p(w("s_basic"), "h2")]
    table = TableBuilder(s, [w("field"), w("value"), w("source")], [1.0, 2.0, 1.2])
    for name in BASIC_FIELDS:
        value = _field_value(ctx, name)
        if not value and name not in ALWAYS_SHOWN:
            continue
        if name in ("number", "type", "customer_since"):
            src = w("src_controller")
        elif name in sources:
            source, detail = sources[name].split("\x00", 1)
            src = _source_text(w, source, detail)
        elif name in c.sources:
            src = w.maybe("src", c.sources[name].value)
        else:
            src = w("src_unknown")
        table.add([w(f"f_{name}"), value, src])
    for key, extra_value in sorted(c.extra.items()):
        found = sources.get(f"extra.{key}")
        table.add(
            [
                key,
                extra_value,
                _source_text(w, *found.split("\x00", 1)) if found else w("src_unknown"),
            ]
        )
    out.append(table.build())

    out.append(ctx.p(w("s_contacts"), "h2"))
    if not c.contacts:
        out.append(ctx.p(w("none")))
        return out
    t = TableBuilder(
        s,
        [w("name"), w("f_role"), w("f_phone_work"), w("f_phone_mobile"), w("f_email"), w("source")],
        [1.2, 0.9, 1.0, 1.0, 1.4, 1.1],
    )
    for cp in c.contacts:
        contact_sources = sorted(
            {
                _source_text(w, *v.split("\x00", 1))
                for k, v in sources.items()
                if k.startswith(f"contact:{cp.id}:")
            }
        )
        t.add(
            [
                f"{cp.surname} {cp.first_names}".strip(),
                cp.role,
                cp.phone_work,
                cp.phone_mobile,
                cp.email,
                ", ".join(contact_sources) or w("src_unknown"),
            ]
        )
    out.append(t.build())
    return out


def _state_text(w: Words, st: ItemState) -> str:
    item = st.item
    if item.is_prohibition:
        return w("cs_prohibited") if st.value else w("cs_not_prohibited")
    if item.is_consent:
        if st.value:
            return w("cs_given")
        return w("cs_withdrawn") if st.event is not None else w("cs_not_given")
    return w("cs_on") if st.value else w("cs_off")


def _event_state_text(w: Words, ev: ConsentEvent) -> str:
    return _state_text(w, ItemState(ev.item, ev.state, ev))


def _consents(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    out: list[Flowable] = [ctx.p(w("s_consents"), "h2")]
    names = {cp.id: f"{cp.first_names} {cp.surname}".strip() for cp in d.customer.contacts}
    by_person: dict[int | None, list[ConsentEvent]] = defaultdict(list)
    for ev in d.consent_events:
        by_person[ev.contact_person_id].append(ev)
    people: list[int | None] = [None, *sorted(k for k in by_person if k is not None)]
    for person in people:
        if person is not None:
            out.append(ctx.p(w("for_contact", name=names.get(person, str(person))), "h3"))
        state = derive(by_person.get(person, ()))
        t = TableBuilder(
            s,
            [w("field"), w("state"), w("since"), w("channel"), w("document_ref")],
            [2.0, 1.0, 0.8, 0.8, 1.2],
        )
        for st in state.items:
            current = st.event
            t.add(
                [
                    w(f"ci_{st.item.value}"),
                    _state_text(w, st),
                    w.date(current.received_on) if current else "—",
                    w.maybe("ch", current.channel.value) if current else "",
                    current.document_ref if current else "",
                ]
            )
        out.append(t.build())

    out.append(ctx.p(w("s_consent_history"), "h3"))
    if not d.consent_events:
        out.append(ctx.p(w("none")))
        return out
    heads = [
        w("received_on"),
        w("field"),
        w("state"),
        w("channel"),
        w("document_ref"),
        w("note"),
        w("recorded"),
    ]
    fractions = [0.8, 1.6, 0.8, 0.7, 1.0, 1.3, 1.0]
    if d.name_staff:
        heads.append(w("by"))
        fractions.append(0.8)
    t = TableBuilder(s, heads, fractions)
    events = sorted(d.consent_events, key=lambda e: e.order_key(), reverse=True)
    for ev in events:
        note = ev.note
        if ev.contact_person_id is not None:
            who = w("contact_of", name=names.get(ev.contact_person_id, str(ev.contact_person_id)))
            note = f"{who}. {note}" if note else who
        row = [
            w.date(ev.received_on),
            w(f"ci_{ev.item.value}") if ev.item in set(ConsentItem) else str(ev.item),
            _event_state_text(w, ev),
            w.maybe("ch", ev.channel.value),
            ev.document_ref,
            note,
            w.datetime(ev.recorded_at),
        ]
        if d.name_staff:
            row.append(ev.recorded_by)
        t.add(row)
    out.append(t.build())
    return out


def _address(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


def _orders(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    orders: tuple[Order, ...] = tuple(sorted(d.orders, key=lambda o: (o.ordered_at, o.id)))
    out: list[Flowable] = [ctx.p(w("s_orders"), "h2")]
    if not orders:
        out.append(ctx.p(w("none")))
    else:
        out.append(ctx.p(w("order_count", n=len(orders)), "small"))
        t = TableBuilder(
            s,
            [
                w("order_no"),
                w("ordered_at"),
                w("status"),
                w("product"),
                w("qty"),
                w("unit_price"),
                w("vat"),
                w("total"),
            ],
            [0.9, 0.7, 0.7, 2.35, 0.35, 0.75, 0.5, 0.8],
            right=(4, 5, 6, 7),
        )
        for o in orders:
            head = [o.number, w.date(o.ordered_at), w.maybe("st", o.status.value)]
            if not o.lines:
                t.add([*head, "", "", "", "", w.money(o.total_cents)], group_start=True)
                continue
            for i, ln in enumerate(o.lines):
                t.add(
                    [
                        *(head if i == 0 else ["", "", ""]),
                        f"{ln.product_code} {ln.product_name}",
                        str(ln.quantity),
                        w.money(ln.unit_price_cents),
                        w.percent_bp(ln.vat_rate_bp),
                        w.money(ln.total_cents),
                    ],
                    group_start=i == 0,
                )
            if len(o.lines) > 1:
                t.add(["", "", "", w("order_total"), "", "", "", w.money(o.total_cents)], bold=True)
        out.append(t.build())

    out.append(ctx.p(w("s_deliveries"), "h2"))
    deliveries = [(o, dl) for o in orders for dl in o.deliveries]
    if not deliveries:
        out.append(ctx.p(w("none")))
    else:
        t = TableBuilder(
            s,
            [
                w("order_no"),
                w("shipped"),
                w("delivered"),
                w("carrier"),
                w("tracking"),
                w("delivery_address"),
            ],
            [0.95, 0.75, 0.75, 0.8, 1.1, 2.4],
        )
        for o, dl in deliveries:
            t.add(
                [
                    o.number,
                    w.date(dl.shipped_at),
                    w.date(dl.delivered_at),
                    dl.carrier,
                    dl.tracking_code,
                    _address(
                        dl.recipient,
                        dl.street,
                        f"{dl.postal_code} {dl.post_office}".strip(),
                        dl.country if dl.country != "FI" else "",
                    ),
                ]
            )
        out.append(t.build())

    out.append(ctx.p(w("s_returns"), "h2"))
    returns = [(o, r) for o in orders for r in o.returns]
    if not returns:
        out.append(ctx.p(w("none")))
    else:
        t = TableBuilder(
            s,
            [
                w("return_no"),
                w("order_no"),
                w("requested"),
                w("received"),
                w("refunded"),
                w("reason"),
                w("refund"),
                w("items"),
            ],
            [0.85, 0.9, 0.8, 0.8, 0.8, 1.1, 0.8, 1.4],
            right=(6,),
        )
        for o, r in returns:
            names = {ln.id: ln.product_name for ln in o.lines}
            items = "; ".join(
                f"{rl.quantity} × {names.get(rl.order_line_id, '?')}" for rl in r.lines
            )
            t.add(
                [
                    r.number,
                    o.number,
                    w.date(r.requested_at),
                    w.date(r.received_at),
                    w.date(r.refunded_at),
                    r.reason,
                    w.money(r.refund_cents),
                    items,
                ]
            )
        out.append(t.build())
    return out


def _changes(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    out: list[Flowable] = [ctx.p(w("s_changes"), "h2")]
    if not d.changes:
        out.append(ctx.p(w("none")))
        return out
    names = {cp.id: f"{cp.first_names} {cp.surname}".strip() for cp in d.customer.contacts}
    heads = [w("changed_at"), w("field"), w("old_value"), w("new_value"), w("source")]
    fractions = [0.95, 1.1, 1.3, 1.3, 1.2]
    if d.name_staff:
        heads.append(w("by"))
        fractions.append(0.7)
    t = TableBuilder(s, heads, fractions)
    for ch in sorted(d.changes, key=lambda c: c.changed_at, reverse=True):
        label = w.maybe("f", ch.field)
        if ch.contact_person_id is not None:
            who = names.get(ch.contact_person_id, str(ch.contact_person_id))
            label = f"{w('for_contact', name=who)}: {label}"
        row = [
            w.datetime(ch.changed_at),
            label,
            ch.old_value,
            ch.new_value,
            _source_text(w, ch.source.value, ch.source_detail),
        ]
        if d.name_staff:
            row.append(ch.changed_by)
        t.add(row)
    out.append(t.build())
    return out


def _access_log(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    out: list[Flowable] = [
        ctx.p(w("s_access"), "h1"),
        ctx.p(w("access_intro_staff" if d.name_staff else "access_intro")),
        gap(1),
    ]
    if not d.access_log:
        out.append(ctx.p(w("none")))
        return out
    heads = [w("at"), w("action"), w("purpose")]
    fractions = [0.9, 1.2, 1.2]
    if d.name_staff:
        heads.append(w("by"))
        fractions.append(0.9)
    t = TableBuilder(s, heads, fractions)
    for entry in sorted(d.access_log, key=lambda e: e.at, reverse=True):
        row = [w.datetime(entry.at), w.maybe("ac", entry.action), w.maybe("pu", entry.purpose)]
        if d.name_staff:
            row.append(entry.actor)
        t.add(row)
    out.append(t.build())
    return out


def _closing(ctx: _Ctx) -> list[Flowable]:
    info, w = ctx.data.register, ctx.w
    lines = [w("closing"), "", info.controller_name]
    if info.contact_name:
        lines.append(", ".join(x for x in (info.contact_name, info.contact_phone) if x))
    return [gap(6), Paragraph("<br/>".join(esc(x) for x in lines), ctx.s.body)]


def story(data: AccessLetter) -> list[Flowable]:
    """The letter's flowables, without the page furniture (used by the benchmark too)."""
    layout.register_fonts()
    ctx = _Ctx(data, Words(data.language), layout.make_styles())
    sources = _latest_sources(data.changes)
    return [
        *_intro(ctx),
        *_about_register(ctx),
        *_basic(ctx, sources),
        *_consents(ctx),
        *_orders(ctx),
        *_changes(ctx),
        *_access_log(ctx),
        *_closing(ctx),
    ]


def head(data: AccessLetter) -> Head:
    w = Words(data.language)
    reference = (
        w("reference_request", id=data.reference)
        if data.reference
        else w("reference_customer", number=data.customer.number)
    )
    return Head(
        document=w("doc_access"),
        sender=sender_lines(data.register),
        date_label=w("date"),
        date_text=w.date(data.letter_date),
        reference_label=w("reference"),
        reference_text=reference,
        recipient=recipient_lines(data.customer),
        footer=footer(data.register, w),
    )


def render_access_letter(data: AccessLetter, *, invariant: bool = False) -> RenderedPdf:
    """The letter as PDF bytes (``invariant``: byte-stable output, for tests and hashes
    that must not depend on the moment of rendering)."""
    w = Words(data.language)
    return layout.render(
        story(data),
        head(data),
        invariant=invariant,
        title=f"{w('title_access')} — {data.customer.number}",
        author=data.register.controller_name,
    )
