"""Tonnes arrived per month or per key, against a year earlier; weight discrepancies.

Per month and commodity, per commodity/supplier/route/destination, each with the same
period a year earlier; and arrived weights that differ from shipped ones.

"Arrived in the period" means an arrival date within ``first`` … ``last`` (both included)
and not cancelled, whatever the status says otherwise. The monthly and grouped figures read
the summary table ``figure_arrival_totals`` (one row per arrival day and key, kept by
triggers), never the million shipments.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from models.entities import (
    Commodity,
    Contract,
    Counterparty,
    FigureArrivalTotal,
    Shipment,
    Station,
)
from models.rules.status import Status
from models.services.figures._common import (
    NOT_CANCELLED,
    as_date,
    is_sqlite,
    month_start,
    name_column,
    previous_year,
)
from models.services.queries import Filter

Dimension = Literal["commodity", "supplier", "route", "destination"]
DIMENSIONS: tuple[str, ...] = ("commodity", "supplier", "route", "destination")
#: The tolerance a shipment without a contract is judged by, in percent.
DEFAULT_TOLERANCE_PCT = 2.5

_A = FigureArrivalTotal


@dataclass(frozen=True)
class MonthFigure:
    """Net kg of one commodity arrived in one month, and in the same month a year earlier."""

    month: date
    commodity_id: int
    commodity: str
    shipments: int
    net_kg: int
    previous_year_net_kg: int
    filter: Filter


@dataclass(frozen=True)
class GroupFigure:
    """Net kg arrived in a period for one key (commodity, supplier, border, destination).

    ``key_id`` is None only for the "no border station" group of the route dimension.
    """

    key_id: int | None
    name: str
    shipments: int
    net_kg: int
    previous_year_net_kg: int
    filter: Filter


@dataclass(frozen=True)
class Discrepancy:
    """An arrived shipment whose arrived weight differs from the shipped one beyond tolerance."""

    id: int
    waybill: str
    train_no: str
    commodity: str
    net_kg: int
    arrived_kg: int
    difference_kg: int
    pct: float
    reason: str | None
    #: The tolerance it was judged by (its contract's, else 2.5 %).
    tolerance_pct: float = DEFAULT_TOLERANCE_PCT


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _arrived_by(session: Session, keys: list[Any], first: date, last: date) -> dict[tuple, tuple]:  # type: ignore[type-arg]
    query = (
        select(*keys, func.sum(_A.shipments), func.sum(_A.net_kg))
        .where(_A.arrival_date >= first, _A.arrival_date <= last)
        .group_by(*keys)
        .having(func.sum(_A.shipments) > 0)
    )
    n = len(keys)
    return {tuple(row[:n]): (int(row[n]), int(row[n + 1])) for row in session.execute(query)}


def monthly_arrived(
    session: Session, first: date, last: date, *, lang: str = "en"
) -> list[MonthFigure]:
    """Net kg arrived per month and commodity in ``first`` … ``last``, with the previous year.

    Months are calendar months; a period that starts or ends mid-month counts only its own
    days, and the previous year's figure counts the same days a year earlier (a period that
    ends on a month's last day ends on that month's last day then: see ``previous_year``).
    A month and commodity with arrivals in either year is listed. Ordered by month, then
    commodity name.
    """
    month = month_start(session, _A.arrival_date)
    now = _arrived_by(session, [month, _A.commodity_id], first, last)
    before = _arrived_by(session, [month, _A.commodity_id], *previous_year(first, last))
    shifted = {(_next_year(as_date(m)), c): value for (m, c), value in before.items()}
    current = {(as_date(m), c): value for (m, c), value in now.items()}
    names = _names(session, Commodity, {c for _m, c in current | shifted}, lang)
    figures = []
    for m, c in sorted(current.keys() | shifted.keys(), key=lambda k: (k[0], names[k[1]])):
        n, kg = current.get((m, c), (0, 0))
        flt = Filter(
            commodity_ids=(c,),
            arrival_from=max(first, m),
            arrival_to=min(last, _month_end(m)),
            statuses=NOT_CANCELLED,
        )
        figures.append(MonthFigure(m, c, names[c], n, kg, shifted.get((m, c), (0, 0))[1], flt))
    return figures


def _next_year(day: date) -> date:
    return day.replace(year=day.year + 1)  # always the 1st of a month: never 29 February


def _names(session: Session, entity: Any, ids: set[int], lang: str) -> dict[int, str]:
    if not ids:
        return {}
    query = select(entity.id, name_column(entity, lang)).where(entity.id.in_(ids))
    return {int(i): str(n) for i, n in session.execute(query)}


_KEYS: dict[str, tuple[Any, Any]] = {
    "commodity": (_A.commodity_id, Commodity),
    "supplier": (_A.supplier_id, Counterparty),
    "route": (_A.border_key, Station),
    "destination": (_A.destination_station_id, Station),
}


def tonnage_by(
    session: Session,
    dimension: Dimension,
    first: date,
    last: date,
    *,
    lang: str = "en",
    no_border: str = "(no border station)",
) -> list[GroupFigure]:
    """Net kg arrived in ``first`` … ``last`` per commodity, supplier, route or destination.

    "route" is the border crossing station (shipments without one form one group, key None,
    named ``no_border``). Each group also carries the net kg arrived in the same days a year
    earlier; groups with arrivals only then are listed too. Most net kg first.
    """
    if dimension not in _KEYS:
        raise ValueError(f"unknown dimension {dimension!r}; expected one of {DIMENSIONS}")
    column, entity = _KEYS[dimension]
    now = _arrived_by(session, [column], first, last)
    before = _arrived_by(session, [column], *previous_year(first, last))
    keys = {k[0] for k in now} | {k[0] for k in before}
    names = _names(session, entity, {k for k in keys if k}, lang)
    figures = []
    for key in keys:
        n, kg = now.get((key,), (0, 0))
        key_id = int(key) if dimension != "route" or key else None
        flt = Filter(arrival_from=first, arrival_to=last, statuses=NOT_CANCELLED)
        flt = _with_key(flt, dimension, key_id)
        name = names.get(key_id, "") if key_id is not None else no_border
        figures.append(GroupFigure(key_id, name, n, kg, before.get((key,), (0, 0))[1], flt))
    return sorted(figures, key=lambda f: (-f.net_kg, -f.previous_year_net_kg, f.name))


def _with_key(flt: Filter, dimension: str, key_id: int | None) -> Filter:
    from dataclasses import replace

    if dimension == "commodity":
        return replace(flt, commodity_ids=(key_id,))
    if dimension == "supplier":
        return replace(flt, supplier_ids=(key_id,))
    if dimension == "destination":
        return replace(flt, destination_station_ids=(key_id,))
    if key_id is None:
        return replace(flt, without_border=True)
    return replace(flt, border_station_ids=(key_id,))


#: The relative weight difference in basis points (1/100 %), rounded down: the expression of
#: the partial index ``ix_shipments_weight_deviation`` (migration 0003), written exactly as
#: there so that both databases use the index.
DEVIATION_BP = (
    "(abs(shipments.arrived_weight_kg - shipments.net_weight_kg) * 10000 / shipments.net_weight_kg)"
)


#: Ids per IN (...) when reading rows by id.
_CHUNK = 5000


def _discrepancy_where(session: Session, first: date, last: date) -> list[Any]:
    """The conditions of "arrived in the period, off beyond its tolerance".

    The exact test is ``|arrived - net| * 100 > net * tolerance``. Before it, a necessary
    condition the deviation index answers: the difference in basis points (rounded down) is at
    least the smallest tolerance any contract has (in basis points; tolerances have two
    decimals). So only the few shipments off by more than that are read, in every period,
    instead of every arrival of the period.
    """
    smallest = session.execute(select(func.min(Contract.tolerance_pct))).scalar()
    floor = Decimal(str(DEFAULT_TOLERANCE_PCT))
    if smallest is not None:
        floor = min(floor, Decimal(str(smallest)))
    floor_bp = int(floor * 100)
    arrival = Shipment.arrival_date
    if is_sqlite(session):
        # Unary plus: SQLite's planner would otherwise prefer the arrival-date index (two
        # bounds look narrower than one) and read every arrival of the period.
        arrival = literal_column("+shipments.arrival_date", Shipment.arrival_date.type)
    tolerance = func.coalesce(Contract.tolerance_pct, DEFAULT_TOLERANCE_PCT)
    difference = Shipment.arrived_weight_kg - Shipment.net_weight_kg
    return [
        Shipment.arrived_weight_kg.is_not(None),
        literal_column(DEVIATION_BP) >= floor_bp,
        arrival >= first,
        arrival <= last,
        Shipment.status != Status.CANCELLED.value,
        # Integer arithmetic on both sides: |diff| * 100 > net * tolerance.
        func.abs(difference) * 100 > Shipment.net_weight_kg * tolerance,
    ]


def weight_discrepancies(
    session: Session, first: date, last: date, *, lang: str = "en", limit: int | None = None
) -> list[Discrepancy]:
    """Arrived shipments whose arrived weight is off the shipped one beyond tolerance.

    Shipments arrived in ``first`` … ``last`` whose arrived weight differs from the shipped
    net weight by more than their contract's tolerance (2.5 % without a contract).
    Largest relative difference first (then by id), at most ``limit`` (None: all); count them
    all with :func:`weight_discrepancy_count`. Reads only the shipments off by more than the
    smallest tolerance, through the partial index ``ix_shipments_weight_deviation``.
    """
    relative = (
        func.abs(Shipment.arrived_weight_kg - Shipment.net_weight_kg) * 1.0 / Shipment.net_weight_kg
    )
    # First the ids, ranked from the index alone; then the rows of those only.
    ranked = (
        select(Shipment.id, func.coalesce(Contract.tolerance_pct, DEFAULT_TOLERANCE_PCT))
        .outerjoin(Contract, Contract.id == Shipment.contract_id)
        .where(*_discrepancy_where(session, first, last))
        .order_by(relative.desc(), Shipment.id)
    )
    if limit is not None:
        ranked = ranked.limit(limit)
    tolerances = {int(i): tol for i, tol in session.execute(ranked)}
    columns = (
        Shipment.id,
        Shipment.waybill,
        Shipment.train_no,
        Shipment.commodity_id,
        Shipment.net_weight_kg,
        Shipment.arrived_weight_kg,
        Shipment.weight_note,
    )
    ids = list(tolerances)
    rows = [
        (*r, tolerances[int(r[0])])
        # In chunks: a database takes only so many parameters in one statement.
        for start in range(0, len(ids), _CHUNK)
        for r in session.execute(
            select(*columns).where(Shipment.id.in_(ids[start : start + _CHUNK]))
        )
    ]
    names = _names(session, Commodity, {int(r[3]) for r in rows}, lang)
    result = [
        Discrepancy(
            id=i,
            waybill=w,
            train_no=t,
            commodity=names.get(int(c), ""),
            net_kg=int(net),
            arrived_kg=int(arrived),
            difference_kg=int(arrived) - int(net),
            pct=(int(arrived) - int(net)) * 100.0 / int(net),
            reason=note,
            tolerance_pct=float(tol),
        )
        for i, w, t, c, net, arrived, note, tol in rows
    ]
    # The same order in Python, where float rounding in SQL could tie differently.
    return sorted(result, key=lambda d: (-abs(d.pct), d.id))


def weight_discrepancy_count(session: Session, first: date, last: date) -> int:
    """How many shipments :func:`weight_discrepancies` finds for the period (no limit)."""
    query = (
        select(func.count())
        .select_from(Shipment)
        .outerjoin(Contract, Contract.id == Shipment.contract_id)
        .where(*_discrepancy_where(session, first, last))
    )
    return int(session.execute(query).scalar_one())
