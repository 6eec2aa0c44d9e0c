"""A light reader thread for the shipments table: counts and pages ahead, off the GUI thread.

Not ``ui.tasks.TaskRunner``: that one serializes writers and shows progress, while these reads
are many, short and disposable. Each job is a Qt-free callable that opens its own session (the
services do, per call); its result comes back on the GUI thread through a queued signal, tagged
with the key it was submitted with, so the model can drop what belongs to an older filter. A job
can also be waited for briefly, so a count that is quick anyway is shown at once.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ui.tasks import join_at_exit


class Job:
    """One submitted read: its key, and (once run) its result or exception."""

    def __init__(self, key: Hashable, fn: Callable[[], Any]) -> None:
        self.key = key
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None
        self._done = threading.Event()

    def wait(self, seconds: float) -> bool:
        """Block at most ``seconds`` for the job to finish; True when it has."""
        return self._done.wait(seconds)

    @property
    def done(self) -> bool:
        """Whether the job has run (successfully or not)."""
        return self._done.is_set()


class _Signals(QObject):
    """Lives on the GUI thread; the worker's emits arrive there queued."""

    finished = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: _Signals, still_wanted: Callable[[Job], bool]) -> None:
        super().__init__()
        self._job = job
        self._signals = signals
        self._still_wanted = still_wanted

    def run(self) -> None:
        # On the worker: no widget, no model access; only the callable and an emit.
        job = self._job
        try:
            if self._still_wanted(job):
                job.result = job.fn()
        except BaseException as error:  # handed to the GUI thread, never lost
            job.error = error
        job._done.set()
        # RuntimeError: the model was deleted meanwhile (its window closed); nobody waits.
        with contextlib.suppress(RuntimeError):
            self._signals.finished.emit(job)


class BackgroundReader(QObject):
    """Runs read-only callables on one worker thread of its own, in submission order."""

    #: A job has run (the Job; check ``error``), delivered on the GUI thread.
    job_finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.finished.connect(self.job_finished)
        #: Keys still wanted; a queued job whose key was dropped is skipped without running.
        self._wanted: set[Hashable] = set()
        self._lock = threading.Lock()
        join_at_exit(self._pool, self._forget_all)

    def submit(self, key: Hashable, fn: Callable[[], Any]) -> Job:
        """Queue ``fn()`` under ``key``; returns the job (its result also comes as a signal)."""
        job = Job(key, fn)
        with self._lock:
            self._wanted.add(key)
        self._pool.start(_Runnable(job, self._signals, self._is_wanted))
        return job

    def forget(self, keep: Callable[[Hashable], bool]) -> None:
        """Skip the queued jobs whose key ``keep`` rejects (a new filter made them stale)."""
        with self._lock:
            self._wanted = {k for k in self._wanted if keep(k)}

    def _forget_all(self) -> None:
        self.forget(lambda _key: False)

    def _is_wanted(self, job: Job) -> bool:
        with self._lock:
            return job.key in self._wanted

    def wait(self, msecs: int = -1) -> bool:
        """Block until every queued job has run (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)
