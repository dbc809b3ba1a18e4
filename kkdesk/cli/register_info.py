"""``kkdesk register``: show and edit the register's own information (the privacy
notice's contents). Editing needs the admin level."""

from __future__ import annotations

import argparse
import json
import sys

from kkdesk.cli.common import Context, print_json
from kkdesk.domain import register_info as ri
from kkdesk.services import register_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "register",
        help="the register's own information",
        description="The controller, contact person, purposes, retention... that the "
        "privacy notice and every access letter print. Keys: " + ", ".join(ri.KINDS),
    )
    r_sub = p.add_subparsers(dest="register_command", metavar="COMMAND", required=True)
    show = r_sub.add_parser("show", help="print every key as JSON")
    show.add_argument("key", nargs="?", choices=list(ri.KINDS))
    show.set_defaults(handler=_show)
    set_ = r_sub.add_parser("set", help="store a key's value (JSON, or a plain string)")
    set_.add_argument("key", choices=list(ri.KINDS))
    set_.add_argument("value", help="JSON value; '-' reads it from standard input")
    set_.set_defaults(handler=_set)
    reset = r_sub.add_parser("reset", help="return a key to its default")
    reset.add_argument("key", choices=list(ri.KINDS))
    reset.set_defaults(handler=_reset)
    seed = r_sub.add_parser("seed", help="store the defaults of every key not stored yet")
    seed.set_defaults(handler=_seed)


def _show(args: argparse.Namespace, ctx: Context) -> int:
    values = ri.to_settings(register_settings.get(ctx.open()))
    print_json(values[args.key] if args.key else values)
    return 0


def _set(args: argparse.Namespace, ctx: Context) -> int:
    text = sys.stdin.read() if args.value == "-" else args.value
    try:
        raw = json.loads(text)
    except ValueError:
        raw = text  # a plain string is a string value
    register_settings.set_value(ctx.open(), args.key, raw)
    print(f"{args.key} stored.")
    return 0


def _reset(args: argparse.Namespace, ctx: Context) -> int:
    register_settings.reset(ctx.open(), args.key)
    print(f"{args.key} is back to its default.")
    return 0


def _seed(args: argparse.Namespace, ctx: Context) -> int:
    added = register_settings.seed(ctx.open())
    print(f"{added} keys stored.")
    return 0
