"""The letters of a request's steps and the Art. 14 notices due.

* "step letter": making one acknowledgement for an open request — reading the request and
  the customer, rendering, archiving the PDF with its hash and auditing it
  (``step_letters.generate``) — beside "bare", the same letter rendered alone
  (``render_step_letter`` on data already read). Target ≤ 100 ms, ≤ 3× bare.
* "notices due (Art. 14)": ``step_letters.source_notices_due`` over the whole register's
  change history — who had data from a public source, a partner or an update service in
  the last three months and was not told. Target ≤ 2,000 ms.

Works on a copy of the shared register with a few fresh update-service changes, so the
archived letters never pile up in it.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from bench.common import BenchContext, Row, timings
from kkdesk.domain.enums import Channel, DataSource, Purpose
from kkdesk.domain.letters import LetterKind
from kkdesk.domain.levels import Level
from kkdesk.reports.step_letters import render_step_letter
from kkdesk.services import customers, requests, step_letters
from kkdesk.services.session import open_session

LETTERS = 30
MOVED = 50  # customers given an address from an update service, to be notified
TARGET_MS = 100.0
TARGET_RATIO = 3.0
TARGET_DUE_MS = 2000.0


def run(ctx: BenchContext) -> list[Row]:
    ctx.close()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "steps.sqlite3"
        shutil.copyfile(ctx.path, path)
        ds = open_session(str(path), level=Level.ADMIN)
        try:
            numbers = [r.number for r in customers.search(ds, "a", limit=MOVED).rows]
            for number in numbers:
                current = customers.get(ds, number, purpose=Purpose.CUSTOMER_SERVICE)
                customers.update(
                    ds, number, replace(current.to_draft(), street=f"{current.street} B"),
                    expected_version=current.version, source=DataSource.UPDATE_SERVICE,
                    source_detail="Posti",
                )  # fmt: skip
            rid = requests.add(ds, numbers[0], "access", channel=Channel.LETTER,
                               received_on=requests.today() - timedelta(days=2)).id  # fmt: skip
            made = timings(
                lambda: step_letters.generate(ds, LetterKind.ACKNOWLEDGEMENT, request_id=rid),
                LETTERS,
            )
            [data] = step_letters.build(ds, LetterKind.ACKNOWLEDGEMENT, request_id=rid)
            bare = timings(lambda: render_step_letter(data), LETTERS)
            due_ms = timings(lambda: step_letters.source_notices_due(ds), 3)
            due = step_letters.source_notices_due(ds)
        finally:
            ds.close()
    ms, base = statistics.median(made), statistics.median(bare)
    due_best = min(due_ms)
    return [
        Row(
            "step letter (acknowledgement): make, archive, audit",
            ms,
            "ms",
            target=f"≤ {TARGET_MS:.0f} ms, ≤ {TARGET_RATIO:.0f}× bare",
            baseline=base,
            ok=ms <= TARGET_MS and ms <= TARGET_RATIO * base,
            note=f"median of {LETTERS}; bare: rendering alone",
        ),
        Row(
            "notices due (Art. 14) over the change history",
            due_best,
            "ms",
            target=f"≤ {TARGET_DUE_MS:.0f} ms",
            ok=due_best <= TARGET_DUE_MS,
            note=f"{ctx.customers:,} customers, {len(due):,} due",
        ),
    ]
