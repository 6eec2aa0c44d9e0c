"""ChangeWatcher: other connections' commits are noticed, our own and rolled-back ones are not."""

from __future__ import annotations

import select
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import text

from models.db import Database, open_database
from models.services import changes
from tests.conftest import PG_URL

ROOT = Path(__file__).resolve().parents[2]


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """A second Database on the same data: another window or user."""
    second = open_database(_url(db))
    yield second
    second.dispose()


def _touch(db: Database) -> None:
    with db.write() as s:
        s.execute(text("UPDATE stations SET name = name WHERE id = 1"))


def _noticed(watcher: changes.ChangeWatcher, within: float = 2.0) -> bool:
    """Poll as the window does (on the socket if there is one) until a change or timeout."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        fd = watcher.fileno()
        if fd is not None:
            select.select([fd], [], [], 0.05)
        else:
            time.sleep(0.02)
        if watcher.poll():
            return True
    return False


def test_a_commit_by_another_connection_is_noticed_once(db, other):
    with changes.watch(db) as watcher:
        assert not watcher.poll()
        _touch(other)
        assert _noticed(watcher)
        assert not watcher.poll()  # reported once


def test_own_commits_are_not_reported(db):
    with changes.watch(db) as watcher:
        for _ in range(3):
            _touch(db)
        assert not _noticed(watcher, within=0.5)


def test_a_rolled_back_transaction_is_not_reported(db, other):
    with changes.watch(db) as watcher:
        with pytest.raises(RuntimeError), other.write() as s:
            s.execute(text("UPDATE stations SET name = 'x' WHERE id = 1"))
            raise RuntimeError("the user cancelled")
        assert not _noticed(watcher, within=0.5)


def test_others_commit_is_noticed_even_right_after_our_own(db, other):
    with changes.watch(db) as watcher:
        _touch(other)
        _touch(db)  # our commit must not swallow theirs, made just before it
        assert _noticed(watcher)


def test_a_commit_by_another_process_is_noticed(db):
    script = (
        "import sys; from sqlalchemy import text; from models.db import open_database\n"
        "db = open_database(sys.argv[1])\n"
        "with db.write() as s: s.execute(text('UPDATE stations SET name = name WHERE id = 2'))\n"
        "db.dispose()\n"
    )
    with changes.watch(db) as watcher:
        subprocess.run([sys.executable, "-c", script, _url(db)], cwd=ROOT, check=True, timeout=60)
        assert _noticed(watcher)


def test_sqlite_watcher_polls_and_postgres_watcher_waits_on_a_socket(db):
    with changes.watch(db) as watcher:
        if db.is_sqlite:
            assert watcher.fileno() is None
            assert watcher.poll_interval_ms <= 500
        else:
            assert isinstance(watcher.fileno(), int)


def test_closed_watcher_reports_nothing_and_closes_twice(db, other):
    watcher = changes.watch(db)
    watcher.close()
    _touch(other)
    assert not watcher.poll()
    watcher.close()
    _touch(db)  # the hooks on our engine are gone with it


@pytest.mark.postgres
def test_postgres_notice_arrives_on_the_socket_only_at_commit(pg_db):
    other = open_database(_url(pg_db))
    try:
        with changes.watch(pg_db) as watcher:
            fd = watcher.fileno()
            with other.write() as s:
                s.execute(text("UPDATE stations SET name = name WHERE id = 1"))
                s.flush()
                readable, _, _ = select.select([fd], [], [], 0.3)
                assert not readable  # not before the commit
            readable, _, _ = select.select([fd], [], [], 2.0)
            assert readable
            assert watcher.poll()
    finally:
        other.dispose()


@pytest.mark.postgres
def test_postgres_changes_in_another_schema_are_not_reported(pg_db):
    # Each test schema stands for another Railgrain database on the same server.
    stranger = None
    schema = f"rg_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        sa_url = sa.make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        stranger = open_database(sa_url.render_as_string(hide_password=False))
        with changes.watch(pg_db) as watcher:
            _touch(stranger)
            assert not _noticed(watcher, within=0.5)
    finally:
        if stranger is not None:
            stranger.dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_watcher_closes_cleanly_after_the_database_was_closed(db, other):
    watcher = changes.watch(db)
    db.dispose()  # the window's database closed first (a new connection pool)
    _touch(other)
    assert _noticed(watcher)
    watcher.close()


def test_own_commits_on_a_worker_thread_are_not_reported_to_a_polling_thread(db):
    """The window polls on the GUI thread while its background tasks save."""
    stop = threading.Event()

    def save_repeatedly() -> None:
        for _ in range(60):
            _touch(db)
        stop.set()

    with changes.watch(db) as watcher:
        worker = threading.Thread(target=save_repeatedly)
        worker.start()
        reported = 0
        while not stop.is_set():
            reported += watcher.poll()
        worker.join()
        reported += watcher.poll()
    assert reported == 0
