"""The access letter's parts about this one person (EDPB Guidelines 01/2022 on the right
of access): what applies to them now, the data held on them, who received it, whether it
left the EU/EEA, how long it is kept, and their own requests.

Every statement is worked out from the letter's data and the register's settings, with
the same rules the rest of kkdesk acts on: the effective marketing permission per channel
comes from :mod:`kkdesk.domain.consent` (the rules the marketing export runs), the dates of
part 6 from :mod:`kkdesk.domain.retention`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from kkdesk.domain import catalogue
from kkdesk.domain.catalogue import Table
from kkdesk.domain.consent import (
    ConsentItem,
    ConsentState,
    MarketingChannel,
    MarketingPurpose,
    derive,
)
from kkdesk.domain.disclosure import OWN_MARKETING_RECIPIENT
from kkdesk.domain.retention import add_years, orders_kept_until, years_phrase
from kkdesk.reports import layout
from kkdesk.reports.data import AccessLetter, DisclosureEntry
from kkdesk.reports.layout import Styles, TableBuilder, bullets, esc, gap
from kkdesk.reports.texts import T, Words

# The purposes that are marketing to the person (the other three prohibitions — research,
# directories, genealogy — are not marketing, and part 10.3 lists them).
MARKETING: tuple[MarketingPurpose, ...] = (
    MarketingPurpose.DIRECT_ADVERTISING,
    MarketingPurpose.DISTANCE_SELLING,
    MarketingPurpose.DIRECT_MARKETING,
)
CHANNELS: tuple[MarketingChannel, ...] = (
    MarketingChannel.POST,
    MarketingChannel.PHONE,
    MarketingChannel.EMAIL,
    MarketingChannel.SMS,
)
# The EU and EEA states (GDPR Chapter V applies to transfers to any other country).
EEA: frozenset[str] = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
        "IS", "LI", "NO", "AX",
    }
)  # fmt: skip
# Audit actions that only show data: whatever a newer kkdesk names a read (a search hit,
# a list row), the customer reads "data viewed".
READ_WORDS: tuple[str, ...] = ("read", "view", "search", "list", "show", "select", "open")


def state_of(data: AccessLetter) -> ConsentState:
    """The requester's own prohibitions and consents now (the customer's, or the contact
    person's the letter is for)."""
    return derive(e for e in data.consent_events if e.contact_person_id == data.contact_person_id)


def _since(w: Words, state: ConsentState, item: ConsentItem) -> str:
    return w.date(state.get(item).since)


def channel_rows(w: Words, state: ConsentState) -> list[list[str]]:
    """Per channel: may we market to the person now, and why — an objection or a
    restriction named as what prevails over a consent still recorded as given."""
    rows = []
    objection = state.get(ConsentItem.OBJECTION)
    restriction = state.get(ConsentItem.RESTRICTION)
    for channel in CHANNELS:
        allowed = [p for p in MARKETING if state.allows(p, channel)]
        if len(allowed) == len(MARKETING):
            verdict = w("mc_yes")
        elif not allowed:
            verdict = w("mc_no")
        else:
            verdict = w("mc_only", purposes=", ".join(w.maybe("mp", p.value) for p in allowed))
        consent = state.get(channel.consent) if channel.consent is not None else None
        reasons: list[str] = []
        if objection.value:
            if consent is not None and consent.value:
                reasons.append(
                    w("why_objection_over_consent", date=w.date(objection.since),
                      consent_date=w.date(consent.since))
                )  # fmt: skip
            else:
                reasons.append(w("why_objection", date=w.date(objection.since)))
        elif restriction.value:
            reasons.append(w("why_restriction", date=w.date(restriction.since)))
        else:
            if consent is not None:
                if consent.value:
                    reasons.append(w("why_consent", date=w.date(consent.since)))
                elif consent.event is not None:
                    reasons.append(w("why_consent_withdrawn", date=w.date(consent.since)))
                else:
                    reasons.append(w("why_consent_never"))
            prohibited = [
                w("now_item_since", item=w.maybe("mp", p.value),
                  date=_since(w, state, p.prohibition))
                for p in MARKETING
                if state[p.prohibition]
            ]  # fmt: skip
            if prohibited:
                reasons.append(w("why_prohibited", items=", ".join(prohibited)))
            elif consent is None or consent.value:
                reasons.append(w("why_not_prohibited"))
        rows.append([w(f"mc_{channel.value}"), verdict, "; ".join(reasons)])
    return rows


def now_part(data: AccessLetter, w: Words, s: Styles) -> list[Flowable]:
    """Part 2's second half: the purposes as they apply to this person today."""
    state = state_of(data)
    out: list[Flowable] = [layout.para(esc(w("now_title")), s.h3)]
    if data.contact_person_id is None:
        n = len(data.orders)
        out.append(Paragraph(esc(w("now_orders", n=n) if n else w("now_no_orders")), s.body))
    if state.objected:
        out.append(Paragraph(esc(w("now_objection", date=_since(w, state, ConsentItem.OBJECTION))),
                             s.body))  # fmt: skip
    if state.restricted:
        out.append(
            Paragraph(esc(w("now_restriction", date=_since(w, state, ConsentItem.RESTRICTION))),
                      s.body)
        )  # fmt: skip
    prohibited = [
        w("now_item_since", item=w.maybe("mp", item.value.replace("_", "-")),
          date=_since(w, state, item))
        for item in ConsentItem
        if item.is_prohibition and state[item]
    ]  # fmt: skip
    if prohibited:
        out.append(Paragraph(esc(w("now_prohibited", items="; ".join(prohibited))), s.body))
    out.append(gap(1))
    out.append(layout.para(esc(w("now_marketing_table")), s.body))
    out.append(gap(1))
    table = TableBuilder(s, [w("mc_channel"), w("mc_allowed"), w("mc_why")], [0.6, 0.8, 2.6],
                         nowrap=(0,))  # fmt: skip
    for row in channel_rows(w, state):
        table.add(row)
    out.append(table.build())
    return out


def _lower_first(text: str) -> str:
    """A field's label inside a list: "Sähköposti" → "sähköposti", "E-mail" → "e-mail",
    but "FO-nummer" and "Y-tunnus" keep their capitals (abbreviations, not words)."""
    if text[1:2].isupper() or text.startswith("Y-"):
        return text
    return text[:1].lower() + text[1:]


# A contact person's own fields as part 3 lists them: the catalogue's, the name first as a
# letter writes it ("Liisa Virtanen").
_NAME = ("first_names", "surname")
CONTACT_OWN_FIELDS: tuple[str, ...] = _NAME + tuple(
    n for n in catalogue.names(catalogue.letter_fields(Table.CONTACT_PERSON)) if n not in _NAME
)


def held_part(data: AccessLetter, w: Words, s: Styles, basic: Sequence[str]) -> list[Flowable]:
    """Part 3: the categories of data held on this person, with how much of each."""
    fields = list(basic)
    if data.contact_person_id is not None and data.customer.contacts:
        me = data.customer.contacts[0]
        fields = [f for f in CONTACT_OWN_FIELDS if getattr(me, f)] + fields
    items = [w("held_basic", fields=", ".join(_lower_first(w(f"f_{f}")) for f in fields))]
    if data.orders:
        items.append(
            w("held_orders", orders=len(data.orders),
              deliveries=sum(len(o.deliveries) for o in data.orders),
              returns=sum(len(o.returns) for o in data.orders))
        )  # fmt: skip
    if data.consent_events:
        items.append(w("held_consents", n=len(data.consent_events)))
    if data.changes:
        items.append(w("held_changes", n=len(data.changes)))
    if data.requests:
        items.append(w("held_requests", n=len(data.requests)))
    if data.access_log:
        items.append(w("held_log", n=len(data.access_log)))
    return [
        layout.para(esc(w("held_intro")), s.body),
        *[Paragraph(esc(t), s.bullet, bulletText="•") for t in items],
    ]


def is_own_use(disc: DisclosureEntry, controller: str) -> bool:
    """A marketing export for the controller's own marketing: no disclosure, the
    controller is not its own recipient (GDPR Art. 4(9))."""
    if disc.kind != "marketing_export":
        return False
    who = " ".join(disc.recipient.split())
    return who in (OWN_MARKETING_RECIPIENT, controller) or who.startswith(f"{controller} (")


def disclosure_row(w: Words, disc: DisclosureEntry) -> list[str]:
    """One disclosure as the customer reads it: a marketing export names its recipient and
    its real basis — consent for e-mail and SMS (Act 917/2014, section 200), legitimate
    interest for post and telephone; other disclosures print as staff recorded them."""
    if disc.kind == "marketing_export":
        purpose = w.maybe("mp", disc.purpose) if disc.purpose else w("dk_marketing_export")
        what = w.maybe("mx", disc.channel) if disc.channel else disc.description
        electronic = disc.channel in (MarketingChannel.EMAIL.value, MarketingChannel.SMS.value)
        basis = w("mx_basis_consent" if electronic else "mx_basis_interest")
        return [w.date(disc.disclosed_at), disc.recipient, w("dk_marketing_to", purpose=purpose),
                basis, what]  # fmt: skip
    return [
        w.date(disc.disclosed_at),
        disc.recipient,
        w.maybe("dk", disc.kind),
        disc.legal_basis,
        disc.description,
    ]


def recipients_part(data: AccessLetter, w: Words, s: Styles) -> list[Flowable]:
    """Part 4's recipients of this person's data: the carriers of their deliveries, the
    disclosures recorded, and the own marketing that is no disclosure."""
    out: list[Flowable] = []
    carriers = sorted(
        {
            w.carrier(d.carrier)
            for o in data.orders
            for d in o.deliveries
            if d.carrier.strip() and not w.is_pickup(d.carrier)  # a pick-up: no carrier
        }
    )
    if carriers:
        out.append(Paragraph(esc(w("carriers_yours", carriers=", ".join(carriers))), s.body))
        out.append(gap(2))
    controller = data.register.controller_name
    own = [d for d in data.disclosures if is_own_use(d, controller)]
    others = [d for d in data.disclosures if not is_own_use(d, controller)]
    if others:
        # A contact person's letter: the disclosures are of the company's record.
        heading = (
            "disclosures_company" if data.contact_person_id is not None else "disclosures_yours"
        )
        out.append(layout.para(esc(w(heading)), s.body))
        out.append(gap(1))
        t = TableBuilder(
            s,
            [w("date"), w("recipient"), w("purpose"), w("legal_basis"), w("disclosed_data")],
            [0.7, 1.2, 1.0, 1.3, 1.5],
            nowrap=(0,),
        )
        for disc in sorted(others, key=lambda x: x.disclosed_at, reverse=True):
            t.add(disclosure_row(w, disc))
        out.append(t.build())
    else:
        out.append(layout.para(esc(w("disclosures_none")), s.body))
    if own:
        uses = "; ".join(
            f"{w.date(d.disclosed_at)} "
            + (w.maybe("mp", d.purpose) if d.purpose else w("dk_marketing_export"))
            + (f" ({w.maybe('mc', d.channel)})" if d.channel else "")
            for d in sorted(own, key=lambda x: x.disclosed_at)
        )
        out.append(gap(2))
        out.append(Paragraph(esc(w("own_marketing_uses", uses=uses)), s.body))
    return out


def transfers_part(data: AccessLetter, w: Words, s: Styles) -> list[Flowable]:
    """Part 5 about this person: whether *their* data left the EU/EEA (Art. 15(2))."""
    abroad = [
        f"{w.date(d.shipped_at or o.ordered_at)} {w.carrier(d.carrier)} → {w.country(d.country)}"
        for o in data.orders
        for d in o.deliveries
        if d.country and d.country.upper() not in EEA
    ]
    if abroad:
        first = w("transfers_yours_delivery", items="; ".join(abroad))
    else:
        first = w("transfers_yours_none")
    return [
        Paragraph(esc(first), s.body),
        gap(2),
        layout.para(esc(w("transfers_general")), s.small),
        layout.para(esc(data.register.transfers.get(data.language)), s.small),
    ]


def last_activity(data: AccessLetter) -> date:
    """The day of the person's last order or contact the register knows of."""
    days = [data.customer.customer_since]
    days += [o.ordered_at.date() for o in data.orders]
    days += [e.received_on for e in data.consent_events]
    days += [r.received_on for r in data.requests]
    days += [c.changed_at.date() for c in data.changes if c.source.is_customer]
    return max(days)


def retention_part(data: AccessLetter, w: Words, s: Styles) -> list[Flowable]:
    """Part 6 worked out: until when their orders are kept, and their other data."""
    info = data.register
    out: list[Flowable] = []
    if data.orders:
        years = orders_kept_until((o.ordered_at.date() for o in data.orders),
                                  info.financial_year_end, info.voucher_years)  # fmt: skip
        listed = ", ".join(w("ret_year", year=y, date=w.date(until)) for y, until in years)
        period = years_phrase(info.voucher_years, data.language)
        out.append(Paragraph(esc(w("ret_orders", years=listed, period=period)), s.bullet,
                             bulletText="•"))  # fmt: skip
    last = last_activity(data)
    out.append(
        Paragraph(
            esc(w("ret_basic", years=info.basic_data_years, last=w.date(last),
                  until=w.date(add_years(last, info.basic_data_years)))),
            s.bullet,
            bulletText="•",
        )
    )  # fmt: skip
    state = state_of(data)
    if state.objected or any(state[i] for i in ConsentItem if i.is_prohibition):
        out.append(Paragraph(esc(w("ret_prohibitions")), s.bullet, bulletText="•"))
    retention = [t.get(data.language) for t in info.retention]
    if retention:
        out.append(gap(1))
        out.append(layout.para(esc(w("transfers_general")), s.small))
        out += bullets(retention, s.small)
    return out


def requests_part(data: AccessLetter, w: Words, s: Styles) -> list[Flowable]:
    """Part 10.8: the person's own data-subject requests, their outcomes and reasons."""
    out: list[Flowable] = [layout.para(esc(w("s_requests")), s.h2)]
    if not data.requests:
        out.append(layout.para(esc(w("none")), s.body))
        return out
    t = TableBuilder(
        s,
        [w("rq_kind"), w("rq_received"), w("rq_deadline"), w("rq_outcome"), w("rq_closed"),
         w("rq_reason")],
        [1.0, 0.6, 0.6, 0.6, 0.6, 2.0],
        nowrap=(1, 2, 4),
    )  # fmt: skip
    for r in data.requests:
        reasons = [x for x in (r.note,) if x]
        if r.extension_reason:
            reasons.insert(0, w("rq_extended", reason=r.extension_reason))
        t.add(
            [w.maybe("rk", r.kind), w.date(r.received_on), w.date(r.deadline),
             w.maybe("rs", r.status), w.date(r.closed_on), "\n".join(reasons)]
        )  # fmt: skip
    out.append(t.build())
    return out


def action_text(w: Words, action: str) -> str:
    """An audit action as the customer reads it, whatever a newer kkdesk calls it."""
    if f"ac_{action}" in _KNOWN:
        return w(f"ac_{action}")
    if any(word in action.casefold() for word in READ_WORDS):
        return w("ac_read")
    return w("ac_other")


def purpose_text(w: Words, purpose: str) -> str:
    return w(f"pu_{purpose}") if f"pu_{purpose}" in _KNOWN else "—"


_KNOWN = frozenset(T)
