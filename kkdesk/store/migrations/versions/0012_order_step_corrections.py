"""Corrections of order steps: a wrongly recorded delivery, receipt or refund is corrected
by a correcting event, never overwritten silently.

Revision ID: 0012
Revises: 0011

What changed and why (issue 12, "Orders a clerk can finish"): clerks now record a delivery
with its date, a return received and a return refunded, and can correct such a step when
it was recorded wrongly (a wrong date, a wrong amount, or a step that did not happen).
The step's own row (``delivery.delivered_at``, ``order_return.received_at`` /
``refunded_at`` / ``refund_cents``) keeps holding the current value, so every reader of
orders goes on working unchanged; the new table ``order_correction`` holds each correction
with what the step said before, what is right, the reason, who and when. The timeline shows
the corrected step struck through beside the correction.

On PostgreSQL:

- grants as for the order tables a clerk writes: viewers and privacy read, clerks read and
  add (admin through its membership of every level); nobody may change or delete a row;
- append-only: a trigger refuses UPDATE, DELETE and TRUNCATE even for the owner (as for
  the audit trail and consents);
- who and when are written by the server (``kkdesk_stamp``, as in 0004), whatever the
  client sends;
- CHECKs: a known step, a reason, the delivery or the return the step belongs to,
  amounts not negative;
- the pgaudit auditor role (0004), where it exists, also watches reads of the table.

The step row's UPDATE is audited row by row by 0004's trigger, and the desk writes its
own audit row with the purpose; the correction row names the correcting user itself.
Going down drops the table (the corrected values stay in the step rows).
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLE = "order_correction"
STEPS = ("delivered", "return_received", "return_refunded")
CHECKS = (
    ("step", "step IN ('delivered', 'return_received', 'return_refunded')"),
    ("reason", "btrim(reason) <> ''"),
    (
        "target",
        "(step = 'delivered' AND delivery_id IS NOT NULL AND return_id IS NULL) OR "
        "(step <> 'delivered' AND return_id IS NOT NULL AND delivery_id IS NULL)",
    ),
    ("cents", "coalesce(old_cents, 0) >= 0 AND coalesce(new_cents, 0) >= 0"),
)


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=30), nullable=False),
        sa.Column("delivery_id", sa.Integer(), nullable=True),
        sa.Column("return_id", sa.Integer(), nullable=True),
        sa.Column("old_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("new_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("old_cents", sa.Integer(), nullable=True),
        sa.Column("new_cents", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["customer_order.id"],
            name=op.f("fk_order_correction_order_id_customer_order"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["delivery.id"],
            name=op.f("fk_order_correction_delivery_id_delivery"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["order_return.id"],
            name=op.f("fk_order_correction_return_id_order_return"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_correction")),
    )
    op.create_index(op.f("ix_order_correction_order_id"), TABLE, ["order_id"], unique=False)
    if op.get_bind().dialect.name != "postgresql":
        return  # the embedded SQLite database has no users or triggers
    ex = op.execute
    ex(f"REVOKE ALL ON TABLE {TABLE} FROM PUBLIC")
    ex(f"GRANT SELECT ON TABLE {TABLE} TO kkdesk_viewer, kkdesk_privacy")
    ex(f"GRANT SELECT, INSERT ON TABLE {TABLE} TO kkdesk_clerk")
    ex(
        f"""
DO $$
DECLARE seq text := pg_get_serial_sequence('{TABLE}', 'id');
BEGIN
    IF seq IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM PUBLIC', seq);
        EXECUTE format('GRANT USAGE ON SEQUENCE %s TO kkdesk_clerk', seq);
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'kkdesk_auditor') THEN
        GRANT SELECT ON TABLE {TABLE} TO kkdesk_auditor;
    END IF;
END $$
"""
    )
    ex(
        f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION kkdesk_refuse_change()"
    )
    ex(
        f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
        "FOR EACH STATEMENT EXECUTE FUNCTION kkdesk_refuse_change()"
    )
    ex(
        f"CREATE TRIGGER {TABLE}_stamp_recorded_by BEFORE INSERT OR UPDATE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION kkdesk_stamp('recorded_by', 'recorded_at', 'insert')"
    )
    for name, condition in CHECKS:
        ex(f"ALTER TABLE {TABLE} ADD CONSTRAINT ck_{TABLE}_{name} CHECK ({condition})")
    # The reason is free text: no control, bidi or zero-width characters beyond what a
    # multi-line text may hold (0011's check, as on every other table).
    ex(
        f"CREATE TRIGGER {TABLE}_text BEFORE INSERT OR UPDATE ON {TABLE} FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_check_text('', 'reason', '')"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_order_correction_order_id"), table_name=TABLE)
    op.drop_table(TABLE)
