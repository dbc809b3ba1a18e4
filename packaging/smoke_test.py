"""Checks that a built bundle starts: ``kkdesk --version``, then the desk offscreen on a
new embedded database in Finnish, until its log says the window was shown.

``make package`` runs it on ``dist/kkdesk/kkdesk``; IT can run it on a workstation image
(``python3 packaging/smoke_test.py /opt/kkdesk/kkdesk``). Standard library only. Every
folder the desk writes is a temporary one: nothing of the user's is touched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHOWN = "desk window shown"


def main(argv: list[str]) -> int:
    exe = Path(argv[0]).resolve() if argv else Path("dist/kkdesk/kkdesk").resolve()
    with tempfile.TemporaryDirectory(prefix="kkdesk-smoke-") as folder:
        home = Path(folder)
        env = {k: v for k, v in os.environ.items() if not k.startswith("KKDESK_")}
        env.update(
            HOME=str(home),
            QT_QPA_PLATFORM="offscreen",
            KKDESK_DB=str(home / "register.sqlite3"),
            KKDESK_CONFIG_DIR=str(home / "config"),
            KKDESK_LOG_DIR=str(home / "log"),
            KKDESK_SITE_CONFIG_DIR=str(home / "site"),
            XDG_DATA_HOME=str(home / "data"),
        )
        version = subprocess.run(
            [str(exe), "--version"], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        print(f"{exe} --version: {version}")
        # The register first, as IT sets one up: a desk given a register file that does not
        # exist asks before creating an empty one (no silent loss), and nobody answers here.
        # This also runs the bundled Alembic migrations.
        made = subprocess.run(
            [str(exe), "db", "upgrade"], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        print(made)
        (home / "config").mkdir()
        (home / "config" / "preferences.json").write_text(json.dumps({"language": "fi"}))
        log = home / "log" / "kkdesk.log"
        started = time.monotonic()
        desk = subprocess.Popen([str(exe)], env=env, cwd=home, stdout=subprocess.DEVNULL)
        try:
            while SHOWN not in (log.read_text() if log.exists() else ""):
                if desk.poll() is not None:
                    print(f"the desk ended (status {desk.returncode}) before its window was shown")
                    return 1
                if time.monotonic() - started > 120:
                    print("no desk window within 120 s")
                    return 1
                time.sleep(0.1)
        finally:
            desk.terminate()
            desk.wait(30)
        text = log.read_text()
        print(f"desk window shown offscreen after {time.monotonic() - started:.1f} s")
        if "no translation file" in text or "Traceback" in text:
            print(text)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
