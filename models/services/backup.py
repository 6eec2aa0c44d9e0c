"""Consistent copies of a database while others work in it: SQLite files and PostgreSQL.

A backup is written to a hidden partial file next to the destination, checked, synced, and
only then given its name; an existing file is never replaced. The app also keeps a daily
automatic backup of a SQLite database (:func:`auto_backup`), the newest few kept.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from hashlib import sha1
from pathlib import Path

import platformdirs
from sqlalchemy import text
from sqlalchemy.engine import URL

from models.db import BUSY_TIMEOUT_MS
from models.errors import DatabaseError, UserError
from models.messages import Message
from models.progress import CancelToken, Progress, no_progress
from models.services.integrity import integrity_messages, readonly, require_sqlite_file

#: Automatic backups kept per database unless the user sets another number.
AUTO_BACKUP_KEEP = 7
#: Pages copied per backup step: small enough for smooth progress and a quick Cancel.
_PAGES_PER_STEP = 2048


@dataclass(frozen=True)
class BackupResult:
    """Where the copy went, how big it is, what it holds, and how long it took."""

    dest: Path
    size: int
    note: str
    seconds: float


def backup(
    url: URL,
    dest: Path,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> BackupResult:
    """Copy the database at ``url`` to the new file ``dest``.

    Args:
        url: The database (a SQLite file or PostgreSQL).
        dest: The new file; it must not exist.
        progress: Told how many pages of a SQLite file have been copied.
        cancel: Checked between steps; a cancelled backup leaves no file behind.

    Raises:
        UserError: ``dest`` exists or its folder does not; pg_dump is missing.
        DatabaseError: The source is damaged or cannot be read.
        Cancelled: ``cancel`` was set.
    """
    if dest.exists() or dest.is_symlink():
        raise UserError(Message("backup.exists", path=dest))
    if not dest.parent.is_dir():
        raise UserError(Message("backup.no_folder", path=dest.parent))
    partial = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    started = time.monotonic()
    try:
        if url.get_backend_name() == "sqlite":
            note = _backup_sqlite_file(Path(url.database or ""), partial, progress, cancel)
        else:
            note = _backup_postgres(url, partial)
        _fsync(partial)
        _place_new(partial, dest)
    except OSError as error:  # full disk, no permission: say so, leave nothing behind
        reason = error.strerror or str(error)
        raise UserError(Message("backup.failed", path=dest, reason=reason)) from error
    finally:
        remove_sqlite_files(partial)
    return BackupResult(dest, dest.stat().st_size, note, time.monotonic() - started)


def copy_sqlite(
    source: Path,
    dest: Path,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Copy a live SQLite file page by page through SQLite's backup API, as one moment.

    The source connection holds one read transaction across all steps, so the copy is a
    single consistent snapshot even while another process writes (WAL lets that writer go
    on), and the backup never restarts. Progress is reported and Cancel checked per step.

    Raises:
        sqlite3.Error: The source cannot be read or the destination written.
        Cancelled: ``cancel`` was set (``dest`` is then incomplete: the caller removes it).
    """
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchall()  # starts the snapshot
        dst = sqlite3.connect(dest, isolation_level=None)
        try:
            deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000

            def step(status: int, remaining: int, total: int) -> None:
                if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    # Python's backup() would retry a locked file forever.
                    if time.monotonic() > deadline:
                        raise sqlite3.OperationalError("database is locked")
                else:
                    progress(total - remaining, total, "")
                if cancel is not None:
                    cancel.check()  # raising here aborts the backup API cleanly

            src.backup(dst, pages=_PAGES_PER_STEP, progress=step)
        finally:
            dst.close()
    finally:
        src.close()


def _backup_sqlite_file(
    source: Path, partial: Path, progress: Progress, cancel: CancelToken | None
) -> str:
    require_sqlite_file(source)
    try:
        copy_sqlite(source, partial, progress, cancel)
    except sqlite3.Error as error:
        raise DatabaseError(
            Message("backup.copy_failed", path=source, reason=str(error))
        ) from error
    conn = sqlite3.connect(partial, isolation_level=None)
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        # A backup is one self-contained file; Railgrain switches it back to WAL when opened.
        conn.execute("PRAGMA journal_mode = DELETE")
        messages = integrity_messages(conn.execute("PRAGMA integrity_check"))
        if messages != ["ok"]:
            raise DatabaseError(Message("backup.copy_damaged", path=source, reason=messages[0]))
        has_shipments = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'shipments'"
        ).fetchone()
        count = conn.execute("SELECT count(*) FROM shipments").fetchone()[0] if has_shipments else 0
    except (sqlite3.DatabaseError, ValueError) as error:
        raise DatabaseError(
            Message("backup.copy_unreadable", path=source, reason=str(error))
        ) from error
    finally:
        conn.close()
    return f"{count:,} shipments, integrity ok"


def _backup_postgres(url: URL, partial: Path) -> str:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise UserError(Message("backup.need_pg_dump"))
    with readonly(url) as database, database.read() as session:
        schema = session.execute(text("SELECT current_schema()")).scalar_one_or_none()
    if schema is None:
        raise DatabaseError(Message("backup.no_schema", path=database.name))
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
            raise DatabaseError(
                Message("backup.tool_failed", tool=tool, reason=scrub_password(reason, url))
            )
    return f"pg_dump custom format of schema {schema}"


def _fsync(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())


def _place_new(partial: Path, dest: Path) -> None:
    """Give ``partial`` its final name without ever replacing a file that appeared meanwhile."""
    try:
        os.link(partial, dest)  # fails if dest exists: no window for a silent overwrite
    except FileExistsError:
        raise UserError(Message("backup.exists_now", path=dest)) from None
    except OSError:
        # No hard links on this file system (FAT, some network shares): check, then rename.
        if dest.exists():
            raise UserError(Message("backup.exists_now", path=dest)) from None
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


# --- automatic daily backups ----------------------------------------------------------------


def default_backup_folder() -> Path:
    """Where automatic backups go unless the user chose a folder: next to the data."""
    return Path(platformdirs.user_data_dir("Railgrain", appauthor=False)) / "backups"


def auto_backup_folder(source: Path, folder: Path | None = None) -> Path:
    """The folder of one database's automatic backups, inside ``folder`` (or the default).

    Each database gets its own sub-folder, named after the file and its full path, so two
    databases both called railgrain.sqlite never prune each other's backups.
    """
    digest = sha1(str(source.resolve()).encode("utf-8")).hexdigest()[:8]
    return (folder or default_backup_folder()) / f"{source.stem}-{digest}"


def auto_backups(source: Path, folder: Path | None = None) -> list[Path]:
    """The automatic backups of ``source``, oldest first."""
    where = auto_backup_folder(source, folder)
    if not where.is_dir():
        return []
    return sorted(p for p in where.glob(f"{source.stem}-*.sqlite") if _is_dated(p, source.stem))


def _is_dated(path: Path, stem: str) -> bool:
    try:
        date.fromisoformat(path.stem[len(stem) + 1 :])
    except ValueError:
        return False
    return True


def auto_backup(
    url: URL,
    *,
    folder: Path | None = None,
    keep: int = AUTO_BACKUP_KEEP,
    today: date | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> BackupResult | None:
    """Make today's automatic backup of a SQLite database, unless there is one already.

    Keeps the newest ``keep`` automatic backups of this database and deletes older ones
    (never any other file). Does nothing for PostgreSQL (the server's own backups apply) or
    when ``keep`` is 0.

    Returns:
        The new backup, or None when none was due.

    Raises:
        UserError: The backup folder cannot be written (full disk, no permission).
        DatabaseError: The database is damaged (no backup is written).
        Cancelled: ``cancel`` was set; nothing is left behind.
    """
    if url.get_backend_name() != "sqlite" or keep <= 0:
        return None
    source = Path(url.database or "")
    where = auto_backup_folder(source, folder)
    dest = where / f"{source.stem}-{(today or date.today()).isoformat()}.sqlite"
    if dest.exists():
        return None
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(Message("backup.auto_folder", path=where, reason=error.strerror)) from error
    for stale in where.glob(".*.partial*"):  # left by a backup that was killed
        with suppress(OSError):
            stale.unlink()
    result = backup(url, dest, progress=progress, cancel=cancel)
    for old in auto_backups(source, folder)[:-keep]:
        with suppress(OSError):
            old.unlink()
    return result
