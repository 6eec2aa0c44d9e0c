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

import math
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple, cast

import numpy as np
from sqlalchemy import (
    CheckConstraint,
    Connection,
    ForeignKeyConstraint,
    Table,
    func,
    insert,
    select,
)
from sqlalchemy.schema import AddConstraint, DropConstraint

from models.db import Database, translate_errors
from models.entities import (
    Commodity,
    Contract,
    Counterparty,
    Shipment,
    ShipmentEvent,
    ShipmentUnit,
    Station,
)
from models.errors import UserError
from models.progress import CancelToken, Progress, no_progress
from models.rules.status import Status

#: Who the demo rows say created them.
DEMO_USER = "demo"
#: The first Kazakh flaxseed container train, Kostanay → Qingtongxia, arrived 2020-12-31.
FIRST_FLAXSEED_TRAIN = "QTJ-201219-01"
#: Its net weight over all its shipments: 1,313 t (DOMAIN.md).
FIRST_FLAXSEED_KG = 1_313_000
#: From this many shipments on, flour and oil arriving at Xi'an in H1 2025 exceed 200,000 t.
XIAN_MINIMUM_SHIPMENTS = 2000
#: From this many shipments on, "today" has trains in every status (planned, loading, in
#: transit, at the border, in customs, arrived, unloaded) and late ones.
BOARD_MINIMUM_SHIPMENTS = 13


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


# --- The business, as data (DOMAIN.md) ------------------------------------------------------

# fmt: off
#: name, code (for contract numbers), home station, goods (HS), contracts in CNY?
_SUPPLIERS: tuple[tuple[str, str, str, tuple[str, ...], bool], ...] = (
    ("Aiju Flour Milling LLP", "AFM", "Petropavl", ("1101", "2302"), False),
    ("Kyzylzhar Milling LLP", "KZM", "Petropavl", ("1101",), True),
    ("Esil Grain Mill JSC", "EGM", "Petropavl", ("1101", "1001"), False),
    ("Petropavl Oil Extraction Plant LLP", "POE", "Petropavl", ("1512", "1514"), True),
    ("Tobol Flax Growers LLP", "TFG", "Kostanay", ("1204",), False),
    ("Kostanay Linseed Company LLP", "KLC", "Kostanay", ("1204", "1206"), False),
    ("Ningxia-Kostanay Flax Base LLP", "NKF", "Kostanay", ("1204",), True),
    ("Arkalyk Agro LLP", "ARA", "Kostanay", ("1204", "1003"), False),
    ("Qostanai Oil Extraction Plant JSC", "QOE", "Kostanay", ("1512", "1514", "2306"), False),
    ("Aktobe Grain Terminal LLP", "AGT", "Aktobe-1", ("1001", "1003"), False),
    ("Mugalzhar Feed LLP", "MGF", "Aktobe-1", ("2302", "2306"), False),
    ("Ilek Oilseeds LLP", "ILO", "Aktobe-1", ("1206", "1512"), True),
)
#: name, destination, goods it buys ("*": whatever else goes there)
_CONSIGNEES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Shaanxi Land Port Grain & Oil Co., Ltd.", "Xi'an International Port", ("*", "1101", "1512")),
    ("Xi'an Chanba Flour Trading Co., Ltd.", "Xi'an International Port", ("1101",)),
    ("Shaanxi Silk Road Edible Oil Co., Ltd.", "Xi'an International Port", ("1512", "1514")),
    ("Ningxia Qingtongxia Flax Industry Co., Ltd.", "Qingtongxia", ("*", "1204")),
    ("Wuzhong Linseed Oil Co., Ltd.", "Qingtongxia", ("1204",)),
    ("Lanzhou Zhongchuan Grain Logistics Co., Ltd.", "Lanzhou Zhongchuan North", ("*",)),
    ("Gansu Hexi Feed Co., Ltd.", "Lanzhou Zhongchuan North", ("2302", "2306", "1003")),
)
_FORWARDERS = (("Eurasia Rail Forwarding LLP", "KZ"), ("Xi'an Land Port Logistics Co., Ltd.", "CN"))
#: Shipments store the Chinese entry station as their border station; its Kazakh pair:
_BORDER_PAIRS = {"Alashankou": "Dostyk", "Khorgos": "Altynkol"}
_PRICE_USD = {  # contract price per tonne
    "1001": 235, "1003": 205, "1101": 285, "1204": 540, "1206": 430,
    "1512": 980, "1514": 1050, "2302": 135, "2306": 265,
}
_PRICE_LEVEL = {2020: 1.0, 2021: 1.05, 2022: 1.3, 2023: 1.08, 2024: 0.95, 2025: 0.92}
_CNY_PER_USD = {2020: 6.6, 2021: 6.45, 2022: 6.7, 2023: 7.05, 2024: 7.15, 2025: 7.2}
#: Grain moves after the harvest: more trains in autumn and winter than in summer.
_SEASON = (1.15, 1.1, 1.1, 1.0, 0.95, 0.9, 0.75, 0.8, 1.0, 1.15, 1.2, 1.2)
_CONTAINER_OWNERS = ("KGXU", "AJFU", "SLRU", "EURU", "QTFU", "XLPU")
#: First digit of a 1520 mm wagon number: 2 covered (flour, bran), 7 tank (oil), 9 hopper.
_WAGON_KIND_DIGIT = {"1101": 2, "2302": 2, "1512": 7, "1514": 7}
_HOLD_NOTES = (
    None,
    "Dostyk-Alashankou: China stopped non-container grain; wagons wait at the border",
    "Sampling and laboratory tests at the border",
    "Queue at the border crossing",
    "Held at the border: documents under review",
)
_CANCEL_NOTES = (
    "Cancelled: wagons not supplied in time",
    "Cancelled: phytosanitary certificate not issued",
    "Cancelled at the buyer's request",
)
_SHORTAGE_NOTES = {  # by unit kind: wagon?
    False: ("Shortage {pct} %: container seal damaged, commercial act drawn up at {place}",
            "Shortage {pct} %: weighed at {place}; claim sent to the supplier"),
    True: ("Shortage {pct} %: wagon hatch leaking, goods wet on arrival at {place}",
           "Shortage {pct} %: losses in transloading; weighed at {place}"),
}
# fmt: on


@dataclass(frozen=True)
class _Flow:
    """A trade lane: goods to one destination, and its trains a month, year by year."""

    destination: str
    prefix: str  # of its train numbers
    goods: dict[str, float]
    borders: dict[str, float]
    wagon_share: float
    typical_days: int  # departure to arrival: the ETA
    per_month: dict[int, float]  # the last year's level holds for later years
    first_month: date = date(2020, 12, 1)


# A 2025 boom at Xi'an (Shaanxi-Kazakhstan trade +155.8 %): in H1 2025 its flour and oil
# trains are about 16 % of all trains of the demo, which keeps > 200,000 t there at 1,000 trains.
_FLOWS = (
    _Flow("Xi'an International Port", "XAP", {"1101": 1.0}, {"Khorgos": 0.7, "Alashankou": 0.3},
          0.35, 11, {2021: 1, 2022: 1.8, 2023: 3, 2024: 5.5, 2025: 17, 2026: 12}, date(2021, 3, 1)),
    _Flow("Xi'an International Port", "XAP", {"1512": 0.7, "1514": 0.3},
          {"Khorgos": 0.6, "Alashankou": 0.4}, 0.3, 11,
          {2021: 0.4, 2022: 0.7, 2023: 1.1, 2024: 2.2, 2025: 7, 2026: 5}, date(2021, 6, 1)),
    _Flow("Xi'an International Port", "XAP", {"1001": 0.7, "1003": 0.3},
          {"Khorgos": 0.5, "Alashankou": 0.5}, 0.5, 11,
          {2022: 0.3, 2023: 0.5, 2024: 0.6, 2025: 0.6}),
    _Flow("Qingtongxia", "QTJ", {"1204": 0.9, "1206": 0.06, "1003": 0.04},
          {"Alashankou": 0.8, "Khorgos": 0.2}, 0.15, 10,
          {2021: 0.8, 2022: 1.2, 2023: 1.6, 2024: 2, 2025: 2.4, 2026: 2.6}, date(2021, 1, 1)),
    _Flow("Lanzhou Zhongchuan North", "LZZ", {"1001": 0.35, "1003": 0.25, "2302": 0.2, "2306": 0.2},
          {"Alashankou": 0.6, "Khorgos": 0.4}, 0.5, 9,
          {2020: 0.6, 2021: 0.7, 2022: 1, 2023: 1.3, 2024: 1.6, 2025: 1.8, 2026: 2}),
)  # fmt: skip
_XIAN = "Xi'an International Port"
_XIAN_FLOWS = [i for i, f in enumerate(_FLOWS) if f.destination == _XIAN and "1001" not in f.goods]
_FIRST_FLOW = next(i for i, f in enumerate(_FLOWS) if "1204" in f.goods)
#: The first train's supplier and buyer: Kostanay flax growers, a Ningxia flax processor.
_FIRST_SUPPLIER = next(i for i, s in enumerate(_SUPPLIERS) if s[0] == "Tobol Flax Growers LLP")
_FIRST_CONSIGNEE = next(i for i, c in enumerate(_CONSIGNEES) if c[1] == "Qingtongxia")
_HS = tuple(_PRICE_USD)
_BORDERS = tuple(_BORDER_PAIRS)
_DESTINATIONS = tuple(dict.fromkeys(f.destination for f in _FLOWS))
#: Days of the Chinese leg, entry border → destination.
_LEG2_DAYS = {"Xi'an International Port": (3.3, 4.3), "Qingtongxia": (2.4, 3.4),
              "Lanzhou Zhongchuan North": (1.9, 2.8)}  # fmt: skip
#: Today's board, hours from the start of today: departure, planned event (None: none), border
#: dwell, customs, Chinese leg, unloading; and the hold note. "Today" then has every status
#: and two late trains, whatever the random trains do.
_BOARD = (
    (80, -20, 12, 20, 90, 20, 0),  # planned
    (16, None, 12, 20, 90, 20, 0),  # loading
    (-40, None, 12, 20, 90, 20, 0),  # in transit
    (-96, None, 36, 20, 90, 20, 0),  # at the border
    (-132, None, 24, 40, 90, 20, 0),  # in customs
    (-200, None, 12, 20, 80, 30, 0),  # arrived, not unloaded yet
    (-384, None, 360, 20, 90, 20, 2),  # late: held at the border for sampling
    (-336, None, 192, 96, 90, 20, 3),  # late: queued at the border, now in customs
)

_FIRST_DAY = date(2020, 12, 1)
_I64 = np.int64
_DAY = 86_400
_HOUR = 3_600
# Large demos have small waybills (one or two boxes each, as with per-container SMGS notes),
# at most this many a train. Small demos keep at least _MIN_TRAINS trains with whole-train
# waybills instead, so that the real 2025 Xi'an tonnage is there at 2,000 shipments.
_MAX_SHIPMENTS_PER_TRAIN = 32
_MIN_TRAINS = 1000
_XIAN_WINDOW_TRAINS = 160
_STEPS = (Status.PLANNED, Status.LOADING, Status.IN_TRANSIT, Status.AT_BORDER, Status.CUSTOMS,
          Status.ARRIVED, Status.UNLOADED)  # fmt: skip
_ORIGIN, _BORDER, _DEST = 0, 1, 2
#: Where each step happens: loading and departure at the origin, border steps at the Chinese
#: entry station, arrival and unloading at the destination.
_STEP_PLACE = (_ORIGIN, _ORIGIN, _ORIGIN, _BORDER, _BORDER, _DEST, _DEST)


# --- Public API -----------------------------------------------------------------------------


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
        raise UserError("the number of demo shipments must be 0 or more", shipments=shipments)
    if today < date(2021, 1, 1):
        raise UserError("demo data starts in December 2020: 'today' must be in 2021 or later")
    with _transaction(db) as conn:
        existing = conn.execute(select(func.count()).select_from(Shipment)).scalar_one()
        if existing:
            raise UserError(
                f"{db.name} already holds {existing} shipments; demo data goes into a new database",
                shipments=existing,
            )
        if shipments == 0:
            return DemoSummary(0, 0, 0, 0, 0, 0, time.perf_counter() - started)
        progress(0, 1, "planning")
        refs = _References.read(conn)
        plan = _plan(shipments, seed, today, refs)
        loader = _Loader(conn, db.is_sqlite, plan, refs, progress, cancel)
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


# --- Planning: every column computed up front, in numpy --------------------------------------


@dataclass(frozen=True)
class _References:
    """Ids of the reference rows the demo needs, by station name and by HS code."""

    stations: dict[str, int]
    commodities: dict[str, int]

    @classmethod
    def read(cls, conn: Connection) -> _References:
        stations: dict[str, int] = {}
        for id_, name in conn.execute(select(Station.id, Station.name).order_by(Station.id)):
            stations.setdefault(name, id_)
        commodities: dict[str, int] = {}
        for id_, hs in conn.execute(select(Commodity.id, Commodity.hs_code).order_by(Commodity.id)):
            commodities.setdefault(hs, id_)
        needed = {s[2] for s in _SUPPLIERS} | set(_BORDERS) | set(_DESTINATIONS)
        missing = sorted(needed - stations.keys()) + sorted(set(_HS) - commodities.keys())
        if missing:
            raise UserError(
                "the demo needs the reference stations and goods of a new database; missing: "
                + ", ".join(missing),
                missing=missing,
            )
        return cls(stations, commodities)


@dataclass
class _Trains:
    """Per train: index 0 is the first flaxseed train, the others follow by departure."""

    commodity: np.ndarray  # index into _HS
    wagon: np.ndarray
    units: np.ndarray
    supplier: np.ndarray  # index into _SUPPLIERS
    consignee: np.ndarray  # index into _CONSIGNEES
    dest: np.ndarray  # index into _DESTINATIONS
    station: np.ndarray  # (trains, 3) station ids: origin, border, destination
    steps: np.ndarray  # (trains, 7) epoch seconds of each step reached by the cutoff, else -1
    status: np.ndarray  # index into _STEPS
    hold_note: np.ndarray  # index into _HOLD_NOTES
    protected: np.ndarray  # no cancelled waybills: the first train, the board, H1-2025 Xi'an
    number: np.ndarray
    dep_day: np.ndarray
    planned_day: np.ndarray
    eta_day: np.ndarray


@dataclass
class _Plan:
    """The demo, column by column. Shipments are in id order, grouped by train."""

    trains: _Trains
    first: np.ndarray  # per train: index of its first shipment
    counts: np.ndarray  # per train: shipments
    live: np.ndarray  # per train: shipments not cancelled (they come first)
    columns: dict[str, np.ndarray]  # per shipment: columns of the staging table
    extras: dict[str, np.ndarray]  # for the few with notes or cancelled: the rest
    supplier: np.ndarray  # per shipment: index into _SUPPLIERS
    contract: np.ndarray  # per shipment: index into contracts, -1 = none
    cancel_events: list[tuple[int, str, str, int, str | None]]  # (shipment, at, status, ...)
    un_ship: np.ndarray
    un_kind: np.ndarray
    un_number: np.ndarray
    un_weight: np.ndarray
    contracts: list[dict[str, Any]]

    @property
    def events(self) -> int:
        """How many status events the plan writes."""
        reached = (self.trains.steps >= 0).sum(axis=1)
        return int((self.live * reached).sum()) + len(self.cancel_events)


def _epoch_day(d: date) -> int:
    return d.toordinal() - date(1970, 1, 1).toordinal()


def _dates(days: np.ndarray) -> np.ndarray:
    """Epoch days → 'YYYY-MM-DD', the way SQLAlchemy stores a date on SQLite."""
    return np.datetime_as_string(days.astype("datetime64[D]")).astype(object)


def _stamps(secs: np.ndarray) -> np.ndarray:
    """Epoch seconds → naive UTC 'YYYY-MM-DD HH:MM:SS.ffffff', as SQLAlchemy stores them."""
    iso = np.datetime_as_string(secs.astype("datetime64[s]")).tolist()
    return np.array([f"{s[:10]} {s[11:]}.000000" for s in iso], dtype=object)


def _largest_remainder(total: int, weights: np.ndarray) -> np.ndarray:
    """Whole numbers in proportion to ``weights`` that add up to exactly ``total``."""
    expected = total * weights / weights.sum()
    counts = np.floor(expected).astype(_I64)
    order = np.argsort(counts - expected, kind="stable")
    counts[order[: total - int(counts.sum())]] += 1
    return counts


def _cumulative(rows: Sequence[dict[int, float]], width: int) -> np.ndarray:
    """Rows of {column: weight} → a matrix of cumulative probabilities, row by row."""
    table = np.zeros((len(rows), width))
    for r, weights in enumerate(rows):
        for c, w in weights.items():
            table[r, c] = w
        table[r] = np.cumsum(table[r] / table[r].sum())
    return table


def _choose(rng: np.random.Generator, cumulative: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """For each element, a column drawn with the probabilities of its row of ``cumulative``."""
    picked = (rng.random(len(rows))[:, None] > cumulative[rows]).sum(axis=1)
    return np.minimum(picked, cumulative.shape[1] - 1)


def _flow_weights(today: date) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """Trains a month per flow (flows × months), and each month's (first day, days, y, m)."""
    windows: list[tuple[int, int, int, int]] = []
    start, end_all = _FIRST_DAY, today + timedelta(days=4)
    while start <= today:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        end = min(following, end_all)
        windows.append((_epoch_day(start), (end - start).days, start.year, start.month))
        start = following
    weights = np.zeros((len(_FLOWS), len(windows)))
    for f, flow in enumerate(_FLOWS):
        last_year = max(flow.per_month)
        for m, (first, days, year, month) in enumerate(windows):
            if date(year, month, 1) >= flow.first_month:
                following = date(year + month // 12, month % 12 + 1, 1)
                in_month = _epoch_day(following) - first
                level = flow.per_month.get(min(year, last_year), 0.0)
                weights[f, m] = level * _SEASON[month - 1] * days / in_month
    return weights, windows


def _train_count(shipments: int, today: date) -> int:
    """Enough trains for the real 2025 Xi'an tonnage, and at most 32 waybills a train."""
    weights, windows = _flow_weights(today)
    window = np.array([y == 2025 and m <= 6 for _, _, y, m in windows])
    share = weights[np.ix_(np.array(_XIAN_FLOWS), window)].sum() / weights.sum()
    floor = max(_MIN_TRAINS, math.ceil(_XIAN_WINDOW_TRAINS / share)) if share else _MIN_TRAINS
    # Below the Xi'an minimum a train has 1.5 waybills on average; from it on, as few as one.
    most = shipments if shipments >= XIAN_MINIMUM_SHIPMENTS else math.ceil(shipments * 2 / 3)
    trains = max(min(floor, most), -(-shipments // _MAX_SHIPMENTS_PER_TRAIN))
    return max(1, min(trains, shipments))


def _departures(
    rng: np.random.Generator, count: int, today: date, cutoff: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each train's flow, departure (epoch seconds) and board slot (-1: none), by departure."""
    weights, windows = _flow_weights(today)
    cells = np.repeat(np.arange(weights.size), _largest_remainder(count - 1, weights.ravel()))
    flow, month = np.divmod(cells, len(windows))
    first = np.array([w[0] for w in windows], dtype=_I64)[month]
    days = np.array([w[1] for w in windows], dtype=_I64)[month]
    dep = (first + (rng.random(len(cells)) * days).astype(_I64)) * _DAY
    dep += rng.integers(0, _DAY, len(cells))
    board = np.full(len(cells), -1)
    if len(cells) >= len(_BOARD):
        # The latest trains make today's board; they keep their lanes and goods.
        latest = np.argsort(dep, kind="stable")[-len(_BOARD) :]
        board[latest] = np.arange(len(_BOARD))
        dep[latest] = cutoff + np.array([b[0] for b in _BOARD]) * _HOUR
    order = np.argsort(dep, kind="stable")
    first_dep = _epoch_day(date(2020, 12, 19)) * _DAY + 6 * _HOUR
    return (
        np.r_[_FIRST_FLOW, flow[order]],
        np.r_[first_dep, dep[order]],
        np.r_[-1, board[order]],
    )


class _Lanes(NamedTuple):
    """Per train: what it carries, from whom to whom, and where it goes."""

    commodity: np.ndarray  # index into _HS
    wagon: np.ndarray
    units: np.ndarray
    supplier: np.ndarray  # index into _SUPPLIERS
    consignee: np.ndarray  # index into _CONSIGNEES
    dest: np.ndarray  # index into _DESTINATIONS
    border: np.ndarray  # index into _BORDERS
    station: np.ndarray  # (trains, 3) station ids: origin, border, destination


def _lanes(rng: np.random.Generator, flow: np.ndarray, refs: _References) -> _Lanes:
    """Goods, wagons or containers, units, supplier, consignee, destination and stations."""
    n = len(flow)
    goods = [{_HS.index(h): w for h, w in f.goods.items()} for f in _FLOWS]
    commodity = _choose(rng, _cumulative(goods, len(_HS)), flow)
    wagon = rng.random(n) < np.array([f.wagon_share for f in _FLOWS])[flow]
    units = np.where(wagon, rng.integers(20, 51, n), rng.integers(41, 63, n))
    sellers = [{s: 1.0 for s, x in enumerate(_SUPPLIERS) if h in x[3]} for h in _HS]
    supplier = _choose(rng, _cumulative(sellers, len(_SUPPLIERS)), commodity)
    borders = [{_BORDERS.index(b): w for b, w in f.borders.items()} for f in _FLOWS]
    border = _choose(rng, _cumulative(borders, len(_BORDERS)), flow)
    dest = np.array([_DESTINATIONS.index(f.destination) for f in _FLOWS])[flow]
    buyers = []
    for d in _DESTINATIONS:
        mine = [(c, x[2]) for c, x in enumerate(_CONSIGNEES) if x[1] == d]
        for h in _HS:
            buyers.append(
                {c: 1.0 for c, g in mine if h in g} or {c: 1.0 for c, g in mine if "*" in g}
            )
    consignee = _choose(rng, _cumulative(buyers, len(_CONSIGNEES)), dest * len(_HS) + commodity)
    # The first train: 52 containers of flaxseed from Kostanay flax growers to Ningxia.
    commodity[0], wagon[0], units[0] = _HS.index("1204"), False, 52
    supplier[0], consignee[0] = _FIRST_SUPPLIER, _FIRST_CONSIGNEE
    border[0] = _BORDERS.index("Alashankou")
    origin = np.array([refs.stations[s[2]] for s in _SUPPLIERS], dtype=_I64)[supplier]
    station = np.stack(
        [
            origin,
            np.array([refs.stations[b] for b in _BORDERS], dtype=_I64)[border],
            np.array([refs.stations[d] for d in _DESTINATIONS], dtype=_I64)[dest],
        ],
        axis=1,
    )
    return _Lanes(commodity, wagon, units, supplier, consignee, dest, border, station)


def _hours(rng: np.random.Generator, low: float, high: float, n: int) -> np.ndarray:
    return rng.uniform(low, high, n) * _HOUR


def _timetable(
    rng: np.random.Generator,
    flow: np.ndarray,
    dep: np.ndarray,
    board: np.ndarray,
    lanes: _Lanes,
    protected: np.ndarray,
    cutoff: int,
    refs: _References,
) -> tuple[np.ndarray, np.ndarray]:
    """Each train's step times in epoch seconds, -1 where not (yet) reached; and hold notes."""
    wagon, dest, station = lanes.wagon, lanes.dest, lanes.station
    n = len(dep)
    load = dep - _hours(rng, 18, 60, n)
    has_plan = rng.random(n) < 0.2  # most trains are first recorded from the loading list
    plan = dep - _hours(rng, 96, 288, n)
    leg1 = _hours(rng, 62, 106, n) + 14 * _HOUR * (station[:, _ORIGIN] == refs.stations["Aktobe-1"])
    dwell = _hours(rng, 5, 30, n)
    note = np.zeros(n, dtype=_I64)
    reach = dep + leg1
    alashankou = lanes.border == _BORDERS.index("Alashankou")
    holds = (
        # 2020-21: China stopped non-container grain at Dostyk-Alashankou; wagons stood months.
        (alashankou & wagon & (reach < _epoch_day(date(2021, 5, 1)) * _DAY), 120, 180),
        # Autumn 2025: sampling and laboratory tests held trains 5-10 days.
        (
            (reach >= _epoch_day(date(2025, 9, 1)) * _DAY)
            & (reach < _epoch_day(date(2025, 12, 1)) * _DAY)
            & (rng.random(n) < 0.5),
            5,
            10,
        ),
        (rng.random(n) < 0.06, 5, 10),
        ((rng.random(n) < 0.005) & ~protected, 25, 80),
    )
    for code, (mask, low, high) in enumerate(holds, start=1):
        hit = mask & (note == 0)
        hit[0] = False
        dwell[hit] = _hours(rng, low * 24, high * 24, int(hit.sum()))
        note[hit] = code
    customs = _hours(rng, 8, 36, n)
    leg2_days = np.array([_LEG2_DAYS[d] for d in _DESTINATIONS])[dest]
    leg2 = rng.uniform(leg2_days[:, 0], leg2_days[:, 1]) * _DAY
    unload = _hours(rng, 6, 40, n)
    for slot, (_, plan_h, *hours, code) in enumerate(_BOARD):
        i = np.flatnonzero(board == slot)
        load[i], leg1[i] = dep[i] - 30 * _HOUR, 84 * _HOUR
        dwell[i], customs[i], leg2[i], unload[i] = (h * _HOUR for h in hours)
        has_plan[i], plan[i], note[i] = plan_h is not None, cutoff + (plan_h or 0) * _HOUR, code
    # The first train: loaded 17 Dec, left 19 Dec, arrived at Qingtongxia 31 Dec 2020.
    load[0], has_plan[0], leg1[0], dwell[0] = dep[0] - 46 * _HOUR, False, 100 * _HOUR, 52 * _HOUR
    customs[0], leg2[0], unload[0] = 20 * _HOUR, 119 * _HOUR, 6 * _HOUR
    # A train not loading yet is known only as planned.
    unannounced = ~has_plan & (load > cutoff)
    has_plan |= unannounced
    plan[unannounced] = cutoff - _hours(rng, 1, 36, int(unannounced.sum()))
    plan = np.minimum(plan, cutoff - _HOUR)
    after_dep = np.cumsum(np.stack([leg1, dwell, customs + leg2, unload], axis=1), axis=1)
    steps = np.concatenate(
        [
            np.where(has_plan, plan, -1)[:, None],
            load[:, None],
            dep[:, None],
            dep[:, None] + after_dep,
        ],
        axis=1,
    ).astype(_I64)
    steps[steps > cutoff] = -1
    return steps, note


def _train_numbers(prefix: np.ndarray, dep: np.ndarray) -> np.ndarray:
    """'XAP-250114-03': the lane, the departure day and the train's rank among that day's."""
    day = dep // _DAY
    key = dep.copy()
    key[0] = -1  # the first flaxseed train is number 01 of its day
    order = np.lexsort((key, day))
    ordered = day[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    rank = np.empty(len(day), dtype=_I64)
    rank[order] = np.arange(len(day)) - np.repeat(starts, np.diff(np.r_[starts, len(day)]))
    ymd = _dates(day).tolist()
    return np.array(
        [
            f"{p}-{d[2:4]}{d[5:7]}{d[8:10]}-{r + 1:02d}"
            for p, d, r in zip(prefix, ymd, rank.tolist(), strict=True)
        ],
        dtype=object,
    )


def _plan_trains(
    rng: np.random.Generator, count: int, today: date, cutoff: int, refs: _References
) -> _Trains:
    """The trains: departures, lanes, timetables and numbers."""
    flow, dep, board = _departures(rng, count, today, cutoff)
    lanes = _lanes(rng, flow, refs)
    xian = np.isin(flow, _XIAN_FLOWS) & (dep >= _epoch_day(date(2024, 12, 15)) * _DAY)
    protected = (xian & (dep < _epoch_day(date(2025, 7, 1)) * _DAY)) | (board >= 0)
    protected[0] = True
    steps, note = _timetable(rng, flow, dep, board, lanes, protected, cutoff, refs)
    status = np.where(steps >= 0, np.arange(len(_STEPS)), -1).max(axis=1)
    dep_day = dep // _DAY
    delay = np.where(status >= 2, rng.choice(4, len(dep), p=[0.7, 0.2, 0.07, 0.03]), 0)
    prefix = np.array([f.prefix for f in _FLOWS], dtype=object)[flow].tolist()
    return _Trains(
        commodity=lanes.commodity,
        wagon=lanes.wagon,
        units=lanes.units,
        supplier=lanes.supplier,
        consignee=lanes.consignee,
        dest=lanes.dest,
        station=lanes.station,
        steps=steps,
        status=status,
        hold_note=note,
        protected=protected,
        number=_train_numbers(np.array(prefix, dtype=object), dep),
        dep_day=dep_day,
        planned_day=dep_day - delay,
        eta_day=dep_day + np.array([f.typical_days for f in _FLOWS])[flow],
    )


def _split_shipments(rng: np.random.Generator, n: int, units: np.ndarray) -> np.ndarray:
    """Shipments per train: at least one, at most one per unit, roughly in proportion to size."""
    trains = len(units)
    counts = np.ones(trains, dtype=_I64)
    if n > trains:
        counts += _largest_remainder(n - trains, (units - 1) * rng.uniform(0.6, 1.4, trains))
    over = counts - np.minimum(counts, units)
    if over.any():  # a rare rounding past a train's units: give the extra to trains with room
        counts -= over
        room = np.flatnonzero(counts < units)
        counts[room[: int(over.sum())]] += 1
    return counts


def _split_units(
    rng: np.random.Generator,
    sh_train: np.ndarray,
    rank: np.ndarray,
    counts: np.ndarray,
    units: np.ndarray,
) -> np.ndarray:
    """Units per shipment: at least one each, the rest of the train's shared out at random."""
    weight = rng.gamma(2.0, size=len(sh_train))
    total = np.bincount(sh_train, weights=weight, minlength=len(units))
    spare = units - counts
    share = np.floor(spare[sh_train] * weight / total[sh_train]).astype(_I64)
    left = spare - np.bincount(sh_train, weights=share, minlength=len(units)).astype(_I64)
    return 1 + share + (rank < left[sh_train])


def _iso6346_values() -> dict[str, int]:
    values, value = {}, 10
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        value += value % 11 == 0  # ISO 6346 skips 11, 22 and 33
        values[letter] = value
        value += 1
    return values


def _container_fleet(rng: np.random.Generator, size: int) -> np.ndarray:
    """``size`` distinct ISO 6346 container numbers, check digit computed."""
    letters = _iso6346_values()
    serial = rng.choice(1_000_000, size, replace=False).astype(_I64)
    owner = np.arange(size) % len(_CONTAINER_OWNERS)
    owner_sum = [sum(letters[c] << i for i, c in enumerate(o)) for o in _CONTAINER_OWNERS]
    total = np.array(owner_sum, dtype=_I64)[owner]
    for k in range(6):  # the serial's digits, most significant first, sit at positions 4..9
        total += (serial // 10 ** (5 - k) % 10) << (4 + k)
    check = (total % 11 % 10).tolist()
    return np.array(
        [
            f"{_CONTAINER_OWNERS[o]}{s:06d}{c}"
            for o, s, c in zip(owner.tolist(), serial.tolist(), check, strict=True)
        ],
        dtype=object,
    )


def _wagon_fleet(rng: np.random.Generator, size: int, kind_digit: int) -> np.ndarray:
    """``size`` distinct 8-digit 1520 mm wagon numbers, the last digit a Luhn check digit."""
    body = kind_digit * 1_000_000 + rng.choice(1_000_000, size, replace=False).astype(_I64)
    total = np.zeros(size, dtype=_I64)
    for k in range(7):
        digit = body // 10 ** (6 - k) % 10
        if k % 2 == 0:  # Luhn doubles every second digit leftwards from the check digit
            digit = 2 * digit - 9 * (digit >= 5)
        total += digit
    return (body * 10 + (10 - total % 10) % 10).astype(str).astype(object)


def _unit_numbers(
    rng: np.random.Generator, t: _Trains, un_train: np.ndarray, span_days: int
) -> np.ndarray:
    """Each unit's number from a fleet that goes round: a box is back about 45 days later."""
    first_unit = np.cumsum(t.units) - t.units
    position = np.arange(len(un_train)) - first_unit[un_train]
    numbers = np.empty(len(un_train), dtype=object)
    digit = np.array([_WAGON_KIND_DIGIT.get(h, 9) for h in _HS])[t.commodity]
    for kind in (None, 2, 7, 9):
        in_fleet = ~t.wagon if kind is None else t.wagon & (digit == kind)
        used = np.where(in_fleet, t.units, 0)
        if not used.any():
            continue
        size = max(200, int(t.units.max()), math.ceil(int(used.sum()) * 45 / span_days))
        fleet = _container_fleet(rng, size) if kind is None else _wagon_fleet(rng, size, kind)
        start = np.cumsum(used) - used
        mine = in_fleet[un_train]
        numbers[mine] = fleet[(start[un_train[mine]] + position[mine]) % size]
    return numbers


def _contracts(
    rng: np.random.Generator,
    supplier: np.ndarray,
    commodity: np.ndarray,
    planned_day: np.ndarray,
    net: np.ndarray,
    today: date,
) -> tuple[list[dict[str, Any]], np.ndarray]:
    """One contract per supplier, commodity and year, for about what was shipped under it."""
    has = rng.random(len(supplier)) >= 0.05  # the rest are spot purchases
    has[0] = True
    year = planned_day.astype("datetime64[D]").astype("datetime64[Y]").astype(_I64) + 1970
    key = (supplier * len(_HS) + commodity) * 10_000 + year
    unique, inverse = np.unique(key[has], return_inverse=True)
    shipped = np.bincount(inverse, weights=net[has], minlength=len(unique))
    rows: list[dict[str, Any]] = []
    for value, kg in zip(unique.tolist(), shipped.tolist(), strict=True):
        (s, h), y = divmod(value // 10_000, len(_HS)), value % 10_000
        _, code, _, _, in_cny = _SUPPLIERS[s]
        # A contract runs for the calendar year; this year's is not shipped in full yet.
        expected = kg * (12 / today.month if y >= today.year else 1.0)
        quantity = max(10_000, round(expected * rng.uniform(0.97, 1.08) / 10_000) * 10_000)
        price = _PRICE_USD[_HS[h]] * _PRICE_LEVEL.get(y, 0.95) * rng.uniform(0.96, 1.04)
        if in_cny:
            price *= _CNY_PER_USD.get(y, 7.1)
        rows.append({
            "number": f"{code}-{_HS[h]}-{y}", "supplier": s, "hs": _HS[h],
            "quantity_kg": quantity, "period_start": date(y, 1, 1), "period_end": date(y, 12, 31),
            "price": Decimal(f"{price:.2f}"), "currency": "CNY" if in_cny else "USD",
            "tolerance_pct": Decimal("2.5"),
        })  # fmt: skip
    index = np.full(len(supplier), -1, dtype=_I64)
    index[has] = inverse
    return rows, index


def _nullable(values: np.ndarray, present: np.ndarray) -> np.ndarray:
    out = values.astype(object)
    out[~present] = None
    return out


def _plan(n: int, seed: int, today: date, refs: _References) -> _Plan:
    """Plan ``n`` shipments: trains with their timetable as of ``today``, waybills, units."""
    rng = np.random.default_rng(seed)
    cutoff = _epoch_day(today) * _DAY  # "now" is the start of today, UTC
    t = _plan_trains(rng, _train_count(n, today), today, cutoff, refs)
    counts = _split_shipments(rng, n, t.units)
    sh_train = np.repeat(np.arange(len(counts)), counts)
    first = np.cumsum(counts) - counts
    rank = np.arange(n) - first[sh_train]
    per_ship = _split_units(rng, sh_train, rank, counts, t.units)
    un_ship = np.repeat(np.arange(n), per_ship)
    un_train = sh_train[un_ship]
    un_weight = np.where(
        t.wagon[un_train], rng.integers(52_000, 69_001, len(un_ship)),
        rng.integers(24_000, 27_001, len(un_ship)),
    )  # fmt: skip
    # The first train's 52 containers weigh exactly 1,313 t together.
    boxes = np.flatnonzero(un_train == 0)
    un_weight[boxes] = rng.integers(24_600, 25_901, len(boxes))
    diff = FIRST_FLAXSEED_KG - int(un_weight[boxes].sum())
    un_weight[boxes] += diff // len(boxes)
    un_weight[boxes[: diff % len(boxes)]] += 1
    net = np.bincount(un_ship, weights=un_weight, minlength=n).astype(_I64)

    # Cancelled waybills (about 1.2 %) were dropped while their train loaded; they come last
    # in their train, so the others keep a contiguous range of ids.
    loaded = (t.steps[:, 1] >= 0) & (t.steps[:, 1] <= cutoff - 2 * _HOUR) & ~t.protected
    dropped = np.bincount(sh_train, weights=rng.random(n) < 0.012, minlength=len(counts))
    live = counts - np.where(loaded, dropped.astype(_I64), 0)
    cancelled = rank >= live[sh_train]

    step = t.status[sh_train]
    arrived = (step >= 5) & ~cancelled
    loss = rng.uniform(0.0, 0.015, n)  # moisture: a little under the shipped weight
    draw = rng.random(n)
    short, surplus = draw < 0.02, (draw >= 0.02) & (draw < 0.027)
    loss[short] = rng.uniform(0.027, 0.05, int(short.sum()))  # beyond the 2.5 % tolerance
    loss[surplus] = -rng.uniform(0.001, 0.006, int(surplus.sum()))  # another scale's reading
    weight_note = np.full(n, None, dtype=object)
    noted = np.flatnonzero(short & arrived)
    for i, pick in zip(noted.tolist(), rng.integers(0, 2, len(noted)).tolist(), strict=True):
        train = sh_train[i]
        template = _SHORTAGE_NOTES[bool(t.wagon[train])][pick]
        weight_note[i] = template.format(
            pct=f"{loss[i] * 100:.1f}", place=_DESTINATIONS[t.dest[train]]
        )
    notes = np.full(n, None, dtype=object)
    notes[cancelled] = np.array(_CANCEL_NOTES, dtype=object)[
        rng.integers(0, len(_CANCEL_NOTES), int(cancelled.sum()))
    ]
    cancel_events, cancelled_at = _cancel_history(rng, t, sh_train, cancelled, notes, cutoff)
    columns = {
        "id": np.arange(1, n + 1, dtype=_I64),
        "train": sh_train,
        "net_weight_kg": net,
        "arrived_weight_kg": _nullable(np.rint(net * (1 - loss)).astype(_I64), arrived),
        "units": per_ship,
    }
    rare = np.flatnonzero(cancelled | (short & arrived))
    extras = {
        "id": rare + 1,
        "weight_note": weight_note[rare],
        "notes": notes[rare],
        "cancelled_at": cancelled_at[rare],
    }
    supplier = t.supplier[sh_train]
    contracts, contract = _contracts(
        rng, supplier, t.commodity[sh_train], t.planned_day[sh_train], net, today
    )
    return _Plan(
        trains=t,
        first=first,
        counts=counts,
        live=live,
        columns=columns,
        extras=extras,
        supplier=supplier,
        contract=contract,
        cancel_events=cancel_events,
        un_ship=un_ship,
        un_kind=np.where(t.wagon[un_train], "wagon", "container").astype(object),
        un_number=_unit_numbers(rng, t, un_train, (today - _FIRST_DAY).days + 4),
        un_weight=un_weight,
        contracts=contracts,
    )


def _cancel_history(
    rng: np.random.Generator,
    t: _Trains,
    sh_train: np.ndarray,
    cancelled: np.ndarray,
    notes: np.ndarray,
    cutoff: int,
) -> tuple[list[tuple[int, str, str, int, str | None]], np.ndarray]:
    """The events of the cancelled waybills (planned?, loading, cancelled) and when."""
    chosen = np.flatnonzero(cancelled)
    train = sh_train[chosen]
    load = t.steps[train, 1]
    until = np.where(t.steps[train, 2] >= 0, t.steps[train, 2], cutoff)
    at = load + _HOUR + (rng.random(len(chosen)) * (until - load - 2 * _HOUR)).astype(_I64)
    stamps, planned, loading = _stamps(at), _stamps(np.maximum(t.steps[train, 0], 0)), _stamps(load)
    events: list[tuple[int, str, str, int, str | None]] = []
    for j, (i, tr) in enumerate(zip(chosen.tolist(), train.tolist(), strict=True)):
        origin = int(t.station[tr, _ORIGIN])
        if t.steps[tr, 0] >= 0:
            events.append((i, planned[j], Status.PLANNED.value, origin, None))
        events.append((i, loading[j], Status.LOADING.value, origin, None))
        events.append((i, stamps[j], Status.CANCELLED.value, origin, notes[i]))
    cancelled_at = np.full(len(sh_train), None, dtype=object)
    cancelled_at[chosen] = stamps
    return events, cancelled_at


# --- Loading: through the driver, in the caller's transaction ---------------------------------

_BATCH = 50_000
_CACHE_KIB = 524_288  # SQLite page cache during the load: tables stay in it for their indexes
_INSERT_CHUNK = 200_000  # shipments per INSERT ... SELECT
_EVENT_CHUNK = 1_000  # trains per INSERT ... SELECT: about 200,000 events in a big demo
_BULK_TABLES = tuple(cast(Table, e.__table__) for e in (Shipment, ShipmentUnit, ShipmentEvent))
_SHIPMENTS, _UNITS, _EVENTS = _BULK_TABLES
# Temporary tables: (column, type), and how many leading columns make the primary key.
_TRAIN_STAGE = ((
    ("train", "int"), ("train_no", "text"), ("commodity_id", "int"), ("supplier_id", "int"),
    ("consignee_id", "int"), ("origin_station_id", "int"), ("border_station_id", "int"),
    ("destination_station_id", "int"), ("planned_departure", "date"), ("departure_date", "date"),
    ("eta", "date"), ("arrival_date", "date"), ("status", "text"), ("created_at", "stamp"),
    ("updated_at", "stamp"), ("wagon", "int"),
), 1)  # fmt: skip
_SHIPMENT_STAGE = ((
    ("id", "int"), ("train", "int"), ("contract_id", "int"), ("net_weight_kg", "int"),
    ("arrived_weight_kg", "int"), ("units", "int"),
), 1)  # fmt: skip
_EXTRA_STAGE = ((
    ("id", "int"), ("weight_note", "text"), ("notes", "text"), ("cancelled_at", "stamp"),
), 1)  # fmt: skip
_RUN_STAGE = ((
    ("train", "int"), ("live", "int"), ("steps", "int"), ("first_id", "int"), ("id_base", "int"),
), 1)  # fmt: skip
_STEP_STAGE = ((
    ("train", "int"), ("j", "int"), ("status", "text"), ("occurred_at", "stamp"),
    ("station_id", "int"), ("note", "text"),
), 2)  # fmt: skip
_NUMBER_STAGE = ((("k", "int"),), 1)
_TEMP_TABLES = (
    "demo_trains",
    "demo_shipments",
    "demo_extras",
    "demo_runs",
    "demo_steps",
    "demo_numbers",
)
_PG_TYPES = {"int": "bigint", "text": "text", "date": "date", "stamp": "timestamp"}
_UNIT_COLUMNS = ("id", "shipment_id", "kind", "number", "net_weight_kg")
_EVENT_COLUMNS = ("id", "shipment_id", "occurred_at", "status", "station_id", "note", "user")
# A cancelled waybill keeps its planned departure, and loses the departure, ETA and arrival.
# SMGS numbers: 8 digits rising with the id in uneven steps.
_INSERT_SHIPMENTS = f"""
INSERT INTO shipments (id, waybill, train_no, commodity_id, contract_id, supplier_id,
    consignee_id, origin_station_id, border_station_id, destination_station_id,
    planned_departure, departure_date, eta, arrival_date, status, net_weight_kg,
    arrived_weight_kg, weight_note, wagons, containers, notes, version, created_at, created_by,
    updated_at, updated_by)
SELECT s.id, CAST(10000000 + 6 * s.id + s.id * 7919 % 5 AS TEXT), t.train_no, t.commodity_id,
    s.contract_id, t.supplier_id, t.consignee_id, t.origin_station_id, t.border_station_id,
    t.destination_station_id, t.planned_departure,
    CASE WHEN x.cancelled_at IS NULL THEN t.departure_date END,
    CASE WHEN x.cancelled_at IS NULL THEN t.eta END,
    CASE WHEN x.cancelled_at IS NULL THEN t.arrival_date END,
    CASE WHEN x.cancelled_at IS NULL THEN t.status ELSE '{Status.CANCELLED.value}' END,
    s.net_weight_kg, s.arrived_weight_kg, x.weight_note,
    CASE WHEN t.wagon = 1 THEN s.units ELSE 0 END, CASE WHEN t.wagon = 1 THEN 0 ELSE s.units END,
    x.notes, 1, t.created_at, '{DEMO_USER}', COALESCE(x.cancelled_at, t.updated_at), '{DEMO_USER}'
FROM demo_shipments s JOIN demo_trains t ON t.train = s.train
    LEFT JOIN demo_extras x ON x.id = s.id
WHERE s.id >= {{lo}} AND s.id < {{hi}}
"""
# The steps of each train times its live waybills (ids first_id, first_id + 1, ...), in
# (waybill, step) order. CROSS JOIN keeps SQLite's loops in that order: no sort, and the table
# only grows at its end.
_INSERT_EVENTS = f"""
INSERT INTO shipment_events (id, shipment_id, occurred_at, status, station_id, note, "user")
SELECT r.id_base + n.k * r.steps + st.j, r.first_id + n.k, st.occurred_at, st.status,
    st.station_id, st.note, '{DEMO_USER}'
FROM demo_runs r CROSS JOIN demo_numbers n CROSS JOIN demo_steps st
WHERE r.train >= {{lo}} AND r.train < {{hi}} AND n.k < r.live AND st.train = r.train
"""


def _ensure_rows(
    conn: Connection, entity: Any, key: str, rows: list[dict[str, Any]]
) -> tuple[dict[str, int], int]:
    """Insert the rows whose ``key`` is not there yet; return every key's id, and how many new."""
    column = getattr(entity, key)
    keys = [r[key] for r in rows]
    have = set(conn.execute(select(column).where(column.in_(keys))).scalars())
    new = [r for r in rows if r[key] not in have]
    if new:
        conn.execute(insert(entity), new)
    found = conn.execute(select(column, entity.id).where(column.in_(keys)))
    return {k: id_ for k, id_ in found}, len(new)


class _Loader:
    """Writes a plan into the database through the driver of the transaction's connection."""

    def __init__(
        self,
        conn: Connection,
        is_sqlite: bool,
        plan: _Plan,
        refs: _References,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> None:
        self.conn = conn
        self.is_sqlite = is_sqlite
        self.raw: Any = conn.connection.driver_connection
        self.plan = plan
        self.refs = refs
        self.progress = progress
        self.cancel = cancel
        self.added_parties = self.added_contracts = 0
        n, units, trains = len(plan.supplier), len(plan.un_ship), len(plan.counts)
        self.done = 0
        # One step each: reference rows, trains, checks; and one per batch, chunk and index.
        self.total = (
            3 + -(-n // _BATCH) + -(-n // _INSERT_CHUNK) + -(-units // _BATCH)
            + -(-trains // _EVENT_CHUNK) + sum(len(t.indexes) for t in _BULK_TABLES)
        )  # fmt: skip

    def _step(self, note: str) -> None:
        if self.cancel is not None:
            self.cancel.check()
        self.done += 1
        self.progress(self.done, self.total, note)

    def run(self) -> None:
        """Load the whole plan; the caller commits."""
        self._step("counterparties and contracts")
        parties, contracts = self._reference_rows()
        self._tune()
        foreign_keys = self._drop_foreign_keys()
        # Each table's indexes are built right after its rows, while they are in cache.
        with self._indexes(_SHIPMENTS):
            self._shipments(parties, contracts)
        with self._indexes(_UNITS):
            self._units()
        with self._indexes(_EVENTS):
            self._events()
        self._step("checks and statistics")
        for fk in foreign_keys:
            self.conn.execute(AddConstraint(fk))  # checks every row in one pass
        self._verify()
        if self.is_sqlite:  # PostgreSQL drops them at the commit
            for table in _TEMP_TABLES:
                self._execute(f"DROP TABLE {table}")
        self._statistics()
        if self.cancel is not None:  # the last chance before the commit
            self.cancel.check()

    @contextmanager
    def _indexes(self, table: Table) -> Iterator[None]:
        """Drop a table's secondary indexes for the load, and build them afterwards."""
        dropped = sorted(table.indexes, key=lambda i: str(i.name))
        for index in dropped:
            index.drop(self.conn)
        yield
        for index in dropped:
            self._step(f"index {index.name}")
            index.create(self.conn)

    def _drop_foreign_keys(self) -> list[ForeignKeyConstraint]:
        """PostgreSQL checks foreign keys row by row with triggers: drop them for the load.

        Added back before the commit, each is checked over the whole table in one query. (On
        SQLite the transaction runs with foreign keys off instead; see _transaction.)
        """
        if self.is_sqlite:
            return []
        dropped = [
            fk
            for table in _BULK_TABLES
            for fk in sorted(table.foreign_key_constraints, key=lambda c: str(c.name))
        ]
        for fk in dropped:
            self.conn.execute(DropConstraint(fk))
        return dropped

    def _tune(self) -> None:
        """Settings for a bulk load; _transaction restores SQLite's afterwards."""
        if not self.is_sqlite:
            self._execute("SET LOCAL maintenance_work_mem = '256MB'")
            return
        self._execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        # A CHECK with an IN list costs SQLite a small table per row: 3x slower inserts. The
        # checks are verified over the whole tables at the end instead (see _verify).
        self._execute("PRAGMA ignore_check_constraints = ON")

    def _reference_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """Counterparties and contracts (a few hundred rows) through SQLAlchemy Core."""
        parties = (
            [{"name": s[0], "role": "supplier", "country": "KZ"} for s in _SUPPLIERS]
            + [{"name": c[0], "role": "consignee", "country": "CN"} for c in _CONSIGNEES]
            + [{"name": f[0], "role": "forwarder", "country": f[1]} for f in _FORWARDERS]
        )
        ids, self.added_parties = _ensure_rows(self.conn, Counterparty, "name", parties)
        party_ids = np.array([ids[p["name"]] for p in parties], dtype=_I64)
        contracts = [
            {k: v for k, v in row.items() if k not in ("supplier", "hs")}
            | {
                "supplier_id": int(party_ids[row["supplier"]]),
                "commodity_id": self.refs.commodities[row["hs"]],
            }
            for row in self.plan.contracts
        ]
        numbers, self.added_contracts = _ensure_rows(self.conn, Contract, "number", contracts)
        return party_ids, np.array([numbers[c["number"]] for c in contracts] + [0], dtype=_I64)

    # -- writing --

    def _execute(self, sql: str) -> None:
        cur = self.raw.cursor()
        try:
            cur.execute(sql)
        finally:
            cur.close()

    def _scalar(self, sql: str) -> int:
        cur = self.raw.cursor()
        try:
            cur.execute(sql)
            return int(cur.fetchone()[0])
        finally:
            cur.close()

    def _write(self, table: str, names: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
        columns = ", ".join(f'"{c}"' for c in names)
        if self.is_sqlite:
            marks = ", ".join("?" * len(names))
            self.raw.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        else:
            with self.raw.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def _stage(
        self,
        table: str,
        spec: tuple[tuple[tuple[str, str], ...], int],
        arrays: Sequence[np.ndarray],
        note: str | None = None,
    ) -> None:
        """A temporary table filled with ``arrays`` (in batches, if ``note`` is given)."""
        columns, keys = spec
        names = [c for c, _ in columns]
        key = ", ".join(names[:keys])
        self._execute(f"DROP TABLE IF EXISTS {table}")
        if self.is_sqlite:
            cols = ", ".join(f"{c} {'INTEGER' if k == 'int' else 'TEXT'}" for c, k in columns)
            self._execute(f"CREATE TEMP TABLE {table} ({cols}, PRIMARY KEY ({key}))")
        else:  # dropped at commit, and so at rollback too
            cols = ", ".join(f"{c} {_PG_TYPES[k]}" for c, k in columns)
            self._execute(f"CREATE TEMP TABLE {table} ({cols}, PRIMARY KEY ({key})) ON COMMIT DROP")
        size = len(arrays[0])
        batch = _BATCH if note else max(size, 1)
        for start in range(0, size, batch):
            if note:
                self._step(note)
            part = (a[start : start + batch].tolist() for a in arrays)
            self._write(table, names, zip(*part, strict=True))
        if not self.is_sqlite:
            self._execute(f"ANALYZE {table}")

    def _shipments(self, party_ids: np.ndarray, contract_ids: np.ndarray) -> None:
        """Trains and waybills into temporary tables, then joined into shipments."""
        plan, t = self.plan, self.plan.trains
        first_step = np.where(t.steps[:, 0] >= 0, t.steps[:, 0], t.steps[:, 1])
        commodity_ids = np.array([self.refs.commodities[h] for h in _HS], dtype=_I64)
        self._step("trains")
        trains = [
            np.arange(len(t.units), dtype=_I64),
            t.number,
            commodity_ids[t.commodity],
            party_ids[t.supplier],
            party_ids[len(_SUPPLIERS) + t.consignee],
            t.station[:, _ORIGIN],
            t.station[:, _BORDER],
            t.station[:, _DEST],
            _dates(t.planned_day),
            _nullable(_dates(t.dep_day), t.status >= 2),
            _dates(t.eta_day),
            _nullable(_dates(np.maximum(t.steps[:, 5], 0) // _DAY), t.status >= 5),
            np.array([s.value for s in _STEPS], dtype=object)[t.status],
            _stamps(first_step),
            _stamps(t.steps.max(axis=1)),
            t.wagon.astype(_I64),
        ]
        self._stage("demo_trains", _TRAIN_STAGE, trains)
        cols = dict(plan.columns)
        cols["contract_id"] = _nullable(contract_ids[plan.contract], plan.contract >= 0)
        waybills = [cols[c] for c, _ in _SHIPMENT_STAGE[0]]
        self._stage("demo_shipments", _SHIPMENT_STAGE, waybills, "waybills")
        self._stage("demo_extras", _EXTRA_STAGE, [plan.extras[c] for c, _ in _EXTRA_STAGE[0]])
        for lo in range(1, len(plan.supplier) + 1, _INSERT_CHUNK):
            self._step("shipments")
            self._execute(_INSERT_SHIPMENTS.format(lo=lo, hi=lo + _INSERT_CHUNK))

    def _units(self) -> None:
        plan = self.plan
        arrays = [
            np.arange(1, len(plan.un_ship) + 1, dtype=_I64),
            plan.un_ship + 1,
            plan.un_kind,
            plan.un_number,
            plan.un_weight,
        ]
        for start in range(0, len(plan.un_ship), _BATCH):
            self._step("containers and wagons")
            part = (a[start : start + _BATCH].tolist() for a in arrays)
            self._write("shipment_units", _UNIT_COLUMNS, zip(*part, strict=True))

    def _events(self) -> None:
        """Expand each train's steps over its live waybills inside the database."""
        plan, t = self.plan, self.plan.trains
        reached = t.steps >= 0
        steps = reached.sum(axis=1)
        size = plan.live * steps
        runs = [np.arange(len(steps)), plan.live, steps, plan.first + 1, 1 + np.cumsum(size) - size]
        self._stage("demo_runs", _RUN_STAGE, runs)
        train, step = np.nonzero(reached)  # by train, then step
        j = np.arange(len(train)) - np.repeat(np.cumsum(steps) - steps, steps)
        note = np.full(len(train), None, dtype=object)
        held = (step == 3) & (t.hold_note[train] > 0)
        note[held] = np.array(_HOLD_NOTES, dtype=object)[t.hold_note[train[held]]]
        station = t.station[:, list(_STEP_PLACE)][train, step]
        status = np.array([s.value for s in _STEPS], dtype=object)[step]
        rows = [train, j, status, _stamps(t.steps[train, step]), station, note]
        self._stage("demo_steps", _STEP_STAGE, rows)
        self._stage("demo_numbers", _NUMBER_STAGE, [np.arange(int(plan.counts.max()))])
        for lo in range(0, len(steps), _EVENT_CHUNK):
            self._step("status history")
            self._execute(_INSERT_EVENTS.format(lo=lo, hi=lo + _EVENT_CHUNK))
        base = 1 + int(size.sum())
        cancelled = (
            (base + k, i + 1, at, status, station, text_, DEMO_USER)
            for k, (i, at, status, station, text_) in enumerate(plan.cancel_events)
        )
        self._write("shipment_events", _EVENT_COLUMNS, cancelled)

    def _verify(self) -> None:
        """SQLite loaded with CHECKs off: test every CHECK over the loaded rows at once."""
        if not self.is_sqlite:
            return
        # The events copy their statuses from demo_steps, or are the few cancelled ones.
        for table, source in zip(
            _BULK_TABLES, ("shipments", "shipment_units", "demo_steps"), strict=True
        ):
            checks = [c for c in table.constraints if isinstance(c, CheckConstraint)]
            where = " OR ".join(f"NOT ({c.sqltext})" for c in checks)
            bad = self._scalar(f"SELECT count(*) FROM {source} WHERE {where}")
            if bad:
                raise RuntimeError(f"demo rows break a CHECK constraint of {table.name}: {bad}")

    def _statistics(self) -> None:
        """Fresh planner statistics; PostgreSQL's id sequences moved past the explicit ids."""
        if self.is_sqlite:
            # A sample of each index is enough for the planner, and keeps ANALYZE short.
            self._execute("PRAGMA analysis_limit = 1000")
            self._execute("ANALYZE")
            return
        for table in _BULK_TABLES:
            self._execute(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT max(id) FROM {table.name}))"
            )
            self._execute(f"ANALYZE {table.name}")
