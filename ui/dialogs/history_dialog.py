"""A shipment's history: its status events, ETA revisions, weight changes and audit trail.

Everything comes from ``services.shipments.events`` and ``audit_trail`` (one shipment's rows,
a few dozen at most, so it is read at once). Audit values are stored as the service wrote them
(ids, ISO dates, kilograms); this dialog turns them into names, local dates and tonnes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.rules.status import Status
from models.services import reference, shipments
from models.services.session import Database
from ui.i18n import arg, format_date, format_tonnes, status_label
from ui.item_models.formats import format_datetime

#: The translation context of field names.
CONTEXT = "ShipmentFields"

#: Field names as the audit trail stores them → what the user reads.
FIELD_LABELS: dict[str, str] = {
    "waybill": QT_TRANSLATE_NOOP("ShipmentFields", "Waybill"),
    "train_no": QT_TRANSLATE_NOOP("ShipmentFields", "Train"),
    "commodity_id": QT_TRANSLATE_NOOP("ShipmentFields", "Commodity"),
    "supplier_id": QT_TRANSLATE_NOOP("ShipmentFields", "Supplier"),
    "consignee_id": QT_TRANSLATE_NOOP("ShipmentFields", "Consignee"),
    "origin_station_id": QT_TRANSLATE_NOOP("ShipmentFields", "Origin"),
    "border_station_id": QT_TRANSLATE_NOOP("ShipmentFields", "Border"),
    "destination_station_id": QT_TRANSLATE_NOOP("ShipmentFields", "Destination"),
    "contract_id": QT_TRANSLATE_NOOP("ShipmentFields", "Contract"),
    "planned_departure": QT_TRANSLATE_NOOP("ShipmentFields", "Planned departure"),
    "departure_date": QT_TRANSLATE_NOOP("ShipmentFields", "Departure"),
    "eta": QT_TRANSLATE_NOOP("ShipmentFields", "ETA"),
    "arrival_date": QT_TRANSLATE_NOOP("ShipmentFields", "Arrival"),
    "status": QT_TRANSLATE_NOOP("ShipmentFields", "Status"),
    "net_weight_kg": QT_TRANSLATE_NOOP("ShipmentFields", "Net weight (t)"),
    "arrived_weight_kg": QT_TRANSLATE_NOOP("ShipmentFields", "Arrived weight (t)"),
    "weight_note": QT_TRANSLATE_NOOP("ShipmentFields", "Weight note"),
    "wagons": QT_TRANSLATE_NOOP("ShipmentFields", "Wagons"),
    "containers": QT_TRANSLATE_NOOP("ShipmentFields", "Containers"),
    "notes": QT_TRANSLATE_NOOP("ShipmentFields", "Notes"),
    "units": QT_TRANSLATE_NOOP("ShipmentFields", "Wagons and containers"),
}

#: Audit actions → what the user reads.
ACTION_LABELS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("ShipmentFields", "Created"),
    "update": QT_TRANSLATE_NOOP("ShipmentFields", "Edited"),
    "delete": QT_TRANSLATE_NOOP("ShipmentFields", "Deleted"),
    "status": QT_TRANSLATE_NOOP("ShipmentFields", "Status change"),
    "eta": QT_TRANSLATE_NOOP("ShipmentFields", "ETA revised"),
    "weight": QT_TRANSLATE_NOOP("ShipmentFields", "Arrived weight"),
    "undo": QT_TRANSLATE_NOOP("ShipmentFields", "Undone"),
}

_WEIGHT_FIELDS = ("net_weight_kg", "arrived_weight_kg")


def field_label(name: str) -> str:
    """A stored field name in the user's language (unknown names as they are)."""
    return QCoreApplication.translate(CONTEXT, FIELD_LABELS[name]) if name in FIELD_LABELS else name


def action_label(name: str) -> str:
    """An audit action in the user's language."""
    return QCoreApplication.translate(CONTEXT, ACTION_LABELS.get(name, name))


class ValueNames:
    """Turns stored audit values (ids, ISO dates, kg) into what the user reads."""

    def __init__(self, db: Database) -> None:
        self.stations = {s.id: s.name for s in reference.stations(db)}
        self.commodities = {c.id: c.name for c in reference.commodities(db)}
        self.parties = {p.id: p.name for p in reference.counterparties(db)}
        self.contracts = {c.id: c.number for c in reference.contracts(db)}

    def text(self, field: str, value: Any) -> str:
        """The value of ``field`` as shown ("" for none)."""
        if value is None or value == "":
            return ""
        if field.endswith("_station_id"):
            return self.stations.get(value, str(value))
        lookups = {
            "commodity_id": self.commodities,
            "supplier_id": self.parties,
            "consignee_id": self.parties,
            "contract_id": self.contracts,
        }
        if field in lookups:
            return lookups[field].get(value, str(value))
        if field in _WEIGHT_FIELDS and isinstance(value, int):
            return format_tonnes(value)
        if field == "status":
            try:
                return status_label(Status(value))
            except ValueError:
                return str(value)
        if field == "units" and isinstance(value, list):
            return HistoryDialog.tr("%n unit(s)", "", len(value))
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            try:
                return format_date(date.fromisoformat(value))
            except ValueError:
                return value
        return str(value)


def _item(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(
    parent: QWidget, name: str, headers: Sequence[str], rows: list[list[str]]
) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.setItem(r, c, _item(text))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few rows only
    header.setStretchLastSection(True)
    return table


def _when(value: datetime | None) -> str:
    return format_datetime(value)


class HistoryDialog(QDialog):
    """Events, ETA revisions, weight changes and the full audit trail of one shipment."""

    def __init__(self, db: Database, shipment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        detail = shipments.get(db, shipment_id)
        names = ValueNames(db)
        self.setWindowTitle(arg(self.tr("History of %1"), detail.waybill))
        self.resize(900, 560)

        summary = QLabel(
            arg(
                self.tr("<b>%1</b> · train %2 · %3 · %4 → %5 · now: %6"),
                detail.waybill,
                detail.train_no,
                names.text("commodity_id", detail.commodity_id),
                names.text("origin_station_id", detail.origin_station_id),
                names.text("destination_station_id", detail.destination_station_id),
                status_label(detail.status),
            ),
            self,
        )
        summary.setObjectName("historySummary")
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        events = shipments.events(db, shipment_id)
        trail = shipments.audit_trail(db, shipment_id)
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("historyTabs")
        self._tabs.addTab(self._events_table(events, names), self.tr("&Events"))
        self._tabs.addTab(self._eta_table(trail, names), self.tr("ETA &revisions"))
        self._tabs.addTab(self._weight_table(trail, names), self.tr("&Weight changes"))
        self._tabs.addTab(self._audit_table(trail, names), self.tr("&Audit trail"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self._tabs, 1)
        layout.addWidget(buttons)

    def tabs(self) -> QTabWidget:
        """The four tables, as tabs."""
        return self._tabs

    def table(self, name: str) -> QTableWidget:
        """One table by object name: historyEvents, historyEta, historyWeights, historyAudit."""
        found = self.findChild(QTableWidget, name)
        assert found is not None, name
        return found

    # -- tables -----------------------------------------------------------------------------

    def _events_table(self, events: list[dict[str, Any]], names: ValueNames) -> QTableWidget:
        rows = [
            [
                _when(e["at"]),
                status_label(e["status"]),
                names.text("origin_station_id", e["station_id"]),
                e["user"] or "",
                e["note"] or "",
            ]
            for e in events
        ]
        headers = [
            self.tr("When"),
            self.tr("Status"),
            self.tr("Station"),
            self.tr("Who"),
            self.tr("Note"),
        ]
        return _table(self, "historyEvents", headers, rows)

    def _changes_of(
        self, trail: list[dict[str, Any]], fields: Sequence[str] | None, names: ValueNames
    ) -> list[list[str]]:
        rows = []
        for entry in trail:
            changes = entry["changes"] or {}
            for field, pair in changes.items():
                if fields is not None and field not in fields:
                    continue
                old, new = pair if isinstance(pair, list | tuple) else (None, pair)
                rows.append(
                    [
                        _when(entry["at"]),
                        entry["user"] or "",
                        action_label(entry["action"]),
                        field_label(field),
                        names.text(field, old),
                        names.text(field, new),
                        entry["reason"] or "",
                    ]
                )
        return rows

    def _headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Who"),
            self.tr("Change"),
            self.tr("Field"),
            self.tr("Old"),
            self.tr("New"),
            self.tr("Reason"),
        ]

    def _eta_table(self, trail: list[dict[str, Any]], names: ValueNames) -> QTableWidget:
        rows = self._changes_of(trail, ("eta",), names)
        return _table(self, "historyEta", self._headers(), rows)

    def _weight_table(self, trail: list[dict[str, Any]], names: ValueNames) -> QTableWidget:
        rows = self._changes_of(trail, (*_WEIGHT_FIELDS, "weight_note"), names)
        return _table(self, "historyWeights", self._headers(), rows)

    def _audit_table(self, trail: list[dict[str, Any]], names: ValueNames) -> QTableWidget:
        rows = self._changes_of(trail, None, names)
        return _table(self, "historyAudit", self._headers(), rows)
