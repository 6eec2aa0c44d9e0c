"""Dashboard and chart refresh times at a million rows, with a plain GROUP BY peer in the same run.

Usage::

    cp /tmp/big.sqlite /tmp/me/big.sqlite      # never the shared file: opening migrates it
    .venv/bin/python benchmarks/dashboard.py /tmp/me/big.sqlite [--repeat 3]

What is timed (milliseconds, best of ``--repeat`` after one cold run):

* **dashboard refresh**: ``DashboardPage.refresh()`` until its ``refreshed`` signal, i.e. every
  figure read on the worker thread plus filling the tiles and tables on the GUI thread; then
  each figures-API call it makes, on its own, to show where the time goes.
* **each chart**: ``ChartsPage`` drawing one chart after a data change (figures read on the
  worker, bars built and drawn), over the default period (the last twelve months).
* **peer**: the same totals as one plain ``GROUP BY`` over ``shipments`` through the sqlite3
  module (what the figures would cost without the summary tables), for status totals, monthly
  arrivals by commodity and tonnes by route. The ratio is app / peer.

The database is only read (the app opens it normally, which applies pending migrations to this
copy the first time).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def best(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(cold, best warm) milliseconds of ``fn``."""
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times[0], min(times[1:])


def wait_for(signal: object, start: Callable[[], None], timeout_ms: int = 120_000) -> None:
    """Call ``start`` and spin the event loop until ``signal`` fires."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    start()
    loop.exec()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]


def peer_queries(
    path: str, first: date, last: date, today: date
) -> dict[str, Callable[[], object]]:
    """Plain GROUP BY over ``shipments``: the figures without summary tables."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def run(sql: str, *args: object) -> list[tuple[object, ...]]:
        return conn.execute(sql, args).fetchall()

    return {
        "status totals": lambda: run(
            "SELECT status, count(*), sum(net_weight_kg) FROM shipments GROUP BY status"
        ),
        "monthly by commodity": lambda: run(
            "SELECT strftime('%Y-%m', arrival_date), commodity_id, count(*), sum(net_weight_kg) "
            "FROM shipments WHERE arrival_date BETWEEN ? AND ? AND status != 'cancelled' "
            "GROUP BY 1, 2",
            first.isoformat(),
            last.isoformat(),
        ),
        "tonnes by route": lambda: run(
            "SELECT border_station_id, count(*), sum(net_weight_kg) FROM shipments "
            "WHERE arrival_date BETWEEN ? AND ? AND status != 'cancelled' GROUP BY 1",
            first.isoformat(),
            last.isoformat(),
        ),
        "late by ETA": lambda: run(
            "SELECT count(*), sum(net_weight_kg) FROM shipments WHERE eta < ? AND status IN "
            "('planned','loading','in_transit','at_border','customs')",
            today.isoformat(),
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="a COPY of the 1M demo database")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from models.db import open_database
    from models.services import figures, queries
    from ui.main_window import MainWindow
    from ui.pages.charts_page import default_period
    from ui.pages.dashboard_page import ARRIVAL_DAYS, LIST_LIMIT, STUCK_DAYS, _predicted_late
    from ui.settings import Settings

    app = QApplication([])
    db = open_database(args.db)
    today = date.today()
    settings = Settings(
        QSettings(str(Path(args.db).with_suffix(".bench.ini")), QSettings.Format.IniFormat)
    )
    window = MainWindow(db, settings=settings)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    total = queries.count(db)
    print(f"database: {args.db} ({total:,} shipments), repeat {args.repeat}, today {today}")

    rows: list[tuple[str, float, float, float | None]] = []

    # -- dashboard end to end ------------------------------------------------------------------
    dash = window.pages.dashboard
    window.pages.show_page("dashboard")
    wait_for(dash.refreshed, lambda: None) if dash.is_refreshing() else None
    firsts: list[float] = []
    fulls: list[float] = []
    for _ in range(args.repeat + 1):
        start = time.perf_counter()
        marks: list[float] = []
        dash.headline_refreshed.connect(lambda m=marks: m.append(time.perf_counter()))
        wait_for(dash.refreshed, dash.refresh)
        fulls.append((time.perf_counter() - start) * 1000)
        firsts.append((marks[-1] - start) * 1000)
        dash.headline_refreshed.disconnect()
    rows.append(("dashboard first pass (tiles, late list)", firsts[0], min(firsts[1:]), None))
    rows.append(("dashboard full refresh (both passes)", fulls[0], min(fulls[1:]), None))
    with db.read() as s:
        parts: dict[str, Callable[[], object]] = {
            "  status_totals": lambda: figures.status_totals(s, today),
            "  ageing_buckets": lambda: figures.ageing_buckets(s, today),
            "  late_shipments": lambda: figures.late_shipments(s, today, limit=LIST_LIMIT),
            "  stuck_at_border": lambda: figures.stuck_at_border(s, today, min_days=STUCK_DAYS),
            "  expected_arrivals": lambda: figures.expected_arrivals(s, today, days=ARRIVAL_DAYS),
            "  predictions (predicted late)": lambda: _predicted_late(s, today),
            "  prediction_accuracy": lambda: figures.prediction_accuracy(s, today),
        }
        for name, fn in parts.items():
            rows.append((name, *best(fn, args.repeat), None))

    # -- charts end to end ---------------------------------------------------------------------
    charts = window.pages.charts
    window.pages.show_page("charts")
    period = default_period(today)
    peers = peer_queries(args.db, period.first, period.last, today)
    peer_ms = {name: best(fn, args.repeat)[1] for name, fn in peers.items()}
    peer_of = {"monthly": "monthly by commodity", "byRoute": "tonnes by route"}
    for name in ("monthly", "byRoute", "bySupplier", "contracts", "transit"):
        charts.show_chart(name)
        if charts.chart_tab(name).drawn_for is None:
            wait_for(charts.refreshed, lambda: None)

        def redraw() -> None:
            wait_for(charts.refreshed, charts.on_data_changed)  # stale: read and draw again

        cold, warm = best(redraw, args.repeat)
        peer = peer_ms.get(peer_of.get(name, ""))
        rows.append((f"chart {name} (worker + draw)", cold, warm, peer))
        tab = charts.chart_tab(name)
        rows.append(
            ("  figures only", *best(lambda t=tab: t.load(db, period, "en"), args.repeat), None)
        )

    # -- report ----------------------------------------------------------------------------------
    print(f"{'step':40} {'cold':>9} {'best':>9} {'peer':>9} {'app/peer':>9}")
    for name, cold, warm, peer in rows:
        peer_text = f"{peer:9.1f}" if peer is not None else f"{'':>9}"
        ratio = f"{warm / peer:9.2f}" if peer else f"{'':>9}"
        print(f"{name:40} {cold:9.1f} {warm:9.1f} {peer_text} {ratio}")
    print("peer (plain GROUP BY over shipments, sqlite3):")
    for name, ms in peer_ms.items():
        print(f"  {name:38} {ms:9.1f}")
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
