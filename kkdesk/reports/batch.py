"""Rendering many letters at once, on every core.

reportlab is pure Python and holds the GIL, so threads would not help; worker processes
do. Workers are *spawned* (never forked): forking a process that runs Qt or holds database
connections is unsafe. A small batch is rendered in this process, where starting workers
would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from kkdesk.reports.access_letter import render_access_letter
from kkdesk.reports.data import AccessLetter, RenderedPdf

# Below this many letters, one process is faster than starting workers.
POOL_THRESHOLD = 24


def _render(data: AccessLetter) -> RenderedPdf:
    return render_access_letter(data)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def render_many(
    letters: Sequence[AccessLetter],
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[RenderedPdf]:
    """Yield each letter's PDF in the order given; ``progress(done, total)`` after each."""
    total = len(letters)
    workers = workers or default_workers()
    if workers <= 1 or total < POOL_THRESHOLD:
        for i, data in enumerate(letters, 1):
            result = _render(data)
            if progress is not None:
                progress(i, total)
            yield result
        return
    chunk = max(1, min(16, total // (workers * 4)))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for i, result in enumerate(pool.map(_render, letters, chunksize=chunk), 1):
            if progress is not None:
                progress(i, total)
            yield result
