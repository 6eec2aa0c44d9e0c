"""The demo data generator: real history, consistent rows, determinism, one transaction."""

from __future__ import annotations

import hashlib
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import CheckConstraint, func, select

from models.db import Database, open_database
from models.entities import Contract, Counterparty, Shipment, ShipmentEvent, ShipmentUnit
from models.errors import UserError
from models.progress import Cancelled, CancelToken
from models.rules.identifiers import validate_container_number, validate_wagon_number
from models.rules.status import SEQUENCE, Status
from models.services.demo import (
    BOARD_MINIMUM_SHIPMENTS,
    FIRST_FLAXSEED_KG,
    FIRST_FLAXSEED_TRAIN,
    create_demo,
)
from models.services.queries import late_condition
from tests.conftest import PG_URL, _pg_engine_or_skip

TODAY = date(2026, 11, 23)
N = 2000


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Iterator[Database]:
    """One 2,000-shipment demo per database kind, shared by the read-only tests below."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
        shutil.copyfile(sqlite_template, path)
        db = open_database(str(path))
        create_demo(db, N, today=TODAY)
        yield db
        db.dispose()
        return
    engine = _pg_engine_or_skip()
    schema = f"rg_demo_{uuid.uuid4().hex[:12]}"
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    db = open_database(url.render_as_string(hide_password=False))
    try:
        create_demo(db, N, today=TODAY)
        yield db
    finally:
        db.dispose()
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def scalar(db: Database, sql: str, **params: object) -> object:
    with db.read() as s:
        return s.execute(sa.text(sql), params).scalar_one()


def table_digest(db: Database) -> str:
    """A hash of every demo row, table by table, in id order."""
    digest = hashlib.sha256()
    with db.read() as s:
        for table in (
            "counterparties",
            "contracts",
            "shipments",
            "shipment_units",
            "shipment_events",
        ):
            for row in s.execute(sa.text(f"SELECT * FROM {table} ORDER BY id")):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def assert_indexes_and_foreign_keys_in_place(db: Database) -> None:
    """The load drops indexes (and on PostgreSQL foreign keys); they must all be back."""
    inspector = sa.inspect(db.engine)
    # From the catalogue: SQLAlchemy's reflection skips (and warns about) expression indexes.
    catalogue = (
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"
        if db.is_sqlite
        else "SELECT indexname FROM pg_indexes WHERE tablename = :t"
        " AND schemaname = current_schema()"
    )
    for table in (Shipment.__table__, ShipmentUnit.__table__, ShipmentEvent.__table__):
        with db.read() as s:
            indexes = set(s.execute(sa.text(catalogue), {"t": table.name}).scalars())
        assert {ix.name for ix in table.indexes} <= indexes
        targets = {fk["referred_table"] for fk in inspector.get_foreign_keys(table.name)}
        assert {fk.referred_table.name for fk in table.foreign_key_constraints} <= targets


def fresh_sqlite(tmp_path: Path, template: Path, name: str) -> Database:
    path = tmp_path / name
    shutil.copyfile(template, path)
    return open_database(str(path))


# --- the real history ---


def test_first_flaxseed_train_carries_1313_t_from_kostanay_to_qingtongxia(demo):
    rows = scalar(
        demo,
        """
        SELECT count(*) || '|' || sum(s.net_weight_kg) || '|' || min(o.name) || '|' ||
               max(o.name) || '|' || min(d.name) || '|' || min(c.hs_code) || '|' ||
               max(c.hs_code) || '|' || min(b.name) || '|' || sum(s.wagons)
        FROM shipments s
        JOIN stations o ON o.id = s.origin_station_id
        JOIN stations d ON d.id = s.destination_station_id
        JOIN stations b ON b.id = s.border_station_id
        JOIN commodities c ON c.id = s.commodity_id
        WHERE s.train_no = :train
        """,
        train=FIRST_FLAXSEED_TRAIN,
    )
    count, kg, origin, origin2, dest, hs, hs2, border, wagons = str(rows).split("|")
    assert int(count) >= 1
    assert int(kg) == FIRST_FLAXSEED_KG == 1_313_000
    assert (origin, origin2, dest, hs, hs2) == (
        "Kostanay",
        "Kostanay",
        "Qingtongxia",
        "1204",
        "1204",
    )
    assert border == "Alashankou"  # the Chinese entry station of the Dostyk crossing
    assert int(wagons) == 0  # a container train
    with demo.read() as s:
        query = select(Shipment.arrival_date).where(Shipment.train_no == FIRST_FLAXSEED_TRAIN)
        arrivals = set(s.scalars(query))
    assert arrivals == {date(2020, 12, 31)}
    earlier = scalar(
        demo,
        """
        SELECT count(*) FROM shipments s JOIN commodities c ON c.id = s.commodity_id
        WHERE c.hs_code = '1204' AND s.arrival_date <= '2020-12-31'
        """,
    )
    assert earlier == int(count), "no flaxseed arrived before the first train"


def test_xian_flour_and_oil_arrivals_in_h1_2025_exceed_200000_t(demo):
    kg = scalar(
        demo,
        """
        SELECT sum(s.net_weight_kg) FROM shipments s
        JOIN stations d ON d.id = s.destination_station_id
        JOIN commodities c ON c.id = s.commodity_id
        WHERE d.name = 'Xi''an International Port' AND c.hs_code IN ('1101', '1512', '1514')
          AND s.arrival_date BETWEEN '2025-01-01' AND '2025-06-30'
        """,
    )
    assert int(kg) > 200_000_000


# --- consistency ---


def test_every_unit_number_has_a_valid_check_digit(demo):
    with demo.read() as s:
        units = s.execute(select(ShipmentUnit.kind, ShipmentUnit.number)).all()
    assert {kind for kind, _ in units} == {"container", "wagon"}
    for kind, number in units:
        check = validate_container_number if kind == "container" else validate_wagon_number
        assert check(number) == number


def test_status_is_the_latest_events_status_for_every_shipment(demo):
    mismatched = scalar(
        demo,
        """
        SELECT count(*) FROM shipments s
        WHERE s.status <> (SELECT e.status FROM shipment_events e WHERE e.shipment_id = s.id
                           ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)
           OR NOT EXISTS (SELECT 1 FROM shipment_events e WHERE e.shipment_id = s.id)
        """,
    )
    assert mismatched == 0


def test_events_follow_the_journey_in_time_order_at_the_right_stations(demo):
    backwards = scalar(
        demo,
        """
        SELECT count(*) FROM (
            SELECT occurred_at, LAG(occurred_at) OVER (PARTITION BY shipment_id ORDER BY id) AS prev
            FROM shipment_events) x
        WHERE x.prev >= x.occurred_at
        """,
    )
    assert backwards == 0
    rank = {s.value: i for i, s in enumerate(SEQUENCE)} | {Status.CANCELLED.value: len(SEQUENCE)}
    with demo.read() as s:
        rows = s.execute(
            select(
                ShipmentEvent.shipment_id,
                ShipmentEvent.status,
                ShipmentEvent.station_id,
                Shipment.origin_station_id,
                Shipment.border_station_id,
                Shipment.destination_station_id,
            )
            .join(Shipment, Shipment.id == ShipmentEvent.shipment_id)
            .order_by(ShipmentEvent.shipment_id, ShipmentEvent.id)
        ).all()
    last: dict[int, int] = {}
    place = {"planned": 3, "loading": 3, "in_transit": 3, "cancelled": 3, "at_border": 4,
             "customs": 4, "arrived": 5, "unloaded": 5}  # fmt: skip
    for row in rows:
        assert rank[row.status] > last.get(row.shipment_id, -1), row
        last[row.shipment_id] = rank[row.status]
        assert row.station_id == row[place[row.status]], row


def test_check_constraints_foreign_keys_and_weights_hold(demo):
    assert_indexes_and_foreign_keys_in_place(demo)
    for table in (
        Shipment.__table__,
        ShipmentUnit.__table__,
        ShipmentEvent.__table__,
        Contract.__table__,
    ):
        for check in (c for c in table.constraints if isinstance(c, CheckConstraint)):
            bad = scalar(demo, f"SELECT count(*) FROM {table.name} WHERE NOT ({check.sqltext})")
            assert bad == 0, f"{table.name}: {check.sqltext}"
    if demo.is_sqlite:
        with demo.read() as s:
            assert s.execute(sa.text("PRAGMA foreign_key_check")).all() == []
            assert s.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"
    # A shipment's weight and unit counts are those of its units.
    off = scalar(
        demo,
        """
        SELECT count(*) FROM shipments s JOIN (
            SELECT shipment_id, sum(net_weight_kg) AS kg, count(*) AS n,
                   sum(CASE WHEN kind = 'wagon' THEN 1 ELSE 0 END) AS wagons
            FROM shipment_units GROUP BY shipment_id) u ON u.shipment_id = s.id
        WHERE s.net_weight_kg <> u.kg OR s.wagons + s.containers <> u.n OR s.wagons <> u.wagons
        """,
    )
    assert off == 0
    unitless = (
        "SELECT count(*) FROM shipments WHERE id NOT IN (SELECT shipment_id FROM shipment_units)"
    )
    assert scalar(demo, unitless) == 0
    plausible = scalar(
        demo,
        """
        SELECT count(*) FROM shipment_units WHERE
            (kind = 'container' AND net_weight_kg BETWEEN 24000 AND 27000)
            OR (kind = 'wagon' AND net_weight_kg BETWEEN 50000 AND 70000)
        """,
    )
    assert plausible == scalar(demo, "SELECT count(*) FROM shipment_units")


def test_arrived_weights_are_a_little_under_and_big_shortages_have_a_reason(demo):
    with demo.read() as s:
        rows = s.execute(
            select(
                Shipment.net_weight_kg,
                Shipment.arrived_weight_kg,
                Shipment.weight_note,
                Shipment.status,
            )
        ).all()
    arrived = [r for r in rows if r.status in ("arrived", "unloaded")]
    assert arrived and all(r.arrived_weight_kg is not None for r in arrived)
    assert all(r.arrived_weight_kg is None for r in rows if r.status not in ("arrived", "unloaded"))
    for r in arrived:
        loss = 1 - r.arrived_weight_kg / r.net_weight_kg
        assert -0.01 < loss < 0.06
        assert (r.weight_note is not None) == (loss > 0.025), r
    assert any(r.weight_note for r in arrived)


def test_contracts_match_their_shipments_supplier_goods_and_year(demo):
    wrong = scalar(
        demo,
        """
        SELECT count(*) FROM shipments s JOIN contracts c ON c.id = s.contract_id
        WHERE c.supplier_id <> s.supplier_id OR c.commodity_id <> s.commodity_id
           OR s.planned_departure < c.period_start OR s.planned_departure > c.period_end
        """,
    )
    assert wrong == 0
    with demo.read() as s:
        currencies = set(s.scalars(select(Contract.currency)))
        by_role = select(Counterparty.role, func.count()).group_by(Counterparty.role)
        roles = {role: count for role, count in s.execute(by_role)}
        tolerance = set(s.scalars(select(Contract.tolerance_pct)))
    assert currencies == {"USD", "CNY"}
    assert roles["supplier"] >= 5 and roles["consignee"] >= 3 and roles["forwarder"] >= 1
    assert {float(t) for t in tolerance} == {2.5}


def test_today_has_trains_in_every_open_status_and_late_ones(demo):
    with demo.read() as s:
        statuses = set(s.scalars(select(Shipment.status).distinct()))
        late = s.scalar(select(func.count()).select_from(Shipment).where(late_condition(TODAY)))
        latest = s.scalar(select(func.max(ShipmentEvent.occurred_at)))
    assert set(Status) <= statuses
    assert late >= 1
    assert latest < datetime(2026, 11, 23, tzinfo=UTC), "nothing happens after the start of today"


def test_rows_read_back_through_the_orm(demo):
    with demo.read() as s:
        first = s.scalars(
            select(Shipment).where(Shipment.train_no == FIRST_FLAXSEED_TRAIN).order_by(Shipment.id)
        ).first()
        assert first is not None
        assert first.departure_date == date(2020, 12, 19)
        assert first.created_at == datetime(2020, 12, 17, 8, 0, tzinfo=UTC)
        assert first.version == 1 and first.created_by == first.updated_by == "demo"
        assert [e.status for e in first.events] == [
            "loading",
            "in_transit",
            "at_border",
            "customs",
            "arrived",
            "unloaded",
        ]
        assert first.events[-1].occurred_at == first.updated_at
        assert all(u.kind == "container" for u in first.units)


# --- determinism, size, refusal and cancellation ---


def test_same_seed_and_day_give_the_same_rows_and_another_seed_other_rows(
    sqlite_db, tmp_path, sqlite_template
):
    other = fresh_sqlite(tmp_path, sqlite_template, "other.sqlite")
    third = fresh_sqlite(tmp_path, sqlite_template, "third.sqlite")
    try:
        create_demo(sqlite_db, 300, seed=7, today=TODAY)
        create_demo(other, 300, seed=7, today=TODAY)
        create_demo(third, 300, seed=8, today=TODAY)
        assert table_digest(sqlite_db) == table_digest(other)
        assert table_digest(sqlite_db) != table_digest(third)
    finally:
        other.dispose()
        third.dispose()


@pytest.mark.postgres
def test_postgresql_gets_the_same_demo_as_sqlite(sqlite_db, pg_db):
    create_demo(sqlite_db, 500, today=TODAY)
    create_demo(pg_db, 500, today=TODAY)
    sql = """
        SELECT status || ':' || count(*) || ':' || sum(net_weight_kg) || ':' || min(waybill)
               || ':' || max(train_no) || ':' || count(arrival_date)
        FROM shipments GROUP BY status ORDER BY status
    """
    with sqlite_db.read() as a, pg_db.read() as b:
        assert a.execute(sa.text(sql)).scalars().all() == b.execute(sa.text(sql)).scalars().all()
        for table in ("shipment_units", "shipment_events"):
            count = f"SELECT count(*) FROM {table}"
            assert a.execute(sa.text(count)).scalar_one() == b.execute(sa.text(count)).scalar_one()


@pytest.mark.parametrize("n", [1, 3, BOARD_MINIMUM_SHIPMENTS, 100])
def test_small_demos_hold_what_fits(sqlite_db, n):
    summary = create_demo(sqlite_db, n, today=TODAY)
    assert summary.shipments == n
    assert scalar(sqlite_db, "SELECT count(*) FROM shipments") == n
    assert scalar(sqlite_db, "SELECT count(*) FROM shipment_units") == summary.units
    assert scalar(sqlite_db, "SELECT count(*) FROM shipment_events") == summary.events
    assert scalar(sqlite_db, "SELECT count(DISTINCT train_no) FROM shipments") == summary.trains
    kg = scalar(
        sqlite_db,
        "SELECT sum(net_weight_kg) FROM shipments WHERE train_no = :t",
        t=FIRST_FLAXSEED_TRAIN,
    )
    assert kg == FIRST_FLAXSEED_KG
    if n >= BOARD_MINIMUM_SHIPMENTS:
        with sqlite_db.read() as s:
            statuses = set(s.scalars(select(Shipment.status).distinct()))
            late = s.scalar(select(func.count()).select_from(Shipment).where(late_condition(TODAY)))
        assert {"planned", "loading", "in_transit", "at_border", "customs", "arrived"} <= statuses
        assert late >= 1


def test_summary_counts_what_was_added_and_progress_reaches_the_total(db):
    calls: list[tuple[int, int]] = []
    summary = create_demo(db, 300, today=TODAY, progress=lambda d, t, note="": calls.append((d, t)))
    assert calls[-1][0] == calls[-1][1] > 1
    assert [d for d, _ in calls[1:]] == list(range(1, calls[-1][1] + 1))
    assert summary.shipments == 300
    assert summary.units == scalar(db, "SELECT count(*) FROM shipment_units")
    assert summary.events == scalar(db, "SELECT count(*) FROM shipment_events")
    assert summary.contracts == scalar(db, "SELECT count(*) FROM contracts") > 0
    assert summary.counterparties == scalar(db, "SELECT count(*) FROM counterparties") > 0
    assert summary.seconds > 0


def test_a_second_demo_into_the_same_database_is_refused(db):
    create_demo(db, 50, today=TODAY)
    with pytest.raises(
        UserError, match="already holds 50 shipments; demo data goes into a new database"
    ):
        create_demo(db, 50, today=TODAY)
    assert scalar(db, "SELECT count(*) FROM shipments") == 50


def test_zero_shipments_adds_nothing(db):
    summary = create_demo(db, 0, today=TODAY)
    assert (summary.shipments, summary.units, summary.events, summary.trains) == (0, 0, 0, 0)
    assert (summary.contracts, summary.counterparties) == (0, 0)
    for table in ("shipments", "counterparties", "contracts"):
        assert scalar(db, f"SELECT count(*) FROM {table}") == 0
    assert scalar(db, "SELECT count(*) FROM stations") > 0  # the reference data stays


@pytest.mark.parametrize(("value", "message"), [(-1, "0 or more"), (None, None)])
def test_bad_arguments_are_user_errors(sqlite_db, value, message):
    if value is None:
        with pytest.raises(UserError, match="must be in 2021 or later"):
            create_demo(sqlite_db, 10, today=date(2020, 12, 31))
    else:
        with pytest.raises(UserError, match=message):
            create_demo(sqlite_db, value, today=TODAY)


@pytest.mark.parametrize("stop_at", ["shipments", "status history", "checks and statistics"])
def test_cancel_from_the_progress_callback_rolls_everything_back(db, stop_at):
    token = CancelToken()
    seen: list[str] = []

    def progress(done: int, total: int, note: str = "") -> None:
        assert 0 <= done <= total
        seen.append(note)
        if note == stop_at:
            token.cancel()

    with pytest.raises(Cancelled):
        create_demo(db, 400, today=TODAY, progress=progress, cancel=token)
    assert stop_at in seen
    for table in ("shipments", "shipment_units", "shipment_events", "contracts", "counterparties"):
        assert scalar(db, f"SELECT count(*) FROM {table}") == 0
    assert_indexes_and_foreign_keys_in_place(db)
    # The connection is back to normal: foreign keys and CHECKs are enforced, and a demo works.
    if db.is_sqlite:
        with db.read() as s:
            assert s.execute(sa.text("PRAGMA foreign_keys")).scalar_one() == 1
            assert s.execute(sa.text("PRAGMA ignore_check_constraints")).scalar_one() == 0
    with pytest.raises(sa.exc.IntegrityError), db.write() as s:
        s.execute(sa.text("INSERT INTO counterparties (name, role) VALUES ('X', 'bogus')"))
    summary = create_demo(db, 40, today=TODAY)
    assert summary.shipments == scalar(db, "SELECT count(*) FROM shipments") == 40


def test_checks_and_foreign_keys_are_enforced_again_after_a_demo(db):
    create_demo(db, 20, today=TODAY)
    with pytest.raises(sa.exc.IntegrityError), db.write() as s:
        s.execute(sa.text("UPDATE shipments SET net_weight_kg = -1 WHERE id = 1"))
    with pytest.raises(sa.exc.IntegrityError), db.write() as s:
        orphan = (
            "INSERT INTO shipment_units (shipment_id, kind, number) VALUES (999999, 'wagon', '1')"
        )
        s.execute(sa.text(orphan))
