"""The wagons and containers of a shipment: one row each (kind, number, net t), checked as typed.

Each number is checked on every keystroke by ``models.rules.identifiers.validate_unit_number``;
the message (a wrong check digit names the expected one) stands next to the row. A unit's
weight outside the usual band gets a warning there too, which does not block saving.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import ValidationError
from models.rules.identifiers import validate_unit_number
from models.rules.plausibility import check_unit_weight
from models.services.shipments import UnitInput
from ui.error_texts import field_error_text
from ui.warning_texts import warning_text
from ui.widgets.fields import FieldMessage, TonnesEdit

_KINDS = ("container", "wagon")


@dataclass
class _Row:
    kind: QComboBox
    number: QLineEdit
    net: TonnesEdit
    remove: QToolButton
    message: FieldMessage


class UnitsEditor(QWidget):
    """A small table of wagons and containers with a message beside each row."""

    #: Rows were added or removed, or a value changed.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(3, 1)
        for col, title in enumerate((self.tr("Kind"), self.tr("Number"), self.tr("Net t"))):
            self._grid.addWidget(QLabel(title, self), 0, col)
        outer.addLayout(self._grid)
        self.add_button = QPushButton(self.tr("&Add wagon or container"), self)
        self.add_button.setObjectName("addUnit")
        self.add_button.clicked.connect(self._on_add_clicked)
        outer.addWidget(self.add_button)
        self._empty = QLabel(self.tr("No wagons or containers listed."), self)
        self._grid.addWidget(self._empty, 1, 0, 1, 4)

    # -- rows -------------------------------------------------------------------------------

    def add_row(self, unit: UnitInput | None = None) -> int:
        """Append a row (filled from ``unit``, if given); returns its index."""
        kind = QComboBox(self)
        kind.addItem(self.tr("container"), "container")
        kind.addItem(self.tr("wagon"), "wagon")
        number = QLineEdit(self)
        number.setMaxLength(16)
        number.setPlaceholderText(self.tr("e.g. CSQU3054383"))
        number.setMinimumWidth(number.fontMetrics().horizontalAdvance("CSQU30543830") + 16)
        net = TonnesEdit(self)
        remove = QToolButton(self)
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this row"))
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        message = FieldMessage(self)
        row = _Row(kind, number, net, remove, message)
        if unit is not None:
            kind.setCurrentIndex(max(0, kind.findData(unit.kind)))
            number.setText(unit.number)
            net.set_kg(unit.net_weight_kg)
        self._rows.append(row)
        self._place(len(self._rows) - 1)
        number.textChanged.connect(lambda _t, r=row: self._check(r))
        kind.currentIndexChanged.connect(lambda _i, r=row: self._check(r))
        net.valueChanged.connect(lambda _v, r=row: self._check(r))
        remove.clicked.connect(lambda _c=False, r=row: self.remove_row(self._rows.index(r)))
        self._check(row)
        self._empty.setVisible(False)
        return len(self._rows) - 1

    def remove_row(self, index: int) -> None:
        """Remove one row."""
        row = self._rows.pop(index)
        for widget in (row.kind, row.number, row.net, row.remove, row.message):
            self._grid.removeWidget(widget)
            widget.deleteLater()
        for i in range(index, len(self._rows)):
            self._place(i)
        self._empty.setVisible(not self._rows)
        self.changed.emit()

    def _place(self, i: int) -> None:
        row = self._rows[i]
        for col, widget in enumerate((row.kind, row.number, row.net)):
            self._grid.addWidget(widget, i + 1, col)
        self._grid.addWidget(row.message, i + 1, 3)
        self._grid.addWidget(row.remove, i + 1, 4)

    def _on_add_clicked(self) -> None:
        previous = self._rows[-1].kind.currentIndex() if self._rows else 0
        i = self.add_row()
        row = self._rows[i]
        row.kind.setCurrentIndex(previous)
        for widget in (row.kind, row.number, row.net, row.remove):
            widget.show()  # a layout shows new children only later; focus needs them now
        row.kind.setFocus()

    # -- values -----------------------------------------------------------------------------

    def row_count(self) -> int:
        """How many rows are listed."""
        return len(self._rows)

    def number_edit(self, index: int) -> QLineEdit:
        """The number editor of row ``index``."""
        return self._rows[index].number

    def net_edit(self, index: int) -> TonnesEdit:
        """The net weight editor of row ``index``."""
        return self._rows[index].net

    def kind_box(self, index: int) -> QComboBox:
        """The kind selector of row ``index``."""
        return self._rows[index].kind

    def message(self, index: int) -> FieldMessage:
        """The message beside row ``index``."""
        return self._rows[index].message

    def units(self) -> tuple[UnitInput, ...]:
        """The rows as entered (numbers as typed; the service normalizes and checks them)."""
        return tuple(
            UnitInput(r.kind.currentData(), r.number.text().strip(), r.net.kg()) for r in self._rows
        )

    def set_units(self, units: tuple[UnitInput, ...]) -> None:
        """Replace every row."""
        while self._rows:
            self.remove_row(len(self._rows) - 1)
        for unit in units:
            self.add_row(unit)
        self.changed.emit()

    def has_errors(self) -> bool:
        """Whether any row shows an error (a warning does not count)."""
        return any(r.message.is_error for r in self._rows)

    def show_error(self, index: int, text: str) -> None:
        """Show a save-time error beside row ``index`` and focus its number."""
        self._rows[index].message.show_error(text)
        self._rows[index].number.setFocus()

    def focus_chain(self) -> list[QWidget]:
        """The editors in tab order: each row's kind, number and weight, then the Add button."""
        chain: list[QWidget] = []
        for r in self._rows:
            chain += [r.kind, r.number, r.net]
        return [*chain, self.add_button]

    def _check(self, row: _Row) -> None:
        kind = row.kind.currentData()
        text = row.number.text().strip()
        try:
            if text:
                validate_unit_number(kind, text)
        except ValidationError as error:
            row.message.show_error(field_error_text(error))
        else:
            warnings = check_unit_weight(kind, row.net.kg())
            if warnings:
                row.message.show_warning(warning_text(warnings[0]))
            else:
                row.message.clear()
        self.changed.emit()
