"""Every figure against an independent computation over demo data, on SQLite and PostgreSQL.

The expected values are computed in plain Python from rows read with plain SQL; each figure's
drill-down filter must select exactly the shipments it counts.
"""

from __future__ import annotations

import math
import statistics
import uuid
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from models.db import Database, open_database
from models.rules.status import Status
from models.services import figures, queries
from models.services.demo import create_demo
from tests.conftest import PG_URL, _pg_engine_or_skip

TODAY = date(2026, 11, 30)
OPEN = {"planned", "loading", "in_transit", "at_border", "customs"}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """A demo database of 1,500 shipments up to TODAY, shared by this module's tests."""
    if request.param == "sqlite":
        db = open_database(str(tmp_path_factory.mktemp("figures") / "demo.sqlite"))
        create_demo(db, shipments=1500, seed=11, today=TODAY)
        yield db
        db.dispose()
        return
    engine = _pg_engine_or_skip()
    schema = f"rg_test_{uuid.uuid4().hex[:12]}"
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    db = open_database(url.render_as_string(hide_password=False))
    try:
        create_demo(db, shipments=1500, seed=11, today=TODAY)
        yield db
    finally:
        db.dispose()
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def _d(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _dt(value):
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.fromisoformat(str(value))


def rows(db: Database) -> list[dict]:
    """Every shipment as a dict, read with plain SQL."""
    sql = (
        "SELECT id, status, net_weight_kg, arrived_weight_kg, eta, departure_date, "
        "arrival_date, commodity_id, supplier_id, origin_station_id, border_station_id, "
        "destination_station_id, contract_id, weight_note FROM shipments"
    )
    with db.engine.connect() as conn:
        result = [dict(r._mapping) for r in conn.execute(sa.text(sql))]
    for r in result:
        for key in ("eta", "departure_date", "arrival_date"):
            r[key] = _d(r[key])
    return result


def events(db: Database) -> dict[int, list[tuple[datetime, int, str, int | None]]]:
    """Every shipment's events in order: (occurred_at naive UTC, id, status, station_id)."""
    with db.engine.connect() as conn:
        found = conn.execute(
            sa.text("SELECT shipment_id, occurred_at, id, status, station_id FROM shipment_events")
        ).all()
    by: dict[int, list] = defaultdict(list)
    for sid, at, eid, status, station in found:
        by[sid].append((_dt(at), eid, status, station))
    for evs in by.values():
        evs.sort()
    return by


def status_at(evs, day: date) -> str | None:
    cutoff = datetime.combine(day + timedelta(days=1), datetime.min.time())
    before = [e for e in evs if e[0] < cutoff]
    return before[-1][2] if before else None


def check_filter(db: Database, flt: queries.Filter, shipments: int, net_kg: int | None) -> None:
    n, kg = queries.totals(db, flt)
    assert n == shipments
    if net_kg is not None:
        assert kg == net_kg


def test_status_totals_today_match_a_count_of_the_rows(demo):
    expected = Counter()
    kg = Counter()
    for r in rows(demo):
        expected[r["status"]] += 1
        kg[r["status"]] += r["net_weight_kg"]
    with demo.read() as s:
        found = figures.status_totals(s, TODAY)
    assert [f.status for f in found] == list(figures.ALL_STATUSES)
    for f in found:
        assert (f.shipments, f.net_kg) == (expected[f.status.value], kg[f.status.value])
        check_filter(demo, f.filter, f.shipments, f.net_kg)


@pytest.mark.parametrize("days_back", [1, 40, 400])
def test_status_totals_of_a_past_day_follow_the_events(demo, days_back):
    day = TODAY - timedelta(days=days_back)
    weights = {r["id"]: r["net_weight_kg"] for r in rows(demo)}
    expected = Counter()
    kg = Counter()
    for sid, evs in events(demo).items():
        then = status_at(evs, day)
        if then is not None:
            expected[then] += 1
            kg[then] += weights[sid]
    with demo.read() as s:
        found = figures.status_totals(s, day)
    assert {f.status.value: f.shipments for f in found} == {
        s.value: expected[s.value] for s in figures.ALL_STATUSES
    }
    assert sum(f.net_kg for f in found) == sum(kg.values())
    for f in found:
        check_filter(demo, f.filter, f.shipments, f.net_kg)


@pytest.mark.parametrize("days_back", [0, 30])
def test_late_list_and_ageing_buckets_match_the_rows(demo, days_back):
    as_of = TODAY - timedelta(days=days_back)
    evs = events(demo)
    late = {}
    for r in rows(demo):
        status = r["status"] if days_back == 0 else status_at(evs[r["id"]], as_of)
        if status in OPEN and r["eta"] is not None and r["eta"] < as_of:
            late[r["id"]] = ((as_of - r["eta"]).days, r["net_weight_kg"])
    with demo.read() as s:
        found = figures.late_shipments(s, as_of)
        buckets = figures.ageing_buckets(s, as_of)
        top = figures.late_shipments(s, as_of, limit=3)
    assert late, "the demo data should have late shipments"
    assert {f.id: f.days_late for f in found} == {i: d for i, (d, _kg) in late.items()}
    assert [f.days_late for f in found] == sorted((f.days_late for f in found), reverse=True)
    assert top == found[:3]
    for b in buckets:
        inside = [
            kg
            for d, kg in late.values()
            if d >= b.first_day and (b.last_day is None or d <= b.last_day)
        ]
        assert (b.shipments, b.net_kg) == (len(inside), sum(inside))
        check_filter(demo, b.filter, b.shipments, b.net_kg)
    assert sum(b.shipments for b in buckets) == len(late)


def test_late_rows_name_the_latest_event_station(demo):
    with demo.read() as s:
        found = figures.late_shipments(s, TODAY, limit=10)
        names = dict(s.execute(sa.text("SELECT id, name FROM stations")).all())
    evs = events(demo)
    for f in found:
        at, _id, _status, station = evs[f.id][-1]
        assert f.last_event_at.replace(tzinfo=None) == at
        assert f.last_station == (names[station] if station else None)


@pytest.mark.parametrize("days_back", [0, 30])
def test_stuck_at_border_counts_days_since_the_latest_event(demo, days_back):
    as_of = TODAY - timedelta(days=days_back)
    cutoff = datetime.combine(as_of + timedelta(days=1), datetime.min.time())
    expected = {}
    history = events(demo)
    for sid, evs in history.items():
        then = [e for e in evs if e[0] < cutoff]
        if then and then[-1][2] == "at_border":
            days = (as_of - then[-1][0].date()).days
            if days > 1:
                expected[sid] = days
    assert expected  # the demo has border stops on both days
    with demo.read() as s:
        found = figures.stuck_at_border(s, as_of, min_days=1)
        flt = figures.stuck_filter(s, as_of, 1)
        names = dict(s.execute(sa.text("SELECT id, name FROM stations")).all())
    assert {f.id: f.days_late for f in found} == expected
    check_filter(demo, flt, len(expected), None)
    # Where each one was then: the border station of that event, not where it is now.
    for f in found:
        then = [e for e in history[f.id] if e[0] < cutoff]
        assert f.last_station == names.get(then[-1][3])


@pytest.mark.parametrize("days_back", [0, 30])
def test_expected_arrivals_by_destination_match_the_rows(demo, days_back):
    as_of = TODAY - timedelta(days=days_back)
    history = events(demo)
    expected = Counter()
    kg = Counter()
    for r in rows(demo):
        due = r["eta"] and as_of <= r["eta"] <= as_of + timedelta(days=6)
        if due and status_at(history.get(r["id"], []), as_of) in OPEN:  # open on that day
            expected[r["destination_station_id"]] += 1
            kg[r["destination_station_id"]] += r["net_weight_kg"]
    assert expected
    with demo.read() as s:
        found = figures.expected_arrivals(s, as_of)
    assert {f.station_id: (f.shipments, f.net_kg) for f in found} == {
        k: (expected[k], kg[k]) for k in expected
    }
    for f in found:
        check_filter(demo, f.filter, f.shipments, f.net_kg)


def _arrived(r, first: date, last: date) -> bool:
    return (
        r["arrival_date"] is not None
        and first <= r["arrival_date"] <= last
        and (r["status"] != "cancelled")
    )


def test_monthly_arrived_and_the_previous_year_match_the_rows(demo):
    first, last = date(2025, 11, 15), date(2026, 2, 28)
    now = defaultdict(lambda: [0, 0])
    before = Counter()
    for r in rows(demo):
        if _arrived(r, first, last):
            key = (r["arrival_date"].replace(day=1), r["commodity_id"])
            now[key][0] += 1
            now[key][1] += r["net_weight_kg"]
        if _arrived(r, date(2024, 11, 15), date(2025, 2, 28)):
            m = r["arrival_date"].replace(day=1)
            before[(m.replace(year=m.year + 1), r["commodity_id"])] += r["net_weight_kg"]
    with demo.read() as s:
        found = figures.monthly_arrived(s, first, last)
    assert {(f.month, f.commodity_id): (f.shipments, f.net_kg) for f in found} == {
        k: tuple(now.get(k, (0, 0))) for k in set(now) | set(before)
    }
    assert {(f.month, f.commodity_id): f.previous_year_net_kg for f in found} == {
        k: before.get(k, 0) for k in set(now) | set(before)
    }
    assert min(f.month for f in found) == date(2025, 11, 1)
    for f in found:
        check_filter(demo, f.filter, f.shipments, f.net_kg)


@pytest.mark.parametrize("dimension", ["commodity", "supplier", "route", "destination"])
def test_tonnage_by_each_dimension_matches_the_rows(demo, dimension):
    column = {
        "commodity": "commodity_id",
        "supplier": "supplier_id",
        "route": "border_station_id",
        "destination": "destination_station_id",
    }[dimension]
    first, last = date(2026, 1, 1), date(2026, 6, 30)
    now = defaultdict(lambda: [0, 0])
    before = Counter()
    for r in rows(demo):
        if _arrived(r, first, last):
            now[r[column]][0] += 1
            now[r[column]][1] += r["net_weight_kg"]
        if _arrived(r, date(2025, 1, 1), date(2025, 6, 30)):
            before[r[column]] += r["net_weight_kg"]
    with demo.read() as s:
        found = figures.tonnage_by(s, dimension, first, last, lang="zh")
    assert {f.key_id: (f.shipments, f.net_kg, f.previous_year_net_kg) for f in found} == {
        k: (*now.get(k, (0, 0)), before.get(k, 0)) for k in set(now) | set(before)
    }
    assert [f.net_kg for f in found] == sorted((f.net_kg for f in found), reverse=True)
    for f in found:
        check_filter(demo, f.filter, f.shipments, f.net_kg)


def test_route_names_come_in_the_language_asked_for(demo):
    with demo.read() as s:
        zh = {
            f.key_id: f.name
            for f in figures.tonnage_by(s, "route", date(2026, 1, 1), TODAY, lang="zh")
        }
        en = {f.key_id: f.name for f in figures.tonnage_by(s, "route", date(2026, 1, 1), TODAY)}
    assert "阿拉山口" in zh.values() and "Alashankou" in en.values()


def test_contract_fulfilment_matches_the_rows(demo):
    shipped = Counter()
    arrived = Counter()
    for r in rows(demo):
        if r["contract_id"] is None or r["status"] == "cancelled":
            continue
        if r["departure_date"] is not None:
            shipped[r["contract_id"]] += r["net_weight_kg"]
        if r["arrival_date"] is not None:
            arrived[r["contract_id"]] += r["arrived_weight_kg"] or r["net_weight_kg"]
    with demo.engine.connect() as conn:
        contracts = conn.execute(
            sa.text("SELECT id, quantity_kg, tolerance_pct FROM contracts")
        ).all()
    with demo.read() as s:
        found = {f.contract_id: f for f in figures.contract_fulfilment(s)}
    assert set(found) == {c[0] for c in contracts}
    for cid, qty, tol in contracts:
        f = found[cid]
        assert (f.contracted_kg, f.shipped_kg, f.arrived_kg) == (qty, shipped[cid], arrived[cid])
        assert f.remaining_kg == qty - arrived[cid]
        assert f.within_tolerance == (abs(arrived[cid] - qty) <= qty * Decimal(tol) / 100)
    with demo.read() as s:
        some = figures.contract_fulfilment(s, date(2026, 1, 1), date(2026, 3, 31))
    assert some and all(f.period_end >= date(2026, 1, 1) for f in some)


def test_transit_times_per_route_match_the_rows(demo):
    first, last = date(2025, 7, 1), date(2026, 6, 30)
    days = defaultdict(list)
    for r in rows(demo):
        if _arrived(r, first, last) and r["departure_date"] is not None:
            days[r["border_station_id"]].append((r["arrival_date"] - r["departure_date"]).days)
    with demo.read() as s:
        found = figures.transit_times(s, first, last)
    assert {f.border_station_id for f in found} == set(days)
    for f in found:
        values = sorted(days[f.border_station_id])
        assert f.shipments == len(values)
        assert [f.days[i] for i in range(len(f.days))] == [
            values.count(i) for i in range(len(f.days))
        ]
        assert f.median_days == statistics.median(values)
        assert f.p80_days == values[math.ceil(0.8 * len(values)) - 1]
        # A bar of the chart: the route's shipments with one transit time, or the long tail.
        common = max(range(len(f.days)), key=lambda i: f.days[i])
        check_filter(demo, replace(f.filter, transit_days=(common, common)), f.days[common], None)
        tail = int(f.p80_days)
        longer = sum(1 for v in values if v >= tail)
        check_filter(demo, replace(f.filter, transit_days=(tail, None)), longer, None)


def test_weight_discrepancies_match_the_rows(demo):
    with demo.engine.connect() as conn:
        tolerance = dict(conn.execute(sa.text("SELECT id, tolerance_pct FROM contracts")).all())
    first, last = date(2025, 1, 1), TODAY
    expected = {}
    for r in rows(demo):
        if not _arrived(r, first, last) or r["arrived_weight_kg"] is None:
            continue
        tol = Decimal(tolerance[r["contract_id"]]) if r["contract_id"] else Decimal("2.5")
        diff = r["arrived_weight_kg"] - r["net_weight_kg"]
        if abs(diff) * 100 > r["net_weight_kg"] * tol:
            expected[r["id"]] = (diff, r["weight_note"])
    with demo.read() as s:
        found = figures.weight_discrepancies(s, first, last)
    assert expected, "the demo data should have weight discrepancies"
    assert {f.id: (f.difference_kg, f.reason) for f in found} == expected


def test_train_sheet_lists_every_shipment_unit_and_event_of_the_train(demo):
    with demo.engine.connect() as conn:
        train = conn.execute(sa.text("SELECT train_no FROM shipments ORDER BY id LIMIT 1")).scalar()
        ids = set(
            conn.execute(
                sa.text("SELECT id FROM shipments WHERE train_no = :t"), {"t": train}
            ).scalars()
        )
        units = conn.execute(
            sa.text(
                "SELECT count(*) FROM shipment_units WHERE shipment_id IN "
                "(SELECT id FROM shipments WHERE train_no = :t)"
            ),
            {"t": train},
        ).scalar()
    with demo.read() as s:
        sheet = figures.train_sheet(s, train)
    assert {r.id for r in sheet.shipments} == ids
    assert len(sheet.units) == units
    assert {e.shipment_id for e in sheet.events} == ids
    assert sheet.net_kg == sum(r.net_weight_kg for r in sheet.shipments)


def test_an_unknown_train_is_not_found(demo):
    from models.errors import NotFoundError

    with demo.read() as s, pytest.raises(NotFoundError, match="no train 'NOPE'"):
        figures.train_sheet(s, "NOPE")


def test_predictions_cover_every_open_shipment_with_history(demo):
    open_ids = {r["id"] for r in rows(demo) if r["status"] in OPEN}
    with demo.read() as s:
        found = figures.predictions(s, TODAY)
        accuracy = figures.prediction_accuracy(s, TODAY)
    assert set(found) == open_ids
    for p in found.values():
        assert TODAY <= p.predicted <= p.p80
        assert p.late_by_prediction == (
            p.eta is not None and p.eta >= TODAY and p.predicted > p.eta
        )
    assert accuracy and all(a.median_error_days >= 0 and a.shipments > 0 for a in accuracy)
    route, error, shipments = accuracy[0][:3]
    assert " → " in route and shipments == max(a.shipments for a in accuracy)


def test_status_values_are_the_data_model_names(demo):
    with demo.read() as s:
        assert [f.status.value for f in figures.status_totals(s, TODAY)] == [
            "planned",
            "loading",
            "in_transit",
            "at_border",
            "customs",
            "arrived",
            "unloaded",
            "cancelled",
        ]
    assert Status.CANCELLED in figures.ALL_STATUSES
