"""The date editor for ETA and arrival; a new ETA also asks for its reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.dialogs.eta_dialog import EtaDialog
from ui.item_models.edits import EditValue

_Index = QModelIndex | QPersistentModelIndex


def to_qdate(value: date | None) -> QDate:
    """A Python date as a QDate (today for None)."""
    if value is None:
        return QDate.currentDate()
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    """A QDate as a Python date."""
    return date(value.year(), value.month(), value.day())


class DateDelegate(QStyledItemDelegate):
    """A QDateEdit with a calendar; ``asks_reason`` makes saving ask why (ETA revisions)."""

    def __init__(self, parent: QWidget | None = None, *, asks_reason: bool = False) -> None:
        super().__init__(parent)
        self._asks_reason = asks_reason

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget | None:
        editor = QDateEdit(parent)
        editor.setObjectName("dateEditor")
        editor.setCalendarPopup(True)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QDateEdit)
        editor.setDate(to_qdate(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QDateEdit)
        value = from_qdate(editor.date())
        if value == index.data(Qt.ItemDataRole.EditRole):
            return
        if not self._asks_reason:
            model.setData(index, EditValue(value), Qt.ItemDataRole.EditRole)
            return
        dialog = EtaDialog(editor.window(), eta=value, count=1)
        if dialog.exec() == EtaDialog.DialogCode.Accepted:
            model.setData(index, EditValue(dialog.eta(), dialog.reason()), Qt.ItemDataRole.EditRole)
