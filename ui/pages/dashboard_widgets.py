"""The dashboard's building blocks: clickable figure tiles and small clickable tables.

Each tile or row holds the ``Filter`` of the shipments it counts; a click (or Enter) emits
``figure_clicked(filter, label)`` and the window opens the workspace filtered to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.services.queries import Filter

#: Item data role holding a row's ``Cell`` list owner (its Filter and label).
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
#: Item data role holding the shipment id of a row (train and history views).
SHIPMENT_ROLE = Qt.ItemDataRole.UserRole + 2
#: Item data role holding the train number of a row.
TRAIN_ROLE = Qt.ItemDataRole.UserRole + 3

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FigureTile(QToolButton):
    """A figure as a big clickable button: a title, a count and tonnes."""

    #: The tile was clicked: its filter and a short label for the workspace chip.
    figure_clicked = Signal(object, str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(58)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._filter: Filter | None = None
        self._label = ""
        self.clicked.connect(self._on_clicked)

    def set_figure(
        self, title: str, value: str, detail: str, flt: Filter | None, label: str = ""
    ) -> None:
        """Show a figure; ``flt`` None makes the tile inert (e.g. nothing to show)."""
        self.setText(f"{title}\n{value}\n{detail}")
        self._filter = flt
        self._label = label or title
        self.setEnabled(True)
        self.setToolTip(
            self.tr("Click to see these shipments in the workspace") if flt is not None else ""
        )

    def set_accent(self, colour: QColor) -> None:
        """A coloured bar on the left edge (a status or ageing colour), besides the text."""
        self.setStyleSheet(
            "QToolButton { border: 1px solid palette(mid); border-left: 6px solid "
            f"{colour.name()}; border-radius: 3px; padding: 4px; text-align: left; }}"
            "QToolButton:hover { background: palette(alternate-base); }"
        )

    def figure_filter(self) -> Filter | None:
        """The tile's filter."""
        return self._filter

    def _on_clicked(self) -> None:
        if self._filter is not None:
            self.figure_clicked.emit(self._filter, self._label)


@dataclass(frozen=True)
class Row:
    """One table row: its cell texts, what a click opens, and the shipment/train it shows."""

    cells: Sequence[str]
    filter: Filter | None = None
    label: str = ""
    shipment_id: int | None = None
    train_no: str | None = None
    #: Columns whose text is right-aligned (numbers).
    right: Sequence[int] = ()
    #: A row to flag (e.g. predicted late), shown with a ⚠ marker in the first cell.
    flagged: bool = False


class RowsModel(QAbstractTableModel):
    """Read-only rows for a :class:`FigureTable`: replacing them is one model reset.

    Cells are answered from the ``Row`` tuples (no item objects), so a refresh of a few
    hundred rows costs next to nothing on the GUI thread.
    """

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []

    def rows(self) -> list[Row]:
        return self._rows

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = row.cells[column]
            return ("⚠ " + text) if row.flagged and column == 0 else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in row.right:
            return RIGHT
        if role == SHIPMENT_ROLE:
            return row.shipment_id
        if role == TRAIN_ROLE:
            return row.train_no
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class FigureTable(QGroupBox):
    """A titled table of a few hundred rows at most; activating a row emits its filter."""

    figure_clicked = Signal(object, str)

    def __init__(
        self,
        name: str,
        title: str,
        headers: Sequence[str],
        parent: QWidget | None = None,
        *,
        stretch: int | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self._model = RowsModel(headers, self)
        self._table = QTableView(self)
        self._table.setObjectName(name + "Table")
        self._table.setModel(self._model)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.verticalHeader().hide()
        rows = self._table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self._table.fontMetrics().height() + 6)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch is None)
        # Whole headers even while the list is empty (translated headers are often longer).
        self._table.resizeColumnsToContents()
        self._stretch = stretch
        self._sized = False
        self._table.setToolTip(self.tr("Double-click or Enter: show in the workspace"))
        self._table.activated.connect(self._on_table_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._table)

    def table(self) -> QTableView:
        """The table view."""
        return self._table

    def rows(self) -> list[Row]:
        """The rows shown."""
        return list(self._model.rows())

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace the rows (keeps column widths the user set)."""
        self._model.set_rows(rows)
        if not self._sized and rows:
            self._table.resizeColumnsToContents()  # once: later refreshes keep the user's widths
            if self._stretch is not None:  # names take what the numbers leave
                header = self._table.horizontalHeader()
                header.setSectionResizeMode(self._stretch, QHeaderView.ResizeMode.Stretch)
            self._sized = True

    def current_row(self) -> Row | None:
        """The selected row."""
        r, rows = self._table.currentIndex().row(), self._model.rows()
        return rows[r] if 0 <= r < len(rows) else None

    def activate_row(self, r: int) -> None:
        """Open row ``r``'s shipments, as a double-click does."""
        index = self._model.index(r, 0)
        self._table.setCurrentIndex(index)
        self._on_table_activated(index)

    def _on_table_activated(self, index: QModelIndex) -> None:
        r, rows = index.row(), self._model.rows()
        if 0 <= r < len(rows) and rows[r].filter is not None:
            row = rows[r]
            self.figure_clicked.emit(row.filter, row.label or row.cells[0])
