"""Rendering many letters at once, on every core.

reportlab is pure Python and holds the GIL, so threads would not help; worker processes
do. Workers are *spawned* (never forked): forking a process that runs Qt or holds database
connections is unsafe. A small batch is rendered in this process, where starting workers
would cost more than it saves.

:func:`render_stream` takes the letters a chunk at a time, so the caller can read the next
chunk from the database (and archive finished letters) while the workers render. A caller
that stops early closes the stream: the letters queued but not begun are then not made.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from kkdesk.reports.access_letter import render_access_letter
from kkdesk.reports.data import AccessLetter, RenderedPdf

# Below this many letters, one process is faster than starting workers.
POOL_THRESHOLD = 24
# Letters per task sent to a worker: large enough that the register's texts, shared by
# every letter of a task, are pickled once per task; small enough to keep both busy.
PIECE = 8


def _render(data: AccessLetter) -> RenderedPdf:
    return render_access_letter(data)


def _render_piece(piece: Sequence[AccessLetter]) -> list[RenderedPdf]:
    return [render_access_letter(data) for data in piece]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def render_stream(
    chunks: Iterable[Sequence[AccessLetter]], *, total: int, workers: int | None = None
) -> Generator[tuple[AccessLetter, RenderedPdf], None, None]:
    """Each letter of ``chunks`` with its PDF, in the order given. ``total`` (the number of
    letters to come) decides whether worker processes are worth starting."""
    workers = workers or default_workers()
    if workers <= 1 or total < POOL_THRESHOLD:
        for chunk in chunks:
            for data in chunk:
                yield data, _render(data)
        return
    pending: deque[tuple[Sequence[AccessLetter], Future[list[RenderedPdf]]]] = deque()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        try:
            for chunk in chunks:
                for i in range(0, len(chunk), PIECE):
                    piece = chunk[i : i + PIECE]
                    pending.append((piece, pool.submit(_render_piece, piece)))
                # Keep a few tasks queued per worker, and hand back what is done meanwhile.
                while len(pending) > 4 * workers or (pending and pending[0][1].done()):
                    piece, future = pending.popleft()
                    yield from zip(piece, future.result(), strict=True)
            while pending:
                piece, future = pending.popleft()
                yield from zip(piece, future.result(), strict=True)
        finally:
            # The caller stopped early (or failed): letters not yet begun are not made.
            for _piece, future in pending:
                future.cancel()
