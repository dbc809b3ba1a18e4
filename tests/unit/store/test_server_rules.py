"""Migration 0004's frozen vocabularies equal the domain's, and its server-side customer
numbers equal kkdesk's own (checked without a server: the SQL is run by Python's rules)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from kkdesk.domain.consent import ConsentItem
from kkdesk.domain.disclosure import DisclosureKind
from kkdesk.domain.enums import Channel, CustomerType, DataSource, Language
from kkdesk.domain.orders import OrderStatus
from kkdesk.domain.subject_requests import RequestKind, RequestStatus
from kkdesk.store import security

VERSIONS = Path(__file__).parents[3] / "kkdesk" / "store" / "migrations" / "versions"


def _migration(revision: str = "0004") -> ModuleType:
    path = next(VERSIONS.glob(f"{revision}_*.py"))
    spec = importlib.util.spec_from_file_location(f"m{revision}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vocabularies_match_the_domain() -> None:
    m = _migration()
    pairs = (
        (m.CUSTOMER_TYPES, CustomerType),
        (m.LANGUAGES, Language),
        (m.DATA_SOURCES, DataSource),
        (m.CHANNELS, Channel),
        # 0016 added the prohibition of register updates to 0004's list.
        (_migration("0016").CONSENT_ITEMS, ConsentItem),
        (m.ORDER_STATUSES, OrderStatus),
        (m.DISCLOSURE_KINDS, DisclosureKind),
        (m.REQUEST_KINDS, RequestKind),
        (m.REQUEST_STATUSES, RequestStatus),
    )
    for frozen, enum in pairs:
        assert set(frozen) == {e.value for e in enum}, enum.__name__


def test_the_consent_lock_key_is_the_services() -> None:
    from kkdesk.services.consents import CONSENT_LOCK_SPACE

    assert str(CONSENT_LOCK_SPACE) in _migration().FUNCTIONS


def test_large_object_hardening_matches_the_docs_statement() -> None:
    m = _migration()
    for name in ("lo_create(oid)", "lo_from_bytea(oid, bytea)", "lo_unlink(oid)"):
        assert name in m.LARGE_OBJECTS and name in security.SIGNIN_DBA_HARDENING[0]
