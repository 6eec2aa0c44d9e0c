"""The model behind the shipments page's QTableView: a window onto any number of shipments.

Family (c) of STYLE.md: ``rowCount()`` is the service's count for the current filter, cached
until the filter or sort changes; ``data()`` loads the page of ``PAGE_SIZE`` rows around the row
asked for through ``queries.page`` and keeps the most recent ``MAX_PAGES`` pages. Sorting is an
ORDER BY in the database. A page that cannot be loaded shows as disabled placeholder rows.

Rows paint before they are counted: a reset reads only the first page on the GUI thread, and
the count and tonnes run on a background reader once those rows have painted (``PageLoader``);
the first page's rows (or, on a refresh, the old count) stand until the count arrives, and then
rows are added or removed at the end (``totals_changed``).

Scrolling is a lookup (``RowCache``): after each paint that entered another page, the reader
reads the next ``PREFETCH_AHEAD`` pages in the scroll direction (and one behind) and formats
their cells' texts there, so the GUI thread only attaches the icons and colours shared by every
row of a status. ``multiData`` answers the delegate's roles of a cell in one call from those
rendered cells. A page read on the GUI thread (the first, a jump) renders each row when it is
first painted, so only the rows on screen cost anything, and the rest of it on the reader.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from models.errors import UserError
from models.services import queries
from models.services.queries import Filter, ShipmentRow, Sort
from models.services.session import Database
from ui.i18n import arg, name_language
from ui.item_models.appearance import LATE_COLOUR, STATUS_COLOURS
from ui.item_models.background import Job
from ui.item_models.columns import COLUMNS, ColumnSpec, column_of_sort_key
from ui.item_models.edits import EditValue
from ui.item_models.page_loader import PageLoader
from ui.item_models.row_cache import (
    SPAN_ALIGNMENTS,
    Cells,
    FailedPage,
    Page,
    ReadPage,
    RowCache,
    render_texts,
)

__all__ = [
    "LATE_COLOUR",
    "STATUS_COLOURS",
    "EditHandler",
    "ShipmentsTableModel",
    "render_texts",
]

#: Saves an edited cell: (the row as loaded, the editor kind, the new value) → accepted?
EditHandler = Callable[[ShipmentRow, str, EditValue], bool]

_log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

# Built once: flags() runs for every painted cell, and Python enum "|" is slow.
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_EDITABLE = _ROW_FLAGS | Qt.ItemFlag.ItemIsEditable
_DISABLED = Qt.ItemFlag.ItemNeverHasChildren
_ROLE = Qt.ItemDataRole
_COLUMNS = len(COLUMNS)

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
    #: How long a reset waits for the count before showing the first rows without it (ms).
    #: 0: the first paint waits for nothing but the first page (the count starts after it).
    TOTALS_WAIT_MS = 0
    #: Pages read ahead in the direction the user scrolls (and one behind).
    PREFETCH_AHEAD = 2

    #: The count and tonnes of the current filter are known now (or failed: count_error).
    totals_changed = Signal()

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
        totals_wait_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._page_size = page_size or self.PAGE_SIZE
        self._totals_wait = (
            self.TOTALS_WAIT_MS if totals_wait_ms is None else totals_wait_ms
        ) / 1000
        self._db = db
        #: The language of station and goods names (read once: the locale is set at start).
        self._lang = name_language()
        self._filter = flt
        self._sort = sort
        self._fixed_today = today
        self._cache = RowCache(self._page_size, max_pages or self.MAX_PAGES, today or date.today())
        self._count = 0
        self._weight_kg = 0
        self._count_error: str | None = None
        self._edit_handler: EditHandler | None = None
        #: The page last painted from, and the one before it (the scroll direction).
        self._current_page = -1
        self._previous_page = -1
        #: +1 while the user scrolls down, -1 up: which way pages are read ahead.
        self._direction = 1
        #: Flags per column (rebuilt when editing is switched on or off).
        self._column_flags = tuple(_ROW_FLAGS for _ in COLUMNS)
        #: Whether the work after a paint (count, read-ahead) is queued.
        self._after_paint_queued = False
        #: True while the count of the current generation is still running.
        self._counting = False
        self._loader = PageLoader(db, self._page_size, self._lang, self)
        self._loader.page_read.connect(self._on_loader_page_read)
        self._loader.texts_rendered.connect(self._on_loader_texts_rendered)
        self._loader.totals_read.connect(self._on_loader_totals_read)
        self._loader.reset(flt, sort, self._cache.today)
        self._start_totals(keep_count=False)

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

    def is_counting(self) -> bool:
        """Whether the count and tonnes are still being worked out (``totals_changed`` follows)."""
        return self._counting

    def wait_for_background(self, msecs: int = 10_000) -> bool:
        """Block until the background reads have run (shutdown, tests, benchmarks).

        A count put off until the first paint starts now. Results still arrive through
        queued signals: process events afterwards.
        """
        return self._loader.wait(msecs)

    def set_filter(self, flt: Filter) -> None:
        """Show the shipments matching ``flt`` (a reset: new count, empty cache)."""
        if flt != self._filter:
            self._filter = flt
            self._reset(recount=True, keep_count=False)

    def set_sort(self, sort: Sort) -> None:
        """Order the rows by ``sort`` in the database (a reset)."""
        if sort.key not in queries.SORT_COLUMNS:
            raise ValueError(f"unknown sort key {sort.key!r}")
        if sort != self._sort:
            self._sort = sort
            # the same rows in another order: the count and tonnes stay (a 1M-row SUM saved)
            self._reset(recount=self._count_error is not None)

    def refresh(self) -> None:
        """Count again and forget every cached page (after changes made elsewhere).

        Until the new count arrives the old one stands, so the view keeps its place.
        """
        self._reset(recount=True, keep_count=True)

    def _reset(self, *, recount: bool, keep_count: bool = True) -> None:
        self.beginResetModel()
        self._cache.clear()
        self._cache.today = self._fixed_today or date.today()
        self._current_page = self._previous_page = -1
        self._loader.reset(self._filter, self._sort, self._cache.today)
        if recount:
            self._start_totals(keep_count=keep_count)
        elif self._counting:
            self._loader.count(later=True)  # the count under way was dropped with the rest
        self.endResetModel()
        if recount and not self._counting:
            self.totals_changed.emit()

    @property
    def cached_pages(self) -> int:
        """How many pages the cache holds now (at most ``max_pages``)."""
        return len(self._cache)

    @property
    def _pages(self) -> OrderedDict[int, Page]:
        """The cached pages by number (for tests)."""
        return self._cache.pages

    @property
    def _cells(self) -> dict[int, list[Cells | None]]:
        """The rendered cells of the cached pages (for tests)."""
        return self._cache.cells

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        # A failed count still shows one disabled row that says why.
        return self._count if self._count_error is None else 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

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
        # Never fetch here (Anki): only a page already known to have failed disables its rows.
        # Asked for every painted cell, so the usual answer is one tuple lookup.
        column = index.column()
        if not 0 <= column < _COLUMNS:
            return Qt.ItemFlag.NoItemFlags if not index.isValid() else _ROW_FLAGS
        if self._count_error is not None or (
            self._cache.failed and (index.row() // self._page_size) in self._cache.failed
        ):
            return _DISABLED
        return self._column_flags[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole
    ) -> Any:
        # The header asks for every role of every section on each paint: most return here.
        if role not in _HEADER_ROLES:
            return None
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
        column = index.column()
        if not 0 <= column < _COLUMNS:
            return None
        number, offset = divmod(index.row(), self._page_size)
        cells = self._cache.cells.get(number)
        if cells is None or offset >= len(cells):
            # Not loaded yet, unreadable, or gone.
            if self._count_error is not None:
                return self._placeholder_data(index, role, self._count_error)
            page = self._page(number)
            if isinstance(page, FailedPage):
                return self._placeholder_data(index, role, page.message)
            if offset >= len(page):
                # The table shrank since it was counted (someone deleted rows): refresh shows it.
                return self._placeholder_data(
                    index,
                    role,
                    QCoreApplication.translate(
                        "ShipmentsTableModel", "This row is gone; refresh the table."
                    ),
                )
            cells = self._cache.cells[number]
        if number != self._current_page:
            self._enter(number)
        rendered = cells[offset] or self._cache.render(number, offset)
        slot = _PAINT_SLOTS.get(role)
        if slot is not None:
            return rendered[slot][column]
        page = self._cache.pages[number]
        assert not isinstance(page, FailedPage)
        if role == _ROLE.ToolTipRole:
            return self._tooltip(page[offset], COLUMNS[column], rendered[0][column])
        return self._row_data(page[offset], COLUMNS[column], role)

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N803
        # Qt 6's delegate asks for seven roles per painted cell in this one call (the default
        # calls data() seven times). A loaded row answers from its rendered cells; anything
        # else (a page not read yet, a placeholder row) goes through data() role by role.
        number, offset = divmod(index.row(), self._page_size)
        cells = self._cache.cells.get(number)
        column = index.column()
        if cells is None or offset >= len(cells) or not 0 <= column < _COLUMNS:
            for item in roleDataSpan:
                value = self.data(index, item.role())
                if value is None:
                    item.clearData()
                else:
                    item.setData(value)
            return
        if number != self._current_page:
            self._enter(number)
        rendered = cells[offset] or self._cache.render(number, offset)
        if len(roleDataSpan) == _DELEGATE_SPAN_LENGTH:
            # The delegate's span, the same roles in the same order for every cell: set the
            # four answered by position (font, check state, background are never set here, so
            # they are never stale). Checked role by role, so any other span of seven is safe.
            alignment, foreground = roleDataSpan[1], roleDataSpan[2]
            decoration, display = roleDataSpan[4], roleDataSpan[5]
            if (
                alignment.role() == _ALIGNMENT
                and foreground.role() == _FOREGROUND
                and decoration.role() == _DECORATION
                and display.role() == _DISPLAY
            ):
                alignment.setData(SPAN_ALIGNMENTS[column])
                display.setData(rendered[0][column])
                value = rendered[1][column]
                decoration.clearData() if value is None else decoration.setData(value)
                value = rendered[2][column]
                foreground.clearData() if value is None else foreground.setData(value)
                return
        left = len(_SPAN_SLOTS)  # each item costs a wrapper: stop once the paint roles are set
        for item in roleDataSpan:
            role = item.role()
            slot = _SPAN_SLOTS.get(role)
            if slot is not None:
                value = rendered[slot][column] if slot < 3 else SPAN_ALIGNMENTS[column]
                left -= 1
            elif role in _ANSWERED_ROLES:
                value = self.data(index, role)
            else:
                continue  # font, background, check state: never set here, so never stale
            # The delegate reuses the span from cell to cell: an unanswered role is cleared.
            if value is None:
                item.clearData()
            else:
                item.setData(value)
            if not left:
                break

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
        if new.value == COLUMNS[index.column()].value(row, self._cache.today) and new.note is None:
            return False  # nothing changed: no save, no undo step
        # The handler saves, pushes the undo step and, through apply_changes, reloads the row.
        return self._edit_handler(row, kind, new)

    def set_edit_handler(self, handler: EditHandler | None) -> None:
        """Make the quick-field columns editable, saving through ``handler``."""
        self._edit_handler = handler
        self._column_flags = tuple(
            _EDITABLE if handler is not None and spec.editor else _ROW_FLAGS for spec in COLUMNS
        )

    def row_at(self, row: int) -> ShipmentRow | None:
        """The row's shipment if its page is loaded (loads it otherwise); None if unreadable."""
        if self._count_error is not None or not 0 <= row < self._count:
            return None
        page = self._page(row // self._page_size)
        if isinstance(page, FailedPage) or row % self._page_size >= len(page):
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
        for number, page in self._cache.pages.items():
            if isinstance(page, FailedPage):
                continue
            for offset, row in enumerate(page):
                if row.id in wanted:
                    where.setdefault(row.id, []).append(number * self._page_size + offset)
        if len(where) != len(wanted):
            return False  # a new shipment, or one not loaded: only a reset places it
        try:
            fresh = {r.id: r for r in queries.rows(self._db, tuple(where), self._lang)}
        except UserError as error:
            _log.warning("cannot reload shipments: %s", error)
            return False
        if len(fresh) != len(where):
            return False
        for shipment_id, positions in where.items():
            for position in positions:
                number, offset = divmod(position, self._page_size)
                self._cache.replace(number, offset, fresh[shipment_id])
                self.dataChanged.emit(
                    self.index(position, 0), self.index(position, len(COLUMNS) - 1)
                )
        return True

    # -- data() helpers, one per concern ----------------------------------------------------

    def _row_data(self, row: ShipmentRow, spec: ColumnSpec, role: int) -> Any:
        today = self._cache.today
        if role == _ROLE.DisplayRole:
            return spec.display(row, today)
        if role == _ROLE.TextAlignmentRole:
            return spec.alignment
        if role == _ROLE.ToolTipRole:
            return self._tooltip(row, spec, spec.display(row, today))
        if role == _ROLE.DecorationRole:
            return self._cache.decoration(row, spec)
        if role == _ROLE.ForegroundRole:
            return self._cache.foreground(row, spec)
        if role == self.RowRole:
            return row
        if role == _ROLE.EditRole:
            return spec.value(row, today)
        if role == self.SortRole:
            return spec.value(row, today)
        if role == self.DaysLateRole:
            return row.days_late(today)
        if role == self.EditorRole:
            return spec.editor
        return None

    def _tooltip(self, row: ShipmentRow, spec: ColumnSpec, text: str) -> str | None:
        late = row.days_late(self._cache.today)
        if spec.key == "days_late" or (spec.key == "status" and late):
            if late:
                # self.tr, not translate(): lupdate marks plurals only in tr() calls.
                return self.tr("Late: %n day(s) past the ETA", "", late)
            return None
        # The full text, for cells too narrow to show it.
        return text or None

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
            return self._cache.warning_icon()
        if role == self.ErrorRole:
            return message
        return None

    # -- loading ----------------------------------------------------------------------------

    def _start_totals(self, *, keep_count: bool) -> None:
        """Count on the reader while the first page loads here (see the module docstring)."""
        previous = self._count if keep_count and self._count_error is None else None
        self._counting = True
        self._count_error = None
        waits = self._totals_wait > 0
        # Not waited for: the count starts after the first rows painted (or soon anyway).
        job = self._loader.count(later=not waits)
        first = self._page(0)
        if job is not None and job.wait(self._totals_wait):
            self._take_totals(job)
        elif not isinstance(first, FailedPage) and len(first) < self._page_size:
            # The whole filter fits in the first page: it is its own count.
            self._loader.drop_count()
            self._counting = False
            self._count = len(first)
            self._weight_kg = sum(r.net_weight_kg for r in first)
        elif previous is not None:
            self._count = previous  # a refresh: the view keeps its place meanwhile
        else:
            self._count = 0 if isinstance(first, FailedPage) else len(first)

    def _take_totals(self, job: Job) -> None:
        self._counting = False
        if job.error is None:
            self._count, self._weight_kg = job.result
            return
        if not isinstance(job.error, UserError):
            raise job.error  # a bug: the excepthook shows it
        _log.warning("cannot count shipments: %s", job.error)
        self._count, self._weight_kg = 0, 0
        self._count_error = str(job.error)

    def _on_loader_page_read(self, number: int, job: Job) -> None:
        if job.error is None and job.result is not None and number not in self._cache.pages:
            self._cache.store(number, job.result)

    def _on_loader_texts_rendered(
        self, number: int, rows: list[ShipmentRow], texts: list[tuple[str, ...]]
    ) -> None:
        self._cache.fill(number, rows, texts)

    def _on_loader_totals_read(self, job: Job) -> None:
        if not self._counting:
            return  # already waited for and taken
        before = self._count
        self._take_totals(job)
        if self._count_error is not None:
            self.beginResetModel()
            self._cache.clear()
            self.endResetModel()
        elif self._count > before:
            self._count, after = before, self._count
            self.beginInsertRows(QModelIndex(), before, after - 1)
            self._count = after
            self.endInsertRows()
        elif self._count < before:
            self._count, after = before, self._count
            self.beginRemoveRows(QModelIndex(), after, before - 1)
            self._count = after
            self._cache.drop_from(after)
            self.endRemoveRows()
        self.totals_changed.emit()

    def _page(self, number: int) -> Page:
        page = self._cache.get(number)
        if page is not None:
            return page
        # Here only when the reader has not brought it yet: the first page of a reset, a jump.
        started = time.perf_counter()
        read: FailedPage | ReadPage
        try:
            read = self._loader.read(number, None if self._counting else self._count)
        except UserError as error:
            _log.warning("cannot load shipments page %d: %s", number, error)
            read = FailedPage(str(error))
            # Cells of this page painted before the failure was known drew as enabled rows.
            self._schedule_repaint(number)
        _log.debug("page %d loaded in %.1f ms", number, 1000 * (time.perf_counter() - started))
        self._cache.store(number, read)
        return self._cache.pages[number]

    def _enter(self, number: int) -> None:
        """The view paints from page ``number`` now: keep it cached and read on ahead."""
        if number != self._previous_page:  # not a screen that straddles two pages
            self._direction = 1 if number >= self._current_page else -1
        self._previous_page, self._current_page = self._current_page, number
        self._cache.touch(number)
        if not self._after_paint_queued:
            # After this paint: the reader's Python work would otherwise share the GIL with it.
            self._after_paint_queued = True
            QTimer.singleShot(0, self, self._after_paint)

    def _after_paint(self) -> None:
        self._after_paint_queued = False
        self._loader.start_count()  # put off until the first rows were on screen
        number, step = self._current_page, self._direction
        if number < 0:
            return  # reset since the paint
        # Keep room in the cache for the page on screen and the one behind it.
        ahead = min(self.PREFETCH_AHEAD, max(0, self._cache.max_pages - 2))
        rows = self._cache.unrendered(number)
        if rows is not None:
            self._loader.render_later(number, rows)  # the rows of it not painted yet
        for distance in range(1, ahead + 1):
            self._prefetch(number + step * distance)
        self._prefetch(number - step)

    def _prefetch(self, number: int) -> None:
        """Read a page on the reader, so scrolling on finds it loaded and rendered."""
        if number < 0:
            return
        # While counting, the first page was full (else it is its own count): read on.
        if not self._counting and number * self._page_size >= max(self._count, self._page_size):
            return
        if number in self._cache.pages or self._loader.is_prefetching(number):
            return
        self._loader.prefetch(number, None if self._counting else self._count)

    def _schedule_repaint(self, number: int) -> None:
        generation = self._loader.generation

        def repaint() -> None:
            if generation != self._loader.generation:
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

#: The roles ``headerData`` answers.
_HEADER_ROLES = frozenset(
    int(r)
    for r in (
        _ROLE.DisplayRole,
        _ROLE.TextAlignmentRole,
        _ROLE.ToolTipRole,
        _ROLE.InitialSortOrderRole,
    )
)

#: The roles a paint asks for, answered from a row's rendered cells: role → slot in Cells.
_PAINT_SLOTS = {
    int(_ROLE.DisplayRole): 0,
    int(_ROLE.DecorationRole): 1,
    int(_ROLE.ForegroundRole): 2,
    int(_ROLE.TextAlignmentRole): 3,
}
#: multiData's slots: display, decoration, foreground from the cells; 3: the alignment.
_SPAN_SLOTS = {**_PAINT_SLOTS, int(_ROLE.TextAlignmentRole): 3}
#: QStyledItemDelegate's span: font, alignment, foreground, check state, decoration, display,
#: background — in that order (Qt 6).
_DELEGATE_SPAN_LENGTH = 7
_DISPLAY = int(_ROLE.DisplayRole)
_ALIGNMENT = int(_ROLE.TextAlignmentRole)
_FOREGROUND = int(_ROLE.ForegroundRole)
_DECORATION = int(_ROLE.DecorationRole)
