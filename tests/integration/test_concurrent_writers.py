"""Two processes changing the same shipments at once lose nothing; a held lock is reported.

The writers are real processes (``benchmarks/concurrency.py writer``) saving through the
services with the version they read; this test checks the outcome from the database alone.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from models import db as db_module
from models.db import Database, open_database
from models.errors import ConflictError, DatabaseError
from models.services import shipments
from models.services.demo import create_demo

ROOT = Path(__file__).resolve().parents[2]
WRITER = ROOT / "benchmarks" / "concurrency.py"
CHANGES = 200
#: What the writers put in each change's reason or note: writer number and change number.
TOKEN = re.compile(r"^w[12]c\d+$")


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def _movable_shipments(db: Database, n: int) -> list[int]:
    create_demo(db, shipments=n, seed=11)
    with db.write() as s:
        s.execute(
            sa.text(
                "UPDATE shipments SET status = 'in_transit', arrival_date = NULL, "
                "arrived_weight_kg = NULL, "
                "departure_date = COALESCE(departure_date, planned_departure, CURRENT_DATE)"
            )
        )
        return list(s.execute(sa.text("SELECT id FROM shipments ORDER BY id")).scalars())


def _run_writers(db: Database, tmp_path: Path, ids: list[int]) -> list[dict]:
    shared, own = ids[:4], [ids[4:8], ids[8:12]]
    procs = []
    for number in (1, 2):
        out = tmp_path / f"writer{number}.json"
        command = [
            sys.executable,
            str(WRITER),
            "writer",
            "--db",
            _url(db),
            "--writer",
            str(number),
            "--changes",
            str(CHANGES),
            "--shared",
            ",".join(map(str, shared)),
            "--own",
            ",".join(map(str, own[number - 1])),
            "--out",
            str(out),
        ]
        procs.append((subprocess.Popen(command, cwd=ROOT), out))
    reports = []
    try:
        for proc, out in procs:
            assert proc.wait(timeout=900) == 0
            reports.append(json.loads(out.read_text()))
    finally:
        for proc, _ in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return reports


def test_two_processes_changing_the_same_shipments_lose_nothing(db, tmp_path):
    ids = _movable_shipments(db, 12)
    reports = _run_writers(db, tmp_path, ids)
    done = [d for r in reports for d in r["done"]]
    assert len(done) == 2 * CHANGES
    assert sum(r["busy"] for r in reports) == 0  # they waited for each other instead

    trails = {i: shipments.audit_trail(db, i) for i in ids}
    reasons = [e["reason"] for trail in trails.values() for e in trail if e["reason"]]
    # every change a writer saw succeed is on the audit trail, exactly once
    assert sorted(d["token"] for d in done) == sorted(r for r in reasons if TOKEN.match(r))
    # every word appended to the notes is still there: no save overwrote another's
    for d in done:
        if d["kind"] == "notes":
            assert d["token"] in (shipments.get(db, d["id"]).notes or "").split()
    # each change changed only what it meant to, never putting back a value someone else had
    # changed meanwhile (what a save from a stale form without a version check would do)
    kinds = {d["token"]: d["kind"] for d in done}
    intended = {"notes": {"notes"}, "eta": {"eta"}, "status": {"status", "departure_date"}}
    for trail in trails.values():
        for entry in trail:
            if entry["reason"] in kinds:
                assert set(entry["changes"]) <= intended[kinds[entry["reason"]]], entry
    # each change started from the value the one before it left
    for i, trail in trails.items():
        last: dict[str, object] = {}
        for entry in trail:
            for field, (old, new) in entry["changes"].items():
                if field in last:
                    assert last[field] == old, (i, field, entry)
                last[field] = new
        final = shipments.get(db, i)
        if "status" in last:
            assert last["status"] == final.status.value
        events = [e for e in shipments.events(db, i) if TOKEN.match(e["note"] or "")]
        assert len(events) == sum(1 for d in done if d["id"] == i and d["kind"] == "status")


def test_a_stale_save_between_two_processes_is_refused_with_who(db):
    ids = _movable_shipments(db, 2)
    other = open_database(_url(db))
    try:
        mine = shipments.get(db, ids[0])
        theirs = shipments.get(other, ids[0])
        data = dataclasses.replace(theirs.as_input(), notes="theirs")
        shipments.update(other, ids[0], data, theirs.version)
        with pytest.raises(ConflictError) as caught:
            shipments.update(
                db, ids[0], dataclasses.replace(mine.as_input(), notes="mine"), mine.version
            )
        assert caught.value.who == other.user
        assert shipments.get(db, ids[0]).notes == "theirs"
    finally:
        other.dispose()


def test_sqlite_writer_blocked_too_long_says_the_database_is_busy(sqlite_db, monkeypatch):
    ids = _movable_shipments(sqlite_db, 2)
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    impatient = open_database(sqlite_db.url.database)
    holder = sqlite3.connect(sqlite_db.url.database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a long import
        sh = shipments.get(impatient, ids[0])
        started = time.monotonic()
        with pytest.raises(DatabaseError, match="busy") as caught:
            shipments.revise_eta(
                impatient, sh.id, sh.departure_date + timedelta(days=3), "rain", sh.version
            )
        assert time.monotonic() - started < 5
        assert "try again" in str(caught.value)
        holder.execute("ROLLBACK")
        assert shipments.get(impatient, ids[0]).version == sh.version  # nothing half-done
    finally:
        holder.close()
        impatient.dispose()


@pytest.mark.postgres
def test_postgres_writer_blocked_too_long_says_the_database_is_busy(pg_db, pg_url, monkeypatch):
    ids = _movable_shipments(pg_db, 2)
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    impatient = open_database(pg_url)
    holder = sa.create_engine(pg_url)
    try:
        with holder.connect() as conn:
            # another user's transaction holds the shipment's row
            conn.execute(
                sa.text("SELECT id FROM shipments WHERE id = :i FOR UPDATE"), {"i": ids[0]}
            )
            sh = shipments.get(impatient, ids[0])
            started = time.monotonic()
            with pytest.raises(DatabaseError, match="busy"):
                shipments.revise_eta(
                    impatient, sh.id, sh.departure_date + timedelta(days=3), "rain", sh.version
                )
            assert time.monotonic() - started < 5
            conn.rollback()
        assert shipments.get(impatient, ids[0]).version == sh.version
    finally:
        holder.dispose()
        impatient.dispose()
