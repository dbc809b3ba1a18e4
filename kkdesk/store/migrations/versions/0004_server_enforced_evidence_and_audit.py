"""The central database enforces evidence, audit and data rules itself (issue 13).

Revision ID: 0004
Revises: 0003

What changed and why: what was *written* to the central database was still trusted to the
client. A clerk could forge who recorded a consent and when, date a letter in 2099 so that
it outranked a real withdrawal, detach an order or rewrite change history without an audit
row, and disguise every change of a transaction behind one harmless audit row of their own.
From this revision the server is the referee (docs/central-database.md, "What is enforced
where"):

- **Who and when** (``created_by/at``, ``updated_by/at``, ``recorded_by/at``,
  ``changed_by/at``, ``audit_event.actor/at`` …) are written by BEFORE triggers from
  ``session_user`` and the transaction time, whatever the client sends; on UPDATE the
  "created" pair keeps its old value. Only the database's owner (or a superuser), who
  could drop the triggers anyway, may load historical values, and only after
  ``SET LOCAL kkdesk.import = 'on'`` (the demo data generator does).
- **Dates people give** (a letter's received date, a disclosure's date, customer since,
  birth date, order times) are checked by the server: never after today anywhere on Earth
  (UTC+14) and never absurdly old, so no event can outrank one recorded after it.
- **Consents are serialised per customer**: inserting a consent event takes a
  transaction-level advisory lock on its customer (the desk takes the same lock before it
  reads the state it changes), and a suppression entry must belong to a consent event
  recorded in the same transaction by the same user.
- **Every change audited, one row per changed row**: a deferred FOR EACH ROW trigger on
  every table with personal or accounting data writes one ``audit_event`` row per row
  inserted, updated or deleted, naming the changed columns, into the log of every customer
  the row belonged to before and after (a moved order shows in both). There is no
  "one row per transaction" any more, so an audit row of one's own disguises nothing.
  Staff management (create, level, password, log-in, the sign-in helper) is audited too.
- **Versions**: any UPDATE of a customer bumps ``version`` (a trigger), so a desk save
  after a psql UPDATE is refused as stale. A customer's number is given by the server at
  INSERT when the client leaves it empty and never changes afterwards.
- **Data rules**: CHECK constraints for every coded column, amount, quantity, date order
  and JSON column. They are added ``NOT VALID`` and then validated where the existing rows
  allow: a row that already breaks a rule stays readable (kkdesk shows it as damaged) and
  no new row may break it.
- **Staff functions** refuse target logins with SUPERUSER, CREATEROLE, CREATEDB,
  REPLICATION or BYPASSRLS or with membership in any role that is not a kkdesk level, and
  accept only a well-formed SCRAM-SHA-256 verifier.
- **The sign-in helper** ``kkdesk_signin`` is NOLOGIN with no password until an
  administrator turns it on (``kkdesk db signin-helper on``, function
  ``kkdesk_signin_helper``); it gets no CONNECT limit beyond 3 connections.
- **pgaudit**: a NOLOGIN ``kkdesk_auditor`` role with SELECT on the personal-data tables
  is created for pgaudit's object auditing (``pgaudit.role = 'kkdesk_auditor'``), and the
  extension is created when the server offers it and the migrating role may.

Idempotent: every statement may run again. On SQLite there are no users or triggers:
nothing happens there (kkdesk shows rows it cannot interpret as damaged instead).
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LEVEL_ROLES = (
    "'kkdesk_viewer', 'kkdesk_clerk', 'kkdesk_marketing', 'kkdesk_privacy', 'kkdesk_admin'"
)

# --- who and when -----------------------------------------------------------------------

# (table, by-column, at-column, "insert" = set once | "always" = set on every write)
STAMPS: tuple[tuple[str, str, str, str], ...] = (
    ("customer", "created_by", "created_at", "insert"),
    ("customer", "updated_by", "updated_at", "always"),
    ("personal_data_change", "changed_by", "changed_at", "insert"),
    ("consent_event", "recorded_by", "recorded_at", "insert"),
    ("suppression", "created_by", "created_at", "insert"),
    ("disclosure", "recorded_by", "", "insert"),
    ("subject_request", "created_by", "created_at", "insert"),
    ("request_letter", "created_by", "created_at", "insert"),
    ("register_setting", "updated_by", "updated_at", "always"),
)

FUNCTIONS = r"""
-- The owner (or a superuser) loading historical data with SET LOCAL kkdesk.import = 'on'.
-- Anyone else who sets it gains nothing.
CREATE OR REPLACE FUNCTION kkdesk_importing() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT coalesce(current_setting('kkdesk.import', true), '') = 'on'
       AND EXISTS (SELECT FROM pg_roles r, pg_database d
                    WHERE r.rolname = session_user AND d.datname = current_database()
                      AND (r.rolsuper OR pg_has_role(session_user, d.datdba, 'MEMBER')))
$$;

CREATE OR REPLACE FUNCTION kkdesk_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    by_col text := TG_ARGV[0];
    at_col text := TG_ARGV[1];
    patch jsonb := '{}';
BEGIN
    IF kkdesk_importing() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND TG_ARGV[2] = 'insert' THEN
        IF by_col <> '' THEN
            patch := patch || jsonb_build_object(by_col, to_jsonb(OLD) -> by_col);
        END IF;
        IF at_col <> '' THEN
            patch := patch || jsonb_build_object(at_col, to_jsonb(OLD) -> at_col);
        END IF;
    ELSE
        IF by_col <> '' THEN
            patch := patch || jsonb_build_object(by_col, session_user::text);
        END IF;
        IF at_col <> '' THEN patch := patch || jsonb_build_object(at_col, now()); END IF;
    END IF;
    NEW := jsonb_populate_record(NEW, patch);
    RETURN NEW;
END $$;

-- The audit trail's own stamp: the hot path (a page of search results is fifty rows), so
-- plain assignments rather than kkdesk_stamp's generic record patching.
CREATE OR REPLACE FUNCTION kkdesk_stamp_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.actor := session_user;
    NEW.at := now();
    RETURN NEW;
END $$;

-- The latest calendar date anywhere on Earth (UTC+14): a date a user gives may be "today"
-- in their time zone, never later.
CREATE OR REPLACE FUNCTION kkdesk_latest_today() RETURNS date
LANGUAGE sql STABLE AS $$ SELECT ((now() AT TIME ZONE 'UTC') + interval '14 hours')::date $$;

CREATE OR REPLACE FUNCTION kkdesk_check_date(what text, value date, oldest date) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF value IS NULL THEN
        RETURN;
    END IF;
    IF value > kkdesk_latest_today() THEN
        RAISE EXCEPTION '% % is in the future', what, value
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:date_future';
    END IF;
    IF value < oldest THEN
        RAISE EXCEPTION '% % is before %', what, value, oldest
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:date_too_old';
    END IF;
END $$;

-- Dates that people give. "Absurdly old": evidence (letters, requests, disclosures) more
-- than 30 years back, a customer relationship before 1900, a birth over 130 years ago.
CREATE OR REPLACE FUNCTION kkdesk_check_dates() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    evidence date := (now() - interval '30 years')::date;
    r jsonb := to_jsonb(NEW);
BEGIN
    IF kkdesk_importing() THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'consent_event' THEN
        PERFORM kkdesk_check_date('received_on', NEW.received_on, evidence);
    ELSIF TG_TABLE_NAME = 'subject_request' THEN
        PERFORM kkdesk_check_date('received_on', NEW.received_on, evidence);
        PERFORM kkdesk_check_date('closed_on', NEW.closed_on, evidence);
    ELSIF TG_TABLE_NAME = 'disclosure' THEN
        PERFORM kkdesk_check_date('disclosed_at', (NEW.disclosed_at AT TIME ZONE 'UTC')::date,
                                  evidence);
    ELSIF TG_TABLE_NAME = 'customer' THEN
        PERFORM kkdesk_check_date('customer_since', NEW.customer_since, date '1900-01-01');
        PERFORM kkdesk_check_date('birth_date', NEW.birth_date,
                                  (now() - interval '130 years')::date);
    ELSIF TG_TABLE_NAME IN ('customer_order', 'order_return', 'delivery') THEN
        PERFORM kkdesk_check_date(k, ((r ->> k)::timestamptz AT TIME ZONE 'UTC')::date,
                                  date '1900-01-01')
           FROM unnest(ARRAY['ordered_at', 'requested_at', 'received_at', 'refunded_at',
                             'shipped_at', 'delivered_at']) AS k
          WHERE r ? k;
    END IF;
    RETURN NEW;
END $$;

-- Any UPDATE of a customer, from kkdesk or not, is a new version; its number, once given,
-- never changes (a blanked or altered number would hide the row from its own log).
CREATE OR REPLACE FUNCTION kkdesk_customer_row() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    body text;
    total int := 0;
    d int;
    i int;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF coalesce(NEW.number, '') = '' THEN
            -- The same number as kkdesk.domain.search.customer_number: base + id, Luhn digit.
            body := (100000 + NEW.id)::text;
            FOR i IN 1 .. length(body) LOOP
                d := substr(body, length(body) - i + 1, 1)::int;
                IF i % 2 = 1 THEN
                    d := d * 2;
                    IF d > 9 THEN d := d - 9; END IF;
                END IF;
                total := total + d;
            END LOOP;
            NEW.number := body || ((10 - total % 10) % 10)::text;
        END IF;
        IF NEW.version IS NULL OR NEW.version < 1 THEN
            NEW.version := 1;
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.number <> '' AND NEW.number IS DISTINCT FROM OLD.number THEN
        RAISE EXCEPTION 'a customer''s number never changes (%)', OLD.number
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:number_fixed';
    END IF;
    NEW.version := OLD.version + 1;
    RETURN NEW;
END $$;

-- Two opposite consent changes for one customer never interleave: the second waits for
-- the first to commit, and the desk (which takes the same lock before reading the state it
-- changes) then tells its user that the state changed.
CREATE OR REPLACE FUNCTION kkdesk_consent_lock() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(1801675620, NEW.customer_id);
    RETURN NEW;
END $$;

-- A suppression entry (adding or lifting one) belongs to a consent event recorded in the
-- same transaction by the same user: lifting a suppression without a recorded, audited
-- statement of the person is refused.
CREATE OR REPLACE FUNCTION kkdesk_suppression_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF kkdesk_importing() THEN
        RETURN NEW;
    END IF;
    IF NEW.consent_event_id IS NULL OR NOT EXISTS (
        SELECT FROM consent_event e
         WHERE e.id = NEW.consent_event_id AND e.recorded_at = now()
           AND e.recorded_by = session_user) THEN
        RAISE EXCEPTION 'a suppression entry must come with the consent event that causes it'
            USING ERRCODE = 'check_violation', HINT = 'kkdesk:suppression_without_event';
    END IF;
    RETURN NEW;
END $$;

-- One audit row per changed row, at commit (when the desk's purpose is known), for every
-- customer the row belonged to before and after the change.
CREATE OR REPLACE FUNCTION kkdesk_audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    ids int[] := '{}';
    nums text[] := '{}';
    r jsonb;
    num text;
    act text;
    cols text := '';
    detail text;
BEGIN
    IF kkdesk_importing() THEN
        RETURN NULL;
    END IF;
    FOREACH r IN ARRAY ARRAY[o, n] LOOP
        CONTINUE WHEN r IS NULL;
        IF TG_TABLE_NAME = 'customer' THEN
            nums := nums || (r ->> 'number');
            ids := ids || (r ->> 'id')::int;
        ELSIF TG_TABLE_NAME IN ('delivery', 'order_line', 'order_return') THEN
            ids := ids || (SELECT o2.customer_id FROM customer_order o2
                            WHERE o2.id = (r ->> 'order_id')::int);
        ELSIF TG_TABLE_NAME = 'return_line' THEN
            ids := ids || (SELECT o2.customer_id FROM order_return x
                             JOIN customer_order o2 ON o2.id = x.order_id
                            WHERE x.id = (r ->> 'return_id')::int);
        ELSIF TG_TABLE_NAME = 'suppression' THEN
            ids := ids || (SELECT e.customer_id FROM consent_event e
                            WHERE e.id = (r ->> 'consent_event_id')::int);
        ELSIF TG_TABLE_NAME = 'request_letter' THEN
            ids := ids || (SELECT s.customer_id FROM subject_request s
                            WHERE s.id = (r ->> 'request_id')::int);
        ELSE
            ids := ids || (r ->> 'customer_id')::int;
        END IF;
    END LOOP;
    nums := nums || ARRAY(SELECT c.number FROM customer c WHERE c.id = ANY (ids));
    IF TG_OP = 'UPDATE' THEN
        SELECT string_agg(k, ', ' ORDER BY k) INTO cols
          FROM jsonb_object_keys(n) AS k WHERE n -> k IS DISTINCT FROM o -> k;
    END IF;
    act := CASE
        WHEN TG_TABLE_NAME = 'customer' AND TG_OP = 'INSERT' THEN 'create'
        WHEN TG_TABLE_NAME = 'customer' AND (TG_OP = 'DELETE' OR (n ->> 'erased_at' IS NOT NULL
                                             AND o ->> 'erased_at' IS NULL)) THEN 'erase'
        WHEN TG_TABLE_NAME IN ('consent_event', 'suppression') THEN 'consent'
        WHEN TG_TABLE_NAME = 'delivery' THEN 'delivery'
        WHEN TG_TABLE_NAME IN ('order_return', 'return_line') THEN 'return'
        WHEN TG_TABLE_NAME = 'disclosure_customer' THEN 'export'
        WHEN TG_TABLE_NAME IN ('subject_request', 'request_letter') THEN 'report'
        ELSE 'update' END;
    detail := 'recorded by the database: ' || lower(TG_OP) || ' on ' || TG_TABLE_NAME
              || coalesce(' ' || (coalesce(n, o) ->> 'id'), '')
              || CASE WHEN coalesce(cols, '') <> '' THEN ' (' || cols || ')'
                      WHEN TG_OP = 'UPDATE' THEN ' (no change)' ELSE '' END;
    FOR num IN SELECT DISTINCT x FROM unnest(nums) AS x WHERE coalesce(x, '') <> '' LOOP
        INSERT INTO audit_event (at, actor, customer_number, action, purpose, detail)
        VALUES (now(), session_user, num, act,
                -- The purpose is the client's word: kept to the shape the CHECK allows, so
                -- an odd one never makes the change itself fail.
                left(regexp_replace(lower(coalesce(current_setting('kkdesk.purpose', true),
                                                   '')), '[^a-z_-]', '', 'g'), 40),
                left(detail, 200));
    END LOOP;
    RETURN NULL;
END $$;

-- Is text a JSON object? (PostgreSQL 15 has no IS JSON; a CHECK must not raise.)
CREATE OR REPLACE FUNCTION kkdesk_is_json_object(value text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN jsonb_typeof(value::jsonb) = 'object';
EXCEPTION WHEN others THEN
    RETURN false;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_is_json(value text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    PERFORM value::jsonb;
    RETURN true;
EXCEPTION WHEN others THEN
    RETURN false;
END $$;
"""

# Tables with personal or accounting data: one audit row per changed row.
AUDITED = (
    "customer",
    "contact_person",
    "personal_data_change",
    "customer_order",
    "order_line",
    "delivery",
    "order_return",
    "return_line",
    "consent_event",
    "suppression",
    "disclosure_customer",
    "subject_request",
    "request_letter",
)
# 0002/0003's per-transaction triggers, replaced by the per-row ones above.
OLD_AUDITED = (
    "customer",
    "contact_person",
    "delivery",
    "consent_event",
    "customer_order",
    "order_line",
    "order_return",
    "return_line",
)
DATED = (
    "consent_event",
    "subject_request",
    "disclosure",
    "customer",
    "customer_order",
    "order_return",
    "delivery",
)

# --- data rules ---------------------------------------------------------------------------

# Frozen copies of the vocabularies in kkdesk.domain (a unit test compares them): a later
# vocabulary change is a migration of its own.
CUSTOMER_TYPES = ("person", "company")
LANGUAGES = ("fi", "sv", "en")
DATA_SOURCES = (
    "customer_phone",
    "customer_letter",
    "customer_email",
    "customer_webshop",
    "customer_in_person",
    "public_source",
    "partner",
    "update_service",
)
CHANNELS = ("letter", "email", "phone", "webshop", "in_person")
CONSENT_ITEMS = (
    "direct_advertising",
    "distance_selling",
    "direct_marketing",
    "market_research",
    "directories",
    "genealogy",
    "email_marketing",
    "sms_marketing",
    "restriction",
    "objection",
)
ORDER_STATUSES = ("open", "shipped", "delivered", "cancelled")
DISCLOSURE_KINDS = ("marketing_export", "authority", "third_party")
REQUEST_KINDS = ("access", "rectification", "erasure", "restriction", "portability", "objection")
REQUEST_STATUSES = ("open", "done", "refused")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


COUNTRY = "'^[A-Z]{2}$'"
PHONE = "'^(\\+[0-9]{4,15})?$'"
# (table, constraint name, condition)
CHECKS: tuple[tuple[str, str, str], ...] = (
    ("customer", "type", f"type IN {_in(CUSTOMER_TYPES)}"),
    ("customer", "language", f"language IN {_in(LANGUAGES)}"),
    ("customer", "country", f"country ~ {COUNTRY}"),
    ("customer", "number", "number ~ '^[0-9]{7,12}$'"),
    ("customer", "business_id", "business_id ~ '^([0-9]{7}-[0-9])?$'"),
    (
        "customer",
        "phones",
        f"phone_home ~ {PHONE} AND phone_work ~ {PHONE} AND phone_mobile ~ {PHONE}",
    ),
    ("customer", "since", "customer_since >= date '1900-01-01'"),
    ("customer", "extra", "kkdesk_is_json_object(extra)"),
    ("customer", "version", "version >= 1"),
    ("contact_person", "phones", f"phone_work ~ {PHONE} AND phone_mobile ~ {PHONE}"),
    ("personal_data_change", "source", f"source IN {_in(DATA_SOURCES)}"),
    ("personal_data_change", "field", "field ~ '^[a-z_]{1,40}$'"),
    ("customer_order", "status", f"status IN {_in(ORDER_STATUSES)}"),
    ("customer_order", "number", "number <> ''"),
    ("customer_order", "total", "total_cents >= 0"),
    ("order_line", "line_no", "line_no >= 1"),
    ("order_line", "quantity", "quantity >= 1"),
    ("order_line", "price", "unit_price_cents >= 0"),
    ("order_line", "vat", "vat_rate_bp BETWEEN 0 AND 10000"),
    ("order_line", "product", "product_code <> ''"),
    ("delivery", "country", f"country ~ {COUNTRY}"),
    (
        "delivery",
        "order",
        "delivered_at IS NULL OR shipped_at IS NULL OR delivered_at >= shipped_at",
    ),
    ("order_return", "number", "number <> ''"),
    ("order_return", "refund", "refund_cents >= 0"),
    (
        "order_return",
        "order",
        "(received_at IS NULL OR received_at >= requested_at) "
        "AND (refunded_at IS NULL OR refunded_at >= requested_at)",
    ),
    ("return_line", "quantity", "quantity >= 1"),
    ("audit_event", "action", "action ~ '^[a-z][a-z_]{1,39}$'"),
    ("audit_event", "purpose", "purpose ~ '^[a-z_-]{0,40}$'"),
    ("consent_event", "item", f"item IN {_in(CONSENT_ITEMS)}"),
    ("consent_event", "channel", f"channel IN {_in(CHANNELS)}"),
    ("consent_event", "document_ref", "btrim(document_ref) <> ''"),
    ("suppression", "key_kind", "key_kind IN ('email', 'phone')"),
    ("suppression", "item", f"item IN {_in(CONSENT_ITEMS)}"),
    ("suppression", "key_value", "key_value <> ''"),
    ("disclosure", "kind", f"kind IN {_in(DISCLOSURE_KINDS)}"),
    ("disclosure", "count", "customer_count >= 0"),
    ("disclosure", "codes", "purpose ~ '^[a-z_-]{0,40}$' AND channel ~ '^[a-z_-]{0,20}$'"),
    ("disclosure", "recipient", "btrim(recipient) <> ''"),
    ("subject_request", "kind", f"kind IN {_in(REQUEST_KINDS)}"),
    ("subject_request", "status", f"status IN {_in(REQUEST_STATUSES)}"),
    ("subject_request", "channel", f"channel IN {_in(CHANNELS)}"),
    ("subject_request", "deadline", "deadline >= received_on"),
    ("subject_request", "closed", "closed_on IS NULL OR closed_on >= received_on"),
    ("request_letter", "language", f"language IN {_in(LANGUAGES)}"),
    ("request_letter", "sha256", "sha256 ~ '^[0-9a-f]{64}$'"),
    ("request_letter", "pages", "pages >= 1"),
    ("register_setting", "value", "kkdesk_is_json(value)"),
)


def _check_name(table: str, name: str) -> str:
    return f"ck_{table}_{name}"


def _add_check(table: str, name: str, condition: str) -> str:
    # NOT VALID, then validated where the rows allow: a row stored earlier against a rule
    # stays (kkdesk shows it as damaged) and no new row may break the rule.
    ck = _check_name(table, name)
    return f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = '{ck}'
                    AND conrelid = '{table}'::regclass) THEN
        ALTER TABLE {table} ADD CONSTRAINT {ck} CHECK ({condition}) NOT VALID;
    END IF;
    BEGIN
        ALTER TABLE {table} VALIDATE CONSTRAINT {ck};
    EXCEPTION WHEN check_violation THEN
        RAISE NOTICE 'rows of % break % and are shown as damaged', '{table}', '{ck}';
    END;
END $$
"""


# --- staff management, audited and hardened --------------------------------------------

# The full SCRAM-SHA-256 verifier: iterations, a 16-byte salt, two 32-byte keys (base64).
VERIFIER_RE = (
    r"^SCRAM-SHA-256\$[1-9][0-9]{3,6}:[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$"
)

USER_FUNCTIONS = rf"""
CREATE OR REPLACE FUNCTION kkdesk_staff_audit(what text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    INSERT INTO audit_event (at, actor, customer_number, action, purpose, detail)
    VALUES (now(), session_user, '', 'staff', 'administration', left(what, 200))
$$;

CREATE OR REPLACE FUNCTION kkdesk_check_staff(login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    r pg_roles%ROWTYPE;
BEGIN
    SELECT * INTO r FROM pg_roles WHERE rolname = login;
    IF NOT FOUND OR login LIKE 'kkdesk\_%' OR login LIKE 'pg\_%' OR NOT EXISTS (
        SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
         WHERE m.member = r.oid AND g.rolname IN ({LEVEL_ROLES})) THEN
        RAISE EXCEPTION 'no kkdesk staff login named %', login
            USING ERRCODE = 'undefined_object';
    END IF;
    -- A login with powers of its own, or that belongs to another application's role, is
    -- not kkdesk's to manage: resetting its password would hand those powers over.
    IF r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
       OR r.oid = (SELECT datdba FROM pg_database WHERE datname = current_database())
       OR EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                   WHERE m.member = r.oid AND g.rolname NOT IN ({LEVEL_ROLES})) THEN
        RAISE EXCEPTION 'the login % has rights beyond a kkdesk user level; a database '
                        'administrator must manage it', login
            USING ERRCODE = 'insufficient_privilege', HINT = 'kkdesk:login_privileged';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_check_verifier(verifier text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF verifier IS NULL OR verifier !~ '{VERIFIER_RE}' THEN
        RAISE EXCEPTION 'a password must be given as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value', HINT = 'kkdesk:bad_verifier';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_user_add(login text, level_role text, verifier text,
                                           valid_until timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM kkdesk_check_level(level_role);
    PERFORM kkdesk_check_verifier(verifier);
    IF login LIKE 'kkdesk\_%' OR login LIKE 'pg\_%' THEN
        RAISE EXCEPTION 'reserved login name: %', login
            USING ERRCODE = 'reserved_name';
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'a database role named % already exists', login
            USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION '
                   'NOBYPASSRLS INHERIT PASSWORD %L VALID UNTIL %L IN ROLE %I',
                   login, verifier, coalesce(valid_until::text, 'infinity'), level_role);
    PERFORM kkdesk_staff_audit(format('staff %s created at level %s, valid until %s',
                                      login, level_role, coalesce(valid_until::text, '-')));
END $$;

CREATE OR REPLACE FUNCTION kkdesk_user_set_role(login text, level_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    g text;
BEGIN
    PERFORM kkdesk_check_level(level_role);
    PERFORM kkdesk_check_staff(login);
    EXECUTE format('GRANT %I TO %I', level_role, login);
    FOREACH g IN ARRAY ARRAY[{LEVEL_ROLES}] LOOP
        IF g <> level_role THEN
            EXECUTE format('REVOKE %I FROM %I', g, login);
        END IF;
    END LOOP;
    PERFORM kkdesk_staff_audit(format('staff %s level set to %s', login, level_role));
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
    PERFORM kkdesk_staff_audit(format('staff %s %s', login,
                                      CASE WHEN enabled THEN 'enabled' ELSE 'disabled' END));
END $$;

CREATE OR REPLACE FUNCTION kkdesk_user_set_password(login text, verifier text,
                                                    valid_until timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM kkdesk_check_staff(login);
    PERFORM kkdesk_check_verifier(verifier);
    EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', login, verifier,
                   coalesce(valid_until::text, 'infinity'));
    PERFORM kkdesk_staff_audit(format('staff %s password set, valid until %s', login,
                                      coalesce(valid_until::text, '-')));
END $$;

-- The sign-in helper is off (NOLOGIN, no password) unless an administrator turns it on.
-- On, it signs in with the well-known password the desk knows, and reaches only
-- kkdesk_signin_status (docs/central-database.md).
CREATE OR REPLACE FUNCTION kkdesk_signin_helper(enabled boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF enabled THEN
        ALTER ROLE kkdesk_signin LOGIN PASSWORD 'kkdesk_signin' CONNECTION LIMIT 3;
    ELSE
        ALTER ROLE kkdesk_signin NOLOGIN PASSWORD NULL;
    END IF;
    PERFORM kkdesk_staff_audit(format('sign-in helper turned %s',
                                      CASE WHEN enabled THEN 'on' ELSE 'off' END));
END $$;
"""

USER_FUNCTION_SIGNATURES = (
    "kkdesk_user_add(text, text, text, timestamptz)",
    "kkdesk_user_set_role(text, text)",
    "kkdesk_user_set_login(text, boolean)",
    "kkdesk_user_set_password(text, text, timestamptz)",
    "kkdesk_signin_helper(boolean)",
)
INTERNAL_SIGNATURES = (
    "kkdesk_staff_audit(text)",
    "kkdesk_check_staff(text)",
    "kkdesk_check_verifier(text)",
    "kkdesk_stamp()",
    "kkdesk_stamp_audit()",
    "kkdesk_check_dates()",
    "kkdesk_customer_row()",
    "kkdesk_consent_lock()",
    "kkdesk_suppression_check()",
    "kkdesk_audit_row()",
)

# Large objects: every role may create them and only a superuser may take that away
# (kept equal to kkdesk.store.security.SIGNIN_DBA_HARDENING). Done here when a superuser
# migrates; otherwise the DBA runs it (docs/central-database.md).
LARGE_OBJECTS = """
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        REVOKE EXECUTE ON FUNCTION lo_create(oid), lo_creat(integer),
            lo_from_bytea(oid, bytea), lo_put(oid, bigint, bytea), lo_open(oid, integer),
            lowrite(integer, bytea), lo_truncate(integer, integer),
            lo_truncate64(integer, bigint), lo_unlink(oid) FROM PUBLIC;
    ELSE
        RAISE NOTICE 'large objects: a superuser should revoke lo_* from PUBLIC '
                     '(docs/central-database.md)';
    END IF;
END $$
"""

SIGNIN_OFF = """
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'kkdesk_signin') THEN
        ALTER ROLE kkdesk_signin NOLOGIN PASSWORD NULL CONNECTION LIMIT 3;
    END IF;
END $$
"""

# --- pgaudit --------------------------------------------------------------------------------

# Object auditing: pgaudit logs every statement that touches a table the role named by
# ``pgaudit.role`` holds a privilege on, by whoever runs it (a SELECT in psql included).
AUDITOR = "kkdesk_auditor"
AUDITOR_TABLES = (
    "customer",
    "contact_person",
    "personal_data_change",
    "customer_order",
    "order_line",
    "delivery",
    "order_return",
    "return_line",
    "consent_event",
    "suppression",
    "disclosure",
    "disclosure_customer",
    "subject_request",
    "request_letter",
    "audit_event",
)
PGAUDIT = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pgaudit') THEN
        RAISE NOTICE 'pgaudit is not installed on this server: reads outside kkdesk are not '
                     'logged (docs/central-database.md)';
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AUDITOR}') THEN
        CREATE ROLE {AUDITOR} NOLOGIN;
    END IF;
    GRANT SELECT, INSERT, UPDATE, DELETE ON {", ".join(AUDITOR_TABLES)} TO {AUDITOR};
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pgaudit;
    EXCEPTION WHEN insufficient_privilege OR feature_not_supported
                   OR object_not_in_prerequisite_state OR undefined_file THEN
        RAISE NOTICE 'pgaudit: the extension needs a superuser (CREATE EXTENSION pgaudit); '
                     'object auditing through {AUDITOR} works without it';
    END;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the embedded SQLite database has no users, triggers are not needed there
    ex = op.execute
    ex(FUNCTIONS)
    for signature in INTERNAL_SIGNATURES[3:]:
        ex(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")

    for table, by_col, at_col, mode in STAMPS:
        name = f"{table}_stamp_{by_col}"
        ex(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        ex(
            f"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION kkdesk_stamp('{by_col}', '{at_col}', '{mode}')"
        )
    ex("DROP TRIGGER IF EXISTS audit_event_stamp_actor ON audit_event")  # an early draft's
    ex("DROP TRIGGER IF EXISTS audit_event_stamp ON audit_event")
    ex(
        "CREATE TRIGGER audit_event_stamp BEFORE INSERT ON audit_event FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_stamp_audit()"
    )
    for table in DATED:
        ex(f"DROP TRIGGER IF EXISTS {table}_dates ON {table}")
        ex(
            f"CREATE TRIGGER {table}_dates BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW "
            "EXECUTE FUNCTION kkdesk_check_dates()"
        )
    ex("DROP TRIGGER IF EXISTS customer_row ON customer")
    ex(
        "CREATE TRIGGER customer_row BEFORE INSERT OR UPDATE ON customer FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_customer_row()"
    )
    ex("DROP TRIGGER IF EXISTS consent_event_lock ON consent_event")
    ex(
        "CREATE TRIGGER consent_event_lock BEFORE INSERT ON consent_event FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_consent_lock()"
    )
    ex("DROP TRIGGER IF EXISTS suppression_check ON suppression")
    ex(
        "CREATE TRIGGER suppression_check BEFORE INSERT ON suppression FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_suppression_check()"
    )

    for table in OLD_AUDITED:
        ex(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
    for table in AUDITED:
        ex(f"DROP TRIGGER IF EXISTS {table}_audit_row ON {table}")
        ex(
            f"CREATE CONSTRAINT TRIGGER {table}_audit_row AFTER INSERT OR UPDATE OR DELETE "
            f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            "EXECUTE FUNCTION kkdesk_audit_row()"
        )
    # Deleting history is recorded row by row too; TRUNCATE would skip row triggers.
    for table in AUDITED:
        ex(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        ex(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION kkdesk_refuse_change()"
        )

    for table, name, condition in CHECKS:
        ex(_add_check(table, name, condition))

    ex(USER_FUNCTIONS)
    for signature in (*USER_FUNCTION_SIGNATURES, *INTERNAL_SIGNATURES[:3]):
        ex(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    for signature in USER_FUNCTION_SIGNATURES:
        ex(f"GRANT EXECUTE ON FUNCTION {signature} TO kkdesk_admin")
    ex(SIGNIN_OFF)
    ex(LARGE_OBJECTS)
    ex(PGAUDIT)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    ex = op.execute
    for table, name, _ in CHECKS:
        ex(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {_check_name(table, name)}")
    for table in AUDITED:
        ex(f"DROP TRIGGER IF EXISTS {table}_audit_row ON {table}")
        if table not in ("audit_event", "consent_event", "suppression"):
            ex(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    for table in OLD_AUDITED:
        ex(
            f"CREATE CONSTRAINT TRIGGER {table}_audit AFTER INSERT OR UPDATE OR DELETE "
            f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            "EXECUTE FUNCTION kkdesk_audit_change()"
        )
    for table, by_col, _, _ in STAMPS:
        ex(f"DROP TRIGGER IF EXISTS {table}_stamp_{by_col} ON {table}")
    for table in DATED:
        ex(f"DROP TRIGGER IF EXISTS {table}_dates ON {table}")
    ex("DROP TRIGGER IF EXISTS audit_event_stamp ON audit_event")
    ex("DROP TRIGGER IF EXISTS customer_row ON customer")
    ex("DROP TRIGGER IF EXISTS consent_event_lock ON consent_event")
    ex("DROP TRIGGER IF EXISTS suppression_check ON suppression")
    ex("DROP FUNCTION IF EXISTS kkdesk_signin_helper(boolean)")
    for signature in INTERNAL_SIGNATURES[3:]:
        ex(f"DROP FUNCTION IF EXISTS {signature}")
    for fn in (
        "kkdesk_check_date(text, date, date)",
        "kkdesk_latest_today()",
        "kkdesk_importing()",
        "kkdesk_is_json_object(text)",
        "kkdesk_is_json(text)",
    ):
        ex(f"DROP FUNCTION IF EXISTS {fn}")
    # The staff functions keep their 0004 bodies (stricter, never looser) and with them
    # kkdesk_staff_audit; 0002's downgrade drops them.
    # The sign-in helper stays off and the auditor role stays (cluster-wide).
    ex(
        "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'kkdesk_auditor') THEN "
        f"REVOKE ALL ON {', '.join(AUDITOR_TABLES)} FROM kkdesk_auditor; END IF; END $$"
    )
