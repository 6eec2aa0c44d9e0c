"""Predicted arrival of open shipments, learned from history, and how good it has been.

How a prediction is made (everything statistical is a GROUP BY in the database):

1. **Route transit.** The route is origin → border → destination station. From the arrivals of
   the last :data:`HISTORY_DAYS` days before ``as_of`` (summary table
   ``figure_arrival_totals``), the median and the 80th percentile (nearest rank) of the
   transit days, departure date to arrival date. A route with fewer than
   :data:`MIN_SAMPLE` arrivals falls back to the same border and destination, then to all
   routes.
2. **Base.** Departure date + median (p80: + 80th percentile). Not departed yet: the planned
   departure (or ``as_of`` if that has passed or is unknown) + the same.
3. **Current step.** The shipment has been in its current status since its latest event.
   (Steps 1 and 3 are learned once per database, day and state of the arrivals they learn
   from; see :func:`learned`.)
   From the events of the :data:`STEP_SAMPLE` most recently arrived shipments, the median
   time a shipment of the same border crossing stays in that status (until its next event).
   Time already spent beyond that median pushes both dates out by the excess: a border
   stop of 6 days that usually takes 1 adds 5 days.
4. An open shipment cannot arrive before ``as_of``: both dates are at least ``as_of``.

``late_by_prediction`` is set when the ETA has not passed yet (``eta >= as_of``) but the
prediction is after it: the warning comes before the ETA does.

:func:`prediction_accuracy` back-tests step 1–2 on arrived shipments: for each month, the
shipments that arrived in it are predicted with the route medians learned from the
:data:`HISTORY_DAYS` days before that month, and the error is arrival − prediction in days.
(The current-step correction needs the event history as it stood then and is not replayed.)
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Date, Float, String, cast, extract, func, select
from sqlalchemy.orm import Session

from models.entities import FigureArrivalTotal, Shipment, ShipmentEvent, Station
from models.services.figures._common import (
    OPEN_VALUES,
    as_date,
    is_sqlite,
    name_column,
)
from models.services.figures.transit import median_of, percentile_of

#: How far back the route statistics look, in days.
HISTORY_DAYS = 180
#: A route needs this many arrivals to have statistics of its own.
MIN_SAMPLE = 20
#: How many recently arrived shipments the step durations are learned from.
STEP_SAMPLE = 1000
#: How many months :func:`prediction_accuracy` back-tests.
BACKTEST_MONTHS = 6

_A = FigureArrivalTotal
Route = tuple[int, int, int]  # origin, border (0: none), destination


@dataclass(frozen=True)
class Prediction:
    """When an open shipment is predicted to arrive (median) and by when at the latest (p80)."""

    shipment_id: int
    predicted: date
    p80: date
    eta: date | None
    late_by_prediction: bool
    #: Days added because the current step lasts longer than usual (0: none).
    step_delay_days: int = 0
    #: Arrivals the route statistics came from.
    sample: int = 0


class RouteAccuracy(NamedTuple):
    """How far past predictions were off on one route (days; positive = arrived later)."""

    route: str
    median_error_days: float
    shipments: int
    #: Median of the signed errors: a route that is always late has a positive bias.
    bias_days: float = 0.0
    origin_station_id: int = 0
    border_station_id: int | None = None
    destination_station_id: int = 0


def _histograms(session: Session, first: date, last: date) -> dict[Route, list[int]]:
    """Transit-day histograms per route for arrivals in ``first`` … ``last``."""
    query = (
        select(
            _A.origin_station_id,
            _A.border_key,
            _A.destination_station_id,
            _A.transit_days,
            func.sum(_A.shipments),
        )
        .where(_A.arrival_date >= first, _A.arrival_date <= last, _A.transit_days >= 0)
        .group_by(_A.origin_station_id, _A.border_key, _A.destination_station_id, _A.transit_days)
        .having(func.sum(_A.shipments) > 0)
    )
    result: dict[Route, list[int]] = {}
    for origin, border, dest, days, n in session.execute(query):
        _add(result.setdefault((int(origin), int(border), int(dest)), []), int(days), int(n))
    return result


def _add(hist: list[int], days: int, n: int) -> None:
    if len(hist) <= days:
        hist.extend([0] * (days + 1 - len(hist)))
    hist[days] += n


def _merge(hists: Sequence[list[int]]) -> list[int]:
    merged: list[int] = []
    for hist in hists:
        for days, n in enumerate(hist):
            if n:
                _add(merged, days, n)
    return merged


class _RouteModel:
    """Route → (median, p80, sample) with the fallbacks described in the module docstring."""

    def __init__(self, hists: dict[Route, list[int]]) -> None:
        self._route = {r: h for r, h in hists.items() if sum(h) >= MIN_SAMPLE}
        pairs: dict[tuple[int, int], list[list[int]]] = defaultdict(list)
        for (_o, b, d), h in hists.items():
            pairs[(b, d)].append(h)
        merged = {k: _merge(v) for k, v in pairs.items()}
        self._pair = {k: h for k, h in merged.items() if sum(h) >= MIN_SAMPLE}
        self._all = _merge(list(hists.values()))
        #: Answers per route: thousands of open shipments share a few dozen routes.
        self._stats: dict[Route, tuple[float, float, int] | None] = {}

    def stats(self, route: Route) -> tuple[float, float, int] | None:
        if route in self._stats:
            return self._stats[route]
        hist = self._route.get(route) or self._pair.get(route[1:]) or self._all
        n = sum(hist)
        found = None if n == 0 else (percentile_of(hist, 50), percentile_of(hist, 80), n)
        self._stats[route] = found
        return found


def _hours(session: Session, later: Any, earlier: Any) -> Any:
    if is_sqlite(session):
        return (func.julianday(later) - func.julianday(earlier)) * 24.0
    return extract("epoch", later - earlier) / 3600.0


def step_hours(session: Session, as_of: date) -> dict[tuple[int, str], float]:
    """Median hours a shipment stays in a status, per (border key, status).

    Learned from the events of the :data:`STEP_SAMPLE` shipments that arrived most recently
    on or before ``as_of``: the time from each event to the shipment's next one.
    """
    recent = (
        select(Shipment.id, func.coalesce(Shipment.border_station_id, 0).label("border"))
        .where(Shipment.arrival_date.is_not(None), Shipment.arrival_date <= as_of)
        .order_by(Shipment.arrival_date.desc())
        .limit(STEP_SAMPLE)
        .subquery()
    )
    following = (
        func.lead(ShipmentEvent.occurred_at)
        .over(
            partition_by=ShipmentEvent.shipment_id,
            order_by=(ShipmentEvent.occurred_at, ShipmentEvent.id),
        )
        .label("following")
    )
    steps = (
        select(recent.c.border, ShipmentEvent.status, ShipmentEvent.occurred_at, following)
        .join(ShipmentEvent, ShipmentEvent.shipment_id == recent.c.id)
        .subquery()
    )
    hours = cast(_hours(session, steps.c.following, steps.c.occurred_at), Float)
    # Whole hours keep the histogram small; the median is read off it.
    bucket = func.round(hours)
    query = (
        select(steps.c.border, steps.c.status, bucket, func.count())
        .where(steps.c.following.is_not(None))
        .group_by(steps.c.border, steps.c.status, bucket)
    )
    hists: dict[tuple[int, str], list[int]] = {}
    for border, status, h, n in session.execute(query):
        _add(hists.setdefault((int(border), str(status)), []), max(0, int(h)), int(n))
    return {key: median_of(hist) for key, hist in hists.items() if sum(hist)}


#: (database URL, as_of, fingerprint of the arrivals learned from) → (route model, steps).
_LEARNED: dict[tuple[str, date, tuple[int, ...]], tuple[_RouteModel, dict[Any, float]]] = {}


def learned(session: Session, as_of: date) -> tuple[_RouteModel, dict[tuple[int, str], float]]:
    """The route statistics and step medians for ``as_of``, learned once per data state.

    Both are learned from arrived shipments only, so they are kept (per process) until the
    arrivals of the learning window change: the fingerprint is the number, net and arrived
    kg of the window's arrivals and its latest arrival day, one small query on the summary
    table. Any arrival, correction or deletion in the window changes it.
    """
    cache = session.info.setdefault("railgrain_figures_learned", {})
    if as_of in cache:  # one dashboard refresh asks several times in one session
        return cache[as_of]  # type: ignore[no-any-return]
    first = as_of - timedelta(days=HISTORY_DAYS)
    key = (str(session.get_bind().engine.url), as_of, _fingerprint(session, first, as_of))
    found = _LEARNED.get(key)
    if found is None:
        found = (_RouteModel(_histograms(session, first, as_of)), step_hours(session, as_of))
        if len(_LEARNED) > 16:
            _LEARNED.clear()
        _LEARNED[key] = found
    cache[as_of] = found
    return found


def predictions(
    session: Session, as_of: date | None, *, ids: Sequence[int] | None = None
) -> dict[int, Prediction]:
    """Predicted arrival (median, p80) of open shipments; see the module docstring.

    Args:
        session: A read session.
        as_of: The day predictions are made on (None: today).
        ids: Only these shipments (those not open are left out); None: every open one.

    Returns:
        shipment id → prediction, for open shipments on a route with any history.
    """
    as_of = as_of or date.today()
    if ids is not None and not ids:
        return {}
    model, steps = learned(session, as_of)
    last_event = (
        select(ShipmentEvent.occurred_at)
        .where(ShipmentEvent.shipment_id == Shipment.id)
        .order_by(ShipmentEvent.occurred_at.desc(), ShipmentEvent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = select(
        Shipment.id,
        Shipment.origin_station_id,
        func.coalesce(Shipment.border_station_id, 0),
        Shipment.destination_station_id,
        Shipment.departure_date,
        Shipment.planned_departure,
        Shipment.eta,
        Shipment.status,
        last_event,
    ).where(Shipment.status.in_(OPEN_VALUES))
    if ids is not None:
        query = query.where(Shipment.id.in_(list(ids)))
    result: dict[int, Prediction] = {}
    # The shipments of one train share route, dates and status: each distinct case once.
    done: dict[tuple[Any, ...], Prediction | None] = {}
    for sid, origin, border, dest, departed, planned, eta, status, since in session.execute(query):
        case = (origin, border, dest, departed, planned, eta, status, since and since.date())
        if case not in done:
            done[case] = _predict(model, steps, as_of, case)
        p = done[case]
        if p is not None:
            result[sid] = Prediction(
                sid, p.predicted, p.p80, p.eta, p.late_by_prediction, p.step_delay_days, p.sample
            )
    return result


def predicted_late(session: Session, as_of: date | None, *, limit: int) -> list[Prediction]:
    """The open shipments predicted late before their ETA has passed, most days over first.

    The same predictions as :func:`predictions` (``late_by_prediction`` set), but grouped in
    the database first: the open shipments with an ETA on or after ``as_of`` are grouped by
    route, dates, status and day of their latest event, which the shipments of one train
    share, so a few hundred cases are predicted instead of every open shipment read. Ties in
    days over go to the lower shipment id. At most ``limit``.
    """
    as_of = as_of or date.today()
    model, steps = learned(session, as_of)
    latest = (
        select(func.max(ShipmentEvent.occurred_at))
        .where(ShipmentEvent.shipment_id == Shipment.id)
        .scalar_subquery()
    )
    open_ = (
        select(
            Shipment.id,
            Shipment.origin_station_id.label("origin"),
            func.coalesce(Shipment.border_station_id, 0).label("border"),
            Shipment.destination_station_id.label("destination"),
            Shipment.departure_date,
            Shipment.planned_departure,
            Shipment.eta,
            Shipment.status,
            (func.date(latest) if is_sqlite(session) else cast(latest, Date)).label("since"),
        )
        .where(Shipment.status.in_(OPEN_VALUES), Shipment.eta >= as_of)
        .subquery()
    )
    case = [c for c in open_.c if c.key != "id"]
    query = select(*case, func.aggregate_strings(cast(open_.c.id, String), ",")).group_by(*case)
    found: list[tuple[int, int, Prediction]] = []
    for *values, ids in session.execute(query):
        origin, border, dest, departed, planned, eta, status, since = values
        p = _predict(
            model,
            steps,
            as_of,
            (
                int(origin),
                int(border),
                int(dest),
                departed,
                planned,
                eta,
                status,
                since and as_date(since),
            ),
        )
        if p is None or not p.late_by_prediction or p.eta is None:
            continue
        over = (p.predicted - p.eta).days
        found.extend((-over, int(i), p) for i in str(ids).split(","))
    return [replace(p, shipment_id=i) for _, i, p in heapq.nsmallest(limit, found)]


def _predict(
    model: _RouteModel,
    steps: dict[tuple[int, str], float],
    as_of: date,
    case: tuple[Any, ...],
) -> Prediction | None:
    """The prediction for one (route, dates, status, day of the latest event); id 0."""
    origin, border, dest, departed, planned, eta, status, since = case
    stats = model.stats((origin, border, dest))
    if stats is None:
        return None
    median, p80, sample = stats
    start = as_date(departed) if departed else max(as_of, as_date(planned or as_of))
    delay = 0
    usual = steps.get((border, status))
    if since is not None and usual is not None and not math.isnan(usual):
        spent = (as_of - since).days * 24.0
        delay = max(0, math.floor((spent - usual) / 24.0))
    predicted = max(as_of, start + timedelta(days=median + delay))
    latest = max(predicted, start + timedelta(days=p80 + delay))
    eta_d = as_date(eta) if eta is not None else None
    return Prediction(
        shipment_id=0,
        predicted=predicted,
        p80=latest,
        eta=eta_d,
        late_by_prediction=eta_d is not None and eta_d >= as_of and predicted > eta_d,
        step_delay_days=delay,
        sample=sample,
    )


def prediction_accuracy(
    session: Session, as_of: date, *, lang: str = "en", months: int = BACKTEST_MONTHS
) -> list[RouteAccuracy]:
    """Median absolute error (days) per route of predictions made as described above.

    For each of the ``months`` whole months before ``as_of``'s month, the shipments that
    arrived in it are compared with the route median learned from the :data:`HISTORY_DAYS`
    days before the month began. One GROUP BY per month over the summary table. Routes with
    the most back-tested shipments first.
    """
    this_month = as_of.replace(day=1)
    # Learned from arrivals before this month only: kept (per process) until they change,
    # like :func:`learned`; the fingerprint is one small query on the summary table.
    window = this_month - timedelta(days=31 * months + HISTORY_DAYS)
    key = (
        str(session.get_bind().engine.url),
        this_month,
        months,
        lang,
        _fingerprint(session, window, this_month - timedelta(days=1)),
    )
    found = _ACCURACY.get(key)
    if found is None:
        found = _accuracy(session, this_month, lang, months)
        if len(_ACCURACY) > 16:
            _ACCURACY.clear()
        _ACCURACY[key] = found
    return list(found)


#: (database URL, month, months, language, fingerprint) → prediction_accuracy's answer.
_ACCURACY: dict[tuple[Any, ...], tuple[RouteAccuracy, ...]] = {}


def _fingerprint(session: Session, first: date, last: date) -> tuple[int, ...]:
    """A checksum of the arrivals in ``first`` … ``last``, from the summary table (one query).

    Their number, net and arrived kg, and their sums per route station and transit days: any
    arrival, correction (of a weight, a route, a date) or deletion in the window changes it.
    """
    sums = (
        _A.shipments,
        _A.net_kg,
        _A.arrived_kg,
        _A.shipments * _A.origin_station_id,
        _A.shipments * _A.border_key,
        _A.shipments * _A.destination_station_id,
        _A.shipments * _A.transit_days,
    )
    row = session.execute(
        select(*(func.coalesce(func.sum(x), 0) for x in sums), func.count()).where(
            _A.arrival_date >= first, _A.arrival_date <= last
        )
    ).one()
    return tuple(int(v) for v in row)


def _accuracy(
    session: Session, this_month: date, lang: str, months: int
) -> tuple[RouteAccuracy, ...]:
    errors: dict[Route, list[int]] = defaultdict(list)  # histogram of |error|, offset below
    signed: dict[Route, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    month = this_month
    for _ in range(months):
        month = (month - timedelta(days=1)).replace(day=1)
        month_end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        model = _RouteModel(
            _histograms(session, month - timedelta(days=HISTORY_DAYS), month - timedelta(days=1))
        )
        for route, hist in _histograms(session, month, month_end).items():
            stats = model.stats(route)
            if stats is None:
                continue
            median = int(stats[0])
            for days, n in enumerate(hist):
                if n:
                    _add(errors[route], abs(days - median), n)
                    signed[route][days - median] += n
    names = _station_names(session, {i for r in errors for i in r if i}, lang)
    result = []
    for route, hist in errors.items():
        origin, border, dest = route
        bias_hist = signed[route]
        low = min(bias_hist)
        shifted = [0] * (max(bias_hist) - low + 1)
        for value, n in bias_hist.items():
            shifted[value - low] += n
        label = " → ".join(names.get(i, "?") for i in (origin, border, dest) if i)
        result.append(
            RouteAccuracy(
                route=label,
                median_error_days=median_of(hist),
                shipments=sum(hist),
                bias_days=median_of(shifted) + low,
                origin_station_id=origin,
                border_station_id=border or None,
                destination_station_id=dest,
            )
        )
    return tuple(sorted(result, key=lambda r: (-r.shipments, r.route)))


def _station_names(session: Session, ids: set[int], lang: str) -> dict[int, str]:
    if not ids:
        return {}
    query = select(Station.id, name_column(Station, lang)).where(Station.id.in_(ids))
    return {int(i): str(n) for i, n in session.execute(query)}


__all__ = [
    "BACKTEST_MONTHS",
    "HISTORY_DAYS",
    "MIN_SAMPLE",
    "STEP_SAMPLE",
    "Prediction",
    "RouteAccuracy",
    "predicted_late",
    "prediction_accuracy",
    "predictions",
    "step_hours",
]
