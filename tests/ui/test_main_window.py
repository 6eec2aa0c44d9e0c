"""The main window and the app bootstrap, driven through real widgets."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from models.services import queries
from models.services.queries import Filter, Sort
from ui.app import DEMO_SHIPMENTS, demo_path, run
from ui.errors import CrashHandler
from ui.i18n import format_number, format_tonnes
from ui.item_models.columns import column_of
from ui.main_window import MainWindow
from ui.settings import Settings

NET = column_of("net_weight_kg")


def _summary(w: MainWindow) -> str:
    return w.findChild(QLabel, "shipmentsSummary").text()


def test_title_names_railgrain_and_the_database(window, demo_db):
    assert "Railgrain" in window.windowTitle()
    assert demo_db.name in window.windowTitle()
    assert window.windowTitle() == f"Railgrain — {demo_db.name}"


def test_status_bar_shows_the_count_and_tonnes(window, demo_db):
    n, kg = queries.totals(demo_db)
    assert _summary(window) == f"{format_number(n)} shipment(s), {format_tonnes(kg)} t"


def test_typing_in_the_search_box_filters_the_table(qtbot, window, demo_db):
    page = window.shipments_page()
    model = page.model()
    total = model.rowCount()
    waybill = model.index(0, column_of("waybill")).data()
    prefix = waybill[:-1]
    expected = queries.count(demo_db, Filter(text=prefix))
    assert 0 < expected < total
    qtbot.keyClicks(page.search_box(), prefix)
    qtbot.waitUntil(lambda: model.rowCount() == expected)
    assert model.index(0, column_of("waybill")).data().startswith(prefix)
    summary = f"{format_number(expected)} of {format_number(total)} shipment"
    assert _summary(window).startswith(summary)
    page.search_box().clear()
    qtbot.waitUntil(lambda: model.rowCount() == total)


def test_search_waits_for_a_pause_in_typing(qtbot, window):
    page = window.shipments_page()
    resets = []
    page.model().modelReset.connect(lambda: resets.append(1))
    qtbot.keyClicks(page.search_box(), "KZ0")
    assert resets == []  # no query per keystroke
    qtbot.waitUntil(lambda: resets == [1])


def test_sort_and_column_widths_survive_a_restart(qtbot, demo_db, settings_store):
    first = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(first)
    first.show()
    view = first.shipments_page().view()
    view.sortByColumn(NET, Qt.SortOrder.AscendingOrder)
    view.setColumnWidth(NET, 222)
    first.close()

    second = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(second)
    model = second.shipments_page().model()
    assert model.current_sort() == Sort("net_weight_kg", descending=False)
    assert second.shipments_page().view().columnWidth(NET) == 222
    weights = [model.index(r, NET).data(model.SortRole) for r in range(20)]
    assert weights == sorted(weights)


def test_default_sort_is_newest_departure_first(window):
    page = window.shipments_page()
    header = page.view().horizontalHeader()
    assert page.model().current_sort() == Sort("departure_date", descending=True)
    assert header.sortIndicatorSection() == column_of("departure_date")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_ctrl_q_closes_the_window(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_run_shows_why_a_database_cannot_be_opened_and_returns_1(
    qtbot, tmp_path: Path, monkeypatch
):
    bad = tmp_path / "letter.sqlite"
    bad.write_text("Dear customer,", encoding="utf-8")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() must put it back anyway
    app = QApplication.instance()
    name, organization = app.applicationName(), app.organizationName()
    shown: list[str] = []

    def close_the_message_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.done(QMessageBox.StandardButton.Ok)
        else:
            QTimer.singleShot(20, close_the_message_box)

    QTimer.singleShot(0, close_the_message_box)
    hook = sys.excepthook
    try:
        assert run(str(bad)) == 1
    finally:
        app.setApplicationName(name)
        app.setOrganizationName(organization)
    assert sys.excepthook is hook
    assert len(shown) == 1
    assert shown[0].startswith("There is a problem with the database:")
    assert "not a Railgrain database" in shown[0]


def _close_main_window_when_shown(seen: list[MainWindow]) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            seen.append(widget)
            widget.close()
            return
    QTimer.singleShot(20, lambda: _close_main_window_when_shown(seen))


def test_demo_database_is_created_once_and_opened(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app = QApplication.instance()
    name, organization = app.applicationName(), app.organizationName()
    demo = demo_path()
    assert not demo.exists()  # the user data directory is this test's own
    try:
        for _run in range(2):
            windows: list[MainWindow] = []
            QTimer.singleShot(0, lambda w=windows: _close_main_window_when_shown(w))
            assert run(demo=True) == 0
            assert windows and str(demo) in windows[0].windowTitle()
            assert windows[0].shipments_page().model().rowCount() == DEMO_SHIPMENTS
            created = demo.stat().st_ino
    finally:
        app.setApplicationName(name)
        app.setOrganizationName(organization)
    assert demo.stat().st_ino == created  # opened again, not built again
    assert sorted(p.name for p in demo.parent.iterdir() if "part" in p.name) == []


def test_a_bug_is_logged_and_shown_with_its_traceback(caplog, tmp_path):
    hook = CrashHandler(str(tmp_path / "railgrain.log"))
    details: list[str] = []

    def close_the_crash_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            details.append(box.detailedText())
            box.done(QMessageBox.StandardButton.Ok)
        else:
            QTimer.singleShot(20, close_the_crash_dialog)

    QTimer.singleShot(0, close_the_crash_dialog)
    try:
        raise RuntimeError("wheel fell off")
    except RuntimeError as error:
        hook(type(error), error, error.__traceback__)
    assert len(details) == 1
    assert "RuntimeError: wheel fell off" in details[0]
    assert [r.levelname for r in caplog.records] == ["CRITICAL"]
    assert "wheel fell off" in caplog.records[0].getMessage()
    caplog.clear()  # the expected log line, not noise
