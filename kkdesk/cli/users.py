"""``kkdesk users``: staff accounts of a central database (the ``admin`` level only)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from kkdesk.auth import prompt
from kkdesk.cli.common import Context, print_json
from kkdesk.domain.levels import Level
from kkdesk.services import users
from kkdesk.services.users import StaffUser

LEVELS = [level.value for level in Level]


def _date(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text).replace(tzinfo=UTC)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from exc


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "users",
        help="manage staff accounts (admin)",
        description="Staff accounts of the central database: each is a database login "
        "that belongs to one user level (viewer, clerk, marketing, privacy, admin).",
    )
    u_sub = p.add_subparsers(dest="users_command", metavar="COMMAND", required=True)

    add = u_sub.add_parser("add", help="add a staff login", description="Add a staff login.")
    add.add_argument("login", help="the login (lower-case letters, digits, _ . -)")
    add.add_argument("--role", required=True, choices=LEVELS, help="user level")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.add_argument("--valid-until", type=_date, metavar="DATE", help="password expiry")
    add.set_defaults(handler=_add)

    lst = u_sub.add_parser("list", help="list staff logins", description="List staff logins.")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(handler=_list)

    role = u_sub.add_parser(
        "set-role", help="change a login's level", description="Change a login's user level."
    )
    role.add_argument("login")
    role.add_argument("role", choices=LEVELS)
    role.set_defaults(handler=_set_role)

    disable = u_sub.add_parser(
        "disable", help="stop a login from signing in", description="Disable a login."
    )
    disable.add_argument("login")
    disable.set_defaults(handler=_disable)

    enable = u_sub.add_parser("enable", help="let a disabled login sign in again")
    enable.add_argument("login")
    enable.set_defaults(handler=_enable)

    pw = u_sub.add_parser("password", help="set a login's password")
    pw.add_argument("login")
    pw.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    pw.add_argument("--valid-until", type=_date, metavar="DATE", help="password expiry")
    pw.set_defaults(handler=_password)


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return prompt.read_password()
    return prompt.ask_new_password(args.login)


def _line(user: StaffUser) -> str:
    level = user.level.value if user.level else "-"
    state = "enabled" if user.can_login else "disabled"
    until = f"  password valid until {user.valid_until:%Y-%m-%d}" if user.valid_until else ""
    return f"{user.login:<24} {level:<10} {state}{until}"


def _add(args: argparse.Namespace, ctx: Context) -> int:
    ds = ctx.open()
    password = _new_password(args)
    user = users.add(ds, args.login, Level(args.role), password, valid_until=args.valid_until)
    print(f"Added {_line(user)}")
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    found = users.list_users(ctx.open())
    if args.json:
        print_json(
            [
                {
                    "login": u.login,
                    "level": u.level.value if u.level else None,
                    "enabled": u.can_login,
                    "valid_until": u.valid_until.isoformat() if u.valid_until else None,
                }
                for u in found
            ]
        )
        return 0
    if not found:
        print("No staff logins yet: add one with 'kkdesk users add LOGIN --role LEVEL'.")
        return 0
    print(f"{'LOGIN':<24} {'LEVEL':<10} STATE")
    for user in found:
        print(_line(user))
    return 0


def _set_role(args: argparse.Namespace, ctx: Context) -> int:
    print(_line(users.set_level(ctx.open(), args.login, Level(args.role))))
    return 0


def _disable(args: argparse.Namespace, ctx: Context) -> int:
    print(_line(users.set_enabled(ctx.open(), args.login, False)))
    return 0


def _enable(args: argparse.Namespace, ctx: Context) -> int:
    print(_line(users.set_enabled(ctx.open(), args.login, True)))
    return 0


def _password(args: argparse.Namespace, ctx: Context) -> int:
    ds = ctx.open()
    password = _new_password(args)
    print(_line(users.set_password(ds, args.login, password, valid_until=args.valid_until)))
    return 0
