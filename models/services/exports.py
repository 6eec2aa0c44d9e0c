"""Export shipments to CSV (UTF-8 with BOM, for Excel) or XLSX, with the canonical headers.

Rows are streamed from the database in batches and written as they come, so a million
shipments never sit in memory. A cell that Excel or LibreOffice would take for a formula is
written with a leading apostrophe; the importer takes that apostrophe off again.
"""

from __future__ import annotations

import csv
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import String, select, type_coerce

from models.db import Database
from models.entities import Commodity, Contract, Counterparty, Shipment, Station
from models.errors import UserError
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
        raise UserError(f"cannot write to {target.parent}: {error.strerror}") from None
    os.close(handle)
    try:
        with db.read() as s:
            total = s.scalar(select(_count()).where(*conditions(flt))) or 0
            rows = _rows(s, flt, progress, total, cancel)
            count = _write_xlsx(temp, rows) if xlsx else _write_csv(temp, rows)
        os.replace(temp, target)
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror}") from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return ExportSummary(target, count, time.perf_counter() - started)


def _count() -> Any:
    from sqlalchemy import func

    return func.count(Shipment.id)


def _names(s: Any) -> dict[str, dict[int, str]]:
    return {
        "station": dict(s.execute(select(Station.id, Station.name)).all()),
        "commodity": dict(s.execute(select(Commodity.id, Commodity.name)).all()),
        "party": dict(s.execute(select(Counterparty.id, Counterparty.name)).all()),
        "contract": dict(s.execute(select(Contract.id, Contract.number)).all()),
    }


def _rows(
    s: Any, flt: Filter, progress: Progress, total: int, cancel: CancelToken | None
) -> Iterator[list[Any]]:
    """Each matching shipment as the canonical columns' values, in waybill order."""
    names = _names(s)
    station, party = names["station"].get, names["party"].get
    commodity, contract = names["commodity"].get, names["contract"].get
    t = Shipment.__table__.c
    query = (
        select(
            t.waybill,
            t.train_no,
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
            t.net_weight_kg,
            t.wagons,
            t.containers,
            t.contract_id,
            t.notes,
        )
        .where(*conditions(flt))
        .order_by(t.id)
    )
    result = s.execute(query.execution_options(yield_per=_BATCH, stream_results=True))
    done = 0
    for batch in result.partitions():
        if cancel is not None:
            cancel.check()
        for r in batch:
            yield [
                r[0],
                r[1],
                commodity(r[2]),
                party(r[3]),
                party(r[4]),
                station(r[5]),
                station(r[6]) if r[6] is not None else None,
                station(r[7]),
                r[8],
                r[9],
                r[10],
                r[11],
                r[12],
                r[13],
                r[14],
                contract(r[15]) if r[15] is not None else None,
                r[16],
            ]
        done += len(batch)
        progress(done, total, "exporting")


def _as_text(column: Any) -> Any:
    return type_coerce(column, String).label(column.name)


#: Columns whose text a user typed: only these can look like a formula.
_TEXT_COLUMNS = tuple(
    CANONICAL.index(name)
    for name in (
        "waybill",
        "train_no",
        "commodity",
        "supplier",
        "consignee",
        "origin_station",
        "border_station",
        "destination_station",
        "contract",
        "notes",
    )
)
_DATE_COLUMNS = tuple(CANONICAL.index(n) for n in ("departure_date", "eta", "arrival_date"))


def _write_csv(path: str, rows: Iterator[list[Any]]) -> int:
    count = 0
    net = CANONICAL.index("net_tonnes")
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CANONICAL)
        for row in rows:
            row[net] = tonnes(row[net])
            for index in _TEXT_COLUMNS:
                value = row[index]
                if value and value.startswith(FORMULA_START):
                    row[index] = "'" + value
            for index in _DATE_COLUMNS:  # PostgreSQL's driver gives dates, SQLite text
                if isinstance(row[index], date):
                    row[index] = row[index].isoformat()
            writer.writerow(row)  # None is written as an empty field
            count += 1
    return count


def _write_xlsx(path: str, rows: Iterator[list[Any]]) -> int:
    from openpyxl import Workbook  # loaded only for XLSX exports
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("shipments")
    sheet.append(list(CANONICAL))
    net = CANONICAL.index("net_tonnes")
    dated = {CANONICAL.index(n) for n in ("departure_date", "eta", "arrival_date")}
    count = 0
    convert: dict[int, Callable[[Any], Any]] = {net: lambda kg: Decimal(kg).scaleb(-3)}
    for row in rows:
        cells: list[Any] = []
        for index, value in enumerate(row):
            if value is None:
                cells.append(None)
            elif index in dated:
                day = value if isinstance(value, date) else date.fromisoformat(value)
                cell = WriteOnlyCell(sheet, value=day)
                cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            elif index in convert:
                cells.append(float(convert[index](value)))
            elif isinstance(value, int):
                cells.append(value)
            else:
                cells.append(escape(str(value)))
        sheet.append(cells)
        count += 1
    book.save(path)
    return count
