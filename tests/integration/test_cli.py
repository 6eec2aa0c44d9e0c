"""The command line in real subprocesses: demo, check and backup on SQLite files and PostgreSQL."""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from models import commands

ROOT = Path(__file__).resolve().parents[2]
DEMO_SHIPMENTS = 120
PASSWORD = "secret123"  # trust authentication ignores it; it must never be printed

Cli = Callable[..., subprocess.CompletedProcess[str]]


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "RAILGRAIN_DB"}
    # platformdirs reads these: logs and default databases land in the test's folder.
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env["HOME"] = str(home)
    return env


def _runner(home: Path) -> Cli:
    env = _environment(home)

    def run(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "main.py", *map(str, args)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    return run


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """Runs ``main.py`` with a home folder of its own."""
    return _runner(tmp_path / "home")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database made once by the CLI itself; tests work on copies."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite"
    done = _runner(folder / "home")(
        "demo", "--shipments", DEMO_SHIPMENTS, "--seed", 7, "--db", path
    )
    assert done.returncode == 0, done.stderr
    assert not path.with_name("demo.sqlite-wal").exists()  # complete on its own: copyable
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "railgrain.sqlite"
    shutil.copyfile(demo_template, path)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(report: str) -> dict[str, int]:
    """The "Rows:" section of a check report as {table: count}."""
    rows = report.split("Rows:\n", 1)[1]
    found = re.findall(r"^  (\w+)\s+([\d,]+)$", rows, flags=re.MULTILINE)
    return {table: int(count.replace(",", "")) for table, count in found}


def _assert_plain_failure(done: subprocess.CompletedProcess[str], text: str = "") -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "internal error" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("railgrain: error: ")
    assert text in last


# --- usage ----------------------------------------------------------------------------------


def test_help_lists_exactly_the_commands_that_work(cli: Cli) -> None:
    done = cli("--help")
    assert done.returncode == 0
    section = done.stdout.split("commands:", 1)[1]
    listed = re.findall(r"^    (\w+)\s+\S", section, flags=re.MULTILINE)
    assert listed == ["demo", "check", "backup", "restore", "import", "export", "report", "status"]


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["demo", "--shipments", "-1"],
        ["demo", "--shipments", "many"],
        ["backup"],
        ["check", "--no-such-option"],
        ["--demo", "check"],
    ],
)
def test_bad_usage_exits_2_with_argparse_usage(cli: Cli, args: list[str]) -> None:
    done = cli(*args)
    assert done.returncode == 2
    assert "usage:" in done.stderr
    assert "Traceback" not in done.stderr


# --- demo and check -------------------------------------------------------------------------


def test_demo_creates_a_database_that_passes_check(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "new" / "demo.sqlite"
    made = cli("demo", "--db", path, "--shipments", 40, "--seed", 3)
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""  # progress only on a terminal
    assert made.stdout.startswith(f"Created demo database {path}: 40 shipments on ")
    checked = cli("--db", path, "check")  # --db before the command works too
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert re.search(r"^Schema: revision \w+ \(up to date\)$", checked.stdout, re.MULTILINE)
    assert "Integrity: ok" in checked.stdout
    assert "Foreign keys: ok" in checked.stdout
    counts = _counts(checked.stdout)
    assert counts["shipments"] == 40
    assert counts["stations"] > 0 and counts["shipment_events"] >= 40
    assert checked.stdout.rstrip().endswith("Result: OK")
    assert checked.stderr == ""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_demo_shows_progress_when_stderr_is_a_terminal(tmp_path: Path) -> None:
    import pty

    controller, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "main.py", "demo", "--shipments", "30", "--db", tmp_path / "p.sqlite"],
            cwd=ROOT,
            env=_environment(tmp_path / "home"),
            stdout=subprocess.PIPE,
            stderr=terminal,
            text=True,
            timeout=120,
            check=False,
        )
        os.close(terminal)
        shown = b""
        with contextlib.suppress(OSError):  # EIO once everything written has been read
            while chunk := os.read(controller, 4096):
                shown += chunk
    finally:
        os.close(controller)
    assert done.returncode == 0
    assert re.search(rb"Creating demo data: +\d+ %", shown), shown
    assert done.stdout.startswith("Created demo database")


def test_demo_with_no_shipments_gives_reference_data_only(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    assert cli("demo", "--shipments", 0, "--db", path).returncode == 0
    counts = _counts(cli("check", "--db", path).stdout)
    assert counts["shipments"] == 0
    assert counts["stations"] > 0 and counts["commodities"] > 0


def test_demo_into_a_database_with_shipments_is_refused_and_changes_nothing(
    cli: Cli, demo_db: Path
) -> None:
    before = (_digest(demo_db), sorted(os.listdir(demo_db.parent)))
    done = cli("demo", "--db", demo_db, "--shipments", 10)
    _assert_plain_failure(done, f"already holds {DEMO_SHIPMENTS} shipments")
    assert (_digest(demo_db), sorted(os.listdir(demo_db.parent))) == before


def test_demo_into_a_file_that_is_not_a_database_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n")
    _assert_plain_failure(cli("demo", "--db", path, "--shipments", 5), "not a Railgrain database")
    assert path.read_text() == "not a database\n"


def test_check_on_a_missing_path_fails_and_creates_nothing(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "railgrain.sqlite"
    _assert_plain_failure(cli("check", "--db", path), f"no database at {path}")
    assert not path.parent.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"waybill,train_no\nKZ1,T1\n", "not a Railgrain database (not a SQLite file)"),
        (b"", "is empty, not a Railgrain database"),
    ],
)
def test_check_on_a_file_that_is_not_a_database_fails_plainly(
    cli: Cli, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "shipments.csv"
    path.write_bytes(content)
    _assert_plain_failure(cli("check", "--db", path), message)
    assert path.read_bytes() == content


def test_check_on_a_sqlite_file_of_another_program_fails(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    conn.close()
    _assert_plain_failure(cli("check", "--db", path), "not a Railgrain database")


def test_check_leaves_the_database_file_and_its_folder_untouched(cli: Cli, demo_db: Path) -> None:
    before = (_digest(demo_db), sorted(os.listdir(demo_db.parent)))
    assert cli("check", "--db", demo_db).returncode == 0
    assert (_digest(demo_db), sorted(os.listdir(demo_db.parent))) == before


def test_check_reports_rows_that_break_a_foreign_key(cli: Cli, demo_db: Path) -> None:
    conn = sqlite3.connect(demo_db)  # foreign keys are off in a plain sqlite3 connection
    with conn:
        conn.execute("UPDATE shipment_events SET shipment_id = 999999 WHERE id = 1")
    conn.close()
    done = cli("check", "--db", demo_db)
    _assert_plain_failure(done, "1 rows break a foreign key (shipment_events → shipments)")
    assert "Foreign keys: VIOLATED" in done.stdout


def test_check_reports_a_schema_from_a_newer_railgrain(cli: Cli, demo_db: Path) -> None:
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    _assert_plain_failure(cli("check", "--db", demo_db), "is from a newer Railgrain")


def _damage_btree_pages(data: bytes, rnd: random.Random) -> bytes:
    """Overwrite the header and cell pointers of three pages in the middle third."""
    page_size = int.from_bytes(data[16:18], "big")
    assert int.from_bytes(data[36:40], "big") == 0, "no free pages: every page is in use"
    pages = len(data) // page_size
    damaged = bytearray(data)
    for page in rnd.sample(range(pages // 3, 2 * pages // 3), 3):
        start = page * page_size
        damaged[start : start + 64] = rnd.randbytes(64)
    return bytes(damaged)


def _flip_bytes(data: bytes, rnd: random.Random) -> bytes:
    """Flip 200 random bytes anywhere in the middle third of the file."""
    damaged = bytearray(data)
    for _ in range(200):
        position = rnd.randrange(len(data) // 3, 2 * len(data) // 3)
        damaged[position] ^= rnd.randrange(1, 256)
    return bytes(damaged)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_check_on_a_damaged_copy_fails_with_a_plain_message(
    cli: Cli, tmp_path: Path, demo_template: Path, seed: int
) -> None:
    path = tmp_path / "damaged.sqlite"
    path.write_bytes(_damage_btree_pages(demo_template.read_bytes(), random.Random(seed)))
    done = cli("check", "--db", path)
    _assert_plain_failure(done, "check failed: the database is damaged")
    assert "Result: NOT OK" in done.stdout


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_check_on_randomly_flipped_bytes_never_shows_a_traceback(
    cli: Cli, tmp_path: Path, demo_template: Path, seed: int
) -> None:
    """A flipped byte inside a stored value can go unnoticed; a crash never may."""
    path = tmp_path / "flipped.sqlite"
    path.write_bytes(_flip_bytes(demo_template.read_bytes(), random.Random(seed)))
    done = cli("check", "--db", path)
    assert done.returncode in (0, 1)
    assert "Traceback" not in done.stdout + done.stderr
    assert "internal error" not in done.stderr
    if done.returncode:
        _assert_plain_failure(done)


def test_a_bug_prints_one_line_and_logs_the_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(url: object) -> int:
        raise ZeroDivisionError("a planted bug")

    monkeypatch.setattr(commands, "_check", broken)
    assert commands.check(str(tmp_path / "any.sqlite")) == 1
    err = capsys.readouterr().err
    log = commands.log_path()
    assert err == (
        "railgrain: internal error (a bug): ZeroDivisionError: a planted bug; "
        f"the details are in {log}\n"
    )
    assert str(tmp_path) in str(log)
    assert 'raise ZeroDivisionError("a planted bug")' in log.read_text(encoding="utf-8")


# --- backup ---------------------------------------------------------------------------------


def test_backup_is_a_complete_copy_that_passes_check(
    cli: Cli, demo_db: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "backups" / "copy.sqlite"
    dest.parent.mkdir()
    done = cli("backup", dest, "--db", demo_db)
    assert done.returncode == 0, done.stderr
    assert f"to {dest}: " in done.stdout and f"{DEMO_SHIPMENTS} shipments" in done.stdout
    assert sorted(os.listdir(dest.parent)) == ["copy.sqlite"]  # one file, nothing partial
    original, copy = cli("check", "--db", demo_db), cli("check", "--db", dest)
    assert copy.returncode == 0, copy.stdout + copy.stderr
    assert _counts(copy.stdout) == _counts(original.stdout)


def test_backup_while_another_process_holds_a_write_transaction(
    cli: Cli, demo_db: Path, tmp_path: Path
) -> None:
    """The copy is the last committed state: neither blocked nor torn by the open write."""
    writer = sqlite3.connect(demo_db, isolation_level=None, timeout=0.1)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO counterparties (name, role, country) "
            "VALUES ('Uncommitted', 'supplier', 'KZ')"
        )
        dest = tmp_path / "during-write.sqlite"
        done = cli("backup", dest, "--db", demo_db, timeout=60)
        assert done.returncode == 0, done.stderr
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    copy = sqlite3.connect(dest)
    try:
        names = {row[0] for row in copy.execute("SELECT name FROM counterparties")}
        assert "Uncommitted" not in names
        assert copy.execute("SELECT count(*) FROM shipments").fetchone()[0] == DEMO_SHIPMENTS
    finally:
        copy.close()


def test_backup_onto_an_existing_file_is_refused(cli: Cli, demo_db: Path, tmp_path: Path) -> None:
    dest = tmp_path / "precious.sqlite"
    dest.write_bytes(b"keep me")
    _assert_plain_failure(cli("backup", dest, "--db", demo_db), "already exists")
    assert dest.read_bytes() == b"keep me"


def test_backup_of_a_damaged_database_writes_nothing(
    cli: Cli, tmp_path: Path, demo_template: Path
) -> None:
    source = tmp_path / "damaged.sqlite"
    source.write_bytes(_damage_btree_pages(demo_template.read_bytes(), random.Random(5)))
    dest = tmp_path / "out" / "copy.sqlite"
    dest.parent.mkdir()
    _assert_plain_failure(cli("backup", dest, "--db", source), "damaged")
    assert os.listdir(dest.parent) == []


def test_backup_of_a_missing_database_fails(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite"
    _assert_plain_failure(cli("backup", tmp_path / "copy.sqlite", "--db", missing), "no database")
    assert not missing.exists() and not (tmp_path / "copy.sqlite").exists()


# --- PostgreSQL -----------------------------------------------------------------------------


@pytest.fixture
def pg_url_with_password(pg_url: str) -> str:
    """The test schema's URL with a password that trust authentication ignores."""
    return sa.make_url(pg_url).set(password=PASSWORD).render_as_string(hide_password=False)


@pytest.mark.postgres
def test_demo_and_check_on_postgres_never_show_the_password(
    cli: Cli, pg_url_with_password: str
) -> None:
    made = cli("demo", "--shipments", 50, "--db", pg_url_with_password)
    assert made.returncode == 0, made.stderr
    checked = cli("check", "--db", pg_url_with_password)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert _counts(checked.stdout)["shipments"] == 50
    assert re.search(r"^Schema: revision \w+ \(up to date\)$", checked.stdout, re.MULTILINE)
    again = cli("demo", "--shipments", 5, "--db", pg_url_with_password)
    _assert_plain_failure(again, "already holds 50 shipments")
    for done in (made, checked, again):
        assert PASSWORD not in done.stdout + done.stderr
    assert "***" in checked.stdout  # the URL is shown, masked


@pytest.mark.postgres
def test_check_on_an_empty_postgres_schema_says_it_is_not_railgrain(
    cli: Cli, pg_url_with_password: str
) -> None:
    done = cli("check", "--db", pg_url_with_password)
    _assert_plain_failure(done, "not a Railgrain database")
    assert PASSWORD not in done.stdout + done.stderr


@pytest.mark.postgres
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump (postgresql-client) missing")
def test_backup_of_postgres_uses_pg_dump(
    cli: Cli, pg_url_with_password: str, tmp_path: Path
) -> None:
    assert cli("demo", "--shipments", 20, "--db", pg_url_with_password).returncode == 0
    dest = tmp_path / "railgrain.dump"
    done = cli("backup", dest, "--db", pg_url_with_password)
    assert done.returncode == 0, done.stderr
    assert dest.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert PASSWORD not in done.stdout + done.stderr
    assert [name for name in os.listdir(tmp_path) if "partial" in name] == []
    if shutil.which("pg_restore"):
        listing = subprocess.run(
            ["pg_restore", "--list", str(dest)], capture_output=True, text=True, check=True
        ).stdout
        assert "TABLE DATA" in listing and " shipments " in listing


def test_backup_of_postgres_without_pg_dump_explains_what_to_use(tmp_path: Path) -> None:
    env = _environment(tmp_path / "home")
    env["PATH"] = str(tmp_path / "empty-path")  # no pg_dump anywhere
    url = f"postgresql+psycopg://postgres:{PASSWORD}@127.0.0.1:1/none"
    done = subprocess.run(
        [sys.executable, "main.py", "backup", str(tmp_path / "x.dump"), "--db", url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    _assert_plain_failure(done, "install pg_dump")
    assert PASSWORD not in done.stdout + done.stderr
    assert not (tmp_path / "x.dump").exists()
