"""Faults: damaged files, files that are no Railgrain database, a newer schema, a read-only
file and a full disk. Each gives a plain message, loses nothing and changes nothing."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from models import commands
from models.db import open_database
from models.errors import DatabaseError
from models.services.demo import create_demo
from models.services.imports.importer import import_file
from tests.integration.cli import ROOT, run_cli
from tests.integration.test_kill_trials import content


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("faults") / "template.sqlite"
    db = open_database(str(path))
    try:
        create_demo(db, shipments=150, seed=9)
    finally:
        db.dispose()
    return path


@pytest.fixture
def demo_db(tmp_path: Path, template: Path) -> Path:
    path = tmp_path / "railgrain.sqlite"
    shutil.copyfile(template, path)
    return path


def _plain_failure(code: int, out: str, err: str, needle: str = "") -> None:
    assert code == 1, out + err
    assert "Traceback" not in out + err
    assert "internal error" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("railgrain: error: ") and needle in last, err


# --- check finds damage -----------------------------------------------------------------------


def _sqlite_verdict(path: Path) -> bool:
    """Whether SQLite itself flags the file (integrity_check not ok, or it cannot be read)."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        conn.text_factory = lambda data: data.decode("utf-8", "replace")
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return True
    return rows != [("ok",)]


def test_check_exits_1_for_every_copy_sqlite_flags_and_never_shows_a_traceback(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    data = template.read_bytes()
    rnd = random.Random(8)
    flagged = 0
    for n in range(60):
        damaged = bytearray(data)
        for _ in range(rnd.choice((1, 5, 50, 500))):
            position = rnd.randrange(len(damaged))
            damaged[position] ^= 1 << rnd.randrange(8)
        path = tmp_path / f"copy{n}.sqlite"
        path.write_bytes(bytes(damaged))
        sqlite_says_damaged = _sqlite_verdict(path)
        code = commands.check(str(path))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err and "internal error" not in err, (n, err)
        if sqlite_says_damaged:
            flagged += 1
            _plain_failure(code, out, err, "check failed")
        else:
            assert code in (0, 1)
        path.unlink()
        for side in tmp_path.glob(f"copy{n}.sqlite-*"):
            side.unlink()
    assert flagged >= 20  # the flips really did damage most copies


def test_check_in_a_real_process_on_a_damaged_copy(template: Path, tmp_path: Path) -> None:
    data = bytearray(template.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    middle = len(data) // page // 2 * page
    data[middle : middle + 100] = bytes(100)
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(bytes(data))
    done = run_cli("check", "--db", path, home=tmp_path)
    _plain_failure(done.returncode, done.stdout, done.stderr, "the database is damaged")


# --- opening what is not a good Railgrain database ----------------------------------------------


def _text_file(path: Path, _template: Path) -> None:
    path.write_text("waybill;net_tonnes\nA1;10\n")


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        with conn:
            for statement in statements:
                conn.execute(statement)
    finally:
        conn.close()  # folds the WAL into the file: its bytes are final


def _foreign(path: Path, _template: Path) -> None:
    _sql(path, "CREATE TABLE recipes (name TEXT)", "INSERT INTO recipes VALUES ('plov')")


def _newer(path: Path, template: Path) -> None:
    shutil.copyfile(template, path)
    _sql(path, "UPDATE alembic_version SET version_num = '9999_newer'")


def _corrupt(path: Path, template: Path) -> None:
    data = bytearray(template.read_bytes())
    data[:100] = os.urandom(100)  # the header: SQLite cannot even tell it is a database
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (_text_file, "not a Railgrain database"),
        (_foreign, "not a Railgrain database"),
        (_newer, "newer Railgrain"),
        (_corrupt, "not a Railgrain database"),
    ],
    ids=["text", "foreign", "newer", "corrupt"],
)
def test_opening_a_bad_database_says_why_and_changes_nothing(
    tmp_path: Path, template: Path, make, needle: str
) -> None:
    path = tmp_path / "odd.sqlite"
    make(path, template)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=needle):
        open_database(str(path))
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("waybill,net_tonnes\nA1,10\n")
    done = run_cli("import", csv_file, "--db", path, home=tmp_path)
    _plain_failure(done.returncode, done.stdout, done.stderr, needle)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "odd.sqlite", "state"] or (
        sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "odd.sqlite"]
    )


# --- a read-only file -------------------------------------------------------------------------

#: Imports everything first, then gives up root: root may write any file, a clerk may not.
AS_CLERK = textwrap.dedent(
    """
    import os, sys
    import main, models.commands, models.db, models.services.imports.importer
    import models.services.imports.writer, models.services.backup, models.services.restore
    import sqlalchemy.dialects.sqlite.pysqlite, encodings.idna, logging.handlers
    if os.geteuid() == 0:
        os.setgid(65534)
        os.setuid(65534)
    sys.exit(main.main(sys.argv[1:]))
    """
)


@pytest.fixture
def shared_folder(template: Path) -> Iterator[Path]:
    """A folder others may read but not write, holding a database they may not change."""
    folder = Path(tempfile.mkdtemp(prefix="railgrain-ro-"))
    try:
        shutil.copyfile(template, folder / "railgrain.sqlite")
        (folder / "railgrain.sqlite").chmod(0o444)
        folder.chmod(0o555)
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def _as_clerk(*args: object, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RAILGRAIN_DB"}
    env.update(XDG_STATE_HOME=str(home / "state"), XDG_DATA_HOME=str(home / "data"), HOME=str(home))
    return subprocess.run(
        [sys.executable, "-c", AS_CLERK, *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_read_only_database_can_be_checked_but_not_changed(shared_folder: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="railgrain-home-"))
    home.chmod(0o777)
    try:
        db = shared_folder / "railgrain.sqlite"
        before = content_readonly(db)
        csv_file = home / "in.csv"
        csv_file.write_text("waybill,net_tonnes\nA1,10\n")
        csv_file.chmod(0o644)
        checked = _as_clerk("check", "--db", db, home=home)
        assert "Integrity: ok" in checked.stdout, checked.stderr
        done = _as_clerk("import", csv_file, "--db", db, home=home)
        _plain_failure(done.returncode, done.stdout, done.stderr)
        assert "read-only" in done.stderr or "cannot be opened" in done.stderr, done.stderr
        assert content_readonly(db) == before
    finally:
        shutil.rmtree(home)


def content_readonly(path: Path) -> str:
    copy = Path(tempfile.mkdtemp()) / "copy.sqlite"
    try:
        shutil.copyfile(path, copy)
        return content(copy)
    finally:
        shutil.rmtree(copy.parent)


# --- a full disk ------------------------------------------------------------------------------


def test_a_full_disk_fails_the_import_with_a_message_and_loses_nothing(
    demo_db: Path, tmp_path: Path
) -> None:
    db = open_database(str(demo_db))
    try:
        with db.read() as s:
            pages = s.execute(text("PRAGMA page_count")).scalar_one()
            shipments = s.execute(text("SELECT count(*) FROM shipments")).scalar_one()
        # SQLite's own limit on the file's size gives a real SQLITE_FULL on every connection.
        limit = {"pages": pages + 2}

        @event.listens_for(db.engine, "connect")
        def _limit(dbapi_connection, _record) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {limit['pages']}")

        db.engine.dispose()
        lines = ["waybill,commodity,origin_station,destination_station,departure_date,net_tonnes"]
        with db.read() as s:
            commodity = s.execute(text("SELECT name FROM commodities LIMIT 1")).scalar_one()
            a, b = s.execute(text("SELECT name FROM stations LIMIT 2")).scalars()
        for n in range(3000):
            lines.append(f"FULL{n:05d},{commodity},{a},{b},2025-03-01,{60 + n % 5}")
        data = ("\n".join(lines) + "\n").encode()
        with pytest.raises(DatabaseError, match="disk is full"):
            import_file(db, data)
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM shipments")).scalar_one() == shipments
        # The app keeps running: with room again, the same import goes through.
        limit["pages"] = 1_000_000
        db.engine.dispose()
        assert import_file(db, data).inserted == 3000
    finally:
        db.dispose()
    assert content(demo_db) != ""


def test_a_backup_onto_a_full_disk_says_so_and_leaves_no_file(
    demo_db: Path, tmp_path: Path, monkeypatch
) -> None:
    from models.services import backup as backups

    real_connect = sqlite3.connect

    def connect_with_a_small_disk(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        if str(target).endswith(".partial"):
            conn.execute("PRAGMA max_page_count = 20")  # a disk with room for 80 kB
        return conn

    monkeypatch.setattr(backups.sqlite3, "connect", connect_with_a_small_disk)
    with pytest.raises(DatabaseError, match="full"):
        backups.backup(backups.URL.create("sqlite", database=str(demo_db)), tmp_path / "b.sqlite")
    assert not list(tmp_path.glob("*b.sqlite*"))
