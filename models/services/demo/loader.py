"""Loading: through the driver, in the caller's transaction.

Rows go in with ``executemany`` on SQLite and ``COPY`` on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
from sqlalchemy import (
    CheckConstraint,
    Connection,
    ForeignKeyConstraint,
    Table,
    insert,
    select,
    text,
)
from sqlalchemy.schema import AddConstraint, DropConstraint

from models.entities import Contract, Counterparty
from models.progress import CancelToken, Progress
from models.services.demo.business import (
    BORDER,
    CONSIGNEES,
    DEMO_USER,
    DEST,
    FORWARDERS,
    HOLD_NOTES,
    HS,
    ORIGIN,
    STEP_PLACE,
    STEPS,
    SUPPLIERS,
    References,
)
from models.services.demo.columns import DAY, I64, date_strings, nullable, stamp_strings
from models.services.demo.plan import Plan
from models.services.demo.staging import (
    BULK_TABLES,
    EVENT_COLUMNS,
    EVENTS,
    EXTRA_STAGE,
    INSERT_EVENTS,
    INSERT_SHIPMENTS,
    NUMBER_STAGE,
    PG_TYPES,
    RUN_STAGE,
    SHIPMENT_STAGE,
    SHIPMENTS,
    STEP_STAGE,
    TEMP_TABLES,
    TRAIN_STAGE,
    UNIT_COLUMNS,
    UNITS,
)
from models.services.figures import summaries as figure_summaries

_BATCH = 50_000
_CACHE_KIB = 524_288  # SQLite page cache during the load: tables stay in it for their indexes
_INSERT_CHUNK = 200_000  # shipments per INSERT ... SELECT
_EVENT_CHUNK = 1_000  # trains per INSERT ... SELECT: about 200,000 events in a big demo


def _ensure_rows(
    conn: Connection, entity: Any, key: str, rows: list[dict[str, Any]]
) -> tuple[dict[str, int], int]:
    """Insert the rows whose ``key`` is not there yet; return every key's id, and how many new."""
    column = getattr(entity, key)
    keys = [r[key] for r in rows]
    have = set(conn.execute(select(column).where(column.in_(keys))).scalars())
    new = [r for r in rows if r[key] not in have]
    if new:
        conn.execute(insert(entity), new)
    found = conn.execute(select(column, entity.id).where(column.in_(keys)))
    return {k: id_ for k, id_ in found}, len(new)


class Loader:
    """Writes a plan into the database through the driver of the transaction's connection."""

    def __init__(
        self,
        conn: Connection,
        is_sqlite: bool,
        plan: Plan,
        refs: References,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> None:
        self.conn = conn
        self.is_sqlite = is_sqlite
        self.raw: Any = conn.connection.driver_connection
        self.plan = plan
        self.refs = refs
        self.progress = progress
        self.cancel = cancel
        self.added_parties = self.added_contracts = 0
        n, units, trains = len(plan.supplier), len(plan.un_ship), len(plan.counts)
        self.done = 0
        # One step each: reference rows, trains, checks; and one per batch, chunk and index.
        self.total = (
            3 + -(-n // _BATCH) + -(-n // _INSERT_CHUNK) + -(-units // _BATCH)
            + -(-trains // _EVENT_CHUNK) + sum(len(t.indexes) for t in BULK_TABLES)
        )  # fmt: skip

    def _step(self, note: str) -> None:
        if self.cancel is not None:
            self.cancel.check()
        self.done += 1
        self.progress(self.done, self.total, note)

    def run(self) -> None:
        """Load the whole plan; the caller commits."""
        self._step("counterparties and contracts")
        parties, contracts = self._reference_rows()
        self._tune()
        foreign_keys = self._drop_foreign_keys()
        # Each table's indexes are built right after its rows, while they are in cache.
        # The figures' summary tables: rebuilt once instead of three upserts per row.
        with self._indexes(SHIPMENTS), figure_summaries.bulk_load(self.conn):
            self._shipments(parties, contracts)
        with self._indexes(UNITS):
            self._units()
        with self._indexes(EVENTS):
            self._events()
        self._step("checks and statistics")
        for fk in foreign_keys:
            self.conn.execute(AddConstraint(fk))  # checks every row in one pass
        self._verify()
        if self.is_sqlite:  # PostgreSQL drops them at the commit
            for table in TEMP_TABLES:
                self._execute(f"DROP TABLE {table}")
        self._statistics()
        if self.cancel is not None:  # the last chance before the commit
            self.cancel.check()

    @contextmanager
    def _indexes(self, table: Table) -> Iterator[None]:
        """Drop a table's secondary indexes for the load, and build them afterwards."""
        dropped = sorted(table.indexes, key=lambda i: str(i.name))
        search = self._drop_text_search(table.name)
        for index in dropped:
            index.drop(self.conn)
        yield
        for index in dropped:
            self._step(f"index {index.name}")
            index.create(self.conn)
        self._restore_text_search(search)

    def _drop_text_search(self, table: str) -> list[tuple[str, str]]:
        """Drop the text-search triggers or trigram indexes of migration 0002 on ``table``.

        Row by row they would cost more than the load; built again in one pass afterwards.
        Returns (name, SQL that re-creates it) pairs, read from the database's own catalogue.
        """
        if self.is_sqlite:
            query = (
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"
                " AND name LIKE '%\\_fts\\_a_' ESCAPE '\\'"
            )
            drop = "DROP TRIGGER {}"
        else:
            query = (
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = :t"
                " AND schemaname = current_schema() AND indexname LIKE '%\\_trgm' ESCAPE '\\'"
            )
            drop = "DROP INDEX {}"
        found = [(str(n), str(q)) for n, q in self.conn.execute(text(query), {"t": table})]
        for name, _sql in found:
            self._execute(drop.format(name))
        return found

    def _restore_text_search(self, found: list[tuple[str, str]]) -> None:
        for _name, sql in found:
            self._execute(sql)
        if self.is_sqlite:  # the FTS tables of the triggers (shipments_fts_ai → shipments_fts)
            for fts in sorted({name.rsplit("_", 1)[0] for name, _sql in found}):
                self._execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")

    def _drop_foreign_keys(self) -> list[ForeignKeyConstraint]:
        """PostgreSQL checks foreign keys row by row with triggers: drop them for the load.

        Added back before the commit, each is checked over the whole table in one query. (On
        SQLite the transaction runs with foreign keys off instead; see demo._transaction.)
        """
        if self.is_sqlite:
            return []
        dropped = [
            fk
            for table in BULK_TABLES
            for fk in sorted(table.foreign_key_constraints, key=lambda c: str(c.name))
        ]
        for fk in dropped:
            self.conn.execute(DropConstraint(fk))
        return dropped

    def _tune(self) -> None:
        """Settings for a bulk load; demo._transaction restores SQLite's afterwards."""
        if not self.is_sqlite:
            self._execute("SET LOCAL maintenance_work_mem = '256MB'")
            return
        self._execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        # A CHECK with an IN list costs SQLite a small table per row: 3x slower inserts. The
        # checks are verified over the whole tables at the end instead (see _verify).
        self._execute("PRAGMA ignore_check_constraints = ON")

    def _reference_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """Counterparties and contracts (a few hundred rows) through SQLAlchemy Core."""
        parties = (
            [{"name": s[0], "role": "supplier", "country": "KZ"} for s in SUPPLIERS]
            + [{"name": c[0], "role": "consignee", "country": "CN"} for c in CONSIGNEES]
            + [{"name": f[0], "role": "forwarder", "country": f[1]} for f in FORWARDERS]
        )
        ids, self.added_parties = _ensure_rows(self.conn, Counterparty, "name", parties)
        party_ids = np.array([ids[p["name"]] for p in parties], dtype=I64)
        contracts = [
            {k: v for k, v in row.items() if k not in ("supplier", "hs")}
            | {
                "supplier_id": int(party_ids[row["supplier"]]),
                "commodity_id": self.refs.commodities[row["hs"]],
            }
            for row in self.plan.contracts
        ]
        numbers, self.added_contracts = _ensure_rows(self.conn, Contract, "number", contracts)
        return party_ids, np.array([numbers[c["number"]] for c in contracts] + [0], dtype=I64)

    # -- writing --

    def _execute(self, sql: str) -> None:
        cur = self.raw.cursor()
        try:
            cur.execute(sql)
        finally:
            cur.close()

    def _scalar(self, sql: str) -> int:
        cur = self.raw.cursor()
        try:
            cur.execute(sql)
            return int(cur.fetchone()[0])
        finally:
            cur.close()

    def _write(self, table: str, names: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
        columns = ", ".join(f'"{c}"' for c in names)
        if self.is_sqlite:
            marks = ", ".join("?" * len(names))
            self.raw.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        else:
            with self.raw.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def _stage(
        self,
        table: str,
        spec: tuple[tuple[tuple[str, str], ...], int],
        arrays: Sequence[np.ndarray],
        note: str | None = None,
    ) -> None:
        """A temporary table filled with ``arrays`` (in batches, if ``note`` is given)."""
        columns, keys = spec
        names = [c for c, _ in columns]
        key = ", ".join(names[:keys])
        self._execute(f"DROP TABLE IF EXISTS {table}")
        if self.is_sqlite:
            cols = ", ".join(f"{c} {'INTEGER' if k == 'int' else 'TEXT'}" for c, k in columns)
            self._execute(f"CREATE TEMP TABLE {table} ({cols}, PRIMARY KEY ({key}))")
        else:  # dropped at commit, and so at rollback too
            cols = ", ".join(f"{c} {PG_TYPES[k]}" for c, k in columns)
            self._execute(f"CREATE TEMP TABLE {table} ({cols}, PRIMARY KEY ({key})) ON COMMIT DROP")
        size = len(arrays[0])
        batch = _BATCH if note else max(size, 1)
        for start in range(0, size, batch):
            if note:
                self._step(note)
            part = (a[start : start + batch].tolist() for a in arrays)
            self._write(table, names, zip(*part, strict=True))
        if not self.is_sqlite:
            self._execute(f"ANALYZE {table}")

    def _shipments(self, party_ids: np.ndarray, contract_ids: np.ndarray) -> None:
        """Trains and waybills into temporary tables, then joined into shipments."""
        plan, t = self.plan, self.plan.trains
        first_step = np.where(t.steps[:, 0] >= 0, t.steps[:, 0], t.steps[:, 1])
        commodity_ids = np.array([self.refs.commodities[h] for h in HS], dtype=I64)
        self._step("trains")
        trains = [
            np.arange(len(t.units), dtype=I64),
            t.number,
            commodity_ids[t.commodity],
            party_ids[t.supplier],
            party_ids[len(SUPPLIERS) + t.consignee],
            t.station[:, ORIGIN],
            t.station[:, BORDER],
            t.station[:, DEST],
            date_strings(t.planned_day),
            nullable(date_strings(t.dep_day), t.status >= 2),
            date_strings(t.eta_day),
            nullable(date_strings(np.maximum(t.steps[:, 5], 0) // DAY), t.status >= 5),
            np.array([s.value for s in STEPS], dtype=object)[t.status],
            stamp_strings(first_step),
            stamp_strings(t.steps.max(axis=1)),
            t.wagon.astype(I64),
        ]
        self._stage("demo_trains", TRAIN_STAGE, trains)
        cols = dict(plan.columns)
        cols["contract_id"] = nullable(contract_ids[plan.contract], plan.contract >= 0)
        waybills = [cols[c] for c, _ in SHIPMENT_STAGE[0]]
        self._stage("demo_shipments", SHIPMENT_STAGE, waybills, "waybills")
        self._stage("demo_extras", EXTRA_STAGE, [plan.extras[c] for c, _ in EXTRA_STAGE[0]])
        for lo in range(1, len(plan.supplier) + 1, _INSERT_CHUNK):
            self._step("shipments")
            self._execute(INSERT_SHIPMENTS.format(lo=lo, hi=lo + _INSERT_CHUNK))

    def _units(self) -> None:
        plan = self.plan
        arrays = [
            np.arange(1, len(plan.un_ship) + 1, dtype=I64),
            plan.un_ship + 1,
            plan.un_kind,
            plan.un_number,
            plan.un_weight,
        ]
        for start in range(0, len(plan.un_ship), _BATCH):
            self._step("containers and wagons")
            part = (a[start : start + _BATCH].tolist() for a in arrays)
            self._write("shipment_units", UNIT_COLUMNS, zip(*part, strict=True))

    def _events(self) -> None:
        """Expand each train's steps over its live waybills inside the database."""
        plan, t = self.plan, self.plan.trains
        reached = t.steps >= 0
        steps = reached.sum(axis=1)
        size = plan.live * steps
        runs = [np.arange(len(steps)), plan.live, steps, plan.first + 1, 1 + np.cumsum(size) - size]
        self._stage("demo_runs", RUN_STAGE, runs)
        train, step = np.nonzero(reached)  # by train, then step
        j = np.arange(len(train)) - np.repeat(np.cumsum(steps) - steps, steps)
        note = np.full(len(train), None, dtype=object)
        held = (step == 3) & (t.hold_note[train] > 0)
        note[held] = np.array(HOLD_NOTES, dtype=object)[t.hold_note[train[held]]]
        station = t.station[:, list(STEP_PLACE)][train, step]
        status = np.array([s.value for s in STEPS], dtype=object)[step]
        rows = [train, j, status, stamp_strings(t.steps[train, step]), station, note]
        self._stage("demo_steps", STEP_STAGE, rows)
        self._stage("demo_numbers", NUMBER_STAGE, [np.arange(int(plan.counts.max()))])
        for lo in range(0, len(steps), _EVENT_CHUNK):
            self._step("status history")
            self._execute(INSERT_EVENTS.format(lo=lo, hi=lo + _EVENT_CHUNK))
        base = 1 + int(size.sum())
        cancelled = (
            (base + k, i + 1, at, status, station, text_, DEMO_USER)
            for k, (i, at, status, station, text_) in enumerate(plan.cancel_events)
        )
        self._write("shipment_events", EVENT_COLUMNS, cancelled)

    def _verify(self) -> None:
        """SQLite loaded with CHECKs off: test every CHECK over the loaded rows at once."""
        if not self.is_sqlite:
            return
        # The events copy their statuses from demo_steps, or are the few cancelled ones.
        for table, source in zip(
            BULK_TABLES, ("shipments", "shipment_units", "demo_steps"), strict=True
        ):
            checks = [c for c in table.constraints if isinstance(c, CheckConstraint)]
            where = " OR ".join(f"NOT ({c.sqltext})" for c in checks)
            bad = self._scalar(f"SELECT count(*) FROM {source} WHERE {where}")
            if bad:
                raise RuntimeError(f"demo rows break a CHECK constraint of {table.name}: {bad}")

    def _statistics(self) -> None:
        """Fresh planner statistics; PostgreSQL's id sequences moved past the explicit ids."""
        if self.is_sqlite:
            # A sample of each index is enough for the planner, and keeps ANALYZE short.
            self._execute("PRAGMA analysis_limit = 1000")
            self._execute("ANALYZE")
            return
        for table in BULK_TABLES:
            self._execute(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT max(id) FROM {table.name}))"
            )
            self._execute(f"ANALYZE {table.name}")
