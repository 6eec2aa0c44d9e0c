"""Lateness, ageing and statuses at day and month boundaries; predictions on known history.

Shipments are built by hand with exact ETAs and event times, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from models.db import Database
from models.entities import Contract, Shipment, ShipmentEvent
from models.rules.status import Status
from models.services import figures, queries, reference

_numbers = itertools.count(1)


@pytest.fixture
def refs(db: Database) -> dict[str, int]:
    supplier = reference.create_counterparty(db, "Edge Supplier", "supplier", "KZ")
    consignee = reference.create_counterparty(db, "Edge Consignee", "consignee", "CN")
    stations = {s.name: s.id for s in reference.stations(db)}
    return {
        "supplier": supplier.id,
        "consignee": consignee.id,
        "wheat": reference.find_commodity(db, "1001").id,
        "kostanay": stations["Kostanay"],
        "dostyk": stations["Dostyk"],
        "alashankou": stations["Alashankou"],
        "qingtongxia": stations["Qingtongxia"],
    }


def add(
    db: Database,
    refs: dict[str, int],
    events: list[tuple[datetime, Status]],
    *,
    eta: date | None = None,
    departure: date | None = None,
    arrival: date | None = None,
    kg: int = 25_000,
    border: str = "dostyk",
) -> int:
    """A shipment with these events (its status is the last one's)."""
    n = next(_numbers)
    with db.write() as s:
        sh = Shipment(
            waybill=f"EDGE-{n}",
            train_no=f"EDGE-T{n}",
            commodity_id=refs["wheat"],
            supplier_id=refs["supplier"],
            consignee_id=refs["consignee"],
            origin_station_id=refs["kostanay"],
            border_station_id=refs[border],
            destination_station_id=refs["qingtongxia"],
            departure_date=departure,
            eta=eta,
            arrival_date=arrival,
            status=events[-1][1].value,
            net_weight_kg=kg,
            created_by="test",
            updated_by="test",
        )
        sh.events.extend(
            ShipmentEvent(occurred_at=at, status=st.value, user="test", station_id=refs[border])
            for at, st in events
        )
        s.add(sh)
        s.flush()
        return sh.id


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_a_shipment_is_late_from_the_day_after_its_eta(db, refs):
    as_of = date(2026, 3, 1)  # the day after the end of February
    ids = {
        days: add(
            db, refs, [(utc(2026, 1, 1), Status.IN_TRANSIT)], eta=as_of - timedelta(days=days)
        )
        for days in (0, 1, 3, 4, 7, 8, 14, 15, 40)
    }
    add(
        db,
        refs,
        [(utc(2026, 1, 1), Status.ARRIVED)],
        eta=date(2026, 2, 1),
        arrival=date(2026, 2, 3),
    )
    add(db, refs, [(utc(2026, 1, 1), Status.CANCELLED)], eta=date(2026, 2, 1))
    with db.read() as s:
        late = {r.id: r.days_late for r in figures.late_shipments(s, as_of)}
        buckets = figures.ageing_buckets(s, as_of)
    assert late == {ids[d]: d for d in (1, 3, 4, 7, 8, 14, 15, 40)}
    assert ids[1] in late and late[ids[1]] == 1  # ETA 28 February, judged on 1 March
    assert [(b.first_day, b.last_day, b.shipments) for b in buckets] == [
        (1, 3, 2),
        (4, 7, 2),
        (8, 14, 2),
        (15, None, 2),
    ]
    assert [queries.count(db, b.filter) for b in buckets] == [2, 2, 2, 2]
    assert all(b.net_kg == 50_000 for b in buckets)


def test_an_event_just_before_midnight_counts_for_that_day_one_at_midnight_for_the_next(db, refs):
    day = date(2026, 1, 31)
    before = add(
        db,
        refs,
        [(utc(2026, 1, 20), Status.IN_TRANSIT), (utc(2026, 1, 31, 23, 59, 59), Status.ARRIVED)],
        eta=date(2026, 1, 30),
        arrival=day,
    )
    after = add(
        db,
        refs,
        [(utc(2026, 1, 20), Status.IN_TRANSIT), (utc(2026, 2, 1, 0, 0, 0), Status.ARRIVED)],
        eta=date(2026, 1, 30),
        arrival=date(2026, 2, 1),
    )
    add(db, refs, [(utc(2026, 2, 1, 0, 0, 1), Status.PLANNED)], eta=date(2026, 3, 1))
    with db.read() as s:
        totals = {f.status: f.shipments for f in figures.status_totals(s, day)}
        late = [r.id for r in figures.late_shipments(s, day)]
        today = {f.status: f.shipments for f in figures.status_totals(s, date(2026, 2, 1))}
    assert totals[Status.ARRIVED] == 1 and totals[Status.IN_TRANSIT] == 1
    assert totals[Status.PLANNED] == 0  # created after the day: did not exist yet
    assert late == [after] and before not in late
    assert today[Status.ARRIVED] == 2 and today[Status.PLANNED] == 1
    flt = queries.Filter(late_only=True, as_of=day, status_as_of=day)
    assert [r.id for r in queries.page(db, flt)] == [after]


def test_arrivals_are_counted_by_arrival_date_month_and_year_before(db, refs):
    arrived = [(utc(2026, 1, 1), Status.ARRIVED)]
    add(db, refs, arrived, departure=date(2025, 2, 20), arrival=date(2025, 2, 28), kg=1_000)
    add(db, refs, arrived, departure=date(2024, 2, 20), arrival=date(2024, 2, 29), kg=2_000)
    add(db, refs, arrived, departure=date(2024, 2, 20), arrival=date(2024, 3, 1), kg=4_000)
    add(db, refs, [(utc(2026, 1, 1), Status.CANCELLED)], arrival=date(2025, 2, 10), kg=8_000)
    with db.read() as s:
        months = figures.monthly_arrived(s, date(2025, 2, 1), date(2025, 2, 28))
        leap = figures.tonnage_by(s, "commodity", date(2025, 2, 28), date(2025, 2, 28))
    assert [(m.month, m.shipments, m.net_kg, m.previous_year_net_kg) for m in months] == [
        (date(2025, 2, 1), 1, 1_000, 2_000)
    ]
    # 28 February 2025 ends its month, so the year before runs to the end of February 2024.
    assert [(g.net_kg, g.previous_year_net_kg) for g in leap] == [(1_000, 2_000)]
    with db.read() as s:
        mid = figures.tonnage_by(s, "commodity", date(2025, 2, 27), date(2025, 2, 27))
    assert mid == []  # nothing arrived on 27 February of either year


def test_a_long_border_stop_pushes_the_prediction_past_the_eta(db, refs):
    as_of = date(2026, 6, 30)
    # History: 25 arrivals over Dostyk, each 10 days in transit, one day at the border.
    for i in range(25):
        dep = as_of - timedelta(days=60 + i)
        add(
            db,
            refs,
            [
                (utc(dep.year, dep.month, dep.day, 8), Status.IN_TRANSIT),
                (utc(dep.year, dep.month, dep.day, 8) + timedelta(days=4), Status.AT_BORDER),
                (utc(dep.year, dep.month, dep.day, 8) + timedelta(days=5), Status.CUSTOMS),
                (utc(dep.year, dep.month, dep.day, 8) + timedelta(days=10), Status.ARRIVED),
            ],
            departure=dep,
            eta=dep + timedelta(days=10),
            arrival=dep + timedelta(days=10),
        )
    departed = as_of - timedelta(days=10)
    border_since = utc(departed.year, departed.month, departed.day, 8) + timedelta(days=4)
    stuck = add(
        db,
        refs,
        [
            (utc(departed.year, departed.month, departed.day, 8), Status.IN_TRANSIT),
            (border_since, Status.AT_BORDER),
        ],
        departure=departed,
        eta=as_of + timedelta(days=2),
    )
    fresh = add(
        db,
        refs,
        [(utc(2026, 6, 28, 8), Status.IN_TRANSIT)],
        departure=date(2026, 6, 28),
        eta=date(2026, 7, 8),
    )
    # Two more at the same border stop: one ETA later (fewer days over), one passed already
    # (late, not "predicted late"); and one whose ETA is tighter than the median transit.
    later_eta = add(
        db,
        refs,
        [
            (utc(departed.year, departed.month, departed.day, 8), Status.IN_TRANSIT),
            (border_since, Status.AT_BORDER),
        ],
        departure=departed,
        eta=as_of + timedelta(days=4),
    )
    add(
        db,
        refs,
        [
            (utc(departed.year, departed.month, departed.day, 8), Status.IN_TRANSIT),
            (border_since, Status.AT_BORDER),
        ],
        departure=departed,
        eta=as_of - timedelta(days=1),
    )
    tight = add(
        db,
        refs,
        [(utc(2026, 6, 29, 8), Status.IN_TRANSIT)],
        departure=date(2026, 6, 29),
        eta=date(2026, 7, 2),
    )
    with db.read() as s:
        listed = figures.predicted_late(s, as_of, limit=10)
        first = figures.predicted_late(s, as_of, limit=1)
        found = figures.predictions(s, as_of)
        accuracy = figures.prediction_accuracy(s, as_of)
        stuck_rows = figures.stuck_at_border(s, as_of)
    # On time so far: departure + median 10 days, p80 10 days.
    assert found[fresh].predicted == date(2026, 7, 8) and not found[fresh].late_by_prediction
    # At the border for 6 days when it usually takes 1: 5 days later than the median.
    assert found[stuck].step_delay_days == 5
    assert found[stuck].predicted == departed + timedelta(days=15)
    assert found[stuck].late_by_prediction  # its ETA (2 July) has not passed yet
    # The dashboard's list: exactly the flagged ones, most days over first (7, 3, 1).
    assert [(p.shipment_id, (p.predicted - p.eta).days) for p in listed] == [
        (tight, 7),
        (stuck, 3),
        (later_eta, 1),
    ]
    assert listed == sorted(
        (p for p in found.values() if p.late_by_prediction),
        key=lambda p: (-(p.predicted - p.eta).days, p.shipment_id),
    )
    assert first == listed[:1]
    assert {r.id for r in stuck_rows} >= {stuck} and stuck_rows[0].days_late == 6
    route = accuracy[0]
    assert route.route == "Kostanay → Dostyk → Qingtongxia"
    assert route.median_error_days == 0 and route.shipments > 0


def test_late_at_a_past_day_end_is_what_the_workspace_filter_says(db, refs):
    """The fast path for a past day (candidates by index, status from events) and the
    workspace's ``late_condition`` with ``status_as_of`` select the same shipments."""
    day = date(2026, 3, 31)
    later = [(utc(2026, 4, 5), Status.ARRIVED)]
    arrived_after = add(
        db,
        refs,
        [(utc(2026, 3, 1), Status.IN_TRANSIT), *later],
        eta=date(2026, 3, 20),
        arrival=date(2026, 4, 5),
    )
    cancelled_after = add(
        db,
        refs,
        [(utc(2026, 3, 1), Status.IN_TRANSIT), (utc(2026, 4, 2), Status.CANCELLED)],
        eta=date(2026, 3, 25),
    )
    still_open = add(db, refs, [(utc(2026, 3, 1), Status.AT_BORDER)], eta=date(2026, 3, 30))
    add(  # arrived on the day: not late at its end
        db,
        refs,
        [(utc(2026, 3, 1), Status.IN_TRANSIT), (utc(2026, 3, 31, 12), Status.ARRIVED)],
        eta=date(2026, 3, 20),
        arrival=day,
    )
    add(  # arrived late, but before the day
        db,
        refs,
        [(utc(2026, 3, 1), Status.IN_TRANSIT), (utc(2026, 3, 28), Status.ARRIVED)],
        eta=date(2026, 3, 20),
        arrival=date(2026, 3, 28),
    )
    add(db, refs, [(utc(2026, 3, 1), Status.CANCELLED)], eta=date(2026, 3, 10))
    add(db, refs, [(utc(2026, 4, 3), Status.IN_TRANSIT)], eta=date(2026, 3, 10))  # not yet
    with db.read() as s:
        late = {r.id: r.days_late for r in figures.late_shipments(s, day)}
        buckets = figures.ageing_buckets(s, day)
    assert late == {arrived_after: 11, cancelled_after: 6, still_open: 1}
    flt = queries.Filter(late_only=True, as_of=day, status_as_of=day)
    assert {r.id for r in queries.page(db, flt)} == set(late)
    assert sum(b.shipments for b in buckets) == 3
    assert [queries.count(db, b.filter) for b in buckets] == [b.shipments for b in buckets]


def test_weight_discrepancies_limit_count_and_a_zero_tolerance_contract(db, refs):
    """The first rows of the full list, the count of all, and a contract with no tolerance
    (the smallest tolerance bounds the index range read)."""
    with db.write() as s:
        contract = Contract(
            number="EDGE-C0",
            supplier_id=refs["supplier"],
            commodity_id=refs["wheat"],
            quantity_kg=1_000_000,
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
            tolerance_pct=Decimal("0"),
        )
        s.add(contract)
        s.flush()
        contract_id = contract.id
    arrived = [(utc(2026, 3, 1), Status.ARRIVED)]
    ids = {}
    for off in (-2000, -700, 10, 0, 700, 1000):  # 25,000 kg shipped: -8 %, -2.8 %, +0.04 % …
        sid = add(db, refs, arrived, arrival=date(2026, 3, 1))
        with db.write() as s:
            sh = s.get(Shipment, sid)
            sh.arrived_weight_kg = 25_000 + off
            sh.weight_note = f"off {off}"
            if off == 10:
                sh.contract_id = contract_id
        ids[off] = sid
    first, last = date(2026, 3, 1), date(2026, 3, 31)
    with db.read() as s:
        found = figures.weight_discrepancies(s, first, last)
        top = figures.weight_discrepancies(s, first, last, limit=2)
        count = figures.weight_discrepancy_count(s, first, last)
    # Beyond 2.5 %: -2000, -700, 1000, 700; beyond 0 % (its contract): +10.
    assert [d.id for d in found] == [ids[-2000], ids[1000], ids[-700], ids[700], ids[10]]
    assert count == 5
    assert top == found[:2]
    assert found[-1].tolerance_pct == 0.0 and found[-1].difference_kg == 10
