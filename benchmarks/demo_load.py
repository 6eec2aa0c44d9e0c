"""How fast create_demo fills a SQLite file, against plain SQLAlchemy Core inserts.

Run: .venv/bin/python benchmarks/demo_load.py [--shipments 1000000] [--sample 100000]

1. ``create_demo`` writes N shipments with their units and events into a new temp file.
2. The peer: the first ``--sample`` shipments of that demo, with their units and events, are
   read back and inserted into another new file the ordinary way, ``conn.execute(insert(t),
   list_of_dicts)`` in one transaction with every index, CHECK and foreign key in place; its
   time is extrapolated to N by the number of rows.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import cast

from sqlalchemy import Table, func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.db import Database, open_database  # noqa: E402
from models.entities import (  # noqa: E402
    Contract,
    Counterparty,
    Shipment,
    ShipmentEvent,
    ShipmentUnit,
)
from models.services.demo import create_demo  # noqa: E402

TODAY = date(2026, 11, 23)


def table(entity: type) -> Table:
    return cast(Table, entity.__table__)  # type: ignore[attr-defined]


def count(db: Database, entity: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(entity)) or 0)


def demo_phase(path: Path, shipments: int) -> tuple[float, int]:
    db = open_database(str(path))
    last = [time.perf_counter()]

    def progress(done: int, total: int, note: str = "") -> None:
        now = time.perf_counter()
        if now - last[0] >= 5:
            print(f"    {done}/{total} {note}", flush=True)
            last[0] = now

    started = time.perf_counter()
    summary = create_demo(db, shipments, today=TODAY, progress=progress)
    seconds = time.perf_counter() - started
    rows = summary.shipments + summary.units + summary.events + summary.contracts
    rows += summary.counterparties
    print(
        f"  create_demo: {summary.shipments:,} shipments, {summary.units:,} units, "
        f"{summary.events:,} events, {summary.trains:,} trains in {seconds:.1f} s "
        f"= {rows / seconds:,.0f} rows/s (commit included)"
    )
    db.dispose()
    return seconds, rows


def peer_phase(source_path: Path, target_path: Path, sample: int) -> tuple[float, int]:
    source = open_database(str(source_path))
    target = open_database(str(target_path))
    with source.read() as s:
        parties = [dict(r) for r in s.execute(select(table(Counterparty))).mappings()]
        contracts = [dict(r) for r in s.execute(select(table(Contract))).mappings()]
        ships = [
            dict(r)
            for r in s.execute(
                select(table(Shipment)).where(Shipment.id <= sample).order_by(Shipment.id)
            ).mappings()
        ]
        units = [
            dict(r)
            for r in s.execute(
                select(table(ShipmentUnit))
                .where(ShipmentUnit.shipment_id <= sample)
                .order_by(ShipmentUnit.id)
            ).mappings()
        ]
        events = [
            dict(r)
            for r in s.execute(
                select(table(ShipmentEvent))
                .where(ShipmentEvent.shipment_id <= sample)
                .order_by(ShipmentEvent.id)
            ).mappings()
        ]
    with target.write() as s:  # reference rows: not timed
        conn = s.connection()
        conn.execute(insert(table(Counterparty)), parties)
        conn.execute(insert(table(Contract)), contracts)
    started = time.perf_counter()
    with target.write() as s:
        conn = s.connection()
        for target_table, rows in (
            (table(Shipment), ships),
            (table(ShipmentUnit), units),
            (table(ShipmentEvent), events),
        ):
            for start in range(0, len(rows), 50_000):
                conn.execute(insert(target_table), rows[start : start + 50_000])
    seconds = time.perf_counter() - started
    total = len(ships) + len(units) + len(events)
    print(
        f"  SQLAlchemy Core insert(), {len(ships):,} shipments + {len(units):,} units + "
        f"{len(events):,} events: {seconds:.1f} s = {total / seconds:,.0f} rows/s"
    )
    source.dispose()
    target.dispose()
    return seconds, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shipments", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="railgrain-bench-") as tmp:
        demo_path, peer_path = Path(tmp) / "demo.sqlite", Path(tmp) / "peer.sqlite"
        print(f"demo data into a new SQLite file ({demo_path}):")
        demo_seconds, demo_rows = demo_phase(demo_path, args.shipments)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        size_mb = demo_path.stat().st_size / 1e6
        print(f"  peak memory so far: {peak_mb:,.0f} MB; file: {size_mb:,.0f} MB")
        sample = min(args.sample, args.shipments)
        print(f"peer: the first {sample:,} shipments again, through SQLAlchemy Core:")
        peer_seconds, peer_rows = peer_phase(demo_path, peer_path, sample)
        estimate = peer_seconds * demo_rows / peer_rows
        print(
            f"result: create_demo {demo_seconds:.1f} s for {demo_rows:,} rows; "
            f"Core insert() extrapolated to the same rows: {estimate:.0f} s "
            f"({estimate / demo_seconds:.1f}x slower)"
        )


if __name__ == "__main__":
    main()
