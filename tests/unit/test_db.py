"""Opening databases: location, pragmas, write locking, schema revisions, bad files."""

import sqlite3
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from models import db as dbmod
from models.errors import DatabaseError, NotFoundError


def test_url_comes_from_argument_then_environment_then_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("RAILGRAIN_DB", str(tmp_path / "env.sqlite"))
    assert dbmod.resolve_url(str(tmp_path / "arg.sqlite")).database == str(tmp_path / "arg.sqlite")
    assert dbmod.resolve_url(None).database == str(tmp_path / "env.sqlite")
    monkeypatch.delenv("RAILGRAIN_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert dbmod.resolve_url(None).database == str(tmp_path / "data/Railgrain/railgrain.sqlite")


def test_postgres_urls_use_psycopg_and_never_show_the_password():
    url = dbmod.resolve_url("postgresql://clerk:s3cret@db.example/railgrain")
    assert url.drivername == "postgresql+psycopg"
    assert "s3cret" not in dbmod.display_name(url)
    assert "clerk" in dbmod.display_name(url)


def test_sqlite_connections_get_wal_foreign_keys_and_full_sync(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == dbmod.BUSY_TIMEOUT_MS


def test_new_database_is_at_the_newest_revision(db):
    state = db.schema_state()
    assert state.up_to_date and state.current


def test_second_writer_waits_for_the_first_instead_of_failing(sqlite_db):
    """BEGIN IMMEDIATE takes the write lock up front, so a read-then-write cannot deadlock."""
    order = []
    holding = threading.Event()

    def first():
        with sqlite_db.write() as s:
            s.execute(sa.text("UPDATE stations SET name = name"))
            holding.set()
            time.sleep(0.5)
            order.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    holding.wait()
    with sqlite_db.write() as s:
        s.execute(sa.text("SELECT count(*) FROM stations"))  # even a read waits: IMMEDIATE
        order.append("second got the lock")
    thread.join()
    assert order == ["first done", "second got the lock"]


def test_a_missing_file_is_not_created_when_creation_is_off(tmp_path):
    path = tmp_path / "nothing.sqlite"
    with pytest.raises(NotFoundError, match="no database at"):
        dbmod.open_database(str(path), create=False)
    assert not path.exists()


def test_a_text_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("shipping notes, not a database")
    with pytest.raises(DatabaseError, match="not a Railgrain database"):
        dbmod.open_database(str(path))
    assert path.read_text() == "shipping notes, not a database"


def test_a_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(DatabaseError, match="is not a Railgrain database"):
        dbmod.open_database(str(path))


def test_a_database_from_a_newer_railgrain_is_refused_untouched(sqlite_db):
    path = Path(sqlite_db.url.database)
    with sqlite_db.write() as s:
        s.execute(sa.text("UPDATE alembic_version SET version_num = 'f00dfeed'"))
    sqlite_db.dispose()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer Railgrain"):
        dbmod.open_database(str(path))
    assert path.read_bytes() == before
