"""Transit time (departure to arrival, in days) per route: distribution, median and p80."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities import FigureArrivalTotal, Station
from models.services.figures._common import NOT_CANCELLED, name_column
from models.services.queries import Filter

_A = FigureArrivalTotal


@dataclass(frozen=True)
class RouteTransit:
    """Transit days of the shipments that arrived over one border crossing in a period.

    ``days`` is a histogram: ``days[i]`` shipments took ``i`` days (from departure date to
    arrival date). ``border_station_id`` is None for shipments without a border station.
    """

    border_station_id: int | None
    route: str
    days: list[int]
    median_days: float
    p80_days: float
    shipments: int
    filter: Filter


def median_of(histogram: Sequence[int]) -> float:
    """The median of the values a histogram counts (mean of the two middle ones if even)."""
    n = sum(histogram)
    if n == 0:
        return math.nan
    lower = nth_value(histogram, (n + 1) // 2)
    upper = nth_value(histogram, n // 2 + 1)
    return (lower + upper) / 2


def percentile_of(histogram: Sequence[int], pct: float) -> float:
    """The nearest-rank percentile: the smallest value with at least ``pct`` % at or below."""
    n = sum(histogram)
    if n == 0:
        return math.nan
    return float(nth_value(histogram, max(1, math.ceil(n * pct / 100))))


def nth_value(histogram: Sequence[int], rank: int) -> int:
    """The ``rank``-th smallest value (1-based) counted by the histogram."""
    seen = 0
    for value, count in enumerate(histogram):
        seen += count
        if seen >= rank:
            return value
    raise ValueError("rank beyond the histogram")


def transit_times(
    session: Session, first: date, last: date, *, lang: str = "en", no_border: str = "(none)"
) -> list[RouteTransit]:
    """Per border crossing, the transit days of shipments arrived in ``first`` … ``last``.

    Shipments without a departure date are left out. One GROUP BY over the summary table
    ``figure_arrival_totals`` gives (border, days) → shipments; median and p80 are read off
    that histogram. Routes ordered by shipments, most first.
    """
    query = (
        select(_A.border_key, _A.transit_days, func.sum(_A.shipments))
        .where(_A.arrival_date >= first, _A.arrival_date <= last, _A.transit_days >= 0)
        .group_by(_A.border_key, _A.transit_days)
        .having(func.sum(_A.shipments) > 0)
    )
    histograms: dict[int, list[int]] = {}
    for key, days, n in session.execute(query):
        hist = histograms.setdefault(int(key), [])
        if len(hist) <= days:
            hist.extend([0] * (days + 1 - len(hist)))
        hist[days] += int(n)
    ids = [k for k in histograms if k]
    query_names = select(Station.id, name_column(Station, lang)).where(Station.id.in_(ids))
    names = {int(i): str(n) for i, n in session.execute(query_names)}
    routes = []
    for key, hist in histograms.items():
        border = key or None
        if border is None:
            flt = Filter(
                arrival_from=first, arrival_to=last, statuses=NOT_CANCELLED, without_border=True
            )
        else:
            flt = Filter(
                arrival_from=first,
                arrival_to=last,
                statuses=NOT_CANCELLED,
                border_station_ids=(border,),
            )
        routes.append(
            RouteTransit(
                border_station_id=border,
                route=names.get(border, "") if border else no_border,
                days=hist,
                median_days=median_of(hist),
                p80_days=percentile_of(hist, 80),
                shipments=sum(hist),
                filter=flt,
            )
        )
    return sorted(routes, key=lambda r: (-r.shipments, r.route))
