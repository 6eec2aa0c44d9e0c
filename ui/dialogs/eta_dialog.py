"""Revise ETA: the new date and the reason the audit trail keeps, for one or many shipments."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.i18n import fit_placeholder


class EtaDialog(QDialog):
    """Asks for the new ETA and why it changes; OK stays disabled until a reason is given."""

    def __init__(self, parent: QWidget | None, *, eta: date | None, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revise ETA"))
        self._date = QDateEdit(self)
        self._date.setObjectName("etaDate")
        self._date.setCalendarPopup(True)
        start = eta or date.today()
        self._date.setDate(QDate(start.year, start.month, start.day))
        self._reason = QLineEdit(self)
        self._reason.setObjectName("etaReason")
        self._reason.setPlaceholderText(self.tr("e.g. queue at Dostyk, wagon change"))
        fit_placeholder(self._reason)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("New ETA of %n shipment(s)", "", count), self))
        form.addRow(self.tr("&ETA:"), self._date)
        form.addRow(self.tr("&Reason:"), self._reason)
        form.addRow(self._buttons)
        self._reason.textChanged.connect(self._on_reason_text_changed)
        self._on_reason_text_changed(self._reason.text())
        self._reason.setFocus()

    def eta(self) -> date:
        """The date chosen."""
        d = self._date.date()
        return date(d.year(), d.month(), d.day())

    def reason(self) -> str:
        """The reason typed."""
        return self._reason.text().strip()

    def date_edit(self) -> QDateEdit:
        """The date field (for tests and keyboard focus)."""
        return self._date

    def reason_edit(self) -> QLineEdit:
        """The reason field."""
        return self._reason

    def _on_reason_text_changed(self, text: str) -> None:
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))
