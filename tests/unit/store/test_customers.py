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
    by_name = [r for r in page.rows if r.matched is None]
    keys = [fold(r.name) for r in by_name]
    surname_hits = [k for k in keys if k.startswith("a")]
    assert keys[: len(surname_hits)] == sorted(surname_hits)
    assert all(" a" in f" {k}" for k in keys)
    # Then the customers found through a search word (street, post office, ...), after all.
    assert page.rows[: len(by_name)] == tuple(by_name)
    assert len(page.rows) > len(by_name)


def test_a_cursor_for_other_text_starts_over(demo_ds: DeskSession) -> None:
    with demo_ds.db.read() as session:
        first = repo.search(session, "m", limit=2)
        assert first.next is not None
        other = repo.search(session, "k", after=first.next, limit=2)
        fresh = repo.search(session, "k", limit=2)
    assert other.rows == fresh.rows


def _expected(ds: DeskSession, text: str) -> list[int]:
    """The documented meaning of a name search, computed in Python over every customer: the
    name starts with the leading word (surname first, then first names first for those
    not yet found) and each other word starts a word of it. The first word leads, unless
    it is one letter and another word has two or more: then the longest other one does.
    Then, for those not yet found, the customers with a search word (a later word of the
    name, a contact person's name, street, post office) that starts with the longest
    word while the other words start words of the same field, in (word, name) order."""
    from sqlalchemy import select

    from kkdesk.domain.search import search_words, word_lead
    from kkdesk.store.models import ContactPerson, Customer

    words = fold(text).split()
    all_words = list(words)
    if len(words) > 1 and len(words[0]) == 1 and max(len(w) for w in words[1:]) >= 2:
        lead = max(range(1, len(words)), key=lambda i: len(words[i]))
        words = [words[lead], *words[:lead], *words[lead + 1 :]]
    first, rest = words[0], words[1:]
    with ds.db.read() as session:
        rows = session.execute(
            select(
                Customer.id,
                Customer.name_key,
                Customer.name_key_rev,
                Customer.street,
                Customer.post_office,
            ).where(Customer.erased_at.is_(None))
        ).all()
        contacts: dict[int, list[tuple[int, str]]] = {}
        for c in session.execute(
            select(ContactPerson.id, ContactPerson.customer_id, ContactPerson.name_key)
        ):
            contacts.setdefault(c.customer_id, []).append((c.id, c.name_key))

    def matches(key: str, lead: str, others: list[str]) -> bool:
        return key.startswith(lead) and all(f" {w}" in f" {key}" for w in others)

    surname_first = sorted((r.name_key, r.id) for r in rows if matches(r.name_key, first, rest))
    found = {i for _key, i in surname_first}
    names_first = sorted(
        (r.name_key_rev, r.id)
        for r in rows
        if r.id not in found and matches(r.name_key_rev, first, rest)
    )
    found |= {i for _key, i in names_first}
    lead, *others = word_lead(all_words)
    by_word = []
    for r in rows:
        if r.id in found:
            continue
        hits = [
            w.word
            for w in search_words(
                r.name_key,
                r.name_key_rev,
                r.street,
                r.post_office,
                tuple(contacts.get(r.id, ())),
            )
            if w.word.startswith(lead) and all(f" {o}" in f" {w.phrase}" for o in others)
        ]
        if hits:
            by_word.append((min(hits), r.name_key, r.id))
    return [i for _key, i in surname_first + names_first] + [i for *_k, i in sorted(by_word)]


def test_several_words_find_what_the_documented_reading_finds_on_every_page(
    demo_ds: DeskSession,
) -> None:
    with demo_ds.db.read() as session:
        page = repo.search(session, "m", limit=1)
    [name] = [r.name for r in page.rows]
    surname, first_name = fold(name).split()[:2]
    texts = (
        f"{surname[:3]} {first_name[:2]}",  # the first word leads
        f"{first_name[:3]} {surname[:2]}",  # first names first
        f"{surname[0]} {first_name[:3]}",  # one letter: the longer word leads
        f"{first_name[0]} {surname}",  # an initial and a surname
        f"{surname[0]} {first_name[0]}",  # letters only: the first leads
        f"{surname[0]} zz",  # a word nothing has
        "a b c",
    )
    for text in texts:
        expected = _expected(demo_ds, text)
        for limit in (1, 4, 1000):
            assert all_pages(demo_ds, text, limit) == expected, (text, limit)
    assert _expected(demo_ds, f"{first_name[0]} {surname}")  # the examples find someone
    assert _expected(demo_ds, f"{surname[0]} {first_name[:3]}")


def test_an_initial_before_a_surname_finds_that_surname(ds: DeskSession) -> None:
    from kkdesk.domain.customer import CustomerDraft
    from kkdesk.domain.enums import DataSource
    from kkdesk.services import customers

    def add(surname: str, first_names: str) -> str:
        draft = CustomerDraft(surname=surname, first_names=first_names)
        return customers.create(ds, draft, source=DataSource.CUSTOMER_PHONE).number

    kristian = add("Virtanen", "Matti Kristian")
    kalle = add("Virtanen", "Kalle")
    add("Virtanen", "Anna")
    add("Kallio", "Ville")

    def found(text: str) -> list[str]:
        return [r.number for r in customers.search(ds, text).rows]

    assert found("k virtanen") == [kalle, kristian]
    assert found("k virtanen") == found("virtanen k")
    assert found("k zz") == []
