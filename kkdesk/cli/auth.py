"""``kkdesk login`` / ``kkdesk logout``: save or forget a central database password.

``login`` checks the credentials against the server and only then saves the password in
the OS keyring; the desk and every command find it there afterwards. A password is never
taken from the command line: it is asked on the terminal or read with ``--password-stdin``.
"""

from __future__ import annotations

import argparse
import sys

from kkdesk.auth import prompt
from kkdesk.cli.common import Context, add_db_option
from kkdesk.services import login as login_service
from kkdesk.store.database import describe


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "login",
        help="check and save a central database password in the keyring",
        description="Check the user name and password against the central database, then "
        "save the password in the OS keyring (never in a file). The database is --db "
        "postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full&sslrootcert=CA.pem] or "
        "$KKDESK_DB. The connection is also saved as a profile for the desk's login dialog.",
    )
    add_db_option(p)
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    p.add_argument("--profile", metavar="NAME", default="", help="name of the saved profile")
    p.set_defaults(handler=_login)

    out = sub.add_parser(
        "logout",
        help="forget a saved central database password",
        description="Remove the password of --db's user from the OS keyring.",
    )
    add_db_option(out)
    out.set_defaults(handler=_logout)


def _login(args: argparse.Namespace, ctx: Context) -> int:
    url = login_service.central_url(ctx.db_url)
    where = describe(url)
    password = prompt.read_password() if args.password_stdin else prompt.ask_on_terminal(where)
    saved = login_service.login(url, password, profile_name=args.profile)
    print(f"Signed in as {saved}; the password is saved in the keyring.")
    return 0


def _logout(args: argparse.Namespace, ctx: Context) -> int:
    url = login_service.central_url(ctx.db_url)
    if login_service.logout(url):
        print(f"Forgot the saved password of {describe(url)}.")
        return 0
    print(f"No password was saved for {describe(url)}.", file=sys.stderr)
    return 1
