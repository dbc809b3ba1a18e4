"""Search words: find customers by any word of a name, a contact person, street, post office.

Revision ID: 0008
Revises: 0005

What changed and why (issue 12, "search that reaches what clerks type"): the name keys
find a customer only from the start of its name, so "kotkaj" did not find "Leirintäalue
Kotkajärvi Oy", a contact person's name found nothing, and neither did a street or a post
office. A new table ``search_word`` holds one folded word per row (computed in Python by
``kkdesk.domain.search.search_words``, since SQLite folds only ASCII): the later words of
the customer's name, every word of each contact person's name, of the street and of the
post office, with the customer's name key for the order of the hits and the whole folded
field for a query's further words. Its index on (word, sort_key, customer_id) makes every
such search a prefix range scan, like the name keys', at any register size; the primary
key (customer_id, kind, ref, word) serves rewriting one customer's words on every save.

Existing customers get their words here, in batches of 5,000, before the word index is
built (the words are computed in Python: 20,000 customers took 8–10 s on a busy 2-core
machine, so a register of a million takes minutes; run it outside office hours). On
PostgreSQL the levels get the
rights the desk needs: every level reads, and the levels that write customers (clerk,
privacy; admin through them) insert and delete a customer's words. Downgrading drops the
table; nothing else depends on it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kkdesk.domain.search import search_words

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None

KEY = sa.String().with_variant(sa.String(collation="C"), "postgresql")
BATCH = 5000

GRANTS = {
    "kkdesk_viewer": "SELECT",
    "kkdesk_clerk": "SELECT, INSERT, DELETE",
    "kkdesk_marketing": "SELECT",
    "kkdesk_privacy": "SELECT, INSERT, DELETE",
}


def upgrade() -> None:
    op.create_table(
        "search_word",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("ref", sa.Integer(), nullable=False),
        sa.Column("word", KEY, nullable=False),
        sa.Column("sort_key", KEY, nullable=False),
        sa.Column("phrase", KEY, nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_search_word_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", "kind", "ref", "word", name=op.f("pk_search_word")),
    )
    _fill()
    with op.batch_alter_table("search_word", schema=None) as batch_op:
        batch_op.create_index(
            "ix_search_word_word_sort_key_customer_id",
            ["word", "sort_key", "customer_id"],
            unique=False,
        )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("REVOKE ALL ON TABLE search_word FROM PUBLIC")
        for role, privileges in GRANTS.items():
            op.execute(f"REVOKE ALL ON TABLE search_word FROM {role}")
            op.execute(f"GRANT {privileges} ON TABLE search_word TO {role}")


def _fill() -> None:
    """The words of every live customer already in the register (before the index: faster)."""
    conn = op.get_bind()
    customer = sa.table(
        "customer",
        sa.column("id"),
        sa.column("name_key"),
        sa.column("name_key_rev"),
        sa.column("street"),
        sa.column("post_office"),
        sa.column("erased_at"),
    )
    contact = sa.table(
        "contact_person", sa.column("id"), sa.column("customer_id"), sa.column("name_key")
    )
    word = sa.table(
        "search_word",
        sa.column("customer_id"),
        sa.column("kind"),
        sa.column("ref"),
        sa.column("word"),
        sa.column("sort_key"),
        sa.column("phrase"),
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(customer)
            .where(customer.c.id > last, customer.c.erased_at.is_(None))
            .order_by(customer.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        contacts: dict[int, list[tuple[int, str]]] = {}
        for c in conn.execute(
            sa.select(contact.c.id, contact.c.customer_id, contact.c.name_key)
            .where(contact.c.customer_id > last, contact.c.customer_id <= rows[-1].id)
            .order_by(contact.c.id)
        ):
            contacts.setdefault(c.customer_id, []).append((c.id, c.name_key))
        values = [
            {
                "customer_id": r.id,
                "kind": w.kind.value,
                "ref": w.ref,
                "word": w.word,
                "sort_key": r.name_key,
                "phrase": w.phrase,
            }
            for r in rows
            for w in search_words(
                r.name_key,
                r.name_key_rev,
                r.street,
                r.post_office,
                tuple(contacts.get(r.id, ())),
            )
        ]
        if values:
            conn.execute(sa.insert(word), values)
        last = rows[-1].id


def downgrade() -> None:
    with op.batch_alter_table("search_word", schema=None) as batch_op:
        batch_op.drop_index("ix_search_word_word_sort_key_customer_id")
    op.drop_table("search_word")
