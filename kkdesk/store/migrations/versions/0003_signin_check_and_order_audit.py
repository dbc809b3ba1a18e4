"""Central database: a sign-in check that tells why a sign-in was refused; orders audited.

Revision ID: 0003
Revises: 0002

What changed and why (issue "central PostgreSQL": a wrong password, an unknown user and an
expired password each get their own message). PostgreSQL answers all three with the same
"password authentication failed", on purpose. So that the desk can still say which, this
adds a well-known, powerless login role ``kkdesk_signin`` (its password is
``kkdesk_signin``: no secret) and one function, ``kkdesk_signin_status(login)``, that it
may call: after a refused sign-in the desk connects as ``kkdesk_signin`` and asks whether
the login is unknown, disabled, expired or active (so the password was wrong).

``kkdesk_signin`` has no privilege on any table, reads only what every database user can
read in ``pg_roles`` anyway, and is limited to a few connections. It tells anyone who can
reach the server whether a login name exists; where that is unwanted, an administrator
turns it off with ``ALTER ROLE kkdesk_signin NOLOGIN`` and the desk falls back to one
message for the three cases (docs/central-database.md).

The role is cluster-wide and created only if missing (an administrator's NOLOGIN stays);
the function and the CONNECT right are per database.

Also: orders, order lines, returns and returned lines are personal data too (section 5.2),
so a change made to them outside the desk (e.g. with psql) is now recorded in the audit
trail by the same deferred trigger as customers, contact persons and deliveries in 0002
(actions ``update`` for orders and their lines, ``return`` for returns). Going back to 0002
drops those triggers; the trigger function keeps its wider body, which nothing else calls.

Idempotent. Nothing on SQLite.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ROLE = "kkdesk_signin"
LEVEL_ROLES = (
    "'kkdesk_viewer', 'kkdesk_clerk', 'kkdesk_marketing', 'kkdesk_privacy', 'kkdesk_admin'"
)

CREATE_ROLE = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN
        CREATE ROLE {ROLE} LOGIN PASSWORD '{ROLE}' CONNECTION LIMIT 10
            NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION;
    END IF;
END $$
"""

# Known logins are kkdesk staff (members of a level), the database's owner and superusers;
# to the desk, any other role is "no such user". The expiry is given only when it passed.
STATUS_FUNCTION = f"""
CREATE OR REPLACE FUNCTION kkdesk_signin_status(login text)
RETURNS TABLE (status text, expired_at timestamptz)
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT CASE
               WHEN r.oid IS NULL THEN 'unknown'
               WHEN NOT r.rolcanlogin THEN 'disabled'
               WHEN r.rolvaliduntil < now() THEN 'expired'
               ELSE 'active'
           END,
           CASE WHEN r.rolvaliduntil < now() THEN r.rolvaliduntil END
      FROM (SELECT 1) AS one
      LEFT JOIN pg_roles AS r
        ON r.rolname = login
       AND (r.rolsuper
            OR r.oid = (SELECT datdba FROM pg_database WHERE datname = current_database())
            OR EXISTS (SELECT FROM pg_auth_members AS m JOIN pg_roles AS g ON g.oid = m.roleid
                        WHERE m.member = r.oid AND g.rolname IN ({LEVEL_ROLES})))
$$
"""

ORDER_TABLES = ("customer_order", "order_line", "order_return", "return_line")

# 0002's trigger function, with the order tables added: each finds its customer's number
# through the order it belongs to.
AUDIT_CHANGE = """
CREATE OR REPLACE FUNCTION kkdesk_audit_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    rec jsonb;
    num text;
    act text;
BEGIN
    IF TG_OP = 'DELETE' THEN rec := to_jsonb(OLD); ELSE rec := to_jsonb(NEW); END IF;
    IF TG_TABLE_NAME = 'customer' THEN
        -- The current number: a new customer gets its number after its first INSERT.
        SELECT c.number INTO num FROM customer c WHERE c.id = (rec->>'id')::int;
        num := coalesce(num, rec->>'number');
        IF TG_OP = 'INSERT' THEN
            act := 'create';
        ELSIF TG_OP = 'DELETE' OR (rec->>'erased_at' IS NOT NULL
                                   AND to_jsonb(OLD)->>'erased_at' IS NULL) THEN
            act := 'erase';
        ELSE
            act := 'update';
        END IF;
    ELSIF TG_TABLE_NAME IN ('delivery', 'order_line', 'order_return') THEN
        SELECT c.number INTO num FROM customer_order o JOIN customer c ON c.id = o.customer_id
         WHERE o.id = (rec->>'order_id')::int;
        act := CASE TG_TABLE_NAME WHEN 'delivery' THEN 'delivery'
                                  WHEN 'order_return' THEN 'return' ELSE 'update' END;
    ELSIF TG_TABLE_NAME = 'return_line' THEN
        SELECT c.number INTO num FROM order_return r JOIN customer_order o ON o.id = r.order_id
          JOIN customer c ON c.id = o.customer_id
         WHERE r.id = (rec->>'return_id')::int;
        act := 'return';
    ELSE
        -- contact_person, consent_event, customer_order: they name their customer.
        SELECT c.number INTO num FROM customer c WHERE c.id = (rec->>'customer_id')::int;
        act := CASE TG_TABLE_NAME WHEN 'consent_event' THEN 'consent' ELSE 'update' END;
    END IF;
    IF num IS NULL OR num = '' THEN
        RETURN NULL;
    END IF;
    -- One change row per customer, user and transaction is enough.
    IF EXISTS (SELECT FROM audit_event a
                WHERE a.customer_number = num AND a.actor = session_user AND a.at = now()
                  AND a.action IN ('create', 'update', 'erase', 'consent', 'delivery',
                                   'return')) THEN
        RETURN NULL;
    END IF;
    INSERT INTO audit_event (at, actor, customer_number, action, purpose, detail)
    VALUES (now(), session_user, num, act,
            coalesce(current_setting('kkdesk.purpose', true), ''),
            'recorded by the database: ' || lower(TG_OP) || ' on ' || TG_TABLE_NAME);
    RETURN NULL;
END $$
"""

# A database's own privileges name it: the migration does not know the name beforehand.
ON_DATABASE = "DO $$ BEGIN EXECUTE format('{statement}', current_database()); END $$"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the embedded SQLite database has no users
    ex = op.execute
    ex(CREATE_ROLE)
    ex(STATUS_FUNCTION)
    ex("REVOKE ALL ON FUNCTION kkdesk_signin_status(text) FROM PUBLIC")
    ex(f"GRANT EXECUTE ON FUNCTION kkdesk_signin_status(text) TO {ROLE}")
    ex(f"GRANT USAGE ON SCHEMA public TO {ROLE}")

    ex(AUDIT_CHANGE)
    ex("REVOKE ALL ON FUNCTION kkdesk_audit_change() FROM PUBLIC")
    for table in ORDER_TABLES:
        ex(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
        ex(
            f"CREATE CONSTRAINT TRIGGER {table}_audit AFTER INSERT OR UPDATE OR DELETE "
            f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            "EXECUTE FUNCTION kkdesk_audit_change()"
        )
    ex(ON_DATABASE.format(statement=f"GRANT CONNECT ON DATABASE %I TO {ROLE}"))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    ex = op.execute
    for table in ORDER_TABLES:
        ex(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
    ex("DROP FUNCTION IF EXISTS kkdesk_signin_status(text)")
    ex(f"REVOKE USAGE ON SCHEMA public FROM {ROLE}")
    ex(ON_DATABASE.format(statement=f"REVOKE CONNECT ON DATABASE %I FROM {ROLE}"))
    # The role stays: it is cluster-wide and other kkdesk databases may use it.
