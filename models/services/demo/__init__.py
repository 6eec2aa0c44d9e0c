"""Demo data: years of realistic grain trains from Kazakhstan to north-west China.

The generator plans *trains* first (lane, goods, timetable, status as of "today"), splits each
train into shipments (waybills) and those into containers or wagons, and then loads it in bulk.
Every column is computed with numpy; the rows go through the DBAPI driver (``executemany`` on
SQLite, ``COPY`` on PostgreSQL) into small temporary tables, from which ``INSERT ... SELECT``
statements build the shipments (train columns joined to waybill columns) and the status
history (each train's steps times its waybills). All of it is one transaction: a cancel or an
error leaves the database as it was.

Given the same ``(shipments, seed, today)`` the content is identical on every run: timestamps
are derived from the plan, never from the clock.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from models.db import Database, translate_errors
from models.entities import Shipment
from models.errors import UserError
from models.messages import Message
from models.progress import CancelToken, Progress, no_progress
from models.services.demo.business import (
    BOARD_MINIMUM_SHIPMENTS,
    DEMO_USER,
    FIRST_FLAXSEED_KG,
    FIRST_FLAXSEED_TRAIN,
    XIAN_MINIMUM_SHIPMENTS,
    References,
)
from models.services.demo.loader import Loader
from models.services.demo.plan import make_plan

__all__ = [
    "BOARD_MINIMUM_SHIPMENTS",
    "DEMO_USER",
    "FIRST_FLAXSEED_KG",
    "FIRST_FLAXSEED_TRAIN",
    "XIAN_MINIMUM_SHIPMENTS",
    "DemoSummary",
    "create_demo",
]


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`create_demo` added (rows it wrote; names already there are reused)."""

    shipments: int
    units: int
    events: int
    trains: int
    contracts: int
    counterparties: int
    seconds: float


def create_demo(
    db: Database,
    shipments: int = 2000,
    *,
    seed: int = 2020,
    today: date | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> DemoSummary:
    """Fill a new Railgrain database with realistic demo shipments, in one transaction.

    The trains run from December 2020 up to ``today``, growing year by year. The first Kazakh
    flaxseed container train (:data:`FIRST_FLAXSEED_TRAIN`, Kostanay → Qingtongxia,
    1,313,000 kg over its shipments, arrived 2020-12-31) is always there. Flour and oil trains
    to Xi'an International Port grow to a 2025 boom: from :data:`XIAN_MINIMUM_SHIPMENTS`
    shipments on (with ``today`` after June 2025) their arrivals from January to June 2025 add
    up to more than 200,000 t. From :data:`BOARD_MINIMUM_SHIPMENTS` shipments on, "today" has
    trains in every status and late ones. Smaller demos hold what fits.

    Up to 32,000 shipments there are about 1,000 trains, so small demos have whole-train or
    half-train waybills; larger demos have about 32 waybills of one or two boxes per train.

    Args:
        db: An open database with its reference stations and goods, and no shipments.
        shipments: How many shipments (waybills) to create; 0 adds nothing.
        seed: The random seed: the same seed, ``today`` and ``shipments`` give the same rows.
        today: The day the data is "as of" (statuses, late trains); default the current day.
        progress: Told how far the work has come.
        cancel: Checked between batches; a cancel raises Cancelled and rolls everything back.

    Returns:
        How many rows of each kind were added, and how many seconds it took.

    Raises:
        UserError: ``shipments`` is negative, ``today`` is before 2021, the database already
            holds shipments, or a reference station or commodity is missing.
        Cancelled: ``cancel`` was set; nothing was written.
    """
    started = time.perf_counter()
    today = today or date.today()
    if shipments < 0:
        raise UserError(Message("demo.negative", shipments=shipments))
    if today < date(2021, 1, 1):
        raise UserError(Message("demo.too_early"))
    with _transaction(db) as conn:
        existing = conn.execute(select(func.count()).select_from(Shipment)).scalar_one()
        if existing:
            raise UserError(Message("demo.not_empty", path=db.name, shipments=existing))
        if shipments == 0:
            return DemoSummary(0, 0, 0, 0, 0, 0, time.perf_counter() - started)
        progress(0, 1, "planning")
        refs = References.read(conn)
        plan = make_plan(shipments, seed, today, refs)
        loader = Loader(conn, db.is_sqlite, plan, refs, progress, cancel)
        loader.run()
    return DemoSummary(
        shipments=shipments,
        units=len(plan.un_ship),
        events=plan.events,
        trains=len(plan.counts),
        contracts=loader.added_contracts,
        counterparties=loader.added_parties,
        seconds=time.perf_counter() - started,
    )


#: SQLite settings the load changes on its connection, restored afterwards.
_SQLITE_SETTINGS = ("foreign_keys", "ignore_check_constraints", "cache_size", "analysis_limit")


@contextmanager
def _transaction(db: Database) -> Iterator[Connection]:
    """One write transaction; on SQLite without foreign-key lookups row by row.

    SQLite can switch foreign keys off only outside a transaction, and looking up every
    parent row costs more than all the rest of a large load. Every id the demo writes comes
    from rows it read or wrote in this same transaction; the tests check them all with
    ``PRAGMA foreign_key_check``. The connection gets its settings back afterwards, or is
    discarded: it never returns to the pool without its checks.
    """
    engine = db.engine.execution_options(railgrain_write=True)
    with translate_errors(), engine.connect() as conn:
        if not db.is_sqlite:
            with conn.begin():
                yield conn
            return
        raw: Any = conn.connection.driver_connection
        saved = {name: raw.execute(f"PRAGMA {name}").fetchone()[0] for name in _SQLITE_SETTINGS}
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                yield conn
        finally:
            try:
                for name, value in saved.items():
                    raw.execute(f"PRAGMA {name} = {int(value)}")
                raw.execute("PRAGMA shrink_memory")  # give back the load's page cache
            except sqlite3.Error:
                conn.invalidate()
