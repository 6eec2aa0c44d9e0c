"""The trigger-kept summary tables always equal a fresh GROUP BY over ``shipments``.

Checked after demo loading, service creates/updates/status changes/deletes, an import, and
plain SQL bulk updates and deletes, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.db import Database
from models.progress import Cancelled, CancelToken
from models.rules.status import Status
from models.services import exports, reference, shipments
from models.services.demo import create_demo
from models.services.figures import summaries
from models.services.imports.importer import import_file
from models.services.shipments import ShipmentInput

TODAY = date(2026, 11, 30)


def _d(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def fresh(db: Database) -> dict[str, dict]:
    """The three summaries computed in Python from every shipment row."""
    status: dict = defaultdict(lambda: [0, 0])
    arrivals: dict = defaultdict(lambda: [0, 0, 0])
    contracts: dict = defaultdict(lambda: [0, 0])
    with db.engine.connect() as conn:
        found = conn.execute(
            sa.text(
                "SELECT status, net_weight_kg, arrived_weight_kg, departure_date, arrival_date, "
                "commodity_id, supplier_id, origin_station_id, border_station_id, "
                "destination_station_id, contract_id FROM shipments"
            )
        ).all()
    for st, net, arrived, dep, arr, com, sup, ori, bor, dst, con in found:
        dep, arr = _d(dep), _d(arr)
        status[st][0] += 1
        status[st][1] += net
        if arr is not None and st != "cancelled":
            transit = (arr - dep).days if dep else -1
            key = (arr, com, sup, ori, bor or 0, dst, con or 0, transit)
            arrivals[key][0] += 1
            arrivals[key][1] += net
            arrivals[key][2] += arrived or net
        if con is not None and dep is not None and st != "cancelled":
            contracts[con][0] += 1
            contracts[con][1] += net
    return {
        "status": {k: tuple(v) for k, v in status.items()},
        "arrivals": {k: tuple(v) for k, v in arrivals.items()},
        "contracts": {k: tuple(v) for k, v in contracts.items()},
    }


def kept(db: Database) -> dict[str, dict]:
    """The summary tables as they are, rows with zero shipments left out."""
    with db.engine.connect() as conn:
        status = conn.execute(sa.text("SELECT status, shipments, net_kg FROM figure_status_totals"))
        arrivals = conn.execute(
            sa.text(
                "SELECT arrival_date, commodity_id, supplier_id, origin_station_id, border_key, "
                "destination_station_id, contract_key, transit_days, shipments, net_kg, "
                "arrived_kg FROM figure_arrival_totals"
            )
        ).all()
        contracts = conn.execute(
            sa.text("SELECT contract_id, shipments, shipped_kg FROM figure_contract_totals")
        ).all()
        status = status.all()
    for table in (status, arrivals, contracts):
        assert all(r[-2] >= 0 for r in table), "a summary count went negative"
    return {
        "status": {r[0]: (r[1], r[2]) for r in status if r[1]},
        "arrivals": {(_d(r[0]), *r[1:8]): tuple(r[8:]) for r in arrivals if r[8]},
        "contracts": {r[0]: (r[1], r[2]) for r in contracts if r[1]},
    }


def assert_in_step(db: Database) -> None:
    assert kept(db) == fresh(db)
    with db.engine.connect() as conn:
        assert summaries.differences(conn) == []


def test_summaries_follow_every_kind_of_change(db: Database) -> None:
    create_demo(db, shipments=300, seed=5, today=TODAY)
    assert_in_step(db)

    supplier = reference.create_counterparty(db, "Figures Test Supplier", "supplier", "KZ")
    consignee = reference.create_counterparty(db, "Figures Test Consignee", "consignee", "CN")
    stations = {s.name: s.id for s in reference.stations(db)}
    data = ShipmentInput(
        waybill="FIG-1",
        train_no="FIG-T1",
        commodity_id=reference.find_commodity(db, "1204").id,
        supplier_id=supplier.id,
        consignee_id=consignee.id,
        origin_station_id=stations["Kostanay"],
        border_station_id=stations["Dostyk"],
        destination_station_id=stations["Qingtongxia"],
        net_weight_kg=26_000,
        departure_date=date(2026, 11, 1),
        eta=date(2026, 11, 12),
    )
    created = shipments.create(db, data).shipment
    assert_in_step(db)

    arrived = shipments.change_status(
        db, [created.id], Status.ARRIVED, at=datetime(2026, 11, 11, 8, tzinfo=UTC)
    )
    after = arrived.after[0]
    updated = shipments.update(
        db,
        created.id,
        ShipmentInput(
            **{
                **{f: getattr(after, f) for f in ShipmentInput.__dataclass_fields__},
                "arrival_date": date(2026, 11, 11),
                "arrived_weight_kg": 25_100,
                "weight_note": "moisture",
                "border_station_id": None,
            }
        ),
        after.version,
    ).shipment
    assert_in_step(db)

    shipments.delete(db, created.id, updated.version)
    assert_in_step(db)

    csv = (
        b"waybill,train_no,commodity,supplier,consignee,origin_station,border_station,"
        b"destination_station,departure_date,eta,arrival_date,status,net_tonnes,wagons,"
        b"containers\n"
        b"FIG-2,FIG-T2,Wheat,Imported Agro,Imported Mill,Kostanay,Dostyk,Qingtongxia,"
        b"2026-10-01,2026-10-10,2026-10-09,arrived,1313.5,0,52\n"
        b"FIG-3,FIG-T2,Wheat,Imported Agro,Imported Mill,Kostanay,,Qingtongxia,"
        b"2026-10-01,2026-10-10,,in transit,24.5,0,1\n"
    )
    import_file(db, csv)
    assert_in_step(db)

    with db.write() as s:
        # Plain SQL, as a maintenance script would: cancel some, move arrivals, delete some.
        s.execute(sa.text("UPDATE shipments SET status = 'cancelled' WHERE id % 7 = 0"))
        s.execute(
            sa.text(
                "UPDATE shipments SET arrival_date = departure_date, "
                "net_weight_kg = net_weight_kg + 1 WHERE id % 5 = 0 AND arrival_date IS NOT NULL"
            )
        )
        s.execute(sa.text("DELETE FROM shipment_units WHERE shipment_id % 11 = 0"))
        s.execute(sa.text("DELETE FROM shipment_events WHERE shipment_id % 11 = 0"))
        s.execute(sa.text("DELETE FROM shipments WHERE id % 11 = 0"))
    assert_in_step(db)


def test_a_rolled_back_change_leaves_the_summaries_as_they_were(db: Database) -> None:
    create_demo(db, shipments=50, seed=6, today=TODAY)
    before = kept(db)
    try:
        with db.write() as s:
            s.execute(sa.text("UPDATE shipments SET status = 'cancelled'"))
            raise RuntimeError("stop")
    except RuntimeError:
        pass
    assert kept(db) == before == fresh(db)


def test_differences_finds_a_summary_that_drifted_and_rebuild_mends_it(db: Database) -> None:
    create_demo(db, shipments=60, seed=8, today=TODAY)
    with db.engine.connect() as conn:
        assert summaries.differences(conn) == []
    with db.write() as s:
        s.execute(sa.text("UPDATE figure_status_totals SET shipments = shipments + 1"))
        s.execute(sa.text("DELETE FROM figure_contract_totals"))
    with db.engine.connect() as conn:
        found = summaries.differences(conn)
    assert "rows missing from figure_status_totals" in " ".join(found)
    assert any(p.endswith("rows missing from figure_contract_totals") for p in found)
    with db.write() as s:
        summaries.rebuild(s.connection())
    with db.engine.connect() as conn:
        assert summaries.differences(conn) == []
    assert_in_step(db)


def test_a_bulk_load_without_row_triggers_ends_with_the_same_summaries(db: Database) -> None:
    create_demo(db, shipments=40, seed=9, today=TODAY)
    with db.write() as s:
        conn = s.connection()
        with summaries.bulk_load(conn):
            conn.execute(
                sa.text(
                    "INSERT INTO shipments (waybill, train_no, commodity_id, supplier_id, "
                    "consignee_id, origin_station_id, border_station_id, destination_station_id, "
                    "departure_date, arrival_date, status, net_weight_kg, wagons, containers, "
                    "version, created_at, created_by, updated_at, updated_by) "
                    "SELECT 'BULK-' || waybill, train_no, commodity_id, supplier_id, "
                    "consignee_id, origin_station_id, border_station_id, destination_station_id, "
                    "departure_date, arrival_date, status, net_weight_kg, wagons, containers, "
                    "1, created_at, created_by, updated_at, updated_by FROM shipments"
                )
            )
    assert_in_step(db)
    with db.write() as s:  # the triggers are back: a change is followed again
        s.execute(sa.text("UPDATE shipments SET status = 'cancelled' WHERE id % 3 = 0"))
    assert_in_step(db)


def _import_file_of_changes(db: Database, folder: Path) -> bytes:
    """Every demo shipment exported, a third of them changed, and as many new ones."""
    exports.export(db, folder / "all.csv")
    with open(folder / "all.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    for i, row in enumerate(rows):
        if i % 3 == 0:  # heavier: every summary table moves
            row = {**row, "net_tonnes": str(float(row["net_tonnes"]) + 0.5)}
        if i % 6 == 0 and row["arrival_date"]:  # arrived a day later: another day, transit
            later = date.fromisoformat(row["arrival_date"]) + timedelta(days=1)
            row = {**row, "arrival_date": later.isoformat()}
        writer.writerow(row)
        if i % 2 == 0:
            writer.writerow({**row, "waybill": f"NEW-{row['waybill']}"})
    return out.getvalue().encode("utf-8")


def _triggers(db: Database) -> list[tuple[str, str]]:
    """SQLite's summary triggers as stored (name, SQL); PostgreSQL's trigger names."""
    query = (
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        if db.engine.dialect.name == "sqlite"
        else "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname"
    )
    with db.engine.connect() as conn:
        return [(str(a), str(b)) for a, b in conn.execute(sa.text(query))]


def test_an_import_that_inserts_and_updates_adds_only_its_rows_sums(
    db: Database, tmp_path: Path
) -> None:
    create_demo(db, shipments=240, seed=12, today=TODAY)
    triggers = _triggers(db)
    before = kept(db)
    summary = import_file(db, _import_file_of_changes(db, tmp_path))
    assert summary.inserted == 120 and summary.updated == 80, summary.line()
    after = kept(db)
    assert after != before
    assert_in_step(db)
    assert _triggers(db) == triggers
    with db.write() as s:  # the triggers are back and fire again
        s.execute(sa.text("UPDATE shipments SET status = 'cancelled' WHERE id % 4 = 0"))
    assert kept(db) != after
    assert_in_step(db)


def test_a_cancelled_import_leaves_summaries_and_triggers_as_they_were(
    db: Database, tmp_path: Path
) -> None:
    create_demo(db, shipments=120, seed=13, today=TODAY)
    data = _import_file_of_changes(db, tmp_path)
    triggers = _triggers(db)
    before = kept(db)
    count = _count(db)
    token = CancelToken()
    seen = []

    def cancel_while_updating(done: int, total: int, text: str) -> None:
        seen.append(text)
        if text == "updating shipments":  # new rows written, old sums taken out
            token.cancel()

    with pytest.raises(Cancelled):
        import_file(db, data, progress=cancel_while_updating, cancel=token)
    assert "saving new shipments" in seen
    assert _count(db) == count
    assert kept(db) == before == fresh(db)
    assert _triggers(db) == triggers
    with db.write() as s:
        s.execute(sa.text("UPDATE shipments SET net_weight_kg = net_weight_kg + 7"))
    assert kept(db) != before
    assert_in_step(db)


def _count(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM shipments")).scalar_one()
