"""The charts: bar heights equal the figures API, a click on a bar filters the workspace."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QToolTip

from models.services import figures, queries, shipments
from models.services.queries import Filter
from ui.charts.figure_charts import transit_chart
from ui.charts.palette import OKABE_ITO
from ui.i18n import format_tonnes
from ui.main_window import MainWindow
from ui.pages.charts_page import Period


def _wait_shows(qtbot, model, shipments: int, net_kg: int | None = None) -> None:
    """Wait until the table counts ``shipments`` (and ``net_kg``): counting may run later."""
    qtbot.waitUntil(
        lambda: (
            model.rowCount() == shipments and (net_kg is None or model.total_weight_kg() == net_kg)
        ),
        timeout=10000,
    )


def _period(db) -> Period:
    """A year of arrivals ending today (the demo data runs up to today)."""
    today = date.today()
    return Period(date(today.year - 1, today.month, 1), today)


def _open_chart(qtbot, w: MainWindow, name: str):
    charts = w.pages.charts
    charts.set_period(_period(None))
    w.pages.show_page("charts")
    tab = charts.chart_tab(name)
    if tab.drawn_for is None or charts.tabs().currentWidget() is not tab:
        with qtbot.waitSignal(charts.refreshed, timeout=20000, check_params_cb=lambda n: n == name):
            charts.show_chart(name)
    return tab


def test_monthly_bars_have_the_heights_of_the_figures(qtbot, window, demo_db):
    tab = _open_chart(qtbot, window, "monthly")
    period = _period(demo_db)
    with demo_db.read() as s:
        figs = figures.monthly_arrived(s, period.first, period.last)
    chart = tab.chart
    names = [s.name for s in chart.series()]
    drawn = Counter()
    for i, name in enumerate(names[:-1]):  # the last series is "same month last year"
        for h in np.atleast_1d(chart.bar_items()[i].opts["height"]):
            drawn[(name, round(float(h), 3))] += 1
    expected = Counter((f.commodity, round(f.net_kg / 1000, 3)) for f in figs if f.net_kg)
    assert drawn == expected
    previous = sorted(round(float(h), 3) for h in chart.bar_items()[-1].opts["height"])
    assert previous == sorted(
        round(f.previous_year_net_kg / 1000, 3) for f in figs if f.previous_year_net_kg
    )
    # stacked: each month's current-year stack is as tall as the month's total
    per_month = Counter()
    for f in figs:
        per_month[f.month] += f.net_kg
    tops = Counter()
    for bar in chart.bars():
        if bar.series < len(names) - 1:
            tops[round(bar.position + 0.21)] = max(
                tops[round(bar.position + 0.21)], bar.base + bar.value
            )
    assert sorted(round(v, 3) for v in tops.values()) == sorted(
        round(kg / 1000, 3) for kg in per_month.values() if kg
    )


@pytest.mark.parametrize(("name", "dimension"), [("byRoute", "route"), ("bySupplier", "supplier")])
def test_group_bars_have_the_tonnes_of_the_figures(qtbot, window, demo_db, name, dimension):
    tab = _open_chart(qtbot, window, name)
    period = _period(demo_db)
    with demo_db.read() as s:
        figs = figures.tonnage_by(s, dimension, period.first, period.last)
    assert figs
    current = [float(v) for v in tab.chart.bar_items()[0].opts["width"]]
    before = [float(v) for v in tab.chart.bar_items()[1].opts["width"]]
    assert sorted(round(v, 3) for v in current) == sorted(round(f.net_kg / 1000, 3) for f in figs)
    assert sorted(round(v, 3) for v in before) == sorted(
        round(f.previous_year_net_kg / 1000, 3) for f in figs
    )


def test_contract_bars_have_the_figures_and_a_tolerance_band(qtbot, window, demo_db):
    tab = _open_chart(qtbot, window, "contracts")
    period = _period(demo_db)
    with demo_db.read() as s:
        figs = figures.contract_fulfilment(s, period.first, period.last)
    shown = sorted(figs, key=lambda f: (f.contracted_kg, f.number), reverse=True)[:15]
    items = tab.chart.bar_items()
    widths = [[round(float(v), 3) for v in item.opts["width"]] for item in items]
    assert sorted(widths[1]) == sorted(round(f.contracted_kg / 1000, 3) for f in shown)
    assert sorted(widths[2]) == sorted(round(f.shipped_kg / 1000, 3) for f in shown)
    assert sorted(widths[3]) == sorted(round(f.arrived_kg / 1000, 3) for f in shown)
    for bar in (b for b in tab.chart.bars() if b.series == 0):  # the band holds the contract
        contracted = next(
            b.value
            for b in tab.chart.bars()
            if b.series == 1 and abs(b.position - 0.27 - bar.position) < 1e-9
        )
        assert bar.base < contracted < bar.base + bar.value


def test_transit_bars_are_the_histograms_with_a_median_line_per_route(qtbot, window, demo_db):
    tab = _open_chart(qtbot, window, "transit")
    period = _period(demo_db)
    with demo_db.read() as s:
        routes = figures.transit_times(s, period.first, period.last)
    assert routes
    for i, route in enumerate(routes):
        drawn = [int(v) for v in tab.chart.bar_items()[i].opts["height"]]
        per_day = [n for n in route.days if n]
        # Day by day, except that rare long transits may share the last bar ("≥ N days").
        assert drawn[:-1] == per_day[: len(drawn) - 1]
        assert drawn[-1] == sum(per_day[len(drawn) - 1 :])
        assert sum(drawn) == route.shipments
    assert [m.value() for m in tab.chart.markers()] == [r.median_days for r in routes]


def test_clicking_a_bar_opens_the_workspace_with_exactly_its_shipments(qtbot, window, demo_db):
    tab = _open_chart(qtbot, window, "byRoute")
    chart = tab.chart
    bar = max((b for b in chart.bars() if b.series == 0), key=lambda b: b.value)
    model = window.shipments_page().model()
    viewport = chart.graphics_view().viewport()
    with qtbot.waitSignal(chart.bar_clicked):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=chart.bar_centre(bar).toPoint())
    assert window.pages.currentWidget() is window.shipments_page()
    figure = next(f for f in tab.figures if f.filter == bar.filter)
    _wait_shows(qtbot, model, figure.shipments, figure.net_kg)
    assert figure.name in window.pages.drill_down.chip().text()


def test_clicking_a_transit_bar_opens_the_shipments_of_that_route_and_transit_time(
    qtbot, window, demo_db
):
    tab = _open_chart(qtbot, window, "transit")
    chart = tab.chart
    bar = max(chart.bars(), key=lambda b: b.value)  # the route's most common transit time
    model = window.shipments_page().model()
    qtbot.mouseClick(
        chart.graphics_view().viewport(),
        Qt.MouseButton.LeftButton,
        pos=chart.bar_centre(bar).toPoint(),
    )
    route = tab.figures[bar.series]
    day = bar.filter.transit_days[0]
    assert route.days[day] == int(bar.value) > 0
    _wait_shows(qtbot, model, int(bar.value))
    for r in range(model.rowCount()):
        row = model.row_at(r)
        assert (row.arrival_date - row.departure_date).days == day
    assert f"{day} days in transit" in window.pages.drill_down.chip().text()


def test_clicking_a_monthly_bar_opens_that_month_and_commodity(qtbot, window, demo_db):
    tab = _open_chart(qtbot, window, "monthly")
    chart = tab.chart
    bar = max((b for b in chart.bars() if b.series == 0), key=lambda b: b.value)
    qtbot.mouseClick(
        chart.graphics_view().viewport(),
        Qt.MouseButton.LeftButton,
        pos=chart.bar_centre(bar).toPoint(),
    )
    figure = next(f for f in tab.figures if f.filter == bar.filter)
    model = window.shipments_page().model()
    _wait_shows(qtbot, model, figure.shipments, figure.net_kg)


def test_the_previous_year_bar_opens_the_previous_years_shipments(qtbot, window, demo_db):
    tab = _open_chart(qtbot, window, "byRoute")
    chart = tab.chart
    bar = max((b for b in chart.bars() if b.series == 1), key=lambda b: b.value)
    qtbot.mouseClick(
        chart.graphics_view().viewport(),
        Qt.MouseButton.LeftButton,
        pos=chart.bar_centre(bar).toPoint(),
    )
    model = window.shipments_page().model()
    qtbot.waitUntil(lambda: model.total_weight_kg() == round(bar.value * 1000))


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip, offscreen
def test_hovering_a_bar_shows_its_exact_tonnes(qtbot, window, demo_db):
    tab = _open_chart(qtbot, window, "byRoute")
    chart = tab.chart
    bar = max((b for b in chart.bars() if b.series == 0), key=lambda b: b.value)
    figure = next(f for f in tab.figures if f.filter == bar.filter)
    viewport = chart.graphics_view().viewport()
    qtbot.mouseMove(viewport, chart.bar_centre(bar).toPoint())
    qtbot.waitUntil(QToolTip.isVisible)
    assert format_tonnes(figure.net_kg) + " t" in QToolTip.text()
    qtbot.mouseMove(viewport, QPoint(2, 2))  # off the plot: the tooltip goes
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_a_chart_saves_as_png_and_svg(qtbot, window, tmp_path, suffix):
    _open_chart(qtbot, window, "monthly")
    path = tmp_path / f"chart.{suffix}"
    window.pages.charts.save_chart(str(path))
    assert path.stat().st_size > 1000
    if suffix == "png":
        image = QImage(str(path))
        assert image.width() >= 800 and image.height() > 200
    else:
        text = path.read_text(encoding="utf-8")
        assert text.lstrip().startswith("<?xml") and "<svg" in text
        assert OKABE_ITO[0].lower() in text.lower()  # the bars are in it


def test_charts_follow_a_dark_palette(qtbot, window):
    tab = _open_chart(qtbot, window, "monthly")
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    tab.chart.setPalette(dark)
    view = tab.chart.graphics_view()
    assert view.backgroundBrush().color() == QColor("#202124")
    axis = tab.chart.plot_item().getAxis("left")
    assert axis.textPen().color() == QColor("#e8eaed")
    assert len(tab.chart.bar_items()) == len(tab.chart.series())  # redrawn, not lost


def test_charts_redraw_after_a_change(qtbot, window, demo_db):
    tab = _open_chart(qtbot, window, "byRoute")
    charts = window.pages.charts
    arrived = queries.page(demo_db, Filter(arrival_from=_period(demo_db).first), limit=1)[0]
    detail = shipments.get(demo_db, arrived.id)
    data = replace(detail.as_input(), net_weight_kg=detail.net_weight_kg + 1000)
    result = shipments.update(demo_db, arrived.id, data, detail.version)
    before = sum(b.value for b in tab.chart.bars() if b.series == 0)
    with qtbot.waitSignal(charts.refreshed, timeout=20000):
        window.apply_changes(result.changes)
    after = sum(b.value for b in tab.chart.bars() if b.series == 0)
    assert round(after - before, 3) == 1.0


def test_series_beyond_the_eight_okabe_ito_colours_get_a_texture():
    from ui.charts.palette import series_colour, series_pattern

    assert [series_colour(i).name().upper() for i in range(8)] == list(OKABE_ITO)
    assert {series_pattern(i) for i in range(8)} == {Qt.BrushStyle.SolidPattern}
    assert series_colour(8) == series_colour(0)
    assert series_pattern(8) != series_pattern(0)  # same colour, told apart by texture


def test_rare_long_transits_share_one_bar_so_the_usual_days_stay_readable():
    usual = [0] * 7 + [30, 120, 200, 90, 40, 10]  # 490 shipments in 7–12 days
    days = usual + [0] * 40 + [1, 0, 0, 1, 0, 0, 0, 2]  # 4 held for 53–60 days
    route = SimpleNamespace(
        route="Khorgos", days=days, median_days=9.0, p80_days=10.0, shipments=494, filter=None
    )
    data = transit_chart([route])
    assert [int(b.value) for b in data.bars] == [30, 120, 200, 90, 40, 10, 4]
    assert data.ticks[-1][1].startswith("≥ 13")
    assert [label for _, label in data.ticks[:-1]] == ["7", "8", "9", "10", "11", "12"]
