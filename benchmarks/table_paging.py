"""How fast can the shipments table page through a million rows? Two approaches side by side.

* offset: what ``ShipmentsTableModel`` does now: ``queries.count`` once per filter, then
  ``queries.page(offset, 200)`` per page (ORDER BY ... LIMIT/OFFSET, ids first, names joined).
* id-list (Anki's browser): once per filter and sort, fetch every matching id in order into an
  ``array('q')`` (8 bytes a row); the count is its length and a page is
  ``rows_by_id(ids[offset:offset + 200])`` (a primary-key lookup).

Usage::

    .venv/bin/python benchmarks/table_paging.py /tmp/big.sqlite [--pg URL] [--drop-pg]

``--pg`` copies the SQLite file's rows into the schema ``railgrain_bench`` of that PostgreSQL
database (once; it is reused while its row count matches) and measures there too.
Times are milliseconds: the first (cold) run and the best of the next ``--repeat``.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Select, create_engine, func, make_url, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.db import Database, open_database  # noqa: E402
from models.entities import Shipment  # noqa: E402
from models.services import queries  # noqa: E402
from models.services.queries import SORT_COLUMNS, Filter, Sort  # noqa: E402

PAGE = 200
PG_SCHEMA = "railgrain_bench"
#: Copied in foreign-key order; events and audit entries play no part in the table.
PG_TABLES = (
    "stations",
    "commodities",
    "counterparties",
    "contracts",
    "shipments",
    "shipment_units",
)

SORTS = (
    Sort("departure_date", descending=True),  # the table's default
    Sort("net_weight_kg", descending=False),
    Sort("waybill", descending=False),
    Sort("status", descending=True),
    Sort("commodity", descending=False),  # a correlated subquery, not an index
)


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """(cold ms, best warm ms, result of the last call)."""
    start = time.perf_counter()
    result = fn()
    cold = 1000 * (time.perf_counter() - start)
    warm = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        warm.append(1000 * (time.perf_counter() - start))
    return cold, min(warm) if warm else cold, result


def _ordered_query(flt: Filter, sort: Sort) -> Select[tuple[int]]:
    column = SORT_COLUMNS[sort.key]
    order = (column.desc(), Shipment.id.desc()) if sort.descending else (column, Shipment.id)
    return select(Shipment.id).where(*queries.conditions(flt)).order_by(*order)


def ordered_ids(db: Database, flt: Filter, sort: Sort) -> array[int]:
    """Every matching id in table order, 8 bytes each (the id-list peer).

    The query is SQLAlchemy's, but the rows come straight from the driver's cursor: a
    million Row objects would cost seconds (see ``ordered_ids_orm``).
    """
    compiled = _ordered_query(flt, sort).compile(dialect=db.engine.dialect)
    params: Any = compiled.params
    if compiled.positiontup is not None:  # SQLite's "?" placeholders
        params = [params[name] for name in compiled.positiontup]
    ids: array[int] = array("q")
    with db.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(str(compiled), params)
        while rows := cursor.fetchmany(50_000):
            ids.extend(row[0] for row in rows)
        cursor.close()
        conn.rollback()
    return ids


def ordered_ids_orm(db: Database, flt: Filter, sort: Sort) -> array[int]:
    """The same through a Session, for comparison."""
    ids: array[int] = array("q")
    query = _ordered_query(flt, sort).execution_options(yield_per=50_000)
    with db.read() as s:
        for chunk in s.execute(query).scalars().partitions():
            ids.extend(chunk)
    return ids


def page_by_ids(db: Database, ids: array[int], offset: int) -> list[queries.ShipmentRow]:
    with db.read() as s:
        return queries.rows_by_id(s, ids[offset : offset + PAGE].tolist())


def measure(label: str, db: Database, repeat: int, text_filter: str) -> None:
    print(f"\n== {label}: {db.name}")
    cold, warm, n = timed(lambda: queries.count(db), repeat)
    assert isinstance(n, int)
    print(f"{'count()':44s} {cold:9.1f} {warm:9.1f}   -> {n:,} rows")
    cold, warm, _ = timed(lambda: queries.totals(db), repeat)
    print(f"{'totals() (count + SUM kg, the status bar)':44s} {cold:9.1f} {warm:9.1f}")
    flt = Filter(text=text_filter)
    cold, warm, m = timed(lambda: queries.count(db, flt), repeat)
    print(f"{f'count(text={text_filter!r})':44s} {cold:9.1f} {warm:9.1f}   -> {m:,} rows")
    offsets = [0, 500_000, max(0, n - PAGE)]
    print(f"{'':44s} {'cold ms':>9s} {'warm ms':>9s}")
    for sort in SORTS:
        name = f"{sort.key} {'desc' if sort.descending else 'asc'}"
        for offset in offsets:
            cold, warm, rows = timed(
                lambda o=offset, s=sort: queries.page(db, Filter(), s, o, PAGE), repeat
            )
            print(f"  offset  page @{offset:<9,d} {name:22s} {cold:9.1f} {warm:9.1f}")
        if sort == Sort():
            cold, warm, _ = timed(lambda s=sort: ordered_ids_orm(db, Filter(), s), 1)
            print(f"  id-list all ids via a Session  {name:22s} {cold:9.1f} {warm:9.1f}")
        cold, warm, ids = timed(lambda s=sort: ordered_ids(db, Filter(), s), max(1, repeat // 2))
        assert isinstance(ids, array)
        print(f"  id-list all ids (driver cursor) {name:21s} {cold:9.1f} {warm:9.1f}")
        for offset in offsets:
            cold, warm, by_ids = timed(lambda o=offset, i=ids: page_by_ids(db, i, o), repeat)
            print(f"  id-list page @{offset:<9,d} {name:22s} {cold:9.1f} {warm:9.1f}")
        # Both approaches must show the same rows, or the comparison means nothing.
        assert by_ids == queries.page(db, Filter(), sort, offsets[-1], PAGE)
    cold, warm, ids = timed(lambda: ordered_ids(db, flt, Sort()), 1)
    assert isinstance(ids, array)
    print(f"  id-list all ids for the text filter      {cold:9.1f} {warm:9.1f}   -> {len(ids):,}")


def _selective_text(db: Database) -> str:
    """A search text as a user types it: a waybill prefix matching a few percent of rows."""
    first = queries.page(db, Filter(), Sort("waybill"), 0, 1)
    if not first:
        return "KZ"
    waybill, total = first[0].waybill, queries.count(db)
    for length in range(2, len(waybill) + 1):
        if queries.count(db, Filter(text=waybill[:length])) <= total // 20:
            return waybill[:length]
    return waybill


def load_postgres(url: str, sqlite_path: Path) -> Database | None:
    """The benchmark schema on PostgreSQL, filled from the SQLite file if needed."""
    admin = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{PG_SCHEMA}"'))
    except Exception as error:  # noqa: BLE001 - optional part: say why and go on
        print(f"\n(PostgreSQL skipped: {str(error).splitlines()[0]})")
        return None
    finally:
        admin.dispose()
    pg_url = make_url(url).update_query_dict({"options": f"-csearch_path={PG_SCHEMA}"})
    db = open_database(pg_url.render_as_string(hide_password=False))
    source = sqlite3.connect(f"{sqlite_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        want = source.execute("SELECT count(*) FROM shipments").fetchone()[0]
        with db.read() as s:
            have = s.scalar(select(func.count()).select_from(Shipment))
        if have != want:
            print(f"\nCopying {want:,} shipments into PostgreSQL schema {PG_SCHEMA} ...")
            _copy_tables(db, source)
    finally:
        source.close()
    return db


def _copy_tables(db: Database, source: sqlite3.Connection) -> None:
    started = time.perf_counter()
    with db.engine.begin() as conn:
        conn.execute(text("TRUNCATE " + ", ".join(PG_TABLES) + " CASCADE"))
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        for table in PG_TABLES:
            columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
            names = ", ".join(f'"{c}"' for c in columns)
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table}), 1))"
                )
            )
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    print(f"  copied in {time.perf_counter() - started:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sqlite", type=Path, help="a Railgrain SQLite file with ~1M shipments")
    parser.add_argument("--pg", help="a PostgreSQL URL to compare with (optional)")
    parser.add_argument("--drop-pg", action="store_true", help="drop the PG schema afterwards")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs per figure")
    args = parser.parse_args()
    if not args.sqlite.exists():
        parser.error(f"{args.sqlite} does not exist")

    db = open_database(str(args.sqlite), create=False)
    text_filter = _selective_text(db)
    try:
        measure("SQLite", db, args.repeat, text_filter)
    finally:
        db.dispose()

    if args.pg:
        pg = load_postgres(args.pg, args.sqlite)
        if pg is not None:
            try:
                measure("PostgreSQL", pg, args.repeat, text_filter)
            finally:
                pg.dispose()
                if args.drop_pg:
                    admin = create_engine(make_url(args.pg).set(drivername="postgresql+psycopg"))
                    with admin.begin() as conn:
                        conn.execute(text(f'DROP SCHEMA "{PG_SCHEMA}" CASCADE'))
                    admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
