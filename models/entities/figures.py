"""Summary tables behind the figures: kept in step with ``shipments`` by database triggers.

They hold nothing a GROUP BY over ``shipments`` could not compute; they exist so that the
dashboard and the charts read a few hundred rows instead of a million. The triggers (migration
0003) update them inside the same transaction as the change to ``shipments``, whoever makes it:
the services, the importer, the demo loader or plain SQL. The only Python that writes them is
``models.services.figures.summaries``: for bulk loads and imports on SQLite it sets the row
triggers aside and applies grouped sums once, in the same transaction.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from models.entities.base import Base
from models.entities.shipment import Shipment, ShipmentEvent

# The indexes migration 0003 adds for the figures, declared here so that the metadata matches
# the schema (and bulk loaders that rebuild a table's indexes rebuild these too).
#: Late list, ageing, expected arrivals: only open shipments are read.
Index("ix_shipments_status_eta", Shipment.status, Shipment.eta)
#: Which shipments changed after a day, from the index alone.
Index("ix_shipment_events_occurred_at", ShipmentEvent.occurred_at, ShipmentEvent.shipment_id)
#: Weight discrepancies: arrived shipments by |arrived - net| in basis points of net, with
#: the columns their test reads (counted and ranked from the index alone).
Index(
    "ix_shipments_weight_deviation",
    text("(abs(arrived_weight_kg - net_weight_kg) * 10000 / net_weight_kg)"),
    Shipment.arrival_date,
    Shipment.status,
    Shipment.contract_id,
    Shipment.net_weight_kg,
    Shipment.arrived_weight_kg,
    sqlite_where=text("arrived_weight_kg IS NOT NULL"),
    postgresql_where=text("arrived_weight_kg IS NOT NULL"),
)
#: Late at a past day's end: the shipments that arrived after their ETA.
Index(
    "ix_shipments_late_arrival",
    Shipment.arrival_date,
    Shipment.eta,
    sqlite_where=text("arrival_date > eta"),
    postgresql_where=text("arrival_date > eta"),
)


class FigureStatusTotal(Base):
    """Shipments and net weight per current status (one row per status that ever occurred)."""

    __tablename__ = "figure_status_totals"

    status: Mapped[str] = mapped_column(String(12), primary_key=True)
    shipments: Mapped[int] = mapped_column(BigInteger, default=0)
    net_kg: Mapped[int] = mapped_column(BigInteger, default=0)


class FigureArrivalTotal(Base):
    """Arrived shipments (arrival date set, not cancelled) per day and per key.

    ``border_key`` and ``contract_key`` are the ids, or 0 for none (a primary key cannot hold
    NULL); ``transit_days`` is arrival minus departure in days, or -1 without a departure date.
    Rows whose counts fell to zero are left in place; readers ignore them.
    """

    __tablename__ = "figure_arrival_totals"
    # SQLite: rows stored in key order, so a date range is one sequential read.
    __table_args__ = {"sqlite_with_rowid": False}

    arrival_date: Mapped[date] = mapped_column(primary_key=True)
    commodity_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin_station_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    border_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    destination_station_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    transit_days: Mapped[int] = mapped_column(Integer, primary_key=True)
    shipments: Mapped[int] = mapped_column(BigInteger, default=0)
    net_kg: Mapped[int] = mapped_column(BigInteger, default=0)
    #: The arrived weight where it is recorded, else the shipped net weight.
    arrived_kg: Mapped[int] = mapped_column(BigInteger, default=0)


class FigureContractTotal(Base):
    """Per contract: shipments that departed (departure date set, not cancelled) and their kg."""

    __tablename__ = "figure_contract_totals"

    contract_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shipments: Mapped[int] = mapped_column(BigInteger, default=0)
    shipped_kg: Mapped[int] = mapped_column(BigInteger, default=0)
