"""Central database security: user levels as group roles, grants, row security, audit.

Revision ID: 0002
Revises: 0001

What changed and why (register description, section 8: "each user has their own user name
and password … different user levels in the database"): the limits of each user level are
enforced by PostgreSQL itself, so that a staff member who connects with ``psql`` gets
exactly the same limits as in the desk.

- Five NOLOGIN group roles, ``kkdesk_viewer``, ``kkdesk_clerk``, ``kkdesk_marketing``,
  ``kkdesk_privacy`` and ``kkdesk_admin`` (a member of the other four), hold the grants.
  Role names are cluster-wide, so they are created only if missing: several kkdesk
  databases in one cluster share them, each with its own grants.
- Table and column privileges per level (see ``PRIVILEGES`` below). Marketing reads only the
  customer columns it needs (no birth dates, notes, extra data); row-level security hides
  erased customers from it.
- ``audit_event`` takes ``actor`` (``session_user``) and ``at`` (``now()``) from the server;
  no level may give them, so audit rows cannot be forged.
- ``audit_event``, ``consent_event`` and ``suppression`` are append-only: a trigger refuses
  UPDATE, DELETE and TRUNCATE for everyone, the tables' owner included.
- Changes to customers, contact persons, deliveries and consents are audited by deferred
  triggers at commit, so a change made outside the desk is still recorded; when the desk
  has already written its own audit row for that customer in the transaction (with the
  purpose the user chose), the trigger adds nothing.
- ``kkdesk_user_*`` functions, running as the owner, let ``kkdesk_admin`` create staff
  logins and change their level, password and whether they may log in, and nothing else.
- The database's CONNECT right is taken from PUBLIC and given to the levels only.

Run as the database's owner, who needs CREATEROLE (to create the group roles and staff
logins). Idempotent: every statement may run again. On SQLite there are no database users:
this migration does nothing there.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LEVELS = ("viewer", "clerk", "marketing", "privacy", "admin")
ROLES = tuple(f"kkdesk_{level}" for level in LEVELS)
STAFF = ("kkdesk_viewer", "kkdesk_clerk", "kkdesk_marketing", "kkdesk_privacy")

# Columns the marketing level may read of a customer (kept equal to
# kkdesk.store.security.MARKETING_CUSTOMER_COLUMNS; a test compares the two).
MARKETING_CUSTOMER_COLUMNS = (
    "id, number, type, customer_since, surname, first_names, company_name, business_id, "
    "street, postal_code, post_office, country, phone_home, phone_work, phone_mobile, email, "
    "language, name_key, name_key_rev, email_key, erased_at, version"
)
# A clerk edits customers but neither erases them nor rewrites who created them.
CLERK_CUSTOMER_UPDATE_COLUMNS = (
    "number, type, customer_since, surname, first_names, company_name, business_id, street, "
    "postal_code, post_office, country, phone_home, phone_work, phone_mobile, email, "
    "birth_date, language, notes, extra, name_key, name_key_rev, email_key, updated_at, "
    "updated_by, version"
)
AUDIT_INSERT = "INSERT (customer_number, action, purpose, detail)"

# table → role → privileges (SQL privilege lists, possibly with column lists).
# kkdesk_admin is a member of every other level and adds only what is listed for it.
PRIVILEGES: dict[str, dict[str, tuple[str, ...]]] = {
    "customer": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT", "INSERT", f"UPDATE ({CLERK_CUSTOMER_UPDATE_COLUMNS})"),
        "kkdesk_marketing": (f"SELECT ({MARKETING_CUSTOMER_COLUMNS})",),
        "kkdesk_privacy": ("SELECT", "UPDATE"),
    },
    "contact_person": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT", "INSERT", "UPDATE", "DELETE"),
        "kkdesk_marketing": ("SELECT",),
        "kkdesk_privacy": ("SELECT", "UPDATE", "DELETE"),
    },
    "personal_data_change": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT", "INSERT"),
        "kkdesk_privacy": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    },
    "customer_order": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT", "INSERT", "UPDATE"),
        "kkdesk_privacy": ("SELECT", "UPDATE"),
    },
    "order_line": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT", "INSERT", "UPDATE", "DELETE"),
        "kkdesk_privacy": ("SELECT",),
    },
    "delivery": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT", "INSERT", "UPDATE"),
        "kkdesk_privacy": ("SELECT", "UPDATE"),
    },
    "order_return": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT", "INSERT", "UPDATE"),
        "kkdesk_privacy": ("SELECT", "UPDATE"),
    },
    "return_line": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT", "INSERT", "UPDATE", "DELETE"),
        "kkdesk_privacy": ("SELECT",),
    },
    "audit_event": {
        "kkdesk_viewer": (AUDIT_INSERT,),
        "kkdesk_clerk": (AUDIT_INSERT,),
        "kkdesk_marketing": (AUDIT_INSERT,),
        "kkdesk_privacy": ("SELECT", AUDIT_INSERT),
    },
    "consent_event": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT", "INSERT"),
        "kkdesk_marketing": ("SELECT",),
        "kkdesk_privacy": ("SELECT", "INSERT"),
    },
    "suppression": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT", "INSERT"),
        "kkdesk_marketing": ("SELECT",),
        "kkdesk_privacy": ("SELECT", "INSERT"),
    },
    "disclosure": {
        "kkdesk_marketing": ("SELECT", "INSERT"),
        "kkdesk_privacy": ("SELECT", "INSERT"),
    },
    "disclosure_customer": {
        "kkdesk_marketing": ("SELECT", "INSERT"),
        "kkdesk_privacy": ("SELECT", "INSERT"),
    },
    "subject_request": {
        "kkdesk_privacy": ("SELECT", "INSERT", "UPDATE"),
    },
    "request_letter": {
        "kkdesk_privacy": ("SELECT", "INSERT"),
    },
    "register_setting": {
        "kkdesk_viewer": ("SELECT",),
        "kkdesk_clerk": ("SELECT",),
        "kkdesk_marketing": ("SELECT",),
        "kkdesk_privacy": ("SELECT",),
        "kkdesk_admin": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    },
    # Every level checks that the schema is current before it works.
    "alembic_version": {role: ("SELECT",) for role in STAFF},
}

APPEND_ONLY = ("audit_event", "consent_event", "suppression")
AUDITED = ("customer", "contact_person", "delivery", "consent_event")

CREATE_ROLES = """
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['kkdesk_viewer', 'kkdesk_clerk', 'kkdesk_marketing',
                             'kkdesk_privacy', 'kkdesk_admin'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
    FOREACH r IN ARRAY ARRAY['kkdesk_viewer', 'kkdesk_clerk', 'kkdesk_marketing',
                             'kkdesk_privacy'] LOOP
        IF NOT pg_has_role('kkdesk_admin', r, 'MEMBER') THEN
            EXECUTE format('GRANT %I TO kkdesk_admin', r);
        END IF;
    END LOOP;
END $$
"""

DATABASE_ACCESS = """
DO $$
BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO kkdesk_viewer, kkdesk_clerk, '
                   'kkdesk_marketing, kkdesk_privacy, kkdesk_admin', current_database());
END $$
"""

REFUSE_CHANGE = """
CREATE OR REPLACE FUNCTION kkdesk_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: rows are never changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$
"""

# Runs at commit (a deferred constraint trigger), when the desk's own audit row for the
# change, with the purpose the user chose, is already there. SECURITY DEFINER: it writes
# actor and time, which no level may; session_user stays the signed-in staff member.
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
    ELSIF TG_TABLE_NAME = 'delivery' THEN
        SELECT c.number INTO num FROM customer_order o JOIN customer c ON c.id = o.customer_id
         WHERE o.id = (rec->>'order_id')::int;
        act := 'delivery';
    ELSE
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

# Staff management for kkdesk_admin without CREATEROLE of its own: these run as the owner,
# take only a SCRAM verifier (never a clear-text password), and touch only logins that are
# members of a kkdesk level (never the owner, a superuser or another application's role).
USER_FUNCTIONS = """
CREATE OR REPLACE FUNCTION kkdesk_check_level(level_role text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF level_role NOT IN ('kkdesk_viewer', 'kkdesk_clerk', 'kkdesk_marketing',
                          'kkdesk_privacy', 'kkdesk_admin') THEN
        RAISE EXCEPTION 'not a kkdesk user level: %', level_role
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_check_staff(login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    r pg_roles%ROWTYPE;
BEGIN
    SELECT * INTO r FROM pg_roles WHERE rolname = login;
    IF NOT FOUND OR r.rolsuper OR login LIKE 'kkdesk\\_%' OR NOT EXISTS (
        SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
         WHERE m.member = r.oid AND g.rolname IN ('kkdesk_viewer', 'kkdesk_clerk',
               'kkdesk_marketing', 'kkdesk_privacy', 'kkdesk_admin')) THEN
        RAISE EXCEPTION 'no kkdesk staff login named %', login
            USING ERRCODE = 'undefined_object';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_check_verifier(verifier text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION 'a password must be given as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_user_add(login text, level_role text, verifier text,
                                           valid_until timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM kkdesk_check_level(level_role);
    PERFORM kkdesk_check_verifier(verifier);
    IF login LIKE 'kkdesk\\_%' OR login LIKE 'pg\\_%' THEN
        RAISE EXCEPTION 'reserved login name: %', login
            USING ERRCODE = 'reserved_name';
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'a database role named % already exists', login
            USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION '
                   'INHERIT PASSWORD %L VALID UNTIL %L IN ROLE %I',
                   login, verifier, coalesce(valid_until::text, 'infinity'), level_role);
END $$;

CREATE OR REPLACE FUNCTION kkdesk_user_set_role(login text, level_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    g text;
BEGIN
    PERFORM kkdesk_check_level(level_role);
    PERFORM kkdesk_check_staff(login);
    EXECUTE format('GRANT %I TO %I', level_role, login);
    FOREACH g IN ARRAY ARRAY['kkdesk_viewer', 'kkdesk_clerk', 'kkdesk_marketing',
                             'kkdesk_privacy', 'kkdesk_admin'] LOOP
        IF g <> level_role THEN
            EXECUTE format('REVOKE %I FROM %I', g, login);
        END IF;
    END LOOP;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_user_set_login(login text, enabled boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM kkdesk_check_staff(login);
    IF enabled THEN
        EXECUTE format('ALTER ROLE %I LOGIN', login);
    ELSE
        EXECUTE format('ALTER ROLE %I NOLOGIN', login);
    END IF;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_user_set_password(login text, verifier text,
                                                    valid_until timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM kkdesk_check_staff(login);
    PERFORM kkdesk_check_verifier(verifier);
    EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', login, verifier,
                   coalesce(valid_until::text, 'infinity'));
END $$;
"""

USER_FUNCTION_SIGNATURES = (
    "kkdesk_user_add(text, text, text, timestamptz)",
    "kkdesk_user_set_role(text, text)",
    "kkdesk_user_set_login(text, boolean)",
    "kkdesk_user_set_password(text, text, timestamptz)",
)
HELPER_SIGNATURES = (
    "kkdesk_check_level(text)",
    "kkdesk_check_staff(text)",
    "kkdesk_check_verifier(text)",
)


def _serial_sequence_grant(table: str, roles: list[str]) -> str:
    names = ", ".join(roles)
    return f"""
DO $$
DECLARE seq text;
BEGIN
    IF EXISTS (SELECT FROM pg_attribute WHERE attrelid = '{table}'::regclass
                AND attname = 'id' AND NOT attisdropped) THEN
        seq := pg_get_serial_sequence('{table}', 'id');
    END IF;
    IF seq IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM PUBLIC', seq);
        EXECUTE format('GRANT USAGE ON SEQUENCE %s TO {names}', seq);
    END IF;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the embedded SQLite database has no users or roles
    ex = op.execute
    ex(CREATE_ROLES)
    ex(DATABASE_ACCESS)
    ex("REVOKE ALL ON SCHEMA public FROM PUBLIC")
    ex("GRANT USAGE ON SCHEMA public TO " + ", ".join(ROLES))

    # Grants: revoke everything first, so that running again converges on this exact set.
    for table, grants in PRIVILEGES.items():
        ex(f"REVOKE ALL ON TABLE {table} FROM PUBLIC, {', '.join(ROLES)}")
        for role, privileges in grants.items():
            for privilege in privileges:
                ex(f"GRANT {privilege} ON TABLE {table} TO {role}")
        inserters = [r for r, p in grants.items() if any(x.startswith("INSERT") for x in p)]
        if inserters and table != "alembic_version":
            ex(_serial_sequence_grant(table, inserters))

    # The server writes who and when; audit rows can't be forged.
    ex("ALTER TABLE audit_event ALTER COLUMN actor SET DEFAULT session_user")
    ex("ALTER TABLE audit_event ALTER COLUMN at SET DEFAULT now()")
    ex("ALTER TABLE audit_event ALTER COLUMN purpose SET DEFAULT ''")
    ex("ALTER TABLE audit_event ALTER COLUMN detail SET DEFAULT ''")

    # Row-level security: marketing never sees erased customers.
    ex("ALTER TABLE customer ENABLE ROW LEVEL SECURITY")
    ex("DROP POLICY IF EXISTS customer_staff ON customer")
    ex("DROP POLICY IF EXISTS customer_marketing ON customer")
    ex(
        "CREATE POLICY customer_staff ON customer FOR ALL "
        "TO kkdesk_viewer, kkdesk_clerk, kkdesk_privacy USING (true) WITH CHECK (true)"
    )
    ex(
        "CREATE POLICY customer_marketing ON customer FOR SELECT "
        "TO kkdesk_marketing USING (erased_at IS NULL)"
    )

    ex(REFUSE_CHANGE)
    ex("REVOKE ALL ON FUNCTION kkdesk_refuse_change() FROM PUBLIC")
    for table in APPEND_ONLY:
        ex(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        ex(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION kkdesk_refuse_change()"
        )
        ex(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        ex(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION kkdesk_refuse_change()"
        )

    ex(AUDIT_CHANGE)
    ex("REVOKE ALL ON FUNCTION kkdesk_audit_change() FROM PUBLIC")
    for table in AUDITED:
        ex(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
        ex(
            f"CREATE CONSTRAINT TRIGGER {table}_audit AFTER INSERT OR UPDATE OR DELETE "
            f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            "EXECUTE FUNCTION kkdesk_audit_change()"
        )

    ex(USER_FUNCTIONS)
    for signature in (*USER_FUNCTION_SIGNATURES, *HELPER_SIGNATURES):
        ex(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    for signature in USER_FUNCTION_SIGNATURES:
        ex(f"GRANT EXECUTE ON FUNCTION {signature} TO kkdesk_admin")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    ex = op.execute
    for signature in (*USER_FUNCTION_SIGNATURES, *HELPER_SIGNATURES):
        ex(f"DROP FUNCTION IF EXISTS {signature}")
    for table in AUDITED:
        ex(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
    ex("DROP FUNCTION IF EXISTS kkdesk_audit_change()")
    for table in APPEND_ONLY:
        ex(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        ex(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    ex("DROP FUNCTION IF EXISTS kkdesk_refuse_change()")
    ex("DROP POLICY IF EXISTS customer_staff ON customer")
    ex("DROP POLICY IF EXISTS customer_marketing ON customer")
    ex("ALTER TABLE customer DISABLE ROW LEVEL SECURITY")
    for column in ("actor", "at", "purpose", "detail"):
        ex(f"ALTER TABLE audit_event ALTER COLUMN {column} DROP DEFAULT")
    for table in PRIVILEGES:
        ex(f"REVOKE ALL ON TABLE {table} FROM {', '.join(ROLES)}")
    ex("REVOKE ALL ON SCHEMA public FROM " + ", ".join(ROLES))
    ex("GRANT USAGE ON SCHEMA public TO PUBLIC")
    ex(
        "DO $$ BEGIN EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO PUBLIC', "
        "current_database()); END $$"
    )
    # The group roles stay: they are cluster-wide and other kkdesk databases may use them.
