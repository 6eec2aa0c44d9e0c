"""Consistent copies of a database while others work in it: SQLite files and PostgreSQL.

A backup is written to a hidden partial file next to the destination, checked, synced, and
only then given its name; an existing file is never replaced.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL

from models.db import backup_sqlite
from models.errors import DatabaseError, UserError
from models.services.integrity import integrity_messages, readonly, require_sqlite_file


@dataclass(frozen=True)
class BackupResult:
    """Where the copy went, how big it is, what it holds, and how long it took."""

    dest: Path
    size: int
    note: str
    seconds: float


def backup(url: URL, dest: Path) -> BackupResult:
    """Copy the database at ``url`` to the new file ``dest``.

    Raises:
        UserError: ``dest`` exists or its folder does not; pg_dump is missing.
        DatabaseError: The source is damaged or cannot be read.
    """
    if dest.exists() or dest.is_symlink():
        raise UserError(f"{dest} already exists; choose a new file name (nothing was changed)")
    if not dest.parent.is_dir():
        raise UserError(f"the folder {dest.parent} does not exist")
    partial = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    started = time.monotonic()
    try:
        if url.get_backend_name() == "sqlite":
            note = _backup_sqlite_file(Path(url.database or ""), partial)
        else:
            note = _backup_postgres(url, partial)
        _fsync(partial)
        _place_new(partial, dest)
    finally:
        remove_sqlite_files(partial)
    return BackupResult(dest, dest.stat().st_size, note, time.monotonic() - started)


def _backup_sqlite_file(source: Path, partial: Path) -> str:
    require_sqlite_file(source)
    try:
        # One backup step: a single read transaction, so the copy is one consistent moment
        # even while another process writes.
        backup_sqlite(source, partial)
    except sqlite3.Error as error:
        raise DatabaseError(
            f"the copy of {source} failed: {error} (nothing was written)"
        ) from error
    conn = sqlite3.connect(partial, isolation_level=None)
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        # A backup is one self-contained file; Railgrain switches it back to WAL when opened.
        conn.execute("PRAGMA journal_mode = DELETE")
        messages = integrity_messages(conn.execute("PRAGMA integrity_check"))
        if messages != ["ok"]:
            raise DatabaseError(
                f"the copy fails its integrity check ({messages[0]}): {source} itself is "
                "damaged; run `check` on it (no backup was written)"
            )
        has_shipments = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'shipments'"
        ).fetchone()
        count = conn.execute("SELECT count(*) FROM shipments").fetchone()[0] if has_shipments else 0
    except (sqlite3.DatabaseError, ValueError) as error:
        raise DatabaseError(
            f"the copy cannot be read back ({error}): {source} itself is damaged; "
            "run `check` on it (no backup was written)"
        ) from error
    finally:
        conn.close()
    return f"{count:,} shipments, integrity ok"


def _backup_postgres(url: URL, partial: Path) -> str:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise UserError(
            "a PostgreSQL database is backed up with the server's own tools: install pg_dump "
            "(Debian: apt-get install postgresql-client) and run this again, or ask the "
            "database administrator"
        )
    with readonly(url) as database, database.read() as session:
        schema = session.execute(text("SELECT current_schema()")).scalar_one_or_none()
    if schema is None:
        raise DatabaseError(f"{database.name} has no schema to back up (check its search_path)")
    # The password goes through the environment: never on a command line others can list.
    env = {**os.environ, "PGPASSWORD": url.password} if url.password else dict(os.environ)
    conninfo = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    quoted = '"' + schema.replace('"', '""') + '"'
    commands = [
        [
            pg_dump,
            "--format=custom",
            f"--file={partial}",
            f"--schema={quoted}",
            "--no-password",
            f"--dbname={conninfo}",
        ],
    ]
    pg_restore = shutil.which("pg_restore")
    if pg_restore:  # reading the archive's table of contents proves it is complete
        commands.append([pg_restore, "--list", str(partial)])
    for command in commands:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            lines = [line for line in done.stderr.splitlines() if line.strip()]
            reason = lines[-1] if lines else f"exit code {done.returncode}"
            tool = Path(command[0]).name
            raise DatabaseError(scrub_password(f"{tool} failed: {reason}", url))
    return f"pg_dump custom format of schema {schema}"


def _fsync(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())


def _place_new(partial: Path, dest: Path) -> None:
    """Give ``partial`` its final name without ever replacing a file that appeared meanwhile."""
    try:
        os.link(partial, dest)  # fails if dest exists: no window for a silent overwrite
    except FileExistsError:
        raise UserError(f"{dest} already exists; choose a new file name") from None
    except OSError:
        # No hard links on this file system (FAT, some network shares): check, then rename.
        if dest.exists():
            raise UserError(f"{dest} already exists; choose a new file name") from None
        os.replace(partial, dest)
    try:
        fd = os.open(dest.parent, os.O_RDONLY)
    except OSError:
        return  # not every platform can open a folder; the file itself is already synced
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def scrub_password(message: str, url: URL | None) -> str:
    # Defence in depth: no message should hold the password, but none may show it either.
    if url is not None and url.password and len(str(url.password)) >= 3:
        message = message.replace(str(url.password), "***")
    return message


def remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        # Best effort: the error being reported already explains what went wrong.
        with suppress(OSError):
            candidate.unlink(missing_ok=True)
