"""Editing stations, goods, counterparties and contracts: validation and refused deletes."""

from datetime import date
from decimal import Decimal

import pytest

from models.errors import ValidationError
from models.rules.status import Status
from models.services import reference, shipments
from models.services.reference_editing import (
    CommodityInput,
    ContractInput,
    StationInput,
    delete_commodity,
    delete_contract,
    delete_counterparty,
    delete_station,
    save_commodity,
    save_contract,
    save_counterparty,
    save_station,
    usage_count,
)
from models.services.shipments import ShipmentInput


def _shipment(db, waybill="SMGS-1", **overrides):
    st = {s.name: s.id for s in reference.stations(db)}
    goods = reference.find_commodity(db, "1204").id
    supplier = save_counterparty(db, f"Supplier {waybill}", "supplier", "KZ").id
    consignee = save_counterparty(db, f"Consignee {waybill}", "consignee", "CN").id
    values = {
        "waybill": waybill,
        "train_no": "T-1",
        "commodity_id": goods,
        "supplier_id": supplier,
        "consignee_id": consignee,
        "origin_station_id": st["Kostanay"],
        "destination_station_id": st["Qingtongxia"],
        "net_weight_kg": 26_000,
        "status": Status.PLANNED,
    }
    values.update(overrides)
    return shipments.create(db, ShipmentInput(**values)).shipment


def test_bad_check_digit_refused_naming_the_expected_digit(db):
    with pytest.raises(ValidationError) as caught:
        save_station(db, StationInput("Kokshetau", "KZ", code="684002"))
    assert caught.value.field == "code"
    assert caught.value.code == "check_digit"
    assert "1" in str(caught.value)
    assert "Kokshetau" not in {s.name for s in reference.stations(db)}


def test_station_create_rename_and_lookup(db):
    made = save_station(db, StationInput("Kokshetau", "kz", name_ru="Кокшетау", role="origin"))
    assert made.country == "KZ" and made.code is None
    renamed = save_station(
        db, StationInput("Kokshetau-1", "KZ", code="684001", code_system="CN"), made.id
    )
    assert renamed.id == made.id and renamed.code == "684001"
    assert reference.find_station(db, "kokshetau-1").id == made.id
    with pytest.raises(ValidationError) as caught:
        save_station(db, StationInput("Kokshetau-2", "KZ", code="684002"), made.id)
    assert caught.value.field == "code"
    assert reference.find_station(db, "Kokshetau-1").code == "684001"


def test_station_name_and_code_must_be_unique(db):
    with pytest.raises(ValidationError, match="exists") as caught:
        save_station(db, StationInput("KOSTANAY", "KZ"))
    assert caught.value.field == "name"
    with pytest.raises(ValidationError) as caught:
        save_station(db, StationInput("Kostanay-2", "KZ", code="684001"))
    assert caught.value.code == "duplicate" and caught.value.field == "code"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (StationInput("", "KZ"), "name"),
        (StationInput("X", "Kaz"), "country"),
        (StationInput("X", "KZ", role="port"), "role"),
        (StationInput("X", "CN", code="AK-R", code_system="CN"), "code"),
    ],
)
def test_station_fields_checked(db, data, field):
    with pytest.raises(ValidationError) as caught:
        save_station(db, data)
    assert caught.value.field == field


def test_commodity_in_use_cannot_be_deleted_and_says_how_many(db):
    _shipment(db, "SMGS-1")
    _shipment(db, "SMGS-2")
    flax = reference.find_commodity(db, "1204")
    assert usage_count(db, "commodity", flax.id) == 2
    with pytest.raises(ValidationError, match="used by 2 shipments") as caught:
        delete_commodity(db, flax.id)
    assert caught.value.code == "in_use" and caught.value.params["count"] == 2
    assert reference.find_commodity(db, "1204").id == flax.id


def test_unused_reference_rows_are_deleted(db):
    oats = save_commodity(db, CommodityInput("1004", "Oats", "燕麦"))
    delete_commodity(db, oats.id)
    assert "Oats" not in {c.name for c in reference.commodities(db)}
    station = save_station(db, StationInput("Nowhere", "KZ"))
    delete_station(db, station.id)
    party = save_counterparty(db, "Gone LLP", "forwarder")
    delete_counterparty(db, party.id)
    assert "Gone LLP" not in {c.name for c in reference.counterparties(db)}


def test_station_in_use_counts_every_role(db):
    sh = _shipment(db, "SMGS-1")
    assert usage_count(db, "station", sh.origin_station_id) == 1
    with pytest.raises(ValidationError, match="used by 1 shipments"):
        delete_station(db, sh.destination_station_id)


def test_commodity_fields_checked(db):
    with pytest.raises(ValidationError) as caught:
        save_commodity(db, CommodityInput("12x4", "Flax"))
    assert caught.value.field == "hs_code"
    with pytest.raises(ValidationError) as caught:
        save_commodity(db, CommodityInput("1204", "wheat"))
    assert caught.value.field == "name" and caught.value.code == "duplicate"


def test_counterparty_rename_and_role(db):
    party = save_counterparty(db, "Aiju LLP", "supplier", "kz")
    renamed = save_counterparty(db, "Aiju  Milling LLP", "supplier", "KZ", party.id)
    assert renamed.name == "Aiju Milling LLP" and renamed.country == "KZ"
    with pytest.raises(ValidationError) as caught:
        save_counterparty(db, "Other", "buyer")
    assert caught.value.field == "role"


def test_contract_lifecycle(db):
    party = save_counterparty(db, "Aiju LLP", "supplier", "KZ")
    flax = reference.find_commodity(db, "1204")
    data = ContractInput(
        "KZ-2025-001", party.id, flax.id, 1_313_000, date(2025, 1, 1), date(2025, 12, 31)
    )
    made = save_contract(db, data, None)
    assert reference.find_contract(db, "kz-2025-001").id == made.id
    assert [c.number for c in reference.contracts(db, party.id)] == ["KZ-2025-001"]
    with pytest.raises(ValidationError) as caught:
        save_contract(db, data)
    assert caught.value.field == "number"
    bad = ContractInput("X", party.id, flax.id, 1, date(2025, 2, 1), date(2025, 1, 1))
    with pytest.raises(ValidationError) as caught:
        save_contract(db, bad)
    assert caught.value.field == "period_end"
    with pytest.raises(ValidationError) as caught:
        save_contract(db, ContractInput("Y", party.id, flax.id, 0, date.today(), date.today()))
    assert caught.value.field == "quantity_kg"
    changed = save_contract(
        db,
        ContractInput(
            "KZ-2025-001",
            party.id,
            flax.id,
            2_000_000,
            date(2025, 1, 1),
            date(2025, 12, 31),
            Decimal("410.50"),
            "usd",
        ),
        made.id,
    )
    assert changed.currency == "USD" and changed.price == Decimal("410.50")
    with pytest.raises(ValidationError, match="used by 1 contracts"):
        delete_counterparty(db, party.id)
    _shipment(db, "SMGS-9", contract_id=made.id)
    with pytest.raises(ValidationError, match="used by 1 shipments"):
        delete_contract(db, made.id)
