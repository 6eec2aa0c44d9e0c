"""What SQLite itself must do for a 100,000-row import into a million shipments: the floor.

``import_export.py`` times the importer. This script times the work below it, on the same
rows and a copy of the same database, so the importer's figure can be judged against what no
Python code can remove:

1. ``executemany`` into ``shipments`` with the schema's indexes but no triggers, and again
   with every ``ix_shipments_*`` index dropped (what the indexes cost);
2. the same rows as one ``INSERT … SELECT … FROM json_each(?)`` (no Python call per row);
3. COMMIT of such a transaction in WAL mode with ``synchronous=FULL``, with the automatic
   checkpoint and without it (then the checkpoint alone);
4. checking the file (``plan``, pure Python) beside the insert in a second thread: with
   ``executemany`` each row's bind needs the GIL back, with ``json_each`` the whole statement
   runs without it.

Every step but (3) is rolled back; (3) writes a throw-away copy. Usage::

    .venv/bin/python benchmarks/import_floor.py [/tmp/big.sqlite] [--rows 100000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from import_export import _copy, _csv_bytes, _rows  # noqa: E402

from models.db import open_database  # noqa: E402
from models.services.imports.importer import plan  # noqa: E402

_COLUMNS = (
    "waybill, train_no, commodity_id, supplier_id, consignee_id, origin_station_id, "
    "border_station_id, destination_station_id, departure_date, eta, arrival_date, status, "
    "net_weight_kg, wagons, containers"
)
_FIXED = "1, '2025-01-01 00:00:00.000000', 'b', '2025-01-01 00:00:00.000000', 'b'"
_TAIL = "version, created_at, created_by, updated_at, updated_by"
_EXECUTEMANY = f"INSERT INTO shipments ({_COLUMNS}, {_TAIL}) VALUES ({'?, ' * 15}{_FIXED})"
_JSON_EACH = (
    f"INSERT INTO shipments ({_COLUMNS}, {_TAIL}) "
    f"SELECT {', '.join(f'value ->> {i}' for i in range(15))}, {_FIXED} "
    "FROM json_each(?) ORDER BY key"
)


def _params(con: sqlite3.Connection, rows: list[list[str]]) -> list[tuple]:
    ids = dict(con.execute("SELECT name, id FROM stations"))
    wheat = con.execute("SELECT id FROM commodities WHERE name = 'Wheat'").fetchone()[0]
    return [
        ("X" + r[0], r[1], wheat, 1, 2, ids[r[5]], ids[r[6]], ids[r[7]], r[8], r[9])
        + (r[10] or None, "in_transit", int(float(r[12]) * 1000), 0, 1)
        for r in rows
    ]


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA cache_size = -262144")  # as the importer has it
    return con


def _without(con: sqlite3.Connection, *, indexes: bool = False) -> None:
    """Drop the shipments triggers (and indexes) inside the open transaction."""
    kinds = ("trigger", "index") if indexes else ("trigger",)
    for kind in kinds:
        names = con.execute(
            "SELECT name FROM sqlite_master WHERE type = ? AND tbl_name = 'shipments' "
            "AND name NOT LIKE 'sqlite_%'",
            (kind,),
        ).fetchall()
        for (name,) in names:
            con.execute(f'DROP {kind.upper()} "{name}"')


def _insert(path: Path, params: list[tuple], how: str, *, indexes: bool = True) -> float:
    con = _connect(path)
    con.execute("BEGIN IMMEDIATE")
    _without(con, indexes=not indexes)
    started = time.perf_counter()
    if how == "executemany":
        con.executemany(_EXECUTEMANY, params)
    else:
        con.execute(_JSON_EACH, (json.dumps(params, ensure_ascii=False),))
    seconds = time.perf_counter() - started
    con.execute("ROLLBACK")
    con.close()
    return seconds


def _commit(source: Path, folder: Path, params: list[tuple], checkpoint: bool) -> str:
    path = folder / "commit.sqlite"
    shutil.copyfile(source, path)
    con = _connect(path)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    if not checkpoint:
        con.execute("PRAGMA wal_autocheckpoint = 0")
    con.execute("BEGIN IMMEDIATE")
    _without(con)
    con.executemany(_EXECUTEMANY, params)
    started = time.perf_counter()
    con.execute("COMMIT")
    commit = time.perf_counter() - started
    wal = path.with_name(path.name + "-wal").stat().st_size
    line = f"COMMIT {commit:5.2f} s, WAL {wal / 1e6:.0f} MB"
    if not checkpoint:
        started = time.perf_counter()
        con.execute("PRAGMA wal_checkpoint(PASSIVE)")
        line += f", then the checkpoint alone {time.perf_counter() - started:5.2f} s"
    con.close()
    for side in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    return line


def _beside(first: Callable[[], float], second: Callable[[], float]) -> tuple[float, float]:
    """Run ``first`` in a thread and ``second`` here; (wall time, first's own time)."""
    own: list[float] = []
    started = time.perf_counter()
    thread = threading.Thread(target=lambda: own.append(first()))
    thread.start()
    second()
    thread.join()
    return time.perf_counter() - started, own[0]


def main() -> int:
    """Print the floor's figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default="/tmp/big.sqlite")
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="railgrain-floor-", dir="/tmp") as tmp:
        path = Path(tmp) / "a.sqlite"
        _copy(Path(args.source), path)
        open_database(str(path), create=False).dispose()  # this version's schema
        rows = _rows(args.rows)
        data = _csv_bytes(rows)
        con = _connect(path)
        params = _params(con, rows)
        con.close()
        n = f"{args.rows:,} rows"
        print(f"executemany, indexes, no triggers   {_insert(path, params, 'executemany'):5.2f} s")
        no_ix = _insert(path, params, "executemany", indexes=False)
        print(f"executemany, no ix_shipments_*      {no_ix:5.2f} s")
        print(f"one INSERT … FROM json_each(?)      {_insert(path, params, 'json'):5.2f} s")
        print(f"{n}, autocheckpoint on:  {_commit(path, Path(tmp), params, True)}")
        print(f"{n}, autocheckpoint off: {_commit(path, Path(tmp), params, False)}")
        db = open_database(str(path), create=False)

        def check() -> float:
            started = time.perf_counter()
            plan(db, data)
            return time.perf_counter() - started

        checking = check()
        print(f"checking the file (plan)            {checking:5.2f} s")
        for how in ("executemany", "json"):
            alone = _insert(path, params, how)
            wall, own = _beside(lambda how=how: _insert(path, params, how), check)
            print(
                f"plan beside {how:<11}: wall {wall:5.2f} s (one after the other "
                f"{alone + checking:5.2f} s; the insert took {own:5.2f} s beside the plan)"
            )
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
