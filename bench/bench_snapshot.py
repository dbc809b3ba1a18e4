"""Offline snapshots: making and opening one of 10,000 customers (target ≤ 3 s each, peak
memory ≤ 300 MB each).

"Open" is what ``kkdesk --snapshot FILE`` waits for before the window: the header, the
keyring, decrypting and authenticating, and the in-memory database ready with one
customer opened. Beside each, the bare operation: the same rows copied with one
``INSERT … SELECT`` per table by SQLite itself, serialised and sealed with AES-GCM in one
call, and opened by decrypting and deserialising. Both run in a fresh Python process of
their own (the keyring is an in-memory one there); the peak is that process's ``VmHWM``,
reset between making and opening (``/proc/self/clear_refs``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import BenchContext, Row

CUSTOMERS = 10_000
TARGET_S = 3.0
TARGET_MB = 300.0


def _peak_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # Linux ≥ 4.0: resets the peak resident set size
    except OSError:
        pass


def _numbers(db: str) -> list[str]:
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "select number from customer where erased_at is null order by id limit ?",
            (CUSTOMERS,),
        ).fetchall()
    finally:
        con.close()
    return [str(r[0]) for r in rows]


def _child_kkdesk(db: str, out: str) -> dict[str, Any]:
    import keyring

    from kkdesk.auth.testing import MemoryKeyring
    from kkdesk.domain.enums import Purpose
    from kkdesk.domain.levels import Level
    from kkdesk.services import customers, snapshots
    from kkdesk.services.session import open_session

    keyring.set_keyring(MemoryKeyring())
    numbers = _numbers(db)
    ds = open_session(db, level=Level.ADMIN)
    _reset_peak()
    t0, c0 = time.perf_counter(), time.process_time()
    made = snapshots.create(ds, Path(out), snapshots.Selection(numbers=tuple(numbers)))
    create_s, create_cpu = time.perf_counter() - t0, time.process_time() - c0
    create_mb = _peak_mb()
    ds.close()
    size = Path(out).stat().st_size
    _reset_peak()
    t0, c0 = time.perf_counter(), time.process_time()
    offline = snapshots.open_snapshot(Path(out))
    customers.get(offline, numbers[0], purpose=Purpose.CUSTOMER_SERVICE)
    open_s, open_cpu = time.perf_counter() - t0, time.process_time() - c0
    open_mb = _peak_mb()
    offline.close()
    return {
        "create_s": create_s,
        "create_cpu": create_cpu,
        "create_mb": create_mb,
        "open_s": open_s,
        "open_cpu": open_cpu,
        "open_mb": open_mb,
        "customers": made.customers,
        "bytes": size,
    }


# The bare copy: each table's rows of the chosen customers, by SQLite alone.
_BARE = {
    "customer": "id in (select id from ids)",
    "contact_person": "customer_id in (select id from ids)",
    "personal_data_change": "customer_id in (select id from ids)",
    "consent_event": "customer_id in (select id from ids)",
    "customer_order": "customer_id in (select id from ids)",
    "order_line": "order_id in (select id from main.customer_order)",
    "delivery": "order_id in (select id from main.customer_order)",
    "order_return": "order_id in (select id from main.customer_order)",
    "return_line": "return_id in (select id from main.order_return)",
    "disclosure_customer": "customer_id in (select id from ids)",
    "subject_request": "customer_id in (select id from ids)",
}


def _child_bare(db: str, out: str) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    numbers = _numbers(db)
    _reset_peak()
    t0 = time.perf_counter()
    mem = sqlite3.connect(":memory:")
    mem.execute("attach database ? as src", (db,))
    for (sql,) in mem.execute(
        f"select sql from src.sqlite_master where type = 'table' "
        f"and name in ({','.join('?' * len(_BARE))})",
        list(_BARE),
    ).fetchall():
        mem.execute(sql)
    mem.execute("create temp table ids (id integer primary key)")
    mem.executemany(
        "insert into ids select id from src.customer where number = ?", [(n,) for n in numbers]
    )
    for table, where in _BARE.items():
        mem.execute(f"insert into main.{table} select * from src.{table} where {where}")
    mem.commit()
    mem.execute("detach database src")
    image = mem.serialize()
    key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    Path(out).write_bytes(nonce + AESGCM(key).encrypt(nonce, image, b""))
    create_s = time.perf_counter() - t0
    create_mb = _peak_mb()
    mem.close()
    del image
    _reset_peak()
    t0 = time.perf_counter()
    data = Path(out).read_bytes()
    opened = sqlite3.connect(":memory:")
    opened.deserialize(AESGCM(key).decrypt(data[:12], data[12:], b""))
    opened.execute("select * from customer where number = ?", (numbers[0],)).fetchall()
    open_s = time.perf_counter() - t0
    return {"create_s": create_s, "create_mb": create_mb, "open_s": open_s, "open_mb": _peak_mb()}


def child(argv: list[str]) -> int:
    """``python -m bench.bench_snapshot kkdesk|bare DB OUT``: one run, JSON on stdout."""
    mode, db, out = argv
    fn = _child_kkdesk if mode == "kkdesk" else _child_bare
    print(json.dumps(fn(db, out)))
    return 0


def _run(mode: str, db: Path, out: Path) -> dict[str, Any]:
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env["XDG_DATA_HOME"] = str(out.parent / "data")  # the offline read journal goes here
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_snapshot", mode, str(db), str(out)],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{mode} snapshot failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(ctx: BenchContext) -> list[Row]:
    import tempfile

    ctx.close()  # the children open the register themselves
    with tempfile.TemporaryDirectory() as tmp:
        kk = _run("kkdesk", ctx.path, Path(tmp) / "kk.kksnap")
        bare = _run("bare", ctx.path, Path(tmp) / "bare.bin")
    n = kk["customers"]
    note = (
        f"{n:,} customers, {kk['bytes'] / 1e6:.1f} MB file; CPU {kk['create_cpu']:.1f} s "
        f"(wall time counts waiting for a loaded machine too)"
    )
    return [
        Row(
            f"snapshot create ({n:,} customers)",
            kk["create_s"],
            "s",
            target=f"≤ {TARGET_S:.0f} s",
            baseline=bare["create_s"],
            ok=kk["create_s"] <= TARGET_S,
            note=note,
        ),
        Row(
            "snapshot create peak memory",
            kk["create_mb"],
            "MB",
            target=f"≤ {TARGET_MB:.0f} MB",
            baseline=bare["create_mb"],
            ok=kk["create_mb"] <= TARGET_MB,
            note="peak RSS of the making process, interpreter included",
        ),
        Row(
            f"snapshot open ({n:,} customers)",
            kk["open_s"],
            "s",
            target=f"≤ {TARGET_S:.0f} s",
            baseline=bare["open_s"],
            ok=kk["open_s"] <= TARGET_S,
            note=f"decrypt, check, in-memory database with indexes, one customer opened; "
            f"CPU {kk['open_cpu']:.1f} s",
        ),
        Row(
            "snapshot open peak memory",
            kk["open_mb"],
            "MB",
            target=f"≤ {TARGET_MB:.0f} MB",
            baseline=bare["open_mb"],
            ok=kk["open_mb"] <= TARGET_MB,
            note="peak RSS of the opening process, interpreter included",
        ),
    ]


if __name__ == "__main__":
    sys.exit(child(sys.argv[1:]))
