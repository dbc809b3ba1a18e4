"""Retention runs: an index to find old orders, and the server's part in who may remove.

Revision ID: 0018
Revises: 0017

What changed and why (issue 15, "retention that keeps the notice's word"): ``kkdesk
retention run`` removes the orders whose vouchers are past the Accounting Act period and
the archived letters past their own period (register settings ``financial_year_end``,
``voucher_years``, ``letter_archive_years``), and erases the customers past the
relationship period (through the erasure of migration 0017).

- ``ix_customer_order_ordered_at``: the run finds the orders past their period by date
  without reading every order.

On PostgreSQL:

- Only the privacy level (and the administrator, a member of it) may remove an order or an
  archived letter: ``DELETE`` on ``customer_order`` and ``request_letter`` is granted to
  ``kkdesk_privacy`` alone (the lines, deliveries, returns, corrections and sending records
  go with them through their foreign keys). Viewer, clerk and marketing cannot run it.
- Whoever asks, the owner included, the server refuses removing an order still inside its
  accounting period, still open or shipped, or with a return not yet refunded, and an
  archived letter still inside its period: the triggers work the periods out from the
  stored register settings, as :mod:`kkdesk.domain.retention` does (vouchers never under
  six years, whatever is stored). So neither a mistaken setting in one desk nor ``psql``
  removes what the law or the notice says is kept.

Going down drops the triggers, their functions, the grants and the index.
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# The same arithmetic as kkdesk.domain.retention (a test holds the two to the same days):
# an order is past when it was made on or before the financial-year end of the year
# ``voucher_years + 1`` before this one; a letter when its day plus ``letter_archive_years``
# (29 February + n years is 28 February) is today or before.
FUNCTIONS = """
CREATE OR REPLACE FUNCTION kkdesk_setting(k text, fallback text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce((SELECT value::jsonb #>> '{}' FROM register_setting WHERE key = k),
                    fallback)
$$;

CREATE OR REPLACE FUNCTION kkdesk_vouchers_due_on() RETURNS date
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    fye text := kkdesk_setting('financial_year_end', '12-31');
    years int := greatest(6, kkdesk_setting('voucher_years', '6')::int);
    today date := (now() AT TIME ZONE 'UTC')::date;
BEGIN
    RETURN make_date(extract(year FROM today)::int - years - 1,
                     split_part(fye, '-', 1)::int, split_part(fye, '-', 2)::int);
END $$;

CREATE OR REPLACE FUNCTION kkdesk_order_removal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF (OLD.ordered_at AT TIME ZONE 'UTC')::date > kkdesk_vouchers_due_on()
       OR OLD.status IN ('open', 'shipped')
       OR EXISTS (SELECT FROM order_return r WHERE r.order_id = OLD.id
                  AND r.refunded_at IS NULL) THEN
        RAISE EXCEPTION 'order % is kept: its accounting period has not ended or it is open',
            OLD.number
            USING ERRCODE = 'insufficient_privilege', HINT = 'kkdesk:retention_kept';
    END IF;
    RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION kkdesk_letter_removal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    years int := greatest(1, kkdesk_setting('letter_archive_years', '3')::int);
BEGIN
    IF ((OLD.created_at AT TIME ZONE 'UTC')::date + make_interval(years => years))::date
       > (now() AT TIME ZONE 'UTC')::date THEN
        RAISE EXCEPTION 'archived letter % is kept: its period has not ended', OLD.id
            USING ERRCODE = 'insufficient_privilege', HINT = 'kkdesk:retention_kept';
    END IF;
    RETURN OLD;
END $$;
"""
SIGNATURES = (
    "kkdesk_setting(text, text)",
    "kkdesk_vouchers_due_on()",
    "kkdesk_order_removal()",
    "kkdesk_letter_removal()",
)
TRIGGERS = (
    ("customer_order", "customer_order_retention", "kkdesk_order_removal()"),
    ("request_letter", "request_letter_retention", "kkdesk_letter_removal()"),
)


def upgrade() -> None:
    op.create_index("ix_customer_order_ordered_at", "customer_order", ["ordered_at"])
    if op.get_bind().dialect.name != "postgresql":
        return  # the embedded SQLite database has no users, grants or triggers
    ex = op.execute
    ex(FUNCTIONS)
    for signature in SIGNATURES:
        ex(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    for table, name, function in TRIGGERS:
        ex(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        ex(f"CREATE TRIGGER {name} BEFORE DELETE ON {table} FOR EACH ROW "
           f"EXECUTE FUNCTION {function}")  # fmt: skip
        ex(f"REVOKE DELETE ON {table} FROM kkdesk_viewer, kkdesk_clerk, kkdesk_marketing")
        ex(f"GRANT DELETE ON {table} TO kkdesk_privacy")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        ex = op.execute
        for table, name, _function in TRIGGERS:
            ex(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            ex(f"REVOKE DELETE ON {table} FROM kkdesk_privacy")
        for signature in SIGNATURES:
            ex(f"DROP FUNCTION IF EXISTS {signature}")
    op.drop_index("ix_customer_order_ordered_at", table_name="customer_order")
