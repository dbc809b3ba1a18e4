"""Marketing exports of the whole register (issue 7).

Targets: an export of the 1,000,000-customer register ≤ 10 s and within 3× of the bare SQL
query writing the same CSV; peak memory ≤ 300 MB (the export streams).

* "kkdesk": ``kkdesk.services.marketing.export`` — the selection (prohibitions, consents,
  restriction, objection, least permissive state across shared e-mails and phones,
  suppression list, usable address) streamed into the CSV file, and the disclosure
  recorded with one ``disclosure_customer`` row per exported customer.
* "bare": the same selection as one SQL statement (``marketing.export_query``) run with
  the plain ``sqlite3`` module, its rows written with ``csv.writer`` into the same kind of
  file (UTF-8 with a byte order mark, header row) — no disclosure, no session, no progress.

Each run is a fresh Python process, so the peak resident memory reported (``VmHWM``)
is the export's own and not that of whatever ran before; it includes the interpreter and
the imported libraries. The process started to measure kkdesk deletes the disclosure it
recorded afterwards, so the shared register stays as it was. The two files are compared
byte for byte: they must be the same.

Post is the largest export (almost everyone may be written to); e-mail and SMS take the
opt-in path of the selection.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import BenchContext, Row

PURPOSE = "direct-advertising"
CHANNELS = ("post", "email", "sms")
REPEAT = 2
TARGET_S = 10.0
TARGET_RATIO = 3.0
TARGET_MB = 300.0


def _child_kkdesk(db: str, purpose: str, channel: str, out: str) -> dict[str, Any]:
    import sqlite3

    from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
    from kkdesk.domain.levels import Level
    from kkdesk.services import marketing
    from kkdesk.services.session import open_session

    ds = open_session(db, level=Level.MARKETING)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        result = marketing.export(
            ds, MarketingPurpose(purpose), MarketingChannel(channel), out, recipient="bench"
        )
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        ds.close()
    con = sqlite3.connect(db)
    try:
        with con:
            con.execute(
                "DELETE FROM disclosure_customer WHERE disclosure_id = ?", (result.disclosure_id,)
            )
            con.execute("DELETE FROM disclosure WHERE id = ?", (result.disclosure_id,))
    finally:
        con.close()
    return {"seconds": seconds, "cpu": cpu, "rows": result.count}


def _child_bare(db: str, purpose: str, channel: str, out: str) -> dict[str, Any]:
    import csv
    import sqlite3

    from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
    from kkdesk.services import marketing

    sql = marketing.export_query(MarketingPurpose(purpose), MarketingChannel(channel))
    con = sqlite3.connect(db)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        rows = 0
        with open(out, "w", encoding="utf-8", newline="") as f:
            f.write("\ufeff")  # as kkdesk writes it (see marketing.export)
            writer = csv.writer(f)
            cur = con.execute(sql)
            writer.writerow([d[0] for d in cur.description])
            while batch := cur.fetchmany(5000):
                writer.writerows(batch)
                rows += len(batch)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        con.close()
    return {"seconds": seconds, "cpu": cpu, "rows": rows}


def _own_peak_mb(fallback: float) -> float:
    """This process's own peak resident memory. Linux keeps ``ru_maxrss`` across
    ``execve``, so a child started by a bench process that had grown to 340 MB reported
    340 MB whatever it used itself; ``VmHWM`` belongs to the current address space only."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return fallback


def child(argv: list[str]) -> int:
    """``python -m bench.bench_marketing kkdesk|bare DB PURPOSE CHANNEL OUT``: one run."""
    import resource

    mode, db, purpose, channel, out = argv
    fn = _child_kkdesk if mode == "kkdesk" else _child_bare
    result = fn(db, purpose, channel, out)
    result["peak_mb"] = _own_peak_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result))
    return 0


def _run(mode: str, db: Path, channel: str, out: Path) -> dict[str, Any]:
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_marketing", mode, str(db), PURPOSE, channel, str(out)],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{mode} export failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(ctx: BenchContext) -> list[Row]:
    ctx.close()  # the children open the register themselves
    rows: list[Row] = []
    peak = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for channel in CHANNELS:
            kk_file, bare_file = Path(tmp) / "kkdesk.csv", Path(tmp) / "bare.csv"
            kk: list[dict[str, Any]] = []
            bare: list[dict[str, Any]] = []
            for _ in range(REPEAT):
                bare.append(_run("bare", ctx.path, channel, bare_file))
                kk.append(_run("kkdesk", ctx.path, channel, kk_file))
            same = kk_file.read_bytes() == bare_file.read_bytes()
            seconds = min(r["seconds"] for r in kk)
            baseline = min(r["seconds"] for r in bare)
            peak = max(peak, *(r["peak_mb"] for r in kk))
            rows.append(
                Row(
                    f"marketing export {channel} ({PURPOSE})",
                    seconds,
                    "s",
                    target=f"≤ {TARGET_S:.0f} s, ≤ {TARGET_RATIO:.0f}× bare",
                    baseline=baseline,
                    ok=same and seconds <= TARGET_S and seconds <= TARGET_RATIO * baseline,
                    note=f"{kk[0]['rows']:,} customers, {seconds / baseline:.1f}× bare"
                    + ("" if same else "; FILES DIFFER"),
                )
            )
    rows.append(
        Row(
            "marketing export peak memory",
            peak,
            "MB",
            target=f"≤ {TARGET_MB:.0f} MB",
            ok=peak <= TARGET_MB,
            note="peak RSS of the exporting process (all channels), interpreter included",
        )
    )
    return rows


if __name__ == "__main__":
    raise SystemExit(child(sys.argv[1:]))
