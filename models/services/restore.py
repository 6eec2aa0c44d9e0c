"""Putting a backup back in place of a SQLite database: checked first, the old file kept.

A restore runs in two steps so a person can confirm in between:

1. :func:`prepare` copies the backup into a hidden partial file next to the database and
   checks that copy (integrity, a Railgrain schema this version knows). What is checked is
   exactly what will be restored.
2. :func:`finish` keeps the current database as ``<name>.before-restore-<stamp>.sqlite``,
   then writes the checked copy over it through SQLite's backup API. That write is one
   transaction of the database itself: a process killed half-way leaves the old database,
   and other windows on the file see either the old or the restored data, never a mix.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from models.db import BUSY_TIMEOUT_MS, display_name, known_revisions
from models.errors import DatabaseError, UserError
from models.messages import Message
from models.progress import CancelToken, Progress, no_progress
from models.services.backup import (
    backup,
    copy_sqlite,
    remove_sqlite_files,
)
from models.services.integrity import human_size, integrity_messages, require_sqlite_file


@dataclass(frozen=True)
class PreparedRestore:
    """A checked copy of a backup, ready to replace the database (or to be discarded)."""

    backup: Path
    target: Path
    partial: Path
    revision: str
    shipments: int
    size: int
    target_exists: bool

    def describe(self) -> str:
        """One line on what the backup holds, for a confirmation question."""
        return (
            f"{self.backup} ({human_size(self.size)}, {self.shipments:,} shipments, "
            f"schema {self.revision}, integrity ok)"
        )

    def discard(self) -> None:
        """Remove the checked copy without restoring anything."""
        remove_sqlite_files(self.partial)


@dataclass(frozen=True)
class RestoreResult:
    """What was restored where, and where the replaced database was kept."""

    target: Path
    kept: Path | None
    shipments: int
    revision: str
    seconds: float


def target_path(url: URL) -> Path:
    """The SQLite file a restore would replace.

    Raises:
        UserError: The database is PostgreSQL (restored with the server's own tools).
    """
    if url.get_backend_name() != "sqlite":
        raise UserError(Message("restore.postgresql", path=display_name(url)))
    return Path(url.database or "")


def prepare(
    backup_file: Path,
    url: URL,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> PreparedRestore:
    """Copy ``backup_file`` next to the database at ``url`` and check the copy.

    Raises:
        NotFoundError: No backup at that path.
        DatabaseError: The backup is damaged, not a Railgrain database, or from a newer
            Railgrain; or the database to replace is some other kind of file.
        Cancelled: ``cancel`` was set; nothing is left behind.
    """
    target = target_path(url)
    backup_file = backup_file.expanduser().absolute()
    require_sqlite_file(backup_file)
    if backup_file.resolve() == target.resolve():
        raise UserError(Message("restore.same_file", path=backup_file))
    target_exists = target.exists()
    if target_exists:
        _require_replaceable(target)
    elif not target.parent.is_dir():
        raise UserError(Message("restore.no_folder", path=target.parent))
    partial = target.with_name(f".{target.name}.restore-{os.getpid()}.partial")
    remove_sqlite_files(partial)
    try:
        try:
            copy_sqlite(backup_file, partial, progress, cancel)
        except sqlite3.DatabaseError as error:
            raise DatabaseError(
                Message("restore.unreadable", path=backup_file, reason=_plain(error))
            ) from error
        except OSError as error:
            reason = error.strerror or str(error)
            raise UserError(Message("restore.cannot_write", path=target, reason=reason)) from error
        revision, shipments = _check_copy(partial, backup_file)
        size = partial.stat().st_size
    except BaseException:
        remove_sqlite_files(partial)
        raise
    return PreparedRestore(backup_file, target, partial, revision, shipments, size, target_exists)


def finish(prepared: PreparedRestore) -> RestoreResult:
    """Keep the current database aside, then put the checked backup in its place.

    Raises:
        DatabaseError: The database is busy or cannot be written (nothing was changed).
        UserError: The copy of the current database could not be kept (nothing was changed).
    """
    started = time.monotonic()
    target = prepared.target
    kept: Path | None = None
    try:
        if target.exists():
            kept = _keep_current(target)
            _write_over(prepared.partial, target)
        else:
            os.link(prepared.partial, target)  # never replaces a file that appeared meanwhile
    except FileExistsError:
        raise UserError(Message("restore.appeared", path=target)) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise UserError(Message("restore.failed_into", path=target, reason=reason)) from error
    finally:
        prepared.discard()
    return RestoreResult(
        target, kept, prepared.shipments, prepared.revision, time.monotonic() - started
    )


def restore(
    backup_file: Path,
    url: URL,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> RestoreResult:
    """:func:`prepare` then :func:`finish`, without a question in between."""
    prepared = prepare(backup_file, url, progress=progress, cancel=cancel)
    return finish(prepared)


# --- checks ---------------------------------------------------------------------------------


def _require_replaceable(target: Path) -> None:
    """Refuse to replace a file that is not (or was never) a Railgrain database.

    A damaged Railgrain database may be replaced: that is what a restore is for.
    """
    require_sqlite_file(target)
    try:
        conn = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return  # damaged beyond reading its table list: it gets replaced (and kept)
    if names and "alembic_version" not in names:
        raise DatabaseError(Message("restore.target_foreign", path=target))


def _check_copy(partial: Path, backup_file: Path) -> tuple[str, int]:
    conn = sqlite3.connect(partial, isolation_level=None)
    # Damaged pages can hold text that is no longer UTF-8.
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        messages = integrity_messages(conn.execute("PRAGMA integrity_check"))
        if messages != ["ok"]:
            raise DatabaseError(
                Message("restore.damaged", path=backup_file, reason=_printable(messages[0]))
            )
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in names or "shipments" not in names:
            raise DatabaseError(Message("restore.not_railgrain", path=backup_file))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(row[0]) if row else ""
        if revision not in known_revisions():
            raise DatabaseError(Message("restore.newer", path=backup_file, revision=revision))
        shipments = int(conn.execute("SELECT count(*) FROM shipments").fetchone()[0])
    except sqlite3.DatabaseError as error:
        raise DatabaseError(
            Message("restore.damaged", path=backup_file, reason=_plain(error))
        ) from error
    finally:
        conn.close()
    return revision, shipments


def _keep_current(target: Path) -> Path:
    """Keep the database about to be replaced: a consistent backup, or a raw copy if damaged."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
    try:
        backup(URL.create("sqlite", database=str(target)), kept)
    except DatabaseError:
        # Damaged: SQLite cannot copy it page by page, so keep its files as they are.
        _raw_copy(target, kept)
    return kept


def _raw_copy(target: Path, kept: Path) -> None:
    for suffix in ("", "-wal"):
        source = target.with_name(target.name + suffix)
        if not source.exists():
            continue
        dest = kept.with_name(kept.name + suffix)
        partial = dest.with_name(f".{dest.name}.partial")
        shutil.copyfile(source, partial)
        with partial.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, dest)


def _write_over(partial: Path, target: Path) -> None:
    """Replace the content of ``target`` with ``partial`` in one transaction of ``target``."""
    src = sqlite3.connect(partial)
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000

    def wait(status: int, _remaining: int, _total: int) -> None:
        # Python's backup() retries a busy target forever; give up like every other writer.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is busy")

    try:
        dst = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            # All pages in one step: a single write transaction on the target, committed at
            # the end; readers in WAL mode keep their old snapshot until they finish.
            src.backup(dst, progress=wait)
        finally:
            dst.close()
    except sqlite3.OperationalError as error:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseError(Message("restore.busy", path=target)) from error
        if "readonly" in text or "read-only" in text:
            raise DatabaseError(Message("restore.read_only", path=target)) from error
        if "full" in text:
            raise DatabaseError(Message("restore.disk_full")) from error
        raise DatabaseError(Message("restore.failed", reason=_plain(error))) from error
    except sqlite3.DatabaseError:
        # The target is too damaged for SQLite to write into; it has been kept, so its files
        # are replaced whole. The stale -wal goes first: replayed onto the restored file, it
        # would damage it.
        with suppress(FileNotFoundError):
            target.with_name(target.name + "-wal").unlink()
        with suppress(FileNotFoundError):
            target.with_name(target.name + "-shm").unlink()
        placed = target.with_name(f".{target.name}.placing")
        shutil.copyfile(partial, placed)
        with placed.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(placed, target)
    finally:
        src.close()


def _plain(error: BaseException) -> str:
    return _printable((str(error).strip().splitlines() or [type(error).__name__])[0])


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)
