"""The shipments table's reads: a page here when it must be, the rest on background readers.

Three kinds of read, all through the services and tagged with the model's generation (bumped by
every reset), so results of an older filter or sort are dropped here:

* a page read on the GUI thread (the first page of a reset, a jump), without its texts: the
  table renders only the rows it paints, and the rest later on the reader (``render_later``);
* the count and tonnes of the filter on a reader of their own. A count can be put off until the
  first paint of its rows (``count(later=True)``, then ``start_count``): on two cores its query
  would otherwise compete with the paint. If nothing paints within ``TOTALS_DEFER_MS`` it starts
  anyway;
* pages ahead of the scroll on a second reader, with their texts rendered there: behind a count
  of a million rows (most of a second) they would come too late for the first scroll.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from models.services import queries
from models.services.queries import Filter, ShipmentRow, Sort
from models.services.session import Database
from ui.item_models.background import BackgroundReader, Job
from ui.item_models.row_cache import ReadPage, render_texts


class PageLoader(QObject):
    """Reads pages, counts and texts for one ``ShipmentsTableModel``."""

    #: A page read ahead has arrived: its number and the Job (``result`` a ReadPage, or error).
    page_read = Signal(int, object)
    #: Texts rendered on the reader for rows read here: page number, the rows, their texts.
    texts_rendered = Signal(int, object, object)
    #: The count and tonnes have been read: the Job (``result`` (count, kg), or ``error``).
    totals_read = Signal(object)

    #: A count put off until the first paint starts after this long if nothing paints (ms).
    TOTALS_DEFER_MS = 100

    def __init__(
        self, db: Database, page_size: int, lang: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._page_size = page_size
        self._lang = lang
        self._generation = 0
        self._filter = Filter()
        self._sort = Sort()
        self._today = date.today()
        #: Pages queued on the ahead reader for this generation.
        self._prefetching: set[int] = set()
        #: Pages whose texts are being rendered on the ahead reader for this generation.
        self._rendering: set[int] = set()
        #: A count waiting for the first paint: its key and callable.
        self._pending: tuple[Hashable, Callable[[], Any]] | None = None
        self._counts = BackgroundReader(self)
        self._counts.job_finished.connect(self._on_job_finished)
        self._ahead = BackgroundReader(self)
        self._ahead.job_finished.connect(self._on_job_finished)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(self.TOTALS_DEFER_MS)
        self._count_timer.timeout.connect(self.start_count)

    @property
    def generation(self) -> int:
        """Bumped by every reset: work tagged with an older one is stale."""
        return self._generation

    def reset(self, flt: Filter, sort: Sort, today: date) -> None:
        """Read for ``flt`` and ``sort`` from now on; nothing queued before is wanted any more."""
        self._generation += 1
        self._filter, self._sort, self._today = flt, sort, today
        self._prefetching.clear()
        self._rendering.clear()
        self._pending = None
        self._count_timer.stop()
        self._counts.forget(lambda _key: False)
        self._ahead.forget(lambda _key: False)

    # -- on this thread ---------------------------------------------------------------------

    def read(self, number: int, total: int | None) -> ReadPage:
        """Page ``number`` read here, its texts not rendered (raises UserError)."""
        rows = self._read_rows(number, total)()
        return rows, None

    # -- the count ----------------------------------------------------------------------------

    def count(self, *, later: bool) -> Job | None:
        """Count the filter's rows and tonnes on the reader: now (the Job), or ``later``."""
        db, flt = self._db, self._filter
        key, fn = ("totals", self._generation), lambda: queries.totals(db, flt)
        if later:
            self._pending = (key, fn)
            self._count_timer.start()
            return None
        return self._counts.submit(key, fn)

    def drop_count(self) -> None:
        """The count put off is not needed (the rows fit in the first page)."""
        self._pending = None
        self._count_timer.stop()

    def start_count(self) -> None:
        """Start the count put off until now (after the first paint), if there is one."""
        self._count_timer.stop()
        pending, self._pending = self._pending, None
        if pending is not None:
            self._counts.submit(*pending)

    # -- ahead of the scroll ------------------------------------------------------------------

    def prefetch(self, number: int, total: int | None) -> None:
        """Read page ``number`` and its texts on the ahead reader, unless already queued."""
        if number in self._prefetching:
            return
        self._prefetching.add(number)
        read = self._read_rows(number, total)
        today = self._today

        def read_and_render() -> ReadPage:
            rows = read()
            return rows, [render_texts(row, today) for row in rows]

        self._ahead.submit(("page", self._generation, number), read_and_render)

    def is_prefetching(self, number: int) -> bool:
        """Whether page ``number`` is queued on the ahead reader."""
        return number in self._prefetching

    def render_later(self, number: int, rows: list[ShipmentRow]) -> None:
        """Render the texts of rows read here on the ahead reader (``texts_rendered``)."""
        if number in self._rendering:
            return
        self._rendering.add(number)
        today = self._today
        # The same list comes back, so the cache can tell the page was not replaced meanwhile.
        self._ahead.submit(
            ("texts", self._generation, number),
            lambda: (rows, [render_texts(row, today) for row in rows]),
        )

    # -- waiting ------------------------------------------------------------------------------

    def wait(self, msecs: int = 10_000) -> bool:
        """Start a count put off, then block until both readers are idle (tests, benchmarks)."""
        self.start_count()
        return self._ahead.wait(msecs) and self._counts.wait(msecs)

    # -- helpers ------------------------------------------------------------------------------

    def _read_rows(self, number: int, total: int | None) -> Callable[[], list[ShipmentRow]]:
        """A Qt-widget-free read of page ``number``, for this thread or a reader."""
        db, flt, sort, size, lang = self._db, self._filter, self._sort, self._page_size, self._lang
        return lambda: queries.page(db, flt, sort, number * size, size, total=total, lang=lang)

    def _on_job_finished(self, job: Job) -> None:
        key: tuple[Any, ...] = job.key  # type: ignore[assignment]  # this loader's keys
        kind, generation = key[0], key[1]
        if generation != self._generation:
            return  # an older filter or sort: dropped
        if kind == "page":
            self._prefetching.discard(key[2])
            self.page_read.emit(key[2], job)
        elif kind == "texts":
            self._rendering.discard(key[2])
            if job.error is None and job.result is not None:
                rows, texts = job.result
                self.texts_rendered.emit(key[2], rows, texts)
        else:
            self.totals_read.emit(job)
