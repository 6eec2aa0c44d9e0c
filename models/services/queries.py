"""The shipments table's queries: a filter, a sort, a count and a page of rows.

The table view never holds the whole table: it asks :func:`count` once per filter and
:func:`page` for the few hundred rows on screen. Sorting and filtering are ORDER BY and WHERE
on indexed columns. A page first picks the ids (an index walk on ``shipments`` alone), then
joins the names for just those rows, so deep pages stay cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from models.db import Database
from models.entities import Commodity, Counterparty, Shipment, ShipmentUnit, Station
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
) -> list[ShipmentRow]:
    """Rows ``offset`` to ``offset + limit`` of the filtered, sorted table.

    Args:
        db: The database.
        flt: Which shipments.
        sort: Their order; ties are broken by id so pages never overlap.
        offset: The first row (0-based).
        limit: How many rows at most.

    Returns:
        The rows in table order.
    """
    with db.read() as s:
        ids = list(s.scalars(_ordered_ids(flt, sort).offset(offset).limit(limit)))
        return rows_by_id(s, ids)


def rows_by_id(session: Any, ids: Sequence[int]) -> list[ShipmentRow]:
    """The table rows for these ids, in the order given (missing ids are left out)."""
    if not ids:
        return []
    supplier = aliased(Counterparty)
    consignee = aliased(Counterparty)
    origin = aliased(Station)
    border = aliased(Station)
    destination = aliased(Station)
    query = (
        select(
            Shipment,
            Commodity.name,
            supplier.name,
            consignee.name,
            origin.name,
            border.name,
            destination.name,
        )
        .join(Commodity, Commodity.id == Shipment.commodity_id)
        .join(supplier, supplier.id == Shipment.supplier_id)
        .join(consignee, consignee.id == Shipment.consignee_id)
        .join(origin, origin.id == Shipment.origin_station_id)
        .outerjoin(border, border.id == Shipment.border_station_id)
        .join(destination, destination.id == Shipment.destination_station_id)
        .where(Shipment.id.in_(ids))
    )
    by_id: dict[int, ShipmentRow] = {}
    for sh, commodity, sup, con, org, bor, dst in session.execute(query):
        by_id[sh.id] = ShipmentRow(
            id=sh.id,
            waybill=sh.waybill,
            train_no=sh.train_no,
            commodity_id=sh.commodity_id,
            commodity=commodity,
            supplier=sup,
            consignee=con,
            origin_station_id=sh.origin_station_id,
            origin=org,
            border_station_id=sh.border_station_id,
            border=bor,
            destination_station_id=sh.destination_station_id,
            destination=dst,
            departure_date=sh.departure_date,
            eta=sh.eta,
            arrival_date=sh.arrival_date,
            status=Status(sh.status),
            net_weight_kg=sh.net_weight_kg,
            arrived_weight_kg=sh.arrived_weight_kg,
            wagons=sh.wagons,
            containers=sh.containers,
            version=sh.version,
        )
    return [by_id[i] for i in ids if i in by_id]
