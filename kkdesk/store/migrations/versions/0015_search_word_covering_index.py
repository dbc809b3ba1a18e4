"""Search words: the word index carries the fields a word search filters and returns.

Revision ID: 0015
Revises: 0012

What changed and why (issue 19, "plans that use indexes for every search kind"): a search
by a word that starts many words ("kukka" of every "… Kukka Oy", a common street) reads
the word's range of ``ix_search_word_word_sort_key_customer_id`` and keeps the rows whose
field also holds the query's other words (``phrase LIKE '% kosv%'``). ``phrase``, ``kind``
and ``ref`` were not in the index, so PostgreSQL fetched every one of those rows from the
table to test it: 5,000 table pages for "kukka kosv" on 200,000 customers (20 ms), growing
with the register. On PostgreSQL the index now INCLUDEs them, so the range is filtered in
the index alone (an index-only scan) and only the hits are read from the table.

SQLite has no INCLUDE and its search already stays in the index's range; its index is
unchanged. Rebuilding the index locks the search words against writes while it is built
(seconds for a million customers' words). Going down restores the plain index.
"""

from alembic import op

revision = "0015"
down_revision = "0012"
branch_labels = None
depends_on = None

INDEX = "ix_search_word_word_sort_key_customer_id"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index(INDEX, table_name="search_word")
    op.create_index(
        INDEX,
        "search_word",
        ["word", "sort_key", "customer_id"],
        postgresql_include=["kind", "ref", "phrase"],
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index(INDEX, table_name="search_word")
    op.create_index(INDEX, "search_word", ["word", "sort_key", "customer_id"])
