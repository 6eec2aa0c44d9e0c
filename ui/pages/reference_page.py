"""Reference data editors: stations, goods, counterparties, contracts — a table and a form.

The same validation as everywhere (the services check, e.g. a 1520 station code's check
digit); errors show at the field; deleting a row still in use is refused with the number of
shipments using it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.errors import UserError, ValidationError
from models.services import reference
from models.services.session import Database
from ui.error_texts import field_error_text
from ui.errors import user_message
from ui.i18n import arg
from ui.pages.reference_kinds import KINDS, FieldSpec, KindSpec, value_label, values_of
from ui.pages.reference_models import ReferenceTableModel
from ui.widgets.completers import ReferencePicker, commodity_choices, counterparty_choices
from ui.widgets.fields import FieldMessage, OptionalDateEdit, TonnesEdit, with_message


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReferenceDialog", text)


class ReferenceDialog(QDialog):
    """The editor of one reference kind: "station", "commodity", "counterparty", "contract"."""

    #: A row was saved or deleted (views showing names refresh).
    changed = Signal()

    def __init__(self, db: Database, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.spec: KindSpec = KINDS[kind]
        self._current: int | None = None
        self.setWindowTitle(_tr(self.spec.title))
        self.model = ReferenceTableModel(self.spec.columns, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.status = QLabel(self)  # a refused delete, or what was saved
        self.status.setObjectName("referenceStatus")
        self.status.setWordWrap(True)

        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        form_box = QGroupBox(self)
        form = QFormLayout(form_box)
        for field in self.spec.fields:
            editor = self._editor(field)
            self.editors[field.name] = editor
            self.messages[field.name] = FieldMessage(self)
            label = QLabel(_tr(field.label), self)
            label.setBuddy(editor)
            form.addRow(label, with_message(editor, self.messages[field.name]))
        self.new_button = QPushButton(self.tr("&New"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        for button in (self.new_button, self.save_button, self.delete_button):
            button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        row = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            row.addWidget(button)
        form.addRow(row)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)  # the list takes the width; the form what it needs
        body.addWidget(form_box, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.reload()
        self.new()
        # Wide enough for every column at its content's width (Russian role names are long),
        # within the screen; narrower screens scroll the table.
        needed = self.view.horizontalHeader().length() + form_box.sizeHint().width() + 64
        screen = self.screen().availableGeometry().width() if self.screen() else needed
        self.resize(max(1000, min(needed, screen * 9 // 10)), 560)

    # -- editors ----------------------------------------------------------------------------

    def _editor(self, field: FieldSpec) -> QWidget:
        if field.editor == "choice":
            box = QComboBox(self)
            for value in field.choices:
                box.addItem(value_label(value), value)
            return box
        if field.editor == "picker":
            if field.choices[0] == "commodity":
                choices = commodity_choices(reference.commodities(self._db))
            else:
                choices = counterparty_choices(reference.counterparties(self._db))
            return ReferencePicker(choices, self)
        if field.editor == "tonnes":
            return TonnesEdit(self)
        if field.editor == "date":
            return OptionalDateEdit(self)
        if field.editor == "decimal":
            spin = QDoubleSpinBox(self)
            spin.setDecimals(2)
            spin.setRange(0, 1e9)
            spin.setGroupSeparatorShown(True)
            return spin
        edit = QLineEdit(self)
        edit.setMaxLength(120)
        return edit

    def _get(self, field: FieldSpec) -> Any:
        editor = self.editors[field.name]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, ReferencePicker):
            return editor.current_id()
        if isinstance(editor, TonnesEdit):
            return editor.kg()
        if isinstance(editor, OptionalDateEdit):
            return editor.value()
        if isinstance(editor, QDoubleSpinBox):
            value = Decimal(str(round(editor.value(), 2)))
            return value if value or field.name != "price" else None
        assert isinstance(editor, QLineEdit)
        return editor.text().strip() or None

    def _set(self, field: FieldSpec, value: Any) -> None:
        editor = self.editors[field.name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, ReferencePicker):
            editor.set_current_id(value)
        elif isinstance(editor, TonnesEdit):
            editor.set_kg(value)
        elif isinstance(editor, OptionalDateEdit):
            editor.set_value(value)
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")

    def values(self) -> dict[str, Any]:
        """The form's values by service field name."""
        return {f.name: self._get(f) for f in self.spec.fields}

    # -- actions ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the whole table again (reference tables are small)."""
        self.model.set_rows(self.spec.load(self._db))
        self.view.resizeColumnsToContents()  # tens of rows: measuring them all is cheap

    def new(self) -> None:
        """Empty the form for a new row."""
        self.view.selectionModel().clearSelection()
        self._current = None
        for field in self.spec.fields:
            self._set(field, "" if field.editor == "text" else None)
            self.messages[field.name].clear()
        self.delete_button.setEnabled(False)
        self.editors[self.spec.fields[0].name].setFocus()

    def select(self, row_id: int) -> None:
        """Select the row with this id and show it in the form."""
        row = self.model.row_of(row_id)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _on_row_changed(self, current: Any, _previous: Any = None) -> None:
        if not current.isValid():
            return
        ref = self.model.item(current.row())
        self._current = ref.id
        for field, value in values_of(ref, self.spec).items():
            self._set(next(f for f in self.spec.fields if f.name == field), value)
        for message in self.messages.values():
            message.clear()
        self.delete_button.setEnabled(True)

    def save(self) -> bool:
        """Create or update the row in the form; an error shows at its field."""
        for message in self.messages.values():
            message.clear()
        try:
            saved = self.spec.save(self._db, self.values(), self._current)
        except ValidationError as error:
            self._show_error(error)
            return False
        except UserError as error:
            self._show_status(user_message(error), error=True)
            return False
        self.reload()
        self.changed.emit()
        self.select(saved.id)
        self._show_status(self.tr("Saved."), error=False)
        return True

    def delete(self) -> bool:
        """Delete the selected row after confirmation; refused while shipments use it."""
        if self._current is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete this entry? This cannot be undone."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.spec.delete(self._db, self._current)
        except ValidationError as error:
            count = int(error.params.get("count", 0))
            if error.code == "in_contracts":
                text = self.tr("Not deleted: it is used by %n contract(s).", "", count)
            elif error.code == "in_use":
                text = self.tr("Not deleted: it is used by %n shipment(s).", "", count)
            else:
                text = user_message(error)
            self._show_status(text, error=True)
            return False
        except UserError as error:
            self._show_status(user_message(error), error=True)
            return False
        self.reload()
        self.changed.emit()
        self.new()
        self._show_status(self.tr("Deleted."), error=False)
        return True

    def _show_error(self, error: ValidationError) -> None:
        message = self.messages.get(error.field)
        text = field_error_text(error)
        if message is None:
            self._show_status(text, error=True)
            return
        message.show_error(text)
        self.editors[error.field].setFocus()
        self._show_status(arg(self.tr("Not saved: %1"), text), error=True)

    def _show_status(self, text: str, *, error: bool) -> None:
        self.status.setStyleSheet("color: #c00000;" if error else "")
        self.status.setText(text)


def open_reference_editor(db: Database, kind: str, parent: QWidget | None) -> ReferenceDialog:
    """Open the editor of one kind as a window (non-modal) and return it."""
    dialog = ReferenceDialog(db, kind, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
