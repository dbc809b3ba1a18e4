"""Asking for a password on a terminal, or reading it from standard input.

A command that needs a password and finds none in the keyring asks on the terminal; with no
terminal (a script, a service) it fails with a clear message instead of hanging.
"""

from __future__ import annotations

import getpass
import sys
from typing import TextIO

from kkdesk.auth import keychain
from kkdesk.errors import AuthenticationFailed


def no_password(where: str) -> AuthenticationFailed:
    if keychain.available():
        text = (
            f"No password for {where}: none is saved in the keyring and there is no "
            "terminal to ask on. Save it first with 'kkdesk login' (which also reads it "
            "from standard input with --password-stdin)."
        )
    else:
        text = (
            f"No password for {where}: this computer has no keyring to keep one in and "
            "there is no terminal to ask on. Run the command on a terminal."
        )
    return AuthenticationFailed(text, code="password_needed", where=where)


def _ask(question: str) -> str:
    """``getpass`` that ends in a known error, not a traceback, when the user closes the
    input with Ctrl-D (end of file) instead of typing a password."""
    try:
        return getpass.getpass(question)
    except EOFError:
        sys.stderr.write("\n")  # getpass leaves the cursor after the question
        raise AuthenticationFailed(
            "No password was entered (the input ended): nothing was done.",
            code="password_not_entered",
        ) from None


def ask_on_terminal(where: str, stream: TextIO | None = None) -> str:
    """Ask for the password of ``where`` (``user@host:port/db``) without echoing it."""
    stream = stream if stream is not None else sys.stdin
    if not stream.isatty():
        raise no_password(where)
    password = _ask(f"Password for {where}: ")
    if not password:
        raise no_password(where)
    return password


def read_password(stream: TextIO | None = None) -> str:
    """The first line of ``stream`` (standard input) as a password: for scripts."""
    stream = stream if stream is not None else sys.stdin
    password = stream.readline().rstrip("\r\n")
    if not password:
        raise AuthenticationFailed(
            "No password was given on standard input.", code="password_needed", where="stdin"
        )
    return password


def ask_new_password(login: str, stream: TextIO | None = None) -> str:
    """Ask twice for a new password on the terminal."""
    stream = stream if stream is not None else sys.stdin
    if not stream.isatty():
        raise no_password(login)
    first = _ask(f"New password for {login}: ")
    second = _ask("Again: ")
    if not first or first != second:
        raise AuthenticationFailed(
            "The passwords were empty or did not match.", code="password_mismatch"
        )
    return first
