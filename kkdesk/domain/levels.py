"""User levels of the back office (register description, section 8: "different user
levels"). On PostgreSQL each is a group role that holds the grants; on the embedded
SQLite database the level comes from the desk's settings."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    VIEWER = "viewer"
    CLERK = "clerk"
    MARKETING = "marketing"
    PRIVACY = "privacy"
    ADMIN = "admin"


class Capability(StrEnum):
    READ_CUSTOMERS = "read_customers"
    READ_ORDERS = "read_orders"
    READ_BIRTH_DATES = "read_birth_dates"
    EDIT_CUSTOMERS = "edit_customers"
    EDIT_ORDERS = "edit_orders"
    RECORD_CONSENTS = "record_consents"
    MARKETING_EXPORT = "marketing_export"
    SUBJECT_REPORTS = "subject_reports"
    ERASE = "erase"
    READ_AUDIT = "read_audit"
    MANAGE_USERS = "manage_users"
    EDIT_REGISTER_SETTINGS = "edit_register_settings"
    # Erase customers past the relationship period, remove vouchers and letters past
    # theirs (kkdesk retention run): privacy and admin, as the server's grants say.
    RUN_RETENTION = "run_retention"

    # Merging two records of one person into one (issue 15): irreversible.
    MERGE_CUSTOMERS = "merge_customers"


_C = Capability
CAPABILITIES: dict[Level, frozenset[Capability]] = {
    Level.VIEWER: frozenset({_C.READ_CUSTOMERS, _C.READ_ORDERS, _C.READ_BIRTH_DATES}),
    Level.CLERK: frozenset(
        {
            _C.READ_CUSTOMERS,
            _C.READ_ORDERS,
            _C.READ_BIRTH_DATES,
            _C.EDIT_CUSTOMERS,
            _C.EDIT_ORDERS,
            _C.RECORD_CONSENTS,
        }
    ),
    Level.MARKETING: frozenset({_C.READ_CUSTOMERS, _C.MARKETING_EXPORT}),
    Level.PRIVACY: frozenset(
        {
            _C.READ_CUSTOMERS,
            _C.READ_ORDERS,
            _C.READ_BIRTH_DATES,
            _C.RECORD_CONSENTS,
            _C.SUBJECT_REPORTS,
            _C.ERASE,
            _C.READ_AUDIT,
            _C.RUN_RETENTION,
            _C.MERGE_CUSTOMERS,
        }
    ),
    # Everything but erasing a person: the privacy officer decides on a person's data, the
    # administrator runs the system (the central database refuses an administrator's
    # erasure too, migration 0017).
    Level.ADMIN: frozenset(Capability) - {_C.ERASE},
}


# What a read-only session (an offline snapshot) still allows: reading, and the letter
# preview of subject reports (whose archiving, printing and saving are writes or exports
# and are refused or disabled).
READ_ONLY_CAPABILITIES: frozenset[Capability] = frozenset(
    {
        _C.READ_CUSTOMERS,
        _C.READ_ORDERS,
        _C.READ_BIRTH_DATES,
        _C.SUBJECT_REPORTS,
        _C.READ_AUDIT,
    }
)


def can(level: Level, capability: Capability) -> bool:
    return capability in CAPABILITIES[level]


_ALL = frozenset(Level)
_RECORD_READERS = frozenset({Level.VIEWER, Level.CLERK, Level.PRIVACY, Level.ADMIN})
# Which levels may read each section of a customer's record (``kkdesk customer show``), as
# the central database grants the tables behind it (migrations 0002, 0005, 0012) and an
# offline snapshot's authorizer mirrors them. A record leaves out what its level may not
# read without asking the server (a refusal would cost a savepoint per section).
SECTION_READERS: dict[str, frozenset[Level]] = {
    "customer": _ALL,
    "change_history": _RECORD_READERS,
    "orders": _RECORD_READERS,
    "requests": frozenset({Level.PRIVACY, Level.ADMIN}),
    "consents": _ALL,
    "disclosures": frozenset({Level.MARKETING, Level.PRIVACY, Level.ADMIN}),
}


def may_read_section(level: Level, section: str) -> bool:
    """Whether ``level`` may read the record section ``section`` (unknown: yes)."""
    return level in SECTION_READERS.get(section, _ALL)
