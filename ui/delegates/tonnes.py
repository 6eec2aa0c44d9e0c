"""The tonnes editor: three decimals in the user's locale, checked as they type."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.i18n import format_tonnes
from ui.item_models.edits import EditValue

_Index = QModelIndex | QPersistentModelIndex

#: The arrived weight may differ from the shipped weight by this much without a note.
TOLERANCE_PCT = 2.5


def tonnes_validator(parent: QWidget | None = None) -> QDoubleValidator:
    """Positive tonnes with at most three decimals, in the default locale's notation."""
    validator = QDoubleValidator(0.001, 100_000.0, 3, parent)
    validator.setNotation(QDoubleValidator.Notation.StandardNotation)
    validator.setLocale(QLocale())
    return validator


def parse_tonnes(text: str) -> int | None:
    """Tonnes typed in the locale's notation as kilograms; None when not a number."""
    value, ok = QLocale().toDouble(text.strip())
    return round(value * 1000) if ok else None


class TonnesDelegate(QStyledItemDelegate):
    """Edits the arrived weight; a difference beyond tolerance asks for the reason."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget | None:
        editor = QLineEdit(parent)
        editor.setObjectName("tonnesEditor")
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.setValidator(tonnes_validator(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        kg = index.data(Qt.ItemDataRole.EditRole)
        # no grouping in the editor: the validator refuses group separators mid-typing
        editor.setText(
            "" if kg is None else format_tonnes(kg).replace(QLocale().groupSeparator(), "")
        )

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        if not editor.hasAcceptableInput():
            return
        kg = parse_tonnes(editor.text())
        if kg is None or kg == index.data(Qt.ItemDataRole.EditRole):
            return
        row = index.data(Qt.ItemDataRole.UserRole + 1)  # ShipmentsTableModel.RowRole
        note = None
        if (
            row is not None
            and abs(kg - row.net_weight_kg) * 100 / row.net_weight_kg > TOLERANCE_PCT
        ):
            note, ok = QInputDialog.getText(
                editor.window(),
                self.tr("Weight difference"),
                self.tr("The arrived weight differs from the shipped weight. Why?"),
            )
            if not ok:
                return
        model.setData(index, EditValue(kg, note), Qt.ItemDataRole.EditRole)
