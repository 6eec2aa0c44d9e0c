"""The filter bar: each control gives the row count the database gives for the same WHERE."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from models.rules.status import Status
from models.services import queries
from models.services.queries import Filter
from ui.i18n import format_number, format_tonnes
from ui.item_models.columns import column_of
from ui.main_window import MainWindow
from ui.settings import Settings


def _sql_count(db, where: str, *params) -> int:
    """An independent count straight from the SQLite file."""
    with sqlite3.connect(db.url.database) as conn:
        return conn.execute(f"SELECT count(*) FROM shipments WHERE {where}", params).fetchone()[0]


def _wait_count(qtbot, window, n: int) -> None:
    model = window.shipments_page().model()
    qtbot.waitUntil(lambda: model.rowCount() == n, timeout=3000)


def _type(bar, key: str, text: str) -> None:
    """Text into a reference field, then Enter-equivalent.

    setText rather than keyClicks: typing opens the completer popup, which the offscreen
    platform answers with warnings (the completer itself is Qt's, not under test).
    """
    bar.reference_edit(key).setText(text)
    bar.apply_now()


def _station_id(db, name: str) -> int:
    with sqlite3.connect(db.url.database) as conn:
        return conn.execute("SELECT id FROM stations WHERE name = ?", (name,)).fetchone()[0]


@pytest.mark.parametrize(
    ("key", "text", "column", "station"),
    [
        ("origin", "Kostanay", "origin_station_id", "Kostanay"),
        ("origin", "684001", "origin_station_id", "Kostanay"),  # by code
        ("origin", "Костанай", "origin_station_id", "Kostanay"),  # Russian name
        ("border", "Khorgos", "border_station_id", "Khorgos"),
        ("border", "AKR", "border_station_id", "Alashankou"),
        ("destination", "青铜峡", "destination_station_id", "Qingtongxia"),  # Chinese name
    ],
)
def test_station_fields_accept_a_code_or_any_name(
    qtbot, window, demo_db, key, text, column, station
):
    bar = window.shipments_page().filter_bar()
    expected = _sql_count(demo_db, f"{column} = ?", _station_id(demo_db, station))
    assert 0 < expected < queries.count(demo_db)
    bar.reference_edit(key).setText(text)  # non-Latin text: setText, not keyClicks
    bar.apply_now()
    _wait_count(qtbot, window, expected)


def test_a_station_nobody_has_shows_no_rows_and_marks_the_field(qtbot, window):
    bar = window.shipments_page().filter_bar()
    _type(bar, "origin", "Atlantis")
    _wait_count(qtbot, window, 0)
    assert bar.reference_edit("origin").property("unmatched") is True


@pytest.mark.parametrize(
    ("key", "table"), [("supplier", "supplier_id"), ("consignee", "consignee_id")]
)
def test_counterparty_fields_filter_by_id(qtbot, window, demo_db, key, table):
    with sqlite3.connect(demo_db.url.database) as conn:
        party_id, name = conn.execute(
            f"SELECT c.id, c.name FROM counterparties c JOIN shipments s ON s.{table} = c.id "
            "GROUP BY c.id ORDER BY count(*) LIMIT 1"
        ).fetchone()
    expected = _sql_count(demo_db, f"{table} = ?", party_id)
    _type(window.shipments_page().filter_bar(), key, name)
    _wait_count(qtbot, window, expected)


def test_commodity_field_matches_part_of_a_name(qtbot, window, demo_db):
    # "flour" matches only "Wheat flour"; "Wheat" alone is exact and excludes the flour
    expected = _sql_count(
        demo_db, "commodity_id IN (SELECT id FROM commodities WHERE name = 'Wheat flour')"
    )
    _type(window.shipments_page().filter_bar(), "commodity", "flour")
    _wait_count(qtbot, window, expected)


def test_several_statuses_at_once(qtbot, window, demo_db):
    bar = window.shipments_page().filter_bar()
    bar.status_action(Status.AT_BORDER).trigger()
    bar.status_action(Status.CUSTOMS).trigger()
    expected = _sql_count(demo_db, "status IN ('at_border', 'customs')")
    assert expected > 0
    _wait_count(qtbot, window, expected)
    assert bar.status_button().text() == "2 statuses"
    assert expected == queries.count(demo_db, Filter(statuses=(Status.AT_BORDER, Status.CUSTOMS)))


def test_departure_and_arrival_date_ranges(qtbot, window, demo_db):
    bar = window.shipments_page().filter_bar()
    bar.date_edit("departure_from").setDate(QDate(2025, 1, 1))
    bar.date_edit("departure_to").setDate(QDate(2025, 6, 30))
    bar.apply_now()
    expected = _sql_count(demo_db, "departure_date BETWEEN '2025-01-01' AND '2025-06-30'")
    assert expected > 0
    _wait_count(qtbot, window, expected)
    bar.clear()
    bar.date_edit("arrival_from").setDate(QDate(2026, 1, 1))
    bar.apply_now()
    _wait_count(qtbot, window, _sql_count(demo_db, "arrival_date >= '2026-01-01'"))


def test_late_only_with_ctrl_l(qtbot, window, demo_db):
    open_statuses = "('planned', 'loading', 'in_transit', 'at_border', 'customs')"
    expected = _sql_count(
        demo_db, f"eta < ? AND status IN {open_statuses}", date.today().isoformat()
    )
    assert expected == queries.count(demo_db, Filter(late_only=True))
    window.shipments_page().view().setFocus()
    qtbot.waitUntil(window.shipments_page().view().hasFocus)
    qtbot.keyClick(
        window.shipments_page().view(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    _wait_count(qtbot, window, expected)
    assert window.shipments_page().filter_bar().late_check().isChecked()


def test_free_text_finds_notes_anywhere_in_them(qtbot, window, demo_db):
    with sqlite3.connect(demo_db.url.database) as conn:
        note = conn.execute("SELECT notes FROM shipments WHERE notes IS NOT NULL").fetchone()[0]
    word = note.split()[-1][:5]
    expected = queries.count(demo_db, Filter(text=word))
    qtbot.keyClicks(window.shipments_page().search_box(), word)
    _wait_count(qtbot, window, expected)


def _show_unloaded(qtbot, window, db) -> tuple[int, int]:
    """Filter the window to unloaded shipments; (their count, their net kg) once shown."""
    window.shipments_page().filter_bar().status_action(Status.UNLOADED).trigger()
    n, kg = queries.totals(db, Filter(statuses=(Status.UNLOADED,)))
    _wait_count(qtbot, window, n)
    return n, kg


def test_status_bar_says_n_of_m_shipments_and_tonnes(qtbot, window, demo_db):
    n, kg = _show_unloaded(qtbot, window, demo_db)
    total = queries.count(demo_db)
    text = window.findChild(QLabel, "shipmentsSummary").text()
    assert (
        text == f"{format_number(n)} of {format_number(total)} shipment(s), {format_tonnes(kg)} t"
    )


def test_after_an_import_the_total_of_a_filtered_view_is_counted_again(qtbot, window, demo_db):
    from models.services.imports.importer import import_file

    n, _kg = _show_unloaded(qtbot, window, demo_db)
    before = queries.count(demo_db)
    csv = (
        "waybill,commodity,origin_station,destination_station,departure_date,net_tonnes\n"
        "NEW-1,Wheat,Kostanay,Qingtongxia,2026-11-20,68.5\n"
        "NEW-2,Wheat,Kostanay,Qingtongxia,2026-11-21,64\n"
    )
    import_file(demo_db, csv.encode())
    window.shipments_page().refresh()  # as the window does after an import
    summary = window.findChild(QLabel, "shipmentsSummary")
    expected = f"{format_number(n)} of {format_number(before + 2)} shipment(s)"
    qtbot.waitUntil(lambda: summary.text().startswith(expected), timeout=5000)


def test_the_filter_and_hidden_columns_come_back_after_a_restart(qtbot, demo_db, settings_store):
    first = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(first)
    page = first.shipments_page()
    page.filter_bar().status_action(Status.UNLOADED).trigger()
    page.filter_bar().reference_edit("origin").setText("Костанай")
    page.filter_bar().apply_now()
    page.view().horizontalHeader().setSectionHidden(column_of("consignee"), True)
    page.view().horizontalHeader().moveSection(column_of("status"), 0)
    page.view().setColumnWidth(column_of("waybill"), 211)
    expected = page.model().rowCount()
    first.close()

    second = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(second)
    page2 = second.shipments_page()
    header = page2.view().horizontalHeader()
    assert page2.model().rowCount() == expected
    assert page2.filter_bar().reference_edit("origin").text() == "Костанай"
    assert page2.filter_bar().status_action(Status.UNLOADED).isChecked()
    assert header.isSectionHidden(column_of("consignee"))
    assert header.visualIndex(column_of("status")) == 0
    assert page2.view().columnWidth(column_of("waybill")) == 211


def test_a_saved_view_brings_back_filter_sort_and_columns(qtbot, window, demo_db):
    page = window.shipments_page()
    bar = page.filter_bar()
    bar.status_action(Status.UNLOADED).trigger()
    bar.reference_edit("border").setText("Khorgos")
    bar.apply_now()
    page.view().sortByColumn(column_of("net_weight_kg"), page.model().sort_order())
    page.view().horizontalHeader().setSectionHidden(column_of("route"), True)
    window.save_view("Unloaded via Khorgos")
    n = page.model().rowCount()
    sort = page.model().current_sort()

    bar.clear()
    page.view().horizontalHeader().setSectionHidden(column_of("route"), False)
    page.view().sortByColumn(column_of("waybill"), page.model().sort_order())
    assert page.model().rowCount() == queries.count(demo_db)

    assert window.apply_view("Unloaded via Khorgos")
    assert page.model().rowCount() == n
    assert page.model().current_sort() == sort
    assert page.view().horizontalHeader().isSectionHidden(column_of("route"))
    window._fill_views_menu()
    menu_texts = [a.text() for a in window._views_menu.actions()]
    assert "Unloaded via Khorgos" in menu_texts

    window.delete_view("Unloaded via Khorgos")
    assert not window.apply_view("Unloaded via Khorgos")


def test_model_passes_the_model_tester_after_each_filter(qtmodeltester, qtbot, window):
    page = window.shipments_page()
    bar = page.filter_bar()
    qtmodeltester.check(page.model())
    bar.status_action(Status.UNLOADED).trigger()
    qtmodeltester.check(page.model())
    bar.reference_edit("origin").setText("Kostanay")
    bar.apply_now()
    qtmodeltester.check(page.model())
    page.view().sortByColumn(column_of("contract"), page.model().sort_order())
    qtmodeltester.check(page.model())


def test_the_header_menu_hides_and_shows_columns_but_never_the_last(window):
    page = window.shipments_page()
    header = page.view().horizontalHeader()
    menu = page.columns_menu()
    route = next(a for a in menu.actions() if a.text() == "Route")
    route.trigger()
    assert header.isSectionHidden(column_of("route"))
    route.trigger()
    assert not header.isSectionHidden(column_of("route"))
    for column in range(1, header.count()):
        header.setSectionHidden(column, True)
    last = page.columns_menu().actions()[0]
    assert last.isChecked() and not last.isEnabled()
