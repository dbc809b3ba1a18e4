"""Erasure (GDPR Art. 17): the erasure record, legal holds, and the server's part in both.

Revision ID: 0017
Revises: 0016

What changed and why (issue 15, "the data's life cycle"): every letter and the privacy
notice promise erasure, and nothing could erase. Now:

- ``erasure``: one row per erasure of a customer or of one company's contact person —
  who, when, why, the request it answers, and what was kept until when (orders, the
  suppression entries, archived letters). No personal values: the customer's number and a
  random pseudonymous reference.
- ``legal_hold``: append-only history of legal holds on a customer; while the newest row
  is active the customer cannot be erased (Art. 17(3)(e)).
- ``customer_order.erasure_id``: a kept order of an erased customer points at the
  erasure (its pseudonymous reference) instead of the customer.
- ``contact_person.erased_at``, ``consent_event.erased_at``: an erased contact person's
  blank row and an erased person's consent events stay (the events say what was
  prohibited and when; the suppression entries refer to them) and are marked.

On PostgreSQL (docs/central-database.md, "Erasure"):

- Only the privacy level erases: ``kkdesk_may_erase()`` is true for a member of
  ``kkdesk_privacy`` who is not a member of ``kkdesk_admin`` (an administrator manages the
  system, the privacy officer decides on a person's data). An ``erasure`` row may be
  added only by such a user; the server writes ``erased_by``/``erased_at``.
- Setting ``customer.erased_at``, ``contact_person.erased_at`` or
  ``consent_event.erased_at``, and pointing an order at an erasure, needs an ``erasure``
  row for that customer (or contact person) added in the same transaction by the same
  user; the server writes the time. An erased customer or contact person is never changed
  again, and ``erased_at`` is never taken back.
- ``consent_event`` stays append-only but for one UPDATE: blanking ``note``, replacing
  ``document_ref`` by ``[erased]`` (0004 wants it non-blank) and setting ``erased_at`` in
  such a transaction.
- Row-level security hides what is left of an erased person from the levels with no need
  for it: erased contact persons from viewer, clerk and marketing; erased consent events
  from viewer, clerk and marketing; the suppression entries of erased consent events from
  viewer and clerk (marketing needs them: its exports must keep leaving the person out).
  Privacy (and the administrator, through membership) sees them all.
- The audit triggers of 0004/0011 record the erasure's row changes by column name, never
  by value; the desk adds its own ``erase`` row with the erasure's reference.

Going down drops the new tables, columns, policies and functions (the blanked values are
gone for good: that is the point).
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

PRIVACY_ONLY = """
CREATE OR REPLACE FUNCTION kkdesk_may_erase() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT pg_has_role(session_user, 'kkdesk_privacy', 'MEMBER')
       AND NOT pg_has_role(session_user, 'kkdesk_admin', 'MEMBER')
$$;

-- An erasure of customer p_customer (and, when given, of its contact person p_contact, or
-- of the whole customer) added in this transaction by this user.
CREATE OR REPLACE FUNCTION kkdesk_erasing(p_customer int, p_contact int) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT FROM erasure e
                    WHERE e.customer_id = p_customer AND e.erased_at = now()
                      AND e.erased_by = session_user
                      AND (e.contact_person_id IS NULL OR e.contact_person_id = p_contact))
$$;

CREATE OR REPLACE FUNCTION kkdesk_erasure_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    IF kkdesk_importing() THEN
        RETURN NEW;
    END IF;
    IF NOT kkdesk_may_erase() THEN
        RAISE EXCEPTION 'only the privacy level may erase a person''s data'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_erased_row() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    cust int;
    cp int;
BEGIN
    IF kkdesk_importing() THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'customer' THEN
        cust := NEW.id; cp := NULL;
    ELSIF TG_TABLE_NAME = 'contact_person' THEN
        cust := NEW.customer_id; cp := NEW.id;
    ELSE
        cust := NEW.customer_id; cp := NEW.contact_person_id;
    END IF;
    IF OLD.erased_at IS NOT NULL THEN
        RAISE EXCEPTION '% row % was erased and is never changed again', TG_TABLE_NAME, OLD.id
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:erased_row';
    END IF;
    IF NEW.erased_at IS NOT NULL THEN
        IF NOT kkdesk_may_erase() OR NOT kkdesk_erasing(cust, cp) THEN
            RAISE EXCEPTION 'only an erasure recorded by the privacy level erases a row'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.erased_at := now();
    END IF;
    RETURN NEW;
END $$;

-- Each trigger lets the owner load historical data (kkdesk_importing(), 0004) as the
-- other triggers do.
-- consent_event stays append-only (0002) but for the erasure's one change.
CREATE OR REPLACE FUNCTION kkdesk_consent_event_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL
       AND NEW.note = '' AND NEW.document_ref = '[erased]'
       AND (to_jsonb(NEW) - 'note' - 'document_ref' - 'erased_at')
           = (to_jsonb(OLD) - 'note' - 'document_ref' - 'erased_at')
       AND kkdesk_may_erase() AND kkdesk_erasing(NEW.customer_id, NEW.contact_person_id) THEN
        NEW.erased_at := now();
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: rows are never changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION kkdesk_order_erasure() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NEW.erasure_id IS NOT DISTINCT FROM OLD.erasure_id OR kkdesk_importing() THEN
        RETURN NEW;
    END IF;
    IF OLD.erasure_id IS NOT NULL OR NOT kkdesk_may_erase() OR NOT EXISTS (
        SELECT FROM erasure e
         WHERE e.id = NEW.erasure_id AND e.customer_id = OLD.customer_id
           AND e.contact_person_id IS NULL AND e.erased_at = now()
           AND e.erased_by = session_user) THEN
        RAISE EXCEPTION 'only an erasure recorded by the privacy level unlinks an order'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
"""

FUNCTIONS = (
    "kkdesk_may_erase()",
    "kkdesk_erasing(int, int)",
    "kkdesk_erasure_insert()",
    "kkdesk_erased_row()",
    "kkdesk_consent_event_change()",
    "kkdesk_order_erasure()",
)
ROLES = "kkdesk_viewer, kkdesk_clerk, kkdesk_marketing, kkdesk_privacy, kkdesk_admin"
NO_NEED = "kkdesk_viewer, kkdesk_clerk, kkdesk_marketing"
POLICIES: tuple[tuple[str, str, str], ...] = (
    # (table, policy, CREATE POLICY body)
    ("contact_person", "contact_person_live",
     f"FOR ALL TO {NO_NEED} USING (erased_at IS NULL) WITH CHECK (erased_at IS NULL)"),
    ("contact_person", "contact_person_privacy",
     "FOR ALL TO kkdesk_privacy USING (true) WITH CHECK (true)"),
    ("consent_event", "consent_event_live",
     f"FOR SELECT TO {NO_NEED} USING (erased_at IS NULL)"),
    ("consent_event", "consent_event_add",
     "FOR INSERT TO kkdesk_clerk, kkdesk_privacy WITH CHECK (erased_at IS NULL)"),
    ("consent_event", "consent_event_privacy",
     "FOR ALL TO kkdesk_privacy USING (true) WITH CHECK (true)"),
    # A clerk's or viewer's subquery sees no erased consent event (the policy above).
    ("suppression", "suppression_live",
     "FOR SELECT TO kkdesk_viewer, kkdesk_clerk USING (consent_event_id IS NULL OR EXISTS "
     "(SELECT FROM consent_event e WHERE e.id = suppression.consent_event_id "
     "AND e.erased_at IS NULL))"),
    ("suppression", "suppression_add",
     "FOR INSERT TO kkdesk_clerk, kkdesk_privacy WITH CHECK (true)"),
    ("suppression", "suppression_needed",
     "FOR SELECT TO kkdesk_marketing, kkdesk_privacy USING (true)"),
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "erasure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("customer_number", sa.String(length=12), nullable=False),
        sa.Column("contact_person_id", sa.Integer(), nullable=True),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("erased_by", sa.String(length=100), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("orders_kept", sa.Integer(), nullable=False),
        sa.Column("orders_kept_until", sa.Date(), nullable=True),
        sa.Column("orders_removed", sa.Integer(), nullable=False),
        sa.Column("suppressions_kept", sa.Integer(), nullable=False),
        sa.Column("letters_kept", sa.Integer(), nullable=False),
        sa.Column("letters_kept_until", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_erasure_customer_id_customer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["subject_request.id"],
            name=op.f("fk_erasure_request_id_subject_request"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure")),
        sa.UniqueConstraint("reference", name=op.f("uq_erasure_reference")),
    )
    op.create_index(op.f("ix_erasure_customer_id"), "erasure", ["customer_id"], unique=False)
    op.create_index(op.f("ix_erasure_request_id"), "erasure", ["request_id"], unique=False)
    op.create_table(
        "legal_hold",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_legal_hold_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_hold")),
    )
    op.create_index(op.f("ix_legal_hold_customer_id"), "legal_hold", ["customer_id"], unique=False)
    with op.batch_alter_table("contact_person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("consent_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("customer_order", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erasure_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_customer_order_erasure_id"), ["erasure_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_customer_order_erasure_id_erasure"),
            "erasure",
            ["erasure_id"],
            ["id"],
            ondelete="RESTRICT",
        )
    if op.get_bind().dialect.name != "postgresql":
        return  # the embedded SQLite database has no users, grants or triggers
    _server()


def _server() -> None:
    ex = op.execute
    for table in ("erasure", "legal_hold"):
        ex(f"REVOKE ALL ON TABLE {table} FROM PUBLIC, {ROLES}")
        ex(f"GRANT SELECT, INSERT ON TABLE {table} TO kkdesk_privacy")
        ex(f"""
DO $$
DECLARE seq text := pg_get_serial_sequence('{table}', 'id');
BEGIN
    EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM PUBLIC', seq);
    EXECUTE format('GRANT USAGE ON SEQUENCE %s TO kkdesk_privacy', seq);
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'kkdesk_auditor') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE {table} TO kkdesk_auditor;
    END IF;
END $$""")
    # Whether a customer is under a hold, for the levels that show it (no reasons).
    ex(
        "GRANT SELECT (id, customer_id, active, recorded_at) ON legal_hold TO kkdesk_viewer, "
        "kkdesk_clerk"
    )
    # A legal hold's reason may name the person: erasure blanks it once the hold is lifted.
    ex("GRANT UPDATE (reason) ON legal_hold TO kkdesk_privacy")
    # Erasure blanks these free texts; 0002 gave privacy no UPDATE of them.
    ex("GRANT UPDATE (note, document_ref, erased_at) ON consent_event TO kkdesk_privacy")
    ex("GRANT UPDATE (description) ON disclosure TO kkdesk_privacy")
    # Clerks write contact persons whole (0002) but never erase one.
    ex("REVOKE UPDATE ON contact_person FROM kkdesk_clerk")
    ex(
        "GRANT UPDATE (customer_id, surname, first_names, role, phone_work, phone_mobile, "
        "email, email_key, name_key, name_key_rev) ON contact_person TO kkdesk_clerk"
    )

    ex(PRIVACY_ONLY)
    for signature in FUNCTIONS:
        ex(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    ex(f"GRANT EXECUTE ON FUNCTION kkdesk_may_erase(), kkdesk_erasing(int, int) TO {ROLES}")

    triggers = (
        ("erasure", "erasure_insert", "BEFORE INSERT", "kkdesk_erasure_insert()"),
        ("erasure", "erasure_stamp_erased_by", "BEFORE INSERT OR UPDATE",
         "kkdesk_stamp('erased_by', 'erased_at', 'insert')"),
        ("erasure", "erasure_append_only", "BEFORE UPDATE OR DELETE", "kkdesk_refuse_change()"),
        ("legal_hold", "legal_hold_stamp_recorded_by", "BEFORE INSERT OR UPDATE",
         "kkdesk_stamp('recorded_by', 'recorded_at', 'insert')"),
        ("customer", "customer_erased", "BEFORE UPDATE", "kkdesk_erased_row()"),
        ("contact_person", "contact_person_erased", "BEFORE UPDATE", "kkdesk_erased_row()"),
        ("customer_order", "customer_order_erasure", "BEFORE UPDATE", "kkdesk_order_erasure()"),
    )  # fmt: skip
    for table, name, when, function in triggers:
        ex(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        ex(f"CREATE TRIGGER {name} {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {function}")
    ex("DROP TRIGGER IF EXISTS consent_event_append_only ON consent_event")
    ex(
        "CREATE TRIGGER consent_event_append_only BEFORE UPDATE OR DELETE ON consent_event "
        "FOR EACH ROW EXECUTE FUNCTION kkdesk_consent_event_change()"
    )
    for table in ("erasure", "legal_hold"):
        ex(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        ex(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION kkdesk_refuse_change()"
        )

    for table in ("contact_person", "consent_event", "suppression"):
        ex(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    for table, name, body in POLICIES:
        ex(f"DROP POLICY IF EXISTS {name} ON {table}")
        ex(f"CREATE POLICY {name} ON {table} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        ex = op.execute
        for table, name, _ in POLICIES:
            ex(f"DROP POLICY IF EXISTS {name} ON {table}")
        for table in ("contact_person", "consent_event", "suppression"):
            ex(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for table, name in (
            ("customer", "customer_erased"),
            ("contact_person", "contact_person_erased"),
            ("customer_order", "customer_order_erasure"),
        ):
            ex(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        ex("DROP TRIGGER IF EXISTS consent_event_append_only ON consent_event")
        ex(
            "CREATE TRIGGER consent_event_append_only BEFORE UPDATE OR DELETE ON consent_event "
            "FOR EACH ROW EXECUTE FUNCTION kkdesk_refuse_change()"
        )
        ex("REVOKE UPDATE ON contact_person FROM kkdesk_clerk")
        ex("GRANT UPDATE ON contact_person TO kkdesk_clerk")
        ex("REVOKE UPDATE (note, document_ref, erased_at) ON consent_event FROM kkdesk_privacy")
        ex("REVOKE UPDATE (description) ON disclosure FROM kkdesk_privacy")
    with op.batch_alter_table("customer_order", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_customer_order_erasure_id_erasure"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_customer_order_erasure_id"))
        batch_op.drop_column("erasure_id")
    with op.batch_alter_table("consent_event", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
    with op.batch_alter_table("contact_person", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
    op.drop_table("legal_hold")
    op.drop_table("erasure")
    if op.get_bind().dialect.name == "postgresql":
        for signature in reversed(FUNCTIONS):
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
