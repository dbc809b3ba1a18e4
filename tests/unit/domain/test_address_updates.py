"""Address-update files: parsing, validation and matching, without a database."""

from __future__ import annotations

from datetime import date

import pytest

from kkdesk.domain import address_updates as au
from kkdesk.domain.catalogue import Table, update_service_fields
from kkdesk.domain.search import customer_number, name_keys

N1, N2, N3 = customer_number(1), customer_number(2), customer_number(3)
HEADER = (
    "customer_number;surname;first_names;old_street;old_postal_code;"
    "new_street;new_postal_code;new_post_office;valid_from\n"
)


def cand(
    id_: int, surname: str, first: str, street: str, postal: str, **kw: object
) -> au.Candidate:
    values: dict[str, object] = {
        "id": id_,
        "number": customer_number(id_),
        "name_key": name_keys(surname, first, "")[0],
        "street": street,
        "postal_code": postal,
        "post_office": "HELSINKI",
        "country": "FI",
        "prohibits_updates": False,
    }
    values.update(kw)
    return au.Candidate(**values)  # type: ignore[arg-type]


def test_the_new_columns_are_the_catalogues_update_service_fields() -> None:
    names = tuple(f.name for f in update_service_fields(Table.CUSTOMER))
    assert names == au.UPDATE_FIELDS
    assert tuple(f"new_{n}" for n in names) == au.NEW_COLUMNS
    assert set(au.REQUIRED_NEW) <= set(names)


def test_rows_by_number_and_by_name_are_parsed_and_cleaned() -> None:
    data = (
        HEADER
        + f"{N1};;;;;Uusikatu  2 B;00200;Helsinki;2026-03-01\n"
        + ";Möttönen;Aino;Vanha tie 1;00100;Uusi tie 5;02100;Espoo;1.4.2026\n"
    ).encode()
    parsed = au.parse(data)
    assert parsed.invalid == ()
    first, second = parsed.rows
    assert (first.line, first.number, first.valid_from) == (2, N1, date(2026, 3, 1))
    assert first.new_value("street") == "Uusikatu 2 B"
    assert (second.number, second.name_key) == ("", "mottonen aino")
    assert (second.old_street, second.old_postal_code) == ("vanha tie 1", "00100")
    assert second.valid_from == date(2026, 4, 1)


def test_invalid_rows_carry_their_line_and_reason() -> None:
    data = (
        (
            HEADER
            + f"{N1};;;;;Katu 1;123;Helsinki;2026-03-01\n"  # postal code
            + f"{N1[:-1]}0;;;;;Katu 1;00100;Helsinki;2026-03-01\n"  # check digit
            + f"{N2};;;;;;00100;Helsinki;2026-03-01\n"  # no street
            + f"{N3};;;;;Katu 1;00100;Helsinki;31.2.2026\n"  # date
            + ";Laine;;;00100;Katu 1;00100;Helsinki;2026-03-01\n"  # no old street
            + f"{N3};;;;;Katu\x1b 1;00100;Helsinki;2026-03-01\n"  # control character
        ).encode()
    )
    parsed = au.parse(data)
    assert parsed.rows == ()
    assert [(r.line, r.reason) for r in parsed.invalid] == [
        (2, "new_postal_code"),
        (3, "customer_number"),
        (4, "new_street"),
        (5, "date"),
        (6, "no_key"),
        (7, "new_street"),
    ]


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        ((HEADER + f"{N1};;;;;Katu 1;00100;Helsinki;2026-03-01\n").encode("latin-1")
         + "Å".encode("latin-1"), 3, "encoding"),
        (b"customer_number;new_street;new_postal_code;valid_from\n", 1, "missing_column"),
        (b"customer_number;new_street;new_postal_code;new_post_office;valid_from;shoe\n", 1,
         "unknown_column"),
        ((HEADER + f'{N1};;;;;"Katu 1;00100;Helsinki;2026-03-01\n').encode(), 2, "broken_line"),
        ((HEADER + f"{N1};;;;;Katu 1;00100;2026-03-01\n").encode(), 2, "cell_count"),
        (b"", 0, "empty"),
    ],
)  # fmt: skip
def test_a_malformed_file_is_refused_whole(data: bytes, line: int, reason: str) -> None:
    with pytest.raises(au.FileRefused) as caught:
        au.parse(data)
    assert (caught.value.errors[0][0], caught.value.errors[0][1]) == (line, reason)
    assert caught.value.code == "address_file_refused"


def test_a_broken_line_refuses_the_file_even_after_good_ones() -> None:
    good = f"{N1};;;;;Katu 1;00100;Helsinki;2026-03-01\n"
    data = (HEADER + good * 3 + f"{N2};;;;;Katu 1;00100\n" + good).encode()
    with pytest.raises(au.FileRefused) as caught:
        au.parse(data)
    assert caught.value.errors == ((5, "cell_count", "has 7 cells, the header 9"),)


def test_a_comma_separated_file_with_a_bom_and_crlf_is_read() -> None:
    data = (
        "\ufeffcustomer_number,new_street,new_postal_code,new_post_office,valid_from\r\n"
        f'{N1},"Katu 1, as 3",00100,Helsinki,2026-03-01\r\n'
    ).encode()
    (row,) = au.parse(data).rows
    assert row.new_value("street") == "Katu 1, as 3"


def test_classify_sorts_every_row_into_its_category() -> None:
    data = (
        HEADER
        + f"{N1};;;;;Uusi 1;00200;Helsinki;2026-03-01\n"  # changed
        + f"{N2};;;;;Vanha 2;00100;Helsinki;2026-03-01\n"  # already current
        + ";Laine;Liisa;Kotikatu 1;00100;Uusi 3;00300;Helsinki;2026-03-01\n"  # ambiguous
        + f"{customer_number(99)};;;;;Uusi 4;00100;Helsinki;2026-03-01\n"  # not found
        + f"{N3};;;;;Uusi 5;00100;Helsinki;2026-03-01\n"  # prohibited
        + f"{N1};;;;;Uusi 6;00100;Helsinki;bad\n"  # invalid
    ).encode()
    parsed = au.parse(data)
    c1 = cand(1, "Aalto", "Aino", "Vanha 1", "00100")
    c2 = cand(2, "Berg", "Bo", "Vanha 2", "00100")
    c3 = cand(3, "Cedér", "Cia", "Vanha 3", "00100", prohibits_updates=True)
    twins = [cand(10, "Laine", "Liisa", "Kotikatu 1", "00100"),
             cand(11, "Laine", "Liisa", "KOTIKATU 1", "00100")]  # fmt: skip
    by_number = {c.number: c for c in (c1, c2, c3)}
    by_name = {("00100", "laine liisa"): twins}
    preview = au.make_preview("Posti", au.classify(parsed, by_number, by_name))
    assert [(o.line, o.category) for o in preview.outcomes] == [
        (2, au.Category.CHANGED),
        (3, au.Category.CURRENT),
        (4, au.Category.AMBIGUOUS),
        (5, au.Category.NOT_FOUND),
        (6, au.Category.PROHIBITED),
        (7, au.Category.INVALID),
    ]
    assert preview.outcomes[0].changes == (("street", "Vanha 1", "Uusi 1"),
                                           ("postal_code", "00100", "00200"))  # fmt: skip
    assert preview.count(au.Category.CHANGED) == 1
    assert sum(preview.counts.values()) == 6


def test_a_name_row_matches_one_customer_by_folded_name_and_old_street() -> None:
    parsed = au.parse(
        (HEADER + ";MÖTTÖNEN;aino;vanha  TIE 1;00100;Uusi 1;00200;Espoo;2026-03-01\n").encode()
    )
    right = cand(1, "Möttönen", "Aino", "Vanha tie 1", "00100")
    moved = cand(2, "Möttönen", "Aino", "Muu tie 9", "00100")
    (outcome,) = au.classify(parsed, {}, {("00100", "mottonen aino"): [right, moved]})
    assert (outcome.category, outcome.number) == (au.Category.CHANGED, right.number)


def test_a_customer_twice_in_the_file_is_ambiguous_on_both_lines() -> None:
    row = f"{N1};;;;;Uusi 1;00200;Helsinki;2026-03-01\n"
    parsed = au.parse((HEADER + row + row).encode())
    outcomes = au.classify(parsed, {N1: cand(1, "A", "B", "x", "00100")}, {})
    assert [(o.category, o.reason) for o in outcomes] == [
        (au.Category.AMBIGUOUS, "twice_in_file"),
        (au.Category.AMBIGUOUS, "twice_in_file"),
    ]


def test_the_source_is_required_and_one_line() -> None:
    assert au.clean_source("  Posti   osoitepalvelu ") == "Posti osoitepalvelu"
    for bad in ("", "   ", "x\x1by"):
        with pytest.raises(au.KnownError):
            au.clean_source(bad)
    assert au.source_detail("Posti", date(2026, 3, 1)) == "Posti, valid from 2026-03-01"


def test_new_values_are_normalised_as_a_customer_save_normalises_them() -> None:
    from kkdesk.domain.customer import CustomerDraft
    from kkdesk.domain.validation import validate_customer

    data = (HEADER + f"{N1};;;;;  uusikatu   2 ;00200; helsinki ;2026-03-01\n").encode()
    (row,) = au.parse(data).rows
    saved = validate_customer(
        CustomerDraft(surname="A", first_names="B", street="  uusikatu   2 ", postal_code="00200",
                      post_office=" helsinki "),
        date(2026, 1, 1),
    )  # fmt: skip
    assert dict(row.new) == {n: getattr(saved, n) for n in ("street", "postal_code", "post_office")}


def test_the_quick_number_check_is_the_searchs_own() -> None:
    from kkdesk.domain.search import is_customer_number

    samples = [customer_number(i) for i in range(1, 3000, 7)]
    samples += [s[:-1] + str((int(s[-1]) + 1) % 10) for s in samples[:200]]
    samples += ["", "123", "１２３４５６７", "100001x", "0000000", "99999999999999"]
    for text in samples:
        assert au._is_customer_number(text) == is_customer_number(text), text
