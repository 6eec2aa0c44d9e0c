"""File → Backup… / Restore… and the automatic backup, on a real window over a real file."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from models.services import backup as backups
from ui import settings as keys
from ui.settings import Settings


def _answer_boxes(button: QMessageBox.StandardButton, seen: list[str]) -> QTimer:
    """Press ``button`` (or OK) on every message box that opens, noting its text."""

    def press() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.text())
                target = widget.button(button) or widget.button(QMessageBox.StandardButton.Ok)
                target.click()

    timer = QTimer()
    timer.timeout.connect(press)
    timer.start(50)
    return timer


def _shipments(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM shipments").fetchone()[0]
    finally:
        conn.close()


def test_the_file_menu_offers_backup_and_restore(window) -> None:
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Backup…" in texts and "&Restore…" in texts


def test_backup_from_the_window_writes_a_checked_copy(qtbot, window, demo_db, tmp_path) -> None:
    dest = tmp_path / "saved.sqlite"
    task = window.backup_actions.backup_to(str(dest))
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass
    assert _shipments(dest) == _shipments(Path(demo_db.url.database))
    assert "Backed up to" in window.statusBar().currentMessage()


def test_a_backup_onto_an_existing_file_says_so(qtbot, window, tmp_path) -> None:
    dest = tmp_path / "taken.sqlite"
    dest.write_text("mine")
    seen: list[str] = []
    timer = _answer_boxes(QMessageBox.StandardButton.Ok, seen)
    task = window.backup_actions.backup_to(str(dest))
    with qtbot.waitSignal(task.failed, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    timer.stop()
    assert "already exists" in seen[0]
    assert dest.read_text() == "mine"


def test_restore_asks_then_replaces_the_data_and_the_window_shows_it(
    qtbot, window, demo_db, tmp_path
) -> None:
    path = Path(demo_db.url.database)
    saved = tmp_path / "saved.sqlite"
    backups.backup(demo_db.url, saved)
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("DELETE FROM shipment_units WHERE shipment_id <= 100")
            conn.execute("DELETE FROM shipment_events WHERE shipment_id <= 100")
            conn.execute("DELETE FROM shipments WHERE id <= 100")
    finally:
        conn.close()
    window.shipments_page().refresh()
    before = window.findChild(QLabel, "shipmentsSummary").text()
    seen: list[str] = []
    timer = _answer_boxes(QMessageBox.StandardButton.Yes, seen)
    window.backup_actions.restore_from(str(saved))
    qtbot.waitUntil(lambda: "Restored" in window.backup_actions.last_message, timeout=30_000)
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=10_000)
    timer.stop()
    assert "Replace the open database" in seen[0]
    assert _shipments(path) == _shipments(saved)
    qtbot.waitUntil(
        lambda: window.findChild(QLabel, "shipmentsSummary").text() != before, timeout=10_000
    )
    kept = list(path.parent.glob("demo.before-restore-*.sqlite"))
    assert len(kept) == 1 and _shipments(kept[0]) == _shipments(saved) - 100


def test_restore_cancelled_at_the_question_changes_nothing(qtbot, window, demo_db, tmp_path):
    path = Path(demo_db.url.database)
    saved = tmp_path / "saved.sqlite"
    backups.backup(demo_db.url, saved)
    seen: list[str] = []
    timer = _answer_boxes(QMessageBox.StandardButton.Cancel, seen)
    window.backup_actions.restore_from(str(saved))
    qtbot.waitUntil(
        lambda: "nothing was changed" in window.backup_actions.last_message, timeout=30_000
    )
    timer.stop()
    assert not list(path.parent.glob("demo.before-restore-*"))
    assert not list(path.parent.glob(".*partial*"))


def test_restore_of_a_file_that_is_no_backup_shows_why(qtbot, window, tmp_path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database")
    seen: list[str] = []
    timer = _answer_boxes(QMessageBox.StandardButton.Ok, seen)
    task = window.backup_actions.restore_from(str(bogus))
    with qtbot.waitSignal(task.failed, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    timer.stop()
    assert "not a Railgrain database" in seen[0]


def test_the_automatic_backup_runs_in_the_background_once_a_day(
    qtbot, window, demo_db, tmp_path, settings_store
) -> None:
    folder = tmp_path / "auto"
    Settings(settings_store).set(keys.AUTO_BACKUP_FOLDER, str(folder))
    task = window.backup_actions.start_auto_backup()
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass
    source = Path(demo_db.url.database)
    made = backups.auto_backups(source, folder)
    assert [p.name for p in made] == [f"demo-{date.today().isoformat()}.sqlite"]
    assert "automatic backup" in window.statusBar().currentMessage()
    again = window.backup_actions.start_auto_backup()
    with qtbot.waitSignal(again.done, timeout=30_000) as blocker:
        pass
    assert blocker.args == [None]


def test_no_automatic_backup_when_switched_off(window, settings_store) -> None:
    Settings(settings_store).set(keys.AUTO_BACKUP_KEEP, 0)
    assert window.backup_actions.start_auto_backup() is None
