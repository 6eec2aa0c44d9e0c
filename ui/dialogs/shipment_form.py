"""The fields of the shipment form: editors, their inline messages, and reading/writing values.

``ShipmentForm`` knows nothing about saving; ``ShipmentDialog`` drives it. Reference lists are
loaded once per form (they are small) and every picker accepts any name or code.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.rules.plausibility import check_shipment, check_train_weight
from models.rules.status import Status
from models.services import reference
from models.services.session import Database
from models.services.shipments import ShipmentInput
from ui.i18n import format_date, format_tonnes, status_label
from ui.warning_texts import warning_text
from ui.widgets.completers import (
    ReferencePicker,
    commodity_choices,
    contract_choices,
    counterparty_choices,
    station_choices,
)
from ui.widgets.fields import FieldMessage, OptionalDateEdit, TonnesEdit, with_message
from ui.widgets.units_editor import UnitsEditor

#: Field name → its label, in form order (also the order of a conflict's differences).
LABELS: dict[str, str] = {
    "waybill": QT_TRANSLATE_NOOP("ShipmentForm", "&Waybill:"),
    "train_no": QT_TRANSLATE_NOOP("ShipmentForm", "&Train:"),
    "status": QT_TRANSLATE_NOOP("ShipmentForm", "Stat&us:"),
    "commodity_id": QT_TRANSLATE_NOOP("ShipmentForm", "&Goods:"),
    "supplier_id": QT_TRANSLATE_NOOP("ShipmentForm", "&Supplier:"),
    "consignee_id": QT_TRANSLATE_NOOP("ShipmentForm", "&Consignee:"),
    "contract_id": QT_TRANSLATE_NOOP("ShipmentForm", "Co&ntract:"),
    "origin_station_id": QT_TRANSLATE_NOOP("ShipmentForm", "&Origin:"),
    "border_station_id": QT_TRANSLATE_NOOP("ShipmentForm", "&Border:"),
    "destination_station_id": QT_TRANSLATE_NOOP("ShipmentForm", "&Destination:"),
    "planned_departure": QT_TRANSLATE_NOOP("ShipmentForm", "&Planned departure:"),
    "departure_date": QT_TRANSLATE_NOOP("ShipmentForm", "Dep&arted:"),
    "eta": QT_TRANSLATE_NOOP("ShipmentForm", "&ETA:"),
    "arrival_date": QT_TRANSLATE_NOOP("ShipmentForm", "Arr&ived:"),
    "net_weight_kg": QT_TRANSLATE_NOOP("ShipmentForm", "Net &weight, t:"),
    "arrived_weight_kg": QT_TRANSLATE_NOOP("ShipmentForm", "Arrived wei&ght, t:"),
    "weight_note": QT_TRANSLATE_NOOP("ShipmentForm", "Weight note:"),
    "wagons": QT_TRANSLATE_NOOP("ShipmentForm", "Wagons:"),
    "containers": QT_TRANSLATE_NOOP("ShipmentForm", "Containers:"),
    "notes": QT_TRANSLATE_NOOP("ShipmentForm", "Notes:"),
    "units": QT_TRANSLATE_NOOP("ShipmentForm", "Wagons and containers"),
}

_PICKERS = (
    "commodity_id",
    "supplier_id",
    "consignee_id",
    "contract_id",
    "origin_station_id",
    "border_station_id",
    "destination_station_id",
)
_REQUIRED = {"commodity_id", "supplier_id", "consignee_id", "origin_station_id"}
_REQUIRED |= {"destination_station_id"}
_DATES = ("planned_departure", "departure_date", "eta", "arrival_date")
#: Where a plausibility warning's field is shown.
_WARNING_FIELDS = {"arrival": "arrival_date", "eta": "eta", "train": "net_weight_kg"}


def label_text(field: str) -> str:
    """The translated label of a field, without the mnemonic and colon."""
    text = QCoreApplication.translate("ShipmentForm", LABELS[field])
    return text.replace("&", "").rstrip(":").rstrip("：")


class ShipmentForm(QWidget):
    """Every field of ShipmentInput, each with a message line under it."""

    #: Any value changed.
    edited = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        stations = station_choices(reference.stations(db))
        parties = counterparty_choices(reference.counterparties(db))
        choices = {
            "commodity_id": commodity_choices(reference.commodities(db)),
            "supplier_id": parties,
            "consignee_id": parties,
            "contract_id": contract_choices(reference.contracts(db)),
            "origin_station_id": stations,
            "border_station_id": stations,
            "destination_station_id": stations,
        }
        for name in _PICKERS:
            picker = ReferencePicker(choices[name], self)
            picker.setMinimumWidth(picker.fontMetrics().horizontalAdvance("M") * 22)
            picker.textChanged.connect(self.edited)
            self.editors[name] = picker
        self.waybill = QLineEdit(self)
        self.waybill.setMaxLength(32)
        self.train_no = QLineEdit(self)
        self.train_no.setMaxLength(32)
        self.status = QComboBox(self)
        for status in Status:
            self.status.addItem(status_label(status), status)
        for name in _DATES:
            edit = OptionalDateEdit(self)
            edit.dateChanged.connect(self.edited)
            self.editors[name] = edit
        self.net_weight = TonnesEdit(self)
        self.arrived_weight = TonnesEdit(self)
        self.weight_note = QLineEdit(self)
        self.wagons = QSpinBox(self)
        self.containers = QSpinBox(self)
        for spin in (self.wagons, self.containers):
            spin.setRange(0, 999)
            spin.valueChanged.connect(self.edited)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().height() * 3 + 12)
        self.units = UnitsEditor(self)
        self.units.changed.connect(self._on_units_changed)
        for edit in (self.waybill, self.train_no, self.weight_note):
            edit.textChanged.connect(self.edited)
        for spin in (self.net_weight, self.arrived_weight):
            spin.valueChanged.connect(self.edited)
        self.status.currentIndexChanged.connect(self.edited)
        self.editors |= {
            "waybill": self.waybill,
            "train_no": self.train_no,
            "status": self.status,
            "net_weight_kg": self.net_weight,
            "arrived_weight_kg": self.arrived_weight,
            "weight_note": self.weight_note,
            "wagons": self.wagons,
            "containers": self.containers,
            "notes": self.notes,
            "units": self.units,
        }
        self._lay_out()
        self.set_values(None)

    def picker(self, field: str) -> ReferencePicker:
        """The picker of a reference field such as "origin_station_id"."""
        editor = self.editors[field]
        assert isinstance(editor, ReferencePicker)
        return editor

    def date_edit(self, field: str) -> OptionalDateEdit:
        """The editor of a date field such as "eta"."""
        editor = self.editors[field]
        assert isinstance(editor, OptionalDateEdit)
        return editor

    def _row(self, form: QFormLayout, field: str) -> None:
        message = FieldMessage(self)
        self.messages[field] = message
        label = QLabel(QCoreApplication.translate("ShipmentForm", LABELS[field]), self)
        label.setBuddy(self.editors[field])
        form.addRow(label, with_message(self.editors[field], message))

    def _lay_out(self) -> None:
        columns = (
            ("waybill", "train_no", "status", "commodity_id", "supplier_id", "consignee_id",
             "contract_id"),
            ("origin_station_id", "border_station_id", "destination_station_id",
             "planned_departure", "departure_date", "eta", "arrival_date"),
            ("net_weight_kg", "arrived_weight_kg", "weight_note", "wagons", "containers", "notes"),
        )  # fmt: skip
        grid = QGridLayout()
        for col, fields in enumerate(columns):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for field in fields:
                self._row(form, field)
            grid.addLayout(form, 0, col)
        box = QGroupBox(self.tr("Wagons and containers"), self)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.units)
        self.messages["units"] = FieldMessage(self)
        box_layout.addWidget(self.messages["units"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(box)
        layout.addStretch(1)
        self._order = [f for fields in columns for f in fields]

    def focus_chain(self) -> list[QWidget]:
        """The editors in the order Tab visits them: down each column, then the units."""
        return [self.editors[f] for f in self._order] + self.units.focus_chain()

    # -- values -----------------------------------------------------------------------------

    def set_values(self, data: ShipmentInput | None) -> None:
        """Fill every editor from ``data`` (or empty them for a new shipment)."""
        data = data or _EMPTY
        self.waybill.setText(data.waybill)
        self.train_no.setText(data.train_no)
        self.status.setCurrentIndex(max(0, self.status.findData(Status(data.status))))
        for name in _PICKERS:
            self.picker(name).set_current_id(getattr(data, name) or None)
        for name in _DATES:
            self.date_edit(name).set_value(getattr(data, name))
        self.net_weight.set_kg(data.net_weight_kg or None)
        self.arrived_weight.set_kg(data.arrived_weight_kg)
        self.weight_note.setText(data.weight_note or "")
        self.wagons.setValue(data.wagons)
        self.containers.setValue(data.containers)
        self.notes.setPlainText(data.notes or "")
        self.units.set_units(data.units)
        self.check()

    def values(self) -> ShipmentInput:
        """The form as a ShipmentInput (blank pickers give id 0; ``check`` names them)."""
        units = self.units.units()
        return ShipmentInput(
            waybill=self.waybill.text().strip(),
            train_no=self.train_no.text().strip(),
            status=Status(self.status.currentData()),
            commodity_id=self.picker("commodity_id").current_id() or 0,
            supplier_id=self.picker("supplier_id").current_id() or 0,
            consignee_id=self.picker("consignee_id").current_id() or 0,
            contract_id=self.picker("contract_id").current_id(),
            origin_station_id=self.picker("origin_station_id").current_id() or 0,
            border_station_id=self.picker("border_station_id").current_id(),
            destination_station_id=self.picker("destination_station_id").current_id() or 0,
            planned_departure=self.date_edit("planned_departure").value(),
            departure_date=self.date_edit("departure_date").value(),
            eta=self.date_edit("eta").value(),
            arrival_date=self.date_edit("arrival_date").value(),
            net_weight_kg=self.net_weight.kg() or 0,
            arrived_weight_kg=self.arrived_weight.kg(),
            weight_note=self.weight_note.text().strip() or None,
            wagons=self.wagons.value(),
            containers=self.containers.value(),
            notes=self.notes.toPlainText().strip() or None,
            units=units,
        )

    def display(self, field: str, data: ShipmentInput) -> str:
        """A field's value as the form shows it (for a conflict's list of differences)."""
        value = getattr(data, field)
        if field in _PICKERS:
            return self.picker(field).label_of(value)
        if field in _DATES:
            return format_date(value)
        if field in ("net_weight_kg", "arrived_weight_kg"):
            return format_tonnes(value) if value else ""
        if field == "status":
            return status_label(value)
        if field == "units":
            return ", ".join(u.number for u in value)
        return "" if value is None else str(value)

    # -- checks while typing ----------------------------------------------------------------

    def check(self) -> bool:
        """Show every error and warning the form can tell without the database.

        Returns:
            Whether the form is free of errors (warnings do not count).
        """
        for message in self.messages.values():
            message.clear()
        data = self.values()
        for name in _PICKERS:
            problem = self.picker(name).problem()
            if problem:
                self.messages[name].show_error(problem)
        for w in check_shipment(
            data.net_weight_kg or None,
            data.wagons,
            data.containers,
            data.departure_date,
            data.eta,
            data.arrival_date,
            data.arrived_weight_kg,
        ) + self._train_warnings(data):
            field = _WARNING_FIELDS.get(w.field, w.field)
            if field in self.messages:
                self.messages[field].show_warning(warning_text(w))
        if data.arrival_date and data.departure_date and data.arrival_date < data.departure_date:
            self.messages["arrival_date"].show_error(self.tr("Arrival is before departure."))
        return not self.units.has_errors() and not any(m.is_error for m in self.messages.values())

    @staticmethod
    def _train_warnings(data: ShipmentInput) -> list:
        # A container train's band (DOMAIN.md); wagon loads are judged per wagon instead.
        if data.wagons and not data.containers:
            return []
        warnings = check_train_weight(data.net_weight_kg or None, None, "net_weight_kg")
        return [w for w in warnings if w.code == "train_weight_high"]

    def missing(self) -> list[str]:
        """The required fields left empty, each marked with an error."""
        data = self.values()
        empty = [f for f in _REQUIRED if not getattr(data, f) and not self.messages[f].is_error]
        if not data.net_weight_kg:
            empty.append("net_weight_kg")
        for field in empty:
            self.messages[field].show_error(self.tr("Required."))
        return sorted(empty, key=self._order.index)

    def first_error_widget(self) -> QWidget | None:
        """The first editor (in tab order) whose message is an error."""
        for field in self._order:
            if self.messages[field].is_error:
                return self.editors[field]
        for i in range(self.units.row_count()):
            if self.units.message(i).is_error:
                return self.units.number_edit(i)
        return None

    def _on_units_changed(self) -> None:
        units = self.units.units()
        for spin in (self.wagons, self.containers):
            spin.setEnabled(not units)  # the list, when given, decides the counts
        if units:
            self.wagons.setValue(sum(u.kind == "wagon" for u in units))
            self.containers.setValue(sum(u.kind == "container" for u in units))
        self.edited.emit()


_EMPTY = ShipmentInput("", "", 0, 0, 0, 0, 0, 0)
