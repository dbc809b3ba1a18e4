"""Demo data at the speed of the database: ``kkdesk demo`` fills 1,000,000 customers in
≤ 5 minutes (issue 19), i.e. ≥ 3,334 customers a second, on SQLite and on PostgreSQL.

``kkdesk demo`` runs as its own process (the command a user types) on a fresh register of
``BENCH_DEMO_CUSTOMERS`` customers (100,000 by default; 1,000,000 for the real thing):

- **SQLite**: a fresh embedded register in a temporary folder;
- **PostgreSQL** (where its server binaries are found, as for the integration tests; not
  with ``BENCH_DEMO_PG=0``): a throw-away server started as ``tests/integration/
  pgserver.py`` starts one, a fresh database migrated by its owner, loaded as the owner
  (``COPY``), the server stopped and removed afterwards.

Each row gives the wall time, the CPU time of the ``kkdesk demo`` process and its peak
memory (VmHWM), and on PostgreSQL the server's CPU time beside. On a machine shared with
other work the wall time follows the load; the CPU time per customer says what the
machine would do idle.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BenchContext, Row
from kkdesk.domain.levels import Level
from kkdesk.services.session import open_session

TARGET = 1_000_000 / 300  # customers a second: a million in five minutes

# ``kkdesk demo``'s own work, for a central database whose password is not in a keyring:
# what the command does after it has opened its session.
_PG_CHILD = """
import os, sys
from kkdesk.services import demo
from kkdesk.services.session import open_session
ds = open_session(os.environ["BENCH_DEMO_URL"], password=os.environ["BENCH_DEMO_PASSWORD"])
r = demo.fill(ds, int(sys.argv[1]))
print(f"Added {r.customers:,} customers ({r.first_number}–{r.last_number}) with "
      f"{r.orders:,} orders.")
"""


def customers() -> int:
    return int(os.environ.get("BENCH_DEMO_CUSTOMERS", "100000"))


def run(ctx: BenchContext) -> list[Row]:
    n = customers()
    rows = [_sqlite(n)]
    if os.environ.get("BENCH_DEMO_PG", "1") != "0":
        from tests.integration.pgserver import _find_bin_dir

        if _find_bin_dir() is not None:
            rows.append(_postgres(n))
    return rows


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds, peak MB and stdout of ``cmd``."""
    t0 = time.perf_counter()
    child = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - t0
    out, err = child.communicate()
    if status != 0:
        raise RuntimeError(f"kkdesk demo failed: {err or out}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.strip()


def _row(name: str, n: int, seconds: float, cpu: float, peak: float, note: str) -> Row:
    rate = n / seconds
    return Row(
        f"demo --customers {n:,} ({name})",
        rate,
        "customers/s",
        target=f"≥ {TARGET:,.0f}/s",
        ok=rate >= TARGET,
        note=(
            f"{seconds:,.0f} s wall, {cpu:,.0f} s CPU ({n / cpu:,.0f} customers per "
            f"CPU-second), peak {peak:,.0f} MB; {note}"
        ),
    )


def _sqlite(n: int) -> Row:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite3"
        open_session(str(path), level=Level.ADMIN).close()  # a migrated, empty register
        cmd = [sys.executable, "-m", "kkdesk", "--db", str(path), "demo", "--customers", str(n)]
        seconds, cpu, peak, out = _timed(cmd)
    return _row("SQLite", n, seconds, cpu, peak, out)


def _server_cpu(data_dir: Path) -> float:
    """CPU seconds of the server so far: the postmaster, its live processes and those it
    has reaped (a session's backend once it ended)."""
    tick = os.sysconf("SC_CLK_TCK")
    postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        ppid = int(fields[1])
        if int(pid) == postmaster:
            total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
        elif ppid == postmaster:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def _postgres(n: int) -> Row:
    from tests.integration.pgserver import _create_db, _start_server, _stop_server

    try:
        server, base = _start_server(_find_bin())
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        return Row(f"demo --customers {n:,} (PostgreSQL)", 0, "", note=f"not run: {exc}")
    try:
        pg = _create_db(server)
        env = dict(os.environ)
        env["BENCH_DEMO_URL"] = pg.url().render_as_string(hide_password=True)
        env["BENCH_DEMO_PASSWORD"] = server.owner_password
        env["PYTHONPATH"] = os.pathsep.join(sys.path)
        before = _server_cpu(server.data_dir)
        seconds, cpu, peak, out = _timed([sys.executable, "-c", _PG_CHILD, str(n)], env)
        server_cpu = _server_cpu(server.data_dir) - before
    finally:
        _stop_server(server, base)
    return _row(
        "PostgreSQL, COPY as the owner", n, seconds, cpu, peak,
        f"the server {server_cpu:,.0f} s CPU; {out}",
    )  # fmt: skip


def _find_bin() -> Path:
    from tests.integration.pgserver import _find_bin_dir

    found = _find_bin_dir()
    assert found is not None
    return found
