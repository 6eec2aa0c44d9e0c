"""Showing changes that other users, windows and processes save, within about a second.

A ``ChangeWatcher`` (models/services/changes.py) says whether someone else committed. This
drives it: a socket notifier on the PostgreSQL listener's connection, and a timer (every
500 ms on SQLite, a slow safety net on PostgreSQL). On a change the shipments table is read
again where it stands (same current row, selection and scroll position) and the window's
``data_changed`` is emitted. The window's own saves are not reported (the watcher knows them).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QSocketNotifier,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView

from models.errors import UserError
from models.services import changes
from models.services.session import Database
from ui.pages.shipments_page import ShipmentsPage

_log = logging.getLogger(__name__)


class LiveRefresh(QObject):
    """Watches the database and says when someone else changed it."""

    #: Someone else committed a change (emitted on the GUI thread, at most once per look).
    changed_elsewhere = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher: changes.ChangeWatcher | None = None
        self._notifier: QSocketNotifier | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        try:
            self._watcher = changes.watch(db)
        except UserError as error:
            # The window still works; it only shows others' changes on Refresh (F5).
            _log.info("changes by others will not show by themselves: %s", error)
            return
        fd = self._watcher.fileno()
        if fd is not None:
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self.check)
        self._timer.start(self._watcher.poll_interval_ms)
        # Close the watcher's connection with its owner, not at garbage collection.
        watcher = self._watcher
        self.destroyed.connect(lambda *_: watcher.close())

    @property
    def active(self) -> bool:
        """Whether changes are being watched."""
        return self._watcher is not None

    def check(self) -> bool:
        """Look for a change now; emits ``changed_elsewhere`` and returns True if there was one."""
        if self._watcher is None:
            return False
        if not self._watcher.poll():
            return False
        self.changed_elsewhere.emit()
        return True

    def stop(self) -> None:
        """Stop watching and close the watcher's connection."""
        self._timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None


class PendingRefresh(QObject):
    """Refreshes the shipments page in place, waiting while a cell is being edited."""

    def __init__(self, page: ShipmentsPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page = page
        self._pending = False
        # While a cell editor is open a reset would throw the user's typing away: retry.
        self._retry = QTimer(self)
        self._retry.setInterval(300)
        self._retry.timeout.connect(self._try)

    @property
    def pending(self) -> bool:
        """A refresh is waiting for an editor to close."""
        return self._pending

    def request(self) -> bool:
        """Refresh now if possible, else as soon as the editor closes; True if done now."""
        self._pending = True
        return self._try()

    def _try(self) -> bool:
        if not self._pending:
            self._retry.stop()
            return True
        if not refresh_keeping_place(self._page):
            self._retry.start()
            return False
        self._pending = False
        self._retry.stop()
        return True


def refresh_keeping_place(page: ShipmentsPage) -> bool:
    """Read the table again, keeping the current row, selection and scroll position.

    The rows are kept by position (the table may hold a million rows, so a moved shipment is
    not searched for). Returns False, doing nothing, while a cell editor is open.
    """
    view = page.view()
    if view.state() == QAbstractItemView.State.EditingState:
        return False
    model = page.model()
    current = view.currentIndex()
    selection = view.selectionModel()
    ranges = [(r.top(), r.bottom()) for r in selection.selection()]
    vertical = view.verticalScrollBar().value()
    horizontal = view.horizontalScrollBar().value()

    page.refresh()

    rows = model.rowCount()
    last_column = model.columnCount() - 1
    # The view lays its rows out lazily after a reset; do it now so the scroll range is right.
    view.doItemsLayout()
    if rows and ranges:
        kept = QItemSelection()
        for top, bottom in ranges:
            if top < rows:
                kept.select(model.index(top, 0), model.index(min(bottom, rows - 1), last_column))
        selection.select(kept, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    if rows and current.isValid():
        index = model.index(min(current.row(), rows - 1), max(current.column(), 0))
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
    view.verticalScrollBar().setValue(vertical)
    view.horizontalScrollBar().setValue(horizontal)
    return True
