"""Address-update files from update services (register description, section 6): the
file format, its parsing and validation, and the rules that match each row to a customer.

An update service (Posti's address-change service, the population register's) sends a CSV
of address changes. Each row names a customer by number, or by name and old address, and
gives the new address and the date it is valid from. The new-address columns are the
catalogue's update-service fields (:func:`kkdesk.domain.catalogue.update_service_fields`),
each as ``new_<field>``: nothing here lists them by hand.

Two kinds of problem, kept apart on purpose:

* a **malformed file** (not UTF-8, a missing column, broken quoting, a line with the wrong
  number of cells) is refused whole with line-numbered errors (:class:`FileRefused`):
  nothing of it is applied, as a file cut short or shifted by a column would otherwise
  write wrong addresses;
* an **invalid row** (a wrong postal code, a bad date, no way to find the customer) is one
  outcome of the preview, with its line number and reason; the rest can still be applied.

Matching (:func:`classify`) is pure: the store fetches the candidates, this decides.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from kkdesk.domain.catalogue import Table, update_service_fields
from kkdesk.domain.search import fold, name_keys
from kkdesk.domain.validation import (
    FieldInvalid,
    clean_text,
    validate_country,
    validate_name,
    validate_postal_code,
)
from kkdesk.errors import KnownError

# The customer's fields an update service may change, in the catalogue's order.
UPDATE_FIELDS: tuple[str, ...] = tuple(f.name for f in update_service_fields(Table.CUSTOMER))
# An address is only usable whole: these must be in every file and every row. Other
# update-service fields (the country) are optional columns; absent, they stay as they are.
REQUIRED_NEW: tuple[str, ...] = tuple(
    n for n in ("street", "postal_code", "post_office") if n in UPDATE_FIELDS
)
NEW_COLUMNS: tuple[str, ...] = tuple(f"new_{n}" for n in UPDATE_FIELDS)
NUMBER_COLUMN = "customer_number"
# How a row without a customer number names its customer.
NAME_COLUMNS: tuple[str, ...] = ("surname", "first_names", "company_name")
OLD_ADDRESS_COLUMNS: tuple[str, ...] = ("old_street", "old_postal_code")
VALID_FROM = "valid_from"
KNOWN_COLUMNS: frozenset[str] = frozenset(
    {NUMBER_COLUMN, *NAME_COLUMNS, *OLD_ADDRESS_COLUMNS, *NEW_COLUMNS, VALID_FROM}
)
SOURCE_MAX = 100
# A refused file lists at most this many problems: the first ones say what is wrong.
MAX_FILE_ERRORS = 50


class FileRefused(KnownError):
    """The file cannot be read as an address-update file; nothing of it is applied.
    ``errors`` holds (line, reason code, message) tuples, line 0 for the whole file."""

    def __init__(self, errors: Sequence[tuple[int, str, str]]) -> None:
        first = errors[0] if errors else (0, "empty", "the file is empty")
        lines = "; ".join(f"line {n}: {m}" if n else m for n, _, m in errors[:5])
        super().__init__(
            f"The address-update file was refused and nothing was changed: {lines}",
            code="address_file_refused",
            line=first[0],
            count=len(errors),
        )
        self.errors = tuple(errors)


class Category(StrEnum):
    """What the import does with one row, as the preview lists them."""

    CHANGED = "changed"  # matched, and the address differs: applied
    CURRENT = "current"  # matched, the register already has this address
    AMBIGUOUS = "ambiguous"  # several customers fit, or the file has the customer twice
    NOT_FOUND = "not_found"
    INVALID = "invalid"  # the row's values are wrong (its reason says how)
    PROHIBITED = "prohibited"  # the person prohibits updating of their data


CATEGORIES: tuple[Category, ...] = tuple(Category)


@dataclass(frozen=True)
class UpdateRow:
    """One valid row of the file, cleaned."""

    line: int
    number: str  # "" when the row names its customer by name and old address
    name_key: str  # the folded name (as the customer's ``name_key``), or ""
    old_street: str
    old_postal_code: str
    new: tuple[tuple[str, str], ...]  # (field, value) for each update-service column given
    valid_from: date

    @property
    def by_number(self) -> bool:
        return bool(self.number)

    def new_value(self, name: str) -> str | None:
        return dict(self.new).get(name)


@dataclass(frozen=True)
class InvalidRow:
    line: int
    reason: str  # a stable code: the column at fault ("new_postal_code") or the problem
    message: str  # English, for the command line and the log
    problem: str = ""  # the validator's code for the column ("postal_code_fi"), if any


@dataclass(frozen=True)
class ParsedFile:
    rows: tuple[UpdateRow, ...]
    invalid: tuple[InvalidRow, ...]
    columns: tuple[str, ...]

    @property
    def line_count(self) -> int:
        return len(self.rows) + len(self.invalid)


@dataclass(frozen=True)
class Candidate:
    """What matching needs of one live customer (fetched by the store)."""

    id: int
    number: str
    name_key: str
    street: str
    postal_code: str
    post_office: str
    country: str
    prohibits_updates: bool
    # Under a restriction of processing (Art. 18): stored only, so never updated either;
    # listed with the skipped ones (reason "restricted").
    restricted: bool = False

    def value(self, name: str) -> str:
        return str(getattr(self, name))


@dataclass(frozen=True)
class Outcome:
    """What the import does with one line of the file."""

    line: int
    category: Category
    number: str = ""  # the matched customer, when one was
    customer_id: int | None = None
    reason: str = ""  # a stable code for the invalid, ambiguous and not found
    message: str = ""
    problem: str = ""  # an invalid value's validation code (kkdesk.domain.validation)
    # (field, old, new) for each field that changes (CHANGED only)
    changes: tuple[tuple[str, str, str], ...] = ()
    valid_from: date | None = None


@dataclass(frozen=True)
class Preview:
    """Every line's outcome, in file order, and the count of each category."""

    source: str
    outcomes: tuple[Outcome, ...]
    counts: Mapping[Category, int] = field(default_factory=dict)

    @property
    def changes(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.category is Category.CHANGED)

    def count(self, category: Category) -> int:
        return self.counts.get(category, 0)


def make_preview(source: str, outcomes: Iterable[Outcome]) -> Preview:
    ordered = tuple(sorted(outcomes, key=lambda o: o.line))
    found = Counter(o.category for o in ordered)
    return Preview(source, ordered, {c: found.get(c, 0) for c in CATEGORIES})


def clean_source(value: str) -> str:
    """The update service's name as it goes into the change history (required)."""
    try:
        name = clean_text(value, max_len=SOURCE_MAX)
    except FieldInvalid as exc:
        raise KnownError(
            f"The update service's name {exc.message}.", code="address_source_invalid"
        ) from exc
    if not name:
        raise KnownError(
            "Name the update service the file came from (--source).",
            code="address_source_missing",
        )
    return name


def _is_customer_number(text: str) -> bool:
    """:func:`kkdesk.domain.search.is_customer_number`, at a tenth of its cost (a file of a
    hundred thousand rows spent seconds in the general Luhn check; a test holds the two
    equal)."""
    if len(text) < 7 or not text.isascii() or not text.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(text)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# --- parsing --------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileRefused(
            [(line, "encoding", "is not UTF-8 text (save the file as UTF-8)")]
        ) from exc


def _dialect(header: str) -> str:
    # Finnish spreadsheets write ";"; update services often ",". The header decides.
    return ";" if header.count(";") >= header.count(",") else ","


def _header(cells: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    columns = [c.strip().lower() for c in cells]
    errors: list[tuple[int, str, str]] = []
    unknown = [c for c in columns if c not in KNOWN_COLUMNS]
    if unknown:
        errors.append((1, "unknown_column", f"unknown column(s): {', '.join(unknown)}"))
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:
        errors.append((1, "duplicate_column", f"column(s) given twice: {', '.join(twice)}"))
    missing = [f"new_{n}" for n in REQUIRED_NEW if f"new_{n}" not in columns]
    if VALID_FROM not in columns:
        missing.append(VALID_FROM)
    by_name = "surname" in columns or "company_name" in columns
    if NUMBER_COLUMN not in columns and not (
        by_name and all(c in columns for c in OLD_ADDRESS_COLUMNS)
    ):
        missing.append(f"{NUMBER_COLUMN} (or surname/company_name, old_street, old_postal_code)")
    if missing:
        errors.append((1, "missing_column", f"missing column(s): {', '.join(missing)}"))
    return columns, errors


def parse(data: bytes) -> ParsedFile:
    """The file's rows, each valid or invalid; :class:`FileRefused` if the file is
    malformed (then nothing of it may be applied)."""
    text = _decode(data)
    if not text.strip():
        raise FileRefused([(0, "empty", "the file is empty")])
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(first_line),
                        strict=True)  # fmt: skip
    errors: list[tuple[int, str, str]] = []
    rows: list[UpdateRow] = []
    invalid: list[InvalidRow] = []
    columns: list[str] = []
    line = 1  # the physical line a record starts on
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not columns:
                columns, header_errors = _header(cells)
                if header_errors:
                    raise FileRefused(header_errors)
                continue
            if not cells or all(not c.strip() for c in cells):
                continue  # blank lines, a trailing newline
            if len(cells) != len(columns):
                errors.append((start, "cell_count",
                               f"has {len(cells)} cells, the header {len(columns)}"))  # fmt: skip
                if len(errors) >= MAX_FILE_ERRORS:
                    break
                continue
            parsed = parse_row(start, dict(zip(columns, cells, strict=True)))
            if isinstance(parsed, UpdateRow):
                rows.append(parsed)
            else:
                invalid.append(parsed)
    except csv.Error as exc:
        errors.append((reader.line_num or line, "broken_line", f"cannot be read: {exc}"))
    if errors:
        raise FileRefused(errors)
    if not columns:
        raise FileRefused([(0, "empty", "the file is empty")])
    return ParsedFile(tuple(rows), tuple(invalid), tuple(columns))


def parse_date(value: str) -> date:
    """ISO (2026-03-01) or the Finnish way (1.3.2026)."""
    value = value.strip()
    try:
        if "." in value:
            d, m, y = value.split(".")
            return date(int(y), int(m), int(d))
        return date.fromisoformat(value)
    except ValueError as exc:
        raise FieldInvalid("date", f"'{value}' is not a date (2026-03-01 or 1.3.2026)") from exc


def parse_row(line: int, cells: Mapping[str, str]) -> UpdateRow | InvalidRow:
    """One record of the file (``cells`` by column name), validated and cleaned."""

    def bad(reason: str, message: str, problem: str = "") -> InvalidRow:
        return InvalidRow(line, reason, message, problem)

    try:
        number = "".join((cells.get(NUMBER_COLUMN) or "").split())
        if number and not _is_customer_number(number):
            return bad("customer_number", f"customer number {number} is not valid")
        name_key = ""
        old_street = old_postal = ""
        if not number:
            surname = validate_name(cells.get("surname", ""), required=False)
            first = validate_name(cells.get("first_names", ""), required=False)
            company = validate_name(cells.get("company_name", ""), required=False)
            name_key = name_keys(surname, first, "" if surname else company)[0]
            old_street = fold(clean_text(cells.get("old_street", "")))
            old_postal = " ".join((cells.get("old_postal_code") or "").upper().split())
            if not name_key or not old_street or not old_postal:
                return bad("no_key", "needs a customer number, or a name and the old address")
        new: dict[str, str] = {}
        country = "FI"
        if "new_country" in cells:
            given = (cells.get("new_country") or "").strip()
            if given:
                try:
                    country = validate_country(given)
                except FieldInvalid as exc:
                    return bad("new_country", f"new_country {exc.message}", exc.code)
                new["country"] = country
        for name in UPDATE_FIELDS:
            column = f"new_{name}"
            if name == "country" or column not in cells:
                continue
            raw = cells[column]
            try:
                # Normalised as validate_customer does (a test holds them equal), so that an
                # address already current compares equal.
                if name == "postal_code":
                    value = validate_postal_code(raw, country)
                elif name == "post_office":
                    value = clean_text(raw).upper()
                else:
                    value = clean_text(raw)
            except FieldInvalid as exc:
                return bad(f"new_{name}", f"{column} {exc.message}", exc.code)
            if not value and name in REQUIRED_NEW:
                return bad(f"new_{name}", f"{column} is required", "required")
            new[name] = value
        valid_from = parse_date(cells.get(VALID_FROM, ""))
    except FieldInvalid as exc:
        return bad(exc.code, exc.message)
    ordered = tuple((n, new[n]) for n in UPDATE_FIELDS if n in new)
    return UpdateRow(line, number, name_key, old_street, old_postal, ordered, valid_from)


# --- matching -------------------------------------------------------------------------


def name_address_key(row: UpdateRow) -> tuple[str, str]:
    """What the store looks a row without a number up by: (postal code, name key)."""
    return row.old_postal_code, row.name_key


def fits(row: UpdateRow, c: Candidate) -> bool:
    """Whether customer ``c`` is the one a name-and-old-address row means."""
    return (
        c.name_key == row.name_key
        and c.postal_code == row.old_postal_code
        and fold(c.street) == row.old_street
    )


def classify(
    parsed: ParsedFile,
    by_number: Mapping[str, Candidate],
    by_name: Mapping[tuple[str, str], Sequence[Candidate]],
) -> list[Outcome]:
    """Every line's outcome. ``by_number`` holds the live customers of the file's numbers,
    ``by_name`` those under each (postal code, name key) the number-less rows name."""
    out: list[Outcome] = [
        Outcome(r.line, Category.INVALID, reason=r.reason, message=r.message, problem=r.problem)
        for r in parsed.invalid
    ]
    matched: list[tuple[UpdateRow, Candidate]] = []
    for row in parsed.rows:
        if row.by_number:
            found = by_number.get(row.number)
            hits = [found] if found is not None else []
        else:
            hits = [c for c in by_name.get(name_address_key(row), ()) if fits(row, c)]
        if not hits:
            out.append(Outcome(row.line, Category.NOT_FOUND, reason="not_found",
                               message="no customer fits this row"))  # fmt: skip
        elif len(hits) > 1:
            numbers = ", ".join(sorted(c.number for c in hits))
            out.append(Outcome(row.line, Category.AMBIGUOUS, reason="several_customers",
                               message=f"several customers fit: {numbers}"))  # fmt: skip
        else:
            matched.append((row, hits[0]))
    lines_of: dict[int, list[int]] = defaultdict(list)
    for row, c in matched:
        lines_of[c.id].append(row.line)
    for row, c in matched:
        others = [n for n in lines_of[c.id] if n != row.line]
        if others:
            out.append(Outcome(row.line, Category.AMBIGUOUS, c.number, c.id, "twice_in_file",
                               "the file changes this customer also on line(s) "
                               + ", ".join(map(str, others))))  # fmt: skip
            continue
        if c.prohibits_updates:
            out.append(Outcome(row.line, Category.PROHIBITED, c.number, c.id, "prohibited",
                               "the person prohibits updating of their data"))  # fmt: skip
            continue
        if c.restricted:
            out.append(Outcome(row.line, Category.PROHIBITED, c.number, c.id, "restricted",
                               "the processing of the person's data is restricted "
                               "(GDPR Art. 18)"))  # fmt: skip
            continue
        changes = tuple((n, c.value(n), v) for n, v in row.new if c.value(n) != v)
        category = Category.CHANGED if changes else Category.CURRENT
        out.append(Outcome(row.line, category, c.number, c.id, changes=changes,
                           valid_from=row.valid_from))  # fmt: skip
    return out


def source_detail(source: str, valid_from: date | None) -> str:
    """The change history's source detail of one applied change."""
    detail = source if valid_from is None else f"{source}, valid from {valid_from.isoformat()}"
    return detail[:200]
