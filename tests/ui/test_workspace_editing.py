"""In-table editing of the quick fields, through the delegates, the services and undo/redo."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from models.rules.status import Status
from models.services import shipments
from ui.item_models.columns import COLUMNS, column_of
from ui.item_models.edits import EditValue
from ui.item_models.shipments_table import ShipmentsTableModel

EDIT = Qt.ItemDataRole.EditRole


def _first_with_status(qtbot, window, status: Status):
    """Filter the table to one status; the first row's index in the status column."""
    page = window.shipments_page()
    page.filter_bar().status_action(status).trigger()
    model = page.model()
    qtbot.waitUntil(lambda: model.current_filter().statuses == (status,))
    assert model.rowCount() > 0
    return model.index(0, column_of("status"))


def _row(index):
    return index.data(ShipmentsTableModel.RowRole)


def test_only_the_quick_fields_are_editable(window):
    model = window.shipments_page().model()
    editable = {
        c.key
        for i, c in enumerate(COLUMNS)
        if model.flags(model.index(0, i)) & Qt.ItemFlag.ItemIsEditable
    }
    assert editable == {"status", "eta", "arrival_date", "arrived_weight_kg", "notes"}


def test_status_edited_in_the_table_is_saved_and_undone_and_redone(qtbot, window, demo_db):
    page = window.shipments_page()
    index = _first_with_status(qtbot, window, Status.LOADING)
    shipment = _row(index)
    page.view().setCurrentIndex(index)
    page.view().setFocus()
    qtbot.waitUntil(page.view().hasFocus)
    qtbot.keyClick(page.view(), Qt.Key.Key_F2)
    combo = page.view().findChild(QComboBox, "statusEditor")
    assert combo is not None
    # only changes the journey allows are offered: no "planned" without a note, no going back two
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert Status.IN_TRANSIT.value in offered and Status.PLANNED.value in offered
    combo.setCurrentIndex(combo.findData(Status.IN_TRANSIT.value))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: shipments.get(demo_db, shipment.id).status == Status.IN_TRANSIT)
    assert _row(page.model().index(0, 0)).status == Status.IN_TRANSIT  # the row shows it
    undo = window.findChild(QAction, "undoAction")  # the Edit menu's entry
    assert undo.text() == "Undo status change of 1 shipment(s)"
    assert window.findChild(QLabel, "savedAt").text().startswith("Saved ")

    qtbot.keyClick(page.view(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shipments.get(demo_db, shipment.id).status == Status.LOADING
    qtbot.keyClick(
        page.view(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert shipments.get(demo_db, shipment.id).status == Status.IN_TRANSIT


def test_a_refused_status_change_leaves_the_database_and_cell_and_says_why(qtbot, window, demo_db):
    page = window.shipments_page()
    index = _first_with_status(qtbot, window, Status.CANCELLED)
    shipment = _row(index)
    assert not page.model().setData(index, Status.LOADING.value, EDIT)
    assert shipments.get(demo_db, shipment.id).version == shipment.version
    assert index.data(EDIT) == Status.CANCELLED.value
    assert "a cancelled shipment cannot change status" in page.message()
    assert page.message().startswith("This value is not accepted:")
    assert window.undo_stack.count() == 0


def test_a_cancelled_shipment_opens_no_status_editor(qtbot, window):
    page = window.shipments_page()
    index = _first_with_status(qtbot, window, Status.CANCELLED)
    page.view().setCurrentIndex(index)
    page.view().edit(index)
    assert page.view().findChild(QComboBox, "statusEditor") is None


def test_eta_needs_a_reason_and_is_saved_with_it(qtbot, window, demo_db):
    page = window.shipments_page()
    index = _first_with_status(qtbot, window, Status.IN_TRANSIT)
    eta_index = index.siblingAtColumn(column_of("eta"))
    shipment = _row(index)
    new_eta = shipment.eta + timedelta(days=3)
    assert not page.model().setData(eta_index, EditValue(new_eta, ""), EDIT)
    assert "say why the ETA changes" in page.message()
    assert page.model().setData(eta_index, EditValue(new_eta, "queue at Khorgos"), EDIT)
    assert shipments.get(demo_db, shipment.id).eta == new_eta
    assert page.message() == ""
    assert shipments.audit_trail(demo_db, shipment.id)[-1]["reason"] == "queue at Khorgos"
    window.undo_stack.undo()
    assert shipments.get(demo_db, shipment.id).eta == shipment.eta


def test_arrived_weight_typed_in_tonnes_is_saved_in_kg(qtbot, window, demo_db):
    page = window.shipments_page()
    index = _first_with_status(qtbot, window, Status.ARRIVED)
    shipment = _row(index)
    cell = index.siblingAtColumn(column_of("arrived_weight_kg"))
    page.view().setCurrentIndex(cell)
    page.view().edit(cell)
    editor = page.view().findChild(QLineEdit, "tonnesEditor")
    editor.clear()
    kg = shipment.net_weight_kg - 100  # within the tolerance: no reason asked
    tonnes = f"{kg // 1000}.{kg % 1000:03d}"
    qtbot.keyClicks(editor, tonnes + "9")  # a fourth decimal is refused as typed
    assert editor.text() == tonnes
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shipments.get(demo_db, shipment.id).arrived_weight_kg == kg)
    diff = cell.siblingAtColumn(column_of("weight_difference_kg")).data()
    assert diff == "-0.100"


def test_arrival_date_and_notes_are_saved_through_update(qtbot, window, demo_db):
    page = window.shipments_page()
    index = _first_with_status(qtbot, window, Status.ARRIVED)
    shipment = _row(index)
    arrival = shipment.arrival_date or date.today()
    model = page.model()
    assert model.setData(index.siblingAtColumn(column_of("notes")), EditValue("seal checked"), EDIT)
    assert shipments.get(demo_db, shipment.id).notes == "seal checked"
    assert model.setData(
        index.siblingAtColumn(column_of("arrival_date")),
        EditValue(arrival + timedelta(days=1)),
        EDIT,
    )
    assert shipments.get(demo_db, shipment.id).arrival_date == arrival + timedelta(days=1)
    window.undo_stack.undo()
    window.undo_stack.undo()
    saved = shipments.get(demo_db, shipment.id)
    assert (saved.notes, saved.arrival_date) == (shipment.notes, shipment.arrival_date)


def test_an_edit_over_a_newer_version_is_refused(qtbot, window, demo_db):
    page = window.shipments_page()
    index = _first_with_status(qtbot, window, Status.IN_TRANSIT)
    shipment = _row(index)
    # someone else saves the shipment after the table loaded it
    current = shipments.get(demo_db, shipment.id)
    shipments.update(demo_db, shipment.id, current.as_input(), current.version, note="other")
    assert not page.model().setData(index.siblingAtColumn(column_of("notes")), EditValue("x"), EDIT)
    assert page.message().startswith("Someone else changed this in the meantime:")
    assert shipments.get(demo_db, shipment.id).notes == current.notes


def test_model_passes_the_model_tester_after_edits(qtmodeltester, qtbot, window):
    page = window.shipments_page()
    index = _first_with_status(qtbot, window, Status.LOADING)
    assert page.model().setData(index, Status.IN_TRANSIT.value, EDIT)
    qtmodeltester.check(page.model())
    window.undo_stack.undo()
    qtmodeltester.check(page.model())
