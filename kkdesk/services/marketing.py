"""Marketing exports that honour prohibitions, consents, restrictions and suppressions.

An export for a purpose (one of the six of section 9) over a channel (post, e-mail, SMS)
contains exactly the customers

* whose own current state allows that purpose on that channel (see
  :func:`kkdesk.domain.consent.forbidding_items`: e-mail and SMS need consent, post is
  allowed unless prohibited, a restriction or objection stops everything);
* none of whose keys (normalised e-mail, E.164 phones) is shared with another live record —
  a customer or a contact person — whose state forbids it: the least permissive state of
  one person wins;
* none of whose keys has an active suppression entry for a forbidding item (which is how
  an erased objector stays out);
* not erased, and with a usable address for the channel.

The rules run as one SQL statement on the database, in :mod:`kkdesk.store.marketing`,
built from the same mapping :meth:`ConsentState.allows` uses. This module holds the rest:
who may export, the recipient, where the file goes, progress and cancellation, and the
order of things — the selection is streamed into a staged file, then, in one short
transaction, the disclosure is recorded with exactly the ids written, so the file and the
recorded disclosure always agree. The file appears under its name only after the
disclosure is committed; a failure or a cancellation anywhere leaves neither.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kkdesk import files
from kkdesk.domain.consent import MarketingChannel, MarketingPurpose
from kkdesk.domain.disclosure import (
    OWN_MARKETING_RECIPIENT,
    RECIPIENT_MAX,
    DisclosureKind,
    ExportResult,
)
from kkdesk.domain.levels import Capability
from kkdesk.domain.validation import character_error
from kkdesk.errors import FieldError, KnownError, ValidationFailed
from kkdesk.services.session import DeskSession
from kkdesk.store import marketing as store
from kkdesk.store.database import LONG_STATEMENT_TIMEOUT_S
from kkdesk.store.marketing import BATCH, COLUMNS, FORMULA_STARTS, export_query, selection_sql

__all__ = [
    "BATCH",
    "COLUMNS",
    "DEFAULT_RECIPIENT",
    "FORMULA_STARTS",
    "LEGAL_BASIS",
    "ExportCancelled",
    "Progress",
    "clean_recipient",
    "export",
    "export_query",
    "preview",
    "selection_sql",
]

DEFAULT_RECIPIENT = OWN_MARKETING_RECIPIENT
LEGAL_BASIS = "Register description, section 7: disclosure for direct marketing"


class ExportCancelled(Exception):
    """The caller stopped the export: no file was written and no disclosure recorded.

    Not a :class:`KnownError`: nothing went wrong, and the one caller that can cancel (the
    desk's dialog) says so in its own words.
    """


def _check(ds: DeskSession) -> None:
    ds.require(Capability.MARKETING_EXPORT)


def preview(ds: DeskSession, purpose: MarketingPurpose, channel: MarketingChannel) -> int:
    """How many customers an export would contain now."""
    _check(ds)
    with ds.db.read_connection() as conn:
        return store.count(conn, MarketingPurpose(purpose), MarketingChannel(channel))


# progress(done, total): customers written so far of the customers the file will hold;
# the first call is (0, total), the last always (n, n) with n the customers written.
Progress = Callable[[int, int], None]


def clean_recipient(recipient: str) -> str:
    """The recipient as recorded: whitespace tidied, the webshop itself by default."""
    problem = character_error("recipient", recipient or "")
    if problem is not None:
        raise ValidationFailed({"recipient": problem})
    cleaned = " ".join((recipient or "").split()) or DEFAULT_RECIPIENT
    if len(cleaned) > RECIPIENT_MAX:
        raise ValidationFailed(
            {
                "recipient": FieldError(
                    "recipient",
                    "too_long",
                    f"is longer than {RECIPIENT_MAX} characters",
                    max=RECIPIENT_MAX,
                )
            }
        )
    return cleaned


def export(
    ds: DeskSession,
    purpose: MarketingPurpose,
    channel: MarketingChannel,
    path: str | os.PathLike[str],
    *,
    recipient: str = "",
    progress: Progress | None = None,
    expected: int | None = None,
    stop: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the export to ``path`` (CSV, UTF-8, header row) and record the disclosure.

    ``progress(done, total)`` is called after every batch of rows, from the calling thread,
    in customers written of ``total``: ``expected`` if the caller already counted them
    (the desk's preview), else counted here first (one more pass of the selection, paid
    only by callers that ask for progress without a count). ``stop()`` is asked before the
    work and after every batch; once it answers true the export ends with
    :class:`ExportCancelled`. Nothing is written (no file, no disclosure) if anything fails
    or the export is cancelled.
    """
    _check(ds)
    purpose, channel = MarketingPurpose(purpose), MarketingChannel(channel)
    recipient = clean_recipient(recipient)
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise KnownError(
            f"No such folder: {directory}", code="export_folder", folder=str(directory)
        )
    if target.is_dir():
        raise KnownError(f"{target} is a folder.", code="export_folder", folder=str(target))

    def check_stop() -> None:
        if stop is not None and stop():
            raise ExportCancelled(f"Marketing export to {target.name} cancelled.")

    check_stop()
    # 0600, and under its name only once the disclosure is committed (kkdesk.files).
    fd, tmp = files.staged(target)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as out:
            # A byte order mark: spreadsheet programs on Windows then read ä and ö right.
            # Written by hand, because Python's "utf-8-sig" codec encodes every write in
            # Python code, a fifth of the whole export's time.
            out.write("\ufeff")
            with ds.db.read_connection(timeout_s=LONG_STATEMENT_TIMEOUT_S) as conn:
                if expected is None and progress is not None:
                    expected = store.count(conn, purpose, channel)
                    check_stop()
                total = max(expected or 0, 0)

                def on_batch(done: int) -> None:
                    if progress is not None:
                        # The count may be a moment old: the bar never runs past its end.
                        progress(done, max(total, done))
                    check_stop()

                if progress is not None:
                    progress(0, total)
                ids = store.stream(conn, purpose, channel, out, on_batch)
        if progress is not None:
            progress(len(ids), len(ids))
        check_stop()
        with ds.db.session(timeout_s=LONG_STATEMENT_TIMEOUT_S) as session:
            disclosure_id = store.record_disclosure(
                session.connection(),
                disclosed_at=datetime.now(UTC),
                recorded_by=ds.user,
                kind=DisclosureKind.MARKETING_EXPORT.value,
                purpose=purpose.value,
                channel=channel.value,
                recipient=recipient,
                legal_basis=LEGAL_BASIS,
                description=f"Marketing export ({purpose.value}, {channel.value}): {target.name}",
                ids=ids,
            )
        files.publish(tmp, target)
        return ExportResult(disclosure_id, len(ids), str(target))
    finally:
        tmp.unlink(missing_ok=True)
