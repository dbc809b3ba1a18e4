"""Merging two records of one person: the merge record and the merged-away marker.

Revision ID: 0020
Revises: 0016

What changed and why (issue 15, merging duplicates): when one person has two customer
records, privacy or admin staff merge them into one. Orders, the change history, subject
requests, their letters and disclosures move to the kept record; the merged-away record
stays as a marker (its number keeps working as an alias of the kept one) with its
personal values blanked, so that it is never a second person in searches or exports.

- ``customer.merged_into``: the id of the record this one was merged into (NULL for a
  live record). No foreign key: customers are never deleted, and SQLite cannot add one
  without rebuilding the customer table (whose foreign keys cascade). Every level may read
  it (the marketing level through a column grant), since every level looks customers up
  by number and an old number must lead to the kept record.
- ``customer_merge``: one row per merge, append-only: the kept and merged-away records and
  numbers, who and when (written by the server from ``session_user`` and the transaction
  time), the field choices and the counts of what moved (JSON).

On PostgreSQL the server is the guard, not the desk:

- Only the privacy level (and admin, its member) may insert a merge record.
- ``merged_into`` is set only together with a merge record of the same transaction, by the
  same user, naming both records, and never changes back. An earlier merge's marker may be
  re-pointed to the newest kept record by a later merge (chains stay one step long).
- A row of ``customer_order``, ``personal_data_change``, ``subject_request``,
  ``request_letter`` or ``disclosure_customer`` moves from one customer to another only
  inside such a merge: a clerk, who may edit orders, cannot move them between customers.
  (Erasure's unlinking, customer to NULL, is not a move.) The privacy level gets the
  column grants the moves need (``customer_id`` of ``request_letter`` and
  ``disclosure_customer``); the per-row audit trigger of 0004 writes every moved row into
  the log of both customers.

Idempotent. Going down drops the table, the column and the guards.
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# Tables whose rows a merge moves, with their customer column.
MOVED = (
    "customer_order",
    "personal_data_change",
    "subject_request",
    "request_letter",
    "disclosure_customer",
)

FUNCTIONS = r"""
-- Whether this transaction's user recorded the merge of p_merged into p_kept just now.
CREATE OR REPLACE FUNCTION kkdesk_merging(p_merged int, p_kept int) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT FROM customer_merge m
                    WHERE m.merged_id = p_merged AND m.kept_id = p_kept
                      AND m.merged_by = session_user AND m.merged_at = now())
$$;

-- merged_into: set only by a merge of this transaction, never cleared; an earlier marker
-- may follow its kept record into a newer merge.
CREATE OR REPLACE FUNCTION kkdesk_merge_marker() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF kkdesk_importing() OR NEW.merged_into IS NOT DISTINCT FROM OLD.merged_into THEN
        RETURN NEW;
    END IF;
    IF NEW.merged_into IS NULL THEN
        RAISE EXCEPTION 'a merge cannot be undone (customer %)', OLD.number
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:merge_final';
    END IF;
    IF OLD.merged_into IS NULL AND kkdesk_merging(NEW.id, NEW.merged_into) THEN
        RETURN NEW;
    END IF;
    IF OLD.merged_into IS NOT NULL AND kkdesk_merging(OLD.merged_into, NEW.merged_into) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'customer % is marked merged only by a recorded merge', OLD.number
        USING ERRCODE = 'insufficient_privilege', HINT = 'kkdesk:merge_unrecorded';
END $$;

-- A row moves between two customers only inside a merge of this transaction.
CREATE OR REPLACE FUNCTION kkdesk_merge_move() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF kkdesk_importing() OR OLD.customer_id IS NULL OR NEW.customer_id IS NULL
       OR NEW.customer_id = OLD.customer_id THEN
        RETURN NEW;
    END IF;
    IF kkdesk_merging(OLD.customer_id, NEW.customer_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a row of % moves to another customer only in a recorded merge',
        TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege', HINT = 'kkdesk:merge_unrecorded';
END $$;
"""

SIGNATURES = ("kkdesk_merging(int, int)", "kkdesk_merge_marker()", "kkdesk_merge_move()")
LEVELS = "kkdesk_viewer, kkdesk_clerk, kkdesk_marketing, kkdesk_privacy, kkdesk_admin"


def upgrade() -> None:
    op.add_column("customer", sa.Column("merged_into", sa.Integer(), nullable=True))
    op.create_table(
        "customer_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kept_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.Integer(), nullable=False),
        sa.Column("kept_number", sa.String(length=12), nullable=False),
        sa.Column("merged_number", sa.String(length=12), nullable=False),
        sa.Column("merged_by", sa.String(length=100), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("choices", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("moved", sa.Text(), nullable=False, server_default="{}"),
        sa.ForeignKeyConstraint(
            ["kept_id"], ["customer.id"], name=op.f("fk_customer_merge_kept_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["merged_id"], ["customer.id"], name=op.f("fk_customer_merge_merged_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_merge")),
        sa.UniqueConstraint("merged_id", name=op.f("uq_customer_merge_merged_id")),
    )
    op.create_index(op.f("ix_customer_merge_kept_id"), "customer_merge", ["kept_id"], unique=False)
    # Only the few merged-away rows: a later merge re-points them to its kept record.
    op.create_index(
        "ix_customer_merged_into",
        "customer",
        ["merged_into"],
        postgresql_where=sa.text("merged_into IS NOT NULL"),
        sqlite_where=sa.text("merged_into IS NOT NULL"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    ex = op.execute
    ex(FUNCTIONS)
    for signature in SIGNATURES:
        ex(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    ex(f"REVOKE ALL ON TABLE customer_merge FROM PUBLIC, {LEVELS}")
    ex("GRANT SELECT ON TABLE customer_merge TO kkdesk_viewer, kkdesk_clerk")
    # Who and when are the server's whatever the client sends (the stamp trigger).
    ex("GRANT SELECT, INSERT ON TABLE customer_merge TO kkdesk_privacy")
    ex(
        "DO $$ BEGIN EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM PUBLIC', "
        "pg_get_serial_sequence('customer_merge', 'id')); "
        "EXECUTE format('GRANT USAGE ON SEQUENCE %s TO kkdesk_privacy', "
        "pg_get_serial_sequence('customer_merge', 'id')); END $$"
    )
    ex("GRANT SELECT (merged_into) ON TABLE customer TO kkdesk_marketing")
    ex("GRANT UPDATE (customer_id) ON TABLE request_letter, disclosure_customer TO kkdesk_privacy")
    ex("DROP TRIGGER IF EXISTS customer_merge_stamp_merged_by ON customer_merge")
    ex(
        "CREATE TRIGGER customer_merge_stamp_merged_by BEFORE INSERT OR UPDATE ON customer_merge "
        "FOR EACH ROW EXECUTE FUNCTION kkdesk_stamp('merged_by', 'merged_at', 'insert')"
    )
    for name, timing in (("append_only", "UPDATE OR DELETE"), ("no_truncate", "TRUNCATE")):
        each = "STATEMENT" if timing == "TRUNCATE" else "ROW"
        ex(f"DROP TRIGGER IF EXISTS customer_merge_{name} ON customer_merge")
        ex(
            f"CREATE TRIGGER customer_merge_{name} BEFORE {timing} ON customer_merge "
            f"FOR EACH {each} EXECUTE FUNCTION kkdesk_refuse_change()"
        )
    ex("DROP TRIGGER IF EXISTS customer_merge_marker ON customer")
    ex(
        "CREATE TRIGGER customer_merge_marker BEFORE UPDATE OF merged_into ON customer "
        "FOR EACH ROW EXECUTE FUNCTION kkdesk_merge_marker()"
    )
    for table in MOVED:
        ex(f"DROP TRIGGER IF EXISTS {table}_merge_move ON {table}")
        ex(
            f"CREATE TRIGGER {table}_merge_move BEFORE UPDATE OF customer_id ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION kkdesk_merge_move()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        ex = op.execute
        for table in MOVED:
            ex(f"DROP TRIGGER IF EXISTS {table}_merge_move ON {table}")
        ex("DROP TRIGGER IF EXISTS customer_merge_marker ON customer")
        ex("REVOKE UPDATE (customer_id) ON TABLE request_letter, disclosure_customer "
           "FROM kkdesk_privacy")  # fmt: skip
        ex("REVOKE SELECT (merged_into) ON TABLE customer FROM kkdesk_marketing")
    op.drop_index("ix_customer_merged_into", table_name="customer")
    op.drop_index(op.f("ix_customer_merge_kept_id"), table_name="customer_merge")
    op.drop_table("customer_merge")
    if op.get_bind().dialect.name == "postgresql":
        for signature in reversed(SIGNATURES):
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    # Not in batch mode: rebuilding the customer table on SQLite would cascade deletes into
    # every table that refers to it (SQLite >= 3.35 drops a column in place).
    op.drop_column("customer", "merged_into")
