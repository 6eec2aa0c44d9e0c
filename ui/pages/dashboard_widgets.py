"""The dashboard's building blocks: clickable figure tiles and small clickable tables.

Each tile or row holds the ``Filter`` of the shipments it counts; a click (or Enter) emits
``figure_clicked(filter, label)`` and the window opens the workspace filtered to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
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
    #: A row to flag (e.g. predicted late), shown in bold with a marker in the first cell.
    flagged: bool = False


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
        self._table = QTableWidget(0, len(headers), self)
        self._table.setObjectName(name + "Table")
        self._table.setHorizontalHeaderLabels(list(headers))
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.verticalHeader().hide()
        rows = self._table.verticalHeader()
        rows.setDefaultSectionSize(self._table.fontMetrics().height() + 6)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch is None)
        # Whole headers even while the list is empty (translated headers are often longer).
        self._table.resizeColumnsToContents()
        self._stretch = stretch
        self._table.setToolTip(self.tr("Double-click or Enter: show in the workspace"))
        self._table.activated.connect(self._on_table_activated)
        self._rows: list[Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._table)

    def table(self) -> QTableWidget:
        """The table widget."""
        return self._table

    def rows(self) -> list[Row]:
        """The rows shown."""
        return list(self._rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace the rows (keeps column widths the user set)."""
        self._rows = list(rows)
        table = self._table
        table.setUpdatesEnabled(False)
        try:
            table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, text in enumerate(row.cells):
                    shown = ("⚠ " + text) if row.flagged and c == 0 else text
                    item = QTableWidgetItem(shown)
                    item.setToolTip(text)
                    if c in row.right:
                        item.setTextAlignment(RIGHT)
                    if row.flagged:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    if c == 0:
                        item.setData(SHIPMENT_ROLE, row.shipment_id)
                        item.setData(TRAIN_ROLE, row.train_no)
                    table.setItem(r, c, item)
            if not getattr(self, "_sized", False) and rows:
                table.resizeColumnsToContents()  # once: later refreshes keep the user's widths
                if self._stretch is not None:  # names take what the numbers leave
                    header = table.horizontalHeader()
                    header.setSectionResizeMode(self._stretch, QHeaderView.ResizeMode.Stretch)
                self._sized = True
        finally:
            table.setUpdatesEnabled(True)

    def current_row(self) -> Row | None:
        """The selected row."""
        r = self._table.currentRow()
        return self._rows[r] if 0 <= r < len(self._rows) else None

    def activate_row(self, r: int) -> None:
        """Open row ``r``'s shipments, as a double-click does."""
        self._table.setCurrentCell(r, 0)
        self._on_table_activated(self._table.model().index(r, 0))

    def _on_table_activated(self, index: object) -> None:
        r = index.row()  # type: ignore[attr-defined]
        if 0 <= r < len(self._rows) and self._rows[r].filter is not None:
            row = self._rows[r]
            self.figure_clicked.emit(row.filter, row.label or row.cells[0])
