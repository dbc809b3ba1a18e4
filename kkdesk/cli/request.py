"""``kkdesk request``: the log of data-subject requests and their deadlines."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from kkdesk import files
from kkdesk.cli.common import Context, print_json
from kkdesk.domain.enums import Channel, Language
from kkdesk.domain.letters import ARTICLES, LetterKind, SendVia
from kkdesk.domain.subject_requests import RequestKind, RequestStatus, SubjectRequest
from kkdesk.services import requests, step_letters
from kkdesk.services.step_letters import MadeLetter

# The letters ``request write`` makes (the access reply is ``report access``'s).
# The access letter and the Art. 14 notice have commands of their own; the Art. 18(3)
# notice is made by `customer lift-restriction`, which lifts after it.
WRITABLE = [
    k.value
    for k in LetterKind
    if k not in (LetterKind.ACCESS, LetterKind.SOURCE_NOTICE, LetterKind.RESTRICTION_LIFT)
]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "request",
        help="data-subject requests",
        description="Data-subject requests (GDPR Art. 15–21): each must be answered within "
        "one calendar month of receipt, extendable once by two months with a reason.",
    )
    r_sub = p.add_subparsers(dest="request_command", metavar="COMMAND", required=True)

    add = r_sub.add_parser(
        "add",
        help="register a request",
        description="Register a request of a customer, or with NUMBER '-' of someone who is "
        "not a customer (--name and --address: they get the 'we hold no data' letter).",
    )
    add.add_argument("number", help="customer number; '-' for someone who is not a customer")
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
    add.add_argument("--name", default="", help="the requester's name (not a customer)")
    add.add_argument(
        "--address", action="append", default=[], metavar="LINE",
        help="a line of the requester's postal address (repeat for each line)",
    )  # fmt: skip
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

    kinds = ", ".join(f"{k} (Art. {ARTICLES[LetterKind(k)]})" for k in WRITABLE)
    write = r_sub.add_parser(
        "write",
        help="make a letter of a request's step",
        description=f"Make the letter KIND for request ID: {kinds}. The letter is archived "
        "on the request with its SHA-256 and audited. A recipient_notice makes one letter per "
        "recorded recipient (give a folder); a copy_cover writes the machine-readable copy "
        "beside the letter.",
    )
    write.add_argument("id", type=int)
    write.add_argument("kind", choices=WRITABLE, metavar="KIND")
    write.add_argument("-o", "--output", required=True, metavar="FILE.pdf|DIR")
    write.add_argument("--lang", choices=[x.value for x in Language], default=None,
                       help="default: the customer's language")  # fmt: skip
    write.add_argument("--reason", default="", help="a refusal's reasons; what to send in")
    write.add_argument("--sent-by", choices=[v.value for v in SendVia], default=None,
                       help="record it as sent now: post, email or handed (over)")  # fmt: skip
    write.add_argument("--sent-on", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD")
    write.add_argument(
        "--recipient-address", nargs="+", action="append", default=[],
        metavar=("RECIPIENT", "LINE"),
        help="a recipient_notice's postal address: the recipient's name as recorded, then "
        "the address lines (repeat for each recipient)",
    )  # fmt: skip
    write.set_defaults(handler=_write)

    sent = r_sub.add_parser(
        "sent",
        help="record how an archived letter was sent",
        description="Record when and how letter LETTER_ID went: post, email or handed "
        "(over). Once per letter; the language is the letter's.",
    )
    sent.add_argument("letter_id", type=int, metavar="LETTER_ID")
    sent.add_argument("--by", required=True, choices=[v.value for v in SendVia], dest="via")
    sent.add_argument("--on", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                      help="default today")  # fmt: skip
    sent.set_defaults(handler=_sent)

    src = r_sub.add_parser(
        "source-notices",
        help="notices to people whose data came from another source (Art. 14)",
        description="Without -o, list the people whose data came from a public source, a "
        "partner or an update service and who have not been told (due within a month of "
        "obtaining it). With -o DIR, make each one's notice into DIR, archived and audited.",
    )
    src.add_argument("-o", "--output", metavar="DIR")
    src.add_argument("--customer", action="append", metavar="NUMBER",
                     help="only these customers (repeat)")  # fmt: skip
    src.add_argument("--json", action="store_true")
    src.set_defaults(handler=_source_notices)


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
        "" if args.number == "-" else args.number,
        args.kind,
        received_on=args.received or requests.today(),
        channel=args.channel,
        identity_method=args.identity,
        identity_verified_by=args.verified_by,
        note=args.note,
        requester_name=args.name,
        requester_address="\n".join(args.address),
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
    code = _out(args, requests.extend(ctx.open(), args.id, args.reason))
    if not args.json:
        print(f"  tell the requester within the first month: kkdesk request write {args.id} "
              "extension -o FILE.pdf --sent-by post|email|handed")  # fmt: skip
    return code


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
    if r.requester_name:
        print(f"  requester (not a customer): {r.requester_name}, "
              + ", ".join(r.requester_address.splitlines()))  # fmt: skip
    for x in r.letters:
        to = f" to {x.addressee}" if x.addressee else ""
        sent = f"; sent {x.sent_on} by {x.sent_via}" if x.sent_on else "; not recorded as sent"
        if x.kind == step_letters.COPY_KIND:
            sent = ""
        made = f"{x.created_at:%Y-%m-%d %H:%M} UTC by {x.created_by}"
        print(f"  letter {x.id}: {x.kind}{to}, {made}, {x.language}, {x.pages} pages, "
              f"sha256 {x.sha256}{sent}")  # fmt: skip
    return 0


def _letter(args: argparse.Namespace, ctx: Context) -> int:
    out = Path(args.output)
    if out.is_dir() or not out.parent.is_dir():
        print(f"kkdesk: {out} is not a file in an existing folder", file=sys.stderr)
        return 2
    pdf = requests.letter_pdf(ctx.open(), args.letter_id)
    try:
        files.write_private(out, pdf)  # 0600, atomically
    except OSError as exc:
        print(f"kkdesk: {out} could not be written: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{out}: {len(pdf):,} bytes, hash checked")
    return 0


def _close(args: argparse.Namespace, ctx: Context) -> int:
    return _out(args, requests.close(ctx.open(), args.id, status=args.status, note=args.note))


def _warn(letters: list[MadeLetter]) -> None:
    if letters and letters[0].warnings:
        print(
            "kkdesk: warning: the register settings leave "
            + ", ".join(letters[0].warnings)
            + " empty, so the letter prints without them (kkdesk register set KEY VALUE)",
            file=sys.stderr,
        )


def _targets(out: Path, many: bool) -> bool:
    """Whether ``out`` can take the letters: a folder for many, a file (in an existing
    folder) or a folder for one. Checked before anything is made or archived."""
    if many:
        return out.is_dir()
    return out.is_dir() or out.parent.is_dir()


def _write_out(out: Path, letter: MadeLetter) -> Path:
    path = out / letter.file_name if out.is_dir() else out
    path.write_bytes(letter.pdf)
    if letter.attachment:
        (path.parent / letter.attachment_name).write_bytes(letter.attachment)
    return path


def _write(args: argparse.Namespace, ctx: Context) -> int:
    out = Path(args.output)
    many = args.kind == LetterKind.RECIPIENT_NOTICE.value
    if not _targets(out, many):
        what = "an existing folder" if many else "a file in an existing folder"
        print(f"kkdesk: {out} is not {what}", file=sys.stderr)
        return 2
    ds = ctx.open()
    addresses = {given[0]: given[1:] for given in args.recipient_address}
    letters = step_letters.generate(
        ds, args.kind, request_id=args.id, language=args.lang, reason=args.reason,
        addresses=addresses,
    )  # fmt: skip
    _warn(letters)
    for letter in letters:
        try:
            path = _write_out(out, letter)
        except OSError as exc:
            print(f"kkdesk: {out} could not be written: {exc.strerror or exc}; the letter is "
                  f"archived as letter {letter.letter_id}", file=sys.stderr)  # fmt: skip
            return 1
        line = f"{path}: {letter.kind.value} ({letter.language.value}), {letter.pages} pages, "
        line += f"archived as letter {letter.letter_id}"
        if letter.attachment:
            line += f"; copy {path.parent / letter.attachment_name} archived too"
        print(line)
        if args.sent_by:
            step_letters.record_sending(ds, letter.letter_id, args.sent_by, sent_on=args.sent_on)
            print(f"  recorded as sent by {args.sent_by}")
    return 0


def _sent(args: argparse.Namespace, ctx: Context) -> int:
    x = step_letters.record_sending(ctx.open(), args.letter_id, args.via, sent_on=args.on)
    print(f"letter {x.id} ({x.kind}, {x.language}): sent {x.sent_on} by {x.sent_via}")
    return 0


def _source_notices(args: argparse.Namespace, ctx: Context) -> int:
    ds = ctx.open()
    if not args.output:
        today = requests.today()
        due = step_letters.source_notices_due(ds)
        if args.customer:
            due = [d for d in due if d.customer_number in set(args.customer)]
        if args.json:
            print_json([{"customer": d.customer_number, "name": d.name,
                         "contact_person_id": d.contact_person_id,
                         "obtained_at": d.obtained_at.isoformat(), "sources": list(d.sources),
                         "due_by": d.due_by.isoformat(), "overdue": d.overdue(today)}
                        for d in due])  # fmt: skip
            return 0
        for d in due:
            late = "  OVERDUE" if d.overdue(today) else ""
            print(f"{d.customer_number:<10} {d.name:<30.30}  obtained {d.obtained_at:%Y-%m-%d} "
                  f"from {', '.join(d.sources)}  due by {d.due_by}{late}")  # fmt: skip
        return 0
    out = Path(args.output)
    if not out.is_dir():
        print(f"kkdesk: {out} is not an existing folder", file=sys.stderr)
        return 2
    warned: list[MadeLetter] = []

    def deliver(letter: MadeLetter) -> None:
        if not warned:
            warned.append(letter)
            _warn([letter])
        _write_out(out, letter)

    damaged: list[str] = []
    made = step_letters.generate_source_notices(ds, args.customer, deliver=deliver, damaged=damaged)
    print(f"{len(made)} notices written to {out}")
    return _report_damaged(damaged, "notice")


def _report_damaged(numbers: list[str], what: str) -> int:
    """Name the customers a batch left out because their records are damaged; 1 if any
    (the others got theirs: one damaged row never stops a batch)."""
    if not numbers:
        return 0
    print(
        f"kkdesk: no {what} for customers {', '.join(numbers)}: their records are damaged "
        "(a value kkdesk does not know); ask an administrator to correct them",
        file=sys.stderr,
    )
    return 1
