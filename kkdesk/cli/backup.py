"""``kkdesk backup`` and ``kkdesk restore``: copies of the embedded register.

``backup`` takes a consistent copy while the desk may be open (``--encrypt``: sealed with a
key kept in your keyring). ``restore`` checks the file, shows what it holds and what it
replaces, and asks before replacing anything (``--yes`` for scripts); the replaced register
is kept aside beside it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kkdesk.cli.common import Context
from kkdesk.errors import KnownError
from kkdesk.services import backups


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    b = sub.add_parser(
        "backup",
        help="back up the embedded register",
        description="A consistent copy of the embedded register, safe while the desk is "
        "open. The file is readable by you only (0600).",
    )
    b.add_argument("-o", "--output", required=True, metavar="FILE", type=Path)
    b.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt the copy (AES-GCM); its key is kept in your OS keyring",
    )
    b.set_defaults(handler=_backup)
    r = sub.add_parser(
        "restore",
        help="replace the embedded register with a backup",
        description="Check a backup (integrity, a kkdesk register, a schema version this "
        "kkdesk knows), then replace the embedded register with it after confirmation. "
        "The replaced register is kept beside it as a timestamped file.",
    )
    r.add_argument("file", metavar="FILE", type=Path)
    r.add_argument("--yes", action="store_true", help="replace without asking")
    r.set_defaults(handler=_restore)


def _backup(args: argparse.Namespace, ctx: Context) -> int:
    register = backups.embedded_path(ctx.db_url)
    result = backups.backup(register, args.output, encrypt=args.encrypt)
    how = f", encrypted (key {result.key_id} in your keyring)" if result.encrypted else ""
    print(f"Backed up {result.customers:,} customers of {register} to {result.path}{how}.")
    return 0


def _restore(args: argparse.Namespace, ctx: Context) -> int:
    target = backups.embedded_path(ctx.db_url)

    def confirm(plan: backups.RestorePlan) -> bool:
        replaces = f"the register {plan.target}" if plan.target_exists else "nothing"
        print(
            f"{plan.source}: a kkdesk register (schema {plan.revision}) with "
            f"{plan.customers:,} customers. Restoring replaces {replaces}."
        )
        if args.yes:
            return True
        if not sys.stdin.isatty():
            raise KnownError(
                "Restoring replaces the register: confirm on a terminal, or give --yes.",
                code="confirmation_needed",
            )
        return input("Replace it? [y/N] ").strip().lower() in ("y", "yes")

    result = backups.restore(target, args.file, confirm=confirm)
    if result is None:
        print("Nothing was changed.")
        return 1
    aside = f"; the replaced register is kept as {result.kept_aside}" if result.kept_aside else ""
    print(f"Restored {result.customers:,} customers into {result.target}{aside}.")
    return 0
