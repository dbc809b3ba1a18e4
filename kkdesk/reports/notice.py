"""The privacy notice (tietosuojaseloste; GDPR Art. 13–14) printed from the register's
own information, in Finnish, Swedish or English.

The right to object to direct marketing stands first, framed, apart from everything else
(Art. 21(4)); the data-protection contact follows the controller (Art. 13(1)(b)); the last
section says whether providing the data is required and what follows if it is not
(Art. 13(2)(e), the register setting ``provision_statement``)."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from kkdesk.domain.enums import Language
from kkdesk.domain.register_info import RegisterInfo
from kkdesk.reports import fonts, layout
from kkdesk.reports.access_letter import footer, sender_lines
from kkdesk.reports.data import RenderedPdf
from kkdesk.reports.layout import Head, Styles, TableBuilder, bullets, esc, gap
from kkdesk.reports.texts import Words


def story(info: RegisterInfo, language: Language) -> list[Flowable]:
    fonts.register_fonts()
    w, s, lang = Words(language), layout.make_styles(), language
    out: list[Flowable] = [
        Paragraph(esc(f"{w('notice_title')}: {info.register_name.get(lang)}"), s.title),
        Paragraph(esc(w("notice_intro")), s.body),
        gap(3),
        objection_box(w, s),
        Paragraph(esc(w("s_controller")), s.h1),
    ]
    controller = [info.controller_name, *info.controller_address_in(lang)]
    if info.controller_business_id:
        controller.append(f"{w('business_id_label')} {info.controller_business_id}")
    if info.controller_email:
        controller.append(info.controller_email)
    out.append(Paragraph(f"<b>{esc(w('controller'))}:</b> " + esc(", ".join(controller)), s.body))
    contact = ", ".join(x for x in (info.contact_name, info.contact_phone, info.contact_email) if x)
    out.append(Paragraph(f"<b>{esc(w('contact_person'))}:</b> " + esc(contact), s.body))
    # Art. 13(1)(b): the data protection officer, or who answers data-protection matters.
    dpo = info.dpo_contact or w("n_dpo_none")
    out.append(Paragraph(f"<b>{esc(w('n_dpo'))}:</b> " + esc(dpo), s.body))
    out.append(Paragraph(f"<b>{esc(w('register'))}:</b> " + esc(info.register_name.get(lang)),
                         s.body))  # fmt: skip

    out.append(Paragraph(esc(w("s_purposes")), s.h1))
    table = TableBuilder(s, [w("purpose"), w("legal_basis")], [1.0, 1.0], fixed=True)
    for pb in info.purposes:
        table.add([pb.purpose.get(lang), pb.legal_basis.get(lang)])
    out.append(table.build())

    sections = [
        ("s_categories", info.data_categories),
        ("s_recipients", info.recipients),
    ]
    for key, texts in sections:
        out.append(Paragraph(esc(w(key)), s.h1))
        out += bullets([t.get(lang) for t in texts], s.bullet)
    out.append(Paragraph(esc(w("s_transfers")), s.h1))
    out.append(Paragraph(esc(info.transfers.get(lang)), s.body))
    for key, texts in (("s_retention", info.retention), ("s_sources", info.sources)):
        out.append(Paragraph(esc(w(key)), s.h1))
        out += bullets([t.get(lang) for t in texts], s.bullet)
    out.append(Paragraph(esc(w("s_automated")), s.h1))
    out.append(Paragraph(esc(info.automated_decisions.get(lang)), s.body))
    out.append(Paragraph(esc(w("s_rights")), s.h1))
    out += bullets([t.get(lang) for t in info.rights], s.bullet)
    out.append(gap(1))
    out.append(Paragraph(esc(w("rights_how")), s.body))
    out.append(gap(1))
    out.append(Paragraph(esc(w("complaint")), s.body))
    authority = [info.authority_name.get(lang), *info.authority_address_in(lang),
                 info.authority_web]  # fmt: skip
    out.append(Paragraph("<br/>".join(esc(x) for x in authority if x), s.bullet))
    out.append(Paragraph(esc(w("n_protection")), s.h1))
    out += bullets([t.get(lang) for t in info.protection], s.bullet)
    # Art. 13(2)(e): whether providing the data is required, and what follows if not.
    out.append(Paragraph(esc(f"11. {w('n_provide_title')}"), s.h1))
    out.append(Paragraph(esc(info.provision_statement.get(lang)), s.body))
    return out


def objection_box(w: Words, s: Styles) -> Flowable:
    """The right to object to direct marketing, framed and apart from the rest (GDPR Art.
    21(4): "explicitly brought to the attention ... clearly and separately")."""
    box = Table(
        [[[Paragraph(esc(w("n_object_title")), s.h2), Paragraph(esc(w("n_object")), s.body)]]],
        colWidths=[layout.BODY_W],
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                # The letter's font, or reportlab names its default Helvetica in the PDF.
                ("FONT", (0, 0), (-1, -1), fonts.FONT, 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def render_privacy_notice(
    info: RegisterInfo, language: Language | str, *, on: date, invariant: bool = False
) -> RenderedPdf:
    """The notice as PDF bytes, dated ``on``."""
    language = Language(language)
    w = Words(language)
    head = Head(
        document=w("doc_notice"),
        sender=sender_lines(info, language.value),
        language=language.value,
        date_label=w("updated"),
        date_text=w.date(on),
        footer=footer(info, w),
    )
    return layout.render(
        story(info, language),
        head,
        invariant=invariant,
        title=f"{w('notice_title')} — {info.register_name.get(language)}",
        author=info.controller_name,
    )
