"""The bulk SQL of an import: counterparties, inserts, updates, events and audit entries.

Core ``executemany`` statements, not one ORM object per row: the whole file is one
transaction and 100,000 rows must take seconds. The caller's session holds the transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, insert, select, update
from sqlalchemy.orm import Session

from models.entities import AuditEntry, Counterparty, Shipment, ShipmentEvent
from models.entities.base import utcnow
from models.errors import ConflictError
from models.progress import CancelToken, Progress
from models.services.imports.names import key

if TYPE_CHECKING:
    from models.services.imports.importer import Plan

_BATCH = 5000
#: SQLite page cache during an import, in KiB (negative: a size, not a page count).
_CACHE_KIB = -262_144
_NOTE = "imported from a file"


def write_plan(
    s: Session, plan: Plan, user: str, progress: Progress, cancel: CancelToken | None
) -> list[int]:
    """Write every insert and update of ``plan``; return the ids of the shipments touched.

    Raises:
        ConflictError: A shipment changed between the check and the write (PostgreSQL).
        Cancelled: ``cancel`` was set (the caller's transaction then rolls back).
    """
    from models.services.imports.importer import COLUMNS

    parties = _counterparties(s, plan)
    now = utcnow()
    inserts = [r for r in plan.rows if r.action == "insert"]
    updates = [r for r in plan.rows if r.action == "update"]
    total = len(inserts) + len(updates) or 1
    table = Shipment.__table__
    ids: list[int] = []
    for start in range(0, len(inserts), _BATCH):
        _check(cancel)
        progress(start, total, "saving new shipments")
        batch = inserts[start : start + _BATCH]
        rows = [
            {
                **_row(r.values, parties, COLUMNS),
                "version": 1,
                "created_at": now,
                "created_by": user,
                "updated_at": now,
                "updated_by": user,
            }
            for r in batch
        ]
        # Plain executemany (RETURNING would make SQLite insert row by row), then the new
        # ids by waybill, which is unique.
        _insert(s, table, rows)
        new_ids = _ids_of(s, [r["waybill"] for r in rows])
        ids.extend(new_ids)
        events = [
            _event(i, r["status"], r["origin_station_id"], now, user)
            for i, r in zip(new_ids, rows, strict=True)
        ]
        _insert(s, ShipmentEvent.__table__, events)
        _insert(
            s,
            AuditEntry.__table__,
            [
                _audit(i, "import", {"waybill": [None, r["waybill"]]}, now, user)
                for i, r in zip(new_ids, rows, strict=True)
            ],
        )
    statement = (
        update(table)
        .where(and_(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version")))
        .values(
            {name: bindparam(f"b_{name}") for name in COLUMNS}
            | {"version": table.c.version + 1, "updated_at": now, "updated_by": user}
        )
    )
    for start in range(0, len(updates), _BATCH):
        _check(cancel)
        progress(len(inserts) + start, total, "updating shipments")
        batch = updates[start : start + _BATCH]
        params = []
        for r in batch:
            row = _row(r.values, parties, COLUMNS)
            params.append(
                {f"b_{k}": v for k, v in row.items()}
                | {"b_id": r.values["id"], "b_version": r.values["version"]}
            )
        result = s.connection().execute(statement, params)
        if result.rowcount != len(batch):
            raise ConflictError(
                "shipments in the file were changed by someone else during the import; "
                "import the file again",
                who=None,
                when=None,
                what="import",
            )
        events = [
            _event(r.values["id"], r.values["status"], None, now, user)
            for r in batch
            if r.values["status"] != r.values["_old_status"]
        ]
        if events:
            _insert(s, ShipmentEvent.__table__, events)
        _insert(
            s,
            AuditEntry.__table__,
            [_audit(r.values["id"], "import", {}, now, user) for r in batch],
        )
        ids.extend(r.values["id"] for r in batch)
    progress(total, total, "")
    return ids


def _insert(s: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Executemany of ``rows`` into ``table``.

    On SQLite the values go straight to the driver, converted here the way SQLAlchemy's types
    would store them: its per-value processing would cost more than SQLite's own work.
    """
    if not rows:
        return
    conn = s.connection()
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        table.name, ", ".join(f'"{n}"' for n in names), ", ".join("?" * len(names))
    )
    conn.exec_driver_sql(sql, [tuple(_sqlite(r[n]) for n in names) for r in rows])


def _sqlite(value: Any) -> Any:
    if isinstance(value, datetime):  # UtcDateTime: naive UTC, as SQLAlchemy writes it
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, StrEnum):
        return value.value
    return value


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


def _ids_of(s: Session, waybills: list[str]) -> list[int]:
    table = Shipment.__table__
    found: dict[str, int] = {}
    for start in range(0, len(waybills), 500):
        chunk = waybills[start : start + 500]
        query = select(table.c.waybill, table.c.id).where(table.c.waybill.in_(chunk))
        found.update(s.connection().execute(query).all())
    return [found[w] for w in waybills]


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.check()


def _row(values: dict[str, Any], parties: dict[str, int], columns: tuple[str, ...]) -> dict:
    row = {}
    for name in columns:
        if name in ("supplier_id", "consignee_id"):
            row[name] = parties[values[name.removesuffix("_id")]]
        elif name == "status":
            row[name] = str(values["status"].value if values["status"] else "planned")
        else:
            row[name] = values.get(name)
    return row


def _event(shipment_id: int, status: str, station: int | None, now: Any, user: str) -> dict:
    return {
        "shipment_id": shipment_id,
        "occurred_at": now,
        "status": str(status),
        "station_id": station,
        "note": _NOTE,
        "user": user,
    }


def _audit(shipment_id: int, action: str, changes: dict, now: Any, user: str) -> dict:
    return {
        "at": now,
        "user": user,
        "entity": "shipment",
        "entity_id": shipment_id,
        "action": action,
        "changes": changes,
        "reason": _NOTE,
    }


def _counterparties(s: Session, plan: Plan) -> dict[str, int]:
    """Name key → id for every counterparty the plan uses, creating the new ones."""
    table = Counterparty.__table__
    known = {key(n): i for i, n in s.execute(select(table.c.id, table.c.name))}
    wanted: dict[str, tuple[str, str]] = {}
    for r in plan.rows:
        for role in ("supplier", "consignee"):
            k = r.values.get(role)
            if k and k not in known and k not in wanted:
                wanted[k] = _display(plan, k, role)
    if wanted:
        s.execute(insert(table), [{"name": n, "role": role} for n, role in wanted.values()])
        known = {key(n): i for i, n in s.execute(select(table.c.id, table.c.name))}
    return known


def _display(plan: Plan, k: str, role: str) -> tuple[str, str]:
    from models.services.imports.rows import UNKNOWN_PARTY

    for name in (*plan.new_counterparties, *UNKNOWN_PARTY.values()):
        if key(name) == k:
            return name, role
    return k, role
