"""``kkdesk report``: the privacy notice and subject-access letters as PDF files.

The output path is checked before anything is made: a letter is archived and audited when
it is generated, so a file that cannot be written must be refused first.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from kkdesk import files
from kkdesk.cli.common import Context
from kkdesk.domain.enums import Language
from kkdesk.domain.letters import contact_warning
from kkdesk.domain.register_info import RegisterInfo
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
        description="The register's privacy notice (GDPR Art. 13-14), printed from the "
        "register settings (see `kkdesk register show`).",
    )
    notice.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    notice.add_argument("--lang", choices=[x.value for x in Language], default="fi")
    notice.set_defaults(handler=_notice)

    access = r_sub.add_parser(
        "access",
        help="subject-access letters (GDPR Art. 15)",
        description="The subject-access letter of one customer, or with --requests open "
        "one letter per open access request (each in its customer's language). A letter "
        "answering a request is archived on it (PDF and SHA-256); every letter is audited.",
    )
    access.add_argument("number", nargs="?", help="customer number")
    access.add_argument("-o", "--output", required=True, metavar="FILE.pdf|DIR")
    access.add_argument(
        "--lang",
        choices=[x.value for x in Language],
        help="language (default: the customer's language of correspondence)",
    )
    access.add_argument(
        "--request",
        type=int,
        metavar="ID",
        help="the access request answered (default: the customer's latest open one)",
    )
    access.add_argument(
        "--requests", choices=["open"], help="every open access request, into the folder -o"
    )
    access.add_argument(
        "--workers", type=int, metavar="N", help="processes for a batch (default: all cores)"
    )
    access.set_defaults(handler=_access)


def _fail(message: str, status: int = 2) -> int:
    print(f"kkdesk: {message}", file=sys.stderr)
    return status


def _file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be written as a file, or None."""
    if path.is_dir():
        return f"{path} is a folder; give a file name"
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist"
    return None


class _Unwritable(Exception):
    """A letter's file could not be written (the message says which and why)."""


def _write(path: Path, data: bytes) -> str | None:
    try:
        files.write_private(path, data)  # 0600, atomically
    except OSError as exc:
        return f"{path} could not be written: {exc.strerror or exc}"
    return None


def _warn_contacts(info: RegisterInfo) -> None:
    warning = contact_warning(info)
    if warning:
        print(f"kkdesk: {warning}", file=sys.stderr)


def _notice(args: argparse.Namespace, ctx: Context) -> int:
    out = Path(args.output)
    problem = _file_problem(out)
    if problem:
        return _fail(problem)
    info = register_settings.get(ctx.open())
    _warn_contacts(info)
    rendered = render_privacy_notice(info, args.lang, on=datetime.now(UTC).date())
    problem = _write(out, rendered.pdf)
    if problem:
        return _fail(problem, 1)
    print(f"{out}: {rendered.pages} pages")
    return 0


def _access(args: argparse.Namespace, ctx: Context) -> int:
    out = Path(args.output)
    if args.requests:
        if args.number or args.request is not None or args.lang:
            return _fail(
                "--requests open takes no customer number, --request or --lang "
                "(each letter is in its customer's language)"
            )
        if out.exists() and not out.is_dir():
            return _fail(f"{out} is a file; --requests open writes into a folder")
        if args.workers is not None and args.workers < 1:
            return _fail("--workers must be at least 1")
        ds = ctx.open()
        _warn_contacts(register_settings.get(ds))
        try:
            files.private_folder(out)  # a folder kkdesk makes is 0700
        except OSError as exc:
            return _fail(f"the folder {out} could not be made: {exc.strerror or exc}", 1)
        interactive = sys.stderr.isatty()

        def progress(done: int, total: int) -> None:
            if interactive:
                print(f"\r{done:,} / {total:,} letters", end="", file=sys.stderr, flush=True)

        written = 0

        def deliver(letter: access_report.GeneratedLetter) -> None:
            # Each file as soon as its letter is archived: a batch that stops halfway
            # leaves every letter made before the stop both archived and written.
            nonlocal written
            problem = _write(out / letter.file_name, letter.pdf)
            if problem:
                raise _Unwritable(problem)
            written += 1

        damaged: list[str] = []
        try:
            letters = access_report.generate_open(
                ds, progress=progress, workers=args.workers, deliver=deliver, damaged=damaged
            )
        except _Unwritable as exc:
            if interactive:
                print(file=sys.stderr)
            return _fail(
                f"{exc}; the batch stopped. {written} letters were written before it; every "
                "letter made is archived on its request (kkdesk request show ID lists them, "
                "kkdesk request letter LETTER_ID -o FILE.pdf writes one)",
                1,
            )
        if interactive and letters:
            print(file=sys.stderr)
        print(f"{len(letters)} letters written to {out}")
        waiting = access_report.open_request_ids(ds, settled=False)
        if waiting:
            print(
                f"{len(waiting)} open access requests wait for an identity check and got no "
                f"letter (requests {', '.join(map(str, waiting[:10]))}"
                f"{', …' if len(waiting) > 10 else ''}): record it with kkdesk request "
                "identity ID --method HOW, or send the request-for-identification letter"
            )
        if damaged:
            # The others got theirs; these requests wait for an administrator's repair.
            print(
                f"kkdesk: no access letter for customers {', '.join(damaged)}: their records "
                "are damaged (a value kkdesk does not know); ask an administrator to correct "
                "them",
                file=sys.stderr,
            )
            return 1
        return 0
    if not args.number and args.request is None:
        return _fail("name a customer number, --request ID or --requests open")
    problem = _file_problem(out)
    if problem:
        return _fail(problem)
    _warn_contacts(register_settings.get(ctx.open()))
    letter = access_report.generate(ctx.open(), args.number, request_id=args.request,
                                    language=args.lang)  # fmt: skip
    problem = _write(out, letter.pdf)
    if problem:
        return _fail(problem, 1)
    answered = (
        f", archived on request {letter.request_id}"
        if letter.request_id
        else " (no open access request: not archived)"
    )
    print(f"{out}: {letter.pages} pages, sha256 {letter.sha256}{answered}")
    return 0
