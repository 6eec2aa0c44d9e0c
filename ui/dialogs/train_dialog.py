"""The train view: every shipment on one train with its units, weights, status and events.

Read from ``figures.train_sheet`` (one train: tens of shipments, a few hundred units and
events). Selecting a shipment shows its wagons or containers and its events below; a
double-click opens its history; "Show in workspace" filters the shipments table to the train.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.rules.status import Status
from models.services import figures
from models.services.session import Database
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

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], right: tuple[int, ...] = ()) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c in right:
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()  # a train: a few dozen rows
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


class TrainDialog(QDialog):
    """One train's shipments, and the units and events of the one selected."""

    #: "Show in workspace": the train's Filter and a label.
    figure_clicked = Signal(object, str)
    #: A shipment's history was asked for (double-click).
    history_requested = Signal(int)

    def __init__(self, db: Database, train_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainDialog")
        with db.read() as s:
            self._sheet = figures.train_sheet(s, train_no, lang=name_language())
        sheet = self._sheet
        self.setWindowTitle(arg(self.tr("Train %1"), sheet.train_no))
        self.resize(1280, 680)

        arrived = format_tonnes_with_unit(sheet.arrived_kg) if sheet.arrived_kg is not None else "–"
        summary = QLabel(
            arg(
                self.tr("<b>Train %1</b> · %2 · net %3 t · arrived %4 · %5 wagons · %6 containers"),
                sheet.train_no,
                self.tr("%n shipment(s)", "", len(sheet.shipments)),
                format_tonnes(sheet.net_kg),
                arrived,
                format_number(sheet.wagons),
                format_number(sheet.containers),
            ),
            self,
        )
        summary.setObjectName("trainSummary")
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._shipments = _table(
            self,
            "trainShipments",
            [
                self.tr("Waybill"),
                self.tr("Commodity"),
                self.tr("Supplier"),
                self.tr("Route"),
                self.tr("Status"),
                self.tr("Wagons"),
                self.tr("Containers"),
                self.tr("Net t"),
                self.tr("Arrived t"),
                self.tr("Departure"),
                self.tr("ETA"),
                self.tr("Arrival"),
            ],
        )
        _fill(
            self._shipments,
            [
                [
                    r.waybill,
                    r.commodity,
                    r.supplier,
                    " → ".join(x for x in (r.origin, r.border, r.destination) if x),
                    status_label(Status(r.status)),
                    format_number(r.wagons),
                    format_number(r.containers),
                    format_tonnes(r.net_weight_kg),
                    format_tonnes(r.arrived_weight_kg) if r.arrived_weight_kg is not None else "",
                    format_date(r.departure_date),
                    format_date(r.eta),
                    format_date(r.arrival_date),
                ]
                for r in sheet.shipments
            ],
            right=(5, 6, 7, 8),
        )
        self._units = _table(
            self, "trainUnits", [self.tr("Kind"), self.tr("Number"), self.tr("Net t")]
        )
        self._events = _table(
            self,
            "trainEvents",
            [
                self.tr("When"),
                self.tr("Status"),
                self.tr("Station"),
                self.tr("Who"),
                self.tr("Note"),
            ],
        )
        details = QTabWidget(self)
        details.addTab(self._units, self.tr("&Wagons and containers"))
        details.addTab(self._events, self.tr("&Events"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._shipments)
        splitter.addWidget(details)
        splitter.setSizes([360, 240])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        show = QPushButton(self.tr("Show in &workspace"), self)
        show.setObjectName("trainShowInWorkspace")
        buttons.addButton(show, QDialogButtonBox.ButtonRole.ActionRole)
        history = QPushButton(self.tr("Shipment &history…"), self)
        history.setObjectName("trainHistory")
        buttons.addButton(history, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        show.clicked.connect(self._on_show_clicked)
        history.clicked.connect(self._on_history_clicked)
        self._shipments.currentCellChanged.connect(self._on_shipments_current_cell_changed)
        self._shipments.cellDoubleClicked.connect(lambda _r, _c: self._on_history_clicked())

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        if sheet.shipments:
            self._shipments.setCurrentCell(0, 0)

    def sheet(self) -> figures.TrainSheet:
        """The train's figures as read."""
        return self._sheet

    def table(self, name: str) -> QTableWidget:
        """trainShipments, trainUnits or trainEvents."""
        found = self.findChild(QTableWidget, name)
        assert found is not None, name
        return found

    def _current_id(self) -> int | None:
        r = self._shipments.currentRow()
        return self._sheet.shipments[r].id if 0 <= r < len(self._sheet.shipments) else None

    def _on_shipments_current_cell_changed(self, row: int, *_rest: int) -> None:
        if not 0 <= row < len(self._sheet.shipments):
            return
        sid = self._sheet.shipments[row].id
        _fill(
            self._units,
            [
                [
                    self.tr("Container") if u.kind == "container" else self.tr("Wagon"),
                    u.number,
                    format_tonnes(u.net_kg) if u.net_kg is not None else "",
                ]
                for u in self._sheet.units
                if u.shipment_id == sid
            ],
            right=(2,),
        )
        _fill(
            self._events,
            [
                [
                    format_datetime(e.occurred_at),
                    status_label(Status(e.status)),
                    e.station or "",
                    e.user,
                    e.note or "",
                ]
                for e in self._sheet.events
                if e.shipment_id == sid
            ],
        )

    def _on_show_clicked(self) -> None:
        self.figure_clicked.emit(self._sheet.filter, arg(self.tr("train %1"), self._sheet.train_no))

    def _on_history_clicked(self) -> None:
        sid = self._current_id()
        if sid is not None:
            self.history_requested.emit(sid)
