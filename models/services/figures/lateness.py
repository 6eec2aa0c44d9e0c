"""What is late, by how many days, where it is stuck, and what arrives next.

"Late" is derived, never stored: the ETA is before ``as_of`` and the shipment is still open
(not arrived, unloaded or cancelled). A shipment whose ETA is ``as_of`` itself is not late
yet; one whose ETA was the day before is 1 day late. Days are calendar days; event times are
UTC, and "the status at the end of a day" means before the following midnight UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from models.entities import Commodity, Shipment, ShipmentEvent, Station
from models.rules.status import OPEN_STATUSES, SEQUENCE, Status
from models.services.figures._common import (
    OPEN_VALUES,
    as_date,
    day_end,
    name_column,
)
from models.services.figures.status import has_later_events
from models.services.queries import Filter, conditions, late_condition

_OPEN: tuple[Status, ...] = tuple(s for s in SEQUENCE if s in OPEN_STATUSES)
#: The ageing buckets in days late: (first, last); None = no upper end.
BUCKETS: tuple[tuple[int, int | None], ...] = ((1, 3), (4, 7), (8, 14), (15, None))


@dataclass(frozen=True)
class LateShipment:
    """An open shipment past its ETA (or, from :func:`stuck_at_border`, held at a border).

    ``days_late`` is ``as_of - eta`` in days; for :func:`stuck_at_border` it is the days
    spent at the border so far (``as_of`` minus the day of the latest event).
    """

    id: int
    waybill: str
    train_no: str
    commodity: str
    eta: date | None
    days_late: int
    last_station: str | None
    last_event_at: datetime | None
    predicted_arrival: date | None
    #: The current status (added for the dashboard; not in the first contract).
    status: Status = Status.IN_TRANSIT


@dataclass(frozen=True)
class AgeingBucket:
    """Late shipments between ``first_day`` and ``last_day`` days late (None: no end)."""

    first_day: int
    last_day: int | None
    shipments: int
    net_kg: int
    filter: Filter


@dataclass(frozen=True)
class DestinationFigure:
    """Open shipments due at one destination station within the next days."""

    station_id: int
    station: str
    shipments: int
    net_kg: int
    filter: Filter


def _late_where(session: Session, as_of: date) -> tuple[object, date | None]:
    """The late condition and the day statuses are rewound to (None: current statuses)."""
    if not has_later_events(session, as_of):
        return late_condition(as_of), None
    return _late_on_past_day(as_of), as_of


def _late_on_past_day(day: date) -> ColumnElement[bool]:
    """Late at the end of a past ``day``, found from small indexed sets.

    The same shipments as ``late_condition(day, historical=day)``, without reading every
    shipment changed since (for a year-end a year ago, some 300,000 histories).

    A shipment late then had its ETA before ``day`` and was open at the end of it, so it is
    now still open or cancelled (the ``(status, eta)`` index), or arrived after ``day`` (its
    arrival date after its ETA: the partial index ``ix_shipments_late_arrival``). This takes
    an arrival date to be the day of the arrival event, give or take a time zone (two days'
    margin). For those
    candidates alone, the status then is read from their events: the current status when
    nothing happened to them since, else their latest event before the day ended.
    """
    row = aliased(Shipment)
    open_then = _open_at_end_of(day, row)
    still_open_or_cancelled = select(row.id).where(
        row.status.in_((*OPEN_VALUES, Status.CANCELLED.value)), row.eta < day, open_then
    )
    arrived_since = select(row.id).where(
        row.arrival_date > row.eta,  # the partial index's condition, word for word
        row.arrival_date >= day - timedelta(days=2),
        row.eta < day,
        open_then,
    )
    # IN ignores a shipment found twice (open now, yet with an arrival date).
    return Shipment.id.in_(union_all(still_open_or_cancelled, arrived_since))


def _open_at_end_of(day: date, row: Any) -> ColumnElement[bool]:
    """``row`` was open at the end of ``day``.

    Its current status if nothing happened to it since, else its latest event's before then
    (per row, through the event index).
    """
    cutoff = day_end(day)
    later = (
        select(ShipmentEvent.id)
        .where(ShipmentEvent.shipment_id == row.id, ShipmentEvent.occurred_at >= cutoff)
        .exists()
    )
    then = (
        select(ShipmentEvent.status)
        .where(ShipmentEvent.shipment_id == row.id, ShipmentEvent.occurred_at < cutoff)
        .order_by(ShipmentEvent.occurred_at.desc(), ShipmentEvent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return or_(and_(row.status.in_(OPEN_VALUES), ~later), and_(later, then.in_(OPEN_VALUES)))


def _listed(lang: str) -> Select[Any]:
    """What the late and stuck lists show of each shipment, with its commodity's name."""
    return select(
        Shipment.id,
        Shipment.waybill,
        Shipment.train_no,
        name_column(Commodity, lang),
        Shipment.eta,
        Shipment.status,
    ).join(Commodity, Commodity.id == Shipment.commodity_id)


def late_shipments(
    session: Session, as_of: date, *, limit: int | None = None, lang: str = "en"
) -> list[LateShipment]:
    """Open shipments past their ETA on ``as_of``, most days late first (then by id).

    Reads only open shipments through the ``(status, eta)`` index; the latest event (where it
    is and since when) and the prediction are looked up for the rows returned only.

    Args:
        session: A read session.
        as_of: The day lateness is judged on.
        limit: At most this many (the dashboard's top 50); None: all.
        lang: "en", "zh" or "ru" for the commodity and station names.
    """
    where, _historical = _late_where(session, as_of)
    query = (
        _listed(lang)
        .where(where)
        # COALESCE hides the eta index from the ORDER BY: otherwise PostgreSQL walks every
        # shipment in ETA order looking for 50 open ones, instead of sorting the few late.
        .order_by(func.coalesce(Shipment.eta, Shipment.eta), Shipment.id)
    )
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    return _late_rows(session, rows, lang, lambda r, _ev: (as_of - as_date(r[4])).days, as_of)


def _late_rows(
    session: Session,
    rows: Sequence[tuple],  # type: ignore[type-arg]
    lang: str,
    days: object,
    as_of: date,
) -> list[LateShipment]:
    from models.services.figures.prediction import predictions

    ids = [r[0] for r in rows]
    events = last_events(session, ids, lang=lang, before=day_end(as_of))
    predicted = predictions(session, as_of, ids=ids) if ids else {}
    result = []
    for r in rows:
        event = events.get(r[0])
        p = predicted.get(r[0])
        result.append(
            LateShipment(
                id=r[0],
                waybill=r[1],
                train_no=r[2],
                commodity=r[3],
                eta=as_date(r[4]) if r[4] is not None else None,
                days_late=days(r, event),  # type: ignore[operator]
                last_station=event[1] if event else None,
                last_event_at=event[0] if event else None,
                predicted_arrival=p.predicted if p else None,
                status=Status(r[5]),
            )
        )
    return result


def last_events(
    session: Session, ids: Sequence[int], *, lang: str = "en", before: datetime | None = None
) -> dict[int, tuple[datetime, str | None]]:
    """The latest event's time and station name for each of these shipments (one query).

    ``before``: the latest event before this moment (where a shipment was on a past day).
    """
    if not ids:
        return {}
    when = [ShipmentEvent.occurred_at < before] if before is not None else []
    latest = (
        select(
            ShipmentEvent.shipment_id,
            ShipmentEvent.occurred_at,
            ShipmentEvent.station_id,
            func.row_number()
            .over(
                partition_by=ShipmentEvent.shipment_id,
                order_by=(ShipmentEvent.occurred_at.desc(), ShipmentEvent.id.desc()),
            )
            .label("n"),
        )
        .where(ShipmentEvent.shipment_id.in_(ids), *when)
        .subquery()
    )
    query = (
        select(latest.c.shipment_id, latest.c.occurred_at, name_column(Station, lang))
        .outerjoin(Station, Station.id == latest.c.station_id)
        .where(latest.c.n == 1)
    )
    return {sid: (at, station) for sid, at, station in session.execute(query)}


def ageing_buckets(session: Session, as_of: date) -> list[AgeingBucket]:
    """Late shipments on ``as_of`` in the buckets 1–3, 4–7, 8–14 and over 14 days late.

    One GROUP BY over the late shipments; every bucket is returned, zeros included. Each
    bucket's filter is "late on as_of" plus its ETA range, so the workspace shows the same
    shipments.
    """
    where, historical = _late_where(session, as_of)
    bucket = case(
        *(
            (Shipment.eta >= as_of - timedelta(days=last), first)
            for first, last in BUCKETS
            if last is not None
        ),
        else_=BUCKETS[-1][0],
    )
    query = (
        select(bucket, func.count(), func.coalesce(func.sum(Shipment.net_weight_kg), 0))
        .where(where)
        .group_by(bucket)
    )
    found = {int(b): (int(n), int(kg)) for b, n, kg in session.execute(query)}
    figures = []
    for first, last in BUCKETS:
        n, kg = found.get(first, (0, 0))
        flt = Filter(
            late_only=True,
            as_of=as_of,
            status_as_of=historical,
            eta_from=as_of - timedelta(days=last) if last is not None else None,
            eta_to=as_of - timedelta(days=first),
        )
        figures.append(AgeingBucket(first, last, n, kg, flt))
    return figures


def stuck_at_border(
    session: Session,
    as_of: date,
    *,
    min_days: int = 3,
    lang: str = "en",
    limit: int | None = None,
) -> list[LateShipment]:
    """Shipments at a border station for more than ``min_days`` days on ``as_of``.

    Days at the border = ``as_of`` minus the (UTC) day of the latest event by the end of
    ``as_of``, which for a shipment "at_border" then is the event that put it there. For a
    past day, statuses are rewound to that day's end from the events, as the late list's
    are. Longest first (then by id), at most ``limit``; count them all with
    ``queries.count(db, stuck_filter(session, as_of, min_days))``.
    """
    flt = stuck_filter(session, as_of, min_days)
    before = day_end(as_of)
    since = (
        select(func.max(ShipmentEvent.occurred_at))
        .where(ShipmentEvent.shipment_id == Shipment.id, ShipmentEvent.occurred_at < before)
        .scalar_subquery()
    )
    query = _listed(lang).where(*conditions(flt)).order_by(since, Shipment.id)
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()

    def days(_row: tuple, event: tuple[datetime, str | None] | None) -> int:  # type: ignore[type-arg]
        return (as_of - event[0].date()).days if event else 0

    result = _late_rows(session, rows, lang, days, as_of)
    return sorted(result, key=lambda r: (-r.days_late, r.id))


def stuck_filter(session: Session, as_of: date, min_days: int = 3) -> Filter:
    """The workspace filter for :func:`stuck_at_border`'s shipments.

    Statuses are rewound to the end of ``as_of`` when anything happened after it (a past
    day); today's are the current ones.
    """
    historical = as_of if has_later_events(session, as_of) else None
    return Filter(at_border_before=as_of - timedelta(days=min_days), status_as_of=historical)


def expected_arrivals(
    session: Session, as_of: date, *, days: int = 7, lang: str = "en"
) -> list[DestinationFigure]:
    """Open shipments whose ETA is within ``as_of`` … ``as_of + days - 1``, per destination.

    Most net weight first. Today reads only open shipments through the ``(status, eta)``
    index; a past day reads that week's ETAs and judges "open" by the status then.
    """
    last = as_of + timedelta(days=days - 1)
    historical = as_of if has_later_events(session, as_of) else None
    is_open = (
        Shipment.status.in_(OPEN_VALUES) if historical is None else _open_at_end_of(as_of, Shipment)
    )
    query = (
        select(
            Shipment.destination_station_id,
            func.count(),
            func.sum(Shipment.net_weight_kg),
        )
        .where(is_open, Shipment.eta >= as_of, Shipment.eta <= last)
        .group_by(Shipment.destination_station_id)
        .subquery()
    )
    named = select(query, name_column(Station, lang)).join(
        Station, Station.id == query.c.destination_station_id
    )
    figures = [
        DestinationFigure(
            station_id=int(sid),
            station=name,
            shipments=int(n),
            net_kg=int(kg),
            filter=Filter(
                statuses=_OPEN,
                status_as_of=historical,
                eta_from=as_of,
                eta_to=last,
                destination_station_ids=(int(sid),),
            ),
        )
        for sid, n, kg, name in session.execute(named)
    ]
    return sorted(figures, key=lambda f: (-f.net_kg, f.station_id))


__all__ = [
    "BUCKETS",
    "AgeingBucket",
    "DestinationFigure",
    "LateShipment",
    "ageing_buckets",
    "expected_arrivals",
    "last_events",
    "late_shipments",
    "stuck_at_border",
    "stuck_filter",
]
