"""A consignment on a train, its wagons or containers, and its status history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.entities.base import Base, utcnow
from models.rules.status import Status

_STATUS_VALUES = ", ".join(f"'{s.value}'" for s in Status)


class Shipment(Base):
    """One consignment (one waybill) travelling on one train.

    ``status`` is the status of the latest event; services keep both in one transaction.
    "Late" is derived from ``eta`` and ``status``, never stored.
    """

    __tablename__ = "shipments"
    __table_args__ = (
        CheckConstraint("net_weight_kg > 0", name="net_weight_positive"),
        CheckConstraint(
            "arrived_weight_kg IS NULL OR arrived_weight_kg > 0", name="arrived_weight_positive"
        ),
        CheckConstraint(
            "arrival_date IS NULL OR departure_date IS NULL OR arrival_date >= departure_date",
            name="arrival_after_departure",
        ),
        CheckConstraint("wagons >= 0 AND containers >= 0", name="unit_counts"),
        CheckConstraint(f"status IN ({_STATUS_VALUES})", name="status"),
        # Composite indexes serve "filter by X, newest first", the table's default order.
        Index("ix_shipments_status_departure", "status", "departure_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    waybill: Mapped[str] = mapped_column(String(32), unique=True)
    train_no: Mapped[str] = mapped_column(String(32), index=True)
    commodity_id: Mapped[int] = mapped_column(ForeignKey("commodities.id"), index=True)
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contracts.id"), index=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("counterparties.id"), index=True)
    consignee_id: Mapped[int] = mapped_column(ForeignKey("counterparties.id"), index=True)
    origin_station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    border_station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"), index=True)
    destination_station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    planned_departure: Mapped[date | None]
    departure_date: Mapped[date | None] = mapped_column(index=True)
    eta: Mapped[date | None] = mapped_column(index=True)
    arrival_date: Mapped[date | None] = mapped_column(index=True)
    # Its own index as well as ix_shipments_status_departure: (status, id) is the sort by status.
    status: Mapped[str] = mapped_column(String(12), index=True, default=Status.PLANNED.value)
    net_weight_kg: Mapped[int] = mapped_column(BigInteger, index=True)
    arrived_weight_kg: Mapped[int | None] = mapped_column(BigInteger)
    weight_note: Mapped[str | None] = mapped_column(Text)
    wagons: Mapped[int] = mapped_column(Integer, default=0)
    containers: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)
    #: Optimistic lock: SQLAlchemy adds "AND version = :loaded" to every UPDATE.
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_by: Mapped[str] = mapped_column(String(64))

    units: Mapped[list[ShipmentUnit]] = relationship(
        back_populates="shipment", cascade="all, delete-orphan", order_by="ShipmentUnit.id"
    )
    events: Mapped[list[ShipmentEvent]] = relationship(
        back_populates="shipment", cascade="all, delete-orphan", order_by="ShipmentEvent.id"
    )

    __mapper_args__ = {"version_id_col": version}


class ShipmentUnit(Base):
    """A wagon or container of a shipment. Container numbers survive the border; wagons don't."""

    __tablename__ = "shipment_units"
    __table_args__ = (
        UniqueConstraint("shipment_id", "number", name="uq_shipment_units_shipment_number"),
        CheckConstraint("kind IN ('wagon', 'container')", name="kind"),
        CheckConstraint("net_weight_kg IS NULL OR net_weight_kg > 0", name="net_weight_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    number: Mapped[str] = mapped_column(String(16), index=True)
    net_weight_kg: Mapped[int | None] = mapped_column(BigInteger)

    shipment: Mapped[Shipment] = relationship(back_populates="units")


class ShipmentEvent(Base):
    """A status change: when, to what, where, who, and why."""

    __tablename__ = "shipment_events"
    __table_args__ = (
        CheckConstraint(f"status IN ({_STATUS_VALUES})", name="status"),
        Index("ix_shipment_events_shipment_occurred", "shipment_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"))
    occurred_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(64))

    shipment: Mapped[Shipment] = relationship(back_populates="events")
