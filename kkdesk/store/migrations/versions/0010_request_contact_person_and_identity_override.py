"""Data-subject requests: who of a company made the request, and an identity override.

Revision ID: 0010
Revises: 0008

What changed and why (issue 16, "only the subject's own data, and only to the subject"):

* ``subject_request.contact_person_id``: a company's contact person may make a request of
  their own (GDPR Art. 15, 20). Their letter and machine-readable copy must then hold
  their own data and what of the company concerns them — never a colleague's telephone,
  e-mail, prohibitions or history (Art. 15(4), 20(4)). NULL: the request is the customer's
  own (a person, or the company as such). ``ON DELETE SET NULL`` keeps the request when the
  contact person is removed; ``contact_person_name`` then still says that it was theirs, and no
  letter is made for it (it would show the whole company to one person).
* ``subject_request.contact_person_name``: the name of that contact person when the request was
  registered ('' for the customer's own request).
* ``subject_request.identity_override``: a full copy of someone's data is sent only after
  their identity has been checked (Art. 12(6)); when privacy staff decide to answer without
  a recorded check (say, a reply to the postal address already on the register for a
  request made on the customer's own signed letter), the reason is recorded here, and the
  person who decided in ``identity_verified_by``. '' : no override.

Existing rows get NULL and '' (the customer's own request; no override). The table-level
grants of 0002 cover the new columns. Going down drops them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("subject_request", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact_person_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "contact_person_name", sa.String(length=200), nullable=False, server_default=""
            )
        )
        batch_op.add_column(
            sa.Column("identity_override", sa.Text(), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_subject_request_contact_person_id_contact_person"),
            "contact_person",
            ["contact_person_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("subject_request", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_subject_request_contact_person_id_contact_person"), type_="foreignkey"
        )
        batch_op.drop_column("identity_override")
        batch_op.drop_column("contact_person_name")
        batch_op.drop_column("contact_person_id")
