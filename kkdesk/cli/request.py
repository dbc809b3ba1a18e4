"""``kkdesk request``: the log of data-subject requests and their deadlines."""

from __future__ import annotations

import argparse
from datetime import date

from kkdesk.cli.common import Context, print_json
from kkdesk.domain.enums import Channel
from kkdesk.domain.subject_requests import RequestKind, RequestStatus, SubjectRequest
from kkdesk.services import requests


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "request",
        help="data-subject requests",
        description="Data-subject requests (GDPR Art. 15–21): each must be answered within "
        "one calendar month of receipt, extendable once by two months with a reason.",
    )
    r_sub = p.add_subparsers(dest="request_command", metavar="COMMAND", required=True)

    add = r_sub.add_parser("add", help="register a request")
    add.add_argument("number", help="customer number")
    add.add_argument("kind", choices=[k.value for k in RequestKind])
    add.add_argument(
        "--received", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
        help="when it arrived (default today)",
    )  # fmt: skip
    add.add_argument("--channel", choices=[c.value for c in Channel], default="letter")
    add.add_argument("--identity", default="", metavar="HOW", help="how identity was verified")
    add.add_argument("--verified-by", default="", metavar="WHO", help="default: you")
    add.add_argument("--note", default="")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=_add)

    lst = r_sub.add_parser("list", help="list requests, the nearest deadline first")
    lst.add_argument("--status", choices=[*[s.value for s in RequestStatus], "all"], default="open")
    lst.add_argument("--kind", choices=[k.value for k in RequestKind])
    lst.add_argument("--customer", metavar="NUMBER")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_list)

    ext = r_sub.add_parser("extend", help="extend the deadline by two months")
    ext.add_argument("id", type=int)
    ext.add_argument("--reason", required=True)
    ext.add_argument("--json", action="store_true")
    ext.set_defaults(handler=_extend)

    cl = r_sub.add_parser("close", help="close a request as done or refused")
    cl.add_argument("id", type=int)
    cl.add_argument("--status", choices=["done", "refused"], default="done")
    cl.add_argument("--note", default="", help="what was done; a refusal's reason")
    cl.add_argument("--json", action="store_true")
    cl.set_defaults(handler=_close)


def _line(r: SubjectRequest) -> str:
    today = requests.today()
    left = f"{r.days_left(today):>4} d" if r.is_open else r.status.value
    ext = " (extended)" if r.extended else ""
    return (
        f"{r.id:>6}  {r.kind.value:<13} {r.customer_number:<10} {r.customer_name:<30.30}  "
        f"received {r.received_on}  due {r.deadline}{ext}  {left}"
    )


def _out(args: argparse.Namespace, r: SubjectRequest) -> int:
    if args.json:
        print_json(requests.request_json(r))
    else:
        print(_line(r))
    return 0


def _add(args: argparse.Namespace, ctx: Context) -> int:
    r = requests.add(
        ctx.open(),
        args.number,
        args.kind,
        received_on=args.received or requests.today(),
        channel=args.channel,
        identity_method=args.identity,
        identity_verified_by=args.verified_by,
        note=args.note,
    )
    return _out(args, r)


def _list(args: argparse.Namespace, ctx: Context) -> int:
    rows = requests.list_requests(
        ctx.open(),
        status=None if args.status == "all" else args.status,
        kind=args.kind,
        number=args.customer,
    )
    if args.json:
        print_json([requests.request_json(r) for r in rows])
        return 0
    for r in rows:
        print(_line(r))
    return 0


def _extend(args: argparse.Namespace, ctx: Context) -> int:
    return _out(args, requests.extend(ctx.open(), args.id, args.reason))


def _close(args: argparse.Namespace, ctx: Context) -> int:
    return _out(args, requests.close(ctx.open(), args.id, status=args.status, note=args.note))
