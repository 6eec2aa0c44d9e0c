"""Checking a database without changing it: integrity, foreign keys, schema, row counts.

The database is opened as found: never created, upgraded or written to. The findings come back
as a report (lines to show and the problems found) for the CLI or the window to present.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, func, inspect, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL

from models.db import Database, SchemaState, display_name, known_revisions
from models.entities import Base
from models.errors import DatabaseError, NotFoundError
from models.messages import Message

#: How a check's problem list starts when the file itself is damaged.
_DAMAGED = "the database is damaged"
#: How many integrity_check messages a damaged database shows before "… and N more".
_MAX_DAMAGE_LINES = 10


@dataclass
class CheckReport:
    """What a check found: lines to show in order, and the problems (empty when all is well)."""

    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    def say(self, line: str) -> None:
        """Add a line to the report."""
        self.lines.append(line)


def check(url: URL) -> CheckReport:
    """Check the database at ``url`` without changing it.

    Raises:
        NotFoundError: No file at that path.
        DatabaseError: The path is not a SQLite file at all.
    """
    report = CheckReport()
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        require_sqlite_file(path)
        size = human_size(path.stat().st_size)
        report.say(f"Database: {path} (SQLite {sqlite3.sqlite_version}, {size})")
    else:
        report.say(f"Database: {display_name(url)}")
    problems = report.problems
    with readonly(url) as database:
        with (
            _driver_errors(report, "the database cannot be read") as step,
            database.engine.connect() as conn,
        ):
            if database.is_sqlite:
                _check_sqlite_structure(conn, report)
            else:
                _check_postgres_constraints(conn, report)
            conn.rollback()
        damaged = any(p.startswith(_DAMAGED) for p in problems)
        if not step.failed and not damaged:
            with _driver_errors(report, "the schema cannot be read"):
                _check_schema_and_counts(database, report)
    return report


@contextmanager
def readonly(url: URL) -> Iterator[Database]:
    """The database opened read-only, as found: never created, upgraded or written to."""
    database = Database(url, readonly=True)
    path = Path(url.database or "") if database.is_sqlite else None
    wal = path.with_name(path.name + "-wal") if path else None
    shm = path.with_name(path.name + "-shm") if path else None
    had_side_files = bool(wal and shm and (wal.exists() or shm.exists()))
    try:
        yield database
    finally:
        database.dispose()
        if path and wal and not had_side_files:
            _tidy_wal(path, wal)


def _tidy_wal(path: Path, wal: Path) -> None:
    """Remove the empty -wal and -shm files a read-only look at a WAL database leaves behind.

    A read-only connection may create them but cannot remove them. A read-write connection
    that only reads removes them on close, and only if no other connection still uses them:
    SQLite decides that under its own lock, so this never disturbs another process.
    """
    if not wal.exists() or wal.stat().st_size:
        return  # none left behind, or someone has written meanwhile: the files are theirs
    # ValueError: a damaged file can make even SQLite's error message undecodable.
    with suppress(sqlite3.Error, OSError, ValueError):
        conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True)
        try:
            conn.execute("PRAGMA query_only = 1")
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        finally:
            conn.close()


def _check_sqlite_structure(conn: Connection, report: CheckReport) -> None:
    # Messages about damaged pages may quote bytes that are no longer UTF-8.
    raw = conn.connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        raw.text_factory = lambda data: data.decode("utf-8", "replace")
    # integrity_check, not quick_check: it also compares every index with its table.
    messages = integrity_messages(conn.exec_driver_sql("PRAGMA integrity_check"))
    if messages != ["ok"]:
        shown = messages[:_MAX_DAMAGE_LINES]
        more = len(messages) - len(shown)
        report.say("Integrity: DAMAGED")
        for message in shown:
            report.say(f"  {message}")
        if more:
            report.say(f"  … and {more:,} more")
        report.problems.append(f"{_DAMAGED}: integrity_check reports {shown[0]}")
        return
    report.say("Integrity: ok")
    violations: dict[str, int] = {}
    for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
        violations[f"{row[0]} → {row[2]}"] = violations.get(f"{row[0]} → {row[2]}", 0) + 1
    if violations:
        report.say("Foreign keys: VIOLATED")
        for link, count in sorted(violations.items()):
            report.say(f"  {link}: {count:,} rows point to nothing")
        total = sum(violations.values())
        report.problems.append(
            f"{total:,} rows break a foreign key ({', '.join(sorted(violations))})"
        )
    else:
        report.say("Foreign keys: ok")


def integrity_messages(rows: Iterable[Sequence[object]]) -> list[str]:
    """integrity_check's findings, one per line ("ok" alone when there are none)."""
    # One row can hold several findings on separate lines, under a "*** in database" banner.
    lines = (line.strip() for row in rows for line in str(row[0]).splitlines())
    return [line for line in lines if line and not line.startswith("*** in database")]


def _check_postgres_constraints(conn: Connection, report: CheckReport) -> None:
    # The server enforces constraints itself; one added NOT VALID has not checked old rows.
    rows = conn.execute(
        text(
            "SELECT conrelid::regclass::text, conname FROM pg_constraint "
            "WHERE connamespace = current_schema()::regnamespace AND NOT convalidated"
        )
    ).all()
    if rows:
        report.say("Constraints: NOT VALIDATED")
        for table, name in rows:
            report.say(f"  {table}: {name}")
        report.problems.append(f"{len(rows)} constraints were never validated ({rows[0][1]}, …)")
    else:
        report.say("Constraints: ok (enforced by the server)")


def _check_schema_and_counts(database: Database, report: CheckReport) -> None:
    state = database.schema_state()
    with database.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        conn.rollback()
    problem = _schema_problem(state, tables)
    if problem:
        report.say(f"Schema: {problem}")
        report.problems.append(problem)
        if state.current is None:
            return
    else:
        report.say(f"Schema: revision {state.current} (up to date)")
    expected = list(Base.metadata.sorted_tables)
    missing = [t.name for t in expected if t.name not in tables]
    if missing:
        report.problems.append(f"tables are missing: {', '.join(missing)}")
    report.say("Rows:")
    with database.engine.connect() as conn:
        for table in expected:
            if table.name in tables:
                count = conn.execute(select(func.count()).select_from(table)).scalar_one()
                report.say(f"  {table.name:<18}{count:>14,}")
            else:
                report.say(f"  {table.name:<18}{'MISSING':>14}")
        conn.rollback()


def _schema_problem(state: SchemaState, tables: set[str]) -> str | None:
    """Why the schema is not the one this Railgrain expects, or None when it is."""
    if state.up_to_date:
        return None
    if state.current is None:
        if tables - {"alembic_version"}:
            return "this is not a Railgrain database (it has other tables and no Railgrain schema)"
        return "this is not a Railgrain database (it is empty)"
    if state.current not in known_revisions():
        return (
            f"schema revision {state.current} is from a newer Railgrain (this one knows up to "
            f"{state.head}); update Railgrain"
        )
    return (
        f"schema revision {state.current} is older than this Railgrain's {state.head}; "
        "open it once in Railgrain's window to upgrade it (a SQLite file is backed up first)"
    )


class _Step:
    """Whether a check step failed with a driver error."""

    failed = False


class _UnraisedError(Exception):
    """Stands in for alembic's error while alembic is not loaded (so it cannot be raised)."""


def _alembic_error() -> type[Exception]:
    # Importing alembic costs most of a second; `check` and `status` only need it when it is
    # already loaded because a revision was looked up through it.
    module = sys.modules.get("alembic.util")
    return module.CommandError if module is not None else _UnraisedError


@contextmanager
def _driver_errors(report: CheckReport, what: str) -> Iterator[_Step]:
    """Turn a driver error inside a check step into a reported problem instead of a crash."""
    step = _Step()
    try:
        yield step
    except (sa_exc.DBAPIError, sqlite3.Error, _alembic_error(), UnicodeDecodeError) as error:
        # UnicodeDecodeError: damaged pages can hold text that is not UTF-8 any more.
        step.failed = True
        orig = getattr(error, "orig", None) or error
        reason = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
        if isinstance(error, UnicodeDecodeError):
            reason = "some of its text is no longer readable (not UTF-8)"
        reason = "".join(c if c.isprintable() else "?" for c in reason)
        damaged = isinstance(error, UnicodeDecodeError) or any(
            word in reason.lower() for word in ("malformed", "not a database")
        )
        if isinstance(error, sa_exc.OperationalError) and not damaged:
            connecting = "connect" in reason.lower()
            report.problems.append(
                f"cannot reach the database: {reason}" if connecting else f"{what}: {reason}"
            )
        else:
            report.problems.append(f"{_DAMAGED}: {reason}")
        report.say(f"Error: {report.problems[-1]}")


def require_sqlite_file(path: Path) -> None:
    if not path.exists():
        raise NotFoundError(Message("db.missing", path=path))
    if not path.is_file():
        raise DatabaseError(Message("db.folder", path=path))
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as error:
        raise DatabaseError(Message("db.unreadable", path=path, reason=error.strerror)) from error
    if not header:
        raise DatabaseError(Message("db.empty", path=path))
    if header != b"SQLite format 3\x00":
        raise DatabaseError(Message("db.not_sqlite", path=path))


def human_size(size: int) -> str:
    if size < 1_000_000:
        return f"{size / 1000:,.0f} kB"
    return f"{size / 1e6:,.1f} MB"
