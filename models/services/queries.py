"""The shipments table's queries: a filter, a sort, a count and a page of rows.

The table view never holds the whole table: it asks :func:`count` once per filter and
:func:`page` for the few hundred rows on screen. Sorting and filtering are ORDER BY and WHERE
on indexed columns. A page first picks the ids (an index walk on ``shipments`` alone), then
joins the names for just those rows, so deep pages stay cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from models.db import Database
from models.entities import (
    Commodity,
    Contract,
    Counterparty,
    Shipment,
    ShipmentEvent,
    ShipmentUnit,
    Station,
)
from models.rules.status import OPEN_STATUSES, Status


@dataclass(frozen=True)
class Filter:
    """Which shipments to show. Empty fields do not filter."""

    text: str = ""
    statuses: tuple[Status, ...] = ()
    commodity_ids: tuple[int, ...] = ()
    supplier_ids: tuple[int, ...] = ()
    consignee_ids: tuple[int, ...] = ()
    origin_station_ids: tuple[int, ...] = ()
    border_station_ids: tuple[int, ...] = ()
    destination_station_ids: tuple[int, ...] = ()
    contract_ids: tuple[int, ...] = ()
    train_no: str = ""
    departure_from: date | None = None
    departure_to: date | None = None
    arrival_from: date | None = None
    arrival_to: date | None = None
    late_only: bool = False
    #: The day "late" is judged against; None means today.
    as_of: date | None = None


#: Sort keys the table offers → the column ordered by (ties broken by id).
SORT_COLUMNS: dict[str, Any] = {
    "waybill": Shipment.waybill,
    "train_no": Shipment.train_no,
    "status": Shipment.status,
    "departure_date": Shipment.departure_date,
    "eta": Shipment.eta,
    "arrival_date": Shipment.arrival_date,
    "net_weight_kg": Shipment.net_weight_kg,
    "updated_at": Shipment.updated_at,
    "contract": select(Contract.number)
    .where(Contract.id == Shipment.contract_id)
    .scalar_subquery(),
    "commodity": select(Commodity.name)
    .where(Commodity.id == Shipment.commodity_id)
    .scalar_subquery(),
    "supplier": select(Counterparty.name)
    .where(Counterparty.id == Shipment.supplier_id)
    .scalar_subquery(),
}


@dataclass(frozen=True)
class Sort:
    """How to order the table: a key of SORT_COLUMNS and a direction."""

    key: str = "departure_date"
    descending: bool = True


@dataclass(frozen=True)
class ShipmentRow:
    """One row of the shipments table, with names already joined."""

    id: int
    waybill: str
    train_no: str
    commodity_id: int
    commodity: str
    supplier: str
    consignee: str
    origin_station_id: int
    origin: str
    border_station_id: int | None
    border: str | None
    destination_station_id: int
    destination: str
    departure_date: date | None
    eta: date | None
    arrival_date: date | None
    status: Status
    net_weight_kg: int
    arrived_weight_kg: int | None
    wagons: int
    containers: int
    version: int
    contract: str | None = None
    notes: str | None = None
    #: When and where the latest status event happened (None: no event yet).
    last_event_at: datetime | None = None
    last_event_station: str | None = None

    def days_in_transit(self, as_of: date) -> int | None:
        """Days from departure to arrival (or to ``as_of`` while on the way); None before."""
        if self.departure_date is None or self.status == Status.CANCELLED:
            return None
        end = self.arrival_date or as_of
        return max(0, (end - self.departure_date).days)

    def weight_difference_kg(self) -> int | None:
        """Arrived minus shipped net weight; None until the arrived weight is known."""
        if self.arrived_weight_kg is None:
            return None
        return self.arrived_weight_kg - self.net_weight_kg

    def days_late(self, as_of: date) -> int:
        """Days past the ETA for an open shipment; 0 when not late."""
        if self.eta is None or self.status not in OPEN_STATUSES or self.eta >= as_of:
            return 0
        return (as_of - self.eta).days


def late_condition(as_of: date) -> ColumnElement[bool]:
    """SQL for "late": ETA before ``as_of`` and not arrived or cancelled."""
    return and_(
        Shipment.eta < as_of,
        Shipment.status.in_([s.value for s in OPEN_STATUSES]),
    )


def _like_prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def conditions(flt: Filter) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a filter, for reuse by counts, pages, exports and aggregates."""
    where: list[ColumnElement[bool]] = []
    text = flt.text.strip()
    if text:  # case-insensitive on both databases (SQLite's LIKE folds only ASCII anyway)
        prefix = _like_prefix(text)
        upper = _like_prefix(text.upper().replace(" ", ""))
        where.append(
            or_(
                Shipment.waybill.ilike(prefix, escape="\\"),
                Shipment.train_no.ilike(prefix, escape="\\"),
                Shipment.notes.ilike("%" + prefix, escape="\\"),
                Shipment.id.in_(
                    select(ShipmentUnit.shipment_id).where(
                        ShipmentUnit.number.like(upper, escape="\\")
                    )
                ),
            )
        )
    if flt.statuses:
        where.append(Shipment.status.in_([Status(s).value for s in flt.statuses]))
    for column, ids in (
        (Shipment.commodity_id, flt.commodity_ids),
        (Shipment.supplier_id, flt.supplier_ids),
        (Shipment.consignee_id, flt.consignee_ids),
        (Shipment.origin_station_id, flt.origin_station_ids),
        (Shipment.border_station_id, flt.border_station_ids),
        (Shipment.destination_station_id, flt.destination_station_ids),
        (Shipment.contract_id, flt.contract_ids),
    ):
        if ids:
            where.append(column.in_(ids))
    if flt.train_no.strip():
        where.append(Shipment.train_no == flt.train_no.strip())
    if flt.departure_from:
        where.append(Shipment.departure_date >= flt.departure_from)
    if flt.departure_to:
        where.append(Shipment.departure_date <= flt.departure_to)
    if flt.arrival_from:
        where.append(Shipment.arrival_date >= flt.arrival_from)
    if flt.arrival_to:
        where.append(Shipment.arrival_date <= flt.arrival_to)
    if flt.late_only:
        where.append(late_condition(flt.as_of or date.today()))
    return where


def count(db: Database, flt: Filter = Filter()) -> int:  # noqa: B008 - frozen default
    """How many shipments match the filter."""
    with db.read() as s:
        query = select(func.count()).select_from(Shipment).where(*conditions(flt))
        return int(s.execute(query).scalar_one())


def totals(db: Database, flt: Filter = Filter()) -> tuple[int, int]:  # noqa: B008
    """How many shipments match the filter, and their net weight in kg."""
    with db.read() as s:
        query = select(func.count(), func.coalesce(func.sum(Shipment.net_weight_kg), 0)).where(
            *conditions(flt)
        )
        n, kg = s.execute(query).one()
        return int(n), int(kg)


def _ordered_ids(flt: Filter, sort: Sort) -> Select[tuple[int]]:
    column = SORT_COLUMNS[sort.key]
    order = (column.desc(), Shipment.id.desc()) if sort.descending else (column, Shipment.id)
    return select(Shipment.id).where(*conditions(flt)).order_by(*order)


def page(
    db: Database,
    flt: Filter = Filter(),  # noqa: B008
    sort: Sort = Sort(),  # noqa: B008
    offset: int = 0,
    limit: int = 200,
    total: int | None = None,
) -> list[ShipmentRow]:
    """Rows ``offset`` to ``offset + limit`` of the filtered, sorted table.

    Args:
        db: The database.
        flt: Which shipments.
        sort: Their order; ties are broken by id so pages never overlap.
        offset: The first row (0-based).
        limit: How many rows at most.
        total: The filter's row count, when the caller knows it: a page in the second half
            is then read from the end in the opposite order, so the last page costs what the
            first does (an OFFSET walks every row it skips).

    Returns:
        The rows in table order.
    """
    with db.read() as s:
        if total is not None and offset > total // 2 and offset < total:
            # DESC is the exact reverse of ASC on both databases (NULLs included), and the id
            # tie-break makes the order total, so the reversed walk finds the same rows.
            take = min(limit, total - offset)
            reverse = Sort(sort.key, not sort.descending)
            query = _ordered_ids(flt, reverse).offset(total - offset - take).limit(take)
            ids = list(s.scalars(query))[::-1]
        else:
            ids = list(s.scalars(_ordered_ids(flt, sort).offset(offset).limit(limit)))
        return rows_by_id(s, ids)


def rows_by_id(session: Session, ids: Sequence[int]) -> list[ShipmentRow]:
    """The table rows for these ids, in the order given (missing ids are left out).

    The shipments are fetched by id alone and the names looked up afterwards: joined in one
    query, SQLite's planner starts from the small name tables and scans (80–300 ms a page
    instead of 2 ms).
    """
    if not ids:
        return []
    shipments = session.scalars(select(Shipment).where(Shipment.id.in_(ids))).all()
    commodities = _names(session, Commodity, {sh.commodity_id for sh in shipments})
    parties = _names(
        session, Counterparty, {i for sh in shipments for i in (sh.supplier_id, sh.consignee_id)}
    )
    stations = _names(
        session,
        Station,
        {
            i
            for sh in shipments
            for i in (sh.origin_station_id, sh.border_station_id, sh.destination_station_id)
            if i is not None
        },
    )
    contracts = _contract_numbers(session, {sh.contract_id for sh in shipments if sh.contract_id})
    last_events = _last_events(session, [sh.id for sh in shipments])
    stations.update(
        _names(
            session,
            Station,
            {st for _at, st in last_events.values() if st is not None and st not in stations},
        )
    )
    by_id = {
        sh.id: ShipmentRow(
            id=sh.id,
            waybill=sh.waybill,
            train_no=sh.train_no,
            commodity_id=sh.commodity_id,
            commodity=commodities[sh.commodity_id],
            supplier=parties[sh.supplier_id],
            consignee=parties[sh.consignee_id],
            origin_station_id=sh.origin_station_id,
            origin=stations[sh.origin_station_id],
            border_station_id=sh.border_station_id,
            border=stations.get(sh.border_station_id) if sh.border_station_id else None,
            destination_station_id=sh.destination_station_id,
            destination=stations[sh.destination_station_id],
            departure_date=sh.departure_date,
            eta=sh.eta,
            arrival_date=sh.arrival_date,
            status=Status(sh.status),
            net_weight_kg=sh.net_weight_kg,
            arrived_weight_kg=sh.arrived_weight_kg,
            wagons=sh.wagons,
            containers=sh.containers,
            version=sh.version,
            contract=contracts.get(sh.contract_id) if sh.contract_id else None,
            notes=sh.notes,
            last_event_at=last_events[sh.id][0] if sh.id in last_events else None,
            last_event_station=_station_of(stations, last_events.get(sh.id)),
        )
        for sh in shipments
    }
    return [by_id[i] for i in ids if i in by_id]


def _names(session: Session, entity: Any, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(entity.id, entity.name).where(entity.id.in_(ids))).all())


def _station_of(stations: dict[int, str], event: tuple[datetime, int | None] | None) -> str | None:
    if event is None or event[1] is None:
        return None
    return stations.get(event[1])


def _contract_numbers(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    query = select(Contract.id, Contract.number).where(Contract.id.in_(ids))
    return {i: n for i, n in session.execute(query).all()}


def _last_events(session: Session, ids: list[int]) -> dict[int, tuple[datetime, int | None]]:
    """The latest event's time and station per shipment, in one query for the whole page."""
    if not ids:
        return {}
    query = (
        select(ShipmentEvent.shipment_id, ShipmentEvent.occurred_at, ShipmentEvent.station_id)
        .where(ShipmentEvent.shipment_id.in_(ids))
        .order_by(ShipmentEvent.shipment_id, ShipmentEvent.occurred_at, ShipmentEvent.id)
    )
    latest: dict[int, tuple[datetime, int | None]] = {}
    for shipment_id, at, station_id in session.execute(query).all():
        latest[shipment_id] = (at, station_id)  # ordered: the last one written wins
    return latest


def rows(db: Database, ids: Sequence[int]) -> list[ShipmentRow]:
    """The table rows of these shipments, in the order given (deleted ones left out)."""
    with db.read() as s:
        return rows_by_id(s, list(ids))
