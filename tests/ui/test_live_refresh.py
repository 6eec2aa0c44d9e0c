"""Changes saved elsewhere show in an open window within 2 s, without losing the user's place."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from models.db import open_database
from models.services import shipments
from models.services.demo import create_demo
from ui.item_models.columns import column_of
from ui.main_window import MainWindow
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ETA = column_of("eta")


def _place(w: MainWindow, row: int) -> tuple[int, int]:
    """Scroll so ``row`` is near the top, make it current; returns (scroll value, row)."""
    view = w.shipments_page().view()
    model = w.shipments_page().model()
    view.scrollTo(model.index(row - 3, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    view.setCurrentIndex(model.index(row, ETA))
    value = view.verticalScrollBar().value()
    assert value > 0
    return value, row


def _revise_elsewhere(path: str, shipment_id: int, days: int) -> None:
    """Revise a shipment's ETA from another process, through the services."""
    script = textwrap.dedent(
        f"""
        from datetime import timedelta
        from models.db import open_database
        from models.services import shipments
        db = open_database({path!r})
        sh = shipments.get(db, {shipment_id})
        base = sh.eta or sh.departure_date
        shipments.revise_eta(db, sh.id, base + timedelta(days={days}), "border queue", sh.version)
        db.dispose()
        """
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, timeout=60)


def test_change_by_another_process_shows_within_two_seconds_in_place(qtbot, window, demo_db):
    page = window.shipments_page()
    model, view = page.model(), page.view()
    scroll, row = _place(window, 300)
    shown = model.row_at(row)
    assert shown is not None and shown.departure_date is not None
    before = shipments.get(demo_db, shown.id)

    _revise_elsewhere(demo_db.url.database, shown.id, 9)
    started = time.monotonic()
    with qtbot.waitSignal(window.data_changed, timeout=2000):
        pass
    assert time.monotonic() - started < 2.0

    after = shipments.get(demo_db, shown.id)
    assert after.version == before.version + 1
    assert model.row_at(row).id == shown.id  # the default order does not depend on the ETA
    assert model.row_at(row).eta == after.eta
    assert model.index(row, ETA).data(model.SortRole) == after.eta
    # the user's place is kept: current row and scroll position
    assert view.currentIndex().row() == row
    assert view.verticalScrollBar().value() == scroll
    assert [r.row() for r in view.selectionModel().selectedRows()] == [row]


def test_change_through_another_connection_refreshes_the_table(qtbot, window, demo_db):
    model = window.shipments_page().model()
    shown = model.row_at(5)
    other = open_database(demo_db.url.database)
    try:
        with qtbot.waitSignal(window.live_refresh.changed_elsewhere, timeout=2000):
            sh = shipments.get(other, shown.id)
            shipments.revise_eta(
                other, sh.id, sh.departure_date + timedelta(days=12), "late loading", sh.version
            )
    finally:
        other.dispose()
    assert model.row_at(5).eta == shown.departure_date + timedelta(days=12)


def test_own_save_refreshes_once_not_again_from_the_watcher(qtbot, window, demo_db):
    model = window.shipments_page().model()
    row = model.row_at(2)
    index = model.index(2, column_of("notes"))
    with qtbot.waitSignal(window.data_changed, timeout=1000):
        assert model.setData(index, "checked at Dostyk")
    assert shipments.get(demo_db, row.id).notes == "checked at Dostyk"
    # longer than two SQLite polls: the window's own save is not "someone else's"
    with qtbot.assertNotEmitted(window.live_refresh.changed_elsewhere, wait=1200):
        pass


def test_refresh_waits_until_the_cell_editor_closes(qtbot, window, demo_db):
    page = window.shipments_page()
    model, view = page.model(), page.view()
    shown = model.row_at(0)
    index = model.index(0, column_of("notes"))
    view.setCurrentIndex(index)
    view.edit(index)
    assert view.state() == QAbstractItemView.State.EditingState
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    other = open_database(demo_db.url.database)
    try:
        sh = shipments.get(other, shown.id)
        shipments.revise_eta(
            other, sh.id, sh.departure_date + timedelta(days=20), "customs check", sh.version
        )
    finally:
        other.dispose()
    with qtbot.waitSignal(window.data_changed, timeout=2000):
        pass
    assert not resets  # the typing in the open editor is not thrown away
    editor = view.indexWidget(index)
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # the user gives up the edit
    assert view.state() != QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: bool(resets), timeout=2000)
    assert model.row_at(0).eta == shown.departure_date + timedelta(days=20)


@pytest.mark.postgres
def test_change_on_postgres_shows_within_two_seconds(qtbot, pg_url, settings_store):
    db = open_database(pg_url)
    create_demo(db, shipments=40, seed=3)
    other = open_database(pg_url)
    w = MainWindow(db, settings=Settings(settings_store))
    qtbot.addWidget(w)
    try:
        w.show()
        qtbot.waitExposed(w)
        model = w.shipments_page().model()
        shown = model.row_at(7)
        sh = shipments.get(other, shown.id)
        started = time.monotonic()
        with qtbot.waitSignal(w.data_changed, timeout=2000):
            shipments.revise_eta(
                other, sh.id, sh.departure_date + timedelta(days=11), "wagon swap", sh.version
            )
        assert time.monotonic() - started < 2.0
        assert model.row_at(7).eta == sh.departure_date + timedelta(days=11)
        # the window's own save is not reported back to it as someone else's
        with qtbot.waitSignal(w.data_changed, timeout=1000):
            assert model.setData(model.index(3, column_of("notes")), "sealed")
        with qtbot.assertNotEmitted(w.live_refresh.changed_elsewhere, wait=500):
            pass
    finally:
        w.live_refresh.stop()
        other.dispose()
        db.dispose()
