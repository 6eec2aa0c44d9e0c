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


def _first_revision() -> str:
    revisions = list(dbmod._script().walk_revisions())
    return next(rev.revision for rev in revisions if rev.down_revision is None)


def test_a_database_at_the_first_revision_upgrades_to_head_with_its_data(tmp_path):
    """Realistic rows written at the first schema revision survive every later revision."""
    from models.services.demo import create_demo

    source = tmp_path / "source.sqlite"
    db = dbmod.open_database(str(source))
    create_demo(db, shipments=60, seed=3)
    db.dispose()
    old = tmp_path / "old.sqlite"
    first = dbmod.Database(dbmod.resolve_url(str(old)))
    dbmod.run_alembic(first, _first_revision())
    first.dispose()
    # The demo rows, in the columns the first revision has, table by table.
    before: dict[str, tuple[str, list[tuple]]] = {}
    with sqlite3.connect(old) as conn:
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                "AND name != 'alembic_version' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            info = conn.execute(f'PRAGMA main.table_info("{table}")')
            columns = ", ".join(f'"{r[1]}"' for r in info)
            conn.execute(
                f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM src."{table}"'
            )
            before[table] = (columns, sorted(conn.execute(f'SELECT {columns} FROM main."{table}"')))
        conn.commit()
        conn.execute("DETACH DATABASE src")
    assert len(before["shipments"][1]) == 60
    upgraded = dbmod.open_database(str(old))
    assert upgraded.schema_state().up_to_date
    upgraded.dispose()
    with sqlite3.connect(old) as conn:
        for table, (columns, rows) in before.items():
            assert sorted(conn.execute(f'SELECT {columns} FROM "{table}"')) == rows, table
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    if dbmod._script().get_current_head() != _first_revision():
        assert len(list(tmp_path.glob("old.before-*.sqlite"))) == 1


def test_revision_0005_gives_chinese_stations_russian_names_but_keeps_a_users(tmp_path):
    path = tmp_path / "office.sqlite"
    dbmod.open_database(str(path)).dispose()
    with sqlite3.connect(path) as conn:  # as a database made before 0005 has them
        conn.execute("UPDATE stations SET name_ru = NULL WHERE country = 'CN' AND role != 'border'")
        conn.execute(
            "UPDATE stations SET name_ru = 'Сиань' WHERE name = ?", ("Xi'an International Port",)
        )
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
    upgraded = dbmod.open_database(str(path))
    assert upgraded.schema_state().up_to_date
    upgraded.dispose()
    with sqlite3.connect(path) as conn:
        names = dict(conn.execute("SELECT name, name_ru FROM stations WHERE country = 'CN'"))
    assert names == {
        "Alashankou": "Алашанькоу",
        "Khorgos": "Хоргос",
        "Qingtongxia": "Цинтунся",
        "Xi'an International Port": "Сиань",  # the user's own name stays
        "Lanzhou Zhongchuan North": "Ланьчжоу Чжунчуань Северный",
    }
