"""Planning: every column computed up front, in numpy.

The trains (see :mod:`.trains`) are split into waybills and those into containers or wagons;
then weights, cancellations, notes and contracts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np

from models.rules.status import Status
from models.services.demo.business import (
    CANCEL_NOTES,
    CNY_PER_USD,
    DESTINATIONS,
    FIRST_DAY,
    FIRST_FLAXSEED_KG,
    HS,
    ORIGIN,
    PRICE_LEVEL,
    PRICE_USD,
    SHORTAGE_NOTES,
    SUPPLIERS,
    References,
)
from models.services.demo.columns import (
    DAY,
    HOUR,
    I64,
    epoch_day,
    largest_remainder,
    nullable,
    stamp_strings,
)
from models.services.demo.identifiers import unit_numbers
from models.services.demo.trains import Trains, plan_trains, train_count


@dataclass
class Plan:
    """The demo, column by column. Shipments are in id order, grouped by train."""

    trains: Trains
    first: np.ndarray  # per train: index of its first shipment
    counts: np.ndarray  # per train: shipments
    live: np.ndarray  # per train: shipments not cancelled (they come first)
    columns: dict[str, np.ndarray]  # per shipment: columns of the staging table
    extras: dict[str, np.ndarray]  # for the few with notes or cancelled: the rest
    supplier: np.ndarray  # per shipment: index into SUPPLIERS
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


def _split_shipments(rng: np.random.Generator, n: int, units: np.ndarray) -> np.ndarray:
    """Shipments per train: at least one, at most one per unit, roughly in proportion to size."""
    trains = len(units)
    counts = np.ones(trains, dtype=I64)
    if n > trains:
        counts += largest_remainder(n - trains, (units - 1) * rng.uniform(0.6, 1.4, trains))
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
    share = np.floor(spare[sh_train] * weight / total[sh_train]).astype(I64)
    left = spare - np.bincount(sh_train, weights=share, minlength=len(units)).astype(I64)
    return 1 + share + (rank < left[sh_train])


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
    year = planned_day.astype("datetime64[D]").astype("datetime64[Y]").astype(I64) + 1970
    key = (supplier * len(HS) + commodity) * 10_000 + year
    unique, inverse = np.unique(key[has], return_inverse=True)
    shipped = np.bincount(inverse, weights=net[has], minlength=len(unique))
    rows: list[dict[str, Any]] = []
    for value, kg in zip(unique.tolist(), shipped.tolist(), strict=True):
        (s, h), y = divmod(value // 10_000, len(HS)), value % 10_000
        _, code, _, _, in_cny = SUPPLIERS[s]
        # A contract runs for the calendar year; this year's is not shipped in full yet.
        expected = kg * (12 / today.month if y >= today.year else 1.0)
        quantity = max(10_000, round(expected * rng.uniform(0.97, 1.08) / 10_000) * 10_000)
        price = PRICE_USD[HS[h]] * PRICE_LEVEL.get(y, 0.95) * rng.uniform(0.96, 1.04)
        if in_cny:
            price *= CNY_PER_USD.get(y, 7.1)
        rows.append({
            "number": f"{code}-{HS[h]}-{y}", "supplier": s, "hs": HS[h],
            "quantity_kg": quantity, "period_start": date(y, 1, 1), "period_end": date(y, 12, 31),
            "price": Decimal(f"{price:.2f}"), "currency": "CNY" if in_cny else "USD",
            "tolerance_pct": Decimal("2.5"),
        })  # fmt: skip
    index = np.full(len(supplier), -1, dtype=I64)
    index[has] = inverse
    return rows, index


def make_plan(n: int, seed: int, today: date, refs: References) -> Plan:
    """Plan ``n`` shipments: trains with their timetable as of ``today``, waybills, units."""
    rng = np.random.default_rng(seed)
    cutoff = epoch_day(today) * DAY  # "now" is the start of today, UTC
    t = plan_trains(rng, train_count(n, today), today, cutoff, refs)
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
    net = np.bincount(un_ship, weights=un_weight, minlength=n).astype(I64)

    # Cancelled waybills (about 1.2 %) were dropped while their train loaded; they come last
    # in their train, so the others keep a contiguous range of ids.
    loaded = (t.steps[:, 1] >= 0) & (t.steps[:, 1] <= cutoff - 2 * HOUR) & ~t.protected
    dropped = np.bincount(sh_train, weights=rng.random(n) < 0.012, minlength=len(counts))
    live = counts - np.where(loaded, dropped.astype(I64), 0)
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
        template = SHORTAGE_NOTES[bool(t.wagon[train])][pick]
        weight_note[i] = template.format(
            pct=f"{loss[i] * 100:.1f}", place=DESTINATIONS[t.dest[train]]
        )
    notes = np.full(n, None, dtype=object)
    notes[cancelled] = np.array(CANCEL_NOTES, dtype=object)[
        rng.integers(0, len(CANCEL_NOTES), int(cancelled.sum()))
    ]
    cancel_events, cancelled_at = _cancel_history(rng, t, sh_train, cancelled, notes, cutoff)
    columns = {
        "id": np.arange(1, n + 1, dtype=I64),
        "train": sh_train,
        "net_weight_kg": net,
        "arrived_weight_kg": nullable(np.rint(net * (1 - loss)).astype(I64), arrived),
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
    return Plan(
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
        un_number=unit_numbers(rng, t, un_train, (today - FIRST_DAY).days + 4),
        un_weight=un_weight,
        contracts=contracts,
    )


def _cancel_history(
    rng: np.random.Generator,
    t: Trains,
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
    at = load + HOUR + (rng.random(len(chosen)) * (until - load - 2 * HOUR)).astype(I64)
    stamps, planned, loading = (
        stamp_strings(at),
        stamp_strings(np.maximum(t.steps[train, 0], 0)),
        stamp_strings(load),
    )
    events: list[tuple[int, str, str, int, str | None]] = []
    for j, (i, tr) in enumerate(zip(chosen.tolist(), train.tolist(), strict=True)):
        origin = int(t.station[tr, ORIGIN])
        if t.steps[tr, 0] >= 0:
            events.append((i, planned[j], Status.PLANNED.value, origin, None))
        events.append((i, loading[j], Status.LOADING.value, origin, None))
        events.append((i, stamps[j], Status.CANCELLED.value, origin, notes[i]))
    cancelled_at = np.full(len(sh_train), None, dtype=object)
    cancelled_at[chosen] = stamps
    return events, cancelled_at
