"""The main window's actions for the shipment form and the reference data editors.

``FormActions`` adds New (Ctrl+N), Edit (Enter or double-click on a row) and Duplicate
(Ctrl+D) at the top of the File menu, and a "Data" menu with the reference editors. It uses the
window's ``undo_stack`` and ``apply_changes`` when the window has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from models.services.session import Database
from models.services.shipments import Changes
from ui.pages.reference_page import open_reference_editor
from ui.undo import ShipmentUndoStack

if TYPE_CHECKING:  # the form loads when first opened, not at launch
    from ui.dialogs.shipment_dialog import ShipmentDialog


class FormActions(QObject):
    """New / Edit / Duplicate shipment and the Data menu, installed on a main window."""

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        stack = getattr(window, "undo_stack", None)
        self.undo_stack: ShipmentUndoStack = (
            stack() if callable(stack) else stack or ShipmentUndoStack(self)
        )
        self.dialog: ShipmentDialog | None = None
        page = window.shipments_page()  # type: ignore[attr-defined]
        self._view = page.view()
        self._view.activated.connect(self._on_view_activated)

        menu = self._file_menu()
        self.new_action = self._action(self.tr("&New shipment…"), "Ctrl+N", self.new_shipment)
        self.edit_action = self._action(self.tr("&Edit shipment…"), None, self.edit_current)
        self.duplicate_action = self._action(
            self.tr("&Duplicate shipment…"), "Ctrl+D", self.duplicate_current
        )
        self.edit_action.setToolTip(self.tr("Edit the selected shipment (Enter or double-click)"))
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.new_action, self.edit_action, self.duplicate_action):
            menu.insertAction(first, action)  # type: ignore[arg-type]
        if first is not None:
            menu.insertSeparator(first)

        data = self._menu(self.tr("&Data"))
        for kind, text in (
            ("station", self.tr("&Stations…")),
            ("commodity", self.tr("&Goods…")),
            ("counterparty", self.tr("&Counterparties…")),
            ("contract", self.tr("C&ontracts…")),
        ):
            action = QAction(text, window)
            action.triggered.connect(lambda _c=False, k=kind: self.open_reference(k))
            data.addAction(action)

    def _menu(self, title: str) -> QMenu:
        """A new menu before the last one (Help stays last)."""
        bar = self._window.menuBar()
        menu = QMenu(title, bar)
        actions = bar.actions()
        if actions:
            bar.insertMenu(actions[-1], menu)
        else:
            bar.addMenu(menu)
        return menu

    def _file_menu(self) -> QMenu:
        """The window's first menu (File), where New belongs; made if there is none."""
        for action in self._window.menuBar().actions():
            if action.menu() is not None:
                return action.menu()  # type: ignore[return-value]
        return self._window.menuBar().addMenu(self.tr("&File"))

    def _action(self, text: str, keys: str | None, slot: Any) -> QAction:
        action = QAction(text, self._window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def _notify(self, changes: Changes) -> None:
        page = self._window.shipments_page()  # type: ignore[attr-defined]
        apply = getattr(self._window, "apply_changes", None) or getattr(page, "apply_changes", None)
        if callable(apply):
            apply(changes)
        else:
            page.refresh()

    def _current_id(self) -> int | None:
        index = self._view.currentIndex()
        if not index.isValid():
            return None
        row = index.siblingAtColumn(0).data(self._view.model().RowRole)  # type: ignore[attr-defined]
        return getattr(row, "id", None)

    def _open(self, shipment_id: int | None, duplicate: bool = False) -> ShipmentDialog:
        from ui.dialogs.shipment_dialog import ShipmentDialog

        dialog = ShipmentDialog(
            self._db,
            self._window,
            undo_stack=self.undo_stack,
            notify=self._notify,
            shipment_id=shipment_id,
            duplicate=duplicate,
        )
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # window-modal; the table stays visible behind it
        return dialog

    def new_shipment(self) -> ShipmentDialog:
        """Open an empty form."""
        return self._open(None)

    def edit_current(self) -> ShipmentDialog | None:
        """Open the form on the table's current shipment."""
        shipment_id = self._current_id()
        return self._open(shipment_id) if shipment_id is not None else None

    def duplicate_current(self) -> ShipmentDialog | None:
        """Open a new form prefilled from the current shipment (all but the waybill)."""
        shipment_id = self._current_id()
        return self._open(shipment_id, duplicate=True) if shipment_id is not None else None

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_current()

    def open_reference(self, kind: str) -> None:
        """Open the editor of "station", "commodity", "counterparty" or "contract"."""
        dialog = open_reference_editor(self._db, kind, self._window)
        # A renamed station or party shows in the table's rows: read them again.
        dialog.changed.connect(self._window.shipments_page().refresh)  # type: ignore[attr-defined]
