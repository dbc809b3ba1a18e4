"""``kkdesk report``: the privacy notice and subject-access letters as PDF files."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from kkdesk.cli.common import Context
from kkdesk.domain.enums import Language
from kkdesk.reports.notice import render_privacy_notice
from kkdesk.services import access_report, register_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report", help="print the privacy notice and access letters", description="Reports."
    )
    r_sub = p.add_subparsers(dest="report_command", metavar="COMMAND", required=True)

    notice = r_sub.add_parser(
        "notice",
        help="the privacy notice (tietosuojaseloste)",
        description="The register's privacy notice, from the register settings.",
    )
    notice.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    notice.add_argument("--lang", choices=[x.value for x in Language], default="fi")
    notice.set_defaults(handler=_notice)

    access = r_sub.add_parser(
        "access",
        help="subject-access letters (GDPR Art. 15)",
        description="The subject-access letter of one customer, or with --requests open "
        "one letter per open access request. A letter answering a request is archived on "
        "it; every letter is audited.",
    )
    access.add_argument("number", nargs="?", help="customer number")
    access.add_argument("-o", "--output", required=True, metavar="FILE.pdf|DIR")
    access.add_argument(
        "--lang",
        choices=[x.value for x in Language],
        help="language (default: the customer's language of correspondence)",
    )
    access.add_argument("--request", type=int, metavar="ID", help="the request answered")
    access.add_argument(
        "--requests", choices=["open"], help="every open access request, into the folder -o"
    )
    access.add_argument(
        "--workers", type=int, metavar="N", help="processes for a batch (default: all cores)"
    )
    access.set_defaults(handler=_access)


def _notice(args: argparse.Namespace, ctx: Context) -> int:
    info = register_settings.get(ctx.open())
    rendered = render_privacy_notice(info, args.lang, on=datetime.now(UTC).date())
    Path(args.output).write_bytes(rendered.pdf)
    print(f"{args.output}: {rendered.pages} pages")
    return 0


def _access(args: argparse.Namespace, ctx: Context) -> int:
    ds = ctx.open()
    if args.requests:
        if args.number or args.request:
            print("kkdesk: --requests takes no customer number or --request", file=sys.stderr)
            return 2
        out = Path(args.output)
        out.mkdir(parents=True, exist_ok=True)
        interactive = sys.stderr.isatty()

        def progress(done: int, total: int) -> None:
            if interactive:
                print(f"\r{done:,} / {total:,} letters", end="", file=sys.stderr, flush=True)

        letters = access_report.generate_open(ds, progress=progress, workers=args.workers)
        if interactive and letters:
            print(file=sys.stderr)
        for letter in letters:
            name = f"request-{letter.request_id}-{letter.customer_number}-{letter.language}.pdf"
            (out / name).write_bytes(letter.pdf)
        print(f"{len(letters)} letters written to {out}")
        return 0
    if not args.number and args.request is None:
        print("kkdesk: name a customer number, --request ID or --requests open", file=sys.stderr)
        return 2
    letter = access_report.generate(ds, args.number, request_id=args.request, language=args.lang)
    Path(args.output).write_bytes(letter.pdf)
    answered = f", archived on request {letter.request_id}" if letter.request_id else ""
    print(f"{args.output}: {letter.pages} pages, sha256 {letter.sha256}{answered}")
    return 0
