"""The shipments table model: database paging, sorting, caching and unreadable pages."""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPoint,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import QHeaderView

from models.rules.status import Status
from models.services import queries
from models.services.queries import Filter, Sort
from ui.i18n import format_date, format_tonnes, status_label
from ui.item_models.columns import COLUMNS, column_of
from ui.item_models.shipments_table import LATE_COLOUR, ShipmentsTableModel
from ui.pages.shipments_page import ShipmentsPage

NET = column_of("net_weight_kg")
WAYBILL = column_of("waybill")
DISPLAY = Qt.ItemDataRole.DisplayRole


def _rows(model: ShipmentsTableModel, first: int, n: int) -> list[queries.ShipmentRow]:
    return [model.index(r, 0).data(ShipmentsTableModel.RowRole) for r in range(first, first + n)]


def _some_text(db) -> str:
    """A waybill prefix that matches some shipments but not all."""
    waybill = queries.page(db, Filter(), Sort("waybill"), 0, 1)[0].waybill
    for length in range(3, len(waybill) + 1):
        n = queries.count(db, Filter(text=waybill[:length]))
        if n < queries.count(db):
            return waybill[:length]
    return waybill


def test_model_passes_the_model_tester_after_filling_filtering_and_sorting(qtmodeltester, demo_db):
    model = ShipmentsTableModel(demo_db)
    qtmodeltester.check(model)
    model.set_filter(Filter(text=_some_text(demo_db)))
    qtmodeltester.check(model)
    model.sort(NET, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_row_count_is_the_service_count_for_the_filter(demo_db):
    model = ShipmentsTableModel(demo_db)
    assert model.rowCount() == queries.count(demo_db) > ShipmentsTableModel.PAGE_SIZE
    flt = Filter(statuses=(Status.IN_TRANSIT, Status.AT_BORDER))
    model.set_filter(flt)
    assert model.rowCount() == queries.count(demo_db, flt)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no row has children
    assert model.columnCount(model.index(0, 0)) == 0


@pytest.mark.parametrize("sort", [Sort(), Sort("net_weight_kg", False), Sort("waybill", True)])
def test_rows_at_start_middle_and_end_are_the_service_pages(demo_db, sort):
    model = ShipmentsTableModel(demo_db, sort=sort)
    n = model.rowCount()
    for offset in (0, n // 2 - 7, n - 15):
        expected = queries.page(demo_db, Filter(), sort, offset, 15)
        assert _rows(model, offset, 15) == expected
        assert [model.index(offset + i, WAYBILL).data() for i in range(15)] == [
            row.waybill for row in expected
        ]


def test_cells_show_locale_formatted_values(demo_db):
    model = ShipmentsTableModel(demo_db)
    row = model.index(0, 0).data(ShipmentsTableModel.RowRole)

    def cell(key: str) -> object:
        return model.index(0, column_of(key)).data()

    assert cell("net_weight_kg") == format_tonnes(row.net_weight_kg)
    assert cell("departure_date") == format_date(row.departure_date)
    assert cell("status") == status_label(row.status)
    assert cell("route").startswith(row.origin + " → ")
    assert model.index(0, NET).data(ShipmentsTableModel.SortRole) == row.net_weight_kg
    align = model.index(0, NET).data(Qt.ItemDataRole.TextAlignmentRole)
    assert align & Qt.AlignmentFlag.AlignRight


@pytest.mark.parametrize(
    ("kg", "text"),
    [(0, "0.000"), (1, "0.001"), (1_313_000, "1,313.000"), (26_540, "26.540"), (-1500, "-1.500")],
)
def test_tonnes_have_three_decimals_and_grouping(kg, text):
    assert format_tonnes(kg) == text


def test_every_status_shows_its_name_and_a_coloured_icon(demo_db):
    model = ShipmentsTableModel(demo_db)
    status = column_of("status")
    seen = set()
    for r in range(model.rowCount()):
        index = model.index(r, status)
        row = index.data(ShipmentsTableModel.RowRole)
        seen.add(row.status)
        assert index.data() == status_label(row.status)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon) and not icon.isNull()
    assert len(seen) >= 4


def test_late_rows_show_days_late_in_red_with_an_icon_and_a_tooltip(demo_db):
    today = date.today()
    flt = Filter(late_only=True, as_of=today)
    assert queries.count(demo_db, flt) > 0, "the demo data should have late shipments"
    model = ShipmentsTableModel(demo_db, flt=flt, today=today)
    index = model.index(0, column_of("days_late"))
    days = index.data(ShipmentsTableModel.DaysLateRole)
    assert days > 0
    assert index.data() == str(days) or index.data() == f"{days:,}"
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == LATE_COLOUR
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "late" in index.data(Qt.ItemDataRole.ToolTipRole).lower()


def test_clicking_the_net_tonnes_header_sorts_in_the_database(qtbot, demo_db):
    page = ShipmentsPage(demo_db)
    qtbot.addWidget(page)
    page.resize(1400, 600)
    page.show()
    qtbot.waitExposed(page)
    header = page.view().horizontalHeader()
    model = page.model()
    x = header.sectionViewportPosition(NET) + header.sectionSize(NET) // 2
    for _click in range(2):
        with qtbot.waitSignal(model.modelReset):
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        assert model.current_sort().key == "net_weight_kg"
        assert header.sortIndicatorSection() == NET
        weights = [
            model.index(r, NET).data(ShipmentsTableModel.SortRole) for r in range(model.rowCount())
        ]
        if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
            assert weights == sorted(weights)
            assert not model.current_sort().descending
        else:
            assert weights == sorted(weights, reverse=True)
            assert model.current_sort().descending
    # The two clicks gave both directions; the first is heaviest first.
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_clicking_an_unsortable_header_keeps_the_database_sort(qtbot, demo_db):
    page = ShipmentsPage(demo_db)
    qtbot.addWidget(page)
    page.resize(1400, 600)
    page.show()
    qtbot.waitExposed(page)
    header = page.view().horizontalHeader()
    route = column_of("route")
    before = page.model().current_sort()
    x = header.sectionViewportPosition(route) + header.sectionSize(route) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert page.model().current_sort() == before
    assert header.sortIndicatorSection() == column_of("departure_date")


def test_the_cache_never_holds_more_pages_than_its_limit(qtbot, demo_db):
    page = ShipmentsPage(demo_db)
    qtbot.addWidget(page)
    model = ShipmentsTableModel(demo_db, page_size=10, max_pages=4)
    page.view().setModel(model)
    page.resize(900, 400)
    page.show()
    qtbot.waitExposed(page)
    bar = page.view().verticalScrollBar()
    assert bar.maximum() > 0
    most = 0
    for value in range(0, bar.maximum() + 1, max(1, bar.pageStep() // 2)):
        bar.setValue(value)
        QCoreApplication.processEvents()
        most = max(most, model.cached_pages)
    assert model.index(model.rowCount() - 1, 0).data()
    assert 1 < most <= 4
    assert model.cached_pages <= 4


def test_flags_never_fetch_rows(demo_db):
    model = ShipmentsTableModel(demo_db)
    model.wait_for_background()
    QCoreApplication.processEvents()
    loaded = model.cached_pages  # the first page, read with the count, and its neighbour
    flags = model.flags(model.index(model.rowCount() - 1, 0))
    assert flags & Qt.ItemFlag.ItemIsEnabled
    assert model.cached_pages == loaded


def test_rows_show_before_a_slow_count_and_the_count_fills_in(qtbot, qtmodeltester, demo_db):
    """With no wait for the count, the first page's rows show and the rest arrive as inserts."""
    model = ShipmentsTableModel(demo_db, totals_wait_ms=0)
    page_size = ShipmentsTableModel.PAGE_SIZE
    with qtbot.waitSignal(model.totals_changed, timeout=10_000):
        model.set_filter(Filter(statuses=(Status.UNLOADED, Status.IN_TRANSIT)))
        assert model.is_counting()
        assert model.rowCount() == page_size
        assert model.index(0, WAYBILL).data()
    flt = Filter(statuses=(Status.UNLOADED, Status.IN_TRANSIT))
    expected_n, expected_kg = queries.totals(demo_db, flt)
    assert not model.is_counting()
    assert model.rowCount() == expected_n > page_size
    assert model.total_weight_kg() == expected_kg
    assert _rows(model, expected_n - 3, 3) == queries.page(
        demo_db, flt, model.current_sort(), expected_n - 3, 3
    )
    qtmodeltester.check(model)


def test_a_count_of_an_older_filter_is_dropped(qtbot, demo_db):
    model = ShipmentsTableModel(demo_db, totals_wait_ms=0)
    model.set_filter(Filter(statuses=(Status.UNLOADED,)))
    newest = Filter(statuses=(Status.IN_TRANSIT,))
    with qtbot.waitSignal(model.totals_changed, timeout=10_000):
        model.set_filter(newest)
    model.wait_for_background()
    QCoreApplication.processEvents()
    assert model.rowCount() == queries.count(demo_db, newest)
    assert model.total_weight_kg() == queries.totals(demo_db, newest)[1]


def test_a_filter_within_one_page_is_counted_from_that_page(demo_db):
    model = ShipmentsTableModel(demo_db, totals_wait_ms=0)
    flt = Filter(text=_some_text(demo_db))
    model.set_filter(flt)
    assert not model.is_counting()
    assert (model.rowCount(), model.total_weight_kg()) == queries.totals(demo_db, flt)


def test_painted_cells_are_rendered_once_and_again_after_a_reload(demo_db):
    model = ShipmentsTableModel(demo_db)
    index = model.index(0, WAYBILL)
    first = model.data(index)
    assert model.data(index) is first  # the kept rendering, not a new string
    row = model.data(index, ShipmentsTableModel.RowRole)
    assert model.reload_rows((row.id,))
    assert model.data(index) == first
    assert model.data(index) is not first


def _destroy_database_file(db) -> None:
    """Close every connection and delete the file: the next query meets an empty database."""
    db.dispose()
    path = Path(db.url.database)
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists():
            os.remove(p)


def test_an_unreadable_page_becomes_a_disabled_placeholder_row(qtbot, demo_db, caplog):
    model = ShipmentsTableModel(demo_db)
    first = model.index(0, WAYBILL).data()  # page 0 is cached and stays readable
    assert first
    _destroy_database_file(demo_db)
    last = model.index(model.rowCount() - 1, 0)
    with caplog.at_level(logging.WARNING):
        text = last.data()
    assert text.startswith("Could not load this row:")
    assert last.data(ShipmentsTableModel.RowRole) is None
    assert last.data(ShipmentsTableModel.ErrorRole)
    assert not model.flags(last) & Qt.ItemFlag.ItemIsEnabled
    assert model.index(0, WAYBILL).data() == first
    # The queued repaint of the failed rows must not raise either.
    with qtbot.waitSignal(model.dataChanged):
        pass
    assert [r.getMessage() for r in caplog.records] == [
        "cannot load shipments page 2: database error: no such table: shipments"
    ]
    caplog.clear()


def test_an_uncountable_table_shows_one_placeholder_row(qtbot, qtmodeltester, demo_db, caplog):
    page = ShipmentsPage(demo_db)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    _destroy_database_file(demo_db)
    with caplog.at_level(logging.WARNING):
        page.refresh()
        page.view().viewport().repaint()  # paints the placeholder: no exception from data()
    model = page.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data().startswith("Could not load this row:")
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEnabled
    assert page.summary().startswith("Cannot count the shipments:")
    qtmodeltester.check(model)
    # the first page is read while the count runs, so it fails too
    assert {r.getMessage().split(":")[0] for r in caplog.records} == {
        "cannot count shipments",
        "cannot load shipments page 0",
    }
    caplog.clear()


def test_headers_are_translated_when_shown(qtbot, demo_db, tmp_path):
    ts = tmp_path / "railgrain_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>ShipmentColumns</name><message><source>Waybill</source>"
        "<translation>运单号</translation></message></context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "railgrain_zh_CN.qm"
    lrelease = Path(__import__("sys").executable).with_name("pyside6-lrelease")
    assert os.system(f'"{lrelease}" -silent "{ts}" -qm "{qm}"') == 0
    model = ShipmentsTableModel(demo_db)
    assert model.headerData(WAYBILL, Qt.Orientation.Horizontal) == "Waybill"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert model.headerData(WAYBILL, Qt.Orientation.Horizontal) == "运单号"
    finally:
        QCoreApplication.removeTranslator(translator)


#: The roles Qt's item delegate asks for in one multiData call per painted cell.
_PAINT_ROLES = [
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
]


def _same(span_value: object, data_value: object) -> bool:
    if isinstance(data_value, Qt.AlignmentFlag):
        return span_value == data_value.value  # the span holds it as a plain int
    if isinstance(data_value, QBrush | QIcon):
        return type(span_value) is type(data_value)
    return span_value == data_value


def test_multi_data_answers_as_data_does_and_clears_what_the_last_cell_set(demo_db):
    """The delegate reuses one span from cell to cell: a late cell's icon must not stay."""
    today = date.today()
    model = ShipmentsTableModel(demo_db, flt=Filter(late_only=True, as_of=today), today=today)
    spans = {role: QModelRoleData(role) for role in _PAINT_ROLES}
    late = column_of("days_late")
    cells = [(0, late), (0, WAYBILL), (1, late), (0, column_of("status")), (0, NET)]
    for row, column in cells:
        index = model.index(row, column)
        for role, item in spans.items():
            model.multiData(index, QModelRoleDataSpan(item))
            assert _same(item.data(), model.data(index, role)), (row, column, role)
    assert spans[Qt.ItemDataRole.DisplayRole].data() == model.index(0, NET).data()


def test_pages_ahead_in_the_scroll_direction_are_read_and_rendered_in_the_background(demo_db):
    model = ShipmentsTableModel(demo_db, page_size=10, max_pages=8)
    assert model.index(35, WAYBILL).data()  # page 3, read here
    model.wait_for_background()
    QCoreApplication.processEvents()  # the read-ahead starts after the paint
    model.wait_for_background()
    QCoreApplication.processEvents()  # and its pages arrive
    assert {2, 3, 4, 5} <= set(model._pages)
    assert all(cell is not None for cell in model._cells[5])  # rendered on the reader
    expected = queries.page(demo_db, Filter(), Sort(), 50, 10)
    assert _rows(model, 50, 10) == expected
    assert [model.index(50 + i, NET).data() for i in range(10)] == [
        format_tonnes(r.net_weight_kg) for r in expected
    ]


def test_the_view_paints_from_the_first_page_without_measuring_other_rows(qtbot, demo_db):
    """Fixed row height, no size-to-contents: Qt asks only for the rows on screen."""
    page = ShipmentsPage(demo_db)
    qtbot.addWidget(page)
    view = page.view()
    assert view.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    header = view.horizontalHeader()
    modes = {header.sectionResizeMode(c) for c in range(header.count())}
    assert QHeaderView.ResizeMode.ResizeToContents not in modes
    assert not view.wordWrap()
    model = ShipmentsTableModel(demo_db, page_size=20)
    view.setModel(model)
    assert model.rowCount() > 10 * 20
    page.resize(900, 400)
    page.show()
    qtbot.waitExposed(page)
    view.viewport().repaint()
    qtbot.waitUntil(lambda: {1, 2} <= set(model._pages))  # read ahead after the paint
    model.wait_for_background()
    QCoreApplication.processEvents()
    # the pages on screen and the two read ahead, nothing further down
    assert set(model._pages) <= {0, 1, 2, 3}


def test_every_sortable_column_names_a_service_sort_key():
    for spec in COLUMNS:
        assert spec.sort_key is None or spec.sort_key in queries.SORT_COLUMNS
    assert len({spec.key for spec in COLUMNS}) == len(COLUMNS)


def test_a_filter_change_resets_the_cache(demo_db):
    model = ShipmentsTableModel(demo_db)
    last = model.rowCount() - 1
    assert model.index(last, 0).data()
    assert last // ShipmentsTableModel.PAGE_SIZE in model._pages
    assert len(model._pages) > 1
    flt = replace(model.current_filter(), statuses=(Status.PLANNED,))
    model.set_filter(flt)
    assert list(model._pages) == [0]  # only the new filter's first page, read with its count
    assert model.index(0, WAYBILL).data() == queries.page(demo_db, flt, Sort(), 0, 1)[0].waybill
    assert model.data(QModelIndex()) is None
