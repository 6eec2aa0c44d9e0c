"""Planning the trains: departures by lane and month, goods and parties, timetables, numbers."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

import numpy as np

from models.services.demo.business import (
    BOARD,
    BORDERS,
    CONSIGNEES,
    DESTINATIONS,
    FIRST_CONSIGNEE,
    FIRST_DAY,
    FIRST_FLOW,
    FIRST_SUPPLIER,
    FLOWS,
    HS,
    LEG2_DAYS,
    ORIGIN,
    SEASON,
    STEPS,
    SUPPLIERS,
    XIAN_FLOWS,
    XIAN_MINIMUM_SHIPMENTS,
    References,
)
from models.services.demo.columns import (
    DAY,
    HOUR,
    I64,
    choose,
    cumulative_table,
    date_strings,
    epoch_day,
    largest_remainder,
)

# Large demos have small waybills (one or two boxes each, as with per-container SMGS notes),
# at most this many a train. Small demos keep at least _MIN_TRAINS trains with whole-train
# waybills instead, so that the real 2025 Xi'an tonnage is there at 2,000 shipments.
_MAX_SHIPMENTS_PER_TRAIN = 32
_MIN_TRAINS = 1000
_XIAN_WINDOW_TRAINS = 160


@dataclass
class Trains:
    """Per train: index 0 is the first flaxseed train, the others follow by departure."""

    commodity: np.ndarray  # index into HS
    wagon: np.ndarray
    units: np.ndarray
    supplier: np.ndarray  # index into SUPPLIERS
    consignee: np.ndarray  # index into CONSIGNEES
    dest: np.ndarray  # index into DESTINATIONS
    station: np.ndarray  # (trains, 3) station ids: origin, border, destination
    steps: np.ndarray  # (trains, 7) epoch seconds of each step reached by the cutoff, else -1
    status: np.ndarray  # index into STEPS
    hold_note: np.ndarray  # index into HOLD_NOTES
    protected: np.ndarray  # no cancelled waybills: the first train, the board, H1-2025 Xi'an
    number: np.ndarray
    dep_day: np.ndarray
    planned_day: np.ndarray
    eta_day: np.ndarray


def _flow_weights(today: date) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """Trains a month per flow (flows × months), and each month's (first day, days, y, m)."""
    windows: list[tuple[int, int, int, int]] = []
    start, end_all = FIRST_DAY, today + timedelta(days=4)
    while start <= today:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        end = min(following, end_all)
        windows.append((epoch_day(start), (end - start).days, start.year, start.month))
        start = following
    weights = np.zeros((len(FLOWS), len(windows)))
    for f, flow in enumerate(FLOWS):
        last_year = max(flow.per_month)
        for m, (first, days, year, month) in enumerate(windows):
            if date(year, month, 1) >= flow.first_month:
                following = date(year + month // 12, month % 12 + 1, 1)
                in_month = epoch_day(following) - first
                level = flow.per_month.get(min(year, last_year), 0.0)
                weights[f, m] = level * SEASON[month - 1] * days / in_month
    return weights, windows


def train_count(shipments: int, today: date) -> int:
    """Enough trains for the real 2025 Xi'an tonnage, and at most 32 waybills a train."""
    weights, windows = _flow_weights(today)
    window = np.array([y == 2025 and m <= 6 for _, _, y, m in windows])
    share = weights[np.ix_(np.array(XIAN_FLOWS), window)].sum() / weights.sum()
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
    cells = np.repeat(np.arange(weights.size), largest_remainder(count - 1, weights.ravel()))
    flow, month = np.divmod(cells, len(windows))
    first = np.array([w[0] for w in windows], dtype=I64)[month]
    days = np.array([w[1] for w in windows], dtype=I64)[month]
    dep = (first + (rng.random(len(cells)) * days).astype(I64)) * DAY
    dep += rng.integers(0, DAY, len(cells))
    board = np.full(len(cells), -1)
    if len(cells) >= len(BOARD):
        # The latest trains make today's board; they keep their lanes and goods.
        latest = np.argsort(dep, kind="stable")[-len(BOARD) :]
        board[latest] = np.arange(len(BOARD))
        dep[latest] = cutoff + np.array([b[0] for b in BOARD]) * HOUR
    order = np.argsort(dep, kind="stable")
    first_dep = epoch_day(date(2020, 12, 19)) * DAY + 6 * HOUR
    return (
        np.r_[FIRST_FLOW, flow[order]],
        np.r_[first_dep, dep[order]],
        np.r_[-1, board[order]],
    )


class _Lanes(NamedTuple):
    """Per train: what it carries, from whom to whom, and where it goes."""

    commodity: np.ndarray  # index into HS
    wagon: np.ndarray
    units: np.ndarray
    supplier: np.ndarray  # index into SUPPLIERS
    consignee: np.ndarray  # index into CONSIGNEES
    dest: np.ndarray  # index into DESTINATIONS
    border: np.ndarray  # index into BORDERS
    station: np.ndarray  # (trains, 3) station ids: origin, border, destination


def _lanes(rng: np.random.Generator, flow: np.ndarray, refs: References) -> _Lanes:
    """Goods, wagons or containers, units, supplier, consignee, destination and stations."""
    n = len(flow)
    goods = [{HS.index(h): w for h, w in f.goods.items()} for f in FLOWS]
    commodity = choose(rng, cumulative_table(goods, len(HS)), flow)
    wagon = rng.random(n) < np.array([f.wagon_share for f in FLOWS])[flow]
    units = np.where(wagon, rng.integers(20, 51, n), rng.integers(41, 63, n))
    sellers = [{s: 1.0 for s, x in enumerate(SUPPLIERS) if h in x[3]} for h in HS]
    supplier = choose(rng, cumulative_table(sellers, len(SUPPLIERS)), commodity)
    borders = [{BORDERS.index(b): w for b, w in f.borders.items()} for f in FLOWS]
    border = choose(rng, cumulative_table(borders, len(BORDERS)), flow)
    dest = np.array([DESTINATIONS.index(f.destination) for f in FLOWS])[flow]
    buyers = []
    for d in DESTINATIONS:
        mine = [(c, x[2]) for c, x in enumerate(CONSIGNEES) if x[1] == d]
        for h in HS:
            buyers.append(
                {c: 1.0 for c, g in mine if h in g} or {c: 1.0 for c, g in mine if "*" in g}
            )
    consignee = choose(rng, cumulative_table(buyers, len(CONSIGNEES)), dest * len(HS) + commodity)
    # The first train: 52 containers of flaxseed from Kostanay flax growers to Ningxia.
    commodity[0], wagon[0], units[0] = HS.index("1204"), False, 52
    supplier[0], consignee[0] = FIRST_SUPPLIER, FIRST_CONSIGNEE
    border[0] = BORDERS.index("Alashankou")
    origin = np.array([refs.stations[s[2]] for s in SUPPLIERS], dtype=I64)[supplier]
    station = np.stack(
        [
            origin,
            np.array([refs.stations[b] for b in BORDERS], dtype=I64)[border],
            np.array([refs.stations[d] for d in DESTINATIONS], dtype=I64)[dest],
        ],
        axis=1,
    )
    return _Lanes(commodity, wagon, units, supplier, consignee, dest, border, station)


def _hours(rng: np.random.Generator, low: float, high: float, n: int) -> np.ndarray:
    return rng.uniform(low, high, n) * HOUR


def _timetable(
    rng: np.random.Generator,
    flow: np.ndarray,
    dep: np.ndarray,
    board: np.ndarray,
    lanes: _Lanes,
    protected: np.ndarray,
    cutoff: int,
    refs: References,
) -> tuple[np.ndarray, np.ndarray]:
    """Each train's step times in epoch seconds, -1 where not (yet) reached; and hold notes."""
    wagon, dest, station = lanes.wagon, lanes.dest, lanes.station
    n = len(dep)
    load = dep - _hours(rng, 18, 60, n)
    has_plan = rng.random(n) < 0.2  # most trains are first recorded from the loading list
    plan = dep - _hours(rng, 96, 288, n)
    leg1 = _hours(rng, 62, 106, n) + 14 * HOUR * (station[:, ORIGIN] == refs.stations["Aktobe-1"])
    dwell = _hours(rng, 5, 30, n)
    note = np.zeros(n, dtype=I64)
    reach = dep + leg1
    alashankou = lanes.border == BORDERS.index("Alashankou")
    holds = (
        # 2020-21: China stopped non-container grain at Dostyk-Alashankou; wagons stood months.
        (alashankou & wagon & (reach < epoch_day(date(2021, 5, 1)) * DAY), 120, 180),
        # Autumn 2025: sampling and laboratory tests held trains 5-10 days.
        (
            (reach >= epoch_day(date(2025, 9, 1)) * DAY)
            & (reach < epoch_day(date(2025, 12, 1)) * DAY)
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
    leg2_days = np.array([LEG2_DAYS[d] for d in DESTINATIONS])[dest]
    leg2 = rng.uniform(leg2_days[:, 0], leg2_days[:, 1]) * DAY
    unload = _hours(rng, 6, 40, n)
    for slot, (_, plan_h, *hours, code) in enumerate(BOARD):
        i = np.flatnonzero(board == slot)
        load[i], leg1[i] = dep[i] - 30 * HOUR, 84 * HOUR
        dwell[i], customs[i], leg2[i], unload[i] = (h * HOUR for h in hours)
        has_plan[i], plan[i], note[i] = plan_h is not None, cutoff + (plan_h or 0) * HOUR, code
    # The first train: loaded 17 Dec, left 19 Dec, arrived at Qingtongxia 31 Dec 2020.
    load[0], has_plan[0], leg1[0], dwell[0] = dep[0] - 46 * HOUR, False, 100 * HOUR, 52 * HOUR
    customs[0], leg2[0], unload[0] = 20 * HOUR, 119 * HOUR, 6 * HOUR
    # A train not loading yet is known only as planned.
    unannounced = ~has_plan & (load > cutoff)
    has_plan |= unannounced
    plan[unannounced] = cutoff - _hours(rng, 1, 36, int(unannounced.sum()))
    plan = np.minimum(plan, cutoff - HOUR)
    after_dep = np.cumsum(np.stack([leg1, dwell, customs + leg2, unload], axis=1), axis=1)
    steps = np.concatenate(
        [
            np.where(has_plan, plan, -1)[:, None],
            load[:, None],
            dep[:, None],
            dep[:, None] + after_dep,
        ],
        axis=1,
    ).astype(I64)
    steps[steps > cutoff] = -1
    return steps, note


def _train_numbers(prefix: np.ndarray, dep: np.ndarray) -> np.ndarray:
    """'XAP-250114-03': the lane, the departure day and the train's rank among that day's."""
    day = dep // DAY
    key = dep.copy()
    key[0] = -1  # the first flaxseed train is number 01 of its day
    order = np.lexsort((key, day))
    ordered = day[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    rank = np.empty(len(day), dtype=I64)
    rank[order] = np.arange(len(day)) - np.repeat(starts, np.diff(np.r_[starts, len(day)]))
    ymd = date_strings(day).tolist()
    return np.array(
        [
            f"{p}-{d[2:4]}{d[5:7]}{d[8:10]}-{r + 1:02d}"
            for p, d, r in zip(prefix, ymd, rank.tolist(), strict=True)
        ],
        dtype=object,
    )


def plan_trains(
    rng: np.random.Generator, count: int, today: date, cutoff: int, refs: References
) -> Trains:
    """The trains: departures, lanes, timetables and numbers."""
    flow, dep, board = _departures(rng, count, today, cutoff)
    lanes = _lanes(rng, flow, refs)
    xian = np.isin(flow, XIAN_FLOWS) & (dep >= epoch_day(date(2024, 12, 15)) * DAY)
    protected = (xian & (dep < epoch_day(date(2025, 7, 1)) * DAY)) | (board >= 0)
    protected[0] = True
    steps, note = _timetable(rng, flow, dep, board, lanes, protected, cutoff, refs)
    status = np.where(steps >= 0, np.arange(len(STEPS)), -1).max(axis=1)
    dep_day = dep // DAY
    delay = np.where(status >= 2, rng.choice(4, len(dep), p=[0.7, 0.2, 0.07, 0.03]), 0)
    prefix = np.array([f.prefix for f in FLOWS], dtype=object)[flow].tolist()
    return Trains(
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
        eta_day=dep_day + np.array([f.typical_days for f in FLOWS])[flow],
    )
