"""The status editor: a combo box offering only the changes the journey allows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from models.errors import ValidationError
from models.rules.status import Status, check_transition
from ui.i18n import arg, status_label
from ui.item_models.edits import EditValue

_Index = QModelIndex | QPersistentModelIndex


def allowed_statuses(current: Status) -> list[tuple[Status, bool]]:
    """Every status ``current`` may change to, with whether it needs a note (a step back)."""
    allowed: list[tuple[Status, bool]] = []
    for status in Status:
        try:
            check_transition(current, status, None)
            allowed.append((status, False))
        except ValidationError as error:
            if error.code == "note_required":
                allowed.append((status, True))
    return allowed


class StatusDelegate(QStyledItemDelegate):
    """Edits the status column; a step back asks for the note the rule requires."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget | None:
        current = Status(index.data(Qt.ItemDataRole.EditRole))
        choices = allowed_statuses(current)
        if not choices:
            return None  # e.g. cancelled: nothing to change to, so no editor opens
        combo = QComboBox(parent)
        combo.setObjectName("statusEditor")
        combo.addItem(status_label(current), current.value)
        for status, needs_note in choices:
            label = status_label(status)
            if needs_note:
                label = arg(self.tr("%1 (back, with a note)"), label)
            combo.addItem(label, status.value)
            combo.setItemData(combo.count() - 1, needs_note, Qt.ItemDataRole.UserRole + 1)
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(0)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentIndex() <= 0:
            return  # still the current status: nothing to save
        value = editor.currentData()
        note = None
        if editor.currentData(Qt.ItemDataRole.UserRole + 1):
            note, ok = QInputDialog.getText(
                editor.window(),
                self.tr("Status correction"),
                self.tr("Why does the status go back?"),
            )
            if not ok or not note.strip():
                return
        model.setData(index, EditValue(value, note), Qt.ItemDataRole.EditRole)
