"""The dashboard: what is where, what is late, what arrives this week, how good the predictions are.

Every number comes from ``models.services.figures`` (GROUP BY in the database, the same
functions the CLI and the printed reports use). The figures are read on a worker thread
(``ui.tasks``) so the window never waits; a refresh asked for while one runs is folded into one
more run afterwards. The page refreshes itself on ``MainWindow.data_changed``, at once when it
is on screen, else when it is next shown. Every tile and row carries the ``Filter`` of its
shipments; clicking emits ``figure_clicked`` and the window opens the workspace filtered to
exactly those.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.rules.status import Status
from models.services import figures, queries
from models.services.session import Database
from ui.charts.palette import series_colour
from ui.i18n import (
    arg,
    format_date,
    format_number,
    format_tonnes,
    format_tonnes_with_unit,
    name_language,
    status_label,
)
from ui.item_models.formats import format_datetime
from ui.pages.dashboard_widgets import FigureTable, FigureTile, Row
from ui.tasks import TaskRunner

#: Late and stuck lists show at most this many rows (the tiles count them all).
LIST_LIMIT = 200
#: A border stop longer than this many days is "stuck" (DOMAIN.md: worth flagging).
STUCK_DAYS = 3
#: Days ahead for "expected arrivals".
ARRIVAL_DAYS = 7
#: Milliseconds to wait after a change before refreshing (bulk edits send several).
REFRESH_DELAY_MS = 150

#: Status → Okabe–Ito colour index for the tiles' accent bars.
_STATUS_COLOURS = {
    Status.PLANNED: 7,
    Status.LOADING: 3,
    Status.IN_TRANSIT: 1,
    Status.AT_BORDER: 0,
    Status.CUSTOMS: 6,
    Status.ARRIVED: 2,
    Status.UNLOADED: 4,
    Status.CANCELLED: 5,
}


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard shows: the headline figures and the slower lists."""

    as_of: date
    #: Read in the first pass: status tiles, ageing tiles, late list, arrivals.
    statuses: list[Any] = field(default_factory=list)
    buckets: list[Any] = field(default_factory=list)
    late: list[Any] = field(default_factory=list)
    arrivals: list[Any] = field(default_factory=list)
    stuck_filter: queries.Filter | None = None
    #: Read in the second pass: stuck at the border, predictions, their accuracy.
    stuck: list[Any] = field(default_factory=list)
    predicted_late: list[Any] = field(default_factory=list)
    accuracy: list[Any] = field(default_factory=list)

    def late_filter(self) -> queries.Filter | None:
        """Every late shipment: the ageing buckets' filters without their lower ETA limit."""
        if not self.buckets:
            return None
        return replace(self.buckets[0].filter, eta_from=None)


def load_dashboard(
    db: Database,
    as_of: date,
    lang: str = "en",
    *,
    headline: bool = True,
    details: bool = True,
    today: date | None = None,
    **_task: Any,
) -> DashboardData:
    """Read the dashboard's figures in one read transaction (Qt-free: runs on the worker).

    ``headline`` reads the quick figures (summary tables and the ``(status, eta)`` index),
    ``details`` the slower lists (border stops, predictions and their accuracy), so the page
    can show the first while the second is still being read. Predictions are made only when
    ``as_of`` is ``today`` (None: the real today) or later.
    """
    data = DashboardData(as_of)
    with db.read() as s:
        if headline:
            data = replace(
                data,
                statuses=figures.status_totals(s, as_of),
                buckets=figures.ageing_buckets(s, as_of),
                late=figures.late_shipments(s, as_of, limit=LIST_LIMIT, lang=lang),
                arrivals=figures.expected_arrivals(s, as_of, days=ARRIVAL_DAYS, lang=lang),
                stuck_filter=figures.stuck_filter(s, as_of, STUCK_DAYS),
            )
        if details:
            data = replace(
                data,
                stuck=figures.stuck_at_border(s, as_of, min_days=STUCK_DAYS, lang=lang),
                # Predictions are made for the open shipments of today, never replayed.
                predicted_late=(
                    _predicted_late(s, as_of) if as_of >= (today or date.today()) else []
                ),
                accuracy=figures.prediction_accuracy(s, as_of, lang=lang),
            )
    return data


@dataclass(frozen=True)
class PredictedRow:
    """An open shipment whose predicted arrival is after its supplier ETA."""

    shipment_id: int
    waybill: str
    train_no: str
    eta: date | None
    predicted: date
    p80: date
    late_by_prediction: bool


def _predicted_late(session: Any, as_of: date) -> list[PredictedRow]:
    """The shipments the prediction says will be late, most days over their ETA first."""
    flagged = figures.predicted_late(session, as_of, limit=LIST_LIMIT)
    rows = {r.id: r for r in queries.rows_by_id(session, [p.shipment_id for p in flagged])}
    return [
        PredictedRow(
            p.shipment_id,
            rows[p.shipment_id].waybill,
            rows[p.shipment_id].train_no,
            p.eta,
            p.predicted,
            p.p80,
            p.late_by_prediction,
        )
        for p in flagged
        if p.shipment_id in rows
    ]


class DashboardPage(QWidget):
    """Tiles and tables of today's figures; every one opens its shipments."""

    #: A figure was clicked: its Filter and a short label naming it.
    figure_clicked = Signal(object, str)
    #: The user asked for a train's view (train number).
    train_requested = Signal(str)
    #: The user asked for a shipment's history (shipment id).
    history_requested = Signal(int)
    #: A refresh finished and the figures on screen are new.
    refreshed = Signal()
    #: The first pass of a refresh is on screen (tiles, late list, arrivals).
    headline_refreshed = Signal()

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._runner = TaskRunner(self)  # its own worker: never queued behind a long import
        self._running = False
        self._pending = False
        self._stale = True
        self._errors: list[str] = []
        self._passes = 0
        self._data: DashboardData | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

        self._as_of = QDateEdit(self)
        self._as_of.setObjectName("dashboardAsOf")
        self._as_of.setCalendarPopup(True)
        self._as_of.setDate(self._qdate(self._day()))
        self._as_of.dateChanged.connect(self._on_as_of_date_changed)
        self._today_button = QPushButton(self.tr("&Today"), self)
        self._today_button.setObjectName("dashboardToday")
        self._today_button.clicked.connect(self._on_today_clicked)
        self._state = QLabel(self)
        self._state.setObjectName("dashboardState")

        self._status_tiles = {s: FigureTile("status_" + s.value, self) for s in Status}
        self._bucket_tiles: list[FigureTile] = [FigureTile(f"bucket_{i}", self) for i in range(4)]
        self._late_tile = FigureTile("lateAll", self)
        self._stuck_tile = FigureTile("stuckAll", self)
        for i, tile in enumerate(self._bucket_tiles):
            tile.set_accent(series_colour((0, 5, 6, 4)[i]))
        self._late_tile.set_accent(series_colour(5))
        self._stuck_tile.set_accent(series_colour(0))
        for status, tile in self._status_tiles.items():
            tile.set_accent(series_colour(_STATUS_COLOURS[status]))

        self._late = FigureTable(
            "lateList",
            self.tr("Late shipments (ETA passed, not arrived)"),
            [
                self.tr("Waybill"),
                self.tr("Train"),
                self.tr("Commodity"),
                self.tr("ETA"),
                self.tr("Days late"),
                self.tr("Last station"),
                self.tr("Last event"),
                self.tr("Predicted"),
            ],
            self,
        )
        self._stuck = FigureTable(
            "stuckList",
            arg(self.tr("Stuck at a border station more than %1 days"), STUCK_DAYS),
            [
                self.tr("Waybill"),
                self.tr("Train"),
                self.tr("Commodity"),
                self.tr("Station"),
                self.tr("Days"),
                self.tr("Since"),
            ],
            self,
        )
        self._arrivals = FigureTable(
            "arrivalsList",
            arg(self.tr("Expected arrivals in the next %1 days"), ARRIVAL_DAYS),
            [self.tr("Destination"), self.tr("Shipments"), self.tr("Tonnes")],
            self,
            stretch=0,
        )
        self._predicted = FigureTable(
            "predictedList",
            self.tr("Predicted arrival vs supplier ETA (⚠ predicted late)"),
            [
                self.tr("Waybill"),
                self.tr("Train"),
                self.tr("Supplier ETA"),
                self.tr("Predicted"),
                self.tr("80 % by"),
                self.tr("Days over"),
            ],
            self,
        )
        self._accuracy = FigureTable(
            "accuracyList",
            self.tr("How good past predictions were"),
            [self.tr("Route"), self.tr("Median error (days)"), self.tr("Shipments")],
            self,
            stretch=0,
        )
        for table in self._tables():
            table.figure_clicked.connect(self.figure_clicked)
            table.table().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.table().customContextMenuRequested.connect(
                lambda pos, t=table: self._on_table_context_menu(t, pos)
            )
        for tile in self.tiles():
            tile.figure_clicked.connect(self.figure_clicked)
        self._layout_page()

    # -- layout -----------------------------------------------------------------------------

    def _layout_page(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("As of:"), self))
        top.addWidget(self._as_of)
        top.addWidget(self._today_button)
        top.addStretch(1)
        top.addWidget(self._state)

        statuses = QGroupBox(self.tr("Shipments and tonnes by status"), self)
        row = QHBoxLayout(statuses)
        for tile in self._status_tiles.values():
            row.addWidget(tile)

        late_box = QGroupBox(self.tr("Late shipments by days late"), self)
        late_row = QHBoxLayout(late_box)
        late_row.addWidget(self._late_tile)
        for tile in self._bucket_tiles:
            late_row.addWidget(tile)
        late_row.addSpacing(16)
        late_row.addWidget(self._stuck_tile)

        grid = QGridLayout()
        grid.addWidget(self._late, 0, 0, 1, 2)
        grid.addWidget(self._stuck, 0, 2)
        grid.addWidget(self._arrivals, 1, 0)
        grid.addWidget(self._predicted, 1, 1)
        grid.addWidget(self._accuracy, 1, 2)
        grid.setColumnStretch(0, 2)  # arrivals: a few short rows
        grid.setColumnStretch(1, 5)  # predictions: six columns of dates and numbers
        grid.setColumnStretch(2, 4)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)

        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.addLayout(top)
        inner.addWidget(statuses)
        inner.addWidget(late_box)
        inner.addLayout(grid, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _tables(self) -> list[FigureTable]:
        return [self._late, self._stuck, self._arrivals, self._predicted, self._accuracy]

    # -- public -----------------------------------------------------------------------------

    def tiles(self) -> list[FigureTile]:
        """Every clickable tile: statuses, all late, ageing buckets, stuck."""
        return [
            *self._status_tiles.values(),
            self._late_tile,
            *self._bucket_tiles,
            self._stuck_tile,
        ]

    def status_tile(self, status: Status) -> FigureTile:
        """The tile of one status."""
        return self._status_tiles[status]

    def bucket_tiles(self) -> list[FigureTile]:
        """The ageing tiles: 1–3, 4–7, 8–14, over 14 days late."""
        return list(self._bucket_tiles)

    def table(self, name: str) -> FigureTable:
        """lateList, stuckList, arrivalsList, predictedList or accuracyList."""
        return {t.objectName(): t for t in self._tables()}[name]

    def data(self) -> DashboardData | None:
        """The figures on screen (None before the first refresh)."""
        return self._data

    def as_of(self) -> date:
        """The day the figures are for."""
        qd = self._as_of.date()
        return date(qd.year(), qd.month(), qd.day())

    def set_as_of(self, day: date) -> None:
        """Show the figures as of ``day`` (refreshes)."""
        self._as_of.setDate(self._qdate(day))

    def is_refreshing(self) -> bool:
        """Whether figures are being read now."""
        return self._running

    def refresh(self) -> None:
        """Read the figures again on the worker (one more run if one is under way).

        Two passes on the page's worker, queued together: the headline figures show as soon
        as they are read, the slower lists when they follow.
        """
        self._timer.stop()
        if self._running:
            self._pending = True
            return
        self._running = True
        self._pending = False
        self._stale = False
        self._errors = []
        self._passes = 2
        self._state.setText(self.tr("Refreshing…"))
        as_of, lang, db, day = self.as_of(), name_language(), self._db, self._day()
        self._runner.run(
            lambda **task: load_dashboard(db, as_of, lang, details=False, today=day, **task),
            on_done=self._on_headline_loaded,
            on_error=self._on_failed,
        )
        self._runner.run(
            lambda **task: load_dashboard(db, as_of, lang, headline=False, today=day, **task),
            on_done=self._on_details_loaded,
            on_error=self._on_failed,
        )

    def on_data_changed(self) -> None:
        """Data changed somewhere: refresh soon if on screen, else when next shown."""
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the worker is idle (tests, shutdown)."""
        return self._runner.wait(msecs)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- filling ----------------------------------------------------------------------------

    def _on_headline_loaded(self, data: DashboardData) -> None:
        self._data = data
        self._fill_headline(data)
        self.headline_refreshed.emit()
        self._pass_done(data.as_of)

    def _on_details_loaded(self, data: DashboardData) -> None:
        if self._data is not None and self._data.as_of == data.as_of:
            self._data = replace(
                self._data,
                stuck=data.stuck,
                predicted_late=data.predicted_late,
                accuracy=data.accuracy,
            )
        self._fill_details(data)
        self._pass_done(data.as_of)

    def _on_failed(self, error: BaseException) -> None:
        self._errors.append(str(error))
        self._pass_done(None)

    def _pass_done(self, as_of: date | None) -> None:
        self._passes -= 1
        if self._passes > 0:
            return
        self._running = False
        if self._errors:
            self._state.setText(arg(self.tr("Cannot read the figures: %1"), self._errors[0]))
        else:
            now = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
            self._state.setText(arg(self.tr("Updated %1"), now))
        if self._pending or (as_of is not None and as_of != self.as_of()):
            QTimer.singleShot(0, self.refresh)  # never a new task from a completion handler
        else:
            self.refreshed.emit()

    def _fill_headline(self, data: DashboardData) -> None:
        for figure in data.statuses:
            status = Status(figure.status)
            self._status_tiles[status].set_figure(
                status_label(status),
                self._count(figure.shipments),
                format_tonnes_with_unit(figure.net_kg),
                figure.filter if figure.shipments else None,
                status_label(status),
            )
        for tile, bucket in zip(self._bucket_tiles, data.buckets, strict=False):
            title = (
                arg(self.tr("%1–%2 days late"), bucket.first_day, bucket.last_day)
                if bucket.last_day is not None
                else arg(self.tr("over %1 days late"), bucket.first_day - 1)
            )
            tile.set_figure(
                title,
                self._count(bucket.shipments),
                format_tonnes_with_unit(bucket.net_kg),
                bucket.filter if bucket.shipments else None,
            )
        late_n = sum(b.shipments for b in data.buckets)
        late_kg = sum(b.net_kg for b in data.buckets)
        self._late_tile.set_figure(
            self.tr("All late"),
            self._count(late_n),
            format_tonnes_with_unit(late_kg),
            data.late_filter() if late_n else None,
        )
        self._late.set_rows([self._late_row(r) for r in data.late])
        self._arrivals.set_rows(
            [
                Row(
                    (a.station, format_number(a.shipments), format_tonnes(a.net_kg)),
                    a.filter,
                    arg(self.tr("arriving at %1"), a.station),
                    right=(1, 2),
                )
                for a in data.arrivals
            ]
        )

    def _fill_details(self, data: DashboardData) -> None:
        longest = max((r.days_late for r in data.stuck), default=0)
        stuck_filter = self._data.stuck_filter if self._data is not None else None
        self._stuck_tile.set_figure(
            arg(self.tr("At a border > %1 days"), STUCK_DAYS),
            self._count(len(data.stuck)),
            arg(self.tr("longest: %1 days"), format_number(longest)),
            stuck_filter if data.stuck else None,
        )
        self._stuck.set_rows([self._stuck_row(r) for r in data.stuck[:LIST_LIMIT]])
        self._predicted.setTitle(
            self.tr("Predicted arrival vs supplier ETA (⚠ predicted late)")
            if data.as_of >= self._day()
            else self.tr("Predicted arrival vs supplier ETA: made for today only")
        )
        self._predicted.set_rows([self._predicted_row(p) for p in data.predicted_late])
        self._accuracy.set_rows([self._accuracy_row(a) for a in data.accuracy])

    def _shipment_filter(self, waybill: str) -> queries.Filter:
        return queries.Filter(text=waybill)

    def _late_row(self, r: Any) -> Row:
        return Row(
            (
                r.waybill,
                r.train_no,
                r.commodity,
                format_date(r.eta),
                format_number(r.days_late),
                r.last_station or "",
                format_datetime(r.last_event_at),
                format_date(r.predicted_arrival),
            ),
            getattr(r, "filter", None) or self._shipment_filter(r.waybill),
            r.waybill,
            shipment_id=r.id,
            train_no=r.train_no,
            right=(4,),
        )

    def _stuck_row(self, r: Any) -> Row:
        return Row(
            (
                r.waybill,
                r.train_no,
                r.commodity,
                r.last_station or "",
                format_number(r.days_late),
                format_datetime(r.last_event_at),
            ),
            getattr(r, "filter", None) or self._shipment_filter(r.waybill),
            r.waybill,
            shipment_id=r.id,
            train_no=r.train_no,
            right=(4,),
        )

    def _predicted_row(self, p: Any) -> Row:
        over = (p.predicted - p.eta).days if p.eta is not None else 0
        return Row(
            (
                p.waybill,
                p.train_no,
                format_date(p.eta),
                format_date(p.predicted),
                format_date(p.p80),
                format_number(over),
            ),
            getattr(p, "filter", None) or self._shipment_filter(p.waybill),
            p.waybill,
            shipment_id=p.shipment_id,
            train_no=p.train_no,
            right=(5,),
            flagged=bool(p.late_by_prediction),
        )

    def _accuracy_row(self, a: Any) -> Row:
        route, median, n = (a.route, a.median_error_days, a.shipments) if hasattr(a, "route") else a
        text = QLocale().toString(float(median), "f", 1) if median is not None else "–"
        return Row((route, text, format_number(n)), getattr(a, "filter", None), route, right=(1, 2))

    # -- helpers ----------------------------------------------------------------------------

    def _count(self, n: int) -> str:
        return self.tr("%Ln shipment(s)", "", n)

    def _day(self) -> date:
        return self._today or date.today()

    @staticmethod
    def _qdate(day: date) -> QDate:
        return QDate(day.year, day.month, day.day)

    # -- slots ------------------------------------------------------------------------------

    def _on_as_of_date_changed(self, _qd: QDate) -> None:
        self.refresh()

    def _on_today_clicked(self) -> None:
        self.set_as_of(date.today() if self._today is None else self._today)

    def _on_table_context_menu(self, table: FigureTable, pos: Any) -> None:
        row = table.current_row()
        if row is None:
            return
        menu = QMenu(self)
        if row.filter is not None:
            show = menu.addAction(self.tr("Show in the &workspace"))
            show.triggered.connect(lambda: self.figure_clicked.emit(row.filter, row.label))
        if row.train_no:
            train = menu.addAction(self.tr("Show the &train"))
            train.triggered.connect(lambda: self.train_requested.emit(row.train_no))
        if row.shipment_id is not None:
            history = menu.addAction(self.tr("Shipment &history"))
            history.triggered.connect(lambda: self.history_requested.emit(row.shipment_id))
        if not menu.isEmpty():
            menu.popup(table.table().viewport().mapToGlobal(pos))
