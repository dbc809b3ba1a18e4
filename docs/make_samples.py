"""Sample subject-access letters and the privacy notice for the documentation: ``make samples``.

Builds a demo register in a temporary folder (``kkdesk.services.demo``), picks two demo
customers and gives them the history a real register gathers over the years — a person
with orders, a delivery and a return, an address from an update service, prohibitions and
consents given and withdrawn, an authority's request and a marketing export that included
them; a company with contact persons, one with a prohibition of her own — registers their
access requests, and prints through the same services as ``kkdesk report access``:

* ``docs/samples/access-letter-{fi,sv,en}.pdf``: the person's letter in each language,
* ``docs/samples/access-letter-company-fi.pdf``: the letter of a company's contact person
  (their own data and the company's name and address, no colleague's),
* ``docs/samples/step-*-fi.pdf``: the letter of every other step of a request
  (acknowledgement, extension, refusal — also in Swedish and English —, identification,
  "we hold no data on you", confirmation, Art. 14 and Art. 19 notices, the copy's cover),
  and two that answer no request: a confirmation in Swedish (``consent confirm``) and the
  Art. 14 notice to a company's contact person,
* ``docs/samples/privacy-notice-{fi,sv,en}.pdf``: the privacy notice,

and each page as a PNG beside it (``pdftoppm``, 70 dpi, greyscale: a few MB in all), with
an index in ``docs/samples/README.md``. Nothing outside the temporary folder is read or
written but ``docs/samples/``.

    .venv/bin/python docs/make_samples.py [--out DIR]

Needs ``pdftoppm`` (Debian/Ubuntu: ``apt-get install poppler-utils``; macOS: ``brew install
poppler``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The staff user on the embedded database is the OS user: give the samples a realistic one.
os.environ["LOGNAME"] = "avirtanen"

from sqlalchemy import func, select  # noqa: E402

from kkdesk.domain.consent import (  # noqa: E402
    ConsentItem,
    Evidence,
    MarketingChannel,
    MarketingPurpose,
)
from kkdesk.domain.customer import CustomerDraft  # noqa: E402
from kkdesk.domain.disclosure import DisclosureDraft, DisclosureKind  # noqa: E402
from kkdesk.domain.enums import AuditAction, Channel, DataSource, Language, Purpose  # noqa: E402
from kkdesk.domain.levels import Level  # noqa: E402
from kkdesk.reports.notice import render_privacy_notice  # noqa: E402
from kkdesk.services import (  # noqa: E402
    access_report,
    audit,
    consents,
    customers,
    demo,
    disclosures,
    marketing,
    register_settings,
    requests,
    step_letters,
)
from kkdesk.services.session import DeskSession, open_session  # noqa: E402
from kkdesk.store import models as m  # noqa: E402

OUT = ROOT / "docs" / "samples"
DEMO_CUSTOMERS = 400
DPI = 70
TODAY = datetime.now(UTC).date()


@dataclass(frozen=True)
class Sample:
    stem: str
    title: str
    pdf: bytes
    pictures: bool = True  # pages as PNGs too (the notice only in Finnish: size)


def need_pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        sys.exit(
            "make samples: pdftoppm is missing; it turns the PDFs into PNGs.\n"
            "  Debian/Ubuntu: apt-get install poppler-utils\n"
            "  macOS:         brew install poppler"
        )
    return found


def _pick(ds: DeskSession, *, company: bool) -> str:
    """The demo customer of the wanted type with the most orders (a return among them)
    whose marketing by post is allowed for some purpose besides direct advertising (so
    that the marketing export below includes them)."""
    with ds.db.read() as s:
        returned = select(m.Order.customer_id).join(m.Return, m.Return.order_id == m.Order.id)
        query = (
            select(m.Customer.number)
            .join(m.Order, m.Order.customer_id == m.Customer.id)
            .where(
                m.Customer.type == ("company" if company else "person"),
                m.Customer.language == "fi",
                m.Customer.id.in_(returned),
            )
            .group_by(m.Customer.id)
            .order_by(func.count(m.Order.id).desc(), m.Customer.id)
        )
        if company:
            with_contacts = (
                select(m.ContactPerson.customer_id)
                .group_by(m.ContactPerson.customer_id)
                .having(func.count() >= 2)
            )
            query = query.where(m.Customer.id.in_(with_contacts))
        candidates = [str(n) for n in s.scalars(query.limit(50))]
    for number in candidates:
        state = consents.current(ds, number)
        if any(
            state.allows(p, MarketingChannel.POST)
            for p in MarketingPurpose
            if p is not MarketingPurpose.DIRECT_ADVERTISING
        ):
            return number
    sys.exit("make samples: the demo register has no suitable customer (change the seed)")


def _history(ds: DeskSession, number: str, *, company: bool) -> None:
    """Years of a customer's life in the register, through the services."""
    day = TODAY
    current = customers.get(ds, number, purpose=Purpose.CUSTOMER_SERVICE)
    draft = current.to_draft()
    moved = CustomerDraft(
        **{f: getattr(draft, f) for f in draft.__dataclass_fields__}
        | {"street": "Kauppakatu 12 B 7" if not company else "Teollisuustie 4"}
    )
    customers.update(ds, number, moved, expected_version=current.version,
                     source=DataSource.UPDATE_SERVICE,
                     source_detail="Postin osoitteenmuutospalvelu")  # fmt: skip
    # The person keeps market research allowed (so the export below includes them); a
    # company's contact person prohibits it for herself.
    last = (
        (ConsentItem.MARKET_RESEARCH, current.contacts[0].id)
        if company and current.contacts
        else (ConsentItem.GENEALOGY, None)
    )
    for item, state, ago, channel, ref, person in (
        (ConsentItem.EMAIL_MARKETING, True, 400, Channel.WEBSHOP, "WEB-2024-118", None),
        (ConsentItem.DIRECT_ADVERTISING, True, 200, Channel.LETTER, "KIRJE-2025-031", None),
        (ConsentItem.EMAIL_MARKETING, False, 60, Channel.EMAIL, "SP-2025-442", None),
        (last[0], True, 20, Channel.PHONE, "PUH-2025-907", last[1]),
    ):
        consents.record(ds, number, item, state,
                        Evidence(day - timedelta(days=ago), channel, ref),
                        contact_person_id=person)  # fmt: skip
    disclosures.record(
        ds,
        number,
        DisclosureDraft(DisclosureKind.AUTHORITY, day - timedelta(days=45),
                        "Itä-Uudenmaan poliisilaitos", "Poliisilaki 872/2011, 4 luku 2 §",
                        "Nimi ja osoitetiedot"),
    )  # fmt: skip
    customers.get(ds, number, purpose=Purpose.ORDER_HANDLING)
    with ds.db.session() as session:
        audit.record(session, ds, number, AuditAction.READ, Purpose.CUSTOMER_SERVICE)


def build(folder: Path) -> list[Sample]:
    ds = open_session(str(folder / "samples.sqlite3"), level=Level.ADMIN, prefs=None)
    try:
        demo.generate(ds, DEMO_CUSTOMERS, seed=11)
        register_settings.seed(ds)
        person = _pick(ds, company=False)
        company = _pick(ds, company=True)
        for number, is_company in ((person, False), (company, True)):
            _history(ds, number, company=is_company)
        # A marketing export by post for a purpose the person has not prohibited: it
        # includes them and is recorded as a disclosure of their data.
        state = consents.current(ds, person)
        purpose = next(p for p in MarketingPurpose if state.allows(p, MarketingChannel.POST))
        marketing.export(ds, purpose, MarketingChannel.POST, folder / "export.csv",
                         recipient="Markkinatutkimus Oy")  # fmt: skip
        # The webshop's own marketing by post (no disclosure: the letter says so), then an
        # SMS consent, then an objection that prevails over it.
        marketing.export(ds, purpose, MarketingChannel.POST, folder / "own.csv")
        for item, ago, ref in (
            (ConsentItem.SMS_MARKETING, 300, "WEB-2025-311"),
            (ConsentItem.OBJECTION, 0, "KIRJE-2026-118"),
        ):
            consents.record(ds, person, item, True,
                            Evidence(TODAY - timedelta(days=ago), Channel.LETTER, ref))  # fmt: skip
        # An earlier request of the person's, refused with its reason.
        earlier = requests.add(ds, person, "erasure", received_on=TODAY - timedelta(days=90),
                               channel=Channel.EMAIL, identity_method="e-mail from the "
                               "address on the register")  # fmt: skip
        requests.close(ds, earlier.id, status="refused",
                       note="Tilaukset on säilytettävä kirjanpitolain vuoksi; muut tiedot "
                       "poistettiin pyynnöstä.")  # fmt: skip
        contact = customers.get(ds, company, purpose=Purpose.SUBJECT_REQUEST).contacts[0].id
        samples = []
        for number, stem, title, langs, who in (
            (person, "access-letter", "Access letter, a person", list(Language), None),
            (company, "access-letter-company", "Access letter, a company's contact person",
             [Language.FI], contact),
        ):  # fmt: skip
            request = requests.add(ds, number, "access", received_on=TODAY - timedelta(days=6),
                                   channel=Channel.LETTER,
                                   identity_method="signature compared with the order",
                                   contact_person_id=who)  # fmt: skip
            for lang in langs:
                letter = access_report.generate(ds, number, request_id=request.id, language=lang)
                samples.append(Sample(f"{stem}-{lang.value}", f"{title} ({lang.value})",
                                      letter.pdf))  # fmt: skip
        samples += step_samples(ds, person)
        samples += unasked_samples(ds, person, company)
        info = register_settings.get(ds)
        for lang in Language:
            rendered = render_privacy_notice(info, lang, on=TODAY)
            samples.append(Sample(f"privacy-notice-{lang.value}", f"Privacy notice ({lang.value})",
                                  rendered.pdf, pictures=lang is Language.FI))  # fmt: skip
        return samples
    finally:
        ds.close()


# The letter of every other step of a request (kkdesk.services.step_letters), in Finnish;
# the refusal in Swedish and English too.
STEP_SAMPLES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("acknowledgement", "access", ("fi",)),
    ("extension", "erasure", ("fi",)),
    ("refusal", "erasure", ("fi", "sv", "en")),
    ("identification", "access", ("fi",)),
    ("no_data", "access", ("fi",)),
    ("confirmation", "objection", ("fi",)),
    ("source_notice", "", ("fi",)),
    ("recipient_notice", "rectification", ("fi",)),
    ("recipients_list", "rectification", ("fi",)),
    ("copy_cover", "portability", ("fi",)),
)
STEP_TITLES = {
    "acknowledgement": "Acknowledgement (Art. 12(3))",
    "extension": "Extension notice (Art. 12(3))",
    "refusal": "Refusal (Art. 12(4))",
    "identification": "Request for identification (Art. 12(6))",
    "no_data": "We hold no data on you (Art. 15)",
    "confirmation": "Confirmation of prohibitions and objection (Art. 21)",
    "source_notice": "Notice of data from another source (Art. 14)",
    "recipient_notice": "Notice to a recipient after a rectification (Art. 19)",
    "recipients_list": "The recipients, told to the person (Art. 19)",
    "copy_cover": "Cover letter of the machine-readable copy (Art. 20)",
}


def step_samples(ds: DeskSession, number: str) -> list[Sample]:
    """A letter of every step of a request, for the person (and a requester who is not a
    customer), through the same service as ``kkdesk request write``."""
    received = TODAY - timedelta(days=4)
    made: dict[str, int] = {}

    def request_of(kind: str) -> int:
        if kind not in made:
            made[kind] = requests.add(
                ds, number, kind, received_on=received, channel=Channel.LETTER,
                identity_method="signature compared with the order",
            ).id  # fmt: skip
        return made[kind]

    outsider = requests.add(
        ds, "", "access", received_on=received, channel=Channel.LETTER,
        requester_name="Olli Ulkopuolinen", requester_address="Rantatie 3 B 12\n90100 OULU",
    ).id  # fmt: skip
    # The objection the confirmation confirms (the prohibitions come from _history).
    consents.record(ds, number, ConsentItem.OBJECTION, True,
                    Evidence(received, Channel.LETTER, "KIRJE-2026-114"))  # fmt: skip
    requests.extend(ds, request_of("erasure"),
                    "Tietonne ovat myös yhteistyökumppanimme järjestelmässä, jonka vastausta "
                    "odotamme.")  # fmt: skip
    reasons = {
        "fi": "Kirjanpitolaki (1336/1997) velvoittaa säilyttämään tilaukset ja niiden "
        "tositteet kuuden vuoden ajan; niitä ei voi poistaa ennen 31.12.2031.",
        "sv": "Bokföringslagen (1336/1997) kräver att beställningar och deras verifikationer "
        "sparas i sex år; de kan inte raderas före 31.12.2031.",
        "en": "The Finnish Accounting Act (1336/1997) requires orders and their vouchers to "
        "be kept for six years; they cannot be erased before 31 December 2031.",
    }
    out = []
    for kind, request_kind, langs in STEP_SAMPLES:
        for lang in langs:
            if kind == "source_notice":
                letters = step_letters.generate(ds, kind, number=number, language=lang)
            else:
                rid = outsider if kind == "no_data" else request_of(request_kind)
                letters = step_letters.generate(
                    ds, kind, request_id=rid, language=lang,
                    reason=reasons[lang] if kind == "refusal" else "",
                )  # fmt: skip
            title = f"{STEP_TITLES[kind]} ({lang})"
            out.append(Sample(f"step-{kind.replace('_', '-')}-{lang}", title, letters[0].pdf,
                              pictures=lang == "fi"))  # fmt: skip
    return out


def unasked_samples(ds: DeskSession, person: str, company: str) -> list[Sample]:
    """Letters that answer no request: the confirmation of what the person has
    prohibited (``kkdesk consent confirm``), and the Art. 14 notice to a company's contact
    person whose e-mail came from a partner, addressed to her at the company."""
    [confirmation] = step_letters.generate(ds, "confirmation", number=person, language="sv")
    current = customers.get(ds, company, purpose=Purpose.CUSTOMER_SERVICE)
    draft = current.to_draft()
    her = draft.contacts[0]
    email = f"{her.first_names}.{her.surname}@example.fi".casefold().replace(" ", "")
    contacts = (replace(her, email=email), *draft.contacts[1:])
    customers.update(ds, company, replace(draft, contacts=contacts),
                     expected_version=current.version, source=DataSource.PARTNER,
                     source_detail="Messukeskus, Kevätmessut 2026")  # fmt: skip
    contact = customers.get(ds, company, purpose=Purpose.CUSTOMER_SERVICE).contacts[0].id
    [notice] = step_letters.generate(ds, "source_notice", number=company, contact_id=contact,
                                     language="fi")  # fmt: skip
    return [
        Sample("step-confirmation-unasked-sv",
               "Confirmation without a request (Art. 21) (sv)", confirmation.pdf),
        Sample("step-source-notice-contact-fi",
               "Notice of data from another source to a company's contact person (Art. 14) (fi)",
               notice.pdf),
    ]  # fmt: skip


def write(samples: list[Sample], out: Path, pdftoppm: str) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.png"), *out.glob("*.pdf")]:
        old.unlink()
    index = [
        "# Sample letters",
        "",
        "Made by `make samples` (`docs/make_samples.py`) from demo customers of a fresh demo",
        "register: the subject-access letter of a person in Finnish, Swedish and English,",
        "the letter of a company, the letter of every other step of a request",
        "(docs/reports.md lists them), and the privacy notice. Each page is a PNG (70 dpi);",
        "the PDFs beside them are the letters as printed, fonts embedded.",
        "",
    ]
    for sample in samples:
        pdf = out / f"{sample.stem}.pdf"
        pdf.write_bytes(sample.pdf)
        if not sample.pictures:
            index += [f"## {sample.title}", "", f"[{pdf.name}]({pdf.name})", ""]
            continue
        subprocess.run(
            [pdftoppm, "-png", "-gray", "-r", str(DPI), str(pdf), str(out / sample.stem)],
            check=True,
        )
        pngs = sorted(out.glob(f"{sample.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        # pdftoppm pads page numbers to the page count's width; a fixed name per page reads
        # better in links: access-letter-fi-1.png, -2.png, ...
        for i, png in enumerate(pngs, 1):
            png.rename(out / f"{sample.stem}-p{i}.png")
        index.append(f"## {sample.title}")
        index.append("")
        index.append(f"[{pdf.name}]({pdf.name}) — {len(pngs)} page{'s' if len(pngs) != 1 else ''}")
        index.append("")
        index += [f"![page {i}]({sample.stem}-p{i}.png)" for i in range(1, len(pngs) + 1)]
        index.append("")
    (out / "README.md").write_text("\n".join(index), encoding="utf-8")
    return sum(p.stat().st_size for p in out.iterdir())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the samples go")
    args = parser.parse_args()
    pdftoppm = need_pdftoppm()
    with tempfile.TemporaryDirectory(prefix="kkdesk-samples-") as tmp:
        os.environ["KKDESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        samples = build(Path(tmp))
    size = write(samples, args.out, pdftoppm)
    print(f"{len(samples)} documents written to {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
