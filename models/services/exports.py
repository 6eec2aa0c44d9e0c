"""Export shipments to CSV (UTF-8 with BOM, for Excel) or XLSX, with the canonical headers.

Rows are streamed from the database in batches and written as they come, so a million
shipments never sit in memory. A cell that Excel or LibreOffice would take for a formula is
written with a leading apostrophe; the importer takes that apostrophe off again.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Integer,
    String,
    case,
    column,
    func,
    literal,
    literal_column,
    select,
    text,
    type_coerce,
)

from models.db import Database
from models.entities import Commodity, Contract, Counterparty, Shipment, ShipmentUnit, Station
from models.errors import UserError
from models.messages import Message
from models.progress import CancelToken, Progress, no_progress
from models.services.imports.headers import CANONICAL
from models.services.queries import Filter, conditions

#: A text cell starting with one of these would run as a formula in a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_BATCH = 10_000


@dataclass(frozen=True)
class ExportSummary:
    """What was written where, and how long it took."""

    path: Path
    rows: int
    seconds: float


def escape(value: str) -> str:
    """``value`` made safe for a spreadsheet: formula-looking text gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def tonnes(kg: int) -> str:
    """Kilograms as tonnes without trailing zeros ("1313", "24.5", "0.001")."""
    whole, grams = divmod(kg, 1000)  # integer arithmetic: a million Decimals cost seconds
    return f"{whole}.{grams:03d}".rstrip("0") if grams else str(whole)


def export(
    db: Database,
    path: str | Path,
    flt: Filter = Filter(),  # noqa: B008 - frozen default
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ExportSummary:
    """Write every shipment matching ``flt`` to ``path``: XLSX if it ends in .xlsx, else CSV.

    The file appears only when complete (written beside it, then renamed), so a cancelled or
    failed export leaves no half file.

    Raises:
        UserError: The file cannot be written.
        Cancelled: ``cancel`` was set.
    """
    started = time.perf_counter()
    target = Path(path).expanduser()
    xlsx = target.suffix.lower() == ".xlsx"
    try:
        handle, temp = tempfile.mkstemp(prefix=".railgrain-", suffix=".part", dir=target.parent)
    except OSError as error:
        raise UserError(
            Message("export.no_folder", path=target.parent, reason=error.strerror)
        ) from None
    os.close(handle)
    try:
        with db.read() as s:
            total = s.scalar(select(_count()).where(*conditions(flt))) or 0
            if not xlsx and _sqlite_lines(s):
                count = _write_csv_sqlite(s, flt, temp, progress, total, cancel)
            else:
                rows = _rows(s, flt, progress, total, cancel)
                count = _write_xlsx(temp, rows) if xlsx else _write_csv(temp, rows)
        os.replace(temp, target)
    except OSError as error:
        raise UserError(
            Message("export.cannot_write", path=target, reason=error.strerror)
        ) from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return ExportSummary(target, count, time.perf_counter() - started)


def _count() -> Any:
    from sqlalchemy import func

    return func.count(Shipment.id)


def _names(s: Any) -> dict[str, dict[int, str]]:
    """Reference names by id, already escaped: they are written as they are."""

    def read(*columns: Any) -> dict[int, str]:
        return {i: escape(n) for i, n in s.execute(select(*columns))}

    return {
        "station": read(Station.id, Station.name),
        "commodity": read(Commodity.id, Commodity.name),
        "party": read(Counterparty.id, Counterparty.name),
        "contract": read(Contract.id, Contract.number),
    }


def _escaped(column: Any) -> Any:
    """``column`` made safe in SQL: a leading apostrophe when it starts like a formula.

    Done by the database, so a million rows cost no Python call per cell.
    """
    first = func.substr(column, 1, 1)
    return case(
        (first.in_([literal(c) for c in FORMULA_START]), literal("'").concat(column)),
        else_=column,
    ).label(column.name)


def _rows(
    s: Any, flt: Filter, progress: Progress, total: int, cancel: CancelToken | None
) -> Iterator[list[tuple[Any, ...]]]:
    """Batches of rows in the canonical columns' order, as text ready to write, in id order.

    Each batch is handled column by column: names through dicts, weights through one
    function, units through one query per batch, all with C-level ``map`` and ``zip``.
    """
    names = _names(s)
    station, party = names["station"].get, names["party"].get
    commodity, contract = names["commodity"].get, names["contract"].get
    t = Shipment.__table__.c
    sqlite = s.connection().dialect.name == "sqlite"
    query = (
        select(
            t.id,
            _escaped(t.waybill),
            _escaped(t.train_no),
            t.commodity_id,
            t.supplier_id,
            t.consignee_id,
            t.origin_station_id,
            t.border_station_id,
            t.destination_station_id,
            # Dates come back as the database's text on SQLite: parsing a million of them into
            # date objects only to print them again would double the export's time.
            _as_text(t.departure_date),
            _as_text(t.eta),
            _as_text(t.arrival_date),
            t.status,
            _tonnes_sql(t.net_weight_kg) if sqlite else t.net_weight_kg,
            t.wagons,
            t.containers,
            t.contract_id,
            _escaped(t.notes),
        )
        .where(*conditions(flt))
        .order_by(t.id)
    )
    conn = s.connection()
    result = conn.execute(query.execution_options(yield_per=_BATCH, stream_results=True))
    units_of = _UnitStream(conn) if sqlite else None
    done = 0
    for batch in result.partitions():
        if cancel is not None:
            cancel.check()
        columns = list(zip(*batch, strict=True))
        ids = columns[0]
        units = units_of.until(ids[-1]) if units_of else _units(s, ids[0], ids[-1])
        yield list(
            zip(
                columns[1],
                columns[2],
                map(commodity, columns[3]),
                map(party, columns[4]),
                map(party, columns[5]),
                map(station, columns[6]),
                map(station, columns[7]),
                map(station, columns[8]),
                _iso(columns[9]),
                _iso(columns[10]),
                _iso(columns[11]),
                columns[12],
                columns[13] if sqlite else map(tonnes, columns[13]),
                columns[14],
                columns[15],
                map(contract, columns[16]),
                columns[17],
                map(units.get, ids),
                strict=True,
            )
        )
        done += len(batch)
        progress(done, total, "exporting")
    if units_of is not None:
        units_of.close()


def _iso(values: Sequence[Any]) -> Sequence[Any]:
    """Dates as ISO text: SQLite already gives text, PostgreSQL's driver gives dates."""
    if isinstance(next((v for v in values if v is not None), None), date):
        return [v.isoformat() if v is not None else None for v in values]
    return values


class _UnitStream:
    """SQLite: every shipment's unit numbers, joined by SQLite, read alongside the shipments.

    One query, in shipment id order like the export, so a batch of shipments takes the next
    stretch of it: no query per batch. A shipment's numbers come in the order they were
    entered.
    """

    def __init__(self, conn: Any) -> None:
        cursor = conn.connection.driver_connection.cursor()
        cursor.execute(
            "SELECT shipment_id, group_concat(number, ' ') FROM (SELECT shipment_id, number "
            "FROM shipment_units ORDER BY shipment_id, id) GROUP BY shipment_id"
        )
        self._cursor = cursor
        self._pending: list[tuple[int, str]] = []

    def close(self) -> None:
        """Let go of the cursor."""
        self._cursor.close()

    def until(self, last: int) -> dict[int, str]:
        """Numbers of the shipments with an id up to ``last`` not yet taken."""
        found: dict[int, str] = {}
        while True:
            if not self._pending:
                self._pending = self._cursor.fetchmany(_BATCH)
                if not self._pending:
                    return found
            if self._pending[-1][0] <= last:
                found.update(self._pending)
                self._pending = []
                continue
            for index, (shipment_id, numbers) in enumerate(self._pending):
                if shipment_id > last:
                    self._pending = self._pending[index:]
                    return found
                found[shipment_id] = numbers


def _units(s: Any, first: int, last: int) -> dict[int, str]:
    """Shipment id → its wagon and container numbers, separated by spaces."""
    table = ShipmentUnit.__table__
    found: dict[int, list[str]] = {}
    rows = s.execute(
        select(table.c.shipment_id, table.c.number)
        .where(table.c.shipment_id.between(first, last))
        .order_by(table.c.shipment_id, table.c.id)
    )
    for shipment_id, number in rows.all():  # one fetch, not one call per unit
        found.setdefault(shipment_id, []).append(number)
    return {i: " ".join(numbers) for i, numbers in found.items()}


def _tonnes_sql(kg: Any) -> Any:
    """SQLite: kilograms as tonnes without trailing zeros, as :func:`tonnes` writes them."""
    # ``//``: integer division (``/`` is true division in SQLAlchemy 2: "25.0", not "25").
    whole = func.cast(kg // 1000, String)
    grams = func.rtrim(func.printf("%d.%03d", kg // 1000, kg % 1000), "0")
    return case((kg % 1000 == 0, whole), else_=grams).label("net_tonnes")


def _as_text(column: Any) -> Any:
    return type_coerce(column, String).label(column.name)


def csv_field(value: str) -> str:
    """``value`` as :mod:`csv`'s writer writes one field (minimal quoting, comma separator)."""
    if any(c in value for c in _CSV_SPECIAL):
        return '"' + value.replace('"', '""') + '"'
    return value


#: Characters that make :mod:`csv` quote a field (separator, quote, line ends).
_CSV_SPECIAL = (",", '"', "\r", "\n")


def _sqlite_field(column: str, *, escape_formula: bool = True) -> str:
    """SQLite SQL for ``column`` as one CSV field, the same text :func:`csv_field` gives.

    NULL stays NULL, which ``printf('%s')`` writes as an empty field. The column is named
    several times: keep it a plain column, never a subquery.
    """
    value = column
    if escape_formula:
        starts = ", ".join(f"char({ord(c)})" if c in "\t\r" else f"'{c}'" for c in FORMULA_START)
        value = (
            f"(CASE WHEN substr({column}, 1, 1) IN ({starts}) "
            f"THEN '''' || {column} ELSE {column} END)"
        )
    special = "'*[,\"' || char(13) || char(10) || ']*'"
    return (
        f"CASE WHEN {column} GLOB {special} "
        f"THEN '\"' || replace({value}, '\"', '\"\"') || '\"' ELSE {value} END"
    )


#: SQLite: a shipment's unit numbers in the order entered (``shipments`` is the outer row).
_SQLITE_UNITS = (
    "(SELECT group_concat(number, ' ') FROM (SELECT number FROM shipment_units u "
    "WHERE u.shipment_id = shipments.id ORDER BY u.id))"
)
#: SQLite: kilograms as tonnes without trailing zeros, as :func:`tonnes` writes them.
_SQLITE_TONNES = (
    "CASE WHEN s.net_weight_kg % 1000 = 0 THEN CAST(s.net_weight_kg / 1000 AS TEXT) "
    "ELSE rtrim(printf('%d.%03d', s.net_weight_kg / 1000, s.net_weight_kg % 1000), '0') END"
)


def _sqlite_lines(s: Any) -> bool:
    """Whether SQLite can make the CSV lines itself (MATERIALIZED needs SQLite 3.35)."""
    conn = s.connection()
    return conn.dialect.name == "sqlite" and conn.dialect.dbapi.sqlite_version_info >= (3, 35)


def _write_csv_sqlite(
    s: Any, flt: Filter, path: str, progress: Progress, total: int, cancel: CancelToken | None
) -> int:
    """SQLite: every CSV line is made by SQLite; Python only writes the lines out.

    Names of stations, goods, counterparties and contracts are escaped and quoted once in
    Python and handed over as JSON (materialized, so each is a lookup by id); the shipments'
    own text is escaped and quoted in SQL; one ``printf`` joins a line. No Python object per
    cell: a million rows take about half the time of :func:`_rows` + :func:`_write_csv`, and
    the file is the same bytes.
    """
    names = _names(s)
    t = Shipment.__table__.c
    # LIMIT keeps SQLite from flattening the subquery into the joins: its rows come in id
    # order and each shipment's units are read once (the expressions below name them often).
    inner = (
        select(
            t.id,
            t.waybill,
            t.train_no,
            t.commodity_id,
            t.supplier_id,
            t.consignee_id,
            t.origin_station_id,
            t.border_station_id,
            t.destination_station_id,
            t.departure_date,
            t.eta,
            t.arrival_date,
            t.status,
            t.net_weight_kg,
            t.wagons,
            t.containers,
            t.contract_id,
            t.notes,
            literal_column(_SQLITE_UNITS).label("units"),
        )
        .where(*conditions(flt))
        .order_by(t.id)
        .limit(literal_column("-1"))
        .subquery("s")
    )
    lookups = {
        kind: text(f"SELECT CAST(key AS INTEGER) AS id, value AS v FROM json_each(:{kind})")
        .bindparams(**{kind: json.dumps({i: csv_field(n) for i, n in by_id.items()})})
        .columns(column("id", Integer), column("v", String))
        .cte(f"names_{kind}")
        .prefix_with("MATERIALIZED")
        for kind, by_id in names.items()
    }
    joined: Any = inner
    for alias, kind, key in (
        ("c", "commodity", inner.c.commodity_id),
        ("sp", "party", inner.c.supplier_id),
        ("cn", "party", inner.c.consignee_id),
        ("o", "station", inner.c.origin_station_id),
        ("b", "station", inner.c.border_station_id),
        ("d", "station", inner.c.destination_station_id),
        ("k", "contract", inner.c.contract_id),
    ):
        found = lookups[kind].alias(alias)
        joined = joined.outerjoin(found, found.c.id == key)
    fields = [
        _sqlite_field("s.waybill"),
        _sqlite_field("s.train_no"),
        "c.v",
        "sp.v",
        "cn.v",
        "o.v",
        "b.v",
        "d.v",
        "s.departure_date",
        "s.eta",
        "s.arrival_date",
        "s.status",
        _SQLITE_TONNES,
        "s.wagons",
        "s.containers",
        "k.v",
        _sqlite_field("s.notes"),
        _sqlite_field("s.units", escape_formula=False),
    ]
    line = "printf('" + ",".join(["%s"] * len(fields)) + "', " + ", ".join(fields) + ")"
    query = select(literal_column(line)).select_from(joined)
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("\ufeff" + ",".join(map(csv_field, CANONICAL)) + "\r\n")
        result = s.connection().execute(query)
        cursor = result.cursor  # one text per row: no Row objects needed
        try:
            while batch := cursor.fetchmany(_BATCH):
                if cancel is not None:
                    cancel.check()
                out.write("\r\n".join([line for (line,) in batch]))
                out.write("\r\n")
                count += len(batch)
                progress(count, total, "exporting")
        finally:
            result.close()
    return count


def _write_csv(path: str, batches: Iterator[list[tuple[Any, ...]]]) -> int:
    count = 0
    # Plain UTF-8 with the BOM written by hand: the "utf-8-sig" codec encodes in Python, and
    # each batch goes to the file as one string, not row by row.
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("\ufeff")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CANONICAL)
        for batch in batches:
            writer.writerows(batch)  # None is written as an empty field
            out.write(buffer.getvalue())
            buffer.seek(0)
            buffer.truncate()
            count += len(batch)
        out.write(buffer.getvalue())
    return count


def _write_xlsx(path: str, batches: Iterator[list[tuple[Any, ...]]]) -> int:
    from openpyxl import Workbook  # loaded only for XLSX exports
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("shipments")
    sheet.append(list(CANONICAL))
    net = CANONICAL.index("net_tonnes")
    dated = {CANONICAL.index(n) for n in ("departure_date", "eta", "arrival_date")}
    count = 0
    for batch in batches:
        for row in batch:
            cells: list[Any] = []
            for index, value in enumerate(row):
                if value is None:
                    cells.append(None)
                elif index in dated:
                    cell = WriteOnlyCell(sheet, value=date.fromisoformat(value))
                    cell.number_format = "yyyy-mm-dd"
                    cells.append(cell)
                elif index == net:
                    cells.append(float(Decimal(value)))
                else:
                    cells.append(value)  # counts, and text that is escaped already
            sheet.append(cells)
        count += len(batch)
    book.save(path)
    return count
