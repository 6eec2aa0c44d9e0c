"""The summary tables behind the figures: rebuild, verify, and bulk loads without triggers.

Migration 0003 creates ``figure_status_totals``, ``figure_arrival_totals`` and
``figure_contract_totals`` and the triggers that keep them equal to a GROUP BY over
``shipments``. This module holds the same GROUP BY for code: :func:`rebuild` recomputes the
tables, :func:`differences` says where they disagree with a fresh GROUP BY (for ``check`` and
tests), :func:`bulk_load` lets a loader of a million rows drop SQLite's row triggers for
the load and rebuild the tables once at the end, inside the same transaction, and
:func:`bulk_write` lets an import of many rows into a big table do the same but apply only the
grouped sums of the rows it inserted and updated.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

from sqlalchemy import Connection, text


class _Summary(NamedTuple):
    table: str
    keys: tuple[tuple[str, str], ...]
    values: tuple[tuple[str, str], ...]
    where: str


def _summaries(sqlite: bool) -> list[_Summary]:
    transit = (
        "CAST(julianday(r.arrival_date) - julianday(r.departure_date) AS INTEGER)"
        if sqlite
        else "(r.arrival_date - r.departure_date)"
    )
    return [
        _Summary(
            "figure_status_totals",
            (("status", "r.status"),),
            (("shipments", "1"), ("net_kg", "r.net_weight_kg")),
            "1 = 1",
        ),
        _Summary(
            "figure_arrival_totals",
            (
                ("arrival_date", "r.arrival_date"),
                ("commodity_id", "r.commodity_id"),
                ("supplier_id", "r.supplier_id"),
                ("origin_station_id", "r.origin_station_id"),
                ("border_key", "COALESCE(r.border_station_id, 0)"),
                ("destination_station_id", "r.destination_station_id"),
                ("contract_key", "COALESCE(r.contract_id, 0)"),
                ("transit_days", f"CASE WHEN r.departure_date IS NULL THEN -1 ELSE {transit} END"),
            ),
            (
                ("shipments", "1"),
                ("net_kg", "r.net_weight_kg"),
                ("arrived_kg", "COALESCE(r.arrived_weight_kg, r.net_weight_kg)"),
            ),
            "r.arrival_date IS NOT NULL AND r.status <> 'cancelled'",
        ),
        _Summary(
            "figure_contract_totals",
            (("contract_id", "r.contract_id"),),
            (("shipments", "1"), ("shipped_kg", "r.net_weight_kg")),
            "r.contract_id IS NOT NULL AND r.departure_date IS NOT NULL "
            "AND r.status <> 'cancelled'",
        ),
    ]


def _fresh_sql(s: _Summary) -> str:
    keys = ", ".join(e for _c, e in s.keys)
    sums = ", ".join(f"SUM({e})" for _c, e in s.values)
    return f"SELECT {keys}, {sums} FROM shipments r WHERE {s.where} GROUP BY {keys}"


def _is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def rebuild(conn: Connection) -> None:
    """Recompute every summary table from ``shipments`` (in the caller's transaction)."""
    for s in _summaries(_is_sqlite(conn)):
        cols = ", ".join(c for c, _e in s.keys + s.values)
        conn.execute(text(f"DELETE FROM {s.table}"))
        conn.execute(text(f"INSERT INTO {s.table} ({cols}) {_fresh_sql(s)}"))


def differences(conn: Connection) -> list[str]:
    """Where the summary tables disagree with a fresh GROUP BY (empty: they agree).

    Rows with zero shipments in a table count as absent.
    """
    problems = []
    for s in _summaries(_is_sqlite(conn)):
        cols = ", ".join(c for c, _e in s.keys + s.values)
        kept = f"SELECT {cols} FROM {s.table} WHERE shipments <> 0"
        fresh = _fresh_sql(s)
        for label, a, b in (("missing from", fresh, kept), ("extra in", kept, fresh)):
            n = conn.execute(text(f"SELECT count(*) FROM ({a} EXCEPT {b}) d")).scalar_one()
            if n:
                problems.append(f"{n} rows {label} {s.table}")
    return problems


@contextmanager
def bulk_load(conn: Connection) -> Iterator[None]:
    """Around a bulk insert into ``shipments``: no row triggers, one rebuild at the end.

    On SQLite the summary triggers fire per row (three upserts per shipment); for a load of
    a million rows it is cheaper to drop them, load, rebuild the tables with one GROUP BY each
    and create the triggers again, all in the caller's transaction (an error rolls it all
    back, triggers included). PostgreSQL's triggers work per statement and stay.
    """
    if not _is_sqlite(conn):
        yield
        return
    triggers = _drop_triggers(conn)
    yield
    rebuild(conn)
    _create_triggers(conn, triggers)


class BulkWrite:
    """The rows a bulk writer changes inside :func:`bulk_write`, told as it goes.

    Rows it inserts need no word (new ids follow the largest one at the start). Existing rows
    it updates must be named to :meth:`before_update` before they change. Deleting rows is not
    supported inside the block.
    """

    def __init__(self, conn: Connection | None, top: int = 0) -> None:
        self._conn = conn  # None: the database's triggers do the work (PostgreSQL)
        self._top = top
        self._updated: set[int] = set()

    def before_update(self, ids: Iterable[int]) -> None:
        """Take the current sums of existing shipments ``ids`` out, before they are changed.

        Their new sums go back in at the end of the block. A row named twice counts once;
        rows inserted inside the block are ignored (their sums are only added at the end).
        """
        if self._conn is None:
            return
        fresh = sorted({i for i in ids if i <= self._top} - self._updated)
        if fresh:
            self._updated.update(fresh)
            _apply_ids(self._conn, fresh, "-")

    def _finish(self) -> None:
        assert self._conn is not None
        for s in _summaries(True):
            self._conn.execute(text(_delta_sql(s, "r.id > :top", "")), {"top": self._top})
        if self._updated:
            _apply_ids(self._conn, sorted(self._updated), "")


@contextmanager
def bulk_write(conn: Connection) -> Iterator[BulkWrite]:
    """Around many inserts and updates of ``shipments`` in a big table: grouped sums, not rows.

    On SQLite the row triggers cost three upserts per changed shipment (about 9 s for 100,000
    new rows). Here they are dropped inside the caller's transaction; at the end the sums of
    just the inserted rows (ids above the largest at the start) and of the updated ones (see
    :meth:`BulkWrite.before_update`) are added with one grouped upsert per table, and the
    triggers are created again from their own SQL. Never a rebuild over every shipment. An
    error, Cancel or a killed process rolls it all back, triggers included (SQLite's DDL is
    transactional), so the caller's transaction must roll back on an error, as
    ``Database.write()`` does. PostgreSQL's triggers work per statement and stay.
    """
    if not _is_sqlite(conn):
        yield BulkWrite(None)
        return
    # Dropping the triggers takes the write lock first: no one else inserts after ``top``.
    triggers = _drop_triggers(conn)
    top = conn.execute(text("SELECT coalesce(max(id), 0) FROM shipments")).scalar_one()
    bulk = BulkWrite(conn, int(top))
    yield bulk
    # Not reached on an error: the rollback brings the triggers and the sums back by itself.
    bulk._finish()
    _create_triggers(conn, triggers)


def _drop_triggers(conn: Connection) -> list[tuple[str, str]]:
    """Drop SQLite's summary row triggers; return them (name, SQL) to create them again."""
    query = (
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name = 'shipments' AND name LIKE 'figure\\_%' ESCAPE '\\'"
    )
    triggers = [(str(n), str(q)) for n, q in conn.execute(text(query))]
    for name, _sql in triggers:
        conn.execute(text(f'DROP TRIGGER "{name}"'))
    return triggers


def _create_triggers(conn: Connection, triggers: list[tuple[str, str]]) -> None:
    for _name, sql in triggers:
        conn.exec_driver_sql(sql)


def _delta_sql(s: _Summary, rows: str, sign: str) -> str:
    """SQLite: add (``sign`` '') or subtract ('-') the grouped sums of the shipments ``rows``.

    ``NOT INDEXED``: the rows are found by id (a range or a list); without it the planner may
    read a whole index of a million rows in GROUP BY order instead.
    """
    keys = ", ".join(e for _c, e in s.keys)
    cols = ", ".join(c for c, _e in s.keys + s.values)
    sums = ", ".join(f"{sign}SUM({e})" for _c, e in s.values)
    conflict = ", ".join(c for c, _e in s.keys)
    update = ", ".join(f"{c} = {s.table}.{c} + excluded.{c}" for c, _e in s.values)
    return (
        f"INSERT INTO {s.table} ({cols}) SELECT {keys}, {sums} FROM shipments r NOT INDEXED "
        f"WHERE ({s.where}) AND {rows} GROUP BY {keys} "
        f"ON CONFLICT ({conflict}) DO UPDATE SET {update}"
    )


def _apply_ids(conn: Connection, ids: list[int], sign: str) -> None:
    rows = "r.id IN (SELECT value FROM json_each(:ids))"
    for s in _summaries(True):
        conn.execute(text(_delta_sql(s, rows, sign)), {"ids": json.dumps(ids)})
