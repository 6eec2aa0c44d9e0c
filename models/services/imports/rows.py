"""Table rows → clean shipment values, with every problem named by row and column."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from models.errors import ValidationError
from models.messages import Message
from models.progress import CancelToken, Progress
from models.rules.identifiers import (
    WAYBILL_MAX_LENGTH,
    UnitKind,
    validate_train_no,
    validate_unit_number,
    validate_waybill,
)
from models.rules.status import Status
from models.services.imports import values as v
from models.services.imports.headers import Mapping
from models.services.imports.names import References
from models.services.imports.problems import Collector, ImportValueError, message_of
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
    """Check every row of the table; valid rows are returned, the rest go to ``problems``.

    The work goes column by column: each distinct text of a column is parsed once (a file
    repeats the same few stations, dates and statuses thousands of times), and the rows are
    put together at the end. Problems are reported in row order, then column order.
    """
    cols = mapping.columns
    total = len(table.rows)
    by_column = _transpose(table)
    styles = _number_styles(table, by_column, mapping, problems)
    styles |= _date_orders(table, by_column, mapping, problems)
    fields = _field_parsers(refs, styles, mapping.weight_in_kg)
    found: list[_Found] = []
    bad = bytearray(total)
    keys: list[str] = []
    columns: list[list[Any]] = []
    if "waybill" in cols:
        _duplicates(table, by_column[cols["waybill"]], mapping, found, bad)
    # CSV cells are all text; XLSX cells also numbers, dates and booleans, and 1 == 1.0 ==
    # True would make those share a cache entry: a column holding more than one kind of
    # value besides text and blanks keys each cell with its type.
    xlsx = table.kind != "csv"
    for order, (name, index) in enumerate(cols.items()):
        if cancel is not None:
            cancel.check()
        progress(order * total // max(len(cols), 1), total * 2, "checking rows")
        out_key, parse = fields[name]
        header = mapping.header_of(name)
        cells = by_column[index]
        typed = xlsx and len(set(map(type, cells)) - _PLAIN_CELLS) > 1
        keyed: Sequence[Any] = [(type(c), c) for c in cells] if typed else cells
        results: dict[Any, Any] = {}
        failed: set[Any] = set()
        for k in dict.fromkeys(keyed):
            cell = k[1] if typed else k
            try:
                results[k] = parse(cell)
            except (ValueError, ValidationError) as error:
                results[k] = _Bad(message_of(error))
                failed.add(k)
        values = list(map(results.__getitem__, keyed))
        if failed:
            for i, k in enumerate(keyed):
                if k in failed:
                    found.append((i, order, header, v.text(cells[i]) or None, results[k].message))
                    bad[i] = 1
                    values[i] = None
        keys.append(out_key)
        columns.append(values)
    _derive_unit_counts(cols, keys, columns)
    numbers = table.row_numbers
    last = len(cols)
    # Every row's dict built by C loops; the whole-row checks only where they can complain.
    rows = list(map(dict, map(zip, repeat(keys), zip(*columns, strict=True))))
    for i in _row_check_candidates(keys, columns, total):
        if bad[i]:
            continue
        message = _check_row(rows[i])
        if message is not None:
            found.append((i, last, mapping.header_of(message[0]), message[1], message[2]))
            bad[i] = 1
    parsed = [ParsedRow(n, out) for n, out, b in zip(numbers, rows, bad, strict=True) if not b]
    found.sort(key=lambda p: (p[0], p[1]))
    for i, _order, header, value, message in found:
        problems.add(numbers[i], header, value, message)
    return parsed


class _Bad:
    """A cell's problem, cached like a good value."""

    __slots__ = ("message",)

    def __init__(self, message: Message | str) -> None:
        self.message = message


#: Cell types that never compare equal to a cell of another type.
_PLAIN_CELLS = frozenset({str, type(None)})
#: A problem as found: (row index, column order, header, value, message).
_Found = tuple[int, int, str, str | None, Message | str]


def _transpose(table: Table) -> list[Sequence[object]]:
    """The table's cells column by column (short rows padded with empty cells)."""
    width = len(table.headers)
    rows = table.rows
    if rows and min(map(len, rows)) < width:
        rows = [r if len(r) >= width else [*r, *([None] * (width - len(r)))] for r in rows]
    return list(zip(*rows, strict=False))[:width] if rows else [() for _ in range(width)]


def _number_styles(
    table: Table, by_column: list[Sequence[object]], mapping: Mapping, problems: Collector
) -> dict[str, str | None]:
    """The decimal mark of each number column, decided from all its values."""
    cols = mapping.columns
    styles: dict[str, str | None] = {}
    for name in _NUMBER_FIELDS:
        if name in cols:
            cells = by_column[cols[name]]
            # Each distinct text once, in the order of the file (the first bad one is named).
            distinct = [c for c in dict.fromkeys(cells) if c and isinstance(c, str)]
            # The numbers without a unit ("68,5 т." has no decimal point), each to its cell.
            numbers: dict[str, str] = {}
            for c in distinct:
                numbers.setdefault(v.split_weight_unit(c)[0] if name == "net_tonnes" else c, c)
            style, bad = v.column_style(numbers)
            if bad is not None:
                cell = numbers[bad]
                problems.add(
                    table.row_numbers[cells.index(cell)],
                    mapping.header_of(name),
                    cell,
                    Message("import.decimal_mark"),
                )
            styles[name] = style
    return styles


def _date_orders(
    table: Table, by_column: list[Sequence[object]], mapping: Mapping, problems: Collector
) -> dict[str, str | None]:
    """Day or month first in each date column's 05/01/2025-like dates, from all its values.

    An undecidable column is one problem at its first such date (its cells are then read day
    first only so that they do not each report the same thing; the file is refused anyway).
    """
    cols = mapping.columns
    orders: dict[str, str | None] = {}
    for name in _DATE_FIELDS:
        if name in cols:
            cells = by_column[cols[name]]
            distinct = [c.strip() for c in dict.fromkeys(cells) if c and isinstance(c, str)]
            order, bad = v.date_order(distinct)
            if bad is not None:
                where = table.row_numbers[[v.text(c) for c in cells].index(bad)]
                problems.add(
                    where,
                    mapping.header_of(name),
                    bad,
                    Message("import.date_order"),
                )
                order = v.DAY_FIRST
            orders[name] = order
    return orders


def _duplicates(
    table: Table,
    cells: Sequence[object],
    mapping: Mapping,
    found: list[_Found],
    bad: bytearray,
) -> None:
    """A waybill twice in the file; found on the text as written, so a bad first copy counts."""
    texts = [v.text(c) for c in cells]
    if len(set(texts)) == len(texts):
        return  # the usual case: no two alike
    header = mapping.header_of("waybill")
    seen: dict[str, int] = {}
    numbers = table.row_numbers
    for i, raw in enumerate(texts):
        if not raw:
            continue
        first = seen.setdefault(raw, numbers[i])
        if first != numbers[i]:
            found.append((i, -1, header, raw, Message("import.waybill_twice", first=first)))
            bad[i] = 1


def _derive_unit_counts(cols: dict[str, int], keys: list[str], columns: list[list[Any]]) -> None:
    """With a units column but no wagons (containers) column, count the listed numbers."""
    if "units" not in cols:
        return
    units = columns[keys.index("units")]
    for kind, name in ((UnitKind.WAGON, "wagons"), (UnitKind.CONTAINER, "containers")):
        if name in cols:
            continue
        keys.append(name)
        columns.append([sum(k == kind for k, _n in u) if u else 0 for u in units])


def _row_check_candidates(keys: list[str], columns: list[list[Any]], total: int) -> list[int]:
    """The rows :func:`_check_row` may find a problem in (every other row passes it)."""
    by_key = dict(zip(keys, columns, strict=True))
    blank = [None] * total
    departures = by_key.get("departure_date", blank)
    arrivals = by_key.get("arrival_date", blank)
    etas = by_key.get("eta", blank)
    return [
        i
        for i, (d, a, e) in enumerate(zip(departures, arrivals, etas, strict=True))
        if d is None or (a is not None and a < d) or (e is not None and e < d)
    ]


def _check_row(out: dict[str, Any]) -> tuple[str, str | None, Message] | None:
    """A problem that only the whole row shows: (field, value, message), or None."""
    departure, arrival = out.get("departure_date"), out.get("arrival_date")
    status = out.get("status") or Status.PLANNED
    if departure is None and status not in NOT_DEPARTED:
        return (
            "departure_date",
            None,
            Message("import.departure_required", status=status.value),
        )
    if departure and arrival and arrival < departure:
        return (
            "arrival_date",
            arrival.isoformat(),
            Message("import.arrival_before_departure", departure=departure),
        )
    eta = out.get("eta")
    if departure and eta and eta < departure:
        return "eta", eta.isoformat(), Message("import.eta_before_departure", departure=departure)
    return None


Parser = Callable[[object], Any]


def _field_parsers(
    refs: References, styles: dict[str, str | None], in_kg: bool = False
) -> dict[str, tuple[str, Parser]]:
    """Column name → (the value's key, its parser).

    A parser raises ValueError or ValidationError with what is allowed. ``in_kg``: the net
    weight column gives kilograms.
    """

    def required(cell: object) -> str:
        value = v.text(cell)
        if not value:
            raise ImportValueError("import.required_cell")
        return value

    def waybill(cell: object) -> str:
        value = required(cell)
        # The common case without the full rule's Unicode folding: plain ASCII that fits.
        if _PLAIN_WAYBILL.fullmatch(value):
            return value
        return validate_waybill(value)

    def train(cell: object) -> str | None:
        value = v.text(cell)
        return validate_train_no(value) if value else None

    def lookup(finder: Any, need: bool) -> Parser:
        def parse(cell: object) -> int | None:
            value = required(cell) if need else v.text(cell)
            return finder.find(value) if value else None

        return parse

    def party(role: str) -> Parser:
        def parse(cell: object) -> str | None:
            value = v.text(cell)
            return refs.counterparties.find(value, role) if value else None

        return parse

    def tonnes(cell: object) -> int:
        # A unit in the cell ("68,5 т", "68 500 кг") says more than the header's.
        per_unit = 1 if in_kg else 1000
        if isinstance(cell, str):
            cell, unit = v.split_weight_unit(required(cell))
            per_unit = unit or per_unit
        number = v.parse_number(cell, styles.get("net_tonnes"))
        if number is None:
            raise ImportValueError("import.required_cell")
        return v.tonnes_to_kg(number * per_unit / 1000)

    def count(field: str) -> Parser:
        style = styles.get(field)
        return lambda cell: v.parse_count(cell, style)

    def notes(cell: object) -> str | None:
        return v.text(cell) or None

    def day(field: str) -> Parser:
        order = styles.get(field)
        return lambda cell: v.parse_date(cell, order)

    return {
        "waybill": ("waybill", waybill),
        "train_no": ("train_no", train),
        "commodity": ("commodity_id", lookup(refs.commodities, True)),
        "supplier": ("supplier", party("supplier")),
        "consignee": ("consignee", party("consignee")),
        "origin_station": ("origin_station_id", lookup(refs.stations, True)),
        "border_station": ("border_station_id", lookup(refs.stations, False)),
        "destination_station": ("destination_station_id", lookup(refs.stations, True)),
        "departure_date": ("departure_date", day("departure_date")),
        "eta": ("eta", day("eta")),
        "arrival_date": ("arrival_date", day("arrival_date")),
        "status": ("status", v.parse_status),
        "net_tonnes": ("net_weight_kg", tonnes),
        "wagons": ("wagons", count("wagons")),
        "containers": ("containers", count("containers")),
        "contract": ("contract_id", lookup(refs.contracts, False)),
        "notes": ("notes", notes),
        "units": ("units", parse_units),
    }


_PLAIN_WAYBILL = re.compile(f"[A-Za-z0-9/-]{{1,{WAYBILL_MAX_LENGTH}}}")
#: Unit numbers in one cell are separated by ";", "," or white space.
_UNIT_SEPARATORS = re.compile(r"[;,\s]+")
#: A container number as often printed, "MSKU 123456-5": its inner space and hyphen go first.
_CONTAINER_PRINTED = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{4})[ -]?(\d{6})[ -]?(\d)(?![A-Za-z0-9])"
)


def parse_units(cell: object) -> tuple[tuple[str, str], ...]:
    """The wagon and container numbers in one cell, each checked by the rule of its kind.

    Digits only is a 1520 mm wagon number (8 digits, the last a check digit); anything with
    letters is an ISO 6346 container number. Every bad number of the cell is named.

    Returns:
        (kind, number) pairs in the order written; empty for an empty cell.

    Raises:
        ValueError: A number breaks its rule, or is listed twice.
    """
    text = v.text(cell)
    if not text:
        return ()
    units: list[tuple[str, str]] = []
    errors: list[Message] = []
    seen: set[str] = set()
    text = _CONTAINER_PRINTED.sub(r"\1\2\3", text)
    for raw in _UNIT_SEPARATORS.split(text):
        if not raw:
            continue
        kind = UnitKind.WAGON if raw.isdigit() else UnitKind.CONTAINER
        try:
            number = validate_unit_number(kind, raw)
        except ValidationError as error:
            detail = error.detail() or error.message
            errors.append(Message("import.unit_bad", kind=kind.value, number=raw, detail=detail))
            continue
        if number in seen:
            errors.append(Message("import.unit_twice", kind=kind.value, number=number))
            continue
        seen.add(number)
        units.append((kind.value, number))
    if errors:
        raise ImportValueError("import.units", errors=errors)
    return tuple(units)
