"""What the shipments page does to rows: edit, bulk change, copy, delete, move.

Saving a cell; changing status or ETA of many rows or a whole train; copying as TSV;
deleting; moving to the previous or next shipment.

Every change goes through a service call (one transaction) and lands on the main window's
undo stack as one step, named with its count.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from models.errors import UserError
from models.rules.status import Status
from models.services import queries, reference, shipments
from models.services.queries import Filter, ShipmentRow
from models.services.session import Database
from models.services.shipments import BulkResult, Changes
from ui.dialogs.bulk_status_dialog import BulkStatusDialog
from ui.dialogs.eta_dialog import EtaDialog
from ui.i18n import arg
from ui.item_models.columns import COLUMNS
from ui.item_models.edits import EditValue, apply_edit, undo_text
from ui.item_models.shipments_table import ShipmentsTableModel
from ui.item_models.tsv import to_tsv
from ui.undo import ChangeCommand, DeleteCommand, ShipmentUndoStack

if TYPE_CHECKING:
    from ui.pages.shipments_page import ShipmentsPage

#: Told what changed after every change, undo and redo, so views refresh.
Notify = Callable[[Changes], None]

#: More rows than this are not copied: the clipboard would hold hundreds of megabytes.
MAX_COPY_ROWS = 100_000
#: A whole train is loaded in one page of at most this many shipments.
MAX_TRAIN_ROWS = 5_000


class ShipmentActions(QObject):
    """The page's row actions, as QActions with shortcuts for menus and the keyboard."""

    def __init__(self, page: ShipmentsPage, db: Database) -> None:
        super().__init__(page)
        self._page = page
        self._db = db
        self._stack = ShipmentUndoStack(self)  # until the window hands over its own
        self._notify: Notify = page.apply_changes
        view = page.view()

        def action(name: str, text: str, shortcut: str | QKeySequence.StandardKey) -> QAction:
            act = QAction(text, page)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(shortcut))
            # Only while the table has focus: Ctrl+C and Delete in a text field stay theirs.
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(act)
            return act

        self.edit_cell = action("editCell", self.tr("&Edit cell"), "F2")
        self.change_status = action("changeStatus", self.tr("Change &status…"), "Ctrl+Shift+S")
        self.change_train_status = action(
            "changeTrainStatus", self.tr("Change status of the whole &train…"), "Ctrl+Alt+S"
        )
        self.revise_eta = action("reviseEta", self.tr("Revise &ETA…"), "Ctrl+E")
        self.revise_train_eta = action(
            "reviseTrainEta", self.tr("Revise ETA of the whole t&rain…"), "Ctrl+Alt+E"
        )
        self.copy = action("copyRows", self.tr("&Copy rows"), QKeySequence.StandardKey.Copy)
        self.delete = action("deleteRows", self.tr("&Delete…"), QKeySequence.StandardKey.Delete)
        self.next_row = action("nextShipment", self.tr("&Next shipment"), "Ctrl+Down")
        self.previous_row = action("previousShipment", self.tr("&Previous shipment"), "Ctrl+Up")

        self.edit_cell.triggered.connect(self._on_edit_cell_triggered)
        self.change_status.triggered.connect(self._on_change_status_triggered)
        self.change_train_status.triggered.connect(self._on_change_train_status_triggered)
        self.revise_eta.triggered.connect(self._on_revise_eta_triggered)
        self.revise_train_eta.triggered.connect(self._on_revise_train_eta_triggered)
        self.copy.triggered.connect(self.copy_selection)
        self.delete.triggered.connect(self._on_delete_triggered)
        self.next_row.triggered.connect(lambda: self.move_current(1))
        self.previous_row.triggered.connect(lambda: self.move_current(-1))

    def set_undo(self, stack: ShipmentUndoStack, notify: Notify) -> None:
        """Push changes onto ``stack``; ``notify`` refreshes the views after each."""
        self._stack = stack
        self._notify = notify

    # -- rows -------------------------------------------------------------------------------

    def selected_rows(self) -> list[ShipmentRow]:
        """The selected shipments in table order (the current one if nothing is selected)."""
        view = self._page.view()
        numbers = sorted({i.row() for i in view.selectionModel().selectedRows()})
        if not numbers and view.currentIndex().isValid():
            numbers = [view.currentIndex().row()]
        model = self._page.model()
        found = (model.row_at(n) for n in numbers)
        return [r for r in found if r is not None]

    def current_row(self) -> ShipmentRow | None:
        """The shipment of the current row."""
        index = self._page.view().currentIndex()
        return self._page.model().row_at(index.row()) if index.isValid() else None

    def train_rows(self, train_no: str) -> list[ShipmentRow]:
        """Every shipment of a train, as loaded now (with their versions)."""
        return queries.page(self._db, Filter(train_no=train_no), limit=MAX_TRAIN_ROWS)

    def move_current(self, step: int) -> None:
        """Make the previous (-1) or next (+1) shipment current, keeping the column."""
        view = self._page.view()
        current = view.currentIndex()
        row = (current.row() if current.isValid() else -1) + step
        if 0 <= row < self._page.model().rowCount():
            column = current.column() if current.isValid() else 0
            view.setCurrentIndex(self._page.model().index(row, column))

    # -- saving -----------------------------------------------------------------------------

    def save_cell(self, row: ShipmentRow, kind: str, new: EditValue) -> bool:
        """Save an edited cell (the model's edit handler); False when refused."""
        try:
            edit = apply_edit(self._db, row, kind, new)
        except UserError as error:
            self._page.show_error(error)
            return False
        self._page.clear_message()
        text = undo_text(edit.text, 1)
        self._push(
            ChangeCommand(self._db, text, edit.result, edit.reapply, self._notify, self._stack)
        )
        self._notify(edit.result.changes)
        return True

    def set_status(
        self, rows: list[ShipmentRow], status: Status, **event: object
    ) -> BulkResult | None:
        """Move ``rows`` to ``status`` in one transaction and one undo step; None if refused."""
        ids = [r.id for r in rows]

        def run(versions: dict[int, int]) -> BulkResult:
            return shipments.change_status(
                self._db,
                ids,
                status,
                expected_versions=versions,
                **event,  # type: ignore[arg-type]
            )

        return self._bulk(run, {r.id: r.version for r in rows}, self.tr("status change"))

    def set_eta(self, rows: list[ShipmentRow], eta: object, reason: str) -> BulkResult | None:
        """Revise the ETA of ``rows`` in one transaction and one undo step; None if refused."""
        ids = [r.id for r in rows]

        def run(versions: dict[int, int]) -> BulkResult:
            return shipments.revise_eta_many(self._db, ids, eta, reason, versions)  # type: ignore[arg-type]

        return self._bulk(run, {r.id: r.version for r in rows}, self.tr("ETA revision"))

    def _bulk(
        self, run: Callable[[dict[int, int]], BulkResult], versions: dict[int, int], what: str
    ) -> BulkResult | None:
        try:
            result = run(versions)
        except UserError as error:
            self._page.show_error(error)
            return None
        self._page.clear_message()
        text = undo_text(what, len(result.after))
        self._push(ChangeCommand(self._db, text, result, run, self._notify, self._stack))
        self._notify(result.changes)
        return result

    def delete_rows(self, rows: list[ShipmentRow]) -> int:
        """Delete ``rows`` (audited by the service) as one undo step; how many were deleted."""
        if not rows:
            return 0
        deleted = 0
        if self._stack is not None:
            self._stack.beginMacro(undo_text(self.tr("deletion"), len(rows)))
        try:
            for row in rows:
                try:
                    gone = shipments.delete(self._db, row.id, row.version)
                except UserError as error:
                    self._page.show_error(error)
                    break
                deleted += 1
                self._push(DeleteCommand(self._db, "", gone, self._notify))
        finally:
            if self._stack is not None:
                self._stack.endMacro()
        self._notify(Changes(tuple(r.id for r in rows), membership=True))
        return deleted

    def _push(self, command: ChangeCommand | DeleteCommand) -> None:
        if self._stack is not None:
            self._stack.push(command)  # the change is made: redo() skips its first call

    # -- copy -------------------------------------------------------------------------------

    def selection_tsv(self) -> str:
        """The selected rows' visible columns, in the order shown, with a header row."""
        view = self._page.view()
        header = view.horizontalHeader()
        columns = [
            header.logicalIndex(v)
            for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))
        ]
        model = self._page.model()
        numbers = sorted({i.row() for i in view.selectionModel().selectedRows()})[:MAX_COPY_ROWS]
        rows = [
            [model.index(n, c).data(Qt.ItemDataRole.DisplayRole) or "" for c in columns]
            for n in numbers
        ]
        return to_tsv([COLUMNS[c].title() for c in columns], rows)

    def copy_selection(self) -> None:
        """Put the selected rows on the clipboard as tab-separated text (Ctrl+C)."""
        if self._page.view().selectionModel().hasSelection():
            QGuiApplication.clipboard().setText(self.selection_tsv())

    # -- slots ------------------------------------------------------------------------------

    def _on_edit_cell_triggered(self) -> None:
        view = self._page.view()
        if view.currentIndex().isValid():
            view.edit(view.currentIndex())

    def _ask_status(self, rows: list[ShipmentRow]) -> None:
        if not rows:
            return
        dialog = BulkStatusDialog(
            self._page, count=len(rows), stations=reference.stations(self._db)
        )
        dialog.setObjectName("bulkStatusDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.set_status(
            rows,
            dialog.status(),
            at=dialog.at(),
            station_id=dialog.station_id(),
            note=dialog.note(),
        )

    def _on_change_status_triggered(self) -> None:
        self._ask_status(self.selected_rows())

    def _on_change_train_status_triggered(self) -> None:
        row = self.current_row()
        if row is not None:
            self._ask_status(self.train_rows(row.train_no))

    def _ask_eta(self, rows: list[ShipmentRow]) -> None:
        if not rows:
            return
        dialog = EtaDialog(self._page, eta=rows[0].eta, count=len(rows))
        dialog.setObjectName("etaDialog")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_eta(rows, dialog.eta(), dialog.reason())

    def _on_revise_eta_triggered(self) -> None:
        self._ask_eta(self.selected_rows())

    def _on_revise_train_eta_triggered(self) -> None:
        row = self.current_row()
        if row is not None:
            self._ask_eta(self.train_rows(row.train_no))

    def _on_delete_triggered(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete shipments"),
            arg(self.tr("Delete %n shipment(s)? Undo (Ctrl+Z) brings them back.", "", len(rows))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self._page,
        )
        box.setObjectName("confirmDelete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.delete_rows(rows)


__all__ = ["MAX_COPY_ROWS", "Notify", "ShipmentActions", "ShipmentsTableModel"]
