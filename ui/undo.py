"""Undo and redo of shipment changes: QUndoCommands around the services.

The change is made by the caller first (so a refused change never reaches the stack), then
pushed with its result. Undo puts the shipments back through ``shipments.revert``; redo makes
the same change again against the versions that are current then. A conflict with someone
else's later save is reported, never overwritten.

Several steps may touch the same shipment, and each undo or redo writes a new version. The
window's ShipmentUndoStack therefore keeps the version its own last write left on each
shipment, and every step checks against that: a step stays undoable after later steps were
undone, while a save by someone else in between is still refused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from models.services import shipments
from models.services.session import Database
from models.services.shipments import BulkResult, Changes, SaveResult, ShipmentDetail, ShipmentInput

#: Re-runs a change for redo: given each shipment's current version, returns the new result.
Reapply = Callable[[dict[int, int]], BulkResult | SaveResult]
#: Told what changed after every undo and redo, so views refresh.
Notify = Callable[[Changes], None]


class ShipmentUndoStack(QUndoStack):
    """The window's undo stack and the versions its own changes left on each shipment."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: shipment id → version after this window's last write to it.
        self.versions: dict[int, int] = {}


def _bulk(result: BulkResult | SaveResult) -> BulkResult:
    if isinstance(result, BulkResult):
        return result
    before = (result.previous,) if result.previous else ()
    return BulkResult(before, (result.shipment,), result.changes)


def _expected(book: dict[int, int], details: tuple[ShipmentDetail, ...]) -> dict[int, int]:
    return {d.id: book.get(d.id, d.version) for d in details}


def _record(book: dict[int, int], details: tuple[ShipmentDetail, ...]) -> None:
    book.update({d.id: d.version for d in details})


class ChangeCommand(QUndoCommand):
    """An edit of existing shipments (fields, status, ETA, weight), one or many at once."""

    def __init__(
        self,
        db: Database,
        text: str,
        done: BulkResult | SaveResult,
        reapply: Reapply,
        notify: Notify,
        stack: ShipmentUndoStack,
    ) -> None:
        super().__init__(text)
        self._db = db
        self._result = _bulk(done)
        self._reapply = reapply
        self._notify = notify
        self._book = stack.versions
        _record(self._book, self._result.after)
        self._first = True

    def redo(self) -> None:
        if self._first:  # the caller already made the change
            self._first = False
            return
        self._result = _bulk(self._reapply(_expected(self._book, self._result.before)))
        _record(self._book, self._result.after)
        self._notify(self._result.changes)

    def undo(self) -> None:
        expected = _expected(self._book, self._result.after)
        reverted = shipments.revert(self._db, self._result.before, expected)
        _record(self._book, reverted.after)
        # Redo works from the versions the revert left.
        self._result = BulkResult(reverted.after, self._result.after, reverted.changes)
        self._notify(reverted.changes)


class CreateCommand(QUndoCommand):
    """A new shipment: undo deletes it, redo saves it again."""

    def __init__(self, db: Database, text: str, done: SaveResult, notify: Notify) -> None:
        super().__init__(text)
        self._db = db
        self._saved: ShipmentDetail = done.shipment
        self._notify = notify
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._saved = shipments.create(self._db, self._saved.as_input()).shipment
        self._notify(Changes((self._saved.id,), membership=True))

    def undo(self) -> None:
        shipments.delete(self._db, self._saved.id, self._saved.version)
        self._notify(Changes((self._saved.id,), membership=True))


class DeleteCommand(QUndoCommand):
    """A deleted shipment: undo saves it again (with a new id), redo deletes it again."""

    def __init__(self, db: Database, text: str, deleted: ShipmentDetail, notify: Notify) -> None:
        super().__init__(text)
        self._db = db
        self._data: ShipmentInput = deleted.as_input()
        self._current: ShipmentDetail = deleted
        self._notify = notify
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        shipments.delete(self._db, self._current.id, self._current.version)
        self._notify(Changes((self._current.id,), membership=True))

    def undo(self) -> None:
        self._current = shipments.create(self._db, self._data).shipment
        self._notify(Changes((self._current.id,), membership=True))
