"""Progress and cancellation for long work, as plain Python objects the UI can drive."""

from __future__ import annotations

import threading
from typing import Protocol


class Cancelled(Exception):  # noqa: N818 - it is an outcome, not an error
    """The user cancelled; the work's transaction has been rolled back."""


class Progress(Protocol):
    """Receives how far long work has come."""

    def __call__(self, done: int, total: int, note: str = "") -> None:
        """Report ``done`` of ``total`` steps, with an optional note on the current step."""


def no_progress(done: int, total: int, note: str = "") -> None:
    """A Progress that reports nowhere."""


class CancelToken:
    """Set by the UI (any thread), checked by the worker between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise Cancelled if cancel() was called.

        Raises:
            Cancelled: The user asked to stop.
        """
        if self._event.is_set():
            raise Cancelled()
