"""The step letters as plain data in, PDF out: every word in three languages, the address
in the envelope's window, staff's words printed as typed (markup characters too)."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from kkdesk.domain.enums import Language
from kkdesk.domain.erasure import ErasureRecord, ErasureResult, KeptOrder
from kkdesk.domain.letters import LetterKind
from kkdesk.domain.register_info import DEFAULT
from kkdesk.domain.subject_requests import RequestKind
from kkdesk.reports.step_data import ConfirmedItem, ObtainedItem, RecipientItem, StepLetter
from kkdesk.reports.step_letters import KINDS, render_step_letter
from kkdesk.reports.step_texts import S
from tests.unit.reports.pdftext import pages, runs, squeezed

ADDRESS = ("Matti Möttönen", "Mannerheimintie 1 A 2", "00100 HELSINKI")
ERASED = ErasureResult(
    record=ErasureRecord(
        id=1, reference="E-0123456789", customer_number="1000017", contact_person_id=None,
        request_id=42, reason="Art. 17", erased_by="privacy",
        erased_at=datetime(2026, 12, 2, 10, tzinfo=UTC), orders_kept=2,
        orders_kept_until=date(2032, 12, 31), orders_removed=0, suppressions_kept=2,
        letters_kept=1, letters_kept_until=date(2029, 12, 2),
    ),
    kept_orders=(
        KeptOrder("W-1", date(2025, 3, 1), 10000, date(2031, 12, 31)),
        KeptOrder("W-2", date(2026, 3, 1), 2500, date(2032, 12, 31)),
    ),
    changed=(("customer", 1),),
    fields=("surname", "first_names", "street", "email", "birth_date"),
)  # fmt: skip


def _letter(kind: LetterKind, language: Language, **extra: object) -> StepLetter:
    values: dict[str, object] = {
        "kind": kind,
        "language": language,
        "letter_date": date(2026, 12, 2),
        "register": DEFAULT,
        "recipient": ADDRESS,
        "reference": "42",
        "request_kind": RequestKind.RECTIFICATION,
        "received_on": date(2026, 11, 24),
        "deadline": date(2026, 12, 24),
        "reason": "Tilaukset säilytetään <kirjanpitolaki> & tositteet",
        "confirmed": (ConfirmedItem("direct_advertising", True, False, True, date(2026, 11, 24)),),
        "obtained": (
            ObtainedItem(
                "street",
                "Kauppakatu 1",
                datetime(2026, 11, 20, tzinfo=UTC),
                "update_service",
                "Posti",
            ),
        ),
        "recipients": (RecipientItem("Markkinatutkimus Oy", (date(2026, 10, 1),)),),
        "subject_name": "Möttönen Matti",
        "corrected": (("Jakeluosoite", "Kauppakatu 1"),),
        "action": "rectification",
        "copy_file": "portability-1000017.json",
        "copy_size": 12345,
        "copy_sha256": "ab" * 32,
        "erasure": ERASED,
    }
    return StepLetter(**(values | extra))  # type: ignore[arg-type]


def test_every_word_exists_in_three_languages_with_the_same_placeholders() -> None:
    for key, texts in S.items():
        assert len(texts) == 3 and all(t.strip() for t in texts), key
        fields = {frozenset(re.findall(r"\{(\w+)\}", t)) for t in texts}
        assert len(fields) == 1, key


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_renders_with_the_address_in_the_window(
    kind: LetterKind, language: Language
) -> None:
    pdf = render_step_letter(_letter(kind, language), invariant=True).pdf
    first = runs(pdf)
    for line in ADDRESS:
        [run] = [r for r in first if r.text == line]
        assert abs(run.x_mm - 20) < 0.5 and 45 <= run.top_mm <= 75
    text = squeezed(pages(pdf))
    assert "AnttiRiuttala" in text and "0505991101" in text
    if kind in (LetterKind.REFUSAL, LetterKind.EXTENSION):
        assert "<kirjanpitolaki>&tositteet" in text  # staff's words as typed


def test_the_closing_gives_the_contact_e_mail_when_there_is_one() -> None:
    from dataclasses import replace

    info = replace(DEFAULT, contact_email="rekisteri@example.fi")
    pdf = render_step_letter(_letter(LetterKind.ACKNOWLEDGEMENT, Language.FI, register=info)).pdf
    assert "rekisteri@example.fi" in pages(pdf)[0]


def test_the_refusal_names_the_ombudsman_from_the_settings() -> None:
    from dataclasses import replace

    info = replace(DEFAULT, authority_address=("PB 800", "00531 HELSINGFORS"))
    pdf = render_step_letter(_letter(LetterKind.REFUSAL, Language.SV, register=info)).pdf
    text = pages(pdf)[0]
    assert "PB 800" in text and "00531 HELSINGFORS" in text and "tingsrätten" in text


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_declares_its_language_and_keeps_the_customer_number_out_of_metadata(
    kind: LetterKind, language: Language
) -> None:
    data = _letter(kind, language, reference="", customer_number="1000017")
    pdf = render_step_letter(data, invariant=True).pdf
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == language.value
    meta = reader.metadata or {}
    assert meta.get("/Title")  # the document and the register are named
    for key in ("/Title", "/Subject", "/Keywords", "/Author"):
        assert "1000017" not in str(meta.get(key, ""))
        assert "Möttönen" not in str(meta.get(key, ""))
    assert "1000017" in squeezed(pages(pdf))  # printed as the letter's reference only
    # Only the embedded fonts it prints in are referenced (no unused Helvetica).
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", pdf))
    assert fonts == {b"AAAAAA+DejaVuSans", b"AAAAAA+DejaVuSans-Bold"}


def test_a_swedish_refusal_names_the_ombudsman_in_swedish() -> None:
    """The complaint address is the one the letter's reader uses: PB 800, 00531 HELSINGFORS
    in Swedish (register setting authority_address_sv), PL 800, 00531 HELSINKI otherwise."""
    sv = squeezed(pages(render_step_letter(_letter(LetterKind.REFUSAL, Language.SV)).pdf))
    assert "00531HELSINGFORS" in sv and "00531HELSINKI" not in sv  # squeezed: no spaces
    fi = squeezed(pages(render_step_letter(_letter(LetterKind.REFUSAL, Language.FI)).pdf))
    assert "00531HELSINKI" in fi
