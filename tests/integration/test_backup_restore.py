"""Backups while others write, restores that check first and keep the old file, and the daily
automatic backup: real files, real subprocesses, real PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import pty
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from models.db import resolve_url
from models.errors import DatabaseError, UserError
from models.progress import Cancelled, CancelToken
from models.services import backup as backups
from models.services import restore as restores
from tests.integration.cli import ROOT, cli_env, run_cli

DEMO_SHIPMENTS = 1500


def _cli(home: Path, *args: object, stdin: str | None = "") -> subprocess.CompletedProcess[str]:
    return run_cli(*args, home=home, stdin=stdin)


def content(path: Path) -> str:
    """A hash of every row of every table (and the schema revision): equal data, equal hash."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            # Sorted in Python: some tables are WITHOUT ROWID.
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
        return digest.hexdigest()
    finally:
        conn.close()


def _plain_failure(done: subprocess.CompletedProcess[str], text: str) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "internal error" not in done.stderr
    assert text in done.stderr.strip().splitlines()[-1], done.stderr


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("restore-demo")
    path = folder / "demo.sqlite"
    done = _cli(folder / "home", "demo", "--shipments", DEMO_SHIPMENTS, "--db", path)
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "office" / "railgrain.sqlite"
    path.parent.mkdir()
    shutil.copyfile(demo_template, path)
    return path


def _files(folder: Path) -> list[str]:
    """The files in ``folder``, without the -wal and -shm a read-only look leaves behind."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def _change_something(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE shipments SET notes = 'changed after the backup' WHERE id <= 10")
            conn.execute("DELETE FROM shipment_units WHERE shipment_id = 11")
    finally:
        conn.close()  # the last connection closing folds the WAL back into the file


# --- backup while another process writes ----------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from sqlalchemy import text
    from models.db import open_database
    db = open_database(sys.argv[1], create=False)
    stop = Path(sys.argv[2])
    print("ready", flush=True)
    n = 0
    while not stop.exists():
        n += 1
        # One transaction: every shipment gets the same note, so a torn copy shows two.
        with db.write() as s:
            s.execute(text("UPDATE shipments SET notes = :n"), {"n": f"pass {n}"})
            s.execute(text(
                "DELETE FROM shipment_units WHERE id = (SELECT max(id) FROM shipment_units)"
            ))
    print(n, flush=True)
    """
)


def test_backup_is_one_consistent_moment_while_another_process_writes(
    demo_db: Path, tmp_path: Path
) -> None:
    with sqlite3.connect(demo_db) as conn:
        units_before = conn.execute("SELECT count(*) FROM shipment_units").fetchone()[0]
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(demo_db), str(tmp_path / "stop")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as writer:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        copies = []
        for i in range(4):
            dest = tmp_path / f"copy{i}.sqlite"
            done = _cli(tmp_path / "home", "backup", dest, "--db", demo_db)
            assert done.returncode == 0, done.stderr
            copies.append(dest)
        (tmp_path / "stop").touch()
        passes = int(writer.stdout.readline())
    assert writer.returncode == 0
    assert passes > 10  # the writer really was writing all along
    seen = set()
    for dest in copies:
        with sqlite3.connect(dest) as conn:
            notes = conn.execute("SELECT DISTINCT notes FROM shipments").fetchall()
            assert len(notes) == 1, f"{dest.name} mixes two moments: {notes[:3]}"
            units = conn.execute("SELECT count(*) FROM shipment_units").fetchone()[0]
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done_pass = int(str(notes[0][0]).split()[1])
        seen.add(done_pass)
        # Each pass also deletes one unit: the units in the copy are of the same moment.
        assert units == units_before - done_pass
    assert len(seen) >= 2  # the copies were taken at different moments of the writing


def test_a_cancelled_backup_leaves_no_file(demo_db: Path, tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    dest = tmp_path / "cancelled.sqlite"
    with pytest.raises(Cancelled):
        backups.backup(resolve_url(str(demo_db)), dest, cancel=token)
    assert list(tmp_path.glob("*cancelled*")) == []


def test_backup_reports_progress_in_pages(demo_db: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    backups.backup(
        resolve_url(str(demo_db)),
        tmp_path / "copy.sqlite",
        progress=lambda done, total, note="": seen.append((done, total)),
    )
    assert seen and seen[-1][0] == seen[-1][1] > 0


# --- restore ----------------------------------------------------------------------------------


def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(
    demo_db: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "saved.sqlite"
    assert _cli(tmp_path / "home", "backup", dest, "--db", demo_db).returncode == 0
    _change_something(demo_db)
    changed = content(demo_db)
    done = _cli(tmp_path / "home", "restore", dest, "--db", demo_db, "--yes")
    assert done.returncode == 0, done.stderr
    assert content(demo_db) == content(dest)
    kept = list(demo_db.parent.glob("railgrain.before-restore-*.sqlite"))
    assert len(kept) == 1
    assert f"kept as {kept[0]}" in done.stdout
    assert content(kept[0]) == changed
    assert sorted(p.name for p in demo_db.parent.iterdir() if p.name.startswith(".")) == []
    assert _cli(tmp_path / "home", "check", "--db", demo_db).returncode == 0


def test_restore_into_a_new_file_creates_it(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "fresh.sqlite"
    done = _cli(tmp_path / "home", "restore", demo_db, "--db", target, "--yes")
    assert done.returncode == 0, done.stderr
    assert content(target) == content(demo_db)
    assert "kept" not in done.stdout


def test_restore_without_yes_and_no_terminal_is_refused(demo_db: Path, tmp_path: Path) -> None:
    dest = tmp_path / "saved.sqlite"
    assert _cli(tmp_path / "home", "backup", dest, "--db", demo_db).returncode == 0
    _change_something(demo_db)
    before = content(demo_db)
    done = _cli(tmp_path / "home", "restore", dest, "--db", demo_db, stdin="y\n")
    _plain_failure(done, "add --yes to confirm")
    assert content(demo_db) == before
    assert _files(demo_db.parent) == ["railgrain.sqlite"]


def _restore_at_a_terminal(home: Path, backup: Path, db: Path, answer: bytes) -> tuple[int, str]:
    """Run restore with its stdin on a pseudo-terminal and type ``answer``."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "main.py", "restore", str(backup), "--db", str(db)],
            cwd=ROOT,
            env=cli_env(home),
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        os.write(leader, answer)
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(leader)
        os.close(follower)
    return proc.returncode, (out + err).decode()


def test_restore_at_a_terminal_asks_and_no_changes_nothing(demo_db: Path, tmp_path: Path) -> None:
    dest = tmp_path / "saved.sqlite"
    assert _cli(tmp_path / "home", "backup", dest, "--db", demo_db).returncode == 0
    _change_something(demo_db)
    before = content(demo_db)
    code, output = _restore_at_a_terminal(tmp_path / "home", dest, demo_db, b"n\n")
    assert code == 1
    assert "Replace" in output and "Nothing was changed." in output
    assert content(demo_db) == before
    code, output = _restore_at_a_terminal(tmp_path / "home", dest, demo_db, b"y\n")
    assert code == 0, output
    assert content(demo_db) == content(dest)


def _damaged(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    for page in (pages // 3, pages // 2, 2 * pages // 3):
        data[page * page_size : page * page_size + 64] = bytes(range(64))
    target.write_bytes(bytes(data))
    return target


def _newer(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    return target


def _foreign(_source: Path, target: Path) -> Path:
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    return target


def _text(_source: Path, target: Path) -> Path:
    target.write_text("waybill,net_tonnes\n")
    return target


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_damaged, "is damaged"),
        (_newer, "newer Railgrain"),
        (_foreign, "not a Railgrain database"),
        (_text, "not a Railgrain database (not a SQLite file)"),
        (lambda _s, t: t, "no database at"),
    ],
    ids=["damaged", "newer", "foreign", "text", "missing"],
)
def test_restore_of_a_bad_backup_is_refused_and_changes_nothing(
    demo_db: Path, tmp_path: Path, make, message: str
) -> None:
    bad = make(demo_db, tmp_path / "bad.sqlite")
    before = content(demo_db)
    done = _cli(tmp_path / "home", "restore", bad, "--db", demo_db, "--yes")
    _plain_failure(done, message)
    assert content(demo_db) == before
    assert _files(demo_db.parent) == ["railgrain.sqlite"]


def test_restore_never_replaces_a_file_of_another_program(demo_db: Path, tmp_path: Path) -> None:
    other = _foreign(demo_db, tmp_path / "recipes.sqlite")
    before = other.read_bytes()
    done = _cli(tmp_path / "home", "restore", demo_db, "--db", other, "--yes")
    _plain_failure(done, "is not a Railgrain database; it is not replaced")
    assert other.read_bytes() == before


def test_restore_over_a_damaged_database_keeps_the_damaged_file(
    demo_db: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.sqlite"
    shutil.copyfile(demo_db, good)
    _damaged(good, demo_db)
    damaged_bytes = demo_db.read_bytes()
    done = _cli(tmp_path / "home", "restore", good, "--db", demo_db, "--yes")
    assert done.returncode == 0, done.stderr
    assert content(demo_db) == content(good)
    kept = list(demo_db.parent.glob("railgrain.before-restore-*.sqlite"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    assert _cli(tmp_path / "home", "check", "--db", demo_db).returncode == 0


def test_restore_while_another_connection_reads_is_seen_whole(
    demo_db: Path, tmp_path: Path
) -> None:
    """An open reader keeps its snapshot, then sees the restored data (no mix, no error)."""
    dest = tmp_path / "saved.sqlite"
    backups.backup(resolve_url(str(demo_db)), dest)
    _change_something(demo_db)
    reader = sqlite3.connect(demo_db, isolation_level=None)
    try:
        reader.execute("BEGIN")
        assert (
            reader.execute("SELECT count(*) FROM shipments WHERE notes LIKE 'changed%'").fetchone()[
                0
            ]
            == 10
        )
        restores.restore(dest, resolve_url(str(demo_db)))
        # Still inside its transaction: the old snapshot.
        assert (
            reader.execute("SELECT count(*) FROM shipments WHERE notes LIKE 'changed%'").fetchone()[
                0
            ]
            == 10
        )
        reader.execute("COMMIT")
        assert (
            reader.execute("SELECT count(*) FROM shipments WHERE notes LIKE 'changed%'").fetchone()[
                0
            ]
            == 0
        )
    finally:
        reader.close()
    assert content(demo_db) == content(dest)


def test_restore_while_another_process_writes_waits_or_says_busy(
    demo_db: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "saved.sqlite"
    backups.backup(resolve_url(str(demo_db)), dest)
    _change_something(demo_db)
    before = content(demo_db)
    writer = sqlite3.connect(demo_db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        prepared = restores.prepare(dest, resolve_url(str(demo_db)))
        started = time.monotonic()
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(restores, "BUSY_TIMEOUT_MS", 300)
            with pytest.raises(DatabaseError, match="busy"):
                restores.finish(prepared)
        assert time.monotonic() - started < 30
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert content(demo_db) == before


def test_restore_into_postgres_explains_what_to_use(tmp_path: Path, demo_db: Path) -> None:
    done = _cli(
        tmp_path / "home",
        "restore",
        demo_db,
        "--db",
        "postgresql+psycopg://clerk:hunter22@localhost/railgrain",
        "--yes",
    )
    _plain_failure(done, "pg_restore")
    assert "hunter22" not in done.stdout + done.stderr


# --- PostgreSQL backup --------------------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_backup_holds_every_shipment(pg_url: str, tmp_path: Path) -> None:
    from models.db import open_database
    from models.services.demo import create_demo

    database = open_database(pg_url)
    try:
        create_demo(database, shipments=50)
    finally:
        database.dispose()
    dest = tmp_path / "office.dump"
    done = _cli(tmp_path / "home", "backup", dest, "--db", pg_url)
    assert done.returncode == 0, done.stderr
    listing = subprocess.run(
        ["pg_restore", "--data-only", "--table=shipments", "--file=-", str(dest)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    copy_block = listing.split("COPY ", 1)[1].split("\\.", 1)[0]
    assert len(copy_block.strip().splitlines()) - 1 == 50
    schema = make_url(pg_url).query["options"].split("=", 1)[1]
    assert schema in done.stdout


# --- automatic daily backups --------------------------------------------------------------------


def test_auto_backup_runs_once_a_day_and_keeps_the_newest(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "auto"
    url = resolve_url(str(demo_db))
    day = date(2026, 1, 1)
    made = []
    for n in range(10):
        result = backups.auto_backup(url, folder=folder, keep=7, today=day + timedelta(days=n))
        assert result is not None
        made.append(result.dest)
        assert (
            backups.auto_backup(url, folder=folder, keep=7, today=day + timedelta(days=n)) is None
        )
    where = backups.auto_backup_folder(demo_db, folder)
    (where / "notes.txt").write_text("mine")  # a file of the user's own: never pruned
    backups.auto_backup(url, folder=folder, keep=3, today=day + timedelta(days=20))
    names = sorted(p.name for p in where.iterdir())
    assert names == [
        "notes.txt",
        "railgrain-2026-01-09.sqlite",
        "railgrain-2026-01-10.sqlite",
        "railgrain-2026-01-21.sqlite",
    ]
    assert content(where / "railgrain-2026-01-21.sqlite") == content(demo_db)


def test_auto_backups_of_two_databases_with_the_same_name_stay_apart(
    demo_db: Path, tmp_path: Path
) -> None:
    other = tmp_path / "elsewhere" / "railgrain.sqlite"
    other.parent.mkdir()
    shutil.copyfile(demo_db, other)
    folder = tmp_path / "auto"
    for path in (demo_db, other):
        backups.auto_backup(resolve_url(str(path)), folder=folder, keep=1)
    assert len(list(folder.iterdir())) == 2


def test_auto_backup_of_postgres_or_when_switched_off_does_nothing(
    demo_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "auto"
    pg = make_url("postgresql+psycopg://clerk@localhost/railgrain")
    assert backups.auto_backup(pg, folder=folder) is None
    assert backups.auto_backup(resolve_url(str(demo_db)), folder=folder, keep=0) is None
    assert not folder.exists()


def test_auto_backup_into_a_folder_that_cannot_be_made_is_a_plain_error(
    demo_db: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(UserError, match="cannot be created"):
        backups.auto_backup(resolve_url(str(demo_db)), folder=blocker / "auto")
