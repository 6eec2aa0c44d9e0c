"""Shipment services on a real SQLite file and a real PostgreSQL schema."""

import dataclasses
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from models.errors import ConflictError, NotFoundError, ValidationError
from models.rules.status import Status
from models.services import queries, reference, shipments
from models.services.shipments import ShipmentInput, UnitInput


@pytest.fixture
def refs(db):
    supplier = reference.create_counterparty(db, "Kostanay Flax LLP", "supplier", "KZ")
    consignee = reference.create_counterparty(db, "Ningxia Linseed Co.", "consignee", "CN")
    return {
        "supplier": supplier.id,
        "consignee": consignee.id,
        "flax": reference.find_commodity(db, "1204").id,
        "kostanay": reference.find_station(db, "Kostanay").id,
        "alashankou": reference.find_station(db, "Alashankou").id,
        "qingtongxia": reference.find_station(db, "Qingtongxia").id,
    }


def make_input(refs, **overrides):
    values = dict(
        waybill="SMGS-24001",
        train_no="X8024",
        commodity_id=refs["flax"],
        supplier_id=refs["supplier"],
        consignee_id=refs["consignee"],
        origin_station_id=refs["kostanay"],
        border_station_id=refs["alashankou"],
        destination_station_id=refs["qingtongxia"],
        net_weight_kg=50_500,
        departure_date=date(2025, 3, 1),
        eta=date(2025, 3, 10),
        units=(
            UnitInput("container", "CSQU3054383", 25_300),
            UnitInput("container", "CSQU3054383"),
        ),
    )
    values.update(overrides)
    return ShipmentInput(**values)


def test_create_stores_fields_units_event_and_audit(db, refs):
    data = make_input(refs, units=(UnitInput("container", "csqu 305438-3", 25_300),))
    result = shipments.create(db, data, user="anna")
    saved = shipments.get(db, result.shipment.id)
    assert saved.waybill == "SMGS-24001"
    assert saved.units == (UnitInput("container", "CSQU3054383", 25_300),)
    assert saved.containers == 1 and saved.wagons == 0  # counts follow the unit list
    assert saved.version == 1 and saved.updated_by == "anna"
    assert [e["status"] for e in shipments.events(db, saved.id)] == [Status.PLANNED]
    trail = shipments.audit_trail(db, saved.id)
    assert trail[0]["action"] == "create" and trail[0]["user"] == "anna"
    assert trail[0]["changes"]["net_weight_kg"] == [None, 50_500]


def test_duplicate_unit_number_is_refused_at_its_row(db, refs):
    with pytest.raises(ValidationError) as caught:
        shipments.create(db, make_input(refs))
    assert caught.value.field == "units[1]" and caught.value.code == "duplicate"


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"waybill": "  "}, "waybill", "required"),
        ({"net_weight_kg": 0}, "net_weight_kg", "positive"),
        ({"arrival_date": date(2025, 2, 1)}, "arrival_date", "before_departure"),
        ({"units": (UnitInput("wagon", "51037058"),)}, "units[0]", "check_digit"),
        ({"units": (UnitInput("container", "CSQU3054384"),)}, "units[0]", "check_digit"),
        ({"commodity_id": 9999}, "commodity_id", "unknown"),
    ],
)
def test_bad_field_is_refused_with_its_name_and_nothing_saved(db, refs, overrides, field, code):
    with pytest.raises(ValidationError) as caught:
        shipments.create(db, make_input(refs, **{"units": (), **overrides}))
    assert (caught.value.field, caught.value.code) == (field, code)
    assert queries.count(db) == 0


def test_duplicate_waybill_is_refused(db, refs):
    shipments.create(db, make_input(refs, units=()))
    with pytest.raises(ValidationError, match="waybill SMGS-24001 already exists"):
        shipments.create(db, make_input(refs, units=(), train_no="X9000"))


def test_the_database_itself_refuses_a_negative_weight(db, refs):
    """The CHECK constraints hold even for a writer that skips the rules."""
    shipments.create(db, make_input(refs, units=()))
    with pytest.raises(sa.exc.IntegrityError), db.write() as s:
        s.execute(sa.text("UPDATE shipments SET net_weight_kg = -1"))


def test_plausibility_warnings_are_returned_not_raised(db, refs):
    heavy = make_input(refs, net_weight_kg=90_000, units=(UnitInput("container", "CSQU3054383"),))
    result = shipments.create(db, heavy)
    assert result.shipment.net_weight_kg == 90_000
    assert any(w.field == "net_weight_kg" for w in result.warnings)


def test_stale_save_is_refused_naming_who_and_when(db, refs):
    created = shipments.create(db, make_input(refs, units=()), user="anna").shipment
    first = shipments.update(
        db, created.id, dataclasses.replace(created.as_input(), notes="seal 44"), 1, user="bolat"
    )
    assert first.shipment.version == 2
    with pytest.raises(ConflictError) as caught:
        shipments.update(
            db, created.id, dataclasses.replace(created.as_input(), notes="mine"), 1, user="anna"
        )
    assert caught.value.who == "bolat"
    assert "changed by bolat" in str(caught.value)
    assert shipments.get(db, created.id).notes == "seal 44"


def test_update_with_status_change_records_event_and_checks_transition(db, refs):
    created = shipments.create(db, make_input(refs, units=())).shipment
    moved = shipments.update(
        db, created.id, dataclasses.replace(created.as_input(), status=Status.IN_TRANSIT), 1
    )
    assert moved.shipment.status == Status.IN_TRANSIT
    back = dataclasses.replace(created.as_input(), status=Status.PLANNED)
    with pytest.raises(ValidationError, match="cannot go back"):
        shipments.update(db, created.id, back, 2)


def test_train_status_change_is_one_transaction_with_one_event_each(db, refs):
    ids = [
        shipments.create(db, make_input(refs, waybill=f"W{i}", units=())).shipment.id
        for i in range(3)
    ]
    shipments.create(db, make_input(refs, waybill="OTHER", train_no="Y1", units=()))
    at = datetime.now(UTC)
    result = shipments.change_train_status(
        db, "X8024", Status.AT_BORDER, at=at, station_id=refs["alashankou"], note="crossed"
    )
    assert sorted(d.id for d in result.after) == sorted(ids)
    for shipment_id in ids:
        history = shipments.events(db, shipment_id)
        assert [e["status"] for e in history] == [Status.PLANNED, Status.AT_BORDER]
        assert history[-1]["at"] == at and history[-1]["station_id"] == refs["alashankou"]
    other = queries.page(db, queries.Filter(train_no="Y1"))[0]
    assert other.status == Status.PLANNED


def test_bulk_change_refused_for_one_leaves_all_unchanged(db, refs):
    a = shipments.create(db, make_input(refs, waybill="A1", units=())).shipment
    b = shipments.create(db, make_input(refs, waybill="B1", units=())).shipment
    shipments.change_status(db, [b.id], Status.CANCELLED)
    with pytest.raises(ValidationError, match="waybill B1: a cancelled shipment"):
        shipments.change_status(db, [a.id, b.id], Status.LOADING)
    assert shipments.get(db, a.id).status == Status.PLANNED
    assert len(shipments.events(db, a.id)) == 1


def test_unknown_train_is_an_error(db, refs):
    with pytest.raises(NotFoundError, match="no shipment is on train Z0"):
        shipments.change_train_status(db, "Z0", Status.LOADING)


def test_arrival_sets_the_arrival_date(db, refs):
    created = shipments.create(db, make_input(refs, units=())).shipment
    at = datetime(2025, 3, 9, 23, 0, tzinfo=UTC)
    shipments.change_status(db, [created.id], Status.ARRIVED, at=at)
    assert shipments.get(db, created.id).arrival_date == date(2025, 3, 9)


def test_revise_eta_needs_a_reason_and_keeps_it(db, refs):
    created = shipments.create(db, make_input(refs, units=())).shipment
    with pytest.raises(ValidationError, match="say why"):
        shipments.revise_eta(db, created.id, date(2025, 3, 15), " ", 1)
    shipments.revise_eta(db, created.id, date(2025, 3, 15), "lab test at Alashankou", 1)
    entry = shipments.audit_trail(db, created.id)[-1]
    assert entry["action"] == "eta" and entry["reason"] == "lab test at Alashankou"
    assert entry["changes"]["eta"] == ["2025-03-10", "2025-03-15"]


def test_arrived_weight_beyond_tolerance_needs_a_reason(db, refs):
    created = shipments.create(db, make_input(refs, units=())).shipment
    with pytest.raises(ValidationError) as caught:
        shipments.record_arrived_weight(db, created.id, 48_000, 1)
    assert caught.value.field == "weight_note"
    saved = shipments.record_arrived_weight(db, created.id, 50_200, 1).shipment
    assert saved.arrived_weight_kg == 50_200
    saved = shipments.record_arrived_weight(db, created.id, 48_000, 2, note="torn bag").shipment
    assert saved.weight_note == "torn bag"


def test_delete_returns_the_shipment_for_undo(db, refs):
    created = shipments.create(db, make_input(refs, units=())).shipment
    gone = shipments.delete(db, created.id, 1)
    assert gone.waybill == "SMGS-24001"
    assert queries.count(db) == 0
    again = shipments.create(db, gone.as_input()).shipment
    assert again.waybill == gone.waybill


def test_queries_filter_sort_and_page(db, refs):
    for i, kg in enumerate([30_000, 10_000, 20_000]):
        shipments.create(db, make_input(refs, waybill=f"K{i}", net_weight_kg=kg, units=()))
    assert queries.count(db) == 3
    assert queries.totals(db) == (3, 60_000)
    rows = queries.page(db, sort=queries.Sort("net_weight_kg", descending=False))
    assert [r.net_weight_kg for r in rows] == [10_000, 20_000, 30_000]
    assert rows[0].commodity == "Flaxseed (linseed)" and rows[0].destination == "Qingtongxia"
    assert [r.waybill for r in queries.page(db, queries.Filter(text="k1"))] == ["K1"]
    assert [r.waybill for r in queries.page(db, queries.Filter(text="CSQU"))] == []
    late = queries.Filter(late_only=True, as_of=date(2025, 3, 11))
    assert queries.count(db, late) == 3
    assert queries.page(db, late)[0].days_late(date(2025, 3, 11)) == 1


def test_text_filter_finds_a_shipment_by_its_container_number(db, refs):
    unit = (UnitInput("container", "CSQU3054383"),)
    created = shipments.create(db, make_input(refs, units=unit)).shipment
    shipments.create(db, make_input(refs, waybill="NOBOX", units=()))
    assert [r.id for r in queries.page(db, queries.Filter(text="csqu 30543"))] == [created.id]
    # Printed separators are dropped only while a trigram is left: "CS-" is no unit's start.
    assert queries.page(db, queries.Filter(text="CS-")) == []


def test_revert_undoes_a_bulk_status_change_and_its_events(db, refs):
    ids = [
        shipments.create(db, make_input(refs, waybill=f"U{i}", units=())).shipment.id
        for i in range(2)
    ]
    result = shipments.change_status(db, ids, Status.IN_TRANSIT, note="left Kostanay")
    versions = {d.id: d.version for d in result.after}
    undone = shipments.revert(db, result.before, versions)
    for shipment_id in ids:
        restored = shipments.get(db, shipment_id)
        assert restored.status == Status.PLANNED
        assert restored.departure_date == date(2025, 3, 1)
        assert [e["status"] for e in shipments.events(db, shipment_id)] == [Status.PLANNED]
        assert shipments.audit_trail(db, shipment_id)[-1]["action"] == "undo"
    with pytest.raises(ConflictError):  # undoing twice is refused: versions moved on
        shipments.revert(db, result.before, versions)
    assert all(d.version == versions[d.id] + 1 for d in undone.after)
