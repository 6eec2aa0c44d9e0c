"""One train on one sheet: its shipments, their wagons or containers, weights and events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities import Shipment, ShipmentEvent, ShipmentUnit, Station
from models.errors import NotFoundError
from models.messages import Message
from models.services.figures._common import name_column
from models.services.queries import Filter, ShipmentRow, rows_by_id


@dataclass(frozen=True)
class TrainUnit:
    """A wagon or container of one of the train's shipments."""

    shipment_id: int
    kind: str
    number: str
    net_kg: int | None


@dataclass(frozen=True)
class TrainEvent:
    """A status event of one of the train's shipments."""

    shipment_id: int
    occurred_at: datetime
    status: str
    station: str | None
    note: str | None
    user: str


@dataclass(frozen=True)
class TrainSheet:
    """Everything on one train, in waybill order."""

    train_no: str
    shipments: list[ShipmentRow]
    units: list[TrainUnit]
    events: list[TrainEvent]
    net_kg: int
    arrived_kg: int | None
    wagons: int
    containers: int
    filter: Filter


def train_sheet(session: Session, train_no: str, *, lang: str = "en") -> TrainSheet:
    """The shipments on train ``train_no`` with their units and events.

    Station and goods names, in the rows and the events, are in ``lang`` where recorded.

    Raises:
        NotFoundError: No shipment has that train number.
    """
    train_no = train_no.strip()
    ids = list(
        session.scalars(
            select(Shipment.id).where(Shipment.train_no == train_no).order_by(Shipment.waybill)
        )
    )
    if not ids:
        raise NotFoundError(Message("train.not_found", train_no=train_no))
    shipments = rows_by_id(session, ids, lang)
    units = [
        TrainUnit(sid, kind, number, kg)
        for sid, kind, number, kg in session.execute(
            select(
                ShipmentUnit.shipment_id,
                ShipmentUnit.kind,
                ShipmentUnit.number,
                ShipmentUnit.net_weight_kg,
            )
            .where(ShipmentUnit.shipment_id.in_(ids))
            .order_by(ShipmentUnit.shipment_id, ShipmentUnit.id)
        )
    ]
    events = [
        TrainEvent(sid, at, status, station, note, user)
        for sid, at, status, station, note, user in session.execute(
            select(
                ShipmentEvent.shipment_id,
                ShipmentEvent.occurred_at,
                ShipmentEvent.status,
                name_column(Station, lang),
                ShipmentEvent.note,
                ShipmentEvent.user,
            )
            .outerjoin(Station, Station.id == ShipmentEvent.station_id)
            .where(ShipmentEvent.shipment_id.in_(ids))
            .order_by(ShipmentEvent.occurred_at, ShipmentEvent.id)
        )
    ]
    net, arrived, arrived_n, wagons, containers = session.execute(
        select(
            func.sum(Shipment.net_weight_kg),
            func.sum(Shipment.arrived_weight_kg),
            func.count(Shipment.arrived_weight_kg),
            func.sum(Shipment.wagons),
            func.sum(Shipment.containers),
        ).where(Shipment.train_no == train_no)
    ).one()
    return TrainSheet(
        train_no=train_no,
        shipments=shipments,
        units=units,
        events=events,
        net_kg=int(net),
        arrived_kg=int(arrived) if arrived_n == len(ids) else None,
        wagons=int(wagons),
        containers=int(containers),
        filter=Filter(train_no=train_no),
    )
