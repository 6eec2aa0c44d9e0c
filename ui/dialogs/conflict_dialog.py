"""The conflict dialog: someone saved the shipment after this form loaded it.

It says who and when, lists each field where the form and the database differ, and lets the
user reload their version (discarding the form's edits) or overwrite it knowingly.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import ConflictError
from ui.i18n import arg


class Choice(Enum):
    """What the user chose."""

    CANCEL = "cancel"
    RELOAD = "reload"
    OVERWRITE = "overwrite"


def _local_time(when: datetime | None) -> str:
    if when is None:
        return ""
    utc = when if when.tzinfo else when.replace(tzinfo=UTC)
    moment = QDateTime.fromSecsSinceEpoch(int(utc.timestamp()), QTimeZone.utc()).toLocalTime()
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class ConflictDialog(QDialog):
    """Who changed the shipment, what differs, and Reload / Overwrite / Cancel."""

    def __init__(
        self,
        parent: QWidget | None,
        error: ConflictError,
        differences: list[tuple[str, str, str]],
    ) -> None:
        """Show the conflict.

        Args:
            parent: The shipment dialog.
            error: The refused save's error (who, when, which waybill).
            differences: (field label, value in the form, value saved by them) per field.
        """
        super().__init__(parent)
        self.choice = Choice.CANCEL
        self.setWindowTitle(self.tr("Changed by someone else"))
        who = error.who or self.tr("another user")
        if error.when is not None:
            text = arg(
                self.tr("Waybill %1 was changed by %2 at %3, after you opened it."),
                error.what,
                who,
                _local_time(error.when),
            )
        else:
            text = arg(self.tr("Waybill %1 was changed by %2 while saving."), error.what, who)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.table = QTableWidget(len(differences), 3, self)
        self.table.setObjectName("differences")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your value"), self.tr("Their value (saved)")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(differences):
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        if differences:
            layout.addWidget(self.table)
        else:
            self.table.hide()
            layout.addWidget(QLabel(self.tr("Their save has the same values as your form."), self))
        hint = QLabel(
            self.tr(
                "Reload shows their version and discards your edits. Overwrite saves your "
                "values over theirs."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(self)
        self.reload_button = buttons.addButton(
            self.tr("&Reload theirs, discard mine"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.overwrite_button = buttons.addButton(
            self.tr("&Overwrite with mine"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)  # never an overwrite by a stray Enter
        self.reload_button.clicked.connect(lambda: self._choose(Choice.RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(Choice.OVERWRITE))
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 200 + 28 * min(len(differences), 10))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()
