"""Ctrl-D at a password prompt on a real terminal (a pseudo-terminal the test opens) ends
in a sentence and a non-zero status, never a traceback, and nothing is done."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

# The child makes the pseudo-terminal its controlling terminal (as a session leader that
# opens it), so getpass talks to /dev/tty exactly as on a user's terminal.
CHILD = """
import os, sys
os.open(os.ttyname(0), os.O_RDWR)
from kkdesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _run_on_a_terminal(args: list[str], tmp_path: Path) -> tuple[int, str]:
    controller, terminal = pty.openpty()
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("KKDESK_DB", None)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        stdin=terminal, stdout=terminal, stderr=terminal,
        start_new_session=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    os.close(terminal)
    seen = b""
    deadline = time.monotonic() + 60
    sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        if not sent and b"assword" in seen:
            os.write(controller, b"\x04")  # Ctrl-D: end of input
            sent = True
        if child.poll() is not None and not ready:
            break
    status = child.wait(timeout=30)
    os.close(controller)
    return status, seen.decode("utf-8", "replace")


@pytest.mark.parametrize(
    "args",
    [
        ["login", "--db", "postgresql://anna@127.0.0.1:1/kkdesk"],
        ["customer", "find", "x", "--db", "postgresql://anna@127.0.0.1:1/kkdesk"],
        ["users", "password", "pekka", "--db", "postgresql://anna@127.0.0.1:1/kkdesk"],
    ],
)
def test_ctrl_d_at_a_password_prompt_is_a_sentence(args: list[str], tmp_path: Path) -> None:
    status, output = _run_on_a_terminal(args, tmp_path)
    assert "assword" in output  # it did ask
    assert status == 1, output
    assert "Traceback" not in output and "EOFError" not in output
    assert "No password was entered (the input ended): nothing was done." in output
