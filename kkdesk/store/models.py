"""The register's tables as SQLAlchemy 2 typed ORM classes.

The schema itself is created and changed only by the Alembic migrations in
``kkdesk/store/migrations``; these classes must match them (a test compares the two).
Money is kept in integer cents and VAT rates in basis points, so that sums are exact on
SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kkdesk.store.types import UtcDateTime

# Search keys compare byte-wise so that "key >= q AND key < q || U+10FFFF" is a prefix
# range on both databases (PostgreSQL's default collation would reorder them).
KeyText = String().with_variant(String(collation="C"), "postgresql")

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(12), unique=True)
    type: Mapped[str] = mapped_column(String(10))
    customer_since: Mapped[date] = mapped_column(Date)
    surname: Mapped[str] = mapped_column(String(100), default="")
    first_names: Mapped[str] = mapped_column(String(100), default="")
    company_name: Mapped[str] = mapped_column(String(100), default="")
    business_id: Mapped[str] = mapped_column(String(9), default="", index=True)
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    post_office: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(2), default="FI")
    phone_home: Mapped[str] = mapped_column(String(16), default="", index=True)
    phone_work: Mapped[str] = mapped_column(String(16), default="", index=True)
    phone_mobile: Mapped[str] = mapped_column(String(16), default="", index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(2), default="fi")
    notes: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[str] = mapped_column(Text, default="{}")  # JSON object of str → str
    # Search keys, computed in Python (kkdesk.domain.search) on every write.
    name_key: Mapped[str] = mapped_column(KeyText, default="")
    name_key_rev: Mapped[str] = mapped_column(KeyText, default="")
    email_key: Mapped[str] = mapped_column(KeyText, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_by: Mapped[str] = mapped_column(String(100))
    erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # The record this one was merged into (migration 0020): its number is then an alias of
    # that record's. No foreign key (customers are never deleted; see the migration).
    merged_into: Mapped[int | None] = mapped_column(Integer)

    # An erased contact person's blank row stays (consent events name it) but is no longer
    # one of the customer's contact persons.
    contacts: Mapped[list[ContactPerson]] = relationship(
        back_populates="customer",
        order_by="ContactPerson.id",
        cascade="all, delete-orphan",
        primaryjoin="and_(Customer.id == ContactPerson.customer_id, "
        "ContactPerson.erased_at.is_(None))",
    )

    __mapper_args__ = {"version_id_col": version}
    # Each search is one keyset range scan over one of these, ordered as it is listed.
    __table_args__ = (
        Index("ix_customer_name_key_id", "name_key", "id"),
        Index("ix_customer_name_key_rev_id", "name_key_rev", "id"),
        Index("ix_customer_email_key_id", "email_key", "id"),
        Index("ix_customer_postal_code_name_key_id", "postal_code", "name_key", "id"),
        Index(
            "ix_customer_merged_into",
            "merged_into",
            postgresql_where=text("merged_into IS NOT NULL"),
            sqlite_where=text("merged_into IS NOT NULL"),
        ),
    )


class ContactPerson(Base):
    __tablename__ = "contact_person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    surname: Mapped[str] = mapped_column(String(100))
    first_names: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(200), default="")
    phone_work: Mapped[str] = mapped_column(String(16), default="", index=True)
    phone_mobile: Mapped[str] = mapped_column(String(16), default="", index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    email_key: Mapped[str] = mapped_column(KeyText, default="", index=True)
    name_key: Mapped[str] = mapped_column(KeyText, default="", index=True)
    name_key_rev: Mapped[str] = mapped_column(KeyText, default="", index=True)
    # Set when this contact person was erased (alone, or with their customer): the blank
    # row stays for the consent events that name it; PostgreSQL hides it (migration 0017).
    erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class SearchWord(Base):
    """One folded word a customer can be found by beyond its name key's start: later words
    of its name, its contact persons' names, its street and post office (see
    :func:`kkdesk.domain.search.search_words`). Rewritten with every save of the customer;
    gone with the customer (and must be deleted when a customer's data is erased).
    """

    __tablename__ = "search_word"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    ref: Mapped[int] = mapped_column(Integer, primary_key=True)  # contact person id, or 0
    word: Mapped[str] = mapped_column(KeyText, primary_key=True)
    # The customer's name key: hits of one word come in name order, straight off the index.
    sort_key: Mapped[str] = mapped_column(KeyText)
    phrase: Mapped[str] = mapped_column(KeyText)  # the whole folded field

    __table_args__ = (
        # On PostgreSQL it carries what a word search filters and returns (migration 0015),
        # so a common word's range is filtered without reading the table.
        Index(
            "ix_search_word_word_sort_key_customer_id",
            "word",
            "sort_key",
            "customer_id",
            postgresql_include=["kind", "ref", "phrase"],
        ),
    )


class PersonalDataChange(Base):
    """Change history of personal data: who, when, old → new, and the data's source.

    The latest row per field is also that field's current source (register description,
    section 6). Holds personal values, so erasure blanks it with the customer.
    """

    __tablename__ = "personal_data_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    contact_person_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(30))
    source_detail: Mapped[str] = mapped_column(String(200), default="")
    changed_by: Mapped[str] = mapped_column(String(100))
    # Indexed: who is due a notice of Art. 14 is read from the last months' changes only.
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class Order(Base):
    """An order. Kept for the accounting period even after the customer is erased:
    erasure sets ``customer_id`` to NULL and blanks the delivery addresses."""

    __tablename__ = "customer_order"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    ordered_at: Mapped[datetime] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(20), default="open")
    total_cents: Mapped[int] = mapped_column(Integer, default=0)
    # After the customer's erasure: the erasure whose pseudonymous reference the kept
    # order now carries instead of the customer (migration 0017).
    erasure_id: Mapped[int | None] = mapped_column(
        ForeignKey("erasure.id", ondelete="RESTRICT"), index=True
    )

    lines: Mapped[list[OrderLine]] = relationship(
        order_by="OrderLine.line_no", cascade="all, delete-orphan"
    )
    deliveries: Mapped[list[Delivery]] = relationship(
        order_by="Delivery.id", cascade="all, delete-orphan"
    )
    returns: Mapped[list[Return]] = relationship(order_by="Return.id", cascade="all, delete-orphan")
    # Read with the order; added through kkdesk.store.order_steps, never changed.
    corrections: Mapped[list[OrderCorrection]] = relationship(
        order_by="OrderCorrection.id", viewonly=True
    )

    __table_args__ = (
        Index("ix_customer_order_customer_id_ordered_at", "customer_id", "ordered_at"),
        # The retention run finds the orders past their accounting period (migration 0018).
        Index("ix_customer_order_ordered_at", "ordered_at"),
    )


class OrderLine(Base):
    __tablename__ = "order_line"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(
        ForeignKey("customer_order.id", ondelete="CASCADE"), index=True
    )
    line_no: Mapped[int] = mapped_column(Integer)
    product_code: Mapped[str] = mapped_column(String(30))
    product_name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_cents: Mapped[int] = mapped_column(Integer)  # including VAT
    vat_rate_bp: Mapped[int] = mapped_column(Integer)  # 2550 = 25.5 %


class Delivery(Base):
    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(
        ForeignKey("customer_order.id", ondelete="CASCADE"), index=True
    )
    shipped_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    carrier: Mapped[str] = mapped_column(String(50), default="")
    tracking_code: Mapped[str] = mapped_column(String(50), default="")
    recipient: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    post_office: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(2), default="FI")


class Return(Base):
    __tablename__ = "order_return"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(
        ForeignKey("customer_order.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(20), unique=True)
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime())
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    refunded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(String(500), default="")
    refund_cents: Mapped[int] = mapped_column(Integer, default=0)

    lines: Mapped[list[ReturnLine]] = relationship(cascade="all, delete-orphan")


class ReturnLine(Base):
    __tablename__ = "return_line"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(
        ForeignKey("order_return.id", ondelete="CASCADE"), index=True
    )
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_line.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)


class OrderCorrection(Base):
    """A correction of a step a clerk recorded (a delivery, a return received or
    refunded): what the step said, what is right, and why. Append-only: the step's row
    holds the current value, these rows how it came to be (migration 0012)."""

    __tablename__ = "order_correction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(
        ForeignKey("customer_order.id", ondelete="CASCADE"), index=True
    )
    step: Mapped[str] = mapped_column(String(30))
    delivery_id: Mapped[int | None] = mapped_column(ForeignKey("delivery.id", ondelete="CASCADE"))
    return_id: Mapped[int | None] = mapped_column(ForeignKey("order_return.id", ondelete="CASCADE"))
    old_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    new_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    old_cents: Mapped[int | None] = mapped_column(Integer)
    new_cents: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(500))
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AuditEvent(Base):
    """Who read or changed which customer's data, when and why. No personal values, so
    rows never need changing; the PostgreSQL security migration makes it append-only."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(100))
    customer_number: Mapped[str] = mapped_column(String(12), index=True)
    action: Mapped[str] = mapped_column(String(40))
    purpose: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[str] = mapped_column(String(200), default="")


class ConsentEvent(Base):
    """Append-only history of prohibitions, consents and restrictions (section 9, GDPR
    Art. 7, 18, 21). The current state of a person is derived from it, never stored."""

    __tablename__ = "consent_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    contact_person_id: Mapped[int | None] = mapped_column(Integer, index=True)
    item: Mapped[str] = mapped_column(String(40))
    state: Mapped[bool] = mapped_column(Boolean)
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))
    document_ref: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Set when the person it concerns was erased: the event stays (what was prohibited,
    # when) with its note and document reference blanked, and PostgreSQL hides it from
    # the levels that have no need for it (migration 0017).
    erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Suppression(Base):
    """Marketing suppression keyed on a normalised e-mail or E.164 phone. Survives the
    customer's erasure on purpose: an erased objector must not be marketed to again."""

    __tablename__ = "suppression"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_kind: Mapped[str] = mapped_column(String(10))  # "email" | "phone"
    key_value: Mapped[str] = mapped_column(KeyText)
    item: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    created_by: Mapped[str] = mapped_column(String(100))
    consent_event_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_suppression_key", "key_kind", "key_value", "item"),)


class Disclosure(Base):
    """A disclosure of register data: a marketing export, or to an authority or a third
    party (register description, section 7; GDPR Art. 15(1)(c))."""

    __tablename__ = "disclosure"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    disclosed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    recorded_by: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30))
    purpose: Mapped[str] = mapped_column(String(40), default="")
    channel: Mapped[str] = mapped_column(String(20), default="")
    recipient: Mapped[str] = mapped_column(String(200))
    legal_basis: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    customer_count: Mapped[int] = mapped_column(Integer, default=0)


class DisclosureCustomer(Base):
    __tablename__ = "disclosure_customer"

    disclosure_id: Mapped[int] = mapped_column(
        ForeignKey("disclosure.id", ondelete="CASCADE"), primary_key=True
    )
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SubjectRequest(Base):
    """A data-subject request (GDPR Art. 15–21) and its one-month deadline (Art. 12(3))."""

    __tablename__ = "subject_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))
    identity_method: Mapped[str] = mapped_column(String(200), default="")
    identity_verified_by: Mapped[str] = mapped_column(String(100), default="")
    # Why a full copy may go without a recorded identity check, decided by privacy staff
    # (GDPR Art. 12(6)); "" when there is none.
    identity_override: Mapped[str] = mapped_column(Text, default="")
    # A company's contact person who made the request for themselves (Art. 15(4): their
    # letter holds no colleague's data); None for the customer's own request.
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact_person.id", ondelete="SET NULL")
    )
    contact_person_name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    deadline: Mapped[date] = mapped_column(Date)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Who asked, when they are not a customer (the "we hold no data on you" answer goes to
    # this name and address): blank for a customer's request.
    requester_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    requester_address: Mapped[str] = mapped_column(Text, default="", server_default="")


class RequestLetter(Base):
    """Every letter sent for a request (or, for a notice of Art. 14 that answers none, to a
    customer), archived as the exact PDF bytes and their hash."""

    __tablename__ = "request_letter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("subject_request.id", ondelete="CASCADE"), index=True
    )
    # Which letter (a LetterKind value): the access reply, an acknowledgement, a refusal...
    kind: Mapped[str] = mapped_column(String(30), default="access", server_default="access")
    # The customer a letter answering no request was sent about (an Art. 14 notice).
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL"), index=True
    )
    # To whom, when not the data subject (an Art. 19 notice goes to a recipient).
    addressee: Mapped[str] = mapped_column(String(200), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    created_by: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(2))
    sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)


class LetterSending(Base):
    """How and when an archived letter was sent (post, e-mail, handed over): one record
    per letter, never changed (the letter's language is on the letter itself)."""

    __tablename__ = "letter_sending"
    __table_args__ = (CheckConstraint("via IN ('post', 'email', 'handed')", name="via_known"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(
        ForeignKey("request_letter.id", ondelete="CASCADE"), unique=True
    )
    sent_on: Mapped[date] = mapped_column(Date)
    via: Mapped[str] = mapped_column(String(20))
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())


class CustomerMerge(Base):
    """One merge of two records of one person (migration 0020): the kept and the
    merged-away record, who and when (the server's on PostgreSQL), the field choices and
    the counts of what moved (JSON objects). Append-only; no personal values."""

    __tablename__ = "customer_merge"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kept_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    merged_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), unique=True)
    kept_number: Mapped[str] = mapped_column(String(12))
    merged_number: Mapped[str] = mapped_column(String(12))
    merged_by: Mapped[str] = mapped_column(String(100))
    merged_at: Mapped[datetime] = mapped_column(UtcDateTime())
    choices: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    moved: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class RegisterSetting(Base):
    """The register's own information (controller, contact, purposes...), JSON values."""

    __tablename__ = "register_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_by: Mapped[str] = mapped_column(String(100))


class ErasureRow(Base):
    """One erasure (GDPR Art. 17) of a customer or of one contact person: who, when, why,
    what was kept and until when. Holds no personal values: the customer's number, a
    random pseudonymous reference the kept orders carry, counts and dates (migration
    0017). On PostgreSQL the server writes who and when, and only the privacy level may
    add a row."""

    __tablename__ = "erasure"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL"), index=True
    )
    customer_number: Mapped[str] = mapped_column(String(12))
    contact_person_id: Mapped[int | None] = mapped_column(Integer)
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("subject_request.id", ondelete="SET NULL"), index=True
    )
    reason: Mapped[str] = mapped_column(String(500))
    erased_by: Mapped[str] = mapped_column(String(100))
    erased_at: Mapped[datetime] = mapped_column(UtcDateTime())
    orders_kept: Mapped[int] = mapped_column(Integer, default=0)
    orders_kept_until: Mapped[date | None] = mapped_column(Date)
    orders_removed: Mapped[int] = mapped_column(Integer, default=0)
    suppressions_kept: Mapped[int] = mapped_column(Integer, default=0)
    letters_kept: Mapped[int] = mapped_column(Integer, default=0)
    letters_kept_until: Mapped[date | None] = mapped_column(Date)


class LegalHold(Base):
    """A legal hold on a customer (a claim, a dispute, an authority's request): while the
    newest row of the customer is ``active``, the customer cannot be erased (Art. 17(3)(e)).
    Append-only history; set and lifted by the privacy level, audited (migration 0017)."""

    __tablename__ = "legal_hold"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    active: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(500), default="")
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ProcessingRestriction(Base):
    """A restriction of a customer's processing (GDPR Art. 18): the ground under Art.
    18(1) (a)–(d), staff's reason, the request it answers, who started it and when, and who
    lifted it, when, and the Art. 18(3) notice letter that told the person first. At most
    one in force (``lifted_at`` NULL) per customer. Rows are never deleted: a lifted one is
    the history. On PostgreSQL who and when are the server's (migration 0019)."""

    __tablename__ = "processing_restriction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    ground: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(String(500))
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("subject_request.id", ondelete="SET NULL")
    )
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    started_by: Mapped[str] = mapped_column(String(100))
    lifted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    lifted_by: Mapped[str | None] = mapped_column(String(100))
    notice_letter_id: Mapped[int | None] = mapped_column(
        ForeignKey("request_letter.id", ondelete="RESTRICT")
    )

    __table_args__ = (
        # The one in force per customer; also what every "is it restricted?" probe reads.
        Index(
            "ix_processing_restriction_in_force",
            "customer_id",
            unique=True,
            sqlite_where=text("lifted_at IS NULL"),
            postgresql_where=text("lifted_at IS NULL"),
        ),
    )
