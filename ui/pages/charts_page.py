"""The charts page: arrivals by month, tonnes by route and supplier, contracts, transit times.

One tab per chart over one period (from – to). A chart reads its figures on a worker thread
(``ui.tasks``) when its tab is shown and the period or the data changed since it was drawn, so
only the chart on screen costs anything. Clicking a bar emits ``figure_clicked`` with the bar's
``Filter``; "Save chart…" writes the chart on screen as PNG or SVG.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.services import figures
from models.services.session import Database
from ui.charts.bar_chart import BarChart
from ui.charts.figure_charts import (
    ChartData,
    contract_chart,
    group_chart,
    monthly_chart,
    transit_chart,
)
from ui.i18n import arg, format_date, name_language
from ui.tasks import TaskRunner


@dataclass(frozen=True)
class Period:
    """The days a chart covers, and how to name it and the year before."""

    first: date
    last: date

    def previous(self) -> Period:
        """The same days a year earlier."""
        return Period(_year_back(self.first), _year_back(self.last))


def _year_back(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def default_period(today: date) -> Period:
    """The last twelve whole months and this one so far."""
    first = date(today.year - 1, today.month, 1)
    if today.month == 12:
        first = date(today.year, 1, 1)
    return Period(first, today)


# -- loaders: Qt-free, run on the worker -------------------------------------------------------


def load_monthly(db: Database, period: Period, lang: str) -> list[Any]:
    """Monthly arrivals by commodity."""
    with db.read() as s:
        return figures.monthly_arrived(s, period.first, period.last, lang=lang)


def load_by(db: Database, dimension: str, period: Period, lang: str) -> list[Any]:
    """Tonnes by route, supplier, commodity or destination."""
    with db.read() as s:
        return figures.tonnage_by(s, dimension, period.first, period.last, lang=lang)


def load_contracts(db: Database, period: Period, lang: str) -> list[Any]:
    """Contract fulfilment for contracts running in the period."""
    with db.read() as s:
        return figures.contract_fulfilment(s, period.first, period.last, lang=lang)


def load_transit(db: Database, period: Period, lang: str) -> list[Any]:
    """Transit days per route for shipments that arrived in the period."""
    with db.read() as s:
        return figures.transit_times(s, period.first, period.last, lang=lang)


class ChartTab(QWidget):
    """One chart, its loader and a note line under it."""

    def __init__(
        self,
        name: str,
        title: str,
        load: Callable[[Database, Period, str], list[Any]],
        build: Callable[[list[Any], Period], ChartData],
        parent: QWidget | None = None,
        *,
        horizontal: bool = False,
        value_label: str = "",
        category_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = title
        self.load = load
        self.build = build
        self.chart = BarChart(
            self, horizontal=horizontal, value_label=value_label, category_label=category_label
        )
        self.chart.setObjectName(name + "Chart")
        self.note = QLabel(self)
        self.note.setObjectName(name + "Note")
        self.note.setWordWrap(True)
        self.figures: list[Any] = []
        self.drawn_for: tuple[Period, int] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.note)

    def show_figures(self, figs: list[Any], period: Period) -> None:
        """Draw the chart from freshly read figures."""
        self.figures = figs
        data = self.build(figs, period)
        self.chart.set_data(
            data.series,
            data.bars,
            data.ticks,
            empty_text=self.tr("No shipments arrived in this period."),
        )
        for position, colour, text in data.markers:
            self.chart.add_marker(position, colour, text)
        self.note.setText(data.note)
        self.note.setVisible(bool(data.note))


class ChartsPage(QWidget):
    """Tabs of charts over a chosen period; bars open their shipments."""

    #: A bar was clicked: its Filter and a short label.
    figure_clicked = Signal(object, str)
    #: A chart finished drawing (its tab's object name).
    refreshed = Signal(str)

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._runner = TaskRunner(self)
        self._generation = 0  # bumped by every data change: charts drawn before are stale
        self._running: str | None = None
        period = default_period(today or date.today())

        self._first = self._date_edit("chartsFrom", period.first)
        self._last = self._date_edit("chartsTo", period.last)
        self._save = QPushButton(self.tr("&Save chart…"), self)
        self._save.setObjectName("chartsSave")
        self._save.setToolTip(self.tr("Save the chart on screen as PNG or SVG"))
        self._save.clicked.connect(self._on_save_clicked)
        self._state = QLabel(self)
        self._state.setObjectName("chartsState")

        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("chartsTabs")
        tonnes = self.tr("tonnes")
        for tab in (
            ChartTab(
                "monthly",
                self.tr("Arrived by month"),
                load_monthly,
                lambda figs, p: monthly_chart(figs, p.first, p.last),
                self,
                value_label=tonnes,
            ),
            ChartTab(
                "byRoute",
                self.tr("By route"),
                lambda db, p, lang: load_by(db, "route", p, lang),
                self._group_builder,
                self,
                horizontal=True,
                value_label=tonnes,
            ),
            ChartTab(
                "bySupplier",
                self.tr("By supplier"),
                lambda db, p, lang: load_by(db, "supplier", p, lang),
                self._group_builder,
                self,
                horizontal=True,
                value_label=tonnes,
            ),
            ChartTab(
                "contracts",
                self.tr("Contracts"),
                load_contracts,
                lambda figs, _p: contract_chart(figs),
                self,
                horizontal=True,
                value_label=tonnes,
            ),
            ChartTab(
                "transit",
                self.tr("Transit time"),
                load_transit,
                lambda figs, _p: transit_chart(figs),
                self,
                value_label=self.tr("shipments"),
                category_label=self.tr("days from departure to arrival"),
            ),
        ):
            self._tabs.addTab(tab, tab.title)
            tab.chart.bar_clicked.connect(self._on_chart_bar_clicked)
        self._tabs.currentChanged.connect(self._on_tabs_current_changed)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Arrived from"), self))
        top.addWidget(self._first)
        top.addWidget(QLabel(self.tr("to"), self))
        top.addWidget(self._last)
        top.addStretch(1)
        top.addWidget(self._state)
        top.addWidget(self._save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self._tabs, 1)

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.dateChanged.connect(self._on_period_changed)
        return edit

    # -- public -----------------------------------------------------------------------------

    def tabs(self) -> QTabWidget:
        """The chart tabs."""
        return self._tabs

    def chart_tab(self, name: str) -> ChartTab:
        """monthly, byRoute, bySupplier, contracts or transit."""
        for i in range(self._tabs.count()):
            tab = self._tabs.widget(i)
            if isinstance(tab, ChartTab) and tab.objectName() == name:
                return tab
        raise KeyError(name)

    def show_chart(self, name: str) -> ChartTab:
        """Bring a chart to the front (draws it if needed)."""
        tab = self.chart_tab(name)
        self._tabs.setCurrentWidget(tab)
        self.refresh()
        return tab

    def period(self) -> Period:
        """The days the charts cover."""
        first, last = self._first.date(), self._last.date()
        a = date(first.year(), first.month(), first.day())
        b = date(last.year(), last.month(), last.day())
        return Period(min(a, b), max(a, b))

    def set_period(self, period: Period) -> None:
        """Cover these days (redraws the chart on screen)."""
        for edit, day in ((self._first, period.first), (self._last, period.last)):
            blocked = edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(blocked)
        self._on_period_changed()

    def refresh(self) -> None:
        """Draw the chart on screen if its figures are older than the period or the data."""
        tab = self._tabs.currentWidget()
        if not isinstance(tab, ChartTab) or self._running is not None:
            return
        period = self.period()
        if tab.drawn_for == (period, self._generation):
            return
        self._running = tab.objectName()
        self._state.setText(self.tr("Reading the figures…"))
        db, lang, generation = self._db, name_language(), self._generation

        def done(figs: list[Any]) -> None:
            self._running = None
            self._state.setText(
                arg(self.tr("%1 – %2"), format_date(period.first), format_date(period.last))
            )
            tab.show_figures(figs, period)
            tab.drawn_for = (period, generation)
            self.refreshed.emit(tab.objectName())
            # the period, the data or the tab may have changed meanwhile; a new task is
            # never started from inside a completion handler
            QTimer.singleShot(0, self.refresh)

        def failed(error: BaseException) -> None:
            self._running = None
            self._state.setText(arg(self.tr("Cannot read the figures: %1"), str(error)))
            tab.drawn_for = (period, generation)  # do not retry in a loop
            self.refreshed.emit(tab.objectName())

        self._runner.run(lambda **_t: tab.load(db, period, lang), on_done=done, on_error=failed)

    def on_data_changed(self) -> None:
        """Data changed: every chart is stale; the one on screen is drawn again."""
        self._generation += 1
        if self.isVisible():
            self.refresh()

    def save_chart(self, path: str) -> None:
        """Write the chart on screen to ``path`` (.svg or .png)."""
        tab = self._tabs.currentWidget()
        assert isinstance(tab, ChartTab)
        tab.chart.save(path)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the worker is idle (tests)."""
        return self._runner.wait(msecs)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    # -- helpers ----------------------------------------------------------------------------

    def _group_builder(self, figs: list[Any], period: Period) -> ChartData:
        before = period.previous()
        return group_chart(figs, self._period_label(period), self._period_label(before))

    def _period_label(self, period: Period) -> str:
        return arg(self.tr("%1 – %2"), format_date(period.first), format_date(period.last))

    # -- slots ------------------------------------------------------------------------------

    def _on_period_changed(self, *_args: object) -> None:
        if self.isVisible():
            self.refresh()

    def _on_tabs_current_changed(self, _index: int) -> None:
        self.refresh()

    def _on_chart_bar_clicked(self, bar: Any) -> None:
        self.figure_clicked.emit(bar.filter, bar.label)

    def _on_save_clicked(self) -> None:
        tab = self._tabs.currentWidget()
        if not isinstance(tab, ChartTab):
            return
        stem = f"railgrain-{tab.objectName()}-{self.period().last.isoformat()}"
        path, _kind = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart"),
            stem + ".png",
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if path:
            self.save_chart(path)
