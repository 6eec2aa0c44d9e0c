"""The dashboard: figures as the figures API says, clicks open the filtered workspace."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from models.rules.status import OPEN_STATUSES, Status
from models.services import figures, queries, shipments
from models.services.queries import Filter
from ui.i18n import format_tonnes
from ui.main_window import MainWindow
from ui.pages.page_tabs import PAGES
from ui.settings import Settings


def _wait_shows(qtbot, model, shipments: int, net_kg: int | None = None) -> None:
    """Wait until the table counts ``shipments`` (and ``net_kg``): counting may run later."""
    qtbot.waitUntil(
        lambda: (
            model.rowCount() == shipments and (net_kg is None or model.total_weight_kg() == net_kg)
        ),
        timeout=10000,
    )


def _show_dashboard(qtbot, w: MainWindow):
    page = w.pages.dashboard
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        w.pages.show_page("dashboard")
    return page


def _status_figures(db, as_of: date) -> dict[Status, figures.StatusFigure]:
    with db.read() as s:
        return {f.status: f for f in figures.status_totals(s, as_of)}


def test_status_tiles_show_the_figures_of_the_figures_api(qtbot, window, demo_db):
    page = _show_dashboard(qtbot, window)
    expected = _status_figures(demo_db, date.today())
    assert len(expected) == len(Status)
    for status, figure in expected.items():
        text = page.status_tile(status).text()
        assert f"{figure.shipments:,} shipment" in text
        assert format_tonnes(figure.net_kg) + " t" in text
    assert sum(f.shipments for f in expected.values()) == queries.count(demo_db)


def test_clicking_a_status_tile_opens_the_workspace_with_exactly_its_shipments(
    qtbot, window, demo_db
):
    page = _show_dashboard(qtbot, window)
    figure = _status_figures(demo_db, date.today())[Status.IN_TRANSIT]
    assert figure.shipments > 0
    model = window.shipments_page().model()
    with qtbot.waitSignal(model.modelReset, timeout=10000):
        qtbot.mouseClick(page.status_tile(Status.IN_TRANSIT), Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.shipments_page()
    _wait_shows(qtbot, model, figure.shipments, figure.net_kg)
    chip = window.pages.drill_down.chip()
    assert chip.isVisible() and "In transit" in chip.text()
    summary = window.findChild(QLabel, "shipmentsSummary")
    qtbot.waitUntil(lambda: summary.text().startswith(f"{figure.shipments:,} of "))

    # Removing the chip shows every shipment again.
    total = queries.count(demo_db)
    qtbot.mouseClick(chip.remove_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == total)
    assert not chip.isVisible()


def test_the_filter_bar_replaces_a_dashboard_filter(qtbot, window, demo_db):
    page = _show_dashboard(qtbot, window)
    qtbot.mouseClick(page.status_tile(Status.UNLOADED), Qt.MouseButton.LeftButton)
    chip = window.pages.drill_down.chip()
    assert chip.isVisible()
    window.shipments_page().filter_bar().late_check().setChecked(True)
    model = window.shipments_page().model()
    expected = queries.count(demo_db, Filter(late_only=True, as_of=date.today()))
    qtbot.waitUntil(lambda: model.rowCount() == expected)
    assert not chip.isVisible()
    assert window.pages.drill_down.active_filter() is None


def test_ageing_tiles_add_up_to_the_late_shipments_and_open_them(qtbot, window, demo_db):
    page = _show_dashboard(qtbot, window)
    today = date.today()
    with demo_db.read() as s:
        buckets = figures.ageing_buckets(s, today)
        late = figures.late_shipments(s, today)
    assert [(b.first_day, b.last_day) for b in buckets] == [(1, 3), (4, 7), (8, 14), (15, None)]
    assert sum(b.shipments for b in buckets) == len(late)
    model = window.shipments_page().model()
    for tile, bucket in zip(page.bucket_tiles(), buckets, strict=True):
        assert f"{bucket.shipments:,} shipment" in tile.text()
        if bucket.shipments:
            window.pages.show_page("dashboard")
            qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
            _wait_shows(qtbot, model, bucket.shipments)
            assert all(
                bucket.first_day <= model.row_at(r).days_late(today) <= (bucket.last_day or 10**6)
                for r in range(model.rowCount())
            )
    # "All late" is every late shipment, the same as the filter bar's "late only".
    if late:
        window.pages.show_page("dashboard")
        late_tile = next(t for t in page.tiles() if t.objectName() == "lateAll")
        qtbot.mouseClick(late_tile, Qt.MouseButton.LeftButton)
        _wait_shows(qtbot, model, len(late))
        _wait_shows(qtbot, model, queries.count(demo_db, Filter(late_only=True, as_of=today)))


def test_late_list_rows_open_their_shipment(qtbot, window, demo_db):
    page = _show_dashboard(qtbot, window)
    table = page.table("lateList")
    with demo_db.read() as s:
        late = figures.late_shipments(s, date.today(), limit=200)
    assert [r.cells[0] for r in table.rows()] == [r.waybill for r in late]
    if not late:
        pytest.skip("the demo database has no late shipment today")
    table.activate_row(0)
    model = window.shipments_page().model()
    _wait_shows(qtbot, model, 1)
    assert model.row_at(0).waybill == late[0].waybill


def test_expected_arrivals_rows_open_exactly_their_shipments(qtbot, window, demo_db):
    page = _show_dashboard(qtbot, window)
    with demo_db.read() as s:
        arrivals = figures.expected_arrivals(s, date.today())
    table = page.table("arrivalsList")
    assert [r.cells[0] for r in table.rows()] == [a.station for a in arrivals]
    if not arrivals:
        pytest.skip("nothing expected this week in the demo database")
    table.activate_row(0)
    model = window.shipments_page().model()
    _wait_shows(qtbot, model, arrivals[0].shipments, arrivals[0].net_kg)


def test_dashboard_updates_after_an_edit_through_the_services(qtbot, window, demo_db):
    page = _show_dashboard(qtbot, window)
    before = _status_figures(demo_db, date.today())
    row = next(
        r
        for r in queries.page(demo_db, Filter(statuses=(Status.IN_TRANSIT,)), limit=1)
        if r.status in OPEN_STATUSES
    )
    result = shipments.change_status(demo_db, [row.id], Status.AT_BORDER)
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        window.apply_changes(result.changes)  # emits data_changed
    after = _status_figures(demo_db, date.today())
    assert after[Status.IN_TRANSIT].shipments == before[Status.IN_TRANSIT].shipments - 1
    assert after[Status.AT_BORDER].shipments == before[Status.AT_BORDER].shipments + 1
    text = page.status_tile(Status.AT_BORDER).text()
    assert f"{after[Status.AT_BORDER].shipments:,} shipment" in text


def test_a_change_while_the_dashboard_is_hidden_shows_when_it_is_shown(qtbot, window, demo_db):
    page = _show_dashboard(qtbot, window)
    window.pages.show_page("shipments")
    row = queries.page(demo_db, Filter(statuses=(Status.IN_TRANSIT,)), limit=1)[0]
    shipments.change_status(demo_db, [row.id], Status.CANCELLED, note="test")
    window.data_changed.emit()  # e.g. another user's change, as LiveRefresh reports it
    assert not page.is_refreshing()  # hidden: nothing read yet
    expected = _status_figures(demo_db, date.today())[Status.CANCELLED]
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        window.pages.show_page("dashboard")
    assert f"{expected.shipments:,} shipment" in page.status_tile(Status.CANCELLED).text()


def test_a_past_day_shows_that_days_figures(qtbot, window, demo_db):
    page = _show_dashboard(qtbot, window)
    past = date.today() - timedelta(days=40)
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        page.set_as_of(past)
    assert page.data().as_of == past
    expected = _status_figures(demo_db, past)
    for status, figure in expected.items():
        assert f"{figure.shipments:,} shipment" in page.status_tile(status).text()
    # The lists are that day's too: stuck at a border and due that week as they were then.
    with demo_db.read() as s:
        stuck = figures.stuck_at_border(s, past, min_days=3, limit=200)
        arrivals = figures.expected_arrivals(s, past)
    assert [r.cells[0] for r in page.table("stuckList").rows()] == [r.waybill for r in stuck]
    assert [r.cells[0] for r in page.table("arrivalsList").rows()] == [a.station for a in arrivals]
    # Predictions are made for today's open shipments only, and the list says so.
    predicted = page.table("predictedList")
    assert predicted.rows() == [] and "today only" in predicted.title()
    unloaded = expected[Status.UNLOADED]
    qtbot.mouseClick(page.status_tile(Status.UNLOADED), Qt.MouseButton.LeftButton)
    assert window.shipments_page().model().rowCount() == unloaded.shipments


def test_refresh_runs_on_a_worker_and_leaves_the_window_responsive(qtbot, window):
    page = _show_dashboard(qtbot, window)
    with qtbot.waitSignal(page.refreshed, timeout=20000):
        page.refresh()
        assert page.is_refreshing()  # returned at once; the figures come later
        page.refresh()  # folded into one more run, not a second concurrent one


def test_ctrl_1_2_3_switch_pages(qtbot, window):
    for n, key in ((1, "dashboard"), (3, "charts"), (2, "shipments")):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert PAGES[window.pages.currentIndex()] == key


def test_the_last_page_comes_back_after_a_restart(qtbot, demo_db, settings_store):
    first = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(first)
    assert first.pages.currentWidget() is first.shipments_page()  # the default
    first.pages.show_page("charts")
    first.save_layout()
    second = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(second)
    assert second.pages.currentWidget() is second.pages.charts


def test_the_stuck_tile_opens_every_shipment_stuck_at_a_border(qtbot, window, demo_db):
    page = _show_dashboard(qtbot, window)
    with demo_db.read() as s:
        stuck = figures.stuck_at_border(s, date.today(), min_days=3)
    tile = next(t for t in page.tiles() if t.objectName() == "stuckAll")
    assert f"{len(stuck):,} shipment" in tile.text()
    if not stuck:
        pytest.skip("nothing stuck at a border in the demo database today")
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    model = window.shipments_page().model()
    _wait_shows(qtbot, model, len(stuck))
    assert {model.row_at(r).waybill for r in range(model.rowCount())} == {r.waybill for r in stuck}
