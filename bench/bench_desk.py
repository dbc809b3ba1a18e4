"""The desk's search as a user meets it, on the big register (issue 5).

Targets on the 1,000,000-customer database:

- time from a keystroke to the first rows shown, p95 ≤ 100 ms;
- the GUI thread never blocked for more than 50 ms while searches run;
- peak memory after scrolling through 100,000 results ≤ 300 MB.

The searches through search words (issue 12: a later word of a company name, a contact
person's name, a street, a post office) are measured the same way, in rows of their own.

"kkdesk" drives the real :class:`~kkdesk.ui.search_panel.SearchPanel` offscreen: a key
event into its search field → the query on the task runner's worker → rows into the model
→ the table painted. Two ways of typing are measured: one key after a pause (every prefix
of each sample, the way a careful typist sees the list change), and the last key of a fast
burst (a whole word typed 40 ms a key, where queries running when keys arrive are
coalesced). "bare" is the service call alone (``customers.search``, first page).

The GUI thread's longest stall is the longest gap between the ticks of a 5 ms timer on the
GUI thread during all of that (it includes the desk's own work on that thread: key
handling, model updates, painting, and any wait for the GIL while the worker holds it).
A gap is wall-clock time, so on a machine shared with other busy processes it also counts
the time the GUI thread was ready to run but waiting for a CPU: on the 2-core machine
shared by eight sessions where this was investigated, that wait was 75–90 % of every gap
over 100 ms (the thread's own ``/proc/thread-self/schedstat``), and the wall-clock gaps
ranged from 45 to 440 ms for the same code. The figure judged is therefore each gap less
the GUI thread's run-queue wait within it, read from that file at every tick (Linux; the
plain gap elsewhere).

On a virtual machine a gap also holds the time the hypervisor gave the thread's CPU to
other guests (*steal*): the thread is on its CPU but the CPU does not run, which shows in
neither of the thread's figures. On this project's 2-CPU virtual machine the longest gaps
of the same code followed the host's steal: 25 and 32 ms at 1–3 % steal, 105 and 129 ms
at 9–14 %. So each gap is also lessened by the steal of the thread's CPU within it
(``/proc/stat`` per CPU, in 10 ms units; the smaller of the two CPUs' figures if the thread
moved), but never by more than the time of the gap the thread neither ran nor waited in
the run queue (its ``schedstat``): time it slept, on the GIL or for an event, stays in.
The note gives the longest stall's parts, the longest plain gap, the load average and
steal's share of all CPU time while the meter ran. On an idle machine the stall and the
plain gap are the same.

Qt paints without its GUI thread pool, as the desk does (:mod:`kkdesk.ui.gui_pool`).
Before measuring, the harness settles the heap as the desk does once its window is up
(:func:`kkdesk.ui.heap.settle`): the desk's start-up objects are kept out of full garbage
collections, whose pass holds the GIL and was the longest stall (57 ms at 1,000,000). It
also shortens the interval at which a thread running Python hands the GIL over, as the desk
does (:mod:`kkdesk.ui.gil`): with CPython's 5 ms, each cell the GUI thread painted while
the worker ran Python could wait that long.

Memory is measured in a process of its own (``python -m bench.bench_desk scroll DB``), so
that building the register or other benchmarks never count: it opens the search panel,
searches the name prefix that has the most customers and scrolls to the end again and
again, letting the view fetch page after page, until 100,000 rows are in the list; the
figure is that process's peak resident memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject

from bench.common import BenchContext, Row, p95, peak_rss_mb, timings
from bench.thread_clock import GapParts, ThreadClock
from kkdesk.errors import KnownError
from kkdesk.ui.gui_pool import paint_on_gui_thread

paint_on_gui_thread()  # before any QApplication, as the desk does (kkdesk/ui/gui_pool.py)

KEYSTROKE_TARGET_MS = 100.0
STALL_TARGET_MS = 50.0
MEMORY_TARGET_MB = 300.0
SCROLL_ROWS = 100_000
SAMPLES = 40  # sample texts of each kind
WORD_SAMPLES = 10  # sample texts of each kind of search word
BURST_GAP_S = 0.040  # a fast typist: 25 keys a second
PAUSE_S = 0.015  # "after a pause": three ticks of the stall meter, far below a typist's
TICK_MS = 5


def _sample_texts(path: Path) -> list[str]:
    """What back-office staff type: surname prefixes, "surname first", numbers, phones
    as people write them, e-mail prefixes, postal codes and business IDs."""
    rng = random.Random(11)
    con = sqlite3.connect(path)
    max_id = con.execute("select max(id) from customer").fetchone()[0]
    rows = []
    while len(rows) < SAMPLES * 2:
        row = con.execute(
            "select number, surname, first_names, email, phone_mobile, postal_code,"
            " business_id from customer where id = ?",
            (rng.randrange(1, max_id + 1),),
        ).fetchone()
        if row is not None:
            rows.append(row)
    con.close()
    out: list[str] = []
    for i, (number, surname, first, email, phone, postal, business_id) in enumerate(rows):
        kind = i % 7
        if kind == 0 and surname:
            out.append(surname[: rng.randrange(3, 7)].lower())
        elif kind == 1 and surname and first:
            out.append(f"{surname.lower()} {first.split()[0][:3].lower()}")
        elif kind == 2:
            out.append(number)
        elif kind == 3 and phone:
            national = "0" + phone[4:]
            out.append(f"{national[:3]} {national[3:6]} {national[6:]}")
        elif kind == 4 and email:
            out.append(email.split("@")[0][:8])
        elif kind == 5 and postal:
            out.append(postal)
        elif kind == 6 and business_id:
            out.append(business_id)
    return out


class _Harness:
    """A search panel on screen, a stall meter, and a way to type into it."""

    def __init__(self, ctx: BenchContext) -> None:
        from PySide6.QtCore import QCoreApplication, Qt, QTimer
        from PySide6.QtWidgets import QApplication

        from kkdesk.ui.search_panel import SearchPanel
        from kkdesk.ui.tasks import TaskRunner

        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        from kkdesk.ui.heap import GuiThreadCollector

        self.collector = GuiThreadCollector(self.app)  # as the desk does (kkdesk/ui/heap.py)
        self.runner = TaskRunner()
        self.panel = SearchPanel(ctx.ds, self.runner)
        self.panel.resize(700, 800)
        self.panel.show()
        QCoreApplication.processEvents()
        # Rows count as shown once the table has painted after they arrived.
        self.shown: dict[str, int] = {}  # query → paints counted when its rows arrived
        self.paints = 0
        self.panel.model.first_rows_shown.connect(self._on_first_rows_shown)
        # A refused text (a wrong check digit) shows its sentence instead of rows.
        self.panel.model.search_failed.connect(self._on_search_failed)
        self._paint_counter = _PaintCounter(self)
        self.panel.table.viewport().installEventFilter(self._paint_counter)
        self.longest_stall_ms = 0.0  # less the GUI thread's wait for a CPU (see above)
        self.longest_parts = GapParts(0.0, 0.0, 0.0, 0.0)  # of the longest stall's gap
        self.longest_gap_ms = 0.0  # wall clock
        self._cpu_times: list[int] = []
        self.steal_share = 0.0  # of all CPU time while the meter ran (a virtual machine's)
        self._last = ThreadClock.read()
        self.ticker = QTimer()
        self.ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._on_tick)

    def _on_first_rows_shown(self, query: str, _rows: int, _seconds: float) -> None:
        self.shown[query] = self.paints

    def _on_search_failed(self, _exc: BaseException) -> None:
        self.shown[self.panel.model.query] = self.paints

    def _on_tick(self) -> None:
        now = ThreadClock.read()
        parts = now.since(self._last)
        self._last = now
        self.longest_gap_ms = max(self.longest_gap_ms, parts.gap_ms)
        if parts.stall_ms > self.longest_stall_ms:
            self.longest_stall_ms, self.longest_parts = parts.stall_ms, parts

    def start_meter(self) -> None:
        self._cpu_times = _cpu_times()
        self._last = ThreadClock.read()
        self.ticker.start()

    def stop_meter(self) -> None:
        self.ticker.stop()
        before, after = self._cpu_times, _cpu_times()
        total = sum(after) - sum(before)
        self.steal_share = (after[7] - before[7]) / total if len(after) > 7 and total else 0.0

    def spin(self, until: Callable[[], bool], timeout_s: float = 30.0) -> bool:
        """Run the event loop (as the desk's would run) until ``until()`` or the timeout."""
        return _run_events_until(until, timeout_s)

    def key(self, ch: str) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        # A key event with the character, as a keyboard sends it (QTest knows ASCII only).
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(self.panel.edit, event)

    def clear(self) -> None:
        self.panel.edit.clear()
        self.spin(lambda: not self.panel.model.loading)

    def rows_for(self, text: str) -> Callable[[], bool]:
        """True once the rows of ``text`` are in the list and the list has painted them
        (no hits: nothing to paint, the list was emptied when the query started)."""
        query = " ".join(text.split())
        return lambda: (
            query in self.shown
            and (self.paints > self.shown[query] or self.panel.model.rowCount() == 0)
            and self.panel.model.query == query
        )

    def close(self) -> None:
        self.ticker.stop()
        self.spin(lambda: not self.runner.busy)
        self.panel.close()
        self.runner.shutdown()


def _run_events_until(until: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``until()`` (True) or ``timeout_s`` has passed (False).

    It sleeps between events as the desk's event loop does. Qt's ``processEvents(flags,
    ms)`` drops ``WaitForMoreEvents`` and returns at once when nothing is pending, so the
    loop of it that stood here polled: the GUI thread ran Python without a pause, taking
    the GIL from the search worker hundreds of times a query and spending 64 s of CPU in
    80 s of typing, which no desk does. A precise single-shot timer wakes the sleeping
    loop at the deadline.
    """
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer

    deadline = time.perf_counter() + timeout_s
    wake = QTimer()
    wake.setTimerType(Qt.TimerType.PreciseTimer)
    wake.setSingleShot(True)
    wake.start(max(1, round(timeout_s * 1000)))
    try:
        while not until():
            if time.perf_counter() >= deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        return True
    finally:
        wake.stop()


def _cpu_times() -> list[int]:
    """The machine's CPU time by kind (Linux ``/proc/stat``: user … steal …), else []."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            return [int(v) for v in f.readline().split()[1:]]
    except (OSError, ValueError):
        return []


class _PaintCounter(QObject):
    def __init__(self, harness: _Harness) -> None:
        super().__init__()
        self._harness = harness

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._harness.paints += 1
        return False


def _measure(h: _Harness, texts: list[str]) -> tuple[list[float], list[float]]:
    """(one key after a pause → rows painted, last key of a burst → rows painted), ms."""
    one_key: list[float] = []
    burst: list[float] = []
    for text in texts:
        h.clear()
        typed = ""
        for ch in text:  # one key after a pause: each prefix's rows
            typed += ch
            h.shown.clear()
            # The pause: without it the next key was sent in the same turn of the event loop
            # that painted the last key's rows, and the stall meter counted that paint, the
            # key's handling and its own rows' paint as one stall, which no typist can make.
            h.spin(lambda: False, PAUSE_S)
            t0 = time.perf_counter()
            h.key(ch)
            if not h.panel.model.loading:
                continue  # a space: the same words, nothing new to search
            if h.spin(h.rows_for(typed)):
                one_key.append((time.perf_counter() - t0) * 1000)
        h.clear()
        h.shown.clear()
        for ch in text:  # the same word in a fast burst: the last key to its rows
            t0 = time.perf_counter()
            h.key(ch)
            h.spin(lambda: False, BURST_GAP_S)
        if h.spin(h.rows_for(text)):
            burst.append((time.perf_counter() - t0 - BURST_GAP_S) * 1000)
    return one_key, burst


def run(ctx: BenchContext) -> list[Row]:
    from kkdesk.services import customers
    from kkdesk.ui.qtcompat import keep_singletons_alive

    keep_singletons_alive()  # PySide6 6.12 on Python 3.11: see kkdesk/ui/qtcompat.py
    from bench.bench_find import short_words, word_samples, wrong_check_digits

    texts = _sample_texts(ctx.path)
    word_texts = [t for kind in word_samples(ctx.path, WORD_SAMPLES).values() for t in kind]
    # Issue 12/13: a wrong check digit (said in the status line) and several short words
    # (the bounded scan), measured with the word searches.
    word_texts += wrong_check_digits(ctx.path, WORD_SAMPLES) + short_words(ctx.path, WORD_SAMPLES)
    h = _Harness(ctx)

    # Warm the page cache for these keys, as a desk that has been open a while has.
    for text in texts + word_texts:
        with contextlib.suppress(KnownError):  # a wrong check digit is refused at once
            customers.search(ctx.ds, text, limit=100)

    # A few words first: Qt's glyph caches and the first layouts, as in a desk that has
    # been open a while.
    _measure(h, texts[:5])
    from kkdesk.ui import gil, heap

    heap.settle()  # as the desk does once its window is up
    gil.favour_gui_thread()  # as the desk does when it shows its window
    h.start_meter()
    one_key, burst = _measure(h, texts)
    word_one_key, word_burst = _measure(h, word_texts)
    h.stop_meter()
    stall, gap, steal = h.longest_stall_ms, h.longest_gap_ms, h.steal_share
    parts = h.longest_parts
    h.close()
    bare = p95([t for text in texts for t in timings(lambda text=text: customers.search(
        ctx.ds, text, limit=100), 3)])  # fmt: skip
    word_bare = p95([t for text in word_texts for t in timings(lambda text=text: _search_or_refusal(
        ctx.ds, text), 3)])  # fmt: skip

    scroll = _scroll_in_child(ctx)
    rows = [
        Row(
            "search: key → first rows shown, p95",
            p95(one_key),
            "ms",
            target=f"≤ {KEYSTROKE_TARGET_MS:.0f} ms",
            baseline=bare,
            ok=p95(one_key) <= KEYSTROKE_TARGET_MS,
            note=f"{len(one_key)} keys, each after a pause; bare = first page",
        ),
        Row(
            "search: last key of a fast burst → rows, p95",
            p95(burst),
            "ms",
            target=f"≤ {KEYSTROKE_TARGET_MS:.0f} ms",
            baseline=bare,
            ok=p95(burst) <= KEYSTROKE_TARGET_MS,
            note=f"{len(burst)} words typed {BURST_GAP_S * 1000:.0f} ms a key",
        ),
        Row(
            "search by a word (company, contact, street, post office), a wrong check digit, "
            "short words: key → rows, p95",
            p95(word_one_key),
            "ms",
            target=f"≤ {KEYSTROKE_TARGET_MS:.0f} ms",
            baseline=word_bare,
            ok=p95(word_one_key) <= KEYSTROKE_TARGET_MS,
            note=f"{len(word_one_key)} keys of {len(word_texts)} texts, each after a pause",
        ),
        Row(
            "search by a word: last key of a fast burst → rows, p95",
            p95(word_burst),
            "ms",
            target=f"≤ {KEYSTROKE_TARGET_MS:.0f} ms",
            baseline=word_bare,
            ok=p95(word_burst) <= KEYSTROKE_TARGET_MS,
            note=f"{len(word_burst)} texts typed {BURST_GAP_S * 1000:.0f} ms a key",
        ),
        Row(
            "search: GUI thread's longest stall",
            stall,
            "ms",
            target=f"≤ {STALL_TARGET_MS:.0f} ms",
            ok=stall <= STALL_TARGET_MS,
            note=f"gap between {TICK_MS} ms timer ticks while all of the above ran, less "
            f"the GUI thread's wait for a CPU (run queue, hypervisor); that gap "
            f"{parts.gap_ms:.0f} ms: ran {parts.ran_ms:.0f}, queued {parts.queued_ms:.0f}, "
            f"stolen {parts.stolen_ms:.0f}; longest plain gap {gap:.0f} ms, "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs, "
            f"{steal:.0%} of the CPUs' time taken by the hypervisor (steal)",
        ),
    ]
    if scroll is not None:
        shown = int(scroll["rows"])
        note = f"{shown:,} rows of “{scroll['query']}” in {scroll['seconds']:.0f} s"
        if shown < SCROLL_ROWS:
            note += f" (the register has fewer than {SCROLL_ROWS:,} hits)"
        rows.append(
            Row(
                f"search: peak memory after scrolling {SCROLL_ROWS:,} results",
                float(scroll["peak_mb"]),
                "MB",
                target=f"≤ {MEMORY_TARGET_MB:.0f} MB",
                baseline=float(scroll["base_mb"]),
                ok=float(scroll["peak_mb"]) <= MEMORY_TARGET_MB,
                note=note + "; bare = the same process before searching",
            )
        )
    return rows


def _search_or_refusal(ds: Any, text: str) -> None:
    from kkdesk.services import customers

    with contextlib.suppress(KnownError):
        customers.search(ds, text, limit=100)


def _broadest_prefix(path: Path) -> str:
    """The first letter of the most names: the broadest search a user can type."""
    con = sqlite3.connect(path)
    letter = con.execute(
        "select substr(name_key, 1, 1) from customer where erased_at is null "
        "group by 1 order by count(*) desc limit 1"
    ).fetchone()[0]
    con.close()
    return str(letter)


def _scroll_in_child(ctx: BenchContext) -> dict[str, float | str] | None:
    query = _broadest_prefix(ctx.path)
    command = [sys.executable, "-m", "bench.bench_desk", "scroll", str(ctx.path), query]
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return None
    result: dict[str, float | str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def scroll(path: str, query: str, limit: int = SCROLL_ROWS) -> dict[str, float | str]:
    """In a fresh process: search ``query`` and scroll until ``limit`` rows are listed."""
    from kkdesk.ui.qtcompat import keep_singletons_alive

    keep_singletons_alive()
    from PySide6.QtWidgets import QApplication

    from kkdesk.domain.levels import Level
    from kkdesk.services.session import open_session
    from kkdesk.ui.search_panel import SearchPanel
    from kkdesk.ui.tasks import TaskRunner

    app = QApplication([sys.argv[0]])
    ds = open_session(path, level=Level.ADMIN, migrate_embedded=False)
    runner = TaskRunner()
    panel = SearchPanel(ds, runner)
    panel.resize(700, 800)
    panel.show()
    app.processEvents()
    base = _rss_mb()
    model = panel.model

    def spin(until: Callable[[], bool], timeout_s: float = 60.0) -> None:
        _run_events_until(until, timeout_s)

    t0 = time.perf_counter()
    panel.edit.setText(query)
    panel.search_now()
    spin(lambda: not model.loading)
    while model.rowCount() < limit and model.canFetchMore():
        before = model.rowCount()
        panel.table.scrollToBottom()  # the view asks the model for more, as it does live
        spin(lambda before=before: model.rowCount() > before and not model.loading)
        if model.rowCount() == before:
            break
    seconds = time.perf_counter() - t0
    result: dict[str, float | str] = {
        "query": query,
        "rows": model.rowCount(),
        "peak_mb": peak_rss_mb(),
        "base_mb": base,
        "seconds": seconds,
    }
    runner.wait_idle(10000)
    runner.shutdown()
    ds.close()
    return result


def _rss_mb() -> float:
    """Resident memory now (Linux), else the peak so far."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "scroll":
        print(json.dumps(scroll(sys.argv[2], sys.argv[3])))
    else:
        print("usage: python -m bench.bench_desk scroll DB QUERY", file=sys.stderr)
        raise SystemExit(2)
