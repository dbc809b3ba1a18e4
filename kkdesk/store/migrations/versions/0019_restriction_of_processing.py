"""Restriction of processing (GDPR Art. 18) held on the customer, enforced by the server.

Revision ID: 0019
Revises: 0016

What changed and why (issue 15): a restriction so far existed only as a consent event
("restriction"), which stops marketing and nothing else. A restriction means the data is
only *stored* (Art. 18(2)); the register must refuse what processes it, and the central
database must refuse it itself, not only the desk. New table ``processing_restriction``:
the ground under Art. 18(1) (a)–(d), staff's reason, the request it answers, started
by/at, lifted by/at and the Art. 18(3) notice letter archived before the lift. One in
force per customer (a partial unique index, which is also what every check probes).

On PostgreSQL (the embedded SQLite register has no users or triggers; its services
refuse the same things with the same error code):

- grants: every level reads the table (the marker in search results and the header);
  privacy starts (INSERT of the ground, reason and request only) and lifts (UPDATE of
  the notice only); nobody deletes. Admin through its membership of every level.
- who and when: ``started_by/at`` by 0004's ``kkdesk_stamp``; ``lifted_by/at`` by this
  table's own trigger, which also refuses any other change (ground, reason, customer,
  request, start), a second lift, a row inserted already lifted, and a lift whose
  ``notice_letter_id`` is not a ``restriction_lift`` letter of the same customer made
  after the restriction started (hint ``kkdesk:restriction_lift_without_notice``).
- while a restriction is in force, BEFORE triggers refuse with SQLSTATE
  ``check_violation`` and hint ``kkdesk:processing_restricted`` (kkdesk.store.errors
  makes it a known error with that code): an UPDATE or DELETE of the customer, any
  change of its contact persons, a change-history row, a new order, a letter to anyone
  but the person (``request_letter.addressee`` not empty) — except the Art. 19 notice
  that tells a recipient about this very restriction, which Art. 19 requires — and,
  once per statement over the inserted rows, a marketing export or a disclosure to a third
  party that includes the customer (``disclosure_customer``). A disclosure to an
  authority under law stays recordable (Art. 18(2): important public interest; hiding a
  disclosure that happened would be worse). Consent events stay allowed: a prohibition,
  objection or withdrawal only narrows processing, and a consent is the person's own
  (Art. 18(2)).
- the owner loading historical data (``kkdesk.import``, 0004) passes, as for every rule.
- changes of the table are audited row by row by 0004's ``kkdesk_audit_row``.

Going down drops the triggers, the functions and the table.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

TABLE = "processing_restriction"
GROUNDS = ("accuracy_contested", "unlawful_processing", "legal_claims", "objection_pending")
LEVELS = ("kkdesk_viewer", "kkdesk_clerk", "kkdesk_marketing", "kkdesk_privacy")

# (table, timing and events, what the refusal names)
GUARDED = (
    ("customer", "BEFORE UPDATE OR DELETE", "edit"),
    ("contact_person", "BEFORE INSERT OR UPDATE OR DELETE", "edit"),
    ("personal_data_change", "BEFORE INSERT", "edit"),
    ("customer_order", "BEFORE INSERT", "order"),
    ("request_letter", "BEFORE INSERT", "letter"),
)

FUNCTIONS = rf"""
-- Is customer cid's processing restricted now? SECURITY DEFINER: the guards below run as
-- whoever writes, and must see the table whatever that level's grants become.
CREATE OR REPLACE FUNCTION kkdesk_restricted(cid integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT cid IS NOT NULL AND EXISTS (
        SELECT FROM {TABLE} r WHERE r.customer_id = cid AND r.lifted_at IS NULL)
$$;

CREATE OR REPLACE FUNCTION kkdesk_refuse_restricted(cid integer, what text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE num text;
BEGIN
    IF kkdesk_restricted(cid) THEN
        SELECT c.number INTO num FROM customer c WHERE c.id = cid;
        RAISE EXCEPTION 'customer % is under a restriction of processing (GDPR Art. 18): % refused',
                        num, what
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:processing_restricted';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_restriction_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    what text := TG_ARGV[0];
    o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    cid integer;
BEGIN
    IF kkdesk_importing() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF TG_TABLE_NAME = 'customer' THEN
        PERFORM kkdesk_refuse_restricted((o ->> 'id')::int, what);
    ELSIF TG_TABLE_NAME = 'request_letter' THEN
        -- Letters to the person (no addressee) are what a restriction still allows.
        IF coalesce(n ->> 'addressee', '') = '' THEN
            RETURN NEW;
        END IF;
        -- Art. 19: a recipient must be told of the restriction itself.
        IF n ->> 'kind' = 'recipient_notice' AND EXISTS (
                SELECT FROM subject_request s
                 WHERE s.id = (n ->> 'request_id')::int AND s.kind = 'restriction') THEN
            RETURN NEW;
        END IF;
        cid := coalesce((n ->> 'customer_id')::int,
                        (SELECT s.customer_id FROM subject_request s
                          WHERE s.id = (n ->> 'request_id')::int));
        PERFORM kkdesk_refuse_restricted(cid, what);
    ELSE
        PERFORM kkdesk_refuse_restricted((o ->> 'customer_id')::int, what);
        PERFORM kkdesk_refuse_restricted((n ->> 'customer_id')::int, what);
    END IF;
    RETURN coalesce(NEW, OLD);
END $$;

-- Once per INSERT statement into disclosure_customer (a marketing export inserts every
-- customer in one statement): the restrictions in force are few, so this is one hash
-- join of the new rows against them, not a probe per exported customer.
CREATE OR REPLACE FUNCTION kkdesk_restriction_export_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE num text;
BEGIN
    IF kkdesk_importing() THEN
        RETURN NULL;
    END IF;
    SELECT c.number INTO num
      FROM added a
      JOIN disclosure d ON d.id = a.disclosure_id
      JOIN {TABLE} r ON r.customer_id = a.customer_id AND r.lifted_at IS NULL
      JOIN customer c ON c.id = a.customer_id
     WHERE d.kind IN ('marketing_export', 'third_party')
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'customer % is under a restriction of processing (GDPR Art. 18): '
                        'export refused', num
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:processing_restricted';
    END IF;
    RETURN NULL;
END $$;

-- The restriction's own rows: who lifted it and when are the server's; nothing else of a
-- row ever changes; a lift names the Art. 18(3) notice made for it.
CREATE OR REPLACE FUNCTION kkdesk_restriction_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF kkdesk_importing() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.lifted_at IS NULL THEN
            RAISE EXCEPTION 'a restriction of processing in force is lifted, never deleted'
                USING ERRCODE = 'check_violation', HINT = 'kkdesk:restriction_fixed';
        END IF;
        RETURN OLD;  -- a lifted one goes with its customer (ON DELETE CASCADE)
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.lifted_at IS NOT NULL OR NEW.lifted_by IS NOT NULL
           OR NEW.notice_letter_id IS NOT NULL THEN
            RAISE EXCEPTION 'a restriction of processing starts in force'
                USING ERRCODE = 'check_violation', HINT = 'kkdesk:restriction_fixed';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.lifted_at IS NOT NULL THEN
        RAISE EXCEPTION 'restriction % was already lifted', OLD.id
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:restriction_fixed';
    END IF;
    IF (NEW.customer_id, NEW.ground, NEW.reason, NEW.request_id)
       IS DISTINCT FROM (OLD.customer_id, OLD.ground, OLD.reason, OLD.request_id) THEN
        RAISE EXCEPTION 'a restriction of processing is not changed, only lifted'
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:restriction_fixed';
    END IF;
    IF NEW.notice_letter_id IS NULL OR NOT EXISTS (
            SELECT FROM request_letter l
             WHERE l.id = NEW.notice_letter_id AND l.kind = 'restriction_lift'
               AND l.addressee = '' AND l.created_at >= OLD.started_at
               AND OLD.customer_id = coalesce(l.customer_id,
                     (SELECT s.customer_id FROM subject_request s WHERE s.id = l.request_id)))
    THEN
        RAISE EXCEPTION 'restriction % is lifted only after the person was sent its notice '
                        '(GDPR Art. 18(3))', OLD.id
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:restriction_lift_without_notice';
    END IF;
    NEW.lifted_at := now();
    NEW.lifted_by := session_user;
    NEW.started_at := OLD.started_at;
    NEW.started_by := OLD.started_by;
    RETURN NEW;
END $$;
"""

SIGNATURES = (
    "kkdesk_restricted(integer)",
    "kkdesk_refuse_restricted(integer, text)",
    "kkdesk_restriction_guard()",
    "kkdesk_restriction_export_guard()",
    "kkdesk_restriction_row()",
)


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("ground", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.String(length=100), nullable=False),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lifted_by", sa.String(length=100), nullable=True),
        sa.Column("notice_letter_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_processing_restriction_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["subject_request.id"],
            name=op.f("fk_processing_restriction_request_id_subject_request"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["notice_letter_id"],
            ["request_letter.id"],
            name=op.f("fk_processing_restriction_notice_letter_id_request_letter"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_processing_restriction")),
    )
    op.create_index(
        op.f("ix_processing_restriction_customer_id"), TABLE, ["customer_id"], unique=False
    )
    op.create_index(
        "ix_processing_restriction_in_force",
        TABLE,
        ["customer_id"],
        unique=True,
        sqlite_where=sa.text("lifted_at IS NULL"),
        postgresql_where=sa.text("lifted_at IS NULL"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return  # the embedded SQLite register: the services refuse (same error code)
    ex = op.execute
    grounds = ", ".join(f"'{g}'" for g in GROUNDS)
    ex(f"ALTER TABLE {TABLE} ADD CONSTRAINT ck_{TABLE}_ground CHECK (ground IN ({grounds}))")
    ex(f"ALTER TABLE {TABLE} ADD CONSTRAINT ck_{TABLE}_reason CHECK (btrim(reason) <> '')")
    ex(
        f"ALTER TABLE {TABLE} ADD CONSTRAINT ck_{TABLE}_lifted CHECK "
        "((lifted_at IS NULL) = (lifted_by IS NULL) AND "
        "(lifted_at IS NULL) = (notice_letter_id IS NULL))"
    )
    ex(f"REVOKE ALL ON TABLE {TABLE} FROM PUBLIC")
    ex(f"GRANT SELECT ON TABLE {TABLE} TO {', '.join(LEVELS)}")
    ex(f"GRANT INSERT (customer_id, ground, reason, request_id) ON TABLE {TABLE} TO kkdesk_privacy")
    ex(f"GRANT UPDATE (notice_letter_id) ON TABLE {TABLE} TO kkdesk_privacy")
    ex(
        f"""
DO $$
DECLARE seq text := pg_get_serial_sequence('{TABLE}', 'id');
BEGIN
    IF seq IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM PUBLIC', seq);
        EXECUTE format('GRANT USAGE ON SEQUENCE %s TO kkdesk_privacy', seq);
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'kkdesk_auditor') THEN
        GRANT SELECT ON TABLE {TABLE} TO kkdesk_auditor;
    END IF;
END $$
"""
    )
    ex(FUNCTIONS)
    for signature in SIGNATURES:
        ex(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    ex(
        f"CREATE TRIGGER {TABLE}_stamp_started_by BEFORE INSERT OR UPDATE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION kkdesk_stamp('started_by', 'started_at', 'insert')"
    )
    # Named to fire after the stamp (triggers fire in name order): the row rule has the
    # last word on who lifted it and when.
    ex(
        f"CREATE TRIGGER {TABLE}_uphold BEFORE INSERT OR UPDATE OR DELETE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION kkdesk_restriction_row()"
    )
    ex(
        f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
        "FOR EACH STATEMENT EXECUTE FUNCTION kkdesk_refuse_change()"
    )
    ex(
        f"CREATE CONSTRAINT TRIGGER {TABLE}_audit_row AFTER INSERT OR UPDATE OR DELETE "
        f"ON {TABLE} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_audit_row()"
    )
    ex(
        f"CREATE TRIGGER {TABLE}_text BEFORE INSERT OR UPDATE ON {TABLE} FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_check_text('', 'reason', '')"
    )
    for table, when, what in GUARDED:
        ex(f"DROP TRIGGER IF EXISTS {table}_restricted ON {table}")
        ex(
            f"CREATE TRIGGER {table}_restricted {when} ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION kkdesk_restriction_guard('{what}')"
        )
    ex("DROP TRIGGER IF EXISTS disclosure_customer_restricted ON disclosure_customer")
    ex(
        "CREATE TRIGGER disclosure_customer_restricted AFTER INSERT ON disclosure_customer "
        "REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
        "EXECUTE FUNCTION kkdesk_restriction_export_guard()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        ex = op.execute
        for table, _, _ in GUARDED:
            ex(f"DROP TRIGGER IF EXISTS {table}_restricted ON {table}")
        ex("DROP TRIGGER IF EXISTS disclosure_customer_restricted ON disclosure_customer")
    op.drop_index("ix_processing_restriction_in_force", table_name=TABLE)
    op.drop_index(op.f("ix_processing_restriction_customer_id"), table_name=TABLE)
    op.drop_table(TABLE)
    if op.get_bind().dialect.name == "postgresql":
        for signature in reversed(SIGNATURES):
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
