"""The server keeps who/when of the newer tables, the suppression list, clean text and
reads made outside kkdesk (issue 13, the remaining server-side gaps).

Revision ID: 0011
Revises: 0010

What changed and why:

- **Who and when on every table.** ``letter_sending`` (0005) records who recorded a
  sending and when: now written by the server from ``session_user`` and the transaction
  time, as 0004 does for the older tables; its ``sent_on`` (a date the user gives) is never
  in the future nor more than 30 years back. ``subject_request.identity_verified_by`` (who
  decided an identity override, 0010) is the server's: an override is always the decision
  of whoever records it, and an identity check recorded without a named checker is the
  recorder's; once recorded it changes only together with the identity check.
- **Every row change audited there too.** ``letter_sending`` gets the per-row audit
  trigger; a letter that answers no request (``request_letter.customer_id``, 0005) and its
  sending are recorded in that customer's log (0004's trigger found the customer only
  through the request).
- **The suppression list is the server's.** A consent event inserted by any means (the
  desk, psql) makes the server append the suppression entries the history implies, in
  the same transaction, by the same rules as ``kkdesk.services.consents`` (the least
  permissive state of one person wins across the records holding the same e-mail or
  phone). No level inserts suppression entries itself any more, so the list and the
  history can never disagree. Changes on one key are serialised (a transaction-level
  advisory lock per e-mail/phone), as consents of one customer already are (0004).
- **No hidden characters stored.** Names, addresses, references and other one-line fields
  refuse control, text-direction and zero-width characters; multi-line texts (notes,
  reasons, descriptions, register settings' texts) allow line breaks and tabs but no
  other controls and no text-direction characters — the rules of
  ``kkdesk.domain.validation.check_characters``. The error names the column and the
  reason (hint ``kkdesk:control_chars`` / ``kkdesk:invisible_chars``). Only new or changed
  values are checked: a row stored earlier stays readable.
- **Reads outside kkdesk in the customer's log.** ``kkdesk_collect_reads()`` (the owner's
  and the admin level's) reads pgaudit's entries from the server's own JSON log
  (``log_destination = jsonlog``) with ``pg_read_file`` and writes each SELECT of a
  kkdesk table made by a program other than kkdesk into the audit trail as a ``read``
  by that login at that time: to the customers whose number or id the statement names,
  otherwise as a register-wide read (customer number ``*``) that every access letter of
  the period reports. Where it stopped is kept in ``kkdesk_outside_read_position``
  (no level may change it). The DBA grants the owner ``pg_read_file`` and
  ``pg_ls_logdir`` (docs/central-database.md).

Idempotent. Nothing on SQLite (one local user, no triggers; the desk keeps the list).
"""

import importlib

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

LEVELS = "kkdesk_viewer, kkdesk_clerk, kkdesk_marketing, kkdesk_privacy, kkdesk_admin"

# --- who and when, audit -------------------------------------------------------------------

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION kkdesk_check_sent_on() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT kkdesk_importing() THEN
        PERFORM kkdesk_check_date('sent_on', NEW.sent_on, (now() - interval '30 years')::date);
    END IF;
    RETURN NEW;
END $$;

-- Who decided about a requester's identity: an override is always the recorder's decision;
-- a check without a named checker is the recorder's; the name changes only with the check.
CREATE OR REPLACE FUNCTION kkdesk_request_identity() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    IF kkdesk_importing() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.identity_method IS NOT DISTINCT FROM OLD.identity_method
       AND NEW.identity_override IS NOT DISTINCT FROM OLD.identity_override THEN
        NEW.identity_verified_by := OLD.identity_verified_by;
    ELSIF coalesce(NEW.identity_override, '') <> '' THEN
        NEW.identity_verified_by := session_user;
    ELSIF coalesce(NEW.identity_method, '') = '' THEN
        NEW.identity_verified_by := '';
    ELSIF coalesce(btrim(NEW.identity_verified_by), '') = '' THEN
        NEW.identity_verified_by := session_user;
    END IF;
    RETURN NEW;
END $$;

-- 0004's per-row audit, with the customers of the 0005 tables: a letter that answers no
-- request names its customer itself, and a sending belongs to its letter's customer.
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
                            WHERE s.id = (r ->> 'request_id')::int)
                       || (r ->> 'customer_id')::int;
        ELSIF TG_TABLE_NAME = 'letter_sending' THEN
            ids := ids || ARRAY(SELECT x FROM request_letter l
                                  LEFT JOIN subject_request s ON s.id = l.request_id,
                                  LATERAL unnest(ARRAY[l.customer_id, s.customer_id]) AS x
                                 WHERE l.id = (r ->> 'letter_id')::int);
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
        WHEN TG_TABLE_NAME IN ('subject_request', 'request_letter', 'letter_sending')
            THEN 'report'
        ELSE 'update' END;
    detail := 'recorded by the database: ' || lower(TG_OP) || ' on ' || TG_TABLE_NAME
              || coalesce(' ' || (coalesce(n, o) ->> 'id'), '')
              || CASE WHEN coalesce(cols, '') <> '' THEN ' (' || cols || ')'
                      WHEN TG_OP = 'UPDATE' THEN ' (no change)' ELSE '' END;
    FOR num IN SELECT DISTINCT x FROM unnest(nums) AS x WHERE coalesce(x, '') <> '' LOOP
        INSERT INTO audit_event (at, actor, customer_number, action, purpose, detail)
        VALUES (now(), session_user, num, act,
                left(regexp_replace(lower(coalesce(current_setting('kkdesk.purpose', true),
                                                   '')), '[^a-z_-]', '', 'g'), 40),
                left(detail, 200));
    END LOOP;
    RETURN NULL;
END $$;
"""

# --- the suppression list --------------------------------------------------------------------

# The same rules as kkdesk.domain.consent (derive, suppressed_items) and
# kkdesk.services.consents (item_keys, _others_forbid, update_suppression).
SUPPRESSION = r"""
-- The items a person's own history forbids because they said so: a prohibition,
-- restriction or objection in force, or a consent withdrawn. The newest event of an item
-- by (received_on, recorded_at, id) decides; ``skip`` leaves one event out (the state
-- before it).
CREATE OR REPLACE FUNCTION kkdesk_person_suppressed(p_customer int, p_contact int, p_skip int)
RETURNS text[] LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT coalesce(array_agg(s.item), '{}') FROM (
        SELECT DISTINCT ON (e.item) e.item, e.state
          FROM consent_event e
         WHERE e.customer_id = p_customer
           AND e.contact_person_id IS NOT DISTINCT FROM p_contact
           AND e.id <> p_skip
         ORDER BY e.item, e.received_on DESC, e.recorded_at DESC, e.id DESC) AS s
     WHERE (s.item IN ('email_marketing', 'sms_marketing')) <> s.state
$$;

-- A person's suppression keys: the folded e-mail and the E.164 phones.
CREATE OR REPLACE FUNCTION kkdesk_person_keys(p_customer int, p_contact int)
RETURNS TABLE (kind text, value text)
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT 'email', c.email_key FROM customer c
     WHERE p_contact IS NULL AND c.id = p_customer AND c.email_key <> ''
    UNION
    SELECT 'phone', ph FROM customer c,
           unnest(ARRAY[c.phone_home, c.phone_work, c.phone_mobile]) AS ph
     WHERE p_contact IS NULL AND c.id = p_customer AND ph <> ''
    UNION
    SELECT 'email', x.email_key FROM contact_person x
     WHERE x.id = p_contact AND x.customer_id = p_customer AND x.email_key <> ''
    UNION
    SELECT 'phone', ph FROM contact_person x, unnest(ARRAY[x.phone_work, x.phone_mobile]) AS ph
     WHERE x.id = p_contact AND x.customer_id = p_customer AND ph <> ''
$$;

-- Whether another live record (customer or contact person) holding this key forbids the
-- item by its own statement: the least permissive state of one person wins.
CREATE OR REPLACE FUNCTION kkdesk_others_forbid(p_kind text, p_value text, p_item text,
                                                p_customer int, p_contact int)
RETURNS boolean LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT FROM (
            SELECT c.id AS cid, NULL::int AS pid FROM customer c
             WHERE c.erased_at IS NULL
               AND ((p_kind = 'email' AND c.email_key = p_value)
                    OR (p_kind = 'phone' AND (c.phone_home = p_value OR c.phone_work = p_value
                                              OR c.phone_mobile = p_value)))
            UNION ALL
            SELECT x.customer_id, x.id FROM contact_person x JOIN customer c
                ON c.id = x.customer_id
             WHERE c.erased_at IS NULL
               AND ((p_kind = 'email' AND x.email_key = p_value)
                    OR (p_kind = 'phone' AND (x.phone_work = p_value
                                              OR x.phone_mobile = p_value)))) AS r
         WHERE NOT (r.cid = p_customer AND r.pid IS NOT DISTINCT FROM p_contact)
           AND p_item = ANY (kkdesk_person_suppressed(r.cid, r.pid, 0)))
$$;

-- Every consent event, however inserted, appends the suppression entries it implies.
CREATE OR REPLACE FUNCTION kkdesk_consent_suppression() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    before_items text[];
    after_items text[];
    it text;
    k record;
    want boolean;
    is_active boolean;
BEGIN
    IF kkdesk_importing() THEN
        RETURN NULL;  -- the owner loading history brings its own entries
    END IF;
    before_items := kkdesk_person_suppressed(NEW.customer_id, NEW.contact_person_id, NEW.id);
    after_items := kkdesk_person_suppressed(NEW.customer_id, NEW.contact_person_id, 0);
    FOR it IN SELECT DISTINCT x FROM unnest(before_items || after_items) AS x ORDER BY 1 LOOP
        FOR k IN SELECT pk.kind, pk.value
                   FROM kkdesk_person_keys(NEW.customer_id, NEW.contact_person_id) AS pk
                  WHERE (pk.kind = 'email' AND it <> 'sms_marketing')
                     OR (pk.kind = 'phone' AND it <> 'email_marketing')
                  ORDER BY 1, 2 LOOP
            -- Two records with one key change one at a time: the second sees the first.
            PERFORM pg_advisory_xact_lock(1801675621, hashtext(k.kind || ':' || k.value));
            SELECT s.active INTO is_active FROM suppression s
             WHERE s.key_kind = k.kind AND s.key_value = k.value AND s.item = it
             ORDER BY s.id DESC LIMIT 1;
            want := it = ANY (after_items)
                    OR kkdesk_others_forbid(k.kind, k.value, it, NEW.customer_id,
                                            NEW.contact_person_id);
            IF want IS DISTINCT FROM coalesce(is_active, false) THEN
                INSERT INTO suppression (key_kind, key_value, item, active, created_at,
                                         created_by, consent_event_id)
                VALUES (k.kind, k.value, it, want, now(), session_user, NEW.id);
            END IF;
        END LOOP;
    END LOOP;
    RETURN NULL;
END $$;
"""

# --- characters ---------------------------------------------------------------------------

# kkdesk.domain.validation: C0/C1 controls, DEL, U+2028/2029; bidi controls; zero-width.
CONTROL = r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]"
CONTROL_ONE_LINE = r"[\x01-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]"
BIDI = r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
ZERO_WIDTH = r"[\u200b-\u200d\u2060\ufeff]"

TEXT_FUNCTIONS = rf"""
-- Why a text may not be stored (NULL: it may): 'control_chars' or 'invisible_chars'. A tab
-- is white space; multi-line text may hold line breaks and zero-width joiners (emoji).
CREATE OR REPLACE FUNCTION kkdesk_text_problem(value text, multiline boolean) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN value IS NULL THEN NULL
        WHEN multiline AND value ~ '{CONTROL}' THEN 'control_chars'
        WHEN NOT multiline AND value ~ '{CONTROL_ONE_LINE}' THEN 'control_chars'
        WHEN value ~ '{BIDI}' THEN 'invisible_chars'
        WHEN NOT multiline AND value ~ '{ZERO_WIDTH}' THEN 'invisible_chars'
    END
$$;

-- Every string inside a JSON text (register settings, a customer's extra data).
CREATE OR REPLACE FUNCTION kkdesk_json_text_problem(value text, multiline boolean)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    s text;
    p text;
BEGIN
    FOR s IN SELECT v #>> '{{}}' FROM jsonb_path_query(value::jsonb, 'strict $.**') AS v
              WHERE jsonb_typeof(v) = 'string'
             UNION ALL
             SELECT k FROM jsonb_path_query(value::jsonb, 'strict $.**') AS v,
                    LATERAL jsonb_object_keys(CASE WHEN jsonb_typeof(v) = 'object'
                                                   THEN v ELSE '{{}}' END) AS k LOOP
        p := kkdesk_text_problem(s, multiline);
        IF p IS NOT NULL THEN
            RETURN p;
        END IF;
    END LOOP;
    RETURN NULL;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;  -- not JSON: the JSON CHECK of 0004 says so
END $$;

-- BEFORE INSERT OR UPDATE: TG_ARGV[0] one-line columns, [1] multi-line, [2] JSON texts
-- (comma-separated). Only new or changed values are checked.
CREATE OR REPLACE FUNCTION kkdesk_check_text() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    n jsonb := to_jsonb(NEW);
    o jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ELSE '{{}}' END;
    i int;
    col text;
    problem text;
BEGIN
    IF kkdesk_importing() THEN
        RETURN NEW;
    END IF;
    FOR i IN 0 .. 2 LOOP
        FOREACH col IN ARRAY string_to_array(TG_ARGV[i], ',') LOOP
            CONTINUE WHEN n -> col IS NOT DISTINCT FROM o -> col;
            IF i = 2 THEN
                problem := kkdesk_json_text_problem(n ->> col, true);
            ELSE
                problem := kkdesk_text_problem(n ->> col, i = 1);
            END IF;
            IF problem IS NOT NULL THEN
                RAISE EXCEPTION '%.% contains %', TG_TABLE_NAME, col,
                    CASE problem WHEN 'control_chars' THEN 'control characters'
                    ELSE 'invisible text-direction or zero-width characters' END
                    USING ERRCODE = 'check_violation', HINT = 'kkdesk:' || problem,
                          TABLE = TG_TABLE_NAME, COLUMN = col;
            END IF;
        END LOOP;
    END LOOP;
    RETURN NEW;
END $$;
"""

# A staff login's name: kkdesk.store.security._LOGIN_RE, now the server's rule too (a
# name with control or text-direction characters would be shown in every log).
USER_ADD = r"""
CREATE OR REPLACE FUNCTION kkdesk_user_add(login text, level_role text, verifier text,
                                           valid_until timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM kkdesk_check_level(level_role);
    PERFORM kkdesk_check_verifier(verifier);
    IF login IS NULL OR login !~ '^[a-z_][a-z0-9_.\-]{0,62}$' THEN
        RAISE EXCEPTION 'a login is 1-63 lower-case letters, digits, _ . or -'
            USING ERRCODE = 'invalid_parameter_value', HINT = 'kkdesk:login_name';
    END IF;
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
"""

# table → (one-line columns, multi-line columns, JSON text columns). Coded columns, keys
# and numbers already have CHECKs of their own (0004); who/when are the server's.
TEXT_COLUMNS: dict[str, tuple[str, str, str]] = {
    "customer": (
        "surname,first_names,company_name,street,postal_code,post_office,email",
        "notes",
        "extra",
    ),
    "contact_person": ("surname,first_names,role,email", "", ""),
    "personal_data_change": ("source_detail", "old_value,new_value", ""),
    "customer_order": ("number", "", ""),
    "order_line": ("product_code,product_name", "", ""),
    "delivery": ("carrier,tracking_code,recipient,street,postal_code,post_office", "", ""),
    "order_return": ("number", "reason", ""),
    "consent_event": ("document_ref", "note", ""),
    "disclosure": ("recipient,legal_basis", "description", ""),
    "subject_request": (
        "identity_method,identity_verified_by,contact_person_name,requester_name",
        "identity_override,extension_reason,note,requester_address",
        "",
    ),
    "request_letter": ("addressee", "", ""),
    "register_setting": ("key", "", "value"),
}

# --- reads outside kkdesk ------------------------------------------------------------------

TABLES = (
    "customer|contact_person|personal_data_change|customer_order|order_line|delivery|"
    "order_return|return_line|consent_event|suppression|disclosure|disclosure_customer|"
    "subject_request|request_letter|letter_sending|search_word|audit_event"
)

OUTSIDE_READS = rf"""
CREATE TABLE IF NOT EXISTS kkdesk_outside_read_position (
    log_file text PRIMARY KEY,
    position bigint NOT NULL,
    collected_at timestamptz NOT NULL DEFAULT now()
);

-- The audit trail keeps a collected read's own who and when (the login that ran it, the
-- time the server logged it): only this function, running as the owner, may.
CREATE OR REPLACE FUNCTION kkdesk_stamp_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('kkdesk.collecting_reads', true) = 'on'
       AND current_user = (SELECT r.rolname FROM pg_class t JOIN pg_roles r
                             ON r.oid = t.relowner WHERE t.oid = TG_RELID) THEN
        RETURN NEW;
    END IF;
    NEW.actor := session_user;
    NEW.at := now();
    RETURN NEW;
END $$;

-- Reads pgaudit's object-audit entries from the server's JSON log files (jsonlog, PG 15)
-- from where the last run stopped, and records every SELECT of a kkdesk table by a
-- program other than kkdesk as a 'read' of the customers it names (customer numbers,
-- or ids compared with '='), or else of the whole register ('*'). Returns how many
-- statements it recorded.
CREATE OR REPLACE FUNCTION kkdesk_collect_reads() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    f record;
    start bigint;
    body text;
    upto bigint;
    line text;
    j jsonb;
    m text[];
    stmt text;
    sid text;
    logdir text;
    nums text[];
    num text;
    done int := 0;
BEGIN
    IF NOT (pg_has_role(session_user, 'kkdesk_admin', 'MEMBER')
            OR pg_has_role(session_user, (SELECT datdba FROM pg_database
                                           WHERE datname = current_database()), 'MEMBER')) THEN
        RAISE EXCEPTION 'only an administrator collects reads made outside kkdesk'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- One collector at a time.
    PERFORM pg_advisory_xact_lock(1801675622, 0);
    BEGIN
        logdir := current_setting('log_directory');
    EXCEPTION WHEN insufficient_privilege THEN
        logdir := 'log';  -- PostgreSQL's default; another needs pg_read_all_settings
    END;
    PERFORM set_config('kkdesk.collecting_reads', 'on', true);
    FOR f IN SELECT name, size FROM pg_ls_logdir() WHERE name LIKE '%.json'
              ORDER BY modification, name LOOP
        SELECT position INTO start FROM kkdesk_outside_read_position WHERE log_file = f.name;
        start := coalesce(start, 0);
        CONTINUE WHEN f.size <= start;
        body := pg_read_file(logdir || '/' || f.name, start,
                             least(f.size - start, 67108864));  -- 64 MB a run at most
        -- Only whole lines: a line being written is read next time.
        upto := length(convert_to(body, 'UTF8'));
        IF right(body, 1) <> E'\n' THEN
            body := left(body, length(body) - length(regexp_replace(body, '^.*\n', '')));
            upto := length(convert_to(body, 'UTF8'));
        END IF;
        FOREACH line IN ARRAY string_to_array(rtrim(body, E'\n'), E'\n') LOOP
            CONTINUE WHEN line NOT LIKE '%AUDIT: OBJECT,%';
            BEGIN
                j := line::jsonb;
            EXCEPTION WHEN others THEN
                CONTINUE;
            END;
            CONTINUE WHEN j ->> 'dbname' IS DISTINCT FROM current_database()
                       OR coalesce(j ->> 'application_name', '') = 'kkdesk';
            m := regexp_match(j ->> 'message',
                '^AUDIT: OBJECT,(\d+),(\d+),READ,SELECT,TABLE,public\.({TABLES}),(.*),[^,]*$');
            -- Top-level statements only: what triggers of a psql change read is not a read
            -- of the person who changed (their change is audited itself).
            CONTINUE WHEN m IS NULL OR m[2] <> '1';
            sid := coalesce(j ->> 'session_id', '') || '/' || m[1];
            -- One read per statement: pgaudit logs a line per table it touched.
            CONTINUE WHEN EXISTS (
                SELECT FROM audit_event a
                 WHERE a.actor = j ->> 'user' AND a.action = 'read'
                   AND a.purpose = 'outside_kkdesk'
                   AND a.at > (j ->> 'timestamp')::timestamptz - interval '1 minute'
                   AND a.detail LIKE 'outside kkdesk, statement ' || sid || ' %');
            stmt := m[4];
            IF left(stmt, 1) = '"' THEN
                stmt := replace(substr(stmt, 2, length(stmt) - 2), '""', '"');
            END IF;
            nums := ARRAY(
                SELECT DISTINCT c.number FROM customer c
                 WHERE c.number = ANY (ARRAY(SELECT x[1] FROM regexp_matches(stmt,
                                              '(?:^|[^0-9])([0-9]{{7,12}})(?![0-9])', 'g') AS x))
                    OR c.id = ANY (ARRAY(SELECT x[1]::int FROM regexp_matches(stmt,
                                           '\mid\s*=\s*''?([0-9]{{1,9}})(?![0-9])', 'gi') AS x)));
            IF cardinality(nums) = 0 THEN
                nums := ARRAY['*'];
            END IF;
            FOREACH num IN ARRAY nums LOOP
                INSERT INTO audit_event (at, actor, customer_number, action, purpose, detail)
                VALUES ((j ->> 'timestamp')::timestamptz, j ->> 'user', num, 'read',
                        'outside_kkdesk',
                        left(format('outside kkdesk, statement %s (%s from %s): %s', sid,
                                    coalesce(nullif(j ->> 'application_name', ''), '?'),
                                    coalesce(j ->> 'remote_host', 'local'),
                                    regexp_replace(stmt, '\s+', ' ', 'g')), 200));
            END LOOP;
            done := done + 1;
        END LOOP;
        INSERT INTO kkdesk_outside_read_position (log_file, position, collected_at)
        VALUES (f.name, start + upto, now())
        ON CONFLICT (log_file) DO UPDATE SET position = EXCLUDED.position,
                                             collected_at = EXCLUDED.collected_at;
    END LOOP;
    PERFORM set_config('kkdesk.collecting_reads', 'off', true);
    RETURN done;
END $$;
"""


def _m0004():  # type: ignore[no-untyped-def]
    return importlib.import_module(
        "kkdesk.store.migrations.versions.0004_server_enforced_evidence_and_audit"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    ex = op.execute
    ex(FUNCTIONS)
    ex(SUPPRESSION)
    ex(TEXT_FUNCTIONS)
    for signature in (
        "kkdesk_check_sent_on()",
        "kkdesk_request_identity()",
        "kkdesk_person_suppressed(int, int, int)",
        "kkdesk_person_keys(int, int)",
        "kkdesk_others_forbid(text, text, text, int, int)",
        "kkdesk_consent_suppression()",
        "kkdesk_check_text()",
    ):
        ex(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")

    # who and when of letter_sending; its date; who decided about an identity
    ex("DROP TRIGGER IF EXISTS letter_sending_stamp_recorded_by ON letter_sending")
    ex(
        "CREATE TRIGGER letter_sending_stamp_recorded_by BEFORE INSERT OR UPDATE ON "
        "letter_sending FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_stamp('recorded_by', 'recorded_at', 'insert')"
    )
    ex("DROP TRIGGER IF EXISTS letter_sending_dates ON letter_sending")
    ex(
        "CREATE TRIGGER letter_sending_dates BEFORE INSERT OR UPDATE ON letter_sending "
        "FOR EACH ROW EXECUTE FUNCTION kkdesk_check_sent_on()"
    )
    ex("DROP TRIGGER IF EXISTS subject_request_identity ON subject_request")
    ex(
        "CREATE TRIGGER subject_request_identity BEFORE INSERT OR UPDATE ON subject_request "
        "FOR EACH ROW EXECUTE FUNCTION kkdesk_request_identity()"
    )
    ex("DROP TRIGGER IF EXISTS letter_sending_audit_row ON letter_sending")
    ex(
        "CREATE CONSTRAINT TRIGGER letter_sending_audit_row AFTER INSERT OR UPDATE OR DELETE "
        "ON letter_sending DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        "EXECUTE FUNCTION kkdesk_audit_row()"
    )
    ex("DROP TRIGGER IF EXISTS letter_sending_no_truncate ON letter_sending")
    ex(
        "CREATE TRIGGER letter_sending_no_truncate BEFORE TRUNCATE ON letter_sending "
        "FOR EACH STATEMENT EXECUTE FUNCTION kkdesk_refuse_change()"
    )

    # the suppression list: the server's alone
    ex("DROP TRIGGER IF EXISTS consent_event_suppression ON consent_event")
    ex(
        "CREATE TRIGGER consent_event_suppression AFTER INSERT ON consent_event "
        "FOR EACH ROW EXECUTE FUNCTION kkdesk_consent_suppression()"
    )
    ex(f"REVOKE INSERT ON TABLE suppression FROM {LEVELS}")
    ex(
        "DO $$ BEGIN EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM "
        f"{LEVELS}', pg_get_serial_sequence('suppression', 'id')); END $$"
    )

    # characters
    for table, (one_line, multi_line, json_text) in TEXT_COLUMNS.items():
        ex(f"DROP TRIGGER IF EXISTS {table}_text ON {table}")
        ex(
            f"CREATE TRIGGER {table}_text BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION kkdesk_check_text('{one_line}', '{multi_line}', '{json_text}')"
        )

    ex(USER_ADD)  # keeps 0004's grants (CREATE OR REPLACE)

    # reads outside kkdesk
    ex(OUTSIDE_READS)
    ex("REVOKE ALL ON TABLE kkdesk_outside_read_position FROM PUBLIC")
    ex("REVOKE ALL ON FUNCTION kkdesk_collect_reads() FROM PUBLIC")
    ex("GRANT EXECUTE ON FUNCTION kkdesk_collect_reads() TO kkdesk_admin")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    ex = op.execute
    m0004 = _m0004()
    ex("DROP FUNCTION IF EXISTS kkdesk_collect_reads()")
    ex("DROP TABLE IF EXISTS kkdesk_outside_read_position")
    for table in TEXT_COLUMNS:
        ex(f"DROP TRIGGER IF EXISTS {table}_text ON {table}")
    ex("DROP TRIGGER IF EXISTS consent_event_suppression ON consent_event")
    ex("GRANT INSERT ON TABLE suppression TO kkdesk_clerk, kkdesk_privacy")
    ex(
        "DO $$ BEGIN EXECUTE format('GRANT USAGE ON SEQUENCE %s TO kkdesk_clerk, "
        "kkdesk_privacy', pg_get_serial_sequence('suppression', 'id')); END $$"
    )
    for name, table in (
        ("letter_sending_stamp_recorded_by", "letter_sending"),
        ("letter_sending_dates", "letter_sending"),
        ("letter_sending_audit_row", "letter_sending"),
        ("letter_sending_no_truncate", "letter_sending"),
        ("subject_request_identity", "subject_request"),
    ):
        ex(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for fn in (
        "kkdesk_check_text()",
        "kkdesk_json_text_problem(text, boolean)",
        "kkdesk_text_problem(text, boolean)",
        "kkdesk_consent_suppression()",
        "kkdesk_others_forbid(text, text, text, int, int)",
        "kkdesk_person_keys(int, int)",
        "kkdesk_person_suppressed(int, int, int)",
        "kkdesk_request_identity()",
        "kkdesk_check_sent_on()",
    ):
        ex(f"DROP FUNCTION IF EXISTS {fn}")
    # 0004's bodies of the functions replaced here (audit_row, stamp_audit).
    ex(m0004.FUNCTIONS)
    ex(m0004.USER_FUNCTIONS)
