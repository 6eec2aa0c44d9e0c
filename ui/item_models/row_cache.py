"""The shipments table's render cache: pages of rows and each row's painted cells.

Lives on the GUI thread. A page is the list of ``ShipmentRow`` the service returned (or a
``FailedPage`` saying why it could not be read); the most recent ``max_pages`` pages are kept and
the least recently used goes first. Next to each page, one rendered entry per row: the cells'
texts (made where the page was read, on the reader for pages read ahead) together with the
icons, brushes and alignments its state shares with every row of that status, so a paint is a
tuple lookup. A row of a page read on the GUI thread is rendered when first painted, and the rest
of such a page later, on the reader (``fill``).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import QStyle

from models.services.queries import ShipmentRow
from ui.item_models.appearance import STATUS_COLOURS, IconCache, late_colour
from ui.item_models.columns import COLUMNS, ColumnSpec


@dataclass(frozen=True)
class FailedPage:
    """A page whose rows could not be loaded; kept in the cache so it is not retried per cell."""

    message: str


Page = list[ShipmentRow] | FailedPage
#: A row's painted cells: (texts, icons, brushes, alignments), one entry per column.
Cells = tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]
#: A page as a reader hands it over: its rows and each row's cell texts (None: not rendered).
ReadPage = tuple[list[ShipmentRow], list[tuple[str, ...]] | None]

_DISPLAYS = tuple(spec.display for spec in COLUMNS)
ALIGNMENTS = tuple(spec.alignment for spec in COLUMNS)
#: The same as plain ints, for multiData: a QVariant of a Python enum costs six times as much.
SPAN_ALIGNMENTS = tuple(int(spec.alignment.value) for spec in COLUMNS)


def render_texts(row: ShipmentRow, today: date) -> tuple[str, ...]:
    """The texts of a row's cells in column order (runs on the reader thread too).

    QLocale formatting and QCoreApplication.translate are thread-safe.
    """
    return tuple(display(row, today) for display in _DISPLAYS)


class RowCache:
    """Pages of rows and their rendered cells, least recently used dropped first."""

    def __init__(self, page_size: int, max_pages: int, today: date) -> None:
        self.page_size = page_size
        self.max_pages = max_pages
        #: The day "late" is judged against (set again by every reset).
        self.today = today
        self.pages: OrderedDict[int, Page] = OrderedDict()
        #: Rendered cells per cached page, one per row; None until rendered.
        self.cells: dict[int, list[Cells | None]] = {}
        #: The cached pages that failed (while there are any, flags() looks the row up).
        self.failed: set[int] = set()
        self._icons = IconCache()
        #: Icons and brushes per (status, late) of a row, shared by every such row.
        self._styles: dict[tuple[Any, bool], tuple[tuple[Any, ...], tuple[Any, ...]]] = {}

    def __len__(self) -> int:
        return len(self.pages)

    def clear(self) -> None:
        """Forget every page (and the styles: the palette may have changed, light/dark)."""
        self.pages.clear()
        self.cells.clear()
        self.failed.clear()
        self._styles.clear()

    def get(self, number: int) -> Page | None:
        """The cached page ``number`` (now the most recently used), or None."""
        page = self.pages.get(number)
        if page is not None:
            self.pages.move_to_end(number)
        return page

    def touch(self, number: int) -> None:
        """Mark page ``number`` as just used, if cached."""
        if number in self.pages:
            self.pages.move_to_end(number)

    def store(self, number: int, read: FailedPage | ReadPage) -> None:
        """Keep a page just read (texts rendered or not), dropping the oldest beyond the bound."""
        if isinstance(read, FailedPage):
            self.pages[number] = read
            self.cells.pop(number, None)
            self.failed.add(number)
        else:
            rows, texts = read
            self.pages[number] = rows
            self.cells[number] = (
                [None] * len(rows)
                if texts is None
                else [self.cell(r, t) for r, t in zip(rows, texts, strict=True)]
            )
            self.failed.discard(number)
        while len(self.pages) > self.max_pages:
            dropped, _ = self.pages.popitem(last=False)
            self.cells.pop(dropped, None)
            self.failed.discard(dropped)

    def fill(self, number: int, rows: list[ShipmentRow], texts: list[tuple[str, ...]]) -> None:
        """Render the rows of page ``number`` not painted yet from texts made on the reader.

        Ignored when the page was dropped or replaced since (``rows`` is not the cached list).
        """
        cells = self.cells.get(number)
        if cells is None or self.pages.get(number) is not rows:
            return
        for offset, (row, text) in enumerate(zip(rows, texts, strict=True)):
            if cells[offset] is None:
                cells[offset] = self.cell(row, text)

    def unrendered(self, number: int) -> list[ShipmentRow] | None:
        """The rows of cached page ``number`` if some of them are not rendered yet."""
        cells = self.cells.get(number)
        page = self.pages.get(number)
        if cells is None or isinstance(page, FailedPage) or page is None:
            return None
        return page if any(c is None for c in cells) else None

    def render(self, number: int, offset: int) -> Cells:
        """Render a row now (a page read on the GUI thread: only its rows on screen)."""
        page = self.pages[number]
        assert not isinstance(page, FailedPage)
        row = page[offset]
        rendered = self.cells[number][offset] = self.cell(row, render_texts(row, self.today))
        return rendered

    def replace(self, number: int, offset: int, row: ShipmentRow) -> None:
        """Put a reloaded row in place (rendered again if it was rendered)."""
        page = self.pages[number]
        assert not isinstance(page, FailedPage)
        page[offset] = row
        cells = self.cells.get(number)
        if cells is not None:
            cells[offset] = self.cell(row, render_texts(row, self.today))

    def drop_from(self, first_row: int) -> None:
        """Forget the pages at or past row ``first_row`` (the table shrank)."""
        for number in [n for n in self.pages if n * self.page_size >= first_row]:
            del self.pages[number]
            self.cells.pop(number, None)
            self.failed.discard(number)

    # -- a row's look -----------------------------------------------------------------------

    def cell(self, row: ShipmentRow, texts: tuple[str, ...]) -> Cells:
        """A row's painted cells: its texts, and the icons and colours its state shares."""
        key = (row.status, row.days_late(self.today) > 0)
        style = self._styles.get(key)
        if style is None:
            # Icons and brushes are made here, on the GUI thread (a QPixmap must be).
            style = self._styles[key] = (
                tuple(self.decoration(row, spec) for spec in COLUMNS),
                tuple(self.foreground(row, spec) for spec in COLUMNS),
            )
        return (texts, style[0], style[1], ALIGNMENTS)

    def foreground(self, row: ShipmentRow, spec: ColumnSpec) -> QBrush | None:
        """The text colour of a cell (the days-late figure of a late row), or None."""
        if spec.key == "days_late" and row.days_late(self.today):
            return QBrush(late_colour())
        return None

    def decoration(self, row: ShipmentRow, spec: ColumnSpec) -> QIcon | None:
        """The icon of a cell: the status dot, the late warning; None elsewhere."""
        if spec.key == "status":
            return self._icons.dot(STATUS_COLOURS[row.status])
        if spec.key == "days_late" and row.days_late(self.today):
            return self._icons.standard(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def warning_icon(self) -> QIcon | None:
        """The icon of a placeholder row."""
        return self._icons.standard(QStyle.StandardPixmap.SP_MessageBoxWarning)
