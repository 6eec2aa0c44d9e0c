"""A shipment's history dialog and the train view, opened from the table and the dashboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.rules.status import Status
from models.services import figures, queries, reference, shipments
from models.services.queries import Filter
from ui.dialogs.history_dialog import HistoryDialog
from ui.dialogs.train_dialog import TrainDialog
from ui.i18n import format_date, format_tonnes


def _cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _open_shipment(db):
    return queries.page(db, Filter(statuses=(Status.IN_TRANSIT,)), limit=1)[0]


def test_history_lists_every_event_with_station_and_who(qtbot, demo_db):
    row = _open_shipment(demo_db)
    events = shipments.events(demo_db, row.id)
    assert events
    dialog = HistoryDialog(demo_db, row.id)
    qtbot.addWidget(dialog)
    table = dialog.table("historyEvents")
    assert table.rowCount() == len(events)
    names = {s.id: s.name for s in reference.stations(demo_db)}
    assert _cells(table, 2) == [names.get(e["station_id"], "") for e in events]
    assert _cells(table, 3) == [e["user"] for e in events]
    assert row.waybill in dialog.windowTitle()


def test_history_shows_eta_revisions_with_reasons_and_weight_changes(qtbot, demo_db):
    row = _open_shipment(demo_db)
    old_eta = row.eta
    new_eta = old_eta + timedelta(days=3)
    saved = shipments.revise_eta(demo_db, row.id, new_eta, "Queue at Khorgos", row.version)
    shipments.change_status(demo_db, [row.id], Status.ARRIVED)
    detail = shipments.get(demo_db, row.id)
    arrived = detail.net_weight_kg - 10
    shipments.record_arrived_weight(demo_db, row.id, arrived, detail.version)
    assert saved.shipment.eta == new_eta

    dialog = HistoryDialog(demo_db, row.id)
    qtbot.addWidget(dialog)
    eta = dialog.table("historyEta")
    assert eta.rowCount() == 1
    assert _cells(eta, 4) == [format_date(old_eta)]
    assert _cells(eta, 5) == [format_date(new_eta)]
    assert _cells(eta, 6) == ["Queue at Khorgos"]
    weights = dialog.table("historyWeights")
    assert format_tonnes(arrived) in _cells(weights, 5)
    audit = dialog.table("historyAudit")
    trail = shipments.audit_trail(demo_db, row.id)
    assert audit.rowCount() == sum(len(e["changes"]) for e in trail)
    assert "Status" in _cells(audit, 3)
    assert "In transit" in _cells(audit, 4) and "Arrived" in _cells(audit, 5)


def test_train_view_lists_the_trains_shipments_units_and_events(qtbot, demo_db):
    row = _open_shipment(demo_db)
    with demo_db.read() as s:
        sheet = figures.train_sheet(s, row.train_no)
    dialog = TrainDialog(demo_db, row.train_no)
    qtbot.addWidget(dialog)
    table = dialog.table("trainShipments")
    assert _cells(table, 0) == [r.waybill for r in sheet.shipments]
    assert _cells(table, 7) == [format_tonnes(r.net_weight_kg) for r in sheet.shipments]
    table.setCurrentCell(1 if table.rowCount() > 1 else 0, 0)
    current = sheet.shipments[table.currentRow()]
    units = [u for u in sheet.units if u.shipment_id == current.id]
    assert _cells(dialog.table("trainUnits"), 1) == [u.number for u in units]
    events = [e for e in sheet.events if e.shipment_id == current.id]
    assert dialog.table("trainEvents").rowCount() == len(events)
    assert format_tonnes(sheet.net_kg) in dialog.findChild(object, "trainSummary").text()


def _visible(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_ctrl_shift_t_on_the_table_opens_the_current_rows_train(qtbot, window):
    page = window.shipments_page()
    view = page.view()
    view.setFocus()
    view.setCurrentIndex(page.model().index(0, 0))
    row = page.model().row_at(0)
    qtbot.keyClick(
        view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialogs = _visible(TrainDialog)
    assert len(dialogs) == 1
    assert dialogs[0].sheet().train_no == row.train_no

    # "Show in workspace" filters the table to exactly that train.
    qtbot.mouseClick(
        dialogs[0].findChild(object, "trainShowInWorkspace"), Qt.MouseButton.LeftButton
    )
    n = len(dialogs[0].sheet().shipments)
    qtbot.waitUntil(lambda: page.model().rowCount() == n)
    dialogs[0].close()


def test_ctrl_shift_h_and_the_context_menu_open_the_history(qtbot, window):
    page = window.shipments_page()
    view = page.view()
    view.setFocus()
    view.setCurrentIndex(page.model().index(2, 0))
    row = page.model().row_at(2)
    qtbot.keyClick(
        view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialogs = _visible(HistoryDialog)
    assert len(dialogs) == 1 and row.waybill in dialogs[0].windowTitle()
    dialogs[0].close()
    # right-click offers both views
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    names = {a.objectName() for a in view.actions()}
    assert {"showTrain", "showHistory"} <= names


def test_dashboard_rows_open_the_train_view(qtbot, window, demo_db):
    page = window.pages.dashboard
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        window.pages.show_page("dashboard")
    rows = page.table("lateList").rows()
    if not rows:
        pytest.skip("no late shipment in the demo database today")
    dialog = window.pages.show_train(rows[0].train_no)
    assert dialog is not None and dialog.sheet().train_no == rows[0].train_no
    dialog.close()
