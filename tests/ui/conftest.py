"""UI fixtures: a demo database copied per test from a session template, isolated settings."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from models.db import Database, open_database
from models.services.demo import create_demo
from ui.i18n import apply_language, remove_translators
from ui.item_models.shipments_table import ShipmentsTableModel

#: Shipments in the UI tests' demo database: enough for several pages, small for qtmodeltester.
DEMO_SHIPMENTS = 600


@pytest.fixture(autouse=True)
def _pinned_locale() -> Iterator[None]:
    """English (US) numbers and dates, whatever the machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture(autouse=True)
def _counts_before_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read ``rowCount()`` right after a filter: let the count always arrive first.

    In the window a count slower than 40 ms comes after the first rows; on a loaded test
    machine that would make row counts depend on timing. Tests of the late-count path pass
    ``totals_wait_ms=0`` themselves.
    """
    monkeypatch.setattr(ShipmentsTableModel, "TOTALS_WAIT_MS", 10_000)


@pytest.fixture(autouse=True)
def _app(qapp):
    """Every UI test runs with a QApplication (icons and pixmaps need one)."""
    return qapp


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings, logs and data directories under tmp_path: tests never touch the user's."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def settings_store(tmp_path: Path) -> QSettings:
    """A settings file of this test's own."""
    return QSettings(str(tmp_path / "railgrain.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database built once per session; tests get copies (Anki's master copy)."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    db = open_database(str(path))
    try:
        create_demo(db, shipments=DEMO_SHIPMENTS, seed=1)
    finally:
        db.dispose()  # checkpoints the WAL: the file alone is the whole database
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Iterator[Database]:
    """A demo database of DEMO_SHIPMENTS shipments in this test's own SQLite file."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    db = open_database(str(path))
    yield db
    db.dispose()


@pytest.fixture
def window(qtbot, demo_db: Database, settings_store):
    """The main window on the demo database, shown at 1600×1000 and active.

    Active because the table's shortcuts only fire in the active window.
    """
    from ui.main_window import MainWindow
    from ui.settings import Settings

    w = MainWindow(demo_db, settings=Settings(settings_store))
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    w.live_refresh.stop()


@pytest.fixture
def language(qapp) -> Iterator[Callable[[str], QLocale]]:
    """Switch the app's language for one test; English source texts again afterwards."""
    yield lambda code: apply_language(qapp, code)
    remove_translators(qapp)
