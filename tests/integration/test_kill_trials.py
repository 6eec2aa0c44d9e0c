"""Kill -9 trials: a real process is killed at random moments during an import, a bulk status
change, a backup, a schema migration and a restore; the database is then exactly as before the
action or exactly as after it, never in between, and passes its integrity check.

``benchmarks/kill_trials.py`` runs the same trials in larger numbers for the figures.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACTIONS = ("import", "status", "backup", "migration", "restore")

#: Loaded before the job arrives, so a trial's time goes into the action, not into imports.
WORKER = r"""
import json, sys, time
from pathlib import Path
from models import db as dbmod
from models.db import open_database
from models.rules.status import Status
from models.services import shipments
from models.services.backup import backup
from models.services.imports.importer import import_file
from models.services.restore import restore
from sqlalchemy import text
print("ready", flush=True)
job = json.loads(sys.stdin.readline())
path, action, arg = job["db"], job["action"], job["arg"]
if action == "migration":
    dbmod._MIGRATIONS = Path(arg)
    print("go", flush=True)
    started = time.monotonic()
    open_database(path).dispose()
else:
    db = open_database(path, create=False)
    print("go", flush=True)
    started = time.monotonic()
    if action == "import":
        import_file(db, Path(arg).read_bytes())
    elif action == "status":
        with db.read() as s:
            ids = [r[0] for r in s.execute(text(
                "SELECT id FROM shipments WHERE status IN ('planned', 'loading', 'in_transit')"
            ))]
        shipments.change_status(db, ids, Status.CANCELLED, note="kill trial")
    elif action == "backup":
        backup(db.url, Path(arg))
    elif action == "restore":
        restore(Path(arg), db.url)
    db.dispose()
print("done", time.monotonic() - started, flush=True)
"""

#: A revision added on top of the real ones (in a copy of the migrations): DDL and a
#: table-wide UPDATE, so a kill can land in the middle of real schema work.
EXTRA_REVISION = '''
"""kill trial revision (test only)"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("shipments", sa.Column("kill_trial", sa.Integer(), nullable=True))
    op.execute("UPDATE shipments SET kill_trial = id * 7")
    op.create_index("ix_kill_trial_units", "shipment_units", ["number", "net_weight_kg"])
    op.execute("UPDATE shipment_units SET net_weight_kg = net_weight_kg")


def downgrade():
    pass
'''


def content(path: Path) -> str:
    """A hash of the schema and every row, timestamps left out (a rerun stamps other times)."""
    conn = sqlite3.connect(path)  # read-write: a killed writer's WAL is recovered first
    try:
        digest = hashlib.sha256()
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ):
            digest.update(f"{name}:{sql}".encode())
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        ]
        for table in tables:
            columns = [
                f'"{r[1]}"'
                for r in conn.execute(f'PRAGMA table_info("{table}")')
                if "DATETIME" not in str(r[2]).upper()
            ]
            rows = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}"')
            for row in sorted(repr(r) for r in rows):
                digest.update(row.encode())
        return digest.hexdigest()
    finally:
        conn.close()


def integrity_ok(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return ok and not conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()


@dataclass
class Fixture:
    """The prepared inputs for one action: a base database and the action's argument."""

    base: Path
    arg: str
    before: str
    after: str = ""
    seconds: float = 0.0


@dataclass
class Figures:
    """Outcomes per action: how many trials ended before, after, or partial."""

    outcomes: dict[str, Counter[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, action: str, outcome: str) -> None:
        self.outcomes.setdefault(action, Counter())[outcome] += 1

    def lines(self) -> list[str]:
        out = []
        for action, counts in self.outcomes.items():
            total = sum(counts.values())
            out.append(
                f"{action:<10} trials {total:4d}  before {counts['before']:4d}  "
                f"after {counts['after']:4d}  partial {counts['partial']:d}"
            )
        return out


class Workers:
    """Worker processes started ahead of time, each with its imports done."""

    def __init__(self, env: dict[str, str]) -> None:
        self._env = env
        self._spare: list[subprocess.Popen[str]] = []

    def _spawn(self) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", WORKER],
            cwd=ROOT,
            env=self._env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def take(self) -> subprocess.Popen[str]:
        while len(self._spare) < 2:
            self._spare.append(self._spawn())
        worker = self._spare.pop(0)
        self._spare.append(self._spawn())  # importing while this one works
        assert worker.stdout is not None
        line = worker.stdout.readline().strip()
        assert line == "ready", worker.stderr.read() if worker.stderr else line
        return worker

    def close(self) -> None:
        for worker in self._spare:
            worker.kill()
            worker.communicate()
        self._spare.clear()


def _start(workers: Workers, db: Path, action: str, arg: str) -> subprocess.Popen[str]:
    worker = workers.take()
    assert worker.stdin is not None and worker.stdout is not None
    worker.stdin.write(json.dumps({"db": str(db), "action": action, "arg": arg}) + "\n")
    worker.stdin.flush()
    line = worker.stdout.readline().strip()
    assert line == "go", (line, worker.stderr.read() if worker.stderr else "")
    return worker


def prepare(folder: Path, shipments: int = 600) -> dict[str, Fixture]:
    """A demo database, an import file for it and a migrations folder with one more revision."""
    from models import db as dbmod
    from models.db import open_database
    from models.services.demo import create_demo
    from models.services.exports import export

    folder.mkdir(parents=True, exist_ok=True)
    base = folder / "base.sqlite"
    database = open_database(str(base))
    try:
        create_demo(database, shipments=shipments, seed=5)
        exported = folder / "exported.csv"
        export(database, exported)
    finally:
        database.dispose()  # folds the WAL into the file: copies of it are complete
    # Half the rows as new waybills (inserts), the other half with new notes (updates).
    rows = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    header, body = rows[0], rows[1:]
    waybill, notes = header.index("waybill"), header.index("notes")
    for i, row in enumerate(body):
        if i % 2:
            row[notes] = f"kill trial {i}"
        else:
            row[waybill] = f"{row[waybill]}-K"
    out = io.StringIO()
    csv.writer(out).writerows([header, *body])
    import_file = folder / "import.csv"
    import_file.write_text(out.getvalue(), encoding="utf-8")

    migrations = folder / "migrations"
    shutil.copytree(dbmod._MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = dbmod._script().get_current_head()
    (migrations / "versions" / "9001_kill_trial.py").write_text(EXTRA_REVISION.format(head=head))

    # A backup of another state of the same database, for the restore trials.
    saved = folder / "saved.sqlite"
    shutil.copyfile(base, saved)
    conn = sqlite3.connect(saved)
    try:
        with conn:
            conn.execute("UPDATE shipments SET notes = 'from the backup' WHERE id % 3 = 0")
            conn.execute("DELETE FROM audit_entries")
    finally:
        conn.close()

    before = content(base)
    return {
        "import": Fixture(base, str(import_file), before),
        "status": Fixture(base, "", before),
        "backup": Fixture(base, "{trial}/copy.sqlite", before),
        "migration": Fixture(base, str(migrations), before),
        "restore": Fixture(base, str(saved), before),
    }


def _trial_db(fixture: Fixture, folder: Path) -> tuple[Path, str]:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "railgrain.sqlite"
    shutil.copyfile(fixture.base, db)
    return db, fixture.arg.replace("{trial}", str(folder))


def measure(fixtures: dict[str, Fixture], folder: Path, workers: Workers) -> None:
    """Run each action once to the end: its duration and the content it leaves."""
    for action, fixture in fixtures.items():
        db, arg = _trial_db(fixture, folder / f"full-{action}")
        worker = _start(workers, db, action, arg)
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        fixture.seconds = float(out.split()[-1])
        fixture.after = content(db)
        assert integrity_ok(db)
        if action == "backup":
            assert fixture.after == fixture.before
            assert content(Path(arg)) == fixture.before
        else:
            assert fixture.after != fixture.before, f"{action} changed nothing"


def kill_trials(
    fixtures: dict[str, Fixture],
    folder: Path,
    workers: Workers,
    trials: int,
    seed: int,
) -> Figures:
    """Kill each action ``trials`` times at random moments; classify what each kill left."""
    rnd = random.Random(seed)
    figures = Figures()
    for action, fixture in fixtures.items():
        for n in range(trials):
            trial = folder / f"{action}-{n}"
            db, arg = _trial_db(fixture, trial)
            worker = _start(workers, db, action, arg)
            # Mostly inside the action; some land after its commit.
            time.sleep(rnd.uniform(0, fixture.seconds * 1.4))
            worker.send_signal(signal.SIGKILL)
            worker.communicate(timeout=60)
            got = content(db)
            outcome = (
                "before"
                if got == fixture.before
                else "after"
                if got == fixture.after
                else "partial"
            )
            if not integrity_ok(db):
                outcome = "partial"
                figures.problems.append(f"{trial.name}: integrity check fails")
            copy = Path(arg)
            if action == "backup" and copy.exists() and not _complete(copy, fixture.before):
                figures.problems.append(f"{trial.name}: the backup file is incomplete")
            if action in ("migration", "restore"):
                for kept in trial.glob("railgrain.before-*.sqlite"):
                    if not _complete(kept, fixture.before):
                        figures.problems.append(f"{trial.name}: {kept.name} is incomplete")
            if outcome == "partial":
                figures.problems.append(f"{trial.name}: partial content")
            figures.add(action, outcome)
            shutil.rmtree(trial)
    return figures


def _complete(copy: Path, expected: str) -> bool:
    return integrity_ok(copy) and content(copy) == expected


def run(folder: Path, trials: int, seed: int, shipments: int = 600) -> Figures:
    """Prepare, measure and kill: the whole experiment (also used by the benchmark)."""
    env = {k: v for k, v in os.environ.items() if k != "RAILGRAIN_DB"}
    env["XDG_DATA_HOME"] = str(folder / "data")
    env["XDG_STATE_HOME"] = str(folder / "state")
    fixtures = prepare(folder / "prepared", shipments)
    workers = Workers(env)
    try:
        measure(fixtures, folder, workers)
        return kill_trials(fixtures, folder, workers, trials, seed)
    finally:
        workers.close()


def test_a_killed_process_leaves_the_database_as_before_or_after_never_in_between(
    tmp_path: Path,
) -> None:
    figures = run(tmp_path, trials=5, seed=20261130, shipments=250)
    print("\n".join(figures.lines()))
    assert figures.problems == []
    assert set(figures.outcomes) == set(ACTIONS)
    # The kills did land inside the actions, not only before them.
    assert sum(c["before"] for c in figures.outcomes.values()) > 0


if __name__ == "__main__":  # pragma: no cover - a quick manual run
    import tempfile

    with tempfile.TemporaryDirectory() as where:
        result = run(Path(where), trials=int(sys.argv[1]) if len(sys.argv) > 1 else 5, seed=1)
        print("\n".join(result.lines()))
        print("\n".join(result.problems) or "no problems")
