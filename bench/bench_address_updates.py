"""A 100,000-row address-update import (issue 15, section 6 of the register description).

Target: the import of a 100,000-row file — parsing, matching and applying in one
transaction, with the change history, search words and audit rows — ≤ 60 s.

The file is made from the bench register itself: of its rows, 85 % name a customer by
number with a new address, 10 % by name and old address, 2 % are already current, 2 %
name no customer and 1 % are invalid; 1 % of the customers named prohibit updates. It runs
on a copy of the register, so the shared one stays as it was. With a register of fewer
than 100,000 customers the file is as long as the register (the note says so). It runs in
a process of its own, so that its peak memory is the import's, not the bench process's
(which built the register and ran the other modules).
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import BenchContext, Row, peak_rss_mb, run_child
from kkdesk.domain.search import customer_number

ROWS = 100_000
TARGET_S = 60.0
HEADER = (
    "customer_number;surname;first_names;old_street;old_postal_code;"
    "new_street;new_postal_code;new_post_office;valid_from\n"
)


def make_file(db: Path, rows: int, seed: int = 15) -> tuple[bytes, int]:
    """The file's bytes and how many customers were given the prohibition."""
    rng = random.Random(seed)
    con = sqlite3.connect(db)
    try:
        people = con.execute(
            "SELECT id, number, surname, first_names, street, postal_code, post_office "
            "FROM customer WHERE type = 'person' AND erased_at IS NULL AND street <> '' "
            "ORDER BY id LIMIT ?",
            (rows,),
        ).fetchall()
        prohibited = [p[0] for p in people[::100]]
        with con:
            con.executemany(
                "INSERT INTO consent_event (customer_id, contact_person_id, item, state, "
                "received_on, channel, document_ref, note, recorded_by, recorded_at) "
                "VALUES (?, NULL, 'register_updates', 1, '2025-01-01', 'letter', 'VTJ', '', "
                "'bench', '2025-01-01 00:00:00')",
                [(i,) for i in prohibited],
            )
    finally:
        con.close()
    out = [HEADER]
    for i, (_id, number, surname, first, street, postal, office) in enumerate(people):
        kind = rng.random()
        new = f"Muuttotie {i % 200 + 1};{rng.randint(0, 99999):05d};{office}"
        if kind < 0.85:
            out.append(f"{number};;;;;{new};2026-03-01\n")
        elif kind < 0.95:
            out.append(f";{surname};{first};{street};{postal};{new};2026-03-01\n")
        elif kind < 0.97:
            out.append(f"{number};;;;;{street};{postal};{office};2026-03-01\n")
        elif kind < 0.99:
            out.append(f"{customer_number(50_000_000 + i)};;;;;{new};2026-03-01\n")
        else:
            out.append(f"{number};;;;;{street};123;{office};2026-03-01\n")
    return "".join(out).encode(), len(prohibited)


def child(db: str) -> dict[str, Any]:
    """In a fresh process (its peak memory is the import's alone): the import on a copy."""
    from kkdesk.domain import address_updates as au
    from kkdesk.domain.levels import Level
    from kkdesk.services import address_updates
    from kkdesk.services.session import open_session

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "register.sqlite3"
        shutil.copyfile(db, copy)
        data, prohibited = make_file(copy, ROWS)
        lines = data.count(b"\n") - 1
        ds = open_session(str(copy), level=Level.ADMIN)
        try:
            base_mb = peak_rss_mb()
            t0 = time.perf_counter()
            preview = address_updates.preview(ds, data, source="bench")
            preview_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            done = address_updates.apply(ds, data, source="bench")
            apply_s = time.perf_counter() - t0
        finally:
            ds.close()
    return {
        "lines": lines,
        "prohibited": prohibited,
        "preview_s": preview_s,
        "apply_s": apply_s,
        "changed": len(done.changed_numbers),
        "counts": ", ".join(f"{c.value} {preview.count(c):,}" for c in au.CATEGORIES),
        "base_mb": base_mb,
        "peak_mb": peak_rss_mb(),
    }


def run(ctx: BenchContext) -> list[Row]:
    ctx.close()
    r = run_child("bench.bench_address_updates", str(ctx.path))
    lines = int(r["lines"])
    short = "" if lines >= ROWS else f"; only {lines:,} rows (a smaller register)"
    return [
        Row(f"address-update preview, {lines:,} rows", r["preview_s"], "s", note=r["counts"]),
        Row(
            f"address-update import, {lines:,} rows",
            r["apply_s"],
            "s",
            target=f"≤ {TARGET_S:.0f} s",
            ok=r["apply_s"] <= TARGET_S,
            note=f"{r['changed']:,} changed, {r['prohibited']:,} prohibit; peak "
            f"{r['peak_mb']:.0f} MB in a process of its own ({r['base_mb']:.0f} MB before "
            f"the file was read){short}",
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1])))
