"""Noticing what other users, windows and processes commit to the database, cheaply.

PostgreSQL: every committing transaction sends a NOTIFY from inside that transaction (see
``models.db``), so it is delivered only if the transaction commits. A watcher LISTENs on a
connection of its own; its socket (``fileno()``) becomes readable when a notice arrives, and
``poll()`` reads what is there without a round trip to the server. Each notice carries the
sender's ``Database.instance_id``, so a window ignores its own saves.

SQLite has no notices: a watcher asks ``PRAGMA data_version`` on a connection of its own every
``poll_interval_ms``. That number changes when any other connection commits, including this
process's own, so the watcher also hooks this process's commits: it looks just before each
(while the commit still holds the write lock, so nobody else can commit meanwhile) and takes the
new number as its own just after. Only a commit by someone else in the microseconds between
those two looks is taken for one of ours; the next change shows it.

No Qt here: ``ui/live_refresh.py`` drives a watcher from a timer and a socket notifier.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from sqlalchemy import event

from models.db import CHANGES_CHANNEL_SQL, Database, translate_errors
from models.errors import DatabaseError
from models.messages import Message

_log = logging.getLogger(__name__)

#: How often a SQLite watcher looks (ms): a change shows within this plus a refresh.
SQLITE_POLL_MS = 500
#: A PostgreSQL watcher waits on its socket; this slower look is only a safety net (ms).
POSTGRES_POLL_MS = 2000
#: The info key a connection carries from its commit to its return to the pool.
_COMMITTED = "railgrain_watcher_commit"
#: A commit of ours not back in the pool after this long (s) is taken as failed.
_IN_FLIGHT_LIMIT = 30.0


class ChangeWatcher(ABC):
    """Tells whether someone else committed a change since the last :meth:`poll`."""

    #: How often to call :meth:`poll` when there is no socket to wait on (ms).
    poll_interval_ms: int = SQLITE_POLL_MS

    def fileno(self) -> int | None:
        """A socket that becomes readable when a change may have arrived; None: poll only."""
        return None

    @abstractmethod
    def poll(self) -> bool:
        """True if another connection committed since the last call. Never blocks for long."""

    @abstractmethod
    def close(self) -> None:
        """Stop watching and close the watcher's connection (safe to call twice)."""

    def __enter__(self) -> ChangeWatcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def watch(db: Database) -> ChangeWatcher:
    """A watcher for changes made to ``db`` by other connections.

    Raises:
        DatabaseError: The watcher's own connection cannot be opened.
    """
    if db.is_sqlite:
        return SqliteWatcher(db)
    return PostgresWatcher(db)


class SqliteWatcher(ChangeWatcher):
    """Polls ``PRAGMA data_version`` on a read-only connection of its own."""

    poll_interval_ms = SQLITE_POLL_MS

    def __init__(self, db: Database) -> None:
        self._engine = db.engine
        path = Path(db.url.database or "")
        try:
            # Read-only: a watcher never creates, locks or changes the file.
            self._conn: sqlite3.Connection | None = sqlite3.connect(
                f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            self._conn.isolation_level = None
        except sqlite3.Error as error:
            raise DatabaseError(Message("db.cannot_watch", path=path, reason=str(error))) from error
        # Our commits happen on worker threads too; the polls on the GUI thread.
        self._lock = threading.Lock()
        self._seen = self._version()
        self._elsewhere = False
        #: Our commits between their COMMIT and their return to the pool (id → start): a
        #: poll meanwhile (from another thread) would take our change for someone else's.
        self._in_flight: dict[int, float] = {}
        self._pool = self._engine.pool
        event.listen(self._engine, "commit", self._before_own_commit)
        event.listen(self._pool, "checkin", self._after_own_commit)

    def _version(self) -> int:
        assert self._conn is not None
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _before_own_commit(self, conn: Any) -> None:
        # Our writer still holds the write lock here (BEGIN IMMEDIATE): whatever changed the
        # number so far was committed by someone else.
        with self._lock:
            if self._conn is not None and self._version() != self._seen:
                self._elsewhere = True
            self._in_flight[id(conn.info)] = time.monotonic()
        conn.info[_COMMITTED] = True

    def _after_own_commit(self, _dbapi_conn: Any, record: Any) -> None:
        if record is None or not record.info.pop(_COMMITTED, False):
            return
        with self._lock:
            self._in_flight.pop(id(record.info), None)
            if self._conn is not None:
                self._seen = self._version()

    def poll(self) -> bool:
        """True if another connection committed since the last call."""
        with self._lock:
            if self._conn is None:
                return False
            now = time.monotonic()
            for key, started in list(self._in_flight.items()):
                if now - started > _IN_FLIGHT_LIMIT:
                    del self._in_flight[key]
            if self._in_flight:
                return False  # one of ours is committing: look again next time
            try:
                version = self._version()
            except sqlite3.Error as error:
                # e.g. the file went away: say nothing changed rather than fail every poll
                _log.info("cannot look for changes: %s", error)
                return False
            changed = self._elsewhere or version != self._seen
            self._seen = version
            self._elsewhere = False
            return changed

    def close(self) -> None:
        """Stop watching and close the watcher's connection."""
        with self._lock:
            if self._conn is None:
                return
            self._conn.close()
            self._conn = None
        if event.contains(self._engine, "commit", self._before_own_commit):
            event.remove(self._engine, "commit", self._before_own_commit)
        # Database.dispose() replaces the pool (its listeners copied): unhook from both.
        for pool in {self._pool, self._engine.pool}:
            if event.contains(pool, "checkin", self._after_own_commit):
                event.remove(pool, "checkin", self._after_own_commit)


class PostgresWatcher(ChangeWatcher):
    """LISTENs on a connection of its own for the notices every commit sends."""

    poll_interval_ms = POSTGRES_POLL_MS

    def __init__(self, db: Database) -> None:
        self._db = db
        self._conn: Any = None
        #: A notice may have been missed (lost connection): report a change once reconnected.
        self._missed = False
        self._closed = False
        self._connect()

    def _connect(self) -> None:
        with translate_errors():
            raw = self._db.engine.raw_connection()
        conn = raw.driver_connection
        # Out of the pool for good: it only listens, in autocommit so notices arrive at once.
        raw.detach()
        try:
            conn.rollback()
            conn.autocommit = True
            channel = conn.execute(f"SELECT {CHANGES_CHANNEL_SQL}").fetchone()[0]
            escaped = channel.replace('"', '""')
            conn.execute(f'LISTEN "{escaped}"')
        except Exception:
            conn.close()
            raise
        self._conn = conn

    def fileno(self) -> int | None:
        """The listening connection's socket."""
        return None if self._conn is None else int(self._conn.fileno())

    def poll(self) -> bool:
        """True if a notice from another Database arrived since the last call."""
        if self._closed:
            return False
        if self._conn is None and not self._reconnect():
            return False
        try:
            # timeout=0: take what has arrived, never wait for the server.
            notices = list(self._conn.notifies(timeout=0))
        except Exception as error:  # psycopg.OperationalError: the server went away
            _log.info("lost the connection that listens for changes: %s", error)
            self._drop()
            return False
        own = self._db.instance_id
        changed = any(n.payload != own for n in notices)
        if self._missed:
            # Notices sent while we were not listening are lost: assume there were some.
            self._missed, changed = False, True
        return changed

    def _drop(self) -> None:
        try:
            self._conn.close()
        except Exception:  # already broken; closing is only tidying up
            _log.debug("closing a broken listener failed", exc_info=True)
        self._conn = None
        self._missed = True

    def _reconnect(self) -> bool:
        try:
            self._connect()
        except Exception as error:  # DatabaseError, or the driver refusing LISTEN
            _log.info("cannot listen for changes yet: %s", error)
            return False
        return True

    def close(self) -> None:
        """Stop listening and close the connection."""
        self._closed = True
        if self._conn is not None:
            self._conn.close()
            self._conn = None
