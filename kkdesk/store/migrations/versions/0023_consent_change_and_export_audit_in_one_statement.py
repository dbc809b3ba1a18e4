"""A consent change in one statement (``kkdesk_record_consent``); an export's audit rows
written by one statement.

Revision ID: 0023
Revises: 0020

What changed and why (issue 19, round trips over an office WAN): recording a consent or a
prohibition read the person, took the customer's consent lock, read the person's events
again after the lock (to see a change committed while it waited), appended the event and
wrote the audit row: four round trips, 80 ms of a 150 ms target at a 20 ms round trip.
The function does the reads, the lock, the check and the append in one statement, so the
change costs two round trips (the function's answer, then the audit row with the COMMIT).

The function runs as its caller (SECURITY INVOKER): the caller's grants and row-level
security apply to every read and to the insert, and the triggers of ``consent_event``
(0004's stamp of who and when from ``session_user`` and the transaction time, the consent
lock, the suppression entries of 0011, the erasure and restriction guards of 0017–0019)
fire as for any insert. It changes nothing the caller could not change by itself. Inside
it, each statement takes a fresh snapshot (READ COMMITTED, a VOLATILE function), so the
events read after the lock include what a writer that held the lock committed.

Its answer is one row: ``outcome`` (``recorded``, ``customer_not_found``,
``contact_not_found`` or ``changed``: nothing was written for the last three), the
customer's number and id, and the event as the server stored it (who and when being
``session_user`` and ``now()``, which the stamp trigger writes).

An export's audit rows: every customer of a marketing export gets an ``export`` row in
the audit log, written by the server for each ``disclosure_customer`` row. 0004's per-row
constraint trigger wrote them one by one at the COMMIT: 5,315 rows took 3.6 s of a 5.8 s
export at a million customers (the selection itself 1.2 s). A statement-level trigger
(``REFERENCING NEW TABLE``) now writes the same rows — who (``session_user``), when (the
transaction time), the customer's number, ``export``, the purpose told to the triggers,
the same detail text — with one INSERT ... SELECT when the rows are inserted. The per-row
trigger stays for UPDATE and DELETE (a merge's move of a row is logged under both
customers, as before). The purpose is read when the rows are inserted rather than at the
COMMIT: the export tells none, as before.

Idempotent. Going down drops the function and puts 0004's row trigger back for inserts.
"""

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

LEVELS = "kkdesk_viewer, kkdesk_clerk, kkdesk_marketing, kkdesk_privacy, kkdesk_admin"
AUDIT_ADDED = r"""
CREATE OR REPLACE FUNCTION kkdesk_audit_disclosed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF kkdesk_importing() THEN
        RETURN NULL;
    END IF;
    -- What kkdesk_audit_row (0004) writes for each inserted row, for all of them at once.
    INSERT INTO audit_event (at, actor, customer_number, action, purpose, detail)
    SELECT now(), session_user, c.number, 'export',
           left(regexp_replace(lower(coalesce(current_setting('kkdesk.purpose', true), '')),
                               '[^a-z_-]', '', 'g'), 40),
           'recorded by the database: insert on disclosure_customer'
      FROM added a JOIN customer c ON c.id = a.customer_id
     WHERE coalesce(c.number, '') <> ''
     ORDER BY a.disclosure_id, a.customer_id;
    RETURN NULL;
END $$;
"""

SIGNATURE = "kkdesk_record_consent(text, integer, text, boolean, date, text, text, text, integer)"

FUNCTION = r"""
CREATE OR REPLACE FUNCTION kkdesk_record_consent(
    p_number text, p_contact integer, p_item text, p_state boolean, p_received_on date,
    p_channel text, p_document_ref text, p_note text, p_seen_event integer)
RETURNS TABLE (outcome text, out_number text, out_customer_id integer, out_id integer,
               out_recorded_by text, out_recorded_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
    v_id integer;
    v_number text;
    v_before integer;
    v_now integer;
    v_event integer;
BEGIN
    SELECT c.id, c.number INTO v_id, v_number
      FROM customer c WHERE c.number = btrim(p_number) AND c.erased_at IS NULL;
    IF v_id IS NULL THEN
        RETURN QUERY SELECT 'customer_not_found', NULL::text, NULL::integer, NULL::integer,
                            NULL::text, NULL::timestamptz;
        RETURN;
    END IF;
    IF p_contact IS NOT NULL AND NOT EXISTS (
        SELECT FROM contact_person cp WHERE cp.id = p_contact AND cp.customer_id = v_id
    ) THEN
        RETURN QUERY SELECT 'contact_not_found', v_number, v_id, NULL::integer,
                            NULL::text, NULL::timestamptz;
        RETURN;
    END IF;
    -- The person's newest event before the lock, then the lock (the insert trigger takes
    -- the same one), then the newest again in a fresh snapshot: a change committed while
    -- this waited for the lock makes them differ.
    SELECT max(e.id) INTO v_before FROM consent_event e
     WHERE e.customer_id = v_id
       AND (e.contact_person_id = p_contact OR (p_contact IS NULL AND e.contact_person_id IS NULL));
    PERFORM pg_advisory_xact_lock(1801675620, v_id);
    SELECT max(e.id) INTO v_now FROM consent_event e
     WHERE e.customer_id = v_id
       AND (e.contact_person_id = p_contact OR (p_contact IS NULL AND e.contact_person_id IS NULL));
    IF coalesce(v_now, 0) <> coalesce(v_before, 0)
       OR (p_seen_event IS NOT NULL AND coalesce(v_before, 0) <> p_seen_event) THEN
        RETURN QUERY SELECT 'changed', v_number, v_id, NULL::integer,
                            NULL::text, NULL::timestamptz;
        RETURN;
    END IF;
    -- Who and when: the stamp trigger writes them (session_user, the transaction's time).
    INSERT INTO consent_event (customer_id, contact_person_id, item, state, received_on,
                               channel, document_ref, note)
    VALUES (v_id, p_contact, p_item, p_state, p_received_on, p_channel, p_document_ref,
            p_note)
    RETURNING id INTO v_event;
    RETURN QUERY SELECT 'recorded', v_number, v_id, v_event, session_user::text, now();
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute(f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {SIGNATURE} TO {LEVELS}")
    op.execute(AUDIT_ADDED)
    op.execute("REVOKE ALL ON FUNCTION kkdesk_audit_disclosed() FROM PUBLIC")
    op.execute("DROP TRIGGER IF EXISTS disclosure_customer_audit_row ON disclosure_customer")
    op.execute("DROP TRIGGER IF EXISTS disclosure_customer_audit_added ON disclosure_customer")
    op.execute(
        "CREATE CONSTRAINT TRIGGER disclosure_customer_audit_row AFTER UPDATE OR DELETE "
        "ON disclosure_customer DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_audit_row()"
    )
    op.execute(
        "CREATE TRIGGER disclosure_customer_audit_added AFTER INSERT ON disclosure_customer "
        "REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
        "EXECUTE FUNCTION kkdesk_audit_disclosed()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP FUNCTION IF EXISTS {SIGNATURE}")
    op.execute("DROP TRIGGER IF EXISTS disclosure_customer_audit_added ON disclosure_customer")
    op.execute("DROP TRIGGER IF EXISTS disclosure_customer_audit_row ON disclosure_customer")
    op.execute(
        "CREATE CONSTRAINT TRIGGER disclosure_customer_audit_row AFTER INSERT OR UPDATE OR DELETE "
        "ON disclosure_customer DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_audit_row()"
    )
    op.execute("DROP FUNCTION IF EXISTS kkdesk_audit_disclosed()")
