"""Where the clerk has been: Back/Forward between opened customers and the recent list.

Plain Python, kept in memory only (see docs/desk.md, "Recent customers"): the list names
customers the clerk has already opened (audited reads), and nothing of it is written to
disk, so no customer number outlives the desk in a preferences file that erasure and the
register's access rights cannot reach.
"""

from __future__ import annotations

from dataclasses import dataclass

RECENT_MAX = 9  # Ctrl+1 … Ctrl+9


@dataclass(frozen=True)
class Visit:
    number: str
    name: str


class Visits:
    """A browser-like history of opened customers and a most-recent-first list."""

    def __init__(self, recent_max: int = RECENT_MAX) -> None:
        self._trail: list[Visit] = []
        self._index = -1
        self._recent: list[Visit] = []
        self._recent_max = recent_max

    # -- what is there ---------------------------------------------------------------------

    @property
    def current(self) -> Visit | None:
        return self._trail[self._index] if self._index >= 0 else None

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return 0 <= self._index < len(self._trail) - 1

    def back_target(self) -> Visit | None:
        return self._trail[self._index - 1] if self.can_go_back() else None

    def forward_target(self) -> Visit | None:
        return self._trail[self._index + 1] if self.can_go_forward() else None

    def recent(self) -> tuple[Visit, ...]:
        """Most recently opened first, each customer once."""
        return tuple(self._recent)

    # -- changes ----------------------------------------------------------------------------

    def opened(self, number: str, name: str) -> None:
        """A customer was shown. The same as the current one (a reload, a save, or the end
        of a Back/Forward step) only updates its name; any other drops the forward part of
        the trail, as a browser does."""
        visit = Visit(number, name)
        if self.current is not None and self.current.number == number:
            self._trail[self._index] = visit
        else:
            del self._trail[self._index + 1 :]
            self._trail.append(visit)
            self._index = len(self._trail) - 1
        self._recent = [visit] + [v for v in self._recent if v.number != number]
        del self._recent[self._recent_max :]

    def step(self, delta: int) -> Visit | None:
        """Move ``delta`` places (-1 back, +1 forward); the target, or None if there is
        none (then nothing moves)."""
        index = self._index + delta
        if not (0 <= index < len(self._trail)) or self._index < 0:
            return None
        self._index = index
        return self._trail[index]

    def forget(self, number: str) -> None:
        """A customer that can no longer be opened (erased, not found): out of the lists."""
        keep = [i for i, v in enumerate(self._trail) if v.number != number]
        if len(keep) != len(self._trail):
            current = self._index
            self._index = max((n for n, i in enumerate(keep) if i <= current), default=-1)
            if self._index < 0 and keep:
                self._index = 0
            self._trail = [self._trail[i] for i in keep]
        self._recent = [v for v in self._recent if v.number != number]
