"""Where the database is, how to connect to it, and how its schema is kept current.

SQLite connections get foreign keys, WAL, a busy timeout and FULL synchronous; every write
transaction starts with ``BEGIN IMMEDIATE`` so two writers queue instead of failing half-way.
The schema changes only through Alembic; an older database is backed up, then upgraded.
"""

from __future__ import annotations

import getpass
import os
import re
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from models.errors import DatabaseError, NotFoundError, ReadOnlyError, UserError
from models.messages import Message

if TYPE_CHECKING:
    # Alembic is imported only where a schema is upgraded: it costs half a second at start.
    from alembic.config import Config
    from alembic.script import ScriptDirectory

ENV_VAR = "RAILGRAIN_DB"
#: Milliseconds a SQLite writer waits for another before giving up with "database is busy".
BUSY_TIMEOUT_MS = 10_000
#: The PostgreSQL channel every committed transaction notifies, per schema (see _notify_commit).
CHANGES_CHANNEL_SQL = "left('railgrain:' || coalesce(current_schema(), ''), 63)"
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
        try:
            url = make_url(value)
        except (sa_exc.ArgumentError, ValueError) as error:
            raise UserError(Message("db.bad_url", url=hide_secrets(value))) from error
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))


def display_name(url: URL) -> str:
    """The URL or file as shown to a user: the password never appears."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    # libpq also takes a password in the query (?password=…): hide that one too.
    return hide_secrets(url.render_as_string(hide_password=True))


def hide_secrets(text_: str) -> str:
    """``text_`` with any URL password (``user:pw@`` or ``password=pw``) replaced by ***."""
    text_ = re.sub(r"(://[^/@:\s]*:)[^@\s]*@", r"\1***@", text_)
    return re.sub(r"(password=)[^&\s]*", r"\1***", text_, flags=re.IGNORECASE)


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


def _pg_session_settings(dbapi_connection: object, _record: object) -> None:
    # PostgreSQL waits for a row lock forever by default: give up like SQLite's busy timeout.
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()
    dbapi_connection.commit()  # type: ignore[attr-defined]


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
        #: This open database's mark on the change notices it sends (PostgreSQL), so its own
        #: window can tell them from other users' changes.
        self.instance_id = uuid.uuid4().hex
        self.engine: Engine = self._make_engine(echo)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(railgrain_write=True), expire_on_commit=False
        )
        self._user: str | None = None

    def _make_engine(self, echo: bool) -> Engine:
        if not self.is_sqlite:
            engine = create_engine(self.url, echo=echo, pool_pre_ping=True)
            event.listen(engine, "connect", _pg_session_settings)
            event.listen(engine, "commit", self._notify_commit)
            return engine
        url = self.url
        if self.readonly:
            # mode=ro: a check or a read-only view never creates or changes the file.
            file = Path(url.database or "")
            mode = "mode=ro"
            if not file.with_name(file.name + "-shm").exists() and not os.access(
                file.parent, os.W_OK
            ):
                # A WAL file in a folder we may not write: SQLite cannot make its -shm, and
                # nobody can be writing there without one, so the file is read as immutable.
                mode = "immutable=1"
            path = file.as_uri()
            url = URL.create("sqlite", database=f"{path}?{mode}", query={"uri": "true"})
        engine = create_engine(url, echo=echo)
        readonly = self.readonly
        event.listen(engine, "connect", lambda conn, _rec: _sqlite_pragmas(conn, readonly))
        event.listen(engine, "begin", _begin)
        return engine

    def _notify_commit(self, conn: Connection) -> None:
        # Inside the committing transaction: listeners hear of it only if it commits, and
        # every writer (window, command line, import) tells every open window.
        cursor = conn.connection.cursor()
        try:
            cursor.execute(f"SELECT pg_notify({CHANGES_CHANNEL_SQL}, %s)", (self.instance_id,))
        finally:
            cursor.close()

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
        # translate_errors outermost: the flush and COMMIT at the block's end fail there too.
        with translate_errors(), self._writer.begin() as session:
            yield session

    def schema_state(self) -> SchemaState:
        """The schema's revision in the database and the newest this code knows."""
        with self.engine.connect() as conn:
            current = None
            if inspect(conn).has_table("alembic_version"):
                row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
                current = str(row[0]) if row is not None else None
            conn.rollback()
        return SchemaState(current=current, head=_revisions()[1])

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=\n]*=\s*(.+?)\s*$", re.MULTILINE)


def _revisions() -> tuple[set[str], str]:
    """Every revision this code knows, and the head (the one no other revision follows).

    Read from the revision files' text (``revision = "…"``, ``down_revision = "…"``), not
    through Alembic, which costs half a second to import: every command asks this at start.
    Falls back to Alembic's own reading when a file says something else (a merge, a tuple).
    """
    known: set[str] = set()
    parents: set[str] = set()
    for path in sorted((_MIGRATIONS / "versions").glob("[!_]*.py")):
        found = dict(m.groups() for m in _REVISION_LINE.finditer(path.read_text("utf-8")))
        revision, parent = found.get("revision", ""), found.get("down_revision", "None")
        if not re.fullmatch(r"[\"'][\w-]+[\"']", revision) or not re.fullmatch(
            r"None|[\"'][\w-]+[\"']", parent
        ):
            script = _script()
            return {r.revision for r in script.walk_revisions()}, script.get_current_head() or ""
        known.add(revision[1:-1])
        if parent != "None":
            parents.add(parent[1:-1])
    heads = known - parents
    if len(heads) != 1:
        script = _script()
        return {r.revision for r in script.walk_revisions()}, script.get_current_head() or ""
    return known, heads.pop()


def known_revisions() -> set[str]:
    """Every schema revision this version of Railgrain knows."""
    return _revisions()[0]


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn the driver's environment errors into DatabaseError; anything else stays a bug."""
    try:
        yield
    except sa_exc.OperationalError as error:
        text_ = str(error.orig).lower()
        if "readonly" in text_ or "read-only" in text_:
            raise ReadOnlyError(Message("db.read_only")) from error
        raise DatabaseError(_operational_message(error)) from error
    except sa_exc.DatabaseError as error:
        text_ = str(error.orig).lower()
        if "file is not a database" in text_ or "malformed" in text_:
            raise DatabaseError(Message("db.damaged", reason=str(error.orig))) from error
        if "permission denied" in text_ or "insufficient privilege" in text_:
            raise ReadOnlyError(Message("db.role_read_only")) from error
        raise


def _operational_message(error: sa_exc.OperationalError) -> Message:
    text_ = str(error.orig).lower()
    if "locked" in text_ or "busy" in text_ or "lock timeout" in text_:
        return Message("db.busy", seconds=BUSY_TIMEOUT_MS // 1000)
    if "readonly" in text_ or "read-only" in text_:
        return Message("db.read_only")
    if "disk is full" in text_ or "no space" in text_:
        return Message("db.disk_full")
    if "unable to open" in text_:
        return Message("db.cannot_open")
    if "file is not a database" in text_:
        return Message("db.not_railgrain_file")
    reason = str(error.orig).strip().splitlines()[0]
    if "connection" in text_ or "could not connect" in text_:
        return Message("db.no_server", reason=reason)
    return Message("db.error", reason=reason)


def backup_sqlite(source: Path, dest: Path) -> None:
    """Copy a live SQLite database consistently through SQLite's backup API.

    The copy is written under a hidden name and renamed when complete, so a process killed
    half-way never leaves a torn file under ``dest``'s name.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dst.close()
        with partial.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, dest)
    finally:
        src.close()
        partial.unlink(missing_ok=True)


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
                raise NotFoundError(Message("db.missing", path=path))
            path.parent.mkdir(parents=True, exist_ok=True)
        elif path.is_file() and not _looks_like_sqlite(path):
            raise DatabaseError(Message("db.not_sqlite", path=path))
        elif path.is_file():
            # Before any connection of ours switches the file to WAL: refuse it untouched.
            _refuse_foreign_sqlite(path)
    database = Database(url, readonly=readonly)
    try:
        _bring_schema_up_to_date(database)
    except BaseException:
        database.dispose()
        raise
    return database


def _refuse_foreign_sqlite(path: Path) -> None:
    """Refuse a SQLite file of another program or a newer Railgrain without writing to it."""
    try:
        # Read-write but query-only: unlike a read-only connection, it removes the -wal and
        # -shm files a look at a WAL file creates. A file we may not write is read read-only.
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        conn = sqlite3.connect(f"{path.as_uri()}?mode={'rw' if writable else 'ro'}", uri=True)
        try:
            conn.execute("PRAGMA query_only = 1")
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            row = None
            if "alembic_version" in names:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return  # damaged or unreadable: the engine's own open says so, in its words
    if names and "alembic_version" not in names:
        raise DatabaseError(Message("db.not_railgrain", path=path))
    if row is not None and row[0] not in known_revisions():
        raise DatabaseError(Message("db.newer", path=path, revision=row[0]))


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
            raise DatabaseError(Message("db.not_railgrain", path=database.name))
        if state.current is not None and state.current not in known_revisions():
            raise DatabaseError(Message("db.newer", path=database.name, revision=state.current))
        if database.readonly:
            raise DatabaseError(Message("db.needs_upgrade", path=database.name))
        if state.current is not None and database.is_sqlite:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            path = Path(database.url.database or "")
            backup = path.with_name(f"{path.stem}.before-{state.head}-{stamp}{path.suffix}")
            backup_sqlite(path, backup)
        new = state.current is None
        from alembic import command

        with database.engine.execution_options(railgrain_write=True).begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
            if new:
                from models.services.reference import seed_reference_data

                seed_reference_data(conn)


def run_alembic(database: Database, revision: str, *, downgrade: bool = False) -> None:
    """Move the schema to ``revision`` in one transaction (for tests and maintenance)."""
    from alembic import command

    with database.engine.execution_options(railgrain_write=True).begin() as conn:
        if downgrade:
            command.downgrade(_alembic_config(conn), revision)
        else:
            command.upgrade(_alembic_config(conn), revision)
