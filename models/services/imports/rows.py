"""Table rows → clean shipment values, with every problem named by row and column."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from models.errors import ValidationError
from models.progress import CancelToken, Progress
from models.rules.identifiers import validate_train_no, validate_waybill
from models.rules.status import Status
from models.services.imports import values as v
from models.services.imports.headers import Mapping
from models.services.imports.names import References
from models.services.imports.problems import Collector
from models.services.imports.reader import Table

#: A blank train number on a new shipment is stored as this (the column is not required).
NO_TRAIN = "-"
#: Blank supplier or consignee on a new shipment: these counterparties (created if needed).
UNKNOWN_PARTY = {"supplier": "Unknown supplier", "consignee": "Unknown consignee"}
#: Statuses in which a shipment may have no departure date yet.
NOT_DEPARTED = frozenset({Status.PLANNED, Status.LOADING, Status.CANCELLED})
_NUMBER_FIELDS = ("net_tonnes", "wagons", "containers")
_DATE_FIELDS = ("departure_date", "eta", "arrival_date")


@dataclass
class ParsedRow:
    """One valid row: Shipment column values (ids resolved; counterparties as name keys)."""

    row: int
    values: dict[str, Any]


def parse_rows(
    table: Table,
    mapping: Mapping,
    refs: References,
    problems: Collector,
    progress: Progress,
    cancel: CancelToken | None,
) -> list[ParsedRow]:
    """Check every row of the table; valid rows are returned, the rest go to ``problems``."""
    cols = mapping.columns
    styles: dict[str, str | None] = {}
    for name in _NUMBER_FIELDS:
        if name in cols:
            index = cols[name]
            cells = (r[index] for r in table.rows if index < len(r) and isinstance(r[index], str))
            style, bad = v.column_style(c for c in cells if c)
            if bad is not None:
                where = table.row_numbers[
                    next(i for i, r in enumerate(table.rows) if _cell(r, index) == bad)
                ]
                problems.add(
                    where,
                    mapping.header_of(name),
                    bad,
                    "the column's decimal mark cannot be told: write 1313 or 1313.0 or 1,313.0 "
                    "(thousands) or 1,3 (decimal comma) so the whole column is clear",
                )
            styles[name] = style
    fields = _field_parsers(refs, styles)
    parsed: list[ParsedRow] = []
    seen: dict[str, int] = {}
    total = len(table.rows)
    waybill_col = cols.get("waybill")
    for i, (cells, number) in enumerate(zip(table.rows, table.row_numbers, strict=True)):
        if cancel is not None and i % 2000 == 0:
            cancel.check()
            progress(i, total * 2, "checking rows")
        out: dict[str, Any] = {}
        ok = True
        # Duplicates are found on the text as written, so a bad first copy still counts.
        raw = v.text(_cell(cells, waybill_col)) if waybill_col is not None else ""
        if raw and raw in seen:
            problems.add(
                number,
                mapping.header_of("waybill"),
                raw,
                f"this waybill is already on row {seen[raw]}; a waybill is one shipment",
            )
            ok = False
        elif raw:
            seen[raw] = number
        for name, index in cols.items():
            cell = _cell(cells, index)
            try:
                fields[name](cell, out)
            except (ValueError, ValidationError) as error:
                message = error.message if isinstance(error, ValidationError) else str(error)
                problems.add(number, mapping.header_of(name), v.text(cell) or None, message)
                ok = False
        if not ok or not _check_row(out, number, mapping, problems):
            continue
        parsed.append(ParsedRow(number, out))
    return parsed


def _cell(cells: Any, index: int) -> object:
    return cells[index] if index < len(cells) else None


def _check_row(out: dict[str, Any], number: int, mapping: Mapping, problems: Collector) -> bool:
    for name in ("waybill", "commodity_id", "origin_station_id", "destination_station_id"):
        if name in out and out[name] is None:
            return False
    departure, arrival = out.get("departure_date"), out.get("arrival_date")
    status = out.get("status") or Status.PLANNED
    if departure is None and status not in NOT_DEPARTED:
        problems.add(
            number,
            mapping.header_of("departure_date"),
            None,
            f"a shipment that is '{status.value}' has departed: the departure date is required",
        )
        return False
    if departure and arrival and arrival < departure:
        problems.add(
            number,
            mapping.header_of("arrival_date"),
            arrival.isoformat(),
            f"the arrival is before the departure ({departure.isoformat()})",
        )
        return False
    eta = out.get("eta")
    if departure and eta and eta < departure:
        problems.add(
            number,
            mapping.header_of("eta"),
            eta.isoformat(),
            f"the ETA is before the departure ({departure.isoformat()})",
        )
        return False
    return True


Setter = Callable[[object, dict[str, Any]], None]


def _field_parsers(refs: References, styles: dict[str, str | None]) -> dict[str, Setter]:
    def required(cell: object) -> str:
        value = v.text(cell)
        if not value:
            raise ValueError("this column is required; the cell is empty")
        return value

    def waybill(cell: object, out: dict[str, Any]) -> None:
        out["waybill"] = validate_waybill(required(cell))

    def train(cell: object, out: dict[str, Any]) -> None:
        value = v.text(cell)
        out["train_no"] = validate_train_no(value) if value else None

    def lookup(field: str, finder: Any, need: bool) -> Setter:
        def parse(cell: object, out: dict[str, Any]) -> None:
            value = required(cell) if need else v.text(cell)
            out[field] = finder.find(value) if value else None

        return parse

    def party(role: str) -> Setter:
        def parse(cell: object, out: dict[str, Any]) -> None:
            value = v.text(cell)
            out[role] = refs.counterparties.find(value, role) if value else None

        return parse

    def day(field: str, need: bool) -> Setter:
        def parse(cell: object, out: dict[str, Any]) -> None:
            if need:
                required(cell)
            out[field] = v.parse_date(cell)

        return parse

    def tonnes(cell: object, out: dict[str, Any]) -> None:
        number = v.parse_number(
            required(cell) if isinstance(cell, str) else cell, styles.get("net_tonnes")
        )
        if number is None:
            raise ValueError("this column is required; the cell is empty")
        out["net_weight_kg"] = v.tonnes_to_kg(number)

    def count(field: str) -> Setter:
        def parse(cell: object, out: dict[str, Any]) -> None:
            out[field] = v.parse_count(cell, styles.get(field))

        return parse

    def status(cell: object, out: dict[str, Any]) -> None:
        out["status"] = v.parse_status(cell)

    def notes(cell: object, out: dict[str, Any]) -> None:
        out["notes"] = v.text(cell) or None

    return {
        "waybill": waybill,
        "train_no": train,
        "commodity": lookup("commodity_id", refs.commodities, True),
        "supplier": party("supplier"),
        "consignee": party("consignee"),
        "origin_station": lookup("origin_station_id", refs.stations, True),
        "border_station": lookup("border_station_id", refs.stations, False),
        "destination_station": lookup("destination_station_id", refs.stations, True),
        "departure_date": day("departure_date", False),
        "eta": day("eta", False),
        "arrival_date": day("arrival_date", False),
        "status": status,
        "net_tonnes": tonnes,
        "wagons": count("wagons"),
        "containers": count("containers"),
        "contract": lookup("contract_id", refs.contracts, False),
        "notes": notes,
    }
