"""From figures to bars: each chart's series, bars, ticks and tooltips (no drawing here).

Input is what ``models.services.figures`` returns (``MonthFigure``, ``GroupFigure``,
``ContractFigure``, ``RouteTransit``); output is ``(series, bars, ticks)`` for ``BarChart``.
Weights become tonnes on the value axis (kg / 1000); tooltips give the exact figures in the
user's locale. Bars of shipments carry the figure's ``Filter``; previous-year bars carry the
same filter moved back a year, so a click opens exactly the shipments of the bar clicked.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QColor

from models.services.queries import Filter
from ui.charts.bar_chart import Bar, Series
from ui.charts.palette import series_colour, series_pattern
from ui.i18n import arg, format_month, format_number, format_tonnes

#: The contract chart shows at most this many contracts (the largest).
MAX_CONTRACTS = 15
#: Grey of the tolerance band and other reference shapes.
BAND_COLOUR = QColor("#999999")


@dataclass(frozen=True)
class ChartData:
    """What one chart draws."""

    series: list[Series]
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    #: (position, colour, label) lines across the chart, e.g. medians.
    markers: list[tuple[float, QColor, str]]
    #: A note under the chart (e.g. "15 largest of 40 contracts"); "" for none.
    note: str = ""


class Charts(QObject):
    """Only a translation context: lupdate marks a plural only in a ``tr()`` call."""


def tonnes(kg: int) -> float:
    """Kilograms as tonnes on the value axis."""
    return kg / 1000


def month_label(month: date) -> str:
    """A month as the locale writes it short ("Mar 2025", "март 2025", "2025年3月")."""
    return format_month(month.year, month.month)


def months_between(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s month to ``last``'s, in order."""
    months, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        months.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _year_back(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def previous_year_filter(flt: Filter | None) -> Filter | None:
    """The same shipments' filter moved back a year (arrival range), or None if it has none."""
    if flt is None or flt.arrival_from is None or flt.arrival_to is None:
        return None
    last = flt.arrival_to
    back_last = _year_back(last)
    if last.day == calendar.monthrange(last.year, last.month)[1]:  # keep "to the month's end"
        back_last = back_last.replace(day=calendar.monthrange(back_last.year, back_last.month)[1])
    return replace(flt, arrival_from=_year_back(flt.arrival_from), arrival_to=back_last)


def _tip(title: str, lines: Sequence[str]) -> str:
    return "<b>" + title + "</b><br>" + "<br>".join(lines)


def _weight_line(label: str, kg: int, shipments: int | None = None) -> str:
    text = arg(Charts.tr("%1: %2 t"), label, format_tonnes(kg))
    if shipments is not None:
        text += " · " + Charts.tr("%Ln shipment(s)", "", shipments)
    return text


# -- monthly arrivals, stacked by commodity, previous year beside --------------------------


def monthly_chart(figures: Sequence[Any], first: date, last: date) -> ChartData:
    """Net tonnes arrived per month, stacked by commodity; the previous year's stack beside."""
    months = months_between(first, last)
    index = {m: i for i, m in enumerate(months)}
    totals: dict[Any, int] = {}
    names: dict[Any, str] = {}
    for f in figures:
        totals[f.commodity_id] = totals.get(f.commodity_id, 0) + f.net_kg + f.previous_year_net_kg
        names[f.commodity_id] = f.commodity
    order = sorted(totals, key=lambda k: (-totals[k], names[k]))
    colour_of = {k: series_colour(i) for i, k in enumerate(order)}
    pattern_of = {k: series_pattern(i) for i, k in enumerate(order)}
    series = [Series(names[k], colour_of[k], pattern=pattern_of[k]) for k in order]
    previous = len(series)
    series.append(
        Series(
            Charts.tr("Same month last year"),
            BAND_COLOUR,
            comparison=True,
        )
    )

    bars: list[Bar] = []
    stacked_now = [0.0] * len(months)
    stacked_before = [0.0] * len(months)
    by_key = {(f.month, f.commodity_id): f for f in figures}
    for k in order:  # biggest commodity at the bottom of every stack
        for month in months:
            f = by_key.get((month, k))
            if f is None:
                continue
            i = index[month]
            label = month_label(month)
            before_label = month_label(_year_back(month))
            tip = _tip(
                names[k],
                [
                    _weight_line(label, f.net_kg, f.shipments),
                    _weight_line(before_label, f.previous_year_net_kg),
                ],
            )
            if f.net_kg:
                bars.append(
                    Bar(
                        series=order.index(k),
                        position=i - 0.21,
                        value=tonnes(f.net_kg),
                        base=stacked_now[i],
                        thickness=0.4,
                        tooltip=tip,
                        filter=f.filter,
                        label=f"{names[k]}, {label}",
                    )
                )
                stacked_now[i] += tonnes(f.net_kg)
            if f.previous_year_net_kg:
                bars.append(
                    Bar(
                        series=previous,
                        position=i + 0.21,
                        value=tonnes(f.previous_year_net_kg),
                        base=stacked_before[i],
                        thickness=0.4,
                        tooltip=tip,
                        filter=previous_year_filter(f.filter),
                        label=f"{names[k]}, {before_label}",
                        colour=colour_of[k],
                        pattern=pattern_of[k],
                    )
                )
                stacked_before[i] += tonnes(f.previous_year_net_kg)
    ticks = [(float(i), month_label(m)) for i, m in enumerate(months)]
    return ChartData(series, bars, ticks, [])


# -- tonnes by route or supplier for a period, previous year beside -------------------------


def group_chart(figures: Sequence[Any], period: str, previous_period: str) -> ChartData:
    """Horizontal bars per group (largest on top), the previous year's beside each."""
    ordered = sorted(figures, key=lambda f: (f.net_kg, f.previous_year_net_kg), reverse=True)
    series = [
        Series(period, series_colour(4)),
        Series(previous_period, series_colour(0), comparison=True),
    ]
    bars: list[Bar] = []
    ticks: list[tuple[float, str]] = []
    n = len(ordered)
    for i, f in enumerate(ordered):
        position = float(n - 1 - i)
        ticks.append((position, f.name))
        tip = _tip(
            f.name,
            [
                _weight_line(period, f.net_kg, f.shipments),
                _weight_line(previous_period, f.previous_year_net_kg),
            ],
        )
        label = f"{f.name}, {period}"
        bars.append(Bar(0, position + 0.2, tonnes(f.net_kg), 0.0, 0.4, tip, f.filter, label))
        bars.append(
            Bar(
                1,
                position - 0.2,
                tonnes(f.previous_year_net_kg),
                0.0,
                0.4,
                tip,
                previous_year_filter(f.filter),
                f"{f.name}, {previous_period}",
            )
        )
    return ChartData(series, bars, ticks, [])


# -- contract fulfilment -------------------------------------------------------------------


def contract_chart(figures: Sequence[Any]) -> ChartData:
    """Per contract: the tolerance band, contracted, shipped and arrived tonnes."""
    ordered = sorted(figures, key=lambda f: (f.contracted_kg, f.number), reverse=True)
    shown = ordered[:MAX_CONTRACTS]
    series = [
        Series(Charts.tr("Tolerance band"), BAND_COLOUR, comparison=True),
        Series(Charts.tr("Contracted"), series_colour(7)),
        Series(Charts.tr("Shipped"), series_colour(4)),
        Series(Charts.tr("Arrived"), series_colour(2)),
    ]
    bars: list[Bar] = []
    ticks: list[tuple[float, str]] = []
    n = len(shown)
    for i, f in enumerate(shown):
        position = float(n - 1 - i)
        ticks.append((position, f"{f.number} · {f.supplier}"))
        tolerance = Decimal(f.tolerance_pct) / 100
        low = int(f.contracted_kg * (1 - tolerance))
        high = int(f.contracted_kg * (1 + tolerance))
        verdict = (
            Charts.tr("within tolerance") if f.within_tolerance else Charts.tr("outside tolerance")
        )
        tip = _tip(
            f"{f.number} · {f.supplier} · {f.commodity}",
            [
                _weight_line(Charts.tr("Contracted"), f.contracted_kg),
                arg(
                    Charts.tr("Tolerance ±%1 %: %2 – %3 t"),
                    QLocale().toString(float(f.tolerance_pct), "f", 1),
                    format_tonnes(low),
                    format_tonnes(high),
                ),
                _weight_line(Charts.tr("Shipped"), f.shipped_kg),
                _weight_line(Charts.tr("Arrived"), f.arrived_kg),
                _weight_line(Charts.tr("Remaining"), f.remaining_kg),
                verdict,
            ],
        )
        label = f.number
        bars.append(Bar(0, position, tonnes(high - low), tonnes(low), 0.9, tip, None, label))
        bars.append(Bar(1, position + 0.27, tonnes(f.contracted_kg), 0, 0.25, tip, None, label))
        bars.append(Bar(2, position, tonnes(f.shipped_kg), 0, 0.25, tip, f.filter, label))
        arrived = _arrived_filter(f.filter)
        bars.append(Bar(3, position - 0.27, tonnes(f.arrived_kg), 0, 0.25, tip, arrived, label))
    note = ""
    if len(ordered) > len(shown):
        note = arg(
            Charts.tr("The %1 largest of %2 contracts in the period."),
            len(shown),
            len(ordered),
        )
    return ChartData(series, bars, ticks, [], note)


def _arrived_filter(flt: Filter | None) -> Filter | None:
    from models.rules.status import ARRIVED_STATUSES, SEQUENCE

    if flt is None:
        return None
    return replace(flt, statuses=tuple(s for s in SEQUENCE if s in ARRIVED_STATUSES))


# -- transit time per route ----------------------------------------------------------------


def histogram(days: Sequence[int], sorted_list: bool) -> dict[int, int]:
    """Shipments per transit day, from a sorted list of days or from counts by day index."""
    if sorted_list:
        counts: dict[int, int] = {}
        for d in days:
            counts[d] = counts.get(d, 0) + 1
        return counts
    return {d: n for d, n in enumerate(days) if n}


def transit_chart(routes: Sequence[Any], *, sorted_list: bool = False) -> ChartData:
    """Shipments per transit day, one colour per route side by side; a median line each."""
    series = [
        Series(r.route, series_colour(i), pattern=series_pattern(i)) for i, r in enumerate(routes)
    ]
    bars: list[Bar] = []
    markers: list[tuple[float, QColor, str]] = []
    width = 0.8 / max(1, len(routes))
    every_day: set[int] = set()
    histograms = [histogram(r.days, sorted_list) for r in routes]
    tail = _tail_start(histograms)
    for i, r in enumerate(routes):
        counts = _lump_tail(histograms[i], tail)
        every_day.update(counts)
        offset = (i - (len(routes) - 1) / 2) * width
        flt = getattr(r, "filter", None)
        for day, n in sorted(counts.items()):
            tip = _tip(
                r.route,
                [
                    arg(
                        Charts.tr("%Ln shipment(s) in %1 days", "", n),
                        day,
                    ),
                    arg(
                        Charts.tr("Median %1 days, 80 % within %2 days"),
                        _days(r.median_days),
                        _days(r.p80_days),
                    ),
                ],
            )
            day_filter, label = _transit_filter(flt, day, r.route, tail=day == tail)
            bars.append(Bar(i, day + offset, float(n), 0.0, width, tip, day_filter, label))
        if r.median_days is not None:
            markers.append(
                (
                    float(r.median_days),
                    series_colour(i),
                    arg(Charts.tr("median %1 d"), _days(r.median_days)),
                )
            )
    ticks = [
        (float(d), arg(Charts.tr("≥ %1"), format_number(d)) if d == tail else format_number(d))
        for d in sorted(every_day)
    ]
    note = " · ".join(
        arg(
            Charts.tr("%1: median %2 days, 80 % within %3 days, %4 shipments"),
            r.route,
            _days(r.median_days),
            _days(r.p80_days),
            format_number(r.shipments),
        )
        for r in routes
    )
    return ChartData(series, bars, ticks, markers, note)


def _tail_start(histograms: Sequence[dict[int, int]]) -> int | None:
    """The day from which the rare long transits share one bar ("≥ N days").

    A few shipments held for weeks would otherwise stretch the axis so far that the usual
    7–20 days shrink to a sliver. The tail starts after the 99th percentile of all routes,
    and only when it is more than a week beyond it.
    """
    counts: dict[int, int] = {}
    for h in histograms:
        for day, n in h.items():
            counts[day] = counts.get(day, 0) + n
    total = sum(counts.values())
    seen = 0
    for day in sorted(counts):
        seen += counts[day]
        if seen >= 0.99 * total:
            return day + 1 if max(counts) > day + 7 else None
    return None


def _lump_tail(counts: dict[int, int], tail: int | None) -> dict[int, int]:
    if tail is None:
        return counts
    lumped = {day: n for day, n in counts.items() if day < tail}
    rest = sum(n for day, n in counts.items() if day >= tail)
    if rest:
        lumped[tail] = rest
    return lumped


def _transit_filter(
    flt: Filter | None, day: int, route: str, *, tail: bool
) -> tuple[Filter | None, str]:
    """The bar's shipments and their label for the workspace chip.

    The route's shipments in the period that took ``day`` days, or at least ``day`` for the
    bar that lumps the rare long transits together.
    """
    if flt is None:
        return None, route
    if tail:
        label = arg(Charts.tr("%1, %2 days or more in transit"), route, day)
        return replace(flt, transit_days=(day, None)), label
    label = arg(Charts.tr("%1, %2 days in transit"), route, day)
    return replace(flt, transit_days=(day, day)), label


def _days(value: float | None) -> str:
    return "–" if value is None else QLocale().toString(float(value), "f", 1)
