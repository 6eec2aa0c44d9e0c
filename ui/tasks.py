"""The one way to run work off the GUI thread: Qt-free callables with progress and Cancel.

A callable from models/ takes ``progress`` and ``cancel`` keyword arguments, opens its own
session on the worker, and returns plain values. Its result or exception comes back on the GUI
thread through signals. Tasks run one at a time (a single worker thread), so database writers
never race each other (Anki's CollectionOp, Orange's TaskState).

Every worker pool is waited for at interpreter exit (``join_at_exit``): a worker still running
while Python shuts down is killed as it takes the GIL back, and Qt reports that as "Qt
Concurrent has caught an exception thrown from a worker thread".
"""

from __future__ import annotations

import atexit
import contextlib
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from models.progress import Cancelled, CancelToken

#: A progress dialog appears only for work that lasts longer than this (ms).
SHOW_PROGRESS_AFTER_MS = 400
#: How long exit waits for a pool's running work (ms); queued work never starts.
EXIT_WAIT_MS = 30_000

#: Pools still alive, each with the method that stops its owner's queued work. Both weakly
#: held: a pool and its owner may go long before exit.
_POOLS: weakref.WeakKeyDictionary[QThreadPool, weakref.WeakMethod[Callable[[], None]]] = (
    weakref.WeakKeyDictionary()
)
#: Non-empty once ``_join_pools`` is registered with atexit (once per process).
_POOLS_JOINED_AT_EXIT: list[bool] = []


def join_at_exit(pool: QThreadPool, stop: Callable[[], None]) -> None:
    """Wait for ``pool``'s running work when the interpreter exits, after calling ``stop``.

    ``stop`` is a bound method of the pool's owner (held weakly). Scripts, tests and benchmarks
    that end without closing their windows would otherwise leave a worker inside Python while
    the interpreter shuts down.
    """
    if not _POOLS_JOINED_AT_EXIT:
        atexit.register(_join_pools)
        _POOLS_JOINED_AT_EXIT.append(True)
    _POOLS[pool] = weakref.WeakMethod(stop)  # type: ignore[arg-type]


def _join_pools() -> None:
    for pool, stop in list(_POOLS.items()):
        with contextlib.suppress(RuntimeError):  # its Qt object was deleted already
            method = stop()
            if method is not None:
                method()
            pool.clear()  # queued runnables never start
            pool.waitForDone(EXIT_WAIT_MS)


class _Signals(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the calls over to the GUI thread."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, cancel: CancelToken) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        # Runs on the worker: touches no widget, only emits.
        def progress(done: int, total: int, note: str = "") -> None:
            self._signals.progressed.emit(done, total, note)

        try:
            result = self._fn(progress=progress, cancel=self._cancel)
        except BaseException as error:  # delivered to the GUI thread, never lost
            self._signals.failed.emit(error)
        else:
            self._signals.finished.emit(result)


class Task(QObject):
    """One piece of background work; ``done`` or ``failed`` is emitted exactly once."""

    #: The callable's return value.
    done = Signal(object)
    #: The exception it raised (Cancelled when the user cancelled).
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_token = CancelToken()
        self.running = True

    def cancel(self) -> None:
        """Ask the work to stop at its next check; it then fails with Cancelled."""
        self.cancel_token.cancel()


class TaskRunner(QObject):
    """Runs tasks one after another on a single worker thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one writer at a time
        self._live: set[Task] = set()
        join_at_exit(self._pool, self._cancel_all)

    def run(
        self,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        progress_parent: QWidget | None = None,
        label: str = "",
        cancellable: bool = True,
    ) -> Task:
        """Run ``fn(progress=…, cancel=…)`` on the worker.

        Args:
            fn: A Qt-free callable; it must accept ``progress`` and ``cancel`` keywords.
            on_done: Called on the GUI thread with the result.
            on_error: Called on the GUI thread with the exception (Cancelled included).
            progress_parent: When given, a modal progress dialog over this widget shows
                progress after a short delay, with Cancel unless ``cancellable`` is false.
            label: The dialog's text.
            cancellable: Whether the dialog offers Cancel.

        Returns:
            The task, whose signals report its end.
        """
        # Python owns the task and its signals (no Qt parent, no deleteLater): the worker may
        # still be returning from its last emit when the GUI thread handles it.
        task = Task()
        signals = _Signals()
        task._signals = signals  # type: ignore[attr-defined]  # keep alive with the task
        signals.progressed.connect(task.progressed)
        signals.finished.connect(lambda result: self._end(task, task.done, result))
        signals.failed.connect(lambda error: self._end(task, task.failed, error))
        if on_done:
            task.done.connect(on_done)
        if on_error:
            task.failed.connect(on_error)
        if progress_parent is not None:
            _attach_dialog(task, progress_parent, label, cancellable)
        self._live.add(task)
        self._pool.start(_Runnable(fn, signals, task.cancel_token))
        return task

    def _end(self, task: Task, signal: Any, value: object) -> None:
        task.running = False
        self._live.discard(task)
        signal.emit(value)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has run (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def _cancel_all(self) -> None:
        for task in list(self._live):
            task.cancel()


def _attach_dialog(task: Task, parent: QWidget, label: str, cancellable: bool) -> None:
    dialog = QProgressDialog(parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setLabelText(label)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)  # busy until the first report
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(task.cancel)

    def on_progress(done: int, total: int, note: str) -> None:
        if total > 0:
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))
        if note:
            dialog.setLabelText(f"{label}\n{note}" if label else note)

    def close(_value: object) -> None:
        dialog.canceled.disconnect(task.cancel)
        dialog.close()
        dialog.deleteLater()

    task.progressed.connect(on_progress)
    task.done.connect(close)
    task.failed.connect(close)


def is_cancelled(error: BaseException) -> bool:
    """Whether a task's failure is the user's Cancel rather than a problem."""
    return isinstance(error, Cancelled)
