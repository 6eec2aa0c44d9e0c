"""The shipments workspace at a million rows, against a QSqlQueryModel peer in the same run.

Usage::

    .venv/bin/python benchmarks/workspace.py [/tmp/big.sqlite] [--skip-peer-end] [--app-only]

``--app-only`` leaves out the peer (for a quick before/after of the app alone: copy this script
into an older checkout's benchmarks/ and run it there on a database of that schema).

Steps, each timed until the table has painted (``viewport().repaint()`` is synchronous):
the window shown with its first rows from process launch (a child process; the time includes
Python start and imports), the first paint after the database is open, scrolling one page
(near the top, and into a part not loaded yet), jumping to the last row, applying filters,
sorting by each sortable column, and the memory above the same app on an empty database.

The peer is the stock Qt way: ``QSqlQueryModel`` over ``QSQLITE`` with the same ORDER BY and
WHERE, fetching 256 rows at a time as the view scrolls (``canFetchMore``/``fetchMore``), its
jump to the end fetching every row. The database is opened read-only; nothing is written.
Figures are milliseconds, best of ``REPEAT`` after one cold run, unless marked cold; "cpu" is
the GUI thread's own CPU time of that run (steadier than wall time on a shared machine). Also
printed: the shipments page alone built and painted (without the window's other pages), and
thirty page-downs in a row with the event loop run between them (so pages read ahead arrive).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

REPEAT = 3
SIZE = (1600, 900)
#: The peer's query: the table's default order (newest departure first, ties by id).
PEER_SQL = (
    "SELECT s.waybill, s.train_no, s.departure_date, s.eta, s.arrival_date, s.status, "
    "s.net_weight_kg, s.arrived_weight_kg, s.wagons, s.containers FROM shipments s"
)


def rss_mb() -> float:
    """Resident memory of this process in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- child processes: launch to first rows, and memory ------------------------------------------


def child(mode: str, path: str) -> None:
    """Open the app (or the peer) on ``path``, print "shown <rss>" after the first rows paint."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication([])
    if mode == "app":
        from models.db import open_database
        from ui.main_window import MainWindow
        from ui.settings import Settings

        db = open_database(path, readonly=True, create=False)
        ini = str(Path(tempfile.mkdtemp()) / "bench.ini")
        window = MainWindow(db, settings=Settings(QSettings(ini, QSettings.Format.IniFormat)))
        view = window.shipments_page().view()
    else:
        from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlQueryModel

        qdb = QSqlDatabase.addDatabase("QSQLITE")
        qdb.setDatabaseName(path)
        qdb.setConnectOptions("QSQLITE_OPEN_READONLY")
        qdb.open()
        model = QSqlQueryModel()
        model.setQuery(QSqlQuery(PEER_SQL + " ORDER BY s.departure_date DESC, s.id DESC", qdb))
        window = view = QTableView()
        view.setModel(model)
    window.resize(*SIZE)
    window.show()
    view.viewport().repaint()
    app.processEvents()
    print("shown", f"{rss_mb():.1f}", view.model().index(0, 0).data(), flush=True)


def launch(mode: str, path: str) -> tuple[float, float]:
    """Milliseconds from starting a child process to its first painted rows, and its RSS."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, path], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    elapsed = (time.perf_counter() - started) * 1000
    proc.wait()
    return elapsed, float(line[1])


# -- in-process steps -----------------------------------------------------------------------


def timed(step: Callable[[], object], repaint: Callable[[], None], cold_only: bool = False) -> str:
    """Cold time, then the best of REPEAT, of a step followed by a synchronous repaint.

    Also the GUI thread's own CPU time of the best run (``time.thread_time``): on a machine
    shared with other work the wall time swells, the CPU time much less.
    """
    times, cpus = [], []
    for _ in range(1 if cold_only else 1 + REPEAT):
        started, cpu = time.perf_counter(), time.thread_time()
        step()
        repaint()
        times.append((time.perf_counter() - started) * 1000)
        cpus.append((time.thread_time() - cpu) * 1000)
    if cold_only:
        return f"{times[0]:9.1f} (cold)"
    best = min(range(1, len(times)), key=times.__getitem__)
    return f"{times[0]:9.1f} cold {times[best]:9.1f} best {cpus[best]:7.1f} cpu"


def run_app(path: str) -> dict[str, float]:
    """The app's steps; returns the best (or only) time of each, in ms."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from models.db import open_database
    from models.rules.status import Status
    from models.services import reference
    from models.services.queries import Filter
    from ui.item_models.columns import COLUMNS
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    results: dict[str, float] = {}

    def record(name: str, step: Callable[[], object], cold_only: bool = False) -> None:
        text = timed(step, repaint, cold_only)
        print(f"  {name:<42}{text}", flush=True)
        results[name] = float(text.split()[2] if not cold_only else text.split()[0])

    started = time.perf_counter()
    db = open_database(path, readonly=True, create=False)
    opened = time.perf_counter()
    ini = str(Path(tempfile.mkdtemp()) / "bench.ini")
    window = MainWindow(db, settings=Settings(QSettings(ini, QSettings.Format.IniFormat)))
    window.resize(*SIZE)
    window.show()
    page = window.shipments_page()
    view, model = page.view(), page.model()
    view.viewport().repaint()
    app.processEvents()
    painted = time.perf_counter()
    print(f"  {'open database':<42}{(opened - started) * 1000:9.1f}")
    print(f"  {'first paint after the database is open':<42}{(painted - opened) * 1000:9.1f}")
    results["first paint"] = (painted - opened) * 1000
    getattr(model, "wait_for_background", lambda: None)()
    app.processEvents()
    ready = (time.perf_counter() - opened) * 1000
    print(f"  {'... count + tonnes ready after open':<42}{ready:9.1f}")
    table_first_paint(db, app)

    def repaint() -> None:
        view.viewport().repaint()

    bar = view.verticalScrollBar()
    record("scroll one page (near the top)", lambda: bar.setValue(bar.value() + bar.pageStep()))
    scroll_steadily(view, app)
    middle = model.rowCount() // 3

    def scroll_cold() -> None:
        nonlocal middle
        middle += 1000  # a part of the table not loaded yet, every time
        bar.setValue(middle)

    record("scroll to a part not loaded yet", scroll_cold)
    record("jump to the last row", lambda: view.scrollToBottom())
    view.scrollToTop()

    stations = {s.name: s.id for s in reference.stations(db)}
    filters = {
        "filter: status in transit": Filter(statuses=(Status.IN_TRANSIT,)),
        "filter: border Dostyk": Filter(border_station_ids=(stations["Dostyk"],)),
        "filter: late only": Filter(late_only=True),
        "filter: text (waybill prefix)": Filter(text="2561"),
        "filter: status + origin + departure range": Filter(
            statuses=(Status.UNLOADED,),
            origin_station_ids=(stations["Kostanay"],),
            departure_from=__import__("datetime").date(2025, 1, 1),
        ),
    }

    def settle() -> None:
        """Let the background count (and pages read ahead) finish, untimed."""
        # (getattr: the script also runs against older checkouts, for before/after figures)
        getattr(model, "wait_for_background", lambda: None)()
        app.processEvents()

    counted: dict[str, float] = {}
    for name, flt in filters.items():
        runs, counts = [], []
        for _ in range(1 + REPEAT):
            model.set_filter(Filter())  # untimed: each timed run is a real change
            repaint()
            settle()
            started = time.perf_counter()
            model.set_filter(flt)
            repaint()
            runs.append((time.perf_counter() - started) * 1000)
            # rows painted; the status bar's count and tonnes come from the reader
            settle()
            counts.append((time.perf_counter() - started) * 1000)
        print(f"  {name:<42}{runs[0]:9.1f} cold {min(runs[1:]):9.1f} best", flush=True)
        counted[name] = min(counts[1:])
        results[name] = min(runs[1:])
    for name, ms in counted.items():
        label = "  ... count + tonnes ready: " + name.removeprefix("filter: ")
        print(f"{label:<44}{ms:9.1f} best")
    model.set_filter(Filter())
    settle()
    for column, spec in enumerate(COLUMNS):
        if spec.sort_key is None:
            continue
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            label = f"sort: {spec.key} {'asc' if order == Qt.SortOrder.AscendingOrder else 'desc'}"
            record(label, lambda c=column, o=order: model.sort(c, o), cold_only=True)
    window.close()
    db.dispose()
    return results


def table_first_paint(db: object, app: object) -> None:
    """The shipments page alone, built and painted (the window's other pages left out).

    Run after the window, so the database's first pages are in the OS cache for both.
    """
    from PySide6.QtWidgets import QApplication

    from ui.pages.shipments_page import ShipmentsPage

    assert isinstance(app, QApplication)
    started, cpu = time.perf_counter(), time.thread_time()
    page = ShipmentsPage(db)  # type: ignore[arg-type]
    page.resize(*SIZE)
    page.show()
    page.view().viewport().repaint()
    wall, cpu = (time.perf_counter() - started) * 1000, (time.thread_time() - cpu) * 1000
    print(f"  {'... shipments page alone: built + painted':<42}{wall:9.1f} wall {cpu:7.1f} cpu")
    getattr(page.model(), "wait_for_background", lambda: None)()
    app.processEvents()
    page.close()
    page.deleteLater()
    app.processEvents()


def scroll_steadily(view: object, app: object, steps: int = 30) -> None:
    """Page down ``steps`` times with the event loop run between (as wheel events come)."""
    import statistics

    from PySide6.QtWidgets import QApplication, QTableView

    assert isinstance(view, QTableView) and isinstance(app, QApplication)
    bar = view.verticalScrollBar()
    walls, cpus = [], []
    for _ in range(steps):
        started, cpu = time.perf_counter(), time.thread_time()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.thread_time() - cpu) * 1000)
        app.processEvents()  # untimed: read-ahead results arrive here
    print(
        f"  {f'scroll {steps} pages in a row: median':<42}{statistics.median(walls):9.1f} wall"
        f" {statistics.median(cpus):7.1f} cpu, worst {max(walls):7.1f} wall"
    )
    view.scrollToTop()
    app.processEvents()


def run_peer(path: str, skip_end: bool) -> dict[str, float]:
    """The QSqlQueryModel peer's steps."""
    from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlQueryModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication.instance() or QApplication([])
    results: dict[str, float] = {}
    started = time.perf_counter()
    qdb = QSqlDatabase.addDatabase("QSQLITE", "peer")
    qdb.setDatabaseName(path)
    qdb.setConnectOptions("QSQLITE_OPEN_READONLY")
    qdb.open()
    opened = time.perf_counter()
    model = QSqlQueryModel()
    view = QTableView()
    view.setModel(model)
    view.resize(*SIZE)
    order = " ORDER BY s.departure_date DESC, s.id DESC"
    model.setQuery(QSqlQuery(PEER_SQL + order, qdb))
    view.show()
    view.viewport().repaint()
    app.processEvents()
    painted = time.perf_counter()
    print(f"  {'open database':<42}{(opened - started) * 1000:9.1f}")
    print(f"  {'first paint after the database is open':<42}{(painted - opened) * 1000:9.1f}")
    results["first paint"] = (painted - opened) * 1000

    def repaint() -> None:
        view.viewport().repaint()

    def record(name: str, step: Callable[[], object], cold_only: bool = False) -> None:
        text = timed(step, repaint, cold_only)
        print(f"  {name:<42}{text}", flush=True)
        results[name] = float(text.split()[2] if not cold_only else text.split()[0])

    bar = view.verticalScrollBar()
    record("scroll one page (near the top)", lambda: bar.setValue(bar.value() + bar.pageStep()))
    scroll_steadily(view, app)

    def scroll_cold() -> None:
        bar.setValue(bar.maximum())  # the end of what is fetched: it fetches the next 256

    record("scroll to a part not loaded yet", scroll_cold)

    def to_end() -> None:
        while model.canFetchMore():
            model.fetchMore()
        view.scrollToBottom()

    if skip_end:
        print(f"  {'jump to the last row':<42}  skipped")
    else:
        record("jump to the last row", to_end, cold_only=True)
        results["rss after fetching every row, MB"] = rss_mb()
        print(f"  {'RSS after fetching every row, MB':<42}{rss_mb():9.1f}")
    wheres = {
        "filter: status in transit": "s.status = 'in_transit'",
        "filter: border Dostyk": "s.border_station_id = "
        "(SELECT id FROM stations WHERE name = 'Dostyk')",
        "filter: late only": "s.eta < date('now') AND s.status IN "
        "('planned', 'loading', 'in_transit', 'at_border', 'customs')",
        "filter: text (waybill prefix)": "s.waybill LIKE '2561%'",
        "filter: status + origin + departure range": "s.status = 'unloaded' AND "
        "s.origin_station_id = (SELECT id FROM stations WHERE name = 'Kostanay') "
        "AND s.departure_date >= '2025-01-01'",
    }
    for name, where in wheres.items():
        sql = PEER_SQL + " WHERE " + where + order
        record(name, lambda sql=sql: model.setQuery(QSqlQuery(sql, qdb)))
    columns = {
        "waybill": "s.waybill",
        "train_no": "s.train_no",
        "commodity": "(SELECT name FROM commodities c WHERE c.id = s.commodity_id)",
        "supplier": "(SELECT name FROM counterparties c WHERE c.id = s.supplier_id)",
        "departure_date": "s.departure_date",
        "eta": "s.eta",
        "arrival_date": "s.arrival_date",
        "status": "s.status",
        "net_weight_kg": "s.net_weight_kg",
        "contract": "(SELECT number FROM contracts c WHERE c.id = s.contract_id)",
    }
    for key, column in columns.items():
        for direction in ("asc", "desc"):
            sql = f"{PEER_SQL} ORDER BY {column} {direction}, s.id {direction}"
            record(
                f"sort: {key} {direction}",
                lambda sql=sql: model.setQuery(QSqlQuery(sql, qdb)),
                cold_only=True,
            )
    return results


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return 0
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = args[0] if args else "/tmp/big.sqlite"
    skip_end = "--skip-peer-end" in sys.argv
    app_only = "--app-only" in sys.argv

    from models.db import open_database

    empty = str(Path(tempfile.mkdtemp()) / "empty.sqlite")
    open_database(empty).dispose()

    print(f"database: {path} ({Path(path).stat().st_size / 1e9:.2f} GB)")
    print("launch (child process, from exec to first painted rows):")
    app_launch, app_rss = launch("app", path)
    _, app_empty_rss = launch("app", empty)
    print(
        f"  app : {app_launch:8.1f} ms, RSS {app_rss:.1f} MB, empty db {app_empty_rss:.1f} MB"
        f" → +{app_rss - app_empty_rss:.1f} MB"
    )
    if app_only:
        print("app (ShipmentsTableModel, ms):")
        run_app(path)
        return 0
    peer_launch, peer_rss = launch("peer", path)
    _, peer_empty_rss = launch("peer", empty)
    print(
        f"  peer: {peer_launch:8.1f} ms, RSS {peer_rss:.1f} MB, empty db {peer_empty_rss:.1f} MB"
        f" → +{peer_rss - peer_empty_rss:.1f} MB"
    )

    print("app (ShipmentsTableModel, ms):")
    ours = run_app(path)
    print("peer (QSqlQueryModel over QSQLITE, ms):")
    peer = run_peer(path, skip_end)

    print("\nratios (app / peer; below 1 means the app is faster):")
    ours["launch"], peer["launch"] = app_launch, peer_launch
    for name in ours:
        if name in peer and peer[name] > 0:
            print(
                f"  {name:<42}{ours[name]:9.1f} / {peer[name]:9.1f}"
                f" = {ours[name] / peer[name]:7.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
