"""The life-cycle features agree: no erasure or merge of a restricted customer, and an
erasure reaches every free text that can name the person.

Revision ID: 0022
Revises: 0020

What changed and why (issue 15, "make the life-cycle features agree"): erasure (0017),
restriction of processing (0019) and merging (0020) were built apart.

- A customer whose processing is restricted (Art. 18) asked that the data be kept — instead
  of erased (18(1)(b)) or for a legal claim (18(1)(c)) — so an erasure or a merge of it is
  refused until the restriction is lifted. The services refuse it first, on both databases,
  with codes ``erase_restricted`` and ``merge_restricted``; on PostgreSQL the server refuses
  the ``erasure`` row and the ``customer_merge`` row themselves with those codes as hints
  (before this, a restricted erasure failed half-way on 0019's customer guard with the
  generic ``processing_restricted``, and nothing named the cause).
- An erasure blanks what it missed: the reasons of the kept orders' corrections
  (``order_correction.reason``, append-only since 0012: now privacy may take the person's
  values out of it, only inside an erasure that unlinked that order, recorded in the same
  transaction by the same user) and the reasons of the customer's lifted restrictions
  (``processing_restriction.reason``, never changed since 0019: now privacy may set it, on a
  lifted restriction only, inside a whole-customer erasure).
- A record merged into the erased customer (0020 blanks its basic data but leaves its
  consent events, legal holds and lifted restrictions where they are) is erased with it:
  ``kkdesk_erasing`` now also answers for the records merged into the erased customer.

The embedded SQLite register has no users or triggers: this revision changes nothing there
(its services apply the same rules). Going down restores 0017's ``kkdesk_erasing``, 0019's
restriction row rule and 0012's append-only ``order_correction`` and drops the guards.
"""

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op

revision = "0022"
down_revision = "0020"
branch_labels = None
depends_on = None

FUNCTIONS = r"""
-- An erasure (or merge) of a customer whose processing is restricted is refused: the
-- person asked that the data be kept (Art. 18(1)(b)/(c)); lift the restriction first.
CREATE OR REPLACE FUNCTION kkdesk_life_cycle_restricted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE num text;
BEGIN
    IF kkdesk_importing() THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'erasure' THEN
        IF kkdesk_restricted(NEW.customer_id) THEN
            RAISE EXCEPTION 'customer % is under a restriction of processing (GDPR Art. 18): '
                            'lift it before erasing', NEW.customer_number
                USING ERRCODE = 'check_violation', HINT = 'kkdesk:erase_restricted';
        END IF;
    ELSE
        SELECT c.number INTO num FROM customer c
         WHERE c.id IN (NEW.kept_id, NEW.merged_id) AND kkdesk_restricted(c.id)
         ORDER BY c.id LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'customer % is under a restriction of processing (GDPR Art. 18): '
                            'lift it before merging', num
                USING ERRCODE = 'check_violation', HINT = 'kkdesk:merge_restricted';
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- 0017's, and also for a record merged into the erased customer (0020): its consent
-- events, holds and lifted restrictions are the same person's.
CREATE OR REPLACE FUNCTION kkdesk_erasing(p_customer int, p_contact int) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT FROM erasure e
                    WHERE e.customer_id IN (p_customer, (SELECT c.merged_into FROM customer c
                                                          WHERE c.id = p_customer))
                      AND e.erased_at = now()
                      AND e.erased_by = session_user
                      AND (e.contact_person_id IS NULL OR e.contact_person_id = p_contact))
$$;

-- order_correction stays append-only (0012) but for the erasure's one change: the person's
-- values taken out of the reason of a correction of an order this erasure unlinked.
CREATE OR REPLACE FUNCTION kkdesk_order_correction_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NOT kkdesk_importing()
       AND (to_jsonb(NEW) - 'reason') = (to_jsonb(OLD) - 'reason')
       AND kkdesk_may_erase() AND EXISTS (
           SELECT FROM customer_order o JOIN erasure e ON e.id = o.erasure_id
            WHERE o.id = NEW.order_id AND e.erased_at = now()
              AND e.erased_by = session_user) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: rows are never changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
"""

# 0019's row rule, with one more allowed change in front of it.
RESTRICTION_ROW_ERASURE = """
    IF TG_OP = 'UPDATE' AND OLD.lifted_at IS NOT NULL
       AND (to_jsonb(NEW) - 'reason') = (to_jsonb(OLD) - 'reason')
       AND kkdesk_may_erase() AND kkdesk_erasing(OLD.customer_id, NULL) THEN
        -- A whole-customer erasure blanks a lifted restriction's reason (it may name the
        -- person); nothing else of the row changes.
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN"""

GUARDS = (
    ("erasure", "erasure_restricted"),
    ("customer_merge", "customer_merge_restricted"),
)


def _sibling(name: str) -> ModuleType:
    """An earlier revision's module, for the function text it created (going down)."""
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"kkdesk_rev_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _restriction_row(functions: str) -> str:
    """0019's ``kkdesk_restriction_row`` definition out of its FUNCTIONS text."""
    start = functions.index("CREATE OR REPLACE FUNCTION kkdesk_restriction_row()")
    end = functions.index("END $$;", start) + len("END $$;")
    return functions[start:end]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the embedded register: the services refuse and erase the same
    ex = op.execute
    ex(FUNCTIONS)
    row_rule = _restriction_row(_sibling("0019_restriction_of_processing.py").FUNCTIONS)
    marker = "    IF TG_OP = 'DELETE' THEN"
    assert row_rule.count(marker) == 1
    ex(row_rule.replace(marker, RESTRICTION_ROW_ERASURE.lstrip("\n"), 1))
    for signature in ("kkdesk_life_cycle_restricted()", "kkdesk_order_correction_change()"):
        ex(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    for table, name in GUARDS:
        ex(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        # Named after the privilege check (erasure_insert) and before the stamp: triggers
        # fire in name order.
        ex(
            f"CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW "
            "EXECUTE FUNCTION kkdesk_life_cycle_restricted()"
        )
    ex("DROP TRIGGER IF EXISTS order_correction_append_only ON order_correction")
    ex(
        "CREATE TRIGGER order_correction_append_only BEFORE UPDATE OR DELETE ON "
        "order_correction FOR EACH ROW EXECUTE FUNCTION kkdesk_order_correction_change()"
    )
    ex("GRANT UPDATE (reason) ON order_correction TO kkdesk_privacy")
    ex("GRANT UPDATE (reason) ON processing_restriction TO kkdesk_privacy")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    ex = op.execute
    ex("REVOKE UPDATE (reason) ON processing_restriction FROM kkdesk_privacy")
    ex("REVOKE UPDATE (reason) ON order_correction FROM kkdesk_privacy")
    ex("DROP TRIGGER IF EXISTS order_correction_append_only ON order_correction")
    ex(
        "CREATE TRIGGER order_correction_append_only BEFORE UPDATE OR DELETE ON "
        "order_correction FOR EACH ROW EXECUTE FUNCTION kkdesk_refuse_change()"
    )
    for table, name in GUARDS:
        ex(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    ex(_restriction_row(_sibling("0019_restriction_of_processing.py").FUNCTIONS))
    ex(_sibling("0017_erasure.py").PRIVACY_ONLY)
    ex("DROP FUNCTION IF EXISTS kkdesk_order_correction_change()")
    ex("DROP FUNCTION IF EXISTS kkdesk_life_cycle_restricted()")
