"""Running service calls off the GUI thread (after Anki's ``QueryOp``).

``runner.run(fn, success=..., failure=...)`` runs ``fn()`` on a worker thread and delivers
its result or exception back on the GUI thread. ``fn`` calls services only and never
touches a widget. A task started with a ``key`` supersedes every older task with the same
key: when a user types on, only the newest search's rows reach the list.

Why signals and not callbacks from the worker: the worker's ``finished`` signal belongs to a
QObject created on the GUI thread, so Qt queues the delivery onto the GUI thread's event
loop (TECH-NOTES: a signals object created inside ``run()`` would deliver on the worker).
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(int, bool, object)  # task id, ok, result or exception


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task_id = task_id
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, classified there
            self._signals.finished.emit(self._task_id, False, exc)
        else:
            self._signals.finished.emit(self._task_id, True, result)


class Task:
    """A handle on a started task; ``cancel()`` drops its result when it arrives."""

    def __init__(self, task_id: int, key: str | None) -> None:
        self.id = task_id
        self.key = key
        self.cancelled = False
        self.owner: QObject | None = None

    def cancel(self) -> None:
        self.cancelled = True


class TaskRunner(QObject):
    """Runs service calls on a small thread pool of its own."""

    error_reported = Signal(object)  # an exception no caller handled
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._signals = _Signals(self)  # created here, on the GUI thread, on purpose
        self._signals.finished.connect(self._on_job_finished)
        self._ids = itertools.count(1)
        self._pending: dict[
            int, tuple[Task, Callable[[Any], None], Callable[[BaseException], None] | None]
        ] = {}
        self._latest: dict[str, int] = {}

    def run(
        self,
        fn: Callable[[], Any],
        *,
        success: Callable[[Any], None],
        failure: Callable[[BaseException], None] | None = None,
        key: str | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """Run ``fn`` on a worker; ``success`` or ``failure`` get its outcome on the GUI
        thread. With an ``owner``, the outcome is dropped if the owner has been deleted by
        then (a refresh started by a desk-wide announcement may outlive its panel)."""
        task = Task(next(self._ids), key)
        task.owner = owner
        if key is not None:
            self._latest[key] = task.id
        was_idle = not self._pending
        self._pending[task.id] = (task, success, failure)
        self._pool.start(_Job(task.id, fn, self._signals))
        if was_idle:
            self.busy_changed.emit(True)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(int, bool, object)
    def _on_job_finished(self, task_id: int, ok: bool, payload: object) -> None:
        entry = self._pending.pop(task_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if entry is None:
            return
        task, success, failure = entry
        superseded = task.key is not None and self._latest.get(task.key) != task.id
        if task.cancelled or superseded:
            return
        if task.owner is not None and not shiboken6.isValid(task.owner):
            return
        if task.key is not None:
            self._latest.pop(task.key, None)
        if ok:
            success(payload)
            return
        assert isinstance(payload, BaseException)
        if failure is not None:
            failure(payload)
        else:
            self.error_reported.emit(payload)

    def wait_idle(self, timeout_ms: int = 10000) -> bool:
        """Block until every task has run and delivered (tests and shutdown only)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self._pending

    def shutdown(self) -> None:
        self._pool.waitForDone()


def format_bug(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
