"""Who is on the audit trail, and read-only access: real PostgreSQL roles, read-only SQLite.

Each PostgreSQL test creates its login roles (CREATE ROLE … LOGIN; GRANT …) and drops them.
"""

from __future__ import annotations

import getpass
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QLabel

from models.db import Database, open_database
from models.errors import ConflictError, ReadOnlyError, UserError
from models.rules.status import OPEN_STATUSES, Status
from models.services import queries, shipments
from models.services.demo import create_demo
from tests.conftest import PG_URL
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.dialogs.history_dialog import HistoryDialog
from ui.item_models.columns import column_of
from ui.main_window import MainWindow
from ui.settings import Settings

READ = "SELECT"
WRITE = "SELECT, INSERT, UPDATE, DELETE"


@pytest.fixture
def admin() -> Iterator[sa.Engine]:
    engine = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture
def pg_demo(pg_url: str) -> Iterator[Database]:
    """A small demo database in its own schema, opened as the test's superuser."""
    db = open_database(pg_url)
    create_demo(db, shipments=30, seed=5)
    yield db
    db.dispose()


@pytest.fixture
def make_role(admin: sa.Engine, pg_url: str) -> Iterator[Callable[[str], str]]:
    """make_role(privileges) → the URL of a new login role with those table privileges."""
    made: list[str] = []
    schema = sa.make_url(pg_url).query["options"].split("=", 1)[1]

    def make(privileges: str) -> str:
        role = f"rg_role_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE ROLE "{role}" LOGIN'))
            made.append(role)
            conn.execute(sa.text(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"'))
            conn.execute(
                sa.text(f'GRANT {privileges} ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"')
            )
            if privileges != READ:
                conn.execute(
                    sa.text(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{role}"')
                )
        return sa.make_url(pg_url).set(username=role).render_as_string(hide_password=False)

    yield make
    with admin.connect() as conn:
        for role in made:
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"
                ),
                {"r": role},
            )
            conn.execute(sa.text(f'DROP OWNED BY "{role}"'))
            conn.execute(sa.text(f'DROP ROLE "{role}"'))


def _role(url: str) -> str:
    return sa.make_url(url).username or ""


def _snapshot(db: Database, shipment_id: int) -> tuple[int, int, int]:
    """Version, audit entries and events of a shipment: all must stay on a refused save."""
    sh = shipments.get(db, shipment_id)
    return sh.version, len(shipments.audit_trail(db, shipment_id)), len(shipments.events(db, sh.id))


def _open_shipment(db: Database) -> int:
    """A shipment that may still be cancelled."""
    rows = queries.page(db, queries.Filter(), queries.Sort(), 0, 100)
    return next(r.id for r in rows if Status(r.status) in OPEN_STATUSES)


# -- who is on the audit trail -------------------------------------------------------------


def test_sqlite_names_the_os_login(sqlite_db):
    assert sqlite_db.user == getpass.getuser()


@pytest.mark.postgres
def test_postgres_audit_trail_and_history_name_the_database_role(qtbot, pg_demo, make_role):
    url = make_role(WRITE)
    clerk = open_database(url)
    still = _open_shipment(pg_demo)
    try:
        assert clerk.user == _role(url)
        sh = shipments.get(clerk, 4)
        shipments.revise_eta(
            clerk, sh.id, sh.departure_date + timedelta(days=9), "queue at Khorgos", sh.version
        )
        shipments.change_status(clerk, [still], Status.CANCELLED, note="buyer withdrew")
    finally:
        clerk.dispose()
    assert shipments.audit_trail(pg_demo, 4)[-1]["user"] == _role(url)
    assert shipments.audit_trail(pg_demo, still)[-1]["user"] == _role(url)
    assert shipments.events(pg_demo, still)[-1]["user"] == _role(url)
    assert shipments.get(pg_demo, 4).updated_by == _role(url)
    assert pg_demo.user == sa.make_url(PG_URL).username  # the superuser, not the clerk
    # and the history dialog shows it, under "Who"
    eta_history = HistoryDialog(pg_demo, 4)
    qtbot.addWidget(eta_history)
    eta = eta_history.table("historyEta")
    assert eta.item(eta.rowCount() - 1, 1).text() == _role(url)
    status_history = HistoryDialog(pg_demo, still)
    qtbot.addWidget(status_history)
    events = status_history.table("historyEvents")
    assert events.item(events.rowCount() - 1, 3).text() == _role(url)


@pytest.mark.postgres
def test_postgres_conflict_names_the_role_that_saved_first(qtbot, pg_demo, make_role):
    url = make_role(WRITE)
    clerk = open_database(url)
    try:
        mine = shipments.get(pg_demo, 6)
        theirs = shipments.get(clerk, 6)
        shipments.revise_eta(
            clerk, 6, theirs.departure_date + timedelta(days=5), "rain", theirs.version
        )
        with pytest.raises(ConflictError) as caught:
            shipments.revise_eta(
                pg_demo, 6, mine.departure_date + timedelta(days=8), "snow", mine.version
            )
    finally:
        clerk.dispose()
    assert caught.value.who == _role(url)
    dialog = ConflictDialog(None, caught.value, [])
    qtbot.addWidget(dialog)
    assert _role(url) in " ".join(label.text() for label in dialog.findChildren(QLabel))


# -- read-only access ----------------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_read_only_role_sees_everything_and_may_not_change_anything(pg_demo, make_role):
    url = make_role(READ)
    viewer = open_database(url)
    try:
        assert viewer.user == _role(url)
        assert queries.totals(viewer) == queries.totals(pg_demo)
        assert shipments.get(viewer, 3) == shipments.get(pg_demo, 3)
        still = _open_shipment(pg_demo)
        before = _snapshot(pg_demo, 3), _snapshot(pg_demo, still)
        sh = shipments.get(viewer, 3)
        attempts = [
            lambda: shipments.revise_eta(
                viewer, 3, sh.departure_date + timedelta(days=3), "why", sh.version
            ),
            lambda: shipments.change_status(viewer, [still], Status.CANCELLED, note="x"),
            lambda: shipments.update(viewer, 3, sh.as_input(), sh.version, note=None),
            lambda: shipments.delete(viewer, 3, sh.version),
        ]
        for attempt in attempts:
            with pytest.raises(ReadOnlyError, match="you may not change data"):
                attempt()
        assert (_snapshot(pg_demo, 3), _snapshot(pg_demo, still)) == before
    finally:
        viewer.dispose()


def _edit_in_window(qtbot, tmp_path: Path, db: Database) -> tuple[bool, str]:
    settings = Settings(QSettings(str(tmp_path / "railgrain.ini"), QSettings.Format.IniFormat))
    window = MainWindow(db, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        page = window.shipments_page()
        model = page.model()
        saved = model.setData(model.index(0, column_of("notes")), "re-weighed at Alashankou")
        return saved, page.message()
    finally:
        # The caller disposes the role's engine next. A connection a worker still held, or
        # one a deferred load (reference lists, counts) opened afterwards, would outlive it
        # unclosed: psycopg's ResourceWarning then fails some later test. So the window goes
        # first, with its workers and timers.
        window.live_refresh.stop()
        window.close()
        for pool in window.findChildren(QThreadPool):
            pool.waitForDone(10_000)


@pytest.mark.postgres
def test_postgres_read_only_role_gets_a_clear_message_in_the_window(
    qtbot, tmp_path, pg_demo, make_role
):
    viewer = open_database(make_role(READ))
    try:
        first = queries.page(pg_demo, queries.Filter(), queries.Sort(), 0, 1)[0]
        before = _snapshot(pg_demo, first.id)
        saved, message = _edit_in_window(qtbot, tmp_path, viewer)
    finally:
        viewer.dispose()
    assert not saved
    assert "you may not change data" in message
    assert _snapshot(pg_demo, first.id) == before


def test_sqlite_opened_read_only_sees_everything_and_may_not_change_anything(
    qtbot, tmp_path, sqlite_db
):
    create_demo(sqlite_db, shipments=20, seed=2)
    path = sqlite_db.url.database
    before = _snapshot(sqlite_db, 2)
    viewer = open_database(path, readonly=True)
    try:
        assert queries.totals(viewer) == queries.totals(sqlite_db)
        sh = shipments.get(viewer, 2)
        with pytest.raises(ReadOnlyError, match="you may not change data"):
            shipments.revise_eta(viewer, 2, sh.departure_date, "why", sh.version)
        saved, message = _edit_in_window(qtbot, tmp_path, viewer)
    finally:
        viewer.dispose()
    assert not saved
    assert "you may not change data" in message
    assert _snapshot(sqlite_db, 2) == before


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write any file")
def test_sqlite_read_only_file_may_not_be_changed(tmp_path, sqlite_db):
    create_demo(sqlite_db, shipments=5, seed=2)
    path = Path(sqlite_db.url.database)
    sqlite_db.dispose()
    path.chmod(0o444)
    try:
        db = open_database(str(path))
        try:
            sh = shipments.get(db, 1)
            with pytest.raises(UserError, match="read-only"):
                shipments.revise_eta(db, 1, sh.departure_date, "why", sh.version)
            assert shipments.get(db, 1).version == sh.version
        finally:
            db.dispose()
    finally:
        path.chmod(0o644)
