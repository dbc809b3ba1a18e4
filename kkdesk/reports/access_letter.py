"""The subject-access letter (GDPR Art. 15): an :class:`AccessLetter` in, PDF bytes out.

Parts 1–9 answer Art. 15(1)(a)–(h) and (2) from the register's own information and the
customer's recorded disclosures; part 10 is the copy of the data (Art. 15(3)): every field
held with its source, contact persons, prohibitions and consents with their history,
every order, delivery and return, and the change history; part 11 is the access log.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from kkdesk.domain import catalogue
from kkdesk.domain.catalogue import Role, Table, ValueType
from kkdesk.domain.consent import ConsentEvent, ConsentItem, ItemState, derive
from kkdesk.domain.customer import Customer, FieldChange
from kkdesk.domain.enums import CustomerType
from kkdesk.domain.orders import Order
from kkdesk.domain.register_info import RegisterInfo
from kkdesk.reports import access_parts, fonts, layout
from kkdesk.reports.addressing import shorten_street
from kkdesk.reports.data import AccessLetter, RenderedPdf
from kkdesk.reports.layout import Head, Styles, TableBuilder, TableThen, bullets, esc, gap
from kkdesk.reports.texts import Words, country_name

# Fields of the basic data, in the order the copy lists them (the data catalogue's).
_LETTER = catalogue.letter_fields(Table.CUSTOMER)
BASIC_FIELDS: tuple[str, ...] = catalogue.names(_LETTER)
# Fields that are shown even when empty: they always exist for every customer.
ALWAYS_SHOWN = frozenset(f.name for f in _LETTER if f.always_shown)
# Fields the controller sets itself, whatever the history says.
CONTROLLER_FIELDS = frozenset(f.name for f in _LETTER if f.role is Role.CONTROLLER)
PHONE_FIELDS = frozenset(catalogue.of_type(_LETTER, ValueType.PHONE))
DATE_FIELDS = frozenset(catalogue.of_type(_LETTER, ValueType.DATE))


def _postal_lines(customer: Customer) -> list[str]:
    """The street (shortened by Posti's abbreviations when over 30 characters), postal
    code and post office in capitals, and for mail abroad the country in capitals, in
    English (Posti, UPU): the lines that are never broken."""
    lines = [
        shorten_street(customer.street),
        f"{customer.postal_code} {customer.post_office.upper()}".strip(),
    ]
    if customer.country and customer.country != "FI":
        lines.append(country_name(customer.country, "en").upper())
    return [line for line in lines if line]


def recipient_lines(customer: Customer) -> tuple[str, ...]:
    """The address block for a window envelope (Posti's order: name, the contact person
    as the name's complement, street, postal code and post office in capitals, country for
    mail abroad)."""
    if customer.type is CustomerType.COMPANY:
        lines = [customer.company_name]
        if customer.contacts:
            c = customer.contacts[0]
            lines.append(f"{c.first_names} {c.surname}".strip())
    else:
        lines = [f"{customer.first_names} {customer.surname}".strip()]
        if not lines[0] and customer.contacts:
            # A letter to a contact person recorded on a person's record (the record
            # narrowed to theirs): their name over the household's address.
            c = customer.contacts[0]
            lines = [f"{c.first_names} {c.surname}".strip()]
    return tuple(line for line in [*lines, *_postal_lines(customer)] if line)


def recipient_keep(customer: Customer) -> int:
    """How many of :func:`recipient_lines`' last lines are postal lines (never broken)."""
    return len(_postal_lines(customer))


def sender_lines(info: RegisterInfo, language: str | None = None) -> tuple[str, ...]:
    address = info.controller_address_in(language) if language else info.controller_address
    return (info.controller_name, *address)


def footer(info: RegisterInfo, w: Words) -> str:
    parts = [info.controller_name, ", ".join(info.controller_address_in(w.language))]
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
        """A paragraph of the letter's own words or the register's information."""
        return layout.para(esc(text), getattr(self.s, style))

    def held(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph holding customer data (never cached)."""
        return Paragraph(esc(text), getattr(self.s, style))


def unbroken(parts: list[str] | tuple[str, ...]) -> str:
    """Paragraph markup of ``parts`` joined by commas, none broken across lines: an address
    line, a telephone number or an e-mail address reads wrong split in two."""
    return ", ".join(esc(p).replace(" ", "\u00a0") for p in parts if p)


def _source_text(w: Words, source: str, detail: str) -> str:
    text = w.maybe("src", source)
    return f"{text} ({detail})" if detail else text


def _change_key(ch: FieldChange) -> str:
    if ch.contact_person_id is None:
        return ch.field
    return f"contact:{ch.contact_person_id}:{ch.field}"


def _latest_sources(changes: tuple[FieldChange, ...]) -> dict[str, tuple[str, str]]:
    """Per field key ("field" or "contact:<id>:field"), the source and its detail of the
    field's latest change."""
    latest: dict[str, FieldChange] = {}
    for ch in changes:
        key = _change_key(ch)
        seen = latest.get(key)
        if seen is None or ch.changed_at > seen.changed_at:
            latest[key] = ch
    return {k: (ch.source.value, ch.source_detail) for k, ch in latest.items()}


def _contact_names(customer: Customer, changes: tuple[FieldChange, ...]) -> dict[int, str]:
    """Every contact person's name, including those since removed (whose name only the
    change history still holds), so that no row of the history prints a bare id."""
    parts: dict[int, dict[str, str]] = defaultdict(dict)
    for ch in sorted(changes, key=lambda c: c.changed_at):
        if ch.contact_person_id is not None and ch.field in ("surname", "first_names"):
            value = ch.new_value or ch.old_value
            if value:
                parts[ch.contact_person_id][ch.field] = value
    names = {
        cid: f"{p.get('first_names', '')} {p.get('surname', '')}".strip()
        for cid, p in parts.items()
    }
    names.update({cp.id: f"{cp.first_names} {cp.surname}".strip() for cp in customer.contacts})
    return names


def _extra_text(raw: str) -> str:
    """The customer-specific extra fields, stored as a JSON object, as "key: value" lines."""
    try:
        values = json.loads(raw) if raw else {}
    except ValueError:
        return raw
    if not isinstance(values, dict):
        return raw
    return "\n".join(f"{_label(str(k))}: {v}" for k, v in values.items())


def _label(key: str) -> str:
    """A customer-specific field's name as staff typed it, capitalised like the others."""
    return key[:1].upper() + key[1:]


def display_value(w: Words, name: str, value: object) -> str:
    """A stored value as the customer reads it: dates, countries, languages and telephone
    numbers in the letter's language, never as stored codes."""
    if value is None or value == "":
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if name in DATE_FIELDS:
        from datetime import date as _date

        try:
            return w.date(_date.fromisoformat(text[:10]))
        except ValueError:
            return text
    if name == "country":
        return w.country(text)
    if name == "language":
        return w.maybe("lang", text)
    if name == "type":
        return w.maybe("type", text)
    if name in PHONE_FIELDS:
        return w.phone(text)
    if name == "extra":
        return _extra_text(text)
    return text


def _field_label(w: Words, name: str) -> str:
    return w("f_extra") if name == "extra" else w.maybe("f", name)


def _intro(ctx: _Ctx) -> list[Flowable]:
    d, w = ctx.data, ctx.w
    out: list[Flowable] = [ctx.p(w("title_access"), "title")]
    if d.received_on is not None:
        out.append(ctx.p(w("intro_received", received=w.long_date(d.received_on))))
    else:
        out.append(ctx.p(w("intro")))
    if d.contact_person_id is not None:
        out.append(gap(2))
        if d.customer.type is CustomerType.COMPANY:
            out.append(ctx.held(w("scope_contact", company=d.customer.company_name)))
        else:
            out.append(ctx.p(w("scope_contact_person")))
    elif d.customer.type is CustomerType.COMPANY:
        out.append(gap(2))
        out.append(ctx.p(w("scope_company")))
    out.append(gap(2))
    out.append(ctx.p(w("intro_2", date=w.long_date(d.letter_date))))
    return out


def _controller(ctx: _Ctx) -> list[Flowable]:
    info, w, s = ctx.data.register, ctx.w, ctx.s
    controller = [info.controller_name, *info.controller_address_in(w.language)]
    if info.controller_business_id:
        controller.append(f"{w('business_id_label')} {info.controller_business_id}")
    if info.controller_email:
        controller.append(info.controller_email)
    contact = [x for x in (info.contact_name, info.contact_phone, info.contact_email) if x]
    out = [
        ctx.p(w("s_controller"), "h1"),
        layout.para(f"<b>{esc(w('controller'))}:</b> " + unbroken(controller), s.body),
        layout.para(f"<b>{esc(w('contact_person'))}:</b> " + unbroken(contact), s.body),
    ]
    if info.dpo_contact:
        out.append(
            layout.para(f"<b>{esc(w('n_dpo'))}:</b> " + unbroken([info.dpo_contact]), s.body)
        )
    out.append(
        layout.para(
            f"<b>{esc(w('register'))}:</b> " + esc(info.register_name.get(w.language)), s.body
        )
    )
    return out


def _about_register(ctx: _Ctx) -> list[Flowable]:
    """Parts 1–9, each about this person where their data says something of its own
    (:mod:`kkdesk.reports.access_parts`), with the register's general text beside it."""
    d, w, s = ctx.data, ctx.w, ctx.s
    info, lang = d.register, d.language
    out: list[Flowable] = _controller(ctx)

    out.append(ctx.p(w("s_purposes"), "h1"))
    table = TableBuilder(s, [w("purpose"), w("legal_basis")], [1.0, 1.0], fixed=True)
    for pb in info.purposes:
        table.add([pb.purpose.get(lang), pb.legal_basis.get(lang)])
    out.append(table.build())
    out += access_parts.now_part(d, w, s)

    out.append(ctx.p(w("s_categories"), "h1"))
    out += access_parts.held_part(d, w, s, _basic_fields_held(d))

    out.append(ctx.p(w("s_recipients"), "h1"))
    out.append(ctx.p(w("recipient_categories")))
    out += bullets([t.get(lang) for t in info.recipients], s.bullet)
    out.append(gap(2))
    out += access_parts.recipients_part(d, w, s)

    out.append(ctx.p(w("s_transfers"), "h1"))
    out += access_parts.transfers_part(d, w, s)

    out.append(ctx.p(w("s_retention"), "h1"))
    out += access_parts.retention_part(d, w, s)

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
    authority = [info.authority_name.get(lang), ", ".join(info.authority_address_in(lang)),
                 info.authority_web]  # fmt: skip
    out.append(
        KeepTogether(
            [
                ctx.p(w("complaint")),
                layout.para(
                    "<br/>".join(esc(x).replace(" ", "\u00a0") if i else esc(x)
                                 for i, x in enumerate(authority) if x),
                    s.bullet,
                ),
            ]
        )
    )  # fmt: skip
    return out


def _basic_fields_held(d: AccessLetter) -> list[str]:
    """The basic-data fields that hold a value, in the copy's order."""
    c, w = d.customer, Words(d.language)
    return [
        name
        for name in BASIC_FIELDS
        if name not in CONTROLLER_FIELDS and display_value(w, name, getattr(c, name))
    ]


def _basic(ctx: _Ctx, sources: dict[str, tuple[str, str]]) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    c = d.customer
    out: list[Flowable] = [ctx.p(w("s_copy"), "h1"), ctx.p(w("s_basic"), "h2")]
    table = TableBuilder(s, [w("field"), w("value"), w("source")], [0.8, 2.0, 1.2], nowrap=(0,))
    for name in BASIC_FIELDS:
        value = display_value(w, name, getattr(c, name))
        if not value and name not in ALWAYS_SHOWN:
            continue
        if name in CONTROLLER_FIELDS:
            src = w("src_controller")
        elif name in sources:
            src = _source_text(w, *sources[name])
        elif name in c.sources:
            src = w.maybe("src", c.sources[name].value)
        else:
            src = w("src_unknown")
        table.add([w(f"f_{name}"), value, src])
    extra_source = sources.get("extra")
    for key, extra_value in sorted(c.extra.items()):
        source = _source_text(w, *extra_source) if extra_source else w("src_unknown")
        table.add([_label(key), extra_value, source])
    out.append(table.build())

    own = d.contact_person_id is not None
    out.append(ctx.p(w("s_contact_self" if own else "s_contacts"), "h2"))
    if not c.contacts:
        company = c.type is CustomerType.COMPANY or d.contacts_left_out
        out.append(ctx.p(w("contacts_own_request" if company else "none")))
        return out
    t = TableBuilder(
        s,
        [w("name"), w("f_role"), w("f_phone_work"), w("f_phone_mobile"), w("f_email"), w("source")],
        [1.2, 0.9, 0.6, 0.6, 1.4, 1.2],
        nowrap=(2, 3, 4),
    )
    for cp in c.contacts:
        contact_sources = sorted(
            {_source_text(w, *v) for k, v in sources.items() if k.startswith(f"contact:{cp.id}:")}
        )
        t.add(
            [
                f"{cp.first_names} {cp.surname}".strip(),
                cp.role,
                w.phone(cp.phone_work),
                w.phone(cp.phone_mobile),
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


def _event_text(w: Words, ev: ConsentEvent) -> str:
    """What one event of the history did: a prohibition made or withdrawn, a consent
    given or withdrawn, a restriction or objection begun or ended."""
    if ev.item.is_prohibition:
        return w("ev_prohibited") if ev.state else w("ev_unprohibited")
    if ev.item.is_consent:
        return w("ev_given") if ev.state else w("ev_withdrawn")
    return w("ev_on") if ev.state else w("ev_off")


def _item_name(w: Words, item: ConsentItem | str) -> str:
    return w.maybe("ci", str(item.value if isinstance(item, ConsentItem) else item))


def _consents(ctx: _Ctx, names: dict[int, str]) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    out: list[Flowable] = [ctx.p(w("s_consents"), "h2")]
    by_person: dict[int | None, list[ConsentEvent]] = defaultdict(list)
    for ev in d.consent_events:
        by_person[ev.contact_person_id].append(ev)
    contacts = [cp.id for cp in d.customer.contacts]
    people: list[int | None] = [
        None,
        *contacts,
        *sorted(k for k in by_person if k is not None and k not in contacts),
    ]
    if d.contact_person_id is not None:
        people = [d.contact_person_id]  # a contact person's letter: theirs alone
    for person in people:
        events = by_person.get(person, [])
        name = names.get(person, "") if person is not None else ""
        listed = [_item_name(w, item) for who, item in d.suppressed if who == person]
        if person is not None and not events and not listed:
            # A contact person without a single entry: one line instead of ten "no"s.
            out.append(ctx.held(w("contact_no_consents", name=name)))
            continue
        if person is not None:
            out.append(ctx.held(w("for_contact", name=name), "h3"))
        t = TableBuilder(
            s,
            [w("consent_item"), w("state"), w("since"), w("channel"), w("document_ref")],
            [2.0, 1.0, 0.8, 0.8, 1.2],
            nowrap=(2,),
        )
        for st in derive(events).items:
            current = st.event
            t.add(
                [
                    _item_name(w, st.item),
                    _state_text(w, st),
                    w.date(current.received_on) if current else "—",
                    w.maybe("ch", current.channel.value) if current else "",
                    current.document_ref if current else "",
                ]
            )
        out.append(t.build())
        if listed:
            out.append(gap(1))
            out.append(ctx.p(w("suppressed", items=", ".join(listed)), "small"))

    out.append(ctx.p(w("s_consent_history"), "h3"))
    if not d.consent_events:
        out.append(ctx.p(w("none")))
        return out
    heads = [
        w("received_on"),
        w("consent_item"),
        w("state"),
        w("channel"),
        w("document_ref"),
        w("note"),
        w("recorded"),
    ]
    fractions = [0.6, 1.6, 0.9, 0.6, 0.9, 1.3, 0.8]
    if d.name_staff:
        heads.append(w("by"))
        fractions.append(0.7)
    t = TableBuilder(s, heads, fractions, nowrap=(0, 6))
    for ev in sorted(d.consent_events, key=lambda e: e.order_key(), reverse=True):
        note = ev.note
        if ev.contact_person_id is not None:
            who = w("for_contact", name=names.get(ev.contact_person_id, ""))
            note = f"{who}. {note}" if note else who
        row = [
            w.date(ev.received_on),
            _item_name(w, ev.item),
            _event_text(w, ev),
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
    """An address in a table cell: it may break between its parts, never inside one."""
    return ", ".join(p.replace(" ", "\u00a0") for p in parts if p)


def _orders(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    orders: tuple[Order, ...] = tuple(sorted(d.orders, key=lambda o: (o.ordered_at, o.id)))
    out: list[Flowable] = [ctx.p(w("s_orders"), "h2")]
    if d.contact_person_id is not None:
        out.append(ctx.p(w("orders_not_per_person")))
        return out
    if not orders:
        out.append(ctx.p(w("none")))
    else:
        out.append(ctx.held(w("order_count", n=len(orders)), "lead"))
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
            [0.6, 0.6, 0.6, 2.35, 0.3, 0.6, 0.4, 0.6],
            right=(4, 5, 6, 7),
            nowrap=(0, 1, 4, 5, 6, 7),
            keep_groups=True,
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
                        f"{ln.product_code} {ln.product_name}".strip(),
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
            [0.6, 0.6, 0.6, 0.8, 1.0, 2.4],
            nowrap=(0, 1, 2, 4),
        )
        for o, dl in deliveries:
            t.add(
                [
                    o.number,
                    w.date(dl.shipped_at),
                    w.date(dl.delivered_at),
                    w.carrier(dl.carrier),
                    dl.tracking_code,
                    _address(
                        dl.recipient,
                        dl.street,
                        f"{dl.postal_code} {dl.post_office}".strip(),
                        w.country(dl.country) if dl.country and dl.country != "FI" else "",
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
            [0.6, 0.6, 0.6, 0.6, 0.6, 1.2, 0.6, 1.6],
            right=(6,),
            nowrap=(0, 1, 2, 3, 4, 6),
        )
        for o, r in returns:
            products = {ln.id: ln.product_name for ln in o.lines}
            items = "; ".join(
                f"{rl.quantity} × {products.get(rl.order_line_id, '?')}" for rl in r.lines
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


def _changes(ctx: _Ctx, names: dict[int, str]) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    out: list[Flowable] = [ctx.p(w("s_changes"), "h2")]
    if not d.changes:
        out.append(ctx.p(w("none")))
        return out
    out.append(ctx.p(w("changes_intro"), "lead"))
    heads = [w("changed_at"), w("field"), w("old_value"), w("new_value"), w("source")]
    fractions = [0.6, 1.0, 1.3, 1.3, 1.2]
    if d.name_staff:
        heads.append(w("by"))
        fractions.append(0.7)
    t = TableBuilder(s, heads, fractions, nowrap=(0,))
    for ch in sorted(d.changes, key=lambda c: c.changed_at, reverse=True):
        label = _field_label(w, ch.field)
        if ch.contact_person_id is not None:
            who = names.get(ch.contact_person_id, "")
            label = f"{w('for_contact', name=who)}: {label[:1].lower()}{label[1:]}"
        row = [
            w.datetime(ch.changed_at),
            label,
            display_value(w, ch.field, ch.old_value),
            display_value(w, ch.field, ch.new_value),
            _source_text(w, ch.source.value, ch.source_detail),
        ]
        if d.name_staff:
            row.append(ch.changed_by)
        t.add(row)
    out.append(t.build())
    return out


def _closing(ctx: _Ctx) -> Paragraph:
    info, w = ctx.data.register, ctx.w
    lines = [esc(w("questions")), "", esc(w("closing")), "", esc(info.controller_name)]
    if info.contact_name:
        lines.append(esc(info.contact_name))
    role = esc(w("contact_role"))
    if info.contact_phone:
        # The number whole on one line (no break between its groups of digits).
        role = f"{role}, {esc(w('tel'))}\u00a0{unbroken([info.contact_phone])}"
    lines.append(role)
    return layout.para("<br/>".join(lines), ctx.s.body)


def _access_log_and_closing(ctx: _Ctx) -> list[Flowable]:
    """Part 11 and the closing, which ends the letter: the closing never stands alone on
    a page (it takes the log's last rows along, see :class:`TableThen`)."""
    d, w, s = ctx.data, ctx.w, ctx.s
    out: list[Flowable] = [
        ctx.p(w("s_access"), "h1"),
        ctx.p(w("access_intro_staff" if d.name_staff else "access_intro")),
        gap(1),
    ]
    closing = _closing(ctx)
    if not d.access_log:
        out.append(KeepTogether([ctx.p(w("none")), gap(8), closing]))
        return out
    heads = [w("at"), w("action"), w("purpose")]
    fractions = [0.7, 1.2, 1.2]
    if d.name_staff:
        heads.append(w("by"))
        fractions.append(0.9)
    t = TableBuilder(s, heads, fractions, nowrap=(0,))
    for entry in sorted(d.access_log, key=lambda e: e.at, reverse=True):
        row = [
            w.datetime(entry.at),
            access_parts.action_text(w, entry.action),
            access_parts.purpose_text(w, entry.purpose),
        ]
        if d.name_staff:
            row.append(entry.actor)
        t.add(row)
    out.append(TableThen(t.build(), closing, gap=8 * mm))
    return out


def story(data: AccessLetter) -> list[Flowable]:
    """The letter's flowables, without the page furniture (used by the benchmark too)."""
    fonts.register_fonts()
    ctx = _Ctx(data, Words(data.language), layout.make_styles())
    sources = _latest_sources(data.changes)
    names = _contact_names(data.customer, data.changes)
    return [
        *_intro(ctx),
        *_about_register(ctx),
        *_basic(ctx, sources),
        *_consents(ctx, names),
        *_orders(ctx),
        *_changes(ctx, names),
        *access_parts.requests_part(data, ctx.w, ctx.s),
        *_access_log_and_closing(ctx),
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
        sender=sender_lines(data.register, w.language),
        date_label=w("date"),
        date_text=w.date(data.letter_date),
        reference_label=w("reference"),
        reference_text=reference,
        recipient=recipient_lines(data.customer),
        footer=footer(data.register, w),
        recipient_keep=recipient_keep(data.customer),
        language=data.language.value,
    )


def render_access_letter(data: AccessLetter, *, invariant: bool = False) -> RenderedPdf:
    """The letter as PDF bytes (``invariant``: byte-stable output, for tests and hashes
    that must not depend on the moment of rendering)."""
    w = Words(data.language)
    return layout.render(
        story(data),
        head(data),
        invariant=invariant,
        # No customer number or name in the metadata: a file's properties are shown by
        # every file manager and search index, without opening the letter.
        title=w("title_access"),
        author=data.register.controller_name,
    )
