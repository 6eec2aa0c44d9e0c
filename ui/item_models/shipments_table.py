"""The model behind the shipments page's QTableView: a window onto any number of shipments.

Family (c) of STYLE.md: ``rowCount()`` is the service's count for the current filter, cached
until the filter or sort changes; ``data()`` loads the page of ``PAGE_SIZE`` rows around the row
asked for through ``queries.page`` and keeps the most recent ``MAX_PAGES`` pages. Sorting is an
ORDER BY in the database. A page that cannot be loaded shows as disabled placeholder rows.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import QStyle

from models.errors import UserError
from models.services import queries
from models.services.queries import Filter, ShipmentRow, Sort
from models.services.session import Database
from ui.i18n import arg
from ui.item_models.appearance import LATE_COLOUR, STATUS_COLOURS, IconCache, late_colour
from ui.item_models.columns import COLUMNS, ColumnSpec, column_of_sort_key
from ui.item_models.edits import EditValue

__all__ = ["LATE_COLOUR", "STATUS_COLOURS", "EditHandler", "ShipmentsTableModel"]

#: Saves an edited cell: (the row as loaded, the editor kind, the new value) → accepted?
EditHandler = Callable[[ShipmentRow, str, EditValue], bool]

_log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

# Built once: flags() runs for every painted cell, and Python enum "|" is slow.
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_EDITABLE = _ROW_FLAGS | Qt.ItemFlag.ItemIsEditable
_ROLE = Qt.ItemDataRole


@dataclass(frozen=True)
class _FailedPage:
    """A page whose rows could not be loaded; kept in the cache so it is not retried per cell."""

    message: str


_Page = list[ShipmentRow] | _FailedPage

#: The roles whose values change when a page turns out to be unreadable.
_PLACEHOLDER_ROLES = [
    _ROLE.DisplayRole,
    _ROLE.ToolTipRole,
    _ROLE.DecorationRole,
    _ROLE.ForegroundRole,
]


class ShipmentsTableModel(QAbstractTableModel):
    """Read-only shipments, filtered and sorted by the database, loaded a page at a time."""

    #: The ShipmentRow shown on the row (any column); None for a placeholder row.
    RowRole = _ROLE.UserRole + 1
    #: The cell's raw value (a date, kg, a count, a status value) to sort or export by.
    SortRole = _ROLE.UserRole + 2
    #: Days past the ETA for an open shipment, 0 when not late.
    DaysLateRole = _ROLE.UserRole + 3
    #: The error text of a placeholder row; None on a real row.
    ErrorRole = _ROLE.UserRole + 4
    #: The editor kind of the cell's column (see ``columns.EDITORS``); None: read-only.
    EditorRole = _ROLE.UserRole + 5

    #: Rows fetched per query: a few screens, small enough to load in a few milliseconds.
    PAGE_SIZE = 200
    #: Pages kept; the least recently used page is dropped first.
    MAX_PAGES = 20

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        flt: Filter = Filter(),  # noqa: B008 - frozen dataclass
        sort: Sort = Sort(),  # noqa: B008
        today: date | None = None,
        page_size: int | None = None,
        max_pages: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._page_size = page_size or self.PAGE_SIZE
        self._max_pages = max_pages or self.MAX_PAGES
        self._db = db
        self._filter = flt
        self._sort = sort
        self._fixed_today = today
        self._today = today or date.today()
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._count = 0
        self._weight_kg = 0
        self._count_error: str | None = None
        #: Bumped by every reset, so a queued repaint for an older generation is dropped.
        self._generation = 0
        self._icons = IconCache()
        self._edit_handler: EditHandler | None = None
        self._load_totals()

    # -- what the table shows ---------------------------------------------------------------

    def current_filter(self) -> Filter:
        """The filter the rows match."""
        return self._filter

    def current_sort(self) -> Sort:
        """The database order of the rows."""
        return self._sort

    def total_weight_kg(self) -> int:
        """The net weight of all rows of the current filter."""
        return self._weight_kg

    def count_error(self) -> str | None:
        """Why the rows could not be counted, or None."""
        return self._count_error

    def set_filter(self, flt: Filter) -> None:
        """Show the shipments matching ``flt`` (a reset: new count, empty cache)."""
        if flt != self._filter:
            self._filter = flt
            self.refresh()

    def set_sort(self, sort: Sort) -> None:
        """Order the rows by ``sort`` in the database (a reset)."""
        if sort.key not in queries.SORT_COLUMNS:
            raise ValueError(f"unknown sort key {sort.key!r}")
        if sort != self._sort:
            self._sort = sort
            # the same rows in another order: the count and tonnes stay (a 1M-row SUM saved)
            self._reset(recount=self._count_error is not None)

    def refresh(self) -> None:
        """Count again and forget every cached page (after changes made elsewhere)."""
        self._reset(recount=True)

    def _reset(self, *, recount: bool) -> None:
        self.beginResetModel()
        self._generation += 1
        self._pages.clear()
        self._today = self._fixed_today or date.today()
        if recount:
            self._load_totals()
        self.endResetModel()

    @property
    def cached_pages(self) -> int:
        """How many pages the cache holds now (at most ``max_pages``)."""
        return len(self._pages)

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        # A failed count still shows one disabled row that says why.
        return 1 if self._count_error is not None else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort_key = COLUMNS[column].sort_key if 0 <= column < len(COLUMNS) else None
        if sort_key is None:
            return  # not sortable in the database; the page puts the indicator back
        self.set_sort(Sort(sort_key, descending=order == Qt.SortOrder.DescendingOrder))

    def sort_column(self) -> int | None:
        """The column whose header shows the current sort; None if no column sorts so."""
        return column_of_sort_key(self._sort.key)

    def sort_order(self) -> Qt.SortOrder:
        """The current sort direction as the header shows it."""
        if self._sort.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Never fetch here (Anki): only a page already known to have failed disables its rows.
        if self._count_error is not None or isinstance(self._cached(index.row()), _FailedPage):
            return Qt.ItemFlag.ItemNeverHasChildren
        column = index.column()
        if self._edit_handler and 0 <= column < len(COLUMNS) and COLUMNS[column].editor:
            return _EDITABLE
        return _ROW_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == _ROLE.DisplayRole and 0 <= section < self.rowCount():
                return section + 1
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        spec = COLUMNS[section]
        if role == _ROLE.DisplayRole:
            return spec.title()
        if role == _ROLE.TextAlignmentRole:
            return spec.alignment
        if role == _ROLE.ToolTipRole and spec.sort_key is None:
            return arg(
                QCoreApplication.translate("ShipmentsTableModel", "%1 (not sortable)"), spec.title()
            )
        if role == _ROLE.InitialSortOrderRole:
            # Newest dates and biggest figures first; names from A.
            if spec.alignment & Qt.AlignmentFlag.AlignRight:
                return Qt.SortOrder.DescendingOrder
            return Qt.SortOrder.AscendingOrder
        return None

    def data(self, index: _Index, role: int = _ROLE.DisplayRole) -> Any:
        # The view asks about ten roles per painted cell; half are never answered here, so
        # they return before any page lookup (a third of the paint time at 20 columns).
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        if self._count_error is not None:
            return self._placeholder_data(index, role, self._count_error)
        page = self._page(index.row() // self._page_size)
        if isinstance(page, _FailedPage):
            return self._placeholder_data(index, role, page.message)
        offset = index.row() % self._page_size
        if offset >= len(page):
            # The table shrank since it was counted (someone deleted rows): refresh shows it.
            return self._placeholder_data(
                index,
                role,
                QCoreApplication.translate(
                    "ShipmentsTableModel", "This row is gone; refresh the table."
                ),
            )
        return self._row_data(page[offset], COLUMNS[index.column()], role)

    def setData(self, index: _Index, value: Any, role: int = _ROLE.EditRole) -> bool:
        """Save an edited quick field through the edit handler (the services)."""
        if role != _ROLE.EditRole or not index.isValid() or self._edit_handler is None:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        row = self.row_at(index.row())
        kind = COLUMNS[index.column()].editor
        if row is None or kind is None:
            return False
        new = value if isinstance(value, EditValue) else EditValue(value)
        if new.value == COLUMNS[index.column()].value(row, self._today) and new.note is None:
            return False  # nothing changed: no save, no undo step
        # The handler saves, pushes the undo step and, through apply_changes, reloads the row.
        return self._edit_handler(row, kind, new)

    def set_edit_handler(self, handler: EditHandler | None) -> None:
        """Make the quick-field columns editable, saving through ``handler``."""
        self._edit_handler = handler

    def row_at(self, row: int) -> ShipmentRow | None:
        """The row's shipment if its page is loaded (loads it otherwise); None if unreadable."""
        if self._count_error is not None or not 0 <= row < self._count:
            return None
        page = self._page(row // self._page_size)
        if isinstance(page, _FailedPage) or row % self._page_size >= len(page):
            return None
        return page[row % self._page_size]

    def reload_rows(self, ids: tuple[int, ...]) -> bool:
        """Show new values of these shipments where they are cached (``dataChanged``).

        Rows stay where they are even if the sort or filter would now place them elsewhere
        (Anki does the same); a refresh puts them in order. Returns False when a shipment is
        gone or not loaded (e.g. new), so the caller resets instead.
        """
        wanted = set(ids)
        where: dict[int, list[int]] = {}
        for number, page in self._pages.items():
            if isinstance(page, _FailedPage):
                continue
            for offset, row in enumerate(page):
                if row.id in wanted:
                    where.setdefault(row.id, []).append(number * self._page_size + offset)
        if len(where) != len(wanted):
            return False  # a new shipment, or one not loaded: only a reset places it
        try:
            fresh = {r.id: r for r in queries.rows(self._db, tuple(where))}
        except UserError as error:
            _log.warning("cannot reload shipments: %s", error)
            return False
        if len(fresh) != len(where):
            return False
        for shipment_id, positions in where.items():
            for position in positions:
                page = self._pages[position // self._page_size]
                assert not isinstance(page, _FailedPage)
                page[position % self._page_size] = fresh[shipment_id]
                self.dataChanged.emit(
                    self.index(position, 0), self.index(position, len(COLUMNS) - 1)
                )
        return True

    # -- data() helpers, one per concern ----------------------------------------------------

    def _row_data(self, row: ShipmentRow, spec: ColumnSpec, role: int) -> Any:
        if role == _ROLE.DisplayRole:
            return spec.display(row, self._today)
        if role == _ROLE.TextAlignmentRole:
            return spec.alignment
        if role == _ROLE.ToolTipRole:
            return self._tooltip(row, spec)
        if role == _ROLE.DecorationRole:
            return self._decoration(row, spec)
        if role == _ROLE.ForegroundRole:
            if spec.key == "days_late" and row.days_late(self._today):
                return QBrush(late_colour())
            return None
        if role == self.RowRole:
            return row
        if role == _ROLE.EditRole:
            return spec.value(row, self._today)
        if role == self.SortRole:
            return spec.value(row, self._today)
        if role == self.DaysLateRole:
            return row.days_late(self._today)
        if role == self.EditorRole:
            return spec.editor
        return None

    def _tooltip(self, row: ShipmentRow, spec: ColumnSpec) -> str | None:
        late = row.days_late(self._today)
        if spec.key == "days_late" or (spec.key == "status" and late):
            if late:
                return QCoreApplication.translate(
                    "ShipmentsTableModel", "Late: %n day(s) past the ETA", "", late
                )
            return None
        text = spec.display(row, self._today)
        # The full text, for cells too narrow to show it.
        return text or None

    def _decoration(self, row: ShipmentRow, spec: ColumnSpec) -> QIcon | None:
        if spec.key == "status":
            return self._icons.dot(STATUS_COLOURS[row.status])
        if spec.key == "days_late" and row.days_late(self._today):
            return self._icons.standard(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def _placeholder_data(self, index: _Index, role: int, message: str) -> Any:
        first = index.column() == 0
        if role == _ROLE.DisplayRole:
            return (
                arg(
                    QCoreApplication.translate(
                        "ShipmentsTableModel", "Could not load this row: %1"
                    ),
                    message,
                )
                if first
                else ""
            )
        if role == _ROLE.ToolTipRole:
            return message
        if role == _ROLE.DecorationRole and first:
            return self._icons.standard(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == self.ErrorRole:
            return message
        return None

    # -- loading ----------------------------------------------------------------------------

    def _load_totals(self) -> None:
        try:
            self._count, self._weight_kg = queries.totals(self._db, self._filter)
            self._count_error = None
        except UserError as error:
            _log.warning("cannot count shipments: %s", error)
            self._count, self._weight_kg = 0, 0
            self._count_error = str(error)

    def _cached(self, row: int) -> _Page | None:
        return self._pages.get(row // self._page_size)

    def _page(self, number: int) -> _Page:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        started = time.perf_counter()
        try:
            page = queries.page(
                self._db,
                self._filter,
                self._sort,
                number * self._page_size,
                self._page_size,
                total=self._count,
            )
        except UserError as error:
            _log.warning("cannot load shipments page %d: %s", number, error)
            page = _FailedPage(str(error))
            # Cells of this page painted before the failure was known drew as enabled rows.
            self._schedule_repaint(number)
        _log.debug("page %d loaded in %.1f ms", number, 1000 * (time.perf_counter() - started))
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def _schedule_repaint(self, number: int) -> None:
        generation = self._generation

        def repaint() -> None:
            if generation != self._generation:
                return
            first = number * self._page_size
            last = min(first + self._page_size, self.rowCount()) - 1
            if last >= first:
                self.dataChanged.emit(
                    self.index(first, 0), self.index(last, len(COLUMNS) - 1), _PLACEHOLDER_ROLES
                )

        QTimer.singleShot(0, self, repaint)


#: Every role ``data`` answers; the others return None at once.
_ANSWERED_ROLES = frozenset(
    {
        int(_ROLE.DisplayRole),
        int(_ROLE.EditRole),
        int(_ROLE.TextAlignmentRole),
        int(_ROLE.ToolTipRole),
        int(_ROLE.DecorationRole),
        int(_ROLE.ForegroundRole),
        *(
            int(r)
            for r in (
                ShipmentsTableModel.RowRole,
                ShipmentsTableModel.SortRole,
                ShipmentsTableModel.DaysLateRole,
                ShipmentsTableModel.ErrorRole,
                ShipmentsTableModel.EditorRole,
            )
        ),
    }
)
