"""PostgreSQL trigram indexes on lower(column), so equality lookups keep to the btree indexes.

Since PostgreSQL 14, pg_trgm's GIN operator class also serves ``=``. The planner then takes
the trigram index of 0002 for ``waybill IN (…)`` with a few hundred values and badly
underestimates it: waybills share most of their trigrams, and one such lookup of 500
waybills took 1.9 s instead of 4 ms (re-importing 10,886 unchanged rows: 86 s). On
``lower(column)`` the trigram indexes serve only the text search, which asks
``lower(column) LIKE lower(pattern)`` (the same case folding as ILIKE); ``=`` and ``IN`` on
the plain column use the unique or plain btree index.

SQLite has no such indexes (its text search is FTS5): nothing to do there.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The trigram indexes of 0002: name → (table, column). Frozen here, as a migration must be.
PG_TRGM = {
    "ix_shipments_waybill_trgm": ("shipments", "waybill"),
    "ix_shipments_train_no_trgm": ("shipments", "train_no"),
    "ix_shipments_notes_trgm": ("shipments", "notes"),
    "ix_shipment_units_number_trgm": ("shipment_units", "number"),
}


def _ops() -> str | None:
    """pg_trgm's operator class, named with its schema; None when 0002 found no pg_trgm."""
    schema = (
        op.get_bind()
        .exec_driver_sql(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
            " WHERE e.extname = 'pg_trgm'"
        )
        .scalar()
    )
    return f'"{schema}".gin_trgm_ops' if schema else None


def _rebuild(expression: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    ops = _ops()
    if ops is None:
        return
    for name, (table, column) in PG_TRGM.items():
        op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute(
            f"CREATE INDEX {name} ON {table} USING gin ({expression.format(column)} {ops})"
        )


def upgrade() -> None:
    """Upgrade schema."""
    _rebuild("lower({})")


def downgrade() -> None:
    """Downgrade schema."""
    _rebuild("{}")
