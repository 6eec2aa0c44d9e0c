"""The figures (issue 6) at a million shipments, each against a plain GROUP BY peer.

Usage::

    .venv/bin/python benchmarks/figures.py --db /tmp/me/big.sqlite [--as-of 2026-11-30] [-n 5]

``--as-of`` defaults to the day of the latest event (the data's "today").

Opening the database applies pending migrations (use a copy, never the shared file). For
each figure, the time of the ``models.services.figures`` call (best of ``-n``, after one
warm-up run) and, where there is one, the time of a peer in the same run: the same aggregate
as a naive GROUP BY over the raw ``shipments`` table through the same connection (what the
figure would cost without the trigger-kept summary tables). "dashboard refresh" is
status_totals + ageing_buckets + late_shipments(limit=50, with predictions) + stuck_at_border
+ expected_arrivals in one read session, as the dashboard does it. Last, ``main.py status
--json`` as a child process (Python start, imports and JSON included).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from models.db import open_database  # noqa: E402
from models.services import figures  # noqa: E402

MAIN = Path(__file__).resolve().parent.parent / "main.py"


def best(fn: Callable[[], Any], n: int) -> tuple[float, Any]:
    result = fn()  # warm-up: caches and the page cache
    times = []
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, result


def _peers(s: Session, as_of: date, first: date, last: date) -> dict[str, Callable[[], Any]]:
    sqlite = s.get_bind().dialect.name == "sqlite"
    month = "strftime('%Y-%m', arrival_date)" if sqlite else "date_trunc('month', arrival_date)"
    transit = (
        "CAST(julianday(arrival_date) - julianday(departure_date) AS INTEGER)"
        if sqlite
        else "arrival_date - departure_date"
    )
    arrived = (
        "arrival_date BETWEEN :first AND :last AND status <> 'cancelled'"
        if sqlite
        else "arrival_date BETWEEN CAST(:first AS date) AND CAST(:last AS date) "
        "AND status <> 'cancelled'"
    )
    p = {"first": first.isoformat(), "last": last.isoformat()}

    def q(sql: str, **params: Any) -> Callable[[], Any]:
        return lambda: s.execute(text(sql), params or p).all()

    return {
        "status_totals": q(
            "SELECT status, count(*), sum(net_weight_kg) FROM shipments GROUP BY status"
        ),
        "monthly_arrived": q(
            f"SELECT {month}, commodity_id, count(*), sum(net_weight_kg) FROM shipments "
            f"WHERE {arrived} GROUP BY 1, 2"
        ),
        "tonnage_by route": q(
            f"SELECT border_station_id, count(*), sum(net_weight_kg) FROM shipments "
            f"WHERE {arrived} GROUP BY 1"
        ),
        "tonnage_by supplier": q(
            f"SELECT supplier_id, count(*), sum(net_weight_kg) FROM shipments "
            f"WHERE {arrived} GROUP BY 1"
        ),
        "contract_fulfilment": q(
            "SELECT contract_id, sum(CASE WHEN departure_date IS NOT NULL THEN net_weight_kg "
            "END), sum(CASE WHEN arrival_date IS NOT NULL THEN coalesce(arrived_weight_kg, "
            "net_weight_kg) END) FROM shipments WHERE contract_id IS NOT NULL AND "
            "status <> 'cancelled' GROUP BY contract_id"
        ),
        "transit_times": q(
            f"SELECT border_station_id, {transit}, count(*) FROM shipments WHERE {arrived} "
            f"AND departure_date IS NOT NULL GROUP BY 1, 2"
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a COPY of the big database")
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    parser.add_argument("-n", type=int, default=5, help="runs per figure (best is shown)")
    args = parser.parse_args()
    db = open_database(args.db, create=False)
    as_of = args.as_of
    with db.read() as s:
        if as_of is None:
            # The day of the latest event: "today" for that data (no event after it).
            latest = s.execute(text("SELECT max(occurred_at) FROM shipment_events")).scalar()
            as_of = date.fromisoformat(str(latest)[:10])
        total = s.execute(text("SELECT count(*) FROM shipments")).scalar()
    first, last = date(as_of.year - 1, 1, 1), date(as_of.year - 1, 12, 31)
    print(
        f"{db.name}: {total:,} shipments; as of {as_of}; period {first} … {last}; best of {args.n}"
    )
    print(f"{'figure':<28} {'ms':>9} {'peer ms':>9}  result")

    def dashboard(s: Session) -> tuple[int, ...]:
        a = figures.status_totals(s, as_of)
        b = figures.ageing_buckets(s, as_of)
        c = figures.late_shipments(s, as_of, limit=50)
        d = figures.stuck_at_border(s, as_of, limit=50)
        e = figures.expected_arrivals(s, as_of)
        return len(a), len(b), len(c), len(d), len(e)

    with db.read() as s:
        peers = _peers(s, as_of, first, last)
        cases: list[tuple[str, Callable[[], Any]]] = [
            ("status_totals", lambda: figures.status_totals(s, as_of)),
            ("status_totals (-30 days)", lambda: figures.status_totals(s, as_of - timedelta(30))),
            ("ageing_buckets", lambda: figures.ageing_buckets(s, as_of)),
            ("late_shipments top 50", lambda: figures.late_shipments(s, as_of, limit=50)),
            ("late_shipments all", lambda: figures.late_shipments(s, as_of)),
            ("stuck_at_border top 50", lambda: figures.stuck_at_border(s, as_of, limit=50)),
            ("stuck_at_border all", lambda: figures.stuck_at_border(s, as_of)),
            ("expected_arrivals", lambda: figures.expected_arrivals(s, as_of)),
            ("dashboard refresh", lambda: dashboard(s)),
            ("monthly_arrived", lambda: figures.monthly_arrived(s, first, last)),
            ("tonnage_by route", lambda: figures.tonnage_by(s, "route", first, last)),
            ("tonnage_by supplier", lambda: figures.tonnage_by(s, "supplier", first, last)),
            ("contract_fulfilment", lambda: figures.contract_fulfilment(s, first, last)),
            ("transit_times", lambda: figures.transit_times(s, first, last)),
            ("weight_discrepancies", lambda: figures.weight_discrepancies(s, first, last)),
            (
                "weight_discrepancies top 50",
                lambda: figures.weight_discrepancies(s, first, last, limit=50),
            ),
            ("weight_discrepancy_count", lambda: figures.weight_discrepancy_count(s, first, last)),
            # The period's end is a past day: statuses as they were then.
            ("late_shipments top 50 (end)", lambda: figures.late_shipments(s, last, limit=50)),
            ("ageing_buckets (end)", lambda: figures.ageing_buckets(s, last)),
            ("predictions (all open)", lambda: figures.predictions(s, as_of)),
            ("prediction_accuracy", lambda: figures.prediction_accuracy(s, as_of)),
            ("prediction_accuracy (uncached)", lambda: _uncached_accuracy(s, as_of)),
        ]
        for name, fn in cases:
            ms, result = best(fn, args.n)
            peer = f"{best(peers[name], args.n)[0]:9.1f}" if name in peers else f"{'':>9}"
            size = len(result) if hasattr(result, "__len__") else result
            print(f"{name:<28} {ms:9.1f} {peer}  {size} rows")
    db.dispose()
    command = [sys.executable, str(MAIN), "status", "--json", "--db", args.db]
    command += ["--as-of", as_of.isoformat()]
    times = []
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    size = f"{len(done.stdout):,} bytes"
    print(f"{'main.py status --json':<28} {min(times) * 1000:9.1f} {'':>9}  {size}")
    return 0


def _uncached_accuracy(s: Session, as_of: date) -> Any:
    """prediction_accuracy as after a change to the arrivals (its cache emptied first)."""
    from models.services.figures import prediction

    prediction._ACCURACY.clear()
    return figures.prediction_accuracy(s, as_of)


if __name__ == "__main__":
    sys.exit(main())
