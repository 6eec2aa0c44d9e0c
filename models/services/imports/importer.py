"""Import a file of shipments: check every row, then write them all in one transaction.

A new waybill is inserted; an existing one is updated where the file's values differ, and a
changed status becomes an event under the same transition rules as a form edit. Nothing is
written unless every row is valid. Rows are checked in bulk (reference names through dicts,
waybills looked up in chunks) and written with executemany, so 100,000 rows take seconds.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from models.db import Database
from models.entities import Counterparty, Shipment, ShipmentUnit
from models.errors import ValidationError
from models.messages import Message
from models.progress import CancelToken, Progress, no_progress
from models.rules.status import Status, check_transition
from models.services.imports import reader
from models.services.imports.headers import Mapping, map_headers
from models.services.imports.names import References, key
from models.services.imports.problems import Collector, ImportFileError, Problem, message_of
from models.services.imports.rows import NO_TRAIN, UNKNOWN_PARTY, ParsedRow, parse_rows
from models.services.imports.writer import COLUMNS, bulk_cache, write_plan
from models.services.shipments import Changes

#: Waybills per "WHERE waybill IN (...)" lookup (under SQLite's old 999-parameter limit).
_CHUNK = 900
_EVENT_NOTE = "imported from a file"


@dataclass(frozen=True)
class Options:
    """How to read and apply a file; None fields are detected."""

    encoding: str | None = None
    separator: str | None = None
    #: Column index → canonical name (or None: ignore), as chosen in the preview.
    overrides: dict[int, str | None] = field(default_factory=dict)
    insert_only: bool = False


@dataclass(frozen=True)
class PlannedRow:
    """A valid row as it will be saved, and what will happen to it."""

    row: int
    action: str  # "insert", "update" or "unchanged"
    values: dict[str, Any]


@dataclass(frozen=True)
class Plan:
    """Everything learned from a file: how it was read, every row's fate, every problem."""

    table: reader.Table
    mapping: Mapping
    rows: tuple[PlannedRow, ...]
    problems: tuple[Problem, ...]
    more_problems: int
    new_counterparties: tuple[str, ...]
    #: Display names of stations, goods, counterparties and contracts by id (for previews).
    names: dict[str, dict[Any, str]]
    #: Station and goods names in another language ("zh", "ru") by id, where recorded.
    localized: dict[str, dict[str, dict[int, str]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the file can be imported as it is."""
        return not self.problems

    def count(self, action: str) -> int:
        """How many rows will be inserted, updated or left unchanged."""
        return sum(r.action == action for r in self.rows)


@dataclass(frozen=True)
class Summary:
    """The outcome of an import (or of a dry run, when ``written`` is False)."""

    inserted: int
    updated: int
    unchanged: int
    new_counterparties: tuple[str, ...]
    unknown_columns: tuple[str, ...]
    encoding: str | None
    encoding_assumed: bool
    separator: str | None
    written: bool
    changes: Changes = Changes()
    #: Where the list was found: the header's row, the worksheet (XLSX), totals rows left out.
    header_row: int = 1
    sheet: str | None = None
    skipped_rows: tuple[int, ...] = ()
    #: "csv", "xlsx", "ods" or "xls".
    kind: str = "csv"

    def line(self) -> str:
        """The one-line summary: "inserted N, updated M, unchanged K"."""
        return f"inserted {self.inserted:,}, updated {self.updated:,}, unchanged {self.unchanged:,}"


def plan(
    db: Database,
    data: bytes,
    options: Options = Options(),  # noqa: B008 - frozen default
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Plan:
    """Read and check a file without writing anything: for the preview and for --dry-run.

    Raises:
        ImportFileError: The file cannot be read at all (empty, binary, broken CSV or XLSX).
        Cancelled: ``cancel`` was set.
    """
    with db.read() as s, _no_gc():
        return _plan(s, data, options, progress, cancel)


def import_file(
    db: Database,
    data: bytes,
    options: Options = Options(),  # noqa: B008 - frozen default
    *,
    dry_run: bool = False,
    user: str | None = None,
    source: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Summary:
    """Import a whole file in one transaction: all rows or none.

    ``source`` (the file's name) goes into the notes of the events and audit entries, so a
    shipment's history says "imported from loading_list.xlsx".

    Raises:
        ImportFileError: Any problem in the file (every problem is listed; nothing written).
        Cancelled: ``cancel`` was set; the transaction was rolled back.
    """
    user = user or db.user
    if dry_run:
        result = plan(db, data, options, progress=progress, cancel=cancel)
        _raise_problems(result)
        return _summary(result, written=False)
    # The checks run inside the write transaction, so no other writer slips in between.
    with db.write() as s, bulk_cache(s), _no_gc():
        result = _plan(s, data, options, progress, cancel)
        _raise_problems(result)
        ids = write_plan(s, result, user, progress, cancel, source)
    return _summary(result, written=True, ids=ids)


@contextmanager
def _no_gc() -> Iterator[None]:
    """No cyclic garbage collection while a file is checked and written.

    A file is millions of small objects (cells, values, rows) that live until the end; every
    automatic collection would walk all of them again, which doubled the time of a
    100,000-row import. Reference counting still frees what the import drops.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _raise_problems(result: Plan) -> None:
    if result.problems:
        raise ImportFileError(list(result.problems), result.more_problems)


def _summary(result: Plan, *, written: bool, ids: Sequence[int] = ()) -> Summary:
    return Summary(
        inserted=result.count("insert"),
        updated=result.count("update"),
        unchanged=result.count("unchanged"),
        new_counterparties=result.new_counterparties,
        unknown_columns=result.mapping.unknown,
        encoding=result.table.encoding,
        encoding_assumed=result.table.encoding_assumed,
        separator=result.table.separator,
        written=written,
        changes=Changes(tuple(ids), membership=bool(ids)),
        header_row=result.table.header_row,
        sheet=result.table.sheet,
        skipped_rows=result.table.skipped_rows,
        kind=result.table.kind,
    )


def _plan(
    s: Session,
    data: bytes,
    options: Options,
    progress: Progress,
    cancel: CancelToken | None,
) -> Plan:
    refs = References(s)
    table = reader.read(
        data,
        encoding=options.encoding,
        separator=options.separator,
        known_names=refs.known_names(),
    )
    mapping = map_headers(table.headers, options.overrides)
    problems = Collector()
    if mapping.missing:
        missing = ", ".join(mapping.missing)
        problems.add(
            table.header_row, None, None, Message("import.missing_columns", columns=missing)
        )
    for name in mapping.duplicated:
        problems.add(table.header_row, name, None, Message("import.duplicate_column"))
    if not table.rows:
        problems.add(None, None, None, Message("import.no_rows"))
    if problems:
        return _result(table, mapping, [], problems, refs)
    parsed = parse_rows(table, mapping, refs, problems, progress, cancel)
    planned = _compare(s, parsed, mapping, options.insert_only, problems, progress, cancel)
    return _result(table, mapping, planned, problems, refs)


def _result(
    table: reader.Table,
    mapping: Mapping,
    rows: list[PlannedRow],
    problems: Collector,
    refs: References,
) -> Plan:
    # Only the names the valid rows actually create are listed.
    used = {r.values.get(role) for r in rows for role in ("supplier", "consignee")}
    new = tuple(name for k, (name, _role) in refs.counterparties.new.items() if k in used)
    names = {
        "station": refs.stations.display,
        "commodity": refs.commodities.display,
        "contract": refs.contracts.display,
        # Counterparties travel as case-folded name keys: their names as written.
        "party": {key(n): n for n in refs.counterparties.display.values()}
        | {k: n for k, (n, _role) in refs.counterparties.new.items()}
        | {key(n): n for n in UNKNOWN_PARTY.values()},
    }
    return Plan(
        table,
        mapping,
        tuple(rows),
        tuple(problems.problems),
        problems.more,
        new,
        names,
        refs.localized,
    )


def _compare(
    s: Session,
    parsed: list[ParsedRow],
    mapping: Mapping,
    insert_only: bool,
    problems: Collector,
    progress: Progress,
    cancel: CancelToken | None,
) -> list[PlannedRow]:
    """Decide insert / update / unchanged for each row against what is stored."""
    table = Shipment.__table__
    stored_cols = [table.c.id, table.c.version, *(table.c[name] for name in COLUMNS)]
    given = {_column(name) for name in mapping.columns}
    with_units = "units" in mapping.columns
    if with_units:
        given |= {"wagons", "containers"}  # counted from the units when not in the file
    party_names: dict[int, str] | None = None
    planned: list[PlannedRow] = []
    conn = s.connection()
    exists = select(table.c.waybill).where(table.c.waybill.in_(bindparam("w", expanding=True)))
    for start in range(0, len(parsed), _CHUNK):
        if cancel is not None and start % (_CHUNK * 20) == 0:
            cancel.check()
            progress(len(parsed) + start, len(parsed) * 2, "comparing with the database")
        chunk = parsed[start : start + _CHUNK]
        # Which of them exist, from the waybill index alone; whole rows only for those.
        known = _existing(conn, exists, [p.values["waybill"] for p in chunk])
        if not known:  # the usual case for a loading list: every row is new
            planned.extend(PlannedRow(p.row, "insert", _new_values(p.values)) for p in chunk)
            continue
        found = conn.execute(select(*stored_cols).where(table.c.waybill.in_(known))).mappings()
        existing = {row["waybill"]: row for row in found}
        if party_names is None:
            party_names = {v: k for k, v in _party_keys(s).items()}
        units = _stored_units(s, [r["id"] for r in existing.values()]) if with_units else {}
        for item in chunk:
            old = existing.get(item.values["waybill"])
            if old is None:
                planned.append(PlannedRow(item.row, "insert", _new_values(item.values)))
                continue
            if insert_only:
                problems.add(
                    item.row,
                    mapping.header_of("waybill"),
                    item.values["waybill"],
                    Message("import.insert_only"),
                )
                continue
            stored_units = units.get(old["id"], ()) if with_units else None
            planned.append(_update(item, old, stored_units, given, party_names, mapping, problems))
    return planned


def _existing(conn: Connection, exists: Any, waybills: list[str]) -> list[str]:
    """Which of ``waybills`` are stored (straight to the driver on SQLite: no bind work)."""
    if conn.dialect.name == "sqlite":
        marks = ",".join("?" * len(waybills))
        sql = f"SELECT waybill FROM shipments WHERE waybill IN ({marks})"  # noqa: S608
        return [w for (w,) in conn.exec_driver_sql(sql, tuple(waybills))]
    return list(conn.execute(exists, {"w": waybills}).scalars())


def _stored_units(s: Session, ids: list[int]) -> dict[int, tuple[tuple[str, str], ...]]:
    table = ShipmentUnit.__table__
    found: dict[int, list[tuple[str, str]]] = {}
    rows = s.execute(
        select(table.c.shipment_id, table.c.kind, table.c.number)
        .where(table.c.shipment_id.in_(ids))
        .order_by(table.c.shipment_id, table.c.id)
    )
    for shipment_id, kind, number in rows:
        found.setdefault(shipment_id, []).append((kind, number))
    return {i: tuple(u) for i, u in found.items()}


def _column(name: str) -> str:
    return {
        "commodity": "commodity_id",
        "supplier": "supplier_id",
        "consignee": "consignee_id",
        "origin_station": "origin_station_id",
        "border_station": "border_station_id",
        "destination_station": "destination_station_id",
        "contract": "contract_id",
        "net_tonnes": "net_weight_kg",
    }.get(name, name)


def _party_keys(s: Session) -> dict[str, int]:
    return {key(n): i for i, n in s.execute(select(Counterparty.id, Counterparty.name))}


_ALL_KEYS = dict.fromkeys(
    (*(c for c in COLUMNS if c not in ("supplier_id", "consignee_id")), "supplier", "consignee")
)


def _new_values(values: dict[str, Any]) -> dict[str, Any]:
    out = _ALL_KEYS | values
    if not out["train_no"]:
        out["train_no"] = NO_TRAIN
    if not out["status"]:
        out["status"] = Status.PLANNED
    if out["wagons"] is None:
        out["wagons"] = 0
    if out["containers"] is None:
        out["containers"] = 0
    for role in ("supplier", "consignee"):
        if not out[role]:
            out[role] = UNKNOWN_PARTY[role].casefold()
    return out


def _update(
    item: ParsedRow,
    old: Any,
    stored_units: tuple[tuple[str, str], ...] | None,
    given: set[str],
    party_names: dict[int, str],
    mapping: Mapping,
    problems: Collector,
) -> PlannedRow:
    values: dict[str, Any] = {"id": old["id"], "version": old["version"]}
    changed: list[str] = []
    diff: dict[str, list[Any]] = {}
    for name in COLUMNS:
        stored = old[name]
        if name in ("supplier_id", "consignee_id"):
            # Counterparties travel as name keys; the writer resolves (or creates) them.
            role = name.removesuffix("_id")
            stored_key = party_names.get(stored)
            new_key = item.values.get(role) if name in given else None
            values[role] = new_key or stored_key
            if values[role] != stored_key:
                changed.append(name)
                diff[role] = [stored_key, values[role]]
            continue
        new = item.values.get(name) if name in given else stored
        if new is None and name in ("train_no", "status"):
            new = stored  # a blank cell in a column that cannot be empty keeps the value
        values[name] = new
        if new != stored:
            changed.append(name)
            diff[name] = [_json(stored), _json(new)]
    if stored_units is not None:
        units = item.values.get("units") or ()
        values["units"] = units
        if sorted(units) != sorted(stored_units):
            changed.append("units")
            diff["units"] = [[n for _k, n in stored_units], [n for _k, n in units]]
    if values["status"] != old["status"]:
        try:
            check_transition(Status(old["status"]), Status(values["status"]), _EVENT_NOTE)
        except ValidationError as error:
            problems.add(item.row, mapping.header_of("status"), values["status"], message_of(error))
    values["status"] = Status(values["status"])
    values["_old_status"] = old["status"]
    values["_changed"] = changed
    values["_diff"] = diff
    return PlannedRow(item.row, "update" if changed else "unchanged", values)


def _json(value: Any) -> Any:
    """A stored value as the audit trail keeps it (JSON-safe)."""
    if isinstance(value, date):
        return value.isoformat()
    return value
