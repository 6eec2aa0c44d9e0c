"""Bulk status and ETA changes, copy as TSV, delete with confirmation, keyboard moves."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from models.rules.status import Status
from models.services import queries, shipments
from models.services.queries import Filter
from ui.dialogs.bulk_status_dialog import BulkStatusDialog
from ui.dialogs.eta_dialog import EtaDialog
from ui.item_models.columns import column_of
from ui.item_models.shipments_table import ShipmentsTableModel
from ui.item_models.tsv import to_tsv, tsv_cell


def _when_modal(qtbot, kind, act) -> None:
    """Run ``act(dialog)`` on the next modal dialog of ``kind`` once it is open."""

    def poll():
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            act(widget)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def _open_train(demo_db) -> tuple[str, list[int]]:
    """A train with several loading shipments (the demo's open trains)."""
    with sqlite3.connect(demo_db.url.database) as conn:
        train = conn.execute(
            "SELECT train_no FROM shipments WHERE status IN ('loading', 'planned') "
            "GROUP BY train_no ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        ids = [r[0] for r in conn.execute("SELECT id FROM shipments WHERE train_no = ?", (train,))]
    return train, ids


def _make_current(qtbot, window, train_no: str) -> None:
    page = window.shipments_page()
    page.search_box().setText(train_no)
    page.filter_bar().apply_now()
    qtbot.waitUntil(lambda: page.model().current_filter().text == train_no)
    page.view().setCurrentIndex(page.model().index(0, 0))
    page.view().setFocus()
    qtbot.waitUntil(page.view().hasFocus)


def test_status_of_a_whole_train_is_one_undo_step_with_its_count(qtbot, window, demo_db):
    train, ids = _open_train(demo_db)
    before = {i: shipments.get(demo_db, i).status for i in ids}
    _make_current(qtbot, window, train)

    def fill(dialog: BulkStatusDialog) -> None:
        dialog.status_combo().setCurrentIndex(dialog.status_combo().findData("in_transit"))
        dialog.station_edit().setText("Костанай")
        dialog.note_edit().setText("departed")
        dialog.accept()

    _when_modal(qtbot, BulkStatusDialog, fill)
    window.shipments_page().actions().change_train_status.trigger()

    moved = [i for i in ids if before[i] in (Status.PLANNED, Status.LOADING)]
    assert len(moved) >= 1
    assert {shipments.get(demo_db, i).status for i in moved} == {Status.IN_TRANSIT}
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == f"status change of {len(moved)} shipment(s)"
    events = shipments.events(demo_db, moved[0])
    assert events[-1]["note"] == "departed" and events[-1]["station_id"] is not None

    window.undo_stack.undo()
    assert {i: shipments.get(demo_db, i).status for i in ids} == before
    window.undo_stack.redo()
    assert {shipments.get(demo_db, i).status for i in moved} == {Status.IN_TRANSIT}


def test_bulk_eta_of_selected_rows_is_one_transaction_and_one_step(qtbot, window, demo_db):
    page = window.shipments_page()
    page.filter_bar().status_action(Status.UNLOADED).trigger()
    qtbot.waitUntil(lambda: page.model().current_filter().statuses == (Status.UNLOADED,))
    view = page.view()
    for row in (0, 1, 2):
        view.selectionModel().select(
            page.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    rows = [page.model().index(r, 0).data(ShipmentsTableModel.RowRole) for r in (0, 1, 2)]
    new_eta = max(r.departure_date for r in rows) + timedelta(days=20)

    def fill(dialog: EtaDialog) -> None:
        assert dialog.reason() == ""
        dialog.date_edit().setDate(QDate(new_eta.year, new_eta.month, new_eta.day))
        dialog.reason_edit().setText("re-weighed")
        dialog.accept()

    _when_modal(qtbot, EtaDialog, fill)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert [shipments.get(demo_db, r.id).eta for r in rows] == [new_eta] * 3
    assert window.undo_stack.undoText() == "ETA revision of 3 shipment(s)"
    window.undo_stack.undo()
    assert [shipments.get(demo_db, r.id).eta for r in rows] == [r.eta for r in rows]


def test_a_refused_bulk_change_saves_none_of_them(qtbot, window, demo_db):
    page = window.shipments_page()
    rows = queries.page(demo_db, Filter(statuses=(Status.CANCELLED, Status.LOADING)), limit=50)
    assert {r.status for r in rows} == {Status.CANCELLED, Status.LOADING}
    assert page.actions().set_status(rows, Status.IN_TRANSIT) is None
    assert [shipments.get(demo_db, r.id).version for r in rows] == [r.version for r in rows]
    assert "cancelled" in page.message()
    assert window.undo_stack.count() == 0


def test_copy_gives_tab_separated_rows_with_a_header(qtbot, window):
    page = window.shipments_page()
    view = page.view()
    header = view.horizontalHeader()
    for column in range(header.count()):
        if column not in (column_of("waybill"), column_of("net_weight_kg"), column_of("notes")):
            header.setSectionHidden(column, True)
    header.moveSection(header.visualIndex(column_of("net_weight_kg")), 0)
    view.selectRow(1)
    view.selectionModel().select(
        page.model().index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    model = page.model()
    expected = "".join(
        f"{model.index(r, column_of('net_weight_kg')).data()}\t"
        f"{model.index(r, column_of('waybill')).data()}\t"
        f"{tsv_cell(model.index(r, column_of('notes')).data())}\r\n"
        for r in (0, 1)
    )
    assert QGuiApplication.clipboard().text() == "Net, t\tWaybill\tNotes\r\n" + expected


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("plain", "plain"),
        ("two\tparts", '"two\tparts"'),
        ("line\nbreak", '"line\nbreak"'),
        ('say "hi"', '"say ""hi"""'),
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+7 701 000", "+7 701 000"),  # a number stays a number
        ("-1.250", "-1.250"),
        ("-bad", "'-bad"),
        ("@cmd", "'@cmd"),
        ('=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'),
    ],
)
def test_cells_are_quoted_and_defused_as_excel_expects(text, cell):
    assert tsv_cell(text) == cell


def test_tsv_has_crlf_line_ends_and_a_header():
    assert to_tsv(["a", "b"], [["1", "x\ty"]]) == 'a\tb\r\n1\t"x\ty"\r\n'


def test_delete_asks_first_then_deletes_with_audit_and_undo_brings_it_back(qtbot, window, demo_db):
    page = window.shipments_page()
    total = page.model().rowCount()
    row = page.model().index(0, 0).data(ShipmentsTableModel.RowRole)
    page.view().selectRow(0)
    page.view().setFocus()
    qtbot.waitUntil(page.view().hasFocus)

    _when_modal(
        qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Cancel).click()
    )
    qtbot.keyClick(page.view(), Qt.Key.Key_Delete)
    assert page.model().rowCount() == total  # cancelled: nothing deleted
    window.activateWindow()  # offscreen does not give focus back after the message box
    page.view().setFocus()
    qtbot.waitUntil(page.view().hasFocus)

    _when_modal(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(page.view(), Qt.Key.Key_Delete)
    assert page.model().rowCount() == total - 1
    assert queries.count(demo_db, Filter(text=row.waybill)) == 0
    with sqlite3.connect(demo_db.url.database) as conn:
        actions = [
            a
            for (a,) in conn.execute(
                "SELECT action FROM audit_entries WHERE entity = 'shipment' AND entity_id = ?",
                (row.id,),
            )
        ]
    assert actions[-1] == "delete"
    assert window.undo_stack.undoText() == "deletion of 1 shipment(s)"

    window.undo_stack.undo()
    assert page.model().rowCount() == total
    assert queries.count(demo_db, Filter(text=row.waybill)) == 1


def test_ctrl_down_and_up_move_to_the_next_and_previous_shipment(qtbot, window):
    view = window.shipments_page().view()
    view.setCurrentIndex(window.shipments_page().model().index(3, 2))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (4, 2)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().row() == 2


def test_ctrl_f_focuses_the_search_box(qtbot, window):
    window.shipments_page().view().setFocus()
    qtbot.waitUntil(window.shipments_page().view().hasFocus)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.shipments_page().search_box()
