"""The bulk SQL of an import: counterparties, inserts, updates, units, events and audit entries.

Core ``executemany`` statements over plain tuples, built column by column, not one ORM object
per row: the whole file is one transaction and 100,000 rows must take seconds. The caller's
session holds the transaction.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, delete, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from models.entities import AuditEntry, Counterparty, Shipment, ShipmentEvent, ShipmentUnit
from models.entities.base import utcnow
from models.errors import ConflictError
from models.messages import Message
from models.progress import CancelToken, Progress
from models.services.figures import summaries as figure_summaries
from models.services.imports.names import key

if TYPE_CHECKING:
    from models.services.imports.importer import Plan, PlannedRow

_BATCH = 20_000
#: Ids per "WHERE ... IN (...)" (under SQLite's old 999-parameter limit).
_IN_CHUNK = 900
#: SQLite page cache during an import, in KiB (negative: a size, not a page count).
_CACHE_KIB = -262_144
#: Shipment columns an import writes, in the order of the INSERT.
COLUMNS = (
    "waybill",
    "train_no",
    "commodity_id",
    "supplier_id",
    "consignee_id",
    "origin_station_id",
    "border_station_id",
    "destination_station_id",
    "departure_date",
    "eta",
    "arrival_date",
    "status",
    "net_weight_kg",
    "wagons",
    "containers",
    "contract_id",
    "notes",
)
_DATES = frozenset({"departure_date", "eta", "arrival_date"})
_PARTIES = ("supplier_id", "consignee_id")


def note_for(source: str | None) -> str:
    """The note on events and audit entries an import writes: "imported from FILE"."""
    return f"imported from {source}" if source else "imported from a file"


def write_plan(
    s: Session,
    plan: Plan,
    user: str,
    progress: Progress,
    cancel: CancelToken | None,
    source: str | None = None,
) -> list[int]:
    """Write every insert and update of ``plan``; return the ids of the shipments touched.

    Raises:
        ConflictError: A shipment changed between the check and the write (PostgreSQL).
        Cancelled: ``cancel`` was set (the caller's transaction then rolls back).
    """
    conn = s.connection()
    note = note_for(source)
    parties = _counterparties(conn, plan)
    now = utcnow()
    inserts = [r for r in plan.rows if r.action == "insert"]
    updates = [r for r in plan.rows if r.action == "update"]
    total = len(inserts) + len(updates) or 1
    # The figure summary tables get the grouped sums of the rows written, not a row trigger
    # per shipment (SQLite; a rollback restores the triggers).
    with figure_summaries.bulk_write(conn) as summary_rows:
        ids = _write_inserts(conn, inserts, parties, now, user, note, progress, cancel, total)
        summary_rows.before_update(r.values["id"] for r in updates)
        ids += _write_updates(conn, updates, parties, now, user, note, progress, cancel, total)
        _check(cancel)
        progress(total, total, "updating the figure totals")
    progress(total, total, "")
    return ids


# -- inserts ----------------------------------------------------------------------------------


def _write_inserts(
    conn: Connection,
    inserts: list[PlannedRow],
    parties: dict[str, int],
    now: datetime,
    user: str,
    note: str,
    progress: Progress,
    cancel: CancelToken | None,
    total: int,
) -> list[int]:
    if not inserts:
        return []
    sqlite = conn.dialect.name == "sqlite"
    stamp: Any = _sqlite_time(now) if sqlite else now
    ids: list[int] = []
    table = Shipment.__table__
    with _fts_insert_triggers_suspended(conn, ("shipments", "shipment_units")):
        for start in range(0, len(inserts), _BATCH):
            _check(cancel)
            progress(start, total, "saving new shipments")
            batch = inserts[start : start + _BATCH]
            columns = _columns(batch, parties, sqlite)
            # PostgreSQL's COPY takes the stamp as SQLAlchemy would store it: naive UTC.
            stored = stamp if sqlite else now.astimezone(UTC).replace(tzinfo=None)
            extra = {
                "version": 1,
                "created_at": stored,
                "created_by": user,
                "updated_at": stored,
                "updated_by": user,
            }
            names = [*COLUMNS, *extra]
            fixed = tuple(extra.values())
            rows = [(*r, *fixed) for r in zip(*columns, strict=True)]
            waybills = columns[0]
            if sqlite:
                top: int | None = _max_id(conn)
                _insert(conn, table, names, rows)
                new_ids, above_top = _new_ids(conn, waybills, top)
            else:
                top, above_top = None, False
                new_ids = _pg_copy(conn, table, names, rows)
            ids.extend(new_ids)
            if above_top and top is not None:
                # The new rows are exactly those above ``top``: their events and audit
                # entries come from them in SQL, with no Python tuple or JSON text per row.
                _history_of_new_rows(conn, top, stamp, user, note)
            elif not sqlite:
                _pg_history_of_new_rows(conn, new_ids, now, user, note)
            else:
                _history_of_new_ids(conn, new_ids, columns, waybills, stamp, user, note, sqlite)
            units = [
                (i, kind, number)
                for i, r in zip(new_ids, batch, strict=True)
                for kind, number in r.values.get("units") or ()
            ]
            _insert(conn, ShipmentUnit.__table__, ["shipment_id", "kind", "number"], units)
    return ids


#: SQLite: the creation event and audit entry of every shipment above a given id, in id order.
_NEW_EVENTS_SQL = (
    'INSERT INTO shipment_events (shipment_id, occurred_at, status, station_id, note, "user") '
    "SELECT id, ?, status, origin_station_id, ?, ? FROM shipments WHERE id > ? ORDER BY id"
)
_NEW_AUDIT_SQL = (
    'INSERT INTO audit_entries ("at", "user", entity, entity_id, action, changes, reason) '
    "SELECT ?, ?, 'shipment', id, 'import', json_object('waybill', json_array(NULL, waybill)), ? "
    "FROM shipments WHERE id > ? ORDER BY id"
)


def _history_of_new_rows(conn: Connection, top: int, stamp: str, user: str, note: str) -> None:
    """SQLite: the events and audit entries of the shipments just inserted above ``top``."""
    conn.exec_driver_sql(_NEW_EVENTS_SQL, (stamp, note, user, top))
    conn.exec_driver_sql(_NEW_AUDIT_SQL, (stamp, user, note, top))


#: PostgreSQL: the same, for the shipments with the given ids.
_PG_NEW_EVENTS = text(
    'INSERT INTO shipment_events (shipment_id, occurred_at, status, station_id, note, "user") '
    "SELECT id, :at, status, origin_station_id, :note, :user FROM shipments "
    "WHERE id = ANY(:ids) ORDER BY id"
).bindparams(bindparam("at", type_=ShipmentEvent.__table__.c.occurred_at.type))
_PG_NEW_AUDIT = text(
    'INSERT INTO audit_entries ("at", "user", entity, entity_id, action, changes, reason) '
    "SELECT :at, :user, 'shipment', id, 'import', "
    "json_build_object('waybill', json_build_array(NULL, waybill)), :note FROM shipments "
    "WHERE id = ANY(:ids) ORDER BY id"
).bindparams(bindparam("at", type_=AuditEntry.__table__.c.at.type))


def _pg_history_of_new_rows(
    conn: Connection, ids: list[int], now: datetime, user: str, note: str
) -> None:
    """PostgreSQL: the events and audit entries of the new shipments ``ids``, in SQL."""
    params = {"at": now, "user": user, "note": note, "ids": ids}
    conn.execute(_PG_NEW_EVENTS, params)
    conn.execute(_PG_NEW_AUDIT, params)


def _history_of_new_ids(
    conn: Connection,
    new_ids: list[int],
    columns: list[list],
    waybills: list[str],
    stamp: Any,
    user: str,
    note: str,
    sqlite: bool,
) -> None:
    """The events and audit entries of new shipments ``new_ids``, built row by row."""
    statuses = columns[COLUMNS.index("status")]
    origins = columns[COLUMNS.index("origin_station_id")]
    _insert(
        conn,
        ShipmentEvent.__table__,
        ["shipment_id", "occurred_at", "status", "station_id", "note", "user"],
        [
            (i, stamp, st, o, note, user)
            for i, st, o in zip(new_ids, statuses, origins, strict=True)
        ],
    )
    _insert(
        conn,
        AuditEntry.__table__,
        ["at", "user", "entity", "entity_id", "action", "changes", "reason"],
        [
            (stamp, user, "shipment", i, "import", _created(w, sqlite), note)
            for i, w in zip(new_ids, waybills, strict=True)
        ],
    )


def _columns(batch: Sequence[PlannedRow], parties: dict[str, int], sqlite: bool) -> list[list]:
    """The batch's COLUMNS values, one list per column, as the driver takes them."""
    keys = [name.removesuffix("_id") if name in _PARTIES else name for name in COLUMNS]
    get = itemgetter(*keys)
    columns = [list(c) for c in zip(*(get(r.values) for r in batch), strict=True)]
    for index, name in enumerate(COLUMNS):
        column = columns[index]
        if name in _PARTIES:
            columns[index] = [parties[k] for k in column]
        elif name == "status":
            columns[index] = [str(v) for v in column]
        elif name in _DATES and sqlite:
            # Date is stored as ISO text on SQLite; a file repeats the same few dates.
            seen: dict[date, str] = {}
            columns[index] = [
                None if d is None else seen.get(d) or seen.setdefault(d, d.isoformat())
                for d in column
            ]
    return columns


def _created(waybill: str, sqlite: bool) -> Any:
    changes = {"waybill": [None, waybill]}
    return json.dumps(changes) if sqlite else changes


def _max_id(conn: Connection) -> int:
    return conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM shipments").scalar() or 0


def _new_ids(conn: Connection, waybills: list[str], top: int | None) -> tuple[list[int], bool]:
    """The ids of the rows just inserted, in the order of ``waybills``, and whether by range.

    On SQLite, with the write lock held, new rowids follow the largest one in insert order:
    one range query instead of looking up every waybill. True means that worked: the new rows
    are exactly the rows above ``top``.
    """
    if top is not None:
        count, first, last = conn.exec_driver_sql(
            "SELECT count(*), min(id), max(id) FROM shipments WHERE id > ?", (top,)
        ).one()
        if count == len(waybills) and count and last - first + 1 == count:
            return list(range(first, last + 1)), True
    table = Shipment.__table__
    by_waybill: dict[str, int] = {}
    for start in range(0, len(waybills), _IN_CHUNK):
        chunk = waybills[start : start + _IN_CHUNK]
        query = select(table.c.waybill, table.c.id).where(table.c.waybill.in_(chunk))
        by_waybill.update((w, i) for w, i in conn.execute(query))
    return [by_waybill[w] for w in waybills], False


# -- updates ----------------------------------------------------------------------------------


def _write_updates(
    conn: Connection,
    updates: list[PlannedRow],
    parties: dict[str, int],
    now: datetime,
    user: str,
    note: str,
    progress: Progress,
    cancel: CancelToken | None,
    total: int,
) -> list[int]:
    """Update only the columns that changed, grouped by which.

    An index (or a trigger) on a column that stays the same is then not touched at all.
    """
    groups: dict[tuple[str, ...], list[PlannedRow]] = defaultdict(list)
    for r in updates:
        groups[tuple(r.values["_changed"])].append(r)
    done = 0
    with _fts_insert_triggers_suspended(conn, ("shipment_units",)):
        for changed, rows in groups.items():
            _update_group(conn, changed, rows, parties, now, user, progress, cancel, done, total)
            done += len(rows)
    if not updates:
        return []
    sqlite = conn.dialect.name == "sqlite"
    stamp: Any = _sqlite_time(now) if sqlite else now
    events = [
        (r.values["id"], stamp, str(r.values["status"]), None, note, user)
        for r in updates
        if r.values["status"] != r.values["_old_status"]
    ]
    _insert(
        conn,
        ShipmentEvent.__table__,
        ["shipment_id", "occurred_at", "status", "station_id", "note", "user"],
        events,
    )
    _insert(
        conn,
        AuditEntry.__table__,
        ["at", "user", "entity", "entity_id", "action", "changes", "reason"],
        [
            (
                stamp,
                user,
                "shipment",
                r.values["id"],
                "import",
                json.dumps(r.values["_diff"]) if sqlite else r.values["_diff"],
                note,
            )
            for r in updates
        ],
    )
    return [r.values["id"] for r in updates]


def _update_group(
    conn: Connection,
    changed: tuple[str, ...],
    rows: list[PlannedRow],
    parties: dict[str, int],
    now: datetime,
    user: str,
    progress: Progress,
    cancel: CancelToken | None,
    done: int,
    total: int,
) -> None:
    """One UPDATE, executemany, for the rows that changed the same columns."""
    table = Shipment.__table__
    shipment_columns = [c for c in changed if c in COLUMNS]
    statement = (
        update(table)
        .where(and_(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version")))
        .values(
            {name: bindparam(f"b_{name}") for name in shipment_columns}
            | {"version": table.c.version + 1, "updated_at": now, "updated_by": user}
        )
    )
    for start in range(0, len(rows), _BATCH):
        _check(cancel)
        progress(done + start, total, "updating shipments")
        batch = rows[start : start + _BATCH]
        params = [
            {f"b_{name}": _value(r.values, name, parties) for name in shipment_columns}
            | {"b_id": r.values["id"], "b_version": r.values["version"]}
            for r in batch
        ]
        result = conn.execute(statement, params)
        if result.rowcount != len(batch):
            raise ConflictError(
                Message("import.changed_meanwhile"),
                who=None,
                when=None,
                what="import",
            )
        if "units" in changed:
            _replace_units(conn, batch)


def _value(values: dict[str, Any], name: str, parties: dict[str, int]) -> Any:
    if name in _PARTIES:
        return parties[values[name.removesuffix("_id")]]
    if name == "status":
        return str(values["status"])
    return values.get(name)


def _replace_units(conn: Connection, batch: Sequence[PlannedRow]) -> None:
    table = ShipmentUnit.__table__
    ids = [r.values["id"] for r in batch]
    for start in range(0, len(ids), _IN_CHUNK):
        conn.execute(delete(table).where(table.c.shipment_id.in_(ids[start : start + _IN_CHUNK])))
    rows = [
        (r.values["id"], kind, number) for r in batch for kind, number in r.values["units"] or ()
    ]
    _insert(conn, table, ["shipment_id", "kind", "number"], rows)


# -- plumbing ---------------------------------------------------------------------------------


def _insert(conn: Connection, table: Any, names: list[str], rows: list[tuple]) -> None:
    """Executemany of ``rows`` (tuples in the order of ``names``) into ``table``.

    On SQLite the tuples go straight to the driver (values already as SQLite stores them):
    SQLAlchemy's per-value processing would cost more than SQLite's own work. Elsewhere a Core
    insert, which PostgreSQL's driver sends as multi-row VALUES (insertmanyvalues).
    """
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), [dict(zip(names, r, strict=True)) for r in rows])
        return
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        table.name, ", ".join(f'"{n}"' for n in names), ", ".join("?" * len(names))
    )
    conn.exec_driver_sql(sql, rows)


def _pg_copy(conn: Connection, table: Any, names: list[str], rows: list[tuple]) -> list[int]:
    """PostgreSQL: ``rows`` into ``table`` with one COPY; their new ids, in row order.

    The ids are drawn from the table's sequence first and written with the rows. One COPY is
    one statement: the figure summary triggers run once for the whole batch, with all of it
    in their transition table. (A statement per row made them upsert the same few summary
    rows 100,000 times in one transaction, each slower than the last: two minutes for
    100,000 rows; a multi-row INSERT per thousand rows took 13 s, this a few seconds.)
    """
    if not rows:
        return []
    ids = list(
        conn.exec_driver_sql(
            "SELECT nextval(pg_get_serial_sequence(%(t)s, 'id')) FROM generate_series(1, %(n)s)",
            {"t": table.name, "n": len(rows)},
        ).scalars()
    )
    columns = ", ".join(f'"{n}"' for n in ("id", *names))
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
            for new_id, row in zip(ids, rows, strict=True):
                copy.write_row((new_id, *row))
    finally:
        cursor.close()
    return ids


def _sqlite_time(value: datetime) -> str:
    """A UtcDateTime as SQLAlchemy writes it to SQLite: naive UTC text."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


#: An FTS index kept by a row trigger: ``AFTER INSERT ON t BEGIN INSERT INTO fts(rowid, a, b)
#: VALUES (new.id, new.a, new.b); END``.
_FTS_TRIGGER = re.compile(
    r"CREATE\s+TRIGGER\s+\"?(\w+)\"?\s+AFTER\s+INSERT\s+ON\s+\"?(\w+)\"?\s+BEGIN\s+"
    r"INSERT\s+INTO\s+\"?(\w+)\"?\s*\(\s*rowid\s*,([\w\s,]+)\)\s*"
    r"VALUES\s*\(\s*new\.id\s*,([\w\s,.]+)\)\s*;\s*END\s*",
    re.IGNORECASE,
)


@contextmanager
def _fts_insert_triggers_suspended(conn: Connection, tables: Sequence[str]) -> Iterator[None]:
    """SQLite: fill the full-text indexes of ``tables`` once, after the inserts, not per row.

    An FTS5 table written from a row trigger flushes its pending terms at every statement's
    savepoint: 100,000 inserted shipments cost 100,000 tiny index segments and their merges
    (about 30 s). So the insert triggers are dropped inside this transaction, the new rows
    are indexed with one INSERT ... SELECT, and the triggers are created again from their own
    SQL. A rollback (error, Cancel, a killed process) restores everything as it was.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    suspended = []
    for table in tables:
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
            (table,),
        ).all()
        for name, sql in triggers:
            match = _FTS_TRIGGER.fullmatch(sql or "")
            if match is None or match.group(2) != table:
                continue
            target = match.group(3)
            columns = [c.strip() for c in match.group(4).split(",")]
            sources = [c.strip() for c in match.group(5).split(",")]
            if not all(c.lower().startswith("new.") for c in sources):
                continue
            sources = [c[4:] for c in sources]
            top = conn.exec_driver_sql(f'SELECT coalesce(max(id), 0) FROM "{table}"').scalar()
            suspended.append((name, sql, table, target, columns, sources, top))
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    # Not reached on an error: the rollback then brings the triggers back by itself.
    for _name, sql, table, target, columns, sources, top in suspended:
        conn.exec_driver_sql(
            f'INSERT INTO "{target}"(rowid, {", ".join(columns)}) '
            f'SELECT id, {", ".join(sources)} FROM "{table}" WHERE id > ?',
            (top,),
        )
        conn.exec_driver_sql(sql)


@contextmanager
def bulk_cache(s: Session) -> Iterator[None]:
    """A bigger SQLite page cache while a large file is checked and written, then the old one.

    Inserting into a million-row table touches every index; with SQLite's default 2 MB cache
    most of those pages are read again and again.
    """
    conn = s.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = {_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.check()


def _counterparties(conn: Connection, plan: Plan) -> dict[str, int]:
    """Name key → id for every counterparty the plan uses, creating the new ones."""
    table = Counterparty.__table__
    known = {key(n): i for i, n in conn.execute(select(table.c.id, table.c.name))}
    wanted: dict[str, tuple[str, str]] = {}
    for r in plan.rows:
        for role in ("supplier", "consignee"):
            k = r.values.get(role)
            if k and k not in known and k not in wanted:
                wanted[k] = _display(plan, k, role)
    if wanted:
        conn.execute(insert(table), [{"name": n, "role": role} for n, role in wanted.values()])
        known = {key(n): i for i, n in conn.execute(select(table.c.id, table.c.name))}
    return known


def _display(plan: Plan, k: str, role: str) -> tuple[str, str]:
    from models.services.imports.rows import UNKNOWN_PARTY

    for name in (*plan.new_counterparties, *UNKNOWN_PARTY.values()):
        if key(name) == k:
            return name, role
    return k, role
