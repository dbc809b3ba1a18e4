"""The record sections a level may read agree with what the central database grants."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import kkdesk.store
from kkdesk.domain.levels import SECTION_READERS, Level, may_read_section

# The table whose SELECT grant decides each section (disclosure_customer and the order
# tables follow their first table).
SECTION_TABLES = {
    "customer": "customer",
    "change_history": "personal_data_change",
    "orders": "customer_order",
    "requests": "subject_request",
    "consents": "consent_event",
    "disclosures": "disclosure",
}


def _grants() -> dict[str, dict[str, tuple[str, ...]]]:
    folder = Path(kkdesk.store.__file__).parent / "migrations" / "versions"
    path = next(folder.glob("0002_*.py"))
    spec = importlib.util.spec_from_file_location("m0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PRIVILEGES  # type: ignore[no-any-return]


def test_section_readers_match_the_server_grants() -> None:
    grants = _grants()
    assert set(SECTION_READERS) == set(SECTION_TABLES)
    for section, table in SECTION_TABLES.items():
        for level in Level:
            if level is Level.ADMIN:
                # Admin is a member of every other level's role.
                assert may_read_section(level, section)
                continue
            privileges = grants[table].get(f"kkdesk_{level.value}", ())
            reads = any(p.startswith("SELECT") for p in privileges)
            assert may_read_section(level, section) is reads, (section, level)


def test_an_unknown_section_is_not_withheld() -> None:
    assert may_read_section(Level.VIEWER, "a_future_section")
