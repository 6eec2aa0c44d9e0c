"""The train arrival sheet's data: one train's consignments, units and weights."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.db import Database
from models.services import figures
from models.services.reports.labels import check_language


@dataclass(frozen=True)
class TrainLine:
    """One consignment (waybill) of the train."""

    waybill: str
    commodity: str
    supplier: str
    #: Container or wagon numbers.
    units: tuple[str, ...]
    status: str
    net_kg: int
    arrived_kg: int | None


@dataclass(frozen=True)
class TrainReport:
    """Everything the train arrival sheet prints, in the report's language."""

    train_no: str
    lang: str
    origin: str
    border: str | None
    destination: str
    departure: date | None
    arrival: date | None
    lines: tuple[TrainLine, ...]


def train_report(db: Database, train_no: str, lang: str = "en") -> TrainReport:
    """Collect the arrival sheet of the train ``train_no``.

    Raises:
        NotFoundError: There is no such train.
    """
    check_language(lang)
    with db.read() as session:
        sheet = figures.train_sheet(session, train_no, lang=lang)
    units: dict[int, list[str]] = {}
    for unit in sheet.units:
        units.setdefault(unit.shipment_id, []).append(unit.number)
    rows = sheet.shipments

    def stations_of(names: list[str | None]) -> str | None:
        # Usually one station for the whole train; a mixed train lists each once.
        return ", ".join(n for n in dict.fromkeys(names) if n) or None

    departures = [r.departure_date for r in rows if r.departure_date is not None]
    arrivals = [r.arrival_date for r in rows if r.arrival_date is not None]
    return TrainReport(
        train_no=sheet.train_no,
        lang=lang,
        origin=stations_of([r.origin for r in rows]) or "",
        border=stations_of([r.border for r in rows]),
        destination=stations_of([r.destination for r in rows]) or "",
        departure=min(departures) if departures else None,
        arrival=max(arrivals) if len(arrivals) == len(rows) else None,
        lines=tuple(
            TrainLine(
                waybill=r.waybill,
                commodity=r.commodity,
                supplier=r.supplier,
                units=tuple(units.get(r.id, ())),
                status=r.status.value,
                net_kg=r.net_weight_kg,
                arrived_kg=r.arrived_weight_kg,
            )
            for r in rows
        ),
    )
