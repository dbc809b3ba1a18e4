"""The letters of each step of a data-subject request: a :class:`StepLetter` in, PDF out.

One letter frame, many bodies: every letter here is laid out by :func:`layout.render` on
the same window-envelope page as the access letter (sender, heading column, address block,
page numbers, footer: :func:`kkdesk.reports.access_letter.head`'s parts), and differs only
in its body. Which article each letter answers is in :data:`kkdesk.domain.letters.ARTICLES`
and in ``docs/reports.md``.

Everything a letter says about the register — the controller, the person handling
register matters, the Data Protection Ombudsman's address, purposes, recipients,
retention — comes from the register settings (:class:`RegisterInfo`), never from
literals here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from kkdesk.domain.enums import Language
from kkdesk.domain.letters import LetterKind
from kkdesk.reports import fonts, layout
from kkdesk.reports.access_letter import footer, sender_lines
from kkdesk.reports.data import RenderedPdf
from kkdesk.reports.layout import Head, TableBuilder, bullets, esc, gap
from kkdesk.reports.step_data import ConfirmedItem, StepLetter
from kkdesk.reports.step_texts import StepWords


@dataclass(frozen=True)
class _Ctx:
    data: StepLetter
    w: StepWords
    s: layout.Styles

    def p(self, text: str, style: str = "body") -> Paragraph:
        """The letter's own words or the register's texts (cached)."""
        return layout.para(esc(text), getattr(self.s, style))

    def held(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph holding data about a person or staff's own words (never cached)."""
        return Paragraph(esc(text), getattr(self.s, style))


def _received(ctx: _Ctx) -> list[Flowable]:
    d, w = ctx.data, ctx.w
    if d.received_on is None or d.request_kind is None:
        return []
    what = w(f"rk_{d.request_kind.value}")
    return [ctx.held(w("received", received=w.long_date(d.received_on), what=what)), gap(2)]


def _authority(ctx: _Ctx) -> Paragraph:
    info, lang = ctx.data.register, ctx.data.language
    lines = [info.authority_name.get(lang), *info.authority_address_in(lang), info.authority_web]
    return layout.para("<br/>".join(esc(x) for x in lines if x), ctx.s.bullet)


def _complaint(ctx: _Ctx, key: str = "complaint") -> list[Flowable]:
    return [KeepTogether([ctx.p(ctx.w(key)), gap(1), _authority(ctx)])]


def _title(ctx: _Ctx, key: str) -> Paragraph:
    return ctx.p(ctx.w(key), "title")


def _acknowledgement(ctx: _Ctx) -> list[Flowable]:
    d, w = ctx.data, ctx.w
    out = _received(ctx)
    if d.deadline is not None:
        out.append(ctx.held(w("ack_body", deadline=w.long_date(d.deadline))))
    if d.reference:
        out += [gap(2), ctx.held(w("quote_reference", id=d.reference))]
    return out


def _extension(ctx: _Ctx) -> list[Flowable]:
    d, w = ctx.data, ctx.w
    out = _received(ctx)
    if d.deadline is not None:
        out.append(ctx.held(w("ext_body", deadline=w.long_date(d.deadline))))
    out += [gap(2), ctx.p(w("ext_reason"), "h2"), ctx.held(d.reason)]
    return out


def _refusal(ctx: _Ctx) -> list[Flowable]:
    d, w = ctx.data, ctx.w
    out = _received(ctx)
    out += [ctx.p(w("ref_body")), gap(2), ctx.p(w("ref_reason"), "h2"), ctx.held(d.reason)]
    out += [gap(3), *_complaint(ctx, "ref_complaint"), gap(2), ctx.p(w("ref_court"))]
    return out


def _no_data(ctx: _Ctx) -> list[Flowable]:
    d, w = ctx.data, ctx.w
    register = d.register.register_name.get(d.language)
    out = _received(ctx)
    out += [
        ctx.p(w("nd_body", register=register)),
        gap(2),
        ctx.p(w("nd_again")),
        gap(2),
        ctx.p(w("nd_kept")),
        gap(3),
        *_complaint(ctx),
    ]
    return out


def _identification(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    out = _received(ctx)
    out += [ctx.p(w("id_body")), gap(2), ctx.p(w("id_ask"))]
    if d.reason:
        out += [Paragraph(esc(line), s.bullet, "•") for line in d.reason.splitlines() if line]
    else:
        out += bullets([w("id_default_1"), w("id_default_2")], s.bullet)
    out += [gap(2), ctx.p(w("id_then"))]
    return out


def _event_text(w: StepWords, item: ConfirmedItem) -> str:
    if item.is_prohibition:
        return w("ev_prohibited") if item.state else w("ev_unprohibited")
    if item.is_consent:
        return w("ev_given") if item.state else w("ev_withdrawn")
    return w("ev_on") if item.state else w("ev_off")


def _confirmation(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    out = _received(ctx)
    if not d.confirmed:
        return [*out, ctx.p(w("conf_none"))]
    out.append(ctx.p(w("conf_body")))
    out.append(gap(1))
    t = TableBuilder(
        s,
        [w("conf_item"), w("conf_what"), w("conf_since")],
        [2.0, 1.2, 0.6],
        nowrap=(2,),
        fixed=True,
    )
    for item in d.confirmed:
        t.add([w.maybe("ci", item.item), _event_text(w, item), w.date(item.received_on)])
    out += [t.build(), gap(3), ctx.p(w("conf_effect"))]
    return out


def _register_parts(ctx: _Ctx) -> list[Flowable]:
    """What Art. 14(1)–(2) asks besides the source: from the register settings."""
    d, w, s = ctx.data, ctx.w, ctx.s
    info, lang = d.register, d.language
    contact = [x for x in (info.contact_name, info.contact_phone, info.contact_email) if x]
    controller = [info.controller_name, *info.controller_address]
    if info.controller_email:
        controller.append(info.controller_email)
    out: list[Flowable] = [
        ctx.p(w("src_h_controller"), "h2"),
        layout.para(f"<b>{esc(w('controller'))}:</b> " + esc(", ".join(controller)), s.body),
        layout.para(f"<b>{esc(w('contact_person'))}:</b> " + esc(", ".join(contact)), s.body),
        ctx.p(w("src_h_purposes"), "h2"),
    ]
    table = TableBuilder(s, [w("purpose"), w("legal_basis")], [1.0, 1.0], fixed=True)
    for pb in info.purposes:
        table.add([pb.purpose.get(lang), pb.legal_basis.get(lang)])
    out.append(table.build())
    for key, texts in (
        ("src_h_categories", info.data_categories),
        ("src_h_recipients", info.recipients),
    ):
        out += [ctx.p(w(key), "h2"), *bullets([t.get(lang) for t in texts], s.bullet)]
    out += [ctx.p(w("src_h_transfers"), "h2"), ctx.p(info.transfers.get(lang))]
    out += [
        ctx.p(w("src_h_retention"), "h2"),
        *bullets([t.get(lang) for t in info.retention], s.bullet),
    ]
    out += [ctx.p(w("src_h_automated"), "h2"), ctx.p(info.automated_decisions.get(lang))]
    out += [ctx.p(w("src_h_rights"), "h2"), *bullets([t.get(lang) for t in info.rights], s.bullet)]
    out += [gap(1), *_complaint(ctx)]
    return out


def _source_notice(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    out: list[Flowable] = [ctx.p(w("src_intro")), ctx.p(w("src_h_obtained"), "h2")]
    t = TableBuilder(
        s,
        [w("field"), w("value"), w("src_obtained_on"), w("src_from")],
        [0.9, 1.6, 0.6, 1.6],
        nowrap=(0, 2),
    )
    for item in d.obtained:
        source = w.maybe("src", item.source)
        if item.detail:
            source = f"{source} ({item.detail})"
        label = w("f_extra") if item.field == "extra" else w.maybe("f", item.field)
        t.add([label, item.value, w.date(item.obtained_at), source])
    out.append(t.build())
    if any(item.source == "public_source" for item in d.obtained):
        out += [gap(1), ctx.p(w("src_public_note"), "small")]
    return [*out, *_register_parts(ctx)]


def _recipient_notice(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    register = d.register.register_name.get(d.language)
    on = w.long_date(d.action_on or d.letter_date)
    out: list[Flowable] = [
        ctx.held(w("rn_body", register=register, action=w(f"act_{d.action}"), on=on)),
        gap(2),
    ]
    dates = [day for r in d.recipients for day in r.disclosed_on]
    if dates:
        out += [
            ctx.held(w("rn_disclosed", dates=", ".join(w.date(x) for x in sorted(dates)))),
            gap(2),
        ]
    out.append(ctx.held(f"{w('rn_person')}: {d.subject_name}", "h2"))
    if d.action == "rectification":
        if d.corrected:
            t = TableBuilder(s, [w("field"), w("rn_new")], [1.0, 2.0], nowrap=(0,))
            for label, value in d.corrected:
                t.add([label, value])
            out += [t.build(), gap(2)]
        out.append(ctx.p(w("rn_rectification")))
    else:
        out.append(ctx.p(w(f"rn_{d.action}")))
    return out


def _recipients_list(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    action = w(f"act_{d.action}")
    out = _received(ctx)
    if not d.recipients:
        return [*out, ctx.p(w("rl_none", action=action))]
    out += [ctx.p(w("rl_body", action=action)), gap(1)]
    t = TableBuilder(s, [w("recipient"), w("rl_when")], [2.0, 1.0])
    for r in d.recipients:
        t.add([r.recipient, ", ".join(w.date(x) for x in r.disclosed_on)])
    return [*out, t.build()]


def _copy_cover(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    out = _received(ctx)
    out += [ctx.p(w("cc_body")), gap(2)]
    t = TableBuilder(
        s, [w("cc_file"), w("cc_size"), w("cc_hash")], [1.2, 0.5, 2.6], nowrap=(0, 1, 2)
    )
    size = f"{d.copy_size:,}".replace(",", "\u00a0" if d.language is not Language.EN else ",")
    t.add([d.copy_file, w("cc_bytes", n=size), d.copy_sha256])
    out += [t.build(), gap(1), ctx.p(w("cc_hash_note"), "small"), gap(2), ctx.p(w("cc_other"))]
    return out


def _erasure(ctx: _Ctx) -> list[Flowable]:
    d, w, s = ctx.data, ctx.w, ctx.s
    result = d.erasure
    if result is None:
        raise ValueError("an erasure letter needs the erasure's outcome")
    record = result.record
    out = _received(ctx)
    on = w.long_date(record.erased_at.date())
    key = "er_done_contact" if record.contact_person_id is not None else "er_done"
    out += [ctx.p(w(key, date=on)), gap(3), ctx.p(w("er_erased"), "h3")]
    labels = [w(f"f_{f}") for f in dict.fromkeys(result.fields) if w.has(f"f_{f}")]
    listed = ", ".join([labels[0], *(x[:1].lower() + x[1:] for x in labels[1:])]) + "."
    out += [ctx.p(listed), gap(1), ctx.p(w("er_erased_also")), gap(3)]
    out.append(ctx.p(w("er_kept"), "h3"))
    if result.kept_orders:
        out.append(ctx.held(w("er_orders", n=len(result.kept_orders), ref=record.reference)))
        by_until: dict[object, int] = {}
        for order in result.kept_orders:
            by_until[order.kept_until] = by_until.get(order.kept_until, 0) + 1
        t = TableBuilder(s, [w("er_until"), w("er_count")], [1.0, 1.0], nowrap=(0, 1))
        for until, n in sorted(by_until.items(), key=lambda kv: str(kv[0])):
            t.add([w.date(until), str(n)])  # type: ignore[arg-type]
        out += [gap(1), t.build(), gap(1), ctx.p(w("er_then")), gap(2)]
    if record.suppressions_kept:
        out += [ctx.p(w("er_suppression")), gap(2)]
    if record.contact_person_id is None:
        out += [ctx.p(w("er_prohibitions")), gap(2)]
    if record.letters_kept_until is not None:
        years = d.register.letter_archive_years
        until = w.long_date(record.letters_kept_until)
        out += [ctx.p(w("er_letters", years=years, until=until)), gap(2)]
    out += [ctx.p(w("er_backups")), gap(2), ctx.held(w("er_reference", ref=record.reference))]
    return out


def _restriction_lift(ctx: _Ctx) -> list[Flowable]:
    d, w = ctx.data, ctx.w
    since = w.long_date(d.action_on or d.letter_date)
    ground = w(f"lift_ground_{d.ground}") if w.has(f"lift_ground_{d.ground}") else ""
    out: list[Flowable] = [ctx.held(w("lift_body", since=since)), gap(2)]
    if ground:
        out += [ctx.p(w("lift_ground"), "h2"), ctx.p(ground), gap(2)]
    out += [ctx.held(w("lift_notice", on=w.long_date(d.letter_date))), gap(2)]
    if d.reason:
        out += [ctx.p(w("lift_reason"), "h2"), ctx.held(d.reason), gap(2)]
    out += [ctx.p(w("lift_after")), gap(3), *_complaint(ctx)]
    return out


_BODIES: dict[LetterKind, Callable[[_Ctx], list[Flowable]]] = {
    LetterKind.ACKNOWLEDGEMENT: _acknowledgement,
    LetterKind.EXTENSION: _extension,
    LetterKind.REFUSAL: _refusal,
    LetterKind.NO_DATA: _no_data,
    LetterKind.IDENTIFICATION: _identification,
    LetterKind.CONFIRMATION: _confirmation,
    LetterKind.SOURCE_NOTICE: _source_notice,
    LetterKind.RECIPIENT_NOTICE: _recipient_notice,
    LetterKind.RECIPIENTS_LIST: _recipients_list,
    LetterKind.COPY_COVER: _copy_cover,
    LetterKind.ERASURE: _erasure,
    LetterKind.RESTRICTION_LIFT: _restriction_lift,
}
KINDS: tuple[LetterKind, ...] = tuple(_BODIES)


def _closing(ctx: _Ctx) -> Paragraph:
    info, w = ctx.data.register, ctx.w
    lines = [esc(w("questions")), "", esc(w("closing")), "", esc(info.controller_name)]
    if info.contact_name:
        lines.append(esc(info.contact_name))
    role = w("contact_role")
    if info.contact_phone:
        role = f"{role}, {w('tel')} {info.contact_phone}"
    lines.append(esc(role))
    if info.contact_email:
        lines.append(esc(info.contact_email))
    return layout.para("<br/>".join(lines), ctx.s.body)


def story(data: StepLetter) -> list[Flowable]:
    fonts.register_fonts()
    ctx = _Ctx(data, StepWords(data.language), layout.make_styles())
    body = _BODIES[data.kind](ctx)
    title = _title(ctx, f"t_{data.kind.value}")
    return [title, gap(2), *body, gap(8), KeepTogether([_closing(ctx)])]


def head(data: StepLetter) -> Head:
    w = StepWords(data.language)
    if data.reference:
        reference = w("reference_request", id=data.reference)
    elif data.customer_number:
        reference = w("reference_customer", number=data.customer_number)
    else:
        reference = ""
    return Head(
        document=w(f"doc_{data.kind.value}"),
        sender=sender_lines(data.register, data.language.value),
        date_label=w("date"),
        date_text=w.date(data.letter_date),
        reference_label=w("reference") if reference else "",
        reference_text=reference,
        recipient=data.recipient,
        footer=footer(data.register, w),
        language=data.language.value,  # the PDF's /Lang: a screen reader reads it so
    )


def render_step_letter(data: StepLetter, *, invariant: bool = False) -> RenderedPdf:
    """The letter as PDF bytes. Its metadata name the document and the register only: no
    customer number or name (a PDF's properties travel with the file); the catalogue
    declares the letter's language (/Lang), as the access letter's does."""
    if data.kind not in _BODIES:
        raise ValueError(f"{data.kind.value} is not a step letter")
    w = StepWords(data.language)
    return layout.render(
        story(data),
        head(data),
        invariant=invariant,
        title=f"{w(f'doc_{data.kind.value}')} — {data.register.register_name.get(data.language)}",
        author=data.register.controller_name,
    )
