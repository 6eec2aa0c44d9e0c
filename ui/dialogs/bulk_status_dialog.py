"""Change status of several shipments: the new status, when, where and a note."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from models.rules.status import Status
from models.services.reference import StationRef, station_names
from ui.i18n import fit_placeholder, status_label


class BulkStatusDialog(QDialog):
    """Asks for the status to move ``count`` shipments to, the time, the station and a note."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        count: int,
        stations: list[StationRef],
        initial: Status = Status.IN_TRANSIT,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change status"))
        self._stations = stations
        self._status = QComboBox(self)
        self._status.setObjectName("bulkStatus")
        for status in Status:
            self._status.addItem(status_label(status), status.value)
        self._status.setCurrentIndex(self._status.findData(initial.value))
        self._at = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self._at.setObjectName("bulkStatusAt")
        self._at.setCalendarPopup(True)
        self._station = QLineEdit(self)
        self._station.setObjectName("bulkStatusStation")
        self._station.setPlaceholderText(self.tr("code or any name (optional)"))
        fit_placeholder(self._station)
        names = sorted({n for s in stations for n in station_names(s) if n})
        completer = QCompleter(names, self._station)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._station.setCompleter(completer)
        self._note = QLineEdit(self)
        self._note.setObjectName("bulkStatusNote")
        self._error = QLabel(self)
        self._error.setObjectName("bulkStatusError")
        self._error.setStyleSheet("color: palette(link);")
        self._error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Change the status of %n shipment(s)", "", count), self))
        form.addRow(self.tr("&Status:"), self._status)
        form.addRow(self.tr("&When:"), self._at)
        form.addRow(self.tr("S&tation:"), self._station)
        form.addRow(self.tr("&Note:"), self._note)
        form.addRow(self._error)
        form.addRow(buttons)

    def status(self) -> Status:
        """The status chosen."""
        return Status(self._status.currentData())

    def at(self) -> datetime:
        """When the change happened, in UTC."""
        return self._at.dateTime().toPython().astimezone(UTC)

    def station_id(self) -> int | None:
        """The station typed, resolved by code or any name; None when left blank."""
        key = self._station.text().strip().casefold()
        if not key:
            return None
        for ref in self._stations:
            if key in {(n or "").casefold() for n in station_names(ref)}:
                return ref.id
        return None

    def note(self) -> str | None:
        """The note, or None when blank."""
        return self._note.text().strip() or None

    def status_combo(self) -> QComboBox:
        """The status field."""
        return self._status

    def station_edit(self) -> QLineEdit:
        """The station field."""
        return self._station

    def note_edit(self) -> QLineEdit:
        """The note field."""
        return self._note

    def _on_buttons_accepted(self) -> None:
        if self._station.text().strip() and self.station_id() is None:
            self._error.setText(self.tr("No station has that code or name."))
            self._error.show()
            self._station.setFocus()
            return
        self.accept()
