"""The notes editor: one line of text, saved as is (blank clears the notes)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.item_models.edits import EditValue

_Index = QModelIndex | QPersistentModelIndex

#: Longer notes belong in the shipment form.
MAX_LENGTH = 500


class NotesDelegate(QStyledItemDelegate):
    """Edits the notes column in a line edit."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget | None:
        editor = QLineEdit(parent)
        editor.setObjectName("notesEditor")
        editor.setMaxLength(MAX_LENGTH)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip() or None
        if text != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, EditValue(text), Qt.ItemDataRole.EditRole)
