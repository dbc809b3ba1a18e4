"""Core register schema: every item of the register description's section 5, and more.

Revision ID: 0001
Revises: (none)

Creates the customer register (persons and companies, contact persons), the change history
of personal data with the source of each change (section 6), orders with lines,
deliveries and returns (section 5.2), and the tables the GDPR duties need from the start:
the audit trail, the append-only consent/prohibition history and suppression list
(section 9), disclosures (section 7), data-subject requests with their archived letters,
and the register's own settings. Search keys use the "C" collation on PostgreSQL so that
prefix ranges work the same as on SQLite. Roles, grants and triggers of the central
database are not here: they belong to the security migration that follows.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("customer_number", sa.String(length=12), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_event_customer_number"), ["customer_number"], unique=False
        )

    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=12), nullable=False),
        sa.Column("type", sa.String(length=10), nullable=False),
        sa.Column("customer_since", sa.Date(), nullable=False),
        sa.Column("surname", sa.String(length=100), nullable=False),
        sa.Column("first_names", sa.String(length=100), nullable=False),
        sa.Column("company_name", sa.String(length=100), nullable=False),
        sa.Column("business_id", sa.String(length=9), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("post_office", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("phone_home", sa.String(length=16), nullable=False),
        sa.Column("phone_work", sa.String(length=16), nullable=False),
        sa.Column("phone_mobile", sa.String(length=16), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("extra", sa.Text(), nullable=False),
        sa.Column(
            "name_key",
            sa.String().with_variant(sa.String(collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "name_key_rev",
            sa.String().with_variant(sa.String(collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "email_key",
            sa.String().with_variant(sa.String(collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("number", name=op.f("uq_customer_number")),
    )
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_business_id"), ["business_id"], unique=False)
        batch_op.create_index("ix_customer_email_key_id", ["email_key", "id"], unique=False)
        batch_op.create_index("ix_customer_name_key_id", ["name_key", "id"], unique=False)
        batch_op.create_index("ix_customer_name_key_rev_id", ["name_key_rev", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_customer_phone_home"), ["phone_home"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_customer_phone_mobile"), ["phone_mobile"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_customer_phone_work"), ["phone_work"], unique=False)
        batch_op.create_index(
            "ix_customer_postal_code_name_key_id", ["postal_code", "name_key", "id"], unique=False
        )

    op.create_table(
        "disclosure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disclosed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("legal_basis", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("customer_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosure")),
    )
    op.create_table(
        "register_setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_register_setting")),
    )
    op.create_table(
        "suppression",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_kind", sa.String(length=10), nullable=False),
        sa.Column(
            "key_value",
            sa.String().with_variant(sa.String(collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("item", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("consent_event_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppression")),
    )
    with op.batch_alter_table("suppression", schema=None) as batch_op:
        batch_op.create_index("ix_suppression_key", ["key_kind", "key_value", "item"], unique=False)

    op.create_table(
        "consent_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("contact_person_id", sa.Integer(), nullable=True),
        sa.Column("item", sa.String(length=40), nullable=False),
        sa.Column("state", sa.Boolean(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("document_ref", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_consent_event_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_event")),
    )
    with op.batch_alter_table("consent_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_event_contact_person_id"), ["contact_person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consent_event_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "contact_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("surname", sa.String(length=100), nullable=False),
        sa.Column("first_names", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("phone_work", sa.String(length=16), nullable=False),
        sa.Column("phone_mobile", sa.String(length=16), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column(
            "email_key",
            sa.String().with_variant(sa.String(collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "name_key",
            sa.String().with_variant(sa.String(collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "name_key_rev",
            sa.String().with_variant(sa.String(collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_contact_person_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_person")),
    )
    with op.batch_alter_table("contact_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_person_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_person_email_key"), ["email_key"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_person_name_key"), ["name_key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contact_person_name_key_rev"), ["name_key_rev"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_person_phone_mobile"), ["phone_mobile"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_person_phone_work"), ["phone_work"], unique=False
        )

    op.create_table(
        "customer_order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("ordered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_customer_order_customer_id_customer"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_order")),
        sa.UniqueConstraint("number", name=op.f("uq_customer_order_number")),
    )
    with op.batch_alter_table("customer_order", schema=None) as batch_op:
        batch_op.create_index(
            "ix_customer_order_customer_id_ordered_at", ["customer_id", "ordered_at"], unique=False
        )

    op.create_table(
        "disclosure_customer",
        sa.Column("disclosure_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_disclosure_customer_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosure.id"],
            name=op.f("fk_disclosure_customer_disclosure_id_disclosure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "disclosure_id", "customer_id", name=op.f("pk_disclosure_customer")
        ),
    )
    with op.batch_alter_table("disclosure_customer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disclosure_customer_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "personal_data_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("contact_person_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("source_detail", sa.String(length=200), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_personal_data_change_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_data_change")),
    )
    with op.batch_alter_table("personal_data_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_personal_data_change_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "subject_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("identity_method", sa.String(length=200), nullable=False),
        sa.Column("identity_verified_by", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_subject_request_customer_id_customer"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subject_request")),
    )
    with op.batch_alter_table("subject_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_subject_request_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_subject_request_status"), ["status"], unique=False)

    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("carrier", sa.String(length=50), nullable=False),
        sa.Column("tracking_code", sa.String(length=50), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("post_office", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["customer_order.id"],
            name=op.f("fk_delivery_order_id_customer_order"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery")),
    )
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delivery_order_id"), ["order_id"], unique=False)

    op.create_table(
        "order_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_code", sa.String(length=30), nullable=False),
        sa.Column("product_name", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_cents", sa.Integer(), nullable=False),
        sa.Column("vat_rate_bp", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["customer_order.id"],
            name=op.f("fk_order_line_order_id_customer_order"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_line")),
    )
    with op.batch_alter_table("order_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_line_order_id"), ["order_id"], unique=False)

    op.create_table(
        "order_return",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refunded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("refund_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["customer_order.id"],
            name=op.f("fk_order_return_order_id_customer_order"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_return")),
        sa.UniqueConstraint("number", name=op.f("uq_order_return_number")),
    )
    with op.batch_alter_table("order_return", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_return_order_id"), ["order_id"], unique=False)

    op.create_table(
        "request_letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["subject_request.id"],
            name=op.f("fk_request_letter_request_id_subject_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_letter")),
    )
    with op.batch_alter_table("request_letter", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_request_letter_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "return_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_line.id"],
            name=op.f("fk_return_line_order_line_id_order_line"),
        ),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["order_return.id"],
            name=op.f("fk_return_line_return_id_order_return"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_line")),
    )
    with op.batch_alter_table("return_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_return_line_order_line_id"), ["order_line_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_return_line_return_id"), ["return_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("return_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_line_return_id"))
        batch_op.drop_index(batch_op.f("ix_return_line_order_line_id"))

    op.drop_table("return_line")
    with op.batch_alter_table("request_letter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_letter_request_id"))

    op.drop_table("request_letter")
    with op.batch_alter_table("order_return", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_return_order_id"))

    op.drop_table("order_return")
    with op.batch_alter_table("order_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_line_order_id"))

    op.drop_table("order_line")
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_order_id"))

    op.drop_table("delivery")
    with op.batch_alter_table("subject_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subject_request_status"))
        batch_op.drop_index(batch_op.f("ix_subject_request_customer_id"))

    op.drop_table("subject_request")
    with op.batch_alter_table("personal_data_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_personal_data_change_customer_id"))

    op.drop_table("personal_data_change")
    with op.batch_alter_table("disclosure_customer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disclosure_customer_customer_id"))

    op.drop_table("disclosure_customer")
    with op.batch_alter_table("customer_order", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_order_customer_id_ordered_at")

    op.drop_table("customer_order")
    with op.batch_alter_table("contact_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_person_phone_work"))
        batch_op.drop_index(batch_op.f("ix_contact_person_phone_mobile"))
        batch_op.drop_index(batch_op.f("ix_contact_person_name_key_rev"))
        batch_op.drop_index(batch_op.f("ix_contact_person_name_key"))
        batch_op.drop_index(batch_op.f("ix_contact_person_email_key"))
        batch_op.drop_index(batch_op.f("ix_contact_person_customer_id"))

    op.drop_table("contact_person")
    with op.batch_alter_table("consent_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_event_customer_id"))
        batch_op.drop_index(batch_op.f("ix_consent_event_contact_person_id"))

    op.drop_table("consent_event")
    with op.batch_alter_table("suppression", schema=None) as batch_op:
        batch_op.drop_index("ix_suppression_key")

    op.drop_table("suppression")
    op.drop_table("register_setting")
    op.drop_table("disclosure")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_postal_code_name_key_id")
        batch_op.drop_index(batch_op.f("ix_customer_phone_work"))
        batch_op.drop_index(batch_op.f("ix_customer_phone_mobile"))
        batch_op.drop_index(batch_op.f("ix_customer_phone_home"))
        batch_op.drop_index("ix_customer_name_key_rev_id")
        batch_op.drop_index("ix_customer_name_key_id")
        batch_op.drop_index("ix_customer_email_key_id")
        batch_op.drop_index(batch_op.f("ix_customer_business_id"))

    op.drop_table("customer")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_customer_number"))

    op.drop_table("audit_event")
