"""The table model of a reference data editor (stations, goods, counterparties, contracts).

Feeds the QTableView of ``ui.pages.reference_page.ReferenceDialog``. Reference tables are small
(tens to hundreds of rows), so the model holds its rows whole; columns come from the kind's
spec. ``RowIdRole`` gives a row's database id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ColumnSpec:
    """One column: its header (marked with QT_TRANSLATE_NOOP in "ReferenceColumns"), its text."""

    header: str
    text: Callable[[Any], str]
    align_right: bool = False


class ReferenceTableModel(QAbstractTableModel):
    """Rows of one reference kind; each row is a frozen Ref dataclass with an ``id``."""

    #: The row's database id.
    RowIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[ColumnSpec], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row (a reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, row_id: int) -> int:
        """The row number showing ``row_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    def item(self, row: int) -> Any:
        """The Ref shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ref = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(ref)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        if role == self.RowIdRole:
            return ref.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return QCoreApplication.translate("ReferenceColumns", self._columns[section].header)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
