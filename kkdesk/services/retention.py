"""Keeping the retention the privacy notice promises (``kkdesk retention run``, the desk's
retention window).

Three kinds of data have a period of their own, each a register setting
(:mod:`kkdesk.domain.register_info`) that the notice's and the letters' retention texts
are generated from:

* customers past the relationship period (``basic_data_years`` after their last order or
  contact; :mod:`kkdesk.store.retention` says exactly what counts) are **erased**, a chunk
  of them at a time in one transaction (:mod:`kkdesk.services.erasure_batch`: the same end
  state as the erasure on request, in set-based statements); those past it whom something
  holds — a legal hold, a restriction of processing, an open order or a return not
  refunded — are **skipped** and reported with the reason, never failing the run;
* orders past the Accounting Act period (``voucher_years`` from the end of the year in
  which their financial year, ending on ``financial_year_end``, ended) are **removed** with
  their lines, deliveries and returns;
* archived letters past ``letter_archive_years`` are **removed**.

:func:`plan` counts them; :func:`run` lists them in batches of ``batch`` (bounded memory
for a million customers), and unless it is a dry run erases and removes each batch in a
unit of work of its own, so a cancelled, failed or killed run keeps whole batches only and
its report says how far it got. Every run writes a
report file (0600): the settings it applied, one line per customer, order and letter with
what was done, and the counts. A dry run changes nothing, the audit trail included.

Who may: :attr:`Capability.RUN_RETENTION` (privacy and admin; on PostgreSQL the grants of
migration 0018 decide, and its triggers refuse removing an order or a letter still inside
its period whoever asks).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from kkdesk import files
from kkdesk.domain.enums import AuditAction, Purpose
from kkdesk.domain.levels import Capability
from kkdesk.domain.register_info import RegisterInfo
from kkdesk.domain.retention import customers_due_on, letters_due_on, vouchers_due_on
from kkdesk.services import audit, erasure_batch, register_settings
from kkdesk.services.session import DeskSession
from kkdesk.store import retention as store
from kkdesk.store.unit_of_work import Session

log = logging.getLogger(__name__)

# A chunk of a thousand customers is erased in some twenty set-based statements: a
# transaction of a fraction of a second, so progress moves and a stop is heard at once.
BATCH = 1000
CUSTOMERS, VOUCHERS, LETTERS = "customers", "vouchers", "letters"
KINDS = (CUSTOMERS, VOUCHERS, LETTERS)

# Why a customer past the relationship period is not erased, as the report says it.
SKIP_REASONS = {
    erasure_batch.LEGAL_HOLD: "legal hold (Art. 17(3)(e))",
    erasure_batch.RESTRICTED: "restriction of processing in force (Art. 18)",
    erasure_batch.OPEN_ORDER: "open order",
    erasure_batch.OPEN_RETURN: "return not refunded",
    erasure_batch.ERASED: "already erased",
}

# progress(kind, done, total): called after each batch (and once at each kind's start).
Progress = Callable[[str, int, int], None]


def _today() -> date:
    return datetime.now(UTC).date()


@dataclass(frozen=True)
class Periods:
    """The retention settings a run applies, and the last day each makes due ``today``."""

    today: date
    basic_data_years: int
    voucher_years: int
    financial_year_end: str
    letter_archive_years: int
    customers_last_day: date  # last order or contact on or before it: past the period
    vouchers_last_day: date  # ordered on or before it: past the accounting period
    letters_last_day: date  # made on or before it: past the letters' period

    @classmethod
    def of(cls, info: RegisterInfo, today: date) -> Periods:
        return cls(
            today=today,
            basic_data_years=info.basic_data_years,
            voucher_years=info.voucher_years,
            financial_year_end=info.financial_year_end,
            letter_archive_years=info.letter_archive_years,
            customers_last_day=customers_due_on(today, info.basic_data_years),
            vouchers_last_day=vouchers_due_on(today, info.financial_year_end, info.voucher_years),
            letters_last_day=letters_due_on(today, info.letter_archive_years),
        )


@dataclass(frozen=True)
class Plan:
    """How many of each kind are past their period today."""

    periods: Periods
    customers: int  # past the relationship period and erasable
    vouchers: int
    letters: int
    skipped: int = 0  # past the relationship period but held (a hold, a restriction, open)

    def count(self, kind: str) -> int:
        """How many of ``kind`` are to be erased or removed (not the customers skipped)."""
        return {CUSTOMERS: self.customers, VOUCHERS: self.vouchers, LETTERS: self.letters}[kind]

    def rows(self, kind: str) -> int:
        """How many rows a run goes through of ``kind`` (the customers it skips too)."""
        return self.count(kind) + (self.skipped if kind == CUSTOMERS else 0)


@dataclass
class Outcome:
    """What a run did (or, a dry run, would do)."""

    plan: Plan
    dry_run: bool
    report: Path
    listed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    done: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    refused: int = 0  # of the skipped: held only by the time their chunk was erased
    skipped: int = 0  # customers past the period not erased, each for the reasons below
    skip_reasons: dict[str, int] = field(default_factory=dict)  # reason → customers
    cancelled: bool = False
    error: str = ""


def _plan_in(session: Session, periods: Periods) -> Plan:
    due, skipped = store.count_customers_past(session, periods.customers_last_day)
    return Plan(
        periods,
        customers=due,
        vouchers=store.count_vouchers_due(session, periods.vouchers_last_day),
        letters=store.count_letters_due(session, periods.letters_last_day),
        skipped=skipped,
    )


def plan(ds: DeskSession, *, today: date | None = None) -> Plan:
    """How many customers, orders and letters are past their period (reads only)."""
    ds.require(Capability.RUN_RETENTION)
    with ds.db.read(timeout_s=0) as session:
        periods = Periods.of(register_settings.load(session), today or _today())
        return _plan_in(session, periods)


def default_report_path(now: datetime | None = None) -> Path:
    """Where a run's report goes unless told: kkdesk's own folder of retention reports."""
    import platformdirs

    now = now or datetime.now(UTC)
    folder = platformdirs.user_data_path("kkdesk", "Konekesko") / "retention"
    return folder / f"retention-{now:%Y%m%d-%H%M%S}.txt"


def run(
    ds: DeskSession,
    *,
    dry_run: bool,
    report: Path | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int = BATCH,
) -> Outcome:
    """List (``dry_run``) or erase and remove everything past its period, batch by batch,
    and write the report. ``cancelled()`` is asked between batches: a cancelled run keeps
    the batches it finished, and its report says so."""
    ds.require(Capability.RUN_RETENTION)
    if not dry_run and ds.read_only:
        ds.require(Capability.EDIT_CUSTOMERS)  # the snapshot's own refusal
    progress = progress or (lambda _k, _d, _t: None)
    cancelled = cancelled or (lambda: False)
    started = datetime.now(UTC)
    path = report or default_report_path(started)
    with ds.db.read(timeout_s=0) as session:
        periods = Periods.of(register_settings.load(session), today or _today())
        the_plan = _plan_in(session, periods)
    outcome = Outcome(the_plan, dry_run, path)
    may_erase = ds.can(Capability.ERASE)
    failed: Exception | None = None
    try:
        with files.writing(path, make_folder=report is None) as out:
            _head(out, ds, outcome, started, may_erase)
            try:
                for kind, step in ((CUSTOMERS, _customers), (VOUCHERS, _vouchers),
                                   (LETTERS, _letters)):  # fmt: skip
                    progress(kind, 0, the_plan.rows(kind))
                    for _ in step(ds, outcome, out, batch, may_erase):
                        seen = outcome.listed[kind] + (outcome.skipped if kind == CUSTOMERS else 0)
                        progress(kind, seen, max(seen, the_plan.rows(kind)))
                        if cancelled():
                            outcome.cancelled = True
                            break
                    if outcome.cancelled:
                        break
            except Exception as exc:  # the report says how far it got; the error goes on
                outcome.error = str(exc) or type(exc).__name__
                failed = exc
            _summary(out, outcome)
            if not dry_run and failed is None:
                with ds.db.session() as session:
                    audit.record(session, ds, "", AuditAction.ERASE, Purpose.ADMINISTRATION,
                                 "retention run: " + _counts(outcome))  # fmt: skip
    except OSError as exc:
        raise files.unwritable(path, exc) from exc
    if failed is not None:
        # Raised once the report is in place: it names what the finished batches did.
        raise failed
    log.info("retention run (%s): %s", "dry run" if dry_run else "applied", _counts(outcome))
    return outcome


def _counts(o: Outcome) -> str:
    verb = "due" if o.dry_run else "done"
    return (
        f"customers {o.listed[CUSTOMERS]} listed, {o.done[CUSTOMERS]} erased, "
        f"{o.skipped} skipped; orders {o.listed[VOUCHERS]} listed, {o.done[VOUCHERS]} removed; "
        f"letters {o.listed[LETTERS]} listed, {o.done[LETTERS]} removed ({verb})"
    )


def _head(out: IO[str], ds: DeskSession, o: Outcome, started: datetime, may_erase: bool) -> None:
    p = o.plan.periods
    out.write("kkdesk retention run\n")
    out.write(f"Register: {ds.describe()}\n")
    out.write(f"Run by: {ds.user} ({ds.level.value}) at {started:%Y-%m-%d %H:%M:%S} UTC\n")
    out.write(f"Run as of: {p.today.isoformat()}\n")
    out.write("Mode: dry run (nothing is changed)\n" if o.dry_run else "Mode: applied\n")
    out.write("Settings:\n")
    out.write(f"  basic data kept {p.basic_data_years} years after the last order or contact:"
              f" due if the last was on or before {p.customers_last_day.isoformat()}"
              f" ({o.plan.customers} customers to erase, {o.plan.skipped} held and"
              f" skipped)\n")  # fmt: skip
    out.write(f"  orders and vouchers kept {p.voucher_years} years from the end of the year in"
              f" which the financial year (ending {p.financial_year_end}) ended: due if"
              f" ordered on or before {p.vouchers_last_day.isoformat()}"
              f" ({o.plan.vouchers} orders)\n")  # fmt: skip
    out.write(f"  archived letters kept {p.letter_archive_years} years: due if made on or"
              f" before {p.letters_last_day.isoformat()} ({o.plan.letters} letters)\n")  # fmt: skip
    if not o.dry_run and not may_erase and o.plan.customers:
        out.write("Note: your user level may not erase customers (privacy may): the customers "
                  "below are listed, not erased.\n")  # fmt: skip
    out.write("\nkind\treference\tdate\tcustomer\toutcome\n")


def _summary(out: IO[str], o: Outcome) -> None:
    out.write("\nSummary\n")
    listed, done = o.listed, o.done
    if o.dry_run:
        out.write(f"  customers to erase: {listed[CUSTOMERS]}\n")
        out.write(f"  customers skipped: {o.skipped}{_reasons_summary(o)}\n")
        out.write(f"  orders to remove: {listed[VOUCHERS]}\n")
        out.write(f"  archived letters to remove: {listed[LETTERS]}\n")
        out.write("  Dry run: nothing was changed.\n")
    else:
        out.write(f"  customers erased: {done[CUSTOMERS]} of {listed[CUSTOMERS]} listed\n")
        out.write(f"  customers skipped: {o.skipped}{_reasons_summary(o)}\n")
        out.write(f"  orders removed: {done[VOUCHERS]} of {listed[VOUCHERS]} listed\n")
        out.write(f"  archived letters removed: {done[LETTERS]} of {listed[LETTERS]} listed\n")
    if o.cancelled:
        out.write("  The run was cancelled: what is listed above was finished, nothing after.\n")
    if o.error:
        out.write(f"  The run stopped on an error: {o.error}\n"
                  "  What is listed above was finished, nothing after.\n")  # fmt: skip


def _reason(p: Periods) -> str:
    return (
        f"retention: no order or contact on or after {p.customers_last_day.isoformat()}"
        f" ({p.basic_data_years} years)"
    )


def _customers(
    ds: DeskSession, o: Outcome, out: IO[str], batch: int, may_erase: bool
) -> Iterator[None]:
    p = o.plan.periods
    apply = not o.dry_run and may_erase
    after = 0
    while True:
        with ds.db.session() if apply else ds.db.read() as session:
            rows = store.customers_past(session, p.customers_last_day, after_id=after,
                                        limit=batch)  # fmt: skip
            if not rows:
                return
            held = {cid: (number, why) for cid, number, why in rows if why}
            due = [cid for cid, _, why in rows if not why]
            erased: set[int] = set()
            if apply:
                # Checked again under lock in the same transaction: an order or a hold that
                # came since the listing skips the customer, never fails the chunk.
                chunk = erasure_batch.erase_many(session, ds, due, _reason(p), today=p.today)
                erased = {e.customer_id for e in chunk.erased}
                o.refused += len(chunk.skipped)
                held |= chunk.skipped
        # Written once the chunk is committed: the report never claims what was rolled back.
        lines = []
        for cid, number, _ in rows:
            if cid in held:
                why = held[cid][1]
                for reason in why:
                    o.skip_reasons[reason] = o.skip_reasons.get(reason, 0) + 1
                o.skipped += 1
                what = "skipped: " + ", ".join(SKIP_REASONS.get(r, r) for r in why)
            elif cid in erased:
                what = "erased"
            elif o.dry_run:
                what = "to erase"
            else:
                what = "not erased: your level may not erase"
            lines.append(f"customer\t{number}\t\t{number}\t{what}\n")
        out.writelines(lines)
        o.listed[CUSTOMERS] += len(rows) - len([r for r in rows if r[0] in held])
        o.done[CUSTOMERS] += len(erased)
        after = rows[-1][0]
        yield


def _reasons_summary(o: Outcome) -> str:
    if not o.skip_reasons:
        return ""
    parts = (f"{SKIP_REASONS.get(r, r)} {n}" for r, n in sorted(o.skip_reasons.items()))
    return " (" + "; ".join(parts) + ")"


def _removals(
    ds: DeskSession,
    o: Outcome,
    out: IO[str],
    batch: int,
    kind: str,
    due: Callable[..., list[Any]],
    delete: Callable[[Session, list[int]], int],
    detail: str,
    line: Callable[[Any, str], str],
) -> Iterator[None]:
    """Rows past their period, removed (or listed, on a dry run) a batch per transaction:
    ``due`` lists them by id after ``after_id``, each row (id, …, its customer's number);
    ``line`` is a row's report line given "to remove" or "removed"."""
    after = 0
    while True:
        with ds.db.read() if o.dry_run else ds.db.session() as session:
            rows = due(session, after_id=after, limit=batch)
            if not rows:
                return
            if not o.dry_run:
                removed = delete(session, [r[0] for r in rows])
                numbers = sorted({r[3] for r in rows if r[3]})
                audit.record_many(
                    session, ds, numbers, AuditAction.ERASE, Purpose.ADMINISTRATION, detail
                )
                o.done[kind] += removed
        what = "to remove" if o.dry_run else "removed"
        out.writelines(line(r, what) for r in rows)
        o.listed[kind] += len(rows)
        after = rows[-1][0]
        yield


def _vouchers(
    ds: DeskSession, o: Outcome, out: IO[str], batch: int, _may_erase: bool
) -> Iterator[None]:
    last_day = o.plan.periods.vouchers_last_day
    return _removals(
        ds,
        o,
        out,
        batch,
        VOUCHERS,
        lambda session, **page: store.vouchers_due(session, last_day, **page),
        store.delete_orders,
        "retention: orders past the accounting period removed",
        lambda r, what: f"order\t{r[1]}\t{r[2].date().isoformat()}\t{r[3]}\t{what}\n",
    )


def _letters(
    ds: DeskSession, o: Outcome, out: IO[str], batch: int, _may_erase: bool
) -> Iterator[None]:
    last_day = o.plan.periods.letters_last_day
    return _removals(
        ds,
        o,
        out,
        batch,
        LETTERS,
        lambda session, **page: store.letters_due(session, last_day, **page),
        store.delete_letters,
        "retention: archived letters past their period removed",
        lambda r, what: f"letter\t{r[0]}\t{r[2].date().isoformat()}\t{r[3]}\t{r[1]}: {what}\n",
    )
