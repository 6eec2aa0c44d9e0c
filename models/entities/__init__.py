"""SQLAlchemy 2 typed entities, one module per aggregate, re-exported here."""

from models.entities.audit import AuditEntry
from models.entities.base import Base
from models.entities.commodity import Commodity
from models.entities.contract import Contract
from models.entities.counterparty import Counterparty
from models.entities.figures import FigureArrivalTotal, FigureContractTotal, FigureStatusTotal
from models.entities.shipment import Shipment, ShipmentEvent, ShipmentUnit
from models.entities.station import Station

__all__ = [
    "AuditEntry",
    "Base",
    "Commodity",
    "Contract",
    "Counterparty",
    "FigureArrivalTotal",
    "FigureContractTotal",
    "FigureStatusTotal",
    "Shipment",
    "ShipmentEvent",
    "ShipmentUnit",
    "Station",
]
