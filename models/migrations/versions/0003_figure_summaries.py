"""figure summary tables kept by triggers; indexes for lateness and history.

The dashboard and the charts must answer in well under 150 ms on a million shipments, which a
GROUP BY over ``shipments`` cannot (0.3–0.7 s on SQLite). Three summary tables hold the same
sums, grouped much more coarsely:

* ``figure_status_totals``: shipments and net kg per current status (8 rows);
* ``figure_arrival_totals``: arrived shipments (arrival date set, not cancelled) per arrival
  day, commodity, supplier, origin, border, destination, contract and transit days;
* ``figure_contract_totals``: departed shipments (departure date set, not cancelled) per
  contract.

Database triggers keep them in step inside the same transaction as the change to
``shipments``, whoever makes it (services, importer, demo loader, plain SQL):

* SQLite: row triggers, one per table and event; an UPDATE trigger fires only when a column
  the table depends on is named in the UPDATE. Each subtracts the old row's contribution and
  adds the new one with an upsert.
* PostgreSQL: statement triggers with transition tables, so a bulk INSERT ... SELECT of a
  million rows costs one grouped upsert, not a million. Upserts go in key order so two
  writers lock summary rows in the same order (no deadlock).

Rows whose counts fall to zero stay; readers skip them. The tables are filled from the
existing shipments here, by the same GROUP BY the triggers maintain.

New indexes: ``shipments (status, eta)`` for the late list, ageing and expected arrivals
(only open shipments are read), and ``shipment_events (occurred_at)`` for statuses as of a
past day (with ``shipment_id``, so the shipments changed since a day come from the index
alone), and ``ix_shipments_weight_deviation``: arrived shipments by their relative weight
difference, for the weight discrepancies of a period; ``ix_shipments_late_arrival``: the
shipments that arrived after their ETA, for "late at the end of a past day".

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 15:00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


class _Summary(NamedTuple):
    """A summary table as SQL over a shipments row named ``r``.

    (A NamedTuple: Alembic loads this file outside sys.modules, where dataclasses fail.)
    """

    table: str
    keys: tuple[tuple[str, str], ...]  # column, expression
    values: tuple[tuple[str, str], ...]  # column, expression (added per row)
    where: str
    #: The shipments columns the keys, values and condition read (SQLite UPDATE OF).
    columns: tuple[str, ...]


#: |arrived - net| in basis points of net, rounded down (integer arithmetic in both databases);
#: models/services/figures/tonnage.py queries the same expression.
_DEVIATION_BP = "(abs(arrived_weight_kg - net_weight_kg) * 10000 / net_weight_kg)"
_DEVIATION_COLUMNS = (
    "arrival_date",
    "status",
    "contract_id",
    "net_weight_kg",
    "arrived_weight_kg",
)


def _transit(sqlite: bool) -> str:
    diff = (
        "CAST(julianday(r.arrival_date) - julianday(r.departure_date) AS INTEGER)"
        if sqlite
        else "(r.arrival_date - r.departure_date)"
    )
    return f"CASE WHEN r.departure_date IS NULL THEN -1 ELSE {diff} END"


def _summaries(sqlite: bool) -> list[_Summary]:
    return [
        _Summary(
            "figure_status_totals",
            (("status", "r.status"),),
            (("shipments", "1"), ("net_kg", "r.net_weight_kg")),
            "1 = 1",
            ("status", "net_weight_kg"),
        ),
        _Summary(
            "figure_arrival_totals",
            (
                ("arrival_date", "r.arrival_date"),
                ("commodity_id", "r.commodity_id"),
                ("supplier_id", "r.supplier_id"),
                ("origin_station_id", "r.origin_station_id"),
                ("border_key", "COALESCE(r.border_station_id, 0)"),
                ("destination_station_id", "r.destination_station_id"),
                ("contract_key", "COALESCE(r.contract_id, 0)"),
                ("transit_days", _transit(sqlite)),
            ),
            (
                ("shipments", "1"),
                ("net_kg", "r.net_weight_kg"),
                ("arrived_kg", "COALESCE(r.arrived_weight_kg, r.net_weight_kg)"),
            ),
            "r.arrival_date IS NOT NULL AND r.status <> 'cancelled'",
            (
                "arrival_date",
                "departure_date",
                "status",
                "commodity_id",
                "supplier_id",
                "origin_station_id",
                "border_station_id",
                "destination_station_id",
                "contract_id",
                "net_weight_kg",
                "arrived_weight_kg",
            ),
        ),
        _Summary(
            "figure_contract_totals",
            (("contract_id", "r.contract_id"),),
            (("shipments", "1"), ("shipped_kg", "r.net_weight_kg")),
            "r.contract_id IS NOT NULL AND r.departure_date IS NOT NULL "
            "AND r.status <> 'cancelled'",
            ("contract_id", "departure_date", "status", "net_weight_kg"),
        ),
    ]


def _upsert_set(s: _Summary, target: str) -> str:
    return ", ".join(f"{c} = {target}.{c} + excluded.{c}" for c, _e in s.values)


def _fill_sql(s: _Summary) -> str:
    keys = ", ".join(e for _c, e in s.keys)
    cols = ", ".join(c for c, _e in s.keys + s.values)
    sums = ", ".join(f"SUM({e})" for _c, e in s.values)
    return (
        f"INSERT INTO {s.table} ({cols}) SELECT {keys}, {sums} FROM shipments r "
        f"WHERE {s.where} GROUP BY {keys}"
    )


def _sqlite_statement(s: _Summary, row: str, sign: str) -> str:
    """One row's contribution (``sign`` '+' or '-') as an upsert inside a SQLite trigger."""
    keys = ", ".join(e.replace("r.", f"{row}.") for _c, e in s.keys)
    values = ", ".join(f"{sign}({e.replace('r.', f'{row}.')})" for _c, e in s.values)
    where = s.where.replace("r.", f"{row}.")
    cols = ", ".join(c for c, _e in s.keys + s.values)
    conflict = ", ".join(c for c, _e in s.keys)
    # "WHERE ..." before ON CONFLICT also settles SQLite's parsing ambiguity of an upsert
    # from a SELECT.
    return (
        f"INSERT INTO {s.table} ({cols}) SELECT {keys}, {values} WHERE {where} "
        f"ON CONFLICT ({conflict}) DO UPDATE SET {_upsert_set(s, s.table)};"
    )


def _sqlite_triggers(s: _Summary) -> list[str]:
    name = s.table
    columns = ", ".join(s.columns)
    return [
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON shipments BEGIN "
        f"{_sqlite_statement(s, 'new', '+')} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON shipments BEGIN "
        f"{_sqlite_statement(s, 'old', '-')} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {columns} ON shipments BEGIN "
        f"{_sqlite_statement(s, 'old', '-')} {_sqlite_statement(s, 'new', '+')} END",
    ]


def _pg_delta(s: _Summary, sources: list[tuple[str, str]]) -> str:
    """Upsert the grouped contributions of transition tables (name, sign) in key order."""
    keys = ", ".join(c for c, _e in s.keys)
    cols = ", ".join(c for c, _e in s.keys + s.values)
    parts = []
    for table, sign in sources:
        exprs = ", ".join(f"{e} AS {c}" for c, e in s.keys)
        vals = ", ".join(f"{sign}({e}) AS {c}" for c, e in s.values)
        parts.append(f"SELECT {exprs}, {vals} FROM {table} r WHERE {s.where}")
    sums = ", ".join(f"SUM({c})" for c, _e in s.values)
    nonzero = " OR ".join(f"SUM({c}) <> 0" for c, _e in s.values)
    return (
        f"INSERT INTO {s.table} AS t ({cols}) SELECT {keys}, {sums} FROM "
        f"({' UNION ALL '.join(parts)}) d GROUP BY {keys} HAVING {nonzero} ORDER BY {keys} "
        f"ON CONFLICT ({keys}) DO UPDATE SET {_upsert_set(s, 't')};"
    )


def _pg_statements(s: _Summary) -> list[str]:
    name = s.table
    function = f"""
CREATE FUNCTION {name}_apply() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {_pg_delta(s, [("new_rows", "+")])}
    ELSIF TG_OP = 'DELETE' THEN
        {_pg_delta(s, [("old_rows", "-")])}
    ELSE
        {_pg_delta(s, [("old_rows", "-"), ("new_rows", "+")])}
    END IF;
    RETURN NULL;
END
$body$"""
    run = f"FOR EACH STATEMENT EXECUTE FUNCTION {name}_apply()"
    return [
        function,
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON shipments "
        f"REFERENCING NEW TABLE AS new_rows {run}",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON shipments "
        f"REFERENCING OLD TABLE AS old_rows {run}",
        f"CREATE TRIGGER {name}_au AFTER UPDATE ON shipments "
        f"REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows {run}",
    ]


def upgrade() -> None:
    """Create the summary tables, fill them, and add the triggers and indexes."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "figure_status_totals",
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("shipments", sa.BigInteger(), nullable=False),
        sa.Column("net_kg", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("status", name=op.f("pk_figure_status_totals")),
    )
    op.create_table(
        "figure_arrival_totals",
        sa.Column("arrival_date", sa.Date(), nullable=False),
        sa.Column("commodity_id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("origin_station_id", sa.Integer(), nullable=False),
        sa.Column("border_key", sa.Integer(), nullable=False),
        sa.Column("destination_station_id", sa.Integer(), nullable=False),
        sa.Column("contract_key", sa.Integer(), nullable=False),
        sa.Column("transit_days", sa.Integer(), nullable=False),
        sa.Column("shipments", sa.BigInteger(), nullable=False),
        sa.Column("net_kg", sa.BigInteger(), nullable=False),
        sa.Column("arrived_kg", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "arrival_date",
            "commodity_id",
            "supplier_id",
            "origin_station_id",
            "border_key",
            "destination_station_id",
            "contract_key",
            "transit_days",
            name=op.f("pk_figure_arrival_totals"),
        ),
        # SQLite: rows stored in key order, so a date range is one sequential read.
        sqlite_with_rowid=False,
    )
    op.create_table(
        "figure_contract_totals",
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("shipments", sa.BigInteger(), nullable=False),
        sa.Column("shipped_kg", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("contract_id", name=op.f("pk_figure_contract_totals")),
    )
    for summary in _summaries(sqlite):
        op.execute(_fill_sql(summary))
        statements = _sqlite_triggers(summary) if sqlite else _pg_statements(summary)
        for statement in statements:
            op.execute(statement)
    op.create_index("ix_shipments_status_eta", "shipments", ["status", "eta"])
    # With shipment_id in the index, "which shipments changed after a day" never reads rows.
    op.create_index(
        "ix_shipment_events_occurred_at", "shipment_events", ["occurred_at", "shipment_id"]
    )
    # Weight discrepancies: arrived shipments by their relative difference (basis points),
    # so a report reads the few off beyond the smallest tolerance, not every arrival; with
    # the columns the test reads, so counting and ranking them never reads a row.
    where = sa.text("arrived_weight_kg IS NOT NULL")
    op.create_index(
        "ix_shipments_weight_deviation",
        "shipments",
        [sa.text(_DEVIATION_BP), *_DEVIATION_COLUMNS],
        sqlite_where=where,
        postgresql_where=where,
    )
    # Late at a past day's end: the shipments that arrived after their ETA (a tenth of all).
    late = sa.text("arrival_date > eta")
    op.create_index(
        "ix_shipments_late_arrival",
        "shipments",
        ["arrival_date", "eta"],
        sqlite_where=late,
        postgresql_where=late,
    )


def downgrade() -> None:
    """Drop the triggers, the summary tables and the indexes."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_index("ix_shipments_late_arrival", table_name="shipments")
    op.drop_index("ix_shipments_weight_deviation", table_name="shipments")
    op.drop_index("ix_shipment_events_occurred_at", table_name="shipment_events")
    op.drop_index("ix_shipments_status_eta", table_name="shipments")
    for summary in _summaries(sqlite):
        for suffix in ("ai", "ad", "au"):
            if sqlite:
                op.execute(f"DROP TRIGGER {summary.table}_{suffix}")
            else:
                op.execute(f"DROP TRIGGER {summary.table}_{suffix} ON shipments")
        if not sqlite:
            op.execute(f"DROP FUNCTION {summary.table}_apply()")
        op.drop_table(summary.table)
