"""Import and export at scale, each beside a plain sqlite3 baseline of the same rows.

1. A 100,000-row CSV (new waybills) imported into a copy of a 1,000,000-shipment database.
2. The same rows as XLSX.
3. Export of every shipment of the million-row database to CSV.

Baselines, in the same run: ``sqlite3`` ``executemany`` of the same 100,000 rows into the same
table (rolled back), and for the export a plain ``csv.writer`` over a raw ``sqlite3`` cursor.

Usage::

    .venv/bin/python benchmarks/import_export.py [/tmp/big.sqlite] [--rows 100000]

The source database is never written: it is copied (SQLite backup API) to a temp folder.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.db import open_database  # noqa: E402
from models.services import exports  # noqa: E402
from models.services.imports.headers import CANONICAL  # noqa: E402
from models.services.imports.importer import import_file  # noqa: E402

_STATIONS = ("Kostanay", "Dostyk", "Alashankou", "Qingtongxia", "Xi'an International Port")
_GOODS = ("Wheat", "小麦粉", "1204", "Barley")
_STATUS = ("in transit", "在途", "в пути", "arrived", "planned")


def _rows(n: int) -> list[list[str]]:
    rows = []
    for i in range(n):
        status = _STATUS[i % len(_STATUS)]
        rows.append(
            [
                f"BENCH{i:08d}",
                f"T-{i // 50:06d}",
                _GOODS[i % 4],
                "Tobol Flax Growers LLP",
                "Ningxia Qingtongxia Flax Industry Co., Ltd.",
                _STATIONS[0],
                _STATIONS[1 + i % 2],
                _STATIONS[3 + i % 2],
                f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}" if status == "arrived" else "",
                status,
                f"{20 + i % 60}.{i % 1000:03d}",
                "0",
                "1",
                "",
                "",
            ]
        )
    return rows


def _csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CANONICAL)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _xlsx_bytes(rows: list[list[str]], folder: Path) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    sheet.append(list(CANONICAL))
    for r in rows:
        sheet.append([*r[:12], float(r[12]), int(r[13]), int(r[14]), r[15], r[16]])
    path = folder / "bench.xlsx"
    book.save(path)
    return path.read_bytes()


def _baseline_insert(path: Path, rows: list[list[str]], *, triggers: bool = True) -> float:
    """Plain sqlite3 executemany of the same rows (ids already resolved), rolled back.

    With ``triggers=False`` the schema's row triggers (full-text index, figure summaries) are
    dropped first, inside the same rolled-back transaction: the floor of what SQLite's indexes
    alone cost.
    """
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA cache_size = -262144")  # as the importer has it
    ids = dict(con.execute("SELECT name, id FROM stations"))
    goods = dict(con.execute("SELECT name, id FROM commodities"))
    params = [
        (
            "X" + r[0],
            r[1],
            goods["Wheat"],
            1,
            2,
            ids[r[5]],
            ids[r[6]],
            ids[r[7]],
            r[8],
            r[9],
            r[10] or None,
            "in_transit",
            int(float(r[12]) * 1000),
            0,
            1,
        )
        for r in rows
    ]
    con.execute("BEGIN IMMEDIATE")
    if not triggers:
        names = con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'shipments'"
        ).fetchall()
        for (name,) in names:
            con.execute(f'DROP TRIGGER "{name}"')
    started = time.perf_counter()
    con.executemany(
        "INSERT INTO shipments (waybill, train_no, commodity_id, supplier_id, consignee_id, "
        "origin_station_id, border_station_id, destination_station_id, departure_date, eta, "
        "arrival_date, status, net_weight_kg, wagons, containers, version, created_at, "
        "created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,"
        "'2025-01-01 00:00:00.000000','b','2025-01-01 00:00:00.000000','b')",
        params,
    )
    seconds = time.perf_counter() - started
    con.execute("ROLLBACK")
    con.close()
    return seconds


def _baseline_export(path: Path, dest: Path) -> float:
    started = time.perf_counter()
    con = sqlite3.connect(path)
    with open(dest, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        cursor = con.execute(
            "SELECT waybill, train_no, commodity_id, supplier_id, consignee_id, "
            "origin_station_id, border_station_id, destination_station_id, departure_date, eta, "
            "arrival_date, status, net_weight_kg, wagons, containers, contract_id, notes "
            "FROM shipments ORDER BY id"
        )
        while batch := cursor.fetchmany(10_000):
            writer.writerows(batch)
    con.close()
    return time.perf_counter() - started


def _copy(source: Path, dest: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(dest)
    src.backup(dst, pages=65536)
    dst.close()
    src.close()


def _line(label: str, ours: float, base: float, limit: float, floor: float | None = None) -> None:
    verdict = "OK" if ours <= limit else "OVER"
    print(
        f"{label:<56} {ours:7.2f} s  (limit {limit:.0f} s, {verdict})   sqlite3 baseline "
        f"{base:6.2f} s   ratio {ours / base:5.2f}x"
    )
    if floor is not None:
        print(
            f"{'':<56} {'':>7}    sqlite3 without triggers {floor:6.2f} s   "
            f"ratio {ours / floor:5.2f}x"
        )


def main() -> int:
    """Run the three timings and print them with their baselines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default="/tmp/big.sqlite")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", choices=("import", "export"), help="run only these timings")
    args = parser.parse_args()
    source = Path(args.source)
    with tempfile.TemporaryDirectory(prefix="railgrain-bench-", dir="/tmp") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        _copy(source, folder / "a.sqlite")
        # Bring the copy to this version's schema first (its triggers are part of the cost),
        # so the baselines and the import see the same tables.
        open_database(str(folder / "a.sqlite"), create=False).dispose()
        for old in folder.glob("a.before-*"):
            old.unlink()
        shutil.copyfile(folder / "a.sqlite", folder / "b.sqlite")  # not live: a file copy is fine
        print(f"copied the database twice in {time.perf_counter() - started:.1f} s")
        rows = _rows(args.rows)
        data_csv = _csv_bytes(rows)
        data_xlsx = _xlsx_bytes(rows, folder)
        print(
            f"{args.rows:,} rows: CSV {len(data_csv) / 1e6:.1f} MB, "
            f"XLSX {len(data_xlsx) / 1e6:.1f} MB"
        )

        imports = (
            ("import CSV into 1M", "a.sqlite", data_csv, 3.0),
            ("import XLSX into 1M", "b.sqlite", data_xlsx, 6.0),
        )
        for label, db_file, data, limit in imports if args.only != "export" else ():
            base = _baseline_insert(folder / db_file, rows)
            floor = _baseline_insert(folder / db_file, rows, triggers=False)
            db = open_database(str(folder / db_file), create=False)
            try:
                started = time.perf_counter()
                summary = import_file(
                    db, data, user="bench", source="bench.xlsx" if "XLSX" in label else "bench.csv"
                )
                ours = time.perf_counter() - started
            finally:
                db.dispose()
            assert summary.inserted == args.rows, summary
            _line(f"{label} ({summary.line()})", ours, base, limit, floor)

        if args.only == "import":
            return 0
        db = open_database(str(folder / "a.sqlite"), create=False)
        try:
            result = exports.export(db, folder / "all.csv")
        finally:
            db.dispose()
        base = _baseline_export(folder / "a.sqlite", folder / "raw.csv")
        _line(f"export {result.rows:,} rows to CSV", result.seconds, base, 10.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
