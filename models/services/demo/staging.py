"""Where the load stages its columns, and how the database joins them into rows.

Temporary tables (columns, types, keys), and the ``INSERT ... SELECT`` statements that build the
shipments and their status history from them.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from models.entities import Shipment, ShipmentEvent, ShipmentUnit
from models.rules.status import Status
from models.services.demo.business import DEMO_USER

BULK_TABLES = tuple(cast(Table, e.__table__) for e in (Shipment, ShipmentUnit, ShipmentEvent))
SHIPMENTS, UNITS, EVENTS = BULK_TABLES
# Temporary tables: (column, type), and how many leading columns make the primary key.
TRAIN_STAGE = ((
    ("train", "int"), ("train_no", "text"), ("commodity_id", "int"), ("supplier_id", "int"),
    ("consignee_id", "int"), ("origin_station_id", "int"), ("border_station_id", "int"),
    ("destination_station_id", "int"), ("planned_departure", "date"), ("departure_date", "date"),
    ("eta", "date"), ("arrival_date", "date"), ("status", "text"), ("created_at", "stamp"),
    ("updated_at", "stamp"), ("wagon", "int"),
), 1)  # fmt: skip
SHIPMENT_STAGE = ((
    ("id", "int"), ("train", "int"), ("contract_id", "int"), ("net_weight_kg", "int"),
    ("arrived_weight_kg", "int"), ("units", "int"),
), 1)  # fmt: skip
EXTRA_STAGE = ((
    ("id", "int"), ("weight_note", "text"), ("notes", "text"), ("cancelled_at", "stamp"),
), 1)  # fmt: skip
RUN_STAGE = ((
    ("train", "int"), ("live", "int"), ("steps", "int"), ("first_id", "int"), ("id_base", "int"),
), 1)  # fmt: skip
STEP_STAGE = ((
    ("train", "int"), ("j", "int"), ("status", "text"), ("occurred_at", "stamp"),
    ("station_id", "int"), ("note", "text"),
), 2)  # fmt: skip
NUMBER_STAGE = ((("k", "int"),), 1)
TEMP_TABLES = (
    "demo_trains",
    "demo_shipments",
    "demo_extras",
    "demo_runs",
    "demo_steps",
    "demo_numbers",
)
PG_TYPES = {"int": "bigint", "text": "text", "date": "date", "stamp": "timestamp"}
UNIT_COLUMNS = ("id", "shipment_id", "kind", "number", "net_weight_kg")
EVENT_COLUMNS = ("id", "shipment_id", "occurred_at", "status", "station_id", "note", "user")
# A cancelled waybill keeps its planned departure, and loses the departure, ETA and arrival.
# SMGS numbers: 8 digits rising with the id in uneven steps.
INSERT_SHIPMENTS = f"""
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
INSERT_EVENTS = f"""
INSERT INTO shipment_events (id, shipment_id, occurred_at, status, station_id, note, "user")
SELECT r.id_base + n.k * r.steps + st.j, r.first_id + n.k, st.occurred_at, st.status,
    st.station_id, st.note, '{DEMO_USER}'
FROM demo_runs r CROSS JOIN demo_numbers n CROSS JOIN demo_steps st
WHERE r.train >= {{lo}} AND r.train < {{hi}} AND n.k < r.live AND st.train = r.train
"""
