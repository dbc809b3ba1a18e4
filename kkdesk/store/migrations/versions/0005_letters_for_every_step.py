"""A letter for every step of a data-subject request, and how each letter was sent.

Revision ID: 0005
Revises: 0004

What changed and why (issue 16, "a letter for every step"):

* ``request_letter`` holds every kind of letter, not only the access reply: ``kind`` says
  which (acknowledgement, extension notice, refusal, ...; existing rows are access
  replies). A notice of GDPR Art. 14 answers no request, so ``request_id`` may be empty and
  ``customer_id`` then says whose data it was about; ``addressee`` names the recipient an
  Art. 19 notice went to (blank: the data subject).
* ``letter_sending`` (new, append-only by grant: insert and read, never update) records per
  letter when and how it was sent — post, e-mail or handed over — so the controller can
  show that, say, an extension was notified within the first month. One row per letter;
  ``via`` is checked by the database.
* ``subject_request`` gets ``requester_name`` and ``requester_address``: a request from
  someone who is not a customer is logged by name and address, and answered with the
  "we hold no data on you" letter.
* ``personal_data_change.changed_at`` is indexed: who is due a notice of Art. 14 is read
  from the changes of the last months, not from the whole history (at a million
  customers a full scan took seconds).

On PostgreSQL the privacy level may read and add sending records (not change them); the
other levels have no access, as with ``request_letter``.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("subject_request", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("requester_name", sa.String(200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("requester_address", sa.Text(), nullable=False, server_default="")
        )
    with op.batch_alter_table("request_letter", schema=None) as batch_op:
        batch_op.alter_column("request_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(
            sa.Column("kind", sa.String(30), nullable=False, server_default="access")
        )
        batch_op.add_column(sa.Column("customer_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("addressee", sa.String(200), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_request_letter_customer_id_customer"),
            "customer",
            ["customer_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(
            batch_op.f("ix_request_letter_customer_id"), ["customer_id"], unique=False
        )
    with op.batch_alter_table("personal_data_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_personal_data_change_changed_at"), ["changed_at"], unique=False
        )
    op.create_table(
        "letter_sending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("letter_id", sa.Integer(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("via", sa.String(20), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "via IN ('post', 'email', 'handed')", name=op.f("ck_letter_sending_via_known")
        ),
        sa.ForeignKeyConstraint(
            ["letter_id"],
            ["request_letter.id"],
            name=op.f("fk_letter_sending_letter_id_request_letter"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_sending")),
        sa.UniqueConstraint("letter_id", name=op.f("uq_letter_sending_letter_id")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "REVOKE ALL ON TABLE letter_sending FROM PUBLIC, kkdesk_viewer, kkdesk_clerk, "
            "kkdesk_marketing, kkdesk_privacy, kkdesk_admin"
        )
        op.execute("GRANT SELECT, INSERT ON TABLE letter_sending TO kkdesk_privacy")
        op.execute(
            "DO $$ BEGIN EXECUTE format('GRANT USAGE ON SEQUENCE %s TO kkdesk_privacy', "
            "pg_get_serial_sequence('letter_sending', 'id')); END $$"
        )


def downgrade() -> None:
    op.drop_table("letter_sending")
    with op.batch_alter_table("personal_data_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_personal_data_change_changed_at"))
    op.execute("DELETE FROM request_letter WHERE request_id IS NULL")
    with op.batch_alter_table("request_letter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_letter_customer_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_request_letter_customer_id_customer"), type_="foreignkey"
        )
        batch_op.drop_column("addressee")
        batch_op.drop_column("customer_id")
        batch_op.drop_column("kind")
        batch_op.alter_column("request_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("subject_request", schema=None) as batch_op:
        batch_op.drop_column("requester_address")
        batch_op.drop_column("requester_name")
