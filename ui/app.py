"""Starting the GUI: the QApplication, translators, the crash handler, the database, the window.

Nothing happens at import: directories, logging, settings and the database are all set up
inside :func:`run`.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from models.errors import UserError
from models.progress import Cancelled, CancelToken
from models.services.session import Database, open_database
from ui.errors import CrashHandler, show_user_error
from ui.i18n import apply_saved_language, remove_translators
from ui.main_window import MainWindow
from ui.settings import Settings

_log = logging.getLogger(__name__)

APP_NAME = "Railgrain"
#: Shipments in the demo database the GUI creates on first use of ``--demo``.
DEMO_SHIPMENTS = 2000


def run(
    db: str | None = None,
    *,
    demo: bool = False,
    argv: list[str] | None = None,
    lang: str | None = None,
) -> int:
    """Open the main window on a database and run the event loop.

    Args:
        db: A path or URL (``--db``); None: ``RAILGRAIN_DB`` or the default file.
        demo: Open the demo database in the user data directory instead, creating it first.
        argv: Qt's command line (default: ``sys.argv``).
        lang: The interface language for this run ("en", "zh_CN", "ru"; ``--lang``), over the
            one chosen in Preferences (which itself defaults to the system's).

    Returns:
        The exit code: 0 after a normal quit, 1 when the database cannot be opened.
    """
    app = _application(argv)
    handler, log_file = _start_logging()
    apply_saved_language(app, Settings(), lang)
    previous_hook = sys.excepthook
    sys.excepthook = CrashHandler(str(log_file))
    try:
        try:
            database = _open_demo() if demo else open_database(db)
        except UserError as error:
            show_user_error(
                None,
                error,
                QCoreApplication.translate("App", "Railgrain — cannot open the database"),
            )
            return 1
        if database is None:
            return 1  # the user cancelled creating the demo database
        # The name never holds a password (display_name hides it).
        _log.info("opened %s", database.name)
        try:
            window = MainWindow(database)
            window.show()
            window.backup_actions.start_auto_backup()  # in the background, once a day
            return app.exec()
        finally:
            database.dispose()
    finally:
        sys.excepthook = previous_hook
        remove_translators(app)  # a second run() in the same process starts afresh
        _stop_logging(handler)


def _application(argv: list[str] | None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(sys.argv if argv is None else argv)
    # Also where QSettings() stores its file. (No display name: on Linux Qt would append it
    # to a window title that already starts with "Railgrain".)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    return app


def _start_logging() -> tuple[logging.Handler, Path]:
    """Log our INFO and everyone's warnings to a rotating file in the user log directory."""
    folder = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / "railgrain.log"
    handler = RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    # Our loggers only: INFO on the root logger would also switch on SQLAlchemy's SQL echo.
    for name in ("ui", "models"):
        logging.getLogger(name).setLevel(logging.INFO)
    return handler, log_file


def _stop_logging(handler: logging.Handler) -> None:
    logging.getLogger().removeHandler(handler)
    handler.close()


def demo_path() -> Path:
    """Where ``--demo`` keeps its database."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo.sqlite"


def _open_demo() -> Database | None:
    """The demo database, created and filled first if it does not exist; None if cancelled."""
    path = demo_path()
    if not path.exists():
        # Built under another name and renamed when complete: a cancelled or failed build
        # never leaves a half-filled demo.sqlite behind.
        partial = path.with_name(path.name + ".part")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        database = open_database(str(partial))
        try:
            built = _fill_demo(database)
        finally:
            database.dispose()  # also checkpoints the WAL into the file before the rename
        if not built:
            for leftover in partial.parent.glob(partial.name + "*"):
                leftover.unlink()
            return None
        os.replace(partial, path)
    return open_database(str(path))


def _fill_demo(database: Database) -> bool:
    from models.services.demo import create_demo  # only needed on the first --demo run

    dialog = QProgressDialog(
        QCoreApplication.translate("App", "Creating the demo database…"),
        QCoreApplication.translate("App", "Cancel"),
        0,
        0,
    )
    dialog.setWindowTitle(APP_NAME)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    token = CancelToken()
    dialog.canceled.connect(token.cancel)

    def progress(done: int, total: int, note: str = "") -> None:
        # Runs on the GUI thread between demo rows (before the main window exists), so
        # processing events here keeps the dialog painted and its Cancel button live.
        dialog.setMaximum(total)
        dialog.setValue(done)
        QCoreApplication.processEvents()

    try:
        create_demo(database, shipments=DEMO_SHIPMENTS, progress=progress, cancel=token)
    except Cancelled:
        return False
    finally:
        dialog.reset()
        dialog.deleteLater()
    return True
