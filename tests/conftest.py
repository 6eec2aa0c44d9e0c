"""Shared fixtures: real SQLite files, real PostgreSQL schemas, and a strict Qt platform."""

from __future__ import annotations

import os

# Before anything imports Qt: no screen needed, but a developer may still watch under Xvfb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.db import Database, open_database

PG_URL = os.environ.get("RAILGRAIN_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database built once per session; tests get copies of it (as Anki does)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(str(path)).dispose()  # dispose checkpoints the WAL into the file
    return path


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A fresh Railgrain database in its own SQLite file."""
    path = tmp_path / "railgrain.sqlite"
    shutil.copyfile(sqlite_template, path)
    db = open_database(str(path))
    yield db
    db.dispose()


def _pg_engine_or_skip() -> sa.Engine:
    engine = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as error:
        engine.dispose()
        message = f"PostgreSQL is not reachable at {PG_URL}: {error.orig}"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI provides a server: a missing one is a failure
        pytest.skip(message)
    return engine


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL schema of the test database, dropped afterwards."""
    engine = _pg_engine_or_skip()
    schema = f"rg_test_{uuid.uuid4().hex[:12]}"
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    """A fresh Railgrain database in its own PostgreSQL schema."""
    db = open_database(pg_url)
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    """The same test on a SQLite file and on PostgreSQL."""
    name = "sqlite_db" if request.param == "sqlite" else "pg_db"
    return request.getfixturevalue(name)


@pytest.fixture(autouse=True)
def _fail_on_logged_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A warning logged during a test is a failure unless the test clears it (qutebrowser)."""
    yield
    noisy = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    if noisy:
        pytest.fail("unexpected logged warnings: " + "; ".join(r.getMessage() for r in noisy))
