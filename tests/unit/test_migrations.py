"""Schema upgrades: an older database is backed up first, then upgraded with its data intact.

The upgrade runs against a copy of the real migrations plus one extra revision written by the
test, so the mechanism is exercised without shipping a fake revision.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest

from models import db as dbmod
from models.errors import DatabaseError

EXTRA_REVISION = '''
"""add a column (test only)"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("stations") as batch:
        batch.add_column(sa.Column("platforms", sa.Integer(), nullable=True))
    {extra}


def downgrade():
    with op.batch_alter_table("stations") as batch:
        batch.drop_column("platforms")
'''


@pytest.fixture
def newer_migrations(tmp_path, monkeypatch):
    """Point models.db at a copy of the migrations with one more revision; returns a writer."""
    folder = tmp_path / "migrations"
    shutil.copytree(dbmod._MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = dbmod._script().get_current_head()

    def add_revision(extra: str = "pass") -> None:
        text = EXTRA_REVISION.format(head=head, extra=extra)
        (folder / "versions" / "9001_test.py").write_text(text)
        monkeypatch.setattr(dbmod, "_MIGRATIONS", folder)

    return add_revision


def _stations(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, name, name_zh FROM stations ORDER BY id").fetchall()


def test_older_database_is_backed_up_then_upgraded_with_data_intact(tmp_path, newer_migrations):
    path = tmp_path / "office.sqlite"
    dbmod.open_database(str(path)).dispose()
    head_before = dbmod._script().get_current_head()
    before = _stations(path)
    newer_migrations()
    upgraded = dbmod.open_database(str(path))
    assert upgraded.schema_state().current == "9001"
    upgraded.dispose()
    assert _stations(path) == before
    with sqlite3.connect(path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(stations)")]
    assert "platforms" in columns
    backups = list(tmp_path.glob("office.before-9001-*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_before
    assert _stations(backups[0]) == before


def test_a_failing_migration_leaves_schema_and_revision_as_they_were(tmp_path, newer_migrations):
    """Alembic on SQLite runs in one transaction (models.db issues BEGIN itself)."""
    path = tmp_path / "office.sqlite"
    dbmod.open_database(str(path)).dispose()
    head_before = dbmod._script().get_current_head()
    with sqlite3.connect(path) as conn:
        schema_before = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    newer_migrations(extra='op.execute("SELECT no_such_function()")')
    with pytest.raises(DatabaseError):
        dbmod.open_database(str(path))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == (
            schema_before
        )
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_before
