"""Which tables and columns an offline snapshot made at a user level holds.

This is the one place that says what a level may take offline. The customer's and contact
persons' columns come from the data catalogue (:mod:`kkdesk.domain.catalogue`, each
field's ``readable_by``, which the security migration grants), and the other tables from
the levels' capabilities (:mod:`kkdesk.domain.levels`), which mirror the migration's table
grants. A test on PostgreSQL checks every table and column named here against the
server's own privileges for each level.
"""

from __future__ import annotations

from kkdesk.domain import catalogue
from kkdesk.domain.catalogue import Table
from kkdesk.domain.levels import Capability, Level, can
from kkdesk.store.models import Base

# The tables of a customer's orders (read with READ_ORDERS).
ORDER_TABLES = (
    "customer_order",
    "order_line",
    "delivery",
    "order_return",
    "return_line",
    "order_correction",
)
# Tables that only index what the customer's own row holds, for search: every level that
# searches reads them (as their migration grants), and a snapshot takes them if the
# register has them.
SEARCH_TABLES = ("search_word",)
# How each archived letter was sent, where the register records it: read with the letters.
LETTER_TABLES = ("letter_sending",)
# Erasure records and legal holds (migration 0017): read by the levels that handle requests.
ERASURE_TABLES = ("erasure", "legal_hold")

# Restrictions of processing (GDPR Art. 18): every level reads them (0019), so an offline
# copy shows the marker too. Copied by customer like the search tables.
RESTRICTION_TABLES = ("processing_restriction",)
# Readable online but never taken offline, decided here rather than by omission: the log of
# merges (migration 0020) links two customer rows, one of them a blanked merged-away
# record that is never in a snapshot, so a copy would hold keys to rows it lacks; the
# kept record's change history already says what the merge changed.
ONLINE_ONLY_TABLES = ("customer_merge",)
# Every table this module decides about. A register table not named here (one added
# after this module was written) is neither taken nor refused: offline it is empty.
KNOWN_TABLES = frozenset(
    {
        "customer",
        "contact_person",
        "consent_event",
        "suppression",
        "register_setting",
        "personal_data_change",
        *ORDER_TABLES,
        "disclosure",
        "disclosure_customer",
        "subject_request",
        "request_letter",
        "audit_event",
        *SEARCH_TABLES,
        *LETTER_TABLES,
        *ERASURE_TABLES,
        *RESTRICTION_TABLES,
        *ONLINE_ONLY_TABLES,
    }
)


def readable_fields(level: Level) -> dict[str, tuple[str, ...] | None]:
    """Table → the columns ``level`` may read (None: all of them); a table that is not
    listed is not readable at that level and stays empty in a snapshot."""
    customer = catalogue.readable_columns(Table.CUSTOMER, level)
    fields: dict[str, tuple[str, ...] | None] = {
        "customer": customer,
        "contact_person": catalogue.readable_columns(Table.CONTACT_PERSON, level),
        "consent_event": None,
        "suppression": None,
        "register_setting": None,
    }
    fields |= {t: None for t in SEARCH_TABLES if t in Base.metadata.tables}
    for t in RESTRICTION_TABLES:
        if t in Base.metadata.tables:
            # Without the requests and letters, their links stay empty (no dangling keys).
            links = ("request_id", "notice_letter_id")
            fields[t] = (
                None
                if can(level, Capability.SUBJECT_REPORTS)
                else tuple(c.name for c in Base.metadata.tables[t].columns if c.name not in links)
            )
    if customer is None:
        # The change history holds old and new values of every customer column: only a
        # level that reads all of them reads it.
        fields["personal_data_change"] = None
    if can(level, Capability.READ_ORDERS):
        fields |= dict.fromkeys(ORDER_TABLES)
    if can(level, Capability.SUBJECT_REPORTS) or can(level, Capability.MARKETING_EXPORT):
        fields |= {"disclosure": None, "disclosure_customer": None}
    if can(level, Capability.SUBJECT_REPORTS):
        fields |= {"subject_request": None, "request_letter": None}
        fields |= {t: None for t in LETTER_TABLES if t in Base.metadata.tables}
        fields |= {t: None for t in ERASURE_TABLES if t in Base.metadata.tables}
    if can(level, Capability.READ_AUDIT):
        fields["audit_event"] = None
    return fields
