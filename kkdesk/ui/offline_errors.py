"""The desk's sentences for the known errors of offline snapshots and private files.

Kept apart from :mod:`kkdesk.ui.errors` (which asks here for codes it does not know) so
that each failure of opening a snapshot — expired, no key, wrong key, cut off, altered —
has its own sentence in the user's language.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from kkdesk.errors import KnownError


def sentence(exc: KnownError) -> str | None:
    """The translated sentence for ``exc``'s code, or None if it is not one of ours."""
    code = exc.code
    if code == "snapshot_expired":
        expires = exc.params.get("expires")
        if isinstance(expires, datetime):
            from kkdesk.ui.formatting import format_date

            return QCoreApplication.translate(
                "errors",
                "This snapshot expired on %1 and can no longer be opened. Make a new one "
                "while the register can be reached.",
            ).replace("%1", format_date(expires.astimezone().date()))
    sentences = {
        "snapshot_expired": QCoreApplication.translate(
            "errors",
            "This snapshot has expired and can no longer be opened. Make a new one while "
            "the register can be reached.",
        ),
        "snapshot_no_key": QCoreApplication.translate(
            "errors",
            "The key of this snapshot is not in your keyring. A snapshot opens only for the "
            "user who made it, on the computer where it was made.",
        ),
        "sealed_wrong_key": QCoreApplication.translate(
            "errors",
            "The key in your keyring does not fit this file: it belongs to another snapshot.",
        ),
        "sealed_truncated": QCoreApplication.translate(
            "errors",
            "The snapshot file is incomplete: it was cut off, e.g. by an interrupted copy. "
            "Copy it again from where it was made.",
        ),
        "sealed_damaged": QCoreApplication.translate(
            "errors",
            "The snapshot file has been altered or damaged: it fails its integrity check and "
            "is not opened.",
        ),
        "sealed_foreign": QCoreApplication.translate(
            "errors", "This file is not a kkdesk snapshot."
        ),
        "sealed_newer": QCoreApplication.translate(
            "errors", "This snapshot was made by a newer kkdesk; install that version."
        ),
        "snapshot_not_snapshot": QCoreApplication.translate(
            "errors",
            "This file is an encrypted backup, not a snapshot: restore it with 'kkdesk restore'.",
        ),
        "snapshot_missing": QCoreApplication.translate(
            "errors", "The snapshot file does not exist."
        ),
        "snapshot_unreadable": QCoreApplication.translate(
            "errors", "The snapshot file cannot be read."
        ),
        "offline_read_only": QCoreApplication.translate(
            "errors", "This is an offline snapshot: it is read-only."
        ),
        "offline_journal_failed": QCoreApplication.translate(
            "errors",
            "The offline read could not be recorded, so the record is not shown. Check that "
            "your data folder is writable.",
        ),
        "snapshot_unknown_customers": QCoreApplication.translate(
            "errors",
            "Some of the chosen customers are no longer on the register; nothing was made.",
        ),
        "snapshot_no_selection": QCoreApplication.translate(
            "errors", "Choose the customers to take offline."
        ),
        "snapshot_empty": QCoreApplication.translate(
            "errors", "No customer matches; nothing was made."
        ),
        "snapshot_too_many": QCoreApplication.translate(
            "errors", "That is too many customers for one snapshot; narrow it down."
        ),
        "snapshot_days": QCoreApplication.translate(
            "errors", "A snapshot expires after 1 to 90 days."
        ),
        "file_exists": QCoreApplication.translate(
            "errors", "That file exists already; choose another name."
        ),
        "file_unwritable": QCoreApplication.translate(
            "errors", "The file cannot be written there."
        ),
        "folder_unwritable": QCoreApplication.translate(
            "errors", "The folder cannot be created there."
        ),
        "keyring_failed": QCoreApplication.translate(
            "errors", "The keyring refused the request; it may be locked."
        ),
    }
    return sentences.get(code)
