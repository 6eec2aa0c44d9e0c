"""The shipment dialog: new, edit and duplicate, saved through the services and the undo stack.

Errors show at their field (the service's ``ValidationError.field`` picks the editor, and
``units[i]`` the unit row); warnings show too but do not block. A save over someone else's
newer save opens the conflict dialog: reload theirs or overwrite knowingly, never silently.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.errors import ConflictError, UserError, ValidationError
from models.services import shipments
from models.services.session import Database
from models.services.shipments import Changes, SaveResult, ShipmentDetail, ShipmentInput
from ui.dialogs.conflict_dialog import Choice, ConflictDialog
from ui.dialogs.shipment_form import LABELS, ShipmentForm, label_text
from ui.error_texts import field_error_text
from ui.errors import show_user_error, user_message
from ui.i18n import arg
from ui.undo import ChangeCommand, CreateCommand, ShipmentUndoStack

Notify = Callable[[Changes], None]

_UNIT_FIELD = re.compile(r"units\[(\d+)\]")
#: Service field names that are shown at another editor.
_FIELD_ALIASES = {"kind": "units", "container": "units", "wagon": "units"}


class ShipmentDialog(QDialog):
    """A form for one shipment: new (no id), edit (an id), or duplicate (an id, duplicate=True)."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None,
        *,
        undo_stack: ShipmentUndoStack,
        notify: Notify,
        shipment_id: int | None = None,
        duplicate: bool = False,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._stack = undo_stack
        self._notify = notify
        self._loaded: ShipmentDetail | None = None
        self.saved: SaveResult | None = None
        self.form = ShipmentForm(db, self)
        self.form.edited.connect(self.form.check)
        self.general = QLabel(self)  # errors that belong to no field
        self.general.setObjectName("generalError")
        self.general.setWordWrap(True)
        self.general.setStyleSheet("color: #c00000;")
        self.general.hide()

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        buttons = QDialogButtonBox(self)
        self.save_button: QPushButton = buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(self.tr("Save (Ctrl+Return)"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)  # Return in a field must not save half a form
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.form.units.changed.connect(self._chain_tab_order)

        if shipment_id is None:
            self.setWindowTitle(self.tr("New shipment"))
        else:
            source = shipments.get(db, shipment_id)
            if duplicate:
                self.setWindowTitle(arg(self.tr("New shipment (copy of %1)"), source.waybill))
                self.form.set_values(dataclasses.replace(source.as_input(), waybill=""))
            else:
                self._loaded = source
                self.setWindowTitle(arg(self.tr("Shipment %1"), source.waybill))
                self.form.set_values(source)
        self._chain_tab_order()
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form.setMinimumWidth(self.form.sizeHint().width())
        hint = self.form.sizeHint()
        self.resize(max(1000, hint.width() + 48), max(600, min(760, hint.height() + 160)))
        self.form.waybill.setFocus()

    @property
    def loaded(self) -> ShipmentDetail | None:
        """The stored shipment this form edits (with the version it was loaded at)."""
        return self._loaded

    def _chain_tab_order(self) -> None:
        chain = [*self.form.focus_chain(), self.save_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Check and save the form; on success push an undo step, notify and close.

        Returns:
            Whether the shipment was saved.
        """
        self.general.hide()
        ok = self.form.check()
        missing = self.form.missing()
        if not ok or missing:
            self._refuse()
            return False
        data = self.form.values()
        try:
            if self._loaded is None:
                result = shipments.create(self._db, data)
            else:
                result = self._update(data, self._loaded.version)
                if result is None:
                    return False
        except ValidationError as error:
            self._show_validation(error)
            return False
        except UserError as error:
            show_user_error(self, error, self.windowTitle())
            return False
        self._record(result)
        self.accept()
        return True

    def _update(self, data: ShipmentInput, version: int) -> SaveResult | None:
        assert self._loaded is not None
        try:
            return shipments.update(self._db, self._loaded.id, data, version)
        except ConflictError as error:
            theirs = shipments.get(self._db, self._loaded.id)
            choice = self.ask_conflict(error, data, theirs)
            if choice is Choice.RELOAD:
                self._loaded = theirs
                self.form.set_values(theirs)
                self.general.setText(
                    self.tr("Reloaded the saved version; your edits were discarded.")
                )
                self.general.setStyleSheet("")
                self.general.show()
                return None
            if choice is Choice.OVERWRITE:
                return self._update(data, theirs.version)
            return None

    def ask_conflict(
        self, error: ConflictError, mine: ShipmentInput, theirs: ShipmentDetail
    ) -> Choice:
        """Show the conflict dialog with each field that differs; returns the user's choice."""
        differences = []
        for field in LABELS:
            if getattr(mine, field) != getattr(theirs, field):
                differences.append(
                    (
                        label_text(field),
                        self.form.display(field, mine),
                        self.form.display(field, theirs),
                    )
                )
        dialog = ConflictDialog(self, error, differences)
        dialog.setObjectName("conflictDialog")
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        return choice

    def _record(self, result: SaveResult) -> None:
        self.saved = result
        waybill = result.shipment.waybill
        if result.previous is None:
            text = arg(self.tr("New shipment %1"), waybill)
            self._stack.push(CreateCommand(self._db, text, result, self._notify))
        else:
            shipment_id = result.shipment.id
            saved = result.shipment.as_input()

            def reapply(versions: dict[int, int]) -> SaveResult:
                return shipments.update(self._db, shipment_id, saved, versions[shipment_id])

            text = arg(self.tr("Edit of shipment %1"), waybill)
            self._stack.push(
                ChangeCommand(self._db, text, result, reapply, self._notify, self._stack)
            )
        self._notify(result.changes)

    # -- errors -----------------------------------------------------------------------------

    def _refuse(self) -> None:
        widget = self.form.first_error_widget()
        self.general.setText(self.tr("Not saved: correct the fields marked in red."))
        self.general.setStyleSheet("color: #c00000;")
        self.general.show()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_validation(self, error: ValidationError) -> None:
        """Put a service's refusal at the field it names (a unit row for ``units[i]``)."""
        unit = _UNIT_FIELD.fullmatch(error.field)
        if unit and int(unit.group(1)) < self.form.units.row_count():
            self.form.units.show_error(int(unit.group(1)), field_error_text(error))
            self._refuse()
            return
        field = _FIELD_ALIASES.get(error.field, error.field)
        message = self.form.messages.get(field)
        if message is None:
            self.general.setText(user_message(error))
            self.general.show()
            return
        text = field_error_text(error)
        message.show_error(text)
        self._refuse()
        self.general.setText(arg(self.tr("Not saved: %1: %2"), label_text(field), text))
