"""What the window leaves until after the shipments table's first paint, and that it still works.

The speed itself is measured by benchmarks/workspace.py; these check the behaviour around it:
pages built when first shown, the filter bar's lists read after the paint, the count started
after the first rows painted.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from models.services import queries
from models.services.queries import Filter
from ui.item_models.shipments_table import ShipmentsTableModel
from ui.main_window import MainWindow
from ui.pages.page_tabs import PAGES
from ui.settings import Settings


def test_the_dashboard_and_charts_are_built_when_first_shown(qtbot, window):
    pages = window.pages
    assert pages.currentWidget() is window.shipments_page()
    placeholders = [pages.widget(PAGES.index(k)) for k in ("dashboard", "charts")]
    assert all(type(w) is QWidget for w in placeholders)  # nothing built yet
    pages.page_actions[PAGES.index("charts")].trigger()  # Ctrl+3
    assert pages.currentWidget() is pages.charts
    assert pages.widget(PAGES.index("charts")) is pages.charts
    assert pages.tabText(PAGES.index("charts")) == "Charts"
    dashboard = pages.dashboard  # built on access, without leaving the charts
    assert pages.currentWidget() is pages.charts
    pages.show_page("dashboard")
    assert pages.currentWidget() is dashboard
    assert pages.count() == len(PAGES)


def test_a_page_built_late_still_refreshes_on_data_changes(qtbot, window):
    dashboard = window.pages.dashboard
    window.pages.show_page("dashboard")
    qtbot.waitUntil(lambda: not dashboard.is_refreshing() and dashboard.data() is not None)
    with qtbot.waitSignal(dashboard.refreshed, timeout=20_000):
        window.data_changed.emit()


def test_the_window_opens_on_a_restored_charts_page(qtbot, demo_db, settings_store):
    first = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(first)
    first.pages.show_page("charts")
    first.save_layout()
    second = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(second)
    assert second.pages.currentWidget() is second.pages.charts


def test_the_filter_bar_reads_its_lists_after_the_first_paint(qtbot, window):
    bar = window.shipments_page().filter_bar()
    qtbot.waitUntil(bar.references_loaded, timeout=10_000)
    edit = bar.reference_edit("origin")
    assert edit.completer() is not None
    assert edit.completer().model().rowCount() > 0


def test_a_reference_text_before_the_lists_arrive_reads_them_at_once(qtbot, demo_db):
    from ui.widgets.filter_bar import FilterBar

    bar = FilterBar(demo_db)
    qtbot.addWidget(bar)
    assert not bar.references_loaded()  # never shown: nothing read yet
    commodity = queries.page(demo_db, Filter(), limit=1)[0].commodity
    bar.reference_edit("commodity").setText(commodity)
    assert bar.current_filter().commodity_ids not in ((), (-1,))
    assert bar.references_loaded()


def test_the_count_starts_after_the_first_rows_paint(qtbot, demo_db):
    model = ShipmentsTableModel(demo_db, totals_wait_ms=0, page_size=50)
    assert model.is_counting()
    assert model.rowCount() == 50  # the first page, until the count arrives
    with qtbot.waitSignal(model.totals_changed, timeout=10_000):
        model.index(0, 0).data()  # as a paint does: the count is started after it
    assert model.rowCount() == queries.count(demo_db)


def test_a_count_put_off_starts_on_wait_for_background(demo_db):
    model = ShipmentsTableModel(demo_db, totals_wait_ms=0, page_size=50)
    assert model.wait_for_background()
    QCoreApplication.processEvents()
    assert not model.is_counting()
    assert model.rowCount() == queries.count(demo_db)


def test_a_sort_while_counting_still_ends_the_count(qtbot, demo_db):
    from models.services.queries import Sort

    model = ShipmentsTableModel(demo_db, totals_wait_ms=0, page_size=50)
    model.set_sort(Sort("waybill"))
    qtbot.waitUntil(lambda: not model.is_counting(), timeout=10_000)
    assert model.rowCount() == queries.count(demo_db)


def test_rows_read_here_are_rendered_on_the_reader_after_the_paint(demo_db):
    model = ShipmentsTableModel(demo_db, page_size=50)
    assert model.index(0, 0).data()  # page 0 read here: only that row rendered
    assert sum(c is not None for c in model._cells[0]) == 1
    QCoreApplication.processEvents()  # after the paint: the rest goes to the reader
    model.wait_for_background()
    QCoreApplication.processEvents()
    assert all(c is not None for c in model._cells[0])


def test_a_filter_restored_at_start_still_names_the_whole_table(
    qtbot, demo_db, settings_store, monkeypatch
):
    """The unfiltered count, dropped when the filter comes back, is read on its own."""
    import json

    from PySide6.QtWidgets import QLabel

    from ui import settings as keys
    from ui.i18n import format_number

    monkeypatch.setattr(ShipmentsTableModel, "TOTALS_WAIT_MS", 0)
    commodity = queries.page(demo_db, Filter(), limit=1)[0].commodity
    settings = Settings(settings_store)
    settings.set(keys.SHIPMENTS_LAST_FILTER, json.dumps({"commodity": commodity}))
    w = MainWindow(demo_db, settings=settings)
    qtbot.addWidget(w)
    w.show()
    flt = w.shipments_page().model().current_filter()
    n, total = queries.count(demo_db, flt), queries.count(demo_db)
    assert 0 < n < total
    expected = f"{format_number(n)} of {format_number(total)} shipment"
    label = w.findChild(QLabel, "shipmentsSummary")
    qtbot.waitUntil(lambda: label.text().startswith(expected), timeout=10_000)
