"""The table's queries: new filter fields, derived columns and batch lookups per page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from models.errors import ValidationError
from models.rules.status import Status
from models.services import queries, shipments
from models.services.demo import create_demo
from models.services.queries import Filter, ShipmentRow, Sort


@pytest.fixture
def demo(db):
    create_demo(db, shipments=120, seed=3)
    return db


def _scalar(db, sql: str, **params) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(sa.text(sql), params).scalar_one())


def test_contract_filter_is_a_where_on_the_contract_id(demo):
    contract_id = _scalar(
        demo, "SELECT contract_id FROM shipments WHERE contract_id IS NOT NULL LIMIT 1"
    )
    expected = _scalar(demo, "SELECT count(*) FROM shipments WHERE contract_id = :c", c=contract_id)
    assert queries.count(demo, Filter(contract_ids=(contract_id,))) == expected


def test_rows_carry_contract_and_last_event_looked_up_per_page(demo):
    rows = queries.page(demo, Filter(), Sort("waybill"), 0, 50)
    assert len(rows) == 50
    for row in rows:
        with demo.engine.connect() as conn:
            latest = conn.execute(
                sa.text(
                    "SELECT e.occurred_at, st.name FROM shipment_events e "
                    "LEFT JOIN stations st ON st.id = e.station_id WHERE e.shipment_id = :i "
                    "ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1"
                ),
                {"i": row.id},
            ).one()
            contract = conn.execute(
                sa.text(
                    "SELECT c.number FROM shipments s LEFT JOIN contracts c "
                    "ON c.id = s.contract_id WHERE s.id = :i"
                ),
                {"i": row.id},
            ).scalar_one()
        assert row.last_event_station == latest[1]
        assert row.last_event_at.replace(tzinfo=None) == _naive(latest[0])
        assert row.contract == contract


def _naive(value):
    if isinstance(value, str):  # SQLite hands back text through a raw connection
        from datetime import datetime

        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=None)


def _row(**overrides) -> ShipmentRow:
    values = dict(
        id=1, waybill="1", train_no="T", commodity_id=1, commodity="Wheat", supplier="S",
        consignee="C", origin_station_id=1, origin="A", border_station_id=None, border=None,
        destination_station_id=2, destination="B", departure_date=date(2025, 3, 1),
        eta=date(2025, 3, 10), arrival_date=None, status=Status.IN_TRANSIT,
        net_weight_kg=60_000, arrived_weight_kg=None, wagons=1, containers=0, version=1,
    )  # fmt: skip
    values.update(overrides)
    return ShipmentRow(**values)


@pytest.mark.parametrize(
    ("overrides", "days"),
    [
        ({}, 9),  # on the way: up to the day judged
        ({"arrival_date": date(2025, 3, 7), "status": Status.ARRIVED}, 6),
        ({"departure_date": None, "status": Status.PLANNED}, None),
        ({"status": Status.CANCELLED}, None),
    ],
)
def test_days_in_transit_are_derived(overrides, days):
    assert _row(**overrides).days_in_transit(date(2025, 3, 10)) == days


def test_weight_difference_is_arrived_minus_shipped():
    assert _row().weight_difference_kg() is None
    assert _row(arrived_weight_kg=59_250).weight_difference_kg() == -750


@pytest.mark.parametrize("key", sorted(queries.SORT_COLUMNS))
def test_every_sort_key_gives_pages_that_do_not_overlap(demo, key):
    first = queries.page(demo, Filter(), Sort(key), 0, 60)
    second = queries.page(demo, Filter(), Sort(key), 60, 60)
    ids = [r.id for r in first + second]
    assert len(ids) == len(set(ids)) == 120


def test_rows_by_id_keep_the_order_given_and_skip_missing(demo):
    ids = [r.id for r in queries.page(demo, limit=3)]
    assert [r.id for r in queries.rows(demo, [ids[2], 10**9, ids[0]])] == [ids[2], ids[0]]


def test_revise_eta_many_is_one_transaction_with_an_audit_entry_each(demo):
    rows = queries.page(demo, Filter(statuses=(Status.UNLOADED,)), limit=3)
    eta = max(r.departure_date for r in rows) + timedelta(days=30)
    result = shipments.revise_eta_many(
        demo, [r.id for r in rows], eta, "queue at Dostyk", {r.id: r.version for r in rows}
    )
    assert [d.eta for d in result.after] == [eta] * 3
    for r in rows:
        assert shipments.get(demo, r.id).eta == eta
        assert shipments.audit_trail(demo, r.id)[-1]["reason"] == "queue at Dostyk"


def test_revise_eta_many_saves_nothing_when_one_is_refused(demo):
    ordered = queries.page(
        demo, Filter(statuses=(Status.UNLOADED,)), Sort("departure_date", descending=False)
    )
    rows = [ordered[0], ordered[-1]]
    # after the first one's departure, before the last one's
    eta = rows[-1].departure_date - timedelta(days=1)
    assert rows[0].departure_date <= eta
    with pytest.raises(ValidationError, match=rows[-1].waybill):
        shipments.revise_eta_many(demo, [r.id for r in rows], eta, "x")
    assert [shipments.get(demo, r.id).version for r in rows] == [r.version for r in rows]


def test_revise_eta_many_needs_a_reason(demo):
    rows = queries.page(demo, limit=1)
    with pytest.raises(ValidationError, match="say why"):
        shipments.revise_eta_many(demo, [rows[0].id], date(2030, 1, 1), "  ")


@pytest.mark.parametrize("key", ["departure_date", "arrival_date", "waybill", "contract"])
@pytest.mark.parametrize("descending", [True, False])
def test_pages_read_from_the_end_are_the_same_rows(demo, key, descending):
    """Pages past the middle are read backwards; with NULLs and ties they must not differ."""
    sort = Sort(key, descending)
    total = queries.count(demo)
    everything = [r.id for r in queries.page(demo, Filter(), sort, 0, total)]
    for offset in (61, 100, 110, 119):
        page = queries.page(demo, Filter(), sort, offset, 7, total=total)
        assert [r.id for r in page] == everything[offset : offset + 7]


def _ids(db, text: str) -> set[int]:
    return {r.id for r in queries.page(db, Filter(text=text), Sort(), 0, 10_000)}


def test_free_text_finds_any_part_of_waybill_train_notes_or_unit_number(demo):
    """The trigram indexes (FTS5 / pg_trgm) are filled by the demo load and match substrings."""
    with demo.engine.connect() as conn:
        sid, waybill, train = conn.execute(
            sa.text("SELECT id, waybill, train_no FROM shipments ORDER BY id LIMIT 1")
        ).one()
        unit_of, number = conn.execute(
            sa.text("SELECT shipment_id, number FROM shipment_units ORDER BY id DESC LIMIT 1")
        ).one()
    assert sid in _ids(demo, waybill[2:])
    assert sid in _ids(demo, train[1:-1].lower())
    assert unit_of in _ids(demo, number[1:-1])
    middle = waybill[2:-1]
    expected = _scalar(
        demo,
        "SELECT count(*) FROM shipments s WHERE s.waybill LIKE :p OR s.train_no LIKE :p"
        " OR s.id IN (SELECT shipment_id FROM shipment_units WHERE number LIKE :p)",
        p=f"%{middle}%",
    )
    assert queries.count(demo, Filter(text=middle)) == expected > 0


def test_the_text_index_follows_inserts_updates_and_deletes(demo):
    with demo.engine.begin() as conn:
        sid = conn.execute(sa.text("SELECT min(id) FROM shipments")).scalar_one()
        conn.execute(
            sa.text("UPDATE shipments SET notes = 'Plombe beschädigt, Щупы OK' WHERE id = :i"),
            {"i": sid},
        )
    assert _ids(demo, "BESCHÄDIGT") == {sid}  # case folded beyond ASCII
    assert _ids(demo, "щупы") == {sid}
    with demo.engine.begin() as conn:
        conn.execute(sa.text("UPDATE shipments SET notes = NULL WHERE id = :i"), {"i": sid})
        unit_of, number = conn.execute(
            sa.text("SELECT shipment_id, number FROM shipment_units ORDER BY id LIMIT 1")
        ).one()
        conn.execute(sa.text("DELETE FROM shipment_units WHERE number = :n"), {"n": number})
    assert _ids(demo, "beschädigt") == set()
    assert unit_of not in _ids(demo, number)


@pytest.mark.parametrize("text", ["'", '"', "%", "_", "a\"b'c%d_e\\f*g"])
def test_free_text_with_quote_and_wildcard_characters_is_literal(demo, text):
    assert queries.count(demo, Filter(text=text)) == 0


def test_two_characters_match_the_start_of_waybill_or_train(demo):
    with demo.engine.connect() as conn:
        waybill = conn.execute(sa.text("SELECT min(waybill) FROM shipments")).scalar_one()
    expected = _scalar(
        demo,
        "SELECT count(*) FROM shipments WHERE waybill LIKE :p OR train_no LIKE :p"
        " OR id IN (SELECT shipment_id FROM shipment_units WHERE number LIKE :p)",
        p=waybill[:2] + "%",
    )
    assert queries.count(demo, Filter(text=waybill[:2])) == expected > 0


@pytest.mark.parametrize("key", ["commodity", "supplier"])
@pytest.mark.parametrize("descending", [False, True])
def test_name_sorts_follow_the_current_names(demo, key, descending):
    table, column = {
        "commodity": ("commodities", "commodity_id"),
        "supplier": ("counterparties", "supplier_id"),
    }[key]
    way = "DESC" if descending else "ASC"
    sql = (
        f"SELECT s.id FROM shipments s JOIN {table} t ON t.id = s.{column}"
        f" ORDER BY t.name {way}, s.id {way}"
    )
    with demo.engine.begin() as conn:
        # a rename moves its shipments: the order is never cached
        first = conn.execute(sa.text(f"SELECT id FROM {table} ORDER BY name LIMIT 1")).scalar_one()
        conn.execute(
            sa.text(f"UPDATE {table} SET name = 'ZZZ renamed' WHERE id = :i"), {"i": first}
        )
        expected = [r[0] for r in conn.execute(sa.text(sql))]
    got = [r.id for r in queries.page(demo, Filter(), Sort(key, descending), 0, len(expected))]
    assert got == expected


@pytest.mark.parametrize("descending", [False, True])
def test_contract_sort_pages_match_the_database_order_across_the_no_contract_rows(demo, descending):
    way = "DESC" if descending else "ASC"
    sql = (
        "SELECT s.id FROM shipments s ORDER BY"
        f" (SELECT number FROM contracts c WHERE c.id = s.contract_id) {way}, s.id {way}"
    )
    with demo.engine.connect() as conn:
        expected = [r[0] for r in conn.execute(sa.text(sql))]
        without = _scalar(demo, "SELECT count(*) FROM shipments WHERE contract_id IS NULL")
    assert 0 < without < len(expected)
    sort, size = Sort("contract", descending), 7  # pages that straddle where the parts meet
    got = [
        r.id
        for offset in range(0, len(expected), size)
        for r in queries.page(demo, Filter(), sort, offset, size)
    ]
    assert got == expected
    # the second half read from the end gives the same rows
    total = len(expected)
    assert [r.id for r in queries.page(demo, Filter(), sort, total - 10, 10, total=total)] == (
        expected[-10:]
    )


@pytest.mark.postgres
def test_postgres_looks_waybills_up_by_btree_and_searches_text_by_trigram(pg_db):
    """pg_trgm's GIN also serves '=': on the plain column the planner took it for waybill IN
    (...) and one lookup of 500 waybills took seconds (migration 0004 moved it to lower())."""
    from models.entities import Shipment

    demo = pg_db
    create_demo(demo, shipments=120, seed=3)

    with demo.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE shipments")
        conn.exec_driver_sql("SET enable_seqscan = off")  # a small table: make it pick an index
        waybills = list(conn.execute(sa.select(Shipment.waybill).limit(100)).scalars())

        def plan(statement: sa.Select) -> str:
            sql = statement.compile(conn, compile_kwargs={"literal_binds": True})
            return "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {sql}"))

        lookup = plan(sa.select(Shipment.waybill).where(Shipment.waybill.in_(waybills)))
        search = plan(
            sa.select(Shipment.id).where(*queries.conditions(Filter(text=waybills[0][1:-1])))
        )
    assert "uq_shipments_waybill" in lookup and "trgm" not in lookup
    assert "ix_shipments_waybill_trgm" in search
