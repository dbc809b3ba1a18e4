"""``kkdesk request``: the log of data-subject requests and their deadlines."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

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
    add.add_argument(
        "--identity-override", default="", metavar="REASON",
        help="why a full copy may go without an identity check (privacy staff's decision)",
    )  # fmt: skip
    add.add_argument(
        "--contact-person", type=int, default=None, metavar="ID",
        help="the company's contact person who made the request for themselves "
        "(ids: kkdesk customer show NUMBER --json)",
    )  # fmt: skip
    add.add_argument("--note", default="")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=_add)

    ident = r_sub.add_parser(
        "identity",
        help="record how the requester's identity was checked",
        description="A copy of the data is made only after the requester's identity is "
        "checked (GDPR Art. 12(6)): record how, or, as privacy staff, why a copy goes "
        "without a check.",
    )
    ident.add_argument("id", type=int)
    how = ident.add_mutually_exclusive_group(required=True)
    how.add_argument("--method", default="", metavar="HOW", help="how identity was verified")
    how.add_argument("--override", default="", metavar="REASON",
                     help="why a copy goes without a check")  # fmt: skip
    ident.add_argument("--verified-by", default="", metavar="WHO", help="default: you")
    ident.add_argument("--json", action="store_true")
    ident.set_defaults(handler=_identity)

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

    show = r_sub.add_parser("show", help="one request with its archived letters")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    letter = r_sub.add_parser(
        "letter",
        help="write an archived letter to a file",
        description="The exact PDF sent for a request, checked against its recorded SHA-256 "
        "(letter ids: `kkdesk request show ID`).",
    )
    letter.add_argument("letter_id", type=int, metavar="LETTER_ID")
    letter.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    letter.set_defaults(handler=_letter)


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
        contact_person_id=args.contact_person,
        identity_override=args.identity_override,
    )
    if r.kind is RequestKind.ACCESS and not r.identity_settled and not args.json:
        print(_line(r))
        print(
            f"  No identity check is recorded: no copy of the data will be made for request "
            f'{r.id} until one is (kkdesk request identity {r.id} --method "how"), or privacy '
            'staff record why it goes without one (--override "reason"). To ask the '
            "requester for identification, send the request-for-identification letter."
        )
        return 0
    return _out(args, r)


def _identity(args: argparse.Namespace, ctx: Context) -> int:
    r = requests.record_identity(
        ctx.open(), args.id, method=args.method, verified_by=args.verified_by,
        override=args.override,
    )  # fmt: skip
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


def _show(args: argparse.Namespace, ctx: Context) -> int:
    r = requests.get(ctx.open(), args.id)
    if args.json:
        print_json(requests.request_json(r))
        return 0
    print(_line(r))
    identity = r.identity_method or (
        f"not checked; override: {r.identity_override}" if r.identity_override else "not recorded"
    )
    print(f"  channel {r.channel.value}; identity: {identity}"
          + (f" (by {r.identity_verified_by})" if r.identity_verified_by else ""))  # fmt: skip
    if r.contact_person_name:
        print(f"  made by the contact person {r.contact_person_name}"
              + ("" if r.contact_person_id else " (since removed)"))  # fmt: skip
    if r.extension_reason:
        print(f"  extended: {r.extension_reason}")
    if r.note:
        print(f"  note: {r.note}")
    for x in r.letters:
        print(f"  letter {x.id}: {x.created_at:%Y-%m-%d %H:%M} UTC by {x.created_by}, "
              f"{x.language}, {x.pages} pages, sha256 {x.sha256}")  # fmt: skip
    return 0


def _letter(args: argparse.Namespace, ctx: Context) -> int:
    out = Path(args.output)
    if out.is_dir() or not out.parent.is_dir():
        print(f"kkdesk: {out} is not a file in an existing folder", file=sys.stderr)
        return 2
    pdf = requests.letter_pdf(ctx.open(), args.letter_id)
    try:
        out.write_bytes(pdf)
    except OSError as exc:
        print(f"kkdesk: {out} could not be written: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{out}: {len(pdf):,} bytes, hash checked")
    return 0


def _close(args: argparse.Namespace, ctx: Context) -> int:
    return _out(args, requests.close(ctx.open(), args.id, status=args.status, note=args.note))
