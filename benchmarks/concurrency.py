"""Two processes writing to the same database at once: changes lost, conflicts, watcher delay.

Usage::

    .venv/bin/python benchmarks/concurrency.py [--changes 1000] [--pg URL] [--no-sqlite]
                                               [--no-pg] [--latency-trials 15]
                                               [--peer-changes 300] [--think-ms 0]

For SQLite (a new file) and PostgreSQL (a new schema of ``--pg``, dropped afterwards), two
writer processes each make ``--changes`` changes through the services, as users do: read the
shipment, then save with the version read (optimistic locking). A third of the changes append
a word to the notes, a third revise the ETA, a third move the status between "in transit" and
"at border"; half of them go to shipments both writers change, half to shipments of their own.
A refused save (ConflictError, or "database busy") is counted and done again from a fresh
read, as a user would after "reload".

Then it checks, from the database alone, that no change was lost: every change a writer saw
succeed is on the audit trail exactly once; every word appended to the notes is still in them;
and along each shipment's audit trail every change starts from the value the change before it
left (an update based on a stale read would break that chain).

The peer (``--peer-changes``), in the same run: the same writers, but the notes are saved over
whatever version is there by then ("last save wins", no optimistic lock). The same check then
counts the words it lost, which shows the check can see a lost update.

Last, the time for another window to see a change: this process watches with
``models.services.changes`` exactly as the window does (SQLite: every 500 ms; PostgreSQL: on
the listening socket), while a third process saves a change now and then; the delay from its
commit to the watcher noticing is measured ``--latency-trials`` times.

A writer process is also started by tests/integration/test_concurrent_writers.py::

    .venv/bin/python benchmarks/concurrency.py writer --db URL --writer 1 --changes 200 \\
        --shared 1,2,3 --own 4,5,6 --out done.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import select
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.db import Database, open_database  # noqa: E402
from models.errors import ConflictError, DatabaseError  # noqa: E402
from models.rules.status import Status  # noqa: E402
from models.services import changes, shipments  # noqa: E402
from models.services.demo import create_demo  # noqa: E402

KINDS = ("notes", "eta", "status")


# -- the writer process ----------------------------------------------------------------------


def _change(
    db: Database,
    kind: str,
    shipment_id: int,
    token: str,
    day: int,
    blind: bool = False,
    think: float = 0.0,
) -> None:
    """One user change through the services, from a fresh read; raises on a refused save.

    ``blind`` (the peer): the notes are saved over whatever version is there by then, as an
    application without optimistic locking would ("last save wins"). ``think``: seconds the
    user looks at the shipment before saving.
    """
    sh = shipments.get(db, shipment_id)
    time.sleep(think)
    if kind == "notes":
        data = dataclasses.replace(sh.as_input(), notes=f"{sh.notes or ''} {token}".strip())
        version = shipments.get(db, sh.id).version if blind else sh.version
        shipments.update(db, sh.id, data, version, note=token)
    elif kind == "eta":
        eta = sh.departure_date + timedelta(days=1 + day % 40)
        shipments.revise_eta(db, sh.id, eta, token, sh.version)
    else:
        target = Status.AT_BORDER if sh.status == Status.IN_TRANSIT else Status.IN_TRANSIT
        shipments.change_status(
            db, [sh.id], target, note=token, expected_versions={sh.id: sh.version}
        )


def writer(
    url: str,
    number: int,
    count: int,
    shared: list[int],
    own: list[int],
    blind: bool = False,
    think: float = 0.0,
) -> dict:
    """Make ``count`` changes; returns what was done and what was refused (and redone)."""
    db = open_database(url)
    rng = random.Random(number)
    done: list[dict[str, Any]] = []
    conflicts = busy = 0
    started = time.perf_counter()
    try:
        for i in range(count):
            pool = shared if i % 2 == 0 else own
            shipment_id = pool[rng.randrange(len(pool))]
            kind = KINDS[i % 3]
            token = f"w{number}c{i}"
            while True:
                try:
                    _change(db, kind, shipment_id, token, rng.randrange(1000), blind, think)
                    break
                except ConflictError:
                    conflicts += 1
                except DatabaseError as error:
                    if "busy" not in str(error):
                        raise
                    busy += 1
            done.append({"token": token, "kind": kind, "id": shipment_id})
    finally:
        db.dispose()
    seconds = time.perf_counter() - started
    return {"done": done, "conflicts": conflicts, "busy": busy, "seconds": seconds}


# -- checking from the database alone ------------------------------------------------------


@dataclasses.dataclass
class Check:
    """What the database shows after the writers finished."""

    done: int = 0
    missing_in_audit: int = 0
    duplicated_in_audit: int = 0
    missing_in_notes: int = 0
    broken_chain: int = 0
    #: Saves that also put back fields someone else had changed meanwhile (a stale form).
    overwrote: int = 0

    @property
    def lost(self) -> int:
        """Changes a writer saw succeed that the database does not fully show."""
        return self.missing_in_audit + self.missing_in_notes + self.broken_chain + self.overwrote


#: The fields each kind of change may touch; anything else it changed was someone else's.
INTENDED = {
    "notes": {"notes"},
    "eta": {"eta"},
    "status": {"status", "arrival_date", "departure_date"},
}


def check(db: Database, done: list[dict[str, Any]]) -> Check:
    """Compare what the writers did with the audit trail, the notes and the value chains."""
    result = Check(done=len(done))
    ids = sorted({d["id"] for d in done})
    trails = {i: shipments.audit_trail(db, i) for i in ids}
    reasons: dict[str, int] = {}
    kinds = {d["token"]: d["kind"] for d in done}
    for trail in trails.values():
        for entry in trail:
            if entry["reason"]:
                reasons[entry["reason"]] = reasons.get(entry["reason"], 0) + 1
                kind = kinds.get(entry["reason"])
                if kind and set(entry["changes"]) - INTENDED[kind]:
                    result.overwrote += 1
    notes = {i: set((shipments.get(db, i).notes or "").split()) for i in ids}
    for d in done:
        seen = reasons.get(d["token"], 0)
        result.missing_in_audit += seen == 0
        result.duplicated_in_audit += seen > 1
        if d["kind"] == "notes" and d["token"] not in notes[d["id"]]:
            result.missing_in_notes += 1
    for i, trail in trails.items():
        last: dict[str, Any] = {}
        for entry in trail:
            for field, (old, new) in entry["changes"].items():
                if field in last and last[field] != old:
                    result.broken_chain += 1
                last[field] = new
        final = shipments.get(db, i)
        if "eta" in last and last["eta"] != (final.eta.isoformat() if final.eta else None):
            result.broken_chain += 1
        if "status" in last and last["status"] != final.status.value:
            result.broken_chain += 1
    return result


# -- setting up and running ----------------------------------------------------------------


def prepare(url: str, shipments_n: int = 24) -> list[int]:
    """Fill a new database with a small demo; make its shipments movable; return their ids."""
    db = open_database(url)
    try:
        create_demo(db, shipments=shipments_n, seed=7)
        with db.write() as s:
            # in transit, departed, so ETA revisions and status moves are allowed
            s.execute(
                sa.text(
                    "UPDATE shipments SET status = 'in_transit', arrival_date = NULL, "
                    "arrived_weight_kg = NULL, departure_date = COALESCE(departure_date, "
                    "planned_departure, CURRENT_DATE)"
                )
            )
            ids = list(s.execute(sa.text("SELECT id FROM shipments ORDER BY id")).scalars())
    finally:
        db.dispose()
    return ids


def run_writers(
    url: str,
    changes_each: int,
    ids: list[int],
    out_dir: Path,
    blind: bool = False,
    think_ms: int = 0,
) -> dict:
    """Two writer processes at once; returns their combined report."""
    shared = ids[:8]
    own = [ids[8:16], ids[16:24]]
    procs = []
    started = time.perf_counter()
    for number in (1, 2):
        out = out_dir / f"writer{number}.json"
        procs.append(
            (
                subprocess.Popen(
                    [
                        sys.executable,
                        str(Path(__file__).resolve()),
                        "writer",
                        "--db",
                        url,
                        "--writer",
                        str(number),
                        "--changes",
                        str(changes_each),
                        "--shared",
                        ",".join(map(str, shared)),
                        "--own",
                        ",".join(map(str, own[number - 1])),
                        "--out",
                        str(out),
                        "--think-ms",
                        str(think_ms),
                        *(["--blind"] if blind else []),
                    ],
                    cwd=ROOT,
                ),
                out,
            )
        )
    reports = []
    try:
        for proc, out in procs:
            if proc.wait(timeout=3600) != 0:
                raise SystemExit(f"a writer failed with exit code {proc.returncode}")
            reports.append(json.loads(out.read_text()))
    finally:
        for proc, _out in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return {
        "done": [d for r in reports for d in r["done"]],
        "conflicts": sum(r["conflicts"] for r in reports),
        "busy": sum(r["busy"] for r in reports),
        "seconds": time.perf_counter() - started,
    }


_POKER = """
import dataclasses, random, sys, time
sys.path.insert(0, {root!r})
from models.db import open_database
from models.services import shipments
db = open_database(sys.argv[1])
rng = random.Random(3)
for i in range(int(sys.argv[2])):
    time.sleep(1.0 + rng.random() * 0.6)
    sh = shipments.get(db, int(sys.argv[3]))
    data = dataclasses.replace(sh.as_input(), notes=f"poke {{i}}")
    started = time.time()
    shipments.update(db, sh.id, data, sh.version)
    print(started, time.time(), flush=True)
db.dispose()
"""


def watcher_latency(url: str, shipment_id: int, trials: int) -> list[tuple[float, float]]:
    """Seconds from another process's save to this process's watcher noticing, per trial.

    The commit happens inside the save call, so each trial gives two figures: from the save's
    return (a lower bound, 0 when the notice came first) and from its start (an upper bound).
    """
    db = open_database(url)
    commits: list[tuple[float, float]] = []
    delays: list[tuple[float, float]] = []
    try:
        with changes.watch(db) as watcher:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    _POKER.format(root=str(ROOT)),
                    url,
                    str(trials),
                    str(shipment_id),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )

            def read() -> None:
                assert proc.stdout is not None
                for line in proc.stdout:
                    started, returned = map(float, line.split())
                    commits.append((started, returned))

            reader = threading.Thread(target=read, daemon=True)
            reader.start()
            next_tick = time.monotonic()
            while len(delays) < trials and (proc.poll() is None or len(delays) < len(commits)):
                fd = watcher.fileno()
                if fd is not None:  # PostgreSQL: wait on the socket, as the socket notifier does
                    select.select([fd], [], [], watcher.poll_interval_ms / 1000)
                else:  # SQLite: the window's timer
                    next_tick += watcher.poll_interval_ms / 1000
                    time.sleep(max(0.0, next_tick - time.monotonic()))
                if watcher.poll():
                    seen = time.time()
                    time.sleep(0.05)  # let the reader thread take the commit's line
                    if len(commits) > len(delays):
                        started, returned = commits[len(delays)]
                        delays.append((max(0.0, seen - returned), seen - started))
            proc.wait(timeout=120)
    finally:
        db.dispose()
    return delays


def _how(url: str) -> str:
    if "://" not in url:
        return f"PRAGMA data_version every {changes.SQLITE_POLL_MS} ms"
    return "LISTEN socket"


def _pg_schema_url(base: str) -> tuple[str, str]:
    schema = f"rg_bench_conc_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    url = sa.make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False), schema


def _drop_schema(base: str, schema: str) -> None:
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def bench(name: str, url: str, args: argparse.Namespace, work: Path, blind: bool = False) -> None:
    ids = prepare(url)
    count = args.peer_changes if blind else args.changes
    report = run_writers(url, count, ids, work, blind, args.think_ms)
    db = open_database(url)
    try:
        result = check(db, report["done"])
    finally:
        db.dispose()
    total = len(report["done"])
    if blind:
        name += " peer: last save wins"
    print(
        f"{name:10s} writers 2 x {count}, think {args.think_ms} ms: "
        f"{total} changes in {report['seconds']:.1f} s "
        f"({total / report['seconds']:.0f}/s) | lost {result.lost} "
        f"(audit missing {result.missing_in_audit}, notes missing {result.missing_in_notes}, "
        f"chain breaks {result.broken_chain}, others' values put back {result.overwrote}, "
        f"duplicated {result.duplicated_in_audit}) | "
        f"conflicts reported {report['conflicts']} | busy {report['busy']}",
        flush=True,
    )
    if args.latency_trials and not blind:
        delays = watcher_latency(url, ids[-1], args.latency_trials)
        after = [d[0] * 1000 for d in delays]
        since = [d[1] * 1000 for d in delays]
        print(
            f"{name:10s} another window sees a change ({len(delays)} changes, {_how(url)}): "
            "after the save returned "
            f"median {statistics.median(after):.0f} ms, max {max(after):.0f} ms; "
            f"from the save's start median {statistics.median(since):.0f} ms, "
            f"max {max(since):.0f} ms",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command")
    w = sub.add_parser("writer", help="one writer process (used by the benchmark and tests)")
    w.add_argument("--db", required=True)
    w.add_argument("--writer", type=int, required=True)
    w.add_argument("--changes", type=int, required=True)
    w.add_argument("--shared", required=True)
    w.add_argument("--own", required=True)
    w.add_argument("--out", type=Path, required=True)
    w.add_argument("--blind", action="store_true", help="notes saved without the version check")
    w.add_argument("--think-ms", type=int, default=0)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--latency-trials", type=int, default=15)
    parser.add_argument(
        "--think-ms", type=int, default=0, help="a user's pause between reading and saving"
    )
    parser.add_argument(
        "--peer-changes",
        type=int,
        default=0,
        help="also run the peer (notes saved without the version check) with this many changes",
    )
    args = parser.parse_args(argv)

    if args.command == "writer":
        report = writer(
            args.db,
            args.writer,
            args.changes,
            [int(x) for x in args.shared.split(",")],
            [int(x) for x in args.own.split(",")],
            args.blind,
            args.think_ms / 1000,
        )
        args.out.write_text(json.dumps(report))
        return 0

    with tempfile.TemporaryDirectory(prefix="rg-concurrency-") as tmp:
        work = Path(tmp)
        if not args.no_sqlite:
            bench("SQLite", str(work / "bench.sqlite"), args, work)
            if args.peer_changes:
                bench("SQLite", str(work / "peer.sqlite"), args, work, blind=True)
        if not args.no_pg:
            url, schema = _pg_schema_url(args.pg)
            try:
                bench("PostgreSQL", url, args, work)
            finally:
                _drop_schema(args.pg, schema)
            if args.peer_changes:
                url, schema = _pg_schema_url(args.pg)
                try:
                    bench("PostgreSQL", url, args, work, blind=True)
                finally:
                    _drop_schema(args.pg, schema)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
