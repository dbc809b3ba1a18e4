"""Search pages over a real demo register: complete, in order, never repeating."""

from __future__ import annotations

from kkdesk.domain.search import fold
from kkdesk.services.session import DeskSession
from kkdesk.store import customers as repo


def all_pages(ds: DeskSession, text: str, limit: int) -> list[int]:
    ids: list[int] = []
    after = None
    with ds.db.read() as session:
        while True:
            page = repo.search(session, text, after=after, limit=limit)
            ids.extend(r.id for r in page.rows)
            if page.next is None:
                return ids
            after = page.next


def test_paging_returns_every_match_once_whatever_the_page_size(demo_ds: DeskSession) -> None:
    whole = all_pages(demo_ds, "m", 1000)
    assert len(whole) > 20
    assert len(set(whole)) == len(whole)
    for limit in (1, 3, 7, 50):
        assert all_pages(demo_ds, "m", limit) == whole


def test_name_matches_come_surname_first_then_first_names(demo_ds: DeskSession) -> None:
    with demo_ds.db.read() as session:
        page = repo.search(session, "a", limit=10000)
    keys = [fold(r.name) for r in page.rows]
    surname_hits = [k for k in keys if k.startswith("a")]
    assert keys[: len(surname_hits)] == sorted(surname_hits)
    assert all(" a" in f" {k}" for k in keys)


def test_a_cursor_for_other_text_starts_over(demo_ds: DeskSession) -> None:
    with demo_ds.db.read() as session:
        first = repo.search(session, "m", limit=2)
        assert first.next is not None
        other = repo.search(session, "k", after=first.next, limit=2)
        fresh = repo.search(session, "k", limit=2)
    assert other.rows == fresh.rows
