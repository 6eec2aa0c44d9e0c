"""Where the database is, how to connect to it, and how its schema is kept current.

SQLite connections get foreign keys, WAL, a busy timeout and FULL synchronous; every write
transaction starts with ``BEGIN IMMEDIATE`` so two writers queue instead of failing half-way.
The schema changes only through Alembic; an older database is backed up, then upgraded.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from models.errors import DatabaseError, NotFoundError

ENV_VAR = "RAILGRAIN_DB"
#: Milliseconds a SQLite writer waits for another before giving up with "database is busy".
BUSY_TIMEOUT_MS = 10_000
_MIGRATIONS = Path(__file__).with_name("migrations")


def default_path() -> Path:
    """The database file used when neither ``--db`` nor ``RAILGRAIN_DB`` names one."""
    return Path(platformdirs.user_data_dir("Railgrain", appauthor=False)) / "railgrain.sqlite"


def resolve_url(db: str | None = None) -> URL:
    """Turn ``--db``, ``RAILGRAIN_DB`` or the default location into a SQLAlchemy URL.

    Args:
        db: A file path or a database URL; ``None`` falls back to the environment, then the
            user data directory.

    Returns:
        The URL; a plain path becomes an absolute ``sqlite:///`` URL.
    """
    value = db or os.environ.get(ENV_VAR) or str(default_path())
    if "://" in value:
        url = make_url(value)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))


def display_name(url: URL) -> str:
    """The URL or file as shown to a user: the password never appears."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, readonly: bool) -> None:
    # We issue BEGIN ourselves (see _begin), which also makes Alembic's DDL transactional.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not readonly:
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed transaction survives a power cut, also in WAL mode.
        cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _begin(conn: Connection) -> None:
    write = conn.get_execution_options().get("railgrain_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@dataclass(frozen=True)
class SchemaState:
    """Where a database's schema stands against this version of Railgrain."""

    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        """True when the schema is at this version's newest revision."""
        return self.current == self.head


class Database:
    """An open Railgrain database: the engine, session factories and the acting user."""

    def __init__(self, url: URL, *, readonly: bool = False, echo: bool = False) -> None:
        self.url = url
        self.readonly = readonly
        self.is_sqlite = url.get_backend_name() == "sqlite"
        self.engine: Engine = self._make_engine(echo)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(railgrain_write=True), expire_on_commit=False
        )
        self._user: str | None = None

    def _make_engine(self, echo: bool) -> Engine:
        if not self.is_sqlite:
            return create_engine(self.url, echo=echo, pool_pre_ping=True)
        url = self.url
        if self.readonly:
            # mode=ro: a check or a read-only view never creates or changes the file.
            path = Path(url.database or "").as_uri()
            url = URL.create("sqlite", database=f"{path}?mode=ro", query={"uri": "true"})
        engine = create_engine(url, echo=echo)
        readonly = self.readonly
        event.listen(engine, "connect", lambda conn, _rec: _sqlite_pragmas(conn, readonly))
        event.listen(engine, "begin", _begin)
        return engine

    @property
    def name(self) -> str:
        """What to show the user for this database (no password)."""
        return display_name(self.url)

    @property
    def user(self) -> str:
        """Who the audit trail names: the database role on PostgreSQL, else the OS user."""
        if self._user is None:
            if self.is_sqlite:
                self._user = getpass.getuser()
            else:
                with self.engine.connect() as conn:
                    self._user = str(conn.execute(text("SELECT current_user")).scalar_one())
        return self._user

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short session for queries; rolled back at the end."""
        with self._reader() as session, translate_errors():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction (``BEGIN IMMEDIATE`` on SQLite): committed at the end or rolled back."""
        with self._writer.begin() as session, translate_errors():
            yield session

    def schema_state(self) -> SchemaState:
        """The schema's revision in the database and the newest this code knows."""
        with self.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            conn.rollback()
        return SchemaState(current=current, head=_script().get_current_head() or "")

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_alembic_config())


def known_revisions() -> set[str]:
    """Every schema revision this version of Railgrain knows."""
    return {rev.revision for rev in _script().walk_revisions()}


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn the driver's environment errors into DatabaseError; anything else stays a bug."""
    try:
        yield
    except sa_exc.OperationalError as error:
        raise DatabaseError(_operational_message(error)) from error
    except sa_exc.DatabaseError as error:
        text_ = str(error.orig).lower()
        if "file is not a database" in text_ or "malformed" in text_:
            message = f"the database file is damaged or not a database: {error.orig}"
            raise DatabaseError(message) from error
        if "permission denied" in text_ or "insufficient privilege" in text_:
            raise DatabaseError("you may not change data in this database") from error
        raise


def _operational_message(error: sa_exc.OperationalError) -> str:
    text_ = str(error.orig).lower()
    if "locked" in text_ or "busy" in text_:
        return (
            f"the database is busy: another user or window kept it locked for more than "
            f"{BUSY_TIMEOUT_MS // 1000} s; try again"
        )
    if "readonly" in text_ or "read-only" in text_:
        return "the database is read-only: you may not change data in it"
    if "disk is full" in text_ or "no space" in text_:
        return "the disk is full: nothing was saved"
    if "unable to open" in text_:
        return "the database file cannot be opened (check the path and its permissions)"
    if "file is not a database" in text_:
        return "this file is not a Railgrain database"
    if "connection" in text_ or "could not connect" in text_:
        return f"cannot connect to the database server: {str(error.orig).strip().splitlines()[0]}"
    return f"database error: {str(error.orig).strip().splitlines()[0]}"


def backup_sqlite(source: Path, dest: Path) -> None:
    """Copy a live SQLite database consistently through SQLite's backup API."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def open_database(
    db: str | None = None, *, create: bool = True, readonly: bool = False
) -> Database:
    """Open (and if asked, create) a Railgrain database at the current schema revision.

    A new database is created at the newest revision with the reference stations and goods.
    An older one is backed up next to itself, then upgraded.

    Args:
        db: A path or URL (see :func:`resolve_url`).
        create: Create the file when it does not exist; otherwise that is an error.
        readonly: Open without ever writing (no create, no upgrade).

    Raises:
        NotFoundError: The SQLite file does not exist and ``create`` is false.
        DatabaseError: Not a Railgrain database, from a newer Railgrain, or unreachable.
    """
    url = resolve_url(db)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if not path.exists():
            if not create or readonly:
                raise NotFoundError(f"no database at {path}")
            path.parent.mkdir(parents=True, exist_ok=True)
        elif path.is_file() and not _looks_like_sqlite(path):
            raise DatabaseError(f"{path} is not a Railgrain database (not a SQLite file)")
    database = Database(url, readonly=readonly)
    try:
        _bring_schema_up_to_date(database)
    except BaseException:
        database.dispose()
        raise
    return database


def _looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as f:
        header = f.read(16)
    return header == b"SQLite format 3\x00" or header == b""


def _bring_schema_up_to_date(database: Database) -> None:
    with translate_errors():
        state = database.schema_state()
        if state.up_to_date:
            return
        with database.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            conn.rollback()
        if state.current is None and tables - {"alembic_version"}:
            raise DatabaseError(f"{database.name} is not a Railgrain database")
        if state.current is not None and state.current not in known_revisions():
            raise DatabaseError(
                f"{database.name} was written by a newer Railgrain (schema {state.current}); "
                "update Railgrain to open it"
            )
        if database.readonly:
            raise DatabaseError(f"{database.name} needs a schema upgrade; open it writable first")
        if state.current is not None and database.is_sqlite:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            path = Path(database.url.database or "")
            backup = path.with_name(f"{path.stem}.before-{state.head}-{stamp}{path.suffix}")
            backup_sqlite(path, backup)
        new = state.current is None
        with database.engine.execution_options(railgrain_write=True).begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            if new:
                from models.services.reference import seed_reference_data

                seed_reference_data(conn)


def run_alembic(database: Database, revision: str, *, downgrade: bool = False) -> None:
    """Move the schema to ``revision`` in one transaction (for tests and maintenance)."""
    with database.engine.execution_options(railgrain_write=True).begin() as conn:
        if downgrade:
            command.downgrade(_alembic_config(conn), revision)
        else:
            command.upgrade(_alembic_config(conn), revision)
