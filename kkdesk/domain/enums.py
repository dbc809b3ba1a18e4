"""The closed vocabularies of the register, each value stable in storage and JSON."""

from __future__ import annotations

from enum import StrEnum


class CustomerType(StrEnum):
    PERSON = "person"
    COMPANY = "company"


class Language(StrEnum):
    """Language of correspondence (letters) and of the user interface."""

    FI = "fi"
    SV = "sv"
    EN = "en"


class DataSource(StrEnum):
    """Where a piece of personal data came from (register description, section 6)."""

    CUSTOMER_PHONE = "customer_phone"
    CUSTOMER_LETTER = "customer_letter"
    CUSTOMER_EMAIL = "customer_email"
    CUSTOMER_WEBSHOP = "customer_webshop"
    CUSTOMER_IN_PERSON = "customer_in_person"
    PUBLIC_SOURCE = "public_source"
    PARTNER = "partner"
    UPDATE_SERVICE = "update_service"

    @property
    def is_customer(self) -> bool:
        return self.value.startswith("customer_")


class Channel(StrEnum):
    """How a notification from the customer was received."""

    LETTER = "letter"
    EMAIL = "email"
    PHONE = "phone"
    WEBSHOP = "webshop"
    IN_PERSON = "in_person"


class Purpose(StrEnum):
    """Why a user opened a record: written on every audit row (GDPR Art. 5(1)(b))."""

    CUSTOMER_SERVICE = "customer_service"
    ORDER_HANDLING = "order_handling"
    SUBJECT_REQUEST = "subject_request"
    MARKETING = "marketing"
    ADMINISTRATION = "administration"
    # An authority's request based on law (register description, section 8): a disclosure
    # to an authority is logged with this purpose, not as customer service.
    AUTHORITY_REQUEST = "authority_request"


class AuditAction(StrEnum):
    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    REPORT = "report"
    EXPORT = "export"
    CONSENT = "consent"
    RETURN = "return"
    DELIVERY = "delivery"
    ERASE = "erase"
    MERGE = "merge"
