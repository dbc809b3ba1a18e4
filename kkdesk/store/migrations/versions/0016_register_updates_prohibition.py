"""The prohibition of updating the customer register (asiakasrekisterin päivityskielto).

Revision ID: 0016
Revises: 0015

What changed and why (issue 15, address updates from update services, section 6 of the
register description): a person may prohibit the updating of their data in customer
registers from the population register; kkdesk records it as a prohibition item of its
own, ``register_updates``, in the consent history, and an address-update import skips
such a person. On PostgreSQL the CHECK constraints of ``consent_event.item`` and
``suppression.item`` (migration 0004) list the known items: they are replaced by ones that
also allow the new item. Going down puts the old lists back (refused by the server while
a row holds the new item, which is the safe outcome). SQLite has no such constraints.
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# Frozen copies (tests/unit/store/test_server_rules.py compares the newest with the domain).
OLD_CONSENT_ITEMS = (
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
CONSENT_ITEMS = (*OLD_CONSENT_ITEMS, "register_updates")
TABLES = ("consent_event", "suppression")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _replace(items: tuple[str, ...]) -> None:
    for table in TABLES:
        ck = f"ck_{table}_item"
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {ck}")
        # NOT VALID, then validated where the rows allow, as 0004 does: every new row is
        # checked at once; an old row against the rule stays and is shown as damaged.
        op.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT {ck} CHECK (item IN {_in(items)}) NOT VALID"
        )
        op.execute(f"""
DO $$
BEGIN
    ALTER TABLE {table} VALIDATE CONSTRAINT {ck};
EXCEPTION WHEN check_violation THEN
    RAISE NOTICE 'rows of % break % and are shown as damaged', '{table}', '{ck}';
END $$""")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _replace(CONSENT_ITEMS)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _replace(OLD_CONSENT_ITEMS)
