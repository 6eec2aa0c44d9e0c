"""Text search indexes.

Free text in the shipments workspace finds a substring of the waybill, train number, notes or a
wagon/container number. A substring needs a trigram index on both databases:

* SQLite: two external-content FTS5 tables with the ``trigram`` tokenizer (case-insensitive),
  ``shipments_fts`` over shipments (waybill, train_no, notes) and ``shipment_units_fts`` over
  shipment_units (number). Their rowids are the rows' ids; triggers keep them in step with
  every insert, update and delete, so no service has to remember them.
* PostgreSQL: ``pg_trgm`` GIN indexes, which serve ``ILIKE '%text%'``. Creating the extension
  needs a privileged role; when that fails the indexes are skipped (searches still work,
  as scans) and a warning says so.

``ix_shipments_status`` stays, although ``ix_shipments_status_departure`` starts with the same
column: it is (status, id) and so serves the table's sort by status (ties by id) without a sort;
dropped, "sort by status, descending" took seconds on a million rows instead of milliseconds.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 14:40:00
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_log = logging.getLogger("alembic.runtime.migration")

#: The SQLite search tables: name → (content table, indexed columns).
SQLITE_FTS = {
    "shipments_fts": ("shipments", ("waybill", "train_no", "notes")),
    "shipment_units_fts": ("shipment_units", ("number",)),
}

#: The PostgreSQL trigram indexes: name → (table, column).
PG_TRGM = {
    "ix_shipments_waybill_trgm": ("shipments", "waybill"),
    "ix_shipments_train_no_trgm": ("shipments", "train_no"),
    "ix_shipments_notes_trgm": ("shipments", "notes"),
    "ix_shipment_units_number_trgm": ("shipment_units", "number"),
}


def _sqlite_fts_statements(name: str, table: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    # External content: the FTS table stores only the index; 'delete' needs the old values.
    delete = f"INSERT INTO {name}({name}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {name}(rowid, {cols}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE {name} USING fts5({cols}, content='{table}', "
        f"content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {cols} ON {table} BEGIN {delete} {insert} END",
        # One pass over the table builds the whole index (much faster than row by row).
        f"INSERT INTO {name}({name}) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name, (table, columns) in SQLITE_FTS.items():
            for statement in _sqlite_fts_statements(name, table, columns):
                op.execute(statement)
    elif bind.dialect.name == "postgresql":
        savepoint = bind.begin_nested()
        try:
            # In public, not in this schema: an extension dropped with a schema takes every
            # index that uses it along (other schemas' too).
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
        except Exception as error:  # noqa: BLE001 - any refusal means "no trigram indexes"
            savepoint.rollback()
            _log.warning("pg_trgm is not available (%s): text search will scan", error)
            return
        savepoint.commit()
        # The extension is per database, in whichever schema first created it: name its
        # operator class with that schema, since it may not be on this search_path.
        schema = bind.exec_driver_sql(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
            " WHERE e.extname = 'pg_trgm'"
        ).scalar_one()
        ops = f'"{schema}".gin_trgm_ops'
        for name, (table, column) in PG_TRGM.items():
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({column} {ops})")


def downgrade() -> None:
    """Downgrade schema."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in SQLITE_FTS:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {name}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {name}")
    elif bind.dialect.name == "postgresql":
        for name in PG_TRGM:
            op.execute(f"DROP INDEX IF EXISTS {name}")
